"""argparse in Indonesian: usage line, section titles and error messages, shared by every command."""
from __future__ import annotations

import argparse
import sys

_ERRORS = (
    ("the following arguments are required", "argumen berikut wajib diisi"),
    ("unrecognized arguments", "argumen tidak dikenal"),
    ("invalid choice", "pilihan tidak sah"),
    ("choose from", "pilih dari"),
    ("expected one argument", "perlu satu nilai"),
    ("argument ", "argumen "),
)


def translate(message: str) -> str:
    for english, indonesian in _ERRORS:
        message = message.replace(english, indonesian)
    return message


class IndonesianFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Penggunaan: " if prefix is None else prefix)


class IndonesianParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are Indonesian; errors are one line on stderr, exit code 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", IndonesianFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen posisi"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str):  # noqa: D401 - argparse hook
        self.print_usage(sys.stderr)
        self.exit(2, f"Kesalahan: {translate(message)}\n")
