"""The Data page's side of a file that holds several series (``core.panel.choice``): how it is split, which
series is shown. No streamlit and no torch (the Data page draws before torch loads): pages pass their
``st.session_state``; the runs over every series are in ``core.ui.panel_runs``."""
from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from core.data.tidy import MIN_ROWS, PERIODS, LoadedSeries, LoadOptions, TableReader, load_series
from core.errors import DataError
from core.i18n import listed, message, quoted_list, t, usual_day_first
from core.panel.choice import Panel, PanelChoice, Splitter, first_view, may_hold_many, read_panel, series_view
from core.panel.split import TEXT_TARGET
from core.ui import state_keys as keys
from core.ui.session import (COUNT_ROWS, DEFAULT_SAMPLE, NO_DATE_COLUMN, Loader, remember_series, sample_bytes,
                             sheet_key, swap_series_results)
from core.training.slots import reading_slot
from core.ui.text import plain


_NAMED_SHORT = 5  # series the note on too-short series names


@dataclass(frozen=True)
class Reading:
    """A file to read (its bytes and name), how (``options``) and into which series (``choice``); ``in_use``: the
    file in use, read again with other choices (``again``)."""

    data: bytes
    name: str
    options: LoadOptions
    choice: PanelChoice = PanelChoice()
    in_use: bool = False


def again(state: Mapping[str, Any], options: LoadOptions, choice: PanelChoice) -> Reading:
    """The file in use, to read again with other ``options`` and ``choice``; another sheet of a workbook with its
    columns and series ids detected afresh: the pickers name those of the sheet in use (the page read another sheet
    for columns it lacks, again and again, and its ids made the reading fail)."""
    if options.sheet != state[keys.DATA_SERIES].options.sheet:
        options, choice = replace(options, date_col=None, target=None, regressors=()), PanelChoice()
    return Reading(state.get(keys.DATA_BYTES) or sample_bytes(DEFAULT_SAMPLE), str(state[keys.DATA_SOURCE]), options,
                   choice, in_use=True)


def file_readers(read: TableReader) -> tuple[Loader, Splitter]:
    """``load_series`` and ``read_panel`` reading tables with ``read`` (the dashboard's: cached by the file's bytes),
    so that a change of column, of the missing-values policy or of series ids tidies the table again without parsing
    the bytes again (on a 200,000-row file of 20 columns each change parsed it anew, twice for a file of several
    series: 0.6 s a time), and a file of several series is parsed once for both."""
    return partial(load_series, read=read), partial(read_panel, read=read)


def read_into(state: MutableMapping[str, Any], reading: Reading, load: Loader, split: Splitter) -> bool | None:
    """Read a file with ``load`` (and, when it may hold several series, split it with ``split``) and make it the
    data in use, showing the series shown before when the file has it. None when the file cannot be used: the
    problem is kept for the page to show, what was in use stays and the pickers go back to it; else whether runs
    were dropped."""
    data, name, options, choice = reading.data, reading.name, reading.options, reading.choice
    try:
        with reading_slot():  # a few reads at once: each may take gigabytes
            series, panel = _loaded(reading, load, split)
            if series is not None:
                panel = split(data, name, options, choice) if may_hold_many(series, choice) else None
            view, series = first_view(panel, state.get(keys.DATA_PANEL_VIEW), series)
    except ValueError as problem:
        state[keys.DATA_ERROR], state[keys.DATA_PICKERS_FOR] = (name, problem.with_traceback(None)), None
        state[keys.DATA_RETRY] = _retry_of(state, reading, problem)
        return None
    except MemoryError:  # a small workbook whose text, read, fills gigabytes: said, and what was in use stays
        state[keys.DATA_ERROR], state[keys.DATA_PICKERS_FOR] = (name, DataError(
            "Reading it needs more memory than the server has: use a smaller file (fewer rows or columns, shorter "
            "text cells).", "err.read_out_of_memory")), None
        state[keys.DATA_RETRY] = None
        return None
    return remember_series(state, series, name, data, panel, view)


@dataclass(frozen=True)
class Retry:
    """A file that could not be used, read but with columns it could not use: the Data page offers ``columns`` to
    read it again with another date column or target (a file refused on what was detected was out of reach: the
    pickers name the columns of the file in use); ``date_col`` and ``target``: what those pickers start from."""

    reading: Reading
    columns: tuple[str, ...]
    date_col: str
    target: str
    per: str = ""  # the period the problem says to count the rows per (police.uk's crimes dated by month), if any


def _retry_of(state: MutableMapping[str, Any], reading: Reading, problem: ValueError) -> Retry | None:
    """What the Data page offers after ``reading`` failed with ``problem``: the file's columns to choose from, unless
    the file is the one in use (its own pickers are there) or no columns were read. The pickers start from the
    columns the reading named, else from those the problem suggests (``tidy.suggested_columns``), else the first two."""
    columns: tuple[str, ...] = getattr(problem, "columns", ())
    if not columns or reading.in_use:
        return None
    first = getattr(problem, "suggested", None) or (columns[0], columns[min(1, len(columns) - 1)])
    if (former := state.get(keys.DATA_RETRY)) is None or former.reading.data is not reading.data:
        for key in (keys.DATA_RETRY_DATE_WIDGET, keys.DATA_RETRY_TARGET_WIDGET):  # another file's columns
            state.pop(key, None)
    named = reading.options.date_col
    date_col = NO_DATE_COLUMN if named == "" else named if named in columns else first[0]
    target = reading.options.target if reading.options.target in columns else first[1]
    per = str(problem.params.get("per", "")) if isinstance(problem, DataError) else ""
    return Retry(reading, columns, date_col, str(target), per if per in PERIODS else "")


def retried(retry: Retry, date_col: str, target: str) -> Reading:
    """``retry``'s file to read again with ``date_col`` (``NO_DATE_COLUMN``: number the rows) and ``target``
    (``COUNT_ROWS``: its rows counted per day); the rest as it was asked."""
    options = replace(retry.reading.options, date_col="" if date_col == NO_DATE_COLUMN else date_col, target=target,
                      regressors=())
    if target == COUNT_ROWS:  # an event log's rows counted: per day unless another period was asked for
        options = replace(options, target=None, duplicates="count", per=options.per or retry.per or "day")
    return replace(retry.reading, options=options, choice=PanelChoice())


def _loaded(reading: Reading, load: Loader, split: Splitter) -> tuple[LoadedSeries | None, Panel | None]:
    """The file read as one series (and no panel yet); when that leaves too few rows, the split says why if it can (30
    stores of 5 days each: "150 rows hold only 5 distinct time stamps", not "only 5 usable rows"). When its target
    holds text, the file's series when it has several (no series read whole): a store's series written all in text
    made the file refused, where training skips that series, named, and fits the others."""
    try:
        return load(reading.data, reading.name, reading.options), None
    except DataError as problem:
        if problem.key in TEXT_TARGET:  # a store written in text: its series skipped
            try:
                panel = split(reading.data, reading.name, reading.options, reading.choice)
            except DataError:
                raise problem from None
            if panel is not None:
                return None, panel
        if problem.key == "err.too_few_rows":
            try:
                split(reading.data, reading.name, reading.options, reading.choice)
            except DataError as why:
                why.columns = why.columns or problem.columns  # the file's columns, to choose others
                why.suggested = why.suggested or problem.suggested
                raise why from None
        raise


def panel_choice(state: Mapping[str, Any]) -> PanelChoice:
    """How the file in use was split (no id, one series, when it holds one)."""
    panel = state.get(keys.DATA_PANEL)
    return panel.choice if panel is not None else PanelChoice((), False)


def id_candidates(state: Mapping[str, Any], series: LoadedSeries) -> list[str]:
    """Columns the Series id picker offers: the file's columns except the time column and the target."""
    panel = state.get(keys.DATA_PANEL)
    return [col for col in (panel.columns if panel is not None else series.columns)
            if col not in (series.date_col, series.target)]


def show_series(state: MutableMapping[str, Any], uid: str | None = None) -> None:
    """Show series ``uid`` (by default the one the Data page's picker holds) of the file in use; single models
    then train on it. The runs made on the series shown before are kept for it (``swap_series_results``) and those
    of ``uid`` come back; all-series runs stay. A series that cannot be read leaves the one shown, its problem kept
    for the page to show and the pickers set back."""
    uid = str(state[keys.DATA_VIEW_WIDGET]) if uid is None else uid
    try:
        series = series_view(state[keys.DATA_PANEL], uid)
    except ValueError as problem:
        state[keys.DATA_ERROR], state[keys.DATA_PICKERS_FOR] = (uid, problem.with_traceback(None)), None
        return
    leaving = state.get(keys.DATA_PANEL_VIEW)
    if swap_series_results(state, leaving, uid):
        state[keys.DATA_RUNS_KEPT] = leaving
    state[keys.DATA_SERIES], state[keys.DATA_PANEL_VIEW] = series, uid
    if (error := state.get(keys.DATA_ERROR)) and error[0] in state[keys.DATA_PANEL].ids:  # another series' problem
        state[keys.DATA_ERROR] = None  # stayed red over the series now shown


# URL paths as pages/ alone gives them (page hashes come from them): links and sessions from before agree.
PAGES = (("pages/1_Train.py", "nav.train", "Train"), ("pages/2_Compare.py", "nav.compare", "Compare"),
         ("pages/3_Forecast.py", "nav.forecast", "Forecast"), ("pages/4_Learning_Lab.py", "nav.lab", "Learning_Lab"))


def app_pages(page: Callable[..., Any], data_page: Callable[[], None], texts: Callable[[str], str]) -> list[Any]:
    """The app's pages (``page``: ``st.Page``), titled by ``texts``: the Data page (``data_page``), then ``PAGES``."""
    return [page(data_page, title=texts("nav.data"), url_path="dashboard", default=True),
            *(page(path, title=texts(title), url_path=url) for path, title, url in PAGES)]


def sheet_picker(series: LoadedSeries) -> dict[str, Any] | None:
    """The Data page's sheet picker for a workbook of several visible sheets (its options and a key of this
    workbook's); None for any other file."""
    sheets = list(series.report.sheets)
    if len(sheets) < 2 or series.report.sheet_read not in sheets:
        return None
    return {"options": sheets, "key": sheet_key(series)}  # set to the sheet read by ``sync_pickers``


def chosen_sheet(series: LoadedSeries, chosen: str) -> str | int:
    """The sheet to read: the one in use as it was asked for (by default, the first that holds a table) while the
    picker shows it, else the one picked."""
    return series.options.sheet if chosen == series.report.sheet_read else chosen


def new_upload(state: MutableMapping[str, Any], upload: Any, locale: object) -> Reading | None:
    """How to read ``upload`` (Streamlit's uploaded file) when it is one not handled yet, remembered as handled so
    that reruns do not read it again; None for no upload or one handled already."""
    if upload is None or state.get(keys.DATA_UPLOAD_ID) == upload.file_id:
        return None
    state[keys.DATA_UPLOAD_ID] = upload.file_id
    return Reading(upload.getvalue(), upload.name, fresh_options(locale))


def fresh_options(locale: object) -> LoadOptions:
    """How to read a file just uploaded or picked: everything detected, ambiguous dates in the order the browser's
    ``locale`` writes them (``core.i18n.usual_day_first``)."""
    return LoadOptions(usual_day_first=usual_day_first(locale))


def picked_options(date_col: str, target: str, regressors: list[str], missing: str,
                   reading: Mapping[str, Any], usual_day_first: bool | None = None) -> LoadOptions:
    """The options the Data page's pickers give (another sheet than the one in use is read afresh by ``again``);
    ``usual_day_first``: the order the file in use was first read with (``fresh_options``), kept so that a series
    read before the browser's order was known (the sample on arrival) is not read again, its results lost."""
    return LoadOptions(date_col="" if date_col == NO_DATE_COLUMN else date_col, target=target,
                       regressors=tuple(regressors), missing=missing, usual_day_first=usual_day_first, **reading)


def panel_note(panel: Panel, lang: str = "en") -> str:
    """How many series the file holds and what tells them apart; then which are too short to fit, if any."""
    by = plain(listed(panel.id_cols, lang)) if panel.id_cols else t("all.by_columns", lang)
    dropped = t("all.rows_without_id", lang, rows=panel.rows_without_id) if panel.rows_without_id else ""
    note = t("data.panel_note", lang, count=len(panel.tasks), by=by, dropped=dropped)
    if panel.finer_id is not None:  # a picked id that leaves rows alike: each series is their mean
        column, repeats = panel.finer_id
        policy = panel.tasks[0].options.duplicates if panel.tasks else "mean"
        note += " " + message("data.panel_finer", {"rows": repeats, "ids": plain(listed(panel.id_cols, lang)),
                                                   "column": plain(column), "policy": policy}, lang)
    if panel.blank_columns:  # every numeric column a series: these make none (the command line says so too)
        note += " " + t("data.panel_blank", lang, count=len(panel.blank_columns),
                        names=plain(quoted_list(panel.blank_columns, lang)))
    return f"{note} {short}" if (short := short_series_note(panel, lang)) else note


def short_series_note(panel: Panel, lang: str = "en") -> str | None:
    """Which series are blank in every row, which too short to fit and which written in text (training skips them),
    before any training; None when none is. (A blank series was said to have fewer than 8 values; training said it
    had none.)"""
    said = {*panel.empty, *panel.in_text}
    short = [name for name in panel.too_short if name not in said]
    notes = [t(key, lang, count=len(names), names=_named_few(names, lang), rows=MIN_ROWS)
             for key, names in (("data.panel_empty", list(panel.empty)), ("data.panel_short", short),
                                ("data.panel_text", list(panel.in_text))) if names]
    return " ".join(notes) or None


def _named_few(names: list[str], lang: str) -> str:
    """The first ``_NAMED_SHORT`` of ``names``, listed, with "..." when there are more."""
    more = ["..."] if len(names) > _NAMED_SHORT else []
    return plain(listed(names[:_NAMED_SHORT] + more, lang))
