#!/usr/bin/env bash
# Installs Schemathesis from PyPI into a virtualenv in the tools cache.
set -euo pipefail
version="${COFFER_SCHEMATHESIS_VERSION:-4.32.5}"
venv="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}/schemathesis-$version"
if [ -x "$venv/bin/st" ]; then echo "schemathesis $version: cached" >&2; exit 0; fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q "schemathesis==$version"
