package dev.vouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Single sign-on with an OpenID Connect provider (Microsoft Entra ID, Okta, Google, Keycloak…), from the
 * {@code server.oidc} section of vouch.yaml. The client secret comes only from the environment variable the section
 * names; it is never written in the file and never printed ({@link #toString} leaves it out).
 *
 * @param issuer the provider's issuer URL; its {@code /.well-known/openid-configuration} is read at start
 * @param clientId the application (client) id registered at the provider
 * @param clientSecretEnv the name of the environment variable holding the client secret
 * @param clientSecret the secret read from that variable
 * @param name the provider's name on the sign-in button
 * @param usernameClaim the ID token claim holding the Vouch user name
 */
public record OidcSettings(String issuer, String clientId, String clientSecretEnv, String clientSecret, String name,
        String usernameClaim) {
    static final String DEFAULT_CLAIM = "preferred_username";
    private static final Set<String> FIELDS = Set.of("issuer", "clientId", "clientSecretEnv", "name", "usernameClaim");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** The settings of {@code server.oidc}, or empty when the workspace does not configure single sign-on. */
    public static Optional<OidcSettings> read(Workspace ws, Function<String, String> environment) {
        Optional<JsonNode> server = ws.section("server");
        if (server.isEmpty() || server.get().path("oidc").isMissingNode() || server.get().path("oidc").isNull()) {
            return Optional.empty();
        }
        JsonNode o = server.get().path("oidc");
        if (!o.isObject()) {
            throw new ConfigException(ws.where("/server/oidc") + ": 'server.oidc' must be a mapping with issuer, clientId and "
                    + "clientSecretEnv (see docs/oidc.md)");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String f = it.next();
            if ("clientSecret".equals(f)) {
                throw new ConfigException(ws.where("/server/oidc/clientSecret") + ": the client secret is never written in "
                        + "vouch.yaml; put it in an environment variable and name that variable in 'clientSecretEnv'");
            }
            if (!FIELDS.contains(f)) {
                throw new ConfigException(ws.where("/server/oidc/" + f) + ": unknown field '" + f + "' (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        String issuer = issuer(ws, required(ws, o, "issuer"));
        String clientId = required(ws, o, "clientId");
        String env = required(ws, o, "clientSecretEnv");
        if (!ENV_NAME.matcher(env).matches()) {
            throw new ConfigException(ws.where("/server/oidc/clientSecretEnv") + ": 'server.oidc.clientSecretEnv' must be the "
                    + "name of an environment variable such as VOUCH_OIDC_CLIENT_SECRET, was '" + env + "'");
        }
        String secret = environment.apply(env);
        if (secret == null || secret.isBlank()) {
            throw new ConfigException(ws.where("/server/oidc/clientSecretEnv") + ": the environment variable " + env
                    + " (the OIDC client secret) is not set or empty");
        }
        String name = optional(ws, o, "name").map(OidcSettings::label).orElse("single sign-on");
        String claim = optional(ws, o, "usernameClaim").orElse(DEFAULT_CLAIM);
        if (!CLAIM.matcher(claim).matches()) {
            throw new ConfigException(ws.where("/server/oidc/usernameClaim") + ": 'server.oidc.usernameClaim' must be a claim "
                    + "name such as preferred_username, was '" + claim + "'");
        }
        return Optional.of(new OidcSettings(issuer, clientId, env, secret.strip(), name, claim));
    }

    private static String issuer(Workspace ws, String value) {
        String problem;
        try {
            URI u = new URI(value);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            boolean https = "https".equalsIgnoreCase(u.getScheme());
            boolean localHttp = "http".equalsIgnoreCase(u.getScheme()) && LOOPBACK.contains(host);
            if (u.getHost() != null && (https || localHttp) && u.getQuery() == null && u.getFragment() == null) {
                return value;
            }
            problem = "must be an https URL";
        } catch (URISyntaxException e) {
            problem = "is not a URL (" + e.getReason() + ")";
        }
        throw new ConfigException(ws.where("/server/oidc/issuer") + ": 'server.oidc.issuer' " + problem
                + " such as https://login.microsoftonline.com/<tenant-id>/v2.0, was '" + value + "'");
    }

    private static String required(Workspace ws, JsonNode o, String field) {
        return optional(ws, o, field).orElseThrow(() -> new ConfigException(ws.where("/server/oidc") + ": 'server.oidc."
                + field + "' is missing (see docs/oidc.md)"));
    }

    private static Optional<String> optional(Workspace ws, JsonNode o, String field) {
        JsonNode n = o.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ConfigException(ws.where("/server/oidc/" + field) + ": 'server.oidc." + field + "' must be a non-empty text");
        }
        return Optional.of(n.asText().strip());
    }

    private static String label(String raw) {
        String s = raw.replaceAll("\\p{Cntrl}", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecretEnv=" + clientSecretEnv + ", name="
                + name + ", usernameClaim=" + usernameClaim + "]";
    }
}
