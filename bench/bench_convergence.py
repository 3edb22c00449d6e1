"""How fast `linear` reaches the least-squares optimum, beside the seed notebook's training loop.

Reference (measured in the same run): the seed's loop, 10,000 full-batch SGD epochs at lr 1e-3 on
the 100 AirPassengers training rows, x and y min-max scaled to [0, 1], float32, as the notebook
did. Ours: the product's default `linear` fit (z-scored features, LBFGS, early stopping), from the
tidy frame to fitted weights. Both report the relative gap of their training MSE over the
closed-form least-squares MSE. Run: `.venv/bin/python bench/bench_convergence.py`.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.data.tidy import load_series  # noqa: E402
from core.evaluation.pipeline import split_frame  # noqa: E402
from core.models.specs import ModelSettings, build_forecaster  # noqa: E402
from core.training.least_squares import relative_gap, ridge_objective  # noqa: E402

REPEATS = 5


def seed_loop(y: np.ndarray) -> tuple[float, float]:
    """The seed notebook's loop; returns (seconds, closed-form gap)."""
    x = np.arange(len(y), dtype=float)
    x_scaled = (x - x.min()) / (x.max() - x.min())
    y_scaled = (y - y.min()) / (y.max() - y.min())
    inputs = torch.tensor(x_scaled, dtype=torch.float32).unsqueeze(1)
    targets = torch.tensor(y_scaled, dtype=torch.float32).unsqueeze(1)
    torch.manual_seed(0)
    model = torch.nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.MSELoss()
    started = time.perf_counter()
    for _ in range(10_000):
        optimizer.zero_grad()
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - started
    with torch.no_grad():
        trained = float(loss_fn(model(inputs), targets))
    return seconds, relative_gap(trained, ridge_objective(x_scaled[:, None], y_scaled))


def product_fit(train, frequency) -> tuple[float, float]:
    started = time.perf_counter()
    model = build_forecaster("linear", ModelSettings(device="cpu"), frequency).fit(train, frequency)
    return time.perf_counter() - started, float(model.closed_form_gap())  # type: ignore[arg-type]


def main() -> None:
    series = load_series(Path(__file__).resolve().parent.parent / "data" / "AirPassengers.csv")
    train, _ = split_frame(series.frame, 0.7)
    y = train["y"].to_numpy(dtype=float)
    product_fit(train, series.frequency)  # warm-up: torch's first-call set-up is not training time
    seed = [seed_loop(y) for _ in range(REPEATS)]
    ours = [product_fit(train, series.frequency) for _ in range(REPEATS)]
    seed_s, ours_s = statistics.median(s for s, _ in seed), statistics.median(s for s, _ in ours)
    print(f"AirPassengers, {len(train)} training rows, median of {REPEATS} runs each, same process")
    print(f"{'method':<44}{'seconds':>10}{'closed_form_gap':>18}")
    print(f"{'seed loop (10,000 SGD epochs, lr 1e-3)':<44}{seed_s:>10.4f}{seed[-1][1]:>18.2e}")
    print(f"{'linear default (z-score + LBFGS)':<44}{ours_s:>10.4f}{ours[-1][1]:>18.2e}")
    print(f"speed-up: {seed_s / ours_s:.1f}x; linear reaches gap <= 1e-4: {ours[-1][1] <= 1e-4}")


if __name__ == "__main__":
    main()
