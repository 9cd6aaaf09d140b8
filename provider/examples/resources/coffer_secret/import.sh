# By natural key: scope_type/scope_id/name
terraform import coffer_secret.db team/payments/DB_PASSWORD

# Or by id (a UUID)
terraform import coffer_secret.db 0b7c1f4e-5d7a-4c1b-9a53-2f0d6e8a9b10
