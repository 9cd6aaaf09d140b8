#!/usr/bin/env bash
# Builds HashiCorp Vault from the Go module proxy into the tools cache (skipped when present), for the VAULT and
# READONLY_VAULT backend tests. Neither Vault nor OpenBao has a Debian or npm package, and OpenBao is not on the
# Go proxy; Vault is. About 15 min and ~4.8 GB RSS cold, 30-40 s warm; the binary is cached, not rebuilt.
#
# `go install` refuses Vault (its go.mod has replace lines), so the build goes through a throwaway wrapper module
# that copies only Vault's non-local replace lines. Vault's release branch builds against its own ./sdk, which
# matches no published github.com/hashicorp/vault/sdk tag: with the tag its go.mod names (v0.21.0 for v1.21.4)
# two signatures differ, and a copy of that sdk is patched to Vault's form:
#   - framework.Backend.ActivationFunc keeps the two-argument form func(context.Context, *logical.Request) error;
#   - keysutil.(*LockManager).RestorePolicy returns (string, error), its body copied from sdk v0.24.0.
set -euo pipefail
version="${COFFER_VAULT_VERSION:-v1.21.4}"
cache="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}"
out="$cache/vault-$version/vault"
if [ -x "$out" ]; then echo "vault $version: cached at $out" >&2; exit 0; fi
if ! command -v go >/dev/null 2>&1; then echo "vault: Go is not installed; the Vault backend tests will skip" >&2; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOMODCACHE="$cache/gomod" GOCACHE="$cache/gocache" GOFLAGS=-mod=mod
cd "$work"
go mod init coffer.local/vault-build >/dev/null 2>&1

go mod download -json "github.com/hashicorp/vault@$version" > vault.json
gomod="$(sed -n 's/.*"GoMod": "\(.*\)".*/\1/p' vault.json)"
# Non-local replace lines only (`replace a [va] => b vb`); ./api and ./sdk are dropped.
awk '$1 == "replace" && $0 !~ /=> *\./ {
  if ($3 == "=>") print $2 "=" $4 "@" $5; else print $2 "@" $3 "=" $5 "@" $6
}' "$gomod" | while read -r rule; do go mod edit -replace "$rule"; done

sdk_v="$(awk '$1 == "github.com/hashicorp/vault/sdk" && $2 ~ /^v/ { print $2; exit }' "$gomod")"
[ -n "$sdk_v" ] || { echo "vault: cannot find the sdk version in $gomod" >&2; exit 1; }
go mod download -json "github.com/hashicorp/vault/sdk@$sdk_v" > sdk.json
go mod download -json "github.com/hashicorp/vault/sdk@v0.24.0" > sdk24.json
sdk_dir="$(sed -n 's/.*"Dir": "\(.*\)".*/\1/p' sdk.json)"
sdk24_dir="$(sed -n 's/.*"Dir": "\(.*\)".*/\1/p' sdk24.json)"
cp -R "$sdk_dir" sdk-patched
chmod -R u+w sdk-patched
python3 - "$sdk24_dir/helper/keysutil/lock_manager.go" <<'PY'
import re, sys
def patch(path, old, new, count=1):
    text = open(path).read()
    if text.count(old) != count:
        sys.exit(f"vault sdk patch: expected {count} of {old!r} in {path}")
    open(path, "w").write(text.replace(old, new))
patch("sdk-patched/framework/backend.go",
      "ActivationFunc func(context.Context, *logical.Request, string) error",
      "ActivationFunc func(context.Context, *logical.Request) error")
func = re.compile(r"^// RestorePolicy acquires.*?^}\n", re.S | re.M)
newer = func.search(open(sys.argv[1]).read())
path = "sdk-patched/helper/keysutil/lock_manager.go"
text = open(path).read()
if not newer or len(func.findall(text)) != 1:
    sys.exit("vault sdk patch: RestorePolicy not found")
open(path, "w").write(func.sub(lambda _: newer.group(0), text))
PY
go mod edit -replace "github.com/hashicorp/vault/sdk=./sdk-patched"
cat go.mod >&2
go get -tool "github.com/hashicorp/vault@$version"
mkdir -p "$(dirname "$out")"
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$out.tmp" github.com/hashicorp/vault
"$out.tmp" version >&2
mv "$out.tmp" "$out"
echo "vault $version: built at $out" >&2
