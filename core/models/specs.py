"""The model table: one entry per model name, with its one-line help, its settings (default, range,
label, help), its default training when it trains with torch, and how to build it.

The Train page's widgets, the URL fields, the leaderboard's settings column and the command line's
``--model`` choices are all read from this table: a new model is one class plus one entry here.
"""
from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from core.data.frequency import Frequency
from core.errors import SettingsError
from core.evaluation.intervals import MAX_ORIGINS
from core.models.auto import AutoForecaster
from core.models.autoregression import AutoRegressiveForecaster
from core.models.base import Forecaster
from core.models.baselines import SeasonalNaiveForecaster
from core.models.calendar_grid import OnCalendar
from core.models.features import FeatureSpec, calendar_cycles, season_part
from core.models.regression import RegressionForecaster
from core.training.loop import BATCH_MODES, MOST_EPOCHS, OPTIMIZERS, TrainConfig, whole_batch

Value = int | float | str


@dataclass(frozen=True)
class Setting:
    """One setting: an integer or float within ``[low, high]``, or one of ``choices``.

    ``default_for`` gives a default that depends on the series (for example one season of lags).
    """

    name: str
    label: str
    help: str
    default: Value
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    default_for: Callable[[Frequency], Value] | None = None

    @property
    def kind(self) -> str:
        """``choice``, ``int`` or ``float``: how it is drawn, read from a URL and checked."""
        return "choice" if self.choices else ("int" if isinstance(self.default, int) else "float")

    def initial(self, frequency: Frequency) -> Value:
        """The default for a series of this frequency, within the range."""
        value = self.default_for(frequency) if self.default_for else self.default
        if self.kind == "choice":
            return value
        return type(self.default)(min(max(value, self.low), self.high))  # type: ignore[type-var, arg-type]

    def parse(self, text: str) -> Value:
        """A value from URL text; raises ``ValueError`` when it is not one."""
        value: Value = text if self.kind == "choice" else (int(text) if self.kind == "int" else float(text))
        return self.check(value)

    def check(self, value: Value) -> Value:
        """``value`` when allowed; raises ``SettingsError`` naming the range otherwise."""
        if self.kind == "choice":
            if value not in self.choices:
                raise SettingsError(f"Unknown {self.label.lower()} '{value}': use one of {', '.join(self.choices)}.")
            return value
        low, high = self.shown(self.low), self.shown(self.high)  # type: ignore[arg-type]
        if not isinstance(value, numbers.Real) or isinstance(value, bool):  # a box left empty holds None
            raise SettingsError(f"{self.label} needs a number: choose {low} to {high}.", "err.setting_number",
                                {"setting": self.label, "name": self.name, "low": low, "high": high})
        if not self.low <= value <= self.high or self.kind == "int" and value != int(value):  # type: ignore[operator]
            shown = self.shown(value)
            raise SettingsError(f"{self.label} {shown} is out of range: choose {low} to {high}.",
                                "err.setting_range", {"setting": self.label, "name": self.name, "value": shown,
                                                      "low": low, "high": high})
        return int(value) if self.kind == "int" else float(value)

    def shown(self, number: float) -> str:
        """``number`` as a message writes a value of this setting: whole numbers whole (2,147,483,647, not 2.15e+09),
        small ones in decimals (0.00001, not 1e-05, which a narrow message broke as "1e-" and "05")."""
        whole = self.kind == "int" and math.isfinite(number) and number == int(number) and abs(number) < 1e15
        if whole:
            return f"{int(number):,}"
        return f"{number:.9f}".rstrip("0") if 1e-9 <= abs(number) < 1e-4 else f"{number:g}"


@dataclass(frozen=True)
class BuildContext:
    """What a builder gets: the model's own settings (checked, defaults filled) and the run's."""

    values: Mapping[str, Any]
    regressors: tuple[str, ...]
    training: TrainConfig | None
    seed: int
    frequency: Frequency
    given: frozenset[str] = frozenset()  # the settings the run named (the others took their defaults)
    device: str = "auto"  # the run's device, for models that choose their own training (auto)


@dataclass(frozen=True)
class ModelSpec:
    """One model. ``training`` is its default training, or None when it does not train with torch;
    ``reported`` names ``params()`` entries worth a mention in the leaderboard; ``interval_origins``
    bounds the refits of the backtest behind its prediction band (fewer for slow models); ``uses_regressors``: whether
    the user's regressors reach it; ``regressors_optional``: whether it can do without them too (auto chooses among
    models that do not use them when their future values run out before the horizon)."""

    name: str
    help: str
    build: Callable[[BuildContext], Forecaster]
    settings: tuple[Setting, ...] = ()
    training: TrainConfig | None = None
    reported: tuple[str, ...] = ()
    interval_origins: int = MAX_ORIGINS
    uses_regressors: bool = True
    regressors_optional: bool = False

    @property
    def trains_with_torch(self) -> bool:
        return self.training is not None


@dataclass(frozen=True)
class ModelSettings:
    """A run's settings: ``values`` holds the chosen model's own settings by name (missing ones take
    their defaults); ``training=None`` takes the model's default training."""

    values: Mapping[str, Value] = field(default_factory=dict)
    regressors: tuple[str, ...] = ()
    training: TrainConfig | None = None
    seed: int = 0
    device: str = "auto"


# How models that train with torch are trained; their defaults come from each model's entry.
TRAINING_SETTINGS = (
    Setting("optimizer", "Optimizer", "LBFGS solves linear models in a few steps; Adam suits the network.",
            "lbfgs", choices=OPTIMIZERS),
    Setting("lr", "Learning rate", "Step size on z-scored data; too large a step diverges.", 1.0, 1e-5, 10.0),
    Setting("epochs", "Epochs", "At most this many passes over the training rows; stops early once converged.",
            100, 1, MOST_EPOCHS),
    Setting("batch", "Batch mode", "full: all rows per update; mini: batches; single: one row per update. LBFGS "
            "always takes every row.", "full", choices=BATCH_MODES),
    Setting("batch_size", "Batch size", "Rows per update in mini mode.", 16, 1, 4096),
)
SEED = Setting("seed", "Seed", "Same seed, same numbers.", 0, 0, 2**31 - 1)
LAB_NUMBERS = (TRAINING_SETTINGS[1], SEED)  # the Learning Lab's number boxes: its learning rate and seed
LINEAR_TRAINING = TrainConfig(optimizer="lbfgs", epochs=100, patience=3)
NETWORK_TRAINING = TrainConfig(optimizer="adam", lr=0.01, epochs=1500, patience=100, tol=1e-6)

# Fourier pairs by default where no calendar terms give the season (weekly: 52 weeks). Fewer than the setting's most, 6:
# a short weekly series has 52 weeks of season to fit on a year or two of rows.
_FOURIER_PAIRS = 4
DEGREE = Setting("degree", "Degree", "Highest power of x.", 3, 1, 10)
FOURIER = Setting("fourier", "Fourier pairs",
                  "Sine/cosine pairs at the season length: the season's shape where no calendar terms give it (weekly "
                  "data: 52 weeks; 15-minute data), and a smooth view of it for the network. A linear model with "
                  "season terms gains nothing from them and leaves them out. The year's shape on daily data has 6 "
                  "pairs of its own, whatever this says.", 0, 0, 6,
                  default_for=lambda frequency: min(_FOURIER_PAIRS, frequency.season_length // 2)
                  if frequency.season_length > 1 and season_part(frequency) is None else 0)
HIDDEN = Setting("hidden", "Hidden units", "Width of the hidden layer.", 16, 1, 256)
LAGS = Setting("lags", "Lags", "How many previous values the model sees (default: one season).", 2, 1, 60,
               default_for=lambda frequency: max(frequency.season_length, 2))


def _regression(name: str, calendar: bool = False) -> Callable[[BuildContext], Forecaster]:
    def build(context: BuildContext) -> Forecaster:
        spec = FeatureSpec(trend_degree=int(context.values.get("degree", 1)), calendar=calendar,
                           fourier_order=int(context.values.get("fourier", 0)), regressors=context.regressors,
                           cycles=calendar_cycles(context.frequency) if calendar else ())
        return RegressionForecaster(name, spec, context.training, hidden=int(context.values.get("hidden", 0)))  # type: ignore[arg-type]
    return build


SPECS: dict[str, ModelSpec] = {}


def register_spec(spec: ModelSpec) -> ModelSpec:
    """Add a model to the table (the table below, or a test's toy model)."""
    SPECS[spec.name] = spec
    return spec


for _spec in (
    ModelSpec("linear", "Straight trend line on the time index x.", _regression("linear"), (),
              LINEAR_TRAINING),
    ModelSpec("poly", "Polynomial trend: x, x^2, ... up to the chosen degree.", _regression("poly"), (DEGREE,),
              LINEAR_TRAINING),
    ModelSpec("multi", "Trend plus year and one term per season (month, quarter, weekday or hour; the weekday too "
                       "beside the hour on data within a day); Fourier pairs where the season has no calendar terms "
                       "(weeks, minutes), and for the year's shape on daily data.",
              _regression("multi", calendar=True), (FOURIER,), LINEAR_TRAINING),
    ModelSpec("mlp", "Neural network (Linear-ReLU-Linear) on the same features as multi.",
              _regression("mlp", calendar=True), (HIDDEN, FOURIER), NETWORK_TRAINING, interval_origins=3),
    ModelSpec("ar", "Linear on the previous values (lags); forecasts step by step.",
              lambda c: OnCalendar(AutoRegressiveForecaster("ar", tuple(range(1, int(c.values["lags"]) + 1)),
                                                            c.training,  # type: ignore[arg-type]
                                                            fewer_lags="lags" not in c.given)),
              (LAGS,), LINEAR_TRAINING, uses_regressors=False),
    ModelSpec("naive", "Repeats the last value: the simplest baseline.",
              lambda c: SeasonalNaiveForecaster(1, name="naive"), uses_regressors=False),
    ModelSpec("snaive", "Repeats the last season: the seasonal baseline.",
              lambda c: OnCalendar(SeasonalNaiveForecaster(c.frequency.season_length, name="snaive")),
              uses_regressors=False),
    ModelSpec("auto", "Backtests transforms, ARIMA-style, level and differenced autoregressions, trend + "
                      "seasonality regressions with changepoints, an MLP on seasonal lags, smoothing, Theta and "
                      "baselines inside the training rows and keeps the best (or an ensemble).",
              lambda c: AutoForecaster(seed=c.seed, regressors=c.regressors, device=c.device),
              reported=("chosen",), interval_origins=5, regressors_optional=True),
):
    register_spec(_spec)


def model_names() -> tuple[str, ...]:
    """Every model name, in the table's order."""
    return tuple(SPECS)


def regressor_users(separator: str = ", ") -> str:
    """The models that use regressors, by name (``linear, poly, ...``), for the note that another leaves them out."""
    return separator.join(spec.name for spec in SPECS.values() if spec.uses_regressors)


def spec_for(model: str) -> ModelSpec:
    if model not in SPECS:
        raise SettingsError(f"Unknown model '{model}': use one of {', '.join(SPECS)}.")
    return SPECS[model]


def default_training(model: str) -> TrainConfig | None:
    """The model's default training, or None when it does not train with torch."""
    return spec_for(model).training


def model_values(spec: ModelSpec, values: Mapping[str, Value], frequency: Frequency) -> dict[str, Value]:
    """The model's settings, checked, with defaults for those not given."""
    unknown = sorted(set(values) - {setting.name for setting in spec.settings})
    if unknown:
        raise SettingsError(f"Model '{spec.name}' has no setting '{unknown[0]}'.")
    return {setting.name: setting.check(values[setting.name]) if setting.name in values
            else setting.initial(frequency) for setting in spec.settings}


def training_values(training: TrainConfig) -> dict[str, Any]:
    """A training as the values of ``TRAINING_SETTINGS``, by name."""
    return {"optimizer": training.optimizer, "lr": training.learning_rate(), "epochs": training.epochs,
            "batch": training.batch, "batch_size": training.batch_size}


def check_settings(settings: ModelSettings) -> None:
    """Raises ``SettingsError`` for a training setting or seed outside its range (the model's own settings are checked
    by ``model_values``): only the Train page's boxes held them in range, and a box's own check kept its last value
    under one typed out of range."""
    given = training_values(settings.training) if settings.training is not None else {}
    for setting in (*TRAINING_SETTINGS, SEED):  # numbers only: the refits behind a band train 'exact', no choice shown
        if setting.kind != "choice":
            setting.check(settings.seed if setting is SEED else given.get(setting.name, setting.default))


def build_forecaster(model: str, settings: ModelSettings, frequency: Frequency) -> Forecaster:
    """The unfitted forecaster for a model name and a run's settings."""
    spec = spec_for(model)
    check_settings(settings)
    training = (settings.training or spec.training).with_(seed=settings.seed, device=settings.device) \
        if spec.training is not None else None
    values = model_values(spec, settings.values, frequency)
    context = BuildContext(values=values, regressors=settings.regressors, training=training, seed=settings.seed,
                           frequency=frequency, given=frozenset(_named(spec, settings, frequency)),
                           device=settings.device)
    return spec.build(context)


def named_settings(model: str, settings: ModelSettings, frequency: Frequency) -> ModelSettings:
    """``settings`` less the model's own settings at their default for ``frequency`` (the series the page shows): a
    run over every series of a file then gives each its own defaults, as the command line does (the shown quarterly
    series' 4 lags made a monthly one's autoregression miss its season: test MAE 23.6 where 12 lags gave 2.4)."""
    return replace(settings, values=_named(spec_for(model), settings, frequency))


def _named(spec: ModelSpec, settings: ModelSettings, frequency: Frequency) -> dict[str, Value]:
    """The model's own settings that ``settings`` name, checked: a setting at its default for ``frequency`` counts as
    not named (the Train page sends every widget's value, the command line none)."""
    values = model_values(spec, settings.values, frequency)
    return {setting.name: values[setting.name] for setting in spec.settings
            if setting.name in settings.values and values[setting.name] != setting.initial(frequency)}


def training_settings(model: str, settings: ModelSettings) -> dict[str, Value]:
    """How a model trained by descent trains (optimizer, learning rate, epochs, batch and, for mini-batches, their
    size); nothing for the others."""
    training = settings.training or spec_for(model).training
    if training is None:
        return {}
    used: dict[str, Value] = {"optimizer": training.optimizer, "lr": training.learning_rate(),
                              "epochs": training.epochs,
                              "batch": "full" if whole_batch(training) else training.batch}  # LBFGS: no mini-batches
    if used["batch"] == "mini":  # runs of two batch sizes differ by it alone
        used["batch_size"] = training.batch_size
    return used


def settings_in_use(model: str, settings: ModelSettings, frequency: Frequency,
                    params: Mapping[str, Any]) -> dict[str, Value]:
    """What a run used, by setting name: the model's own settings, its training, what the model
    reports (for example auto's choice) and the seed."""
    spec = spec_for(model)
    used: dict[str, Value] = {**model_values(spec, settings.values, frequency), **training_settings(model, settings)}
    used.update({name: params[name] for name in spec.reported if params.get(name) is not None})
    if params.get("lags_asked") and "lags" in used:  # fewer lags than asked, as the training rows allow
        used["lags"] = max(params["lags"])
    used["seed"] = settings.seed
    return used
