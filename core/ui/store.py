"""What a browser reload must not lose, kept in this process under each session's unguessable key.

A reload starts a new Streamlit session with empty state; the page URL carries the old session's
key (``?s=KEY``) and nothing else of the user's, so the data stays on the server. The store is
bounded in entries and bytes and forgets an entry some time after it was last saved, oldest first.
A restored entry is retired, not taken out: it stays ``RETIRED_SECONDS`` for whatever else holds its key
(the tab it was opened from, a second reload while the first is still drawing).
"""
from __future__ import annotations

import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")

MAX_ENTRIES = 64
MAX_BYTES = 256_000_000
KEEP_SECONDS = 2 * 60 * 60
RETIRED_SECONDS = 15 * 60
ENTRY_SHARE = 1 / 8  # the largest share of the byte bound one session may take (32 MB of 256)
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_key() -> str:
    """A random key of 32 URL-safe characters (192 bits): no one can guess another session's."""
    return secrets.token_urlsafe(24)


def is_key(text: object) -> bool:
    """Whether ``text`` has the shape of a key (anything else in a URL is ignored, not looked up)."""
    return isinstance(text, str) and _KEY.fullmatch(text) is not None


@dataclass(frozen=True)
class _Entry(Generic[V]):
    value: V
    nbytes: int
    expires_at: float
    retired: bool = False  # restored elsewhere: kept a while for the tab it came from, the first to go (``_evict``)


class SessionStore(Generic[V]):
    """A dict of key -> value guarded by a lock; least recently saved entries go first.

    Parameters
    ----------
    max_entries, max_bytes
        Bounds on the number of entries and on the sum of the sizes given to :meth:`put`.
    keep_seconds
        An entry not saved again within this time is gone.
    clock
        Seconds, monotonic; tests pass their own.
    """

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES,
                 keep_seconds: float = KEEP_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_entries, self.max_bytes, self.keep_seconds = max_entries, max_bytes, keep_seconds
        self._clock = clock
        self._entries: OrderedDict[str, _Entry[V]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def put(self, key: str, value: V, nbytes: int) -> bool:
        """Keep ``value`` (about ``nbytes`` large) under ``key``; False when it alone exceeds ``ENTRY_SHARE`` of the
        byte bound: one upload of 199 MB evicted 19 of 30 other sessions of 5 MB."""
        with self._lock:
            self._drop(key)
            if nbytes > self.max_bytes * ENTRY_SHARE:
                return False
            self._entries[key] = _Entry(value, nbytes, self._clock() + self.keep_seconds)
            self._bytes += nbytes
            self._evict()
            return True

    def get(self, key: str) -> V | None:
        """The value saved under ``key``, or None when unknown, expired or evicted."""
        with self._lock:
            self._expire()
            entry = self._entries.get(key)
            return None if entry is None else entry.value

    def pop(self, key: str) -> V | None:
        """Take the value saved under ``key`` out of the store (None when unknown, expired or evicted)."""
        with self._lock:
            self._expire()
            entry = self._entries.get(key)
            self._drop(key)
            return None if entry is None else entry.value

    def retire(self, key: str, seconds: float = RETIRED_SECONDS) -> V | None:
        """The value saved under ``key``, kept at most ``seconds`` more and evicted before any entry in use
        (``_evict``); None when unknown, expired or evicted. Taking it out lost the session of the tab the link was
        copied from, and of a reload during the restoring run, called expired."""
        with self._lock:
            self._expire()
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries[key] = _Entry(entry.value, entry.nbytes, min(entry.expires_at, self._clock() + seconds), True)
            return entry.value

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._entries)

    @property
    def nbytes(self) -> int:
        with self._lock:
            return self._bytes

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= entry.nbytes

    def _expire(self) -> None:
        now = self._clock()
        for key in [key for key, entry in self._entries.items() if entry.expires_at <= now]:
            self._drop(key)

    def _evict(self) -> None:
        """Expired entries, then retired ones, then the least recently saved, until within the bounds: a retired entry
        still counts its bytes (its tab may have loaded another file since), but goes before any session in use."""
        self._expire()
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            retired = next((key for key, entry in self._entries.items() if entry.retired), None)
            self._drop(retired if retired is not None else next(iter(self._entries)))
