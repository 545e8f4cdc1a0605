"""Command line: ``python -m autograders <command>``.

Commands: ``analyze`` (one draft), ``monitor`` (social media mentions), ``grade`` and ``report`` (nbgrader
cohorts), ``intake`` (notebooks from the book's exercise pages or an LMS zip into ``submitted/``) and
``grades-export`` (grades as a CSV an LMS imports). Help and errors are in Indonesian. Input that cannot be read exits with code 2 and one line on
stderr; any draft that can be read is analysed (exit 0).
"""
from __future__ import annotations

import argparse
import json
import sys
from importlib import import_module
from pathlib import Path

from . import __version__
from .argparse_id import IndonesianParser
from .inputs import InputError, read_text_input

# Subcommands that live in other modules: name -> (module, help text). Each module has add_arguments(parser)
# and run(args) -> int.
PLUGGED = {
    "monitor": ("autograders.monitoring.cli", "Analisis pemantauan media sosial dari berkas CSV/Excel."),
    "grade": ("autograders.grading.cli", "Menilai kiriman satu tugas nbgrader tanpa menjalankan kode peserta."),
    "report": ("autograders.grading.report_cli", "Menyusun laporan nilai kohort (CSV, halaman umpan balik, grafik)."),
    "intake": ("autograders.grading.intake",
               "Menerima notebook jawaban (folder, berkas, atau zip unduhan LMS) ke submitted/ kursus nbgrader."),
    "grades-export": ("autograders.grading.grades_export",
                      "Mengekspor nilai satu tugas sebagai CSV untuk diimpor LMS (Moodle)."),
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; a plugged command's module (and its heavy imports) loads only when it is the one run."""
    parser = IndonesianParser(prog="python -m autograders",
                              description="Kelas Humas Digital: alat pemeriksa tulisan humas pemerintah.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}", help="tampilkan versi")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=IndonesianParser)

    a = sub.add_parser("analyze", help="Memeriksa keterbacaan dan SEO satu draf.",
                       description="Memeriksa keterbacaan dan SEO satu draf (Markdown, HTML, atau teks biasa).")
    a.add_argument("path", metavar="BERKAS", help="berkas draf, atau - untuk membaca dari masukan standar")
    a.add_argument("--lang", choices=["id", "en"], help="bahasa draf (dideteksi otomatis jika kosong)")
    a.add_argument("--keyphrase", default="", help="frasa kunci yang ingin ditemukan pembaca di mesin pencari")
    a.add_argument("--title", default="", help="judul SEO (jika kosong: H1 pertama)")
    a.add_argument("--description", default="", help="deskripsi meta")
    a.add_argument("--slug", default="", help="slug URL, misalnya urus-ktp-di-mal-pelayanan")
    a.add_argument("--url", default="", help="alamat halaman, untuk membedakan tautan internal dan keluar")
    a.add_argument("--format", choices=["text", "json"], default="text", help="bentuk laporan (bawaan: text)")
    a.add_argument("--feedback-lang", choices=["id", "en"], default="id", help="bahasa umpan balik (bawaan: id)")
    a.add_argument("--kind", choices=["article", "press_release", "social_post"], default="article",
                   help="jenis draf: article (bawaan), press_release, social_post")
    a.add_argument("--platform", default="", help="untuk social_post: x, instagram, facebook, linkedin, tiktok, youtube, threads")
    a.add_argument("--input-format", choices=["markdown", "html", "text"], help="format masukan (dideteksi otomatis jika kosong)")

    for name, (module, help_text) in PLUGGED.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(plugin=module)
        if name != command:
            continue
        try:
            import_module(module).add_arguments(p)
        except ModuleNotFoundError:
            p.set_defaults(unavailable=True)
    return parser


def _text_width() -> int:
    """Report lines for a terminal: its width (``COLUMNS`` when set), between 40 and 100 characters; 80 when
    the output is not a terminal."""
    import shutil

    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns - 1))


def run_analyze(args: argparse.Namespace) -> int:
    from .engine.pipeline import analyze

    try:
        text = read_text_input(args.path)
    except InputError as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    try:
        report = analyze(text, lang=args.lang, keyphrase=args.keyphrase, title=args.title, description=args.description,
                         slug=args.slug, url=args.url, feedback_lang=args.feedback_lang, kind=args.kind,
                         platform=args.platform, fmt=args.input_format)
    except ValueError as error:
        print(f"Kesalahan: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report.to_text(width=_text_width()))
    return 0


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "analyze":
        return run_analyze(args)
    if getattr(args, "unavailable", False):
        print(f"Kesalahan: perintah {args.command} belum tersedia dalam instalasi ini.", file=sys.stderr)
        return 2
    try:
        return int(import_module(args.plugin).run(args) or 0)
    except KeyboardInterrupt:
        print("Dihentikan.", file=sys.stderr)
        return 130
