# Application secrets (database connection strings, API signing keys). Hardened.
resource "azurerm_key_vault" "app" {
  name                          = "kv-${local.prefix}-app"
  location                      = azurerm_resource_group.prod.location
  resource_group_name           = azurerm_resource_group.prod.name
  tenant_id                     = var.tenant_id
  sku_name                      = "premium"
  enable_rbac_authorization     = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = false

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    virtual_network_subnet_ids = [azurerm_subnet.app.id]
  }

  tags = local.data_tags
}

resource "azurerm_key_vault_key" "data_cmk" {
  name            = "cmk-data"
  key_vault_id    = azurerm_key_vault.app.id
  key_type        = "RSA-HSM"
  key_size        = 3072
  key_opts        = ["wrapKey", "unwrapKey"]
  expiration_date = "2027-06-30T00:00:00Z"

  rotation_policy {
    expire_after         = "P1Y"
    notify_before_expiry = "P30D"

    automatic {
      time_before_expiry = "P30D"
    }
  }
}

# Ops vault, created by hand in 2023 and imported into Terraform later.
# DELIBERATE: no purge protection and legacy access policies instead of RBAC; a deleted vault
# (and the secrets in it) could be purged immediately. Vouch reports it.
resource "azurerm_key_vault" "ops" {
  name                       = "kv-${local.prefix}-ops"
  location                   = azurerm_resource_group.prod.location
  resource_group_name        = azurerm_resource_group.prod.name
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = false
  soft_delete_retention_days = 7

  access_policy {
    tenant_id          = var.tenant_id
    object_id          = var.ci_principal_object_id
    secret_permissions = ["Get", "List", "Set", "Delete"]
  }

  tags = local.common_tags
}

# DELIBERATE: this secret never expires. Vouch reports it.
resource "azurerm_key_vault_secret" "pagerduty_key" {
  name         = "pagerduty-routing-key"
  value        = var.oncall_webhook_url
  key_vault_id = azurerm_key_vault.ops.id
  content_type = "text/plain"
}

# AuditEvent logs of the app vault go to the central workspace. (The ops vault has none.)
resource "azurerm_monitor_diagnostic_setting" "kv_app" {
  name                       = "diag-kv-app-to-law"
  target_resource_id         = azurerm_key_vault.app.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id

  enabled_log {
    category = "AuditEvent"
  }

  enabled_log {
    category_group = "allLogs"
  }

  metric {
    category = "AllMetrics"
  }
}
