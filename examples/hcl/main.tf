# The same stack as examples/cdktf-app (the cdktn variant): the secrets manager, one organization, one team and
# one workspace secret, and two workspace overrides. Values are write-only (value_wo): sent to the provider on
# apply, never stored in the state or the plan. `value = var.x` works too (sensitive, but kept in state).

resource "coffer_secrets_manager" "this" {
  backend           = "DB"
  cache_ttl_seconds = 300
  fallback          = "NONE"
}

resource "coffer_secret" "org_smtp" {
  scope_type       = "organization"
  scope_id         = var.organization_id
  name             = "${var.name_prefix}SMTP_PASSWORD"
  category         = "integration"
  description      = "outgoing mail"
  value_wo         = var.smtp_password
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

resource "coffer_secret" "team_db" {
  scope_type       = "team"
  scope_id         = var.team_id
  name             = "${var.name_prefix}DB_PASSWORD"
  category         = "infrastructure"
  value_wo         = var.db_password
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

resource "coffer_secret" "workspace_token" {
  scope_type       = "workspace"
  scope_id         = var.workspace_id
  name             = "${var.name_prefix}API_TOKEN"
  category         = "agent"
  expires_at       = "2030-01-01T00:00:00Z"
  value_wo         = var.api_token
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

locals {
  # Keys and expiry are not secret (for_each keys must not be); the values are looked up by key.
  override_expiry = {
    OPENAI_API_KEY    = null
    ANTHROPIC_API_KEY = 90
  }
  override_values = {
    OPENAI_API_KEY    = var.openai_api_key
    ANTHROPIC_API_KEY = var.anthropic_api_key
  }
}

resource "coffer_workspace_secret" "overrides" {
  for_each         = local.override_expiry
  workspace_id     = var.workspace_id
  key              = each.key
  value_wo         = local.override_values[each.key]
  value_wo_version = var.secret_version
  expires_in_days  = each.value
  depends_on       = [coffer_secrets_manager.this]
}

output "org_secret_id" {
  value = coffer_secret.org_smtp.id
}

output "team_secret_version" {
  value = coffer_secret.team_db.version
}

output "openai_override_version" {
  value = coffer_workspace_secret.overrides["OPENAI_API_KEY"].version
}
