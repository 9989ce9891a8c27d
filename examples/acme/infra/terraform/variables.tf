variable "subscription_id" {
  description = "Acme production subscription."
  type        = string
  default     = "3f2b7c9e-5d41-4e8a-9c6b-2a1d0e7f8b34"
}

variable "tenant_id" {
  description = "Acme Entra ID tenant."
  type        = string
  default     = "7c1e4a2b-6f3d-4b8e-a1c9-5d2e8f0b7a63"
}

variable "location" {
  description = "Primary Azure region."
  type        = string
  default     = "eastus2"
}

variable "environment" {
  description = "Deployment environment: dev, staging or prod."
  type        = string
  default     = "dev"
}

variable "cost_center" {
  type    = string
  default = "CC-1040-platform"
}

variable "vnet_address_space" {
  type    = list(string)
  default = ["10.40.0.0/16"]
}

variable "office_egress_ranges" {
  description = "Public egress IPs of the Portland and Austin offices (used for SQL firewall rules)."
  type = list(object({
    name  = string
    start = string
    end   = string
  }))
  default = []
}

variable "security_contact_email" {
  type    = string
  default = "security@acme.example"
}

variable "oncall_webhook_url" {
  description = "PagerDuty Events v2 endpoint for the platform service."
  type        = string
  default     = "https://events.pagerduty.com/integration/00000000000000000000000000000000/enqueue"
  sensitive   = true
}

variable "sql_admin_group_object_id" {
  description = "Entra group 'sg-acme-sql-admins' (object id)."
  type        = string
  default     = "5a1f0c3e-8d2b-4e7a-9f61-0b3c2d4e5f60"
}

variable "aks_admin_group_object_id" {
  description = "Entra group 'sg-acme-aks-admins' (object id)."
  type        = string
  default     = "8e4d2c1b-0a9f-4e3d-8c7b-6a5f4e3d2c1b"
}

variable "ci_principal_object_id" {
  description = "Service principal of the GitHub Actions deployment identity."
  type        = string
  default     = "2b9c7d4e-1f0a-4c3b-9e8d-7f6a5b4c3d2e"
}

variable "jumpbox_admin_username" {
  type    = string
  default = "acmeops"
}

variable "jumpbox_admin_password" {
  description = "Break-glass password for the jump box; injected by CI from Key Vault, never committed."
  type        = string
  sensitive   = true
}

variable "aks_kubernetes_version" {
  type    = string
  default = "1.30"
}

variable "log_retention_days" {
  type    = number
  default = 90
}
