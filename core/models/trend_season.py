"""Trend + seasonality regressions for ``auto``: a piecewise-linear trend with changepoints,
Fourier terms for one or several seasonalities (daily and weekly cycles in sub-daily data), and
optionally autoregressive lags, with a ridge penalty; linear in the weights and trained with torch."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import SIX_DAY_WEEKS, Frequency, open_hours, week_year
from core.errors import SettingsError
from core.models.base import Forecaster
from core.models.features import (FeatureSpec, Standardizer, design_matrix, history_clock, lagged_columns,
                                  steps_after, week_of_rows)
from core.models.regression import rows_for_weights
from core.models.transforms import TargetTransform, first_held, forecast_bounds
from core.training.fit import fit_network
from core.training.loop import EpochCallback, TrainConfig

# Cycles worth modelling per frequency (a six-day week by its alias), in steps: the first is the frequency's own season.
PERIODS_BY_FREQUENCY: dict[str, tuple[float, ...]] = {
    "minutely": (60.0, 1440.0), "half-hourly": (48.0, 336.0), "hourly": (24.0, 168.0),
    "daily": (7.0, 365.25), "business-daily": (5.0, 261.0), **dict.fromkeys(SIX_DAY_WEEKS, (6.0, 313.0)),
    "weekly": (365.25 / 7,),
    "semi-monthly": (24.0,), "monthly": (12.0,), "quarterly": (4.0,), "half-yearly": (2.0,),
}
MAX_FOURIER_ORDER = 6
CHANGEPOINT_SPAN = 0.8  # changepoints sit in the first 80% of the history, as in Prophet
MAX_CHANGEPOINTS = 10
# Changepoint columns are shrunk after scaling, so the ridge penalty holds slope changes back
# harder than the other weights: the trend bends only where the data insist.
CHANGEPOINT_SHRINK = 0.3


CYCLES_KEPT = 2  # a cycle is modelled only where the rows hold this many of it


def seasonal_periods(frequency: Frequency, season: int, n: int) -> tuple[float, ...]:
    """The cycles to model: the frequency's (or, for plain steps, the detected ``season``), each
    only when the history holds at least two of them."""
    periods = PERIODS_BY_FREQUENCY.get(frequency.alias or "", PERIODS_BY_FREQUENCY.get(frequency.name, ()))
    if (year := week_year(frequency.alias)) is not None:  # a week of some days, and its year
        periods = (float(frequency.season_length), year)
    if open_hours(frequency.alias) is not None:  # a day and a week of opening hours
        periods = (float(frequency.season_length), float(week_of_rows(frequency)))
    if season > 1 and not periods:
        periods = (float(season),)
    if season <= 1 and periods:
        periods = periods[1:]  # the frequency's own season was not confirmed by the data
    return tuple(p for p in periods if n >= CYCLES_KEPT * p)


def fourier_order(period: float) -> int:
    """Sine/cosine pairs for a period: every harmonic for short ones, at most six."""
    return int(min(period // 2, MAX_FOURIER_ORDER))


class TrendSeasonForecaster(Forecaster):
    """``z[t] = trend(t) + sum of Fourier seasonalities + sum_k a_k z[t - k]`` on the transformed series.

    Without lags the trend is linear with hinge terms ``max(0, t - c)`` at evenly spaced
    changepoints; with lags it is one straight line (the lags follow local moves, and a bent trend
    under them extrapolated wildly in backtests). All weights but the intercept carry a ridge
    penalty (``training.l2``) on standardized columns. Forecasts extend the last trend segment and
    are recursive when there are lags.
    """

    regressors: tuple[str, ...] = ()  # model files written before regressors existed
    first_stamp_: str | int | None = None  # model files written before the steps followed the calendar: rows counted

    def __init__(self, name: str, transform: str, periods: tuple[float, ...], lags: tuple[int, ...],
                 training: TrainConfig, regressors: tuple[str, ...] = ()) -> None:
        self.name = name
        self.transform = transform
        self.periods = periods
        self.lags = lags
        self.training = training
        self.regressors = regressors

    def _deterministic(self, steps: np.ndarray) -> np.ndarray:
        """Trend, changepoint and Fourier columns for the given step indices, shape (len, q)."""
        return design_matrix(None, steps, self.spec_, Frequency("steps", None, 1), trend_scale=1.0)[0]

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "TrendSeasonForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.transform_ = TargetTransform.fit(self.transform, values)
        z = self.transform_.forward(values)
        n, p = len(z), max(self.lags, default=0)
        if n < p + 12:
            raise SettingsError(f"{self.name} needs more rows than the {n} it was given.")
        steps, self.first_stamp_ = history_clock(history["ds"], frequency)  # a season stays in step across gaps
        self.frequency_, self.last_step_ = frequency, float(steps[-1])
        count = int(min(MAX_CHANGEPOINTS, n // 12)) if not self.lags else 0
        changepoints = np.linspace(0, CHANGEPOINT_SPAN * steps[-1], count + 2)[1:-1]
        self.spec_ = FeatureSpec(changepoints=tuple(changepoints.tolist()),
                                 cycles=tuple((period, fourier_order(period)) for period in self.periods))
        x = self._rows(steps[p:], z, p, history.iloc[p:])
        self.x_scaler_ = Standardizer.fit(x)
        self.y_scaler_ = Standardizer.fit(z[p:])
        self.torch_fit_ = fit_network(self._scale(x), self.y_scaler_.transform(z[p:]), self.training,
                                      callback=callback)
        self.weights_, self.bias_ = self.torch_fit_.linear_weights()
        self.z_ = z
        self.fitted_ = np.concatenate([np.full(p, np.nan),
                                       self.transform_.inverse(self.y_scaler_.inverse_transform(self.torch_fit_.fitted))])
        return self

    def _rows(self, steps: np.ndarray, z: np.ndarray, p: int, rows: pd.DataFrame) -> np.ndarray:
        known = self._known(steps, rows)
        return np.column_stack([known, lagged_columns(z, self.lags)]) if p else known

    def _known(self, steps: np.ndarray, rows: pd.DataFrame) -> np.ndarray:
        """The columns known in advance: trend, changepoints, Fourier terms and the regressors."""
        deterministic = self._deterministic(steps)
        if not self.regressors:
            return deterministic
        return np.column_stack([deterministic, rows[list(self.regressors)].to_numpy(dtype=float)])

    def _scale(self, x: np.ndarray) -> np.ndarray:
        scaled = self.x_scaler_.transform(x)
        scaled[:, 1:1 + len(self.spec_.changepoints)] *= CHANGEPOINT_SHRINK
        return scaled

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        n, horizon = len(self.z_), len(future)
        steps = (np.arange(n, n + horizon, dtype=float) if self.first_stamp_ is None
                 else steps_after(self.first_stamp_, self.last_step_, future["ds"], self.frequency_, n))
        low, high = forecast_bounds(self.z_)
        if not self.lags:
            scaled = self._scale(self._known(steps, future))
            reached = self.y_scaler_.inverse_transform(scaled @ self.weights_ + self.bias_)
        else:  # each step's lags are the forecasts before it, as held
            z, reached = list(self.z_), np.empty(horizon)
            deterministic = self._known(steps, future)
            for i in range(horizon):
                row = np.concatenate([deterministic[i], [z[-k] for k in self.lags]])[None, :]
                value = float(self._scale(row)[0] @ self.weights_ + self.bias_)
                reached[i] = float(self.y_scaler_.inverse_transform(np.array(value)))
                z.append(float(np.clip(reached[i], low, high)))
        self.held_from_ = first_held(reached, low, high)
        return self.transform_.inverse(np.clip(reached, low, high))

    def fewest_refit_rows(self) -> int:
        """The lags and ``ROWS_PER_WEIGHT`` rows a weight of the trend, the seasons' Fourier terms, the regressors and
        the lags (the changepoints, shrunk and fewer on fewer rows, not counted): a refit of 16 weights on 15 rows
        missed by up to 14 times the others' errors, and made a 13-period series' band 50 times its test error. And
        ``CYCLES_KEPT`` of each cycle it models, as its periods were chosen (``seasonal_periods``): an hourly meter's
        weekly pairs refitted on less than a week guessed the weekend and made its 80% band twice its test errors."""
        self._check_fitted()
        weights = len(self.weights_) - len(self.spec_.changepoints) + 1
        cycles = [math.ceil(CYCLES_KEPT * period) for period in self.periods]
        return max([max(self.lags, default=0) + rows_for_weights(weights), *cycles])

    def changepoints(self) -> tuple[float, ...]:
        """Where the fitted trend may bend, in steps from the first history row."""
        self._check_fitted()
        return self.spec_.changepoints

    def params(self) -> dict[str, Any]:
        changepoints = len(self.spec_.changepoints) if self.fitted_ is not None else 0
        return {"transform": self.transform, "periods": list(self.periods), "lags": list(self.lags),
                "changepoints": changepoints, "l2": self.training.l2, "regressors": list(self.regressors)}
