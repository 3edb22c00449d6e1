"""The regressions' time index follows the calendar across missing time stamps (``features.time_steps``): a shop's
holidays, absent from its export, no longer move the weekly wave of every later week onto other weekdays."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import STEPS, calendar_places, infer_frequency
from core.evaluation.pipeline import RunRequest, run
from core.models.features import history_clock, steps_after, time_steps
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
    first = history_clock(shop["ds"], frequency)[1]
    ahead = steps_after(first, steps[-1], pd.Series(pd.date_range("2023-02-11", periods=3)), frequency, len(shop))
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


def test_a_fit_that_counted_rows_forecasts_the_rows_after_it_counted_on() -> None:
    # Stamps too far apart for the calendar (3,002 days missing in 200 rows): the fit counts rows, and its forecast
    # was placed on the calendar, 3,201 where the line of the rows gives 200.
    days = pd.date_range("2020-01-01", periods=200, freq="D")
    ds = pd.Series(days.where(np.arange(200) < 100, days + pd.Timedelta(days=3002)))
    line = pd.DataFrame({"ds": ds, "y": np.arange(200.0)})
    frequency = infer_frequency(line["ds"])
    assert calendar_places(line["ds"], frequency) is None and history_clock(line["ds"], frequency)[1] is None
    from core.models.features import FeatureSpec
    from core.models.regression import RegressionForecaster

    model = RegressionForecaster("linear", FeatureSpec(), TrainConfig(optimizer=EXACT)).fit(line, frequency)
    future = pd.DataFrame({"ds": pd.date_range(ds.iloc[-1] + pd.Timedelta(days=1), periods=3)})
    assert np.allclose(model.forecast(future), [200, 201, 202], atol=1e-6)


def test_an_exact_backtest_steps_aside_where_an_origins_rows_would_be_placed_otherwise() -> None:
    from core.evaluation.intervals import BacktestPlan, backtest_errors
    from core.models.regression import RegressionForecaster
    from core.models.features import FeatureSpec

    shop = _shop(300, missing=(10, 11, 12))
    shop.loc[250, "ds"] += pd.Timedelta(hours=12)  # one reading at noon, after every origin: the whole counts rows
    frequency = infer_frequency(shop["ds"])
    model = RegressionForecaster("linear", FeatureSpec(), TrainConfig(optimizer=EXACT))
    plan = BacktestPlan(20, (100, 150, 200))
    assert model.exact_backtest(shop, frequency, plan) is None  # the origins' rows are on the calendar
    errors = backtest_errors(shop, frequency, lambda: RegressionForecaster("linear", FeatureSpec(),
                                                                           TrainConfig(optimizer=EXACT)), plan)
    assert errors.shape == (3, 20) and np.isfinite(errors).all()
    regular = _shop(300, missing=(10, 11, 12))  # on the calendar: one design matrix, as each origin's refit
    quick = model.exact_backtest(regular, frequency, plan)
    assert quick is not None
    for row, origin in enumerate(plan.origins):
        refit = RegressionForecaster("linear", FeatureSpec(), TrainConfig(optimizer=EXACT)).fit(
            regular.iloc[:origin], frequency)
        ahead = regular.iloc[origin:origin + 20]
        assert np.allclose(quick[row], refit.forecast(ahead) - ahead["y"].to_numpy(), atol=1e-8)


def test_gaps_among_stamps_off_the_calendar_are_said_to_be_counted_in_rows_by_every_model() -> None:
    # Month ends on the last business day, 6 months missing: read as month ends (ME), the stamps are off that calendar,
    # so the regressions count rows too, and the notice said they placed each row by its stamp.
    from core.data.tidy import load_series
    from core.panel.run import loading_notes
    from core.ui.session import gaps_text

    days = pd.date_range("2015-01-01", periods=60, freq="BME")
    kept = [i for i in range(60) if i not in (5, 6, 20, 33, 34, 40)]
    series = load_series(("date,y\n" + "".join(f"{days[i]:%Y-%m-%d},{2 * i + 7}\n" for i in kept)).encode(), "m.csv")
    assert (series.frequency.alias, series.report.gaps, series.report.off_calendar) == ("ME", 6, True)
    assert "some stamps are off the series' calendar: the models count rows (only multi's" in gaps_text(series.report, 6)
    assert any("the models count rows (only multi's" in note for note in loading_notes(series))
    shop = _shop(60, missing=(10, 11))
    on_calendar = load_series(shop.assign(ds=shop["ds"].dt.strftime("%Y-%m-%d")).to_csv(index=False).encode(), "d.csv")
    assert not on_calendar.report.off_calendar and "every model keeps each row at its time stamp" in gaps_text(
        on_calendar.report, on_calendar.report.gaps)
