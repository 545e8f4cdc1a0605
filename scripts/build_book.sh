#!/usr/bin/env bash
# Build the course book offline-ready: vendor the JavaScript it serves itself (from npm packages), then
# run Jupyter Book 1 with warnings as errors. Usage: scripts/build_book.sh [extra jupyter-book args]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
if [ ! -d tools/book-js/node_modules/@jupyter-widgets/html-manager ]; then
  echo "Memasang JavaScript buku (tools/book-js) ..."
  npm ci --prefix tools/book-js --no-audit --no-fund --loglevel=error
fi
vendor=book/_vendor
rm -rf "$vendor"
mkdir -p "$vendor/_widgets" "$vendor/_mathjax"
cp tools/book-js/node_modules/requirejs/require.js "$vendor/_widgets/require.min.js"
cp -r tools/book-js/node_modules/@jupyter-widgets/html-manager/dist/. "$vendor/_widgets/"
cp -r tools/book-js/node_modules/mathjax/es5/. "$vendor/_mathjax/"
.venv/bin/jupyter-book build -W --keep-going "$@" .
