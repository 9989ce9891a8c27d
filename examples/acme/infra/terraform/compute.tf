# Jump box for break-glass database and cluster access from the management subnet.
resource "azurerm_public_ip" "jumpbox" {
  name                = "pip-${local.prefix}-jumpbox"
  location            = azurerm_resource_group.prod.location
  resource_group_name = azurerm_resource_group.prod.name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1"]
  tags                = local.common_tags
}

resource "azurerm_network_interface" "jumpbox" {
  name                = "nic-${local.prefix}-jumpbox"
  location            = azurerm_resource_group.prod.location
  resource_group_name = azurerm_resource_group.prod.name

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.mgmt.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.jumpbox.id
  }

  tags = local.common_tags
}

# DELIBERATE: password authentication is enabled (disable_password_authentication = false), so the
# box accepts password logins from the Internet through the open SSH rule in network.tf.
# Vouch reports it.
resource "azurerm_linux_virtual_machine" "jumpbox" {
  name                            = "vm-${local.prefix}-jumpbox"
  resource_group_name             = azurerm_resource_group.prod.name
  location                        = azurerm_resource_group.prod.location
  size                            = "Standard_B2s"
  zone                            = "1"
  admin_username                  = var.jumpbox_admin_username
  admin_password                  = var.jumpbox_admin_password
  disable_password_authentication = false
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  patch_mode                      = "AutomaticByPlatform"
  network_interface_ids           = [azurerm_network_interface.jumpbox.id]

  admin_ssh_key {
    username   = var.jumpbox_admin_username
    public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH3n8v0mQeS1kWn7Xo2pC9aYfJ4tLr6bUz5dGh8KqP2m platform@acme.example"
  }

  os_disk {
    name                 = "osdisk-${local.prefix}-jumpbox"
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 64
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }

  identity {
    type = "SystemAssigned"
  }

  boot_diagnostics {}

  tags = merge(local.common_tags, { role = "jumpbox" })
}

resource "azurerm_managed_disk" "jumpbox_data" {
  name                          = "disk-${local.prefix}-jumpbox-data"
  location                      = azurerm_resource_group.prod.location
  resource_group_name           = azurerm_resource_group.prod.name
  storage_account_type          = "Premium_LRS"
  create_option                 = "Empty"
  disk_size_gb                  = 128
  zone                          = "1"
  public_network_access_enabled = false
  network_access_policy         = "DenyAll"
  tags                          = local.common_tags
}

resource "azurerm_virtual_machine_data_disk_attachment" "jumpbox_data" {
  managed_disk_id    = azurerm_managed_disk.jumpbox_data.id
  virtual_machine_id = azurerm_linux_virtual_machine.jumpbox.id
  lun                = 10
  caching            = "ReadOnly"
}
