"""The learning lab: how gradient descent, SGD and the optimizers reach the least-squares answer,
computed on the user's own series. Every panel of pages/4_Learning_Lab.py is one function here."""
from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import torch

from core.models.features import (FeatureSpec, Standardizer, calendar_cycles, design_matrix, spread_is_rounding,
                                  time_steps)
from core.models.regression import RegressionForecaster
from core.models.specs import FOURIER, LAB_NUMBERS
from core.data.frequency import Frequency
from core.evaluation.metrics import regression_metrics, seasonal_naive_scale
from core.training.nets import LinearNet, MLPNet, NetConfig, build_net
from core.evaluation.pipeline import observed_values, split_frame
from core.training.least_squares import (SHARE_REACHED, exact_is_about_zero, least_squares, relative_gap,
                                         ridge_objective)
from core.training.loop import (DEFAULT_LR, DIVERGENCE_FACTOR, NOT_REACHED, OPTIMIZERS, TrainConfig,  # noqa: F401
                                budget_stops, ceiling_above, full_loss, predict, rose_late, stalled,
                                torch_threads_here, train, whole_batch)

LAB_MODELS = {"linear": "lab.model.linear", "multi": "lab.model.multi"}  # the catalog keys of their names
CONVERGED_WITHIN = 0.01  # "reached the answer": training loss within 1% of the least-squares loss


@dataclass(frozen=True)
class LabSettings:
    """The lab's sidebar. Defaults show each lesson on AirPassengers in a few seconds on a CPU."""

    model: str = "linear"
    optimizer: str = "sgd"
    lr: float = 0.1
    epochs: int = 60
    batch_size: int = 16
    race: tuple[str, ...] = OPTIMIZERS
    race_lr_scale: float = 1.0
    race_epochs: int = 150
    hidden: int = 4
    seed: int = 0
    max_rows: int = 2000


@dataclass
class LabData:
    """Training and test rows as features, z-scored with training statistics."""

    x: np.ndarray               # (n_train, p) scaled features
    y: np.ndarray               # (n_train,) scaled target
    x_test: np.ndarray          # (n_test, p)
    y_test: np.ndarray          # (n_test,) original units
    y_train_raw: np.ndarray     # (n_train,) original units
    x_raw: np.ndarray           # (n_train, p) unscaled features
    y_scaler: Standardizer
    names: list[str]
    season: int
    train_rows: int = 0         # the split's training rows, before thinning
    left_out: dict[str, str] = field(default_factory=dict)  # calendar terms the training rows cannot estimate, why

    @property
    def subsampled(self) -> bool:
        """Whether the training rows were thinned (``LabSettings.max_rows``)."""
        return self.train_rows > len(self.y)

    @property
    def constant(self) -> bool:
        """The training target holds one value, as the scaler sees it (``Standardizer``: a spread below 1e-12 of its
        level is rounding, not a series, and stays unscaled): the exact answer is that value, reached before any
        step. 5,000,000 +- 2e-6 was drawn as a series of losses near 1e-13 with its 'standard deviation 1' unmet."""
        return bool(len(self.y_train_raw)) and bool(spread_is_rounding(np.std(self.y_train_raw),
                                                                        np.mean(self.y_train_raw)))


def prepare(frame: pd.DataFrame, frequency: Frequency, settings: LabSettings,
            train_fraction: float = 0.7, filled: Sequence[int] = ()) -> LabData:
    """Split, build the chosen model's features and scale them; thin very long training spans. The ``filled`` rows
    (values the file left blank) train but are not scored, as on the Train page."""
    train, test = split_frame(frame, train_fraction, filled)
    spec, left_out = lab_features(settings.model, train, frequency)
    steps = time_steps(pd.concat([train["ds"], test["ds"]], ignore_index=True), frequency)  # as the Train page's
    raw, names = design_matrix(train, steps[:len(train)], spec, frequency, trend_scale=1.0)
    raw_test, _ = design_matrix(test, steps[len(train):], spec, frequency, trend_scale=1.0)
    keep = np.arange(len(train))
    if len(train) > settings.max_rows:  # the lab's per-update traces are Python loops: thin evenly
        keep = np.linspace(0, len(train) - 1, settings.max_rows).astype(int)
    x_scaler, y_values = Standardizer.fit(raw[keep]), train["y"].to_numpy(dtype=float)[keep]
    y_scaler = Standardizer.fit(y_values)
    return LabData(x=x_scaler.transform(raw[keep]), y=y_scaler.transform(y_values),
                   x_test=x_scaler.transform(raw_test), y_test=observed_values(frame["y"], filled)[len(train):],
                   y_train_raw=y_values, x_raw=raw[keep], y_scaler=y_scaler, names=names,
                   season=frequency.season_length, train_rows=len(train), left_out=dict(left_out))


def lab_features(model: str, train: pd.DataFrame, frequency: Frequency) -> tuple[FeatureSpec, dict[str, str]]:
    """The features of the lab's ``model`` on the ``train`` rows, as the Train page's model of that name has them
    (``multi``: the season's Fourier pairs where no calendar terms give it, weekly data; the yearly cycle's of daily
    data), and the terms those rows
    leave out, each with its reason."""
    if model != "multi":
        return FeatureSpec(trend_degree=1), {}
    spec = FeatureSpec(trend_degree=1, calendar=True, fourier_order=int(FOURIER.initial(frequency)),
                       cycles=calendar_cycles(frequency))
    left_out = RegressionForecaster(model, spec, TrainConfig()).terms_left_out(train, frequency)  # nothing trained
    return replace(spec, left_out=tuple(left_out)), left_out


def every_epoch(settings: LabSettings, optimizer: str, lr: float, epochs: int) -> TrainConfig:
    """A CPU run of exactly ``epochs`` passes: the lessons show whole curves, so no early stop."""
    return TrainConfig(optimizer=optimizer, lr=lr, epochs=epochs, patience=10**9, tol=0.0,
                       seed=settings.seed, device="cpu")


# 1. Loss landscape ---------------------------------------------------------------------------

@dataclass
class Landscape:
    curve: pd.DataFrame      # w, mse for y = w * x
    w_best: float            # least-squares w of y = w * x
    surface: pd.DataFrame    # w, b, mse for y = w * x + b
    minimum: tuple[float, float]
    path: pd.DataFrame       # step, w, b, mse of the chosen optimizer: every step, or up to where it runs away
    left_map_at: int | None = None  # the first step off the surface's range
    back_at: int | None = None  # the step it is back on the map for good from (adaptive optimizers' first steps)
    runs_away: bool = False  # it does not settle back on the map, or its loss overflows: drawn up to the edge


def landscape(data: LabData, settings: LabSettings, grid: int = 61) -> Landscape:
    """MSE against ``w`` (no intercept), the (w, b) surface of the trend line, and a descent path.

    Uses the time-index feature alone; the MSE of every grid point comes from five sums of the
    data, so the grid costs the same for any series length.
    """
    x, y = data.x[:, 0], data.y
    w_best = float(x @ y / (x @ x))
    w_grid = np.linspace(w_best - 2.5, w_best + 2.5, grid)
    curve = pd.DataFrame({"w": w_grid, "mse": [_mse_line(x, y, w, 0.0) for w in w_grid]})
    w_star, b_star = (float(v) for v in least_squares(x[:, None], y))
    spread = 2.0 + abs(w_star)
    ws, bs = np.meshgrid(np.linspace(w_star - spread, w_star + spread, grid),
                         np.linspace(b_star - spread, b_star + spread, grid))
    mse = (ws ** 2 * np.mean(x * x) + bs ** 2 + np.mean(y * y) + 2 * ws * bs * np.mean(x)
           - 2 * ws * np.mean(x * y) - 2 * bs * np.mean(y))
    surface = pd.DataFrame({"w": ws.ravel(), "b": bs.ravel(), "mse": mse.ravel()})
    start = (w_star - 0.8 * spread, b_star + 0.8 * spread)
    path = descent_path(x, y, start, settings)
    on_map = (path["w"].between(ws.min(), ws.max()) & path["b"].between(bs.min(), bs.max())).to_numpy()
    if on_map.all():
        return Landscape(curve, w_best, surface, (w_star, b_star), path)
    left, back = int(np.argmax(~on_map)), len(on_map) - int(np.argmax(~on_map[::-1]))  # first off, first for good
    if back <= len(on_map) * 3 // 4 and np.isfinite(path["mse"]).all():  # on the map for its last quarter at least
        # (adam at lr 10 back from step 21 of 30 was said to run away, nothing drawn, where 60 epochs said it was back):
        return Landscape(curve, w_best, surface, (w_star, b_star), path, int(path["step"].iloc[left]),  # drawn whole,
                         int(path["step"].iloc[back]))  # the chart cuts what is off the map
    # A path that runs away stretched the chart to 100 times the map, which shrank to a sliver: drawn up to the edge.
    return Landscape(curve, w_best, surface, (w_star, b_star), path.iloc[:left], int(path["step"].iloc[left]),
                     runs_away=True)


def _mse_line(x: np.ndarray, y: np.ndarray, w: float, b: float) -> float:
    return float(np.mean((w * x + b - y) ** 2))


def descent_path(x: np.ndarray, y: np.ndarray, start: tuple[float, float], settings: LabSettings) -> pd.DataFrame:
    """(w, b) after every full-batch update of the chosen optimizer, from ``start`` (not finite once it overflows)."""
    net = LinearNet(NetConfig(1)).double()
    with torch.no_grad():
        net.linear.weight.fill_(start[0])
        net.linear.bias.fill_(start[1])
    rows = [(0, start[0], start[1], _mse_line(x, y, *start))]

    def record(update: int) -> None:
        w, b = float(net.linear.weight.detach()), float(net.linear.bias.detach())
        rows.append((update, w, b, _mse_line(x, y, w, b)))

    train(net, x[:, None], y, every_epoch(settings, settings.optimizer, settings.lr, settings.epochs),
          on_update=record)
    return pd.DataFrame(rows, columns=["step", "w", "b", "mse"])


# 2. Full batch, single sample, mini-batch ----------------------------------------------------

@dataclass
class Trace:
    """Full-data training loss after every update of one run."""

    name: str
    losses: list[float] = field(default_factory=list)
    updates_per_epoch: int = 1
    diverged_at: int | None = None  # the update that ended the pass where training stopped, diverged
    blew_up_at: int | None = None  # the first update after which the loss passed the divergence ceiling
    seconds: float = 0.0
    start: float = math.nan  # the loss before any update


def trace_run(data: LabData, config: TrainConfig, name: str, hidden: int = 0) -> Trace:
    """Train a fresh seeded model and record the loss over all training rows after each update."""
    net = build_net(NetConfig(data.x.shape[1], hidden), config.seed).double()
    inputs, targets = torch.as_tensor(data.x), torch.as_tensor(data.y)
    start = full_loss(net, inputs, targets)
    ceiling = ceiling_above(start)  # the training loop's own test, there once a pass
    trace = Trace(name, updates_per_epoch=updates_per_pass(config, len(data.y)), start=start)
    started = time.perf_counter()
    history = train(net, data.x, data.y, config, on_update=lambda _: trace.losses.append(full_loss(net, inputs, targets)))
    trace.seconds = time.perf_counter() - started
    trace.diverged_at = history.diverged_at
    if history.diverged_at is not None:  # the loop tests once a pass; the trace shows the update it blew up at
        trace.blew_up_at = next((k + 1 for k, loss in enumerate(trace.losses)
                                 if not math.isfinite(loss) or loss > ceiling), history.diverged_at)
        # drawn to there: the updates after it, to the pass's end, reached 1e282 and flattened the other curves
        del trace.losses[trace.blew_up_at:]
    trace.losses = [loss for loss in trace.losses if math.isfinite(loss)]
    return trace


def updates_per_pass(config: TrainConfig, rows: int) -> int:
    """Updates in one pass over ``rows`` training rows: one for a full batch (and L-BFGS), one a row for single
    samples, one a batch otherwise."""
    if whole_batch(config):
        return 1
    return rows if config.batch == "single" else math.ceil(rows / max(config.batch_size, 1))


def batch_comparison(data: LabData, settings: LabSettings) -> pd.DataFrame:
    """The same model, seed and number of passes with full-batch, single-sample and mini-batch SGD.

    Returns rows ``mode, update, epoch, loss`` (and ``start``, the loss before any update); epochs are fractional
    within a pass.
    """
    base = every_epoch(settings, "sgd", settings.lr, batch_passes(settings.epochs, len(data.y)))
    size = mini_batch_size(settings.batch_size, len(data.y))
    modes = {FULL_BATCH: base.with_(batch="full"), "single-sample SGD": base.with_(batch="single"),
             f"mini-batch SGD of {size}": base.with_(batch="mini", batch_size=size)}
    frames = []
    for name, config in modes.items():
        trace = trace_run(data, config, name)
        updates = np.arange(1, len(trace.losses) + 1)
        frames.append(pd.DataFrame({"mode": name, "update": updates, "epoch": updates / trace.updates_per_epoch,
                                    "loss": trace.losses, "diverged_at": trace.diverged_at,
                                    "blew_up_at": trace.blew_up_at, "per_pass": trace.updates_per_epoch,
                                    "start": trace.start}))
    return pd.concat(frames, ignore_index=True)


# Single-sample updates the mini-batch lesson makes at most: 20 passes over 766 daily rows (15,000 updates, one at a
# time) took 5.5 s of the page's 7.7 s.
MAX_SINGLE_UPDATES = 6_000


def batch_passes(epochs: int, rows: int) -> int:
    """Passes over the ``rows`` training rows of every mode of the mini-batch lesson: a third of the ``epochs``, at
    least 5; fewer (at least 2) where single-sample SGD would make more than ``MAX_SINGLE_UPDATES`` updates."""
    return max(min(max(epochs // 3, 5), MAX_SINGLE_UPDATES // max(rows, 1)), 2)


def mini_batch_size(asked: int, rows: int) -> int:
    """The mini-batch the lesson runs: ``asked``, or half the ``rows`` (at least 1) where ``asked`` takes them all: a
    "mini-batch of 8" of 8 rows was the full batch, its curve drawn over the full batch's, which it hid."""
    return asked if asked < rows else max(rows // 2, 1)


@dataclass(frozen=True)
class Divergence:
    """Where a batch mode's run diverged: the update after which its loss first passed the ceiling, and the update
    that ended the pass where training stopped (the loop tests once a pass), with that pass's number."""

    blew_up_at: int
    stopped_at: int
    stopped_pass: int


# A loss within this fraction of its start has not risen: at a rate of 1 the full batch's loss, 1.30279877794204 for a
# start of 1.3027987779420498, was said to be "above where it started", and the note of the edge of stability lost.
_LEVEL = 1e-9


def batch_rises(batches: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """The batch modes of ``batch_comparison`` whose loss over the last pass (its median) is above where it started
    without diverging (full batch at a rate past the edge of stability: 1.54 -> 51.5, drawn without a word), with
    their loss before any update and that median. One sample's loss at the last update is noise: a single-sample run
    on 3,000 rows that ended 91% lower was said to have risen (0.105 -> 0.114, the last of its noisy steps). The loss
    after the first update is no start: at a rate of 1 it read "above where it started (1)" for a start of 1.30."""
    kept = batches[batches["diverged_at"].isna() & np.isfinite(batches["loss"])]
    rises = {}
    for mode, runs in kept.groupby("mode", sort=False):
        last_pass = runs.loc[runs["epoch"] > runs["epoch"].max() - 1, "loss"]  # epochs are fractional in a pass
        first = float(runs["start"].iloc[0]) if "start" in runs else float(runs["loss"].iloc[0])
        typical = float(last_pass.median())
        if typical > first * (1 + _LEVEL):  # not rounding: a full batch at the edge of stability stays at its start
            rises[str(mode)] = (first, typical)
    return rises


FULL_BATCH = "full-batch gradient descent"  # the batch lesson's full-batch mode


def full_batch_at_edge(batches: pd.DataFrame, data: LabData, settings: LabSettings) -> bool:
    """Whether the batch lesson's full batch ended within 10% of where it started, without diverging or rising, at a
    rate within 5% of the largest that converges (``largest_stable_rate``): each step lands as far past the bottom
    as it started (at 1 on AirPassengers its loss stayed at 1.30 for every pass, and no note said why)."""
    full = batches[batches["mode"] == FULL_BATCH]
    if not len(full) or full["diverged_at"].notna().any() or FULL_BATCH in batch_rises(batches):
        return False
    near = settings.lr >= 0.95 * largest_stable_rate(data)
    return bool(near and full["loss"].iloc[-1] >= 0.9 * float(full["start"].iloc[0]))


def batch_divergence(batches: pd.DataFrame) -> dict[str, Divergence]:
    """The batch modes of ``batch_comparison`` that diverged, and where each did."""
    firsts = batches.groupby("mode", sort=False)[["diverged_at", "blew_up_at", "per_pass"]].first()
    return {str(mode): Divergence(int(row.blew_up_at), int(row.diverged_at), math.ceil(row.diverged_at / row.per_pass))
            for mode, row in firsts.dropna(subset=["diverged_at"]).iterrows()}


# 3. Optimizer race ---------------------------------------------------------------------------

@dataclass
class RaceResult:
    optimizer: str
    lr: float
    losses: list[float]
    steps_to_answer: int | None  # from this step on, every loss is within 1% of the exact one
    diverged_at: int | None
    test: dict[str, float | None]
    seconds: float
    left_at: int | None = None  # the step it first got within 1%, when it left again (an oscillating run)


def optimizer_race(data: LabData, settings: LabSettings) -> list[RaceResult]:
    """Every chosen optimizer on the same model and seed, each at its default learning rate
    (times ``race_lr_scale``); how many steps each needs to get within 1% of the exact loss and stay there (a run
    that got there and left, oscillating, was counted as there at its first visit)."""
    target, variance = ridge_objective(data.x, data.y), float(np.var(data.y))
    results = []
    for name in settings.race:
        lr = DEFAULT_LR[name] * settings.race_lr_scale
        config = every_epoch(settings, name, lr, settings.race_epochs)
        net = build_net(NetConfig(data.x.shape[1]), settings.seed)
        history = train(net, data.x, data.y, config)
        near = [race_reached(loss, target, variance) for loss in history.losses]
        first = near.index(True) + 1 if True in near else None
        held = len(near) - near[::-1].index(False) + 1 if False in near else 1  # after the last step outside
        reached = held if held <= len(near) else None
        results.append(RaceResult(name, lr, history.losses, reached, history.diverged_at,
                                  _test_metrics(net, data) if history.diverged_at is None else {}, history.seconds,
                                  first if first is not None and reached is None else None))
    return results


def race_reached(loss: float, exact: float, variance: float) -> bool:
    """Whether a race's training loss has reached the answer: within ``CONVERGED_WITHIN`` of the exact loss, or under
    ``SHARE_REACHED`` of the variance where the exact loss is about 0 (1% of a millionth of it was asked: momentum at
    3e-8 of the variance, its forecasts 0.015 off on a series in the hundreds, had not held the answer)."""
    if exact_is_about_zero(exact, variance):
        return loss <= SHARE_REACHED * (variance if variance > 0 else 1.0)
    return relative_gap(loss, exact, variance) <= CONVERGED_WITHIN


def _test_metrics(net: torch.nn.Module, data: LabData) -> dict[str, float | None]:
    predicted = data.y_scaler.inverse_transform(predict(net, data.x_test))
    return regression_metrics(data.y_test, predicted, seasonal_naive_scale(data.y_train_raw, data.season))


def race_table(results: list[RaceResult]) -> pd.DataFrame:
    """One row per optimizer: learning rate, steps to the answer, test error, time, or divergence (a diverged run has
    no final loss or test error: its last finite loss and a NaN forecast were shown as if they were results)."""
    return pd.DataFrame([{
        "optimizer": r.optimizer, "learning rate": r.lr,
        "epochs to stay within 1% of least squares": (
            f"diverged at epoch {r.diverged_at}" if r.diverged_at else str(r.steps_to_answer) if r.steps_to_answer
            else f"reached at epoch {r.left_at}, not held" if r.left_at else "not reached"),
        "final training loss": r.losses[-1] if r.losses and not r.diverged_at else None,
        "test MAE": None if r.diverged_at else r.test.get("mae"),
        "test MAPE %": None if r.diverged_at else r.test.get("mape"), "seconds": r.seconds,
    } for r in results])


def race_curves(results: list[RaceResult]) -> pd.DataFrame:
    """Long frame ``optimizer, step, loss`` of the finite losses (diverged runs stop where they broke)."""
    frames = [pd.DataFrame({"optimizer": r.optimizer, "step": np.arange(1, len(r.losses) + 1), "loss": r.losses})
              for r in results if r.losses]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["optimizer", "step", "loss"])


# 4. Backpropagation by hand ------------------------------------------------------------------

@dataclass
class BackpropReport:
    max_abs_diff: dict[str, float]
    agree: bool
    chain: pd.DataFrame  # the chain rule's intermediate values for one sample


def manual_gradients(net: MLPNet, x: np.ndarray, y: np.ndarray) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Forward and backward pass of Linear-ReLU-Linear with MSE, written out layer by layer.

    Shapes: x (n, p), W1 (h, p), b1 (h,), W2 (1, h), b2 (1,). Returns (gradients, intermediates).
    """
    w1, b1 = net.hidden.weight.detach().numpy(), net.hidden.bias.detach().numpy()
    w2, b2 = net.output.weight.detach().numpy(), net.output.bias.detach().numpy()
    z1 = x @ w1.T + b1                      # (n, h) pre-activation
    h = np.maximum(z1, 0.0)                 # (n, h) ReLU
    y_hat = (h @ w2.T + b2).ravel()         # (n,)
    d_yhat = 2.0 * (y_hat - y) / len(y)     # dL/dy_hat for L = mean((y_hat - y)^2)
    d_w2 = d_yhat[None, :] @ h              # (1, h)
    d_b2 = np.array([d_yhat.sum()])
    d_h = d_yhat[:, None] * w2              # (n, h) chain rule through the output layer
    d_z1 = d_h * (z1 > 0)                   # (n, h) ReLU passes gradient only where z1 > 0
    grads = {"W1": d_z1.T @ x, "b1": d_z1.sum(axis=0), "W2": d_w2, "b2": d_b2}
    return grads, {"z1": z1, "h": h, "y_hat": y_hat, "dL/dy_hat": d_yhat, "dL/dh": d_h, "dL/dz1": d_z1}


def autograd_gradients(net: MLPNet, x: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    net.zero_grad()
    loss = torch.mean((net(torch.as_tensor(x)) - torch.as_tensor(y)) ** 2)
    loss.backward()
    return {"W1": net.hidden.weight.grad.numpy().copy(), "b1": net.hidden.bias.grad.numpy().copy(),  # type: ignore[union-attr]
            "W2": net.output.weight.grad.numpy().copy(), "b2": net.output.bias.grad.numpy().copy()}  # type: ignore[union-attr]


def backprop_check(data: LabData, settings: LabSettings, batch: int = 16) -> BackpropReport:
    """Hand-written gradients next to autograd's on the same seeded weights and batch."""
    net = build_net(NetConfig(data.x.shape[1], settings.hidden), settings.seed).double()
    x, y = data.x[:batch], data.y[:batch]
    manual, _ = manual_gradients(net, x, y)  # type: ignore[arg-type]
    auto = autograd_gradients(net, x, y)  # type: ignore[arg-type]
    diff = {name: float(np.max(np.abs(manual[name] - auto[name]))) for name in manual}
    _, steps = manual_gradients(net, x[:1], y[:1])  # type: ignore[arg-type]
    chain = pd.DataFrame({"quantity": ["input x", "target y", "z1 = W1·x + b1", "h = ReLU(z1)", "ŷ = W2·h + b2",
                                       "loss = (ŷ - y)²", "dL/dŷ = 2(ŷ - y)", "dL/dh = dL/dŷ · W2",
                                       "dL/dz1 = dL/dh · [z1 > 0]"],
                          "value": [_fmt(x[0]), _fmt(y[:1]), _fmt(steps["z1"][0]), _fmt(steps["h"][0]),
                                    _fmt(steps["y_hat"]), _fmt((steps["y_hat"] - y[:1]) ** 2),
                                    _fmt(steps["dL/dy_hat"]), _fmt(steps["dL/dh"][0]), _fmt(steps["dL/dz1"][0])]})
    return BackpropReport(diff, all(value <= 1e-6 for value in diff.values()), chain)


def _fmt(values: np.ndarray) -> str:
    """Up to 6 values, signed, 4 decimals; a value that rounds to zero (a gradient the ReLU blocks, -0.0) as 0.0000."""
    shown = ", ".join(text if (text := f"{v:+.4f}") not in ("+0.0000", "-0.0000") else "0.0000"
                      for v in np.ravel(values)[:6])
    return f"[{shown}{', ...' if np.size(values) > 6 else ''}]"


# 5. Exact answer vs descent; 6. why normalize -------------------------------------------------



def gap_curve(x: np.ndarray, y: np.ndarray, config: TrainConfig,
              start: tuple[np.ndarray, float] | None = None) -> tuple[pd.DataFrame, int | None]:
    """Relative gap of the training loss over the exact least-squares loss, per epoch; from the weights and bias
    ``start`` when given, else from the seed's."""
    exact = ridge_objective(x, y)
    net = build_net(NetConfig(x.shape[1]), config.seed)
    if start is not None:
        layer = next(module for module in net.modules() if isinstance(module, torch.nn.Linear))
        with torch.no_grad():
            layer.weight.copy_(torch.as_tensor(start[0], dtype=layer.weight.dtype).reshape(layer.weight.shape))
            layer.bias.fill_(start[1])
    history = train(net, x, y, config)
    variance = float(np.var(y))
    gaps = np.maximum([relative_gap(loss, exact, variance) for loss in history.losses], 1e-16)  # for a log axis
    return pd.DataFrame({"epoch": np.arange(1, len(gaps) + 1), "gap": gaps}), history.diverged_at


def at_stability_edge(data: LabData, settings: LabSettings) -> bool:
    """Whether plain gradient descent's step is within 5% of the largest that converges (two over the loss's largest
    curvature) on the lab's z-scored inputs: it then oscillates back and forth and barely closes the gap, however
    long it runs; a larger rate diverges, so the advice is a smaller one."""
    if settings.optimizer != "sgd" or not len(data.x):
        return False
    return settings.lr >= 0.95 * largest_stable_rate(data)


def largest_stable_rate(data: LabData) -> float:
    """The learning rate below which full-batch gradient descent on the lab's line converges: two over the loss's
    largest curvature (the mean squared error's Hessian, ``2 X'X / n`` with a column of ones); beyond it each step
    lands further past the bottom than it started, and the loss grows every step. Infinite without rows."""
    if not len(data.x):
        return math.inf
    design = np.column_stack([data.x, np.ones(len(data.x))])
    return 2 / float(np.linalg.eigvalsh(2 * design.T @ design / len(design)).max())


def not_reached_key(gaps: list[float], data: LabData, settings: LabSettings) -> str:
    """The exact-answer lesson's advice to a run short of the answer: overshooting back and forth (``stalled``: lower
    the rate), at the edge of stability (lower it a little), swinging less and less (train longer: Adam at 10, the
    highest rate, was told to raise it), else falling slowly (raise the rate or the epochs)."""
    if stalled(gaps):
        return "lab.not_reached_overshoot"
    if at_stability_edge(data, settings):
        return "lab.not_reached_edge"
    return "lab.not_reached_swinging" if rose_late(gaps) else "lab.not_reached"


def exact_vs_descent(data: LabData, settings: LabSettings) -> tuple[pd.DataFrame, int | None]:
    return gap_curve(data.x, data.y, every_epoch(settings, settings.optimizer, settings.lr, settings.epochs * 5))


def normalization_comparison(data: LabData, settings: LabSettings,
                             z_scored: tuple[pd.DataFrame, int | None] | None = None,
                             ) -> tuple[pd.DataFrame, dict[str, int | None]]:
    """The same model and optimizer on raw and on z-scored inputs (gap to each one's exact loss).

    Raw inputs run twice: at the lab's learning rate, and at the largest step that does not oscillate for them (one
    over the loss's largest curvature; steps up to twice that still converge, oscillating).
    ``z_scored`` reuses the run of ``exact_vs_descent``, which has the same settings.
    """
    config = every_epoch(settings, settings.optimizer, settings.lr, settings.epochs * 5)
    design = np.column_stack([data.x_raw, np.ones(len(data.x_raw))])
    stable_lr = 1.0 / float(np.linalg.eigvalsh(2 * design.T @ design / len(design)).max())
    runs = {f"raw inputs, lr {settings.lr:g}": config, f"raw inputs, lr {stable_lr:.2g} (largest smooth)":
            config.with_(lr=stable_lr)}
    curves = {f"z-scored inputs, lr {settings.lr:g}": z_scored or gap_curve(data.x, data.y, config)}
    start = raw_start(data, config.seed)
    curves.update({name: gap_curve(data.x_raw, data.y_train_raw, run_config, start)
                   for name, run_config in runs.items()})
    frames = [curve.assign(run=name) for name, (curve, _) in curves.items()]
    return pd.concat(frames, ignore_index=True), {name: diverged for name, (_, diverged) in curves.items()}


def raw_start(data: LabData, seed: int) -> tuple[np.ndarray, float]:
    """The raw inputs' weights and bias whose predictions, in the target's units, are the z-scored run's first ones:
    the runs start from one model, so the chart compares how fast each closes the same gap. The seed's weights taken
    as they are meant another start in other units: on temperatures around 0 the raw run began at its answer."""
    layer = next(module for module in build_net(NetConfig(data.x.shape[1]), seed).modules()
                 if isinstance(module, torch.nn.Linear))
    weights, bias = layer.weight.detach().numpy().ravel().astype(float), float(layer.bias.detach()[0])
    inputs, target = Standardizer.fit(data.x_raw), data.y_scaler
    scale, level = float(np.ravel(target.scale)[0]), float(np.ravel(target.mean)[0])
    return scale * weights / inputs.scale, scale * (bias - float(np.sum(weights * inputs.mean / inputs.scale))) + level


# 7. Why vectorize ----------------------------------------------------------------------------

@dataclass
class VectorizeReport:
    n: int
    loop_seconds: float
    vector_seconds: float

    @property
    def ratio(self) -> float:
        return self.loop_seconds / max(self.vector_seconds, 1e-12)


def vectorize_timing(data: LabData, size: int = 200_000, repeats: int = 3) -> VectorizeReport:
    """Gradient of the trend line's MSE by a Python loop and by one NumPy expression, same arrays.

    The series' (scaled) values are repeated to ``size`` elements so the timing is measurable.
    """
    x = np.resize(data.x[:, 0], size)
    y = np.resize(data.y, size)
    w, b = 0.5, 0.1

    def loop() -> tuple[float, float]:
        grad_w = grad_b = 0.0
        for xi, yi in zip(x.tolist(), y.tolist()):
            error = w * xi + b - yi
            grad_w += 2 * error * xi
            grad_b += 2 * error
        return grad_w / size, grad_b / size

    def vectorized() -> tuple[float, float]:
        error = w * x + b - y
        return float(2 * np.mean(error * x)), float(2 * np.mean(error))

    loop_s = min(_timed(loop) for _ in range(repeats))
    vector_s = min(_timed(vectorized) for _ in range(repeats))
    return VectorizeReport(size, loop_s, vector_s)


def _timed(action) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


# Each panel's lesson and each model's name, as keys of the interface's catalogs (core.i18n), which hold
# the texts in every language.
LESSONS = {name: f"lab.lesson.{name}" for name in
           ("landscape", "batches", "race", "backprop", "exact", "normalize", "vectorize")}


@dataclass
class LabResults:
    """Every panel's result for one series and one set of settings."""

    settings: LabSettings
    data: LabData
    landscape: Landscape
    batches: pd.DataFrame
    race: list[RaceResult]
    backprop: BackpropReport
    exact: tuple[pd.DataFrame, int | None]
    normalize: tuple[pd.DataFrame, dict[str, int | None]]
    vectorize: VectorizeReport
    seconds: dict[str, float]
    budget_stops: int = 0  # trainings the time or update budget cut short (their curves end early)
    budget_note: str = ""  # the first one's note, which names the budget and its value

    @property
    def gap_axis(self) -> str:
        """The catalog key of the gap charts' axis: relative to the exact loss, or, where that is about 0, to a
        millionth of the variance (``relative_gap``; the axis of a line through every row started at 1,000,000)."""
        return "lab.axis.gap_variance" if self.exact_zero else "lab.axis.gap"

    @property
    def exact_loss(self) -> float:
        """The exact answer's loss on the lessons' rows (z-scored: the share of the target's variance it leaves)."""
        return ridge_objective(self.data.x, self.data.y)

    @property
    def exact_zero(self) -> bool:
        """Whether the exact loss is about 0 (a line through every row): the gaps are then shares of the variance."""
        return exact_is_about_zero(self.exact_loss, float(np.var(self.data.y)))


def settings_in_range(settings: LabSettings) -> bool:
    """Whether every number box's setting is inside its range (``LAB_NUMBERS``): a refused one gives no new run, so
    no "Settings changed: press Run" beside its refusal."""
    try:
        check_lab_settings(settings)
    except ValueError:  # SettingsError
        return False
    return True


def check_lab_settings(settings: LabSettings) -> None:
    """Raise ``SettingsError`` for a number box's setting outside its range (``specs.LAB_NUMBERS``)."""
    for setting in LAB_NUMBERS:
        setting.check(getattr(settings, setting.name))


def run_lab(frame: pd.DataFrame, frequency: Frequency, settings: LabSettings, train_fraction: float = 0.7,
            filled: Sequence[int] = ()) -> LabResults:
    """Compute every panel, timing each (``filled``: as ``prepare`` takes it); raises ``SettingsError`` for a learning
    rate or seed outside its range (``specs.LAB_NUMBERS``)."""
    check_lab_settings(settings)
    torch_threads_here()
    data = prepare(frame, frequency, settings, train_fraction, filled)
    seconds: dict[str, float] = {}

    def timed_panel(name: str, action):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        value = action()
        seconds[name] = time.perf_counter() - started
        return value

    with budget_stops() as stops:  # a budget that cut a run short is said: its curve ends early
        exact = timed_panel("exact", lambda: exact_vs_descent(data, settings))
        results = LabResults(
            settings=settings, data=data,
            landscape=timed_panel("landscape", lambda: landscape(data, settings)),
            batches=timed_panel("batches", lambda: batch_comparison(data, settings)),
            race=timed_panel("race", lambda: optimizer_race(data, settings)),
            backprop=timed_panel("backprop", lambda: backprop_check(data, settings)),
            exact=exact,
            normalize=timed_panel("normalize", lambda: normalization_comparison(data, settings, exact)),
            vectorize=timed_panel("vectorize", lambda: vectorize_timing(data)),
            seconds=seconds)
    return replace(results, budget_stops=len(stops), budget_note=stops[0] if stops else "")
