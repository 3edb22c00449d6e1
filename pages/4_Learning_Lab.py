"""Learning lab: how gradient descent, SGD and the optimizers reach the answer, on the loaded series."""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from core.ui import state_keys as keys
from core.ui.controls import checked_number
from core.ui.feedback import BUGS, bug_message, waiting_message
from core.ui.explain import budget_warning, result_notes
from core.lab.panels import (DIVERGENCE_FACTOR, FULL_BATCH, LAB_MODELS, LAB_NUMBERS, LESSONS, OPTIMIZERS, LabResults,
                             LabSettings, batch_divergence, batch_rises, full_batch_at_edge, largest_stable_rate,
                             mini_batch_size, race_curves, race_table, run_lab, settings_in_range)
from core.i18n import Texts, listed, said
from core.ui.lab_charts import (curve_name, exact_note, lab_defaults, lab_intro, lab_table, log_lines, loss_curve,
                                loss_surface, passes_note, path_note, race_formats, race_notes)
from core.ui.session import ensure_series, language_of, shown_source, through_dashboard
from core.ui.text import plain
from core.training.slots import training_slot

through_dashboard(st.session_state, bool(PagesManager.uses_pages_directory), __file__, st.switch_page, st.query_params)
T = Texts(language_of(st.session_state, st.query_params, st.context.locale))
st.set_page_config(page_title=T("nav.lab"), page_icon="📈", layout="wide")


def read_settings() -> LabSettings:
    (side := st.sidebar).header(T("lab.settings"))
    for key, start in lab_defaults().items():
        st.session_state.setdefault(key, start)  # starts in the state, not in the widgets: they keep what is chosen
    model = side.selectbox(**T.widget("lab.model"), options=list(LAB_MODELS), format_func=lambda m: T(LAB_MODELS[m]),
                           key=keys.LAB_MODEL)
    optimizer = side.selectbox(**T.widget("lab.optimizer"), options=OPTIMIZERS, key=keys.LAB_OPTIMIZER)
    lr = checked_number(side, LAB_NUMBERS[0], keys.LAB_LR, T.widget("lab.lr"), T.lang)  # the run refuses one outside
    epochs = side.slider(**T.widget("lab.epochs"), min_value=5, max_value=300, key=keys.LAB_EPOCHS)
    batch = side.slider(**T.widget("lab.batch"), min_value=2, max_value=64, key=keys.LAB_BATCH)
    race = side.multiselect(**T.choices("lab.race", list(OPTIMIZERS)), key=keys.LAB_RACE)
    scale = side.select_slider(**T.widget("lab.race_scale"), options=[0.1, 0.3, 1.0, 3.0, 10.0, 30.0],
                               key=keys.LAB_RACE_SCALE)
    hidden = side.slider(**T.widget("lab.hidden"), min_value=1, max_value=16, key=keys.LAB_HIDDEN)
    seed = checked_number(side, LAB_NUMBERS[1], keys.LAB_SEED, T.widget("lab.seed"), T.lang)
    return LabSettings(model=model, optimizer=optimizer, lr=float(lr), epochs=int(epochs), batch_size=int(batch),
                       race=tuple(race), race_lr_scale=float(scale), hidden=int(hidden), seed=int(seed))


def lesson(name: str) -> None:
    st.header(T(f"lab.title.{name}"))
    st.caption(T(LESSONS[name]))


def show(results: LabResults) -> None:
    lesson("landscape")
    left, right = st.columns(2)
    left.altair_chart(loss_curve(results.landscape, T.lang), width="stretch")
    right.altair_chart(loss_surface(results.landscape, T.lang), width="stretch")
    if note := path_note(results, T.lang):  # off the map for good, back on it, or barely away from its start
        (st.warning if note[0] == "warning" else st.info)(note[1])
    lesson("batches")
    left, right = st.columns(2)
    left.altair_chart(log_lines(results.batches, "update", "loss", "mode", T("lab.axis.update"), T("lab.axis.loss"),
                                log_x=True, lang=T.lang), width="stretch")
    right.altair_chart(log_lines(results.batches, "epoch", "loss", "mode", T("lab.axis.pass"), T("lab.axis.loss"),
                                 lang=T.lang), width="stretch")
    st.caption(passes_note(results, T.lang))
    if (size := mini_batch_size(results.settings.batch_size, len(results.data.y))) != results.settings.batch_size:
        st.caption(T("lab.batch_cut", asked=results.settings.batch_size, rows=len(results.data.y), size=size))
    for mode, (first, last) in batch_rises(results.batches).items():
        st.warning(T("lab.batch_rose", optimizer=curve_name(mode, T.lang), first=first, last=last))
    for mode, where in batch_divergence(results.batches).items():  # the full batch: its steps too long for the valley
        st.warning(T("lab.batch_diverged_full" if mode == FULL_BATCH else "lab.batch_diverged", first=where.blew_up_at,
                     optimizer=curve_name(mode, T.lang), epoch=where.stopped_pass, step=where.stopped_at,
                     factor=DIVERGENCE_FACTOR, edge=largest_stable_rate(results.data)))
    if full_batch_at_edge(results.batches, results.data, results.settings):  # a flat line, said
        st.info(T("lab.batch_edge", rate=results.settings.lr, edge=largest_stable_rate(results.data)))
    lesson("race")
    if results.race:
        st.altair_chart(log_lines(race_curves(results.race), "step", "loss", "optimizer", T("lab.axis.epoch"),
                                  T("lab.axis.loss"), lang=T.lang), width="stretch")
        table = race_table(results.race)  # a diverged run has no loss nor test error: "—", where "None" was written
        st.dataframe(lab_table(table, T.lang), hide_index=True, width="stretch", placeholder=T("lab.race_none"),
                     column_config={name: st.column_config.NumberColumn(format=fmt) for name, fmt in
                                    race_formats(table, T.lang).items()})
        for note in race_notes(results, T.lang):
            st.caption(note)
    else:
        st.info(T("lab.race_empty"))
    lesson("backprop")
    report = results.backprop
    differences = listed((f"{name} {value:.1e}" for name, value in report.max_abs_diff.items()), T.lang)
    st.markdown(T("lab.backprop_agree" if report.agree else "lab.backprop_disagree", differences=differences))
    st.dataframe(lab_table(report.chain, T.lang), hide_index=True, width="stretch")
    lesson("exact")
    st.altair_chart(log_lines(results.exact[0].assign(run=results.settings.optimizer), "epoch", "gap", "run",
                              T("lab.axis.epoch"), T(results.gap_axis), lang=T.lang), width="stretch")
    if note := exact_note(results, T.lang):  # diverged, reached and left, or short of the answer
        (st.warning if note[0] == "warning" else st.info)(note[1])
    lesson("normalize")
    if results.settings.optimizer != "sgd":  # the lesson's step limit is plain gradient descent's
        st.caption(T("lab.normalize_not_plain", optimizer=results.settings.optimizer))
    curves, broke = results.normalize
    st.altair_chart(log_lines(curves, "epoch", "gap", "run", T("lab.axis.epoch"), T(results.gap_axis), lang=T.lang),
                    width="stretch")
    for name, step in broke.items():
        if step:
            st.markdown(T("lab.run_diverged", run=curve_name(name, T.lang), step=step))
    lesson("vectorize")
    timing = results.vectorize
    cols = st.columns(3)
    cols[0].metric(T("lab.loop"), T("lab.ms", ms=f"{timing.loop_seconds * 1000:,.1f}"))
    cols[1].metric(T("lab.vectorized"), T("lab.ms", ms=f"{timing.vector_seconds * 1000:,.2f}"))
    cols[2].metric(T("lab.speedup"), T("lab.speedup_value", ratio=timing.ratio), help=T("lab.speedup_help", n=timing.n))


series = ensure_series(st.session_state)
st.title(T("lab.title"))
settings = read_settings()
stored = st.session_state.get(keys.LAB_RESULTS)
pressed = st.sidebar.button(**T.widget("lab.run"), type="primary", key=keys.LAB_RUN)
fraction = st.session_state[keys.DATA_TRAIN_FRACTION]
if pressed or stored is None or stored[0] is not series or stored[1] != fraction:  # another series: recompute
    with st.spinner(T("lab.training")):
        try:
            with training_slot(lambda slots: st.info(waiting_message(slots, T.lang))):  # as Train's trainings
                stored = (series, fraction, run_lab(series.frame, series.frequency, settings, fraction,
                                                    series.report.filled_targets))
            st.session_state[keys.LAB_RESULTS] = stored
        except ValueError as problem:  # a number out of its range is said under its box already
            if getattr(problem, "key", "") not in ("err.setting_range", "err.setting_number"):
                st.error(plain(T("lab.failed", problem=said(problem, T.lang))))
        except BUGS as bug:
            st.error(bug_message(bug, T.lang))
if stored is not None and (stored[0] is not series or stored[1] != fraction):  # another file's lessons: not shown
    if not settings_in_range(settings):  # a setting refused under its box; another failure is said above
        st.info(T("lab.refused_new_series"))
    stored = None
if stored is not None:
    results: LabResults = stored[2]
    st.caption(lab_intro(results, shown_source(st.session_state, T.lang), T.lang))
    for line in result_notes({"left_out": results.data.left_out}, T.lang):  # season terms too few rows could fit
        st.info(line)
    if results.settings != settings:  # a refused setting makes no new run: the results are the last run's
        st.info(T("lab.changed" if settings_in_range(settings) else "lab.changed_refused"))
    if results.budget_stops:  # curves that end early
        st.warning(T("lab.budget_stops", runs=results.budget_stops, note=budget_warning(results.budget_note, T.lang)))
    if results.data.constant:  # no lesson to draw: the answer is the one value, whatever the method
        st.info(T("lab.constant"))
    else:
        show(results)
