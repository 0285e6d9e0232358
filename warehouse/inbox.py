"""The inbox: which files are there, and their content hashes.

Content is a file's identity, but hashing every file on every run would make a run cost the
size of the inbox. A file whose name, size and modification time match the warehouse's record
of an earlier run (`known`) keeps its recorded hash unread; any other file is hashed by
streaming. Bytes are read later, batch by batch (`read_bytes`), never the whole inbox at once.

A candidate is any `*.txt` name directly in the inbox that is not hidden (`*.part` uploads in
progress have another suffix and are never candidates). What becomes of a candidate:

- a regular file, unchanged for `settle_seconds`: hashed (or its recorded hash reused);
- a regular file modified more recently: deferred to a later run (it may still be written);
- a symbolic link: never followed; quarantined with the link's target in the reason;
- a regular file over the size limit: quarantined;
- a file that cannot be read: quarantined with the error;
- a directory, socket or other special file under a `.txt` name: ignored and counted.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from warehouse.exceptions import WarehouseError

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)  # one per inbox file of a run: kept small
class Candidate:
    path: Path
    sha256: str
    reason: str | None = None  # why the file goes to quarantine without being read
    size: int = 0
    mtime_ns: int = 0
    hashed: bool = True  # False: the hash was taken from the record, the file was not read


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What the warehouse remembers of a file it has seen: enough to trust its hash unread."""
    size: int
    mtime_ns: int
    sha256: str


@dataclass
class Scan:
    candidates: list[Candidate]
    deferred: list[Path]
    ignored: list[Path]

    @property
    def seen(self) -> int:
        return len(self.candidates) + len(self.deferred) + len(self.ignored)


def require_folder(inbox: Path) -> None:
    """Raises WarehouseError when the inbox is not a folder."""
    if not inbox.is_dir():
        raise WarehouseError(f"inbox {inbox} is not a folder: create it or pass --inbox DIR")


def scan_inbox(inbox: Path, max_bytes: int, settle_seconds: float, now: float,
               known: dict[str, FileStamp] | None = None) -> Scan:
    """Every `.txt` entry of the inbox, classified; `known` maps file names to the stamps
    recorded by earlier runs."""
    require_folder(inbox)
    known = known or {}
    scan = Scan([], [], [])
    with os.scandir(inbox) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if not entry.name.lower().endswith(".txt") or entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                scan.candidates.append(_symlink(path, inbox))
                continue
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                scan.candidates.append(_unreadable(path, exc))
                continue
            if not stat.S_ISREG(info.st_mode):
                scan.ignored.append(path)
            elif now - info.st_mtime < settle_seconds:
                scan.deferred.append(path)
            else:
                scan.candidates.append(_regular(path, info, max_bytes, known.get(stored_name(entry.name))))
    return scan


def _regular(path: Path, info: os.stat_result, max_bytes: int, stamp: FileStamp | None) -> Candidate:
    reason = f"oversized: {info.st_size} bytes > limit {max_bytes}" if info.st_size > max_bytes else None
    if stamp and stamp.size == info.st_size and stamp.mtime_ns == info.st_mtime_ns:
        return Candidate(path, stamp.sha256, reason, info.st_size, info.st_mtime_ns, hashed=False)
    try:
        digest = _stream_hash(path)
    except OSError as exc:
        return _unreadable(path, exc)
    return Candidate(path, digest, reason, info.st_size, info.st_mtime_ns)


def stored_name(name: str) -> str:
    """A file name as sitrep stores it (warehouse, lake, logs): unchanged when it is valid
    UTF-8 without a backslash, which is nearly every name; otherwise each undecodable byte is
    written `\\xNN` (Python hands such bytes over as surrogates, which no UTF-8 writer accepts)
    and each literal backslash `\\\\`, so the stored text is one name's alone: the byte 0xE9
    and the four characters `\\xe9` of another name stay apart. Lossless: reading `\\xNN` as
    the byte NN and `\\\\` as one backslash gives the name's bytes back. A warehouse made
    before backslashes were doubled keeps its rows as stored; a file whose name holds a literal
    backslash is then seen under its new text (re-hashed once; its content is known, so nothing
    is loaded twice)."""
    try:
        name.encode("utf-8")
        if "\\" not in name:
            return name
    except UnicodeEncodeError:
        pass
    doubled = name.replace("\\", "\\\\")
    return os.fsencode(doubled).decode("utf-8", errors="backslashreplace")


def stored_path(path: Path | str) -> str:
    """`stored_name` of a whole path."""
    return stored_name(str(path))


def read_bytes(path: Path, sha256: str) -> bytes | None:
    """A candidate's content, or None when it changed since the scan (it waits for a later run)."""
    data = Path(path).read_bytes()
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def _symlink(path: Path, inbox: Path) -> Candidate:
    target = os.readlink(path)
    resolved = (path.parent / target).resolve()
    where = "inside" if resolved.is_relative_to(inbox.resolve()) else "outside"
    key = hashlib.sha256(f"symlink\0{path.name}\0{target}".encode()).hexdigest()
    return Candidate(path, key, f"symbolic link to {where} the inbox ({target}): not followed")


def _unreadable(path: Path, exc: OSError) -> Candidate:
    key = hashlib.sha256(f"unreadable\0{path.name}\0{exc.errno}".encode()).hexdigest()
    return Candidate(path, key, f"unreadable: {exc.strerror or exc}")


def _stream_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
