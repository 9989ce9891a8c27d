resource "azurerm_service_plan" "main" {
  name                   = "asp-${local.prefix}-linux"
  resource_group_name    = azurerm_resource_group.prod.name
  location               = azurerm_resource_group.prod.location
  os_type                = "Linux"
  sku_name               = "P1v3"
  zone_balancing_enabled = true
  worker_count           = 3
  tags                   = local.common_tags
}

resource "azurerm_user_assigned_identity" "api" {
  name                = "id-${local.prefix}-api"
  location            = azurerm_resource_group.prod.location
  resource_group_name = azurerm_resource_group.prod.name
  tags                = local.common_tags
}

# Public REST API (api.acme.example) behind Front Door.
resource "azurerm_linux_web_app" "api" {
  name                          = "app-${local.prefix}-api"
  resource_group_name           = azurerm_resource_group.prod.name
  location                      = azurerm_resource_group.prod.location
  service_plan_id               = azurerm_service_plan.main.id
  https_only                    = true
  client_certificate_enabled    = false
  public_network_access_enabled = true
  virtual_network_subnet_id     = azurerm_subnet.app.id

  site_config {
    always_on                         = true
    http2_enabled                     = true
    minimum_tls_version               = "1.2"
    scm_minimum_tls_version           = "1.2"
    ftps_state                        = "Disabled"
    health_check_path                 = "/healthz"
    health_check_eviction_time_in_min = 5
    vnet_route_all_enabled            = true

    application_stack {
      docker_image_name   = "acme/api:2.14.3"
      docker_registry_url = "https://acmeprodacr.azurecr.io"
    }
  }

  app_settings = {
    ASPNETCORE_ENVIRONMENT = "Production"
    KEY_VAULT_URI          = "https://kv-${local.prefix}-app.vault.azure.net/"
    AZURE_CLIENT_ID        = azurerm_user_assigned_identity.api.client_id
    FEATURE_FLAGS = jsonencode({
      scheduledReports = true
      sqlLab           = false
      maxExportRows    = 500000
    })
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.api.id]
  }

  logs {
    detailed_error_messages = false
    failed_request_tracing  = true

    http_logs {
      file_system {
        retention_in_days = 7
        retention_in_mb   = 100
      }
    }
  }

  tags = local.common_tags
}

# status.acme.example - the public status page, built by a hackathon team in 2024.
# DELIBERATE: plain HTTP allowed (https_only = false), TLS 1.0 accepted and FTP deploys enabled.
# Vouch reports all three.
resource "azurerm_linux_web_app" "status" {
  name                = "app-${local.prefix}-status"
  resource_group_name = azurerm_resource_group.prod.name
  location            = azurerm_resource_group.prod.location
  service_plan_id     = azurerm_service_plan.main.id
  https_only          = false

  site_config {
    minimum_tls_version = "1.0"
    ftps_state          = "AllAllowed"

    application_stack {
      node_version = "20-lts"
    }
  }

  app_settings = {
    STATUSPAGE_REFRESH_SECONDS = "60"
  }

  tags = local.common_tags
}
