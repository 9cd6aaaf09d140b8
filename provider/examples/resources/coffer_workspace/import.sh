# By id
terraform import coffer_workspace.checkout ws-checkout
