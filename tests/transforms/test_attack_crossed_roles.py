"""Two attacks of one sentence, each with its own subject, keep their own roles and tolls
(`attack_repair.repair_stranded_subjects`, `attack_groups.toll_owners`; the s10 testers' kind
k09b). Invented sentences."""

from transforms.attack_parse import parse_sentences

from tests.transforms.test_attack_followup_marks import events  # one window a week back, published 2024-05-09


def _subject_of(sentence: str, verb: str) -> list[str]:
    [doc] = parse_sentences([sentence])
    v = next(t for t in doc if t.text == verb)
    return [" ".join(x.text for x in c.subtree) for c in v.children if c.dep_ == "nsubj"]


def test_a_subject_the_parser_hung_on_the_first_object_is_the_second_verbs():
    assert _subject_of("Al-Shabaab fighters killed six civilians in Afgoye and ISIS militants ambushed a police "
                       "patrol near Bosaso on Wednesday.", "ambushed") == ["ISIS militants"]
    # a verb that shares the first subject keeps none of its own
    assert _subject_of("Gunmen killed six civilians and wounded four in Kaduna on Monday.", "wounded") == []


def test_each_attack_of_two_coordinated_clauses_keeps_its_attacker_and_toll():
    got = events("Al-Shabaab fighters killed six civilians in Afgoye and ISIS militants ambushed a police patrol "
                 "near Bosaso, killing four officers, on Wednesday.")
    assert [(e.attacker_id, e.fatalities) for e in got] == [("org:al-shabaab", 6), ("org:islamic-state", 4)]
    assert got[0].target_id != "org:islamic-state"
    got = events("Jihadists killed four soldiers near Gao and militants ambushed a convoy near Mopti, wounding two.")
    assert [(e.fatalities, e.injured) for e in got] == [(4, None), (None, 2)]
    # a trailing toll after two attacks that told none of their own stays no one's
    got = events("Rebels shelled a market in Goma and militiamen attacked a camp near Bunia, killing five people.")
    assert [e.fatalities for e in got] == [None, None]
