"""Plain-language descriptions of fitted models and metrics for the pages, in the page's language."""
from __future__ import annotations

import math
import re

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from core.data.frequency import STEPS, Frequency, open_hours, open_step_minutes
from core.evaluation.metrics import METRIC_NAMES, interval_coverage
from core.i18n import candidate_name, frequency_name, has, number_text, quoted_list, relabel, t
from core.models.auto import FORMER_ALONE_MARGIN, FORMER_ANCHOR_WEIGHT, OTHERS
from core.models.features import history_clock, is_yearly_cycle, season_references
from core.evaluation.left_out import left_out_lines, no_band_lines, replaced_lines, scored_rows_lines
from core.training.least_squares import GAP_FLOOR, SHARE_REACHED
from core.training.loop import MOST_EPOCHS, NOT_REACHED, rose_late, stalled
from core.ui.session import few_test_rows
from core.ui.text import plain

if TYPE_CHECKING:
    from core.data.tidy import LoadedSeries
    from core.evaluation.pipeline import RunResult

ETS_FORMS_SHOWN = 4  # the heaviest forms named in auto's summary


def _unit(frequency: Frequency) -> str:
    """The catalog's name of one step of ``frequency`` (``monthly``); ``steps`` for unnamed spacings."""
    return frequency.name if not frequency.is_steps and has(f"per.{frequency.name}") else "steps"


def _units_a_step(frequency: Frequency) -> int:
    """How many of its unit one step of ``frequency`` spans where that is several ("every 2 weeks": 2, its alias
    ``2W-FRI``); 1 otherwise."""
    several = re.match(r"\d+", frequency.alias or "") if frequency.name.startswith("every ") else None
    return int(several.group()) if several and _unit(frequency) == "steps" else 1


def _per(frequency: Frequency, lang: str) -> str:
    """One step of ``frequency`` after a change ("per month"); a spacing of several units as its name says it ("every
    2 weeks": "per step" said nothing of a fortnight); "per opening hour" for steps of opening hours (a clock hour's
    reading of "per hour" took ten steps a day for 24)."""
    if open_hours(frequency.alias) is not None and open_step_minutes(frequency.alias) == 60:
        return t("per.open_hour", lang)
    return frequency_name(frequency, lang) if _units_a_step(frequency) > 1 else t(f"per.{_unit(frequency)}", lang)


_LAG = re.compile(r"lag (\d+) of the (values|changes|seasonal changes|seasonal changes' changes)")
_FOURIER = re.compile(r"(?:.*:)?(sin|cos)(\d+)")  # a Fourier term: sin1, cos2, and of another cycle 24:sin1


def describe_coefficients(coefficients: dict[str, float], frequency: Frequency, target: str,
                          n_train: int | None = None, lang: str = "en") -> list[str]:
    """One sentence per coefficient of a linear model, in the target's units.

    The trend terms ``x``, ``x^k`` are per step (``RegressionForecaster.coefficients``). A straight
    trend is its change per step; a polynomial one is described by its fitted change per step (the
    derivative of ``sum_k c_k * t**k``) at the start of the training span and, given ``n_train``
    (the number of training rows), at its end, step ``n_train - 1``.
    """
    per = _per(frequency, lang)
    powers = {1 if name == "x" else int(name[2:]): value for name, value in coefficients.items()
              if name == "x" or (name.startswith("x^") and name[2:].isdigit())}
    lines = [_trend_sentence(powers, frequency, target, n_train, lang)] if powers else []
    references = season_references(frequency)  # the level each part's one-hot terms are measured against
    for name, value in coefficients.items():
        if name == "intercept" or name == "x" or (name.startswith("x^") and name[2:].isdigit()):
            continue
        if name.startswith("x after "):
            lines.append(t("coef.changepoint", lang, step=name.removeprefix("x after "), per=per, value=value))
        elif "=" in name:
            part, level = name.split("=", 1)
            if (reference := references.get(part)) is not None:  # "compared with Mon", not "the first weekday of"
                lines.append(t("coef.season_vs", lang, level=relabel(level, lang, "level"), value=value,
                               reference=relabel(reference, lang, "level")))
            else:
                lines.append(t("coef.season", lang, level=relabel(level, lang, "level"), value=value,
                               part=t(f"part.{part}", lang) if has(f"part.{part}") else part))
        elif name == "year":
            lines.append(t("coef.year", lang, value=value))
        elif (lag := _LAG.fullmatch(name)) is not None:  # an autoregression's: of the values or their changes
            lines.append(t(f"coef.lag.{lag.group(2)}", lang, k=int(lag.group(1)), value=value))
        elif (wave := _FOURIER.fullmatch(name)) is not None and ":" in name:  # a cycle of its own: the year's
            period = name.split(":", 1)[0]
            cycle = "year" if is_yearly_cycle(float(period)) else "day"  # the year's of daily rows, a day's of minutes
            shown = t(f"coef.cycle_name.{cycle}", lang, wave=wave.group(1), k=int(wave.group(2)))  # not '365.25:sin1'
            lines.append(t(f"coef.cycle_{wave.group(1)}", lang, name=shown, k=int(wave.group(2)), value=value,
                           period=period, span=t(f"coef.cycle_span.{cycle}", lang)))
        elif wave is not None:  # "per unit of sin1" meant nothing to a learner
            lines.append(t(f"coef.{wave.group(1)}", lang, name=name, k=int(wave.group(2)), value=value))
        else:
            lines.append(t("coef.other", lang, name=name, value=value))
    return lines


def _trend_sentence(powers: dict[int, float], frequency: Frequency, target: str, n_train: int | None,
                    lang: str) -> str:
    """The trend in words; ``powers`` maps each power ``k`` of the step index to its coefficient."""
    per = _per(frequency, lang)
    if max(powers) == 1:
        return t("coef.trend", lang, target=target, value=powers[1], per=per)
    start = t("coef.poly_start", lang, degree=max(powers), target=target, value=powers.get(1, 0.0), per=per)
    if n_train is None or n_train < 2:
        return start + t("coef.end", lang)
    last = n_train - 1
    end = sum(power * value * float(last) ** (power - 1) for power, value in powers.items())
    return start + t("coef.poly_end", lang, value=end, per=per, later=_later(frequency, last, lang))


def _later(frequency: Frequency, steps: int, lang: str) -> str:
    """``steps`` steps of ``frequency`` later, in its unit ("58 weeks later" for 29 steps of every 2 weeks; opening
    hours for steps of them)."""
    if open_hours(frequency.alias) is not None and open_step_minutes(frequency.alias) == 60:
        return t("later.open_hour", lang, n=steps)
    if (several := _units_a_step(frequency)) > 1 and has(f"later.{frequency.unit}"):
        return t(f"later.{frequency.unit}", lang, n=steps * several)
    return t(f"later.{_unit(frequency)}", lang, n=steps)


def selection_summary(params: dict[str, Any], lang: str = "en") -> str | None:
    """What a model that chooses among candidates (``auto``) chose and how, in one paragraph
    (markdown); None for models that choose nothing."""
    if params.get("chosen") is None:
        return None
    below = round(100 * (1 - params.get("alone_margin", FORMER_ALONE_MARGIN)))
    anchor = params.get("anchor_weight", FORMER_ANCHOR_WEIGHT)
    weights = params.get("member_weights")
    others = len(weights) - 1 if weights else OTHERS
    # results from before the anchor weighed more also let a straight trend line go alone; from before 2026-12-03, one
    # with seasonal terms
    not_a_line = "" if "anchor_weight" not in params else t(
        "auto.not_a_line" if params.get("seasonal_line_alone", True) else "auto.not_a_line_or_seasonal_line", lang)
    key = "auto.summary_stopped" if params.get("demand_stopped") else "auto.summary_intermittent" \
        if params.get("intermittent") else "auto.summary_short" if params.get("short_history") else "auto.summary"
    text = t(key, lang,
             chosen=candidate_name(params["chosen"], lang), season=params["season"],
             origins=params.get("origins") or 0, horizon=params.get("backtest_horizon") or 0, below=below,
             anchor=round(100 * anchor), other=round(100 * (1 - anchor) / max(others, 1)), not_a_line=not_a_line,
             rows=params.get("rows_used", 0))
    if params.get("selection_season", 1) > 1 and params.get("season") == 1:
        text += t("auto.season_by_ets", lang, season=params["selection_season"])
    elif params.get("frequency_season", 0) > 1 and params.get("season") == 1:  # said why the season was dropped
        season = params["frequency_season"]
        rows = params.get("rows_used", 0) + params.get("stamps_filled", 0)  # the season's tests saw the calendar
        # the correlation test needs more than 2 seasons, the strength test 3 (``confirmed_season``)
        key = "auto.few_seasons" if rows <= 2 * season else "auto.short_seasons" if rows < 3 * season else "auto.no_season"
        text += t(key, lang, season=season, rows=rows)
        share = round(100 * params.get("ets_season_share", 0.0))  # ETS's forms keep the frequency's season
        text += t("auto.season_in_ets", lang, share=share) if share else t("auto.season_left_out", lang)
    if forms := params.get("ets_forms"):
        text += t("auto.ets_forms", lang, forms=ets_forms_text(forms, lang))
    if params.get("regressors") and params.get("regressors_used") is False:  # the backtest found they did not help
        names = plain(quoted_list(params["regressors"], lang))
        text += t("auto.regressors_unused", lang, names=names, count=len(params["regressors"]))
    if params.get("rows_used") and params.get("skipped_rows"):
        text += t("auto.long_history", lang, used=params["rows_used"], skipped=params["skipped_rows"])
    return text


def ets_forms_text(forms: dict[str, float], lang: str = "en") -> str:
    """ETS's heaviest ``ETS_FORMS_SHOWN`` forms with their Akaike weights, then how many others and their share."""
    listed = list(forms.items())
    shown = ("、" if lang == "zh" else ", ").join(f"{form} {round(100 * weight)}%"
                                                  for form, weight in listed[:ETS_FORMS_SHOWN])
    rest = listed[ETS_FORMS_SHOWN:]
    if not rest:
        return shown
    return t("auto.other_forms", lang, shown=shown, count=len(rest), share=round(100 * sum(w for _, w in rest)))


def learned_markdown(result: RunResult, series: LoadedSeries, lang: str = "en") -> str:
    """What ``result``'s linear model learned (``describe_coefficients``) as a Markdown list, its user text (column
    names) escaped; the training span is the result's ``train`` rows. With time stamps missing and not filled the
    regressions' trend follows the calendar (``history_clock``: "per month", 99 months later where 94 rows span 100);
    with stamps off the calendar (irregular ones) the models count rows: the trend is per step, not per month ("134 days
    later" spanned 140)."""
    train_ds = result.predictions.loc[result.predictions["split"] == "train", "ds"].reset_index(drop=True)
    coefficients = result.coefficients or {}
    steps, first = history_clock(train_ds, series.frequency)  # first None: the stamps are off the calendar
    counted = STEPS if (series.report.gaps or series.report.irregular_rows) and first is None else series.frequency
    spanned = int(steps[-1]) + 1 if len(steps) else 0
    lines = describe_coefficients(coefficients, counted, series.target, spanned, lang)
    if (together := trend_with_year(coefficients, train_ds, spanned)) is not None:  # said after the year term
        year = t("coef.year", lang, value=coefficients["year"])
        at = next((place + 1 for place, line in enumerate(lines) if line == year), len(lines))
        lines.insert(at, t("coef.trend_and_year", lang, target=series.target, value=together))
    if counted is STEPS and not series.frequency.is_steps and ("x" in coefficients or any(
            name.startswith(("x^", "x after ")) for name in coefficients)):  # a trend per step: why steps
        lines.append(t("coef.steps_are_rows", lang, spacing=frequency_name(series.frequency, lang)))
    return "\n".join(f"- {plain(line)}" for line in lines)


def trend_with_year(coefficients: dict[str, float], train_ds: pd.Series, spanned: int | None = None) -> float | None:
    """The change a year of a straight trend (per step; ``spanned`` steps from the first training row to the last and
    one, its rows where not given) and a year term together, over the training rows' time stamps ``train_ds``; None
    without both. The two share one rise in any proportion the fit found: a rising series
    read "Trend: -0.43 per step" beside "Year: +10.86 per calendar year"."""
    if "x" not in coefficients or "year" not in coefficients or len(train_ds) < 2 or any(
            name.startswith("x^") or name.startswith("x after ") for name in coefficients):
        return None
    if not pd.api.types.is_datetime64_any_dtype(train_ds):
        return None
    years = (pd.Timestamp(train_ds.iloc[-1]) - pd.Timestamp(train_ds.iloc[0])) / pd.Timedelta(days=365.2425)
    steps = (spanned or len(train_ds)) - 1
    return coefficients["x"] * steps / years + coefficients["year"] if years > 0 else None


def result_notes(params: dict[str, Any], lang: str = "en") -> list[str]:
    """What to say beside a result, as Markdown: terms left out (``left_out_lines``), a recursive forecast held at
    its bound (``held_from_step``; for auto, each model it chose that was: ``held_at_bound``), a forecast held at zero
    (``held_at_zero_from_step``) or at a percentage's 100 (``held_at_ceiling_from_step``), a season or lags longer
    than the rows carry, and what auto chose."""
    summary = selection_summary(params, lang)
    held = [t("note.held_at_bound", lang, step=params["held_from_step"])] if params.get("held_from_step") else []
    held += [t("note.held_at_zero", lang, step=params["held_at_zero_from_step"])] \
        if params.get("held_at_zero_from_step") else []
    held += [t("note.held_at_ceiling", lang, step=params["held_at_ceiling_from_step"],
               ceiling=f"{params['ceiling']:g}")] if params.get("held_at_ceiling_from_step") else []
    held += [t("note.season_too_long", lang, season=params["season_asked"])] if params.get("season_asked") else []
    asked = max(map(int, re.findall(r"\d+", str(params.get("lags_asked", "")))), default=0)  # '1-12: more than ...'
    held += [t("note.fewer_lags", lang, lags=max(params["lags"]), asked=asked)] if asked else []
    held += [plain(t("note.member_held_at_bound", lang, model=candidate_name(str(name), lang), step=step))
             for name, step in (params.get("held_at_bound") or {}).items()]
    lines = left_out_lines(params, lang) + replaced_lines(params, lang)
    return [plain(line) for line in lines] + held + ([summary] if summary else [])


def selection_table(params: dict[str, Any], lang: str = "en") -> list[dict[str, Any]] | None:
    """The backtest leaderboard behind a choice, best first, its candidates named in ``lang``; None for models
    that choose nothing."""
    board = params.get("leaderboard")
    return None if board is None else [{**row, "model": candidate_name(str(row["model"]), lang)} for row in board]


def metrics_table(metrics: dict[str, dict[str, float | None]], lang: str = "en") -> pd.DataFrame:
    """Metrics as rows and train/test as columns; undefined values shown as text."""
    rows = {t(f"metric.{name}", lang) if has(f"metric.{name}") else name:
            {t(f"split.{split}", lang): _cell(metrics[split][name], lang) for split in ("train", "test")}
            for name in METRIC_NAMES}
    return pd.DataFrame(rows).T


def feature_label(name: str, lang: str = "en") -> str:
    """A design column's name in ``lang``: ``month=Feb`` as 月份=2月, ``year`` as 年份, ``x`` as x (time index);
    English levels as they are."""
    if "=" in name and lang != "en":
        part, level = name.split("=", 1)
        return f"{t(f'part.{part}', lang) if has(f'part.{part}') else part}={relabel(level, lang, 'level')}"
    return t(f"feature.{name}", lang) if has(f"feature.{name}") else name


def result_warnings(result: RunResult, lang: str = "en", fraction: float | None = None) -> list[str]:
    """What to heed in a run's result: a train fraction other than the current split's ``fraction`` (its scores and
    shaded test rows are another split's, under a heading naming the current one; a caption alone said so), test rows
    too few for its test metrics to say much (``few_test_rows``; said on the Data page too), the budget that stopped
    it (``train.budget``), descent that ended short of the exact answer (``convergence_note``), a mini-batch larger
    than the training rows (``batch_note``)."""
    used = result.request.train_fraction
    other = fraction is not None and used != fraction  # compared as the all-series result compares them
    split = [t("train.other_fraction", lang, used=used, fraction=fraction)] if other else []
    tested = int((result.predictions["split"] == "test").sum())
    split += [t("train.few_test_rows", lang, test=tested)] if few_test_rows(tested) else []
    stopped = [budget_warning(result.budget_note, lang)] if result.budget_note else []
    return split + stopped + [note for note in [convergence_note(result, lang), batch_note(result, lang)] if note]


def batch_note(result: RunResult, lang: str = "en") -> str | None:
    """Said where a mini-batch asked for holds more rows than the training rows (4,096 of 100 ran as the full batch
    without a word; the lab said it)."""
    used, rows = result.settings_used, int((result.predictions["split"] == "train").sum())
    if used.get("batch") != "mini" or int(used.get("batch_size") or 0) <= rows:
        return None
    return t("train.batch_cut", lang, asked=int(used["batch_size"]), rows=rows)


def budget_warning(note: str, lang: str = "en") -> str:
    """The training budget's note on a fit it stopped, in ``lang``."""
    return t("train.budget", lang, note=relabel(note, lang, "budget"))


def convergence_note(result: RunResult, lang: str = "en") -> str | None:
    """Said when descent stopped short of the exact least-squares answer (``NOT_REACHED``): lower the learning rate
    when the loss ended above where it started (``rising``) or stopped falling (``stalled``, or an early stop:
    overshooting), train longer when it swings less and less, else raise the rate or the epochs; None when it got
    there, for models without an exact answer, and when the training budget ended it (said on its own)."""
    gap = result.closed_form_gap
    if gap is None or not short_of_exact(gap, result.exact_loss_zero) or result.budget_note or not result.losses:
        return None
    used = result.settings_used
    stopped_early = len(result.losses) < int(used.get("epochs", 0) or 0)  # improving by less than its tolerance
    # L-BFGS short of the answer: not a step size to change but features too alike for curvature to resolve.
    # One finite loss says nothing of its direction but against the start: raise the epochs (it advised a smaller rate
    # at 1e-05), unless it rose (momentum at 10: 1.3 -> 410 was told to raise the rate).
    one_epoch = len(result.losses) == 1 and math.isfinite(result.losses[0])
    rising = _still_rising(result.losses, result.start_loss)
    gaps = _gap_curve(result.losses, gap, result.exact_loss_zero)  # the Lab's lesson reads the same curve
    key = ("train.not_reached_lbfgs" if used.get("optimizer") == "lbfgs" else
           "train.not_reached_rising" if rising else
           "train.not_reached_noise" if result.noisy_batches and not one_epoch
           and (stopped_early or result.kept_epoch) else
           "train.not_reached_overshoot" if not one_epoch and (stalled(gaps) or stopped_early)
           else "train.not_reached_swinging" if rose_late(gaps)  # Adam at 10 was told to raise its rate
           else "train.not_reached_slow_most" if int(used.get("epochs", 0) or 0) >= MOST_EPOCHS
           else "train.not_reached_slow")
    return t(key, lang, above=gap_words(gap, result.exact_loss_zero, lang, _constant_target(result)),
             epochs=len(result.losses), optimizer=used.get("optimizer"), lr=_rate(used.get("lr")),
             kept=result.kept_epoch or len(result.losses), start=result.start_loss or 0.0, end=result.losses[-1])


def _still_rising(losses: list[float], start: float | None) -> bool:
    """Whether the loss ended above where it started and at its highest of the curve's second half: steps too large
    (momentum at 10: 1.3 -> 410 in one epoch). Not a curve that swings back down on its way in (Adam at 10: 409, then
    14 after 20 epochs, above its start yet closing in)."""
    if start is None or not losses or not losses[-1] > start:
        return False
    return losses[-1] >= max(losses[len(losses) // 2:])


def _gap_curve(losses: list[float], gap: float, exact_zero: bool) -> list[float]:
    """The losses as gaps above the exact loss (relative; the losses themselves where that loss is about 0), as the
    Lab's lesson draws them: on the losses, a curve closing in (Adam at 0.05: 10.8% -> 7.5% above over 8 epochs) moved
    under 1% of the loss and was called stalled."""
    last = losses[-1]
    if exact_zero or not math.isfinite(last) or gap <= -1:
        return list(losses)
    exact = last / (1 + gap)
    return [value / exact - 1 if exact > 0 else value for value in losses]


def _constant_target(result: RunResult) -> bool:
    """Whether the run's training targets are one value: no variance to share a gap of."""
    train = result.predictions.loc[result.predictions["split"] == "train", "actual"]
    return bool(train.notna().any()) and train.nunique() == 1


def _rate(lr: object) -> str:
    """A learning rate as the URL and the lab write it (10, not 10.0)."""
    return f"{lr:g}" if isinstance(lr, (int, float)) else str(lr)


def short_of_exact(gap: float, exact_zero: bool) -> bool:
    """Whether a trained loss ``gap`` above the exact one (``relative_gap``) is short of it: by more than
    ``NOT_REACHED`` of the exact loss, or, when that is about 0, by more than ``SHARE_REACHED`` of the variance."""
    return gap * GAP_FLOOR > SHARE_REACHED if exact_zero else gap > NOT_REACHED


def gap_metric(result: RunResult, lang: str = "en") -> str:
    """The Train page's gap figure: relative to the exact loss, or, where that is about 0, a share of the target's
    variance, or, for a constant target, the loss in its squared units (it read 5.81e+05 beside a note of 58.1% of
    the variance: relative to a millionth of it)."""
    gap = float(result.closed_form_gap or 0.0)
    if not result.exact_loss_zero:
        return f"{gap:.2e}"
    if _constant_target(result):
        return t("gap.metric_constant", lang, loss=f"{gap * GAP_FLOOR:.2e}")
    return t("gap.metric_variance", lang, share=f"{100 * gap * GAP_FLOOR:.3g}%")


def gap_words(gap: float, exact_zero: bool, lang: str = "en", constant: bool = False) -> str:
    """How far a trained loss is above the exact one: a percentage of it (below 100%), else how many times it the loss
    is, or, when the exact loss is about 0
    (``exact_is_about_zero``: ``gap`` is then relative to ``GAP_FLOOR`` times the variance), a share of the variance;
    of a ``constant`` target (no variance: the floor is one squared unit), the loss in the target's squared units."""
    if not exact_zero:  # "0.0201 times the exact loss above it" read as far below it: 2.01% above it
        return t("gap.percent", lang, percent=f"{100 * gap:.3g}%") if gap < 1 else \
            t("gap.times", lang, ratio=f"{1 + gap:.3g}")
    if constant:
        return t("gap.constant", lang, loss=f"{gap * GAP_FLOOR:.3g}")
    share = 100 * gap * GAP_FLOOR
    return t("gap.of_variance", lang, share=f"{share:.3g}%" if share >= 1e-3 else f"{share:.1e}%")


def undefined_metric_notes(metrics: list[dict[str, dict[str, float | None]]], lang: str = "en",
                           splits: tuple[str, ...] = ("test",),
                           names: tuple[str, ...] = ("mape", "mase", "r2")) -> list[str]:
    """Why a metric of ``names`` (those shown) of these runs' ``splits`` has no value (``None``): MAPE divides by an
    actual of zero, MASE by an in-sample seasonal-naive error of zero, R² by actuals that do not vary. Empty when
    every one has one."""
    missing = {name for run in metrics for split in splits for name in names
               if split in run and run[split].get(name) is None}
    return [t(f"metric.why_undefined.{name}", lang) for name in ("mape", "mase", "r2") if name in missing]


def metric_notes(result: RunResult, lang: str = "en") -> list[str]:
    """The notes under a run's metrics: why a metric has no value (``undefined_metric_notes``), how many test rows
    were scored where the loader filled some (``scored_rows_lines``), test predictions far outside the training values
    (``beyond_training_note``), then how well the band
    held the test rows (``band_coverage_note``) and, where test rows lie past its backtested steps, how well it held
    those (``band_beyond_note``)."""
    notes = [*scored_rows_lines(result.predictions, lang), mape_near_zero_note(result.predictions, lang),
             beyond_training_note(result.predictions, lang, result.request.model),
             band_coverage_note(result.predictions, lang), no_band_note(result, lang),
             band_width_note(result.predictions, lang),
             band_beyond_note(result.predictions, result.band.horizon, lang, not result.band.grows)
             if result.band is not None else None]
    return undefined_metric_notes([result.metrics], lang, ("train", "test")) + [note for note in notes if note]


# A scored actual below this share of the median actual (in absolute value) makes MAPE that row's ratio, said.
NEAR_ZERO = 0.05


def mape_near_zero_note(predictions: pd.DataFrame, lang: str = "en") -> str | None:
    """Said where MAPE has a value but some scored actual lies near 0 beside the others (a temperature crossing 0:
    0.02 among values up to 13 made a MAPE of 491%, shown without a word): the ratios of those rows swamp it. None
    where no actual is near 0, and where one is 0 (MAPE is then undefined, and said so)."""
    scored = predictions[predictions["split"].isin(("train", "test")) & predictions["predicted"].notna()]
    actual = scored["actual"].dropna().abs()
    if actual.empty or bool((actual == 0).any()) or float(actual.min()) >= NEAR_ZERO * float(actual.median()):
        return None
    return t("metric.mape_near_zero", lang, smallest=number_text(float(actual.min())),
             typical=number_text(float(actual.median())))


def beyond_training_note(predictions: pd.DataFrame, lang: str = "en", model: str = "") -> str | None:
    """Said where the test predictions leave the training values' range by more than that whole range and miss by more
    than repeating the last training value would: a network fed the time index carried a rise through counts of 0 to
    8 up to 21 (test MAE 6.9 against 1.5), and only R² of -16 said anything was wrong. None otherwise."""
    train, test = (predictions[predictions["split"] == split] for split in ("train", "test"))
    known = train["actual"].to_numpy(dtype=float)
    known = known[np.isfinite(known)]
    actual, predicted = test["actual"].to_numpy(dtype=float), test["predicted"].to_numpy(dtype=float)
    keep = np.isfinite(actual) & np.isfinite(predicted)
    if len(known) < 2 or not keep.any() or np.ptp(known) <= 0:
        return None
    low, high, actual, predicted = float(known.min()), float(known.max()), actual[keep], predicted[keep]
    furthest = predicted[np.argmax(np.maximum(predicted - high, low - predicted))]
    mae, naive = float(np.mean(np.abs(predicted - actual))), float(np.mean(np.abs(known[-1] - actual)))
    if max(furthest - high, low - furthest) <= high - low or mae <= naive:
        return None
    said = t("metric.beyond_training", lang, value=number_text(float(furthest)), low=number_text(low),
             high=number_text(high), mae=number_text(mae), naive=number_text(naive))
    return said if model == "auto" else said + t("metric.beyond_training_try", lang)  # ``model``: the run's


def band_beyond_note(predictions: pd.DataFrame, horizon: int, lang: str = "en", steady: bool = False) -> str | None:
    """Where the test rows reach past the band's last backtested step ``horizon``: how many do, and how well the band
    held them there, where it was only widened (or, ``steady``, kept at its last width), never measured
    (``Band.half_width``). None where none do."""
    test = predictions[predictions["split"] == "test"]
    beyond = test.iloc[horizon:]
    rows, cover80, cover95 = band_coverage_on_test_rows(beyond)
    if not rows or cover80 is None or cover95 is None:
        return None
    return t("metric.band_beyond_steady" if steady else "metric.band_beyond", lang, steps=horizon, beyond=rows,
             cover80=100 * cover80, cover95=100 * cover95)


def no_band_note(result: RunResult, lang: str = "en") -> str | None:
    """Why the test rows have no band (``no_band_lines``); None where they have one, and without test rows."""
    return next(iter(no_band_lines(result, lang)), None)


def band_coverage_note(predictions: pd.DataFrame, lang: str = "en") -> str | None:
    """The share of the test rows' actual values inside the 80% and 95% bands: the band comes from a backtest inside
    the training rows, so this checks it on rows it never saw. None without a test row that has an actual and a band."""
    rows, cover80, cover95 = band_coverage_on_test_rows(predictions)
    if cover95 is None or cover80 is None:
        return None
    return t("metric.band_coverage", lang, rows=rows, cover80=100 * cover80, cover95=100 * cover95)


# A 95% band whose upper side lies on average this many times 1.96 test RMSEs above the forecast is said to be wide.
WIDE_BAND = 3.0


def band_width_note(predictions: pd.DataFrame, lang: str = "en") -> str | None:
    """Said where the 95% band is ``WIDE_BAND`` times or more as wide as the test rows' errors needed (its upper side,
    which no zero cuts, against 1.96 times their RMSE): a band that "held 100%" of them, four thousand wide around
    forecasts missing by 36, read as a success. None otherwise, and without test rows with an actual and a band."""
    test = predictions[predictions["split"] == "test"]
    if test.empty or "upper" not in test.columns:
        return None
    actual, predicted, upper = (test[name].to_numpy(dtype=float) for name in ("actual", "predicted", "upper"))
    keep = np.isfinite(actual) & np.isfinite(predicted) & np.isfinite(upper)
    if not keep.any():
        return None
    half, need = float(np.mean(upper[keep] - predicted[keep])), 1.96 * float(np.sqrt(np.mean(
        (actual[keep] - predicted[keep]) ** 2)))
    if need <= 0 or half < WIDE_BAND * need:
        return None
    return t("metric.band_wide", lang, ratio=half / need, half=number_text(half), need=number_text(need))


def band_coverage_on_test_rows(predictions: pd.DataFrame) -> tuple[int, float | None, float | None]:
    """How many test rows have an actual and a 95% band, and the shares of them inside the 80% and the 95% band (None
    without such rows)."""
    test = predictions[predictions["split"] == "test"]
    if test.empty or not {"actual", "lower", "upper", "lower_80", "upper_80"} <= set(test.columns):
        return 0, None, None
    actual = test["actual"].to_numpy(dtype=float)
    bands = {suffix: (test[f"lower{suffix}"].to_numpy(dtype=float), test[f"upper{suffix}"].to_numpy(dtype=float))
             for suffix in ("", "_80")}
    lower, upper = bands[""]
    rows = int((np.isfinite(actual) & np.isfinite(lower) & np.isfinite(upper)).sum())
    return rows, interval_coverage(actual, *bands["_80"]), interval_coverage(actual, lower, upper)


def _cell(value: float | None, lang: str) -> str:
    return t("metric.undefined", lang) if value is None else number_text(value)
