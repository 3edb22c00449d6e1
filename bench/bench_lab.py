"""Time of each learning-lab panel with its default settings, on AirPassengers.

Reference measured in the same run: one default `linear` fit through the pipeline, so each panel
reads as a multiple of an ordinary training run on this machine.
Run: `.venv/bin/python bench/bench_lab.py`.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.data.tidy import load_series  # noqa: E402
from core.evaluation.pipeline import RunRequest, run  # noqa: E402
from core.lab.panels import LabSettings, run_lab  # noqa: E402

REPEATS = 3


def main() -> None:
    series = load_series(Path(__file__).resolve().parent.parent / "data" / "AirPassengers.csv")
    run(series.frame, series.frequency, RunRequest("linear"))  # warm-up: torch's first-call set-up
    timings = [run_lab(series.frame, series.frequency, LabSettings()).seconds for _ in range(REPEATS)]
    reference = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        run(series.frame, series.frequency, RunRequest("linear"))
        reference.append(time.perf_counter() - started)
    ref = statistics.median(reference)
    print(f"AirPassengers, default lab settings, median of {REPEATS}")
    print(f"{'panel':<14}{'seconds':>10}{'x linear fit':>14}")
    for panel in timings[0]:
        seconds = statistics.median(t[panel] for t in timings)
        print(f"{panel:<14}{seconds:>10.3f}{seconds / ref:>14.0f}")
    total = statistics.median(sum(t.values()) for t in timings)
    print(f"{'all panels':<14}{total:>10.3f}{total / ref:>14.0f}")
    print(f"{'linear fit':<14}{ref:>10.4f}{1:>14}")


if __name__ == "__main__":
    main()
