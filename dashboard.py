"""Data page (home): load a CSV, choose its columns, check its quality, see the split."""
from __future__ import annotations

import streamlit as st

from core import state_keys as keys
from core.charts import series_chart, thin_for_drawing
from core.io import MAX_FILE_MB, LoadedSeries, LoadOptions, load_series
from core.session import DEFAULT_SAMPLE, ensure_series, sample_bytes, sample_files

st.set_page_config(page_title="Time-series regression", page_icon="📈", layout="wide")
load_cached = st.cache_data(show_spinner="Reading the file...", max_entries=16)(load_series)


def use_file(data: bytes, name: str, options: LoadOptions) -> None:
    """Load ``data``; on a problem keep what is loaded and remember the message."""
    try:
        series = load_cached(data, name, options)
    except ValueError as problem:
        st.session_state[keys.DATA_ERROR] = f"Could not use '{name}': {problem}"
        return
    st.session_state.update({keys.DATA_SERIES: series, keys.DATA_SOURCE: name, keys.DATA_BYTES: data,
                             keys.DATA_ERROR: None})


def handle_inputs() -> None:
    upload = st.sidebar.file_uploader(
        "Upload a CSV", type=["csv", "txt", "tsv", "xlsx", "parquet"], key=keys.DATA_UPLOAD_WIDGET,
        help=f"A time column and at least one numeric column; up to {MAX_FILE_MB:g} MB. "
             "Delimiter, decimal comma, encoding and date format are detected.")
    if upload is not None and st.session_state.get(keys.DATA_UPLOAD_ID) != upload.file_id:
        st.session_state[keys.DATA_UPLOAD_ID] = upload.file_id
        use_file(upload.getvalue(), upload.name, LoadOptions())
    samples = sample_files()
    sample = st.sidebar.selectbox("...or a shipped sample", samples, key=keys.DATA_SAMPLE_WIDGET,
                                  help="Example series that ship with the app.")
    if st.sidebar.button("Load sample", help="Replace the current series with the chosen sample."):
        use_file(sample_bytes(sample), sample, LoadOptions())


def choose_columns(series: LoadedSeries) -> None:
    """Column pickers pre-filled by detection; a change re-reads the same file."""
    left, middle, right = st.columns(3)
    dates = ["(none: number the rows)"] + series.columns
    date_col = left.selectbox("Date column", dates, index=dates.index(series.date_col or dates[0]),
                              key=keys.DATA_DATE_WIDGET, help="Detected from the names and values of the columns.")
    target = middle.selectbox("Target", series.numeric_columns, index=series.numeric_columns.index(series.target),
                              key=keys.DATA_TARGET_WIDGET, help="The numeric column to model and forecast.")
    others = [c for c in series.numeric_columns if c != target]
    regressors = right.multiselect("Regressors (optional)", others, default=[c for c in series.regressors if c in others],
                                   key=keys.DATA_REGRESSORS_WIDGET,
                                   help="Extra numeric columns used as features by the regression models.")
    chosen_date = None if date_col == dates[0] else date_col
    if (chosen_date, target, list(regressors)) != (series.date_col, series.target, series.regressors):
        data = st.session_state.get(keys.DATA_BYTES) or sample_bytes(DEFAULT_SAMPLE)
        use_file(data, st.session_state[keys.DATA_SOURCE],
                 LoadOptions(date_col=chosen_date, target=target, regressors=tuple(regressors)))
        if st.session_state.get(keys.DATA_ERROR) is None:
            st.rerun()


def show_quality(series: LoadedSeries) -> None:
    frame, report = series.frame, series.report
    cols = st.columns(5)
    cols[0].metric("Rows", f"{len(frame):,}")
    cols[1].metric("Frequency", series.frequency.name)
    cols[2].metric("From", str(frame["ds"].iloc[0])[:19])
    cols[3].metric("To", str(frame["ds"].iloc[-1])[:19])
    cols[4].metric("Missing values filled", f"{report.missing_filled:,}")
    for notice in report.notices:
        st.info(notice)
    if report.gaps:
        st.warning(f"{report.gaps:,} time stamps are missing against the {series.frequency.name} frequency.")


series = ensure_series(st.session_state)
st.title("📈 Time-series regression")
st.caption("Load a series, then train models on the **Train** page. AirPassengers (monthly airline "
           "passengers, 1949-1960) is loaded to start with.")
handle_inputs()
if st.session_state.get(keys.DATA_ERROR):
    st.error(st.session_state[keys.DATA_ERROR])
series = st.session_state[keys.DATA_SERIES]
st.subheader(f"Series: {st.session_state[keys.DATA_SOURCE]}")
choose_columns(series)
show_quality(series)
fraction = st.slider("Train fraction", 0.5, 0.95, float(st.session_state[keys.DATA_TRAIN_FRACTION]), 0.05,
                     key=keys.DATA_FRACTION_WIDGET,
                     help="The first part of the series trains the models; the rest tests them, in time order.")
st.session_state[keys.DATA_TRAIN_FRACTION] = fraction
n_train = int(len(series.frame) * fraction)
boundary = series.frame["ds"].iloc[n_train] if n_train < len(series.frame) else None
st.altair_chart(series_chart(series.frame, series.target, boundary), width="stretch")
if thin_for_drawing(series.frame)[1]:
    st.caption("The chart draws a thinned copy of this long series (LTTB); all computing uses every row.")
st.caption(f"{n_train:,} rows train, {len(series.frame) - n_train:,} rows test.")
with st.expander("Preview the tidy data"):
    st.dataframe(series.frame.head(200), width="stretch")
