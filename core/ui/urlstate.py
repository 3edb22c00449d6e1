"""Settings in the page URL (``st.query_params``): parse with validation, write back as text.

The Train page's fields come from the model table: each model's own settings, the training
settings of models that train with torch, the seed.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the model table imports torch: the Data page, which needs none of it, loads without
    from core.evaluation.pipeline import RunRequest
    from core.models.specs import Setting

Parser = Callable[[str], object]  # raises ValueError for text that is not an allowed value


def _number_in(convert: Callable[[str], float], low: float, high: float) -> Parser:
    def parse(text: str) -> object:
        value = convert(text)
        if not low <= value <= high:
            raise ValueError(f"{value} is outside {low}..{high}")
        return value
    return parse


SESSION_PARAM = "s"  # the session's store key (core.ui.store): the only thing of a session the URL carries
FRACTION_SLIDER = {"min_value": 0.5, "max_value": 0.95, "step": 0.05}  # the Data page's train fraction
DATA_FIELDS: dict[str, Parser] = {"fraction": _number_in(float, FRACTION_SLIDER["min_value"],
                                                         FRACTION_SLIDER["max_value"])}
FORECAST_FIELDS: dict[str, Parser] = {"horizon": _number_in(int, 1, 1000)}  # the Forecast page's MOST_STEPS


def parse_query(params: Mapping[str, str], fields: Mapping[str, Parser]) -> dict[str, object]:
    """The valid known parameters, converted; unknown or invalid ones are ignored."""
    parsed: dict[str, object] = {}
    for name, parse in fields.items():
        if name in params:
            try:
                parsed[name] = parse(params[name])
            except ValueError:
                continue
    return parsed


@dataclass(frozen=True)
class TrainQuery:
    """The Train page's settings found in a URL: the model, its own settings, training, seed."""

    model: str | None = None
    seed: int | None = None
    values: dict[str, object] = field(default_factory=dict)
    training: dict[str, object] = field(default_factory=dict)
    ignored: tuple[str, ...] = ()  # settings the URL gives out of their range or unreadable: the defaults are used


def ignored_fields(params: Mapping[str, str], fields: Mapping[str, Parser]) -> tuple[str, ...]:
    """The known parameters of ``params`` that ``parse_query`` leaves out as invalid (``hidden=999``)."""
    valid = parse_query(params, fields)
    return tuple(name for name in fields if name in params and name not in valid)


def _fields(settings: tuple[Setting, ...]) -> dict[str, Parser]:
    return {setting.name: setting.parse for setting in settings}


def parse_train_query(params: Mapping[str, str]) -> TrainQuery:
    """The model named in the URL and the settings that model has, each within its range."""
    from core.models.specs import SEED, TRAINING_SETTINGS, model_names, spec_for

    model = params.get("model")
    if model not in model_names():  # model=foo: named among the settings left at their defaults
        return TrainQuery(ignored=("model",) if model is not None else ())
    spec = spec_for(model)
    seeds, own = {"seed": SEED.parse}, _fields(spec.settings)
    trainings = _fields(TRAINING_SETTINGS) if spec.trains_with_torch else {}
    ignored = ignored_fields(params, {**DATA_FIELDS, **seeds, **trainings, **own})
    return TrainQuery(model, parse_query(params, seeds).get("seed"), parse_query(params, own),  # type: ignore[arg-type]
                      parse_query(params, trainings), ignored)


def train_query(request: RunRequest) -> dict[str, str]:
    """A run's model and settings as URL text."""
    settings, training = request.settings, request.settings.training
    values: dict[str, object] = {"model": request.model, "seed": settings.seed, **settings.values}
    if training is not None:
        from core.models.specs import training_values  # the model table imports torch: only when a run is written
        values.update(training_values(training))
    values["fraction"] = request.train_fraction
    return to_query(values)


def to_query(values: Mapping[str, object]) -> dict[str, str]:
    """Settings as URL text, floats without trailing noise."""
    return {name: (f"{value:g}" if isinstance(value, float) else str(value))
            for name, value in values.items() if value is not None}
