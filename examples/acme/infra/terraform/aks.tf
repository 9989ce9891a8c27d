# Query workers and the scheduler run on AKS.
resource "azurerm_kubernetes_cluster" "main" {
  name                      = "aks-${local.prefix}-eus2"
  location                  = azurerm_resource_group.prod.location
  resource_group_name       = azurerm_resource_group.prod.name
  dns_prefix                = "acme-prod"
  kubernetes_version        = var.aks_kubernetes_version
  sku_tier                  = "Standard"
  automatic_upgrade_channel = "patch"
  node_os_upgrade_channel   = "NodeImage"
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  azure_policy_enabled      = true

  role_based_access_control_enabled = true
  # DELIBERATE: the static cluster-admin kubeconfig is still enabled, bypassing Entra ID and
  # Kubernetes RBAC audit trails. (The API server is also public with no authorized IP ranges.)
  local_account_disabled = false

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled     = true
    tenant_id              = var.tenant_id
    admin_group_object_ids = [var.aks_admin_group_object_id]
  }

  default_node_pool {
    name                         = "system"
    vm_size                      = "Standard_D4s_v5"
    node_count                   = 3
    zones                        = ["1", "2", "3"]
    vnet_subnet_id               = azurerm_subnet.aks.id
    only_critical_addons_enabled = true
    host_encryption_enabled      = true
    os_disk_type                 = "Ephemeral"
    os_disk_size_gb              = 100

    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "cilium"
    network_data_plane  = "cilium"
    load_balancer_sku   = "standard"
  }

  oms_agent {
    log_analytics_workspace_id      = azurerm_log_analytics_workspace.main.id
    msi_auth_for_monitoring_enabled = true
  }

  key_vault_secrets_provider {
    secret_rotation_enabled = true
  }

  tags = local.common_tags
}

resource "azurerm_kubernetes_cluster_node_pool" "workers" {
  name                    = "workers"
  kubernetes_cluster_id   = azurerm_kubernetes_cluster.main.id
  vm_size                 = "Standard_E8s_v5"
  auto_scaling_enabled    = true
  min_count               = 3
  max_count               = 12
  zones                   = ["1", "2", "3"]
  vnet_subnet_id          = azurerm_subnet.aks.id
  host_encryption_enabled = true

  node_labels = {
    "acme.example/pool" = "query-workers"
  }

  tags = local.common_tags
}
