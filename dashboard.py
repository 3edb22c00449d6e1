"""Data page, the home page of `streamlit run dashboard.py`: load a CSV, choose its columns, check
its quality, see the split. The other pages live in pages/."""
from __future__ import annotations

import streamlit as st

from core.data.tidy import DUPLICATE_POLICIES, MAX_FILE_MB, MISSING_POLICIES, LoadedSeries, LoadOptions, load_series
from core.evaluation.pipeline import split_boundary
from core.ui import state_keys as keys
from core.ui.charts import is_thinned, series_chart
from core.ui.session import (DEFAULT_SAMPLE, apply_fraction_url, ensure_series, quality_of, remember_series,
                             sample_bytes, sample_files)
from core.ui.text import plain
from core.ui.urlstate import to_query

st.set_page_config(page_title="Time-series regression", page_icon="📈", layout="wide")
# Parsed uploads are shared by content across sessions: few of them, and not for long.
load_cached = st.cache_data(show_spinner="Reading the file...", max_entries=8, ttl=1800)(load_series)
MISSING_HELP = {"interpolate": "straight line between neighbours", "ffill": "repeat the last value",
                "drop": "drop those rows"}


def use_file(data: bytes, name: str, options: LoadOptions, new_file: bool = True) -> None:
    """Load ``data``; on a problem keep what is loaded and remember the message."""
    try:
        series = load_cached(data, name, options)
    except ValueError as problem:
        st.session_state[keys.DATA_ERROR] = f"Could not use '{name}': {problem}"
        return
    if new_file:  # let the pickers start again from what was detected in this file
        for key in keys.DATA_CHOICE_WIDGETS:
            st.session_state.pop(key, None)
    if remember_series(st.session_state, series, name, data):
        st.toast("Runs made on the previous series were cleared.")


def handle_inputs() -> None:
    upload = st.sidebar.file_uploader(
        "Upload a CSV", type=["csv", "txt", "tsv", "xlsx", "parquet"], key=keys.DATA_UPLOAD_WIDGET,
        help=f"A time column and at least one numeric column; up to {MAX_FILE_MB:g} MB. "
             "Delimiter, decimal comma, encoding and date format are detected.")
    if upload is not None and st.session_state.get(keys.DATA_UPLOAD_ID) != upload.file_id:
        st.session_state[keys.DATA_UPLOAD_ID] = upload.file_id
        use_file(upload.getvalue(), upload.name, LoadOptions())
    sample = st.sidebar.selectbox("...or a shipped sample", sample_files(), key=keys.DATA_SAMPLE_WIDGET,
                                  help="Example series that ship with the app.")
    if st.sidebar.button("Load sample", help="Replace the current series with the chosen sample."):
        use_file(sample_bytes(sample), sample, LoadOptions())


def reading_options(series: LoadedSeries) -> dict[str, object]:
    """Less common choices: repeated time stamps, gaps, day/month order."""
    current = series.options or LoadOptions()
    with st.expander("Reading options", expanded=False):
        cols = st.columns(3)
        duplicates = cols[0].selectbox("Repeated time stamps", DUPLICATE_POLICIES,
                                       index=DUPLICATE_POLICIES.index(current.duplicates), key=keys.DATA_DUPLICATES_WIDGET,
                                       help="How rows that share a time stamp but differ are combined.")
        fill_gaps = cols[1].checkbox("Fill missing time stamps", value=current.fill_gaps, key=keys.DATA_GAPS_WIDGET,
                                     help="Insert the missing steps of the detected frequency and fill them "
                                          "with the missing-value policy.")
        orders = {"detect": None, "day first (31/01)": True, "month first (01/31)": False}
        order = cols[2].selectbox("Date order", list(orders), key=keys.DATA_ORDER_WIDGET,
                                  index=list(orders.values()).index(current.day_first),
                                  help="For dates like 01/02/2020: detected from the data unless you choose.")
        st.caption(f"Files up to {MAX_FILE_MB:g} MB (set TSR_MAX_FILE_MB to change).")
    return {"duplicates": duplicates, "fill_gaps": fill_gaps, "day_first": orders[order]}


def choose_columns(series: LoadedSeries) -> None:
    """Column pickers pre-filled by detection; a change re-reads the same file."""
    cols = st.columns([3, 3, 3, 2])
    dates = ["(none: number the rows)"] + series.columns
    date_col = cols[0].selectbox("Date column", dates, index=dates.index(series.date_col or dates[0]),
                                 key=keys.DATA_DATE_WIDGET, help="Detected from the column names and values.")
    target = cols[1].selectbox("Target", series.numeric_columns, index=series.numeric_columns.index(series.target),
                               key=keys.DATA_TARGET_WIDGET, help="The numeric column to model and forecast.")
    others = [c for c in series.numeric_columns if c != target]
    regressors = cols[2].multiselect("Regressors (optional)", others, default=[c for c in series.regressors if c in others],
                                     key=keys.DATA_REGRESSORS_WIDGET,
                                     help="Extra numeric columns the regression models use as features.")
    missing = cols[3].selectbox("Missing values", MISSING_POLICIES, index=MISSING_POLICIES.index(series.missing_policy),
                                key=keys.DATA_MISSING_WIDGET, format_func=lambda p: f"{p}: {MISSING_HELP[p]}",
                                help="How blank target or regressor cells are filled.")
    options = LoadOptions(date_col="" if date_col == dates[0] else date_col, target=target,
                          regressors=tuple(regressors), missing=missing, **reading_options(series))
    if options != series.options:
        data = st.session_state.get(keys.DATA_BYTES) or sample_bytes(DEFAULT_SAMPLE)
        use_file(data, st.session_state[keys.DATA_SOURCE], options, new_file=False)
        if not st.session_state.get(keys.DATA_ERROR):
            st.rerun()


def show_quality(series: LoadedSeries) -> None:
    quality = quality_of(st.session_state, series)
    cols = st.columns(5)
    cols[0].metric("Rows", f"{quality.rows:,}")
    cols[1].metric("Frequency", series.frequency.name, help=f"Season length {series.frequency.season_length}.")
    cols[2].metric("From", quality.start)
    cols[3].metric("To", quality.end)
    cols[4].metric("Suspected outliers", len(quality.outliers), help="Points far from the local trend and "
                   "the usual seasonal pattern (robust z-score above 3.5). Kept as they are.")
    with st.expander("Data quality", expanded=bool(series.report.notices or quality.gaps)):
        st.markdown(f"- Missing values filled ({series.missing_policy}): **{quality.missing_filled:,}**; "
                    f"rows dropped: **{quality.rows_dropped:,}**\n"
                    f"- Exact duplicate rows dropped: **{quality.duplicate_rows:,}**; repeated time stamps "
                    f"combined: **{quality.duplicate_stamps:,}**\n"
                    f"- Missing time stamps against the {series.frequency.name} frequency: **{quality.gaps:,}**")
        for notice in series.report.notices:
            st.info(plain(notice))
        if len(quality.outliers):
            st.dataframe(quality.outliers, hide_index=True)


ensure_series(st.session_state)
apply_fraction_url(st.session_state, st.query_params)
st.title("Time-series regression")
st.caption("Load a series, then train models on **Train**, compare them on **Compare** and look "
           "ahead on **Forecast**. AirPassengers (monthly airline passengers, 1949-1960) is loaded to start.")
handle_inputs()
if st.session_state.get(keys.DATA_ERROR):
    st.error(plain(st.session_state[keys.DATA_ERROR]))
series = st.session_state[keys.DATA_SERIES]
st.subheader(f"Series: {plain(st.session_state[keys.DATA_SOURCE])}")
choose_columns(series)
show_quality(series)
st.session_state.setdefault(keys.DATA_FRACTION_WIDGET, float(st.session_state[keys.DATA_TRAIN_FRACTION]))
fraction = st.slider("Train fraction", 0.5, 0.95, step=0.05, key=keys.DATA_FRACTION_WIDGET,
                     help="The first part of the series trains the models; the rest tests them, in time order.")
st.session_state[keys.DATA_TRAIN_FRACTION] = fraction
st.query_params.from_dict(to_query({"fraction": fraction}))
n_train, boundary = split_boundary(series.frame, fraction)
st.altair_chart(series_chart(series.frame, series.target, boundary), width="stretch")
thinned = " The chart draws a thinned copy of this long series (LTTB); all computing uses every row." \
    if is_thinned(len(series.frame)) else ""
st.caption(f"{n_train:,} rows train, {len(series.frame) - n_train:,} rows test. Drag to pan, scroll to zoom.{thinned}")
st.markdown("**Preview**")
st.dataframe(series.frame.head(500), width="stretch", height=240)
