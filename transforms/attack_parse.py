"""The dependency parse of candidate sentences, for the attack rules (component `attacks`).

Only sentences that hold a trigger's surface form (`attack_rules.Rules.candidate`) are parsed,
in batches: the parse costs about as much as the whole NER pass, so parsing every sentence
would halve throughput. The model is the NER's (`transforms.ner.MODEL`) with its tagger and
parser only. Its attribute ruler and lemmatizer took half the parse time; in their place one
step sets the coarse part of speech from the tag (the ruler's own tag table, read from the
model) and the lemma from the rules' own words (`attack_rules.lemma_table`). Nothing is
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from transforms.ner import MODEL

BATCH_SIZE = 64
MAX_CHARS = 2_000  # a "sentence" longer than this is a list or a table: parse its start only


_STEP = "sitrep_pos_lemma"


@cache
def parser():
    import spacy
    from spacy.language import Language

    from transforms.attack_repair import repair_stranded_subjects
    from transforms.attack_rules import lemma_table, rules

    nlp = spacy.load(MODEL, exclude=["ner", "lemmatizer"])
    tag_pos = {p["patterns"][0][0]["TAG"]: p["attrs"]["POS"] for p in nlp.get_pipe("attribute_ruler").patterns
               if len(p["patterns"][0]) == 1 and set(p["patterns"][0][0]) == {"TAG"} and "POS" in p["attrs"]}
    nlp.remove_pipe("attribute_ruler")
    lemmas = lemma_table()
    actors = rules().armed_actors

    def set_pos_and_lemma(doc):
        for token in doc:
            token.pos_ = tag_pos.get(token.tag_, "X")
            lower = token.lower_
            token.lemma_ = lemmas.get(lower, lower)
        return repair_stranded_subjects(doc, actors)  # "... in Afgoye and ISIS militants ambushed ..."

    if _STEP not in Language.factories:
        Language.component(_STEP, func=set_pos_and_lemma)
    nlp.add_pipe(_STEP, last=True)
    return nlp


def parse_sentences(texts: list[str]) -> list:
    """One spaCy Doc (tags, lemmas, dependencies) per text, in order."""
    return list(parse_stream(texts))


def parse_stream(texts: list[str]) -> Iterator:
    """`parse_sentences` one Doc at a time, as the parser yields them."""
    return parser().pipe((t[:MAX_CHARS] for t in texts), batch_size=BATCH_SIZE)
