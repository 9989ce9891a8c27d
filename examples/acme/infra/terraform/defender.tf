# Microsoft Defender for Cloud plans, managed explicitly so drift shows up in plan.
# DELIBERATE (gap): Containers, Key Vaults and Resource Manager are still on the Free tier
# (budget request FIN-311 pending), and so is App Service. Vouch reports all four.
locals {
  defender_plans = {
    VirtualMachines = { tier = "Standard", subplan = "P2" }
    StorageAccounts = { tier = "Standard", subplan = "DefenderForStorageV2" }
    SqlServers      = { tier = "Standard", subplan = null }
    AppServices     = { tier = "Free", subplan = null }
    Containers      = { tier = "Free", subplan = null }
    KeyVaults       = { tier = "Free", subplan = null }
    Arm             = { tier = "Free", subplan = null }
  }
}

resource "azurerm_security_center_subscription_pricing" "plans" {
  for_each      = local.defender_plans
  resource_type = each.key
  tier          = each.value.tier
  subplan       = each.value.subplan
}

resource "azurerm_security_center_contact" "security" {
  name                = "default"
  email               = var.security_contact_email
  phone               = "+1-503-555-0142"
  alert_notifications = true
  # DELIBERATE: subscription owners are not notified of alerts. Vouch reports it.
  alerts_to_admins = false
}
