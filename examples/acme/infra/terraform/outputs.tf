output "api_default_hostname" {
  value = azurerm_linux_web_app.api.default_hostname
}

output "key_vault_uri" {
  value = azurerm_key_vault.app.vault_uri
}

output "sql_server_fqdn" {
  value = azurerm_mssql_server.main.fully_qualified_domain_name
}

output "log_analytics_workspace_id" {
  value = azurerm_log_analytics_workspace.main.workspace_id
}
