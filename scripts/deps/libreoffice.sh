#!/usr/bin/env bash
# Installs headless LibreOffice Calc (Debian package `libreoffice-calc-nogui`) for the
# workbook report test, which renders the .xlsx report to PDF with `soffice --headless`.
# Idempotent: does nothing when `soffice` is already installed. Needs root and apt.
# On this project's machines (2 cores, Debian mirror) the install takes about 1–2 minutes
# and ~350 MB of disk.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/deps/libreoffice.sh: soffice is missing and apt-get is not available" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/deps/libreoffice.sh: soffice is missing and installing it needs root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-dejavu-core
