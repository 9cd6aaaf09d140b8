#!/usr/bin/env bash
# Installs the external tools the tests need into a cache outside the repository.
# Each step is skipped when its result is already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for step in "$here"/setup.d/*.sh; do
  [ -e "$step" ] || continue
  echo "setup: $(basename "$step")" >&2
  bash "$step"
done
