package dev.vouch.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformCollectorTest {
    @TempDir
    Path dir;

    private final TerraformCollector collector = new TerraformCollector(Golden.CLOCK);

    private static final String RG = """
            resource "azurerm_resource_group" "rg" {
              name     = "rg-%s"
              location = "westus"
            }
            """;

    private void write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void malformedFileIsAnErrorNamingFileAndLineAndOtherFilesStillCount() throws IOException {
        write("good.tf", RG.formatted("good"));
        write("bad.tf", "resource \"azurerm_storage_account\" \"x\" {\n  name = \"ok\"\n  min_tls_version = = \"TLS1_2\"\n}\n");
        Collection c = collector.collect(dir);
        assertThat(c.errors()).hasSize(1);
        CollectionError e = c.errors().get(0);
        assertThat(e.origin()).isEqualTo(new dev.vouch.model.Origin("terraform", "bad.tf", 3));
        assertThat(e.message()).contains("3:21");
        assertThat(c.resources()).extracting(Resource::id)
                .containsExactly("terraform:.", "./azurerm_resource_group.rg");
    }

    @Test
    void computedAttributesOfNestedBlocksAreUnknownNotErrors() throws IOException {
        write("main.tf", """
                resource "azurerm_linux_web_app" "api" {
                  name     = "app-api"
                  identity {
                    type = "SystemAssigned"
                  }
                }
                resource "azurerm_role_assignment" "api_reader" {
                  scope                = "/subscriptions/x"
                  role_definition_name = "Reader"
                  principal_id         = azurerm_linux_web_app.api.identity[0].principal_id
                }
                """);
        Collection c = collector.collect(dir);
        assertThat(c.errors()).isEmpty();
        var ra = c.resources().stream().filter(r -> r.type().equals("azure.authorization.role_assignment")).findFirst().orElseThrow();
        assertThat(ra.unknowns()).contains("properties.principalId");
        assertThat(ra.properties()).doesNotContainKey("principalId");
    }

    @Test
    void everyDirectoryWithTfFilesIsItsOwnModuleAndHiddenDirsAreSkipped() throws IOException {
        write("prod/main.tf", RG.formatted("prod"));
        write("dev/eu/main.tf", RG.formatted("dev"));
        write("prod/.terraform/modules/x/main.tf", RG.formatted("cached"));
        write(".github/main.tf", RG.formatted("hidden"));
        Collection c = collector.collect(dir);
        assertThat(c.resources()).extracting(Resource::id).containsExactly(
                "terraform:dev/eu", "dev/eu/azurerm_resource_group.rg",
                "terraform:prod", "prod/azurerm_resource_group.rg");
        Resource prod = c.resources().get(3);
        assertThat(prod.scope()).isEqualTo("terraform:prod");
        assertThat(prod.origin()).isEqualTo(new dev.vouch.model.Origin("terraform", "prod/main.tf", 1));
        assertThat(prod.collectedAt()).isEqualTo(Golden.CLOCK.instant());
        assertThat(prod.provider()).isEqualTo("azure");
    }

    @Test
    void aSingleFileIsReadAloneFromItsDirectory() throws IOException {
        write("a.tf", RG.formatted("a"));
        write("b.tf", "resource \"azurerm_resource_group\" \"other\" {\n  name = \"b\"\n}\n");
        Collection c = collector.collect(dir.resolve("a.tf"));
        assertThat(c.resources()).extracting(Resource::id).containsExactly("terraform:.", "./azurerm_resource_group.rg");
        assertThat(c.resources().get(1).origin().location()).isEqualTo("a.tf");
    }

    @Test
    void unusablePathsAreRejectedWithTheirName() throws IOException {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> collector.collect(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        write("readme.md", "# no terraform here");
        assertThatThrownBy(() -> collector.collect(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no .tf files").hasMessageContaining(dir.toString());
    }

    @Test
    void providerDefaultsAreAppliedWhenAttributesAreAbsent() throws IOException {
        write("main.tf", """
                resource "azurerm_storage_account" "sa" {
                  name                     = "stdefaults"
                  resource_group_name      = "rg"
                  location                 = "westus"
                  account_tier             = "Standard"
                  account_replication_type = "LRS"
                }
                """);
        Resource sa = collector.collect(dir).resources().get(1);
        assertThat(sa.type()).isEqualTo("azure.storage.account");
        assertThat(sa.properties()).containsEntry("minimumTlsVersion", "TLS1_2")
                .containsEntry("supportsHttpsTrafficOnly", true)
                .containsEntry("allowBlobPublicAccess", true)
                .containsEntry("publicNetworkAccess", "Enabled");
        assertThat(sa.attributes()).containsEntry("sku", java.util.Map.of("name", "Standard_LRS", "tier", "Standard"));
    }

    @Test
    void nsgRulesWithUnresolvableParentMakeSecurityRulesUnknown() throws IOException {
        write("main.tf", """
                variable "nsg_name" {}
                resource "azurerm_network_security_group" "n" {
                  name                = "nsg"
                  resource_group_name = "rg"
                  location            = "westus"
                }
                resource "azurerm_network_security_rule" "r" {
                  name                        = "ssh"
                  network_security_group_name = var.nsg_name
                  resource_group_name         = "rg"
                  access                      = "Allow"
                }
                """);
        Collection c = collector.collect(dir);
        Resource nsg = c.resources().get(1);
        assertThat(nsg.unknowns()).containsExactly("properties.securityRules");
        assertThat(c.resources().get(2).type()).isEqualTo("azure.unmapped");
    }
}
