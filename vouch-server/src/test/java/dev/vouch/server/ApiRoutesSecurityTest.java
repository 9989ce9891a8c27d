package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every /api/v1 route, as the running server maps it (a new route is covered without touching this test): who gets
 * 401, who gets 403, and that a refused change changed nothing. Path variables are real ids, so a 404 cannot stand in
 * for a missing 403.
 */
class ApiRoutesSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPENAPI = "/api/v1/openapi.json";
    @TempDir
    static Path dir;
    static ServerFixture f;
    static Map<String, String> tokens;
    static long victimId;
    static String victimTokenId;
    static ApiCalls calls;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        f.user("root", Role.ADMIN, Optional.empty(), Optional.empty());
        f.user("ed", Role.EDITOR, Optional.empty(), Optional.empty());
        f.user("vi", Role.VIEWER, Optional.empty(), Optional.empty());
        f.user("au", Role.AUDITOR, Optional.of(from), Optional.of(from.plus(Duration.ofDays(180))));
        f.user("victim", Role.EDITOR, Optional.empty(), Optional.empty());
        victimId = f.accounts().byUsername("victim").orElseThrow().id();
        victimTokenId = ApiTokensId.of(f.token("victim", TokenScope.READ_WRITE));
        calls = new ApiCalls(f, victimId, victimTokenId);
        String revoked = f.token("ed", TokenScope.READ_WRITE);
        f.bean(AccountService.class).revoke(ApiTokensId.of(revoked));
        String good = f.token("root", TokenScope.READ_WRITE);
        tokens = Map.of("adminRead", f.token("root", TokenScope.READ), "adminWrite", good, "editor", f.token("ed", TokenScope.READ_WRITE),
                "viewer", f.token("vi", TokenScope.READ), "auditor", f.token("au", TokenScope.READ), "revoked", revoked,
                // the right id with another secret, and a token of the right form that was never issued
                "wrongSecret", good.substring(0, 15) + "a".repeat(52), "unknown", "vouch_aaaaaaaa_" + "b".repeat(52));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void everyRouteButTheDocumentIsClosedWithoutValidCredentials() throws Exception {
        List<Routes.Route> api = Routes.of(f).api();
        assertThat(api).hasSizeGreaterThan(25);
        ServerState before = ServerState.of(f);
        for (Routes.Route r : api) {
            if (r.path().equals(OPENAPI)) {
                assertThat(call(r, null).statusCode()).isEqualTo(200);
                continue;
            }
            assertUnauthorized(r, call(r, null), "no credentials");
            for (String t : List.of("revoked", "wrongSecret", "unknown")) {
                assertUnauthorized(r, call(r, tokens.get(t)), t + " token");
            }
            assertUnauthorized(r, call(r, "not-a-vouch-token"), "malformed token");
        }
        assertThat(ServerState.of(f)).isEqualTo(before);
    }

    @Test
    void writesAreRefusedToAuditorsViewersAndReadTokens() throws Exception {
        List<Routes.Route> writes = Routes.of(f).api().stream().filter(Routes.Route::isWrite).toList();
        assertThat(writes).extracting(Routes.Route::toString).contains("POST /api/v1/scans", "POST /api/v1/evidence",
                "POST /api/v1/users", "DELETE /api/v1/me/tokens/{id}");
        ServerState before = ServerState.of(f);
        for (Routes.Route r : writes) {
            for (String who : List.of("auditor", "viewer", "adminRead")) {
                assertForbidden(r, call(r, tokens.get(who)), who);
            }
        }
        assertThat(ServerState.of(f)).isEqualTo(before);
    }

    @Test
    void userAdministrationIsRefusedToEditors() throws Exception {
        List<Routes.Route> admin = Routes.of(f).api().stream().filter(r -> r.path().startsWith("/api/v1/users")).toList();
        assertThat(admin).hasSizeGreaterThanOrEqualTo(6);
        ServerState before = ServerState.of(f);
        for (Routes.Route r : admin) {
            assertForbidden(r, call(r, tokens.get("editor")), "editor");
        }
        assertThat(ServerState.of(f)).isEqualTo(before);
        // the same calls with an admin's read-write token are allowed: the ids and bodies are real, so 403 meant "not you"
        assertThat(call(route("GET", "/api/v1/users"), tokens.get("adminWrite")).statusCode()).isEqualTo(200);
        assertThat(call(route("POST", "/api/v1/users/{id}/enable"), tokens.get("adminWrite")).statusCode()).isEqualTo(200);
    }

    @Test
    void sessionsOfViewersAndAuditorsCannotWriteEvenWithTheCsrfHeader() throws Exception {
        // a session is authorised by role, not by the token filter: this exercises SecurityConfig's rules themselves
        List<Routes.Route> writes = Routes.of(f).api().stream().filter(Routes.Route::isWrite).toList();
        Map<String, ServerFixture.Browser> sessions = new java.util.LinkedHashMap<>();
        for (String user : List.of("vi", "au")) {
            ServerFixture.Browser b = f.browser();
            assertThat(ServerFixture.location(b.signIn(user, Optional.empty()))).isEqualTo("/");
            b.get("/account");
            assertThat(b.lastCsrf).as("a CSRF token on the account page").isNotNull();
            sessions.put(user, b);
        }
        ServerState before = ServerState.of(f); // after the sign-ins, which are audited
        sessions.forEach((user, b) -> {
            for (Routes.Route r : writes) {
                if (user.equals("vi") && r.path().startsWith("/api/v1/me/tokens")) {
                    continue; // a viewer manages their own read tokens (by design); auditors do not
                }
                HttpRequest.Builder req = request(r, null).header("X-CSRF-TOKEN", b.lastCsrf);
                assertForbidden(r, b.send(req.build()), user + "'s session");
            }
        });
        assertThat(ServerState.of(f)).isEqualTo(before);
    }

    static Routes.Route route(String method, String path) {
        return Routes.of(f).api().stream().filter(r -> r.method().equals(method) && r.path().equals(path)).findFirst().orElseThrow();
    }

    static HttpResponse<String> call(Routes.Route r, String token) {
        return calls.call(r, token);
    }

    static HttpRequest.Builder request(Routes.Route r, String token) {
        return calls.request(r, token);
    }

    // ---- assertions --------------------------------------------------------------------------------------------

    static void assertUnauthorized(Routes.Route r, HttpResponse<String> res, String how) throws Exception {
        String what = r + " with " + how;
        assertThat(res.statusCode()).as(what + ": " + res.body()).isEqualTo(401);
        assertThat(res.headers().firstValue("Location")).as(what + ": no redirect").isEmpty();
        assertProblem(res, 401, what);
    }

    static void assertForbidden(Routes.Route r, HttpResponse<String> res, String who) {
        String what = r + " as " + who;
        assertThat(res.statusCode()).as(what + ": " + res.body()).isEqualTo(403);
        assertProblem(res, 403, what);
    }

    static void assertProblem(HttpResponse<String> res, int status, String what) {
        assertThat(res.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p;
        try {
            p = JSON.readTree(res.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(what + ": not JSON: " + res.body(), e);
        }
        assertThat(p.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(p.path("detail").asText()).as(what).isNotBlank();
    }

    /** The id part of {@code vouch_<id>_<secret>}. */
    static final class ApiTokensId {
        static String of(String token) {
            return dev.vouch.auth.ApiTokens.idOf(token).orElseThrow();
        }
    }
}
