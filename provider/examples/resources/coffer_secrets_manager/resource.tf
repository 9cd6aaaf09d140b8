variable "vault_token" {
  type      = string
  sensitive = true
  ephemeral = true
}

# A singleton: declare it once.
resource "coffer_secrets_manager" "this" {
  backend           = "VAULT"
  cache_ttl_seconds = 300
  vault = {
    address          = "https://vault.internal:8200"
    auth_method      = "TOKEN"
    token_wo         = var.vault_token
    token_wo_version = 1
  }
}
