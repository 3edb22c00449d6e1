"""A fitted model as plain data: numbers, strings, lists, dicts and tensors, and back.

Model files hold this form, written with ``torch.save`` and read with ``torch.load(...,
weights_only=True)``, which refuses anything else. Decoding builds only the classes registered
here (the forecasters and the small dataclasses they keep), never a class named by the file.
"""
from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

import numpy as np
import torch
from torch import nn

from core.data.frequency import Frequency
from core.errors import DataError
from core.training.fit import TorchFit
from core.training.loop import History, TrainConfig
from core.training.nets import NetConfig, build_net

T = TypeVar("T", bound=type)
_TYPES: dict[str, type] = {}


def register(cls: T) -> T:
    """Allow ``cls`` (a dataclass, or a forecaster rebuilt from its attributes) in model files."""
    _TYPES[cls.__name__] = cls
    return cls


for _known in (Frequency, History, TrainConfig, NetConfig, TorchFit):
    register(_known)


def encode(value: Any) -> Any:
    """``value`` as plain data; raises ``TypeError`` for a type a model file cannot hold."""
    if isinstance(value, np.generic):  # before float: numpy's float64 is one, and torch.load refuses to read it back
        return value.item()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, np.ndarray):
        return torch.from_numpy(np.array(value, dtype=float))
    if isinstance(value, nn.Module):
        return {"__net__": {**dataclasses.asdict(value.config),  # type: ignore[call-overload]
                            "state_dict": {k: v.detach().cpu() for k, v in value.state_dict().items()}}}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, tuple):
        return {"__tuple__": [encode(item) for item in value]}
    if isinstance(value, dict):
        return {"__dict__": {str(key): encode(item) for key, item in value.items()}}
    name = type(value).__name__
    if _TYPES.get(name) is type(value):
        fields = ({f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
                  if dataclasses.is_dataclass(value) else vars(value))
        return {"__type__": name, "fields": {key: encode(item) for key, item in fields.items()}}
    raise TypeError(f"A model file cannot hold a {name}.")


def decode(value: Any) -> Any:
    """The inverse of ``encode``; raises ``DataError`` for anything ``encode`` does not write."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, torch.Tensor):
        return value.numpy().astype(float)
    if isinstance(value, list):
        return [decode(item) for item in value]
    if isinstance(value, dict) and len(value) in (1, 2):
        if "__tuple__" in value:
            return tuple(decode(item) for item in value["__tuple__"])
        if "__dict__" in value:
            return {key: decode(item) for key, item in value["__dict__"].items()}
        if "__net__" in value:
            return _decode_net(value["__net__"])
        if "__type__" in value and value["__type__"] in _TYPES:
            fields = {key: decode(item) for key, item in value["fields"].items()}
            return _decode_object(_TYPES[value["__type__"]], fields)
    raise DataError("The model file holds data this app does not write: download the model again from Train.")


def _decode_net(value: dict[str, Any]) -> nn.Module:
    """The network of the file's sizes and weights; the sizes are checked against the weights on torch's ``meta``
    device, which allocates nothing, before the network is built (a 2 KB file claiming 6,000 by 6,000 took 300 MB)."""
    state, config = value["state_dict"], NetConfig(int(value["n_features"]), int(value["hidden"]))
    with torch.device("meta"):
        shapes = {key: tuple(tensor.shape) for key, tensor in build_net(config).state_dict().items()}
    if not isinstance(state, dict) or {key: tuple(getattr(tensor, "shape", ())) for key, tensor in state.items()} \
            != shapes:
        raise DataError("The model file's network does not match its weights: download the model again from Train.")
    net = build_net(config)
    net.to(dtype=next(iter(state.values())).dtype)
    net.load_state_dict(state)
    return net


def _decode_object(cls: type, fields: dict[str, Any]) -> Any:
    if dataclasses.is_dataclass(cls):
        return cls(**fields)
    if any(callable(getattr(cls, key, None)) or isinstance(getattr(cls, key, None), property) for key in fields):
        raise DataError("The model file holds data this app does not write: download the model again from Train.")
    made = cls.__new__(cls)
    made.__dict__.update(fields)
    return made
