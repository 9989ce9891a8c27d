package dev.vouch.collect.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vouch.engine.CheckLoader;
import dev.vouch.engine.Engine;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphLiveCollectorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    static final String TENANT = "tenant:3c9d1b7e-5a2f-4e61-9b0d-7f2a8c4e6d10";
    private static final String ADA = TENANT + "/users/a1f3c5e7-0b2d-4f46-8a9c-1e3b5d7f9a02";
    private static final String EVE = TENANT + "/users/e5b7a9c1-4f6b-4d8a-8e3a-5c7f9b1d3e46";
    private static final String CA = "/v1.0/identity/conditionalAccess/policies";

    private WireMockServer server;
    private String base;
    private GraphMock graph;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        base = "http://localhost:" + server.port();
        graph = new GraphMock(server, base).northwind();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private Collection collect() {
        return new GraphLiveCollector(CLOCK, GraphApi.forTesting(base), 4).collect();
    }

    @Test
    void liveResponsesNormalizeExactlyLikeTheSameResponsesSavedAsFiles() throws Exception {
        Collection live = collect();
        Collection export = new GraphExportCollector(CLOCK).collect(GraphMock.NORTHWIND);

        assertThat(live.errors()).isEmpty();
        assertThat(withoutOrigins(live.resources())).containsExactlyInAnyOrderElementsOf(withoutOrigins(export.resources()));
        assertThat(live.resources().stream().filter(r -> !r.type().equals("entra.application")).map(Resource::id))
                .containsExactlyElementsOf(export.resources().stream().filter(r -> !r.type().equals("entra.application"))
                        .map(Resource::id).toList());
        assertThat(live.resources()).hasSize(export.resources().size()).hasSizeGreaterThan(5);
        assertThat(live.resources()).allSatisfy(r -> assertThat(r.origin().source()).isEqualTo("graph"));
        assertThat(byId(live).get(ADA).origin().location()).startsWith(base + "/v1.0/users?$select=");
    }

    @Test
    void usersArePagedByNextLinkAndNoPerUserCallIsMade() {
        Collection c = collect();

        assertThat(c.resources().stream().filter(r -> r.type().equals("entra.user")).map(Resource::name))
                .containsExactly("ada.admin@northwind.example", "chi.nguyen@northwind.example",
                        "eve_fabrikam.example#EXT#@northwind.onmicrosoft.com", "devi.rao@northwind.example");
        assertThat(byId(c).get(EVE).origin().location()).endsWith("$skiptoken=" + GraphMock.SKIPTOKEN);
        assertThat(byId(c).get(EVE).properties()).containsEntry("lastActivityDateTime", "2026-04-02T12:00:00Z");
        server.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/users")));
        server.verify(0, getRequestedFor(urlPathMatching("/v1.0/users/.+")));
        server.verify(10, anyRequestedFor(anyUrl()));
        GraphMock.FILES.keySet().forEach(path -> server.verify(1, getRequestedFor(urlPathEqualTo(path))));
    }

    @Test
    void throttlingIsRetriedAsRetryAfterSays() {
        server.stubFor(get(urlPathEqualTo(CA)).atPriority(1).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody(GraphMock.graphError("TooManyRequests", "Too many requests")))
                .willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo(CA)).atPriority(1).inScenario("throttle").whenScenarioStateIs("recovered")
                .willReturn(GraphMock.json(200, graph.read("conditionalAccessPolicies.json"))));

        Collection c = collect();

        assertThat(c.errors()).isEmpty();
        server.verify(2, getRequestedFor(urlPathEqualTo(CA)));
        assertThat(c.resources()).filteredOn(r -> r.type().equals("entra.conditional_access_policy")).isNotEmpty();
        assertThat(byId(c).get(TENANT).properties()).containsEntry("conditionalAccessPoliciesExported", true);
    }

    @Test
    void throttlingThatNeverEndsIsBoundedAndReported() {
        graph.override(get(urlPathEqualTo("/v1.0/applications")), 503, GraphMock.graphError("ServiceUnavailable", "busy"));

        Collection c = collect();

        server.verify(1 + GraphApi.MAX_RETRIES, getRequestedFor(urlPathEqualTo("/v1.0/applications")));
        assertThat(c.errors()).extracting(CollectionError::message).containsExactly("503 ServiceUnavailable: reading "
                + "/v1.0/applications failed at " + base + "/v1.0/applications?$select=id,appId,displayName,passwordCredentials,"
                + "keyCredentials&$top=999 after 5 retries; this data is unresolved: busy");
        assertThat(c.resources()).noneMatch(r -> r.type().equals("entra.application"));
        assertThat(c.resources()).anyMatch(r -> r.type().equals("entra.user"));
    }

    @Test
    void deniedConditionalAccessLeavesItsChecksUnknownAndTheRestCompletes() {
        graph.override(get(urlPathEqualTo(CA)), 403, GraphMock.graphError("Authorization_RequestDenied",
                "Insufficient privileges to complete the operation."));

        Collection c = collect();

        assertThat(c.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().location()).isEqualTo(base + CA);
            assertThat(e.message()).isEqualTo("403 Authorization_RequestDenied: the app lacks the Graph application "
                    + "permission Policy.Read.All for " + CA + " (grant it with admin consent); this data is unresolved, "
                    + "checks on it are UNKNOWN: Insufficient privileges to complete the operation.");
        });
        Resource tenant = byId(c).get(TENANT);
        assertThat(tenant.unknowns()).containsExactly("properties.conditionalAccessPoliciesExported");
        assertThat(tenant.properties()).containsEntry("securityDefaultsEnabled", false).containsEntry("globalAdminCount", 1L);
        assertThat(c.resources()).noneMatch(r -> r.type().equals("entra.conditional_access_policy"));
        assertThat(c.resources()).filteredOn(r -> r.type().equals("entra.user")).hasSize(4);
        assertThat(outcomeOnTenant("policy/mfa_baseline", c)).isEqualTo(Outcome.UNKNOWN);
        assertThat(outcomeOnTenant("policy/mfa_baseline", new GraphExportCollector(CLOCK).collect(GraphMock.NORTHWIND)))
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void deniedSignInActivityFallsBackToUsersWithoutItAndLeavesLastSignInUnknown() {
        graph.override(GraphMock.usersFirstPage(true), 403, GraphMock.graphError(
                "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license"));
        graph.override(GraphMock.usersFirstPage(false), 200, """
                {"@odata.context":"%1$s/v1.0/$metadata#users(id,displayName,userPrincipalName,accountEnabled,userType,createdDateTime)",
                 "value":[{"id":"a1f3c5e7-0b2d-4f46-8a9c-1e3b5d7f9a02","displayName":"Ada Admin",
                   "userPrincipalName":"ada.admin@northwind.example","accountEnabled":true,"userType":"Member",
                   "createdDateTime":"2024-03-11T08:15:27Z"}],
                 "@odata.nextLink":"%1$s/v1.0/users?$select=id,displayName,userPrincipalName,accountEnabled,userType,createdDateTime&$skiptoken=%2$s"}
                """.formatted(base, GraphMock.SKIPTOKEN));
        graph.override(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo(GraphMock.SKIPTOKEN))
                .withQueryParam("$select", notContaining("signInActivity")), 200, """
                {"value":[{"id":"e5b7a9c1-4f6b-4d8a-8e3a-5c7f9b1d3e46","displayName":"Eve (Fabrikam)",
                  "userPrincipalName":"eve_fabrikam.example#EXT#@northwind.onmicrosoft.com","accountEnabled":true,
                  "userType":"Guest","createdDateTime":"2024-03-11T08:15:27Z"}]}
                """);

        Collection c = collect();

        assertThat(c.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("403 Authentication_RequestFromNonPremiumTenantOrB2CTenant: users were read without signInActivity")
                .contains("AuditLog.Read.All", "Microsoft Entra ID P1 or P2"));
        server.verify(3, getRequestedFor(urlPathEqualTo("/v1.0/users")));
        Resource ada = byId(c).get(ADA);
        assertThat(ada.unknowns()).contains("properties.signInActivity", "properties.lastActivityDateTime")
                .doesNotContain("properties.accountEnabled");
        assertThat(ada.properties()).containsEntry("accountEnabled", true).doesNotContainKey("lastActivityDateTime");
        assertThat(byId(c).get(EVE).unknowns()).contains("properties.lastActivityDateTime");
    }

    @Test
    void malformedBodyIsNamedByUrlAndTheRestIsRead() {
        graph.override(get(urlPathEqualTo("/v1.0/applications")), 200,
                "{\"@odata.context\":\"x\",\"value\":[{\"id\":\"0f1e\",\"appId\":\"5d3c\",}]}");
        graph.override(get(urlPathEqualTo("/v1.0/policies/authorizationPolicy")), 200, "[1, 2]");

        Collection c = collect();

        assertThat(c.errors()).extracting(CollectionError::message).containsExactly(
                "unexpected Graph response from " + base + "/v1.0/policies/authorizationPolicy: expected a JSON object; "
                        + "this data is unresolved",
                "malformed JSON from " + base + "/v1.0/applications?$select=id,appId,displayName,passwordCredentials,"
                        + "keyCredentials&$top=999: Unexpected character ('}' (code 125)): was expecting double-quote to start "
                        + "field name at line 1, column 60; this data is unresolved");
        assertThat(c.resources()).noneMatch(r -> r.type().equals("entra.application"));
        assertThat(byId(c).get(TENANT).unknowns()).contains("properties.allowInvitesFrom", "properties.blockMsolPowerShell");
        assertThat(byId(c).get(TENANT).properties()).containsEntry("securityDefaultsEnabled", false);
    }

    @Test
    void unauthorizedNamesTheCredentialAndAPageFailureLeavesTheWholeListUnresolved() {
        graph.override(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleAssignments")), 401,
                GraphMock.graphError("InvalidAuthenticationToken", "Access token has expired or is not yet valid."));
        graph.override(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken",
                equalTo(GraphMock.SKIPTOKEN)), 500, "oops");

        Collection c = collect();

        assertThat(c.errors()).extracting(CollectionError::message).containsExactly(
                "500: reading /v1.0/users failed at " + base + "/v1.0/users?$select=id,displayName,userPrincipalName,"
                        + "accountEnabled,userType,createdDateTime,signInActivity&$skiptoken=" + GraphMock.SKIPTOKEN
                        + "; this data is unresolved",
                "401 InvalidAuthenticationToken: the credential was not accepted for /v1.0/roleManagement/directory/"
                        + "roleAssignments (check the app's tenant and secret/certificate expiry); this data is unresolved, "
                        + "checks on it are UNKNOWN");
        assertThat(byId(c).get(TENANT).unknowns()).contains("properties.globalAdminCount", "properties.privilegedUserCount");
        // users only in the registration report remain, with the users-list facts unknown
        assertThat(byId(c).get(ADA).unknowns()).contains("properties.accountEnabled", "properties.roles");
    }

    @Test
    void aNextLinkLeavingTheGraphEndpointIsNotFollowed() {
        graph.override(get(urlPathEqualTo("/v1.0/applications")), 200,
                "{\"value\":[],\"@odata.nextLink\":\"https://evil.example/v1.0/applications?$skiptoken=x\"}");

        Collection c = collect();

        assertThat(c.errors()).extracting(CollectionError::message).containsExactly("unexpected Graph response from "
                + "https://evil.example/v1.0/applications?$skiptoken=x: @odata.nextLink leaves " + base
                + " or repeats a page; not followed; this data is unresolved");
    }

    private Outcome outcomeOnTenant(String check, Collection c) {
        Path dir = Path.of("../vouch-checks/src/main/resources/checks/entra").resolve(check);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(dir), "vouch-checks absent");
        List<Finding> findings = new Engine(new CheckLoader().loadDirectory(dir), CLOCK)
                .evaluate(c.resources(), List.of()).findings();
        return findings.stream().filter(f -> f.resourceId().equals(TENANT)).findFirst().orElseThrow().outcome();
    }

    static Map<String, Resource> byId(Collection c) {
        Map<String, Resource> m = new LinkedHashMap<>();
        c.resources().forEach(r -> m.put(r.id(), r));
        return m;
    }

    /** Everything but origin (file:line vs URL) and the source. */
    static List<List<Object>> withoutOrigins(List<Resource> resources) {
        return resources.stream().map(r -> List.<Object>of(r.type(), r.id(), r.name(), r.provider(), r.scope(), r.location(),
                r.tags(), r.properties(), r.attributes(), r.collectedAt(), r.unknowns(), r.errors())).toList();
    }
}
