"""`streamlit run dashboard.py`: the navigation, the session kept across reloads (``?s=KEY``), and the Data
page: load a CSV, choose its columns, check its quality, see the split. pages/ run inside main()."""
from __future__ import annotations

import streamlit as st

from core.data.quality import OUTLIER_CAPTION
from core.data.tidy import DUPLICATE_POLICIES, MAX_FILE_MB, MISSING_POLICIES, LoadedSeries, LoadOptions, load_series
from core.evaluation.pipeline import split_boundary
from core.ui import state_keys as keys
from core.ui.charts import is_thinned, series_chart
from core.ui.session import (DATE_ORDERS, DEFAULT_SAMPLE, MISSING_HELP, NO_DATE_COLUMN, apply_fraction_url,
                             ensure_series, keep_session_param, loaded_details, offered_regressors, open_session,
                             preview_frame, quality_markdown, quality_of, remember_series, sample_bytes,
                             sample_files, save_session, steps_note, sync_pickers)
from core.ui.text import plain
from core.ui.urlstate import to_query

st.set_page_config(page_title="Time-series regression", page_icon="📈", layout="wide")
# Parsed uploads are shared by content across sessions: few of them, and not for long.
load_cached = st.cache_data(show_spinner="Reading the file...", max_entries=8, ttl=1800)(load_series)
# URL paths as pages/ alone gives them (page hashes come from them): links and sessions from before agree.
PAGES = (("pages/1_Train.py", "Train", "Train"), ("pages/2_Compare.py", "Compare", "Compare"),
         ("pages/3_Forecast.py", "Forecast", "Forecast"), ("pages/4_Learning_Lab.py", "Learning Lab", "Learning_Lab"))


def use_file(data: bytes, name: str, options: LoadOptions) -> bool:
    """Load ``data``; on a problem keep what is loaded, remember the message and return False."""
    try:
        series = load_cached(data, name, options)
    except ValueError as problem:
        st.session_state[keys.DATA_ERROR] = f"Could not use '{name}': {problem}"
        return False
    if remember_series(st.session_state, series, name, data):
        st.toast("Runs made on the previous series were cleared.")
    return True


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


def reading_options() -> dict[str, object]:
    """Less common choices: repeated time stamps, gaps, day/month order (set from the series in use)."""
    with st.expander("Reading options", expanded=False):
        cols = st.columns(3)
        duplicates = cols[0].selectbox("Repeated time stamps", DUPLICATE_POLICIES, key=keys.DATA_DUPLICATES_WIDGET,
                                       help="How rows that share a time stamp but differ are combined.")
        fill_gaps = cols[1].checkbox("Fill missing time stamps", key=keys.DATA_GAPS_WIDGET,
                                     help="Insert the missing steps of the detected frequency and fill them "
                                          "with the missing-value policy.")
        order = cols[2].selectbox("Date order", list(DATE_ORDERS), key=keys.DATA_ORDER_WIDGET,
                                  help="For dates like 01/02/2020: detected from the data unless you choose.")
        st.caption(f"Files up to {MAX_FILE_MB:g} MB (set TSR_MAX_FILE_MB to change).")
    return {"duplicates": duplicates, "fill_gaps": fill_gaps, "day_first": DATE_ORDERS[order]}


def choose_columns(series: LoadedSeries) -> None:
    """Column pickers showing what ``series`` uses; a change re-reads the same file."""
    sync_pickers(st.session_state, series)
    cols = st.columns([3, 3, 3, 2])
    date_col = cols[0].selectbox("Date column", [NO_DATE_COLUMN, *series.columns], key=keys.DATA_DATE_WIDGET,
                                 help="Detected from the column names and values.")
    target = cols[1].selectbox("Target", series.numeric_columns, key=keys.DATA_TARGET_WIDGET,
                               help="The numeric column to model and forecast.")
    others = offered_regressors(st.session_state, series, target)
    regressors = cols[2].multiselect("Regressors (optional)", others, key=keys.DATA_REGRESSORS_WIDGET,
                                     help="Extra numeric columns the regression models use as features.")
    missing = cols[3].selectbox("Missing values", MISSING_POLICIES, key=keys.DATA_MISSING_WIDGET,
                                format_func=MISSING_HELP.__getitem__, help="How blank cells are filled.")
    if others and not regressors:
        st.caption(f"Other numeric columns you can add as regressors: {plain(', '.join(others))}.")
    options = LoadOptions(date_col="" if date_col == NO_DATE_COLUMN else date_col, target=target,
                          regressors=tuple(regressors), missing=missing, **reading_options())  # type: ignore[arg-type]
    if options != series.options:
        data = st.session_state.get(keys.DATA_BYTES) or sample_bytes(DEFAULT_SAMPLE)
        if not use_file(data, st.session_state[keys.DATA_SOURCE], options):
            st.session_state[keys.DATA_PICKERS_FOR] = None  # back to what is in use, with the error above
        st.rerun()


def show_quality(series: LoadedSeries) -> None:
    quality = quality_of(st.session_state, series)
    cols = st.columns(3)
    cols[0].metric("Rows", f"{quality.rows:,}")
    cols[1].metric("Frequency", series.frequency.name, help=f"Season length {series.frequency.season_length}.")
    cols[2].metric("Suspected outliers", len(quality.outliers), help=OUTLIER_CAPTION + " Kept as they are.")
    st.caption(f"From {quality.start} to {quality.end}.")
    with st.expander("Data quality", expanded=bool(series.report.notices or quality.gaps)):
        st.markdown(quality_markdown(series, quality))
        for notice in series.report.notices:
            st.info(plain(notice))
        if len(quality.outliers):
            st.caption(OUTLIER_CAPTION)
            st.dataframe(quality.outliers, hide_index=True)


def data_page() -> None:
    ensure_series(st.session_state)
    apply_fraction_url(st.session_state, st.query_params)
    st.title("Time-series regression")
    handle_inputs()
    series = st.session_state[keys.DATA_SERIES]
    source, details = plain(st.session_state[keys.DATA_SOURCE]), plain(loaded_details(st.session_state, series))
    st.caption("Load a series, then train models on **Train**, compare them on **Compare** and look ahead on "
               f"**Forecast**. Loaded now: **{source}**{details}")
    if st.session_state.get(keys.DATA_ERROR):
        st.error(plain(st.session_state[keys.DATA_ERROR]))
    st.subheader(f"Series: {source}")
    choose_columns(series)
    if series.date_col is None:
        st.info(steps_note(series))
    show_quality(series)
    st.session_state.setdefault(keys.DATA_FRACTION_WIDGET, float(st.session_state[keys.DATA_TRAIN_FRACTION]))
    fraction = st.slider("Train fraction", 0.5, 0.95, step=0.05, key=keys.DATA_FRACTION_WIDGET,
                         help="The first part of the series trains the models; the rest tests them, in time order.")
    st.session_state[keys.DATA_TRAIN_FRACTION] = fraction
    st.query_params.from_dict(to_query({"fraction": fraction}))
    n_train, boundary = split_boundary(series.frame, fraction)
    st.altair_chart(series_chart(series.frame, series.target, boundary, series.frequency), width="stretch")
    thinned = " The chart draws a thinned copy (LTTB); all computing uses every row." if is_thinned(len(series.frame)) else ""
    st.caption(f"{n_train:,} rows train, {len(series.frame) - n_train:,} rows test. Drag to pan, scroll to zoom.{thinned}")
    st.markdown("**Preview**")
    st.dataframe(preview_frame(series), hide_index=True, width="stretch", height=240)


def main() -> None:
    note = open_session(st.session_state, st.query_params, load_cached)
    data = st.Page(data_page, title="Data", url_path="dashboard", default=True)
    page = st.navigation([data, *(st.Page(path, title=title, url_path=url) for path, title, url in PAGES)])
    if note and page is not data:
        st.toast(plain(note))
    try:
        page.run()
    finally:  # also after a page's st.stop() or st.rerun()
        save_session(st.session_state)
        keep_session_param(st.query_params, st.session_state)


main()
