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
        self.started: float | None = None

    def elapsed(self) -> float:
        """Seconds since ``due`` was first asked (the first epoch's end: a run that waited for a training slot was
        said to have spent its wait, 27 s of its 120 s budget 5 s after it started); 0 before."""
        return 0.0 if self.started is None else time.perf_counter() - self.started

    def due(self) -> bool:
        now = time.perf_counter()
        if self.started is None:
            self.started = now
        if now - self.last < self.seconds:
            return False
        self.last = now
        return True


def epoch_progress(epoch: int, epochs: int, seconds: float, budget: float, lang: str = "en") -> tuple[float, str]:
    """A training's progress bar: the share done by epochs or by its time ``budget``, whichever ends it first, and the
    text naming both (a 100,000-epoch run read "Epoch 5180 of at most 100000" when its 120 s budget stopped it)."""
    share = min(max(epoch / max(epochs, 1), seconds / budget if budget > 0 else 0.0), 1.0)
    return share, t("train.epoch", lang, epoch=epoch, epochs=epochs, seconds=round(seconds), budget=round(budget))


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
