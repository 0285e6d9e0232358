"""Counts paired in order with the attacks of one sentence ("killing five ... and three ...
respectively": session 11 break report, kind 17): each attack takes its own count, neither
both nor none. Invented sentences of other regions and wordings."""

import pytest

from tests.transforms.test_attacks import events


@pytest.mark.parametrize("text, tolls", [
    ("A car bomb exploded outside a police station in Mandera and gunmen attacked a bus near Lamu on Tuesday, "
     "killing four officers and six passengers respectively.", [4, 6]),
    ("A suicide bomber struck a checkpoint in Mogadishu and militants shelled a base in Baidoa on Monday, "
     "killing five policemen and three soldiers, respectively.", [5, 3]),
    ("A suicide bomber rammed an explosives-laden truck into an army post in Miranshah and gunmen attacked a police "
     "station in Tank on Thursday, killing six soldiers and two policemen respectively.", [6, 2]),
    # the parser hangs the second attack under the first ("militants" taken for a conjunct of "post")
    ("A suicide bomber rammed an explosives-laden car into a police post in Tank and militants attacked an army "
     "checkpoint in Dera Ismail Khan on Friday, killing four policemen and two soldiers respectively, police said.",
     [4, 2]),
])
def test_each_attack_takes_its_own_count_in_order(text, tolls):
    assert [e.fatalities for e in events(text)] == tolls


def test_without_a_mark_of_order_a_shared_toll_stays_no_ones():
    got = events("A car bomb exploded outside a police station in Mandera and gunmen attacked a bus near Lamu on "
                 "Tuesday, killing four officers and six passengers.")
    assert [e.fatalities for e in got] == [None, None]


def test_a_count_that_does_not_match_the_attacks_is_not_paired():
    got = events("A car bomb exploded outside a police station in Mandera and gunmen attacked a bus near Lamu on "
                 "Tuesday, killing four officers, six passengers and a driver respectively.")
    assert [e.fatalities for e in got] == [None, None]
