"""Models that count rows see a history with missing time stamps filled onto its calendar (``calendar_grid``): two
months absent from a monthly export no longer move every later season by two months."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import STEPS, infer_frequency
from core.evaluation.pipeline import RunRequest, run
from core.models.auto import AutoForecaster
from core.models.baselines import SeasonalNaiveForecaster
from core.data import frequency as frequency_rules
from core.evaluation.metrics import seasonal_naive_scale
from core.models.calendar_grid import (OnCalendar, filled_history, future_on_calendar, future_places, held_on_rows,
                                      history_places)
from core.models.features import history_clock
from core.models.files import load_model, model_bytes
from core.panel.run import misaligned_stamps

SEASON = np.array([5.0, -3.0, 8.0, 1.0, -6.0, 12.0, 20.0, 18.0, 4.0, -2.0, -9.0, 7.0])


def _monthly(months: int = 96, missing: tuple[int, ...] = (), noise: float = 0.0, seed: int = 0) -> pd.DataFrame:
    """A monthly season on a rise (exact unless ``noise``), the ``missing`` months absent from the rows."""
    ds = pd.date_range("2015-01-01", periods=months, freq="MS")
    y = 200 + 1.5 * np.arange(months) + SEASON[ds.month - 1]
    y = y + np.random.default_rng(seed).normal(0, noise, months)
    return pd.DataFrame({"ds": ds, "y": y}).drop(index=list(missing)).reset_index(drop=True)


def test_a_history_with_missing_months_is_filled_onto_its_calendar_by_interpolation() -> None:
    history = _monthly(24, missing=(5, 6, 14)).assign(price=lambda frame: np.arange(len(frame), dtype=float))
    frequency = infer_frequency(history["ds"])
    grid, clock = filled_history(history, frequency)
    assert clock is not None
    places = clock.places
    assert len(grid) == 24 and np.array_equal(places, np.delete(np.arange(24), [5, 6, 14]))
    assert grid["ds"].equals(pd.Series(pd.date_range("2015-01-01", periods=24, freq="MS"), name="ds"))
    assert np.allclose(grid["y"].to_numpy()[places], history["y"])
    before, after = history["y"].iloc[4], history["y"].iloc[5]  # months 4 and 7: 5 and 6 a third and two thirds on
    assert grid["y"].iloc[5] == pytest.approx(before + (after - before) / 3)
    assert grid["price"].iloc[6] == pytest.approx(4 + 2 / 3)  # regressors too
    assert history_places(_monthly(24)["ds"], frequency) is None  # nothing missing: left as it is
    sparse = _monthly(24).iloc[::3].reset_index(drop=True)  # two of every three months missing: mostly interpolation
    assert history_places(sparse["ds"], frequency) is None
    numbers = pd.DataFrame({"ds": [1, 2, 3, 5, 6], "y": [1.0, 2.0, 3.0, 5.0, 6.0]})  # a file's own step numbers
    steps, clock = filled_history(numbers, STEPS)
    assert clock is not None and steps["ds"].tolist() == [1, 2, 3, 4, 5, 6] and steps["y"].iloc[3] == 4.0


def test_future_rows_with_a_month_skipped_are_placed_on_the_calendar() -> None:
    history = _monthly(24, missing=(5,))
    frequency = infer_frequency(history["ds"])
    first, last = history_clock(history["ds"], frequency)[1], 23.0
    future = pd.DataFrame({"ds": pd.to_datetime(["2017-01-01", "2017-02-01", "2017-04-01"]), "price": [1.0, 2.0, 4.0]})
    places = future_places(first, last, future, frequency, len(history))
    assert places.tolist() == [0, 1, 3]
    asked = future_on_calendar(future, places, frequency, first, last)
    assert asked["ds"].tolist() == list(pd.date_range("2017-01-01", periods=4, freq="MS"))
    assert asked["price"].tolist() == [1.0, 2.0, 3.0, 4.0]


def test_seasonal_naive_on_the_calendar_repeats_the_right_months_across_gaps() -> None:
    series = _monthly(48, missing=(10, 20, 40))  # two months missing in the history, one in the future
    train, test = series.iloc[:34], series.iloc[34:]
    frequency = infer_frequency(series["ds"])
    truth = test["y"].to_numpy() - 1.5 * 12  # the same month a year earlier, on the rise
    on_calendar = OnCalendar(SeasonalNaiveForecaster(12, "snaive")).fit(train, frequency)
    assert np.allclose(on_calendar.forecast(test), truth)
    counted = SeasonalNaiveForecaster(12, "snaive").fit(train, frequency).forecast(test)
    assert not np.allclose(counted, truth)  # counting rows, it repeats months two and three places off
    assert len(on_calendar.fitted_values()) == len(train)


@pytest.mark.parametrize("seed", [1, 2])
def test_auto_finds_and_forecasts_a_season_across_missing_months(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(seed)
    ds = pd.date_range("2015-01-01", periods=40, freq="MS")
    wandering = pd.DataFrame({"ds": ds, "y": 300 + np.cumsum(rng.normal(0, 1, 40)) + 2 * SEASON[ds.month - 1]})
    series = wandering.drop(index=[8, 17]).reset_index(drop=True)  # 26 training rows spanning 28 months
    frequency = infer_frequency(series["ds"])
    result = run(series, frequency, RunRequest("auto"))
    assert result.params["stamps_filled"] == 2 and result.params["season"] == 12
    assert (result.metrics["test"]["mae"] or 0) < 5  # season's swings of 58, steps of 1: within a few
    assert len(result.predictions[result.predictions["split"] == "train"]) == 26
    monkeypatch.setattr(frequency_rules, "FILLED_STAMPS_PER_ROW", 1.0)  # rows counted, as before the calendar
    counted = run(series, frequency, RunRequest("auto"))
    assert counted.params["season"] == 1 and (counted.metrics["test"]["mae"] or 0) > 10  # 26 rows: no two seasons


def test_auto_with_missing_months_saved_and_loaded_forecasts_the_same() -> None:
    series = _monthly(72, missing=(10, 40), noise=0.5)
    frequency = infer_frequency(series["ds"])
    train, test = series.iloc[:50], series.iloc[50:]
    model = AutoForecaster(seed=1).fit(train, frequency)
    loaded = load_model(model_bytes(model))
    assert np.allclose(loaded.forecast(test), model.forecast(test))
    assert isinstance(model.interval_model(), OnCalendar)


def test_mase_scale_pairs_values_a_season_apart_on_the_calendar() -> None:
    values = np.r_[SEASON, SEASON + 1.0]  # two years, the second one higher by 1
    rows = np.delete(values, [3, 4])  # two months missing: rows 12 apart are 14 months apart
    places = np.delete(np.arange(24), [3, 4])
    assert seasonal_naive_scale(rows, 12, places) == pytest.approx(1.0)  # each month against the same month
    assert seasonal_naive_scale(rows, 12) != pytest.approx(1.0)
    apart = np.r_[np.arange(10), np.arange(23, 33)]  # no two values 12 apart: the calendar's steps, then rows
    assert seasonal_naive_scale(np.arange(20, dtype=float), 12, apart) == pytest.approx(1.0)


def test_a_step_held_at_a_bound_is_counted_among_the_rows_asked() -> None:
    asked = np.array([0, 1, 3, 4])  # the third row asked is the fourth stamp
    assert held_on_rows({"ar": 4}, asked) == {"ar": 3} and held_on_rows({"ar": 3}, asked) == {"ar": 3}
    assert held_on_rows({"ar": 2}, None) == {"ar": 2}


def test_a_many_series_run_counts_gaps_as_misaligned_only_where_models_count_rows() -> None:
    from core.data.tidy import DataReport

    assert misaligned_stamps(DataReport(gaps=3)) == 0  # on the calendar: every model keeps each row at its stamp
    assert misaligned_stamps(DataReport(gaps=3, off_calendar=True)) == 3
    assert misaligned_stamps(DataReport(gaps=30, sparse_calendar=True)) == 30
