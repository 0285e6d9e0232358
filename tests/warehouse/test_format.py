"""Query results as files: a list column beside any other column, whatever the result names it."""

from __future__ import annotations

import io

import pyarrow as pa

from warehouse.format import flatten_nested, write_csv


def test_a_list_column_beside_quoted_and_repeated_names_is_json_encoded():
    """DuckDB names an unaliased expression with quotes ('"left"(evidence, 10)') and a query
    may repeat a name: neither may break the JSON encoding of the list column beside it."""
    table = pa.table([pa.array([["drone", "rocket"], []]), pa.array(["Two drone", "A rocket"]),
                      pa.array([1, 2]), pa.array([3, 4])],
                     names=["weapons", '"left"(evidence, 10)', "a", "a"])
    flat = flatten_nested(table)
    assert flat.column_names == table.column_names
    assert flat.column(0).to_pylist() == ['["drone","rocket"]', "[]"]
    assert flat.column(3).to_pylist() == [3, 4]
    sink = io.BytesIO()
    write_csv(table, sink)
    assert sink.getvalue().decode().splitlines()[0] == '"weapons","""left""(evidence, 10)","a","a"'


def test_a_table_without_nested_columns_is_returned_as_it_is():
    table = pa.table({"x": [1, 2]})
    assert flatten_nested(table) is table


def test_a_quoted_expression_name_renders_as_a_table():
    """The terminal table cuts text cells with SQL over the result: a column DuckDB names with
    quotes ('"left"(evidence, 20)') must not break that query (it raised a parser error)."""
    from warehouse.format import render_table

    table = pa.table([pa.array(["Gunmen killed 12 people in an attack"]), pa.array([1])],
                     names=['"left"(evidence, 20)', 'a"b'])
    out = render_table(table, width=120, max_width=10)
    assert '"left"(evidence, 20)' in out and "Gunmen ki…" in out
