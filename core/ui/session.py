"""Per-user session helpers that need no streamlit: the pages pass their ``st.session_state``."""
from __future__ import annotations

import hashlib
import math
from contextlib import contextmanager

from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from core.data.quality import MAX_OUTLIERS, OUTLIER_LIMIT, QualitySummary, summarize
from core.data.tidy import LoadedSeries, LoadOptions, load_series, stamps_period
from core.data.write import report_download  # noqa: F401  (the pages' downloads, with the rest of their glue)
from core.limits import limit_at_start
from core.i18n import (LANG_PARAM, LANGUAGES, format_stamp, frequency_name, irregular_text, language_from, listed,
                       relabel, said, t)
from core.panel.choice import PanelChoice, Splitter, first_view, read_panel
from core.ui import state_keys as keys
from core.ui.charts import MAX_FILLED_MARKS, is_thinned
from core.ui.store import KEEP_SECONDS, SessionStore, is_key, new_key
from core.ui.text import plain
from core.ui.urlstate import DATA_FIELDS, FORECAST_FIELDS, SESSION_PARAM, parse_query, parse_train_query

T = TypeVar("T")
DATA_DIR = Path(__file__).resolve().parents[2] / "data"  # the samples shipped beside dashboard.py
DEFAULT_SAMPLE = "AirPassengers.csv"
DEFAULT_FRACTION = 0.7


def sample_files() -> list[str]:
    """CSV samples shipped in ``data/``, AirPassengers first."""
    names = sorted(path.name for path in DATA_DIR.glob("*.csv"))
    return sorted(names, key=lambda name: name != DEFAULT_SAMPLE)


def sample_bytes(name: str = DEFAULT_SAMPLE) -> bytes:
    if name not in sample_files():
        raise ValueError(f"No shipped sample called '{name}'.")
    return (DATA_DIR / name).read_bytes()


def ensure_series(state: MutableMapping[str, Any]) -> LoadedSeries:
    """The series in use; AirPassengers when the session has none yet (a fresh tab, a test). Every page calls it
    first, before its widgets: it also keeps the pages' settings through this run (``keep_page_settings``)."""
    keep_page_settings(state)
    kept_when_stopped(state)
    if keys.DATA_SERIES not in state:
        state[keys.DATA_SERIES] = load_series(sample_bytes(), DEFAULT_SAMPLE)
        state[keys.DATA_SOURCE] = DEFAULT_SAMPLE
        state[keys.DATA_PANEL] = None  # one series
    state.setdefault(keys.DATA_TRAIN_FRACTION, DEFAULT_FRACTION)
    return state[keys.DATA_SERIES]  # type: ignore[no-any-return]


def computed_once(state: MutableMapping[str, Any], key: str, owner: Any, compute: Callable[[], T]) -> T:
    """``compute()`` for ``owner``, kept under ``key`` until another owner asks (reruns reuse it)."""
    cached = state.get(key)
    if cached is None or cached[0] is not owner:
        cached = (owner, compute())
        state[key] = cached
    return cached[1]  # type: ignore[no-any-return]


def quality_of(state: MutableMapping[str, Any], series: LoadedSeries) -> QualitySummary:
    """The quality summary of ``series``, computed once per loaded series."""
    return computed_once(state, keys.DATA_QUALITY, series, lambda: summarize(series))


def quality_panel(series: LoadedSeries, quality: QualitySummary) -> dict[str, Any]:
    """How the Data quality panel of ``series`` opens: open when loading said something or time stamps are missing,
    and one panel (``key``) per series read, so that it opens on its own notices. Streamlit keeps a panel's state while
    its key stays: one closed by hand stayed closed for the next file, whose notice of daylight-saving hours an hour
    off was never seen."""
    return {"expanded": bool(series.report.notices or quality.gaps), "key": f"data.quality_panel.{id(series)}"}


SERIES_RESULT_KEYS = (keys.TRAIN_RESULT, keys.TRAIN_RUNS, keys.COMPARE_BASELINES, keys.FORECAST_RESULT)
# of every series of a file, and the results of the file's other series (``swap_series_results``)
PANEL_RESULT_KEYS = (keys.TRAIN_PANEL_RUNS, keys.FORECAST_PANEL, keys.DATA_KEPT_RESULTS)
RESULT_KEYS = SERIES_RESULT_KEYS + PANEL_RESULT_KEYS + (keys.FORECAST_REFIT,)  # the last: the Forecast page's
# refit, kept for the series shown only (``kept_refit``)


def drop_results(state: MutableMapping[str, Any], dropped_keys: tuple[str, ...] = RESULT_KEYS) -> bool:
    """Forget the results under ``dropped_keys``; True when runs were among them (the Data page then says so, on the
    run that follows: ``DATA_RUNS_CLEARED``)."""
    dropped = any(state.get(key) for key in (keys.TRAIN_RUNS, keys.TRAIN_PANEL_RUNS, keys.DATA_KEPT_RESULTS)
                  if key in dropped_keys)
    for key in dropped_keys:
        state.pop(key, None)
    if keys.TRAIN_RUNS in dropped_keys:  # a training of the series before, stopped: not said of this one
        state.pop(keys.TRAIN_UNDER_WAY, None)
    if dropped:
        state[keys.DATA_RUNS_CLEARED] = True
    return dropped


def remember_series(state: MutableMapping[str, Any], series: LoadedSeries, name: str, data: bytes | None,
                    panel: Any = None, view: str | None = None) -> bool:
    """Make ``series`` the one in use (of a file of several series, ``panel``, the one called ``view``), saved for a
    reload (``save_session``: a file too large to keep was said only on the page's next run, after a reload had lost
    it); drop runs made on other data (not when the series came out the same: another missing-value policy on a file
    without blanks cleared every run). True when runs were dropped."""
    dropped = False if same_series(state, series, name, data, panel) else drop_results(state)
    state.update({keys.DATA_SERIES: series, keys.DATA_SOURCE: name, keys.DATA_BYTES: data, keys.DATA_ERROR: None,
                  keys.DATA_RETRY: None, keys.DATA_SESSION_NOTE: None, keys.DATA_PANEL: panel,
                  keys.DATA_PANEL_VIEW: view})
    save_session(state)  # now, so that a file too large to keep for a reload is said on the run that loads it
    return dropped


def same_series(state: Mapping[str, Any], series: LoadedSeries, name: str, data: bytes | None, panel: Any) -> bool:
    """Whether ``series`` (read again from the file in use, with other options) is the one in use, value for value:
    the same target, regressors and their future rows, frequency, frame and filled rows. Files of several series
    always count as changed (the options may have changed another series)."""
    old = state.get(keys.DATA_SERIES)
    if old is None or panel is not None or state.get(keys.DATA_PANEL) is not None:
        return False
    same_future = (old.future is None and series.future is None) or (
        old.future is not None and series.future is not None and old.future.equals(series.future))
    stored = state.get(keys.DATA_BYTES)  # None for the shipped sample, which the page reads again by its bytes
    same_file = stored == data or (stored is None and name in sample_files() and data == sample_bytes(name))
    return (state.get(keys.DATA_SOURCE) == name and same_file and old.target == series.target
            and old.regressors == series.regressors and old.frequency == series.frequency and same_future
            and old.report.filled_targets == series.report.filled_targets and old.frame.equals(series.frame))


MAX_RUNS = 30  # runs a session keeps; older ones are dropped (each holds its predictions and model)
# The memory a session's kept runs' predictions may take, in MB (TSR_SESSION_RUNS_MB): fourteen runs on a file of five
# million hours held 400 MB each, 6.9 GB for one tab, kept after it closed; the oldest go first, the latest stays.
MAX_RUNS_MB = limit_at_start("TSR_SESSION_RUNS_MB", 1_000)


def swap_series_results(state: MutableMapping[str, Any], leaving: str | None, showing: str) -> bool:
    """Keep the runs and results of the file's series ``leaving`` and bring back those of ``showing``, so that
    looking at another series loses no work. Only series with runs are kept; those left longest ago are forgotten
    once the kept runs exceed ``MAX_RUNS`` or their predictions ``MAX_RUNS_MB``, their oldest runs first, and the
    number let go of each is kept for the Data page to say (``DATA_RUNS_FORGOTTEN``; the series just left always stays
    whole). True when ``leaving``'s runs were kept."""
    if leaving == showing:  # the series shown already: nothing to put away or bring back
        return False
    kept: dict[str, dict[str, Any]] = state.setdefault(keys.DATA_KEPT_RESULTS, {})
    results = {key: state.pop(key) for key in SERIES_RESULT_KEYS if key in state}
    state.pop(keys.FORECAST_REFIT, None)
    keep = leaving is not None and bool(results.get(keys.TRAIN_RUNS))
    if keep:
        kept.pop(leaving, None)
        kept[leaving] = results  # the most recent last
    state.update(kept.pop(showing, {}))
    forgotten: dict[str, tuple[int, bool]] = {}  # series -> runs let go, and whether none is left
    while len(kept) > 1 and _over_limits([run for held in kept.values() for run in held[keys.TRAIN_RUNS]]):
        oldest = next(iter(kept))  # the series left longest ago: its oldest run
        del kept[oldest][keys.TRAIN_RUNS][0]
        forgotten[oldest] = (forgotten.get(oldest, (0, False))[0] + 1, not kept[oldest][keys.TRAIN_RUNS])
        if not kept[oldest][keys.TRAIN_RUNS]:
            del kept[oldest]
    if forgotten:
        state[keys.DATA_RUNS_FORGOTTEN] = forgotten
    return keep


def _over_limits(runs: list[Any]) -> bool:
    return len(runs) > MAX_RUNS or sum(run_mb(run) for run in runs) > MAX_RUNS_MB


def record_run(state: MutableMapping[str, Any], result: Any) -> int:
    """Keep ``result`` as the latest run and add it to the session's runs; how many of the oldest were dropped to stay
    within ``MAX_RUNS`` runs and ``MAX_RUNS_MB`` of predictions."""
    state[keys.TRAIN_RESULT] = result
    return append_numbered(state.setdefault(keys.TRAIN_RUNS, []), result, MAX_RUNS, MAX_RUNS_MB)


def append_numbered(runs: list[Any], run: Any, most: int, most_mb: float = math.inf) -> int:
    """Append ``run`` to ``runs`` with the next number (``#31`` after 30, though the oldest were dropped) and drop the
    oldest beyond ``most``, and while the predictions of those kept take more than ``most_mb`` (``run_mb``; the
    latest always stays); how many were dropped."""
    run.number = max([len(runs), *(kept.number for kept in runs)]) + 1
    runs.append(run)
    sizes = [run_mb(kept) for kept in runs]
    dropped = max(len(runs) - most, 0)
    while dropped < len(runs) - 1 and sum(sizes[dropped:]) > most_mb:
        dropped += 1
    del runs[:dropped]
    return dropped


def run_mb(run: Any) -> float:
    """The memory of a run's predictions in MB (the frames it holds: its model's weights are small beside them)."""
    frames = [frame for frame in (getattr(run, "predictions", None), getattr(run, "forecast", None))
              if isinstance(frame, pd.DataFrame)]
    return sum(float(frame.memory_usage(index=True).sum()) for frame in frames) / 1e6


def keep_page_settings(state: MutableMapping[str, Any]) -> None:
    """Keep the pages' settings (``state_keys.is_page_setting``) through a run that does not draw their widgets.

    Streamlit drops a widget's value at the end of a run that does not draw it (another page, or another model's
    settings on Train), so the page came back at its widgets' defaults: the Forecast horizon at 1. A value
    assigned in the run is kept; called by ``ensure_series`` at the start of every page, before its widgets."""
    for key in [key for key in state if isinstance(key, str) and keys.is_page_setting(key)]:
        state[key] = state[key]


def start_horizon(state: MutableMapping[str, Any], linked: int | None, future_rows: int, season: int,
                  most: int) -> None:
    """Where the Forecast horizon starts: on the first visit, at the shared link's (``linked``) or, unless the session
    holds one, at the rows of future regressor values the series has (forecast that far), else at a year of seasons
    (12 at least); again whenever that number of rows changes (a regressor chosen on the Data page after a first
    visit kept 12 steps, and the click failed for want of their values). At most ``most``."""
    first = not state.get(keys.FORECAST_URL_APPLIED)
    # a shared link's horizon, over the one a restored session held
    horizon = min(linked, most) if first and linked else starting_horizon(state, future_rows, season, most)
    state[keys.FORECAST_URL_APPLIED], state[keys.FORECAST_FUTURE_ROWS] = True, future_rows
    if state.get(keys.FORECAST_HORIZON) != horizon:
        state[keys.FORECAST_HORIZON] = horizon


def forecast_url_note(state: MutableMapping[str, Any], params: Mapping[str, str], lang: str = "en") -> str | None:
    """Once (call before ``start_horizon``), what became of a link's train fraction (``fraction_url_note``) or horizon
    out of its range or unreadable (``/Forecast?horizon=5000`` opened at 12 without a word); None otherwise."""
    notes = [fraction_url_note(state, lang)]
    if not state.get(keys.FORECAST_URL_APPLIED) and "horizon" in params and not parse_query(params, FORECAST_FIELDS):
        notes.append(t("train.url_ignored", lang, names="horizon"))
    return " ".join(note for note in notes if note) or None


def starting_horizon(state: Mapping[str, Any], future_rows: int, season: int, most: int) -> int:
    """The horizon the Forecast page starts a run at, without a shared link (``start_horizon``): the session's (a
    restored one's too), or ``default_horizon`` when it holds none or the rows of future regressor values changed
    since the page was last drawn."""
    horizon = state.get(keys.FORECAST_HORIZON)
    changed = state.get(keys.FORECAST_URL_APPLIED) and state.get(keys.FORECAST_FUTURE_ROWS) != future_rows
    if horizon is None or changed:
        return default_horizon(future_rows, season, most)
    return int(horizon)


def future_rows_given(series: LoadedSeries, most: int) -> int:
    """The rows of future regressor values the series holds for the Forecast page (at most ``most``); 0 without
    regressors."""
    return min(len(series.future), most) if series.regressors and series.future is not None else 0


def default_horizon(future_rows: int, season: int, most: int) -> int:
    """Where the Forecast horizon starts without a link's or a session's: at the rows of future regressor values the
    series has, else at a year of seasons (12 at least); at most ``most``."""
    return min(future_rows or max(season, 12), most)


def pick_run(state: MutableMapping[str, Any], labels: list[str]) -> None:
    """Where the Forecast page's run picker stands: at the run picked before while the runs are the same ones (it
    went back to the newest after a visit to another page, under a result of the run picked); at the newest when
    they changed (a run just trained, another language's name for the default run)."""
    if state.get(keys.FORECAST_RUN_FOR) != labels or state.get(keys.FORECAST_RUN) not in labels:
        state[keys.FORECAST_RUN_FOR] = labels
        state[keys.FORECAST_RUN] = labels[-1]


def through_dashboard(state: MutableMapping[str, Any], bare: bool, page: str, switch: Callable[..., Any],
                      params: Mapping[str, str]) -> None:
    """On a fresh server, Streamlit runs the first deep link's page (``/Compare``) alone, from ``pages/``, without
    ``dashboard.py``: no session restored, no language selector, no shared link's split. ``bare`` (Streamlit's
    ``PagesManager.uses_pages_directory``, true only then, and in a test's run of the dashboard) in a session the
    dashboard never ran: remember the page and ``switch`` to the dashboard, which comes back to it
    (``after_navigation``)."""
    if bare and not state.get(keys.APP_DEEP_LINK_DONE):
        state[keys.APP_DEEP_LINK] = f"pages/{Path(page).name}"
        switch("dashboard.py", query_params=dict(params))


def after_navigation(state: MutableMapping[str, Any], params: Mapping[str, str]) -> str | None:
    """What ``dashboard.py`` does once ``st.navigation`` has given the page its query parameters: a shared link's
    split (``apply_fraction_url``), and the page a first deep link asked for (``through_dashboard``), to switch to."""
    apply_fraction_url(state, params)
    state[keys.APP_DEEP_LINK_DONE] = True  # the dashboard ran in this session: pages need not come through it
    return state.pop(keys.APP_DEEP_LINK, None)


def result_title(state: Mapping[str, Any], result: Any, lang: str = "en") -> str:
    """The Train page's heading of a result: its run's label (``#2 linear``) among the session's runs."""
    from core.ui.runs import shown_label  # here: the Data page imports this module and draws without torch

    return t("train.result", lang, model=shown_label(state.get(keys.TRAIN_RUNS, []), result))


def result_file_names(state: Mapping[str, Any], result: Any) -> tuple[str, str]:
    """The Train page's downloads of a result, named by the file in use and the run (``AirPassengers-2_linear-
    predictions.csv`` and ``...-model.pt``): two runs of a model with other settings both gave ``linear-seed0.csv``."""
    from core.ui.runs import download_name, shown_label

    label, view = shown_label(state.get(keys.TRAIN_RUNS, []), result), download_view(state)
    source = str(state.get(keys.DATA_SOURCE) or "")
    return (download_name(source, label, "predictions", view=view),
            download_name(source, label, "model", ".pt", view=view))


def download_view(state: Mapping[str, Any]) -> str:
    """The series shown of a file of several, as downloads name it (``runs.download_name``); "" for one series (two
    stores' first runs were both ``stores-1_linear-predictions.csv``)."""
    if state.get(keys.DATA_PANEL) is not None and state.get(keys.DATA_PANEL_VIEW) is not None:
        return str(state[keys.DATA_PANEL_VIEW])
    return ""


def apply_fraction_url(state: MutableMapping[str, Any], params: Mapping[str, str]) -> None:
    """The train fraction of a shared link, once per session, whichever page it opens (called after
    ``st.navigation``, which gives a page its query parameters)."""
    if not state.get(keys.DATA_URL_APPLIED):
        state[keys.DATA_URL_APPLIED] = True
        fraction = parse_query(params, DATA_FIELDS).get("fraction")
        if fraction is not None:
            state[keys.DATA_TRAIN_FRACTION] = fraction
        elif "fraction" in params:  # fraction=0.99: the split stays where it was, said once (fraction_url_note)
            state[keys.DATA_URL_IGNORED] = str(params["fraction"])[:20]


def fraction_url_note(state: MutableMapping[str, Any], lang: str = "en") -> str | None:
    """Once, what became of a link's train fraction out of its range or unreadable (``apply_fraction_url``)."""
    if (given := state.pop(keys.DATA_URL_IGNORED, None)) is None:
        return None
    used = state.get(keys.DATA_TRAIN_FRACTION, DEFAULT_FRACTION)
    return t("data.url_fraction_ignored", lang, given=plain(given), used=f"{used:g}")


def apply_train_url(state: MutableMapping[str, Any], params: Mapping[str, str]) -> None:
    """A shared Train link's model and settings, once per session (later reruns keep the widgets' own)."""
    apply_fraction_url(state, params)
    if state.get(keys.TRAIN_URL_APPLIED):
        return
    state[keys.TRAIN_URL_APPLIED] = True
    wanted = parse_train_query(params)
    state[keys.TRAIN_URL_IGNORED] = wanted.ignored
    if wanted.model is None:
        return
    state.pop(keys.DATA_URL_IGNORED, None)  # named among the link's other settings
    state[keys.TRAIN_MODEL_WIDGET] = wanted.model
    if wanted.seed is not None:
        state[keys.TRAIN_SEED] = wanted.seed
    for name, value in {**wanted.values, **wanted.training}.items():
        state[keys.train_setting(wanted.model, name)] = value


# Column pickers ------------------------------------------------------------------------------------

NO_DATE_COLUMN = "(none: number the rows)"  # the Date column picker's value for "no date column"
COUNT_ROWS = "(count the rows per day)"  # the target picker's value, for a file refused, that counts its rows
DATE_ORDERS: dict[str, bool | None] = {"detect": None, "day first (31/01)": True, "month first (01/31)": False}
DATE_ORDER_KEYS = {"detect": "data.order_detect", "day first (31/01)": "data.order_day_first",
                   "month first (01/31)": "data.order_month_first"}  # what the Date order picker shows


def date_column_label(column: str, lang: str) -> str:
    """What the Date column picker shows for ``column``."""
    return t("data.no_date_column", lang) if column == NO_DATE_COLUMN else column


def picker_values(series: LoadedSeries, panel: Any = None, view: str | None = None) -> dict[str, object]:
    """The Data page's column and reading widgets (by key) set to what ``series`` was loaded with, so the
    pickers show exactly what is used; the series pickers set to ``panel`` (a ``Panel`` of several series,
    ``view`` the one shown; None: one series)."""
    options = series.options or LoadOptions()
    order = next(label for label, value in DATE_ORDERS.items() if value is options.day_first)
    return {keys.DATA_DATE_WIDGET: series.date_col or NO_DATE_COLUMN, keys.DATA_TARGET_WIDGET: series.target,
            keys.DATA_REGRESSORS_WIDGET: list(series.regressors), keys.DATA_MISSING_WIDGET: series.missing_policy,
            keys.DATA_DUPLICATES_WIDGET: options.duplicates, keys.DATA_GAPS_WIDGET: options.fill_gaps,
            keys.DATA_PER_WIDGET: options.per, keys.DATA_DECIMAL_WIDGET: options.decimal,
            keys.DATA_ORDER_WIDGET: order, keys.DATA_ID_WIDGET: list(panel.id_cols) if panel is not None else [],
            keys.DATA_ALL_TARGETS_WIDGET: bool(panel is not None and panel.all_targets),
            **({keys.DATA_VIEW_WIDGET: view} if panel is not None else {}),
            **({sheet_key(series): series.report.sheet_read} if len(series.report.sheets) > 1 else {})}


def sheet_key(series: LoadedSeries) -> str:
    """The state key of the Data page's sheet picker for ``series``' workbook (its own: another workbook's sheets
    are others)."""
    return f"data.sheet:{'|'.join(series.report.sheets)}"


def sync_pickers(state: MutableMapping[str, Any], series: LoadedSeries) -> None:
    """Before the pickers are drawn: set them all from a newly loaded ``series``, and any whose value was
    dropped (Streamlit drops a widget's value when its page is left) from the series in use."""
    fresh = state.get(keys.DATA_PICKERS_FOR) is not series
    for key, value in picker_values(series, state.get(keys.DATA_PANEL), state.get(keys.DATA_PANEL_VIEW)).items():
        if fresh or key not in state:
            state[key] = value
    state[keys.DATA_PICKERS_FOR] = series
    state.setdefault(keys.DATA_FRACTION_WIDGET, float(state[keys.DATA_TRAIN_FRACTION]))
    if (retry := state.get(keys.DATA_RETRY)) is not None:  # a file that failed on its columns: the ones chosen
        state.setdefault(keys.DATA_RETRY_DATE_WIDGET, retry.date_col)
        state.setdefault(keys.DATA_RETRY_TARGET_WIDGET, retry.target)


def offered_regressors(state: MutableMapping[str, Any], series: LoadedSeries, target: str) -> list[str]:
    """The numeric columns other than ``target``, other than those of one value in every row of a file of one series
    (an SDMX file's ``DECIMALS`` was offered), and, for a file of several series, other than its id columns; a chosen
    regressor that is no longer offered is unchosen. Where each numeric column is a series, choosing one as a
    regressor takes it out of the series, as ``--target all --regressors`` does (it was offered nothing, and a chosen
    regressor was unchosen and made a series)."""
    panel = state.get(keys.DATA_PANEL)
    taken: set[str] = set(panel.id_cols) if panel is not None else set()
    if panel is None:  # one value in every row tells a model nothing (SDMX's DECIMALS); a series of several may vary
        taken |= set(series.constant_columns)
    others = [col for col in series.numeric_columns if col != target and col not in taken]
    chosen = state.get(keys.DATA_REGRESSORS_WIDGET) or []
    if any(col not in others for col in chosen):
        state[keys.DATA_REGRESSORS_WIDGET] = [col for col in chosen if col in others]
    return others


def preview_frame(series: LoadedSeries, lang: str = "en", rows: int = 500) -> pd.DataFrame:
    """The first ``rows`` rows under the file's own column names, time stamps at the series' resolution
    as ``lang`` writes them (``1949-01``, ``1949年1月``); the row step when the file has no date column."""
    head = series.frame.head(rows)
    step = t("data.step_column", lang)
    time_name = series.date_col or next(name for name in (step, f"({step})", "(row step)")
                                        if name not in (series.target, *series.regressors))
    stamps = [format_stamp(value, series.frequency, lang) for value in head["ds"]]
    shown = {time_name: stamps if series.date_col else head["ds"].to_numpy(), series.target: head["y"].to_numpy()}
    for col in series.regressors:
        shown[col] = head[col].to_numpy()
    return pd.DataFrame(shown)


# The session kept across reloads -------------------------------------------------------------------

@dataclass(frozen=True)
class SavedSession:
    """What a reload restores: the file (None: the shipped sample ``name``), how it was read (and, for a
    file of several series, how it was split and which series was shown), the train fraction and the
    runs, as the same objects the session held."""

    data: bytes | None
    name: str
    options: LoadOptions | None
    train_fraction: float
    runs: tuple[Any, ...] = ()
    result: Any = None
    panel: PanelChoice | None = None
    view: str | None = None
    panel_runs: tuple[Any, ...] = ()
    kept: tuple[tuple[str, tuple[Any, ...], Any, Any], ...] = ()  # other series of the file: (id, runs, latest
    # result, forecast)
    owner: str = ""  # the browser that saved it (``browser_id``): only it restores the session
    settings: tuple[tuple[str, Any], ...] = ()  # the pages' settings (``state_keys.is_page_setting``): not only the
    # shown page's, which its URL holds (a reload on the Lab put Train's model and the Forecast horizon back)
    forecast: Any = None  # the Forecast page's result (``FORECAST_RESULT``): a reload kept its horizon, not it
    forecast_panel: Any = None  # the forecasts of every series of the file (``FORECAST_PANEL``)


SESSIONS: SessionStore[SavedSession] = SessionStore()


@dataclass(frozen=True)
class SessionStart:
    """A session's first run: its key and, when the URL named a known session, what to restore."""

    key: str
    saved: SavedSession | None = None
    expired: bool = False  # the URL named a session the store no longer (or never) held
    elsewhere: bool = False  # the URL named a session another browser saved: it stays with that browser


# The cookie Streamlit's server sets in every browser that opens the app (its protection against cross-site requests).
BROWSER_COOKIE = "_streamlit_xsrf"


def browser_id(cookies: Mapping[str, str]) -> str:
    """A digest that tells browsers apart, from the token of ``BROWSER_COOKIE`` (``2|mask|masked token|time``: the
    4-byte mask, repeated over the token, changes; the token does not); "" without one (a server that does not set it,
    a test)."""
    value = str(cookies.get(BROWSER_COOKIE, ""))
    parts = value.split("|")
    if len(parts) == 4 and parts[0] == "2":
        try:
            mask, masked = bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
            value = bytes(byte ^ mask[i % len(mask)] for i, byte in enumerate(masked)).hex()  # the mask repeats
        except ValueError:
            pass
    return hashlib.sha256(value.encode()).hexdigest()[:32] if value else ""


def start_session(state: MutableMapping[str, Any], params: Mapping[str, str],
                  store: SessionStore[SavedSession] = SESSIONS, owner: str = "") -> SessionStart | None:
    """On a session's first run, a new key, and what the store kept under the URL's key (retired there, not taken
    out: two tabs opened from one link then keep apart, each under its own key, and the first still restores on a
    reload); None on later runs. Only the browser ``owner`` that saved a session restores it: the URL carries the key,
    and a link shared for its settings gave the sharer's file and runs to whoever opened it. A browser without an
    owner (a server with its XSRF protection off sets no cookie) restores nothing: every such browser was "" alike."""
    if keys.DATA_SESSION_KEY in state:
        return None
    wanted = params.get(SESSION_PARAM)
    saved = store.get(wanted) if wanted is not None and is_key(wanted) else None
    elsewhere = saved is not None and (not owner or saved.owner != owner)
    if saved is not None and not elsewhere:
        store.retire(str(wanted))
    start = SessionStart(new_key(), None if elsewhere else saved, wanted is not None and saved is None, elsewhere)
    state[keys.DATA_SESSION_KEY], state[keys.DATA_SESSION_OWNER] = start.key, owner
    return start


def restore_session(state: MutableMapping[str, Any], saved: SavedSession, series: LoadedSeries,
                    panel: Any = None, view: str | None = None) -> None:
    """Put back a saved session: ``series`` is ``saved``'s file read again with its options (of a file of
    several series, ``panel``, the one called ``view``)."""
    remember_series(state, series, saved.name, saved.data, panel, view)
    state[keys.DATA_TRAIN_FRACTION] = saved.train_fraction
    if saved.runs:
        state[keys.TRAIN_RUNS] = list(saved.runs)
    if saved.panel_runs and panel is not None:
        state[keys.TRAIN_PANEL_RUNS] = list(saved.panel_runs)
    if saved.kept and panel is not None:
        state[keys.DATA_KEPT_RESULTS] = {uid: {keys.TRAIN_RUNS: list(runs), keys.TRAIN_RESULT: result,
                                               **({keys.FORECAST_RESULT: forecast} if forecast is not None else {})}
                                         for uid, runs, result, forecast in saved.kept}
    if saved.forecast_panel is not None and panel is not None:
        state[keys.FORECAST_PANEL] = saved.forecast_panel
    for key, value in ((keys.TRAIN_RESULT, saved.result), (keys.FORECAST_RESULT, saved.forecast)):
        if value is not None:
            state[key] = value
    for key, value in saved.settings:  # the shown page's URL, applied after, has the last word on its own
        state.setdefault(key, value)
    state[keys.DATA_SAVED] = True


def saved_source(saved: SavedSession) -> bytes:
    """The bytes to read for ``saved``: its upload, or the shipped sample it names."""
    return saved.data if saved.data is not None else sample_bytes(saved.name)


def save_session(state: MutableMapping[str, Any], store: SessionStore[SavedSession] = SESSIONS) -> bool:
    """Save what a reload should restore, once the session differs from a fresh one (a file loaded,
    a run made, the fraction moved); True when the store holds the session. A session back to a fresh one (the
    fraction moved back) is taken out of the store: a reload restored the moved fraction. Nothing is saved for a
    browser without an owner (``start_session``)."""
    key, series = state.get(keys.DATA_SESSION_KEY), state.get(keys.DATA_SERIES)
    runs = tuple(state.get(keys.TRAIN_RUNS) or ())
    fraction = float(state.get(keys.DATA_TRAIN_FRACTION, DEFAULT_FRACTION))
    data = state.get(keys.DATA_BYTES)
    if key is None or series is None or not state.get(keys.DATA_SESSION_OWNER):
        return False
    if data is None and not runs and fraction == DEFAULT_FRACTION:
        if state.get(keys.DATA_SAVED):
            store.pop(str(key))
        state[keys.DATA_SAVED] = False
        return False
    panel, panel_runs = state.get(keys.DATA_PANEL), tuple(state.get(keys.TRAIN_PANEL_RUNS) or ())
    kept = tuple((uid, tuple(held[keys.TRAIN_RUNS]), held.get(keys.TRAIN_RESULT), held.get(keys.FORECAST_RESULT))
                 for uid, held in (state.get(keys.DATA_KEPT_RESULTS) or {}).items())
    saved = SavedSession(data, str(state[keys.DATA_SOURCE]), series.options, fraction, runs,
                         state.get(keys.TRAIN_RESULT), panel.choice if panel is not None else None,
                         state.get(keys.DATA_PANEL_VIEW), panel_runs, kept, str(state.get(keys.DATA_SESSION_OWNER, "")),
                         tuple((key, value) for key, value in state.items() if isinstance(key, str)
                               and (keys.is_page_setting(key) or key == keys.FORECAST_RUN_FOR)),
                         state.get(keys.FORECAST_RESULT), state.get(keys.FORECAST_PANEL))
    nbytes = len(data or b"") + sum(_approx_bytes(run) for run in (*runs, *(r for _, held, _, _ in kept for r in held)))
    forecasts = state.get(keys.FORECAST_PANEL)
    nbytes += sum(_approx_bytes(outcome) for job in (*panel_runs, *([forecasts] if forecasts else []))
                  for outcome in job.outcomes)
    state[keys.DATA_SAVED] = store.put(key, saved, nbytes)
    if not state[keys.DATA_SAVED] and state.get(keys.DATA_SESSION_NOTE) is None:  # said until another file is loaded
        state[keys.DATA_SESSION_NOTE] = Note("session.not_kept", {"mb": round(nbytes / 1e6)})
    return bool(state[keys.DATA_SAVED])


def _approx_bytes(run: Any) -> int:
    """A run's (or one series' outcome's) memory, about: its predictions frame twice (the model and its
    features take about as much)."""
    predictions = getattr(run, "predictions", None)
    if isinstance(predictions, pd.DataFrame):
        return 2 * int(predictions.memory_usage(index=True).sum())
    return 0


def set_page_query(params: Any, page: Mapping[str, str], state: Mapping[str, Any], lang: str) -> None:
    """Mirror a page's settings (``page``) in the URL ``params`` (``st.query_params``) in one change that also holds
    the session key and the language, and none when the URL holds them all already. Each change of the URL is a
    step of the browser's history: a page's ``from_dict`` dropped the key and the language, which ``end_run`` then
    put back one at a time, three steps a rerun, so Back seemed to do nothing. The sidebar's links carry what a page
    writes here on arrival (``core.ui.navigation.link_params``), so a visit changes nothing more."""
    key = saved_key(state)
    wanted = {**page, **({SESSION_PARAM: key} if key else {}), LANG_PARAM: lang}
    if params.to_dict() != wanted:
        params.from_dict(wanted)


def keep_session_param(params: MutableMapping[str, str], state: Mapping[str, Any]) -> None:
    """Put the session's key in the URL once the store holds the session (a page's ``from_dict`` drops
    it); take a key the store does not know out of it."""
    if key := saved_key(state):
        if params.get(SESSION_PARAM) != key:
            params[SESSION_PARAM] = key
    elif SESSION_PARAM in params:
        del params[SESSION_PARAM]


def saved_key(state: Mapping[str, Any]) -> str | None:
    """The session's key, for the URL, once the store holds the session; None before."""
    key = state.get(keys.DATA_SESSION_KEY)
    return str(key) if key and state.get(keys.DATA_SAVED) else None


Loader = Callable[[bytes, str, LoadOptions], LoadedSeries]


@dataclass(frozen=True)
class Note:
    """What to tell the user, as a catalog key and its parameters (said in the page's language when shown);
    ``problem`` an error to say as its ``{problem}``."""

    key: str
    params: Mapping[str, object]
    problem: BaseException | None = None

    def text(self, lang: str) -> str:
        problem = {"problem": said(self.problem, lang)} if self.problem is not None else {}
        return t(self.key, lang, **self.params, **problem)


def open_session(state: MutableMapping[str, Any], params: Mapping[str, str], load: Loader = load_series,
                 store: SessionStore[SavedSession] = SESSIONS, split: Splitter = read_panel,
                 cookies: Mapping[str, str] | None = None) -> Note | None:
    """On a session's first run, restore the session its URL names if this browser (``cookies``) saved it (reading its
    file again with ``load``, and splitting it again with ``split`` when it held several series); the note for the
    user, kept under ``DATA_SESSION_NOTE`` (None when there is nothing to say)."""
    start = start_session(state, params, store, browser_id(cookies or {}))
    note = None
    if start is not None and start.elsewhere:
        note = Note("session.elsewhere", {"sample": DEFAULT_SAMPLE})
    elif start is not None and start.expired:
        note = Note("session.expired", {"hours": KEEP_SECONDS // 3600, "sample": DEFAULT_SAMPLE})
    elif start is not None and start.saved is not None:
        saved = start.saved
        data, options = saved_source(saved), saved.options or LoadOptions()
        try:
            series = load(data, saved.name, options)
            panel = split(data, saved.name, options, saved.panel) if saved.panel is not None else None
            view, series = first_view(panel, saved.view, series)
        except ValueError as problem:  # a limit lowered since, say: start afresh and say why
            note = Note("session.unreadable", {"name": saved.name}, problem.with_traceback(None))
        else:
            restore_session(state, saved, series, panel, view)
            runs = len(saved.runs) + (len(saved.panel_runs) + sum(len(held) for _, held, _, _ in saved.kept)
                                      if panel is not None else 0)
            note = Note("session.restored_runs" if runs else "session.restored", {"name": saved.name, "runs": runs})
    if note is not None:
        state[keys.DATA_SESSION_NOTE] = note
    return note


# Data page texts -----------------------------------------------------------------------------------

SAMPLE_NOTES = {DEFAULT_SAMPLE: "sample.air_passengers"}  # catalog keys of what each shipped sample is


def loaded_details(state: Mapping[str, Any], series: LoadedSeries, lang: str = "en") -> str:
    """What follows the loaded file's name: what a shipped sample is, rows, frequency, and what became of
    the session the URL named (restored, expired) until another file is loaded."""
    name, data = str(state[keys.DATA_SOURCE]), state.get(keys.DATA_BYTES)
    shipped = name in SAMPLE_NOTES and (data is None or data == sample_bytes(name))  # loaded again by its button
    about = SAMPLE_NOTES[name] if shipped else ""  # (not an upload of the same name)
    note = state.get(keys.DATA_SESSION_NOTE)
    shown = state.get(keys.DATA_PANEL_VIEW) if state.get(keys.DATA_PANEL) is not None else None
    spacing = frequency_name(series.frequency, lang)  # in a file of several series, the rows of the one shown:
    details = t("data.details", lang, rows=len(series.frame), frequency=spacing) if shown is None else \
        t("data.details_of", lang, rows=len(series.frame), series=str(shown), frequency=spacing)  # Markdown-safe there
    return (f"{t('data.about', lang, about=t(about, lang)) if about else ''}{details}"
            f"{t('data.session_note', lang, note=note.text(lang)) if note else ''}")


def shown_source(state: Mapping[str, Any], lang: str = "en") -> str:
    """The file in use and, for a file of several series, which one is shown (Markdown-safe)."""
    source = plain(state[keys.DATA_SOURCE])
    if state.get(keys.DATA_PANEL) is not None and state.get(keys.DATA_PANEL_VIEW) is not None:
        source = t("train.series_of", lang, source=source, series=plain(str(state[keys.DATA_PANEL_VIEW])))
    return source


def train_intro(state: Mapping[str, Any], series: LoadedSeries, lang: str = "en") -> str:
    """The Train page's first line: the series in use (for a file of several, which one) and the train fraction
    set on the Data page."""
    return t("train.intro", lang, source=shown_source(state, lang), rows=len(series.frame),
             frequency=frequency_name(series.frequency, lang), fraction=state[keys.DATA_TRAIN_FRACTION])


FILLED_LISTED = 8  # the target's filled-in values the quality list names by time stamp, the first ones


def quality_markdown(series: LoadedSeries, quality: QualitySummary, lang: str = "en") -> str:
    """The data-quality counts as a Markdown list (numbers and fixed words only), and what unfilled gaps do (or, for
    irregular stamps, why they are not filled)."""
    # 'drop' keeps the time stamps 'Fill missing time stamps' inserted: those are interpolated
    policy = "interpolate" if series.missing_policy == "drop" and quality.missing_filled else series.missing_policy
    counts = t("data.quality_list", lang, policy=relabel(policy, lang, "policy"),
               filled=quality.missing_filled, dropped=quality.rows_dropped, duplicates=quality.duplicate_rows,
               stamps=quality.duplicate_stamps, frequency=frequency_name(series.frequency, lang), gaps=quality.gaps)
    if filled := series.report.filled_targets:  # which values are the loader's, not the file's
        counts += "\n" + filled_at(series, lang)
    if quality.irregular_rows:  # an event log: filling its gaps is refused, summing it is the fix
        off = irregular_text(quality.irregular_rows, quality.rows, stamps_period(series.frame["ds"]), lang)
        return counts + f"\n\n**{off}**"
    return counts + (f"\n\n**{gaps_text(series.report, quality.gaps, lang)}**" if quality.gaps else "")


def gaps_text(report: Any, gaps: int, lang: str = "en") -> str:
    """What ``gaps`` time stamps missing and not filled do, and, where each is an hour the clocks skipped, that."""
    key = ("data.gaps_misalign_rows" if report.off_calendar else "data.gaps_sparse" if report.sparse_calendar else
           "data.gaps_clock_change" if report.clock_change_gaps else "data.gaps_on_calendar")
    return t(key, lang, gaps=gaps) + (" " + t("data.gaps_days_of_none", lang) if report.days_of_none else "")


def filled_at(series: LoadedSeries, lang: str = "en") -> str:
    """The quality list's line naming where the target's values were filled in (the first ``FILLED_LISTED``): only the
    chart's circles and a count told them from the file's own."""
    filled = series.report.filled_targets
    shown = series.frame["ds"].iloc[list(filled[:FILLED_LISTED])]
    more = t("data.filled_more", lang, more=len(filled) - FILLED_LISTED) if len(filled) > FILLED_LISTED else ""
    stamps = listed((format_stamp(stamp, series.frequency, lang) for stamp in shown), lang)
    circled = t("data.filled_circled" if len(filled) <= MAX_FILLED_MARKS else "data.filled_circled_first", lang,
                most=MAX_FILLED_MARKS)
    return t("data.filled_at", lang, stamps=stamps, more=more, circled=circled)


def forecast_failed_text(state: Mapping[str, Any], problem: str, lang: str = "en") -> str:
    """A forecast's ``problem`` as the Forecast page says it: with the forecast that stays below it, which the boxes
    above no longer describe (a failed 20 steps of one run left 5 steps of another under the error, unsaid)."""
    shown = state.get(keys.FORECAST_RESULT)
    earlier = t("forecast.shown_earlier", lang, run=shown[0] or t("forecast.default_run", lang), steps=shown[1]) \
        if shown else ""
    return t("forecast.failed", lang, problem=problem) + earlier


def failed_text(state: Mapping[str, Any], problem: str, lang: str = "en") -> str:
    """A training's ``problem`` as the Train page says it: with the earlier run whose result stays below it."""
    from core.ui.runs import shown_label  # here: the Data page imports this module and draws without torch

    shown = state.get(keys.TRAIN_RESULT)
    earlier = t("train.shown_earlier", lang, run=shown_label(state.get(keys.TRAIN_RUNS, []), shown)) if shown else ""
    return t("train.failed", lang, problem=problem, earlier=earlier)


@contextmanager
def marked_training(state: MutableMapping[str, Any], model: str, losses: list[float],
                    shown: Sequence[Any] = ()) -> Iterator[None]:
    """While the block runs, the session holds the model being trained and its ``losses`` so far; a training that ends
    (with a result or a message) takes the mark away. Streamlit stops a script that is running when a widget changes
    or another page opens, between two of its calls and without an exception the script can catch: the mark stays,
    and the next run says what stopped (``interrupted_training``); a 100,000-epoch training was gone without a word.
    The page's elements ``shown`` while it trains (a progress bar, the live loss chart) are emptied either way. An
    error the page does not catch (an ``OSError``: a disk or a network failing) takes the mark away too: it was no
    rerun."""
    state[keys.TRAIN_UNDER_WAY] = {"model": model, "losses": losses}
    try:
        yield
    except OSError:  # the page shows ValueError and its bug classes itself; Streamlit's stop is no Exception
        state.pop(keys.TRAIN_UNDER_WAY, None)
        raise
    finally:
        for element in shown:
            element.empty()
    state.pop(keys.TRAIN_UNDER_WAY, None)


def keep_trained(state: MutableMapping[str, Any], result: Any) -> None:
    """Mark the training under way as trained: ``result``, its run before the band is measured, is kept as a run
    should the page be stopped while the band's refits run (``kept_when_stopped``); a finished mlp was lost there."""
    if (mark := state.get(keys.TRAIN_UNDER_WAY)) is not None:
        mark["trained"], mark["series"] = result, state.get(keys.DATA_SERIES)


def kept_when_stopped(state: MutableMapping[str, Any]) -> None:
    """On any page, first: a run trained by a page stopped while measuring its band becomes a run (without a band),
    once; the Train page says so (``interrupted_training``)."""
    mark = state.get(keys.TRAIN_UNDER_WAY)
    if mark is not None and mark.get("trained") is not None and not mark.get("kept"):
        if mark.get("series") is not state.get(keys.DATA_SERIES):  # another series shown since (a callback ran
            mark["trained"] = None  # before this page): its runs are not this run's
            return
        record_run(state, trained := replace(mark["trained"], band_stopped=True))
        mark["kept"] = trained.number


def interrupted_training(state: MutableMapping[str, Any], lang: str = "en") -> str | None:
    """What the Train page says once after a training that was stopped before its end (``marked_training``), or
    while its band was measured (the run is kept: ``kept_when_stopped``)."""
    mark = state.pop(keys.TRAIN_UNDER_WAY, None)
    if mark is not None and mark.get("kept"):  # unless another file or series took its place since
        kept = any(run.number == mark["kept"] for run in state.get(keys.TRAIN_RUNS, []))
        return t("train.band_interrupted", lang, model=mark["model"], number=mark["kept"]) if kept else None
    if mark is None or state.get(keys.TRAIN_BUTTON):  # Train pressed again: this run trains anew, nothing is lost
        return None
    epochs = len(mark["losses"])  # none: stopped before an epoch ended (a search, a band's refits, a closed form)
    return t("train.interrupted" if epochs else "train.interrupted_early", lang, model=mark["model"], epochs=epochs)


def train_page_warnings(state: MutableMapping[str, Any], series: LoadedSeries, lang: str = "en") -> list[str]:
    """What the Train page warns of above everything: a training the last run stopped before its end, and time stamps
    missing and not filled where some models count rows across them (off the calendar, or most of it missing: seasons
    and lags misaligned), or, for an event log,
    irregular time stamps (filling them is refused: summing is the fix); once, a link's settings left at their
    defaults (``apply_train_url``)."""
    stopped = interrupted_training(state, lang)
    warnings = [stopped] if stopped else []
    if ignored := state.pop(keys.TRAIN_URL_IGNORED, ()):  # hidden=999 in a link: the default, without a word
        warnings.append(t("train.url_ignored", lang, names=listed(ignored, lang)))
    if note := fraction_url_note(state, lang):
        warnings.append(note)
    report = series.report
    if report.irregular_rows:
        warnings.append(irregular_text(report.irregular_rows, len(series.frame), stamps_period(series.frame["ds"]),
                                       lang))
    elif report.gaps and (report.off_calendar or report.sparse_calendar):  # on the calendar, every model follows it
        warnings.append(gaps_text(report, report.gaps, lang))
    return warnings


def steps_note(series: LoadedSeries, lang: str = "en") -> str:
    """Said when the rows are numbered because no date column is used; "" otherwise, and when the loader's notice
    says it already, naming the column that could not be read as dates (``notice.dates_unread``)."""
    if series.date_col is not None or any(notice.key == "notice.dates_unread" for notice in series.report.notices):
        return ""
    return t("data.steps_note", lang, last=len(series.frame) - 1)


def load_problem(state: Mapping[str, Any], lang: str = "en") -> str | None:
    """Why the last file could not be used (shown until a file loads), in ``lang``; None when it could."""
    if not state.get(keys.DATA_ERROR):
        return None
    name, problem = state[keys.DATA_ERROR]
    return t("data.could_not_use", lang, name=name, problem=said(problem, lang))


def outlier_note(lang: str = "en") -> str:
    """What the suspected outliers are and how they were found."""
    return t("data.outlier_caption", lang, limit=OUTLIER_LIMIT, most=MAX_OUTLIERS)


def quality_metrics(series: LoadedSeries, quality: QualitySummary,
                    lang: str = "en") -> list[tuple[str, object, str | None]]:
    """The Data page's figures as (label, value, help): rows, frequency, suspected outliers."""
    return [(t("data.rows", lang), f"{quality.rows:,}", None),
            (t("data.frequency", lang), frequency_name(series.frequency, lang),
             t("data.season_help", lang, season=series.frequency.season_length)),
            (t("data.outliers", lang), quality.suspected, outlier_note(lang) + t("data.outliers_kept", lang))]


FEW_TEST_ROWS = 6  # fewer test rows than this are said to be few (a fraction of 0.95, fine for 144 rows, left 2 of 40)


def few_test_rows(rows: int) -> bool:
    """Whether a split's ``rows`` test rows, some, are too few for test metrics to say much (``FEW_TEST_ROWS``)."""
    return 0 < rows < FEW_TEST_ROWS


def split_caption(rows: int, n_train: int, lang: str = "en") -> str:
    """How the rows split, whether the test rows are few (``FEW_TEST_ROWS``), and whether the chart draws a thinned
    copy."""
    thinned = t("data.thinned", lang) if is_thinned(rows) else ""
    few = t("data.split_few", lang, test=rows - n_train) if few_test_rows(rows - n_train) else ""
    return t("data.split", lang, train=n_train, test=rows - n_train, thinned=few + thinned)


def span_text(series: LoadedSeries, lang: str = "en") -> str:
    """The first and last time stamps, as ``lang`` writes dates."""
    first, last = (format_stamp(series.frame["ds"].iloc[at], series.frequency, lang) for at in (0, -1))
    return t("data.span", lang, start=first, end=last)


# The language ------------------------------------------------------------------------------------------

def language_of(state: MutableMapping[str, Any], params: Mapping[str, str], locale: object) -> str:
    """The language of this run: the sidebar's choice, else the one the session settled on, else what the
    URL or the browser's locale says (then kept for the session, as a page's ``from_dict`` drops ``lang``)."""
    for chosen in (state.get(keys.APP_LANG_WIDGET), state.get(keys.APP_LANG)):
        if chosen in LANGUAGES:
            return str(chosen)
    lang = language_from(params.get(LANG_PARAM), locale)
    state[keys.APP_LANG] = lang
    return lang


def keep_language_param(params: MutableMapping[str, str], lang: str) -> None:
    """Put ``?lang=`` in the URL (a page's ``from_dict`` drops it), so a shared link opens in its language."""
    if params.get(LANG_PARAM) != lang:
        params[LANG_PARAM] = lang


def end_run(state: MutableMapping[str, Any], params: MutableMapping[str, str], lang: str, links: Any = None,
            pages: Sequence[Any] = ()) -> None:
    """After every run of every page: save the session for a reload, and put its key and ``lang`` in the URL; then
    draw the sidebar's links to ``pages`` in ``links`` (a container drawn first), each with the URL its page will
    write (``core.ui.navigation``)."""
    save_session(state)
    keep_session_param(params, state)
    keep_language_param(params, lang)
    if links is not None:
        from core.ui.navigation import draw_page_links  # it reads this module's helpers

        draw_page_links(links, pages, state, lang)


# Widgets whose options are shown in words of the page's language: the browser keeps the words it showed, so
# after a language switch the server sends their values again (else the next rerun reads stale words). The
# Forecast page's run picker is not one: its only worded option is the lone default, which a stale value falls
# back to.
WORDED_WIDGETS = (keys.DATA_DATE_WIDGET, keys.DATA_MISSING_WIDGET, keys.DATA_DUPLICATES_WIDGET, keys.DATA_ORDER_WIDGET,
                  keys.DATA_PER_WIDGET, keys.DATA_DECIMAL_WIDGET, keys.LAB_MODEL)


def follow_language(state: MutableMapping[str, Any], lang: str) -> bool:
    """Remember ``lang`` as the session's language and start the language selector at it; when it differs from
    the last run's, set the worded widgets to their own values, which makes Streamlit send them to the browser in
    the new words. True on a switch."""
    switched = state.get(keys.APP_LANG) not in (None, lang)
    if switched:
        for key in WORDED_WIDGETS:
            if key in state:
                state[key] = state[key]
    state[keys.APP_LANG] = lang
    state.setdefault(keys.APP_LANG_WIDGET, lang)
    return switched


def data_page_notes(state: MutableMapping[str, Any], lang: str = "en") -> list[tuple[str, bool]]:
    """The Data page's notes of what changed since its last run (``runs_moved_notes``), each with whether it lasts
    on the page (a warning: a link's refused train fraction, which as a toast was gone in four seconds) or passes (a
    toast)."""
    notes = [(note, False) for note in runs_moved_notes(state, lang)]
    return notes + [(note, True)] if (note := fraction_url_note(state, lang)) else notes


def runs_moved_notes(state: MutableMapping[str, Any], lang: str = "en") -> list[str]:
    """What became of the runs since the last page run, said once: cleared (another file) or kept (another series)."""
    notes = [t("data.runs_cleared", lang)] if state.pop(keys.DATA_RUNS_CLEARED, False) else []
    if (kept := state.pop(keys.DATA_RUNS_KEPT, None)) is not None:
        notes.append(t("data.runs_kept", lang, series=plain(str(kept))))
    for series, (dropped, none_left) in state.pop(keys.DATA_RUNS_FORGOTTEN, {}).items():
        key = "data.runs_forgotten_all" if none_left else "data.runs_forgotten"
        notes.append(t(key, lang, count=dropped, series=plain(str(series)), most=MAX_RUNS, mb=MAX_RUNS_MB))
    return notes
