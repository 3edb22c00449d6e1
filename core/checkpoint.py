"""Model files: weights, network shape and scaling statistics, loadable on a CPU-only machine.

Written with ``torch.save`` of plain tensors, numbers, strings and lists only, and read back
with ``torch.load(..., weights_only=True)``, which refuses arbitrary pickled objects.
"""
from __future__ import annotations

import io
from typing import Any

import torch

from core.errors import DataError
from core.models import Forecaster


def checkpoint_bytes(forecaster: Forecaster) -> bytes:
    """Serialize a fitted forecaster's weights, configuration and scalers."""
    inner = getattr(forecaster, "best_", forecaster)
    payload: dict[str, Any] = {"format": "ts-regression-checkpoint/1", "model": inner.name,
                               "params": _plain(inner.params())}
    net = getattr(inner, "net_", None)
    if net is not None:
        payload["state_dict"] = {key: value.detach().cpu() for key, value in net.state_dict().items()}
        payload["feature_names"] = list(getattr(inner, "feature_names_", []))
        payload["hidden"] = int(getattr(inner, "hidden", 0))
    for name in ("x_scaler_", "y_scaler_", "scaler_"):
        scaler = getattr(inner, name, None)
        if scaler is not None:
            payload[name.rstrip("_")] = {"mean": torch.as_tensor(scaler.mean), "scale": torch.as_tensor(scaler.scale)}
    changepoints = getattr(inner, "changepoints_", None)
    if changepoints is not None:
        payload["changepoints"] = torch.as_tensor(changepoints)
    last = getattr(inner, "last_", None)
    if last is not None:
        payload["last_values"] = torch.tensor(last.copy())
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


def load_checkpoint(data: bytes) -> dict[str, Any]:
    """Read a checkpoint safely onto the CPU; raises ``DataError`` for anything else."""
    try:
        payload = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except Exception as problem:  # torch raises several unrelated types for foreign files
        raise DataError(f"Not a model file this app wrote ({type(problem).__name__}): "
                        "choose a .pt file downloaded from the Train page.") from None
    if not isinstance(payload, dict) or payload.get("format") != "ts-regression-checkpoint/1":
        raise DataError("Not a model file this app wrote: choose a .pt file downloaded from the Train page.")
    return payload


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)
