"""The sidebar's links to the pages, each carrying the URL its page writes on arrival (``session.set_page_query``).

Streamlit's own navigation drops the URL's parameters on the way to another page; the page then put its settings, the
session's key and the language back, a second step of the browser's history per visit: Back from the Train page came
back to the Train page, and a second press reached the Data page. A link that carries what the page will write leaves
it nothing to change: one step per visit, and Back goes back a page."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from core.i18n import LANG_PARAM
from core.ui import state_keys as keys
from core.ui.session import future_rows_given, saved_key, starting_horizon
from core.ui.urlstate import SESSION_PARAM, to_query


def draw_page_links(container: Any, pages: Sequence[Any], state: Mapping[str, Any], lang: str) -> None:
    """A link (``st.page_link``) in ``container`` to each of ``pages`` (``st.Page``s), with ``link_params``, and a
    line under them, as Streamlit's own navigation has."""
    carried = [link_params(page.url_path, state, lang) for page in pages]  # all before the first: the Train link's
    for page, params in zip(pages, carried):  # model table loads torch once per server, and the links appear together
        container.page_link(page, label=page.title, query_params=params)
    container.divider()


def link_params(url_path: str, state: Mapping[str, Any], lang: str) -> dict[str, str]:
    """The URL parameters the page at ``url_path`` ("" for the Data page) writes when it arrives in a session in
    ``state``: its settings (the Data page's split, the Train page's model and settings, the Forecast page's horizon;
    none for the others), the session's key once saved, the language."""
    own: Callable[[Mapping[str, Any]], dict[str, str]] | None = PAGE_SETTINGS.get(url_path)
    fields = own(state) if own is not None and keys.DATA_SERIES in state else {}
    key = saved_key(state)
    return {**fields, **({SESSION_PARAM: key} if key else {}), LANG_PARAM: lang}


def _data_fields(state: Mapping[str, Any]) -> dict[str, str]:
    return to_query({"fraction": state[keys.DATA_TRAIN_FRACTION]})


def _train_fields(state: Mapping[str, Any]) -> dict[str, str]:
    from core.ui.controls import train_fields_of  # the model table loads torch: not before the Data page is drawn

    series = state[keys.DATA_SERIES]
    return train_fields_of(state, series.frequency, state[keys.DATA_TRAIN_FRACTION])


def _forecast_fields(state: Mapping[str, Any]) -> dict[str, str]:
    """The horizon the Forecast page shows (``session.start_horizon``): the session's, or where a first visit starts."""
    from core.ui.controls import horizon_widget_most

    series = state[keys.DATA_SERIES]
    most = horizon_widget_most()
    horizon = starting_horizon(state, future_rows_given(series, most), max(series.frequency.season_length, 1), most)
    return to_query({"horizon": min(horizon, most)})


PAGE_SETTINGS: dict[str, Callable[[Mapping[str, Any]], dict[str, str]]] = {
    "": _data_fields, "Train": _train_fields, "Forecast": _forecast_fields}
