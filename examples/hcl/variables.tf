variable "organization_id" {
  description = "The API key's organization (the server's COFFER_ORGANIZATION_ID)."
  type        = string
  default     = "default"
}

variable "teams" {
  description = "Team ids (unique in the deployment)."
  type        = object({ payments = string, risk = string })
  default = {
    payments = "payments-hcl"
    risk     = "risk-hcl"
  }
}

variable "workspaces" {
  description = "Workspace ids (unique in the deployment)."
  type        = object({ payments_api = string, risk_scoring = string, sandbox = string })
  default = {
    payments_api = "payments-api-hcl"
    risk_scoring = "risk-scoring-hcl"
    sandbox      = "sandbox-hcl"
  }
}

variable "name_prefix" {
  description = "Prefix of the secret names (the organization's names are shared with everyone in it)."
  type        = string
  default     = "HCL_"
}

variable "secret_version" {
  description = "Bump to send new values: write-only values are never compared with anything."
  type        = number
  default     = 1
}

variable "smtp_password" {
  type      = string
  sensitive = true
}

variable "org_db_password" {
  type      = string
  sensitive = true
}

variable "payments_db_password" {
  type      = string
  sensitive = true
}

variable "payments_openai_api_key" {
  type      = string
  sensitive = true
}

variable "risk_feed_token" {
  type      = string
  sensitive = true
}

variable "api_token" {
  type      = string
  sensitive = true
}

variable "risk_db_password" {
  type      = string
  sensitive = true
}

variable "openai_api_key" {
  type      = string
  sensitive = true
}

variable "anthropic_api_key" {
  type      = string
  sensitive = true
}

variable "vault" {
  description = "Store the values in HashiCorp Vault (KV v2 at secret/data/coffer, token auth) instead of Coffer's database. null: the DB backend."
  type = object({
    address = string
  })
  default = null
}

variable "vault_token" {
  description = "The Vault token Coffer uses when var.vault is set (write-only: never in the state)."
  type        = string
  sensitive   = true
  default     = null
}
