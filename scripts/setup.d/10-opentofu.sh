#!/usr/bin/env bash
# Builds OpenTofu from the Go module proxy into a cache outside the repository (skipped when present).
# `go install` refuses modules with replace lines, so the build goes through a throwaway wrapper module.
set -euo pipefail
version="${COFFER_TOFU_VERSION:-v1.12.6}"
cache="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}"
out="$cache/opentofu-$version/tofu"
if [ -x "$out" ]; then echo "opentofu $version: cached at $out" >&2; exit 0; fi
if ! command -v go >/dev/null 2>&1; then echo "opentofu: Go is not installed; end-to-end tests will skip" >&2; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOMODCACHE="$cache/gomod" GOCACHE="$cache/gocache" GOFLAGS=-mod=mod
cd "$work"
go mod init coffer.local/tofu-build >/dev/null 2>&1
# The chosen tag's go.mod pins a fork of hcl; copy its replace line.
go mod download -json "github.com/opentofu/opentofu@$version" > mod.json
gomod="$(sed -n 's/.*"GoMod": "\(.*\)".*/\1/p' mod.json)"
grep -E '^replace github.com/hashicorp/hcl/v2 ' "$gomod" | while read -r _ from from_v _ to to_v; do
  go mod edit -replace "$from@$from_v=$to@$to_v"
done
cat go.mod >&2
go get "github.com/opentofu/opentofu/cmd/tofu@$version"
mkdir -p "$(dirname "$out")"
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out.tmp" github.com/opentofu/opentofu/cmd/tofu
mv "$out.tmp" "$out"
echo "opentofu $version: built at $out" >&2
