"""Errors the core raises for input it cannot use. Each message names the problem and the fix.

The message is English (the command line's language). An error may also carry ``key`` and ``params``: the
name of the same message in the interface's catalogs (``core.i18n``) and the values it shows, so a page
can say it in the reader's language. Errors without a key are shown as their English message.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def clipped(text: object, most: int) -> str:
    """``text`` stripped, at most ``most`` characters; where it is cut, the cut is marked (``'Total - Item AB…'``)."""
    said = str(text).strip()
    return said if len(said) <= most else said[:most - 1].rstrip() + "…"


def clipped_list(cells: Iterable[object], most: int = 20, shown: int = 4) -> str:
    """The distinct ``cells``, each ``clipped`` to ``most`` characters, the first ``shown`` of them and how many more
    (``Jan 2023 MTD, Feb 2023 MTD, Mar 2023 MTD, Apr 2023 MTD, +14``)."""
    distinct = list(dict.fromkeys(clipped(cell, most) for cell in cells))
    more = len(distinct) - shown
    return ", ".join(distinct[:shown]) + (f", +{more}" if more > 0 else "")


class KeyedError(ValueError):
    """A ``ValueError`` whose message may also be named by a catalog ``key`` with ``params``."""

    def __init__(self, message: str, key: str | None = None, params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.params: dict[str, object] = dict(params or {})

    def __reduce__(self) -> tuple[Any, ...]:  # key and params survive a trip to a worker process and back
        return type(self), (str(self), self.key, self.params)


class DataError(KeyedError):
    """A file or frame that cannot be turned into the tidy series (``ds``, ``y``, regressors); ``columns``: those of
    the file's table when it was read but its columns could not be used (a page offers them to read it again)."""

    columns: tuple[str, ...] = ()
    suggested: tuple[str, str] | None = None  # of ``columns``, a date column and a target to offer first


class SettingsError(KeyedError):
    """A model or training setting that is out of range for the data at hand."""


class LimitError(DataError):
    """A file over a size limit (rows, columns, unpacked size); the message names the environment variable
    that raises the limit."""
