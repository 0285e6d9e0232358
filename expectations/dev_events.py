"""Scoring a warehouse against a document-level attack gold (../shared/dev/events/gold.jsonl).

The rules are those of the reference scorer (../shared/tools/score_events.py), and a test checks
that both give the same figures on the same warehouse. A gold line names a file and says whether
it reports an attack (`label` 1), does not (0), or is scored apart (null: armed clashes,
intercepted attacks, debatable kinds). A document with at least one attack_events row is
predicted positive. Date, country, distance and sub-type are read on the document's first event
(lowest start_char; the reference leaves ties of one sentence's events in the database's order,
here they go by anchor_char, the position of each event's own trigger) of the detected attacks.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict

from expectations import examples as ex
from expectations.gold import as_day, prf
from transforms.geonames import km

NEAR_KM = 50
HELD_OUT_ONE_IN = 3  # the share of notes held out from tuning: one in three
SPLITS = ("tune", "heldout")


def split_of(gold: dict) -> str:
    """"heldout" for about one note in `HELD_OUT_ONE_IN`, "tune" for the others. The split reads
    the first byte of the SHA-256 of the note's source id (ACLED `event_id_cnty`; the file name
    when absent), so it is the same on every machine and for every rebuild of the set that keeps
    the ids. Rules are tuned on "tune" only; "heldout" tells whether they generalize."""
    key = str(gold.get("source_id") or gold["file"]).encode()
    return "heldout" if hashlib.sha256(key).digest()[0] % HELD_OUT_ONE_IN == 0 else "tune"


def is_dev_events_gold(golds: list[dict]) -> bool:
    """The dev-set format: one line per file with a `label`, no `attack_events` list."""
    return bool(golds) and all("file" in g and "label" in g and "attack_events" not in g for g in golds)


def score_dev_events(golds: list[dict], rows: dict[str, list[dict]], by_split: bool = True, examples: int = 0) -> dict:
    """Figures keyed as score_events.py's --json `figures` (precision, recall, f1, tp, fp, fn, tn,
    date_exact, date_range, date_exact_any, country, country_any, location_50km,
    sub_event_type, <group>_with_events), plus `recall_by_sub_type` and
    `false_positive_rate_by_sub_type` ({sub-type: [hits, total, rate]}), and with `by_split`
    the same figures of the tuning and the held-out notes (`by_split`: {"tune": ..., "heldout": ...}).
    With `examples` > 0, `examples` holds up to that many notes of each kind of error (missed,
    spurious, wrong_date, wrong_country: `expectations.examples`), the first event deciding date
    and country as in the figures."""
    events = _events_by_file(rows)
    errors: list[dict] = []
    counts: Counter = Counter()
    per_sub: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    checks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    null_groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in golds:
        found = events.get(g["file"], [])
        hit = bool(found)
        label, group, sub = g.get("label"), g.get("group") or str(g.get("label")), g.get("sub_event_type")
        _add(per_sub[(group, label, sub)], hit)
        wrong = []
        if label == 1:
            counts["tp" if hit else "fn"] += 1
            wrong = [] if hit else ["missed"]
        elif label == 0:
            counts["fp" if hit else "tn"] += 1
            wrong = ["spurious"] if hit else []
        else:
            _add(null_groups[group], hit)
        if label == 1 and hit:
            wrong = _score_first_event(g, found, checks)
        errors += [_error(kind, g, found) for kind in wrong]
    p, r, f1 = prf(counts["tp"], counts["fp"], counts["fn"])
    figures = {"docs": len(golds), "precision": p, "recall": r, "f1": f1, **{k: counts[k] for k in ("tp", "fp", "fn", "tn")},
               **{k: _rate(v) for k, v in checks.items()},
               **{f"{k}_with_events": _rate(v) for k, v in null_groups.items()}}
    figures["recall_by_sub_type"] = {k[2]: [*v, _rate(v)] for k, v in sorted(per_sub.items(), key=str) if k[1] == 1}
    figures["false_positive_rate_by_sub_type"] = {k[2]: [*v, _rate(v)] for k, v in sorted(per_sub.items(), key=str)
                                                  if k[1] == 0}
    if by_split:
        figures["by_split"] = {name: score_dev_events([g for g in golds if split_of(g) == name], rows, by_split=False)
                               for name in SPLITS}
    if examples > 0:
        figures["examples"] = ex.pick(errors, examples)
    return figures


def _error(kind: str, g: dict, found: list[dict]) -> dict:
    """One example item (expectations.examples) of a gold note."""
    text = " ".join((g.get("text") or "").split())
    expected = {"attack": {1: True, 0: False}.get(g.get("label")), "event_date": g.get("event_date"),
                "country_code": g.get("country_code"), "sub_event_type": g.get("sub_event_type"),
                "text": text[:ex.EVIDENCE_CHARS] + ("…" if len(text) > ex.EVIDENCE_CHARS else "")}
    return {"kind": kind, "document": g["file"], "sub_event_type": g.get("sub_event_type"),
            "expected": {k: v for k, v in expected.items() if v not in (None, "")}, "produced": ex.produced(found)}


def _score_first_event(g: dict, found: list[dict], checks) -> list[str]:
    """Tally the first event's date, country, place and sub-type; returns the error kinds
    (wrong_date: not the gold's exact day; wrong_country)."""
    first = found[0]
    wrong = []
    if g.get("event_date") and g.get("time_precision") in (1, None):
        day = as_day(g["event_date"])
        lo, hi = as_day(first.get("date_min")), as_day(first.get("date_max"))
        _add(checks["date_exact"], as_day(first.get("event_date")) == day)
        if as_day(first.get("event_date")) != day:
            wrong.append("wrong_date")
        _add(checks["date_range"], bool(lo and hi and lo <= day <= hi))
        _add(checks["date_exact_any"], any(as_day(e.get("event_date")) == day for e in found))
        if "date_stated" in g:
            _add(checks["date_exact/stated" if g["date_stated"] else "date_exact/not_stated"],
                 as_day(first.get("event_date")) == day)
    if g.get("country_code"):
        _add(checks["country"], first.get("country_code") == g["country_code"])
        if first.get("country_code") != g["country_code"]:
            wrong.append("wrong_country")
        _add(checks["country_any"], any(e.get("country_code") == g["country_code"] for e in found))
    if g.get("latitude") is not None and g.get("longitude") is not None:
        placed = first.get("latitude") is not None and first.get("longitude") is not None
        _add(checks["location_50km"], placed and km(first["latitude"], first["longitude"], float(g["latitude"]),
                                                     float(g["longitude"])) <= NEAR_KM)
    if any(e.get("sub_event_type") for e in found):
        _add(checks["sub_event_type"], (first.get("sub_event_type") or "").lower() == (g.get("sub_event_type") or "").lower())
    return wrong


def _events_by_file(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """file name -> its events in text order, each with its location's coordinates."""
    places = {e["entity_id"]: e for e in rows["entities"]}
    names = {d["doc_id"]: os.path.basename(d["source_path"] or "") for d in rows["documents"]}
    out: dict[str, list[dict]] = defaultdict(list)
    # events of one sentence share start_char: anchor_char (distinct within a document) orders
    # them; the reference scorer's `order by doc_id, start_char` leaves such ties to the database
    for e in sorted(rows["attack_events"], key=lambda e: (e["doc_id"], e["start_char"], e.get("anchor_char") or 0)):
        place = places.get(e.get("location_id") or "", {})
        out[names.get(e["doc_id"], "")].append({**e, "latitude": place.get("latitude"), "longitude": place.get("longitude")})
    return out


def _add(tally: list[int], ok: bool) -> None:
    tally[0] += bool(ok)
    tally[1] += 1


def _rate(tally: list[int]) -> float | None:
    return tally[0] / tally[1] if tally[1] else None
