# Any id names the singleton; secrets-manager by convention
terraform import coffer_secrets_manager.this secrets-manager
