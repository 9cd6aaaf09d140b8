#!/usr/bin/env bash
# Installs zsh from Debian's packages: the CLI's completion test runs the generated zsh completion in zsh.
# Outside CI a failed install only warns (that test then skips with a message); in CI it fails.
set -euo pipefail
. "$(dirname "$0")/../lib/ci.sh"
if command -v zsh >/dev/null 2>&1; then echo "zsh: installed" >&2; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "zsh: no apt-get; the zsh completion test will skip" >&2; exit 0; fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends zsh >/dev/null; }; then
  echo "zsh: could not install from apt (needs root or passwordless sudo); the zsh completion test will skip" >&2
  in_ci && exit 1
  exit 0
fi
