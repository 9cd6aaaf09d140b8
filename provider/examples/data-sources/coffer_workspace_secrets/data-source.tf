data "coffer_workspace_secrets" "checkout" {
  workspace_id = "ws-checkout"
}

output "override_keys" {
  value = [for s in data.coffer_workspace_secrets.checkout.secrets : s.key]
}
