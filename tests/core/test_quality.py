"""Suspected outliers: rare on clean seasonal and heavy-tailed series, found when injected, readable."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import Frequency
from core.data.quality import (MAX_OUTLIERS, OUTLIER_CAPTION, OUTLIER_COLUMNS, OUTLIER_LIMIT, format_stamp,
                               gross_errors, outlier_scores, summarize, suspected_outliers)
from tests.conftest import monthly_frame, sine_values

MONTHLY = Frequency("monthly", "MS", 12)
SEEDS = range(30)

# A clean series: values, season length, the scale on which its noise is Gaussian-like
# ("log", "sqrt" or "none") and the noise's robust sigma on that scale.
Clean = tuple[np.ndarray, int, str, float]


def _monthly_multiplicative(rng: np.random.Generator) -> Clean:
    """Exponential trend times a yearly pattern times log-normal noise (AirPassengers-like)."""
    t = np.arange(int(rng.integers(96, 300)))
    pattern = 1 + 0.25 * np.sin(2 * np.pi * t / 12 + rng.uniform(0, 6)) + 0.1 * np.cos(4 * np.pi * t / 12)
    level = 100 * (1 + rng.uniform(0.002, 0.01)) ** t
    return level * pattern * np.exp(0.03 * rng.standard_normal(len(t))), 12, "log", 0.03


def _daily_weekly(rng: np.random.Generator) -> Clean:
    """A weekly cycle on a yearly swing and a mild trend, one to four years of days."""
    t = np.arange(int(rng.integers(365, 1500)))
    weekday = np.array([0, 2, 3, 1, 4, -6, -8], dtype=float)[(t + rng.integers(7)) % 7]
    yearly = 10 * np.sin(2 * np.pi * t / 365.25 + rng.uniform(0, 6))
    return 100 + 0.01 * t + weekday + yearly + rng.standard_normal(len(t)), 7, "none", 1.0


def _student_t5(rng: np.random.Generator) -> Clean:
    """Heavy-tailed Student-t(5) noise around a trend and a monthly pattern."""
    t = np.arange(int(rng.integers(200, 1500)))
    base = 20 + 0.02 * t + 3 * np.sin(2 * np.pi * t / 12)
    return base + rng.standard_t(5, len(t)), 12, "none", 1.4826 * 0.7267  # t(5)'s median |t| is 0.7267


def _sunspot_like(rng: np.random.Generator) -> Clean:
    """Monthly ~11-year cycles of varying height, correlated noise on the square-root scale, a heavy
    right tail and runs of zeros at the minima."""
    t = np.arange(int(rng.integers(1200, 3300)))
    period = 132 * rng.uniform(0.85, 1.15)
    heights = np.interp(t / 100, np.arange(len(t) // 100 + 2), 60 + 120 * rng.uniform(0.2, 1, len(t) // 100 + 2))
    cycle = heights * np.sin(np.pi * (t % period) / period) ** 2
    noise = np.zeros(len(t))
    shocks = rng.standard_normal(len(t))
    for i in range(1, len(t)):
        noise[i] = 0.5 * noise[i - 1] + shocks[i]
    root = np.sqrt(cycle) + 1.2 * np.sqrt(0.75) * noise - 1.0
    return np.square(np.clip(root, 0, None)).round(1), 12, "sqrt", 1.2


FAMILIES: dict[str, Callable[[np.random.Generator], Clean]] = {
    "monthly multiplicative": _monthly_multiplicative, "daily weekly": _daily_weekly,
    "student-t(5)": _student_t5, "sunspot-like": _sunspot_like,
}
SCALES = {"log": (np.log, np.exp), "sqrt": (np.sqrt, np.square), "none": (lambda v: v, lambda v: v)}


def _flagged(values: np.ndarray, season: int) -> np.ndarray:
    return np.abs(outlier_scores(values, season).score) > OUTLIER_LIMIT


def _with_spikes(clean: Clean, sigmas: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """The series with one spike in 200 points, ``sigmas`` noise sigmas on the noise's own scale
    (upwards only on the square-root scale, which has no room below zero), and where they are."""
    values, _, scale, sigma = clean
    forward, inverse = SCALES[scale]
    where = rng.choice(np.arange(5, len(values) - 5), size=max(2, len(values) // 200), replace=False)
    signs = np.ones(len(where)) if scale == "sqrt" else rng.choice([-1.0, 1.0], size=len(where))
    stable = forward(values.astype(float))
    stable[where] += signs * sigmas * sigma
    return inverse(stable), where


@pytest.mark.parametrize(("family", "bound"), [
    ("monthly multiplicative", 0.001), ("daily weekly", 0.001), ("student-t(5)", 0.005), ("sunspot-like", 0.001),
])
def test_clean_series_raise_almost_no_false_alarms(family: str, bound: float) -> None:
    alarms = points = 0
    for seed in SEEDS:
        values, season, _, _ = FAMILIES[family](np.random.default_rng(seed))
        alarms += int(_flagged(values, season).sum())
        points += len(values)
    assert alarms / points <= bound, f"{family}: {alarms} false alarms in {points:,} points"


@pytest.mark.parametrize(("sigmas", "recall"), [(6.0, 0.6), (8.0, 0.9)])
@pytest.mark.parametrize("family", list(FAMILIES))
def test_injected_spikes_are_found(family: str, sigmas: float, recall: float) -> None:
    found = injected = 0
    for seed in SEEDS:
        rng = np.random.default_rng(1000 + seed)
        clean = FAMILIES[family](rng)
        values, where = _with_spikes(clean, sigmas, rng)
        found += int(_flagged(values, clean[1])[where].sum())
        injected += len(where)
    assert found / injected >= recall, f"{family}: {found} of {injected} spikes of {sigmas:g} sigmas found"


def test_air_passengers_has_no_suspected_outliers(air) -> None:  # type: ignore[no-untyped-def]
    quality = summarize(air)
    assert isinstance(quality.outliers, pd.DataFrame) and len(quality.outliers) == 0
    assert np.abs(outlier_scores(air.frame["y"].to_numpy(dtype=float), 12).score).max() < 3.0


def test_a_wrong_month_in_air_passengers_is_reported_in_words(air) -> None:  # type: ignore[no-untyped-def]
    frame = air.frame.copy()
    frame.loc[frame["ds"] == "1955-06-01", "y"] = 420.0  # was 315
    table = suspected_outliers(frame, air.frequency)
    assert list(table.columns) == ["Date", *OUTLIER_COLUMNS] and len(table) == 1
    row = table.iloc[0]
    assert row["Date"] == "1955-06" and row["Value"] == 420.0
    assert row["Expected"] == pytest.approx(315, rel=0.05) and row[OUTLIER_COLUMNS[2]] > OUTLIER_LIMIT


def test_values_the_loader_filled_in_are_not_suspected_outliers() -> None:
    # Two years of daily sales with a weekly pattern, 13 dates left out: filling them (a line across the week's
    # pattern) flagged 3 inserted dates, none in the file, as values to check.
    from core.data.quality import summarize
    from core.data.tidy import LoadOptions, load_series

    rng = np.random.default_rng(7)
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    weekly = np.array([0.8, 0.9, 0.95, 1.0, 1.2, 1.5, 1.3])[days.dayofweek]
    sales = (200 + 0.15 * np.arange(len(days))) * weekly + rng.normal(0, 10, len(days))
    frame = pd.DataFrame({"date": days.strftime("%Y-%m-%d"), "sales": np.round(sales, 2)})
    frame = frame.drop(index=[*range(100, 105), *rng.choice(np.arange(200, 700), 8, replace=False)])
    series = load_series(frame.to_csv(index=False).encode(), "sales.csv", LoadOptions(fill_gaps=True))
    inserted = suspected_outliers(series.frame, series.frequency)["Date"]
    assert len(inserted) and not set(inserted) & set(frame["date"])  # only dates the file does not have
    assert summarize(series).outliers.empty


@pytest.mark.parametrize("seed", range(5))
def test_missing_months_move_no_month_onto_another_s_season(seed: int) -> None:
    t = np.arange(60)
    values = 500 + 3 * t + 40 * np.sin(2 * np.pi * t / 12) + np.random.default_rng(seed).normal(0, 5, 60)
    frame = pd.DataFrame({"ds": pd.date_range("2016-01-01", periods=60, freq="MS"), "y": values})
    gapped = frame.drop(index=[7, 8, 23, 40]).reset_index(drop=True)
    monthly = Frequency("monthly", "MS", 12)
    assert len(suspected_outliers(gapped, monthly)) == 0  # row by row, each month after a gap met the wrong season
    spiked = gapped.assign(y=np.where(gapped["ds"] == "2019-03-01", gapped["y"] + 150, gapped["y"]))
    assert suspected_outliers(spiked, monthly)["Date"].tolist() == ["2019-03"]


def test_a_step_is_no_outlier_but_a_short_burst_is() -> None:
    rng = np.random.default_rng(0)
    t = np.arange(240)
    values = 100 + 0.3 * t + 8 * np.sin(2 * np.pi * t / 12) + rng.standard_normal(240)
    stepped = values + 40 * (t >= 120)
    assert not _flagged(stepped, 12).any()
    burst = values.copy()
    burst[[100, 101]] += 12
    assert np.flatnonzero(_flagged(burst, 12)).tolist() == [100, 101]


def test_the_table_is_capped_and_most_unusual_first() -> None:
    rng = np.random.default_rng(2)
    values = 50 + rng.standard_normal(2000)
    values[np.arange(20, 2000, 40)] += np.linspace(8, 20, 50)  # 50 spikes, the later the larger
    frame = pd.DataFrame({"ds": np.arange(2000), "y": values})
    table = suspected_outliers(frame, Frequency("steps", None, 1))
    assert len(table) == MAX_OUTLIERS and table.columns[0] == "Step"
    how = table[OUTLIER_COLUMNS[2]]
    assert how.is_monotonic_decreasing and (table["Step"].astype(int) > 1000).all()  # the larger half


@pytest.mark.parametrize(("values", "expected"), [
    (np.full(60, 3.0), []),
    (np.r_[np.full(30, 3.0), 9.0, np.full(29, 3.0)], [30]),
    (np.array([1.0, 2.0]), []),
    (np.array([5.0]), []),
])
def test_edge_cases(values: np.ndarray, expected: list[int]) -> None:
    assert np.flatnonzero(_flagged(values, 12)).tolist() == expected


def test_a_series_with_zeros_keeps_its_expected_values_non_negative() -> None:
    values, season, _, _ = _sunspot_like(np.random.default_rng(5))
    assert (values == 0).mean() > 0.02
    assert (outlier_scores(values, season).expected >= 0).all()


def test_the_caption_is_one_sentence_naming_the_limit() -> None:
    assert OUTLIER_CAPTION.endswith(".") and OUTLIER_CAPTION.count(". ") == 0
    assert f"{OUTLIER_LIMIT:g} times" in OUTLIER_CAPTION and str(MAX_OUTLIERS) in OUTLIER_CAPTION


def test_stamps_are_written_as_short_as_their_frequency_allows() -> None:
    stamp = pd.Timestamp("2021-10-01")
    assert format_stamp(stamp, Frequency("quarterly", "QS-OCT", 4)) == "2021 Q4"  # not 2021-10
    assert format_stamp(stamp, Frequency("monthly", "MS", 12)) == "2021-10"
    assert format_stamp(stamp, Frequency("yearly", "YS", 1)) == "2021"


@pytest.mark.parametrize("values", [10000 + 150 * np.arange(60.0),
                                    1000 * 1.01 ** np.arange(96) + np.random.default_rng(1).normal(0, 0.2, 96)])
def test_the_ends_of_a_trending_series_are_not_outliers(values: np.ndarray) -> None:
    # The first and last points have neighbours on one side only: their median lies two steps along the trend.
    frame = pd.DataFrame({"ds": pd.date_range("2015-01-01", periods=len(values), freq="MS"), "y": values})
    assert len(suspected_outliers(frame, Frequency("monthly", "MS", 12))) == 0
    if np.all(np.diff(values, 2) == 0):  # a jump at the end of the noisy series still stands out
        return
    spiked = frame.assign(y=np.where(frame.index == len(frame) - 1, frame["y"] * 1.3, frame["y"]))
    found = suspected_outliers(spiked, Frequency("monthly", "MS", 12))
    assert len(found) == 1 and found["Expected"].iloc[0] == pytest.approx(values[-1], rel=0.01)


def test_rows_dropped_for_blank_cells_are_counted_as_missing_time_stamps() -> None:
    from core.data.tidy import LoadOptions, load_series

    months = pd.date_range("2020-01-01", periods=24, freq="MS").strftime("%Y-%m-%d")
    values = [str(100 + k) for k in range(24)]
    values[5] = values[17] = ""
    csv = "month,sales\n" + "\n".join(f"{m},{v}" for m, v in zip(months, values)) + "\n"
    series = load_series(csv.encode(), "drop.csv", LoadOptions(missing="drop"))
    assert len(series.frame) == 22 and series.report.gaps == 2  # counted before the drop: 0, and no warning


def test_filling_missing_time_stamps_with_drop_interpolates_the_inserted_ones() -> None:
    from core.data.tidy import LoadOptions, load_series

    months = pd.date_range("2020-01-01", periods=24, freq="MS")
    kept = [k for k in range(24) if k not in (5, 17)]
    csv = "month,sales,price\n" + "\n".join(f"{months[k]:%Y-%m-%d},{100 + 2 * k},{k}" for k in kept) + "\n"
    series = load_series(csv.encode(), "gaps.csv", LoadOptions(missing="drop", fill_gaps=True, regressors=("price",)))
    assert list(series.frame.columns) == ["ds", "y", "price"]  # a regressor made the mask the wrong shape
    assert any(notice.startswith("With 'Fill missing time stamps', rows with a blank cell are interpolated")
               for notice in series.report.notices)
    assert series.frame["ds"].tolist() == list(months) and series.report.gaps == 0  # they were inserted, then dropped
    assert series.frame["y"].tolist() == [100.0 + 2 * k for k in range(24)]  # a straight line between neighbours
    assert series.report.filled_targets == (5, 17) and series.report.rows_dropped == 0


def test_one_time_stamp_on_three_rows_is_one_repeated_stamp() -> None:
    from core.data.tidy import load_series

    csv = "date,v\n" + "".join(f"2024-01-{d:02d},{d}\n" for d in range(1, 13)) + "2024-01-05,7\n2024-01-05,9\n"
    series = load_series(csv.encode(), "x.csv")
    assert series.report.duplicate_stamps_aggregated == 1  # was 2: the rows beyond the first
    assert "3 rows on 1 repeated time stamp were combined by their mean." in series.report.notices[0]
    assert series.frame.set_index("ds").loc["2024-01-05", "y"] == 7.0


def test_the_count_of_suspected_outliers_is_all_of_them_not_the_twenty_listed() -> None:
    from core.data.quality import summarize
    from core.data.tidy import load_series

    rng = np.random.default_rng(0)
    values = 100 + rng.normal(0, 1, 400)
    values[np.arange(10, 390, 12)[:30]] += 25  # 30 spikes of 25 typical deviations
    days = pd.date_range("2020-01-01", periods=400, freq="D")
    csv = "date,value\n" + "".join(f"{d:%Y-%m-%d},{v:.3f}\n" for d, v in zip(days, values))
    quality = summarize(load_series(csv.encode(), "spikes.csv"))
    assert len(quality.outliers) == MAX_OUTLIERS and quality.suspected == 30  # the metric showed 20


def test_every_day_of_a_three_day_holiday_peak_is_suspected() -> None:
    # Two Christmas peaks of three days each in a daily series with a weekly pattern: the days of a peak raised each
    # other's neighbour medians, and 2 of the 6 (one of them the largest of its year) were not listed.
    rng = np.random.default_rng(3)
    days = pd.date_range("2022-01-01", "2023-12-31", freq="D")
    week = np.array([0.8, 1.0, 1.05, 1.1, 1.05, 0.9, 0.7])[days.day_of_week]
    visits = 1200 * week + rng.normal(0, 40, len(days)) + np.linspace(0, 300, len(days))
    peaks = [f"{year}-12-{day}" for year in (2022, 2023) for day in (24, 25, 26)]
    for stamp, bump in zip(peaks, (1300, 1500, 1400) * 2):
        visits[days.get_loc(pd.Timestamp(stamp))] += bump
    table = suspected_outliers(pd.DataFrame({"ds": days, "y": np.round(visits)}), Frequency("daily", "D", 7))
    assert sorted(table["Date"]) == peaks
    assert (table["Expected"] < 1700).all()  # what the days around expected, not the peak's own level


def test_a_value_typed_with_digits_too_many_is_a_gross_error_and_nothing_else_is() -> None:
    values = sine_values(84)
    typed = values.copy()
    typed[40] = 5000.0
    found = gross_errors(monthly_frame(typed), MONTHLY)
    assert list(found.rows) == [40] and found.values[0] == 5000.0 and abs(found.expected[0] - values[40]) < 8
    assert not len(gross_errors(monthly_frame(values), MONTHLY).rows)  # a clean series has none
    at_end = values.copy()
    at_end[-1] = 5000.0  # the start of a new level looks the same from one side: not said to be an error
    assert not len(gross_errors(monthly_frame(at_end), MONTHLY).rows)
    orders = np.zeros(84)
    orders[40] = 5.0  # intermittent demand: its rare orders are the series
    assert not len(gross_errors(monthly_frame(orders), MONTHLY).rows)
    two = typed.copy()
    two[60] = 5000.0
    assert list(gross_errors(monthly_frame(two), MONTHLY).rows) == [40, 60]  # two typed in 84 rows
    several = two.copy()
    several[10] = 5000.0  # three in 84 rows: the series' own tails, not typing errors
    assert not len(gross_errors(monthly_frame(several), MONTHLY).rows)

    launch = values.copy()
    launch[0] = 0.0  # a launch month, one-sided like the last rows: the series' own start
    assert not len(gross_errors(monthly_frame(launch), MONTHLY).rows)
    noise = np.random.default_rng(1)
    noise.normal(size=120)
    step = np.where(np.arange(120) < 80, 50.0, 80.0) + noise.normal(0, 0.5, 120)
    assert step[79] < step[76:79].min()  # the last value before a step, a little low: no error (it was replaced)
    assert not len(gross_errors(monthly_frame(step), MONTHLY).rows)
    step[40] = 500.0
    assert list(gross_errors(monthly_frame(step), MONTHLY).rows) == [40]
    peaks = 100 + np.random.default_rng(0).normal(0, 2, 96)
    peaks[11::12] += 400
    peaks[71] = 50.0  # a December typed with a digit lost: near its neighbours, far from its season's 500s
    assert list(gross_errors(monthly_frame(peaks), MONTHLY).rows) == [71]


def test_a_charge_on_the_same_day_of_every_month_is_no_gross_error_but_a_single_one_is() -> None:
    # AWS Cost Explorer's daily costs near 800 with tax and support fees of 1,400 billed every 1st: February's and
    # March's totals were replaced as typing errors, and auto's forecast left them out
    days = pd.date_range("2024-01-01", periods=91, freq="D")
    costs = 800 + 20 * np.sin(np.arange(91) / 3) + np.where(days.day == 1, 1400.0, 0.0)
    daily = Frequency("daily", "D", 7)
    frame = pd.DataFrame({"ds": days, "y": costs})
    assert not len(gross_errors(frame, daily).rows)
    once = np.where(days.day == 1, costs - 1400.0, costs)
    once[45] += 1400.0  # a single day so far out: still replaced
    assert list(gross_errors(frame.assign(y=once), daily).rows) == [45]
    shop = pd.Series(800 + 20 * np.sin(np.arange(91) / 3), index=days).where(days.dayofweek != 6, 0.0)
    typo = shop.copy()
    typo[pd.Timestamp("2024-03-14")] = 86.0  # a digit lost, with a closed Sunday's 0 a month on: still replaced
    assert list(gross_errors(frame.assign(y=typo.to_numpy()), daily).rows) == [days.get_loc("2024-03-14")]


def test_a_holidays_price_on_its_date_every_year_is_no_gross_error() -> None:
    # Guesty's nightly rates: the 4th of July at a premium in both years was replaced as a typing error
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    rates = 190 + 10 * np.sin(np.arange(len(days)) / 5) + np.where((days.month == 7) & (days.day == 4), 110.0, 0.0)
    daily = Frequency("daily", "D", 7)
    assert not len(gross_errors(pd.DataFrame({"ds": days, "y": rates}), daily).rows)
