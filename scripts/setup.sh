#!/usr/bin/env bash
# Create .venv/ and install the pinned stack plus this package. Safe to run again (fast when nothing changed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "Membuat lingkungan virtual di .venv/ ..."
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(cat requirements.txt pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "Memasang paket (requirements.txt) ..."
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.txt
  .venv/bin/python -m pip install -q --no-deps -e .
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# The book's in-page tools run the engine in the reader's browser (Pyodide): the pure-Python wheels of its two
# dependencies, at the versions pinned above, are fetched now, while the network is up. scripts/build_web.py
# copies them into the built site (and builds them from the installed packages if this step could not run).
web_wheels=.venv/web-wheels
for pin in $(grep -iE '^(mistune|PySastrawi)==' requirements.txt); do
  name="${pin%%==*}"; version="${pin##*==}"
  if ! ls "$web_wheels" 2>/dev/null | grep -qi "^${name}-${version}-py"; then
    .venv/bin/python -m pip download -q --only-binary=:all: --no-deps -d "$web_wheels" "$pin" >/dev/null 2>&1 \
      || echo "Peringatan: roda $pin untuk buku tidak dapat diunduh; akan dibuat dari paket terpasang." >&2
  fi
done
# nbgrader's Validate button and Assignments panel in Indonesian (deploy/labextension/kelas-humas-nbgrader: plain
# JavaScript, nothing to build): linked into the venv's JupyterLab so ./run.sh's JupyterLab and the hub tests'
# single-user servers load it, and every edit is live. Wheels (TLJH, the hub image) carry a copy (pyproject.toml).
labext_dir=.venv/share/jupyter/labextensions
if [ "$(readlink "$labext_dir/kelas-humas-nbgrader" 2>/dev/null)" != "$PWD/deploy/labextension/kelas-humas-nbgrader" ]; then
  mkdir -p "$labext_dir"
  rm -rf "$labext_dir/kelas-humas-nbgrader"
  ln -s "$PWD/deploy/labextension/kelas-humas-nbgrader" "$labext_dir/kelas-humas-nbgrader"
fi
export PATH="$PWD/.venv/bin:$PATH"
