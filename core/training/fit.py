"""The one way a model trains its torch network: build, train, check, measure against the exact answer."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from core.errors import SettingsError
from core.limits import format_limit, limit
from core.training.least_squares import exact_is_about_zero, relative_gap, ridge_objective
from core.training.devices import dtype_for, resolve_device
from core.training.loop import EXACT, EpochCallback, History, TrainConfig, predict, train
from core.training.nets import NetConfig, build_net


@dataclass
class TorchFit:
    """A trained network and what training it showed.

    ``fitted`` holds the in-sample predictions on the scale the network was trained on; ``gap`` is
    the relative gap of the training objective to its exact least-squares (ridge) minimum, ``None``
    for a network with hidden units, which has no closed form.
    """

    net: nn.Module
    history: History
    fitted: np.ndarray
    gap: float | None
    exact_zero: bool = False  # the exact objective is about 0: ``gap`` is relative to the floor (``relative_gap``)

    def linear_weights(self) -> tuple[np.ndarray, float]:
        """Weights and bias of a network without hidden units, as NumPy on the CPU."""
        layer = self.net.linear  # type: ignore[union-attr]
        return (layer.weight.detach().cpu().numpy().ravel().astype(float),  # type: ignore[union-attr]
                float(layer.bias.detach().cpu()))  # type: ignore[union-attr]

    def layers(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """``(weight, bias)`` of every linear layer in order, as NumPy on the CPU."""
        return [(layer.weight.detach().cpu().numpy().astype(float), layer.bias.detach().cpu().numpy().astype(float))
                for layer in self.net.modules() if isinstance(layer, nn.Linear)]


def fit_network(x: np.ndarray, y: np.ndarray, training: TrainConfig, hidden: int = 0,
                callback: EpochCallback | None = None) -> TorchFit:
    """Train a seeded linear model (``hidden = 0``) or Linear-ReLU-Linear network on scaled ``x`` (n, p), ``y`` (n,).

    Raises
    ------
    SettingsError
        When the loss blows up: the message names the optimizer and learning rate to lower.
    """
    check_training_memory(x.shape[0], x.shape[1], hidden)
    if training.optimizer == EXACT and not hidden:
        return solve_exactly(x, y, training)
    net = build_net(NetConfig(x.shape[1], hidden), training.seed)
    history = train(net, x, y, training, callback)
    if history.diverged_at is not None:
        raise diverged_error(history, training, len(x))
    fitted = predict(net, x)
    result = TorchFit(net, history, fitted, None)
    if not hidden:
        weights, _ = result.linear_weights()
        objective = float(np.mean((fitted - y) ** 2)) + training.l2 * float(weights @ weights)
        exact, variance = ridge_objective(x, y, training.l2), float(np.var(y))
        result.gap, result.exact_zero = relative_gap(objective, exact, variance), exact_is_about_zero(exact, variance)
    return result


def diverged_error(history: History, training: TrainConfig, rows: int) -> SettingsError:
    """Why training stopped, diverged: at its update, or for a pass of many updates (mini-batches, single rows; the
    loss is checked after each pass) the pass and its updates: single rows at a rate of 10 blew up at update 2 and
    were said to at update 100, the pass's last."""
    lr, update = f"{training.learning_rate():g}", int(history.diverged_at or 0)
    size = 1 if training.batch == "single" else training.batch_size
    per_pass = math.ceil(rows / size) if history.noisy else 1  # a whole batch, or L-BFGS: one update a pass
    if per_pass == 1:
        return SettingsError(f"Training diverged at update {update} with {training.optimizer} at learning rate {lr}: "
                             "lower the learning rate.", "err.diverged",
                             {"update": update, "optimizer": training.optimizer, "lr": lr})
    epoch, first = len(history.losses) + 1, max(update - per_pass + 1, 1)
    return SettingsError(f"Training diverged in pass {epoch} over the rows (updates {first:,} to {update:,}; the loss "
                         f"is checked after each pass) with {training.optimizer} at learning rate {lr}: lower the "
                         "learning rate.", "err.diverged_pass",
                         {"epoch": epoch, "first": first, "update": update, "optimizer": training.optimizer, "lr": lr})


MAX_TRAINING_MB = 4_000  # TSR_TRAIN_MAX_MB: the memory one training may need, about (two run at once on a server)


def check_training_memory(rows: int, features: int, hidden: int = 0) -> None:
    """Refuse a training whose arrays would need more than ``TSR_TRAIN_MAX_MB``, about: the design and its copies
    (scaled, as a tensor, the least-squares reference's workspace: 4 of rows x features) and a network's hidden
    activations with their gradients over every row (3 of rows x hidden units), 8 bytes each. A 417-byte file of two
    dates 9 years apart, its minutes filled (4.95M rows), asked an mlp of 256 units for 26 GB and ended in "Internal
    error"; 60 lags on those rows in a MemoryError.

    Raises
    ------
    SettingsError
        Naming the rows, the memory and how to need less."""
    need = 8 * rows * (4 * features + 3 * hidden)
    most = limit("TSR_TRAIN_MAX_MB", MAX_TRAINING_MB)
    if need > most * 1e6:
        units, mb = f" with {hidden:,} hidden units" if hidden else "", f"{need / 1e6:,.0f}" if need >= 1e6 else \
            f"{need / 1e6:.2g}"
        raise SettingsError(  # in the limit's unit: "about 0.0 GB, more than the 0.001 MB"
            f"Training on {rows:,} rows of {features:,} features{units} needs about {mb} MB of memory, more than the "
            f"{format_limit(most)} MB one training may take (TSR_TRAIN_MAX_MB): use fewer rows (a coarser time step, a "
            "shorter span), fewer lags, terms or hidden units, or raise TSR_TRAIN_MAX_MB.",
            "err.training_memory_hidden" if hidden else "err.training_memory",
            {"rows": rows, "features": features, "hidden": hidden, "mb": mb, "most": format_limit(most)})


def solve_exactly(x: np.ndarray, y: np.ndarray, training: TrainConfig) -> TorchFit:
    """A linear model's ridge solution in closed form with ``torch.linalg`` on the chosen device:
    the normal equations of the centred data, ``(Xc'Xc + n l2 I) w = Xc'yc``, ``b = mean(y) - mean(x) w``.

    For ``auto``'s many candidate fits, where only the answer matters; the gap is 0 by construction.
    """
    started = time.perf_counter()
    device = resolve_device(training.device, rows=len(x))
    dtype = dtype_for(device)
    inputs, targets = torch.as_tensor(x, dtype=dtype, device=device), torch.as_tensor(y, dtype=dtype, device=device)
    x_mean, y_mean = inputs.mean(dim=0), targets.mean()
    centred = inputs - x_mean
    gram = centred.T @ centred + len(targets) * training.l2 * torch.eye(inputs.shape[1], dtype=dtype, device=device)
    # A vanishing ridge keeps collinear columns solvable; LU solves are reproducible, unlike lstsq's drivers.
    # All-zero inputs (the differences of an exactly repeating series) have a zero trace: a floor of 1e-12 gives
    # zero weights there, where 1e-312 (a subnormal) made the solve NaN.
    trace = torch.trace(gram)
    floor = torch.where(trace > 0, trace + 1e-300, torch.ones_like(trace))  # on the device: no wait for the GPU
    gram = gram + 1e-12 * floor * torch.eye(inputs.shape[1], dtype=dtype, device=device)
    weights = torch.linalg.solve(gram, centred.T @ (targets - y_mean))
    net = build_net(NetConfig(x.shape[1], 0), training.seed).to(device=device, dtype=dtype)
    with torch.no_grad():
        net.linear.weight.copy_(weights.reshape(1, -1))  # type: ignore[union-attr]
        net.linear.bias.copy_((y_mean - x_mean @ weights).reshape(1))  # type: ignore[union-attr]
    fitted = predict(net, x)
    history = History(losses=[float(np.mean((fitted - y) ** 2))], device=str(device),
                      seconds=time.perf_counter() - started)
    return TorchFit(net, history, fitted, 0.0)
