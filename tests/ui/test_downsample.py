"""Thinning for drawing (LTTB): the points kept are the textbook algorithm's, whatever the speed-ups."""
from __future__ import annotations

import numpy as np
import pytest

from core.ui.downsample import lttb_indices


def textbook_lttb(x: np.ndarray, y: np.ndarray, threshold: int) -> np.ndarray:
    """LTTB written straight from its definition: per bucket, the point of the largest triangle with the point kept
    before it and the next bucket's mean."""
    n = len(x)
    edges = np.linspace(1, n - 1, threshold - 1).astype(int)
    kept = [0]
    for i in range(threshold - 2):
        after = slice(edges[i + 1], edges[i + 2] if i + 2 < len(edges) else n)
        mean_x, mean_y = x[after].mean(), y[after].mean()
        ax, ay = x[kept[-1]], y[kept[-1]]
        areas = [abs((ax - mean_x) * (y[j] - ay) - (ax - x[j]) * (mean_y - ay)) for j in range(edges[i], edges[i + 1])]
        kept.append(edges[i] + int(np.argmax(areas)))
    return np.array([*kept, n - 1])


@pytest.mark.parametrize("seed", range(6))
def test_lttb_keeps_the_textbook_points(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(50, 3000))
    x = np.arange(n) * 86_400e9 + 1.5e18 if seed % 2 else np.cumsum(rng.uniform(0.5, 2.0, n))  # dates as ns
    y = rng.integers(0, 4, n).astype(float) if seed % 3 == 0 else np.cumsum(rng.normal(size=n))  # ties, a walk
    threshold = int(rng.integers(3, n))
    kept = lttb_indices(x, y, threshold)
    assert len(kept) == threshold and kept[0] == 0 and kept[-1] == n - 1
    np.testing.assert_array_equal(kept, textbook_lttb(x, y, threshold))


def test_lttb_keeps_a_single_spike_and_everything_when_under_the_threshold() -> None:
    y = np.zeros(10_000)
    y[6_123] = 50.0
    assert 6_123 in lttb_indices(np.arange(10_000.0), y, 500)
    np.testing.assert_array_equal(lttb_indices(np.arange(5.0), np.ones(5), 10), np.arange(5))
