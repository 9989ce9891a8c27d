environment = "prod"
allowed_ips = ["203.0.113.10", "198.51.100.0/24"]
