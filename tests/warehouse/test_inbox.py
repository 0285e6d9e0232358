import hashlib
import os
import socket
import time

import pytest

from warehouse.inbox import FileStamp, read_bytes, scan_inbox

LIMIT = 1000


def scan(inbox, settle=0.0, now=None):
    return scan_inbox(inbox, LIMIT, settle, now if now is not None else time.time() + 10)


def test_regular_files_are_hashed_and_read_back_by_hash(inbox):
    (inbox / "a.txt").write_bytes(b"hello")
    [c] = scan(inbox).candidates
    assert c.reason is None and c.hashed and c.sha256 == hashlib.sha256(b"hello").hexdigest()
    assert read_bytes(c.path, c.sha256) == b"hello"
    (inbox / "a.txt").write_bytes(b"changed since the scan")
    assert read_bytes(c.path, c.sha256) is None


def test_an_unchanged_file_keeps_its_recorded_hash_unread(inbox):
    path = inbox / "a.txt"
    path.write_bytes(b"hello")
    info = path.stat()
    known = {"a.txt": FileStamp(info.st_size, info.st_mtime_ns, "recorded")}
    [c] = scan_inbox(inbox, LIMIT, 0, time.time() + 10, known).candidates
    assert c.sha256 == "recorded" and not c.hashed
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    [c] = scan_inbox(inbox, LIMIT, 0, time.time() + 10, known).candidates
    assert c.sha256 == hashlib.sha256(b"hello").hexdigest() and c.hashed


def test_other_suffixes_hidden_files_and_part_uploads_are_not_candidates(inbox):
    for name in ("a.md", ".hidden.txt", "upload.txt.part"):
        (inbox / name).write_bytes(b"x")
    assert scan(inbox).seen == 0


def test_a_symlink_is_never_followed_and_is_quarantined(inbox, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"do not read me")
    (inbox / "link.txt").symlink_to(secret)
    [c] = scan(inbox).candidates
    assert "symbolic link to outside the inbox" in c.reason and "not followed" in c.reason


def test_directories_and_sockets_named_txt_are_ignored(inbox):
    (inbox / "folder.txt").mkdir()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(inbox / "sock.txt"))
    try:
        result = scan(inbox)
    finally:
        sock.close()
    assert result.candidates == [] and sorted(p.name for p in result.ignored) == ["folder.txt", "sock.txt"]


def test_a_file_still_being_written_waits_for_a_later_run(inbox):
    (inbox / "fresh.txt").write_bytes(b"half an arti")
    result = scan(inbox, settle=5.0, now=time.time())
    assert result.candidates == [] and [p.name for p in result.deferred] == ["fresh.txt"]


def test_an_oversized_file_is_hashed_by_streaming_and_quarantined(inbox):
    (inbox / "big.txt").write_bytes(b"x" * (LIMIT + 1))
    [c] = scan(inbox).candidates
    assert c.sha256 == hashlib.sha256(b"x" * (LIMIT + 1)).hexdigest() and c.reason == f"oversized: {LIMIT + 1} bytes > limit {LIMIT}"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_quarantined_with_the_error(inbox):
    path = inbox / "locked.txt"
    path.write_bytes(b"x")
    path.chmod(0)
    [c] = scan(inbox).candidates
    assert c.reason.startswith("unreadable")


def test_a_name_that_is_not_utf8_is_stored_escaped_and_losslessly(tmp_path):
    import os

    from warehouse.inbox import stored_name, stored_path

    raw = os.fsencode(tmp_path) + b"/rapport_d\xe9fense.txt"
    with open(raw, "w") as fh:
        fh.write("x")
    [name] = [n for n in os.listdir(tmp_path) if n.startswith("rapport")]
    assert stored_name(name) == "rapport_d\\xe9fense.txt"
    assert stored_name(name).encode().decode("unicode_escape").encode("latin-1") == b"rapport_d\xe9fense.txt"
    assert stored_path(tmp_path / name).encode("utf-8")  # writable anywhere UTF-8 goes
    assert stored_name("défense.txt") == "défense.txt"
    # the escape's own text in a name is doubled, so that name and the byte name stay two paths
    assert stored_name("rapport_d\\xe9fense.txt") == "rapport_d\\\\xe9fense.txt" != stored_name(name)
    assert stored_name(os.fsdecode(b"a\\b\xff.txt")) == "a\\\\b\\xff.txt"
