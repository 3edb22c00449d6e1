"""Candidate forecasters for ``auto``: level and differenced autoregressions (SARIMA-like, linear
in their weights, or an MLP on the lags, trained with torch), exponential smoothing, Theta, drift
and ensembles."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from torch import nn

from core.errors import SettingsError
from core.features import Standardizer
from core.frequency import Frequency
from core.models import Forecaster, closed_form_mse, relative_gap
from core.nets import NetConfig, build_net
from core.training import EpochCallback, TrainConfig, predict, train
from core.transforms import TargetTransform, forecast_bounds


class DifferencedARForecaster(Forecaster):
    """Autoregression on the differenced, transformed series, forecast recursively: linear, or an
    MLP on the lags when ``hidden`` > 0.

    ``season`` > 1 takes a seasonal difference ``z[t] - z[t - season]``; ``first`` takes one more
    ordinary difference. ``lags`` are the AR lags of the differenced series. Differences are
    undone exactly when forecasting, and the transform is inverted.
    """

    def __init__(self, name: str, transform: str, season: int, first: bool, lags: tuple[int, ...],
                 training: TrainConfig, hidden: int = 0) -> None:
        self.name = name
        self.transform = transform
        self.season = season
        self.first = first
        self.lags = lags
        self.training = training
        self.hidden = hidden

    def _difference(self, z: np.ndarray) -> np.ndarray:
        d = z[self.season:] - z[:-self.season] if self.season > 1 else z
        return np.diff(d) if self.first else d

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "DifferencedARForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.transform_ = TargetTransform.fit(self.transform, values)
        z = self.transform_.forward(values)
        d = self._difference(z)
        p = max(self.lags)
        if len(d) < p + 8:
            raise SettingsError(f"{self.name} needs more rows than the {len(values)} it was given.")
        self.scaler_ = Standardizer.fit(d)
        scaled = self.scaler_.transform(d)
        x = np.column_stack([scaled[p - k:len(scaled) - k] for k in self.lags])
        target = scaled[p:]
        self.net_ = build_net(NetConfig(len(self.lags), self.hidden), self.training.seed)
        self.history_ = train(self.net_, x, target, self.training, callback)
        if self.history_.diverged_at is not None:
            raise SettingsError(f"{self.name} diverged while training.")
        fitted = predict(self.net_, x)
        self.closed_form_gap_ = None if self.hidden else \
            relative_gap(float(np.mean((fitted - target) ** 2)), closed_form_mse(x, target))
        self.layers_ = [(layer.weight.detach().cpu().numpy().astype(float), layer.bias.detach().cpu().numpy().astype(float))
                        for layer in self.net_.modules() if isinstance(layer, nn.Linear)]
        self.z_, self.d_ = z, scaled
        self.fitted_ = self._fitted_values(z, fitted)
        return self

    def _fitted_values(self, z: np.ndarray, fitted_scaled: np.ndarray) -> np.ndarray:
        """One-step-ahead in-sample predictions, undifferenced (NaN where lags are not available)."""
        d_hat = self.scaler_.inverse_transform(fitted_scaled)
        offset = len(z) - len(d_hat)
        z_hat = np.full(len(z), np.nan)
        for i, value in enumerate(d_hat):
            t = offset + i
            z_hat[t] = self._undifference_base(z, t) + value
        return self.transform_.inverse(z_hat)

    def _undifference_base(self, z: np.ndarray | list[float], t: int) -> float:
        """What ``z[t]`` is before its differenced change is added back, from the values before ``t``."""
        base = z[t - self.season] if self.season > 1 else 0.0
        if self.first:
            base += z[t - 1] - (z[t - 1 - self.season] if self.season > 1 else 0.0)
        return float(base)

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.forecast_steps(len(future))

    def forecast_steps(self, horizon: int) -> np.ndarray:
        """``horizon`` steps past the fitted history."""
        z, d = list(self.z_), list(self.d_)
        low, high = forecast_bounds(self.z_)
        for _ in range(horizon):
            step = self._next_change(d)
            base = self._undifference_base(z, len(z))
            level = float(np.clip(base + float(self.scaler_.inverse_transform(np.array(step))), low, high))
            z.append(level)
            d.append(float(self.scaler_.transform(np.array(level - base))))
        return self.transform_.inverse(np.array(z[len(self.z_):]))

    def _next_change(self, d: list[float]) -> float:
        """The next scaled differenced value from the ones before it."""
        out = np.array([d[-k] for k in self.lags])
        for i, (weight, bias) in enumerate(self.layers_):
            out = weight @ out + bias
            if i < len(self.layers_) - 1:
                out = np.maximum(out, 0.0)  # ReLU between layers, as in MLPNet
        return float(out[0])

    def params(self) -> dict[str, Any]:
        return {"transform": self.transform, "seasonal_difference": self.season, "first_difference": self.first,
                "lags": list(self.lags), "hidden_units": self.hidden}


class DriftForecaster(Forecaster):
    """The last value plus the average change per step over the history (random walk with drift)."""

    name = "drift"

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "DriftForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.last_ = values[-1]
        self.slope_ = (values[-1] - values[0]) / max(len(values) - 1, 1)
        self.fitted_ = np.concatenate([[np.nan], values[:-1] + self.slope_])
        self.closed_form_gap_ = None
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.last_ + self.slope_ * np.arange(1, len(future) + 1)


class EnsembleForecaster(Forecaster):
    """The mean of several forecasters' predictions."""

    def __init__(self, name: str, members: list[Forecaster]) -> None:
        self.name = name
        self.members = members

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "EnsembleForecaster":
        for member in self.members:
            member.fit(history, frequency)
        self.fitted_ = np.mean([m.fitted_ for m in self.members], axis=0)  # type: ignore[attr-defined]
        self.closed_form_gap_ = None
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return np.mean([member.forecast(future) for member in self.members], axis=0)

    def params(self) -> dict[str, Any]:
        return {"members": [member.name for member in self.members]}


class ExponentialSmoothingForecaster(Forecaster):
    """Simple exponential smoothing (a local level): the smoothing weight is chosen on a grid by
    the one-step-ahead squared error over the history; the forecast is the last level."""

    name = "ses"
    GRID = np.round(np.arange(0.05, 1.0001, 0.05), 2)

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "ExponentialSmoothingForecaster":
        values = history["y"].to_numpy(dtype=float)
        runs = {alpha: self._smooth(values, alpha) for alpha in self.GRID}
        self.alpha_ = min(runs, key=lambda a: float(np.sum((runs[a][0][1:] - values[1:]) ** 2)))
        self.fitted_, self.level_ = runs[self.alpha_]
        self.fitted_ = self.fitted_.copy()
        self.fitted_[0] = np.nan
        self.closed_form_gap_ = None
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
        return {"alpha": getattr(self, "alpha_", None)}


def seasonal_indices(values: np.ndarray, season: int) -> tuple[np.ndarray, bool]:
    """Classical decomposition: one index per season position and whether it is multiplicative.

    The trend is a centred moving average over one season; the indices are the per-position means
    of the series over that trend (ratios for a positive series, differences otherwise).
    """
    kernel = np.ones(season) / season
    if season % 2 == 0:  # a 2 x m moving average keeps an even season centred
        kernel = np.convolve(kernel, [0.5, 0.5])
    trend = np.convolve(values, kernel, mode="same")
    half = len(kernel) // 2
    valid = np.arange(half, len(values) - half)
    multiplicative = bool(np.all(values > 0))
    detrended = values[valid] / trend[valid] if multiplicative else values[valid] - trend[valid]
    indices = np.array([detrended[valid % season == k].mean() for k in range(season)])
    return (indices / indices.mean() if multiplicative else indices - indices.mean()), multiplicative


class ThetaForecaster(Forecaster):
    """The Theta method: exponential smoothing plus half the series' linear trend, on seasonally
    adjusted values (classical decomposition) when the series has a season."""

    name = "theta"

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
        self.fitted_ = self._adjust(smoother.fitted_, np.arange(len(values)), inverse=True)
        self.closed_form_gap_ = None
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
        return {"season": self.season, "alpha": getattr(self, "alpha_", None)}
