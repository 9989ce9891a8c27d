# Customer data lake: uploaded CSVs, query results and nightly extracts. Hardened.
resource "azurerm_storage_account" "data" {
  name                     = "stacmeproddata01"
  resource_group_name      = azurerm_resource_group.data.name
  location                 = azurerm_resource_group.data.location
  account_kind             = "StorageV2"
  account_tier             = "Standard"
  account_replication_type = "GZRS"
  access_tier              = "Hot"

  https_traffic_only_enabled        = true
  min_tls_version                   = "TLS1_2"
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  public_network_access_enabled     = false
  cross_tenant_replication_enabled  = false
  infrastructure_encryption_enabled = true

  network_rules {
    default_action             = "Deny"
    bypass                     = ["AzureServices"]
    virtual_network_subnet_ids = [azurerm_subnet.app.id]
  }

  blob_properties {
    versioning_enabled  = true
    change_feed_enabled = true

    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }

  identity {
    type = "SystemAssigned"
  }

  tags = local.data_tags
}

resource "azurerm_storage_container" "uploads" {
  name                  = "customer-uploads"
  storage_account_id    = azurerm_storage_account.data.id
  container_access_type = "private"
}

# Legacy export drop for the partner SFTP bridge (Globex, Initech). Scheduled for retirement in Q1 2027.
# DELIBERATE: TLS 1.0 is still accepted (the partner's bridge cannot negotiate TLS 1.2) and anonymous
# blob access is allowed at the account level. No soft delete either. Vouch reports all three; the
# TLS finding is covered by exception EXC-2026-004 in exceptions.yaml.
resource "azurerm_storage_account" "legacy" {
  name                     = "stacmelegacyexp"
  resource_group_name      = azurerm_resource_group.data.name
  location                 = azurerm_resource_group.data.location
  account_tier             = "Standard"
  account_replication_type = "LRS"

  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = true

  tags = merge(local.data_tags, {
    retirement = "2027-03-31"
    owner      = "dana@acme.example"
  })
}

resource "azurerm_storage_container" "partner_exports" {
  name                  = "partner-exports"
  storage_account_id    = azurerm_storage_account.legacy.id
  container_access_type = "blob"
}
