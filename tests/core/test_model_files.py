"""Model files: plain tensors and numbers, read back safely, rebuilding a model that forecasts the same."""
from __future__ import annotations

import io
from fractions import Fraction

import numpy as np
import pytest
import torch

from core.errors import DataError
from core.evaluation.pipeline import RunRequest, run
from core.models.autoregression import AutoRegressiveForecaster
from core.models.files import load_model, model_bytes, read_model_file
from core.models.specs import model_names
from core.models.trend_season import TrendSeasonForecaster
from core.training.loop import TrainConfig
from tests.conftest import steps


@pytest.mark.parametrize("model", model_names())
def test_every_model_file_rebuilds_a_model_that_forecasts_the_same(air, model: str) -> None:  # type: ignore[no-untyped-def]
    result = run(air.frame, air.frequency, RunRequest(model))
    loaded = load_model(model_bytes(result.forecaster))
    assert type(loaded) is type(result.forecaster) and loaded.name == result.forecaster.name
    test_rows = air.frame.iloc[100:].reset_index(drop=True)
    np.testing.assert_allclose(loaded.forecast(test_rows), result.forecaster.forecast(test_rows), rtol=1e-12)
    np.testing.assert_allclose(loaded.fitted_values(), result.forecaster.fitted_values(), rtol=1e-12)
    assert loaded.params() == result.forecaster.params()


def test_the_file_holds_weights_as_plain_tensors(air) -> None:  # type: ignore[no-untyped-def]
    result = run(air.frame, air.frequency, RunRequest("linear"))
    payload = read_model_file(model_bytes(result.forecaster))
    assert payload["model"] == "linear" and payload["params"]["trend_degree"] == 1
    fields = payload["state"]["fields"]
    net = fields["torch_fit_"]["fields"]["net"]["__net__"]
    assert isinstance(net["state_dict"]["linear.weight"], torch.Tensor) and net["n_features"] == 1
    assert fields["feature_names_"] == ["x"]


def test_foreign_or_pickled_files_are_refused() -> None:
    buffer = io.BytesIO()  # any class outside torch's allow-list must be refused, not unpickled
    torch.save({"format": "ts-regression-model/2", "obj": Fraction(1, 3)}, buffer)
    with pytest.raises(DataError):
        read_model_file(buffer.getvalue())
    with pytest.raises(DataError):
        read_model_file(b"not a model")


def test_a_file_naming_a_class_outside_the_models_is_refused(air) -> None:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    torch.save({"format": "ts-regression-model/2", "state": {"__type__": "Popen", "fields": {"__dict__": {}}}}, buffer)
    with pytest.raises(DataError):
        load_model(buffer.getvalue())


def test_auto_candidates_keep_their_scalers_and_changepoints(air) -> None:  # type: ignore[no-untyped-def]
    training = TrainConfig(device="cpu", epochs=60, patience=3)
    trend = TrendSeasonForecaster("log: trend + season", "log", (12.0,), (), training).fit(air.frame, air.frequency)
    loaded = load_model(model_bytes(trend))
    np.testing.assert_allclose(loaded.changepoints(), trend.changepoints())  # type: ignore[attr-defined]
    np.testing.assert_allclose(loaded.forecast(steps(24)), trend.forecast(steps(24)), rtol=1e-12)
    ar = AutoRegressiveForecaster("AR", (1, 12), training, season=12).fit(air.frame, air.frequency)
    np.testing.assert_allclose(load_model(model_bytes(ar)).forecast(steps(24)), ar.forecast(steps(24)), rtol=1e-12)


@pytest.mark.parametrize("payload", [
    {"format": "ts-regression-model/2"},  # no state
    {"format": "ts-regression-model/2", "state": {"__type__": "AutoForecaster"}},  # no fields
    {"format": "ts-regression-model/2", "state": {"__net__": {"state_dict": {}, "n_features": 1, "hidden": 0}}},
    {"format": "ts-regression-model/2", "state": {"__net__": {"state_dict": {"linear.weight": torch.zeros(3, 3)},
                                                             "n_features": 1, "hidden": 0}}},
])
def test_a_damaged_model_file_is_one_clear_error(payload: dict[str, object]) -> None:
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    with pytest.raises(DataError, match="download the model again"):
        load_model(buffer.getvalue())
