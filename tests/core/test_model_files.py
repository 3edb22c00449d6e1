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


def test_a_model_holding_numpy_numbers_is_written_as_plain_numbers_and_loads() -> None:
    # A 12-row yearly auto kept theta and drift, whose numpy float64s made files torch.load(weights_only) refused.
    from core.data.frequency import infer_frequency
    import pandas as pd

    frame = pd.DataFrame({"ds": pd.date_range("2008-01-01", periods=12, freq="YS"),
                          "y": [5.0, 7, 6, 9, 8, 11, 10, 13, 12, 15, 14, 17]})
    result = run(frame, infer_frequency(frame["ds"]), RunRequest("auto", train_fraction=0.9))
    data = model_bytes(result.forecaster)
    torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    future = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=3, freq="YS")})
    np.testing.assert_allclose(load_model(data).forecast(future), result.forecaster.forecast(future), rtol=1e-12)


def _torch_file_with_pickle(stream: bytes) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    torch.save({"a": 1}, buffer)
    source, out = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        for name in source.namelist():
            target.writestr(name, stream if name.endswith("data.pkl") else source.read(name))
    return out.getvalue()


@pytest.mark.parametrize("stream", [b"\x80\x02.", b"\x80\x02a."])  # a stop, an append, on an empty stack
def test_a_cut_pickle_stream_is_not_a_model_file_not_an_index_error(stream: bytes) -> None:
    with pytest.raises(DataError, match="Not a model file this app wrote"):
        load_model(_torch_file_with_pickle(stream))


def test_a_network_s_claimed_size_is_checked_against_its_weights_before_it_is_built() -> None:
    import resource

    buffer = io.BytesIO()  # 2 KB claiming a 6,000 by 6,000 network: it was built (300 MB) before the check
    torch.save({"format": "ts-regression-model/2", "state": {"__net__": {
        "n_features": 20_000, "hidden": 20_000, "state_dict": {"linear.weight": torch.zeros(1, 1)}}}}, buffer)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(DataError, match="does not match its weights"):
        load_model(buffer.getvalue())
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB: the net would take 3.2 GB


def test_a_file_holding_numpy_numbers_from_an_earlier_version_is_told_to_download_again() -> None:
    buffer = io.BytesIO()  # as earlier versions wrote auto's theta and drift members: numpy's float64 in the state
    torch.save({"format": "ts-regression-model/2", "state": {"slope": np.float64(0.5)}}, buffer)
    with pytest.raises(DataError, match="written by an earlier version of the app.*download the model again"):
        load_model(buffer.getvalue())


def test_a_network_size_written_as_infinity_is_a_damaged_file_not_an_overflow() -> None:
    buffer = io.BytesIO()
    torch.save({"format": "ts-regression-model/2", "state": {"__net__": {
        "n_features": float("inf"), "hidden": 0, "state_dict": {"linear.weight": torch.zeros(1, 1)}}}}, buffer)
    with pytest.raises(DataError, match="download the model again"):
        load_model(buffer.getvalue())


def test_a_compressed_archive_is_refused_before_it_is_unpacked() -> None:
    import zipfile

    buffer, packed = io.BytesIO(), io.BytesIO()  # deflated, 0.78 MB unpacked to 760 MB before it was refused
    torch.save({"format": "ts-regression-model/2", "state": {}, "pad": torch.zeros(1_000_000, dtype=torch.float64)},
               buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(packed, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry.filename), compress_type=zipfile.ZIP_DEFLATED)
    assert len(packed.getvalue()) < 100_000
    with pytest.raises(DataError, match="compressed or larger than the file"):
        load_model(packed.getvalue())


def _edited_linear_file(air, edit) -> bytes:  # type: ignore[no-untyped-def]
    payload = read_model_file(model_bytes(run(air.frame, air.frequency, RunRequest("linear")).forecaster))
    edit(payload["state"]["fields"])
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


def test_a_file_missing_a_part_or_shadowing_a_method_is_refused_on_loading(air) -> None:  # type: ignore[no-untyped-def]
    # Both loaded; their first forecast raised AttributeError ('spec') or TypeError ('str' object is not callable).
    with pytest.raises(DataError, match="damaged or was not written by this app"):
        load_model(_edited_linear_file(air, lambda fields: fields.pop("spec")))
    with pytest.raises(DataError, match="damaged or was not written by this app"):
        load_model(_edited_linear_file(air, lambda fields: fields.pop("fitted_")))
    with pytest.raises(DataError, match="holds data this app does not write"):
        load_model(_edited_linear_file(air, lambda fields: fields.update(forecast="x")))
    assert load_model(_edited_linear_file(air, lambda fields: None)).forecast(steps(3)).shape == (3,)


def test_a_model_file_loads_with_only_the_loader_imported(air, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Without the model table imported, no forecaster class was registered: "The model file holds data this app does
    # not write" for a file just downloaded from Train.
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "linear-seed0.pt"
    path.write_bytes(model_bytes(run(air.frame, air.frequency, RunRequest("linear")).forecaster))
    code = f"from core.models.files import load_model; print(load_model(open({str(path)!r}, 'rb').read()).name)"
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "linear", done.stderr
