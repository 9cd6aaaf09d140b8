variable "organization_id" {
  type    = string
  default = "acme"
}

variable "team_id" {
  type    = string
  default = "payments-hcl"
}

variable "workspace_id" {
  type    = string
  default = "ws-hcl"
}

variable "name_prefix" {
  description = "Prefix of the organization and team secret names."
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

variable "db_password" {
  type      = string
  sensitive = true
}

variable "api_token" {
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
