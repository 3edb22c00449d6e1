"""A model is one class plus one entry in the model table: a toy model added that way shows up on the
Train page, in the command line's choices and in the URL round trip, with nothing else changed."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.cli import build_parser, main
from core.data.frequency import Frequency
from core.evaluation.pipeline import RunRequest
from core.models import specs
from core.models.base import Forecaster
from core.models.specs import ModelSettings, ModelSpec, Setting
from core.training.loop import EpochCallback
from core.ui import state_keys as keys
from core.ui.urlstate import parse_train_query, train_query

ROOT = Path(__file__).resolve().parents[2]


class WindowMeanForecaster(Forecaster):
    """Forecasts the mean of the last ``window`` values."""

    name = "window_mean"

    def __init__(self, window: int) -> None:
        self.window = window

    def fit(self, history: pd.DataFrame, frequency: Frequency,
            callback: EpochCallback | None = None) -> "WindowMeanForecaster":
        values = history["y"].to_numpy(dtype=float)
        self.level_ = float(values[-self.window:].mean())
        self.fitted_ = pd.Series(values).rolling(self.window).mean().shift(1).to_numpy()
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        return np.full(len(future), self.level_)

    def params(self) -> dict[str, Any]:
        return {"window": self.window}


TOY = ModelSpec("window_mean", "Mean of the last few values.", lambda c: WindowMeanForecaster(int(c.values["window"])),
                (Setting("window", "Window", "How many recent values to average.", 5, 1, 50),))


@pytest.fixture
def toy_model(monkeypatch: pytest.MonkeyPatch) -> ModelSpec:
    monkeypatch.setitem(specs.SPECS, TOY.name, TOY)
    return TOY


def test_the_command_line_offers_and_fits_the_new_model(toy_model: ModelSpec, tmp_path: Path) -> None:
    fit = build_parser()._subparsers._group_actions[0].choices["fit"]  # type: ignore[union-attr]
    assert "window_mean" in next(a for a in fit._actions if a.dest == "model").choices
    out = tmp_path / "m.json"
    assert main(["fit", str(ROOT / "data" / "AirPassengers.csv"), "--model", "window_mean", "--json", str(out)]) == 0
    summary = json.loads(out.read_text())
    assert summary["model"] == "window_mean" and summary["params"] == {"window": 5}


def test_the_url_carries_the_new_models_settings(toy_model: ModelSpec) -> None:
    wanted = parse_train_query({"model": "window_mean", "window": "7", "lags": "3"})
    assert wanted.model == "window_mean" and wanted.values == {"window": 7} and wanted.training == {}
    assert parse_train_query({"model": "window_mean", "window": "99"}).values == {}  # out of range: ignored
    query = train_query(RunRequest("window_mean", ModelSettings(values={"window": 7}, seed=3)))
    assert query["model"] == "window_mean" and query["window"] == "7" and "optimizer" not in query


def test_the_train_page_draws_and_trains_the_new_model(toy_model: ModelSpec) -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "1_Train.py"), default_timeout=120)
    at.query_params.update({"model": "window_mean", "window": "7"})
    at.run()
    assert "window_mean" in at.selectbox(key=keys.TRAIN_MODEL_WIDGET).options
    assert "Mean of the last few values." in [c.value for c in at.sidebar.caption]  # its help, under the picker
    assert at.selectbox(key=keys.TRAIN_MODEL_WIDGET).value == "window_mean"
    assert at.slider(key=keys.train_setting("window_mean", "window")).value == 7
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and not at.error
    result = at.session_state[keys.TRAIN_RESULT]
    assert result.request.model == "window_mean" and result.params == {"window": 7}
    assert result.settings_used == {"window": 7, "seed": 0}
    expected = float(at.session_state[keys.DATA_SERIES].frame["y"].iloc[93:100].mean())
    assert result.predictions.loc[result.predictions["split"] == "test", "predicted"].iloc[0] == pytest.approx(expected)
