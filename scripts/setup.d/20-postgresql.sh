#!/usr/bin/env bash
# Installs PostgreSQL server binaries from Debian's packages (the tests start their own cluster on loopback).
# Outside CI a failed install only warns: the PostgreSQL tests then skip with a loud message (in CI they fail).
set -euo pipefail
. "$(dirname "$0")/../lib/ci.sh"
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then echo "postgresql: installed" >&2; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then echo "postgresql: no apt-get; PostgreSQL tests will skip" >&2; exit 0; fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
install() {
  $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}
if ! install; then
  echo "postgresql: could not install from apt (needs root or passwordless sudo); PostgreSQL tests will skip" >&2
  in_ci && exit 1
  exit 0
fi
# The distribution's own cluster is not used; the tests run their own.
$sudo service postgresql stop >/dev/null 2>&1 || true
