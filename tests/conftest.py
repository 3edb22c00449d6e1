"""Shared fixtures: seeded synthetic series and the shipped default."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.data.tidy import LoadedSeries, load_series  # noqa: E402


@pytest.fixture(scope="session")
def air() -> LoadedSeries:
    return load_series(ROOT / "data" / "AirPassengers.csv")


def monthly_frame(values: np.ndarray, start: str = "2000-01-01") -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range(start, periods=len(values), freq="MS"), "y": values})


def seasonal_values(n: int = 120, seed: int = 0, noise: float = 0.0) -> np.ndarray:
    """Trend 0.5 per month plus a fixed 12-month pattern, optionally with noise."""
    pattern = np.array([0, 3, 8, 5, -2, 6, 12, 11, 4, -3, -6, 1], dtype=float)
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    return 50 + 0.5 * t + pattern[t % 12] + noise * rng.standard_normal(n)


def sine_values(n: int, seed: int = 3) -> np.ndarray:
    """Monthly values near 140: a trend of 0.3, a yearly sine of amplitude 10 and noise of sd 2."""
    t = np.arange(n)
    return 140 + 0.3 * t + 10 * np.sin(2 * np.pi * t / 12) + 2 * np.random.default_rng(seed).standard_normal(n)


def steps(n: int) -> pd.DataFrame:
    """``n`` future rows for models that need only their count."""
    return pd.DataFrame({"ds": np.arange(n)})
