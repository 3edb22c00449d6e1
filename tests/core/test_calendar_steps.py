"""The regressions' time index follows the calendar across missing time stamps (``features.time_steps``): a shop's
holidays, absent from its export, no longer move the weekly wave of every later week onto other weekdays."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import STEPS, calendar_places, infer_frequency
from core.evaluation.pipeline import RunRequest, run
from core.models.features import first_stamp, steps_after, time_steps
from core.models.files import load_model, model_bytes
from core.models.trend_season import TrendSeasonForecaster
from core.training.loop import EXACT, TrainConfig

WEEK = np.array([10.0, 12.0, 11.0, 13.0, 18.0, 25.0, 4.0])  # Monday to Sunday


def _shop(days: int = 420, missing: tuple[int, ...] = (30, 31, 100, 250, 251, 252)) -> pd.DataFrame:
    """A weekly pattern on a slow rise, exact; the ``missing`` days absent from the rows (holidays)."""
    ds = pd.date_range("2023-01-02", periods=days, freq="D")  # a Monday
    y = 100 + 0.05 * np.arange(days) + WEEK[ds.dayofweek]
    return pd.DataFrame({"ds": ds, "y": y}).drop(index=list(missing)).reset_index(drop=True)


def test_time_steps_are_the_calendars_places_across_missing_stamps_and_rows_elsewhere() -> None:
    shop = _shop(40, missing=(3, 4, 20))
    frequency = infer_frequency(shop["ds"])
    steps = time_steps(shop["ds"], frequency)
    expected = np.delete(np.arange(40), [3, 4, 20])
    assert frequency.name == "daily" and np.array_equal(steps, expected)
    ahead = steps_after(first_stamp(shop["ds"]), steps[-1], pd.Series(pd.date_range("2023-02-11", periods=3)),
                        frequency, len(shop))
    assert np.array_equal(ahead, [40, 41, 42])  # the calendar's next days, not row 37 on
    off = shop.assign(ds=shop["ds"] + pd.to_timedelta(np.r_[np.zeros(len(shop) - 1), 0.5], unit="D"))
    assert calendar_places(off["ds"], frequency) is None  # a stamp off the calendar: the rows are counted
    assert np.array_equal(time_steps(off["ds"], frequency), np.arange(len(shop)))
    numbers = pd.Series([1, 2, 3, 7, 8])  # a file's own step numbers
    assert np.array_equal(time_steps(numbers, STEPS), [0, 1, 2, 6, 7])
    far = pd.Series(pd.to_datetime(["2000-01-01", "2000-01-02", "2090-01-01"]))  # not a series with days missing
    assert calendar_places(far, frequency) is None


def test_a_regressions_season_and_trend_stay_in_step_after_missing_days() -> None:
    shop = _shop()
    result = run(shop, infer_frequency(shop["ds"]), RunRequest("multi", train_fraction=0.7))
    test = result.predictions[result.predictions["split"] == "test"]
    assert float(np.mean(np.abs(test["actual"] - test["predicted"]))) < 1e-3  # weekday terms and the trend: exact
    line = shop.assign(y=100 + 0.05 * (shop["ds"] - shop["ds"].iloc[0]).dt.days)
    slope = (run(line, infer_frequency(line["ds"]), RunRequest("linear")).coefficients or {})["x"]
    assert slope == pytest.approx(0.05, rel=1e-5)  # a day's rise; counting rows, 6 missing days made it 0.0507


def test_auto_trend_season_candidate_keeps_the_weekdays_after_holidays_and_in_its_forecast() -> None:
    shop = _shop()
    frequency = infer_frequency(shop["ds"])
    model = TrendSeasonForecaster("none: trend + season", "none", (7.0,), (), TrainConfig(optimizer=EXACT, l2=0.0))
    model.fit(shop, frequency)
    future = pd.DataFrame({"ds": pd.date_range(shop["ds"].iloc[-1] + pd.Timedelta(days=1), periods=14)})
    expected = 100 + 0.05 * (420 + np.arange(14)) + WEEK[future["ds"].dt.dayofweek]
    assert np.allclose(model.forecast(future), expected, atol=0.05)
    read_back = load_model(model_bytes(model))  # the first stamp travels in the model file
    assert np.allclose(read_back.forecast(future), model.forecast(future))
