"""One run of the pipeline: split, fit, predict, measure, and forecast past the end."""
from __future__ import annotations

import copy
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency, calendar_places, check_writable_dates, future_dates, month_day
from core.data.tidy import TARGET_CEILING, TARGET_RUNNING, TARGET_SIGNED, count
from core.errors import SettingsError
from core.limits import count_limit
from core.evaluation.intervals import LEVELS, Band, band_columns, measure_band, origins_reported, with_band
from core.evaluation.metrics import regression_metrics, seasonal_naive_scale
from core.evaluation.split import MIN_TRAIN_ROWS, split_boundary, split_frame, train_rows  # noqa: F401 (re-exported)
from core.models.auto import USES_REGRESSORS
from core.models.base import Forecaster
from core.models.features import constant_regressors, constant_term
from core.models.specs import ModelSettings, Value, build_forecaster, settings_in_use, spec_for
from core.training.loop import EpochCallback, shared_budget, torch_threads_here

MAX_HORIZON = 10_000  # TSR_MAX_HORIZON, read at each check (``check_horizon``)
INTERVAL_LEVEL = LEVELS[0][0]  # the level of ``lower`` / ``upper``
BAND_LEVELS = LEVELS  # interval levels and the suffix of their columns


@dataclass(frozen=True)
class RunRequest:
    """What to run: a model name, its settings, the split and the forecast horizon."""

    model: str = "linear"
    settings: ModelSettings = field(default_factory=ModelSettings)
    train_fraction: float = 0.7
    horizon: int = 0


@dataclass
class RunResult:
    """Everything a run produced, in original units."""

    request: RunRequest
    predictions: pd.DataFrame
    metrics: dict[str, dict[str, float | None]]
    params: dict[str, Any]
    fit_seconds: float
    device: str
    closed_form_gap: float | None
    losses: list[float]
    coefficients: dict[str, float] | None
    forecaster: Forecaster
    settings_used: dict[str, Value]
    budget_note: str = ""  # set when the training budget ended the fit early
    kept_epoch: int | None = None  # a mini-batch or single-row fit that kept an earlier epoch's weights (its best)
    band_stopped: bool = False  # kept by a page stopped while its band was measured (``core.ui.session.keep_trained``)
    band: Band | None = None  # the test rows' band: backtest inside the training rows
    exact_loss_zero: bool = False  # the exact least-squares loss is about 0: ``closed_form_gap`` is a variance share
    start_loss: float | None = None  # the training loss before the first update (descent only)
    noisy_batches: bool = False  # trained on mini-batches smaller than its training rows, or single rows
    number: int = 0  # its number among a session's runs (``#3``), kept when older runs are dropped; 0 outside one

    def summary(self) -> dict[str, Any]:
        """The metrics JSON of the command line."""
        return {"model": self.request.model, "params": self.params, "train": self.metrics["train"],
                "test": self.metrics["test"], "fit_seconds": self.fit_seconds,
                "closed_form_gap": self.closed_form_gap, "device": self.device,
                "train_fraction": self.request.train_fraction, "horizon": self.request.horizon,
                "seed": self.request.settings.seed}


def horizon_limit() -> int:
    """The most steps a forecast may take: ``MAX_HORIZON``, or TSR_MAX_HORIZON."""
    return count_limit("TSR_MAX_HORIZON", MAX_HORIZON)


def check_horizon(horizon: int) -> None:
    """Raises ``SettingsError`` for a horizon outside ``0..`` the limit (``horizon_limit``)."""
    most = horizon_limit()
    if not 0 <= horizon <= most:
        raise SettingsError(f"A horizon of {horizon:,} steps is outside 0 to {most:,}: "
                            "forecast fewer steps, or set TSR_MAX_HORIZON to raise the limit.", "err.horizon_limit",
                            {"horizon": horizon, "most": most})


def run(frame: pd.DataFrame, frequency: Frequency, request: RunRequest,
        callback: EpochCallback | None = None, future_regressors: pd.DataFrame | None = None,
        filled: Sequence[int] = (), on_stage: Callable[[str, float], None] | None = None,
        on_trained: Callable[[RunResult], None] | None = None) -> RunResult:
    """Fit ``request.model`` on the training rows, score it on train and test, then forecast.

    ``filled``: rows whose target the file left blank (``DataReport.filled_targets``); the models train on their
    filled values, but no score counts them and the predictions leave their ``actual`` blank (an interpolated test row
    scored as an observation flattered a model that interpolates too). On a series never below zero the fitted
    values and the test forecasts are both held at 0 (``held_at_zero``), so train and test are scored alike.

    The test rows get the band of a backtest inside the training rows (``prediction_band``); the
    forecast past the end refits the same model, same seed, on every row, and backtests it there.
    ``on_stage("band", 0.0)`` is called when the training is done and the band's backtest begins (then
    ``on_stage("band", share)`` as its refits are done, share of them), and
    ``on_stage("forecast", 0.0)`` before the forecast past the end (progress for a page); ``on_trained`` is given the
    run as it is before its band (none; no forecast past the end), for a page to keep should it be stopped then.
    """
    check_horizon(request.horizon)
    torch_threads_here()  # auto's closed forms and the baselines' arithmetic run in this thread too
    train, test = split_frame(frame, request.train_fraction, filled)
    forecaster = build_forecaster(request.model, request.settings, frequency)
    started = time.perf_counter()
    forecaster.fit(train, frequency, callback)
    fit_seconds = time.perf_counter() - started
    trained_on = forecaster.history_as_fitted(train)["y"].to_numpy(dtype=float)  # a typed -5000 fitted as expected
    ceiling, signed = target_ceiling(frame), bool(frame.attrs.get(TARGET_SIGNED))
    fitted, _ = held_at_zero(forecaster.fitted_values(), trained_on, signed)  # scored as the test rows are
    fitted, _ = held_at_ceiling(fitted, ceiling)
    predicted, below_zero = held_at_zero(forecaster.forecast(test), trained_on, signed)
    predicted = held_at_last(predicted, trained_on, bool(frame.attrs.get(TARGET_RUNNING)))
    predicted, above = held_at_ceiling(predicted, ceiling)
    actual = observed_values(frame["y"], filled)
    places = calendar_places(train["ds"], frequency)  # a season apart on the calendar, across missing stamps
    scale = seasonal_naive_scale(actual[:len(train)], frequency.season_length, places)  # values the file gave
    metrics = {"train": regression_metrics(actual[:len(train)], fitted, scale),
               "test": regression_metrics(actual[len(train):], predicted, scale)}
    history = forecaster.training_history()
    trained = RunResult(request=request, predictions=pd.DataFrame({
                            "ds": frame["ds"], "actual": actual, "predicted": np.concatenate([fitted, predicted]),
                            "split": ["train"] * len(train) + ["test"] * len(test),
                            **band_columns(len(frame), predicted, None, len(train))}),
                        metrics=metrics, params={**forecaster.params(), **(
                            {"held_at_zero_from_step": below_zero} if below_zero else {}),
                            **({"held_at_ceiling_from_step": above, "ceiling": ceiling} if above else {})},
                        fit_seconds=fit_seconds, device=forecaster.compute_device(),
                        closed_form_gap=forecaster.closed_form_gap(), exact_loss_zero=forecaster.exact_loss_is_zero(),
                        losses=list(history.losses) if history else [], coefficients=forecaster.coefficients(),
                        forecaster=forecaster,
                        settings_used=settings_in_use(request.model, request.settings, frequency, forecaster.params()),
                        budget_note=history.budget_note if history else "",
                        kept_epoch=history.kept_epoch if history else None,
                        start_loss=history.start_loss if history else None,
                        noisy_batches=bool(history and history.noisy))
    if on_trained is not None:
        on_trained(trained)
    if on_stage is not None:
        on_stage("band", 0.0)
    with origins_reported(None if on_stage is None else lambda share: on_stage("band", share)):
        band = prediction_band(train, frequency, request, forecaster)
    predictions = trained.predictions.assign(**band_columns(len(frame), predicted, band, len(train)))
    below_zero_ahead = above_ahead = bound_ahead = chosen_ahead = reach = used = replaced_ahead = no_band_ahead = None
    if request.horizon > 0:
        if on_stage is not None:
            on_stage("forecast", 0.0)
        with origins_reported(None if on_stage is None else lambda share: on_stage("forecast", share)):
            future = forecast_future(frame, frequency, request, future_regressors)
        predictions = pd.concat([predictions, future], ignore_index=True)
        below_zero_ahead = future.attrs.get("held_at_zero_from_step")  # the concatenation keeps no attrs
        above_ahead = future.attrs.get("held_at_ceiling_from_step")
        bound_ahead = future.attrs.get("held_at_bound")
        chosen_ahead = future.attrs.get("chosen")
        reach = future.attrs.get("regressors_reach")
        used = future.attrs.get("regressors_used")
        replaced_ahead = future.attrs.get("replaced")
        no_band_ahead = future.attrs.get("no_band_rows")
    params = {**trained.params, **({"future_held_at_zero_from_step": below_zero_ahead} if below_zero_ahead else {}),
              **({"future_held_at_ceiling_from_step": above_ahead, "ceiling": ceiling} if above_ahead else {}),
              **({"future_held_at_bound": bound_ahead} if bound_ahead else {}),
              **({"future_chosen": chosen_ahead} if chosen_ahead else {}),
              **({"future_regressors_reach": reach} if reach is not None else {}),
              **({"future_regressors_used": list(used)} if used else {}),
              **({"future_replaced": replaced_ahead} if replaced_ahead else {}),
              **({"future_no_band_rows": no_band_ahead} if no_band_ahead is not None else {})}
    return replace(trained, predictions=predictions, params=params, band=band)


def observed_values(values: pd.Series, filled: Sequence[int] = ()) -> np.ndarray:
    """``values`` as floats, NaN in the ``filled`` rows (positions; none out of range)."""
    actual = values.to_numpy(dtype=float).copy()
    rows = np.asarray(filled, dtype=int)
    actual[rows[(rows >= 0) & (rows < len(actual))]] = np.nan
    return actual


def prediction_band(history: pd.DataFrame, frequency: Frequency, request: RunRequest,
                    fitted: Forecaster) -> Band | None:
    """The band of ``fitted`` (``request.model`` fitted on ``history``) from a rolling-origin
    backtest inside ``history`` (``core.evaluation.intervals.measure_band``) that refits the model
    at most ``interval_origins`` times, or the band the model measured itself (``auto``, from its
    selection backtest); None when no origin could be fitted. A constant history has a band of zero width:
    its backtest errors are rounding noise (1e-8), whose ratios made 95% bands thousands of times wider. A history
    never below zero gives a band that stops at zero (``Band.floor``), and a percentage's stops at 100
    (``target_ceiling``, ``Band.ceiling``)."""
    ceiling, signed = target_ceiling(history), bool(history.attrs.get(TARGET_SIGNED))
    running = bool(history.attrs.get(TARGET_RUNNING))
    history = fitted.history_as_fitted(history)
    values = history["y"].to_numpy(dtype=float)
    if len(values) and np.ptp(values) == 0:
        return Band(np.zeros(1), {level: 0.0 for level, _ in BAND_LEVELS}, origins=0)
    band = _band_of(history, frequency, request, fitted)
    if band is not None and fitted.steady_errors():  # a flat demand rate's errors do not grow past the measured steps
        band = replace(band, grows=False)
    if band is None:
        return None
    # A series never below zero (counts, sales) keeps its band there too, but a rate of change or interest (``signed``,
    # ``core.data.tidy.signed_rate``); a percentage below 100; a running total at its last value or above.
    floor = 0.0 if never_below_zero(values) and not signed else band.floor
    floor = max(floor, float(values[np.isfinite(values)][-1])) if running and np.isfinite(values).any() else floor
    return replace(band, floor=floor, ceiling=ceiling)


def _band_of(history: pd.DataFrame, frequency: Frequency, request: RunRequest, fitted: Forecaster) -> Band | None:
    measured = fitted.measured_band()
    if measured is not None:
        return measured
    template = fitted.interval_model()

    def factory() -> Forecaster:
        if template is not None:
            return copy.deepcopy(template)
        return build_forecaster(request.model, request.settings, frequency)

    with shared_budget():  # the refits together take at most one training's time
        return measure_band(history, frequency, factory, spec_for(request.model).interval_origins,
                            fitted.fewest_refit_rows())


@dataclass(frozen=True)
class Refit:
    """A model refitted on every row and its band: all that a forecast of any horizon needs (neither depends on
    the horizon, so a page keeps it while only the horizon changes)."""

    model: Forecaster
    band: Band | None


def refit_on_all_rows(frame: pd.DataFrame, frequency: Frequency, request: RunRequest) -> Refit:
    """``request.model`` fitted on every row of ``frame``, with the band of a backtest on them (``prediction_band``)."""
    torch_threads_here()
    model = build_forecaster(request.model, request.settings, frequency).fit(frame, frequency)
    return Refit(model, prediction_band(frame, frequency, request, model))


def forecast_run(frame: pd.DataFrame, frequency: Frequency, horizon: int, chosen: RunResult | None,
                 fallback: RunRequest, future_regressors: pd.DataFrame | None = None,
                 refit: Callable[[RunRequest], Refit] | None = None) -> pd.DataFrame:
    """Forecast ``horizon`` steps past the end with a run's model and settings (``fallback``'s
    without a run), refitted on every row, with the band of a backtest on every row."""
    request = replace(chosen.request if chosen is not None else fallback, horizon=horizon)
    return forecast_future(frame, frequency, request, future_regressors, refit)


def forecast_future(frame: pd.DataFrame, frequency: Frequency, request: RunRequest,
                    future_regressors: pd.DataFrame | None = None,
                    refit: Callable[[RunRequest], Refit] | None = None) -> pd.DataFrame:
    """Refit on all rows and predict ``request.horizon`` steps past the end; with the file's future rows of the
    regressors, at those rows' own time stamps: where the history is off the calendar (time stamps missing, business
    days without their holidays) the rows are matched by position, and the calendar's next dates named other days
    than the values' own (a holiday the file leaves out was forecast, its last day was not).

    Columns ``ds, actual (NaN), predicted, split ("future")`` and the 95% and 80% bands
    (``lower, upper, lower_80, upper_80``), which widen with the step ahead as the backtest errors
    do (``prediction_band`` on all rows; NaN when the model could not be backtested). Neither the
    forecast nor the band of a step depends on how many steps are asked for. ``refit(request)`` gives the refitted
    model and band (a page's kept one; ``refit_on_all_rows`` by default), asked for once the horizon is checked.
    """
    check_horizon(request.horizon)
    request, reach = _without_short_regressors(request, future_regressors)
    stamps = future_dates(frame["ds"].iloc[-1], frequency, request.horizon, month_day(frame["ds"]))
    check_writable_dates(stamps, frame["ds"].iloc[-1])
    future = pd.DataFrame({"ds": stamps})
    uses_regressors = spec_for(request.model).uses_regressors
    wanted = request.settings.regressors if uses_regressors else ()
    # Those the refit leaves out, the same in every row (``constant_regressors``): their future is their one value
    # (one store's promo stopped every other store's forecast, asking for its future values).
    left_out = constant_regressors(frame, [name for name in wanted if name in frame])
    held = {name for name in wanted if constant_term(name) in left_out}
    for name in wanted:
        if name in held:
            future[name] = frame[name].dropna().iloc[0]
            continue
        if future_regressors is None:
            raise SettingsError(f"Forecasting {count(request.horizon, 'step')} with regressor '{name}' needs its "
                                "future values: add rows past the end with the regressors filled and the target left "
                                "blank.",
                                "err.future_regressors", {"steps": request.horizon, "regressor": name})
        if len(future_regressors) < request.horizon:
            raise _future_regressors_short(future_regressors)
        future[name] = future_regressors[name].to_numpy()[: request.horizon]
    if set(wanted) - held and future_regressors is not None and "ds" in future_regressors:
        future["ds"] = future_regressors["ds"].to_numpy()[: request.horizon]  # each row at its own time stamp
    fitted = refit(request) if refit is not None else refit_on_all_rows(frame, frequency, request)
    model = fitted.model
    as_fitted = model.history_as_fitted(frame)["y"].to_numpy(dtype=float)  # a typed -5000 fitted as expected
    values, below_zero = held_at_zero(model.forecast(future), as_fitted, bool(frame.attrs.get(TARGET_SIGNED)))
    values = held_at_last(values, as_fitted, bool(frame.attrs.get(TARGET_RUNNING)))
    ceiling = target_ceiling(frame)
    values, above = held_at_ceiling(values, ceiling)
    rows = pd.DataFrame({"ds": future["ds"], "actual": np.nan, "predicted": values, "split": "future"})
    rows = with_band(rows, values, fitted.band, 0)
    if fitted.band is None and (fewest := model.fewest_refit_rows()) >= len(frame):  # said: a refit needs every row
        rows.attrs["no_band_rows"] = fewest  # (two weeks of hours for weekly pairs); other reasons said with the test
    if below_zero:
        rows.attrs["held_at_zero_from_step"] = below_zero  # for the Forecast page's note
    if above:
        rows.attrs["held_at_ceiling_from_step"] = above
        rows.attrs["ceiling"] = ceiling
    if held := model.held_at_bound():  # a recursion or trend run past the history's range widened by it: held there
        rows.attrs["held_at_bound"] = held
    if fitted.band is not None and fitted.band.origins and request.horizon > fitted.band.horizon:  # past it widened
        # (a constant history's band measured nothing: zero wide at every step, no step past what was measured)
        rows.attrs["band_measured_steps"] = fitted.band.horizon
        if not fitted.band.grows:  # kept at its last step's width (``Band.grows``)
            rows.attrs["band_steady"] = True
    params = model.params()
    if (chosen := params.get("chosen")) is not None:  # auto chooses again on every row: say what
        rows.attrs["chosen"] = chosen
    if (history := model.training_history()) is not None and history.budget_note:  # the refit stopped early
        rows.attrs["budget_note"] = history.budget_note
    if reach is not None:
        rows.attrs["regressors_reach"] = reach
    if replaced := params.get("replaced"):  # auto's gross errors, fitted as the values expected there
        rows.attrs["replaced"] = replaced
    if used := regressors_used(tuple(name for name in future.columns[1:] if name not in held), params):
        rows.attrs["regressors_used"] = used  # for the Forecast page: which of the file's future values it used
    if request.settings.regressors and not uses_regressors:  # said beside the forecast
        rows.attrs["regressors_unused"] = tuple(request.settings.regressors)
    return rows


def regressors_used(given: tuple[str, ...], params: dict[str, Any]) -> tuple[str, ...]:
    """The regressors whose future values a forecast used: those ``given`` to the model that its fit kept (``params``'
    ``left_out``: a regressor at 0 in every training row), none where auto ``chosen`` models without them (its
    candidates that use them say so in their names: ``USES_REGRESSORS``)."""
    chosen, left_out = params.get("chosen"), params.get("left_out") or {}
    return () if chosen is not None and USES_REGRESSORS not in str(chosen) else \
        tuple(name for name in given if constant_term(name) not in left_out)


def _without_short_regressors(request: RunRequest, future_regressors: pd.DataFrame | None
                              ) -> tuple[RunRequest, int | None]:
    """``request`` without its regressors when its model can do without them (auto: ``ModelSpec.regressors_optional``)
    and the file's future values of them end before the horizon, and the steps they reach (None when they stay): auto
    then chooses among the models that do not use them, where it refused any horizon past those rows even when it
    went on to choose such a model."""
    spec, reach = spec_for(request.model), 0 if future_regressors is None else len(future_regressors)
    if not (request.settings.regressors and spec.uses_regressors and spec.regressors_optional) or \
            reach >= request.horizon:
        return request, None
    return replace(request, settings=replace(request.settings, regressors=())), reach


def never_below_zero(values: np.ndarray) -> bool:
    """Whether rows hold values and none is below zero (counts, sales): their band and forecast stop at zero."""
    known = values[np.isfinite(values)]
    return bool(len(known)) and bool(known.min() >= 0)


def held_at_zero(forecast: np.ndarray, history: np.ndarray, signed: bool = False) -> tuple[np.ndarray, int | None]:
    """A forecast of a history never below zero (counts, sales, passengers) held at 0 where the model goes below it, as
    its band is (``prediction_band``): closer to every actual that is not negative, and inside its own band. Also the
    first step (from 1) held, None when none was or only rounding was below zero: a series of zeros, fitted to
    -1e-8, was said to be held at 0 from step 1 on every page. Not for a rate that is ``signed`` (an inflation rate).
    """
    if signed or not never_below_zero(history):
        return forecast, None
    largest = float(np.abs(history[np.isfinite(history)]).max())  # 0 for zeros: their model's negatives are rounding
    below = np.flatnonzero(forecast < -_ROUNDING * largest) if largest > 0 else np.array([], dtype=int)
    return np.maximum(forecast, 0.0), (int(below[0]) + 1 if len(below) else None)


def held_at_last(forecast: np.ndarray, history: np.ndarray, running: bool) -> np.ndarray:
    """A forecast of a ``running`` total (``core.data.tidy.running_total``: GitHub stars, Docker pulls) kept at or
    above the history's last value and never falling from one step to the next, as the total cannot; as it is
    otherwise (a linear fit of 2,690 stars forecast 2,708 the next day, its band down to 1,805)."""
    if not running or not len(forecast) or not np.isfinite(history).any():
        return forecast
    last = float(history[np.isfinite(history)][-1])
    return np.maximum.accumulate(np.maximum(np.nan_to_num(forecast, nan=last), last))


def target_ceiling(frame: pd.DataFrame) -> float:
    """The most the target of ``frame`` can be: 100 for a percentage of a whole (``core.data.tidy.percent_ceiling``,
    kept in the frame's ``attrs`` by the loader), infinite otherwise."""
    return float(frame.attrs.get(TARGET_CEILING, np.inf))


def held_at_ceiling(forecast: np.ndarray, ceiling: float) -> tuple[np.ndarray, int | None]:
    """A forecast held at ``ceiling`` where the model goes above it (an occupancy's trend carried past 100%), and the
    first step (from 1) held, None when none was."""
    above = np.flatnonzero(forecast > ceiling)
    return np.minimum(forecast, ceiling), (int(above[0]) + 1 if len(above) else None)


_ROUNDING = 1e-9  # a forecast below zero by less than this fraction of the history's largest value is rounding


def _future_regressors_short(future_regressors: pd.DataFrame) -> SettingsError:
    """The horizon's error when the file's future rows are fewer than the steps asked for, with the blank cell
    that ends them where one does (``future_regressors.attrs["blank"]``: its columns and time stamp)."""
    rows, blank = len(future_regressors), future_regressors.attrs.get("blank")
    steps = count(rows, "step")
    if not rows and (missing := future_regressors.attrs.get("missing")):  # said "forecast at most 0 steps"
        return SettingsError(f"The file gives no future values of the regressors at the first step past the end (no "
                             f"row for {missing['stamp']}): add that row to forecast with them, or choose a model "
                             "without regressors.", "err.future_regressors_none_gap", dict(missing))
    if not rows and blank is not None:
        return SettingsError(f"The file gives no future values of the regressors at the first step past the end "
                             f"({blank['columns']} missing at {blank['stamp']}): fill that row to forecast with them, "
                             "or choose a model without regressors.", "err.future_regressors_none_blank", dict(blank))
    if missing := future_regressors.attrs.get("missing"):
        return SettingsError(f"The file gives the regressors' future values for {steps} past the end (no row for "
                             f"{missing['stamp']}): forecast at most {steps}, or add a row for {missing['stamp']}.",
                             "err.future_regressors_gap", {"rows": rows, **missing})
    fix = f"forecast at most {steps}, or fill rows past the end with their future values."
    if blank is None:
        return SettingsError(f"The file gives the regressors' future values for {steps} past the end: {fix}",
                             "err.future_regressors_short", {"rows": rows})
    return SettingsError(f"The file gives the regressors' future values for {steps} past the end "
                         f"({blank['columns']} missing at {blank['stamp']}): {fix}", "err.future_regressors_blank",
                         {"rows": rows, **blank})
