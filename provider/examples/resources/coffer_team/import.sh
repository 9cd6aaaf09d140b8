# By id
terraform import coffer_team.payments payments
