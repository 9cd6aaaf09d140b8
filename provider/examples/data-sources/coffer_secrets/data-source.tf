data "coffer_secrets" "team" {
  scope_type  = "team"
  scope_id    = "payments"
  name_prefix = "DB_"
}

output "team_secret_names" {
  value = [for s in data.coffer_secrets.team.secrets : s.name]
}
