variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = true # never stored in a plan file either
}

# Secrets live on scopes that exist: the organization (the API key's), a team or a workspace.
resource "coffer_team" "payments" {
  id = "payments"
}

resource "coffer_secret" "db" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "DB_PASSWORD"
  category         = "infrastructure"
  description      = "Primary database"
  value_wo         = var.db_password # write-only: sent to the API, never kept in state or plan
  value_wo_version = 1               # bump to send a new value
}
