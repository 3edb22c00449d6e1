"""Speed at every scale, each figure beside a reference measured in the same run.

1. First answer: wall time of `python -m core fit data/AirPassengers.csv --model linear` against a
   bare `python -c "import torch, pandas"` (median of a few runs each, fresh processes).
2. A million rows (hourly, trend plus a daily cycle): `linear`'s gradient-trained fit (the
   forecaster's ``fit``, as the Train page and the CLI call it) against NumPy least squares on the
   same design, and its gap to least squares; the whole `run` (split, fit, metrics, band) too.
3. Loading the same million rows from CSV against `pandas.read_csv(parse_dates=[0])`.

Run: `.venv/bin/python bench/bench_scale.py [rows]`. Ratios matter, not seconds: the machines are noisy.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.data.frequency import infer_frequency  # noqa: E402
from core.data.tidy import load_series  # noqa: E402
from core.evaluation.pipeline import RunRequest, run  # noqa: E402
from core.models.specs import ModelSettings, build_forecaster  # noqa: E402
from core.training.least_squares import ridge_objective  # noqa: E402

REPEATS = 3


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def median_of(action, repeats: int = REPEATS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def first_answer() -> None:
    python = sys.executable
    bare = statistics.median(wall([python, "-c", "import torch, pandas"]) for _ in range(REPEATS))
    cli = statistics.median(wall([python, "-m", "core", "fit", "data/AirPassengers.csv", "--model", "linear"])
                            for _ in range(REPEATS))
    print(f"first answer   CLI linear on AirPassengers {cli:6.2f} s | bare import torch, pandas {bare:6.2f} s "
          f"| ratio {cli / bare:5.2f}x (goal <= 1.5x)")


def hourly(rows: int) -> pd.DataFrame:
    t = np.arange(rows)
    y = 100 + 0.001 * t + 10 * np.sin(2 * np.pi * t / 24) + np.random.default_rng(0).normal(0, 1, rows)
    return pd.DataFrame({"ds": pd.date_range("1900-01-01", periods=rows, freq="h"), "y": y})


def million_rows(frame: pd.DataFrame) -> None:
    frequency = infer_frequency(frame["ds"])
    train = frame.iloc[: int(len(frame) * 0.7)]
    steps = np.arange(len(train), dtype=float)
    design = np.column_stack([steps, np.ones(len(train))])
    y = train["y"].to_numpy(dtype=float)
    lstsq = median_of(lambda: np.linalg.lstsq(design, y, rcond=None))
    forecaster = build_forecaster("linear", ModelSettings(), frequency)
    forecaster.fit(train.iloc[:1000], frequency)  # warm the kernels once, as a running app would be
    fit = median_of(lambda: build_forecaster("linear", ModelSettings(), frequency).fit(train, frequency))
    fitted = build_forecaster("linear", ModelSettings(), frequency).fit(train, frequency)
    whole = median_of(lambda: run(frame, frequency, RunRequest("linear")), repeats=1)
    result = run(frame, frequency, RunRequest("linear"))
    exact = ridge_objective(steps[:, None], y)
    print(f"{len(frame):,} rows  linear fit {fit:6.3f} s | numpy lstsq {lstsq:6.3f} s | ratio {fit / lstsq:5.1f}x "
          f"(goal <= 5x); gap to least squares {result.closed_form_gap:.1e} (goal <= 1e-6); "
          f"reference MSE {exact:.4f}; whole run (split, fit, metrics, band) {whole:6.2f} s")
    del fitted


def loading(frame: pd.DataFrame) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hourly.csv"
        frame.assign(ds=frame["ds"].dt.strftime("%Y-%m-%d %H:%M:%S")).rename(
            columns={"ds": "timestamp", "y": "load"}).to_csv(path, index=False)
        pandas = median_of(lambda: pd.read_csv(path, parse_dates=[0]))
        ours = median_of(lambda: load_series(path))
        print(f"loading        loader {ours:6.3f} s | pandas.read_csv(parse_dates=[0]) {pandas:6.3f} s "
              f"| ratio {ours / pandas:5.2f}x (goal <= 2x)")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    first_answer()
    frame = hourly(rows)
    million_rows(frame)
    loading(frame)


if __name__ == "__main__":
    main()
