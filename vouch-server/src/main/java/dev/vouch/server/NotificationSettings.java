package dev.vouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.model.Severity;
import dev.vouch.notify.Channel;
import dev.vouch.notify.EmailChannel;
import dev.vouch.notify.WebhookChannel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code notifications:} section of vouch.yaml (docs/notifications.md, "In vouch.yaml"), read and checked when
 * the server starts. Secrets (webhook URLs, the SMTP password) come from environment variables named in the file;
 * a Slack or Teams webhook URL written into the file is refused. No message quotes a secret: errors name
 * vouch.yaml:line and the field, and at most the variable's name.
 *
 * @param events which events are sent (default: all)
 * @param channels the webhooks, then the e-mail channel
 * @param linkBase the server's external address for links in messages, or empty
 */
public record NotificationSettings(Set<Event> events, List<Channel> channels, String linkBase) {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationSettings.class);
    private static final Set<String> FIELDS = Set.of("on", "webhooks", "email", "link");
    private static final Set<String> WEBHOOK_FIELDS = Set.of("name", "url", "urlEnv", "format", "minSeverity", "allowPrivateNetwork");
    private static final Set<String> EMAIL_FIELDS = Set.of("name", "host", "port", "tls", "from", "to", "username", "usernameEnv",
            "passwordEnv", "minSeverity", "allowInsecure");
    /** Hosts whose webhook URLs carry their credential in the path. */
    private static final List<String> SECRET_URL_HOSTS = List.of("hooks.slack.com", "webhook.office.com", "outlook.office.com",
            "logic.azure.com", "environment.api.powerplatform.com");

    /** What can be sent. */
    public enum Event {
        NEW_FAILURES, DRIFT, OVERDUE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Reads environment variables (System::getenv in production; a map in tests). */
    @FunctionalInterface
    public interface Env {
        String get(String name);
    }

    public NotificationSettings {
        events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
        channels = List.copyOf(channels);
    }

    public static NotificationSettings none() {
        return new NotificationSettings(Set.of(), List.of(), "");
    }

    public boolean sends(Event e) {
        return events.contains(e) && !channels.isEmpty();
    }

    /** The workspace's settings; a {@link ConfigException} naming vouch.yaml:line and the field when one is wrong. */
    public static NotificationSettings of(Workspace ws, Env env) {
        Optional<JsonNode> section = ws.section("notifications");
        if (section.isEmpty()) {
            return none();
        }
        return new Parser(ws, env).parse(section.get());
    }

    /** Reads one section, with the workspace for file:line. */
    private record Parser(Workspace ws, Env env) {
        NotificationSettings parse(JsonNode n) {
            if (!n.isObject()) {
                throw bad("", "'notifications' must be a mapping with 'webhooks', 'email' and 'on'");
            }
            unknownFields(n, "", FIELDS);
            List<Channel> channels = new ArrayList<>();
            JsonNode hooks = n.path("webhooks");
            if (!hooks.isMissingNode() && !hooks.isNull()) {
                if (!hooks.isArray()) {
                    throw bad("/webhooks", "'webhooks' must be a list of {urlEnv: VARIABLE, format: slack|teams|generic}");
                }
                for (int i = 0; i < hooks.size(); i++) {
                    channels.add(webhook(hooks.get(i), "/webhooks/" + i, i));
                }
            }
            JsonNode email = n.path("email");
            if (!email.isMissingNode() && !email.isNull()) {
                channels.add(email(email, "/email"));
            }
            long names = channels.stream().map(Channel::name).distinct().count();
            if (names != channels.size()) {
                throw bad("", "channel names must be unique (" + String.join(", ", channels.stream().map(Channel::name).toList()) + ")");
            }
            return new NotificationSettings(events(n.path("on")), channels, link(n.path("link")));
        }

        private Set<Event> events(JsonNode on) {
            if (on.isMissingNode() || on.isNull()) {
                return EnumSet.allOf(Event.class);
            }
            if (!on.isArray()) {
                throw bad("/on", "'on' must be a list of new-failures, drift, overdue");
            }
            Set<Event> out = EnumSet.noneOf(Event.class);
            for (int i = 0; i < on.size(); i++) {
                String v = on.get(i).asText("");
                Event e = null;
                for (Event candidate : Event.values()) {
                    if (candidate.wireName().equals(v.trim().toLowerCase(Locale.ROOT))) {
                        e = candidate;
                    }
                }
                if (e == null) {
                    throw bad("/on/" + i, "'on' must be one of new-failures, drift, overdue, was '" + printable(v) + "'");
                }
                out.add(e);
            }
            return out;
        }

        private String link(JsonNode n) {
            if (n.isMissingNode() || n.isNull()) {
                return "";
            }
            String v = n.asText("").strip();
            if (!v.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
                throw bad("/link", "'link' must be the server's address such as https://vouch.example.com, was '" + printable(v) + "'");
            }
            return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        }

        private WebhookChannel webhook(JsonNode h, String at, int index) {
            if (!h.isObject()) {
                throw bad(at, "a webhook must be {urlEnv: VARIABLE, format: slack|teams|generic}");
            }
            unknownFields(h, at, WEBHOOK_FIELDS);
            String name = text(h, at, "name").orElse("webhook-" + (index + 1));
            WebhookChannel.Format format = format(h, at);
            URI url = webhookUrl(h, at, name);
            try {
                return new WebhookChannel(name, url, format, severity(h, at), h.path("allowPrivateNetwork").asBoolean(false));
            } catch (IllegalArgumentException | NullPointerException e) {
                // the library's messages name the channel, field and host only, never the URL's path
                throw bad(at, e.getMessage());
            }
        }

        private URI webhookUrl(JsonNode h, String at, String name) {
            Optional<String> literal = text(h, at, "url");
            Optional<String> variable = text(h, at, "urlEnv");
            if (literal.isPresent() == variable.isPresent()) {
                throw bad(at, "webhook '" + name + "': give 'urlEnv' (the environment variable holding the URL) or, for a local relay, 'url'");
            }
            String raw = variable.isPresent() ? fromEnv(at + "/urlEnv", variable.get(), "webhook '" + name + "'") : literal.get();
            URI url;
            try {
                url = new URI(raw.strip());
            } catch (URISyntaxException e) {
                throw bad(at + (variable.isPresent() ? "/urlEnv" : "/url"), "webhook '" + name + "': "
                        + (variable.isPresent() ? "$" + variable.get() : "'url'") + " is not a valid URL");
            }
            if (literal.isPresent()) {
                checkLiteral(url, at, name);
            }
            return url;
        }

        /** A URL written into vouch.yaml: refused where the path is the credential, otherwise a warning. */
        private void checkLiteral(URI url, String at, String name) {
            String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
            boolean secretHost = SECRET_URL_HOSTS.stream().anyMatch(s -> host.equals(s) || host.endsWith("." + s));
            if (secretHost) {
                throw bad(at + "/url", "webhook '" + name + "': a " + host + " webhook URL is a secret (its path is the credential)"
                        + " and must not be written into vouch.yaml; put it in an environment variable and name that with 'urlEnv'");
            }
            boolean loopback = Set.of("localhost", "127.0.0.1", "::1", "[::1]").contains(host);
            if (!loopback && (url.getRawQuery() != null || (url.getRawPath() != null && url.getRawPath().length() > 1))) {
                LOG.warn("{}: webhook '{}' has its URL written into vouch.yaml; if its path or query is a credential, move it to an"
                        + " environment variable and use 'urlEnv'", ws.where(at + "/url"), name);
            }
        }

        private WebhookChannel.Format format(JsonNode h, String at) {
            String f = text(h, at, "format").orElseThrow(() -> bad(at, "webhook: field 'format' is required (slack, teams or generic)"));
            try {
                return WebhookChannel.Format.valueOf(f.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(at + "/format", "'format' must be slack, teams or generic, was '" + printable(f) + "'");
            }
        }

        private EmailChannel email(JsonNode m, String at) {
            if (!m.isObject()) {
                throw bad(at, "'email' must be {host, port, from, to: [..], usernameEnv, passwordEnv}");
            }
            unknownFields(m, at, EMAIL_FIELDS);
            String name = text(m, at, "name").orElse("email");
            String host = text(m, at, "host").orElseThrow(() -> bad(at, "email: field 'host' is required"));
            int port = port(m, at);
            EmailChannel.TlsMode tls = tls(m, at);
            Optional<String> user = text(m, at, "username");
            Optional<String> userVar = text(m, at, "usernameEnv");
            if (user.isPresent() && userVar.isPresent()) {
                throw bad(at + "/usernameEnv", "email: give 'username' or 'usernameEnv', not both");
            }
            String username = userVar.isPresent() ? fromEnv(at + "/usernameEnv", userVar.get(), "email") : user.orElse("");
            Optional<String> passVar = text(m, at, "passwordEnv");
            if (!username.isEmpty() && passVar.isEmpty()) {
                throw bad(at, "email: a username needs 'passwordEnv' (the environment variable holding the SMTP password)");
            }
            String password = passVar.isPresent() ? fromEnv(at + "/passwordEnv", passVar.get(), "email") : "";
            List<String> to = recipients(m, at);
            String from = text(m, at, "from").orElseThrow(() -> bad(at, "email: field 'from' is required"));
            try {
                return new EmailChannel(name, host, port, tls, username, password, from, to, severity(m, at),
                        m.path("allowInsecure").asBoolean(false));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw bad(at, redact(e.getMessage(), password));
            }
        }

        private int port(JsonNode m, String at) {
            JsonNode p = m.path("port");
            if (p.isMissingNode() || p.isNull()) {
                return 587;
            }
            if (!p.canConvertToInt() || !p.isIntegralNumber() || p.asInt() < 1 || p.asInt() > 65535) {
                throw bad(at + "/port", "email: 'port' must be a number 1..65535, was '" + printable(p.asText()) + "'");
            }
            return p.asInt();
        }

        private EmailChannel.TlsMode tls(JsonNode m, String at) {
            String t = text(m, at, "tls").orElse("starttls").toLowerCase(Locale.ROOT).replace('-', '_');
            return switch (t) {
                case "starttls", "starttls_required" -> EmailChannel.TlsMode.STARTTLS_REQUIRED;
                case "implicit", "implicit_tls", "smtps" -> EmailChannel.TlsMode.IMPLICIT_TLS;
                case "none" -> EmailChannel.TlsMode.NONE;
                default -> throw bad(at + "/tls", "email: 'tls' must be starttls (the default), implicit or none, was '" + printable(t) + "'");
            };
        }

        private List<String> recipients(JsonNode m, String at) {
            JsonNode to = m.path("to");
            if (to.isTextual()) {
                return List.of(to.asText());
            }
            if (!to.isArray() || to.isEmpty()) {
                throw bad(at + (to.isMissingNode() ? "" : "/to"), "email: 'to' must be a list of at least one address");
            }
            List<String> out = new ArrayList<>();
            to.forEach(a -> out.add(a.asText()));
            return out;
        }

        private Severity severity(JsonNode n, String at) {
            Optional<String> s = text(n, at, "minSeverity");
            try {
                return s.map(Severity::parse).orElse(Severity.LOW);
            } catch (IllegalArgumentException e) {
                throw bad(at + "/minSeverity", "'minSeverity' " + e.getMessage());
            }
        }

        private String fromEnv(String at, String variable, String what) {
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw bad(at, what + ": '" + printable(variable) + "' is not an environment variable name");
            }
            String v = env.get(variable);
            if (v == null || v.isBlank()) {
                throw bad(at, what + ": environment variable " + variable + " is not set (or empty)");
            }
            return v;
        }

        private Optional<String> text(JsonNode n, String at, String field) {
            JsonNode v = n.path(field);
            if (v.isMissingNode() || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                throw bad(at + "/" + field, "field '" + field + "' must be a non-empty value");
            }
            return Optional.of(v.asText().strip());
        }

        private void unknownFields(JsonNode n, String at, Set<String> allowed) {
            n.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    throw bad(at + "/" + f, "unknown field '" + printable(f) + "' (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            });
        }

        private ConfigException bad(String pointer, String message) {
            return new ConfigException(ws.where("/notifications" + pointer) + ": notifications: " + message);
        }
    }

    private static String redact(String message, String secret) {
        String m = message == null ? "invalid" : message;
        return secret.length() < 2 ? m : m.replace(secret, "***");
    }

    /** A value quoted in a message: one line, at most 80 characters. */
    static String printable(String s) {
        if (s.contains("://")) {
            return "(a URL, not shown)"; // a misplaced webhook URL is still a secret
        }
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
