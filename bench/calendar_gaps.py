"""auto on series with missing time stamps: filled onto the calendar (``core.models.calendar_grid``) against rows
counted as they come, beside the same series with no stamp missing, in one run.

For every series of four of ``bench/auto_rules.py``'s tuning sets (bench44's series with a calendar, 120 M3 monthly,
the 216 tourism series, 100 M3 quarterly) and of ``bench/accuracy.py``'s panel 2 (never tuned on), the 70/30 split
of the whole series; then ``GAPS_TRAIN`` time stamps drawn
from the training rows (never the first or last) and ``GAPS_TEST`` from the test rows (never the first) are removed,
with a seed per series, as an export that skips some periods would. auto is fitted on the training rows left and
forecasts the test rows left; its test MAE on them is divided by seasonal naive's on the same rows (seasonal naive
of the whole training rows, as the complete series has them). Three columns: the rows counted as they come (the
calendar not followed: ``FILLED_STAMPS_PER_ROW`` set to 1), filled onto the calendar, and the complete series (no
stamp removed, scored on the same test rows). Geometric means per set and per half (even and odd positions), and how
many series each is worse than 1.2x seasonal naive.
Run: `.venv-bench/bin/python bench/calendar_gaps.py [--jobs N] [--sets TAG,...]` (tags: bench44, m3, tourism, m3-qtr,
panel2; about 12 minutes on 2 cores).
"""
from __future__ import annotations

import argparse
import os
import warnings
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd

from accuracy import holdout_series, more_series, ordered, real_series  # this folder is on the path
from auto_rules import m3_other_set, m3_series
from many_accuracy import geomean, tourism_series

GAPS_TRAIN, GAPS_TEST = 2, 1
SETS = {"bench44": lambda: {name: frame for name, frame in {**real_series(), **more_series()}.items()
                            if pd.api.types.is_datetime64_any_dtype(frame["ds"])},
        "m3": m3_series, "tourism": lambda: tourism_series(reported=False), "m3-qtr": lambda: m3_other_set("m3-qtr"),
        "panel2": holdout_series}
WAYS = ("rows counted", "on calendar", "complete")


def measure(item: tuple[int, str, pd.DataFrame]) -> dict[str, float] | None:
    """One series: auto's test MAE over seasonal naive's, each of ``WAYS``; None where auto cannot run."""
    import core.data.frequency as rules
    from core.data.frequency import infer_frequency
    from core.models.auto import AutoForecaster

    warnings.filterwarnings("ignore")
    number, _, frame = item
    frame = ordered(frame)
    frequency = infer_frequency(frame["ds"])
    n_train = int(len(frame) * 0.7)
    rng = np.random.default_rng(number)
    dropped = np.concatenate([rng.choice(np.arange(1, n_train - 1), GAPS_TRAIN, replace=False),
                              rng.choice(np.arange(n_train + 1, len(frame)), GAPS_TEST, replace=False)])
    kept = np.setdiff1d(np.arange(len(frame)), dropped)
    train, test = frame.iloc[:n_train], frame.iloc[n_train:]
    gapped_train, gapped_test = frame.iloc[kept[kept < n_train]], frame.iloc[kept[kept >= n_train]]
    season = max(frequency.season_length, 1)
    history = train["y"].to_numpy(dtype=float)
    snaive = history[-season:][np.arange(len(test)) % season][kept[kept >= n_train] - n_train]
    actual = gapped_test["y"].to_numpy(dtype=float)
    base = float(np.mean(np.abs(snaive - actual))) or 1e-12
    scores = {}
    for way, fit_on, asked in ((WAYS[0], gapped_train, gapped_test), (WAYS[1], gapped_train, gapped_test),
                               (WAYS[2], train, test)):
        product = rules.FILLED_STAMPS_PER_ROW
        rules.FILLED_STAMPS_PER_ROW = 1.0 if way == WAYS[0] else product  # 1: no calendar is filled, rows counted
        try:
            model = AutoForecaster(seed=0).fit(fit_on.reset_index(drop=True), frequency)
            predicted = model.forecast(asked.reset_index(drop=True))
        except ValueError:
            return None
        finally:
            rules.FILLED_STAMPS_PER_ROW = product
        if way == WAYS[2]:
            predicted = predicted[kept[kept >= n_train] - n_train]
        scores[way] = float(np.mean(np.abs(predicted - actual))) / base
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sets", default=",".join(SETS))
    options = parser.parse_args()
    warnings.filterwarnings("ignore")
    print(f"auto's test MAE over seasonal naive's, {GAPS_TRAIN} stamps removed from the training rows and {GAPS_TEST} "
          "from the test rows; geometric mean (halves A, B: even and odd positions), series above 1.2x")
    print(f"{'set':>10}{'series':>8} | " + " | ".join(f"{way:>14}{'A':>7}{'B':>7}{'>1.2':>6}" for way in WAYS))
    for tag in options.sets.split(","):
        series = SETS[tag]()
        with ProcessPoolExecutor(max_workers=options.jobs) as pool:
            rows = [row for row in pool.map(measure, [(i, name, frame) for i, (name, frame) in
                                                      enumerate(series.items())], chunksize=4) if row is not None]
        table = pd.DataFrame(rows)
        cells = []
        for way in WAYS:
            values = table[way].to_numpy()
            cells.append(f"{geomean(values):14.4f}{geomean(values[0::2]):7.4f}{geomean(values[1::2]):7.4f}"
                         f"{int(np.sum(values > 1.2)):6d}")
        print(f"{tag:>10}{len(rows):8d} | " + " | ".join(cells))


if __name__ == "__main__":
    main()
