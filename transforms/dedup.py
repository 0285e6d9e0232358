"""Near-duplicate articles (MinHash + LSH over word shingles) and cross-article incident ids.

Component `dedup` (its version: `COMPONENT`). A document whose estimated Jaccard similarity to an earlier one is at
least THRESHOLD is linked to it with `duplicate_of` (the earliest of its cluster). An event's first incident id
is a content key (same day, country and place); the load then links it to the earliest
compatible event of the whole warehouse (warehouse/incidents.py), whose id it takes.
"""

from __future__ import annotations

import hashlib
import re

from functools import cache

COMPONENT = "dedup.v1"
NUM_PERM = 64
SHINGLE_WORDS = 5
THRESHOLD = 0.7
# Stored signatures must be read back with the scheme that made them: pinned, not defaulted.
SCHEME = "affine32"
_TOKEN = re.compile(r"\w+")


def minhash_signature(body: str) -> list[int]:
    # imported here, not at the top: datasketch's package imports SciPy (for MinHashLSH's band
    # optimizer), ~55 MiB that an NLP worker, which imports this module but signs nothing, spares
    from datasketch import MinHash

    words = _TOKEN.findall(body.lower())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles])
    return [int(v) for v in mh.hashvalues]


class DuplicateIndex:
    """The LSH index of the signatures seen so far, to link each new document to the earliest
    one it nearly duplicates. Candidates share one LSH band (BANDS bands of ROWS values: the
    index datasketch's MinHashLSH builds for THRESHOLD) and are confirmed by the estimated
    Jaccard. Documents already loaded rank before the run's own, oldest first.

    Compact, because a run keeps one entry per document (a 100,000-document run holds them all):
    signatures in one growing uint32 array, band keys as integers (the band is part of the hash;
    a collision only adds a candidate the Jaccard rejects) in one sorted array searched by
    bisection, the latest RECENT documents' in a dictionary until they join it; about 0.6 kB a
    document."""

    RECENT = 4096

    def __init__(self):
        import numpy as np

        self.bands, self.rows = lsh_bands()
        self._matrix = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._prior: dict[int, tuple] = {}  # row -> (loaded_at, doc_id) of a document already loaded
        self._canonical: dict[str, str] = {}
        self._keys = np.zeros(0, dtype=np.int64)  # sorted
        self._key_rows = np.zeros(0, dtype=np.int32)  # the row of each key
        self._recent: dict[int, list[int]] = {}
        self._indexed = 0  # rows below this are in the sorted arrays, the rest in `_recent`

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._rows

    def add_prior(self, doc_id: str, signature: list[int], loaded_at) -> None:
        """A document already in the warehouse (never relinked: loads only add)."""
        if doc_id not in self._rows:
            self._prior[len(self._ids)] = (loaded_at, doc_id)
            self._insert(doc_id, signature)

    def link(self, doc_id: str, signature: list[int]) -> str | None:
        """The document `doc_id` duplicates, if any; then `doc_id` joins the index."""
        import numpy as np

        if doc_id in self._rows:
            return None
        sig = np.asarray(signature, dtype=np.uint32)
        keys = self._band_keys(sig)
        found: set[int] = set()
        for key in keys:
            found.update(self._recent.get(key, ()))
        lows = np.searchsorted(self._keys, keys, "left")
        highs = np.searchsorted(self._keys, keys, "right")
        for lo, hi in zip(lows.tolist(), highs.tolist()):
            if hi > lo:
                found.update(self._key_rows[lo:hi].tolist())
        candidates = [r for r in found if float(np.mean(self._matrix[r] == sig)) >= THRESHOLD]
        link = None
        if candidates:
            first = self._ids[min(candidates, key=self._rank)]
            link = self._canonical[doc_id] = self._canonical.get(first, first)
        self._insert(doc_id, sig, keys)
        return link

    def _rank(self, row: int) -> tuple:
        prior = self._prior.get(row)
        return (0, *prior) if prior is not None else (1, row)

    def _insert(self, doc_id: str, signature, keys: list[int] | None = None) -> None:
        import numpy as np

        row = len(self._ids)
        if row == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
        self._matrix[row] = signature
        self._ids.append(doc_id)
        self._rows[doc_id] = row
        for key in keys if keys is not None else self._band_keys(self._matrix[row]):
            self._recent.setdefault(key, []).append(row)
        if row + 1 - self._indexed >= self.RECENT:
            self._merge_recent()

    def _merge_recent(self) -> None:
        """Move the recent rows' keys into the sorted array (one sort per RECENT documents)."""
        import numpy as np

        pairs = [(key, row) for key, rows in self._recent.items() for row in rows]
        keys = np.concatenate([self._keys, np.array([k for k, _ in pairs], dtype=np.int64)])
        rows = np.concatenate([self._key_rows, np.array([r for _, r in pairs], dtype=np.int32)])
        order = np.argsort(keys, kind="stable")
        self._keys, self._key_rows = keys[order], rows[order]
        self._recent = {}
        self._indexed = len(self._ids)

    def _band_keys(self, sig) -> list[int]:
        return [hash((b, sig[b * self.rows:(b + 1) * self.rows].tobytes())) for b in range(self.bands)]


def link_duplicates(new: list[tuple[str, list[int]]], prior: list[tuple[str, list[int]]]) -> dict[str, str]:
    """doc_id -> the doc_id it duplicates, for the new documents (in order) against prior ones
    (oldest first) and the new ones before them."""
    index = DuplicateIndex()
    for rank, (doc_id, sig) in enumerate(prior):
        index.add_prior(doc_id, sig, rank)
    return {doc_id: link for doc_id, sig in new if (link := index.link(doc_id, sig))}


@cache
def lsh_bands() -> tuple[int, int]:
    """(bands, rows per band) of the LSH index at THRESHOLD: two signatures are candidates when
    one band is equal, which the warehouse can test in SQL (`store.similar_documents`)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def incident_key(event_date, country_code: str | None, location_id: str | None, fallback: str,
                 precise: bool = True) -> str:
    """The provisional incident id: same day, same country, same place give the same key; anything
    vaguer is its own. A place no finer than a province (`precise` false: a province, a country,
    a dateline, or no coordinates) is vaguer: two attacks in one province on one day are not one
    attack by that alone (issue #14, part 2). The load may replace the key with an earlier
    compatible event's id (warehouse/sql/incidents/link_incidents.sql)."""
    if event_date is None or country_code is None or not precise:
        return f"inc-{hashlib.sha1(fallback.encode()).hexdigest()[:16]}"
    key = f"{event_date.isoformat()}|{country_code}|{location_id or '-'}"
    return f"inc-{hashlib.sha1(key.encode()).hexdigest()[:16]}"
