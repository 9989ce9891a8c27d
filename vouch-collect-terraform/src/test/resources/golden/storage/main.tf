terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }
}

provider "azurerm" {
  features {}
}

data "azurerm_client_config" "current" {}

locals {
  name_prefix = "${local.org}${var.environment}"
  org         = "acme"
  common_tags = merge(var.extra_tags, {
    environment = var.environment
    managed_by  = "terraform"
  })
}

variable "extra_tags" {
  type    = map(string)
  default = { cost_center = "1234" }
}

resource "azurerm_resource_group" "main" {
  name     = "rg-${local.name_prefix}-data"
  location = var.location
  tags     = local.common_tags
}

# Hardened account: explicit settings, blob soft delete, network rules.
resource "azurerm_storage_account" "data" {
  name                            = "${local.name_prefix}data01"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  public_network_access_enabled   = false
  shared_access_key_enabled       = false

  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = var.retention_days
    }
    container_delete_retention_policy {
      days = 30
    }
  }

  network_rules {
    default_action             = "Deny"
    bypass                     = ["AzureServices"]
    ip_rules                   = var.allowed_ips
  }

  identity {
    type = "SystemAssigned"
  }

  tags = local.common_tags
}

/* Legacy account: relies on provider defaults, old attribute names,
   and a replication type that comes from a variable without a value. */
resource "azurerm_storage_account" "legacy" {
  name                      = "${local.name_prefix}legacy"
  resource_group_name       = azurerm_resource_group.main.name
  location                  = var.location
  account_tier              = "Standard"
  account_replication_type  = var.replication
  enable_https_traffic_only = false
  min_tls_version           = "TLS1_0"
}

resource "azurerm_monitor_diagnostic_setting" "data_blob" {
  name                       = "diag-blob"
  target_resource_id         = "${azurerm_storage_account.data.id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id

  enabled_log {
    category = "StorageRead"
  }
  enabled_log {
    category = "StorageWrite"
  }
  metric {
    category = "Transaction"
  }
}

resource "azurerm_log_analytics_workspace" "main" {
  name                = "log-${local.name_prefix}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  sku                 = "PerGB2018"
  retention_in_days   = 90
}

resource "azurerm_role_assignment" "reader" {
  scope                = data.azurerm_client_config.current.subscription_id
  role_definition_name = "Reader"
  principal_id         = data.azurerm_client_config.current.object_id
}
