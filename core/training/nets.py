"""The torch modules behind the regression models."""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import nn


@dataclass(frozen=True)
class NetConfig:
    """Shape of a regression network; ``hidden = 0`` means a plain linear model."""

    n_features: int
    hidden: int = 0


class LinearNet(nn.Module):
    """``y = X w + b``."""

    def __init__(self, config: NetConfig) -> None:
        super().__init__()
        self.config = config
        self.linear = nn.Linear(config.n_features, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x).squeeze(-1)  # (batch, features) -> (batch,)


class MLPNet(nn.Module):
    """Linear-ReLU-Linear: one hidden layer."""

    def __init__(self, config: NetConfig) -> None:
        super().__init__()
        self.config = config
        self.hidden = nn.Linear(config.n_features, config.hidden)
        self.output = nn.Linear(config.hidden, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = torch.relu(self.hidden(x))  # (batch, hidden)
        return self.output(h).squeeze(-1)  # (batch,)


def build_net(config: NetConfig, seed: int = 0) -> nn.Module:
    """A ``LinearNet`` or, with hidden units, an ``MLPNet``, initialised from ``seed``.

    The weights are drawn from a generator of this call's own (torch's default initialisation,
    uniform within 1/sqrt(fan-in)), so fits running side by side in threads cannot change each
    other's numbers.
    """
    net = MLPNet(config) if config.hidden > 0 else LinearNet(config)
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for layer in net.modules():
            if isinstance(layer, nn.Linear):
                bound = 1 / math.sqrt(layer.in_features) if layer.in_features > 0 else 0.0
                layer.weight.uniform_(-bound, bound, generator=generator)
                layer.bias.uniform_(-bound, bound, generator=generator)
    return net
