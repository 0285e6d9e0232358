"""Column documentation inside the warehouse: `COMMENT ON` every contract table, view and column.

The text comes from the descriptions in sitrep/tables.yaml, so `duckdb_tables()`,
`duckdb_views()`, `duckdb_columns()` and SQL clients such as DBeaver show what a column means.
"""

from __future__ import annotations

import duckdb

from sitrep.schema import contract


def comment_statements() -> list[str]:
    """The COMMENT ON statements for every documented table, view and column, in contract order."""
    c = contract()
    out = []
    for table in c.tables.values():
        out.append(f"COMMENT ON TABLE {table.name} IS {_literal(table.description)}")
        out += [f'COMMENT ON COLUMN {table.name}."{col.name}" IS {_literal(col.description)}'
                for col in table.columns if col.description]
    for view in c.views.values():
        out.append(f"COMMENT ON VIEW {view.name} IS {_literal(view.description)}")
        out += [f'COMMENT ON COLUMN {view.name}."{name}" IS {_literal(text)}' for name, text in view.columns.items()]
    return out


def apply_comments(con: duckdb.DuckDBPyConnection) -> None:
    """Set every comment (idempotent: COMMENT ON replaces). Call after the tables and views exist,
    inside the schema transaction; a view re-created by `create or replace` loses its comments."""
    for statement in comment_statements():
        con.execute(statement)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
