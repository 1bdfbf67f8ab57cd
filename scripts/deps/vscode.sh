#!/usr/bin/env bash
# Installs what the VS Code extension's build needs: Node.js with npm (Debian's packages when
# missing), then the extension's locked dependencies (npm ci). The build itself — tsc, vsce
# package, the TextMate grammar test — runs as a cargo test (lsp/tests/suite/editors.rs).
# Idempotent: skips npm ci when node_modules matches package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../../lsp/editors/vscode"
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "vscode.sh: npm is missing; run as root (apt-get) or install Node.js 20+ yourself" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm >/dev/null
fi
if [ node_modules/.package-lock.json -nt package-lock.json ] && [ -d node_modules/@vscode/vsce ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
