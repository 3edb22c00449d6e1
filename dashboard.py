"""`streamlit run dashboard.py`: navigation, language (?lang=), the session across reloads (?s=KEY), the Data page."""
from __future__ import annotations

import streamlit as st

from core.data.read import read_table
from core.data.tidy import MAX_FILE_MB, LoadedSeries
from core.evaluation.split import split_boundary
from core.ui import state_keys as keys
from core.i18n import LANGUAGES, Texts, listed, said
from core.ui.charts import data_chart
from core.ui.data_pickers import column_pickers, date_picker, reading_pickers, retry_target_picker, view_picker
from core.panel.choice import PanelChoice
from core.ui.panel_view import (Reading, Retry, again, app_pages, chosen_sheet, file_readers, fresh_options,
                                new_upload, panel_choice, panel_note, picked_options, read_into, retried, sheet_picker)
from core.ui.session import (DATE_ORDERS, after_navigation, data_page_notes, end_run, ensure_series, follow_language,
                             language_of, load_problem, loaded_details, offered_regressors, open_session, outlier_note,
                             preview_frame, quality_markdown, quality_metrics, quality_of, quality_panel, sample_bytes,
                             sample_files, span_text, set_page_query, split_caption, steps_note, sync_pickers)
from core.ui.text import plain
from core.ui.urlstate import FRACTION_SLIDER, to_query

# Parsed tables are shared by the file's bytes across sessions: few of them, and not for long.
load_file, split_file = file_readers(st.cache_data(show_spinner=False, max_entries=8, ttl=1800)(read_table))


def use_file(reading: Reading, T: Texts) -> bool:  # on a problem: what is loaded stays, the problem is remembered
    with st.spinner(T("data.reading")):
        return read_into(st.session_state, reading, load_file, split_file) is not None


def handle_inputs(T: Texts) -> None:
    upload = st.sidebar.file_uploader(**T.widget("data.upload", mb=MAX_FILE_MB), key=keys.DATA_UPLOAD_WIDGET,
                                      type=None)  # any name: the reader says what a file is (.xls, .ods, a PDF)
    if (reading := new_upload(st.session_state, upload, st.context.locale)) is not None:
        use_file(reading, T)
    sample = st.sidebar.selectbox(**T.widget("data.sample"), options=sample_files(), key=keys.DATA_SAMPLE_WIDGET)
    if st.sidebar.button(**T.widget("data.load_sample")):
        use_file(Reading(sample_bytes(sample), sample, fresh_options(st.context.locale)), T)


def reading_options(series: LoadedSeries, T: Texts) -> tuple[dict[str, object], PanelChoice]:
    """Less common choices: repeated stamps, gaps, date order, series ids, rows per period, the decimal mark."""
    with st.expander(T("data.reading_options"), expanded=False):
        cols, pick = st.columns(3), reading_pickers(st.session_state, series, T.lang)
        duplicates, fill_gaps = cols[0].selectbox(**pick["duplicates"]), cols[1].checkbox(**pick["fill_gaps"])
        order, ids = cols[2].selectbox(**pick["order"]), cols[0].multiselect(**pick["ids"])
        every, per = cols[1].checkbox(**pick["all_targets"]), cols[2].selectbox(**pick["per"])
        mark = cols[1].selectbox(**pick["decimal"])
        reading = dict(duplicates=duplicates, fill_gaps=fill_gaps, day_first=DATE_ORDERS[order], per=per, decimal=mark)
        if (sheet_args := sheet_picker(series)) is not None:  # a workbook of several sheets: which one
            reading["sheet"] = chosen_sheet(series, cols[2].selectbox(**T.widget("data.sheet"), **sheet_args))
    return reading, PanelChoice(tuple(ids), every)


def choose_columns(series: LoadedSeries, T: Texts) -> None:
    """Column pickers showing what ``series`` uses; a change re-reads the same file."""
    cols, pick = st.columns(4), column_pickers(st.session_state, series, T.lang)  # 4th: long missing-value labels
    date_col = cols[0].selectbox(**date_picker(series.columns, T.lang), key=keys.DATA_DATE_WIDGET)
    target = cols[1].selectbox(**pick["target"])  # off where each numeric column is a series: see below
    others = offered_regressors(st.session_state, series, target)
    regressors = cols[2].multiselect(**T.choices("data.regressors", others), key=keys.DATA_REGRESSORS_WIDGET)
    missing = cols[3].selectbox(**pick["missing"])
    if others and not regressors and not panel_choice(st.session_state).all_targets:  # not when each is a series
        st.caption(T("data.other_columns", columns=plain(listed(others, T.lang))))
    reading, choice = reading_options(series, T)
    options = picked_options(date_col, target, regressors, missing, reading, series.options.usual_day_first)
    if options != series.options or choice != panel_choice(st.session_state):
        use_file(again(st.session_state, options, choice), T)  # on a problem, the pickers go back to what is in use
        st.rerun()
    if (panel := st.session_state.get(keys.DATA_PANEL)) is not None:  # several series: which one to show
        (st.warning if panel.too_short or panel.in_text else st.caption)(panel_note(panel, T.lang))  # names them
        st.selectbox(**view_picker(st.session_state, panel, T.lang))


def read_again(retry: Retry, T: Texts) -> None:
    """Pickers of a file that failed on its columns, to read it again with another date column or target."""
    with st.expander(T("data.retry", name=plain(retry.reading.name)), expanded=True):
        cols = st.columns(3, vertical_alignment="bottom")
        date_col = cols[0].selectbox(**date_picker(retry.columns, T.lang), key=keys.DATA_RETRY_DATE_WIDGET)
        target = cols[1].selectbox(**retry_target_picker(retry, T.lang), key=keys.DATA_RETRY_TARGET_WIDGET)
        if cols[2].button(**T.widget("data.read_again")):
            use_file(retried(retry, date_col, target), T)
            st.rerun()  # the file read, or its new problem: the one above is from before the click


def show_quality(series: LoadedSeries, T: Texts) -> None:
    quality = quality_of(st.session_state, series)
    for col, (label, value, about) in zip(st.columns(3), quality_metrics(series, quality, T.lang)):
        col.metric(label, value, help=about)
    st.caption(span_text(series, T.lang))
    with st.expander(T("data.quality"), **quality_panel(series, quality)):
        st.markdown(quality_markdown(series, quality, T.lang))
        for notice in series.report.notices:
            st.info(plain(said(notice, T.lang)))
        if len(quality.outliers):
            st.caption(outlier_note(T.lang))
            st.dataframe(quality.outliers.rename(columns=T.words("outliers")), hide_index=True)


def data_page() -> None:
    T = Texts(language_of(st.session_state, st.query_params, st.context.locale))
    st.set_page_config(page_title=T("app.title"), page_icon="📈", layout="wide")
    ensure_series(st.session_state)
    st.title(T("app.title"))
    handle_inputs(T)
    for note, lasting in data_page_notes(st.session_state, T.lang):  # a link's refused fraction: a lasting warning
        (st.warning if lasting else st.toast)(note)
    series = st.session_state[keys.DATA_SERIES]
    source, details = plain(st.session_state[keys.DATA_SOURCE]), plain(loaded_details(st.session_state, series, T.lang))
    st.caption(T("data.intro", source=source, details=details))
    sync_pickers(st.session_state, series)  # before any picker is drawn
    if problem := load_problem(st.session_state, T.lang):
        st.error(plain(problem))
    if retry := st.session_state.get(keys.DATA_RETRY):
        read_again(retry, T)
    st.header(T("data.series", source=source))
    choose_columns(series, T)
    if note := steps_note(series, T.lang):
        st.info(note)
    show_quality(series, T)
    fraction = st.slider(**T.widget("data.fraction"), **FRACTION_SLIDER, key=keys.DATA_FRACTION_WIDGET)
    st.session_state[keys.DATA_TRAIN_FRACTION] = fraction
    set_page_query(st.query_params, to_query({"fraction": fraction}), st.session_state, T.lang)
    n_train, boundary = split_boundary(series.frame, fraction)
    st.altair_chart(data_chart(series, boundary, T.lang), width="stretch")
    st.caption(split_caption(len(series.frame), n_train, T.lang))
    st.markdown(T("data.preview"))
    st.dataframe(preview_frame(series, T.lang), hide_index=True, width="stretch", height=240)


def main() -> None:
    note = open_session(st.session_state, st.query_params, load_file, split=split_file, cookies=st.context.cookies)
    T = Texts(language_of(st.session_state, st.query_params, st.context.locale))  # the selector's choice first
    follow_language(st.session_state, T.lang)
    pages = app_pages(st.Page, data_page, T)
    page, links = st.navigation(pages, position="hidden"), st.sidebar.container()  # links drawn last, with their URLs
    if wanted := after_navigation(st.session_state, st.query_params):  # a shared link's split; a first deep link
        st.switch_page(wanted, query_params=st.query_params.to_dict())
    lang = st.sidebar.selectbox(T("app.language"), list(LANGUAGES), key=keys.APP_LANG_WIDGET, format_func=LANGUAGES.get)
    if note and page is not pages[0]:  # a link to Train opened in another browser: said above the page, not in a toast
        (st.info if note.key.endswith("restored") or note.key.endswith("restored_runs") else st.warning)(
            plain(note.text(lang)))
    try:
        page.run()
    finally:  # also after a page's st.rerun(); pages return early, never st.stop(), which would skip the links
        end_run(st.session_state, st.query_params, lang, links, pages)


main()
