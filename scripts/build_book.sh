#!/usr/bin/env bash
# Build the course book offline-ready: vendor the JavaScript it serves itself (from npm packages), assemble the
# in-page practice space (scripts/build_web.py: Pyodide, engine wheels, exercise forms), then run Jupyter Book 1
# with warnings as errors. Usage: scripts/build_book.sh [extra jupyter-book args]
#
# Launch buttons: an agency sets ONE value, the address of its JupyterHub, either in _config.yml
# (launch_buttons.jupyterhub_url) or for one build as KELAS_HUB_URL=https://hub.example.go.id. The buttons open
# each chapter in JupyterLab on that hub through nbgitpuller, from the repository this checkout was cloned from
# (git remote "origin", current branch; KELAS_REPO_URL overrides it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
if [ ! -d tools/book-js/node_modules/@jupyter-widgets/html-manager ] || [ ! -d tools/book-js/node_modules/pyodide ]; then
  echo "Memasang JavaScript buku (tools/book-js) ..."
  npm ci --prefix tools/book-js --no-audit --no-fund --loglevel=error
fi
vendor=book/_vendor
rm -rf "$vendor"
mkdir -p "$vendor/_widgets" "$vendor/_mathjax"
cp tools/book-js/node_modules/requirejs/require.js "$vendor/_widgets/require.min.js"
cp -r tools/book-js/node_modules/@jupyter-widgets/html-manager/dist/. "$vendor/_widgets/"
cp -r tools/book-js/node_modules/mathjax/es5/. "$vendor/_mathjax/"
# The in-page practice space (Pyodide runtime, engine and dependency wheels, exercises): book/_web/kelas-web/.
.venv/bin/python scripts/build_web.py
config=_config.yml
hub="${KELAS_HUB_URL:-$(.venv/bin/python -c 'import yaml; print((yaml.safe_load(open("_config.yml")).get("launch_buttons") or {}).get("jupyterhub_url") or "")')}"
if [ -n "$hub" ]; then
  repo="${KELAS_REPO_URL:-$(git remote get-url origin 2>/dev/null || true)}"
  if [ -z "$repo" ]; then
    echo "Kesalahan: tombol JupyterHub memerlukan alamat repositori kursus. Isi KELAS_REPO_URL." >&2
    exit 2
  fi
  branch="$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)"
  config=_build/_config.launch.yml
  mkdir -p _build
  HUB="$hub" REPO="$repo" BRANCH="$branch" .venv/bin/python - <<'PY'
import os, yaml
config = yaml.safe_load(open("_config.yml", encoding="utf-8"))
config.setdefault("launch_buttons", {})["jupyterhub_url"] = os.environ["HUB"].rstrip("/")
config["repository"] = {"url": os.environ["REPO"], "branch": os.environ["BRANCH"]}
# A self-hosted git server is not GitHub: the theme builds the nbgitpuller link the same way for "gitlab".
theme = config.setdefault("sphinx", {}).setdefault("config", {}).setdefault("html_theme_options", {})
theme.setdefault("repository_provider", "gitlab")
# jupyter-book reads local extension folders relative to the config file, which now sits in _build/.
local = config["sphinx"].get("local_extensions") or {}
for name, folder in local.items():
    local[name] = os.path.relpath(folder, "_build")
yaml.safe_dump(config, open("_build/_config.launch.yml", "w", encoding="utf-8"), allow_unicode=True, sort_keys=False)
PY
fi
.venv/bin/jupyter-book build -W --keep-going --config "$config" "$@" .
# Sphinx copies html_extra_path only when some page is out of date, so after a change to the engine alone an
# incremental build would serve the old practice space: copy it into the site every time.
site=_build/html
args=("$@")
for i in "${!args[@]}"; do
  [ "${args[$i]}" = "--path-output" ] && site="${args[$((i + 1))]}/_build/html"
done
rm -rf "$site/kelas-web"
cp -r book/_web/kelas-web "$site/kelas-web"
