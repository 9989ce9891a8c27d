package dev.vouch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** vouch scan --azure against a local mock tenant: a forbidden list becomes named ERROR findings, the rest completes. */
class AzureScanTest {
    static final String SUB = "11111111-aaaa-4aaa-8aaa-000000000001";
    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/subscriptions/.*")).atPriority(10).willReturn(aResponse().withBody("{\"value\":[]}")));
        server.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(aResponse().withBody(
                "{\"value\":[{\"id\":\"/subscriptions/" + SUB + "\",\"subscriptionId\":\"" + SUB + "\",\"displayName\":\"prod\",\"state\":\"Enabled\"}]}")));
        server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage/storageAccounts")).willReturn(aResponse().withBody("""
                {"value":[{"id":"/subscriptions/%s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stweak","name":"stweak",
                "type":"Microsoft.Storage/storageAccounts","location":"westeurope","kind":"StorageV2","sku":{"name":"Standard_LRS"},
                "properties":{"minimumTlsVersion":"TLS1_0","supportsHttpsTrafficOnly":true,"allowBlobPublicAccess":false}}]}""".formatted(SUB))));
        server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.KeyVault/vaults")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"does not have authorization to perform action 'Microsoft.KeyVault/vaults/read'\"}}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void forbiddenListIsNamedAndTheRestIsScanned() {
        CliRun r = CliRun.of("scan", "--azure", "--azure-endpoint", "http://127.0.0.1:" + server.port(), "--no-store", "-q",
                "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(r.out()).contains("\"AZ-STG-002\"", "stweak", "lacks Microsoft.KeyVault/vaults/read on subscription " + SUB);
        assertThat(r.out()).contains("\"outcome\": \"ERROR\"");
    }

    @Test
    void plainHttpIsOnlyForLoopback() {
        CliRun r = CliRun.of("scan", "--azure", "--azure-endpoint", "http://192.0.2.10", "--no-store", "-q");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("must be https://");
    }
}
