"""Model files: written with plain tensors, read back safely, and they rebuild the same model."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from core.checkpoint import checkpoint_bytes, load_checkpoint
from core.errors import DataError
from core.nets import NetConfig, build_net
from core.pipeline import RunRequest, run


@pytest.mark.parametrize("model", ["linear", "mlp"])
def test_checkpoint_rebuilds_the_trained_network(air, model: str) -> None:  # type: ignore[no-untyped-def]
    result = run(air.frame, air.frequency, RunRequest(model))
    payload = load_checkpoint(checkpoint_bytes(result.forecaster))
    assert payload["model"] == model and payload["feature_names"] == result.forecaster.feature_names_
    net = build_net(NetConfig(len(payload["feature_names"]), payload["hidden"])).double()
    net.load_state_dict(payload["state_dict"])
    forecaster = result.forecaster
    x = forecaster.x_scaler_.transform(forecaster._design(air.frame.iloc[:100], np.arange(100))[0])
    with torch.no_grad():
        scaled = net(torch.as_tensor(x)).numpy()
    y = scaled * payload["y_scaler"]["scale"].numpy() + payload["y_scaler"]["mean"].numpy()
    np.testing.assert_allclose(y, result.predictions["predicted"].iloc[:100], rtol=1e-9)


def test_foreign_or_pickled_files_are_refused() -> None:
    import io
    from fractions import Fraction

    buffer = io.BytesIO()  # any class outside torch's allow-list must be refused, not unpickled
    torch.save({"format": "ts-regression-checkpoint/1", "obj": Fraction(1, 3)}, buffer)
    with pytest.raises(DataError):
        load_checkpoint(buffer.getvalue())
    with pytest.raises(DataError):
        load_checkpoint(b"not a model")


def test_auto_candidates_save_their_scalers_and_changepoints(air) -> None:  # type: ignore[no-untyped-def]
    from core.candidates import DifferencedARForecaster
    from core.structural import TrendSeasonForecaster
    from core.training import TrainConfig

    training = TrainConfig(device="cpu", epochs=60, patience=3)
    trend = TrendSeasonForecaster("log: trend + season", "log", (12.0,), (), training).fit(air.frame, air.frequency)
    payload = load_checkpoint(checkpoint_bytes(trend))
    np.testing.assert_allclose(payload["changepoints"].numpy(), trend.changepoints_)
    np.testing.assert_allclose(payload["x_scaler"]["mean"].numpy(), trend.x_scaler_.mean)
    assert payload["params"]["periods"] == [12.0] and "linear.weight" in payload["state_dict"]
    ar = DifferencedARForecaster("AR", "none", 12, False, (1, 12), training).fit(air.frame, air.frequency)
    assert float(load_checkpoint(checkpoint_bytes(ar))["scaler"]["scale"]) == pytest.approx(float(ar.scaler_.scale))
