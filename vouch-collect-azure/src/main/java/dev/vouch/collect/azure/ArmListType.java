package dev.vouch.collect.azure;

import java.util.List;

/**
 * One subscription-level ARM list call: the Vouch type it yields, the ARM type, the path after
 * {@code /subscriptions/<id>}, the REST api-version (from Azure/azure-rest-api-specs), any extra
 * query, and whether it is the read-only POST of Policy Insights. One paged call per type per
 * subscription; per-parent calls are {@link ChildType}s.
 */
record ArmListType(String vouchType, String armType, String path, String apiVersion, String extraQuery, boolean post) {

    ArmListType(String vouchType, String armType, String path, String apiVersion, String extraQuery) {
        this(vouchType, armType, path, apiVersion, extraQuery, false);
    }

    /** The read action a denied list call lacks, e.g. {@code Microsoft.Storage/storageAccounts/read}. */
    String permission() {
        return armType + "/read";
    }

    String url(String base, String subscriptionId) {
        return base + "/subscriptions/" + subscriptionId + path + "?api-version=" + apiVersion + extraQuery;
    }

    private static ArmListType of(String vouchType, String armType, String apiVersion) {
        return new ArmListType(vouchType, armType, "/providers/" + armType, apiVersion, "");
    }

    static final List<ArmListType> ALL = List.of(
            new ArmListType("azure.resources.resource_group", "Microsoft.Resources/resourceGroups", "/resourcegroups", "2021-04-01", ""),
            of("azure.storage.account", "Microsoft.Storage/storageAccounts", "2023-05-01"),
            of("azure.network.nsg", "Microsoft.Network/networkSecurityGroups", "2024-05-01"),
            of("azure.network.watcher", "Microsoft.Network/networkWatchers", "2024-05-01"),
            of("azure.network.public_ip", "Microsoft.Network/publicIPAddresses", "2024-05-01"),
            of("azure.keyvault.vault", "Microsoft.KeyVault/vaults", "2023-07-01"),
            of("azure.sql.server", "Microsoft.Sql/servers", "2021-11-01"),
            of("azure.web.site", "Microsoft.Web/sites", "2023-12-01"),
            of("azure.compute.vm", "Microsoft.Compute/virtualMachines", "2024-07-01"),
            // Disks belong to the Disk RP, whose api-versions differ from the Compute RP's.
            of("azure.compute.disk", "Microsoft.Compute/disks", "2024-03-02"),
            of("azure.containerservice.cluster", "Microsoft.ContainerService/managedClusters", "2024-09-01"),
            of("azure.monitor.activity_log_alert", "Microsoft.Insights/activityLogAlerts", "2020-10-01"),
            of("azure.monitor.diagnostic_setting", "Microsoft.Insights/diagnosticSettings", "2021-05-01-preview"),
            of("azure.security.pricing", "Microsoft.Security/pricings", "2024-01-01"),
            of("azure.security.contact", "Microsoft.Security/securityContacts", "2023-12-01-preview"),
            of("azure.security.auto_provisioning", "Microsoft.Security/autoProvisioningSettings", "2017-08-01-preview"),
            of("azure.authorization.role_assignment", "Microsoft.Authorization/roleAssignments", "2022-04-01"),
            // Custom roles only, as `az role definition list --custom-role-only` exports them.
            new ArmListType("azure.authorization.role_definition", "Microsoft.Authorization/roleDefinitions",
                    "/providers/Microsoft.Authorization/roleDefinitions", "2022-04-01", "&$filter=type%20eq%20'CustomRole'"),
            of("azure.authorization.lock", "Microsoft.Authorization/locks", "2020-05-01"),
            of("azure.loganalytics.workspace", "Microsoft.OperationalInsights/workspaces", "2023-09-01"),
            of("azure.recoveryservices.vault", "Microsoft.RecoveryServices/vaults", "2024-04-01"),
            of("azure.postgresql.flexible_server", "Microsoft.DBforPostgreSQL/flexibleServers", "2024-08-01"),
            of("azure.authorization.classic_administrator", "Microsoft.Authorization/classicAdministrators", "2015-07-01"),
            // POST …/summarize is a read (action …/policyStates/summarize/read, in Reader). The summary has no
            // ARM type of its own in azure-types.yaml, so it normalizes to azure.unmapped (armType …/summary).
            new ArmListType("azure.unmapped", "Microsoft.PolicyInsights/policyStates/summarize",
                    "/providers/Microsoft.PolicyInsights/policyStates/latest/summarize", "2019-10-01", "", true));
}
