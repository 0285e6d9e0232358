"""Handing freed memory back to the system, in the run's process and in each NLP worker.

Python's objects live in glibc's heap, which keeps the pages of freed objects for later
allocations: after a batch's drafts are gone a process would otherwise hold the peak of its
largest batch (~40 MiB in an NLP worker). `malloc_trim` returns them (~20 ms).
"""

from __future__ import annotations

import ctypes
import gc


def release_memory(collect: bool = True) -> None:
    """Collect cyclic garbage (`collect`: a full collection; cheap once the run's long-lived
    records are frozen, see `flows.ingest`) and return the heap's free pages to the system.
    A no-op where the C library is not glibc (macOS, musl), whose allocators behave otherwise."""
    if collect:
        gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the allocator keeps its pages, no harm
        pass
