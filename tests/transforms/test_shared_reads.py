"""A sentence or NER piece repeated within a batch is read by the model once, with the same
answer as when read alone (#16)."""

from transforms import attack_parse, ner
from transforms.attacks import parse_candidates
from transforms.ner import find_names

# invented sentences
REPEATED = "Gunmen attacked a checkpoint near Varnel on Tuesday, killing two guards."
OTHER = "Rebels shelled the market in Dorvista at dawn."


def test_a_repeated_sentence_is_parsed_once_and_its_parse_shared(monkeypatch):
    first, second = f"{REPEATED} {OTHER}", f"Officials said more. {REPEATED}"
    spans = [[(0, len(REPEATED)), (len(REPEATED) + 1, len(first))], [(21, len(second))]]
    alone = [[t.text, t.dep_, t.head.i] for t in attack_parse.parse_sentences([REPEATED])[0]]
    read: list[str] = []
    real = attack_parse.parse_stream  # the parser as parse_candidates reads it, one Doc at a time
    monkeypatch.setattr("transforms.attacks.parse_stream", lambda texts: read.extend(texts) or real(texts))
    out = parse_candidates([first, second], spans, [0, 0])
    assert sorted(read) == sorted([REPEATED, OTHER])
    doc = out[0][spans[0][0]]
    assert out[1][spans[1][0]] is doc and [[t.text, t.dep_, t.head.i] for t in doc] == alone
    assert out[0][spans[0][1]].text == OTHER


def test_a_repeated_ner_piece_is_read_once_with_the_offsets_of_each_text(monkeypatch):
    piece = "Mayor Elvira Quanstrom of Tallowby met Darko Venn."
    texts = [piece, "Intro line.\n" + piece]
    alone = find_names([piece])[0]
    assert alone
    seen: list[str] = []
    real = ner.model

    class Counting:
        def pipe(self, pieces, **kw):
            pieces = list(pieces)
            seen.extend(pieces)
            return real().pipe(pieces, **kw)

    monkeypatch.setattr(ner, "model", lambda: Counting())
    first, second = find_names(texts, [[(0, len(piece))], [(12, len(texts[1]))]])
    assert seen == [piece]
    assert first == alone
    assert [(s.start - 12, s.end - 12, s.text, s.label) for s in second] == [(s.start, s.end, s.text, s.label) for s in alone]
