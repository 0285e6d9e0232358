"""Scoring a warehouse against a gold file (../shared/gold/README.md), as `sitrep eval` reports it.

The rules are those of the reference scorer (../shared/tools/score_warehouse.py) and a test
checks that both give the same figures on the same warehouse: publication-date accuracy;
entity P/R/F1 on (canonical entity, type) with aliases; event P/R/F1 by greedy one-to-one
evidence matching, then date, country and weapon accuracy; tally P/R/F1 on count and period
end within a day; duplicate pairs; weekly incident error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from expectations import examples as ex

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u00a0": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_WEAPON_SYNONYMS = {"one-way attack drone": "drone", "uav": "drone", "uas": "drone", "ballistic missile": "missile",
                    "cruise missile": "missile", "rockets": "rocket", "drones": "drone", "missiles": "missile"}


@dataclass
class Prediction:
    """What the warehouse holds, keyed the way the gold file is (by file name)."""

    documents: dict[str, dict]  # file name -> documents row
    entities: dict[str, dict]  # entity_id -> entities row
    mentions: dict[str, set[str]] = field(default_factory=dict)  # doc_id -> entity ids
    events: dict[str, list[dict]] = field(default_factory=dict)  # doc_id -> attack_events rows
    tallies: dict[str, list[dict]] = field(default_factory=dict)  # doc_id -> tallies rows


def normalize(text: str | None) -> str:
    return _WS.sub(" ", (text or "").translate(_QUOTES)).strip().casefold()


def as_day(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def same_sentence(predicted: str | None, gold: str | None) -> bool:
    """Evidence overlaps a gold sentence; a paragraph or a whole body is not evidence of it."""
    a, b = normalize(predicted), normalize(gold)
    if not a or not b or len(a) > 2 * len(b) + 80:
        return False
    return a in b or b in a


def weapons_of(weapons) -> set[str]:
    return {_WEAPON_SYNONYMS.get(normalize(w), normalize(w)) for w in weapons or []} - {"unknown"}


def date_within(pred: dict, gold: dict) -> bool | None:
    lo, hi = as_day(gold.get("date_min")), as_day(gold.get("date_max"))
    if lo is None or hi is None:
        return None
    day = as_day(pred.get("event_date"))
    if day is not None:
        return lo <= day <= hi
    pmin, pmax = as_day(pred.get("date_min")), as_day(pred.get("date_max"))
    return pmin is not None and pmax is not None and lo <= pmin and pmax <= hi


def score(golds: list[dict], pred: Prediction, examples: int = 0) -> dict:
    """The report (figures keyed as score_warehouse.py's); with `examples` > 0 also `examples`:
    up to that many events of each kind of error (missed, spurious, wrong_date, wrong_country;
    `expectations.examples`), with the document, the gold's values and the warehouse's."""
    counts = defaultdict(int)
    errors: list[dict] = []
    gold_weeks: dict[dt.date, set] = defaultdict(set)
    pred_weeks: dict[dt.date, set] = defaultdict(set)
    doc_name = {d["doc_id"]: name for name, d in pred.documents.items()}
    for g in golds:
        doc = pred.documents.get(g["doc_id"])
        doc_id = doc["doc_id"] if doc else None
        events = pred.events.get(doc_id, [])
        counts["docs_missing"] += doc is None
        counts["pub_ok"] += _publication_ok(g, doc)
        _score_entities(g["entities"], pred.mentions.get(doc_id, set()), pred.entities, counts)
        _score_events(g, events, counts, errors)
        _score_tallies(g["tallies"], pred.tallies.get(doc_id, []), counts)
        _score_duplicate(g.get("duplicate_of"), doc_name.get(doc["duplicate_of"]) if doc and doc["duplicate_of"] else None, counts)
        for ge in g["attack_events"]:
            if ge.get("date"):
                gold_weeks[_monday(as_day(ge["date"]))].add(ge.get("incident_id") or (g["doc_id"], ge["evidence"]))
        for p in events:
            if p.get("event_date"):
                pred_weeks[_monday(as_day(p["event_date"]))].add(p.get("incident_id") or p.get("event_id"))
    report = _report(len(golds), counts, gold_weeks, pred_weeks)
    if examples > 0:
        report["examples"] = ex.pick(errors, examples)
    return report


def _publication_ok(g: dict, doc: dict | None) -> bool:
    if doc is None:
        return False
    if g["published"]:
        return as_day(doc["published_date"]) == as_day(g["published"])
    return doc["published_date"] is None or doc["published_source"] in ("inferred", "file", "none")


def _score_entities(gold_entities: list[dict], predicted: set[str], entities: dict[str, dict], counts) -> None:
    forms = [(g["type"], {normalize(g["canonical"])} | {normalize(s) for s in g.get("surfaces", [])})
             for g in gold_entities]
    matched: set[int] = set()
    for entity_id in sorted(predicted):
        e = entities.get(entity_id)
        if not e:
            continue
        names = {normalize(e["name"])} | {normalize(a) for a in e["aliases"] or []}
        hit = next((i for i, (kind, f) in enumerate(forms)
                    if i not in matched and kind == e["entity_type"] and names & f), None)
        if hit is not None:
            matched.add(hit)
    counts["ent_tp"] += len(matched)
    counts["ent_fp"] += len(predicted) - len(matched)
    counts["ent_fn"] += len(forms) - len(matched)


def _score_events(g: dict, preds: list[dict], counts, errors: list[dict] | None = None) -> None:
    """Match predicted to gold events, count them; append the errors to `errors` (examples)."""
    errors = [] if errors is None else errors
    gold = g["attack_events"]
    text = lambda x: x["evidence"] if isinstance(x, dict) else x  # noqa: E731
    non_events = [normalize(text(s)) for s in g.get("non_events") or []]
    neutral = [normalize(text(s)) for s in g.get("neutral_mentions") or []]
    sentences = [[ge["evidence"], *(ge.get("also_evidence") or [])] for ge in gold]
    candidates = []
    for pi, p in enumerate(preds):
        for gi, ge in enumerate(gold):
            if any(same_sentence(p.get("evidence"), s) for s in sentences[gi]):
                agreement = (date_within(p, ge) is True) + (p.get("country_code") == ge.get("country")) + \
                    bool(weapons_of(p.get("weapons")) & weapons_of(ge.get("weapons")))
                candidates.append((-agreement, pi, gi))
    pred_to_gold: dict[int, int] = {}
    gold_taken: set[int] = set()
    for _, pi, gi in sorted(candidates):
        if pi not in pred_to_gold and gi not in gold_taken:
            pred_to_gold[pi] = gi
            gold_taken.add(gi)
    for pi, p in enumerate(preds):
        if pi in pred_to_gold:
            continue
        evidence = normalize(p.get("evidence"))
        if any(evidence and (evidence in s or s in evidence) for s in neutral):
            counts["ev_ignored"] += 1
            continue
        counts["ev_fp"] += 1
        errors.append(_error("spurious", g, {"attack": False}, [p]))
        on_gold = any(same_sentence(p.get("evidence"), s) for ss in sentences for s in ss)
        if not on_gold and any(evidence and (evidence in s or s in evidence) for s in non_events):
            counts["ev_fp_nonevent"] += 1
    counts["ev_tp"] += len(pred_to_gold)
    counts["ev_fn"] += len(gold) - len(gold_taken)
    unmatched = [p for pi, p in enumerate(preds) if pi not in pred_to_gold]
    errors += [_error("missed", g, _gold_event(ge), unmatched) for gi, ge in enumerate(gold) if gi not in gold_taken]
    counts["non_events"] += len(non_events)
    for pi, gi in pred_to_gold.items():
        p, ge = preds[pi], gold[gi]
        ok = date_within(p, ge)
        if ok is not None:
            counts["date_n"] += 1
            counts["date_ok"] += ok
            if not ok:
                errors.append(_error("wrong_date", g, _gold_event(ge), [p]))
        if ge.get("country") and len(ge["country"]) == 2:
            counts["country_n"] += 1
            counts["country_ok"] += p.get("country_code") == ge["country"]
            if p.get("country_code") != ge["country"]:
                errors.append(_error("wrong_country", g, _gold_event(ge), [p]))
        if weapons_of(ge.get("weapons")):
            counts["weapon_n"] += 1
            counts["weapon_ok"] += bool(weapons_of(ge.get("weapons")) & weapons_of(p.get("weapons")))


def _gold_event(ge: dict) -> dict:
    """The gold values of one attack a reader compares with the warehouse's."""
    keys = ("date", "date_min", "date_max", "country", "weapons", "evidence")
    return {k: ge[k] for k in keys if ge.get(k) not in (None, "", [])}


def _error(kind: str, g: dict, expected: dict, preds: list[dict]) -> dict:
    return {"kind": kind, "document": g["doc_id"], "expected": expected, "produced": ex.produced(preds)}


def _score_tallies(gold: list[dict], preds: list[dict], counts) -> None:
    taken: set[int] = set()
    for p in preds:
        for i, t in enumerate(gold):
            if i in taken or int(p["count"]) != int(t["count"]):
                continue
            gold_end, pred_end = as_day(t.get("period_end")), as_day(p.get("period_end"))
            if gold_end is not None and (pred_end is None or abs((pred_end - gold_end).days) > 1):
                continue
            taken.add(i)
            break
    counts["tal_tp"] += len(taken)
    counts["tal_fp"] += len(preds) - len(taken)
    counts["tal_fn"] += len(gold) - len(taken)


def _score_duplicate(gold_of: str | None, pred_of: str | None, counts) -> None:
    if gold_of and pred_of == gold_of:
        counts["dup_tp"] += 1
    else:
        counts["dup_fn"] += bool(gold_of)
        counts["dup_fp"] += bool(pred_of)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _ratio(ok: int, n: int) -> float:
    return round(ok / n, 4) if n else 0.0


def _report(docs: int, c, gold_weeks, pred_weeks) -> dict:
    weeks = sorted(set(gold_weeks) | set(pred_weeks))
    error = sum(abs(len(pred_weeks[w]) - len(gold_weeks[w])) for w in weeks)
    gold_total = sum(len(gold_weeks[w]) for w in weeks)
    ep, er, ef = prf(c["ev_tp"], c["ev_fp"], c["ev_fn"])
    np_, nr, nf = prf(c["ent_tp"], c["ent_fp"], c["ent_fn"])
    tp, tr, tf = prf(c["tal_tp"], c["tal_fp"], c["tal_fn"])
    return {
        "docs": docs, "docs_missing": c["docs_missing"], "pub_date_acc": _ratio(c["pub_ok"], docs),
        "entity_p": np_, "entity_r": nr, "entity_f1": nf,
        "event_p": ep, "event_r": er, "event_f1": ef,
        "event_fp_on_non_events": c["ev_fp_nonevent"], "non_event_sentences": c["non_events"],
        "event_date_acc": _ratio(c["date_ok"], c["date_n"]),
        "event_country_acc": _ratio(c["country_ok"], c["country_n"]),
        "event_weapon_acc": _ratio(c["weapon_ok"], c["weapon_n"]),
        "tally_p": tp, "tally_r": tr, "tally_f1": tf,
        "dup_tp": c["dup_tp"], "dup_fp": c["dup_fp"], "dup_fn": c["dup_fn"],
        "weekly_incidents_rel_error": round(error / gold_total, 4) if gold_total else 0.0,
        "weekly": {str(w): [len(pred_weeks[w]), len(gold_weeks[w])] for w in weeks},
    }


def prediction_from_rows(rows: dict[str, list[dict]]) -> Prediction:
    """Build the scorer's view from plain warehouse rows (see warehouse.query.contract_rows)."""
    import os

    pred = Prediction(documents={os.path.basename(d["source_path"]): d for d in rows["documents"]},
                      entities={e["entity_id"]: e for e in rows["entities"]})
    for m in rows["mentions"]:
        pred.mentions.setdefault(m["doc_id"], set()).add(m["entity_id"])
    for e in rows["attack_events"]:
        pred.events.setdefault(e["doc_id"], []).append(e)
    for t in rows["tallies"]:
        pred.tallies.setdefault(t["doc_id"], []).append(t)
    return pred
