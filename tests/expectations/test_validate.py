import datetime as dt

import pytest

from expectations.checks import with_checks
from expectations.validate import (resolve_kwargs, run_identifier, suite_columns, suite_specs, validate_chunks,
                                  validate_tables)
from sitrep.schema import contract
from transforms.batch import SourceFile, decode_stage, dates_stage, entities_stage, events_stage, parse_stage
from transforms.event_dates import Window
from transforms.tables import build_tables

TODAY = dt.date(2026, 11, 22)
TEXT = (" date 2023-11-14 On Thursday, rockets struck Ain al-Asad air base in Iraq, causing damage. "
        "The Pentagon reported at least 13 attacks in the past week.").encode()


def tables():
    drafts, rejected = decode_stage([SourceFile("a.txt", "a" * 64, TEXT)], 10**6)
    drafts, _ = parse_stage(drafts)
    drafts = events_stage(entities_stage(dates_stage(drafts, TODAY)), Window.of_run_day(TODAY))
    return build_tables(drafts, rejected, "r1", "v", dt.datetime(2026, 11, 22))


def test_every_suite_names_a_contract_table_and_real_columns():
    for table, specs in suite_specs().items():
        frame = with_checks(tables())[table]
        for kind, kwargs in specs:
            columns = kwargs.get("column_list") or [kwargs["column"]]
            assert set(columns) <= set(frame.columns), (table, kind, columns)
        assert table in contract().tables


def test_placeholders_resolve_to_dates_and_vocabularies():
    kw = resolve_kwargs({"column": "x", "value_set": "$vocabulary.outcome", "max_value": "$tomorrow"}, TODAY)
    assert kw["max_value"] == dt.date(2026, 11, 23) and "intercepted" in kw["value_set"]


def test_span_check_flags_an_offset_that_does_not_point_at_its_surface():
    t = tables()
    mentions = t["mentions"].to_pylist()
    mentions[0]["start_char"] += 1
    import pyarrow as pa

    t["mentions"] = pa.Table.from_pylist(mentions, schema=t["mentions"].schema)
    assert with_checks(t)["mentions"]["check_span_matches_body"].to_list()[0] is False


def test_span_checks_keep_every_row_in_order():
    t = tables()
    mentions = t["mentions"].to_pylist()
    checked = with_checks(t)["mentions"]
    assert checked["start_char"].to_list() == [m["start_char"] for m in mentions]
    assert checked["check_span_matches_body"].all()


def test_an_attack_naming_an_actor_absent_from_entities_fails_its_check():
    import pyarrow as pa

    t = tables()
    events = t["attack_events"].to_pylist()
    assert events and with_checks(t)["attack_events"]["check_actors_exist"].all()
    events[0]["target_id"] = "gpe:zz-not-an-entity"
    t["attack_events"] = pa.Table.from_pylist(events, schema=t["attack_events"].schema)
    assert with_checks(t)["attack_events"]["check_actors_exist"].to_list()[0] is False


def test_gx_is_given_only_the_columns_its_expectations_read():
    assert "check_span_matches_body" in suite_columns("mentions")
    assert set(suite_columns("documents")) < set(with_checks(tables())["documents"].columns)


def with_row(t, table, change):
    import pyarrow as pa

    rows = t[table].to_pylist()
    change(rows[0])
    t[table] = pa.Table.from_pylist(rows, schema=t[table].schema)
    return t


@pytest.mark.slow
def test_a_run_validated_in_chunks_lays_a_bad_row_at_its_documents_door_with_one_docs_site(tmp_path):
    bad = with_row(tables(), "documents", lambda r: r.update(word_count=0))
    doc_id = bad["documents"]["doc_id"][0].as_py()
    report = validate_chunks(iter([("r1-parts-0", tables()), ("r1-parts-10", bad)]), tmp_path, TODAY)
    assert report.success and report.failures == []
    assert list(report.rejected_docs) == [doc_id]
    assert "documents.word_count expect_column_values_to_be_between failed for 1 row(s): 0" in report.rejected_docs[doc_id]
    assert report.expectations_run == 2 * sum(len(specs) for specs in suite_specs().values())
    assert (tmp_path / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()


@pytest.mark.slow
def test_a_good_batch_passes_and_a_bad_row_names_its_expectation_and_value(tmp_path):
    good = validate_tables(tables(), tmp_path, "r1", TODAY)
    assert good.success and good.expectations_run > 40 and good.rejected_docs == {}
    assert (tmp_path / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()
    bad = with_row(tables(), "attack_events", lambda r: r.update(outcome="obliterated"))
    report = validate_tables(bad, tmp_path, "r2", TODAY)
    assert report.success
    [(doc_id, why)] = report.rejected_docs.items()
    assert "attack_events.outcome expect_column_values_to_be_in_set" in why and "obliterated" in why


@pytest.mark.slow
def test_a_row_no_document_owns_fails_the_whole_run(tmp_path):
    bad = with_row(tables(), "mentions", lambda r: r.update(doc_id=None))
    report = validate_tables(bad, tmp_path, "r3", TODAY)
    assert not report.success
    assert any(f.startswith("mentions.doc_id: expect_column_values_to_not_be_null") for f in report.failures)


@pytest.mark.slow
def test_a_bad_entity_quarantines_the_documents_that_mention_it(tmp_path):
    t = tables()
    entity_id = t["mentions"]["entity_id"][0].as_py()
    rows = t["entities"].to_pylist()
    for r in rows:
        if r["entity_id"] == entity_id:
            r["latitude"] = 123.0
    import pyarrow as pa

    t["entities"] = pa.Table.from_pylist(rows, schema=t["entities"].schema)
    report = validate_tables(t, tmp_path, "r4", TODAY)
    assert report.success and report.rejected_entities == {entity_id}
    assert f"(entity {entity_id})" in report.rejected_docs[t["documents"]["doc_id"][0].as_py()]


@pytest.mark.slow
def test_a_tally_counted_since_before_1990_is_a_fact_not_a_failure(tmp_path):
    t = tables()
    assert t["tallies"].num_rows
    t = with_row(t, "tallies", lambda r: r.update(period_start=dt.date(1984, 8, 1)))
    report = validate_tables(t, tmp_path, "r5", TODAY)
    assert report.success and report.rejected_docs == {}


@pytest.mark.parametrize("run_id", ["20261130T054516Z-9219ad", "20261130T054516Z-7244ad-0", "20261130T054516Z-4104ad"])
def test_a_run_id_that_reads_like_a_time_zone_offset_names_a_valid_gx_run(run_id):
    # dateutil reads "-9219ad" as an offset of -92:19; GX then fails to store the results
    name, stamp = run_identifier(run_id).to_tuple()
    assert name == run_id and stamp.endswith("Z")
