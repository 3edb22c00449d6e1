"""Altair charts as pure functions of frames, testable without a browser."""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.ui.downsample import lttb_indices

MAX_DRAWN_POINTS = 4000
ACTUAL_COLOR = "#4c78a8"
SPLIT_COLORS = {"train": "#f58518", "test": "#e45756", "future": "#54a24b"}
_SPLIT_SCALE = alt.Scale(domain=list(SPLIT_COLORS), range=list(SPLIT_COLORS.values()))


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


def _x(ds: pd.Series, title: str = "time") -> alt.X:
    kind = "temporal" if pd.api.types.is_datetime64_any_dtype(ds) else "quantitative"
    return alt.X("ds", type=kind, title=title)


def series_chart(frame: pd.DataFrame, target: str, boundary: object | None = None) -> alt.LayerChart:
    """The series as a line with tooltips, zoom and pan; a rule marks the train/test boundary."""
    drawn, _ = thin_for_drawing(frame)
    line = alt.Chart(drawn).mark_line(color=ACTUAL_COLOR).encode(
        x=_x(drawn["ds"]), y=alt.Y("y:Q", title=target, scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("y:Q", title=target, format=",.4g")])
    layers: list[alt.Chart] = [line.interactive(bind_y=False)]
    if boundary is not None:
        rule = pd.DataFrame({"ds": [boundary], "label": ["test starts"]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[6, 4], color="gray").encode(
            x=_x(rule["ds"]), tooltip=["label"]))
    return alt.layer(*layers).properties(height=320)


def prediction_chart(predictions: pd.DataFrame, target: str) -> alt.LayerChart:
    """Actuals as one line, predictions coloured by split, the test span shaded, bands where present."""
    drawn, _ = thin_for_drawing(predictions.assign(y=predictions["actual"].fillna(predictions["predicted"])))
    x = _x(drawn["ds"])
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
        layers.append(alt.Chart(band).mark_area(opacity=0.25, color=SPLIT_COLORS["future"]).encode(
            x=x, y="lower:Q", y2="upper:Q"))
    actual = drawn.dropna(subset=["actual"])
    layers.append(alt.Chart(actual).mark_line(color=ACTUAL_COLOR).encode(
        x=x, y=y_title, tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("actual:Q", format=",.4g")]))
    layers.append(alt.Chart(drawn.dropna(subset=["predicted"])).mark_line(strokeDash=[4, 2]).encode(
        x=x, y=alt.Y("predicted:Q"), color=alt.Color("split:N", scale=_SPLIT_SCALE, title="prediction"),
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
        color=alt.Color("split:N", scale=_SPLIT_SCALE),
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("residual:Q", format=",.4g")]).properties(height=200)


def loss_chart(losses: list[float]) -> alt.Chart:
    """Training loss (normalized MSE) per epoch on a log scale."""
    frame = pd.DataFrame({"epoch": np.arange(1, len(losses) + 1), "loss": np.maximum(losses, 1e-16)})
    return alt.Chart(frame).mark_line().encode(
        x=alt.X("epoch:Q"), y=alt.Y("loss:Q", scale=alt.Scale(type="log"), title="training MSE (scaled)"),
        tooltip=["epoch", alt.Tooltip("loss:Q", format=".3e")]).properties(height=200)


def overlay_chart(overlay: pd.DataFrame, target: str) -> alt.Chart:
    """Actuals and several runs' predictions, one colour each, actuals always in the actual colour."""
    labels = [s for s in overlay["series"].unique() if s != "actual"]
    palette = ["#f58518", "#e45756", "#54a24b", "#b279a2", "#ff9da6", "#9d755d", "#eeca3b", "#72b7b2"]
    scale = alt.Scale(domain=["actual", *labels], range=[ACTUAL_COLOR, *(palette * 4)[: len(labels)]])
    drawn = pd.concat([thin_for_drawing(part.rename(columns={"value": "y"}))[0] for _, part in overlay.groupby("series")])
    return alt.Chart(drawn).mark_line().encode(
        x=_x(drawn["ds"]), y=alt.Y("y:Q", title=target, scale=alt.Scale(zero=False)),
        color=alt.Color("series:N", scale=scale, title="series"),
        strokeDash=alt.condition(alt.datum.series == "actual", alt.value([1, 0]), alt.value([4, 2])),
        tooltip=[alt.Tooltip("ds", title="time"), "series", alt.Tooltip("y:Q", format=",.4g")],
    ).properties(height=380).interactive(bind_y=False)


def forecast_chart(history: pd.DataFrame, future: pd.DataFrame, target: str) -> alt.LayerChart:
    """History as the actual line, the forecast after it with its prediction band."""
    drawn, _ = thin_for_drawing(history)
    x = _x(drawn["ds"])
    band = alt.Chart(future).mark_area(opacity=0.25, color=SPLIT_COLORS["future"]).encode(
        x=_x(future["ds"]), y=alt.Y("lower:Q", title=target), y2="upper:Q",
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("lower:Q", format=",.4g"),
                 alt.Tooltip("upper:Q", format=",.4g")])
    actual = alt.Chart(drawn).mark_line(color=ACTUAL_COLOR).encode(
        x=x, y=alt.Y("y:Q", title=target, scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("y:Q", title=target, format=",.4g")])
    line = alt.Chart(future).mark_line(color=SPLIT_COLORS["future"],
                                       point=alt.OverlayMarkDef(color=SPLIT_COLORS["future"])).encode(
        x=_x(future["ds"]), y="predicted:Q",
        tooltip=[alt.Tooltip("ds", title="time"), alt.Tooltip("predicted:Q", title="forecast", format=",.4g")])
    return alt.layer(band, actual, line).properties(height=380).interactive(bind_y=False)
