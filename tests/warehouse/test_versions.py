"""Versions of one inbox file (#17): `documents.superseded_by` marks which document is current,
set in the load's transaction; the views count only current documents. Store level, on rows
built here (the end-to-end run through the flow is tests/flows/test_file_versions.py)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pyarrow as pa
import pytest

from sitrep.schema import contract
from warehouse import migrations, store
from warehouse.exceptions import WarehouseError
from warehouse.inbox import FileStamp

INBOX = "/data/inbox"
DAY = dt.date(2025, 3, 11)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _doc(name: str, text: str, run_id: str, at: int, duplicate_of: str | None = None) -> dict:
    sha = _sha(text)
    return {"doc_id": sha[:16], "source_path": f"{INBOX}/{name}", "source_sha256": sha, "encoding": "utf-8",
            "published_date": DAY, "published_source": "header", "body": text, "word_count": len(text.split()),
            "duplicate_of": duplicate_of, "story_id": duplicate_of or sha[:16], "minhash": [1, 2],
            "run_id": run_id, "ingested_at": dt.datetime(2026, 1, at), "pipeline_version": "test"}


def _event(doc: dict, fatalities: int) -> dict:
    event_id = f"{doc['doc_id']}-e000"
    return {"event_id": event_id, "doc_id": doc["doc_id"], "incident_id": f"inc-{event_id}", "event_date": DAY,
            "date_min": DAY, "date_max": DAY, "date_precision": "day", "weapons": ["ied"], "country_code": "SO",
            "location_id": "gpe:kismayo", "outcome": "deaths", "evidence": doc["body"], "start_char": 0,
            "end_char": len(doc["body"]), "confidence": 0.9, "event_type": "Explosions/Remote violence",
            "sub_event_type": "Remote explosive/landmine/IED", "fatalities": fatalities,
            "run_id": doc["run_id"], "pipeline_version": "test"}


def _tally(doc: dict, count: int) -> dict:
    return {"tally_id": f"{doc['doc_id']}-t000", "doc_id": doc["doc_id"], "count": count, "qualifier": "exact",
            "unit": "attacks", "period_end": DAY, "evidence": doc["body"], "start_char": 0,
            "end_char": len(doc["body"]), "run_id": doc["run_id"], "pipeline_version": "test"}


def _load(con, run_id: str, docs: list[dict], fatalities: list[int] = (), stamps=None) -> None:
    tables = {"documents": pa.Table.from_pylist(docs, schema=contract()["documents"].arrow_schema()),
              "attack_events": pa.Table.from_pylist([_event(d, f) for d, f in zip(docs, fatalities)],
                                                    schema=contract()["attack_events"].arrow_schema()),
              "tallies": pa.Table.from_pylist([_tally(d, 10 + i) for i, d in enumerate(docs)],
                                              schema=contract()["tallies"].arrow_schema())}
    store.load_run(con, tables, _run(run_id), _stamps(docs) if stamps is None else stamps)


def _stamps(docs: list[dict]) -> list:
    return [(INBOX, d["source_path"].rsplit("/", 1)[1], FileStamp(len(d["body"]), 1, d["source_sha256"])) for d in docs]


def _run(run_id: str) -> dict:
    now = dt.datetime(2026, 1, 1)
    return {"run_id": run_id, "started_at": now, "finished_at": now, "status": "succeeded", "files_seen": 1,
            "files_new": 1, "files_quarantined": 0, "validation_passed": True}


def _marks(con) -> dict[str, str | None]:
    return dict(con.execute("select doc_id, superseded_by from documents").fetchall())


V1, V2, V3 = ("A roadside bomb killed four police officers in Kismayo on Tuesday.",
              "A roadside bomb killed five police officers in Kismayo on Tuesday, officials said.",
              "A roadside bomb killed six police officers in Kismayo on Tuesday, a later toll said.")


def test_a_changed_file_supersedes_its_earlier_version_and_sums_count_the_current_one(con):
    v1 = _doc("story.txt", V1, "r1", 1)
    _load(con, "r1", [v1], [4])
    v2 = _doc("story.txt", V2, "r2", 2)
    _load(con, "r2", [v2], [5])
    assert _marks(con) == {v1["doc_id"]: v2["doc_id"], v2["doc_id"]: None}
    current = "select sum(fatalities) from attack_events where doc_id in " \
              "(select doc_id from documents where superseded_by is null)"
    assert con.execute(current).fetchone() == (5,)
    assert con.execute("select documents, event_mentions from weekly_attack_counts").fetchall() == [(1, 1)]
    assert con.execute("select count from reported_tallies").fetchall() == [(10,)]  # v2's own figure, not v1's


def test_every_older_version_points_at_the_current_one(con):
    docs = [_doc("story.txt", text, f"r{i}", i) for i, text in enumerate((V1, V2, V3), 1)]
    for i, d in enumerate(docs, 1):
        _load(con, f"r{i}", [d], [i])
    assert _marks(con) == {docs[0]["doc_id"]: docs[2]["doc_id"], docs[1]["doc_id"]: docs[2]["doc_id"],
                           docs[2]["doc_id"]: None}


def test_a_file_changed_back_makes_its_earlier_version_current_without_loading_it(con):
    v1, v2 = _doc("story.txt", V1, "r1", 1), _doc("story.txt", V2, "r2", 2)
    _load(con, "r1", [v1], [4])
    _load(con, "r2", [v2], [5])
    store.record_run(con, {**_run("r3"), "status": "nothing_new"}, _stamps([v1]))  # the file holds V1 again
    assert _marks(con) == {v1["doc_id"]: None, v2["doc_id"]: v1["doc_id"]}
    assert con.execute("select sum(fatalities) from stg_attack_events").fetchone() == (4,)


def test_a_version_that_was_not_loaded_supersedes_nothing(con):
    v1 = _doc("story.txt", V1, "r1", 1)
    _load(con, "r1", [v1], [4])
    garbage = [(INBOX, "story.txt", FileStamp(3, 2, _sha("not an article")))]  # quarantined, say
    store.record_run(con, {**_run("r2"), "status": "succeeded_with_quarantine"}, garbage)
    assert _marks(con) == {v1["doc_id"]: None}


def test_content_another_file_still_holds_stays_current(con):
    # a.txt and b.txt held the same bytes (loaded once, under a.txt); a.txt changes, b.txt does not
    v1 = _doc("a.txt", V1, "r1", 1)
    _load(con, "r1", [v1], [4], stamps=_stamps([v1]) + [(INBOX, "b.txt", FileStamp(1, 1, v1["source_sha256"]))])
    v2 = _doc("a.txt", V2, "r2", 2)
    _load(con, "r2", [v2], [5])
    assert _marks(con) == {v1["doc_id"]: None, v2["doc_id"]: None}


def test_other_files_are_left_alone_and_a_rerun_changes_nothing(con):
    other = _doc("other.txt", V3, "r1", 1)
    v1 = _doc("story.txt", V1, "r1", 1)
    _load(con, "r1", [other, v1], [6, 4])
    v2 = _doc("story.txt", V2, "r2", 2)
    _load(con, "r2", [v2], [5])
    before = con.execute("select * exclude (minhash) from documents order by doc_id").fetchall()
    store.record_run(con, {**_run("r3"), "status": "nothing_new"}, _stamps([other, v2]))
    assert con.execute("select * exclude (minhash) from documents order by doc_id").fetchall() == before
    assert _marks(con)[other["doc_id"]] is None


def test_a_new_version_is_no_near_duplicate_of_its_own_file(con):
    v1 = _doc("story.txt", V1, "r1", 1)
    _load(con, "r1", [v1], [4])
    v2 = _doc("story.txt", V2, "r2", 2, duplicate_of=v1["doc_id"])  # what MinHash says of a small edit
    _load(con, "r2", [v2], [5])
    row = con.execute("select duplicate_of, story_id from documents where doc_id = ?", [v2["doc_id"]]).fetchone()
    assert row[0] is None, "current originals are `superseded_by is null and duplicate_of is null`"
    assert con.execute("select count(*) from documents where superseded_by is null and duplicate_of is null"
                       ).fetchone() == (1,)


def test_a_load_that_fails_leaves_the_marks_as_they_were(con, monkeypatch):
    v1 = _doc("story.txt", V1, "r1", 1)
    _load(con, "r1", [v1], [4])
    v2 = _doc("story.txt", V2, "r2", 2)

    def crash(*args, **kw):
        raise store.duckdb.Error("disk full")

    monkeypatch.setattr(store, "_insert_run", crash)
    with pytest.raises(WarehouseError, match="rolled back"):
        _load(con, "r2", [v2], [5])
    assert _marks(con) == {v1["doc_id"]: None}


def test_a_version_6_warehouse_gains_superseded_by_filled_from_its_rows(con):
    v1 = _doc("story.txt", V1, "r1", 1)
    v2 = _doc("story.txt", V2, "r2", 2, duplicate_of=v1["doc_id"])  # as sitrep 0.5 left it
    other = _doc("other.txt", V3, "r1", 1)
    docs = pa.Table.from_pylist([v1, other, v2], schema=contract()["documents"].arrow_schema())
    for view in ("weekly_attack_counts", "weekly_attacks_by_target", "reported_tallies", "stg_attack_events"):
        con.execute(f"drop view if exists {view}")
    con.execute("alter table documents drop column superseded_by")
    con.execute("update sitrep_meta set value = '6' where key = 'contract_version'")
    con.register("old_docs", docs.drop_columns(["superseded_by"]))
    con.execute("insert into documents by name select * from old_docs")
    con.unregister("old_docs")
    store.ensure_schema(con)
    assert con.execute("select value from sitrep_meta where key = 'contract_version'").fetchone() == \
        (str(contract().version),)
    assert _marks(con) == {v1["doc_id"]: v2["doc_id"], v2["doc_id"]: None, other["doc_id"]: None}
    assert con.execute("select duplicate_of from documents where doc_id = ?", [v2["doc_id"]]).fetchone() == (None,)
    assert 6 in migrations.MIGRATIONS


def test_reprocess_writes_the_lake_of_a_migrated_warehouse_whose_new_columns_came_last(con, tmp_path):
    # a migration appends its columns (superseded_by after pipeline_version); the lake is written
    # in the contract's order all the same (pyarrow casts by position, not by name)
    from warehouse import lake, reprocess

    v1, v2 = _doc("story.txt", V1, "r1", 1), _doc("story.txt", V2, "r2", 2)
    _load(con, "r1", [v1], [4])
    _load(con, "r2", [v2], [5])
    con.execute("create temp table marks as select doc_id, superseded_by from documents")
    con.execute("alter table documents drop column superseded_by")
    con.execute("alter table documents add column superseded_by varchar")
    con.execute("update documents set superseded_by = m.superseded_by from marks m where documents.doc_id = m.doc_id")
    reprocess.sync_lake(con, str(tmp_path / "lake"), "r3", [v1["doc_id"], v2["doc_id"]], everything=False)
    docs = lake.read_run(str(tmp_path / "lake"), "r3", tables=["documents"])["documents"]
    assert dict(zip(docs.column("doc_id").to_pylist(), docs.column("superseded_by").to_pylist())) == \
        {v1["doc_id"]: v2["doc_id"], v2["doc_id"]: None}


def _quarantined(name: str, text: str, run_id: str) -> pa.Table:
    row = {"source_path": f"{INBOX}/{name}", "source_sha256": _sha(text), "reason": "parse failed: ValueError: bad",
           "run_id": run_id, "pipeline_version": "test", "quarantined_at": dt.datetime(2026, 1, 2), "stage": "parse"}
    return pa.Table.from_pylist([row], schema=contract()["quarantine"].arrow_schema())


def _open_quarantine(con) -> list[tuple[str, str]]:
    return con.execute("select source_path, source_sha256 from quarantine order by all").fetchall()


BAD = "\x00 not an article \x00"


def test_a_quarantined_version_is_resolved_when_its_file_changes_back_to_loaded_content(con):
    v1 = _doc("story.txt", V1, "r1", 1)
    _load(con, "r1", [v1], [4])
    bad_stamp = [(INBOX, "story.txt", FileStamp(len(BAD), 2, _sha(BAD)))]
    store.load_run(con, {"quarantine": _quarantined("story.txt", BAD, "r2")},
                   {**_run("r2"), "status": "succeeded_with_quarantine"}, bad_stamp)
    assert _open_quarantine(con) == [(f"{INBOX}/story.txt", _sha(BAD))]
    store.record_run(con, {**_run("r3"), "status": "nothing_new"}, bad_stamp)  # still the bad content: stays
    assert _open_quarantine(con) == [(f"{INBOX}/story.txt", _sha(BAD))]

    back = _stamps([v1])  # the file holds V1 again: nothing to load, the quarantine row is stale
    assert store.superseded_quarantine(con, {}, back) == [("r2", _sha(BAD))], "the lake drops it too"
    store.record_run(con, {**_run("r4"), "status": "nothing_new"}, back)
    assert _open_quarantine(con) == []
    store.record_run(con, {**_run("r5"), "status": "nothing_new"}, back)
    assert _open_quarantine(con) == [] and _marks(con) == {v1["doc_id"]: None}, "a re-run changes nothing"


def test_a_quarantined_file_fixed_to_content_loaded_under_another_name_is_resolved(con):
    other = _doc("other.txt", V1, "r1", 1)
    store.load_run(con, {"quarantine": _quarantined("story.txt", BAD, "r1"),
                         "documents": pa.Table.from_pylist([other], schema=contract()["documents"].arrow_schema())},
                   _run("r1"), _stamps([other]) + [(INBOX, "story.txt", FileStamp(len(BAD), 1, _sha(BAD)))])
    assert len(_open_quarantine(con)) == 1
    # story.txt now holds the bytes other.txt holds (loaded once, under other.txt); a later load
    # of unrelated files resolves it as well
    third = _doc("third.txt", V3, "r2", 2)
    _load(con, "r2", [third], [6], stamps=_stamps([third]) + [(INBOX, "story.txt", FileStamp(9, 2, other["source_sha256"]))])
    assert _open_quarantine(con) == []


def test_a_quarantine_row_stays_while_another_file_still_holds_the_bad_content(con):
    v1 = _doc("story.txt", V1, "r1", 1)
    _load(con, "r1", [v1], [4])
    bad = [(INBOX, "story.txt", FileStamp(len(BAD), 2, _sha(BAD))), (INBOX, "copy.txt", FileStamp(len(BAD), 2, _sha(BAD)))]
    store.load_run(con, {"quarantine": _quarantined("story.txt", BAD, "r2")},
                   {**_run("r2"), "status": "succeeded_with_quarantine"}, bad)
    store.record_run(con, {**_run("r3"), "status": "nothing_new"}, _stamps([v1]))  # story.txt fixed, copy.txt not
    assert _open_quarantine(con) == [(f"{INBOX}/story.txt", _sha(BAD))], "copy.txt's content stays known as bad"
