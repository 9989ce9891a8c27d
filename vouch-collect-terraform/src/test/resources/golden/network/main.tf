locals {
  location = "eastus2"
  subnets = {
    web = { prefix = "10.0.1.0/24", ports = ["443", "80"] }
    app = { prefix = "10.0.2.0/24", ports = ["8443"] }
  }
  admin_rules = [
    { name = "ssh", port = 22, priority = 100 },
    { name = "rdp", port = 3389, priority = 110 },
  ]
}

resource "azurerm_resource_group" "net" {
  name     = "rg-network"
  location = local.location
}

resource "azurerm_network_security_group" "web" {
  name                = "nsg-web"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

  security_rule {
    name                       = "allow-https"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = 443
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_group" "admin" {
  name                = "nsg-admin"
  location            = azurerm_resource_group.net.location
  resource_group_name = azurerm_resource_group.net.name

  dynamic "security_rule" {
    for_each = local.admin_rules
    iterator = rule
    content {
      name                       = "allow-${rule.value.name}"
      priority                   = rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = tostring(rule.value.port)
      source_address_prefixes    = ["0.0.0.0/0"]
      destination_address_prefix = "*"
    }
  }
}

resource "azurerm_network_security_group" "per_subnet" {
  for_each            = local.subnets
  name                = "nsg-snet-${each.key}"
  location            = local.location
  resource_group_name = azurerm_resource_group.net.name
}

resource "azurerm_network_security_rule" "subnet_in" {
  for_each                    = local.subnets
  name                        = "allow-${each.key}-in"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = each.value.ports
  source_address_prefix       = "VirtualNetwork"
  destination_address_prefix  = each.value.prefix
  resource_group_name         = azurerm_resource_group.net.name
  network_security_group_name = azurerm_network_security_group.per_subnet[each.key].name
}

resource "azurerm_public_ip" "lb" {
  count               = 2
  name                = format("pip-lb-%02d", count.index + 1)
  location            = local.location
  resource_group_name = azurerm_resource_group.net.name
  allocation_method   = "Static"
}

resource "azurerm_network_watcher_flow_log" "web" {
  name                 = "fl-web"
  network_watcher_name = "NetworkWatcher_eastus2"
  resource_group_name  = "NetworkWatcherRG"
  network_security_group_id = azurerm_network_security_group.web.id
  storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.Storage/storageAccounts/stlogs"
  enabled              = true

  retention_policy {
    enabled = true
    days    = 90
  }
}

resource "aws_s3_bucket" "mirror" {
  bucket = "acme-mirror"
}

resource "azurerm_virtual_network" "main" {
  name                = "vnet-main"
  address_space       = ["10.0.0.0/16"]
  location            = local.location
  resource_group_name = azurerm_resource_group.net.name
}
