"""The data-quality panel: span, missing values, duplicates, gaps and suspected outliers."""
from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.data.frequency import WITHIN_A_DAY, Frequency, stamps_between
from core.data.tidy import LoadedSeries

OUTLIER_LIMIT = 4.0  # a point this many typical deviations from its expected value is suspect
MAX_OUTLIERS = 20  # the most unusual ones at most, so a noisy series does not bury the page
NEIGHBOURS = 3  # steps each side that give a point's expected level
# Rescorings with the outliers found put at their expected values: the six days of two three-day holiday peaks in a
# daily series hid each other from their neighbours' medians (4 of 6 found; all 6 with one rescoring).
RESCORING_PASSES = 2
OUTLIER_CAPTION = ("Points that sit far from what their neighbours and the seasonal pattern lead one to expect "
                   f"(more than {OUTLIER_LIMIT:g} times the series' typical deviation, at most {MAX_OUTLIERS} "
                   "listed, most unusual first): they may be errors or real events such as holidays, so check "
                   "them before changing anything.")
OUTLIER_COLUMNS = ("Value", "Expected", "How unusual (× typical deviation)")

Transform = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class QualitySummary:
    rows: int
    start: str
    end: str
    missing_filled: int
    rows_dropped: int
    duplicate_rows: int
    duplicate_stamps: int
    gaps: int
    outliers: pd.DataFrame  # the most unusual, at most ``MAX_OUTLIERS``
    irregular_rows: int = 0  # rows between the steps when most are (an event log: ``tidy.irregular_rows``)
    outliers_found: int = 0  # all the suspected outliers, listed or not

    @property
    def suspected(self) -> int:
        """How many points are suspected outliers (the list shows the most unusual ``MAX_OUTLIERS``)."""
        return max(self.outliers_found, len(self.outliers))


def format_stamp(value: object, frequency: Frequency) -> str:
    """A time stamp as short as its frequency allows: ``1949-01`` for monthly data, ``1956 Q1`` for quarterly."""
    if frequency.is_steps:
        return str(value)
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if frequency.name == "quarterly":
        return f"{stamp.year} Q{stamp.quarter}"
    if frequency.name == "half-yearly":
        return f"{stamp.year} H{(stamp.month - 1) // 6 + 1}"
    if frequency.name == "monthly":
        return stamp.strftime("%Y-%m")
    if frequency.name == "yearly":
        return stamp.strftime("%Y")
    if stamp == stamp.normalize() and frequency.unit not in WITHIN_A_DAY:  # an hourly series' midnight has its time
        return stamp.strftime("%Y-%m-%d")  # ("From 2024-03-04 to 2024-04-14 23:00")
    return stamp.strftime("%Y-%m-%d %H:%M:%S" if frequency.unit == "secondly" else "%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class OutlierScores:
    """Per row: the value the detector expected (original units) and the signed distance from it in
    typical deviations (on the variance-stabilised scale)."""

    expected: np.ndarray  # (n,)
    score: np.ndarray  # (n,)


def outlier_scores(values: np.ndarray, season: int) -> OutlierScores:
    """How far each value sits from what its neighbours and the seasonal pattern predict.

    The values are first variance-stabilised (log, square root or none, whichever makes the spread
    least dependent on the level), then a local seasonal pattern is removed. A point's expected
    level is the median of its ``NEIGHBOURS`` neighbours each side (itself left out); its score is
    its departure from that level in typical deviations: the larger of the series-wide and the
    local robust spread of all departures, so heavy tails and noisy stretches raise the bar instead
    of raising alarms. A point must also stand out from each side on its own, in the same
    direction, by half of ``OUTLIER_LIMIT``, or it scores 0: a spike stands out from both sides, a
    step up or down from one only. The points found are then put at their expected values and the others scored
    again (``RESCORING_PASSES``), so that the members of a run of outliers (a three-day holiday peak) do not hide
    each other.

    Returns
    -------
    OutlierScores
        ``expected`` in the units of ``values``, ``score`` signed (positive above), each shape (n,).

    Parameters
    ----------
    values : np.ndarray, shape (n,)
    season : int
        Steps in one season (1 for none).
    """
    forward, inverse = _stabilizer(values, season)
    stable = forward(values)
    seasonal = _seasonal_pattern(stable, season)
    adjusted = stable - seasonal
    slope = _local_slope(adjusted, NEIGHBOURS, season)
    before, after, level = _neighbour_medians(adjusted, NEIGHBOURS, slope)
    spread = _typical_deviation(adjusted - level, season)
    score = _departures(adjusted, before, after, level, spread)
    flagged = np.abs(score) > OUTLIER_LIMIT
    for _ in range(RESCORING_PASSES):  # a run of outliers hides its members from each other: rescore without them
        beside = np.convolve(flagged, np.ones(2 * NEIGHBOURS + 1))[NEIGHBOURS:NEIGHBOURS + len(flagged)] > 0
        near = np.flatnonzero(beside & ~flagged)
        if not near.size:
            break
        cleaned = np.where(flagged, level, adjusted)  # only the points beside those found have other neighbours
        before, after, again = _neighbour_medians(cleaned, NEIGHBOURS, slope, near)
        rescored = _departures(adjusted[near], before, after, again, spread[near])
        found = np.abs(rescored) > OUTLIER_LIMIT
        if not found.any():
            break
        score[near[found]], level[near[found]], flagged[near[found]] = rescored[found], again[found], True
    return OutlierScores(expected=inverse(level + seasonal), score=score)


def _departures(adjusted: np.ndarray, before: np.ndarray, after: np.ndarray, level: np.ndarray,
                spread: np.ndarray) -> np.ndarray:
    """Each point's signed departure from ``level`` in typical deviations (``spread``); 0 where it does not stand out
    from each side on its own, in the same direction, by half of ``OUTLIER_LIMIT``."""
    apart = _apart_from_both_sides(adjusted - before, adjusted - after)
    one_sided = np.abs(apart) < 0.5 * OUTLIER_LIMIT * spread
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nan_to_num(np.where((spread > 0) & ~one_sided, (adjusted - level) / spread, 0.0))


def _scores_on_the_calendar(frame: pd.DataFrame, frequency: Frequency) -> OutlierScores:
    """``outlier_scores`` of the rows, measured with the missing time stamps put back (interpolated, for the
    detector only): without them the neighbours and the season of every row after a gap are the wrong ones (a
    January compared with an October). Series without gaps, or whose stamps are off the frequency's calendar,
    are scored as they are."""
    values = frame["y"].to_numpy(dtype=float)
    placed = _calendar_rows(frame, frequency)
    if placed is None:
        return outlier_scores(values, frequency.season_length)
    steps, rows = placed
    full = pd.Series(np.nan, index=np.arange(steps))
    full.iloc[rows] = values
    scores = outlier_scores(full.interpolate(limit_direction="both").to_numpy(), frequency.season_length)
    return OutlierScores(expected=scores.expected[rows], score=scores.score[rows])


def _calendar_rows(frame: pd.DataFrame, frequency: Frequency) -> tuple[int, np.ndarray] | None:
    """The number of stamps of ``frequency`` from the first row to the last, and each row's position among them;
    None without gaps, for row steps, for stamps off the calendar, or when the gaps would outnumber the rows."""
    if frequency.is_steps or len(frame) < 3:
        return None
    try:
        grid = stamps_between(frame["ds"], frequency)
    except (ValueError, OverflowError):
        return None
    rows = grid.get_indexer(pd.DatetimeIndex(frame["ds"]))
    if len(grid) <= len(frame) or len(grid) > 2 * len(frame) + 100 or (rows < 0).any():
        return None
    return len(grid), rows


def suspected_outliers(frame: pd.DataFrame, frequency: Frequency, limit: int = MAX_OUTLIERS,
                       filled: Sequence[int] = ()) -> pd.DataFrame:
    """The rows far from what the detector expected, most unusual first, for people to read; not the rows whose
    value the loader filled in (``filled``: a blank cell or an inserted time stamp, interpolated across a weekly
    pattern, is no value of the file's to check).

    Returns
    -------
    pd.DataFrame, at most ``limit`` rows
        ``Date`` (or ``Step``) at the series' resolution, then ``OUTLIER_COLUMNS``: the value, the
        value expected from its neighbours and the season, and how many typical deviations apart.
    """
    values = frame["y"].to_numpy(dtype=float)
    scores = _scores_on_the_calendar(frame, frequency)
    unusual = np.abs(scores.score)
    unusual[np.asarray(filled, dtype=int)] = 0.0
    rows = np.flatnonzero(unusual > OUTLIER_LIMIT)
    found = len(rows)
    rows = rows[np.argsort(-unusual[rows], kind="stable")][:limit]
    when = "Step" if frequency.is_steps else "Date"
    value, expected, how = OUTLIER_COLUMNS
    table = pd.DataFrame({
        when: [format_stamp(stamp, frequency) for stamp in frame["ds"].to_numpy()[rows]],
        value: values[rows],
        expected: np.round(scores.expected[rows], _decimals(values)),
        how: np.round(unusual[rows], 1),
    })
    table.attrs["found"] = found  # listed or not (a count of the list stopped at 20)
    return table


# A value this many typical deviations from what its neighbours and season lead one to expect is a gross error (a
# typed 5000 among values near 140 scores about 160), not an event: of the 680 series of ``bench/auto_rules.py``'s six
# tuning sets, one has a training value above 25 (30.6, in its first rows), 16 above 8; holiday peaks and strikes
# score 8 to 14.
GROSS_LIMIT = 25.0
GROSS_SHARE = 0.01  # more than this share of the rows (or two, in under 200 rows) so far out: the series' own tails


@dataclass(frozen=True)
class GrossErrors:
    """Rows of a history whose values are gross errors (``gross_errors``), and what the detector expected there."""

    rows: np.ndarray  # positions, (k,)
    values: np.ndarray  # as written, (k,)
    expected: np.ndarray  # (k,)


def gross_errors(frame: pd.DataFrame, frequency: Frequency) -> GrossErrors:
    """The rows whose value stands more than ``GROSS_LIMIT`` typical deviations from both its neighbours and its season
    (``outlier_scores``): a value typed with a digit too many, a meter's reset. None among the first and the last
    ``NEIGHBOURS`` rows (one side of them is unknown: the start of a new level, a launch month, look the same), none in
    a series where one value fills half the rows (intermittent demand: its rare orders are the series) and none where
    more than ``GROSS_SHARE`` of the rows (or two) are that far out (heavy tails are the series' own)."""
    values = frame["y"].to_numpy(dtype=float)
    nothing = GrossErrors(np.zeros(0, dtype=int), np.zeros(0), np.zeros(0))
    if len(values) < 2 * NEIGHBOURS + 2 or not np.isfinite(values).all() or \
            pd.Series(values).value_counts().iloc[0] * 2 >= len(values):
        return nothing
    scores = _scores_on_the_calendar(frame, frequency)
    inside = np.abs(scores.score[NEIGHBOURS:len(values) - NEIGHBOURS])
    rows = NEIGHBOURS + np.flatnonzero(inside > GROSS_LIMIT)
    if not len(rows) or len(rows) > max(2.0, GROSS_SHARE * len(values)):
        return nothing
    rows = rows[_apart_from_each_side(values, rows, scores.expected[rows], frequency.season_length)]
    rows = rows[~_recurs_monthly(frame["ds"], values, rows, scores.expected[rows], scores.score)]
    return GrossErrors(rows, values[rows], scores.expected[rows]) if len(rows) else nothing


_MONTHS_AWAY = (-12, -2, -1, 1, 2, 12)  # (a year away: a holiday's premium on its date, Guesty's 4th of July)


def _recurs_monthly(ds: pd.Series, values: np.ndarray, rows: np.ndarray, expected: np.ndarray,
                    scores: np.ndarray) -> np.ndarray:
    """Whether the value of each of ``rows`` comes again on the same day (and time) of a month or two (or a year)
    before or after, within half its distance from ``expected``, and as far out there by its own score (``scores``): a
    monthly charge (AWS's tax and support fees on every 1st, daily rows of about 800 and one of 2,227), a holiday's
    price on its date a year on, no typing error; not a low
    typed value beside a closed Sunday's 0 a month on, which its week explains. All False for stamps a month apart or
    more, or no dates."""
    if not pd.api.types.is_datetime64_any_dtype(ds) or len(ds) < 2 or ds.diff().median() >= pd.Timedelta(days=28):
        return np.zeros(len(rows), dtype=bool)
    at = pd.Series(np.arange(len(ds)), index=pd.DatetimeIndex(ds))
    at = at[~at.index.duplicated()]
    recurs = []
    for row, value, guess in zip(rows, values[rows], expected):
        others = [at[stamp] for months in _MONTHS_AWAY
                  if (stamp := ds.iloc[row] + pd.DateOffset(months=months)) in at.index]
        recurs.append(any(abs(values[other] - value) <= 0.5 * abs(value - guess)
                          and np.sign(scores[other]) == np.sign(scores[row])
                          and abs(scores[other]) >= 0.5 * GROSS_LIMIT for other in others))
    return np.array(recurs, dtype=bool)


def _apart_from_each_side(values: np.ndarray, rows: np.ndarray, expected: np.ndarray, season: int) -> np.ndarray:
    """Whether the value of each of ``rows`` stands apart, by half its distance from ``expected`` at least, from the
    values on each side of it: its ``NEIGHBOURS``, or those one and two seasons before and after. A digit too many
    does by its neighbours, a December peak typed 50 among Decembers of 500 by its season; the last value before a
    step in the level by neither (50 after a run of 50s, before a run of 80s, expected 65: it was replaced as a gross
    error)."""
    far = 0.5 * np.abs(values[rows] - expected)
    by_neighbours, by_season = np.ones(len(rows), dtype=bool), np.full(len(rows), season > 1)
    for side in (-1, 1):
        near = [values[row + 1:row + 1 + NEIGHBOURS] if side > 0 else values[row - NEIGHBOURS:row] for row in rows]
        by_neighbours &= _apart(values[rows], near, far)
        if season > 1:
            ago = [[at for at in (row + side * season, row + 2 * side * season) if 0 <= at < len(values)]
                   for row in rows]
            by_season &= _apart(values[rows], [values[at] for at in ago], far)
    return by_neighbours | by_season


def _apart(values: np.ndarray, besides: list[np.ndarray], far: np.ndarray) -> np.ndarray:
    """Whether each of ``values`` is ``far`` at least from the median of the values beside it (apart where none)."""
    return np.array([not len(beside) or abs(value - np.median(beside)) >= limit
                     for value, beside, limit in zip(values, besides, far)], dtype=bool)


def _stabilizer(values: np.ndarray, season: int) -> tuple[Transform, Transform]:
    """Log for a series whose spread grows in proportion to its level, square root for one whose
    spread grows more slowly (counts, a series with zeros), none otherwise; log needs strictly
    positive values and the square root non-negative ones."""
    power = _spread_power(values, season)
    if power > 0.75 and np.nanmin(values) > 0:
        return np.log, np.exp
    if power > 0.25 and np.nanmin(values) >= 0:
        return np.sqrt, lambda stable: np.square(np.maximum(stable, 0.0))
    return (lambda v: v), (lambda v: v)


def _spread_power(values: np.ndarray, season: int) -> float:
    """Slope of log spread on log level over blocks of a season (Guerrero's method): about 1 when the
    spread is proportional to the level, 0.5 for counts, 0 when it does not depend on it."""
    block = max(season, 8)
    count = len(values) // block
    if count < 4:
        return 0.0
    blocks = values[:count * block].reshape(count, block)
    level, spread = np.nanmean(blocks, axis=1), np.nanstd(blocks, axis=1)
    usable = (level > 0) & (spread > 0)
    if usable.sum() < 4 or np.ptp(np.log(level[usable])) < np.log(1.5):
        return 0.0  # the level hardly moves: no transform needed
    return float(np.polyfit(np.log(level[usable]), np.log(spread[usable]), 1)[0])


def _seasonal_pattern(stable: np.ndarray, season: int) -> np.ndarray:
    """Per position in the season, the median departure from a two-season rolling median, over the
    nearest seven seasons (so the pattern may evolve); zeros without two full seasons."""
    if season <= 1 or len(stable) < 2 * season:
        return np.zeros(len(stable))
    series = pd.Series(stable)
    detrended = series - series.rolling(2 * season + 1, center=True, min_periods=1).median()
    position = np.arange(len(stable)) % season
    local = detrended.groupby(position).transform(lambda part: part.rolling(7, center=True, min_periods=1).median())
    return local.fillna(0.0).to_numpy()


def _local_slope(values: np.ndarray, width: int, season: int = 1) -> np.ndarray:
    """The local trend per step at every point: the median of the steps from ``max(2 * width, season / 2)`` before to as
    many after it (a rolling median in pandas: no window copies, which for minutely data were 60 columns wide)."""
    half = max(2 * width, (season + 1) // 2)
    steps = pd.Series(np.pad(np.diff(values), half, constant_values=np.nan))
    medians = steps.rolling(2 * half, min_periods=1).median().to_numpy()
    return np.nan_to_num(medians[2 * half - 1:2 * half - 1 + len(values)])


def _neighbour_medians(values: np.ndarray, width: int, slope: np.ndarray,
                       rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Medians of the ``width`` values just before, just after, and on both sides of every point (of ``rows`` only,
    when given; the point itself left out), each moved along the local trend (``slope``, ``_local_slope``) from where
    its values sit to the point: at the ends, where the neighbours lie on one side, a trend would otherwise read as a
    departure. NaN where a side has none."""
    padded = np.pad(values, width, constant_values=np.nan)
    windows = np.lib.stride_tricks.sliding_window_view(padded, 2 * width + 1)
    if rows is not None:
        windows, values, slope = windows[rows], values[rows], slope[rows]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN sides at the ends give NaN, as meant
        sides = [np.arange(width), np.arange(width + 1, 2 * width + 1), np.delete(np.arange(2 * width + 1), width)]
        before, after, both = (_row_medians(windows[:, side]) - slope * _side_offsets(windows[:, side], side - width)
                               for side in sides)
    return before, after, np.where(np.isnan(both), values, both)


def _side_offsets(rows: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Per row, the median position (relative to the point) of the row's known values: ``median(offsets)`` for
    complete rows (nearly all), computed only for the rows with gaps (at the ends, around missing values)."""
    known = ~np.isnan(rows)
    result = np.full(len(rows), float(np.median(offsets)))
    partial = ~known.all(axis=1)
    if partial.any():
        result[partial] = np.nanmedian(np.where(known[partial], offsets.astype(float), np.nan), axis=1)
    return result


def _row_medians(rows: np.ndarray) -> np.ndarray:
    """Median of each row ignoring NaN: plain ``np.median`` for complete rows (nearly all), NaN-aware
    only for the few with gaps (``np.nanmedian`` over a million short rows takes seconds)."""
    complete = ~np.isnan(rows).any(axis=1)
    medians = np.full(len(rows), np.nan)
    medians[complete] = np.median(rows[complete], axis=1)
    if not complete.all():
        medians[~complete] = np.nanmedian(rows[~complete], axis=1)
    return medians


def _apart_from_both_sides(from_before: np.ndarray, from_after: np.ndarray) -> np.ndarray:
    """The smaller of the two departures when they share a sign, else 0; one side at the ends."""
    first = np.where(np.isnan(from_before), from_after, from_before)
    second = np.where(np.isnan(from_after), first, from_after)
    same = np.sign(first) == np.sign(second)
    return np.nan_to_num(np.where(same, np.sign(first) * np.minimum(np.abs(first), np.abs(second)), 0.0))


def _typical_deviation(deviation: np.ndarray, season: int) -> np.ndarray:
    """Robust spread of the deviations, shape (n,): the larger of the series-wide one (the larger of
    the scaled median and 90th-percentile absolute deviation: equal for normal noise, the percentile
    larger for heavy tails) and the scaled median absolute deviation of the nearest ``4 * season``
    (at least 61) points."""
    size = np.abs(deviation)
    overall = max(1.4826 * float(np.nanmedian(size)), float(np.nanquantile(size, 0.9)) / 1.6449)
    if overall == 0:  # nine points in ten sit exactly where expected: then the mean deviation is typical
        overall = 1.2533 * float(np.nanmean(size))
    window = max(4 * season + 1, 61)
    local = 1.4826 * pd.Series(size).rolling(window, center=True, min_periods=1).median().to_numpy()
    return np.maximum(local, overall)


def _decimals(values: np.ndarray) -> int:
    """Decimals to show expected values with: those the data carry (at most 3 past its scale)."""
    finite = np.abs(values[np.isfinite(values)])
    typical = float(np.median(finite)) if finite.size else 1.0
    ceiling = int(np.clip(3 - np.floor(np.log10(typical)) if typical > 0 else 3, 0, 10))
    for decimals in range(ceiling + 1):
        if np.allclose(finite, np.round(finite, decimals), rtol=0, atol=1e-9):
            return decimals
    return ceiling


def summarize(series: LoadedSeries) -> QualitySummary:
    frame, report = series.frame, series.report
    return QualitySummary(
        rows=len(frame), start=format_stamp(frame["ds"].iloc[0], series.frequency),
        end=format_stamp(frame["ds"].iloc[-1], series.frequency), missing_filled=report.missing_filled,
        rows_dropped=report.rows_dropped, duplicate_rows=report.duplicate_rows_dropped,
        duplicate_stamps=report.duplicate_stamps_aggregated, gaps=report.gaps,
        outliers=(outliers := suspected_outliers(frame, series.frequency, filled=report.filled_targets)),
        irregular_rows=report.irregular_rows, outliers_found=int(outliers.attrs["found"]))
