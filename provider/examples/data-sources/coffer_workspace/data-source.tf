data "coffer_workspace" "checkout" {
  id = "ws-checkout"
}

output "checkout_team" {
  value = data.coffer_workspace.checkout.team_id # null when the workspace is directly in its organization
}
