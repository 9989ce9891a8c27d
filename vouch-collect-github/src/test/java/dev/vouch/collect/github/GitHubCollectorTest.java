package dev.vouch.collect.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.engine.CheckLoader;
import dev.vouch.engine.Engine;
import dev.vouch.model.Collection;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Resource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubCollectorTest {
    static final Path EXPORT = Path.of("src/test/resources/export/acme-payments.github");
    static final Path CHECKS = Path.of("../vouch-checks/src/main/resources/checks/github");
    static final String TOKEN = GitHubApiTest.TOKEN;

    WireMockServer server;
    GitHubApi api;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        api = GitHubApi.builder(TOKEN).baseUrl(URI.create(server.baseUrl())).clock(GitHubApiTest.CLOCK)
                .sleeper(d -> { throw new AssertionError("unexpected wait " + d); }).build();
        ExportStubs.serve(server, EXPORT, "acme-payments");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Collection live(List<String> repos) {
        return new GitHubCollector(GitHubApiTest.CLOCK, api, "acme-payments", repos, Duration.ofDays(90)).collect();
    }

    private static Map<String, Object> shape(Resource r) {
        return Map.of("type", r.type(), "id", r.id(), "name", r.name(), "scope", r.scope(), "properties", r.properties(),
                "unknowns", r.unknowns(), "errors", r.errors(), "collectedAt", r.collectedAt());
    }

    @Test
    void liveAndExportGiveTheSameResources() {
        Collection live = live(List.of());
        Collection export = new GitHubExportCollector(GitHubApiTest.CLOCK).collect(EXPORT);

        assertThat(live.errors()).isEmpty();
        assertThat(export.errors()).isEmpty();
        assertThat(live.resources()).extracting(Resource::id).containsExactly("github:acme-payments",
                "github:acme-payments/docs-site", "github:acme-payments/payments-api",
                "github:acme-payments/payments-api#415", "github:acme-payments/payments-api#420");
        assertThat(live.resources().stream().map(GitHubCollectorTest::shape).toList())
                .isEqualTo(export.resources().stream().map(GitHubCollectorTest::shape).toList());
        assertThat(live.resources().get(0).origin().source()).isEqualTo("github");
        assertThat(export.resources().get(0).origin()).isEqualTo(new dev.vouch.model.Origin("github-export", "acme-payments.github/org.json", 0));
    }

    @Test
    void requestCountIsOnePerEndpointPlusTwoPerMergedPullRequest() {
        live(List.of());
        // users + org + repo list = 3; per repo: repo, protection, rules, vulnerability-alerts, pulls = 5 x 2;
        // per merged pull request in the window: reviews + check-runs = 2 x 2 (payments-api #415, #420).
        assertThat(api.requestCount()).isEqualTo(3 + 10 + 4);
    }

    @Test
    void namedRepositoriesSkipTheListCall() {
        Collection c = live(List.of("docs-site"));
        assertThat(c.resources()).extracting(Resource::id).containsExactly("github:acme-payments", "github:acme-payments/docs-site");
        assertThat(api.requestCount()).isEqualTo(2 + 5);
    }

    @Test
    void normalizesProtectionRulesAndPullRequests() {
        Map<String, Resource> byId = byId(live(List.of()));
        Resource api = byId.get("github:acme-payments/payments-api");
        assertThat(api.properties().get("effectiveProtection")).isEqualTo(Map.ofEntries(
                Map.entry("protected", true), Map.entry("sources", List.of("branch-protection", "ruleset:1843021")),
                Map.entry("requiredApprovingReviews", 2L), Map.entry("dismissStaleReviews", true),
                Map.entry("requireCodeOwnerReviews", true), Map.entry("requireLastPushApproval", true),
                Map.entry("requiredStatusChecks", List.of("build", "test")), Map.entry("strictStatusChecks", true),
                Map.entry("enforceAdmins", true), Map.entry("allowForcePushes", false), Map.entry("allowDeletions", false),
                Map.entry("requiredSignatures", true), Map.entry("requiredLinearHistory", true)));
        assertThat(api.properties()).containsEntry("vulnerabilityAlertsEnabled", true).containsEntry("mergedPullRequests", 2L)
                .doesNotContainKey("url").doesNotContainKey("branches_url").containsKey("html_url");
        Resource docs = byId.get("github:acme-payments/docs-site");
        assertThat(docs.properties()).containsEntry("defaultBranchProtection", null).containsEntry("vulnerabilityAlertsEnabled", false);
        assertThat(docs.unknowns()).containsExactly("properties.security_and_analysis");
        Resource hotfix = byId.get("github:acme-payments/payments-api#420");
        assertThat(hotfix.properties()).containsEntry("author", "dana-kim").containsEntry("approvedBy", List.of())
                .containsEntry("selfApproved", false).containsEntry("merged_at", "2026-06-21T22:47:15Z")
                .containsEntry("ci", Map.of("checkRuns", 2L, "conclusion", "failure", "failing", List.of("test")));
        assertThat(hotfix.unknowns()).contains("properties.merged_by");
        assertThat(byId.get("github:acme-payments/payments-api#415").properties())
                .containsEntry("approvedBy", List.of("dana-kim", "priya-r"))
                .containsEntry("reviews", Map.of("total", 3L, "approved", 2L, "changesRequested", 1L, "commented", 0L));
    }

    @Test
    void forbiddenProtectionIsAnErrorNamingThePermissionAndChecksAreError() {
        server.stubFor(get(urlEqualTo("/repos/acme-payments/payments-api/branches/main/protection")).willReturn(aResponse()
                .withStatus(403).withBody("{\"message\":\"Resource not accessible by personal access token\",\"status\":\"403\"}")));

        Collection c = live(List.of("payments-api"));

        Resource repo = byId(c).get("github:acme-payments/payments-api");
        assertThat(repo.errors()).singleElement().asString()
                .contains("cannot read the branch protection of acme-payments/payments-api branch 'main'")
                .contains("403 Resource not accessible").contains("\"Administration: read\"");
        assertThat(c.errors()).singleElement().extracting(e -> e.message()).isEqualTo(repo.errors().get(0));
        assertThat(outcomes(c, "protection/default_branch_protected")).containsExactly(Outcome.ERROR);
    }

    @Test
    void orgSettingsDeniedIsAnErrorNamingTheScope() {
        server.stubFor(get(urlEqualTo("/orgs/acme-payments")).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"Must have admin rights to Repository.\",\"status\":\"403\"}")));
        Collection c = live(List.of("docs-site"));
        Resource org = byId(c).get("github:acme-payments");
        assertThat(org.errors()).singleElement().asString().contains("read:org").contains("Administration: read");
        assertThat(outcomes(c, "org/two_factor_required")).containsExactly(Outcome.ERROR);
    }

    @Test
    void orgSettingsHiddenFromNonOwnersAreAnError() {
        server.stubFor(get(urlEqualTo("/orgs/acme-payments")).willReturn(aResponse().withStatus(200)
                .withBody("{\"login\":\"acme-payments\",\"id\":91234567,\"type\":\"Organization\",\"public_repos\":4}")));
        Resource org = byId(live(List.of("docs-site"))).get("github:acme-payments");
        assertThat(org.errors()).singleElement().asString()
                .contains("did not return two_factor_requirement_enabled, default_repository_permission").contains("owners");
    }

    @Test
    void malformedRepositoryBodyIsACollectionError() {
        server.stubFor(get(urlEqualTo("/repos/acme-payments/docs-site")).willReturn(aResponse().withStatus(200)
                .withBody("{\"name\": \"docs-site\", \"private\": fals")));
        Collection c = live(List.of("docs-site"));
        assertThat(c.errors()).singleElement().extracting(e -> e.message()).asString()
                .contains("cannot read repository acme-payments/docs-site (malformed JSON at line 1");
        assertThat(byId(c).get("github:acme-payments/docs-site").hasErrors()).isTrue();
    }

    @Test
    void theTokenNeverReachesResourcesOrErrors() {
        server.stubFor(get(urlEqualTo("/repos/acme-payments/payments-api/branches/main/protection")).willReturn(aResponse()
                .withStatus(403).withBody("{\"message\":\"Bad credentials for " + TOKEN + "\",\"status\":\"403\"}")));
        server.stubFor(get(urlEqualTo("/repos/acme-payments/payments-api/pulls/420/reviews?per_page=100")).willReturn(aResponse()
                .withStatus(500).withBody("token " + TOKEN)));
        GitHubApi noWait = GitHubApi.builder(TOKEN).baseUrl(URI.create(server.baseUrl())).clock(GitHubApiTest.CLOCK)
                .sleeper(d -> { }).build();
        Collection c = new GitHubCollector(GitHubApiTest.CLOCK, noWait, "acme-payments", List.of(), Duration.ofDays(90)).collect();
        assertThat(c.errors()).hasSize(2);
        assertThat(c.toString()).doesNotContain(TOKEN).doesNotContain("Zx9TestToken");
    }

    private static Map<String, Resource> byId(Collection c) {
        Map<String, Resource> m = new java.util.LinkedHashMap<>();
        c.resources().forEach(r -> m.put(r.id(), r));
        return m;
    }

    private static List<Outcome> outcomes(Collection c, String checkFolder) {
        var checks = new CheckLoader().loadDirectory(CHECKS.resolve(checkFolder));
        return new Engine(checks, GitHubApiTest.CLOCK).evaluate(c.resources(), List.of()).findings().stream()
                .map(Finding::outcome).toList();
    }
}
