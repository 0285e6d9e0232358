"""A later sentence that denies there was any attack marks the attack just told disputed
(`transforms.attack_discourse.denies_last`, attack_words.json `denial_determiners`; break report
s10 kind 7). Invented sentences."""

import datetime as dt

from tests.transforms.test_attack_followup_marks import events  # one window a week back, published 2024-05-09


def test_a_denial_that_any_attack_took_place_disputes_it():
    [e] = events("Rebels said they shelled an army base near Goma on Monday. "
                 "The army denied that any shelling had taken place.")
    assert e.disputed
    [e] = events("ISWAP said it fired mortars at the barracks in Monguno on Sunday. The army said no mortars had been fired.")
    assert e.disputed
    [e] = events("Al-Shabaab claimed a bomb attack on a convoy near Kismayo on Sunday. "
                 "The Kenyan army denied that the convoy had been attacked.")
    assert e.disputed


def test_no_one_hurt_or_repelled_is_no_denial():
    [e] = events("Gunmen attacked a bus near Kaduna on Monday. No one was killed, police said.")
    assert not e.disputed
    [e] = events("Militants attacked a police post in Bannu on Monday. The police said the attack had been repelled.")
    assert not e.disputed


def test_a_denial_of_who_did_it_keeps_the_attack_told_as_an_event():
    """attack_cues.jsonl `unless_agent` (s11): the denier's part is denied, not the attack with its
    day, place or toll; the denier is not its attacker (`attack_denial.deniers`)."""
    [e] = events("The rebels denied any role in Tuesday's ambush near Goma, which left nine soldiers dead.")
    assert (e.event_date, e.fatalities, e.attacker_id) == (dt.date(2024, 5, 7), 9, None)
    assert e.disputed  # its own part is what the party disputes
    [e] = events("ISWAP denied it was behind the bombing of a market in Maiduguri on Friday that killed 12 people.")
    assert (e.event_date, e.fatalities, e.attacker_id) == (dt.date(2024, 5, 3), 12, None)
    [e] = events("Hamas denied responsibility for Sunday's stabbing in Hebron, in which two settlers were wounded.")
    assert e.attacker_id is None and e.event_date is not None


def test_a_denial_that_the_attack_happened_or_a_bare_one_still_gives_none():
    assert events("The army denied reports that its soldiers attacked a village near Kidal on Monday.") == []
    assert events("Police denied that officers had shot dead two protesters in Kisumu on Tuesday.") == []
    assert events("The ministry rejected claims that its jets had bombed a hospital in Idlib on Sunday, killing eight.") == []
    assert events("The militia denied involvement in the attack.") == []
