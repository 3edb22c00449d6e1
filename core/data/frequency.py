"""Frequency inference and calendar-correct future dates."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import NoReturn

import numpy as np
import pandas as pd
from pandas.errors import OutOfBoundsDatetime
from pandas.tseries.frequencies import to_offset

from core.errors import SettingsError


@dataclass(frozen=True)
class Frequency:
    """The spacing of a series.

    ``name`` is a word for people (``monthly``), ``alias`` a pandas offset alias (``MS``) or
    ``None`` for an integer step index, ``season_length`` the number of steps in one season
    (1 when there is none).
    """

    name: str
    alias: str | None
    season_length: int

    @property
    def is_steps(self) -> bool:
        return self.alias is None

    @property
    def unit(self) -> str:
        """The name of one step's unit: ``weekly`` for every 2 weeks, ``yearly`` for every 4 years; the name itself
        for a spacing of one unit or of none with a name; ``minutely`` for opening hours every few minutes."""
        if open_hours(self.alias) is not None and self.name.startswith("every "):
            return "minutely"
        base = (self.alias or "").split("-")[0].lstrip("0123456789")
        return _NAME_BY_PREFIX[base][0] if base in _NAME_BY_PREFIX and self.name.startswith("every ") else self.name


STEPS = Frequency("steps", None, 1)

# Median spacing in days -> (name, alias at period start, alias at period end, season length).
_BY_DAYS: list[tuple[float, str, str, str, int]] = [
    (1 / 48, "half-hourly", "30min", "30min", 48),
    (1 / 24, "hourly", "h", "h", 24),
    (1.0, "daily", "D", "D", 7),
    (7.0, "weekly", "W", "W", 52),
    (15.22, "semi-monthly", "SMS", "SME", 24),
    (30.44, "monthly", "MS", "ME", 12),
    (91.31, "quarterly", "QS", "QE", 4),
    (182.62, "half-yearly", "6MS", "6ME", 2),
    (365.25, "yearly", "YS", "YE", 1),
]

# Spacings under a day that a series with gaps is rounded to (their length in days): a per-second or 15-minute
# series with a gap keeps its spacing, not the nearest of ``_BY_DAYS``.
_SUB_DAILY = {alias: pd.Timedelta(to_offset(alias)).total_seconds() / 86_400
              for alias in ("100ms", "200ms", "250ms", "500ms", "s", "5s", "10s", "15s", "30s", "min", "5min", "10min",
                            "15min", "30min",
                            "h", "2h", "3h", "4h", "6h", "12h")}
_SUB_DAILY_BELOW = 0.75  # median spacing in days below which ``_SUB_DAILY`` applies

_NAME_BY_PREFIX = {
    "min": ("minutely", 60), "30min": ("half-hourly", 48), "h": ("hourly", 24),
    "D": ("daily", 7), "B": ("business-daily", 5), "C": ("business-daily", 5), "W": ("weekly", 52),
    "MS": ("monthly", 12), "ME": ("monthly", 12), "QS": ("quarterly", 4),
    "QE": ("quarterly", 4), "YS": ("yearly", 1), "YE": ("yearly", 1),
    # Business-day anchored months, quarters and years (the last or first working day of each).
    "BMS": ("monthly", 12), "BME": ("monthly", 12), "BQS": ("quarterly", 4), "BQE": ("quarterly", 4),
    "BYS": ("yearly", 1), "BYE": ("yearly", 1),
    # Half-years, as pandas names them from stamps (two quarters) and as the median spacing does (six months).
    "6MS": ("half-yearly", 2), "6ME": ("half-yearly", 2), "2QS": ("half-yearly", 2), "2QE": ("half-yearly", 2),
    "2BQS": ("half-yearly", 2), "2BQE": ("half-yearly", 2),
    "s": ("secondly", 1),
    "SMS": ("semi-monthly", 24), "SME": ("semi-monthly", 24),  # the 1st and 15th; the 15th and the month's end
    # A weekday of each month (a food pantry's first Saturday: it was named 'WOM-1SAT', forecast with no season)
    "WOM": ("monthly", 12), "LWOM": ("monthly", 12),
}
# A step of several units is named by its unit ("every 4 years", "every 15 minutes"; the catalogs' ``freq.every_*``).
_UNITS = {"minutely": "minutes", "half-hourly": "half-hours", "hourly": "hours", "daily": "days",
          "business-daily": "business days", "weekly": "weeks", "monthly": "months", "quarterly": "quarters",
          "half-yearly": "half-years", "yearly": "years", "secondly": "seconds", "semi-monthly": "half-months"}
# A spacing under a day without a name of its own (15 minutes, 2 hours) takes the day as its season when a day holds
# at most this many steps (5 minutes: 288), else the hour when an hour does (15 seconds: 240), else none.
_SEASON_STEPS_MOST = 288
# A daily series with at least this many stamps and none on a Saturday or Sunday is business-daily: its missing
# holidays are gaps, and its forecast skips weekends.
_BUSINESS_DAYS_SEEN = 10
_BUSINESS_DAYS_HELD = 0.9  # the share of the span's weekdays a business-daily series has (holidays are the rest)
# Working weeks no pandas alias names, each a custom business day (``offset_of``), tried after Monday to Friday (``B``):
# Sunday to Thursday (the Saudi and Israeli markets) and Monday to Saturday (a shop closed on Sundays, whose till
# export lists its trading days: read as daily, its weekday terms were all left out, "none in Sun", and its test MAE
# doubled), Tuesday to Sunday (a museum or a restaurant closed on Mondays: its Mondays were filled and forecast) and
# Wednesday to Sunday (a recycling centre open five days). Each writes its days from its first.
SUN_TO_THU = "C-SUNTHU"
MON_TO_SAT = "C-MONSAT"
TUE_TO_SUN = "C-TUESUN"
WED_TO_SUN = "C-WEDSUN"
_WORKING_WEEKS = {"B": "Mon Tue Wed Thu Fri", SUN_TO_THU: "Sun Mon Tue Wed Thu", MON_TO_SAT: "Mon Tue Wed Thu Fri Sat",
                  TUE_TO_SUN: "Tue Wed Thu Fri Sat Sun", WED_TO_SUN: "Wed Thu Fri Sat Sun"}
# A working week of other weekdays (a food pantry open on Tuesdays, Thursdays and Saturdays: read as daily, its closed
# days were 420 missing stamps and forecast at a Saturday's size), named by its days from Monday: ``CD-TUETHUSAT``.
SOME_DAYS = "CD-"
_SOME_DAY_SHARE = 0.5  # of an even share of the stamps, at least, on each day of a week of some days
_SOME_DAYS_SPAN = pd.Timedelta(weeks=3)  # at least, of a week of some days: a weekday missed once in 12 days is a gap
_SOME_DAYS_ALIAS = re.compile(rf"{SOME_DAYS}((?:MON|TUE|WED|THU|FRI|SAT|SUN){{2,6}})")
SIX_DAY_WEEKS = (MON_TO_SAT, TUE_TO_SUN)  # their season is 6 days, their year 313 (five-day weeks: business-daily's)
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # by pandas' day_of_week
WITHIN_A_DAY = ("secondly", "minutely", "half-hourly", "hourly")  # the units of spacings under a day
# Hourly rows within the same opening hours every day and none outside them (a shop open 09:00 to 18:00): steps of
# those hours (a custom business hour, ``offset_of``), named ``OH-0919`` (the first hour and the one after the last),
# and ``OH-0919-1111110`` where some weekday never opens (Monday to Sunday; a shop closed on Sundays). Read as hourly,
# the nights were 14 missing hours a day: the models counted rows, the forecast ran through the night, and multi left
# its hour terms out ("10 of the 24 hours") and forecast a flat line.
OPEN_HOURS = "OH"
_OPEN_DAYS_HELD = 0.8  # the share of the open days that hold every opening hour
_OPEN_HOURS_MOST = 20  # more hours a day are a day of 24 with some missing
_CLOSED_DAY_WEEKS = 2  # a weekday is closed when none of this many weeks' stamps is on it
# pandas' business hours (09:00 to 17:00, Monday to Friday), which ``pd.infer_freq`` names any day of eight hours
# (08:00 to 15:00 every day): opening hours are tried first (``infer_frequency``).
_PANDAS_BUSINESS_HOURS = ("bh", "cbh")


# An opening-hours alias: ``OH``, the minutes of a step under an hour where the rows are that far apart (``OH30-0820``:
# half-hours from 08:00 to 19:30), the first hour and the one after the last (or, where either is not on the hour, the
# opening and closing times: ``OH30-0830-1700``, half-hours from 08:30 to 16:30), the weekdays it opens on.
_OPEN_HOURS_ALIAS = re.compile(rf"{OPEN_HOURS}(\d{{0,2}})-(\d{{2}})(\d{{2}})(?:-(\d{{2}})(\d{{2}}))?(?:-([01]{{7}}))?")


def _open_alias(alias: str | None) -> re.Match[str] | None:
    """The parts of an opening-hours alias (``_OPEN_HOURS_ALIAS``), None for any other."""
    return _OPEN_HOURS_ALIAS.fullmatch(alias) if alias else None


def open_minutes(alias: str | None) -> tuple[int, int] | None:
    """The minute of the day an opening-hours alias opens at and the one it closes at (``OH-0919``: 540 and 1140;
    ``OH30-0830-1700``: 510 and 1020), else None."""
    if (found := _open_alias(alias)) is None:
        return None
    if found[4] is None:
        return int(found[2]) * 60, int(found[3]) * 60
    return int(found[2]) * 60 + int(found[3]), int(found[4]) * 60 + int(found[5])


def open_hours(alias: str | None) -> tuple[int, int] | None:
    """The hour an opening-hours alias opens in and the one after the hour it closes in (``OH-0919``: 9 and 19), else
    None."""
    if (minutes := open_minutes(alias)) is None:
        return None
    return minutes[0] // 60, -(-minutes[1] // 60)


def open_step_minutes(alias: str | None) -> int:
    """The minutes between two steps of an opening-hours alias: 60 for hours, fewer for ``OH30-...`` and the like."""
    found = _open_alias(alias)
    return int(found[1]) if found and found[1] else 60


def open_days(alias: str | None) -> tuple[int, ...]:
    """The weekdays (pandas' day_of_week) an opening-hours alias opens on: every one unless it names them."""
    found = _open_alias(alias)
    mask = found[6] if found and found[6] else ""
    return tuple(day for day in range(7) if not mask or mask[day] == "1")


def open_slots(alias: str) -> int:
    """The steps of an opening-hours alias in a day it opens: its season."""
    minutes = open_minutes(alias) or (0, 1440)
    return max((minutes[1] - minutes[0]) // open_step_minutes(alias), 1)


def open_stamps(first: pd.Timestamp, last: pd.Timestamp, alias: str) -> pd.DatetimeIndex:
    """Every step of an opening-hours alias from ``first`` to ``last``: the clock's steps, those on open hours and
    days kept (a business hour's date_range takes 100 times longer, and none steps by half-hours)."""
    every = pd.date_range(first, last, freq=f"{open_step_minutes(alias)}min")
    return every[on_open_hours(every, alias)]


def open_stamps_after(last: pd.Timestamp, alias: str, steps: int) -> pd.DatetimeIndex:
    """The ``steps`` steps of an opening-hours alias after ``last``."""
    per_week = max(len(open_days(alias)) * open_slots(alias), 1)
    step = pd.Timedelta(minutes=open_step_minutes(alias))
    found = open_stamps(last + step, last + pd.Timedelta(weeks=steps // per_week + 2), alias)
    return found[:steps]


def on_open_hours(stamps: pd.DatetimeIndex, alias: str | None) -> np.ndarray:
    """Which ``stamps`` are within the hours and on the days an opening-hours alias opens (``open_hours``); every one
    for other aliases."""
    if (minutes := open_minutes(alias)) is None:
        return np.ones(len(stamps), dtype=bool)
    of_day = stamps.hour * 60 + stamps.minute
    return np.asarray((of_day >= minutes[0]) & (of_day < minutes[1]) & np.isin(stamps.day_of_week, open_days(alias)))


_OPEN_STEPS = (60, 30, 20, 15, 10, 5)  # minutes between the rows of opening hours (``_open_hours_alias``)


def _open_hours_alias(index: pd.DatetimeIndex) -> str | None:
    """``OPEN_HOURS``' alias of stamps on the hour (or on every ``_OPEN_STEPS`` minutes of it: a contact centre's
    half-hours) within the same hours of every day they are on, none outside them, on at least three days,
    ``_OPEN_DAYS_HELD`` of which hold every step of those hours; the weekdays that hold none over ``_CLOSED_DAY_WEEKS``
    weeks or more are closed. None otherwise. (Half-hours from 08:00 to 20:00 were read as half-hourly around the
    clock: 1,416 stamps missing, and the forecast ran through the night.)"""
    if index.tz is not None or (index.second != 0).any() or (index.microsecond != 0).any() or len(index) < 3:
        return None
    slots = np.unique(index.hour * 60 + index.minute)  # the times of day the rows are at, evenly spaced (on :30 too)
    steps = np.unique(np.diff(slots))
    step = int(steps[0]) if len(steps) == 1 and int(steps[0]) in _OPEN_STEPS else 0
    if not step or (index[1:] - index[:-1]).min() != pd.Timedelta(minutes=step):
        return None
    first, end = int(slots[0]), int(slots[-1]) + step
    if not 120 <= end - first <= 60 * _OPEN_HOURS_MOST or end > 23 * 60:
        return None
    per_day = pd.Series(index.hour, index=index.normalize()).groupby(level=0).size()
    if len(per_day) < 3 or (per_day == len(slots)).mean() < _OPEN_DAYS_HELD:
        return None
    span = f"{first // 60:02d}{end // 60:02d}" if not first % 60 and not end % 60 else \
        f"{first // 60:02d}{first % 60:02d}-{end // 60:02d}{end % 60:02d}"  # opening or closing on the half-hour
    alias = f"{OPEN_HOURS}{step if step < 60 else ''}-{span}"
    open_on = set(per_day.index.day_of_week)
    if (per_day.index[-1] - per_day.index[0]).days < 7 * _CLOSED_DAY_WEEKS or len(open_on) in (1, 7):
        return alias
    return f"{alias}-{''.join('1' if day in open_on else '0' for day in range(7))}"


def open_hour_steps(index: pd.DatetimeIndex) -> tuple[pd.DatetimeIndex, float, int] | None:
    """Stamps a little off the steps of opening hours (a car park's occupancy read at 08:00:32, 08:27:10, ... 16:30:05
    each day) moved to their nearest step, the most any moved in seconds, and the step in minutes: where each lies
    within ``_OPEN_JITTER`` of a step of ``_OPEN_STEPS`` minutes, no two share one, and the steps are opening hours
    (``_open_hours_alias``). None otherwise, where the stamps keep to whole minutes of five, or where they are opening
    hours as they are (every day at 08:03, 09:03, ...). Read as they were, the rows were half-hours around the clock
    with the nights missing: seasons counted in rows of another day's length, and auto's forecast flat."""
    if index.tz is not None or len(index) < 3 or not ((index.second != 0) | (index.minute % 5 != 0)).any():
        return None
    if _open_hours_alias(index) is not None:
        return None
    for step in _OPEN_STEPS:
        moved = index.round(f"{step}min")
        off = np.abs((index - moved) / pd.Timedelta(seconds=1))
        if off.max() <= _OPEN_JITTER * step * 60 and moved.is_unique and _open_hours_alias(moved) is not None:
            return moved, float(off.max()), step
    return None


_OPEN_JITTER = 0.1  # the share of a step a stamp may lie off it (``open_hour_steps``)


# Readings at an hour outside the opening hours of every other row (a meter read at 20:00 once among six weeks of 09:00
# to 18:00): strays, at most this share of the rows (one at least; ``stray_hours``). Kept, they made the series hourly
# around the clock with 573 stamps missing, and multi's forecast flat through the night.
_STRAY_SHARE = 0.005


def stray_hours(index: pd.DatetimeIndex) -> np.ndarray | None:
    """Which rows are at a time of day that holds under half as many rows as the busiest one (an hour, or a half-hour
    of half-hourly rows: 08:00 before a centre's 08:30), where those rows are at most ``_STRAY_SHARE`` of them (one at
    least) and the others are opening hours (``_open_hours_alias``); None otherwise."""
    if index.tz is not None or len(index) < 30:
        return None
    of_day = np.asarray(index.hour * 60 + index.minute)
    counts = pd.Series(of_day).value_counts()
    window = counts.index[counts >= counts.max() / 2]
    stray = ~np.isin(of_day, window)
    if not stray.any() or stray.sum() > max(1, int(_STRAY_SHARE * len(index))):
        return None
    # a stray's day holds the whole window beside it: hours moved by a clock change in UTC stamps are none
    days = pd.Series(~stray, index=index.normalize()).groupby(level=0).sum()
    if (days[index.normalize()[stray].unique()] < len(window)).any():
        return None
    return stray if _open_hours_alias(index[~stray]) is not None else None


def _week_of(alias: str | None) -> str | None:
    """The weekmask of the working week ``alias`` (``_WORKING_WEEKS``, or of some days, ``SOME_DAYS``); None for
    another alias."""
    if alias in _WORKING_WEEKS:
        return _WORKING_WEEKS[alias]
    some = _SOME_DAYS_ALIAS.fullmatch(alias or "")
    return None if some is None else " ".join(day.title() for day in re.findall("...", some.group(1)))


def week_year(alias: str | None) -> float | None:
    """The rows of a year of a working week of some days (``SOME_DAYS``: 157 of three days a week), None for another
    alias (the usual weeks' years are named by their frequencies: 261 business days, 313 of six-day weeks)."""
    week = _week_of(alias) if (alias or "").startswith(SOME_DAYS) else None
    return None if week is None else some_days_year(len(week.split()))


def some_days_year(days: int) -> float:
    """The rows of a year of a working week of ``days`` days (``week_year``)."""
    return float(round(days * 365.25 / 7))


def offset_of(alias: str) -> pd.DateOffset:
    """pandas' offset for ``alias``; for a working week of ``_WORKING_WEEKS`` but ``B`` (or of ``SOME_DAYS``), a
    business day of it; for opening hours (``open_hours``), a business hour of every weekday."""
    if (week := _week_of(alias)) is not None and alias != "B":
        return pd.offsets.CustomBusinessDay(weekmask=week)
    if (minutes := open_minutes(alias)) is not None:
        start, end = (f"{minute // 60:02d}:{minute % 60:02d}" for minute in minutes)
        return pd.offsets.CustomBusinessHour(start=start, end=end,
                                             weekmask=" ".join(WEEKDAY_NAMES[day] for day in open_days(alias)))
    return to_offset(alias)


def working_days(alias: str | None) -> list[str] | None:
    """The days of the working week ``alias`` (``_WORKING_WEEKS``) from its first (``Sun`` for Sunday to Thursday);
    None for another alias."""
    week = _week_of(alias)
    return None if week is None else week.split()


def working_week_of(days: set[int]) -> str | None:
    """The alias of the working week made of the weekdays ``days`` (pandas' day_of_week), None if it is no known one."""
    return next((alias for alias, week in _WORKING_WEEKS.items()
                 if set(week.split()) == {WEEKDAY_NAMES[day] for day in days}), None)


def infer_frequency(ds: pd.Series) -> Frequency:
    """Infer the frequency of a sorted, unique time column.

    Parameters
    ----------
    ds : pd.Series, shape (n,)
        Datetimes (ascending) or integer steps.

    Returns
    -------
    Frequency
        ``STEPS`` for a non-datetime column; otherwise the pandas alias that reproduces the
        spacing, falling back to the nearest common spacing when there are gaps.
    """
    if not pd.api.types.is_datetime64_any_dtype(ds) or len(ds) < 3:
        return STEPS
    alias = regular_alias(ds)
    if alias is not None and alias.lower() not in _PANDAS_BUSINESS_HOURS:
        return _from_alias(alias)
    index = pd.DatetimeIndex(ds)
    if (hours := _open_hours_alias(index)) is not None:
        return _from_alias(hours)
    if alias is None and (weekday := _weekday_of_each_month(index)) is not None:
        return _from_alias(weekday)
    return _from_alias(alias) if alias is not None else _from_median_spacing(index)


def _weekday_of_each_month(index: pd.DatetimeIndex) -> str | None:
    """The alias of a weekday of each month (``WOM-1TUE``, ``LWOM-SAT``) that stamps a month apart but for missing
    months all fall on (``regular_alias`` takes none with gaps: a food bank's first Tuesdays, three months missing,
    said none missing and read as consecutive months); None otherwise."""
    months = _months_apart(index)
    if not len(months) or (months < 1).any() or np.median(months) != 1:
        return None
    alias = _pandas_alias(index)
    if alias is None or alias.split("-")[0] not in ("WOM", "LWOM"):
        return None
    last = (index + pd.Timedelta(days=7)).month != index.month  # each the last of its weekday in its month
    return f"LWOM-{alias[-3:]}" if alias.startswith("WOM-") and bool(last.all()) else alias


def _pandas_alias(index: pd.DatetimeIndex) -> str | None:
    """``pd.infer_freq``'s alias of the stamps (its offset as pandas' next default returns it), None for none."""
    with pd.option_context("future.infer_freq_returns_offset", True):
        offset = pd.infer_freq(index)
    return offset.freqstr if offset is not None else None


def _months_apart(index: pd.DatetimeIndex) -> np.ndarray:
    """The calendar months between consecutive stamps."""
    return np.diff(index.year.to_numpy() * 12 + index.month.to_numpy())


_REGULAR: dict[tuple[str, bytes], str | None] = {}  # the stamps -> regular_alias's answer, oldest first
_REGULAR_LOCK = threading.Lock()
_REGULAR_KEPT = 256  # answers remembered
REGULAR_REMEMBERED_ROWS = 5_000  # longer columns are not remembered (the key is the stamps themselves)


def regular_alias(ds: pd.Series) -> str | None:
    """pandas' offset alias (``MS``, ``D``, ``W-SUN``) when every step between the stamps ``ds`` (sorted
    datetimes, at least 3) is the same, else None: ``pd.infer_freq``. The series of one file mostly share
    their stamps, so the answer for each of the last ``_REGULAR_KEPT`` short columns is remembered; only
    the alias is kept, and it is a function of the stamps alone."""
    index = pd.DatetimeIndex(ds)
    key = (str(index.dtype), index.asi8.tobytes()) if len(index) <= REGULAR_REMEMBERED_ROWS else None
    if key is not None:
        with _REGULAR_LOCK:
            if key in _REGULAR:
                return _REGULAR[key]
    alias = _pandas_alias(index)
    if alias is not None and alias.split("-")[0] in ("WOM", "LWOM"):  # pandas checks the weekday of each, not the
        months = _months_apart(index)  # steps (a first Tuesday's gaps)
        alias = alias if len(months) and (months == months[0]).all() else None
    if key is not None:
        with _REGULAR_LOCK:  # sessions of the app run on threads
            if len(_REGULAR) >= _REGULAR_KEPT:
                _REGULAR.pop(next(iter(_REGULAR)))
            _REGULAR[key] = alias
    return alias


# The spacing of rows combined per a period (``tidy.PERIODS``' words): its starts (weeks from Monday)
_PERIOD_STARTS = {"minute": "min", "hour": "h", "day": "D", "week": "W-MON", "month": "MS", "quarter": "QS-JAN",
                  "year": "YS-JAN"}


def frequency_per(period: str) -> Frequency | None:
    """The frequency of rows combined per ``period`` (hour, day, week, month, quarter, year); None for another word."""
    return _from_alias(_PERIOD_STARTS[period]) if period in _PERIOD_STARTS else None


def _from_alias(alias: str) -> Frequency:
    if (week := _week_of(alias)) is not None:
        return Frequency("business-daily", alias, len(week.split()))
    if open_hours(alias) is not None:
        minutes = open_step_minutes(alias)
        name = "hourly" if minutes == 60 else "half-hourly" if minutes == 30 else f"every {minutes} minutes"
        return Frequency(name, alias, open_slots(alias))
    base = alias.split("-")[0]
    for prefix, (name, season) in _NAME_BY_PREFIX.items():
        if base == prefix:
            return Frequency(name, alias, season)
    stripped = base.lstrip("0123456789")
    if stripped in _NAME_BY_PREFIX and stripped != base:
        unit, steps = _NAME_BY_PREFIX[stripped], int(base[:len(base) - len(stripped)])
        return Frequency(f"every {steps} {_UNITS[unit[0]]}", alias, _sub_daily_season(alias) or _season_of_steps(
            unit[1], steps))
    return Frequency(alias, alias, _sub_daily_season(alias) or 1)


def _season_of_steps(unit_season: int, steps: int) -> int:
    """The season of a spacing of ``steps`` units whose season is ``unit_season`` units, where it is a whole number
    of at least 2 steps (every 2 weeks: 26, every 4 weeks: 13, every 2 months: 6; before, all 1); 1 otherwise."""
    return unit_season // steps if unit_season % steps == 0 and unit_season // steps >= 2 else 1


def _sub_daily_season(alias: str) -> int:
    """Steps per day for a fixed spacing under a day (``15min``: 96, ``2h``: 12), else per hour (``15s``: 240): the
    first that is a whole number of at most ``_SEASON_STEPS_MOST``; 1 when neither is; 0 for spacings of a day or
    more and those of no fixed length (a month, a business day)."""
    try:
        step = pd.Timedelta(to_offset(alias)).total_seconds()
    except ValueError:  # not a fixed duration (a month, a business day)
        return 0
    if not 0 < step < 86_400:
        return 0
    for period in (86_400, 3_600):
        steps = period / step
        if 2 <= steps <= _SEASON_STEPS_MOST and steps == int(steps):
            return int(steps)
    return 1


def _from_median_spacing(index: pd.DatetimeIndex) -> Frequency:
    # In the index's own unit: stamps before 1677 or after 2262 do not fit in nanoseconds.
    days = float(np.median(np.diff(index.asi8))) / (pd.Timedelta(days=1) / pd.Timedelta(1, unit=index.unit))
    if (several := _steps_of_several_units(index)) is not None:
        return _from_alias(several)
    if days < _SUB_DAILY_BELOW:  # the same frequency as the nearest regular spacing under a day would have
        nearest = min(_SUB_DAILY, key=lambda alias: abs(np.log(days / _SUB_DAILY[alias])))
        if abs(np.log(days / _SUB_DAILY[nearest])) > np.log(1 + _STEP_JITTER) and (
                own := _jittered_step(index, days)) is not None:
            return _from_alias(own)  # a sensor's 2 minutes a few seconds off (as minutes, half were missing)
        return _from_alias(nearest)
    name, start_alias, end_alias, season = min(
        ((n, a, e, s) for d, n, a, e, s in _BY_DAYS),
        key=lambda row: abs(np.log(days / _days_of(row[0]))),
    )
    at_end = index.is_month_end.mean() > 0.5 and name in {"monthly", "quarterly", "half-yearly", "yearly"}
    alias = _semi_monthly_alias(index) if name == "semi-monthly" else end_alias if at_end else start_alias
    if name == "weekly":
        alias = f"W-{index[-1].day_name()[:3].upper()}"
    if name == "weekly" and len(index) >= _BUSINESS_DAYS_SEEN and (some := _some_days_alias(index)) is not None:
        return _from_alias(some)  # two days a week (Tuesdays and Wednesdays: 3.5 days apart on average)
    if name == "daily" and len(index) >= _BUSINESS_DAYS_SEEN:
        for working, week in _WORKING_WEEKS.items():
            if _weekdays_nearly_all(index, week):
                return _from_alias(working)  # working days only, with holidays missing
        if (some := _some_days_alias(index)) is not None:
            return _from_alias(some)  # some days of every week only
    return Frequency(name, alias, season)


_STEP_JITTER = 0.05  # of a step under a day, at most, that most steps are off it (``_jittered_step``)


def _jittered_step(index: pd.DatetimeIndex, days: float) -> str | None:
    """The alias of a step under a day no named spacing is near (``_SUB_DAILY``: 2 minutes, 80 seconds) that
    ``_STEPS_HELD`` of the steps keep within ``_STEP_JITTER`` (PurpleAir's 2 minutes, a few seconds off each time),
    in whole seconds; None otherwise (an event log's steps)."""
    seconds = round(days * 86_400)
    if seconds < 2:
        return None
    steps = np.diff(index.asi8) / (pd.Timedelta(seconds=1) / pd.Timedelta(1, unit=index.unit))
    if np.mean(np.abs(steps - seconds) <= _STEP_JITTER * seconds) < _STEPS_HELD:
        return None
    return f"{seconds // 60}min" if seconds % 60 == 0 else f"{seconds}s"


_NEAR_MONTH_END = 3  # days before a month's end at most of a pay day moved back from a weekend


def _semi_monthly_alias(index: pd.DatetimeIndex) -> str:
    """The alias of two days a month (``SME``: the 15th and the month's end; ``SMS``: the 1st and the 15th; ``SMS-16``,
    the 1st and 16th), where pay days moved back from weekends count on their days (a payroll's 31 December on Friday
    the 29th: its month ends were too few, and it was forecast on the 1st and 15th)."""
    days_left = (index.days_in_month - index.day).to_numpy()
    at_end = np.mean(days_left <= _NEAR_MONTH_END) > 0.4
    middle = index.day[(index.day > 10) & (days_left > _NEAR_MONTH_END)]  # the other day: the 15th, or the 16th
    usual = int(pd.Series(middle).mode().max()) if len(middle) else 15
    second = usual if 2 <= usual <= 27 and np.mean(middle == usual) >= 0.5 else 15
    base = "SME" if at_end else "SMS"
    return base if second == 15 else f"{base}-{second}"


def some_days_kept(days: pd.DatetimeIndex) -> tuple[int, ...]:
    """The weekdays (pandas' day_of_week) of a week of a few days (``SOME_DAYS``) that the ``days`` with rows keep to,
    where no working week of ``_WORKING_WEEKS`` does; none otherwise. A Saturday and Sunday market's till export
    (Square's items, combined per day) had its 165 weekdays counted as 0 and forecast: its days are its week's."""
    days = days.normalize().unique().sort_values()
    if len(days) < 2 or any(_weekdays_nearly_all(days, week) for week in _WORKING_WEEKS.values()):
        return ()
    some = _some_days_alias(days)
    return () if some is None else tuple(sorted(set(days.day_of_week)))


def _some_days_alias(index: pd.DatetimeIndex) -> str | None:
    """The alias of a week of the few weekdays the stamps fall on (``SOME_DAYS``), each of them on ``_SOME_DAY_SHARE``
    of the stamps at least, over ``_SOME_DAYS_SPAN`` or more, nearly every one of those days held; None otherwise."""
    shares = pd.Series(index.day_of_week).value_counts(normalize=True)
    if (shares < _SOME_DAY_SHARE / len(shares)).any():
        return None
    days = sorted(shares.index)
    gaps = np.diff(days + [days[0] + 7])  # the week named from the day after its longest break: 'Sat Sun Mon', not
    first = int(np.argmax(gaps)) + 1  # 'Mon Sat Sun' (the first of equal breaks: Monday, Wednesday and Friday)
    days = days[first:] + days[:first]
    some = SOME_DAYS + "".join(WEEKDAY_NAMES[day].upper() for day in days)
    week = " ".join(WEEKDAY_NAMES[day] for day in days)
    if _SOME_DAYS_ALIAS.fullmatch(some) and index[-1] - index[0] >= _SOME_DAYS_SPAN \
            and _weekdays_nearly_all(index, week):
        return some
    return None


_ONE_PART_OF_THE_DAY = pd.Timedelta(hours=6)  # the spread of times of day, at most, of steps of several units
_STEPS_HELD = 0.8  # the share of the steps that are whole multiples of the most common one (the rest: gaps)


def _steps_of_several_units(index: pd.DatetimeIndex) -> str | None:
    """The alias of a spacing of several days, weeks or months (``3D``, ``2W-SUN``, ``2MS``, ``2YS``) that the stamps
    keep but for gaps: their most common step, which nearly every step is a whole multiple of. None for a spacing of
    one unit or another kind: the nearest named spacing of the median was taken, so one gap in a series every 2 weeks
    made it semi-monthly, and a series every 2 months on the 15th was read as quarterly."""
    of_day = index - index.normalize()  # one time of day, or times within a morning (a tanker's pickups at 5 to 8),
    if len(index) < 4 or of_day.max() - of_day.min() > _ONE_PART_OF_THE_DAY or (  # one a day (not a church's two
            of_day.nunique() > 1 and index.normalize().duplicated().any()):  # services on each Sunday)
        return None
    months = index.year.to_numpy() * 12 + index.month.to_numpy()
    if index.day.nunique() == 1 or index.is_month_end.all():  # on one day of each month: steps of months
        step, held = _common_step(np.diff(months))
        end = "ME" if index.is_month_end.all() and index.day.nunique() > 1 else "MS"
        if held and step % 12 == 0 and step > 12:
            return f"{step // 12}Y{end[1]}-{'DEC' if end == 'ME' else 'JAN'}"
        return f"{step}{end}" if held and (step in (2, 4, 5) or 7 <= step < 12) else None
    per_day = pd.Timedelta(days=1) // pd.Timedelta(1, unit=index.unit)
    days = (index.normalize().asi8 - index.normalize().asi8[0]) // per_day
    step, held = _common_step(np.diff(days))
    anchor = index[-1]
    if not held and step % 7 == 0 and step > 7:  # a fortnightly round a day late after a holiday (steps of 15 and 13)
        late = days % step
        held = bool(np.mean(late == 0) >= 0.5 and np.mean(np.isin(late, (0, 1, step - 1))) >= _STEPS_HELD)
        anchor = index[late == 0][-1]  # on its own weekday, not a late one's
    if held and step % 7 == 0 and 7 <= step < 365:  # weeks (a monthly series' steps of 28 to 31 days are no multiples)
        day = anchor.day_name()[:3].upper()  # one week: weeks with no case left out were 'semi-monthly'
        return f"W-{day}" if step == 7 else f"{step // 7}W-{day}"
    return f"{step}D" if held and 2 <= step < 28 and step % 7 else None


def _common_step(steps: np.ndarray) -> tuple[int, bool]:
    """The most common of positive ``steps`` and whether ``_STEPS_HELD`` of them are whole multiples of it."""
    positive = steps[steps > 0]
    if not len(positive):
        return 0, False
    values, counts = np.unique(positive, return_counts=True)
    step = int(values[np.argmax(counts)])
    return step, bool(np.mean(positive % step == 0) >= _STEPS_HELD and step > 1)


def _weekdays_nearly_all(index: pd.DatetimeIndex, week: str = _WORKING_WEEKS["B"]) -> bool:
    """Whether the stamps are days of the working ``week`` only (``Mon Tue Wed Thu Fri``), all at one time of day, and
    at least ``_BUSINESS_DAYS_HELD`` of its days in the weeks that hold a stamp (a few holidays missing; not Mondays,
    Wednesdays and Fridays). Weeks without one do not count: a school's meals, on weekdays but for its holidays and
    summer break, held 70% of the weekdays from first to last and were read as daily, forecast on Saturdays."""
    working = np.array([day in week for day in WEEKDAY_NAMES])
    if not working[index.day_of_week].all() or (index - index.normalize()).nunique() != 1:
        return False
    days = index.normalize().values.astype("datetime64[D]")
    mondays = np.unique(days - index.day_of_week.to_numpy().astype("timedelta64[D]"))
    first, last = days[0], days[-1] + np.timedelta64(1, "D")
    held = np.busday_count(np.maximum(mondays, first), np.minimum(mondays + np.timedelta64(7, "D"), last),
                           weekmask=week)
    return len(index) >= _BUSINESS_DAYS_HELD * int(held.sum())


def _days_of(name: str) -> float:
    return next(d for d, n, *_ in _BY_DAYS if n == name)


_MONTHS_PER_STEP = {"MS": 1, "ME": 1, "QS": 3, "QE": 3, "6MS": 6, "6ME": 6, "2QS": 6, "2QE": 6, "YS": 12, "YE": 12}


def future_dates(last: object, frequency: Frequency, horizon: int, day: int | None = None) -> pd.Series:
    """The ``horizon`` time stamps after ``last``, calendar-correct for ``frequency``.

    A month after 1960-12-01 is 1961-01-01; a quarter after 1956Q4 is 1957Q1; a month after 2022-06-15
    is 2022-07-15. ``day`` is the history's day of the month (``month_day``): a series on the 30th whose last
    stamp is 28 February goes on on 30 March.
    """
    if frequency.is_steps:
        return pd.Series(np.arange(int(last) + 1, int(last) + 1 + horizon), name="ds")  # type: ignore[call-overload]
    if open_hours(frequency.alias) is not None:
        return pd.Series(open_stamps_after(pd.Timestamp(last), str(frequency.alias), horizon), name="ds")
    offset = offset_of(frequency.alias)
    start = pd.Timestamp(last)
    if (frequency.alias or "").split("-")[0] in ("SMS", "SME") and pd.Timedelta(0) < offset.rollforward(
            start.normalize()) - start.normalize() <= pd.Timedelta(days=_NEAR_MONTH_END):  # a pay day moved back
        start = offset.rollforward(start.normalize())  # from a weekend stands for its own (29 December: the 31st)
    months = _off_anchor_months(start, frequency, day)
    if months:
        return pd.Series(_month_steps(start, months, range(1, horizon + 1), day), name="ds",
                         dtype=pd.Series([start]).dtype)
    try:
        dates = pd.date_range(start=start, periods=horizon + 1, freq=offset)
    except (TypeError, OverflowError, OutOfBoundsDatetime):  # a working week's days past the year 9999
        fits = len(pd.date_range(start=start, end=pd.Timestamp(LAST_YEAR, 12, 31), freq=offset)) - 1
        _refuse_past_last_year(start, horizon, max(fits, 0))
    if dates[0] != start:  # anchored offsets may roll `last` forward first
        dates = pd.date_range(start=start + offset, periods=horizon, freq=offset)
        return pd.Series(dates, name="ds")
    return pd.Series(dates[1:], name="ds")


LAST_YEAR = 9999  # the last year a date is written with (four digits): later ones fail to print


def check_writable_dates(dates: pd.Series, last: object) -> None:
    """Refuses forecast ``dates`` (after ``last``) past ``LAST_YEAR``, naming how many steps fit: a forecast of a
    series of the 9990s into the year 10000 drew a traceback on the Forecast page, where its heading printed the last
    date. Step numbers pass."""
    if not len(dates) or not pd.api.types.is_datetime64_any_dtype(dates) or dates.iloc[-1].year <= LAST_YEAR:
        return
    _refuse_past_last_year(last, len(dates), int((dates.dt.year <= LAST_YEAR).sum()))


def _refuse_past_last_year(last: object, horizon: int, fits: int) -> NoReturn:
    """The refusal of a forecast of ``horizon`` steps past ``last`` of which ``fits`` fall in the year ``LAST_YEAR``
    or before (``check_writable_dates``)."""
    stamp = pd.Timestamp(last)
    after = f"{stamp:%Y-%m-%d}" if stamp == stamp.normalize() else f"{stamp:%Y-%m-%d %H:%M}"
    if not fits:
        raise SettingsError(f"The series ends at {after}, in the year {LAST_YEAR}, after which dates cannot be "
                            "written: no step past it can be forecast.", "err.ends_in_last_year",
                            {"last": after, "year": LAST_YEAR})
    steps = [f"{n:,} step" + ("" if n == 1 else "s") for n in (horizon, fits)]
    raise SettingsError(f"A forecast of {steps[0]} past {after} would pass the year {LAST_YEAR}, after which dates "
                        f"cannot be written: forecast at most {steps[1]}.", "err.past_last_year",
                        {"steps": horizon, "last": after, "year": LAST_YEAR, "fits": fits})


def month_day(ds: pd.Series) -> int | None:
    """The day of the month that the last year of time stamps is on, for a shorter month's last day that stands in
    for it (28 February for the 30th): the most common day of those stamps that are not their month's last day (a
    single later reading, or a partial first month on the 31st, does not move the series). None for step numbers
    and for stamps all on month ends."""
    recent = ds.iloc[-12:]
    if not len(recent) or not pd.api.types.is_datetime64_any_dtype(recent):
        return None
    days = recent.dt.day[~recent.dt.is_month_end]
    return int(days.mode().max()) if len(days) else None


def _month_steps(start: pd.Timestamp, months: int, steps: range, day: int | None) -> list[pd.Timestamp]:
    """``start`` moved by ``months`` times each of ``steps``, on ``day`` of the month where the month has it (its
    last day where not), or on ``start``'s day."""
    if day is None or day <= start.day or not start.is_month_end:
        return [start + pd.DateOffset(months=months * step) for step in steps]
    return [start + pd.DateOffset(months=months * step, day=day) for step in steps]


def _off_anchor_months(stamp: pd.Timestamp, frequency: Frequency, day: int | None = None) -> int | None:
    """Months per step for monthly, quarterly or yearly stamps that are not on their alias' anchor (the 15th of
    each month; the 30th, 28 February between): such stamps step by calendar months from the day they are on (a
    shorter month's last day in its place, from a last stamp on a day every month has; ``day``, the history's day of
    the month, when the stamp is such a last day). None otherwise."""
    base = str(frequency.alias).split("-")[0]
    unit = base.lstrip("0123456789")
    months = _MONTHS_PER_STEP.get(base) or _MONTHS_PER_STEP.get(unit, 0) * int(base[:len(base) - len(unit)] or 1)
    # Days past the 28th of an alias anchored on period ends are month ends in all but name (a last business day):
    # those keep the anchor. Of one anchored on starts (the 30th of each month read as MS) they are days of the month.
    near_end = stamp.day > 28 and (base.endswith("E") or stamp.is_month_end)
    in_place = day is not None and day >= stamp.day and stamp.is_month_end and not base.endswith("E")
    on_anchor = offset_of(frequency.alias).is_on_offset(stamp)
    return months if months and (in_place or not near_end and not on_anchor) else None


def stamps_between(ds: pd.Series, frequency: Frequency) -> pd.DatetimeIndex:
    """Every stamp of ``frequency`` from the first of the time stamps ``ds`` to the last: ``pd.date_range``, or for
    stamps off their anchor (``_off_anchor_months``) the same day of each month, quarter or year (where an end is a
    shorter month's last day, the day of the months around it: ``month_day``)."""
    first, last = pd.Timestamp(ds.iloc[0]), pd.Timestamp(ds.iloc[-1])
    if open_hours(frequency.alias) is not None:
        return open_stamps(first, last, str(frequency.alias))
    earlier = min(first, last, key=lambda stamp: stamp.day)
    day = max(first.day, last.day, month_day(ds) or 0) if earlier.is_month_end else max(first.day, last.day)
    months = _off_anchor_months(first, frequency, day)
    if not months or first.day != last.day and not earlier.is_month_end:  # one odd stamp (a partial first month)
        return pd.date_range(first, last, freq=offset_of(frequency.alias))  # is no calendar of its own
    steps = (last.year - first.year) * 12 + last.month - first.month
    return pd.DatetimeIndex(_month_steps(first, 1, range(0, steps + 1, months), day))


# The models that count rows (exponential smoothing, ARIMA, the autoregressions, seasonal naive) fit a history with
# time stamps missing on every stamp of its calendar, the missing ones interpolated (``core.models.calendar_grid``),
# where the calendar holds at most this many stamps a row: with more than half of them missing, what they would fit
# is mostly interpolation, and they count rows.
FILLED_STAMPS_PER_ROW = 2.0


def mostly_missing(places: np.ndarray) -> bool:
    """Whether the calendar of rows at ``places`` (``calendar_places``) holds more than ``FILLED_STAMPS_PER_ROW``
    stamps a row: the models that count rows count them there."""
    return bool(places[-1] + 1 > FILLED_STAMPS_PER_ROW * len(places))


# A calendar this many times longer than the rows, and a thousand stamps more, is not followed (``calendar_places``):
# stamps that far apart are not a series with some days missing.
CALENDAR_PER_ROW = 11


def calendar_places(ds: pd.Series, frequency: Frequency, rows: int | None = None) -> np.ndarray | None:
    """Each time stamp's place among every stamp of ``frequency`` from the first of ``ds`` to the last
    (``stamps_between``; a file's own step numbers from the first): the row numbers where none is missing, further apart
    across missing stamps. None where a stamp is off that calendar or out of order, or the calendar would hold more than
    ``CALENDAR_PER_ROW`` stamps a row (of ``rows``, the series' rows when ``ds`` holds only some of them) and a
    thousand."""
    if not len(ds):
        return np.zeros(0, dtype=int)
    if frequency.is_steps and pd.api.types.is_integer_dtype(ds):
        places = ds.to_numpy() - int(ds.iloc[0])
    elif frequency.is_steps or not pd.api.types.is_datetime64_any_dtype(ds):
        return None
    else:
        try:
            places = stamps_between(ds, frequency).get_indexer(pd.DatetimeIndex(ds))
        except (ValueError, OverflowError):
            return None
    if (places < 0).any() or (np.diff(places) <= 0).any():
        return None
    return places if places[-1] < CALENDAR_PER_ROW * (rows or len(ds)) + 1000 else None

