package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A two-subscription tenant on WireMock, bodies from src/test/resources/arm: storage in A paged over
 * three pages, A's VM list throttled once (429, Retry-After: 1), key vaults in B denied (403), NSGs in
 * B malformed; every other list call (and the policy summary POST) returns an empty page. Children in
 * A: blob services of stdataprod01 and stlogsprod01 (stwebassets' denied, the others empty), one SQL
 * server with 2 firewall rules, auditing and databases master + appdb (with TDE), one web app with
 * config/web, the key vault's diagnostic setting, one Recovery Services vault with a backup policy,
 * one classic administrator and a policy summary.
 */
final class TenantMock {
    static final String A = "11111111-aaaa-4aaa-8aaa-000000000001";
    static final String B = "22222222-bbbb-4bbb-8bbb-000000000002";
    /** 1 subscription list + 2 × every type + 2 further storage pages in A + 1 retry after the 429. */
    static final int LIST_REQUESTS = 1 + 2 * ArmListType.ALL.size() + 2 + 1;
    /**
     * Child calls: blobServices of 6 accounts; firewallRules, auditingSettings, databases of 1 server; TDE of
     * appdb (not master); config/web of 1 site; diagnostic settings of 1 vault (B's are not readable); backupPolicies of 1 vault.
     */
    static final int CHILD_REQUESTS = 6 + 3 + 1 + 1 + 1 + 1;
    static final int EXPECTED_REQUESTS = LIST_REQUESTS + CHILD_REQUESTS;
    static final String RG_DATA = "/subscriptions/" + A + "/resourceGroups/rg-data/providers/";
    static final String SQL = RG_DATA + "Microsoft.Sql/servers/sql-app-prod";
    static final String SITE = "/subscriptions/" + A + "/resourceGroups/rg-web/providers/Microsoft.Web/sites/app-web-prod";
    static final String VAULT = "/subscriptions/" + A + "/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-prod-secrets";
    static final String RSV = "/subscriptions/" + A + "/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-prod";
    static final String WEB_ASSETS = "/subscriptions/" + A + "/resourceGroups/rg-web/providers/Microsoft.Storage/storageAccounts/stwebassets";

    private TenantMock() {}

    static void stubTenant(WireMockServer server) {
        String base = server.baseUrl();
        server.stubFor(get(urlPathMatching("/subscriptions/[^/]+/.*")).atPriority(10).willReturn(okJson("{\"value\":[]}")));
        server.stubFor(get(urlPathEqualTo("/subscriptions")).withQueryParam("api-version", equalTo("2022-12-01"))
                .willReturn(okJson(body("meta/subscriptions.json", base))));
        String storageA = "/subscriptions/" + A + "/providers/Microsoft.Storage/storageAccounts";
        server.stubFor(list(storageA, "2023-05-01").withQueryParam("$skiptoken", absent())
                .willReturn(okJson(body("sub-a/storage-page-1.json", base))));
        server.stubFor(list(storageA, "2023-05-01").withQueryParam("$skiptoken", equalTo("c2tpcDI="))
                .willReturn(okJson(body("sub-a/storage-page-2.json", base))));
        server.stubFor(list(storageA, "2023-05-01").withQueryParam("$skiptoken", equalTo("c2tpcDQ="))
                .willReturn(okJson(body("sub-a/storage-page-3.json", base))));
        stubList(server, A, "Microsoft.Network/networkSecurityGroups", "2024-05-01", "sub-a/nsgs.json");
        stubList(server, A, "Microsoft.KeyVault/vaults", "2023-07-01", "sub-a/key-vaults.json");
        stubList(server, A, "Microsoft.Security/pricings", "2024-01-01", "sub-a/pricings.json");
        stubList(server, A, "Microsoft.Security/securityContacts", "2023-12-01-preview", "sub-a/security-contacts.json");
        stubList(server, A, "Microsoft.Authorization/roleAssignments", "2022-04-01", "sub-a/role-assignments.json");
        stubThrottledOnce(server, "/subscriptions/" + A + "/providers/Microsoft.Compute/virtualMachines", "2024-07-01",
                "sub-a/virtual-machines.json");
        stubList(server, B, "Microsoft.Storage/storageAccounts", "2023-05-01", "sub-b/storage-accounts.json");
        stubList(server, B, "Microsoft.Authorization/roleAssignments", "2022-04-01", "sub-b/role-assignments.json");
        server.stubFor(list("/subscriptions/" + B + "/providers/Microsoft.KeyVault/vaults", "2023-07-01")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(body("meta/forbidden-keyvault.json", base))));
        server.stubFor(list("/subscriptions/" + B + "/providers/Microsoft.Network/networkSecurityGroups", "2024-05-01")
                .willReturn(okJson(body("broken/nsgs.json", base))));
        stubSubscriptionLevelExtras(server);
        stubChildren(server);
    }

    private static void stubSubscriptionLevelExtras(WireMockServer server) {
        server.stubFor(post(urlPathMatching("/subscriptions/[^/]+/providers/Microsoft.PolicyInsights/policyStates/latest/summarize"))
                .atPriority(10).willReturn(okJson("{\"value\":[]}")));
        server.stubFor(post(urlPathEqualTo("/subscriptions/" + A + "/providers/Microsoft.PolicyInsights/policyStates/latest/summarize"))
                .withQueryParam("api-version", equalTo("2019-10-01")).willReturn(okJson(body("sub-a/policy-summary.json", ""))));
        stubList(server, A, "Microsoft.Authorization/classicAdministrators", "2015-07-01", "sub-a/classic-admins.json");
        stubList(server, A, "Microsoft.Sql/servers", "2021-11-01", "sub-a/sql-servers.json");
        stubList(server, A, "Microsoft.Web/sites", "2023-12-01", "live/sites.json");
        stubList(server, A, "Microsoft.RecoveryServices/vaults", "2024-04-01", "sub-a/recovery-vaults.json");
    }

    private static void stubChildren(WireMockServer server) {
        String storage = "/subscriptions/" + A + "/resourceGroups/%s/providers/Microsoft.Storage/storageAccounts/%s/blobServices";
        stubChild(server, String.format(storage, "rg-data", "stdataprod01"), "2023-05-01", "sub-a/blob-services-stdataprod01.json");
        stubChild(server, String.format(storage, "rg-logs", "stlogsprod01"), "2023-05-01", "sub-a/blob-services-stlogsprod01.json");
        server.stubFor(list(WEB_ASSETS + "/blobServices", "2023-05-01").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(body("meta/forbidden-blob-services.json", ""))));
        stubChild(server, SQL + "/firewallRules", "2021-11-01", "sub-a/sql-firewall-rules.json");
        stubChild(server, SQL + "/auditingSettings", "2021-11-01", "sub-a/sql-auditing.json");
        stubChild(server, SQL + "/databases", "2021-11-01", "sub-a/sql-databases.json");
        stubChild(server, SQL + "/databases/appdb/transparentDataEncryption/current", "2021-11-01", "sub-a/sql-tde-appdb.json");
        stubChild(server, SITE + "/config/web", "2023-12-01", "live/site-config-web.json");
        stubChild(server, VAULT + "/providers/Microsoft.Insights/diagnosticSettings", "2021-05-01-preview",
                "sub-a/kv-diagnostic-settings.json");
        stubChild(server, RSV + "/backupPolicies", "2024-04-01", "sub-a/backup-policies.json");
    }

    static void stubChild(WireMockServer server, String path, String apiVersion, String file) {
        server.stubFor(list(path, apiVersion).willReturn(okJson(body(file, server.baseUrl()))));
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder list(String path, String apiVersion) {
        return get(urlPathEqualTo(path)).withQueryParam("api-version", equalTo(apiVersion));
    }

    static void stubList(WireMockServer server, String sub, String armType, String apiVersion, String file) {
        server.stubFor(list("/subscriptions/" + sub + "/providers/" + armType, apiVersion)
                .willReturn(okJson(body(file, server.baseUrl()))));
    }

    private static void stubThrottledOnce(WireMockServer server, String path, String apiVersion, String file) {
        server.stubFor(list(path, apiVersion).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody(body("meta/throttled.json", "")))
                .willSetStateTo("retried"));
        server.stubFor(list(path, apiVersion).inScenario("throttle").whenScenarioStateIs("retried")
                .willReturn(okJson(body(file, server.baseUrl()))));
    }

    /** A test resource with {@code {{base}}} replaced by the mock's URL (nextLink targets). */
    static String body(String name, String base) {
        try (InputStream in = TenantMock.class.getResourceAsStream("/arm/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource arm/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resourceDir(String name) {
        try {
            return Paths.get(TenantMock.class.getResource("/arm/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
