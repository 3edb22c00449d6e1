"""The ARIMA-style candidate: differences by tests, order by AICc, one linear recursion."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import Frequency, infer_frequency
from core.errors import SettingsError
from core.models.arima import ArimaForecaster
from core.models.smoothing import seasonal_strength
from core.models.auto import candidate_factories
from core.models.base import Forecaster
from tests.conftest import monthly_frame, seasonal_values, steps


def _daily(values: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=len(values), freq="D"), "y": values})


def _fit(frame: pd.DataFrame, season: int = 1, transform: str = "none") -> ArimaForecaster:
    return ArimaForecaster(season, transform).fit(frame, infer_frequency(frame["ds"]))


def test_an_ar1_series_gets_order_one_and_its_coefficient_without_differences() -> None:
    rng = np.random.default_rng(0)
    x = np.zeros(600)
    for t in range(1, 600):
        x[t] = 0.7 * x[t - 1] + rng.standard_normal()
    model = _fit(_daily(x + 10))
    params = model.params()
    assert (params["p"], params["differences"], params["seasonal_difference"]) == (1, 0, False)
    assert model.recursion_[0] == pytest.approx(0.7, abs=0.08)
    # Far ahead the forecast settles at the series' mean (about 10).
    assert model.forecast(steps(80))[-1] == pytest.approx(10, abs=0.5)


def test_a_quadratic_is_differenced_twice_and_extrapolated_exactly() -> None:
    t = np.arange(80, dtype=float)
    model = _fit(_daily(0.05 * t**2 + 3 * t + 7))
    assert model.params()["differences"] == 2 and model.params()["constant"] == 0.0
    future = np.arange(80, 100, dtype=float)
    np.testing.assert_allclose(model.forecast(steps(20)), 0.05 * future**2 + 3 * future + 7, rtol=1e-8)


def test_a_strong_season_is_differenced_and_its_pattern_carried_forward() -> None:
    frame = monthly_frame(seasonal_values(120, noise=0.3))
    model = _fit(frame, season=12)
    assert model.params()["seasonal_difference"] is True
    assert seasonal_strength(seasonal_values(120), 12) > 0.9
    truth = seasonal_values(144)[120:]
    assert float(np.mean(np.abs(model.forecast(steps(24)) - truth))) < 1.0


def test_the_recursion_equals_the_regression_on_the_differences() -> None:
    rng = np.random.default_rng(3)
    values = seasonal_values(150) + np.cumsum(rng.normal(0, 1, 150))
    model = _fit(monthly_frame(values), season=12)
    assert model.params()["seasonal_difference"] is True
    d = np.diff(values[12:] - values[:-12], n=model.differences_)
    lags = tuple(model.coefficients_)
    start = max(lags)
    predicted = model.constant_ + sum(value * d[start - lag:len(d) - lag] for lag, value in model.coefficients_.items())
    # d[t] is z[t] plus earlier values, so the one-step errors on the series are the regression's errors.
    errors = values - model.fitted_values()
    np.testing.assert_allclose(errors[len(values) - len(d) + start:], d[start:] - predicted, atol=1e-8)


def test_log_scale_forecasts_are_positive_and_the_model_file_round_trips() -> None:
    growth = 100 * np.exp(0.01 * np.arange(120)) * (1 + 0.2 * np.sin(2 * np.pi * np.arange(120) / 12))
    model = _fit(monthly_frame(growth), season=12, transform="log")
    forecast = model.forecast(steps(36))
    assert np.all(forecast > 0)
    restored = Forecaster.from_state(model.state())
    np.testing.assert_allclose(restored.forecast(steps(36)), forecast)


def test_too_few_rows_is_a_clear_message() -> None:
    with pytest.raises(SettingsError, match="needs at least"):
        _fit(_daily(np.array([1.0, 2.0, 4.0])))


def test_auto_backtests_it_on_every_scale_a_positive_series_allows() -> None:
    monthly = Frequency("monthly", "MS", 12)
    positive = candidate_factories(seasonal_values(120), monthly, 12, 0)
    assert {"none: ARIMA", "log: ARIMA"} <= set(positive)
    assert not any(name.startswith("boxcox") for name in positive)  # left out: see AUTO_TRANSFORMS
    crossing = candidate_factories(seasonal_values(120) - 80, monthly, 12, 0)
    assert "none: ARIMA" in crossing and "log: ARIMA" not in crossing
    assert positive["log: ARIMA"]().name == "log: ARIMA"


def test_a_forecast_that_runs_beyond_its_bound_is_held_there_and_says_from_which_step() -> None:
    t = np.arange(80, dtype=float)
    values = 0.05 * t**2 + 3 * t + 7  # 7 to 560: held beyond 560 + 553
    model = _fit(_daily(values))
    forecast = model.forecast(steps(120))
    future = np.arange(80, 200, dtype=float)
    reached = 0.05 * future**2 + 3 * future + 7
    first = int(np.argmax(reached > values.max() + np.ptp(values))) + 1
    assert model.held_from_ == first and model.held_at_bound() == {"ARIMA": first}
    np.testing.assert_allclose(forecast[:first - 1], reached[:first - 1], rtol=1e-8)
    bound = values.max() + np.ptp(values)
    assert forecast[first - 1] == pytest.approx(bound) and forecast.max() == pytest.approx(bound)
    model.forecast(steps(10))  # a nearer forecast stays inside: nothing held
    assert model.held_from_ is None and model.held_at_bound() == {}


def test_auto_names_each_model_it_chose_that_was_held_at_its_bound() -> None:
    from core.models.auto import EnsembleForecaster
    from core.models.trend_season import TrendSeasonForecaster
    from core.training.loop import EXACT, TrainConfig
    from core.ui.explain import result_notes
    line = _daily(5 + 2.0 * np.arange(60))  # 5 to 123: held beyond 123 + 118
    trend = TrendSeasonForecaster("none: trend", "none", (), (), TrainConfig(optimizer=EXACT, l2=1e-3))
    both = EnsembleForecaster("ensemble", [trend, ArimaForecaster(1)]).fit(line, infer_frequency(line["ds"]))
    both.forecast(steps(30))
    assert both.held_at_bound() == {}
    both.forecast(steps(100))
    held = both.held_at_bound()
    assert set(held) == {"none: trend", "ARIMA"} and all(55 <= step <= 62 for step in held.values())
    notes = result_notes({"held_at_bound": held})
    assert len(notes) == 2 and "From step" in notes[0] and "trend" in notes[0]
    assert "auto 所选的" in result_notes({"held_at_bound": held}, "zh")[0]


def test_band_refits_of_a_seasonal_arima_see_rows_enough_for_its_season() -> None:
    # 12 years of quarterly revenue (2% a quarter, a season of +-10%, 1% noise): auto chose the log ARIMA alone, and its
    # band's refits on 11 to 16 rows dropped the season: a 95% band 21.6 times as wide as its test errors needed.
    from core.evaluation.pipeline import RunRequest, run

    t = np.arange(48)
    revenue = 1000 * 1.02 ** t * np.array([0.9, 1.0, 1.05, 1.15])[t % 4]
    noisy = np.round(revenue * (1 + np.random.default_rng(5).normal(0, 0.01, 48)), 2)
    frame = pd.DataFrame({"ds": pd.date_range("2013-01-01", periods=48, freq="QS"), "y": noisy})
    frequency = infer_frequency(frame["ds"])
    arima = ArimaForecaster(4, "log").fit(frame.iloc[:33], frequency)
    assert arima.season_used_ == 4 and arima.fewest_refit_rows() == 3 * 4 + 5
    assert ArimaForecaster(4, "log").fit(frame.iloc[:17], frequency).season_used_ == 4  # there it sees the season
    assert ArimaForecaster(4, "log").fit(frame.iloc[:16], frequency).season_used_ == 1  # one row fewer, it did not
    result = run(frame, frequency, RunRequest("auto"))
    test = result.predictions[result.predictions["split"] == "test"]
    rmse = float(np.sqrt(np.mean((test["actual"] - test["predicted"]) ** 2)))
    assert result.params["chosen"] == "log: ARIMA"
    assert float(np.mean(test["upper"] - test["predicted"])) < 4 * 1.96 * rmse  # it was 21.6 times 1.96 x RMSE


def test_an_arima_that_used_no_season_asks_no_season_of_its_refits() -> None:
    walk = monthly_frame(100 + np.cumsum(np.random.default_rng(3).normal(0, 1, 45)))
    arima = ArimaForecaster(12).fit(walk, infer_frequency(walk["ds"]))
    assert arima.season_used_ == 12 and not arima.seasonal_ and 12 not in arima.coefficients_
    assert arima.fewest_refit_rows() == 1
