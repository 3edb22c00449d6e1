"""The hand-written optimizers take the same steps as their torch.optim twins."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import torch

from core.training.optimizers import make_optimizer

ROOT = Path(__file__).resolve().parents[2]
TWINS = {
    "sgd": lambda p, lr: torch.optim.SGD(p, lr=lr),
    "momentum": lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9),
    "adagrad": lambda p, lr: torch.optim.Adagrad(p, lr=lr),
    "rmsprop": lambda p, lr: torch.optim.RMSprop(p, lr=lr),
    "adadelta": lambda p, lr: torch.optim.Adadelta(p, lr=lr),
    "adam": lambda p, lr: torch.optim.Adam(p, lr=lr),
    "lbfgs": lambda p, lr: torch.optim.LBFGS(p, lr=lr, max_iter=20, history_size=20, line_search_fn="strong_wolfe",
                                             tolerance_grad=1e-12, tolerance_change=1e-14),
}


def _problem() -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(64, 3, generator=generator, dtype=torch.float64)
    y = torch.tanh(x @ torch.tensor([1.0, -2.0, 0.5], dtype=torch.float64)) + 0.1 * torch.randn(
        64, generator=generator, dtype=torch.float64)
    return x, y


def _trajectory(optimizer_for, steps: int) -> list[torch.Tensor]:  # type: ignore[no-untyped-def]
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1)).double()
    optimizer = optimizer_for(list(net.parameters()))
    x, y = _problem()
    path = []
    for _ in range(steps):
        def closure() -> torch.Tensor:
            optimizer.zero_grad()
            loss = torch.mean((net(x).squeeze(-1) - y) ** 2)
            loss.backward()
            return loss
        optimizer.step(closure)
        path.append(torch.cat([p.detach().reshape(-1).clone() for p in net.parameters()]))
    return path


@pytest.mark.parametrize("name", list(TWINS))
def test_each_optimizer_follows_its_torch_twin_step_by_step(name: str) -> None:
    lr = {"sgd": 0.1, "momentum": 0.05, "adagrad": 0.5, "rmsprop": 0.01, "adadelta": 1.0, "adam": 0.05, "lbfgs": 1.0}[name]
    steps = 2 if name == "lbfgs" else 40  # each LBFGS step is 20 iterations: rounding grows after that
    ours = _trajectory(lambda params: make_optimizer(name, params, lr), steps)
    theirs = _trajectory(lambda params: TWINS[name](params, lr), steps)
    assert not torch.equal(ours[0], ours[-1])  # it moved
    # LBFGS's line search and two-loop recursion round differently in the last digits only
    rtol, atol = (1e-6, 1e-8) if name == "lbfgs" else (1e-9, 1e-11)
    for mine, twin in zip(ours, theirs):
        torch.testing.assert_close(mine, twin, rtol=rtol, atol=atol)


def test_training_does_not_import_torch_dynamo() -> None:
    code = ("import sys, numpy as np\n"
            "from core.training.loop import TrainConfig, train\n"
            "from core.training.nets import LinearNet, NetConfig\n"
            "import torch\n"
            "for name in ('lbfgs', 'adam'):\n"
            "    train(torch.nn.Linear(2, 1), np.random.rand(50, 2), np.random.rand(50), TrainConfig(optimizer=name, epochs=5))\n"
            "print('torch._dynamo' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
