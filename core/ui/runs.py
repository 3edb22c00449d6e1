"""The session's runs: leaderboard rows and overlays for the Compare and Forecast pages."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.data.tidy import LoadedSeries
from core.evaluation.left_out import held_ahead_lines, replaced_lines
from core.evaluation.pipeline import Refit, RunRequest, RunResult, refit_on_all_rows
from core.i18n import candidate_name, core_text, format_stamp, listed, quoted_list, t
from core.models.specs import regressor_users
from core.panel.run import regressors_used_text
from core.ui import state_keys as keys
from core.ui.charts import value_format
from core.ui.explain import band_coverage_on_test_rows
from core.ui.text import plain


def run_label(index: int, result: RunResult) -> str:
    """A short unique name: ``#2 multi``, by the run's number in the session (which stays when older runs are
    dropped: the 31st run is #31, and #5 keeps naming the same run), else by its place ``index``."""
    return f"#{result.number or index + 1} {result.request.model}"


def shown_label(runs: list[RunResult], result: RunResult) -> str:
    """``run_label`` of ``result`` among the session's ``runs``; its model's name when it is not one of them."""
    index = next((i for i, run in enumerate(runs) if run is result), None)
    return result.request.model if index is None else run_label(index, result)


def forecast_captions(future: pd.DataFrame, horizon: int, lang: str = "en", regressors: bool = True) -> list[str]:
    """The captions under a forecast's chart, from what the forecast says of itself (``future.attrs``): the band past
    the steps it was measured on, a forecast held at zero or at a percentage's 100, what auto chose again, the values
    it fitted as expected, the future regressor values it used, and the regressors the model does not use (an
    autoregression forecast 30 days of a file whose temperatures reach 14 without a word). ``regressors`` False leaves
    the values used out, for a series of a file of several, whose forecast's summary says them once for all."""
    attrs = future.attrs
    beyond = "forecast.band_beyond_steady" if attrs.get("band_steady") else "forecast.band_beyond"
    notes = [t(beyond, lang, steps=attrs["band_measured_steps"])] if attrs.get("band_measured_steps") else []
    notes += [t("forecast.held_at_zero", lang, step=attrs["held_at_zero_from_step"])] \
        if attrs.get("held_at_zero_from_step") else []
    notes += [t("forecast.held_at_ceiling", lang, step=attrs["held_at_ceiling_from_step"],
                ceiling=f"{attrs['ceiling']:g}")] if attrs.get("held_at_ceiling_from_step") else []
    notes += [t("forecast.no_band", lang, rows=attrs["no_band_rows"])] if attrs.get("no_band_rows") is not None else []
    notes += held_ahead_lines(attrs, lang)
    notes += [t("forecast.chosen", lang, chosen=candidate_name(attrs["chosen"], lang))] if attrs.get("chosen") else []
    notes += [plain(line) for line in replaced_lines(attrs, lang, key="forecast.gross_errors")]
    notes += [plain(regressors_used_text(attrs["regressors_used"], horizon, lang))] \
        if attrs.get("regressors_used") and regressors else []
    if unused := attrs.get("regressors_unused"):
        notes.append(plain(t("forecast.regressors_unused", lang, names=quoted_list(unused, lang),
                             users=regressor_users(t("list.separator", lang)))))
    return notes


def forecast_heading(label: str | None, steps: int, history: pd.Series, future: pd.DataFrame,
                     frequency: Frequency, lang: str = "en") -> str:
    """The Forecast page's heading: the run (``label``; None: the default run), the steps and the dates they span
    (a presenter asked for 8 weeks worked out the 56 days, and read "56 steps past 2024-12-30" only)."""
    ahead = future.loc[future["split"] == "future", "ds"] if "split" in future.columns else future["ds"]
    end, last = (format_stamp(stamp, frequency, lang) for stamp in (history.iloc[-1], ahead.iloc[-1]))
    return t("forecast.result", lang, run=plain(label or t("forecast.default_run", lang)), steps=steps, end=end,
             last=last)


def download_name(source: str, label: str | None, what: str = "forecast", extension: str = ".csv",
                  view: str = "") -> str:
    """A download's file name from the file in use, the series shown of a file of several (``view``: each numbers its
    runs from 1) and the run (``sales-2_auto-forecast.csv``, ``stores-north-1_linear-predictions.csv``): a presenter's
    downloads were all ``forecast.csv``. Characters other than letters, digits, ``-``, ``_`` and ``.`` become ``_``."""
    parts = (PurePath(source).stem, view, label or "", what)
    cleaned = [re.sub(r"[^\w.-]+", "_", part).strip("_.-") for part in parts]
    return "-".join([cleaned[0] or "series"] + [part for part in cleaned[1:] if part]) + extension


def describe_settings(result: RunResult, lang: str = "en") -> str:
    """The settings the run used, as ``key=value`` pairs (what auto chose named in ``lang``)."""
    return format_settings(result.settings_used, lang)


def format_settings(settings: Mapping[str, object], lang: str = "en") -> str:
    """``key=value`` pairs, floats in ``%g``, the names and choices (batch: full) in ``lang``; what auto chose
    (``chosen``) named in ``lang``."""
    def shown(name: str, value: object) -> str:
        if isinstance(value, float):
            return f"{value:g}"
        return candidate_name(str(value), lang) if name == "chosen" else core_text(f"choice.{value}", lang, str(value))
    return t("settings.separator", lang).join(f"{core_text(f'setting.{name}', lang, name)}={shown(name, value)}"
                                              for name, value in settings.items())


# The leaderboard's columns (catalog keys under "board."), scores first, and the number formats of some.
BOARD_COLUMNS = ("run", "test_mae", "test_rmse", "test_mape", "test_smape", "test_mase", "test_r2", "test_band80",
                 "test_band95", "model", "fit_seconds", "train_fraction", "device", "settings")
BOARD_FORMATS = {"test_mae": "%.4g", "test_rmse": "%.4g", "test_mape": "%.3g", "test_smape": "%.3g",
                 "test_mase": "%.3g", "test_r2": "%.3g", "test_band80": "%.0f", "test_band95": "%.0f",
                 "fit_seconds": "%.3f"}


def board_formats(lang: str = "en", results: Sequence[RunResult] = ()) -> dict[str, str]:
    """Number formats of the leaderboard's columns, by the names the columns have in ``lang``; MAE and RMSE, in the
    target's units, with the decimals their size needs and thousands grouped (``value_format`` of the ``results``'
    test scores): '%.4g' wrote an MAE of 12,345.7 as 1.235e+4."""
    scores = [value for result in results for name in ("mae", "rmse")
              if (value := result.metrics["test"].get(name)) is not None]
    scaled = dict.fromkeys(("test_mae", "test_rmse"), value_format(np.asarray(scores, dtype=float))) if scores else {}
    return table_formats({**BOARD_FORMATS, **scaled}, "board", lang)


def _percent(share: float | None) -> float | None:
    return None if share is None else 100 * share


def table_formats(formats: dict[str, str], prefix: str, lang: str = "en") -> dict[str, str]:
    """``formats`` of a table's columns by the names the columns have in ``lang`` (catalog keys ``prefix.name``)."""
    return {t(f"{prefix}.{name}", lang): fmt for name, fmt in formats.items()}


def leaderboard(results: list[RunResult], labels: list[str], lang: str = "en",
                fraction: float | None = None) -> pd.DataFrame:
    """One row per run, best test MAE first: the scores first (so they stay in view on a narrow
    screen), then the model, its settings, train fraction, fit time and device; columns named in ``lang``.
    Runs of another train fraction than ``fraction`` (the current split) follow, by fraction: their test rows
    differ, so their scores do not rank against the others."""
    rows = []
    for label, result in zip(labels, results):
        test = result.metrics["test"]
        _, inside80, inside95 = band_coverage_on_test_rows(result.predictions)  # the band's check on unseen rows
        values = (label, test["mae"], test["rmse"], test["mape"], test["smape"], test["mase"], test["r2"],
                  _percent(inside80), _percent(inside95), result.request.model, result.fit_seconds,
                  result.request.train_fraction, result.device, describe_settings(result, lang))
        rows.append({t(f"board.{name}", lang): value for name, value in zip(BOARD_COLUMNS, values)})
    frame = pd.DataFrame(rows)
    if not rows:
        return frame
    split = frame[t("board.train_fraction", lang)]
    order = frame.assign(_other=split != fraction if fraction is not None else False, _split=split)
    order = order.sort_values(["_other", "_split", t("board.test_mae", lang)], kind="stable")
    return frame.loc[order.index].reset_index(drop=True)


def bandless_note(results: list[RunResult], labels: list[str], lang: str = "en") -> str | None:
    """Under the board: the runs whose band columns read "undefined" because they have no prediction band (a short
    series' backtest could not refit the model, or measuring it was stopped), not because of the test rows; None when
    every run has one."""
    names = [label for label, result in zip(labels, results) if band_coverage_on_test_rows(result.predictions)[0] == 0]
    return t("compare.no_band", lang, runs=quoted_list(names, lang)) if names else None


def board_parts(board: pd.DataFrame, fraction: float, lang: str = "en", key: str = "board") -> list[pd.DataFrame]:
    """A board's rows of the current split, then, when there are any, those of other train fractions: two tables, so
    that sorting by a column ranks only runs scored on the same test rows (a click on a header put a 0.7 run among the
    0.8 split's, the warning above saying it was not ranked against them)."""
    other = board[t(f"{key}.train_fraction", lang)] != fraction
    return [part.reset_index(drop=True) for part in (board[~other], board[other]) if len(part)] or [board]


def other_fractions(results: list[RunResult] | list[Any], fraction: float) -> list[float]:
    """The train fractions of runs (of one series, or over all series: anything with a ``request``) other than the
    current split's, in order: runs scored on other test rows."""
    return sorted({result.request.train_fraction for result in results} - {fraction})


def other_fractions_warning(results: list[RunResult] | list[Any], fraction: float, lang: str = "en") -> str | None:
    """The warning above a board whose runs include other train fractions than ``fraction`` (``other_fractions``);
    None when every run has the current split."""
    others = other_fractions(results, fraction)
    shown = listed((f"{other:g}" for other in others), lang)
    return t("compare.other_fractions", lang, fraction=fraction, others=shown) if others else None


def baseline_models(frequency: Frequency) -> tuple[str, ...]:
    """The Compare page's reference baselines: naive and, where the series has a season, seasonal naive (of a season
    of one step it is naive again: two rows of the same numbers, told apart by nothing)."""
    return ("naive", "snaive") if frequency.season_length > 1 else ("naive",)


def baselines_not_run(runs: list[RunResult], baselines: list[RunResult]) -> list[RunResult]:
    """The reference baselines the user has not already run on the same split: a run of ``naive`` and
    the baseline ``naive`` would be the same row twice."""
    done = {(run.request.model, run.request.train_fraction) for run in runs}
    return [base for base in baselines if (base.request.model, base.request.train_fraction) not in done]


def best_labels(results: list[RunResult], labels: list[str], count: int = 2, fraction: float | None = None) -> list[str]:
    """The ``count`` labels with the lowest test MAE (runs without a test MAE last), among the runs of train
    ``fraction`` when it is given and has any."""
    def score(pair: tuple[str, RunResult]) -> float:
        mae = pair[1].metrics["test"]["mae"]
        return float("inf") if mae is None else float(mae)
    pairs = list(zip(labels, results))
    same = [pair for pair in pairs if fraction is None or pair[1].request.train_fraction == fraction] or pairs
    return [label for label, _ in sorted(same, key=score)[:count]]


def overlay_choice(state: MutableMapping[str, Any], ids: list[str], labels: list[str],
                   best: Callable[[], list[str]]) -> None:
    """Set the overlay's choice (``COMPARE_SELECTED``): the ``best`` two for runs it was not made for (new runs, or
    back on the page), else the user's own, relabelled when only the labels' language changed (``ids``: the same runs
    in any language; a switch of language had put the best two back)."""
    before = state.get(keys.COMPARE_DEFAULT_FOR)
    if not isinstance(before, tuple) or before[0] != ids or keys.COMPARE_SELECTED not in state:
        state[keys.COMPARE_SELECTED] = best()
    elif before[1] != labels:
        relabelled = dict(zip(before[1], labels))
        state[keys.COMPARE_SELECTED] = [relabelled[label] for label in state[keys.COMPARE_SELECTED]
                                        if label in relabelled]
    state[keys.COMPARE_DEFAULT_FOR] = (ids, labels)


def test_span(results: list[RunResult], fraction: float) -> tuple[object, object] | None:
    """The first and last time stamps of the current split's test rows (a run of train fraction ``fraction``: the
    baselines are), for the overlay to shade; None without such a run or test rows."""
    current = next((result for result in results if result.request.train_fraction == fraction), None)
    if current is None:
        return None
    test = current.predictions.loc[current.predictions["split"] == "test", "ds"]
    return (test.iloc[0], test.iloc[-1]) if len(test) else None


def overlay_frame(results: list[RunResult], labels: list[str], chosen: list[str]) -> pd.DataFrame:
    """Long frame ``ds, value, series`` of the actuals and the chosen runs' predictions."""
    if not results:
        return pd.DataFrame(columns=["ds", "value", "series"])
    base = results[0].predictions
    parts = [pd.DataFrame({"ds": base["ds"], "value": base["actual"], "series": "actual"}).dropna()]
    for label, result in zip(labels, results):
        if label in chosen:
            rows = result.predictions[result.predictions["split"] != "future"]
            parts.append(pd.DataFrame({"ds": rows["ds"], "value": rows["predicted"], "series": label}).dropna())
    return pd.concat(parts, ignore_index=True)


def kept_refit(state: MutableMapping[str, Any], series: LoadedSeries) -> Callable[[RunRequest], Refit]:
    """The Forecast page's refit of a model on every row of ``series`` with its band (``refit_on_all_rows``), kept
    for the last request: neither depends on the horizon, so another horizon (or a second click) does not fit and
    backtest again (an hourly series' auto: 32 s each time). A refit the training budget cut short is not kept."""
    def refit(request: RunRequest) -> Refit:
        asked = replace(request, horizon=0)
        cached = state.get(keys.FORECAST_REFIT)
        if cached is None or cached[0] is not series or cached[1] != asked:
            cached = (series, asked, refit_on_all_rows(series.frame, series.frequency, request))
            history = cached[2].model.training_history()
            cut_short = history is not None and bool(history.budget_note)  # another click tries again
            state[keys.FORECAST_REFIT] = None if cut_short else cached
        return cached[2]  # type: ignore[no-any-return]
    return refit
