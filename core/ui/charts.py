"""Altair charts as pure functions of frames, testable without a browser."""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.ui.downsample import lttb_indices

MAX_DRAWN_POINTS = 4000
ACTUAL_COLOR = "#4c78a8"
SPLIT_COLORS = {"train": "#f58518", "test": "#e45756", "future": "#54a24b"}
BAND_COLOR = "#9e9e9e"
BAND_LABEL = "95% prediction interval"


def is_thinned(rows: int) -> bool:
    """Whether a chart of this many rows draws a thinned copy."""
    return rows > MAX_DRAWN_POINTS


def thin_for_drawing(frame: pd.DataFrame, value: str = "y") -> tuple[pd.DataFrame, bool]:
    """At most ``MAX_DRAWN_POINTS`` rows chosen by LTTB; ``True`` when rows were dropped."""
    if not is_thinned(len(frame)):
        return frame, False
    x = _numeric_axis(frame["ds"])
    keep = lttb_indices(x, frame[value].to_numpy(dtype=float), MAX_DRAWN_POINTS)
    return frame.iloc[keep], True


def _numeric_axis(ds: pd.Series) -> np.ndarray:
    if pd.api.types.is_datetime64_any_dtype(ds):
        return ds.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
    return ds.to_numpy(dtype=float)


# Axis labels (d3 time format) and table formats (moment.js, for st.column_config) at each frequency's resolution.
_TIME_FORMATS = {"yearly": ("%Y", "YYYY"), "quarterly": ("%Y-%m", "YYYY-MM"), "monthly": ("%b %Y", "YYYY-MM"),
                 "weekly": ("%Y-%m-%d", "YYYY-MM-DD"), "daily": ("%Y-%m-%d", "YYYY-MM-DD"),
                 "business-daily": ("%Y-%m-%d", "YYYY-MM-DD")}
_FINE_FORMATS = ("%b %d %H:%M", "YYYY-MM-DD HH:mm")


def time_formats(frequency: Frequency) -> tuple[str, str]:
    """(axis label format, table format) showing a time stamp at the series' resolution."""
    return _TIME_FORMATS.get(frequency.name, _FINE_FORMATS)


def _x(ds: pd.Series, title: str = "time", frequency: Frequency | None = None) -> alt.X:
    if not pd.api.types.is_datetime64_any_dtype(ds):
        return alt.X("ds", type="quantitative", title=title if frequency is None else "step")
    axis = alt.Axis(format=time_formats(frequency)[0], labelOverlap=True) if frequency else alt.Axis(labelOverlap=True)
    return alt.X("ds", type="temporal", title=title, axis=axis)


def _split_scale(splits: object) -> alt.Scale:
    """Colours of the splits present in the data only, so a legend never lists an absent split."""
    present = [name for name in SPLIT_COLORS if name in set(splits)]  # type: ignore[call-overload]
    return alt.Scale(domain=present, range=[SPLIT_COLORS[name] for name in present])


def _band_layer(band: pd.DataFrame, x: alt.X, label: str) -> alt.Chart:
    """A shaded interval between ``lower`` and ``upper``, named in its own legend entry."""
    return alt.Chart(band.assign(band=label)).mark_area(opacity=0.3).encode(
        x=x, y="lower:Q", y2="upper:Q",
        fill=alt.Fill("band:N", scale=alt.Scale(range=[BAND_COLOR]), title=None),
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("lower:Q", format=",.4g"),
                 alt.Tooltip("upper:Q", format=",.4g")])


def series_chart(frame: pd.DataFrame, target: str, boundary: object | None = None,
                 frequency: Frequency | None = None) -> alt.LayerChart:
    """The series as a line with tooltips, zoom and pan; a rule marks the train/test boundary."""
    drawn, _ = thin_for_drawing(frame)
    line = alt.Chart(drawn).mark_line(color=ACTUAL_COLOR).encode(
        x=_x(drawn["ds"], frequency=frequency), y=alt.Y("y:Q", title=target, scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("y:Q", title=target, format=",.4g")])
    layers: list[alt.Chart] = [line.interactive(bind_y=False)]
    if boundary is not None:
        rule = pd.DataFrame({"ds": [boundary], "label": ["test starts"]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[6, 4], color="gray").encode(
            x=_x(rule["ds"]), tooltip=["label"]))
    return alt.layer(*layers).properties(height=320)


def prediction_chart(predictions: pd.DataFrame, target: str, frequency: Frequency | None = None) -> alt.LayerChart:
    """Actuals as one line, predictions coloured by split, the test span shaded, bands where present."""
    drawn, _ = thin_for_drawing(predictions.assign(y=predictions["actual"].fillna(predictions["predicted"])))
    x = _x(drawn["ds"], frequency=frequency)
    y_title = alt.Y("actual:Q", title=target, scale=alt.Scale(zero=False))
    layers: list[alt.Chart] = []
    test = drawn[drawn["split"] == "test"]
    if not test.empty:
        span = pd.DataFrame({"start": [test["ds"].iloc[0]], "end": [test["ds"].iloc[-1]]})
        kind = "temporal" if pd.api.types.is_datetime64_any_dtype(drawn["ds"]) else "quantitative"
        layers.append(alt.Chart(span).mark_rect(opacity=0.12, color=SPLIT_COLORS["test"]).encode(
            x=alt.X("start", type=kind), x2="end"))
    if {"lower", "upper"} <= set(drawn.columns):
        band = drawn.dropna(subset=["lower", "upper"])
        if not band.empty:
            layers.append(_band_layer(band, x, BAND_LABEL))
    actual = drawn.dropna(subset=["actual"])
    layers.append(alt.Chart(actual).mark_line(color=ACTUAL_COLOR).encode(
        x=x, y=y_title, tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("actual:Q", format=",.4g")]))
    predicted = drawn.dropna(subset=["predicted"])
    layers.append(alt.Chart(predicted).mark_line(strokeDash=[4, 2]).encode(
        x=x, y=alt.Y("predicted:Q"), color=alt.Color("split:N", scale=_split_scale(predicted["split"]),
                                                     title="prediction"),
        detail="split:N",
        tooltip=[alt.Tooltip("ds", title="time"), "split", alt.Tooltip("predicted:Q", format=",.4g")]))
    return alt.layer(*layers).properties(height=360).interactive(bind_y=False)


def residual_chart(predictions: pd.DataFrame) -> alt.Chart:
    """Actual minus predicted over time, coloured by split."""
    rows = predictions.dropna(subset=["actual", "predicted"]).assign(
        residual=lambda f: f["actual"] - f["predicted"])
    drawn, _ = thin_for_drawing(rows, value="residual")
    return alt.Chart(drawn).mark_bar().encode(
        x=_x(drawn["ds"]), y=alt.Y("residual:Q", title="actual - predicted"),
        color=alt.Color("split:N", scale=_split_scale(drawn["split"])),
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("residual:Q", format=",.4g")]).properties(height=200)


def loss_chart(losses: list[float], step: str = "epoch") -> alt.Chart:
    """Training loss (normalized MSE) per epoch (or per optimizer iteration) on a log scale; whole steps only."""
    frame = pd.DataFrame({step: np.arange(1, len(losses) + 1), "loss": np.maximum(losses, 1e-16)})
    return alt.Chart(frame).mark_line(point=len(losses) <= 30).encode(
        x=alt.X(f"{step}:Q", axis=alt.Axis(tickMinStep=1, format="d"), scale=alt.Scale(domainMin=1)),
        y=alt.Y("loss:Q", scale=alt.Scale(type="log"), title="training MSE (scaled)"),
        tooltip=[step, alt.Tooltip("loss:Q", format=".3e")]).properties(height=200)


def overlay_chart(overlay: pd.DataFrame, target: str, frequency: Frequency | None = None) -> alt.Chart:
    """Actuals and several runs' predictions, one colour each, actuals always in the actual colour."""
    labels = [s for s in overlay["series"].unique() if s != "actual"]
    palette = ["#f58518", "#e45756", "#54a24b", "#b279a2", "#ff9da6", "#9d755d", "#eeca3b", "#72b7b2"]
    scale = alt.Scale(domain=["actual", *labels], range=[ACTUAL_COLOR, *(palette * 4)[: len(labels)]])
    drawn = pd.concat([thin_for_drawing(part.rename(columns={"value": "y"}))[0] for _, part in overlay.groupby("series")])
    return alt.Chart(drawn).mark_line().encode(
        x=_x(drawn["ds"], frequency=frequency), y=alt.Y("y:Q", title=target, scale=alt.Scale(zero=False)),
        color=alt.Color("series:N", scale=scale, title="series", legend=alt.Legend(labelLimit=0)),
        strokeDash=alt.condition(alt.datum.series == "actual", alt.value([1, 0]), alt.value([4, 2])),
        tooltip=[alt.Tooltip("ds", title="time"), "series", alt.Tooltip("y:Q", format=",.4g")],
    ).properties(height=380).interactive(bind_y=False)


def recent_window(rows: int, season: int, horizon: int) -> int:
    """How many of the last history rows the forecast chart shows by default: a few seasons and at
    least a few horizons, so the forecast is not a sliver at the edge of a long history."""
    return min(rows, max(5 * max(season, 1), 4 * horizon, 60))


def forecast_chart(history: pd.DataFrame, future: pd.DataFrame, target: str, frequency: Frequency | None = None,
                   last_rows: int | None = None) -> alt.LayerChart:
    """History as the actual line (its last ``last_rows`` rows when given), the forecast after it with
    its prediction band, each named in the legend."""
    shown = history if last_rows is None else history.iloc[-last_rows:]
    drawn, _ = thin_for_drawing(shown)
    x = _x(drawn["ds"], frequency=frequency)
    parts = pd.concat([drawn[["ds", "y"]].assign(series="actual"),
                       future[["ds"]].assign(y=future["predicted"], series="forecast")], ignore_index=True)
    scale = alt.Scale(domain=["actual", "forecast"], range=[ACTUAL_COLOR, SPLIT_COLORS["future"]])
    lines = alt.Chart(parts).mark_line().encode(
        x=x, y=alt.Y("y:Q", title=target, scale=alt.Scale(zero=False)),
        color=alt.Color("series:N", scale=scale, title=None),
        tooltip=[alt.Tooltip("ds", title="time"), "series", alt.Tooltip("y:Q", title=target, format=",.4g")])
    points = alt.Chart(future).mark_point(color=SPLIT_COLORS["future"], size=20, filled=True).encode(
        x=x, y="predicted:Q")
    band = _band_layer(future.dropna(subset=["lower", "upper"]), x, BAND_LABEL)
    return alt.layer(band, lines, points).properties(height=380).interactive(bind_y=False)
