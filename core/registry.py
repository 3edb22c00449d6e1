"""Model names of the command line and the dashboard, their settings, and the ``auto`` choice."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from core.errors import SettingsError
from core.features import FeatureSpec
from core.frequency import Frequency
from core.models import (AutoRegressiveForecaster, Candidate, Forecaster, RegressionForecaster,
                         SeasonalNaiveForecaster)
from core.training import EpochCallback, TrainConfig

MODEL_NAMES = ("linear", "poly", "multi", "mlp", "ar", "naive", "snaive", "auto")
LINEAR_IN_PARAMETERS = ("linear", "poly", "multi", "ar")
TORCH_MODELS = ("linear", "poly", "multi", "mlp", "ar")
AUTO_CANDIDATES = ("linear", "poly", "multi", "mlp", "ar", "naive", "snaive")
MODEL_HELP = {
    "linear": "Straight trend line on the time index x.",
    "poly": "Polynomial trend: x, x^2, ... up to the chosen degree.",
    "multi": "Trend plus year and one term per season (month, quarter, weekday or hour).",
    "mlp": "Neural network (Linear-ReLU-Linear) on the same features as multi.",
    "ar": "Linear on the previous values (lags); forecasts step by step.",
    "naive": "Repeats the last value: the simplest baseline.",
    "snaive": "Repeats the last season: the seasonal baseline.",
    "auto": "Tries the other models on the end of the training rows and keeps the best.",
}


def default_training(model: str) -> TrainConfig:
    """Defaults that converge: LBFGS for the linear-in-parameters models, Adam for the MLP."""
    if model == "mlp":
        return TrainConfig(optimizer="adam", lr=0.01, epochs=1500, patience=100, tol=1e-6)
    return TrainConfig(optimizer="lbfgs", epochs=100, patience=3)


@dataclass(frozen=True)
class ModelSettings:
    """Settings of every model; each model reads the ones it uses.

    ``lags=None`` takes one season (at least 2); ``training=None`` takes ``default_training``.
    """

    degree: int = 3
    hidden: int = 16
    lags: int | None = None
    fourier_order: int = 0
    regressors: tuple[str, ...] = ()
    training: TrainConfig | None = None
    seed: int = 0
    device: str = "auto"
    extra: dict[str, Any] = field(default_factory=dict)

    def training_for(self, model: str) -> TrainConfig:
        base = self.training or default_training(model)
        return base.with_(seed=self.seed, device=self.device)


def build_forecaster(model: str, settings: ModelSettings, frequency: Frequency) -> Forecaster:
    """The unfitted forecaster for a model name."""
    if model not in MODEL_NAMES:
        raise SettingsError(f"Unknown model '{model}': use one of {', '.join(MODEL_NAMES)}.")
    if model in ("linear", "poly", "multi", "mlp"):
        return _regression(model, settings, frequency)
    if model == "ar":
        lags = settings.lags or max(frequency.season_length, 2)
        if lags < 1:
            raise SettingsError("The number of lags must be at least 1.")
        return AutoRegressiveForecaster(lags, settings.training_for(model))
    if model == "naive":
        return SeasonalNaiveForecaster(1, name="naive")
    if model == "snaive":
        return SeasonalNaiveForecaster(frequency.season_length, name="snaive")
    return AutoForecaster(settings)


def _regression(model: str, settings: ModelSettings, frequency: Frequency) -> RegressionForecaster:
    if model == "poly" and not 1 <= settings.degree <= 10:
        raise SettingsError(f"Polynomial degree {settings.degree} is out of range: choose 1 to 10.")
    if model == "mlp" and settings.hidden < 1:
        raise SettingsError("The network needs at least one hidden unit.")
    specs = {
        "linear": FeatureSpec(trend_degree=1, regressors=settings.regressors),
        "poly": FeatureSpec(trend_degree=settings.degree, regressors=settings.regressors),
        "multi": FeatureSpec(trend_degree=1, calendar=True, fourier_order=settings.fourier_order,
                             regressors=settings.regressors),
        "mlp": FeatureSpec(trend_degree=1, calendar=True, fourier_order=settings.fourier_order,
                           regressors=settings.regressors),
    }
    hidden = settings.hidden if model == "mlp" else 0
    return RegressionForecaster(model, specs[model], settings.training_for(model), hidden=hidden)


def validation_length(n: int, frequency: Frequency) -> int:
    """Rows at the end of the training span that ``auto`` holds out to choose a model."""
    wanted = max(frequency.season_length, math.ceil(0.2 * n))
    return int(min(wanted, n // 3))


class AutoForecaster(Forecaster):
    """Fits every candidate on the start of the history, scores it on the held-out end (MAE),
    and refits the best on the whole history. Never sees rows after the history."""

    name = "auto"

    def __init__(self, settings: ModelSettings, candidates: tuple[str, ...] = AUTO_CANDIDATES) -> None:
        self.settings = settings
        self.candidates = candidates

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "AutoForecaster":
        held_out = validation_length(len(history), frequency)
        if held_out < 1:
            raise SettingsError("Too few training rows for auto to hold some out: use a larger train fraction.")
        head, tail = history.iloc[:-held_out], history.iloc[-held_out:]
        self.leaderboard_ = sorted((self._score(name, head, tail, frequency) for name in self.candidates),
                                   key=lambda row: row.validation_mae)
        self.chosen_ = self.leaderboard_[0].model
        if not math.isfinite(self.leaderboard_[0].validation_mae):
            raise SettingsError("No candidate model could be fitted on this series: check the data.")
        self.best_ = build_forecaster(self.chosen_, self.settings, frequency).fit(history, frequency, callback)
        self.fitted_ = self.best_.fitted_  # type: ignore[attr-defined]
        self.closed_form_gap_ = getattr(self.best_, "closed_form_gap_", None)
        self.history_ = getattr(self.best_, "history_", None)
        return self

    def _score(self, name: str, head: pd.DataFrame, tail: pd.DataFrame, frequency: Frequency) -> Candidate:
        try:
            model = build_forecaster(name, self.settings, frequency).fit(head, frequency)
            error = float(np.mean(np.abs(model.forecast(tail) - tail["y"].to_numpy(dtype=float))))
        except SettingsError as problem:
            return Candidate(name, math.inf, str(problem))
        return Candidate(name, error if math.isfinite(error) else math.inf)

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.best_.forecast(future)

    def params(self) -> dict[str, Any]:
        chosen = getattr(self, "chosen_", None)
        inner = self.best_.params() if chosen else {}
        return {"chosen": chosen, **inner,
                "leaderboard": [{"model": c.model, "validation_mae": c.validation_mae if math.isfinite(c.validation_mae) else None}
                                for c in getattr(self, "leaderboard_", [])]}
