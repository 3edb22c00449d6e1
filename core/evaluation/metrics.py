"""Accuracy metrics in original units. Undefined values are ``None``, never inf or NaN."""
from __future__ import annotations

import math

import numpy as np

METRIC_NAMES = ("mae", "rmse", "mape", "smape", "mase", "r2")
# "Both 0" for sMAPE: below this fraction of the largest actual (or of 1 when all are 0). Training leaves noise well
# above 1e-12 of the target's size (an MLP predicted ±1e-11 at actuals of 0, and sMAPE said 200% at each), and float32
# networks more; a millionth of the largest value is no error anyone would read.
_ROUNDING = 1e-6
# An error within this fraction of the values' size is rounding, and counts as none: in the scores (an exact linear fit
# of a straight line scored a test MAE of 1.895e-15, and the page wrote it so) and in the band's check (an exact fit's
# band missed by 1e-14). Not more: a series at 1e12 whose forecasts miss by hundreds has real errors.
ROUNDING_SLACK = 1e-12


def regression_metrics(actual: np.ndarray, predicted: np.ndarray, scale: float | None) -> dict[str, float | None]:
    """MAE, RMSE, MAPE %, sMAPE %, MASE and R^2 over rows where both values exist.

    Parameters
    ----------
    actual, predicted : np.ndarray, shape (n,)
    scale : in-sample MAE of the seasonal-naive forecast on the training rows (MASE's divisor);
        ``None`` or 0 leaves MASE undefined.

    Errors within ``ROUNDING_SLACK`` of the values' size count as 0. MAPE is undefined (``None``) when any actual is 0;
    sMAPE counts a row where both are 0 (up to rounding) as exact, as statsforecast's utilsforecast does: a forecast of
    0 for an intermittent series' 0 is right, not left out.
    """
    keep = np.isfinite(actual) & np.isfinite(predicted)
    a, p = actual[keep], predicted[keep]
    if len(a) == 0:
        return {name: None for name in METRIC_NAMES}
    error = p - a
    error[np.abs(error) <= rounding(a, p)] = 0.0
    mae = float(np.mean(np.abs(error)))
    denominator = np.abs(a) + np.abs(p)
    # "Both 0" up to rounding: a model of an all-zero series predicts 1e-17, not 0 (sMAPE would say 200%).
    nonzero = denominator > _ROUNDING * (float(np.max(np.abs(a))) or 1.0)
    smape = float(np.mean(np.where(nonzero, 2 * np.abs(error) / np.where(nonzero, denominator, 1.0), 0.0)) * 100)
    spread = float(np.sum((a - a.mean()) ** 2))
    return {
        "mae": mae,
        "rmse": float(math.sqrt(np.mean(error ** 2))),
        "mape": float(np.mean(np.abs(error / a)) * 100) if np.all(a != 0) else None,
        "smape": smape,
        "mase": mae / scale if scale else None,
        "r2": 1 - float(np.sum(error ** 2)) / spread if spread > 0 else None,
    }


def seasonal_naive_scale(train_values: np.ndarray, season: int, places: np.ndarray | None = None) -> float | None:
    """Mean absolute change over one season within the training rows (falls back to one step), over the pairs of
    values the file gave: NaN marks a value it left blank (filled for the models, never scored). ``places``: each
    row's place on its calendar where time stamps are missing (``frequency.calendar_places``), so that a change pairs
    values a season apart, not rows (two months missing paired each row with the month 14 before). None where it is
    rounding (``ROUNDING_SLACK`` of the values' size): an hourly sine repeating its day exactly had a scale of 1.6e-14
    and a MASE of 2.8e14."""
    if places is not None and len(places) == len(train_values) and len(places):
        spread = np.full(int(places[-1]) + 1, np.nan)
        spread[places] = train_values
        # no two values a season (or a step) apart on the calendar: the rows' changes, as without one
        return (seasonal_naive_scale(spread, season) or seasonal_naive_scale(spread, 1)
                or seasonal_naive_scale(train_values, season))
    lag = season if len(train_values) > season else 1
    if len(train_values) <= lag:
        return None
    changes = np.abs(train_values[lag:] - train_values[:-lag])
    changes = changes[np.isfinite(changes)]
    scale = float(np.mean(changes)) if len(changes) else 0.0
    finite = train_values[np.isfinite(train_values)]
    return scale if len(finite) and scale > rounding(finite) else None


def interval_coverage(actual: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> float | None:
    """Share of the rows with an actual and a band whose actual lies within ``[lower, upper]``, give or take rounding
    (``ROUNDING_SLACK`` of the values' size: an exact fit's band missed values by 1e-14 and held 93% of them);
    None when no row has both."""
    keep = np.isfinite(actual) & np.isfinite(lower) & np.isfinite(upper)
    if not keep.any():
        return None
    a, low, high = actual[keep], lower[keep], upper[keep]
    slack = rounding(a, low, high)
    return float(np.mean((a >= low - slack) & (a <= high + slack)))


def rounding(*values: np.ndarray) -> float:
    """The largest difference among ``values`` that is rounding: ``ROUNDING_SLACK`` of their largest size."""
    return ROUNDING_SLACK * float(np.max(np.abs(np.concatenate(values))))
