#!/usr/bin/env bash
# Kelas Humas Digital: set everything up in .venv/ and run the course.
#   ./run.sh            set up, then check the sample draft and print the report
#   ./run.sh FILE ...   set up, then check your own draft (arguments go to `python -m autograders analyze`)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m autograders analyze "$@"
fi
echo "== Contoh: memeriksa draf contoh (samples/blog-mal-pelayanan.md) =="
.venv/bin/python -m autograders analyze samples/blog-mal-pelayanan.md --keyphrase "mal pelayanan publik" \
  --slug mal-pelayanan-publik --url https://sukamajukota.go.id/berita/mal-pelayanan-publik
