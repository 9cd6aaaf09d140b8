data "coffer_secrets_manager" "current" {}

output "effective_backend" {
  value = data.coffer_secrets_manager.current.effective_backend
}
