#!/usr/bin/env bash
# Installs Neovim (Debian's package, 0.7 or later) for the real-editor test of the language
# server. Idempotent: does nothing when `nvim` is already on PATH.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "neovim.sh: nvim is missing; run as root (apt-get) or install Neovim 0.7+ yourself" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq neovim >/dev/null
nvim --version | head -1
