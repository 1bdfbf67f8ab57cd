#!/usr/bin/env bash
# Installs headless Chromium (Debian package `chromium`) for the HTML report test.
# Idempotent: does nothing when it is already installed. Needs root on a fresh Debian machine.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/deps/chromium.sh: chromium is missing and installing it needs root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
