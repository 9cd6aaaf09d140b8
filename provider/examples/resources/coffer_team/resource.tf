resource "coffer_team" "payments" {
  id   = "payments" # unique in the deployment; secrets and workspaces name the team by it
  name = "Payments"
  # organization_id defaults to the API key's organization.
  # delete_contents = true # let a destroy delete what the team still holds (default: it fails and names it)
}

variable "db_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

# A team secret: the team must exist first, so refer to it.
resource "coffer_secret" "db" {
  scope_type       = "team"
  scope_id         = coffer_team.payments.id
  name             = "DB_PASSWORD"
  value_wo         = var.db_password
  value_wo_version = 1
}
