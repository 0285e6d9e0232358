"""What opens a line (`transforms.line_heads`), the one reader of list marks, headings and leads the
paragraph splitter, the roundup reader and the entity layout share. Invented lines of several
layouts (capitals, markdown, numbered, bulleted, labels) and regions."""

from __future__ import annotations

import pytest

from transforms import line_heads
from transforms.parse import parse_article
from transforms.sentences import split_sentences


def named(text: str) -> list[tuple[str, str, str, bool]]:
    return [(text[h.start:h.end], h.kind, h.end_mark, h.marked) for h in line_heads.heads(text)]


@pytest.mark.parametrize("line, length", [
    ("- Gunmen attacked a bus.", 2), ("• Cauca – a drone hit a base.", 2), ("12. Kandahar: a blast.", 4),
    ("3) Goma - shelling resumed.", 3), ("(4) Idlib: airstrikes.", 4), ("## Yemen", 3),
    ("Gunmen attacked a bus.", 0), ("2026 was a hard year.", 0), ("-5 degrees overnight", 0),
])
def test_a_list_mark_opens_a_line(line, length):
    assert line_heads.list_mark(line) == length


def test_headings_of_several_layouts():
    text = ("Digest\n\nSOUTH SUDAN\n\n## Mozambique\n\nDeir ez-Zor:\n\nRegional outlook\n\n"
            "- Cabo Delgado: insurgents raided a village.\n\n2. Norte de Santander – A drone hit a base.\n")
    got = named(text)
    assert ("SOUTH SUDAN", "heading", "", False) in got
    assert ("Mozambique", "heading", "", True) in got
    assert ("Deir ez-Zor", "heading", ":", False) in got
    assert ("Cabo Delgado", "lead", ":", True) in got
    assert ("Norte de Santander", "lead", "–", True) in got
    assert "Regional outlook" not in [n for n, *_ in got]  # a line in title case alone is no heading
    assert "Digest" not in [n for n, *_ in got]


def test_a_sentence_is_no_lead():
    text = "Report\n\nThe army said on Monday that the road to Beni was closed. Traders stayed home.\n"
    assert [k for _, k, *_ in named(text) if k == "lead"] == []


def test_a_name_after_a_list_mark_opens_its_line():
    text = "Brief\n- Mopti: a bomb.\nThe town of Mopti was calm.\n"
    assert line_heads.opens_line(text, text.index("Mopti"))
    assert not line_heads.opens_line(text, text.rindex("Mopti"))
    head = line_heads.head_at(text, text.index("Mopti"), text.index("Mopti") + 5)
    assert (head.end_mark, head.marked) == (":", True)


def test_a_list_item_or_the_line_after_a_heading_is_a_paragraph_of_its_own():
    a = parse_article("Horn of Africa roundup\n\nSOMALIA\n- Gunmen attacked a hotel in Kismayo on Monday.\n"
                      "- A mortar hit a market in Mogadishu on Tuesday.\n\nETHIOPIA\nFano fighters raided a town.\n")
    paragraphs = a.body.split("\n\n")
    assert "SOMALIA" in paragraphs and "ETHIOPIA" in paragraphs
    assert "- A mortar hit a market in Mogadishu on Tuesday." in paragraphs
    assert "Fano fighters raided a town." in paragraphs
    # a hard-wrapped line of prose is still one paragraph
    a = parse_article("Convoy attacked\n\nGunmen attacked a convoy near the town of\nBeni on Monday, officials said.\n")
    assert "near the town of Beni on Monday" in a.body


def test_a_sentence_of_a_list_item_does_not_hold_its_mark():
    text = "- A bomb hit a bus in Quetta.\n\n7. Kabul: Gunmen fired on a checkpoint. Two died.\n"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "A bomb hit a bus in Quetta.", "Kabul: Gunmen fired on a checkpoint.", "Two died."]


def test_titled_spells_a_heading_as_a_gazetteer_does():
    assert line_heads.titled("NORTE DE SANTANDER") == "Norte de Santander"
    assert line_heads.titled("Deir ez-Zor") == "Deir ez-Zor"
