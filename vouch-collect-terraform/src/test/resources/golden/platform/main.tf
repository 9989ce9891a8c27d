data "azurerm_subscription" "current" {}

variable "sql_admin_group_id" {
  type = string
}

resource "azurerm_key_vault" "main" {
  name                       = "kv-platform-prod"
  location                   = "westeurope"
  resource_group_name        = "rg-platform"
  tenant_id                  = "11111111-2222-3333-4444-555555555555"
  sku_name                   = "premium"
  purge_protection_enabled   = true
  soft_delete_retention_days = 30
  enable_rbac_authorization  = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

resource "azurerm_key_vault_key" "cmk" {
  name            = "cmk-sql"
  key_vault_id    = azurerm_key_vault.main.id
  key_type        = "RSA"
  key_size        = 3072
  key_opts        = ["unwrapKey", "wrapKey"]
  expiration_date = "2027-06-30T00:00:00Z"
}

resource "azurerm_mssql_server" "main" {
  name                          = "sql-platform-prod"
  resource_group_name           = "rg-platform"
  location                      = "westeurope"
  version                       = "12.0"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = var.sql_admin_group_id
    azuread_authentication_only = true
  }
}

resource "azurerm_mssql_database" "app" {
  name      = "sqldb-app"
  server_id = azurerm_mssql_server.main.id
  sku_name  = "S1"
}

resource "azurerm_mssql_server_extended_auditing_policy" "main" {
  server_id         = azurerm_mssql_server.main.id
  retention_in_days = 90
}

resource "azurerm_linux_web_app" "api" {
  name                = "app-api-prod"
  location            = "westeurope"
  resource_group_name = "rg-platform"
  service_plan_id     = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform/providers/Microsoft.Web/serverFarms/asp-prod"
  https_only          = true

  site_config {
    ftps_state          = "FtpsOnly"
    http2_enabled       = true
    minimum_tls_version = "1.2"
  }
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}

resource "azurerm_monitor_activity_log_alert" "nsg_write" {
  name                = "alert-nsg-write"
  resource_group_name = "rg-platform"
  location            = "global"
  scopes              = [data.azurerm_subscription.current.id]

  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Network/networkSecurityGroups/write"
  }
}
