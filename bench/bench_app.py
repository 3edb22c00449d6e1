"""Time to first chart and time from Train to results in a real browser, beside core alone.

Starts `streamlit run dashboard.py` on a free local port, drives Debian's headless Chromium with
Playwright, and times (1) opening the app until the first chart is drawn, (2) pressing Train
(default `linear` on AirPassengers) until the metrics appear. The references, measured in the same
run: the same work by core alone (load + build the chart spec; one `run` of `linear`), and a bare
Streamlit page that reads the same CSV with pandas and draws the same chart, opened the same way
(its first visit, like the app's, includes the server's cold start). Then (3) a generated
1,000,000-row hourly CSV is uploaded: from choosing the file until its split caption is on screen
(the whole file read, summarised and charted thinned), and (4) moving the train-fraction slider one
step at that size until the new split shows; the reference for both is core alone doing the same work
(load, quality summary, chart spec of the thinned series).
Run: `.venv/bin/python bench/bench_app.py` (needs /usr/bin/chromium: `make browser`).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_scale import hourly  # noqa: E402  (this folder is on the path when a bench script runs)
from core.data.quality import summarize  # noqa: E402
from core.data.tidy import load_series  # noqa: E402
from core.evaluation.split import split_boundary  # noqa: E402
from core.evaluation.pipeline import RunRequest, run  # noqa: E402
from core.ui.charts import series_chart  # noqa: E402
from tests.e2e.test_browser import CHROMIUM, CHROMIUM_FLAGS, LONG, free_port, wait_for_health  # noqa: E402

REPEATS = 3
BIG_ROWS = 1_000_000


def core_first_chart() -> float:
    started = time.perf_counter()
    series = load_series((ROOT / "data" / "AirPassengers.csv").read_bytes(), "AirPassengers.csv")
    series_chart(series.frame, series.target, series.frame["ds"].iloc[100]).to_dict()
    return time.perf_counter() - started


def core_train() -> float:
    series = load_series(ROOT / "data" / "AirPassengers.csv")
    started = time.perf_counter()
    run(series.frame, series.frequency, RunRequest("linear"))
    return time.perf_counter() - started


def write_big_file(path: Path, rows: int = BIG_ROWS) -> None:
    """``bench_scale.hourly``'s series (a slow trend, a daily cycle and noise, seeded), values to 4 decimals."""
    hourly(rows).round({"y": 4}).to_csv(path, index=False)


def core_big_file(path: Path, fraction: float = 0.7) -> float:
    """Load, summarise and chart (thinned) the big file, as the Data page does, in this process."""
    started = time.perf_counter()
    series = load_series(path.read_bytes(), path.name)
    summarize(series)
    _, boundary = split_boundary(series.frame, fraction)
    series_chart(series.frame, series.target, boundary, series.frequency).to_dict()
    return time.perf_counter() - started


def big_file_times(url: str, path: Path) -> tuple[float, float]:
    """Seconds from choosing ``path`` on the Data page until its split caption shows, and from moving
    the train-fraction slider one step until the new split shows."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        time_to_chart(page, url)
        started = time.perf_counter()
        page.locator('input[type="file"]').set_input_files(str(path))
        page.get_by_text(f"{int(BIG_ROWS * 0.7):,} rows train").wait_for(timeout=LONG)
        page.locator(".vega-embed canvas, .vega-embed svg").first.wait_for(timeout=LONG)
        uploaded = time.perf_counter() - started
        started = time.perf_counter()
        page.get_by_role("slider").first.press("ArrowRight")
        page.get_by_text(f"{int(BIG_ROWS * 0.75):,} rows train").wait_for(timeout=LONG)
        moved = time.perf_counter() - started
        browser.close()
    return uploaded, moved


def time_to_chart(page, url: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from opening ``url`` until its first chart is drawn."""
    started = time.perf_counter()
    page.goto(url)
    page.locator(".vega-embed canvas, .vega-embed svg").first.wait_for(timeout=LONG)
    return time.perf_counter() - started


def browser_times(url: str) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    first, trained = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for _ in range(REPEATS):
            page = browser.new_page()
            first.append(time_to_chart(page, url))
            page.goto(f"{url}/Train")
            button = page.get_by_role("button", name="Train", exact=True)
            button.wait_for(timeout=LONG)
            started = time.perf_counter()
            button.click()
            page.get_by_text("Gap to the exact least-squares fit").first.wait_for(timeout=LONG)
            trained.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return first, trained


BARE_PAGE = """
import sys
sys.path.insert(0, {root!r})
import pandas as pd
import streamlit as st
from core.ui.charts import series_chart
frame = pd.read_csv({csv!r}, parse_dates=[0])
frame.columns = ["ds", "y"]
st.altair_chart(series_chart(frame, "#Passengers", frame["ds"].iloc[100]), width="stretch")
"""


def serve(script: Path, work: Path, action):  # type: ignore[no-untyped-def]
    """Run ``action(url)`` against ``streamlit run script`` on a free port, then stop the server."""
    import subprocess

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
                               "--server.port", str(port), "--browser.gatherUsageStats", "false"],
                              cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_health(f"http://127.0.0.1:{port}", server)
        return action(f"http://127.0.0.1:{port}")
    finally:
        server.terminate()


def first_chart_times(url: str) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for _ in range(REPEATS):
            page = browser.new_page()
            times.append(time_to_chart(page, url))
            page.close()
        browser.close()
    return times


def main() -> None:
    import tempfile

    first, trained = serve(ROOT / "dashboard.py", ROOT, browser_times)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "hourly.csv"
        write_big_file(big)
        uploaded, moved = serve(ROOT / "dashboard.py", ROOT, lambda url: big_file_times(url, big))
        reference_big = core_big_file(big)
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE_PAGE.format(root=str(ROOT), csv=str(ROOT / "data" / "AirPassengers.csv")))
        bare_first = serve(bare, Path(folder), first_chart_times)
    core_train()  # warm-up: torch's first-call set-up
    reference_chart = statistics.median(core_first_chart() for _ in range(REPEATS))
    reference_train = statistics.median(core_train() for _ in range(REPEATS))
    print(f"AirPassengers, median of {REPEATS}; first browser visit includes the server's cold start")
    print(f"{'step':<34}{'browser s':>11}{'core alone s':>14}{'ratio':>8}")
    for name, browser_s, core_s in (("open app -> first chart", statistics.median(first), reference_chart),
                                    ("press Train -> metrics (linear)", statistics.median(trained), reference_train)):
        print(f"{name:<34}{browser_s:>11.3f}{core_s:>14.4f}{browser_s / core_s:>8.0f}x")
    print(f"{BIG_ROWS:,}-row hourly CSV: upload -> split shown {uploaded:.2f} s (core alone: load + summary + chart "
          f"{reference_big:.2f} s, {uploaded / reference_big:.1f}x); slider step -> new split {moved:.2f} s")
    print(f"first visits: {', '.join(f'{s:.2f}' for s in first)} s")
    print(f"first chart after a server start: app {first[0]:.2f} s | bare Streamlit page, same chart {bare_first[0]:.2f} s "
          f"| ratio {first[0] / bare_first[0]:.2f}x (goal <= 1.5x); warm visits: app {statistics.median(first[1:]):.2f} s "
          f"| bare {statistics.median(bare_first[1:]):.2f} s")


if __name__ == "__main__":
    main()
