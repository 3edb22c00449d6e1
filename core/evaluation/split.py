"""The split in time order, without torch: the Data page draws the boundary before any model loads."""
from __future__ import annotations

import pandas as pd

from core.errors import SettingsError

MIN_TRAIN_ROWS = 4


def train_rows(n: int, train_fraction: float) -> int:
    """How many of ``n`` rows train: the first ``int(n * train_fraction)``."""
    return int(n * train_fraction)


def split_boundary(frame: pd.DataFrame, train_fraction: float) -> tuple[int, object | None]:
    """Training rows and the first test time stamp (None when no row is left to test)."""
    n_train = train_rows(len(frame), train_fraction)
    return n_train, (frame["ds"].iloc[n_train] if n_train < len(frame) else None)


def split_frame(frame: pd.DataFrame, train_fraction: float = 0.7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """First ``int(n * train_fraction)`` rows train, the rest test, in time order."""
    if not 0 < train_fraction < 1:
        raise SettingsError(f"Train fraction {train_fraction} must lie strictly between 0 and 1.")
    n_train = train_rows(len(frame), train_fraction)
    if n_train < MIN_TRAIN_ROWS or n_train >= len(frame):
        raise SettingsError(f"A train fraction of {train_fraction} leaves {n_train} training and "
                            f"{len(frame) - n_train} test rows out of {len(frame)}: "
                            f"choose a fraction that keeps at least {MIN_TRAIN_ROWS} training rows and one test row.")
    return frame.iloc[:n_train].reset_index(drop=True), frame.iloc[n_train:].reset_index(drop=True)
