import datetime as dt

import pytest

from expectations.checks import with_checks
from expectations.validate import resolve_kwargs, suite_columns, suite_specs, validate_chunks, validate_tables
from sitrep.schema import contract
from transforms.batch import SourceFile, decode_stage, dates_stage, entities_stage, events_stage, parse_stage
from transforms.tables import build_tables

TODAY = dt.date(2026, 11, 22)
TEXT = (" date 2023-11-14 On Thursday, rockets struck Ain al-Asad air base in Iraq, causing damage. "
        "The Pentagon reported at least 13 attacks in the past week.").encode()


def tables():
    drafts, rejected = decode_stage([SourceFile("a.txt", "a" * 64, TEXT)], 10**6)
    drafts, _ = parse_stage(drafts)
    drafts = events_stage(entities_stage(dates_stage(drafts, TODAY, None)), TODAY)
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


def test_gx_is_given_only_the_columns_its_expectations_read():
    assert "check_span_matches_body" in suite_columns("mentions")
    assert set(suite_columns("documents")) < set(with_checks(tables())["documents"].columns)


@pytest.mark.slow
def test_a_run_validated_in_chunks_fails_on_a_bad_later_chunk_with_one_docs_site(tmp_path):
    bad = tables()
    import pyarrow as pa

    docs = bad["documents"].to_pylist()
    docs[0]["word_count"] = 0
    bad["documents"] = pa.Table.from_pylist(docs, schema=bad["documents"].schema)
    report = validate_chunks(iter([("r1-parts-0", tables()), ("r1-parts-10", bad)]), tmp_path, TODAY)
    assert not report.success
    assert report.failures == [f for f in report.failures if f.startswith("documents.word_count")] != []
    assert report.expectations_run == 2 * sum(len(specs) for specs in suite_specs().values())
    assert (tmp_path / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()


@pytest.mark.slow
def test_a_good_batch_passes_and_a_bad_one_names_its_failures(tmp_path):
    good = validate_tables(tables(), tmp_path, "r1", TODAY)
    assert good.success and good.expectations_run > 40
    assert (tmp_path / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html").exists()
    bad = tables()
    import pyarrow as pa

    events = bad["attack_events"].to_pylist()
    events[0]["outcome"] = "obliterated"
    bad["attack_events"] = pa.Table.from_pylist(events, schema=bad["attack_events"].schema)
    report = validate_tables(bad, tmp_path, "r2", TODAY)
    assert not report.success
    assert any(f.startswith("attack_events.outcome: expect_column_values_to_be_in_set") for f in report.failures)
