"""The dynamic optimised Theta model: its running least-squares line, its recursion and its forecasts."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import Frequency, infer_frequency
from core.models.files import load_model, model_bytes
from core.models.smoothing import (DynamicThetaForecaster, ExponentialSmoothingForecaster, running_line,
                                   smoothed_from_zero, theta_means)
from tests.conftest import monthly_frame, seasonal_values, steps

STEPS = Frequency("steps", None, 1)


def test_the_running_line_is_the_least_squares_line_of_the_rows_so_far() -> None:
    values = np.random.default_rng(3).normal(size=40).cumsum()
    intercepts, slopes = running_line(values)
    assert (intercepts[0], slopes[0]) == (values[0], 0.0)
    for t in (2, 3, 17, 40):
        slope, intercept = np.polyfit(np.arange(1, t + 1), values[:t], 1)
        assert np.isclose(slopes[t - 1], slope) and np.isclose(intercepts[t - 1], intercept)


def test_the_blockwise_smoothing_equals_the_recursion_across_block_edges() -> None:
    alphas = np.array([0.1, 0.5, 0.99])
    for n in (1, 7, 64, 65, 200):
        values = np.random.default_rng(n).normal(50, 20, size=n)
        expected = np.zeros((3, n + 1))
        for t in range(1, n + 1):
            expected[:, t] = alphas * values[t - 1] + (1 - alphas) * expected[:, t - 1]
        np.testing.assert_allclose(smoothed_from_zero(values, alphas, block=16), expected, rtol=1e-12, atol=1e-12)


def test_simple_exponential_smoothing_matches_its_recursion_written_out() -> None:
    values = np.random.default_rng(7).normal(50, 5, size=300)
    for alpha in (0.05, 0.5, 1.0):
        level, expected = values[0], np.empty(len(values))
        for t, value in enumerate(values):
            expected[t] = level
            level = alpha * value + (1 - alpha) * level
        fitted, final = ExponentialSmoothingForecaster._smooth(values, alpha)
        np.testing.assert_allclose(fitted, expected, rtol=1e-10)
        assert np.isclose(final, level, rtol=1e-10)


def test_without_the_trend_line_the_recursion_is_simple_exponential_smoothing() -> None:
    values = np.random.default_rng(4).normal(10, 2, size=30)
    intercepts, slopes = running_line(values)
    means, levels = theta_means(values, intercepts, slopes, np.array([0.3]), np.array([0.0]), np.array([values[0]]))
    fitted, level = ExponentialSmoothingForecaster._smooth(values, 0.3)  # starts at the first value too
    np.testing.assert_allclose(means[0, 1:], fitted[1:])
    assert np.isclose(levels[0, -1], level)


def test_a_straight_line_is_continued() -> None:
    line = pd.DataFrame({"y": 5 + 2 * np.arange(60.0)})
    model = DynamicThetaForecaster(1).fit(line, STEPS)
    # Exact only as theta grows without bound (the line's weight 1 - 1/theta reaches 1); its bound leaves 0.2%.
    np.testing.assert_allclose(model.forecast(steps(12)), 5 + 2 * np.arange(60.0, 72.0), rtol=2e-3)
    assert model.theta_ > 10  # the line carries the forecast, not the smoothed level


def test_a_multiplicative_season_on_a_trend_is_forecast_within_two_percent() -> None:
    t = np.arange(144)
    values = (100 + 2 * t) * (1 + 0.2 * np.sin(2 * np.pi * t / 12))
    frame = monthly_frame(values)
    model = DynamicThetaForecaster(12).fit(frame.iloc[:120], infer_frequency(frame["ds"]))
    forecast = model.forecast(steps(24))
    assert np.mean(np.abs(forecast - values[120:]) / values[120:]) < 0.02


def test_its_model_file_forecasts_the_same() -> None:
    frame = monthly_frame(seasonal_values(96, seed=2, noise=1.0))
    model = DynamicThetaForecaster(12).fit(frame, infer_frequency(frame["ds"]))
    loaded = load_model(model_bytes(model))
    np.testing.assert_allclose(loaded.forecast(steps(30)), model.forecast(steps(30)), rtol=1e-12)
    assert loaded.params() == model.params()


def test_theta_on_one_row_forecasts_that_value_flat(capfd: pytest.CaptureFixture[str]) -> None:
    # A backtest origin of one row: np.polyfit printed LAPACK's "DLASCL parameter number 4" to the terminal.
    from core.models.smoothing import ThetaForecaster

    one = pd.DataFrame({"ds": pd.to_datetime(["2020-01-01"]), "y": [7.0]})
    model = ThetaForecaster(1).fit(one, Frequency("monthly", "MS", 12))
    np.testing.assert_allclose(model.forecast(pd.DataFrame(index=range(3))), [7.0, 7.0, 7.0])
    assert "DLASCL" not in capfd.readouterr().err
