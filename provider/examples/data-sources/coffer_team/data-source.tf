data "coffer_team" "payments" {
  id = "payments"
}

output "payments_organization" {
  value = data.coffer_team.payments.organization_id
}
