"""The exact answers every gradient-trained linear fit is measured against, solved in closed form
with NumPy in float64 (tests check them against scikit-learn)."""
from __future__ import annotations

import numpy as np


def _ridge_weights(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """``(w, b)`` minimizing ``mean((X w + b - y)^2) + l2 |w|^2`` with ``b`` unpenalized.

    Centering removes the intercept; ``l2 = 0`` is plain least squares by ``lstsq`` (minimum-norm
    when columns are collinear), ``l2 > 0`` the normal equations ``(Xc'Xc + n l2 I) w = Xc'yc``.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    x_mean, y_mean = x.mean(axis=0), float(y.mean())
    centered, target = x - x_mean, y - y_mean
    if l2 > 0:
        gram = centered.T @ centered + len(y) * l2 * np.eye(x.shape[1])
        weights = np.linalg.solve(gram, centered.T @ target)
    else:
        weights = np.linalg.lstsq(centered, target, rcond=None)[0]
    return weights, y_mean - float(x_mean @ weights)


def least_squares(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Exact ``[w..., b]`` minimizing the mean squared error of ``y`` on ``[x, 1]``.

    Parameters
    ----------
    x : np.ndarray, shape (n, p)
    y : np.ndarray, shape (n,)
    """
    weights, bias = _ridge_weights(x, y, 0.0)
    return np.append(weights, bias)


def ridge_objective(x: np.ndarray, y: np.ndarray, l2: float = 0.0) -> float:
    """``mean((X w + b - y)^2) + l2 |w|^2`` at its exact minimum (``b`` unpenalized).

    With ``l2 = 0`` this is the least-squares training MSE.
    """
    weights, bias = _ridge_weights(x, y, l2)
    residual = np.asarray(x, dtype=np.float64) @ weights + bias - np.asarray(y, dtype=np.float64)
    return float(np.mean(residual ** 2) + l2 * weights @ weights)


# The smallest exact objective a gap is measured against, as a share of the target's variance: a fit that
# interpolates (exact loss about 0) is not "1,500 times" above it for a loss of 1e-9.
GAP_FLOOR = 1e-6
# Where the exact loss is about 0, descent has reached it once its loss is within this share of the target's variance
# (R² over 0.9999; relative to the floor, 1% of it was 1e-8 of the variance, and a fit with R² 0.99999995 was short).
SHARE_REACHED = 1e-4


def exact_is_about_zero(exact: float, variance: float = 1.0) -> bool:
    """Whether the exact objective is below the floor ``relative_gap`` measures against (``GAP_FLOOR`` times the
    target's ``variance``): the model fits the rows exactly, and a gap is a share of the variance, not of it."""
    return exact < GAP_FLOOR * (variance if variance > 0 else 1.0)


def relative_gap(trained: float, exact: float, variance: float = 1.0) -> float:
    """How far a trained objective is above the exact one, relative to it (0 means exact), or to
    ``GAP_FLOOR`` times the target's ``variance`` when the exact objective is smaller (a fit that interpolates);
    a constant target (variance 0) counts in its own squared unit, so rounding noise is not a gap of 1e241."""
    return max(trained - exact, 0.0) / max(exact, GAP_FLOOR * (variance if variance > 0 else 1.0), 1e-300)
