"""The split in time order, without torch: the Data page draws the boundary before any model loads."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
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


def split_frame(frame: pd.DataFrame, train_fraction: float = 0.7,
                filled: Sequence[int] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """First ``int(n * train_fraction)`` rows train, the rest test, in time order. The training rows' targets that
    the loader ``filled`` (positions of blank cells) after the last one the file gave are that value carried forward
    (``without_look_ahead``): interpolated, they leaned on the first value of the test rows."""
    if not 0 < train_fraction < 1:
        raise SettingsError(f"Train fraction {train_fraction} must lie strictly between 0 and 1.")
    n_train = train_rows(len(frame), train_fraction)
    if n_train < MIN_TRAIN_ROWS or n_train >= len(frame):
        raise SettingsError(f"A train fraction of {train_fraction} leaves {n_train} training and "
                            f"{len(frame) - n_train} test rows out of {len(frame)}: "
                            f"choose a fraction that keeps at least {MIN_TRAIN_ROWS} training rows and one test row.")
    train = without_look_ahead(frame.iloc[:n_train].reset_index(drop=True), filled)
    return train, frame.iloc[n_train:].reset_index(drop=True)


def without_look_ahead(train: pd.DataFrame, filled: Sequence[int] = ()) -> pd.DataFrame:
    """``train`` with its last rows' ``filled`` targets (after the last value the file gave) set to that value, as
    filling the training rows alone would (interpolation carries the last value on; so does a forward fill). A gap
    across the split was interpolated towards a test value, so a test value changed the model trained "without" it:
    one changed test row moved a linear fit's train MAE from 0.74 to 11.3."""
    rows = np.asarray(filled, dtype=int)
    given = np.ones(len(train), dtype=bool)
    given[rows[(rows >= 0) & (rows < len(train))]] = False
    if given[-1] or not given.any():  # the last training row is a value given, or none is
        return train
    last = int(np.flatnonzero(given)[-1])
    carried = train.copy()
    carried.loc[last + 1:, "y"] = carried["y"].iloc[last]
    return carried
