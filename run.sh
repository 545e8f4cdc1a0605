#!/usr/bin/env bash
# Kelas Humas Digital: set everything up in .venv/ and run the course.
#   ./run.sh            set up, build the course book, serve it on 127.0.0.1 and start a local JupyterLab where
#                       the live tools run; prints both addresses (Ctrl+C stops both)
#   ./run.sh --check    the same, but non-interactive: build, check that both servers answer, stop (CI smoke test)
#   ./run.sh --sample   check the sample draft and print the report
#   ./run.sh FILE ...   check your own draft (arguments go to `python -m autograders analyze`)
set -euo pipefail
cd "$(dirname "$0")"
# Run setup as its own process: it finds the repository from its own path ($0).
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
case "${1:-}" in
  "" | --check)
    scripts/build_book.sh
    exec scripts/serve_course.sh "$@"
    ;;
  --sample)
    echo "== Contoh: memeriksa draf contoh (samples/blog-mal-pelayanan.md) =="
    exec .venv/bin/python -m autograders analyze samples/blog-mal-pelayanan.md --keyphrase "mal pelayanan publik" \
      --slug mal-pelayanan-publik --url https://sukamajukota.go.id/berita/mal-pelayanan-publik
    ;;
  -h | --help)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    exec .venv/bin/python -m autograders analyze "$@"
    ;;
esac
