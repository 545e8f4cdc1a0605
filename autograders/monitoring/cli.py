"""Command line: ``python -m autograders monitor PATH --brand "NAMA=istilah1,istilah2" [--peer …] …``.

The main CLI calls :func:`add_arguments` on its ``monitor`` subparser and :func:`run` with the parsed
arguments; ``python -m autograders.monitoring`` does the same on its own.
Exit codes: 0 success, 2 unreadable input or wrong arguments (one Indonesian line on stderr).
"""
from __future__ import annotations

import argparse

from ..argparse_id import IndonesianParser
import json
import sys

from .errors import MonitoringInputError


def _brand_spec(text: str) -> tuple[str, list[str]]:
    name, sep, terms = text.partition("=")
    name = name.strip()
    items = [t.strip() for t in terms.split(",") if t.strip()]
    if not sep or not name or not items:
        raise argparse.ArgumentTypeError(
            f"format salah: '{text}'. Gunakan NAMA=istilah1,istilah2, misalnya \"Sukamaju=Sukamaju,@pemkabsukamaju\"")
    return name, items


def _mapping_spec(text: str) -> tuple[str, str]:
    std, sep, source = text.partition("=")
    if not sep or not std.strip() or not source.strip():
        raise argparse.ArgumentTypeError(f"format salah: '{text}'. Gunakan KOLOM_BAKU=KOLOM_BERKAS, misalnya text=Isi")
    return std.strip(), source.strip()


def _k_value(text: str) -> float:
    try:
        k = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"nilai k harus berupa angka, bukan '{text}'") from None
    if not 0 <= k <= 10:
        raise argparse.ArgumentTypeError("nilai k harus antara 0 dan 10")
    return k


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``monitor`` arguments (help in Indonesian) to a parser or subparser."""
    parser.add_argument("path", metavar="BERKAS", help="berkas CSV atau Excel berisi unggahan media sosial")
    parser.add_argument("--brand", action="append", type=_brand_spec, required=True, metavar="NAMA=ISTILAH,…",
                        help="merek yang dipantau dan istilah pencariannya (nama, akun, tagar); boleh diulang")
    parser.add_argument("--peer", action="append", type=_brand_spec, default=[], metavar="NAMA=ISTILAH,…",
                        help="pembanding (instansi lain) dan istilahnya; boleh diulang")
    parser.add_argument("--format", choices=("json", "html"), default="json",
                        help="format keluaran: json (bawaan) atau html (laporan lengkap dengan grafik)")
    parser.add_argument("--out", metavar="BERKAS_KELUARAN", help="tulis hasil ke berkas ini (bawaan: layar)")
    parser.add_argument("--k", type=_k_value, default=2.0,
                        help="kepekaan deteksi lonjakan: rata-rata 7 hari + k·σ (bawaan 2; 1,5 lebih peka; 3 lebih ketat)")
    parser.add_argument("--min-volume", type=int, default=10, metavar="N",
                        help="jumlah sebutan 24 jam paling sedikit agar lonjakan dilaporkan (bawaan 10)")
    parser.add_argument("--reach-weighted", action="store_true",
                        help="hitung pangsa suara berbobot jangkauan, bukan jumlah sebutan")
    parser.add_argument("--map", action="append", type=_mapping_spec, default=[], metavar="KOLOM=NAMA_KOLOM",
                        help="pemetaan kolom berkas ke kolom baku (timestamp, text, platform, author, followers, "
                             "likes, comments, shares, url, reach); boleh diulang")
    parser.add_argument("--sheet", default=0, metavar="LEMBAR", help="nama atau nomor lembar untuk berkas Excel (bawaan: lembar pertama)")


def _fail(message: str) -> int:
    print(f"Kesalahan: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Run the analysis for parsed arguments; prints or writes the result and returns the exit code."""
    from .loading import load_mentions
    from .summary import monitor

    brands = dict(args.brand)
    peers = dict(args.peer or [])
    sheet = args.sheet
    if isinstance(sheet, str) and sheet.isdigit():
        sheet = int(sheet)
    try:
        df = load_mentions(args.path, mapping=dict(args.map or []) or None, sheet=sheet)
        result = monitor(df, brands, peers, k=args.k, reach_weighted=args.reach_weighted,
                         min_volume=args.min_volume)
    except MonitoringInputError as exc:
        return _fail(str(exc))
    if args.format == "html":
        from .report_html import render_html_report
        output = render_html_report(result, df)
    else:
        output = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        try:
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(output)
        except OSError as exc:
            return _fail(f"tidak dapat menulis {args.out}: {exc.strerror or exc}")
        print(f"Hasil ditulis ke {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 0


def build_parser(prog: str = "python -m autograders.monitoring") -> argparse.ArgumentParser:
    parser = IndonesianParser(prog=prog, description="Pemantauan media sosial: volume, pangsa suara, keterlibatan, "
                                                     "sentimen, dan lonjakan sebutan.")
    add_arguments(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))
