"""How the CLI prints query results: where the query comes from and where its rows go.

The formats themselves live in warehouse/format.py; this module picks the terminal width, the
sink (standard output or `--output FILE`) and reads the query from an argument, `-` or a file.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError

if TYPE_CHECKING:
    import pyarrow as pa

FORMAT_HELP = ("table (fits the terminal; too wide for it, one record per block as psql's \\x auto), "
               "line (one 'column = value' per line), csv, json or parquet.")
# DuckDB's renderer ends a table it had to cut with "N columns (M shown)".
ELLIPSIS = "…"
_ELIDED_COLUMNS = re.compile(r"\d+ columns \(\d+ shown\)")


def read_query(query: str | None, file: Path | None, stdin=None) -> str:
    """The SQL text: the argument, standard input when it is `-`, or the `--file` contents.
    SitrepError when none or both are given, or the file cannot be read."""
    if query is not None and file is not None:
        raise SitrepError("give the query as an argument or with --file, not both")
    if file is not None:
        try:
            return file.read_text(encoding="utf-8")
        except OSError as exc:
            raise SitrepError(f"cannot read --file {file}: {exc.strerror}") from None
    if query == "-":
        return (stdin or sys.stdin).read()
    if not query or not query.strip():
        raise SitrepError("no query: give one as an argument, '-' to read standard input, or --file FILE.sql")
    return query


def check_format(fmt: str) -> str:
    """`fmt` if it is a known output format, else SitrepError (before any query runs)."""
    fmt_ = _formats()
    if fmt not in fmt_.FORMATS:
        raise SitrepError(f"unknown --format {fmt!r}: use {', '.join(fmt_.FORMATS)}")
    return fmt


def emit(table: pa.Table, fmt: str, output: Path | None, max_width: int | None, title: str | None = None) -> None:
    """Write `table` in `fmt` to `output` or standard output. Table and line formats go to the
    terminal (or the file as text); parquet needs a file or a pipe, never a terminal."""
    check_format(fmt)
    fmt_ = _formats()
    if fmt in ("table", "line"):
        text = _render(table, fmt, max_width, title, output is None)
        if output is None:
            sys.stdout.write(text)
        else:
            _open(output, lambda sink: sink.write(text.encode("utf-8")))
        return
    if output is None:
        if fmt == "parquet" and sys.stdout.isatty():
            raise SitrepError("parquet is binary: pass --output FILE.parquet or redirect standard output")
        sys.stdout.flush()
        fmt_.write(table, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    _open(output, lambda sink: fmt_.write(table, fmt, sink))


def _render(table: pa.Table, fmt: str, max_width: int | None, title: str | None, terminal: bool) -> str:
    fmt_ = _formats()
    if fmt == "line":
        return fmt_.render_lines(table, max_width)
    width = shutil.get_terminal_size((120, 24)).columns if terminal else 10_000
    text = fmt_.render_table(table, width, max_width or fmt_.DEFAULT_MAX_WIDTH)
    if terminal and _hides_columns(text):
        # Hidden columns hide what the user asked for (a quarantine reason, a run's kind):
        # like psql's `\x auto`, a table too wide for the terminal prints one block per record.
        pad = max((len(name) for name in table.column_names), default=0)
        text = fmt_.render_lines(table.slice(0, fmt_.DEFAULT_MAX_ROWS), max_width or max(20, width - pad - 3))
        if table.num_rows > fmt_.DEFAULT_MAX_ROWS:
            text += f"… {table.num_rows - fmt_.DEFAULT_MAX_ROWS} more rows (all of them: --format line, csv or json)\n"
    return f"{title}\n{text}" if title else text


def _hides_columns(text: str) -> bool:
    """True when DuckDB's box renderer left a column out ("5 columns (3 shown)") or squeezed one
    to a lone … in its header, which happens when --max-width is wider than the terminal."""
    if _ELIDED_COLUMNS.search(text):
        return True
    lines = text.splitlines()
    header = lines[1] if len(lines) > 1 else ""
    return any(cell.strip() == ELLIPSIS for cell in header.split("│")[1:-1])


def _formats():
    """warehouse.format, imported when a command prints rows: it loads DuckDB and pyarrow, which
    `sitrep run` does not need at start, nor its NLP workers (they import this module's package)."""
    from warehouse import format as fmt_

    return fmt_


def _open(output: Path, write, label: str = "--output") -> None:
    try:
        with open(output, "wb") as sink:
            write(sink)
    except OSError as exc:
        raise SitrepError(f"cannot write {label} {output}: {exc.strerror}") from None


def write_file(path: Path, data: bytes, label: str) -> None:
    """Write bytes to a file the user named with option `label`; a missing folder or a denied
    write is one SitrepError naming the option and the path."""
    _open(path, lambda sink: sink.write(data), label)


def plain_argument_metavars() -> None:
    """Help shows an argument by its metavar alone ("QUERY", "[TABLE]..."): typer 0.29 appends
    the Python type ("QUERY <str>", "<list[str]>") even when a metavar is given, which options
    do not do."""
    from typer.core import TyperArgument

    original = TyperArgument.display_type_rich
    if getattr(original, "_sitrep", False):
        return

    def display_type_rich(self, ctx):
        return None if self.metavar is not None else original(self, ctx)

    display_type_rich._sitrep = True
    TyperArgument.display_type_rich = display_type_rich
