"""The storage side of `sitrep reprocess`: which stored documents to rebuild, and the
transactions that replace their derived rows (entities, mentions, attack events, tallies,
incidents, duplicates) with those of the current components.

Each batch is one transaction: the batch's documents lose their old mentions, events and
tallies and gain the new ones, their `minhash`, `duplicate_of` and `story_id` are rewritten, and
they (and every new row) carry the reprocess run's `run_id` and the current `pipeline_version`.
Their header facts (title, publisher, publication date, body) and version marks
(`superseded_by`: which files they came from does not change) stay: the body is what every
offset points into. Event, tally and incident ids are content-derived, so they stay where the
facts do. `finish` then links incidents once over all the rebuilt events (as one run's load
does) and, after `--all`, replaces the entities table by the entities the rebuilt rows use.
"""

from __future__ import annotations

import datetime as dt
import re

import duckdb
import pyarrow as pa

from sitrep.schema import contract
from warehouse.exceptions import WarehouseError
from warehouse.incidents import link_incidents
from warehouse.versions import unpair_versions

# The stored document columns a rebuild reads (transforms.staged.from_documents).
DOCUMENT_COLUMNS = ("doc_id", "source_path", "source_sha256", "encoding", "title", "publisher", "section", "dateline",
                    "published_text", "published_date", "published_at", "published_source", "body", "decode_notes",
                    "run_id", "ingested_at")
DERIVED_TABLES = ("mentions", "attack_events", "tallies")
# Scratch tables of a reprocess in progress (dropped by `finish`; a new reprocess starts them afresh).
_KEYS = "sitrep_reprocess_incident_keys"
_ENTITIES = "sitrep_reprocess_entities"


def _version_key(version: str) -> tuple[int, ...]:
    """"sitrep-0.5.0" or "0.5.0" -> (0, 5, 0), compared part by part (sitrep's versions are
    plain release numbers); WarehouseError for anything else."""
    text = version.removeprefix("sitrep-")
    if not re.fullmatch(r"\d+(\.\d+)*", text):
        raise WarehouseError(f"not a sitrep version: {version!r} (e.g. 0.5.0 or sitrep-0.5.0)")
    return tuple(int(part) for part in text.split("."))


def selected_ids(con: duckdb.DuckDBPyConnection, since_version: str | None) -> list[str]:
    """The doc_ids to rebuild, oldest load first: every document (`since_version` None), or
    those whose rows a sitrep older than `since_version` made."""
    rows = con.execute("select doc_id, pipeline_version from documents order by ingested_at, source_path, doc_id").fetchall()
    if since_version is None:
        return [doc_id for doc_id, _ in rows]
    bound = _version_key(since_version)
    return [doc_id for doc_id, version in rows if _version_key(version) < bound]


def versions_of(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, int]:
    """pipeline_version -> documents among `doc_ids` (for a dry run's report)."""
    with _ids(con, doc_ids):
        return dict(con.execute("select pipeline_version, count(*) from documents where doc_id in "
                                "(select doc_id from reprocess_ids) group by all order by all").fetchall())


def documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> pa.Table:
    """The stored columns a rebuild needs of `doc_ids`, in the order given."""
    with _ids(con, doc_ids):
        return con.sql(f"""select {', '.join('d.' + c for c in DOCUMENT_COLUMNS)}
                           from reprocess_ids i join documents d using (doc_id) order by i.at""").to_arrow_table()


def run_dating(con: duckdb.DuckDBPyConnection) -> dict[str, dt.date]:
    """Per loading run: its start day, the run day its undated articles were dated by
    (`transforms.event_dates.Window.of_run_day`)."""
    rows = con.execute("""select d.run_id, coalesce(any_value(r.started_at), max(d.ingested_at))::date
                          from documents d left join runs r using (run_id) group by d.run_id""").fetchall()
    return dict(rows)


def prior_signatures(con: duckdb.DuckDBPyConnection, excluded: list[str]) -> list[tuple[str, list[int], object]]:
    """(doc_id, minhash, ingested_at) of the documents not rebuilt, oldest first: the earlier
    documents the rebuilt ones may nearly duplicate."""
    with _ids(con, excluded):
        rows = con.execute("""select doc_id, minhash, ingested_at from documents
                              where doc_id not in (select doc_id from reprocess_ids) and minhash is not null
                              order by ingested_at, doc_id""").fetchall()
    return [(doc_id, list(sig), at) for doc_id, sig, at in rows]


def start(con: duckdb.DuckDBPyConnection, run_row: dict) -> None:
    """Record the reprocess run (as `interrupted` until `finish`: a process that dies leaves
    that) and start its scratch tables."""
    from warehouse.store import record_run

    con.execute(f"create or replace table {_KEYS} (event_id varchar primary key, incident_key varchar)")
    columns = ", ".join(f'"{c.name}" {c.type}' for c in contract()["entities"].columns)
    con.execute(f"create or replace table {_ENTITIES} ({columns})")
    record_run(con, {**run_row, "status": "interrupted", "finished_at": None,
                     "message": "reprocess in progress (or stopped before it finished)"})


def load_batch(con: duckdb.DuckDBPyConnection, tables: dict[str, pa.Table], run_id: str) -> int:
    """Replace the derived rows of one batch of documents in one transaction; returns the rows
    written. `tables` are `transforms.tables.build_tables` output for the batch's documents."""
    docs = tables["documents"]
    written = 0
    con.execute("begin")
    try:
        con.register("incoming_documents", docs)
        for name in DERIVED_TABLES:
            con.execute(f"delete from {name} where doc_id in (select doc_id from incoming_documents)")
        con.execute("""update documents set minhash = i.minhash, duplicate_of = i.duplicate_of, story_id = i.story_id,
                              run_id = i.run_id, pipeline_version = i.pipeline_version
                       from incoming_documents i where documents.doc_id = i.doc_id""")
        con.unregister("incoming_documents")
        unpair_versions(con, run_id)  # as a load does: a new version of a file is no copy of the old one
        con.register("incoming", tables["entities"])
        con.execute(f"insert into {_ENTITIES} by name select * from incoming")
        con.execute("""insert into entities by name select * from incoming
                       on conflict (entity_id) do update set
                           aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases)))""")
        con.unregister("incoming")
        for name in DERIVED_TABLES:
            con.register("incoming", tables[name])
            written += con.execute(f"insert into {name} by name select * from incoming").fetchone()[0]
            con.unregister("incoming")
        con.register("incoming", tables["attack_events"])
        con.execute(f"insert or replace into {_KEYS} select event_id, incident_id from incoming")
        con.unregister("incoming")
        link_incidents(con, run_id)  # the batch's events join incidents now; `finish` links them all again
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise WarehouseError(f"reprocess batch of run {run_id} rolled back: {exc}") from exc
    return written + docs.num_rows


def finish(con: duckdb.DuckDBPyConnection, run_row: dict, everything: bool) -> None:
    """One transaction after the last batch: the rebuilt events' incidents linked afresh from
    their content keys over all of them (as one run's load links its events), the entities the
    rebuilt rows no longer use removed (after `--all`: the entities table is exactly those the
    rebuilt rows use, their aliases from them), and the run recorded as finished."""
    from warehouse.store import _insert_run

    con.execute("begin")
    try:
        con.execute(f"update attack_events set incident_id = k.incident_key from {_KEYS} k "
                    "where attack_events.event_id = k.event_id")
        # stories start again from each document itself (or its near-duplicate), as a load's do
        con.execute("update documents set story_id = coalesce(duplicate_of, doc_id) where run_id = ?", [run_row["run_id"]])
        link_incidents(con, run_row["run_id"])
        if everything:
            firsts = ", ".join(f"first({c} order by run_id) as {c}" for c in contract()["entities"].column_names
                               if c not in ("entity_id", "aliases"))
            con.execute("delete from entities")
            con.execute(f"""insert into entities by name
                            select entity_id, {firsts}, list_sort(list_distinct(flatten(list(aliases)))) as aliases
                            from {_ENTITIES} group by entity_id""")
        con.execute("""delete from entities where entity_id not in (
                           select entity_id from mentions
                           union all select attacker_id from attack_events where attacker_id is not null
                           union all select target_id from attack_events where target_id is not null
                           union all select location_id from attack_events where location_id is not null
                           union all select stated_by_id from tallies where stated_by_id is not null)""")
        con.execute("delete from runs where run_id = ?", [run_row["run_id"]])
        _insert_run(con, run_row)
        con.execute(f"drop table if exists {_KEYS}")
        con.execute(f"drop table if exists {_ENTITIES}")
        con.execute("commit")
    except duckdb.Error as exc:
        con.execute("rollback")
        raise WarehouseError(f"reprocess run {run_row['run_id']} could not finish: {exc}") from exc


def _columns(table: str) -> str:
    return ", ".join(f'"{c}"' for c in contract()[table].column_names)


class _ids:
    """Register `reprocess_ids` (doc_id, at) for the duration of a query."""

    def __init__(self, con: duckdb.DuckDBPyConnection, doc_ids: list[str]):
        self.con, self.table = con, pa.table({"doc_id": pa.array(doc_ids, pa.string()),
                                              "at": pa.array(range(len(doc_ids)), pa.int64())})

    def __enter__(self):
        self.con.register("reprocess_ids", self.table)

    def __exit__(self, *exc) -> None:
        self.con.unregister("reprocess_ids")


def sync_lake(con: duckdb.DuckDBPyConnection, lake_uri: str, run_id: str, doc_ids: list[str], everything: bool,
              chunk: int = 2000) -> None:
    """After `finish`: make the lake hold the warehouse's rows again. The rebuilt documents'
    rows (as the warehouse now has them: linked incidents, stories) become the reprocess run's
    partition, `chunk` documents a part, with the entities they use (each in the first part that
    uses it); the rows they replace are taken out of the earlier runs' partitions: the rebuilt
    documents' rows, the earlier rows of the entities the new parts hold (the warehouse's row,
    aliases merged, replaces them) and of entities the warehouse no longer has (after `--all`,
    every earlier entity row)."""
    from warehouse import lake

    written: set[str] = set()
    for part, first in enumerate(range(0, len(doc_ids), chunk)):
        with _ids(con, doc_ids[first:first + chunk]):
            # the contract's column order: a migrated warehouse has the columns it gained at the end
            tables = {name: con.sql(f"select {_columns(name)} from {name} where doc_id in "
                                    "(select doc_id from reprocess_ids)").to_arrow_table()
                      for name in ("documents", *DERIVED_TABLES)}
            entities = con.sql(f"""select {_columns("entities")} from entities where entity_id in (
                                      select entity_id from mentions where doc_id in (select doc_id from reprocess_ids))
                                  """).to_arrow_table()
        ids = entities.column("entity_id").to_pylist()
        tables["entities"] = entities.filter(pa.array([i not in written for i in ids], pa.bool_()))
        written.update(ids)
        lake.write_run(lake_uri, run_id, {name: t.cast(contract()[name].arrow_schema()) for name, t in tables.items()}, part)
    earlier = sorted(lake.committed_runs(lake_uri) - {run_id})
    kept = {r[0] for r in con.execute("select entity_id from entities").fetchall()}
    for old in earlier:
        for name in ("documents", *DERIVED_TABLES):
            lake.drop_rows(lake_uri, old, name, "doc_id", doc_ids)
        entities = lake.read_run(lake_uri, old, tables=["entities"]).get("entities")
        held = set(entities.column("entity_id").to_pylist()) if entities is not None else set()
        lake.drop_rows(lake_uri, old, "entities", "entity_id", held if everything else held & written | held - kept)
    lake.commit_run(lake_uri, run_id)
