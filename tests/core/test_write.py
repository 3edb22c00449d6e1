"""CSV text for the command line's outputs: the same bytes as pandas' ``to_csv``, whatever the table holds."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.data.write import FLOAT_FORMAT, chunk_rows, csv_text


def pandas_text(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, float_format=FLOAT_FORMAT)


def predictions_like(rows: int = 30) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    lower = np.full(rows, np.nan)
    lower[-8:] = rng.normal(size=8)
    return pd.DataFrame({"unique_id": pd.array(["s1"] * rows, dtype="string"),
                         "ds": pd.date_range("2001-01-01", periods=rows, freq="MS"),
                         "actual": rng.normal(100, 30, rows), "predicted": rng.normal(100, 30, rows) * 1e-7,
                         "split": ["train"] * (rows - 8) + ["test"] * 8, "lower": lower, "upper": lower + 1})


CASES = {
    "predictions": predictions_like(),
    "awkward numbers": pd.DataFrame({"a": [np.inf, -np.inf, -0.0, 0.0, 1e-320, 1.7976931348623157e308, np.nan, 1 / 3],
                                     "b": np.arange(8)}),
    "ids to quote": pd.DataFrame({"id": ['a,b', 'say "hi"', "two\nlines", "cr\r", "", "plain", " space", "é"],
                                  "y": np.linspace(0, 1, 8)}),
    "times of day": pd.DataFrame({"ds": pd.to_datetime(["2020-01-01 00:00", "2020-01-01 06:30", None]),
                                  "y": [1.0, 2.0, 3.0]}),
    "midnights with a blank": pd.DataFrame({"ds": pd.to_datetime(["2020-01-01", None, "2020-01-03"]),
                                            "y": [1.0, np.nan, 2.5]}),
    "time zone": pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=3, freq="D", tz="Europe/Berlin"),
                               "y": [1.0, 2, 3]}),
    "fractions of a second": pd.DataFrame({"ds": pd.to_datetime(["2020-01-01 00:00:00.5", "2020-01-01 00:00:01.0"]),
                                           "y": [1.0, 2.0]}),
    "missing text": pd.DataFrame({"id": pd.array(["a", None], dtype="string"), "y": [1.0, 2.0]}),
    "objects": pd.DataFrame({"id": ["a", None, 3], "y": [1.0, 2.0, 3.0]}),
    "booleans": pd.DataFrame({"flag": [True, False], "y": [1.0, 2.0]}),
    "float32 and nullable ints": pd.DataFrame({"f": np.array([1.1, 2.2], dtype=np.float32),
                                               "i": pd.array([1, None], dtype="Int64")}),
    "one column": pd.DataFrame({"y": [np.nan, 1.5, np.nan]}),
    "one text column": pd.DataFrame({"id": ["", "a"]}),
    "no rows": pd.DataFrame({"ds": pd.to_datetime([]), "y": np.array([], dtype=float)}),
    "header to quote": pd.DataFrame({"sales, EUR": [1.0], 'the "y"': [2.0]}),
    "same name twice": pd.DataFrame([[1.0, 2.0]], columns=["y", "y"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_text_as_pandas(name: str) -> None:
    frame = CASES[name]
    assert csv_text(frame) == pandas_text(frame)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=40),
       st.lists(st.text(max_size=6), min_size=1, max_size=40))
def test_any_floats_and_ids(values: list[float], ids: list[str]) -> None:
    rows = min(len(values), len(ids))
    frame = pd.DataFrame({"id": ids[:rows], "y": np.array(values[:rows], dtype=float)})
    assert csv_text(frame) == pandas_text(frame)


def test_large_table_matches() -> None:
    """Many series' predictions, joined as the command line joins them."""
    frames = []
    for index in range(40):
        frame = predictions_like(60)
        frame["unique_id"] = pd.array([f"store {index}"] * 60, dtype="string")
        frames.append(frame)
    joined = pd.concat(frames, ignore_index=True)
    assert csv_text(joined) == pandas_text(joined)


def test_chunks_keep_the_whole_columns_layout() -> None:
    """Written in pandas' chunks: a time of day in the last chunk gives only that chunk's rows their time, as in pandas;
    ids that need quotes in one chunk only."""
    rows = chunk_rows(5) + 7
    stamps = pd.Series(pd.date_range("1900-01-01", periods=rows, freq="D"))
    stamps.iloc[-1] += pd.Timedelta(hours=5)
    ids = np.array(["plain"] * rows, dtype=object)
    ids[-3] = "a,b"
    frame = pd.DataFrame({"id": ids, "ds": stamps, "dates": pd.date_range("1900-01-01", periods=rows, freq="D"),
                          "y": np.arange(rows) / 7, "n": np.arange(rows)})
    assert csv_text(frame) == pandas_text(frame)


def test_a_download_keeps_fifteen_digits_and_a_decimal_comma_files_marks() -> None:
    from core.data.tidy import load_series
    from core.data.write import download_csv

    days = pd.date_range("2024-01-01", periods=2, freq="D")
    frame = pd.DataFrame({"ds": days, "predicted": [1596.7662843333878, 2.5]})
    assert download_csv(frame) == "ds,predicted\n2024-01-01,1596.76628433339\n2024-01-02,2.5\n"
    assert download_csv(frame, decimal_comma=True) == "ds;predicted\n2024-01-01;1596,76628433339\n2024-01-02;2,5\n"
    german = "Datum;Umsatz\n" + "".join(f"{day:02d}.01.2024;{day},5\n" for day in range(1, 21))
    assert load_series(german.encode(), "umsatz.csv").report.decimal_comma
    assert not load_series(german.replace(",", ".").encode(), "sales.csv").report.decimal_comma
