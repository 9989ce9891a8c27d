variable "location" {
  type    = string
  default = "westeurope"
}

variable "environment" {
  type = string
}

variable "retention_days" {
  type    = number
  default = 14
}

variable "allowed_ips" {
  type    = list(string)
  default = []
}

variable "replication" {
  type        = string
  description = "No default and no tfvars entry: stays unknown"
}
