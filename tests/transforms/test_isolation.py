"""A stage that breaks on one document costs that document alone."""

import pytest

from transforms.batch import Draft, crash_reason, isolated


def draft(i: int, text: str) -> Draft:
    return Draft(f"d{i}", f"f{i}.txt", f"{i:064x}", "utf-8", text)


def upper(drafts):
    if any("boom" in d.text for d in drafts):
        raise ZeroDivisionError("division by zero")
    return [d.__class__(**{**d.__dict__, "text": d.text.upper()}) for d in drafts]


def test_a_batch_stage_that_breaks_on_one_document_rejects_it_alone():
    drafts = [draft(0, "fine"), draft(1, "boom here"), draft(2, "also fine")]
    out, rejected = isolated("events", upper, drafts)
    assert [d.text for d in out] == ["FINE", "ALSO FINE"]
    assert [(r.path, r.stage, r.reason) for r in rejected] == \
        [("f1.txt", "events", "events failed: ZeroDivisionError: division by zero")]


def test_a_batch_that_passes_is_run_once_as_a_batch():
    calls = []

    def stage(drafts):
        calls.append(len(drafts))
        return drafts

    assert isolated("dates", stage, [draft(0, "a"), draft(1, "b")]) == ([draft(0, "a"), draft(1, "b")], [])
    assert calls == [2]


def test_a_crash_reason_is_one_line_with_the_stage_the_class_and_the_message():
    assert crash_reason("parse", ValueError("second must be\nin 0..59")) == "parse failed: ValueError: second must be in 0..59"
    assert crash_reason("tables", KeyError()) == "tables failed: KeyError"


def test_a_missing_package_is_not_a_document_fault_and_stops_the_stage():
    def needs_a_package(drafts):
        raise ModuleNotFoundError("No module named 'absent_model'", name="absent_model")

    with pytest.raises(ModuleNotFoundError, match="absent_model"):
        isolated("entities", needs_a_package, [draft(0, "a"), draft(1, "b")])
