package dev.vouch.collect.azureoffline;

import static dev.vouch.collect.azureoffline.AzureExportCollectorTest.goldenFile;
import static dev.vouch.collect.azureoffline.AzureExportCollectorTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArmTemplateCollectorTest {
    private static final String SUB = "/subscriptions/arm:main.json";
    private static final String RG = SUB + "/resourceGroups/{resourceGroup}";
    private final ArmTemplateCollector collector =
            new ArmTemplateCollector(Clock.fixed(AzureExportCollectorTest.NOW, ZoneOffset.UTC));

    private static Map<String, Resource> byName(Collection c) {
        return c.resources().stream().collect(Collectors.toMap(Resource::name, Function.identity(), (first, second) -> first));
    }

    @Test
    void templateWithParametersFileMatchesGolden() {
        Collection c = collector.collect(resource("arm/app"));
        assertThat(c.errors()).isEmpty();
        ResourceJson.assertGolden(ResourceJson.of(c), goldenFile("arm-app.json"));
    }

    @Test
    void parametersVariablesAndFunctionsAreEvaluated() {
        Map<String, Resource> r = byName(collector.collect(resource("arm/app/main.json")));
        assertThat(r).containsKey("sql-prod-orders").doesNotContainKey("sql-dev-orders");
        String storageName = r.keySet().stream().filter(n -> n.startsWith("storders")).findFirst().orElseThrow();
        assertThat(storageName).hasSize("storders".length() + 13).isLowerCase();
        Resource storage = r.get(storageName);
        assertThat(storage.type()).isEqualTo("azure.storage.account");
        assertThat(storage.id()).isEqualTo(RG + "/providers/Microsoft.Storage/storageAccounts/" + storageName);
        assertThat(storage.scope()).isEqualTo("arm:main.json");
        assertThat(storage.origin().display()).isEqualTo("main.json:47");
        assertThat(storage.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("env", "prod", "managedBy", "arm", "data", "logs"));
        assertThat(storage.attributes()).containsEntry("sku", Map.of("name", "Standard_GRS")).containsEntry("kind", "StorageV2");
        assertThat(storage.properties()).containsEntry("allowBlobPublicAccess", false)
                .containsEntry("supportsHttpsTrafficOnly", true)
                .containsEntry("allowSharedKeyAccess", false)
                .doesNotContainKey("minimumTlsVersion");
        assertThat(storage.unknowns()).containsExactly("location", "properties.minimumTlsVersion");

        Resource blob = r.get("default");
        assertThat(blob.origin().line()).isEqualTo(69);
        assertThat(blob.type()).isEqualTo("azure.storage.blob_service");
        assertThat(blob.id()).isEqualTo(storage.id() + "/blobServices/default");
        assertThat(blob.properties().get("deleteRetentionPolicy")).isEqualTo(Map.of("enabled", true, "days", 30L));

        Resource sql = r.get("sql-prod-orders");
        assertThat(sql.properties()).containsEntry("administratorLogin", "sqladmin")
                .containsEntry("publicNetworkAccess", "Disabled").doesNotContainKey("administratorLoginPassword");
        assertThat(sql.unknowns()).containsExactly("location", "properties.administratorLoginPassword");
        assertThat(r.get("AllowAllWindowsAzureIps").id()).isEqualTo(sql.id() + "/firewallRules/AllowAllWindowsAzureIps");
        assertThat(r.get("AllowAllWindowsAzureIps").type()).isEqualTo("azure.sql.firewall_rule");
        Resource database = r.get("orders");
        assertThat(database.id()).isEqualTo(sql.id() + "/databases/orders");
        assertThat(database.properties()).containsEntry("zoneRedundant", true);
    }

    @Test
    void unresolvableReferencesConditionsExtensionResourcesAndEscapes() {
        Collection c = collector.collect(resource("arm/app/main.json"));
        Map<String, Resource> r = byName(c);
        Resource auditing = c.resources().stream().filter(x -> x.type().equals("azure.sql.auditing")).findFirst().orElseThrow();
        assertThat(auditing.unknowns()).containsExactly("properties.storageEndpoint");
        assertThat(auditing.properties()).containsEntry("retentionDays", 90L);

        Resource diag = r.get("send-to-law");
        String storageId = c.resources().get(0).id();
        assertThat(diag.type()).isEqualTo("azure.monitor.diagnostic_setting");
        assertThat(diag.id()).isEqualTo(storageId + "/providers/Microsoft.Insights/diagnosticSettings/send-to-law");
        assertThat(diag.attributes()).containsEntry("targetResourceId", storageId);
        assertThat(diag.properties()).containsEntry("workspaceId", RG + "/providers/Microsoft.OperationalInsights/workspaces/law-prod");

        assertThat(r).doesNotContainKey("pip-debug");
        Resource nsg = r.get("nsg-prod-web");
        Map<?, ?> rule = (Map<?, ?>) ((Map<?, ?>) ((List<?>) nsg.properties().get("securityRules")).get(0)).get("properties");
        assertThat(rule.get("sourceAddressPrefix")).isEqualTo("198.51.100.0/24");
        assertThat(rule.get("description")).isEqualTo("[literal brackets] stay");
        assertThat(nsg.location()).isEqualTo("westeurope");
        assertThat(nsg.unknowns()).isEmpty();

        // a resource-group template is one deployment, not a subscription: no subscription-level subject
        assertThat(c.resources()).noneMatch(x -> x.type().equals("azure.resources.subscription"));
    }

    @Test
    void withoutParametersFileDefaultsApply() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("arm");
        java.nio.file.Files.copy(resource("arm/app/main.json"), dir.resolve("main.json"));
        Map<String, Resource> r = byName(collector.collect(dir));
        assertThat(r).containsKeys("sql-dev-orders", "pip-debug", "nsg-dev-web");
        assertThat(r.get("sql-dev-orders").unknowns()).contains("properties.administratorLogin");
    }

    @Test
    void directoryOfTemplatesReportsBadFilesAndResourcesAndSkipsOtherJson() {
        Collection c = collector.collect(resource("arm/mixed"));
        assertThat(c.errors()).extracting(e -> e.display()).containsExactlyInAnyOrder(
                "bad-expression.json:5: bad expression [concat('st', 'broken']: expected ')' at position 22 in [concat('st', 'broken']",
                "nested/vault.json:38: parameters('undeclared') is not declared",
                "trailing-comma.json:4: malformed JSON at trailing-comma.json:4:1: Unexpected character ('}' (code 125)): "
                        + "was expecting double-quote to start field name");
        Map<String, Resource> r = byName(c);
        Resource vault = r.get("kv-shared");
        assertThat(vault.scope()).isEqualTo("arm:nested/vault.json");
        assertThat(vault.properties()).containsEntry("enablePurgeProtection", true).containsEntry("softDeleteRetentionInDays", 90L)
                .doesNotContainKey("tenantId");
        assertThat(vault.unknowns()).containsExactly("properties.tenantId");
        Resource lock = r.get("vault-no-delete");
        assertThat(lock.type()).isEqualTo("azure.authorization.lock");
        assertThat(lock.id()).isEqualTo(vault.id() + "/providers/Microsoft.Authorization/locks/vault-no-delete");
        assertThat(lock.properties()).containsEntry("notes", "Protects kv-shared");
        assertThat(c.resources()).extracting(Resource::type).containsOnly("azure.keyvault.vault", "azure.authorization.lock");
    }
}
