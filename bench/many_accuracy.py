"""Many real series through the command line: `auto` over every column of a wide file, against
statsforecast on the same per-series split, with the wall time of each on the same cores.

The panel: US employment by industry (vega_datasets, monthly 2006-2015, 120 months), its 21 industry
columns (not the nonfarm total or its change) in one wide CSV. `python -m core fit FILE --target all --model auto --jobs N` (the app's own
environment, .venv) against statsforecast's AutoETS, AutoARIMA, AutoTheta and SeasonalNaive, each run
with `StatsForecast(n_jobs=N)` on the same first 70% of every series (season length 12 for all);
score: test MAE relative to seasonal naive, geometric mean over the series. Seven of these columns are
among the series auto's rules were chosen on (bench/accuracy.py, ``more_series``); the geometric mean
is also given without them.
Run: `.venv-bench/bin/python bench/many_accuracy.py [--jobs N]` (needs .venv and .venv-bench).
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
warnings.filterwarnings("ignore")


def wide_panel() -> pd.DataFrame:
    from vega_datasets import local_data

    jobs = local_data.us_employment()
    columns = [col for col in jobs.columns if col not in ("month", "nonfarm", "nonfarm_change")]
    return pd.DataFrame({"month": pd.to_datetime(jobs["month"]).dt.strftime("%Y-%m"), **{col: jobs[col] for col in columns}})


def run_auto(path: Path, folder: Path, jobs: int) -> tuple[dict[str, float], float, dict[str, int]]:
    """Relative test MAE per series, wall seconds, and each series' number of training rows."""
    out, metrics = folder / "p.csv", folder / "m.json"
    started = time.perf_counter()
    subprocess.run([str(APP_PYTHON), "-m", "core", "fit", str(path), "--target", "all", "--model", "auto",
                    "--jobs", str(jobs), "--out", str(out), "--json", str(metrics)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    entries = json.loads(metrics.read_text())["series"]
    predictions = pd.read_csv(out)
    train_rows = predictions[predictions["split"] == "train"].groupby("unique_id").size().to_dict()
    return {e["unique_id"]: e.get("test_mae_vs_snaive") or math.nan for e in entries}, wall, train_rows


def long_frame(wide: pd.DataFrame) -> pd.DataFrame:
    frame = wide.melt(id_vars="month", var_name="unique_id", value_name="y")
    frame["ds"] = pd.to_datetime(frame["month"])
    return frame[["unique_id", "ds", "y"]]


def run_statsforecast(frame: pd.DataFrame, train_rows: dict[str, int], jobs: int) -> dict[str, tuple[dict[str, float], float]]:
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA, AutoETS, AutoTheta, SeasonalNaive

    parts = {uid: part.reset_index(drop=True) for uid, part in frame.groupby("unique_id", sort=False)}
    train = pd.concat([part.iloc[:train_rows[uid]] for uid, part in parts.items()], ignore_index=True)
    horizon = max(len(part) - train_rows[uid] for uid, part in parts.items())
    results = {}
    for model in (AutoETS(season_length=SEASON), AutoARIMA(season_length=SEASON), AutoTheta(season_length=SEASON),
                  SeasonalNaive(season_length=SEASON)):
        started = time.perf_counter()
        forecast = StatsForecast(models=[model], freq="MS", n_jobs=jobs).forecast(df=train, h=horizon)
        seconds = time.perf_counter() - started
        column = [col for col in forecast.columns if col not in ("unique_id", "ds")][0]
        results[column] = ({uid: float(np.mean(np.abs(forecast[forecast["unique_id"] == uid][column].to_numpy()[
            :len(part) - train_rows[uid]] - part["y"].to_numpy()[train_rows[uid]:]))) for uid, part in parts.items()},
            seconds)
    naive = results["SeasonalNaive"][0]
    return {name: ({uid: mae / naive[uid] if naive[uid] else math.nan for uid, mae in maes.items()}, seconds)
            for name, (maes, seconds) in results.items()}


def geomean(values: list[float]) -> float:
    """``accuracy.geometric_mean`` of a list: over the finite, positive values."""
    return geometric_mean(pd.Series(values, dtype=float))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    jobs = parser.parse_args().jobs
    wide = wide_panel()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        path = folder / "employment.csv"
        wide.to_csv(path, index=False)
        auto, auto_seconds, train_rows = run_auto(path, folder, jobs)
    # statsforecast's numba kernels compile on first use: warm them so compilation is not counted.
    run_statsforecast(long_frame(wide.iloc[:, :2]), {wide.columns[1]: int(len(wide) * 0.7)}, 1)
    methods = {"auto": (auto, auto_seconds), **run_statsforecast(long_frame(wide), train_rows, jobs)}
    series = list(auto)
    untuned = [uid for uid in series if uid not in TUNED]
    print(f"{len(series)} monthly series of {len(wide)} months (US employment by industry), 70/30 split per series, "
          f"{jobs} jobs; test MAE relative to seasonal naive")
    print(f"{'method':<14}{'geo-mean':>10}{'untuned':>10}{'worst':>8}{'wall s':>9}")
    for name, (scores, seconds) in methods.items():
        values = [scores[uid] for uid in series]
        print(f"{name:<14}{geomean(values):10.3f}{geomean([scores[u] for u in untuned]):10.3f}"
              f"{max(values):8.2f}{seconds:9.1f}")
    best = min(geomean([methods[m][0][u] for u in series]) for m in ("AutoETS", "AutoARIMA", "AutoTheta"))
    print(f"auto / best of AutoETS, AutoARIMA, AutoTheta: {geomean([auto[u] for u in series]) / best:.3f}; "
          f"auto wall / AutoARIMA wall: {auto_seconds / methods['AutoARIMA'][1]:.2f} (auto's includes starting the CLI)")


if __name__ == "__main__":
    main()
