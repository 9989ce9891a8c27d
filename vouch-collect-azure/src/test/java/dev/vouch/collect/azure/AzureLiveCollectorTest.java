package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.vouch.collect.azure.TenantMock.A;
import static dev.vouch.collect.azure.TenantMock.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AzureLiveCollectorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    static WireMockServer server;
    static Collection collection;

    @BeforeAll
    static void collectOnce() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        TenantMock.stubTenant(server);
        collection = new AzureLiveCollector(CLOCK, AzureArm.forTesting(server.baseUrl()), Set.of(), 4).collect();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void countsEveryTypePerSubscription() {
        Map<String, Long> perType = collection.resources().stream()
                .collect(Collectors.groupingBy(Resource::type, TreeMap::new, Collectors.counting()));
        Map<String, Long> expected = new TreeMap<>(Map.of(
                "azure.resources.subscription", 2L,
                "azure.storage.account", 6L,
                "azure.network.nsg", 2L,
                "azure.keyvault.vault", 2L,
                "azure.compute.vm", 2L,
                "azure.security.pricing", 2L,
                "azure.security.contact", 1L,
                "azure.authorization.role_assignment", 3L));
        expected.putAll(Map.of(
                "azure.authorization.classic_administrator", 1L,
                "azure.sql.server", 1L,
                "azure.web.site", 1L,
                "azure.recoveryservices.vault", 1L,
                // 2 blob services + the placeholder of stwebassets' denied call
                "azure.storage.blob_service", 3L,
                "azure.sql.firewall_rule", 2L,
                "azure.sql.auditing", 1L,
                "azure.sql.database", 2L,
                "azure.sql.tde", 1L,
                "azure.monitor.diagnostic_setting", 1L));
        expected.put("azure.recoveryservices.backup_policy", 1L);
        expected.put("azure.policy.summary", 1L);
        assertThat(perType).containsExactlyEntriesOf(expected);
        assertThat(collection.resources()).allSatisfy(r -> {
            assertThat(r.provider()).isEqualTo("azure");
            assertThat(r.origin().source()).isEqualTo("azure");
            assertThat(r.collectedAt()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void followsNextLinkAcrossThreeStoragePages() {
        assertThat(names("azure.storage.account", A))
                .containsExactly("stdataprod01", "stdataprod02", "stlogsprod01", "stlogsarchive", "stwebassets");
        Resource third = byName("stwebassets");
        assertThat(third.origin().location())
                .isEqualTo(server.baseUrl() + "/subscriptions/" + A + "/providers/Microsoft.Storage/storageAccounts");
        assertThat(third.properties()).containsEntry("minimumTlsVersion", "TLS1_1").containsEntry("allowSharedKeyAccess", true);
        assertThat(third.attributes()).containsEntry("kind", "StorageV2");
        assertThat(third.scope()).isEqualTo("/subscriptions/" + A);
        assertThat(names("azure.storage.account", B)).containsExactly("stdevscratch");
    }

    @Test
    void retriesAThrottledListAfterRetryAfter() {
        assertThat(names("azure.compute.vm", A)).containsExactly("vm-app-1", "vm-app-2");
        server.verify(2, getRequestedFor(urlPathEqualTo("/subscriptions/" + A + "/providers/Microsoft.Compute/virtualMachines")));
        assertThat(collection.errors()).noneMatch(e -> e.message().contains("virtualMachines"));
    }

    @Test
    void deniedKeyVaultListBecomesOnePlaceholderNamingSubscriptionAndPermission() {
        List<Resource> vaultsB = ofType("azure.keyvault.vault", B);
        assertThat(vaultsB).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("/subscriptions/" + B + "/providers/Microsoft.KeyVault/vaults");
            assertThat(p.name()).isEqualTo("azure.keyvault.vault in subscription " + B + " (not readable)");
            assertThat(p.errors()).containsExactly("403 AuthorizationFailed: the credential lacks "
                    + "Microsoft.KeyVault/vaults/read on subscription " + B + " (assign Reader)");
            assertThat(p.attributes()).containsEntry("placeholder", true);
        });
        assertThat(errorsAbout("Microsoft.KeyVault")).singleElement().satisfies(e -> {
            assertThat(e.origin().location()).isEqualTo(server.baseUrl() + "/subscriptions/" + B + "/providers/Microsoft.KeyVault/vaults");
            assertThat(e.message()).contains(B).contains("Microsoft.KeyVault/vaults/read");
        });
        assertThat(ofType("azure.keyvault.vault", A)).singleElement()
                .satisfies(v -> assertThat(v.hasErrors()).isFalse());
    }

    @Test
    void malformedBodyIsACollectionErrorNamingTheUrlAndAPlaceholder() {
        String url = server.baseUrl() + "/subscriptions/" + B + "/providers/Microsoft.Network/networkSecurityGroups";
        assertThat(errorsAbout("networkSecurityGroups")).singleElement().satisfies(e -> {
            assertThat(e.origin().location()).isEqualTo(url);
            assertThat(e.message()).startsWith("malformed JSON from " + url + " at line 11, column 7: Unexpected character");
        });
        assertThat(ofType("azure.network.nsg", B)).singleElement()
                .satisfies(p -> assertThat(p.errors()).singleElement().asString().startsWith("malformed JSON from " + url));
        assertThat(ofType("azure.network.nsg", A)).singleElement().satisfies(n -> assertThat(n.name()).isEqualTo("nsg-web"));
    }

    @Test
    void onlyTheThreeFailuresAreErrors() {
        assertThat(collection.errors()).hasSize(3);
        assertThat(collection.resources().stream().filter(Resource::hasErrors)).hasSize(3);
    }

    @Test
    void issuesOneListCallPerTypePerSubscriptionPlusPagesAndRetries() {
        assertThat(server.getAllServeEvents()).hasSize(TenantMock.EXPECTED_REQUESTS);
        assertThat(TenantMock.EXPECTED_REQUESTS).isEqualTo(52 + 13);
        server.verify(1, getRequestedFor(urlPathEqualTo("/subscriptions")).withQueryParam("api-version", equalTo("2022-12-01")));
        server.verify(3, getRequestedFor(urlPathEqualTo("/subscriptions/" + A + "/providers/Microsoft.Storage/storageAccounts")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/subscriptions/" + B + "/providers/Microsoft.Compute/disks"))
                .withQueryParam("api-version", equalTo("2024-03-02")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/subscriptions/" + A + "/providers/Microsoft.Authorization/roleDefinitions"))
                .withQueryParam("$filter", equalTo("type eq 'CustomRole'")));
        assertThat(server.getAllServeEvents()).allSatisfy(e ->
                assertThat(e.getRequest().queryParameter("api-version").isPresent()).isTrue());
    }

    @Test
    void aManagementGroupAssignmentSeenInBothSubscriptionsIsKeptOnce() {
        assertThat(collection.resources()).filteredOn(r -> r.id().contains("managementGroups/mg-contoso"))
                .singleElement().satisfies(r -> assertThat(r.scope()).isEmpty());
    }

    @Test
    void emitsOneSyntheticSubscriptionPerSubscription() {
        assertThat(ofType("azure.resources.subscription", A)).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("/subscriptions/" + A);
            assertThat(s.properties()).containsEntry("subscriptionId", A);
            assertThat(s.attributes()).containsEntry("synthetic", true);
        });
    }

    @Test
    void givenSubscriptionsSkipTheSubscriptionList() {
        WireMockServer own = new WireMockServer(options().dynamicPort());
        own.start();
        try {
            TenantMock.stubTenant(own);
            Collection onlyB = new AzureLiveCollector(CLOCK, AzureArm.forTesting(own.baseUrl()), Set.of(B), 2).collect(null);
            assertThat(onlyB.resources()).extracting(Resource::scope).containsOnly("/subscriptions/" + B, "");
            assertThat(onlyB.resources()).hasSize(1 + 1 + 1 + 1 + 2);
            // every list call, plus blobServices of B's one storage account (B's key vaults are not readable)
            assertThat(own.getAllServeEvents()).hasSize(ArmListType.ALL.size() + 1);
        } finally {
            own.stop();
        }
    }

    @Test
    void rejectsBadArguments() {
        AzureArm arm = AzureArm.forTesting(server.baseUrl());
        assertThatThrownBy(() -> new AzureLiveCollector(CLOCK, arm, Set.of("../x"), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../x'");
        assertThatThrownBy(() -> new AzureLiveCollector(CLOCK, arm, Set.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
        assertThatThrownBy(() -> AzureArm.withCredential(r -> null, "http://management.azure.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://");
    }

    private static List<Resource> ofType(String type, String subscription) {
        return collection.resources().stream().filter(r -> r.type().equals(type))
                .filter(r -> r.scope().equalsIgnoreCase("/subscriptions/" + subscription)).toList();
    }

    private static List<String> names(String type, String subscription) {
        return ofType(type, subscription).stream().map(Resource::name).toList();
    }

    private static Resource byName(String name) {
        return collection.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<CollectionError> errorsAbout(String text) {
        return collection.errors().stream().filter(e -> e.origin().location().contains(text)).toList();
    }

}
