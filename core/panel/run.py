"""The per-series work and what it adds up to.

``fit_series`` is a pure function of (the series' raw frame, the run's request): the same task gives the
same numbers in this process, in a worker process or on a Dask worker. ``fit_chunk`` is what every
engine calls; ``fit_each`` runs the series one at a time in this process, for a page that shows progress;
``panel_predictions`` and ``panel_metrics`` make the outputs of several series.
"""
from __future__ import annotations

import math
import statistics
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import torch
from threadpoolctl import threadpool_limits

from core.data.frequency import Frequency
from core.data.read import MAX_ROWS
from core.data.tidy import DataReport, LoadedSeries, Notice, count, quoted_names, stamps_period
from core.errors import KeyedError
from core.i18n import frequency_name, irregular_text, quoted_list, t
from core.limits import limit
from core.evaluation.left_out import (forecast_replaced_lines, held_ahead_lines, left_out_lines, no_band_lines,
                                      replaced_lines, scored_rows_lines)
from core.evaluation.metrics import regression_metrics
from core.evaluation.pipeline import RunRequest, RunResult, forecast_future, observed_values, run, split_frame
from core.models.specs import ModelSettings, build_forecaster, regressor_users, spec_for
from core.training.loop import SharedDeadline, training_deadline
from core.panel.split import SeriesTask, of_the_series

BASELINE = "snaive"  # the summary's relative MAE is against this model's test forecast


@dataclass
class SeriesOutcome:
    """One series' result: ``summary`` and ``predictions`` as for a single series, or ``error``."""

    unique_id: str
    summary: dict[str, Any] | None = None
    predictions: pd.DataFrame | None = None
    relative_mae: float | None = None  # test MAE over the seasonal-naive forecast's test MAE
    error: str | None = None
    error_key: str | None = None  # the catalog key of ``error`` (``core.i18n``) and its parameters, when it has one
    error_params: dict[str, Any] = field(default_factory=dict)
    frequency: Frequency | None = None  # the series' own spacing (a file may mix daily and monthly series)
    ends_early: dict[str, Any] | None = None  # where its values end before the file's: the notice's parameters


@dataclass(frozen=True)
class EngineInfo:
    """Where the series ran: ``local`` (this process or worker processes) or ``dask``."""

    name: str
    workers: int
    scheduler: str | None = None  # the Dask scheduler's address, for a cluster not started here


def fit_loaded(series: LoadedSeries, request: RunRequest) -> tuple[RunResult, dict[str, Any]]:
    """Run the pipeline on one tidy series; the result and the single-series metrics JSON (with its notices: what
    loading changed, and a training the budget stopped)."""
    result = run(series.frame, series.frequency, request, future_regressors=series.future,
                 filled=series.report.filled_targets)
    summary = {**result.summary(), "target": series.target, "date_col": series.date_col,
               "frequency": series.frequency.name, "rows": len(series.frame),
               "spacing": frequency_name(series.frequency, "en"),  # with opening hours: "hourly 07:00-14:00, Tue ..."
               "misaligned": misaligned_stamps(series.report),  # rows counted, not time
               "gaps": series.report.gaps,  # time stamps missing and not filled
               "notices": loading_notes(series) + _unused_regressors(request) + left_out_lines(result.params)
               + replaced_lines(result.params) + forecast_replaced_lines(result.params)
               + scored_rows_lines(result.predictions) + no_band_lines(result) + held_notes(result.params)
               + ([regressors_reach_text(reach, request.horizon)]
                  if (reach := result.params.get("future_regressors_reach")) is not None else [])
               + ([regressors_used_text(used, request.horizon)]
                  if (used := result.params.get("future_regressors_used")) else [])
               + ([result.budget_note] if result.budget_note else [])}
    return result, summary


def held_notes(params: dict[str, Any]) -> list[str]:
    """What the pages say as captions when a forecast was held: of a series never below zero, at 0 on the test rows
    (``held_at_zero_from_step``) and past the end (``future_held_at_zero_from_step``), and of a percentage at 100
    (``held_at_ceiling_from_step``, ``future_...``); past the end, at the history's
    range widened by it (``future_held_at_bound``, ``held_ahead_lines``: a trend carried 10,000 steps held unsaid)."""
    said = (("held_at_zero_from_step", "note.held_at_zero"), ("future_held_at_zero_from_step", "forecast.held_at_zero"),
            ("held_at_ceiling_from_step", "note.held_at_ceiling"),
            ("future_held_at_ceiling_from_step", "forecast.held_at_ceiling"))
    ahead = {name: params.get(f"future_{name}") for name in ("held_at_bound", "chosen")}
    no_band = [t("forecast.no_band", "en", rows=params["future_no_band_rows"])] \
        if params.get("future_no_band_rows") is not None else []
    ceiling = f"{params['ceiling']:g}" if "ceiling" in params else ""
    return [t(key, "en", step=params[name], ceiling=ceiling) for name, key in said if params.get(name)] + no_band + \
        held_ahead_lines(ahead)


def regressors_reach_text(reach: int, horizon: int, lang: str = "en") -> str:
    """Said when auto forecast past the end without the regressors, their future values ending before the
    ``horizon`` (``reach``: the steps they give, ``forecast_future``'s ``regressors_reach``): how far they go, and how
    to let it use them."""
    return t("forecast.regressors_none" if not reach else "forecast.regressors_beyond", lang, rows=reach,
             steps=horizon)


def regressors_used_text(used: Sequence[str], horizon: int, lang: str = "en") -> str:
    """Said when a forecast of ``horizon`` steps used the file's future values of the regressors ``used``
    (``forecast_future``'s ``regressors_used``)."""
    return t("forecast.regressors_used", lang, columns=quoted_list(used, lang), steps=horizon)


def _unused_regressors(request: RunRequest) -> list[str]:
    """A note when the user named regressors for a model that does not use them (``ModelSpec.uses_regressors``)."""
    regressors = request.settings.regressors
    if not regressors or spec_for(request.model).uses_regressors:
        return []
    return [f"'{request.model}' does not use regressors: {quoted_names(regressors)} left out; {regressor_users()} use "
            "them."]


def misaligned_stamps(report: DataReport) -> int:
    """The time stamps missing where some models count rows across them (off the calendar, most of it missing, or
    irregular stamps): their scores say little. 0 where every model keeps each row at its stamp."""
    if report.irregular_rows:
        return report.gaps or report.irregular_rows
    return report.gaps if report.off_calendar or report.sparse_calendar else 0


_STEPS_SAID = frozenset({"notice.dates_unread", "notice.step_numbers", "notice.fiscal_periods", "notice.steps_across",
                         "notice.steps_too_large", "notice.steps_inserted"})  # notices that say why rows are steps


def loading_notes(series: LoadedSeries) -> list[str]:
    """What loading changed or found (rows filled, dropped or combined; time stamps missing), in English."""
    notes = [str(notice) for notice in series.report.notices]
    if series.date_col is None and not {notice.key for notice in series.report.notices} & _STEPS_SAID:  # as the
        # Data page says it (a table of drugs by name read as 8 steps of 2018 spending, without a word)
        notes.append(t("data.steps_note", "en", last=len(series.frame) - 1).replace(
            "choose it under **Date column**", "name it with --date-col"))
    if off := series.report.irregular_rows:  # an event log: filling is refused (``tidy._resample``), summing is the fix
        notes.append(irregular_text(off, len(series.frame), stamps_period(series.frame["ds"]), "en"))
    elif gaps := series.report.gaps:
        most = limit("TSR_MAX_ROWS", MAX_ROWS)
        fix = ("--fill-gaps (or 'Fill missing time stamps' on the Data page)"
               if len(series.frame) + gaps <= most else
               f"Filling them would make {len(series.frame) + gaps:,} rows, more than the limit of {most:,.0f} "
               "(TSR_MAX_ROWS): combine the rows per a coarser period first (--per, 'Combine the rows per').")
        what = count(gaps, "step number") if series.frequency.is_steps else \
            f"{count(gaps, 'time stamp')} ({frequency_name(series.frequency, 'en')} spacing)"  # opening hours: which
        notes.append(f"{what} {'is' if gaps == 1 else 'are'} missing between the first and the last row and not "
                     f"filled: {_gaps_effect(series.report, fix)}")
    return notes


def _gaps_effect(report: DataReport, fix: str) -> str:
    """What the missing time stamps do to the models, and what to do (``fix``: fill them), as the Data page says
    (``core.ui.session.gaps_text``)."""
    if report.off_calendar:
        fill = f"Fill them with {fix} unless the gaps are closed days." if fix.startswith("--") else fix
        return ("some stamps are off the series' calendar, so the models count rows (only multi's and mlp's calendar "
                "terms, such as the month, are read from the stamps), and trends, seasons and lags after a gap are "
                f"misaligned. {fill}")
    none = (" If a day without a row had none (no sale, no order: the file lists only the days with one), use --per "
            "day --duplicates sum: those days are then 0." if report.days_of_none else "")
    if report.sparse_calendar:
        return ("more stamps are missing than the rows given, so auto, ar and snaive count rows (on a calendar mostly "
                "missing they would fit interpolation), and their seasons and lags after a gap are misaligned; the "
                "regressions on time place each row by its time stamp. Combine the rows per a coarser period (--per), "
                f"or use a regression on time.{none}")
    hour = ("each is in the hour the clocks skip when they move forward for daylight saving (the times are local, "
            "and that hour never happened; times written with their UTC offset skip none); "
            if report.clock_change_gaps else "")
    return (f"{hour}every model keeps each row at its time stamp, so seasons and lags after a gap stay in step (auto, "
            "ar and snaive fit on every stamp of the calendar, the missing ones interpolated); scores count only the "
            f"rows the file has. {f'To fill them in the data instead, use {fix}.' if fix.startswith('--') else fix}"
            f"{none}")


def fit_series(task: SeriesTask, request: RunRequest) -> SeriesOutcome:
    """Read, split, fit, score and forecast one series by the single-series rules.

    A series the pipeline cannot use (a ``ValueError``: too short, all blank, ...) comes back with its
    one-line reason; anything else is a bug and is raised.
    """
    try:
        series = task.load()
        result, summary = fit_loaded(series, request)
    except ValueError as problem:
        return failed(task.unique_id, problem)
    return SeriesOutcome(task.unique_id, summary=summary, predictions=result.predictions,
                         relative_mae=relative_mae(series, request, result), frequency=series.frequency,
                         ends_early=ends_early(series))


def forecast_series(task: SeriesTask, request: RunRequest) -> SeriesOutcome:
    """One series' forecast of ``request.horizon`` steps past its end, refitted on every row (its
    ``predictions``: ``ds, actual, predicted, split`` and the bands), or its one-line error."""
    try:
        series = task.load()
        future = forecast_future(series.frame, series.frequency, request, series.future)
    except ValueError as problem:
        return failed(task.unique_id, problem)
    return SeriesOutcome(task.unique_id, predictions=future, frequency=series.frequency, ends_early=ends_early(series))


def ends_early(series: LoadedSeries) -> dict[str, Any] | None:
    """The parameters of the notice that ``series``' values end before the file's (``split._note_early_end``), or
    None: said beside the series in the tables of every series, not only where it is the one shown."""
    return next((dict(notice.params) for notice in series.report.notices
                 if isinstance(notice, Notice) and notice.key == "notice.series_ends_early"), None)


Work = Callable[[SeriesTask, RunRequest], SeriesOutcome]


def fit_each(tasks: Iterable[SeriesTask], request: RunRequest, work: Work = fit_series,
             hold: Callable[[], AbstractContextManager[object]] = nullcontext,
             deadline: SharedDeadline | None = None) -> Iterator[SeriesOutcome]:
    """``work`` (``fit_series`` or ``forecast_series``) on each task in turn, in this process, each outcome
    as soon as it is made: the caller shows progress between series and may stop between them. Each
    series runs under ``hold()`` (a training slot of the server), released before its outcome is handed on.
    With a ``deadline`` (``time.perf_counter()``'s clock), no series starts after it, a wait for the slot
    included, and the trainings inside stop at it (``training_deadline``): the series left are not handed on."""
    for task in tasks:
        if _past(deadline):
            return
        with hold():
            if _past(deadline):
                return
            with nullcontext() if deadline is None else training_deadline(deadline):
                outcome = work(task, request)
        yield outcome


def _past(deadline: SharedDeadline | None) -> bool:
    return deadline is not None and time.perf_counter() >= deadline.at


def fit_chunk(tasks: list[SeriesTask], request: RunRequest) -> list[SeriesOutcome]:
    """``fit_series`` on each task, on one thread (workers share the cores: no nested thread pools, and
    the same arithmetic whichever engine runs it)."""
    with single_threaded(), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # as the command line: the metrics say what matters
        return [fit_series(task, request) for task in tasks]


@contextmanager
def single_threaded() -> Iterator[None]:
    """torch and the BLAS libraries on one thread, restored afterwards."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with threadpool_limits(limits=1):
            yield
    finally:
        torch.set_num_threads(before)


def relative_mae(series: LoadedSeries, request: RunRequest, result: RunResult) -> float | None:
    """Test MAE over the seasonal-naive forecast's test MAE on the same split; None when either is
    undefined or the baseline's is 0."""
    train, test = split_frame(series.frame, request.train_fraction, series.report.filled_targets)
    baseline = build_forecaster(BASELINE, ModelSettings(seed=request.settings.seed), series.frequency)
    forecast = baseline.fit(train, series.frequency).forecast(test)
    observed = observed_values(series.frame["y"], series.report.filled_targets)[len(train):]  # as the model's score
    base = regression_metrics(observed, forecast, None)["mae"]
    model = result.metrics["test"]["mae"]
    return model / base if model is not None and base else None


def failed(unique_id: str, problem: ValueError) -> SeriesOutcome:
    """A series that could not be used: its one-line reason (``of_the_series``), with the catalog key a page
    translates it by."""
    problem = of_the_series(problem)
    if isinstance(problem, KeyedError):
        return SeriesOutcome(unique_id, error=one_line(problem), error_key=problem.key, error_params=dict(problem.params))
    return SeriesOutcome(unique_id, error=one_line(problem))


def one_line(problem: BaseException) -> str:
    text = str(problem).strip()
    return text.splitlines()[0] if text else type(problem).__name__


def panel_predictions(outcomes: list[SeriesOutcome]) -> pd.DataFrame:
    """Every fitted series' predictions, ``unique_id`` first, series in the order given."""
    made = [outcome for outcome in outcomes if outcome.predictions is not None]
    joined = pd.concat([outcome.predictions for outcome in made], ignore_index=True, sort=False)
    ids = np.repeat(np.array([outcome.unique_id for outcome in made], dtype=object),
                    [len(outcome.predictions) for outcome in made])  # type: ignore[arg-type]
    joined.insert(0, "unique_id", ids)  # one column for all (a column per series' frame cost seconds)
    return joined


def panel_metrics(outcomes: list[SeriesOutcome], engine: EngineInfo, seconds: float,
                  described: dict[str, Any] | None = None) -> dict[str, Any]:
    """``series`` (one entry per series) and ``summary`` (with ``described`` added at its end) for the
    metrics JSON of several series."""
    entries = [{"unique_id": outcome.unique_id, "error": outcome.error} if outcome.summary is None
               else {"unique_id": outcome.unique_id, **outcome.summary, "test_mae_vs_snaive": outcome.relative_mae}
               for outcome in outcomes]
    return {"series": entries, "summary": {**panel_summary(outcomes, engine, seconds), **(described or {})}}


# A test MAE below this fraction of seasonal naive's is an exact forecast up to rounding (a straight series' line left
# 8.9e-16 at one split and 0.0 at another): left out of geometric means like an exact 0, which would make them 0. With
# it in, one such series took a run's mean over four series from 0.59 to 0.0001.
EXACT_RATIO = 1e-6


def scored(ratio: float | None) -> bool:
    """Whether a series' test MAE relative to seasonal naive enters a geometric mean: defined and not an exact
    forecast (``EXACT_RATIO``)."""
    return ratio is not None and ratio > EXACT_RATIO


def geometric_mean(values: list[float]) -> float | None:
    """The geometric mean of positive ``values``; None for none."""
    return math.exp(float(np.mean(np.log(values)))) if values else None


def panel_summary(outcomes: list[SeriesOutcome], engine: EngineInfo, seconds: float) -> dict[str, Any]:
    """Counts, the geometric mean of test MAE relative to seasonal naive over the series where it is defined and not
    an exact forecast (``scored``; 0 where every one is exact), how many were exact, the median test
    MAPE over the series where it is defined, time and engine."""
    fitted = [outcome for outcome in outcomes if outcome.summary is not None]
    ratios = [outcome.relative_mae for outcome in fitted if scored(outcome.relative_mae)]
    exact = [ratio for outcome in fitted if (ratio := outcome.relative_mae) is not None and not scored(ratio)]
    mapes = [outcome.summary["test"]["mape"] for outcome in fitted
             if outcome.summary is not None and outcome.summary["test"]["mape"] is not None]
    return {"series": len(outcomes), "fitted": len(fitted), "failed": len(outcomes) - len(fitted),
            "test_mae_vs_snaive_geomean": geometric_mean(ratios) if ratios else 0.0 if exact else None,
            "test_mae_vs_snaive_series": len(ratios), "test_mae_vs_snaive_exact": len(exact),
            "test_mape_median": statistics.median(mapes) if mapes else None, "test_mape_series": len(mapes),
            "total_seconds": seconds, "engine": engine.name, "workers": engine.workers,
            "scheduler": engine.scheduler}
