"""The items behind a score (`sitrep eval --examples N`): which attacks were missed, which were
found that the gold does not hold, and which were found with the wrong date or country.

Each item is a dict: `kind` (one of KINDS), `document` (the file name the gold names),
`expected` (what the gold says, a dict) and `produced` (what the warehouse holds: a list of
event summaries, empty when nothing), plus `sub_event_type` when the gold has one. Examples are
picked round-robin over sub-types (then documents), in file order within each, as the reference
scorer ../shared/tools/score_events.py --examples does, so one frequent kind does not hide the
others.
"""

from __future__ import annotations

from collections import OrderedDict

# missed: the gold has an attack, the warehouse none (no event in the document, or no event on
# the gold sentence); spurious: the warehouse has one the gold does not; wrong_date,
# wrong_country: an attack found on the right document or sentence with another date or country
KINDS = ("missed", "spurious", "wrong_date", "wrong_country")
EVIDENCE_CHARS = 200  # an evidence sentence is cut here: enough to find it, not a page of text
EVENTS_SHOWN = 3  # events of a document listed in `produced`; the rest are counted


def event_summary(e: dict) -> dict:
    """The values of one attack_events row a reader compares with the gold."""
    evidence = " ".join((e.get("evidence") or "").split())
    return {"event_date": _iso(e.get("event_date")), "date_min": _iso(e.get("date_min")),
            "date_max": _iso(e.get("date_max")), "country_code": e.get("country_code"),
            "weapons": list(e.get("weapons") or []), "sub_event_type": e.get("sub_event_type"),
            "evidence": evidence[:EVIDENCE_CHARS] + ("…" if len(evidence) > EVIDENCE_CHARS else "")}


def produced(events: list[dict]) -> list[dict]:
    """Summaries of a document's first EVENTS_SHOWN events, in text order."""
    return [event_summary(e) for e in events[:EVENTS_SHOWN]]


def pick(items: list[dict], n: int) -> dict[str, dict]:
    """{kind: {"count": all items of the kind, "items": up to n of them}} for every kind that has
    items, in KINDS order; n <= 0 gives {}."""
    if n <= 0:
        return {}
    out = {}
    for kind in KINDS:
        of_kind = [i for i in items if i["kind"] == kind]
        if of_kind:
            out[kind] = {"count": len(of_kind), "items": _spread(of_kind, n)}
    return out


def _spread(items: list[dict], n: int) -> list[dict]:
    """Up to n items, round-robin over sub-types, in document order within each."""
    groups: OrderedDict[str, list[dict]] = OrderedDict()
    for item in sorted(items, key=lambda i: (i.get("sub_event_type") or "", i["document"])):
        groups.setdefault(item.get("sub_event_type") or "", []).append(item)
    out: list[dict] = []
    while len(out) < n and any(groups.values()):
        for group in groups.values():
            if group and len(out) < n:
                out.append(group.pop(0))
    return out


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value is not None else None)
