package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Remediation;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One constructed scan covering every outcome, severity and section; the golden files render it. */
final class SampleScan {
    static final String SUB = "/subscriptions/6f1c2a9e-0b7d-4c55-9a3e-2d8b1f0c7e41";
    static final String LEGACY = SUB + "/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/legacyexports";

    private SampleScan() {
    }

    static ReportInput input() {
        return new ReportInput(scan(), criteria());
    }

    static Map<String, List<String>> criteria() {
        return Map.of(
                "AZ-STG-003", List.of("CC6.1", "CC6.7", "C1.1"),
                "AZ-SQL-002", List.of("CC6.6"),
                "AZ-RSV-001", List.of("A1.2", "CC7.5"),
                "LNX-SSH-004", List.of("CC6.1"),
                "AZ-KV-001", List.of("C1.1"));
    }

    static List<CheckInfo> checks() {
        return List.of(
                new CheckInfo("AZ-STG-003", "Storage accounts reject TLS below 1.2", Severity.MEDIUM, "azure.storage.account",
                        "Old TLS versions have known weaknesses.",
                        new Remediation("Set the minimum TLS version to 1.2 on the storage account.",
                                "az storage account update -n <name> -g <group> --min-tls-version TLS1_2",
                                "min_tls_version = \"TLS1_2\""),
                        Map.of("checkov", "CKV_AZURE_44", "prowler", "storage_ensure_minimum_tls_version_12"),
                        List.of("encryption", "network"), "checks/azure/storage/min_tls/check.yaml"),
                new CheckInfo("AZ-SQL-002", "SQL servers deny access from any Internet address", Severity.CRITICAL,
                        "azure.sql.server", "A 0.0.0.0-255.255.255.255 firewall rule exposes the server to the Internet.",
                        new Remediation("Delete firewall rules that allow every address & restrict access to known <ranges>.",
                                "az sql server firewall-rule delete -g <group> -s <server> -n <rule>", ""),
                        Map.of(), List.of("network"), "checks/azure/sql/no_any_ip/check.yaml"),
                new CheckInfo("AZ-RSV-001", "Recovery Services vaults have soft delete enabled", Severity.HIGH,
                        "azure.recoveryservices.vault", "", Remediation.none(), Map.of(), List.of("backup"), ""),
                new CheckInfo("LNX-SSH-004", "SSH does not permit root login", Severity.HIGH, "linux.sshd", "",
                        new Remediation("Set PermitRootLogin no in /etc/ssh/sshd_config and reload sshd.", "", ""),
                        Map.of("lynis", "SSH-7412"), List.of("access"), ""),
                new CheckInfo("AZ-KV-001", "Key vaults have purge protection enabled", Severity.LOW, "azure.keyvault.vault",
                        "", Remediation.none(), Map.of(), List.of(), ""));
    }

    static List<Finding> findings() {
        Origin tf = new Origin("terraform", "infra/storage.tf", 14);
        return List.of(
                finding("AZ-STG-003", Severity.MEDIUM, "azure.storage.account", LEGACY, "legacyexports", Outcome.EXCEPTED,
                        "Storage account legacyexports allows TLS1_0", Origin.of("azure-export", "exports/storage.json"),
                        "EXC-2026-004"),
                finding("AZ-STG-003", Severity.MEDIUM, "azure.storage.account", "infra/azurerm_storage_account.logs",
                        "logs", Outcome.FAIL, "Storage account stlogsprod01 allows TLS1_1", tf, ""),
                finding("AZ-STG-003", Severity.MEDIUM, "azure.storage.account", "infra/azurerm_storage_account.data",
                        "data", Outcome.PASS, "", new Origin("terraform", "infra/storage.tf", 40), ""),
                finding("AZ-STG-003", Severity.MEDIUM, "azure.storage.account", "infra/azurerm_storage_account.tmp",
                        "tmp", Outcome.UNKNOWN, "depends on var.min_tls, which has no default",
                        new Origin("terraform", "infra/storage.tf", 61), ""),
                finding("AZ-SQL-002", Severity.CRITICAL, "azure.sql.server", "infra/azurerm_mssql_server.main", "main",
                        Outcome.FAIL, "Firewall rule allow_all on sql server main allows 0.0.0.0 - 255.255.255.255",
                        new Origin("terraform", "infra/sql.tf", 3), ""),
                finding("AZ-RSV-001", Severity.HIGH, "azure.recoveryservices.vault",
                        SUB + "/resourceGroups/rg-bcdr/providers/Microsoft.RecoveryServices/vaults/rsv-prod", "rsv-prod",
                        Outcome.FAIL, "Soft delete is Disabled on vault rsv-prod", Origin.of("azure-export", "exports/vaults.json"), ""),
                finding("LNX-SSH-004", Severity.HIGH, "linux.sshd", "host:web-01/sshd", "sshd", Outcome.ERROR,
                        "could not read /etc/ssh/sshd_config: permission denied", Origin.of("host", "/etc/ssh/sshd_config"), ""),
                finding("AZ-KV-001", Severity.LOW, "azure.keyvault.vault", SUB + "/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-app",
                        "kv-app", Outcome.PASS, "", Origin.of("azure-export", "exports/keyvaults.json"), ""),
                finding("AZ-KV-001", Severity.LOW, "azure.keyvault.vault", SUB + "/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-old",
                        "kv-old", Outcome.NOT_APPLICABLE, "", Origin.of("azure-export", "exports/keyvaults.json"), ""));
    }

    static Finding finding(String check, Severity sev, String type, String id, String name, Outcome o, String msg,
            Origin origin, String exc) {
        String provider = type.startsWith("linux.") ? "linux" : "azure";
        return new Finding(check, sev, type, id, name, provider, o, msg, origin, exc);
    }

    static ScanResult scan() {
        return new ScanResult(Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-02T09:16:42.500Z"),
                List.of("terraform:infra/", "azure-export:exports/", "host:/"), 27, findings(),
                List.of(new CollectionError(new Origin("terraform", "infra/network.tf", 88), "unexpected '}' after attribute 'name'")),
                List.of(new ExceptionNotice("EXC-2025-019", ExceptionNotice.Kind.EXPIRED,
                                "expired on 2026-01-31; AZ-SQL-002 findings on sql-legacy count again"),
                        new ExceptionNotice("EXC-2026-001", ExceptionNotice.Kind.UNUSED, "matched no finding (check AZ-NSG-001, resource */nsg-old)")),
                checks());
    }
}
