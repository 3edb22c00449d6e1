"""The session's runs: leaderboard rows and overlays for the Compare and Forecast pages."""
from __future__ import annotations

from typing import Any

import pandas as pd

from core.pipeline import RunResult

SETTING_NAMES = ("trend_degree", "calendar", "fourier_order", "hidden", "lags", "season", "optimizer", "lr",
                 "epochs", "batch", "seed", "chosen")


def run_label(index: int, result: RunResult) -> str:
    """A short unique name: ``#2 multi``."""
    return f"#{index + 1} {result.request.model}"


def describe_settings(params: dict[str, Any]) -> str:
    """The settings that matter, as ``key=value`` pairs."""
    shown = []
    for name in SETTING_NAMES:
        value = params.get(name)
        if value is None or (value in (False, 0, [], "") and name != "seed"):
            continue
        shown.append(f"{name}={value:g}" if isinstance(value, float) else f"{name}={value}")
    return ", ".join(shown)


def leaderboard(results: list[RunResult], labels: list[str]) -> pd.DataFrame:
    """One row per run: model, settings, test metrics and fit time, best test MAE first."""
    rows = []
    for label, result in zip(labels, results):
        test = result.metrics["test"]
        rows.append({"run": label, "model": result.request.model,
                     "settings": describe_settings(result.params),
                     "train fraction": result.request.train_fraction,
                     "test MAE": test["mae"], "test RMSE": test["rmse"], "test MAPE %": test["mape"],
                     "test MASE": test["mase"], "test R²": test["r2"], "fit seconds": result.fit_seconds,
                     "device": result.device})
    frame = pd.DataFrame(rows)
    return frame.sort_values("test MAE", kind="stable").reset_index(drop=True) if rows else frame


def overlay_frame(results: list[RunResult], labels: list[str], chosen: list[str]) -> pd.DataFrame:
    """Long frame ``ds, value, series`` of the actuals and the chosen runs' predictions."""
    if not results:
        return pd.DataFrame(columns=["ds", "value", "series"])
    base = results[0].predictions
    parts = [pd.DataFrame({"ds": base["ds"], "value": base["actual"], "series": "actual"}).dropna()]
    for label, result in zip(labels, results):
        if label in chosen:
            rows = result.predictions[result.predictions["split"] != "future"]
            parts.append(pd.DataFrame({"ds": rows["ds"], "value": rows["predicted"], "series": label}).dropna())
    return pd.concat(parts, ignore_index=True)

