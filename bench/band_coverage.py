"""How well auto's band holds the test rows, on many more series than the two panels of ``bench/accuracy.py``.

For every series of the six tuning sets of ``bench/auto_rules.py`` (bench44, 120 M3 monthly series, the 216
tourism series left out of the reported panel, 100 yearly, 100 quarterly and 100 other M3 series) and of panel 2
(R's datasets, reported only), the app's 70/30 split and auto's whole run (``core.evaluation.pipeline.run``): the
band on the test rows comes from a backtest inside the training rows only. Per set and per half (even and odd
positions): the mean share of test rows inside the 80% and 95% bands, beside the nominal level, and the 95% band's
interval score (width plus 40 times the miss, Gneiting and Raftery 2007) over the training rows' in-sample
seasonal-naive error, as a geometric mean over series: lower is sharper for the same coverage. A panel of 20 series
gives a coverage figure with a standard error of about 3 points; these sets give one of about 1.
Run: `.venv-bench/bin/python bench/band_coverage.py [--jobs N] [--sets bench44,m3,tourism,m3-yr,m3-qtr,m3-oth,panel2]`.
"""
from __future__ import annotations

import argparse
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from functools import partial

import numpy as np
import pandas as pd

from accuracy import holdout_series, more_series, ordered, real_series, synthetic_series  # this folder is on the path
from auto_rules import M3_OTHER, m3_other_set, m3_series
from many_accuracy import geomean, tourism_series

SETS = {"bench44": lambda: {**real_series(), **synthetic_series(), **more_series()}, "m3": m3_series,
        "tourism": lambda: tourism_series(reported=False),
        **{tag: partial(m3_other_set, tag) for tag in M3_OTHER},
        "panel2": holdout_series}
MISS_WEIGHT = 2 / 0.05  # the 95% interval score's penalty per unit outside the band


def measure(item: tuple[str, pd.DataFrame]) -> dict[str, float] | None:
    """One series: coverage of auto's 80% and 95% bands on the test rows and its scaled interval score;
    None when auto cannot run on it."""
    from core.data.frequency import infer_frequency
    from core.evaluation.metrics import seasonal_naive_scale
    from core.evaluation.pipeline import RunRequest, run

    warnings.filterwarnings("ignore")
    _, frame = item
    frame = ordered(frame)
    frequency = infer_frequency(frame["ds"])
    try:
        result = run(frame, frequency, RunRequest("auto", train_fraction=0.7))
    except ValueError:
        return None
    rows = result.predictions
    train, test = rows[rows["split"] == "train"], rows[rows["split"] == "test"]
    actual = test["actual"].to_numpy(dtype=float)
    lower, upper = test["lower"].to_numpy(dtype=float), test["upper"].to_numpy(dtype=float)
    score = (upper - lower) + MISS_WEIGHT * (np.maximum(lower - actual, 0) + np.maximum(actual - upper, 0))
    scale = seasonal_naive_scale(train["actual"].to_numpy(dtype=float), frequency.season_length) or 1.0
    return {"cover80": float(np.mean((actual >= test["lower_80"]) & (actual <= test["upper_80"]))),
            "cover95": float(np.mean((actual >= lower) & (actual <= upper))),
            "score95": float(np.mean(score)) / scale}


def summary(rows: list[dict[str, float]]) -> str:
    table = pd.DataFrame(rows)
    return (f"{table['cover80'].mean():6.1%}{table['cover95'].mean():7.1%}"
            f"{geomean(table['score95'].to_numpy()):8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sets", default=",".join(SETS))
    options = parser.parse_args()
    warnings.filterwarnings("ignore")
    print(f"auto's band on the test rows (nominal 80% and 95%); score: the 95% interval score over the in-sample "
          f"seasonal-naive error, geometric mean\n{'set':>8}{'series':>7} | {'all: 80%':>8}{'95%':>7}{'score':>8} | "
          f"{'A: 80%':>8}{'95%':>7}{'score':>8} | {'B: 80%':>8}{'95%':>7}{'score':>8}")
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        for tag in options.sets.split(","):
            measured = [row for row in pool.map(measure, SETS[tag]().items(), chunksize=2) if row is not None]
            print(f"{tag:>8}{len(measured):7d} | {summary(measured)} | {summary(measured[0::2])} | "
                  f"{summary(measured[1::2])}", flush=True)


if __name__ == "__main__":
    main()
