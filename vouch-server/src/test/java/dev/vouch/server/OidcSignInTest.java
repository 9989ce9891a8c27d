package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vouch.auth.Totp;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.blob.FileBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on walked over real HTTP: a browser-like client, the real server, and a WireMock identity provider on
 * loopback that signs real RS256 ID tokens. The server runs three days in the past (an offset clock), so an ID token
 * is accepted only when its times are checked on the server's injected clock.
 */
class OidcSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.ofDays(-3));
    @TempDir
    static Path dir;
    static TestIdp idp;
    static ServerFixture f;
    static String adaTotp;

    /** One round trip: Vouch's redirect to the provider (its query), and the page the browser lands on back at Vouch. */
    record Trip(HttpResponse<String> start, Map<String, String> authorize, HttpResponse<String> back) {
    }

    @BeforeAll
    static void start() throws IOException {
        idp = new TestIdp();
        Path ws = ServerFixture.copyExample(dir.resolve("ws"));
        Files.writeString(ws.resolve("vouch.yaml"), oidcYaml(idp.issuer()), java.nio.file.StandardOpenOption.APPEND);
        f = ServerFixture.start(ServerSettings.forTest(ws, CLOCK));
        f.user("erin@acme.example", Role.EDITOR, Optional.empty(), Optional.empty());
        adaTotp = f.user("ada@acme.example", Role.ADMIN, Optional.empty(), Optional.empty()).orElseThrow();
        // an admin without an authenticator in Vouch (made by another admin, not signed in yet)
        f.bean(AccountService.class).create("otto@acme.example", "Otto", Role.ADMIN, ServerFixture.PASSWORD, Optional.empty(),
                Optional.empty());
        f.user("dora@acme.example", Role.VIEWER, Optional.empty(), Optional.empty());
        f.accounts().setDisabled(f.accounts().byUsername("dora@acme.example").orElseThrow().id(), true);
    }

    @AfterAll
    static void stop() {
        if (f != null) {
            f.close();
        }
        idp.close();
    }

    static String oidcYaml(String issuer) {
        return "\nserver:\n  oidc:\n    issuer: " + issuer + "\n    clientId: " + TestIdp.CLIENT_ID + "\n"
                + "    clientSecretEnv: VOUCH_TEST_OIDC_SECRET\n    name: Test IdP\n";
    }

    @Test
    void editorSignsInWithTheProviderAndLandsOnTheDashboard() throws Exception {
        ServerFixture.Browser b = f.browser();
        b.get("/login");
        String before = session(b);
        Trip t = trip(b, "Erin@Acme.example", List.of("pwd"), c -> c);
        assertThat(session(b)).isNotEmpty().isNotEqualTo(before); // a new session id at sign-in

        // authorization code flow with PKCE (S256), state and nonce, back to this server's callback
        assertThat(t.authorize()).containsEntry("response_type", "code").containsEntry("client_id", TestIdp.CLIENT_ID)
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", f.base + "/login/oauth2/code/oidc");
        assertThat(t.authorize().get("scope").split(" ")).contains("openid", "profile", "email");
        assertThat(t.authorize().get("state")).hasSizeGreaterThan(20);
        assertThat(t.authorize().get("nonce")).hasSizeGreaterThan(20);
        // the sign-in in flight is tied to this browser by a Lax cookie (the Strict session cookie is not sent back)
        assertThat(t.start().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(OidcRequests.COOKIE + "=").contains("Path=/login/oauth2/code/", "HttpOnly", "SameSite=Lax"));

        LoggedRequest tokenCall = tokenCall("c-" + t.authorize().get("nonce"));
        Map<String, String> form = query(tokenCall.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code").doesNotContainKey("client_secret");
        assertThat(s256(form.get("code_verifier"))).isEqualTo(t.authorize().get("code_challenge"));
        assertThat(tokenCall.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((TestIdp.CLIENT_ID + ":" + TestIdp.SECRET).getBytes(StandardCharsets.UTF_8)));

        assertThat(t.back().statusCode()).isEqualTo(200);
        assertThat(t.back().body()).contains("http-equiv=\"refresh\"", "content=\"0; url=/\"");
        HttpResponse<String> dash = b.get("/");
        assertThat(dash.statusCode()).isEqualTo(200);
        assertThat(dash.body()).contains("erin@acme.example", "No scan yet");
        assertThat(audit("signin", "erin@acme.example")).containsEntry("outcome", "success").containsEntry("method", "oidc");

        // the callback works once: replayed, it finds no sign-in in flight
        HttpResponse<String> replay = b.send(HttpRequest.newBuilder(URI.create(t.back().uri().toString())).GET().build());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("authorization_request_not_found");
    }

    @Test
    void anotherIdentityCarryingTheSameUserNameIsRefused() {
        ServerFixture.Browser b = f.browser();
        Trip first = trip(b, "Erin@Acme.example", List.of("pwd"), c -> c); // as in the other tests: the same subject
        assertThat(first.back().statusCode()).isEqualTo(200);
        assertThat(f.accounts().byUsername("erin@acme.example").orElseThrow().ssoSubject()).get().asString()
                .startsWith(idp.issuer()).endsWith(" sub-" + "Erin@Acme.example".hashCode());
        idp.forcedSubject = "someone-else-renamed-to-erin";
        try {
            ServerFixture.Browser other = f.browser();
            Trip t = trip(other, "erin@acme.example", List.of("pwd"), c -> c);
            assertThat(t.back().statusCode()).isEqualTo(403);
            assertThat(t.back().body()).contains("linked to another Test IdP identity");
            assertThat(ServerFixture.location(other.get("/"))).isEqualTo("/login");
        } finally {
            idp.forcedSubject = null;
        }
    }

    @Test
    void aUserWithoutAVouchAccountIsRefusedAndNotCreated() {
        ServerFixture.Browser b = f.browser();
        Trip t = trip(b, "mallory@acme.example", List.of("pwd", "mfa"), c -> c);
        assertThat(t.back().statusCode()).isEqualTo(403);
        assertThat(t.back().body()).contains("Sign-in refused", "Ask an admin to add mallory@acme.example")
                .doesNotContain("http-equiv=\"refresh\"");
        assertThat(ServerFixture.location(b.get("/"))).isEqualTo("/login");
        assertThat(f.accounts().byUsername("mallory@acme.example")).isEmpty();
        assertThat(audit("signin.oidc", "mallory@acme.example")).containsEntry("outcome", "failure")
                .containsEntry("reason", "no-account");

        ServerFixture.Browser d = f.browser();
        Trip disabled = trip(d, "dora@acme.example", List.of("pwd"), c -> c);
        assertThat(disabled.back().statusCode()).isEqualTo(403);
        assertThat(disabled.back().body()).contains("dora@acme.example is disabled");
        assertThat(ServerFixture.location(d.get("/"))).isEqualTo("/login");
    }

    @Test
    void anAdminWithoutMfaAtTheProviderGivesTheAuthenticatorCode() {
        ServerFixture.Browser b = f.browser();
        Trip t = trip(b, "ada@acme.example", List.of("pwd"), c -> c);
        assertThat(t.back().statusCode()).isEqualTo(200);
        assertThat(t.back().body()).contains("content=\"0; url=/login/totp\"");
        assertThat(ServerFixture.location(b.get("/"))).isEqualTo("/login"); // not signed in before the code
        assertThat(b.get("/login/totp").statusCode()).isEqualTo(200);
        assertThat(b.post("/login/totp", Map.of("code", "000000")).statusCode()).isEqualTo(401);
        HttpResponse<String> in = b.post("/login/totp", Map.of("code", Totp.codeAt(adaTotp, CLOCK.instant())));
        assertThat(ServerFixture.location(in)).isEqualTo("/");
        HttpResponse<String> page = b.get("/settings/users");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(audit("signin", "ada@acme.example")).containsEntry("method", "oidc+totp");
    }

    @Test
    void anAdminWithMfaAtTheProviderSignsInDirectly() {
        ServerFixture.Browser b = f.browser();
        Trip t = trip(b, "ada@acme.example", List.of("pwd", "mfa"), c -> c);
        assertThat(t.back().body()).contains("content=\"0; url=/\"");
        assertThat(b.get("/settings/users").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminWithNoMfaAnywhereIsRefused() {
        ServerFixture.Browser b = f.browser();
        Trip t = trip(b, "otto@acme.example", null, c -> c);
        assertThat(t.back().statusCode()).isEqualTo(403);
        assertThat(t.back().body()).contains("Admins need multi-factor authentication");
        assertThat(ServerFixture.location(b.get("/"))).isEqualTo("/login");
        assertThat(ServerFixture.location(b.get("/login/totp"))).isEqualTo("/login");
    }

    @Test
    void aTamperedOrForeignSignedTokenIsRefused() {
        // erin's signed token with ada's claims (and MFA) put in: the signature no longer matches
        ServerFixture.Browser b = f.browser();
        Trip t = trip(b, "erin@acme.example", List.of("pwd"), c -> c, (claims, signed) -> TestIdp.tampered(signed,
                idp.idToken(new TestIdp.Claims(claims.issuer(), claims.audience(), "ada@acme.example", List.of("mfa"),
                        claims.issuedAt(), claims.nonce()), true)));
        refused(b, t);
        // signed with a key the provider does not publish, under the same key id
        ServerFixture.Browser b2 = f.browser();
        refused(b2, trip(b2, "erin@acme.example", List.of("pwd"), c -> c, (claims, signed) -> idp.idToken(claims, false)));
    }

    @Test
    void aTokenForAnotherIssuerOrAudienceOrOutOfDateIsRefused() {
        ServerFixture.Browser b = f.browser();
        refused(b, trip(b, "erin@acme.example", List.of("pwd"), c -> c.withIssuer("https://login.example.org/other/v2.0")));
        ServerFixture.Browser b2 = f.browser();
        refused(b2, trip(b2, "erin@acme.example", List.of("pwd"), c -> c.withAudience("some-other-app")));
        ServerFixture.Browser b3 = f.browser();
        refused(b3, trip(b3, "erin@acme.example", List.of("pwd"), c -> new TestIdp.Claims(c.issuer(), c.audience(),
                c.username(), c.amr(), c.issuedAt().minus(Duration.ofHours(2)), c.nonce())));
        // the real clock is three days ahead of the server's: a token dated by it is not yet valid for the server
        ServerFixture.Browser b4 = f.browser();
        refused(b4, trip(b4, "erin@acme.example", List.of("pwd"), c -> new TestIdp.Claims(c.issuer(), c.audience(),
                c.username(), c.amr(), java.time.Instant.now(), c.nonce())));
        // anonymous failures go to the log only: anyone can call the callback, and the vault keeps every entry forever
        VouchUser admin = new VouchUser(0, "t", Role.ADMIN, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), false);
        assertThat(VaultCheck.audit(f.bean(WorkspaceContext.class), admin, 500)).noneMatch(r -> "-".equals(r.get("actor")));
    }

    @Test
    void withoutTheConfigurationNothingOfSingleSignOnIsThere() {
        try (ServerFixture plain = ServerFixture.start(dir.resolve("plain"))) {
            plain.user("erin@acme.example", Role.EDITOR, Optional.empty(), Optional.empty());
            ServerFixture.Browser b = plain.browser();
            HttpResponse<String> login = b.get("/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in to Vouch").doesNotContain("Sign in with", "oauth2");
            assertThat(ServerFixture.location(b.get("/oauth2/authorization/oidc"))).isEqualTo("/login");
            assertThat(ServerFixture.location(b.get("/login/oauth2/code/oidc?code=x&state=y"))).isEqualTo("/login");
            b.signIn("erin@acme.example", Optional.empty());
            assertThat(b.get("/oauth2/authorization/oidc").statusCode()).isEqualTo(404);
            assertThat(b.get(OidcController.PAGE).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anIssuerWithoutDiscoveryStopsTheStartNamingTheLine() throws IOException {
        Path ws = ServerFixture.copyExample(dir.resolve("bad"));
        Files.writeString(ws.resolve("vouch.yaml"), oidcYaml(idp.base() + "/no-such-tenant/v2.0"),
                java.nio.file.StandardOpenOption.APPEND);
        int line = OidcSettingsTest.lineOf(ws.resolve("vouch.yaml"), "issuer:");
        assertThatThrownBy(() -> VouchServer.start(ServerSettings.forTest(ws, CLOCK))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vouch.yaml:" + line + ":").hasMessageContaining("'server.oidc.issuer'")
                .hasMessageContaining("cannot read the OpenID configuration of " + idp.base() + "/no-such-tenant/v2.0");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Trip trip(ServerFixture.Browser b, String username, List<String> amr, UnaryOperator<TestIdp.Claims> change) {
        return trip(b, username, amr, change, (claims, signed) -> signed);
    }

    /** Sign-in page → Vouch's redirect → the provider's authorize endpoint → back to Vouch's callback. */
    private Trip trip(ServerFixture.Browser b, String username, List<String> amr, UnaryOperator<TestIdp.Claims> change,
            java.util.function.BiFunction<TestIdp.Claims, String, String> token) {
        assertThat(b.get("/login").body()).contains("Sign in with Test IdP", "href=\"/oauth2/authorization/oidc\"");
        HttpResponse<String> start = b.get("/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(idp.base() + TestIdp.TENANT + "/oauth2/v2.0/authorize?");
        Map<String, String> q = query(authorize.getRawQuery());
        TestIdp.Claims claims = change.apply(new TestIdp.Claims(idp.issuer(), TestIdp.CLIENT_ID, username, amr, CLOCK.instant(),
                q.get("nonce")));
        idp.answer("c-" + q.get("nonce"), token.apply(claims, idp.idToken(claims, true)));
        HttpResponse<String> atIdp = b.send(HttpRequest.newBuilder(authorize).GET().build());
        assertThat(atIdp.statusCode()).isEqualTo(302);
        URI callback = URI.create(atIdp.headers().firstValue("Location").orElseThrow());
        assertThat(callback.toString()).startsWith(f.base + "/login/oauth2/code/oidc?code=c-");
        return new Trip(start, q, b.send(HttpRequest.newBuilder(callback).GET().build()));
    }

    private static String session(ServerFixture.Browser b) {
        java.net.CookieManager cm = (java.net.CookieManager) b.http.cookieHandler().orElseThrow();
        return cm.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("VOUCH_SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }

    private static void refused(ServerFixture.Browser b, Trip t) {
        assertThat(t.back().statusCode()).isEqualTo(401);
        assertThat(t.back().body()).contains("The sign-in with Test IdP did not succeed (invalid_id_token)")
                .doesNotContain("http-equiv=\"refresh\"");
        assertThat(ServerFixture.location(b.get("/"))).isEqualTo("/login");
    }

    private static LoggedRequest tokenCall(String code) {
        List<LoggedRequest> calls = idp.server.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(idp.tokenPath()))
                .withRequestBody(WireMock.containing("code=" + code)));
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    /** The newest audit entry of {@code action} by {@code actor}: its outcome and details, read from the vault. */
    private static Map<String, String> audit(String action, String actor) {
        WorkspaceContext ws = f.bean(WorkspaceContext.class);
        VouchUser admin = new VouchUser(0, "test", Role.ADMIN, Optional.empty(), Optional.empty(), Optional.empty(), true);
        Map<String, Object> row = VaultCheck.audit(ws, admin, 500).stream()
                .filter(r -> action.equals(r.get("action")) && actor.equals(r.get("actor"))).findFirst().orElseThrow();
        try (InputStream in = new FileBlobStore(ws.vault().paths().blobs()).open(Digest.parse((String) row.get("digest")))) {
            JsonNode n = JSON.readTree(in);
            Map<String, String> out = new LinkedHashMap<>();
            out.put("outcome", n.path("outcome").asText());
            n.path("details").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            out.put(URLDecoder.decode(i < 0 ? kv : kv.substring(0, i), StandardCharsets.UTF_8),
                    i < 0 ? "" : URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String s256(String verifier) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    }
}
