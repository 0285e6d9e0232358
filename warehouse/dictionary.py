"""The data dictionary page (docs/data-dictionary.md), generated from sitrep/tables.yaml.

Regenerate after changing the contract: `python -m warehouse.dictionary > docs/data-dictionary.md`
(tests/warehouse/test_comments.py fails while the page and the contract disagree).
"""

from __future__ import annotations

from sitrep.schema import contract


def data_dictionary() -> str:
    """Markdown: one section per table (grain, key, columns with type, NULL, description) and
    per view, then the vocabularies."""
    c = contract()
    lines = ["# sitrep data dictionary", "",
             f"Generated from `sitrep/tables.yaml` (contract version {c.version}) by "
             "`python -m warehouse.dictionary`; do not edit by hand. The same descriptions are stored in the "
             "warehouse as comments: `select table_name, column_name, comment from duckdb_columns() "
             "where comment is not null`.", "",
             "Columns marked *extra* are sitrep's additions to the contract in `../shared/DESIGN.md`.", ""]
    for table in c.tables.values():
        lines += [f"## `{table.name}`", "", table.description, "",
                  f"Grain: {table.grain}. Key: `{', '.join(table.key)}`.", "",
                  "| column | type | NULL | description |", "| --- | --- | --- | --- |"]
        lines += [f"| `{col.name}` | {col.type} | {'yes' if col.nullable else 'no'} | "
                  f"{_cell(col.description)}{' *(extra)*' if col.extra else ''} |" for col in table.columns]
        lines.append("")
    for view in c.views.values():
        lines += [f"## `{view.name}` (view)", "", view.description, "",
                  "| column | description |", "| --- | --- |"]
        lines += [f"| `{name}` | {_cell(text)} |" for name, text in view.columns.items()]
        lines.append("")
    lines += ["## Vocabularies", "", "| name | values |", "| --- | --- |"]
    lines += [f"| `{name}` | {', '.join(f'`{v}`' for v in values)} |" for name, values in c.vocabularies.items()]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


if __name__ == "__main__":
    import sys

    sys.stdout.write(data_dictionary())
