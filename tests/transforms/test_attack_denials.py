"""A later sentence that denies there was any attack marks the attack just told disputed
(`transforms.attack_discourse.denies_last`, attack_words.json `denial_determiners`; break report
s10 kind 7). Invented sentences."""

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
