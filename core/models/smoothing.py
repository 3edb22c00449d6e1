"""Exponential smoothing and the Theta method (with classical seasonal indices): candidates of ``auto``."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.models.base import Forecaster
from core.training.loop import EpochCallback

SEASONAL_STRENGTH = 0.64  # auto.arima's threshold for a seasonal difference


class ExponentialSmoothingForecaster(Forecaster):
    """Simple exponential smoothing (a local level): the smoothing weight is chosen on a grid by
    the one-step-ahead squared error over the history; the forecast is the last level."""

    name = "ses"
    alpha_: float | None = None
    GRID = np.round(np.arange(0.05, 1.0001, 0.05), 2)

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "ExponentialSmoothingForecaster":
        values = history["y"].to_numpy(dtype=float)
        levels = self._levels(values, self.GRID)
        best = int(np.argmin(np.sum((levels[:, 1:len(values)] - values[1:]) ** 2, axis=1)))
        self.alpha_ = float(self.GRID[best])
        self.fitted_, self.level_ = levels[best, :len(values)].copy(), float(levels[best, -1])
        self.fitted_[0] = np.nan
        return self

    @staticmethod
    def _levels(values: np.ndarray, alphas: np.ndarray) -> np.ndarray:
        """The level before each row and after the last, for each alpha (shape (alphas, n + 1)), starting at the
        first value: the smoothing from zero (``smoothed_from_zero``) plus the first value's decay."""
        decay = (1 - alphas)[:, None] ** np.arange(len(values) + 1)[None, :]
        return smoothed_from_zero(values, alphas) + decay * values[0]

    @staticmethod
    def _smooth(values: np.ndarray, alpha: float) -> tuple[np.ndarray, float]:
        """One alpha's one-step forecasts (the level before each row) and final level."""
        levels = ExponentialSmoothingForecaster._levels(values, np.array([alpha]))[0]
        return levels[:len(values)], float(levels[-1])

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


def seasonal_strength(values: np.ndarray, season: int) -> float:
    """``1 - var(remainder) / var(detrended)`` of a classical decomposition (centred moving-average
    trend, mean seasonal offsets): 0 for no season, near 1 for a season that explains everything."""
    if season < 2 or len(values) < 2 * season + 1:
        return 0.0
    over_trend, rows = detrended(values, season, multiplicative=False)
    positions = rows % season
    offsets = np.array([over_trend[positions == k].mean() for k in range(season)])
    remainder = over_trend - offsets[positions]
    spread = float(np.var(over_trend))
    return max(0.0, 1.0 - float(np.var(remainder)) / spread) if spread > 0 else 0.0


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
        adjusted = self._seasonally_adjusted(values)
        smoother = ExponentialSmoothingForecaster().fit(history.assign(y=adjusted), frequency)
        self.alpha_, self.level_ = smoother.alpha_, smoother.level_
        # One row has no slope (and LAPACK would print an error of its own to the terminal): flat.
        self.slope_ = float(np.polyfit(np.arange(len(adjusted)), adjusted, 1)[0]) if len(adjusted) > 1 else 0.0
        self.fitted_ = self._adjust(smoother.fitted_values(), np.arange(len(values)), inverse=True)
        return self

    def _seasonally_adjusted(self, values: np.ndarray) -> np.ndarray:
        """``values`` over (or minus) their classical seasonal indices, kept for the forecast; unchanged without
        a season or with fewer than two full seasons and two rows."""
        self.n_ = len(values)
        seasonal = self.season > 1 and len(values) >= 2 * self.season + 2
        self.indices_, self.multiplicative_ = (seasonal_indices(values, self.season) if seasonal
                                               else (np.ones(1), True))
        return self._adjust(values, np.arange(len(values)), inverse=False)

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


_GRID_CELLS = 500_000  # parameter sets x rows held at once by the dynamic Theta model's search (4 MB an array)


class DynamicThetaForecaster(ThetaForecaster):
    """The dynamic optimised Theta model (DOTM, Fiorucci et al. 2016) on seasonally adjusted values, as Theta.

    Theta's two lines as one state-space model: a smoothed level plus ``1 - 1/theta`` of a trend line that is
    the least-squares line of the rows seen so far (refitted at every row, so a trend that changes is followed).
    The smoothing weight ``alpha``, ``theta >= 1`` (the trend line's weight is ``1 - 1/theta``) and the starting level
    are fitted by the one-step-ahead squared error: a coarse grid over every combination, then finer grids around the
    best (the search of ``core.models.ets``). ``theta = 2`` with a fixed line is the classical Theta method.
    """

    name = "dynamic theta"
    theta_: float | None = None
    # Searched as the trend line's weight ``1 - 1/theta`` in [0, 1): theta from 1 (no trend) towards infinity.
    ALPHAS = (0.1, 0.3, 0.5, 0.7, 0.9, 0.99)
    WEIGHTS = (0.0, 0.25, 0.5, 0.7, 0.85, 0.95, 0.999)
    STARTS = (-1.0, 0.0, 1.0)  # the starting level's offset from the value that forecasts the 2nd row as the 1st
    BOUNDS = {"alpha": (0.1, 0.99), "weight": (0.0, 0.999), "start": (-2.0, 2.0)}  # the refinements reach +-1.97
    REFINEMENTS = 5

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "DynamicThetaForecaster":
        values = history["y"].to_numpy(dtype=float)
        if len(values) < 4 or not np.all(np.isfinite(values)):
            raise ValueError("The dynamic Theta model needs at least 4 finite values.")
        adjusted = self._seasonally_adjusted(values)
        intercepts, slopes = running_line(adjusted)
        unit = float(np.mean(np.abs(np.diff(adjusted)))) or float(np.mean(np.abs(adjusted))) or 1.0
        best = _search_theta(adjusted, intercepts, slopes, unit, self.ALPHAS, self.WEIGHTS, self.STARTS,
                             self.BOUNDS, self.REFINEMENTS)
        self.alpha_, self.theta_ = best["alpha"], 1 / (1 - best["weight"])
        weight = np.array([best["weight"]])
        means, levels = theta_means(adjusted, intercepts, slopes, np.array([self.alpha_]), weight,
                                    start_level(adjusted[0], weight, np.array([best["start"]]), unit))
        self.level_ = float(levels[0, -1])
        self.mean_, self.intercept_, self.slope_ = float(adjusted.mean()), float(intercepts[-1]), float(slopes[-1])
        self.fitted_ = self._adjust(means[0], np.arange(len(values)), inverse=True)
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        """The model's own recursion run on: each step's forecast taken as the next row, which moves the level and
        the least-squares line as a row would."""
        self._check_fitted()
        alpha, weight = self.alpha_, 1 - 1 / self.theta_
        level, mean, intercept, slope = self.level_, self.mean_, self.intercept_, self.slope_
        path = np.empty(len(future))
        for step in range(len(future)):
            t = self.n_ + step + 1  # the row being forecast, counted from 1
            path[step] = level + weight * ((1 - alpha) ** (t - 1) * intercept + (1 - (1 - alpha) ** t) / alpha * slope)
            level = alpha * path[step] + (1 - alpha) * level
            slope = (t - 2) / (t + 1) * slope + 6 / (t + 1) * (path[step] - mean) / t
            mean = ((t - 1) * mean + path[step]) / t
            intercept = mean - (t + 1) / 2 * slope
        return self._adjust(path, self.n_ + np.arange(len(future)), inverse=True)

    def params(self) -> dict[str, Any]:
        return {"season": self.season, "alpha": self.alpha_, "theta": self.theta_}


def start_level(first: float, weights: np.ndarray, starts: np.ndarray, unit: float) -> np.ndarray:
    """The level before the first row: the one that forecasts the second row as the first (``first`` less the
    trend line's share ``weights`` of it), moved by ``starts`` times ``unit`` (the series' typical step)."""
    return first * (1 - weights) + starts * unit


def running_line(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Intercept and slope of the least-squares line through the first ``t`` values against ``1..t``, for each
    ``t`` (shape (n,) each); the first row's line is flat through it."""
    t = np.arange(1, len(values) + 1, dtype=float)
    mean = np.cumsum(values) / t
    spread = np.where(t > 1, (t * t - 1) / 12, 1.0)
    slopes = np.where(t > 1, (np.cumsum(t * values) / t - (t + 1) / 2 * mean) / spread, 0.0)
    return mean - (t + 1) / 2 * slopes, slopes


def smoothed_from_zero(values: np.ndarray, alphas: np.ndarray, block: int = 64) -> np.ndarray:
    """``s_t = alpha y_t + (1 - alpha) s_(t-1)`` from ``s_0 = 0`` for each alpha, shape (alphas, n + 1).

    In blocks of ``block`` rows: within a block the sums are one product with the decay kernel (no Python loop
    over rows, which cost 10 us a row), and only the blocks' carries run in a loop (n / block steps)."""
    n = len(values)
    size = max(1, min(block, n))
    blocks = -(-n // size)
    padded = np.zeros(blocks * size)
    padded[:n] = values
    lag = np.arange(size)[:, None] - np.arange(size)[None, :]  # i - j within a block
    decay = (1 - alphas)[:, None, None] ** np.maximum(lag, 0)[None]
    kernel = np.where(lag[None] >= 0, alphas[:, None, None] * decay, 0.0)  # (alphas, size, size)
    within = np.einsum("aij,bj->abi", kernel, padded.reshape(blocks, size))  # each block from a zero start
    carried = (1 - alphas)[:, None] ** np.arange(1, size + 1)[None, :]  # how a block's start decays inside it
    smoothed = np.empty_like(within)
    start = np.zeros(len(alphas))
    for b in range(blocks):
        smoothed[:, b] = within[:, b] + carried * start[:, None]
        start = smoothed[:, b, -1]
    out = np.zeros((len(alphas), n + 1))
    out[:, 1:] = smoothed.reshape(len(alphas), -1)[:, :n]
    return out


def theta_means(values: np.ndarray, intercepts: np.ndarray, slopes: np.ndarray, alphas: np.ndarray,
                weights: np.ndarray, level0s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One-step-ahead forecasts (shape (sets, n); the first row's NaN) and levels after each row, for each
    parameter set ``(alpha, trend line weight 1 - 1/theta, starting level)``."""
    n = len(values)
    decay = (1 - alphas)[:, None] ** np.arange(n + 1)[None, :]  # (1 - alpha)^t, t = 0..n
    # level_t = alpha y_t + (1 - alpha) level_(t-1): the smoothing of the values from 0 (once per distinct alpha),
    # plus the start's decay
    distinct, which = np.unique(alphas, return_inverse=True)
    levels = smoothed_from_zero(values, distinct)[which] + decay * level0s[:, None]
    t = np.arange(2, n + 1)  # rows 2..n, forecast from the line of rows 1..t-1
    line = decay[:, t - 1] * intercepts[t - 2] + (1 - decay[:, t]) / alphas[:, None] * slopes[t - 2]
    means = np.full((len(alphas), n), np.nan)
    means[:, 1:] = levels[:, 1:n] + weights[:, None] * line
    return means, levels[:, 1:]


def _search_theta(values: np.ndarray, intercepts: np.ndarray, slopes: np.ndarray, unit: float,
                  alphas: tuple[float, ...], weights: tuple[float, ...], starts: tuple[float, ...],
                  bounds: dict[str, tuple[float, float]], refinements: int) -> dict[str, float]:
    """The parameters of least one-step squared error: every combination of the coarse axes, then
    ``refinements`` rounds of a 3 x 3 x 3 grid around the best, each halving the steps."""
    def sse_of(alphas: np.ndarray, weights: np.ndarray, starts: np.ndarray) -> np.ndarray:
        levels = start_level(values[0], weights, starts, unit)
        means, _ = theta_means(values, intercepts, slopes, alphas, weights, levels)
        return np.nansum((means - values) ** 2, axis=1)

    def best_of(axes: dict[str, np.ndarray]) -> dict[str, float]:
        grid = dict(zip(axes, (axis.ravel() for axis in np.meshgrid(*axes.values(), indexing="ij"))))
        size = max(1, _GRID_CELLS // len(values))  # parameter sets per pass: memory stays flat for long series
        sse = np.concatenate([sse_of(grid["alpha"][i:i + size], grid["weight"][i:i + size], grid["start"][i:i + size])
                              for i in range(0, len(grid["alpha"]), size)])
        sse = np.where(np.isfinite(sse), sse, np.inf)
        return {name: float(grid[name][int(np.argmin(sse))]) for name in grid}

    best = best_of({"alpha": np.array(alphas), "weight": np.array(weights), "start": np.array(starts)})
    steps = {"alpha": 0.1, "weight": 0.1, "start": 0.5}
    for _ in range(refinements):
        best = best_of({name: np.unique(np.clip(best[name] + np.array([-1.0, 0.0, 1.0]) * steps[name], *bounds[name]))
                        for name in best})
        steps = {name: step / 2 for name, step in steps.items()}
    return best
