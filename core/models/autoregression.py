"""The autoregression: linear in its lags, or an MLP on them, on the (optionally transformed and
differenced) series, trained with torch and forecast recursively. The Train page's ``ar`` is its
plainest configuration (no transform, no differencing, lags 1..p); ``auto`` uses SARIMA-like ones."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency
from core.errors import SettingsError
from core.models.base import Forecaster
from core.models.features import Standardizer, lagged_columns
from core.models.regression import closed_form_refits, rows_for_weights, training_params
from core.models.transforms import TargetTransform, first_held, forecast_bounds
from core.training.fit import fit_network
from core.training.least_squares import least_squares
from core.training.loop import EXACT, EpochCallback, TrainConfig

if TYPE_CHECKING:
    from core.evaluation.intervals import BacktestPlan

# Rows needed beyond the longest lag, so the weights are estimated from more rows than they number: at least this
# many, and for a linear autoregression one more than ``ROWS_PER_WEIGHT`` per weight (12 lags and a constant on 8 rows
# fitted the training rows exactly, R² 1, and forecast from noise). Up to 5 weights (auto's autoregressions) it is 8.
SPARE_ROWS = 8


class AutoRegressiveForecaster(Forecaster):
    """Autoregression ``d[t] = f(d[t - k] for k in lags)`` on ``d``, the differenced, transformed series.

    ``season`` > 1 takes a seasonal difference ``z[t] - z[t - season]``; ``first`` takes one more
    ordinary difference; ``hidden`` > 0 makes ``f`` an MLP. Differences are undone exactly when
    forecasting, and the transform is inverted. Recursive forecasts are held within
    ``forecast_bounds`` of the history, so an unstable recursion cannot overflow (``held_from_``: the first
    step held).
    """

    lags_asked: tuple[int, ...] = ()  # the lags asked for, when fewer were fitted (``fewer_lags``)
    fewer_lags = False  # model files written before it
    layers_: list[tuple[np.ndarray, np.ndarray]] | tuple[()] = ()  # the fitted layers' (weight, bias); none unfitted

    def __init__(self, name: str, lags: tuple[int, ...], training: TrainConfig, transform: str = "none",
                 season: int = 0, first: bool = False, hidden: int = 0, fewer_lags: bool = False) -> None:
        self.name = name
        self.lags = lags
        self.fewer_lags = fewer_lags  # a default number of lags: as many as the training rows allow, if fewer
        self.training = training
        self.transform = transform
        self.season = season
        self.first = first
        self.hidden = hidden

    def _difference(self, z: np.ndarray) -> np.ndarray:
        d = z[self.season:] - z[:-self.season] if self.season > 1 else z
        return np.diff(d) if self.first else d

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "AutoRegressiveForecaster":
        values = history["y"].to_numpy(dtype=float)
        z, scaled = self._prepare(values)
        p = max(self.lags)
        self.torch_fit_ = fit_network(lagged_columns(scaled, self.lags), scaled[p:], self.training, self.hidden,
                                      callback)
        self.layers_ = self.torch_fit_.layers()
        self.fitted_ = self._fitted_values(z, self.torch_fit_.fitted)
        return self

    def _rows_beyond(self, lags: tuple[int, ...]) -> int:
        """Rows needed beyond the longest of ``lags``: ``SPARE_ROWS``, and for a linear autoregression one more than
        ``ROWS_PER_WEIGHT`` per weight (a lag each and the constant). A network's ridge penalty keeps its weights."""
        return SPARE_ROWS if self.hidden else max(SPARE_ROWS, rows_for_weights(len(lags) + 1))

    def _prepare(self, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Transform, difference and scale ``values`` (setting ``transform_``, ``scaler_``, ``z_``, ``d_``);
        returns the transformed series and its scaled differences."""
        self.transform_ = TargetTransform.fit(self.transform, values)
        z = self.transform_.forward(values)
        d = self._difference(z)
        p = max(self.lags)
        if len(d) < p + self._rows_beyond(self.lags) and self.fewer_lags:
            fitting = next((lags for k in range(p, 0, -1) if (lags := tuple(lag for lag in self.lags if lag <= k))
                            and len(d) >= k + self._rows_beyond(lags)), None)  # the longest that the rows carry
            if fitting:
                self.lags_asked, self.lags = self.lags, fitting
                p = max(self.lags)
        if len(d) < p + self._rows_beyond(self.lags) and (self.fewer_lags or self.lags == (1,)):  # one is too many
            least = len(values) - len(d) + 1 + self._rows_beyond((1,))
            raise SettingsError(f"{self.name} needs at least {least} training rows (there are {len(values)}): raise "
                                "the train fraction, load a longer series, or choose a model that needs fewer rows "
                                "(naive, linear).", "err.rows_for_lags",
                                {"model": self.name, "least": least, "rows": len(values)})
        if len(d) < p + self._rows_beyond(self.lags):
            least = len(values) - len(d) + p + self._rows_beyond(self.lags)
            raise SettingsError(f"{self.name} with lags up to {p} needs at least {least} training rows (there are "
                                f"{len(values)}): use fewer lags, or more training rows (a larger train fraction or a "
                                "longer series).", "err.lags_rows",
                                {"model": self.name, "lags": p, "least": least, "rows": len(values)})
        self.scaler_ = Standardizer.fit(d)
        self.z_, self.d_ = z, self.scaler_.transform(d)
        return z, self.d_

    def exact_backtest(self, history: pd.DataFrame, frequency: Frequency, plan: BacktestPlan) -> np.ndarray | None:
        """For a linear autoregression solved exactly without a penalty: at each origin, least squares in
        NumPy on the rows before it and the recursive forecast, as ``fit`` and ``forecast`` would give,
        without torch or in-sample values. None (refit per origin) otherwise, and for Box-Cox, whose
        lambda ``fit`` estimates."""
        if self.hidden or self.training.optimizer != EXACT or self.training.l2 or self.transform == "boxcox":
            return None
        values = history["y"].to_numpy(dtype=float)
        errors = np.full((len(plan.origins), plan.horizon), np.nan)
        for row, origin in enumerate(plan.origins):
            ahead = values[origin:origin + plan.horizon]
            solved = AutoRegressiveForecaster(self.name, self.lags, self.training, self.transform, self.season,
                                              self.first, fewer_lags=self.fewer_lags)
            try:
                _, scaled = solved._prepare(values[:origin])
            except (SettingsError, ValueError):
                continue
            solution = least_squares(lagged_columns(scaled, solved.lags), scaled[max(solved.lags):])
            solved.layers_ = [(solution[:-1].reshape(1, -1), solution[-1:])]
            solved.fitted_ = np.empty(0)  # fitted for forecasting; a backtest needs no in-sample values
            errors[row, :len(ahead)] = solved.forecast(pd.DataFrame(index=range(len(ahead)))) - ahead
        return errors

    def interval_model(self) -> "AutoRegressiveForecaster | None":
        training = closed_form_refits(self.training, self.hidden, self.closed_form_gap())
        # The band's refits see fewer rows: there the lags shrink to what they can carry (``fewer_lags``), rather than
        # leave the band out.
        return None if training is None else AutoRegressiveForecaster(self.name, self.lags, training, self.transform,
                                                                       self.season, self.first, fewer_lags=True)

    def _fitted_values(self, z: np.ndarray, fitted_scaled: np.ndarray) -> np.ndarray:
        """One-step-ahead in-sample predictions, undifferenced (NaN where lags are not available)."""
        d_hat = self.scaler_.inverse_transform(fitted_scaled)
        offset = len(z) - len(d_hat)
        z_hat = np.full(len(z), np.nan)
        for i, value in enumerate(d_hat):
            t = offset + i
            z_hat[t] = self._undifference_base(z, t) + value
        return self.transform_.inverse(z_hat)

    def _undifference_base(self, z: np.ndarray | list[float], t: int) -> float:
        """What ``z[t]`` is before its differenced change is added back, from the values before ``t``."""
        base = z[t - self.season] if self.season > 1 else 0.0
        if self.first:
            base += z[t - 1] - (z[t - 1 - self.season] if self.season > 1 else 0.0)
        return float(base)

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        z, d = list(self.z_), list(self.d_)
        low, high = forecast_bounds(self.z_)
        reached = np.empty(len(future))
        for i in range(len(future)):
            step = self._next_change(d)
            base = self._undifference_base(z, len(z))
            reached[i] = base + float(self.scaler_.inverse_transform(np.array(step)))
            level = float(np.clip(reached[i], low, high))
            z.append(level)
            d.append(float(self.scaler_.transform(np.array(level - base))))
        self.held_from_ = first_held(reached, low, high)
        return self.transform_.inverse(np.array(z[len(self.z_):]))

    def _next_change(self, d: list[float]) -> float:
        """The next scaled differenced value from the ones before it.

        The network's forward pass in NumPy: calling torch once per step made long recursive
        forecasts slow. A test checks it equals the torch module's output.
        """
        out = np.array([d[-k] for k in self.lags])
        for i, (weight, bias) in enumerate(self.layers_):
            out = weight @ out + bias
            if i < len(self.layers_) - 1:
                out = np.maximum(out, 0.0)  # ReLU between layers, as in MLPNet
        return float(out[0])

    def coefficients(self) -> dict[str, float] | None:
        """A linear autoregression on untransformed rows in their own units: ``d[t] = c + sum_k phi_k d[t - k]``, each
        ``phi_k`` named ``lag k of the`` values, changes or seasonal changes the model works on; None for a network or
        a log or Box-Cox scale (whose terms are no amounts of the series)."""
        if self.hidden or self.transform != "none" or not self.layers_:
            return None
        (weight, bias), = self.layers_
        mean, deviation = float(self.scaler_.mean), float(self.scaler_.scale)
        phis = [float(value) for value in weight.ravel()]
        worked_on = ("seasonal changes' changes" if self.first else "seasonal changes") if self.season > 1 else \
            "changes" if self.first else "values"
        return {"intercept": mean * (1 - sum(phis)) + deviation * float(bias.ravel()[0]),
                **{f"lag {lag} of the {worked_on}": phi for lag, phi in zip(self.lags, phis)}}

    def params(self) -> dict[str, Any]:
        asked = {"lags_asked": f"1-{max(self.lags_asked)}: more than the training rows allow"} \
            if self.lags_asked else {}
        if self.held_from_ is not None:  # the recursion ran away: the forecast is held at the bound from there
            asked["held_from_step"] = self.held_from_
        return {"transform": self.transform, "seasonal_difference": self.season, "first_difference": self.first,
                "lags": list(self.lags), **asked, "hidden_units": self.hidden, **training_params(self.training)}
