"""Many series from one file: long files (given, detected and combined ids), wide files (`--target all`,
`--target A,B`), unusable series, and the same numbers from every engine."""
from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.errors import DataError
from core.panel.split import ID_JOINER, detect_id_columns, series_ids

ROOT = Path(__file__).resolve().parents[2]
SINGLE_COLUMNS = ["ds", "actual", "predicted", "split"]
HAS_DASK = importlib.util.find_spec("distributed") is not None


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def monthly(months: int, level: float, seed: int) -> np.ndarray:
    """Trend, a yearly cycle and noise: a series every model can fit."""
    t = np.arange(months)
    noise = np.random.default_rng(seed).normal(0, 2, months)
    return np.round(level + 1.5 * t + 12 * np.sin(2 * np.pi * t / 12) + noise, 3)


def stamps(months: int) -> list[str]:
    return [f"{2015 + i // 12}-{i % 12 + 1:02d}" for i in range(months)]


def long_frame(ids: list[str], months: int = 40, id_col: str = "store") -> pd.DataFrame:
    parts = [pd.DataFrame({"month": stamps(months), id_col: uid, "sales": monthly(months, 100 + 20 * k, k)})
             for k, uid in enumerate(ids)]
    return pd.concat(parts, ignore_index=True)


def fit(tmp_path: Path, frame: pd.DataFrame, *args: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    source, out, metrics = tmp_path / "in.csv", tmp_path / "p.csv", tmp_path / "m.json"
    frame.to_csv(source, index=False)
    done = cli("fit", str(source), "--out", str(out), "--json", str(metrics), "--jobs", "1", *args)
    return done, out, metrics


def check_many(out: Path, metrics: Path, ids: list[str], rows: int) -> dict[str, object]:
    """The layout of several series: unique_id first, series in order of first appearance, each in time order."""
    predictions = pd.read_csv(out, dtype={"unique_id": str})
    assert list(predictions.columns[:5]) == ["unique_id", *SINGLE_COLUMNS]
    assert list(dict.fromkeys(predictions["unique_id"])) == ids
    for _, part in predictions.groupby("unique_id", sort=False):
        assert len(part) == rows and part["ds"].is_monotonic_increasing and part["ds"].is_unique
    report = json.loads(metrics.read_text())
    assert [entry["unique_id"] for entry in report["series"]] == ids
    for entry in report["series"]:
        assert {"model", "params", "train", "test", "fit_seconds"} <= set(entry), entry
    summary = report["summary"]
    assert summary["series"] == len(ids) and summary["failed"] == 0 and summary["engine"] == "local"
    assert summary["test_mae_vs_snaive_geomean"] > 0 and summary["test_mape_median"] > 0
    assert summary["total_seconds"] > 0 and summary["workers"] == 1
    return report


def test_long_file_with_a_given_id_keeps_first_appearance_and_time_order(tmp_path: Path) -> None:
    frame = long_frame(["south", "north", "east"]).sample(frac=1.0, random_state=1)  # rows shuffled
    first_seen = list(dict.fromkeys(frame["store"]))
    done, out, metrics = fit(tmp_path, frame, "--id-col", "store", "--model", "linear", "--horizon", "3")
    assert done.returncode == 0, done.stderr
    check_many(out, metrics, first_seen, 43)
    predictions = pd.read_csv(out)
    assert (predictions.groupby("unique_id")["split"].last() == "future").all()
    south = predictions[predictions["unique_id"] == "south"]
    expected = frame[frame["store"] == "south"].sort_values("month")["sales"].tolist()
    assert south["actual"].iloc[:40].tolist() == expected


@pytest.mark.parametrize("id_col", ["store", "store_id"])
def test_long_file_with_a_detected_id(tmp_path: Path, id_col: str) -> None:
    ids = ["a", "b", "c"] if id_col == "store" else ["7", "8", "9"]
    frame = long_frame(ids, id_col=id_col)
    frame["holiday"] = (frame.index % 12 == 11).astype(int)  # repeats, but not within one date: not the id
    if id_col == "store_id":
        frame[id_col] = frame[id_col].astype(int)
    done, out, metrics = fit(tmp_path, frame, "--model", "snaive")
    assert done.returncode == 0, done.stderr
    report = check_many(out, metrics, ids, 40)
    assert report["summary"]["id_cols"] == [id_col]
    assert all(entry["target"] == "sales" for entry in report["series"])


@pytest.mark.parametrize("given", [False, True])
def test_a_long_file_of_step_numbers_keeps_each_series_steps(tmp_path: Path, given: bool) -> None:
    parts = [pd.DataFrame({"unique_id": uid, "ds": np.arange(start, start + 40), "y": monthly(40, 100 + 20 * k, k)})
             for k, (uid, start) in enumerate((("H1", 1), ("H2", 1), ("H3", 11)))]  # statsforecast's own layout
    args = ("--id-col", "unique_id") if given else ()
    done, out, metrics = fit(tmp_path, pd.concat(parts, ignore_index=True), "--model", "linear", "--horizon", "3", *args)
    assert done.returncode == 0, done.stderr
    predictions = pd.read_csv(out, dtype={"unique_id": str})
    assert predictions.groupby("unique_id")["ds"].agg(["min", "max"]).to_dict("index") == {
        "H1": {"min": 1, "max": 43}, "H2": {"min": 1, "max": 43}, "H3": {"min": 11, "max": 53}}
    assert "'ds' holds whole numbers, not dates: they are read as step numbers" in done.stderr


def test_series_whose_dates_are_written_differently_are_told_apart(tmp_path: Path) -> None:
    # One store's export writes 2015-01, the other's Jan 2015: as text the stamps never repeat.
    frame = long_frame(["north", "south"], months=36)
    south = frame["store"] == "south"
    frame.loc[south, "month"] = pd.to_datetime(frame.loc[south, "month"]).dt.strftime("%b %Y")
    done, out, metrics = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 0, done.stderr
    check_many(out, metrics, ["north", "south"], 36)
    assert pd.read_csv(out)["ds"].iloc[-1] == "2017-12-01"


@pytest.mark.parametrize("given", [True, False])
def test_ids_are_told_apart_as_the_file_writes_them(tmp_path: Path, given: bool) -> None:
    # 007, 07 and 7 were all read as the number 7, and "NA" (North America) as a blank: series merged or lost.
    for ids, col in ((["007", "07", "7"], "store"), (["NA", "EU", "None"], "region")):
        frame = long_frame(ids, months=36, id_col=col)
        done, out, metrics = fit(tmp_path, frame, "--model", "linear", *(["--id-col", col] if given else []))
        assert done.returncode == 0, done.stderr
        written = pd.read_csv(out, dtype={"unique_id": str}, keep_default_na=False)["unique_id"]  # "NA" as written
        assert list(dict.fromkeys(written)) == ids and written.value_counts().tolist() == [36, 36, 36]
        assert [entry["unique_id"] for entry in json.loads(metrics.read_text())["series"]] == ids


def test_whole_number_ids_written_as_floats_are_detected(tmp_path: Path) -> None:
    frame = long_frame(["1", "2"], months=36, id_col="store").assign(store=lambda f: f["store"].astype(float))
    frame.loc[5, "store"] = np.nan  # a blank: the column is written with decimals (1.0, 2.0)
    done, out, metrics = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert sorted(pd.read_csv(out, dtype={"unique_id": str})["unique_id"].unique()) == ["1.0", "2.0"]


def test_two_id_columns_with_stray_spaces_are_not_a_collision(tmp_path: Path) -> None:
    frame = pd.concat([long_frame(["north"], id_col="region").assign(store="a"),
                       long_frame(["north"], id_col="region").assign(store="b")], ignore_index=True)
    frame.loc[::2, "region"] = "north "  # the same region, written with a trailing space in some rows
    done, out, metrics = fit(tmp_path, frame, "--id-col", "region,store")
    assert done.returncode == 0, done.stderr
    assert sorted(pd.read_csv(out)["unique_id"].unique()) == ["north|a", "north|b"]


def test_two_id_columns_whose_joined_ids_collide_are_refused(tmp_path: Path) -> None:
    frame = pd.concat([long_frame(["a|b"], id_col="k1").assign(k2="c"),
                       long_frame(["a"], id_col="k1").assign(k2="b|c")])
    done, _, _ = fit(tmp_path, frame, "--id-col", "k1,k2")
    assert done.returncode == 2 and "name different series alike" in done.stderr and "Traceback" not in done.stderr


def test_two_id_columns_combine_into_one_id(tmp_path: Path) -> None:
    frames = []
    for store in ("A", "B"):
        part = long_frame(["x", "y"], months=36, id_col="product")
        part.insert(1, "store", store)
        frames.append(part)
    frame = pd.concat(frames, ignore_index=True)
    ids = [f"A{ID_JOINER}x", f"A{ID_JOINER}y", f"B{ID_JOINER}x", f"B{ID_JOINER}y"]
    done, out, metrics = fit(tmp_path, frame, "--id-col", "store,product", "--model", "linear")
    assert done.returncode == 0, done.stderr
    check_many(out, metrics, ids, 36)
    detected, out2, _ = fit(tmp_path, frame, "--model", "linear")  # no single column separates: the pair does
    assert detected.returncode == 0, detected.stderr
    assert pd.read_csv(out2).equals(pd.read_csv(out))


def test_rows_without_an_id_are_said_on_stderr_and_the_series_kept_apart(tmp_path: Path) -> None:
    frame = long_frame(["x", "y"], months=36, id_col="store")
    frame.loc[[10, 46], "store"] = None  # the same month of both stores
    done, out, metrics = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert "note: 2 rows without a series id were left out." in done.stderr
    assert sorted(pd.read_csv(out)["unique_id"].unique()) == ["x", "y"]  # not one series of their means


def test_rows_without_an_id_beside_one_series_are_said_in_the_single_series_layout(tmp_path: Path) -> None:
    frame = long_frame(["x"], months=36, id_col="store")
    frame.loc[[10, 20], "store"] = None
    done, out, metrics = fit(tmp_path, frame, "--model", "linear", "--id-col", "store")
    assert done.returncode == 0, done.stderr
    assert "note: 2 rows without a series id were left out." in done.stderr
    report = json.loads(metrics.read_text())
    assert report["rows_without_id"] == 2 and "2 rows without a series id were left out." in report["notices"]


def test_what_loading_changed_in_a_series_is_said_on_stderr_and_the_summary_says_what_it_covers(
        tmp_path: Path) -> None:
    frame = long_frame(["x", "y"], months=36, id_col="store")
    frame = pd.concat([frame, frame.iloc[[5]].assign(sales=999.0)], ignore_index=True)  # x's month 6 twice
    done, out, metrics = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert "note: 'x': 2 rows on 1 repeated time stamp were combined by their mean." in done.stderr
    assert "(geometric mean over 2 of 2)" in done.stdout and "(over 2)" in done.stdout
    assert json.loads(metrics.read_text())["summary"]["test_mape_series"] == 2


def test_a_series_whose_values_end_before_the_files_is_said_to_and_forecast_from_its_own_end(
        tmp_path: Path) -> None:
    # A product that stopped selling, its units blank and its price given on: its 'future' began 12 months before the
    # other products', and nothing said so.
    frame = long_frame(["x", "y"], months=42, id_col="product").assign(price=1.0)
    frame.loc[(frame["product"] == "y") & (frame["month"] >= "2017-07"), "sales"] = np.nan
    done, out, metrics = fit(tmp_path, frame, "--model", "linear", "--horizon", "3", "--regressors", "price")
    assert done.returncode == 0, done.stderr
    assert ("note: 'y': Its values end at 2017-06-01, before the file's last value at 2018-06-01: its forecast starts "
            "after 2017-06-01.") in done.stderr and "'x': Its values end" not in done.stderr
    future = pd.read_csv(out).query("split == 'future'")
    assert future.groupby("unique_id")["ds"].first().to_dict() == {"x": "2018-07-01", "y": "2017-07-01"}
    marked = long_frame(["x", "y"], months=42, id_col="product").astype({"sales": object})
    marked.loc[marked["month"] == "2018-06", "sales"] = ":"  # Eurostat's 'not published' in every last month
    done, _, _ = fit(tmp_path, marked, "--model", "linear")
    assert done.returncode == 0 and "Its values end" not in done.stderr, done.stderr


def test_a_train_fraction_that_cannot_split_is_one_argument_error_not_one_per_series(tmp_path: Path) -> None:
    done, _, _ = fit(tmp_path, long_frame(["x", "y"]), "--train-fraction", "1.0")
    assert done.returncode == 2 and done.stderr.strip() == (
        "error: --train-fraction 1.0 must lie strictly between 0 and 1, e.g. 0.7.")


def wide_frame(months: int = 48) -> pd.DataFrame:
    return pd.DataFrame({"month": stamps(months), "A": monthly(months, 100, 1), "B": monthly(months, 300, 2),
                         "C": monthly(months, 50, 3), "price": np.arange(months) % 5})


@pytest.mark.parametrize(("target", "ids"), [("all", ["A", "B", "C"]), ("A,B", ["A", "B"]), ("C,A", ["A", "C"])])
def test_wide_file_makes_each_target_column_a_series(tmp_path: Path, target: str, ids: list[str]) -> None:
    done, out, metrics = fit(tmp_path, wide_frame(), "--target", target, "--regressors", "price", "--model", "linear")
    assert done.returncode == 0, done.stderr
    report = check_many(out, metrics, ids, 48)
    assert all(entry["params"]["regressors"] == ["price"] for entry in report["series"])
    assert [entry["target"] for entry in report["series"]] == ids


def test_unusable_series_are_reported_and_the_others_fit(tmp_path: Path) -> None:
    frame = long_frame(["good1", "short", "good2"])
    frame = frame[(frame["store"] != "short") | (frame.index % 40 < 3)].copy()  # 'short' keeps 3 rows
    blank = long_frame(["blank"]).assign(sales=np.nan)
    done, out, metrics = fit(tmp_path, pd.concat([frame, blank], ignore_index=True), "--id-col", "store")
    assert done.returncode == 0, done.stderr
    report = json.loads(metrics.read_text())
    errors = {entry["unique_id"]: entry.get("error") for entry in report["series"]}
    assert errors["good1"] is None and errors["good2"] is None
    assert "3 usable rows" in errors["short"] and errors["blank"] == (  # not "choose a column": the column has values
        "This series has no values in 'sales' (every row is blank): fill them in, or leave the series out of the file.")
    assert report["summary"]["series"] == 4 and report["summary"]["failed"] == 2
    assert list(dict.fromkeys(pd.read_csv(out)["unique_id"])) == ["good1", "good2"]
    assert "skipped 'short'" in done.stdout


@pytest.mark.parametrize("given", [True, False])
def test_a_series_written_in_text_is_skipped_by_name_wherever_it_sits_in_the_file(tmp_path: Path, given: bool) -> None:
    # 'abc' in each of its 210 rows, first in the file: 'sales' was not numeric for the whole file (47% of its cells),
    # the run refused with exit 2; last in the file, the same series was skipped, named, and the others fitted.
    text = pd.DataFrame({"month": stamps(210), "store": "west", "sales": "abc"})
    frame = pd.concat([text, long_frame(["a", "b", "c", "d", "e", "f"])], ignore_index=True)
    done, out, metrics = fit(tmp_path, frame, "--model", "snaive", *(("--id-col", "store") if given else ()))
    assert done.returncode == 0, done.stderr
    errors = {entry["unique_id"]: entry.get("error") for entry in json.loads(metrics.read_text())["series"]}
    assert errors.pop("west").startswith("Column 'sales' is not numeric: 100% of its cells are not numbers ('abc')")
    assert list(errors) == ["a", "b", "c", "d", "e", "f"] and not any(errors.values())
    assert "skipped 'west'" in done.stdout
    half = pd.concat([text.assign(store="west"), text.assign(store="east").iloc[:40], long_frame(["a"], 210)])
    done, out, metrics = fit(tmp_path, half, "--model", "snaive", *(("--id-col", "store") if given else ()))
    assert done.returncode == 0, done.stderr  # two stores of three in text, most of the column: 'holds text'
    assert "skipped 'west'" in done.stdout and "skipped 'east'" in done.stdout
    one = tmp_path / "one.csv"  # a file of one series whose values are text keeps its refusal
    words = [a + b + c for a in "abcdef" for b in "abcdef" for c in "abcdef"]  # no word often enough to be a marker
    text.drop(columns="store").assign(sales=[words[k // 5] if k % 5 == 0 else "1.5" for k in range(210)]).to_csv(
        one, index=False)
    refused = cli("fit", str(one), "--model", "snaive")
    assert refused.returncode == 2 and "Column 'sales' is not numeric: 20%" in refused.stderr


def test_rows_exported_twice_do_not_hide_the_id_column(tmp_path: Path) -> None:
    # One row per store written twice (3 of 123 rows, over the 2% of stray repeats an id may leave): the stores were
    # averaged into one series, silently but for "repeated time stamps were combined by their mean".
    frame = long_frame(["red", "green", "blue"], months=40)
    frame = pd.concat([frame, frame.iloc[[5, 45, 85]]], ignore_index=True)
    done, out, metrics = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 0, done.stderr
    check_many(out, metrics, ["red", "green", "blue"], 40)
    predictions = pd.read_csv(out)
    assert predictions.loc[predictions["unique_id"] == "green", "actual"].tolist() == frame["sales"].iloc[40:80].tolist()


def test_two_stores_selling_alike_are_summed_by_product_not_dropped_as_copies(tmp_path: Path) -> None:
    # By sku alone, two stores' rows of a day with the same quantity were "copies" (the store column was not looked at):
    # 36 of 180 daily totals were short. Rows alike in every column of the file are still copies.
    rng = np.random.default_rng(0)
    days = pd.date_range("2022-01-01", periods=30, freq="D").strftime("%Y-%m-%d")
    rows = pd.DataFrame([(store, sku, day, int(rng.integers(1, 4))) for store in ("north", "south")
                         for sku in ("00123", "00456") for day in days], columns=["store", "sku", "date", "qty"])
    totals = rows.groupby(["sku", "date"])["qty"].sum()
    exported_twice = pd.concat([rows, rows.iloc[[3]]], ignore_index=True)
    done, out, _ = fit(tmp_path, exported_twice, "--id-col", "sku", "--duplicates", "sum", "--model", "naive")
    assert done.returncode == 0, done.stderr
    predictions = pd.read_csv(out, dtype={"unique_id": str})
    for sku in ("00123", "00456"):
        got = predictions[predictions["unique_id"] == sku].set_index("ds")["actual"]
        assert got.tolist() == totals[sku].astype(float).tolist(), sku
    assert "'00123': 1 row that repeated another row in every column was dropped" in done.stderr, done.stderr


@pytest.mark.parametrize("odd", ["ONLINE", "unknown"])
def test_numbered_stores_and_one_named_otherwise_are_each_a_series(odd: str, tmp_path: Path) -> None:
    # Store numbers read as numbers with one unreadable cell were taken for a measure: the 31 stores became one
    # series of their mean, said only as "600 repeated time stamps were combined by their mean".
    stores = [str(100 + k) for k in range(30)] + [odd]
    frame = pd.concat([long_frame([store], months=24).assign(sales=lambda f, k=k: f["sales"] + 10 * k)
                       for k, store in enumerate(stores)], ignore_index=True)
    done, out, metrics = fit(tmp_path, frame, "--model", "naive")
    assert done.returncode == 0, done.stderr
    check_many(out, metrics, stores, 24)


@pytest.mark.parametrize("price", [lambda p: f"{p},00", lambda p: str(p)])
def test_whole_prices_with_a_decimal_mark_or_a_dash_are_measures_not_the_id(price, tmp_path: Path) -> None:
    # Prices written 19,00 (or whole, with '-' for one missing) were taken for the id over the article numbers: each
    # price change started a series. Units with one '-' split two stores into 141 series.
    rows = [(day, article, price(10 * k + 19 + (day.month > 1)), 5 + d % 7) for d, day in
            enumerate(pd.date_range("2024-01-01", periods=60)) for k, article in enumerate((4711, 4712, 4713))]
    frame = pd.DataFrame(rows, columns=["Datum", "Artikel", "Preis", "Menge"])
    frame.loc[7, "Preis"] = "-" if price(1) == "1" else frame.loc[7, "Preis"]
    done, _, metrics = fit(tmp_path, frame, "--model", "naive", "--target", "Menge")
    assert done.returncode == 0, done.stderr
    assert json.loads(metrics.read_text())["summary"]["id_cols"] == ["Artikel"]
    units = pd.DataFrame([(day, store, "-" if (d, store) == (9, 101) else d % 150) for d, day in
                          enumerate(pd.date_range("2023-01-01", periods=150)) for store in (101, 102)],
                         columns=["date", "store", "units"])
    done, _, metrics = fit(tmp_path, units, "--model", "naive")
    assert done.returncode == 0, done.stderr
    assert json.loads(metrics.read_text())["summary"]["series"] == 2


@pytest.mark.parametrize("marker", ["-", "?", "(D)"])
def test_store_numbers_with_a_missing_marker_stay_the_id(marker: str, tmp_path: Path) -> None:
    # A measure was a column of whole numbers whose only word is a marker: 30 stores with one '-' became one series.
    stores = [str(101 + k) for k in range(30)]
    frame = pd.concat([long_frame([store], months=12).assign(sales=lambda f, k=k: f["sales"] + 10 * k)
                       for k, store in enumerate(stores)], ignore_index=True)
    frame.loc[5, "store"] = marker
    done, _, metrics = fit(tmp_path, frame, "--model", "naive")
    assert done.returncode == 0, done.stderr
    summary = json.loads(metrics.read_text())["summary"]
    assert summary["id_cols"] == ["store"] and summary["series"] == 31


def test_a_record_exported_twice_under_two_row_numbers_is_a_copy(tmp_path: Path) -> None:
    frame = pd.DataFrame({"date": list(pd.date_range("2024-01-01", periods=20).strftime("%Y-%m-%d")) * 2,
                          "store": ["A"] * 20 + ["B"] * 20, "sales": [10.0 + k % 20 for k in range(40)]})
    frame = pd.concat([frame, frame.iloc[[3]]], ignore_index=True)  # to_csv with its index: numbered 0 ... 40
    source, out = tmp_path / "in.csv", tmp_path / "p.csv"
    frame.to_csv(source)
    done = cli("fit", str(source), "--id-col", "store", "--duplicates", "sum", "--model", "naive", "--out", str(out))
    assert done.returncode == 0, done.stderr
    written = pd.read_csv(out)
    assert written.loc[(written["unique_id"] == "A") & (written["ds"] == "2024-01-04"), "actual"].tolist() == [13.0]
    assert done.stdout.startswith("naive: 2 series of 'sales', 0 failed;")  # what was forecast (a route's 'Stops')


def test_seasonal_naive_scores_one_against_itself_where_values_were_filled(tmp_path: Path) -> None:
    # The baseline was scored on the filled test rows, the model without them: seasonal naive scored 1.04 against itself.
    frame = long_frame(["A", "B"], months=40)
    frame.loc[[33, 35, 37], "sales"] = np.nan
    done, _, metrics = fit(tmp_path, frame, "--model", "snaive")
    assert done.returncode == 0, done.stderr
    assert json.loads(metrics.read_text())["summary"]["test_mae_vs_snaive_geomean"] == pytest.approx(1.0)


def test_a_file_of_series_all_too_short_says_so_not_only_4_usable_rows(tmp_path: Path) -> None:
    frame = long_frame([f"S{k:03d}" for k in range(25)], months=4)  # 100 rows, 4 months each
    done, _, _ = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "error: The file's 100 rows hold only 4 distinct time stamps; a series needs at least 8. If another column "
        "holds the dates (the one read repeats), choose it as the Date column (--date-col). If the file holds several "
        "series (one per store, say), each is too short to split and fit: load longer series.")


def test_a_measure_named_as_the_id_is_refused_with_what_to_name_instead(tmp_path: Path) -> None:
    frame = long_frame(["north", "south"]).assign(price=lambda f: 3.5 + 0.01 * f.index)  # nearly every value its own
    done, _, _ = fit(tmp_path, frame, "--id-col", "price", "--model", "linear")  # each row a series of its own
    assert done.returncode == 2 and done.stderr.strip() == (
        "error: Column 'price' holds measured values (for example 3.5), not series ids: name the column that tells "
        "the series apart (a store, a product) with --id-col, or leave --id-col out to detect it.")


def test_a_whole_number_measure_named_as_the_id_is_refused_too(tmp_path: Path) -> None:
    # A wide file's value column 10, 11, 12, ... named as the id: "None of the 48 series could be fitted; the first,
    # '10.0': Only 1 usable row".
    wide = pd.DataFrame({"month": pd.date_range("2020-01-01", periods=48, freq="MS"), "a": 10 + np.arange(48),
                         "b": 100 - np.arange(48)})
    done, _, _ = fit(tmp_path, wide, "--id-col", "a", "--model", "linear")
    assert done.returncode == 2 and done.stderr.strip().startswith(
        "error: Column 'a' holds a different number in every row (48 rows), so each row would be a series of one "
        "value: it is a measure, not series ids.")
    numbered = long_frame(["north", "south"]).assign(store=lambda f: f["store"].map({"north": 7, "south": 9}))
    assert fit(tmp_path, numbered, "--id-col", "store", "--model", "snaive")[0].returncode == 0  # store numbers repeat


def test_an_id_whose_series_repeat_their_stamps_names_the_column_that_tells_the_rows_apart(tmp_path: Path) -> None:
    frame = pd.concat([long_frame(["a", "b"]).assign(region="north", product=lambda f: f["store"]),
                       long_frame(["c", "d"]).assign(region="south", product=lambda f: f["store"])], ignore_index=True)
    frame = frame.drop(columns="store")
    done, _, _ = fit(tmp_path, frame, "--id-col", "region", "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert ("note: The time stamps repeat within each series of 'region' (80 rows), so each series is the mean of its "
            "rows at a time; 'product' tells those rows apart: --id-col region,product makes one series of each."
            ) in done.stderr, done.stderr
    summed, _, _ = fit(tmp_path, frame, "--id-col", "region", "--model", "linear", "--duplicates", "sum")
    assert "so each series is the sum of its rows at a time" in summed.stderr, summed.stderr  # it said mean
    done, _, _ = fit(tmp_path, frame, "--id-col", "region,product", "--model", "linear")
    assert done.returncode == 0 and "tells those rows apart" not in done.stderr


def test_decimal_codes_as_ids_and_a_short_single_series_keep_their_own_handling(tmp_path: Path) -> None:
    codes = pd.concat([long_frame([code], months=30).rename(columns={"store": "nace"}) for code in ("10.1", "10.2", "11.1")],
                      ignore_index=True)
    done, out, _ = fit(tmp_path, codes, "--id-col", "nace", "--model", "linear")  # codes repeat: ids, not measures
    assert done.returncode == 0, done.stderr
    assert list(dict.fromkeys(pd.read_csv(out, dtype={"unique_id": str})["unique_id"])) == ["10.1", "10.2", "11.1"]
    template = pd.DataFrame({"month": stamps(20), "sales": [float(i) if i < 5 else np.nan for i in range(20)]})
    done, _, _ = fit(tmp_path, template, "--model", "linear")  # 15 blank rows, no repeated stamp
    assert done.stderr.strip() == "error: Only 5 usable rows: a series needs at least 8 rows to split and fit."


def test_target_all_says_which_columns_are_blank_in_every_row(tmp_path: Path) -> None:
    done, out, _ = fit(tmp_path, wide_frame().drop(columns="price").assign(D=np.nan), "--target", "all",
                       "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert "note: 'D' is blank in every row: no series there." in done.stderr  # it vanished without a word
    assert list(dict.fromkeys(pd.read_csv(out)["unique_id"])) == ["A", "B", "C"]


def test_a_text_regressor_of_a_long_file_is_not_offered_the_detected_numeric_id_instead(tmp_path: Path) -> None:
    frame = long_frame(["101", "102", "103"]).assign(region="north", price=3.5)  # store numbers: a numeric id
    done, _, _ = fit(tmp_path, frame, "--model", "linear", "--regressors", "region")
    assert done.returncode == 2
    assert done.stderr.strip() == "error: Regressor 'region' is not a numeric column: choose from 'price'."


def test_a_column_named_both_target_and_regressor_is_one_argument_error(tmp_path: Path) -> None:
    done, _, _ = fit(tmp_path, wide_frame().assign(promo=1.0), "--target", "A,promo", "--regressors", "promo")
    assert done.returncode == 2 and done.stderr.strip() == (
        "error: Column 'promo' cannot be both a target and a regressor: leave it out of --target or of --regressors.")


def test_no_usable_series_exits_2_with_one_line(tmp_path: Path) -> None:
    frame = long_frame(["a", "b"])
    frame = frame[(frame.index % 40 < 4) & (frame["store"] == "a") | (frame.index % 40 >= 36) & (frame["store"] == "b")]
    done, out, _ = fit(tmp_path, frame, "--id-col", "store")  # 4 rows each, 8 dates in the file
    assert done.returncode == 2 and not out.exists()
    assert len(done.stderr.strip().splitlines()) == 1 and "None of the 2 series" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_long_file_of_one_series_keeps_the_single_series_layout(tmp_path: Path) -> None:
    done, out, metrics = fit(tmp_path, long_frame(["only"]), "--id-col", "store", "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert list(pd.read_csv(out).columns[:4]) == SINGLE_COLUMNS
    assert json.loads(metrics.read_text())["model"] == "linear"


def test_more_series_than_the_limit_exit_2_naming_it(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    long_frame(["a", "b", "c"]).to_csv(source, index=False)
    done = cli("fit", str(source), env={"TSR_MAX_SERIES": "2"})
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "TSR_MAX_SERIES" in done.stderr and "3 series" in done.stderr


ENGINE_ARGS = ["--model", "ar", "--horizon", "4", "--seed", "5"]


def fit_five(folder: Path, *args: str) -> tuple[bytes, list[object], dict[str, object]]:
    """Five series fitted with ``args``: the predictions' bytes, each series' metrics, the summary."""
    source, out, metrics = folder / "in.csv", folder / "p.csv", folder / "m.json"
    if not source.exists():
        long_frame(["a", "b", "c", "d", "e"], months=36).to_csv(source, index=False)
    done = cli("fit", str(source), *ENGINE_ARGS, *args, "--out", str(out), "--json", str(metrics))
    assert done.returncode == 0, done.stderr
    report = json.loads(metrics.read_text())
    series = [(entry["unique_id"], entry["test"], entry["params"]) for entry in report["series"]]
    return out.read_bytes(), series, report["summary"]


@pytest.fixture(scope="module")
def one_job(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list[object], dict[str, object]]:
    return fit_five(tmp_path_factory.mktemp("one_job"), "--jobs", "1")


@pytest.mark.parametrize("engine", [
    ["--jobs", "2"],
    pytest.param(["--jobs", "2", "--engine", "dask"], marks=pytest.mark.skipif(not HAS_DASK, reason="no dask")),
])
def test_the_same_numbers_whatever_the_engine_and_the_number_of_jobs(
        tmp_path: Path, engine: list[str], one_job: tuple[bytes, list[object], dict[str, object]]) -> None:
    predictions, series, summary = fit_five(tmp_path, *engine)
    assert predictions == one_job[0] and series == one_job[1]
    assert one_job[2]["workers"] == 1 and summary["workers"] == 2
    assert summary["engine"] == ("dask" if "dask" in engine else "local")


def table(**columns: list[object]) -> pd.DataFrame:
    return pd.DataFrame(columns)


@pytest.mark.parametrize(("frame", "expected"), [
    # one series: the time column never repeats, so nothing is an id however its values repeat
    (table(month=["2020-01", "2020-02", "2020-03", "2020-04"], flag=["a", "a", "b", "b"], y=[1, 2, 3, 4]), ()),
    # text id
    (table(month=["2020-01", "2020-02"] * 2, store=["n", "n", "s", "s"], y=[1.0, 2, 3, 4]), ("store",)),
    # integer id; a float measure that repeats is never one
    (table(month=["2020-01", "2020-02"] * 2, shop=[7, 7, 9, 9], y=[1.5, 1.5, 2.5, 2.5]), ("shop",)),
    # a column shared by the series at each date (a holiday flag) does not separate them
    (table(month=["2020-01", "2020-02"] * 2, promo=[0, 1, 0, 1], store=["n", "n", "s", "s"], y=[1.0, 2, 3, 4]),
     ("store",)),
    # no single column separates the four series: the pair does, in the file's order
    (table(month=["2020-01", "2020-02"] * 4, store=list("AAAABBBB"), sku=list("xxyyxxyy"), y=list(range(8))),
     ("store", "sku")),
    # values that never repeat are not an id
    (table(month=["2020-01", "2020-01", "2020-02", "2020-02"], code=["p", "q", "r", "s"], y=[1.0, 2, 3, 4]), ()),
    # a code blank for some series (Our World in Data's regions) loses them: the complete name is the id
    (table(month=["2020-01", "2020-02"] * 3, entity=list("AABBCC"), code=["a", "a", "b", "b", None, None],
           y=list(range(6))), ("entity",)),
])
def test_id_detection(frame: pd.DataFrame, expected: tuple[str, ...]) -> None:
    assert detect_id_columns(frame, "month", exclude=("y",)) == expected


def stores_by_month(rows: int = 48) -> pd.DataFrame:
    months = pd.date_range("2000-01-01", periods=rows, freq="MS").strftime("%Y-%m-%d").tolist()
    return table(month=months * 3, store=["n"] * rows + ["s"] * rows + ["e"] * rows, y=list(range(3 * rows)))


def test_a_stray_duplicated_row_or_blank_ids_do_not_hide_the_id() -> None:
    # detection failed and every store was averaged into one series, with only a note about repeated stamps
    frame = stores_by_month()
    duplicated = pd.concat([frame, frame.iloc[[5, 60]]], ignore_index=True)
    assert detect_id_columns(duplicated, "month", exclude=("y",)) == ("store",)
    blanks = frame.assign(store=frame["store"].where(~frame.index.isin([10, 58]), None))  # same month, no id
    assert detect_id_columns(blanks, "month", exclude=("y",)) == ("store",)
    many = pd.concat([frame, frame.iloc[:40].assign(y=lambda f: f["y"] + 1)], ignore_index=True)
    assert detect_id_columns(many, "month", exclude=("y",)) == ()  # 40 of 184 repeat with other values: not an id
    exported_twice = pd.concat([frame, frame.iloc[:40]], ignore_index=True)  # alike in every column: count once
    assert detect_id_columns(exported_twice, "month", exclude=("y",)) == ("store",)
    small = stores_by_month(24).iloc[:48]  # two stores, 24 months each
    revised = pd.concat([small, small.iloc[[30]].assign(y=lambda f: f["y"] + 1)], ignore_index=True)
    assert detect_id_columns(revised, "month", exclude=("y",)) == ("store",)  # 1 of 49 rows: the file was one series


def test_blank_stamps_or_values_on_first_lines_only_make_no_series_and_cohorts_named_by_dates_do() -> None:
    # A Shopify export: line items below their order with its Paid at blank; the CLI took Created at, then a payment
    # reference on each order's first line, for an id, and failed 400 series of one row each.
    orders = table(paid=["2024-01-01 10:00", None, "2024-01-01 14:00", None, "2024-01-02 09:00", None],
                   created=["2024-01-01 10:00"] * 2 + ["2024-01-01 14:00"] * 2 + ["2024-01-02 09:00"] * 2,
                   ref=["a", None, "b", None, "c", None], y=[1.0, 2, 3, 4, 5, 6])
    assert detect_id_columns(orders, "paid", exclude=("y",)) == ()
    cohorts = table(month=["2020-02", "2020-03"] * 2, cohort=["2020-01"] * 2 + ["2020-02"] * 2, y=[1.0, 2, 3, 4])
    assert detect_id_columns(cohorts, "month", exclude=("y",)) == ("cohort",)  # a cohort is a series named by a date


def test_no_time_column_means_no_detected_id() -> None:
    assert detect_id_columns(table(store=["a", "a", "b", "b"], y=[1, 2, 3, 4]), None) == ()


def test_series_ids_join_columns_and_write_whole_numbers_plainly() -> None:
    frame = table(store=["A", "B", None], shop=[1.0, 2.0, 3.0])
    assert series_ids(frame, ("store", "shop")).tolist()[:2] == [f"A{ID_JOINER}1", f"B{ID_JOINER}2"]
    assert pd.isna(series_ids(frame, ("store", "shop")).iloc[2])


@pytest.mark.parametrize(("id_col", "comment", "words"), [
    ("#Passengers", False, "The id column '#Passengers' holds the values to forecast"),
    ("#Passengers", True, "The id column '#Passengers' holds the values to forecast"),  # not "holds text"
    ("Month", False, "Column 'Month' holds the dates: it cannot be the series id"),
])
def test_an_id_column_that_is_the_values_or_the_dates_is_one_clear_line(
        tmp_path: Path, id_col: str, comment: bool, words: str) -> None:
    air = pd.read_csv(ROOT / "data" / "AirPassengers.csv")
    source = tmp_path / "air.csv"
    air.assign(**({"comment": ["ok", "promo"] * 72} if comment else {})).to_csv(source, index=False)
    done = subprocess.run([sys.executable, "-m", "core", "fit", str(source), "--id-col", id_col],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and words in done.stderr and len(done.stderr.strip().splitlines()) == 1


def _series_kinds() -> pd.DataFrame:
    """A long file whose series take each way through loading: clean monthly, clean daily with a missing day,
    whole-number counts, constant, and (not clean) a blank value, rows out of order and a repeated stamp."""
    days = [f"2020-01-{day:02d}" for day in range(1, 32) if day != 9]
    parts = {"clean": pd.DataFrame({"when": stamps(30), "value": monthly(30, 50, 1)}),
             "daily gap": pd.DataFrame({"when": days, "value": np.arange(len(days)) * 1.5}),
             "counts": pd.DataFrame({"when": stamps(20), "value": np.arange(20) % 7}),
             "constant": pd.DataFrame({"when": stamps(12), "value": 4.0})}
    blank = pd.DataFrame({"when": stamps(20), "value": monthly(20, 10, 2)})
    blank.loc[5, "value"] = np.nan
    unsorted = pd.DataFrame({"when": stamps(20)[::-1], "value": monthly(20, 10, 3)})
    repeated = pd.DataFrame({"when": stamps(20) + stamps(20)[-1:], "value": monthly(21, 10, 4)})
    parts.update({"blank": blank, "unsorted": unsorted, "repeated": repeated})
    return pd.concat([part.assign(item=name) for name, part in parts.items()], ignore_index=True)


def test_a_clean_series_is_read_as_the_single_series_rules_read_it(tmp_path: Path) -> None:
    from core.data.tidy import LoadOptions, tidy_clean, tidy_table
    from core.panel.split import plan_layout, read_raw, split_series
    source = tmp_path / "kinds.csv"
    _series_kinds().to_csv(source, index=False)
    raw, exact = read_raw(source)
    tasks, _ = split_series(raw, plan_layout(raw, LoadOptions(), "item", None, exact=exact))
    clean = {}
    for task in tasks:
        fast, full = tidy_clean(task.cells, task.options, task.attrs), tidy_table(task.raw, task.options)
        clean[task.unique_id] = fast is not None
        loaded = task.load()
        pd.testing.assert_frame_equal(loaded.frame, full.frame)
        ended = [notice for notice in loaded.report.notices if notice.key == "notice.series_ends_early"]  # the file's
        loaded.report.notices = [notice for notice in loaded.report.notices if notice not in ended]  # end: no series'
        assert loaded.report == full.report and loaded.frequency == full.frequency
        if fast is not None:
            for name in ("date_col", "target", "regressors", "columns", "numeric_columns", "future", "options"):
                assert getattr(fast, name) == getattr(full, name), name
    # a gap goes to the full reader, which says what the models do across it (the calendar, clock changes)
    assert clean == {"clean": True, "daily gap": False, "counts": True, "constant": True, "blank": False,
                     "unsorted": False, "repeated": False}
    by_id = {task.unique_id: task.load() for task in tasks}
    assert by_id["daily gap"].report.gaps == 1 and by_id["constant"].report.notices[0].key == "notice.constant_target"


def test_stamps_with_a_time_zone_or_a_table_with_more_columns_are_left_to_the_full_reader() -> None:
    from core.data.tidy import LoadOptions, tidy_clean
    options = LoadOptions(date_col="ds", target="y")
    zoned = pd.date_range("2024-01-01", periods=10, freq="h", tz="Europe/Berlin").array
    values = np.arange(10.0)
    assert tidy_clean({"ds": zoned, "y": values}, options, {}) is None
    naive = pd.date_range("2024-01-01", periods=10, freq="h").array
    assert tidy_clean({"ds": naive, "y": values}, options, {}) is not None
    assert tidy_clean({"ds": naive, "y": values, "x": values}, options, {}) is None
    assert tidy_clean({"ds": naive, "y": values}, options, {"point_thousands": True}) is None
    assert tidy_clean({"ds": naive, "y": np.append(values[:-1], np.inf)}, options, {}) is None
    jittered = (pd.DatetimeIndex(naive) + pd.to_timedelta(np.arange(10) % 3 * 90, unit="s")).array
    assert tidy_clean({"ds": jittered, "y": values}, options, {}) is None  # the full reader says they are uneven


def test_what_the_clean_reader_cannot_vouch_for_goes_to_the_full_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.data.tidy import LoadOptions, tidy_clean, tidy_table
    from core.panel.split import SeriesTask
    naive = pd.date_range("2024-01-01", periods=10, freq="D").array
    values = np.arange(10.0)
    assert tidy_clean({"ds": naive, "y": values}, LoadOptions(date_col="ds", target="y", missing="guess"), {}) is None
    assert tidy_clean({"Unnamed: 0": naive, "y": values}, LoadOptions(date_col="Unnamed: 0", target="y"), {}) is None
    # Stamps beyond nanoseconds (a yearly series from 1500, with a gap) read as the full reader reads them.
    years = [1500, 1510, 1520, 1530, 1545, 1550, 1560, 1570, 1580, 1590]
    old = pd.array(np.array([f"{year}-01-01" for year in years], dtype="datetime64[us]"))
    task = SeriesTask("old", {"year": old, "y": values}, LoadOptions(date_col="year", target="y"))
    loaded, full = task.load(), tidy_table(task.raw, task.options)
    pd.testing.assert_frame_equal(loaded.frame, full.frame)
    assert loaded.frequency == full.frequency and loaded.report == full.report
    # pandas raising inside the clean reader: tidy_table reads the series (and says a file problem as one).
    def raising(*args: object) -> None:
        raise ValueError("Out of bounds nanosecond timestamp")

    monkeypatch.setattr("core.panel.split.tidy_clean", raising)
    assert task.load().report == full.report


@pytest.mark.parametrize(("frame", "id_text", "target_text", "ids"), [
    (pd.DataFrame({"A": np.arange(24.0), "B": np.arange(24.0) * 2}), None, "all", ["A", "B"]),
    (pd.DataFrame({"region": ["north"] * 24 + ["south"] * 24, "sales": np.arange(48.0)}), "region", None,
     ["north", "south"]),
])
def test_an_unnamed_column_of_dates_is_the_time_column_of_many_series(tmp_path: Path, frame: pd.DataFrame,
                                                                      id_text: str | None, target_text: str | None,
                                                                      ids: list[str]) -> None:
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout, read_raw, split_series
    months = pd.date_range("2021-01-01", periods=24, freq="MS")
    frame.index = np.tile(months, len(frame) // 24)  # pandas' to_csv writes the date index under a blank name
    source = tmp_path / "indexed.csv"
    frame.to_csv(source)
    raw, exact = read_raw(source)
    tasks, _ = split_series(raw, plan_layout(raw, LoadOptions(), id_text, target_text, exact=exact))
    loaded = {task.unique_id: task.load() for task in tasks}
    assert sorted(loaded) == ids
    assert all(series.date_col == "date" and series.frequency.name == "monthly" for series in loaded.values())


def test_a_note_every_series_shares_is_said_once_as_each_ones(tmp_path: Path) -> None:
    frame = long_frame(["x", "y"], months=36, id_col="store")
    frame.loc[[5, 41], "sales"] = np.nan  # one blank value in each store
    done, _, _ = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert "note: every series: 1 row with missing values was filled (interpolate)." in done.stderr, done.stderr
    short = pd.DataFrame({"month": stamps(4), "store": "z", "sales": [1.0, 2.0, 3.0, 4.0]})  # too short: skipped
    done, _, _ = fit(tmp_path, pd.concat([frame, short], ignore_index=True), "--model", "linear")
    assert "note: every fitted series: 1 row with missing values was filled (interpolate)." in done.stderr, done.stderr


def test_future_regressor_rows_of_many_series_without_a_horizon_are_said(tmp_path: Path) -> None:
    frame = long_frame(["x", "y"], months=30, id_col="store")
    frame["promo"] = np.tile(np.arange(30) % 2, 2)
    frame.loc[frame.groupby("store").cumcount() >= 24, "sales"] = np.nan  # six months of promo plans, no sales yet
    done, _, _ = fit(tmp_path, frame, "--model", "linear", "--regressors", "promo")
    assert done.returncode == 0, done.stderr
    # "up to": a series may have fewer (it said every series had them all, and the --horizon it named failed those)
    assert ("note: The file gives the regressors' future values for up to 6 steps past the end of its series; none "
            "was forecast: --horizon N forecasts N steps of each series that has them.") in done.stderr, done.stderr


def test_a_total_row_below_a_long_file_is_left_out_not_a_series(tmp_path: Path) -> None:
    frame = long_frame(["x", "y"], months=24, id_col="store")
    total = pd.DataFrame({"month": [None], "store": ["Total"], "sales": [frame["sales"].sum()]})
    done, out, _ = fit(tmp_path, pd.concat([frame, total], ignore_index=True), "--model", "linear")
    assert done.returncode == 0, done.stderr
    assert "2 series of 'sales', 0 failed" in done.stdout and "skipped" not in done.stdout
    assert "note: 1 row summing up or annotating the table (Total) was left out." in done.stderr, done.stderr
    assert set(pd.read_csv(out)["unique_id"]) == {"x", "y"}


def test_a_long_file_whose_header_names_are_padded_is_read_by_its_series() -> None:
    # BLS's LABSTAT flat files pad their header ('series_id      ', '       value'): an internal error (KeyError)
    from core.data.read import read_table
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout

    rows = "".join(f"{sid:<30}\t{2014 + m // 12}\tM{m % 12 + 1:02d}\t{100 + m + k:>12.3f}\t\n"
                   for k, sid in enumerate(("CUSR0000SA0", "CUSR0000SAF1")) for m in range(48))
    text = "series_id                     \tyear\tperiod\t       value\tfootnote_codes\n" + rows
    raw = read_table(text.encode(), "cu.data.0.Current")
    layout = plan_layout(raw, LoadOptions(), None, None)
    assert layout.id_cols == ("series_id",) and layout.probe.target == "value"


def test_a_rate_named_by_its_series_id_or_a_label_column_may_go_below_zero_as_a_level_may_not() -> None:
    # WDI's 'value' of 'Inflation, consumer prices (annual %)' had its band stopped at 0, as a count's
    from core.data.tidy import TARGET_SIGNED, LoadOptions, load_series
    from core.panel.split import plan_layout, split_series

    years = range(1995, 2025)
    text = "Country Name,Series Name,Year,value\n" + "".join(
        f'Germany,"{name}",{year},{level - 0.2 * k:.2f}\n' for name, level in (
            ("Inflation, consumer prices (annual %)", 7.5), ("Population, total (millions)", 90.0))
        for k, year in enumerate(years))
    from core.data.read import read_table

    raw = read_table(text.encode(), "wdi.csv")
    tasks, _ = split_series(raw, plan_layout(raw, LoadOptions(), None, None))
    signed = {task.unique_id: bool(task.load().frame.attrs.get(TARGET_SIGNED)) for task in tasks}
    assert signed == {"Inflation, consumer prices (annual %)": True, "Population, total (millions)": False}
    for team in ("Growth", "Mom & Baby", "Temperature Probe TP-100"):  # the tenth review: a team, a department
        named = f"Year,Team,Leads\n" + "".join(f"{year},{team},{31 - k}\n" for k, year in enumerate(years))  # and a
        assert not load_series(named.encode(), "leads.csv").frame.attrs.get(TARGET_SIGNED), team  # product's names
    labelled = "Year,Indicator,value\n" + "".join(f"{year},Growth rate over 1 year,{3 - 0.1 * k:.2f}\n"
                                                  for k, year in enumerate(years))
    assert load_series(labelled.encode(), "oecd.csv").frame.attrs.get(TARGET_SIGNED)


def test_a_measure_named_as_time_that_repeats_makes_no_steps_of_series() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout

    rng = np.random.default_rng(0)  # a response time in whole milliseconds beside an error count: one series
    raw = pd.DataFrame({"Response time": rng.normal(300, 20, 40).astype(int), "errors": np.arange(40) % 7})
    layout = plan_layout(raw, LoadOptions(), None, None)
    assert layout.id_cols == () and layout.probe.date_col is None  # "The id column 'errors' holds the values"


def test_a_column_named_with_a_comma_is_listed_among_others_quoted_as_a_csv_writes_it() -> None:
    from core.panel.split import _column_list

    columns = ["month", "Sales, EUR", "Sales, USD", "A"]
    assert _column_list('A,"Sales, EUR"', columns, "target") == ("A", "Sales, EUR")  # split into A, "Sales, EUR"
    assert _column_list("Sales, USD", columns, "target") == ("Sales, USD",)  # alone: taken whole, as before
    with pytest.raises(DataError, match="no column 'Sales'"):
        _column_list("A,Sales", columns, "target")


def test_a_target_named_without_its_unit_is_answered_with_the_columns_that_hold_the_name() -> None:
    # Steam's 'Net Steam Sales' for 'Net Steam Sales (USD)': the list of columns, cut at 12, left it out
    from core.data.tidy import LoadOptions, load_series
    from core.panel.split import _column_list

    columns = [f"Column {k}" for k in range(14)] + ["Net Steam Sales (USD)"]
    with pytest.raises(DataError, match=r"did you mean 'Net Steam Sales \(USD\)'\?"):
        _column_list("Net Steam Sales", columns, "target")
    text = "Date," + ",".join(columns) + "\n" + "".join(f"2024-01-{d:02d}," + ",".join(["1"] * 15) + "\n"
                                                      for d in range(1, 21))
    with pytest.raises(DataError, match="did you mean") as close:
        load_series(text.encode(), "steam.csv", LoadOptions(target="net steam sales"))
    assert close.value.key == "err.no_target_column_close"


def test_a_long_file_of_short_series_with_one_stamp_unrepeated_says_its_stamps_are_few(tmp_path: Path) -> None:
    # The stamps that repeat (4 of 5) were compared with the rows left (5): "Only 5 usable rows" described 13 rows.
    days = [f"2024-01-0{d}" for d in range(1, 6)]
    frame = pd.DataFrame([(day, store, 10.0 + k) for k, (store, day) in enumerate(
        (store, day) for store in "abc" for day in days if store == "a" or day != days[-1])],
        columns=["date", "store", "sales"])
    done, _, _ = fit(tmp_path, frame, "--model", "linear")
    assert done.returncode == 2 and "The file's 13 rows hold only 5 distinct time stamps" in done.stderr, done.stderr


def test_rows_counted_per_day_make_one_series_per_store(tmp_path: Path) -> None:
    # Counting the rows of a log with a store column as the series id stopped on an internal error ('rows').
    rng = np.random.default_rng(6)
    times = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 40 * 86_400, 1500)), unit="s")
    log = pd.DataFrame({"time": times.strftime("%Y-%m-%d %H:%M:%S"), "store": rng.choice(["north", "south"], 1500),
                        "amount": rng.uniform(5, 50, 1500).round(2)})
    done, out, _ = fit(tmp_path, log, "--model", "naive", "--duplicates", "count", "--per", "day", "--id-col", "store")
    assert done.returncode == 0, done.stderr
    counted = pd.read_csv(out).set_index(["unique_id", "ds"])["actual"]
    expected = log.groupby(["store", pd.to_datetime(log["time"]).dt.strftime("%Y-%m-%d")]).size()
    assert counted.loc[expected.index].tolist() == expected.tolist()


def test_series_written_with_a_unit_are_not_named_as_written_in_text() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.choice import PanelChoice, read_panel

    frame = long_frame(["north", "south"]).assign(sales=lambda table: [f"{value:.0f} kg" for value in table["sales"]])
    panel = read_panel(frame.to_csv(index=False).encode(), "kg.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.ids == ["north", "south"] and panel.in_text == ()
    plain = long_frame(["north", "south"])
    text = plain.assign(sales=plain["sales"].astype(object).where(plain["store"] == "south", "abc"))
    panel = read_panel(text.to_csv(index=False).encode(), "t.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.in_text == ("north",)


def test_stores_orders_with_daylight_saving_offsets_count_on_their_local_day_and_no_partial_end_ends_early() -> None:
    # Split by store, the times were read on the first row's offset: an order at 23:30 +01:00 counted on the next day.
    # And a last day left out as partial made every store's values "end before the file's last value".
    from core.data.tidy import LoadOptions
    from core.panel.choice import PanelChoice, read_panel

    days = pd.date_range("2023-10-01", "2023-11-30", freq="D", tz="Europe/Berlin")
    stamps = [day + pd.Timedelta(hours=hour) for day in days for hour in (9.5, 23.5)]
    rows = pd.DataFrame({"paid": [f"{stamp:%Y-%m-%d %H:%M:%S %z}" for stamp in stamps] * 2,
                         "store": ["north"] * len(stamps) + ["south"] * len(stamps), "total": 1.0})
    rows = pd.concat([rows, pd.DataFrame({"paid": ["2023-12-01 08:00:00 +0100"] * 2, "store": ["north", "south"],
                                          "total": 1.0})], ignore_index=True)  # one order of the last day
    panel = read_panel(rows.to_csv(index=False).encode(), "o.csv", LoadOptions(per="day", duplicates="sum"),
                       PanelChoice(("store",), False))
    assert panel is not None
    north = panel.task("north").load()
    assert (north.frame["y"] == 2.0).all() and north.frame["ds"].iloc[-1] == pd.Timestamp("2023-11-30")
    assert not any(getattr(notice, "key", "") == "notice.series_ends_early" for notice in north.report.notices)


def test_an_event_logs_times_that_meet_by_chance_make_no_series_id() -> None:
    # 3 of a shop's sales met a second of the same store's: the log was split by its sales' item counts (1 to 4).
    rng = np.random.default_rng(9)
    seconds = np.sort(rng.integers(0, 200 * 86_400, 6000))
    seconds[100:103] = seconds[99]  # the same second
    log = pd.DataFrame({"timestamp": (pd.Timestamp("2024-01-01") + pd.to_timedelta(seconds, unit="s")).strftime(
        "%Y-%m-%d %H:%M:%S"), "store": rng.choice(["Berlin", "Hamburg"], 6000), "amount": rng.uniform(5, 50, 6000),
        "items": rng.integers(1, 5, 6000)})
    log.loc[100:103, "store"] = "Berlin"
    raw = pd.read_csv(io.StringIO(log.to_csv(index=False)))
    assert detect_id_columns(raw, "timestamp") == ()
    stores = pd.concat([log.assign(store="a"), log.assign(store="b")]).sort_values("timestamp")  # a long file
    assert detect_id_columns(pd.read_csv(io.StringIO(stores.to_csv(index=False))), "timestamp") == ("store",)
    days = pd.date_range("2022-01-01", periods=730, freq="D").strftime("%Y-%m-%d")
    short = pd.DataFrame({"date": [*days, *days[-7:]], "store": ["old"] * 730 + ["new"] * 7,
                          "sales": [1500.0] * 730 + [15.0] * 7})  # a store opened last week: its stamps all repeat
    assert detect_id_columns(short, "date") == ("store",)


def test_a_store_that_stopped_mid_week_still_ends_early_when_combined_per_week() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.choice import PanelChoice, read_panel

    north = pd.date_range("2023-01-02", "2024-06-30", freq="D")
    south = pd.date_range("2023-01-02", "2023-12-13", freq="D")  # stopped on a Wednesday
    rows = pd.DataFrame({"day": [*north.strftime("%Y-%m-%d"), *south.strftime("%Y-%m-%d")],
                         "store": ["north"] * len(north) + ["south"] * len(south), "sales": 10.0})
    panel = read_panel(rows.to_csv(index=False).encode(), "s.csv", LoadOptions(per="week", duplicates="sum"),
                       PanelChoice(("store",), False))
    assert panel is not None
    keys = [getattr(notice, "key", "") for notice in panel.task("south").load().report.notices]
    assert "notice.per_partial_last" in keys and "notice.series_ends_early_zeros" in keys  # weeks of 0 after it


def test_a_log_of_whole_amounts_alone_is_one_series_not_series_by_amount() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout

    rng = np.random.default_rng(3)  # donations of 100, 200, 500 ... a few a day, each amount once a day
    days = np.repeat(pd.date_range("2023-01-01", periods=150), 2)
    amounts = np.array([rng.choice([100, 200, 300, 500, 1000], 2, replace=False) for _ in range(150)]).ravel()
    raw = pd.DataFrame({"Date": days.strftime("%Y-%m-%d"), "Amount": amounts})
    layout = plan_layout(raw, LoadOptions(duplicates="sum"), None, None)  # "The id column 'Amount' holds the values"
    assert layout.id_cols == () and layout.probe.target == "Amount"
    assert layout.probe.frame["y"].sum() == amounts.sum()


def test_whole_minutes_or_kilometres_of_a_survey_name_no_series() -> None:
    from core.panel.split import detect_id_columns

    rng = np.random.default_rng(2)  # eBird's checklists: 101 series by 'DURATION MINUTES' (each under 20 rows)
    days = pd.Series(pd.date_range("2018-01-01", periods=900)).sample(1400, replace=True, random_state=2).sort_values()
    raw = pd.DataFrame({"OBSERVATION DATE": days.dt.strftime("%Y-%m-%d").to_numpy(),
                        "DURATION MINUTES": rng.integers(5, 120, 1400), "EFFORT DISTANCE KM": rng.integers(1, 9, 1400),
                        "OBSERVATION COUNT": rng.integers(1, 30, 1400)})
    raw = raw.drop_duplicates(["OBSERVATION DATE", "DURATION MINUTES"])
    assert detect_id_columns(raw, "OBSERVATION DATE", exclude=("OBSERVATION COUNT",)) == ()
    grouped = raw.assign(**{"Weight Class": rng.integers(1, 4, len(raw))})
    grouped = grouped.drop_duplicates(["OBSERVATION DATE", "Weight Class"])
    assert detect_id_columns(grouped[["OBSERVATION DATE", "Weight Class", "OBSERVATION COUNT"]], "OBSERVATION DATE",
                             exclude=("OBSERVATION COUNT",)) == ("Weight Class",)


def test_a_poll_list_is_one_series_of_its_shares_not_series_by_share_nor_its_sample_size() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout

    rng = np.random.default_rng(2)  # read as 89 series by 'approve', 'disapprove', the target 'samplesize'
    rows = []
    for k, day in enumerate(pd.date_range("2021-01-22", periods=400)):
        for pollster, size in (("Morning Consult", 1993), ("Rasmussen Reports", 1500)):
            share = int(round(50 - 6 * k / 400 + rng.normal(0, 2)))
            start = day - pd.Timedelta(days=int(rng.integers(0, 5)))
            rows.append([pollster, f"{start:%m/%d/%Y}", f"{day:%m/%d/%Y}", size, share, 100 - share - 5])
    raw = pd.DataFrame(rows, columns=["pollster", "startdate", "enddate", "samplesize", "approve", "disapprove"])
    layout = plan_layout(raw.astype(str), LoadOptions(), None, None)
    assert layout.id_cols == () and layout.probe.target == "approve"


def test_a_series_idle_at_the_files_end_counts_its_last_days_as_zero_when_summed_per_day(tmp_path: Path) -> None:
    rows = ["START_TIME,WAREHOUSE_NAME,CREDITS_USED"]  # BI_WH has no rows on the last weekend: its forecast began
    # there
    for hour in pd.date_range("2024-01-01", "2024-03-31 23:00", freq="h"):
        if hour.hour in (1, 2):
            rows.append(f"{hour:%Y-%m-%d %H:%M:%S},ETL_WH,{4 + hour.hour / 10 + hour.day % 3}")
        if hour.weekday() < 5 and 8 <= hour.hour <= 18:
            rows.append(f"{hour:%Y-%m-%d %H:%M:%S},BI_WH,{1 + (hour.hour % 4) / 4}")
    path = tmp_path / "metering.csv"
    path.write_text("\n".join(rows) + "\n")
    out = tmp_path / "out.csv"
    done = subprocess.run([sys.executable, "-m", "core", "fit", str(path), "--id-col", "WAREHOUSE_NAME", "--per",
                           "day", "--duplicates", "sum", "--model", "snaive", "--horizon", "3", "--out", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    future = pd.read_csv(out).query("split == 'future'")
    assert set(future.groupby("unique_id")["ds"].min()) == {"2024-04-01"}


def test_a_profile_by_depth_stays_series_and_a_call_logs_extension_stays_refused() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout

    days = pd.date_range("2024-01-01", periods=120).strftime("%Y-%m-%d")
    lake = pd.DataFrame([[day, depth, f"{20 - depth * 0.6 + k % 3:.2f}"] for k, day in enumerate(days)
                         for depth in (0, 2, 5, 10, 20)], columns=["Date", "Depth", "Temperature"])
    assert plan_layout(lake.astype(str), LoadOptions(), None, None).id_cols == ("Depth",)  # averaged into one
    rng = np.random.default_rng(1)
    calls = pd.DataFrame([[day, extension] for day in days[:60] for extension in rng.choice([201, 202, 203, 205, 210],
                                                                                            3, replace=False)],
                         columns=["Date", "Extension"]).astype(str)
    with pytest.raises(DataError, match="The id column 'Extension' holds the values"):  # its daily mean was forecast
        plan_layout(calls, LoadOptions(), None, None)


def test_a_year_written_once_over_its_months_and_their_total_is_monthly() -> None:
    from core.data.tidy import load_series

    rows = ["Year,Month,Total TEUs"]  # read as each year's January: 10 yearly rows, the other 110 months dropped
    for year in range(2015, 2025):
        rows += [f"{year if month == 1 else ''},{pd.Timestamp(2000, month, 1):%B},\"{600000 + month * 7919:,}\""
                 for month in range(1, 13)]
        rows.append(f',Total,"{sum(600000 + month * 7919 for month in range(1, 13)):,}"')
    series = load_series(("\n".join(rows) + "\n").encode(), "port.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 120
    assert any(notice.key == "notice.summary_rows" for notice in series.report.notices)


def test_a_delivery_time_written_hhmm_tells_no_series_apart() -> None:
    from core.panel.split import detect_id_columns

    rng = np.random.default_rng(2)  # FedEx: 1,266 series by 'Service Type' and 'POD Delivery Time'
    days = pd.date_range("2024-01-01", periods=120).repeat(30).strftime("%Y%m%d")
    raw = pd.DataFrame({"Shipment Date": days, "Service Type": rng.choice(["Ground", "Priority"], len(days)),
                        "POD Delivery Time": [f"{h:02d}{m:02d}" for h, m in zip(rng.integers(8, 19, len(days)),
                                                                                 rng.integers(0, 60, len(days)))],
                        "Net Charge Amount": rng.uniform(8, 60, len(days)).round(2).astype(str)})
    raw = raw.drop_duplicates(["Shipment Date", "Service Type", "POD Delivery Time"])
    assert detect_id_columns(raw, "Shipment Date", exclude=("Net Charge Amount",)) == ()


def test_a_label_row_above_the_dates_of_every_series_is_said_as_a_label(tmp_path: Path) -> None:
    rows = [f"{day:%Y-%m-%d},{400 + k},{60 + k % 5}" for k, day in enumerate(pd.date_range("2024-01-01", periods=40))]
    path = tmp_path / "costs.csv"  # Cost Explorer with --target all: 'write the dates in the file to keep the rows'
    path.write_text("Service,EC2($),S3($)\nService total,17000,2500\n" + "\n".join(rows) + "\n")
    done = subprocess.run([sys.executable, "-m", "core", "fit", str(path), "--target", "all", "--model", "naive"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 row of labels above the first date ('Service total') was left out" in done.stderr
    assert "write the dates" not in done.stderr


def test_a_sparse_log_by_store_and_item_numbers_keeps_its_series() -> None:
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout

    rng = np.random.default_rng(1)  # days with a sale only: 12 series averaged into one
    rows = [[f"{day:%Y-%m-%d}", str(store), str(item), str(rng.integers(1, 9))]
            for day in pd.date_range("2023-01-02", periods=120) for store in (1, 2, 3) for item in (101, 102, 103, 104)
            if rng.random() < 0.25]
    raw = pd.DataFrame(rows, columns=["date", "store", "item", "sales"])
    assert plan_layout(raw, LoadOptions(), None, None).id_cols == ("store", "item")


def test_a_reports_only_numbers_are_its_values_not_its_id_where_two_text_columns_tell_fewer_series_apart() -> None:
    # KDP's pages read, each day's apart by chance: taken as the id, the file was refused ('holds the values')
    rng = np.random.default_rng(1)
    rows = [(f"{day:%Y-%m-%d}", title, "Jane Q. Author", market, rng.poisson(base * share))
            for day in pd.date_range("2023-07-01", "2024-06-30") for title, base in (("Salt", 300), ("Crows", 120))
            for market, share in (("Amazon.com", 1.0), ("Amazon.co.uk", 0.35), ("Amazon.de", 0.2))
            if rng.random() >= 0.15 / share]
    raw = pd.DataFrame(rows, columns=["Date", "Title", "Author Name", "Marketplace", "KENP Read"])
    assert detect_id_columns(raw, "Date") == ("Title", "Marketplace")
    stores = pd.DataFrame({"Date": np.repeat(pd.date_range("2024-01-01", periods=40).strftime("%Y-%m-%d"), 3),
                           "Store": np.tile([11, 12, 13], 40), "Region": np.tile(["N", "S", "N"], 40),
                           "Sales": np.arange(120)})
    assert detect_id_columns(stores, "Date") == ("Store",)  # a store number alone still is


def test_head_counts_and_donors_are_no_series_and_service_times_none_where_rows_are_combined_per_week() -> None:
    # a church's services at 9:00 AM and 11:00 AM: by 'Service Time' (each refused 'per week') or by the head count of
    # kids, apart on each Sunday by chance (31 series); a giving log's 40 donors by fund: 80 series
    rng = np.random.default_rng(2)
    sundays = pd.date_range("2023-01-01", periods=100, freq="W-SUN").strftime("%m/%d/%Y")
    rows = [(day, time, int(rng.integers(20, 60)), int(rng.integers(100, 200))) for day in sundays
            for time in ("9:00 AM", "11:00 AM")]
    services = pd.DataFrame(rows, columns=["Date", "Service Time", "Kids", "Total"])
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout

    assert detect_id_columns(services, "Date") == ("Service Time",)  # a timetable's slots, as written
    layout = plan_layout(services, LoadOptions(per="week", duplicates="sum"), None, None)
    assert layout.id_cols == () and layout.probe.frame["y"].sum() == services["Total"].sum()
    gifts = pd.DataFrame([(day, person, fund, 50.0) for day in sundays for person in range(1001, 1041)
                          for fund in ("General", "Missions") if rng.random() < 0.6],
                         columns=["Date", "Person ID", "Fund", "Amount"])
    assert detect_id_columns(gifts, "Date") == ()


def test_a_series_already_weekly_among_daily_ones_is_read_as_written_when_rows_are_combined_per_week() -> None:
    # a stock log's item counted at each Monday's stock-take beside gloves used daily: skipped ('combines none')
    from core.data.tidy import LoadOptions
    from core.panel.choice import PanelChoice, read_panel

    days = pd.date_range("2023-01-02", "2024-12-29")
    rows = [(f"{day:%Y-%m-%d}", "GLV", 1 + k % 5) for k, day in enumerate(days) if day.day_of_week < 5]
    rows += [(f"{day:%Y-%m-%d}", "CR", 1 + k % 3) for k, day in enumerate(days) if day.day_of_week == 0]
    table = pd.DataFrame(rows, columns=["Date", "SKU", "Qty Used"]).sort_values("Date")
    panel = read_panel(table.to_csv(index=False).encode(), "stock.csv", LoadOptions(per="week", duplicates="sum"),
                       PanelChoice(("SKU",), False))
    assert panel is not None
    weekly = panel.task("CR").load()
    assert weekly.frequency.name == "weekly" and len(weekly.frame) == 104
    assert "notice.per_as_written" in [notice.key for notice in weekly.report.notices]


def test_a_mostly_blank_description_and_a_restaurants_tables_are_no_series_ids(tmp_path: Path) -> None:
    # Uber Eats' payments (a second header row of descriptions; 'Other payments description' on the weekly ad rows
    # only, paired with 'Store Name') left 1,415 of 1,432 order rows out; a booking list's 'Table' and 'Source' made
    # 75 series.
    rng = np.random.default_rng(1)
    days = pd.date_range("2023-07-03", periods=70, freq="D")
    lines = ["Store Name,Order ID,Order Date,Sales (excl. tax),Other payments description,Total payout",
             "Name of the store,Order identifier,Date the order was placed,Sum of item prices,Description of other "
             "payments,Net amount paid to you"]
    for day in days:
        lines += [f"Main St Bistro,{rng.integers(1 << 20):05X},{day:%m/%d/%Y},{(sale := rng.uniform(12, 70)):.2f},,"
                  f"{sale * 0.7:.2f}" for _ in range(10)]
        lines += [f"Main St Bistro,,{day:%m/%d/%Y},,Ads spend,{-rng.uniform(20, 60):.2f}"] if day.dayofweek == 6 else []
    (tmp_path / "ue.csv").write_text("\n".join(lines) + "\n")
    bookings = [f"{day:%m/%d/%Y},{hour}:{minute:02d} PM,{rng.choice([2, 3, 4, 6])},T{rng.integers(1, 26)},"
                f"{rng.choice(['Resy', 'Phone', 'Walk-in'])}" for day in days for hour in range(5, 10)
                for minute in rng.choice([0, 15, 30, 45], 6)]
    (tmp_path / "resy.csv").write_text("Date,Time,Party Size,Table,Source\n" + "\n".join(bookings) + "\n")
    for name in ("ue.csv", "resy.csv"):
        done = cli("fit", str(tmp_path / name), "--model", "naive", "--per", "day", "--duplicates", "sum")
        assert done.returncode == 0 and "series of" not in done.stdout, done.stdout + done.stderr
        assert "70 rows of" in done.stdout, done.stdout


def test_an_orders_lines_with_its_total_on_the_first_are_no_series_by_product() -> None:
    # Shopify's orders export: one row per line item, 'Total' on an order's first line only; read as a series per
    # product, each product's 'Total' was the orders' it came first in, filled in between
    rng = np.random.default_rng(2)
    products = ["Lavender Soap Bar", "Oatmeal Soap Bar", "Shea Body Butter", "Gift Box Set", "Lip Balm"]
    rows = []
    for order, stamp in enumerate(pd.date_range("2023-07-01", periods=600, freq="97min")):
        for line, product in enumerate(rng.choice(products, rng.integers(1, 4), replace=False)):
            rows.append({"Name": f"#{1001 + order}", "Total": f"{rng.uniform(10, 90):.2f}" if line == 0 else None,
                         "Created at": f"{stamp:%Y-%m-%d %H:%M:%S} -0500", "Lineitem name": product})
    orders = pd.DataFrame(rows)
    assert detect_id_columns(orders, "Created at") == ()
    stores = orders.assign(Total=orders["Total"].fillna("5.00"))  # every line filled: its products may be series
    assert detect_id_columns(stores, "Created at") != ()


def test_apple_healths_kinds_of_samples_are_series_with_the_source_that_tells_them_apart() -> None:
    # a watch's and a phone's steps at one time and the watch's heart rates: read as series by 'sourceName', each
    # summing steps and heart rates together
    rng = np.random.default_rng(4)
    times = pd.date_range("2024-01-01 07:30", periods=400, freq="37min").strftime("%Y-%m-%d %H:%M:%S +0100")
    rows = [("HKQuantityTypeIdentifierStepCount", source, "count", t, int(rng.integers(100, 600)))
            for t in times for source in ("Anna's Apple Watch", "Anna's iPhone")]
    beats = pd.date_range("2024-01-01 07:41", periods=300, freq="53min").strftime("%Y-%m-%d %H:%M:%S +0100")
    rows += [("HKQuantityTypeIdentifierHeartRate", "Anna's Apple Watch", "count/min", t, int(rng.integers(55, 120)))
             for t in beats]
    health = pd.DataFrame(rows, columns=["type", "sourceName", "unit", "startDate", "value"])
    assert detect_id_columns(health, "startDate") == ("type", "sourceName")


def test_servers_read_at_every_stamp_and_a_store_panel_with_one_counter_keep_their_series() -> None:
    # from the review: a monitor's 'Server' (every hour each) merged into one mean; two stores, only the first with a
    # people counter (filled on each day's first row), read as one document's lines
    stamps = pd.date_range("2024-03-01", periods=120, freq="h").strftime("%Y-%m-%d %H:%M")
    servers = pd.DataFrame([(t, name, 30 + 20 * k + i % 24) for i, t in enumerate(stamps)
                            for k, name in enumerate(["web-01", "web-02", "db-01"])],
                           columns=["Timestamp", "Server", "CPU Usage"])
    assert detect_id_columns(servers, "Timestamp") == ("Server",)
    days = pd.date_range("2023-01-01", periods=120, freq="D").strftime("%Y-%m-%d")
    stores = pd.DataFrame([row for i, day in enumerate(days) for row in ((day, "Flagship", 900 + i % 7 * 30, 3000.0),
                                                                         (day, "Outlet", 300 + i % 7 * 10, None))],
                          columns=["Date", "Store", "Sales", "Footfall"])
    assert detect_id_columns(stores, "Date") == ("Store",)


def test_amounts_written_with_a_minus_after_or_a_currency_are_no_series_ids() -> None:
    # SAP's '1.850-' quantities (40 series by quantity, the movement type forecast) and NetSuite's '$1,234.50' amounts
    # (117 series, one per price point); zip codes written as text stay ids
    rng = np.random.default_rng(2)
    days = np.repeat(pd.bdate_range("2023-01-02", periods=120).strftime("%d.%m.%Y"), 3)
    sap = pd.DataFrame({"Pstng Date": days, "MvT": "261",
                        "Qty in UnE": [f"{int(q) * 50:,}-".replace(",", ".") for q in rng.integers(1, 40, len(days))]})
    assert detect_id_columns(sap, "Pstng Date") == ()
    netsuite = sap.assign(**{"Qty in UnE": [f"${q * 12.5:,.2f}" for q in rng.integers(1, 40, len(days))]})
    assert detect_id_columns(netsuite, "Pstng Date") == ()
    zips = pd.DataFrame({"Date": days, "Zip": np.tile(["02134", "02139", "02115"], 120), "Visits": 5})
    assert detect_id_columns(zips, "Date") == ("Zip",)


def test_the_finer_id_said_is_never_the_target(tmp_path: Path) -> None:
    # Amazon's FBA daily inventory: '--id-col sku,quantity' was suggested, quantity being the target
    rng = np.random.default_rng(6)
    rows = [f"{day:%Y-%m-%d}T07:00:00+00:00\t{sku}\t{rng.integers(20, 400)}\t{centre}"
            for day in pd.date_range("2023-10-01", periods=183, freq="D") for sku in ("BTL-500-BLK", "BTL-500-WHT")
            for centre in ("PHX7", "ONT8", "MDW2")]
    path = tmp_path / "fba.txt"
    path.write_text("snapshot-date\tsku\tquantity\tfulfillment-center-id\n" + "\n".join(rows) + "\n")
    done = cli("fit", str(path), "--id-col", "sku", "--duplicates", "sum", "--model", "naive")
    assert done.returncode == 0 and "--id-col sku,fulfillment-center-id makes one series" in done.stderr, done.stderr


def test_kinds_of_samples_by_day_ids_written_with_spaces_and_the_usual_search_after_the_fourth_review() -> None:
    # from the review: Apple Health's kinds by day (no source tells a day's rows apart) were averaged into one series;
    # SIREN numbers '552 100 554' were read as amounts, no ids
    rng = np.random.default_rng(7)
    rows = [(kind, source, unit, day, int(rng.integers(60, 3000)))
            for day in pd.date_range("2024-01-01", periods=60).strftime("%Y-%m-%d")
            for kind, unit, sources in (("StepCount", "count", ("iPhone", "Watch")), ("HeartRate", "count/min",
                                                                                     ("Watch",)))
            for source in sources for _ in range(int(rng.integers(2, 4)))]
    health = pd.DataFrame(rows, columns=["type", "sourceName", "unit", "date", "value"])
    assert detect_id_columns(health, "date") == ("type",)
    sirens = pd.DataFrame({"Date": np.repeat(pd.date_range("2023-01-01", periods=90).strftime("%Y-%m-%d"), 3),
                           "SIREN": np.tile(["552 100 554", "732 829 320", "443 061 841"], 90),
                           "Montant": rng.normal(1000, 50, 270).round(2)})
    assert detect_id_columns(sirens, "Date") == ("SIREN",)


def test_decimal_labels_of_each_days_rows_are_the_series_ids_not_the_target(tmp_path: Path) -> None:
    # pypistats' downloads per Python version: 'category' 3.8 ... 3.12 was forecast (MAE 0), downloads averaged
    days = pd.date_range("2024-03-01", periods=60, freq="D").strftime("%Y-%m-%d")
    versions = ["3.8", "3.9", "3.10", "3.11", "3.12"]
    frame = pd.DataFrame([(version, day, 1000 * (k + 1) + i % 7) for k, version in enumerate(versions)
                          for i, day in enumerate(days)], columns=["category", "date", "downloads"])
    done, out, metrics = fit(tmp_path, frame, "--model", "snaive", "--horizon", "3")
    assert done.returncode == 0, done.stderr
    report = json.loads(metrics.read_text())
    assert [entry["unique_id"] for entry in report["series"]] == versions  # as written: 3.10, not 3.1
    predictions = pd.read_csv(out, dtype={"unique_id": str})
    latest = predictions[(predictions["unique_id"] == "3.10") & (predictions["split"] == "future")]
    assert latest["predicted"].between(3000, 3007).all()


def test_prices_alike_every_day_beside_a_store_column_are_no_series_ids(tmp_path: Path) -> None:
    # two stores' sales with each store's fixed price: the stores are the series
    frame = long_frame(["north", "south"], months=30).assign(price=lambda f: np.where(f["store"] == "north", 9.99,
                                                                                        19.99))
    done, out, metrics = fit(tmp_path, frame, "--model", "snaive")
    assert done.returncode == 0, done.stderr
    assert [entry["unique_id"] for entry in json.loads(metrics.read_text())["series"]] == ["north", "south"]


def test_workers_employees_and_first_names_stay_series_ids(tmp_path: Path) -> None:
    # reviews: a sales team's 25 employees and a timesheet's first names were averaged into one series
    months = pd.date_range("2021-01-31", periods=30, freq="ME").strftime("%m/%d/%Y")
    reps = pd.DataFrame([(month, f"Rep {k:02d}", 5000 + 100 * k + i % 5) for i, month in enumerate(months)
                         for k in range(25)], columns=["Month", "Employee", "Sales"])
    done, out, metrics = fit(tmp_path, reps, "--model", "snaive")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(metrics.read_text())["series"]) == 25
    hours = pd.DataFrame([(month, first, last, 8.0 + k / 10 + i % 3 / 100) for i, month in enumerate(months)
                          for k, (first, last) in enumerate([("Anna", "Smith"), ("Ben", "Jones"), ("Carla", "Diaz")])],
                         columns=["Date", "First Name", "Last Name", "Hours Worked"])
    done, out, metrics = fit(tmp_path, hours, "--model", "snaive")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(metrics.read_text())["series"]) == 3


def test_a_percentage_written_with_its_sign_is_no_series_id_beside_the_shift_and_line() -> None:
    # from a walk: an OEE export by shift and line was read as 120 series by its 'Performance %' (88.8%)
    rng = np.random.default_rng(1)
    days = pd.bdate_range("2024-01-01", periods=130)
    rows = [(f"{day:%m/%d/%Y}", shift, line, int(rng.integers(4000, 4600)), f"{rng.uniform(82, 94):.1f}%")
            for day in days for line in ("Line 1", "Line 2") for shift in ("1st", "2nd", "3rd")]
    raw = pd.DataFrame(rows, columns=["Shift Date", "Shift", "Line", "Good Count", "Performance %"])
    assert detect_id_columns(raw, "Shift Date") == ("Shift", "Line")
    assert detect_id_columns(raw.rename(columns={"Performance %": "Performance"}), "Shift Date") == ("Shift", "Line")


def test_review_products_named_with_a_percentage_stay_series_ids() -> None:
    # the review of the batch: 'Whole Milk 3.25%', 'Lowfat Milk 1%' were no longer ids: four products were averaged
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    products = ["Whole Milk 3.25%", "Reduced Fat Milk 2%", "Lowfat Milk 1%", "Fat Free Milk 0%"]
    raw = pd.DataFrame([(f"{day:%Y-%m-%d}", product, 100 + k % 9) for k, day in enumerate(days)
                        for product in products], columns=["Date", "Product", "Units Sold"])
    assert detect_id_columns(raw, "Date") == ("Product",)


def test_home_assistants_entities_logged_at_times_of_their_own_are_the_series_ids() -> None:
    # from a walk: a history download of a power sensor (W) and a humidity sensor (%), each row at its own time, was
    # read as one series, the watts and percentages averaged together per hour
    rng = np.random.default_rng(3)
    rows = [(entity, f"{base + rng.normal(0, 3):.1f}", stamp.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00"))
            for entity, base, offset in (("sensor.house_power", 500.0, 11), ("sensor.living_room_humidity", 45.0, 37))
            for stamp in pd.date_range("2024-01-01", periods=300, freq="17min") + pd.Timedelta(seconds=offset)]
    raw = pd.DataFrame(rows, columns=["entity_id", "state", "last_changed"])
    assert detect_id_columns(raw, "last_changed") == ("entity_id",)
    other = raw.assign(entity_id=raw["entity_id"].str.replace(".", " ", regex=False))  # plain names: not so
    assert detect_id_columns(other, "last_changed") == ()


def test_review_a_few_vat_rates_written_as_percentages_stay_series_ids() -> None:
    # the second review: a Dutch file's 'BTW %' (0%, 9%, 21%) was no id: the turnover of the three rates was averaged
    rows = [(f"{2021 + k // 12}-{k % 12 + 1:02d}", rate, base + k % 7) for k in range(36)
            for rate, base in (("0%", 800), ("9%", 5200), ("21%", 14100))]
    assert detect_id_columns(pd.DataFrame(rows, columns=["Maand", "BTW %", "Omzet"]), "Maand") == ("BTW %",)


def test_quantities_and_line_amounts_are_no_series_ids() -> None:
    # from the walks: a Xero invoice export read as 18 series by '*Quantity' and '*UnitAmount'; a winery's weigh
    # tags as 13 series by 'Bins'
    rng = np.random.default_rng(6)
    days = pd.date_range("2023-01-02", periods=300, freq="D").strftime("%Y-%m-%d").tolist()
    lines = table(InvoiceDate=days * 2, **{"*Quantity": rng.choice([2.0, 4.0, 8.0, 10.0], 600),
                                          "*UnitAmount": rng.choice([95.0, 120.0, 150.0], 600),
                                          "Bins": rng.choice([8, 12, 16, 20], 600), "y": rng.uniform(100, 900, 600)})
    assert detect_id_columns(lines, "InvoiceDate", exclude=("y",)) == ()
    trips = table(starttime=days * 2, tripduration=rng.integers(60, 900, 600), y=rng.uniform(1, 2, 600))
    assert detect_id_columns(trips, "starttime", exclude=("y",)) == ()  # Citi Bike's seconds, no ids
    weeks = pd.date_range("2020-01-06", periods=60, freq="W-MON").strftime("%Y-%m-%d").tolist()
    tiers = table(Week=[week for week in weeks for _ in range(4)], **{"Pack Qty": [1, 6, 12, 24] * 60},
                  y=rng.uniform(1, 20, 240))  # a price list's pack sizes on every week: ids
    assert detect_id_columns(tiers, "Week", exclude=("y",)) == ("Pack Qty",)



def test_sales_written_as_money_in_every_series_are_no_constant_measure() -> None:
    # 7shifts' labor summary: its '$4,751.81' sales read as blank, so 'constant', gave way to its 'Scheduled Hours'
    from core.data.read import read_table
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout
    days = pd.date_range("2023-01-02", periods=40)
    rows = [f"{day:%Y-%m-%d},{place},{60 + (k * 3 + j) % 9:.1f},{58 + (k * 5 + j) % 9:.2f},"
            f"\"${4000 + 37 * ((k * 7 + j) % 30):,.2f}\"" for k, day in enumerate(days)
            for j, place in enumerate(("Downtown", "Airport"))]
    raw = read_table(("Date,Location,Scheduled Hours,Actual Hours,Actual Sales\n" + "\n".join(rows) + "\n").encode(),
                     "labor.csv")
    assert plan_layout(raw, LoadOptions(), None, None).targets == ("Actual Sales",)


def test_a_measure_constant_in_every_series_gives_way_to_one_that_varies() -> None:
    # from a walk: a vineyard's 'Acres' (one per block) was forecast in each block before its 'Tons' (MAPE 0%)
    from core.data.read import read_table
    from core.data.tidy import LoadOptions
    from core.panel.split import plan_layout
    rows = [f"{year},{block},{acres},{acres * 3 + (year * 7 + k) % 5:.2f}" for year in range(2000, 2024)
            for k, (block, acres) in enumerate((("A1", 4.2), ("A2", 3.8), ("B1", 6.5)))]
    raw = read_table(("Year,Block,Acres,Tons\n" + "\n".join(rows) + "\n").encode(), "tons.csv")
    layout = plan_layout(raw, LoadOptions(), None, None)
    assert layout.id_cols == ("Block",) and layout.targets == ("Tons",)
    dues = [f"{month:%Y-%m-%d},{member},{1000 + 3 * k + j},{fee}" for k, month in enumerate(
        pd.date_range("2021-01-01", periods=30, freq="MS")) for j, (member, fee) in enumerate((("A", 49), ("B", 99),
                                                                                          ("C", 19)))]
    raw = read_table(("Date,Customer,Invoice Number,Amount\n" + "\n".join(dues) + "\n").encode(), "dues.csv")
    assert plan_layout(raw, LoadOptions(), None, None).targets == ("Amount",)  # flat dues, not the invoice numbers
    weeks = [f"{week:%Y-%m-%d},{name},{rate},{20 + (k * 7 + j) % 25}" for k, week in enumerate(
        pd.date_range("2023-01-02", periods=60, freq="W-MON")) for j, (name, rate) in enumerate(
        (("Ana", 18.5), ("Ben", 22.0), ("Cai", 19.75)))]
    raw = read_table(("Week Ending,Employee,Hourly Rate,Hours\n" + "\n".join(weeks) + "\n").encode(), "h.csv")
    assert plan_layout(raw, LoadOptions(), None, None).targets == ("Hours",)  # whole hours are a measure too
