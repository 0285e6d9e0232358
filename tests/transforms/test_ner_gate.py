from transforms.entities import default_matcher
from transforms.ner_gate import ner_regions
from transforms.sentences import split_sentences


def regions_of(text: str) -> list[str]:
    covered = [(m.start, m.end) for m in default_matcher().gazetteer_mentions(text)]
    return [text[s:e] for s, e in ner_regions(text, split_sentences(text), covered)]


def test_a_sentence_the_gazetteer_explains_is_not_sent():
    assert regions_of("Iran denies directing the groups in Iraq and Syria on Monday.") == []


def test_an_unknown_name_sends_its_sentence():
    text = "Drones hit a base in Syria on Monday. Analysts said the mayor, Layla Obeidi, fled."
    assert regions_of(text) == ["Analysts said the mayor, Layla Obeidi, fled."]


def test_common_words_opening_a_sentence_are_explained():
    assert regions_of("Residents said they heard the blasts. Officials declined to comment.") == []
    assert regions_of("Kovalenko said the blasts were heard.") != []


def test_a_repeated_surname_is_not_sent_again_but_a_new_full_name_is():
    text = ("Officials named the mayor as Layla Obeidi. Obeidi said the town was quiet. "
            "Later Samir Obeidi, her brother, spoke.")
    assert regions_of(text) == ["Officials named the mayor as Layla Obeidi.", "Later Samir Obeidi, her brother, spoke."]


def test_consecutive_sentences_go_as_one_piece_and_a_title_is_skipped():
    text = "Drone Attack Hits Base Near Qaim\n\nLayla Obeidi spoke. Samir Haddad spoke too."
    pieces = ner_regions(text, split_sentences(text), [], start_at=text.index("Layla"))
    assert [text[s:e] for s, e in pieces] == ["Layla Obeidi spoke. Samir Haddad spoke too."]
