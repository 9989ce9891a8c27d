# Tenant metadata and billing database. Entra-only authentication, TLS 1.2.
resource "azurerm_mssql_server" "main" {
  name                          = "sql-${local.prefix}-eus2"
  resource_group_name           = azurerm_resource_group.data.name
  location                      = azurerm_resource_group.data.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = true

  azuread_administrator {
    login_username              = "sg-acme-sql-admins"
    object_id                   = var.sql_admin_group_object_id
    tenant_id                   = var.tenant_id
    azuread_authentication_only = true
  }

  identity {
    type = "SystemAssigned"
  }

  tags = local.data_tags
}

resource "azurerm_mssql_database" "app" {
  name                 = "sqldb-acme-app"
  server_id            = azurerm_mssql_server.main.id
  sku_name             = "GP_Gen5_4"
  max_size_gb          = 256
  zone_redundant       = true
  storage_account_type = "Geo"

  short_term_retention_policy {
    retention_days = 14
  }

  long_term_retention_policy {
    weekly_retention  = "P8W"
    monthly_retention = "P12M"
  }

  tags = local.data_tags
}

resource "azurerm_mssql_firewall_rule" "office" {
  count            = length(var.office_egress_ranges)
  name             = var.office_egress_ranges[count.index].name
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = var.office_egress_ranges[count.index].start
  end_ip_address   = var.office_egress_ranges[count.index].end
}

# DELIBERATE: the whole IPv4 Internet may connect to the SQL server. Added by a data engineer to
# let a BI vendor's notebook connect; the vendor has since moved to the private endpoint.
# Vouch reports it (SQL firewall allows 0.0.0.0-255.255.255.255).
resource "azurerm_mssql_firewall_rule" "allow_all" {
  name             = "AllowAll"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_mssql_server_extended_auditing_policy" "main" {
  server_id              = azurerm_mssql_server.main.id
  log_monitoring_enabled = true
  retention_in_days      = 120
}

resource "azurerm_mssql_server_security_alert_policy" "main" {
  resource_group_name  = azurerm_resource_group.data.name
  server_name          = azurerm_mssql_server.main.name
  state                = "Enabled"
  email_account_admins = true
  email_addresses      = [var.security_contact_email]
  retention_days       = 30
}
