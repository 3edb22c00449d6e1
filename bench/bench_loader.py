"""Loader speed on a generated 1,000,000-row CSV, beside plain `pandas.read_csv` on the same file.

The loader does more than read: it sniffs the dialect, detects and parses the date column,
parses numbers, sorts, deduplicates and infers the frequency. Both are timed in the same run.
Run: `.venv/bin/python bench/bench_loader.py [rows]`.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.data.tidy import LoadOptions, load_series  # noqa: E402

REPEATS = 3


def make_csv(path: Path, rows: int) -> None:
    stamps = pd.date_range("2000-01-01", periods=rows, freq="min")
    values = 100 + np.cumsum(np.random.default_rng(0).standard_normal(rows))
    pd.DataFrame({"timestamp": stamps.strftime("%Y-%m-%d %H:%M:%S"), "value": values.round(4)}).to_csv(path, index=False)


def timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.csv"
        make_csv(path, rows)
        size_mb = path.stat().st_size / 1e6
        options = LoadOptions(max_mb=max(size_mb * 2, 1))
        plain = statistics.median(timed(lambda: pd.read_csv(path)) for _ in range(REPEATS))
        plain_dates = statistics.median(timed(lambda: pd.read_csv(path, parse_dates=["timestamp"])) for _ in range(REPEATS))
        ours = statistics.median(timed(lambda: load_series(path, options=options)) for _ in range(REPEATS))
    print(f"{rows:,} rows, {size_mb:.1f} MB, median of {REPEATS}")
    print(f"{'reader':<44}{'seconds':>9}{'vs read_csv':>13}")
    for name, seconds in (("pandas.read_csv (no date parsing)", plain),
                          ("pandas.read_csv(parse_dates=[...])", plain_dates),
                          ("core.data.tidy.load_series (detect, parse, tidy)", ours)):
        print(f"{name:<44}{seconds:>9.3f}{seconds / plain:>12.2f}x")


if __name__ == "__main__":
    main()
