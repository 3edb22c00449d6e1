"""The exact answers every gradient-trained linear fit is measured against, from scikit-learn."""
from __future__ import annotations

import numpy as np
from sklearn.linear_model import LinearRegression, Ridge


def least_squares(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Exact ``[w..., b]`` minimizing the mean squared error of ``y`` on ``[x, 1]``.

    Parameters
    ----------
    x : np.ndarray, shape (n, p)
    y : np.ndarray, shape (n,)
    """
    model = LinearRegression().fit(x, y)
    return np.append(model.coef_, model.intercept_)


def ridge_objective(x: np.ndarray, y: np.ndarray, l2: float = 0.0) -> float:
    """``mean((X w + b - y)^2) + l2 |w|^2`` at its exact minimum (``b`` unpenalized).

    With ``l2 = 0`` this is the least-squares training MSE. scikit-learn's ``Ridge`` penalizes the
    sum of squares, so its ``alpha`` is ``n * l2``.
    """
    model = Ridge(alpha=l2 * len(y)).fit(x, y) if l2 > 0 else LinearRegression().fit(x, y)
    residual = x @ model.coef_ + model.intercept_ - y
    return float(np.mean(residual ** 2) + l2 * model.coef_ @ model.coef_)


def relative_gap(trained: float, exact: float) -> float:
    """How far a trained objective is above the exact one, relative to it (0 means exact)."""
    return max(trained - exact, 0.0) / max(exact, 1e-12)
