"""The dependency parse of candidate sentences, for the attack rules (component `attacks.v2`).

Only sentences that hold a trigger's surface form (`attack_rules.Rules.candidate`) are parsed,
in batches: the parse costs about as much as the whole NER pass, so parsing every sentence
would halve throughput. The model is the NER's (`transforms.ner.MODEL`) with its tagger,
parser and lemmatizer and without its NER; nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache

from transforms.ner import MODEL

BATCH_SIZE = 64
MAX_CHARS = 2_000  # a "sentence" longer than this is a list or a table: parse its start only


@cache
def parser():
    import spacy

    return spacy.load(MODEL, exclude=["ner"])


def parse_sentences(texts: list[str]) -> list:
    """One spaCy Doc (tags, lemmas, dependencies) per text, in order."""
    return list(parser().pipe((t[:MAX_CHARS] for t in texts), batch_size=BATCH_SIZE))
