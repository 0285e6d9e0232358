"""The tagger's rules are data (transforms/data/en/timex/rules.jsonl): each carries an example
that must come out as stated, and every vocabulary and placeholder it names must exist."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from transforms.timex import rules, tag_timexes
from transforms.timex_vocab import expand, number_value, vocabulary


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_every_rule_tags_its_own_example(rule):
    example = rule.example
    got = [(t.text, t.type, t.value) for t in tag_timexes(example["text"], dt.date.fromisoformat(example["dct"]))]
    for expected in example["expect"]:
        assert tuple(expected) in got, f"{rule.name}: {example['text']!r} gave {got}"


def test_rule_names_are_unique():
    names = [r.name for r in rules()]
    assert len(names) == len(set(names))


def test_an_unknown_placeholder_is_an_error():
    with pytest.raises(KeyError):
        expand("%no_such_vocabulary%")


def test_months_and_weekdays_are_spelled_once_in_the_vocabulary():
    v = vocabulary()
    assert sorted(v["month"].values()) == list(range(1, 13))
    assert sorted(v["weekday"].values()) == list(range(1, 8))
    assert set(v["month_abbr"].values()) <= set(range(1, 13))


@pytest.mark.parametrize("words, value", [
    ("twenty-four", 24), ("twenty four", 24), ("two thousand", 2000), ("a couple of", 2),
    ("a hundred and fifty", 150), ("7", 7), ("half a", 0.5), ("dozen", 12)])
def test_number_words_read_as_numbers(words, value):
    assert number_value(words) == value


def test_a_number_never_swallows_the_article_before_it():
    number = re.compile("^" + expand("%number%") + "$", re.I)
    assert not number.match("a four")
    got = [(t.text, t.value) for t in tag_timexes("It was a four day rally.", dt.date(2009, 3, 13))]
    assert got == [("four day", "P4D")]
