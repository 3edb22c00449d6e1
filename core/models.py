"""Forecasting models behind one interface: ``fit`` on history, ``forecast`` the rows that follow.

Every model follows scikit-learn's rules: ``__init__`` stores settings only; ``fit`` validates,
sets attributes ending in ``_`` and returns ``self``; the other methods check it was fitted.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from core.errors import SettingsError
from core.features import FeatureSpec, Standardizer, design_matrix, lag_matrix
from core.frequency import Frequency
from core.nets import NetConfig, build_net
from core.training import EpochCallback, History, TrainConfig, predict, train


class Forecaster:
    """Common interface. ``fitted_`` holds in-sample predictions (NaN where undefined)."""

    name = "base"

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "Forecaster":
        raise NotImplementedError

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        """Predict the rows of ``future``, which follow the fitted history directly."""
        raise NotImplementedError

    def params(self) -> dict[str, Any]:
        """The settings that define this model, for reports."""
        return {}

    def _check_fitted(self) -> None:
        if not hasattr(self, "fitted_"):
            raise RuntimeError(f"{type(self).__name__} is not fitted yet: call fit first.")


def closed_form_mse(x: np.ndarray, y: np.ndarray) -> float:
    """Training MSE of the exact least-squares fit of ``y`` on ``[x, 1]``."""
    design = np.column_stack([x, np.ones(len(x))])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    return float(np.mean((design @ coef - y) ** 2))


def relative_gap(trained_mse: float, exact_mse: float) -> float:
    """How far the trained loss is above the exact one, relative to it (0 means exact)."""
    return max(trained_mse - exact_mse, 0.0) / max(exact_mse, 1e-12)


def _check_trained(history: History, config: TrainConfig) -> None:
    if history.diverged_at is not None:
        raise SettingsError(f"Training diverged at update {history.diverged_at} with {config.optimizer} "
                            f"at learning rate {config.learning_rate():g}: lower the learning rate.")


class RegressionForecaster(Forecaster):
    """Regression on features of time (trend powers, calendar, Fourier, regressors) with torch.

    ``hidden = 0`` is linear in its parameters and reports ``closed_form_gap``; ``hidden > 0``
    is a Linear-ReLU-Linear network.
    """

    def __init__(self, name: str, spec: FeatureSpec, training: TrainConfig, hidden: int = 0) -> None:
        self.name = name
        self.spec = spec
        self.training = training
        self.hidden = hidden

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "RegressionForecaster":
        self.frequency_ = frequency
        self.n_fit_ = len(history)
        raw, self.feature_names_ = self._design(history, np.arange(self.n_fit_))
        if raw.shape[1] == 0:
            raise SettingsError("The model has no features: add a trend, calendar terms or regressors.")
        self.x_scaler_ = Standardizer.fit(raw)
        self.y_scaler_ = Standardizer.fit(history["y"].to_numpy(dtype=float))
        x = self.x_scaler_.transform(raw)
        y = self.y_scaler_.transform(history["y"].to_numpy(dtype=float))
        self.net_ = build_net(NetConfig(n_features=x.shape[1], hidden=self.hidden), self.training.seed)
        self.history_ = train(self.net_, x, y, self.training, callback)
        _check_trained(self.history_, self.training)
        fitted = predict(self.net_, x)
        self.train_mse_ = float(np.mean((fitted - y) ** 2))
        self.closed_form_gap_ = (relative_gap(self.train_mse_, closed_form_mse(x, y))
                                 if self.hidden == 0 else None)
        self.fitted_ = self.y_scaler_.inverse_transform(fitted)
        return self

    def _design(self, frame: pd.DataFrame, steps: np.ndarray) -> tuple[np.ndarray, list[str]]:
        scale = getattr(self, "n_fit_", len(frame))
        return design_matrix(frame, steps, self.spec, self.frequency_, trend_scale=scale)

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        raw, _ = self._design(future, self.n_fit_ + np.arange(len(future)))
        return self.y_scaler_.inverse_transform(predict(self.net_, self.x_scaler_.transform(raw)))

    def coefficients(self) -> dict[str, float] | None:
        """Linear coefficients in original units: change in y per unit of each raw feature."""
        self._check_fitted()
        if self.hidden:
            return None
        weight = self.net_.linear.weight.detach().cpu().numpy().ravel()  # type: ignore[union-attr]
        bias = float(self.net_.linear.bias.detach().cpu())  # type: ignore[union-attr]
        per_unit = weight * self.y_scaler_.scale / self.x_scaler_.scale
        intercept = float(self.y_scaler_.inverse_transform(np.array(bias)) - per_unit @ self.x_scaler_.mean)
        return {"intercept": intercept, **dict(zip(self.feature_names_, per_unit.tolist()))}

    def params(self) -> dict[str, Any]:
        settings: dict[str, Any] = {"trend_degree": self.spec.trend_degree, "calendar": self.spec.calendar,
                                    "fourier_order": self.spec.fourier_order,
                                    "regressors": list(self.spec.regressors)}
        if self.hidden:
            settings["hidden"] = self.hidden
        return {**settings, **_training_params(self.training)}


def _training_params(config: TrainConfig) -> dict[str, Any]:
    return {"optimizer": config.optimizer, "lr": config.learning_rate(), "epochs": config.epochs,
            "batch": config.batch, "batch_size": config.batch_size, "seed": config.seed}


class AutoRegressiveForecaster(Forecaster):
    """Linear model on the last ``lags`` values, trained with torch; forecasts recursively."""

    name = "ar"

    def __init__(self, lags: int, training: TrainConfig) -> None:
        self.lags = lags
        self.training = training

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "AutoRegressiveForecaster":
        values = history["y"].to_numpy(dtype=float)
        if len(values) < self.lags + 3:
            raise SettingsError(f"{self.lags} lags need at least {self.lags + 3} training rows "
                                f"(there are {len(values)}): use fewer lags.")
        self.y_scaler_ = Standardizer.fit(values)
        scaled = self.y_scaler_.transform(values)
        x, y = lag_matrix(scaled, self.lags), scaled[self.lags:]
        self.net_ = build_net(NetConfig(n_features=self.lags), self.training.seed)
        self.history_ = train(self.net_, x, y, self.training, callback)
        _check_trained(self.history_, self.training)
        fitted = predict(self.net_, x)
        self.train_mse_ = float(np.mean((fitted - y) ** 2))
        self.closed_form_gap_ = relative_gap(self.train_mse_, closed_form_mse(x, y))
        self.last_ = scaled[-self.lags:]
        self.fitted_ = np.concatenate([np.full(self.lags, np.nan), self.y_scaler_.inverse_transform(fitted)])
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        window = list(self.last_)
        out = []
        for _ in range(len(future)):
            features = np.array(window[::-1][: self.lags])[None, :]  # newest first, as in lag_matrix
            step = float(predict(self.net_, features)[0])
            out.append(step)
            window.append(step)
        return self.y_scaler_.inverse_transform(np.array(out))

    def params(self) -> dict[str, Any]:
        return {"lags": self.lags, **_training_params(self.training)}


class SeasonalNaiveForecaster(Forecaster):
    """Repeats the last observed season (``season = 1`` is the naive last-value forecast)."""

    def __init__(self, season: int, name: str = "snaive") -> None:
        self.season = season
        self.name = name

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "SeasonalNaiveForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.season_ = min(max(self.season, 1), len(values))
        self.last_ = values[-self.season_:]
        self.fitted_ = np.concatenate([np.full(self.season_, np.nan), values[:-self.season_]])
        self.closed_form_gap_ = None
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return self.last_[np.arange(len(future)) % self.season_]

    def params(self) -> dict[str, Any]:
        return {"season": self.season}
