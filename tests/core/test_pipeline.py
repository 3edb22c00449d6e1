from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from core.errors import SettingsError
from core.models.features import FeatureSpec, Standardizer, design_matrix
from core.data.frequency import Frequency, future_dates, infer_frequency
from core.data.tidy import LoadOptions, load_series
from core.evaluation.pipeline import RunRequest, forecast_future, run, split_frame
from core.models.specs import ModelSettings, model_names, spec_for
from tests.conftest import monthly_frame, seasonal_values


def test_air_passengers_splits_100_train_44_test(air) -> None:
    train, test = split_frame(air.frame, 0.7)
    assert (len(train), len(test)) == (100, 44)
    assert train["ds"].iloc[-1] < test["ds"].iloc[0]


@pytest.mark.parametrize("fraction", [0.0, 1.0, 0.01, 0.02, -0.5, 1.5])
def test_a_split_that_leaves_a_side_empty_is_refused(air, fraction: float) -> None:
    with pytest.raises(SettingsError):
        split_frame(air.frame, fraction)


def test_standardizer_round_trips_and_uses_only_the_rows_it_saw() -> None:
    rng = np.random.default_rng(1)
    values = rng.normal(5, 3, size=(50, 4))
    values[:, 3] = 7.0  # a constant column must not divide by zero
    scaler = Standardizer.fit(values[:30])
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(values)), values, atol=1e-12)
    np.testing.assert_allclose(scaler.mean, values[:30].mean(axis=0))
    assert scaler.scale[3] == 1.0


@pytest.mark.parametrize("model", ["linear", "poly", "multi"])
def test_a_series_of_tiny_values_is_forecast_as_the_same_series_in_larger_units(air, model: str) -> None:
    # Values near 5e-12 were taken for a constant (a scale below 1e-12 became 1): poly's MAPE was 3.6e5 %.
    tiny = air.frame.assign(y=air.frame["y"] * 1e-14)
    small = run(tiny, air.frequency, RunRequest(model)).predictions["predicted"].to_numpy()
    plain = run(air.frame, air.frequency, RunRequest(model)).predictions["predicted"].to_numpy()
    assert np.allclose(small * 1e14, plain, rtol=1e-6)


def test_the_sine_at_half_the_period_is_zeros_not_rounding_noise_scaled_up() -> None:
    from core.models.features import fourier_columns

    columns = fourier_columns(np.arange(101.0), 12, 6)  # sin(pi t): 1e-14 of noise, which its own spread would scale
    assert np.all(columns["sin6"] == 0) and Standardizer.fit(columns["sin6"]).scale == 1.0
    assert np.ptp(columns["cos6"]) == 2.0


def test_no_test_row_statistic_leaks_into_training(air) -> None:
    poisoned = air.frame.copy()
    poisoned.loc[100:, "y"] = 1e9
    for model in ("linear", "multi", "ar"):
        clean = run(air.frame, air.frequency, RunRequest(model)).predictions
        dirty = run(poisoned, air.frequency, RunRequest(model)).predictions
        np.testing.assert_allclose(clean["predicted"], dirty["predicted"], rtol=1e-9, equal_nan=True)


@pytest.mark.parametrize("model", ["linear", "auto"])
def test_no_test_value_leaks_into_training_through_a_filled_gap_across_the_split(model: str) -> None:
    # Blank months 78-86 across the split (84 training rows) were interpolated towards row 87, a test value: changing
    # it moved a linear fit's train MAE from 0.74 to 11.3.
    months = pd.date_range("2010-01-01", periods=120, freq="MS")
    values = 100 + 0.5 * np.arange(120) + 10 * np.sin(2 * np.pi * np.arange(120) / 12)

    def written(row_87: float) -> bytes:
        cells = [f"{v:.2f}" for v in values]
        cells[78:87] = [""] * 9
        cells[87] = f"{row_87:.2f}"
        return ("month,y\n" + "".join(f"{m:%Y-%m},{c}\n" for m, c in zip(months, cells))).encode()

    first, second = (load_series(written(value), "x.csv") for value in (values[87], 500.0))
    assert first.report.filled_targets == tuple(range(78, 87))
    runs = [run(s.frame, s.frequency, RunRequest(model), filled=s.report.filled_targets).predictions for s in
            (first, second)]
    trained = [frame[frame["split"] == "train"]["predicted"].to_numpy() for frame in runs]
    np.testing.assert_allclose(trained[0], trained[1], rtol=1e-9, equal_nan=True)
    train, _ = split_frame(second.frame, 0.7, second.report.filled_targets)
    assert (train["y"].iloc[78:] == train["y"].iloc[77]).all()  # the last value given, carried on
    assert train["y"].iloc[:78].equals(second.frame["y"].iloc[:78])


def test_linear_reproduces_the_least_squares_line_on_air_passengers(air) -> None:
    result = run(air.frame, air.frequency, RunRequest("linear"))
    slope, intercept = np.polyfit(np.arange(100), air.frame["y"].iloc[:100], 1)
    expected = intercept + slope * np.arange(144)
    np.testing.assert_allclose(result.predictions["predicted"], expected, rtol=1e-6)
    assert result.closed_form_gap is not None and result.closed_form_gap <= 1e-4
    assert result.metrics["test"]["mape"] == pytest.approx(11.92, abs=0.05)


@pytest.mark.parametrize(("optimizer", "lr"), [("momentum", 0.05), ("adam", 1.0), ("rmsprop", 10.0)])
def test_momentum_and_adaptive_steps_reach_the_exact_line_instead_of_stopping_or_diverging(air, optimizer: str,
                                                                                          lr: float) -> None:
    # Momentum and Adam overshoot and come back: the linear model's patience of 3 stopped momentum after 8 epochs at
    # 3.07 times the exact loss (slope +3.637 a month against 2.334). RMSProp's first step is ten times its rate: at 10
    # its loss went 15,144 times the start at update 1 and back at update 2, and the run was refused as diverged.
    from core.models.specs import LINEAR_TRAINING

    training = LINEAR_TRAINING.with_(optimizer=optimizer, lr=lr, epochs=300)
    result = run(air.frame, air.frequency, RunRequest("linear", ModelSettings(training=training)))
    assert len(result.losses) > 20 and result.closed_form_gap is not None and result.closed_form_gap < 1e-6
    slope = np.polyfit(np.arange(100), air.frame["y"].iloc[:100], 1)[0]
    assert np.diff(result.predictions["predicted"].to_numpy()[:2])[0] == pytest.approx(slope, rel=1e-3)


@pytest.mark.parametrize("batch", ["mini", "single"])
def test_mini_batches_keep_the_linear_models_patience(air, batch: str) -> None:
    # Their loss bounces at a noise floor: 50 stale epochs made such runs 13-15 times slower, and no closer.
    from core.models.specs import LINEAR_TRAINING

    training = LINEAR_TRAINING.with_(optimizer="sgd", lr=0.05, batch=batch, batch_size=16, epochs=200)
    result = run(air.frame, air.frequency, RunRequest("linear", ModelSettings(training=training)))
    assert len(result.losses) < 50


def test_multi_recovers_a_seasonal_series_exactly() -> None:
    frame = monthly_frame(seasonal_values(120))
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("multi", horizon=12))
    assert result.metrics["test"]["mae"] < 1e-4
    future = result.predictions[result.predictions["split"] == "future"]
    np.testing.assert_allclose(future["predicted"], seasonal_values(132)[120:], atol=1e-4)


def test_ar_recovers_an_autoregressive_process() -> None:
    rng = np.random.default_rng(3)
    values = np.zeros(400)
    for t in range(2, 400):
        values[t] = 0.6 * values[t - 1] - 0.3 * values[t - 2] + rng.standard_normal()
    frame = pd.DataFrame({"ds": np.arange(400), "y": values})
    result = run(frame, Frequency("steps", None, 1), RunRequest("ar", ModelSettings(values={"lags": 2})))
    model = result.forecaster.model  # type: ignore[attr-defined]  # (ar on the calendar: ``OnCalendar``)
    weight, _ = model.torch_fit_.linear_weights()
    np.testing.assert_allclose(weight, [0.6, -0.3], atol=0.1)
    assert result.closed_form_gap is not None and result.closed_form_gap <= 1e-4


def test_seasonal_naive_repeats_the_last_season() -> None:
    frame = monthly_frame(seasonal_values(48))
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("snaive", horizon=24))
    future = result.predictions[result.predictions["split"] == "future"]["predicted"].to_numpy()
    np.testing.assert_allclose(future, np.tile(frame["y"].to_numpy()[-12:], 2))


@pytest.mark.parametrize("model", model_names())
def test_every_model_predicts_every_row_and_the_future(air, model: str) -> None:
    result = run(air.frame, air.frequency, RunRequest(model, horizon=12))
    predictions = result.predictions
    assert len(predictions) == 156
    assert predictions["split"].value_counts().to_dict() == {"train": 100, "test": 44, "future": 12}
    assert predictions.loc[100:, "predicted"].notna().all()
    assert result.metrics["test"]["mae"] is not None and result.metrics["test"]["mae"] > 0
    bands = predictions[["lower", "lower_80", "upper_80", "upper"]]
    assert bands.iloc[100:].notna().all().all() and bands.iloc[:100].isna().all().all()
    assert (bands.iloc[100:].diff(axis=1).iloc[:, 1:] >= 0).all().all()  # nested, in order
    assert (predictions["lower_80"].iloc[100:] <= predictions["predicted"].iloc[100:]).all()
    assert (predictions["predicted"].iloc[100:] <= predictions["upper_80"].iloc[100:]).all()


def test_same_seed_gives_the_same_numbers(air) -> None:
    first = run(air.frame, air.frequency, RunRequest("mlp", ModelSettings(seed=7)))
    again = run(air.frame, air.frequency, RunRequest("mlp", ModelSettings(seed=7)))
    other = run(air.frame, air.frequency, RunRequest("mlp", ModelSettings(seed=8)))
    np.testing.assert_array_equal(first.predictions["predicted"], again.predictions["predicted"])
    assert not np.allclose(first.predictions["predicted"], other.predictions["predicted"])


@pytest.mark.parametrize(("last", "alias", "expected"), [
    ("1960-12-01", "MS", ["1961-01-01", "1961-02-01"]),
    ("1956-10-01", "QS-OCT", ["1957-01-01", "1957-04-01"]),
    ("2020-01-31", "ME", ["2020-02-29", "2020-03-31"]),
    ("1999-01-01", "YS-JAN", ["2000-01-01", "2001-01-01"]),
    ("2024-03-10 23:00", "h", ["2024-03-11 00:00", "2024-03-11 01:00"]),
    ("2022-06-15", "MS", ["2022-07-15", "2022-08-15"]),  # stamps mid-month keep their day
    ("2022-06-29", "MS", ["2022-07-29", "2022-08-29"]),  # the 29th, not a month end: its day (it went to the 1st)
    ("2022-06-30", "ME", ["2022-07-31", "2022-08-31"]),  # a month end keeps the anchor
    ("2020-11-15", "QS", ["2021-02-15", "2021-05-15"]),
    ("2020-04-10", "YS", ["2021-04-10", "2022-04-10"]),
])
def test_forecast_dates_are_calendar_correct(last: str, alias: str, expected: list[str]) -> None:
    dates = future_dates(pd.Timestamp(last), Frequency("x", alias, 1), 2)
    assert dates.tolist() == [pd.Timestamp(d) for d in expected]


@pytest.mark.parametrize(("day", "last", "expected"), [
    (30, "2019-02-28", ["2019-03-30", "2019-04-30"]),  # was the 28th of each month on
    (29, "2019-02-28", ["2019-03-29", "2019-04-29"]),
    (30, "2020-02-29", ["2020-03-30", "2020-04-30"]),  # was the 1st of March (Feb 29 read as a month end)
    (29, "2020-02-29", ["2020-03-29", "2020-04-29"]),
])
def test_a_series_on_a_late_day_ending_in_february_goes_on_on_its_day(day: int, last: str,
                                                                       expected: list[str]) -> None:
    stamps = [pd.Timestamp(last) - pd.DateOffset(months=k, day=day) for k in range(23, 0, -1)] + [pd.Timestamp(last)]
    assert {stamp.day for stamp in stamps[-12:]} == {day, pd.Timestamp(last).day}
    csv = pd.DataFrame({"date": [s.strftime("%Y-%m-%d") for s in stamps], "sales": np.arange(24.0) + 100})
    series = load_series(csv.to_csv(index=False).encode(), "late.csv")
    assert series.frame["ds"].iloc[-1] == pd.Timestamp(last) and not series.report.gaps
    result = run(series.frame, series.frequency, RunRequest("snaive", ModelSettings(), horizon=2))
    future = result.predictions[result.predictions["split"] == "future"]
    assert future["ds"].tolist() == [pd.Timestamp(d) for d in expected]


def test_a_series_on_the_28th_with_one_late_reading_stays_on_the_28th() -> None:
    # The largest day of the last year moved it: one reading on 30 September put the forecast on the 30th.
    stamps = [pd.Timestamp("2021-03-28") + pd.DateOffset(months=k) for k in range(12)]
    stamps[6] = pd.Timestamp("2021-09-30")
    csv = pd.DataFrame({"date": [s.strftime("%Y-%m-%d") for s in stamps], "v": np.arange(12.0)}).to_csv(index=False)
    series = load_series(csv.encode(), "late.csv")
    future = forecast_future(series.frame, series.frequency, RunRequest("snaive", horizon=2))
    assert future["ds"].tolist() == [pd.Timestamp("2022-03-28"), pd.Timestamp("2022-04-28")]


def test_a_forecast_refit_cut_short_by_the_budget_is_not_kept(air, monkeypatch) -> None:
    from core.ui import state_keys as keys
    from core.ui.runs import kept_refit

    state: dict[str, object] = {}
    monkeypatch.setenv("TSR_TRAIN_MAX_SECONDS", "0.05")  # a busy server: the refit stops early
    cut = forecast_future(air.frame, air.frequency, RunRequest("mlp", horizon=3), refit=kept_refit(state, air))
    assert cut.attrs.get("budget_note") and state[keys.FORECAST_REFIT] is None  # another click tries again
    monkeypatch.setenv("TSR_TRAIN_MAX_SECONDS", "120")
    whole = forecast_future(air.frame, air.frequency, RunRequest("mlp", horizon=3), refit=kept_refit(state, air))
    assert not whole.attrs.get("budget_note") and state[keys.FORECAST_REFIT][2].model is not None


def test_a_gap_in_a_series_on_the_30th_from_february_to_february_is_filled_on_the_30th() -> None:
    stamps = [pd.Timestamp("2019-02-28")] + [pd.Timestamp("2019-02-01") + pd.DateOffset(months=k, day=30)
                                             for k in range(1, 25)]
    kept = [stamp for row, stamp in enumerate(stamps) if row != 7]  # September 2019 missing
    csv = pd.DataFrame({"date": [s.strftime("%Y-%m-%d") for s in kept], "v": np.arange(24.0)}).to_csv(index=False)
    series = load_series(csv.encode(), "gap.csv", LoadOptions(fill_gaps=True))
    assert series.frame["ds"].tolist() == stamps  # the inserted row was on the 28th; both ends are 28 February


def test_frequency_is_inferred_from_the_dates(air) -> None:
    quarterly = pd.Series(pd.date_range("1956-01-01", periods=12, freq="QS"))
    assert infer_frequency(quarterly).name == "quarterly" and infer_frequency(quarterly).season_length == 4
    assert air.frequency.alias == "MS" and air.frequency.season_length == 12
    steps = future_dates(9, Frequency("steps", None, 1), 3)
    assert steps.tolist() == [10, 11, 12]


def test_calendar_features_have_month_dummies_with_january_as_reference(air) -> None:
    x, names = design_matrix(air.frame, np.arange(144), FeatureSpec(calendar=True), air.frequency, 100)
    assert names[:3] == ["x", "year", "month=Feb"] and len(names) == 13
    assert x[0, 2:].sum() == 0 and x[1, 2] == 1.0


def test_quality_summary_is_computed_once_per_loaded_series(air) -> None:  # type: ignore[no-untyped-def]
    from core.data.tidy import LoadOptions, load_series
    from core.ui.session import quality_of
    from tests.conftest import ROOT

    state: dict[str, object] = {}
    first = quality_of(state, air)
    assert quality_of(state, air) is first and first.rows == 144
    other = load_series(ROOT / "data" / "AirPassengers.csv")
    assert quality_of(state, other) is not first


def test_run_says_when_training_ends_and_the_band_and_the_forecast_begin(air) -> None:  # type: ignore[no-untyped-def]
    events: list[str] = []
    run(air.frame, air.frequency, RunRequest("linear", horizon=6),
        callback=lambda epoch, loss: events.append("epoch"), on_stage=lambda stage, share: events.append(stage))
    assert events[-2:] == ["band", "forecast"] and set(events[:-2]) == {"epoch"}
    events.clear()
    run(air.frame, air.frequency, RunRequest("snaive"), on_stage=lambda stage, share: events.append(stage))
    assert set(events) == {"band"}  # no forecast asked for (the band's refits say how far they have come)


def test_run_says_how_far_the_bands_refits_have_come(air) -> None:  # type: ignore[no-untyped-def]
    # A network's refits for its band took two minutes under one unmoving line on the Train page.
    stages: list[tuple[str, float]] = []
    settings = ModelSettings(training=replace(spec_for("mlp").training, epochs=5))
    run(air.frame, air.frequency, RunRequest("mlp", settings), on_stage=lambda stage, share: stages.append((stage,
                                                                                                           share)))
    shares = [share for stage, share in stages if stage == "band"]
    assert shares[0] == 0.0 and shares[-1] == 1.0 and len(shares) > 2 and shares == sorted(shares)
    stages.clear()  # auto: its search's backtests inside each refit report nothing (the bar went back a dozen times)
    run(air.frame, air.frequency, RunRequest("auto", horizon=12), on_stage=lambda stage, share: stages.append((stage,
                                                                                                           share)))
    ahead = [share for stage, share in stages if stage == "forecast"]
    assert ahead == sorted(ahead) and [stage for stage, _ in stages][-1] == "forecast"


def test_a_horizon_past_the_future_regressor_rows_names_how_far_the_file_goes() -> None:
    from core.evaluation.pipeline import forecast_future

    frame = monthly_frame(seasonal_values(48, seed=2)).assign(price=np.arange(48.0) % 3)
    future = pd.DataFrame({"price": [0.0, 1.0, 2.0, 0.0, 1.0, 2.0]})
    request = RunRequest("linear", ModelSettings(regressors=("price",)), horizon=12)
    with pytest.raises(SettingsError, match="for 6 steps past the end: forecast at most 6 steps") as raised:
        forecast_future(frame, Frequency("monthly", "MS", 12), request, future)
    assert raised.value.key == "err.future_regressors_short" and raised.value.params["rows"] == 6
    six = forecast_future(frame, Frequency("monthly", "MS", 12), replace(request, horizon=6), future)
    assert len(six) == 6 and six["predicted"].notna().all()


@pytest.mark.parametrize("model", ["ar", "naive", "snaive"])
def test_a_model_that_uses_no_regressors_forecasts_without_their_future_values(model: str) -> None:
    from core.evaluation.pipeline import forecast_future

    frame = monthly_frame(seasonal_values(48, seed=2)).assign(price=np.arange(48.0) % 3)
    request = RunRequest(model, ModelSettings(regressors=("price",)), horizon=7)
    future = forecast_future(frame, Frequency("monthly", "MS", 12), request)
    assert future["predicted"].notna().sum() == 7
    # ... and says so beside the forecast (the Forecast page said nothing; only the Train sidebar's help did)
    from core.ui.runs import forecast_captions

    assert future.attrs["regressors_unused"] == ("price",)
    said = forecast_captions(future, 7)[-1].replace("\\", "")  # Markdown, escaped
    assert said.startswith("This model does not use regressors: 'price' left out of its forecast (the file's future "
                           "values of them too); linear, ")
    with pytest.raises(SettingsError) as raised:  # a model that uses them still needs them
        forecast_future(frame, Frequency("monthly", "MS", 12), replace(request, model="linear"))
    assert raised.value.key == "err.future_regressors"


def test_a_regressor_the_same_in_every_row_needs_no_future_values() -> None:
    # The refit leaves it out; asking for its future values stopped every store's forecast in a file where one store
    # had promotions ("None of the 30 series could be fitted").
    from core.evaluation.pipeline import forecast_future

    frame = monthly_frame(seasonal_values(48, seed=2)).assign(promo=0.0, price=np.arange(48.0) % 3)
    request = RunRequest("multi", ModelSettings(regressors=("promo",)), horizon=7)
    future = forecast_future(frame, Frequency("monthly", "MS", 12), request)
    assert future["predicted"].notna().sum() == 7 and "regressors_used" not in future.attrs
    given = frame[["ds"]].iloc[:7].assign(ds=future["ds"].to_numpy(), promo=50.0)  # the file's own future values:
    auto = forecast_future(frame, Frequency("monthly", "MS", 12), replace(request, model="auto"), given)
    assert "regressors_used" not in auto.attrs  # not said to be used where the history's one value stood in
    plain_multi = forecast_future(frame, Frequency("monthly", "MS", 12), replace(request, settings=ModelSettings()))
    assert np.allclose(future["predicted"], plain_multi["predicted"])  # as if it had not been chosen
    with pytest.raises(SettingsError) as raised:  # one that varies still needs its future values
        forecast_future(frame, Frequency("monthly", "MS", 12), replace(request, settings=ModelSettings(
            regressors=("promo", "price"))))
    assert raised.value.key == "err.future_regressors" and raised.value.params["regressor"] == "price"


def test_seasonal_naive_on_fewer_rows_than_a_season_repeats_the_last_value_and_says_so() -> None:
    # 42 weekly training rows cannot repeat a 52-week season; it repeated a 42-week one and reported 52.
    frame = pd.DataFrame({"ds": pd.date_range("2023-01-01", periods=60, freq="W-SUN"),
                          "y": 500 + np.random.default_rng(4).normal(0, 30, 60)})
    result = run(frame, Frequency("weekly", "W-SUN", 52), RunRequest("snaive"))
    assert (result.predictions["predicted"].iloc[42:] == frame["y"].iloc[41]).all()
    assert result.params["season"] == 1 and result.params["season_asked"] == 52
    season = run(frame, Frequency("monthly", "MS", 12), RunRequest("snaive"))  # a season fits: as before
    assert season.params == {"season": 12}
    np.testing.assert_array_equal(season.predictions["predicted"].iloc[42:54], frame["y"].iloc[30:42])


def test_an_ar_forecast_held_at_its_bound_says_from_which_step() -> None:
    from core.ui.explain import result_notes
    growing = monthly_frame(10 * 1.08 ** np.arange(100) + np.random.default_rng(0).normal(0, 0.5, 100))
    result = run(growing, Frequency("monthly", "MS", 12), RunRequest("ar"))  # lags on the level: a runaway recursion
    step = result.params["held_from_step"]
    held = result.predictions["predicted"].iloc[70 + step - 1:]
    assert 1 <= step < 30 and held.nunique() == 1 and held.iloc[0] > growing["y"].iloc[:70].max()
    assert any(f"From step {step} of the test rows" in note for note in result_notes(result.params))
    assert "held_from_step" not in run(monthly_frame(seasonal_values(100, noise=1.0)), Frequency("monthly", "MS", 12),
                                       RunRequest("ar")).params


def test_ar_with_its_default_lags_fits_as_many_as_the_training_rows_allow() -> None:
    # 42 weekly training rows cannot carry 52 lags: by default it fits fewer and says so (52 sent as a value, as the
    # Train page sends its default, is still the default); asked for 40, it refuses.
    # 1.5 rows per weight and one: 16 lags and a constant on the 26 rows after the 16th (34 lags on 8 rows fitted exactly).
    frame = pd.DataFrame({"ds": pd.date_range("2023-01-01", periods=60, freq="W-SUN"),
                          "y": 500 + np.random.default_rng(4).normal(0, 30, 60)})
    weekly = Frequency("weekly", "W-SUN", 52)
    result = run(frame, weekly, RunRequest("ar", horizon=4))
    assert result.params["lags"] == list(range(1, 17)) and result.params["lags_asked"].startswith("1-52")
    assert result.metrics["train"]["r2"] < 0.9  # noise: not fitted exactly
    assert np.isfinite(result.predictions["predicted"].iloc[42:]).all()
    assert np.isfinite(result.predictions["lower"].iloc[42:]).all()  # the band's refits fit their own lags too
    as_sent = run(frame, weekly, RunRequest("ar", ModelSettings(values={"lags": 52})))  # the Train page's default
    assert as_sent.params["lags"] == result.params["lags"] and as_sent.params["lags_asked"].startswith("1-52")
    from core.ui.explain import result_notes  # the page and Compare said nothing and "lags=52" of the 16 it used
    assert "The training rows carry lags 1-16 only" in " ".join(result_notes(result.params))
    assert as_sent.settings_used["lags"] == 16 and result.settings_used["lags"] == 16
    with pytest.raises(SettingsError) as refused:
        run(frame, weekly, RunRequest("ar", ModelSettings(values={"lags": 40})))
    assert refused.value.key == "err.lags_rows" and refused.value.params["least"] == 40 + 62


def test_autoregression_on_too_few_rows_for_one_lag_names_the_rows_not_a_lag_setting() -> None:
    frame = pd.DataFrame({"ds": pd.date_range("2023-01-01", periods=8, freq="MS"), "y": np.arange(8.0) ** 1.5})
    monthly = Frequency("monthly", "MS", 12)
    with pytest.raises(SettingsError, match="ar needs at least 9 training rows \\(there are 5\\)") as refused:
        run(frame, monthly, RunRequest("ar"))  # lags left to the model, as from the command line, which sets none
    assert refused.value.key == "err.rows_for_lags" and "lags" not in str(refused.value)
    with pytest.raises(SettingsError) as one_lag:  # set to 1 lag, there are no fewer to use: it said "use fewer lags"
        run(frame, monthly, RunRequest("ar", ModelSettings(values={"lags": 1})))
    assert one_lag.value.key == "err.rows_for_lags" and "raise the train fraction" in str(one_lag.value)


def test_a_forecast_below_zero_of_a_series_never_below_zero_is_held_at_zero_inside_its_band() -> None:
    # Sales that fell, then held: the trend line reaches zero in the test rows (and poly's extrapolation of
    # AirPassengers went to -25,028 beneath a band cut at zero: 598 of 1,000 forecast steps outside their own band).
    frame = monthly_frame(np.r_[np.linspace(800.0, 20.0, 40), np.full(40, 50.0)])
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("linear", train_fraction=0.5, horizon=24))
    ahead = result.predictions[result.predictions["split"] != "train"]
    assert ahead["predicted"].min() == 0.0
    assert (ahead["predicted"] >= ahead["lower"]).all() and (ahead["predicted"] <= ahead["upper"]).all()
    step = result.params["held_at_zero_from_step"]
    test = ahead[ahead["split"] == "test"]
    assert test["predicted"].iloc[step - 1] == 0.0 and test["predicted"].iloc[step - 2] > 0.0
    assert result.metrics["test"]["mae"] == pytest.approx(np.mean(np.abs(test["predicted"] - test["actual"])))
    negative = monthly_frame(np.r_[np.linspace(800.0, -20.0, 40), np.full(40, 50.0)])  # below zero: as the model says
    result = run(negative, infer_frequency(negative["ds"]), RunRequest("linear", train_fraction=0.5, horizon=24))
    assert result.predictions["predicted"].min() < -100 and "held_at_zero_from_step" not in result.params


def test_the_fitted_values_of_a_series_never_below_zero_are_held_at_zero_as_its_forecasts_are() -> None:
    # Demand that fell to nothing: the trend line goes below zero inside the training rows. Its train MAE was scored on
    # negative fitted values where its test MAE was scored on values held at 0.
    frame = monthly_frame(np.r_[np.linspace(300.0, 0.0, 30), np.zeros(30)])
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("linear", train_fraction=0.7))
    train = result.predictions[result.predictions["split"] == "train"]
    assert train["predicted"].min() == 0.0 and (train["predicted"] == 0.0).sum() >= 5
    assert result.metrics["train"]["mae"] == pytest.approx(np.mean(np.abs(train["predicted"] - train["actual"])))
    raw = result.forecaster.fitted_values()
    assert raw.min() < -20 and np.array_equal(train["predicted"].to_numpy(), np.maximum(raw, 0.0))


def test_ar_never_fits_nearly_as_many_weights_as_rows() -> None:
    # 20 monthly training rows and 12 lags: 8 equations for 13 weights fitted the training rows exactly (R² 1,
    # train MAE 1e-6) and forecast from noise (test MAE 47.6), without a word.
    frame = monthly_frame(seasonal_values(29, noise=5.0))
    monthly = Frequency("monthly", "MS", 12)
    with pytest.raises(SettingsError) as refused:
        run(frame, monthly, RunRequest("ar", ModelSettings(values={"lags": 11})))
    assert refused.value.key == "err.lags_rows" and refused.value.params["least"] == 11 + 19
    result = run(frame, monthly, RunRequest("ar"))  # lags left to the model: as many as the rows can carry
    as_sent = run(frame, monthly, RunRequest("ar", ModelSettings(values={"lags": 12})))  # the default, as sent
    assert as_sent.params["lags"] == result.params["lags"]
    assert result.params["lags"] == [1, 2, 3, 4, 5, 6, 7] and result.metrics["train"]["r2"] < 0.999  # 13 rows, 8 weights
    longer = monthly_frame(seasonal_values(48, noise=5.0))  # 33 training rows carry the Train page's 12 lags
    fitted = run(longer, monthly, RunRequest("ar", ModelSettings(values={"lags": 12})))
    assert np.isfinite(fitted.predictions["lower"].iloc[33:]).all()  # the band's refits shrink their lags


@pytest.mark.parametrize("model", ["ar", "mlp", "auto"])
def test_a_kept_refit_forecasts_any_horizon_as_a_fresh_one_does(air, model: str) -> None:
    from core.evaluation.pipeline import forecast_future, refit_on_all_rows

    kept = refit_on_all_rows(air.frame, air.frequency, RunRequest(model, ModelSettings(seed=3)))
    fresh = forecast_future(air.frame, air.frequency, RunRequest(model, ModelSettings(seed=3), horizon=24))
    for horizon in (24, 60):  # neither the model nor its band depends on the horizon; forecasting changes neither
        again = forecast_future(air.frame, air.frequency, RunRequest(model, ModelSettings(seed=3), horizon=horizon),
                                refit=lambda request: kept)
        pd.testing.assert_frame_equal(again.iloc[:24], fresh)
        measured = again.attrs.pop("band_measured_steps", None)  # said only where the horizon passes the band's steps
        assert measured == (kept.band.horizon if horizon > kept.band.horizon else None)
        assert again.attrs == fresh.attrs


def test_a_forecast_past_the_end_held_at_zero_says_from_which_step() -> None:
    from core.evaluation.pipeline import forecast_future

    frame = monthly_frame(np.linspace(300.0, 40.0, 48))  # falls 5.5 a month: the line crosses zero 8 steps ahead
    future = forecast_future(frame, infer_frequency(frame["ds"]), RunRequest("linear", horizon=12))
    step = future.attrs["held_at_zero_from_step"]
    assert future["predicted"].iloc[step - 1] == 0.0 and future["predicted"].iloc[step - 2] > 0.0
    assert (future["predicted"] >= future["lower"]).all() and (future["predicted"] <= future["upper"]).all()
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("linear", horizon=12))  # the metrics JSON says it
    assert result.params["future_held_at_zero_from_step"] == step


def test_a_series_of_zeros_is_not_said_to_be_held_at_zero_nor_its_band_measured_one_step_ahead() -> None:
    # A store's product that never sold: multi fitted it to -1e-8 and every page said its forecast fell below zero
    # from step 1 (test rows from step 7), and that its band was measured on forecasts up to 1 step ahead.
    from core.evaluation.pipeline import forecast_future, held_at_zero

    frame = pd.DataFrame({"ds": pd.date_range("2024-01-01", periods=104, freq="W-MON"), "y": 0.0})
    frequency = infer_frequency(frame["ds"])
    for model in ("multi", "linear", "naive"):
        future = forecast_future(frame, frequency, RunRequest(model, horizon=8))
        assert not {"held_at_zero_from_step", "band_measured_steps"} & set(future.attrs), (model, future.attrs)
        assert (future["predicted"] >= 0).all() and np.abs(future["predicted"]).max() < 1e-6
        assert "held_at_zero_from_step" not in run(frame, frequency, RunRequest(model)).params
    values, step = held_at_zero(np.array([5.0, -1e-8, -0.5]), np.array([0.0, 40.0, 12.0]))
    assert step == 3 and values.tolist() == [5.0, 0.0, 0.0]  # rounding is held unsaid, a real fall below zero said


def test_a_series_of_several_leaves_the_regressor_values_used_to_the_summary() -> None:
    # The many-series forecast's summary says the future values used once for all; each series' captions said it again.
    from core.ui.runs import forecast_captions

    future = pd.DataFrame({"ds": [1, 2], "predicted": [1.0, 2.0]})
    future.attrs.update(regressors_used=("promo",), regressors_unused=("price",))
    alone, of_several = forecast_captions(future, 2), forecast_captions(future, 2, regressors=False)
    assert len(alone) == 2 and "promo" in alone[0] and "price" in alone[1]
    assert of_several == alone[1:]  # the values used left out; a regressor the model does not use still said


def test_the_regressors_a_forecast_used_leave_out_those_its_fit_left_out_and_those_auto_did_without() -> None:
    from core.evaluation.pipeline import regressors_used
    from core.models.features import constant_term

    given = ("promo", "price")
    assert regressors_used(given, {}) == given
    assert regressors_used(given, {"left_out": {constant_term("promo"): "it is 0 in every training row"}}) == ("price",)
    assert regressors_used(given, {"chosen": "ensemble of ETS, none: trend + season"}) == ()
    assert regressors_used(given, {"chosen": "none: trend + season + regressors + AR(1-3)"}) == given


def test_a_forecast_held_at_its_bound_past_the_end_says_from_which_step(air) -> None:  # type: ignore[no-untyped-def]
    # ar's 400 months of AirPassengers reached 1,140 (622 and the range 518 above it) at step 80 and was held there
    # wherever it passed it, unsaid.
    from core.panel.run import held_notes
    from core.ui.runs import forecast_captions

    future = forecast_future(air.frame, air.frequency, RunRequest("ar", horizon=400))
    step = future.attrs["held_at_bound"]["ar"]
    assert 1 < step < 400 and "chosen" not in future.attrs  # ar itself, no ensemble's member
    assert np.all(future["predicted"].iloc[:step - 1] < 1140) and np.isclose(future["predicted"].iloc[step - 1], 1140)
    assert f"From step {step} the forecast runs beyond the history's range" in " ".join(forecast_captions(future, 400))
    result = run(air.frame, air.frequency, RunRequest("ar", horizon=400))
    assert held_notes(result.params)[-1].startswith(f"From step {step} the forecast runs beyond")
    short = forecast_future(air.frame, air.frequency, RunRequest("ar", horizon=24))
    assert "held_at_bound" not in short.attrs
    mean = forecast_future(air.frame, air.frequency, RunRequest("auto", horizon=2000))  # one member of auto's mean held
    assert mean.attrs["chosen"].startswith("ensemble of") and mean["predicted"].iloc[-1] > 1140  # it goes on past
    assert "which auto chose, runs beyond the history's range" in " ".join(forecast_captions(mean, 2000))


def _occupancy_csv(header: str, cell: str = "{:.1f}") -> bytes:
    """Four years of a hotel's monthly occupancy climbing to 97: a trend carried two years ahead passes 100."""
    values = 60 + 0.8 * np.arange(48) + 2 * np.sin(np.arange(48))
    return (f"Month,{header}\n" + "".join(f"{2020 + i // 12}-{i % 12 + 1:02d}-01,{cell.format(v)}\n"
                                          for i, v in enumerate(values))).encode()


@pytest.mark.parametrize("header, cell", [("Occupancy %", "{:.1f}"), ("Occupancy", "{:.1f}%"),
                                          ("Percent Occupied", "{:.1f}")])
def test_a_percentage_of_a_whole_is_forecast_and_banded_no_higher_than_100(header: str, cell: str) -> None:
    # A hotel's occupancy, 60% to 97% over four years: its linear trend was forecast to 117% and its band to 141%.
    series = load_series(_occupancy_csv(header, cell), "occ.csv")
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=24))
    ahead = result.predictions[result.predictions["split"] == "future"]
    assert ahead["predicted"].max() == 100.0 and ahead[["upper", "upper_80"]].max().max() == 100.0
    step = result.params["future_held_at_ceiling_from_step"]
    assert ahead["predicted"].iloc[step - 1] == 100.0 and ahead["predicted"].iloc[step - 2] < 100.0


@pytest.mark.parametrize("header", ["Occupancy % Change", "Debt % of GDP", "Rooms Sold"])
def test_a_change_a_share_of_gdp_or_a_count_is_not_held_at_100(header: str) -> None:
    series = load_series(_occupancy_csv(header), "occ.csv")
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=24))
    assert result.predictions["predicted"].max() > 110 and "future_held_at_ceiling_from_step" not in result.params


@pytest.mark.parametrize("header, signed", [("CPI annual rate (%)", True), ("Cash Rate Target", True),
                                            ("GDP growth", True), ("Unemployment rate", False), ("Sales", False)])
def test_a_rate_of_change_or_interest_is_forecast_and_banded_below_zero_where_a_count_is_not(header: str,
                                                                                             signed: bool) -> None:
    # An inflation rate falling from 7.5% to 0.5%: its band stopped at 0 and its forecast was held there, as a count's.
    values = np.linspace(7.5, 0.5, 30) + 0.15 * np.sin(np.arange(30))
    text = f"Year,{header}\n" + "".join(f"{1990 + i},{v:.2f}\n" for i, v in enumerate(values))
    series = load_series(text.encode(), "rate.csv")
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=5))
    ahead = result.predictions[result.predictions["split"] == "future"]
    assert (ahead["predicted"].min() < 0) == signed and (ahead["lower"].min() < 0) == signed


@pytest.mark.parametrize("header", ["Returns", "Yield [kWh]", "Interest Income"])
def test_counts_and_amounts_named_returns_yield_or_interest_stay_at_zero_or_above(header: str) -> None:
    # from the review: a shop's returned items, a PV inverter's yield and interest earned were forecast below zero
    values = np.linspace(38, 3, 30) + 0.5 * np.sin(np.arange(30))
    text = f"Year,{header}\n" + "".join(f"{1990 + i},{v:.2f}\n" for i, v in enumerate(values))
    series = load_series(text.encode(), "counts.csv")
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=8))
    ahead = result.predictions[result.predictions["split"] == "future"]
    assert ahead["predicted"].min() == 0.0 and ahead["lower"].min() >= 0.0


def test_a_share_of_normal_or_a_cpu_percentage_may_pass_100() -> None:
    # from the reviews: 'Precip % of Normal', a multi-core 'CPU %' and TSA's '% of 2019 Travelers' were held at 100
    for header in ("Precip % of Normal", "CPU %", "% of 2019 Travelers"):
        series = load_series(_occupancy_csv(header), "share.csv")
        result = run(series.frame, series.frequency, RunRequest("linear", horizon=24))
        assert result.predictions["predicted"].max() > 110 and "future_held_at_ceiling_from_step" not in result.params


def test_interest_paid_on_a_mortgage_stays_at_zero_or_above_and_a_clinics_occupancy_is_no_share_of_its_patients() -> \
        None:
    # from the review: 'Mortgage Interest Paid' was forecast below zero; 'Occupancy %' took 'Total Patients' place
    values = np.linspace(1200, 20, 60)
    text = "Month,Mortgage Interest Paid\n" + "".join(f"{2019 + i // 12}-{i % 12 + 1:02d},{v:.2f}\n"
                                                      for i, v in enumerate(values))
    series = load_series(text.encode(), "mortgage.csv")
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=24))
    assert result.predictions["predicted"].min() == 0.0
    rng = np.random.default_rng(1)
    clinic = "Date,Total Patients,Occupancy %\n" + "".join(
        f"{day:%Y-%m-%d},{rng.poisson(80)},{70 + rng.normal(0, 8):.1f}\n" for day in pd.date_range("2023-01-01",
                                                                                                 periods=120))
    assert load_series(clinic.encode(), "clinic.csv").target == "Total Patients"


def _stars_csv(fall: bool = False) -> bytes:
    """A repository's star history: a running total with a jump (a launch day), flat days and slow ones after it."""
    rng = np.random.default_rng(4)
    gains = rng.poisson(np.r_[np.full(200, 1.5), [840], np.full(199, 0.3)])
    total = np.cumsum(gains).astype(float)
    if fall:
        total[300] -= 5  # a spam account's stars removed: the total can fall
    days = pd.date_range("2023-01-01", periods=len(total), freq="D")
    return ("date,stars\n" + "".join(f"{day:%Y-%m-%d},{value:.0f}\n" for day, value in zip(days, total))).encode()


def test_a_running_total_is_forecast_and_banded_no_lower_than_its_last_value_and_never_falling() -> None:
    # GitHub stars: a linear fit of 2,690 stars forecast 2,708 the next day and its band went down to 1,805
    series = load_series(_stars_csv(), "stars.csv")
    assert any(notice.key == "notice.running_total" for notice in series.report.notices)
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=30))
    last = float(series.frame["y"].iloc[-1])
    ahead = result.predictions[result.predictions["split"] == "future"]
    assert (ahead["predicted"] >= last).all() and ahead["predicted"].is_monotonic_increasing
    assert (ahead[["lower", "lower_80"]] >= last).all().all()
    test = result.predictions[result.predictions["split"] == "test"]
    trained_last = float(result.predictions[result.predictions["split"] == "train"]["actual"].iloc[-1])
    assert (test["predicted"] >= trained_last).all() and (test["lower"] >= trained_last).all()


def test_a_total_that_fell_once_is_not_held_at_its_last_value() -> None:
    series = load_series(_stars_csv(fall=True), "stars.csv")
    assert not any(notice.key == "notice.running_total" for notice in series.report.notices)
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=30))
    ahead = result.predictions[result.predictions["split"] == "future"]
    assert ahead["lower"].min() < float(series.frame["y"].iloc[-1]) - 100


@pytest.mark.parametrize("header, unit", [("Temperature", ""), ("Outdoor Temp (°C)", ""), ("mean", "°C"),
                                          ("Sales", ""), ("Temp Hours", ""), ("Departure Passengers", ""),
                                          ("anomalies", ""), ("Anomaly Count", ""), ("Dew Point", ""),
                                          ("CDD (°C)", ""), ("wind_direction (°)", ""), ("anomaly_score", ""),
                                          ("Temp Labor Cost", ""), ("Mountain Dew Units", ""), ("Temp (F)", ""),
                                          ("Temp Placements", "")])
def test_a_temperature_never_below_zero_so_far_is_forecast_and_banded_below_it_where_a_count_is_not(header: str,
                                                                                                   unit: str) -> None:
    # from a walk: an autumn of outdoor readings (Netatmo, Home Assistant's statistics in °C) was held at 0 °C
    values = np.linspace(18, 1, 40) + 0.4 * np.sin(np.arange(40))
    text = f"Date,{header}" + (",unit" if unit else "") + "\n" + "".join(
        f"2024-{10 + i // 31:02d}-{i % 31 + 1:02d},{v:.2f}" + (f",{unit}" if unit else "") + "\n"
        for i, v in enumerate(values))
    series = load_series(text.encode(), "temp.csv")
    result = run(series.frame, series.frequency, RunRequest("linear", horizon=20))
    ahead = result.predictions[result.predictions["split"] == "future"]
    signed = header in ("Temperature", "Outdoor Temp (°C)", "mean", "Dew Point", "Temp (F)")  # (reviews: staffing's temps,
    assert (ahead["predicted"].min() < 0) == signed and (ahead["lower"].min() < 0) == signed  # departing passengers,
    # counts, degree days, a wind direction, a score, a cost, cans of a soda
