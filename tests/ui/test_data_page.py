"""The Data page shows what is used (pickers, labels, preview), and a reload keeps the session.

Also the server-side session store the reload relies on (core/ui/store.py), with a fake clock.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.elements.lib import policies
from streamlit.testing.v1 import AppTest

from core.ui import state_keys as keys
from core.ui import session
from core.ui.session import BROWSER_COOKIE, SESSIONS, SavedSession, browser_id, open_session, save_session
from core.ui.store import SessionStore, is_key, new_key
from core.ui.urlstate import SESSION_PARAM

ROOT = Path(__file__).resolve().parents[2]
MONTHLY = "when,level,other\n" + "".join(f"2001-{m:02d}-01,{m},{(m * 3) % 7}\n" for m in range(1, 13))
DAILY = "stamp;amount\n" + "".join(f"2002-03-{d:02d};{d},5\n" for d in range(1, 21))
NO_DATES = "reading,temperature,pressure\n" + "".join(f"{i},{20 + i % 5},{1000 + i}\n" for i in range(12))


def app(params: dict[str, str] | None = None, timeout: float = 120) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    at.query_params.update(params or {})
    return at.run()


def upload(at: AppTest, name: str, text: str) -> AppTest:
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value((name, text.encode(), "text/csv")).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def shown(values: list[str]) -> str:
    return " ".join(values).replace("\\", "")  # user text is shown escaped


def param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


# 1. The pickers show the columns in use -------------------------------------------------------------

def test_after_an_upload_the_pickers_show_and_send_the_new_files_columns(caplog: pytest.LogCaptureFixture,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(policies, "_shown_default_value_warning", False)  # Streamlit logs it once per process
    caplog.set_level(logging.WARNING)
    at = upload(app(), "first.csv", MONTHLY)
    upload(at, "second.csv", DAILY)
    series = at.session_state[keys.DATA_SERIES]
    assert (series.date_col, series.target) == ("stamp", "amount")
    for key, used in ((keys.DATA_DATE_WIDGET, "stamp"), (keys.DATA_TARGET_WIDGET, "amount")):
        picker = at.selectbox(key=key)
        assert picker.value == used
        # The browser keeps a keyed widget's old value unless the server sends the new one.
        assert picker.proto.set_value and picker.proto.raw_value == used
    assert at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).value == []
    assert not at.warning
    assert not [r for r in caplog.records if "Session State" in r.getMessage()]


def test_a_failed_re_read_puts_the_pickers_back_on_the_series_in_use() -> None:
    at = upload(app(), "first.csv", MONTHLY)
    at.selectbox(key=keys.DATA_DATE_WIDGET).select("level").run()  # numbers, not dates
    assert not at.exception
    assert "does not hold dates" in at.error[0].value
    assert at.selectbox(key=keys.DATA_DATE_WIDGET).value == "when"
    assert at.session_state[keys.DATA_SERIES].date_col == "when"


# A 'Period' of two report days beside the real dates, one of which falls in both (so they are no days within the
# periods): detection takes the wrong column and the file is refused.
WRONG_DATES = "Period,Ref,y\n" + "".join(f"2024-01-0{1 + i // 10},2020-03-{min(i + (i != 10), 18):02d},{i}\n"
                                         for i in range(20))


def test_a_file_refused_on_its_columns_can_be_read_again_with_others_chosen() -> None:
    at = upload(app(), "first.csv", MONTHLY)
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("report.csv", WRONG_DATES.encode(), "text/csv")).run()
    assert not at.exception and "distinct time stamps" in at.error[0].value
    assert at.session_state[keys.DATA_SERIES].target == "level"  # what was in use stays
    assert at.selectbox(key=keys.DATA_DATE_WIDGET).options == ["(none: number the rows)", "when", "level", "other"]
    retry_date = at.selectbox(key=keys.DATA_RETRY_DATE_WIDGET)  # offered first: the dates that vary, the numbers
    assert retry_date.options == ["(none: number the rows)", "Period", "Ref", "y"] and retry_date.value == "Ref"
    assert at.selectbox(key=keys.DATA_RETRY_TARGET_WIDGET).value == "y"
    retry_date.select("Period").run()
    at.button[[b.label for b in at.button].index("Read again")].click().run()  # the same column: the same problem
    assert "distinct time stamps" in at.error[0].value and at.session_state[keys.DATA_SERIES].target == "level"
    assert at.selectbox(key=keys.DATA_RETRY_TARGET_WIDGET).value == "y"  # the choice stays
    at.selectbox(key=keys.DATA_RETRY_DATE_WIDGET).select("Ref").run()
    at.button[[b.label for b in at.button].index("Read again")].click().run()
    assert not at.exception and not at.error
    series = at.session_state[keys.DATA_SERIES]
    assert (series.date_col, series.target, len(series.frame)) == ("Ref", "y", 17)  # repeated stamps combined
    assert str(series.frame["ds"].iloc[-1].date()) == "2020-03-18"
    assert at.selectbox(key=keys.DATA_DATE_WIDGET).value == "Ref" and at.session_state[keys.DATA_RETRY] is None
    assert not [box for box in at.selectbox if box.key == keys.DATA_RETRY_DATE_WIDGET]


def test_reading_a_refused_file_again_shows_its_new_problem_at_once() -> None:
    # The page drew the old problem before the click was handled: the new one came only at the next rerun.
    at = upload(app(), "first.csv", MONTHLY)
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("report.csv", WRONG_DATES.encode(), "text/csv")).run()
    assert "distinct time stamps" in at.error[0].value
    at.selectbox(key=keys.DATA_RETRY_TARGET_WIDGET).select("Period").run()
    at.selectbox(key=keys.DATA_RETRY_DATE_WIDGET).select("Ref").run()
    at.button[[b.label for b in at.button].index("Read again")].click().run()
    assert not at.exception and len(at.error) == 1 and "not numeric" in at.error[0].value
    assert at.session_state[keys.DATA_SERIES].target == "level"  # what was in use stays


def test_an_event_log_without_a_number_refused_can_be_read_again_as_its_rows_counted_per_day() -> None:
    # A ticket log whose ids read 'T-1001' was refused ("holds text, not numbers") with no way to count its tickets.
    rng = np.random.default_rng(8)
    stamps = pd.Timestamp("2024-03-01") + pd.to_timedelta(np.sort(rng.uniform(0, 20 * 86_400, 200)), unit="s")
    text = pd.DataFrame({"id": [f"T-{1000 + k}" for k in range(200)], "created_at": stamps.strftime("%Y-%m-%d %H:%M"),
                         "status": rng.choice(["open", "solved"], 200)}).to_csv(index=False)
    at = upload(app(), "first.csv", MONTHLY)
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("tickets.csv", text.encode(), "text/csv")).run()
    assert not at.exception and at.error
    picker = at.selectbox(key=keys.DATA_RETRY_TARGET_WIDGET)
    assert picker.options[-1] == "(count the rows per day)" and "count the rows per day" in at.error[0].value
    picker.select("(count the rows per day)").run()
    at.selectbox(key=keys.DATA_RETRY_DATE_WIDGET).select("created_at").run()
    at.button[[b.label for b in at.button].index("Read again")].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    series = at.session_state[keys.DATA_SERIES]
    counts = pd.Series(1, index=stamps).groupby(stamps.normalize()).sum()
    assert (series.target, series.options.duplicates, series.options.per) == ("rows", "count", "day")
    assert series.frame["y"].tolist() == counts.tolist()
    assert at.selectbox(key=keys.DATA_DUPLICATES_WIDGET).value == "count"  # the Reading options say how it was read


def test_counting_a_refused_file_s_rows_names_the_period_its_reading_asked_for() -> None:
    # A file read per week, refused on another target, offered "(count the rows per day)" and counted its weeks.
    from core.data.tidy import LoadOptions
    from core.ui.data_pickers import retry_target_picker
    from core.ui.panel_view import Reading, Retry, retried
    from core.ui.session import COUNT_ROWS

    weekly = Retry(Reading(b"", "log.csv", LoadOptions(per="week")), ("id", "created_at"), "created_at", "id")
    for retry, words in ((weekly, "(count the rows per week)"), (replace(weekly, reading=Reading(b"", "log.csv",
                                                                       LoadOptions())), "(count the rows per day)")):
        picker = retry_target_picker(retry)
        assert picker["options"][-1] == COUNT_ROWS and picker["format_func"](COUNT_ROWS) == words
        assert retried(retry, "created_at", COUNT_ROWS).options.per == words.split()[-1].rstrip(")")
    assert retry_target_picker(weekly, "zh")["format_func"](COUNT_ROWS) == "（按周计数行数）"


def test_no_retry_pickers_for_the_file_in_use_a_short_file_or_after_a_memory_failure() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.choice import PanelChoice
    from core.data.read import read_table
    from core.ui.panel_view import Reading, again, file_readers, read_into
    from core.ui.session import ensure_series

    load, split = file_readers(read_table)
    state: dict[str, object] = {}
    ensure_series(state)  # the sample, whose bytes the state does not hold
    wrong = LoadOptions(date_col="#Passengers", target="Month")
    assert read_into(state, again(state, wrong, PanelChoice()), load, split) is None
    assert state[keys.DATA_ERROR] and state[keys.DATA_RETRY] is None  # its own pickers are on the page
    short = b"date,y\n" + b"".join(f"2020-0{m},{m}\n".encode() for m in range(1, 4))
    assert read_into(state, Reading(short, "short.csv", LoadOptions()), load, split) is None
    assert state[keys.DATA_RETRY] is None  # 3 rows: no choice of columns makes a series
    assert read_into(state, Reading(WRONG_DATES.encode(), "report.csv", LoadOptions()), load, split) is None
    assert state[keys.DATA_RETRY] is not None

    def out_of_memory(*_: object) -> None:
        raise MemoryError

    assert read_into(state, Reading(b"x", "big.xlsx", LoadOptions()), out_of_memory, split) is None
    assert state[keys.DATA_RETRY] is None  # the pickers of report.csv stayed under big.xlsx's problem


def test_no_retry_pickers_for_a_file_that_cannot_be_read_at_all() -> None:
    at = upload(app(), "first.csv", MONTHLY)
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("bad.csv", b"\x00\x01\x02" * 50, "text/csv")).run()
    assert not at.exception and at.error
    assert at.session_state.get(keys.DATA_RETRY) is None
    assert not [box for box in at.selectbox if box.key == keys.DATA_RETRY_DATE_WIDGET]


def test_a_column_of_one_value_in_every_row_is_not_offered_as_a_regressor() -> None:
    # An SDMX export offered its UNIT_MULT and DECIMALS (6 and 2 on every row) as regressors.
    rows = "".join(f"2020-{month:02d},{100 + 3 * month},{month % 4},6,2\n" for month in range(1, 13))
    at = upload(app(), "sdmx.csv", "TIME_PERIOD,OBS_VALUE,FLAG,UNIT_MULT,DECIMALS\n" + rows)
    assert at.session_state[keys.DATA_SERIES].constant_columns == ("UNIT_MULT", "DECIMALS")
    assert at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).options == ["FLAG"]
    assert "Other numeric columns you can add as regressors: FLAG; or fit" in shown([c.value for c in at.caption])


# 2. A file without dates says so and offers its other columns ---------------------------------------

def test_a_file_without_dates_says_the_rows_are_numbered_and_offers_the_other_columns() -> None:
    at = upload(app(), "plain.csv", NO_DATES)
    assert at.selectbox(key=keys.DATA_DATE_WIDGET).value == "(none: number the rows)"
    info = shown([box.value for box in at.info])
    assert "No date column: the rows are numbered as steps 0 to 11 in file order" in info
    assert "choose it under **Date column**" in info
    captions = shown([c.value for c in at.caption])
    assert "Other numeric columns you can add as regressors: temperature, pressure; or fit each as a series" in captions
    at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).set_value(["pressure"]).run()
    assert at.session_state[keys.DATA_SERIES].regressors == ["pressure"]
    assert "you can add as regressors" not in shown([c.value for c in at.caption])


def test_a_time_column_that_cannot_be_read_is_named_once() -> None:
    fiscal = "Trimestre,Revenue\n" + "".join(f"Q{i % 4 + 1} of {2005 + i // 4},{1000 + 50 * i}\n" for i in range(12))
    at = upload(app(), "fiscal.csv", fiscal)
    said = shown([element.value for kind in (at.info, at.warning, at.caption, at.markdown) for element in kind])
    assert "'Trimestre' does not hold dates this loader can read (for example 'Q1 of 2005')" in said
    assert "No date column: the rows are numbered" not in said  # the notice says it, with the column's name
    assert all(box.value for box in at.info)  # an empty box was drawn in its place


def test_a_table_whose_years_run_across_is_loaded_as_a_series_per_row_and_says_so() -> None:
    years = range(1995, 2024)
    table = "Country Name,Country Code," + ",".join(map(str, years)) + "\n" + "".join(
        f"{name},{name[:3].upper()}," + ",".join(str(k * 100 + year - 1990) for year in years) + "\n"
        for k, name in enumerate(("Namibia", "Chad", "Aruba"), start=1))
    at = upload(app(), "API_NY.GDP.csv", table)
    said = shown([element.value for kind in (at.info, at.warning, at.caption) for element in kind])
    assert "The dates run across the columns ('1995' to '2023', 29 dates)" in said
    assert "**3 series** by Country Name" in said and "From 1995 to 2023." in said


def test_a_file_with_dates_says_nothing_about_numbered_rows() -> None:
    at = app()
    assert not [box for box in at.info if "No date column" in box.value]


# 4. Labels: what is loaded, the user's column names, dates at the series' resolution ----------------

def test_the_intro_names_what_is_loaded() -> None:
    at = app()
    assert "Loaded now: **AirPassengers.csv** (monthly airline passengers" in shown([c.value for c in at.caption])
    upload(at, "second.csv", DAILY)
    intro = shown([c.value for c in at.caption])
    assert "Loaded now: **second.csv**, 20 rows, daily." in intro and "AirPassengers" not in intro
    at.button[[b.label for b in at.button].index("Load sample")].click().run()  # the sample again: what it is, too
    assert "Loaded now: **AirPassengers.csv** (monthly airline passengers" in shown([c.value for c in at.caption])
    upload(at, "AirPassengers.csv", DAILY)  # a file of the sample's name is no sample
    assert "monthly airline passengers" not in shown([c.value for c in at.caption])


def test_the_preview_uses_the_files_column_names_and_the_series_resolution() -> None:
    at = app()
    preview = at.dataframe[-1].value
    assert list(preview.columns) == ["Month", "#Passengers"]
    assert preview["Month"].iloc[0] == "1949-01" and preview["#Passengers"].iloc[0] == 112
    upload(at, "first.csv", MONTHLY)
    at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).set_value(["other"]).run()
    assert list(at.dataframe[-1].value.columns) == ["when", "level", "other"]


def test_the_span_is_a_caption_not_a_metric_that_gets_cut() -> None:
    at = upload(app(), "second.csv", DAILY)
    assert not [m for m in at.metric if m.label in ("From", "To")]
    assert "From 2002-03-01 to 2002-03-20." in [c.value for c in at.caption]


# 3. A reload keeps the session ----------------------------------------------------------------------

def test_a_new_session_with_the_same_key_restores_the_upload_and_its_settings() -> None:
    first = upload(app(), "second.csv", DAILY)
    first.slider(key=keys.DATA_FRACTION_WIDGET).set_value(0.8).run()
    key = param(first, SESSION_PARAM)
    assert key and is_key(key) and key == first.session_state[keys.DATA_SESSION_KEY]
    assert param(first, "fraction") == "0.8"
    reloaded = app({SESSION_PARAM: key, "fraction": "0.8"})
    assert not reloaded.exception and not reloaded.error
    series = reloaded.session_state[keys.DATA_SERIES]
    assert reloaded.session_state[keys.DATA_SOURCE] == "second.csv"
    assert (series.date_col, series.target, len(series.frame)) == ("stamp", "amount", 20)
    assert reloaded.selectbox(key=keys.DATA_TARGET_WIDGET).value == "amount"
    assert reloaded.session_state[keys.DATA_TRAIN_FRACTION] == pytest.approx(0.8)
    assert "Restored from the earlier session: second.csv" in shown([c.value for c in reloaded.caption])
    new = param(reloaded, SESSION_PARAM)  # the restored session goes on under a key of its own
    assert new and is_key(new) and new != key and SESSIONS.get(new).name == "second.csv"  # type: ignore[union-attr]
    # The key restored from stays a while (retired): the tab the link came from, or a second reload while the first
    # was drawing, found nothing and was told its session of seconds before had expired.
    again = app({SESSION_PARAM: key, "fraction": "0.8"})
    assert again.session_state[keys.DATA_SOURCE] == "second.csv" and param(again, SESSION_PARAM) not in (key, new)


def test_runs_come_back_with_the_session_and_the_pickers_survive_another_page() -> None:
    at = upload(app(), "second.csv", DAILY)
    at.switch_page("pages/1_Train.py").run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and not at.error
    at.switch_page("dashboard.py").run()  # Streamlit dropped the pickers' values on the Train page
    assert at.selectbox(key=keys.DATA_DATE_WIDGET).value == "stamp" and len(at.session_state[keys.TRAIN_RUNS]) == 1
    reloaded = app({SESSION_PARAM: param(at, SESSION_PARAM) or ""})
    runs = reloaded.session_state[keys.TRAIN_RUNS]
    assert len(runs) == 1 and runs[0] is at.session_state[keys.TRAIN_RUNS][0]
    assert reloaded.session_state[keys.TRAIN_RESULT] is runs[0]


def test_a_reload_brings_back_the_forecast_shown() -> None:
    """The forecast, its chart and its download were gone after a reload, its horizon kept."""
    at = upload(app(), "second.csv", DAILY)
    at.switch_page("pages/1_Train.py").run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(4).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    label, horizon, future = at.session_state[keys.FORECAST_RESULT]
    assert horizon == 4 and future["predicted"].notna().sum() == 4
    at.switch_page("dashboard.py").run()  # in the app every page runs in the dashboard's navigation, which saves
    reloaded = app({SESSION_PARAM: param(at, SESSION_PARAM) or ""})
    assert reloaded.session_state[keys.FORECAST_RESULT][2] is future
    reloaded.switch_page("pages/3_Forecast.py").run()
    assert not reloaded.exception and any("4 steps past" in str(header.value) for header in reloaded.main.header)


def test_a_reload_brings_back_the_settings_of_the_pages_not_shown() -> None:
    at = upload(app(), "second.csv", DAILY)
    at.switch_page("pages/1_Train.py").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("ar").run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(5).run()
    at.switch_page("pages/4_Learning_Lab.py").run()
    at.selectbox(key=keys.LAB_MODEL).select("multi").run()
    at.switch_page("dashboard.py").run()  # in the app every page runs in the dashboard's navigation, which saves
    reloaded = app({SESSION_PARAM: param(at, SESSION_PARAM) or ""})  # on the Data page: its URL names none of these
    state = reloaded.session_state
    assert (state[keys.TRAIN_MODEL_WIDGET], state[keys.FORECAST_HORIZON], state[keys.LAB_MODEL]) == ("ar", 5, "multi")


def xsrf_cookie(token: bytes, mask: bytes) -> dict[str, str]:
    """Streamlit's cookie of a browser's 16-byte token under a 4-byte mask, repeated, as the server writes it
    (``2|mask|masked|time``)."""
    masked = bytes(byte ^ mask[i % len(mask)] for i, byte in enumerate(token))
    return {BROWSER_COOKIE: f"2|{mask.hex()}|{masked.hex()}|1700000000"}


def test_a_session_is_restored_only_in_the_browser_that_saved_it() -> None:
    # The URL that shares the settings carries the session's key: whoever opened a shared link got the file and runs.
    store: SessionStore[SavedSession] = SessionStore()
    alice, bob = xsrf_cookie(b"a" * 16, b"\x01\x02\x03\x04"), xsrf_cookie(b"a" * 4 + b"b" * 12, b"\x02" * 4)
    assert browser_id(alice) == browser_id(xsrf_cookie(b"a" * 16, b"\x07" * 4)) != browser_id(bob) != ""  # all 16
    key = new_key()
    store.put(key, SavedSession(DAILY.encode(), "alice.csv", None, 0.8, owner=browser_id(alice)), 100)
    shared: dict[str, object] = {}
    note = open_session(shared, {SESSION_PARAM: key}, store=store, cookies=bob)
    assert note is not None and note.key == "session.elsewhere" and keys.DATA_SERIES not in shared
    assert "opened in another browser" in note.text("en") and store.get(key) is not None  # still Alice's
    reloaded: dict[str, object] = {}
    note = open_session(reloaded, {SESSION_PARAM: key}, store=store, cookies=alice)
    assert note is not None and note.key == "session.restored" and reloaded[keys.DATA_SOURCE] == "alice.csv"


def test_a_browser_without_an_id_restores_nothing_and_stores_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the server's XSRF protection off no browser has the cookie: every one was "" alike, so whoever opened a
    shared link got the sharer's file and runs."""
    monkeypatch.setattr(session, "browser_id", browser_id)  # the real one, not the tests' one browser
    store: SessionStore[SavedSession] = SessionStore()
    key = new_key()
    store.put(key, SavedSession(DAILY.encode(), "alice.csv", None, 0.8, owner=""), 100)
    state: dict[str, object] = {}
    note = open_session(state, {SESSION_PARAM: key}, store=store, cookies={})
    assert keys.DATA_SERIES not in state and note is not None and note.key == "session.elsewhere"
    state.update({keys.DATA_SERIES: object(), keys.DATA_BYTES: b"mine", keys.DATA_SOURCE: "mine.csv"})
    assert not save_session(state, store) and len(store) == 1 and not state.get(keys.DATA_SAVED)


def test_a_session_back_to_a_fresh_one_leaves_the_store() -> None:
    """The fraction moved and moved back: the saved 0.75 stayed, and a reload restored it."""
    at = app()
    at.slider(key=keys.DATA_FRACTION_WIDGET).set_value(0.8).run()
    key = param(at, SESSION_PARAM)
    assert key and SESSIONS.get(key).train_fraction == pytest.approx(0.8)  # type: ignore[union-attr]
    at.slider(key=keys.DATA_FRACTION_WIDGET).set_value(0.7).run()
    assert SESSIONS.get(key) is None and param(at, SESSION_PARAM) is None


@pytest.mark.parametrize("key", ["Q" * 32, "not a key", ""])
def test_an_unknown_key_restores_nothing_and_says_the_session_expired(key: str) -> None:
    at = app({SESSION_PARAM: key})
    assert not at.exception and at.session_state[keys.DATA_SOURCE] == "AirPassengers.csv"
    assert any("has expired" in c.value for c in at.caption)
    assert at.session_state[keys.DATA_SESSION_KEY] != key
    assert param(at, SESSION_PARAM) is None  # nothing stored yet: the stale key leaves the URL


def test_an_untouched_session_stores_nothing_and_keeps_the_url_clean() -> None:
    before = len(SESSIONS)
    at = app()
    assert param(at, SESSION_PARAM) is None and len(SESSIONS) == before
    assert not any("has expired" in c.value for c in at.caption)


# The store -----------------------------------------------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_store_gives_back_what_was_put_and_nothing_for_other_keys() -> None:
    store: SessionStore[str] = SessionStore()
    assert store.put("a" * 20, "value", 5)
    assert store.get("a" * 20) == "value" and store.get("b" * 20) is None
    assert store.put("a" * 20, "newer", 7)
    assert store.get("a" * 20) == "newer" and len(store) == 1 and store.nbytes == 7


def test_store_forgets_an_entry_not_saved_again_within_its_time() -> None:
    clock = Clock()
    store: SessionStore[str] = SessionStore(keep_seconds=100, clock=clock)
    store.put("old", "x", 1)
    clock.now = 60
    store.put("kept", "y", 1)
    clock.now = 101
    assert store.get("old") is None and store.get("kept") == "y"
    clock.now = 150
    store.put("kept", "y", 1)  # saving again restarts its time
    clock.now = 240
    assert store.get("kept") == "y" and store.nbytes == 1


def test_store_retire_keeps_the_entry_a_while_outside_the_byte_bound() -> None:
    clock = Clock()
    store: SessionStore[str] = SessionStore(keep_seconds=7200, clock=clock)
    store.put("k", "v", 300)
    assert store.retire("k", 900) == "v" and store.nbytes == 300 and store.get("k") == "v"
    clock.now = 899
    assert store.get("k") == "v"
    clock.now = 900
    assert store.get("k") is None and store.retire("k") is None
    store.put("k", "w", 5)  # saved again (the tab it came from goes on): its full time and its bytes
    clock.now = 900 + 7199
    assert store.get("k") == "w" and store.nbytes == 5


def test_store_evicts_retired_entries_before_any_in_use_and_stays_within_its_bytes() -> None:
    """A retired entry counted no bytes: eight restored sessions of 32 MB whose tabs loaded other files held 512 MB in
    a store that said 256."""
    store: SessionStore[str] = SessionStore(max_bytes=800)
    for key in "abcd":
        store.put(key, key, 100)
    store.retire("a")
    for key in "efgh":
        store.put(key, key, 100)
    store.put("i", "i", 100)  # 900 > 800: the retired a goes, not b, the oldest in use
    assert store.get("a") is None and store.get("b") == "b" and store.nbytes == 800


def test_store_pop_takes_the_entry_out() -> None:
    store: SessionStore[str] = SessionStore()
    store.put("k", "v", 3)
    assert store.pop("k") == "v" and store.pop("k") is None and store.get("k") is None and store.nbytes == 0


def test_store_evicts_the_least_recently_saved_entry_beyond_its_count() -> None:
    store: SessionStore[int] = SessionStore(max_entries=3)
    for i in range(3):
        store.put(f"k{i}", i, 1)
    store.put("k0", 0, 1)  # k0 saved again: k1 is now the oldest
    store.put("k3", 3, 1)
    assert [store.get(f"k{i}") for i in range(4)] == [0, None, 2, 3] and len(store) == 3


def test_store_stays_within_its_bytes_and_refuses_an_entry_larger_than_its_share() -> None:
    store: SessionStore[str] = SessionStore(max_bytes=800)
    for key in "abcdefgh":
        store.put(key, key, 100)
    store.put("i", "i", 100)  # 900 > 800: a goes
    assert store.get("a") is None and store.nbytes == 800
    # One session of more than an eighth of the bound is not kept: a 199 MB upload evicted 19 of 30 others.
    assert not store.put("huge", "h", 101)
    assert store.get("huge") is None and store.get("b") == "b" and store.nbytes == 800


def test_keys_are_random_url_safe_and_checked_before_lookup() -> None:
    keys_made = {new_key() for _ in range(100)}
    assert len(keys_made) == 100 and all(is_key(k) and len(k) == 32 for k in keys_made)
    assert not is_key("../etc/passwd") and not is_key("short") and not is_key(None) and not is_key("a" * 65)


def three_sheets() -> bytes:
    """A workbook of a monthly sheet, a daily one and a sheet of notes."""
    import io

    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame({"Month": pd.date_range("2020-01-01", periods=36, freq="MS"), "Revenue": range(36)}).to_excel(
            writer, sheet_name="Monthly", index=False)
        pd.DataFrame({"Day": pd.date_range("2020-01-01", periods=60, freq="D"), "Visits": range(60)}).to_excel(
            writer, sheet_name="Daily", index=False)
        pd.DataFrame({"About": ["Exported by the sales team", "Figures in EUR"]}).to_excel(
            writer, sheet_name="Notes", index=False)
    return buffer.getvalue()


def test_a_workbooks_other_sheets_are_said_and_one_can_be_picked() -> None:
    # Only the first sheet with a table was read, and nothing said the others existed.
    at = app()
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("book.xlsx", three_sheets(), "application/vnd.ms-excel"))
    at.run()
    series = at.session_state[keys.DATA_SERIES]
    assert (series.target, len(series.frame)) == ("Revenue", 36) and series.report.sheet_read == "Monthly"
    assert any("other sheets ('Daily', 'Notes')" in notice for notice in series.report.notices)
    [picker] = [box for box in at.selectbox if str(box.key).startswith("data.sheet:")]
    picker.select("Daily").run()
    assert not at.exception and not at.error
    series = at.session_state[keys.DATA_SERIES]
    assert (series.date_col, series.target, len(series.frame), series.frequency.name) == ("Day", "Visits", 60, "daily")
    [picker] = [box for box in at.selectbox if str(box.key).startswith("data.sheet:")]
    picker.select("Notes").run()  # no table: said, and the sheet in use stays, its picker too
    assert not at.exception and at.error and at.session_state[keys.DATA_SERIES].target == "Visits"
    assert [box for box in at.selectbox if str(box.key).startswith("data.sheet:")][0].value == "Daily"


def test_a_session_too_large_to_keep_says_a_reload_starts_afresh() -> None:
    # Past its share of the store a session was not kept, and only the key missing from the URL showed it.
    from core.data.tidy import load_series
    from core.ui.session import save_session

    state = {keys.DATA_SESSION_KEY: new_key(), keys.DATA_SERIES: load_series(DAILY.encode(), "big.csv"),
             keys.DATA_BYTES: DAILY.encode() * 20, keys.DATA_SOURCE: "big.csv", keys.DATA_SESSION_OWNER: "browser"}
    assert not save_session(state, SessionStore(max_bytes=8 * 1_000))  # about 7 kB over a share of 1 kB
    note = state[keys.DATA_SESSION_NOTE]
    assert note.key == "session.not_kept" and "too large to keep for a reload" in note.text("en")


def test_a_file_too_large_to_keep_says_so_on_the_run_that_loads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # It was said on the page's next run only: a reload right after the upload lost the file without a word.
    monkeypatch.setattr(session.SESSIONS, "max_bytes", 2_000)
    at = upload(app(), "big.csv", "day,amount\n" + "".join(f"{d:%Y-%m-%d},{i % 9}\n" for i, d in enumerate(
        pd.date_range("2020-01-01", periods=400))))
    said = [element.value for element in [*at.info, *at.warning, *at.caption]]
    assert any("too large to keep for a reload" in text for text in said), said


def test_another_sheet_is_read_with_its_series_ids_found_afresh() -> None:
    # A first sheet split by its store column sent that id with the next sheet, which has none: refused.
    import io

    import pandas as pd

    months = pd.date_range("2020-01-01", periods=24, freq="MS")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.concat([pd.DataFrame({"Month": months, "store": store, "Sales": range(k, k + 24)})
                   for k, store in enumerate(["north", "south"])]).to_excel(writer, sheet_name="Stores", index=False)
        pd.DataFrame({"Month": months, "Total": range(24)}).to_excel(writer, sheet_name="Total", index=False)
    at = app()
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("stores.xlsx", buffer.getvalue(), "application/x")).run()
    assert at.session_state[keys.DATA_PANEL].id_cols == ("store",)
    [picker] = [box for box in at.selectbox if str(box.key).startswith("data.sheet:")]
    picker.select("Total").run()
    assert not at.exception and not at.error, [error.value for error in at.error]
    assert at.session_state[keys.DATA_PANEL] is None and at.session_state[keys.DATA_SERIES].target == "Total"


def test_runs_stay_when_another_reading_option_leaves_the_series_as_it_was() -> None:
    # Another missing-value policy on a file without blanks cleared every run ("Runs made on the previous series were
    # cleared"), the series value for value the same.
    months = "".join(f"2020-{m:02d}-01,{m * 3}\n" for m in range(1, 13)) + "".join(
        f"2021-{m:02d}-01,{m * 3 + 40}\n" for m in range(1, 13))
    for at in (upload(app(), "a.csv", "date,value\n" + months), app()):  # a file, and the sample read again
        at.session_state[keys.TRAIN_RUNS] = ["a run"]
        at.selectbox(key=keys.DATA_MISSING_WIDGET).select("ffill").run()
        assert not at.exception and at.session_state[keys.TRAIN_RUNS] == ["a run"]
        assert not any("cleared" in str(toast.value) for toast in at.toast)
    at = upload(app(), "b.csv", "date,value\n" + months.replace("2020-05-01,15", "2020-05-01,"))
    at.session_state[keys.TRAIN_RUNS] = ["a run"]
    at.selectbox(key=keys.DATA_MISSING_WIDGET).select("ffill").run()  # a blank filled otherwise: another series
    assert keys.TRAIN_RUNS not in at.session_state


def test_a_column_change_tidies_the_table_again_without_parsing_it_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Each change of target or regressor parsed the whole file anew (0.6 s a time on 200,000 rows of 20 columns), and
    # a file of several series was parsed twice, once to read a series and once to split it.
    from core.data import read

    parsed: list[str] = []
    parse = read.read_table

    def counted(data: bytes, name: str, sheet: str | int, decimal: str = "") -> object:
        parsed.append(name)
        return parse(data, name, sheet, decimal)

    monkeypatch.setattr(read, "read_table", counted)
    levels = "when,level,other\n" + "".join(f"2011-{m:02d}-01,{m + 0.25},{(m * 5) % 7}\n" for m in range(1, 13))
    at = upload(app(), "levels.csv", levels)
    assert parsed == ["levels.csv"]
    at.selectbox(key=keys.DATA_TARGET_WIDGET).set_value("other").run()
    at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).set_value(["level"]).run()
    assert not at.exception and list(at.session_state[keys.DATA_SERIES].regressors) == ["level"]
    assert at.session_state[keys.DATA_SERIES].frame["y"].tolist() == [(m * 5) % 7 for m in range(1, 13)]
    stores = "month,store,sales\n" + "".join(f"2021-{m:02d}-01,{s},{m * (k + 3)}\n"
                                             for m in range(1, 13) for k, s in enumerate(("north", "south")))
    upload(at, "stores.csv", stores)
    assert parsed == ["levels.csv", "stores.csv"] and at.session_state[keys.DATA_PANEL] is not None
    assert list(at.session_state[keys.DATA_PANEL].columns) == ["month", "store", "sales"]


def test_the_values_filled_in_are_named_and_circled_on_the_chart() -> None:
    # A count alone ("Missing values filled (interpolate): 2") left the filled months drawn like the file's own.
    import json

    months = [f"2020-{m:02d}-01,{'' if m in (3, 7) else 100 + m}" for m in range(1, 13)]
    text = "month,sales\n" + "\n".join(months + [f"2021-{m:02d}-01,{120 + m}" for m in range(1, 13)]) + "\n"
    at = upload(app(), "gaps.csv", text)
    listed = "- Target values filled in (circled on the chart): 2020-03, 2020-07"
    assert any(m.value.endswith(listed) for m in at.markdown)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    circles = [layer for layer in spec["layer"] if layer["mark"].get("shape") == "circle"]
    assert len(circles) == 1 and "Circles mark the values filled in" in " ".join(spec["title"]["text"])
    from core.ui.charts import data_chart

    whole = data_chart(at.session_state[keys.DATA_SERIES], None).to_dict()
    drawn = next(whole["datasets"][layer["data"]["name"]] for layer in whole["layer"]
                 if layer["mark"].get("shape") == "circle")
    assert [row["y"] for row in drawn] == [103.0, 107.0]  # interpolated between February and April, June and August
    at = upload(at, "whole.csv", "month,sales\n" + "\n".join(f"2020-{m:02d}-01,{m}" for m in range(1, 13)) + "\n")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert not [layer for layer in spec["layer"] if layer["mark"].get("shape") == "circle"]


def test_an_event_log_is_combined_per_day_on_the_data_page_and_the_irregular_warning_goes() -> None:
    rng = np.random.default_rng(3)
    seconds = np.sort(rng.uniform(0, 30 * 86_400, 600))
    stamps = pd.Timestamp("2024-03-01") + pd.to_timedelta(seconds, unit="s")
    amounts = rng.uniform(5, 50, len(stamps)).round(2)
    text = pd.DataFrame({"paid_at": stamps.strftime("%Y-%m-%d %H:%M:%S"), "amount": amounts}).to_csv(index=False)
    at = upload(app(), "payments.csv", text)
    assert "The time stamps are irregular" in shown([m.value for m in at.markdown])  # the quality panel says so
    assert at.selectbox(key=keys.DATA_PER_WIDGET).options == ["as written", "minute", "hour", "day", "week", "month",
                                                              "quarter", "year"]
    at.selectbox(key=keys.DATA_DUPLICATES_WIDGET).select("sum").run()
    at.selectbox(key=keys.DATA_PER_WIDGET).select("day").run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    series = at.session_state[keys.DATA_SERIES]
    totals = pd.Series(amounts).groupby(stamps.normalize()).sum()
    assert series.frequency.alias == "D" and series.frame["y"].to_numpy() == pytest.approx(totals.to_numpy())
    assert "irregular" not in shown([m.value for m in at.markdown])
    assert "Rows combined per day by their sum: 600 rows into 30, one per day." in shown([i.value for i in at.info])


def test_a_ticket_log_whose_only_number_is_its_id_is_counted_per_day_on_the_data_page() -> None:
    # Its ids were taken for the target and summed per day (288,918 on the first), unsaid, with no way to count rows.
    rng = np.random.default_rng(4)
    stamps = pd.Timestamp("2024-03-01") + pd.to_timedelta(np.sort(rng.uniform(0, 30 * 86_400, 300)), unit="s")
    ids = rng.permutation(np.arange(40_000, 40_300))
    text = pd.DataFrame({"id": ids, "created_at": stamps.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         "status": rng.choice(["open", "solved"], 300)}).to_csv(index=False)
    at = upload(app(), "tickets.csv", text)
    assert "The target 'id' numbers the rows" in shown([i.value for i in at.info])
    assert "count" in at.selectbox(key=keys.DATA_DUPLICATES_WIDGET).options
    at.selectbox(key=keys.DATA_DUPLICATES_WIDGET).select("count").run()
    at.selectbox(key=keys.DATA_PER_WIDGET).select("day").run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    series = at.session_state[keys.DATA_SERIES]
    counts = pd.Series(1, index=stamps).groupby(stamps.normalize()).sum()
    assert series.target == "rows" and series.frame["y"].tolist() == counts.tolist()
    assert "Rows combined per day by their count: 300 rows into 30, one per day." in shown([i.value for i in at.info])
    assert "numbers the rows" not in shown([i.value for i in at.info])


def test_the_decimal_mark_chosen_on_the_data_page_reads_a_semicolon_files_points_as_decimals() -> None:
    text = "Datum;Preis\n" + "".join(f"{stamp:%d.%m.%Y};{1.6 + 0.001 * k:.3f}\n" for k, stamp in
                                     enumerate(pd.date_range("2015-01-01", periods=60, freq="MS")))
    at = upload(app(), "fuel.csv", text)
    assert at.session_state[keys.DATA_SERIES].frame["y"].iloc[0] == 1600.0  # the guess, said with its fix
    assert "choose point as the Decimal mark under Reading options" in shown([i.value for i in at.info])
    picker = at.selectbox(key=keys.DATA_DECIMAL_WIDGET)
    assert picker.options == ["detect", "point (1.5)", "comma (1,5)"]
    picker.select("point").run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    series = at.session_state[keys.DATA_SERIES]
    assert series.options.decimal == "point" and series.frame["y"].iloc[-1] == pytest.approx(1.659)
    assert "thousands" not in shown([i.value for i in at.info])


def test_a_split_that_leaves_a_few_test_rows_says_so() -> None:
    # A fraction of 0.95, fine for 144 rows, carried to a file of 40 rows: 2 test rows, without a word.
    from core.ui.session import split_caption

    assert split_caption(40, 38).endswith("With 2 rows to test on, the test metrics say little: lower the train "
                                          "fraction to test on more.")
    assert "say little" not in split_caption(144, 100) and "只有 2 行用于测试" in split_caption(40, 38, "zh")
