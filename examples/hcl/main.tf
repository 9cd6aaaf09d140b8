# The same stack as examples/cdktf-app (the cdktn variant): the secrets manager; teams payments and risk;
# workspaces payments-api (team payments), risk-scoring (team risk) and sandbox (directly in the organization);
# secrets on the organization, team and workspace layers; two overrides on payments-api. A workspace resolves
# override > workspace > its team > organization: the narrowest layer that has a name wins.
#
# Teams, workspaces and secrets refer to each other's id, so OpenTofu creates a scope before what it holds and
# destroys it after. Values are write-only (value_wo): sent to the provider on apply, never stored in the state
# or the plan. `value = var.x` works too (sensitive, but kept in state).

# DB by default; with var.vault set, Coffer writes the scoped secrets' values to Vault under the tenancy layout
# (secret/data/coffer/{org}/teams/{team}/...) and keeps only their references (overrides stay in its store).
# The secrets manager is deployment-wide: the API key must be a deployment key (the bootstrap key is one).
resource "coffer_secrets_manager" "this" {
  backend           = var.vault == null ? "DB" : "VAULT"
  cache_ttl_seconds = 300
  fallback          = "NONE"
  vault = var.vault == null ? null : {
    address          = var.vault.address
    auth_method      = "TOKEN"
    token_wo         = var.vault_token
    token_wo_version = var.secret_version
  }
}

# -- Teams and workspaces -----------------------------------------------------------------------------------

resource "coffer_team" "payments" {
  id              = var.teams.payments
  name            = "Payments"
  organization_id = var.organization_id
}

resource "coffer_team" "risk" {
  id              = var.teams.risk
  name            = "Risk"
  organization_id = var.organization_id
}

resource "coffer_workspace" "payments_api" {
  id      = var.workspaces.payments_api
  name    = "Payments API"
  team_id = coffer_team.payments.id
}

resource "coffer_workspace" "risk_scoring" {
  id      = var.workspaces.risk_scoring
  team_id = coffer_team.risk.id
}

# No team: it resolves its own secrets and the organization's.
resource "coffer_workspace" "sandbox" {
  id              = var.workspaces.sandbox
  organization_id = var.organization_id
}

# -- Organization layer: every workspace of the organization sees these --------------------------------------

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

resource "coffer_secret" "org_db" {
  scope_type       = "organization"
  scope_id         = var.organization_id
  name             = "${var.name_prefix}DB_PASSWORD"
  category         = "infrastructure"
  description      = "the shared database, unless a team or workspace has its own"
  value_wo         = var.org_db_password
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

# -- Team layer: only the team's workspaces see these; they win over the organization's ----------------------

resource "coffer_secret" "payments_db" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "${var.name_prefix}DB_PASSWORD"
  category         = "infrastructure"
  value_wo         = var.payments_db_password
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

resource "coffer_secret" "payments_openai" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "OPENAI_API_KEY"
  category         = "provider"
  value_wo         = var.payments_openai_api_key
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

resource "coffer_secret" "risk_feed" {
  scope_type       = "team"
  scope_id         = coffer_team.risk.id
  name             = "${var.name_prefix}RISK_FEED_TOKEN"
  category         = "integration"
  value_wo         = var.risk_feed_token
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

# -- Workspace layer: wins over the team's and the organization's --------------------------------------------

resource "coffer_secret" "payments_api_token" {
  scope_type       = "workspace"
  scope_id         = coffer_workspace.payments_api.id
  name             = "${var.name_prefix}API_TOKEN"
  category         = "agent"
  expires_at       = "2030-01-01T00:00:00Z"
  value_wo         = var.api_token
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

resource "coffer_secret" "risk_scoring_db" {
  scope_type       = "workspace"
  scope_id         = coffer_workspace.risk_scoring.id
  name             = "${var.name_prefix}DB_PASSWORD"
  category         = "infrastructure"
  value_wo         = var.risk_db_password
  value_wo_version = var.secret_version
  depends_on       = [coffer_secrets_manager.this]
}

# -- Overrides on payments-api: they win over every scoped secret (here the team's OPENAI_API_KEY) -----------

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
  workspace_id     = coffer_workspace.payments_api.id
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
  value = coffer_secret.payments_db.version
}

output "openai_override_version" {
  value = coffer_workspace_secret.overrides["OPENAI_API_KEY"].version
}

output "workspaces" {
  value = {
    for name, w in {
      payments_api = coffer_workspace.payments_api
      risk_scoring = coffer_workspace.risk_scoring
      sandbox      = coffer_workspace.sandbox
    } : name => { id = w.id, team_id = w.team_id, organization_id = w.organization_id }
  }
}
