package dev.vouch.collect.azure;

import dev.vouch.model.Resource;
import java.util.List;
import java.util.Locale;

/**
 * One per-parent ARM call: for each collected resource of {@code parentType}, {@code GET <parent id>/<suffix>}.
 * A {@link Kind#LIST} call yields a paged list of child resources, a {@link Kind#SINGLE} call one child
 * resource, and a {@link Kind#MERGE} call an object whose {@code properties} are merged into the parent's
 * REST object under {@code mergeInto} (web-app {@code config/web} into {@code properties.siteConfig}).
 *
 * @param parentNoun how messages name the parent ("storage account")
 * @param vouchType the type of the children, and of the placeholder a failed call leaves
 * @param permission the read action the call needs (all part of Reader)
 */
record ChildType(String parentType, String parentNoun, String suffix, String apiVersion, Kind kind,
                 String vouchType, String permission, String mergeInto) {

    enum Kind { LIST, SINGLE, MERGE }

    static final String DIAGNOSTICS = "providers/Microsoft.Insights/diagnosticSettings";

    String url(String base, String parentId) {
        return base + parentId + "/" + suffix + "?api-version=" + apiVersion;
    }

    /** Whether this call is made for that parent: never for placeholders; no TDE call for {@code master}. */
    boolean appliesTo(Resource parent) {
        if (!parent.type().equals(parentType) || Boolean.TRUE.equals(parent.attributes().get("placeholder"))) {
            return false;
        }
        // master's TDE cannot be changed and is not reported by CIS or Prowler: one call per server saved.
        return !(suffix.startsWith("transparentDataEncryption") && parent.name().toLowerCase(Locale.ROOT).equals("master"));
    }

    private static ChildType list(String parent, String noun, String suffix, String api, String vouchType, String permission) {
        return new ChildType(parent, noun, suffix, api, Kind.LIST, vouchType, permission, "");
    }

    static final ChildType BLOB_SERVICES = list("azure.storage.account", "storage account", "blobServices", "2023-05-01",
            "azure.storage.blob_service", "Microsoft.Storage/storageAccounts/blobServices/read");
    static final ChildType STORAGE_DIAGNOSTICS = list("azure.storage.account", "storage account", DIAGNOSTICS,
            "2021-05-01-preview", "azure.monitor.diagnostic_setting", "Microsoft.Insights/diagnosticSettings/read");

    /** Every child call made by default, in the order they are issued per parent. */
    static final List<ChildType> DEFAULT = List.of(
            BLOB_SERVICES,
            list("azure.sql.server", "SQL server", "firewallRules", "2021-11-01",
                    "azure.sql.firewall_rule", "Microsoft.Sql/servers/firewallRules/read"),
            list("azure.sql.server", "SQL server", "auditingSettings", "2021-11-01",
                    "azure.sql.auditing", "Microsoft.Sql/servers/auditingSettings/read"),
            list("azure.sql.server", "SQL server", "databases", "2021-11-01",
                    "azure.sql.database", "Microsoft.Sql/servers/databases/read"),
            new ChildType("azure.sql.database", "SQL database", "transparentDataEncryption/current", "2021-11-01",
                    Kind.SINGLE, "azure.sql.tde", "Microsoft.Sql/servers/databases/transparentDataEncryption/read", ""),
            new ChildType("azure.web.site", "web app", "config/web", "2023-12-01", Kind.MERGE,
                    "azure.web.site", "Microsoft.Web/sites/config/read", "siteConfig"),
            list("azure.keyvault.vault", "key vault", DIAGNOSTICS, "2021-05-01-preview",
                    "azure.monitor.diagnostic_setting", "Microsoft.Insights/diagnosticSettings/read"),
            // No azure-types.yaml entry yet: backup policies normalize to azure.unmapped (armType kept).
            list("azure.recoveryservices.vault", "Recovery Services vault", "backupPolicies", "2024-04-01",
                    "azure.unmapped", "Microsoft.RecoveryServices/vaults/backupPolicies/read"));

    /** The default calls, plus per-storage-account diagnostic settings when asked for. */
    static List<ChildType> enabled(boolean storageDiagnostics) {
        if (!storageDiagnostics) {
            return DEFAULT;
        }
        List<ChildType> all = new java.util.ArrayList<>(DEFAULT);
        all.add(1, STORAGE_DIAGNOSTICS);
        return List.copyOf(all);
    }
}
