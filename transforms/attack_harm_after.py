"""Arson that hurts people (component `attacks`): a weak trigger marked `harm_after` in
data/en/attack_triggers.jsonl ("set fire to", "torched") whose clause names no weapon or harm is
an attack when the sentences after it in its paragraph, which report no attack of their own,
tell of people killed or hurt ("Settlers set fire to cars and two houses in the village overnight.
Three villagers were treated for injuries."). With no one hurt it stays property destruction, as
ACLED codes it (Strategic developments: Looting/property destruction; the dev notes)."""

from __future__ import annotations

from transforms.attack_detect import Clause, Dropped, read_sentence
from transforms.attack_rules import Rules

_UNSUPPORTED = "weak trigger without weapon or harm"
_HARM = ("deaths", "injuries")


def told_after(body: str, sentences: list[tuple[int, int]], k: int, parses: dict, rules: Rules) -> str:
    """The sentences after sentence `k` in its paragraph up to the first that reports an attack of
    its own ("Three villagers were treated for injuries from beatings.": no attack, the toll of the
    arson told before it). `parses` maps a candidate sentence's (start, end) to its parse."""
    end = sentences[k][1]
    for s, e in sentences[k + 1:]:
        if "\n" in body[end:s] or (s, e) in parses and read_sentence(parses[(s, e)], rules)[0]:
            break
        end = e
    return body[sentences[k][1]:end]


def harmed_after(doc, dropped: list[Dropped], after_outcome: str, rules: Rules) -> list[Clause]:
    """The attack clauses of the dropped `harm_after` triggers of the sentence parsed as `doc`
    when `after_outcome` (`attack_outcome.read_outcome` of the sentences told after it) is
    deaths or injuries; [] otherwise. A clause's words are its trigger's subtree."""
    if after_outcome not in _HARM:
        return []
    out = []
    for d in dropped:
        if d.reason == _UNSUPPORTED and any(r.harm_after for r in rules.triggers.get(d.lemma, ())):
            out.append(Clause(d.trigger, d.lemma, "attack", tuple(sorted(t.i for t in doc[d.trigger].subtree))))
    return out
