"""The literal pre-test of a regex (`transforms.regex_gate`): it may only rule out texts the regex
cannot match."""

import random
import re

import pytest

from transforms import timex
from transforms.attack_rules import rules as attack_rules
from transforms.regex_gate import MARGIN, fold, may_match, required_literals, scan_regions


@pytest.mark.parametrize("pattern, flags, needs", [
    (r"\bab(?:c|d)e", 0, {"abce", "abde"}),
    (r"x(?:ab)?y", re.I, {"xaby", "xy"}),
    (r"\b(?:over|for)?\s*(?P<u>day|week)s?\b", re.I, {"day", "days", "week", "weeks"}),
    (r"(?:Jan|Feb)\.?\s+\d", 0, {"Jan", "Jan.", "Feb", "Feb."}),
    (r"[0-9]+ QUARTER", re.I, {" quarter"}),
    (r"a+b", 0, {"a"}),
    (r"(a)\1", 0, {"a"}),
    (r"[^x]yz?", 0, {"y", "yz"}),
])
def test_required_literals(pattern, flags, needs):
    assert required_literals(re.compile(pattern, flags)) == needs


@pytest.mark.parametrize("pattern", [r"\d+", r"(?:abc)?", r"a|\d", r"(?i:abc)d?", r"caf\u00e9"])
def test_no_literal_is_required_of_these(pattern):
    assert required_literals(re.compile(pattern)) is None


def test_ignorecase_letters_beyond_ascii_pass_the_gate():
    # re.I matches "ſ" (long s) as "s" and dotted/dotless I as "i": the gate must not rule them out
    pattern = re.compile(r"\bsix days\b", re.I)
    for text in ("ſix days", "SIX DAYS", "Six dayſ"):
        assert pattern.search(text) and may_match(required_literals(pattern), fold(text, pattern))
    dotted = re.compile(r"\bin\b", re.I)
    assert dotted.search("\u0130N") and may_match(required_literals(dotted), fold("\u0130N", dotted))


def _texts():
    rng = random.Random(3)
    words = "the on in day days week of last next two three March 5 2023 May 5th ago earlier quarter a.m. " \
            "Tuesday night since from until recent fall spring 1990s century mid- late early per every".split()
    return [" ".join(rng.choice(words) for _ in range(rng.randint(3, 30))) for _ in range(400)]


def test_a_rule_the_gate_rules_out_never_matches():
    """Every timex rule and attack pre-filter pattern, on its own examples and random word salads."""
    patterns = [(r.pattern, [r.example["text"]]) for r in timex.rules()]
    candidate = attack_rules().candidate
    patterns += [(p, []) for p in (candidate.strong, candidate.weak, candidate.support, *candidate.weapons)]
    texts = _texts()
    for pattern, own in patterns:
        needs = required_literals(pattern)
        for text in own + texts:
            if pattern.search(text):
                assert may_match(needs, fold(text, pattern)), (pattern.pattern[:80], text)


def test_the_timex_tagger_is_unchanged_by_its_gate(monkeypatch):
    """The same expressions with every rule scanning every text, and with the gate."""
    texts = _texts()
    gated = [timex.tag_timexes(t, timex.dt.date(2023, 11, 14)) for t in texts]
    ungated = tuple(timex.Rule(r.name, r.pattern, r.norm, r.example, None) for r in timex.rules())
    monkeypatch.setattr(timex, "rules", lambda lang=timex.LANGUAGE: ungated)
    assert [timex.tag_timexes(t, timex.dt.date(2023, 11, 14)) for t in texts] == gated


def test_scan_regions_surround_each_literal_and_merge():
    text = "x" * 1000 + " days " + "x" * 50 + " weeks " + "y" * 1000
    day = text.index("days")
    regions = scan_regions(frozenset({"day", "week"}), text, len(text))
    assert regions == [(day - MARGIN, text.index("weeks") + len("week") + MARGIN)]
    assert scan_regions(None, text, len(text)) == [(0, len(text))]
    assert scan_regions(frozenset({"month"}), text, len(text)) == []


def test_the_timex_tagger_is_unchanged_by_its_scan_regions(monkeypatch):
    """Long texts whose expressions lie far apart: scanning the regions around each rule's words
    finds what scanning every position finds."""
    rng = random.Random(5)
    filler = "the officials said that talks would go on and a statement was issued".split()
    texts = [" ".join(rng.choice(filler) if rng.random() < 0.9 else t for t in _texts()[i].split())
             + " " + " ".join(rng.choice(filler) for _ in range(rng.randint(40, 120))) + " " + _texts()[i + 1]
             for i in range(0, 300, 2)]
    dct = timex.dt.date(2023, 11, 14)
    scanned = [timex.tag_timexes(t, dct) for t in texts]
    monkeypatch.setattr(timex, "scan_regions", lambda needs, folded, n: [(0, n)])
    assert [timex.tag_timexes(t, dct) for t in texts] == scanned
