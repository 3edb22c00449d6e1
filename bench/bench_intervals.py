"""Prediction bands: how often they hold the test rows, and how wide they are.

For every model in the model table, on AirPassengers and on synthetic seasonal series made here
from a seed, the same 70/30 split as the app: the band on the test rows comes from a backtest
inside the training rows only. Prints per series and model the share of test rows inside the 80%
and 95% bands (beside the nominal level) and the mean 95% width relative to seasonal naive's band,
then the means over series. Usage: `python bench/bench_intervals.py [--seeds N] [--models a,b]`.
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.data.frequency import infer_frequency  # noqa: E402
from core.data.tidy import load_series  # noqa: E402
from core.evaluation.metrics import interval_coverage  # noqa: E402
from core.evaluation.pipeline import RunRequest, run  # noqa: E402
from core.models.specs import model_names  # noqa: E402

warnings.filterwarnings("ignore")
LEVELS = ((0.8, "_80"), (0.95, ""))


def monthly(values: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=len(values), freq="MS"), "y": values})


def synthetic_series(seed: int) -> dict[str, pd.DataFrame]:
    """Seasonal series of known make: additive, multiplicative, a seasonal random walk, and a
    daily series with a weekly cycle and AR(1) noise."""
    rng = np.random.default_rng(seed)
    t = np.arange(144)
    pattern = 10 * np.sin(2 * np.pi * t / 12) + 4 * np.cos(4 * np.pi * t / 12)
    days = np.arange(365)
    noise = np.zeros(len(days))
    shocks = rng.standard_normal(len(days))
    for i in range(1, len(days)):
        noise[i] = 0.7 * noise[i - 1] + shocks[i]
    return {
        f"additive trend + season (seed {seed})": monthly(100 + 0.8 * t + pattern + 3 * rng.standard_normal(144)),
        f"multiplicative season (seed {seed})": monthly((50 + t) * (1 + pattern / 40)
                                                        * np.exp(0.03 * rng.standard_normal(144))),
        f"random walk + season (seed {seed})": monthly(200 + np.cumsum(2 * rng.standard_normal(144)) + pattern),
        f"daily, weekly cycle, AR(1) (seed {seed})": pd.DataFrame({
            "ds": pd.date_range("2020-01-01", periods=len(days), freq="D"),
            "y": 50 + 6 * np.sin(2 * np.pi * days / 7) + 2 * noise}),
    }


def evaluate(frame: pd.DataFrame, model: str) -> dict[str, float]:
    frequency = infer_frequency(frame["ds"])
    started = time.perf_counter()
    result = run(frame, frequency, RunRequest(model, train_fraction=0.7))
    test = result.predictions[result.predictions["split"] == "test"]
    actual = test["actual"].to_numpy(dtype=float)
    row = {"seconds": time.perf_counter() - started,
           "width": float(np.mean(test["upper"] - test["lower"]))}
    for level, suffix in LEVELS:
        row[f"cover{int(level * 100)}"] = interval_coverage(actual, test[f"lower{suffix}"].to_numpy(dtype=float),
                                                            test[f"upper{suffix}"].to_numpy(dtype=float))
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=1, help="synthetic series per kind (seeds 0..N-1)")
    parser.add_argument("--models", default=",".join(model_names()), help="comma-separated model names")
    args = parser.parse_args()
    models = [name for name in args.models.split(",") if name]
    panel = {"AirPassengers (monthly)": load_series(ROOT / "data" / "AirPassengers.csv").frame}
    for seed in range(args.seeds):
        panel.update(synthetic_series(seed))
    rows = []
    for series, frame in panel.items():
        base = evaluate(frame, "snaive")["width"]
        for model in models:
            row = evaluate(frame, model)
            rows.append({"series": series, "model": model, **row, "width / snaive": row["width"] / base})
    table = pd.DataFrame(rows)
    pd.set_option("display.width", 200)
    print("Coverage of the test rows (70/30 split) by the bands; nominal 80% and 95%")
    print(table[["series", "model", "cover80", "cover95", "width / snaive", "seconds"]].to_string(
        index=False, float_format=lambda v: f"{v:.3f}"))
    summary = table.groupby("model", sort=False)[["cover80", "cover95", "width / snaive", "seconds"]].mean()
    summary.insert(0, "nominal80", 0.80)
    summary.insert(2, "nominal95", 0.95)
    print(f"\nMeans over {len(panel)} series")
    print(summary.to_string(float_format=lambda v: f"{v:.3f}"))
    print(f"\nAll models: 80% band holds {table['cover80'].mean():.1%}, 95% band holds {table['cover95'].mean():.1%} "
          "of the test rows.")


if __name__ == "__main__":
    main()
