"""Runs of one model over every series of a file, one series after another in this process (the Train page's
fits, the Forecast page's forecasts), and what the pages show of them. No streamlit: pages pass their
``st.session_state``."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Any

import altair as alt
import pandas as pd

from core.data.frequency import Frequency
from core.data.read import format_limit, limit
from core.data.tidy import LoadedSeries
from core.data.write import download_csv, report_download
from core.errors import KeyedError, LimitError
from core.evaluation.left_out import left_out_lines, replaced_lines
from core.evaluation.pipeline import RunRequest
from core.i18n import candidate_name, quoted_list, said, t
from core.models.specs import Value, named_settings, training_settings
from core.panel.choice import Panel
from core.panel.run import (EngineInfo, SeriesOutcome, Work, fit_each, fit_series, geometric_mean, panel_predictions,
                            panel_summary, scored)
from core.panel.split import SeriesTask
from core.ui import state_keys as keys
from core.training.loop import SharedDeadline
from core.ui.charts import small_multiples
from core.ui.runs import download_name, format_settings
from core.ui.session import append_numbered, save_session
from core.ui.text import plain

MAX_DASHBOARD_SERIES = 500  # TSR_MAX_DASHBOARD_SERIES: series one all-series run of the dashboard goes through
MAX_DASHBOARD_SECONDS = 600.0  # TSR_MAX_DASHBOARD_SECONDS: the time one all-series run of the dashboard may take
MAX_PANEL_RUNS = 10  # all-series runs a session keeps; older ones are dropped
EXTREMES = 3  # best and worst series drawn side by side


def check_dashboard_count(count: int) -> None:
    """Raises ``LimitError`` when one run of the dashboard would go through more than
    ``TSR_MAX_DASHBOARD_SERIES`` series (the command line has no such limit)."""
    most = limit("TSR_MAX_DASHBOARD_SERIES", MAX_DASHBOARD_SERIES)
    if count > most:
        raise LimitError(f"This file holds {count:,} series, more than the {format_limit(most)} the dashboard goes "
                         "through in one run: fit them with the command line (python -m core fit FILE), or set "
                         "TSR_MAX_DASHBOARD_SERIES to raise the limit.", "err.too_many_dashboard_series",
                         {"count": count, "limit": format_limit(most)})


def dashboard_seconds() -> float:
    """The seconds one all-series run of the dashboard may take (``TSR_MAX_DASHBOARD_SECONDS``): it starts no series
    after them, and the trainings running then stop at them. The command line has no such limit."""
    return limit("TSR_MAX_DASHBOARD_SECONDS", MAX_DASHBOARD_SECONDS)


def too_many_series(count: int, lang: str = "en") -> str | None:
    """Why the dashboard will not go through ``count`` series in one run (or its time limit is set to something
    else than a number), in ``lang``; None when it will."""
    try:
        check_dashboard_count(count)
        dashboard_seconds()
    except ValueError as problem:
        return said(problem, lang)
    return None


@dataclass
class PanelRun:
    """One model over every series of a file (fits on Train, forecasts on Forecast), one series after another:
    the outcomes so far, in the file's order. A run stopped early keeps what finished."""

    request: RunRequest
    total: int
    outcomes: list[SeriesOutcome] = field(default_factory=list)
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)
    number: int = 0  # "#3" on the board, kept when older runs are dropped (0: numbered by position, as before)
    time_limit: float | None = None  # seconds the run may take (``dashboard_seconds``); None: no limit
    out_of_time: bool = False  # the time limit ended the run before its last series
    closed: bool = False  # drawn once its loop was left (``close``): nothing more is added

    @property
    def done(self) -> int:
        return len(self.outcomes)

    def add(self, outcome: SeriesOutcome) -> None:
        if self.closed:
            return
        self.outcomes.append(outcome)
        self.seconds = time.perf_counter() - self.started

    def close(self) -> None:
        """No more series: the page draws the run as it is. After a Stop (or a reload), the series then being fitted
        finished in the interrupted thread and was added after the page had said "stopped after 2 of 30"; the next
        rerun said 3, with no click."""
        self.closed = True

    def steps(self, tasks: Iterable[SeriesTask], work: Work = fit_series,
              hold: Callable[[], AbstractContextManager[object]] = nullcontext) -> Iterator[SeriesOutcome]:
        """``core.panel.run.fit_each``, each outcome kept here before it is handed on (a caller that stops
        between two series keeps what is done), until the run's ``time_limit``."""
        deadline = None if self.time_limit is None else SharedDeadline(
            self.started + self.time_limit, self.time_limit, "TSR_MAX_DASHBOARD_SECONDS")
        for outcome in fit_each(tasks, self.request, work, hold, deadline):
            if self.closed:
                return
            self.add(outcome)
            yield outcome
        self.out_of_time = self.done < self.total and not self.closed

    def summary(self) -> dict[str, Any]:
        """``core.panel.run.panel_summary`` of what finished: counts, geometric mean of the relative test MAE, ..."""
        return panel_summary(self.outcomes, EngineInfo("local", 1), self.seconds)

    def drawn(self, uid: str, shown: Frequency) -> tuple[pd.DataFrame, str, Frequency]:
        """Fitted series ``uid``'s predictions, the name of its target column and its spacing (``shown``'s, the series
        the Data page shows, for an outcome that has none), to chart: a daily series drawn in the monthly one's time
        format read "Jan 2015" at every day of January."""
        outcome = next(o for o in self.outcomes if o.unique_id == uid and o.summary is not None)
        target = str(outcome.summary["target"])  # type: ignore[index]
        return outcome.predictions, target, outcome.frequency or shown  # type: ignore[return-value]

    def common_frequency(self, shown: Frequency) -> Frequency | None:
        """The spacing every fitted series shares (``shown`` for outcomes that have none), None for several: the
        small multiples then take a time axis that fits any."""
        spacings = {outcome.frequency or shown for outcome in self.outcomes if outcome.predictions is not None}
        return spacings.pop() if len(spacings) == 1 else None

    def fitted_ids(self) -> list[str]:
        return [outcome.unique_id for outcome in self.outcomes if outcome.predictions is not None]

    def predictions_of(self, uid: str) -> pd.DataFrame | None:
        """Series ``uid``'s predictions (a forecast's rows, with what it says of itself in ``attrs``: held at zero
        or at its bound, what auto chose), or None where it has none."""
        return next((o.predictions for o in self.outcomes if o.unique_id == uid and o.predictions is not None), None)


def start_panel_run(state: MutableMapping[str, Any], request: RunRequest, panel: Panel,
                    shown: Frequency) -> PanelRun:
    """A new run of the Train page over the series of ``panel``, kept (with at most ``MAX_PANEL_RUNS`` before
    it) as it fills; the settings at their defaults for the ``shown`` series' frequency take each series' own."""
    job = PanelRun(every_series_request(request, shown), len(panel.tasks), time_limit=dashboard_seconds())
    append_numbered(state.setdefault(keys.TRAIN_PANEL_RUNS, []), job, MAX_PANEL_RUNS)
    save_session(state)  # a reload while it runs finds it, with the series done by then
    return job


def start_forecast_run(state: MutableMapping[str, Any], request: RunRequest, panel: Panel) -> PanelRun:
    """The Forecast page's forecasts of every series of ``panel`` by ``request`` (``panel_forecast_request``), kept
    and saved for a reload as they fill."""
    state[keys.FORECAST_PANEL] = job = PanelRun(request, len(panel.tasks), time_limit=dashboard_seconds())
    save_session(state)
    return job


def panel_forecast_request(state: Mapping[str, Any], single: RunRequest, shown: Frequency, horizon: int) -> RunRequest:
    """What forecasts every series: the latest run over all series as it trained (its settings named once, for the
    series shown then: named again for the series shown now, a setting equal to this one's default went back to each
    series' own), else ``single`` (a run of the series shown, or the page's default) for every series."""
    job = latest_panel_run(state)
    return replace(job.request if job is not None else every_series_request(single, shown), horizon=horizon)


def every_series_request(request: RunRequest, shown: Frequency) -> RunRequest:
    """``request`` for every series of a file: the settings the page named (``named_settings``), the others each
    series' defaults."""
    return replace(request, settings=named_settings(request.model, request.settings, shown))


def drawn_panel_runs(state: Mapping[str, Any], key: str = keys.TRAIN_PANEL_RUNS) -> list[PanelRun]:
    """The runs over every series kept under ``key`` (the Train page's list, or the Forecast page's one run), closed
    (``PanelRun.close``): a page draws them as they are now."""
    held = state.get(key)
    jobs: list[PanelRun] = list(held) if isinstance(held, list) else [held] if held is not None else []
    for job in jobs:
        job.close()
    return jobs


def latest_panel_run(state: Mapping[str, Any]) -> PanelRun | None:
    """The latest run over every series, closed (``drawn_panel_runs``); None without one."""
    runs = drawn_panel_runs(state)
    return runs[-1] if runs else None


def drawable(state: MutableMapping[str, Any], key: str, fitted: list[str]) -> list[str]:
    """The options of a "Series to draw" picker (under ``key``): ``fitted``, the choice set to the series the Data page
    shows when the picker has none among them (it opened on the file's first series, whichever the user had picked),
    or left to the picker when that series was not fitted either. The choice outlives a visit to another page
    (``state_keys.PAGE_SETTINGS``), so a newer run may not have fitted it."""
    if state.get(key) not in fitted:
        if state.get(keys.DATA_PANEL_VIEW) in fitted:
            state[key] = state[keys.DATA_PANEL_VIEW]
        else:
            state.pop(key, None)
    return fitted


def start_hint(state: Mapping[str, Any], lang: str = "en") -> str:
    """What the Train page says before a run of the series shown: after a run over every series, that **Train** trains
    the series shown alone (it said to choose a model and press Train, as if nothing had been trained)."""
    if latest_panel_run(state) is None:
        return t("train.start", lang)
    return t("train.start_one", lang, series=plain(str(state.get(keys.DATA_PANEL_VIEW, ""))))


def duration_text(seconds: float | None, lang: str = "en") -> str:
    if seconds is None:
        return t("all.left_unknown", lang)
    if seconds < 90:
        return t("all.left_seconds", lang, seconds=max(round(seconds), 1))
    if seconds < 90 * 60:
        return t("all.left_minutes", lang, minutes=round(seconds / 60))
    return t("all.left_hours", lang, hours=seconds / 3600)


def progress_text(job: PanelRun, lang: str = "en") -> str:
    """``2 of 3 series done, about 4 s left``: the time left at the pace so far; when that pace passes the run's
    time limit, about how many series it reaches by then."""
    pace = job.seconds / job.done if job.done else None
    left = None if pace is None else pace * (job.total - job.done)
    if pace and left is not None and job.time_limit is not None and job.seconds + left > job.time_limit:
        reach = min(job.done + int((job.time_limit - job.seconds) / pace) + 1, job.total - 1)
        return t("all.progress_limited", lang, done=job.done, total=job.total, reach=max(reach, job.done),
                 limit=format_limit(job.time_limit), left=duration_text(job.time_limit - job.seconds, lang))
    return t("all.progress", lang, done=job.done, total=job.total, left=duration_text(left, lang))


def _number(value: float | None, lang: str, fmt: str = "{:.3g}") -> str:
    return t("all.undefined", lang) if value is None else fmt.format(value)


def summary_text(job: PanelRun, lang: str = "en", fraction: float | None = None) -> str:
    """The all-series result in a sentence: series fitted and failed, the geometric mean of test MAE relative to
    seasonal naive, the median test MAPE, the time taken, and whether the run was stopped; and its train fraction when
    it is not ``fraction``, the split set now (the page's caption names that one)."""
    summary = job.summary()
    stopped = "" if job.done >= job.total else out_of_time_text(job, lang) if job.out_of_time else \
        t("all.stopped", lang, done=job.done, total=job.total)
    exact = summary["test_mae_vs_snaive_exact"]  # a linear fit of straight series read "over 0 series: undefined"
    key = "all.summary_exact" if exact and not summary["test_mae_vs_snaive_series"] else "all.summary"
    said = t(key, lang, fitted=summary["fitted"], failed=summary["failed"], stopped=stopped,
             geomean=_number(summary["test_mae_vs_snaive_geomean"], lang, "{:.3f}"),
             ratios=summary["test_mae_vs_snaive_series"], mape=_number(summary["test_mape_median"], lang, "{:.3g}%"),
             seconds=job.seconds)
    mixed = exact and key == "all.summary"  # some exact among others: left out of the mean, said
    gapped = sum(misaligned(outcome) for outcome in job.outcomes)
    unrated = summary["fitted"] - summary["test_mae_vs_snaive_series"] - exact  # seasonal naive exact: 0 / 0
    return said + (t("all.exact", lang, count=exact) if mixed else "") + (
        t("all.no_ratio", lang, count=unrated) if unrated > 0 and key == "all.summary" else "") + (
        t("all.misaligned_count", lang, count=gapped) if gapped else "") + other_fraction_text(job, fraction, lang)


def other_fraction_text(job: PanelRun, fraction: float | None, lang: str = "en") -> str:
    """Said after the summary of a run at another train fraction than ``fraction``; "" for one at that fraction."""
    used = job.request.train_fraction
    return "" if fraction is None or used == fraction else t("all.other_fraction", lang, used=used, fraction=fraction)


def extremes_chart(job: PanelRun, shown: Frequency, lang: str = "en") -> alt.FacetChart | None:
    """The best and the worst series side by side (``extremes_frame``), in the time format of the spacing they all
    share (``PanelRun.common_frequency``); None when no series was scored."""
    extremes = extremes_frame(job, lang)
    return None if extremes.empty else small_multiples(extremes, job.common_frequency(shown), lang,
                                                       t("train.all_extremes", lang))


def out_of_time_text(job: PanelRun, lang: str = "en", key: str = "all.out_of_time") -> str:
    """Said of a run its time limit ended (``key``: the Train page's clause, or the Forecast page's sentence): after
    how many series, and the fix."""
    return t(key, lang, done=job.done, total=job.total, limit=format_limit(job.time_limit or 0))


RESULT_COLUMNS = ("series", "relative_mae", "test_mae", "test_mape", "model", "error", "note")
RESULT_DIGITS = (3, 4, 3)  # significant digits shown of the relative MAE, the MAE and the MAPE


def model_used(outcome: SeriesOutcome) -> str | None:
    """The model that made a series' predictions: what auto chose, else the model asked for."""
    if outcome.summary is None:
        return None
    return str(outcome.summary["params"].get("chosen") or outcome.summary["model"])


def skipped_reason(outcome: SeriesOutcome, lang: str = "en") -> str:
    """Why a series was skipped, in ``lang`` where the catalog has its reason (else in English); "" for one that fitted."""
    if outcome.error is None:
        return ""
    return said(KeyedError(outcome.error, outcome.error_key, outcome.error_params), lang)


def results_table(job: PanelRun, lang: str = "en") -> pd.DataFrame:
    """One row per series, in the file's order: test MAE relative to seasonal naive, test MAE and MAPE (to a few
    significant digits: the table is for reading and sorting), the model used, or why the series was skipped, and
    when its test predictions were held at 0 (a flat line at 0 in its chart, said as a single run says it) and the terms
    its model left out (a regressor the same in every training row of that series: said on Train for one series, and
    for many nowhere), but those every series' model left out (the year term of every monthly series, one sentence
    repeated on every row); columns named in ``lang``."""
    names = [t(f"all.{name}", lang) for name in RESULT_COLUMNS]
    left_out = {outcome.unique_id: left_out_lines(params := (outcome.summary or {}).get("params", {}), lang)
                + replaced_lines(params, lang) for outcome in job.outcomes}  # and auto's gross errors
    fitted = [lines for outcome, lines in zip(job.outcomes, left_out.values()) if outcome.summary is not None]
    shared = set.intersection(*map(set, fitted)) if len(fitted) > 1 else set()  # the year term of every series
    rows = []
    for outcome in job.outcomes:
        test = outcome.summary["test"] if outcome.summary is not None else {}
        params = (outcome.summary or {}).get("params", {})
        notes = [t("all.held_at_zero", lang, step=held)] if (held := params.get("held_at_zero_from_step")) else []
        notes += [t("all.held_at_ceiling", lang, step=above, ceiling=f"{params['ceiling']:g}")] \
            if (above := params.get("held_at_ceiling_from_step")) else []
        if misaligned(outcome):  # its ratio is to a seasonal naive that counts rows across the gaps
            notes.append(t("all.misaligned", lang, count=int((outcome.summary or {})["misaligned"])))
        elif gaps := (outcome.summary or {}).get("gaps"):  # said as the command line says it
            steps = outcome.frequency is not None and outcome.frequency.is_steps
            notes.append(t("all.gaps_steps" if steps else "all.gaps_on_calendar", lang, count=int(gaps)))
        if outcome.ends_early:  # said on the Data page only where it was the series shown
            notes.append(t("notice.series_ends_early", lang, **outcome.ends_early))
        rows.append((outcome.unique_id, outcome.relative_mae, test.get("mae"), test.get("mape"),
                     candidate_name(model_used(outcome) or "", lang), skipped_reason(outcome, lang),
                     " ".join(notes + [line for line in left_out[outcome.unique_id] if line not in shared])))
    frame = pd.DataFrame(rows, columns=names)
    for name, digits in zip(names[1:4], RESULT_DIGITS):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").map(lambda x, d=digits: _significant(x, d))
    return frame


def misaligned(outcome: SeriesOutcome) -> bool:
    """Whether a series was scored with time stamps missing and not filled (or irregular): its models and its
    seasonal naive count rows, so after a gap "a week before" is another weekday, and its ratio says little (a
    store missing every 17th day ranked best at 0.69 of a row-counted seasonal naive, 3.1 of a calendar one)."""
    return bool((outcome.summary or {}).get("misaligned"))


def _significant(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}") if pd.notna(value) else float("nan")


def extremes_frame(job: PanelRun, lang: str = "en", count: int = EXTREMES) -> pd.DataFrame:
    """Actuals and predictions (train and test rows) of the ``count`` series with the lowest test MAE relative
    to seasonal naive and the ``count`` with the highest, as ``panel, ds, value, line``: best first, then worst."""
    ranked = sorted((o for o in job.outcomes if o.relative_mae is not None and o.predictions is not None
                     and not misaligned(o)), key=lambda o: float(o.relative_mae))  # type: ignore[arg-type]
    shown_best = min(count, (len(ranked) + 1) // 2)  # 3 series: 2 best, 1 worst (all 3 were "best", none worst)
    best = ranked[:shown_best]
    worst = list(reversed(ranked[max(shown_best, len(ranked) - count):]))  # none of the best again
    parts = []
    for kind, chosen in (("best", best), ("worst", worst)):
        for rank, outcome in enumerate(chosen, start=1):
            label = t(f"all.{kind}", lang, rank=rank, series=outcome.unique_id, ratio=outcome.relative_mae)
            rows = outcome.predictions[outcome.predictions["split"] != "future"]  # type: ignore[index]
            for line, column in (("actual", "actual"), ("predicted", "predicted")):
                parts.append(pd.DataFrame({"panel": label, "ds": rows["ds"], "value": rows[column],
                                           "line": t(f"chart.{line}", lang)}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["panel", "ds", "value", "line"])


PANEL_BOARD_COLUMNS = ("run", "common", "geomean", "mape", "fitted", "failed", "series", "seconds", "train_fraction",
                       "settings")
PANEL_BOARD_FORMATS = {"common": "%.3f", "geomean": "%.3f", "mape": "%.3g", "seconds": "%.1f"}


def panel_board(jobs: list[PanelRun], lang: str = "en", fraction: float | None = None) -> pd.DataFrame:
    """One row per all-series run, lowest geometric mean of the relative test MAE over the series every run of its
    train fraction scored first (``common_geomeans``: a run that skipped the hard series would otherwise rank above
    those that fitted them), then its own over all it scored, undefined last; runs of another train fraction than
    ``fraction`` (the current split) follow, by fraction, as on the single-series board: their test rows differ, so
    their scores do not rank against the others."""
    names = [t(f"allboard.{name}", lang) for name in PANEL_BOARD_COLUMNS]
    rows = []
    for index, (job, common) in enumerate(zip(jobs, common_geomeans(jobs))):
        summary = job.summary()
        rows.append((f"#{job.number or index + 1} {job.request.model}", common, summary["test_mae_vs_snaive_geomean"],
                     summary["test_mape_median"], summary["fitted"], summary["failed"],
                     t("allboard.done", lang, done=job.done, total=job.total), job.seconds,
                     job.request.train_fraction, format_settings(board_settings(job.request), lang)))
    frame = pd.DataFrame(rows, columns=names)
    frame[names[1:3]] = frame[names[1:3]].apply(pd.to_numeric, errors="coerce")
    split = frame[t("allboard.train_fraction", lang)]
    order = frame.assign(_other=split != fraction if fraction is not None else False,
                         _split=split if fraction is not None else 0.0)
    order = order.sort_values(["_other", "_split", names[1], names[2]], kind="stable", na_position="last")
    return frame.loc[order.index].reset_index(drop=True)


def board_settings(request: RunRequest) -> dict[str, Value]:
    """The settings an all-series run named: the model's own, its training (optimizer, learning rate, epochs, batch)
    and the seed; the others are each series' defaults."""
    return {**request.settings.values, **training_settings(request.model, request.settings),
            "seed": request.settings.seed}


def common_geomeans(jobs: list[PanelRun]) -> list[float | None]:
    """Each run's geometric mean of the relative test MAE over the series that every run of its train fraction
    scored (None where they share none); a run that scored none (its every series failed) has none to share and
    leaves the others' alone."""
    ratios_of = [{o.unique_id: o.relative_mae for o in job.outcomes if scored(o.relative_mae)} for job in jobs]
    failed_of = [{o.unique_id for o in job.outcomes if o.summary is None} for job in jobs]
    means: list[float | None] = []
    for job, ratios, failed in zip(jobs, ratios_of, failed_of):
        fellows = [k for k, peer in enumerate(jobs) if peer.request.train_fraction == job.request.train_fraction]
        shared = set(ratios).intersection(*(ratios_of[k] for k in fellows if ratios_of[k]))
        # Every series fitted exactly but those another run of its fraction failed too: 0, not undefined (a store
        # written in text, skipped by every run, sent an exact run below seasonal naive; one exact series of three, the
        # other two failed where seasonal naive fitted them, or with no other run to tell, is no exact run).
        others = [k for k in fellows if jobs[k] is not job]
        exact = (not ratios and job.summary()["test_mae_vs_snaive_exact"] > 0
                 and (not failed or bool(others) and all(failed <= failed_of[k] for k in others)))
        means.append(0.0 if exact else geometric_mean([ratios[uid] for uid in shared]))
    return means


def early_end_text(job: PanelRun, lang: str = "en") -> str | None:
    """Said of the forecasts of every series where some series' values end before the file's: how many, and the
    first's end (their forecasts start there, before the others'); None for none."""
    early = [outcome for outcome in job.outcomes if outcome.ends_early and outcome.predictions is not None]
    if not early:
        return None
    return t("forecast.all_ends_early", lang, count=len(early), series=early[0].unique_id, **early[0].ends_early)


def held_text(job: PanelRun, lang: str = "en") -> str | None:
    """Said of the forecasts of every series where some ran beyond their history's range widened by it and were held
    at that bound (``held_at_bound``): how many, and the first with its step; None for none. Only the series shown
    said it, under its chart: a trend carried far ahead in another series was held unsaid."""
    held = [(o.unique_id, min(bound.values())) for o in job.outcomes
            if o.predictions is not None and (bound := o.predictions.attrs.get("held_at_bound"))]
    if not held:
        return None
    return t("forecast.all_held_at_bound", lang, count=len(held), series=held[0][0], step=held[0][1])


def regressors_text(job: PanelRun, lang: str = "en") -> str | None:
    """Said of the forecasts of every series where auto forecast some without the regressors, their future values
    ending before the horizon (``forecast_future``'s ``regressors_reach``): how many, and the first; else where they
    used the file's future values (``regressors_used``: the command line said so, the page did not); None for
    neither. Only the single series' forecast said it."""
    made = [o for o in job.outcomes if o.predictions is not None]
    short = [(o.unique_id, o.predictions.attrs["regressors_reach"]) for o in made
             if o.predictions.attrs.get("regressors_reach") is not None]
    if not short:
        used = [o.predictions.attrs["regressors_used"] for o in made if o.predictions.attrs.get("regressors_used")]
        return t("forecast.all_regressors_used", lang, count=len(used), columns=quoted_list(used[0], lang),
                 steps=job.request.horizon) if used else None
    (first, reach), steps = short[0], job.request.horizon
    return t("forecast.all_without_regressors", lang, count=len(short), series=first, rows=reach, steps=steps)


def panel_file_name(state: Mapping[str, Any], job: PanelRun, what: str = "all_series") -> str:
    """The download of a run over every series, named by the file and the model (``stores-linear-all_series.csv``;
    it was ``predictions.csv`` for every run, and ``forecasts.csv`` for every forecast of all series)."""
    return download_name(str(state.get(keys.DATA_SOURCE) or ""), job.request.model, what)


def predictions_csv(job: PanelRun, series: LoadedSeries | None = None) -> str:
    """``forecast_frame`` as CSV text, as the command line writes it unless the file (whose series in view is
    ``series``) wrote decimal commas (``report_download``); "" when no series could be fitted."""
    frame = forecast_frame(job)
    if frame is None:
        return ""
    return report_download(frame, series.report) if series is not None else download_csv(frame)


def forecast_frame(job: PanelRun) -> pd.DataFrame | None:
    """Every forecast series' rows, ``unique_id`` first (the many-series CSV), or, for a run of Train, every fitted
    series' predictions of its known rows; None when none could be made."""
    made = [outcome for outcome in job.outcomes if outcome.predictions is not None]
    return panel_predictions(made) if made else None
