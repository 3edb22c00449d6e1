"""Compare page: every run of the session in a leaderboard, chosen runs overlaid on the actuals."""
from __future__ import annotations

import streamlit as st

from core.ui import state_keys as keys
from core.ui.charts import overlay_chart
from core.evaluation.pipeline import RunRequest, RunResult, run
from core.ui.runs import baselines_not_run, best_labels, leaderboard, overlay_frame, run_label
from core.ui.session import ensure_series
from core.ui.text import plain

NUMBER_FORMATS = {"test MAE": "%.4g", "test RMSE": "%.4g", "test MAPE %": "%.3g", "test MASE": "%.3g",
                  "test R²": "%.3g", "fit seconds": "%.3f"}


def baselines(fraction: float) -> list[RunResult]:
    """naive and snaive on the current split, computed once per fraction (they take milliseconds)."""
    cached = st.session_state.get(keys.COMPARE_BASELINES)
    if cached is None or cached[0] != fraction:
        made = [run(series.frame, series.frequency, RunRequest(name, train_fraction=fraction))
                for name in ("naive", "snaive")]
        cached = (fraction, made)
        st.session_state[keys.COMPARE_BASELINES] = cached
    return list(cached[1])


st.set_page_config(page_title="Compare", page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
st.title("Compare runs")
fraction = float(st.session_state[keys.DATA_TRAIN_FRACTION])
runs: list[RunResult] = list(st.session_state.get(keys.TRAIN_RUNS, []))
reference = baselines_not_run(runs, baselines(fraction))
results = runs + reference
labels = [run_label(i, r) for i, r in enumerate(runs)] + [f"baseline {r.request.model}" for r in reference]
if not runs:
    st.info("No runs yet: train models on the **Train** page. The baselines are here for reference.")
st.caption(f"Series: {plain(st.session_state[keys.DATA_SOURCE])}. Best test MAE first; click a column header to sort. "
           "Metrics in original units, on each run's own test rows.")
st.dataframe(leaderboard(results, labels), hide_index=True, width="stretch",
             column_config={name: st.column_config.NumberColumn(format=fmt) for name, fmt in NUMBER_FORMATS.items()})
fresh = st.session_state.get(keys.COMPARE_DEFAULT_FOR) != labels or keys.COMPARE_SELECTED not in st.session_state
if fresh:  # new runs, or back on this page: start from the two best
    st.session_state[keys.COMPARE_DEFAULT_FOR] = labels
    st.session_state[keys.COMPARE_SELECTED] = best_labels(results, labels)
chosen = st.multiselect("Runs to overlay", labels, key=keys.COMPARE_SELECTED,
                        help="Predictions of the chosen runs drawn over the actual series.")
st.altair_chart(overlay_chart(overlay_frame(results, labels, chosen), series.target, series.frequency),
                width="stretch")
