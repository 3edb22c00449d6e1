"""Charts and tables of the learning lab, pure functions of the lab's results, in the page's language
(``lang``): the curve names, table columns and cells core writes in English are matched against the
catalog's English templates (``core.i18n.relabel``) and said in ``lang``."""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from core.lab.panels import MAX_SINGLE_UPDATES, Landscape, LabResults, LabSettings, batch_passes, not_reached_key
from core.ui import state_keys as keys
from core.ui.charts import keyed, laid_out, value_format
from core.i18n import listed, relabel, t
from core.ui.explain import feature_label, gap_words, short_of_exact
from core.ui.text import plain

LOG = alt.Scale(type="log")


def loss_curve(landscape: Landscape, lang: str = "en") -> alt.LayerChart:
    """MSE of y = w·x against w, with the least-squares w marked."""
    line = alt.Chart(landscape.curve).mark_line().encode(
        x=alt.X("w:Q", title="w"), y=alt.Y("mse:Q", title=t("lab.chart.mse", lang)),
        tooltip=[alt.Tooltip("w:Q", format=".3f"), alt.Tooltip("mse:Q", title=t("lab.chart.mse", lang), format=".4f")])
    best = pd.DataFrame({"w": [landscape.w_best], "label": [t("lab.chart.best_w", lang, w=landscape.w_best)]})
    rule = alt.Chart(best).mark_rule(color="#e45756", strokeDash=[4, 3]).encode(
        x="w:Q", tooltip=[alt.Tooltip("label:N", title=t("lab.chart.label", lang))])
    return laid_out(keyed(alt.layer(line, rule).properties(height=300), t("lab.key.curve", lang), lang))


def loss_surface(landscape: Landscape, lang: str = "en") -> alt.LayerChart:
    """Heat map of log10 MSE over (w, b) in bands, the optimizer's path and the minimum. The axes span the map
    alone: a path's steps off it (an adaptive optimizer's first ones) are cut at its edge."""
    surface = landscape.surface.assign(level=lambda f: np.round(np.log10(np.maximum(f["mse"], 1e-12)) * 4) / 4)
    steps = int(np.sqrt(len(surface)))
    width = float(np.ptp(surface["w"])) / max(steps - 1, 1)
    height = float(np.ptp(surface["b"])) / max(steps - 1, 1)
    # each cell centred on its grid point: drawn from it up and to the right, the minimum sat on a cell's corner
    w_axis = alt.Scale(domain=[float(surface["w"].min()) - width / 2, float(surface["w"].max()) + width / 2],
                       nice=False)
    b_axis = alt.Scale(domain=[float(surface["b"].min()) - height / 2, float(surface["b"].max()) + height / 2],
                       nice=False)
    cells = surface.assign(w_low=surface["w"] - width / 2, w_high=surface["w"] + width / 2,
                           b_low=surface["b"] - height / 2, b_high=surface["b"] + height / 2)
    heat = alt.Chart(cells).mark_rect().encode(
        x=alt.X("w_low:Q", title=t("lab.chart.slope", lang), scale=w_axis), x2="w_high",
        y=alt.Y("b_low:Q", title=t("lab.chart.intercept", lang), scale=b_axis), y2="b_high",
        color=alt.Color("level:Q", title=t("lab.chart.log_mse", lang), scale=alt.Scale(scheme="viridis"),
                        legend=alt.Legend(direction="horizontal")))  # a colour bar across, not 200 px down
    path = alt.Chart(landscape.path).mark_line(color="white", clip=True,
                                               point=alt.OverlayMarkDef(color="white", size=25, clip=True)).encode(
        x=alt.X("w:Q", scale=w_axis), y=alt.Y("b:Q", scale=b_axis), order="step:Q",
        tooltip=[alt.Tooltip("step:Q", title=t("lab.chart.step", lang)), alt.Tooltip("w:Q", format=".3f"),
                 alt.Tooltip("b:Q", format=".3f"),
                 alt.Tooltip("mse:Q", title=t("lab.chart.mse", lang), format=".4f")])
    w_star, b_star = landscape.minimum
    minimum = pd.DataFrame({"w": [w_star], "b": [b_star], "label": [t("lab.chart.minimum", lang)]})
    best = alt.Chart(minimum).mark_point(shape="diamond", size=200, filled=True, color="#e45756").encode(
        x=alt.X("w:Q", scale=w_axis), y=alt.Y("b:Q", scale=b_axis),
        tooltip=[alt.Tooltip("label:N", title=t("lab.chart.label", lang))])
    return laid_out(keyed(alt.layer(heat, path, best).properties(height=300), t("lab.key.surface", lang), lang))


def log_lines(frame: pd.DataFrame, x: str, y: str, color: str, x_title: str, y_title: str,
              log_x: bool = False, lang: str = "en") -> alt.Chart:
    """Lines on a log y scale, one colour per ``color`` value, non-positive values dropped.

    ``log_x`` puts x on a log scale too, for curves whose lengths differ by orders of magnitude (a
    full-batch run makes one update per epoch, single-sample SGD one per row), so none is squashed
    against the left edge. The legend sits below the chart and shows whole names, in ``lang``; the title says which
    quantity is drawn against which.
    """
    shown = frame[(frame[y] > 0) & ((frame[x] > 0) if log_x else True)]
    shown = shown.assign(**{color: shown[color].map(lambda name: relabel(name, lang, "lab.curve"))})
    order = list(dict.fromkeys(shown[color]))  # the curves' own order: each keeps its colour in every language
    x_scale = alt.Scale(type="log") if log_x else alt.Scale()
    key = t("lab.key.lines", lang, y=y_title, x=x_title)
    return laid_out(keyed(alt.Chart(shown).mark_line().encode(
        x=alt.X(f"{x}:Q", title=x_title + (t("lab.chart.log_scale", lang) if log_x else ""), scale=x_scale),
        y=alt.Y(f"{y}:Q", title=y_title, scale=LOG),
        color=alt.Color(f"{color}:N", title=None, sort=order, legend=alt.Legend(orient="bottom", labelLimit=0)),
        # seven optimizers' colours came close (red and pink, two greens): each curve has its own dashes too, in the
        # same legend
        strokeDash=alt.StrokeDash(f"{color}:N", title=None, sort=order,
                                  legend=alt.Legend(orient="bottom", labelLimit=0)),
        tooltip=[alt.Tooltip(f"{color}:N", title=t("lab.chart.curve", lang)),
                 alt.Tooltip(f"{x}:Q", title=x_title, format=",.4~r"),
                 alt.Tooltip(f"{y}:Q", title=y_title, format=".3e")],
    ).properties(height=300).interactive(bind_y=False), key, lang))


def curve_name(name: str, lang: str) -> str:
    """A lab curve's name (``raw inputs, lr 0.1``) in ``lang``."""
    return relabel(name, lang, "lab.curve")


def lab_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A lab table (the race, the chain rule) with its column names and text cells in ``lang``."""
    if lang == "en":
        return frame
    cells = {col: frame[col].map(lambda cell: relabel(cell, lang, "lab.cell") if isinstance(cell, str) else cell)
             for col in frame.columns if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col].dtype)}
    return frame.assign(**cells).rename(columns=lambda col: relabel(col, lang, "lab.column"))


# The race table's number formats by its English column names; its test MAE is in the target's units (``race_formats``).
RACE_FORMATS = {"learning rate": "%.4g", "final training loss": "%.4g", "test MAPE %": "%.3g", "seconds": "%.3f"}


def race_formats(table: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Number formats of the race table (``core.lab.panels.race_table``) by its column names in ``lang``: the test MAE
    with the decimals its size needs and thousands grouped (``value_format``: 31210810.3358 was written whole, beside a
    learning rate of 0.30000000000000004)."""
    formats = {**RACE_FORMATS, "test MAE": value_format(table["test MAE"].dropna())}
    return {relabel(column, lang, "lab.column"): fmt for column, fmt in formats.items()}


def race_notes(results: LabResults, lang: str = "en") -> list[str]:
    """The captions under the race table: what "reached" means where a line fits every training row (the column
    says within 1% of least squares, whose loss is then about 0), and a test MAPE the data leaves undefined."""
    notes = [t("lab.race_exact_zero", lang)] if results.exact_zero else []
    if any(r.test.get("mape") is None for r in results.race if not r.diverged_at):  # the table has MAE and MAPE
        notes.append(t("lab.race_mape_undefined", lang))
    return notes


# A gap this small is the exact answer to rounding (float64 losses relative to the exact one).
ROUNDING_GAP = 1e-10
# Optimizers that divide each step by the recent size of the gradients, which vanish with them at the answer
# (Adadelta multiplies it by the recent size of its steps too, which shrinks: told its steps overshoot).
NORMALIZED_STEPS = ("rmsprop", "adam")


def left_the_answer(gaps: list[float], exact_zero: bool) -> tuple[int, int, float] | None:
    """When a run reached the exact answer to rounding (``ROUNDING_GAP``) and later was short of it again
    (``short_of_exact``): the epoch it reached it, the epoch of its highest gap after, and that gap; else None.
    RMSProp at 0.1 on AirPassengers reached 1e-12 by epoch 17 and was 65% above it at epoch 171, which no note said."""
    values = np.asarray(gaps, dtype=float)
    reached = np.flatnonzero(values <= ROUNDING_GAP)
    if not len(reached):
        return None
    peak = int(reached[0] + np.argmax(values[reached[0]:]))
    return (int(reached[0]) + 1, peak + 1, float(values[peak])) if short_of_exact(values[peak], exact_zero) else None


# A path that ends closer to its start than this share of the way to the minimum barely moved (a dot on the map).
_BARELY_MOVED = 0.02


def path_note(results: LabResults, lang: str = "en") -> tuple[str, str] | None:
    """The note under the loss landscape, as (``warning`` or ``info``, text): the path left the map for good, left it
    and came back, or barely moved from its start (learning rate 1e-5 drew one dot, without a word); None else."""
    path, optimizer = results.landscape, curve_name(results.settings.optimizer, lang)
    if path.runs_away:  # steps too large
        return "warning", t("lab.path_away", lang, step=path.left_map_at, optimizer=optimizer)
    if path.back_at is not None:
        return "info", t("lab.path_back", lang, step=path.left_map_at, back=path.back_at, optimizer=optimizer)
    steps = path.path[["w", "b"]].to_numpy(dtype=float)
    way = float(np.hypot(*(np.asarray(path.minimum) - steps[0])))
    moved = float(np.hypot(*(steps - steps[0]).T).max())  # the farthest it went: at the edge of stability (a rate
    # of 1) every step crosses the map and every second one lands on the start, which read "barely moved"
    if len(steps) > 1 and way > 0 and moved < _BARELY_MOVED * way:
        return "info", t("lab.path_still", lang, optimizer=optimizer, steps=len(steps) - 1, share=moved / way,
                         lr=results.settings.lr)
    return None


def passes_note(results: LabResults, lang: str = "en") -> str:
    """How many passes over the training rows each mode of the mini-batch lesson ran (``batch_passes``): the lesson
    said "the same number of passes" and never how many, 3 for 60 or 300 epochs of a long series."""
    rows, epochs = len(results.data.y), results.settings.epochs
    return t("lab.batch_passes", lang, passes=batch_passes(epochs, rows), rows=rows, epochs=epochs,
             most=MAX_SINGLE_UPDATES)


def exact_note(results: LabResults, lang: str = "en") -> tuple[str, str] | None:
    """The note under the exact-answer lesson, as (``warning`` or ``info``, text): the run diverged; it reached the
    answer and left it (and why: ``left_the_answer``), or ended short of it (``not_reached_key``); None when it ended
    at the answer."""
    gaps, diverged = results.exact
    optimizer = results.settings.optimizer
    if diverged:
        return "warning", t("lab.diverged", lang, optimizer=optimizer, step=diverged)
    values = gaps["gap"].tolist()
    if left := left_the_answer(values, results.exact_zero):
        why = "adaptive" if optimizer in NORMALIZED_STEPS else "momentum" if optimizer == "momentum" else "other"
        return "info", t("lab.left_answer", lang, optimizer=optimizer, reached=left[0], epoch=left[1],
                         above=gap_words(left[2], results.exact_zero, lang), why=t(f"lab.left_why.{why}", lang))
    if values and short_of_exact(values[-1], results.exact_zero):
        key = not_reached_key(values, results.data, results.settings)
        return "info", t(key, lang, optimizer=optimizer, epochs=len(values),
                         above=gap_words(values[-1], results.exact_zero, lang))
    return None


def lab_intro(results: LabResults, source: str, lang: str = "en") -> str:
    """The caption over the lessons: the rows and features trained on, how long it took, the rows thinned out, and,
    where lessons are drawn (not for a constant series), the units their weights and losses are in."""
    thinned = t("lab.thinned", lang, total=results.data.train_rows) if results.data.subsampled else ""
    features = plain(listed((feature_label(name, lang) for name in results.data.names), lang))
    share = f"{results.exact_loss:.0%}" if results.exact_loss >= 0.01 else f"{100 * results.exact_loss:.2g}%"  # 0.022%
    units = "" if results.data.constant else " " + t("lab.units", lang, exact=results.exact_loss, share=share)
    return t("lab.intro", lang, source=source, rows=len(results.data.y), features=features,
             seconds=sum(results.seconds.values()), thinned=thinned, units=units)


def lab_defaults() -> dict[str, object]:
    """The lab sidebar's widget keys and the values they start at (``LabSettings``' defaults)."""
    start = LabSettings()
    return {keys.LAB_OPTIMIZER: start.optimizer, keys.LAB_LR: start.lr, keys.LAB_EPOCHS: start.epochs,
            keys.LAB_BATCH: start.batch_size, keys.LAB_RACE: list(start.race), keys.LAB_RACE_SCALE: start.race_lr_scale,
            keys.LAB_HIDDEN: start.hidden, keys.LAB_SEED: start.seed}
