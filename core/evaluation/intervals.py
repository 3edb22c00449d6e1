"""Prediction bands that widen with the horizon as the model's errors do.

Every model gets its band the same way (``measure_band``): a rolling-origin backtest inside the
rows the model is fitted on refits it at each origin on the rows before that origin and records
its errors 1..H steps ahead; then

1. the root-mean-square error per step ``h`` (over origins, and over the steps within a quarter of ``h``:
   ``NEAR_STEPS``) is made non-decreasing in ``h`` by isotonic regression of the mean squared errors. Pooling the
   nearby steps lowered the 95% interval score of ``bench/band_coverage.py`` on all six tuning sets and on both halves
   of each (bench44 12.53 -> 12.07, M3 monthly 8.70 -> 8.52, tourism 16.24 -> 15.83, M3 yearly 25.94 -> 25.67,
   quarterly 10.41 -> 10.18, other 27.05 -> 26.62), its coverage within 1.3 points of before; a daily series' band no
   longer jumped 2.4-fold at the step where one origin's forecast met a holiday peak;
2. the half-width at step ``h`` at each level (80%, 95%) is that error times Student's t quantile
   with the degrees of freedom of the errors it pools (``pooled_freedom``): the textbook interval for a new error when
   the spread is estimated from that many (the fewer origins, the wider the band). An origin's errors at nearby steps
   move together, so each origin counts for the square root of the steps it gives: the first steps count each origin
   once, step 100 (pooling steps 75 to 125) about 7 times; where the quantile falls faster than the error grows, the
   band keeps the width it reached. Counting each origin once at every step made the bands of long series too wide (190
   tuning series of over 200 rows: 88% and 96% of test rows inside); the square root lowered the 95% interval score of
   ``bench/band_coverage.py`` on all six tuning sets and on both halves of each (bench44 12.07 -> 10.73, M3 monthly
   8.52 -> 8.15, tourism 15.83 -> 15.23, M3 yearly 25.67 -> 25.31, quarterly 10.18 -> 9.81, other 26.62 -> 25.14).
   Without the kept width, counting every pooled error scored about as well (10.53, 8.22, 15.23, 25.26, 9.84, 24.81)
   but left the 95% band of two sets under 87%, and an estimated correlation of neighbouring steps' errors changed
   little (11.72, 8.58, 15.61, 25.72, 10.23, 26.61). Coverage fell 1-3 points on each set (M3 monthly 76% / 92% -> 74%
   / 89%; bench44 83% / 93% -> 81% / 91%); panel 2, reported only: 90.4% / 99.9% -> 86.9% / 98.1%, score 13.25 ->
   11.93. Before, with one degree of freedom per origin, the t quantile had covered 83%, 77% and 85% (80% band) and
   92%, 92% and 96% (95% band) of the test rows of the first three sets, as the split-conformal quantile of errors
   over cross-fitted typical errors it replaced did (83/78/81%, 94/92/95%), with a 95% interval score 9-28% lower on
   every set and both halves of each. Origins closer together than the step forecast the same rows, so step ``h`` counts
   only as many origins as windows of ``h`` rows fit apart in the rows they span (``span / h + 1``): all of them at the
   first steps, about two at the last backtested step. The band of random walks' naive forecasts from origins two rows
   apart (40 rows) then holds 78% / 94% of their next 13 steps, where counting every origin at every step held 75% /
   91%; on 100-row walks the band's median width went from 0.96 to 1.03 times theory's. On ``bench/band_coverage.py``
   the mean 95% interval score (the proper one; its geometric mean favours narrow bands) fell on all six tuning sets and
   on 11 of their 12 halves (bench44 16.33 -> 15.99, M3 monthly 13.55 -> 13.37, tourism 21.21 -> 20.90, M3 yearly 55.17
   -> 49.37, quarterly 14.10 -> 13.55, other 34.67 -> 34.07), the 80% one moved by 1% at most on each, and the coverage
   rose 0.7-3.2 points (M3 yearly 71.7% / 84.8% -> 74.5% / 87.4%); reported only: panel 2 20.61 -> 18.86 (86.6% / 97.0%
   -> 87.9% / 97.9%), M1's 1,001 series 23.15 -> 22.40 (72.3% / 87.6% -> 74.6% / 90.3%). Bands 10% narrower or wider:
   neither scores better on both halves (95%: 26.72 / 23.68 and 24.87 / 23.50 over the six sets' halves A / B, against
   25.65 / 23.40);
3. beyond the longest backtested step ``H`` the typical error grows like ``sqrt(h / H)``.

Errors are in original units. When the series' changes grow with its level (AirPassengers), each origin's errors are
first divided by the level before it raised to the power ``level_power`` finds (1 when they grow in proportion), and
the band is multiplied back by the level at the end to that power, so a band measured on the lower, earlier rows is not
too narrow for the higher, later ones. The power replaced a yes-or-no choice of 1 or 0, which scaled errors that grew
half as fast as the level in full: long series so scaled had bands holding 90% and 96% of their test rows. The 95%
interval score fell 0.85% over half A of the six tuning sets and 0.63% over half B (bench44 10.73 -> 10.67, M3 monthly
8.15 -> 8.15, tourism 15.23 -> 14.89, M3 yearly 25.31 -> 24.77, quarterly 9.81 -> 9.82, other 25.14 -> 25.21); the
power only where the yes-or-no test said yes scored 0.57% better over half A.

Cost is bounded: at most ``MAX_ORIGINS`` refits (fewer for slow models: the model table's
``interval_origins``; ``auto`` refits only the candidate it chose, not its whole search), each on
fewer rows than the model itself is fitted on (at most ``MAX_BAND_ROWS``), plus forecasts of at
most ``backtest_horizon`` steps. The horizon and the origins depend only on the number of rows and
the season length, never on the horizon asked for, so asking further ahead changes neither the
near forecasts nor their band. Refits use the run's settings and seed: same seed, same band.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.errors import SettingsError
from core.models.base import Forecaster

# Interval levels and the suffix of their columns (``lower``/``upper`` hold the 95% band).
LEVELS = ((0.95, ""), (0.8, "_80"))
MAX_ORIGINS = 8
# Backtests forecast at most this many steps ahead (or two seasons, when that is longer).
MAX_BACKTEST_HORIZON = 1_000
# The band of a long history is measured on its most recent rows (as ``auto`` models them).
MAX_BAND_ROWS = 20_000
# The least typical error of a band, as a share of the series' standard deviation: errors that small are rounding (the
# all-series runs count a test MAE under a millionth of seasonal naive's as exact). A backtest refitted in closed form
# (errors of 1e-14) drew a band of width 0 around a descent's forecast 1e-7 off: 0% of the test rows inside.
LEAST_SCALE = 1e-6
Factory = Callable[[], Forecaster]
# A step's typical error pools the errors of the steps within this fraction of it (step 200: 150 to 250; steps 1 to 3:
# their own): a few origins give each step few errors, and one event (a holiday peak 236 steps after one origin) made a
# step in the band from there on.
NEAR_STEPS = 0.25


def backtest_horizon(n: int, season: int) -> int:
    """Steps ahead a backtest on ``n`` rows forecasts: a third of the rows, at least one season,
    at most ``MAX_BACKTEST_HORIZON`` (or two seasons when longer). It never depends on the horizon
    asked for, so a longer forecast cannot change what was chosen or measured."""
    return int(max(1, min(max(season, n // 3), max(MAX_BACKTEST_HORIZON, 2 * season))))


@dataclass(frozen=True)
class BacktestPlan:
    """Steps ahead and the origins (the number of rows each refit sees)."""

    horizon: int
    origins: tuple[int, ...]


# Fewer origins than this where the whole horizon fits halve it: a model that needs 29 of 45 rows had a band from 2
# origins, its 95% quantile of Student's t with one degree of freedom 12.7, and the band 20 times its test error.
# With auto's band refits given the rows its regressions need (``TrendSeasonForecaster.fewest_refit_rows``), on
# ``bench/band_coverage.py`` (2026-12-04): the mean 95% interval score over the six tuning sets' first halves 25.35 ->
# 25.36, second halves 22.93 -> 22.94 (few of their series choose such a model on so few rows); reported only:
# panel 2 16.68 -> 16.65 (87.7% / 99.2% -> 87.0% / 99.2%), M1 21.70 -> 21.63 (76.2% / 91.1% -> 76.0% / 90.9%).
FEWEST_ORIGINS = 4
_ROWS_TO_FORECAST = 4  # rows a seasonal series' plan leaves after a full season and a row, to move its origins over


def interval_plan(n: int, season: int, max_origins: int = MAX_ORIGINS, fewest_rows: int = 1) -> BacktestPlan:
    """Up to ``max_origins`` origins spread evenly from a third of the rows to the last one that
    leaves ``horizon`` rows after it; ``horizon`` is ``backtest_horizon``, capped so that every
    refit keeps at least a third of the rows, and halved when that leaves room for fewer than ``FEWEST_ORIGINS``
    origins (a season longer than the rows allow: 60 weeks of a yearly cycle; a model that needs most of the rows),
    whose errors made a band of one degree of freedom, its 95% band four times its 80% one; the steps past it are
    extrapolated. No origin for fewer than 2 rows.

    A seasonal series' refits keep a full season and a row (``season + 1``), where that leaves a few rows to forecast:
    on fewer, seasonal naive fell back to naive and auto to models without the season, so the band measured other
    models than the one fitted (25 monthly training rows of a sine and noise: 95% bands 3.7 times as wide as seasonal
    naive's errors needed, covering every test row; with the rule 1.2 times, covering 80% and 97.5%).

    No refit sees fewer than ``fewest_rows`` rows (the model's ``fewest_refit_rows``); no origin where that leaves
    no row to forecast."""
    shortest = max(n // 3, 1)
    if season > 1 and n - (season + 1) >= _ROWS_TO_FORECAST:
        shortest = max(shortest, season + 1)
    if fewest_rows > 1:
        if n - fewest_rows < 1:
            return BacktestPlan(1, ())
        shortest = max(shortest, fewest_rows)
    horizon = max(1, min(backtest_horizon(n, season), n - shortest))
    if max_origins > 1 and n - horizon - shortest + 1 < FEWEST_ORIGINS:
        horizon = max(1, min(horizon, (n - shortest) // 2))
    last = n - horizon
    if last < 1 or max_origins < 1:
        return BacktestPlan(horizon, ())
    origins = np.unique(np.round(np.linspace(min(shortest, last), last, max_origins)).astype(int))
    return BacktestPlan(horizon, tuple(int(origin) for origin in origins))


_ORIGIN_DONE: ContextVar[Callable[[float], None] | None] = ContextVar("origin_done", default=None)


@contextmanager
def origins_reported(done: Callable[[float], None] | None) -> Iterator[None]:
    """Within it, ``backtest_errors`` gives ``done`` the share of its origins refitted after each (a page's progress
    bar: a network's refits for its band took two minutes under one unmoving line)."""
    token = _ORIGIN_DONE.set(done)
    try:
        yield
    finally:
        _ORIGIN_DONE.reset(token)


def backtest_errors(history: pd.DataFrame, frequency: Frequency, factory: Factory, plan: BacktestPlan,
                    report: bool = False) -> np.ndarray:
    """Forecast minus actual in original units, shape (origins, horizon); NaN where a step has no
    actual or the model cannot be fitted on the rows before an origin (too few rows for its lags).
    A model with a closed-form refit computes them in one pass (``Forecaster.exact_backtest``). With ``report`` (a
    band's backtest), the share of origins done goes to ``origins_reported``'s callback; the backtests inside a refit
    (auto's search) report nothing: the bar went back to 0 a dozen times for auto."""
    done = _ORIGIN_DONE.get() if report else None
    token = _ORIGIN_DONE.set(None)
    try:
        first = factory()
        quick = first.exact_backtest(history, frequency, plan)
        if quick is not None:
            return quick
        errors = np.full((len(plan.origins), plan.horizon), np.nan)
        for row, origin in enumerate(plan.origins):
            past, ahead = history.iloc[:origin], history.iloc[origin:origin + plan.horizon]
            if done is not None:
                done(row / len(plan.origins))
            try:
                model = (first if row == 0 else factory()).fit(past.reset_index(drop=True), frequency)
            except (SettingsError, ValueError, np.linalg.LinAlgError):
                continue
            errors[row, :len(ahead)] = model.forecast(ahead.reset_index(drop=True)) - ahead["y"].to_numpy(dtype=float)
        if done is not None:
            done(1.0)
        return errors
    finally:
        _ORIGIN_DONE.reset(token)


# The least change of the mean level between the halves of the rows (in log: 16%) from which ``level_power`` measures
# how the errors grow with it. Below it the ratio of two close levels divides the changes' growth, whose noise then
# decides the power: a stationary temperature series (nottem) or tree-ring widths took 1, and bands scaled by the level
# at each origin. Chosen on the first halves of the six tuning sets of ``bench/band_coverage.py`` (0.05, 0.1, 0.15, 0.2,
# 0.3, 0.5: mean 95% interval score 25.45, 25.46, 25.35, 25.44, 25.47, 25.54 against 25.51 with none; 80% 14.98, 14.98,
# 14.95, 14.99, 15.01, 15.05 against 15.01), 2026-12-04; the second halves 23.01 -> 22.93 (80%: 13.56 -> 13.53), the
# coverage within 0.1 point of before; reported only: panel 2 18.86 -> 16.68 (87.9% / 97.9% -> 87.7% / 99.2% of its
# test rows inside), M1 21.74 -> 21.70 (76.1% / 91.2% -> 76.2% / 91.1%).
# Measured on the same halves and left, 2026-12-04 (mean 95% interval score, A / B, against 25.35 / 22.93): the level
# at each origin over at least 2, 3, 4 or 6 rows where the season is shorter (one row without a season), 25.90 /
# 22.95, 25.63 / 22.97, 25.73 / 23.00, 25.75 / 23.06 (M1, reported only, would have gained: 21.44-20.94); the power
# from the medians of the changes, 25.35 / 23.53, or as the slope over three or four segments of the rows, 25.27 /
# 23.62 and 25.83 / 23.27; the 80% band from the mean absolute error times sqrt(pi / 2) (right for heavy-tailed
# errors) in place of the root-mean-square, 80% coverage 0.5-1.7 points lower on the tuning sets, panel 2's 87.9% ->
# 87.6%; origins weighed by recency (0.7 an origin), worse on most sets.
MIN_LEVEL_CHANGE = 0.15


def level_power(values: np.ndarray) -> float:
    """How the series' errors grow with its level, as the power ``b`` in error ~ level ** b, from 0 (they do not) to 1
    (in proportion, AirPassengers): from the first half of the rows to the second, the log of the growth of the mean
    absolute change over the log of the growth of the mean level, clipped to [0, 1]. 0 for a series with a value at or
    below 0 or fewer than 8 rows, or whose halves leave it undefined (a flat half) or unmeasured (mean levels within
    ``MIN_LEVEL_CHANGE`` of each other)."""
    values = np.asarray(values, dtype=float)
    if len(values) < 8 or not np.all(values > 0):
        return 0.0
    first, second = values[: len(values) // 2], values[len(values) // 2:]
    before, after = float(np.mean(np.abs(np.diff(first)))), float(np.mean(np.abs(np.diff(second))))
    level = math.log(float(second.mean() / first.mean()))
    if before <= 0 or after <= 0 or abs(level) < MIN_LEVEL_CHANGE:
        return 0.0
    return min(max(math.log(after / before) / level, 0.0), 1.0)


@dataclass(frozen=True)
class Band:
    """A prediction band per step ahead, from backtest errors.

    ``scale`` (shape (H,)): the typical error at steps 1..H (``typical_errors``), non-decreasing, in units of
    ``unit`` (1, or the level at the end of the history to ``level_power`` when errors grow with the level);
    ``multipliers``: per level, the Student t quantiles that scale is multiplied by, per step (shape (H,); one number
    in model files written before 2026-12-03, for every step); ``origins``:
    how many backtest origins gave errors; ``floor``: the least value the band reaches (0 for a series that is
    never negative: counts, sales, intermittent demand); ``ceiling``: the most (100 for a percentage of a whole).
    """

    scale: np.ndarray
    multipliers: dict[float, np.ndarray | float]
    origins: int
    unit: float = 1.0
    floor: float = -math.inf
    ceiling: float = math.inf
    grows: bool = True  # past the last backtested step; not for a model whose errors are steady (``steady_errors``)

    @property
    def horizon(self) -> int:
        """The longest backtested step; further steps are extrapolated."""
        return len(self.scale)

    def half_width(self, level: float, steps: int) -> np.ndarray:
        """Half-widths of the ``level`` band at steps 1..``steps``, shape (steps,), non-decreasing: the backtested
        ones, then ``sqrt(h / H)`` growth from the last backtested step ``H``. Growth in proportion to ``h``, or with
        the exponent of the band's own growth over its last half (0.5 to 1), raised the 80% coverage of the tuning sets
        of ``bench/band_coverage.py`` by up to 1.5 points (M3 yearly 71.7% -> 73.1%) and their 95% interval score on
        five or six of the six (M3 yearly 24.77 -> 24.89, bench44 10.67 -> 10.79), 2026-12-03. By the proper mean
        score, once overlapping origins counted as fewer, growth in proportion to ``h`` scored better at 95% on both
        halves of the six sets (24.89 / 23.32 against 25.65 / 23.40; 80%: 15.03 / 13.68 against 15.05 / 13.65), but
        their test rows reach only about 1.4 H, and on a year of hourly temperatures (2,628 test hours, H = 1,000) it
        moved the coverage only from 9.5% / 35.8% to 12.1% / 61.3% (Seattle): the forecast misses the year's swing,
        which no growth rule measures. Left for want of evidence past 1.5 H."""
        h = np.arange(1, steps + 1)
        last = self.horizon
        growth = np.sqrt(h / last) if self.grows else np.ones(len(h))
        scale = np.where(h <= last, self.scale[np.minimum(h, last) - 1], self.scale[-1] * growth)
        multiplier = np.asarray(self.multipliers[level], dtype=float)
        if multiplier.ndim:  # per step (past H, the last step's); the quantile falls as a step pools more errors, and
            multiplier = multiplier[np.minimum(h, last) - 1]  # the band keeps the width it reached: never narrower
        return self.unit * np.maximum.accumulate(multiplier * scale)


def measure_band(history: pd.DataFrame, frequency: Frequency, factory: Factory, max_origins: int,
                 fewest_rows: int = 1) -> Band | None:
    """The band of the model ``factory`` builds, from a backtest inside ``history`` (its last
    ``MAX_BAND_ROWS`` rows) with at most ``max_origins`` refits, each on at least ``fewest_rows`` rows; None when
    it could not be fitted at any origin."""
    history = history.iloc[-MAX_BAND_ROWS:].reset_index(drop=True)
    values = history["y"].to_numpy(dtype=float)
    plan = interval_plan(len(values), max(frequency.season_length, 1), max_origins, fewest_rows)
    return band_from_backtest(values, frequency, backtest_errors(history, frequency, factory, plan, report=True), plan)


def band_from_backtest(values: np.ndarray, frequency: Frequency, errors: np.ndarray, plan: BacktestPlan) -> Band | None:
    """The band that backtest ``errors`` (shape (origins, horizon)) at ``plan``'s origins of the series
    ``values`` imply: in units of the level at each origin raised to ``level_power`` when the errors grow with the
    level."""
    power, least = level_power(values), LEAST_SCALE * float(np.std(values))
    if power == 0:
        band = band_from_errors(errors, origins=plan.origins)
        return None if band is None else replace(band, scale=np.maximum(band.scale, least))
    season = max(frequency.season_length, 1)
    levels = np.array([values[max(0, origin - season):origin].mean() for origin in plan.origins]) ** power
    band = band_from_errors(errors / levels.reshape(-1, 1), origins=plan.origins)
    if band is None:
        return None
    unit = float(values[-season:].mean()) ** power
    return Band(np.maximum(band.scale, least / unit), band.multipliers, band.origins, unit=unit)


def band_from_errors(errors: np.ndarray, levels: tuple[float, ...] = tuple(level for level, _ in LEVELS),
                     origins: tuple[int, ...] | None = None) -> Band | None:
    """The band that backtest ``errors`` (shape (origins, H), NaN where missing) imply; None
    without a single finite error: per step, the root-mean-square error over origins and nearby steps
    (``typical_errors``, non-decreasing in the step) times Student's t quantile with the degrees of freedom of the
    errors it pools (``pooled_freedom``), which counts the rows' ``origins`` (their positions in the series; None:
    windows that never overlap) as independent only as far apart as the step.

    Nothing rescales that width: bands 10% narrower scored a lower geometric mean of the 95% interval score on 10 of
    the 12 halves of the tuning sets of ``bench/band_coverage.py`` (and 10% wider a higher one on all), though the M3
    sets' bands already held only 72-74% / 85-89% of their test rows: that mean rewards narrow bands where a forecast
    misses by more than any band covers (2026-12-03). Once the degrees of freedom counted overlapping origins as
    fewer, the proper mean score rejected both too (the module's docstring). The 80% band alone 10% narrower scored
    0.4% better on both halves (mean 80% score 15.00 / 13.59 against 15.05 / 13.65) for 4 points less coverage (A
    73.9%, B 75.4%, M1's yearly series 68.3%): left, the score barely telling them apart."""
    errors = np.asarray(errors, dtype=float)
    scale = typical_errors(errors)
    if scale is None:
        return None
    measured = np.isfinite(errors).any(axis=1)
    count = int(measured.sum())
    span = None if origins is None else int(np.ptp(np.asarray(origins)[measured]))
    freedom = pooled_freedom(count, len(scale), span)
    multipliers = {level: np.array([student_t_quantile(level, int(step)) for step in freedom]) for level in levels}
    return Band(scale=scale, multipliers=multipliers, origins=count)


# Student's t with this many degrees of freedom is within 1.2% of the normal distribution at 95%: more add nothing
# a band shows, and each quantile costs time in proportion to its degrees of freedom.
MAX_FREEDOM = 100


def near_steps(horizon: int) -> tuple[np.ndarray, np.ndarray]:
    """The first and last step (1-based) whose errors each step 1..``horizon`` pools: those within ``NEAR_STEPS`` of
    it."""
    steps = np.arange(1, horizon + 1)
    first = np.clip(np.ceil(steps * (1 - NEAR_STEPS)).astype(int), 1, horizon)
    last = np.clip(np.floor(steps * (1 + NEAR_STEPS)).astype(int), steps, horizon)
    return first, last


def pooled_freedom(origins: int, horizon: int, span: int | None = None) -> np.ndarray:
    """Degrees of freedom of each step's typical error, shape (``horizon``,): the independent origins at that step
    times the square root of the number of steps it pools (an origin's errors at nearby steps are far from
    independent), at most ``MAX_FREEDOM``; 0 without an origin (an infinite band).

    Two origins' errors at step ``h`` are independent only when the origins are ``h`` or more rows apart: closer, their
    forecasts span the same rows and take the same surprises (a random walk's errors at step ``h`` of origins ``d``
    rows apart correlate ``1 - d / h``). With the origins spread over ``span`` rows (None: far enough apart at every
    step), step ``h`` counts ``span / h + 1`` of them, at most ``origins``: all at the first steps, about two at the
    last backtested one when the origins fill a third of the rows and the horizon another third."""
    first, last = near_steps(horizon)
    steps = np.arange(1, horizon + 1)
    independent = np.full(horizon, float(origins)) if span is None else np.minimum(origins, span / steps + 1)
    return np.minimum(np.round(independent * np.sqrt(last - first + 1)), MAX_FREEDOM).astype(int)


def typical_errors(errors: np.ndarray) -> np.ndarray | None:
    """Root-mean-square error per step ahead over the rows of ``errors`` (origins, H), each step's pooled with the steps
    near it (``NEAR_STEPS``), its square made non-decreasing in the step by isotonic regression; None without a finite
    error.

    Near the last step the nearby steps lie on one side: for errors growing in proportion to the step, the last step's
    typical error comes out 12% low (7% for errors growing like the square root of the step). A weighted straight-line
    fit over the nearby steps, evaluated at the step, removes that, but scored worse on all six tuning sets of
    ``bench/band_coverage.py`` (95% interval score bench44 12.32 against 12.07, M3 monthly 8.64 against 8.52, tourism
    15.87 against 15.83, M3 yearly 25.93 against 25.67, quarterly 10.36 against 10.18, other 27.03 against 26.62): one
    event at the far end of a window leans the line."""
    finite = np.isfinite(errors)
    counts = finite.sum(axis=0)
    if not counts.any():
        return None
    squares = (np.where(finite, errors, 0.0) ** 2).sum(axis=0)
    first, last = near_steps(len(counts))
    total_squares, total_counts = np.concatenate([[0.0], np.cumsum(squares)]), np.concatenate([[0], np.cumsum(counts)])
    pooled = total_squares[last] - total_squares[first - 1]
    pooled_counts = total_counts[last] - total_counts[first - 1]
    mean_square = np.where(pooled_counts > 0, pooled / np.maximum(pooled_counts, 1), np.nan)
    weights = np.where(counts > 0, pooled_counts, 0).astype(float)  # no errors of its own: the fit beside it
    return np.sqrt(isotonic_increasing(np.nan_to_num(mean_square), weights))


@lru_cache(maxsize=256)
def student_t_quantile(level: float, freedom: int) -> float:
    """The half-width, in units of the scale, of Student's t central ``level`` interval with ``freedom``
    degrees of freedom (a whole number; infinite for none): where P(|T| <= t) = ``level``, by bisection on
    the closed form of that probability for whole degrees of freedom (Abramowitz and Stegun 26.7.3)."""
    if freedom < 1:
        return math.inf
    low, high = 0.0, math.pi / 2  # the angle theta, with t = sqrt(freedom) tan(theta)
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if _t_central_probability(middle, freedom) < level else (low, middle)
    return math.sqrt(freedom) * math.tan((low + high) / 2)


def _t_central_probability(theta: float, freedom: int) -> float:
    """P(|T| <= sqrt(freedom) tan(theta)) for Student's t with whole ``freedom`` degrees of freedom."""
    cos_square, term, total = math.cos(theta) ** 2, 1.0, 1.0
    if freedom % 2 == 0:
        for k in range(1, freedom // 2):
            term *= (2 * k - 1) / (2 * k) * cos_square
            total += term
        return math.sin(theta) * total
    if freedom == 1:
        return 2 * theta / math.pi
    for k in range(1, (freedom - 1) // 2):
        term *= 2 * k / (2 * k + 1) * cos_square
        total += term
    return 2 / math.pi * (theta + math.sin(theta) * math.cos(theta) * total)


def isotonic_increasing(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The weighted least-squares non-decreasing fit to ``values`` (pool adjacent violators).

    Entries of zero weight (NaN values) take the fit of the entry before them (after them at the
    start), so the result is finite wherever one value is.
    """
    known = np.flatnonzero(weights > 0)
    before = np.searchsorted(known, np.arange(len(values)), side="right") - 1
    if len(known) and np.all(np.diff(values[known]) >= 0):  # already non-decreasing: nothing to pool
        return np.asarray(values[known], dtype=float)[np.maximum(before, 0)]
    if len(known) == 0:
        return np.full(len(values), np.nan)
    means: list[float] = []  # runs of known entries, pooled: their mean, total weight and length
    totals: list[float] = []
    lengths: list[int] = []
    for mean, total in zip(values[known].tolist(), weights[known].tolist()):
        length = 1
        while means and means[-1] > mean:  # pool with the run before, which is higher
            earlier, weight = means.pop(), totals.pop()
            mean, total = (earlier * weight + mean * total) / (weight + total), weight + total
            length += lengths.pop()
        means.append(mean)
        totals.append(total)
        lengths.append(length)
    fitted = np.full(len(values), np.nan)
    fitted[known] = np.repeat(means, lengths)
    return fitted[known[np.maximum(before, 0)]]


def with_band(rows: pd.DataFrame, forecast: np.ndarray, band: Band | None, start: int) -> pd.DataFrame:
    """``rows`` with ``lower``/``upper`` (95%) and ``lower_80``/``upper_80`` columns, filled for the
    forecast rows from position ``start`` on (steps 1..len(forecast)); NaN without a band."""
    columns = {name: rows[name].array for name in rows.columns}  # one new frame: cheaper than a copy and 4 inserts
    return pd.DataFrame({**columns, **band_columns(len(rows), forecast, band, start)}, index=rows.index)


def band_columns(rows: int, forecast: np.ndarray, band: Band | None, start: int) -> dict[str, np.ndarray]:
    """``lower``/``upper`` (95%) and ``lower_80``/``upper_80`` for ``rows`` rows, filled for the forecast
    rows from position ``start`` on (steps 1..len(forecast)); NaN elsewhere and without a band."""
    columns = {}
    for level, suffix in LEVELS:
        lower, upper = np.full(rows, np.nan), np.full(rows, np.nan)
        if band is not None:
            half = band.half_width(level, len(forecast))
            lower[start:start + len(forecast)] = np.clip(forecast - half, band.floor, band.ceiling)
            upper[start:start + len(forecast)] = np.clip(forecast + half, band.floor, band.ceiling)
        columns[f"lower{suffix}"], columns[f"upper{suffix}"] = lower, upper
    return columns
