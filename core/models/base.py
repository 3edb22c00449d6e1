"""The forecaster interface every model implements.

Models follow scikit-learn's rules: ``__init__`` stores settings only; ``fit`` validates, sets
attributes ending in ``_`` and returns ``self``; the other methods check it was fitted. Optional
capabilities (exact-answer gap, training history, coefficients, what to backtest for the band) are
declared here with the answer "none", so callers ask the model instead of probing its attributes.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.models import state
from core.training.fit import TorchFit
from core.training.loop import EpochCallback, History

if TYPE_CHECKING:
    from core.evaluation.intervals import BacktestPlan, Band


class Forecaster(ABC):
    """Fit on a history (tidy rows ``ds``, ``y``, regressors); forecast the rows that follow it."""

    name = "base"
    fitted_: np.ndarray | None = None  # in-sample predictions, NaN where the model has none
    torch_fit_: TorchFit | None = None  # the trained network, for models trained with torch
    held_from_: int | None = None  # the first step its last forecast was held at ``forecast_bounds``; None: never

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        state.register(cls)

    @abstractmethod
    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "Forecaster":
        """Fit on ``history``; ``callback(epoch, loss)`` after each training epoch."""

    @abstractmethod
    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        """Predict the rows of ``future``, which follow the fitted history directly."""

    def fitted_values(self) -> np.ndarray:
        """In-sample predictions, one per history row (NaN where undefined)."""
        return self._check_fitted()

    def params(self) -> dict[str, Any]:
        """The settings that define this model, for reports."""
        return {}

    def held_at_bound(self) -> dict[str, int]:
        """The models whose last forecast ran beyond ``core.models.transforms.forecast_bounds`` and was held there
        (recursive and trend models), by name, with the first step held: this model, or the members of an
        ensemble; empty when none was."""
        return {self.name: self.held_from_} if self.held_from_ is not None else {}

    def closed_form_gap(self) -> float | None:
        """Relative gap of the trained objective to its exact least-squares minimum; None without one."""
        return self.torch_fit_.gap if self.torch_fit_ is not None else None

    def exact_loss_is_zero(self) -> bool:
        """Whether the exact least-squares objective is about 0 (the model fits its training rows exactly): its
        ``closed_form_gap`` is then relative to a share of the target's variance, not to that objective."""
        return self.torch_fit_ is not None and self.torch_fit_.exact_zero

    def training_history(self) -> History | None:
        """Losses per epoch and the device, for models trained with torch."""
        return self.torch_fit_.history if self.torch_fit_ is not None else None

    def compute_device(self) -> str:
        """Where the model computed: the device of its torch training, else the CPU."""
        history = self.training_history()
        return history.device if history is not None else "cpu"

    def coefficients(self) -> dict[str, float] | None:
        """Linear coefficients in original units per raw feature; None for other models."""
        return None

    def measured_band(self) -> "Band | None":
        """A band the model measured while fitting (``auto``: from its selection backtest); None: the
        pipeline measures one by refitting ``interval_model`` (``core.evaluation.intervals``)."""
        return None

    def steady_errors(self) -> bool:
        """Whether its forecast errors do not grow with the steps ahead (a flat rate of independent demand): the band
        keeps the width measured at its last step, not widened with the square root of the steps past it."""
        return False

    def interval_model(self) -> "Forecaster | None":
        """An unfitted model to refit at each origin of the backtest behind the prediction band
        (``core.evaluation.intervals``); None: this model, rebuilt from its settings."""
        return None

    def history_as_fitted(self, history: pd.DataFrame) -> pd.DataFrame:
        """``history`` (the rows this model was fitted on) as the model saw them (``auto``: gross errors at their
        expected values): the band's backtest refits ``interval_model`` on them and scores it against them, and
        whether they go below zero decides whether forecasts and band stop at zero."""
        return history

    def fewest_refit_rows(self) -> int:
        """The fewest rows a refit of ``interval_model`` at an origin of the band's backtest is fitted on: there,
        the model the band measures is the one that was fitted (1: any the model accepts)."""
        return 1

    def exact_backtest(self, history: pd.DataFrame, frequency: Frequency, plan: "BacktestPlan") -> np.ndarray | None:
        """This unfitted model's backtest errors at ``plan``'s origins (shape (origins, horizon)) in one
        pass, for models whose refit has a closed form (one design matrix, one solve per origin);
        None: the backtest refits the model with ``fit`` at each origin."""
        return None

    def state(self) -> dict[str, Any]:
        """The fitted model as plain data (see ``core.models.state``)."""
        self._check_fitted()
        return state.encode(self)  # type: ignore[no-any-return]

    @staticmethod
    def from_state(data: dict[str, Any]) -> "Forecaster":
        """The fitted model ``state()`` described."""
        model = state.decode(data)
        if not isinstance(model, Forecaster):
            raise state.DataError("The model file holds no model: download it again from Train.")
        return model

    def _check_fitted(self) -> np.ndarray:
        if self.fitted_ is None:
            raise RuntimeError(f"{type(self).__name__} is not fitted yet: call fit first.")
        return self.fitted_
