variable "openai_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_workspace" "checkout" {
  id = "ws-checkout"
}

resource "coffer_workspace_secret" "openai" {
  workspace_id     = coffer_workspace.checkout.id
  key              = "OPENAI_API_KEY"
  value_wo         = var.openai_key
  value_wo_version = 1
  expires_in_days  = 90
}
