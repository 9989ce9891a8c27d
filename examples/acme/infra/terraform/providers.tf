# Acme Analytics, Inc. - production platform (Azure, East US 2).
# Owned by the Platform team (#platform on Slack). State lives in the shared tfstate account;
# CI (GitHub Actions, OIDC) runs plan on pull requests and apply on merge to main.

terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
  }

  backend "azurerm" {
    resource_group_name  = "rg-acme-tfstate"
    storage_account_name = "stacmetfstate01"
    container_name       = "tfstate"
    key                  = "prod/platform.tfstate"
    use_oidc             = true
  }
}

provider "azurerm" {
  subscription_id = var.subscription_id
  tenant_id       = var.tenant_id
  use_oidc        = true

  features {
    key_vault {
      purge_soft_delete_on_destroy    = false
      recover_soft_deleted_key_vaults = true
    }

    resource_group {
      prevent_deletion_if_contains_resources = true
    }
  }
}

data "azurerm_subscription" "current" {}

data "azurerm_client_config" "current" {}
