"""What pages tell the user while work runs and when it fails: progress at a steady pace, bugs in one line."""
from __future__ import annotations

import logging
import time

from core.i18n import t

LOG = logging.getLogger("tsr")
# What a bug in the app raises while it trains, as opposed to a ValueError about the data or settings.
BUGS = (ArithmeticError, LookupError, TypeError, AttributeError, RuntimeError, MemoryError)


class EveryInterval:
    """``due()`` is True at most once per ``seconds``: progress redraws by time, not by epoch count,
    so a long epoch-by-epoch run still reaches Streamlit's stop button twice a second."""

    def __init__(self, seconds: float = 0.5) -> None:
        self.seconds = seconds
        self.last = float("-inf")

    def due(self) -> bool:
        now = time.perf_counter()
        if now - self.last < self.seconds:
            return False
        self.last = now
        return True


def bug_message(problem: BaseException, lang: str = "en") -> str:
    """One line for an error that is the app's fault, not the data's, or for memory running out (said as such: it
    showed Streamlit's traceback); the traceback goes to the server log."""
    LOG.error("internal error", exc_info=problem)
    if out_of_memory(problem):
        return t("app.out_of_memory", lang)
    return t("app.bug", lang, kind=type(problem).__name__)


def out_of_memory(problem: BaseException) -> bool:
    """Whether ``problem`` is memory running out: a ``MemoryError`` (numpy's, Arrow's) or torch's allocator failing."""
    return isinstance(problem, MemoryError) or (
        isinstance(problem, RuntimeError) and ("not enough memory" in str(problem) or "out of memory" in str(problem)))


def waiting_message(slots: int, lang: str = "en") -> str:
    return t("train.waiting", lang, slots=slots)
