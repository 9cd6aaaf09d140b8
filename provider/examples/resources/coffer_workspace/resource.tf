resource "coffer_team" "payments" {
  id = "payments"
}

# A workspace in a team: it resolves override > workspace > team > organization.
resource "coffer_workspace" "checkout" {
  id      = "ws-checkout"
  name    = "Checkout agents"
  team_id = coffer_team.payments.id # changing it moves the workspace (in place)
}

# A workspace directly in the organization (no team layer).
resource "coffer_workspace" "sandbox" {
  id = "ws-sandbox"
}

variable "openai_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "coffer_workspace_secret" "openai" {
  workspace_id     = coffer_workspace.checkout.id
  key              = "OPENAI_API_KEY"
  value_wo         = var.openai_key
  value_wo_version = 1
}
