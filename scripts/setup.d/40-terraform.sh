#!/usr/bin/env bash
# Builds HashiCorp Terraform from the Go module proxy into a cache outside the repository (skipped when
# present), like 10-opentofu.sh. The module's go.mod replaces nine remote-state backends and internal/legacy
# with local directories that the module zip does not contain, so the build runs in a writable copy of the
# module source with those requirements dropped from go.mod and the backends' registrations dropped from
# internal/backend/init/init.go (the local backend, which the tests use, stays).
set -euo pipefail
version="${COFFER_TERRAFORM_VERSION:-v1.13.3}"
cache="${COFFER_TOOLS_DIR:-$HOME/.cache/coffer-tools}"
out="$cache/terraform-$version/terraform"
if [ -x "$out" ]; then echo "terraform $version: cached at $out" >&2; exit 0; fi
if ! command -v go >/dev/null 2>&1; then echo "terraform: Go is not installed; end-to-end tests will skip" >&2; exit 0; fi
work="$(mktemp -d)"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
export GOMODCACHE="$cache/gomod" GOCACHE="$cache/gocache" GOFLAGS=-mod=mod
dir="$(go mod download -json "github.com/hashicorp/terraform@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
[ -d "$dir" ] || { echo "terraform: go mod download did not unpack github.com/hashicorp/terraform@$version" >&2; exit 1; }
cp -r "$dir" "$work/src"
chmod -R u+w "$work/src"
cd "$work/src"
missing=(azure consul cos gcs kubernetes oci oss pg s3)
for b in "${missing[@]}"; do
  go mod edit -droprequire "github.com/hashicorp/terraform/internal/backend/remote-state/$b" \
    -dropreplace "github.com/hashicorp/terraform/internal/backend/remote-state/$b"
done
go mod edit -droprequire github.com/hashicorp/terraform/internal/legacy \
  -dropreplace github.com/hashicorp/terraform/internal/legacy
init=internal/backend/init/init.go
for b in "${missing[@]}"; do
  sed -i -E "\#\"github.com/hashicorp/terraform/internal/backend/remote-state/$b\"#d" "$init"
done
sed -i -E '/^\s*"(azurerm|consul|cos|gcs|kubernetes|oss|pg|s3|oci)":\s+func\(\) backend\.Backend/d' "$init"
if grep -qE 'backend(Azure|Consul|Cos|GCS|Kubernetes|OCI|OSS|Pg|S3)\b' "$init"; then
  echo "terraform: $init still refers to a removed backend; the build recipe needs updating for $version" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" -o "$out.tmp" .
mv "$out.tmp" "$out"
"$out" version >&2
echo "terraform $version: built at $out" >&2
