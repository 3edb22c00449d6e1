"""Regression on features of time (trend powers, calendar, Fourier terms, regressors), trained with torch:
the Train page's ``linear``, ``poly``, ``multi`` and ``mlp``."""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.errors import SettingsError
from core.models.base import Forecaster
from core.models.features import (FeatureSpec, Standardizer, calendar_left_out, constant_regressors, cycle_term,
                                  design_matrix, history_clock, season_part, steps_after, time_steps, week_of_rows)
from core.training.fit import fit_network
from core.training.least_squares import least_squares
from core.training.loop import EXACT, EpochCallback, TrainConfig, predict

if TYPE_CHECKING:
    from core.evaluation.intervals import BacktestPlan

# Training rows a linear model needs per weight, and one more (``RegressionForecaster._check_rows_per_weight``, and an
# autoregression's ``SPARE_ROWS``): with fewer, least squares fits the rows' noise nearly exactly.
ROWS_PER_WEIGHT = 1.5
PART_OF_A_SEASON = "the training rows cover less than one season"  # how the reason for pairs left out so starts
PART_OF_TWO_CYCLES = "the training rows cover less than two cycles"  # how the reason for a cycle left out starts
FEW_ROWS = "the training rows are too few"  # how the reason for season terms left out for want of rows starts


def rows_for_weights(weights: int) -> int:
    """The fewest training rows a linear model of ``weights`` weights is fitted on: ``ROWS_PER_WEIGHT`` a weight, and
    one."""
    return int(ROWS_PER_WEIGHT * weights) + 1


# A linear fit this close to its least-squares answer (relative objective gap) is refitted in closed form for its band.
EXACT_ENOUGH = 1e-6
NEGLIGIBLE = 1e-10  # a weight (z-scored) whose effect is below this fraction of the target's size is rounding noise


class RegressionForecaster(Forecaster):
    """``hidden = 0`` is linear in its parameters and reports its gap to least squares;
    ``hidden > 0`` is a Linear-ReLU-Linear network. Features and target are z-scored with
    statistics of the training rows. Calendar terms the training rows cannot estimate are left out, and so are
    regressors the same in every training row; ``left_out_`` maps each to the reason (``params()["left_out"]``)."""

    left_out_: Mapping[str, str] = MappingProxyType({})  # model files written before it existed
    season_terms_kept = False  # model files written before it existed
    first_stamp_: str | int | None = None  # model files written before ``x`` followed the calendar: rows counted

    def __init__(self, name: str, spec: FeatureSpec, training: TrainConfig, hidden: int = 0,
                 season_terms_kept: bool = False) -> None:
        """``season_terms_kept``: the season terms stay whatever the rows (the band's refits of a fit that kept
        them, on fewer rows: leaving them out there made the band measure another model, five times too wide)."""
        self.name = name
        self.spec = spec
        self.training = training
        self.hidden = hidden
        self.season_terms_kept = season_terms_kept

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "RegressionForecaster":
        self.frequency_ = frequency
        self.n_fit_ = len(history)
        self.left_out_ = self._left_out(history, frequency)
        steps, self.first_stamp_ = history_clock(history["ds"], frequency)
        self.last_step_ = float(steps[-1]) if len(steps) else -1.0
        raw, self.feature_names_ = self._design(history, steps)
        if raw.shape[1] == 0:
            raise SettingsError("The model has no features: add a trend, calendar terms or regressors.")
        self._check_rows_per_weight(raw.shape[1] + 1)
        values = history["y"].to_numpy(dtype=float)
        self.x_scaler_, self.y_scaler_ = Standardizer.fit(raw), Standardizer.fit(values)
        self.torch_fit_ = fit_network(self.x_scaler_.transform(raw), self.y_scaler_.transform(values),
                                      self.training, self.hidden, callback)
        self.fitted_ = self.y_scaler_.inverse_transform(self.torch_fit_.fitted)
        return self

    def _year_from_trend(self) -> bool:
        """Whether the trend and the season terms can stand for the year (``calendar_left_out``'s ``with_trend``): a
        linear model with a trend; a network's features are not a linear combination it could undo."""
        return self.spec.trend_degree >= 1 and not self.hidden

    def _check_rows_per_weight(self, weights: int) -> None:
        """A linear model needs more training rows than its weights (``ROWS_PER_WEIGHT`` each, and one), as an
        autoregression does: a degree-10 polynomial on 8 rows fitted them exactly and forecast 17,777 on a series near
        20, R² -4.8e8, without a word. A network's weights are kept small by its ridge penalty instead."""
        least = rows_for_weights(weights)
        if not self.hidden and self.n_fit_ < least:
            raise SettingsError(f"{self.name} fits {weights} weights (its terms and the intercept), so it needs at least "
                                f"{least} training rows (there are {self.n_fit_}); with fewer it fits the rows' noise "
                                "exactly. Choose fewer terms (a lower degree, or linear) or load more rows.",
                                "err.weights_rows", {"model": self.name, "weights": weights, "least": least,
                                                     "rows": self.n_fit_})

    def terms_left_out(self, rows: pd.DataFrame, frequency: Frequency) -> dict[str, str]:
        """The terms a fit on ``rows`` leaves out, each with its reason, without fitting (the learning lab's model)."""
        return self._left_out(rows, frequency)

    def _left_out(self, rows: pd.DataFrame, frequency: Frequency) -> dict[str, str]:
        """The terms the training ``rows`` cannot estimate (``calendar_left_out``); for a linear model, the Fourier pairs
        beside season terms, which already give the season any shape (the pairs would change no prediction, only split
        the season's effect between two sets of coefficients in any proportion), and the season terms themselves when
        the rows are too few for the weights they bring (``ROWS_PER_WEIGHT``: a year of months on a year of rows
        fitted every row exactly)."""
        reasons = calendar_left_out(rows["ds"], frequency, self._year_from_trend()) if self.spec.calendar else {}
        reasons.update(constant_regressors(rows, self.spec.regressors))
        reasons.update({cycle_term(period): f"{PART_OF_TWO_CYCLES} of {period:g} rows ({len(rows)} rows), so its "
                        "sine/cosine pairs would guess the shape of the rest" for period, _ in self.spec.cycles
                        if len(rows) < 2 * period and not self.season_terms_kept})  # the band's refits keep them
        part = season_part(frequency) if self.spec.calendar and not self.hidden else None
        if part is None and self.spec.calendar and not self.hidden and self.spec.fourier_order:
            return self._pairs_left_out(rows, frequency, reasons)  # weekly: the pairs are the season
        if part is None or part in reasons:
            return reasons
        if self.spec.fourier_order:
            reasons["fourier"] = (f"the {part} terms already let the season take any shape, so sine/cosine pairs at "
                                  "the season length would add nothing to a linear model")
        if (few := self._too_few_rows(rows, frequency, reasons)) is not None:
            reasons[part] = few
            reasons.pop("fourier", None)  # asked-for pairs stand for the season in their place
        return reasons

    def _pairs_left_out(self, rows: pd.DataFrame, frequency: Frequency, reasons: dict[str, str]) -> dict[str, str]:
        """``reasons`` and the Fourier pairs where they give the season (no calendar terms do) and the rows are too
        few for the weights they bring (short weekly series were refused with advice to lower a degree multi lacks),
        or cover less than one season, as a month term needs its month in the rows (28 weeks of a flat series gave a
        52-week wave of +-388 and a forecast held at 0)."""
        if len(rows) < frequency.season_length and not self.season_terms_kept:  # first: fewer pairs would not help
            reasons["fourier"] = (f"{PART_OF_A_SEASON} ({len(rows)} rows of a {frequency.season_length}-row season), "
                                  "so the pairs would guess the shape of the rest")
        elif (few := self._too_few_rows(rows, frequency, reasons)) is not None:
            reasons["fourier"] = few
        return reasons

    def _too_few_rows(self, rows: pd.DataFrame, frequency: Frequency, reasons: dict[str, str]) -> str | None:
        """Why the season's terms are left out when the ``rows`` are too few for the weights of every term but
        ``reasons``' (``ROWS_PER_WEIGHT``); None when they are enough, or when the season is kept regardless
        (``season_terms_kept``)."""
        weights = design_matrix(rows.iloc[:1], np.zeros(1), replace(self.spec, left_out=tuple(reasons)), frequency,
                                trend_scale=1.0)[0].shape[1] + 1
        if len(rows) >= (least := rows_for_weights(weights)) or self.season_terms_kept:
            return None
        return (f"{FEW_ROWS} for them: with them the model fits {weights} weights, which needs {least} rows (there "
                f"are {len(rows)})")

    def _design(self, frame: pd.DataFrame, steps: np.ndarray) -> tuple[np.ndarray, list[str]]:
        spec = replace(self.spec, left_out=tuple(self.left_out_))
        return design_matrix(frame, steps, spec, self.frequency_, trend_scale=self.n_fit_)

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        raw, _ = self._design(future, self._future_steps(future))
        scaled = predict(self.torch_fit_.net, self.x_scaler_.transform(raw))  # type: ignore[union-attr]
        return self.y_scaler_.inverse_transform(scaled)

    def _future_steps(self, future: pd.DataFrame) -> np.ndarray:
        """The time index of rows after the history (``steps_after``; counted on from its rows in model files written
        before it followed the calendar)."""
        if self.first_stamp_ is None:
            return self.n_fit_ + np.arange(len(future), dtype=float)
        return steps_after(self.first_stamp_, self.last_step_, future["ds"], self.frequency_, self.n_fit_)

    def interval_model(self) -> "RegressionForecaster | None":
        """Refitted as it was trained, or in closed form when its training reached the least-squares answer; with
        the season terms the fit kept (``fewest_refit_rows`` places the origins where rows allow them)."""
        training = closed_form_refits(self.training, self.hidden, self.closed_form_gap()) or self.training
        part = season_part(self.frequency_) if self.spec.calendar else None
        kept = part not in self.left_out_ if part is not None else self._season_by_pairs()
        # A yearly cycle the fit left out stays out of the refits; one it kept stays in them, on fewer rows too (a
        # daily band measured without the pairs of the model it is drawn around was 10 times too wide).
        cycles = tuple(cycle for cycle in self.spec.cycles if cycle_term(cycle[0]) not in self.left_out_)
        return RegressionForecaster(self.name, replace(self.spec, cycles=cycles), training, self.hidden, kept)

    def _season_by_pairs(self) -> bool:
        """Whether the fit's season is its Fourier pairs (weekly data: no calendar terms give it) and it kept them."""
        return bool(self.spec.calendar and self.spec.fourier_order and season_part(self.frequency_) is None
                    and "fourier" not in self.left_out_)

    def fewest_refit_rows(self) -> int:
        """A linear model's rows for its weights (``rows_for_weights``), a season where its pairs give it, and a whole
        cycle of each cycle it kept (the year's pairs of daily data); a network's ridge penalty keeps its weights. Both
        see a whole week where the fit kept weekday terms beside the hours (``week_of_rows``): refitted on fewer, they
        left the weekdays out, and a 15-minute meter's 80% band held every test row."""
        self._check_fitted()
        week = week_of_rows(self.frequency_) if any(name.startswith("weekday=") for name in self.feature_names_) else 1
        if self.hidden:
            return week
        season = self.frequency_.season_length if self._season_by_pairs() else 1  # refits see one, as the fit did
        # Fitted on part of a cycle, its pairs guess the rest: a shop's daily sales refitted on 211 rows of a year of
        # 313 missed by 52,000 and drew a 95% band 40,000 wide around sales near 1,500 (errors from a whole cycle on:
        # 50 to 80, as the fit's own).
        cycles = [math.ceil(period) for period, _ in self.spec.cycles if cycle_term(period) not in self.left_out_]
        return max(rows_for_weights(len(self.feature_names_) + 1), season, week, *cycles)

    def exact_backtest(self, history: pd.DataFrame, frequency: Frequency, plan: BacktestPlan) -> np.ndarray | None:
        """Least squares at every origin on one design matrix, when this model is solved exactly
        without a penalty: the same answer as ``fit`` at each origin (z-scoring and the trend's scale
        do not change a least-squares prediction), without rebuilding features per origin. None
        (refit per origin) for networks, a penalty, missing values, calendar terms that the
        earliest origin's rows would leave out and the latest's keep, or time steps an origin's rows would place
        otherwise than the whole history's (``time_steps``)."""
        if self.hidden or self.training.optimizer != EXACT or self.training.l2 or not plan.origins:
            return None
        left_out: tuple[str, ...] = ()
        if self.spec.calendar:
            first, last = (tuple(self._left_out(history.iloc[:origin], frequency))
                           for origin in (plan.origins[0], plan.origins[-1]))
            if first != last:
                return None
            left_out = first
        steps = time_steps(history["ds"], frequency)
        if any(not np.array_equal(time_steps(history["ds"].iloc[:origin], frequency), steps[:origin])
               for origin in plan.origins):  # a stamp off the calendar after an origin: refits place rows otherwise
            return None
        raw, _ = design_matrix(history, steps, replace(self.spec, left_out=left_out), frequency,
                               trend_scale=len(history))
        values = history["y"].to_numpy(dtype=float)
        if raw.shape[1] == 0 or not np.isfinite(raw).all():
            return None
        scaled = Standardizer.fit(raw).transform(raw)  # better conditioned; the predictions are the same
        errors = np.full((len(plan.origins), plan.horizon), np.nan)
        for row, origin in enumerate(plan.origins):
            solution = least_squares(scaled[:origin], values[:origin])
            ahead = slice(origin, min(origin + plan.horizon, len(values)))
            errors[row, :ahead.stop - origin] = scaled[ahead] @ solution[:-1] + solution[-1] - values[ahead]
        return errors

    def coefficients(self) -> dict[str, float] | None:
        """Change in y per unit of each feature (original units), and the intercept (y at step 0 with
        the other features 0).

        The trend terms are per step: the design divides the step index by the number of training
        rows ``n`` (``trend_scale``), so ``x^k`` is returned per step**k (weight / n**k) and each
        hinge ``x after c`` per step past ``c`` (weight / n); ``sum_k c_k * step**k`` is the trend.
        """
        self._check_fitted()
        if self.hidden or self.torch_fit_ is None:
            return None
        weight, bias = self.torch_fit_.linear_weights()
        # Weights whose effect is rounding noise of the target's size are 0 (a constant series: a trend of -8e-19).
        level = max(float(np.max(np.abs(self.y_scaler_.mean))), float(np.max(self.y_scaler_.scale)))
        weight = np.where(np.abs(weight) * self.y_scaler_.scale < NEGLIGIBLE * level, 0.0, weight)
        per_unit = weight * self.y_scaler_.scale / self.x_scaler_.scale
        intercept = float(self.y_scaler_.inverse_transform(np.array(bias)) - per_unit @ self.x_scaler_.mean)
        scale = max(float(self.n_fit_), 1.0)  # as design_matrix scales the steps
        per_step: dict[str, float] = {}
        for name, value in zip(self.feature_names_, per_unit.tolist()):
            if name == "x" or name.startswith("x after "):
                value /= scale
            elif name.startswith("x^"):
                value /= scale ** int(name[2:])
            per_step[name] = value
        return {"intercept": intercept, **per_step}

    def params(self) -> dict[str, Any]:
        settings: dict[str, Any] = {"trend_degree": self.spec.trend_degree, "calendar": self.spec.calendar,
                                    "fourier_order": self.spec.fourier_order,
                                    "regressors": list(self.spec.regressors)}
        if self.hidden:
            settings["hidden"] = self.hidden
        if self.spec.calendar or self.left_out_:
            settings["left_out"] = dict(self.left_out_)  # term -> why the training rows cannot estimate it
        return {**settings, **training_params(self.training)}


def closed_form_refits(training: TrainConfig, hidden: int, gap: float | None) -> TrainConfig | None:
    """How the band's backtest refits a linear model whose training reached its least-squares answer
    (``gap`` at most ``EXACT_ENOUGH``): solved exactly, the same answer without an optimizer run at every
    origin. None for networks and for fits short of the answer: those are retrained as they were trained."""
    if hidden or gap is None or gap > EXACT_ENOUGH or training.optimizer == EXACT:
        return None
    return replace(training, optimizer=EXACT)


def training_params(config: TrainConfig) -> dict[str, Any]:
    """How a model was trained, for reports."""
    return {"optimizer": config.optimizer, "lr": config.learning_rate(), "epochs": config.epochs,
            "batch": config.batch, "batch_size": config.batch_size, "seed": config.seed}
