"""Fixtures of the warehouse tests."""

from __future__ import annotations

import pytest

from warehouse import store


@pytest.fixture()
def con(tmp_path):
    """A fresh warehouse file with the current contract's schema, closed after the test."""
    c = store.connect(tmp_path / "w.duckdb")
    store.ensure_schema(c)
    yield c
    c.close()
