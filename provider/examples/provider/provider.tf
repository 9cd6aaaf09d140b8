terraform {
  required_providers {
    coffer = {
      source  = "coffer/coffer"
      version = "0.1.0"
    }
  }
}

# base_url and api_key default to the COFFER_BASE_URL and COFFER_API_KEY environment variables.
provider "coffer" {
  base_url = "http://127.0.0.1:8080"
}
