"""Training loops: one function for every optimizer and batch mode, seeded and early-stopping."""
from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

import numpy as np
import torch
from torch import nn

from core.training.devices import dtype_for, resolve_device
from core.training.optimizers import FirstOrder, Optimizer, make_optimizer
from core.errors import SettingsError
from core.limits import count_limit, limit, limit_at_start

OPTIMIZERS = ("sgd", "momentum", "adagrad", "rmsprop", "adadelta", "adam", "lbfgs")
# Not an optimizer: linear models solved in closed form (auto's candidates; the Train page always descends).
EXACT = "exact"
BATCH_MODES = ("full", "mini", "single")
# A loss this many times the starting loss at two epochs running or at the last (or one that is not finite) means the
# steps are too large: training has diverged, and its curve ends before the first of them. One epoch over it that the
# loss comes back from is not divergence: RMSProp's first step is ten times its learning rate, and at a rate of 10 on
# AirPassengers its loss went 15,144 times the start at update 1, back to the start at update 2 and to the answer by
# update 5, and was called diverged.
DIVERGENCE_FACTOR = 1e4
# Patience of the optimizers other than L-BFGS on whole batches, at least: momentum and Adam overshoot and come back on
# their way to the answer, their loss rising for several epochs at a time. With a linear model's patience of 3,
# momentum at its default rate stopped after 8 epochs at 3.07 times the exact loss, where 300 epochs reach it to 1e-13.
FIRST_ORDER_PATIENCE = 50
# Patience of mini-batch and single-row runs, at least: their loss bounces at a noise floor the learning rate and the
# batch set, and a linear model's 3 stopped SGD at 0.1 on AirPassengers' mini-batches of 16 after 6 of 50 epochs, 3.5%
# above the exact loss (seeds 0-2: 3.5%, 3.2%, 0.3%; with 10, 3.7%, 0.6%, 0.3%: where the last epoch lands in the
# noise). Such runs keep their best epoch's weights (``History.kept_epoch``): 0.04%, 0.01%, 0.01%, and single rows
# 53%, 18%, 11% -> 3.1%, 0.5%, 0.2%, in 13-25 epochs.
NOISY_PATIENCE = 10
MOST_EPOCHS = 100_000  # the epochs a training run may be given (the Train page's and the command line's bound)
# Learning rates that converge on z-scored data; used when the caller gives none.
DEFAULT_LR = {"sgd": 0.1, "momentum": 0.05, "adagrad": 0.5, "rmsprop": 0.01,
              "adadelta": 1.0, "adam": 0.05, "lbfgs": 1.0, EXACT: 1.0}
# The budget of one training run: it ends there and keeps the weights reached so far.
MAX_SECONDS = 120.0  # TSR_TRAIN_MAX_SECONDS, read at each training (``TrainConfig.budget``)
MAX_UPDATES = 2_000_000  # TSR_TRAIN_MAX_UPDATES
# Threads for torch's CPU kernels: half the cores, so one session's training cannot starve the rest.
torch.set_num_threads(max(1, int(limit_at_start("TSR_TORCH_THREADS", max((os.cpu_count() or 2) // 2, 1)))))


def torch_threads_here() -> None:
    """Apply the thread count set above to the calling thread. Streamlit runs each rerun in a new thread, whose
    OpenMP kernels otherwise use every core: an mlp on AirPassengers took 36.8 s instead of 3.1 s on a busy
    machine. Asking torch for its count sets up the thread (``at::init_num_threads``) without changing it, so a
    caller that chose one thread (``single_threaded``) keeps it."""
    torch.get_num_threads()


@dataclass(frozen=True)
class TrainConfig:
    """How to train. ``lr=None`` takes the optimizer's default from ``DEFAULT_LR``.

    Early stopping: training ends once the epoch loss has not improved by a relative ``tol``
    for ``patience`` epochs (``FIRST_ORDER_PATIENCE`` at least for first-order optimizers on whole batches), or at once
    when an L-BFGS epoch leaves the weights where they were (converged: every later epoch would too).
    """

    optimizer: str = "lbfgs"
    lr: float | None = None
    epochs: int = 500
    batch: str = "full"
    batch_size: int = 16
    patience: int = 20
    tol: float = 1e-10
    seed: int = 0
    device: str = "auto"
    l2: float = 0.0  # ridge penalty on the weights (not the biases), added to the mean squared error
    max_seconds: float | None = None  # None: MAX_SECONDS (TSR_TRAIN_MAX_SECONDS)
    max_updates: int | None = None  # None: MAX_UPDATES (TSR_TRAIN_MAX_UPDATES)

    def budget(self) -> tuple[float, int]:
        """Seconds and parameter updates this run may take."""
        return (self.max_seconds if self.max_seconds is not None else limit("TSR_TRAIN_MAX_SECONDS", MAX_SECONDS),
                self.max_updates if self.max_updates is not None else count_limit("TSR_TRAIN_MAX_UPDATES", MAX_UPDATES))

    def learning_rate(self) -> float:
        return self.lr if self.lr is not None else DEFAULT_LR[self.optimizer]

    def validate(self) -> "TrainConfig":
        if self.optimizer not in (*OPTIMIZERS, EXACT):
            raise SettingsError(f"Unknown optimizer '{self.optimizer}': use one of {', '.join(OPTIMIZERS)}.")
        if self.batch not in BATCH_MODES:
            raise SettingsError(f"Unknown batch mode '{self.batch}': use one of {', '.join(BATCH_MODES)}.")
        if self.epochs < 1 or self.batch_size < 1 or self.learning_rate() <= 0:
            raise SettingsError("Epochs, batch size and learning rate must be positive.")
        seconds, updates = self.budget()
        if seconds <= 0 or updates < 1:
            raise SettingsError("The training budget (TSR_TRAIN_MAX_SECONDS, TSR_TRAIN_MAX_UPDATES) must be positive.")
        return self

    def with_(self, **changes: object) -> "TrainConfig":
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass
class History:
    """What happened while training: the loss after every epoch and how it ended."""

    losses: list[float] = field(default_factory=list)
    updates: int = 0
    stopped_early: bool = False
    diverged_at: int | None = None
    seconds: float = 0.0
    device: str = "cpu"
    budget_note: str = ""  # why the budget ended training early, for the user; empty otherwise
    kept_epoch: int | None = None  # a noisy run whose last epoch was not its best: the epoch whose weights it kept
    start_loss: float | None = None  # the loss before the first update; None in model files written before it
    noisy: bool = False  # trained on mini-batches smaller than its rows, or single rows (``as_trained``)


# A fit whose loss ends this far above the exact least-squares loss (relative) has not reached the answer, and is said.
NOT_REACHED = 0.01


def stalled(losses: list[float]) -> bool:
    """Whether a loss curve stopped falling: in its second half some epoch is no lower than the one before, and the
    highest loss of its last quarter is no 1% below the highest of the quarter before (steps too large, overshooting
    back and forth: at the edge of stability the loss stays where it started), rather than falling at every epoch,
    however little (steps too small, or too few), or swinging less and less (momentum and Adam overshoot and come
    back on their way to the answer: Adam at a rate of 10 closed the gap from 405 to 35 times the exact loss over 25
    epochs, its loss swinging from 0.5 to 98 and then to 14, and was called no longer falling)."""
    finite = [value for value in losses if math.isfinite(value)]
    if len(finite) < 2 or not rose_late(finite):
        return len(finite) < 2
    quarter = len(finite) // 4  # two quarters of two epochs at least: one epoch against one flipped with the parity
    return quarter < 2 or max(finite[-quarter:]) >= 0.99 * max(finite[-2 * quarter:-quarter])


def rose_late(losses: list[float]) -> bool:
    """Whether some epoch of the curve's second half is no lower than the one before (overshooting, or noise)."""
    later = losses[len(losses) // 2 - 1:] if len(losses) > 1 else losses
    return any(after >= before for before, after in zip(later, later[1:]))


# The budget notes of the trainings started inside ``budget_stops`` (the learning lab's many small ones).
_BUDGET_STOPS: ContextVar[list[str] | None] = ContextVar("training_budget_stops", default=None)


@contextmanager
def budget_stops() -> Iterator[list[str]]:
    """Collect the budget note of every training started inside that its budget stopped (``History.budget_note``):
    for callers that train many times and keep no history, to say that some run was cut short."""
    stops: list[str] = []
    token = _BUDGET_STOPS.set(stops)
    try:
        yield stops
    finally:
        _BUDGET_STOPS.reset(token)


# The deadline every training started inside ``shared_budget`` stops at, besides its own budget.
_SHARED_DEADLINE: ContextVar[SharedDeadline | None] = ContextVar("shared_training_deadline", default=None)


@dataclass(frozen=True)
class SharedDeadline:
    """When the trainings inside ``shared_budget`` stop, and the budget that says so: its seconds and variable."""

    at: float
    seconds: float
    variable: str


@contextmanager
def shared_budget(seconds: float | None = None) -> Iterator[None]:
    """The trainings started inside share one time budget (``TSR_TRAIN_MAX_SECONDS`` unless ``seconds``): each stops
    at its own budget or at the shared deadline, whichever comes first (after one update at least). A band's
    backtest refits its model up to 8 times: together they take at most one training's time, not 8. Inside another
    shared budget, the earlier deadline holds (a band's refits inside a run over every series, which has its own)."""
    total = seconds if seconds is not None else limit("TSR_TRAIN_MAX_SECONDS", MAX_SECONDS)
    with training_deadline(SharedDeadline(time.perf_counter() + total, total, "TSR_TRAIN_MAX_SECONDS")):
        yield


@contextmanager
def training_deadline(deadline: SharedDeadline) -> Iterator[None]:
    """The trainings started inside stop at ``deadline`` (or at an earlier one already set), their budget note naming
    its seconds and variable: a run over every series stops its last training at the run's limit, said as
    'its time budget of 600 s (TSR_MAX_DASHBOARD_SECONDS)', not as the seconds that were left of it."""
    outer = _SHARED_DEADLINE.get()
    token = _SHARED_DEADLINE.set(deadline if outer is None or deadline.at < outer.at else outer)
    try:
        yield
    finally:
        _SHARED_DEADLINE.reset(token)


@dataclass
class _Budget:
    """Time and updates left to one training run."""

    deadline: float
    updates_left: int
    spent: str = ""

    def spend(self) -> bool:
        """Count one update; False once the budget is used up."""
        self.updates_left -= 1
        if self.updates_left <= 0:
            self.spent = "updates"
        elif time.perf_counter() >= self.deadline:
            self.spent = "time"
        return not self.spent


EpochCallback = Callable[[int, float], None]
UpdateCallback = Callable[[int], None]


def train(module: nn.Module, x: np.ndarray, y: np.ndarray, config: TrainConfig,
          callback: EpochCallback | None = None, on_update: UpdateCallback | None = None) -> History:
    """Fit ``module`` to ``(x, y)`` by minimizing the mean squared error.

    Parameters
    ----------
    module : nn.Module mapping (batch, features) -> (batch,)
    x : np.ndarray, shape (n, features)
    y : np.ndarray, shape (n,)
    config : TrainConfig
    callback : called as ``callback(epoch, loss)`` after each epoch (progress bars, live charts)
    on_update : called as ``on_update(update)`` after every parameter update (the learning lab's traces)

    Returns
    -------
    History, with the full-data loss after each epoch.
    """
    config.validate()
    config = as_trained(config, len(x))
    torch_threads_here()
    device = resolve_device(config.device, rows=len(x))
    dtype = dtype_for(device)
    generator = torch.Generator().manual_seed(config.seed)
    module.to(device=device, dtype=dtype)
    inputs = torch.as_tensor(x, dtype=dtype, device=device)
    targets = torch.as_tensor(y, dtype=dtype, device=device)
    optimizer = make_optimizer(config.optimizer, list(module.parameters()), config.learning_rate())
    history = History(device=str(device), noisy=not whole_batch(config))
    started = time.perf_counter()
    seconds, updates = config.budget()
    shared = _SHARED_DEADLINE.get()
    own = shared is None or started + seconds <= shared.at
    budget = _Budget(started + seconds if own else shared.at, updates)  # type: ignore[union-attr]
    best, stale = math.inf, 0
    # mini-batches and single rows: their loss bounces at a noise floor, where 50 stale epochs only cost time (15x)
    overshoots, noisy = config.optimizer != "lbfgs" and whole_batch(config), not whole_batch(config)
    patience = max(config.patience, FIRST_ORDER_PATIENCE if overshoots else NOISY_PATIENCE if noisy else 0)
    kept: tuple[int, dict[str, torch.Tensor]] | None = None  # a noisy run's best epoch and its weights
    over: tuple[int, int] | None = None  # the epochs kept and the updates made at an epoch over the ceiling
    # One first-order update a pass: the loss after it is the forward of the next update's gradient, so that forward
    # (and its backward) is done once, not again without a graph (a quarter of an mlp's fit; the same numbers).
    pending = _loss_and_gradient(module, optimizer, inputs, targets, config.l2) \
        if whole_batch(config) and isinstance(optimizer, FirstOrder) else None
    history.start_loss = pending[1] if pending else full_loss(module, inputs, targets)
    ceiling = ceiling_above(history.start_loss)
    for epoch in range(1, config.epochs + 1):
        after_update = _counting(on_update, history.updates)
        if pending is not None:
            graded = pending[0]
            optimizer.step(lambda: graded)  # the gradient at these weights is in .grad already
            after_update(1)
            budget.spend()
            history.updates += 1
            pending = _loss_and_gradient(module, optimizer, inputs, targets, config.l2)
            loss = pending[1]
        else:
            history.updates += _run_epoch(module, optimizer, inputs, targets, config, generator, after_update, budget)
            loss = full_loss(module, inputs, targets)
        if not math.isfinite(loss) or loss > ceiling:
            if over is not None or not math.isfinite(loss):  # two epochs running over the ceiling
                _diverged(history, over or (len(history.losses), history.updates))
                break
            over = (len(history.losses), history.updates)
        else:
            over = None  # back under it: the spike was a step the optimizer recovered from
        history.losses.append(loss)
        if noisy and loss < best:
            kept = (len(history.losses), {name: value.detach().clone() for name, value in module.state_dict().items()})
        if callback is not None:
            callback(epoch, loss)
        if budget.spent:
            history.budget_note = _budget_note(budget.spent, config, history, None if own else shared)
            if (stops := _BUDGET_STOPS.get()) is not None:
                stops.append(history.budget_note)
            break
        improved = loss < best - config.tol * max(abs(best), 1e-12) if math.isfinite(best) else True
        best, stale = (loss, 0) if improved else (min(best, loss), stale + 1)
        if stale >= patience or not getattr(optimizer, "moved", True):
            history.stopped_early = True
            break
    if over is not None and history.diverged_at is None:  # its last epoch was over the ceiling
        _diverged(history, over)
    if kept is not None and history.diverged_at is None and kept[0] < len(history.losses):
        module.load_state_dict(kept[1])
        history.kept_epoch = kept[0]
    history.seconds = time.perf_counter() - started
    return history


def _diverged(history: History, over: tuple[int, int]) -> None:
    """Mark ``history`` diverged where it went over the ceiling (``over``: the epochs kept then, the updates made): its
    curve ends there."""
    del history.losses[over[0]:]
    history.diverged_at = over[1]


def _budget_note(spent: str, config: TrainConfig, history: History, shared: SharedDeadline | None = None) -> str:
    seconds, updates = config.budget()
    seconds, variable = (shared.seconds, shared.variable) if shared is not None else (seconds, "TSR_TRAIN_MAX_SECONDS")
    limit = (f"its time budget of {seconds:g} s ({variable})" if spent == "time"
             else f"its budget of {updates:,} updates (TSR_TRAIN_MAX_UPDATES)")
    batches = "" if whole_batch(config) else " or larger batches"  # one update a pass: no larger batch
    return (f"Training stopped at {limit} at epoch {len(history.losses):,}, update {history.updates:,}: "
            f"the result so far is shown. Use fewer epochs{batches}, or raise the limit.")


def ceiling_above(start: float) -> float:
    """``DIVERGENCE_FACTOR`` times the loss ``start`` before any update (at least a tiny one)."""
    return DIVERGENCE_FACTOR * max(start, 1e-12)


def as_trained(config: TrainConfig, rows: int) -> TrainConfig:
    """``config`` as it trains on ``rows`` rows: mini-batches of at least every row are the full batch (one update a
    pass on every row: no noise, so neither the noisy runs' patience nor their best epoch; a batch of AirPassengers'
    100 rows stopped Adam at epoch 35, 10% above the exact loss, where the full batch reached it)."""
    return config.with_(batch="full") if config.batch == "mini" and config.batch_size >= rows else config


def whole_batch(config: TrainConfig) -> bool:
    """Whether each epoch is one update on every row (full batch, or L-BFGS, which takes no mini-batches)."""
    return config.optimizer == "lbfgs" or config.batch == "full"


def _counting(on_update: UpdateCallback | None, done: int) -> Callable[[int], None]:
    return (lambda k: on_update(done + k)) if on_update is not None else (lambda k: None)


def _run_epoch(module: nn.Module, optimizer: Optimizer, inputs: torch.Tensor,
               targets: torch.Tensor, config: TrainConfig, generator: torch.Generator,
               after_update: Callable[[int], None], budget: _Budget) -> int:
    """One pass over the data, or as much of it as the budget allows; returns the updates made."""
    module.train()
    if whole_batch(config):
        _step(module, optimizer, inputs, targets, config.l2)
        after_update(1)
        budget.spend()
        return 1
    size = 1 if config.batch == "single" else config.batch_size
    order = torch.randperm(len(inputs), generator=generator).to(inputs.device)
    updates = 0
    for start in range(0, len(inputs), size):
        rows = order[start:start + size]
        _step(module, optimizer, inputs[rows], targets[rows], config.l2)
        updates += 1
        after_update(updates)
        if not budget.spend():
            break
    return updates


def _step(module: nn.Module, optimizer: Optimizer, inputs: torch.Tensor, targets: torch.Tensor,
          l2: float = 0.0) -> None:
    def closure() -> torch.Tensor:
        optimizer.zero_grad()
        loss, _ = _training_loss(module, inputs, targets, l2)
        loss.backward()
        return loss

    optimizer.step(closure)


def _training_loss(module: nn.Module, inputs: torch.Tensor, targets: torch.Tensor,
                   l2: float = 0.0) -> tuple[torch.Tensor, torch.Tensor]:
    """The loss training minimizes (mean squared error plus the ridge penalty on the weights) and the error alone."""
    error = torch.mean((module(inputs) - targets) ** 2)
    if not l2:
        return error, error
    return error + l2 * sum(torch.sum(p ** 2) for name, p in module.named_parameters() if "weight" in name), error


def _loss_and_gradient(module: nn.Module, optimizer: Optimizer, inputs: torch.Tensor, targets: torch.Tensor,
                       l2: float = 0.0) -> tuple[torch.Tensor, float]:
    """The training loss at the current weights with its gradient in ``.grad`` (as ``_step``'s closure leaves it),
    and the mean squared error alone (``full_loss``'s number, without the ridge penalty)."""
    optimizer.zero_grad()
    module.train()
    with torch.enable_grad():
        loss, error = _training_loss(module, inputs, targets, l2)
        loss.backward()
    return loss, float(error.detach())


def full_loss(module: nn.Module, inputs: torch.Tensor, targets: torch.Tensor) -> float:
    """Mean squared error over every row, without building a graph."""
    module.eval()
    with torch.no_grad():
        return float(torch.mean((module(inputs) - targets) ** 2))


def predict(module: nn.Module, x: np.ndarray) -> np.ndarray:
    """Run ``module`` on ``x`` (n, features) and return (n,) as NumPy on the CPU."""
    parameter = next(module.parameters())
    module.eval()
    with torch.no_grad():
        inputs = torch.as_tensor(x, dtype=parameter.dtype, device=parameter.device)
        return module(inputs).cpu().numpy().astype(float)
