package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The child responses of {@link AzureLiveBenchmark}'s tenant: one templated stub per child call, whose
 * ids are built from the request path, so every parent gets children of its own.
 */
final class BenchChildren {
    private static final String RG = "/subscriptions/[^/]+/resourceGroups/[^/]+/providers/";

    private BenchChildren() {}

    static void stub(WireMockServer server, int latency) {
        child(server, latency, RG + "Microsoft.Storage/storageAccounts/[^/]+/blobServices", list(item("default",
                "Microsoft.Storage/storageAccounts/blobServices", "{\"deleteRetentionPolicy\":{\"enabled\":true,\"days\":14},"
                        + "\"containerDeleteRetentionPolicy\":{\"enabled\":true,\"days\":14},\"isVersioningEnabled\":true}")));
        child(server, latency, RG + "Microsoft.Sql/servers/[^/]+/firewallRules", list(
                item("office", "Microsoft.Sql/servers/firewallRules", "{\"startIpAddress\":\"203.0.113.0\",\"endIpAddress\":\"203.0.113.255\"}"),
                item("vpn", "Microsoft.Sql/servers/firewallRules", "{\"startIpAddress\":\"198.51.100.7\",\"endIpAddress\":\"198.51.100.7\"}")));
        child(server, latency, RG + "Microsoft.Sql/servers/[^/]+/auditingSettings",
                list(item("Default", "Microsoft.Sql/servers/auditingSettings", "{\"state\":\"Enabled\",\"retentionDays\":120}")));
        child(server, latency, RG + "Microsoft.Sql/servers/[^/]+/databases", list(
                item("master", "Microsoft.Sql/servers/databases", "{\"status\":\"Online\"}"),
                item("app", "Microsoft.Sql/servers/databases", "{\"status\":\"Online\"}"),
                item("reports", "Microsoft.Sql/servers/databases", "{\"status\":\"Online\"}")));
        child(server, latency, RG + "Microsoft.Sql/servers/[^/]+/databases/[^/]+/transparentDataEncryption/current",
                "{\"id\":\"{{request.path}}\",\"name\":\"current\",\"type\":\"Microsoft.Sql/servers/databases/transparentDataEncryption\","
                        + "\"properties\":{\"state\":\"Enabled\"}}");
        child(server, latency, RG + "Microsoft.Web/sites/[^/]+/config/web",
                "{\"id\":\"{{request.path}}\",\"name\":\"web\",\"type\":\"Microsoft.Web/sites/config\",\"properties\":"
                        + "{\"minTlsVersion\":\"1.2\",\"ftpsState\":\"FtpsOnly\",\"remoteDebuggingEnabled\":false,\"http20Enabled\":true}}");
        child(server, latency, RG + "Microsoft.KeyVault/vaults/[^/]+/providers/Microsoft.Insights/diagnosticSettings",
                list(item("kv-audit", "Microsoft.Insights/diagnosticSettings", "{\"workspaceId\":\"/subscriptions/x/resourceGroups/rg/providers/"
                        + "Microsoft.OperationalInsights/workspaces/law\",\"logs\":[{\"categoryGroup\":\"audit\",\"enabled\":true}]}")));
        child(server, latency, RG + "Microsoft.RecoveryServices/vaults/[^/]+/backupPolicies", list(
                item("DefaultPolicy", "Microsoft.RecoveryServices/vaults/backupPolicies", "{\"backupManagementType\":\"AzureIaasVM\"}"),
                item("HourlyLogBackup", "Microsoft.RecoveryServices/vaults/backupPolicies", "{\"backupManagementType\":\"AzureWorkload\"}")));
        server.stubFor(post(urlPathMatching("/subscriptions/[^/]+/providers/Microsoft.PolicyInsights/policyStates/latest/summarize"))
                .willReturn(aResponse().withFixedDelay(latency).withHeader("Content-Type", "application/json").withBody("{\"value\":[]}")));
    }

    private static void child(WireMockServer server, int latency, String pathRegex, String body) {
        server.stubFor(get(urlPathMatching(pathRegex)).willReturn(aResponse().withFixedDelay(latency)
                .withHeader("Content-Type", "application/json").withBody(body).withTransformers("response-template")));
    }

    private static String list(String... items) {
        return "{\"value\":[" + String.join(",", items) + "]}";
    }

    private static String item(String name, String type, String properties) {
        return "{\"id\":\"{{request.path}}/" + name + "\",\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"properties\":" + properties + "}";
    }
}
