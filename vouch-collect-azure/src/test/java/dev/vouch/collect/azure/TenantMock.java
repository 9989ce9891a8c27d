package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
 * B malformed; every other list call returns an empty page.
 */
final class TenantMock {
    static final String A = "11111111-aaaa-4aaa-8aaa-000000000001";
    static final String B = "22222222-bbbb-4bbb-8bbb-000000000002";
    /** 1 subscription list + 2 × every type + 2 further storage pages in A + 1 retry after the 429. */
    static final int EXPECTED_REQUESTS = 1 + 2 * ArmListType.ALL.size() + 2 + 1;

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
