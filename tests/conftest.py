"""Shared fixtures. The customer's files live in ../shared (never copied into the repo)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_INBOX = SHARED / "samples" / "inbox"
SHARED_GOLD = SHARED / "gold" / "seeds_gold.jsonl"
SAMPLES_INBOX = REPO / "samples" / "inbox"
# The run day the sample inboxes (bundled, customer, tests/gold/dev) are ingested on in tests, after
# all their dates: their year-less datelines ("BAGHDAD, Oct. 18 (Reuters)") take the latest such day
# not after the run day, so a test on the clock's day would move them to the clock's year.
SAMPLES_RUN_DAY = dt.date.fromisoformat((REPO / "samples" / "run_day.txt").read_text(encoding="utf-8").strip())

needs_shared = pytest.mark.skipif(not SHARED_INBOX.is_dir(), reason="../shared/samples/inbox is absent (customer data lives beside the repo)")


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    if not SHARED_GOLD.exists():
        pytest.skip("../shared/gold/seeds_gold.jsonl is absent")
    return {g["doc_id"]: g for g in map(json.loads, SHARED_GOLD.read_text(encoding="utf-8").splitlines()) if g}


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (a fresh database costs ~20 s)."""
    from flows import __name__ as _  # noqa: F401  (sets sitrep's offline Prefect defaults)
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


def read_shared(name: str) -> bytes:
    return (SHARED_INBOX / name).read_bytes()


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    return path


# Tests write files and ingest them at once; the settle time is tested where it matters.
os.environ["SITREP_SETTLE_SECONDS"] = "0"


@pytest.fixture(scope="session")
def s3_endpoint():
    """A local S3-compatible server (moto in server mode) for the object-store lake; yields a
    function that gives a fresh bucket's lake URI."""
    import socket
    import uuid

    from moto.server import ThreadedMotoServer

    for key, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                       "AWS_DEFAULT_REGION": "us-east-1"}.items():
        os.environ.setdefault(key, value)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield lambda: (f"s3://sitrep-{uuid.uuid4().hex[:8]}/lake?endpoint_override=127.0.0.1:{port}"
                       "&scheme=http&allow_bucket_creation=true&region=us-east-1")
    finally:
        server.stop()
