"""`sitrep eval --examples N` (#17): the items behind the event figures (missed, spurious,
wrong date, wrong country) with the document, the gold's values and the warehouse's, for both
gold formats. Invented gold lines and rows."""

from __future__ import annotations

import datetime as dt

from expectations import examples as ex
from expectations.dev_events import score_dev_events
from expectations.gold import Prediction, score

DAY = dt.date(2025, 3, 11)


def _event(doc_id: str, evidence: str, day=DAY, country="SO", weapons=("ied",), start=0, sub=None) -> dict:
    return {"event_id": f"{doc_id}-{start}", "doc_id": doc_id, "incident_id": f"i-{doc_id}-{start}", "event_date": day,
            "date_min": day, "date_max": day, "country_code": country, "weapons": list(weapons), "evidence": evidence,
            "start_char": start, "anchor_char": start, "sub_event_type": sub, "location_id": None}


def _article_gold(name: str, events: list[dict]) -> dict:
    return {"doc_id": name, "published": "2025-03-12", "entities": [], "tallies": [], "duplicate_of": None,
            "attack_events": events}


BOMB = "A roadside bomb killed four police officers near Kismayo on Tuesday."
SHELLING = "Shelling hit the market in Gao on Tuesday."
RAID = "Gunmen raided a village near Djibo on Tuesday."


def _article_case():
    golds = [
        _article_gold("a.txt", [{"evidence": BOMB, "date": "2025-03-11", "date_min": "2025-03-11",
                                 "date_max": "2025-03-11", "country": "SO", "weapons": ["ied"]},
                                {"evidence": RAID, "date": "2025-03-11", "date_min": "2025-03-11",
                                 "date_max": "2025-03-11", "country": "BF", "weapons": []}]),
        _article_gold("b.txt", [{"evidence": SHELLING, "date": "2025-03-11", "date_min": "2025-03-11",
                                 "date_max": "2025-03-11", "country": "ML", "weapons": ["artillery"]}]),
    ]
    docs = {"a.txt": {"doc_id": "A", "published_date": DAY, "published_source": "header", "duplicate_of": None},
            "b.txt": {"doc_id": "B", "published_date": DAY, "published_source": "header", "duplicate_of": None}}
    events = {"A": [_event("A", BOMB, day=dt.date(2025, 3, 4)),  # a week early: wrong date
                    _event("A", "Officials said the attack was the third this month.", start=80)],  # spurious
              "B": [_event("B", SHELLING, country="NE", weapons=("artillery",))]}  # wrong country
    return golds, Prediction(documents=docs, entities={}, events=events)


def test_the_article_gold_lists_missed_spurious_and_wrong_items_with_both_values():
    golds, pred = _article_case()
    report = score(golds, pred, examples=5)
    found = report["examples"]
    assert list(found) == ["missed", "spurious", "wrong_date", "wrong_country"]
    missed = found["missed"]["items"][0]
    assert missed["document"] == "a.txt" and missed["expected"]["evidence"] == RAID and missed["expected"]["country"] == "BF"
    assert [p["evidence"] for p in missed["produced"]] == ["Officials said the attack was the third this month."]
    assert found["spurious"]["items"][0]["expected"] == {"attack": False}
    date = found["wrong_date"]["items"][0]
    assert (date["expected"]["date"], date["produced"][0]["event_date"]) == ("2025-03-11", "2025-03-04")
    country = found["wrong_country"]["items"][0]
    assert (country["document"], country["expected"]["country"], country["produced"][0]["country_code"]) == \
        ("b.txt", "ML", "NE")
    assert all(found[k]["count"] == 1 for k in found)


def test_without_examples_the_report_is_what_the_reference_scorer_gives():
    golds, pred = _article_case()
    plain = score(golds, pred)
    assert "examples" not in plain
    with_examples = score(golds, pred, examples=3)
    assert {k: v for k, v in with_examples.items() if k != "examples"} == plain


def _note(name: str, label, day="2025-03-11", country="SO", sub="Remote explosive/landmine/IED") -> dict:
    return {"file": name, "label": label, "event_date": day, "time_precision": 1, "country_code": country,
            "sub_event_type": sub, "text": f"Invented note {name}."}


def test_the_dev_events_gold_lists_missed_spurious_and_wrong_notes():
    golds = [_note("n1.txt", 1), _note("n2.txt", 0, sub="Looting/property destruction"), _note("n3.txt", 1),
             _note("n4.txt", 1, country="KE", sub="Grenade"), _note("n5.txt", 1)]
    rows = {"documents": [{"doc_id": d, "source_path": f"/inbox/{d.lower()}.txt"} for d in ("N2", "N3", "N4", "N5")],
            "entities": [],
            "attack_events": [_event("N2", "Looters burned a shop."), _event("N3", "A bomb went off.", day=dt.date(2025, 3, 9)),
                              _event("N4", "A grenade was thrown.", country="SO"), _event("N5", "A mine exploded.")]}
    report = score_dev_events(golds, rows, examples=10)
    kinds = {k: [i["document"] for i in v["items"]] for k, v in report["examples"].items()}
    assert kinds == {"missed": ["n1.txt"], "spurious": ["n2.txt"], "wrong_date": ["n3.txt"], "wrong_country": ["n4.txt"]}
    wrong = report["examples"]["wrong_country"]["items"][0]
    assert (wrong["expected"]["country_code"], wrong["produced"][0]["country_code"]) == ("KE", "SO")
    assert report["examples"]["missed"]["items"][0]["expected"]["text"] == "Invented note n1.txt."
    assert "examples" not in report["by_split"]["tune"] and "examples" not in score_dev_events(golds, rows)


def test_examples_are_spread_over_sub_types_and_capped():
    items = [{"kind": "missed", "document": f"{sub}{i}.txt", "sub_event_type": sub, "expected": {}, "produced": []}
             for sub in ("Grenade", "Attack") for i in range(3)]
    picked = ex.pick(items, 3)["missed"]
    assert picked["count"] == 6
    assert [i["document"] for i in picked["items"]] == ["Attack0.txt", "Grenade0.txt", "Attack1.txt"]
    assert ex.pick(items, 0) == {}
