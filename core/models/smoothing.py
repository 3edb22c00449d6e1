"""Exponential smoothing and the Theta method (with classical seasonal indices): candidates of ``auto``."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.models.base import Forecaster
from core.training.loop import EpochCallback


class ExponentialSmoothingForecaster(Forecaster):
    """Simple exponential smoothing (a local level): the smoothing weight is chosen on a grid by
    the one-step-ahead squared error over the history; the forecast is the last level."""

    name = "ses"
    alpha_: float | None = None
    GRID = np.round(np.arange(0.05, 1.0001, 0.05), 2)

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "ExponentialSmoothingForecaster":
        values = history["y"].to_numpy(dtype=float)
        runs = {alpha: self._smooth(values, alpha) for alpha in self.GRID}
        self.alpha_ = min(runs, key=lambda a: float(np.sum((runs[a][0][1:] - values[1:]) ** 2)))
        self.fitted_, self.level_ = runs[self.alpha_]
        self.fitted_ = self.fitted_.copy()
        self.fitted_[0] = np.nan
        return self

    @staticmethod
    def _smooth(values: np.ndarray, alpha: float) -> tuple[np.ndarray, float]:
        level, fitted = values[0], np.empty(len(values))
        for t, value in enumerate(values):
            fitted[t] = level
            level = alpha * value + (1 - alpha) * level
        return fitted, float(level)

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return np.full(len(future), self.level_)

    def params(self) -> dict[str, Any]:
        return {"alpha": self.alpha_}


def seasonal_indices(values: np.ndarray, season: int) -> tuple[np.ndarray, bool]:
    """Classical decomposition: one index per season position and whether it is multiplicative.

    The indices are the per-position means of the series over its moving-average trend
    (``detrended``: ratios for a positive series, differences otherwise).
    """
    multiplicative = bool(np.all(values > 0))
    over_trend, rows = detrended(values, season, multiplicative)
    indices = np.array([over_trend[rows % season == k].mean() for k in range(season)])
    return (indices / indices.mean() if multiplicative else indices - indices.mean()), multiplicative


def detrended(values: np.ndarray, season: int, multiplicative: bool) -> tuple[np.ndarray, np.ndarray]:
    """The series over its trend (ratios when ``multiplicative``, else differences) and the rows they
    belong to: the trend is a centred moving average over one season, defined away from the ends."""
    kernel = np.ones(season) / season
    if season % 2 == 0:  # a 2 x m moving average keeps an even season centred
        kernel = np.convolve(kernel, [0.5, 0.5])
    trend = np.convolve(values, kernel, mode="same")
    half = len(kernel) // 2
    rows = np.arange(half, len(values) - half)
    return (values[rows] / trend[rows] if multiplicative else values[rows] - trend[rows]), rows


class ThetaForecaster(Forecaster):
    """The Theta method: exponential smoothing plus half the series' linear trend, on seasonally
    adjusted values (classical decomposition) when the series has a season."""

    name = "theta"
    alpha_: float | None = None

    def __init__(self, season: int) -> None:
        self.season = season

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "ThetaForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.n_ = len(values)
        seasonal = self.season > 1 and len(values) >= 2 * self.season + 2
        self.indices_, self.multiplicative_ = (seasonal_indices(values, self.season) if seasonal
                                               else (np.ones(1), True))
        adjusted = self._adjust(values, np.arange(len(values)), inverse=False)
        smoother = ExponentialSmoothingForecaster().fit(history.assign(y=adjusted), frequency)
        self.alpha_, self.level_ = smoother.alpha_, smoother.level_
        self.slope_ = float(np.polyfit(np.arange(len(adjusted)), adjusted, 1)[0])
        self.fitted_ = self._adjust(smoother.fitted_values(), np.arange(len(values)), inverse=True)
        return self

    def _adjust(self, values: np.ndarray, steps: np.ndarray, inverse: bool) -> np.ndarray:
        index = self.indices_[steps % len(self.indices_)]
        if self.multiplicative_:
            return values * index if inverse else values / index
        return values + index if inverse else values - index

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        h = np.arange(1, len(future) + 1)
        a = self.alpha_
        drift = 0.5 * self.slope_ * (h - 1 + 1 / a - (1 - a) ** self.n_ / a)
        return self._adjust(self.level_ + drift, self.n_ + h - 1, inverse=True)

    def params(self) -> dict[str, Any]:
        return {"season": self.season, "alpha": self.alpha_}
