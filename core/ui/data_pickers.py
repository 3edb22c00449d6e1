"""The Data page's pickers as the keyword arguments of their widgets (label, help, options, how each option reads,
key), in the page's language, so the page only places them. No streamlit and no torch (the Data page draws before
torch loads)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core.data.read import DECIMAL_MARKS
from core.data.tidy import DUPLICATE_POLICIES, MISSING_POLICIES, PERIODS, LoadedSeries
from core.i18n import Texts
from core.panel.choice import Panel
from core.ui import state_keys as keys
from core.ui.panel_view import Retry, id_candidates, panel_choice, show_series
from core.ui.session import COUNT_ROWS, DATE_ORDER_KEYS, DATE_ORDERS, NO_DATE_COLUMN, date_column_label


def date_picker(columns: Iterable[str], lang: str = "en") -> dict[str, Any]:
    """The Date column picker's label, help, options (no date column first) and how they read."""
    T = Texts(lang)
    return {**T.widget("data.date_column"), "options": [NO_DATE_COLUMN, *columns],
            "format_func": lambda column: date_column_label(column, lang)}


def retry_target_picker(retry: Retry, lang: str = "en") -> dict[str, Any]:
    """The target picker of a file refused on its columns: its columns, then its rows counted per day, or per the
    period its Reading options asked for (``retried``) (an event log without a number to forecast: a ticket log, its
    ids written 'T-1001', was refused with no way to count them)."""
    T = Texts(lang)
    counted = T("data.count_rows", per=T.words("per")(retry.reading.options.per or retry.per or "day"))
    return {**T.widget("data.target"), "options": [*retry.columns, COUNT_ROWS],
            "format_func": lambda column: counted if column == COUNT_ROWS else column}


def column_pickers(state: Mapping[str, Any], series: LoadedSeries, lang: str = "en") -> dict[str, dict[str, Any]]:
    """The target and missing-values pickers of the file in use, by name; the target is off where each numeric
    column is a series of its own."""
    T = Texts(lang)
    return {"target": {**T.widget("data.target"), "options": series.numeric_columns, "key": keys.DATA_TARGET_WIDGET,
                       "disabled": panel_choice(state).all_targets},
            "missing": {**T.widget("data.missing"), "options": MISSING_POLICIES, "key": keys.DATA_MISSING_WIDGET,
                        "format_func": lambda policy: T(f"data.missing_{policy}")}}


def reading_pickers(state: Mapping[str, Any], series: LoadedSeries, lang: str = "en") -> dict[str, dict[str, Any]]:
    """The Reading options' widgets by name: repeated stamps, gaps, date order, series ids, each numeric column a
    series, rows per period (an event log's orders per day) and the decimal mark (1.600: 1.6 or 1600)."""
    T = Texts(lang)
    return {"duplicates": {**T.widget("data.duplicates"), "options": DUPLICATE_POLICIES,
                           "key": keys.DATA_DUPLICATES_WIDGET, "format_func": T.words("policy")},
            "fill_gaps": {**T.widget("data.fill_gaps"), "key": keys.DATA_GAPS_WIDGET},
            "order": {**T.widget("data.date_order"), "options": list(DATE_ORDERS), "key": keys.DATA_ORDER_WIDGET,
                      "format_func": lambda label: T(DATE_ORDER_KEYS[label])},
            "ids": {**T.choices("data.id_cols", id_candidates(state, series)), "key": keys.DATA_ID_WIDGET},
            "all_targets": {**T.widget("data.all_targets"), "key": keys.DATA_ALL_TARGETS_WIDGET},
            "per": {**T.widget("data.per"), "options": list(PERIODS), "key": keys.DATA_PER_WIDGET,
                    "format_func": lambda period: T.words("per")(period or "as written")},
            "decimal": {**T.widget("data.decimal"), "options": [*DECIMAL_MARKS], "key": keys.DATA_DECIMAL_WIDGET,
                        "format_func": lambda chosen: T(f"decimal.{chosen or 'detect'}")}}


def view_picker(state: Any, panel: Panel, lang: str = "en") -> dict[str, Any]:
    """The picker of which series of a file of several to show (``show_series`` on a change)."""
    return {**Texts(lang).widget("data.view", count=len(panel.tasks)), "options": panel.ids,
            "key": keys.DATA_VIEW_WIDGET, "on_change": show_series, "args": (state,)}
