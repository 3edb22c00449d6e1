"""auto's newer candidates: trend + Fourier seasonality regressions, the MLP on lags, forecast bounds."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.models.auto import AutoForecaster, candidate_factories
from core.models.autoregression import AutoRegressiveForecaster
from core.data.frequency import Frequency, infer_frequency
from core.models.trend_season import TrendSeasonForecaster, seasonal_periods
from core.training.least_squares import ridge_objective
from core.training.loop import TrainConfig, predict
from core.models.transforms import forecast_bounds, kpss_level, needs_differencing
from tests.conftest import monthly_frame, steps

HALF_HOURLY = Frequency("half-hourly", "30min", 48)
TRAINING = TrainConfig(optimizer="lbfgs", epochs=60, patience=3, device="cpu")


def two_cycles(n: int, noise: float = 0.0, seed: int = 0) -> pd.DataFrame:
    """Half-hourly: a daily and a weekly cycle on a slow trend."""
    t = np.arange(n)
    rng = np.random.default_rng(seed)
    y = 200 + 0.01 * t + 40 * np.sin(2 * np.pi * t / 48) + 25 * np.cos(2 * np.pi * t / 336) \
        + noise * rng.standard_normal(n)
    return pd.DataFrame({"ds": pd.date_range("2022-01-03", periods=n, freq="30min"), "y": y})


def test_sub_daily_data_get_both_cycles_when_long_enough() -> None:
    assert seasonal_periods(HALF_HOURLY, 48, 48 * 14) == (48.0, 336.0)
    assert seasonal_periods(HALF_HOURLY, 48, 48 * 10) == (48.0,)  # under two weeks: no weekly cycle
    assert seasonal_periods(Frequency("hourly", "h", 24), 24, 24 * 21) == (24.0, 168.0)
    assert seasonal_periods(Frequency("monthly", "MS", 12), 1, 120) == ()  # season not confirmed
    assert seasonal_periods(Frequency("steps", None, 1), 7, 100) == (7.0,)


def test_two_seasonalities_are_forecast_a_week_ahead() -> None:
    frame = two_cycles(48 * 21, noise=1.0)
    history, future = frame.iloc[:48 * 14], frame.iloc[48 * 14:]
    model = TrendSeasonForecaster("t", "none", (48.0, 336.0), (), TRAINING.with_(l2=1e-4)).fit(history, HALF_HOURLY)
    error = np.abs(model.forecast(future) - future["y"].to_numpy())
    weekly_naive = np.abs(history["y"].to_numpy()[-336:] - future["y"].to_numpy()[:336])
    assert error.mean() < 2.0  # the noise alone is 0.8 on average
    assert error.mean() < 0.5 * weekly_naive.mean()


def test_only_the_daily_cycle_misses_the_weekly_one() -> None:
    frame = two_cycles(48 * 21)
    history, future = frame.iloc[:48 * 14], frame.iloc[48 * 14:]
    both = TrendSeasonForecaster("b", "none", (48.0, 336.0), (), TRAINING).fit(history, HALF_HOURLY)
    daily = TrendSeasonForecaster("d", "none", (48.0,), (), TRAINING).fit(history, HALF_HOURLY)
    actual = future["y"].to_numpy()
    assert np.abs(both.forecast(future) - actual).mean() * 5 < np.abs(daily.forecast(future) - actual).mean()


def test_torch_ridge_fit_reaches_the_closed_form_ridge_minimum() -> None:
    frame = monthly_frame(50 + np.arange(96) * 0.7 + 9 * np.sin(np.arange(96) * np.pi / 6)
                          + np.random.default_rng(3).standard_normal(96))
    model = TrendSeasonForecaster("r", "none", (12.0,), (1, 2), TRAINING.with_(l2=1e-2, epochs=200)).fit(
        frame, infer_frequency(frame["ds"]))
    assert (gap := model.closed_form_gap()) is not None and gap < 1e-3


def test_ridge_objective_matches_least_squares_without_penalty() -> None:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((50, 3))
    y = x @ np.array([1.0, -2.0, 0.5]) + 3 + 0.1 * rng.standard_normal(50)
    design = np.column_stack([x, np.ones(50)])
    exact = np.mean((design @ np.linalg.lstsq(design, y, rcond=None)[0] - y) ** 2)
    assert ridge_objective(x, y, 0.0) == pytest.approx(exact, rel=1e-9)
    assert ridge_objective(x, y, 0.1) > exact


def test_changepoints_let_the_forecast_follow_the_latest_slope() -> None:
    t = np.arange(120)
    bent = np.where(t < 60, 100 + 2.0 * t, 220 - 1.0 * (t - 60))  # rises, then falls
    frame = monthly_frame(bent.astype(float))
    model = TrendSeasonForecaster("c", "none", (), (), TRAINING.with_(l2=1e-5, epochs=200)).fit(
        frame, infer_frequency(frame["ds"]))
    forecast = model.forecast(steps(12))
    assert np.all(np.diff(forecast) < 0)
    assert np.diff(forecast).mean() == pytest.approx(-1.0, abs=0.3)


def test_an_unstable_recursion_is_held_within_the_bounds() -> None:
    frame = monthly_frame(np.exp(np.linspace(0, 3, 60)))
    model = AutoRegressiveForecaster("x", (1,), TRAINING, "log").fit(frame, infer_frequency(frame["ds"]))
    model.layers_ = [(np.array([[1.5]]), np.array([0.5]))]  # force an explosive AR(1)
    low, high = forecast_bounds(np.log(frame["y"].to_numpy()))
    forecast = model.forecast(steps(500))
    assert np.all(np.isfinite(forecast)) and np.log(forecast).max() <= high + 1e-9


def test_mlp_on_lags_learns_a_nonlinear_recursion() -> None:
    x = np.empty(400)
    x[0] = 0.3
    for i in range(1, 400):
        x[i] = 3.7 * x[i - 1] * (1 - x[i - 1])  # the logistic map: no linear AR predicts it
    frame = monthly_frame(x, "1900-01-01")
    frequency = infer_frequency(frame["ds"])
    lags = (1, 2)
    mlp = AutoRegressiveForecaster("m", lags, TRAINING.with_(epochs=300, patience=20), hidden=16).fit(
        frame, frequency)
    linear = AutoRegressiveForecaster("l", lags, TRAINING).fit(frame, frequency)
    assert np.nanmean(np.abs(mlp.fitted_values() - x)) < 0.5 * np.nanmean(np.abs(linear.fitted_values() - x))
    last = mlp.scaler_.transform(x[-2:][::-1])[None, :]
    assert mlp.forecast(steps(1))[0] == pytest.approx(
        float(mlp.scaler_.inverse_transform(predict(mlp.torch_fit_.net, last))[0]), rel=1e-5)


def test_auto_offers_the_new_candidates_and_wins_on_two_cycles() -> None:
    frame = two_cycles(48 * 21, noise=2.0, seed=4)
    history, future = frame.iloc[:48 * 15], frame.iloc[48 * 15:]
    names = candidate_factories(history["y"].to_numpy(), HALF_HOURLY, 48, 0)
    assert any("trend + season" in name for name in names) and any("MLP" in name for name in names)
    auto = AutoForecaster(seed=0, horizon=len(future)).fit(history, HALF_HOURLY)
    daily_naive = np.resize(history["y"].to_numpy()[-48:], len(future))
    actual = future["y"].to_numpy()
    assert np.abs(auto.forecast(future) - actual).mean() < 0.3 * np.abs(daily_naive - actual).mean()


def test_kpss_tells_a_random_walk_from_noise_and_level_models_drop_out() -> None:
    rng = np.random.default_rng(5)
    walk, noise = 100 + rng.standard_normal(300).cumsum(), 100 + rng.standard_normal(300)
    assert kpss_level(walk) > 0.463 and kpss_level(noise) < 0.463
    assert needs_differencing(walk) and not needs_differencing(noise)
    daily = Frequency("daily", "D", 7)
    wandering, stable = candidate_factories(walk, daily, 1, 0), candidate_factories(noise, daily, 1, 0)
    assert "none: AR(1-3)" in stable and "none: AR(1-3)" not in wandering
    assert "none: ARIMA" in wandering and not any(name.startswith("MLP") for name in wandering)
    # the first difference is the ARIMA candidate's to take, by its tests: no autoregression differences regardless
    assert not any("diff AR" in name and "seasonal" not in name for name in {**wandering, **stable})


def test_a_straight_trend_takes_ar_terms_only_with_a_season_or_the_users_regressors() -> None:
    rng = np.random.default_rng(6)
    trending = 100 + 0.5 * np.arange(120) + rng.standard_normal(120)
    daily, monthly = Frequency("daily", "D", 7), Frequency("monthly", "MS", 12)
    plain = candidate_factories(trending, daily, 1, 0)
    assert "none: trend" in plain and not any(name.endswith("trend + AR(1-3)") for name in plain)
    assert "none: trend + regressors + AR(1-3)" in candidate_factories(trending, daily, 1, 0, ("temperature",))
    assert "none: trend + season + AR(1-3)" in candidate_factories(trending, monthly, 12, 0)


def test_kpss_statistic_matches_statsmodels() -> None:
    # statsmodels.tsa.stattools.kpss(walk, "c", nlags=3)[0] for this series is 1.8452709500303046
    walk = 100 + np.random.default_rng(0).standard_normal(210).cumsum()
    assert kpss_level(walk) == pytest.approx(1.8452709500303046, rel=1e-12)
