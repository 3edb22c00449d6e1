"""How many training runs one server does at once: the others wait for a free slot.

This is a limit of the server process (every session shares it), not user data.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from core.limits import limit_at_start

MAX_CONCURRENT = max(1, int(limit_at_start("TSR_MAX_CONCURRENT_TRAINING", 2)))
_SLOTS = threading.BoundedSemaphore(MAX_CONCURRENT)


@contextmanager
def training_slot(on_wait: Callable[[int], None] | None = None) -> Iterator[None]:
    """Hold one of the server's training slots while the block runs.

    When every slot is taken, ``on_wait(MAX_CONCURRENT)`` is called once (a page says why it
    waits) and the block starts as soon as a slot frees up.
    """
    if not _SLOTS.acquire(blocking=False):
        if on_wait is not None:
            on_wait(MAX_CONCURRENT)
        _SLOTS.acquire()
    try:
        yield
    finally:
        _SLOTS.release()
