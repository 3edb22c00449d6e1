"""auto: transforms, backtest selection inside the training rows, intervals."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.models.auto import (ALONE_MARGIN, ANCHOR, ANCHOR_WEIGHT, BAND_ORIGINS, DYNAMIC_THETA, FORMER_NEVER_ALONE,
                              SHORT_MEMBERS, SHORT_ROWS, AutoForecaster, EnsembleForecaster, backtest_plan,
                              backtest_search, chosen_members, member_weights, models_season, week_cycle)
from core.evaluation.left_out import forecast_replaced_lines
from core.models.files import load_model, model_bytes
from core.models.autoregression import AutoRegressiveForecaster
from core.models.specs import spec_for
from core.ui.explain import selection_summary
from core.data.frequency import Frequency, infer_frequency
from core.data.tidy import load_series
from core.evaluation.pipeline import RunRequest, run
from core.training.loop import TrainConfig
from core.models.transforms import TargetTransform, confirmed_season
from tests.conftest import monthly_frame, seasonal_values, sine_values, steps


@pytest.mark.parametrize("kind", ["none", "log", "boxcox"])
def test_transforms_round_trip_exactly(kind: str) -> None:
    values = np.random.default_rng(0).uniform(0.5, 500, size=200)
    transform = TargetTransform.fit(kind, values)
    np.testing.assert_allclose(transform.inverse(transform.forward(values)), values, rtol=1e-10)


def test_box_cox_lambda_comes_from_the_data_and_log_refuses_zeros() -> None:
    growing = np.exp(np.linspace(0, 5, 100))
    assert abs(TargetTransform.fit("boxcox", growing).lam) < 0.3
    with pytest.raises(ValueError, match="positive"):
        TargetTransform.fit("log", np.array([1.0, 0.0, 2.0]))


def test_differences_are_undone_exactly_for_a_pure_seasonal_trend() -> None:
    frame = monthly_frame(seasonal_values(96))
    model = AutoRegressiveForecaster("t", (1,), TrainConfig(device="cpu"), season=12).fit(
        frame, infer_frequency(frame["ds"]))
    np.testing.assert_allclose(model.forecast(steps(24)), seasonal_values(120)[96:], atol=1e-6)


def test_season_is_confirmed_by_autocorrelation() -> None:
    monthly = Frequency("monthly", "MS", 12)
    assert confirmed_season(seasonal_values(120, noise=1.0), monthly) == 12
    noise = np.random.default_rng(1).standard_normal(120).cumsum()
    assert confirmed_season(noise, monthly) == 1
    steps = Frequency("steps", None, 1)
    assert confirmed_season(np.sin(2 * np.pi * np.arange(200) / 7) * 10 + np.arange(200) * 0.1, steps) == 7
    t = np.arange(24)  # two whole years of an exact season: seen (they were one row short of it)
    exact = 100 + 0.5 * t + np.array([5, 3, -2, -6, -4, 0, 2, 4, 6, 1, -3, -6])[t % 12]
    assert confirmed_season(exact, monthly) == 12 and confirmed_season(exact[:23], monthly) == 1


def test_a_year_of_13_periods_in_plain_steps_is_found_and_forecast(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Retail's 13-period fiscal calendars write four-week periods ('2016 P01' ... 'P13'), which the loader reads as
    # numbered steps. Season 13 was not among the lengths looked for, so auto took 12 and missed the pattern.
    t = np.arange(78)
    pattern = 200 * np.sin(2 * np.pi * t / 13)
    noise = np.random.default_rng(3).normal(0, 20, 78)
    assert confirmed_season(1000 + 5 * t + pattern + noise, Frequency("steps", None, 1)) == 13
    labels = [f"{2016 + i // 13} P{i % 13 + 1:02d}" for i in t]
    path = tmp_path / "periods.csv"
    pd.DataFrame({"period": labels, "sales": np.round(1000 + 5 * t + pattern + noise, 1)}).to_csv(path, index=False)
    loaded = load_series(path)
    assert loaded.frequency.season_length == 13 and any("their season is the year's 13 periods" in notice
                                                         for notice in loaded.report.notices)
    result = run(loaded.frame, loaded.frequency, RunRequest("auto"))
    assert result.params["selection_season"] == 13
    assert result.metrics["test"]["mae"] < 32  # twice the noise's own MAE (16); with a season of 12: 112


def test_selection_never_reads_the_test_rows(air) -> None:  # type: ignore[no-untyped-def]
    poisoned = air.frame.copy()
    poisoned.loc[100:, "y"] = -1e6
    clean = run(air.frame, air.frequency, RunRequest("auto"))
    dirty = run(poisoned, air.frequency, RunRequest("auto"))
    assert clean.params["chosen"] == dirty.params["chosen"]
    np.testing.assert_allclose(clean.predictions["predicted"], dirty.predictions["predicted"], equal_nan=True)


def test_auto_beats_the_straight_line_on_air_passengers(air) -> None:  # type: ignore[no-untyped-def]
    result = run(air.frame, air.frequency, RunRequest("auto"))
    assert result.metrics["test"]["mape"] < 6.0
    assert result.params["season"] == 12 and len(result.params["leaderboard"]) > 5


def test_intervals_widen_with_the_horizon_and_nest(air) -> None:  # type: ignore[no-untyped-def]
    result = run(air.frame, air.frequency, RunRequest("auto", horizon=24))
    for split in ("test", "future"):
        rows = result.predictions[result.predictions["split"] == split]
        width95 = (rows["upper"] - rows["lower"]).to_numpy()
        width80 = (rows["upper_80"] - rows["lower_80"]).to_numpy()
        assert np.all(np.diff(width95) >= -1e-9) and width95[-1] > width95[0] and np.all(width80 < width95)
    assert result.band is not None and result.band.origins == 5
    # The forecast refits auto on every row, which chooses again: what it chose is reported, not left unsaid.
    chosen = result.params["future_chosen"]
    assert chosen.startswith("ensemble of ETS") and chosen != result.params["chosen"]


def test_the_choice_does_not_depend_on_the_horizon_asked_for(air) -> None:  # type: ignore[no-untyped-def]
    """The backtest horizon comes from the rows and the season (a third of the rows, at least a
    season), whatever the forecast horizon or the test length: 43 steps on 129 training rows whose
    test has 15, 48 on all 144 rows."""
    short = run(air.frame, air.frequency, RunRequest("auto", train_fraction=0.9))
    assert short.params["backtest_horizon"] == 43  # 129 training rows: a third, not the 15 test rows
    model = AutoForecaster(seed=0).fit(air.frame, air.frequency)
    assert model.params()["backtest_horizon"] == 48


def test_same_seed_same_choice(air) -> None:  # type: ignore[no-untyped-def]
    first = AutoForecaster(seed=5, horizon=12).fit(air.frame.iloc[:100], air.frequency)
    again = AutoForecaster(seed=5, horizon=12).fit(air.frame.iloc[:100], air.frequency)
    assert first.chosen_ == again.chosen_
    assert [r.score for r in first.leaderboard_] == [r.score for r in again.leaderboard_]


def test_backtest_origins_stay_inside_the_history() -> None:
    horizon, origins = backtest_plan(100, 44, 12)
    assert horizon == 33 and all(o + horizon <= 100 for o in origins) and len(origins) >= 2


def test_auto_handles_a_series_with_zeros_and_no_season() -> None:
    frame = pd.DataFrame({"ds": np.arange(60), "y": np.tile([0.0, 1.0, 2.0], 20)})
    result = run(frame, Frequency("steps", None, 1), RunRequest("auto", horizon=5))
    assert np.isfinite(result.predictions["predicted"].iloc[42:]).all()


def test_exponential_smoothing_follows_a_level_shift() -> None:
    from core.models.smoothing import ExponentialSmoothingForecaster
    values = np.r_[np.full(30, 10.0), np.full(30, 20.0)] + np.random.default_rng(0).normal(0, 0.1, 60)
    frame = pd.DataFrame({"ds": np.arange(60), "y": values})
    model = ExponentialSmoothingForecaster().fit(frame, Frequency("steps", None, 1))
    assert model.alpha_ >= 0.5
    assert model.forecast(frame.iloc[:3]) == pytest.approx([20.0] * 3, abs=0.3)


def test_theta_on_a_straight_line_adds_half_the_slope_per_step() -> None:
    from core.models.smoothing import ThetaForecaster
    frame = pd.DataFrame({"ds": np.arange(40), "y": 5.0 + 2.0 * np.arange(40)})
    model = ThetaForecaster(1).fit(frame, Frequency("steps", None, 1))
    assert model.alpha_ == 1.0
    np.testing.assert_allclose(model.forecast(frame.iloc[:3]), 83.0 + np.array([1.0, 2.0, 3.0]), atol=1e-9)


def test_seasonal_indices_recover_a_multiplicative_pattern() -> None:
    from core.models.smoothing import seasonal_indices
    pattern = np.array([0.8, 1.0, 1.2, 1.0])
    values = (100 + np.arange(48)) * np.tile(pattern, 12)
    indices, multiplicative = seasonal_indices(values, 4)
    assert multiplicative
    np.testing.assert_allclose(indices, pattern, atol=0.01)


def test_auto_works_on_the_most_recent_rows_of_a_long_history(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.models.auto

    monkeypatch.setattr(core.models.auto, "MAX_ROWS", 120)
    values = seasonal_values(300, noise=1.0)
    values[:180] += 1000  # a level the recent rows no longer show
    frame = monthly_frame(values)
    model = AutoForecaster(seed=0, horizon=12).fit(frame, infer_frequency(frame["ds"]))
    assert len(model.fitted_values()) == 300 and np.isnan(model.fitted_values()[:180]).all()
    assert model.params()["skipped_rows"] == 180 and "last 120 rows" in selection_summary(model.params())
    expected = seasonal_values(312)[300:]
    assert np.abs(model.forecast(monthly_frame(expected, "2025-01-01")) - expected).mean() < 5.0


def test_frequency_and_box_cox_raise_no_warnings_on_awkward_series() -> None:
    import warnings

    huge = 1e12 * (1 + 0.01 * np.random.default_rng(0).standard_normal(80))
    frame = monthly_frame(huge)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert infer_frequency(frame["ds"]).alias == "MS"
        transform = TargetTransform.fit("boxcox", huge)
    np.testing.assert_allclose(transform.inverse(transform.forward(huge)), huge, rtol=1e-8)


def test_named_regressors_compete_inside_auto() -> None:
    import pandas as pd

    from core.data.frequency import infer_frequency
    from core.evaluation.pipeline import RunRequest, run
    from core.models.specs import ModelSettings

    rng = np.random.default_rng(1)
    day = pd.date_range("2021-01-01", periods=400, freq="D")
    working = (day.day_of_week < 5).astype(float) * (rng.random(400) > 0.1)  # some holidays on weekdays
    heat = np.abs(10 * np.sin(2 * np.pi * np.arange(400) / 365.25) + rng.normal(0, 2, 400))
    frame = pd.DataFrame({"ds": day, "y": 200 + 40 * working + 6 * heat + rng.normal(0, 3, 400),
                          "heat": heat, "working": working})
    frequency = infer_frequency(frame["ds"])
    alone = run(frame, frequency, RunRequest("auto"))
    helped = run(frame, frequency, RunRequest("auto", ModelSettings(regressors=("heat", "working"))))
    assert "regressors" in helped.params["chosen"]
    assert helped.metrics["test"]["mae"] < 0.3 * alone.metrics["test"]["mae"]


def test_regressors_whose_swings_hide_a_weekly_pattern_are_fitted_with_the_season_and_carried_whole() -> None:
    # Price and promotion effects hid the weekly pattern from the season test: no candidate had both, and ETS averaged
    # with the regressor candidates halved the effects (price -2.7 for -5, test MAE 4.97 where multi scored 1.60).
    from core.models.specs import ModelSettings

    rng = np.random.default_rng(21)
    day = pd.date_range("2023-01-02", periods=330, freq="D")
    price, promo = np.round(rng.uniform(8, 12, 330), 2), rng.integers(0, 2, 330).astype(float)
    weekly = np.array([0, 1, 2, 3, 4, 10, 12])[day.day_of_week]
    frame = pd.DataFrame({"ds": day, "y": 100 - 5 * price + 20 * promo + 0.05 * np.arange(330) + weekly
                          + rng.normal(0, 2, 330), "price": price, "promo": promo}).iloc[:300]
    frequency = infer_frequency(frame["ds"])
    assert confirmed_season(frame["y"].to_numpy()[:210], frequency) == 1  # what the test of the values finds
    result = run(frame, frequency, RunRequest("auto", ModelSettings(regressors=("price", "promo"))))
    assert result.params["chosen"].endswith("trend + season + regressors + AR(1-3)")
    multi = run(frame, frequency, RunRequest("multi", ModelSettings(regressors=("price", "promo"))))
    assert result.metrics["test"]["mae"] < 1.1 * multi.metrics["test"]["mae"] < 2.0


def test_another_candidate_goes_alone_only_when_it_beats_ets_by_the_margin() -> None:
    ranked = ["AR", ANCHOR, "theta", "drift"]
    clear = {"AR": 0.9 * ALONE_MARGIN, ANCHOR: 1.0, "theta": 1.1, "drift": 1.3}
    assert chosen_members(ranked, clear) == ["AR"]
    narrow = {**clear, "AR": ALONE_MARGIN * 1.0 + 0.01}
    assert chosen_members(ranked, narrow) == [ANCHOR, "AR", "theta"]
    assert chosen_members([ANCHOR, "theta"], {ANCHOR: 1.0, "theta": 1.5}) == [ANCHOR, "theta"]
    assert chosen_members(["AR", "theta"], {"AR": 0.9, "theta": 1.1}) == ["AR"]  # ETS could not be backtested
    assert chosen_members([ANCHOR], {ANCHOR: 1.0}) == [ANCHOR]


def test_the_dynamic_theta_model_is_a_seasonal_candidate_averaged_only_among_the_best() -> None:
    ranked = ["AR", ANCHOR, "theta", DYNAMIC_THETA]
    scores = {"AR": 0.9, ANCHOR: 1.0, "theta": 1.05, DYNAMIC_THETA: 1.09}
    assert chosen_members(ranked, scores) == [ANCHOR, "AR", "theta"]  # close to ETS, but not among the two best
    assert chosen_members([DYNAMIC_THETA, ANCHOR], {DYNAMIC_THETA: 0.4, ANCHOR: 1.0}, season=12) == [DYNAMIC_THETA]


def test_on_a_seasonal_series_only_a_candidate_that_models_the_season_goes_alone() -> None:
    ranked = ["log: AR(1-3)", "none: seasonal diff AR(1-3)", ANCHOR, "naive"]
    scores = {"log: AR(1-3)": 0.3, "none: seasonal diff AR(1-3)": 0.6, ANCHOR: 1.0, "naive": 1.2}
    assert chosen_members(ranked, scores) == ["log: AR(1-3)"]  # no season confirmed: the level AR may win alone
    assert chosen_members(ranked, scores, season=12) == [ANCHOR, "log: AR(1-3)", "none: seasonal diff AR(1-3)"]
    assert chosen_members(ranked, {**scores, "none: seasonal diff AR(1-3)": 0.4}, season=12) == [
        "none: seasonal diff AR(1-3)"]
    steady = {ANCHOR: 1.0, "log: trend": 0.2, "theta": 0.9, "naive": 1.1}
    assert chosen_members(sorted(steady, key=steady.__getitem__), steady) == [ANCHOR, "log: trend", "theta"]
    assert chosen_members(["none: trend + regressors", ANCHOR], {"none: trend + regressors": 0.2, ANCHOR: 1.0}) == [
        "none: trend + regressors"]  # the user's regressors may carry it alone
    lines = {"log: trend + season": 0.2, "none: trend + season + AR(1-3)": 0.3, ANCHOR: 1.0, "theta": 0.9}
    ranked = sorted(lines, key=lines.__getitem__)
    assert chosen_members(ranked, lines, season=12) == ["none: trend + season + AR(1-3)"]  # the line with AR terms may
    del lines["none: trend + season + AR(1-3)"]  # but a straight line with seasonal terms never goes alone
    ranked = sorted(lines, key=lines.__getitem__)
    assert chosen_members(ranked, lines, season=12) == [ANCHOR, "log: trend + season", "theta"]
    assert chosen_members(ranked, lines, season=12, never_alone=FORMER_NEVER_ALONE) == ["log: trend + season"]
    assert [models_season(name, 12) for name in ("naive", "drift", "ses", "log: AR(1-3)", "none: trend + AR(1-3)")] \
        == [False] * 5
    assert all(models_season(name, 12) for name in ("snaive", ANCHOR, "theta", "log: ARIMA", "log: AR(1-3, 12)",
                                                    "none: trend + season", "seasonal diff MLP on lags 1-6, 12"))


def test_auto_forecasts_with_what_the_rule_picks_and_lists_it_on_its_leaderboard() -> None:  # type: ignore[no-untyped-def]
    frame = monthly_frame(seasonal_values(96, seed=4, noise=2.0))
    model = AutoForecaster(seed=0).fit(frame, infer_frequency(frame["ds"]))
    board = {row.model: row.score for row in model.leaderboard_}
    ranked = [row.model for row in model.leaderboard_ if not row.model.startswith("ensemble of ") and np.isfinite(row.score)]
    members = chosen_members(ranked, board, season=model.season_)
    assert model.chosen_ == (members[0] if len(members) == 1 else "ensemble of " + ", ".join(members))
    assert model.chosen_ in board
    assert model.params()["alone_margin"] == ALONE_MARGIN
    below = f"at least {round(100 * (1 - ALONE_MARGIN))}% below"
    assert below in str(selection_summary(model.params()))
    assert "at least 20% below" in str(selection_summary({"chosen": "theta", "season": 12}))  # results from before


def test_auto_takes_its_band_from_the_selection_backtest_and_keeps_it_in_its_model_file(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.models.base import Forecaster

    frame = monthly_frame(seasonal_values(360, seed=5, noise=2.0))  # long enough for the band from 4 selection origins
    frequency = infer_frequency(frame["ds"])

    def no_refits(self: AutoForecaster) -> None:
        raise AssertionError("the band refitted the chosen model")

    monkeypatch.setattr(AutoForecaster, "interval_model", no_refits)
    result = run(frame, frequency, RunRequest("auto"))
    band = result.forecaster.measured_band()
    assert band is not None and result.band is not None
    np.testing.assert_array_equal(result.band.scale, band.scale)
    test = result.predictions[result.predictions["split"] == "test"]
    assert (test["lower"] < test["predicted"]).all() and (test["predicted"] < test["upper"]).all()
    assert result.params["origins"] == band.origins == 4
    again = Forecaster.from_state(result.forecaster.state()).measured_band()
    assert again is not None and again.multipliers.keys() == band.multipliers.keys() and again.origins == band.origins
    for level, multiplier in band.multipliers.items():
        np.testing.assert_array_equal(again.multipliers[level], multiplier)
    np.testing.assert_allclose(again.scale, band.scale)


def test_auto_refits_its_choice_for_the_band_when_the_selection_had_three_origins() -> None:
    frame = monthly_frame(seasonal_values(200, seed=5, noise=2.0))  # 140 training rows
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("auto"))
    assert result.params["origins"] == 3 < BAND_ORIGINS
    assert result.forecaster.measured_band() is None  # three origins that chose the winner would flatter it
    assert result.band is not None and result.band.origins == spec_for("auto").interval_origins


def test_auto_draws_its_band_only_from_origins_where_the_choice_saw_the_rows_it_needs() -> None:
    # Eight weeks of an hourly meter: a daily wave, a weekend drop, noise of sd 8. The trend + season regressions model
    # the week (two of them in the training rows), but the selection backtest's two earliest origins hold less than two
    # weeks: their errors, of refits guessing the weekend, had made the 80% band twice what the test errors needed.
    rng = np.random.default_rng(3)
    ds = pd.date_range("2024-01-01", periods=8 * 7 * 24, freq="h")
    hour, weekend = ds.hour.to_numpy(), ds.day_of_week.to_numpy() >= 5
    y = 100 + 30 * np.sin(2 * np.pi * (hour - 6) / 24) - 40 * weekend + rng.normal(0, 8, len(ds))
    frame = pd.DataFrame({"ds": ds, "y": y})
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("auto"))
    assert "trend + season" in result.params["chosen"] and result.forecaster.fewest_refit_rows() >= 2 * 168
    # the band's own refits (the selection's origins now each hold a week and a day: ``week_cycle``; three of them)
    assert result.forecaster.measured_band() is None
    test = result.predictions[result.predictions["split"] == "test"]
    errors = np.abs(test["actual"] - test["predicted"]).to_numpy()
    half_width = float(np.median(test["upper_80"] - test["lower_80"])) / 2
    assert half_width < 1.5 * np.quantile(errors, 0.8)  # it was 2.2 times
    inside = ((test["actual"] >= test["lower_80"]) & (test["actual"] <= test["upper_80"])).mean()
    assert 0.75 <= inside < 0.95  # 99% before


def test_auto_forecasts_an_exactly_repeating_week_exactly() -> None:
    # The seasonal differences are all zero: an autoregression on them solved exactly has zero weights (it was
    # NaN, and the ensemble holding it left every test prediction blank).
    frame = pd.DataFrame({"ds": pd.date_range("2023-03-01", periods=60, freq="D"), "y": 20.0 + np.arange(60) % 7})
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("auto", horizon=7))
    np.testing.assert_allclose(result.predictions["predicted"].iloc[42:], 20.0 + np.arange(42, 67) % 7, atol=1e-6)
    assert result.metrics["test"]["mae"] == pytest.approx(0.0, abs=1e-6)


def test_an_ensemble_averages_the_members_that_forecast_a_step() -> None:
    class Fixed(AutoRegressiveForecaster):
        def __init__(self, values: list[float]) -> None:
            self.values = np.array(values)

        def fit(self, history: pd.DataFrame, frequency: Frequency, callback: object = None) -> "Fixed":
            self.fitted_ = history["y"].to_numpy(dtype=float)
            return self

        def forecast(self, future: pd.DataFrame) -> np.ndarray:
            return self.values

    ensemble = EnsembleForecaster("e", [Fixed([1.0, np.nan, np.nan]), Fixed([3.0, 5.0, np.nan])])
    ensemble.fit(monthly_frame(np.arange(24.0)), Frequency("monthly", "MS", 12))
    np.testing.assert_array_equal(ensemble.forecast(steps(3)), [2.0, 5.0, np.nan])


def test_a_weighted_ensemble_rescales_the_weights_of_the_members_that_forecast_a_step() -> None:
    class Known(AutoRegressiveForecaster):
        def __init__(self, values: list[float]) -> None:
            self.values = np.array(values)

        def fit(self, history: pd.DataFrame, frequency: Frequency, callback: object = None) -> "Known":
            self.fitted_ = np.full(len(history), self.values[0])
            return self

        def forecast(self, future: pd.DataFrame) -> np.ndarray:
            return self.values

    members = [Known([1.0, np.nan, np.nan]), Known([3.0, 5.0, np.nan]), Known([5.0, 9.0, np.nan])]
    ensemble = EnsembleForecaster("e", members, member_weights([ANCHOR, "a", "b"]))
    ensemble.fit(monthly_frame(np.arange(24.0)), Frequency("monthly", "MS", 12))
    # step 1: 0.5 * 1 + 0.25 * 3 + 0.25 * 5; step 2: the two others' 0.25 each, rescaled to 0.5 each
    np.testing.assert_allclose(ensemble.forecast(steps(3)), [2.5, 7.0, np.nan])
    np.testing.assert_allclose(ensemble.fitted_values(), 2.5)
    assert ensemble.params()["weights"] == [0.5, 0.25, 0.25]
    assert member_weights(["theta", "naive"]) == (0.5, 0.5) and member_weights([ANCHOR]) == (1.0,)


def test_an_ensemble_from_a_model_file_written_before_weights_averages_equally() -> None:
    from core.models.base import Forecaster
    from core.models.baselines import DriftForecaster, SeasonalNaiveForecaster

    frame = monthly_frame(seasonal_values(48, seed=2))
    frequency = infer_frequency(frame["ds"])
    members = [SeasonalNaiveForecaster(12, "snaive"), DriftForecaster(), SeasonalNaiveForecaster(1, "naive")]
    weighted = EnsembleForecaster("e", members, (0.5, 0.25, 0.25)).fit(frame, frequency)
    saved = weighted.state()
    del saved["fields"]["weights"]
    before = Forecaster.from_state(saved)
    forecasts = np.array([member.forecast(steps(6)) for member in weighted.members])
    np.testing.assert_allclose(before.forecast(steps(6)), forecasts.mean(axis=0))
    np.testing.assert_allclose(weighted.forecast(steps(6)), 0.5 * forecasts[0] + 0.25 * forecasts[1:].sum(axis=0))


def test_auto_weighs_ets_by_anchor_weight_and_says_so() -> None:
    frame = monthly_frame(seasonal_values(96, seed=4, noise=2.0))
    model = AutoForecaster(seed=0).fit(frame, infer_frequency(frame["ds"]))
    params = model.params()
    assert params["anchor_weight"] == ANCHOR_WEIGHT
    summary = str(selection_summary(params))
    assert f"ETS (weight {round(100 * ANCHOR_WEIGHT)}%)" in summary
    assert f"({round(50 * (1 - ANCHOR_WEIGHT))}% each)" in summary
    before = str(selection_summary({"chosen": "none: trend", "season": 1}))  # results from before the weights
    assert "ETS (weight 33%)" in before and "straight trend line" not in before  # a line could go alone then
    assert "it is not a straight trend line (with or without seasonal terms)" in summary
    assert "不是直线趋势或带季节项的直线趋势" in str(selection_summary(params, "zh"))
    earlier = str(selection_summary({key: value for key, value in params.items() if key != "seasonal_line_alone"}))
    assert "it is not a straight trend line and" in earlier  # results from before the seasonal line joined it
    pair = str(selection_summary({**params, "chosen": "ensemble of ETS, theta", "member_weights": [0.5, 0.5]}))
    assert "(50% each)" in pair
    assert "ETS（权重 50%）" in str(selection_summary(params, "zh"))
    if ANCHOR in params["chosen"]:
        assert sum(params["ets_forms"].values()) == pytest.approx(1.0, abs=0.01)
        assert "ETS averages its forms by their Akaike weights" in summary
    forms = {"ETS(Ad,M)": 0.6, "ETS(A,M)": 0.3, "ETS(N,M)": 0.06, "ETS(N,A)": 0.03, "ETS(A,A)": 0.01}
    shown = str(selection_summary({"chosen": ANCHOR, "season": 12, "ets_forms": forms}))
    assert "ETS(Ad,M) 60%, ETS(A,M) 30%, ETS(N,M) 6%, ETS(N,A) 3% and 1 other form 1%." in shown  # none left unsaid
    assert "ETS(A,A)" not in shown and "以及其他 1 种形式 1%" in str(selection_summary(
        {"chosen": ANCHOR, "season": 12, "ets_forms": forms}, "zh"))


def _yearly(values: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range("1990-01-01", periods=len(values), freq="YS"), "y": values})


def test_a_short_history_is_forecast_by_the_equal_mean_of_ets_dynamic_theta_and_arima() -> None:
    """Two or three backtest origins a few steps apart cannot tell candidates apart: a history of at most
    ``SHORT_ROWS`` rows takes the equal mean of ``SHORT_MEMBERS``, whatever ranked first, and says why."""
    values = 100 + np.cumsum(np.random.default_rng(3).normal(2.0, 4.0, SHORT_ROWS))
    model = AutoForecaster(seed=0).fit(_yearly(values), Frequency("yearly", "YS", 1))
    params = model.params()
    assert params["short_history"] is True and params["rows_used"] == SHORT_ROWS
    assert params["member_weights"] == pytest.approx([1 / 3] * 3)
    assert isinstance(model.best_, EnsembleForecaster)
    assert params["chosen"] == "ensemble of " + ", ".join(SHORT_MEMBERS)
    future = pd.DataFrame({"ds": pd.date_range("2010-01-01", periods=4, freq="YS")})
    alone = [member.forecast(future) for member in model.best_.members]
    np.testing.assert_allclose(model.forecast(future), np.mean(alone, axis=0))
    said = str(selection_summary(params))
    assert f"the {SHORT_ROWS} training rows are too few" in said and "with equal weights" in said
    assert "训练集只有 20 行" in str(selection_summary(params, "zh"))
    loaded = load_model(model_bytes(model))  # the model file keeps it
    np.testing.assert_allclose(loaded.forecast(future), model.forecast(future))
    assert loaded.params()["short_history"] is True
    one_more = _yearly(np.append(values, values[-1] + 2.0))
    longer = AutoForecaster(seed=0).fit(one_more, Frequency("yearly", "YS", 1)).params()
    assert longer["short_history"] is False and "too few" not in str(selection_summary(longer))


def test_a_short_history_with_regressors_is_still_chosen_by_the_backtest() -> None:
    """Only the backtest can say whether the user's regressors help, so they keep it on short histories too."""
    rng = np.random.default_rng(5)
    frame = _yearly(50 + np.cumsum(rng.normal(1.0, 1.0, 18)))
    frame["price"] = rng.normal(10.0, 2.0, len(frame))
    frame["y"] += 3.0 * frame["price"]
    params = AutoForecaster(seed=0, regressors=("price",)).fit(frame, Frequency("yearly", "YS", 1)).params()
    assert params["short_history"] is False


def test_the_leaderboard_scores_are_over_the_frequencys_seasonal_naive_error() -> None:
    """Its column says "backtest error / seasonal-naive error": on a monthly trend whose season auto did not confirm,
    the scores were over the naive (lag 1) error, 0.42 where the ratio is 0.036 (MASE, on the same page: 0.037)."""
    from core.evaluation.intervals import backtest_errors
    from core.evaluation.metrics import seasonal_naive_scale
    from core.models.auto import backtest_search
    rng = np.random.default_rng(1)
    frame = monthly_frame(100 + 2.0 * np.arange(84) + rng.normal(0, 1, 84))
    frequency = infer_frequency(frame["ds"])
    found = backtest_search(frame, frequency, seed=0)
    assert found.season == 1
    errors = backtest_errors(frame, frequency, found.factories[ANCHOR], found.plan)
    lag_12 = seasonal_naive_scale(frame["y"].to_numpy(), 12)
    assert found.scores[ANCHOR] == pytest.approx(float(np.mean(np.nanmean(np.abs(errors), axis=1))) / lag_12)


def test_an_unconfirmed_season_is_said_to_be_carried_by_ets_seasonal_forms_when_it_is() -> None:
    """A random walk with a small 12-month sine: auto confirmed no season, yet ETS (half the ensemble) gave seasonal
    forms 44% of its weight; the summary said "the season was not modelled" of a forecast that repeats it."""
    rng = np.random.default_rng(17)
    frame = monthly_frame(50 + np.cumsum(rng.normal(0, 1, 84)) + np.sin(2 * np.pi * np.arange(84) / 12))
    params = AutoForecaster(seed=0).fit(frame, infer_frequency(frame["ds"])).params()
    assert params["season"] == 1 and params["chosen"].startswith("ensemble of ETS")
    seasonal = sum(weight for form, weight in params["ets_forms"].items() if not form.endswith(",N)"))
    assert params["ets_season_share"] == pytest.approx(params["member_weights"][0] * seasonal, abs=1e-3)
    assert params["ets_season_share"] > 0.1
    summary = str(selection_summary(params))
    assert "not modelled" not in summary
    assert f"Only ETS's seasonal forms forecast that season ({round(100 * params['ets_season_share'])}%" in summary
    alone = str(selection_summary({**params, "ets_season_share": 0.0}))
    assert "No model it chose forecasts that season." in alone


def test_two_seasons_of_rows_are_said_to_be_too_few_to_test_not_tested_and_rejected() -> None:
    """The correlation test needs more than two seasons: 24 monthly rows were said to "show no clear correlation" at
    lag 12, where it was 0.45, above its threshold, and never computed."""
    said = str(selection_summary({"chosen": "theta", "season": 1, "frequency_season": 12, "rows_used": 24}))
    assert "was not tested: the 24 training rows hold two of them or fewer" in said
    assert "no clear correlation" in str(selection_summary(
        {"chosen": "theta", "season": 1, "frequency_season": 12, "rows_used": 25}))


def test_an_ensemble_fits_every_row_some_member_has_a_value_for() -> None:
    """An ARIMA member without fitted values on its first 17 rows left them blank in the ensemble's fitted values
    (train metrics over 83 of 100 rows) beside ETS's values there; its forecast already averaged those it had."""
    from core.models.baselines import SeasonalNaiveForecaster
    frame = monthly_frame(seasonal_values(48))
    frequency = infer_frequency(frame["ds"])
    ensemble = EnsembleForecaster("pair", [SeasonalNaiveForecaster(1), SeasonalNaiveForecaster(12)], (0.5, 0.5)).fit(
        frame, frequency)
    naive, seasonal = (member.fitted_values() for member in ensemble.members)
    assert np.isnan(seasonal[:12]).all() and np.isfinite(naive[1:]).all()
    fitted = ensemble.fitted_values()
    np.testing.assert_allclose(fitted[1:12], naive[1:12])
    np.testing.assert_allclose(fitted[12:], (naive[12:] + seasonal[12:]) / 2)
    assert np.isnan(fitted[0])


def test_a_season_the_correlation_test_misses_but_ets_sees_keeps_level_models_from_going_alone() -> None:
    from core.models.auto import chosen_members, selection_season
    from core.models.transforms import confirmed_season
    rng = np.random.default_rng(11)
    t = np.arange(35)  # under 3 seasons: a season is confirmed by the rows' correlation a season apart (0.7)
    winter = np.array([1.0, 0.7, 0.3, 0, 0, 0, 0, 0, 0, 0.1, 0.3, 0.8])  # spiky peaks: weakly correlated differences
    spiky = pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=35, freq="MS"),
                          "y": 2000 + 1200 * winter[t % 12] * rng.uniform(0.6, 1.4, 35) + rng.normal(0, 350, 35)})
    monthly = Frequency("monthly", "MS", 12)
    assert confirmed_season(spiky["y"].to_numpy(), monthly) == 1  # correlated 0.59 only: noisy
    clearer = spiky.assign(y=2000 + 1200 * winter[t % 12] + rng.normal(0, 150, 35))
    assert confirmed_season(clearer["y"].to_numpy(), monthly) == 12
    assert selection_season(spiky, monthly, 1) == 12
    walk = spiky.assign(y=100 + np.cumsum(rng.normal(0, 1, 35)))
    assert selection_season(walk, monthly, 1) == 1
    scores = {"none: AR(1-3)": 0.1, "ETS": 1.0, "theta": 0.2, "drift": 1.2}
    ranked = sorted(scores, key=scores.__getitem__)
    assert chosen_members(ranked, scores, 0.5, 1) == ["none: AR(1-3)"]
    assert chosen_members(ranked, scores, 0.5, 12) == ["theta"]  # a confirmed season: theta models it
    assert chosen_members(ranked, scores, 0.5, 12, others_seasonal=False) == ["ETS", "none: AR(1-3)", "theta"]


def test_the_summary_names_a_season_only_exponential_smoothing_saw() -> None:
    rng = np.random.default_rng(11)
    t = np.arange(35)
    winter = np.array([1.0, 0.7, 0.3, 0, 0, 0, 0, 0, 0, 0.1, 0.3, 0.8])
    spiky = pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=35, freq="MS"),
                          "y": 2000 + 1200 * winter[t % 12] * rng.uniform(0.6, 1.4, 35) + rng.normal(0, 350, 35)})
    params = AutoForecaster(seed=0).fit(spiky, Frequency("monthly", "MS", 12)).params()
    assert params["season"] == 1 and params["selection_season"] == 12
    assert "seasonal form of length 12" in str(selection_summary(params))
    assert "周期为 12" in str(selection_summary(params, "zh"))
    assert "seasonal form of length" not in str(selection_summary({**params, "selection_season": 1}))


@pytest.mark.parametrize(("rows", "reason"), [(33, "tested: the 33 training rows hold two of them or fewer"),
                                              # 2 to 3 seasons: the strength test is not run (it was said to fail)
                                              (60, "confirmed: the training rows' changes show no clear correlation at that "
                                                   "lag, and 60 rows hold fewer than three seasons"),
                                              (120, "confirmed: the training rows show no correlation at that lag")])
def test_the_summary_says_why_the_frequencys_season_was_not_modelled(rows: int, reason: str) -> None:
    params = {"chosen": "ETS", "season": 1, "selection_season": 1, "frequency_season": 24, "origins": 1,
              "backtest_horizon": 12, "rows_used": rows}
    summary = selection_summary(params, "en")
    assert f"season of 24 steps was not {reason}" in summary and "(1 origin, 12 steps ahead each)" in summary
    assert "季节周期为 24 步，但未" in selection_summary(params, "zh") and "No model it chose forecasts that season." in summary
    assert "was not" not in selection_summary({**params, "season": 24}, "en")


def test_a_smooth_long_season_is_kept_by_its_strength_and_a_short_walk_is_not() -> None:
    rng = np.random.default_rng(0)
    weekly = Frequency("weekly", "W-SUN", 52)
    t = np.arange(182)  # three and a half years: a sine 3 times the noise moves less per week than the noise
    wave = 100 + 3 * np.sin(2 * np.pi * t / 52) + rng.normal(0, 1, len(t))
    assert confirmed_season(wave, weekly) == 52
    frame = pd.DataFrame({"ds": pd.date_range("2019-01-06", periods=260, freq="W-SUN"),
                          "y": np.r_[wave, 100 + 3 * np.sin(2 * np.pi * np.arange(182, 260) / 52)]})
    forecast = AutoForecaster(seed=0).fit(frame.iloc[:182], weekly).forecast(frame.iloc[182:])
    assert np.mean(np.abs(forecast - frame["y"].iloc[182:])) < 1.2  # the noise's own MAE is 0.8; a flat line's 1.9
    walks = [confirmed_season(100 + np.cumsum(rng.normal(0, 1, 3 * 12 + 1)), Frequency("monthly", "MS", 12))
             for _ in range(40)]
    assert walks.count(1) >= 36  # 0.64 at three seasons would keep a season in about 1 walk in 5


def test_auto_says_when_the_models_it_chose_leave_the_regressors_out() -> None:
    """A random walk whose promo moves it by 2: auto chose models without the regressor, its forecast followed no
    future promo value, and nothing said so."""
    rng = np.random.default_rng(7)
    promo = (rng.random(120) < 0.3).astype(float)
    walk = 200 + np.cumsum(rng.normal(0, 5, 120)) + 2 * promo + 10 * np.sin(2 * np.pi * np.arange(120) / 12)
    frame = monthly_frame(walk).assign(promo=promo)
    params = AutoForecaster(seed=0, regressors=("promo",)).fit(frame, infer_frequency(frame["ds"])).params()
    assert params["regressors"] == ["promo"]
    assert params["regressors_used"] is ("+ regressors" in params["chosen"])
    unused = str(selection_summary({**params, "regressors_used": False}))
    assert "The models it chose do not use the 1 regressor \\'promo\\'" in unused
    assert "外生变量“promo”" in str(selection_summary({**params, "regressors_used": False}, "zh"))
    assert "do not use" not in str(selection_summary({**params, "regressors_used": True}))
    odd = str(selection_summary({**params, "regressors": ["*promo*"], "regressors_used": False}))
    assert "\\*promo\\*" in odd and "*promo*" not in odd  # a column's name is the user's text, not Markdown


def test_auto_forecasts_past_the_regressors_future_rows_without_them_and_says_so() -> None:
    # It refused any horizon past the file's future rows, even where the models it chose use no regressor.
    from core.data.tidy import LoadOptions, load_series
    from core.models.specs import ModelSettings
    from core.panel.run import fit_loaded

    months = 54
    promo = (np.arange(months) % 5 == 0).astype(float)
    sales = np.round(100 + 2 * np.arange(months) + 10 * np.sin(2 * np.pi * np.arange(months) / 12) + 15 * promo, 2)
    sales[48:] = np.nan  # six months of promotions given ahead
    csv = pd.DataFrame({"month": pd.date_range("2020-01-01", periods=months, freq="MS").strftime("%Y-%m"),
                        "sales": sales, "promo": promo}).to_csv(index=False)
    series = load_series(csv.encode(), "sales.csv", LoadOptions(regressors=("promo",)))
    settings = ModelSettings(regressors=("promo",))
    result, summary = fit_loaded(series, RunRequest("auto", settings, horizon=12))
    future = result.predictions[result.predictions["split"] == "future"]
    assert len(future) == 12 and future["predicted"].notna().all()
    assert result.params["future_regressors_reach"] == 6 and "regressors" not in result.params["future_chosen"]
    assert ("The file gives the regressors' future values for 6 steps past the end, fewer than the 12 asked for: "
            "auto forecast without them") in " ".join(summary["notices"])
    within = fit_loaded(series, RunRequest("auto", settings, horizon=6))[0]
    assert "future_regressors_reach" not in within.params  # the six rows it has: with them where it chooses them
    assert "future_regressors_used" not in result.params  # auto forecast without them: not said to use them
    with pytest.raises(ValueError, match="forecast at most 6 steps"):
        fit_loaded(series, RunRequest("multi", settings, horizon=12))  # multi cannot do without them
    multi, said = fit_loaded(series, RunRequest("multi", settings, horizon=6))
    assert multi.params["future_regressors_used"] == ["promo"]
    assert "The forecast used the future values of 'promo' given in the file's rows past the end (6 steps)." in \
        said["notices"]


def test_a_typed_gross_error_in_the_training_rows_is_fitted_as_the_value_expected_there() -> None:
    # One 5000 among monthly values near 140: seasonal models repeated it a year on, so auto chose naive (test MAE 13,
    # the season gone) and its band reached from 0 to 1,216.
    values = sine_values(120)
    typed = values.copy()
    typed[40] = 5000.0
    frame = monthly_frame(typed, "2015-01-01")
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("auto", train_fraction=0.7, horizon=12))
    assert result.params["replaced"] == [{"row": 40, "ds": "2018-05", "value": 5000.0,
                                          "expected": pytest.approx(values[40], abs=8)}]
    assert result.params["chosen"] != "naive" and result.metrics["test"]["mae"] < 4  # noise sd 2
    rows = result.predictions
    assert rows["actual"].iloc[40] == 5000.0 and result.metrics["train"]["mae"] > 4800 / 84  # scored as written
    test = rows[rows["split"] != "train"]
    assert ((test["upper"] - test["lower"]) < 40).all()  # the band of the errors of a noise of sd 2, not of 5000
    assert load_model(model_bytes(result.forecaster)).params()["replaced"] == result.params["replaced"]
    typed[100] = 5000.0  # a test row too: the forecast, refitted on every row, fits both as expected values
    again = run(frame.assign(y=typed), infer_frequency(frame["ds"]), RunRequest("auto", train_fraction=0.7, horizon=6))
    assert [row["ds"] for row in again.params["future_replaced"]] == ["2018-05", "2023-05"]
    assert forecast_replaced_lines(again.params)[0].startswith("Refitted on every row, auto fitted 2 values far")
    future = again.predictions[again.predictions["split"] == "future"]
    assert ((future["upper"] - future["lower"]) < 60).all()
    clean = frame.assign(y=values)
    assert "replaced" not in run(clean, infer_frequency(frame["ds"]), RunRequest("auto", train_fraction=0.7)).params


def test_a_short_series_band_refits_without_the_gross_error_auto_replaced() -> None:
    # Too few rows for the selection backtest to give the band: its refits score against the history auto fitted.
    values = sine_values(48)
    values[14] = 5000.0
    frame = monthly_frame(values, "2015-01-01")
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("auto", train_fraction=0.7, horizon=6))
    assert result.forecaster.measured_band() is None and result.params["replaced"][0]["row"] == 14
    rows = result.predictions[result.predictions["split"] != "train"]
    assert ((rows["upper"] - rows["lower"]) < 100).all()  # refits scored against 5000: widths in the thousands


def test_a_replaced_gross_error_is_numbered_by_the_rows_given(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # auto keeps the last MAX_ROWS rows: a typed value at row 70 of 100 was said to be at row 30.
    import core.models.auto as auto_module

    monkeypatch.setattr(auto_module, "MAX_ROWS", 60)  # auto models the last 60 of 100 rows
    values = sine_values(100)
    values[70] = 5000.0
    frame = monthly_frame(values, "2015-01-01")
    model = AutoForecaster().fit(frame, infer_frequency(frame["ds"]))
    assert [(row["row"], row["ds"]) for row in model.replaced_] == [(70, "2020-11")]
    assert model.history_as_fitted(frame)["y"].iloc[70] == pytest.approx(model.replaced_[0]["expected"])


def test_a_typed_negative_value_auto_replaced_does_not_take_a_positive_series_below_zero() -> None:
    values = np.abs(sine_values(120) - 135) + 0.5  # counts near 0 to 30
    values[40] = -5000.0
    frame = monthly_frame(values, "2015-01-01")
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("auto", train_fraction=0.7, horizon=12))
    assert result.params["replaced"][0]["value"] == -5000.0
    assert result.band is not None and result.band.floor == 0.0  # forecasts and band stop at zero, as for any count


def test_a_yearly_season_of_weeks_seen_twice_is_confirmed_and_forecast() -> None:
    # 156 weekly rows (109 to train) of a yearly sine 8 times the noise: auto forecast them without their season.
    from core.evaluation.pipeline import RunRequest, run
    from core.models.transforms import confirmed_season

    rng = np.random.default_rng(0)
    weeks = np.arange(156)
    frame = pd.DataFrame({"ds": pd.date_range("2020-01-05", periods=156, freq="W-SUN"),
                          "y": 500 + 2 * weeks + 40 * np.sin(2 * np.pi * weeks / 52) + rng.normal(0, 5, 156)})
    weekly = Frequency("weekly", "W-SUN", 52)
    assert confirmed_season(frame["y"].to_numpy()[:109], weekly) == 52
    walk = 500 + np.cumsum(rng.normal(0, 5, 109))
    assert confirmed_season(walk, weekly) == 1
    result = run(frame, weekly, RunRequest("auto"))
    assert result.params["season"] == 52 and result.metrics["test"]["mae"] < 10  # 37.5 without the season


def test_a_constant_or_an_exact_line_of_two_seasons_has_no_season() -> None:
    from core.models.transforms import confirmed_season, season_correlation

    monthly = Frequency("monthly", "MS", 12)
    for values in (np.ones(30), np.full(33, 7.3), 5 + 0.1 * np.arange(30)):  # rounding noise correlated 0.84
        assert season_correlation(values, 12) == 0.0 and confirmed_season(values, monthly) == 1


def _half_hours_with_weekends(days: int = 28, rise: float = 2000.0) -> pd.DataFrame:
    """A city's taxis every half-hour: a day's wave, ``rise`` more on Saturdays and Sundays, and noise."""
    stamps = pd.date_range("2014-07-01", periods=48 * days, freq="30min")
    rng = np.random.default_rng(3)
    y = (15000 + 9000 * np.sin(2 * np.pi * (stamps.hour * 2 + stamps.minute // 30) / 48)
         + rise * (stamps.day_of_week >= 5) + rng.normal(0, 600, len(stamps)))
    return pd.DataFrame({"ds": stamps, "y": y})


def test_every_backtest_origin_of_a_weekly_cycle_under_a_day_sees_a_week() -> None:
    # The origins started at two days' rows: no candidate could learn a weekday, and auto forecast the weekends' rise
    # away (test MAE 1,418 where seasonal naive at a week's lag scores 639).
    frame = _half_hours_with_weekends()
    frequency = infer_frequency(frame["ds"])
    history = frame.iloc[:940].reset_index(drop=True)
    assert week_cycle(frequency, 48, history["y"].to_numpy()) == 336
    found = backtest_search(history, frequency, seed=0)
    assert min(found.plan.origins) >= 336 + 48
    auto, snaive = (run(frame, frequency, RunRequest(model)).metrics["test"]["mae"] for model in ("auto", "snaive"))
    assert auto < 0.7 * snaive  # the trend + season regressions' weekly terms: 884 against 1,630 (before: 1,727)
    flat = _half_hours_with_weekends(rise=0.0)  # no weekly cycle (a temperature's): the origins as they were
    assert week_cycle(frequency, 48, flat["y"].to_numpy()[:940]) == 0
    assert backtest_plan(940, 313, 48) == backtest_plan(940, 313, 48, 0)
    assert min(backtest_plan(940, 313, 48)[1]) < 336
