"""The exponential-smoothing family: the batched recursion against a scalar one written out, and
forecasts of series with a known pattern."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import Frequency
from core.models.base import Forecaster
from core.models.ets import (EtsForecaster, _grid, _names, _recurse, _recurse_forms, _start_states, akaike_weights,
                             candidate_forms)

MONTHLY = Frequency("monthly", "MS", 12)


def frame(values: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=len(values), freq="MS"), "y": values})


def scalar_holt_winters(values, m, alpha, beta, gamma, phi, level, slope, states, multiplicative):  # type: ignore[no-untyped-def]
    """Holt-Winters, one row at a time, as a textbook writes it."""
    states, sse = list(states), 0.0
    for t, y in enumerate(values):
        base = level + phi * slope
        s = states[t % m]
        predicted = base * s if multiplicative else base + s
        sse += (y - predicted) ** 2
        new_level = alpha * (y / s if multiplicative else y - s) + (1 - alpha) * base
        states[t % m] = gamma * (y / base if multiplicative else y - base) + (1 - gamma) * s
        slope = beta * (new_level - level) + (1 - beta) * phi * slope
        level = new_level
    return sse, level, slope, states


@pytest.mark.parametrize("season", ["A", "M"])
def test_batched_recursion_equals_the_scalar_one_for_every_parameter_set(season: str) -> None:
    rng = np.random.default_rng(0)
    t = np.arange(60)
    values = (100 + 0.8 * t) * (1 + 0.2 * np.sin(2 * np.pi * t / 12)) + rng.normal(0, 2, 60)
    start = (100.0, 0.5, 1 + 0.1 * np.sin(2 * np.pi * np.arange(12) / 12) if season == "M"
             else 10 * np.sin(2 * np.pi * np.arange(12) / 12))
    params = {"alpha": np.array([0.2, 0.7]), "beta": np.array([0.05, 0.3]), "gamma": np.array([0.1, 0.2]),
              "phi": np.array([0.9, 0.98])}
    sse, _, (level, slope, states) = _recurse(values, 12, "Ad", season, params, start)
    for i in range(2):
        expected = scalar_holt_winters(values, 12, *(params[k][i] for k in ("alpha", "beta", "gamma", "phi")),
                                       start[0], start[1], start[2], season == "M")
        assert sse[i] == pytest.approx(expected[0], rel=1e-12)
        assert level[i] == pytest.approx(expected[1], rel=1e-12) and slope[i] == pytest.approx(expected[2], rel=1e-12)
        np.testing.assert_allclose(states[i], expected[3], rtol=1e-12)


def test_every_form_searched_in_one_pass_scores_exactly_as_on_its_own() -> None:
    rng = np.random.default_rng(3)
    t = np.arange(72)
    values = (80 + 0.6 * t) * (1 + 0.15 * np.sin(2 * np.pi * t / 12)) + rng.normal(0, 1.5, 72)
    forms = candidate_forms(values, 12)
    assert len(forms) == 9
    grids = [_grid({name: rng.uniform(0.05, 0.9, 7) for name in _names(trend, season)}) for trend, season in forms]
    grids = [{**grid, "level0": rng.uniform(0.9, 1.1, len(grid["alpha"])), "slope0": rng.normal(0, 0.5, len(grid["alpha"]))}
             for grid in grids]
    starts = [_start_states(values, 12, trend, season) for trend, season in forms]
    together, _, _ = _recurse_forms(values, 12, forms, grids, starts)
    for (trend, season), grid, start, sse in zip(forms, grids, starts, together):
        alone, _, _ = _recurse(values, 12, trend, season, grid, start)
        np.testing.assert_array_equal(sse, alone)  # no set's arithmetic depends on the rest of the batch


@pytest.mark.parametrize("trend", ["N", "A"])
def test_forms_without_season_or_trend_recurse_as_holt_winters_with_those_parts_at_zero(trend: str) -> None:
    values = 50 + 0.4 * np.arange(40) + np.random.default_rng(2).normal(0, 1, 40)
    params = {"alpha": np.array([0.3, 0.8]), **({"beta": np.array([0.1, 0.4])} if trend == "A" else {})}
    sse, fitted, (level, slope, _) = _recurse(values, 12, trend, "N", params, (50.0, 0.4, np.zeros(1)))
    for i in range(2):
        beta = params["beta"][i] if trend == "A" else 0.0
        expected = scalar_holt_winters(values, 1, params["alpha"][i], beta, 0.0, 1.0, 50.0,
                                       0.4 if trend == "A" else 0.0, [0.0], False)
        assert sse[i] == pytest.approx(expected[0], rel=1e-12)
        assert level[i] == pytest.approx(expected[1], rel=1e-12) and slope[i] == pytest.approx(expected[2], abs=1e-12)
    assert fitted.shape == (40,) and np.isfinite(fitted).all()


def test_growing_seasonal_swings_are_forecast_multiplicatively() -> None:
    rng = np.random.default_rng(1)
    t = np.arange(120)
    pattern = 1 + 0.3 * np.sin(2 * np.pi * t / 12)
    values = (50 + 2 * t) * pattern * (1 + rng.normal(0, 0.01, 120))
    model = EtsForecaster().fit(frame(values[:96]), MONTHLY)
    assert model.params()["form"].endswith(",M)")
    forecast = model.forecast(frame(values[96:]))
    truth = (50 + 2 * t[96:]) * pattern[96:]
    assert np.mean(np.abs(forecast - truth) / truth) < 0.03


def test_a_straight_line_is_continued_and_a_flat_series_stays_flat() -> None:
    line = 10 + 3.0 * np.arange(40)
    model = EtsForecaster(("A", "N")).fit(frame(line[:30]), MONTHLY)
    np.testing.assert_allclose(model.forecast(frame(line[30:])), line[30:], rtol=1e-3)
    flat = EtsForecaster(("N", "N")).fit(frame(np.full(30, 7.0)), MONTHLY)
    assert flat.forecast(frame(np.zeros(5))).shape == (5,)
    np.testing.assert_allclose(flat.forecast(frame(np.zeros(5))), 7.0, rtol=1e-9)


def test_forms_follow_what_the_series_supports() -> None:
    assert ("A", "M") in candidate_forms(np.arange(1.0, 40.0), 12)
    assert all(season != "M" for _, season in candidate_forms(np.arange(-5.0, 35.0), 12))
    assert all(season == "N" for _, season in candidate_forms(np.arange(1.0, 20.0), 12))


def test_a_fitted_model_survives_its_model_file_form() -> None:
    values = 100 + 10 * np.sin(2 * np.pi * np.arange(48) / 12) + np.arange(48)
    model = EtsForecaster().fit(frame(values), MONTHLY)
    again = Forecaster.from_state(model.state())
    np.testing.assert_allclose(again.forecast(frame(np.zeros(12))), model.forecast(frame(np.zeros(12))))


def test_akaike_weights_are_each_forms_relative_likelihood() -> None:
    weights = akaike_weights([10.0, 12.0, 20.0])
    expected = np.exp([0.0, -1.0, -5.0])
    np.testing.assert_allclose(weights, expected / expected.sum(), rtol=1e-12)
    np.testing.assert_allclose(akaike_weights([5.0]), [1.0])


def seasonal_series(months: int = 84, seed: int = 4) -> np.ndarray:
    t = np.arange(months)
    noise = np.random.default_rng(seed).normal(0, 3, months)
    return (60 + 0.8 * t) * (1 + 0.2 * np.sin(2 * np.pi * t / 12)) + noise


def test_the_weighted_forecast_is_the_akaike_weighted_mean_of_each_form_fitted_on_its_own() -> None:
    values = seasonal_series()
    weighted = EtsForecaster(weighted=True).fit(frame(values[:72]), MONTHLY)
    singles = [EtsForecaster(form).fit(frame(values[:72]), MONTHLY) for form in candidate_forms(values[:72], 12)]
    weights = akaike_weights([single.fit_.aicc for single in singles])
    future = frame(values[72:])
    expected = np.sum([w * single.forecast(future) for w, single in zip(weights, singles)], axis=0)
    np.testing.assert_allclose(weighted.forecast(future), expected, rtol=1e-12)
    np.testing.assert_allclose(weighted.fitted_values(),
                               np.sum([w * single.fitted_values() for w, single in zip(weights, singles)], axis=0),
                               rtol=1e-12)
    shares = weighted.params()["form_weights"]
    assert len(shares) > 1 and sum(shares.values()) == pytest.approx(1.0, abs=0.01)
    best = min(singles, key=lambda single: single.fit_.aicc)
    assert weighted.params()["form"] == best.params()["form"] and max(shares, key=shares.get) == best.params()["form"]


def test_the_weighted_model_survives_its_model_file_form_and_a_single_form_is_unchanged() -> None:
    values = seasonal_series(60, seed=5)
    model = EtsForecaster(weighted=True).fit(frame(values), MONTHLY)
    again = Forecaster.from_state(model.state())
    np.testing.assert_allclose(again.forecast(frame(np.zeros(12))), model.forecast(frame(np.zeros(12))), rtol=1e-12)
    single = EtsForecaster().fit(frame(values), MONTHLY)
    assert "form_weights" not in single.params() and not single.members_
    fixed = EtsForecaster(("A", "A"), weighted=True).fit(frame(values), MONTHLY)  # one form: nothing to weigh
    np.testing.assert_array_equal(fixed.forecast(frame(np.zeros(6))),
                                  EtsForecaster(("A", "A")).fit(frame(values), MONTHLY).forecast(frame(np.zeros(6))))


def test_forms_run_together_in_any_order_give_each_form_its_own_run() -> None:
    # The batch runs sorted by season kind (one slice each) and is put back in the callers' order.
    from core.models.ets import _COARSE, _grid, _names, _recurse, _recurse_forms, _start_states

    rng = np.random.default_rng(1)
    values = 100 + np.cumsum(rng.normal(size=60)) + 10 * np.sin(np.arange(60) * 2 * np.pi / 7)
    forms = [("A", "M"), ("N", "N"), ("Ad", "A"), ("N", "M"), ("A", "N")]
    starts = [_start_states(values, 7, trend, season) for trend, season in forms]
    grids = [_grid({name: np.array(_COARSE[name]) for name in _names(trend, season)}) for trend, season in forms]
    sses, first, (level, slope, states) = _recurse_forms(values, 7, forms, grids, starts)
    _, every, _ = _recurse_forms(values, 7, forms, grids, starts, every=True)
    column = 0
    for (trend, season), grid, start, sse in zip(forms, grids, starts, sses):
        alone, alone_first, (alone_level, _, alone_states) = _recurse(values, 7, trend, season, grid, start)
        sets = slice(column, column + len(alone))
        assert np.array_equal(sse, alone) and np.array_equal(every[:, column], alone_first)
        assert np.array_equal(level[sets], alone_level) and np.array_equal(states[sets, :alone_states.shape[1]],
                                                                            alone_states)
        column += len(alone)
    assert np.array_equal(first, every[:, 0])  # the predictions of the callers' first set, a multiplicative one


@pytest.mark.parametrize(("weighted", "form", "shift"),
                         [(True, None, 0.0), (False, None, -150.0), (False, ("Ad", "M"), 0.0)])
def test_a_backtest_in_one_pass_gives_the_errors_of_a_fit_at_each_origin_bit_for_bit(
        weighted: bool, form: tuple[str, str] | None, shift: float) -> None:
    """Origins from 3 rows (too few: a row of NaN) to 80 (seasonal forms join after two seasons), positive or not."""
    from core.evaluation.intervals import BacktestPlan, backtest_errors

    rng = np.random.default_rng(3)
    t = np.arange(96)
    values = (100 + 0.8 * t) * (1 + 0.2 * np.sin(2 * np.pi * t / 12)) + rng.normal(0, 3, 96) + shift
    history, plan = frame(values), BacktestPlan(14, (80, 74, 40, 25, 3))
    model = EtsForecaster(form, weighted=weighted)
    together = model.exact_backtest(history, MONTHLY, plan)
    one_by_one = np.full((5, 14), np.nan)
    for row, origin in enumerate(plan.origins[:-1]):
        ahead = history.iloc[origin:origin + 14]
        fitted = EtsForecaster(form, weighted=weighted).fit(history.iloc[:origin], MONTHLY)
        one_by_one[row, :len(ahead)] = fitted.forecast(ahead) - ahead["y"].to_numpy()
    assert together is not None and np.isnan(together[-1]).all() and np.isfinite(together[:-1]).all()
    np.testing.assert_array_equal(together, one_by_one)
    np.testing.assert_array_equal(backtest_errors(history, MONTHLY, lambda: EtsForecaster(form, weighted), plan),
                                  one_by_one)
