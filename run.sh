#!/usr/bin/env bash
# Kelas Humas Digital: set everything up in .venv/ and run the course. `./run.sh --help` says how (in Indonesian).
# Each step prints one line; its full output goes to _build/logs/ (shown when a step fails).
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  cat <<'EOF'
Kelas Humas Digital: menyiapkan dan menjalankan kursus di komputer ini.

Pemakaian:
  ./run.sh               menyiapkan .venv/, membangun buku kursus, lalu menjalankan buku itu dan
                         JupyterLab (tempat alat langsung berjalan) di 127.0.0.1; kedua alamatnya
                         ditampilkan di akhir. Tekan Ctrl+C untuk menghentikan keduanya.
  ./run.sh --check       sama seperti di atas, tetapi langsung berhenti setelah kedua server menjawab
                         (uji singkat untuk CI)
  ./run.sh --sample      memeriksa draf contoh samples/blog-mal-pelayanan.md dan menampilkan laporannya
  ./run.sh BERKAS ...    memeriksa draf Anda sendiri, misalnya:
                           ./run.sh draf.md --keyphrase "urus ktp"
                         (opsi lainnya: .venv/bin/python -m autograders analyze --help)
  ./run.sh --help        menampilkan bantuan ini

Setiap langkah menulis satu baris kemajuan; catatan lengkapnya ada di folder _build/logs/.
Pengaturan lewat variabel lingkungan: BOOK_PORT (bawaan 8000), LAB_PORT (bawaan 8888), LAB_TOKEN, dan
KELAS_HUB_URL (alamat JupyterHub instansi untuk tombol "Buka di JupyterHub" di buku).
EOF
}

case "${1:-}" in
  -h | --help)
    usage
    exit 0
    ;;
esac

logs=_build/logs
mkdir -p "$logs"

# step MESSAGE LOGFILE COMMAND...: one progress line; the command's output goes to LOGFILE, its last lines to
# the screen only if it fails.
step() {
  local message=$1 log=$2 start=$SECONDS
  shift 2
  printf '%s ... ' "$message"
  if "$@" >"$log" 2>&1; then
    echo "selesai ($((SECONDS - start)) detik)"
  else
    local code=$?
    echo "GAGAL"
    echo "Catatan lengkap: $log. Bagian akhirnya:" >&2
    tail -n 30 "$log" >&2
    exit "$code"
  fi
}

# Setup runs as its own process: it finds the repository from its own path ($0).
case "${1:-}" in
  "" | --check)
    echo "Kelas Humas Digital"
    step "[1/3] Menyiapkan lingkungan Python (.venv/)" "$logs/setup.log" bash scripts/setup.sh
    export PATH="$PWD/.venv/bin:$PATH"
    step "[2/3] Membangun buku kursus (catatan: $logs/book-build.log)" "$logs/book-build.log" scripts/build_book.sh
    echo "[3/3] Menjalankan buku dan JupyterLab (catatan: $logs/book-server.log, $logs/jupyterlab.log) ..."
    exec scripts/serve_course.sh "$@"
    ;;
esac

if ! bash scripts/setup.sh >"$logs/setup.log" 2>&1; then
  echo "Galat: lingkungan Python (.venv/) tidak dapat disiapkan. Catatan lengkap: $logs/setup.log" >&2
  tail -n 30 "$logs/setup.log" >&2
  exit 1
fi
export PATH="$PWD/.venv/bin:$PATH"
case "${1:-}" in
  --sample)
    echo "== Contoh: memeriksa draf contoh (samples/blog-mal-pelayanan.md) =="
    exec .venv/bin/python -m autograders analyze samples/blog-mal-pelayanan.md --keyphrase "mal pelayanan publik" \
      --slug mal-pelayanan-publik --url https://sukamajukota.go.id/berita/mal-pelayanan-publik
    ;;
  *)
    exec .venv/bin/python -m autograders analyze "$@"
    ;;
esac
