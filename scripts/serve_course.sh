#!/usr/bin/env bash
# Serve the built course book and a JupyterLab for the live tools, both on loopback only.
#   scripts/serve_course.sh           serve until Ctrl+C
#   scripts/serve_course.sh --check   start both, check that both answer, stop (smoke test; exit 1 if not)
# Environment: BOOK_PORT (8000), LAB_PORT (8888), LAB_TOKEN (random); a busy port is replaced by a free one.
# Expects the book in _build/html (scripts/build_book.sh) and the virtualenv in .venv (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
py=.venv/bin/python
check=0
[ "${1:-}" = "--check" ] && check=1

if [ ! -f _build/html/index.html ]; then
  echo "Galat: buku belum dibangun (_build/html/index.html tidak ada). Jalankan ./run.sh atau scripts/build_book.sh." >&2
  exit 2
fi

free_port() {  # the wanted port when it is free, else any free port
  "$py" - "$1" <<'EOF'
import socket, sys
wanted = int(sys.argv[1])
for port in (wanted, 0):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(s.getsockname()[1])
        break
EOF
}

book_port=$(free_port "${BOOK_PORT:-8000}")
lab_port=$(free_port "${LAB_PORT:-8888}")
token="${LAB_TOKEN:-$("$py" -c 'import secrets; print(secrets.token_hex(16))')}"

# A starter notebook with every live tool (generated: the tools live in autograders.widgets).
mkdir -p _build/lab
"$py" - <<'EOF'
import nbformat
cells = [nbformat.v4.new_markdown_cell(
    "# Alat langsung Kelas Humas Digital\n\n"
    "Jalankan setiap sel (**Shift+Enter**), lalu tulis atau tempelkan draf Anda ke kotak yang muncul. "
    "Laporan diperbarui sendiri setiap kali Anda berhenti mengetik sejenak. "
    "Bab buku juga dapat dibuka sebagai buku catatan: klik kanan berkas di folder `book/`, "
    "lalu pilih **Open With → Jupytext Notebook**.")]
for title, call in [("Pemeriksa draf", "draft_checker()"), ("Pratinjau hasil pencarian", "serp_preview()"),
                    ("Penyusun unggahan", "post_composer()"), ("Pemeriksa siaran pers", "press_release_checker()"),
                    ("Dasbor monitoring", "monitoring_dashboard()")]:
    cells.append(nbformat.v4.new_markdown_cell(f"## {title}"))
    cells.append(nbformat.v4.new_code_cell(f"from autograders.widgets import {call[:-2]}\n{call}"))
nb = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
nbformat.write(nb, "_build/lab/alat-langsung.ipynb")
EOF

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p _build/logs
"$py" -m http.server --bind 127.0.0.1 --directory _build/html "$book_port" >_build/logs/book-server.log 2>&1 &
pids+=($!)
lab_args=(--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port="$lab_port" --ServerApp.port_retries=0
          --ServerApp.token="$token" --ServerApp.root_dir="$root" --ServerApp.open_browser=False)
[ "$(id -u)" = "0" ] && lab_args+=(--allow-root)
# Started from exercises/: nbgrader's Validate button reads the nbgrader_config.py of the server's working folder,
# so a trainee who does the exercises here gets the course's Indonesian report (autograders.grading.validation).
(cd exercises && exec "$root/.venv/bin/jupyter" lab "${lab_args[@]}") >_build/logs/jupyterlab.log 2>&1 &
pids+=($!)

book_url="http://127.0.0.1:$book_port/"
lab_url="http://127.0.0.1:$lab_port/lab/tree/_build/lab/alat-langsung.ipynb?token=$token"

# Wait until both answer (JupyterLab needs a few seconds).
"$py" - "$book_url" "${book_url}kelas-web/manifest.json" "http://127.0.0.1:$lab_port/api/status?token=$token" <<'EOF' || { echo "Galat: server tidak menjawab; lihat _build/logs/." >&2; exit 1; }
import sys, time, urllib.request
deadline = time.time() + 90
for url in sys.argv[1:]:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.time() > deadline:
            sys.exit(1)
        time.sleep(0.5)
EOF

echo
echo "Buku kursus   : $book_url"
echo "                (alat langsung dan latihan berjalan di halaman buku, di peramban; tanpa server)"
echo "JupyterLab    : $lab_url"
echo "                (alat langsung di _build/lab/alat-langsung.ipynb; bab buku di folder book/)"
if [ "$check" = 1 ]; then
  echo "Pemeriksaan selesai: kedua server menjawab. Server dihentikan."
  exit 0
fi
echo "Tekan Ctrl+C untuk berhenti."
wait -n "${pids[@]}"
echo "Galat: salah satu server berhenti; lihat _build/logs/." >&2
exit 1
