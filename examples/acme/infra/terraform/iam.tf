# Least-privilege role for the GitHub Actions deployment identity: deploy app code and images,
# read everything else. Infrastructure changes go through the platform-infra pipeline instead.
resource "azurerm_role_definition" "deployer" {
  name        = "Acme App Deployer"
  scope       = data.azurerm_subscription.current.id
  description = "Deploys web apps and AKS workloads; no write access to networking, IAM or data stores."

  permissions {
    actions = [
      "Microsoft.Resources/subscriptions/resourceGroups/read",
      "Microsoft.Web/sites/read",
      "Microsoft.Web/sites/write",
      "Microsoft.Web/sites/restart/action",
      "Microsoft.Web/sites/slots/*",
      "Microsoft.ContainerService/managedClusters/read",
      "Microsoft.ContainerService/managedClusters/listClusterUserCredential/action",
      "Microsoft.ContainerRegistry/registries/push/write",
    ]
    not_actions = []
  }

  assignable_scopes = [data.azurerm_subscription.current.id]
}

resource "azurerm_role_assignment" "ci_deployer" {
  scope              = azurerm_resource_group.prod.id
  role_definition_id = azurerm_role_definition.deployer.role_definition_resource_id
  principal_id       = var.ci_principal_object_id
  principal_type     = "ServicePrincipal"
  description        = "GitHub Actions (acme/acme-api, environment: production)"
}

resource "azurerm_role_assignment" "api_kv_secrets" {
  scope                = azurerm_key_vault.app.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.api.principal_id
}
