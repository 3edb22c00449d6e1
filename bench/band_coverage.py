"""How well auto's band holds the test rows, on many more series than the two panels of ``bench/accuracy.py``.

For every series of the six tuning sets of ``bench/auto_rules.py`` (bench44, 120 M3 monthly series, the 216
tourism series left out of the reported panel, 100 yearly, 100 quarterly and 100 other M3 series), of panel 2 (R's
datasets) and of M1 (1,001 series; both reported only, never tuned on), the app's 70/30 split and auto's whole run
(``core.evaluation.pipeline.run``): the band on the test rows comes from a backtest inside the training rows only. Per
set and per half (even and odd positions): the mean share of test rows inside the 80% and 95% bands, beside the
nominal level, and the bands' interval scores (width plus 10 or 40 times the miss, Gneiting and Raftery 2007) over
the training rows' in-sample seasonal-naive error: lower is sharper for the same coverage. The mean over series is the
proper score (a sum of proper scores, each series' scale a constant: the true quantiles minimise its expectation);
the geometric mean of the 95% score, printed too, is not: the log shrinks the large misses of the hard series, so it
favours bands narrower than the errors ask for. A panel of 20 series gives a coverage figure with a standard error of
about 3 points; these sets give one of about 1.
Run: `.venv-bench/bin/python bench/band_coverage.py [--jobs N] [--sets TAG,...]` (tags: bench44, m3, tourism, m3-yr,
m3-qtr, m3-oth, panel2, m1; all by default, about 12 minutes on 2 cores).
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
from many_accuracy import M1_FREQUENCIES, geomean, m1_panel, tourism_series


def m1_series() -> dict[str, pd.DataFrame]:
    """Every M1 series (``many_accuracy.m1_panel``), yearly, then quarterly, then monthly: reported only."""
    return {f"M1 {period} {name}": part[["ds", "y"]].reset_index(drop=True)
            for period in M1_FREQUENCIES for name, part in m1_panel(period).groupby("unique_id", sort=False)}


SETS = {"bench44": lambda: {**real_series(), **synthetic_series(), **more_series()}, "m3": m3_series,
        "tourism": lambda: tourism_series(reported=False),
        **{tag: partial(m3_other_set, tag) for tag in M3_OTHER},
        "panel2": holdout_series, "m1": m1_series}
MISS_WEIGHTS = {0.8: 2 / 0.2, 0.95: 2 / 0.05}  # the interval score's penalty per unit outside the band


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
    scale = seasonal_naive_scale(train["actual"].to_numpy(dtype=float), frequency.season_length) or 1.0
    measured = {}
    for level, suffix in ((0.8, "_80"), (0.95, "")):
        lower, upper = test[f"lower{suffix}"].to_numpy(dtype=float), test[f"upper{suffix}"].to_numpy(dtype=float)
        miss = np.maximum(lower - actual, 0) + np.maximum(actual - upper, 0)
        tag = round(level * 100)
        measured[f"cover{tag}"] = float(np.mean((actual >= lower) & (actual <= upper)))
        measured[f"score{tag}"] = float(np.mean((upper - lower) + MISS_WEIGHTS[level] * miss)) / scale
    return measured


def summary(rows: list[dict[str, float]]) -> str:
    table = pd.DataFrame(rows)
    return (f"{table['cover80'].mean():6.1%}{table['cover95'].mean():7.1%}{table['score80'].mean():7.2f}"
            f"{table['score95'].mean():7.2f}{geomean(table['score95'].to_numpy()):7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sets", default=",".join(SETS))
    options = parser.parse_args()
    warnings.filterwarnings("ignore")
    columns = f"{'80%':>6}{'95%':>7}{'s80':>7}{'s95':>7}{'gm95':>7}"
    print(f"auto's band on the test rows (nominal 80% and 95%); s80, s95: the 80% and 95% interval scores over the "
          f"in-sample seasonal-naive error, mean over series; gm95: the 95% one's geometric mean\n"
          f"{'set':>8}{'series':>7} | all{columns} | A{columns} | B{columns}")
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        for tag in options.sets.split(","):
            measured = [row for row in pool.map(measure, SETS[tag]().items(), chunksize=2) if row is not None]
            print(f"{tag:>8}{len(measured):7d} | {summary(measured)} | {summary(measured[0::2])} | "
                  f"{summary(measured[1::2])}", flush=True)


if __name__ == "__main__":
    main()
