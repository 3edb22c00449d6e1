"""Forecast page: refit a run on every row and forecast past the end, with a prediction band; of a file of several
series, every series in one CSV."""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from core.evaluation.intervals import origins_reported
from core.evaluation.pipeline import RunRequest, RunResult, forecast_run
from core.models.specs import ModelSettings
from core.panel.run import forecast_series, regressors_reach_text
from core.training.slots import training_slot
from core.ui import state_keys as keys
from core.ui.charts import forecast_chart, recent_window, time_formats, value_format
from core.ui.controls import horizon_widget_most
from core.ui.explain import budget_warning
from core.ui.feedback import BUGS, bug_message, waiting_message
from core.i18n import Texts, format_stamp, frequency_name, said
from core.panel.choice import Panel, series_view
from core.ui.panel_runs import (drawable, drawn_panel_runs, early_end_text, forecast_frame, held_text,
                                out_of_time_text, panel_file_name, panel_forecast_request, progress_text,
                                regressors_text, skipped_reason, start_forecast_run, too_many_series)
from core.ui.runs import download_name, forecast_captions, forecast_heading, kept_refit, run_label
from core.ui.session import (download_view, ensure_series, forecast_failed_text, forecast_url_note, future_rows_given,
                             language_of, pick_run, report_download, set_page_query, shown_source, start_horizon,
                             through_dashboard)
from core.ui.text import plain
from core.ui.urlstate import FORECAST_FIELDS, parse_query, to_query


def forecast_all(panel: Panel, request: RunRequest, ready: bool) -> None:
    """On a click, every series refitted on all its rows and forecast past its end; one series charted, all in a CSV."""
    st.header(T("forecast.all_title", count=len(panel.tasks)))
    st.caption(T("forecast.all_intro", model=request.model))
    if problem := too_many_series(len(panel.tasks), T.lang):
        st.error(problem)
    elif st.button(**T.widget("forecast.all"), key=keys.FORECAST_ALL_BUTTON, disabled=not ready):
        job = start_forecast_run(st.session_state, request, panel)
        bar = st.progress(0.0)
        try:
            for _ in job.steps(panel.tasks, forecast_series, training_slot):
                bar.progress(job.done / job.total, text=progress_text(job, T.lang))
        except BUGS as bug:
            st.error(bug_message(bug, T.lang))
        bar.empty()
    if not (drawn := drawn_panel_runs(st.session_state, keys.FORECAST_PANEL)):
        return
    job = drawn[0]
    if job.out_of_time:
        st.warning(out_of_time_text(job, T.lang, "forecast.all_out_of_time"))
    for note in filter(None, (regressors_text(job, T.lang), early_end_text(job, T.lang), held_text(job, T.lang))):
        st.info(plain(note))
    if failed := [outcome for outcome in job.outcomes if outcome.error]:
        first = failed[0]
        problem = skipped_reason(first, T.lang)
        st.warning(plain(T("forecast.all_skipped", count=len(failed), series=first.unique_id, problem=problem)))
    if (frame := forecast_frame(job)) is None:
        return
    made = job.done - len(failed)
    st.markdown(T("forecast.all_result", model=job.request.model, steps=job.request.horizon, count=made))
    shown = st.selectbox(**T.widget("forecast.all_series"), key=keys.FORECAST_ALL_SERIES,
                         options=drawable(st.session_state, keys.FORECAST_ALL_SERIES, job.fitted_ids()))
    history = series_view(panel, shown)
    recent = recent_window(len(history.frame), max(history.frequency.season_length, 1), job.request.horizon)
    st.altair_chart(forecast_chart(history.frame, frame[frame["unique_id"] == shown], history.target, history.frequency,
                                   recent, T.lang, history.report.filled_targets), width="stretch")
    if (future := job.predictions_of(shown)) is not None:
        for caption in forecast_captions(future, job.request.horizon, T.lang, regressors=False):  # held, auto's choice
            st.caption(caption)
    st.download_button(T("forecast.all_download"), report_download(frame, history.report),
                       panel_file_name(st.session_state, job, "all_series_forecast"), "text/csv",
                       key="forecast.all_download")


through_dashboard(st.session_state, bool(PagesManager.uses_pages_directory), __file__, st.switch_page, st.query_params)
T = Texts(language_of(st.session_state, st.query_params, st.context.locale))
BOUNDS = ("predicted", "lower_80", "upper_80", "lower", "upper")  # the table's columns after the time, band last
MOST_STEPS = horizon_widget_most()  # the horizon widget's range
st.set_page_config(page_title=T("nav.forecast"), page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
season = max(series.frequency.season_length, 1)
given = future_rows_given(series, MOST_STEPS)
linked = forecast_url_note(st.session_state, st.query_params, T.lang)  # horizon=5000 in a link: said, left at start
start_horizon(st.session_state, parse_query(st.query_params, FORECAST_FIELDS).get("horizon"), given, season, MOST_STEPS)
st.title(T("forecast.title"))
st.caption(T("forecast.intro", source=shown_source(st.session_state, T.lang)))  # said before anything is pressed
if linked:
    st.warning(linked)
runs: list[RunResult] = list(st.session_state.get(keys.TRAIN_RUNS, []))
labels = [run_label(i, r) for i, r in enumerate(runs)] or [T("forecast.default_run")]
choices = dict(zip(labels, runs)) if runs else {}
left, right = st.columns([3, 2])
pick_run(st.session_state, labels)
label = left.selectbox(**T.widget("forecast.run"), options=labels, key=keys.FORECAST_RUN)
# Checked here, not by the box: its own range check kept the last value under a typed 100000, and forecast 12 steps.
horizon = right.number_input(**T.widget("forecast.horizon", frequency=frequency_name(series.frequency, T.lang), most=MOST_STEPS),
                             step=1, key=keys.FORECAST_HORIZON)
steps = int(horizon) if 1 <= horizon <= MOST_STEPS and horizon == int(horizon) else None
if steps is None:
    right.error(T("forecast.horizon_range", most=MOST_STEPS))
else:
    set_page_query(st.query_params, to_query({"horizon": steps}), st.session_state, T.lang)
if not runs:  # runs over all series, if any, forecast them further down
    st.info(T("forecast.no_runs_shown" if st.session_state.get(keys.TRAIN_PANEL_RUNS) else "forecast.no_runs"))
default = RunRequest("multi", ModelSettings(regressors=tuple(series.regressors)),
                     train_fraction=st.session_state[keys.DATA_TRAIN_FRACTION])
if st.button(**T.widget("forecast.go"), type="primary", key=keys.FORECAST_BUTTON, disabled=steps is None):
    bar = st.progress(0.0, text=T("forecast.working"))  # it moves as the band's refits are done
    try:
        with training_slot(lambda slots: st.info(waiting_message(slots, T.lang))), \
                origins_reported(lambda share: bar.progress(share, text=T("forecast.working"))):
            future = forecast_run(series.frame, series.frequency, int(steps or 1), choices.get(label), default,
                                  series.future, kept_refit(st.session_state, series))
        st.session_state[keys.FORECAST_RESULT] = (label if runs else None, int(steps or 1), future)
    except ValueError as problem:
        st.error(plain(forecast_failed_text(st.session_state, said(problem, T.lang), T.lang)))
    except BUGS as bug:
        st.error(bug_message(bug, T.lang))
    bar.empty()
result = st.session_state.get(keys.FORECAST_RESULT)
if result is not None:
    shown_label, shown_horizon, future = result
    st.header(forecast_heading(shown_label, shown_horizon, series.frame["ds"], future, series.frequency, T.lang))
    recent = recent_window(len(series.frame), season, shown_horizon)
    whole = recent >= len(series.frame) or st.checkbox(**T.widget("forecast.whole", rows=len(series.frame),
                                                                   recent=recent), key=keys.FORECAST_WHOLE_HISTORY)
    st.altair_chart(forecast_chart(series.frame, future, series.target, series.frequency, None if whole else recent,
                                   T.lang, series.report.filled_targets), width="stretch")
    if (bounds := [name for name in BOUNDS if name in future.columns and future[name].notna().any()])[1:]:
        st.caption(T("forecast.band"))  # no band when the backtest could not refit (a short series)
    if note := future.attrs.get("budget_note"):  # the refit on every row stopped at the training budget
        st.warning(budget_warning(note, T.lang))
    if (reach := future.attrs.get("regressors_reach")) is not None:  # auto forecast without them
        st.info(regressors_reach_text(reach, shown_horizon, T.lang))
    for caption in forecast_captions(future, shown_horizon, T.lang):  # the band's reach, auto's choice, regressors
        st.caption(caption)
    time_column = (st.column_config.DatetimeColumn(T("forecast.time"), format=time_formats(series.frequency, T.lang)[1])
                   if not series.frequency.is_steps else st.column_config.NumberColumn(T("forecast.step")))
    shown_as = value_format(series.frame["y"])  # one number of decimals for the whole table
    st.dataframe(future[["ds", *bounds]], hide_index=True, width="stretch", column_config={"ds": time_column, **{
        name: st.column_config.NumberColumn(T(f"forecast.{name}"), format=shown_as) for name in bounds}})
    st.download_button(T("forecast.download"), report_download(future, series.report),
                       download_name(st.session_state[keys.DATA_SOURCE], shown_label,
                                     view=download_view(st.session_state)), "text/csv",
                       key="forecast.download")
if (panel := st.session_state.get(keys.DATA_PANEL)) is not None:  # a file of several series
    single = chosen.request if (chosen := choices.get(label)) is not None else default
    request = panel_forecast_request(st.session_state, single, series.frequency, steps or 1)
    forecast_all(panel, request, ready=steps is not None)
