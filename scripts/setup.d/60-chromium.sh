#!/usr/bin/env bash
# Installs Debian's Chromium for the API-reference browser test (test/docs: headless, network off, loads /docs
# from a running server). Outside CI a failed install only warns: that test then skips loudly (in CI it fails).
set -euo pipefail
. "$(dirname "$0")/../lib/ci.sh"
if command -v chromium >/dev/null 2>&1; then echo "chromium: installed" >&2; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "chromium: no apt-get; the browser test will skip" >&2; exit 0; fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
install() {
  $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
}
if ! install; then
  echo "chromium: could not install from apt (needs root or passwordless sudo); the browser test will skip" >&2
  in_ci && exit 1
  exit 0
fi
echo "chromium: $(chromium --version 2>/dev/null || echo installed)" >&2
