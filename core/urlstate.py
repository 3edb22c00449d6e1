"""Settings in the page URL (``st.query_params``): parse with validation, write back as text."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core.registry import MODEL_NAMES
from core.training import BATCH_MODES, OPTIMIZERS


@dataclass(frozen=True)
class UrlField:
    """One URL parameter: how to read it and which values are allowed."""

    parse: Callable[[str], object]
    allowed: Callable[[object], bool]


def _choice(options: tuple[str, ...]) -> UrlField:
    return UrlField(str, lambda value: value in options)


def _int_in(low: int, high: int) -> UrlField:
    return UrlField(int, lambda value: low <= value <= high)  # type: ignore[operator]


DATA_FIELDS = {"fraction": UrlField(float, lambda v: 0.5 <= v <= 0.95)}  # type: ignore[operator]
TRAIN_FIELDS = {
    "model": _choice(MODEL_NAMES), "seed": _int_in(0, 2**31 - 1), "degree": _int_in(1, 10),
    "hidden": _int_in(1, 256), "lags": _int_in(1, 60), "fourier": _int_in(0, 6),
    "optimizer": _choice(OPTIMIZERS), "lr": UrlField(float, lambda v: 1e-5 <= v <= 10),  # type: ignore[operator]
    "epochs": _int_in(1, 100_000), "batch": _choice(BATCH_MODES),
}
FORECAST_FIELDS = {"horizon": _int_in(1, 1000)}


def parse_query(params: Mapping[str, str], fields: Mapping[str, UrlField]) -> dict[str, object]:
    """The valid known parameters, converted; unknown or invalid ones are ignored."""
    parsed: dict[str, object] = {}
    for name, field in fields.items():
        if name not in params:
            continue
        try:
            value = field.parse(params[name])
        except ValueError:
            continue
        if field.allowed(value):
            parsed[name] = value
    return parsed


def to_query(values: Mapping[str, object]) -> dict[str, str]:
    """Settings as URL text, floats without trailing noise."""
    return {name: (f"{value:g}" if isinstance(value, float) else str(value))
            for name, value in values.items() if value is not None}
