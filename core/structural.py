"""Trend + seasonality regressions for ``auto``: a piecewise-linear trend with changepoints,
Fourier terms for one or several seasonalities (daily and weekly cycles in sub-daily data), and
optionally autoregressive lags, with a ridge penalty; linear in the weights and trained with torch."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.errors import SettingsError
from core.features import Standardizer, fourier_columns
from core.frequency import Frequency
from core.models import Forecaster, relative_gap
from core.nets import NetConfig, build_net
from core.training import EpochCallback, TrainConfig, predict, train
from core.transforms import TargetTransform, forecast_bounds

# Cycles worth modelling per frequency, in steps: the first is the frequency's own season.
PERIODS_BY_FREQUENCY: dict[str, tuple[float, ...]] = {
    "minutely": (60.0, 1440.0), "half-hourly": (48.0, 336.0), "hourly": (24.0, 168.0),
    "daily": (7.0, 365.25), "business-daily": (5.0, 261.0), "weekly": (365.25 / 7,),
    "monthly": (12.0,), "quarterly": (4.0,),
}
MAX_FOURIER_ORDER = 6
CHANGEPOINT_SPAN = 0.8  # changepoints sit in the first 80% of the history, as in Prophet
MAX_CHANGEPOINTS = 10
# Changepoint columns are shrunk after scaling, so the ridge penalty holds slope changes back
# harder than the other weights: the trend bends only where the data insist.
CHANGEPOINT_SHRINK = 0.3


def seasonal_periods(frequency: Frequency, season: int, n: int) -> tuple[float, ...]:
    """The cycles to model: the frequency's (or, for plain steps, the detected ``season``), each
    only when the history holds at least two of them."""
    periods = PERIODS_BY_FREQUENCY.get(frequency.name, ())
    if season > 1 and not periods:
        periods = (float(season),)
    if season <= 1 and periods:
        periods = periods[1:]  # the frequency's own season was not confirmed by the data
    return tuple(p for p in periods if n >= 2 * p)


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

    def __init__(self, name: str, transform: str, periods: tuple[float, ...], lags: tuple[int, ...],
                 training: TrainConfig) -> None:
        self.name = name
        self.transform = transform
        self.periods = periods
        self.lags = lags
        self.training = training

    def _deterministic(self, steps: np.ndarray) -> np.ndarray:
        """Trend, changepoint and Fourier columns for the given step indices, shape (len, q)."""
        columns = [steps.astype(float)]
        columns += [np.maximum(steps - c, 0.0) for c in self.changepoints_]
        for period in self.periods:
            columns += fourier_columns(steps, period, fourier_order(period)).values()
        return np.column_stack(columns)

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "TrendSeasonForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.transform_ = TargetTransform.fit(self.transform, values)
        z = self.transform_.forward(values)
        n, p = len(z), max(self.lags, default=0)
        if n < p + 12:
            raise SettingsError(f"{self.name} needs more rows than the {n} it was given.")
        count = int(min(MAX_CHANGEPOINTS, n // 12)) if not self.lags else 0
        self.changepoints_ = np.linspace(0, CHANGEPOINT_SPAN * (n - 1), count + 2)[1:-1]
        x = self._rows(np.arange(p, n), z, p)
        self.x_scaler_ = Standardizer.fit(x)
        self.y_scaler_ = Standardizer.fit(z[p:])
        scaled_x, target = self._scale(x), self.y_scaler_.transform(z[p:])
        self.net_ = build_net(NetConfig(scaled_x.shape[1]), self.training.seed)
        self.history_ = train(self.net_, scaled_x, target, self.training, callback)
        if self.history_.diverged_at is not None:
            raise SettingsError(f"{self.name} diverged while training.")
        fitted = predict(self.net_, scaled_x)
        self.weights_ = self.net_.linear.weight.detach().cpu().numpy().ravel().astype(float)  # type: ignore[union-attr]
        self.bias_ = float(self.net_.linear.bias.detach().cpu())  # type: ignore[union-attr]
        objective = float(np.mean((fitted - target) ** 2)) + self.training.l2 * float(self.weights_ @ self.weights_)
        self.closed_form_gap_ = relative_gap(objective, ridge_mse(scaled_x, target, self.training.l2))
        self.z_ = z
        self.fitted_ = np.concatenate([np.full(p, np.nan),
                                       self.transform_.inverse(self.y_scaler_.inverse_transform(fitted))])
        return self

    def _rows(self, steps: np.ndarray, z: np.ndarray, p: int) -> np.ndarray:
        lagged = [z[steps - k] for k in self.lags]
        return np.column_stack([self._deterministic(steps), *lagged]) if p else self._deterministic(steps)

    def _scale(self, x: np.ndarray) -> np.ndarray:
        scaled = self.x_scaler_.transform(x)
        scaled[:, 1:1 + len(self.changepoints_)] *= CHANGEPOINT_SHRINK
        return scaled

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.forecast_steps(len(future))

    def forecast_steps(self, horizon: int) -> np.ndarray:
        """``horizon`` steps past the fitted history."""
        n = len(self.z_)
        steps = np.arange(n, n + horizon)
        low, high = forecast_bounds(self.z_)
        if not self.lags:
            scaled = self._scale(self._deterministic(steps))
            z_hat = self.y_scaler_.inverse_transform(scaled @ self.weights_ + self.bias_)
            return self.transform_.inverse(np.clip(z_hat, low, high))
        z = list(self.z_)
        deterministic = self._deterministic(steps)
        for i in range(horizon):
            row = np.concatenate([deterministic[i], [z[-k] for k in self.lags]])[None, :]
            value = float(self._scale(row)[0] @ self.weights_ + self.bias_)
            z.append(float(np.clip(self.y_scaler_.inverse_transform(np.array(value)), low, high)))
        return self.transform_.inverse(np.array(z[n:]))

    def params(self) -> dict[str, Any]:
        return {"transform": self.transform, "periods": list(self.periods), "lags": list(self.lags),
                "changepoints": len(getattr(self, "changepoints_", [])), "l2": self.training.l2}


def ridge_mse(x: np.ndarray, y: np.ndarray, l2: float) -> float:
    """The ridge objective ``mean((Xw + b - y)^2) + l2 |w|^2`` at its exact minimum (``b`` unpenalized)."""
    xc, yc = x - x.mean(axis=0), y - y.mean()
    n, q = x.shape
    stacked = np.vstack([xc / np.sqrt(n), np.sqrt(l2) * np.eye(q)])
    w = np.linalg.lstsq(stacked, np.concatenate([yc / np.sqrt(n), np.zeros(q)]), rcond=None)[0]
    residual = xc @ w - yc
    return float(np.mean(residual ** 2) + l2 * w @ w)
