"""CPU against CUDA in the same run: where the GPU pays and where it does not.

1. Long series (hourly, trend plus a daily cycle; 100,000 and 1,000,000 rows by default): the fit of
   ``linear`` (LBFGS, full batch), ``multi`` and ``mlp`` (Adam, a fixed 100 epochs so both devices do the
   same work) on ``cpu`` and ``cuda``, median of 2 after one warm-up, and the largest difference of their
   fitted values (float64 on both).
2. AirPassengers: every model that trains with torch and ``auto`` (whose regressions and
   autoregressions follow the device), fit seconds on each device.
3. Many series: ``python -m core fit`` on a long file of 120-month series with ``linear``, ``--device cpu``
   against ``--device cuda`` at the same ``--jobs`` (each worker process opens its own CUDA context).

Run on a machine with CUDA: `python bench/bench_gpu.py [--rows 100000,1000000] [--series 1000]
[--jobs N] [--parts long,air,many]`. Ratios matter, not seconds.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import torch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.data.frequency import infer_frequency  # noqa: E402
from core.data.tidy import load_series  # noqa: E402
from core.evaluation.pipeline import RunRequest, run  # noqa: E402
from core.models.specs import ModelSettings, build_forecaster, default_training, model_names  # noqa: E402

DEVICES = ("cpu", "cuda")
REPEATS = 2
MLP_EPOCHS = 100


def hourly(rows: int) -> pd.DataFrame:
    t = np.arange(rows)
    y = 100 + 0.001 * t + 10 * np.sin(2 * np.pi * t / 24) + np.random.default_rng(0).normal(0, 1, rows)
    return pd.DataFrame({"ds": pd.date_range("1900-01-01", periods=rows, freq="h"), "y": y})


def settings_for(model: str, device: str) -> ModelSettings:
    training = default_training(model)
    if model == "mlp" and training is not None:  # the same work on both devices: no early stop
        training = dataclasses.replace(training, epochs=MLP_EPOCHS, patience=MLP_EPOCHS, tol=0.0)
    return ModelSettings(device=device, training=training)


def timed_fit(frame: pd.DataFrame, model: str, device: str) -> tuple[float, np.ndarray]:
    frequency = infer_frequency(frame["ds"])
    build_forecaster(model, settings_for(model, device), frequency).fit(frame.iloc[:2000], frequency)  # warm-up
    times, fitted = [], np.empty(0)
    for _ in range(REPEATS):
        forecaster = build_forecaster(model, settings_for(model, device), frequency)
        started = time.perf_counter()
        forecaster.fit(frame, frequency)
        if device == "cuda":
            torch.cuda.synchronize()
        times.append(time.perf_counter() - started)
        fitted = forecaster.fitted_values()
    return statistics.median(times), fitted


def long_series(rows: int) -> None:
    frame = hourly(rows)
    for model in ("linear", "multi", "mlp"):
        (cpu, cpu_fit), (gpu, gpu_fit) = (timed_fit(frame, model, device) for device in DEVICES)
        difference = float(np.nanmax(np.abs(cpu_fit - gpu_fit)))
        print(f"{rows:>9,} rows {model:>6} fit | cpu {cpu:7.3f} s | cuda {gpu:7.3f} s | cpu/cuda {cpu / gpu:6.2f}x "
              f"| largest difference {difference:.1e}", flush=True)


def air_passengers() -> None:
    air = load_series(ROOT / "data" / "AirPassengers.csv")
    models = [name for name in model_names() if default_training(name) is not None] + ["auto"]
    for model in models:
        seconds = {}
        for device in DEVICES:
            run(air.frame, air.frequency, RunRequest(model, ModelSettings(device=device)))  # warm-up
            started = time.perf_counter()
            result = run(air.frame, air.frequency, RunRequest(model, ModelSettings(device=device)))
            seconds[device] = (time.perf_counter() - started, result.device, result.metrics["test"]["mape"])
        (cpu, _, cpu_mape), (gpu, where, gpu_mape) = (seconds[device] for device in DEVICES)
        print(f"AirPassengers {model:>6} run | cpu {cpu:6.2f} s | {where} {gpu:6.2f} s | cpu/cuda {cpu / gpu:5.2f}x "
              f"| test MAPE {cpu_mape:.2f}% / {gpu_mape:.2f}%", flush=True)


def many_series(series: int, jobs: int) -> None:
    rng = np.random.default_rng(0)
    months = pd.date_range("2010-01-01", periods=120, freq="MS")
    t = np.arange(120)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.csv"
        pd.concat(pd.DataFrame({"id": f"s{k}", "month": months, "y": rng.uniform(50, 500) + rng.uniform(-1, 1) * t
                                + 10 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 2, 120)})
                  for k in range(series)).to_csv(source, index=False)
        seconds, outputs, used = {}, {}, {}
        for device in DEVICES:
            out, metrics = Path(folder) / f"{device}.csv", Path(folder) / f"{device}.json"
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "core", "fit", str(source), "--id-col", "id", "--model", "linear",
                            "--device", device, "--jobs", str(jobs), "--out", str(out), "--json", str(metrics)],
                           cwd=ROOT, check=True, capture_output=True)
            seconds[device] = time.perf_counter() - started
            outputs[device] = pd.read_csv(out)["predicted"].to_numpy()
            written = json.loads(metrics.read_text())
            assert written["summary"]["failed"] == 0
            used[device] = ",".join(sorted({entry["device"] for entry in written["series"]}))
        (cpu, cpu_out), (gpu, gpu_out) = ((seconds[device], outputs[device]) for device in DEVICES)
        difference = float(np.nanmax(np.abs(cpu_out - gpu_out)))
        print(f"{series:,} series linear --jobs {jobs} | {used[DEVICES[0]]} {cpu:6.1f} s | {used[DEVICES[1]]} {gpu:6.1f} s "
              f"| cpu/cuda {cpu / gpu:5.2f}x | largest difference {difference:.1e}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--series", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--parts", default="long,air,many", help="which of the three comparisons to run")
    args = parser.parse_args()
    if not torch.cuda.is_available():
        print("bench_gpu: this machine has no CUDA GPU, nothing to compare.")
        return
    print(f"{torch.cuda.get_device_name(0)}, torch {torch.__version__}, {os.cpu_count()} cores; "
          f"float64 on both devices", flush=True)
    parts = args.parts.split(",")
    for rows in (int(text) for text in args.rows.split(",")) if "long" in parts else ():
        long_series(rows)
    if "air" in parts:
        air_passengers()
    if "many" in parts:
        many_series(args.series, args.jobs)


if __name__ == "__main__":
    main()
