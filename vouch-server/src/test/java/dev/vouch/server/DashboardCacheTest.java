package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.auth.TokenScope;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard and findings served from what {@link DashboardService} prepares once per model (the speed-ups the
 * server benchmark needed) answer exactly what computing them per request answers, per user, and follow a new scan.
 */
class DashboardCacheTest {
    @TempDir
    static Path dir;
    static ServerFixture f;
    static String viewer;
    static String auditor;
    static Instant windowTo;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
        f.user("vera", Role.VIEWER, Optional.empty(), Optional.empty());
        windowTo = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        f.user("audrey", Role.AUDITOR, Optional.of(Instant.parse("2020-01-01T00:00:00Z")), Optional.of(windowTo));
        viewer = f.token("vera", TokenScope.READ);
        auditor = f.token("audrey", TokenScope.READ);
        assertThat(f.scan().getState()).isEqualTo("succeeded");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void cachedDashboardJsonIsWhatThePerRequestViewSerializesTo() {
        JsonMapper json = f.bean(JsonMapper.class);
        HttpResponse<String> r = f.api("GET", "/api/v1/dashboard", viewer, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(f.api("GET", "/api/v1/dashboard", viewer, null).body()).isEqualTo(r.body());

        VouchUser vera = user("vera");
        var model = f.bean(DashboardService.class).model(vera).orElseThrow();
        JsonNode expected = tree(json, Views.dashboard(model, vera));
        JsonNode got = json.readTree(r.body());
        assertThat(got).isEqualTo(expected);
        assertThat(got.path("organization").asString()).isEqualTo("Acme Analytics, Inc.");
        assertThat(got.path("windowEnd").isNull() || got.path("windowEnd").isMissingNode()).isTrue();
    }

    @Test
    void anAuditorStillSeesTheEndOfTheirWindow() {
        JsonNode got = f.bean(JsonMapper.class).readTree(f.api("GET", "/api/v1/dashboard", auditor, null).body());
        assertThat(Instant.parse(got.path("windowEnd").asString())).isEqualTo(windowTo);
        JsonNode mine = f.bean(JsonMapper.class).readTree(f.api("GET", "/api/v1/dashboard", viewer, null).body());
        assertThat(got.path("overall")).isEqualTo(mine.path("overall"));
    }

    @Test
    void findingPagesListInTheSameOrderAsSortingPerRequest() {
        JsonMapper json = f.bean(JsonMapper.class);
        VouchUser vera = user("vera");
        var model = f.bean(DashboardService.class).model(vera).orElseThrow();
        for (String query : new String[] {"page=0&size=7", "page=2&size=7", "outcome=fail&size=5", "severity=high&page=1&size=3"}) {
            HttpResponse<String> r = f.api("GET", "/api/v1/findings?" + query, viewer, null);
            assertThat(r.statusCode()).as(query).isEqualTo(200);
            Views.FindingFilter filter = new Views.FindingFilter(param(query, "severity"), param(query, "outcome"), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            int page = param(query, "page").map(Integer::parseInt).orElse(0);
            int size = param(query, "size").map(Integer::parseInt).orElse(50);
            assertThat(json.readTree(r.body())).as(query).isEqualTo(tree(json, Views.findings(model, filter, page, size, f.workspace)));
            assertThat(json.readTree(r.body()).path("items")).as(query).isNotEmpty();
        }
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyNotAnError() {
        HttpResponse<String> r = f.api("GET", "/api/v1/findings?page=2147483647&size=500", viewer, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode page = f.bean(JsonMapper.class).readTree(r.body());
        assertThat(page.path("items")).isEmpty();
        assertThat(page.path("total").asInt()).isPositive();
    }

    @Test
    void aNewScanIsShownByTheNextRequest() {
        JsonMapper json = f.bean(JsonMapper.class);
        long before = json.readTree(f.api("GET", "/api/v1/dashboard", viewer, null).body()).path("scanId").asLong();
        assertThat(f.scan().getState()).isEqualTo("succeeded");
        long after = json.readTree(f.api("GET", "/api/v1/dashboard", viewer, null).body()).path("scanId").asLong();
        assertThat(after).isGreaterThan(before);
    }

    /** As a client reads it: written, then parsed (so numbers compare by value, not by Java type). */
    private static JsonNode tree(JsonMapper json, Object value) {
        return json.readTree(json.writeValueAsString(value));
    }

    private static VouchUser user(String name) {
        var a = f.accounts().byUsername(name).orElseThrow();
        return f.bean(AccountService.class).sessionUser(a);
    }

    private static Optional<String> param(String query, String name) {
        for (String kv : query.split("&")) {
            if (kv.startsWith(name + "=")) {
                return Optional.of(kv.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
