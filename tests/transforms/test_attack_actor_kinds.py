"""Who attacked whom: settlers are no state (attack_lexicon.json `nationality_after`); a group named in the object slot of the attack verb
is its target, not its attacker, however the parse hangs the phrase (`transforms.attack_actors`,
`transforms.attack_sequence.objects`; break report s10 kind 4). Invented sentences."""

from tests.transforms.test_attack_followup_marks import events  # one window a week back, published 2024-05-09


def test_settlers_are_a_group_not_the_state():
    [e] = events("Jewish settlers attacked the village of Burin near Nablus on Monday, wounding four Palestinians.")
    assert e.attacker_id != "gpe:il"  # settlers of a nationality: no state (an actor id of their own would add
    # an ORG entity "Israeli settlers" where the gold sets annotate the demonym alone)
    [e] = events("Ethiopian settlers attacked herders near Gambella on Monday, killing two.")
    assert e.attacker_id != "gpe:et"


def test_a_group_in_the_object_slot_is_the_target():
    [e] = events("Turkish jets struck suspected PKK positions in Duhok province on Sunday, killing ten people, "
                 "a PKK spokesman said.")
    assert (e.attacker_id, e.target_id) == ("gpe:tr", "org:pkk")
    [e] = events("Pakistani jets struck suspected TTP hideouts in Kunar province overnight, killing at least nine "
                 "people, a Taliban spokesman said on Monday.")  # the small model parses "struck" as an auxiliary
    assert (e.attacker_id, e.target_id) == ("gpe:pk", "org:ttp")
    [e] = events("Nigerian jets bombed alleged ISWAP camps near Monguno on Monday, killing 20 people, residents said.")
    assert e.attacker_id == "gpe:ng"
    # the group as subject stays the attacker
    [e] = events("PKK fighters attacked a Turkish army post in Hakkari on Sunday, killing two soldiers.")
    assert e.attacker_id == "org:pkk"
