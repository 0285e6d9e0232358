"""The on-disk cache of frames derived from package data (transforms/frame_cache.py)."""

import os

import polars as pl
import pytest

from transforms import frame_cache
from transforms.frame_cache import cached_frame, fingerprint


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    return tmp_path


def counting_build(frame):
    calls = []

    def build():
        calls.append(1)
        return frame

    return build, calls


def test_built_once_then_read(cache):
    frame = pl.DataFrame({"key": ["aden", "mogadishu"], "pop": [800_000, 2_500_000]})
    build, calls = counting_build(frame)
    first = cached_frame("places", "k1", build)
    second = cached_frame("places", "k1", build)
    assert calls == [1]
    assert first.equals(frame) and second.equals(frame)
    assert [p.name for p in cache.iterdir()] == ["places-k1.arrow"]


def test_another_key_builds_anew_and_keeps_a_recent_file(cache):
    cached_frame("places", "k1", lambda: pl.DataFrame({"a": [1]}))
    frame = cached_frame("places", "k2", lambda: pl.DataFrame({"a": [2]}))
    assert frame["a"].to_list() == [2]
    # the k1 file may still serve another checkout: removed only once unused for a week
    assert sorted(p.name for p in cache.iterdir()) == ["places-k1.arrow", "places-k2.arrow"]


def test_a_superseded_file_unused_for_a_week_is_removed(cache):
    cached_frame("places", "k1", lambda: pl.DataFrame({"a": [1]}))
    old = cache / "places-k1.arrow"
    week_ago = old.stat().st_mtime - frame_cache.STALE_SECONDS - 60
    os.utime(old, (week_ago, week_ago))
    cached_frame("places", "k2", lambda: pl.DataFrame({"a": [2]}))
    assert [p.name for p in cache.iterdir()] == ["places-k2.arrow"]


def test_a_damaged_file_is_rebuilt(cache):
    (cache / "places-k1.arrow").write_bytes(b"not arrow")
    build, calls = counting_build(pl.DataFrame({"a": [1]}))
    assert cached_frame("places", "k1", build)["a"].to_list() == [1]
    assert calls == [1]
    assert pl.read_ipc(cache / "places-k1.arrow")["a"].to_list() == [1]


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    build, calls = counting_build(pl.DataFrame({"a": [1]}))
    cached_frame("places", "k1", build)
    cached_frame("places", "k1", build)
    assert calls == [1, 1]
    assert frame_cache.cache_dir() is None


def test_an_unwritable_folder_still_gives_the_frame(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocker / "sub"))
    assert cached_frame("places", "k1", lambda: pl.DataFrame({"a": [1]}))["a"].to_list() == [1]


def test_fingerprint_separates_parts():
    assert fingerprint(["ab", "c"]) != fingerprint(["a", "bc"])
    assert fingerprint([b"x", "y"]) == fingerprint(["x", b"y"])
    assert len(fingerprint(["x"])) == 16


def test_geonames_table_from_the_cache_is_the_built_one(cache):
    from transforms import geonames

    built = geonames._build_table()
    geonames.table.cache_clear()
    try:
        first, second = geonames.table(), None
        geonames.table.cache_clear()
        second = geonames.table()  # read back from the file the first call wrote
    finally:
        geonames.table.cache_clear()
    assert any(cache.glob("geonames-*.arrow"))
    assert first.equals(built) and second.equals(built)
