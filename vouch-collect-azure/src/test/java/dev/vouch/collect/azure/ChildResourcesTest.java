package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.vouch.collect.azure.TenantMock.A;
import static dev.vouch.collect.azure.TenantMock.B;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-parent calls on the {@link TenantMock} tenant: what each yields, what it costs, how it fails. */
class ChildResourcesTest {
    static WireMockServer server;
    static Collection collection;

    @BeforeAll
    static void collectOnce() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        TenantMock.stubTenant(server);
        collection = collector(server, false).collect();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static AzureLiveCollector collector(WireMockServer on, boolean storageDiagnostics) {
        return new AzureLiveCollector(AzureLiveCollectorTest.CLOCK, AzureArm.forTesting(on.baseUrl()), Set.of(), 3, storageDiagnostics);
    }

    @Test
    void blobServicesAreCollectedWhileOneDeniedAccountBecomesAPlaceholderNamingItAndThePermission() {
        assertThat(ofType("azure.storage.blob_service")).filteredOn(r -> !r.hasErrors()).extracting(Resource::id).containsExactly(
                "/subscriptions/" + A + "/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdataprod01/blobServices/default",
                "/subscriptions/" + A + "/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stlogsprod01/blobServices/default");
        Resource soft = ofType("azure.storage.blob_service").get(0);
        assertThat(soft.properties()).containsEntry("isVersioningEnabled", true)
                .containsEntry("deleteRetentionPolicy", Map.of("allowPermanentDelete", false, "enabled", true, "days", 14L));
        assertThat(soft.attributes()).containsEntry("sku", Map.of("name", "Standard_LRS", "tier", "Standard"));
        assertThat(soft.origin().location()).isEqualTo(server.baseUrl() + "/subscriptions/" + A
                + "/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdataprod01/blobServices");
        String why = "403 AuthorizationFailed: the credential lacks Microsoft.Storage/storageAccounts/blobServices/read on "
                + "storage account stwebassets in subscription " + A + " (assign Reader)";
        assertThat(ofType("azure.storage.blob_service")).filteredOn(Resource::hasErrors).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(TenantMock.WEB_ASSETS + "/blobServices");
            assertThat(p.name()).isEqualTo("azure.storage.blob_service of storage account stwebassets in subscription " + A + " (not readable)");
            assertThat(p.errors()).containsExactly(why);
            assertThat(p.scope()).isEqualTo("/subscriptions/" + A);
            assertThat(p.attributes()).containsEntry("placeholder", true).containsEntry("parentId", TenantMock.WEB_ASSETS);
        });
        assertThat(collection.errors()).filteredOn(e -> e.message().contains("blobServices")).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo(why);
            assertThat(e.origin().location()).isEqualTo(server.baseUrl() + TenantMock.WEB_ASSETS + "/blobServices");
        });
    }

    @Test
    void sqlServerChildrenAndTdeOfEveryDatabaseButMaster() {
        assertThat(ofType("azure.sql.firewall_rule")).extracting(Resource::name).containsExactly("AllowAllWindowsAzureIps", "office");
        assertThat(ofType("azure.sql.firewall_rule").get(0).properties())
                .isEqualTo(Map.of("startIpAddress", "0.0.0.0", "endIpAddress", "0.0.0.0"));
        assertThat(ofType("azure.sql.auditing")).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(TenantMock.SQL + "/auditingSettings/Default");
            assertThat(a.properties()).containsEntry("state", "Enabled").containsEntry("retentionDays", 120L);
        });
        assertThat(ofType("azure.sql.database")).extracting(Resource::name).containsExactly("master", "appdb");
        // The TDE GET answers with the database's id; the normalizer completes it to the TDE's own id.
        assertThat(ofType("azure.sql.tde")).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(TenantMock.SQL + "/databases/appdb/transparentDataEncryption/current");
            assertThat(t.properties()).isEqualTo(Map.of("state", "Enabled"));
        });
        server.verify(1, getRequestedFor(urlPathEqualTo(TenantMock.SQL + "/databases/appdb/transparentDataEncryption/current"))
                .withQueryParam("api-version", equalTo("2021-11-01")));
        server.verify(0, getRequestedFor(urlPathMatching(".*/databases/master/.*")));
    }

    @Test
    void siteConfigIsMergedIntoTheSitesSiteConfig() {
        assertThat(ofType("azure.web.site")).singleElement().satisfies(site -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) site.properties().get("siteConfig");
            assertThat(config).containsEntry("minTlsVersion", "1.2").containsEntry("ftpsState", "FtpsOnly")
                    .containsEntry("remoteDebuggingEnabled", false).containsEntry("alwaysOn", true)
                    .containsEntry("linuxFxVersion", "NODE|20-lts").containsEntry("defaultDocuments", List.of("index.html", "hostingstart.html"));
            assertThat(site.properties()).containsEntry("httpsOnly", true).containsEntry("resourceGroup", "rg-web");
            assertThat(site.origin().location()).isEqualTo(server.baseUrl() + "/subscriptions/" + A + "/providers/Microsoft.Web/sites");
            assertThat(site.hasErrors()).isFalse();
        });
    }

    @Test
    void vaultDiagnosticSettingsNameTheirTarget() {
        assertThat(ofType("azure.monitor.diagnostic_setting")).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("kv-audit");
            assertThat(d.attributes()).containsEntry("targetResourceId", TenantMock.VAULT);
        });
    }

    @Test
    void backupPoliciesClassicAdministratorsAndThePolicySummary() {
        assertThat(ofType("azure.recoveryservices.backup_policy")).extracting(Resource::id).containsExactly(
                "/Subscriptions/" + A + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod/backupPolicies/DefaultPolicy");
        assertThat(ofType("azure.policy.summary")).extracting(Resource::id).containsExactly(
                "/subscriptions/" + A + "/providers/Microsoft.PolicyInsights/policyStates/latest/summary");
        assertThat(ofType("azure.unmapped")).isEmpty();
        assertThat(ofType("azure.authorization.classic_administrator")).singleElement()
                .satisfies(c -> assertThat(c.properties()).containsEntry("role", "ServiceAdministrator;AccountAdministrator"));
        server.verify(2, postRequestedFor(urlPathMatching("/subscriptions/[^/]+/providers/Microsoft.PolicyInsights/policyStates/latest/summarize"))
                .withQueryParam("api-version", equalTo("2019-10-01")));
    }

    @Test
    void exactlyOneCallPerParentAndChildType() {
        assertThat(server.getAllServeEvents()).hasSize(TenantMock.EXPECTED_REQUESTS);
        server.verify(6, getRequestedFor(urlPathMatching(".*/storageAccounts/[^/]+/blobServices")));
        for (String child : List.of("/firewallRules", "/auditingSettings", "/databases")) {
            server.verify(1, getRequestedFor(urlPathEqualTo(TenantMock.SQL + child)).withQueryParam("api-version", equalTo("2021-11-01")));
        }
        server.verify(1, getRequestedFor(urlPathEqualTo(TenantMock.SITE + "/config/web")));
        server.verify(1, getRequestedFor(urlPathMatching("/subscriptions/.*/resourceGroups/.*/providers/Microsoft.Insights/diagnosticSettings"))
                .withQueryParam("api-version", equalTo("2021-05-01-preview")));
        server.verify(1, getRequestedFor(urlPathEqualTo(TenantMock.RSV + "/backupPolicies")));
        server.verify(0, getRequestedFor(urlPathMatching("/subscriptions/" + B + "/resourceGroups/.*/Microsoft.KeyVault/.*")));
    }

    @Test
    void storageDiagnosticSettingsAreOptIn() {
        WireMockServer own = new WireMockServer(options().dynamicPort());
        own.start();
        try {
            TenantMock.stubTenant(own);
            collector(own, true).collect();
            own.verify(6, getRequestedFor(urlPathMatching(".*/storageAccounts/[^/]+/providers/Microsoft.Insights/diagnosticSettings")));
            assertThat(own.getAllServeEvents()).hasSize(TenantMock.EXPECTED_REQUESTS + 6);
        } finally {
            own.stop();
        }
        server.verify(0, getRequestedFor(urlPathMatching(".*/storageAccounts/[^/]+/providers/.*")));
    }

    @Test
    void deniedSiteConfigMarksTheSiteAndThrottledOrMalformedChildrenBecomePlaceholders() {
        WireMockServer own = new WireMockServer(options().dynamicPort());
        own.start();
        try {
            TenantMock.stubTenant(own);
            own.stubFor(TenantMock.list(TenantMock.SITE + "/config/web", "2023-12-01").willReturn(aResponse().withStatus(403)
                    .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"no\"}}")));
            own.stubFor(TenantMock.list(TenantMock.SQL + "/firewallRules", "2021-11-01").willReturn(aResponse().withStatus(429)
                    .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")));
            own.stubFor(TenantMock.list(TenantMock.SQL + "/databases/appdb/transparentDataEncryption/current", "2021-11-01")
                    .willReturn(okJson("{\"id\": \"x\",")));
            Collection result = collector(own, false).collect();

            Resource site = result.resources().stream().filter(r -> r.type().equals("azure.web.site")).findFirst().orElseThrow();
            assertThat(site.errors()).containsExactly("403 AuthorizationFailed: the credential lacks Microsoft.Web/sites/config/read on "
                    + "web app app-web-prod in subscription " + A + " (assign Reader)");
            assertThat(result.resources()).filteredOn(r -> r.type().equals("azure.sql.firewall_rule")).singleElement().satisfies(p ->
                    assertThat(p.errors()).singleElement().asString().isEqualTo("429 TooManyRequests: reading firewallRules of SQL server "
                            + "sql-app-prod in subscription " + A + " failed at " + own.baseUrl() + TenantMock.SQL
                            + "/firewallRules after 5 retries: slow down"));
            own.verify(6, getRequestedFor(urlPathEqualTo(TenantMock.SQL + "/firewallRules")));
            assertThat(result.resources()).filteredOn(r -> r.type().equals("azure.sql.tde")).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(TenantMock.SQL + "/databases/appdb/transparentDataEncryption/current");
                assertThat(p.errors()).singleElement().asString().startsWith("malformed JSON from " + own.baseUrl() + TenantMock.SQL
                        + "/databases/appdb/transparentDataEncryption/current at line 1");
            });
            assertThat(result.errors()).hasSize(3 + 3);
            assertThat(result.resources()).filteredOn(r -> r.type().equals("azure.sql.auditing")).singleElement()
                    .satisfies(a -> assertThat(a.hasErrors()).isFalse());
        } finally {
            own.stop();
        }
    }

    private static List<Resource> ofType(String type) {
        return collection.resources().stream().filter(r -> r.type().equals(type)).toList();
    }
}
