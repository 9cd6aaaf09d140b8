variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_secret" "db" {
  scope_type       = "team"
  scope_id         = "payments"
  name             = "DB_PASSWORD"
  value_wo         = var.db_password
  value_wo_version = 1
}

# Read the value during the run and hand it to another write-only attribute: stored nowhere.
ephemeral "coffer_secret_value" "db" {
  workspace_id  = "ws-checkout"
  team_id       = "payments"
  name          = "DB_PASSWORD"
  after_version = coffer_secret.db.version # read after the secret is written, on every CLI
}

resource "coffer_secret" "db_copy" {
  scope_type       = "workspace"
  scope_id         = "ws-checkout"
  name             = "DB_PASSWORD_COPY"
  value_wo         = ephemeral.coffer_secret_value.db.value
  value_wo_version = 1
}
