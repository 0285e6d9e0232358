"""Attacks on installations that host a foreign state's forces (component `attacks`): the hosted
forces are the target when the text names none ("a one-way attack drone struck Al-Asad Air Base":
an attack on U.S. forces, as ../shared/gold/ANNOTATION.md codes bases). The installations and the
months of each presence are data (`transforms/data/base_hosts.csv`)."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transforms.attack_rows import AttackEvent

_DATA = Path(__file__).parent / "data" / "base_hosts.csv"


def _month(text: str, last: bool) -> dt.date | None:
    """'2014-12' -> its first day (or, `last`, the first day of the month after); '' -> None."""
    if not text:
        return None
    year, month = (int(p) for p in text.split("-"))
    if last:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dt.date(year, month, 1)


@cache
def hosts() -> dict[str, list[tuple[str, dt.date | None, dt.date | None]]]:
    """installation entity_id -> [(host entity_id, first day, day after the last month or None)]."""
    table: dict[str, list[tuple[str, dt.date | None, dt.date | None]]] = {}
    with _DATA.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            table.setdefault(row["entity_id"], []).append(
                (row["host_id"], _month(row["from"], last=False), _month(row["to"], last=True)))
    return table


def host_of(location_id: str | None, day: dt.date) -> str | None:
    """The state whose forces installation `location_id` hosted on `day`, or None."""
    for host, first, after in hosts().get(location_id or "", ()):
        if (first is None or first <= day) and (after is None or day < after):
            return host
    return None


def hosted_targets(events: list[AttackEvent]) -> list[AttackEvent]:
    """`events` with the hosted forces as target (kind "military") where an event at a hosting
    installation names no target and its attacker is not the host (a U.S. strike near its own
    base attacks someone else). The presence must hold on the event's earliest possible day."""
    out = []
    for e in events:
        host = host_of(e.location_id, e.date_min) if e.target_id is None else None
        if host is not None and e.attacker_id != host:
            kind = e.target_kind if e.target_kind not in ("unknown", "facility") else "military"
            e = replace(e, target_id=host, target_kind=kind)
        out.append(e)
    return out
