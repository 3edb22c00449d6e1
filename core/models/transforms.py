"""Target transforms fitted on training rows, with exact inverses; season length confirmed by ACF."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.data.frequency import Frequency
from core.models.smoothing import SEASONAL_STRENGTH, seasonal_strength
from core.models.state import register

TRANSFORMS = ("none", "log", "boxcox")
SHORT_STRENGTH = 0.8  # the seasonal strength that keeps a season seen 3 to 4 times (``confirmed_season``)
# The correlation between the linearly detrended rows and the same rows a season later that keeps a season seen 2 to
# 3 times (``confirmed_season``). Simulated on 109, 130 and 155 weekly rows (season 52) and 29, 30 and 35 monthly
# rows, 2,000 series each: white noise, a random walk and AR(1)s of 0.9 and 0.97 cleared 0.7 at most 0.8% of the
# time; a sine 3 times the noise's deviation (with a trend) 94-100%, 2 times 9-44%, 8 times always.
TWO_SEASON_CORRELATION = 0.7
# The season lengths looked for in plain steps (a file without a calendar): a quarter of months, a year of quarters, a
# working week, a week, a year of months, a year of 13 four-week periods (retail's 13-period fiscal calendars,
# '2018 P01' ... 'P13'), a day of hours or of half-hours, a year of weeks. Without 13, such a year was taken for a
# season of 12.
STEP_SEASONS = (3, 4, 5, 7, 12, 13, 24, 48, 52)


@register
@dataclass(frozen=True)
class TargetTransform:
    """``none``, ``log`` or Box-Cox with ``lam`` fitted on the training rows (positive series only)."""

    kind: str = "none"
    lam: float = 1.0

    @classmethod
    def fit(cls, kind: str, values: np.ndarray) -> "TargetTransform":
        if kind not in TRANSFORMS:
            raise ValueError(f"Unknown transform '{kind}': use one of {', '.join(TRANSFORMS)}.")
        if kind != "none" and not np.all(values > 0):
            raise ValueError(f"The {kind} transform needs a positive series: use 'none' for zeros or negatives.")
        if kind == "boxcox":
            return cls("boxcox", _boxcox_lambda(values))
        return cls(kind)

    def forward(self, values: np.ndarray) -> np.ndarray:
        if self.kind == "log":
            return np.log(values)
        if self.kind == "boxcox":
            return np.log(values) if abs(self.lam) < 1e-8 else (values ** self.lam - 1) / self.lam
        return np.asarray(values, dtype=float)

    def inverse(self, values: np.ndarray) -> np.ndarray:
        if self.kind == "log":
            return np.exp(np.minimum(values, 700.0))
        if self.kind == "boxcox":
            if abs(self.lam) < 1e-8:
                return np.exp(np.minimum(values, 700.0))
            # Outside the transform's range the inverse does not exist: clip to its edge.
            return np.maximum(values * self.lam + 1, 1e-12) ** (1 / self.lam)
        return np.asarray(values, dtype=float)


KPSS_LEVEL_CRITICAL_5PCT = 0.463


def kpss_level(values: np.ndarray) -> float:
    """The KPSS statistic for level stationarity (Kwiatkowski et al., 1992), with a Bartlett
    long-run variance over ``3 sqrt(n) / 13`` lags; large values mean a unit root is likely."""
    residuals = values - values.mean()
    n = len(residuals)
    partial_sums = np.cumsum(residuals)
    long_run = float(residuals @ residuals) / n
    lags = int(3 * np.sqrt(n) / 13)
    for lag in range(1, lags + 1):
        long_run += 2 * (1 - lag / (lags + 1)) * float(residuals[lag:] @ residuals[:-lag]) / n
    return float(partial_sums @ partial_sums) / (n * n * long_run) if long_run > 0 else 0.0


def needs_differencing(values: np.ndarray) -> bool:
    """Whether the series wanders like a random walk (KPSS rejects a stable level at 5%): models
    that pull forecasts back to a fixed level are then left out."""
    return len(values) >= 8 and kpss_level(np.asarray(values, dtype=float)) > KPSS_LEVEL_CRITICAL_5PCT


def forecast_bounds(z: np.ndarray) -> tuple[float, float]:
    """Limits for recursive forecasts on the transformed scale: the history's range widened by
    the range itself on each side. An unstable recursion is held there instead of overflowing."""
    low, high = float(np.min(z)), float(np.max(z))
    span = max(high - low, 1e-9 * max(abs(low), abs(high), 1.0))
    return low - span, high + span


def first_held(reached: np.ndarray, low: float, high: float) -> int | None:
    """The first step (from 1) whose forecast ``reached`` lies beyond ``forecast_bounds``' ``low``..``high``, where it
    is held; None when none does (NaN is not held)."""
    outside = np.flatnonzero((reached < low) | (reached > high))
    return int(outside[0]) + 1 if len(outside) else None


def _boxcox_lambda(values: np.ndarray) -> float:
    """Maximum-likelihood lambda within [-1, 2] (golden-section search of the profile likelihood);
    1 (a shift only) for a flat series. The estimate does not depend on the series' scale, so the
    values are divided by their geometric mean first, which keeps the powers finite."""
    if np.ptp(values) <= 1e-12 * abs(float(values.mean())):  # relative: a series of tiny values is not flat
        return 1.0
    logs = np.log(values)
    logs = logs - logs.mean()  # log of the values over their geometric mean
    low, high = -1.0, 2.0
    ratio = (np.sqrt(5.0) - 1) / 2
    a, b = high - ratio * (high - low), low + ratio * (high - low)
    fa, fb = _boxcox_likelihood(logs, a), _boxcox_likelihood(logs, b)
    while high - low > 1e-7:
        if fa >= fb:
            high, b, fb = b, a, fa
            a = high - ratio * (high - low)
            fa = _boxcox_likelihood(logs, a)
        else:
            low, a, fa = a, b, fb
            b = low + ratio * (high - low)
            fb = _boxcox_likelihood(logs, b)
    return float((low + high) / 2)


def _boxcox_likelihood(logs: np.ndarray, lam: float) -> float:
    """Box-Cox profile log-likelihood of ``lam`` (up to a constant), from logs with mean 0 (so the
    Jacobian term ``(lam - 1) * sum(logs)`` is 0)."""
    z = logs if abs(lam) < 1e-12 else np.expm1(lam * logs) / lam
    variance = float(np.var(z))
    if not np.isfinite(variance) or variance <= 0:
        return -np.inf
    return -0.5 * len(logs) * np.log(variance)


def autocorrelation(values: np.ndarray, lag: int) -> float:
    """Sample autocorrelation at ``lag``; 0 when undefined."""
    centred = values - values.mean()
    denominator = float(centred @ centred)
    if lag >= len(values) or denominator <= 0:
        return 0.0
    return float(centred[lag:] @ centred[:-lag]) / denominator


def season_correlation(values: np.ndarray, season: int) -> float:
    """The correlation of ``values``, less their straight-line trend, with themselves ``season`` steps later (over the
    rows both cover): near 1 when the same shape repeats, near 0 for noise."""
    steps = np.arange(len(values), dtype=float)
    rest = values - np.polyval(np.polyfit(steps, values, 1), steps)
    early, late = rest[:-season], rest[season:]
    size = max(float(np.ptp(values)), float(np.abs(values).max()), 1e-300)
    if len(early) < 3 or not np.std(rest) > 1e-9 * size:  # a constant or an exact line: rounding noise, no season
        return 0.0
    return float(np.corrcoef(early, late)[0, 1])


def confirmed_season(values: np.ndarray, frequency: Frequency) -> int:
    """The frequency's season length when the data show it; for plain steps, the strongest ACF peak.

    Works on first differences so a trend does not mask the seasonal correlation; a season is kept
    when there are at least two full seasons and its autocorrelation clears 2/sqrt(n). A smooth long season
    (a year of weeks, a day of quarter-hours) barely moves from one step to the next, so its differences are
    mostly noise: it is kept too when it explains most of the detrended series (``seasonal_strength``), by
    auto.arima's threshold over 4 seasons or more and by ``SHORT_STRENGTH`` over 3 to 4 (each offset is then a mean
    of two or three values, which noise alone can fill: 3 seasons of a random walk or an AR(1) of 0.9 cleared 0.64
    about 1 time in 5 and 0.8 at most 1 in 25, while a sine 3 times the noise cleared 0.8 every time); seen 2 to 3
    times, by the correlation of the rows with the rows a season later (``season_correlation``): 109 weekly rows of a
    yearly sine 8 times the noise were forecast without their season (test MAE 37.5, against 4.3 with it).
    """
    diffs = np.diff(values)
    threshold = 2 / np.sqrt(max(len(diffs), 1))
    candidates = [frequency.season_length] if frequency.season_length > 1 else \
        [lag for lag in STEP_SEASONS if lag * 3 <= len(values)]
    scored = [(autocorrelation(diffs, lag), lag) for lag in candidates if 2 * lag <= len(values)]
    best = max(scored, default=(0.0, 1))
    if best[0] > threshold:
        return best[1]
    season = frequency.season_length
    if season < 2 or len(values) < 2 * season:  # two whole seasons at least (24 months of an exact season: none)
        return 1
    if len(values) < 3 * season:  # too few seasons for a decomposition: one offset each, which explains itself
        return season if season_correlation(values, season) >= TWO_SEASON_CORRELATION else 1
    needed = SEASONAL_STRENGTH if len(values) >= 4 * season else SHORT_STRENGTH
    return season if seasonal_strength(values, season) >= needed else 1
