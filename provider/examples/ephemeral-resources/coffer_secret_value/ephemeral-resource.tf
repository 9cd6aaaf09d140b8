variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_team" "payments" {
  id = "payments"
}

resource "coffer_workspace" "checkout" {
  id      = "ws-checkout"
  team_id = coffer_team.payments.id
}

resource "coffer_secret" "db" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "DB_PASSWORD"
  value_wo         = var.db_password
  value_wo_version = 1
}

# Read the value during the run and hand it to another write-only attribute: stored nowhere. The workspace
# resolves through its own team: the team secret takes part.
ephemeral "coffer_secret_value" "db" {
  workspace_id  = coffer_workspace.checkout.id
  name          = "DB_PASSWORD"
  after_version = coffer_secret.db.version # read after the secret is written, on every CLI
}

resource "coffer_secret" "db_copy" {
  scope_type       = "workspace"
  scope_id         = coffer_workspace.checkout.id
  name             = "DB_PASSWORD_COPY"
  value_wo         = ephemeral.coffer_secret_value.db.value
  value_wo_version = 1
}
