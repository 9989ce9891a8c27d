resource "azurerm_resource_group" "prod" {
  name     = "rg-${local.prefix}-eus2"
  location = var.location
  tags     = local.common_tags
}

resource "azurerm_resource_group" "data" {
  name     = "rg-${local.prefix}-data-eus2"
  location = var.location
  tags     = local.data_tags
}

# Protects the production resource group from an accidental "terraform destroy" or portal delete.
resource "azurerm_management_lock" "prod_rg" {
  name       = "lock-${local.prefix}-nodelete"
  scope      = azurerm_resource_group.prod.id
  lock_level = "CanNotDelete"
  notes      = "Production workloads. Remove only with a change ticket (CHG) approved by the Platform lead."
}

# Only US regions are allowed (customer contracts promise US data residency).
resource "azurerm_resource_group_policy_assignment" "allowed_locations" {
  name                 = "acme-allowed-locations"
  resource_group_id    = azurerm_resource_group.data.id
  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c"
  description          = "Data must stay in US regions."

  parameters = jsonencode({
    listOfAllowedLocations = {
      value = ["eastus2", "centralus"]
    }
  })
}
