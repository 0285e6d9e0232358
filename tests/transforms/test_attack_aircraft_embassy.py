"""An aircraft that was shot at or downed is the target, not the weapon (`attack_weapons._without_hit`);
an embassy's convoy or staff is a government target, not the military (attack_targets.jsonl;
break report s10 kind 11). Invented sentences."""

from tests.transforms.test_attack_followup_marks import events  # one window a week back, published 2024-05-09


def test_a_downed_or_shot_aircraft_is_no_airstrike():
    [e] = events("Rebels said they shot down a government fighter jet over Idlib on Wednesday.")
    assert "airstrike" not in e.weapons and e.sub_event_type != "Air/drone strike"
    [e] = events("Gunmen fired on a UN helicopter as it landed at the airport in Malakal on Monday, wounding a pilot.")
    assert e.weapons == ("gunfire",)
    [e] = events("Gunmen fired on a military helicopter near Gao on Monday. A pilot was wounded and the helicopter "
                 "was damaged.")  # the damaged aircraft of the follow-up is no airstrike either: one row
    assert e.injured == 1
    # the aircraft as the doer, or the strike as the agent of a passive, is still the weapon
    [e] = events("Warplanes bombed the market in Maarat on Monday, killing six.")
    assert e.weapons == ("airstrike",)
    [e] = events("Jets carried out air strikes on the town of Ariha on Monday and killed four.")
    assert e.weapons == ("airstrike",)
    [e] = events("The air force launched air strikes on rebel positions near Kidal on Monday, killing six fighters.")
    assert e.weapons == ("airstrike",)  # the object of "launched" is the weapon
    [e] = events("Three farmers were wounded on Saturday when a cluster bomb went off in a field near Saada.")
    assert "airstrike" in e.weapons  # the day's describing clause is no target
    [e] = events("The town was hit by air strikes on Tuesday, killing four.")
    assert e.weapons == ("airstrike",)


def test_an_embassy_convoy_is_a_government_target():
    [e] = events("Gunmen attacked a French embassy convoy near Bamako on Monday, wounding two guards.")
    assert e.target_kind == "government" and e.event_type != "Battles"
    [e] = events("Gunmen attacked an army convoy near Bamako on Tuesday, wounding two soldiers.")
    assert e.target_kind == "military"
