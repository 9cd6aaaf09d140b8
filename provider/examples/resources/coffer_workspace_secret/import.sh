# workspace_id/KEY
terraform import coffer_workspace_secret.openai ws-checkout/OPENAI_API_KEY
