"""auto on intermittent demand, with its rule for it (``auto.intermittent``: the mean of Croston's SBA and TSB) and
without (its usual choice), beside statsforecast's CrostonSBA, TSB, ADIDA, IMAPA and AutoETS in the same run.

No series of the accuracy panels is intermittent, so the demand is simulated, as the intermittent-demand literature
does (Syntetos, Boylan and Croston's four kinds): weekly series of 60-156 weeks, demand in a share of the weeks from
0.1 to 0.5 (a Bernoulli draw each week, or a run of weeks without demand at the end for some: a SKU no longer sold),
sizes of 1 + Poisson(mean 2-20) or of a lognormal with a large spread (lumpy). A seed per series. Every method fits
the first 70% and forecasts the rest; scores per series: RMSE over the in-sample naive RMSE (RMSSE, M5's measure,
which rewards the demand rate) and the mean of the forecast minus the mean of the test rows over the latter (the
bias; MAE rewards forecasting zero and is not shown). Geometric mean of the RMSSE, mean absolute bias, over all
series and over halves (even and odd positions).
Run: `.venv-bench/bin/python bench/intermittent.py [--series N] [--jobs N]` (about 2 minutes for 200 series on 2
cores).
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from many_accuracy import geomean  # noqa: E402  (this folder is on the path)

METHODS = ("auto", "auto, usual rule", "CrostonSBA", "TSB", "ADIDA", "IMAPA", "AutoETS")


def simulated(number: int) -> pd.DataFrame:
    """One weekly series of intermittent demand, drawn with seed ``number``."""
    rng = np.random.default_rng(number)
    weeks = int(rng.integers(60, 157))
    chance = rng.uniform(0.1, 0.5)
    if number % 2:
        sizes = 1 + rng.poisson(rng.uniform(2, 20), weeks)
    else:
        sizes = np.ceil(rng.lognormal(rng.uniform(1, 3), rng.uniform(0.5, 1.2), weeks))
    values = np.where(rng.random(weeks) < chance, sizes, 0).astype(float)
    if number % 5 == 0:  # no longer sold: its last weeks without demand
        values[int(weeks * rng.uniform(0.75, 0.95)):] = 0
    values[int(rng.integers(0, weeks * 0.3))] = max(values.max(), 1.0)  # at least one demand in the training rows
    return pd.DataFrame({"ds": pd.date_range("2021-01-04", periods=weeks, freq="W-MON"), "y": values})


def measure(number: int) -> dict[str, float] | None:
    import core.models.auto as auto_rules
    from core.data.frequency import infer_frequency
    from statsforecast import StatsForecast
    from statsforecast.models import ADIDA, IMAPA, TSB, AutoETS, CrostonSBA

    warnings.filterwarnings("ignore")
    frame = simulated(number)
    n_train = int(len(frame) * 0.7)
    train, test = frame.iloc[:n_train], frame.iloc[n_train:]
    actual, history = test["y"].to_numpy(), train["y"].to_numpy()
    scale = float(np.sqrt(np.mean(np.diff(history) ** 2))) or 1.0
    level = float(np.mean(actual)) or float(np.mean(history)) or 1.0
    frequency = infer_frequency(frame["ds"])
    forecasts = {}
    for method, zeros in (("auto", auto_rules.INTERMITTENT_ZEROS), ("auto, usual rule", 2.0)):
        kept, auto_rules.INTERMITTENT_ZEROS = auto_rules.INTERMITTENT_ZEROS, zeros  # 2.0: no series is intermittent
        try:
            model = auto_rules.AutoForecaster(seed=0).fit(train.reset_index(drop=True), frequency)
            forecasts[method] = np.maximum(model.forecast(test.reset_index(drop=True)), 0)
        except ValueError:
            return None
        finally:
            auto_rules.INTERMITTENT_ZEROS = kept
    data = train.assign(unique_id="s")
    models = [CrostonSBA(), TSB(alpha_d=0.1, alpha_p=0.1), ADIDA(), IMAPA(), AutoETS(season_length=1)]
    predicted = StatsForecast(models=models, freq="W-MON", n_jobs=1).forecast(df=data, h=len(test))
    for method, column in zip(METHODS[2:], ("CrostonSBA", "TSB", "ADIDA", "IMAPA", "AutoETS")):
        forecasts[method] = predicted[column].to_numpy()
    return {**{method: float(np.sqrt(np.mean((forecast - actual) ** 2))) / scale
               for method, forecast in forecasts.items()},
            **{f"{method} bias": (float(np.mean(forecast)) - float(np.mean(actual))) / level
               for method, forecast in forecasts.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    warnings.filterwarnings("ignore")
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        rows = [row for row in pool.map(measure, range(options.series), chunksize=4) if row is not None]
    table = pd.DataFrame(rows)
    print(f"{len(rows)} simulated intermittent weekly series; RMSSE (geometric mean; halves A, B), mean |bias| of the "
          "forecast's level")
    print(f"{'method':>18}{'RMSSE':>8}{'A':>8}{'B':>8}{'|bias|':>8}")
    for method in METHODS:
        values = table[method].to_numpy()
        print(f"{method:>18}{geomean(values):8.3f}{geomean(values[0::2]):8.3f}{geomean(values[1::2]):8.3f}"
              f"{float(np.mean(np.abs(table[f'{method} bias']))):8.3f}")


if __name__ == "__main__":
    main()
