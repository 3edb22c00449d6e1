"""Where tensors live: CPU, CUDA or Apple's MPS."""
from __future__ import annotations

import torch

from core.limits import limit

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")
# ``auto`` trains on the GPU from this many rows (``TSR_GPU_MIN_ROWS`` changes it). Below it a GPU costs more
# than it gives: ``bench/bench_gpu.py`` on an H200 against its 16 CPU cores, float64, ran AirPassengers' models
# 1.5-3x slower on CUDA (mlp 9.2 s against 3.6 s) and 1,000 120-month series 0.66x as fast. The MLP ran
# 0.86x as fast at 10,000 rows, 1.1x at 30,000, 2.2x at 100,000 and 12-13x at 300,000 and 1,000,000; linear
# and multi fits took about the same on either from 30,000 rows (0.7-1.4x).
GPU_MIN_ROWS = 100_000


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


def resolve_device(name: str = "auto", rows: int | None = None) -> torch.device:
    """Turn ``auto|cpu|cuda|mps`` into a device; ``auto`` takes CUDA, then MPS, then CPU, but the CPU for
    fewer than ``GPU_MIN_ROWS`` training ``rows`` (None: any size)."""
    if name not in DEVICE_CHOICES:
        raise ValueError(f"Unknown device '{name}': use one of {', '.join(DEVICE_CHOICES)}.")
    if name == "auto":
        found = available_devices()
        if len(found) == 1 or (rows is not None and rows < limit("TSR_GPU_MIN_ROWS", GPU_MIN_ROWS)):
            return torch.device("cpu")
        return torch.device(found[-1])
    if name not in available_devices():
        raise ValueError(f"Device '{name}' is not available on this machine: use 'auto' or 'cpu'.")
    return torch.device(name)


def dtype_for(device: torch.device) -> torch.dtype:
    """float64 where supported (exact comparisons with least squares), float32 on MPS."""
    return torch.float32 if device.type == "mps" else torch.float64
