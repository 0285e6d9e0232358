from transforms.sentences import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Brig. Gen. Pat Ryder said the U.S. Army was hit on Nov. 14. He gave no details."
    assert sentences(text) == ["Brig. Gen. Pat Ryder said the U.S. Army was hit on Nov. 14.", "He gave no details."]


def test_closing_quotes_stay_with_their_sentence():
    assert sentences("“We will respond.” He left.") == ["“We will respond.”", "He left."]


def test_a_paragraph_break_always_ends_a_sentence():
    assert sentences("No final stop\nNext paragraph.") == ["No final stop", "Next paragraph."]


def test_offsets_point_into_the_text_and_skip_whitespace():
    text = "  One.   Two?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two?"]
