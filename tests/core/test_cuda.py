"""On a CUDA GPU: every model that trains with torch trains there and gives the CPU's numbers; auto's
torch candidates follow the run's device; model files written there load on a CPU; the command line
fits one series and many on the GPU and says so. Skipped on machines without CUDA."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import torch

from core.evaluation.pipeline import RunRequest, run
from core.models.files import load_model, model_bytes
from core.models.specs import ModelSettings, default_training, model_names
from core.training.fit import solve_exactly
from core.training.least_squares import least_squares
from core.training.loop import EXACT, TrainConfig

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")

ROOT = Path(__file__).resolve().parents[2]
AIR = ROOT / "data" / "AirPassengers.csv"
TORCH_MODELS = [name for name in model_names() if default_training(name) is not None]
NUMBER_COLUMNS = ["predicted", "lower_80", "upper_80", "lower_95", "upper_95"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def run_on(air, model: str, device: str):  # type: ignore[no-untyped-def]
    return run(air.frame, air.frequency, RunRequest(model, ModelSettings(seed=1, device=device), horizon=12))


def largest_difference(first: pd.DataFrame, second: pd.DataFrame) -> float:
    columns = [name for name in NUMBER_COLUMNS if name in first]
    return float(np.nanmax(np.abs(first[columns].to_numpy(float) - second[columns].to_numpy(float))))


@pytest.mark.parametrize("model", TORCH_MODELS)
def test_every_trained_model_gives_the_cpu_numbers_on_the_gpu(air, model: str) -> None:  # type: ignore[no-untyped-def]
    cpu, gpu = run_on(air, model, "cpu"), run_on(air, model, "cuda")
    assert cpu.device == "cpu" and gpu.device.startswith("cuda")
    # float64 on both; only the order of the GPU's sums differs (1e-6 passengers of ~280)
    assert largest_difference(gpu.predictions, cpu.predictions) < 1e-6 * float(air.frame["y"].abs().mean())
    assert gpu.metrics["test"]["mae"] == pytest.approx(cpu.metrics["test"]["mae"], rel=1e-6)


def test_auto_runs_its_torch_candidates_on_the_chosen_device_and_chooses_the_same(air) -> None:  # type: ignore[no-untyped-def]
    cpu, gpu = run_on(air, "auto", "cpu"), run_on(air, "auto", "cuda")
    assert cpu.device == "cpu" and gpu.device.startswith("cuda")
    assert gpu.params["chosen"] == cpu.params["chosen"]
    assert largest_difference(gpu.predictions, cpu.predictions) < 1e-6 * float(air.frame["y"].abs().mean())


def test_the_exact_solve_on_the_gpu_is_the_cpus_and_least_squares() -> None:
    rng = np.random.default_rng(4)
    x = rng.normal(size=(5000, 6)) * [1, 10, 0.1, 3, 100, 1] + [5, -2, 0, 100, 7, 1]
    y = x @ [0.5, -0.2, 3.0, 0.01, 0.002, -1] + 7.0 + rng.normal(0, 0.3, 5000)
    on_gpu, on_cpu = (solve_exactly(x, y, TrainConfig(optimizer=EXACT, device=device)) for device in ("cuda", "cpu"))
    assert on_gpu.history.device.startswith("cuda")
    solution = np.append(*on_gpu.linear_weights())
    np.testing.assert_allclose(solution, np.append(*on_cpu.linear_weights()), rtol=1e-10)
    # the vanishing ridge that keeps collinear columns solvable moves the small column's weight by 1e-6
    np.testing.assert_allclose(solution, least_squares(x, y), rtol=1e-5)


def test_auto_trains_small_series_on_the_cpu_and_large_ones_on_the_gpu(air, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert run_on(air, "linear", "auto").device == "cpu" and run_on(air, "auto", "auto").device == "cpu"
    monkeypatch.setenv("TSR_GPU_MIN_ROWS", str(len(air.frame) // 2))
    assert run_on(air, "linear", "auto").device.startswith("cuda")
    assert run_on(air, "auto", "auto").device.startswith("cuda")


@pytest.mark.parametrize("model", ["linear", "mlp", "auto"])
def test_a_model_file_written_on_the_gpu_forecasts_the_same_from_the_cpu(air, model: str) -> None:  # type: ignore[no-untyped-def]
    trained = run_on(air, model, "cuda").forecaster
    loaded = load_model(model_bytes(trained))
    tensors = [value for value in _tensors(loaded)]
    assert all(tensor.device.type == "cpu" for tensor in tensors)
    future = air.frame.iloc[100:].reset_index(drop=True)
    np.testing.assert_allclose(loaded.forecast(future), trained.forecast(future), rtol=1e-9)


def _tensors(model: object) -> list[torch.Tensor]:
    fit = getattr(model, "torch_fit_", None) or getattr(getattr(model, "best_", None), "torch_fit_", None)
    return [] if fit is None or fit.net is None else list(fit.net.state_dict().values())


def test_the_command_line_fits_on_the_gpu_and_reports_it(tmp_path: Path) -> None:
    metrics = tmp_path / "m.json"
    done = cli("fit", str(AIR), "--model", "linear", "--device", "cuda", "--json", str(metrics))
    assert done.returncode == 0, done.stderr
    assert json.loads(metrics.read_text())["device"].startswith("cuda") and "on cuda" in done.stdout


def test_many_series_on_the_gpu_in_worker_processes_match_one_process(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    months = pd.date_range("2010-01-01", periods=60, freq="MS")
    frame = pd.concat([pd.DataFrame({"id": f"s{k}", "month": months,
                                     "y": 100 + k + 0.5 * np.arange(60) + rng.normal(0, 1, 60)}) for k in range(6)])
    source = tmp_path / "long.csv"
    frame.to_csv(source, index=False)
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"p{jobs}.csv"
        done = cli("fit", str(source), "--id-col", "id", "--model", "linear", "--device", "cuda",
                   "--jobs", jobs, "--out", str(out))
        assert done.returncode == 0, done.stderr
        outputs[jobs] = pd.read_csv(out)
    pd.testing.assert_frame_equal(outputs["1"], outputs["2"])
    assert outputs["1"]["unique_id"].nunique() == 6
