"""The held-out split of the dev notes is reproducible and holds about one note in three (#12)."""

from __future__ import annotations

from expectations.dev_events import split_of


def test_the_split_of_a_note_depends_on_its_source_id_only():
    assert split_of({"file": "a.txt", "source_id": "XYZ123"}) == split_of({"file": "b.txt", "source_id": "XYZ123"})


def test_a_note_without_a_source_id_is_split_by_its_file_name():
    assert split_of({"file": "ev_0001.txt"}) == split_of({"file": "ev_0001.txt", "source_id": None})


def test_about_one_note_in_three_is_held_out():
    held = sum(split_of({"file": f"n{i}.txt", "source_id": f"ID{i}"}) == "heldout" for i in range(3000))
    assert 900 < held < 1100
