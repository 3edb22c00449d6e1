"""Intermittent demand: Croston's method (SBA) and TSB against hand-computed answers, and auto's use of them."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import Frequency
from core.evaluation.pipeline import RunRequest, run
from core.models.auto import AutoForecaster, demand_stopped, intermittent
from core.models.files import load_model, model_bytes
from core.models.intermittent import IntermittentForecaster

WEEKLY = Frequency("weekly", "W-MON", 52)
DAILY = Frequency("daily", "D", 7)


def _frame(values: np.ndarray, freq: str = "W-MON") -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range("2022-01-03", periods=len(values), freq=freq), "y": values})


def _demand(rows: int, chance: float, size: float, seed: int) -> np.ndarray:
    generator = np.random.default_rng(seed)
    return np.where(generator.random(rows) < chance, generator.poisson(size, rows) + 1, 0).astype(float)


def test_croston_sba_and_tsb_match_their_definitions_by_hand() -> None:
    values = np.array([0, 0, 3, 0, 0, 0, 6, 0], dtype=float)
    # SBA: the first demand (3) after an interval of 3 steps; the next (6) after 4: sizes 3 -> 3.3, intervals 3 -> 3.1.
    sba = IntermittentForecaster("sba").fit(_frame(values), WEEKLY)
    assert sba.forecast(_frame(np.zeros(2)))[0] == pytest.approx(0.95 * 3.3 / 3.1)
    # TSB: the chance of demand starts at 1/3 at the first demand, decays by 0.9 a step without one, moves a tenth of
    # the way to 1 with one; the size as SBA's.
    chance = (1 / 3) * 0.9 ** 3
    chance = (chance + 0.1 * (1 - chance)) * 0.9
    tsb = IntermittentForecaster("tsb").fit(_frame(values), WEEKLY)
    assert tsb.forecast(_frame(np.zeros(2)))[0] == pytest.approx(chance * 3.3)
    assert np.isnan(sba.fitted_values()[0]) and sba.fitted_values()[3] == pytest.approx(0.95 * 3 / 3)
    with pytest.raises(ValueError, match="Unknown intermittent-demand variant"):
        IntermittentForecaster("croston")


def test_which_series_are_intermittent() -> None:
    assert intermittent(_demand(100, 0.2, 8, 1), 1)
    assert intermittent(_demand(365, 0.05, 3, 2), 1)  # demand on one day in twenty: the sparsest too (review)
    assert intermittent(np.r_[np.zeros(70), _demand(34, 0.3, 5, 4)], 1)  # a new SKU: its zeros before launch left out
    assert not intermittent(_demand(100, 0.8, 8, 1), 1)  # demand in most weeks
    days = np.arange(140)
    assert not intermittent(np.where(days % 7 < 4, 0.0, 30.0), 7)  # open three days a week: a season, not chance
    assert not intermittent(np.where(days % 3 == 0, -1.0, 0.0), 1)  # below zero: no demand
    assert not intermittent(np.r_[np.zeros(60), 5, 0, 0, 7], 1)  # three demands: too few to tell
    assert demand_stopped(np.r_[_demand(73, 0.4, 10, 5), np.zeros(31)])
    assert not demand_stopped(_demand(104, 0.2, 8, 3))


def test_auto_forecasts_intermittent_demand_at_its_rate() -> None:
    # Demand in a fifth of the weeks, of 1 + Poisson(8) units: 1.8 a week. Exponential smoothing and the last value
    # followed the last spike (a SKU's 97 weeks: 17.7 a week where the rate was about 6).
    values = _demand(104, 0.2, 8, 3)
    model = AutoForecaster(seed=0).fit(_frame(values), WEEKLY)
    forecast = model.forecast(_frame(np.zeros(8)))
    assert model.params()["intermittent"] and model.chosen_ == "ensemble of croston sba, tsb"
    assert np.allclose(forecast, forecast[0]) and 1.0 < forecast[0] < 3.0
    loaded = load_model(model_bytes(model))  # the choice survives a model file
    assert np.allclose(loaded.forecast(_frame(np.zeros(8))), forecast)
    result = run(_frame(values), WEEKLY, RunRequest("auto", horizon=6))
    future = result.predictions[result.predictions["split"] == "future"]
    assert len(future) == 6 and (future["lower"] >= 0).all()  # demand is never negative: neither is its band


def test_auto_keeps_its_rule_for_series_with_zeros_by_the_calendar() -> None:
    days = np.arange(210)
    shop = np.where(days % 7 == 6, 0.0, 50 + 10 * np.sin(days / 7) + days % 5)
    model = AutoForecaster(seed=0).fit(_frame(shop, "D"), DAILY)
    assert "intermittent" not in model.params() and "croston sba" not in model.params()["chosen"]


def test_the_choice_for_intermittent_demand_is_explained() -> None:
    from core.ui.explain import selection_summary

    model = AutoForecaster(seed=0).fit(_frame(_demand(104, 0.2, 8, 3)), WEEKLY)
    english = selection_summary(model.params(), "en")
    chinese = selection_summary(model.params(), "zh")
    assert english is not None and "intermittent demand" in english and "ensemble of croston sba, tsb" in english
    assert chinese is not None and "间歇性需求" in chinese and "Croston（SBA）" in chinese


def test_from_the_review_seasonal_zeros_keep_the_usual_rule_and_a_sku_that_stopped_is_forecast_by_tsb() -> None:
    # Saturday spikes among days of rare demand were forecast flat (Saturdays 2.0 where 11 sold): the season is found
    # first, and a series with one keeps auto's usual rule.
    generator = np.random.default_rng(7)
    days = np.arange(364)
    weekend = np.where(days % 7 == 5, generator.poisson(12, 364),
                       np.where(generator.random(364) < 0.15, generator.poisson(2, 364) + 1, 0)).astype(float)
    seasonal = AutoForecaster(seed=0).fit(_frame(weekend, "D"), DAILY)
    forecast = seasonal.forecast(_frame(np.zeros(14), "D"))
    assert "intermittent" not in seasonal.params() and forecast.max() > 3 * np.median(forecast)
    # The last 31 weeks without demand after weeks of 4 a week: Croston's mean kept 4.6, TSB's decays to 0.2.
    stopped = np.r_[_demand(73, 0.4, 10, 5), np.zeros(31)]
    model = AutoForecaster(seed=0).fit(_frame(stopped), WEEKLY)
    assert model.chosen_ == "tsb" and model.params()["demand_stopped"]
    assert model.forecast(_frame(np.zeros(4)))[0] < 0.2 * stopped[stopped > 0].mean() * 0.4


def test_the_band_of_a_demand_rate_keeps_its_width_past_the_measured_steps() -> None:
    values = _demand(104, 0.2, 8, 3)
    result = run(_frame(values), WEEKLY, RunRequest("auto", horizon=120))
    future = result.predictions[result.predictions["split"] == "future"]
    width = (future["upper"] - future["lower"]).to_numpy()
    assert result.band is not None and not result.band.grows
    assert width[-1] == pytest.approx(width[-60])  # 60 and 120 steps ahead: as wide (with sqrt growth, 1.4 times)


def test_the_forecast_says_a_demand_rates_band_keeps_its_width() -> None:
    from core.evaluation.pipeline import forecast_future
    from core.ui.runs import forecast_captions

    future = forecast_future(_frame(_demand(104, 0.2, 8, 3)), WEEKLY, RunRequest("auto", horizon=60))
    assert future.attrs.get("band_steady") is True
    captions = " ".join(forecast_captions(future, 60))
    assert "keeps the width of its last step" in captions and "square root" not in captions
