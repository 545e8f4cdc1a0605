#!/usr/bin/env bash
# Kelas Humas Digital: set everything up in .venv/ and run every test (arguments go to pytest).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
if [ -f tools/js/package-lock.json ] && [ ! -d tools/js/node_modules ]; then
  echo "Memasang paket npm pembanding (tools/js) ..."
  npm ci --prefix tools/js --no-audit --no-fund --loglevel=error
fi
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
