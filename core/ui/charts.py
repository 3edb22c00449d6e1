"""Altair charts as pure functions of frames, testable without a browser. Each takes the language its titles,
legends and time labels are in (``lang``, a catalog of ``core.i18n``); the data keep core's names."""
from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence
from typing import TypeVar

import altair as alt
import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.data.tidy import LoadedSeries
from core.ui.downsample import lttb_indices
from core.i18n import has, number_text, t

MAX_DRAWN_POINTS = 4000
MIN_LOSS_POINTS = 3  # fewer epochs (LBFGS often needs one or two) are said in words, not drawn
ACTUAL_COLOR = "#4c78a8"
SPLIT_COLORS = {"train": "#f58518", "test": "#e45756", "future": "#54a24b"}
BAND_COLOR = "#9e9e9e"
FILLED_COLOR = "#f58518"
MAX_FILLED_MARKS = 500  # values the loader filled in circled on the Data and Forecast charts: the first this many
BAND_LABEL = t("chart.band", "en")
ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)


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


def time_formats(frequency: Frequency, lang: str = "en") -> tuple[str, str]:
    """(axis label format (d3), table format (moment.js, for st.column_config)) showing a time stamp at the
    series' resolution, as ``lang`` writes dates."""
    name = frequency.unit if has(f"axis.{frequency.unit}") else "fine"  # every 2 weeks: as weeks are written
    return t(f"axis.{name}", lang), t(f"table.{name}", lang)


_MOST_DECIMALS = 6  # beyond, a table writes values in scientific notation (``value_format``)


def value_format(values: pd.Series | np.ndarray, digits: int = 4) -> str:
    """A table format (printf) with one number of decimals for every value of a series: ``digits`` significant digits
    at the series' typical size (its median absolute value), so a forecast column does not mix 433.2719 with 401.5;
    thousands grouped (``%,.0f``: Streamlit's printf; 1500000000000 was written whole)."""
    sizes = np.abs(np.asarray(values, dtype=float))
    sizes = sizes[np.isfinite(sizes) & (sizes > 0)]
    if not sizes.size:
        return "%,.2f"
    decimals = digits - 1 - math.floor(math.log10(float(np.median(sizes))))
    return f"%,.{max(decimals, 0)}f" if decimals <= _MOST_DECIMALS else f"%.{digits - 1}e"  # 3.142e-09, not 0.000000


def _x(ds: pd.Series, lang: str, frequency: Frequency | None = None) -> alt.X:
    if not pd.api.types.is_datetime64_any_dtype(ds):
        return alt.X("ds", type="quantitative", title=t("chart.time" if frequency is None else "chart.step", lang))
    return alt.X("ds", type="temporal", title=t("chart.time", lang), axis=_time_axis(frequency, lang))


# The shortest step of each spacing, in days: no tick closer than one step (``_time_axis``); half-years a little
# more, or d3 picks its 3-month ticks, "2021 H1" twice (it picks the interval nearest to the step).
_STEP_DAYS = {"half-hourly": 1 / 48, "hourly": 1 / 24, "daily": 1.0, "business-daily": 1.0, "weekly": 7.0,
              "semi-monthly": 14.0, "monthly": 28.0, "quarterly": 89.0, "half-yearly": 200.0, "yearly": 365.0}


def _time_axis(frequency: Frequency | None, lang: str) -> alt.Axis:
    """A time axis whose labels have the series' resolution (``time_formats``); half-years as ``2021 H1``, which d3's
    formats cannot write ("Jan 2021"). Its ticks are at least a step apart: ten months drew weekly ticks labelled by
    month ("Apr 2023" twice, a June peak over "May 2023")."""
    if frequency is None:
        return alt.Axis(labelOverlap=True)
    apart = {"tickMinStep": _STEP_DAYS[frequency.unit] * 86_400_000} if frequency.unit in _STEP_DAYS else {}
    if frequency.unit != "half-yearly":
        # no label cut short: a date and a time in Chinese ('2024年8月31日 12:00') passed Vega's 180 pixels
        return alt.Axis(format=time_formats(frequency, lang)[0], labelOverlap=True, labelLimit=0, **apart)
    half = f"month(datum.value) < 6 ? '{t('half.1', lang)}' : '{t('half.2', lang)}'"
    return alt.Axis(labelExpr=f"year(datum.value) + '{t('axis.half_joiner', lang)}' + ({half})", labelOverlap=True,
                    **apart)


def _time_tip(ds: pd.Series, lang: str, frequency: Frequency | None = None) -> alt.Tooltip:
    """The time of a point in a tooltip, written as the axis writes it."""
    if frequency is not None and pd.api.types.is_datetime64_any_dtype(ds):
        return alt.Tooltip("ds:T", title=t("chart.time", lang), format=time_formats(frequency, lang)[0])
    return alt.Tooltip("ds", title=t("chart.time", lang))


# A value axis spans at least this share of the values' size: a flat series whose model wanders by 1e-4 (an MLP on a
# constant 100) was drawn over 99.9992 to 100.0008 as wild swings, and residuals of 1e-15 as tall bars.
LEAST_LEVEL_SPAN = 1e-3
LEAST_RESIDUAL_SPAN = 1e-6


def value_scale(values: Sequence[object], size: float | None = None,
                least_share: float = LEAST_LEVEL_SPAN) -> alt.Scale:
    """A value axis without zero that spans at least ``least_share`` of ``size`` (the values' largest magnitude when
    None), centred on the values: differences smaller than that are drawn as the flat line they are."""
    finite = np.concatenate([np.asarray(v, dtype=float).ravel() for v in values]) if len(values) else np.empty(0)
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return alt.Scale(zero=False)
    low, high = float(finite.min()), float(finite.max())
    least = least_share * (size if size is not None else max(abs(low), abs(high)))
    if high - low >= least and high > low:
        return alt.Scale(zero=False)
    half = least / 2 if least > 0 else 1.0  # all zeros: a unit either side
    middle = (low + high) / 2
    return alt.Scale(zero=False, domain=[middle - half, middle + half])


# How far past the actual values' range (in that range's widths) a chart's value axis reaches: a degree-10 polynomial's
# 95% band up to 30,000,000 drew AirPassengers (100 to 600) as a flat line at 0.
AXIS_REACH = 3.0


def reached_scale(shown: Sequence[pd.Series], others: Sequence[pd.Series]) -> tuple[alt.Scale, float | None]:
    """``value_scale`` of the values always ``shown`` (actuals, a forecast past the end) and ``others`` (predictions
    of known rows, bands), cut at ``AXIS_REACH`` widths of the shown values' range beyond it; with the value furthest
    past the cut (None when nothing is cut: marks drawn with ``clip=True`` leave the plot there)."""
    known = np.concatenate([np.asarray(values, dtype=float).ravel() for values in shown])
    known = known[np.isfinite(known)]
    rest = np.concatenate([np.asarray(values, dtype=float).ravel() for values in others]) if others else np.empty(0)
    rest = rest[np.isfinite(rest)]
    if known.size < 2 or not rest.size or np.ptp(known) <= 0:
        return value_scale([*shown, *others]), None
    low, high, width = float(known.min()), float(known.max()), float(np.ptp(known))
    floor, ceiling = low - AXIS_REACH * width, high + AXIS_REACH * width
    if rest.min() >= floor and rest.max() <= ceiling:
        return value_scale([*shown, *others]), None
    furthest = float(rest.max()) if rest.max() - ceiling >= floor - rest.min() else float(rest.min())
    return alt.Scale(zero=False, domain=[max(min(low, float(rest.min())), floor),
                                         min(max(high, float(rest.max())), ceiling)]), furthest


def _cut_key(furthest: float | None, lang: str) -> str:
    """What a chart cut at ``reached_scale`` says of it (after its key); "" when nothing was cut."""
    return "" if furthest is None else " " + t("chart.cut", lang, value=number_text(furthest))


def _named_splits(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``split`` (train, test, future) as ``lang`` names it, for legends and tooltips."""
    return frame.assign(split=frame["split"].map(lambda split: t(f"chart.split_{split}", lang)))


def _split_scale(splits: object, lang: str) -> alt.Scale:
    """Colours of the splits present in the data only, so a legend never lists an absent split."""
    present = [name for name in SPLIT_COLORS if name in set(splits)]  # type: ignore[call-overload]
    return alt.Scale(domain=[t(f"chart.split_{name}", lang) for name in present],
                     range=[SPLIT_COLORS[name] for name in present])


def _band_layer(band: pd.DataFrame, x: alt.X, lang: str, frequency: Frequency | None) -> alt.Chart:
    """A shaded interval between ``lower`` and ``upper``, named in its own legend entry."""
    return alt.Chart(band.assign(band=t("chart.band", lang))).mark_area(opacity=0.3, clip=True).encode(
        x=x, y="lower:Q", y2="upper:Q",
        fill=alt.Fill("band:N", scale=alt.Scale(range=[BAND_COLOR]), title=None),
        tooltip=[_time_tip(band["ds"], lang, frequency),
                 alt.Tooltip("lower:Q", title=t("chart.lower", lang), format=",.4~r"),
                 alt.Tooltip("upper:Q", title=t("chart.upper", lang), format=",.4~r")])


def data_chart(series: LoadedSeries, boundary: object | None, lang: str = "en") -> alt.LayerChart:
    """The Data page's chart: ``series_chart`` with the values the loader filled in circled."""
    return series_chart(series.frame, series.target, boundary, series.frequency, lang, series.report.filled_targets)


def series_chart(frame: pd.DataFrame, target: str, boundary: object | None = None,
                 frequency: Frequency | None = None, lang: str = "en", filled: Sequence[int] = ()) -> alt.LayerChart:
    """The series as a line with tooltips, zoom and pan; a rule marks the train/test boundary; circles mark the rows
    ``filled`` (values the loader filled in: drawn like the file's own, they could not be told apart). Its key is its
    title: a screen reader names a chart by it (tick labels alone were read out)."""
    drawn, _ = thin_for_drawing(frame)
    line = alt.Chart(drawn).mark_line(color=ACTUAL_COLOR).encode(
        x=_x(drawn["ds"], lang, frequency), y=alt.Y("y:Q", title=target, scale=alt.Scale(zero=False)),
        tooltip=[_time_tip(drawn["ds"], lang, frequency), alt.Tooltip("y:Q", title=target, format=",.4~r")])
    layers: list[alt.Chart] = [line.interactive(bind_y=False)]
    if boundary is not None:
        rule = pd.DataFrame({"ds": [boundary], "label": [t("chart.test_starts", lang)]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[6, 4], color="gray").encode(
            x=_x(rule["ds"], lang, frequency), tooltip=[alt.Tooltip("label", title=t("chart.boundary", lang))]))
    if len(filled):
        layers.append(filled_marks(frame, filled, target, frequency, lang))
    whole = "chart.key_series" if boundary is not None else "chart.key_series_whole"
    key = t(whole, lang) + filled_key(len(filled), lang)
    return laid_out(keyed(alt.layer(*layers).properties(height=320), key, lang))


def filled_marks(frame: pd.DataFrame, filled: Sequence[int], target: str, frequency: Frequency | None,
                 lang: str) -> alt.Chart:
    """Circles on the rows of ``frame`` at positions ``filled`` (the first ``MAX_FILLED_MARKS``): values the loader
    filled in where the file had none, drawn on the line like the file's own."""
    marks = frame.iloc[np.asarray(filled, dtype=int)[:MAX_FILLED_MARKS]].assign(label=t("chart.filled", lang))
    return alt.Chart(marks).mark_point(shape="circle", filled=False, color=FILLED_COLOR, size=60).encode(
        x=_x(marks["ds"], lang, frequency), y=alt.Y("y:Q"),
        tooltip=[_time_tip(marks["ds"], lang, frequency), alt.Tooltip("y:Q", title=target, format=",.4~r"),
                 alt.Tooltip("label", title=t("chart.boundary", lang))])


def filled_key(count: int, lang: str) -> str:
    """What a chart's key adds for ``count`` circled values (``filled_marks``): nothing for none, that only the first
    ``MAX_FILLED_MARKS`` are circled when there are more."""
    if not count:
        return ""
    return t("chart.key_filled" if count <= MAX_FILLED_MARKS else "chart.key_filled_first", lang, most=MAX_FILLED_MARKS)


def prediction_chart(predictions: pd.DataFrame, target: str, frequency: Frequency | None = None,
                     lang: str = "en") -> alt.LayerChart:
    """Actuals as one line, predictions coloured by split, the test span shaded, bands where present."""
    drawn, thinned = thin_for_drawing(predictions.assign(y=predictions["actual"].fillna(predictions["predicted"])))
    x = _x(drawn["ds"], lang, frequency)
    ahead = drawn["split"] == "future"  # a forecast past the end is shown whole; the rest is cut where it runs away
    scale, furthest = reached_scale([drawn["actual"], drawn["predicted"][ahead]],
                                    [drawn["predicted"][~ahead], *(drawn[name] for name in ("lower", "upper")
                                                                   if name in drawn)])
    y_title = alt.Y("actual:Q", title=target, scale=scale)
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
            layers.append(_band_layer(band, x, lang, frequency))
    actual = drawn.dropna(subset=["actual"])
    layers.append(alt.Chart(actual).mark_line(color=ACTUAL_COLOR).encode(
        x=x, y=y_title, tooltip=[_time_tip(actual["ds"], lang, frequency),
                                 alt.Tooltip("actual:Q", title=t("chart.actual", lang), format=",.4~r")]))
    predicted = _named_splits(drawn.dropna(subset=["predicted"]), lang)
    layers.append(alt.Chart(predicted).mark_line(strokeDash=[4, 2], clip=True).encode(
        x=x, y=alt.Y("predicted:Q"),
        color=alt.Color("split:N", scale=_split_scale(drawn.dropna(subset=["predicted"])["split"], lang),
                        title=t("chart.prediction", lang)),
        detail="split:N",
        tooltip=[_time_tip(predicted["ds"], lang, frequency), alt.Tooltip("split:N", title=t("chart.split", lang)),
                 alt.Tooltip("predicted:Q", title=t("chart.predicted", lang), format=",.4~r")]))
    banded = {"lower", "upper"} <= set(drawn.columns) and drawn[["lower", "upper"]].notna().all(axis=1).any()
    key = t("chart.prediction_key_band" if banded else "chart.prediction_key", lang) + _cut_key(furthest, lang)
    return laid_out(_said_if_thinned(alt.layer(*layers).properties(height=360).interactive(bind_y=False), thinned, lang,
                                     key))


def laid_out(chart: ChartT) -> ChartT:
    """``chart`` with its legends below the plot and its height the plot's own: Streamlit sizes a chart to "fit",
    which took a legend's rows out of the plot (the lab's race: 75 px of 300) and, on a phone, left 100 px of plot
    beside a legend on the right. Charts are laid out once, when made; they cannot be layered after. Each legend lists
    its entries one below the other, whole: side by side they ran past a phone's edge ("actual | fore"), and so did a
    lesson's two long curve names (the one the lesson is about was not shown)."""
    return chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding")).configure_legend(
        orient="bottom", direction="vertical", labelLimit=0, titleLimit=0)


KEY_LINE = 54  # characters of a chart's key per line (half as many in Chinese): a single line was cut at "..."


def wrapped(text: str, lang: str) -> list[str]:
    """``text`` in lines short enough for a phone's chart (``KEY_LINE``): a title is one line, cut where it ends."""
    return _wrapped_chinese(text) if lang == "zh" else textwrap.wrap(text, KEY_LINE) or [text]


_NO_LINE_START = set("，。、；：）」』》！？%,.;:)!?")  # punctuation that closes: never the first of a line


def _wrapped_chinese(text: str) -> list[str]:
    """Chinese ``text`` in lines of at most ``KEY_LINE`` columns, a Chinese character taking two and any other one: a
    line may break next to a Chinese character or after a space, but not inside a run of Latin letters and digits
    (``95%``, ``CSV``) nor before closing punctuation (a line began with "："); after punctuation where there is some
    in the line's last 40%."""
    lines, line = [], ""
    for char in text:
        line += char
        if _columns(line) <= KEY_LINE:
            continue
        cuts = [index for index in range(1, len(line)) if _may_break(line[index - 1], line[index])]
        after_mark = [index for index in cuts if line[index - 1] in _NO_LINE_START and index >= 0.6 * len(line)]
        cut = max(after_mark or cuts, default=0)  # after a mark where one is near the end: 区间 stays whole
        if cut == 0:
            continue  # one unbroken run: longer than a line
        lines.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return [*lines, line] if line else lines or [text]


def _wide(char: str) -> bool:
    """Whether ``char`` is a Chinese character or mark (from the CJK radicals on): two columns wide."""
    return ord(char) > 0x2E7F


def _columns(text: str) -> int:
    return sum(2 if _wide(char) else 1 for char in text)


def _may_break(before: str, after: str) -> bool:
    """Whether a Chinese line may end after ``before`` and the next begin with ``after``."""
    return after not in _NO_LINE_START and (before.isspace() or _wide(before) or _wide(after))


def _said_if_thinned(chart: ChartT, thinned: bool, lang: str, key: str = "", said: str = "data.thinned") -> ChartT:
    """``chart`` with a line above it saying it draws a thinned copy, when it does (``thin_for_drawing``; ``said``, the
    catalog's words for it), and what its marks are (``key``: the solid actual line and the shaded test span have no
    legend of their own)."""
    if not thinned and not key:
        return chart
    note = wrapped(t(said, lang).strip(), lang) if thinned else []
    key_lines = wrapped(key, lang) if key else []
    return chart.properties(title=alt.TitleParams(note or key_lines,
                                                  subtitle=key_lines if note and key else alt.Undefined, fontSize=11,
                                                  fontWeight="normal", anchor="start", color="gray",
                                                  subtitleColor="gray"))


def keyed(chart: ChartT, key: str, lang: str) -> ChartT:
    """``chart`` titled by its ``key`` (what its marks are), in grey lines short enough for a phone: a screen reader
    names a chart by its title."""
    return _said_if_thinned(chart, False, lang, key)


def residual_chart(predictions: pd.DataFrame, frequency: Frequency | None = None, lang: str = "en") -> alt.Chart:
    """Actual minus predicted over time, coloured by split."""
    rows = predictions.dropna(subset=["actual", "predicted"]).assign(
        residual=lambda f: f["actual"] - f["predicted"])
    drawn, thinned = thin_for_drawing(rows, value="residual")
    return laid_out(_said_if_thinned(alt.Chart(_named_splits(drawn, lang)).mark_bar().encode(
        x=_x(drawn["ds"], lang, frequency),
        y=alt.Y("residual:Q", title=t("chart.residual", lang),
                scale=value_scale([drawn["residual"]], float(np.nanmax(np.abs(rows["actual"]), initial=0.0)),
                                  LEAST_RESIDUAL_SPAN)),
        color=alt.Color("split:N", scale=_split_scale(drawn["split"], lang), title=t("chart.split", lang)),
        tooltip=[_time_tip(drawn["ds"], lang, frequency),
                 alt.Tooltip("residual:Q", title=t("chart.residual_tip", lang), format=",.4~r")],
    ).properties(height=200), thinned, lang, t("chart.key_residual", lang)))


def loss_chart(losses: list[float], step: str = "epoch", lang: str = "en") -> alt.Chart:
    """Training loss (normalized MSE) per epoch (or per optimizer iteration) on a log scale; whole steps only. Past
    ``MAX_DRAWN_POINTS`` epochs, a thinned copy (LTTB on the log of the loss), said: the live chart of a run of
    100,000 epochs sent every epoch at each redraw, and the run took 8 times its training time."""
    frame = pd.DataFrame({step: np.arange(1, len(losses) + 1), "loss": np.maximum(losses, 1e-16)})
    if thinned := is_thinned(len(frame)):
        frame = frame.iloc[lttb_indices(frame[step].to_numpy(dtype=float), np.log10(frame["loss"].to_numpy()),
                                        MAX_DRAWN_POINTS)]
    step_title = t("chart.epoch", lang) if step == "epoch" else step
    return laid_out(_said_if_thinned(alt.Chart(frame).mark_line(point=len(losses) <= 30).encode(
        x=alt.X(f"{step}:Q", axis=alt.Axis(tickMinStep=1, format="d"), scale=alt.Scale(domainMin=1),
                title=step_title),
        y=alt.Y("loss:Q", scale=alt.Scale(type="log"), title=t("chart.loss", lang)),
        tooltip=[alt.Tooltip(f"{step}:Q", title=step_title),
                 alt.Tooltip("loss:Q", title=t("chart.loss_tip", lang), format=".3e")]).properties(height=200),
        thinned, lang, t("chart.key_loss", lang), said="chart.thinned_epochs"))


# Run colours of the overlay; after each round of them the runs' dash changes, so a 9th run is not the 1st's twin.
RUN_COLORS = ("#f58518", "#e45756", "#54a24b", "#b279a2", "#ff9da6", "#9d755d", "#eeca3b", "#72b7b2")
RUN_DASHES = ([4, 2], [1, 2], [8, 3, 2, 3], [2, 5])


def overlay_chart(overlay: pd.DataFrame, target: str, frequency: Frequency | None = None,
                  lang: str = "en", test_span: tuple[object, object] | None = None) -> alt.LayerChart:
    """Actuals and several runs' predictions, one colour and dash each, actuals always in the actual colour and
    solid; ``test_span`` (the current split's first and last test stamps) shaded."""
    actual = t("chart.actual", lang)
    overlay = overlay.assign(series=overlay["series"].replace({"actual": actual}))
    labels = [s for s in overlay["series"].unique() if s != actual]
    styles = [_run_style(label, slot) for label, slot in zip(labels, _run_slots(labels))]
    color = alt.Scale(domain=[actual, *labels], range=[ACTUAL_COLOR, *(colour for colour, _ in styles)])
    dash = alt.Scale(domain=[actual, *labels], range=[[1, 0], *(dashes for _, dashes in styles)])
    parts = [thin_for_drawing(part.rename(columns={"value": "y"})) for _, part in overlay.groupby("series")]
    drawn = pd.concat([part for part, _ in parts])
    legend = alt.Legend(labelLimit=0, symbolStrokeWidth=2)
    layers: list[alt.Chart] = []
    if test_span is not None:
        kind = "temporal" if pd.api.types.is_datetime64_any_dtype(drawn["ds"]) else "quantitative"
        span = pd.DataFrame({"start": [test_span[0]], "end": [test_span[1]]})
        layers.append(alt.Chart(span).mark_rect(opacity=0.12, color=SPLIT_COLORS["test"]).encode(
            x=alt.X("start", type=kind), x2="end"))
    is_actual = drawn["series"] == actual
    y_scale, furthest = reached_scale([drawn["y"][is_actual]], [drawn["y"][~is_actual]])
    layers.append(alt.Chart(drawn).mark_line(clip=True).encode(
        x=_x(drawn["ds"], lang, frequency), y=alt.Y("y:Q", title=target, scale=y_scale),
        color=alt.Color("series:N", scale=color, title=t("chart.series", lang), legend=legend),
        strokeDash=alt.StrokeDash("series:N", scale=dash, title=t("chart.series", lang), legend=legend),
        tooltip=[_time_tip(drawn["ds"], lang, frequency), alt.Tooltip("series:N", title=t("chart.series", lang)),
                 alt.Tooltip("y:Q", title=target, format=",.4~r")]))
    key = ((t("chart.overlay_key", lang) if test_span is not None else "") + _cut_key(furthest, lang)).strip()
    return laid_out(_said_if_thinned(alt.layer(*layers).properties(height=380).interactive(bind_y=False),
                                     any(thinned for _, thinned in parts), lang, key))


_RUN_NUMBER = re.compile(r"#(\d+) ")  # a run's label begins with its number (``#4 auto``)


def _run_slots(labels: list[str]) -> list[int | None]:
    """Each run's place in the colours and dashes: its number less one, so that a run keeps its colour when another is
    drawn beside it (auto was orange, then red once linear was added); None for a label without a number (a
    baseline, ``_BASELINE_STYLES``). A board's 30 latest runs are numbered in a row: no two share a colour and dash."""
    return [int(found.group(1)) - 1 if (found := _RUN_NUMBER.match(label)) else None for label in labels]


# Baselines in greys of their own, by their model (the label's last word): by their place after the runs, a
# baseline's colour changed when a run was drawn beside it.
_BASELINE_STYLES = {"naive": ("#7f7f7f", [6, 3]), "snaive": ("#bab0ac", [2, 2])}
_OTHER_BASELINE = ("#9d9d9d", [8, 2, 2, 2])


def _run_style(label: str, slot: int | None) -> tuple[str, list[int]]:
    """A line's colour and dash: a run's by its ``slot`` (``_run_slots``), a baseline's by its model."""
    if slot is None:
        return _BASELINE_STYLES.get((label.split() or [""])[-1], _OTHER_BASELINE)
    return RUN_COLORS[slot % len(RUN_COLORS)], RUN_DASHES[(slot // len(RUN_COLORS)) % len(RUN_DASHES)]


def recent_window(rows: int, season: int, horizon: int) -> int:
    """How many of the last history rows the forecast chart shows by default: a few seasons and at
    least a few horizons, so the forecast is not a sliver at the edge of a long history."""
    return min(rows, max(5 * max(season, 1), 4 * horizon, 60))


# Pixels between the forecast chart's frame and its first and last points: the last forecast's point and band, drawn on
# the frame's edge, were cut in half.
FORECAST_EDGE = 12


def forecast_chart(history: pd.DataFrame, future: pd.DataFrame, target: str, frequency: Frequency | None = None,
                   last_rows: int | None = None, lang: str = "en", filled: Sequence[int] = ()) -> alt.LayerChart:
    """History as the actual line (its last ``last_rows`` rows when given; its rows ``filled`` in by the loader
    circled), the forecast after it with its prediction band, each named in the legend."""
    shown = history if last_rows is None else history.iloc[-last_rows:]
    first = len(history) - len(shown)
    filled = [row - first for row in filled if row >= first]
    drawn, thinned = thin_for_drawing(shown)
    x = _x(drawn["ds"], lang, frequency).scale(padding=FORECAST_EDGE)  # the last forecast clear of the frame
    actual, forecast = t("chart.actual", lang), t("chart.forecast", lang)
    parts = pd.concat([drawn[["ds", "y"]].assign(series=actual),
                       future[["ds"]].assign(y=future["predicted"], series=forecast)], ignore_index=True)
    scale = alt.Scale(domain=[actual, forecast], range=[ACTUAL_COLOR, SPLIT_COLORS["future"]])
    y_scale, furthest = reached_scale([drawn["y"], future["predicted"]],
                                      [future[name] for name in ("lower", "upper") if name in future])
    lines = alt.Chart(parts).mark_line(clip=True).encode(
        x=x, y=alt.Y("y:Q", title=target, scale=y_scale),
        color=alt.Color("series:N", scale=scale, title=None),
        tooltip=[_time_tip(parts["ds"], lang, frequency), alt.Tooltip("series:N", title=t("chart.series", lang)),
                 alt.Tooltip("y:Q", title=target, format=",.4~r")])
    points = alt.Chart(future).mark_point(color=SPLIT_COLORS["future"], size=20, filled=True, clip=True).encode(
        x=x, y="predicted:Q")
    band = _band_layer(future.dropna(subset=["lower", "upper"]), x, lang, frequency)
    circles = [filled_marks(shown, filled, target, frequency, lang)] if filled else []
    chart = alt.layer(band, lines, points, *circles).properties(height=380).interactive(bind_y=False)
    banded = "lower" in future and future["lower"].notna().any()
    key = t("chart.key_forecast" if banded else "chart.key_forecast_no_band", lang) + filled_key(len(filled), lang) \
        + _cut_key(furthest, lang)
    return laid_out(_said_if_thinned(chart, thinned, lang, key))


def small_multiples(frame: pd.DataFrame, frequency: Frequency | None = None, lang: str = "en", title: str = "",
                    columns: int = 3) -> alt.FacetChart:
    """One small chart per ``panel`` (in the frame's order) of ``value`` over ``ds``, a line per ``line``
    (actual, predicted), each on its own scales: series of very different levels side by side, under ``title``
    (which says so when a series is drawn thinned)."""
    panels = list(dict.fromkeys(frame["panel"]))
    lines = list(dict.fromkeys(frame["line"]))
    drawn = [thin_for_drawing(part.dropna(subset=["value"]).rename(columns={"value": "y"}))
             for _, part in frame.groupby(["panel", "line"], sort=False)]
    frame = pd.concat([part.rename(columns={"y": "value"}) for part, _ in drawn], ignore_index=True) if drawn else frame
    if any(thinned for _, thinned in drawn):  # say so under the title
        title = alt.TitleParams(title, subtitle=[t("data.thinned", lang).strip()])  # type: ignore[assignment]
    scale = alt.Scale(domain=lines, range=[ACTUAL_COLOR, SPLIT_COLORS["test"]][: len(lines)])
    base = alt.Chart(frame).mark_line().encode(
        x=_x(frame["ds"], lang, frequency), y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
        color=alt.Color("line:N", scale=scale, title=None),
        strokeDash=alt.StrokeDash("line:N", scale=alt.Scale(domain=lines, range=[[1, 0], [4, 2]][: len(lines)]),
                                  legend=None),
        tooltip=[_time_tip(frame["ds"], lang, frequency), alt.Tooltip("line:N", title=t("chart.series", lang)),
                 alt.Tooltip("value:Q", title=t("chart.value", lang), format=",.4~r")],
    ).properties(width=240, height=140)
    return base.facet(facet=alt.Facet("panel:N", sort=panels, title=None, header=alt.Header(labelLimit=0)),
                      columns=columns, title=title).resolve_scale(x="independent", y="independent")
