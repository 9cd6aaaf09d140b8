terraform {
  # Write-only attributes (value_wo) need OpenTofu >= 1.11 (or Terraform >= 1.11).
  required_version = ">= 1.11.0"
  required_providers {
    coffer = {
      source = "coffer/coffer"
    }
  }
}

# base_url and api_key come from COFFER_BASE_URL and COFFER_API_KEY, so no credential is in the configuration.
provider "coffer" {}
