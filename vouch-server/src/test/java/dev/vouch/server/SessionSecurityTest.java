package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.auth.TokenScope;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser sessions: cookie flags, fixation, lock-out, security headers, the auditor's read-only view, disabled accounts. */
class SessionSecurityTest {
    private static final String COOKIE = "VOUCH_SESSION";
    @TempDir
    static Path dir;
    static ServerFixture f;
    static Optional<String> adminTotp;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
        adminTotp = f.user("root", Role.ADMIN, Optional.empty(), Optional.empty());
        f.user("ed", Role.EDITOR, Optional.empty(), Optional.empty());
        f.user("leaver", Role.EDITOR, Optional.empty(), Optional.empty());
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        f.user("au", Role.AUDITOR, Optional.of(from), Optional.of(from.plus(Duration.ofDays(180))));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrictAndSecureBehindTls() {
        String plain = sessionSetCookie(f.browser().get("/login"));
        assertThat(plain).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure;")
                .doesNotEndWithIgnoringCase("Secure");
        Path ws = ServerFixture.copyExample(dir.resolve("tls"));
        try (ServerFixture tls = ServerFixture.start(new ServerSettings(ws, InetAddress.getLoopbackAddress(), 0, true,
                Duration.ofMinutes(30), false, Optional.empty(), Clock.systemUTC()))) {
            tls.user("someone", Role.EDITOR, Optional.empty(), Optional.empty()); // past first-run set-up: /login renders
            String secure = sessionSetCookie(tls.browser().get("/login"));
            assertThat(secure).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").containsIgnoringCase("Secure");
        }
    }

    @Test
    void theSessionIdChangesAtEachSignInStep() {
        ServerFixture.Browser b = f.browser();
        b.get("/login");
        String anonymous = session(b);
        b.post("/login", Map.of("username", "root", "password", ServerFixture.PASSWORD));
        String afterPassword = session(b);
        b.get("/login/totp");
        HttpResponse<String> in = b.post("/login/totp", Map.of("code", dev.vouch.auth.Totp.codeAt(adminTotp.orElseThrow(), Instant.now())));
        assertThat(ServerFixture.location(in)).isEqualTo("/");
        String signedIn = session(b);
        assertThat(List.of(anonymous, afterPassword, signedIn)).doesNotHaveDuplicates();
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        // an attacker who planted or read the pre-sign-in id gets nothing
        for (String old : List.of(anonymous, afterPassword)) {
            HttpResponse<String> r = ApiCalls.send(HttpRequest.newBuilder(URI.create(f.base + "/")).header("Cookie", COOKIE + "=" + old)
                    .GET().build());
            assertThat(ServerFixture.location(r)).as("old id " + old).isEqualTo("/login");
        }
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefused() {
        try (ServerFixture own = ServerFixture.start(dir.resolve("lockout"))) { // its own server: the lock-out covers 127.0.0.1
            own.user("ed", Role.EDITOR, Optional.empty(), Optional.empty());
            ServerFixture.Browser b = own.browser();
            b.get("/login");
            for (int i = 1; i <= 5; i++) {
                HttpResponse<String> r = b.post("/login", Map.of("username", "ed", "password", "wrong password number " + i));
                assertThat(r.statusCode()).as("attempt " + i).isEqualTo(401);
                assertThat(r.body()).contains("not right");
            }
            HttpResponse<String> sixth = b.post("/login", Map.of("username", "ed", "password", ServerFixture.PASSWORD));
            assertThat(sixth.statusCode()).isEqualTo(401);
            assertThat(sixth.body()).contains("Too many failed attempts");
            assertThat(ServerFixture.location(b.get("/"))).as("not signed in").isEqualTo("/login");
        }
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        ServerFixture.Browser b = f.browser();
        assertHeaders(b.get("/login"), "sign-in page");
        b.signIn("ed", Optional.empty());
        assertHeaders(b.get("/"), "dashboard");
        assertHeaders(b.get("/no/such/page"), "404 page");
        assertHeaders(f.api("GET", "/api/v1/me", f.token("ed", TokenScope.READ), null), "API");
        assertHeaders(f.api("GET", "/api/v1/me", null, null), "API 401");
        assertHeaders(f.api("GET", "/api/v1/openapi.json", null, null), "OpenAPI document");
    }

    @Test
    void anAuditorSessionCannotRunScansAndSeesNoWriteControls() {
        ServerFixture.Browser b = f.browser();
        assertThat(ServerFixture.location(b.signIn("au", Optional.empty()))).isEqualTo("/");
        int jobs = f.bean(ScanJobs.class).recent().size();
        b.get("/scans");
        assertThat(b.post("/scans/run", Map.of()).statusCode()).isEqualTo(403);
        assertThat(f.bean(ScanJobs.class).recent()).hasSize(jobs);
        assertThat(b.get("/").body()).doesNotContain("Run a scan now", "/scans/run");
        assertThat(b.get("/scans").body()).doesNotContain("run-scan", "/scans/run");
        assertThat(b.get("/evidence").body()).doesNotContain("Upload manual evidence", "multipart/form-data");
        assertThat(b.get("/account").body()).doesNotContain("action=\"/account/tokens\"");
        assertThat(b.get("/settings/users").statusCode()).isEqualTo(403);
        // the same pages do show the controls to an editor (so the checks above can fail)
        ServerFixture.Browser e = f.browser();
        e.signIn("ed", Optional.empty());
        assertThat(e.get("/scans").body()).contains("run-scan");
        assertThat(e.get("/evidence").body()).contains("Upload manual evidence");
    }

    @Test
    void aDisabledAccountsSessionEndsWithinTheRefreshWindow() {
        ServerFixture.Browser b = f.browser();
        assertThat(ServerFixture.location(b.signIn("leaver", Optional.empty()))).isEqualTo("/");
        assertThat(b.get("/").statusCode()).isEqualTo(200);
        String token = f.token("leaver", TokenScope.READ);
        long id = f.accounts().byUsername("leaver").orElseThrow().id();
        f.accounts().setDisabled(id, true); // straight in the database, as another server or the CLI would: no cache hint
        assertThat(f.api("GET", "/api/v1/me", token, null).statusCode()).as("the token stops at once").isEqualTo(401);
        long until = System.currentTimeMillis() + 30_000;
        String where = "/";
        while (System.currentTimeMillis() < until) {
            where = ServerFixture.location(b.get("/"));
            if ("/login".equals(where)) {
                break;
            }
            ServerFixture.sleep(250);
        }
        assertThat(where).as("the session ended").isEqualTo("/login");
        f.accounts().setDisabled(id, false);
        ServerFixture.sleep(50);
        assertThat(ServerFixture.location(b.get("/"))).as("enabling again does not revive the old session").isEqualTo("/login");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static String sessionSetCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + COOKIE + " cookie set: " + r.headers().map()));
    }

    static String session(ServerFixture.Browser b) {
        return ((java.net.CookieManager) b.http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(COOKIE)).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    static void assertHeaders(HttpResponse<String> r, String what) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(what + ": no CSP"));
        assertThat(csp).as(what).doesNotContain("unsafe-inline", "unsafe-eval").contains("default-src 'self'", "script-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    }
}
