package dev.vouch.collect.azureoffline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AzureExportCollectorTest {
    static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final String SUB = "/subscriptions/6b1c3f0e-2d4a-4e8b-9c71-0f5e3a2d8b41";
    private final AzureExportCollector collector = new AzureExportCollector(Clock.fixed(NOW, ZoneOffset.UTC));

    static Path resource(String name) {
        try {
            return Path.of(AzureExportCollectorTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path goldenFile(String name) {
        return Path.of("src/test/resources/golden").resolve(name);
    }

    private static Map<String, Resource> byId(Collection c) {
        return c.resources().stream().collect(Collectors.toMap(Resource::id, Function.identity()));
    }

    @Test
    void restResponsesMatchGolden() {
        Collection rest = collector.collect(resource("export/rest"));
        assertThat(rest.errors()).isEmpty();
        ResourceJson.assertGolden(ResourceJson.of(rest), goldenFile("export-rest.json"));
    }

    @Test
    void azCliOutputNormalizesToExactlyTheSameResourcesAsRest() {
        Collection rest = collector.collect(resource("export/rest"));
        Collection az = collector.collect(resource("export/az"));
        assertThat(az.errors()).isEmpty();
        Map<String, Resource> restById = byId(rest);
        Map<String, Resource> azById = byId(az);
        assertThat(azById.keySet()).isEqualTo(restById.keySet()).hasSize(7);
        restById.forEach((id, r) -> assertThat(ResourceJson.of(azById.get(id), false))
                .as(id).isEqualTo(ResourceJson.of(r, false)));
        assertThat(azById.values()).extracting(r -> r.origin().source()).containsOnly("azure-export");
    }

    @Test
    void restNamesValuesAndQuirksAreKept() {
        Map<String, Resource> az = byId(collector.collect(resource("export/az")));
        Resource logs = az.get(SUB + "/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stprodlogs01");
        assertThat(logs.type()).isEqualTo("azure.storage.account");
        assertThat(logs.scope()).isEqualTo(SUB);
        assertThat(logs.properties()).containsEntry("supportsHttpsTrafficOnly", true).containsEntry("minimumTlsVersion", "TLS1_2")
                .doesNotContainKeys("enableHttpsTrafficOnly", "networkRuleSet", "resourceGroup", "isHnsEnabled");
        assertThat(logs.properties().get("networkAcls")).asString().contains("value=203.0.113.0/24");
        assertThat(logs.properties().get("creationTime")).isEqualTo("2024-03-01T09:12:43.982331Z");
        assertThat(logs.attributes()).containsEntry("kind", "StorageV2").containsKey("sku");
        assertThat(logs.origin().location()).isEqualTo("storage-accounts.json");
        assertThat(logs.origin().line()).isEqualTo(2);

        Resource nsg = az.get(SUB + "/resourceGroups/rg-prod-net/providers/Microsoft.Network/networkSecurityGroups/nsg-web");
        List<?> rules = (List<?>) nsg.properties().get("securityRules");
        Map<?, ?> ssh = (Map<?, ?>) ((Map<?, ?>) rules.get(1)).get("properties");
        assertThat(ssh.get("destinationPortRange")).isEqualTo("20-23");
        assertThat(ssh.get("priority")).isEqualTo(110L);
        assertThat(ssh.get("access")).isEqualTo("Allow");

        Resource sql = az.get(SUB + "/resourceGroups/rg-prod-data/providers/Microsoft.Sql/servers/sql-prod-orders");
        assertThat(((Map<?, ?>) sql.properties().get("administrators")).get("azureADOnlyAuthentication")).isEqualTo(true);
        Resource site = az.get(SUB + "/resourceGroups/rg-prod-web/providers/Microsoft.Web/sites/app-orders-api");
        assertThat(site.properties()).containsEntry("resourceGroup", "rg-prod-web").containsEntry("httpsOnly", true);
        assertThat(site.location()).isEqualTo("West Europe");
    }

    @Test
    void oneSyntheticSubscriptionPerSubscriptionSeen() {
        Collection az = collector.collect(resource("export/az"));
        List<Resource> subs = az.resources().stream().filter(r -> r.type().equals("azure.resources.subscription")).toList();
        assertThat(subs).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(SUB);
            assertThat(s.scope()).isEqualTo(SUB);
            assertThat(s.properties()).containsEntry("subscriptionId", "6b1c3f0e-2d4a-4e8b-9c71-0f5e3a2d8b41");
            assertThat(s.attributes()).containsEntry("synthetic", true);
        });
    }

    @Test
    void monitoringDefenderRolesAndUnmappedTypes() {
        Collection c = collector.collect(resource("export/misc/monitoring-and-defender.json"));
        assertThat(c.errors()).isEmpty();
        ResourceJson.assertGolden(ResourceJson.of(c), goldenFile("export-misc.json"));
        Map<String, Resource> byId = byId(c);

        Resource activity = byId.get(SUB + "/providers/AzureResourceManager/diagnosticSettings/activity-to-law");
        assertThat(activity.type()).isEqualTo("azure.monitor.diagnostic_setting");
        assertThat(activity.attributes()).containsEntry("targetResourceId", SUB);
        Resource kvAudit = byId.get(SUB + "/resourcegroups/rg-prod-sec/providers/microsoft.keyvault/vaults/kv-prod-keys/providers/microsoft.insights/diagnosticSettings/kv-audit");
        assertThat(kvAudit.attributes()).containsEntry("targetResourceId", SUB + "/resourcegroups/rg-prod-sec/providers/microsoft.keyvault/vaults/kv-prod-keys");

        Resource pricing = byId.get(SUB + "/providers/Microsoft.Security/pricings/StorageAccounts");
        assertThat(pricing.properties()).containsEntry("enforce", "False");
        Resource contact = byId.get(SUB + "/providers/Microsoft.Security/securityContact/default");
        assertThat(contact.type()).isEqualTo("azure.security.contact");
        assertThat(contact.properties()).containsEntry("emails", "secops@contoso.example;ciso@contoso.example");

        Resource role = byId.get(SUB + "/providers/Microsoft.Authorization/roleDefinitions/7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09");
        assertThat(role.type()).isEqualTo("azure.authorization.role_definition");
        assertThat(role.properties()).containsEntry("type", "CustomRole").containsEntry("roleName", "Web App Restarter")
                .doesNotContainKeys("roleType", "createdBy", "resourceGroup");

        Resource cdn = byId.get(SUB + "/resourceGroups/rg-prod-web/providers/Microsoft.Cdn/profiles/cdn-prod");
        assertThat(cdn.type()).isEqualTo("azure.unmapped");
        assertThat(cdn.properties()).containsEntry("armType", "Microsoft.Cdn/profiles");
    }

    @Test
    void pagedResponsesInADirectoryAreOneCollectionWithCaseInsensitiveSubscriptions() {
        Collection c = collector.collect(resource("export/paged"));
        assertThat(c.errors()).isEmpty();
        assertThat(c.resources()).extracting(Resource::type, Resource::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("azure.authorization.lock", "do-not-delete"),
                org.assertj.core.groups.Tuple.tuple("azure.authorization.lock", "read-only-kv"),
                org.assertj.core.groups.Tuple.tuple("azure.resources.subscription", "6b1c3f0e-2d4a-4e8b-9c71-0f5e3a2d8b41"));
        assertThat(c.resources().get(1).id()).startsWith("/Subscriptions/6B1C3F0E");
        assertThat(c.resources().get(1).origin().display()).isEqualTo("page-2.json:3");
    }

    @Test
    void malformedFilesAreErrorsNamingFileLineAndColumnAndTheRestIsRead() {
        Collection c = collector.collect(resource("export/malformed"));
        assertThat(c.errors()).extracting(e -> e.origin().display()).containsExactly("conflict.json:4", "trailing-comma.json:9");
        assertThat(c.errors().get(0).message()).startsWith("malformed JSON at conflict.json:4:1: ");
        assertThat(c.errors().get(1).message()).startsWith("malformed JSON at trailing-comma.json:9:7: ");
        assertThat(c.resources()).extracting(Resource::name).containsExactly("do-not-delete", "6b1c3f0e-2d4a-4e8b-9c71-0f5e3a2d8b41");
    }

    @Test
    void objectsThatAreNoResourcesAreErrorsNotDrops(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("odd.json"), "[\n  {\"name\": \"x\", \"kind\": \"y\"},\n  42\n]\n");
        Collection c = collector.collect(dir);
        assertThat(c.resources()).isEmpty();
        assertThat(c.errors()).extracting(e -> e.display()).containsExactly(
                "odd.json: item 1 is a long, expected an Azure resource object",
                "odd.json:2: object has no 'id' and no 'type'");
    }

    @Test
    void unusablePathsThrow(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> collector.collect(dir.resolve("missing"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> collector.collect(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no *.json");
        assertThat(collector.source()).isEqualTo("azure-export");
    }
}
