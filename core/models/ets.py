"""The exponential-smoothing family (Holt-Winters / ETS with additive errors): a level, an optional
additive or damped trend, and an optional additive or multiplicative season.

Every form is fitted by the one-step-ahead squared error over the history. The recursion runs over
time once for a whole batch of parameter sets at a time (NumPy arrays across the batch), every form's
sets together, first on a coarse grid and then on finer grids around each form's best point, so a fit
costs a few hundred vector steps instead of an optimizer's thousands of scalar ones. The form is
chosen by AICc, as ETS does.

Forms are named ``(trend, season)`` with trend ``N`` (none), ``A`` (additive) or ``Ad`` (damped)
and season ``N``, ``A`` (additive) or ``M`` (multiplicative).
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.models.base import Forecaster
from core.models.smoothing import seasonal_indices
from core.models.state import register
from core.training.loop import EpochCallback

TRENDS = ("N", "A", "Ad")
SEASONS = ("N", "A", "M")
MAX_SEASON = 60  # longer seasons (weekly data's 52 is the longest kept) make too many states for the rows
_COARSE = {"alpha": (0.05, 0.2, 0.4, 0.6, 0.8, 0.95), "beta": (0.01, 0.05, 0.15, 0.35),
           "gamma": (0.01, 0.05, 0.15, 0.35), "phi": (0.85, 0.93, 0.98)}
_BOUNDS = {"alpha": (0.001, 0.999), "beta": (0.0005, 0.999), "gamma": (0.0005, 0.999), "phi": (0.8, 0.995)}
_REFINEMENTS = 4  # rounds of finer grids around the best point, each halving the step


@register
@dataclass(frozen=True)
class EtsFit:
    """One fitted form: its parameters, start states, squared error and information criterion."""

    trend: str
    season: str
    params: dict[str, float]
    start: tuple[float, float, tuple[float, ...]]  # level, trend, season states before the first row
    sse: float
    aicc: float


def _start_states(values: np.ndarray, m: int, trend: str, season: str) -> tuple[float, float, np.ndarray]:
    """Heuristic states before the first row: the first season's mean level, the change between the
    first two seasons' means per step, classical seasonal indices of the first few seasons."""
    span = max(m, 1)
    first = values[:span]
    level = float(first.mean())
    slope = 0.0
    if trend != "N" and len(values) >= 2 * span:
        slope = float(values[span:2 * span].mean() - level) / span
    elif trend != "N":
        slope = float(values[-1] - values[0]) / max(len(values) - 1, 1)
    level -= slope * (span + 1) / 2  # the first season's mean is the level at its middle: step back to before row 0
    if season == "N":
        return level, slope, np.zeros(1)
    indices, ratios = seasonal_indices(values[: min(len(values), 4 * m)], m)
    if season == "M":
        factors = indices if ratios else 1 + indices / max(abs(level), 1e-12)
        factors = np.clip(factors, 0.05, None)
        return level, slope, factors / factors.mean()
    offsets = (indices - 1) * level if ratios else indices
    return level, slope, offsets - offsets.mean()


def _recurse(values: np.ndarray, m: int, trend: str, season: str, p: dict[str, np.ndarray],
             start: tuple[float, float, np.ndarray]) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]]:
    """Run the smoother for a batch of parameter sets (arrays of one length ``g``) of one form.

    Returns the sum of squared one-step errors (g,), the one-step predictions of the first set
    (n,) and the final states (level (g,), trend (g,), season (g, m)).
    """
    (sse,), first, final = _recurse_forms(values, m, [(trend, season)], [p], [start])
    return sse, first, final


def _names(trend: str, season: str) -> list[str]:
    return ["alpha"] + (["beta"] if trend != "N" else []) + (["gamma"] if season != "N" else []) + \
        (["phi"] if trend == "Ad" else [])


def _grid(axes: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    names = list(axes)
    points = np.array(list(itertools.product(*axes.values())), dtype=float)
    grid = {name: points[:, i] for i, name in enumerate(names)}
    if "gamma" in grid:  # the season's weight stays below what the level leaves
        keep = grid["gamma"] <= 1 - grid["alpha"]
        grid = {name: column[keep] for name, column in grid.items()}
    return grid


def _recurse_forms(values: np.ndarray, m: int, forms: list[tuple[str, str]], grids: list[dict[str, np.ndarray]],
                   starts: list[tuple[float, float, np.ndarray]]
                   ) -> tuple[list[np.ndarray], np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The smoother run for every form's batch of parameter sets at once: one pass over time instead of
    one per form (the passes' per-step overheads were most of auto's time). A form without trend keeps a
    zero slope and a unit ``phi``, one without season zero season states; each set's arithmetic does not
    depend on the others in the batch.

    Returns each form's sums of squared one-step errors, the one-step predictions of the first set (n,)
    and the final states of all sets (level, trend, season (sets, m); one season column when no form has
    a season).
    """
    def stacked(name: str, default: float) -> np.ndarray:
        return np.concatenate([grid.get(name, np.full(len(grid["alpha"]), default)) for grid in grids])

    sizes = [len(grid["alpha"]) for grid in grids]
    alpha, beta, gamma, phi = stacked("alpha", 0.0), stacked("beta", 0.0), stacked("gamma", 0.0), stacked("phi", 1.0)
    level = np.concatenate([start[0] * grid.get("level0", np.ones(size)) for grid, start, size in zip(grids, starts, sizes)])
    slope = np.concatenate([(start[1] + grid.get("slope0", np.zeros(size))) if trend != "N" else np.zeros(size)
                            for (trend, _), grid, start, size in zip(forms, grids, starts, sizes)])
    width = m if any(season != "N" for _, season in forms) else 1
    states = np.concatenate([np.tile(start[2], (size, 1)) if season != "N" else np.zeros((size, width))
                             for (_, season), start, size in zip(forms, starts, sizes)])
    flags = {kind: np.repeat([test(form) for form in forms], sizes) for kind, test in
             (("multiplicative", lambda f: f[1] == "M"), ("seasonal", lambda f: f[1] != "N"),
              ("trended", lambda f: f[0] != "N"))}
    multiplicative, seasonal, trended = flags["multiplicative"], flags["seasonal"], flags["trended"]
    sse, first = np.zeros(len(alpha)), np.empty(len(values))
    with np.errstate(all="ignore"):
        for t, y in enumerate(values):
            base = level + phi * slope
            position = t % width
            index = states[:, position]
            predicted = np.where(multiplicative, base * index, base + index)
            level_new = alpha * np.where(multiplicative, y / index, y - index) + (1 - alpha) * base
            updated = gamma * np.where(multiplicative, y / base, y - base) + (1 - gamma) * index
            states[:, position] = np.where(seasonal, updated, index)
            sse += (y - predicted) ** 2
            first[t] = predicted[0]
            slope = np.where(trended, beta * (level_new - level) + (1 - beta) * phi * slope, slope)
            level = level_new
    sse = np.where(np.isfinite(sse), sse, np.inf)
    return np.split(sse, np.cumsum(sizes)[:-1]), first, (level, slope, states)


def fit_forms(values: np.ndarray, m: int, forms: list[tuple[str, str]]) -> list[EtsFit]:
    """The least-squares parameters of each form: a coarse grid, then finer grids around the best, every
    form's grid searched in the same passes (``_recurse_forms``)."""
    names = [_names(trend, season) for trend, season in forms]
    starts = [_start_states(values, m, trend, season) for trend, season in forms]
    grids = [_grid({name: np.array(_COARSE[name]) for name in form_names}) for form_names in names]
    sses, _, _ = _recurse_forms(values, m, forms, grids, starts)
    bests = [{name: float(grid[name][int(np.argmin(sse))]) for name in form_names}
             for form_names, grid, sse in zip(names, grids, sses)]
    # The refinements also move the starting level (as a factor) and slope (by a share of the data's
    # scale per step), which the heuristic only guesses.
    scale = float(np.std(values)) / max(m, 1) / 4
    bounds = {**_BOUNDS, "level0": (0.5, 1.5), "slope0": (-100 * scale, 100 * scale)}
    for best, (trend, _) in zip(bests, forms):
        best.update({"level0": 1.0, **({"slope0": 0.0} if trend != "N" else {})})
    steps = [{**{name: 0.1 for name in form_names}, "level0": 0.04, "slope0": scale} for form_names in names]
    for _ in range(_REFINEMENTS):
        # np.unique: a point clipped onto a bound repeats its neighbour (about a third of the points), and
        # the axis is already in order, so the search visits the same points in the same order once each.
        grids = [_grid({name: np.unique(np.clip(best[name] + np.array([-1.0, 0.0, 1.0]) * step[name], *bounds[name]))
                        for name in best}) for best, step in zip(bests, steps)]
        sses, _, _ = _recurse_forms(values, m, forms, grids, starts)
        bests = [{name: float(grid[name][int(np.argmin(sse))]) for name in best}
                 for best, grid, sse in zip(bests, grids, sses)]
        steps = [{name: step / 2 for name, step in form_steps.items()} for form_steps in steps]
    finals, _, _ = _recurse_forms(values, m, forms, [{k: np.array([v]) for k, v in best.items()} for best in bests],
                                  starts)
    return [_form_fit(values, m, form, best, start, float(final[0]))
            for form, best, start, final in zip(forms, bests, starts, finals)]


def _form_fit(values: np.ndarray, m: int, form: tuple[str, str], best: dict[str, float],
              start: tuple[float, float, np.ndarray], sse: float) -> EtsFit:
    trend, season = form
    params = dict(best)
    level0, slope0 = start[0] * params.pop("level0"), start[1] + params.pop("slope0", 0.0)
    count = len(_names(trend, season)) + 1 + (trend != "N") + (m - 1 if season != "N" else 0)
    return EtsFit(trend, season, params, (level0, slope0, tuple(start[2].tolist())), sse,
                  _aicc(sse, len(values), count))


def _aicc(sse: float, n: int, k: int) -> float:
    if not math.isfinite(sse) or n - k - 1 <= 0:
        return math.inf
    aic = n * math.log(max(sse, 1e-300) / n) + 2 * k
    return aic + 2 * k * (k + 1) / (n - k - 1)


def candidate_forms(values: np.ndarray, m: int) -> list[tuple[str, str]]:
    """The forms this series can support: seasonal ones when two full seasons exist (multiplicative
    only for a positive series), a trend when there are enough rows for it."""
    seasons = ["N"]
    if 1 < m <= MAX_SEASON and len(values) >= 2 * m + 2:
        seasons += ["A", "M"] if np.all(values > 0) else ["A"]
    trends = ["N", "A", "Ad"] if len(values) >= 8 else ["N"]
    return [(trend, season) for trend in trends for season in seasons]


class EtsForecaster(Forecaster):
    """Exponential smoothing with the form chosen by AICc among ``candidate_forms`` (or fixed by
    ``form``), as statsforecast's AutoETS chooses among additive-error models."""

    name = "ets"

    def __init__(self, form: tuple[str, str] | None = None) -> None:
        self.form = form

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "EtsForecaster":
        values = history["y"].to_numpy(dtype=float)
        if len(values) < 4 or not np.all(np.isfinite(values)):
            raise ValueError("Exponential smoothing needs at least 4 finite values.")
        self.m_ = max(frequency.season_length, 1)
        forms = [self.form] if self.form is not None else candidate_forms(values, self.m_)
        fits = fit_forms(values, self.m_, forms)
        self.fit_ = min(fits, key=lambda f: (f.aicc, f.sse))
        if not math.isfinite(self.fit_.sse):
            raise ValueError("Exponential smoothing found no stable parameters for this series.")
        params = {name: np.array([value]) for name, value in self.fit_.params.items()}
        start = (self.fit_.start[0], self.fit_.start[1], np.array(self.fit_.start[2]))
        _, fitted, (level, slope, states) = _recurse(values, self.m_, self.fit_.trend, self.fit_.season, params, start)
        self.level_, self.slope_, self.states_ = float(level[0]), float(slope[0]), states[0].copy()
        self.n_ = len(values)
        self.fitted_ = fitted
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        h = np.arange(1, len(future) + 1)
        phi = self.fit_.params.get("phi", 1.0)
        damped = np.cumsum(phi ** h) if self.fit_.trend == "Ad" else h.astype(float)
        base = self.level_ + (damped * self.slope_ if self.fit_.trend != "N" else np.zeros(len(h)))
        if self.fit_.season == "N":
            return base
        index = self.states_[(self.n_ + h - 1) % len(self.states_)]
        return base * index if self.fit_.season == "M" else base + index

    def params(self) -> dict[str, Any]:
        self._check_fitted()
        return {"form": f"ETS({self.fit_.trend},{self.fit_.season})", **{k: round(v, 4) for k, v in self.fit_.params.items()},
                "aicc": round(self.fit_.aicc, 2)}
