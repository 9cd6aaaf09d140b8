#!/usr/bin/env bash
# Installs the real CDKTF command-line tools from the npm registry into the tools cache, each in its own
# prefix: cdktf-cli 0.21 (HashiCorp CDKTF) and cdktn-cli 0.24 (CDK Terrain). test/consumer drives them end to
# end (synth, deploy, destroy) on an app that depends on the packed @coffer/cdktf. They stay out of the
# monorepo's node_modules (600 MB, 600 packages, a tool rather than a dependency of any package).
set -euo pipefail
tools="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}"
install() {
  local pkg="$1" version="$2" bin="$3"
  local dir="$tools/$pkg-$version"
  if [ -x "$dir/node_modules/.bin/$bin" ] && [ -f "$dir/.complete" ]; then echo "$pkg $version: cached" >&2; return; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$pkg@$version" >&2
  touch "$dir/.complete"
  echo "$pkg $version: $dir/node_modules/.bin/$bin" >&2
}
install cdktf-cli "${COFFER_CDKTF_CLI_VERSION:-0.21.0}" cdktf
install cdktn-cli "${COFFER_CDKTN_CLI_VERSION:-0.24.0}" cdktn
