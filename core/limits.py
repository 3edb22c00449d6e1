"""Limits and budgets that environment variables raise (``TSR_MAX_ROWS``, ``TSR_MAX_HORIZON``, ...): read when
they are used, so a running app picks up a new value, and a value that is not a positive number is a one-line
error that names the variable, never a traceback."""
from __future__ import annotations

import math
import os

from core.errors import DataError


def limit(variable: str, default: float) -> float:
    """The limit set by environment ``variable`` (``5_000_000`` and ``5,000,000`` read too), else ``default``.

    Raises
    ------
    DataError
        When the variable holds something else than a positive number.
    """
    text = os.environ.get(variable, "").strip().replace("_", "").replace(",", "")
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise DataError(f"{variable} is set to '{os.environ[variable]}', which is not a positive number: "
                        f"set it to a number such as {format_limit(default)}, or unset it.", "err.limit_not_number",
                        {"variable": variable, "value": os.environ[variable], "default": format_limit(default)})
    return value


def count_limit(variable: str, default: int) -> int:
    """``limit`` of a count (steps, updates): a whole number of at least 1.

    Raises
    ------
    DataError
        When the variable holds something else than a number of at least 1 (``0.5`` gave a limit of 0 steps).
    """
    value = limit(variable, default)
    if value < 1:
        raise DataError(f"{variable} is set to '{os.environ[variable]}', which is less than 1: set it to a whole "
                        f"number such as {format_limit(default)}, or unset it.", "err.limit_below_one",
                        {"variable": variable, "value": os.environ[variable], "default": format_limit(default)})
    return int(value)


def format_limit(value: float) -> str:
    """``5,000,000`` rather than ``5e+06``; fractions as given."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def limit_at_start(variable: str, default: float) -> float:
    """``limit`` for a setting read once when a module loads (a thread count, a size the interface states): the
    default when the variable is unusable (the file size limit is checked again, and reported, at each read)."""
    try:
        return limit(variable, default)
    except DataError:
        return default
