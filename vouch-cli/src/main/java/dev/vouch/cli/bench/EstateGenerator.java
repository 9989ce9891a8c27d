package dev.vouch.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic Azure estate for benchmarks: ARM REST list responses ({@code {value:[…]}}) and
 * azurerm Terraform, a mix of resource types with seeded good and bad settings. Same seed, same bytes.
 */
public final class EstateGenerator {
    private static final String[] REGIONS = {"eastus", "westeurope", "northeurope", "uksouth"};
    private final Random random;

    public EstateGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes {@code count} resources as REST list responses, 1,000 per file, over 10 subscriptions. */
    public void writeAzureExport(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        int perFile = 1000;
        for (int file = 0; file * perFile < count; file++) {
            Path p = dir.resolve(String.format(Locale.ROOT, "export-%04d.json", file));
            try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                w.write("{\"value\": [\n");
                int n = Math.min(perFile, count - file * perFile);
                for (int i = 0; i < n; i++) {
                    int k = file * perFile + i;
                    w.write(restResource(k));
                    w.write(i + 1 < n ? ",\n" : "\n");
                }
                w.write("]}\n");
            }
        }
    }

    private String restResource(int k) {
        String sub = String.format(Locale.ROOT, "00000000-0000-0000-0000-%012d", k % 10);
        String rg = "rg-app-" + (k % 50);
        String region = REGIONS[k % REGIONS.length];
        boolean good = random.nextInt(100) < 80;
        String base = "/subscriptions/" + sub + "/resourceGroups/" + rg + "/providers/";
        return switch (k % 6) {
            case 0 -> String.format(Locale.ROOT, "{\"id\":\"%sMicrosoft.Storage/storageAccounts/st%07d\",\"name\":\"st%07d\","
                    + "\"type\":\"Microsoft.Storage/storageAccounts\",\"location\":\"%s\",\"kind\":\"StorageV2\","
                    + "\"sku\":{\"name\":\"Standard_GRS\",\"tier\":\"Standard\"},\"tags\":{\"env\":\"prod\"},\"properties\":{"
                    + "\"supportsHttpsTrafficOnly\":%b,\"minimumTlsVersion\":\"%s\",\"allowBlobPublicAccess\":%b,"
                    + "\"publicNetworkAccess\":\"%s\",\"allowSharedKeyAccess\":%b,\"networkAcls\":{\"defaultAction\":\"%s\",\"bypass\":\"AzureServices\"},"
                    + "\"encryption\":{\"keySource\":\"Microsoft.Storage\",\"services\":{\"blob\":{\"enabled\":true}}}}}",
                    base, k, k, region, good, good ? "TLS1_2" : "TLS1_0", !good, good ? "Disabled" : "Enabled", !good,
                    good ? "Deny" : "Allow");
            case 1 -> String.format(Locale.ROOT, "{\"id\":\"%sMicrosoft.Network/networkSecurityGroups/nsg-%07d\",\"name\":\"nsg-%07d\","
                    + "\"type\":\"Microsoft.Network/networkSecurityGroups\",\"location\":\"%s\",\"properties\":{\"securityRules\":["
                    + "{\"name\":\"allow-https\",\"properties\":{\"protocol\":\"Tcp\",\"sourcePortRange\":\"*\",\"destinationPortRange\":\"443\","
                    + "\"sourceAddressPrefix\":\"*\",\"destinationAddressPrefix\":\"*\",\"access\":\"Allow\",\"priority\":100,\"direction\":\"Inbound\"}},"
                    + "{\"name\":\"ssh\",\"properties\":{\"protocol\":\"Tcp\",\"sourcePortRange\":\"*\",\"destinationPortRange\":\"%s\","
                    + "\"sourceAddressPrefix\":\"%s\",\"destinationAddressPrefix\":\"*\",\"access\":\"Allow\",\"priority\":110,\"direction\":\"Inbound\"}}]}}",
                    base, k, k, region, good ? "22" : "20-30", good ? "10.0.0.0/8" : "Internet");
            case 2 -> String.format(Locale.ROOT, "{\"id\":\"%sMicrosoft.KeyVault/vaults/kv-%07d\",\"name\":\"kv-%07d\","
                    + "\"type\":\"Microsoft.KeyVault/vaults\",\"location\":\"%s\",\"properties\":{\"tenantId\":\"11111111-1111-1111-1111-111111111111\","
                    + "\"sku\":{\"family\":\"A\",\"name\":\"standard\"},\"enableSoftDelete\":true,\"softDeleteRetentionInDays\":90,"
                    + "\"enablePurgeProtection\":%b,\"enableRbacAuthorization\":%b,\"publicNetworkAccess\":\"%s\"}}",
                    base, k, k, region, good, good, good ? "Disabled" : "Enabled");
            case 3 -> String.format(Locale.ROOT, "{\"id\":\"%sMicrosoft.Sql/servers/sql-%07d\",\"name\":\"sql-%07d\","
                    + "\"type\":\"Microsoft.Sql/servers\",\"location\":\"%s\",\"properties\":{\"administratorLogin\":\"sqladmin\","
                    + "\"version\":\"12.0\",\"state\":\"Ready\",\"minimalTlsVersion\":\"%s\",\"publicNetworkAccess\":\"%s\"}}",
                    base, k, k, region, good ? "1.2" : "1.0", good ? "Disabled" : "Enabled");
            case 4 -> String.format(Locale.ROOT, "{\"id\":\"%sMicrosoft.Web/sites/app-%07d\",\"name\":\"app-%07d\","
                    + "\"type\":\"Microsoft.Web/sites\",\"location\":\"%s\",\"kind\":\"app,linux\",\"properties\":{\"httpsOnly\":%b,"
                    + "\"siteConfig\":{\"minTlsVersion\":\"%s\",\"ftpsState\":\"%s\",\"http20Enabled\":true,\"remoteDebuggingEnabled\":false}}}",
                    base, k, k, region, good, good ? "1.2" : "1.0", good ? "Disabled" : "AllAllowed");
            default -> String.format(Locale.ROOT, "{\"id\":\"%sMicrosoft.Compute/disks/disk-%07d\",\"name\":\"disk-%07d\","
                    + "\"type\":\"Microsoft.Compute/disks\",\"location\":\"%s\",\"sku\":{\"name\":\"Premium_LRS\"},\"properties\":{"
                    + "\"diskSizeGB\":128,\"encryption\":{\"type\":\"%s\"},\"networkAccessPolicy\":\"%s\",\"publicNetworkAccess\":\"%s\"}}",
                    base, k, k, region, good ? "EncryptionAtRestWithCustomerKey" : "EncryptionAtRestWithPlatformKey",
                    good ? "DenyAll" : "AllowAll", good ? "Disabled" : "Enabled");
        };
    }

    /** Writes {@code count} azurerm resources as Terraform, 100 per file, with variables and locals. */
    public void writeTerraform(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("variables.tf"), """
                variable "location" {
                  type    = string
                  default = "westeurope"
                }
                variable "tls" {
                  type    = string
                  default = "TLS1_2"
                }
                locals {
                  tags = { env = "prod", owner = "platform" }
                }
                resource "azurerm_resource_group" "main" {
                  name     = "rg-bench"
                  location = var.location
                }
                """);
        for (int file = 0; file * 100 < count; file++) {
            StringBuilder sb = new StringBuilder();
            int n = Math.min(100, count - file * 100);
            for (int i = 0; i < n; i++) {
                sb.append(tfResource(file * 100 + i));
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "res-%04d.tf", file)), sb.toString());
        }
    }

    private String tfResource(int k) {
        boolean good = random.nextInt(100) < 80;
        return switch (k % 3) {
            case 0 -> String.format(Locale.ROOT, """
                    resource "azurerm_storage_account" "s%d" {
                      name                     = "st%07d"
                      resource_group_name      = azurerm_resource_group.main.name
                      location                 = var.location
                      account_tier             = "Standard"
                      account_replication_type = "GRS"
                      min_tls_version          = %s
                      https_traffic_only_enabled = %b
                      public_network_access_enabled = %b
                      tags                     = local.tags
                      blob_properties {
                        delete_retention_policy {
                          days = %d
                        }
                      }
                    }
                    """, k, k, good ? "var.tls" : "\"TLS1_0\"", good, !good, good ? 14 : 1);
            case 1 -> String.format(Locale.ROOT, """
                    resource "azurerm_network_security_group" "n%d" {
                      name                = "nsg-%07d"
                      location            = var.location
                      resource_group_name = azurerm_resource_group.main.name
                      security_rule {
                        name                       = "ssh"
                        priority                   = 100
                        direction                  = "Inbound"
                        access                     = "Allow"
                        protocol                   = "Tcp"
                        source_port_range          = "*"
                        destination_port_range     = "22"
                        source_address_prefix      = "%s"
                        destination_address_prefix = "*"
                      }
                    }
                    """, k, k, good ? "10.0.0.0/8" : "*");
            default -> String.format(Locale.ROOT, """
                    resource "azurerm_key_vault" "k%d" {
                      name                       = "kv-%07d"
                      location                   = var.location
                      resource_group_name        = azurerm_resource_group.main.name
                      tenant_id                  = "11111111-1111-1111-1111-111111111111"
                      sku_name                   = "standard"
                      purge_protection_enabled   = %b
                      soft_delete_retention_days = 90
                      enable_rbac_authorization  = %b
                    }
                    """, k, k, good, good);
        };
    }
}
