"""Query results as text or files: csv, json, parquet, a terminal table, vertical records.

CSV cannot hold a list, so nested values (`weapons`, `aliases`, `minhash`, structs, maps) are
written JSON-encoded in their cell (`["drone","rocket"]`): unambiguous whatever the items hold
(commas, pipes, quotes) and read back by any JSON parser (`json.loads`, DuckDB's `from_json`,
Polars' `str.json_decode`). JSON and Parquet keep them as lists. Dates and timestamps are ISO 8601.
"""

from __future__ import annotations

import contextlib
import io
import json
from typing import BinaryIO

import duckdb
import pyarrow as pa

from warehouse.exceptions import QueryError

FORMATS = ("table", "line", "csv", "json", "parquet")
# Characters of one cell in table mode before it is cut with an ellipsis.
DEFAULT_MAX_WIDTH = 40
# Rows a table shows before it elides the middle ones; the record view shows as many records.
DEFAULT_MAX_ROWS = 40
ELLIPSIS = "…"


def flatten_nested(table: pa.Table) -> pa.Table:
    """The same table with every list, struct or map column JSON-encoded as a string column
    (DuckDB's `to_json`, vectorized); other columns unchanged, column order kept."""
    if not any(pa.types.is_nested(f.type) for f in table.schema):
        return table
    # columns by position (c0, c1, ...): a result's names may hold quotes ('"left"(evidence, 10)')
    # or repeat, neither of which survives as an SQL identifier
    names = table.column_names
    con = duckdb.connect()
    try:
        con.register("result", table.rename_columns([f"c{i}" for i in range(len(names))]))
        columns = ", ".join(f"to_json(c{i})::varchar as c{i}" if pa.types.is_nested(f.type) else f"c{i}"
                            for i, f in enumerate(table.schema))
        return con.sql(f"select {columns} from result").to_arrow_table().rename_columns(names)
    finally:
        con.close()


def write_csv(table: pa.Table, sink: BinaryIO) -> None:
    """RFC 4180 CSV with a header row; nested values JSON-encoded (see the module docstring)."""
    import pyarrow.csv as pacsv

    pacsv.write_csv(flatten_nested(table), sink)


def write_json(table: pa.Table, sink: BinaryIO) -> None:
    """A JSON array of objects, one per row; lists stay arrays, dates and times ISO 8601."""
    sink.write((json.dumps(table.to_pylist(), default=_iso, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))


def write_parquet(table: pa.Table, sink: BinaryIO) -> None:
    """Parquet (zstd), the Arrow types kept: lists stay lists, dates stay dates."""
    import pyarrow.parquet as pq

    pq.write_table(table, sink, compression="zstd")


def render_table(table: pa.Table, width: int, max_width: int = DEFAULT_MAX_WIDTH, max_rows: int = DEFAULT_MAX_ROWS) -> str:
    """A boxed table that fits `width` terminal columns (DuckDB's renderer): cells longer than
    `max_width` characters end in an ellipsis, columns that do not fit are elided in the middle
    (shown as …), and beyond `max_rows` rows the middle rows are elided with a count."""
    con = duckdb.connect()
    try:
        con.register("result", _shorten(table, max_width))
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):  # DuckDB's renderer prints; the CLI picks the sink
            con.sql("select * from result").show(max_width=max(width, 20), max_rows=max_rows,
                                                 max_col_width=max_width)
        return buffer.getvalue()
    finally:
        con.close()


def render_lines(table: pa.Table, max_width: int | None = None) -> str:
    """Vertical records (sqlite's `.mode line`): `column = value` per line, a blank line between
    rows; values longer than `max_width` end in an ellipsis (no limit when None)."""
    names = table.column_names
    pad = max((len(n) for n in names), default=0)
    out = []
    for row in table.to_pylist():
        for name in names:
            value = _text(row[name])
            if max_width and len(value) > max_width:
                value = value[:max_width - 1] + ELLIPSIS
            out.append(f"{name.rjust(pad)} = {value}")
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def write(table: pa.Table, fmt: str, sink: BinaryIO) -> None:
    """Write `table` as csv, json or parquet to a binary sink; QueryError for another format."""
    writers = {"csv": write_csv, "json": write_json, "parquet": write_parquet}
    if fmt not in writers:
        raise QueryError(f"format {fmt!r} cannot be written to a file or pipe: use {', '.join(writers)}")
    writers[fmt](table, sink)


def _shorten(table: pa.Table, max_width: int) -> pa.Table:
    """Every column as text cut to `max_width` characters (nested values JSON-encoded first), so
    the renderer never wraps a cell over several lines."""
    flat = flatten_nested(table)
    con = duckdb.connect()
    try:
        con.register("result", flat)
        cut = max(max_width, 2) - 1
        columns = ", ".join(
            f"""case when length(regexp_replace("{n}"::varchar, '\\s+', ' ', 'g')) > {max_width}
                     then left(regexp_replace("{n}"::varchar, '\\s+', ' ', 'g'), {cut}) || '{ELLIPSIS}'
                     else regexp_replace("{n}"::varchar, '\\s+', ' ', 'g') end as "{n}\""""
            if pa.types.is_string(f.type) or pa.types.is_large_string(f.type) else f'"{n}"'
            # a column named by its expression ('left(evidence, 60)', '"x"') quotes its own quotes
            for f in flat.schema for n in [f.name.replace('"', '""')])
        return con.sql(f"select {columns} from result").to_arrow_table()
    finally:
        con.close()


def _text(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=_iso, ensure_ascii=False)
    return str(value)


def _iso(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
