"""Attacks the extractor used to miss (invented articles of several regions and outlets):

- arson that hurts people is an attack, even when the harm is told in the next sentence of the
  paragraph; arson with no one hurt stays property destruction, as ACLED codes it
  (`transforms.attack_harm_after`);
- a shelling whose sentence also names a past date in a clause of its own ("the truce agreed in
  October 2025") is news, not history, and that date is not the attack's
  (`transforms.attack_background`)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from transforms import batch
from transforms.event_dates import Window

TODAY = dt.date(2026, 11, 1)


def events(body: str, header: str = "Published: 14 October 2026") -> list:
    data = f"Village report\n\n{header}\n\n{body}\n".encode()
    files = [batch.SourceFile("a.txt", hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
    assert not rejected
    return list(drafts[0].events)


@pytest.mark.parametrize("body", [
    "Armed herders set fire to a church in the village of Kwall in Plateau state on Tuesday. "
    "Four worshippers were injured, police said.",
    "Militiamen torched houses in the village of Djugu in Ituri overnight. Two residents were killed, "
    "a local chief said.",
    "A mob set fire to a police post in Kandi on Sunday, killing an officer.",
])
def test_arson_that_hurts_people_is_an_attack(body):
    found = events(body)
    assert len(found) == 1
    assert found[0].country_code in ("NG", "CD", "BJ")


@pytest.mark.parametrize("body", [
    "Unknown assailants set fire to a school in the village of Kwall on Tuesday. No one was hurt.",
    "Suspected militants torched two lorries on the road near Djibo on Sunday, the mayor said. "
    "Traffic resumed on Monday.",
    "Soldiers stormed the market of Kandi and torched a dozen stalls on Saturday, traders said.",  # armed men, no harm
])
def test_arson_that_hurts_no_one_is_no_attack(body):
    assert events(body) == []


def test_a_harm_told_after_a_new_attack_is_not_the_arsons():
    body = ("Youths set fire to a bus in the market of Kandi on Sunday. "
            "In a separate incident, gunmen shot dead two farmers near Banikoara.")
    found = events(body)
    assert [e.evidence.split()[0] for e in found] == ["In"]


def test_a_past_date_of_another_clause_leaves_the_shelling_news():
    body = ("The district governor said artillery shells hit homes in the town of Kupiansk, and he accused "
            "the army of breaking the ceasefire signed in March 2025.")
    found = events(body)
    assert len(found) == 1
    assert found[0].date_min >= dt.date(2026, 10, 1)  # not March 2025


def test_a_past_date_of_the_attack_itself_is_still_history():
    body = "The district governor said artillery shells hit homes in the town of Kupiansk in March 2025."
    assert events(body) == []
