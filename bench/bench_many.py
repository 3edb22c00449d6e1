"""Many series: series per second and peak memory of `python -m core fit` on a long file, with one job,
every core and a Dask LocalCluster, side by side, and whether each gives the one-job numbers exactly.

Synthetic monthly series of 120 months (trend, a yearly cycle, noise; levels and slopes drawn per series,
seeded). Each configuration is a fresh CLI process, timed from start to exit (``wall``) and by the CLI
itself (``fit``: load, split, fit every series, summarise; worker start-up included). Peak memory is the
largest total memory of the CLI's process tree (the CLI and its workers; proportional set size, so
pages the workers share count once), sampled every 100 ms.

Run: `.venv/bin/python bench/bench_many.py [--models linear,ar,auto] [--sizes 100,1000] [--huge]`
(`--huge` adds 10,000 series for `linear`; `auto` at 1,000 series takes long on a few cores).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parent.parent
MONTHS = 120
HUGE = 10_000
SAMPLE_SECONDS = 0.1


@dataclass(frozen=True)
class Measure:
    wall: float
    fit: float
    peak_mb: float
    predictions: bytes
    failed: int


def synthetic_file(folder: Path, series: int, months: int = MONTHS) -> Path:
    """A long CSV: month, unique_id, y; ``series`` series of ``months`` rows each."""
    path = folder / f"long_{series}.csv"
    if path.exists():
        return path
    rng = np.random.default_rng(series)
    t = np.arange(months)
    level, slope = rng.uniform(50, 500, (series, 1)), rng.uniform(-0.5, 2.0, (series, 1))
    season = rng.uniform(0, 30, (series, 1)) * np.sin(2 * np.pi * (t + rng.integers(0, 12, (series, 1))) / 12)
    values = level + slope * t + season + rng.normal(0, 5, (series, months))
    dates = pd.date_range("2010-01-01", periods=months, freq="MS").strftime("%Y-%m")
    frame = pd.DataFrame({"month": np.tile(dates, series), "unique_id": np.repeat([f"s{i}" for i in range(series)], months),
                          "y": np.round(values.ravel(), 3)})
    frame.to_csv(path, index=False)
    return path


def tree_memory(process: psutil.Process) -> int:
    """Memory of a process and all its descendants, in bytes: proportional set size where the system
    reports it (pages shared by forked workers count once in all), else resident set size."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            info = member.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:  # a process that just ended
            pass
    return total


def measure(source: Path, model: str, engine: list[str], folder: Path, device: str) -> Measure:
    """Run the CLI once; wall time, its own total seconds, peak tree memory, the predictions' bytes."""
    out, metrics = folder / "p.csv", folder / "m.json"
    command = [sys.executable, "-m", "core", "fit", str(source), "--id-col", "unique_id", "--model", model,
               "--device", device, *engine, "--out", str(out), "--json", str(metrics)]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, watched = [0], psutil.Process(child.pid)

    def sample() -> None:
        while child.poll() is None:
            try:
                peak[0] = max(peak[0], tree_memory(watched))
            except psutil.Error:
                break
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = child.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {errors.strip()}")
    summary = json.loads(metrics.read_text())["summary"]
    return Measure(wall=wall, fit=summary["total_seconds"], peak_mb=peak[0] / 2**20,
                   predictions=out.read_bytes(), failed=summary["failed"])


def engines(jobs: int) -> dict[str, list[str]]:
    return {"1 job": ["--jobs", "1"], f"{jobs} jobs": ["--jobs", str(jobs)],
            f"dask {jobs}": ["--engine", "dask", "--jobs", str(jobs)]}


def row(model: str, series: int, results: dict[str, Measure]) -> str:
    reference = next(iter(results.values()))
    cells = []
    for name, result in results.items():
        same = "=" if result.predictions == reference.predictions else "DIFF"
        cells.append(f"{name:>9}: {series / result.wall:7.1f}/s wall {series / result.fit:7.1f}/s fit "
                     f"{result.peak_mb:6.0f} MB {same:>4}")
    return f"{model:>6} {series:>6} | " + " | ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="linear,ar,auto")
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--huge", action="store_true", help=f"add {HUGE:,} series for linear")
    parser.add_argument("--device", default="cpu", help="cpu (default: one small series per GPU call and a CUDA "
                        "context per worker cost more than they give), or auto / cuda")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="workers of the parallel runs")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    plan = [(model, size) for model in args.models.split(",") for size in sizes]
    plan += [("linear", HUGE)] if args.huge else []
    print(f"{MONTHS}-month series; series per second by wall time (process start to exit) and by the CLI's own "
          f"total; peak memory (PSS) of the CLI and its workers; '=' when the predictions equal the 1-job run's byte for byte. "
          f"{os.cpu_count()} cores.")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for model, size in plan:
            source = synthetic_file(folder, size)
            results = {name: measure(source, model, engine, folder, args.device) for name, engine in engines(args.jobs).items()}
            print(row(model, size, results), flush=True)


if __name__ == "__main__":
    main()
