package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.auth.ApiTokens;
import dev.vouch.auth.TokenScope;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-site request forgery: every form POST of the pages (read from the server's handler mapping) needs the
 * session's CSRF token, signing out needs a POST with it, and a session's API writes need the X-CSRF-TOKEN header.
 */
class CsrfTest {
    /** Sign-in steps: posted from an editor's session, so that re-signing in does not end the admin's. */
    private static final Set<String> SIGN_IN = Set.of("/login", "/login/totp", "/login/enrol", "/setup");
    @TempDir
    static Path dir;
    static ServerFixture f;
    static ServerFixture.Browser admin;
    static ServerFixture.Browser editor;
    static long victimId;
    static String victimTokenId;
    static String adminTokenId;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
        Optional<String> totp = f.user("root", Role.ADMIN, Optional.empty(), Optional.empty());
        f.user("ed", Role.EDITOR, Optional.empty(), Optional.empty());
        f.user("victim", Role.VIEWER, Optional.empty(), Optional.empty());
        victimId = f.accounts().byUsername("victim").orElseThrow().id();
        victimTokenId = ApiTokens.idOf(f.token("victim", TokenScope.READ)).orElseThrow();
        adminTokenId = ApiTokens.idOf(f.token("root", TokenScope.READ_WRITE)).orElseThrow();
        admin = f.browser();
        assertThat(ServerFixture.location(admin.signIn("root", totp))).isEqualTo("/");
        editor = f.browser();
        assertThat(ServerFixture.location(editor.signIn("ed", Optional.empty()))).isEqualTo("/");
    }

    @AfterAll
    static void stop() {
        long until = System.currentTimeMillis() + 120_000;
        while (f.bean(ScanJobs.class).active().isPresent() && System.currentTimeMillis() < until) {
            ServerFixture.sleep(100); // a scan started by a form must end before its workspace is deleted
        }
        f.close();
    }

    static List<Routes.Route> pagePosts() {
        List<Routes.Route> posts = Routes.of(f).pages().stream().filter(r -> r.method().equals("POST")).toList();
        assertThat(posts).extracting(Routes.Route::path).contains("/scans/run", "/evidence", "/settings/users", "/account/tokens",
                "/account/password", "/login", "/setup");
        return posts;
    }

    @Test
    void everyFormPostWithoutTheTokenIsRefusedAndChangesNothing() {
        ServerState before = ServerState.of(f);
        for (Routes.Route r : pagePosts()) {
            HttpResponse<String> res = post(admin, r, false);
            assertThat(res.statusCode()).as(r + " without _csrf: " + ServerFixture.location(res)).isEqualTo(403);
        }
        assertThat(ServerState.of(f)).isEqualTo(before);
        assertThat(admin.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void everyFormPostWithTheTokenIsAccepted() {
        for (Routes.Route r : pagePosts()) {
            ServerFixture.Browser b = SIGN_IN.contains(r.path()) ? editor : admin;
            HttpResponse<String> res = post(b, r, true);
            assertThat(res.statusCode()).as(r + " with _csrf").isNotEqualTo(403).isLessThan(500);
        }
        assertThat(f.accounts().byUsername("victim").orElseThrow().disabled()).as("the disable form worked").isTrue();
        assertThat(f.accounts().byUsername("newcomer")).as("the new-user form worked").isPresent();
        assertThat(f.accounts().token(victimTokenId).orElseThrow().revokedAt()).as("the revoke form worked").isPresent();
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
        assertThat(editor.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutNeedsAPostWithTheToken() {
        ServerFixture.Browser b = f.browser();
        assertThat(ServerFixture.location(b.signIn("ed", Optional.empty()))).isEqualTo("/");
        HttpResponse<String> viaGet = b.get("/logout");
        assertThat(viaGet.statusCode()).isNotIn(200, 302);
        assertThat(b.get("/").statusCode()).as("GET /logout did not sign out").isEqualTo(200);
        assertThat(b.post("/logout", Map.of(), false).statusCode()).isEqualTo(403);
        assertThat(b.get("/").statusCode()).as("POST /logout without _csrf did not sign out").isEqualTo(200);
        HttpResponse<String> out = b.post("/logout", Map.of(), true);
        assertThat(ServerFixture.location(out)).isEqualTo("/login");
        assertThat(ServerFixture.location(b.get("/"))).as("signed out").isEqualTo("/login");
    }

    @Test
    void sessionApiWritesNeedTheCsrfHeader() {
        ServerFixture.Browser b = f.browser();
        assertThat(ServerFixture.location(b.signIn("ed", Optional.empty()))).isEqualTo("/");
        ApiCalls calls = new ApiCalls(f, f.accounts().byUsername("root").orElseThrow().id(), adminTokenId);
        List<Routes.Route> writes = Routes.of(f).api().stream().filter(Routes.Route::isWrite).toList();
        assertThat(writes).hasSizeGreaterThanOrEqualTo(8);
        ServerState before = ServerState.of(f);
        for (Routes.Route r : writes) {
            HttpResponse<String> res = b.send(calls.request(r, null).build());
            assertThat(res.statusCode()).as(r + " with the session cookie and no X-CSRF-TOKEN: " + res.body()).isEqualTo(403);
            assertThat(res.body()).as(r.toString()).contains("X-CSRF-TOKEN");
        }
        assertThat(ServerState.of(f)).isEqualTo(before);
        b.get("/account");
        Routes.Route newToken = writes.stream().filter(r -> r.path().equals("/api/v1/me/tokens")).findFirst().orElseThrow();
        HttpResponse<String> ok = b.send(calls.request(newToken, null).header("X-CSRF-TOKEN", b.lastCsrf).build());
        assertThat(ok.statusCode()).as("with the header: " + ok.body()).isEqualTo(201);
        HttpResponse<String> wrong = b.send(calls.request(newToken, null).header("X-CSRF-TOKEN", "forged").build());
        assertThat(wrong.statusCode()).as("a made-up header value").isEqualTo(403);
    }

    // ---- the forms ---------------------------------------------------------------------------------------------

    static HttpResponse<String> post(ServerFixture.Browser b, Routes.Route r, boolean withCsrf) {
        b.get("/account"); // a page with forms: the session's CSRF token
        String path = r.fill(v -> pathValue(r, v));
        if (r.path().equals("/evidence")) {
            Map<String, String> extra = withCsrf ? Map.of("_csrf", b.lastCsrf) : Map.of();
            Multipart m = Multipart.evidence("VC-GOV-01", "policy.txt", "approved policy".getBytes(StandardCharsets.UTF_8), extra);
            return b.send(m.post(f.base + path).build());
        }
        return b.post(path, form(r), withCsrf);
    }

    static Map<String, String> form(Routes.Route r) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (r.path()) {
            case "/login" -> {
                m.put("username", "ed");
                m.put("password", ServerFixture.PASSWORD);
            }
            case "/login/totp", "/login/enrol" -> m.put("code", "000000");
            case "/setup" -> {
                m.put("code", "not-the-code");
                m.put("username", "intruder");
                m.put("password", ServerFixture.PASSWORD);
                m.put("confirm", ServerFixture.PASSWORD);
            }
            case "/settings/users" -> {
                m.put("username", "newcomer");
                m.put("role", "viewer");
                m.put("password", ServerFixture.PASSWORD);
            }
            case "/account/password" -> {
                m.put("current", "not the current password");
                m.put("password", "another long pass phrase");
                m.put("confirm", "another long pass phrase");
            }
            case "/account/tokens" -> {
                m.put("name", "CI pipeline");
                m.put("scope", "read");
            }
            case "/exceptions" -> {
                m.put("check", "AZ-STG-003");
                m.put("resource", "*");
                m.put("reason", "accepted until the migration");
                m.put("expires", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString());
            }
            default -> {
                // a route added later: posted empty; it must still need the token
            }
        }
        return m;
    }

    static String pathValue(Routes.Route r, String variable) {
        String key = r.path() + " " + variable;
        return switch (key) {
            case "/settings/users/{id}/{action} id" -> Long.toString(victimId);
            case "/settings/users/{id}/{action} action" -> "disable";
            case "/settings/users/tokens/{id}/revoke id" -> victimTokenId;
            case "/account/tokens/{id}/revoke id" -> adminTokenId;
            case "/exceptions/{id}/{action} id" -> Long.toString(f.exceptionRequest());
            case "/exceptions/{id}/{action} action" -> "reject";
            default -> throw new AssertionError(r + ": give a real value for {" + variable + "} in CsrfTest.pathValue");
        };
    }
}
