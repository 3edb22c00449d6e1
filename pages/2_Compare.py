"""Compare page: every run of the session in a leaderboard, chosen runs overlaid on the actuals."""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from core.ui import state_keys as keys
from core.ui.charts import overlay_chart
from core.ui.explain import undefined_metric_notes
from core.evaluation.pipeline import RunRequest, RunResult, run
from core.i18n import Texts
from core.ui.panel_runs import PANEL_BOARD_FORMATS, drawn_panel_runs, panel_board
from core.ui.runs import (bandless_note, baseline_models, baselines_not_run, best_labels, board_formats, board_parts,
                          leaderboard, other_fractions_warning, overlay_choice, overlay_frame, run_label, table_formats,
                          test_span)
from core.ui.session import ensure_series, fraction_url_note, language_of, shown_source, through_dashboard


def baselines(fraction: float) -> list[RunResult]:
    """naive and snaive on the current split, computed once per fraction (they take milliseconds)."""
    cached = st.session_state.get(keys.COMPARE_BASELINES)
    if cached is None or cached[0] != fraction:
        made = [run(series.frame, series.frequency, RunRequest(name, train_fraction=fraction),
                    filled=series.report.filled_targets) for name in baseline_models(series.frequency)]
        cached = (fraction, made)
        st.session_state[keys.COMPARE_BASELINES] = cached
    return list(cached[1])


through_dashboard(st.session_state, bool(PagesManager.uses_pages_directory), __file__, st.switch_page, st.query_params)
T = Texts(language_of(st.session_state, st.query_params, st.context.locale))
st.set_page_config(page_title=T("nav.compare"), page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
st.title(T("compare.title"))
if note := fraction_url_note(st.session_state, T.lang):  # a link's fraction=0.99 landing here: said here
    st.warning(note)
fraction = float(st.session_state[keys.DATA_TRAIN_FRACTION])
runs: list[RunResult] = list(st.session_state.get(keys.TRAIN_RUNS, []))
reference = baselines_not_run(runs, baselines(fraction))
results = runs + reference
labels = [run_label(i, r) for i, r in enumerate(runs)] + [T("compare.baseline", model=r.request.model)
                                                          for r in reference]
if not runs:  # runs over all series, if any, are further down
    st.info(T("compare.no_runs_shown" if st.session_state.get(keys.TRAIN_PANEL_RUNS) else "compare.no_runs"))
st.caption(T("compare.intro", source=shown_source(st.session_state, T.lang)))  # which series, in a file of several
formats = {name: st.column_config.NumberColumn(format=fmt) for name, fmt in board_formats(T.lang, results).items()}
formats[T("board.run")] = st.column_config.Column(pinned=True)  # in view beside the settings, far right on a laptop
if warning := other_fractions_warning(results, fraction, T.lang):  # other test rows: not ranked against these
    st.warning(warning)
for board in board_parts(leaderboard(results, labels, T.lang, fraction), fraction, T.lang):  # other splits: a table
    st.dataframe(board, hide_index=True, width="stretch", column_config=formats,
                 placeholder=T("metric.undefined"))  # blank: an undefined metric (Streamlit writes "None")
for note in undefined_metric_notes([result.metrics for result in results], T.lang):  # blank cells in the board
    st.caption(note)
if note := bandless_note(results, labels, T.lang):  # blank band cells: no band, not an undefined share
    st.caption(note)
if season := next((r.params["season_asked"] for r in results  # on the current split's training rows
                    if r.params.get("season_asked") and r.request.train_fraction == fraction), None):
    st.caption(T("note.season_too_long", season=season))  # seasonal naive repeats the last value, as naive does
ids = [run_label(i, r) for i, r in enumerate(runs)] + [f"baseline {r.request.model}" for r in reference]
overlay_choice(st.session_state, ids, labels, lambda: best_labels(results, labels, fraction=fraction))
chosen = st.multiselect(**T.choices("compare.overlay", labels), key=keys.COMPARE_SELECTED)
st.altair_chart(overlay_chart(overlay_frame(results, labels, chosen), series.target, series.frequency, T.lang,
                              test_span(results, fraction)), width="stretch")
if panel_runs := drawn_panel_runs(st.session_state):  # runs over every series of the file
    st.header(T("compare.all_title"))
    st.caption(T("compare.all_intro"))
    if warning := other_fractions_warning(panel_runs, fraction, T.lang):  # scored on other test rows
        st.warning(warning)
    formats = {name: st.column_config.NumberColumn(format=fmt) for name, fmt in
               table_formats(PANEL_BOARD_FORMATS, "allboard", T.lang).items()}
    for board in board_parts(panel_board(panel_runs, T.lang, fraction), fraction, T.lang, "allboard"):
        st.dataframe(board, hide_index=True, width="stretch", column_config=formats, placeholder=T("metric.undefined"))
