"""The data-quality panel: span, missing values, duplicates, gaps and suspected outliers."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.data.tidy import LoadedSeries

OUTLIER_Z = 3.5  # modified z-score (Iglewicz & Hoaglin) above which a point is suspect


@dataclass(frozen=True)
class QualitySummary:
    rows: int
    start: str
    end: str
    missing_filled: int
    rows_dropped: int
    duplicate_rows: int
    duplicate_stamps: int
    gaps: int
    outliers: pd.DataFrame


def format_stamp(value: object, frequency: Frequency) -> str:
    """A time stamp as short as its frequency allows: ``1949-01`` for monthly data."""
    if frequency.is_steps:
        return str(value)
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    if frequency.name in ("monthly", "quarterly"):
        return stamp.strftime("%Y-%m")
    if frequency.name == "yearly":
        return stamp.strftime("%Y")
    if stamp == stamp.normalize():
        return stamp.strftime("%Y-%m-%d")
    return stamp.strftime("%Y-%m-%d %H:%M")


def suspected_outliers(frame: pd.DataFrame, season: int) -> pd.DataFrame:
    """Rows far from a rolling-median trend plus a median seasonal pattern.

    Works on log values when the series is positive (so growing seasonal swings are not flagged);
    returns ``ds``, ``y`` and the robust ``score`` of each suspect row.
    """
    y = frame["y"].astype(float)
    values = np.log(y) if (y > 0).all() else y
    window = max(season, 6) + 1
    detrended = values - values.rolling(window, center=True, min_periods=1).median()
    position = np.arange(len(values)) % max(season, 1)
    residual = detrended - detrended.groupby(position).transform("median")
    spread = 1.4826 * float(np.median(np.abs(residual - residual.median())))
    if spread <= 0:
        return frame.iloc[0:0][["ds", "y"]].assign(score=[])
    score = (residual - residual.median()) / spread
    suspects = np.abs(score) > OUTLIER_Z
    return frame.loc[suspects, ["ds", "y"]].assign(score=score[suspects].round(1))


def summarize(series: LoadedSeries) -> QualitySummary:
    frame, report = series.frame, series.report
    return QualitySummary(
        rows=len(frame), start=format_stamp(frame["ds"].iloc[0], series.frequency),
        end=format_stamp(frame["ds"].iloc[-1], series.frequency), missing_filled=report.missing_filled,
        rows_dropped=report.rows_dropped, duplicate_rows=report.duplicate_rows_dropped,
        duplicate_stamps=report.duplicate_stamps_aggregated, gaps=report.gaps,
        outliers=suspected_outliers(frame, series.frequency.season_length))
