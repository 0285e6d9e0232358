"""Progress below file level: how much of each text of a batch a model pass has read.

A run reports files done; one large document (a 500 KB article is about 50 CPU s of NLP, five
minutes on a loaded two-core machine, by the session 9 breaker's measure) would otherwise hold
the run silent for minutes. The passes that read a batch's texts in pieces (the NER, the dependency parse)
call back after each piece; what is done with it (a progress line) is the caller's. Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

# (text index in the batch, characters of it read so far, characters of it to read)
Progress = Callable[[int, int, int], None]


def reporting(distinct: list[str], docs: Iterable, pieces: list[tuple[int, str]],
              progress: Progress | None) -> Iterator:
    """`docs` (one per `distinct` piece, in order) passed through unchanged, with `progress`
    called after each for every text that holds the piece: `pieces` are (text index, piece)
    for every piece of every text, a piece several texts share (a wire story in two outlets)
    counting for each. Without `progress`, `docs` as they are."""
    if progress is None:
        yield from docs
        return
    total: Counter = Counter()
    holders: dict[str, list[int]] = defaultdict(list)
    for k, piece in pieces:
        total[k] += len(piece)
        holders[piece].append(k)
    done: Counter = Counter()
    for piece, doc in zip(distinct, docs):
        for k in holders[piece]:
            done[k] += len(piece)
            progress(k, done[k], total[k])
        yield doc
