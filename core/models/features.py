"""Feature matrices built from the tidy frame, and z-score scaling fitted on training rows only."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.data.frequency import (SIX_DAY_WEEKS, WEEKDAY_NAMES, WITHIN_A_DAY, Frequency, calendar_places, offset_of,
                                 open_days, open_hours, open_minutes, open_step_minutes, some_days_year, week_year,
                                 working_days)
from core.models.state import register

_SEASON_PARTS = {
    "monthly": ("month", lambda ds: ds.dt.month, 12, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                       "Aug", "Sep", "Oct", "Nov", "Dec"]),
    "quarterly": ("quarter", lambda ds: ds.dt.quarter, 4, ["Q1", "Q2", "Q3", "Q4"]),
    "half-yearly": ("half", lambda ds: (ds.dt.month - 1) // 6 + 1, 2, ["H1", "H2"]),
    "daily": ("weekday", lambda ds: ds.dt.day_of_week + 1, 7, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
    "business-daily": ("weekday", lambda ds: ds.dt.day_of_week + 1, 5, ["Mon", "Tue", "Wed", "Thu", "Fri"]),
    "hourly": ("hour", lambda ds: ds.dt.hour + 1, 24, [f"{h:02d}h" for h in range(24)]),
}


def _working_week_part(alias: str | None) -> tuple | None:  # type: ignore[type-arg]
    """The weekday part of a working week other than Monday to Friday (``frequency.working_days``), numbered from
    its first day: a Sunday-to-Thursday week's Sunday is 1 (Monday's numbers left Sunday with the reference level and
    Friday's term empty)."""
    days = working_days(alias)
    if days is None or alias == "B":
        return None
    place = {WEEKDAY_NAMES.index(day): k + 1 for k, day in enumerate(days)}  # Tuesday, Thursday, Saturday: 1, 2, 3
    return "weekday", lambda ds: ds.dt.day_of_week.map(place).fillna(0).astype("int64"), len(days), days


def _season_of(frequency: Frequency) -> tuple | None:  # type: ignore[type-arg]
    """The calendar part (label, extractor, levels, names) of ``frequency``'s season, or None; for opening hours
    (``frequency.open_hours``), their hours only."""
    opens = open_minutes(frequency.alias)
    if opens is not None and ((minutes := open_step_minutes(frequency.alias)) < 60 or opens[0] % 60):
        first, slots = opens[0], frequency.season_length  # half-hours (or quarters) of the opening hours
        return ("slot", lambda ds: ((ds.dt.hour * 60 + ds.dt.minute) - first) // minutes + 1, slots,
                [f"{(first + k * minutes) // 60:02d}:{(first + k * minutes) % 60:02d}" for k in range(slots)])
    if (hours := open_hours(frequency.alias)) is not None:
        first, end = hours
        return ("hour", lambda ds: ds.dt.hour - first + 1, end - first, [f"{h:02d}h" for h in range(first, end)])
    return _working_week_part(frequency.alias) or _SEASON_PARTS.get(frequency.name)


# Spacings under a day (``WITHIN_A_DAY``), whose week is a second cycle beside the day's: one term per weekday too (an
# hourly meter's weekend drop of 80 was missed every weekend by hour terms alone: test MAE 35.1, where hour and weekday
# terms give 8.3).


def week_of_rows(frequency: Frequency) -> int:
    """The rows of a week for spacings under a day (168 hourly, 672 every 15 minutes): the fewest a fit needs to see
    every weekday (``WITHIN_A_DAY``); 1 for other spacings."""
    if frequency.unit not in WITHIN_A_DAY or frequency.alias is None:
        return 1
    if open_hours(frequency.alias) is not None:
        return len(open_days(frequency.alias)) * frequency.season_length  # a week of opening hours
    return max(int(round(pd.Timedelta(days=7) / pd.Timedelta(offset_of(frequency.alias)))), 1)


def _calendar_parts(frequency: Frequency) -> list[tuple]:  # type: ignore[type-arg]
    """Every calendar part with one-hot terms for ``frequency``: its season's (``_season_of``), and for spacings under
    a day the weekday's (``WITHIN_A_DAY``)."""
    parts = [part] if (part := _season_of(frequency)) is not None else []
    return parts + ([_weekday_part(frequency)] if frequency.unit in WITHIN_A_DAY else [])


def _weekday_part(frequency: Frequency) -> tuple:  # type: ignore[type-arg]
    """The weekday's calendar part beside a season within a day: its open days only for opening hours that close on
    some (``frequency.open_days``), else every day's."""
    days = open_days(frequency.alias)
    if open_hours(frequency.alias) is None or len(days) == 7:
        return _SEASON_PARTS["daily"]
    rank = np.zeros(7, dtype=int)
    rank[list(days)] = np.arange(1, len(days) + 1)
    return ("weekday", lambda ds: pd.Series(rank[ds.dt.day_of_week.to_numpy()], index=ds.index), len(days),
            [WEEKDAY_NAMES[day] for day in days])


@register
@dataclass(frozen=True)
class FeatureSpec:
    """Which columns a regression model sees.

    ``trend_degree`` powers of the time index ``x``; ``changepoints`` hinge terms ``max(0, x - c)``
    (``c`` in steps) that let a straight trend bend; ``calendar`` adds ``year`` and one dummy per
    season (month, quarter, weekday or hour, the first level as reference; the weekday too under a day's spacing);
    ``fourier_order`` sine/cosine pairs at the season length; ``cycles`` more ``(period, pairs)`` Fourier terms;
    ``regressors`` extra numeric columns of the frame; ``left_out`` calendar terms to skip (``year``,
    or a whole season group such as ``month``), as ``calendar_left_out`` decides on the training rows, and regressors
    the same in every training row (``constant_term``: ``regressor price``).
    """

    trend_degree: int = 1
    calendar: bool = False
    fourier_order: int = 0
    regressors: tuple[str, ...] = ()
    changepoints: tuple[float, ...] = ()
    cycles: tuple[tuple[float, int], ...] = ()
    left_out: tuple[str, ...] = ()


def design_matrix(frame: pd.DataFrame | None, steps: np.ndarray, spec: FeatureSpec, frequency: Frequency,
                  trend_scale: float) -> tuple[np.ndarray, list[str]]:
    """Build the raw (unscaled) feature matrix.

    Parameters
    ----------
    frame : pd.DataFrame, shape (n, ...), or None
        Tidy rows with ``ds`` and the regressor columns (None when the spec needs neither).
    steps : np.ndarray, shape (n,)
        Time index ``x`` of each row (0 at the first training row).
    trend_scale : float
        Divides ``x`` (and the changepoints) before taking powers, so high powers stay in a sane range.

    Returns
    -------
    (np.ndarray of shape (n, p), list of p column names)
    """
    columns: dict[str, np.ndarray] = {}
    scale = max(trend_scale, 1.0)
    unit = steps.astype(float) / scale
    for power in range(1, spec.trend_degree + 1):
        columns["x" if power == 1 else f"x^{power}"] = unit ** power
    for point in spec.changepoints:
        columns[f"x after {point:g}"] = np.maximum(unit - point / scale, 0.0)
    if spec.calendar and frame is not None:
        columns.update(calendar_columns(frame["ds"], frequency, spec.left_out))
    if spec.fourier_order and frequency.season_length > 1 and "fourier" not in spec.left_out:
        columns.update(fourier_columns(steps, frequency.season_length, spec.fourier_order))
    for period, order in spec.cycles:
        if cycle_term(period) not in spec.left_out:
            columns.update(fourier_columns(steps, period, order, prefix=f"{period:g}:"))
    for name in spec.regressors:  # a regressor named as a term (x, year) had taken the term's place, unsaid
        if constant_term(name) not in spec.left_out:
            columns[name if name not in columns and not TERM_NAME.fullmatch(name) else regressor_term(name)] = (
                frame[name].to_numpy(dtype=float) if frame is not None else np.full(len(steps), np.nan))
    if not columns:
        return np.zeros((len(steps), 0)), []
    return np.column_stack(list(columns.values())), list(columns)


# The names of the model's own terms (the trend's powers and changepoints, the calendar's year and season levels,
# Fourier terms), which the coefficients' descriptions read as such: a regressor so named is renamed
# (``regressor_term``).
TERM_NAME = re.compile(r"intercept|x|x\^\d+|x after .+|year|.+=.+|(?:.*:)?(?:sin|cos)\d+")


# The calendar models' yearly cycle of days, in steps, and its sine/cosine pairs: their calendar terms give the
# weekday and a step each calendar year, not the year's shape (30 stores' daily sales with a yearly swing of +-15:
# multi's test MAE 6.73 against 3.15 with these pairs, auto's 3.18).
YEARLY_CYCLES = {"daily": ((365.25, 6),), "business-daily": ((261.0, 6),),
                 **dict.fromkeys(SIX_DAY_WEEKS, ((313.0, 6),))}


def yearly_cycle(frequency: Frequency) -> tuple[tuple[float, int], ...]:
    """The ``FeatureSpec.cycles`` a calendar model of ``frequency`` adds for the year's shape (``YEARLY_CYCLES``; a
    six-day week by its alias)."""
    if (year := week_year(frequency.alias)) is not None:  # a week of some days (``SOME_DAYS``)
        return ((year, YEARLY_CYCLES["daily"][0][1]),)
    return () if frequency.is_steps else YEARLY_CYCLES.get(frequency.alias or "", YEARLY_CYCLES.get(frequency.name, ()))


# The sine/cosine pairs of the day's cycle for spacings under a day whose season is shorter than a day (minutely data's
# is the hour, 60 rows; every second has none): multi missed a logger's daily temperature swing of 3 degrees (test MAE
# 1.81 every minute or 2, 0.13 every 5 minutes, whose season is the day; with these pairs 0.12).
DAY_PAIRS = 6
# A day of rows past which no day's cycle is added: its band's refits must each see a whole cycle, within the 20,000
# latest rows the band is measured on (``intervals.MAX_BAND_ROWS``), twice; data 2 s apart (43,200 rows a day) lost
# its band for them. Minutes (1,440) and 10-second readings (8,640) keep both.
DAY_ROWS_MOST = 10_000


def day_cycle(frequency: Frequency) -> tuple[tuple[float, int], ...]:
    """The ``FeatureSpec.cycles`` of a day's rows (1,440 a minute apart) for spacings under a day whose season is
    shorter than a day, up to ``DAY_ROWS_MOST`` rows; none for others (hourly data's season is the day; opening hours'
    days are their hours)."""
    if frequency.unit not in WITHIN_A_DAY or frequency.alias is None or open_hours(frequency.alias) is not None:
        return ()
    day = pd.Timedelta(days=1) / pd.Timedelta(offset_of(frequency.alias))
    return ((float(day), DAY_PAIRS),) if float(day).is_integer() and frequency.season_length < day <= DAY_ROWS_MOST \
        else ()


def calendar_cycles(frequency: Frequency) -> tuple[tuple[float, int], ...]:
    """The cycles a calendar model of ``frequency`` adds beside its season terms: the year's of daily data, the day's of
    data a minute or a second apart."""
    return yearly_cycle(frequency) + day_cycle(frequency)


def is_yearly_cycle(period: float) -> bool:
    """Whether a cycle of ``period`` rows is a year's (``YEARLY_CYCLES``), not a day's."""
    return period in (cycle[0][0] for cycle in YEARLY_CYCLES.values()) or period in _SOME_DAYS_YEARS


_SOME_DAYS_YEARS = frozenset(some_days_year(days) for days in range(2, 7))  # ``week_year``'s
YEARLY_CYCLE = "yearly cycle"  # the name the year's sine/cosine pairs are left out under


def cycle_term(period: float) -> str:
    """The name a cycle's sine/cosine pairs are left out under (``FeatureSpec.left_out``)."""
    return YEARLY_CYCLE if is_yearly_cycle(period) else f"cycle of {period:g}"


def regressor_term(name: str) -> str:
    """The feature name of a regressor named as one of the model's own terms (``TERM_NAME``: ``x``, the trend;
    ``year``, said as "per calendar year on top of the trend" even where the year term was left out)."""
    return f"{name} (regressor)"


def calendar_columns(ds: pd.Series, frequency: Frequency,
                     left_out: Collection[str] | None = None) -> dict[str, np.ndarray]:
    """``year`` and season dummies (first season as reference) for datetime data.

    ``left_out`` names terms to skip (``year``, or a season group such as ``month``); None skips
    the terms ``ds`` cannot estimate (``calendar_left_out``), treating ``ds`` as the training rows.
    """
    if frequency.is_steps or not pd.api.types.is_datetime64_any_dtype(ds):
        return {}
    skip = calendar_left_out(ds, frequency) if left_out is None else left_out
    columns: dict[str, np.ndarray] = {}
    if frequency.name != "yearly" and "year" not in skip:
        columns["year"] = ds.dt.year.to_numpy(dtype=float)
    for label, extract, count, names in _calendar_parts(frequency):
        if label in skip:
            continue
        values = extract(ds).to_numpy()
        for level in range(2, count + 1):
            columns[f"{label}={names[level - 1]}"] = (values == level).astype(float)
    return columns


def season_references(frequency: Frequency) -> dict[str, str]:
    """The level each calendar part's one-hot terms are measured against, by the part (``month``: ``Jan``; ``weekday``:
    ``Mon``, ``Sun`` for a Sunday-to-Thursday week; hourly data ``hour``: ``00h`` and ``weekday``: ``Mon``); empty
    where there are no such terms."""
    return {} if frequency.is_steps else {part[0]: part[3][0] for part in _calendar_parts(frequency)}


def season_part(frequency: Frequency) -> str | None:
    """The calendar part whose one-hot terms give the season of ``frequency`` its shape (``month``, ``weekday``,
    ``hour``, ...); None where there are none (weekly data: Fourier pairs stand for the season)."""
    part = _season_of(frequency)
    return part[0] if part is not None and not frequency.is_steps else None


def calendar_left_out(ds: pd.Series, frequency: Frequency, with_trend: bool = True) -> dict[str, str]:
    """Calendar terms the training rows ``ds`` cannot estimate, each with the reason in words.

    ``year`` needs at least two full years (one year's rows hold no year-to-year change, only a
    drift the trend already has, and a forecast would extrapolate it); a season group (``month``,
    ``weekday``, ...) needs every one of its levels in the training rows, or the unseen ones would
    silently take the reference level's value. ``with_trend`` (a linear model with a straight trend): on consecutive
    rows, one term per month (quarter, half-year) and the trend already say each row's calendar year
    (``_SEASONS_OF_A_YEAR``), so ``year`` is left out: the three could share the same rise in any proportion, and the
    words said of them changed with the seed.
    """
    if frequency.is_steps or not pd.api.types.is_datetime64_any_dtype(ds) or ds.empty:
        return {}
    if frequency.unit == "yearly":  # no year term is built (every 2 years too): say why, as for the other frequencies
        return {"year": f"{EACH_ROW_A_YEAR} year of its own, so a year term would be the trend itself (and a yearly "
                        "series has no season)"}
    reasons: dict[str, str] = _year_left_out(ds)
    part = _season_of(frequency)
    for other in _calendar_parts(frequency):  # the weekday of spacings under a day (every 15 minutes: their only one)
        if other is not part:
            reasons.update(_levels_unseen(ds, *other))
    if part is not None:
        label, extract, count, names = part
        if unseen := _levels_unseen(ds, label, extract, count, names):
            reasons.update(unseen)
        elif (with_trend and frequency.name in _SEASONS_OF_A_YEAR and "year" not in reasons
              and _trend_gives_year(ds, frequency, count)):
            reasons["year"] = (f"{YEAR_FROM_TREND} {label} terms already give each row's calendar year (the trend rises "
                               f"one step a {label}), so a year effect cannot be told apart from the trend")
    elif (with_trend and frequency.unit in _SEASONS_OF_A_YEAR and "year" not in reasons
          and _trend_gives_year(ds, frequency, _SEASON_PARTS[frequency.unit][2], steps=True)):  # every 2 months
        reasons["year"] = (f"{YEAR_FROM_TREND} season's sine/cosine pairs already give each row's calendar year (the "
                           "trend rises one step a row), so a year effect cannot be told apart from the trend")
    return reasons


def _levels_unseen(ds: pd.Series, label: str, extract: Callable[[pd.Series], pd.Series], count: int,
                   names: list[str]) -> dict[str, str]:
    """``{label: reason}`` when the rows ``ds`` lack some of the part's ``count`` levels (its effects cannot all be
    estimated); empty when every level is there."""
    seen = set(extract(ds).tolist())
    if len(seen) >= count:
        return {}
    missing = [name for level, name in enumerate(names, start=1) if level not in seen]
    return {label: (f"the training rows cover {len(seen)} of the {count} {label}s (none in {', '.join(missing)}), so "
                    f"the {label} effects cannot be estimated")}


_SEASONS_OF_A_YEAR = ("monthly", "quarterly", "half-yearly")  # a whole number of steps per calendar year


def _trend_gives_year(ds: pd.Series, frequency: Frequency, per_year: int, steps: bool = False) -> bool:
    """Whether the trend's time index gives each row's calendar year with the season terms: the rows are consecutive
    months (quarters, half-years; with ``steps``, as many of them apart each time: every 2 months), or, across missing
    ones, the index follows the calendar (``time_steps``, ``calendar_places``); only stamps off the calendar leave the
    trend counting rows, a gap shifting every later row's count."""
    return _one_step_apart(ds, per_year, steps) or calendar_places(ds, frequency) is not None


def _one_step_apart(ds: pd.Series, per_year: int, steps: bool = False) -> bool:
    """Whether the rows are consecutive months (quarters, half-years; with ``steps``, as many of them apart each
    time: every 2 months), counted by their calendar periods."""
    period = ds.dt.year.to_numpy() * per_year + (ds.dt.month.to_numpy() - 1) * per_year // 12
    apart = np.diff(period)
    return bool(len(period) < 2 or (apart == (apart[0] if steps else 1)).all() and apart[0] > 0)


SAME_IN_EVERY_ROW = "in every training row, so the rows say nothing of its effect"  # how the reason for a constant
# regressor ends (``constant_regressors``)
CONSTANT = "regressor "  # what its name is left out under: a regressor named ``year`` or ``month`` is no calendar term


def constant_term(name: str) -> str:
    """The term a constant regressor ``name`` is left out as (``FeatureSpec.left_out``): apart from the calendar's
    terms, so that a regressor called ``month``, constant, did not take the month terms with it, nor a left-out year
    a regressor called ``year``."""
    return CONSTANT + name


def constant_regressors(rows: pd.DataFrame, regressors: Collection[str]) -> dict[str, str]:
    """The ``regressors`` that are the same in every one of the training ``rows`` (to ``Standardizer``'s precision),
    each with the reason: the rows say nothing of its effect, and its weight kept its random start (a fee of 2 in
    every row and 12 in the future rows moved the forecast from 48 to 167 with the seed)."""
    reasons = {}
    for name in regressors:
        values = rows[name].to_numpy(dtype=float)
        values = values[np.isfinite(values)]
        if len(values) and spread_is_rounding(values.std(), values.mean()):
            reasons[constant_term(name)] = f"it is {float(values[0]):g} {SAME_IN_EVERY_ROW}"
    return reasons


YEAR_FROM_TREND = "the trend and the"  # how the reason for leaving ``year`` out beside the trend starts
EACH_ROW_A_YEAR = "each row is a"  # how the reason for a yearly series' missing year term starts


def _year_left_out(ds: pd.Series) -> dict[str, str]:
    """``{"year": reason}`` when the rows span less than two full years (half a step of slack)."""
    first, last = pd.Timestamp(ds.iloc[0]), pd.Timestamp(ds.iloc[-1])
    step = ds.diff().median() if len(ds) > 1 else pd.Timedelta(0)
    try:
        spans_two_years = first + pd.DateOffset(years=2) <= last + 1.5 * step
    except (OverflowError, ValueError):  # stamps near year 9999: two years later is past pandas' calendar
        spans_two_years = last - first + 1.5 * step >= pd.Timedelta(days=2 * 365.2425)
    if spans_two_years:
        return {}
    span = last + step - first
    years = span / pd.Timedelta(days=365.2425)
    spanned = f"{years:.1f} years" if years >= 0.1 else f"{span / pd.Timedelta(days=1):.3g} days"  # not "0.0 years"
    return {"year": f"the training rows span {spanned}; a calendar-year effect needs at least "
                    "2 full years, or it extrapolates a drift from a single year"}


def time_steps(ds: pd.Series, frequency: Frequency) -> np.ndarray:
    """The time index ``x`` of history rows: their places on the frequency's calendar from the first
    (``calendar_places``), so that a trend and a season's terms after missing time stamps stay in step with the
    calendar (a shop's holidays, absent from its export, had moved every later Saturday's weekly wave onto a Friday);
    the row numbers where the stamps are off that calendar."""
    return history_clock(ds, frequency)[0]


def history_clock(ds: pd.Series, frequency: Frequency) -> tuple[np.ndarray, str | int | None]:
    """``time_steps`` of a history and what ``steps_after`` needs to place the rows after it: its first stamp, as text
    (naive stamps: the tidy frame's) or a step number, where the steps are the calendar's; None where they are the row
    numbers (a stamp off the calendar), so that rows after it are counted on too (the fit counting rows and the forecast
    placed on the calendar jumped the trend by the stamps missing: 320 where a line gave 307)."""
    places = calendar_places(ds, frequency)
    if places is None or not len(ds):
        return np.arange(len(ds), dtype=float), None
    first = ds.iloc[0]
    return places.astype(float), (pd.Timestamp(first).isoformat() if pd.api.types.is_datetime64_any_dtype(ds)
                                  else int(first))


def steps_after(first: str | int | None, last: float, ds: pd.Series, frequency: Frequency, rows: int) -> np.ndarray:
    """The time index ``x`` of rows after a history of ``rows`` rows whose first stamp was ``first`` and last step
    ``last`` (``history_clock``): their places from that stamp, or the next steps after ``last`` where the stamps are
    off the calendar, where the history's steps counted rows (``first`` None), and in model files written before the
    index followed the calendar."""
    ahead = last + 1 + np.arange(len(ds), dtype=float)
    if first is None or not len(ds) or isinstance(first, str) != pd.api.types.is_datetime64_any_dtype(ds):
        return ahead  # (rows of another kind of stamp: none to place)
    start = pd.Series([pd.Timestamp(first) if isinstance(first, str) else first], dtype=ds.dtype)
    places = calendar_places(pd.concat([start, ds], ignore_index=True), frequency, rows + len(ds))
    return ahead if places is None or places[1] <= last else places[1:].astype(float)


def fourier_columns(steps: np.ndarray, period: float, order: int, prefix: str = "") -> dict[str, np.ndarray]:
    """Sine and cosine pairs ``k = 1..order`` of the given period, over the step index. The sine at half the period
    (``k = period / 2``: sin(pi t)) is zero at every step: it is written as zeros, not rounding noise (1e-14) that
    scaling by its own spread would blow up into a column of noise."""
    angle = 2 * np.pi * steps.astype(float) / period
    columns: dict[str, np.ndarray] = {}
    for k in range(1, min(order, max(int(period // 2), 1)) + 1):  # past half the period, pairs repeat earlier ones
        whole = float(2 * k / period).is_integer()  # sin(pi m t) is zero at every step (a season of 3: sin3 too)
        columns[f"{prefix}sin{k}"] = np.zeros(len(steps)) if whole else np.sin(k * angle)
        columns[f"{prefix}cos{k}"] = np.cos(k * angle)
    return columns


def lagged_columns(values: np.ndarray, lags: tuple[int, ...]) -> np.ndarray:
    """Rows ``t = p..n-1`` of ``[v[t - k] for k in lags]`` with ``p = max(lags)``, shape (n - p, len(lags))."""
    n, p = len(values), max(lags)
    return np.column_stack([values[p - k:n - k] for k in lags])


def spread_is_rounding(std: np.ndarray | float, mean: np.ndarray | float) -> np.ndarray:
    """Whether a standard deviation ``std`` is rounding, not a spread: at most 1e-12 of the level ``mean``
    (elementwise). A column so spread holds one value to the scaler (left unscaled), the lab and the regressors' check
    alike."""
    return np.asarray(std) <= np.maximum(1e-12 * np.abs(mean), np.finfo(float).tiny)


@register
@dataclass
class Standardizer:
    """Z-score scaling with statistics from the rows it was fitted on; exact inverse."""

    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, values: np.ndarray) -> "Standardizer":
        """Fit on ``values`` of shape (n,) or (n, p); constant columns get scale 1."""
        mean = np.asarray(values.mean(axis=0), dtype=float)
        scale = np.asarray(values.std(axis=0), dtype=float)
        scale = np.where(spread_is_rounding(scale, mean), 1.0, scale)
        return cls(mean=mean, scale=scale)

    def transform(self, values: np.ndarray) -> np.ndarray:
        return (values - self.mean) / self.scale

    def inverse_transform(self, values: np.ndarray) -> np.ndarray:
        return values * self.scale + self.mean
