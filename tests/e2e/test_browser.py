"""The running app driven in a real headless Chromium (Debian's), through Playwright."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import parse_qs, urlsplit
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
LONG = 90_000  # ms; a cold start on a small machine imports torch and renders Vega
NAV_LINKS = '[data-testid="stPageLink"]'  # the sidebar's links to the pages (core.ui.navigation)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_health(url: str, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("streamlit did not answer its health check")


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    with served() as url:
        yield url


@contextmanager
def served() -> Iterator[str]:
    """The app on a free port of its own, for the time of the block."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_health(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def no_exception_shown(page) -> bool:  # type: ignore[no-untyped-def]
    return page.locator('[data-testid="stException"]').count() == 0


def test_first_screen_shows_the_default_series_charted(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(app_url)
    page.get_by_text("Series: AirPassengers.csv").wait_for(timeout=LONG)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    assert no_exception_shown(page)
    page.close()


def test_a_zipped_csv_is_read_and_an_old_workbook_is_named_with_the_fix(  # type: ignore[no-untyped-def]
        browser, app_url: str, tmp_path: Path) -> None:
    # The uploader took five extensions: an .xls got a red icon and no word, a zipped CSV could not be given at all.
    import zipfile

    zipped, old = tmp_path / "sales.zip", tmp_path / "report.xls"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("sales.csv", "day,sales\n" + "".join(f"2024-01-{d:02d},{d}\n" for d in range(1, 29)))
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4)
    page = browser.new_page()
    page.goto(app_url)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(zipped))
    page.get_by_text("Series: sales.zip").wait_for(timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(old))
    page.get_by_text("old format (.xls)").wait_for(timeout=LONG)
    # what was in use stays: the header is drawn after the error, so it is waited for, not counted at once
    page.get_by_text("Series: sales.zip").wait_for(timeout=LONG)
    assert page.get_by_text("Series: report.xls").count() == 0
    assert no_exception_shown(page)
    page.close()


def test_an_uploaded_csv_is_charted(browser, app_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "sales.csv"
    source.write_text("day;sales\n" + "\n".join(f"2024-01-{d:02d};{d},5" for d in range(1, 29)) + "\n")
    page = browser.new_page()
    page.goto(app_url)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(source))
    page.get_by_text("Series: sales.csv").wait_for(timeout=LONG)
    page.get_by_text("daily").first.wait_for(timeout=LONG)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    assert no_exception_shown(page)
    page.close()


def test_the_data_quality_panel_opens_on_the_notices_of_each_file_read(  # type: ignore[no-untyped-def]
        browser, app_url: str, tmp_path: Path) -> None:
    # A panel closed by hand stayed closed for the next file: its notice (times an hour off after a daylight-saving
    # change) was never seen.
    rows = [f"2024-01-{day:02d},{day}" for day in range(1, 29)]
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_text("day,sales\n" + "\n".join(rows + rows[:1]) + "\n")  # a repeated row: a notice
    second.write_text("day,visits\n" + "\n".join(rows + rows[-1:]) + "\n")
    page = browser.new_page()
    page.goto(app_url)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    panel = page.locator('[data-testid="stExpander"] details', has_text="Data quality").first
    for source, named in ((first, "Series: first.csv"), (second, "Series: second.csv")):
        page.locator('input[type="file"]').set_input_files(str(source))
        page.get_by_text(named).wait_for(timeout=LONG)
        page.get_by_text("repeated another row").first.wait_for(timeout=LONG)
        assert panel.evaluate("element => element.open")  # open on its notice
        panel.locator("summary").click()
        page.wait_for_function("element => !element.open", arg=panel.element_handle(), timeout=LONG)
    assert no_exception_shown(page)
    page.close()


@pytest.mark.parametrize(("locale", "frequency"), [("en-GB", "monthly"), ("en-US", "daily")])
def test_ambiguous_dates_are_read_in_the_order_the_browsers_language_writes(  # type: ignore[no-untyped-def]
        browser, app_url: str, tmp_path: Path, locale: str, frequency: str) -> None:
    # 01/01/2020 ... 01/12/2020: twelve months written day first, or 1-12 January written month first.
    from playwright.sync_api import expect

    source = tmp_path / "ambiguous.csv"
    source.write_text("date,value\n" + "".join(f"01/{month:02d}/2020,{month}\n" for month in range(1, 13)))
    page = browser.new_page(locale=locale)
    page.goto(app_url)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(source))
    page.get_by_text("Series: ambiguous.csv").wait_for(timeout=LONG)
    page.get_by_text(frequency).first.wait_for(timeout=LONG)
    # The last series' frequency may linger a moment in the rerun: waited for, not counted at once.
    expect(page.get_by_text("monthly" if frequency == "daily" else "daily")).to_have_count(0, timeout=LONG)
    assert no_exception_shown(page)
    page.close()


def test_a_model_trains_and_its_metrics_appear(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(f"{app_url}/Train")
    page.get_by_role("button", name="Train", exact=True).click(timeout=LONG)
    page.get_by_text("actual vs predicted").wait_for(timeout=LONG)
    page.get_by_text("Gap to the exact least-squares fit").wait_for(timeout=LONG)
    assert page.locator(".vega-embed").count() >= 2
    assert no_exception_shown(page)
    page.close()


def test_a_rerun_that_changes_no_setting_adds_no_step_to_the_browsers_history(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    # Each rerun put the URL through two or three changes (the page's settings without the language and the session
    # key, then each of those): as many steps of history with one address, so Back seemed to do nothing.
    page = browser.new_page()
    page.goto(f"{app_url}/Train")
    train = page.get_by_role("button", name="Train", exact=True)
    train.wait_for(timeout=LONG)
    train.click()  # the first run is kept: the session key joins the URL (one step)
    page.get_by_text("actual vs predicted").wait_for(timeout=LONG)
    page.wait_for_url(lambda url: "s" in parse_qs(urlsplit(url).query), timeout=LONG)
    page.wait_for_timeout(1500)
    steps = page.evaluate("history.length")
    train.click()
    page.get_by_text("#2 linear").first.wait_for(timeout=LONG)
    page.wait_for_timeout(1500)  # the URL changes, if any, come after the page is drawn
    assert page.evaluate("history.length") == steps
    assert no_exception_shown(page)
    page.close()


def test_each_visit_to_a_page_is_one_step_back(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    # Streamlit's navigation dropped the URL's parameters and the page put its own back, a second step of history:
    # Back from Forecast stayed on Forecast, and a second press reached the Train page.
    page = browser.new_page()
    page.goto(app_url)
    page.get_by_text("AirPassengers").first.wait_for(timeout=LONG)
    page.wait_for_timeout(1500)
    steps = page.evaluate("history.length")
    page.get_by_role("link", name="Train", exact=True).click()
    page.get_by_role("button", name="Train", exact=True).wait_for(timeout=LONG)
    page.get_by_role("link", name="Forecast", exact=True).click()
    page.get_by_role("heading", name="Forecast").first.wait_for(timeout=LONG)
    page.wait_for_timeout(1500)  # the URL changes, if any, come after the page is drawn
    assert page.evaluate("history.length") == steps + 2
    assert parse_qs(urlsplit(page.url).query)["horizon"] == ["12"]
    page.go_back()
    page.get_by_role("button", name="Train", exact=True).wait_for(timeout=LONG)
    assert urlsplit(page.url).path == "/Train" and parse_qs(urlsplit(page.url).query)["model"] == ["linear"]
    page.go_back()
    page.get_by_text("Train fraction").first.wait_for(timeout=LONG)
    assert urlsplit(page.url).path == "/"
    assert no_exception_shown(page)
    page.close()


def test_a_shared_compare_link_opens_at_its_train_fraction(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    # Only the Data and Train pages applied ?fraction=: Compare scored its baselines at 0.7 with 0.8 in the URL.
    page = browser.new_page()
    page.goto(f"{app_url}/Compare?fraction=0.8")
    page.get_by_text("Compare runs").first.wait_for(timeout=LONG)
    page.locator(NAV_LINKS).first.click(timeout=LONG)  # to Data: the split the session now has
    page.wait_for_url(lambda url: "/Compare" not in url, timeout=LONG)
    page.wait_for_url("**fraction=0.8*", timeout=LONG)  # the Data page writes the split it shows into the URL
    assert no_exception_shown(page)
    page.close()


def test_a_fresh_servers_first_visit_by_a_deep_link_goes_through_the_dashboard(browser) -> None:  # type: ignore[no-untyped-def]
    # Streamlit ran the page alone from pages/ (no session key, no language selector, the nav named "dashboard").
    with served() as url:
        page = browser.new_page()
        page.goto(f"{url}/Compare?fraction=0.8")
        page.get_by_text("Compare runs").first.wait_for(timeout=LONG)
        page.wait_for_url("**s=*", timeout=LONG)  # the session's key: dashboard.py ran
        assert "fraction=0.8" in page.url and "/Compare" in page.url
        page.locator(NAV_LINKS).get_by_text("Data", exact=True).wait_for(timeout=LONG)
        assert no_exception_shown(page)
        page.close()


def session_key(url: str) -> str:
    query = parse_qs(urlsplit(url).query)
    return query.get("s", [""])[0]


def picker(page, label: str):  # type: ignore[no-untyped-def]
    """A selectbox's input, whose value is the option it shows."""
    return page.get_by_role("combobox", name=label, exact=True)


def test_a_german_csv_shows_its_own_columns_and_survives_a_reload(browser, app_url: str,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    from playwright.sync_api import expect

    source = tmp_path / "wolf.csv"
    source.write_text("Datum;Wert\n" + "".join(f"01.{m % 12 + 1:02d}.{1749 + m // 12};{58 + m},{m % 10}\n"
                                                for m in range(24)))
    context = browser.new_context()  # one browser of several tabs
    page = context.new_page()
    page.goto(app_url)
    page.get_by_text("Series: AirPassengers.csv").wait_for(timeout=LONG)
    expect(picker(page, "Date column")).to_have_value("Month", timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(source))
    page.get_by_text("Series: wolf.csv").wait_for(timeout=LONG)
    expect(picker(page, "Date column")).to_have_value("Datum", timeout=LONG)
    expect(picker(page, "Target")).to_have_value("Wert", timeout=LONG)
    frequency = page.locator('[data-testid="stMetric"]').filter(has_text="Frequency")
    expect(frequency).to_contain_text("monthly", timeout=LONG)
    expect(page.locator(NAV_LINKS).first).to_have_text("Data")
    expect(page.locator('[data-testid="stSidebar"]')).not_to_contain_text("dashboard")
    page.wait_for_url("**s=*", timeout=LONG)  # the session's key, and nothing of the file, in the URL
    assert "wolf" not in page.url and "Datum" not in page.url
    first_key = session_key(page.url)
    page.reload()
    page.get_by_text("Series: wolf.csv").wait_for(timeout=LONG)
    expect(picker(page, "Target")).to_have_value("Wert", timeout=LONG)
    page.wait_for_url(lambda url: session_key(url) not in ("", first_key), timeout=LONG)  # a key of its own
    linked = session_key(page.url)
    page.goto(f"{app_url}/Train?s={linked}")  # a direct link to another page restores it too
    page.get_by_text("Series: wolf.csv (24 rows, monthly)").wait_for(timeout=LONG)
    assert no_exception_shown(page)
    page.wait_for_url(lambda url: session_key(url) not in ("", linked), timeout=LONG)
    tab = context.new_page()  # the same browser's second tab on this address: it took the session out of the
    tab.goto(page.url)  # store, and a reload of the first tab then said its session had expired
    tab.get_by_text("Series: wolf.csv").wait_for(timeout=LONG)
    tab.close()
    page.reload()
    page.get_by_text("Series: wolf.csv").wait_for(timeout=LONG)
    assert page.get_by_text("has expired").count() == 0
    other = browser.new_page()  # another browser, its cookies its own: the link shares settings, not the file
    other.goto(f"{app_url}/?s={session_key(page.url)}")
    other.get_by_text("opened in another browser").wait_for(timeout=LONG)
    other.get_by_text("Series: AirPassengers.csv").wait_for(timeout=LONG)
    other.close()
    shared = browser.new_page()  # a link to Train said so in a toast, gone in seconds: the room saw the wrong series
    shared.goto(f"{app_url}/Train?s={session_key(page.url)}")
    shared.get_by_test_id("stAlert").filter(has_text="opened in another browser").wait_for(timeout=LONG)
    shared.close()
    context.close()


def test_a_file_refused_on_its_detected_columns_is_read_again_with_the_ones_chosen(  # type: ignore[no-untyped-def]
        browser, app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    source = tmp_path / "report.csv"  # two report days in 'Period', the series' dates in 'Ref' (one in both periods)
    rows = (f"2024-01-0{1 + i // 10},2020-03-{min(i + (i != 10), 18):02d},{i}\n" for i in range(20))
    source.write_text("Period,Ref,y\n" + "".join(rows))
    page = browser.new_page()
    page.goto(app_url)
    page.get_by_text("Series: AirPassengers.csv").wait_for(timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(source))
    page.get_by_text("Read 'report.csv' with other columns").wait_for(timeout=LONG)
    retry = page.get_by_test_id("stExpander").filter(has_text="Read 'report.csv' with other columns")
    expect(picker(retry, "Date column")).to_have_value("Ref", timeout=LONG)  # the dates that vary, offered first
    expect(picker(retry, "Target")).to_have_value("y", timeout=LONG)
    retry.get_by_role("button", name="Read again").click()
    page.get_by_text("Series: report.csv").wait_for(timeout=LONG)
    expect(page.get_by_text("Read 'report.csv' with other columns")).to_have_count(0, timeout=LONG)
    expect(picker(page, "Date column")).to_have_count(1, timeout=LONG)  # the last series' picker may linger a moment
    expect(picker(page, "Date column")).to_have_value("Ref", timeout=LONG)
    assert page.get_by_text("Read 'report.csv' with other columns").count() == 0 and no_exception_shown(page)
    page.close()


def test_the_language_selector_turns_the_app_and_its_charts_chinese(browser, app_url: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page = browser.new_page()
    page.goto(app_url)
    page.get_by_text("Series: AirPassengers.csv").wait_for(timeout=LONG)
    picker(page, "Missing values").click()
    page.get_by_role("option", name="drop those rows").click()
    expect(picker(page, "Missing values")).to_have_value("drop those rows", timeout=LONG)
    picker(page, "Language").click()
    page.get_by_role("option", name="简体中文").click()
    expect(page.get_by_role("heading", name="时间序列回归")).to_be_visible(timeout=LONG)
    axis = page.locator('.vega-embed [aria-roledescription="axis"]').first  # Vega's SVG names each axis
    expect(axis).to_have_attribute("aria-label", re.compile("时间.*1949年1月.*1960年12月"), timeout=LONG)
    expect(picker(page, "缺失值")).to_have_value("删除这些行", timeout=LONG)  # the choice, in new words
    page.wait_for_url(re.compile(r"lang=zh"), timeout=LONG)
    page.locator(NAV_LINKS).get_by_text("训练", exact=True).click()
    expect(page.get_by_role("heading", name="训练模型")).to_be_visible(timeout=LONG)
    page.wait_for_url(re.compile(r"/Train\?.*lang=zh"), timeout=LONG)  # a shared link opens in Chinese
    assert no_exception_shown(page)
    page.close()


def test_a_long_file_trains_on_all_its_series(browser, app_url: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    source = tmp_path / "stores.csv"
    source.write_text("month,store,sales\n" + "".join(f"{2015 + m // 12}-{m % 12 + 1:02d},{store},{100 + 30 * k + m}\n"
                                                      for k, store in enumerate(("north", "south", "east"))
                                                      for m in range(48)))
    page = browser.new_page()
    page.goto(app_url)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(source))
    page.get_by_text("Series: stores.csv").wait_for(timeout=LONG)
    expect(page.get_by_text("by store: each is split, fitted and scored on its own")).to_be_visible(timeout=LONG)
    expect(picker(page, "Series shown")).to_have_value("north", timeout=LONG)
    page.locator(NAV_LINKS).get_by_text("Train", exact=True).click()
    page.get_by_role("button", name="Train on all 3 series").click(timeout=LONG)
    expect(page.get_by_text("3 series fitted, 0 skipped", exact=False)).to_be_visible(timeout=LONG)
    table = page.locator('[data-testid="stDataFrame"]').first
    expect(table).to_be_visible(timeout=LONG)
    expect(table).to_contain_text("test MAE / seasonal naive", timeout=LONG)
    expect(picker(page, "Series to draw")).to_have_value("north", timeout=LONG)
    assert no_exception_shown(page)
    page.close()


def test_stop_ends_a_run_over_all_series_and_keeps_what_finished(browser, app_url: str,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    from playwright.sync_api import expect

    source = tmp_path / "many.csv"  # 200 series: auto takes a while over them all, Stop comes first
    source.write_text("month,store,sales\n" + "".join(f"{2015 + m // 12}-{m % 12 + 1:02d},s{k},{100 + k + m + m % 12}\n"
                                                      for k in range(200) for m in range(48)))
    page = browser.new_page()
    page.goto(app_url)
    page.locator(".vega-embed").first.wait_for(timeout=LONG)
    page.locator('input[type="file"]').set_input_files(str(source))
    page.get_by_text("Series: many.csv").wait_for(timeout=LONG)
    page.locator(NAV_LINKS).get_by_text("Train", exact=True).click()
    picker(page, "Model").click()
    page.get_by_role("option", name="auto", exact=True).click()
    page.get_by_role("button", name="Train on all 200 series").click(timeout=LONG)
    page.get_by_text(re.compile(r"of 200 series done, about")).wait_for(timeout=LONG)
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(page.get_by_text(re.compile(r"\(stopped after \d+ of 200 series\)"))).to_be_visible(timeout=LONG)
    expect(page.locator('[data-testid="stDataFrame"]').first).to_contain_text("test MAE / seasonal naive")
    assert no_exception_shown(page)
    page.close()
