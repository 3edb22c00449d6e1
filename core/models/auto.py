"""``auto``: choose model and transform by a rolling-origin backtest inside the training rows only;
the band comes from that backtest's errors of what was chosen, or for short series from a backtest of
its own (``core.evaluation.intervals``).

Exponential smoothing (ETS, its forms averaged with Akaike weights) is the anchor: another candidate is used alone
only when its backtest score is below ``ALONE_MARGIN`` times ETS's; otherwise auto forecasts with a weighted
mean of ETS (``ANCHOR_WEIGHT``) and the two best other candidates. A search over many candidates on a few origins picks
narrow winners by chance; the rule and its margin were chosen on tuning series (``ALONE_MARGIN``) and
never on the panels the benchmarks report as held out.

The backtest horizon comes from the number of rows and the season length only, never from the
horizon asked for: asking further ahead must not change the choice, and so the near forecasts."""
from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import WITHIN_A_DAY, Frequency
from core.data.quality import format_stamp, gross_errors
from core.errors import SettingsError
from core.evaluation.intervals import (Band, BacktestPlan, backtest_errors, backtest_horizon, band_from_backtest,
                                       interval_plan)
from core.evaluation.metrics import seasonal_naive_scale
from core.models.arima import ArimaForecaster
from core.models.autoregression import AutoRegressiveForecaster
from core.models.base import Forecaster
from core.models.calendar_grid import CalendarClock, OnCalendar, filled_history, held_on_rows, history_places
from core.models.ets import EtsForecaster
from core.models.intermittent import VARIANTS, IntermittentForecaster
from core.models.features import week_of_rows
from core.models.baselines import DriftForecaster, SeasonalNaiveForecaster
from core.models.smoothing import DynamicThetaForecaster, ExponentialSmoothingForecaster, ThetaForecaster
from core.models.state import register
from core.models.transforms import confirmed_season, needs_differencing
from core.models.trend_season import TrendSeasonForecaster, seasonal_periods
from core.training.devices import resolve_device
from core.training.loop import EXACT, EpochCallback, History, TrainConfig

ORIGINS = 5
# The selection backtest sets the band when it had this many origins (monthly: always from 211 rows); with fewer, the
# model is refitted at origins of the band's own (``intervals.interval_plan``). A choice made on three origins makes
# their errors of the winner optimistic: from 3 to 4, the 95% interval score of ``bench/band_coverage.py`` fell on 11 of
# the 12 halves of its six tuning sets (bench44 14.00 -> 12.78, M3 9.25 -> 9.04, tourism 20.37 -> 18.29, M3 yearly
# 29.48 -> 28.15, 95% coverage 81.5% -> 84.5%); refitting always scored within 2% of 4 and took up to twice as long.
BAND_ORIGINS = 4
# A transformed candidate must backtest clearly better than its untransformed twin to be chosen:
# its score is multiplied by this factor (fewer assumptions win ties).
TRANSFORM_PENALTY = 1.1
# Box-Cox candidates were dropped: on the tuning series of ``bench/accuracy.py`` they changed 2 of 44
# choices, both for the worse (US m1 3.69 -> 6.00 x seasonal naive, alone through a trend break), and took
# a third of the transformed candidates' time. (Model files that chose one still load and forecast.)
AUTO_TRANSFORMS = ("none", "log")
# The anchor is ETS fitted on the rows as they are. Measured and left, 2026-12-04, on the test forecasts of
# ``bench/auto_rules.py``'s six tuning sets (mean of their geometric means, all / first halves / second halves; auto
# 0.6661 / 0.6530 / 0.6795): ETS on temporally aggregated rows (means of k rows, k dividing the season, as MAPA and
# THieF aggregate), each level's forecast spread back over its k steps. Averaged with the rows' own ETS the levels
# flatten the season (ETS alone 0.6944 -> 0.7573); keeping the rows' seasonal shape and taking the level from the mean
# of the aggregates helped the monthly sets (M3 0.797 -> 0.776, tourism 0.901 -> 0.864) but not bench44 (0.547 ->
# 0.658: trend breaks, which the aggregates follow late) or the yearly ones; as auto's anchor 0.6661 / 0.6603 / 0.6720,
# on seasonal series only 0.6676 / 0.6567 / 0.6787, a quarter or half of it beside ETS 0.6656-0.6661 (first halves
# 0.6529-0.6538): within the halves' noise. Median or inverse-score weights for the ensemble, a fixed mean or median
# of ETS, dynamic Theta and ARIMA, or a trimmed mean of the 3-6 best: 0.6695-0.6957, first halves 0.6460-0.6750 and
# second halves 0.6816-0.7171 (the fixed median: A 0.6460, B 0.7110).
ANCHOR = "ETS"
# Another candidate alone needs a backtest score below this fraction of the anchor's. Chosen on three tuning sets
# (the 44 tuning series of ``bench/accuracy.py``, 120 M3 monthly series, and the 216 tourism-competition monthly
# series left out of ``bench/many_accuracy.py``'s panel): from 0.8 to 0.5 the mean of their geometric means went
# 0.725 -> 0.717 (0.498 -> 0.505, 0.809 -> 0.808, 0.945 -> 0.903), the worst series 13.1 -> 5.1 x seasonal naive,
# and 8 fewer series worse than 1.2x; margins from 0.4 to 0.55 score within 0.005 of each other.
# Checked again on six tuning sets (those three and 300 yearly, quarterly and other M3 series), with the candidates of
# ``_trend_candidates``, ``ANCHOR_WEIGHT`` and no straight trend alone (``chosen_members``): margins 0.3, 0.4, 0.5 and
# 0.6 score 0.678, 0.674, 0.675 and 0.682 (0.4's first halves are worse, 0.6629 against 0.6587), so 0.5 stays.
ALONE_MARGIN = 0.5
# Autoregressions on the first difference, and on the first and seasonal differences together, taken without a test
# were dropped (the ARIMA candidate takes the first difference when KPSS asks for it): on the same three sets their
# geometric means went 0.505 -> 0.502, 0.808 -> 0.798 and 0.903 -> 0.880 (mean 0.717 -> 0.706; better on both halves
# of M3 and tourism, bench44's halves 0.437 -> 0.428 and 0.582 -> 0.588), 6 fewer series worse than 1.2x, and the
# margin stayed best at 0.5 (``bench/auto_rules.py``).
FORMER_ALONE_MARGIN = 0.8  # the margin of model files and results written before auto reported its own
# Candidates that never go alone (``chosen_members``): a straight trend line, with or without seasonal terms, bets every
# forecast on the slope of the whole history. Measured and left, 2026-12-03 (``bench/auto_rules.py``'s six sets, 0.6748,
# halves 0.6582 and 0.6918): straight lines never in an ensemble either, 0.6737 (0.6517, 0.6964), or only the line
# without seasonal terms, 0.6725 (0.6524, 0.6932): the second halves reject both. Scores multiplied by a prior per
# candidate (its geometric mean test error over ETS's on the other half's series, to a power of 0.25-1): worse on
# both halves (0.6766-0.6900); the backtest's ranking beats the families' averages. A fall-back to naive or seasonal
# naive (or drift) where one backtests below 0.7-1.0 times what was chosen (its own errors, the ensemble's weighted):
# 0 to 27 series change, 0.6747-0.6839, never better on both halves; the backtest rarely finds a baseline ahead.
NEVER_ALONE = (": trend", ": trend + season")
FORMER_NEVER_ALONE = (": trend",)  # model files and results written before the seasonal line joined it
# Candidates averaged with the anchor. Measured and left, 2026-12-06 (``bench/auto_rules.py``'s six tuning sets; the
# mean of their geometric means, all / first halves / second halves): 1 other 0.6716 / 0.6552 / 0.6884, 2 others
# 0.6661 / 0.6530 / 0.6795, 3 0.6731 / 0.6570 / 0.6895, 4 0.6722 / 0.6538 / 0.6912, 5 0.6701 / 0.6512 / 0.6896 (with
# ETS's weight 0.4 or 0.6 beside 3 or 4 others: 0.6710-0.6757). The first halves alone would pick 5 and the second
# halves 2. ETS alone, the anchor, scores 0.6944 there; statsforecast's AutoETS on the same splits 0.7225 and AutoTheta
# 0.7359 (first halves 0.7000 and 0.7052).
OTHERS = 2
# The anchor's weight in an ensemble; the others share the rest equally. Any weight from 0.4 to 0.6 beat equal
# weights (1/3) on both halves of the six tuning sets of ``_trend_candidates``' note (``bench/auto_rules.py``): the mean
# of their geometric means went 0.6633 -> 0.6608 on the first halves and 0.6990 -> 0.6932 on the second with 0.5, the
# middle of that range; the first halves alone would have chosen 0.7 (0.6597, second halves 0.6979). All six sets:
# 0.681 -> 0.677, one fewer series worse than 1.2x seasonal naive.
ANCHOR_WEIGHT = 0.5
FORMER_ANCHOR_WEIGHT = 1 / 3  # the anchor's weight in results and model files written before it weighed more
# The dynamic optimised Theta model is a candidate like the others. On the three tuning sets of ``ALONE_MARGIN`` the
# mean of their geometric means went 0.7056 -> 0.7018 with it (bench44 0.502 -> 0.495, M3 0.798 -> 0.795, tourism
# 0.877 -> 0.878). Always averaging it with ETS when its backtest was within 1.1x of ETS's scored 0.7025 (0.511,
# 0.782, 0.868): better on the monthly sets, worse on bench44, and on the 21 employment series of
# ``bench/many_accuracy.py`` (whose trends break in the test years) 0.461 -> 0.557, so it is not forced in.
DYNAMIC_THETA = "dynamic theta"
# Histories of at most this many rows are forecast by the equal mean of ``SHORT_MEMBERS``, whatever the backtest
# ranks first: its two or three origins a few steps apart cannot tell the candidates apart (``Search.short``). Chosen
# on the first halves of the six tuning sets of ``_trend_candidates``' note (``bench/auto_rules.py``; 16, 20, 24, 27,
# 30, 33, 36 rows: 0.6547, 0.6530, 0.6567, 0.6568, 0.6580, 0.6596, 0.6665 against 0.6582), 2026-12-04; the second
# halves 0.6918 -> 0.6795 (M3 yearly 0.760 -> 0.717, M3 quarterly 0.733 -> 0.719, the other sets unchanged; 86 series
# changed; worst series 5.75x -> 5.60x seasonal naive). On M1's 1,001 series, never tuned on (``bench/many_accuracy.py
# --panel m1``): 0.741 -> 0.734 (yearly 0.693 -> 0.669, quarterly 0.681 -> 0.669), 171 -> 174 series worse than 1.2x
# seasonal naive, the worst 10.3x -> 6.8x, band coverage 74.7% / 90.3% -> 76.1% / 91.2% (yearly 71.3% / 87.6% -> 77.7%
# / 92.2%). The members were fixed beforehand (ETS, dynamic Theta and ARIMA each scored ahead of auto's choice alone on
# M3 yearly, 0.737, 0.726, 0.718 against 0.760); swept afterwards at 20 rows on the six sets (all, A, B): ETS with
# dynamic Theta 0.6708 / 0.6575 / 0.6843, with ARIMA 0.6673 / 0.6542 / 0.6807, all three and Theta 0.6664 / 0.6516 /
# 0.6816, these three 0.6661 / 0.6530 / 0.6795: Theta's gain on the first halves (0.2%) is within their noise.
SHORT_ROWS = 20
# Spacings under a day have a week beside the day's season (an office's calls, a city's taxis: weekends apart). Where
# the week is a cycle of its own (``week_cycle``), every backtest origin leaves a week and a day of rows to fit: before,
# the origins started at two days' rows, where no candidate can learn a weekday, and auto forecast a half-hourly
# series of 28 days with a weekend rise by ETS and Theta at the day's season (test MAE 1,418, 0.85x seasonal naive at
# the day's lag; now 872 by ETS and the trend + season regressions, whose weekly terms now fit). On the six tuning sets
# of ``chosen_members`` (``bench/auto_rules.py``) no series changed: of their three series under a day, the two
# hourly temperatures have no weekly cycle, and the synthetic half-hourly one kept its choice. Measured and left:
# seasonal naive at a week's lag as a candidate beside it: alone on that synthetic series (0.176 -> 0.261x seasonal
# naive).
WEEKS_HELD = 2
SHORT_MEMBERS = (ANCHOR, DYNAMIC_THETA, "none: ARIMA")
# Intermittent demand (``intermittent``): the share of zeros, from the first demand on, at or above which a series
# without a confirmed season is forecast at its demand rate by the equal mean of ``INTERMITTENT_MEMBERS``, as
# statsforecast recommends Croston's family for it; the least demands (non-zero rows) for that. Where the last run
# without demand is ``STOPPED_RUNS`` times the longest gap between demands before it or longer (a SKU no longer sold),
# by TSB alone, whose chance of demand decays through the run (Croston's keeps the old rate). Not chosen on the tuning
# sets (none of their series is intermittent: the rule changes none of them); measured on a SKU's weeks and on 200
# simulated series (``bench/intermittent.py``, 2026-12-06): RMSSE 0.597 (halves 0.547 / 0.652) against 0.626 with the
# usual rule; statsforecast's CrostonSBA 0.600, TSB 0.596, ADIDA 0.600, IMAPA 0.601, AutoETS 0.607 in the same run.
# The stopped rule fired on 2 of them (0.5962 against 0.5964 without it); it answers a reviewer's SKU whose last 30 of
# 104 weeks sold nothing (forecast 2.41 a week, now 0.24). A seasonal series with many zeros (demand on Saturdays, a
# pump run in the mornings and evenings, a shop's closed days) keeps the usual rule: its season is no chance.
INTERMITTENT_ZEROS = 0.5
INTERMITTENT_DEMANDS = 4
INTERMITTENT_MEMBERS = ("croston sba", "tsb")
STOPPED_RUNS = 2
# Long histories: auto works on the most recent rows (its backtests forecast at most
# ``intervals.MAX_BACKTEST_HORIZON`` steps ahead; bands beyond grow like sqrt(h)).
MAX_ROWS = 20_000
RIDGE = 1e-3  # ridge penalty of the trend + season regressions (standardized columns)
MLP_HIDDEN = 8
MLP_RIDGE = 1e-2
# The MLP stops once an epoch improves its loss by less than this fraction: on the tuning series the same
# choices and forecasts as training to 1e-10, in 37% less time.
MLP_TOL = 1e-3
# Training rows per network weight below which the MLP is left out (AirPassengers' 100 rows are too few for
# its 73 weights). On the tuning series any threshold from 150 to 500 rows gave the same forecasts but one:
# AirPassengers' test MAPE went from 4.24% to 4.40%; auto's fit there took half the time.
MLP_ROWS_PER_WEIGHT = 3
Factory = Callable[[], Forecaster]
USES_REGRESSORS = "+ regressors"  # in the names of the candidates that use the user's regressors


@register
@dataclass(frozen=True)
class BacktestRow:
    """One candidate's backtest: mean error scaled by the in-sample seasonal-naive error (lower is better)."""

    model: str
    score: float
    error: str = ""


def candidate_factories(values: np.ndarray, frequency: Frequency, season: int, seed: int,
                        regressors: tuple[str, ...] = (), device: str = "cpu") -> dict[str, Factory]:
    """Every candidate that suits this series: baselines, exponential smoothing, Theta and the dynamic
    optimised Theta model; an ARIMA-style
    autoregression (differences by tests, order by AICc), level, differenced and seasonally
    differenced autoregressions and trend + seasonality regressions on the raw and log scales
    (``AUTO_TRANSFORMS``; log for positive series only); for a long enough seasonal series, an MLP on
    lags of its seasonal difference. Level models (which pull forecasts back to the mean) only when KPSS finds a
    stable level. The candidates that use torch (the regressions, autoregressions and the MLP) run on ``device``;
    smoothing, Theta, ARIMA and the baselines on the CPU.

    Measured on the six tuning sets of ``chosen_members`` (0.6750) and left, 2026-12-03: level models for every series
    (0.6794), where KPSS rejects at 5% but not at 1% (0.6765), or for histories of 200 rows or more (0.6757; two series
    of 680 changed: a daily maximum temperature 0.824 -> 0.792x seasonal naive, an hourly temperature 0.256 -> 0.350x,
    a seasonal level autoregression alone); seasonal naive as a candidate where the frequency's season was not
    confirmed (0.6748; halves 0.6588 and 0.6912 against 0.6587 and 0.6918); the optimised Theta model (the dynamic
    model's search, one least-squares line of the whole history) beside Theta (0.6773) or in its place (0.6745;
    A 0.6592, B 0.6901). Also left, 2026-12-03 (0.6748; A 0.6582, B 0.6918): ETS on the log scale (additive forms)
    as a candidate, 0.6762 (A 0.6589, B 0.6940; worst series 5.75x -> 9.38x seasonal naive), or averaged into the
    anchor with a weight of 0.25-0.75, 0.6736-0.6747 (worst 6.09x-12.86x): alone, that average beat ETS on five of
    the six sets (M3 yearly 0.719 -> 0.688), but in the ensembles the gain is gone and the log scale's runaway
    trends remain; the ensemble's forecast blended with the mean of ETS, dynamic Theta and ARIMA (weight 0.2-0.5),
    0.6787-0.6861 (bench44 0.505 -> 0.540-0.587)."""
    # Linear candidates are solved exactly (the answer is all auto needs); the MLPs descend with LBFGS.
    exact = TrainConfig(optimizer=EXACT, seed=seed, device=device)
    training = TrainConfig(optimizer="lbfgs", epochs=60, patience=3, tol=MLP_TOL, seed=seed, device=device)
    transforms = list(AUTO_TRANSFORMS) if np.all(values > 0) else ["none"]
    pool: dict[str, Factory] = {"naive": lambda: SeasonalNaiveForecaster(1, "naive"), "drift": DriftForecaster,
                                "ses": ExponentialSmoothingForecaster, "theta": lambda: ThetaForecaster(season),
                                DYNAMIC_THETA: lambda: DynamicThetaForecaster(season),
                                ANCHOR: lambda: EtsForecaster(weighted=True)}
    if season > 1:
        pool["snaive"] = lambda: SeasonalNaiveForecaster(season, "snaive")
    periods = seasonal_periods(frequency, season, len(values))
    level_models = not needs_differencing(values)
    for tf in transforms:
        pool[f"{tf}: ARIMA"] = _arima_candidate(tf, season)
        pool.update(_ar_candidates(tf, season, exact, level_models))
        pool.update(_trend_candidates(tf, periods, exact, regressors))
    pool.update(_mlp_candidates(season, training, len(values)))
    if intermittent(values, season):
        pool.update({name: lambda variant=variant: IntermittentForecaster(variant)
                     for name, variant in zip(INTERMITTENT_MEMBERS, VARIANTS)})
    return pool


def intermittent(values: np.ndarray, season: int) -> bool:
    """Whether ``values`` are intermittent demand: no confirmed ``season``, none below zero, at least
    ``INTERMITTENT_DEMANDS`` above, and at least ``INTERMITTENT_ZEROS`` of the rows from the first demand on at zero
    (a new SKU's zeros before its launch do not count)."""
    if season > 1 or not len(values) or not np.all(np.isfinite(values)) or values.min() < 0 \
            or np.count_nonzero(values) < INTERMITTENT_DEMANDS:
        return False
    return bool(np.mean(values[np.argmax(values != 0):] == 0) >= INTERMITTENT_ZEROS)


def demand_stopped(values: np.ndarray) -> bool:
    """Whether intermittent ``values`` end in a run without demand ``STOPPED_RUNS`` times the longest gap between
    their demands before it, or longer."""
    demands = np.flatnonzero(values)
    return len(demands) >= 2 and len(values) - 1 - demands[-1] >= STOPPED_RUNS * int(np.diff(demands).max())


def week_cycle(frequency: Frequency, season: int, values: np.ndarray) -> int:
    """The rows of a week beside a day's season (``season`` > 1 confirmed) for spacings under a day, where the history
    holds ``WEEKS_HELD`` weeks of them and the week is a cycle of its own: last week's value at this time is nearer
    than yesterday's, on average (weekends apart; a temperature's week is none): the rows of the
    backtest's shortest history (``backtest_plan``); 0 otherwise."""
    week = week_of_rows(frequency) if frequency.unit in WITHIN_A_DAY and season > 1 else 1
    if week <= season or len(values) < WEEKS_HELD * week:
        return 0
    by_week = np.nanmean(np.abs(values[week:] - values[:-week]))
    by_day = np.nanmean(np.abs(values[week:] - values[week - season:-season]))
    return week if by_week < by_day else 0


def _arima_candidate(tf: str, season: int) -> Factory:
    return lambda: ArimaForecaster(season, tf, f"{tf}: ARIMA")


def _mlp_candidates(season: int, training: TrainConfig, rows: int) -> dict[str, Factory]:
    """A small network on the last lags and the seasonal lag of a seasonal series' seasonal
    difference: nonlinear autoregression, when there are ``MLP_ROWS_PER_WEIGHT`` training rows per
    weight. (One on the level changed no forecast of auto's on the tuning series of
    ``bench/accuracy.py`` and took a fifth of its time on long series.)"""
    lags = (1, 2, 3, 4, 5, 6) + ((season,) if season > 6 else ())
    network = training.with_(l2=MLP_RIDGE)
    name = f"MLP on lags {lags[0]}-{lags[5]}" + (f", {season}" if season > 6 else "")
    weights = (len(lags) + 2) * MLP_HIDDEN + 1
    found: dict[str, Factory] = {}
    if season > 1 and rows >= MLP_ROWS_PER_WEIGHT * weights:
        found[f"seasonal diff {name}"] = lambda: AutoRegressiveForecaster(
            f"seasonal diff {name}", lags, network, season=season, hidden=MLP_HIDDEN)
    return found


def _trend_candidates(tf: str, periods: tuple[float, ...], training: TrainConfig,
                      regressors: tuple[str, ...] = ()) -> dict[str, Factory]:
    """Trend + seasonality regressions, with and without AR(1-3) terms; with the user's regressors too when
    there are any (a regression with autoregressive errors, when lagged).

    Without a season, the straight trend with AR(1-3) terms is left out: its AR terms follow the last values, so
    it wins short backtests, and further ahead the straight trend takes over. On six tuning sets (those of
    ``ALONE_MARGIN`` plus 300 yearly, quarterly and other M3 series, ``bench/auto_rules.py``) the mean of their
    geometric means went 0.690 -> 0.681 without it, better or equal on 11 of 12 halves (M3 monthly's first half
    0.801 -> 0.805), with 3 fewer series worse than 1.2x seasonal naive; where it had been averaged with ETS,
    leaving it out cut that ensemble's error by 7% on average (60 series). With the user's regressors it stays.
    (Model files that chose it still load and forecast.)"""
    ridge = training.with_(l2=RIDGE)

    def make(name: str, lags: tuple[int, ...], extra: tuple[str, ...]) -> Factory:
        return lambda: TrendSeasonForecaster(name, tf, periods, lags, ridge, extra)

    label = "trend + season" if periods else "trend"
    found = {f"{tf}: {label}": make(f"{tf}: {label}", (), ())}
    if periods:
        found[f"{tf}: {label} + AR(1-3)"] = make(f"{tf}: {label} + AR(1-3)", (1, 2, 3), ())
    if regressors:
        named = f"{tf}: {label} + regressors"
        found[named] = make(named, (), regressors)
        found[f"{named} + AR(1-3)"] = make(f"{named} + AR(1-3)", (1, 2, 3), regressors)
    return found


def _ar_candidates(tf: str, season: int, training: TrainConfig, level_models: bool) -> dict[str, Factory]:
    """Autoregressions on the seasonally differenced series and, when the level is stable, on the level
    itself. The first difference is left to the ARIMA candidate, which takes it when its tests say so:
    autoregressions on the first (or first and seasonal) differences taken regardless won backtests by
    chance and extrapolated runaway trends (see the note at ``ALONE_MARGIN``)."""
    def make(name: str, seasonal: int, lags: tuple[int, ...]) -> Factory:
        return lambda: AutoRegressiveForecaster(name, lags, training, tf, seasonal, False)

    found: dict[str, Factory] = {}
    if level_models:
        found[f"{tf}: AR(1-3)"] = make(f"{tf}: AR(1-3)", 0, (1, 2, 3))
    if season > 1 and level_models:
        found[f"{tf}: AR(1-3, {season})"] = make(f"{tf}: AR(1-3, {season})", 0, (1, 2, 3, season))
    if season > 1:
        found[f"{tf}: seasonal diff AR(1-3)"] = make(f"{tf}: seasonal diff AR(1-3)", season, (1, 2, 3))
        found[f"{tf}: seasonal diff AR(1-3, {season})"] = make(f"{tf}: seasonal diff AR(1-3, {season})",
                                                               season, (1, 2, 3, season))
    return found


def backtest_plan(n: int, horizon: int, season: int, week: int = 0) -> tuple[int, list[int]]:
    """Horizon (capped at a third of the rows) and the origins: each leaves enough rows to fit; with a ``week`` of rows
    beside the season (``week_cycle``), a week and a day at least, so that every origin sees each weekday.

    Measured on the six tuning sets of ``chosen_members`` and left, 2026-12-03: where fewer than ``ORIGINS`` origins
    fit half a horizon apart, origins closer together so that all of them fit (five where the rows allow): the mean
    of their geometric means 0.6750 -> 0.6950 (bench44 0.505 -> 0.580, M3 yearly unchanged at 0.760): origins a step
    apart score nearly the same errors twice."""
    shortest = min(max(2 * season + 12, 16, week + season if week else 0), n // 2)
    h = int(max(1, min(horizon, max(season, n // 3), n - shortest)))
    step = max(1, h // 2)
    origins = [n - h - j * step for j in range(ORIGINS) if n - h - j * step >= shortest]
    return h, origins


@dataclass
class Search:
    """Every candidate's backtest inside one history: what ``AutoForecaster`` chooses from."""

    season: int
    factories: dict[str, Factory]
    plan: BacktestPlan
    errors: dict[str, np.ndarray]  # candidate -> errors (origins, horizon); a row of NaN where it could not fit
    scores: dict[str, float]  # candidate -> mean error over ``scale``, transformed candidates penalised
    scale: float  # the in-sample seasonal-naive error
    rule_season: int = 1  # the season ``chosen_members`` protects (``selection_season``)
    rows: int | None = None  # the history's rows; None in searches kept before it was recorded
    sparse: str = ""  # intermittent demand (``intermittent``): "rate", or "stopped" (``demand_stopped``); "" if not

    def ranked(self) -> list[str]:
        """The candidates that could be backtested, best first."""
        return sorted((name for name in self.scores if math.isfinite(self.scores[name])), key=self.scores.__getitem__)

    def short(self, short_rows: int = SHORT_ROWS) -> bool:
        """Whether the history is too short for the backtest to choose (at most ``short_rows``) and at least two of
        ``SHORT_MEMBERS`` could be backtested; not when the user named regressors (only the backtest can tell
        whether they help)."""
        return (self.rows is not None and self.rows <= short_rows
                and not any(USES_REGRESSORS in name for name in self.scores)
                and len(self._short_members()) >= 2)

    def _short_members(self) -> list[str]:
        ranked = self.ranked()
        return [name for name in SHORT_MEMBERS if name in ranked]

    def demand_rate(self) -> bool:
        """Whether the history is intermittent demand and its ``INTERMITTENT_MEMBERS`` could be backtested; not when
        the user named regressors."""
        ranked = self.ranked()
        return (self.sparse and not any(USES_REGRESSORS in name for name in self.scores)
                and any(name in ranked for name in INTERMITTENT_MEMBERS))

    def members(self, margin: float = ALONE_MARGIN, never_alone: tuple[str, ...] = NEVER_ALONE,
                short_rows: int = SHORT_ROWS) -> list[str]:
        """What auto forecasts with: ``INTERMITTENT_MEMBERS`` for intermittent demand (``demand_rate``),
        ``SHORT_MEMBERS`` on a ``short`` history, else ``chosen_members``, the season protected as
        ``selection_season`` found it."""
        if self.demand_rate():
            rates = [name for name in INTERMITTENT_MEMBERS if name in self.ranked()]
            return ["tsb"] if self.sparse == "stopped" and "tsb" in rates else rates
        if self.short(short_rows):
            return self._short_members()
        return chosen_members(self.ranked(), self.scores, margin, self.rule_season, self.rule_season == self.season,
                              never_alone)

    def anchor_weight(self, weight: float = ANCHOR_WEIGHT, short_rows: int = SHORT_ROWS) -> float:
        """ETS's weight among ``members``: ``weight``, or an equal share on a ``short`` history (ETS is none of an
        intermittent series' members, which weigh equally: ``member_weights``)."""
        return 1.0 / len(self._short_members()) if self.short(short_rows) and not self.demand_rate() else weight


def backtest_search(history: pd.DataFrame, frequency: Frequency, seed: int, regressors: tuple[str, ...] = (),
                    horizon: int | None = None, device: str = "cpu") -> Search:
    """Backtest every candidate that suits ``history`` at ``backtest_plan``'s origins; ``horizon`` overrides
    the backtest horizon (None: ``backtest_horizon`` of the rows and the season length)."""
    values = history["y"].to_numpy(dtype=float)
    season = confirmed_season(values, frequency)
    rule_season = selection_season(history, frequency, season)
    factories = candidate_factories(values, frequency, season, seed, regressors, device)
    if regressors and rule_season > season:
        factories.update(_seasonal_regressor_candidates(values, frequency, rule_season, seed, regressors, device))
    h, origins = backtest_plan(len(history), horizon or backtest_horizon(len(history), season), season,
                               week_cycle(frequency, season, values))
    if not origins:
        raise SettingsError(f"Too few training rows ({len(history)}) for auto's backtest: "
                            "use a larger train fraction or another model.")
    # The scores' unit is the frequency's seasonal naive (as MASE's), whatever season was confirmed: a
    # constant, so it changes no choice, and the leaderboard says what it holds.
    scale = (seasonal_naive_scale(values, max(frequency.season_length, 1)) or seasonal_naive_scale(values, 1)
             or float(np.mean(np.abs(values))) or 1.0)
    plan = BacktestPlan(h, tuple(origins))
    # An origin a candidate cannot be fitted at leaves a row of NaN, which scores it out (``_score``).
    errors = {name: backtest_errors(history, frequency, factory, plan) for name, factory in factories.items()}
    scores = {name: _score(err, scale) * (TRANSFORM_PENALTY if name.startswith(("log", "boxcox")) else 1.0)
              for name, err in errors.items()}
    sparse = ("stopped" if demand_stopped(values) else "rate") if intermittent(values, season) else ""
    return Search(season, factories, plan, errors, scores, scale, rule_season, len(history), sparse)


def _seasonal_regressor_candidates(values: np.ndarray, frequency: Frequency, season: int, seed: int,
                                   regressors: tuple[str, ...], device: str) -> dict[str, Factory]:
    """Trend + season + regressors (with and without AR terms) at the season only exponential smoothing saw
    (``selection_season``): the regressors' swings hide a weekly pattern from the correlation test of the values, so
    no candidate had both, and the regressor candidates, built without the season, could not go alone. A daily series
    of price and promotion effects with a weekly pattern was forecast by ETS averaged with them, which halved the
    regressors' effects (test MAE 4.97, where multi, with day-of-week terms, scored 1.60)."""
    exact = TrainConfig(optimizer=EXACT, seed=seed, device=device)
    periods = seasonal_periods(frequency, season, len(values))
    transforms = list(AUTO_TRANSFORMS) if np.all(values > 0) else ["none"]
    found: dict[str, Factory] = {}
    for tf in transforms:
        found.update({name: factory for name, factory in _trend_candidates(tf, periods, exact, regressors).items()
                      if USES_REGRESSORS in name})
    return found


def selection_season(history: pd.DataFrame, frequency: Frequency, season: int) -> int:
    """The season the selection rule protects: the confirmed ``season``, or the frequency's when the correlation test
    missed it but exponential smoothing's AICc prefers a seasonal form on the whole history (a short series with
    spiky peaks: its differences correlate weakly at the seasonal lag, yet a level or trend model alone would forecast
    its seasonal swings away). It changed no choice on the three tuning sets of ``ALONE_MARGIN``; a holdout series
    prompted it (monthly deaths, 50 training rows: a level autoregression alone, 2.55x seasonal naive -> 1.46x)."""
    if season > 1 or frequency.season_length <= 1:
        return season
    try:
        seasonal = EtsForecaster().fit(history, frequency).fit_.season != "N"
    except ValueError:
        return season
    return frequency.season_length if seasonal else season


class AutoForecaster(Forecaster):
    """Backtests every candidate inside the history it is given (its last ``MAX_ROWS`` rows), keeps
    what ``chosen_members`` picks (one candidate, or the weighted mean of ETS and the two best others), and
    refits it on them.

    ``horizon`` overrides the backtest horizon; ``None`` (what the pipeline uses) takes
    ``backtest_horizon`` of the rows and the season length, so the choice never depends on how far
    ahead a forecast is asked for.
    """

    name = "auto"

    regressors: tuple[str, ...] = ()  # model files written before auto used regressors
    device = device_ = "cpu"  # model files written before auto honoured the run's device
    band_: tuple[Any, ...] | None = None  # the measured band's fields; none in model files written before it
    alone_margin_ = FORMER_ALONE_MARGIN  # the margin it chose with (``ALONE_MARGIN``); model files from before
    never_alone_ = FORMER_NEVER_ALONE  # the candidates it never used alone (``NEVER_ALONE``); model files from before
    selection_season_ = 0  # the season its rule protected (``selection_season``); 0 in model files from before
    frequency_season_ = 0  # the frequency's season length (a day of hours: 24); 0 in model files from before
    anchor_weight_ = FORMER_ANCHOR_WEIGHT  # ETS's weight in an ensemble (``ANCHOR_WEIGHT``); model files from before
    short_history_ = False  # forecast by ``SHORT_MEMBERS`` (``Search.short``); False in model files from before
    demand_rate_ = False  # intermittent demand, forecast by ``INTERMITTENT_MEMBERS``; False in model files from before
    demand_stopped_ = False  # ... that stopped (``demand_stopped``): by TSB alone
    replaced_: list[dict[str, Any]] = []  # gross errors fitted as expected values; none in model files from before
    clock_: CalendarClock | None = None  # the rows' places on a calendar with stamps missing; None: none (or before)
    asked_: np.ndarray | None = None  # the last forecast's rows' places where it skipped stamps (``held_on_rows``)

    def __init__(self, seed: int = 0, horizon: int | None = None, regressors: tuple[str, ...] = (),
                 device: str = "cpu") -> None:
        self.seed = seed
        self.horizon = horizon
        self.regressors = regressors
        self.device = device

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "AutoForecaster":
        skipped = recent_start(history, frequency)
        history, replaced = without_gross_errors(history.iloc[skipped:].reset_index(drop=True), frequency)
        self.replaced_ = [{**row, "row": row["row"] + skipped} for row in replaced]  # rows of the history given
        grid, self.clock_ = filled_history(history, frequency)  # every candidate counts rows in step with the calendar
        values = grid["y"].to_numpy(dtype=float)
        self.device_ = str(resolve_device(self.device, rows=len(grid)))  # one device for every candidate
        found = backtest_search(grid, frequency, self.seed, self.regressors, self.horizon, self.device_)
        factories, plan, errors, scores = found.factories, found.plan, found.errors, found.scores
        self.season_, self.selection_season_ = found.season, found.rule_season
        self.frequency_season_ = frequency.season_length
        self.rows_used_, self.skipped_rows_ = len(history), skipped
        self.backtest_horizon_, self.origins_ = plan.horizon, len(plan.origins)
        ranked = found.ranked()
        if not ranked:
            raise SettingsError("No candidate model could be backtested on this series: check the data.")
        self.alone_margin_, self.never_alone_ = ALONE_MARGIN, NEVER_ALONE
        members = found.members(self.alone_margin_, self.never_alone_)
        self.chosen_ = members[0] if len(members) == 1 else "ensemble of " + ", ".join(members)
        self.anchor_weight_, self.short_history_ = found.anchor_weight(ANCHOR_WEIGHT), found.short()
        self.demand_rate_ = found.demand_rate()
        self.demand_stopped_ = self.demand_rate_ and members == ["tsb"]
        weights = member_weights(members, self.anchor_weight_)
        chosen_errors = np.tensordot(weights, np.array([errors[name] for name in members]), axes=1)
        if len(members) > 1:
            scores[self.chosen_] = _score(chosen_errors, found.scale)
            self.best_: Forecaster = EnsembleForecaster(self.chosen_, [factories[name]() for name in members], weights)
        else:
            self.best_ = factories[self.chosen_]()
        self.leaderboard_ = [BacktestRow(name, score) for name, score in sorted(scores.items(), key=lambda kv: kv[1])]
        self.template_ = copy.deepcopy(self.best_)
        self.best_.fit(grid, frequency, callback)
        band = self._selection_band(values, frequency, chosen_errors, plan)
        self.band_ = None if band is None else (band.scale, tuple(band.multipliers.items()), band.origins, band.unit)
        fitted = self.best_.fitted_values()
        on_rows = fitted if self.clock_ is None else self.clock_.on_rows(fitted)
        self.fitted_ = np.concatenate([np.full(skipped, np.nan), on_rows])
        return self

    def _selection_band(self, values: np.ndarray, frequency: Frequency, errors: np.ndarray,
                        plan: BacktestPlan) -> Band | None:
        """The band from the selection backtest's ``errors`` of what was chosen (None with fewer than ``BAND_ORIGINS``
        origins: the band then refits the choice at origins of its own). Where some origins held fewer rows than the
        fitted choice needs (``fewest_refit_rows``), only the others', when there are ``BAND_ORIGINS`` of them; else
        None where the band's own refits, each on the rows needed, forecast as far ahead as the selection did, from
        ``BAND_ORIGINS`` origins or more. An hourly meter's earliest origins held less than the two weeks its weekly
        pairs need; their errors, of a model guessing the weekend, made the 80% band twice as wide as its test errors
        asked for. Where the refits would forecast fewer steps (the choice needs most of the rows), the band stays the
        selection's: measured 16 steps ahead and grown past them, a half-hourly series' band was twice as wide again
        (``bench/band_coverage.py``)."""
        if len(plan.origins) < BAND_ORIGINS:
            return None
        fewest = self.best_.fewest_refit_rows()
        whole = [i for i, origin in enumerate(plan.origins) if origin >= fewest]
        if len(whole) >= BAND_ORIGINS:
            kept = BacktestPlan(plan.horizon, tuple(plan.origins[i] for i in whole))
            return band_from_backtest(values, frequency, errors[whole], kept)
        refits = interval_plan(len(values), max(frequency.season_length, 1), fewest_rows=fewest)
        if refits.horizon >= plan.horizon and len(refits.origins) >= BAND_ORIGINS:
            return None
        return band_from_backtest(values, frequency, errors, plan)

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        if self.clock_ is None:
            return self.best_.forecast(future)
        predicted, self.asked_ = self.clock_.forecast(self.best_.forecast, future)
        return predicted

    def steady_errors(self) -> bool:
        self._check_fitted()
        return self.best_.steady_errors()

    def closed_form_gap(self) -> float | None:
        """None: auto's candidates are solved in closed form (or fitted by their own rules), not trained by gradient
        descent, so there is no gap to the exact solution to show (the Train page said 0 and 'took 1 epoch')."""
        return None

    def exact_loss_is_zero(self) -> bool:
        return False

    def held_at_bound(self) -> dict[str, int]:
        return held_on_rows(self.best_.held_at_bound(), self.asked_) if self.fitted_ is not None else {}

    def training_history(self) -> History | None:
        return None  # no epochs: see ``closed_form_gap``

    def compute_device(self) -> str:
        """The device of its torch candidates (the backtest's regressions and autoregressions), whatever
        family was chosen."""
        return self.device_

    def measured_band(self) -> Band | None:
        """The band from the selection backtest's errors of what was chosen, at its origins, when it had
        ``BAND_ORIGINS`` of them (long enough series): no refits beyond the search. The choice was made on
        these same errors, so the band is a little optimistic where many candidates were close. None for
        shorter series (the band then refits the choice at origins of its own) and for model files
        written before auto kept it."""
        self._check_fitted()
        kept = self.band_
        if kept is None:
            return None
        scale, multipliers, origins, unit = kept
        return Band(np.asarray(scale, dtype=float), _multipliers(multipliers), int(origins), float(unit))

    def interval_model(self) -> Forecaster:
        """An unfitted copy of the chosen candidate (or ensemble), backtested for the band when the
        search gave none (``measured_band``)."""
        self._check_fitted()
        unfitted = copy.deepcopy(self.template_)
        return unfitted if self.clock_ is None else OnCalendar(unfitted)

    def history_as_fitted(self, history: pd.DataFrame) -> pd.DataFrame:
        """``history`` (the rows it was fitted on) with the gross errors it replaced at their expected values: a band
        backtested against a typed 5000 among values near 140 reached from 0 to 1,216 around forecasts of 141."""
        self._check_fitted()
        if not self.replaced_:
            return history
        shift = len(history) - self.skipped_rows_ - self.rows_used_  # 0: the rows it was fitted on
        rows = [int(row["row"]) + shift for row in self.replaced_]
        y = history["y"].to_numpy(dtype=float).copy()
        y[rows] = [row["expected"] for row in self.replaced_]
        return history.assign(y=y)

    def fewest_refit_rows(self) -> int:
        """The chosen candidate's (or ensemble's): the band's refits of it see as many rows as it needs."""
        self._check_fitted()
        return self.best_.fewest_refit_rows()

    def ets_forms(self) -> dict[str, float]:
        """The Akaike weights of the exponential-smoothing forms ETS averaged, when auto forecasts with ETS (alone or in
        its ensemble); empty otherwise."""
        chosen = self.best_.members if isinstance(self.best_, EnsembleForecaster) else [self.best_]
        ets = [member for member in chosen if isinstance(member, EtsForecaster)]
        return dict(ets[0].params().get("form_weights", {})) if ets else {}

    def ets_season_share(self) -> float:
        """The share of the forecast that ETS's seasonal forms carry (their Akaike weights times ETS's weight in the
        ensemble): on a series whose season auto did not confirm, only they model the frequency's season."""
        members = list(zip(self.best_.members, self.best_.member_weights())) \
            if isinstance(self.best_, EnsembleForecaster) else [(self.best_, 1.0)]
        anchor = sum(weight for member, weight in members if isinstance(member, EtsForecaster))
        seasonal = sum(weight for form, weight in self.ets_forms().items() if not form.endswith(",N)"))
        return round(float(anchor * seasonal), 3)

    def params(self) -> dict[str, Any]:
        if self.fitted_ is None:
            return {"horizon": self.horizon}
        return {"chosen": self.chosen_, "season": self.season_, "selection_season": self.selection_season_ or self.season_,
                "frequency_season": self.frequency_season_,
                "rows_used": self.rows_used_,
                "skipped_rows": self.skipped_rows_, "origins": self.origins_,
                **({"stamps_filled": int(places[-1]) + 1 - len(places)}
                   if self.clock_ is not None and len(places := self.clock_.places) else {}),
                "backtest_horizon": self.backtest_horizon_, "alone_margin": self.alone_margin_,
                "seasonal_line_alone": ": trend + season" not in self.never_alone_,
                "anchor_weight": self.anchor_weight_, "short_history": self.short_history_,
                **({"intermittent": True} if self.demand_rate_ else {}),
                **({"demand_stopped": True} if self.demand_stopped_ else {}),
                **({"ets_forms": forms} if (forms := self.ets_forms()) else {}),
                **({"ets_season_share": share} if (share := self.ets_season_share()) else {}),
                **({"regressors": list(self.regressors), "regressors_used": USES_REGRESSORS in self.chosen_}
                   if self.regressors else {}),
                **({"member_weights": self.best_.params()["weights"]} if isinstance(self.best_, EnsembleForecaster)
                   else {}),
                **({"held_at_bound": held} if (held := self.held_at_bound()) else {}),
                **({"replaced": [dict(row) for row in self.replaced_]} if self.replaced_ else {}),
                "leaderboard": [{"model": row.model, "backtest_score": row.score if math.isfinite(row.score) else None}
                                for row in self.leaderboard_]}


def recent_start(history: pd.DataFrame, frequency: Frequency) -> int:
    """The first of the rows auto works on: those of the last ``MAX_ROWS`` stamps of their calendar where some are
    missing and it fills them (``calendar_grid.history_places``), else the last ``MAX_ROWS`` rows."""
    skipped = max(len(history) - MAX_ROWS, 0)
    places = history_places(history["ds"].iloc[skipped:], frequency)
    if places is None or places[-1] < MAX_ROWS:
        return skipped
    return skipped + int(np.searchsorted(places, places[-1] + 1 - MAX_ROWS))


def without_gross_errors(history: pd.DataFrame, frequency: Frequency) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """``history`` with its gross errors (``quality.gross_errors``: a value typed with a digit too many) at the values
    the detector expected there, and what was replaced (row, time stamp as written, value, expected value). Every
    candidate is fitted and backtested on that: one typed 5000 among monthly values near 140 made seasonal models
    repeat it a year on, so the backtest chose naive (no season), and its band reached from 0 to 1,216.

    Measured on the 680 series of ``bench/auto_rules.py``'s six tuning sets (2026-12-04): it changes none of them
    (one, M3 N2584, while the first rows were not left out: test MAE over seasonal naive's 1.104 -> 0.658); of the
    reported panels, none of panel 2 and one of M1's 1,001 (MRI1: 0.918 -> 1.056, its 95% interval score 9.28 ->
    8.15). At 8 typical deviations in place of ``GROSS_LIMIT``'s 25 (13 tuning series, holiday peaks and strikes
    among them) the mean of the sets' geometric means went 0.6530 -> 0.6524 on the first halves and 0.6795 -> 0.6794
    on the second, the mean 95% interval score 25.36 -> 25.33 and 22.94 -> 22.97: 7 of the 13 better, 6 worse (a
    tourism series 3.05 -> 4.17), so real peaks are left to the models."""
    found = gross_errors(history, frequency)
    if not len(found.rows):
        return history, []
    y = history["y"].to_numpy(dtype=float).copy()
    y[found.rows] = found.expected
    replaced = [{"row": int(row), "ds": format_stamp(history["ds"].iloc[row], frequency), "value": float(value),
                 "expected": float(expected)} for row, value, expected in zip(found.rows, found.values, found.expected)]
    return history.assign(y=y), replaced


class EnsembleForecaster(Forecaster):
    """The weighted mean of several forecasters' predictions (equal weights unless given)."""

    weights: tuple[float, ...] | None = None  # model files written before ensembles were weighted: equal

    def __init__(self, name: str, members: list[Forecaster], weights: tuple[float, ...] | None = None) -> None:
        self.name = name
        self.members = members
        self.weights = weights

    def member_weights(self) -> np.ndarray:
        """One weight per member, summing to 1."""
        given = np.ones(len(self.members)) if self.weights is None else np.asarray(self.weights, dtype=float)
        return given / given.sum()

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "EnsembleForecaster":
        for member in self.members:
            member.fit(history, frequency)
        self.fitted_ = self._weighted_mean([member.fitted_values() for member in self.members])
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self._weighted_mean([member.forecast(future) for member in self.members])

    def _weighted_mean(self, predictions: list[np.ndarray]) -> np.ndarray:
        """The members' weighted mean at each row, over those with a value there (their weights rescaled to sum
        to 1; NaN only where none has one): an ARIMA without fitted values on its first rows left 17 of 100
        training rows blank beside ETS's."""
        values = np.array(predictions, dtype=float)
        known = np.isfinite(values)
        weights = np.where(known, self.member_weights().reshape(-1, 1), 0.0)
        total = weights.sum(axis=0)
        mean = (weights * np.where(known, values, 0.0)).sum(axis=0) / np.where(total > 0, total, 1.0)
        return np.where(known.any(axis=0), mean, np.nan)

    def held_at_bound(self) -> dict[str, int]:
        return {name: step for member in self.members for name, step in member.held_at_bound().items()}

    def steady_errors(self) -> bool:
        return all(member.steady_errors() for member in self.members)

    def fewest_refit_rows(self) -> int:
        return max(member.fewest_refit_rows() for member in self.members)

    def params(self) -> dict[str, Any]:
        return {"members": [member.name for member in self.members],
                "weights": [float(weight) for weight in self.member_weights()]}


def _multipliers(kept: Any) -> dict[float, np.ndarray | float]:
    """The band's multipliers as the model keeps them: per level, one per step (a number for every step in files written
    before 2026-12-03)."""
    return {float(level): np.asarray(value, dtype=float) if np.ndim(value) else float(value) for level, value in kept}


def member_weights(members: list[str], anchor_weight: float = ANCHOR_WEIGHT) -> tuple[float, ...]:
    """The weights of ``chosen_members``' candidates: ``anchor_weight`` for ETS, the rest shared equally by the others;
    equal weights when ETS is not among them."""
    if len(members) < 2 or ANCHOR not in members:
        return tuple(1.0 / len(members) for _ in members)
    other = (1.0 - anchor_weight) / (len(members) - 1)
    return tuple(anchor_weight if name == ANCHOR else other for name in members)


def chosen_members(ranked: list[str], scores: dict[str, float], margin: float = ALONE_MARGIN, season: int = 1,
                   others_seasonal: bool = True, never_alone: tuple[str, ...] = NEVER_ALONE) -> list[str]:
    """What auto forecasts with, from the candidates ``ranked`` best first by backtest ``scores``: the
    best other candidate alone when its score is below ``margin`` times the anchor's (ETS), else the
    anchor and the two best others (averaged with ``member_weights``); the best candidate alone when the anchor could
    not be backtested. On a series with a confirmed ``season``, only a candidate that models the season goes alone:
    a level or trend model that won a short backtest would forecast the seasonal swings away. (On the three tuning
    sets of ``ALONE_MARGIN`` this changed one series of 380, a tourism series where naive alone scored 1.31x
    seasonal naive and the ensemble 0.60x; their mean geometric mean went 0.7064 -> 0.7056.)
    ``others_seasonal`` False: the other candidates were built without the season (only ETS's AICc saw it,
    ``selection_season``), so none of them goes alone on it, but for those with the user's regressors, which are then
    built with that season too (``_seasonal_regressor_candidates``).

    A straight trend line (``{tf}: trend``, a series without a season) never goes alone: it bets every forecast on
    the slope of the whole history. On the six tuning sets of ``_trend_candidates``' note this took the worst series
    from 7.68x to 5.75x seasonal naive (the line alone scored 7.68x on an M3 yearly series, 2.90x averaged with ETS
    and another) and the mean of their geometric means from 0.6768 to 0.6750, better on both halves (0.6608 ->
    0.6587, 0.6932 -> 0.6918); the series it cost most, US real GDP, went from 0.09x to 0.17x. The same line with
    seasonal terms (``{tf}: trend + season``) makes the same bet and joined it (``never_alone``, ``NEVER_ALONE``),
    2026-12-03: on the six sets 0.6750 -> 0.6748 (A 0.6587 -> 0.6582, B unchanged; one tourism series changed);
    M1's worst series had prompted it (two quarterly series where the log line alone scored 7.64x seasonal naive),
    so M1 is no clean test of it: there 0.743 -> 0.741 (monthly 0.780 -> 0.777, quarterly 0.682 -> 0.681), 175 -> 171
    series worse than 1.2x. With autoregressive terms the line still goes alone: leaving those out too cost bench44
    0.505 -> 0.526 (six sets 0.6794).

    Measured on the same six sets and left (the mean of their geometric means against 0.6750; halves A and B against
    0.6587 and 0.6918), 2026-12-03: a fixed pair (Theta or dynamic Theta, and ARIMA) as the others where the backtest
    had two origins, 0.6699-0.6764 (A 0.6472-0.6593, B 0.6932-0.6938; M3 quarterly's half A 0.827 -> 0.865); the equal
    mean of ETS, dynamic Theta and ARIMA for such series without a season, 0.6737 (A 0.6645, B 0.6831); the others
    only where their score is within 1.0-1.5x ETS's, 0.6747-0.6783; the combination of ETS and one to three of the
    best three to six others that backtests best, 0.687-0.693 (it fits the few origins' noise); weights from a softmax
    of the scores, 0.683-0.698; Theta, dynamic Theta or ARIMA as a second anchor, 0.680-0.690 (the monthly sets
    better, bench44 worse); the latest origins weighing more (by 0.4-0.95 an origin), 0.6737-0.6811, halves
    disagreeing (0.8: A 0.6549, B 0.6930); members chosen apart for the first 20-50% of the steps, 0.680-0.693; the
    mean of the choices made leaving out each origin in turn (with or without the choice on all), 0.686-0.691.
    Also left, 2026-12-03: the median of ETS, dynamic Theta and ARIMA in place of the rule where the backtest had at
    most two origins and the series no season, 0.6701 (A 0.6580, B 0.6825; M3 yearly 0.760 -> 0.716; with Theta, with
    drift, or with SES and drift beside them 0.6716, 0.6718, 0.6695), but with three origins too the first halves pick
    the median of three (A 0.6462) and the second halves reject it (B 0.6944), and the median with SES and drift
    changed 134 series, 67 for the worse (one from 0.86x to 3.30x seasonal naive); the same
    median for every series, 0.6905, the mean 0.6988-0.7043; that mean wherever its backtest score is below 0.8-1.1
    times the ensemble's, 0.6748-0.6903; only seasonal others on a seasonal series, 0.6749 (A 0.6572, B 0.6931);
    the others from different families (not both transforms of one model), 0.6811; the median of ETS and the two or
    four best others, 0.6904-0.6970; no candidate alone where the backtest had at most two or three origins,
    0.6740-0.6779 (A 0.6631-0.6660: worse on every first half). The median of ETS, dynamic Theta, ARIMA, SES and drift
    for every yearly series scored 0.6676 on the six sets, better on both halves (A 0.6495, B 0.6863; M3 yearly 0.760
    -> 0.701, worst series 5.75x -> 4.82x), but on the 181 yearly series of M1, never tuned on, worse: 0.693 -> 0.714
    (AutoARIMA 0.655; ``bench/many_accuracy.py --panel m1``), so it was left."""
    others = [name for name in ranked if name != ANCHOR]
    if ANCHOR not in ranked or not others:
        return ranked[:1]
    alone = [name for name in others if (season <= 1 or ((others_seasonal or USES_REGRESSORS in name)
                                                         and models_season(name, season)))
             and not name.endswith(never_alone)]
    if alone and scores[alone[0]] < margin * scores[ANCHOR]:
        return alone[:1]
    return [ANCHOR, *others[:OTHERS]]


def models_season(candidate: str, season: int) -> bool:
    """Whether a candidate (by its name in ``candidate_factories``) forecasts a seasonal pattern: seasonal naive,
    ETS, both Theta models and ARIMA (seasonal by their own tests), trend + season regressions and autoregressions on the
    seasonal difference or with the seasonal lag."""
    return (candidate in ("snaive", ANCHOR, "theta", DYNAMIC_THETA) or candidate.endswith("ARIMA")
            or "season" in candidate or candidate.endswith(f", {season})"))


def _score(errors: np.ndarray, scale: float) -> float:
    if not np.isfinite(errors).any() or np.isnan(errors).all(axis=1).any():
        return math.inf
    per_origin = np.nanmean(np.abs(errors), axis=1) / scale
    return float(np.mean(per_origin)) if np.all(np.isfinite(per_origin)) else math.inf
