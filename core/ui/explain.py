"""Plain-language descriptions of fitted models and metrics for the pages."""
from __future__ import annotations

from typing import Any

import pandas as pd

from core.data.frequency import Frequency
from core.evaluation.metrics import METRIC_NAMES

METRIC_LABELS = {"mae": "MAE", "rmse": "RMSE", "mape": "MAPE %", "smape": "sMAPE %", "mase": "MASE", "r2": "R²"}


def describe_coefficients(coefficients: dict[str, float], frequency: Frequency, target: str) -> list[str]:
    """One sentence per coefficient of a linear model, in the target's units."""
    step = "step" if frequency.is_steps else frequency.name.removesuffix("ly").replace("dai", "day")
    lines = []
    for name, value in coefficients.items():
        if name == "intercept":
            continue
        if name == "x":
            lines.append(f"Trend: {target} changes by {value:+,.4g} per {step}.")
        elif "=" in name:
            part, level = name.split("=", 1)
            lines.append(f"{level}: {value:+,.4g} compared with the first {part} of the cycle.")
        elif name == "year":
            lines.append(f"Year: {value:+,.4g} per calendar year on top of the trend.")
        else:
            lines.append(f"{name}: {value:+,.4g} per unit.")
    return lines


def selection_summary(params: dict[str, Any]) -> str | None:
    """What a model that chooses among candidates (``auto``) chose and how, in one paragraph
    (markdown); None for models that choose nothing."""
    if params.get("chosen") is None:
        return None
    text = (f"auto chose **{params['chosen']}** (season length {params['season']}): the lowest error in a "
            f"rolling-origin backtest inside the training rows ({params.get('origins')} origins, "
            f"{params.get('backtest_horizon')} steps ahead each). The band is its 95% interval.")
    if params.get("rows_used") and params.get("skipped_rows"):
        text += (f" The history is long: auto modelled its last {params['rows_used']:,} rows "
                 f"({params['skipped_rows']:,} earlier rows left out to keep the fit fast).")
    return text


def selection_table(params: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The backtest leaderboard behind a choice, best first; None for models that choose nothing."""
    return params.get("leaderboard")


def metrics_table(metrics: dict[str, dict[str, float | None]]) -> pd.DataFrame:
    """Metrics as rows and train/test as columns; undefined values shown as text."""
    rows = {METRIC_LABELS[name]: {split: _cell(metrics[split][name]) for split in ("train", "test")}
            for name in METRIC_NAMES}
    return pd.DataFrame(rows).T


def _cell(value: float | None) -> str:
    return "undefined" if value is None else f"{value:,.4g}"
