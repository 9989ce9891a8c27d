package dev.vouch.collect.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubApiTest {
    static final String TOKEN = "ghp_Zx9TestTokenValue1234567890abcdEFGH";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);

    WireMockServer server;
    List<Duration> slept = new ArrayList<>();
    GitHubApi api;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        api = GitHubApi.builder(TOKEN).baseUrl(URI.create(server.baseUrl())).clock(CLOCK).sleeper(slept::add)
                .maxWait(Duration.ofMinutes(5)).build();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void json(String url, int status, String body, String... headers) {
        var r = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
        for (int i = 0; i < headers.length; i += 2) {
            r = r.withHeader(headers[i], headers[i + 1]);
        }
        server.stubFor(get(urlEqualTo(url)).willReturn(r));
    }

    @Test
    void followsLinkNextOverThreePagesWithVersionedHeaders() {
        String b = server.baseUrl();
        json("/orgs/acme/repos?type=all&per_page=2", 200, "[{\"name\":\"a\"},{\"name\":\"b\"}]",
                "Link", "<" + b + "/organizations/9/repos?type=all&per_page=2&page=2>; rel=\"next\", <" + b + "/organizations/9/repos?type=all&per_page=2&page=3>; rel=\"last\"");
        json("/organizations/9/repos?type=all&per_page=2&page=2", 200, "[{\"name\":\"c\"},{\"name\":\"d\"}]",
                "Link", "<" + b + "/organizations/9/repos?type=all&per_page=2&page=1>; rel=\"prev\", <" + b + "/organizations/9/repos?type=all&per_page=2&page=3>; rel=\"next\"");
        json("/organizations/9/repos?type=all&per_page=2&page=3", 200, "[{\"name\":\"e\"}]",
                "Link", "<" + b + "/organizations/9/repos?type=all&per_page=2&page=2>; rel=\"prev\"");

        Fetched f = api.getAll("/orgs/acme/repos?type=all&per_page=2", page -> true);

        assertThat(f).isInstanceOf(Fetched.Ok.class);
        assertThat(Json.list(((Fetched.Ok) f).body())).extracting(o -> Json.string(Json.map(o), "name"))
                .containsExactly("a", "b", "c", "d", "e");
        assertThat(api.requestCount()).isEqualTo(3);
        server.verify(3, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void stopsPagingWhenThePredicateSaysSo() {
        json("/p?page=1", 200, "[1,2]", "Link", "<" + server.baseUrl() + "/p?page=2>; rel=\"next\"");
        json("/p?page=2", 200, "[3]");
        Fetched f = api.getAll("/p?page=1", page -> false);
        assertThat(Json.list(((Fetched.Ok) f).body())).containsExactly(1L, 2L);
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void waitsOutRetryAfterThenSucceeds() {
        server.stubFor(get(urlEqualTo("/orgs/acme")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"))
                .willSetStateTo("after"));
        server.stubFor(get(urlEqualTo("/orgs/acme")).inScenario("limit").whenScenarioStateIs("after")
                .willReturn(aResponse().withStatus(200).withBody("{\"login\":\"acme\"}")));

        Fetched f = api.get("/orgs/acme");

        assertThat(f).isEqualTo(new Fetched.Ok(java.util.Map.of("login", "acme"), server.baseUrl() + "/orgs/acme"));
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void waitsUntilThePrimaryLimitResets() {
        long reset = CLOCK.instant().plusSeconds(30).getEpochSecond();
        server.stubFor(get(urlEqualTo("/users/acme")).inScenario("primary").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(403).withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", String.valueOf(reset))
                        .withBody("{\"message\":\"API rate limit exceeded for user ID 1.\"}"))
                .willSetStateTo("reset"));
        server.stubFor(get(urlEqualTo("/users/acme")).inScenario("primary").whenScenarioStateIs("reset")
                .willReturn(aResponse().withStatus(200).withBody("{\"login\":\"acme\",\"type\":\"Organization\"}")));

        assertThat(api.get("/users/acme")).isInstanceOf(Fetched.Ok.class);
        assertThat(slept).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void givesUpWhenTheResetIsBeyondTheWaitBudget() {
        long reset = CLOCK.instant().plusSeconds(3600).getEpochSecond();
        json("/users/acme", 403, "{\"message\":\"API rate limit exceeded\"}", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", String.valueOf(reset));

        Fetched f = api.get("/users/acme");

        assertThat(f).isInstanceOf(Fetched.Failed.class);
        assertThat(f.describe()).contains("rate limited (403)").contains("wait budget of 300s");
        assertThat(slept).isEmpty();
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void retriesAtMostMaxRetriesTimes() {
        json("/orgs/acme", 429, "{\"message\":\"slow down\"}", "Retry-After", "2");
        Fetched f = api.get("/orgs/acme");
        assertThat(f.describe()).contains("after 4 attempts");
        assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(api.requestCount()).isEqualTo(4);
    }

    @Test
    void forbiddenWithoutRateLimitHeadersIsDeniedAndScrubbed() {
        json("/repos/acme/api/branches/main/protection", 403,
                "{\"message\":\"Resource not accessible by personal access token " + TOKEN + "\",\"status\":\"403\"}");

        Fetched f = api.get("/repos/acme/api/branches/main/protection");

        assertThat(f).isInstanceOf(Fetched.Denied.class);
        assertThat(((Fetched.Denied) f).status()).isEqualTo(403);
        assertThat(f.describe()).isEqualTo("403 Resource not accessible by personal access token ***").doesNotContain(TOKEN);
        assertThat(slept).isEmpty();
    }

    @Test
    void branchNotProtectedIsMissing() {
        json("/repos/acme/api/branches/main/protection", 404,
                "{\"message\":\"Branch not protected\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
        assertThat(api.get("/repos/acme/api/branches/main/protection"))
                .isEqualTo(new Fetched.Missing("Branch not protected", server.baseUrl() + "/repos/acme/api/branches/main/protection"));
    }

    @Test
    void malformedBodyIsFailedWithPosition() {
        json("/repos/acme/api", 200, "{\"name\": \"api\",\n \"private\": tru }");
        Fetched f = api.get("/repos/acme/api");
        assertThat(f).isInstanceOf(Fetched.Failed.class);
        assertThat(f.describe()).startsWith("malformed JSON at line 2, column").contains("/repos/acme/api");
    }

    @Test
    void refusesToFollowAPaginationLinkToAnotherHost() {
        json("/orgs/acme/repos", 200, "[{\"name\":\"a\"}]", "Link", "<https://evil.example/steal?page=2>; rel=\"next\"");
        Fetched f = api.getAll("/orgs/acme/repos", page -> true);
        assertThat(f.describe()).contains("refusing to send the token").contains("evil.example");
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void scrubsTokenShapedText() {
        assertThat(api.scrub("x github_pat_11ABCDEFG0123456789_abcdefghijklmnop y")).isEqualTo("x *** y");
        assertThat(api.scrub("Authorization: Bearer " + TOKEN)).doesNotContain(TOKEN);
    }
}
