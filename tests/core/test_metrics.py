from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from core.evaluation.metrics import interval_coverage, regression_metrics, seasonal_naive_scale


def test_known_values() -> None:
    actual = np.array([100.0, 200.0, 300.0, 400.0])
    predicted = np.array([110.0, 190.0, 330.0, 400.0])
    result = regression_metrics(actual, predicted, scale=20.0)
    assert result["mae"] == pytest.approx(12.5)
    assert result["rmse"] == pytest.approx(math.sqrt((100 + 100 + 900) / 4))
    assert result["mape"] == pytest.approx((10 + 5 + 10 + 0) / 4)
    assert result["mase"] == pytest.approx(12.5 / 20)
    assert result["r2"] == pytest.approx(1 - 1100 / 50000)
    assert result["smape"] == pytest.approx(np.mean([20 / 210, 20 / 390, 60 / 630, 0]) * 100)


def test_mape_is_undefined_when_an_actual_is_zero_and_nothing_is_infinite() -> None:
    result = regression_metrics(np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.5, 2.0]), scale=None)
    assert result["mape"] is None and result["mase"] is None
    assert all(value is None or math.isfinite(value) for value in result.values())


def test_smape_counts_a_rounding_error_on_zero_actuals_as_exact_but_not_a_real_error() -> None:
    assert regression_metrics(np.zeros(4), np.full(4, 2.6e-17), scale=None)["smape"] == 0.0
    assert regression_metrics(np.zeros(4), np.full(4, 0.5), scale=None)["smape"] == pytest.approx(200.0)
    tiny = regression_metrics(np.full(4, 1e-9), np.full(4, 2e-9), scale=None)  # small units are real values
    assert tiny["smape"] == pytest.approx(200 / 3)
    # A model's noise at the zeros of a series that also holds real values: 9 of 12 actuals 0, predicted ±1e-11.
    actual = np.array([0.0] * 9 + [3.0, 5.0, 4.0])
    noise = np.array([1e-11, -1e-11] * 4 + [1e-11] + [3.0, 5.5, 4.0])
    assert regression_metrics(actual, noise, scale=None)["smape"] == pytest.approx(2 * 0.5 / 10.5 * 100 / 12)


def test_smape_counts_a_zero_forecast_of_a_zero_as_exact() -> None:
    # Naive on an intermittent series, 0 on every test row where a third of the actuals are 0: it scored 200%, the
    # score of being wrong on every row, as the rows both 0 were left out of the mean.
    actual = np.array([0.0, 0.0, 5.0, 3.0, 0.0, 4.0])
    assert regression_metrics(actual, np.zeros(6), scale=None)["smape"] == pytest.approx(200 * 3 / 6)


def test_constant_actuals_leave_r2_undefined() -> None:
    result = regression_metrics(np.full(5, 3.0), np.full(5, 3.5), scale=1.0)
    assert result["r2"] is None and result["mae"] == pytest.approx(0.5)


def test_rows_without_a_prediction_are_skipped() -> None:
    result = regression_metrics(np.array([1.0, 2.0, 3.0]), np.array([np.nan, 2.0, 4.0]), scale=1.0)
    assert result["mae"] == pytest.approx(0.5)


def test_seasonal_naive_scale() -> None:
    values = np.array([1.0, 2, 3, 4, 2, 3, 4, 5])
    assert seasonal_naive_scale(values, 4) == pytest.approx(1.0)
    assert seasonal_naive_scale(np.full(10, 2.0), 4) is None


def test_the_mase_scale_counts_only_pairs_of_values_the_file_gave(air) -> None:  # type: ignore[no-untyped-def]
    # 18 blank cells of AirPassengers, interpolated: every MASE was 6% high, its scale measured on invented values.
    from core.evaluation.pipeline import RunRequest, run

    values = np.array([1.0, 2, np.nan, 4, 2, 3, 4, 5])
    assert seasonal_naive_scale(values, 4) == pytest.approx(1.0)  # 1, 1 and 1: the pair with the blank is left out
    assert seasonal_naive_scale(np.array([1.0, np.nan, np.nan, 3]), 2) is None
    blanks = [*range(5, 18), 40, 41, 110, 111, 112]
    filled = air.frame.assign(y=air.frame["y"].astype(float))
    train = filled["y"].to_numpy()[:int(len(filled) * 0.7)].copy()
    train[[row for row in blanks if row < len(train)]] = np.nan
    pairs = np.abs(train[12:] - train[:-12])
    result = run(filled, air.frequency, RunRequest("linear"), filled=blanks)
    test = result.metrics["test"]
    assert test["mase"] == pytest.approx(test["mae"] / np.nanmean(pairs), rel=1e-12)


def test_a_band_that_misses_by_rounding_holds_the_value() -> None:
    # An exact linear fit (errors of 1e-14) with a band of the same width was reported holding 93% of the test rows.
    from core.data.frequency import Frequency
    from core.evaluation.pipeline import RunRequest, run
    from core.ui.explain import band_coverage_on_test_rows

    line = np.arange(100.0, 196.0, 2.0)
    frame = pd.DataFrame({"ds": pd.date_range("2018-01-01", periods=48, freq="MS"), "y": line})
    result = run(frame, Frequency("monthly", "MS", 12), RunRequest("linear"))
    assert band_coverage_on_test_rows(result.predictions)[1:] == (1.0, 1.0)
    actual = np.array([194.0, 192.0])
    assert interval_coverage(actual, actual + 3e-14, actual + 3e-14) == 1.0  # rounding: inside
    assert interval_coverage(actual, actual + 1e-3, actual + 1e-3) == 0.0  # a real miss stays one


def test_an_error_within_rounding_of_the_values_size_counts_as_none() -> None:
    actual = np.array([100.0, 102.0, 104.0])
    exact = regression_metrics(actual, actual + np.array([1.9e-15, -2e-14, 0.0]), scale=2.0)
    assert exact["mae"] == 0.0 and exact["rmse"] == 0.0 and exact["mape"] == 0.0 and exact["r2"] == 1.0
    near = regression_metrics(actual, actual + np.array([1e-6, 0.0, 0.0]), scale=2.0)  # a real miss stays
    assert near["mae"] == pytest.approx(1e-6 / 3)


def test_a_season_repeated_exactly_has_no_scale_for_mase_only_rounding() -> None:
    # An hourly sine repeating its day exactly: seasonal naive's changes are rounding (1.6e-14), and MASE read 2.8e14.
    hours = np.arange(24 * 14)
    day = 50 + 10 * np.sin(2 * np.pi * hours / 24)
    assert seasonal_naive_scale(day, 24) is None
    assert seasonal_naive_scale(day, 1) == pytest.approx(np.mean(np.abs(np.diff(day))))
    assert seasonal_naive_scale(day * 1e-9 + np.arange(len(day)) * 1e-12, 24) == pytest.approx(24e-12)  # tiny units
