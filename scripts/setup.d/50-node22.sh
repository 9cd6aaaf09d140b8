#!/usr/bin/env bash
# Installs Node 22 (the oldest Node the published packages support) from the npm registry's `node` package into
# the tools cache, for the consumer test (test/consumer), which runs the packed packages on Node 22 and 24.
set -euo pipefail
version="${COFFER_NODE22_VERSION:-22.23.3}"
dir="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}/node-v$version"
bin="$dir/node_modules/node/bin/node"
if [ -x "$bin" ] && [ "$("$bin" --version)" = "v$version" ]; then echo "node $version: cached" >&2; exit 0; fi
rm -rf "$dir"
mkdir -p "$dir"
npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$version" >&2
"$bin" --version >/dev/null
echo "node $version: $bin" >&2
