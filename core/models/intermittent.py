"""Forecasts of intermittent demand (a SKU that sells in a few weeks of many): the rate of demand per step, as
Croston's method with the Syntetos-Boylan approximation and Teunter, Syntetos and Babai's method estimate it.
Candidates of ``auto``, which forecasts such series with their mean (``auto.intermittent``).

Exponential smoothing and the last value follow the last spike: on 97 weeks of a SKU with 18 weeks of shipments
(600 units in all, about 6 a week), auto forecast 17.7 a week, the mean of ETS, naive (the last week's 48) and
dynamic Theta; statsforecast's CrostonSBA and TSB gave 5.75 and 6.75."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.models.base import Forecaster
from core.training.loop import EpochCallback

SMOOTHING = 0.1  # the smoothing weight of sizes, intervals and probabilities (statsforecast's default for both)
VARIANTS = ("sba", "tsb")


class IntermittentForecaster(Forecaster):
    """A flat forecast of the demand per step. ``sba``: the smoothed size of the demands over the smoothed interval
    between them, times ``1 - alpha / 2`` (Croston's estimate is biased upwards); ``tsb``: the smoothed size times
    the smoothed probability that a step has demand, which decays through a run of zeros (a SKU no longer sold)."""

    def __init__(self, variant: str = "sba", alpha: float = SMOOTHING) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"Unknown intermittent-demand variant '{variant}': choose one of {', '.join(VARIANTS)}.")
        self.variant = variant
        self.alpha = alpha
        self.name = "croston sba" if variant == "sba" else "tsb"

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "IntermittentForecaster":
        values = np.nan_to_num(history["y"].to_numpy(dtype=float))
        rates = self._rates(values)
        self.rate_ = float(rates[-1])
        self.fitted_ = np.concatenate([[np.nan], rates[:-1]])
        return self

    def _rates(self, values: np.ndarray) -> np.ndarray:
        """The forecast after each row (of the next step's demand)."""
        alpha, rates = self.alpha, np.zeros(len(values))
        demands = np.flatnonzero(values)
        if not len(demands):
            return rates
        size, gap = values[demands[0]], float(demands[0] + 1)  # the first demand and the steps up to it
        chance, since = 1.0 / gap, 0
        for row, value in enumerate(values):
            since += 1
            if row > demands[0] and value != 0:
                size += alpha * (value - size)
                gap += alpha * (since - gap)
            if self.variant == "tsb" and row >= demands[0]:
                chance += alpha * (float(value != 0) - chance) if row > demands[0] else 0.0
            if value != 0:
                since = 0
            if row >= demands[0]:
                rates[row] = (1 - alpha / 2) * size / gap if self.variant == "sba" else chance * size
        return rates

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return np.full(len(future), self.rate_)

    def steady_errors(self) -> bool:
        return True  # the rate forecast stays flat, and each step's demand is drawn anew

    def params(self) -> dict[str, Any]:
        return {"variant": self.variant, "alpha": self.alpha}
