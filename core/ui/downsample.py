"""Thin long series for drawing only: largest-triangle-three-buckets (LTTB)."""
from __future__ import annotations

import numpy as np


def lttb_indices(x: np.ndarray, y: np.ndarray, threshold: int) -> np.ndarray:
    """Indices of at most ``threshold`` points that keep the shape of the line ``(x, y)``.

    The first and last points are always kept; each bucket keeps the point that makes the
    largest triangle with the previous kept point and the next bucket's mean.
    """
    n = len(x)
    if threshold >= n or threshold < 3:
        return np.arange(n)
    edges = np.linspace(1, n - 1, threshold - 1).astype(int)
    kept = [0]
    for i in range(threshold - 2):
        start, stop = edges[i], edges[i + 1]
        nxt_start, nxt_stop = edges[i + 1], edges[i + 2] if i + 2 < len(edges) else n
        mean_x, mean_y = x[nxt_start:nxt_stop].mean(), y[nxt_start:nxt_stop].mean()
        ax, ay = x[kept[-1]], y[kept[-1]]
        area = np.abs((ax - mean_x) * (y[start:stop] - ay) - (ax - x[start:stop]) * (mean_y - ay))
        kept.append(start + int(np.argmax(area)))
    kept.append(n - 1)
    return np.asarray(kept)
