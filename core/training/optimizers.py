"""The optimizers, written out: each update rule in a few lines, the first-order ones with torch's default constants.

They follow ``torch.optim``'s formulas exactly (tests/core/test_optimizers.py checks each against
its ``torch.optim`` twin), but are not ``torch.optim.Optimizer`` subclasses: creating one of those
imports ``torch._dynamo`` (over a second, once per process), which users paid on their first Train
click and on every command-line fit.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import torch
from torch import nn
from torch.optim.lbfgs import _strong_wolfe  # torch's strong-Wolfe line search, a plain function

Closure = Callable[[], torch.Tensor]
State = dict[str, torch.Tensor]
Rule = Callable[[torch.Tensor, torch.Tensor, State, float, int], None]


def _sgd(param: torch.Tensor, grad: torch.Tensor, state: State, lr: float, step: int) -> None:
    param.add_(grad, alpha=-lr)


def _momentum(param: torch.Tensor, grad: torch.Tensor, state: State, lr: float, step: int) -> None:
    """Heavy ball, momentum 0.9: the velocity remembers 90% of the previous step."""
    if "velocity" not in state:
        state["velocity"] = grad.clone()
    else:
        state["velocity"].mul_(0.9).add_(grad)
    param.add_(state["velocity"], alpha=-lr)


def _adagrad(param: torch.Tensor, grad: torch.Tensor, state: State, lr: float, step: int) -> None:
    """Each weight's step is divided by the root of its summed squared gradients."""
    total = state.setdefault("sum_sq", torch.zeros_like(param))
    total.addcmul_(grad, grad)
    param.addcdiv_(grad, total.sqrt().add_(1e-10), value=-lr)


def _rmsprop(param: torch.Tensor, grad: torch.Tensor, state: State, lr: float, step: int) -> None:
    """Like Adagrad, with a moving average (0.99) of squared gradients instead of their sum."""
    average = state.setdefault("avg_sq", torch.zeros_like(param))
    average.mul_(0.99).addcmul_(grad, grad, value=0.01)
    param.addcdiv_(grad, average.sqrt().add_(1e-8), value=-lr)


def _adadelta(param: torch.Tensor, grad: torch.Tensor, state: State, lr: float, step: int) -> None:
    """Steps scaled by the ratio of recent step sizes to recent gradient sizes (averages with 0.9)."""
    square = state.setdefault("avg_sq", torch.zeros_like(param))
    delta_sq = state.setdefault("avg_delta_sq", torch.zeros_like(param))
    square.mul_(0.9).addcmul_(grad, grad, value=0.1)
    delta = delta_sq.add(1e-6).sqrt_().div_(square.add(1e-6).sqrt_()).mul_(grad)
    delta_sq.mul_(0.9).addcmul_(delta, delta, value=0.1)
    param.add_(delta, alpha=-lr)


def _adam(param: torch.Tensor, grad: torch.Tensor, state: State, lr: float, step: int) -> None:
    """Momentum (0.9) divided by RMSProp's scale (0.999), both corrected for starting at zero."""
    mean = state.setdefault("mean", torch.zeros_like(param))
    square = state.setdefault("avg_sq", torch.zeros_like(param))
    mean.lerp_(grad, 0.1)
    square.mul_(0.999).addcmul_(grad, grad, value=0.001)
    correction1, correction2 = 1 - 0.9 ** step, 1 - 0.999 ** step
    denominator = (square.sqrt() / correction2 ** 0.5).add_(1e-8)
    param.addcdiv_(mean, denominator, value=-lr / correction1)


RULES: dict[str, Rule] = {"sgd": _sgd, "momentum": _momentum, "adagrad": _adagrad, "rmsprop": _rmsprop,
                          "adadelta": _adadelta, "adam": _adam}


class FirstOrder:
    """One gradient step per ``step(closure)`` with one of ``RULES``."""

    def __init__(self, params: Iterable[nn.Parameter], lr: float, rule: Rule) -> None:
        self.params, self.lr, self.rule = list(params), lr, rule
        self.states: list[State] = [{} for _ in self.params]
        self.steps = 0

    def zero_grad(self) -> None:
        for param in self.params:
            param.grad = None

    def step(self, closure: Closure) -> torch.Tensor:
        with torch.enable_grad():
            loss = closure()
        self.steps += 1
        with torch.no_grad():
            for param, state in zip(self.params, self.states):
                if param.grad is not None:
                    self.rule(param, param.grad, state, self.lr, self.steps)
        return loss


class LBFGS:
    """Limited-memory BFGS with a strong-Wolfe line search, as ``torch.optim.LBFGS(line_search_fn="strong_wolfe")``
    does it, with a history of 20 pairs (torch's default keeps 100) and tighter tolerances (1e-12 and 1e-14; torch's
    defaults are 1e-7 and 1e-9), so that the exact-answer lesson shows it reaching least squares to rounding.

    Each ``step`` makes up to ``max_iter`` quasi-Newton iterations. The inverse Hessian is
    approximated from the last ``history`` pairs of (gradient change, step) by the two-loop
    recursion; the line search finds a step length with enough decrease and a flat enough slope.
    """

    def __init__(self, params: Iterable[nn.Parameter], lr: float = 1.0, max_iter: int = 20, history: int = 20,
                 tolerance_grad: float = 1e-12, tolerance_change: float = 1e-14) -> None:
        self.params, self.lr, self.max_iter, self.history = list(params), lr, max_iter, history
        self.tolerance_grad, self.tolerance_change = tolerance_grad, tolerance_change
        self.max_evals = max_iter * 5 // 4
        self.iterations = 0
        self.steps: list[torch.Tensor] = []  # s_k: parameter changes
        self.changes: list[torch.Tensor] = []  # y_k: gradient changes
        self.inverse_dots: list[float] = []  # 1 / (y_k . s_k)
        self.scale = 1.0  # initial inverse-Hessian diagonal
        self.direction: torch.Tensor | None = None
        self.length = lr
        self.previous_grad: torch.Tensor | None = None
        self.moved = True  # whether the last ``step`` changed the parameters (once it does not, none will)

    def zero_grad(self) -> None:
        for param in self.params:
            param.grad = None

    def _flat_grad(self) -> torch.Tensor:
        return torch.cat([torch.zeros_like(p).view(-1) if p.grad is None else p.grad.reshape(-1)
                          for p in self.params])

    def _flat_params(self) -> torch.Tensor:
        return torch.cat([p.detach().reshape(-1) for p in self.params])

    def _set_params(self, flat: torch.Tensor) -> None:
        offset = 0
        for param in self.params:
            count = param.numel()
            param.copy_(flat[offset:offset + count].view_as(param))
            offset += count

    def _evaluate(self, closure: Closure) -> tuple[float, torch.Tensor]:
        with torch.enable_grad():
            loss = float(closure().detach())
        return loss, self._flat_grad()

    def _remember(self, grad: torch.Tensor) -> None:
        """Store the latest (gradient change, step) pair when it keeps the approximation positive."""
        assert self.previous_grad is not None and self.direction is not None
        change, step = grad - self.previous_grad, self.direction * self.length
        dot = float(change.dot(step))
        if dot > 1e-10:
            if len(self.steps) == self.history:
                self.steps.pop(0), self.changes.pop(0), self.inverse_dots.pop(0)
            self.steps.append(step), self.changes.append(change), self.inverse_dots.append(1.0 / dot)
            self.scale = dot / float(change.dot(change))

    def _direction(self, grad: torch.Tensor) -> torch.Tensor:
        """The two-loop recursion: minus the approximate inverse Hessian times the gradient."""
        q = grad.neg()
        alphas = []
        for step, change, inverse in zip(reversed(self.steps), reversed(self.changes), reversed(self.inverse_dots)):
            alpha = float(step.dot(q)) * inverse
            q.add_(change, alpha=-alpha)
            alphas.append(alpha)
        r = q.mul_(self.scale)
        for step, change, inverse, alpha in zip(self.steps, self.changes, self.inverse_dots, reversed(alphas)):
            beta = float(change.dot(r)) * inverse
            r.add_(step, alpha=alpha - beta)
        return r

    @torch.no_grad()
    def step(self, closure: Closure) -> torch.Tensor:
        self.moved = False
        with torch.enable_grad():
            first = closure()
        loss, grad = float(first.detach()), self._flat_grad()
        if float(grad.abs().max()) <= self.tolerance_grad:
            return first
        evaluations = 1
        for inner in range(1, self.max_iter + 1):
            self.iterations += 1
            if self.iterations == 1:
                direction = grad.neg()
            else:
                self._remember(grad)
                direction = self._direction(grad)
            self.direction, self.previous_grad, previous_loss = direction, grad.clone(), loss
            self.length = min(1.0, 1.0 / float(grad.abs().sum())) * self.lr if self.iterations == 1 else self.lr
            slope = float(grad.dot(direction))
            if slope > -self.tolerance_change:
                break
            start = self._flat_params()

            def along(x: torch.Tensor, length: float, d: torch.Tensor) -> tuple[float, torch.Tensor]:
                self._set_params(x + length * d)
                value = self._evaluate(closure)
                self._set_params(x)
                return value

            loss, grad, self.length, searches = _strong_wolfe(along, start, self.length, direction, loss, grad, slope)
            self._set_params(start + self.length * direction)
            self.moved = True
            evaluations += searches
            if (inner == self.max_iter or evaluations >= self.max_evals
                    or float(grad.abs().max()) <= self.tolerance_grad
                    or float((direction * self.length).abs().max()) <= self.tolerance_change
                    or abs(loss - previous_loss) < self.tolerance_change):
                break
        return first


Optimizer = FirstOrder | LBFGS


def make_optimizer(name: str, params: Iterable[nn.Parameter], lr: float) -> Optimizer:
    """The optimizer behind each name; Momentum is SGD with momentum 0.9."""
    if name == "lbfgs":
        return LBFGS(params, lr=lr)
    return FirstOrder(params, lr, RULES[name])
