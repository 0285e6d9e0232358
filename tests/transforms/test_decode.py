import codecs

import pytest

from sitrep.schema import contract
from transforms.decode import decode_bytes
from transforms.exceptions import RejectedInput

LIMIT = 1_000_000
TEXT = "The Pentagon’s spokesman said “no injuries” — café.\nSecond line."


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1252", "cp1252"),
])
def test_each_supported_encoding_decodes_to_the_same_text(encoding, expected):
    decoded = decode_bytes(TEXT.encode(encoding), LIMIT)
    assert decoded.text == TEXT
    assert decoded.encoding == expected


def test_latin1_bytes_undefined_in_cp1252_decode_as_latin1():
    decoded = decode_bytes(b"caf\xe9 \x81ok", LIMIT)
    assert decoded.encoding == "latin-1"


def test_crlf_and_cr_line_ends_become_lf():
    assert decode_bytes(b"one\r\ntwo\rthree", LIMIT).text == "one\ntwo\nthree"


def test_mojibake_is_repaired_and_noted():
    decoded = decode_bytes("The Pentagonâ€™s statement".encode("utf-8"), LIMIT)
    assert decoded.text == "The Pentagon’s statement"
    assert "repaired mojibake" in decoded.notes


def test_zero_width_and_bidi_controls_are_removed():
    decoded = decode_bytes("Ira\u200bq and \u202eSyria".encode(), LIMIT)
    assert decoded.text == "Iraq and Syria"


def test_broken_utf8_is_decoded_with_replacement_and_flagged():
    data = ("Kirby said “attacks” rose. " * 20).encode() + b"\xff" + b" end"
    decoded = decode_bytes(data, LIMIT)
    assert "\ufffd" in decoded.text
    assert any(n.startswith("broken utf-8") for n in decoded.notes)


def test_short_utf8_text_with_several_broken_bytes_stays_utf8():
    # Three bad bytes in 70 characters is over the 1 % share, but the text's well-formed
    # multibyte characters show it is damaged UTF-8, not cp1252 mojibake.
    data = "Déjà vu in Zürich: “two” blasts.".encode() * 2 + b"\xc3\x28\xa0\xa1 end"
    decoded = decode_bytes(data, LIMIT)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 3 and "Zürich" in decoded.text
    assert any(n.startswith("broken utf-8: 3") for n in decoded.notes)


def test_cp1252_text_is_not_taken_for_broken_utf8():
    decoded = decode_bytes("Café in Zürich – “quoted”. ".encode("cp1252") * 3, LIMIT)
    assert decoded.encoding == "cp1252" and "Zürich" in decoded.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\t \n", "blank file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
    (b"%PDF-1.7\n...", "PDF document"),
    (b"PK\x03\x04" + bytes(30), "ZIP archive"),
    (b"abc\x00\x00\x00\x01\x00\x00\x00def", "NUL bytes"),
    (b"ok" + bytes(40), "NUL bytes"),  # mostly NULs: binary, whatever the letters before them
])
def test_non_text_input_is_rejected_with_a_specific_reason(data, reason):
    with pytest.raises(RejectedInput, match=reason):
        decode_bytes(data, LIMIT)


def test_files_over_the_size_limit_are_rejected():
    with pytest.raises(RejectedInput, match="oversized: 11 bytes > limit 10"):
        decode_bytes(b"x" * 11, 10)


def test_utf16_bom_is_honoured():
    assert decode_bytes(codecs.BOM_UTF16_LE + "hé".encode("utf-16-le"), LIMIT).text == "hé"


def test_random_bytes_without_nul_are_not_text():
    import random

    rng = random.Random(1)
    data = bytes(rng.choice(range(1, 256)) for _ in range(4000))
    with pytest.raises(RejectedInput, match="binary content|not text"):
        decode_bytes(data, LIMIT)


def test_html_saved_as_text_keeps_its_text_without_tags_or_scripts():
    page = (b"<!DOCTYPE html><html><head><title>Rockets hit base</title><script>track()</script></head>"
            b"<body><p>On Monday, rockets hit Erbil.</p><p>Officials&#8217; statement &amp; more.</p></body></html>")
    decoded = decode_bytes(page, LIMIT)
    assert decoded.text == "Rockets hit base\n\nOn Monday, rockets hit Erbil.\n\nOfficials’ statement & more.\n"
    assert "converted from HTML (tags and scripts removed)" in decoded.notes


@pytest.mark.parametrize("codec, label", [("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"),
                                          ("utf-32-le", "utf-32"), ("utf-32-be", "utf-32")])
def test_utf16_and_utf32_without_bom_are_found_by_nul_byte_parity(codec, label):
    text = "Rockets hit a base near the airport on Tuesday – no one was hurt.\r\nOfficials said so.\r\n"
    decoded = decode_bytes(text.encode(codec), LIMIT)
    assert decoded.text == text.replace("\r\n", "\n")
    assert decoded.encoding == label
    assert any("without byte-order mark" in n for n in decoded.notes)


def test_nul_bytes_in_no_lane_are_still_binary():
    import random

    rng = random.Random(7)
    data = bytes(rng.choice([0, 0, *range(1, 256)]) for _ in range(4000))
    with pytest.raises(RejectedInput, match="NUL bytes"):
        decode_bytes(data, LIMIT)


def test_a_cp1252_passage_in_utf8_text_keeps_its_smart_quotes_and_accents():
    data = "Officials in Zürich said “two” blasts hit. ".encode() * 3 + "He called it “a massacre” at the café…".encode("cp1252")
    decoded = decode_bytes(data, LIMIT)
    assert decoded.encoding == "utf-8" and "\ufffd" not in decoded.text
    assert decoded.text.endswith("He called it “a massacre” at the café…")
    assert any(n.startswith("mixed encodings: 4 byte(s)") for n in decoded.notes)



def test_a_stray_byte_without_cp1252_punctuation_is_damage_not_cp1252():
    data = "Zürich “two” blasts. ".encode() * 3 + b"\xe2\x80 cut and \xe9 stray"
    decoded = decode_bytes(data, LIMIT)
    assert decoded.text.count("\ufffd") == 2 and not any(n.startswith("mixed") for n in decoded.notes)


@pytest.mark.parametrize("text, script", [
    ("قصفت طائرة مسيرة سوقا في المدينة يوم الاثنين وقتل ثلاثة أشخاص.", "Arabic"),
    ("Беспилотник атаковал рынок в понедельник, погибли три человека.", "Cyrillic"),
])
def test_text_in_another_script_loads_with_a_note_that_no_events_will_come(text, script):
    decoded = decode_bytes((text + "\n").encode() * 3, LIMIT)
    assert decoded.text.startswith(text)
    assert any(n.startswith(f"{script} script, not Latin") for n in decoded.notes)


def test_english_with_a_quoted_foreign_name_has_no_script_note():
    decoded = decode_bytes("A drone hit the market of Aleppo (حلب) on Monday, killing three.".encode(), LIMIT)
    assert not any("script" in n for n in decoded.notes)


def test_a_text_padded_with_nul_bytes_loads_without_them_and_says_so():
    text = "Gunmen fired on a bus near the border crossing on Friday, wounding five passengers.\n"
    for data in (text.encode("utf-8") + b"\x00\x00", text.encode("utf-8") + bytes(60),
                 text.replace("bus", "b\x00us").encode("cp1252")):
        decoded = decode_bytes(data, LIMIT)
        assert decoded.text == text
        assert any("NUL byte(s)" in n for n in decoded.notes), decoded.notes


@pytest.mark.parametrize("text, codecs_, script", [
    ("昨日，一辆装有炸药的汽车在市场附近爆炸，造成三名平民死亡，另有十二人受伤。警方表示，袭击者身份尚未确认。" * 2,
     ("gb18030", "gbk", "gb2312"), "Cjk"),
    ("Вчера вечером в центре города взорвался заминированный автомобиль. По словам полиции, погибли "
     "три человека, ещё двенадцать получили ранения. Ответственность пока никто не взял на себя.",
     ("cp1251",), "Cyrillic"),
])
def test_a_legacy_encoding_of_another_script_is_detected_not_repaired_as_cp1252(text, codecs_, script):
    decoded = decode_bytes(text.encode(codecs_[0]), LIMIT)
    assert decoded.text == text
    assert decoded.encoding in codecs_
    assert decoded.encoding in contract().vocabularies["encoding"]  # documents.encoding's expectation
    assert "repaired mojibake" not in decoded.notes
    assert any(n.startswith(f"{script} script, not Latin") for n in decoded.notes), decoded.notes


def test_french_in_latin1_with_many_accents_stays_a_western_code_page():
    text = "Une voiture piégée a explosé près d'un marché à Gao, tuant trois civils et blessant douze élèves."
    decoded = decode_bytes(text.encode("cp1252"), LIMIT)
    assert decoded.text == text and decoded.encoding == "cp1252"
