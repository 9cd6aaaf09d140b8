#!/usr/bin/env bash
# Installs moto's server mode from PyPI into a virtualenv in the tools cache: the AWS emulator for the
# AWS_SECRETS_MANAGER backend and for Vault's aws (IAM) auth, where it plays STS and IAM and verifies SigV4.
set -euo pipefail
version="${COFFER_MOTO_VERSION:-5.2.5}"
venv="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}/moto-$version"
if [ -x "$venv/bin/moto_server" ]; then echo "moto $version: cached" >&2; exit 0; fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q "moto[server]==$version"
"$venv/bin/moto_server" --help >/dev/null
