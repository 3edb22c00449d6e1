"""Where tensors live: CPU, CUDA or Apple's MPS."""
from __future__ import annotations

import torch

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")


def available_devices() -> list[str]:
    """Devices this machine can use, CPU always first."""
    found = ["cpu"]
    if torch.cuda.is_available():
        found.append("cuda")
    if torch.backends.mps.is_available():
        found.append("mps")
    return found


def device_choices() -> list[str]:
    """What a user may pick: ``auto`` and the devices this machine has."""
    return ["auto", *available_devices()]


def resolve_device(name: str = "auto") -> torch.device:
    """Turn ``auto|cpu|cuda|mps`` into a device; ``auto`` takes CUDA, then MPS, then CPU."""
    if name not in DEVICE_CHOICES:
        raise ValueError(f"Unknown device '{name}': use one of {', '.join(DEVICE_CHOICES)}.")
    if name == "auto":
        return torch.device(available_devices()[-1] if len(available_devices()) > 1 else "cpu")
    if name not in available_devices():
        raise ValueError(f"Device '{name}' is not available on this machine: use 'auto' or 'cpu'.")
    return torch.device(name)


def dtype_for(device: torch.device) -> torch.dtype:
    """float64 where supported (exact comparisons with least squares), float32 on MPS."""
    return torch.float32 if device.type == "mps" else torch.float64
