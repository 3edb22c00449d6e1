"""Baselines every model is measured against: naive, seasonal naive and drift."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.models.base import Forecaster
from core.training.loop import EpochCallback


class SeasonalNaiveForecaster(Forecaster):
    """Repeats the last observed season (``season = 1`` is the naive last-value forecast). A history shorter
    than one season has no season to repeat: it repeats the last value (naive), and ``params`` says so."""

    def __init__(self, season: int, name: str = "snaive") -> None:
        self.season = season
        self.name = name

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "SeasonalNaiveForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.season_ = max(self.season, 1) if len(values) >= self.season else 1
        self.last_ = values[-self.season_:]
        self.fitted_ = np.concatenate([np.full(self.season_, np.nan), values[:-self.season_]])
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.last_[np.arange(len(future)) % self.season_]

    def params(self) -> dict[str, Any]:
        used = self.season_ if self.fitted_ is not None else self.season
        if used == self.season:
            return {"season": self.season}
        return {"season": used, "season_asked": self.season, "note": "fewer rows than one season: the last value"}


class DriftForecaster(Forecaster):
    """The last value plus the average change per step over the history (random walk with drift)."""

    name = "drift"

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "DriftForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.last_ = values[-1]
        self.slope_ = (values[-1] - values[0]) / max(len(values) - 1, 1)
        self.fitted_ = np.concatenate([[np.nan], values[:-1] + self.slope_])
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.last_ + self.slope_ * np.arange(1, len(future) + 1)
