"""Column documentation: every contract column described in sitrep/tables.yaml, stored in the
warehouse as comments, and the data dictionary page generated from the same file."""

from __future__ import annotations

from sitrep.schema import contract
from tests.conftest import REPO
from warehouse import store
from warehouse.dictionary import data_dictionary


def test_every_contract_table_and_column_has_a_description():
    missing = [f"{t.name}.{c.name}" for t in contract().tables.values() for c in t.columns if not c.description.strip()]
    missing += [t.name for t in contract().tables.values() if not t.description.strip()]
    assert not missing, f"describe these in sitrep/tables.yaml: {', '.join(missing)}"


def test_every_view_column_is_documented(con):
    for view in contract().views.values():
        have = [r[0] for r in con.execute(f"describe {view.name}").fetchall()]
        assert view.description and list(view.columns) == have, view.name
        assert all(text.strip() for text in view.columns.values()), view.name


def test_the_warehouse_carries_the_descriptions_as_comments(con):
    stored = {(t, c): comment for t, c, comment in con.execute(
        "select table_name, column_name, comment from duckdb_columns() where schema_name = 'main'").fetchall()}
    for table in contract().tables.values():
        for column in table.columns:
            assert stored[(table.name, column.name)] == column.description
    for view in contract().views.values():
        for name, text in view.columns.items():
            assert stored[(view.name, name)] == text
    tables = dict(con.execute("select table_name, comment from duckdb_tables()").fetchall())
    views = dict(con.execute("select view_name, comment from duckdb_views() where not internal").fetchall())
    assert tables["attack_events"] == contract()["attack_events"].description
    assert views["weekly_attack_counts"] == contract().views["weekly_attack_counts"].description


def test_comments_survive_a_second_schema_pass(con):
    store.ensure_schema(con)  # every run re-creates the views, which drops their comments
    assert con.execute("select comment from duckdb_views() where view_name = 'reported_tallies'").fetchone()[0]


def test_the_data_dictionary_page_is_generated_from_the_contract():
    page = REPO / "docs" / "data-dictionary.md"
    assert page.read_text(encoding="utf-8") == data_dictionary(), \
        "regenerate: python -m warehouse.dictionary > docs/data-dictionary.md"
    for table in contract().tables.values():
        assert f"## `{table.name}`" in page.read_text(encoding="utf-8")
