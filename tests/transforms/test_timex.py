import datetime as dt
import json

import pytest

from tests.conftest import SHARED
from transforms.timex import parse_dct, tag_timexes

DCT = dt.date(2023, 11, 14)  # a Tuesday


def values(text, dct=DCT):
    return [(t.text, t.type, t.value) for t in tag_timexes(text, dct)]


@pytest.mark.parametrize("text, expected", [
    ("on November 3, 2023", ("November 3, 2023", "DATE", "2023-11-03")),
    ("on Nov. 9", ("Nov. 9", "DATE", "2023-11-09")),
    ("on Thursday", ("Thursday", "DATE", "2023-11-09")),
    ("yesterday", ("yesterday", "DATE", "2023-11-13")),
    ("in 2021", ("2021", "DATE", "2021")),
    ("last week", ("last week", "DATE", "2023-W45")),
    ("last month", ("last month", "DATE", "2023-10")),
    ("this year", ("this year", "DATE", "2023")),
    ("the fourth quarter", ("the fourth quarter", "DATE", "2023-Q4")),
    ("two years", ("two years", "DURATION", "P2Y")),
    ("the past five days", ("the past five days", "DURATION", "P5D")),
    ("a 12-hour shift", ("12-hour", "DURATION", "PT12H")),
    ("weekly", ("weekly", "SET", "P1W")),
    ("recently", ("recently", "DATE", "PAST_REF")),
    ("now", ("now", "DATE", "PRESENT_REF")),
    ("Thursday night", ("Thursday night", "DATE", "2023-11-09")),  # TimeBank: the day itself
    ("at 16:08 UTC", ("16:08 UTC", "TIME", "2023-11-14T16:08Z")),
    ("overnight, drones", ("overnight", "TIME", "2023-11-13TNI")),
])
def test_expressions_are_typed_and_normalized(text, expected):
    assert values(text) == [expected]


def test_a_weekday_after_will_lies_ahead():
    assert values("Talks will resume on Friday.")[0][2] == "2023-11-17"


def test_the_same_day_refers_to_the_day_last_mentioned():
    assert values("It began on Nov. 2. Rockets fell the same day.")[-1][2] == "2023-11-02"


def test_numbers_that_are_not_years_are_not_dates():
    assert values("The Russell 2000 fell; 2000 people marched; it cost $2019.") == []


def test_month_names_that_are_words_are_not_dates():
    assert values("This may help us march on.") == []


def test_dct_formats():
    assert parse_dct("2009-02-03") == dt.date(2009, 2, 3) == parse_dct("03-02-2009")
    with pytest.raises(ValueError):
        parse_dct("soon")


def test_value_f1_on_meantime_is_at_least_085():
    """Quality gate on the development corpus (TempEval-3 value F1, relaxed span match)."""
    path = SHARED / "gold" / "meantime" / "meantime_en_intradoc.jsonl"
    if not path.exists():
        pytest.skip("../shared/gold/meantime is absent")
    gold_n = pred_n = correct = 0
    for doc in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        lo, hi = doc["annotated_region"]["start"], doc["annotated_region"]["end"]
        creation = [t for t in doc["timexes"] if "CREATION_TIME" in (t.get("function"), t.get("functionInDocument"))]
        gold = [t for t in doc["timexes"] if t not in creation and lo <= t["start"] < hi]
        pred = [t for t in tag_timexes(doc["text"], parse_dct(doc["dct"])) if lo <= t.start < hi
                and not any(t.start < c["end"] and c["start"] < t.end for c in creation)]
        gold_n, pred_n, used = gold_n + len(gold), pred_n + len(pred), set()
        for p in pred:
            hit = next((i for i, g in enumerate(gold) if i not in used and p.start < g["end"] and g["start"] < p.end), None)
            if hit is not None:
                used.add(hit)
                correct += p.value == gold[hit]["value"]
    precision, recall = correct / pred_n, correct / gold_n
    assert 2 * precision * recall / (precision + recall) >= 0.85
