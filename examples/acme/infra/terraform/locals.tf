locals {
  prefix = "acme-${var.environment}"

  common_tags = {
    company     = "acme-analytics"
    environment = var.environment
    cost_center = var.cost_center
    managed_by  = "terraform"
    repo        = "acme/platform-infra"
  }

  data_tags = merge(local.common_tags, {
    data_classification = "confidential"
    soc2_scope          = "true"
  })

  # Inbound rules of the public web tier, rendered with a dynamic block in network.tf.
  web_inbound_rules = [
    {
      name     = "allow-https-from-frontdoor"
      priority = 100
      port     = "443"
      source   = "AzureFrontDoor.Backend"
    },
    {
      name     = "allow-health-probes"
      priority = 110
      port     = "443"
      source   = "AzureLoadBalancer"
    },
    {
      name     = "allow-ssh-from-bastion"
      priority = 120
      port     = "22"
      source   = "10.40.250.0/26"
    },
  ]
}
