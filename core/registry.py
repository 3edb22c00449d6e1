"""Model names of the command line and the dashboard, their settings, and how each is built."""
from __future__ import annotations

from dataclasses import dataclass

from core.errors import SettingsError
from core.features import FeatureSpec
from core.frequency import Frequency
from core.models import AutoRegressiveForecaster, Forecaster, RegressionForecaster, SeasonalNaiveForecaster
from core.training import TrainConfig

MODEL_NAMES = ("linear", "poly", "multi", "mlp", "ar", "naive", "snaive", "auto")
TORCH_MODELS = ("linear", "poly", "multi", "mlp", "ar")
MODEL_HELP = {
    "linear": "Straight trend line on the time index x.",
    "poly": "Polynomial trend: x, x^2, ... up to the chosen degree.",
    "multi": "Trend plus year and one term per season (month, quarter, weekday or hour).",
    "mlp": "Neural network (Linear-ReLU-Linear) on the same features as multi.",
    "ar": "Linear on the previous values (lags); forecasts step by step.",
    "naive": "Repeats the last value: the simplest baseline.",
    "snaive": "Repeats the last season: the seasonal baseline.",
    "auto": "Backtests transforms, level and differenced autoregressions, trend + seasonality regressions "
            "with changepoints, an MLP on lags, smoothing, Theta and baselines inside the training rows "
            "and keeps the best (or an ensemble).",
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
    backtest_horizon: int | None = None  # auto's backtest horizon; the run sets it to the test length

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
    from core.auto import AutoForecaster  # imported here: core.auto builds on this module's models

    return AutoForecaster(seed=settings.seed, horizon=settings.backtest_horizon)


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
