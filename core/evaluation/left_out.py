"""What a model left out of its terms, said as sentences: on the Train page under the coefficients, and as notes of
the command line and of every series' metrics (it printed none; only ``params.left_out`` of the JSON said it)."""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.data.quality import GROSS_LIMIT
from core.evaluation.intervals import MAX_BAND_ROWS
from core.evaluation.pipeline import RunResult
from core.i18n import ENSEMBLE, candidate_name, has, listed, number_text, t
from core.models.features import CONSTANT, EACH_ROW_A_YEAR, SAME_IN_EVERY_ROW, YEAR_FROM_TREND, YEARLY_CYCLE
from core.models.regression import FEW_ROWS, PART_OF_A_SEASON, PART_OF_TWO_CYCLES


def left_out_lines(params: dict[str, Any], lang: str = "en") -> list[str]:
    """One sentence per term the model left out because the training rows cannot estimate it (or it would add
    nothing). Core gives the reason in English; another language says the reason in general terms for the kind of
    term."""
    return [_left_out_line(str(term), str(reason), lang) for term, reason in params.get("left_out", {}).items()]


def held_ahead_lines(params: dict[str, Any], lang: str = "en") -> list[str]:
    """Said of a forecast past the end held at the history's range widened by it (``params``' ``held_at_bound``: the
    models held and the first step each was, ``Forecaster.held_at_bound``; where auto ``chosen`` an ensemble, its
    members, which its mean goes on beside): ar's 400 months of AirPassengers ran to that bound unsaid."""
    held: dict[str, int] = params.get("held_at_bound") or {}
    if not held:
        return []
    if str(params.get("chosen", "")).startswith(ENSEMBLE):
        return [t("forecast.member_held_at_bound", lang, model=candidate_name(name, lang), step=step)
                for name, step in sorted(held.items(), key=lambda item: item[1])]  # the first held first
    return [t("forecast.held_at_bound", lang, step=min(held.values()))]


def replaced_lines(params: dict[str, Any], lang: str = "en", name: str = "replaced",
                   key: str = "note.gross_errors") -> list[str]:
    """What auto fitted in place of the gross errors it found (``params[name]``: ``replaced`` on the training rows,
    ``future_replaced`` on every row for a forecast; the first three named, then how many more), said on the Train
    and Forecast pages and as notes of the command line: the models never saw those values, the scores still do."""
    replaced = params.get(name) or []
    if not replaced:
        return []
    examples = listed((t("note.gross_error", lang, ds=row["ds"], value=number_text(row["value"]),
                         expected=number_text(row["expected"])) for row in replaced[:3]), lang)
    more = f", +{len(replaced) - 3}" if len(replaced) > 3 else ""
    return [t(key, lang, count=len(replaced), examples=examples + more, limit=GROSS_LIMIT)]


def scored_rows_lines(predictions: pd.DataFrame, lang: str = "en") -> list[str]:
    """How many test rows the test metrics count, where some are values the loader filled (no metric scores them): a
    typed year 2108 and its 1,061 filled months left one test row of 337 scored, with nothing to say so."""
    test = predictions[predictions["split"] == "test"]
    scored = int(np.isfinite(test["actual"].to_numpy(dtype=float)).sum())
    return [t("metric.scored_rows", lang, scored=scored, rows=len(test))] if scored < len(test) else []


def forecast_replaced_lines(params: dict[str, Any], lang: str = "en") -> list[str]:
    """The gross errors auto fitted for a forecast (``future_replaced``), where they are not those of the training
    rows (``replaced``, said already): a typed value among the test rows."""
    stamps = [[row["ds"] for row in params.get(name) or []] for name in ("future_replaced", "replaced")]
    if stamps[0] == stamps[1]:
        return []
    return replaced_lines(params, lang, "future_replaced", "forecast.gross_errors")


def _left_out_line(term: str, reason: str, lang: str) -> str:
    if term == "fourier":
        return t("coef.left_out_fourier_rows" if reason.startswith(FEW_ROWS) else "coef.left_out_fourier_season"
                 if reason.startswith(PART_OF_A_SEASON) else "coef.left_out_fourier", lang)
    if term.startswith(CONSTANT) and reason.endswith(SAME_IN_EVERY_ROW):
        return t("coef.left_out_constant", lang, term=term.removeprefix(CONSTANT))
    if lang == "en":
        return t("coef.left_out", lang, term=term, reason=reason)
    if reason.startswith(PART_OF_TWO_CYCLES):  # the year's pairs of daily rows, or the day's of minutes
        return t("coef.left_out_cycle" if term == YEARLY_CYCLE else "coef.left_out_day_cycle", lang)
    if term == "year":
        return t("coef.left_out_year_trend" if reason.startswith(YEAR_FROM_TREND) else
                 "coef.left_out_yearly" if reason.startswith(EACH_ROW_A_YEAR) else "coef.left_out_year", lang)
    return t("coef.left_out_part_rows" if reason.startswith(FEW_ROWS) else "coef.left_out_part", lang,
             part=t(f"part.{term}", lang) if has(f"part.{term}") else term)


def no_band_lines(result: RunResult, lang: str = "en") -> list[str]:
    """Why the test rows have no band, where they have none: its measurement was stopped; the model's refits need more
    rows than the band's backtest refits on (``MAX_BAND_ROWS``: multi a week of rows a second apart, 604,800: "more
    rows give one" could never hold, and the command line said nothing); or the model could not be refitted at an
    earlier origin (an autoregression on 10 yearly rows: the band was missing without a word)."""
    if result.band is not None or not (result.predictions["split"] == "test").any():
        return []
    if result.band_stopped:
        return [t("metric.band_stopped", lang)]
    rows = int((result.predictions["split"] == "train").sum())
    if (fewest := result.forecaster.fewest_refit_rows()) >= MAX_BAND_ROWS and rows > MAX_BAND_ROWS:
        return [t("metric.no_band_rows", lang, model=result.request.model, fewest=fewest, most=MAX_BAND_ROWS)]
    return [t("metric.no_band", lang, model=result.request.model, rows=rows)]
