# Production values. Secrets (jumpbox_admin_password) are passed by CI as TF_VAR_* from Key Vault.
environment = "prod"
location    = "eastus2"

office_egress_ranges = [
  { name = "portland-office", start = "203.0.113.16", end = "203.0.113.31" },
  { name = "austin-office", start = "198.51.100.64", end = "198.51.100.79" },
]

log_retention_days = 90
