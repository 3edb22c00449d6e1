"""How many training runs, and how many file reads, one server does at once: the others wait for a free slot.

This is a limit of the server process (every session shares it), not user data.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from core.limits import limit_at_start

MAX_CONCURRENT = max(1, int(limit_at_start("TSR_MAX_CONCURRENT_TRAINING", 2)))
_SLOTS = threading.BoundedSemaphore(MAX_CONCURRENT)
# Reading a file within the limits can take gigabytes (1,000 columns of 99,000 rows: 4 GB at its peak): three users
# uploading such files at once took a server from 3.8 to 10.5 GB. The others wait.
MAX_CONCURRENT_READS = max(1, int(limit_at_start("TSR_MAX_CONCURRENT_READS", 2)))
_READ_SLOTS = threading.BoundedSemaphore(MAX_CONCURRENT_READS)


@contextmanager
def training_slot(on_wait: Callable[[int], None] | None = None) -> Iterator[None]:
    """Hold one of the server's training slots while the block runs.

    When every slot is taken, ``on_wait(MAX_CONCURRENT)`` is called once (a page says why it
    waits) and the block starts as soon as a slot frees up.
    """
    with _held(_SLOTS, MAX_CONCURRENT, on_wait):
        yield


@contextmanager
def reading_slot(on_wait: Callable[[int], None] | None = None) -> Iterator[None]:
    """Hold one of the server's file-reading slots while the block runs (``training_slot``'s way)."""
    with _held(_READ_SLOTS, MAX_CONCURRENT_READS, on_wait):
        yield


@contextmanager
def _held(slots: threading.BoundedSemaphore, most: int, on_wait: Callable[[int], None] | None) -> Iterator[None]:
    if not slots.acquire(blocking=False):
        if on_wait is not None:
            on_wait(most)
        slots.acquire()
    try:
        yield
    finally:
        slots.release()
