#!/usr/bin/env bash
# Installs Debian's user-mode QEMU and the arm64 C/C++ runtime, so the provider's linux_arm64 release binary
# can be run on this amd64 machine (provider/test/release/arm64.test.ts). Skipped when present. Outside CI a
# failed install only warns: that test then skips loudly (in CI it fails).
set -euo pipefail
. "$(dirname "$0")/../lib/ci.sh"
root=/usr/aarch64-linux-gnu
if command -v qemu-aarch64 >/dev/null 2>&1 && [ -e "$root/lib/ld-linux-aarch64.so.1" ] && [ -e "$root/lib/libstdc++.so.6" ]; then
  echo "qemu-aarch64: installed" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then echo "qemu-aarch64: no apt-get; the arm64 release test will skip" >&2; exit 0; fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
install() {
  $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      qemu-user libc6-arm64-cross libstdc++6-arm64-cross >/dev/null
}
if ! install; then
  echo "qemu-aarch64: could not install from apt (needs root or passwordless sudo); the arm64 release test will skip" >&2
  in_ci && exit 1
  exit 0
fi
echo "qemu-aarch64: $(qemu-aarch64 --version | head -1)" >&2
