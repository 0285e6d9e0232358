"""Loading of the versioned reference data in transforms/data (read once, cached)."""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from typing import Any


def data_text(name: str) -> str:
    return resources.files("transforms").joinpath("data", name).read_text(encoding="utf-8")


@cache
def word_list(name: str) -> tuple[str, ...]:
    """A list file: one entry per line, `#` comments and blank lines ignored."""
    lines = (line.strip() for line in data_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def csv_rows(name: str) -> tuple[dict[str, str], ...]:
    lines = [line for line in data_text(name).splitlines() if not line.startswith("#")]
    return tuple(csv.DictReader(lines))


@cache
def jsonl(name: str) -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in data_text(name).splitlines() if line.strip() and not line.startswith("#"))
