"""Train page: any model of the model table (this page names none) on the series, or on every series of the file."""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from core.evaluation.pipeline import RunRequest, RunResult, run
from core.models.files import model_bytes
from core.models.specs import SEED, TRAINING_SETTINGS, ModelSettings, ModelSpec, model_names, spec_for
from core.training.devices import device_choices
from core.training.slots import training_slot
from core.ui import state_keys as keys
from core.ui.charts import MIN_LOSS_POINTS, loss_chart, prediction_chart, residual_chart
from core.ui.controls import model_caption, setting_widget, start_settings
from core.ui.feedback import BUGS, EveryInterval, bug_message, epoch_progress, waiting_message
from core.ui.explain import (gap_metric, learned_markdown, metric_notes, metrics_table, result_notes, result_warnings,
                             selection_table)
from core.i18n import Texts, said
from core.ui.panel_runs import (Panel, drawable, extremes_chart, latest_panel_run, panel_file_name, predictions_csv,
                                progress_text, results_table, start_hint, start_panel_run, summary_text,
                                too_many_series)
from core.ui.session import (MAX_RUNS, MAX_RUNS_MB, apply_train_url, computed_once, ensure_series, failed_text,
                             keep_trained, language_of, marked_training, record_run, report_download, result_file_names,
                             result_title, set_page_query, through_dashboard, train_intro, train_page_warnings)
from core.ui.text import plain
from core.ui.urlstate import train_query


def read_settings(spec: ModelSpec) -> ModelSettings:
    """The chosen model's own settings, its training (when it trains with torch), seed, device; the regressors."""
    start_settings(st.session_state, spec, series.frequency)
    values = {s.name: setting_widget(st.sidebar, s, keys.train_setting(spec.name, s.name), T.lang) for s in spec.settings}
    if (training := spec.training) is not None:
        with st.sidebar.expander(T("train.training"), expanded=False):
            training = training.with_(**{s.name: setting_widget(st, s, keys.train_setting(spec.name, s.name), T.lang)
                                         for s in TRAINING_SETTINGS})
    seed = int(setting_widget(st.sidebar, SEED, keys.TRAIN_SEED, T.lang))  # type: ignore[call-overload]
    device = st.sidebar.selectbox(**T.widget("train.device"), options=device_choices(), key=keys.TRAIN_DEVICE)
    return ModelSettings(values, tuple(series.regressors), training=training, seed=seed, device=device)


def train_now(request: RunRequest) -> RunResult | None:
    epochs, budget = (training.epochs, training.budget()[0]) if (training := request.settings.training) else (1, 0.0)
    progress, live, redraw = st.progress(0.0, text=T("train.training_now")), st.empty(), EveryInterval(0.5)
    losses: list[float] = []

    def on_epoch(epoch: int, loss: float) -> None:
        losses.append(loss)
        if redraw.due():
            progress.progress(*epoch_progress(epoch, epochs, redraw.elapsed(), budget, T.lang))
            live.altair_chart(loss_chart(losses, lang=T.lang), width="stretch")

    with marked_training(st.session_state, request.model, losses, (progress, live)):  # a rerun stops it: said then
        try:
            with training_slot(lambda slots: progress.progress(0.0, text=waiting_message(slots, T.lang))):
                return run(series.frame, series.frequency, request, on_epoch, series.future,
                           series.report.filled_targets, on_trained=lambda done: keep_trained(st.session_state, done),
                           on_stage=lambda stage, share: progress.progress(share, text=T(f"train.stage_{stage}")))
        except ValueError as problem:
            st.error(plain(failed_text(st.session_state, said(problem, T.lang), T.lang)))
        except BUGS as bug:
            st.error(bug_message(bug, T.lang))
    return None


def all_series(request: RunRequest, panel: Panel) -> None:
    """On a click, every series in turn, here; then the latest run over all series: a table, the best and worst."""
    if problem := too_many_series(len(panel.tasks), T.lang):
        st.error(problem)
    elif st.button(**T.widget("train.all", count=len(panel.tasks)), key=keys.TRAIN_ALL_BUTTON):
        (stop := st.empty()).button(**T.widget("train.stop"), key=keys.TRAIN_STOP)  # a click reruns: the loop ends
        job, bar = start_panel_run(st.session_state, request, panel, series.frequency), st.progress(0.0)
        try:
            for _ in job.steps(panel.tasks, hold=training_slot):
                bar.progress(job.done / job.total, text=progress_text(job, T.lang))
        except BUGS as bug:
            st.error(bug_message(bug, T.lang))
        for done in (stop, bar):  # no Stop, and no bar that reads "about 1 s left" (a bare tuple: Streamlit drew it)
            done.empty()
    if (job := latest_panel_run(st.session_state)) is None:
        return
    st.header(T("train.all_result", model=job.request.model))
    st.markdown(summary_text(job, T.lang, st.session_state[keys.DATA_TRAIN_FRACTION]))
    st.dataframe(results_table(job, T.lang), hide_index=True, width="stretch", placeholder=T("metric.undefined"))
    if csv := computed_once(st.session_state, keys.TRAIN_ALL_CSV, job, lambda: predictions_csv(job, series)):
        st.download_button(T("train.all_download"), csv, panel_file_name(st.session_state, job), "text/csv")
    if (extremes := extremes_chart(job, series.frequency, T.lang)) is not None:
        st.altair_chart(extremes)
    if fitted := drawable(st.session_state, keys.TRAIN_ALL_SERIES, job.fitted_ids()):
        shown = st.selectbox(**T.widget("train.all_series"), options=fitted, key=keys.TRAIN_ALL_SERIES)
        st.altair_chart(prediction_chart(*job.drawn(shown, series.frequency), T.lang), width="stretch")


def show_result(result: RunResult) -> None:
    st.header(result_title(st.session_state, result, T.lang))
    for warning in result_warnings(result, T.lang, st.session_state[keys.DATA_TRAIN_FRACTION]):  # fraction, budget
        st.warning(warning)
    st.altair_chart(prediction_chart(result.predictions, series.target, series.frequency, T.lang), width="stretch")
    left, right = st.columns([1, 1])  # the metrics table whole: its Chinese names were cut at 1,400 px
    left.dataframe(metrics_table(result.metrics, T.lang), width="stretch")
    for note in metric_notes(result, T.lang):
        left.caption(note)
    if result.closed_form_gap is not None:
        right.metric(T("train.gap"), gap_metric(result, T.lang), help=T("train.gap_help"))
    right.caption(T("train.fitted", seconds=result.fit_seconds, device=result.device, fraction=result.request.train_fraction))
    if len(result.losses) >= MIN_LOSS_POINTS:
        right.altair_chart(loss_chart(result.losses, lang=T.lang), width="stretch")
    elif result.losses:
        right.caption(T("train.few_epochs", epochs=len(result.losses), loss=result.losses[-1]))
    st.altair_chart(residual_chart(result.predictions, series.frequency, T.lang), width="stretch")
    if result.coefficients:
        with st.expander(T("train.learned"), expanded=True):
            st.markdown(learned_markdown(result, series, T.lang))
    for note in result_notes(result.params, T.lang):
        st.info(note)
    if candidates := selection_table(result.params, T.lang):
        with st.expander(T("train.backtest")):
            st.dataframe(candidates, width="stretch", column_config={
                "model": st.column_config.TextColumn(T("train.candidate")),
                "backtest_score": st.column_config.NumberColumn(T("train.backtest_score"), format="%.3f")})
    (csv_name, model_name), (a, b) = result_file_names(st.session_state, result), st.columns(2)  # file and run
    a.download_button(T("train.download_csv"), report_download(result.predictions, series.report),
                      csv_name, "text/csv", key="train.download_csv")
    model_file = computed_once(st.session_state, keys.TRAIN_MODEL_FILE, result, lambda: model_bytes(result.forecaster))
    b.download_button(**T.widget("train.download_model"), data=model_file, file_name=model_name,
                      mime="application/octet-stream", key="train.download_model")


through_dashboard(st.session_state, bool(PagesManager.uses_pages_directory), __file__, st.switch_page, st.query_params)
T = Texts(language_of(st.session_state, st.query_params, st.context.locale))
st.set_page_config(page_title=T("nav.train"), page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
apply_train_url(st.session_state, st.query_params)
st.title(T("train.title"))
st.caption(train_intro(st.session_state, series, T.lang))
for warning in train_page_warnings(st.session_state, series, T.lang):  # a training stopped, time stamps missing
    st.warning(warning)
model = st.sidebar.selectbox(**T.widget("train.model"), options=model_names(), key=keys.TRAIN_MODEL_WIDGET)
st.sidebar.caption(model_caption(spec_for(model), series.regressors, T.lang))
request = RunRequest(model, read_settings(spec_for(model)), st.session_state[keys.DATA_TRAIN_FRACTION])
set_page_query(st.query_params, train_query(request), st.session_state, T.lang)
if (panel := st.session_state.get(keys.DATA_PANEL)) is not None:  # a file of several series
    all_series(request, panel)
if st.button(**T.widget("train.train"), type="primary", key=keys.TRAIN_BUTTON):
    if (trained := train_now(request)) is not None and (dropped := record_run(st.session_state, trained)):
        st.toast(T("train.dropped", most=MAX_RUNS, count=dropped, mb=MAX_RUNS_MB))
if keys.TRAIN_RESULT in st.session_state:
    show_result(st.session_state[keys.TRAIN_RESULT])
else:
    st.info(start_hint(st.session_state, T.lang))
