"""The coefficient sentences say what a person can check against least squares on the training rows."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LinearRegression

from core.data.frequency import infer_frequency
from core.data.tidy import LoadedSeries
from core.evaluation.pipeline import RunRequest, RunResult, run
from core.models.features import calendar_columns
from core.models.specs import ModelSettings
from core.ui.explain import beyond_training_note, describe_coefficients, result_notes
from tests.conftest import monthly_frame

_NUMBER = r"([+-][\d,]*\.?\d+(?:e[+-]?\d+)?)"


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _train(series: LoadedSeries, result: RunResult) -> np.ndarray:
    n = int((result.predictions["split"] == "train").sum())
    return series.frame["y"].to_numpy(dtype=float)[:n]


def test_linear_trend_is_the_least_squares_slope_per_month(air: LoadedSeries) -> None:
    result = run(air.frame, air.frequency, RunRequest("linear"))
    y = _train(air, result)
    assert len(y) == 100
    slope, intercept = np.polyfit(np.arange(100), y, 1)
    assert result.coefficients is not None
    assert result.coefficients["x"] == pytest.approx(slope, rel=1e-6)
    assert result.coefficients["intercept"] == pytest.approx(intercept, rel=1e-6)
    lines = describe_coefficients(result.coefficients, air.frequency, air.target, 100)
    assert lines[0] == f"Trend: {air.target} changes by {slope:+,.4g} per month."
    assert "2.33" in lines[0] and "233" not in lines[0]
    assert describe_coefficients(result.coefficients, air.frequency, air.target) == lines


def test_cubic_trend_terms_are_per_step_and_its_change_is_given_at_both_ends(air: LoadedSeries) -> None:
    result = run(air.frame, air.frequency, RunRequest("poly", ModelSettings(values={"degree": 3})))
    y = _train(air, result)
    cubic = np.polyfit(np.arange(100), y, 3)  # highest power first
    coefficients = result.coefficients
    assert coefficients is not None and set(coefficients) == {"intercept", "x", "x^2", "x^3"}
    ours = [coefficients["x^3"], coefficients["x^2"], coefficients["x"], coefficients["intercept"]]
    np.testing.assert_allclose(ours, cubic, rtol=1e-4)
    slope = np.polyder(np.poly1d(cubic))
    lines = describe_coefficients(coefficients, air.frequency, air.target, 100)
    trend = [line for line in lines if line.startswith("Trend")]
    assert len(trend) == 1 and not any(line.startswith("x^") for line in lines)
    found = re.search(rf"changes by {_NUMBER} per month at the start of the training span "
                      rf"and by {_NUMBER} per month at its end \(99 months later\)", trend[0])
    assert found, trend[0]
    assert _number(found.group(1)) == pytest.approx(slope(0), rel=1e-3)
    assert _number(found.group(2)) == pytest.approx(slope(99), rel=1e-3)
    assert slope(0) * slope(99) < 0 or abs(slope(0) - slope(99)) > 0.1  # the two ends differ: a real check
    without_rows = describe_coefficients(coefficients, air.frequency, air.target)
    assert "at the start of the training span." in without_rows[0]


def test_with_months_missing_and_not_filled_the_trend_is_told_per_month_across_them() -> None:
    # The regressions' time index follows the calendar across the 6 missing months: 93 training rows span 99 months,
    # '98 months later' (counting rows, they were '92 steps later', and 'per step' said why).
    from core.data.tidy import load_series
    from core.ui.explain import learned_markdown

    frame = monthly_frame(100 + 2.0 * np.arange(140) + np.sin(np.arange(140)))
    gapped = frame.drop(index=[10, 11, 12, 40, 41, 90]).reset_index(drop=True)
    csv = pd.DataFrame({"month": gapped["ds"].dt.strftime("%Y-%m-%d"), "sales": gapped["y"]}).to_csv(index=False)
    series = load_series(csv.encode(), "gaps.csv")
    assert series.report.gaps == 6
    result = run(series.frame, series.frequency, RunRequest("poly", ModelSettings(values={"degree": 2})))
    text = learned_markdown(result, series)
    assert "per month" in text and "98 months later" in text and "per step" not in text and "steps later" not in text
    assert "A step is one row" not in text.replace("\\", "")
    coefficients = result.coefficients or {}
    slope_at_end = coefficients["x"] + 2 * coefficients["x^2"] * 98  # the fitted change a month, 98 months on
    assert slope_at_end == pytest.approx(2.0, abs=0.05) and coefficients["x"] == pytest.approx(2.0, abs=0.2)


def test_a_trend_over_a_spacing_of_several_units_is_told_per_that_spacing() -> None:
    # Every 2 weeks, no gap: "Trend: Close changes by +0.1913 per step."
    from core.data.tidy import load_series
    from core.ui.explain import learned_markdown

    weeks = pd.date_range("2023-01-06", periods=50, freq="2W-FRI")
    csv = "".join(f"{week:%Y-%m-%d},{40 + 0.2 * i:.2f}\n" for i, week in enumerate(weeks))
    series = load_series(f"Date,Close\n{csv}".encode(), "x.csv")
    assert series.frequency.name == "every 2 weeks" and not series.report.gaps
    result = run(series.frame, series.frequency, RunRequest("linear"))
    assert learned_markdown(result, series).replace("\\", "").startswith("- Trend: Close changes by +0.2 every 2 weeks.")
    assert "每 2 周变化" in learned_markdown(result, series, "zh")
    curved = run(series.frame, series.frequency, RunRequest("poly", ModelSettings(values={"degree": 2})))
    assert "at its end (68 weeks later)" in learned_markdown(curved, series).replace("\\", "")  # 34 steps of 2 weeks


def test_a_year_term_beside_the_trend_is_told_with_the_trend_as_one_change_a_year() -> None:
    # Daily rows keep a year term beside the trend (the weekday terms do not give the year): a series rising 0.5 a
    # month read "Trend: -0.43 per step" beside "Year: +10.86 per calendar year", the trend alone looking like a
    # fall.
    from core.data.tidy import load_series
    from core.ui.explain import learned_markdown, trend_with_year

    rng = np.random.default_rng(10)
    days = pd.date_range("2019-01-01", periods=1100, freq="D")
    pattern = np.array([0, 3, 8, 5, -2, 6, 12.0])[days.dayofweek]
    frame = pd.DataFrame({"day": days.strftime("%Y-%m-%d"), "y": 300 + 6.0 * np.arange(1100) / 365.25 + pattern
                          + rng.normal(0, 1, 1100)}).drop(index=[20, 33, 34])
    series = load_series(frame.to_csv(index=False).encode(), "gaps.csv")
    result = run(series.frame, series.frequency, RunRequest("multi"))
    assert {"x", "year"} <= set(result.coefficients)
    train_ds = result.predictions.loc[result.predictions["split"] == "train", "ds"]
    assert trend_with_year(result.coefficients, train_ds) == pytest.approx(6.0, rel=0.15)  # 6 a year
    lines = learned_markdown(result, series).replace("\\", "").splitlines()
    assert lines[2].startswith("- Trend and year together: y changes by about +") and lines[1].startswith("- Year")
    assert trend_with_year({"x": 1.0}, train_ds) is None and trend_with_year({"x": 1.0, "year": 2.0}, pd.Series(
        np.arange(10))) is None


def test_multi_trend_per_day_is_the_least_squares_solution() -> None:
    n = 200
    rng = np.random.default_rng(4)
    ds = pd.Series(pd.date_range("2020-10-01", periods=n, freq="D"))
    weekday = np.array([0, 2, 3, 1, 4, -6, -8], dtype=float)[ds.dt.dayofweek.to_numpy()]
    frame = pd.DataFrame({"ds": ds, "y": 40 + 0.15 * np.arange(n) + weekday + rng.normal(0, 1, n)})
    frequency = infer_frequency(frame["ds"])
    assert frequency.name == "daily"
    result = run(frame, frequency, RunRequest("multi"))
    train = frame.iloc[:int(n * 0.7)]
    calendar = calendar_columns(train["ds"], frequency)
    raw = np.column_stack([np.arange(len(train), dtype=float), *calendar.values()])
    oracle = LinearRegression().fit(raw, train["y"].to_numpy())
    coefficients = result.coefficients
    assert coefficients is not None
    assert list(coefficients)[1:] == ["x", *calendar]
    assert coefficients["x"] == pytest.approx(oracle.coef_[0], rel=1e-5)
    np.testing.assert_allclose([coefficients[name] for name in calendar], oracle.coef_[1:], rtol=1e-4, atol=1e-6)
    assert coefficients["intercept"] == pytest.approx(oracle.intercept_, rel=1e-5)
    lines = describe_coefficients(coefficients, frequency, "y", len(train))
    assert lines[0] == f"Trend: y changes by {oracle.coef_[0]:+,.4g} per day."
    assert any(line.startswith("Tue:") for line in lines)


def test_seasonal_naive_on_fewer_rows_than_a_season_says_it_repeats_the_last_value() -> None:
    # 8 training rows of a monthly series: snaive became naive (the same numbers on Compare) without a word on Train.
    frame = monthly_frame(np.arange(12.0) + 10)
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("snaive"))
    notes = result_notes(result.params)
    assert any(note.startswith("The training rows are fewer than one season (12 steps)") for note in notes), notes
    assert not any("season" in note for note in result_notes(run(frame, infer_frequency(frame["ds"]),
                                                                  RunRequest("naive")).params))


@pytest.mark.parametrize(("optimizer", "lr", "advice", "epochs"), [
    ("adam", 10.0, "Train for more epochs, or lower the learning rate a little", 20),  # it stopped after 5 epochs
    ("sgd", 1.0, "Lower the learning rate", 100),  # the edge of stability: oscillates, early stop after 4 epochs
    ("sgd", 1e-5, "Raise the learning rate or the epochs", 100),  # all 100 epochs, still far
    ("sgd", 1e-5, "Raise the learning rate or the epochs", 1),  # one loss has no direction: it said lower the rate
])
def test_train_says_when_descent_stopped_short_of_the_exact_answer_and_which_way_to_turn_the_rate(
        air: LoadedSeries, optimizer: str, lr: float, advice: str, epochs: int) -> None:
    from core.models.specs import LINEAR_TRAINING
    from core.ui.explain import convergence_note

    training = LINEAR_TRAINING.with_(optimizer=optimizer, lr=lr, epochs=epochs)
    result = run(air.frame, air.frequency, RunRequest("linear", ModelSettings(training=training)))
    assert result.closed_form_gap is not None and result.closed_form_gap > 1
    note = convergence_note(result)
    assert note is not None and advice in note and f"{optimizer} at learning rate {lr:g} " in note, note
    assert convergence_note(run(air.frame, air.frequency, RunRequest("linear"))) is None  # lbfgs: there


def test_descent_short_of_an_exact_line_says_a_share_of_the_variance_not_times_a_zero_loss() -> None:
    from core.models.specs import LINEAR_TRAINING
    from core.ui.explain import convergence_note

    frame = monthly_frame(2.0 * np.arange(48.0) + 1)  # a line through every row: the exact loss is about 1e-31
    training = LINEAR_TRAINING.with_(optimizer="sgd", lr=1e-3, epochs=50)
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("linear", ModelSettings(training=training)))
    note = convergence_note(result)
    assert result.exact_loss_zero and note is not None, note
    assert "times the exact loss" not in note and "of the target's variance above the exact loss" in note, note
    from core.ui.explain import gap_metric

    shown = gap_metric(result)  # it read 5.81e+05 beside the note's 58.1%: relative to a millionth of the variance
    assert shown.endswith("% of the variance") and note.startswith(f"After 50 epochs the fit is still {shown[:-17]}")
    share = float(note.split("still ")[1].split("%")[0])  # it said "still 3.92e+05 times the exact loss above it"
    assert share > 1  # the loss over the variance (from random weights: above 100% at first)
    curved = run(monthly_frame(np.arange(48.0) ** 2), infer_frequency(frame["ds"]),
                 RunRequest("linear", ModelSettings(training=training)))
    said = convergence_note(curved) or ""
    assert not curved.exact_loss_zero and ("% above the exact loss" in said or "times the exact loss" in said), said
    from core.ui.explain import gap_words

    assert gap_words(0.0201, False) == "2.01% above the exact loss"  # read as far below it: "0.0201 times ... above"
    assert gap_words(3.2, False) == "at 4.2 times the exact loss" and gap_words(3.2, False, "zh") == "是精确解的 4.2 倍"


def test_a_constant_series_learns_no_trend_from_rounding_noise() -> None:
    frame = monthly_frame(np.full(48, 7.0))
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("linear"))
    assert result.coefficients == {"intercept": pytest.approx(7.0), "x": 0.0}  # was -8.198e-19 per month


def test_lbfgs_short_of_the_exact_answer_is_told_the_features_are_too_alike_not_to_use_lbfgs() -> None:
    from core.ui.explain import convergence_note

    years = pd.DataFrame({"ds": pd.date_range("1999-01-01", periods=25, freq="YS"),
                          "y": 20 + np.sin(np.arange(25.0)) + 0.3 * np.arange(25.0)})
    result = run(years, infer_frequency(years["ds"]), RunRequest("poly", ModelSettings(values={"degree": 10})))
    note = convergence_note(result)
    assert result.closed_form_gap is not None and result.closed_form_gap > 0.01
    assert note is not None and "nearly collinear" in note and "use lbfgs" not in note, note


def test_a_fit_within_a_ten_thousandth_of_the_variance_of_an_exact_line_has_reached_it() -> None:
    # R² 0.99999995 was "still 4.9e-06% of the target's variance above the exact loss: raise the epochs".
    from core.models.specs import LINEAR_TRAINING
    from core.ui.explain import convergence_note

    frame = monthly_frame(2.0 * np.arange(48.0) + 1)
    training = LINEAR_TRAINING.with_(optimizer="adam", lr=0.01, epochs=300)
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("linear", ModelSettings(training=training)))
    assert result.exact_loss_zero and result.metrics["train"]["r2"] > 0.9999 and convergence_note(result) is None


def test_descent_short_on_a_constant_target_says_its_loss_not_a_share_of_no_variance() -> None:
    from core.models.specs import LINEAR_TRAINING
    from core.ui.explain import convergence_note

    frame = monthly_frame(np.full(48, 7.0))
    training = LINEAR_TRAINING.with_(optimizer="sgd", lr=1e-3, epochs=50)
    note = convergence_note(run(frame, infer_frequency(frame["ds"]),
                                RunRequest("linear", ModelSettings(training=training)))) or ""
    assert "which is 0 for a constant target" in note and "variance" not in note, note


def test_the_band_check_counts_the_test_rows_inside_each_band() -> None:
    from core.ui.explain import band_coverage_note

    actual = np.arange(10.0)
    rows = pd.DataFrame({"split": ["train"] * 5 + ["test"] * 10, "actual": np.r_[np.zeros(5), actual],
                         "lower": np.r_[[np.nan] * 5, actual - 1], "upper": np.r_[[np.nan] * 5, actual + 1],
                         "lower_80": np.r_[[np.nan] * 5, actual - 1], "upper_80": np.r_[[np.nan] * 5, actual + 1]})
    rows.loc[rows.index[-3:], ["lower_80", "upper_80"]] = [[100.0, 101.0]] * 3  # 3 of 10 test rows outside the 80% band
    rows.loc[rows.index[-1], ["lower", "upper"]] = [-5.0, -4.0]  # 1 outside the 95% band
    assert band_coverage_note(rows) == ("Band check on the 10 test rows, which the band never saw: the 80% band "
                                        "held 70% of the actual values and the 95% band 90%.")
    assert "10 个测试行" in (band_coverage_note(rows, "zh") or "")
    assert band_coverage_note(rows.assign(lower=np.nan)) is None  # no band: nothing to check
    assert band_coverage_note(rows[rows["split"] == "train"]) is None  # no test rows


def test_a_band_far_wider_than_the_test_errors_needed_is_said() -> None:
    # A 95% band of [0, 5,417] around forecasts missing by 36 "held 100%" and read as a success.
    from core.ui.explain import band_width_note

    predicted = np.full(10, 100.0)
    miss = np.where(np.arange(10) % 2, 1.0, -1.0)  # a test RMSE of 1
    rows = pd.DataFrame({"split": ["test"] * 10, "actual": predicted + miss, "predicted": predicted,
                         "lower": np.zeros(10), "upper": predicted + 10.0})  # the lower side cut at 0: not read
    assert band_width_note(rows) == ("The 95% band is 5.1 times as wide as these errors needed (on average 10 above "
                                     "the forecast, against 1.96 times the test RMSE, 1.96): the backtest inside the "
                                     "training rows, which sets it, missed by more than the model did here.")
    assert "5.1 倍" in (band_width_note(rows, "zh") or "")
    assert band_width_note(rows.assign(upper=predicted + 5.0)) is None  # 2.6 times: a band may be a little wide
    assert band_width_note(rows.assign(actual=predicted)) is None  # no error to compare with


def test_test_rows_past_the_backtested_steps_are_counted_and_checked_on_their_own() -> None:
    from core.ui.explain import band_beyond_note

    actual = np.arange(10.0)
    rows = pd.DataFrame({"split": ["train"] * 5 + ["test"] * 10, "actual": np.r_[np.zeros(5), actual],
                         "lower": np.r_[[np.nan] * 5, actual - 1], "upper": np.r_[[np.nan] * 5, actual + 1],
                         "lower_80": np.r_[[np.nan] * 5, actual - 1], "upper_80": np.r_[[np.nan] * 5, actual + 1]})
    rows.loc[rows.index[-2:], ["lower_80", "upper_80"]] = [[100.0, 101.0]] * 2  # the last 2 outside the 80% band
    assert band_beyond_note(rows, 6) == (
        "The band was measured on forecasts up to 6 steps ahead; beyond, on 4 test rows, it is only widened with the "
        "square root of the steps, not measured: there the 80% band held 50% of the actual values and the 95% band "
        "100%.")
    assert "; beyond, on 1 test row, it is" in (band_beyond_note(rows, 9) or "")  # was "1 test row lie"
    assert "4 个测试行" in (band_beyond_note(rows, 6, "zh") or "")
    assert band_beyond_note(rows, 10) is None  # every test row within the backtested steps
    assert band_beyond_note(rows, 12) is None


def _split_rows(train: np.ndarray, actual: np.ndarray, predicted: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"actual": np.concatenate([train, actual]), "predicted": np.concatenate([train, predicted]),
                         "split": ["train"] * len(train) + ["test"] * len(actual)})


def test_test_predictions_far_past_the_training_values_that_miss_are_said() -> None:
    counts = np.tile([0.0, 3, 8, 2, 5], 28)  # 0 to 8
    rising = np.linspace(5, 21.09, 60)  # a network's time input carried up past 21
    said = beyond_training_note(_split_rows(counts[:140], counts[:60], rising))
    assert said is not None and said.startswith("The test predictions reach 21.09, beyond the training values (0 to 8)")
    assert "against 2.6)" in said and said.endswith("or auto, may suit this series better.")  # 5 repeated
    by_auto = beyond_training_note(_split_rows(counts[:140], counts[:60], rising), model="auto")
    assert by_auto is not None and "or auto" not in by_auto  # auto is not sent to itself
    assert beyond_training_note(_split_rows(counts[:140], counts[:60], np.full(60, 12.0))) is None  # within a range
    t = np.arange(100.0)
    square = t ** 2  # a quadratic trend carried on far past the training values, and right
    assert beyond_training_note(_split_rows(square[:70], square[70:], square[70:] + 1)) is None


def test_the_test_rows_scored_are_counted_where_the_loader_filled_some() -> None:
    # A typed year 2108 and its 1,061 filled months left one of 337 test rows scored: "test MAE 0", nothing said.
    from core.ui.explain import metric_notes

    values = 100 + 2.0 * np.arange(60) + 5 * np.sin(np.arange(60))
    frame = monthly_frame(values)
    blanks = list(range(45, 58))  # 13 of the 18 test rows filled
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("linear"), filled=blanks)
    assert "The test metrics count the 5 test rows whose value the file gave, of 18" in " ".join(metric_notes(result))
    plain_run = run(frame, infer_frequency(frame["ds"]), RunRequest("linear"))
    assert not any("test metrics count" in note for note in metric_notes(plain_run))


def test_a_mini_batch_larger_than_the_training_rows_is_said() -> None:
    # 4,096 of 100 training rows ran as the full batch without a word (the lab said it).
    from core.training.loop import TrainConfig
    from core.ui.explain import result_warnings

    frame = monthly_frame(2.0 * np.arange(48.0) + 1)
    settings = {"optimizer": "sgd", "batch": "mini", "epochs": 5, "lr": 0.01}
    big, small = (run(frame, infer_frequency(frame["ds"]), RunRequest("linear", ModelSettings(
        training=TrainConfig(batch_size=size, **settings)))) for size in (4096, 8))  # type: ignore[arg-type]
    assert any(w.startswith("A mini-batch of 4,096 rows was asked for, but the training holds 33 rows")
               for w in result_warnings(big))
    assert not any("mini-batch of" in w for w in result_warnings(small))


def test_a_split_leaving_a_few_test_rows_is_said_beside_the_metrics() -> None:
    # A fraction of 0.95 carried from 144 rows to 40 left 2 test rows: said on the Data page, not where the metrics are.
    from core.ui.explain import result_warnings

    frame = monthly_frame(2.0 * np.arange(40.0) + 1)
    few = run(frame, infer_frequency(frame["ds"]), RunRequest("linear", train_fraction=0.95))
    assert "Only 2 rows to test on: these test metrics say little. Lower the train fraction on the Data page to test " \
        "on more." in result_warnings(few, fraction=0.95)
    enough = run(frame, infer_frequency(frame["ds"]), RunRequest("linear"))
    assert not any("to test on" in w for w in result_warnings(enough, fraction=0.7))


def test_a_mape_swamped_by_actuals_near_zero_is_said_beside_it() -> None:
    from core.ui.explain import mape_near_zero_note, metric_notes

    months = pd.date_range("2000-01-01", periods=60, freq="MS")
    temperature = -5 + 8 * np.sin(2 * np.pi * np.arange(60) / 12)  # crosses 0: a few months near it
    temperature[7] = 0.02
    frame = pd.DataFrame({"ds": months, "y": temperature})
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("naive"))
    assert result.metrics["train"]["mape"] is not None and result.metrics["train"]["mape"] > 100
    note = mape_near_zero_note(result.predictions)
    typical = float(np.median(np.abs(temperature[1:])))
    assert note == ("MAPE divides each error by its actual value, and some actual values here are near 0 (0.02 in "
                    f"size, where half of them are {typical:.4g} or more in size), so those rows make most of it: "
                    "compare by MAE, RMSE or MASE.") and note in metric_notes(result)
    level = pd.DataFrame({"ds": months, "y": 100 + temperature})  # far from 0: nothing to say
    assert mape_near_zero_note(run(level, infer_frequency(level["ds"]), RunRequest("naive")).predictions) is None


def test_a_band_that_could_not_be_measured_says_why() -> None:
    from core.ui.explain import metric_notes, no_band_note

    years = pd.DataFrame({"ds": pd.date_range("2009-01-01", periods=15, freq="YS"),
                          "y": 200 + 7.0 * np.arange(15) + np.resize([1.5, -2.0, 0.5], 15)})
    result = run(years, infer_frequency(years["ds"]), RunRequest("ar"))  # 10 training rows: no refit at any origin
    assert result.band is None and result.predictions["lower"].isna().all()
    note = no_band_note(result)
    assert note is not None and note.startswith("The test rows have no prediction band: its backtest refits 'ar' on "
                                                "fewer rows than the 10 training rows") and note in metric_notes(result)
    linear = run(years, infer_frequency(years["ds"]), RunRequest("linear"))
    assert linear.band is not None and no_band_note(linear) is None


def test_an_autoregressions_lags_in_words_reproduce_its_fitted_values(air: LoadedSeries) -> None:
    from core.ui.explain import describe_coefficients

    result = run(air.frame, air.frequency, RunRequest("ar"))  # lags 1-12 of the values, by least squares
    coefficients = dict(result.coefficients or {})
    intercept = coefficients.pop("intercept")
    phis = [coefficients[f"lag {k} of the values"] for k in range(1, 13)]
    values = air.frame["y"].to_numpy(dtype=float)
    train = result.predictions[result.predictions["split"] == "train"]
    by_hand = [intercept + sum(phi * values[t - k] for k, phi in enumerate(phis, start=1))
               for t in range(12, len(train))]
    np.testing.assert_allclose(by_hand, train["predicted"].to_numpy()[12:], rtol=1e-6)
    lines = describe_coefficients(result.coefficients or {}, air.frequency, "Passengers")
    assert len(lines) == 12 and lines[11] == f"Each value carries {phis[11]:+,.4g} times the value 12 steps before it."
    from core.models.autoregression import AutoRegressiveForecaster
    from core.models.specs import LINEAR_TRAINING

    logged = AutoRegressiveForecaster("ar", (1, 2), LINEAR_TRAINING, transform="log").fit(air.frame, air.frequency)
    assert logged.coefficients() is None  # terms on a log scale are no amounts of the series
    changes = AutoRegressiveForecaster("ar", (1, 2), LINEAR_TRAINING, first=True).fit(air.frame, air.frequency)
    fitted = changes.coefficients() or {}
    by_hand = [fitted["intercept"] + fitted["lag 1 of the changes"] * (values[t - 1] - values[t - 2])
               + fitted["lag 2 of the changes"] * (values[t - 2] - values[t - 3]) for t in range(3, len(values))]
    predicted_changes = changes.fitted_values()[3:] - values[2:-1]  # the level before, plus the change predicted
    np.testing.assert_allclose(by_hand, predicted_changes, rtol=1e-6, atol=1e-6)


def test_the_fewer_lags_note_names_the_models_lags_as_a_number() -> None:
    # The model's params write the lags asked for as '1-12: more than the training rows allow': max() of that text
    # was its largest letter ("fewer than the model's w").
    from core.ui.explain import result_notes

    said = result_notes({"lags": (1, 2, 3, 4), "lags_asked": "1-12: more than the training rows allow"})
    assert "lags 1-4 only, fewer than the model's 12 (one season by default" in said[0]
