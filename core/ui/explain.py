"""Plain-language descriptions of fitted models and metrics for the pages."""
from __future__ import annotations

from typing import Any

import pandas as pd

from core.data.frequency import Frequency
from core.evaluation.metrics import METRIC_NAMES

METRIC_LABELS = {"mae": "MAE", "rmse": "RMSE", "mape": "MAPE %", "smape": "sMAPE %", "mase": "MASE", "r2": "R²"}


def describe_coefficients(coefficients: dict[str, float], frequency: Frequency, target: str,
                          n_train: int | None = None) -> list[str]:
    """One sentence per coefficient of a linear model, in the target's units.

    The trend terms ``x``, ``x^k`` are per step (``RegressionForecaster.coefficients``). A straight
    trend is its change per step; a polynomial one is described by its fitted change per step (the
    derivative of ``sum_k c_k * t**k``) at the start of the training span and, given ``n_train``
    (the number of training rows), at its end, step ``n_train - 1``.
    """
    step = "step" if frequency.is_steps else frequency.name.removesuffix("ly").replace("dai", "day")
    powers = {1 if name == "x" else int(name[2:]): value for name, value in coefficients.items()
              if name == "x" or (name.startswith("x^") and name[2:].isdigit())}
    lines = [_trend_sentence(powers, step, target, n_train)] if powers else []
    for name, value in coefficients.items():
        if name == "intercept" or name == "x" or (name.startswith("x^") and name[2:].isdigit()):
            continue
        if name.startswith("x after "):
            lines.append(f"After step {name.removeprefix('x after ')}: the trend's change per {step} "
                         f"shifts by {value:+,.4g}.")
        elif "=" in name:
            part, level = name.split("=", 1)
            lines.append(f"{level}: {value:+,.4g} compared with the first {part} of the cycle.")
        elif name == "year":
            lines.append(f"Year: {value:+,.4g} per calendar year on top of the trend.")
        else:
            lines.append(f"{name}: {value:+,.4g} per unit.")
    return lines


def _trend_sentence(powers: dict[int, float], step: str, target: str, n_train: int | None) -> str:
    """The trend in words; ``powers`` maps each power ``k`` of the step index to its coefficient."""
    if max(powers) == 1:
        return f"Trend: {target} changes by {powers[1]:+,.4g} per {step}."
    start = powers.get(1, 0.0)
    text = (f"Trend (polynomial of degree {max(powers)}): {target} changes by {start:+,.4g} per {step} "
            "at the start of the training span")
    if n_train is None or n_train < 2:
        return text + "."
    last = n_train - 1
    end = sum(power * value * float(last) ** (power - 1) for power, value in powers.items())
    return text + f" and by {end:+,.4g} per {step} at its end ({last:,} {step}s later)."


def left_out_lines(params: dict[str, Any]) -> list[str]:
    """One sentence per term the model left out because the training rows cannot estimate it."""
    return [f"The {term} term was left out: {reason}." for term, reason in params.get("left_out", {}).items()]


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
