"""Messy files load to the right values; unusable files fail with one clear line."""
from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.errors import DataError, LimitError, SettingsError
from core.i18n import frequency_name, irregular_text, message, said, t, usual_day_first
from core.data.frequency import MON_TO_SAT, SUN_TO_THU, TUE_TO_SUN, WED_TO_SUN, future_dates, infer_frequency
from core.data.parsing import calendar_spread
from core.data.quality import summarize
from core.data.read import _numbered, read_table
from core.data.tidy import (DataReport, LoadOptions, _drop_summary_rows, count_gaps, load_series,
                             stamps_period, without_summary_rows)
from core.panel.choice import PanelChoice, read_panel
from core.panel.run import loading_notes
from core.panel.split import detect_id_columns, plan_layout
from core.evaluation.pipeline import RunRequest, run
from core.models.features import calendar_columns
from core.ui.session import quality_markdown, train_page_warnings

DATA = Path(__file__).resolve().parents[1] / "data"

# file -> (rows, first ds, last ds, first values, date column, target, frequency)
GOOD = {
    "semicolon_decimal_comma.csv": (12, "2020-01-01", "2020-01-12", [1001001.5, 1002002.5], "Datum", "Umsatz", "daily"),
    "tab_separated.tsv": (14, "2021-02-01", "2021-02-14", [1.5, 3.0], "date", "value", "daily"),
    "pipe_month_abbrev.csv": (24, "1980-01-01", "1981-12-01", [100.0, 101.0], "month", "sales", "monthly"),
    "quoted_thousands_crlf.csv": (12, "1949-01-01", "1949-12-01", [113001.0, 114002.0], "Month", "Passengers", "monthly"),
    "utf8_bom_accents.csv": (10, "1990-01-01", "1999-01-01", [0.0, 2.0], "Année", "Valeur (€)", "yearly"),
    "utf16_bom.csv": (10, "2020-01-01", "2020-01-10", [1.0, 2.0], "date", "niveau", "daily"),
    "latin1_header.csv": (12, "2019-01-01", "2019-12-01", [1.25, 2.25], "Période", "Température", "monthly"),
    "month_names_full.csv": (12, "1980-01-01", "1980-12-01", [0.0, 1.0], "period", "value", "monthly"),
    "year_m_month.csv": (12, "1980-01-01", "1980-12-01", [10.0, 20.0], "TIME", "OBS_VALUE", "monthly"),
    "quarters_compact.csv": (12, "1956-01-01", "1958-10-01", [500.0, 501.0], "quarter", "gdp", "quarterly"),
    "quarters_q_first.csv": (12, "1965-01-01", "1967-10-01", [0.0, 1.0], "Period", "Value", "quarterly"),
    "quarters_spaced.csv": (12, "1956-01-01", "1958-10-01", [0.0, 1.0], "Period", "Value", "quarterly"),
    "day_first_slash.csv": (12, "1971-01-31", "1971-12-31", [0.0, 1.0], "date", "value", "monthly"),
    "month_first_slash.csv": (12, "1971-01-31", "1971-12-31", [0.0, 1.0], "date", "value", "monthly"),
    "dotted_day_first.csv": (12, "1971-01-31", "1971-12-31", [0.0, 1.0], "Datum", "Wert", "monthly"),
    "plain_years.csv": (20, "1821-01-01", "1840-01-01", [269.0, 276.0], "year", "lynx", "yearly"),
    "unix_epochs.csv": (48, "2020-01-01 00:00", "2020-01-02 23:00", [50.0, 51.0], "timestamp", "load", "hourly"),
    "timezone_aware.csv": (8, "2021-03-27 22:00", "2021-03-28 05:00", [0.0, 1.0], "time", "value", "hourly"),
    "index_column.csv": (12, "1949-01-01", "1949-12-01", [112.0, 113.0], "Month", "Passengers", "monthly"),
    "currency_percent.csv": (12, "2022-01-01", "2022-12-01", [1001.5, 1002.5], "date", "revenue", "monthly"),
    "odd_headers.csv": (12, "2022-01-01", "2022-12-01", [3.0, 6.0], "Date of sale", "Sales (USD)", "monthly"),
    "space_thousands.csv": (12, "2022-01-01", "2022-12-01", [112001.5, 112002.5], "date", "value", "monthly"),
    "unsorted_duplicates.csv": (12, "2021-01-01", "2021-12-01", [1.0, 2.0], "month", "y", "monthly"),
    "missing_values.csv": (12, "2021-01-01", "2021-12-01", [2.0, 4.0], "month", "y", "monthly"),
    "zeros_and_negatives.csv": (12, "2020-01-01", "2020-12-01", [0.0, 1.0], "t", "v", "monthly"),
    "constant.csv": (12, "2020-01-01", "2020-12-01", [7.0, 7.0], "t", "v", "monthly"),
    "workbook.xlsx": (24, "2000-01-01", "2001-12-01", [0.0, 1.0], "ds", "sales", "monthly"),
    "series.parquet": (24, "2000-01-01", "2001-12-01", [0.0, 1.0], "ds", "sales", "monthly"),
}

BAD = {
    "bad_empty.csv": "empty",
    "bad_header_only.csv": "no data rows",
    "bad_binary.csv": "binary",
    "bad_html.csv": "web page",
    "bad_zip_renamed.csv": "is a zip archive (holding readme.txt, data.csv), not a CSV or an Excel workbook: unzip it",
    "bad_ragged.csv": "line 4 has 4 fields where the header has 2: check that every row has the same number of commas",
    "bad_no_numeric.csv": "holds text, not numbers",
    "bad_target_blank.csv": "blank in every row",
    "bad_target_text.csv": "holds text, not numbers",
    "bad_too_few_rows.csv": "at least 8 rows",
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_messy_file_loads_to_the_right_values(name: str) -> None:
    rows, first, last, values, date_col, target, frequency = GOOD[name]
    series = load_series(DATA / name)
    frame = series.frame
    assert len(frame) == rows
    assert frame["ds"].iloc[0] == pd.Timestamp(first) and frame["ds"].iloc[-1] == pd.Timestamp(last)
    assert frame["y"].iloc[:2].tolist() == pytest.approx(values)
    assert (series.date_col, series.target, series.frequency.name) == (date_col, target, frequency)
    assert frame["ds"].is_monotonic_increasing and frame["ds"].is_unique and frame["y"].notna().all()


def test_no_date_column_numbers_the_rows() -> None:
    series = load_series(DATA / "no_date_column.csv")
    assert series.date_col is None and series.frequency.name == "steps"
    assert series.frame["ds"].tolist() == list(range(15)) and series.frame["y"].iloc[1] == 0.5
    assert series.report.notices == []  # the Data page says it, next to the Date column picker


def test_a_file_without_dates_offers_its_other_numeric_columns_without_using_them() -> None:
    text = "reading,temperature,pressure\n" + "".join(f"{i},{20 + i % 5},{1000 + i}\n" for i in range(12))
    series = load_series(text.encode(), "plain.csv")
    assert series.date_col is None and series.regressors == []
    assert set(series.numeric_columns) == {"reading", "temperature", "pressure"}
    assert list(series.frame.columns) == ["ds", "y"]


@pytest.mark.parametrize(("rows", "expected"), [
    (1, "Only 1 usable row: a series needs at least 8 rows"),
    (5, "Only 5 usable rows: a series needs at least 8 rows"),
])
def test_too_few_rows_counts_in_the_right_number(rows: int, expected: str) -> None:
    text = "date,y\n" + "".join(f"2020-{m:02d}-01,{m}\n" for m in range(1, rows + 1))
    with pytest.raises(DataError, match=expected):
        load_series(text.encode(), "short.csv")


@pytest.mark.parametrize(("blanks", "expected"), [
    ([3], "1 row with missing values was filled (interpolate)."),
    ([3, 4], "2 rows with missing values were filled (interpolate)."),
])
def test_notices_count_in_the_right_number(blanks: list[int], expected: str) -> None:
    text = "date,y\n" + "".join(f"2020-{m:02d}-01,{'' if m in blanks else m}\n" for m in range(1, 13))
    assert load_series(text.encode(), "gappy.csv").report.notices == [expected]


@pytest.mark.parametrize("name", sorted(BAD))
def test_unusable_file_gets_one_line_naming_the_problem(name: str) -> None:
    with pytest.raises(DataError) as caught:
        load_series(DATA / name)
    message = str(caught.value)
    assert BAD[name] in message and "\n" not in message and len(message) < 300


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named() -> None:
    with pytest.raises(DataError, match="larger than the 0.0001 MB limit"):
        load_series(DATA / "pipe_month_abbrev.csv", options=LoadOptions(max_mb=0.0001))


def test_ambiguous_day_and_month_order_is_said_and_can_be_forced() -> None:
    guessed = load_series(DATA / "ambiguous_slash.csv")
    assert any("day-first and month-first" in notice for notice in guessed.report.notices)
    forced = load_series(DATA / "ambiguous_slash.csv", options=LoadOptions(day_first=True))
    assert forced.frame["ds"].iloc[1] == pd.Timestamp("2020-02-01") and forced.frequency.name == "monthly"


@pytest.mark.parametrize(("asked", "read"), [(True, "month_first"), (False, "day_first")])
def test_an_order_that_leaves_dates_unread_gives_way_to_the_one_that_reads_them_all(asked: bool, read: str) -> None:
    # '2/13/2024 1:00 AM' forced day first has no month: 12 of 300 hours were dropped "to correct in the file".
    hours = pd.date_range("2024-02-01", periods=300, freq="h")
    written = "%-m/%-d/%Y %-I:%M %p" if asked else "%-d/%-m/%Y %-I:%M %p"
    text = "Timestamp,kWh\n" + "".join(f"{h.strftime(written)},{1 + i % 24 / 10}\n" for i, h in enumerate(hours))
    series = load_series(text.encode(), "x.csv", LoadOptions(day_first=asked))
    assert series.frame["ds"].tolist() == list(hours) and series.report.rows_dropped == 0
    assert [n.key for n in series.report.notices] == [f"notice.order_overruled_{read}"]
    ambiguous = load_series(DATA / "ambiguous_slash.csv", options=LoadOptions(day_first=asked))  # both read: as asked
    assert not [n for n in ambiguous.report.notices if "overruled" in n.key]
    stores = "store,Timestamp,kWh\n" + "".join(f"{store},{h.strftime(written)},{1 + i % 24 / 10}\n" for store in "AB"
                                              for i, h in enumerate(hours))  # each series as the whole file was read
    for task in read_panel(stores.encode(), "x.csv", LoadOptions(day_first=asked), PanelChoice(("store",))).tasks:
        assert task.load().frame["ds"].tolist() == list(hours)


def test_one_typo_among_dates_in_the_order_chosen_keeps_that_order() -> None:
    # 01/13/2020 among months written day first: the whole column was read month first, as days, for that one cell.
    cells = [f"01/{m:02d}/{2020 + k}" for k in range(2) for m in range(1, 13)]
    cells[12] = "01/13/2020"
    text = "date,sales\n" + "".join(f"{cell},{100 + i}\n" for i, cell in enumerate(cells))
    series = load_series(text.encode(), "x.csv", LoadOptions(day_first=True))
    assert series.frequency.name == "monthly" and len(series.frame) == 23
    assert [n.key for n in series.report.notices] == ["notice.bad_dates"]


def test_ambiguous_dates_evenly_spaced_both_ways_take_the_order_the_readers_language_writes() -> None:
    # 01/01/2020 ... 01/12/2020: the months of 2020 written day first, or 1-12 January written month first.
    european = load_series(DATA / "ambiguous_slash.csv", options=LoadOptions(usual_day_first=True))
    assert european.frequency.name == "monthly" and european.frame["ds"].iloc[1] == pd.Timestamp("2020-02-01")
    assert [n.key for n in european.report.notices if "ambiguous" in n.key] == ["notice.ambiguous_usual_day_first"]
    american = load_series(DATA / "ambiguous_slash.csv", options=LoadOptions(usual_day_first=False))
    assert american.frequency.name == "daily" and american.frame["ds"].iloc[1] == pd.Timestamp("2020-01-02")
    assert [n.key for n in american.report.notices if "ambiguous" in n.key] == ["notice.ambiguous_usual_month_first"]
    no_language = load_series(DATA / "ambiguous_slash.csv")  # the command line: the denser reading, said as a default
    assert no_language.frequency.name == "daily"  # it said month first gave "the more regular spacing"
    assert [str(n) for n in no_language.report.notices if "ambiguous" in n.key] == [
        "Dates in 'date' fit both day-first and month-first reading, evenly spaced either way; read month first. If "
        "that is wrong, choose the other order on the Data page (--day-first or --month-first on the command line), "
        "or write the dates as yyyy-mm-dd."]
    us_months = "date,sales\n" + "".join(f"{m:02d}/01/2024,{100 + m}\n" for m in range(1, 13))
    read = load_series(us_months.encode(), "us.csv", LoadOptions(usual_day_first=False))
    assert read.frequency.name == "monthly" and read.frame["ds"].iloc[-1] == pd.Timestamp("2024-12-01")
    forced = load_series(DATA / "ambiguous_slash.csv", options=LoadOptions(day_first=False, usual_day_first=True))
    assert forced.frequency.name == "daily"  # an order the user chose wins over the language's


def test_the_usual_order_does_not_take_a_reading_that_is_less_evenly_spaced() -> None:
    # Day first, 1-9 January without the 7th; month first, the 1st of January to September without July: the month
    # first reading is not evenly spaced, so the language's order (month first) is not taken.
    days = "date,sales\n" + "".join(f"{d:02d}/01/2024,{d % 3}\n" for d in (1, 2, 3, 4, 5, 6, 8, 9))
    assert calendar_spread(pd.Series(pd.date_range("2024-01-01", periods=12, freq="MS"))) == 0.0
    read = load_series(days.encode(), "days.csv", LoadOptions(usual_day_first=False))
    assert read.frame["ds"].iloc[1] == pd.Timestamp("2024-01-02")
    assert not any("usual" in n.key for n in read.report.notices)


def test_a_browser_locale_names_the_order_its_language_writes_dates_in() -> None:
    assert [usual_day_first(locale) for locale in ("en-GB", "de", "fr-FR", "pt_BR", "en-US", "en-PH")] == \
        [True, True, True, True, False, False]
    assert [usual_day_first(locale) for locale in ("en", "zh-CN", "ja", "en-CA", "", None)] == [None] * 6
    # the region is the first subtag of two letters or three digits, not the last one
    assert [usual_day_first(locale) for locale in ("en-US-POSIX", "en-US-u-ca-gregory", "es-419", "zh-Hant-TW",
                                                   "sv-SE")] == [False, False, True, None, None]


def test_a_long_file_repeating_each_date_for_its_series_takes_the_usual_order_too() -> None:
    text = "date,store,sales\n" + "".join(f"01/{m:02d}/2020,{store},{m * 10 + len(store)}\n"
                                          for m in range(1, 13) for store in ("north", "south"))
    assert calendar_spread(pd.Series(pd.to_datetime([f"2020-{m:02d}-01" for m in range(1, 13)] * 2))) == 0.0
    whole = load_series(text.encode(), "stores.csv", LoadOptions(usual_day_first=True))
    assert pd.Timestamp("2020-12-01") in set(whole.frame["ds"])  # 1 December, not 12 January
    panel = read_panel(text.encode(), "stores.csv", LoadOptions(usual_day_first=True), PanelChoice())
    assert panel is not None and panel.ids == ["north", "south"]


def test_a_column_mixing_ways_of_writing_dates_keeps_its_reading_whatever_the_language() -> None:
    text = "date,sales\n" + "".join(f"2020-01-{d:02d},{d}\n" for d in range(1, 7)) + "".join(
        f"{d:02d}/01/2020,{d}\n" for d in range(7, 13))
    read = {usual: load_series(text.encode(), "mixed.csv", LoadOptions(usual_day_first=usual))
            for usual in (None, True, False)}
    assert read[True].report.date_format == read[False].report.date_format == read[None].report.date_format
    assert all(series.frame["ds"].equals(read[None].frame["ds"]) for series in read.values())


def test_duplicates_are_dropped_or_combined_by_the_chosen_policy() -> None:
    mean = load_series(DATA / "unsorted_duplicates.csv")
    assert mean.report.duplicate_rows_dropped == 1 and mean.report.duplicate_stamps_aggregated == 1
    assert mean.frame.set_index("ds").loc["2021-05-01", "y"] == 7.0
    last = load_series(DATA / "unsorted_duplicates.csv", options=LoadOptions(duplicates="sum"))
    assert last.frame.set_index("ds").loc["2021-05-01", "y"] == 14.0


def test_a_blank_cell_stays_missing_under_the_sum_policy_and_is_filled_not_read_as_zero() -> None:
    text = "date,kwh\n2024-01-01,1\n2024-01-01,3\n2024-01-02,2\n2024-01-03,\n" + "".join(
        f"2024-01-{day:02d},{day}\n" for day in range(4, 20))
    summed = load_series(text.encode(), options=LoadOptions(duplicates="sum", missing="ffill")).frame.set_index("ds")
    assert summed.loc["2024-01-01", "y"] == 4.0 and summed.loc["2024-01-03", "y"] == 2.0  # not 0


@pytest.mark.parametrize(("policy", "rows", "april"), [("interpolate", 12, 8.0), ("ffill", 12, 6.0), ("drop", 10, None)])
def test_missing_values_follow_the_policy_and_are_counted(policy: str, rows: int, april: float | None) -> None:
    series = load_series(DATA / "missing_values.csv", options=LoadOptions(missing=policy))
    assert len(series.frame) == rows
    if april is not None:
        assert series.frame["y"].iloc[3] == pytest.approx(april)
        assert series.report.missing_filled == 2
    else:
        assert series.report.rows_dropped == 2


@pytest.mark.parametrize("policy", ["interpolate", "ffill", "drop"])
def test_blank_targets_before_the_first_and_after_the_last_value_are_left_out_not_filled(policy: str) -> None:
    text = "month,y\n2021-01,\n" + "".join(f"2021-{m:02d},{2 * m}\n" for m in range(2, 11)) + "2021-11,\n2021-12,\n"
    series = load_series(text.encode(), "ends.csv", LoadOptions(missing=policy))
    assert series.frame["y"].tolist() == [float(2 * m) for m in range(2, 11)]
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2021-02-01") and series.report.rows_dropped == 3
    assert series.report.missing_filled == 0 and series.report.notices[0].key == "notice.blank_ends"


def test_gaps_are_reported_and_filled_on_request() -> None:
    plain = load_series(DATA / "gaps.csv")
    assert plain.report.gaps == 2 and len(plain.frame) == 10
    filled = load_series(DATA / "gaps.csv", options=LoadOptions(fill_gaps=True))
    assert len(filled.frame) == 12 and filled.report.gaps == 0
    assert filled.frame["y"].iloc[5:7].tolist() == pytest.approx([6.0, 7.0])


def test_excel_sheet_can_be_chosen() -> None:
    series = load_series(DATA / "workbook.xlsx", options=LoadOptions(sheet="second"))
    assert series.frame["y"].iloc[:3].tolist() == [0.0, 10.0, 20.0]


@pytest.mark.parametrize("name", ["zeros_and_negatives.csv", "constant.csv"])
def test_hard_series_give_defined_metrics(name: str) -> None:
    series = load_series(DATA / name)
    for model in ("linear", "multi", "snaive", "auto"):
        result = run(series.frame, series.frequency, RunRequest(model, horizon=3))
        for split in ("train", "test"):
            assert all(v is None or np.isfinite(v) for v in result.metrics[split].values())
        assert np.isfinite(result.predictions["predicted"].dropna()).all()
    if name == "zeros_and_negatives.csv":
        assert result.metrics["test"]["mape"] is None


def test_a_long_series_loads_and_fits() -> None:
    n = 300_000
    stamps = pd.date_range("2000-01-01", periods=n, freq="min")
    text = "time,value\n" + "\n".join(f"{s:%Y-%m-%d %H:%M},{np.sin(i / 500):.5f}" for i, s in enumerate(stamps))
    series = load_series(text.encode(), "long.csv")
    assert len(series.frame) == n and series.frequency.name == "minutely"
    result = run(series.frame, series.frequency, RunRequest("linear"))
    assert result.metrics["test"]["rmse"] is not None


CSV_LINES = st.lists(st.tuples(st.sampled_from(["2020-01-01", "2020-02", "Jan 2020", "x", "", "1,5", "3"]),
                               st.sampled_from(["1", "2.5", "", "abc", "1,000", "-3", "1e400", "nan"])),
                     min_size=0, max_size=30)


def check_outcome(data: bytes) -> None:
    try:
        series = load_series(data, "random.csv")
    except DataError as problem:
        assert str(problem) and "\n" not in str(problem)
        return
    frame = series.frame
    assert list(frame.columns[:2]) == ["ds", "y"] and len(frame) >= 8
    assert frame["ds"].is_monotonic_increasing and frame["ds"].is_unique
    assert np.isfinite(frame["y"].to_numpy(dtype=float)).all()


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
@example(b"PK\x03\x04")
@example(b"PAR1 not really parquet")
@example(b"\xff\xfe\x00")
@example(b"a,b\n" + b"\xe9,1\n" * 10)
def test_random_bytes_give_a_tidy_frame_or_a_one_line_error(data: bytes) -> None:
    check_outcome(data)


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CSV_LINES, st.sampled_from([",", ";", "\t", "|"]), st.booleans())
def test_mutated_csvs_give_a_tidy_frame_or_a_one_line_error(rows: list[tuple[str, str]], sep: str, header: bool) -> None:
    base = [f"2020-{m:02d}-01{sep}{m}" for m in range(1, 13)]
    lines = (["date" + sep + "value"] if header else []) + base + [f"{a}{sep}{b}" for a, b in rows]
    check_outcome("\n".join(lines).encode())


def test_plain_files_take_the_fast_reader_and_load_exactly_as_the_general_path(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from core.data import read

    rng = np.random.default_rng(2)
    stamps = pd.date_range("2000-01-01", periods=500, freq="h")
    text = "timestamp,load,temp\n" + "\n".join(
        f"{s:%Y-%m-%d %H:%M:%S},{v:.3f},{int(t)}" for s, v, t in zip(stamps, rng.normal(100, 5, 500),
                                                                     rng.integers(-5, 30, 500))) + "\n"
    assert read._read_plain_csv(text, ",") is not None
    fast = load_series(text.encode(), "x.csv")
    monkeypatch.setattr(read, "_read_plain_csv", lambda text, delimiter: None)
    general = load_series(text.encode(), "x.csv")
    pd.testing.assert_frame_equal(fast.frame, general.frame)
    assert (fast.date_col, fast.target, fast.frequency) == (general.date_col, general.target, general.frequency)


@pytest.mark.parametrize("text", [
    "month,sales\nJan 1980,1\nFeb 1980,2\n",                           # month names: text
    "ds,y\n2020-03-29T01:00:00+01:00,1\n2020-03-29T03:00:00+02:00,2\n",  # offsets: local time needed
    "ds,y\n2020-01-01,\"1,200\"\n2020-01-02,\"1,300\"\n",                # thousands separators
    "ds,y,y\n2020-01-01,1,2\n2020-01-02,3,4\n",                          # repeated header
])
def test_messy_files_leave_the_fast_reader_for_the_general_path(text: str) -> None:
    from core.data import read

    assert read._read_plain_csv(text, ",") is None


@pytest.mark.parametrize("alias", ["h", "30min", "D", "MS", "W-SUN", "QS-JAN", "B"])
def test_missing_stamps_are_counted_as_building_them_would(alias: str) -> None:
    stamps = pd.Series(pd.date_range("2001-01-01", periods=300, freq=alias))
    frequency = infer_frequency(stamps)
    assert count_gaps(stamps, frequency) == 0
    gapped = stamps.drop(index=[1, 50, 51, 200]).reset_index(drop=True)
    assert count_gaps(gapped, frequency) == 4


def test_remembered_regularity_answers_as_pandas_does_for_each_set_of_stamps() -> None:
    from core.data import frequency as module

    monthly = pd.Series(pd.date_range("2001-01-01", periods=40, freq="MS"))
    gapped = monthly.drop(index=[5]).reset_index(drop=True)
    zoned = pd.Series(pd.date_range("2001-01-01", periods=40, freq="D", tz="Europe/Paris"))
    for _ in range(2):  # the second round is answered from memory
        assert module.regular_alias(monthly) == "MS"
        assert module.regular_alias(gapped) is None
        assert module.regular_alias(zoned) == "D"
        assert count_gaps(gapped, infer_frequency(monthly)) == 1
    for shift in range(module._REGULAR_KEPT + 10):
        module.regular_alias(pd.Series(pd.date_range(f"1900-01-{1 + shift % 28:02d}", periods=5 + shift // 28, freq="D")))
    assert len(module._REGULAR) == module._REGULAR_KEPT


def test_missing_stamps_over_four_centuries_are_counted_without_overflow() -> None:
    stamps = pd.Series(pd.date_range("1700-01-01", "2100-01-01", freq="D", unit="s"))
    gapped = stamps.drop(index=[7, 80_000]).reset_index(drop=True)
    assert count_gaps(gapped, infer_frequency(stamps)) == 2


def test_gaps_of_a_logger_whose_stamps_are_seconds_off_the_minute_are_counted_to_the_nearest_minute() -> None:
    # First reading 4 s after its minute, the last 2 s before: the grid from the first held one minute fewer, and 25
    # readings dropped were said as 24 missing stamps (filling them filled 25).
    jitter = np.tile([4, -3, 1, 0, -2], 864)
    jitter[-1] = -2
    stamps = pd.Timestamp("2024-06-10") + pd.to_timedelta(np.arange(4320), unit="min") + pd.to_timedelta(jitter, "s")
    kept = np.delete(np.arange(4320), np.arange(100, 4100, 160))  # 25 readings dropped
    text = "time,t\n" + "".join(f"{stamps[k]:%Y-%m-%d %H:%M:%S},{20 + k % 7}\n" for k in kept)
    series = load_series(text.encode(), "logger.csv")
    assert series.frequency.name == "minutely" and series.report.gaps == 25
    late = np.tile([-20, 5, -10, 20, 15], 120)  # the first 20 s early, the last 15 s late, none missing: rounded from
    stamps = pd.Timestamp("2024-06-10 08:00") + pd.to_timedelta(np.arange(600), "min") + pd.to_timedelta(late, "s")
    text = "time,t\n" + "".join(f"{stamp:%Y-%m-%d %H:%M:%S},{20 + k % 7}\n" for k, stamp in enumerate(stamps))
    assert load_series(text.encode(), "logger.csv").report.gaps == 0  # the first alone, one step was invented
    assert len(load_series(text.encode(), "logger.csv", LoadOptions(fill_gaps=True)).frame) == 600


def test_gaps_in_mid_month_stamps_are_filled_on_the_same_day_of_the_month() -> None:
    months = [m for m in range(1, 25) if m not in (5, 6)]
    text = "date,v\n" + "".join(f"{2020 + (m - 1) // 12}-{(m - 1) % 12 + 1:02d}-15,{m}\n" for m in months)
    series = load_series(text.encode(), "mid.csv", LoadOptions(fill_gaps=True))
    assert len(series.frame) == 24 and series.report.gaps == 0
    assert (series.frame["ds"].dt.day == 15).all()
    assert series.frame["y"].iloc[4:6].tolist() == pytest.approx([5.0, 6.0])


@pytest.mark.parametrize("footer", ["Total,2500.0\nAverage,104.2\n", "Grand total,2500\n", "合计,2500\n平均,104\n"])
def test_summary_rows_at_the_end_are_left_out_and_the_dates_still_read(footer: str) -> None:
    text = "Month,Sales\n" + "".join(f"{2015 + i // 12}-{i % 12 + 1:02d},{100 + i}\n" for i in range(24)) + footer
    series = load_series(text.encode(), "report.csv")
    assert series.date_col == "Month" and series.frequency.name == "monthly"
    assert series.frame["y"].tolist() == [float(100 + i) for i in range(24)]
    assert series.report.notices[0].key == "notice.summary_rows"


def test_note_lines_below_a_short_table_are_left_out_and_the_dates_still_read() -> None:
    text = "date,sales\n" + _months_text("{month}-01,{value}") + "Source: internal ERP,\nPreliminary figures,\n"
    series = load_series(text.encode(), "x.csv")
    assert series.date_col == "date" and series.frequency.name == "monthly" and len(series.frame) == 24
    assert [notice.key for notice in series.report.notices] == ["notice.summary_rows"]
    assert "(Source: internal ERP, Preliminary figures)" in str(series.report.notices[0])


def test_a_pivot_tables_subtotals_are_left_out_wherever_they_are() -> None:
    months = pd.date_range("2020-01-01", periods=36, freq="MS")
    lines = ["Row Labels,Sum of Sales"]
    for i, month in enumerate(months):
        lines.append(f'{month:%Y-%m},"1,{100 + i}"')
        if month.month == 12:
            lines.append(f'{month.year} Total,"{12 * (1100 + i):,}"')
    series = load_series(("\n".join(lines) + '\nGrand Total,"99,999"\n').encode(), "pivot.csv")
    assert series.frequency.name == "monthly" and series.frame["y"].tolist() == [1100.0 + i for i in range(36)]
    assert "(2020 Total, 2021 Total, 2022 Total, Grand Total)" in str(series.report.notices[0])


def test_a_reports_subtotals_written_word_first_are_left_out() -> None:
    # 'Total 2020' after each December: the two made the date column fail and the file was read as 32 steps, the
    # subtotals fitted as values, with a note that the column held no readable dates.
    lines = ["Month,Sales"]
    for i, month in enumerate(pd.date_range("2020-01-01", periods=30, freq="MS")):
        lines.append(f"{month:%Y-%m-%d},{100 + i}")
        if month.month == 12:
            lines.append(f"Total {month.year},{1266 + i}")
    series = load_series("\n".join(lines).encode(), "subtotals.csv")
    assert series.frequency.name == "monthly" and series.frame["y"].tolist() == [100.0 + i for i in range(30)]
    assert "(Total 2020, Total 2021)" in str(series.report.notices[0])


def test_excels_group_subtotals_in_a_long_file_are_left_out() -> None:
    # Excel's Data > Subtotal writes '<id> Total' below each group, its date blank: each became a series of its own,
    # skipped as 'every row is blank' though it held the group's sum.
    from core.data.tidy import LoadOptions
    from core.panel.choice import PanelChoice, read_panel

    lines = ["store,date,sales"]
    for store, base in (("north", 100), ("south", 200)):
        lines += [f"{store},{month:%Y-%m-%d},{base + i}" for i, month in enumerate(pd.date_range("2019-01", periods=24,
                                                                                                freq="MS"))]
        lines.append(f"{store} Total,,{24 * base}")
    panel = read_panel(("\n".join(lines) + "\nGrand Total,,9999\n").encode(), "long.csv", LoadOptions(),
                       PanelChoice(("store",)))
    assert panel is not None and panel.ids == ["north", "south"]


def test_a_units_row_under_the_header_is_left_out_without_asking_to_correct_it() -> None:
    # ',EUR thousand' under the header was '1 row with an unreadable date was dropped (''): correct it in the file'.
    text = "Month,Sales\n,EUR thousand\n" + "".join(f"{month:%Y-%m-%d},{100 + i}\n" for i, month in
                                                    enumerate(pd.date_range("2020-01-01", periods=30, freq="MS")))
    series = load_series(text.encode(), "units.csv")
    assert len(series.frame) == 30 and series.frequency.name == "monthly"
    assert [notice.key for notice in series.report.notices] == ["notice.labels_only"]


def test_german_summary_words_end_a_semicolon_table() -> None:
    text = "Datum;Umsatz\n" + "".join(f"01.{m:02d}.{y};{1000 + 7 * i},00\n"
                                     for i, (y, m) in enumerate((2021 + k // 12, k % 12 + 1) for k in range(24)))
    series = load_series((text + "Summe;26.760,00\nMittelwert;1.115,00\n").encode(), "x.csv")
    assert len(series.frame) == 24 and series.frame["y"].iloc[-1] == 1161.0


def test_a_series_named_like_a_summary_is_data() -> None:
    months = [f"{2015 + i // 12}-{i % 12 + 1:02d}" for i in range(48)]
    raw = pd.DataFrame({"id": ["A"] * 24 + ["Total"] * 24, "month": months, "v": np.arange(48.0)})
    assert len(_drop_summary_rows(raw, DataReport())) == 48  # a long file whose last series is the total


def test_a_file_without_a_header_row_keeps_its_first_row() -> None:
    text = "".join(f"{2015 + i // 12}-{i % 12 + 1:02d}-01,{100 + i}.5\n" for i in range(36))
    series = load_series(text.encode(), "bare.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("column 1", "column 2", 36)
    assert series.frame["y"].iloc[0] == 100.5 and series.frequency.name == "monthly"


def test_years_naming_the_columns_are_a_header() -> None:
    text = "month,2019,2020\n" + "".join(f"2021-{m:02d},{m},{2 * m}\n" for m in range(1, 13))
    assert load_series(text.encode(), "wide.csv", LoadOptions(target="2020")).frame["y"].iloc[-1] == 24.0
    bare = "2019,2020\n" + "".join(f"{m},{2 * m}\n" for m in range(1, 13))
    assert load_series(bare.encode(), "years.csv").target in ("2019", "2020")  # whole numbers: still a header


MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@pytest.mark.parametrize(("header", "months"), [("Year,Month,Sales", [str(m) for m in range(1, 13)]),
                                                ("year,month,sales", MONTH_NAMES),
                                                ("Jahr,Monat,Umsatz", ["Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul",
                                                                       "Aug", "Sep", "Okt", "Nov", "Dez"]),
                                                ("année,mois,ventes", ["janv.", "févr.", "mars", "avr.", "mai", "juin",
                                                                       "juil.", "août", "sept.", "oct.", "nov.",
                                                                       "déc."])])
def test_a_year_column_and_a_month_column_make_one_date(header: str, months: list[str]) -> None:
    text = header + "\n" + "".join(f"{2015 + i // 12},{months[i % 12]},{100 + i}\n" for i in range(36))
    series = load_series(text.encode(), "ym.csv")
    year, month, _ = header.split(",")
    assert series.date_col == f"{year}-{month}" and series.frequency.name == "monthly" and len(series.frame) == 36
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2017-12-01") and series.frame["y"].iloc[-1] == 135.0


@pytest.mark.parametrize(("header", "period"), [("Year,Period,Amount", "{}"),
                                                ("year,Posting Period,Amount", "{:03d}"),  # SAP writes 001
                                                ("Fiscal Year,Period,Amount", "{}")])  # twelve yearly series
def test_a_year_and_an_erps_numbered_posting_periods_make_monthly_dates(header: str, period: str) -> None:
    # An ERP export's fiscal year and posting period (1-12): 'Year' alone was read as the dates, each year's twelve
    # rows averaged into one ('Only 3 usable rows'), the periods dropped.
    from core.i18n import message, said

    text = header + "\n" + "".join(f"{2021 + i // 12},{period.format(i % 12 + 1)},{1000 + 12.5 * i}\n"
                                   for i in range(36))
    series = load_series(text.encode(), "erp.csv")
    year, column, _ = header.split(",")
    assert series.date_col == f"{year}-{column}" and series.target == "Amount"
    assert series.frequency.name == "monthly" and len(series.frame) == 36
    assert list(series.frame["ds"]) == list(pd.date_range("2021-01-01", periods=36, freq="MS"))
    assert series.frame["y"].iloc[-1] == 1000 + 12.5 * 35
    notice, = series.report.notices  # period 1 is January only where the fiscal year starts then: said
    assert notice.key == "notice.periods_as_months" and f"'{column}' numbers the periods" in notice
    assert message(notice.key, notice.params, "en") == notice and "财年" in said(notice, "zh")
    closing = text + "".join(f"{2021 + k},{period.format(13)},5\n" for k in range(3))  # SAP's special period 13
    series = load_series(closing.encode(), "erp.csv")  # a year: the column was no periods ('Only 3 usable rows')
    assert len(series.frame) == 36 and series.frame["y"].iloc[-1] == 1000 + 12.5 * 35
    assert "notice.special_periods" in [notice.key for notice in series.report.notices]
    quarters = "Year,Period,Amount\n" + "".join(f"{2015 + i // 4},{i % 4 + 1},{100 + i}\n" for i in range(36))
    read = load_series(quarters.encode(), "q.csv")  # 1-4 alone: quarters, not months
    assert read.frequency.name == "quarterly" and read.frame["ds"].iloc[1] == pd.Timestamp("2015-04-01")


def test_a_year_written_once_over_its_months_is_carried_down() -> None:
    # A merged year cell in Excel, or the year on the first row of each block: read as 24 steps, or 'Only 2 rows'.
    from openpyxl import Workbook

    text = "Year,Month,Sales\n" + "".join(f"{2020 + i // 12 if i % 12 == 0 else ''},{MONTH_NAMES[i % 12]},{100 + i}\n"
                                          for i in range(24))
    book = Workbook()
    sheet = book.active
    sheet.append(["Year", "Month", "Sales"])
    for i in range(24):
        sheet.append([2020 + i // 12 if i % 12 == 0 else None, MONTH_NAMES[i % 12], 100 + i])
    sheet.merge_cells("A2:A13")
    sheet.merge_cells("A14:A25")
    workbook = io.BytesIO()
    book.save(workbook)
    for data, name in ((text.encode(), "ym.csv"), (workbook.getvalue(), "ym.xlsx")):
        series = load_series(data, name)
        assert series.frequency.name == "monthly" and len(series.frame) == 24, name
        assert series.frame["ds"].iloc[-1] == pd.Timestamp("2021-12-01"), name
        assert [notice.key for notice in series.report.notices] == [
            "notice.merged_cells" if name.endswith(".xlsx") else "notice.years_carried_down"], name
    twice = text.replace("\n,Jan,", "\n,Jan,", 1).replace("2021,Jan", ",Jan")  # a year missing where one starts
    assert load_series(twice.encode(), "gap.csv").date_col != "Year-Month"


def test_an_abs_time_series_sheet_names_its_series_by_their_descriptions_and_leaves_their_details_out() -> None:
    # The Australian Bureau of Statistics heads each column with a description over a blank corner, then ten rows of
    # details (Unit, ..., Frequency, ..., Series ID): the 'Frequency' row was taken for the header (every series
    # 'Quarter'); as a CSV, a description naming a quarter was taken for the time column (read as steps).
    from openpyxl import Workbook

    described = ["Index Numbers ;  All groups CPI ;  Australia ;",
                 "Percentage Change from Corresponding Quarter of Previous Year ;  All groups CPI ;  Australia ;"]
    details = [["Unit", "Index Numbers", "Percent"], ["Series Type", "Original", "Original"],
               ["Data Type", "INDEX", "PERCENT"], ["Frequency", "Quarter", "Quarter"],
               ["Collection Month", "3", "3"], ["Series Start", pd.Timestamp("1990-03-01").to_pydatetime(), None],
               ["No. Obs", 40, 40], ["Series ID", "A2325846C", "A2325850V"]]
    quarters = pd.date_range("1990-03-01", periods=40, freq="3MS")
    book = Workbook()
    sheet = book.active
    sheet.title = "Data1"
    for row in [[None, *described], *details, *([q.to_pydatetime(), 30.2 + k, 2 + k % 3] for k, q in
                                                  enumerate(quarters))]:
        sheet.append(row)
    workbook = io.BytesIO()
    book.save(workbook)
    text = pd.read_excel(workbook, header=None).to_csv(index=False, header=False)
    for data, name in ((workbook.getvalue(), "640101.xlsx"), (text.encode(), "640101.csv")):
        series = load_series(data, name)
        assert (series.target, series.frequency.name, len(series.frame)) == (described[0], "quarterly", 40), name
        assert series.frame["y"].iloc[-1] == 69.2 and described[1] in series.numeric_columns, name
        assert "8 rows of labels above the first date ('Unit', 'Series Type'" in str(series.report.notices[-1]), name


def test_a_name_in_a_merged_cell_names_every_row_it_covers() -> None:
    # 'North' merged over its 24 rows, then 'South': the rows below each name were blank, the two stores' sales were
    # averaged into one series ('48 rows on 24 repeated time stamps combined'), or with the id column named each
    # store had 1 row. A merged 'Month' over a header of two rows stays one name, not 'Month Month'.
    from openpyxl import Workbook

    from core.panel.choice import PanelChoice, read_panel

    book = Workbook()
    sheet = book.active
    sheet.append(["Store", "Month", "Sales"])
    for store, base in (("North", 100), ("South", 140)):
        for i, month in enumerate(pd.date_range("2020-01-01", periods=24, freq="MS")):
            sheet.append([store if i == 0 else None, month.to_pydatetime(), base + i])
    sheet.merge_cells("A2:A25")
    sheet.merge_cells("A26:A49")
    workbook = io.BytesIO()
    book.save(workbook)
    panel = read_panel(workbook.getvalue(), "stores.xlsx", LoadOptions(), PanelChoice(("Store",)))
    assert panel is not None and panel.ids == ["North", "South"]
    header = Workbook()
    sheet = header.active
    sheet["A1"], sheet["A2"], sheet["B2"], sheet["D2"] = "Monthly retail report", "Month", "North", "South"
    for cells in ("A2:A3", "B2:C2", "D2:E2"):
        sheet.merge_cells(cells)
    sheet.append([None, "Units", "Revenue", "Units", "Revenue"])
    for m in range(1, 13):
        sheet.append([pd.Timestamp(2022, m, 1).to_pydatetime(), 100 + m, 1000.5 + m, 200 + m, 2000.5 + m])
    report = io.BytesIO()
    header.save(report)
    series = load_series(report.getvalue(), "report.xlsx")
    assert series.date_col == "Month" and series.target == "North Units" and len(series.frame) == 12


def test_year_and_quarter_columns_make_quarters_and_a_real_date_column_keeps_its_helpers() -> None:
    quarters = "Year,Quarter,GDP\n" + "".join(f"{2010 + i // 4},Q{i % 4 + 1},{50 + i}\n" for i in range(24))
    series = load_series(quarters.encode(), "q.csv")
    assert series.frequency.name == "quarterly" and series.frame["ds"].iloc[1] == pd.Timestamp("2010-04-01")
    helpers = "date,year,month,sales\n" + "".join(f"2020-{m:02d}-01,2020,{m},{m}\n" for m in range(1, 13))
    kept = load_series(helpers.encode(), "h.csv")
    assert kept.date_col == "date" and "year" in kept.columns


def test_a_long_file_dated_by_year_and_month_splits_by_its_store() -> None:
    rows = [f"{store},{2015 + i // 12},{i % 12 + 1},{100 + i}" for store in ("north", "south") for i in range(36)]
    raw = read_table(("store,year,month,sales\n" + "\n".join(rows)).encode(), "long.csv")
    assert plan_layout(raw, LoadOptions(), None, None).id_cols == ("store",)


@pytest.mark.parametrize("preamble", ["Source: Internal sales database, exported 2024-03-01\n\n",
                                      "Source: Internal sales database\n", "Monthly sales report\n\nUnits: EUR\n\n",
                                      # Google Analytics: five comment lines, more than the table's first rows
                                      "# -----\n# All Web Site Data\n# Audience Overview\n# 20150101-20161231\n"
                                      "# -----\n\n",
                                      # the BLS's table export: nine title lines and a blank one (six were the most)
                                      "Consumer Price Index\nOriginal Data Value\n\nSeries Id:,CUUR0000SA0\nNot "
                                      "Seasonally Adjusted\nSeries Title:,All items\nArea:,U.S. city average\nItem:,"
                                      "All items\nBase Period:,1982-84=100\n\n"])
def test_title_and_note_lines_above_the_header_are_skipped(preamble: str) -> None:
    text = preamble + "Month,Sales\n" + "".join(f"{2015 + i // 12}-{i % 12 + 1:02d},{100 + i}\n" for i in range(24))
    series = load_series(text.encode(), "report.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("Month", "Sales", 24)
    first = next(line.replace(",", ", ") for line in preamble.splitlines() if line.strip())[:30]
    said = [str(notice) for notice in series.report.notices if "above the header" in str(notice)]
    assert len(said) == 1 and f"left out ('{first}" in said[0]  # skipped without a word before


@pytest.mark.parametrize(("header", "row", "columns"), [
    # names set apart by runs of spaces
    ("Posting Date    Cost Center    Amount", "{day}    {centre}           {amount:>8}",
     ["Posting Date", "Cost Center", "Amount"]),
    # one space between two names, over columns blank in every row
    ("Posting Date Amount", "{day}  {amount:>8}", ["Posting Date", "Amount"]),
])
def test_a_listings_header_names_with_spaces_name_the_columns_below_them(header: str, row: str,
                                                                        columns: list[str]) -> None:
    # Split at every space, the header named the dates 'Posting' and the amounts 'Date'.
    text = header + "\n" + "".join(row.format(day=f"{2021 + i // 12}-{i % 12 + 1:02d}-01", centre=4100 + i % 3,
                                               amount=1000 + i * 12.5) + "\n" for i in range(24))
    series = load_series(text.encode(), "listing.txt", LoadOptions(target="Amount"))
    assert series.columns == columns and series.date_col == "Posting Date"
    assert series.frequency.name == "monthly" and series.frame["y"].iloc[:2].tolist() == [1000.0, 1012.5]


@pytest.mark.parametrize("units", ["", ",EUR,pcs\n"])
def test_a_spreadsheets_title_rows_padded_with_separators_and_a_units_row_are_skipped(units: str) -> None:
    # Spreadsheets save every row with the table's fields: the title lines and the empty row had them too, so the
    # title was taken for the header and no column was numeric.
    text = ("Monthly sales report,,\nGenerated 2024-05-01,,\n,,\nMonth,Sales,Units\n" + units
            + "".join(f"{2015 + i // 12}-{i % 12 + 1:02d},{100 + i},{i}\n" for i in range(24)))
    series = load_series(text.encode(), "report.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("Month", "Sales", 24)
    assert series.frame["y"].iloc[0] == 100


def _ons_series(quarters: bool = True, months: bool = True) -> bytes:
    """A series as the UK Office for National Statistics writes it: labels, then every year, quarter and month."""
    labels = '"Title","Retail sales index"\n"CDID","J5EK"\n"Unit","Index"\n"Release date","20-10-2023"\n'
    years = "".join(f'"{year}","{1000 + year}"\n' for year in range(2010, 2020))
    quarter_rows = "".join(f'"{year} Q{q}","{500 + year}"\n' for year in range(2010, 2020) for q in range(1, 5))
    month_rows = "".join(f'"{year} {name.upper()}","{year - 2000 + i / 100:.2f}"\n' for year in range(2010, 2020)
                         for i, name in enumerate(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b")))
    return (labels + years + (quarter_rows if quarters else "") + (month_rows if months else "")).encode()


def test_an_ons_series_is_read_by_its_months_not_as_steps_mixing_years_quarters_and_months() -> None:
    # Read as 170 steps: the labels hid the dates, and each year's and quarter's value was a step among the months.
    series = load_series(_ons_series(), "ons.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("Retail sales index", "monthly", 120)
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2010-01-01") and series.frame["y"].iloc[0] == 10.0
    assert series.frame["y"].iloc[-1] == 19.11
    keys = [notice.key for notice in series.report.notices]
    assert keys == ["notice.leading_labels", "notice.nested_periods"]
    assert "'CDID'" in series.report.notices[0] and "'Release date'" in series.report.notices[0]
    assert "its 120 monthly rows are used; 50 rows of longer periods ('2010'" in series.report.notices[1]
    from core.i18n import said

    assert "120 行月度数据" in said(series.report.notices[1], "zh")
    quarterly = load_series(_ons_series(months=False), "ons.csv")
    assert (quarterly.frequency.name, len(quarterly.frame), quarterly.frame["y"].iloc[0]) == ("quarterly", 40, 2510)


def test_a_column_of_one_period_length_is_not_taken_for_nested_periods() -> None:
    from core.data.parsing import nested_periods

    months = pd.Series([f"{2000 + i // 12} {m}" for i, m in enumerate(["JAN", "FEB", "MAR"] * 12)])
    assert nested_periods(months) is None
    assert nested_periods(pd.Series([str(year) for year in range(1990, 2020)])) is None
    assert nested_periods(pd.Series(["2015-01-01", "2015-01-02"] * 30)) is None


def _world_bank(countries: tuple[str, ...]) -> bytes:
    """A World Bank download: two note lines, a header of names and years, a row per country, blank early years and a
    separator at the end of every line."""
    years = range(1990, 2024)
    head = '"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-06-28",\n\n'
    header = '"Country Name","Country Code","Indicator Name",' + ",".join(f'"{year}"' for year in years) + ",\n"
    rows = "".join(f'"{name}","{name[:3].upper()}","GDP",' + ",".join(
        '""' if year < 1995 else f'"{(k + 1) * 1000 + 3 * (year - 1995)}"' for year in years) + ",\n"
        for k, name in enumerate(countries))
    return (head + header + rows).encode()


def test_a_table_whose_years_run_across_its_columns_is_read_a_row_per_year() -> None:
    # Refused as "only 1 usable row" (and with its note lines, as rows that do not line up).
    one_row = b"\n".join(_world_bank(("Namibia",)).splitlines()[4:])  # without its note lines
    series = load_series(one_row, "API_NY.GDP.csv")
    assert (series.date_col, series.target, series.frequency.name, len(series.frame)) == ("period", "GDP", "yearly",
                                                                                         29)  # its indicator's name
    assert series.frame["ds"].iloc[0] == pd.Timestamp("1995-01-01") and series.frame["y"].iloc[-1] == 1000 + 3 * 28
    assert [notice.key for notice in series.report.notices][0] == "notice.dates_across"
    assert "('1990' to '2023', 34 dates)" in series.report.notices[0]
    raw = read_table(_world_bank(("Namibia", "Chad", "Aruba")), "API.csv")
    assert len(raw) == 3 * 34 and list(raw.columns) == ["Country Name", "Country Code", "Indicator Name", "period",
                                                        "value"]
    from core.panel.split import detect_id_columns

    assert detect_id_columns(raw, "period") == ("Country Name",)  # each country a series of the file
    whole = load_series(_world_bank(("Namibia",)), "API_NY.GDP.csv")  # with its note lines: "do not line up"
    assert whole.frame["y"].tolist() == series.frame["y"].tolist()
    assert [notice.key for notice in whole.report.notices][:2] == ["notice.dates_across", "notice.preamble"]


def test_a_databank_export_with_codes_after_its_years_and_notes_below_is_one_series() -> None:
    # "1990 [YR1990]" was no date ("Only 1 usable row"); its footer lines were two more series, both failing.
    years = range(1990, 2023)
    text = ('"Country Name","Country Code","Series Name","Series Code",' + ",".join(f'"{y} [YR{y}]"' for y in years)
            + '\n"Germany","DEU","Population, total","SP.POP.TOTL",'
            + ",".join(f'"{1_000_000 + 1000 * k}"' for k in range(len(years) - 1)) + ',".."\n\n\n'
            + '"Data from database: World Development Indicators"\n"Last Updated: 12/18/2023"\n')
    series = load_series(text.encode(), "databank.csv")
    assert (series.frequency.name, len(series.frame)) == ("yearly", 32)
    assert series.frame["ds"].iloc[0] == pd.Timestamp("1990-01-01") and series.frame["y"].iloc[-1] == 1_031_000
    notes = next(str(n) for n in series.report.notices if n.key == "notice.footnotes")
    assert notes == "2 lines of notes below the table were left out ('Data from database: World Development I…', +1)."


@pytest.mark.parametrize(("rows", "kind", "step"), [(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                      "Oct", "Nov", "Dec"], "month", "MS"),
                                                     (["Q1", "Q2", "Q3", "Q4"], "quarter", "QS")])
def test_a_grid_of_years_across_and_months_down_is_one_series_in_time_order(rows: list[str], kind: str,
                                                                           step: str) -> None:
    # Each month was a series of its own (or each year a column of 12 steps): the year per column, month per row
    # table analysts keep in spreadsheets.
    years = range(2015, 2024)
    text = "Period," + ",".join(map(str, years)) + "\n" + "".join(
        f"{row}," + ",".join(str(100 * (year - 2000) + k) for year in years) + "\n" for k, row in enumerate(rows))
    series = load_series(text.encode(), "grid.csv")
    assert list(series.frame["ds"]) == list(pd.date_range("2015-01-01", periods=len(rows) * len(years), freq=step))
    assert list(series.frame["y"].iloc[:len(rows) + 1]) == [1500 + k for k in range(len(rows))] + [1600]
    assert series.report.notices[0].key == f"notice.years_across_{kind}s"


@pytest.mark.parametrize("names", [[str(1101 + k) for k in range(10)], [str(year) for year in range(2010, 2020)]])
def test_value_columns_named_like_years_beside_a_date_column_stay_series(names: list[str]) -> None:
    # Store ids 1101-1110 (or years compared side by side) after a date column were melted as dates: the stores were
    # averaged into one series.
    days = pd.date_range("2024-01-01", periods=40, freq="D")
    text = "date," + ",".join(names) + "\n" + "".join(
        f"{day:%Y-%m-%d}," + ",".join(str(d * 10 + k) for k in range(len(names))) + "\n" for d, day in enumerate(days))
    series = load_series(text.encode(), "stores.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("date", names[0], 40)
    assert not [notice for notice in series.report.notices if notice.key == "notice.dates_across"]


def test_a_world_bank_download_with_early_years_blank_and_a_pandas_index_is_read() -> None:
    # Most of the 1960s-1990s blank: the rows had too few cells with digits to be found below the note lines.
    years = range(1960, 2024)
    head = '"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-06-28",\n\n'
    header = '"Country Name","Country Code",' + ",".join(f'"{year}"' for year in years) + ",\n"
    rows = "".join(f'"{name}","{name[:3]}",' + ",".join('""' if year < 2000 else f'"{k + year}"' for year in years)
                   + ",\n" for k, name in enumerate(("Chad", "Peru", "Fiji")))
    raw = read_table((head + header + rows).encode(), "API.csv")
    assert list(raw.columns) == ["Country Name", "Country Code", "period", "value"] and len(raw) == 3 * 64
    indexed = ",Country," + ",".join(map(str, range(2000, 2012))) + "\n" + "".join(
        f"{i},C{i}," + ",".join(str(i * 10 + k) for k in range(12)) + "\n" for i in range(3))  # df.to_csv()
    assert list(read_table(indexed.encode(), "pandas.csv").columns) == ["Country", "period", "value"]


def test_one_row_of_dates_across_is_named_after_its_label() -> None:
    # 'Item,2020-01,...' over one row 'Revenue,...': the series, its chart's axis and its files read 'value'.
    months = pd.date_range("2020-01-01", periods=30, freq="MS")
    text = "Item," + ",".join(f"{m:%Y-%m}" for m in months) + "\nRevenue," + ",".join(map(str, range(30))) + "\n"
    assert load_series(text.encode(), "report.csv").target == "Revenue"
    numbered = "Item," + ",".join(f"{m:%Y-%m}" for m in months) + "\n17," + ",".join(map(str, range(30))) + "\n"
    assert load_series(numbered.encode(), "report.csv").target == "value"  # a number names nothing


@pytest.mark.parametrize("labels", [["Product 3"], ["Products and product groups 3 4"], ["Geography 1", "Products 3"]])
def test_footnote_numbers_in_the_label_headers_before_dates_across_are_no_dates(labels: list[str]) -> None:
    # Statistics Canada numbers its headers' footnotes ('Product 3'): the products were read as 13 steps of the
    # target 'January 2022', the other months its regressors.
    months = pd.date_range("2022-01-01", periods=24, freq="MS")
    text = ",".join(f'"{name}"' for name in [*labels, *(f"{m:%B %Y}" for m in months)]) + "\n" + "".join(
        ",".join(['"Canada"'] * (len(labels) - 1) + [f'"Item {i}"'] + [f'"{100 + 10 * i + k}"' for k in range(24)])
        + "\n" for i in range(13))
    raw = read_table(text.encode(), "1810000401.csv")
    assert list(raw.columns) == [*labels, "period", "value"] and len(raw) == 13 * 24


@pytest.mark.parametrize("corner", ["", " "])
def test_a_label_column_without_a_header_before_dates_across_names_the_series(corner: str) -> None:
    # Amplitude's event segmentation (a blank corner cell): its events were averaged into one series, or the file
    # refused ("The id column 'value' holds the values to forecast").
    days = pd.date_range("2024-02-01", periods=30)
    text = corner + ",Segment," + ",".join(f'"{day:%b %d, %Y}"' for day in days) + "\n" + "".join(
        f"{event},All Users," + ",".join(str(base + k) for k in range(30)) + "\n"
        for event, base in (("Sign Up", 500), ("Purchase", 50)))
    raw = read_table(text.encode(), "amplitude.csv")
    assert list(raw.columns) == ["series", "Segment", "period", "value"]
    assert set(raw["series"]) == {"Sign Up", "Purchase"}


def test_a_column_after_the_dates_across_is_left_out_and_said() -> None:
    # The IMF's World Economic Outlook ends each row with "Estimates Start After": the table was read as one row.
    years = range(1990, 2024)
    text = "Country\tSubject\t" + "\t".join(map(str, years)) + "\tEstimates Start After\n" + "".join(
        f"{name}\tGDP\t" + "\t".join(f"{1000 + 10 * k + year - 1990:,}" for year in years) + "\t2022\n"
        for k, name in enumerate(("Chad", "Peru")))
    raw = read_table(text.encode(), "WEO.xls")
    assert list(raw.columns) == ["Country", "Subject", "period", "value"] and len(raw) == 2 * len(years)
    series = load_series(text.encode(), "WEO.tsv", LoadOptions(target="value"))
    assert any("The columns after the dates (Estimates Start After) were left out." == notice
               for notice in series.report.notices), series.report.notices
    footer = text + "\nInternational Monetary Fund, World Economic Outlook Database, October 2023\n"  # a series
    assert read_table(footer.encode(), "WEO.xls")["Country"].unique().tolist() == ["Chad", "Peru"]


def _nbs_export(indicators: int) -> bytes:
    """A download of China's National Bureau of Statistics, as it saves it in GBK: two title lines, the months across
    the columns newest first, a row per indicator, a note and the source below."""
    months = pd.date_range("2021-01-01", periods=36, freq="MS")[::-1]
    lines = ["数据库：月度数据", "时间：最近36个月", "指标," + ",".join(f"{m.year}年{m.month}月" for m in months)]
    for k in range(indicators):
        lines.append(f"指标{k}(亿元)," + ",".join(f"{30000 + 100 * k + 50 * (35 - i) + 900 * (m.month % 3):.1f}"
                                                  for i, m in enumerate(months)))  # under each month, newest first
    lines += ["注：2023年1-2月数据为合并数据。", "数据来源：国家统计局"]
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


@pytest.mark.parametrize("indicators", [1, 2])
def test_an_nbs_export_with_its_months_newest_first_titles_and_notes_is_read(indicators: int) -> None:
    # Refused: the titles and notes outnumbered its rows ("line 3 has 37 fields where the header has 1"); without
    # them, months newest first were not turned ("only 1 usable row"), and the notes were read as series.
    raw = read_table(_nbs_export(indicators), "nbs.csv")
    named = "指标0(亿元)" if indicators == 1 else "value"  # one row: named after its indicator
    assert list(raw.columns) == ["指标", "period", named] and len(raw) == 36 * indicators
    assert raw.attrs["preamble"] == ("数据库：月度数据", "时间：最近36个月")
    assert raw.attrs["footnotes"] == ("注：2023年1-2月数据为合并数据。", "数据来源：国家统计局")
    if indicators == 1:
        series = load_series(_nbs_export(1), "nbs.csv")
        assert series.frequency.name == "monthly" and str(series.frame["ds"].iloc[0].date()) == "2021-01-01"
        assert series.frame["y"].iloc[:3].tolist() == [30900.0, 31850.0, 30100.0]  # January first, as written
    else:
        panel = read_panel(_nbs_export(2), "nbs.csv", LoadOptions(), PanelChoice())
        assert panel is not None and panel.ids == ["指标0(亿元)", "指标1(亿元)"]  # no series of the notes
    # its yearly and quarterly tables, and numbered notes without spaces ("Only 1 usable row"; "line 4 has 37 fields")
    for periods, expected in ((["2023年", "2022年", "2021年", "2020年", "2019年", "2018年", "2017年", "2016年",
                                "2015年", "2014年"], "yearly"),
                              ([f"{y}年第{q}季度" for y in (2023, 2022, 2021) for q in "四三二一"], "quarterly")):
        lines = ["数据库：年度数据", "指标：全部", "时间：最近10年", "指标," + ",".join(periods),
                 "指标0(亿元)," + ",".join(str(300 - k) for k in range(len(periods))),
                 "注：1. 2023年数据为初步数。", "2. 部分数据为初步数。", "数据来源：国家统计局"]
        series = load_series(("\r\n".join(lines) + "\r\n").encode("gbk"), "nbs.csv")
        assert series.frequency.name == expected and series.frame["y"].iloc[-1] == 300
        assert len(series.frame) == len(periods) and series.frame["ds"].is_monotonic_increasing
    built = "建成年份,面积\n" + "".join(f"{1980 + (k * 7) % 40}年,{100 + 3 * k}\n" for k in range(24))  # a measure
    assert load_series(built.encode(), "buildings.csv").frequency.name == "steps"  # was read as yearly dates
    # notes with a comma above one column of numbers are no table two fields wide ("No numeric column to forecast")
    single = "Monthly visitors\nSource: ABC, 2021\nNotes: provisional, revised\nvisitors\n" + "".join(
        f"{100 + 20 * k}\n" for k in range(12))
    assert load_series(single.encode(), "visitors.csv").frame["y"].tolist() == [100 + 20 * k for k in range(12)]


def test_days_numbered_across_the_columns_are_steps_of_each_row() -> None:
    # M5's sales: d_1 ... d_N; "Only 3 usable rows" before.
    text = "id,item_id,store_id," + ",".join(f"d_{k}" for k in range(1, 41)) + "\n" + "".join(
        f"{item}_CA_1,{item},CA_1," + ",".join(str((k * (i + 2)) % 5) for k in range(1, 41)) + "\n"
        for i, item in enumerate(("HOBBIES_1_001", "FOODS_1_002")))
    raw = read_table(text.encode(), "sales_train.csv")
    assert raw.columns[-2:].tolist() == ["period", "value"] and raw["period"].tolist()[:3] == [1, 1, 2]
    assert _numbered(["d_1", "d_2", "d_4"]) is None and _numbered(["d_1", "t_2"]) is None
    one = load_series(text.encode().replace(b"FOODS_1_002,", b"HOBBIES_1_001,"), "sales_train.csv",
                      LoadOptions(target="value", date_col="period", duplicates="sum"))
    keys = [notice.key for notice in one.report.notices]
    assert "notice.steps_across" in keys and "notice.step_numbers" not in keys  # it named 'period', made up
    features = "name," + ",".join(f"x{k}" for k in range(1, 11)) + ",y\n" + "".join(
        f"n{i}," + ",".join(str(i * k % 7) for k in range(1, 11)) + f",{i}\n" for i in range(40))
    assert load_series(features.encode(), "features.csv").target == "y"  # x1 ... x10 before y are no steps


def test_a_grid_with_a_total_row_below_its_months_leaves_the_total_out() -> None:
    years = range(2015, 2024)
    months = pd.date_range("2000-01", periods=12, freq="MS").strftime("%b")
    text = "Month," + ",".join(map(str, years)) + "\n" + "".join(
        f"{month}," + ",".join(str(100 * (year - 2014) + i) for year in years) + "\n" for i, month in enumerate(months))
    series = load_series((text + "Total," + ",".join("9999" for _ in years) + "\n").encode(), "grid.csv")
    assert len(series.frame) == 108 and series.frame["y"].max() < 9999 and series.frame["y"].iloc[12] == 200
    assert [notice.key for notice in series.report.notices][:2] == ["notice.summary_rows", "notice.years_across_months"]


@pytest.mark.parametrize("cells", [["2022 est", "2023 est", "2024 proj"], ["2022 Annual", "2023 Annual"]])
def test_words_after_a_year_are_not_taken_for_months(cells: list[str]) -> None:
    # 'est', 'proj' and 'Annual' read as months: all the years were left out as longer periods.
    from core.data.parsing import nested_periods

    column = pd.Series([str(year) for year in range(2000, 2022)] + cells)
    assert nested_periods(column) is None


def test_a_quoted_header_with_digits_below_a_title_is_still_the_header() -> None:
    text = 'Station report\nGenerated on 1 May\n\n"Date","PM2.5","PM10","NO2","O3"\n' + "".join(
        f"2024-01-{d:02d},{d},{d + 10},{d + 20},{d + 30}\n" for d in range(1, 29))
    series = load_series(text.encode(), "air.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("Date", "PM2.5", 28)


def test_names_alike_once_stripped_are_told_apart() -> None:
    # 'date' and 'date ' (or 'x' and 'x ') stopped the loader with an AttributeError.
    series = load_series(("date,date ,value\n" + "".join(f"2024-01-{i + 1:02d},b,{i}\n" for i in range(20))).encode(),
                         "twice.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("date", "value", 20)


def test_a_table_of_years_down_and_months_across_is_one_monthly_series() -> None:
    # A statistics office's table (Year,Jan,...,Dec,Annual) was read as a yearly series of January alone.
    months = list(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b"))
    text = "Year," + ",".join(months) + ",Annual\n" + "".join(
        f"{year}," + ",".join(f"{year - 2000 + m / 100:.2f}" for m in range(12)) + ",999\n"
        for year in range(2015, 2024))
    series = load_series((text + "Source: Bureau of Labor Statistics\n").encode(), "cpi.csv")
    assert (series.frequency.name, len(series.frame)) == ("monthly", 108)
    assert series.frame["ds"].iloc[13] == pd.Timestamp("2016-02-01") and series.frame["y"].iloc[13] == 16.01
    note = next(notice for notice in series.report.notices if notice.key == "notice.months_across_left")
    assert "('Jan' to 'Dec')" in note and "the columns after the months ('Annual') were left out" in note


@pytest.mark.parametrize("label, said", [("FY{}", True), ("{}", True), ("{}/{}", False)])
def test_a_table_of_fiscal_years_down_and_their_months_across_is_one_monthly_series(label: str, said: bool) -> None:
    # A budget office's Fiscal Year,Oct,...,Sep,Total was read as a yearly series of its totals; a water year's too
    months = ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]
    text = "Fiscal Year," + ",".join(months) + ",Total\n" + "".join(
        label.format(year - 1 if "/" in label else year, str(year)[2:]) + ","
        + ",".join(str(100 * (year - 2000) + k) for k in range(12)) + ",99999\n" for year in range(2016, 2024))
    series = load_series(text.encode(), "budget.csv")
    assert (series.frequency.name, len(series.frame)) == ("monthly", 96)
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2015-10-01") and series.frame["y"].iloc[0] == 1600
    assert series.frame["ds"].iloc[3] == pd.Timestamp("2016-01-01") and series.frame["y"].iloc[3] == 1603
    assert ("notice.fiscal_months" in [notice.key for notice in series.report.notices]) == said


def test_a_table_of_years_down_and_quarters_across_is_one_quarterly_series() -> None:
    # A quarterly report (Year,Q1,...,Q4,Total) was read as a yearly series of Q1, three quarters of it unused unsaid.
    text = "Year,Q1,Q2,Q3,Q4,Total\n" + "".join(
        f"{year}," + ",".join(str(500 + 10 * (year - 2010) + 30 * q) for q in range(1, 5)) + ",9999\n"
        for year in range(2010, 2024))
    series = load_series(text.encode(), "report.csv")
    assert (series.frequency.name, len(series.frame)) == ("quarterly", 56)
    assert series.frame["ds"].iloc[5] == pd.Timestamp("2011-04-01") and series.frame["y"].iloc[5] == 570
    assert [str(notice) for notice in series.report.notices] == [
        "The quarters run across the columns ('Q1' to 'Q4') and the years down the rows: each year's row is read as "
        "its four quarters; the columns after the quarters ('Total') were left out."]


def test_an_excel_pivot_of_months_grouped_under_years_is_read_by_month_without_the_subtotals() -> None:
    # Row Labels 2022, Jan, ..., Dec, 2023, Jan, ...: the years' subtotals sat among the months, read as 26 steps.
    months = list(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b"))
    body = "".join(f"{year},{12 * 1000}\n" + "".join(f"{month},{1000 + 10 * m}\n" for m, month in enumerate(months))
                   for year in (2022, 2023))
    series = load_series(("Row Labels,Sum of Sales\n" + body + "Grand Total,24000\n").encode(), "pivot.csv")
    assert (series.frequency.name, len(series.frame), series.frame["y"].max()) == ("monthly", 24, 1110)
    assert series.frame["ds"].iloc[12] == pd.Timestamp("2023-01-01")
    note = next(notice for notice in series.report.notices if notice.key == "notice.months_under_years")
    assert ("its 24 month rows are read with their year; 2 rows of years or quarters ('2022', '2023': subtotals, or "
            "blank)") in note


@pytest.mark.parametrize("layout", ["compact", "Year,Month", "Years,Months", "Years,Date", "Years,Order Date"])
def test_an_excel_pivot_with_each_year_s_subtotal_below_its_months_is_read_by_month(layout: str) -> None:
    # Subtotals at the bottom of each group ('2018 Total'): fitted as data among the months (83 steps, test MAPE
    # 162%), or the tabular layout refused ("Only 6 usable rows").
    months = list(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b"))
    if layout == "compact":
        text = "Row Labels,Sum of Sales\n" + "".join(
            f"{year},\n" + "".join(f"{month},{1000 + 10 * m + year}\n" for m, month in enumerate(months))
            + f"{year} Total,99999\n" for year in (2021, 2022, 2023)) + "Grand Total,999999\n"
    else:
        text = layout + ",Sales\n" + "".join(
            "".join(f"{year if m == 0 else ''},{month},{1000 + 10 * m + year}\n" for m, month in enumerate(months))
            + f"{year} Total,,99999\n" for year in (2021, 2022, 2023)) + "Grand Total,,999999\n"
    series = load_series(text.encode(), "pivot.csv")
    assert (series.frequency.name, len(series.frame), series.frame["y"].max()) == ("monthly", 36, 3133)
    assert series.frame["ds"].iloc[12] == pd.Timestamp("2022-01-01") and series.frame["y"].iloc[12] == 3022
    assert "2021 Total, 2022 Total, 2023 Total" in str(series.report.notices[0])  # (and Grand Total)
    assert layout == "compact" or "Grand Total" in str(series.report.notices[0])  # not "1 row without a date"


@pytest.mark.parametrize("layout", ["compact", "tabular"])
def test_an_excel_pivot_of_years_quarters_and_months_is_read_by_month(layout: str) -> None:
    # Excel groups a date field by Years, Quarters and Months and keeps the field's own name for the months
    # ('Years, Quarters, Date'): refused ("only 4 distinct time stamps"); compact, the quarter rows were read as
    # blank steps between the months (68 steps, test MAPE 35%).
    months = list(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b"))
    if layout == "compact":
        text = "Row Labels,Sum of Sales\n" + "".join(f"{year},{year}\n" + "".join(
            f"Qtr{q + 1},\n" + "".join(f"{months[3 * q + m]},{1000 + 10 * (3 * q + m) + year}\n" for m in range(3))
            for q in range(4)) for year in (2021, 2022, 2023)) + "Grand Total,999999\n"
    else:
        text = "Years,Quarters,Date,Sum of Sales\n" + "".join("".join(
            "".join(f"{year if q + m == 0 else ''},{f'Qtr{q + 1}' if m == 0 else ''},{months[3 * q + m]},"
                    f"{1000 + 10 * (3 * q + m) + year}\n" for m in range(3)) + f",Qtr{q + 1} Total,,9999\n"
            for q in range(4)) + f"{year} Total,,,99999\n" for year in (2021, 2022, 2023)) + "Grand Total,,,999999\n"
    series = load_series(text.encode(), "pivot.csv")
    assert (series.frequency.name, len(series.frame), series.frame["y"].max()) == ("monthly", 36, 3133)
    assert series.frame["ds"].iloc[16] == pd.Timestamp("2022-05-01") and series.frame["y"].iloc[16] == 3062
    said = " ".join(str(notice) for notice in series.report.notices)
    assert ("'Qtr1'" if layout == "compact" else "Qtr1 Total, Qtr2 Total") in said


def test_a_second_table_beside_the_first_past_a_blank_column_is_left_out_and_named() -> None:
    # Month, Sales, (blank), Week, Visitors: the weeks' visitors were offered as a regressor on the months' dates.
    months = pd.date_range("2018-01-01", periods=24, freq="MS")
    weeks = pd.date_range("2023-01-02", periods=30, freq="7D")
    rows = [f"{months[k]:%Y-%m-%d},{500 + k}," if k < 24 else ",," for k in range(30)]
    text = "Month,Sales,,Week,Visitors\n" + "".join(f"{row},{weeks[k]:%Y-%m-%d},{900 + k}\n"
                                                     for k, row in enumerate(rows))
    series = load_series(text.encode(), "side.csv")
    assert (series.target, series.numeric_columns, len(series.frame)) == ("Sales", ["Sales"], 24)
    assert [str(notice) for notice in series.report.notices] == [
        "The sheet holds another table to the right of the first, past a blank column (Week, Visitors): only the "
        "first was read. Save the other as a file of its own to read it."]
    plain = "date,a,,b,c\n" + "".join(f"2020-01-{d:02d},{d},,{d},{d}\n" for d in range(1, 21))  # one table
    assert "side_table" not in read_table(plain.encode(), "gap.csv").attrs
    days = pd.date_range("2023-01-01", periods=60)  # one table whose empty column has a second date after it
    later = days + pd.Timedelta(days=2)
    shipped = "order_date,amount,,ship_date,qty\n" + "".join(f"{day:%Y-%m-%d},{100 + k},,{later[k]:%Y-%m-%d},{k % 5}\n"
                                                             for k, day in enumerate(days))
    assert len(load_series(shipped.encode(), "orders.csv", LoadOptions(target="qty")).frame) == 60
    unshipped = "order_date,amount,,ship_date,shipped_qty\n" + "".join(  # the last three orders not yet shipped
        f"{day:%Y-%m-%d},{100 + k},,{'' if k >= 57 else f'{later[k]:%Y-%m-%d}'},{'' if k >= 57 else k % 5 + 1}\n"
        for k, day in enumerate(days))
    assert len(load_series(unshipped.encode(), "orders.csv", LoadOptions(target="shipped_qty")).frame) == 57
    promo = "Date,Sales,Temp,,Promo start,Promo\n" + "".join(  # a start repeated on the days a promotion runs
        f"{day:%Y-%m-%d},{100 + k},{k % 9},,{days[k // 30 * 30]:%Y-%m-%d},{int(k % 30 == 0)}\n" for k, day in
        enumerate(days))
    assert load_series(promo.encode(), "promo.csv", LoadOptions(regressors=("Promo",))).regressors == ["Promo"]


@pytest.mark.parametrize("quarter", ["Q{q}", "Qtr{q}"])
def test_an_excel_pivot_of_quarters_with_each_year_s_subtotal_is_read_by_quarter(quarter: str) -> None:
    # 'Years, Quarters' with '2020 Total' rows: "cannot convert NA to integer" (a crash); Excel's own Qtr1 labels:
    # "Only 4 usable rows".
    text = "Years,Quarters,Sum of Sales\n" + "".join(
        "".join(f"{year if q == 1 else ''},{quarter.format(q=q)},{100 + 10 * (year - 2020) + q}\n" for q in range(1, 5))
        + f"{year} Total,,9999\n" for year in range(2020, 2024)) + "Grand Total,,99999\n"
    series = load_series(text.encode(), "pivot.csv")
    assert (series.frequency.name, len(series.frame)) == ("quarterly", 16)
    assert series.frame["ds"].iloc[5] == pd.Timestamp("2021-04-01") and series.frame["y"].iloc[5] == 112


def test_the_last_row_of_a_table_whose_dates_run_across_is_a_series_not_a_note() -> None:
    # 'Notes payable' (and a row with fewer values) below a statement's rows was left out as a note.
    months = ",".join(f"2020-{m:02d}" for m in range(1, 13))
    rows = "".join(f"{item}," + ",".join(str(10 * k + m) for m in range(12)) + "\n"
                   for k, item in enumerate(("Cash", "Receivables", "Notes payable"), start=1))
    raw = read_table(("Item," + months + "\n" + rows).encode(), "statement.csv")
    assert set(raw["Item"]) == {"Cash", "Receivables", "Notes payable"} and "footnotes" not in raw.attrs


@pytest.mark.parametrize("header", ["Year,value,", "Year,Region,"])
def test_a_year_by_month_table_with_a_value_or_label_column_is_read(header: str) -> None:
    months = list(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b"))
    text = header + ",".join(months) + "\n" + "".join(
        f"{year},x," + ",".join(str(year - 2000 + m) for m in range(12)) + "\n" for year in range(2010, 2014))
    series = load_series(text.encode(), "table.csv")  # 'value' clashed with the melted column's name: a crash
    assert (series.frequency.name, len(series.frame)) == ("monthly", 48)


def test_month_columns_beside_a_date_column_or_store_numbers_are_not_a_year_by_month_table() -> None:
    months = list(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b"))
    dummies = "date,y," + ",".join(months) + "\n" + "".join(
        f"{d:%Y-%m-%d},{1950 + i}," + ",".join("1" if m == d.month - 1 else "0" for m in range(12)) + "\n"
        for i, d in enumerate(pd.date_range("2020-01-01", periods=30, freq="MS")))
    series = load_series(dummies.encode(), "dummies.csv")  # y (1950 on) was taken for years: 30 yearly rows
    assert (series.date_col, series.target, series.frequency.name) == ("date", "y", "monthly")
    stores = "Store," + ",".join(months) + "\n" + "".join(f"{store}," + ",".join("5" for _ in months) + "\n"
                                                          for store in (1850, 2005, 2100))
    assert "months_across" not in read_table(stores.encode(), "stores.csv").attrs


def test_a_column_of_years_with_a_few_month_words_below_is_not_a_pivot() -> None:
    from core.data.parsing import months_under_years

    assert months_under_years(pd.Series([str(year) for year in range(2000, 2020)] + ["May", "Jun"])) is None


def test_a_header_that_starts_with_a_brace_is_not_json() -> None:
    text = "{date},value\n" + "".join(f"2021-{m:02d},{m}\n" for m in range(1, 13))
    assert load_series(text.encode(), "braces.csv").target == "value"


def test_a_row_of_text_inside_the_table_is_not_taken_for_a_header() -> None:
    rows = "".join(f"2015-{m:02d}-01,note,{m}\n" if m != 2 else "2015-02-01,no value here,\n" for m in range(1, 13))
    series = load_series(("date,comment,value\n" + rows).encode(), "notes.csv")
    assert series.date_col == "date" and len(series.frame) == 12


def test_future_values_of_unchosen_regressors_are_pointed_out() -> None:
    text = "month,sales,price\n" + "".join(f"2021-{m:02d},{10 + m},{m % 3}\n" for m in range(1, 13))
    text += "".join(f"2022-{m:02d},,{m % 3}\n" for m in range(1, 4))
    plain = load_series(text.encode(), "f.csv")
    assert plain.report.notices[0].key == "notice.blank_ends_future" and "'price'" in plain.report.notices[0]
    chosen = load_series(text.encode(), "f.csv", LoadOptions(regressors=("price",)))
    assert chosen.future is not None and len(chosen.future) == 3 and not chosen.report.notices


def test_future_values_are_found_by_time_after_repeated_stamps_were_combined() -> None:
    text = "date,sales,temp\n" + "".join(f"2021-{m:02d}-01,{m},{2 * m}\n" for m in range(1, 13))
    text += "2021-05-01,5,10\n,,\n" + "".join(f"2022-{m:02d}-01,,{m}\n" for m in range(1, 4))
    series = load_series(text.encode(), "combined.csv")  # the row labels no longer match the frame's
    assert len(series.frame) == 12 and any("'temp'" in notice for notice in series.report.notices)


@pytest.mark.parametrize("header", ["Jahr,Monat,Tag,Wert", "Year,Month,Day,Value"])
def test_year_month_and_day_columns_make_one_daily_date_and_a_total_row_ends_a_monthly_table(header: str) -> None:
    days = pd.date_range("2020-01-30", periods=112, freq="D")
    daily = header + "\n" + "".join(f"{d.year},{d.month},{d.day},{i}\n" for i, d in enumerate(days))
    series = load_series(daily.encode(), "tage.csv")
    assert (series.date_col, series.frequency.name) == ("-".join(header.split(",")[:3]), "daily")
    assert series.frame["ds"].tolist() == list(days)  # not four monthly means, nor one year of 112 rows
    monthly = "Year,Month,Sales\n" + "".join(f"{2015 + i // 12},{i % 12 + 1},{100 + i}\n" for i in range(24))
    series = load_series((monthly + "Total,,12345\n").encode(), "report.csv")
    assert (series.date_col, series.frequency.name, len(series.frame)) == ("Year-Month", "monthly", 24)


@pytest.mark.parametrize("name", ["Leads", "Downloads", "Holidays"])
def test_counts_under_a_name_that_holds_a_date_word_stay_counts(name: str) -> None:
    text = f"month,{name}\n" + "".join(f"2020-{m:02d},{20_000 + 997 * m}\n" for m in range(1, 13))
    series = load_series(text.encode(), "counts.csv")
    assert (series.date_col, series.target) == ("month", name)


@pytest.mark.parametrize("spacing", ["s", "min", "5min", "15min", "30min", "h", "3h"])
def test_a_sub_daily_series_with_gaps_keeps_its_spacing(spacing: str) -> None:
    # Gaps make the stamps irregular; the median spacing is rounded to the nearest regular one, as it would be
    # named without the gaps (a 15-minute or per-second series was called half-hourly).
    stamps = pd.date_range("2024-03-01", periods=400, freq=spacing)
    regular = infer_frequency(pd.Series(stamps))
    gappy = infer_frequency(pd.Series(stamps.delete([50, 51, 52, 200])))
    assert gappy == regular and gappy.alias == spacing


@pytest.mark.parametrize(("spacing", "season"), [("15min", 96), ("5min", 288), ("2h", 12), ("3h", 8), ("15s", 240),
                                                ("s", 1), ("7h", 1), ("BME", 12), ("BQS", 4)])
def test_a_spacing_without_a_name_of_its_own_takes_the_day_as_its_season(spacing: str, season: int) -> None:
    # A 15-minute series had no season: seasonal naive, ETS and auto forecast its daily cycle away.
    stamps = pd.Series(pd.date_range("2024-03-01", periods=400, freq=spacing))
    assert infer_frequency(stamps).season_length == season


@pytest.mark.parametrize(("spacing", "season"), [("2W-MON", 26), ("4W-SUN", 13), ("2MS", 6), ("4MS", 3), ("2D", 1),
                                                ("3D", 1), ("2YS", 1)])
def test_a_step_of_several_weeks_or_months_keeps_the_yearly_season_where_it_divides(spacing: str, season: int) -> None:
    # Every 2 weeks, every 4 weeks and every 2 months had no season: seasonal naive and auto lost the yearly cycle.
    assert infer_frequency(pd.Series(pd.date_range("2020-01-06", periods=60, freq=spacing))).season_length == season


@pytest.mark.parametrize(("spacing", "name", "season"), [
    ("2W-SUN", "every 2 weeks", 26), ("4W-SUN", "every 4 weeks", 13), ("2MS", "every 2 months", 6),
    ("3D", "every 3 days", 1), ("2YS", "every 2 years", 1)])
def test_a_step_of_several_units_with_a_gap_keeps_its_spacing(spacing: str, name: str, season: int) -> None:
    # One missing stamp made the median spacing's nearest named one the frequency: every 2 weeks was semi-monthly,
    # every 4 weeks monthly, every 2 months quarterly, every 3 days weekly.
    stamps = pd.date_range("2010-01-03", periods=60, freq=spacing).delete(30)
    frequency = infer_frequency(pd.Series(stamps))
    assert (frequency.name, frequency.season_length) == (name, season)
    assert count_gaps(pd.Series(stamps), frequency) == 1
    assert future_dates(stamps[-1], frequency, 1).iloc[0] == pd.date_range(stamps[-1], periods=2, freq=spacing)[1]


def test_every_two_months_on_the_15th_steps_two_months() -> None:
    stamps = pd.Series([pd.Timestamp(2015 + m // 12, m % 12 + 1, 15) for m in range(0, 60, 2)])  # read as quarterly
    frequency = infer_frequency(stamps)
    assert (frequency.name, frequency.season_length) == ("every 2 months", 6)
    assert list(future_dates(stamps.iloc[-1], frequency, 2)) == [pd.Timestamp("2020-01-15"), pd.Timestamp("2020-03-15")]


@pytest.mark.parametrize(("spacing", "english", "chinese"), [
    ("4YE", "every 4 years", "每 4 年"), ("15min", "every 15 minutes", "每 15 分钟"), ("2h", "every 2 hours", "每 2 小时"),
    ("2W-SUN", "every 2 weeks", "每 2 周"), ("3D", "every 3 days", "每 3 天"), ("2MS", "every 2 months", "每 2 个月")])
def test_a_step_of_several_units_is_named_in_words(spacing: str, english: str, chinese: str) -> None:
    # Named by pandas' alias before ("every 4YE", "every 15min"), also in the Chinese interface.
    frequency = infer_frequency(pd.Series(pd.date_range("1992-02-29", periods=40, freq=spacing)))
    assert frequency.name == english and frequency_name(frequency, "zh") == chinese


def test_business_days_with_holidays_missing_are_business_daily_and_forecast_on_weekdays() -> None:
    days = pd.bdate_range("2021-01-04", periods=120).delete([10, 40, 77])  # three holidays
    frequency = infer_frequency(pd.Series(days))
    assert (frequency.name, frequency.alias, frequency.season_length) == ("business-daily", "B", 5)
    ahead = future_dates(days[-1], frequency, 10)
    assert ahead.dt.dayofweek.max() < 5 and ahead.iloc[0] == pd.Timestamp("2021-06-21")  # after Friday the 18th


def test_a_sunday_to_thursday_week_is_business_daily_and_forecast_on_its_days() -> None:
    # The Saudi market trades Sunday to Thursday: read as daily, its Fridays and Saturdays were gaps (two in seven rows)
    # and its forecast went on through them.
    days = pd.bdate_range("2024-01-07", periods=150, freq="C", weekmask="Sun Mon Tue Wed Thu").delete([20, 90])
    frequency = infer_frequency(pd.Series(days))
    assert (frequency.name, frequency.season_length) == ("business-daily", 5)
    ahead = future_dates(days[-1], frequency, 10)
    week = pd.bdate_range(days[-1], periods=11, freq="C", weekmask="Sun Mon Tue Wed Thu")
    assert ahead.tolist() == list(week[1:]) and ahead.iloc[0].day_name() == "Sunday"  # after Thursday 1 August
    text = "Date,Close\n" + "".join(f"{day:%Y-%m-%d},{100 + k / 10}\n" for k, day in enumerate(days))
    series = load_series(text.encode(), "tasi.csv")
    assert series.report.gaps == 2
    assert len(load_series(text.encode(), "tasi.csv", LoadOptions(fill_gaps=True)).frame) == 150
    weekdays = calendar_columns(series.frame["ds"], series.frequency, left_out=("year",))
    assert list(weekdays) == ["weekday=Mon", "weekday=Tue", "weekday=Wed", "weekday=Thu"]  # Sunday the reference
    assert all(column.any() for column in weekdays.values())  # Friday's term was empty, Sunday counted as Monday
    predictions = run(series.frame, series.frequency, RunRequest("naive", horizon=7)).predictions
    future = predictions.loc[predictions["split"] == "future", "ds"]
    assert len(future) == 7 and not future.dt.dayofweek.isin([4, 5]).any()


def _shop_sales(day: pd.Timestamp, k: int) -> float:
    """A shop's sales: a trend and a fixed amount per weekday (Saturday the busiest)."""
    return 100 + k / 10 + (0, 5, 5, 5, 10, 30, 0)[day.day_of_week]


@pytest.mark.parametrize("closed, week, ahead_days", [
    (6, MON_TO_SAT, ["Wednesday", "Thursday", "Friday", "Saturday", "Monday", "Tuesday"]),
    (0, TUE_TO_SUN, ["Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Tuesday"]),
])
def test_a_shop_closed_on_sundays_is_a_six_day_week_whose_weekdays_are_fitted_and_forecast(
        closed: int, week: str, ahead_days: list[str]) -> None:
    # A till export lists the trading days: read as daily, every Sunday was a gap, the weekday terms were all left out
    # ("none in Sun") and multi's test MAE doubled; its forecasts went on through Sundays. A museum's visitors,
    # closed on Mondays: every Monday was a gap, filled and forecast.
    days = pd.date_range("2023-01-02", "2024-12-31", freq="D")
    days = days[days.day_of_week != closed].delete([150, 400])  # two holidays
    frequency = infer_frequency(pd.Series(days))
    assert (frequency.name, frequency.alias, frequency.season_length) == ("business-daily", week, 6)
    ahead = future_dates(days[-1], frequency, 8)
    assert ahead.iloc[0] == pd.Timestamp("2025-01-01") and len(ahead) == 8
    assert not (ahead.dt.day_of_week == closed).any()
    text = "date,sales\n" + "".join(f"{day:%Y-%m-%d},{_shop_sales(day, k)}\n" for k, day in enumerate(days))
    series = load_series(text.encode(), "till.csv")
    assert series.report.gaps == 2 and series.frequency.alias == week
    weekdays = calendar_columns(series.frame["ds"], series.frequency, left_out=("year",))
    named = [f"weekday={day[:3]}" for day in ahead_days[:4]] + ["weekday=" + ("Sun" if closed == 0 else "Tue")]
    assert sorted(weekdays) == sorted(named) and len(weekdays) == 5
    result = run(series.frame, series.frequency, RunRequest("multi", horizon=6))
    assert result.metrics["test"]["mae"] < 1.0  # the weekday amounts and the trend are the whole series
    future = result.predictions.loc[result.predictions["split"] == "future"]
    assert future["ds"].dt.day_name().tolist() == ahead_days
    saturday = 100 + (len(days) + 3) / 10 + 30
    assert future["predicted"].iloc[3] == pytest.approx(saturday, abs=1.5)
    said = {MON_TO_SAT: "Monday to Saturday", TUE_TO_SUN: "Tuesday to Sunday"}[week]
    assert frequency_name(series.frequency, "en") == f"business-daily, {said}"


@pytest.mark.parametrize("closed, week, said", [
    ((6,), MON_TO_SAT, "Sunday rows without a value in 'sales' were left out: the series is read as a six-day week "
                       "(Monday to Saturday), and its forecasts skip Sundays."),
    ((4, 5), SUN_TO_THU, "Friday or Saturday rows without a value in 'sales' were left out: the series is read as a "
                         "Sunday-to-Thursday week, and its forecasts skip Fridays and Saturdays."),
    ((0,), TUE_TO_SUN, "Monday rows without a value in 'sales' were left out: the series is read as a six-day week "
                       "(Tuesday to Sunday), and its forecasts skip Mondays."),
    ((0, 1), WED_TO_SUN, "Monday or Tuesday rows without a value in 'sales' were left out: the series is read as a "
                         "Wednesday-to-Sunday week, and its forecasts skip Mondays and Tuesdays."),
])
def test_weekdays_written_without_values_are_closed_days_left_out_of_the_history_and_the_future(
        closed: tuple[int, ...], week: str, said: str) -> None:
    # Every calendar day written, the closed ones blank: they were interpolated as missing readings and forecast as
    # trading days, and a trailing closed day was cut from the history alone.
    days = pd.date_range("2024-01-01", "2024-04-30", freq="D")
    last = pd.Timestamp("2024-04-20")
    text = "day,sales,promo\n" + "".join(
        f"{day:%Y-%m-%d},{'' if day.day_of_week in closed or day > last else _shop_sales(day, k)},{k % 2}\n"
        for k, day in enumerate(days))
    series = load_series(text.encode(), "shop.csv", LoadOptions(regressors=("promo",)))
    assert series.frequency.alias == week and not series.frame["ds"].dt.day_of_week.isin(closed).any()
    assert series.frame["y"].notna().all() and series.report.filled_targets == ()
    weeks = {"notice.blank_sundays", "notice.blank_fridays_saturdays", "notice.blank_mondays",
             "notice.blank_mondays_tuesdays"}
    notes = [str(notice) for notice in series.report.notices if notice.key in weeks]
    assert len(notes) == 1 and notes[0].endswith(said)
    assert len(series.future) and not series.future["ds"].dt.day_of_week.isin(closed).any()


def test_the_working_week_is_the_days_with_values_not_all_days_but_the_blank_ones() -> None:
    # Weekdays with values and Sundays written blank, Saturdays not written: it was said to be a six-day week, and the
    # future rows kept their Saturdays.
    days = pd.date_range("2024-01-01", "2024-04-30", freq="D")
    days = days[days.day_of_week != 5]
    last = pd.Timestamp("2024-04-20")
    text = "day,sales,promo\n" + "".join(
        f"{day:%Y-%m-%d},{'' if day.day_of_week == 6 or day > last else _shop_sales(day, k)},{k % 2}\n"
        for k, day in enumerate(days))
    series = load_series(text.encode(), "shop.csv", LoadOptions(regressors=("promo",)))
    assert series.frequency.alias == "B" and [n.key for n in series.report.notices if "blank" in n.key] == [
        "notice.blank_weekends"]
    assert len(series.future) and (series.future["ds"].dt.day_of_week < 5).all()


def test_a_daily_series_with_a_few_blank_sundays_stays_daily() -> None:
    days = pd.date_range("2024-01-01", "2024-04-30", freq="D")
    text = "day,sales\n" + "".join(f"{day:%Y-%m-%d},{'' if day.day_of_week == 6 and k < 30 else 100 + k % 7}\n"
                                    for k, day in enumerate(days))
    series = load_series(text.encode(), "d.csv")  # Sundays with values later on: missing readings, filled
    assert series.frequency.name == "daily" and len(series.report.filled_targets) == 4


def test_daily_data_without_saturdays_is_a_week_of_the_other_six_days() -> None:
    days = pd.date_range("2021-01-04", periods=120, freq="D").delete(range(5, 120, 7))  # every Saturday missing
    assert infer_frequency(pd.Series(days)).alias == "CD-SUNMONTUEWEDTHUFRI"


@pytest.mark.parametrize(("weekdays", "alias"), [((0, 2, 4), "CD-MONWEDFRI"), ((0, 1, 2, 3), "CD-MONTUEWEDTHU")])
def test_some_weekdays_each_week_are_a_week_of_those_days_not_monday_to_friday(weekdays: tuple[int, ...],
                                                                                alias: str) -> None:
    days = pd.date_range("2021-01-04", periods=200, freq="D")
    found = infer_frequency(pd.Series(days[days.day_of_week.isin(weekdays)]))
    assert (found.alias, found.season_length) == (alias, len(weekdays))


def _workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    """An .xlsx of sheets given row by row (no header added)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, rows in sheets.items():
            pd.DataFrame(rows).to_excel(writer, sheet_name=name, index=False, header=False)
    return buffer.getvalue()


MONTH_ROWS = [[pd.Timestamp(2020 + i // 12, i % 12 + 1, 1), 100.0 + 2 * i, i % 3] for i in range(36)]


def test_a_workbook_whose_first_sheet_is_notes_is_read_from_its_data_sheet_and_says_so() -> None:
    data = _workbook({"Notes": [["This workbook holds sales"], ["see sheet Data"]],
                      "Data": [["Month", "Sales", "Promo"], *MONTH_ROWS]})
    series = load_series(data, "sales.xlsx")
    assert series.target == "Sales" and len(series.frame) == 36 and series.frequency.name == "monthly"
    other_sheet = [notice.params for notice in series.report.notices if notice.key == "notice.other_sheet"]
    assert other_sheet == [{"sheet": "Data"}]
    # The notes sheet picked under Reading options: "Column 'This workbook holds sales' holds text, not numbers: the
    # file needs a numeric column ..." (and a sheet of one blank column: "choose another file")
    with pytest.raises(DataError, match=r"^Sheet 'Notes' holds no table of numbers: choose another sheet under "
                                        r"Reading options \('Data'; --sheet on the command line\)\.$"):
        load_series(data, "sales.xlsx", LoadOptions(sheet="Notes"))
    worded = _workbook({"Notes": [["a note"]], "Data": [["Month", "Sales"], *[[row[0], f"ca. {row[1]:.0f} Stk"]
                                                                             for row in MONTH_ROWS]]})
    with pytest.raises(DataError, match=r"^Column 'Sales' holds text, not numbers"):  # a data sheet: its column said
        load_series(worded, "sales.xlsx", LoadOptions(sheet="Data"))


def test_the_search_for_a_data_sheet_stops_after_sheets_searched() -> None:
    from core.data.read import SHEETS_SEARCHED, read_table

    notes = {f"Notes {k}": [["a note"], ["another"]] for k in range(SHEETS_SEARCHED - 1)}
    within = read_table(_workbook({**notes, "Data": [["Month", "Sales", "Promo"], *MONTH_ROWS]}), "in.xlsx")
    assert within.attrs["sheet"] == "Data" and len(within) == 36
    beyond = read_table(_workbook({**notes, "More notes": [["x"]], "Data": [["Month", "Sales"], *MONTH_ROWS]}),
                        "beyond.xlsx")
    assert "sheet" not in beyond.attrs and len(beyond) < 3  # the first sheet's notes: sheet 51 is not opened


def test_a_first_sheet_of_amounts_written_as_text_is_the_one_read() -> None:
    text_amounts = [[row[0], f"{row[1]:,.2f}"] for row in MONTH_ROWS]  # 1,037.50: text, not a number cell
    data = _workbook({"Sales": [["Month", "Sales"], *text_amounts], "Rates": [["Rate", "Value"], *MONTH_ROWS[:10]]})
    series = load_series(data, "sales.xlsx")
    assert series.target == "Sales" and len(series.frame) == 36
    assert not [notice for notice in series.report.notices if notice.key == "notice.other_sheet"]


def test_a_sheets_subtotal_rows_without_a_date_are_left_out_as_such_not_as_dates_to_correct() -> None:
    # A year's sum under its months, its date cell blank: "3 rows with an unreadable date were dropped (''): correct
    # them in the file". A date written wrong is still one to correct.
    rows = []
    for year in range(3):
        months = MONTH_ROWS[12 * year:12 * (year + 1)]
        rows += [*months, [None, sum(row[1] for row in months), None]]
    rows[5] = ["2020-13-01", *rows[5][1:]]
    series = load_series(_workbook({"Sales": [["Month", "Sales", "Promo"], *rows]}), "subtotals.xlsx")
    assert (series.date_col, series.target, len(series.frame)) == ("Month", "Sales", 35)
    undated = next(notice for notice in series.report.notices if notice.key == "notice.undated_rows")
    assert undated == "3 rows without a date (subtotals or notes) were left out."
    assert message(undated.key, undated.params, "en") == undated and "小计" in said(undated, "zh")
    wrong = next(notice for notice in series.report.notices if notice.key == "notice.bad_dates")
    assert wrong.params == {"rows": 1, "examples": "'2020-13-01'"}


def test_a_note_line_under_a_sheets_table_is_left_out_as_a_csvs_is() -> None:
    # 'Source: internal ERP, extracted 2024-03-01' below the table was a row with an unreadable date to correct.
    rows = [["Month", "Sales", "Promo"], *MONTH_ROWS, [None, None, None],
            ["Source: internal ERP, extracted 2024-03-01", None, None]]
    series = load_series(_workbook({"Sales": rows}), "noted.xlsx")
    assert (series.date_col, len(series.frame), series.report.rows_dropped) == ("Month", 36, 0)
    assert [notice.key for notice in series.report.notices] == ["notice.footnotes"]
    assert str(series.report.notices[0]).startswith("1 line of notes below the table was left out ('Source: internal")


def test_a_title_above_a_header_that_repeats_a_name_reads_both_columns() -> None:
    data = _workbook({"Report": [["Monthly report", None, None], ["Month", "Sales", "Sales"], *MONTH_ROWS]})
    series = load_series(data, "report.xlsx")
    assert series.target in ("Sales", "Sales.1") and len(series.frame) == 36


@pytest.mark.parametrize("workbook", [False, True])
def test_a_title_above_a_header_of_product_codes_with_digits_is_left_out(workbook: bool) -> None:
    # An ERP's names hold numbers (SKU 1001, Product 10 Std): by the share of cells with a digit the header was no
    # header, and the file was refused ("No numeric column"); where the first product launched late, the first row of
    # data ('2020-01,,,') was taken for the header.
    names = ["SKU 1001", "SKU 1002", "Product 10 Std", "Widget"]
    months = pd.date_range("2020-01-01", periods=36, freq="MS")
    table = [[month.to_pydatetime() if workbook else f"{month:%Y-%m}",
              *(None if column == 0 and k < 3 else 100 + k + column for column in range(4))]
             for k, month in enumerate(months)]
    title = ["ERP export: monthly units by product", *[None] * 4]
    if workbook:
        data = _workbook({"Units": [title, [None] * 5, ["month", *names], *table]})
    else:
        lines = [title[:1], [], ["month", *names], *table]
        data = "\n".join(",".join("" if cell is None else str(cell) for cell in line) for line in lines).encode()
    raw = read_table(data, "units.xlsx" if workbook else "units.csv")
    assert list(raw.columns) == ["month", *names] and len(raw) == 36
    assert load_series(data, "units.xlsx" if workbook else "units.csv", LoadOptions(target="SKU 1002")).frame[
        "y"].iloc[-1] == 100 + 35 + 1


def test_a_first_row_of_data_written_unlike_the_next_is_no_header_under_a_title() -> None:
    # Read by how its cells are written, a first row with a negative amount ('-5' over '7') became the header, and the
    # real one ('region,2019,2020') a title; a sheet's first row with blank cells was compared with other columns.
    text = "Sales by year\n\nregion,2019,2020\nnorth,-5,-6\nsouth,7,8\neast,9,10\nwest,11,12\n"
    with pytest.raises(DataError):  # years over regions: refused as before, not read from north's row
        read_table(text.encode(), "years.csv")
    rows = [[pd.Timestamp(2020, 1, 1) + pd.DateOffset(months=k), None if k == 0 else k, None if k == 0 else 2 * k,
             2, 3] for k in range(30)]
    book = _workbook({"Units": [["ERP export", None, None, None, None], ["date", "SKU 1", "SKU 2", "SKU 3", "SKU 4"],
                                *rows]})
    assert list(read_table(book, "units.xlsx").columns) == ["date", "SKU 1", "SKU 2", "SKU 3", "SKU 4"]


def test_title_rows_above_a_sheets_header_are_skipped() -> None:
    data = _workbook({"Report": [["Monthly sales report", None, None], [None, None, None],
                                 ["Month", "Sales", "Promo"], *MONTH_ROWS]})
    series = load_series(data, "report.xlsx")
    assert series.target == "Sales" and series.frame["y"].iloc[-1] == 170.0
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2020-01-01")
    said = [str(notice) for notice in series.report.notices if notice.key == "notice.preamble"]  # as a CSV's are
    assert said == ["1 line of titles or notes above the header was left out ('Monthly sales report')."]


@pytest.mark.parametrize("parted", [True, False])
def test_a_title_block_of_several_cells_above_a_sheets_header_is_skipped(parted: bool) -> None:
    # A title in A1 and 'Run date' with its date in D1:E1: 'Column 2022-07-05 00:00:00 is blank in every row'.
    data = _workbook({"Report": [["Monthly sales report", None, None, "Run date", pd.Timestamp(2022, 7, 5)],
                                 *([[None] * 5] if parted else []), ["Month", "Sales", "Promo", None, None],
                                 *MONTH_ROWS]})
    series = load_series(data, "report.xlsx")
    assert (series.date_col, series.target, len(series.frame)) == ("Month", "Sales", 36)
    said = [notice.params for notice in series.report.notices if notice.key == "notice.preamble"]
    assert said == [{"lines": 1, "examples": "'Monthly sales report Run date 2022-07-0…'"}]


def test_a_header_with_an_unnamed_index_column_above_its_rows_stays_the_header() -> None:
    rows = [[i, "north", "east", "widget", "tools", month, 100 + i] for i, month in
            enumerate(pd.date_range("2020-01-01", periods=24, freq="MS").to_pydatetime())]
    data = _workbook({"Sales": [[None, "Store", "Region", "Product", "Category", "Date", "Sales"], *rows]})
    series = load_series(data, "index.xlsx")
    assert (series.date_col, series.target, len(series.frame)) == ("Date", "Sales", 24)


def test_a_hidden_column_is_not_picked_as_the_target() -> None:
    # 'old_sales' hidden between Month and Sales was forecast, unsaid.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Month", "old_sales", "Sales"])
    for i, month in enumerate(pd.date_range("2020-01-01", periods=30, freq="MS")):
        sheet.append([month.to_pydatetime(), 100 * (100 + i), 100 + i])
    sheet.column_dimensions["B"].hidden = True
    data = io.BytesIO()
    book.save(data)
    series = load_series(data.getvalue(), "hidden.xlsx")
    assert series.target == "Sales" and "old_sales" in series.numeric_columns  # still offered on the Data page
    assert load_series(data.getvalue(), "hidden.xlsx", LoadOptions(target="old_sales")).frame["y"].iloc[0] == 10_000


def test_a_full_header_above_a_blank_row_and_a_units_row_stays_the_header() -> None:
    # Only a first row that leaves cells blank is a title block: 'Date, Sales, Price' lost to the units row below.
    data = _workbook({"Report": [["Date", "Sales", "Price"], [None, None, None], [None, "EUR", "EUR/kg"],
                                 *[[pd.Timestamp(2020, 1, 1) + pd.Timedelta(days=i), 100 + i, 3.5 + i % 3]
                                   for i in range(40)]]})
    series = load_series(data, "units.xlsx")
    assert (series.date_col, series.target, len(series.frame)) == ("Date", "Sales", 40)


def test_a_hidden_measure_beats_shown_codes_and_flags() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Sales", "Weekday", "Promo"])
    for i in range(120):
        day = pd.Timestamp(2020, 1, 1) + pd.Timedelta(days=i)
        sheet.append([day.to_pydatetime(), 200 + 3 * i + 5 * (i % 7), day.isoweekday(), int(i % 10 == 0)])
    sheet.column_dimensions["B"].hidden = True
    data = io.BytesIO()
    book.save(data)
    assert load_series(data.getvalue(), "hidden.xlsx").target == "Sales"  # not the weekday code


def test_a_units_row_under_a_sheets_header_below_a_title_is_not_taken_for_the_header() -> None:
    # The units row was followed by two rows of numbers, so it became the header: the target was named 'EUR'.
    data = _workbook({"Report": [["Monthly sales report", None, None], [None, None, None],
                                 ["Month", "Sales", "Promo"], [None, "EUR", "count"], *MONTH_ROWS]})
    series = load_series(data, "report.xlsx")
    assert (series.date_col, series.target, len(series.frame)) == ("Month", "Sales", 36)


def test_a_header_of_groups_over_fields_names_each_column_by_both() -> None:
    # 'North' and 'South' over merged cells, 'Units' and 'Revenue' below: the groups were lost (Units, Units.1), or in
    # a CSV the fields became a row of text.
    rows = [[pd.Timestamp(2022, m, 1), 100 + m, 1000.5 + m, 200 + m, 2000.5 + m] for m in range(1, 13)]
    book = _workbook({"Report": [["Monthly retail report", None, None, None, None],
                                 [None, "North", None, "South", None],
                                 ["Month", "Units", "Revenue", "Units", "Revenue"], *rows]})
    text = "Date,North,,South,\n,Units,Revenue,Units,Revenue\n" + "".join(
        f"2022-{m:02d},{100 + m},{1000.5 + m},{200 + m},{2000.5 + m}\n" for m in range(1, 13))
    for data, name, date in ((book, "report.xlsx", "Month"), (text.encode(), "report.csv", "Date")):
        raw = read_table(data, name)
        assert list(raw.columns) == [date, "North Units", "North Revenue", "South Units", "South Revenue"], name
        series = load_series(data, name, LoadOptions(target="South Revenue"))
        assert (series.date_col, len(series.frame), series.frame["y"].iloc[0]) == (date, 12, 2001.5)


def test_years_before_1677_with_a_gap_load_as_the_same_years_in_the_1900s_do() -> None:
    # Nanoseconds hold 1677-2262 only: the spacing of older (or later) stamps is measured in their own unit.
    def csv(first: int) -> bytes:
        years = [first + step for step in (0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12)]  # one missing year
        return ("year,value\n" + "\n".join(f"{year},{3 + 1.5 * i}" for i, year in enumerate(years))).encode()

    old, modern = load_series(csv(1500), "old.csv"), load_series(csv(1900), "modern.csv")
    assert old.frequency == modern.frequency and old.frequency.name == "yearly"
    assert old.report.gaps == modern.report.gaps == 1
    assert old.frame["ds"].iloc[0] == pd.Timestamp("1500-01-01") and len(old.frame) == 12
    filled = load_series(csv(1500), "old.csv", LoadOptions(fill_gaps=True))  # failed: out of nanoseconds' range
    assert len(filled.frame) == 13 and filled.frame["ds"].iloc[4] == pd.Timestamp("1504-01-01")


def _months_text(row: str, rows: int = 24) -> str:
    """``rows`` lines of ``row`` formatted with ``month`` (2021-01, ...) and ``value``."""
    months = pd.date_range("2021-01-01", periods=rows, freq="MS")
    return "".join(row.format(month=f"{d:%Y-%m}", value=1000 + 7 * i) + "\n" for i, d in enumerate(months))


def test_rows_that_end_with_a_separator_the_header_lacks_are_read_as_the_header_says() -> None:
    # pandas took the dates for an index and said 'sales' was blank in every row.
    series = load_series(("month,sales\n" + _months_text("{month},{value},")).encode(), "x.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("month", "sales", "monthly")
    assert series.frame["y"].tolist() == [1000 + 7 * i for i in range(24)]


def test_excels_separator_line_is_skipped() -> None:
    text = "sep=;\nDatum;Umsatz\n" + _months_text("{month};{value},5")
    series = load_series(text.encode(), "x.csv")
    assert (series.date_col, series.target) == ("Datum", "Umsatz")
    assert series.frame["y"].iloc[:2].tolist() == [1000.5, 1007.5]


def test_a_file_without_a_header_whose_values_are_whole_numbers_keeps_its_first_row() -> None:
    series = load_series(_months_text("{month},{value}").encode(), "x.csv")
    assert len(series.frame) == 24 and series.frame["y"].iloc[0] == 1000
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2021-01-01")


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_file_without_a_header_with_decimal_commas_is_split_at_its_separator(separator: str) -> None:
    series = load_series(_months_text("{month}" + separator + "{value},5").encode(), "x.csv")
    assert (series.date_col, series.target) == ("column 1", "column 2")
    assert len(series.frame) == 24 and series.frame["y"].iloc[:2].tolist() == [1000.5, 1007.5]


def test_a_semicolon_file_with_decimal_commas_and_a_comma_in_its_header_is_split_at_its_semicolons() -> None:
    text = "Datum;Umsatz, EUR\n" + _months_text("{month};{value},5")  # one comma and one semicolon on every line
    series = load_series(text.encode(), "x.csv")
    assert (series.date_col, series.target) == ("Datum", "Umsatz, EUR")
    assert len(series.frame) == 24 and series.frame["y"].iloc[:2].tolist() == [1000.5, 1007.5]


def test_commas_between_words_still_separate_a_file_with_as_many_semicolons() -> None:
    text = "".join(f"2021-{m:02d}-01,a;b {m}\n" for m in range(1, 13))  # one comma, one semicolon a line
    # no header: a date over the dates below is a row of data (``_dated_like_below``)
    assert read_table(text.encode(), "x.csv").iloc[:, 1].tolist() == [f"a;b {m}" for m in range(1, 13)]


def test_years_naming_the_columns_of_a_wide_table_stay_its_header() -> None:
    raw = read_table(b"2019,2020\n5,6\n7,8\n", "x.csv")
    assert list(raw.columns) == ["2019", "2020"] and len(raw) == 2


def test_a_cell_of_text_in_the_target_is_named_not_silently_filled() -> None:
    text = "month,sales\n" + _months_text("{month},{value}")
    text = text.replace("2021-06,1035", "2021-06,1O35").replace("2021-08,1049", "2021-08,").replace(
        "2021-09,1056", "2021-09,#N/A")
    series = load_series(text.encode(), "x.csv")
    said = [str(notice) for notice in series.report.notices]
    assert any("Cells of 'sales' that are not numbers were read as missing (1 cell: '1O35')" in line for line in said), said
    assert not any("'#N/A'" in line or "''" in line for line in said), said  # blanks and markers are just missing


@pytest.mark.parametrize("marker", ["..", ":", "x", "(D)", "n.a.", "\u2014", "c"])
def test_a_statistics_offices_missing_value_marker_is_not_called_unreadable(marker: str) -> None:
    text = ("month,sales\n" + _months_text("{month},{value}")).replace("2021-06,1035", f"2021-06,{marker}")
    said = [str(notice) for notice in load_series(text.encode(), "x.csv").report.notices]
    assert not any("not numbers" in line for line in said), said


def test_future_rows_count_up_to_the_first_blank_regressor_cell_which_is_named() -> None:
    # One blank cell in the fourth of six future rows made every horizon fail ("add rows past the end").
    text = "month,sales,price\n" + _months_text("{month},{value},5") + "".join(
        f"2023-{m:02d},,{'' if m == 4 else 6}\n" for m in range(1, 7))
    series = load_series(text.encode(), "x.csv", LoadOptions(regressors=("price",)))
    assert series.future is not None and len(series.future) == 3 and series.future["price"].tolist() == [6.0] * 3
    said = [str(notice) for notice in series.report.notices]
    assert any("stop after 3 steps ('price' missing at 2023-04-01)" in line for line in said), said


def test_notes_below_the_table_with_several_commas_are_left_out_and_said() -> None:
    # "line 27 has 4 fields where the header has 2" was fatal; a note with one comma was read as a row already.
    text = ("month,sales\n" + _months_text("{month},{value}") + "\nSource: Bureau of Statistics, table 4, series A, 2023\n"
            '"Note: 2022, provisional",revised,monthly\n')
    series = load_series(text.encode(), "x.csv")
    assert len(series.frame) == 24 and series.frame["y"].iloc[-1] == 1000 + 7 * 23
    said = [str(notice) for notice in series.report.notices]
    assert any(line.startswith("2 lines of notes below the table were left out ('Source: Bureau") for line in said)


def test_notes_below_the_table_with_as_many_fields_or_fewer_are_left_out() -> None:
    # 'Source: ..., 2021.' had the table's two fields, and its year became a passenger count; the dates were lost.
    text = ("Month,Passengers\n" + _months_text("{month},{value}") + "Source: Airport Authority statistics, 2021.\n"
            "Note: 2020 figures are provisional.\n")
    series = load_series(text.encode(), "x.csv")
    assert (series.date_col, len(series.frame), series.frame["y"].iloc[-1]) == ("Month", 24, 1000 + 7 * 23)
    said = [str(notice) for notice in series.report.notices]
    assert any(line.startswith("2 lines of notes below the table were left out ('Source: Airport") for line in said)


@pytest.mark.parametrize("notes", ['\nNotes:\n"1. Figures for 2020 are provisional."\n',
                                   "Notes:\n(1) Figures for 2020 are provisional.\n[2] Source: the statistics office\n"])
def test_numbered_notes_below_a_table_of_plain_years_are_left_out_and_the_years_read(notes: str) -> None:
    # With 'Notes:' above a numbered note, the years were read as steps ("'Year' does not hold dates this loader can
    # read (for example '1990')"); alone, the note was "a row with an unreadable date" to correct in the file.
    text = "Year,Population\n" + "".join(f"{year},{50_000 + 10 * year}\n" for year in range(1990, 2021)) + notes
    series = load_series(text.encode(), "population.csv")
    assert series.frequency.name == "yearly" and len(series.frame) == 31
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2020-01-01")
    assert [notice.key for notice in series.report.notices] == ["notice.footnotes"]
    dated = "Datum,Wert\n1. Januar 2020 Mitte,5\n" + "".join(f"{day}. Januar 2020,{day}\n" for day in range(2, 12))
    assert len(load_series(dated.encode(), "x.csv").frame) == 11  # a date with words after it is no note
    # Rows of numbered labels beside values in euros are data (the values are no plain numbers): 10 were notes.
    rows = "".join(f"{month}. Abschlag Strom 2021;2021-{month:02d}-15;{50 + month},00 €\n" for month in range(1, 13))
    series = load_series(("Posten;Datum;Betrag\n" + rows).encode(), "abschlag.csv")
    assert len(series.frame) == 12 and not [n for n in series.report.notices if n.key == "notice.footnotes"]


def test_an_hour_the_clocks_skip_is_named_as_a_clock_change_not_as_any_gap() -> None:
    # A London meter's local hours lack 2024-03-31 01:00: it was a gap like any other, daylight saving never named.
    from core.ui.session import gaps_text

    local = pd.date_range("2024-03-25", "2024-04-04 23:00", freq="h", tz="Europe/London").tz_localize(None)
    text = pd.DataFrame({"Date": local.strftime("%d/%m/%Y"), "Time": local.strftime("%H:%M"),
                         "MWh": 100 + np.arange(len(local)) % 24}).to_csv(index=False)
    series = load_series(text.encode(), "meter.csv")
    assert (series.frequency.name, series.report.gaps, series.report.clock_change_gaps) == ("hourly", 1, True)
    assert gaps_text(series.report, 1).startswith("1 time stamp missing and not filled, each in the hour the clocks "
                                                  "skip when they move forward for daylight saving")
    from core.panel.run import loading_notes  # the command line's note says so too (it said "closed days")
    notes = [note for note in loading_notes(series) if "missing" in note]
    assert len(notes) == 1 and notes[0].startswith("1 time stamp (hourly spacing) is missing between the first and "
                                                   "the last row and not filled: each is in the hour the clocks skip"
                                                   ) and "--fill-gaps" in notes[0], notes
    hours = pd.date_range("2024-03-25", "2024-04-04 23:00", freq="h")
    for lost in ([150], [50, 51], [150, 170]):  # a Sunday's 6:00, a Wednesday night's two hours, two on one night
        gappy = pd.DataFrame({"ts": hours.delete(lost), "v": np.arange(len(hours) - len(lost), dtype=float)})
        report = load_series(gappy.to_csv(index=False).encode(), "x.csv").report
        assert report.gaps == len(lost) and not report.clock_change_gaps, lost
        said = gaps_text(report, report.gaps)
        assert said.startswith(f"{len(lost)} time stamp{'s' * (len(lost) > 1)} missing and not filled: every model")
    skipped = hours.delete(hours.get_loc(pd.Timestamp("2024-03-31 01:00")))
    written = {"UTC": skipped.strftime("%Y-%m-%dT%H:%M:%SZ"), "local": skipped.strftime("%Y-%m-%d %H:%M")}
    for name, stamps in written.items():  # the same hour lost from times written in UTC is no clock change
        report = load_series(pd.DataFrame({"ts": stamps, "v": 1.0 + np.arange(len(stamps)) % 24}).to_csv(
            index=False).encode(), "x.csv").report
        assert report.clock_change_gaps is (name == "local"), name
    quarters = pd.date_range("2024-03-25", "2024-04-02", freq="15min")  # half an hour is no skipped hour
    half = quarters.delete([quarters.get_loc(pd.Timestamp(f"2024-03-31 01:{minute}")) for minute in ("00", "15")])
    report = load_series(pd.DataFrame({"ts": half, "v": 1.0 + np.arange(len(half)) % 96}).to_csv(index=False).encode(),
                         "x.csv").report
    assert report.gaps == 2 and not report.clock_change_gaps
    longer = pd.date_range("2024-03-20", "2024-04-04 23:00", freq="h")  # two nights a year: no one zone's clock
    sundays = longer.delete([longer.get_loc(pd.Timestamp(night)) for night in ("2024-03-24 01:00", "2024-03-31 01:00")])
    report = load_series(pd.DataFrame({"ts": sundays, "v": 1.0 + np.arange(len(sundays)) % 24}).to_csv(
        index=False).encode(), "x.csv").report
    assert report.gaps == 2 and not report.clock_change_gaps


def test_a_time_column_that_cannot_be_read_names_a_cell_it_cannot_read() -> None:
    text = "Year,Population\n" + "".join(f"{year},{year}\n" for year in range(1990, 2021)) + "x1,5\nx2,6\nx3,7\n"
    [notice] = load_series(text.encode(), "x.csv").report.notices
    assert notice.key == "notice.dates_unread" and "(for example 'x1')" in str(notice)  # it named '1990', a year


def test_a_column_set_apart_by_spaces_around_its_name_is_numbered_and_said(tmp_path: Path) -> None:
    # The column headed '  sales  ' took the name 'sales' without a word, the one headed 'sales' became 'sales.1'.
    rows = "".join(f"{2000 + i // 12}-{i % 12 + 1:02d},{2 * i},{5 + i % 3}\n" for i in range(40))
    series = load_series(("date,  sales  ,sales\n" + rows).encode(), "x.csv", LoadOptions(target="sales"))
    assert series.frame["y"].iloc[:4].tolist() == [5, 6, 7, 5]  # the column headed 'sales'
    assert [str(n) for n in series.report.notices] == [
        "Some columns are named alike but for spaces around the name; they are read as 'sales  ' -> 'sales.1': rename "
        "them in the file to tell them apart."]
    tripled = "date,sales ,sales,sales.1\n" + "".join(f"{2000 + i // 12}-{i % 12 + 1:02d},{i},{i},{i}\n"
                                                    for i in range(40))
    assert load_series(tripled.encode(), "x.csv").numeric_columns == ["sales.2", "sales", "sales.1"]  # all told apart
    from core import cli  # it stopped with an internal error in the layout planner (KeyError: 'sales.1')

    for name, text in (("spaced.csv", "date,  sales  ,sales\n" + rows), ("tripled.csv", tripled)):
        path = tmp_path / name
        path.write_text(text)
        assert cli.main(["fit", str(path), "--model", "naive"]) == 0, name


def test_a_last_row_without_a_date_that_sums_the_rows_above_is_said_to_be_a_total() -> None:
    # Google Analytics ends its export with the total, its date blank: "correct it in the file" was the advice.
    text = "Day Index,Sessions\n" + _months_text("{month},{value}") + f",{sum(1000 + 7 * i for i in range(24))}\n"
    series = load_series(text.encode(), "analytics.csv")
    assert len(series.frame) == 24 and [n.key for n in series.report.notices] == ["notice.total_unlabelled"]
    other = "Day Index,Sessions\n" + _months_text("{month},{value}") + ",5\n"  # not the sum: a row without a date
    assert [n.key for n in load_series(other.encode(), "x.csv").report.notices] == ["notice.missing_dates"]


def test_a_row_of_data_with_a_field_too_many_still_stops_the_load_with_its_line() -> None:
    text = "month,sales\n" + _months_text("{month},{value}") + "2023-01,1200,7\n"
    with pytest.raises(DataError, match="line 26 has 3 fields where the header has 2"):
        load_series(text.encode(), "x.csv")


def test_a_blank_regressor_cell_in_the_future_rows_is_named_by_the_horizons_error() -> None:
    from core.errors import SettingsError
    from core.evaluation.pipeline import RunRequest, forecast_future
    from core.models.specs import ModelSettings

    months = pd.date_range("2021-01-01", periods=24, freq="MS")  # regressors that vary: a constant one needs no future
    text = "month,sales,price,promo\n" + "".join(f"{d:%Y-%m},{1000 + 7 * i},{5 + i % 2},{i % 2}\n" for i, d in
                                                  enumerate(months)) + "".join(
        f"2023-{m:02d},,6,{'' if m == 5 else 1}\n" for m in range(1, 7))
    series = load_series(text.encode(), "x.csv", LoadOptions(regressors=("price", "promo")))
    request = RunRequest("linear", ModelSettings(regressors=("price", "promo")), horizon=6)
    with pytest.raises(SettingsError,
                       match=r"for 4 steps past the end \('promo' missing at 2023-05-01\): forecast at most 4"
                       ) as raised:
        forecast_future(series.frame, series.frequency, request, series.future)
    chinese = said(raised.value, "zh")
    assert "（“promo”在 2023-05-01 缺失）" in chinese and "missing" not in chinese, chinese


def test_future_regressor_rows_that_skip_a_month_reach_only_up_to_it() -> None:
    # March left out of the future rows: April's price was forecast as March's, May's as April's, and so on.
    from core.errors import SettingsError
    from core.evaluation.pipeline import RunRequest, forecast_future
    from core.models.specs import ModelSettings

    text = "month,sales,price\n" + _months_text("{month},{value},{value}") + "".join(  # a price that varies
        f"2023-{m:02d},,{m}\n" for m in (1, 2, 4, 5, 6))
    series = load_series(text.encode(), "x.csv", LoadOptions(regressors=("price",)))
    assert series.future is not None and series.future["price"].tolist() == [1.0, 2.0]
    said_lines = [str(notice) for notice in series.report.notices]
    assert any(line.startswith("The regressors' future rows have no row for 2023-03-01: forecasts reach 2 steps")
               for line in said_lines), said_lines
    request = RunRequest("linear", ModelSettings(regressors=("price",)), horizon=3)
    with pytest.raises(SettingsError, match=r"for 2 steps past the end \(no row for 2023-03-01\): forecast at most 2"
                       ) as raised:
        forecast_future(series.frame, series.frequency, request, series.future)
    assert "缺少 2023-03-01 这一行" in said(raised.value, "zh")
    ahead = forecast_future(series.frame, series.frequency,
                            RunRequest("linear", ModelSettings(regressors=("price",)), horizon=2), series.future)
    assert [f"{d:%Y-%m}" for d in ahead["ds"]] == ["2023-01", "2023-02"]


def test_future_rows_of_a_history_off_its_calendar_are_matched_by_position() -> None:
    # Business days without their holidays count rows: future rows skipping 25 December were cut at it ("add a row
    # for 2024-12-25"), and irregular stamps (read as weekly) kept none.
    days = pd.bdate_range("2024-06-03", "2024-12-20").delete([20, 45])  # two holidays in the history
    ahead = pd.bdate_range("2024-12-23", periods=10).delete(2)  # and 25 December in the future rows
    text = "day,sales,promo\n" + "".join(f"{d:%Y-%m-%d},{100 + i % 7},{i % 2}\n" for i, d in enumerate(days)) + "".join(
        f"{d:%Y-%m-%d},,{i % 2}\n" for i, d in enumerate(ahead))
    series = load_series(text.encode(), "x.csv", LoadOptions(regressors=("promo",)))
    assert series.frequency.name == "business-daily" and series.future is not None and len(series.future) == 9
    assert not any("have no row for" in str(notice) for notice in series.report.notices)
    # each forecast at its own row's date: the calendar's next business days named 25 December, which has no row,
    # and left out the last row's date
    from core.evaluation.pipeline import RunRequest, forecast_future
    from core.models.specs import ModelSettings
    forecast = forecast_future(series.frame, series.frequency, RunRequest(
        "multi", ModelSettings(regressors=("promo",)), horizon=9), series.future)
    assert list(forecast["ds"]) == list(ahead)


def test_future_rows_of_a_history_whose_gaps_are_filled_are_held_to_its_calendar() -> None:
    # A month missing in the history and in the future rows, the gaps filled: the future rows were matched by position,
    # every month after the missing one given the next month's values.
    months = pd.date_range("2018-01-01", periods=60, freq="MS").delete(20)
    text = "month,sales,price\n" + "".join(f"{d:%Y-%m-%d},{100 + i},{i % 5}\n" for i, d in enumerate(months)) + "".join(
        f"2023-{m:02d}-01,,{m}\n" for m in (1, 2, 4, 5))
    series = load_series(text.encode(), "x.csv", LoadOptions(regressors=("price",), fill_gaps=True))
    assert series.future is not None and series.future["price"].tolist() == [1.0, 2.0]
    assert any(str(notice).startswith("The regressors' future rows have no row for 2023-03-01: forecasts reach 2 steps")
               for notice in series.report.notices)


def test_columns_named_alike_are_said_with_the_names_they_are_read_under() -> None:
    text = "date,sales,sales\n" + "".join(f"2021-{m:02d}-01,{100 + m},{200 + m}\n" for m in range(1, 13))
    series = load_series(text.encode(), "x.csv", LoadOptions(target="sales.1"))
    assert series.frame["y"].iloc[0] == 201
    said_lines = [str(notice) for notice in series.report.notices]
    assert "Several columns have the same name; the later ones are read as 'sales.1': rename them in the file to tell " \
           "them apart." in said_lines, said_lines
    plain = "date,rate,rate.5\n" + "".join(f"2021-{m:02d}-01,{m},{m}\n" for m in range(1, 13))  # no repeated name
    assert not load_series(plain.encode(), "x.csv").report.notices
    depths = "date,0,0.1,0.2\n" + "".join(f"2021-{m:02d}-01,{m},{m},{m}\n" for m in range(1, 13))  # numbers, not renamed
    assert not any("same name" in str(notice) for notice in load_series(depths.encode(), "x.csv").report.notices)


def test_an_unnamed_first_column_of_dates_is_the_time_column() -> None:
    # pandas' to_csv of a frame indexed by dates; an Excel sheet with a blank cell above its dates reads alike
    frame = pd.DataFrame({"sales": np.arange(24.0) + 100, "promo": [0, 1] * 12},
                         index=pd.date_range("2021-01-01", periods=24, freq="MS"))
    series = load_series(frame.to_csv().encode(), "x.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("date", "sales", "monthly")
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2022-12-01") and series.frame["y"].iloc[-1] == 123.0
    numbered = load_series(frame.reset_index(drop=True).to_csv().encode(), "x.csv")  # row numbers: still dropped
    assert numbered.date_col is None and "Unnamed: 0" not in numbered.numeric_columns


def test_month_and_year_with_a_point_beside_decimal_commas_and_thousands_points() -> None:
    values = [1234.5 + 10 * i for i in range(36)]
    text = "Monat;Umsatz\n" + "".join(f"{i % 12 + 1:02d}.{2021 + i // 12};{value:,.2f}\n".replace(",", "_").replace(
        ".", ",").replace("_", ".").replace(f"{i % 12 + 1:02d},{2021 + i // 12}", f"{i % 12 + 1:02d}.{2021 + i // 12}")
        for i, value in enumerate(values))  # 01.2021;1.234,50: the months are no decimal points
    series = load_series(text.encode(), "x.csv")
    assert series.frequency.name == "monthly" and series.frame["y"].tolist() == values


@pytest.mark.parametrize("header", ["Monat", "x"])
def test_month_and_year_with_a_point_are_dates_and_the_points_in_the_values_thousands(header: str) -> None:
    # a German export: 01.2021 is January 2021, not 1.2021; 1.000 is a thousand, as 975 beside it says
    values = [900 + 10 * i for i in range(36)]
    text = f"{header};Stückzahl\n" + "".join(
        f"{i % 12 + 1:02d}.{2021 + i // 12};{value:,}\n".replace(",", ".") for i, value in enumerate(values))
    series = load_series(text.encode(), "x.csv")
    assert (series.date_col, series.target, series.frequency.name) == (header, "Stückzahl", "monthly")
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2023-12-01") and series.frame["y"].tolist() == values


def test_sap_periods_with_their_year_are_months_and_no_decimal_points() -> None:
    # SAP's 'Fiscal Period' 001.2021 beside amounts 1.000,00: the periods tied with the decimal commas, the file was
    # read with decimal points and the periods as numbers, the rows as steps, and the note quoted '1.2021'.
    values = [1000 + 1250.5 * i for i in range(36)]
    lines = ["Fiscal Period;Amount"] + [f"{i % 12 + 1:03d}.{2021 + i // 12};" + f"{value:,.2f}".translate(
        str.maketrans(",.", ".,")) for i, value in enumerate(values)]  # 001.2021;1.000,00
    assert read_table(("\n".join(lines) + "\n").encode(), "sap.csv").attrs["decimal_comma"]
    series = load_series(("\n".join(lines) + "\n").encode(), "sap.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("Fiscal Period", "Amount", "monthly")
    assert list(series.frame["ds"]) == list(pd.date_range("2021-01-01", periods=36, freq="MS"))
    assert series.frame["y"].tolist() == values
    assert [notice.key for notice in series.report.notices] == ["notice.periods_as_months"]
    for year in (2023, 2022, 2021):  # a special period closing each year: one row in 13 made the column steps
        lines.insert(12 * (year - 2020) + 1, f"013.{year};5,00")
    series = load_series(("\n".join(lines) + "\n").encode(), "sap.csv")
    assert len(series.frame) == 36 and series.frequency.name == "monthly" and series.frame["y"].tolist() == values
    assert series.report.notices[-1] == "3 rows of special periods 13-16 (a year's closing postings, no month) were " \
                                        "left out."  # not dates to correct in the file
    pointed = "Period,Amount\n" + "".join(f"{i % 12 + 1:03d}.{2021 + i // 12},{value}\n"
                                          for i, value in enumerate(values))
    series = load_series(pointed.encode(), "sap.csv")  # beside decimal points, not the numbers 1.2021, 2.2021, ...
    assert (series.date_col, series.frequency.name, series.frame["ds"].iloc[-1]) == ("Period", "monthly",
                                                                                     pd.Timestamp("2023-12-01"))


def test_comments_that_end_in_total_are_not_subtotals() -> None:
    text = "date,sales,comment\n" + "".join(
        f"2021-01-{d:02d},{d},{'Running total' if d == 5 else 'Promo week total' if d == 9 else ''}\n"
        for d in range(1, 21))
    series = load_series(text.encode(), "x.csv")
    assert len(series.frame) == 20 and not series.report.notices


def test_a_hidden_first_sheet_is_passed_over_and_the_sheet_read_is_named() -> None:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame([["Month", "Sales"], *[[row[0], 1.0] for row in MONTH_ROWS]]).to_excel(
            writer, sheet_name="old", index=False, header=False)
        pd.DataFrame([["Month", "Sales", "Promo"], *MONTH_ROWS]).to_excel(writer, sheet_name="Current", index=False,
                                                                           header=False)
        writer.book["old"].sheet_state = "hidden"
    series = load_series(buffer.getvalue(), "sales.xlsx")
    assert series.frame["y"].iloc[:2].tolist() == [100.0, 102.0]  # not the hidden sheet's ones
    assert [notice.params for notice in series.report.notices if notice.key == "notice.hidden_sheets"] == [
        {"sheet": "Current"}]


@pytest.mark.parametrize("chart_first", [True, False])
def test_a_chart_sheet_is_neither_read_nor_offered(chart_first: bool) -> None:
    # A chart sheet placed first was looked up as the sheet to read: "'sales.xlsx' has no sheet 'Chart': its sheets
    # are 'Data'"; one placed after the data was offered as another sheet to choose.
    from openpyxl import Workbook
    from openpyxl.chart import LineChart, Reference

    book = Workbook()
    data = book.active
    data.title = "Data"
    for row in [["Month", "Sales", "Promo"], *MONTH_ROWS]:
        data.append(row)
    chart = LineChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=len(MONTH_ROWS) + 1), titles_from_data=True)
    book.create_chartsheet("Chart", 0 if chart_first else 1).add_chart(chart)
    buffer = io.BytesIO()
    book.save(buffer)
    series = load_series(buffer.getvalue(), "sales.xlsx")
    assert series.target == "Sales" and len(series.frame) == 36 and series.frequency.name == "monthly"
    assert series.frame["y"].iloc[:2].tolist() == [100.0, 102.0]
    assert series.report.sheets == ("Data",) and series.report.sheet_read == "Data"
    assert not [notice for notice in series.report.notices if "sheet" in notice.key]


def test_blank_rows_of_a_sheet_are_no_rows_with_unreadable_dates() -> None:
    rows = [["Month", "Sales", "Promo"], *MONTH_ROWS[:12], [None, None, None], *MONTH_ROWS[12:]]
    series = load_series(_workbook({"Data": rows}), "sales.xlsx")
    assert len(series.frame) == 36 and not series.report.notices, [str(n) for n in series.report.notices]


@pytest.mark.parametrize("workbook", [False, True])
def test_a_date_column_and_a_time_column_make_one_hourly_time_stamp(workbook: bool) -> None:
    hours = pd.date_range("2023-03-01", periods=72, freq="h")
    rows = [[f"{h:%d/%m/%Y}", f"{h:%H:%M}", 5 + h.hour % 24] for h in hours]
    if workbook:
        data = _workbook({"Data": [["Date", "Time", "kWh"], *[[h.normalize(), f"{h:%H:%M:%S}", v]
                                                               for h, (_, _, v) in zip(hours, rows)]]})
    else:
        data = ("Date,Time,kWh\n" + "".join(f"{d},{t},{v}\n" for d, t, v in rows)).encode()
    series = load_series(data, "x.xlsx" if workbook else "x.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("Date Time", "kWh", "hourly")
    assert series.frame["ds"].tolist() == list(hours)


@pytest.mark.parametrize("clock", ["%I:%M %p", "%-I:%M %p", "%-I:%M:%S %p", "%H:%M %p"])
def test_a_time_column_on_a_12_hour_clock_is_combined_with_the_dates(clock: str) -> None:
    # '1:00 PM' beside the dates: ten days of hours were averaged into ten daily values. (.NET's 'HH:mm tt' writes
    # 13:00 PM and 00:00 AM.)
    hours = pd.date_range("2023-03-13", periods=72, freq="h")
    rows = "".join(f"{h:%d/%m/%Y},{h.strftime(clock)},{5 + h.hour}\n" for h in hours)
    series = load_series(("Date,Time,kWh\n" + rows).encode(), "x.csv")
    assert (series.date_col, series.frequency.name, len(series.frame)) == ("Date Time", "hourly", 72)
    assert series.frame["ds"].tolist() == list(hours) and series.frame["y"].iloc[13] == 18
    blank = rows.replace("13/03/2023,01:00 AM", "13/03/2023,", 1).replace("13/03/2023,1:00 AM", "13/03/2023,", 1)
    assert len(load_series(("Date,Time,kWh\n" + blank).encode(), "x.csv").frame) >= 71  # a blank time: no crash


@pytest.mark.parametrize(("header", "first", "per_day", "step"), [
    ("SETTLEMENT_DATE,SETTLEMENT_PERIOD", 1, 48, "half-hourly"), ("OPR_DT,OPR_HR", 1, 24, "hourly"),
    ("Date,Hour", 0, 24, "hourly"), ("Trade Date,Interval", 1, 96, "every 15 minutes")])
def test_a_date_and_the_days_numbered_periods_are_read_as_time_stamps(header: str, first: int, per_day: int,
                                                                       step: str) -> None:
    # NESO's demand data, CAISO's OASIS: the period was read as the target (or each period as a series), the day's
    # periods averaged into one row a day.
    days = pd.date_range("2023-01-02", periods=6, freq="D")
    rows = "".join(f"{day:%d-%b-%Y},{period},{1000 + 10 * period + day.day}\n" for day in days
                   for period in range(first, first + per_day))
    series = load_series((header + ",demand\n" + rows).encode(), "x.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("demand", step, 6 * per_day)
    stamps = pd.date_range("2023-01-02", periods=6 * per_day, freq=pd.Timedelta(days=1) / per_day)
    assert series.frame["ds"].tolist() == list(stamps)
    assert series.frame["y"].iloc[per_day + 1] == 1000 + 10 * (first + 1) + 3  # the second period of the second day


def test_a_clock_change_days_extra_periods_are_combined_with_the_next_days_first_and_said() -> None:
    days = pd.date_range("2023-10-27", periods=5, freq="D")  # 29 October: 50 half-hours in the UK
    rows = "".join(f"{day:%Y-%m-%d},{period},{period}\n" for day in days
                   for period in range(1, 51 if day.day == 29 else 49))
    series = load_series(("settlement_date,settlement_period,demand\n" + rows).encode(), "x.csv")
    assert series.frequency.name == "half-hourly" and len(series.frame) == 5 * 48
    assert any("2 repeated time stamps" in notice for notice in series.report.notices)
    # said as the clock change it is (the repeated stamps' note alone suggested summing orders or sales)
    assert ("Days of a clock change hold an hour's periods more or fewer than the usual 48 in 'settlement_period': "
            "2023-10-29 (50).") in str(series.report.notices[0])
    spring = pd.date_range("2023-03-24", periods=5, freq="D")  # 26 March: 46, the last day partial (30)
    rows = "".join(f"{day:%Y-%m-%d},{period},{period}\n" for day in spring
                   for period in range(1, 47 if day.day == 26 else 31 if day.day == 28 else 49))
    series = load_series(("settlement_date,settlement_period,demand\n" + rows).encode(), "x.csv")
    assert "in 'settlement_period': 2023-03-26 (46)." in str(series.report.notices[0])


@pytest.mark.parametrize("header", ["Date,Period", "Date,Hour"])
def test_a_period_column_that_is_not_the_days_periods_is_left_as_it_is(header: str) -> None:
    days = pd.date_range("2023-01-02", periods=40, freq="D")  # one row a day, periods 1-12: months, not a day's
    rows = "".join(f"{day:%Y-%m-%d},{n % 12 + 1},{n}\n" for n, day in enumerate(days))
    series = load_series((header + ",sales\n" + rows).encode(), "x.csv")
    assert series.frequency.name == "daily" and len(series.frame) == 40


def test_formulas_without_saved_results_are_said_with_the_fix() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Date", "Units", "Price", "Revenue"])
    for i in range(24):
        sheet.append([pd.Timestamp(2021 + i // 12, i % 12 + 1, 1), 100 + i, 2.5, f"=B{i + 2}*C{i + 2}"])
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl writes formulas without their results, as programs do
    series = load_series(buffer.getvalue(), "sales.xlsx")
    assert series.target == "Units" and "notice.unsaved_formulas" in [notice.key for notice in series.report.notices]
    with pytest.raises(DataError, match="no values: the sheet has formulas whose results were never saved"):
        load_series(buffer.getvalue(), "sales.xlsx", LoadOptions(target="Revenue"))
    assert "notice.unsaved_formulas" not in [n.key for n in load_series(_workbook(
        {"Data": [["Month", "Sales", "Promo"], *MONTH_ROWS]}), "x.xlsx").report.notices]  # plain values: nothing said
    totals = openpyxl.Workbook()  # the one formula in a Total row, left out: re-saving would change nothing used
    for row in [["Week", "Orders", "Comment"], ["2023-12-25", 199, "holiday week"],  # a note in one row: other blanks
                *[[pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=i), 200 + i] for i in range(19)],
                ["Total", "=SUM(B2:B21)"]]:
        totals.active.append(row)
    buffer = io.BytesIO()
    totals.save(buffer)
    weekly = load_series(buffer.getvalue(), "orders.xlsx")
    assert len(weekly.frame) == 20 and [n.key for n in weekly.report.notices] == ["notice.summary_rows"]
    shown = quality_markdown(weekly, summarize(weekly))  # the Total row is no value dropped by the missing policy
    assert "Missing values filled (interpolate): **0**\n- Rows left out (" in shown and "say which): **1**" in shown


def _refused_workbook(rows: list[list[object]]) -> DataError:
    """The error loading a workbook of ``rows`` raises, saved by openpyxl (formulas without their results)."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(DataError) as caught:
        load_series(buffer.getvalue(), "formulas.xlsx")
    return caught.value


def test_a_sheet_of_formulas_only_is_said_to_need_saving_not_to_be_blank() -> None:
    # Every date and value a formula never computed: "Column 'value' is blank in every row: fill in the values".
    refused = _refused_workbook([["date", "value"], *[[f"=DATE(2000,{n},1)", f"=100+{n}*2"] for n in range(1, 37)]])
    assert refused.key == "err.target_unsaved_formulas" and str(refused).startswith(
        "Target column 'value' has no values: the sheet has formulas whose results were never saved")
    # the first month typed, each next one a formula (=EDATE(A2,1)): "Only 1 usable row"
    refused = _refused_workbook([["Month", "Sales"], *[[pd.Timestamp("2018-01-01") if n == 0 else
                                                         f"=EDATE(A{n + 1},1)", 100 + n] for n in range(36)]])
    assert refused.key == "err.dates_unsaved_formulas" and str(refused).startswith(
        "Time column 'Month' has no dates in most rows: the sheet has formulas whose results were never saved")


def test_a_comment_that_starts_with_a_summary_word_keeps_its_dated_row() -> None:
    text = "date,sales,comment\n" + "".join(
        f"2021-01-{d:02d},{d},{'Total outage in the afternoon' if d == 20 else ''}\n" for d in range(1, 21))
    series = load_series(text.encode(), "x.csv")
    assert len(series.frame) == 20 and not series.report.notices  # a dated row is data, whatever its comment says


def test_filling_gaps_inserts_no_stamp_beside_a_reading_off_its_day() -> None:
    # A weekly series with one reading a day late and one week missing gained two rows (a Sunday interpolated beside
    # the real Monday) while the notice said one.
    days = list(pd.date_range("2021-01-03", periods=60, freq="W-SUN").delete(40))
    days[20] += pd.Timedelta(days=1)  # a Monday
    text = "date,y\n" + "".join(f"{day:%Y-%m-%d},{100 + i}\n" for i, day in enumerate(days))
    series = load_series(text.encode(), "weekly.csv", LoadOptions(fill_gaps=True))
    assert len(series.frame) == 60 and "1 missing time stamp was inserted (weekly spacing)." in series.report.notices
    assert not (series.frame["ds"] == days[20] - pd.Timedelta(days=1)).any()


def test_a_report_of_several_tables_is_read_to_the_end_of_the_first_and_the_next_is_named() -> None:
    days = pd.date_range("2024-01-01", periods=40, freq="D")
    text = ("# ----------------------------------------\n# All Web Site Data\n# Audience Overview\n"
            "# ----------------------------------------\n\nDay Index,Users\n"
            + "".join(f'{d.month}/{d.day}/{d:%y},"1,{800 + k % 7 * 10}"\n' for k, d in enumerate(days))
            + '\n# ----------------------------------------\n# Channels\n\nDefault Channel Grouping,Users\n'
            '"Organic Search","45,123"\nDirect,"30,123"\n')
    series = load_series(text.encode(), "analytics.csv")
    assert series.frame["ds"].tolist() == list(days) and series.frame["y"].iloc[-1] == 1800 + 39 % 7 * 10
    assert any("more tables below the first (the next is titled 'Channels')" in notice
               for notice in series.report.notices)
    held = text.replace("\n# ----------------------------------------\n# Channels\n\nDefault Channel Grouping,Users\n"
                        '"Organic Search","45,123"\nDirect,"30,123"\n', "\n# holidays\n1/1/25,\"1,900\"\n")
    assert len(load_series(held.encode(), "analytics.csv").frame) == 41  # a # line between rows is no next table


@pytest.mark.parametrize("title", ["", "Revenue by day\n"])
def test_a_second_table_under_a_blank_line_is_left_out_and_named(title: str) -> None:
    # Day,Sessions then Day,Revenue over the same days: each day became the mean of its sessions and its revenue.
    sessions = "".join(f"2020-01-{d:02d},{100 + d}\n" for d in range(1, 29))
    revenue = "".join(f"2020-01-{d:02d},{5000 + 10 * d}\n" for d in range(1, 29))
    series = load_series(f"Day,Sessions\n{sessions}\n{title}Day,Revenue\n{revenue}".encode(), "report.csv")
    assert series.frame["y"].tolist() == [100.0 + d for d in range(1, 29)]
    named = title.strip() or "Day,Revenue"
    assert any(f"the next is titled '{named}'" in notice for notice in series.report.notices)
    half = sessions.index("2020-01-15")
    joined = load_series(f"Day,Sessions\n{sessions[:half]}\nDay,Sessions\n{sessions[half:]}".encode(), "two.csv")
    assert len(joined.frame) == 28  # two exports of one table: read on
    spaced = load_series(f"Day,Sessions\n{sessions[:half]}\nDay, Sessions\n{sessions[half:]}".encode(), "two.csv")
    assert len(spaced.frame) == 28  # the same header, spaced otherwise
    ended = sessions[:half].replace("\n", ",\n")  # a first export whose lines end in a separator
    trailing = load_series(f"Day,Sessions,\n{ended}\nDay,Sessions\n{sessions[half:]}".encode(), "two.csv")
    assert len(trailing.frame) == 28  # or after a trailing separator


@pytest.mark.parametrize("index_row", [True, False])
def test_columns_of_two_levels_as_pandas_writes_them_are_named_by_both(index_row: bool) -> None:
    days = pd.date_range("2023-01-01", periods=30, freq="D")
    text = (",sales,sales,price,price\nregion,north,south,north,south\n" + ("date,,,,\n" if index_row else "")
            + "".join(f"{d:%Y-%m-%d},{100 + k},{200 + k},{3 + k % 2},{4 + k % 3}\n" for k, d in enumerate(days)))
    series = load_series(text.encode(), "frame.csv")  # sales, sales.1: north and south lost; the level rows dropped
    assert series.columns == ["date" if index_row else "index", "sales north", "sales south", "price north",
                              "price south"]
    assert series.frame["ds"].tolist() == list(days) and series.frame["y"].iloc[0] == 100
    assert not any("unreadable date" in notice for notice in series.report.notices)
    plain = ",x,x\n" + "".join(f"{i},{10.13 + i},{11.13 + i}\n" for i in range(30))  # to_csv, one level: no levels
    assert len(load_series(plain.encode(), "frame.csv").frame) == 30


def test_filling_the_gaps_of_irregular_stamps_is_refused_with_the_fix() -> None:
    # Payments at irregular times were read as "every 4 hours" and filling made 237 rows at times that never occur.
    rng = np.random.default_rng(2)
    times = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 60 * 24 * 30, 200)).round(), "min")
    text = "Created date (UTC),Amount\n" + "".join(f"{t:%Y-%m-%d %H:%M:%S},{9.99 + k % 4 * 10}\n"
                                                   for k, t in enumerate(times))
    with pytest.raises(DataError, match=r"The time stamps are irregular: \d+ of 200 rows fall between the steps"):
        load_series(text.encode(), "payments.csv", LoadOptions(fill_gaps=True))
    series = load_series(text.encode(), "payments.csv")
    assert len(series.frame) == 200  # read as they are without filling
    # The quality panel told the user to tick "Fill missing time stamps", which is refused: it says what to do.
    shown = quality_markdown(series, summarize(series))
    assert f"{series.report.irregular_rows} of 200 rows fall between the steps" in shown
    assert series.report.irregular_rows > 100 and "Tick" not in shown
    # So did the Train page's warning and the command line's note, which then refused --fill-gaps.
    warned = train_page_warnings({}, series, "en") + loading_notes(series)
    assert len(warned) >= 2 and not any("Tick" in said or "--fill-gaps" in said for said in warned)
    assert all(any("fall between the steps" in said for said in found)
               for found in (train_page_warnings({}, series, "en"), loading_notes(series)))
    days = "".join(f"2024-01-{d:02d},{d}\n" for d in range(1, 29) if d != 9)
    regular = load_series(f"date,y\n{days}".encode(), "x.csv")
    assert regular.report.gaps == 1 and regular.report.irregular_rows == 0  # a missing day: the usual advice
    assert "tick 'Fill missing time stamps'" in quality_markdown(regular, summarize(regular))
    assert not train_page_warnings({}, regular, "en") and "--fill-gaps" in loading_notes(regular)[-1]  # in step


@pytest.mark.parametrize("first_future", ["2023-01,,\n2023-02,,7\n", "2023-02,,7\n2023-03,,8\n"])
def test_future_rows_unusable_from_their_first_step_say_so_not_forecast_at_most_0_steps(first_future: str) -> None:
    from core.errors import SettingsError
    from core.evaluation.pipeline import RunRequest, forecast_future
    from core.i18n import said
    from core.models.specs import ModelSettings

    text = "month,sales,price\n" + _months_text("{month},{value},{value}") + first_future  # a price that varies
    series = load_series(text.encode(), "x.csv", LoadOptions(regressors=("price",)))
    said_lines = [str(notice) for notice in series.report.notices]
    assert any("at the first step past the end" in line or "the first step past the end: no forecast" in line
               for line in said_lines), said_lines
    assert not any("0 steps" in line for line in said_lines)
    with pytest.raises(SettingsError, match="no future values of the regressors at the first step past the end") as raised:
        forecast_future(series.frame, series.frequency, RunRequest("linear", ModelSettings(regressors=("price",)),
                                                                   horizon=1), series.future)
    assert "0 步" not in said(raised.value, "zh") and "末尾之后第一步" in said(raised.value, "zh")


def test_a_data_sheet_over_a_limit_is_refused_not_passed_over_for_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    # Notes first, then 'Data' over TSR_MAX_SHEET_CELLS: the years of 'Other' were read and fitted, nothing said.
    years = [["Year", "Units"], *[[2000 + i, 10.0 + i] for i in range(30)]]
    book = _workbook({"Notes": [["just some notes"]], "Data": [["Month", "Sales", "Promo"], *MONTH_ROWS],
                      "Other": years})
    monkeypatch.setenv("TSR_MAX_SHEET_CELLS", "100")
    with pytest.raises(LimitError, match="TSR_MAX_SHEET_CELLS"):
        load_series(book, "sales.xlsx")
    monkeypatch.delenv("TSR_MAX_SHEET_CELLS")
    assert load_series(book, "sales.xlsx").report.sheet_read == "Data"


def test_a_sheet_asked_for_by_number_passes_no_hidden_sheet_over() -> None:
    # '--sheet 3' was said to pass hidden sheets over: the sheet counted from 0 (2) is not the one asked for ('3').
    book = _workbook({"Notes": [["just some notes"]], "Data": [["Month", "Sales", "Promo"], *MONTH_ROWS],
                      "Other": [["Year", "Units"], *[[2000 + i, 10.0 + i] for i in range(30)]]})
    for asked, read in (("3", "Other"), ("2", "Data")):
        series = load_series(book, "sales.xlsx", LoadOptions(sheet=asked))
        assert series.report.sheet_read == read
        assert not [notice for notice in series.report.notices if "hidden" in str(notice).lower()]


@pytest.mark.parametrize("name", ["y", "ds"])
def test_a_regressor_named_as_the_tidy_frames_columns_is_refused_by_name(name: str) -> None:
    # A regressor 'y' took the target's place: 'sales' was said to be forecast, from the regressor's values (R² 1).
    rows = "".join(f"2020-{m:02d}-01,{50 + 4 * m},{m}\n" for m in range(1, 13))
    with pytest.raises(DataError) as refused:
        load_series(f"month,sales,{name}\n{rows}".encode(), "x.csv", LoadOptions(target="sales", regressors=(name,)))
    assert refused.value.key == f"err.regressor_named_{name}" and f"rename the column '{name}'" in str(refused.value)


def test_a_regressor_blank_in_every_row_of_the_history_is_refused_by_name() -> None:
    # Its values only past the end: it was said to be filled in 200 rows, and linear then "diverged at update 1".
    rows = "".join(f"2020-{m:02d}-01,{50 + m},\n" for m in range(1, 13)) + "2021-01-01,,3\n2021-02-01,,4\n"
    with pytest.raises(DataError) as refused:
        load_series(f"month,sales,price\n{rows}".encode(), "x.csv", LoadOptions(regressors=("price",)))
    assert refused.value.key == "err.regressor_unobserved" and "'price' is blank in every row" in str(refused.value)


def test_a_short_file_with_a_units_row_or_headers_repeated_is_read_without_them() -> None:
    # A year of months under ',EUR' was refused as text ('EUR': 1 cell in 13, and a number column needs 95%), as were
    # three yearly exports joined with their headers; files of 24 rows and more were read.
    units = "Month,Revenue\n,EUR\n" + "".join(f"2021-{m:02d},{100 + m}\n" for m in range(1, 13))
    series = load_series(units.encode(), "units.csv")
    assert len(series.frame) == 12 and series.frame["y"].iloc[0] == 101
    assert [notice.key for notice in series.report.notices] == ["notice.labels_only"]
    joined = "".join("Month,Sales\n" + "".join(f"{year}-{m:02d},{m + year % 10}\n" for m in range(1, 13))
                     for year in (2021, 2022, 2023))
    for options in (LoadOptions(), LoadOptions(date_col="Month")):
        series = load_series(joined.encode(), "joined.csv", options)
        assert len(series.frame) == 36 and series.frequency.name == "monthly" and series.frame["y"].iloc[-1] == 15
        assert "2 rows repeating the header (files joined one under another) were left out." in map(
            str, series.report.notices)


def test_a_title_padded_to_the_tables_width_right_above_the_header_is_left_out() -> None:
    # 'Sales report 2023,,' as a spreadsheet saves a title line: the title became the header ('Unnamed: 1', ...)
    # and the file was refused for having no numeric column; with a blank line under the title it was read.
    rows = "".join(f"2023-{m:02d},{10 + m},1\n" for m in range(1, 9))
    for title in ("Sales report 2023,,\n", "Sales report 2023,,\n,,\n", '"Sales, units: report",,\n'):
        series = load_series(f"{title}Month,Sales,Units\n{rows}".encode(), "report.csv")
        assert (series.date_col, series.target, len(series.frame)) == ("Month", "Sales", 8), title


def test_the_filled_rows_notice_names_the_regressors_whose_cells_were_blank() -> None:
    # "2 rows with missing values were filled" read as the target's values, where only a regressor was blank.
    rows = "".join(f"2020-{m:02d}-01,{50 + m},{'' if m in (3, 4) else m}\n" for m in range(1, 13))
    series = load_series(f"month,sales,price\n{rows}".encode(), "x.csv", LoadOptions(regressors=("price",)))
    assert [str(notice) for notice in series.report.notices] == [
        "2 rows with missing values were filled (interpolate).",
        "Regressor cells without a number (blank, or a mark such as 'T' or 'M') among them: 'price' (2)."]
    assert series.report.filled_targets == () and series.frame["price"].iloc[2:4].tolist() == [3.0, 4.0]


def test_a_single_column_or_a_first_row_without_values_keeps_its_header_and_rows() -> None:
    # A one-column file starting with markers took the first '-' for its header; a wide file of quoted thousands lost
    # its first country, a row without values, as a "units row".
    single = "visitors\n-\n-\n" + "".join(f"{100 + day}\n" for day in range(30))
    assert list(read_table(single.encode(), "visits.csv").columns) == ["visitors"]
    wide = 'Country,2019,2020,2021\nAruba,,,\n' + "".join(f'{name},"1,{k}00","1,{k}10","1,{k}20"\n'
                                                          for k, name in enumerate(("Chad", "Peru", "Oman")))
    assert read_table(wide.encode(), "wide.csv")["Country"].tolist()[:2] == ["Aruba", "Chad"]


def test_a_date_cell_written_n_a_is_said_to_be_missing_not_quoted_as_blank() -> None:
    # 'n/a' in the date column was read as nothing and quoted as '' beside '31/02/2016': a user could not find ''.
    lines = [f"{2015 + row // 12}-{row % 12 + 1:02d}-01,{100 + row}" for row in range(48)]
    lines[3], lines[7] = "n/a,104", "31/02/2015,108"
    series = load_series(("date,sales\n" + "\n".join(lines) + "\n").encode(), "x.csv")
    said = {notice.key: str(notice) for notice in series.report.notices}
    assert len(series.frame) == 46 and series.report.rows_dropped == 2
    assert said["notice.missing_dates"].startswith("1 row without a date (a blank cell or a marker such as 'n/a')")
    assert "('31/02/2015')" in said["notice.bad_dates"]


def test_a_column_with_future_values_in_only_some_rows_is_named_with_the_reason() -> None:
    # 'temperature' written 'hot' in one future row: the notice named only 'holiday', and 'temperature' not at all.
    months = [f"{2019 + m // 12}-{m % 12 + 1:02d}" for m in range(36)]
    text = "month,sales,holiday,temperature\n" + "".join(f"{month},{10 + m},{m % 2},{20 + m}\n"
                                                         for m, month in enumerate(months))
    text += "2022-01,,1,21\n2022-02,,0,hot\n2022-03,,1,23\n"
    said = {notice.key: str(notice) for notice in load_series(text.encode(), "f.csv").report.notices}
    assert "of 'holiday' in them" in said["notice.blank_ends_future"]
    assert said["notice.future_partly"] == ("'temperature' holds values in only some of the rows after the last value "
                                            "of 'sales': as regressors, forecasts reach as far as they are filled.")


@pytest.mark.parametrize(("typed", "key"), [("2108-05", "notice.stray_last"), ("1915-01", "notice.stray_first"),
                                            ("2021-03", None), ("2012-06", None)])
def test_a_time_stamp_further_from_the_rest_than_they_span_is_named(typed: str, key: str | None) -> None:
    # One month typed 2108-05 among five years of months: "From 2015-01 to 2108-05" and 1,061 missing months, which
    # filling invented; nothing named the row. A last reading after a pause shorter than the rest's span is no typo.
    months = [f"{m:%Y-%m}" for m in pd.date_range("2015-01-01", periods=60, freq="MS")]
    months[0 if typed < months[0] else -1] = typed
    series = load_series(("month,sales\n" + "".join(f"{m},{100 + i % 12}\n" for i, m in enumerate(months))).encode(),
                         "x.csv")
    found = [notice for notice in series.report.notices if notice.key.startswith("notice.stray_")]
    assert [notice.key for notice in found] == ([key] if key else [])
    if key == "notice.stray_last":
        assert found[0].params["stamp"] == "2108-05-01" and found[0].params["other"] == "2019-11-01"
        assert found[0].params["steps"] == 1062
        assert "2108-05-01" in t(key, "zh", **found[0].params)


def test_stray_time_stamps_at_both_ends_are_named_with_their_steps_counted_on_the_calendar() -> None:
    # Weeks anchored on a Saturday were counted as 6.5 days: "about 115 steps" for 107 weeks.
    sundays = [f"{d:%Y-%m-%d}" for d in pd.date_range("2023-01-01", periods=20, freq="W-SUN")]
    rows = ["2019-06-02", *sundays, "2025-06-01"]
    series = load_series(("week,visits\n" + "".join(f"{d},{50 + i % 5}\n" for i, d in enumerate(rows))).encode(),
                         "x.csv")
    found = {n.key: n.params["steps"] for n in series.report.notices if n.key.startswith("notice.stray_")}
    assert series.frequency.name == "weekly" and found == {"notice.stray_first": 187, "notice.stray_last": 107}


def test_a_running_row_number_named_period_beside_a_year_and_a_month_is_no_finer_time() -> None:
    # Year, Month, Period 1..96: 'Period' said the table was finer than monthly, and Month became the series id
    # (twelve yearly series).
    text = "Year,Month,Period,Sales\n" + "".join(f"{2015 + i // 12},{i % 12 + 1},{i + 1},{500 + 3 * i}\n"
                                                 for i in range(96))
    series = load_series(text.encode(), "ymp.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("Year-Month", "Sales", "monthly")
    assert len(series.frame) == 96 and series.frame["y"].iloc[-1] == 500 + 3 * 95


def _bundesbank_rates(title: str = "Euro-Referenzkurs der EZB / 1 EUR = ... USD / Vereinigte Staaten;;") -> bytes:
    """The Bundesbank's layout: a header of series codes, four lines labelling the series (one with a date and time
    in it), then every calendar day, weekends without a value ('.', 'Kein Wert vorhanden'); decimal commas, cp1252."""
    days = pd.date_range("2023-01-02", "2023-10-06", freq="D")
    lines = [";BBEX3.D.USD.EUR.BB.AC.000;BBEX3.D.USD.EUR.BB.AC.000_FLAGS", title, "Einheit;USD;",
             "Dimension;Einheiten;", "Stand vom;15.01.2024 11:30 Uhr;"]
    weekday = 0
    for day in days:
        if day.day_of_week >= 5:
            lines.append(f"{day:%Y-%m-%d};.;Kein Wert vorhanden")
        else:
            lines.append(f"{day:%Y-%m-%d};" + f"{1.05 + 0.001 * weekday:.4f}".replace(".", ",") + ";")
            weekday += 1
    return ("\n".join(lines) + "\n").encode("cp1252")


def test_weekends_written_without_values_make_a_business_day_series_and_labels_under_the_header_are_left_out() -> None:
    # Read as written: daily, 78 weekend values interpolated, forecasts on Saturdays; the label rows were dropped
    # with advice to correct them in the file, and 'Stand vom 15.01.2024 11:30 Uhr' called a number read as missing.
    series = load_series(_bundesbank_rates(), "bbk.csv")
    assert series.frequency.name == "business-daily" and len(series.frame) == 200
    assert (series.frame["ds"].dt.day_of_week < 5).all() and not series.report.filled_targets
    assert series.frame["y"].iloc[-1] == pytest.approx(1.05 + 0.199)
    said = [str(n) for n in series.report.notices]
    assert said[0].startswith("4 rows of labels above the first date ('Euro-Referenzkurs der EZB")
    assert said[1] == ("78 Saturday or Sunday rows without a value in 'BBEX3.D.USD.EUR.BB.AC.000' were left out: the "
                       "series is read as business days, and its forecasts skip weekends.")
    assert len(said) == 2
    # The series' title under its code, its time cell blank: the block was dropped as rows to correct, and 'USD',
    # 'Einheiten' and the title said to be numbers read as missing.
    under_code = load_series(_bundesbank_rates(";Euro-Referenzkurs der EZB / 1 EUR = ... USD;"), "bbk.csv")
    assert [str(n) for n in under_code.report.notices] == [
        "4 rows of labels above the first date ('Einheit', 'Dimension', 'Stand vom') were left out.", said[1]]
    assert under_code.frame.equals(series.frame)
    shop = "day,sales\n" + "".join(f"{day:%Y-%m-%d},{'' if day.day_of_week == 6 and k < 30 else 100 + k}\n"
                                   for k, day in enumerate(pd.date_range("2024-01-01", periods=70)))
    assert load_series(shop.encode(), "shop.csv").frequency.name == "daily"  # Saturdays have values: still daily


def test_the_new_readings_leave_what_they_do_not_cover_as_it_was() -> None:
    # A review of the readings added for real exports: each of these was misread by them.
    commas = 'date,w\n2020-01-01," "\n' + "".join(f'2020-01-{d:02d},"{d},500"\n' for d in range(2, 22))
    said = [str(n) for n in load_series(commas.encode(), "c.csv").report.notices if n.key == "notice.comma_thousands"]
    assert said and "('2,500' is 2,500)" in said[0]  # a blank first cell: "invalid literal for int()"
    typo = "date,value\n2020-13-01,5\n" + "".join(f"{2021 + k // 12}-{k % 12 + 1:02d}-01,{k}\n" for k in range(36))
    assert [n.key for n in load_series(typo.encode(), "t.csv").report.notices] == ["notice.bad_dates"]  # no "label"
    weeks = "Year,Month,Week,Sales\n" + "".join(f"2023,{min(12, w // 4 + 1)},{w},{100 + w}\n" for w in range(1, 53))
    assert len(load_series(weeks.encode(), "w.csv").frame) != 12  # week numbers are no running count of rows
    months = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    fiscal = "Fiscal Year,Month,Sales\n" + "".join(f"{2021 + k // 12},{months[k % 12]},{100 + k}\n" for k in range(36))
    series = load_series(fiscal.encode(), "fy.csv")  # its July is the year before, as most countries name them: said
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2020-07-01")
    assert "notice.fiscal_months" in [notice.key for notice in series.report.notices]
    snapshot = "snapshot,t,value\n" + "".join(f"2024-01-01,{k},{3 * k}\n" for k in range(30))
    series = load_series(snapshot.encode(), "s.csv")  # one date on every row: the steps are the time
    assert series.date_col == "t" and len(series.frame) == 30


def test_future_rows_lose_their_weekends_with_a_business_day_history() -> None:
    days = pd.date_range("2024-01-01", "2024-03-10", freq="D")
    last = pd.Timestamp("2024-02-29")
    text = "day,y,promo\n" + "".join(f"{day:%Y-%m-%d},{'' if day.day_of_week >= 5 or day > last else 100 + k},{k % 2}\n"
                                      for k, day in enumerate(days))
    series = load_series(text.encode(), "b.csv", LoadOptions(regressors=("promo",)))
    assert series.frequency.name == "business-daily" and (series.future["ds"].dt.day_of_week < 5).all()
    assert series.future["ds"].iloc[0] == pd.Timestamp("2024-03-01") and len(series.future) == 6


def test_a_target_given_on_a_coarser_spacing_than_the_file_is_read_on_its_own() -> None:
    # FRED's graph download of quarterly GDP beside the monthly unemployment rate: GDP every third month, read as a
    # monthly series with 188 of its 283 values interpolated (and scored on the 29 of 85 test rows the file gave).
    months = pd.date_range("2000-01-01", "2023-12-01", freq="MS")
    text = "observation_date,GDP,UNRATE\n" + "".join(
        f"{month:%Y-%m-%d},{10000 + 30 * k if month.month % 3 == 1 and month.year < 2023 else ''},{4 + k % 7 / 10}\n"
        for k, month in enumerate(months))
    series = load_series(text.encode(), "fredgraph.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("GDP", "quarterly", 92)
    assert series.frame["ds"].iloc[1] == pd.Timestamp("2000-04-01") and series.frame["y"].iloc[1] == 10090
    assert any(notice.key == "notice.own_spacing" for notice in series.report.notices)
    sparse = np.random.default_rng(3).random(len(months)) < 0.4  # blanks at random: filled as before
    patchy = "date,sales\n" + "".join(f"{month:%Y-%m-%d},{'' if sparse[k] else 100 + k}\n"
                                      for k, month in enumerate(months))
    assert load_series(patchy.encode(), "patchy.csv").frequency.name == "monthly"


def test_month_names_beside_years_are_no_pivot_unless_under_a_date_fields_name() -> None:
    # 'Year, Peak month' (a yearly table) was dated by its peak months; staff named April, May, June made 42 months.
    rng = np.random.default_rng(2)
    months = ["January", "July", "August", "December"]
    peaks = "Year,Peak month,Peak load MW\n" + "".join(f"{year},{rng.choice(months)},{5000 + year % 50}\n"
                                                       for year in range(2005, 2024))
    series = load_series(peaks.encode(), "peaks.csv")
    assert (series.date_col, series.frequency.name, series.frame["ds"].iloc[1]) == ("Year", "yearly",
                                                                                    pd.Timestamp("2006-01-01"))
    staff = "Year,Employee,Sales\n" + "".join(f"{year},{name},{100 + year % 7}\n" for year in range(2010, 2024)
                                              for name in ("April", "May", "June"))
    assert load_series(staff.encode(), "staff.csv", LoadOptions(duplicates="sum")).frequency.name == "yearly"


def test_a_code_named_as_a_measure_is_no_target_beside_a_measure() -> None:
    days = pd.date_range("2023-01-01", periods=120)
    rng = np.random.default_rng(0)
    text = "date,sales_region,revenue\n" + "".join(f"{day:%Y-%m-%d},{rng.integers(1, 6)},{1000 + k * 1.5:.2f}\n"
                                                   for k, day in enumerate(days))
    assert load_series(text.encode(), "regions.csv").target == "revenue"  # 'sales_region' (1-5) was the target


def test_counts_of_users_created_are_no_time_column_before_the_date() -> None:
    days = pd.date_range("2023-01-01", periods=90)
    rng = np.random.default_rng(5)
    text = "Users created,Users deleted,Date\n" + "".join(f"{rng.integers(1500, 2600)},{rng.integers(10, 60)},"
                                                          f"{day:%Y-%m-%d}\n" for day in days)
    series = load_series(text.encode(), "signups.csv")  # the signups were read as years 1506-2592
    assert (series.date_col, series.target, series.frequency.name) == ("Date", "Users created", "daily")


def test_a_short_day_outside_the_clock_changes_is_no_clock_change() -> None:
    # A shop's Sundays stopping at period 46 in January were said to be clock changes.
    days = pd.date_range("2023-01-02", periods=28)
    rows = "".join(f"{day:%Y-%m-%d},{period},{period}\n" for day in days
                   for period in range(1, 47 if day.dayofweek == 6 else 49))
    series = load_series(("Date,Period,Footfall\n" + rows).encode(), "shop.csv")
    assert series.frequency.name == "half-hourly"
    assert not any(notice.key == "notice.clock_change_periods" for notice in series.report.notices)


def test_a_header_of_years_alone_keeps_its_first_year() -> None:
    # '2010,...,2023' over one row of values: the footnote rule took '2010' for a label, its value lost unsaid.
    text = ",".join(str(year) for year in range(2010, 2024)) + "\n" + ",".join(str(100 + k) for k in range(14)) + "\n"
    raw = read_table(text.encode(), "years.csv")
    assert "dates_across" not in raw.attrs or len(raw) == 14


def test_two_dates_in_a_cell_that_do_not_span_alike_are_no_interval() -> None:
    # 'Visit dates' 2023-01-02,2023-02-21 (a second visit weeks later) was read by its first date, unsaid.
    rng = np.random.default_rng(4)
    starts = pd.date_range("2023-01-02", periods=40, freq="7D")
    text = "Patient;Visit dates;Score\n" + "".join(
        f"P{k:03d};{day:%Y-%m-%d},{day + pd.Timedelta(days=int(rng.integers(20, 90))):%Y-%m-%d};{k % 9}\n"
        for k, day in enumerate(starts))
    assert load_series(text.encode(), "visits.csv").frequency.name == "steps"


def test_the_full_width_dash_is_missing_as_the_dash_is() -> None:
    months = pd.date_range("2021-01-01", periods=24, freq="MS")
    full = str.maketrans("0123456789,", "０１２３４５６７８９，")
    text = "年月,件数\n" + "".join(f"{month:%Y-%m},\"{'－' if k in (5, 9) else f'{1000 + k:,}'.translate(full)}\"\n"
                                   for k, month in enumerate(months))
    series = load_series(text.encode(), "estat.csv")  # "6% of its cells are not numbers ('－')"
    assert len(series.frame) == 24 and series.frame["y"].iloc[0] == 1000


def test_minutes_written_yyyymmddhhmm_are_minutes_not_milliseconds() -> None:
    # Google Analytics' dateHourMinute and AmeriFlux's TIMESTAMP_START were read as milliseconds of 1976.
    minutes = pd.date_range("2024-01-01", periods=72, freq="30min")
    text = "TIMESTAMP_START,TIMESTAMP_END,TA\n" + "".join(
        f"{start:%Y%m%d%H%M},{start + pd.Timedelta(minutes=30):%Y%m%d%H%M},{k % 9}\n"
        for k, start in enumerate(minutes))
    series = load_series(text.encode(), "AMF.csv")
    assert (series.date_col, series.target) == ("TIMESTAMP_START", "TA")
    assert list(series.frame["ds"]) == list(minutes)


def test_noaas_monthly_co2_is_read_by_year_and_month_with_its_missing_code_and_long_comments() -> None:
    # 21 '#' lines: "line 12 has 2 fields where the header has 1"; with fewer, 'decimal date' and 'ndays' beside
    # year and month made twelve series by 'month', and -99.99 was fitted as a value.
    rows = [f"# Trends in atmospheric CO2, line {k}: see the notes, 2023" for k in range(21)]
    rows.append("year,month,decimal date,average,deseasonalized,ndays,sdev,unc")
    months = pd.date_range("1958-03-01", periods=120, freq="MS")
    rows += [f"{m.year},{m.month},{m.year + (m.month - 0.5) / 12:.4f},{-99.99 if k in (3, 7) else 315 + 0.1 * k:.2f},"
             f"{315 + 0.1 * k:.2f},-1,-9.99,-0.99" for k, m in enumerate(months)]
    series = load_series(("\n".join(rows) + "\n").encode(), "co2_mm_mlo.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("average", "monthly", 120)
    assert series.frame["y"].iloc[3] == pytest.approx(315.3) and series.frame["y"].min() > 300
    assert any(notice.key == "notice.missing_codes" for notice in series.report.notices)
    assert "21 lines of titles or notes above the header" in str(series.report.notices[0])


def test_a_usgs_rdb_file_and_a_header_in_a_comment_line_are_read() -> None:
    days = pd.date_range("2020-01-01", periods=60)
    rdb = "".join(f"# USGS comment {k}\n" for k in range(28)) + "agency_cd\tsite_no\tdatetime\tflow\tflow_cd\n" \
        + "5s\t15s\t20d\t14n\t10s\n" + "".join(f"USGS\t01646500\t{day:%Y-%m-%d}\t{1000 + k}\tA\n"
                                               for k, day in enumerate(days))
    series = load_series(rdb.encode(), "dv.rdb")
    assert (series.target, series.frequency.name, len(series.frame)) == ("flow", "daily", 60)
    hashed = "".join(f"# comment {k}\n" for k in range(12)) + "#date,value\n" + "".join(
        f"{day:%Y-%m-%d},{k}\n" for k, day in enumerate(days))  # the block's last line is the header
    assert load_series(hashed.encode(), "plot.csv").target == "value"


def test_a_campbell_loggers_toa5_file_is_read_by_its_header_not_its_units() -> None:
    # The units row ('TS', 'RN', 'Deg C') was the header, and the record counter 'RN' the target.
    stamps = pd.date_range("2023-06-01 00:10", periods=300, freq="10min")
    lines = ['"TOA5","CR1000_Met","CR1000","12345","CR1000.Std.32","CPU:met.CR1","1234","Table10min"',
             '"TIMESTAMP","RECORD","BattV_Min","AirTC_Avg"', '"TS","RN","Volts","Deg C"', '"","","Min","Avg"']
    lines += [f'"{stamp:%Y-%m-%d %H:%M:%S}",{k},12.5,{15 + k % 7 / 4}' for k, stamp in enumerate(stamps)]
    series = load_series(("\r\n".join(lines) + "\r\n").encode(), "CR1000_Table10min.dat")
    assert (series.date_col, series.target, series.frequency.name) == ("TIMESTAMP", "AirTC_Avg", "every 10 minutes")
    assert series.frame["y"].iloc[1] == 15.25


@pytest.mark.parametrize("daily", [False, True])
def test_silsos_sunspot_files_without_a_header_are_dated_by_their_year_and_month_columns(daily: bool) -> None:
    # '1749;01;1749.042;  96.7; -1.0;   -1;1': the years were the target, the rows steps (and 1749 no year at all).
    stamps = pd.date_range("1749-01-01", periods=400, freq="D" if daily else "MS")
    day = [f";{stamp.day:02d}" if daily else "" for stamp in stamps]
    text = "".join(f"{stamp.year};{stamp.month:02d}{day[k]};{stamp.year + (stamp.dayofyear - 0.5) / 366:8.3f};"
                   f"{80 + k % 13:6.1f};{-1.0:5.1f};{-1:4d};1\n" for k, stamp in enumerate(stamps))
    series = load_series(text.encode(), "SN_d_tot_V2.0.csv" if daily else "SN_m_tot_V2.0.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == (
        "column 5" if daily else "column 4", "daily" if daily else "monthly", 400)  # after its decimal year
    assert list(series.frame["ds"]) == list(stamps) and series.frame["y"].iloc[1] == 81


def test_a_statistics_canada_table_as_displayed_with_its_titles_and_footer_is_read() -> None:
    # Three products: refused ("line 7 has 2 fields where the header has 1"); the footer's legend and footnotes
    # below more products were read as a series ('Symbol legend:').
    months = pd.date_range("2022-01-01", periods=24, freq="MS")

    def quoted(cells: list[str]) -> str:  # every cell quoted, as StatCan writes them
        return ",".join(f'"{cell}"' for cell in cells)

    lines = ['\ufeff"Consumer Price Index, monthly, not seasonally adjusted 1 2"', '"Frequency: Monthly"',
             '"Table: 18-10-0004-01 (formerly CANSIM  326-0020)"', '"Release date: 2024-01-16"', '""',
             quoted(["Geography", "Canada"]),
             quoted(["Products and product groups 3 4", *(f"{m:%B %Y}" for m in months)])]
    lines += [quoted([name, *(f"{base + 0.5 * k:.1f}" for k in range(24))])
              for name, base in (("All-items", 196), ("Food 5", 216), ("Shelter 6", 226))]
    lines += ['""', '"Symbol legend:"', quoted(["..", "not available for a specific reference period"]), '""',
              '"Footnotes:"', quoted(["1", "The Consumer Price Index (CPI) is an indicator of changes in prices."]),
              quoted(["2", "Monthly indexes are not revised."]),
              '"How to cite: Statistics Canada. Table 18-10-0004-01"',
              '"https://www150.statcan.gc.ca/t1/tbl1/en/tv.action?pid=1810000401"']
    raw = read_table(("\r\n".join(lines) + "\r\n").encode(), "1810000401-eng.csv")
    assert sorted(raw["Products and product groups 3 4"].unique()) == ["All-items", "Food 5", "Shelter 6"]
    assert len(raw) == 3 * 24 and "Symbol legend:" in raw.attrs["footnotes"]


def test_the_imfs_status_rows_are_left_out_of_its_value_rows() -> None:
    # IFS writes each series as an 'Attribute' Value row and a Status row: 'United States|Status' failed as a series
    # without values, and every id carried '|Value'.
    months = [f"{year}M{month}" for year in range(2015, 2018) for month in range(1, 13)]
    header = '"Country Name","Country Code","Indicator Name","Indicator Code","Attribute",' + ",".join(
        f'"{month}"' for month in months) + "\n"
    rows = "".join(f'"{name}","{code}","CPI","PCPI_IX","Value",' + ",".join(f'"{100 + k}"' for k in range(36)) + "\n"
                   + f'"{name}","{code}","CPI","PCPI_IX","Status",' + ",".join('""' for _ in range(36)) + "\n"
                   for name, code in (("United States", "111"), ("Japan", "158")))
    raw = read_table((header + rows).encode(), "IFS.csv")
    assert "Attribute" not in raw.columns and len(raw) == 2 * 36 and raw.attrs["status_rows"] == {"rows": 2}


def test_a_headerless_database_export_keeps_its_first_row() -> None:
    # PostgreSQL's \copy and MySQL's INTO OUTFILE write no header: its first row ('2024-03-01 01:00:00+01', '145.98',
    # 'f') was taken for the column names, the target named '145.98'.
    hours = pd.date_range("2024-03-01 01:00", periods=48, freq="h")
    null = "\\N"
    text = "".join(f"{hour:%Y-%m-%d %H:%M:%S}+01\t{null if k == 5 else f'{140 + k % 24}.5'}\t{'tf'[k % 2]}\n"
                   for k, hour in enumerate(hours))
    series = load_series(text.encode(), "pg.tsv")
    assert (series.target, len(series.frame), series.frame["y"].iloc[0]) == ("column 2", 48, 140.5)


@pytest.mark.parametrize(("index_name", "workbook"), [("month", False), (None, False), ("month", True)])
def test_pandas_levels_of_columns_with_their_names_make_one_name_per_column(index_name: str | None,
                                                                            workbook: bool) -> None:
    # pivot_table's columns with names=['store', 'metric']: the fields were lost ('north', 'north.1'), and in a
    # workbook the revenue columns with them.
    months = pd.date_range("2015-01-01", periods=24, freq="MS", name=index_name)
    columns = pd.MultiIndex.from_product([["north", "south"], ["units", "revenue"]], names=["store", "metric"])
    frame = pd.DataFrame(np.arange(96.0).reshape(24, 4) + 100, index=months, columns=columns)
    buffer = io.BytesIO()
    if workbook:
        frame.to_excel(buffer)
    else:
        buffer.write(frame.to_csv(date_format="%Y-%m").encode())
    series = load_series(buffer.getvalue(), "pivot.xlsx" if workbook else "pivot.csv")
    assert series.numeric_columns == ["north units", "north revenue", "south units", "south revenue"]
    assert (series.frequency.name, len(series.frame), series.frame["y"].iloc[1]) == ("monthly", 24, 104.0)


def test_matlab_datetimes_and_a_zipped_spark_output_are_read() -> None:
    hours = pd.date_range("2024-03-01", periods=48, freq="h")  # writetable: 01-Mar-2024 00:00:00 ("steps")
    matlab = "Time,Load\n" + "".join(f"{hour:%d-%b-%Y %H:%M:%S},{k}\n" for k, hour in enumerate(hours))
    assert load_series(matlab.encode(), "load.csv").frequency.name == "hourly"
    buffer = io.BytesIO()  # one part file beside _SUCCESS and .crc files: "a zip archive ..., not a CSV"
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("out/_SUCCESS", "out/._SUCCESS.crc", "out/.part-00000-c000.csv.crc"):
            archive.writestr(name, "")
        archive.writestr("out/part-00000-c000.csv", matlab)
    assert len(load_series(buffer.getvalue(), "out.zip").frame) == 48


def test_an_offset_column_beside_times_with_offsets_or_in_utc_or_of_sensor_numbers_changes_nothing() -> None:
    hours = pd.date_range("2023-10-28", periods=60, freq="h", tz="Europe/Berlin")
    zoned = "time,utc_offset,load_mw\n" + "".join(f"{hour.isoformat()},{hour:%z}"[:-2] + f":00,{k}\n"
                                                   for k, hour in enumerate(hours))
    series = load_series(zoned.encode(), "zoned.csv")  # each time moved by its offset twice: an hour late
    assert (series.report.gaps, series.frame["ds"].iloc[-1]) == (0, pd.Timestamp("2023-10-30 11:00"))
    utc = "datetime_utc,utc_offset,load_mw\n" + "".join(
        f"{hour.tz_convert('UTC'):%Y-%m-%d %H:%M},{hour:%z}"[:-2] + f":00,{k}\n" for k, hour in enumerate(hours))
    assert load_series(utc.encode(), "utc.csv").report.gaps == 0
    rng = np.random.default_rng(1)
    sensors = "timestamp,sensor_offset,temp\n" + "".join(
        f"{hour:%Y-%m-%d %H:%M},{rng.integers(-3, 0)},{20 + k % 5}\n"
        for k, hour in enumerate(pd.date_range("2023-03-01", periods=400, freq="h")))
    assert len(load_series(sensors.encode(), "sensors.csv").frame) == 400  # 288 rows, 113 'missing'


def test_the_second_reviews_readings_stay_as_they_were() -> None:
    rng = np.random.default_rng(7)
    days = pd.date_range("2023-01-01", periods=365)
    demand = "date,sales,sell_price\n" + "".join(f"{day:%Y-%m-%d},{rng.poisson(2)},{9.99 + rng.normal(0, 0.1):.2f}\n"
                                                 for day in days)
    assert load_series(demand.encode(), "demand.csv").target == "sales"  # was 'sell_price'
    camel = "Year,Month,InvoiceDate,Quantity\n" + "".join(f"{day.year},{day.month},{day:%Y-%m-%d},{k % 9}\n"
                                                          for k, day in enumerate(days))
    assert load_series(camel.encode(), "orders.csv").frequency.name == "daily"  # 12 monthly means
    months = list(pd.date_range("2000-01", periods=12, freq="MS").strftime("%b"))
    posting = "Years,Posting Period,Sum of Sales\n" + "".join(f"{year if m == 0 else ''},{month},{100 + m}\n"
                                                               for year in (2021, 2022, 2023)
                                                               for m, month in enumerate(months))
    assert len(load_series(posting.encode(), "pivot.csv").frame) == 36  # "Only 3 usable rows"
    weeks = pd.date_range("2023-01-02", periods=60, freq="7D")
    partial = "Week,Visits\n" + "".join(
        f'"{week:%Y-%m-%d},{week + pd.Timedelta(days=2 if k == 59 else 6):%Y-%m-%d}",{500 + k}\n'
        for k, week in enumerate(weeks))
    assert load_series(partial.encode(), "weeks.csv").frequency.name == "weekly"  # a last week cut short
    revenue = "date,net_revenue\n" + "".join(f"{day:%Y-%m-%d},{-99.99 if k == 200 else 166 + k * 37 % 260}\n"
                                             for k, day in enumerate(days))
    assert load_series(revenue.encode(), "revenue.csv").frame["y"].iloc[200] == -99.99  # one refund is a value


def test_a_comment_over_two_lines_in_the_last_row_is_no_note() -> None:
    days = pd.date_range("2023-01-01", periods=90)
    text = "date,sales,comment\r\n" + "".join(f"{day:%d/%m/%Y},{200 + k},\r\n" for k, day in enumerate(days[:-1])) \
        + f'{days[-1]:%d/%m/%Y},289,"Stock count Saturday\r\nStore 4 closed at 3pm"\r\n'
    assert len(load_series(text.encode(), "shop.csv").frame) == 90  # "A double quote opens a cell ... never closed"


def test_a_long_comment_blocks_hash_header_keeps_its_name_and_a_toa5_without_units_keeps_its_rows() -> None:
    days = pd.date_range("2020-01-01", periods=40)
    text = "".join(f"# export note {k}\n" for k in range(10)) + "# of visits,Date\n" + "".join(
        f"{k},{day:%Y-%m-%d}\n" for k, day in enumerate(days))
    assert load_series(text.encode(), "visits.csv").target == "# of visits"  # was 'of visits'
    stamps = pd.date_range("2023-06-01 00:10", periods=50, freq="10min")
    toa5 = '"TOA5","CR1000_Met","CR1000","1","x","y","z","T"\n"TIMESTAMP","RECORD","AirTC_Avg"\n' + "".join(
        f'"{stamp:%Y-%m-%d %H:%M:%S}",{k},{15 + k % 7 / 4}\n' for k, stamp in enumerate(stamps))
    assert len(load_series(toa5.encode(), "t.dat").frame) == 50  # its first two readings were dropped


def test_the_third_reviews_readings_stay_as_they_were() -> None:
    hours = pd.date_range("2024-05-01", periods=200, freq="h")
    twins = "Timestamp,Temperature,Temperature\n" + "".join(f"{hour:%Y-%m-%d %H:%M},{20 + k % 5} °C,{18 + k % 3} °C\n"
                                                            for k, hour in enumerate(hours))
    assert len(load_series(twins.encode(), "logger.csv").frame) == 200  # its first row was taken for names
    days = pd.date_range("2023-01-01", periods=90)
    rows = "".join(f"{day:%Y-%m-%d},{100 + k}\r\n" for k, day in enumerate(days))
    inch = load_series(("date,sales\r\n" + rows + '\r\nNote: all pizzas are 12"\r\n').encode(), "pizza.csv")
    assert len(inch.frame) == 90 and any(notice.key == "notice.footnotes" for notice in inch.report.notices)
    quantiles = "t,0.1,0.5,0.9\n" + "".join(f"{k},{90 + k}.50,{100 + k}.50,{110 + k}.50\n" for k in range(1, 61))
    assert load_series(quantiles.encode(), "q.csv").target == "0.1"  # a header, not a database's first row
    holiday = "Year,Month,Day,Holiday,Sales\n" + "".join(f"{day.year},{day.month},{day.day},{int(day.day == 1)},{k}\n"
                                                         for k, day in enumerate(days))
    assert load_series(holiday.encode(), "h.csv").frequency.name == "daily"  # 'Holiday' is no time column
    rng = np.random.default_rng(3)
    store = "date,store_sales,temperature\n" + "".join(f"{day:%Y-%m-%d},{rng.poisson(3)},{10 + k % 9 / 3:.2f}\n"
                                                       for k, day in enumerate(days))
    assert load_series(store.encode(), "s.csv").target == "store_sales"
    local = pd.date_range("2023-10-28", periods=60, freq="h", tz="Europe/Berlin")
    offsets = "local_time,utc_offset,load_mw\n" + "".join(f"{hour:%Y-%m-%d %H:%M},{hour:%z}"[:-2] + f":00,{k}\n"
                                                          for k, hour in enumerate(local))
    assert len(load_series(offsets.encode(), "o.csv").frame) == 60  # one change in 59 rows is no sensor's offsets
    humid = "datetime,humidity\n" + "".join(f"{hour:%Y-%m-%d %H:%M},{-99.9 if k == 100 else 28 + k % 64}\n"
                                            for k, hour in enumerate(hours))
    assert -99.9 not in load_series(humid.encode(), "rh.csv").frame["y"].tolist()
    hashed = "".join(f"# note {k}\n" for k in range(12)) + "# year,month,average\n" + "".join(
        f"{2000 + k // 12},{k % 12 + 1},{300 + k}\n" for k in range(48))
    assert load_series(hashed.encode(), "co2.csv").frequency.name == "monthly"
    groups = "Date,North,,South,\n,Units,Revenue,Units,Revenue\n2024-01-01,,,,\n" + "".join(
        f"{day:%Y-%m-%d},{k},{k * 2},{k + 1},{k * 3}\n" for k, day in enumerate(days[1:60]))
    assert load_series(groups.encode(), "g.csv").date_col == "Date"
    postgres = "".join(f"{hour:%Y-%m-%d %H:%M:%S}+01,{50 + k % 7}.19,f,\n" for k, hour in enumerate(hours))
    assert len(load_series(postgres.encode(), "pg.csv").frame) == 200  # a blank NULL after its time stamp


@pytest.mark.parametrize("products", [1, 3])
def test_a_statistics_canada_table_padded_with_a_unit_row_and_numbered_footnotes_is_read(products: int) -> None:
    # One product: "line 6 has 2 fields where the header has 1", or "Only 4 usable rows" with the rows padded to the
    # table's width, its unit '2002=100' and five numbered footnotes (read as the table, two fields wide).
    months = pd.date_range("2021-01-01", periods=36, freq="MS")
    pad = [""] * 35

    def quoted(cells: list[str]) -> str:
        return ",".join(f'"{cell}"' for cell in cells)

    lines = ['"Consumer Price Index, monthly, not seasonally adjusted 1 2"', '"Frequency: Monthly"',
             '"Release date: 2024-03-19"', '""', quoted(["Geography", "Canada 3", *pad]),
             quoted(["Products and product groups 4 5", *(f"{m:%B %Y}" for m in months)]),
             quoted(["", "2002=100", *pad])]
    lines += [quoted([name, *(f"{140 + 10 * k + 0.4 * m:.1f}" for m in range(36))])
              for k, name in enumerate(["All-items", "Food", "Shelter"][:products])]
    lines += ['""', '"Symbol legend:"', quoted(["..", "not available for a specific reference period"]), '""',
              '"Footnotes:"', *(quoted([str(k), f"Footnote number {k}."]) for k in range(1, 6)),
              '"How to cite: Statistics Canada. Table 18-10-0004-01"', '"DOI: https://doi.org/10.25318/1810000401-eng"']
    text = ("\r\n".join(lines) + "\r\n").encode()
    if products == 1:
        series = load_series(text, "1810000401-eng.csv")
        assert (series.target, len(series.frame), series.frame["y"].iloc[1]) == ("All-items", 36, 140.4)
    else:
        raw = read_table(text, "1810000401-eng.csv")
        assert sorted(raw["Products and product groups 4 5"].dropna().unique()) == ["All-items", "Food", "Shelter"]
        assert len(raw) == 3 * 36


def test_a_headerless_database_exports_serial_id_is_no_target() -> None:
    hours = pd.date_range("2024-01-01", periods=100, freq="h")
    text = "".join(f"{k + 1}\t{hour:%Y-%m-%d %H:%M:%S}+01\t{50 + k % 7}.81\t{'tf'[k % 2]}\n"
                   for k, hour in enumerate(hours))
    series = load_series(text.encode(), "readings.tsv")  # 'column 1' (1, 2, 3, ...) was the target: MAE 0
    assert (series.target, len(series.frame)) == ("column 3", 100)


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_a_headerless_database_export_with_names_in_it_keeps_its_first_row(delimiter: str) -> None:
    # COPY ... (FORMAT csv) of (store, day, id, amount): 'store_a' is no number, so the first row was the header and
    # its serial id '101' the target (MAE 1.0 on 199 rows).
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    text = "".join(delimiter.join(["store_a", f"{day:%Y-%m-%d}", str(101 + k), f"{60 + k % 7 * 3}.25"]) + "\n"
                   for k, day in enumerate(days))
    series = load_series(text.encode(), "sales.csv")
    assert (series.target, len(series.frame), series.frame["y"].iloc[0]) == ("column 4", 120, 60.25)


def test_dates_across_a_header_and_dates_in_a_first_column_keep_their_header() -> None:
    across = "Page," + ",".join(f"2015-07-{d:02d}" for d in range(1, 31)) + "\n" + "".join(
        f"page_{p}," + ",".join(str(100 + p + d) for d in range(30)) + "\n" for p in range(3))
    assert "Page" in read_table(across.encode(), "train_1.csv").columns
    named = "day,sales\n" + "".join(f"2024-01-{d:02d},{d}\n" for d in range(1, 29))
    assert load_series(named.encode(), "s.csv").target == "sales"


def test_a_loggers_units_rows_and_a_headerless_calendar_are_said() -> None:
    stamps = pd.date_range("2023-06-01 00:10", periods=50, freq="10min")
    toa5 = '"TOA5","CR1000_Met","CR1000","1","x","y","z","T"\n"TIMESTAMP","RECORD","AirTC_Avg"\n"TS","RN","Deg C"\n' \
        '"","","Avg"\n' + "".join(f'"{stamp:%Y-%m-%d %H:%M:%S}",{k},{15 + k % 7 / 4}\n'
                                   for k, stamp in enumerate(stamps))
    said = [str(notice) for notice in load_series(toa5.encode(), "t.dat").report.notices]
    assert "2 rows without a date or a number (units or labels) were left out." in said
    assert any("TOA5, CR1000_Met" in line for line in said)
    silso = "".join(f"{1749 + k // 12};{k % 12 + 1:02d};{1749 + k / 12:.3f};{80 + k % 9:6.1f}\n" for k in range(60))
    notices = load_series(silso.encode(), "SN_m_tot_V2.0.csv").report.notices
    assert notices[0].key == "notice.bare_calendar" and "the year and the month" in str(notices[0])


def test_the_coarser_spacing_note_names_the_spacing_in_chinese() -> None:
    from core.i18n import message

    months = pd.date_range("2000-01-01", "2012-12-01", freq="MS")
    text = "observation_date,GDP\n" + "".join(f"{m:%Y-%m-%d},{10000 + k if m.month % 3 == 1 else ''}\n"
                                              for k, m in enumerate(months))
    notice = next(n for n in load_series(text.encode(), "fred.csv").report.notices if n.key == "notice.own_spacing")
    assert "季度" in message(notice.key, notice.params, "zh") and "quarterly" not in message(notice.key, notice.params,
                                                                                             "zh")


def test_a_coarser_target_with_a_regressor_keeps_its_future_rows_on_its_own_spacing() -> None:
    # With UNRATE as a regressor, GDP was two thirds interpolated; read quarterly, the forecast failed: "no row for
    # 2024-01-01" among the monthly future rows.
    months = pd.date_range("2000-01-01", "2024-06-01", freq="MS")
    given = [m.month % 3 == 1 and m.year < 2024 for m in months]
    text = "observation_date,GDP,UNRATE\n" + "".join(
        f"{m:%Y-%m-%d},{10000 + 30 * k if given[k] else ''},{4 + k % 7 / 10}\n" for k, m in enumerate(months))
    series = load_series(text.encode(), "fred.csv", LoadOptions(target="GDP", regressors=("UNRATE",)))
    assert (series.frequency.name, len(series.frame)) == ("quarterly", 96)
    assert list(series.future["ds"]) == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-04-01")]


def test_the_fourth_reviews_readings_stay_as_they_were() -> None:
    hours = pd.date_range("2024-01-01", periods=24 * 75, freq="h")
    start = "Year,Month,StartTime,Load\n" + "".join(f"{h.year},{h.month},{h:%Y-%m-%d %H:%M},{400 + k % 24}\n"
                                                    for k, h in enumerate(hours))
    assert load_series(start.encode(), "load.csv").frequency.name == "hourly"  # 3 monthly means
    months = pd.date_range("2022-01-01", periods=24, freq="MS")
    padded = "Sales by month,,,\r\ndate,sales,,\r\n" + "".join(f"{m:%Y-%m-%d},{100 + k},,\r\n"
                                                               for k, m in enumerate(months))
    assert load_series(padded.encode(), "s.csv").target == "sales"  # "No numeric column to forecast"
    days = pd.date_range("2024-01-01", periods=30)
    across = "," + ",".join(f"{d:%Y-%m-%d}" for d in days) + "\nsales," + ",".join(str(100 + k) for k in range(30)) \
        + "\nvisits," + ",".join(str(50 + k) for k in range(30)) + "\n"
    assert "dates_across" in read_table(across.encode(), "t.csv").attrs  # read as a file without a header
    columns = pd.MultiIndex.from_product([["Berlin", "Paris"], ["PM2.5", "NO2"]], names=["station", "pollutant"])
    frame = pd.DataFrame(np.arange(120.0).reshape(30, 4), index=days.rename("date"), columns=columns)
    assert load_series(frame.to_csv().encode(), "air.csv").numeric_columns[:2] == ["Berlin PM2.5", "Berlin NO2"]
    scale = "Scale 2, exported 2024-05-01, firmware 1.4\nday,weight\n" + "".join(f"{k},{80 + k / 10:.1f} kg\n"
                                                                               for k in range(1, 31))
    assert load_series(scale.encode(), "scale.csv").target == "weight"  # the title's three cells were the header
    half_year = pd.date_range("2024-01-01", periods=180)
    stores = "date,store_count,sales\n" + "".join(f"{d:%Y-%m-%d},{10 + k // 50},{(10 + k // 50) * 1000 + k}\n"
                                                  for k, d in enumerate(half_year))
    assert load_series(stores.encode(), "st.csv").target == "sales"
    models = ['TV 55"' if k == 10 else "TV 50in" for k in range(30)]  # an inch mark in one cell
    inch = "date,model,units\n" + "".join(f"{d:%Y-%m-%d},{models[k]},{k}\n" for k, d in enumerate(days)) \
        + '"Source: store records, exported 2024-02-01"\n'
    assert any(notice.key == "notice.footnotes" for notice in load_series(inch.encode(), "i.csv").report.notices)


def test_a_target_given_every_other_month_is_read_every_two_months() -> None:
    months = pd.date_range("2018-01-01", periods=71, freq="MS")  # 36 of 71 rows: half of them made up before
    text = "month,sales\n" + "".join(f"{m:%Y-%m},{1000 + k if k % 2 == 0 else ''}\n" for k, m in enumerate(months))
    series = load_series(text.encode(), "shop.csv")
    assert (series.frequency.name, len(series.frame)) == ("every 2 months", 36)


def test_the_fifth_reviews_readings_stay_as_they_were() -> None:
    months = pd.date_range("2019-01-01", periods=60, freq="MS")
    calls = "Year,Month,Calls,AvgHandleTime\n" + "".join(f"{m.year},{m.month},{5000 + k}.0,{300 + k % 9}.1\n"
                                                         for k, m in enumerate(months))
    assert load_series(calls.encode(), "calls.csv").frequency.name == "monthly"  # "only 5 distinct time stamps"
    rng = np.random.default_rng(8)
    days = pd.date_range("2023-01-01", periods=365)
    shop = "date,sales,price\n" + "".join(f"{d:%Y-%m-%d},{rng.poisson(8) + 2},{4.29 + k % 10 / 10:.2f}\n"
                                          for k, d in enumerate(days))
    assert load_series(shop.encode(), "shop.csv").target == "sales"  # counts without zeros lost to 'price'
    periods = pd.date_range("2019-01-01", periods=60, freq="MS")
    cpi = "Reference period,All-items,Food\n" + "".join(f"{m:%B %Y},{130 + k}.0,{140 + k}.0\n"
                                                        for k, m in enumerate(periods)) \
        + "\nFootnotes:\n1,Monthly indexes are not revised.\n2,2002=100 is the base period.\n"
    assert load_series(cpi.encode(), "cpi.csv").frequency.name == "monthly"  # its dates lost to the footnotes
    hours = pd.date_range("2024-05-01", periods=100, freq="h")
    logger = "".join(f'"{h:%Y-%m-%d %H:%M:%S}",{5000 + k},{12.5 + k % 3 / 100:.2f},{17 + k % 5 / 3:.2f}\n'
                     for k, h in enumerate(hours))
    assert load_series(logger.encode(), "logger.csv").target == "column 3"  # the RECORD column was the target
    twins = "Station,Timestamp,Temperature,Temperature\n" + "".join(
        f"Berlin,{h:%Y-%m-%d %H:%M},{20 + k % 5} °C,{21 + k % 3} °C\n" for k, h in enumerate(hours))
    assert len(load_series(twins.encode(), "twins.csv").frame) == 100  # its first reading became the names
    humid = "timestamp,humidity\n" + "".join(f"{h:%Y-%m-%d %H:%M},{-99 if k == 50 else 34 + k % 61}\n"
                                             for k, h in enumerate(hours))
    assert -99 not in load_series(humid.encode(), "rh.csv").frame["y"].tolist()


@pytest.mark.parametrize(("cell", "expected"), [
    ("{d:%b} {d.day}, {d:%Y} {h}:30 {m}", "Jira"), ("{d:%d/%b/%y} {h}:30 {m}", "Jira's default"),
    ("{d:%B %d, %Y} {h:02d}:30:00 {m}", "Melbourne's pedestrian counts")])
def test_month_names_with_a_twelve_hour_time_are_read(cell: str, expected: str) -> None:
    # 'Jan 1, 2024 7:30 AM' was no date: the ticket id became the target on row-number steps (and --date-col Created
    # "does not hold dates").
    stamps = pd.date_range("2024-01-01 07:30", periods=60, freq="h")
    rows = "".join(f'"{cell.format(d=stamp, h=(stamp.hour + 11) % 12 + 1, m="AM" if stamp.hour < 12 else "PM")}",'
                   f"{k % 9}\n" for k, stamp in enumerate(stamps))
    series = load_series(("Created,Count\n" + rows).encode(), "tickets.csv")
    assert series.frequency.name == "hourly", expected
    assert series.frame["ds"].iloc[[0, 5, 20]].tolist() == stamps[[0, 5, 20]].tolist()


def test_true_and_false_are_ones_and_zeros() -> None:
    # Walmart's IsHoliday (TRUE/FALSE), PostgreSQL's t/f: "Regressor 'IsHoliday' is not a numeric column ... leave the
    # regressors out".
    weeks = pd.date_range("2010-02-05", periods=60, freq="W-FRI")
    for true, false in (("TRUE", "FALSE"), ("True", "False"), ("t", "f"), ("Yes", "No")):
        text = "Date,Weekly_Sales,IsHoliday\n" + "".join(
            f"{week:%Y-%m-%d},{20000 + 50 * k + (3000 if k % 10 == 3 else 0)},{true if k % 10 == 3 else false}\n"
            for k, week in enumerate(weeks))
        series = load_series(text.encode(), "walmart.csv", LoadOptions(regressors=("IsHoliday",)))
        assert series.target == "Weekly_Sales" and series.frame["IsHoliday"].tolist()[:4] == [0.0, 0.0, 0.0, 1.0]


def test_a_contact_centres_intervals_with_a_total_row_per_day_are_one_series() -> None:
    # Date,Interval '08:00 - 08:30' ... and a 'Total' row a day: read as 25 series by 'Interval', 'Total' among them.
    days = pd.bdate_range("2024-01-01", periods=25)
    rows = []
    for day in days:
        for k in range(24):
            start = pd.Timestamp(day) + pd.Timedelta(hours=8, minutes=30 * k)
            end = start + pd.Timedelta(minutes=30)
            rows.append(f"{day:%m/%d/%Y},{start:%I:%M %p} - {end:%I:%M %p},{20 + k},{19 + k}")
        rows.append(f"{day:%m/%d/%Y},Total,{sum(20 + k for k in range(24))},0")
    series = load_series(("Date,Interval,Offered,Handled\n" + "\n".join(rows) + "\n").encode(), "report.csv")
    assert (series.frequency.alias, len(series.frame), series.frame["y"].max()) == ("OH30-0820-1111100", 600, 43)
    assert any(notice.key == "notice.summary_rows" and notice.params["rows"] == 25 for notice in series.report.notices)


@pytest.mark.parametrize("workbook", [False, True])
def test_a_date_written_on_each_days_first_time_is_carried_down(workbook: bool) -> None:
    # A report writes the date once a day: 374 rows "without a date" were left out and the 08:00 rows fitted as daily.
    days = pd.bdate_range("2024-01-01", periods=20)
    frame = pd.DataFrame([{"Date": f"{day:%Y-%m-%d}" if hour == 8 else None, "Time": f"{hour:02d}:00",
                           "Offered": 30 + hour + k} for k, day in enumerate(days) for hour in range(8, 20)])
    if workbook:
        buffer = io.BytesIO()
        frame.to_excel(buffer, index=False)
        data, name = buffer.getvalue(), "report.xlsx"
    else:
        data, name = frame.to_csv(index=False).encode(), "report.csv"
    series = load_series(data, name)
    assert (series.frequency.alias, len(series.frame)) == ("OH-0820-1111100", 240)
    carried = [notice for notice in series.report.notices if notice.key == "notice.dates_carried_down"]
    assert carried and carried[0].params == {"column": "Date", "rows": 220}
    out_of_order = frame.copy()
    out_of_order.loc[5, "Time"] = "07:00"  # an earlier time under a date: no day's continuation, nothing carried
    assert not any(notice.key == "notice.dates_carried_down" for notice in load_series(
        out_of_order.to_csv(index=False).encode(), "report.csv").report.notices)


@pytest.mark.parametrize("rows", [12, 365])
def test_a_tutorial_files_title_repeated_below_its_rows_is_a_note(rows: int) -> None:
    # Brownlee's daily-total-female-births.csv ends with a blank line and 'Daily total female births in California,
    # 1959': in 12 rows its 1959 was a value and the dates unread (MAE 484); in 365 an "unreadable date" to correct.
    days = pd.date_range("1959-01-01", periods=rows, freq="D")
    text = '"Date","Births"\n' + "".join(f'"{day:%Y-%m-%d}",{35 + k % 9}\n' for k, day in enumerate(days))
    series = load_series((text + "\nDaily total female births in California, 1959\n").encode(), "births.csv")
    assert (series.frequency.name, len(series.frame), series.frame["y"].max()) == ("daily", rows, 43)
    assert any(notice.key == "notice.footnotes" for notice in series.report.notices), series.report.notices
    months = pd.date_range("1964-01-01", periods=40, freq="MS")
    champagne = '"Month","Sales"\n' + "".join(f'"{m:%Y-%m}",{2815 + k}\n' for k, m in enumerate(months))
    series = load_series((champagne + "\nPerrin Freres monthly champagne sales millions ?64-?72\n").encode(), "c.csv")
    assert (series.frequency.name, len(series.frame)) == ("monthly", 40)


def test_a_regressor_of_letter_codes_among_zeros_is_refused_with_the_fix() -> None:
    # Rossmann's StateHoliday ('0', 'a', 'b'): the letters read as missing, were filled with the 0s around them, and the
    # regressor was left out as constant, said as "Blank regressor cells".
    days = pd.date_range("2014-01-01", periods=120, freq="D")
    text = "Date,Sales,StateHoliday\n" + "".join(
        f"{day:%Y-%m-%d},{5000 + 10 * k},{'ab'[k // 30 % 2] if k % 30 == 0 else '0'}\n" for k, day in enumerate(days))
    with pytest.raises(DataError, match=r"StateHoliday.*'a', 'b'.*1 where a code applies") as raised:
        load_series(text.encode(), "train.csv", LoadOptions(regressors=("StateHoliday",)))
    assert raised.value.key == "err.regressor_letter_codes"
    suppressed = text.replace(",a\n", ",x\n").replace(",b\n", ",x\n")  # one letter: a statistics office's marker
    assert load_series(suppressed.encode(), "t.csv", LoadOptions(regressors=("StateHoliday",))).target == "Sales"


@pytest.mark.parametrize(("total", "dated"), [("Total", False), ("Daily Total", True), ("Daily Total", False)])
def test_a_days_total_row_beside_dates_carried_down_is_left_out(total: str, dated: bool) -> None:
    # From the review: a 'Total' row under each day (its date blank) stopped the carry-down (575 rows "without a
    # date", 25 daily rows fitted); 'Daily Total' was said as rows "without a date" though they had one.
    days = pd.bdate_range("2024-03-04", periods=25)
    lines = []
    for day in days:
        for k in range(24):
            start = pd.Timestamp(day) + pd.Timedelta(hours=8, minutes=30 * k)
            when = f"{day:%m/%d/%Y}" if k == 0 or dated else ""
            lines.append(f"{when},{start:%H:%M} - {start + pd.Timedelta(minutes=30):%H:%M},{30 + k},{29 + k}")
        lines.append(f"{f'{day:%m/%d/%Y}' if dated else ''},{total},{sum(30 + k for k in range(24))},0")
    series = load_series(("Date,Interval,Offered,Handled\n" + "\n".join(lines) + "\n").encode(), "cc.csv")
    assert (series.frequency.alias, len(series.frame), series.frame["y"].max()) == ("OH30-0820-1111100", 600, 53)
    keys = {notice.key: notice.params for notice in series.report.notices}
    assert keys["notice.summary_rows"] == {"rows": 25, "words": total}
    assert ("notice.dates_carried_down" in keys) != dated


def test_a_summary_row_spanning_the_whole_report_is_left_out() -> None:
    # Meta's Ads Manager: 'Reporting starts,Reporting ends' and a summary row from the first day to the last, averaged
    # with the first day's row (9,982 among days of 150-300); 'Reporting ends' was the time column ('ds' in 'ends').
    days = pd.date_range("2024-01-01", periods=91, freq="D")
    header = "Reporting starts,Reporting ends,Campaign name,Amount spent (USD),Impressions\n"
    rows = "".join(f"{day:%Y-%m-%d},{day:%Y-%m-%d},Spring Sale,{150 + k % 7 * 20}.5,{20000 + k}\n"
                   for k, day in enumerate(days))
    summary = "2024-01-01,2024-03-31,,19747.48,2191902\n"
    series = load_series((header + summary + rows).encode(), "meta.csv")
    assert (series.date_col, len(series.frame), series.frame["y"].max()) == ("Reporting starts", 91, 270.5)
    assert any(notice.key == "notice.summary_rows" and notice.params["words"] == "2024-01-01 - 2024-03-31"
               for notice in series.report.notices)
    weeks = "".join(f"{day:%Y-%m-%d},{day + pd.Timedelta(days=6):%Y-%m-%d},Spring Sale,{1500 + k}.5,{9000 + k}\n"
                    for k, day in enumerate(pd.date_range("2024-01-01", periods=20, freq="7D")))
    weekly = load_series((header + weeks).encode(), "meta_weekly.csv")  # no summary row: every week kept
    assert (weekly.date_col, len(weekly.frame), weekly.frame["ds"].iloc[0]) == ("Reporting starts", 20,
                                                                              pd.Timestamp("2024-01-01"))


def test_the_epas_local_date_and_time_beside_its_gmt_pair_and_a_datum_make_one_hourly_series() -> None:
    # AQS: 'Datum' (WGS84) counted as a second date column and 'Date Local'/'Time Local' were no names of a date and a
    # time: 24 series by 'Time Local', and --id-col none averaged the hours into days.
    hours = pd.date_range("2024-01-01", periods=96, freq="h")
    header = '"Datum","Date Local","Time Local","Date GMT","Time GMT","Sample Measurement"\n'
    rows = "".join(f'"WGS84","{h:%Y-%m-%d}","{h:%H:%M}","{h + pd.Timedelta(hours=8):%Y-%m-%d}",'
                   f'"{h + pd.Timedelta(hours=8):%H:%M}","{10 + k % 24 / 2}"\n' for k, h in enumerate(hours))
    series = load_series((header + rows).encode(), "aqs.csv")
    assert (series.date_col, series.frequency.name, len(series.frame)) == ("Date Local Time Local", "hourly", 96)
    assert series.frame["ds"].iloc[1] == pd.Timestamp("2024-01-01 01:00")


def test_calendar_parts_beside_a_time_column_are_no_target() -> None:
    # AirNow: 'Date (LT),Year,Month,Day,Hour,NowCast Conc.': the day of the month was the target (test MAE 0).
    hours = pd.date_range("2024-01-01 01:00", periods=200, freq="h")
    text = "Site,Date (LT),Year,Month,Day,Hour,NowCast Conc.,AQI\n" + "".join(
        f"LA,{h:%m/%d/%Y %I:%M %p},{h.year},{h.month},{h.day},{h.hour},{12 + k % 9 * 1.5},{50 + k % 9}\n"
        for k, h in enumerate(hours))
    assert load_series(text.encode(), "airnow.csv").target == "NowCast Conc."


@pytest.mark.parametrize("daily", [False, True])
def test_nasa_powers_short_calendar_names_and_days_of_the_year_make_dates(daily: bool) -> None:
    # 'YEAR,MO,DY,HR' and 'YEAR,DOY' were refused: "only 1 distinct time stamp".
    head = "-BEGIN HEADER-\nNASA/POWER CERES/MERRA2 Native Resolution Hourly Data\nFill value: -999\n-END HEADER-\n"
    if daily:
        days = pd.date_range("2023-12-01", periods=60, freq="D")
        body = "YEAR,DOY,T2M\n" + "".join(f"{d.year},{d.dayofyear},{5 + k % 7}\n" for k, d in enumerate(days))
    else:
        days = pd.date_range("2024-01-01", periods=72, freq="h")
        body = "YEAR,MO,DY,HR,T2M\n" + "".join(f"{d.year},{d.month},{d.day},{d.hour},{5 + k % 7}\n"
                                               for k, d in enumerate(days))
    series = load_series((head + body).encode(), "POWER.csv")
    assert (series.frequency.name, len(series.frame)) == ("daily" if daily else "hourly", len(days))
    assert series.frame["ds"].tolist() == list(days)


@pytest.mark.parametrize(("cell", "name"), [("{d:%m-%d-%Y}", "Fitbit's US dates"),
                                            ("{d:%Y-%m-%d} {h}:{d:%M}{d:%p}", "Fitbit's sleep times"),
                                            ("{d:%b} {d.day}, {d:%Y}, {h}:{d:%M:%S %p}", "Strava's activity dates")])
def test_more_app_dates_are_read(cell: str, name: str) -> None:
    # 09-13-2023 (month first with dashes), '2024-01-28 10:48PM', 'Sep 1, 2023, 8:45:00 AM': "no dates", the rows
    # numbered as steps; Strava's 'Activity ID' then the target.
    days = pd.date_range("2023-09-01 08:45", periods=40, freq="D")
    text = "Activity ID,Activity Date,Distance\n" + "".join(
        f'{10000056076 + 7919 * k},"{cell.format(d=day, h=(day.hour + 11) % 12 + 1)}",{8 + k % 5}.5\n'
        for k, day in enumerate(days))
    series = load_series(text.encode(), "activities.csv")
    assert (series.frequency.name, series.target) == ("daily", "Distance"), name
    assert series.frame["ds"].iloc[12].date() == days[12].date()


def test_garmins_double_dash_is_missing() -> None:
    days = pd.date_range("2024-01-01", periods=60, freq="D")
    text = "Date,Avg HR\n" + "".join(f"{day:%Y-%m-%d},{'--' if k % 9 == 4 else 120 + k % 7}\n"
                                     for k, day in enumerate(days))
    series = load_series(text.encode(), "Activities.csv")
    assert series.target == "Avg HR" and series.report.missing_filled == 7


def test_samples_of_several_kinds_in_their_own_units_are_series_of_their_own() -> None:
    # Apple Health's records: steps, heart rates and body masses in one 'value', summed per day together.
    from core.panel.split import detect_id_columns

    rng = np.random.default_rng(1)
    rows = []
    for kind, unit, count, low, high in (("HKQuantityTypeIdentifierStepCount", "count", 300, 100, 3000),
                                         ("HKQuantityTypeIdentifierHeartRate", "count/min", 120, 55, 140),
                                         ("HKQuantityTypeIdentifierBodyMass", "kg", 20, 70, 72)):
        seconds = np.sort(rng.choice(60 * 86_400, count, replace=False))
        rows += [(kind, unit, pd.Timestamp("2023-09-01") + pd.Timedelta(seconds=int(s)), rng.uniform(low, high))
                 for s in seconds]
    raw = pd.DataFrame(rows, columns=["type", "unit", "startDate", "value"]).sort_values("startDate")
    assert detect_id_columns(raw.reset_index(drop=True), "startDate") == ("type",)
    one_unit = raw[raw["unit"] == "count"].reset_index(drop=True)
    assert detect_id_columns(one_unit, "startDate") == ()


def test_the_sixth_reviews_readings_stay_as_they_were() -> None:
    # From the review of e335365: 'Units' sold is no column of units (40 series by Sales); a rainfall 'mm' beside Year
    # and Month is no month (12 series by Month); NOAA's T and M among varying rainfall are no codes of kinds (refused);
    # a subscription from the first day to the last, its customer named, is no summary row (left out).
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    units = "Date,Units,Sales\n" + "".join(f"{d:%Y-%m-%d},{30 + k % 17},{10 * (30 + k % 17)}\n"
                                           for k, d in enumerate(days))
    assert load_series(units.encode(), "u.csv").target == "Units"
    months = pd.date_range("2010-01-01", periods=120, freq="MS")
    rain = "Year,Month,mm\n" + "".join(f"{m.year},{m.month},{(k * 37) % 180}\n" for k, m in enumerate(months))
    series = load_series(rain.encode(), "rain.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("mm", "monthly", 120)
    climate = "year,mm,rain\n" + "".join(f"{m.year},{m.month},{(k * 37) % 180}\n" for k, m in enumerate(months))
    read = load_series(climate.encode(), "climate.csv")  # from the next review: 'mm' of 1-12 beside a year is the month
    assert (read.target, read.frequency.name, len(read.frame)) == ("rain", "monthly", 120)
    weather = "Date,AvgTemperature,Precipitation\n" + "".join(
        f"{d:%Y-%m-%d},{40 + k % 11},{'T' if k % 40 == 3 else 'M' if k % 60 == 7 else f'0.{k % 9}'}\n"
        for k, d in enumerate(days))
    read = load_series(weather.encode(), "w.csv", LoadOptions(target="AvgTemperature", regressors=("Precipitation",)))
    assert read.regressors == ["Precipitation"]
    subs = "Customer,Start Date,End Date,Plan,MRR\n" + "".join(
        f"C{1000 + k},{d:%Y-%m-%d},{'2099-12-31' if k % 2 == 0 else f'{d + pd.Timedelta(days=30):%Y-%m-%d}'},"
        f"{'Pro' if k % 3 else 'Basic'},{19 + k % 3 * 10}\n" for k, d in enumerate(days))
    assert len(load_series(subs.encode(), "subs.csv").frame) == 120


def test_a_month_named_mm_steps_aside_for_days_of_the_year_and_weeks() -> None:
    # From the review of bedd34f: 'YEAR,DOY,MM' (365 series by DOY) and 'Year,MM,Week' (two time stamps) were refused
    # once 'MM' counted as a month; 'Year,MM,DD' over a field season (no January, no December) stayed refused.
    days = pd.date_range("2022-01-01", "2023-12-31", freq="D")
    doy = "YEAR,DOY,MM,T2M\n" + "".join(f"{d.year},{d.dayofyear},{d.month},{5 + k % 9}\n" for k, d in enumerate(days))
    assert (load_series(doy.encode(), "power.csv").frequency.name, len(load_series(doy.encode(), "p.csv").frame)) == (
        "daily", len(days))
    weeks = pd.date_range("2022-01-03", "2023-12-25", freq="W-MON")
    iso = weeks.isocalendar()
    retail = "Year,MM,Week,Sales\n" + "".join(f"{y},{w.month},{n},{200 + k % 13}\n" for k, (w, y, n) in enumerate(
        zip(weeks, iso["year"], iso["week"])))
    assert load_series(retail.encode(), "weeks.csv").frequency.name == "weekly"
    season = pd.date_range("2023-04-01", "2023-10-31", freq="D")
    field = "Year,MM,DD,Tmax\n" + "".join(f"{d.year},{d.month},{d.day},{20 + k % 7}\n" for k, d in enumerate(season))
    series = load_series(field.encode(), "field.csv")
    assert (series.frequency.name, len(series.frame), series.target) == ("daily", len(season), "Tmax")


def test_cells_quoted_in_notices_mark_where_they_are_cut() -> None:
    # A long footnote or unreadable date was quoted cut at 40 characters with nothing to say that more followed.
    rows = "".join(f"2024-01-{d:02d},{d}\n" for d in range(1, 29))
    noted = load_series(f"date,sales\n{rows}This report was generated automatically by the warehouse system,5\n".encode(),
                        "x.csv")
    assert "('This report was generated automatically…')" in " ".join(str(n) for n in noted.report.notices)
    # quoted as written (a count's thousands separator was said '56, 608')
    short = load_series(f"date,sales\n{rows}Generated by the ERP,5\n".encode(), "x.csv")
    assert "('Generated by the ERP,5')" in " ".join(str(n) for n in short.report.notices)


def test_a_trace_of_rain_written_t_is_read_as_zero() -> None:
    # NOAA writes 'T' for a trace: read as missing, a regressor's trace took the rain of the days around it, and a
    # column of them as target was refused as "not numeric" (16% of its cells 'T' or 'M').
    days = pd.date_range("2023-01-01", periods=120)
    rain = ["T" if k % 7 == 3 else "M" if k % 50 == 9 else f"{(k * 13) % 5 * 0.1:.2f}" for k in range(len(days))]
    text = "DATE,PRCP,TMAX\n" + "".join(f"{d:%Y-%m-%d},{r},{40 + k % 11}\n" for k, (d, r) in enumerate(zip(days, rain)))
    target = load_series(text.encode(), "noaa.csv", LoadOptions(target="PRCP"))
    assert target.frame["y"].iloc[3] == 0 and target.frame["y"].iloc[9] == pytest.approx(0.2)  # M: between 0.4 and 0
    assert "17 cells of 'PRCP' hold 'T', a trace (some fell, too little to measure): read as 0." in [
        str(notice) for notice in target.report.notices]
    regressor = load_series(text.encode(), "noaa.csv", LoadOptions(target="TMAX", regressors=("PRCP",)))
    assert regressor.frame["PRCP"].iloc[3] == 0 and regressor.frame["PRCP"].iloc[10] == 0
    codes = "DATE,Rainfall\n" + "".join(f"{d:%Y-%m-%d},{'T' if k % 9 == 0 else 'x' if k % 9 == 4 else k % 4}\n"
                                        for k, d in enumerate(days))
    with pytest.raises(DataError, match="'T', 'x'"):  # letters of other kinds too: not read as traces
        load_series(codes.encode(), "c.csv")


def test_a_loggers_battery_and_panel_temperature_are_no_target() -> None:
    # Campbell Scientific's TOA5 table and a HOBO export: the battery voltage, their first numbers, was the target.
    stamps = pd.date_range("2024-05-01", periods=400, freq="15min")
    campbell = ('"TOA5","CR1000","CR1000","1234","CR1000.Std.32","CPU:met.CR1","1234","Table15"\n'
                '"TIMESTAMP","RECORD","BattV_Min","PTemp_C","AirTC_Avg","RH"\n"TS","RN","Volts","Deg C","Deg C","%"\n'
                '"","","Min","Smp","Avg","Smp"\n' + "".join(
                    f'"{x:%Y-%m-%d %H:%M:%S}",{k},{12.6 - k * 0.001:.3f},{20 + k % 9},{15 + (k % 96) / 10:.2f},'
                    f'{60 + k % 7}\n' for k, x in enumerate(stamps)))
    assert load_series(campbell.encode(), "CR1000_Table15.dat").target == "AirTC_Avg"
    hobo = '"Plot Title: Shed"\n"#","Date Time, GMT-05:00","Batt, V","Temp, °F","RH, %"\n' + "".join(
        f"{k + 1},{x:%m/%d/%y %I:%M:%S %p},3.10,{60 + k % 11},{50 + k % 5}\n" for k, x in enumerate(stamps))
    assert load_series(hobo.encode(), "hobo.csv").target == "Temp, °F"
    phone = "time,battery_level\n" + "".join(f"{x:%Y-%m-%d %H:%M},{90 - k * 0.1:.1f}\n" for k, x in enumerate(stamps))
    assert load_series(phone.encode(), "phone.csv").target == "battery_level"  # the only reading: still the target


def test_month_and_year_to_date_rows_are_left_out_as_summaries() -> None:
    # A hotel PMS report's 'Month to Date' / 'Year to Date' rows at the end, and STR's 'Jan 2023 MTD' after each month:
    # the dates were unread, the rows numbered as steps and a year's revenue forecast as a day's.
    days = pd.date_range("2023-01-01", "2023-06-30", freq="D")
    rows = "".join(f"{d:%a %m/%d/%Y},{60 + k % 7},\"${100 + 13 * (k % 5)}.55\"\n" for k, d in enumerate(days))
    pms = ('Grand Harbor Hotel\nDaily Statistics Report\n\nDate,Rooms Sold,Room Revenue\n' + rows
           + 'Month to Date,1820,"$287,326.14"\nYear to Date,11108,"$1,504,191.35"\n')
    series = load_series(pms.encode(), "pms.csv")
    assert (series.frequency.name, len(series.frame), series.frame["y"].max()) == (
        "daily", len(days), 152.55)
    assert "(Month to Date, Year to Date) were left out" in " ".join(str(n) for n in series.report.notices)
    lines = []
    for k, d in enumerate(days):
        lines.append(f"{d:%a %m/%d/%Y},{40 + k % 9}.5%\n")
        if d.is_month_end:
            lines.append(f"{d:%b %Y} MTD,44.1%\n")
    star = load_series(("Date,Occupancy %\n" + "".join(lines)).encode(), "str.csv")
    assert (star.frequency.name, len(star.frame)) == ("daily", len(days))
    assert "(Jan 2023 MTD, Feb 2023 MTD, Mar 2023 MTD, Apr 2023 MTD, +2) were left out" in " ".join(
        str(n) for n in star.report.notices)


def test_a_profit_and_loss_by_month_reads_its_accounts_as_series() -> None:
    # QuickBooks' CSV: titles padded with commas above a header that starts with a blank cell, section rows without
    # figures ('Income'), a Total column and a footer. Refused ("Column 'Sunrise Bakery LLC' holds text"), or without
    # the padding read with the first account's row as the header (13 rows of '40,518.38').
    months = pd.date_range("2021-01-01", periods=36, freq="MS")
    width = len(months) + 2
    pad = "," * (width - 1)

    def account(name: str, base: float) -> str:
        return f'"{name}",' + ",".join(f'"{base * (1 + 0.1 * (k % 12)):,.2f}"' for k in range(36)) + ',"1.00"\n'

    body = (',' + ",".join(f'"{m:%b %Y}"' for m in months) + ',"Total"\n' + f'"Income"{pad}\n'
            + account("   Sales", 40518.38) + account("   Services", 7794.4) + account("Total Income", 48312.78)
            + f'"Cost of Goods Sold"{pad}\n' + account("   Cost of Goods Sold", 16612.31)
            + account("Net Income", 31700.47))
    footer = f'{pad}\n"Accrual Basis Tuesday, January 9, 2024 10:14 AM GMT-05:00"{pad}\n'
    padded = f'"Sunrise Bakery LLC"{pad}\n"Profit and Loss"{pad}\n"January 2021 - December 2023"{pad}\n{pad}\n'
    for text in (padded + body + footer, re.sub(r",+$", "", padded + body + footer, flags=re.MULTILINE), body):
        raw = read_table(text.encode(), "pl.csv")
        assert sorted(raw["series"].unique()) == ["   Cost of Goods Sold", "   Sales", "   Services", "Net Income",
                                                   "Total Income"], text[:80]
        assert raw.attrs["label_rows"]["words"].startswith("Income, Cost of Goods Sold")


def test_subtotals_written_total_first_and_a_wide_sheets_total_row_are_no_series() -> None:
    # NetSuite's saved search writes 'Total - ABC-100' after each item's rows: the first became a series "without
    # values"; Odoo's weekly sheet ends with a 'Total' row under its products: forecast as a fourth product.
    months = pd.date_range("2022-01-01", periods=36, freq="MS")
    parts = [f"{item},{m:%b %Y},{300 + k % 12 * 9},\"${1000 + k}.00\"\n" for item in ("ABC-100", "XYZ-200")
             for k, m in enumerate(months)]
    text = ("Item,Period,Quantity,Amount\n" + "".join(parts[:36]) + 'Total - ABC-100,,14154,"$125,775.49"\n'
            + "".join(parts[36:]) + 'Total - XYZ-200,,5387,"$47,809.14"\nOverall Total,,,\n')
    raw = without_summary_rows(read_table(text.encode(), "search.csv"))
    assert sorted(raw["Item"].unique()) == ["ABC-100", "XYZ-200"] and len(raw) == 72
    weeks = [f"W{w:02d} {y}" for y in (2023, 2024) for w in range(1, 53)]
    sheet = ("Internal Reference,Product," + ",".join(weeks) + ",Total\n"
             + "".join(f"FURN-00{p},Item {p}," + ",".join(str(10 + (p * w) % 7) for w in range(104)) + ",999\n"
                       for p in range(1, 4))
             + ",Total," + ",".join(str(sum(10 + (p * w) % 7 for p in range(1, 4))) for w in range(104)) + ",3000\n")
    wide = read_table(sheet.encode(), "odoo.csv")
    assert sorted(wide["Internal Reference"].dropna().unique()) == ["FURN-001", "FURN-002", "FURN-003"]
    assert wide.attrs["summary_rows"] == {"rows": 1, "words": "Total"}


def test_sap_quantities_with_a_trailing_minus_keep_their_decimal_commas() -> None:
    # MB51 writes '128,000-' (three decimals, the sign after) beside amounts '1.600,00-': no cell counted as a decimal
    # comma, the file was read with decimal points, and 128 pieces became 128000.
    days = pd.bdate_range("2023-01-02", periods=60)
    text = "Material;Buch.dat.;Menge in ErfME;EME;Betrag HW;Währg\n" + "".join(
        f"100-400;{d:%d.%m.%Y};{100 + k % 40},000-;ST;1.{250 + k % 40 * 12},50-;EUR\n" for k, d in enumerate(days))
    series = load_series(text.encode("utf-8"), "mb51.csv")
    assert (series.target, series.frequency.name, series.frame["y"].iloc[0]) == ("Menge in ErfME", "business-daily",
                                                                                 -100)
    amounts = load_series(text.encode("utf-8"), "mb51.csv", LoadOptions(target="Betrag HW"))
    assert amounts.frame["y"].iloc[0] == -1250.5


def test_a_short_sap_list_drops_its_rule_lines_and_starred_total() -> None:
    # S003's list output: rule lines of dashes around the header and above and below '*Summe'. On 36 months the two
    # closing rule lines and the total made the months fail their share of dates: 38 rows numbered as steps.
    months = pd.date_range("2022-01-01", periods=36, freq="MS")
    rule = "|" + "-" * 66 + "|\n"
    text = ("Infostruktur S003  Auswertung: Standardanalyse Verkauf\n\nBenutzer: PLANNER01   Datum: 05.02.2025\n\n"
            + rule + "| Monat   | Material  | Auftragseingang  | ME |\n" + rule
            + "".join(f"| {m:%m.%Y} | 100-400   | {1 + k % 12}.{451 + k:03d},884 | ST |\n" for k, m in enumerate(months))
            + rule + "| *Summe  |           |       54.321,500 | ST |\n" + rule)
    series = load_series(text.encode(), "s003.txt")
    assert (series.frequency.name, len(series.frame), series.frame["y"].iloc[0]) == ("monthly", 36, 1451.884)
    assert "1 row summing up or annotating the table (*Summe) was left out." in [str(n) for n in series.report.notices]


def test_sap_weeks_written_week_dot_year_are_weeks() -> None:
    # 'Woche' of 01.2023 ... 52.2024 read as months failed past week 12 and was the target, the quantity a regressor.
    weeks = [(w, y) for y in (2023, 2024) for w in range(1, 53)]
    text = "Woche;Material;Auftragseingangsmenge;ME\n" + "".join(
        f"{w:02d}.{y};100-400;{400 + (w * 37) % 150};ST\n" for w, y in weeks)
    series = load_series(text.encode(), "woche.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("Auftragseingangsmenge", "weekly", 104)
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2023-01-02")  # ISO week 1 of 2023 starts on Monday the 2nd
    months = "Monat;Menge\n" + "".join(f"{m:02d}.{y};{100 + m}\n" for y in (2022, 2023) for m in range(1, 13))
    assert load_series(months.encode(), "monat.csv").frequency.name == "monthly"  # not a week column: months


def test_a_financial_year_with_its_periods_and_fiscal_months_are_read() -> None:
    # 'Financial Year' 2019/20 beside 'Period' P10 ... P12, P01 ...: refused as 5 distinct time stamps; 'FY2021 M01' was
    # "not a date" with the advice to write yyyy-mm-dd.
    rows = [(f"{2019 + (k + 9) // 12}/{(20 + (k + 9) // 12) % 100:02d}", f"P{(k + 9) % 12 + 1:02d}") for k in range(48)]
    text = "Financial Year,Period,Revenue\n" + "".join(f"{fy},{p},{52500 + 300 * k}.00\n"
                                                     for k, (fy, p) in enumerate(rows))
    series = load_series(text.encode(), "fiscal.csv")
    assert (series.frequency.name, len(series.frame), series.frame["ds"].iloc[0]) == (
        "monthly", 48, pd.Timestamp("2019-10-01"))
    assert "notice.periods_as_months" in [notice.key for notice in series.report.notices]
    months = "Period,Revenue\n" + "".join(f"FY{2021 + k // 12} M{k % 12 + 1:02d},{500 + k}\n" for k in range(48))
    fiscal = load_series(months.encode(), "fy.csv")
    assert (fiscal.frequency.name, len(fiscal.frame)) == ("steps", 48)
    assert [notice.key for notice in fiscal.report.notices] == ["notice.fiscal_periods"]


def test_a_week_ending_date_beside_fiscal_year_numbers_dates_the_rows() -> None:
    # A 4-4-5 retail calendar: 'Fiscal Year' (3 values) was taken for the time column, before 'Week Ending': refused as
    # "only 3 distinct time stamps".
    ends = pd.date_range("2022-02-05", periods=157, freq="W-SAT")
    text = "Fiscal Year,Fiscal Period,Fiscal Week,Week Ending,Net Units\n" + "".join(
        f"{2022 + k // 52 if k < 104 else 2024},{(k % 52) // 4 + 1},{k % 52 + 1},{d:%m/%d/%Y},"
        f"\"{1000 + k % 13 * 7:,}\"\n" for k, d in enumerate(ends))
    series = load_series(text.encode(), "retail.csv")
    assert (series.date_col, series.frequency.name, len(series.frame)) == ("Week Ending", "weekly", 157)
    years = "Country,Year,Value\n" + "".join(f"{c},{y},{k}\n" for k, (c, y) in enumerate(
        (c, y) for c in "ABCDEFGHIJ" for y in range(2015, 2020)))
    with pytest.raises(DataError, match="Only 5 usable rows"):  # no other time column: the years, as before
        load_series(years.encode(), "countries.csv", LoadOptions(target="Value"))


def test_an_intermittent_skus_weeks_with_shipments_combine_per_week_with_zeros() -> None:
    # 18 Monday rows over two years (the weeks with a shipment): read as monthly, the notice said to combine per day,
    # and per week was refused ("79 of the 97 periods would be zeros"), though those zeros are the demand.
    weeks = pd.date_range("2023-01-30", "2024-12-02", freq="W-MON")
    shipped = weeks[[0, 9, 11, 19, 23, 28, 30, 31, 37, 47, 49, 51, 61, 75, 76, 78, 93, 96]]
    text = "Week Start,Qty\n" + "".join(f"{d:%Y-%m-%d},{12 * (1 + k % 4)}\n" for k, d in enumerate(shipped))
    raw = load_series(text.encode(), "sku.csv")
    irregular = irregular_text(raw.report.irregular_rows, len(raw.frame), stamps_period(raw.frame["ds"]), "en")
    assert raw.report.irregular_rows and "--per week --duplicates sum" in irregular
    weekly = load_series(text.encode(), "sku.csv", LoadOptions(per="week", duplicates="sum"))
    assert (weekly.frequency.name, len(weekly.frame), int((weekly.frame["y"] == 0).sum())) == ("weekly", 97, 79)
    days = pd.date_range("2024-01-01", periods=60, freq="D")
    daily = "date,kwh\n" + "".join(f"{d:%Y-%m-%d},{5 + k % 3}\n" for k, d in enumerate(days))
    with pytest.raises(DataError, match="combines none of them"):  # daily stamps per hour: still refused
        load_series(daily.encode(), "d.csv", LoadOptions(per="hour", duplicates="sum"))


def test_a_column_of_few_stamps_keeps_them_beside_a_date_that_repeats_too() -> None:
    days = pd.date_range("2024-01-01", periods=5)
    stores = "date,store,opened,sales\n" + "".join(
        f"{d:%Y-%m-%d},S{k},{pd.Timestamp('2019-01-01') + pd.Timedelta(days=40 * k):%Y-%m-%d},{100 + k}\n"
        for d in days for k in range(40))
    with pytest.raises(DataError, match="5"):  # five days of each store: too short, not dated by the opening days
        load_series(stores.encode(), "stores.csv", LoadOptions(target="sales"))


def test_a_profit_and_loss_with_quarter_and_year_totals_among_its_months() -> None:
    # QuickBooks' P&L by month with 'Q1 2021 Total' after each quarter and 'Total 2021' after each year: the dates
    # across were not read ("Only 3 usable rows"); a file of numbered rows stayed readable (its stamps are no dates).
    months = pd.date_range("2021-01-01", periods=36, freq="MS")
    names: list[str] = []
    for m in months:
        names.append(f"{m:%b %Y}")
        if m.month % 3 == 0:
            names.append(f"Q{m.month // 3} {m.year} Total")
        if m.month == 12:
            names.append(f"Total {m.year}")
    rows = "".join(f'"{name}",' + ",".join(f'"{base + k:,.2f}"' for k in range(len(names) + 1)) + "\n"
                   for name, base in (("Sales", 40000.5), ("Services", 7000.25), ("Gross Profit", 23000.75)))
    text = '"",' + ",".join(f'"{name}"' for name in names) + ',"TOTAL"\n"Income"\n' + rows
    raw = read_table(text.encode(), "pl.csv")
    assert sorted(raw["series"].unique()) == ["Gross Profit", "Sales", "Services"] and len(raw) == 3 * 36
    assert raw.attrs["total_columns"] == "Q1 2021 Total, Q2 2021 Total, Q3 2021 Total, Q4 2021 Total, +11"
    numbered = load_series(("x,y\n" + "".join(f"{k},{k % 5}\n" for k in range(30))).encode(), "n.csv")
    assert numbered.frequency.name == "steps" and len(numbered.frame) == 30


def test_from_the_review_of_the_reports_and_calendars_commits() -> None:
    # Monthly stamps per day and daily readings per hour are still refused (a step's common divisor let them through).
    months = "date,sales\n" + "".join(f"2022-{m:02d}-01,{60 + m}\n2023-{m:02d}-01,{70 + m}\n" for m in range(1, 13))
    with pytest.raises(DataError, match="combines none of them"):
        load_series(months.encode(), "m.csv", LoadOptions(per="day", duplicates="sum"))
    times = [pd.Timestamp("2024-01-01 08:00") + pd.Timedelta(days=k, minutes=(k * 7) % 40 - 20) for k in range(60)]
    readings = "time,kwh\n" + "".join(f"{t:%Y-%m-%d %H:%M},{10 + k % 4}\n" for k, t in enumerate(times))
    with pytest.raises(DataError, match="combines none of them"):
        load_series(readings.encode(), "r.csv", LoadOptions(per="hour", duplicates="sum"))
    # A flu season's '2017/18' beside weeks 40-52 then 1-20: refused as before, not its January dated a year early.
    seasons = "Year,Week,Cases\n" + "".join(f"{y}/{(y + 1) % 100:02d},{w},{100 + w}\n" for y in (2017, 2018, 2019)
                                            for w in [*range(40, 53), *range(1, 21)])
    with pytest.raises(DataError):
        load_series(seasons.encode(), "flu.csv")
    # Rows of a wide table named by statistics words are series; a blank one is said as such, not as a summary.
    dates = ",".join(f"2022-{m:02d}" for m in range(1, 13)) + "," + ",".join(f"2023-{m:02d}" for m in range(1, 13))
    wide = f"Item,{dates}\n" + "".join(f"{name}," + ",".join(str(10 + k + i) for k in range(24)) + "\n" for i, name in
                                       enumerate(["Rainfall (mm)", "Mean Temperature (C)", "Max Protein Bar"]))
    raw = read_table((wide + "Cherries" + "," * 24 + "\n").encode(), "wide.csv")
    assert sorted(raw["Item"].unique()) == ["Max Protein Bar", "Mean Temperature (C)", "Rainfall (mm)"]
    assert raw.attrs["label_rows"] == {"rows": 1, "words": "Cherries"} and "summary_rows" not in raw.attrs
    # A shop's 'Battery Sales' is a target, not a logger's battery; a week column beside dates is no time column.
    shop = "Month,Battery Sales,Charger Sales\n" + "".join(f"2021-{m:02d},{200 + m},{20 + m}\n2022-{m:02d},{210 + m},"
                                                          f"{21 + m}\n" for m in range(1, 13))
    assert load_series(shop.encode(), "shop.csv").target == "Battery Sales"
    days = pd.date_range("2024-01-01", periods=60)
    dated = "Date,Week,Sales\n" + "".join(f"{d:%Y-%m-%d},{d.isocalendar()[1]:02d}.2024,{10 + k % 7}\n"
                                          for k, d in enumerate(days))
    series = load_series(dated.encode(), "dated.csv")
    assert (series.date_col, series.frequency.name, series.report.notices) == ("Date", "daily", [])


def test_from_the_review_of_297d369() -> None:
    # A SKU's 13 Tuesdays over 18 months, per week, and a log of sales on some days, per day, were refused (two
    # neighbouring periods were asked of them); a weekly file per day stays refused (six days in seven zeros).
    tuesdays = ["2023-04-04", "2023-04-18", "2023-05-16", "2023-06-13", "2023-08-15", "2023-10-24", "2023-11-07",
                "2024-01-23", "2024-04-09", "2024-04-16", "2024-05-14", "2024-07-09", "2024-10-01"]
    sku = "Week,Units\n" + "".join(f"{day},{1 + k % 3}\n" for k, day in enumerate(tuesdays))
    weekly = load_series(sku.encode(), "sku.csv", LoadOptions(per="week", duplicates="sum"))
    assert (weekly.frequency.name, len(weekly.frame), int(weekly.frame["y"].sum())) == ("weekly", 79, 25)
    rng = np.random.default_rng(0)
    days = pd.date_range("2023-01-01", "2024-12-31")[rng.random(731) < 0.05]
    log = "Order Date,Quantity\n" + "".join(f"{d:%Y-%m-%d} {9 + k % 8}:15,{1 + k % 4}\n" for k, d in enumerate(days))
    assert load_series(log.encode(), "log.csv", LoadOptions(per="day", duplicates="sum")).frequency.name == "daily"
    mondays = "date,kwh\n" + "".join(f"{d:%Y-%m-%d},{5 + k % 3}\n" for k, d in enumerate(
        pd.date_range("2023-01-02", periods=60, freq="W-MON")))
    with pytest.raises(DataError, match="combines none of them"):
        load_series(mondays.encode(), "w.csv", LoadOptions(per="day", duplicates="sum"))
    # A wide table's last row of 'Total Sales', 'Sum of Sales', a pivot's 'Total general' or 'Average' is no series;
    # 'Average Order Value' is.
    dates = ",".join(f"{y}-{m:02d}" for y in (2022, 2023) for m in range(1, 13))
    products = "".join(f"P{i}," + ",".join(str(10 + k + i) for k in range(24)) + "\n" for i in range(3))
    for last, figures, kept in (("Total Sales", 33, 3), ("Sum of Sales", 33, 3), ("Total general", 33, 3),
                                ("Average", 11, 3), ("Average Order Value", 48, 4), ("Total Sales", 90, 4)):
        step = 3 if figures == 33 else 1  # the sum of the three rows (10 + k, 11 + k, 12 + k), or their mean
        wide = f"Product,{dates}\n{products}{last}," + ",".join(str(figures + step * k) for k in range(24)) + "\n"
        assert read_table(wide.encode(), "wide.csv")["Product"].nunique() == kept, (last, figures)
    # A battery's charge meter is no target beside a consumption, a battery pack's price is; 'FY2021' beside weeks
    # stays unread (a fiscal year's weeks are no ISO weeks of the year it names: dated months off).
    hours = pd.date_range("2024-05-01", periods=720, freq="h")
    victron = "Date/Time,Battery Charge Total (kWh),Battery Voltage (V),Consumption (kWh)\n" + "".join(
        f"{h:%Y-%m-%d %H:%M},{100 + k * 0.2:.1f},{12 + k % 3 * 0.1:.1f},{0.3 + k % 24 * 0.05:.2f}\n"
        for k, h in enumerate(hours))
    assert load_series(victron.encode(), "victron.csv").target == "Consumption (kWh)"
    months = pd.date_range("2019-01-01", periods=60, freq="MS")
    prices = "Month,Battery Pack Price (USD/kWh),Lithium Carbonate Price (USD/t)\n" + "".join(
        f"{m:%Y-%m},{180 - k},{9000 + 50 * k}\n" for k, m in enumerate(months))
    assert load_series(prices.encode(), "prices.csv").target == "Battery Pack Price (USD/kWh)"
    fy = "Year,Week,Sales\n" + "".join(f"FY{y},{w},{200 + w}\n" for y in (2021, 2022, 2023) for w in range(1, 53))
    with pytest.raises(DataError):
        load_series(fy.encode(), "fy.csv")


def test_from_the_review_of_02eaf51_rows_per_period_keep_to_the_stamps_cycle() -> None:
    rng = np.random.default_rng(3)
    # Refused: stamps that keep to a place in a longer cycle, gaps or not (most periods would be made-up zeros).
    mondays = pd.date_range("2023-01-02", "2024-12-23", freq="W-MON")
    weekly = [d + pd.Timedelta(days=1) if k == 12 else d for k, d in enumerate(mondays) if rng.random() > 0.2]
    invoices = [pd.Timestamp(y, m, 1 + int(rng.integers(0, 5))) for y in range(2020, 2024) for m in range(1, 13)
                if rng.random() > 0.2]
    readings = [d + pd.Timedelta(minutes=int(rng.integers(470, 545))) for d in pd.date_range("2024-01-01", periods=190)
                if rng.random() > 0.12]
    for stamps, per in ((weekly, "day"), (invoices, "day"), (invoices, "week"), (readings, "hour")):
        text = "time,amount\n" + "".join(f"{t:%Y-%m-%d %H:%M},{5 + k % 4}\n" for k, t in enumerate(stamps))
        with pytest.raises(DataError, match="combines none of them"):
            load_series(text.encode(), "kept.csv", LoadOptions(per=per, duplicates="sum"))
    # Combined with zeros: a slow mover sold every 1-5 days, a SKU shipped every two or three weeks.
    sold, day = [], pd.Timestamp("2023-01-01 10:00")
    for _ in range(150):
        sold.append(day + pd.Timedelta(hours=int(rng.integers(0, 8))))
        day += pd.Timedelta(days=int(rng.choice([1, 2, 3, 3, 3, 3, 3, 4, 5])))
    shipped = list(pd.Timestamp("2023-01-02") + pd.to_timedelta(np.cumsum(rng.choice([14, 21], 60))
                                                                 + rng.integers(0, 3, 60), unit="D"))
    for stamps, per in ((sold, "day"), (shipped, "week")):
        text = "time,qty\n" + "".join(f"{t:%Y-%m-%d %H:%M},{1 + k % 3}\n" for k, t in enumerate(stamps))
        combined = load_series(text.encode(), "sparse.csv", LoadOptions(per=per, duplicates="sum"))
        assert "notice.per_period_zeros" in [notice.key for notice in combined.report.notices]


def test_from_the_review_of_25e7aaa_wide_totals_in_decimal_commas_and_over_subtotals() -> None:
    # 'Gesamt' under products written '1.350,72 €' was kept as a fifth product (its figures were read without their
    # decimal commas, so they never summed); a 'Grand Total' over subtotals, or over a top-N list, says what it is.
    months = [f"{m:02d}.2023" for m in range(1, 13)] + [f"{m:02d}.2024" for m in range(1, 13)]
    values = {name: [1000 + 100 * i + k + 0.25 for k in range(24)] for i, name in enumerate(("Kaffee", "Tee", "Saft"))}
    def german(x: float) -> str:
        return f"{x:,.2f} €".replace(",", "X").replace(".", ",").replace("X", ".")

    text = "Produkt;" + ";".join(months) + "\n" + "".join(
        f"{name};" + ";".join(german(x) for x in row) + "\n" for name, row in values.items())
    total = [sum(column) for column in zip(*values.values())]
    raw = read_table((text + "Gesamt;" + ";".join(german(x) for x in total) + "\n").encode("utf-8"), "de.csv")
    assert sorted(raw["Produkt"].unique()) == ["Kaffee", "Saft", "Tee"]
    dates = ",".join(f"2023-{m:02d}" for m in range(1, 13))
    rows = {"A": 10, "B": 20, "East Total": 30, "C": 40, "West Total": 40, "Grand Total": 70}
    pivot = f"Region,{dates}\n" + "".join(f"{name}," + ",".join(str(v + k) for k in range(12)) + "\n"
                                         for name, v in rows.items())
    assert "Grand Total" not in set(read_table(pivot.encode(), "pivot.csv")["Region"])
    top = f"Product,{dates}\n" + "".join(f"P{i}," + ",".join(str(10 * i + k) for k in range(12)) + "\n"
                                         for i in range(1, 4)) + "Grand Total," + ",".join("999" for _ in range(12))
    assert "Grand Total" not in set(read_table(top.encode(), "top.csv")["Product"])


def test_from_the_review_of_70fbdff() -> None:
    from core.panel.choice import PanelChoice, read_panel

    # A long file's latency column in ms for one host and in ms and s for another: each series in ms.
    hours = pd.date_range("2024-03-01", periods=120, freq="h")
    slow = [f"{900 + k % 90} ms" if k % 3 else f"{1 + k % 13 / 10:.2f} s" for k in range(len(hours))]
    rows = "".join(f"{t:%Y-%m-%d %H:%M:%S},web-1,{400 + k % 300} ms\n{t:%Y-%m-%d %H:%M:%S},web-2,{slow[k]}\n"
                   for k, t in enumerate(hours))
    panel = read_panel(("Time,host,latency\n" + rows).encode(), "hosts.csv", LoadOptions(), PanelChoice(None, False))
    assert panel is not None
    assert panel.task("web-2").load().frame["y"].iloc[3] == pytest.approx(1300.0)  # 1.30 s in ms, as web-1
    # A mostly-zero SKU last in a wide table, named 'Max ...', is no median; 'Total Units' sums products named 'Total'.
    dates = ",".join(f"{y}-{m:02d}" for y in (2022, 2023) for m in range(1, 13))
    sparse = f"SKU,{dates}\n" + "".join(f"{name}," + ",".join("3" if k == i else "0" for k in range(24)) + "\n"
                                         for i, name in enumerate(["Cable 1m", "Hub 4p", "Adapter", "Max Cable 2m"]))
    assert read_table(sparse.encode(), "sparse.csv")["SKU"].nunique() == 4
    products = {"Total Wireless SIM": 10, "Total Wireless Plan": 20, "Charger": 30}
    wide = f"Product,{dates}\n" + "".join(f"{name}," + ",".join(str(v + k) for k in range(24)) + "\n"
                                          for name, v in products.items())
    wide += "Total Units," + ",".join(str(60 + 3 * k) for k in range(24)) + "\n"
    assert sorted(read_table(wide.encode(), "wide.csv")["Product"].unique()) == sorted(products)
    # Per month, the refusal says no reason it cannot tell (no hours, weekdays or days of the month to keep to).
    orders = "order_date,qty\n" + "".join(f"{2019 + k // 4}-{1 + 3 * (k % 4):02d}-{1 + k % 27:02d},{1 + k % 3}\n"
                                          for k in range(24))
    with pytest.raises(DataError, match="combines none of them, and 46 of the 70 periods would be zeros. Choose"):
        load_series(orders.encode(), "orders.csv", LoadOptions(per="month", duplicates="sum"))


def test_from_the_review_of_e8c6134() -> None:
    from core.evaluation.pipeline import RunRequest, forecast_future

    days = pd.date_range("2024-01-01", periods=60)
    # Bytes mostly in 'B' beside 'KB' stay bytes (rewritten as '709 B' they were read as billions); markers among
    # mixed units stay missing values (the column was refused as text); a size column naming series is not rewritten.
    sizes = [f"{0.9 + k % 5 / 10:.1f} KB" if k % 3 == 0 else f"{700 + k} B" for k in range(60)]
    marked = ["-" if k % 15 == 10 else cell for k, cell in enumerate(sizes)]
    for cells in (sizes, marked):
        text = "date,size\n" + "".join(f"{d:%Y-%m-%d},{c}\n" for d, c in zip(days, cells))
        series = load_series(text.encode(), "bytes.csv")
        assert series.frame["y"].iloc[0] == pytest.approx(900.0) and series.frame["y"].iloc[1] == 701
    # Sparse SKUs' 'Total Units' is their sum; 'Total Media' is a sum of channels, not their mean.
    dates = ",".join(f"2024-{m:02d}" for m in range(1, 13)) + "," + ",".join(f"2025-{m:02d}" for m in range(1, 13))
    skus = [[3 if (k + i) % 5 == 0 else 0 for k in range(24)] for i in range(3)]
    sparse = f"Item,{dates}\n" + "".join(f"SKU-{i}," + ",".join(map(str, row)) + "\n" for i, row in enumerate(skus))
    sparse += "Total Units," + ",".join(str(sum(column)) for column in zip(*skus)) + "\n"
    assert read_table(sparse.encode(), "sparse.csv")["Item"].nunique() == 3
    channels = [[100 * (i + 1) + k for k in range(24)] for i in range(4)]
    media = f"Channel,{dates}\n" + "".join(f"C{i}," + ",".join(map(str, row)) + "\n" for i, row in enumerate(channels))
    media += "Total Media," + ",".join(str(sum(column)) for column in zip(*channels)) + "\n"
    assert read_table(media.encode(), "media.csv")["Channel"].nunique() == 4
    # A band missing for want of rows at the earlier origins (ar on 12 weeks) is not said as a model needing them all.
    weeks = pd.DataFrame({"ds": pd.date_range("2024-01-01", periods=12, freq="W-MON"), "y": np.arange(12.0) % 5 + 80})
    future = forecast_future(weeks, infer_frequency(weeks["ds"]), RunRequest("ar", horizon=3))
    assert "no_band_rows" not in future.attrs


def test_from_the_review_of_7aaf2f3_overall_means_are_summaries() -> None:
    dates = ",".join(f"2023-{m:02d}" for m in range(1, 13)) + "," + ",".join(f"2024-{m:02d}" for m in range(1, 13))
    rows = [[100 + 3 * k for k in range(24)], [50 + 4 * (k % 5) for k in range(24)],
            [80 + 2 * (k % 7) for k in range(24)]]
    body = f"Product,{dates}\n" + "".join(f"W{i}," + ",".join(map(str, row)) + "\n" for i, row in enumerate(rows))
    means = ",".join(f"{sum(column) / 3:.2f}" for column in zip(*rows))
    for label in ("Promedio total", "Total Average", "Durchschnitt gesamt", "平均值"):
        assert read_table(f"{body}{label},{means}\n".encode(), "w.csv")["Product"].nunique() == 3, label


def _hourly_bars(hours: pd.DatetimeIndex) -> list[tuple[str, str, str]]:
    """MetaTrader's date, time and close price of each hour (a rate near 1.09)."""
    return [(f"{hour:%Y.%m.%d}", f"{hour:%H:%M:%S}", f"{1.09 + 0.001 * np.sin(k / 5):.5f}")
            for k, hour in enumerate(hours)]


def test_a_trading_terminals_export_reads_its_angle_bracketed_date_and_time() -> None:
    # '<DATE>' and '<TIME>' were not joined: an hourly file read as 24 daily series by '<TIME>'.
    hours = pd.date_range("2024-01-02", periods=240, freq="h")
    text = "<DATE>\t<TIME>\t<OPEN>\t<CLOSE>\t<TICKVOL>\n" + "".join(
        f"{day}\t{time}\t{close}\t{close}\t{100 + k}\n" for k, (day, time, close) in enumerate(_hourly_bars(hours)))
    series = load_series(text.encode(), "EURUSD_H1.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("CLOSE", "hourly", 240)
    assert series.frame["ds"].iloc[1] == hours[1]


def test_a_headerless_export_of_dotted_dates_and_times_keeps_its_first_row() -> None:
    # MetaTrader 4's '2023.01.02,00:00,1.0650,...' without a header: the first row was read as the header.
    days = pd.bdate_range("2023-01-02", periods=60)
    text = "".join(f"{day},{time},{close},{close},{100 + k}\n"
                   for k, (day, time, close) in enumerate(_hourly_bars(days)))
    series = load_series(text.encode(), "EURUSD1440.csv")
    assert len(series.frame) == 60 and series.frame["ds"].iloc[0] == days[0]
    assert series.target.startswith("column ")


def test_an_ellipsis_before_a_commoditys_first_price_is_missing() -> None:
    # The World Bank's Pink Sheet writes '…' (one character) where a price was not yet quoted: the column was refused
    # as holding text (7% of its cells).
    months = [f"{1994 + k // 12}M{k % 12 + 1:02d}" for k in range(120)]
    text = ",Crude oil,Coal\n" + "".join(
        f"{month},{20 + k % 12},{'…' if k < 24 else 30 + k % 5}\n" for k, month in enumerate(months))
    series = load_series(text.encode(), "CMO-Historical-Data-Monthly.csv", LoadOptions(target="Coal"))
    assert len(series.frame) == 96 and series.frame["y"].iloc[0] == 34
    assert series.frame["ds"].iloc[0] == pd.Timestamp("1996-01-01")


def test_a_trip_log_whose_numbers_are_coordinates_is_refused_with_the_way_to_count_it() -> None:
    # Divvy's trips: 'start_lat' was the target, and the note's advice summed latitudes per day.
    rng = np.random.default_rng(5)
    starts = pd.Timestamp("2023-06-01") + pd.to_timedelta(np.sort(rng.integers(0, 40 * 86_400, 600)), unit="s")
    text = "ride_id,started_at,start_station_name,start_lat,start_lng,end_lat,end_lng,member_casual\n" + "".join(
        f"R{k:05d},{stamp:%Y-%m-%d %H:%M:%S},Clark St,{41.88 + rng.normal(0, 0.01):.6f},"
        f"{-87.63 + rng.normal(0, 0.01):.6f},{41.89:.2f},{-87.62:.2f},member\n" for k, stamp in enumerate(starts))
    with pytest.raises(DataError, match="map coordinates .*count its rows per day") as caught:
        load_series(text.encode(), "divvy_tripdata.csv")
    assert caught.value.key == "err.only_coordinates" and "start_lat" in caught.value.columns
    counted = load_series(text.encode(), "divvy_tripdata.csv", LoadOptions(per="day", duplicates="count"))
    assert counted.frame["y"].sum() == 600
    chosen = load_series(text.encode(), "divvy_tripdata.csv", LoadOptions(target="start_lat"))
    assert chosen.target == "start_lat"  # asked for, it is forecast
    nyc = "Unique Key,Created Date,Incident Zip,BBL,X Coordinate (State Plane),Y Coordinate (State Plane)\n" + "".join(
        f"{59000000 + k},{stamp:%m/%d/%Y %I:%M:%S %p},{rng.choice([10027, 11201])},{rng.integers(1, 5) * 10**9 + k},"
        f"{rng.integers(900000, 1060000)},{rng.integers(120000, 270000)}\n" for k, stamp in enumerate(starts))
    with pytest.raises(DataError, match="map coordinates"):  # NYC 311's: its 'Y Coordinate (State Plane)', then its
        load_series(nyc.encode(), "311.csv")  # parcels' 'BBL', was forecast


def test_a_flight_log_forecasts_a_delay_not_its_calendar_parts_numbers_or_clock_times() -> None:
    # BTS on-time: DAY_OF_MONTH, then the flight number, then CRS_DEP_TIME (1322 for 13:22) were the target, and
    # destination and departure time made 2,281 series of two flights each.
    rng = np.random.default_rng(8)
    days = pd.date_range("2023-01-01", periods=60, freq="D")
    rows = []
    for day in days:
        for flight in range(12):
            hhmm = int(rng.integers(5, 23)) * 100 + int(rng.integers(0, 60))
            rows.append(f'{day.year},{day.month},{day.day},"{day.month}/{day.day}/{day.year} 12:00:00 AM","AA",'
                        f'{int(rng.integers(100, 3000))},"{["LGA", "ORD", "DFW"][flight % 3]}","{hhmm:04d}",'
                        f'{rng.normal(10, 20):.2f},')
    text = ('"YEAR","MONTH","DAY_OF_MONTH","FL_DATE","OP_CARRIER","OP_CARRIER_FL_NUM","DEST","CRS_DEP_TIME",'
            '"DEP_DELAY",\n') + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "T_ONTIME_REPORTING.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("DEP_DELAY", "daily", 60)
    assert detect_id_columns(read_table(text.encode(), "x.csv"), "FL_DATE") == ()


def test_a_yes_no_flag_on_a_clock_changes_repeated_hour_is_no_series_id() -> None:
    # ERCOT's prices of one settlement point: 'Repeated Hour Flag' Y on the repeated hour made a series of one row.
    hours = pd.date_range("2023-10-22", periods=24 * 28, freq="h")
    rows = [f"{hour:%m/%d/%Y},{hour.hour + 1:02d}:00,N,HB_HOUSTON,{30 + hour.hour % 12}.5" for hour in hours]
    rows.insert(24 * 14 + 2, "11/05/2023,02:00,Y,HB_HOUSTON,33.5")
    text = "Delivery Date,Hour Ending,Repeated Hour Flag,Settlement Point,Settlement Point Price\n" + "\n".join(rows)
    table = read_table(text.encode(), "spp.csv")
    assert detect_id_columns(table, "Delivery Date Hour Ending") == ()
    assert load_series(text.encode(), "spp.csv").frequency.name == "hourly"


def _half_hours_of(day: pd.Timestamp, periods: int) -> list[str]:
    return [f"{day:%d-%b-%Y}".upper() + f",{p},{20000 + 100 * p}" for p in range(1, periods + 1)]


def test_a_long_days_settlement_periods_after_the_repeated_hour_keep_their_clock_time() -> None:
    # NG ESO: on 30 Oct 2022 (50 periods) period 25, 11:00 GMT, was read at 12:00, and the 49th and 50th were
    # combined with the next day's first into a value no meter read.
    days = pd.date_range("2022-10-23", "2022-11-05", freq="D")
    lines = [line for day in days for line in _half_hours_of(day, 50 if day == pd.Timestamp("2022-10-30") else 48)]
    series = load_series(("SETTLEMENT_DATE,SETTLEMENT_PERIOD,ND\n" + "\n".join(lines)).encode(), "demanddata.csv")
    values = series.frame.set_index("ds")["y"]
    assert values[pd.Timestamp("2022-10-30 11:00")] == 20000 + 100 * 25
    assert values[pd.Timestamp("2022-10-31 00:00")] == 20000 + 100 * 1
    assert values[pd.Timestamp("2022-10-30 01:00")] == 20000 + 100 * 4  # periods 3 and 5, both 01:00, combined


def test_an_hour_number_joins_its_date_and_a_start_time_its_date() -> None:
    # EIA-930's 'Data Date' and 'Hour Number' (50 daily series by the hour), PG&E's 'DATE' and 'START TIME' (24).
    hours = pd.date_range("2023-10-01", periods=24 * 20, freq="h")
    eia = "Balancing Authority,Data Date,Hour Number,Demand (MW)\n" + "".join(
        f'CISO,{hour:%m/%d/%Y},{hour.hour + 1},"{20000 + 50 * hour.hour:,}"\n' for hour in hours)
    assert load_series(eia.encode(), "EIA930.csv").frequency.name == "hourly"
    pge = "TYPE,DATE,START TIME,END TIME,USAGE,UNITS,COST,NOTES\n" + "".join(
        f"Electric usage,{hour:%Y-%m-%d},{hour:%H:%M},{hour:%H}:59,{0.3 + hour.hour / 50:.2f},kWh,$0.12,\n"
        for hour in hours)
    series = load_series(pge.encode(), "pge_electric_interval_data.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("USAGE", "hourly", 480)


def test_local_times_come_before_their_utc_twin_and_a_total_before_its_parts() -> None:
    # PJM: 'datetime_beginning_utc' was taken before 'datetime_beginning_ept'; ERCOT: the first zone before 'ERCOT'.
    hours = pd.date_range("2023-03-01", periods=24 * 20, freq="h")
    text = "datetime_beginning_utc,datetime_beginning_ept,COAST,EAST,WEST,ERCOT\n" + "".join(
        f"{hour + pd.Timedelta(hours=5):%m/%d/%Y %I:%M:%S %p},{hour:%m/%d/%Y %I:%M:%S %p},{900 + k % 24},"
        f"{300 + k % 7},{200 + k % 5},{1400 + k % 24 + k % 7 + k % 5}\n" for k, hour in enumerate(hours))
    series = load_series(text.encode(), "hrl_load_metered.csv")
    assert series.date_col == "datetime_beginning_ept" and series.target == "ERCOT"
    assert series.frame["ds"].iloc[0] == hours[0]


def test_from_the_review_of_65cf492_counts_channels_stores_and_clock_changes() -> None:
    weeks = pd.date_range("2023-01-02", periods=60, freq="W-MON")
    online = "Week,Online,Sales\n" + "".join(f"{week:%Y-%m-%d},N,{5000 + k % 7 * 10}\n" for k, week in enumerate(weeks))
    online += "".join(f"{week:%Y-%m-%d},Y,{250 + k}\n" for k, week in enumerate(weeks[-6:]))
    table = read_table(online.encode(), "online.csv")
    assert detect_id_columns(table, "Week") == ("Online",)  # a channel of six weeks is a series, not a stray flag
    months = pd.date_range("2021-01-01", periods=36, freq="MS")
    stores = "Month,Store,Sales\n" + "".join(f"{month:%Y-%m},S{s},{100 * s + k}\n" for s in range(12)
                                              for k, month in enumerate(months))
    stores += "".join(f"{month:%Y-%m},N{s},{50 + k}\n" for s in range(13) for k, month in enumerate(months[-5:]))
    assert detect_id_columns(read_table(stores.encode(), "stores.csv"), "Month") == ("Store",)  # new stores: ids
    days = pd.date_range("2024-01-01", periods=60, freq="D")
    counted = "Date,Visitor Number,Temperature\n" + "".join(
        f"{day:%Y-%m-%d},{400 + k % 9 * 13},{9 + k % 5}.3\n" for k, day in enumerate(days))
    assert load_series(counted.encode(), "visitors.csv").target == "Visitor Number"
    latency = "timestamp,avg_lat_ms,p99_lat_ms\n" + "".join(
        f"{day:%Y-%m-%d},{40 + k % 9}.5,{150 + k % 11}.5\n" for k, day in enumerate(days))
    assert load_series(latency.encode(), "latency.csv").target == "avg_lat_ms"  # a latency, not a latitude
    sleep = "Date,Start Time,End Time,Sleep Hours\n" + "".join(
        f"{day:%Y-%m-%d},23:{10 + k % 40},07:{10 + k % 30},{6 + k % 3}.5\n" for k, day in enumerate(days))
    slept = load_series(sleep.encode(), "sleep.csv")
    assert (slept.date_col, slept.frequency.name) == ("Date", "daily")  # one start a day: no time stamp of its own


def test_from_the_review_of_65cf492_the_repeated_hour_and_a_missing_last_reading() -> None:
    # Hours 1-25 on the day the clocks go back: the hour from 01:00 is written twice (the UK's, North America's);
    # a March Sunday whose last reading is missing is no clock change (21 hours were moved an hour late).
    days = pd.date_range("2023-02-01", "2023-11-30", freq="D")
    rows = []
    for day in days:
        hours = 25 if day == pd.Timestamp("2023-10-29") else 23 if day == pd.Timestamp("2023-03-26") else 24
        hours = 23 if day == pd.Timestamp("2023-03-05") else hours  # a reading missing at the end of a day
        for hour in range(1, hours + 1):
            local = hour - 1 + (1 if day == pd.Timestamp("2023-03-26") and hour >= 3 else 0) \
                - (1 if day == pd.Timestamp("2023-10-29") and hour >= 3 else 0)
            rows.append(f"{day:%Y-%m-%d},{hour},{100 * local + (50 if day.month == 10 and hour == 3 else 0)}")
    series = load_series(("Date,Hour,Load\n" + "\n".join(rows)).encode(), "uk_hourly.csv")
    values = series.frame.set_index("ds")["y"]
    assert values[pd.Timestamp("2023-10-29 01:00")] == 125 and values[pd.Timestamp("2023-10-29 02:00")] == 200
    assert values[pd.Timestamp("2023-03-26 03:00")] == 300 and pd.Timestamp("2023-03-26 02:00") not in values.index
    assert values[pd.Timestamp("2023-03-05 02:00")] == 200  # not a clock change: every hour in its place


def test_from_the_review_of_8415552_flags_customers_ratings_and_flight_numbers() -> None:
    hours = pd.date_range("2019-01-01", "2021-12-31 23:00", freq="h")
    ercot = ["Delivery Date,Hour Ending,Repeated Hour Flag,Settlement Point Price"] + [
        f"{hour:%m/%d/%Y},{hour.hour + 1:02d}:00,N,{30 + hour.hour % 12}.5" for hour in hours] + [
        f"{day},02:00,Y,31.5" for day in ("11/03/2019", "11/01/2020", "11/07/2021")]
    table = read_table("\n".join(ercot).encode(), "spp.csv")
    assert detect_id_columns(table, "Delivery Date Hour Ending") == ()  # one repeated hour a year: no series id
    days = pd.date_range("2024-01-01", periods=90, freq="D")
    rng = np.random.default_rng(4)
    retail = ["Date,CustomerID,Quantity"] + [f"{day:%Y-%m-%d},C{c},{1 + c % 3}" for c in range(25)
                                             for day in days[rng.choice(90, 25, replace=False)]] + [
        f"{days[rng.integers(90)]:%Y-%m-%d},D{c},{1 + c % 3}" for c in range(175) for _ in range(1 + c % 3)]
    assert detect_id_columns(read_table("\n".join(retail).encode(), "retail.csv"), "Date") == ("CustomerID",)
    visitors = "Date\tVisitors\tRating\n" + "".join(
        f"{day:%Y-%m-%d}\t{3 + k % 7},{100 + k}\t{'4.5' if k % 5 == 0 else 3 + k % 2}\n" for k, day in enumerate(days))
    assert load_series(visitors.encode(), "visits.tsv").frame["y"].iloc[0] == 3100  # a rating's 4.5: points decimal
    flights = "FL_DATE,OP_CARRIER_FL_NUM,DEP_DELAY\n" + "".join(
        f"{day:%Y-%m-%d},{int(rng.integers(100, 3000))},{rng.normal(10, 20):.1f}\n" for day in days)
    assert load_series(flights.encode(), "flights.csv").target == "DEP_DELAY"
    gps = "timestamp,vehicle_lat,vehicle_lon\n" + "".join(
        f"{day:%Y-%m-%d},{41.8 + k / 1000:.4f},{-87.6 - k / 1000:.4f}\n" for k, day in enumerate(days))
    with pytest.raises(DataError, match="map coordinates"):
        load_series(gps.encode(), "gps.csv")


def test_a_subgroup_or_run_number_is_no_target_beside_the_measurement() -> None:
    # Minitab's SPC worksheet: 'Subgroup' (1, 1, 1, 1, 1, 2, ...) was forecast exactly, 'Thickness' offered beside.
    hours = pd.date_range("2024-01-02 07:00", periods=120, freq="h")
    rng = np.random.default_rng(6)
    text = "Date/Time,Subgroup,Thickness,Operator\n" + "".join(
        f"{hour:%d/%m/%Y %H:%M},{k // 5 + 1},{2.5 + rng.normal(0, 0.005):.4f},Ana\n" for k, hour in enumerate(hours))
    assert load_series(text.encode(), "minitab.csv").target == "Thickness"


def test_a_time_zones_name_and_a_range_of_named_days_are_read() -> None:
    # Clover's '05-Jan-2024 07:32 PM EST' and Uber Eats' 'Oct 2, 2023 - Oct 8, 2023' were no dates: rows as steps.
    stamps = pd.date_range("2024-01-01 11:00", periods=60, freq="6h")
    clover = "Order ID,Order Date,Order Total\n" + "".join(
        f"A{k},{stamp:%d-%b-%Y %I:%M %p} {'EDT' if k % 9 == 0 else 'EST'},{20 + k % 7}.50\n"
        for k, stamp in enumerate(stamps))
    series = load_series(clover.encode(), "clover_orders.csv")
    assert series.date_col == "Order Date" and series.frame["ds"].iloc[0] == stamps[0]  # the local time written
    weeks = pd.date_range("2023-10-02", periods=30, freq="W-MON")
    uber = "Payout Period,Store Name,Total Payout\n" + "".join(
        f'"{week:%b} {week.day}, {week.year} - {week + pd.Timedelta(days=6):%b} {(week + pd.Timedelta(days=6)).day}, '
        f'{(week + pd.Timedelta(days=6)).year}",Main St Cafe,"${2800 + k * 10:,}.59"\n' for k, week in enumerate(weeks))
    paid = load_series(uber.encode(), "ubereats_weekly.csv")
    assert paid.frequency.name == "weekly" and paid.frame["ds"].iloc[0] == weeks[0]


def _incidents(count: int, seed: int = 3) -> pd.DatetimeIndex:
    rng = np.random.default_rng(seed)
    return pd.DatetimeIndex(np.sort(pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 90 * 86_400, count),
                                                                                    unit="s")))


def test_city_event_logs_are_counted_not_their_ids_codes_or_coordinates_forecast() -> None:
    # NYC 311: 'Unique Key' was the target, the note advising to sum the keys per day; Chicago's 'Y Coordinate';
    # ArcGIS Hub's 'X', 'Y'; police.uk's crimes dated by month were to be counted per day (97% zeros).
    stamps = _incidents(900)
    nyc = "Unique Key,Created Date,Agency,Incident Zip,Latitude,Longitude\n" + "".join(
        f"{59893004 + k},{stamp:%m/%d/%Y %I:%M:%S %p},NYPD,{10451 + k % 40},{40.8 + k % 7 / 100:.5f},"
        f"{-73.9 + k % 5 / 100:.5f}\n" for k, stamp in enumerate(stamps))
    with pytest.raises(DataError, match="count its rows per day") as caught:
        load_series(nyc.encode(), "311.csv")
    assert caught.value.key == "err.only_coordinates"
    chicago = "ID,Date,Beat,X Coordinate,Y Coordinate\n" + "".join(
        f"{13302342 + k},{stamp:%m/%d/%Y %I:%M:%S %p},{400 + k % 30:04d},{1150758 + k},{1878466 + k}\n"
        for k, stamp in enumerate(stamps))
    with pytest.raises(DataError, match="map coordinates \\('X Coordinate', 'Y Coordinate'\\)"):
        load_series(chicago.encode(), "crimes.csv")  # a state plane's feet: no range to check
    arcgis = "X,Y,OBJECTID,DATE_REPORTED,WARD\n" + "".join(
        f"{-76.98 + k % 9 / 100:.5f},{38.93 + k % 7 / 100:.5f},{k + 1},"
        f"{int(stamp.timestamp() * 1000)},{1 + k % 8}\n" for k, stamp in enumerate(stamps))
    with pytest.raises(DataError, match="map coordinates \\('X', 'Y'\\)"):
        load_series(arcgis.encode(), "Streetlight_Outages.csv")
    months = pd.date_range("2021-01-01", periods=36, freq="MS")
    police = "Crime ID,Month,Longitude,Latitude,Crime type\n" + "".join(
        f"{'%064x' % (k * 7919)},{month:%Y-%m},{-0.1 + k % 9 / 1000:.6f},{51.5 + k % 7 / 1000:.6f},Burglary\n"
        for month in months for k in range(20 + month.month))
    with pytest.raises(DataError, match="count its rows per month") as monthly:
        load_series(police.encode(), "metropolitan-street.csv")
    assert monthly.value.params["flag"] == "month" and monthly.value.suggested[0] == "Month"  # not the hashed ids


def test_an_incident_date_and_time_join_and_a_prefixed_year_and_month_make_dates() -> None:
    stamps = _incidents(600, seed=5)
    ems = "Incident Number,Incident Date,Incident Time,Station Area,Response Minutes\n" + "".join(
        f"{24000001 + k},{stamp:%m/%d/%Y},{stamp:%H:%M:%S},{1 + k % 40},{4 + k % 9}.5\n"
        for k, stamp in enumerate(stamps))
    series = load_series(ems.encode(), "Fire_EMS_Incidents.csv")
    assert series.date_col == "Incident Date Incident Time" and series.target == "Response Minutes"
    months = pd.date_range("2019-01-01", periods=60, freq="MS")
    checkouts = "UsageClass,CheckoutYear,CheckoutMonth,Checkouts,PublicationYear\n" + "".join(
        f"Physical,{month.year},{month.month},{100 + k % 12 * 5},2015\n" for k, month in enumerate(months))
    library = load_series(checkouts.encode(), "Checkouts_by_Title.csv")
    assert (library.target, library.frequency.name, len(library.frame)) == ("Checkouts", "monthly", 60)


def test_from_the_review_of_ddb9dda_counts_skus_latencies_and_a_zone_after_a_time() -> None:
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    rng = np.random.default_rng(12)
    patients = "Date,Patient Number,Temperature\n" + "".join(
        f"{day:%Y-%m-%d},{int(rng.normal(120, 20))},{15 + k % 7}.3\n" for k, day in enumerate(days))
    assert load_series(patients.encode(), "patients.csv").target == "Patient Number"  # a count, not an identifier
    months = pd.date_range("2022-01-01", periods=24, freq="MS")
    skus = ["Month,SKU,Units"] + [f"{month:%Y-%m},SKU{s:03d},{40 + s + k % 6}" for s in range(15)
                                  for k, month in enumerate(months)] + [
        f"{month:%Y-%m},SKU{100 + s:03d},{20 + k}" for s in range(45) for k, month in enumerate(months[-2 - s % 5:])]
    assert detect_id_columns(read_table("\n".join(skus).encode(), "skus.csv"), "Month") == ("SKU",)
    five = pd.date_range("2024-05-01", periods=200, freq="5min")
    latency = "timestamp,device_lat,user_lat\n" + "".join(
        f"{stamp:%Y-%m-%d %H:%M:%S},{50 + k % 9}.3,{90 + k % 7}.1\n" for k, stamp in enumerate(five))
    assert load_series(latency.encode(), "latency.csv").target == "device_lat"  # a latency, not a latitude
    sales = "Date,Time,Amount\n" + "".join(
        f"{day:%m/%d/%Y},{hour:02d}:56 AM EST,{20 + k % 9}.49\n" for k, day in enumerate(days[:40])
        for hour in (3, 6, 9))
    assert load_series(sales.encode(), "pos.csv").date_col == "Date Time"  # the zone after the time: joined



def test_from_the_review_of_b905f73_series_named_x_and_y_labels_and_place_words() -> None:
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    rng = np.random.default_rng(21)
    nixtla = "ds,y,x\n" + "".join(f"{day:%Y-%m-%d},{12 + rng.normal(0, 3):.2f},{15 + rng.normal(0, 5):.1f}\n"
                                  for day in days)
    assert load_series(nixtla.encode(), "ds_y_x.csv").target == "y"  # no longitude and latitude
    chart = "X,Y\n" + "".join(f"{k / 4:.2f},{20 * np.sin(k / 4) + rng.normal(0, 1):.2f}\n" for k in range(120))
    assert load_series(chart.encode(), "chart.csv").target == "Y"
    track = "Time,Lat,Long,Speed\n" + "".join(
        f"{day:%Y-%m-%d},{52.49 + rng.normal(0, 0.01):.6f},{13.40 + rng.normal(0, 0.01):.6f},{30 + k % 9}.8\n"
        for k, day in enumerate(days))
    assert load_series(track.encode(), "track.csv").target == "Speed"  # 'Long' beside 'Lat' is a longitude
    edits = "Incident Date,EditDate,Responders\n" + "".join(
        f"{day:%Y-%m-%d},{int(day.timestamp() * 1000) + 3_600_000},{2 + int(rng.integers(0, 60))}\n" for day in days)
    assert load_series(edits.encode(), "edits.csv").target == "Responders"  # an edit's epoch, no measure
    quakes = "time,event_latitude,event_longitude,depth_km\n" + "".join(
        f"{day:%Y-%m-%d},{35 + rng.normal(0, 1):.4f},{-118 + rng.normal(0, 1):.4f},{8 + k % 9}.5\n"
        for k, day in enumerate(days))
    assert load_series(quakes.encode(), "quakes.csv").target == "depth_km"
    wards = "Date,Ward A,Ward B,Occupancy %\n" + "".join(
        f"{day:%Y-%m-%d},{int(rng.normal(60, 12))},{int(rng.normal(45, 9))},{80 + k % 11}.5\n"
        for k, day in enumerate(days))
    assert load_series(wards.encode(), "wards.csv").target == "Ward A"  # a ward's admissions, no place code
    years = pd.date_range("1950-01-01", periods=74, freq="YS")
    population = "Year,Midyear Population,Births\n" + "".join(
        f"{year.year},{int(152e6 * 1.012 ** k)},{int(152e6 * 1.012 ** k * 0.014)}\n" for k, year in enumerate(years))
    assert load_series(population.encode(), "pop.csv").target == "Midyear Population"  # no epochs
    accounts = "Date,Key Accounts,Churn Rate\n" + "".join(
        f"{day:%Y-%m-%d},{500 + k},{2 + k % 5 / 10:.1f}\n" for k, day in enumerate(days))
    assert load_series(accounts.encode(), "accounts.csv").target == "Key Accounts"



def test_from_the_review_of_dbf2be5_keys_and_a_countrys_points() -> None:
    rng = np.random.default_rng(31)
    stamps = _incidents(300, seed=8)
    keys = "unique_key,created_date,incident_zip\n" + "".join(
        f"{59000231 + k},{stamp:%Y-%m-%dT%H:%M:%S.000},{10451 + k % 40}\n" for k, stamp in enumerate(stamps))
    assert any(notice.key == "notice.target_identifies_rows"
               for notice in load_series(keys.encode(), "nyc311.csv").report.notices)  # 'unique_key' numbers rows
    fires = "X,Y,OBJECTID,FireDiscoveryDateTime\n" + "".join(
        f"{-124 + 54 * rng.random():.6f},{26 + 22 * rng.random():.6f},{k + 1},{stamp:%Y/%m/%d %H:%M:%S}+00\n"
        for k, stamp in enumerate(stamps))
    with pytest.raises(DataError, match="map coordinates \\('X', 'Y'\\)"):
        load_series(fires.encode(), "arcgis_us.csv")  # a country's points span 54 degrees


def test_bookkeepers_invoices_on_business_days_are_irregular_not_weeks() -> None:
    rng = np.random.default_rng(3)
    days = [day for day in pd.bdate_range("2023-01-02", "2023-12-29") if rng.random() < 0.35]
    invoices = "Invoice Date,Amount\n" + "".join(f'{day:%m/%d/%Y},"${rng.uniform(300, 5000):,.2f}"\n' for day in days)
    series = load_series(invoices.encode(), "invoices.csv")  # about 3 days apart: the nearest spacing is weekly
    assert series.report.irregular_rows > len(days) / 2  # more rows than weeks: most lie between them
    payments = "Completed Date,Amount\n" + "".join(  # one to three card payments on most days
        f"{day + pd.Timedelta(minutes=int(rng.integers(480, 1320))):%Y-%m-%d %H:%M:%S},-{rng.uniform(3, 60):.2f}\n"
        for day in pd.date_range("2024-01-01", periods=200) for _ in range(int(rng.integers(0, 4))))
    assert load_series(payments.encode(), "revolut.csv").report.irregular_rows > 0


def test_a_statement_newest_first_keeps_a_day_s_rows_in_time_order() -> None:
    rows = ["01/03/2023,-20.00,1600.00", "01/02/2023,-30.00,1620.00", "01/02/2023,-39.33,1650.00",
            "01/01/2023,-11.48,1689.33", "01/01/2023,-49.19,1700.81", "01/01/2023,-1450.00,1750.00"]
    rows += [f"12/{day}/2022,-100.00,{200 + 100 * (30 - day)}.00" for day in range(30, 24, -1)]
    chase = ("Posting Date,Amount,Balance\n" + "\n".join(rows) + "\n").encode()
    closing = load_series(chase, "chase.csv", LoadOptions(target="Balance", duplicates="last")).frame
    assert closing.set_index("ds").loc["2023-01-01", "y"] == pytest.approx(1689.33)  # the day's closing balance
    opening = load_series(chase, "chase.csv", LoadOptions(target="Balance", duplicates="first")).frame
    assert opening.set_index("ds").loc["2023-01-01", "y"] == pytest.approx(1750.00)
    left = load_series(chase, "chase.csv", LoadOptions(target="Balance"))  # the mean left to stand: a balance's last
    assert left.frame.set_index("ds").loc["2023-01-01", "y"] == pytest.approx(1689.33)
    assert "notice.balance_last" in {notice.key for notice in left.report.notices}
    average = chase.replace(b"Balance", b"Average Balance")  # already a mean: averaged as asked
    assert load_series(average, "chase.csv", LoadOptions(target="Average Balance")).frame.set_index("ds").loc[
        "2023-01-01", "y"] == pytest.approx((1689.33 + 1700.81 + 1750.00) / 3)


def test_dollar_amounts_with_a_country_prefix_are_numbers() -> None:
    days = pd.date_range("2024-01-01", periods=30)
    admob = "Date\tEstimated earnings (USD)\tImpressions\tObserved eCPM (USD)\n" + "".join(
        f"{day:%b %-d, %Y}\tUS${40 + k % 7 + 0.25:.2f}\t{20610 + 37 * k:,}\tUS${2.18 + k % 3 / 100:.2f}\n"
        for k, day in enumerate(days))
    series = load_series(admob.encode("utf-16"), "admob.csv")
    assert series.target == "Estimated earnings (USD)" and series.frame["y"].iloc[0] == pytest.approx(40.25)
    impressions = load_series(admob.encode("utf-16"), "admob.csv", LoadOptions(target="Impressions")).frame["y"]
    assert impressions.iloc[1] == 20647  # thousands, not decimal commas
    other = "Date,Amount\n" + "".join(f"{day:%Y-%m-%d},{'-' if k % 5 == 0 else ''}{prefix}{12 + k}.50\n"
                                       for k, (day, prefix) in enumerate(zip(days, ["CA$", "A$", "HK$", "NZ$"] * 8)))
    assert load_series(other.encode(), "fx.csv").frame["y"].iloc[:2].tolist() == [-12.5, 13.5]


def test_a_running_total_gives_way_to_its_daily_twin_and_javascript_dates_are_read() -> None:
    rng = np.random.default_rng(1)
    days = pd.date_range("2024-01-01", periods=60)
    daily = (300 + 50 * (days.dayofweek >= 5) + rng.normal(0, 20, len(days))).round().astype(int)
    play = pd.DataFrame({"Date": days.strftime("%Y-%m-%d"), "Package Name": "com.studio.app",
                         "Daily Device Installs": daily, "Total User Installs": 50000 + np.cumsum(daily),
                         "Daily User Installs": daily - 40})
    assert load_series(play.to_csv(index=False).encode("utf-16"), "installs.csv").target == "Daily User Installs"
    twitch = "Date,Average Viewers,Peak viewers\n" + "".join(
        f"{day:%a %b %d %Y},{50 + 9 * (day.dayofweek >= 5)},{80 + k % 4}\n" for k, day in enumerate(days))
    series = load_series(twitch.encode(), "Channel Analytics.csv")
    assert series.frequency.name == "daily" and series.frame["ds"].iloc[0] == pd.Timestamp("2024-01-01")


def test_year_month_day_columns_beside_a_steady_period_or_a_blank_week_make_dates() -> None:
    rng = np.random.default_rng(4)
    days = pd.date_range("2021-01-01", periods=120)
    bom = ("Product code,Bureau of Meteorology station number,Year,Month,Day,Rainfall amount (millimetres),"
           "Period over which rainfall was measured (days),Quality\n") + "".join(
        f"IDCJAC0009,086071,{day.year},{day.month:02d},{day.day:02d},"
        f"{'' if k == 30 else f'{rng.choice([0.0, 0.0, 5.8, 12.4]):.1f}'},{'' if k == 30 else 3 if k == 31 else 1},Y\n"
        for k, day in enumerate(days))
    series = load_series(bom.encode(), "IDCJAC0009_086071_1800_Data.csv")
    assert series.target == "Rainfall amount (millimetres)" and len(series.frame) == 120
    assert series.frequency.name == "daily"
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    rows = [f'"SURVEY","{year}","{period}","","STATE","IOWA","CORN, GRAIN - PRICE RECEIVED","{4 + rng.random():.2f}"'
            for year in range(2012, 2020) for period in ["MARKETING YEAR", *months]]
    nass = '"Program","Year","Period","Week Ending","Geo Level","State","Data Item","Value"\n' + "\n".join(rows)
    series = load_series(nass.encode(), "nass.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 96  # the marketing years left out, said
    assert any("MARKETING YEAR" in notice for notice in series.report.notices)


def test_davis_clock_times_and_usgs_time_zone_codes() -> None:
    stamps = pd.date_range("2024-05-01 00:30", periods=96, freq="30min")
    davis = "Date\tTime\tOut\tHum\n" + "".join(
        f"{stamp:%m/%d/%y}\t{stamp.hour % 12 or 12}:{stamp:%M}{'a' if stamp.hour < 12 else 'p'}\t"
        f"{'---' if k == 7 else f'{12 + np.sin(k / 8):.1f}'}\t76\n" for k, stamp in enumerate(stamps))
    series = load_series(davis.encode(), "weatherlink.txt")
    assert len(series.frame) == 96 and series.frequency.name == "half-hourly"
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2024-05-03 00:00")
    utc = pd.date_range("2024-03-09 12:00", periods=96, freq="15min", tz="UTC")  # across the spring change
    local = utc.tz_convert("America/New_York")
    usgs = "agency_cd\tsite_no\tdatetime\ttz_cd\t69928_00060\n5s\t15s\t20d\t6s\t14n\n" + "".join(
        f"USGS\t01646500\t{stamp:%Y-%m-%d %H:%M}\t{stamp.tzname()}\t{5500 + k}\n" for k, stamp in enumerate(local))
    series = load_series(usgs.encode(), "usgs.rdb")
    assert len(series.frame) == 96 and series.report.gaps == 0  # no hour that never happened
    assert series.frame["y"].diff().iloc[1:].eq(1).all()


def test_the_hour_the_clocks_go_back_is_read_apart_by_its_zone_names_or_named_as_the_clock_change() -> None:
    # Niagara's history export writes the zone after each time: its autumn hour, EDT's then EST's, was averaged
    local = pd.date_range("2023-11-04 12:00", periods=96, freq="15min", tz="UTC").tz_convert("America/New_York")
    niagara = "Timestamp,Trend Flags,Status,Value\n" + "".join(
        f"{stamp:%d-%b-%Y %I:%M:%S %p} {stamp.tzname()},{{}},{{ok}},{60 + k / 10:.1f} °F\n"
        for k, stamp in enumerate(local))
    series = load_series(niagara.encode(), "niagara_history.csv")
    assert len(series.frame) == 96 and series.frame["y"].diff().iloc[1:].round(6).eq(0.1).all()
    # PG&E's Green Button and Enphase's report write the local times alone: the hour twice, said as the clock change
    # (Enphase's night rows, 0 Wh in both hours, were dropped as copies)
    walls = local.tz_localize(None)
    enphase = "Date/Time,Energy Produced (Wh)\n" + "".join(
        f"{stamp:%m/%d/%Y %I:%M %p},{0 if stamp.hour < 7 else 500 + k}\n" for k, stamp in enumerate(walls))
    series = load_series(enphase.encode(), "enphase.csv")
    said = [notice for notice in series.report.notices if notice.key in ("notice.clock_back_hour",
                                                                          "notice.copies_dropped")]
    assert [notice.key for notice in said] == ["notice.clock_back_hour"] and len(series.frame) == 92
    assert said[0].params["days"] == "2023-11-05 01:00" and said[0].params["rows"] == 8
    # a log's two orders in one minute, on another day, are no clock change
    minutes = pd.date_range("2023-11-05 00:00", periods=96, freq="15min")
    orders = "time,amount\n" + "".join(f"{stamp:%Y-%m-%d %H:%M},{5 + k % 4}\n" for k, stamp in enumerate(minutes)) \
        + f"{minutes[5]:%Y-%m-%d %H:%M},9\n"  # 01:15 on the day, repeated once: no hour of rows written twice
    keys = [notice.key for notice in load_series(orders.encode(), "orders.csv").report.notices]
    assert "notice.clock_back_hour" not in keys and "notice.stamps_averaged" in keys


def test_school_days_are_business_days_and_a_date_under_its_school_year_dates_the_rows() -> None:
    days = pd.bdate_range("2022-08-22", "2023-12-20")
    days = days[~days.month.isin([6, 7]) & ~((days.month == 12) & (days.day >= 19))]
    meals = "Serving Date,Total Meals Served\n" + "".join(f"{day:%m/%d/%Y},{1300 + k % 9 * 11}\n"
                                                          for k, day in enumerate(days))
    assert load_series(meals.encode(), "meals.csv").frequency.name == "business-daily"
    rows = [f"{day.year - (day.month < 8)}-{day.year + (day.month >= 8)},{day:%m/%d/%Y},{school},500,{470 + k % 7}"
            for k, day in enumerate(days) for school in ("Lincoln", "Roosevelt")]
    attendance = "School Year,Date,School,Enrolled,Present\n" + "\n".join(rows) + "\n"
    assert load_series(attendance.encode(), "attendance.csv").date_col == "Date"  # was refused as 2 time stamps


def test_a_flock_s_age_is_no_target_and_faostat_s_area_element_and_item_make_the_series() -> None:
    rng = np.random.default_rng(6)
    days = pd.date_range("2023-03-01", periods=60)
    eggs = "Date,House,Flock Age (wks),Birds Housed,Eggs Collected\n" + "".join(
        f"{day:%m/%d/%Y},House {house},{start + k / 7:.1f},20000,\"{int(4700 + 40 * k + rng.normal(0, 30)):,}\"\n"
        for k, day in enumerate(days) for house, start in ((1, 20.0), (2, 31.0)))
    assert load_series(eggs.encode(), "eggs.csv").target == "Eggs Collected"  # not the age, forecast exactly
    rows = [f'"{area}","{element}","{unit}","{item}","{year}","{value + year - 1995}"'
            for area in ("Afghanistan", "Pakistan") for element, unit, value in (
                ("Area harvested", "ha", 2_000_000), ("Yield", "100 g/ha", 20_000), ("Production", "t", 4_000_000))
            for item in ("Wheat", "Maize") for year in range(1995, 2023)]
    fao = '"Area","Element","Unit","Item","Year","Value"\n' + "\n".join(rows) + "\n"
    assert detect_id_columns(pd.read_csv(io.StringIO(fao)), "Year") == ("Area", "Element", "Item")


def test_a_statement_s_blank_debit_beside_a_credit_is_zero_and_no_future_layout() -> None:
    days = pd.date_range("2024-01-01", periods=40)
    rows = [f"{day:%d/%m/%Y},CARD PAYMENT,{'' if k % 10 == 2 else f'{10 + k}.00'},{'2000.00' if k % 10 == 2 else ''}"
            for k, day in enumerate(days)]
    lloyds = "Transaction Date,Transaction Description,Debit Amount,Credit Amount\n" + "\n".join(rows) + "\n"
    series = load_series(lloyds.encode(), "lloyds.csv", LoadOptions(target="Debit Amount"))
    assert series.frame["y"].iloc[2] == 0 and series.frame["y"].iloc[3] == 13  # a salary day: nothing spent
    assert any(notice.key == "notice.other_side_blank" for notice in series.report.notices)
    capital_one = "Transaction Date,Description,Debit,Credit\n" + "".join(
        f"{day:%Y-%m-%d},SHOP,{20 + k % 7}.00,{'500.00' if k == 19 else ''}\n" for k, day in enumerate(days))
    notices = load_series(capital_one.encode(), "capital_one.csv").report.notices
    assert not any(notice.key == "notice.target_still_to_come" for notice in notices)  # a credit is no future value
    vends = "Tran Date,Product,Cash,Card\n" + "".join(  # a vending log: a day of card vends only had its cash filled
        f"{day + pd.Timedelta(hours=8 + j):%m/%d/%Y %H:%M},Snickers,{'1.50' if j == 0 and k % 5 else ''},"
        f"{'' if j == 0 and k % 5 else '1.50'}\n" for k, day in enumerate(days) for j in range(6))
    cash = load_series(vends.encode(), "vends.csv", LoadOptions(target="Cash", per="day", duplicates="sum"))
    by_day = cash.frame.set_index("ds")["y"]
    assert by_day[days[5]] == 0 and by_day[days[6]] == 1.5 and not cash.report.filled_targets


def test_reservation_numbers_are_neither_the_time_nor_the_target() -> None:
    rng = np.random.default_rng(9)
    booked = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 120, 300)), unit="D")
    arrival = booked + pd.to_timedelta(rng.integers(1, 60, 300), unit="D")
    statement = "Reservation number,Booked on,Arrival,Rooms,Original amount\n" + "".join(
        f"{3456789000 + k},{b:%Y-%m-%d},{a:%Y-%m-%d},1,{rng.uniform(90, 400):.2f}\n"
        for k, (b, a) in enumerate(zip(booked, arrival)))
    series = load_series(statement.encode(), "booking.csv")
    assert series.date_col == "Booked on" and series.frequency.name == "daily"  # not seconds of 2079
    opera = "Confirmation Number,Arrival,Nights,Rate\n" + "".join(
        f"{512345673 + 2 * k},{a:%m/%d/%Y},{1 + k % 4},${rng.uniform(120, 220):.2f}\n" for k, a in enumerate(arrival))
    assert load_series(opera.encode(), "opera.csv").target == "Rate"  # not the confirmation numbers' mean


def test_from_the_review_of_9c573e9_targets_and_sides() -> None:
    rng = np.random.default_rng(12)
    days = pd.date_range("2023-01-01", periods=120)
    reservoir = "Date,Inflow (cfs),Outflow (cfs)\n" + "".join(
        f"{day:%m/%d/%Y},{'' if k in (40, 41) else f'{1500 + 10 * k}.0'},{1000 + k}.0\n" for k, day in enumerate(days))
    series = load_series(reservoir.encode(), "reservoir.csv")
    assert series.frame["y"].iloc[40] == pytest.approx(1900)  # a missed reading, interpolated: both sides flow
    ages = "Date,Weekday,Average Age\n" + "".join(
        f"{day:%Y-%m-%d},{day.dayofweek + 1},{41 + rng.normal(0, 1.5):.1f}\n" for day in days)
    assert load_series(ages.encode(), "ages.csv").target == "Average Age"
    visitors = "Date,New,Returning,Total\n" + "".join(
        f"{day:%Y-%m-%d},{(new := int(rng.integers(200, 300)))},{(back := int(rng.integers(400, 600)))},{new + back}\n"
        for day in days)
    assert load_series(visitors.encode(), "visitors.csv").target == "Total"
    ga4 = "Date,Total users,New users,Sessions\n" + "".join(
        f"{day:%Y%m%d},{int(rng.integers(900, 1100))},{int(rng.integers(300, 400))},{int(rng.integers(1300, 1500))}\n"
        for day in days)
    assert load_series(ga4.encode(), "ga4.csv").target == "Total users"  # each day's, not a running total
    retail = "Fiscal Year,Week Ending,Date,Sales\n" + "".join(
        f"{2023 + (k >= 60)},{day + pd.Timedelta(days=(5 - day.dayofweek) % 7):%m/%d/%Y},{day:%m/%d/%Y},{1000 + k}\n"
        for k, day in enumerate(days))
    assert load_series(retail.encode(), "retail.csv").date_col == "Date"  # not the weeks the days fall in


def test_from_the_review_of_9c573e9_clocks_ids_and_logs() -> None:
    rng = np.random.default_rng(13)
    hours = pd.date_range("2024-01-08", periods=24 * 10, freq="h")
    sites = "Site,Local Time,TZ,Load MW\n" + "".join(
        f"{site},{hour:%Y-%m-%d %H:%M},{zone},{50 + 10 * (hour.hour == 18) + rng.normal():.2f}\n"
        for site, zone in (("NYC", "EST"), ("CHI", "CST"), ("LAX", "PST")) for hour in hours)
    table = read_table(sites.encode(), "sites.csv")
    assert detect_id_columns(table, "Local Time") == ("Site",)  # each site on its own clock, not moved onto one
    days = pd.date_range("2023-01-01", periods=365)
    picks = rng.poisson(4, len(days))
    bookings = pd.DataFrame({"Check-in Date": np.repeat(days, picks).strftime("%Y-%m-%d"),
                             "Room Type": rng.choice(list("ABCD"), picks.sum()),
                             "Rate Plan": rng.choice(list("WXYZ"), picks.sum()),
                             "Guest Country": rng.choice(list("abcdefghij"), picks.sum()),
                             "Revenue": rng.uniform(80, 400, picks.sum()).round(2)})
    assert detect_id_columns(bookings, "Check-in Date") == ()  # three attributes of bookings make no series
    interval = "Date,Interval,Calls Offered\n" + "".join(
        f"{day:%m/%d/%Y},{(8 + k // 2 - 1) % 12 + 1}:{30 * (k % 2):02d}{'a' if k < 8 else 'p'} - "
        f"{(8 + (k + 1) // 2 - 1) % 12 + 1}:{30 * ((k + 1) % 2):02d}{'a' if k < 7 else 'p'},{20 + k}\n"
        for day in days[:20] for k in range(12))
    assert load_series(interval.encode(), "calls.csv").date_col == "Date Interval"
    logger = pd.date_range("2024-01-01", periods=300, freq="3min").delete(120)  # one reading missing
    text = "time,temp_c\n" + "".join(f"{stamp:%Y-%m-%d %H:%M},{20 + np.sin(k / 9):.2f}\n"
                                      for k, stamp in enumerate(logger))
    assert load_series(text.encode(), "logger.csv").report.irregular_rows == 0  # no event log
    mondays_thursdays = [day for day in pd.date_range("2023-01-02", periods=500) if day.dayofweek in (0, 3)]
    text = "date,deliveries_kg\n" + "".join(f"{day:%Y-%m-%d},{300 + k % 5}\n"
                                           for k, day in enumerate(mondays_thursdays))
    assert load_series(text.encode(), "deliveries.csv").report.irregular_rows == 0
    usd = "Date\tRevenue\n" + "".join(f"{day:%Y-%m-%d}\tUS${amount:,}\n"
                                      for day, amount in zip(days, rng.integers(600, 2500, 60)))
    series = load_series(usd.encode(), "revenue.tsv")
    assert series.frame["y"].min() >= 600  # US$1,874 beside US$643: thousands, not decimal commas
    refunds = usd.replace("\tUS$", "\t(US$", 3).replace("\n", ")\n", 4).replace("Revenue)", "Revenue", 1)
    series = load_series(refunds.encode(), "revenue.tsv")
    assert (series.frame["y"] < -600).sum() == 3  # (US$714.12) is a negative amount


def test_a_newest_first_file_says_how_its_first_and_last_rows_were_read() -> None:
    rows = "\n".join(f"2024-01-{day:02d},{balance}" for day in range(20, 0, -1) for balance in (day * 10 + 1, day * 10))
    series = load_series(("Date,Balance\n" + rows + "\n").encode(), "sorted.csv", LoadOptions(duplicates="last"))
    assert series.frame["y"].iloc[0] == 11  # the top row of 2024-01-01
    assert any(notice.key == "notice.newest_first_last" for notice in series.report.notices)


def test_from_the_review_of_fc8805e_and_health_and_shop_exports() -> None:
    hours = pd.date_range("2023-01-01", periods=300, freq="h")
    nsrdb = "Year,Month,Day,Hour,Minute,GHI\n" + "".join(
        f"{h.year},{h.month},{h.day},{h.hour},30,{max(0, int(800 * np.sin(np.pi * (h.hour - 6) / 12)))}\n"
        for h in hours)
    series = load_series(nsrdb.encode(), "nsrdb.csv")  # a minute of 30 on every row tells no rows apart
    assert series.frequency.name == "hourly" and len(series.frame) == 300
    days = pd.date_range("2023-01-01", periods=100)
    observed = "Year,Month,Day,Observation time,Rainfall (mm)\n" + "".join(
        f"{d.year},{d.month},{d.day},{'09:30' if k % 50 == 7 else '09:00'},{k % 9 * 0.4:.1f}\n"
        for k, d in enumerate(days))
    assert load_series(observed.encode(), "rain.csv").frequency.name == "daily"
    rows = [f'"{area}","{element}","{item}","{year}","{value + year}"' for area, years in (
        ("Czechoslovakia", range(1961, 1993)), ("Czechia", range(1993, 2024)), ("Slovakia", range(1993, 2024)))
        for element, value in (("Area harvested", 10_000), ("Production", 50_000), ("Yield", 30))
        for item in ("Wheat", "Barley") for year in years]
    fao = pd.read_csv(io.StringIO('"Area","Element","Item","Year","Value"\n' + "\n".join(rows)))
    assert detect_id_columns(fao, "Year") == ("Area", "Element", "Item")  # areas over different years
    months = pd.date_range("2018-01-01", periods=36, freq="MS")
    for marker in ("*", "s", "[c]"):
        text = "Month,Deaths\n" + "".join(f"{m:%Y-%m},{marker if k in (5, 9, 14) else 20 + k % 7}\n"
                                          for k, m in enumerate(months))
        assert load_series(text.encode(), "deaths.csv").frame["y"].notna().all()  # suppressed cells: missing
    ebay = '"Sales Record Number","Total Price","Sale Date"\n' + "".join(
        f'"{5100 - k}","${10 + k % 13}.99","{d:%b-%d-%y}"\n' for k, d in enumerate(reversed(days)))
    series = load_series(ebay.encode(), "eBay-OrdersReport.csv")
    assert series.date_col == "Sale Date" and series.target == "Total Price"  # not the records' serial, newest first


def test_from_the_review_of_fc8805e_targets_dates_and_logs() -> None:
    rng = np.random.default_rng(14)
    days = pd.bdate_range("2022-08-22", periods=150)
    rows = [f"{day.year - (day.month < 8)}-{day.year + (day.month >= 8)},{day:%m/%d/%Y},{school},{400 + k % 9},"
            f"{day + pd.Timedelta(seconds=int(rng.integers(30_000, 40_000))):%m/%d/%Y %H:%M:%S}"
            for k, day in enumerate(days) for school in ("Lincoln", "Roosevelt")]
    entered = "School Year,Date,School,Present,Timestamp\n" + "\n".join(rows) + "\n"
    assert load_series(entered.encode(), "attendance.csv").date_col == "Date"  # not when each row was entered
    dates = pd.date_range("2024-01-01", periods=120)
    counts = "Date,Passenger Number,Temperature\n" + "".join(
        f"{day:%Y-%m-%d},{int(rng.normal(155_000, 9_000))},{rng.normal(10, 3):.1f}\n" for day in dates)
    assert load_series(counts.encode(), "passengers.csv").target == "Passenger Number"  # a count, no label
    new = {state: rng.integers(5, 60, len(dates)) for state in ("CA", "NY", "TX")}
    cases = "date,state,total_cases,new_cases\n" + "".join(
        f"{day:%Y-%m-%d},{state},{1000 + new[state][:k + 1].sum()},{new[state][k]}\n" for k, day in enumerate(dates)
        for state in new)
    assert load_series(cases.encode(), "cases.csv").target == "new_cases"  # sorted by date, then state
    daily = rng.integers(200, 300, len(dates))
    newest = "Date,Total User Installs,Daily User Installs\n" + "".join(
        f"{day:%Y-%m-%d},{total},{new}\n" for day, total, new in reversed(list(zip(dates, np.cumsum(daily), daily))))
    assert load_series(newest.encode(), "installs.csv").target == "Daily User Installs"
    gaps = np.cumsum(rng.integers(2, 6, 111))
    invoices = "Invoice Date,Amount\n" + "".join(f"{pd.Timestamp('2024-01-02') + pd.Timedelta(days=int(g)):%m/%d/%Y},"
                                                 f"{rng.uniform(100, 1000):.2f}\n" for g in gaps)
    assert load_series(invoices.encode(), "invoices.csv").report.irregular_rows > 50
    eggs = "Date,House,Flock Age (wks),Eggs Collected\n" + "".join(
        f"{day:%m/%d/%Y},House {house},{20 + (k + house) / 7:.1f},{int(4700 + 40 * k + rng.normal(0, 30))}\n"
        for k, day in enumerate(dates[:60]) for house in (0, 1, 2))  # houses filled a day apart
    assert load_series(eggs.encode(), "eggs.csv").target == "Eggs Collected"
    cash = "Date,Cash In,Cash Out,Balance\n" + "".join(
        f"{day:%Y-%m-%d},{rng.uniform(500, 900):.2f},{'' if k % 3 == 1 else f'{rng.uniform(20, 200):.2f}'},1000\n"
        for k, day in enumerate(dates))
    assert load_series(cash.encode(), "cashbook.csv", LoadOptions(target="Cash Out")).frame["y"].iloc[1] == 0


def test_from_the_review_of_caf46b1() -> None:
    rng = np.random.default_rng(15)
    days = pd.date_range("2024-01-01", periods=120)
    cash = "Date,Cash In,Cash Out\n" + "".join(
        f"{day:%Y-%m-%d},{'' if k >= 106 else f'{rng.uniform(500, 900):.2f}'},{rng.uniform(20, 200):.2f}\n"
        for k, day in enumerate(days))
    series = load_series(cash.encode(), "cash.csv")
    assert series.target == "Cash In" and len(series.frame) == 106  # the last 14 rows are to forecast, not zeros
    hours = pd.date_range("2023-12-10", periods=24 * 40, freq="h")  # across two years
    logger = "Year,Date,Timestamp,Load (kW)\n" + "".join(
        f"{h.year},{h:%Y-%m-%d},{h + pd.Timedelta(seconds=int(rng.integers(0, 20))):%Y-%m-%d %H:%M:%S},"
        f"{50 + 5 * np.sin(h.hour / 4):.2f}\n" for h in hours)
    assert load_series(logger.encode(), "logger.csv").frequency.name == "hourly"  # seconds of jitter: even
    daily = {store: rng.integers(50, 150, len(days)) for store in (1, 2, 3)}
    stores = "Store,Date,Total Installs,Daily Installs\n" + "".join(
        f"{store},{day:%Y-%m-%d},{daily[store][:k + 1].sum()},{daily[store][k]}\n"
        for store in daily for k, day in enumerate(days))
    assert load_series(stores.encode(), "stores.csv").target == "Daily Installs"  # a numeric series id
    arrivals = np.sort(rng.integers(0, 90, 300))
    opera = "Arrival Date,Confirmation Number,Nights,Rate\n" + "".join(
        f"{pd.Timestamp('2024-01-01') + pd.Timedelta(days=int(a)):%m/%d/%Y},{512345673 + 3 * int(k)},{1 + k % 4},"
        f"{rng.uniform(120, 220):.2f}\n" for a, k in zip(arrivals, rng.permutation(300)))
    assert load_series(opera.encode(), "opera.csv").target == "Rate"  # sorted by arrival, not by booking
    slots = pd.date_range("2024-03-01", periods=600, freq="3min")
    kept = slots.delete(np.sort(rng.choice(np.arange(1, 599), 25, replace=False)))
    text = "Timestamp,Temperature (C)\n" + "".join(f"{t:%Y-%m-%d %H:%M},{20 + np.sin(k / 30):.2f}\n"
                                                  for k, t in enumerate(kept))
    assert load_series(text.encode(), "logger3.csv").report.irregular_rows == 0  # readings missed, no event log
    fleet = "Month,Fleet Average Age (years),Aircraft in Service\n" + "".join(
        f"{m:%Y-%m},{8 + 0.85 * k / 12 + rng.normal(0, 0.05):.1f},{120 + int(rng.integers(-2, 3))}\n"
        for k, m in enumerate(pd.date_range("2021-01-01", periods=36, freq="MS")))
    assert load_series(fleet.encode(), "fleet.csv").target == "Fleet Average Age (years)"  # no counter of time


def test_from_the_review_of_7c41c0f() -> None:
    rng = np.random.default_rng(16)
    days = pd.date_range("2023-01-01", periods=200)
    rail = "Date,Passenger Number,Temperature\n" + "".join(
        f"{day:%Y-%m-%d},{int(rng.normal(15_500_000, 600_000))},{rng.normal(10, 3):.1f}\n" for day in days)
    series = load_series(rail.encode(), "rail.csv")
    assert series.target == "Passenger Number"  # 8 digits a day: a count, no label
    assert not any(notice.key == "notice.target_identifies_rows" for notice in series.report.notices)
    new = {state: rng.integers(5, 900, len(days)) for state in ("Texas", "Ohio", "Iowa")}
    rows = []
    for k, day in enumerate(days):
        ranked = sorted(new, key=lambda state: -new[state][k])
        rows += [f"{day:%Y-%m-%d},{rank + 1},{state},{new[state][:k + 1].sum()},{new[state][k]}"
                 for rank, state in enumerate(ranked)]
    ranks = "date,rank_new_cases,state,total_cases,new_cases\n" + "\n".join(rows) + "\n"
    assert load_series(ranks.encode(), "ranks.csv").target == "new_cases"  # the state orders the series, not the rank


def test_random_labels_too_long_to_count_anything_are_no_target() -> None:
    rng = np.random.default_rng(17)
    days = np.sort(rng.choice(pd.date_range("2024-01-01", periods=120), 300))
    text = "Ship Date,Tracking Number,Weight (lbs)\n" + "".join(
        f"{pd.Timestamp(day):%m/%d/%Y},{int(rng.integers(10**11, 10**12))},{rng.uniform(1, 30):.1f}\n" for day in days)
    assert load_series(text.encode(), "shipments.csv").target == "Weight (lbs)"  # not the random 12-digit numbers


def test_box_office_charts_forecast_the_gross() -> None:
    rng = np.random.default_rng(18)
    days = pd.date_range("2023-07-21", periods=60)
    gross = [int(45e6 * 0.97 ** k * rng.uniform(0.9, 1.1)) for k in range(len(days))]
    film = "Date,Rank,Gross,Theaters,Total Gross,Day #\n" + "".join(
        f'{day:%Y/%m/%d},{1 + k // 10},"${amount:,}","4,200","${running:,}",{k + 1}\n'
        for k, (day, amount, running) in enumerate(zip(days, gross, np.cumsum(gross))))
    assert load_series(film.encode(), "film.csv").target == "Gross"  # not its running total
    chart = "Date,Day,Rank,Top 10 Gross,Releases\n" + "".join(
        f'{day:%Y-%m-%d},{day:%A},{int(rng.integers(1, 200))},"${int(rng.uniform(5e6, 2e7)):,}",{30 + k % 9}\n'
        for k, day in enumerate(pd.date_range("2023-01-01", periods=200)))
    assert load_series(chart.encode(), "chart.csv").target == "Top 10 Gross"  # a rank orders things: no target
    company = "Month,Total Revenue,Revenue\n" + "".join(
        f"{month:%Y-%m},{1000 + 20 * k + rng.normal(0, 5):.1f},{100 + k + rng.normal(0, 5):.1f}\n"
        for k, month in enumerate(pd.date_range("2020-01-01", periods=48, freq="MS")))
    assert load_series(company.encode(), "company.csv").target == "Total Revenue"  # growing, no running total


def test_a_salesforce_report_leaves_out_its_subtotal_rows() -> None:
    rng = np.random.default_rng(19)
    lines = ['"Opportunities by Close Month"', '"Example Charity"', "",
             '"Close Date","Opportunity Name","Amount","Stage","Fiscal Period"']
    for month in pd.date_range("2022-01-01", periods=26, freq="MS"):
        days = month + pd.to_timedelta(np.sort(rng.choice(27, 4, replace=False)), unit="D")
        amounts = rng.uniform(100, 4000, len(days))
        lines += [f'"{day.month}/{day.day}/{day.year}","Gift {k}","USD {amount:,.2f}","Closed Won",'
                  f'"Q{(day.month - 1) // 3 + 1}-{day.year}"' for k, (day, amount) in enumerate(zip(days, amounts))]
        lines.append(f'"Subtotal","","USD {amounts.sum():,.2f}","",""')
    lines.append('"Grand Totals (104 records)","","USD 1.00","",""')
    series = load_series(("\n".join(lines) + "\n").encode(), "report.csv", LoadOptions(per="month", duplicates="sum"))
    assert series.date_col == "Close Date"  # not the fiscal quarters
    assert len(series.frame) == 26 and series.frame["y"].max() < 16_000  # each month's gifts, no subtotal among them


def test_points_beside_decimal_commas_group_thousands() -> None:
    months = pd.date_range("2019-01-01", periods=40, freq="MS")
    destatis = "Monat;Umsatz (nominal);Umsatz (real)\n" + "".join(
        f"{month:%Y-%m};{98 + k % 7}.{600 + 7 * k};{98 + k % 5},{k % 10}\n" for k, month in enumerate(months))
    assert load_series(destatis.encode(), "umsatz.csv").frame["y"].min() >= 98_000  # 98.644 is 98644 beside 98,6
    spain = "Mes;Ventas (€);Unidades\n" + "".join(
        f"{month:%Y-%m};{100 + k}.{300 + 7 * k},{10 + k} €;3.{100 + 20 * k}\n" for k, month in enumerate(months))
    series = load_series(spain.encode(), "ventas.csv")
    assert series.target == "Ventas (€)" and series.frame["y"].min() > 100_000
    paro = "Periodo;Paro registrado\n" + "".join(
        f"{month:%Y-%m};2.{100 + 17 * k}.{100 + 3 * k}\n" for k, month in enumerate(months))
    assert load_series(paro.encode(), "paro.csv").frame["y"].min() > 2_000_000  # two points: no decimal number


def test_a_date_beside_a_column_of_clock_times_makes_the_time_stamps() -> None:
    hours = pd.date_range("2024-01-01", periods=24 * 21, freq="h")
    smard = "Datum;Anfang;Ende;Biomasse [MWh]\n" + "".join(
        f"{t:%d.%m.%Y};{t:%H:%M};{t + pd.Timedelta(hours=1):%H:%M};{4000 + 300 * np.sin(k / 4):.0f}\n"
        for k, t in enumerate(hours))
    series = load_series(smard.encode(), "smard.csv")
    assert series.frequency.name == "hourly" and len(series.frame) == len(hours)
    quarters = pd.date_range("2024-03-01", periods=96 * 14, freq="15min")
    rte = "Date\tHeures\tConsommation\n" + "".join(f"{t:%Y-%m-%d}\t{t:%H:%M}\t{50000 + k % 96}\n"
                                                  for k, t in enumerate(quarters))
    assert load_series(rte.encode("latin-1"), "rte.xls").frequency.name == "every 15 minutes"
    opening = "Date,Opening,Visitors\n" + "".join(f"{day:%Y-%m-%d},{'09:00' if day.dayofweek < 5 else '10:00'},{k}\n"
                                                  for k, day in enumerate(pd.date_range("2024-01-01", periods=60)))
    assert load_series(opening.encode(), "museum.csv").frequency.name == "daily"  # one opening a day: no clock


def test_revised_and_footnoted_figures_keep_their_numbers_and_periods() -> None:
    months = pd.date_range("2021-01-01", periods=36, freq="MS")
    cells = [f'"{1200 + 20 * k:,}"' for k in range(len(months))]
    cells[-3:] = ['"1,860 (r)"', '"1,880 1/"', '"2,050 (p)"']
    text = "Month,Receipts ($ thousands)\n" + "".join(f"{m:%Y-%m},{c}\n" for m, c in zip(months, cells))
    series = load_series(text.encode(), "receipts.csv")
    assert len(series.frame) == 36 and series.frame["y"].iloc[-3:].tolist() == [1860, 1880, 2050]
    assert any(notice.key == "notice.flagged_numbers" for notice in series.report.notices)
    years = [f"{year}-{(year + 1) % 100:02d}" for year in range(1999, 2024)]
    years[-1] += " (r)"
    text = "Year,Receipts\n" + "".join(f"{year},{300 + 10 * k}\n" for k, year in enumerate(years))
    assert load_series(text.encode(), "obr.csv").frame["ds"].iloc[-1].year == 2023  # the newest year kept


def test_a_budget_report_by_department_forecasts_an_amount_without_its_subtotals() -> None:
    from core.panel.choice import PanelChoice, read_panel

    lines = ["Department,Period,Fiscal Month,Adopted Budget,Actual"]
    months = pd.date_range("2022-07-01", periods=24, freq="MS")
    for year in (0, 1):
        lines += [f'{dept},{month:%b-%y},{k + 1},"{base:,}","{base - 37 * k:,}"' for k, month in
                  enumerate(months[12 * year:12 * year + 12]) for dept, base in (("Police", 9000), ("Fire", 6500))]
        lines += [f"Police Total,FY{2023 + year},,,", f"Fire Total,FY{2023 + year},,,"]
    panel = read_panel(("\n".join(lines) + "\nGrand Total,,,,\n").encode(), "budget.csv", LoadOptions(),
                       PanelChoice(("Department",)))
    assert panel is not None and panel.ids == ["Police", "Fire"]  # each fiscal year's subtotals left out
    police = "\n".join(line.split(",", 1)[1] for line in lines if line.startswith(("Department", "Police,")))
    assert load_series(police.encode(), "police.csv").target != "Fiscal Month"  # no counter of the periods


def test_a_year_to_date_column_neither_dates_the_rows_nor_is_the_target() -> None:
    rows, so_far = [], 0
    for year in range(2020, 2024):
        for month in range(1, 13):
            so_far = (so_far if month > 1 else 0) + 150 + 3 * month
            rows.append(f"{year},{pd.Timestamp(year, month, 1):%B},{150 + 3 * month},{so_far}")
    text = "Year,Month,Receipts,Year-to-date Total\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "receipts.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("Receipts", "monthly", 48)


def test_invoice_numbers_named_in_other_languages_are_no_years() -> None:
    rng = np.random.default_rng(20)
    stamps = np.sort(rng.choice(pd.date_range("2024-01-02 08:00", "2024-06-29 18:00", freq="min"), 400, replace=False))
    text = "Número;Série;Data Emissão;Valor Total;Situação\n" + "".join(
        f"{1001 + k};1;{pd.Timestamp(stamp):%d/%m/%Y %H:%M:%S};{rng.uniform(100, 900):.2f};OK\n".replace(".", ",")
        for k, stamp in enumerate(stamps))
    series = load_series(text.encode(), "nfe.csv")
    assert series.date_col == "Data Emissão"  # not 'Número', 1001 to 1400 read as years


@pytest.mark.parametrize("sides", [("お支払金額", "お預り金額"), ("Débit", "Crédit"), ("출금액", "입금액"), ("Débito", "Crédito")])
def test_a_blank_side_of_money_is_zero_in_other_languages(sides: tuple[str, str]) -> None:
    rng = np.random.default_rng(21)
    rows = [f"{day:%Y/%m/%d},{'' if k % 16 == 5 else int(rng.uniform(500, 30000))},{285000 if k % 16 == 5 else ''}"
            for k, day in enumerate(pd.date_range("2023-04-01", periods=120))]
    series = load_series((f"Date,{sides[0]},{sides[1]}\n" + "\n".join(rows) + "\n").encode(), "bank.csv")
    assert series.target == sides[0] and (series.frame["y"] == 0).sum() == 8  # no payment interpolated


def test_years_months_and_days_named_in_other_languages_or_short_make_dates() -> None:
    months = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
              "październik", "listopad", "grudzień"]
    gus = "Rok;Miesiąc;Wynagrodzenie [zł]\n" + "".join(f"{2020 + k // 12};{months[k % 12]};{6000 + 20 * k},5\n"
                                                      for k in range(48))
    assert load_series(gus.encode(), "gus.csv").frequency.name == "monthly"  # Polish names: steps before
    days = pd.date_range("2020-01-01", periods=300)
    scripps = "Yr,Mn,Dy,CO2,NB\n" + "".join(f"{day.year},{day.month},{day.day},{410 + 0.01 * k:.2f},3\n"
                                            for k, day in enumerate(days))
    series = load_series(scripps.encode(), "co2.csv")
    assert series.frequency.name == "daily" and series.frame["ds"].iloc[-1] == days[-1]


def test_a_units_row_under_year_month_and_day_is_left_out_once() -> None:
    days = pd.date_range("2021-01-01", periods=120)
    text = ("Year, Month, Day,     Extent,    Missing, Source Data\n"
            "    YYYY,    MM,  DD, 10^6 sq km, 10^6 sq km, Source data product web sites: http://x.org\n" + "".join(
                f"{day.year},    {day.month:02d},  {day.day:02d},     {12 + k % 30 * 0.1:.3f},      0.000, ['/x']\n"
                for k, day in enumerate(days)))
    series = load_series(text.encode(), "N_seaice_extent_daily_v3.0.csv")  # 'cannot convert NA to integer' before
    assert series.frequency.name == "daily" and len(series.frame) == 120
    assert [notice.key for notice in series.report.notices] == ["notice.labels_only"]  # nothing to correct


@pytest.mark.parametrize("clock", ["Time (s)", "millis", "JD", "Elapsed Time (min)"])
def test_a_clock_that_runs_on_with_the_rows_is_no_target(clock: str) -> None:
    rows = "".join(f"{2459000.5 + 0.73 * k:.4f},{20 + 3 * np.sin(k / 10):.2f}\n" for k in range(200))
    series = load_series((f"{clock},Temperature (°C)\n" + rows).encode(), "logger.csv")
    assert series.target == "Temperature (°C)"  # the time of each reading was forecast at a MAPE of 0.005%
    runs = "Date,Time (s)\n" + "".join(f"{day:%Y-%m-%d},{1500 + 30 * np.sin(k):.1f}\n"
                                       for k, day in enumerate(pd.date_range("2024-01-01", periods=40)))
    assert load_series(runs.encode(), "runs.csv").target == "Time (s)"  # a measured time goes up and down


def test_rows_that_share_steps_while_others_have_none_are_an_event_log() -> None:
    rng = np.random.default_rng(22)
    gaps = np.cumsum(rng.integers(1, 14, 120))  # a week apart on average: as many rows as weeks
    gifts = "Close Date,Amount\n" + "".join(f"{pd.Timestamp('2022-01-07') + pd.Timedelta(days=int(g)):%m/%d/%Y},"
                                            f"{int(rng.uniform(300, 2700))}\n" for g in gaps)
    series = load_series(gifts.encode(), "gifts.csv")
    assert series.frequency.name == "weekly" and series.report.irregular_rows > 60  # a week of two, then none
    months = pd.date_range("2020-01-01", periods=48, freq="MS")
    bills = "Bill Date,Amount\n" + "".join(f"{month + pd.Timedelta(days=int(rng.integers(10, 20))):%Y-%m-%d},{k}\n"
                                          for k, month in enumerate(months))
    assert load_series(bills.encode(), "bills.csv").report.irregular_rows == 0  # a bill a month, on any day
    weighed = "Time,Weight\n" + "".join(f"{day + pd.Timedelta(minutes=int(rng.integers(360, 720))):%Y-%m-%d %H:%M},8\n"
                                        for day in pd.date_range("2024-01-01", periods=200))
    assert load_series(weighed.encode(), "weight.csv").report.irregular_rows == 0  # once a day, at any hour


def test_each_series_of_a_long_event_log_is_said_to_be_one() -> None:
    from core.panel.choice import PanelChoice, read_panel

    rng = np.random.default_rng(23)
    rows = sorted((day, account, int(rng.integers(1, 40))) for account in ("A", "B", "C")
                  for day in pd.bdate_range("2023-01-02", "2024-06-28") if rng.random() < 0.35)
    text = "Order Date,Account,Qty\n" + "".join(f"{day:%m/%d/%Y},{account},{qty}\n" for day, account, qty in rows)
    panel = read_panel(text.encode(), "orders.csv", LoadOptions(), PanelChoice(("Account",)))
    assert panel is not None and all(task.load().report.irregular_rows > 0 for task in panel.tasks)


def test_from_the_review_of_this_sessions_reading_rules() -> None:
    from core.panel.choice import PanelChoice, read_panel

    rng = np.random.default_rng(24)
    days = pd.date_range("2024-01-01", periods=60)
    scale = "Datum;Gewicht (kg);Temperatur (°C)\n" + "".join(
        f"{day:%Y-%m-%d};{rng.uniform(10, 20):.3f};{rng.integers(150, 250) / 10:.1f}\n".replace(".", ",", 0)[:-5]
        + f"{rng.integers(150, 250) / 10:.1f}\n".replace(".", ",") for day in days)
    series = load_series(scale.encode(), "waage.csv")  # points beside decimal commas: read as thousands, and said
    assert series.frame["y"].min() > 1000 and any(n.key == "notice.point_thousands" for n in series.report.notices)
    hours = pd.date_range("2024-03-01", periods=200, freq="h")
    ping = "Zeit;Host;Antwortzeit (ms)\n" + "".join(f"{hour:%Y-%m-%d %H:%M};192.168.178.{101 + k % 3 * 11};"
                                                    f"{rng.uniform(1.5, 25):.3f}\n" for k, hour in enumerate(hours))
    assert load_series(ping.encode(), "ping.csv", LoadOptions()).frame["y"].max() < 30  # an IP's points: no thousands
    chiller = "Data/Hora;Temperatura Entrada (°C);Temperatura Saída (°C)\n" + "".join(
        f"{hour:%d/%m/%Y %H:%M};{'' if k % 40 == 7 else f'{12 + np.sin(k / 5):.1f}'.replace('.', ',')};"
        f"{7 + np.sin(k / 5):.1f}\n".replace(".", ",") for k, hour in enumerate(hours))
    assert (load_series(chiller.encode(), "chiller.csv").frame["y"] > 5).all()  # a missed reading, not 0 °C
    years = "Year,Mid-Year Population,Live Births\n" + "".join(f"{2000 + k},{5_000_000 + 30_000 * k},"
                                                             f"{rng.integers(50_000, 60_000)}\n" for k in range(24))
    assert load_series(years.encode(), "population.csv").target == "Mid-Year Population"  # growing, no clock
    price = "Trade Date,Wtd Avg Price,Volume\n" + "".join(f"{day:%Y-%m-%d},{100 + np.sin(k):.2f},{1000 + k}\n"
                                                        for k, day in enumerate(days))
    assert load_series(price.encode(), "price.csv").target == "Wtd Avg Price"  # weighted, not week to date
    song = "Chart Date,Rank,Last Week,Peak Position\n" + "".join(f"{day:%Y-%m-%d},{1 + k % 30},{2 + k % 30},1\n"
                                                              for k, day in enumerate(days))
    assert load_series(song.encode(), "song.csv").target == "Rank"  # a song's chart history: its rank is the series
    counts = "Ano;Número;Taxa\n" + "".join(f"{2001 + k};{int(40_000 * 1.03 ** k)};{10 + k % 4},5\n" for k in range(23))
    assert load_series(counts.encode(), "ano.csv").target == "Número"
    runs = "Date,Duration,Distance\n" + "".join(f"{day:%Y-%m-%d},00:{20 + k % 30}:09,{5 + k % 5}\n"
                                              for k, day in enumerate(days.repeat(2)))
    assert load_series(runs.encode(), "runs.csv").date_col == "Date"  # a run's duration is no time of day
    hours_worked = "Date,Employee,Hours,Pay\n" + "".join(f"{day:%Y-%m-%d},{who},{['6:00', '7:30', '8:45'][k % 3]},"
                                                         f"{100 + k}\n" for k, day in enumerate(days.repeat(3))
                                                         for who in ["Anna"])
    hours_worked = hours_worked.replace("Anna", "Ben", 60)
    panel = read_panel(hours_worked.encode(), "hours.csv", LoadOptions(), PanelChoice(("Employee",)))
    assert panel is not None and set(panel.ids) == {"Anna", "Ben"}
    ages = "Age group,Year,Population\n" + "".join(f"{group},{year},{1000 + year}\n" for year in range(2000, 2024)
                                                   for group in ("0-14", "15-64", "65+", "Total"))
    panel = read_panel(ages.encode(), "ages.csv", LoadOptions(), PanelChoice(("Age group",)))
    assert panel is not None and "Total" in panel.ids  # the population's total is a series of the file
    terms = "Term,Pupils\n" + "".join(f"T{k % 3 + 1} {2015 + k // 3},{100 + k}\n" for k in range(27))
    assert load_series(terms.encode(), "terms.csv").frequency.name != "quarterly"  # three terms a year


def test_a_block_of_notes_and_symbols_below_the_table_is_left_out() -> None:
    months = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
              "novembro", "dezembro"]
    rows = [f'"{months[k % 12]} {2020 + k // 12}";"{0.3 + 0.01 * (k % 9):.2f}"'.replace(".", ",") for k in range(48)]
    footer = ['', '"Fonte: IBGE - Sistema Nacional de Índices de Preços ao Consumidor"', '"Notas"',
              '"1 - Até dezembro de 1990, os valores são relativos à variação mensal do índice."', '"Legenda"',
              '"Símbolo";"Significado"', '"-";"Zero absoluto, não resultante de um cálculo."',
              '"..";"Não se aplica dado numérico."', '"X";"Dado numérico omitido."']
    sidra = "\n".join(['"Mês";"Brasil"', *rows, *footer]) + "\n"
    series = load_series(sidra.encode(), "sidra.csv")  # refused: 'Significado' was a cell of 'Brasil' to correct
    assert series.frequency.name == "monthly" and len(series.frame) == 48
    estat = "\n".join(['"時間軸（月次）","総合"', *(f'"{2021 + k // 12}年{k % 12 + 1}月","{100 + k}"' for k in range(40)),
                       '', '"注1)「…」は数値が得られないもの。"', '"出典：総務省統計局"']) + "\n"
    series = load_series(estat.encode(), "estat.csv")  # '注1)' was a row with a date to correct
    assert len(series.frame) == 40 and any(notice.key == "notice.footnotes" for notice in series.report.notices)


@pytest.mark.parametrize(("fiscal", "said"), [("FY{end}", True), ("{start}-{short}", False), ("{end}", True)])
def test_fiscal_years_beside_month_names_date_the_rows(fiscal: str, said: bool) -> None:
    # a state's tax receipts, 'Fiscal Year,Month' from July: refused as 4 time stamps
    order = [7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6]
    rows = [f"{fiscal.format(end=end, start=end - 1, short=end % 100)},{pd.Timestamp(2000, month, 1):%B},{150 + k}"
            for end in range(2021, 2025) for k, month in enumerate(order)]
    series = load_series(("Fiscal Year,Month,Receipts\n" + "\n".join(rows) + "\n").encode(), "receipts.csv")
    assert series.frequency.name == "monthly" and series.frame["ds"].iloc[0] == pd.Timestamp("2020-07-01")
    assert series.frame["ds"].iloc[6] == pd.Timestamp("2021-01-01")
    assert any(notice.key == "notice.fiscal_months" for notice in series.report.notices) == said


def test_a_statements_equal_payments_of_a_day_are_each_summed() -> None:
    rng = np.random.default_rng(25)
    rows = [f"{day:%d.%m.%y};KARTENZAHLUNG;REWE;-{rng.choice([12, 25, 8])},{rng.integers(10, 99)}"
            for day in pd.date_range("2024-01-01", periods=100) for _ in range(int(rng.integers(1, 4)))]
    rows.insert(5, rows[4])  # two equal payments at the same shop on one day
    text = "Buchungstag;Buchungstext;Beguenstigter;Betrag\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "umsaetze.csv", LoadOptions(per="day", duplicates="sum"))
    day = pd.to_datetime(rows[4].split(";")[0], format="%d.%m.%y")
    written = sum(float(row.split(";")[3].replace(",", ".")) for row in rows if row.startswith(f"{day:%d.%m.%y}"))
    assert series.frame.set_index("ds")["y"][day] == pytest.approx(written)  # both counted
    assert any(notice.key == "notice.copies_counted" for notice in series.report.notices)


def test_the_columns_named_for_future_values_are_named_as_in_the_file() -> None:
    rows = [f'"00 Riket","totalt","{2021 + k // 12}M{k % 12 + 1:02d}","{9_400_123 + 1000 * k:,}"'.replace(",", " ", 0)
            for k in range(36)]
    rows[-1] = rows[-1].rsplit(",", 1)[0] + ',".."'
    text = '"region","kön","månad","Befolkningsförändringar Antal"\n' + "\n".join(rows) + "\n"
    said = [str(notice) for notice in load_series(text.encode(), "scb.csv").report.notices]
    assert not any("'0'" in line for line in said)  # a constant read from '00 Riket' was named '0' as a regressor


def test_an_iaga_2002_file_is_read_past_its_header_block() -> None:
    header = [f" {name:<22} {value:<44}|" for name, value in (
        ("Format", "IAGA-2002"), ("Source of Data", "British Geological Survey"), ("Station Name", "Eskdalemuir"),
        ("IAGA Code", "ESK"), ("Geodetic Latitude", "55.314"), ("Elevation", "245"), ("Reported", "XYZF"),
        ("Digital Sampling", "1 second"), ("Data Type", "variation"),
        ("# DECBAS", "-2500    (Baseline declination value in"), ("# tenths of minutes", "East (0-216,000))."))]
    header.append("DATE       TIME         DOY     ESKX      ESKY      ESKZ      ESKF   |")
    rows = [f"{stamp:%Y-%m-%d %H:%M:%S}.000 092      {17284.04 + np.sin(k / 50):.2f}   -700.10  47000.50  "
            f"{99999.00 if k == 5 else 50500.10:.2f}" for k, stamp in
            enumerate(pd.date_range("2024-04-01", periods=300, freq="min"))]
    series = load_series(("\n".join(header + rows) + "\n").encode(), "esk20240401vmin.txt")
    assert (series.target, series.frequency.name, len(series.frame)) == ("ESKX", "minutely", 300)


def test_diagnosis_codes_written_as_decimals_tell_the_series_apart() -> None:
    from core.panel.choice import PanelChoice, read_panel

    rows = [f"{k % 12 + 1:02d}/{2020 + k // 12},{code},{300 + k % 7 + 50 * i}" for k in range(48)
            for i, code in enumerate(["250.00", "401.9", "493.90"])]
    text = "Service Month,Dx Code,Claim Count\n" + "\n".join(rows) + "\n"
    panel = read_panel(text.encode(), "claims.csv", LoadOptions(), PanelChoice())  # detected
    assert panel is not None and panel.ids == ["250.00", "401.9", "493.90"]  # averaged into one series before


def test_from_the_review_of_the_fiscal_copies_notes_and_local_dates_rules() -> None:
    def months_from(start: str, count_: int) -> list[pd.Timestamp]:
        return list(pd.date_range(start, periods=count_, freq="MS"))

    july_year = [f"{month.year + (month.month >= 7)},{month.month},{800 + k}"
                 for k, month in enumerate(months_from("2019-10-01", 48))]  # from October of a July-June year
    series = load_series(("Fiscal Year,Month,Receipts\n" + "\n".join(july_year) + "\n").encode(), "fy.csv")
    assert (series.frame["ds"].iloc[0], series.frame["ds"].iloc[-1], series.report.gaps) == (
        pd.Timestamp("2019-10-01"), pd.Timestamp("2023-09-01"), 0)
    newest = [f"FY{month.year + (month.month >= 7)},{month:%b},{k}" for k, month in
              enumerate(months_from("2017-07-01", 48))][::-1]
    series = load_series(("Fiscal Year,Month,Receipts\n" + "\n".join(newest) + "\n").encode(), "fy.csv")
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2021-06-01") and series.report.gaps == 0
    calendar = [f"{year},{month},{k}" for k, (year, month) in
                enumerate((2020 + m // 12, m % 12 + 1) for m in range(48))][::-1]
    series = load_series(("Fiscal Year,Month,Receipts\n" + "\n".join(calendar) + "\n").encode(), "fy.csv")
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2020-01-01")  # calendar years, newest first: as they are
    said = [str(n) for n in load_series(("Fiscal Year,Month,Receipts\n" + "\n".join(newest[::-1]) + "\n").encode(),
                                        "fy.csv").report.notices if n.key == "notice.fiscal_months"]
    assert said and "a year early" in said[0]
    filings = "Period,Revenue\n" + "".join(f"{2015 + k // 3}Q{k % 3 + 1},{1000 + k}\n" for k in range(27))
    assert load_series(filings.encode(), "10q.csv").frequency.name == "quarterly"  # a 10-Q's Q1 to Q3: quarters
    rates = "시점\tRate\n" + "".join(f"{2020 + k // 12}.{k % 12 + 1:02d}\t1.{100 + 23 * k:03d}\n" for k in range(36))
    assert load_series(rates.encode(), "rates.tsv").frame["y"].max() < 3  # months: no evidence of point thousands
    shipped = [(code, day) for code in ("S19.09.05", "H30.10.16", "R08.04.23")
               for day in pd.date_range("2024-01-01", periods=40)]
    drawings = "Drawing No.,Shipped,Qty\n" + "".join(f"{code},{day:%Y-%m-%d},{k % 50}\n"
                                                     for k, (code, day) in enumerate(shipped))
    assert load_series(drawings.encode(), "parts.csv", LoadOptions(per="day", duplicates="sum")).date_col == "Shipped"
    daily = [f"{day:%Y-%m-%d},{50 + k % 7}" for k, day in enumerate(pd.date_range("2023-01-01", periods=400))]
    twice = daily + daily[100:110]  # a daily job that ran again: copies, even combined per month
    series = load_series(("Date,Revenue\n" + "\n".join(twice) + "\n").encode(), "d.csv",
                         LoadOptions(per="month", duplicates="count"))
    assert series.frame["y"].max() <= 31
    honda = ["Model,Month,Units"] + [line for model in ("Accord", "Legend") for line in (
        *(f"{model},{month:%Y-%m},{400 + k}" for k, month in enumerate(months_from("2023-01-01", 18))), "")]
    from core.panel.choice import PanelChoice, read_panel
    panel = read_panel(("\n".join(honda) + "\n").encode(), "honda.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.ids == ["Accord", "Legend"]  # a model named Legend is no note


def test_production_and_sales_exports_keep_their_series_and_steps() -> None:
    from core.panel.choice import PanelChoice, read_panel

    rng = np.random.default_rng(26)
    wells = ["Well Name,Production Date,Oil,Comments", ",,bbl/d,"] + [
        f"WELL {w}H,{day:%m/%d/%Y},{900 - 50 * w + rng.normal(0, 20):.1f},{'ESP trip' if rng.random() < 0.05 else ''}"
        for w in range(1, 4) for day in pd.date_range("2023-01-01", periods=120)]
    panel = read_panel(("\n".join(wells) + "\n").encode(), "wells.csv", LoadOptions(), PanelChoice())
    assert panel is not None and len(panel.ids) == 3  # by well, not by a comment on 5% of the rows
    stamp, tickets = pd.Timestamp("2023-01-01 06:00"), ["Ticket No.,Ticket Date,Open Time,Net Volume (bbl),Temp (F)"]
    for k in range(300):
        stamp += pd.Timedelta(minutes=int(rng.integers(600, 2400)))
        tickets.append(f"{100000 + k},{stamp:%m/%d/%Y},{stamp:%H:%M},{rng.uniform(140, 190):.2f},"
                       f"{rng.integers(60, 97)}")
    assert read_panel(("\n".join(tickets) + "\n").encode(), "lact.csv", LoadOptions(), PanelChoice()) is None
    curve = "Months on Production,Oil (bbl)\n" + "".join(f"{k},{int(25000 * 0.95 ** k)}\n" for k in range(1, 61))
    series = load_series(curve.encode(), "type_curve.csv")
    assert (series.date_col, series.target) == ("Months on Production", "Oil (bbl)")
    sales = "date,net amount\n" + "".join(f"{day.month}/{day.day}/{day:%y} {9 + k % 3}:44{'am' if k % 2 else 'pm'},"
                                          f"{5 + k % 7}\n" for k, day in enumerate(pd.date_range("2024-01-01",
                                                                                                 periods=60)))
    assert load_series(sales.encode(), "bandcamp.csv").date_col == "date"  # Bandcamp's 1/1/24 9:44am


def test_from_the_review_of_the_id_and_fiscal_month_rules() -> None:
    from core.panel.choice import PanelChoice, read_panel

    def panel_ids(text: str) -> list[str] | None:
        panel = read_panel(text.encode(), "long.csv", LoadOptions(), PanelChoice())
        return None if panel is None else panel.ids

    days = pd.date_range("2023-01-01", periods=60)
    stores = "Store (ID),Date,Sales\n" + "".join(f"{store},{day:%Y-%m-%d},{100 * store + k % 9}\n"
                                                 for k, day in enumerate(days) for store in (1, 2, 3))
    assert panel_ids(stores) == ["1", "2", "3"]  # an id named so, no unit
    departures = "Date,Departure,Passengers\n" + "".join(f"{day:%Y-%m-%d},{slot},{100 + k % 50}\n" for k, day in
                                                         enumerate(days) for slot in ("07:15", "12:05", "17:30"))
    assert panel_ids(departures) == ["07:15", "12:05", "17:30"]  # fixed departures: a series each
    places = [("", "Italy"), ("", "Spain"), ("", "France"), ("Hubei", "China"), ("Victoria", "Australia")]
    covid = "ObservationDate,Province/State,Country/Region,Confirmed\n" + "".join(
        f"{day:%m/%d/%Y},{province},{country},{k * (i + 1)}\n" for k, day in enumerate(days)
        for i, (province, country) in enumerate(places))
    assert len(panel_ids(covid) or []) == 5  # by province and country together
    by_month = [f"{month},{year},{800 + month + year}" for month in (7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6)
                for year in range(2019, 2024)]
    series = load_series(("Month,Fiscal Year,Revenue\n" + "\n".join(by_month) + "\n").encode(), "fy.csv")
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2018-07-01") and series.report.gaps == 0


def test_point_thousands_beside_units_and_local_month_names() -> None:
    rng = np.random.default_rng(27)
    odometer = "Kennzeichen;Datum;Kilometerstand\n" + "".join(
        f"B-XY 1234;{day:%d.%m.%Y};{15_000 + 90 * k:,} km\n".replace(",", ".")
        for k, day in enumerate(pd.date_range("2024-01-01", periods=60)))
    assert load_series(odometer.encode(), "odo.csv").frame["y"].min() >= 15_000  # '15.074 km' was 15.074
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"]
    kba = "Monat;Insgesamt\n" + "".join(f"{months[k % 12]} {2019 + k // 12};{rng.integers(80_000, 120_000):,}\n"
                                        .replace(",", ".") for k in range(48))
    assert load_series(kba.encode("cp1252"), "kba.csv").frame["y"].min() >= 80_000  # read as 82.833 before


def test_university_exports_forecast_their_counts() -> None:
    cycles = [(cycle, year, week, pd.Timestamp(f"{year - 1}-09-03") + pd.Timedelta(weeks=week))
              for cycle, year in enumerate(range(2021, 2025)) for week in range(52)]
    rows = [f"Fall {year},{week + 1},{51 - week},{ending:%m/%d/%Y},{40 + 3 * week + cycle},{20 + week}"
            for cycle, year, week, ending in cycles]
    funnel = "Entry Term,Cycle Week,Weeks to Term Start,Week Ending,Applications,Admits\n" + "\n".join(rows) + "\n"
    assert load_series(funnel.encode(), "funnel.csv").target == "Applications"  # not the cycle's week counters
    months = pd.date_range("2022-01-01", periods=24, freq="MS")
    header = "Title,Metric_Type,Reporting_Period_Total," + ",".join(f"{month:%b-%Y}" for month in months)
    counter = "\n".join([header] + [f'"Journal {j}",{metric},{24 * (100 + j)},' + ",".join([str(100 + j)] * 24)
                                    for j in range(3) for metric in ("Total_Item_Requests", "Unique_Item_Requests")])
    from core.panel.choice import PanelChoice, read_panel
    panel = read_panel((counter + "\n").encode(), "tr_j1.csv", LoadOptions(), PanelChoice())
    assert panel is not None and len(panel.ids) == 6 and not any(uid.isdigit() for uid in panel.ids)


def test_title_lines_above_a_long_table_of_words_are_left_out() -> None:
    lines = ["Title: HE student enrolments by level of study", "Data source: HESA", "",
             '"Academic Year","Level of study","Mode of study","Country","Number"']
    lines += [f'"{year}/{(year + 1) % 100:02d}","{level}","{mode}","All","{80_000 + 10 * year + k}"'
              for year in range(2014, 2024) for k, level in enumerate(("Research", "Taught"))
              for mode in ("Full-time", "Part-time")]
    from core.panel.choice import PanelChoice, read_panel
    panel = read_panel(("\n".join(lines) + "\n").encode(), "hesa.csv", LoadOptions(), PanelChoice())
    assert panel is not None and len(panel.ids) == 4  # refused: 'line 5 has 5 fields where the header has 1'


def test_dated_events_sharing_days_while_others_have_none_are_told_to_be_combined() -> None:
    rng = np.random.default_rng(28)
    rows = [f"{day:%m/%d/%Y},{rng.uniform(-500, 4000):.2f}" for day in pd.date_range("2022-01-01", periods=300)
            if rng.random() < 0.55 for _ in range(int(rng.integers(1, 3)))]
    series = load_series(("Sale Date,Total Gross\n" + "\n".join(rows) + "\n").encode(), "deals.csv")
    assert any(notice.key == "notice.events_per_period" for notice in series.report.notices)  # averaged, unsaid
    combined = load_series(("Sale Date,Total Gross\n" + "\n".join(rows) + "\n").encode(), "deals.csv",
                           LoadOptions(per="day", duplicates="sum"))
    assert not any(notice.key == "notice.events_per_period" for notice in combined.report.notices)


def test_from_the_review_of_the_last_reading_rules() -> None:
    from core.panel.choice import PanelChoice, read_panel

    rng = np.random.default_rng(29)
    days = pd.date_range("2023-01-01", periods=90)
    slots = [f"{hour:02d}:{minute:02d}" for hour in range(8, 18) for minute in (0, 15, 30, 45)]
    tickets = "Date,Open Time,Amount\n" + "".join(
        f"{day:%Y-%m-%d},{slot},{rng.uniform(20, 200):.2f}\n" for day in days
        for slot in sorted(rng.choice(slots, int(rng.integers(2, 6)), replace=False)))
    assert read_panel(tickets.encode(), "tickets.csv", LoadOptions(), PanelChoice()) is None  # no series a time
    rows = []
    for k in range(33):
        month = pd.Timestamp("2019-10-01") + pd.DateOffset(months=k)
        start = month.year if month.month >= 7 else month.year - 1
        if month != pd.Timestamp("2020-07-01"):  # a month missing where a year starts
            rows.append(f"{start}-{(start + 1) % 100:02d},{month:%B},{1000 + k}")
    series = load_series(("Fiscal Year,Month,Revenue\n" + "\n".join(rows) + "\n").encode(), "fy.csv")
    assert series.frame["ds"].iloc[9] == pd.Timestamp("2020-08-01") and series.report.gaps == 1
    products = "Date;Product;Tonnes\n" + "".join(f"{day:%Y-%m-%d};{name};{rng.uniform(10, 20):.3f}\n"
                                                for day in days for name in ("Snickers", "Mars"))
    panel = read_panel(products.encode(), "mars.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.tasks[0].load().frame["y"].max() < 30  # a product named Mars: no month
    pivot = "Sum of Sales," + ",".join(str(year) for year in range(2010, 2024)) + "\n" + "".join(
        f"{region}," + ",".join(str(100 + k + year % 7) for year in range(2010, 2024)) + "\n"
        for k, region in enumerate(("East", "West", "North", "South")))
    panel = read_panel(pivot.encode(), "pivot.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.ids == ["East", "West", "North", "South"]
    readings = [f"{day:%Y-%m-%d},{12 + np.sin(k / 9):.2f}" for k, day in enumerate(days) if k % 6]
    readings += readings[:4]  # a few readings corrected
    series = load_series(("Date,Water Temp (C)\n" + "\n".join(sorted(readings)) + "\n").encode(), "temp.csv")
    assert not any(notice.key == "notice.events_per_period" for notice in series.report.notices)


def test_from_the_review_of_the_schedule_fiscal_month_and_total_rules() -> None:
    from core.panel.choice import PanelChoice, read_panel

    def panel_of(text: str, name: str = "long.csv") -> list[str] | None:
        panel = read_panel(text.encode(), name, LoadOptions(), PanelChoice())
        return None if panel is None else panel.ids

    months = pd.date_range("2019-03-01", periods=48, freq="MS")
    regions = "Fiscal Year,Month,Region,Sales\n" + "".join(
        f"FY{month.year + (month.month >= 7)},{month:%b},{region},{100 + k}\n"
        for region in ("North", "South") for k, month in enumerate(months))
    panel = read_panel(regions.encode(), "fy.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.tasks[0].load().frame["ds"].iloc[0] == pd.Timestamp("2019-03-01")
    pivot = "Region,Total," + ",".join(f"{month:%b-%Y}" for month in months[:24]) + "\n" + "".join(
        f'{region},"${24 * (1000 + k):,}",' + ",".join(f'"${1000 + k:,}"' for _ in range(24)) + "\n"
        for k, region in enumerate(("North", "South", "East")))
    panel = read_panel(pivot.encode(), "pivot.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.tasks[0].load().frame["y"].max() < 2000  # the months, not the total
    meses = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]
    spanish = "Periodo;Matriculaciones\n" + "".join(f"{meses[k % 12]} de {2018 + k // 12};{21 + k % 9}.{k:03d}\n"
                                                    for k in range(48))
    assert load_series(spanish.encode(), "es.csv").frame["y"].min() > 1000  # 'enero de 2018': a European file
    days = pd.date_range("2024-01-01", periods=70)
    tours = "Date,Tour,Visitors\n" + "".join(
        f"{day:%Y-%m-%d},{slot},{12 + k % 5}\n" for k, day in enumerate(days)
        for slot in (("11:00", "14:00") if day.dayofweek < 5 else ("10:00", "11:30", "13:00", "14:30", "16:00")))
    assert len(panel_of(tours) or []) == 7  # a weekday's and a weekend's tours: a series each


def test_equal_amounts_of_a_day_in_a_log_of_only_dates_and_amounts_are_each_summed() -> None:
    rows = [f"2024-01-{day:02d},{amount}" for day in range(1, 29)
            for amount in ((100, 100, 250) if day % 3 else (50,))]
    text = "Date,Amount\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "gifts.csv", LoadOptions(duplicates="sum"))
    assert series.frame["y"].iloc[0] == 450  # the two gifts of 100 on 1 January were one copy dropped: 350
    assert any(notice.key == "notice.copies_counted" for notice in series.report.notices)


def test_a_jma_download_in_shift_jis_is_read_in_its_names() -> None:
    # Read as cp1252 its columns were '•½‹ϋC‰·(�Ž)'; its quality columns '平均気温(℃).1', said as names to correct.
    lines = ["ダウンロードした時刻：2024/01/05 10:00:00", "", ",東京,東京,東京,東京,東京,東京",
             "年月日,平均気温(℃),平均気温(℃),平均気温(℃),降水量の合計(mm),降水量の合計(mm),降水量の合計(mm)",
             ",,品質情報,均質番号,,品質情報,均質番号"]
    days = pd.date_range("2022-01-01", periods=400)
    lines += [f"{day.year}/{day.month}/{day.day},{10 + 8 * np.sin(k / 58):.1f},8,1,{k % 7 * 1.5},8,1"
              for k, day in enumerate(days)]
    series = load_series(("\r\n".join(lines) + "\r\n").encode("cp932"), "data.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("年月日", "平均気温(℃)", 400)
    assert "平均気温(℃) 品質情報" in series.numeric_columns and "降水量の合計(mm) 均質番号" in series.numeric_columns
    assert not any(notice.key == "notice.renamed_columns" for notice in series.report.notices)


def test_a_bookings_from_date_joins_its_from_time_and_times_of_day_name_no_groups() -> None:
    # LibCal: 'From Date','From Time','To Date','To Time' (12-hour clock); no pair was joined, 'To Time' named groups
    rng = np.random.default_rng(4)
    rows = []
    for day in pd.date_range("2024-01-08", periods=90):
        for hour in sorted(rng.choice(np.arange(8, 21), int(rng.integers(1, 8)), replace=False)):
            start = pd.Timestamp(day) + pd.Timedelta(hours=int(hour))
            end = start + pd.Timedelta(hours=1)
            rows.append(f"Room {rng.integers(101, 104)},{start:%Y-%m-%d},{start:%-I:%M}{start:%p}".lower()
                        + f",{end:%Y-%m-%d},{end:%-I:%M}{end:%p}".lower())
    text = "Item,From Date,From Time,To Date,To Time\n" + "\n".join(rows).replace("room", "Room") + "\n"
    series = load_series(text.encode(), "bookings.csv", LoadOptions(per="day", duplicates="count"))
    assert series.date_col == "From Date From Time" and len(series.frame) == 90
    assert series.frame["y"].sum() == len(rows)
    said = [str(notice.params.get("column")) for notice in series.report.notices
            if notice.key == "notice.per_period_groups"]
    assert said == ["Item"]


def test_a_fiscal_year_column_beside_dates_names_no_groups_when_rows_are_combined() -> None:
    rng = np.random.default_rng(6)  # a grant log: 'Fiscal Year' was offered as the series id of three groups
    days = pd.Timestamp("2019-07-01") + pd.to_timedelta(np.cumsum(rng.choice([0, 1, 2, 3, 5], 400)), unit="D")
    rows = [f"FY{day.year + (day.month >= 7)},{day:%m/%d/%Y},{program},{rng.integers(5, 200) * 500}"
            for day, program in zip(days, rng.choice(["Arts", "Health", "Education"], 400))]
    text = "Fiscal Year,Award Date,Program,Amount\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "grants.csv", LoadOptions(per="month", duplicates="sum"))
    said = [str(notice.params.get("column")) for notice in series.report.notices
            if notice.key == "notice.per_period_groups"]
    assert said == ["Program"]


def _libre_view(stamp: str) -> str:
    """A LibreView export: historic readings every 15 minutes (record type 0), scans between them (type 1)."""
    lines = ["Jane Doe,Generated on,01-15-2024 10:26 AM",
             "Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mg/dL,Scan Glucose mg/dL,Notes"]
    for k, when in enumerate(pd.date_range("2024-01-01 00:11", periods=4 * 96, freq="15min")):
        level = int(130 + 45 * np.sin(2 * np.pi * (when.hour + when.minute / 60 - 6) / 24)) + k % 7
        lines.append(f"FreeStyle LibreLink,1D7C,{when.strftime(stamp)},0,{level},,")
        if k % 3 == 0:
            scanned = when + pd.Timedelta(minutes=4)
            lines.append(f"FreeStyle LibreLink,1D7C,{scanned.strftime(stamp)},1,,{level + 2},")
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize("stamp", ["%m-%d-%Y %I:%M %p", "%m-%d-%Y %H:%M"])
def test_a_libreview_exports_scans_between_its_readings_are_left_out_not_filled(stamp: str) -> None:
    # '01-01-2024 12:11 AM' was no date; the scans made the series every 10 minutes, 384 of them filled as readings
    series = load_series(_libre_view(stamp).encode(), "glucose.csv")
    assert (series.date_col, series.target) == ("Device Timestamp", "Historic Glucose mg/dL")
    assert series.frequency.name == "every 15 minutes" and len(series.frame) == 4 * 96
    assert series.report.missing_filled == 0 and series.report.gaps == 0
    assert any(notice.key == "notice.rows_between_readings" for notice in series.report.notices)


def test_a_reading_missing_from_its_step_is_still_filled_and_a_dexcom_event_is_no_target() -> None:
    lines = ["Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mg/dL),Insulin Value (u)"]
    rows = []
    for k, when in enumerate(pd.date_range("2024-01-01 00:03:42", periods=2 * 288, freq="5min")):
        rows.append((when, f"EGV,{'' if k == 100 else 120 + k % 40},"))
        if k % 96 == 10:  # insulin between two readings: Dexcom's own row, no reading
            rows.append((when + pd.Timedelta(minutes=2), "Insulin,,4.5"))
    lines += [f"{k},{when:%Y-%m-%dT%H:%M:%S},{row}" for k, (when, row) in enumerate(sorted(rows), 1)]
    series = load_series(("\r\n".join(lines) + "\r\n").encode(), "clarity.csv")
    assert series.target == "Glucose Value (mg/dL)"  # 'Insulin Value (u)' was taken as the target still to come
    assert len(series.frame) == 2 * 288 and series.report.missing_filled == 1  # the reading missing at step 100


def test_measures_with_units_named_with_time_or_data_words_are_read() -> None:
    # 'Ping Time' in msec and a bill's 'Data Used' in GB were refused as text ('data' is a date in Portuguese)
    ping = "Date Time,Ping Time\n" + "".join(f"2024-01-01 {h:02d}:00:00,{12 + h % 5} msec\n" for h in range(24))
    series = load_series(ping.encode(), "ping.csv")
    assert series.target == "Ping Time" and series.frame["y"].iloc[1] == 13
    bill = "Bill Date,Data Used\n" + "".join(f"{2022 + k // 12}-{k % 12 + 1:02d}-15,{1.4 + k / 20:.2f} GB\n"
                                             for k in range(24))
    assert load_series(bill.encode(), "bill.csv").frame["y"].iloc[0] == pytest.approx(1.4)
    rates = "Time,ge-0/0/0 in\n" + "".join(f"2024-03-01 {h:02d}:00:00," + ("1.02 Gb/s" if h == 20 else f"{800 + h} Mb/s")
                                           + "\n" for h in range(24))
    series = load_series(rates.encode(), "grafana.csv")  # refused: 'not numeric', 100% of its cells
    assert series.frame["y"].iloc[20] == pytest.approx(1020) and series.frame["y"].iloc[0] == 800


@pytest.mark.parametrize("month", ["%Y-%m", "%b-%y", "%m/%d/%Y", "%B %Y"])
def test_a_fiscal_year_beside_a_month_of_whole_dates_is_dated_by_the_dates(month: str) -> None:
    # a court's 'Fiscal Year,Month' with 'FY 2023' beside '2022-10': IndexError in _fiscal_first_month
    rows = [f"FY {2023 + k // 12},{(pd.Timestamp('2022-10-01') + pd.DateOffset(months=k)).strftime(month)},{4000 + k}"
            for k in range(24)]
    series = load_series(("Fiscal Year,Month,Filings\n" + "\n".join(rows) + "\n").encode(), "filings.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 24
    assert series.frame["ds"].iloc[0].strftime("%Y-%m") == "2022-10"


def test_a_figure_starred_as_revised_is_read_as_the_number_in_a_wide_table_too(tmp_path: Path) -> None:
    # '988' beside '1,137*' in a row: TypeError (cannot safely cast non-equivalent object to int64)
    years = ",".join(f"FY {year}" for year in range(2009, 2024))
    text = (f"District,{years}\nCentral,\"1,036\",988," + ",".join(f'"1,{k:03d}"' for k in range(40, 52))
            + ',"1,137*"\nAlaska,' + ",".join(f'"1,{k:03d}"' for k in range(700, 715)) + "\n")
    from core.panel.split import plan_layout, read_raw, split_series
    from core.data.tidy import LoadOptions as Options

    path = tmp_path / "filings.csv"
    path.write_text(text)
    raw, exact = read_raw(path)
    tasks, _ = split_series(raw, plan_layout(raw, Options(), None, None, exact=exact))
    central = next(task for task in tasks if task.unique_id == "Central").load()
    assert central.frame["y"].iloc[-1] == 1137 and central.frame["y"].iloc[1] == 988
    assert any(notice.key == "notice.flagged_numbers" for notice in central.report.notices)


def test_a_day_of_year_on_one_row_a_year_is_the_value_not_part_of_the_date() -> None:
    # phenology: 'Year,DOY' was read as one date column, 'No numeric column to forecast'
    rng = np.random.default_rng(1)
    text = "Year,DOY\n" + "".join(f"{year},{int(128 - 0.15 * (year - 1970) + rng.normal(0, 6))}\n"
                                  for year in range(1970, 2024))
    series = load_series(text.encode(), "flowering.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("Year", "DOY", "yearly")
    daily = "Year,DOY,Temp\n" + "".join(f"{2020 + d // 366},{d % 366 + 1},{d % 9}\n" for d in range(366 + 365))
    assert load_series(daily.encode(), "temps.csv").frequency.name == "daily"  # days of each year: dates


def test_an_ebird_export_is_dated_by_its_observations_and_its_x_counts_are_said() -> None:
    # 'LAST EDITED DATE' was the time column; 'X' (seen, not counted) made 'Count' text: 'Taxonomic Order' forecast
    rng = np.random.default_rng(3)
    days = pd.date_range("2019-01-01", periods=500)
    rows = [f"S{k},American Robin,27186,{'X' if k % 12 == 5 else rng.integers(1, 30)},{day:%Y-%m-%d},"
            f"{day + pd.Timedelta(days=int(rng.integers(0, 400))):%Y-%m-%d %H:%M:%S}" for k, day in enumerate(days)]
    header = "Submission ID,Common Name,Taxonomic Order,Count,Observation Date,Last Edited Date"
    text = header + "\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "MyEBirdData.csv")
    assert (series.date_col, series.target) == ("Observation Date", "Count")
    assert any(notice.key == "notice.marker_words" and "'X'" in str(notice.params["examples"])
               for notice in series.report.notices)


def test_a_cloud_bill_forecasts_its_cost_and_its_total_not_a_usage_or_a_service_named_load() -> None:
    days = pd.date_range("2024-01-01", periods=120)
    rows = []
    for k, day in enumerate(days):  # Cost Explorer: 'Elastic Load Balancing($)' was forecast for its word 'load'
        ec2, elb, s3 = 400 + 2 * k + 40 * (day.weekday() < 5), 18 + k * 0.05, 60 + (k * 7) % 5
        tax = round(0.08 * 30 * ec2, 2) if day.day == 1 else ""
        rows.append(f"{day:%Y-%m-%d},{ec2:.2f},{elb:.2f},{s3:.2f},60.00,{tax},{ec2 + elb + s3 + 60 + (tax or 0):.2f}")
    header = "Service,EC2-Instances($),Elastic Load Balancing($),S3($),Savings Plans($),Tax($),Total costs($)"
    assert load_series((header + "\n" + "\n".join(rows) + "\n").encode(), "costs.csv").target == "Total costs($)"
    usage = "Usage start date,Usage amount,Usage unit,Cost ($)\n" + "".join(
        f"{day:%Y-%m-%d},{150 + k % 7 * 20},gibibyte,{(150 + k % 7 * 20) * 0.12:.2f}\n" for k, day in enumerate(days))
    assert load_series(usage.encode(), "gcp.csv").target == "Cost ($)"  # 'Usage amount' was forecast
    order = "Date,Quantity,Unit Cost\n" + "".join(f"{day:%Y-%m-%d},{5 + k % 9},{2.5 + k % 3}\n"
                                                  for k, day in enumerate(days))
    assert load_series(order.encode(), "orders.csv").target == "Quantity"  # a price per unit is no bill


def test_a_sales_discount_refund_or_tip_gives_way_to_its_plain_amount_or_total() -> None:
    days = pd.date_range("2024-01-01", periods=60)
    toast = "Opened,Discount Amount,Amount,Tax,Tip,Total\n" + "".join(  # Toast's OrderDetails: its discount was
        f"{day:%Y-%m-%d},{k % 3:.2f},{50 + k % 9:.2f},4.00,{5 + k % 4:.2f},{59 + k % 9 + k % 4:.2f}\n"  # forecast
        for k, day in enumerate(days))
    assert load_series(toast.encode(), "toast.csv").target == "Amount"
    clover = "Order Date,Tip,Order Total,Payments Total,Refunds Total\n" + "".join(  # Clover's Orders: its refunds
        f"{day:%Y-%m-%d},{3 + k % 4:.2f},{40 + k % 11:.2f},{40 + k % 11:.2f},{(k % 5 == 0) * 5:.2f}\n"
        for k, day in enumerate(days))
    assert load_series(clover.encode(), "clover.csv").target == "Order Total"
    from core.data.tidy import _sale_before_its_parts  # Uber Eats' sales without tax are the sale, no tax
    assert _sale_before_its_parts(["Sales (excl. tax)", "Total payout"]) == ["Sales (excl. tax)", "Total payout"]
    tips = "Date,Tip Amount,Hours\n" + "".join(f"{day:%Y-%m-%d},{20 + k % 7},{6 + k % 3}\n"  # a tip log keeps tips
                                                 for k, day in enumerate(days))
    assert load_series(tips.encode(), "tips.csv").target == "Tip Amount"


def test_a_net_figure_is_forecast_before_its_gross_or_plain_twin() -> None:
    days = pd.date_range("2024-01-01", periods=60)
    shopify = "Day,Orders,Gross sales,Discounts,Returns,Net sales,Taxes,Total sales\n" + "".join(  # 'Gross sales' was
        f"{day:%Y-%m-%d},{3 + k % 4},{150 + k % 9:.2f},-5.00,{-(k % 3):.2f},{145 + k % 9 - k % 3:.2f},9.00,"  # forecast
        f"{154 + k % 9 - k % 3:.2f}\n" for k, day in enumerate(days))
    assert load_series(shopify.encode(), "sales_over_time.csv").target == "Net sales"
    kdp = "Royalty Date,Units Sold,Units Refunded,Net Units Sold,Royalty\n" + "".join(  # KDP: its 'Units Sold' was
        f"{day:%Y-%m-%d},{5 + k % 7},{k % 5 == 0:d},{5 + k % 7 - (k % 5 == 0)},{(5 + k % 7) * 3.49:.2f}\n"
        for k, day in enumerate(days))
    assert load_series(kdp.encode(), "kdp.csv").target == "Net Units Sold"


@pytest.mark.parametrize(("with_tax", "without_tax", "tax"), [
    ("Totaal incl. btw", "Totaal excl. btw", "Btw"), ("Total TTC", "Total HT", "TVA"),
    ("Umsatz inkl. MwSt", "Umsatz ohne MwSt", "MwSt")])
def test_a_turnover_without_its_tax_is_forecast_before_the_total_with_it(with_tax: str, without_tax: str,
                                                                         tax: str) -> None:
    # Lightspeed NL's receipts: 'Totaal incl. btw', the sum of the others, was forecast
    text = f"Datum,{with_tax},{tax},{without_tax}\n" + "".join(
        f"{day:%Y-%m-%d},{(80 + k % 9) * 1.09:.2f},{(80 + k % 9) * 0.09:.2f},{80 + k % 9:.2f}\n"
        for k, day in enumerate(pd.date_range("2024-01-01", periods=60)))
    assert load_series(text.encode(), "receipts.csv").target == without_tax


def test_an_energy_files_kwh_is_forecast_before_its_cost_demand_wattage_or_duration() -> None:
    days = pd.date_range("2024-01-01", periods=60)
    use = [30 + k % 9 for k in range(60)]
    pge = "DATE,USAGE (kWh),COST\n" + "".join(f"{day:%Y-%m-%d},{kwh},{kwh * 0.31:.2f}\n"  # PG&E: its 'COST' was
                                               for day, kwh in zip(days, use))
    assert load_series(pge.encode(), "pge.csv").target == "USAGE (kWh)"
    bill = "Bill Date,kWh Usage,On-Peak kW Demand,Total Charges\n" + "".join(  # its demand was forecast
        f"{day:%Y-%m-%d},{kwh * 100},{300 + kwh},{kwh * 15:.2f}\n" for day, kwh in zip(days, use))
    assert load_series(bill.encode(), "bills.csv").target == "kWh Usage"
    sense = "DateTime,Avg Wattage,kWh\n" + "".join(f"{day:%Y-%m-%d},{kwh * 41.7:.2f},{kwh}\n"  # Sense: its wattage
                                                   for day, kwh in zip(days, use))
    assert load_series(sense.encode(), "sense.csv").target == "kWh"
    demand = "Date,Peak kW Demand,Cost\n" + "".join(f"{day:%Y-%m-%d},{kwh * 10},{kwh * 15:.2f}\n"  # no energy: kept
                                                     for day, kwh in zip(days, use))
    before = load_series(demand.encode(), "demand.csv").target
    assert before == load_series(demand.replace("Cost", "Cost ($/kWh)").encode(), "d.csv").target == "Peak kW Demand"


def test_a_shops_sales_are_forecast_before_its_sessions_or_page_views() -> None:
    # Amazon's Business Report by child item: its 'Sessions - Total' was forecast ('total' is a strong word)
    text = "Date,Sessions - Total,Page Views - Total,Units Ordered,Ordered Product Sales\n" + "".join(
        f"{day:%Y-%m-%d},{200 + k % 13},{260 + k % 17},{20 + k % 5},{(20 + k % 5) * 24.99:.2f}\n"
        for k, day in enumerate(pd.date_range("2024-01-01", periods=60)))
    assert load_series(text.encode(), "BusinessReport.csv").target == "Ordered Product Sales"
    visits = "Date,Sessions - Total,Page Views - Total,Bounce Rate\n" + "".join(  # a site with no sales keeps them
        f"{day:%Y-%m-%d},{200 + k % 13},{260 + k % 17},{40 + k % 7}\n"
        for k, day in enumerate(pd.date_range("2024-01-01", periods=60)))
    assert load_series(visits.encode(), "ga.csv").target == "Sessions - Total"


def test_a_days_peak_is_its_largest_reading_when_rows_are_combined_by_max() -> None:
    stamps = pd.date_range("2024-01-01", periods=14 * 288, freq="5min")  # busy-hour traffic: the mean was half of it
    load = 4e8 + 4e8 * np.sin(np.pi * (stamps.hour + stamps.minute / 60) / 24) ** 8 + np.arange(len(stamps))
    text = "Date,Inbound\n" + "".join(f"{stamp:%Y-%m-%d %H:%M:%S},{value:.0f}\n" for stamp, value in zip(stamps, load))
    series = load_series(text.encode(), "uplink.csv", LoadOptions(per="day", duplicates="max"))
    daily = pd.Series(load, index=stamps).resample("D").max()
    assert np.allclose(series.frame["y"].to_numpy(), np.round(daily.to_numpy()))
    low = load_series(text.encode(), "uplink.csv", LoadOptions(per="day", duplicates="min"))
    assert (low.frame["y"].to_numpy() < series.frame["y"].to_numpy() / 1.5).all()


def test_blanks_read_as_zero_are_values_to_the_files_last_day() -> None:
    # a monthly charge in a daily bill: interpolated it was 50 a day, and its forecast began inside the history
    days = pd.date_range("2024-01-01", "2024-06-30")
    text = "Service,Route 53($)\n" + "".join(f"{day:%Y-%m-%d},{'50.00' if day.day == 1 else ''}\n" for day in days)
    series = load_series(text.encode(), "bill.csv", LoadOptions(missing="zero"))
    assert len(series.frame) == len(days) and series.frame["ds"].iloc[-1] == days[-1]
    assert series.frame["y"].sum() == 300 and series.report.filled_targets == ()
    assert any(notice.key == "notice.missing_filled" and notice.params["policy"] == "zero"
               for notice in series.report.notices)


def test_earth_science_files_take_their_readings_and_their_modified_julian_days() -> None:
    stamps = pd.date_range("2024-03-01", periods=7 * 240, freq="6min")  # NOAA CO-OPS: 'Predicted (ft)' was forecast
    hours = np.arange(len(stamps)) / 10
    predicted = 3.1 + 2.6 * np.cos(2 * np.pi * hours / 12.42)
    rows = [f"{stamp:%Y/%m/%d},{stamp:%H:%M},{p:.3f},{p + 0.3 * np.sin(h / 30):.3f}"
            for stamp, p, h in zip(stamps, predicted, hours)]
    tides = "Date,Time (GMT),Predicted (ft),Preliminary (ft)\n" + "\n".join(rows) + "\n"
    assert load_series(tides.encode(), "CO-OPS.csv").target == "Preliminary (ft)"
    gnss = "MJD,up_mm\n" + "".join(f"{58484 + k},{k % 7}\n" for k in range(60))  # 2060-02-13 as Excel days
    series = load_series(gnss.encode(), "P101.csv")
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2019-01-01") and series.frequency.name == "daily"
    quakes = "time,latitude,longitude,depth,mag\n" + "".join(
        f"2024-01-{1 + k // 24:02d}T{k % 24:02d}:10:09.476Z,38.{k},-122.{k},{5 + k % 9}.2,{1 + k % 5}.{k % 10}\n"
        for k in range(24 * 20))
    assert load_series(quakes.encode(), "query.csv").target == "mag"  # 'depth' was forecast


def test_a_weekly_target_beside_daily_prices_and_rain_tips_between_readings_keep_their_reading() -> None:
    days = pd.date_range("2024-01-01", periods=140)
    weekly = "Date,Price,Sales\n" + "".join(f"{day:%Y-%m-%d},{2 + k % 5 / 10:.2f},"
                                            + (f"{100 + k}" if k % 7 == 6 and k < 126 else "") + "\n"
                                            for k, day in enumerate(days))
    series = load_series(weekly.encode(), "weekly.csv")  # 'Price' was forecast once 'Sales' filled a seventh of rows
    assert (series.target, series.frequency.name) == ("Sales", "weekly")
    rows = [(stamp, f"{18 + k % 6}.5", "") for k, stamp in enumerate(pd.date_range("2024-06-01", periods=720,
                                                                                freq="10min"))]
    rows += [(pd.Timestamp("2024-06-01 00:03") + pd.Timedelta(minutes=97 * k), "", "0.2") for k in range(60)]
    station = "Timestamp,Temperature (C),Rain (mm)\n" + "".join(f"{stamp:%Y-%m-%d %H:%M:%S},{t},{r}\n"
                                                              for stamp, t, r in sorted(rows))
    series = load_series(station.encode(), "station.csv", LoadOptions(target="Temperature (C)",
                                                                     regressors=("Rain (mm)",)))
    assert len(series.frame) > 770  # the rain's rows were dropped as other records: the regressor was all blank


def test_rows_combined_per_week_are_weekly_with_weeks_missing_between_them() -> None:
    rng = np.random.default_rng(3)  # a volcano's SO2 surveys on irregular days: read 'semi-monthly' after --per week
    days = pd.Timestamp("2021-01-04") + pd.to_timedelta(np.cumsum(rng.choice([1, 3, 7, 10, 14, 21, 30], 90)), unit="D")
    text = "Date,SO2 (t/d)\n" + "".join(f"{day:%m/%d/%Y},{rng.integers(400, 6000)}\n" for day in days)
    series = load_series(text.encode(), "so2.csv", LoadOptions(per="week"))
    assert series.frequency.name == "weekly" and (series.frame["ds"].dt.weekday == 0).all()
    assert future_dates(series.frame["ds"].iloc[-1], series.frequency, 2).dt.weekday.tolist() == [0, 0]


def test_logistics_exports_take_their_grand_total_and_join_a_plain_time_to_their_date() -> None:
    rows = ["Month,Loaded Imports,Empty Imports,Total Imports,Loaded Exports,Empty Exports,Total Exports,Total TEUs"]
    for k, month in enumerate(pd.date_range("2015-01-01", periods=48, freq="MS")):  # 'Total Imports' was forecast
        li, ei, le, ee = 300000 + k * 900, 12000 + k % 12 * 50, 90000 + k % 12 * 700, 190000 + (k * 7919) % 30000
        rows.append(f"{month:%b %Y},{li},{ei},{li + ei},{le},{ee},{le + ee},{li + ei + le + ee}")
    assert load_series(("\n".join(rows) + "\n").encode(), "la.csv").target == "Total TEUs"
    rng = np.random.default_rng(5)  # a fuel card's 'Transaction Date' beside 'Time': every hour read as midnight
    lines = [f"02/{day:02d}/2024,{hour % 12 or 12}:{rng.integers(0, 60):02d} {'AM' if hour < 12 else 'PM'},"
             f"{rng.uniform(15, 40):.3f}" for day in range(1, 29)
             for hour in sorted(rng.choice(range(5, 20), 6, False))]
    series = load_series(("Transaction Date,Time,Gallons\n" + "\n".join(lines) + "\n").encode(), "fuel.csv",
                         LoadOptions(per="hour", duplicates="sum"))
    assert series.date_col == "Transaction Date Time" and (series.frame["ds"].dt.hour != 0).any()


def test_survey_exports_keep_a_question_over_two_lines_and_forecast_its_answers() -> None:
    rng = np.random.default_rng(1)  # Qualtrics: a question's line break made its ImportId row the header
    stamps = pd.Timestamp("2024-01-02 08:00") + pd.to_timedelta(np.cumsum(rng.integers(20, 400, 400)), unit="min")
    lines = ['StartDate,EndDate,Q1', 'Start Date,End Date,"How likely are you to recommend us?\n(0 = not at all, '
             '10 = extremely)"',
             '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""QID1""}"']
    lines += [f"{stamp:%Y-%m-%d %H:%M:%S},{stamp + pd.Timedelta(minutes=9):%Y-%m-%d %H:%M:%S},{rng.integers(0, 11)}"
              for stamp in stamps]
    series = load_series(("\n".join(lines) + "\n").encode(), "survey.csv", LoadOptions(per="week"))
    assert (series.date_col, series.target, series.frequency.name) == ("StartDate", "Q1", "weekly")
    monkey = ['Respondent ID,Collector ID,Start Date,"How likely is it that you would recommend us\nto a friend?"',
              ",,,Response"] + [f"{114000000 + 17 * k},431234567,{stamp:%m/%d/%Y %I:%M:%S %p},{rng.integers(0, 11)}"
                                for k, stamp in enumerate(stamps)]
    series = load_series(("\n".join(monkey) + "\n").encode(), "monkey.csv")  # 'Respondent ID' was forecast
    assert series.date_col == "Start Date" and series.target.startswith("How likely")


def test_monitoring_exports_are_timed_by_their_clock_and_not_forecast_as_their_epochs() -> None:
    clock = 1704067200 + 60 * np.arange(600) + np.tile([0, 1, 0, -1], 150)  # Zabbix: 'clock' seconds, a poll's drift
    history = "itemid,clock,value,ns\n" + "".join(f"28531,{c},{4e8 + (c % 86400) * 1e3:.0f},144272509\n"
                                                  for c in clock)
    series = load_series(history.encode(), "history.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("clock", "value", "minutely")
    stamps = pd.to_datetime(clock, unit="s")
    plain = "".join(f"{stamp:%Y-%m-%d %H:%M:%S}\t{c}\t{248543452 + k % 97 * 1000}\n"
                    for k, (stamp, c) in enumerate(zip(stamps, clock)))
    assert load_series(plain.encode(), "plain.txt").target == "column 3"  # the epoch, 'column 2', was forecast
    weeks = "isoYearIsoWeek,sessions\n" + "".join(f"{2021 + k // 52}{k % 52 + 1:02d},{800 + k % 9}\n"
                                                  for k in range(104))
    assert load_series(weeks.encode(), "ga4.csv").frequency.name == "weekly"  # GA4's weeks were forecast as steps


def test_footnotes_numbered_without_a_mark_below_a_yearly_table_are_notes() -> None:
    rows = "".join(f'{year},"{1350000 - 9000 * k:,}",{460 - 4.1 * k:.1f}\n'
                   for k, year in enumerate(range(2004, 2024)))
    notes = ("1 Populations are U.S. Census Bureau provisional estimates as of July 1 for each year.\n"
             "2 The violent crime figures include the offenses of murder, rape, robbery, and aggravated assault.\n")
    series = load_series(("Year,Violent crime,Violent crime rate\n" + rows + notes).encode(), "ucr.csv")
    assert series.frequency.name == "yearly" and len(series.frame) == 20  # the years were steps
    assert any(notice.key == "notice.footnotes" for notice in series.report.notices)


def test_readings_whose_clock_restarts_with_each_sensor_are_no_event_log() -> None:
    rng = np.random.default_rng(1)  # a CGM's 5-minute readings, each sensor's clock from its own start
    starts = ["2024-01-01 00:03:42", "2024-01-11 02:05:10", "2024-01-21 04:01:55"]
    stamps = [stamp for start in starts for stamp in pd.date_range(start, periods=10 * 288 - 24, freq="5min")]
    text = "Timestamp,Glucose\n" + "".join(f"{stamp:%Y-%m-%dT%H:%M:%S},{int(130 + rng.normal(0, 6))}\n"
                                           for stamp in stamps)
    series = load_series(text.encode(), "clarity.csv")
    assert series.frequency.name == "every 5 minutes" and series.report.irregular_rows == 0  # 5,712 rows 'between'


def test_from_the_review_of_253fcb8_targets_dates_and_encodings_as_before() -> None:
    days = pd.date_range("2024-01-01", periods=84)
    rng = np.random.default_rng(1)
    weekly_price = "Date,Sales,Price\n" + "".join(
        f"{day:%Y-%m-%d},{rng.integers(50, 90)}," + (f"{rng.uniform(9, 11):.2f}" if day.weekday() == 0 else "") + "\n"
        for day in days)
    assert load_series(weekly_price.encode(), "sales.csv").target == "Sales"  # Monday's price was the target
    inch = "Sales report: 55\" TVs\nStore 12\n\nDate,Units,Revenue\n" + "".join(
        f"{day:%Y-%m-%d},{k % 7 + 1},{(k % 7 + 1) * 499}\n" for k, day in enumerate(days[:40]))
    assert len(load_series(inch.encode(), "tvs.csv").frame) == 40  # the lone quote glued the lines: refused
    for header, target in (("Datum;Base;Peak", "Base"), ("Date;Calls;Staff", "Calls"),
                           ("Date;Quantity;Amount;Shipping cost", "Quantity"),
                           ("Date;Water Used (ML);Discharge (ML/d)", "Water Used (ML)")):
        price = ".25" if header.startswith("Datum") else ""  # a baseload price; whole, 'Base' is a poll's sample
        rows = "".join(f"{day:%Y-%m-%d};{11 + k % 9}{price};{3 + k % 3}" + (";4.99" if header.count(";") == 3 else "")
                       + "\n" for k, day in enumerate(days))
        assert load_series((header + "\n" + rows).encode(), "f.csv").target == target, header
    months = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
              "październik", "listopad", "grudzień"]
    polish = "Okres;Sprzedaż\n" + "".join(f"{month} {year};{100 + k}\n" for year in (2021, 2022)
                                          for k, month in enumerate(months))
    assert load_series(polish.encode("cp1250"), "pl.csv").frequency.name == "monthly"
    japanese = "month,value\n" + "".join(f"{year}年{month}月,{100 + month}\n" for year in (2021, 2022)
                                         for month in range(1, 13))
    assert load_series(japanese.encode("shift_jis"), "ja.csv").frequency.name == "monthly"
    runs = "Workout Date,Distance (km),Time\n" + "".join(f"{day:%Y-%m-%d},10,0:{50 + k % 9}:1{k % 10}\n"
                                                         for k, day in enumerate(days[:40]))
    assert load_series(runs.encode(), "runs.csv").date_col == "Workout Date"  # a run's time is no time of day
    station = "Date,Time,Temp\n" + "".join(f"{day:%Y-%m-%d},{hour * 100:04d},{10 + hour % 5}\n"
                                           for day in days[:20] for hour in range(24))
    assert load_series(station.encode(), "station.csv").frequency.name == "hourly"  # 24 series or one a day


def test_a_holiday_column_of_ones_and_blanks_is_a_flag_with_zeros_between() -> None:
    days = pd.date_range("2023-01-01", periods=120)  # interpolated, 'Holiday' was 1 every day and left out
    holidays = {pd.Timestamp("2023-01-01"), pd.Timestamp("2023-01-16"), pd.Timestamp("2023-02-20")}
    text = "Date,Attendance,Holiday,Price\n" + "".join(
        f"{day:%m/%d/%Y},{600 + 900 * (day in holidays) + k % 7},{'1' if day in holidays else ''},"
        f"{'' if k % 10 == 3 else '9.99'}\n" for k, day in enumerate(days))
    series = load_series(text.encode(), "gate.csv", LoadOptions(regressors=("Holiday", "Price")))
    assert series.frame["Holiday"].sum() == 3 and (series.frame["Price"] == 9.99).all()  # a price's blank: filled
    assert any(notice.key == "notice.flag_blanks" for notice in series.report.notices)


def test_a_total_named_by_what_it_sums_below_a_short_table_is_a_summary_row() -> None:
    weeks = pd.date_range("2023-07-02", periods=13, freq="W-SUN")  # 'Season Total' made the dates steps, and was
    text = "Week Ending,Weekly Total\n" + "".join(f'{week:%-m/%-d/%y},"${990 + k * 17:,.2f}"\n'  # forecast next
                                                  for k, week in enumerate(weeks)) + 'Season Total,"$15,275.21"\n'
    series = load_series(text.encode(), "donations.csv")
    assert series.frequency.name == "weekly" and len(series.frame) == 13
    assert any(notice.key == "notice.summary_rows" for notice in series.report.notices)


def test_weights_with_their_unit_beside_a_confidential_month_are_read() -> None:
    months = pd.date_range("2016-01-01", periods=60, freq="MS")  # refused: 'holds text, not numbers ('2,103 kg')'
    text = "Month,Species,Landed weight\n" + "".join(
        f"{month:%Y-%m},Lemon Sole," + ("Confidential" if k % 11 == 5 else f'"{2000 + k * 13:,} kg"') + "\n"
        for k, month in enumerate(months))
    series = load_series(text.encode(), "landings.csv")
    assert series.target == "Landed weight" and series.frame["y"].iloc[0] == 2000
    assert any(notice.key == "notice.marker_words" for notice in series.report.notices)


def test_from_the_review_of_6114344_times_answers_samples_and_quotes() -> None:
    rng = np.random.default_rng(0)
    days = pd.date_range("2024-01-01", periods=120)
    runs = "Date,Distance,Time\n" + "".join(f"{day:%Y-%m-%d},{rng.uniform(4, 12):.2f},{rng.uniform(20, 70):.2f}\n"
                                             for day in days)
    assert load_series(runs.encode(), "runs.csv").date_col == "Date"  # minutes 50.24 beside a date: TypeError
    survey = "Date,Respondent ID,Food,Service\n" + "".join(f"{day:%Y-%m-%d},{100000 + 7 * k},{rng.integers(1, 6)},"
                                                           f"{rng.integers(1, 6)}\n" for k, day in enumerate(days))
    assert load_series(survey.encode(), "survey.csv").target == "Food"  # 'Respondent ID' was forecast
    poll = "Fieldwork end,Base,Con,Lab\n" + "".join(
        f"{day:%Y-%m-%d},{rng.integers(1600, 2300)},{rng.integers(24, 31)},{rng.integers(42, 49)}\n" for day in days[::7])
    assert load_series(poll.encode(), "poll.csv").target == "Con"  # a poll's 'Base' is its sample size
    comments = ['bought the 55" TV' if k == 5 else "ok" for k in range(len(days))]
    feedback = 'Date,"How likely are you to recommend us?\n(0 = not at all, 10 = extremely)",Units sold,Comment\n' + \
        "".join(f"{day:%Y-%m-%d},{k % 11},{20 + k % 40},{comments[k]}\n" for k, day in enumerate(days))
    assert load_series(feedback.encode(), "feedback.csv").date_col == "Date"  # the lone inch split the header
    fuel = "Transaction Date,Time,Gallons\n" + "".join(
        f"{day:%m/%d/%Y},{rng.integers(6, 20):02d}:{rng.integers(0, 60):02d},{rng.uniform(8, 20):.3f}\n"
        for day in days[::2])
    assert load_series(fuel.encode(), "fuel.csv").date_col == "Transaction Date Time"  # a fill-up's time of day


def test_a_cost_reports_running_total_to_date_is_not_its_series() -> None:
    # 'Total to date' beside 'Cost This Period' was forecast, its forecast half the last value
    costs = [1000 + 37 * (k % 5) for k in range(24)]
    months = pd.date_range("2022-07-31", periods=24, freq="ME").strftime("%Y-%m-%d")
    lines = [f"{day},{cost},{sum(costs[:k + 1])}" for k, (day, cost) in enumerate(zip(months, costs))]
    series = load_series("\n".join(["Period End,Cost This Period,Total to date", *lines]).encode(), "cost.csv")
    assert series.target == "Cost This Period" and series.frame["y"].tolist() == costs


def test_a_cost_reports_months_across_before_four_columns_of_totals_are_its_series() -> None:
    # four columns after the months (to date, to complete, final cost, variance): 8 'steps' of the totals
    months = [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 7)]
    after = ",Total to date,Cost to Complete,Forecast Final Cost,Variance\n"
    text = "Cost Code,Description," + ",".join(months) + after
    text += "".join(f"0{k}-100,Item {k}," + ",".join(str(1000 * k + i) for i in range(18)) + ",1,2,3,4\n"
                    for k in range(1, 5))
    raw = read_table(text.encode(), "report.csv")
    assert len(raw) == 4 * 18 and raw["period"].iloc[-1] == "2024-06"
    assert raw.attrs["dates_across"]["left"] == "Total to date, Cost to Complete, Forecast Final Cost, Variance"
    few = "Item," + ",".join(months[:9]) + ",Total to date,To Complete,Final Cost,Variance,Notes\nA,"  # under twice
    assert "dates_across" not in read_table((few + ",".join(["1"] * 14) + "\n").encode(), "x.csv").attrs


def test_a_workbooks_date_headers_across_are_said_as_days() -> None:
    # months across as Excel date cells were said as '2022-01-01 00:00:00' to '2024-06-01 00:00:00'
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    months = pd.date_range("2022-01-01", periods=12, freq="MS")
    sheet.append(["Title", *[day.to_pydatetime() for day in months]])
    for k, title in enumerate(["The Salt Road", "Winter of Crows"]):
        sheet.append([title, *[10 * k + i for i in range(12)]])
    workbook = io.BytesIO()
    book.save(workbook)
    raw = read_table(workbook.getvalue(), "sales.xlsx")
    assert raw.attrs["dates_across"]["first"] == "2022-01-01" and raw.attrs["dates_across"]["last"] == "2022-12-01"


def test_sales_alike_in_a_log_of_a_row_a_sale_are_each_counted() -> None:
    # a store's log of a row per sale, no order id: equal sales of a title in a store on a day were dropped as copies
    rng = np.random.default_rng(19)
    rows = [f"{day:%Y-%m-%d},{title},{store},4.99,1\n" for day in pd.date_range("2022-01-01", "2022-12-31")
            for title in ("Salt", "Crows") for store in ("Kobo", "Apple", "Nook") for _ in range(rng.poisson(0.4))]
    text = ("Sale Date,Title,Store,List Price,Units\n" + "".join(rows)).encode()
    for policy in ("sum", "count"):
        series = load_series(text, "sales.csv", LoadOptions(target="Units", per="month", duplicates=policy))
        assert series.frame["y"].sum() == len(rows), policy
        assert any(notice.key == "notice.copies_counted" for notice in series.report.notices)
    table = "Date,Store,Dept,Sales\n" + "".join(f"{day:%Y-%m-%d},{s},{d},{s * d}\n" for day in pd.date_range(
        "2022-01-01", periods=30) for s in (1, 2) for d in (1, 2, 3))  # a table of a row a day, store and dept ...
    twice = load_series((table + table.split("\n", 1)[1]).encode(), "t.csv", LoadOptions(
        target="Sales", per="day", duplicates="sum"))  # ... exported twice: copies
    assert twice.frame["y"].iloc[0] == 1 + 2 + 3 + 2 + 4 + 6


def test_a_daily_count_of_the_days_with_a_sale_says_the_other_days_may_be_none() -> None:
    # a book's daily units, only days with a sale: filled between sales, forecast at three times its level, unsaid
    days = pd.date_range("2023-07-01", "2024-06-30")
    units = np.random.default_rng(1).poisson(0.3, len(days))
    text = "Date,Net Units Sold\n" + "".join(f"{day:%Y-%m-%d},{n}\n" for day, n in zip(days, units) if n)
    series = load_series(text.encode(), "kdp.csv")
    assert series.report.days_of_none and series.report.gaps > 0
    from core.panel.run import _gaps_effect

    assert "use --per day --duplicates sum: those days are then 0" in _gaps_effect(series.report, "--fill-gaps")
    readings = "Date,Glucose\n" + "".join(f"{day:%Y-%m-%d},{100 + k % 9}\n" for k, day in enumerate(days) if k % 3)
    assert not load_series(readings.encode(), "g.csv").report.days_of_none


def test_a_workbooks_equal_gifts_on_a_day_are_summed_as_its_csvs_are() -> None:
    # the dates of a workbook, at midnight, read as times to the second: its two equal envelopes were one copy
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Date", "Person ID", "Amount", "Fund"])
    days = pd.date_range("2023-01-01", "2023-12-31")
    rng = np.random.default_rng(1)
    rows = [[day.to_pydatetime(), int(rng.integers(1001, 1099)), float(rng.choice([20, 50, 100])), "General"]
            for day in days for _ in range(int(rng.integers(0, 3)))]
    for row in [*rows, rows[40]]:
        sheet.append(row)
    workbook = io.BytesIO()
    book.save(workbook)
    series = load_series(workbook.getvalue(), "gifts.xlsx", LoadOptions(per="month", duplicates="sum"))
    assert series.frame["y"].sum() == sum(row[2] for row in rows) + rows[40][2]


def test_a_monthly_event_on_the_first_saturday_is_monthly() -> None:
    # a food pantry's first Saturdays: 'WOM-1SAT', forecast with no season
    days = [pd.Timestamp(2021, 1, 1) + pd.offsets.WeekOfMonth(week=0, weekday=5) * k for k in range(1, 49)]
    text = "Date,Families Served\n" + "".join(f"{day:%Y-%m-%d},{60 + 40 * (day.month > 10)}\n" for day in days)
    series = load_series(text.encode(), "pantry.csv")
    assert (series.frequency.name, series.frequency.season_length) == ("monthly", 12)
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 3)
    assert all(day.day_of_week == 5 and day.day <= 7 for day in ahead) and ahead.iloc[0].month == 1
    # three months without a distribution: said none missing, the rows read as consecutive months
    gapped = text.replace(f"{days[6]:%Y-%m-%d},", "x").replace(f"{days[8]:%Y-%m-%d},", "x")
    gapped = "\n".join(line for line in gapped.splitlines() if not line.startswith("x"))
    series = load_series(gapped.encode(), "pantry.csv")
    assert (series.frequency.alias, series.report.gaps) == ("WOM-1SAT", 2)


def test_a_rolls_join_date_the_plans_actual_and_a_weighbridges_net_are_chosen() -> None:
    # a membership roll's births were counted; a treasurer's 'Total Budget' and a ticket's 'Gross kg' were forecast
    days = pd.date_range("2015-01-03", periods=120, freq="7D")
    roll = "Breeze ID,Birthdate,Join Date,Status\n" + "".join(
        f"{k},{day - pd.Timedelta(days=9000 + 37 * k):%m/%d/%Y},{day:%m/%d/%Y},Member\n" for k, day in enumerate(days))
    assert load_series(roll.encode(), "roll.csv", LoadOptions(per="month", duplicates="count")).date_col == "Join Date"
    months = pd.date_range("2022-01-01", periods=36, freq="MS")
    plan = "Month,General Budget,General Actual,Building Budget,Building Actual,Total Budget,Total Actual\n" + "".join(
        f"{day:%Y-%m},{44000 + k},{43000 + 7 * k % 500},6000,{5000 + 9 * k % 300},{50000 + k},"
        f"{48000 + 7 * k % 500 + 9 * k % 300}\n" for k, day in enumerate(months))
    assert load_series(plan.encode(), "bva.csv").target == "Total Actual"
    tickets = "Date,Gross kg,Tare kg,Net kg\n" + "".join(
        f"{day:%Y-%m-%d},{12000 + 500 + k * 37 % 900},{12000 + k % 7},{500 + k * 37 % 900 - k % 7}\n"
        for k, day in enumerate(pd.date_range("2024-01-01", periods=60)))
    assert load_series(tickets.encode(), "tickets.csv").target == "Net kg"


def test_months_across_without_a_year_are_refused_with_the_way_to_date_them() -> None:
    # an author's sheet of titles down and Jan..Dec across: 'Only 4 usable rows'
    text = "Title,Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec,Total\n" + "".join(
        f"{title}," + ",".join(str(30 + k * 7 + m) for m in range(12)) + ",999\n"
        for k, title in enumerate(["Salt Road", "Crows", "Lantern", "Salt Road (Audio)"]))
    with pytest.raises(DataError, match="without a year") as caught:
        load_series(text.encode(), "sales.csv")
    assert caught.value.key == "err.months_without_year" and "('Jan 2023')" in str(caught.value)


def test_a_total_of_the_units_beside_their_royalties_is_the_series() -> None:
    # ACX's AL and ALC units and royalties with their totals: 'AL Units' was forecast
    months = pd.date_range("2021-09-01", periods=34, freq="MS")
    lines = [f"{day:%Y-%m},{20 + k % 9},{(20 + k % 9) * 4.37:.2f},{10 + k % 5},{(10 + k % 5) * 2.91:.2f},"
             f"{30 + k % 9 + k % 5},{(20 + k % 9) * 4.37 + (10 + k % 5) * 2.91:.2f}" for k, day in enumerate(months)]
    text = "Month,AL Units,AL Royalty,ALC Units,ALC Royalty,Total Units,Total Royalty\n" + "\n".join(lines)
    assert load_series(text.encode(), "acx.csv").target == "Total Units"


def test_royalties_in_several_currencies_added_together_are_said() -> None:
    # KDP's royalties in USD, GBP, JPY and EUR summed per month without a word
    months = pd.date_range("2022-01-01", periods=30, freq="MS")
    text = "Royalty Date,Marketplace,Royalty,Currency\n" + "".join(
        f"{day:%Y-%m},{market},{amount + k},{code}\n" for k, day in enumerate(months)
        for market, amount, code in (("Amazon.com", 391.2, "USD"), ("Amazon.co.jp", 6370, "JPY")))
    series = load_series(text.encode(), "kdp.csv", LoadOptions(duplicates="sum"))
    said = [str(notice) for notice in series.report.notices if notice.key == "notice.currencies_mixed"]
    assert said == ["The rows combined into each value are in 2 currencies in 'Currency' (JPY, USD): their amounts "
                    "were added as they are. Choose 'Currency' as a Series id (with the others) to forecast each "
                    "currency, or convert the amounts first."]
    one = text.replace("JPY", "USD")
    assert "notice.currencies_mixed" not in [n.key for n in load_series(one.encode(), "k.csv").report.notices]
    # Stripe's 'Converted Amount' in the account's currency beside each charge's own: forecast, and nothing to say
    text = "Created date (UTC),Amount,Currency,Converted Amount\n" + "".join(
        f"{day:%Y-%m-%d},{amount + k:.2f},{code},{49 + k}\n" for k, day in enumerate(months)
        for amount, code in ((49, "usd"), (7000, "jpy")))
    series = load_series(text.encode(), "payments.csv", LoadOptions(duplicates="sum"))
    assert series.target == "Converted Amount" and series.frame["y"].iloc[1] == 100
    assert "notice.currencies_mixed" not in [notice.key for notice in series.report.notices]
    # Etsy's Direct Checkout payments: 'Posted Gross' in the shop's 'Listing Currency' (USD), converted from each
    # buyer's 'Currency': forecast before the 'Gross Amount' as charged, and nothing to say when named
    text = "Order Date,Gross Amount,Posted Gross,Currency,Listing Currency\n" + "".join(
        f"{day:%Y-%m-%d},{amount + k:.2f},{30 + k:.2f},{code},USD\n" for k, day in enumerate(months)
        for amount, code in ((30, "USD"), (24, "GBP"), (4500, "JPY")))
    series = load_series(text.encode(), "etsy.csv", LoadOptions(duplicates="sum"))
    assert series.target == "Posted Gross"
    named = load_series(text.encode(), "etsy.csv", LoadOptions(duplicates="sum", target="Posted Gross"))
    assert "notice.currencies_mixed" not in [notice.key for notice in named.report.notices]
    plain = load_series(text.replace(",USD\n", ",\n").encode(), "etsy.csv", LoadOptions(duplicates="sum"))
    assert plain.target == "Gross Amount"  # 'Posted' alone, with no currency of its own, is no conversion


def test_from_the_review_of_the_month_year_copies_weeks_and_days_of_none_rules() -> None:
    from core.data.parsing import parse_dates

    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    reads = [f"{month} {day}" for month, day in zip(names * 2, [14, 13, 15, 14, 16, 13, 15, 14, 12, 15, 14, 16] * 2)]
    assert parse_dates(pd.Series(reads)) is None  # a meter's read days, a month apart: no years 2012 to 2016
    assert parse_dates(pd.Series([f"{month} 01" for month in names * 2])) is None  # every row in 2001, twice
    stamps = pd.Timestamp("2024-01-01 08:00") + pd.to_timedelta(np.arange(600) * 97, unit="min")
    rows = "".join(f"T{10000 + k},{stamp:%Y-%m-%d %H:%M:%S},{('Open', 'Closed')[k % 2]}\n"
                   for k, stamp in enumerate(stamps))
    twice = load_series(("Ticket,Created,Status\n" + rows + rows).encode(), "t.csv",
                        LoadOptions(per="day", duplicates="count"))
    assert twice.report.duplicate_rows_dropped == 600  # a ticket export appended to itself: counted once
    rng = np.random.default_rng(9)
    table = [f"{day:%Y-%m-%d},SKU-{k:03d},{rng.integers(1, 7)}\n" for day in pd.date_range("2024-01-01", periods=90)
             for k in range(20) if rng.random() < 0.3]
    overlap = [row for row in table if row < "2024-03-16"] + [row for row in table if row >= "2024-03-01"]
    summed = load_series(("Date,SKU,Units\n" + "".join(overlap)).encode(), "k.csv", LoadOptions(per="day",
                                                                                               duplicates="sum"))
    assert summed.frame["y"].sum() == sum(int(row.rsplit(",", 1)[1]) for row in table)  # two exports' overlap: once
    weeks = pd.date_range("2024-01-13", periods=40, freq="7D")
    ending = "Week,Week Ending,Sales\n" + "".join(f"{day:%Y%U},{day:%m/%d/%Y},{100 + k % 9}\n"
                                                   for k, day in enumerate(weeks))
    assert load_series(ending.encode(), "w.csv").date_col == "Week Ending"  # its own dates, not US week numbers
    days = pd.date_range("2024-01-01", periods=120)
    beds = "Date,Occupied Beds\n" + "".join(f"{day:%Y-%m-%d},{2 + k % 28}\n" for k, day in enumerate(days) if k % 17)
    assert not load_series(beds.encode(), "beds.csv").report.days_of_none  # a level with a few reports missing


def test_yearly_tables_pasted_one_under_another_lose_their_titles_and_totals() -> None:
    # each financial year's published table (a title, the header, twelve months, a Total row) pasted under the last:
    # the titles and totals were rows, the time column text (69 steps of 'Total')
    lines = []
    for year in range(2019, 2024):
        lines += [f"Monthly Waste Tonnages {year}-{(year + 1) % 100:02d}", "Month,Residual,Recycling,Total"]
        months = pd.date_range(f"{year}-07-01", periods=12, freq="MS")
        lines += [f"{day:%b-%y},{3400 + k},{1600 + k},{5000 + 2 * k}" for k, day in enumerate(months)]
        lines += [f"Total,{12 * 3400},{12 * 1600},{12 * 5000}", ""]
    series = load_series("\n".join(lines).encode(), "tonnages.csv")
    assert (series.frequency.name, len(series.frame), series.target) == ("monthly", 60, "Total")
    keys = [notice.key for notice in series.report.notices]
    assert "notice.header_copies" in keys and "notice.block_rows" in keys


def test_a_takings_sheets_week_totals_its_closed_days_and_a_log_of_single_boxes() -> None:
    # 'Week Total' rows made the date column unreadable; 'CLOSED' Saturdays were filled unsaid; a stock log's equal
    # lines, a box each, were dropped as copies (203 boxes of 516)
    days = pd.date_range("2024-01-01", "2024-06-30")
    lines, week = [], 0.0
    for k, day in enumerate(days):
        if day.day_of_week < 5:
            lines.append(f"{day:%d/%m/%Y},{3000 + k}")
            week += 3000 + k
        elif day.day_of_week == 5:
            lines.append(f"{day:%d/%m/%Y},CLOSED")
        else:
            lines.append(f"Week Total,{week}")
            week = 0.0
    series = load_series(("Date,Total\n" + "\n".join(lines)).encode(), "takings.csv")
    keys = [notice.key for notice in series.report.notices]
    assert series.frequency.name == "business-daily" and "notice.closed_words" in keys
    assert series.frame["y"].max() < 4000  # no week's total among the days
    rng = np.random.default_rng(2)
    opened = [day for day in days if day.day_of_week < 5 for _ in range(rng.integers(0, 5))]
    boxes = "".join(f"{day:%d/%m/%Y},Nitrile Gloves,GLV-NIT-M,1,box of 100\n" for day in opened)
    log = load_series(("Date,Item,SKU,Qty Used,Unit\n" + boxes).encode(), "gloves.csv",
                      LoadOptions(per="week", duplicates="sum"))
    last = log.frame["ds"].iloc[-1] + pd.Timedelta(days=6)  # the weeks kept (a last one to Friday may be partial)
    assert log.frame["y"].sum() == sum(day <= last for day in opened)
    assert "notice.copies_counted" in [notice.key for notice in log.report.notices]


def test_fees_written_as_money_go_before_minutes_where_no_column_is_named_a_target() -> None:
    # a clinic's appointments: 'Duration (min)' was summed per day, its whole-dollar 'Fee' offered as a regressor
    rng = np.random.default_rng(1)
    rows = [(day, *[(15, "$65.00"), (60, "$420.00")][rng.integers(0, 2)]) for day in pd.date_range(
        "2024-01-01", periods=120) for _ in range(rng.integers(3, 9))]
    text = "Appointment Date,Start Time,Duration (min),Fee\n" + "".join(
        f"{day:%d/%m/%Y},{8 + k % 9:02d}:{15 * (k % 4):02d},{minutes},{fee}\n"
        for k, (day, minutes, fee) in enumerate(rows))
    series = load_series(text.encode(), "appts.csv", LoadOptions(per="day", duplicates="sum"))
    assert series.target == "Fee" and series.frame["y"].sum() == sum(float(fee[1:]) for *_, fee in rows)


def test_utc_times_beside_a_column_naming_their_time_zone_are_local_times() -> None:
    # Calendly's bookings in UTC beside 'timezone': a Sydney clinic's Monday mornings were counted on Sundays
    local = (pd.date_range("2024-01-01 08:00", periods=100, freq="1D").repeat(2)
             + pd.to_timedelta(np.tile([0, 90], 100), unit="min")).tz_localize("Australia/Sydney")  # two a day
    utc = local.tz_convert("UTC")
    text = "start_time,timezone,status\n" + "".join(f"{stamp:%Y-%m-%dT%H:%M:%S.000000Z},Australia/Sydney,active\n"
                                                     for stamp in utc)
    series = load_series(text.encode(), "events.csv", LoadOptions(per="day", duplicates="count"))
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2024-01-01") and series.frame["y"].tolist() == [2] * 100
    assert "notice.named_zone" in [notice.key for notice in series.report.notices]


def test_services_at_a_few_times_of_the_week_say_how_to_read_them_by_the_week() -> None:
    # a church's services on Sundays at 9:00 and 11:00, Date and Time: read every 2 hours, unsaid
    sundays = pd.date_range("2023-01-01", periods=100, freq="W-SUN")
    text = "Event Name,Date,Time,Total Attendance\n" + "".join(
        f"Sunday Worship,{day:%m/%d/%Y},{time},{150 + k % 40}\n" for k, day in enumerate(sundays)
        for time in ("9:00 AM", "11:00 AM"))
    series = load_series(text.encode(), "breeze.csv")
    said = [str(notice) for notice in series.report.notices if notice.key == "notice.weekly_slots"]
    assert said and "2 times of the week (Sun 09:00, Sun 11:00)" in said[0] and "--per week" in said[0]
    weekly = load_series(text.encode(), "breeze.csv", LoadOptions(per="week", duplicates="sum"))
    assert weekly.frequency.name == "weekly" and len(weekly.frame) == 100


def test_a_weekday_service_in_a_sunday_log_is_left_out_not_counted_as_a_week() -> None:
    # Christmas Eve on a Saturday and a Tuesday among Sundays: seasonal naive's 'a year back' landed a week off
    sundays = pd.date_range("2022-01-02", "2025-03-30", freq="W-SUN")
    rows = sorted([(day, 300 + k % 50) for k, day in enumerate(sundays)]
                  + [(pd.Timestamp("2022-12-24"), 900), (pd.Timestamp("2024-12-24"), 900)])
    text = "Service Date,Attendance\n" + "".join(f"{day:%m/%d/%Y},{value}\n" for day, value in rows)
    series = load_series(text.encode(), "services.csv")
    assert series.frame["ds"].tolist() == list(sundays) and series.frequency.name == "weekly"
    notices = [notice for notice in series.report.notices if notice.key == "notice.extra_weekdays"]
    assert len(notices) == 1 and "(2022-12-24, 2024-12-24)" in str(notices[0])
    shown = said(notices[0], "zh")
    assert "周日" in shown and "Sunday" not in shown  # the day in the reader's language
    moved = [day + pd.Timedelta(days=1) if k in (10, 40) else day for k, day in enumerate(sundays)]  # a Monday instead
    text = "Service Date,Attendance\n" + "".join(f"{day:%m/%d/%Y},{300 + k % 50}\n" for k, day in enumerate(moved))
    assert len(load_series(text.encode(), "moved.csv").frame) == len(sundays)  # a week's row a day late stays


@pytest.mark.parametrize("years", [["2018-19", "2019-20", "2020-21", "2021-22"], ["2016", "2017", "2018", "2019"]])
def test_a_few_years_across_over_the_months_down_are_one_monthly_series(years: list[str]) -> None:
    # a council's landfill tonnes by financial year (Jul ... Jun down, 2018-19 ... across): twelve steps of '2018-19'
    fiscal = "-" in years[0]
    months = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"] if fiscal else \
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    text = "Month," + ",".join(years) + "\n" + "".join(
        f"{month}," + ",".join(f'"{3400 + 30 * j + 40 * i:,.1f}"' for j in range(len(years))) + "\n"
        for i, month in enumerate(months))
    for title in ("", "Residual waste to landfill (tonnes)\n\n"):  # under a title too (its July row was the header)
        series = load_series((title + text).encode(), "residual.csv")
        assert (series.frequency.name, len(series.frame)) == ("monthly", 48)
        first = pd.Timestamp(f"{years[0][:4]}-{'07' if fiscal else '01'}-01")
        assert series.frame["ds"].iloc[0] == first and series.frame["y"].iloc[0] == 3400
        assert series.frame["ds"].iloc[6] == first + pd.DateOffset(months=6) and series.frame["y"].iloc[6] == 3640


def test_from_the_review_of_the_months_ids_people_closes_bins_units_births_and_equal_rows_rules() -> None:
    from core.data.parsing import parse_dates

    quarters = pd.Series(pd.date_range("2015-03-01", periods=36, freq="QS-MAR").strftime("%b %y"))
    assert parse_dates(quarters)[0].iloc[1] == pd.Timestamp("2015-06-01")  # quarters a step of three months
    months = list(pd.date_range("2021-01-01", periods=30, freq="MS").strftime("%b %y"))
    assert parse_dates(pd.Series(months * 3)) is not None  # a long file sorted by series steps back at each
    reads = pd.DataFrame([(40110 + k * 7, f"{day + pd.Timedelta(days=k % 20):%m/%d/%Y}", 600 + j + k)
                          for k in range(40) for j, day in enumerate(pd.date_range("2021-01-01", periods=36,
                                                                                   freq="MS"))],
                         columns=["Meter", "Read Date", "kWh"])
    assert detect_id_columns(reads, "Read Date") == ("Meter",)  # each meter read on its own day: still its series
    states = pd.DataFrame([(f"S{k:02d}", f"{day:%Y-%m}", 50 + k) for k in range(27)
                           for day in pd.date_range("2019-01", periods=48, freq="MS")],
                          columns=["Member State", "Month", "Unemployment"])
    assert detect_id_columns(states, "Month") == ("Member State",)  # no people's names
    closes = pd.bdate_range("2022-01-03", "2023-12-29")
    utc = (closes + pd.Timedelta(hours=16)).tz_localize("America/New_York").tz_convert("UTC")
    read = parse_dates(pd.Series(utc.strftime("%Y-%m-%dT%H:%M:%SZ")))
    assert read[0].iloc[-1] == pd.Timestamp("2023-12-29 21:00")  # a New York close is no local midnight
    bins = "Week Commencing,Green Bin,Rainfall mm\n" + "".join(
        f"{day:%d/%m/%Y},{4200 + k * 13 % 800},{k % 9 + 0.5}\n"
        for k, day in enumerate(pd.date_range("2023-01-02", periods=104, freq="W-MON")))
    assert load_series(bins.encode(), "bins.csv").target == "Green Bin"
    wards = "Date,Unit,Qty Issued,Value\n" + "".join(f"{day:%Y-%m-%d},ICU,{k % 9},{k % 9 * 2.35:.2f}\n"
                                                     f"{day:%Y-%m-%d},Ward 3,{k % 7},{k % 7 * 2.35:.2f}\n"
                                                     for k, day in enumerate(pd.date_range("2023-01-01", periods=90)))
    assert load_series(wards.encode(), "wards.csv", LoadOptions(duplicates="sum")).target == "Qty Issued"
    births = "Birth Date,Registration Date,Birth Weight (g)\n" + "".join(
        f"{day:%Y-%m-%d},{day + pd.Timedelta(days=3 + k % 30):%Y-%m-%d},{3000 + k % 900}\n"
        for k, day in enumerate(pd.date_range("2023-01-01", periods=300)))
    assert load_series(births.encode(), "births.csv").date_col == "Birth Date"
    fair = "".join(f"{day:%Y-%m-%d},Card,8.0\n" * 30 if 20 <= k < 23 else f"{day:%Y-%m-%d},Card,{10 + k}\n"
                   f"{day:%Y-%m-%d},Card,{5 + k % 7}\n"
                   for k, day in enumerate(pd.date_range("2024-01-01", periods=200)))
    sales = load_series(("Date,Type,Amount\n" + fair).encode(), "fair.csv", LoadOptions(duplicates="sum"))
    assert sales.frame["y"].iloc[20] == 240  # a fair's thirty equal sales on a day, each counted
    boxes = "".join(f"{day:%Y-%m-%d},Gloves,1\n" * (1 + k % 3)
                    for k, day in enumerate(pd.date_range("2024-01-01", periods=140)))
    twice = load_series(("Date,Item,Qty Used\n" + boxes + boxes).encode(), "boxes.csv", LoadOptions(duplicates="sum"))
    assert twice.report.duplicate_rows_dropped > 0  # a log of single boxes appended to itself: not counted twice


def test_charging_sessions_forecast_their_energy_not_the_meters_readings_and_read_scaled_power() -> None:
    # 'Meter End (kWh)' = 'Meter Start (kWh)' + 'Energy (kWh)' was taken as a total: 45,844 kWh a day
    stamps = pd.Timestamp("2024-01-01 07:00") + pd.to_timedelta(np.arange(300) * 7, unit="h")
    energy = np.round(3 + np.arange(300) % 37, 2)
    start = 15234.12 + np.concatenate([[0], np.cumsum(energy)[:-1]])
    text = "Start,Energy (kWh),Meter Start (kWh),Meter End (kWh)\n" + "".join(
        f"{stamp:%Y-%m-%d %H:%M},{e},{s:.2f},{s + e:.2f}\n" for stamp, e, s in zip(stamps, energy, start))
    daily = load_series(text.encode(), "sessions.csv", LoadOptions(per="day", duplicates="sum"))
    assert daily.target == "Energy (kWh)"
    hours = pd.date_range("2024-03-01", periods=48, freq="h")
    power = "Time,Site power\n" + "".join(f"{hour:%Y-%m-%d %H:%M:%S},{'120 W' if k % 2 else '24.89 kW'}\n"
                                          for k, hour in enumerate(hours))
    series = load_series(power.encode(), "grafana.csv")
    assert series.frame["y"].iloc[:2].tolist() == [24.89, 0.12]  # Grafana's scaled units, each in kW
    with pytest.raises(DataError, match="This file is XML") as caught:
        load_series(b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>', "gb.xml")
    assert caught.value.key == "err.xml"


def test_sites_read_on_days_of_their_own_in_one_file_are_named_as_the_way_to_forecast_each() -> None:
    # a utility's bills for three sites, each read on its own days: alternating in one series, nothing said
    rows = sorted((day + pd.Timedelta(days=offset), site, 9000 + 100 * k) for offset, site in
                  ((3, "445 BRYANT ST"), (11, "250 HAMILTON AVE"), (20, "1213 NEWELL RD"))
                  for k, day in enumerate(pd.date_range("2022-01-01", periods=24, freq="MS")))
    text = "Service Start,Service Address,Usage (kWh)\n" + "".join(f"{day:%m/%d/%Y},{site},{kwh}\n"
                                                                   for day, site, kwh in rows)
    series = load_series(text.encode(), "bills.csv")
    said = [str(notice) for notice in series.report.notices if notice.key == "notice.groups_one_series"]
    assert len(said) == 1 and "--id-col 'Service Address'" in said[0]


def test_from_the_review_of_the_zone_birth_xhtml_one_year_grid_and_slots_rules() -> None:
    from core.data.parsing import parse_dates

    hours = pd.date_range("2024-01-01", periods=200, freq="h")
    zoned = "timestamp,zone,load\n" + "".join(f"{hour:%Y-%m-%dT%H:%M:%SZ},US,{80 + k % 40}\n"
                                               for k, hour in enumerate(hours))
    assert load_series(zoned.encode(), "zone.csv").frequency.name == "hourly"  # a sales zone 'US' (a tzdata folder)
    days = pd.date_range("2023-01-02", periods=300)
    visits = "Patient,Date of Birth,Appointment Date,Fee\n" + "".join(
        f"P{k % 40},{pd.Timestamp('1950-01-01') + pd.Timedelta(days=k * 83):%Y-%m-%d},{day:%Y-%m-%d},{50 + k % 150}\n"
        for k, day in enumerate(days))
    assert load_series(visits.encode(), "visits.csv").date_col == "Appointment Date"
    with pytest.raises(DataError, match="web page"):
        load_series(b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "x" "y">\n<html><body></body></html>\n', "x.csv")
    one = parse_dates(pd.Series([f"{month} 21" for month in MONTH_NAMES]))
    assert one is not None and one[0].iloc[-1] == pd.Timestamp("2021-12-01")  # one year's months
    daily = "date,timezone,sessions\n" + "".join(f"{day:%Y-%m-%d}T00:00:00Z,America/New_York,{80 + k % 9}\n"
                                                  for k, day in enumerate(days))
    assert load_series(daily.encode(), "tz.csv").frame["ds"].iloc[0] == days[0]  # UTC midnights are the days
    normals = "Month,1991,2001,2011\n" + "".join(f"{month},{15 + k},{16 + k},{17 + k}\n"
                                                  for k, month in enumerate(MONTH_NAMES))
    assert load_series(normals.encode(), "normals.csv").date_col != "year-month"  # reference periods, not years
    twice = [t for t in pd.date_range("2024-01-01", periods=24 * 120, freq="h")
             if t.day_of_week < 5 and t.hour in (9, 17)]
    readings = "Time,Level\n" + "".join(f"{t:%Y-%m-%d %H:%M},{50 + k % 7}\n" for k, t in enumerate(twice))
    assert "notice.weekly_slots" not in [n.key for n in load_series(readings.encode(), "r.csv").report.notices]


@pytest.mark.parametrize("header", ["id,Created (UTC),Amount,Card Exp Month,Card Exp Year",
                                    "id,updated_at,created_at,amount,refunded_at", "id,Refund Date,Order Date,Total"])
def test_a_payment_export_is_dated_by_when_each_payment_was_made(header: str) -> None:
    # Stripe's card expiry pair, a database's 'updated_at' (its 'date' within 'upDATEd'), and a refund date on one
    # row in twenty were each taken for the payments' time
    made = pd.date_range("2024-01-01", periods=900, freq="97min")
    when = [f"{stamp:%Y-%m-%d %H:%M:%S}" for stamp in made]
    later = [f"{stamp + pd.Timedelta(days=40 + k % 50):%Y-%m-%d %H:%M:%S}" for k, stamp in enumerate(made)]
    refunded = [day if k % 20 == 0 else "" for k, day in enumerate(later)]
    amounts = [29 + 20 * (k % 3) for k in range(900)]
    filled = {"id": [f"ch_{k}" for k in range(900)], "Created (UTC)": when, "created_at": when, "Order Date": when,
              "updated_at": later, "Refund Date": refunded, "refunded_at": refunded, "Amount": amounts,
              "amount": amounts, "Total": amounts, "Card Exp Month": [1 + k % 12 for k in range(900)],
              "Card Exp Year": [2025 + k % 6 for k in range(900)]}
    text = pd.DataFrame({col: filled[col] for col in header.split(",")}).to_csv(index=False)
    series = load_series(text.encode(), "payments.csv", LoadOptions(per="day", duplicates="sum"))
    assert series.date_col in ("Created (UTC)", "created_at", "Order Date")
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2024-01-01") and len(series.frame) == 60


def test_a_pantry_open_on_some_weekdays_is_read_and_forecast_on_those_days() -> None:
    # open Tuesdays, Thursdays and Saturdays, a few holidays shut: read as daily, its closed days were 420 missing
    # stamps, and forecast at a Saturday's size on a closed Wednesday
    days = pd.date_range("2022-07-02", "2024-06-29", freq="D")
    days = days[days.day_of_week.isin([1, 3, 5]) & ~days.isin(pd.to_datetime(["2023-07-04", "2023-11-23"]))]
    text = "Date,Households Served\n" + "".join(
        f"{day:%m/%d/%Y},{110 + 40 * (day.day_of_week == 5) + k % 7}\n" for k, day in enumerate(days))
    series = load_series(text.encode(), "pantry.csv")
    assert (series.frequency.alias, series.frequency.season_length) == ("CD-TUETHUSAT", 3)
    assert frequency_name(series.frequency, "en") == "business-daily, Tue Thu Sat"
    assert "周二" in frequency_name(series.frequency, "zh") or "星期二" in frequency_name(series.frequency, "zh")
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 4)
    assert [f"{day:%a %d}" for day in ahead] == ["Tue 02", "Thu 04", "Sat 06", "Tue 09"]
    future = run(series.frame, series.frequency, RunRequest("multi", horizon=6)).predictions
    future = future[future["split"] == "future"]
    saturdays = future.loc[future["ds"].dt.day_of_week == 5, "predicted"]
    others = future.loc[future["ds"].dt.day_of_week != 5, "predicted"]
    assert saturdays.min() > others.max() + 25  # the Saturday peak kept
    # from its review: a weather forecast for every day after it was refused ("no row for" a day it had); a file
    # near the year 9999 was an internal error; Tuesdays and Wednesdays, 3.5 days apart, were weekly
    ahead = pd.date_range(days[-1] + pd.Timedelta(days=1), periods=14)
    weather = "Date,Households Served,Temp\n" + "".join(
        f"{day:%m/%d/%Y},{110 + 40 * (day.day_of_week == 5) + k % 7},{15 + k % 9}\n" for k, day in enumerate(days)) + \
        "".join(f"{day:%m/%d/%Y},,{18 + k % 5}\n" for k, day in enumerate(ahead))
    given = load_series(weather.encode(), "weather.csv", LoadOptions(regressors=("Temp",)))
    assert given.future is not None and given.future["ds"].dt.day_of_week.isin([1, 3, 5]).all() and \
        len(given.future) == 6
    with pytest.raises(SettingsError, match="forecast at most 5 steps"):
        future_dates(pd.Timestamp("9999-12-18"), series.frequency, 20)
    twice = pd.date_range("2022-01-03", "2023-12-30")
    twice = twice[twice.day_of_week.isin([1, 2])]
    assert infer_frequency(pd.Series(twice)).alias == "CD-TUEWED"


def test_a_weekend_markets_sales_combined_per_day_keep_to_its_trading_days() -> None:
    # Square's item sales of a Saturday and Sunday market, --per day --duplicates sum: its 165 weekdays were counted
    # as 0 and forecast
    days = pd.date_range("2024-01-06", "2024-08-25", freq="D")
    days = days[days.day_of_week.isin([5, 6]) & (days != pd.Timestamp("2024-05-26"))]  # a rained-off Sunday
    text = "Date,Time,Item,Qty,Gross Sales\n" + "".join(
        f"{day:%Y-%m-%d},{9 + j}:{10 + k % 40}:00,Mug,1,${18 + (k + j) % 5}.00\n"
        for k, day in enumerate(days) for j in range(3 + k % 4))
    series = load_series(text.encode(), "items.csv", LoadOptions(per="day", duplicates="sum"))
    assert series.frequency.alias == "CD-SATSUN" and series.frame["ds"].dt.day_of_week.isin([5, 6]).all()
    assert series.frame.loc[series.frame["ds"] == pd.Timestamp("2024-05-26"), "y"].tolist() == [0.0]
    assert "notice.some_days_kept" in [notice.key for notice in series.report.notices]
    shop = pd.date_range("2024-01-01", "2024-06-29", freq="D")  # a shop open Monday to Saturday: Sundays stay 0
    shop = shop[shop.day_of_week < 6]
    text = "Date,Gross Sales\n" + "".join(f"{day:%Y-%m-%d},{20 + k % 7}\n" for k, day in enumerate(shop) for _ in "ab")
    kept = load_series(text.encode(), "shop.csv", LoadOptions(per="day", duplicates="sum"))
    assert kept.frequency.name == "daily" and "notice.some_days_kept" not in [n.key for n in kept.report.notices]


def test_a_visit_log_without_ids_counts_each_visit_where_most_rows_are_alike() -> None:
    # a de-identified pantry visit log: households alike in size, ages and zip code on a day are each a visit (8,472 of
    # 10,212 visits were dropped as copies, as if the file had been appended to itself)
    rng = np.random.default_rng(1)
    days = [day for day in pd.date_range("2024-01-02", periods=120) if day.day_of_week in (1, 3, 5)]
    visits = [(day, int(rng.choice([1, 1, 2, 2, 3, 4])), rng.choice(["46201", "46218"])) for day in days
              for _ in range(int(rng.integers(110, 150)))]
    text = "Visit Date,Household Size,Zip Code\n" + "".join(f"{d:%m/%d/%Y},{n},{z}\n" for d, n, z in visits)
    series = load_series(text.encode(), "visits.csv", LoadOptions(per="day", duplicates="count"))
    assert series.report.duplicate_rows_dropped == 0 and series.frame["y"].sum() == len(visits)
    # a vending machine's log to the minute: a second can of the same drink bought in the same minute is a sale too
    vends = [(day + pd.Timedelta(minutes=int(m)), rng.choice(["Cola", "Water", "Snickers"]), ("$2.25", "$1.75")[k % 2])
             for day in pd.date_range("2024-01-01", periods=60)
             for k, m in enumerate(sorted(rng.choice(range(420, 1320), 8, replace=False)))]
    vends = sorted(vends + vends[::8])
    text = "Tran Date,Machine ID,Product,Price\n" + "".join(f"{t:%m/%d/%Y %I:%M %p},VM-0042,{p},{a}\n"
                                                         for t, p, a in vends)
    summed = load_series(text.encode(), "vends.csv", LoadOptions(per="day", duplicates="sum"))
    assert summed.report.duplicate_rows_dropped == 0 and len(summed.frame) == 60


def test_a_year_and_month_report_with_days_and_hours_columns_is_monthly() -> None:
    # a food bank's report to its network: 'Distribution Days' and 'Volunteer Hours' beside 'Year' and 'Month' were
    # taken for more time columns, and the file refused as six time stamps
    names = "January February March April May June July August September October November December".split()
    text = "Year,Month,Distribution Days,Households Served,Volunteer Hours\n" + "".join(
        f'{year},{month},{12 + k % 3},"{1000 + 7 * k + 40 * j:,}",{300 + k % 50}\n'
        for j, year in enumerate(range(2019, 2025)) for k, month in enumerate(names)) + "Total,,,,\n"
    series = load_series(text.encode(), "network.csv")
    assert (series.frequency.name, len(series.frame), series.target) == ("monthly", 72, "Households Served")


@pytest.mark.parametrize("name", ["Txn #", "Receipt", "Belegnr.", "Sequence"])
def test_a_car_parks_transaction_numbers_are_no_target(name: str) -> None:
    # a parking revenue export's running number, summed per day, was forecast at 225 million a day
    entries = pd.Timestamp("2024-01-01 06:00") + pd.to_timedelta(np.arange(3000) * 43, unit="min")
    text = f"{name},Entry Time,Fee\n" + "".join(f"{500001 + k},{t:%m/%d/%Y %I:%M:%S %p},${3 * (1 + k % 5)}.00\n"
                                                for k, t in enumerate(entries))
    series = load_series(text.encode(), "tickets.csv", LoadOptions(per="day", duplicates="sum"))
    assert series.target == "Fee" and series.frame["y"].max() < 400


@pytest.mark.parametrize("header", ["Tran Date,Product,Qty,Unit Price,Amount", "Date,Vends,Avg Price,Sales"])
def test_a_price_per_unit_is_no_target_beside_the_amount_it_prices(header: str) -> None:
    # a vending export's 'Unit Price' was summed per day as its sales, beside its 'Amount'
    stamps = pd.Timestamp("2024-01-01 07:00") + pd.to_timedelta(np.arange(1500) * 97, unit="min")
    price = [1.5 + 0.25 * (k % 4) for k in range(1500)]
    rows = ([f"{t:%m/%d/%Y %H:%M},Item {k % 4},{1 + k % 2},${p:.2f},${p * (1 + k % 2):.2f}" for k, (t, p) in
             enumerate(zip(stamps, price))] if "Qty" in header else
            [f"{t:%m/%d/%Y},{30 + k % 9},${p:.2f},${p * (30 + k % 9):,.2f}" for k, (t, p) in
             enumerate(zip(pd.date_range("2024-01-01", periods=200), price))])
    series = load_series((header + "\n" + "\n".join(rows)).encode(), "vends.csv",
                         LoadOptions(per="day", duplicates="sum") if "Qty" in header else LoadOptions())
    assert series.target == header.split(",")[-1]


def test_an_operating_logs_monthly_statistics_rows_are_left_out() -> None:
    # a treatment plant's daily log: each month's days, then its Total, Average, Maximum and Minimum (January's total
    # of 153.8 MGD was a day, and the dates were lost)
    lines = ["Date,Influent Flow (MGD),Rainfall (in)"]
    for _, month in pd.Series(pd.date_range("2022-01-01", "2023-12-31")).groupby(lambda k: k // 30):
        flows = [4.8 + 0.1 * (day.day % 5) for day in month]
        lines += [f"{day.month}/{day.day}/{day.year},{flow:.2f},0.00" for day, flow in zip(month, flows)]
        lines += [f"{word},{value:.2f}," for word, value in (("Total", sum(flows)), ("Average", np.mean(flows)),
                                                             ("Maximum", max(flows)), ("Minimum", min(flows)))]
    series = load_series(("\n".join(lines) + "\n").encode(), "mor.csv")
    assert (series.frequency.name, len(series.frame)) == ("daily", 730) and series.frame["y"].max() < 6


@pytest.mark.parametrize(("header", "label", "hours"), [
    ("Date,Hour", "{h:02d}", range(9, 21)),  # a people counter's opening hours only: 12 daily series, one an hour
    ("Date,Hour", "{ampm}", range(24)), ("Date,Hour", "{h:02d}00-{next:02d}00", range(24)),  # a toll plaza's labels
    ("Datum,Stunde", "{h}", range(24))])  # a Swiss counter's German names
def test_a_date_and_an_hour_of_the_day_column_are_one_time_stamp(header: str, label: str, hours: range) -> None:
    days = pd.date_range("2024-01-01", periods=40)
    ampm = {h: f"{h % 12 or 12} {('AM', 'PM')[h >= 12]}" for h in range(24)}
    text = f"{header},Traffic In\n" + "".join(
        f"{day:%Y-%m-%d},{label.format(h=h, next=h + 1, ampm=ampm[h])},{20 + (h * 7 + k) % 50}\n"
        for k, day in enumerate(days) for h in hours)
    series = load_series(text.encode(), "counts.csv")
    assert len(series.frame) == 40 * len(hours) and series.frame["ds"].iloc[1] - series.frame["ds"].iloc[0] == \
        pd.Timedelta(hours=1) and series.frame["ds"].iloc[0].hour == hours[0]


def test_a_comtrade_download_forecasts_its_primary_value_not_its_month_number() -> None:
    # Comtrade+'s camel case names: 'PrimaryValue' named no target word, so 'RefMonth' (1-12) was forecast, error 0
    months = pd.date_range("2018-01-01", periods=72, freq="MS")
    text = "FreqCode,RefPeriodId,RefYear,RefMonth,Period,Qty,NetWgt,PrimaryValue\n" + "".join(
        f"M,{day:%Y%m%d},{day.year},{day.month},{day:%Y%m},0,{(3 + k % 7) * 1.1e8:.3f},{(3 + k % 7) * 3.2e8:.2f}\n"
        for k, day in enumerate(months))
    series = load_series(text.encode(), "comtrade.csv")
    assert (series.target, series.frequency.name) == ("PrimaryValue", "monthly")


def test_a_permits_limit_is_no_target_beside_the_value_reported() -> None:
    # EPA ECHO's DMR download: 'LIMIT_VALUE_NMBR' was forecast, blank for the flows (report-only), beside the values
    months = pd.date_range("2019-01-31", periods=60, freq="ME")
    text = "NPDES_ID,LIMIT_ID,LIMIT_VALUE_NMBR,MONITORING_PERIOD_END_DATE,DMR_VALUE_NMBR\n" + "".join(
        f"OH0021234,{9000000 + j},{limit},{day:%m/%d/%Y},{base * (1 + (k % 12) / 20):.3g}\n"
        for k, day in enumerate(months) for j, (limit, base) in enumerate((("", 5.0), ("30", 4.0), ("1251", 180.0), ("2.0", 0.3))))
    panel = read_panel(text.encode(), "dmr.csv", LoadOptions(), PanelChoice(("LIMIT_ID",)))
    assert panel is not None and {task.options.target for task in panel.tasks} == {"DMR_VALUE_NMBR"}


def test_a_counters_daily_total_rows_and_quoted_footer_are_said_as_they_are() -> None:
    # each day's hours 00-23 then its 'Total' row: called rows without a date ("write the dates in the file"); the
    # footer's quoted '12,345' was said as '12, 345'
    days = pd.date_range("2024-01-01", periods=30)
    text = "Site,Date,Hour,Traffic In\n" + "".join(
        "".join(f"Eastgate,{day:%m/%d/%Y},{h:02d},{10 + (h * 3 + k) % 40}\n" for h in range(24))
        + f'Eastgate,{day:%m/%d/%Y},Total,"{sum(10 + (h * 3 + k) % 40 for h in range(24)):,}"\n'
        for k, day in enumerate(days)) + '\nReport Total: "Traffic In 12,345"\n'
    series = load_series(text.encode(), "counter.csv")
    assert len(series.frame) == 30 * 24 and series.frame["y"].max() < 50
    keys = {notice.key: str(notice) for notice in series.report.notices}
    assert "notice.missing_dates" not in keys and "'Report Total: \"Traffic In 12,345\"'" in keys["notice.footnotes"]


def test_a_month_to_date_row_after_month_ends_is_left_out_and_said() -> None:
    # a ChartMogul export ends on the day it was taken: '2024-01-05' after month ends moved the forecasts to the 5th
    ends = pd.date_range("2021-01-31", periods=36, freq="ME")
    text = '"Date","New Business MRR"\n' + "".join(f'"{day:%Y-%m-%d}","{4000 + 90 * k:,.2f}"\n'
                                                    for k, day in enumerate(ends)) + '"2024-01-05","312.00"\n'
    series = load_series(text.encode(), "mrr.csv")
    assert len(series.frame) == 36 and series.frame["ds"].iloc[-1] == pd.Timestamp("2023-12-31")
    assert [notice.params["stamp"] for notice in series.report.notices if notice.key == "notice.running_period"] == [
        "2024-01-05"]
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 2)
    assert list(ahead) == [pd.Timestamp("2024-01-31"), pd.Timestamp("2024-02-29")]


def test_a_reports_label_written_once_per_block_is_carried_down() -> None:
    # a P&L by location writes each location on its first line only: the Cost, Commission and Net Profit rows of every
    # location were left out as rows without a series id
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    months = [f"{month}-{year}" for year in ("22", "23") for month in names]
    lines = ["Location,Line Item," + ",".join(months)]
    for place in ("Lobby - Bldg A", "Hospital ER", "Suds City Laundromat"):
        for j, item in enumerate(("Revenue", "Cost of Goods", "Commission", "Net Profit")):
            lines.append((place if j == 0 else "") + f",{item}," + ",".join(str(3000 - 500 * j + 7 * k) for k in
                                                                             range(24)))
    panel = read_panel(("\n".join(lines) + "\n").encode(), "pnl.csv", LoadOptions(), PanelChoice())
    assert panel is not None and len(panel.ids) == 12 and panel.rows_without_id == 0


def test_days_blank_on_the_holidays_of_each_year_say_how_to_count_them_as_none() -> None:
    # a shop's people counter, blank on the days it was closed: Christmas was filled as 2,296 visits, unsaid
    days = pd.date_range("2022-10-01", periods=548)
    closed = pd.to_datetime(["2022-12-25", "2023-01-01", "2023-12-25", "2024-01-01"])
    text = "Date,Traffic In\n" + "".join(f"{day:%m/%d/%Y},{'' if day in closed else 1800 + k % 300}\n"
                                         for k, day in enumerate(days))
    series = load_series(text.encode(), "counter.csv")
    said = [notice for notice in series.report.notices if notice.key == "notice.blank_holidays"]
    assert len(said) == 1 and said[0].params["rows"] == 4 and "--missing zero" in str(said[0])
    zero = load_series(text.encode(), "counter.csv", LoadOptions(missing="zero"))
    assert not any(notice.key == "notice.blank_holidays" for notice in zero.report.notices)


def test_machines_numbered_by_id_are_said_as_groups_when_rows_are_combined() -> None:
    # Nayax's 8-digit 'Machine ID': three machines summed per day into one series, unsaid ('M10234567' was said)
    stamps = pd.Timestamp("2023-07-01") + pd.to_timedelta(np.arange(3000) * 47, unit="min")
    text = "Machine ID,Settlement Value,Machine AuTime\n" + "".join(
        f"{(10234567, 10234588, 10241102)[k % 3]},{1.5 + (k % 4) * 0.5:.2f},{t:%d/%m/%Y %H:%M:%S}\n"
        for k, t in enumerate(stamps))
    series = load_series(text.encode(), "nayax.csv", LoadOptions(per="day", duplicates="sum"))
    said = [notice for notice in series.report.notices if notice.key == "notice.per_period_groups"]
    assert said and said[0].params["column"] == "Machine ID"
    # a card's pre-authorised 5.00 (cash: the price) before each settled amount was forecast as the sales
    prices = [1.5 + (k % 4) * 0.5 for k in range(len(stamps))]
    held = "Machine ID,Authorization Value,Settlement Value,Machine AuTime\n" + "".join(
        f"{10234567 + k % 3},{5 if k % 3 else price:.2f},{price:.2f},{t:%d/%m/%Y %H:%M:%S}\n"
        for k, (t, price) in enumerate(zip(stamps, prices)))
    assert load_series(held.encode(), "nayax.csv", LoadOptions(per="day", duplicates="sum")).target == \
        "Settlement Value"


def test_a_visit_logs_counts_of_people_are_no_series_ids() -> None:
    # an Oasis visit log's 'Household Size' and zip codes made 12 series, one of a size and zip each
    rng = np.random.default_rng(11)
    stamps = sorted(pd.Timestamp("2023-01-03 10:00") + pd.Timedelta(days=int(day), minutes=int(minute))
                    for day in range(0, 200, 2) for minute in rng.integers(0, 120, 130))
    text = "Visit Date,Household Size,Adults,Children,Zip Code\n" + "".join(
        f"{t:%m/%d/%Y %I:%M %p},{size},{min(size, 2)},{max(size - 2, 0)},{rng.choice(['46201', '46218', '46219'])}\n"
        for t, size in zip(stamps, rng.choice([1, 1, 2, 2, 3, 4], len(stamps))))
    panel = read_panel(text.encode(), "visits.csv", LoadOptions(), PanelChoice())
    assert panel is None or not any(col in panel.id_cols for col in ("Household Size", "Adults", "Children"))


def test_from_the_review_of_the_payments_units_copies_hours_and_working_weeks_rules() -> None:
    days = pd.date_range("2023-01-01", periods=120)
    coins = "snapped_at,price,market_cap,total_volume\n" + "".join(
        f"{day:%Y-%m-%d} 00:00:00 UTC,{16500 + 40 * k},{(16500 + 40 * k) * 19.4e6},{2e10 + 1e8 * (k % 9)}\n"
        for k, day in enumerate(days))
    assert load_series(coins.encode(), "btc.csv").target == "price"  # not the volume beside a 'total'
    orders = "OrderID,OrderDate,ProductID,UnitPrice,Quantity\n" + "".join(
        f"{10248 + k},{day:%Y-%m-%d},{11 + k % 7},{14 + k % 5}.00,{5 + k % 11}\n" for k, day in enumerate(days))
    assert load_series(orders.encode(), "nw.csv").target == "Quantity"  # camel case's 'Price' names no target
    births = "Birth Year,Birth Month,Births\n" + "".join(f"{year},{month},{300000 + 900 * month + year}\n"
                                                         for year in range(2010, 2016) for month in range(1, 13))
    assert load_series(births.encode(), "births.csv").frequency.name == "monthly"
    fiscal = "Fiscal Period,Net Sales,Report Run Date\n" + "".join(
        f"FY{year}-P{period:02d},{1e6 + 5e3 * period:.2f},{'01/15/2024' if (year, period) == (2021, 1) else ''}\n"
        for year in (2021, 2022, 2023) for period in range(1, 14))
    assert len(load_series(fiscal.encode(), "fiscal.csv").frame) == 39  # one run date: no time of the rows
    booked = "BookingDate,ValueDate,Amount\n" + "".join(
        f"{day:%Y%m%d},{day + pd.Timedelta(days=k % 3):%Y%m%d},{-50 + k % 30}.25\n" for k, day in enumerate(days))
    assert load_series(booked.encode(), "camt.csv").target == "Amount"
    shifts = "Date,Shift,Units Produced,Modified\n" + "".join(
        f"{f'{day:%m/%d/%Y}' if shift == 'A' else ''},{shift},{300 + k % 40},"
        f"{day + pd.Timedelta(hours=20 + j):%m/%d/%Y %H:%M}\n"
        for k, day in enumerate(days) for j, shift in enumerate("ABC"))
    assert load_series(shifts.encode(), "shifts.csv").date_col == "Date"  # not the edit times
    signups = "date,signups\n" + "".join(f"{day:%Y-%m-%d},{30 + k % 7}\n" for k, day in enumerate(days[:12]) if k != 6)
    assert load_series(signups.encode(), "s.csv").frequency.name == "daily"  # a day missing once in 12: a gap
    statements = [f"{day:%m/%d/%Y},SHOP {k % 4},-{5 + k % 13}.50" for k, day in enumerate(days)
                  for _ in range(k % 3 + 1)]
    pasted = "Date,Description,Amount\n" + "\n".join(statements[:200] + statements[100:300] + statements[150:]) + "\n"
    summed = load_series(pasted.encode(), "bank.csv", LoadOptions(per="week", duplicates="sum"))
    assert summed.report.duplicate_rows_dropped > 0  # statements downloaded three times over: each payment once
    peaks = "Date,Hour,Peak Load (MW)\n" + "".join(f"{day:%Y-%m-%d},{14 + k % 5},{40000 + 30 * k}\n"
                                                   for k, day in enumerate(days))
    assert load_series(peaks.encode(), "peaks.csv").frequency.name == "daily"  # the hour of each day's peak


def test_from_the_review_of_the_limits_prices_sizes_holidays_and_running_periods_rules() -> None:
    days = pd.date_range("2024-01-01", periods=200)
    yields = "Series Description,10-year yield\n" + "".join(
        f"{day:%Y-%m-%d},{'ND' if k % 25 == 3 else f'{3.9 + k % 7 / 100:.2f}'}\n" for k, day in enumerate(days))
    assert load_series(yields.encode(), "h15.csv").frame["y"].min() > 3  # the Fed's ND, no data: no 0% yields
    fuel = "Date,Price,Litres,Amount\n" + "".join(f"{day:%Y-%m-%d},{1.8 + k % 5 / 100:.2f},{9000 + 37 * k},"
                                                  f"{(1.8 + k % 5 / 100) * (9000 + 37 * k):.2f}\n"
                                                  for k, day in enumerate(days))
    assert load_series(fuel.encode(), "fuel.csv").target == "Amount"
    average = "Date,Avg Price,Total\n" + "".join(f"{day:%Y-%m-%d},{1.5 + k % 4 / 4:.2f},{400 + k % 90}.50\n"
                                                 for k, day in enumerate(days))
    assert load_series(average.encode(), "avg.csv").target == "Total"
    camel = "SaleDate,AvgTemp,Rainfall,UnitsSold\n" + "".join(f"{day:%Y-%m-%d},{10 + k % 15},{k % 4},{200 + k % 60}\n"
                                                              for k, day in enumerate(days))
    assert load_series(camel.encode(), "camel.csv").target == "UnitsSold"
    tours = "Date,Group Size,Bookings\n" + "".join(f"{day:%Y-%m-%d},{size},{(k + size) % 10}\n"
                                                   for k, day in enumerate(days) for size in (2, 4, 6, 8))
    assert read_panel(tours.encode(), "tours.csv", LoadOptions(), PanelChoice()).id_cols == ("Group Size",)
    weeks = pd.date_range("2023-01-02", periods=52, freq="W-MON")
    shifted = [week + pd.Timedelta(days=int(k in (5, 20, 33, 47))) for k, week in enumerate(weeks)]
    prices = pd.date_range(weeks[0], weeks[-1] + pd.Timedelta(days=13))
    weekly = "Date,Price,Sales\n" + "".join(f"{day:%Y-%m-%d},{2 + k % 3 / 10:.2f},"
                                            f"{700 + 9 * shifted.index(day) if day in shifted else ''}\n"
                                            for k, day in enumerate(prices))
    assert load_series(weekly.encode(), "weekly.csv").target == "Sales"  # a few weeks a day late: still to come
    month = pd.date_range("2024-03-04", "2024-04-05")
    classes = "date,visits\n" + "".join(f"{day:%Y-%m-%d},{80 + k % 9}\n" for k, day in enumerate(month)
                                        if day.day_of_week in (0, 2, 4))
    assert load_series(classes.encode(), "mwf.csv").frequency.alias == "CD-MONWEDFRI"  # a first month of classes
    gaps = pd.Series(pd.date_range("2021-01-01", "2023-12-31"))
    blank = set(gaps.sample(40, random_state=3))
    temps = "date,mean_temp_c\n" + "".join(f"{day:%Y-%m-%d},{'' if day in blank else 10 + day.month}\n"
                                           for day in gaps)
    assert not any(n.key == "notice.blank_holidays" for n in load_series(temps.encode(), "t.csv").report.notices)
    ends = list(pd.date_range("2022-01-31", periods=25, freq="ME")) + [pd.Timestamp("2024-02-28")]
    leap = "date,value\n" + "".join(f"{day:%Y-%m-%d},{100 + k}\n" for k, day in enumerate(ends))
    assert len(load_series(leap.encode(), "leap.csv").frame) == 26  # February written as the 28th in a leap year


def test_a_few_rows_off_a_working_week_are_left_out_and_said_and_the_weather_of_weekends_too() -> None:
    # a pantry open Tuesdays, Thursdays and Saturdays that opened one Monday, a shop's one Saturday sale: read as
    # daily, each closed day was a missing stamp filled and forecast; a Monday-to-Friday shop given the weather of
    # every day ahead stopped at the first Friday ('no row for' the Monday it had)
    for week, alias, extra in (([1, 3, 5], "CD-TUETHUSAT", ["2023-12-25", "2024-03-04"]),
                               ([0, 1, 2, 3, 4], "B", ["2023-12-23"])):
        days = pd.date_range("2023-01-02", "2024-06-29", freq="D")
        days = days[days.day_of_week.isin(week)].append(pd.DatetimeIndex(extra)).sort_values()
        ahead = pd.date_range(days[-1] + pd.Timedelta(days=1), periods=14)
        text = "Date,Visits,Temp\n" + "".join(f"{day:%Y-%m-%d},{100 + 7 * day.day_of_week + k % 5},{10 + k % 9}\n"
                                              for k, day in enumerate(days)) + \
            "".join(f"{day:%Y-%m-%d},,{12 + k % 4}\n" for k, day in enumerate(ahead))
        series = load_series(text.encode(), "visits.csv", LoadOptions(regressors=("Temp",)))
        assert series.frequency.alias == alias and not series.report.gaps
        assert not series.frame["ds"].isin(pd.to_datetime(extra)).any()
        notice = next(n for n in series.report.notices if n.key == "notice.days_off")
        assert notice.params["rows"] == len(extra) and extra[0] in str(notice)
        assert "--per week" in str(notice) and "周" in said(notice, "zh") and "Tue" not in said(notice, "zh")
        assert series.future is not None and series.future["ds"].dt.day_of_week.isin(week).all()
        assert len(series.future) == sum(day.day_of_week in week for day in ahead)
    daily = pd.date_range("2023-01-02", "2023-06-30", freq="D")  # every day: nothing is left out
    text = "Date,Visits\n" + "".join(f"{day:%Y-%m-%d},{100 + k % 5}\n" for k, day in enumerate(daily))
    assert load_series(text.encode(), "daily.csv").frequency.name == "daily"
    weekend = daily[daily.day_of_week.isin([5, 6, 0])]  # a market open Saturday to Monday is named so, not Mon Sat Sun
    text = "Date,Visits\n" + "".join(f"{day:%Y-%m-%d},{100 + k % 5}\n" for k, day in enumerate(weekend))
    market = load_series(text.encode(), "market.csv")
    assert frequency_name(market.frequency, "en") == "business-daily, Sat Sun Mon"
    ahead = future_dates(market.frame["ds"].iloc[-1], market.frequency, 3)
    assert [f"{day:%a}" for day in ahead] == ["Sat", "Sun", "Mon"]


def test_a_documents_total_on_each_line_counts_once_and_invalid_flagged_readings_are_missing() -> None:
    # Xero's bills write the invoice's 'Total' on each of its lines: summed per month, each bill counted once per line
    rows, day = [], pd.Timestamp("2022-01-04")
    for number in range(150):
        lines = [(4 + 4 * (k % 3), 240 + 10 * ((number + k) % 7)) for k in range(1 + number % 3)]
        total = sum(quantity * price for quantity, price in lines)
        rows += [f"Feeds Ltd,BILL-{3100 + number},{day:%d/%m/%Y},{total:.2f},{q},{p:.2f}\n" for q, p in lines]
        day += pd.Timedelta(days=3 + number % 5)
    text = "*ContactName,*InvoiceNumber,*InvoiceDate,Total,*Quantity,*UnitAmount\n" + "".join(rows)
    series = load_series(text.encode(), "bills.csv", LoadOptions(target="Total", per="month", duplicates="sum"))
    bills = pd.read_csv(io.StringIO(text)).drop_duplicates("*InvoiceNumber")
    months = pd.to_datetime(bills["*InvoiceDate"], format="%d/%m/%Y").dt.to_period("M").dt.start_time
    expected = bills.groupby(months)["Total"].sum()
    got = series.frame.set_index("ds")["y"]
    assert np.allclose(got.reindex(expected.index).dropna(), expected.reindex(got.dropna().index).dropna())
    said = next(n for n in series.report.notices if n.key == "notice.total_per_document")
    assert said.params["documents"] == 100 and "*InvoiceNumber" in str(said)
    # the EEA's 'Validity' -1 beside 1: the calibration's 187.3 and -4.2 were trained on
    hours = pd.date_range("2023-01-01", periods=24 * 40, freq="h")
    cells = [(("187.3" if k % 100 == 7 else "-4.2"), -1) if k % 50 == 7 else (f"{14 + k % 5}.1", 1)
             for k in range(len(hours))]
    eea = "AirQualityStationEoICode,AirPollutant,Concentration,DatetimeBegin,Validity,Verification\n" + "".join(
        f"DEBE065,PM2.5,{c},{t:%Y-%m-%d %H:%M:%S} +01:00,{v},1\n" for t, (c, v) in zip(hours, cells))
    read = load_series(eea.encode(), "eea.csv")
    assert read.target == "Concentration" and read.frame["y"].between(14, 18.1).all()
    assert next(n for n in read.report.notices if n.key == "notice.invalid_readings").params["rows"] == 20


def test_a_label_written_once_over_each_block_of_months_is_carried_down() -> None:
    # Excel's "Don't repeat item labels": each department's name on its first month only; its rows were averaged with
    # the other departments' as repeated months, no department named
    months = pd.date_range("2023-01-01", periods=24, freq="MS")
    text = "Department,Month,Headcount,Gross Wages\n" + "".join(
        f"{name if k == 0 else ''},{m:%Y-%m},{40 + d},{(d + 1) * 100000 + 500 * k}\n"
        for d, name in enumerate(("Operations", "Sales", "Warehouse")) for k, m in enumerate(months))
    panel = read_panel(text.encode(), "departments.csv", LoadOptions(target="Gross Wages"), PanelChoice())
    assert panel is not None and sorted(panel.ids) == ["Operations", "Sales", "Warehouse"]
    assert read_table(text.encode(), "departments.csv").attrs["labels_carried_down"]["rows"] == 69
    notes_only = "Comment,Store,Date,Sales\n" + "".join(  # a comment on a few rows is carried nowhere
        f"{'audit' if k == 0 else ''},{s},{m:%Y-%m-%d},{100 + k}\n" for s in (1, 2) for k, m in enumerate(months))
    assert "labels_carried_down" not in read_table(notes_only.encode(), "notes.csv").attrs


def test_a_small_count_that_never_writes_zero_says_how_to_read_its_blanks_as_none() -> None:
    # Meta leaves 'Results' blank on days without a lead: interpolated, the forecast was 2.3 times the mean
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    results = ["" if k % 9 in (0, 2, 5, 7) else str(1 + k % 3) for k in range(len(days))]
    text = "Reporting starts,Results,Amount spent (USD)\n" + "".join(
        f"{d:%Y-%m-%d},{r},{40 + k % 20}.5\n" for k, (d, r) in enumerate(zip(days, results)))
    series = load_series(text.encode(), "meta.csv", LoadOptions(target="Results"))
    said = next(n for n in series.report.notices if n.key == "notice.blank_counts")
    assert said.params["cells"] == results.count("") and "--missing zero" in str(said)
    visits = text.replace(",1,", ",140,").replace(",2,", ",151,").replace(",3,", ",166,")  # large counts: gaps
    assert not any(n.key == "notice.blank_counts" for n in load_series(visits.encode(), "v.csv",
                                                                      LoadOptions(target="Results")).report.notices)


def test_a_transit_planners_files_read_their_measure_and_times() -> None:
    # Citi Bike's station ids written 6140.05 were forecast (a sum of ids per day); MTA's 'Total Estimated Ridership'
    # gave way to Access-A-Ride's trips; an APC file's 'Avg Load' was forecast before its 'Boardings'; agencies summed
    # into a mode with a month unreported dipped with no word; blank months were 'days on holidays'
    stamps = pd.date_range("2024-01-01 06:00", periods=400, freq="37min")
    trips = "ride_id,started_at,start_station_id,end_station_id,start_lat,start_lng\n" + "".join(
        f"{k:016X},{t:%Y-%m-%d %H:%M:%S},{6140.05 + k % 3},{6450.05 - k % 2},{40.7 + k % 9 / 100},"
        f"{-73.9 - k % 7 / 100}\n" for k, t in enumerate(stamps))
    with pytest.raises(DataError, match="count its rows per"):
        load_series(trips.encode(), "tripdata.csv")
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    mta = "Date,Subways: Total Estimated Ridership,Access-A-Ride: Total Scheduled Trips\n" + "".join(
        f"{d:%m/%d/%Y},{3900000 + k * 1000},{27000 + k}\n" for k, d in enumerate(days))
    assert load_series(mta.encode(), "mta.csv").target == "Subways: Total Estimated Ridership"
    apc = "Service Date,Boardings,Alightings,Avg Load\n" + "".join(
        f"{d:%m/%d/%Y},{60 + k % 9},{50 + k % 7},{(20 + k % 5) / 10}\n" for k, d in enumerate(days))
    assert load_series(apc.encode(), "apc.csv").target == "Boardings"
    months = pd.date_range("2019-01-01", periods=36, freq="MS")
    ntd = "Agency,Month,UPT\n" + "".join(f"{a},{m:%m/%d/%Y},{'' if (a == 'B' and k in (30, 31)) else 1000 + k}\n"
                                        for a in ("A", "B") for k, m in enumerate(months))
    summed = load_series(ntd.encode(), "ntd.csv", LoadOptions(duplicates="sum"))
    said = next(n for n in summed.report.notices if n.key == "notice.blanks_in_sums")
    assert said.params["cells"] == 2 and "2021-07-01" in str(said)
    monthly = "Month,UPT\n" + "".join(f"{m:%m/%d/%Y},{'' if k in (14, 26) else 4500 + k}\n"
                                      for k, m in enumerate(months))
    assert not any(n.key == "notice.blank_holidays" for n in load_series(monthly.encode(), "m.csv").report.notices)


def test_two_blank_header_cells_over_a_code_and_a_name_beside_months_across_are_labels() -> None:
    # a GL's 12-month statement leaves the account code's and name's header cells blank: an internal error
    months = [f"{m:%b %Y}" for m in pd.date_range("2023-01-01", periods=12, freq="MS")]
    text = ",," + ",".join(months) + ",Total\n" + "".join(
        f"{code},{name}," + ",".join(str(base + 10 * k) for k in range(12)) + f",{12 * base}\n"
        for code, name, base in (("4110-0000", "Gross Potential Rent", 62000), ("4410-0000", "Late Fees", 600),
                                 ("6110-0000", "Repairs & Maintenance", 5200)))
    panel = read_panel(text.encode(), "gl.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.ids == ["4110-0000", "4410-0000", "6110-0000"]


@pytest.mark.parametrize(("header", "good", "bad", "said"), [
    ("Timestamp,Trend Flags,Status,Value", "{},{ok}", "{},{fault}", "{fault}"),  # Niagara's history
    ("Timestamp,Trend Flags,Status,Value", "{},\"{alarm,unackedAlarm}\"", "{},\"{down,stale}\"", "{down,stale}"),
    ("Timestamp,Reliability,Value", "Reliable", "Unreliable", "Unreliable"),  # Metasys
    ("Timestamp,Quality,Value", "Good", "Questionable", "Questionable")])  # PI
def test_a_sensors_fault_stale_down_or_unreliable_readings_are_missing(header: str, good: str, bad: str,
                                                                      said: str) -> None:
    # Niagara's '{fault}' 0.0 °F, Metasys' 'Unreliable' and PI's 'Questionable' values were trained on, unsaid
    stamps = pd.date_range("2024-01-01", periods=400, freq="15min")
    marked = (np.arange(400) >= 200) & (np.arange(400) < 206)
    text = header + "\n" + "".join(f"{t:%Y-%m-%d %H:%M},{bad if off else good},{0.0 if off else 60 + i % 7:.1f}\n"
                                    for i, (t, off) in enumerate(zip(stamps, marked)))
    series = load_series(text.encode(), "ahu1.csv")
    notices = [str(notice) for notice in series.report.notices if notice.key == "notice.suspect_readings"]
    assert notices == [f"6 readings of 'Value' that '{header.split(',')[-2]}' marks '{said}' were read as missing."]
    assert series.frame["y"].min() >= 59  # filled, not 0
    orders = text.replace(said, "Completed")  # a word of another kind of status: none is read as missing
    assert "notice.suspect_readings" not in [n.key for n in load_series(orders.encode(), "o.csv").report.notices]


def test_a_meters_estimated_zeros_are_missing_and_its_other_estimates_kept() -> None:
    # a utility's interval data: 'Quality' E reads of 0 kW (a meter that did not report) were read as a real 0
    stamps = pd.date_range("2024-03-01", periods=300, freq="h")
    kw = 200 + 10 * np.sin(np.arange(300) / 4)
    text = "Date,kW,Quality\n" + "".join(
        f"{t:%m/%d/%Y %H:%M},{0.0 if 100 <= i < 103 else v:.1f},{'E' if 95 <= i < 103 else 'A'}\n"
        for i, (t, v) in enumerate(zip(stamps, kw)))
    series = load_series(text.encode(), "interval.csv")
    assert "notice.estimated_zeros" in [notice.key for notice in series.report.notices]
    assert series.frame["y"].min() > 150  # the zeros filled; the estimates of 200 or so kept
    assert series.frame["y"].iloc[95:100].to_numpy() == pytest.approx(kw[95:100].round(1))


def test_readings_a_quality_column_marks_suspect_are_missing_and_usgs_statistics_are_monthly() -> None:
    # the Environment Agency's 'quality' (a gauge's 0.000 flat-lined readings marked 'Suspect' were trained on, unsaid)
    stamps = pd.date_range("2024-01-01", periods=960, freq="15min")
    level = 0.45 + 0.2 * np.sin(np.arange(960) / 50)
    marked = (np.arange(960) >= 500) & (np.arange(960) < 540)
    text = "measure,dateTime,value,quality,qcode\n" + "".join(
        f"level-i-900-m,{t:%Y-%m-%dT%H:%M:%S},{0.0 if bad else v:.3f},{'Suspect' if bad else 'Good'},\n"
        for t, v, bad in zip(stamps, level, marked))
    series = load_series(text.encode(), "ea_level.csv")
    said = [str(notice) for notice in series.report.notices if notice.key == "notice.suspect_readings"]
    assert said == ["40 readings of 'value' that 'quality' marks 'Suspect' were read as missing."]
    assert series.frame["y"].min() > 0.2  # filled by the missing-value policy, not 0
    # USGS's monthly statistics: 'year_nu' and 'month_nu' (the year was forecast, as steps)
    rdb = "agency_cd\tsite_no\tyear_nu\tmonth_nu\tmean_va\n5s\t15s\t4s\t4s\t12n\n" + "".join(
        f"USGS\t01646500\t{year}\t{month}\t{1000 + 300 * np.cos(month / 2):.0f}\n"
        for year in range(2000, 2010) for month in range(1, 13))
    series = load_series(rdb.encode(), "monthly_stat.rdb")
    assert series.target == "mean_va" and series.frequency.name == "monthly" and len(series.frame) == 120


def test_a_time_zone_column_is_no_group_of_the_rows() -> None:
    # USGS's groundwater levels: 'lev_tz_cd' (EST, EDT) was offered as a series id
    steps = np.random.default_rng(9).integers(25, 61, 150)  # hand readings, 25 to 60 days apart
    days = pd.Timestamp("2000-01-04") + pd.to_timedelta(np.cumsum(steps), unit="D")
    text = "site_no\tlev_dt\tlev_tz_cd\tlev_va\n" + "".join(
        f"394220075000001\t{day:%Y-%m-%d}\t{'EDT' if 4 <= day.month <= 10 else 'EST'}\t{12 + np.cos(i / 5):.2f}\n"
        for i, day in enumerate(days))
    series = load_series(text.encode(), "gwlevels.rdb")
    assert not [notice for notice in series.report.notices if "lev_tz_cd" in str(notice)]


def test_a_title_above_rows_of_mostly_x_cells_is_left_out_not_taken_as_the_header() -> None:
    # ILINet's states download: 'X' for the weighted ILI and every age group; refused as rows that do not line up
    header = ("REGION TYPE,REGION,YEAR,WEEK,% WEIGHTED ILI,%UNWEIGHTED ILI,AGE 0-4,AGE 5-24,AGE 65,ILITOTAL,"
              "TOTAL PATIENTS")
    rows = [f"States,{state},{2021 + (39 + week) // 52},{(39 + week) % 52 + 1},X,{1.2 + (week % 52) / 20:.5f},X,X,X,"
            f"{400 + week},{41000 + week}" for week in range(60) for state in ("Alabama", "Alaska")]
    text = "PERCENTAGE OF VISITS FOR INFLUENZA-LIKE-ILLNESS REPORTED BY SENTINEL PROVIDERS\n" + header + "\n"
    raw = read_table((text + "\n".join(rows) + "\n").encode(), "ILINet.csv")
    assert list(raw.columns[:3]) == ["REGION TYPE", "REGION", "YEAR-WEEK"] and len(raw) == 120  # weeks joined


def test_a_quoted_header_above_rows_of_mostly_double_dash_cells_is_kept() -> None:
    # eBay's transaction report: title lines, a blank line, the quoted header; its newest rows are Refunds written '--'
    # in most fields. The header was left out with the titles and the first Refund row (a zip code) became the header.
    fees = [f"Fee {kind}" for kind in "ABCDEFGHIJKLMNOPQRST"]
    names = ["Transaction creation date", "Type", "Order number", "Ship to zip", "Net amount", "Payout ID",
             "Item ID", "Item title", "Quantity", "Item subtotal", "Gross transaction amount", "Currency"] + fees
    refund = ["Refund", "56-63512-47143", "75201", "-38.41", "--", "393634545813", "Pyrex Bowl", "--", "--",
              "-40.68", "USD"] + ["--"] * len(fees)
    order = ["Order", "83-32793-77875", "80019", "54.49", "6490076771", "513829477585", "Pyrex Bowl", "1", "57.79",
             "67.83", "USD"] + ["-0.30"] * len(fees)
    days = pd.date_range("2024-07-27", periods=40, freq="-1D")
    lines = [[f"{day:%b %d, %Y}"] + (refund if i < 2 else order) for i, day in enumerate(days)]
    text = '"Transaction report"\n"Jan 01, 2024 - Jul 27, 2024"\n"Seller ID: vintagefinds_tx"\n\n' + "".join(
        ",".join(f'"{cell}"' for cell in line) + "\n" for line in [names] + lines)
    raw = read_table(text.encode(), "Transaction_report.csv")
    assert list(raw.columns) == names and len(raw) == 40


def test_a_label_column_of_total_on_every_row_is_data_not_an_internal_error() -> None:
    # an airport's report with only its Total rows kept: 'TypeError: boolean value of NA is ambiguous'
    months = "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec"
    text = f"Year,Category,{months}\n" + "".join(
        f"{year},Total," + ",".join(str(3000 + 10 * m + year % 7) for m in range(12)) + "\n"
        for year in range(2015, 2024))
    series = load_series(text.encode(), "totals.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 108


def test_a_flight_logs_rows_alike_are_flights_in_a_days_mean_and_count() -> None:
    # BTS's on-time download with a few fields ticked: 24,861 of 27,000 rows dropped as copies, a day's share of
    # delayed flights read 0.5 for 0.15; '12:00:00 AM' is the day's midnight, no time to the second
    rng = np.random.default_rng(0)
    days = pd.date_range("2023-01-01", periods=40, freq="D")
    delayed = rng.random(40 * 300) < 0.15
    text = "FL_DATE,OP_UNIQUE_CARRIER,ORIGIN,DEST,DEP_DEL15\n" + "".join(
        f"{day.month}/{day.day}/{day.year} 12:00:00 AM,{rng.choice(['AA', 'DL'])},BOS,{rng.choice(['ATL', 'ORD'])},"
        f"{'1.00' if late else '0.00'}\n" for day, late in zip(np.repeat(days, 300), delayed))
    series = load_series(text.encode(), "T_ONTIME_REPORTING.csv", LoadOptions(target="DEP_DEL15"))
    assert series.frame["y"].to_numpy() == pytest.approx(delayed.reshape(40, 300).mean(axis=1))
    counted = load_series(text.encode(), "T_ONTIME_REPORTING.csv", LoadOptions(per="day", duplicates="count"))
    assert (counted.frame["y"] == 300).all()


def test_a_closed_day_said_in_a_notes_column_beside_a_blank_value_is_said_with_the_way_to_count_it() -> None:
    # a café's takings sheet: 'Bank Hol - closed' in 'Notes' beside a blank cell, filled as a trading day, unsaid
    days = pd.date_range("2023-03-01", periods=120, freq="D")
    closed = {pd.Timestamp("2023-04-07"), pd.Timestamp("2023-05-08")}
    text = "Date,Takings,Notes\n" + "".join(f"{day:%d/%m/%Y},,Bank Hol - closed\n" if day in closed else
                                            f"{day:%d/%m/%Y},{900 + 7 * (i % 9)}.50,\n" for i, day in enumerate(days))
    series = load_series(text.encode(), "takings.csv")
    said = [str(notice) for notice in series.report.notices if notice.key == "notice.closed_words"]
    assert len(said) == 1 and said[0].startswith("2 rows without a value in 'Takings' say the place was closed")


def test_years_across_with_a_change_column_after_them_under_a_title_are_one_monthly_series() -> None:
    # an airport's year-on-year table: '% Chg 23/22' after the years made it steps, and under its title January's
    # figures became the header
    names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    lines = ['"Passenger Traffic - Total Passengers"', "", "Month,2019,2020,2021,2022,2023,% Chg 23/22"]
    lines += [f"{name}," + ",".join(f'"{3_000_000 + 50_000 * year + 10_000 * k:,}"' for year in range(5)) + ",1.6%"
              for k, name in enumerate(names)]
    series = load_series(("\n".join(lines) + "\n").encode(), "traffic.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 60
    assert series.frame["y"].iloc[0] == 3_000_000 and series.frame["y"].iloc[-1] == 3_310_000


def test_a_sections_total_among_dates_across_is_left_out_with_the_grand_total() -> None:
    # NetSuite's 'Sales by Item Summary': 'Total - Bottles' under 'Bottles : BTL-500-BLK' was forecast as a series
    months = ",".join(f'"{m:%b %Y}"' for m in pd.date_range("2022-01-01", periods=24, freq="MS"))

    def row(label: str, level: float) -> str:
        return f'"{label}",' + ",".join(f'"${level + 13 * k:,.2f}"' for k in range(24))
    lines = [f'"Item",{months}', '"Bottles"' + ',""' * 24, row("Bottles : BTL-500-BLK", 8000),
             row("Bottles : BTL-750-BLK", 9000), row("Total - Bottles", 17000), '"Accessories"' + ',""' * 24,
             row("Accessories : LID-SPT-01", 800), row("Total - Accessories", 800), row("Total", 17800)]
    raw = read_table(("\n".join(lines) + "\n").encode(), "sales_by_item.csv")
    assert set(raw["Item"]) == {"Bottles : BTL-500-BLK", "Bottles : BTL-750-BLK", "Accessories : LID-SPT-01"}


def test_notes_of_holiday_cover_or_a_till_not_closed_say_no_closed_day() -> None:
    # from the review: 'Holiday cover - Sam forgot to enter' and 'till not closed - figure missing' beside blank
    # takings were said to be closed days, with advice to count them as none
    days = pd.date_range("2023-03-01", periods=100, freq="D")
    for note in ("Holiday cover - Sam forgot to enter", "till not closed - figure missing"):
        text = "Date,Takings,Comments\n" + "".join(f"{day:%d/%m/%Y},,{note}\n" if i % 12 == 5 else
                                                   f"{day:%d/%m/%Y},{900 + 7 * (i % 9)}.50,\n"
                                                   for i, day in enumerate(days))
        series = load_series(text.encode(), "takings.csv")
        assert not [n for n in series.report.notices if n.key == "notice.closed_words"]


def test_bank_holidays_and_a_reason_before_closed_in_notes_say_closed_days() -> None:
    # from the review: 'Bank Holiday' and 'No staff - closed' beside blank takings were no longer said to be closed
    days = pd.date_range("2023-01-02", periods=120, freq="D")
    notes = {5: "Bank Holiday", 33: "Public holiday", 50: "No staff - closed", 75: "no sales closed"}
    text = "Date,Takings,Notes\n" + "".join(f"{day:%d/%m/%Y},,{notes[i]}\n" if i in notes else
                                           f"{day:%d/%m/%Y},{800 + 7 * (i % 9)}.50,\n" for i, day in enumerate(days))
    said = [str(n) for n in load_series(text.encode(), "takings.csv").report.notices if n.key == "notice.closed_words"]
    assert len(said) == 1 and said[0].startswith("4 rows without a value in 'Takings' say the place was closed")


def test_weigh_ins_several_on_some_days_and_none_on_others_are_told_how_to_read_one_a_day() -> None:
    # a smart scale's export: 234 weigh-ins over 180 days were read as 234 days, with no word of --per day
    rng = np.random.default_rng(3)
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    stamps = [day + pd.Timedelta(hours=7, minutes=int(m)) for day in days for m in
              rng.choice([0, 30, 200], size=int(rng.choice([0, 1, 1, 2])), replace=False)]
    text = "Date,Weight (kg)\n" + "".join(f"{t:%Y-%m-%d %H:%M:%S},{82 + rng.normal(0, 0.5):.2f}\n" for t in stamps)
    series = load_series(text.encode(), "weight.csv")
    said = [str(n) for n in series.report.notices if n.key == "notice.several_rows_a_day"]
    assert len(said) == 1 and f"{len(stamps)} rows fall on" in said[0]
    assert "notice.several_rows_a_day" not in [n.key for n in load_series(
        text.encode(), "weight.csv", LoadOptions(per="day")).report.notices]


def test_a_headerless_table_of_years_and_twelve_months_is_read_as_months() -> None:
    # NOAA PSL's climate indices (' 1950   -0.92   -0.38 ...'): January alone was forecast as 'column 2'
    years = range(1950, 2000)
    def cell(year: int, month: int) -> float:
        return -99.9 if year == 1999 and month >= 8 else round(((year * 12 + month) % 17) / 10 - 0.8, 2)
    rows = [f" {year}" + "".join(f"{cell(year, month):8.2f}" for month in range(12)) for year in years]
    series = load_series(("\n".join(rows) + "\n").encode(), "nao.data.txt")
    assert series.frequency.name == "monthly" and len(series.frame) == 49 * 12 + 8
    assert series.frame["ds"].iloc[13] == pd.Timestamp("1951-02-01")
    assert series.frame["y"].iloc[13] == pytest.approx(round(((1951 * 12 + 1) % 17) / 10 - 0.8, 2))
    assert "notice.bare_calendar_across" in [notice.key for notice in series.report.notices]


def test_a_block_of_percent_comment_lines_above_headerless_months_with_nan_cells_is_read() -> None:
    # Berkeley Earth's 'Land_and_Ocean_complete.txt': the '%' lines' words were the header ('This', 'file', ...) and
    # the month numbers forecast; its first rows write 'NaN' for the annual means not yet in
    notes = ["% This file contains a brief summary of the changes in Earth's global average surface",
             "% temperature estimated by combining the Berkeley Earth land-surface temperature", "% ",
             "% Temperatures are in Celsius and reported as anomalies relative to the", "% Jan 1951-Dec 1980 average.",
             "% ", "%      Jan    Feb    Mar    Apr    May    Jun    Jul    Aug    Sep    Oct    Nov    Dec",
             "%     12.23  12.44  13.06  13.97  14.95  15.66  15.95  15.78  15.19  14.26  13.24  12.49", "% ",
             "% Year, Month,  Anomaly, Unc.,   Anomaly, Unc.", "%                Monthly          Annual", ""]
    rows = [f"  {1850 + k // 12}     {k % 12 + 1:2d}   {(k % 9 - 4) / 10:6.3f}  0.350" +
            ("     NaN    NaN" if k < 12 else f"  {(k % 5) / 10:7.3f}  0.300") for k in range(120)]
    series = load_series(("\n".join(notes + rows) + "\n").encode(), "Land_and_Ocean_complete.txt")
    assert series.target == "column 3" and series.frequency.name == "monthly" and len(series.frame) == 120
    assert series.frame["y"].iloc[1] == pytest.approx(-0.3)


def test_nass_z_cells_are_zero_and_a_yearly_statistics_blank_years_are_missing_not_other_records() -> None:
    # NASS's '(Z)' (less than half the unit shown) was read as blank, and with its '(D)' years the blanks were left
    # out as 'other records (events, scans)' between readings
    cells = "2 (Z) 1 (Z) 3 1 (Z) 2 (D) (Z) 1 2 (Z) (Z) 3 2 1 (Z) 2 3 (Z) 1 2 (Z) 3 1".split()
    text = '"Program","Year","Period","State","Value"\n' + "".join(
        f'"SURVEY","{2023 - k}","YEAR","RHODE ISLAND","{cell}"\n' for k, cell in enumerate(cells))
    series = load_series(text.encode(), "nass.csv")
    assert len(series.frame) == 26 and (series.frame["y"] == 0).sum() == 9
    keys = [notice.key for notice in series.report.notices]
    assert "notice.below_half_unit" in keys and "notice.rows_between_readings" not in keys


def test_a_headerless_file_of_codes_years_quarters_and_an_index_is_read_by_code_and_quarter() -> None:
    # FHFA's 'HPI_AT_state.csv' ('AK,1975,1,100.95', no header): the first row was the header and the year, named
    # '1975', was forecast in steps
    rows = [f"{state},{year},{quarter},{100 + 0.7 * k + 3 * s:.2f}" for s, state in enumerate(("AK", "AL", "AR"))
            for k, (year, quarter) in enumerate((year, quarter) for year in range(1975, 1990) for quarter in range(1, 5))]
    text = ("\n".join(rows) + "\n").encode()
    table = read_table(text, "HPI_AT_state.csv")
    assert list(table.columns) == ["column 1", "year-quarter", "column 4"]
    series = load_series("\n".join(row for row in rows if row.startswith("AL")).encode(), "al.csv")
    assert series.frequency.name == "quarterly" and series.target == "column 4" and len(series.frame) == 60
    assert "notice.bare_calendar_quarters" in [notice.key for notice in series.report.notices]


def test_a_total_row_without_a_date_is_said_to_be_a_total_not_a_date_to_write() -> None:
    # YouTube Studio's 'Table data.csv' opens with its 'Total' row, its publish time blank: the notice asked to write
    # its date in the file
    days = pd.date_range("2023-01-02", periods=30, freq="W-MON")
    text = "Content,Video publish time,Views\nTotal,,99999\n" + "".join(
        f"v{k:03d},\"{day:%b} {day.day}, {day.year}\",{1000 + 37 * k}\n" for k, day in enumerate(days))
    notices = load_series(text.encode(), "Table data.csv").report.notices
    assert [str(n) for n in notices if n.key == "notice.summary_rows"] == [
        "1 row summing up or annotating the table (Total) was left out."]
    assert "notice.missing_dates" not in [notice.key for notice in notices]


def test_title_lines_padded_to_the_tables_width_with_dates_and_digits_are_left_out() -> None:
    # Eco-Visio's export: the site, its period and its time step, each padded with ';;;', above the header: refused
    # as 'No numeric column' (the site's name was taken for the header)
    stamps = pd.date_range("2023-03-01", periods=300, freq="15min")
    text = ('"Totem Albert 1er";;;\n"Période : 01/03/2023 - 30/04/2023";;;\n"Pas de temps : 15 minutes";;;\n;;;\n'
            "Time;Totem Albert 1er IN;Totem Albert 1er OUT;Totem Albert 1er\n" + "".join(
                f"{stamp:%d/%m/%Y %H:%M};{k % 7};{k % 5};{k % 7 + k % 5}\n" for k, stamp in enumerate(stamps)))
    series = load_series(text.encode("utf-8-sig"), "eco.csv")
    assert series.target == "Totem Albert 1er" and len(series.frame) == 300
    assert series.frequency.name == "every 15 minutes"


def test_review_reader_twelve_stations_a_year_and_mid_month_events_stay_as_they_were() -> None:
    # a headerless table of a year and twelve stations' levels was read as 29 years of months; a meter's mid-month
    # service rows between monthly readings were filled in as readings
    rng = np.random.default_rng(0)
    rows = [f"{year} " + " ".join(f"{8 + k * 0.8 + 0.03 * i + rng.normal(0, 0.3):7.2f}" for k in range(12))
            for i, year in enumerate(range(1995, 2024))]
    stations = load_series(("\n".join(rows) + "\n").encode(), "annual_12_stations.txt")
    assert stations.frequency.name == "yearly" and len(stations.frame) == 29
    lines = ["Date,Consumption_kWh,Type"]
    for i, month in enumerate(pd.date_range("2019-01-01", periods=60, freq="MS")):
        lines.append(f"{month:%Y-%m-%d},{400 + 30 * np.sin(2 * np.pi * i / 12):.1f},reading")
        if i % 7 == 3:
            lines.append(f"{month + pd.Timedelta(days=14):%Y-%m-%d},,meter serviced")
    events = load_series(("\n".join(lines) + "\n").encode(), "monthly_events.csv")
    assert len(events.frame) == 60 and "notice.rows_between_readings" in [n.key for n in events.report.notices]


def test_second_review_reader_an_empty_column_a_first_reading_missing_and_a_calendar_time() -> None:
    # a workbook's empty 'Notes' column crashed the command line's id search; a logger's first row of only its time
    # under a title made its header no header; 'Calendar Time' was read as ending its intervals ('end')
    from core.panel.split import _keys_of_each_stamp
    table = pd.DataFrame({"Month": pd.date_range("2021-01-01", periods=20, freq="MS").repeat(2),
                          "Notes": pd.Series([None] * 40, dtype=object)})
    assert not _keys_of_each_stamp(table, "Notes", "Month")
    lines = ["Logger export: Well MW-3", "", "Timestamp,Level (m),Temp (C)"] + [
        f"2024-05-{1 + h // 24:02d} {h % 24:02d}:00," + ("," if h == 0 else f"{12 + h % 5 / 100:.3f},11.{h % 9}")
        for h in range(72)]
    logger = load_series(("\n".join(lines) + "\n").encode(), "well.csv")
    assert logger.target == "Level (m)" and len(logger.frame) == 71
    stamps = pd.date_range("2025-08-01", "2025-10-01", freq="h", inclusive="left").append(
        pd.date_range("2025-10-01", "2025-10-20", freq="15min", inclusive="left"))
    text = "Calendar Time,price\n" + "".join(f"{t:%Y-%m-%d %H:%M},{t.hour * 10 + t.minute / 6:.1f}\n" for t in stamps)
    shown = load_series(text.encode(), "cal.csv").frame.set_index("ds")["y"]
    assert shown.loc["2025-10-02 01:00"] == pytest.approx(13.75)  # 01:00 to 01:45, not 00:15 to 01:00 (6.25)


def test_a_logger_whose_first_reading_has_only_its_us_time_under_a_title_keeps_its_header() -> None:
    # a review: '03/01/2024 10:00:00 AM,,' alone under 'Plot Title: Cooler 3' was taken for a padded title
    stamps = pd.date_range("2024-03-01 10:00", periods=200, freq="15min")
    lines = ["Plot Title: Cooler 3,,", "Date Time,Temp (F),RH (%)"] + [
        f"{t:%m/%d/%Y %I:%M:%S %p}," + ("," if i == 0 else f"{38 + i % 5 / 10:.1f},{80 + i % 7}")
        for i, t in enumerate(stamps)]
    series = load_series(("\n".join(lines) + "\n").encode(), "logger.csv")
    assert series.target == "Temp (F)" and len(series.frame) == 199


def _report_lines(header: str, stamps: pd.DatetimeIndex, row: object, summary: object) -> bytes:
    """A report's CSV: ``header``, then ``row(k, stamp)`` for each stamp, each followed by ``summary(stamp)`` where it
    gives a line."""
    lines = [header]
    for k, stamp in enumerate(stamps):
        lines += [row(k, stamp), *([line] if (line := summary(stamp)) else [])]
    return ("\n".join(lines) + "\n").encode()


def test_a_reports_running_windows_and_month_subtotals_by_name_are_left_out_as_summaries() -> None:
    # from a walk: STR's 'Current Week' after each Saturday (and 'Running 3 Month', 'Running 12 Month' under its
    # months) sent the file to numbered steps; an Opera report's 'Total January 2023' was said to be an unreadable date
    days = pd.date_range("2022-09-04", periods=140, freq="D")
    text = _report_lines("Date,Occ %,ADR", days, lambda k, day: f"{day:%m/%d/%Y},{60 + k % 9}.5,{150 + k % 5}.25",
                         lambda day: "Current Week,64.0,152.1" if day.dayofweek == 5 else None)
    weekly = load_series(text + b"Running 3 Month,63.2,151.0\nRunning 12 Month,62.8,150.9\n", "str.csv")
    assert (weekly.frequency.name, len(weekly.frame)) == ("daily", 140)
    text = _report_lines("Business Date,Rooms Sold,Room Revenue", pd.date_range("2023-01-01", "2023-06-30"),
                         lambda k, day: f"{day:%d-%b-%y},{80 + day.day % 7},{10000 + 31 * day.day}",
                         lambda day: f"Total {day:%B %Y},,999999" if (day + pd.Timedelta(days=1)).day == 1 else None)
    monthly = load_series(text, "opera.csv")
    assert len(monthly.frame) == 181 and monthly.frame["y"].max() < 20000
    assert "notice.bad_dates" not in [notice.key for notice in monthly.report.notices]


def test_a_statements_blank_debit_on_paydays_is_read_as_0_without_calling_the_days_holidays() -> None:
    # from a walk: Capital One's 'Debit' blank on the 15th and month ends (salary rows) was said to fall on holidays
    # ("choose zero"), then, in the next note, read as 0
    rng = np.random.default_rng(6)
    lines = ["Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit"]
    for day in pd.date_range("2022-01-01", "2024-03-29", freq="D")[::-1]:
        if day.day == 15 or day.is_month_end:
            lines.append(f"{day:%Y-%m-%d},{day:%Y-%m-%d},4321,ACME CORP PAYROLL,Payment/Credit,,2450.00")
        lines += [f"{day:%Y-%m-%d},{day:%Y-%m-%d},4321,SAFEWAY #1234,Merchandise,{rng.uniform(5, 90):.2f},"
                  for _ in range(int(rng.choice([0, 1, 1, 2, 3])))]
    keys = [notice.key for notice in load_series(("\n".join(lines) + "\n").encode(), "download.csv").report.notices]
    assert "notice.other_side_blank" in keys and "notice.blank_holidays" not in keys


def test_rows_past_the_moment_a_report_was_made_are_left_out_of_the_history() -> None:
    # from a walk: a booking pace report 'As of: 09/15/2024 06:00' lists stay dates to December with the rooms booked
    # so far: read as history, its forecast started from a January of 9 rooms
    days = pd.date_range("2023-01-01", "2024-12-31", freq="D")
    rooms = [120 + k % 7 * 5 if day < pd.Timestamp("2024-09-15") else max(5, 100 - (day.dayofyear - 258))
             for k, day in enumerate(days)]
    table = "Stay Date,Capacity,Rooms Sold\n" + "".join(f"{day:%m/%d/%Y},180,{n}\n" for day, n in zip(days, rooms))
    pace = load_series(("Booking Pace Report\nAs of: 09/15/2024 06:00\n\n" + table).encode(), "pace.csv")
    assert pace.frame["ds"].iloc[-1] == pd.Timestamp("2024-09-15") and pace.target == "Rooms Sold"
    assert "notice.after_made" in [notice.key for notice in pace.report.notices]
    later = load_series(("Booking Pace Report\nAs of: 01/05/2025 06:00\n\n" + table).encode(), "pace.csv")
    assert later.frame["ds"].iloc[-1] == pd.Timestamp("2024-12-31")


def test_review_as_of_keeps_a_month_begun_by_then_and_a_budgets_months_to_come() -> None:
    # the third review: a fund's month-end NAV 'As of 03/28/2024' lost March (stamped 03/31, begun by then); a budget's
    # months after 'As of: 06/30/2024' were dropped as bookings still to come
    months = pd.date_range("2019-01-31", "2024-03-31", freq="ME")
    nav = "Month End,NAV\n" + "".join(f"{day:%m/%d/%Y},{100 + k:.2f}\n" for k, day in enumerate(months))
    fund = load_series(("Fund Monthly Returns\nAs of 03/28/2024\n\n" + nav).encode(), "fund.csv")
    assert fund.frame["ds"].iloc[-1] == pd.Timestamp("2024-03-31")
    starts = pd.date_range("2021-01-01", "2024-12-01", freq="MS")
    plan = "Month,Budget,Actual\n" + "".join(
        f"{day:%m/%d/%Y},{1000 + k},{'' if day > pd.Timestamp('2024-06-30') else 990 + k}\n"
        for k, day in enumerate(starts))
    budget = load_series(("FY2024 Budget vs Actual\nAs of: 06/30/2024\n\n" + plan).encode(), "plan.csv",
                         LoadOptions(target="Budget"))
    assert budget.frame["ds"].iloc[-1] == pd.Timestamp("2024-12-01")
    actual = load_series(("As of: 06/30/2024\n\n" + plan.replace("Actual", "Sales")).encode(), "plan.csv",
                         LoadOptions(target="Sales"))
    assert actual.frame["ds"].iloc[-1] == pd.Timestamp("2024-06-01")


def test_review_one_currency_named_keeps_its_amounts_unwarned_and_a_cash_and_card_pair_its_closed_days() -> None:
    # the review of the batch: Stripe's 'Customer Facing Currency' beside its 'Currency' (usd only) was said to mix
    # currencies; a cash and card pair lost the notice of its closed days
    rng = np.random.default_rng(2)
    stamps = pd.Timestamp("2023-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 120 * 86_400, 400)), unit="s")
    stripe = pd.DataFrame({"Amount": rng.integers(10, 200, 400).astype(float), "Currency": "usd",
                           "Created (UTC)": stamps.strftime("%Y-%m-%d %H:%M"),
                           "Customer Facing Currency": rng.choice(["usd", "eur", "gbp"], 400)})
    keys = [notice.key for notice in load_series(stripe.to_csv(index=False).encode(), "stripe.csv",
                                                 LoadOptions(per="day", duplicates="sum")).report.notices]
    assert "notice.currencies_mixed" not in keys
    days = pd.date_range("2023-03-01", periods=120, freq="D")
    closed = (days.dayofweek == 0) | days.strftime("%m-%d").isin(["04-07", "05-01"])
    cash = np.where(closed, np.nan, rng.integers(50, 400, 120).astype(float))
    cash[~closed & (rng.random(120) < 0.12)] = np.nan
    takings = pd.DataFrame({"Date": days.strftime("%Y-%m-%d"), "Cash": cash,
                            "Card": np.where(closed, np.nan, rng.integers(200, 1500, 120).astype(float)),
                            "Notes": np.where(closed, "Closed", "")})
    keys = [notice.key for notice in load_series(takings.to_csv(index=False).encode(), "takings.csv").report.notices]
    assert "notice.closed_words" in keys and "notice.other_side_blank" in keys


def test_review_as_of_reads_the_files_date_order_a_days_end_and_no_price_base() -> None:
    # the second review: 'As of: 09/05/2024' above month-first dates was read as 9 May (four months dropped); 'Values
    # in prices as of 2015' cut a series at 2015; 'As of 12/31/2023' dropped the finished December
    days = pd.date_range("2024-01-01", periods=248, freq="D")
    daily = "".join(f"{day:%m/%d/%Y},{80 + k % 9}\n" for k, day in enumerate(days))
    us = load_series(f"Daily Pickup Report\nAs of: 09/05/2024 06:00\n\nDate,Rooms Sold\n{daily}".encode(), "p.csv")
    assert len(us.frame) == 248
    quarters = "".join(f"{2004 + k // 4} Q{k % 4 + 1},{300000 + 900 * k}\n" for k in range(80))
    base = load_series(f"Real spending\nValues in prices as of 2015\n\nQuarter,Spending\n{quarters}".encode(), "b.csv")
    assert len(base.frame) == 80
    months = "".join(f"{2020 + k // 12}-{k % 12 + 1:02d},{1000 + 7 * k}\n" for k in range(48))
    december = load_series(f"Monthly Sales Report\nAs of 12/31/2023\n\nMonth,Sales\n{months}".encode(), "m.csv")
    assert len(december.frame) == 48


def test_review_a_blank_text_column_reads_and_an_amount_named_by_its_currency_is_not_said_mixed() -> None:
    # the second review: a Shopify export's blank 'Discount Code' crashed the loader (an internal error); N26's
    # 'Amount (EUR)' beside its 'Type Foreign Currency' was said to mix currencies
    rng = np.random.default_rng(16)
    stamps = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 90 * 24, 400)), unit="h")
    orders = pd.DataFrame({"Created at": stamps.strftime("%Y-%m-%d %H:%M:%S"), "Discount Code": "",
                           "Lineitem quantity": rng.integers(1, 4, 400)})
    assert load_series(orders.to_csv(index=False).encode(), "orders.csv").target == "Lineitem quantity"
    days = pd.Timestamp("2023-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 365, 300)), unit="D")
    n26 = pd.DataFrame({"Date": days.strftime("%Y-%m-%d"), "Amount (EUR)": -rng.gamma(2, 20, 300).round(2),
                        "Type Foreign Currency": rng.choice(["", "", "USD", "GBP", "CHF"], 300)})
    keys = [notice.key for notice in load_series(n26.to_csv(index=False).encode(), "n26.csv",
                                                 LoadOptions(per="month", duplicates="sum")).report.notices]
    assert "notice.currencies_mixed" not in keys


def test_review_as_of_keeps_a_finished_month_end_and_a_currency_column_of_several_codes_still_warns() -> None:
    # the last review: 'As of: 01/10/2024' above month-end stamps dropped December (ended 10 days before); a
    # 'Royalty USD' beside a 'Currency' of USD, EUR, GBP and JPY was no longer said to mix currencies
    ends = pd.date_range("2021-01-31", periods=36, freq="ME")
    rows = "".join(f"{end:%m/%d/%Y},{1000 + 10 * k}\n" for k, end in enumerate(ends))
    report = load_series(f"Monthly Sales Report\nAs of: 01/10/2024\n\nMonth End,Net Sales\n{rows}".encode(), "m.csv")
    assert len(report.frame) == 36
    rng = np.random.default_rng(5)
    stamps = pd.Timestamp("2023-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 365, 300)), unit="D")
    royalties = pd.DataFrame({"Date": stamps.strftime("%Y-%m-%d"), "Currency": rng.choice(["USD", "EUR", "JPY"], 300),
                              "Royalty USD": rng.gamma(2, 20, 300).round(2)})
    keys = [notice.key for notice in load_series(royalties.to_csv(index=False).encode(), "kdp.csv",
                                                 LoadOptions(per="month", duplicates="sum")).report.notices]
    assert "notice.currencies_mixed" in keys


def test_time_trackers_durations_are_hours_and_a_loggers_date_beside_its_time_one_stamp() -> None:
    # from the walks: Toggl's 'Duration' 01:30:00 was refused and its Yes/No 'Billable' forecast; Jira's 'Time Spent'
    # '2h 30m' refused; HOBOware's 'Time, GMT-05:00' and KorEXO's 'Time (HH:mm:ss)' read as 96 series of a time each
    days = pd.bdate_range("2024-01-01", periods=80)
    toggl = "Billable,Start date,Duration\n" + "".join(
        f"{'Yes' if k % 3 else 'No'},{day:%Y-%m-%d},{1 + k % 3:02d}:{k * 15 % 60:02d}:00\n"
        for k, day in enumerate(days))
    tracked = load_series(toggl.encode(), "toggl.csv")
    assert tracked.target == "Duration" and tracked.frame["y"].iloc[1] == pytest.approx(2.25)
    jira = "Issue Key,Started,Time Spent\n" + "".join(
        f"WEB-{k},{day:%Y-%m-%d},{1 + k % 3}h {k * 15 % 60}m\n" for k, day in enumerate(days))
    assert load_series(jira.encode(), "jira.csv", LoadOptions(target="Time Spent")).frame["y"].iloc[1] == 2.25
    calls = "Date,Talk Duration\n" + "".join(f"{day:%Y-%m-%d},0:{4 + k % 3:02d}:30\n" for k, day in enumerate(days))
    talk = load_series(calls.encode(), "calls.csv")
    assert talk.frame["y"].iloc[0] == 4.5 and "notice.duration_minutes" in [n.key for n in talk.report.notices]
    stamps = pd.date_range("2023-06-01", periods=96 * 10, freq="15min")
    hobo = "\"Plot Title: Barn\"\n#,Date,\"Time, GMT-05:00\",\"Temp, °F\"\n" + "".join(
        f"{k + 1},{stamp:%m/%d/%y},{stamp:%I:%M:%S %p},{60 + stamp.hour / 2:.2f}\n" for k, stamp in enumerate(stamps))
    assert load_series(hobo.encode(), "hobo.csv").frequency.alias == "15min"
    kor = "KOR Export File,,\nFILE CREATED:,07/22/2023 10:41:07,\nDate (MM/DD/YYYY),Time (HH:mm:ss),Chlorophyll RFU\n"
    sonde = load_series((kor + "".join(f"{stamp:%m/%d/%Y},{stamp:%H:%M:%S},{3 + stamp.hour / 10:.2f}\n"
                                       for stamp in stamps)).encode(), "kor.csv")
    assert len(sonde.frame) == len(stamps)


def test_a_vintage_is_the_year_and_sales_as_of_a_moment_leave_the_presales_out() -> None:
    # from the walks: a winery's 'Vintage' read as the target of numbered steps; a box office's 'Sales as of 1/15/2024
    # 9:02 AM' above performances to May, their presales read as history
    harvest = "Vintage,Tons\n" + "".join(f"{year},{12 + year % 5}.25\n" for year in range(2000, 2024))
    vintages = load_series(harvest.encode(), "tons.csv")
    assert vintages.target == "Tons" and vintages.frame["ds"].iloc[0] == pd.Timestamp("2000-01-01")
    days = pd.date_range("2023-01-01", "2024-05-19", freq="D")
    sold = "Perf Date,Total Sold\n" + "".join(f"{day:%m/%d/%Y},{400 if day <= pd.Timestamp('2024-01-15') else 90}\n"
                                              for day in days)
    summary = load_series(("Performance Sales Summary\nSales as of 1/15/2024 9:02 AM\n\n" + sold).encode(), "s.csv")
    assert summary.frame["ds"].iloc[-1] == pd.Timestamp("2024-01-15")


def test_the_date_a_record_was_entered_gives_way_to_its_deals_date() -> None:
    # from a walk: Salesforce's 'Created Date' (when a gift was keyed in) was the time before its 'Close Date'
    days = pd.date_range("2022-07-01", periods=200, freq="D")
    gifts = "Opportunity Name,Created Date,Close Date,Amount\n" + "".join(
        f"Gift {k},{day + pd.Timedelta(days=k % 9):%m/%d/%Y},{day:%m/%d/%Y},{25 + k % 4 * 25}\n"
        for k, day in enumerate(days))
    assert load_series(gifts.encode(), "opps.csv").date_col == "Close Date"
    tickets = gifts.replace("Close Date", "Due Date")  # no deal beside it: when the record was made stays the time
    assert load_series(tickets.encode(), "tickets.csv").date_col == "Created Date"


def test_a_periods_start_gives_way_to_a_finer_date_of_each_row() -> None:
    # Walmart's reconciliation report: 'Period Start Date' (a two-week settlement cycle, 13 values) was the time over
    # 'Transaction Posted Timestamp' (each sale's day)
    days = pd.date_range("2024-01-03", periods=182, freq="D")
    rows = [f"{day - pd.Timedelta(days=(day - days[0]).days % 14):%m/%d/%Y},"
            f"{day - pd.Timedelta(days=(day - days[0]).days % 14) + pd.Timedelta(days=13):%m/%d/%Y},"
            f"{4560485159 + k * 3 + j},{day:%m/%d/%Y},SALE,{20 + (k + j) % 9}.97\n"
            for k, day in enumerate(days) for j in range(2)]
    recon = "Period Start Date,Period End Date,Transaction Key,Transaction Posted Timestamp,Transaction Type,Amount\n"
    series = load_series((recon + "".join(rows)).encode(), "WalmartReconReport.csv")
    assert series.date_col == "Transaction Posted Timestamp" and series.frequency.name == "daily"
    payroll = "Pay Period Start,Pay Period End,Pay Date,Gross Pay\n" + "".join(  # one pay date a period: its start
        f"{day:%m/%d/%Y},{day + pd.Timedelta(days=13):%m/%d/%Y},{day + pd.Timedelta(days=18):%m/%d/%Y},{3000 + k}\n"
        for k, day in enumerate(pd.date_range("2023-01-02", periods=26, freq="14D")))
    assert load_series(payroll.encode(), "payroll.csv").date_col == "Pay Period Start"


def test_review_a_races_minutes_a_runs_time_taken_a_half_month_as_of_and_a_monthly_balance_mean() -> None:
    # the fourth review: races' '26:18' (minutes and seconds) read as hours; a run log's 'Time (hh:mm:ss)' joined to
    # its date as a clock; a half month of sales stamped 09/30 kept under 'As of 09/15/2024'; a balance's monthly
    # mean, asked for, read as the last
    weeks = pd.date_range("2024-01-01", periods=40, freq="W-MON")
    races = "Date,Duration\n" + "".join(f"{day:%Y-%m-%d},{25 + k % 9}:{k * 7 % 60:02d}\n"
                                        for k, day in enumerate(weeks))
    with pytest.raises(DataError) as refused:
        load_series(races.encode(), "races.csv", LoadOptions(target="Duration"))
    assert refused.value.key == "err.target_durations"
    days = pd.date_range("2024-01-01", periods=80, freq="D")
    runs = "Date,Time (hh:mm:ss),Avg HR\n" + "".join(f"{day:%Y-%m-%d},00:{25 + k % 20}:10,{150 + k % 13}\n"
                                                      for k, day in enumerate(days))
    assert load_series(runs.encode(), "runs.csv").date_col == "Date"
    ends = pd.date_range("2021-01-31", "2024-09-30", freq="ME")
    sales = "Month Ending,Net Sales\n" + "".join(f"{day:%m/%d/%Y},{100000 + k * 37}\n" for k, day in enumerate(ends))
    report = load_series(("Monthly Sales Report\nAs of 09/15/2024\n\n" + sales).encode(), "s.csv")
    assert report.frame["ds"].iloc[-1] == pd.Timestamp("2024-08-31")
    ledger = "Date,Amount,Balance\n" + "".join(f"{day:%Y-%m-%d},-10,{100 * k}\n{day:%Y-%m-%d},110,{100 * k + 110}\n"
                                               for k, day in enumerate(pd.date_range("2024-01-01", periods=300)))
    mean = load_series(ledger.encode(), "bank.csv", LoadOptions(target="Balance", per="month")).frame["y"]
    assert mean.iloc[0] == pytest.approx(np.mean([v for k in range(31) for v in (100 * k, 100 * k + 110)]))



def test_a_daily_exports_snapshot_of_today_after_its_midnights_is_left_out() -> None:
    # from a walk: CoinGecko's daily prices end with today's at 14:23 (a day of 14 hours: the week's days moved on)
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    rows = "".join(f"{day:%Y-%m-%d %H:%M:%S} UTC,{42000 + k * 60}.5\n" for k, day in enumerate(days))
    prices = load_series(("snapped_at,price\n" + rows + "2024-04-29 14:23:08 UTC,49211.3\n").encode(), "btc.csv")
    assert len(prices.frame) == 120 and "notice.running_period" in [n.key for n in prices.report.notices]
    for late in ("23:15:00", "23:59:00"):  # (the twelfth review: from 22:45 on, kept as a day's price)
        later = load_series(("snapped_at,price\n" + rows + f"2024-04-29 {late} UTC,49211.3\n").encode(), "btc.csv")
        assert len(later.frame) == 120


def test_a_summary_reports_month_on_each_blocks_first_row_over_its_subtotal_is_carried_down() -> None:
    # from a walk: Salesforce's summary report writes 'July 2022' once over its record types and a 'Subtotal' under
    # them: read as 97 steps, its grand total the last
    months = pd.date_range("2022-07-01", periods=24, freq="MS")
    lines = ["Close Date (Calendar Month),Opportunity Record Type,Sum of Amount"]
    for k, month in enumerate(months):
        lines += [f"{month:%B %Y},Donation,\"${30000 + k * 37:,}.00\"", f",Grant,\"${15000 + k * 11:,}.00\"",
                  f"Subtotal,,\"${45000 + k * 48:,}.00\""]
    raw = read_table(("\n".join(lines + ["Total,,\"$1,000,000.00\""]) + "\n").encode(), "sf.csv")
    layout = plan_layout(raw, LoadOptions(), None, None)
    assert layout.id_cols == ("Opportunity Record Type",) and layout.probe.frequency.name == "monthly"


def test_a_trips_start_dates_it_before_its_end_and_an_all_time_total_is_no_target() -> None:
    # from a walk: TfL's journeys ('End Date' before 'Start Date') were dated by where they ended; Citi Bike's daily
    # 'Total Annual Members (All Time)' was forecast before its trips
    starts = pd.date_range("2022-06-01", periods=900, freq="97min")
    journeys = "Rental Id,Duration,End Date,Start Date\n" + "".join(
        f"{k},{600 + k % 50},{start + pd.Timedelta(minutes=10 + k % 50):%d/%m/%Y %H:%M},{start:%d/%m/%Y %H:%M}\n"
        for k, start in enumerate(starts))
    counted = LoadOptions(per="day", duplicates="count")
    assert load_series(journeys.encode(), "tfl.csv", counted).date_col == "Start Date"
    days = pd.date_range("2017-01-01", periods=200, freq="D")
    daily = "Date,Trips over the past 24-hours,Total Annual Members (All Time),Annual Member Sign-Ups\n" + "".join(
        f"{day:%m/%d/%y},\"{40000 + k * 37 % 9000:,}\",\"{130000 + 300 * k:,}\",{290 + k % 21}\n"
        for k, day in enumerate(days))
    assert load_series(daily.encode(), "cb.csv").target == "Trips over the past 24-hours"


def test_review_a_notes_as_of_an_invoices_due_date_a_last_order_and_release_vintages_keep_their_reading() -> None:
    # the fifth review: 'Series definition changed as of 2019-01-01' cut five years of history; an invoice's sparse
    # 'Payment Date' left its 'Due Date' to date the rows; a customer's 'Last Order Date' went before 'Date Added';
    # real-time data's release 'Vintage' (2023-Q4) was taken for the time before its 'Quarter'
    months = pd.date_range("2018-01-01", periods=72, freq="MS")
    sales = "Month,Sales\n" + "".join(f"{month:%Y-%m-%d},{1000 + k * 10}\n" for k, month in enumerate(months))
    noted = load_series(("Monthly Retail Sales\nSeries definition changed as of 2019-01-01\n\n" + sales).encode(),
                        "s.csv")
    assert len(noted.frame) == 72
    days = pd.date_range("2023-01-02", periods=300, freq="D")
    invoices = "Invoice #,Created Date,Due Date,Payment Date,Amount\n" + "".join(
        f"INV-{k},{day:%Y-%m-%d},{day + pd.Timedelta(days=30):%Y-%m-%d},"
        + f"{day + pd.Timedelta(days=9):%Y-%m-%d}" * (k % 3 > 0) + f",{100 + k % 80}\n" for k, day in enumerate(days))
    assert load_series(invoices.encode(), "inv.csv").date_col == "Created Date"
    customers = invoices.replace("Due Date", "Signup Note").replace("Payment Date", "Last Order Date")
    assert load_series(customers.encode(), "cust.csv").date_col == "Created Date"
    quarters = pd.period_range("2014Q1", periods=40, freq="Q")
    releases = "Vintage,Quarter,GDP\n" + "".join(
        f"{release},{quarter.year}-Q{quarter.quarter},{20000 + k * 150}.5\n"
        for release in ("2023-Q4", "2024-Q1") for k, quarter in enumerate(quarters))
    assert plan_layout(read_table(releases.encode(), "gdp.csv"), LoadOptions(), None, None).id_cols == ("Vintage",)


def test_review_a_wines_vintage_a_clock_changes_midnight_an_early_reading_and_an_all_time_rating_keep_reading() -> None:
    # the sixth review: a winery's one 'Vintage' a row gave way to its 'Release Date' and was forecast; local
    # midnights written in UTC lost their last day at a clock change, and a 9 am gauge read at 8 am its last reading,
    # as days still running; an all-time average rating was taken for a running total
    years = range(1990, 2022)
    wines = "Vintage,Release Date,Cases Produced\n" + "".join(
        f"{year},{year + 2}-03-{1 + year % 27:02d},{2000 + k * 40 + k % 7}\n" for k, year in enumerate(years))
    vintages = load_series(wines.encode(), "wine.csv")
    assert (vintages.date_col, vintages.target) == ("Vintage", "Cases Produced")
    midnights = pd.date_range("2023-12-01", "2024-04-01", freq="D", tz="Europe/London").tz_convert("UTC")
    steps = "date,steps\n" + "".join(f"{day:%Y-%m-%dT%H:%M:%SZ},{7000 + k % 9 * 100}\n"
                                     for k, day in enumerate(midnights))
    assert len(load_series(steps.encode(), "steps.csv").frame) == len(midnights)
    mornings = [*pd.date_range("2024-01-01 09:00", periods=119, freq="D"), pd.Timestamp("2024-04-29 08:00")]
    gauge = "Reading Time,Rainfall (mm)\n" + "".join(f"{day:%Y-%m-%d %H:%M},{k % 5}.5\n"
                                                     for k, day in enumerate(mornings))
    assert len(load_series(gauge.encode(), "gauge.csv").frame) == 120
    days = pd.date_range("2024-01-01", periods=200, freq="D")
    ratings = "Date,Rating (All Time),Reviews\n" + "".join(f"{day:%Y-%m-%d},{4.1 + k % 7 / 100:.2f},{k % 4}\n"
                                                           for k, day in enumerate(days))
    assert load_series(ratings.encode(), "ratings.csv").target == "Rating (All Time)"
    evenings = [*pd.date_range("2023-01-01 18:30", periods=300, freq="D"), pd.Timestamp("2023-10-28 06:10")]
    orders = "timestamp_utc,orders\n" + "".join(f"{day:%Y-%m-%d %H:%M:%S},{900 + k % 50}\n"
                                                 for k, day in enumerate(evenings))
    assert len(load_series(orders.encode(), "orders.csv").frame) == 300  # a snapshot across UTC's midnight too
    quarters = pd.period_range("2009Q1", periods=60, freq="Q")
    first = "Vintage,Reference Quarter,GDP First Release\n" + "".join(
        f"{quarter.end_time + pd.Timedelta(days=27):%Y-%m-%d},{quarter.year}Q{quarter.quarter},{15000 + k * 80}.5\n"
        for k, quarter in enumerate(quarters))
    assert load_series(first.encode(), "gdp.csv").date_col == "Reference Quarter"  # release days: no reference


def test_review_an_instalment_number_a_sales_target_a_repeated_vintage_and_an_early_reading_keep_their_roles() -> None:
    # the ninth review: a loan's 'Installment' 1, 2, 3 and a payroll's 'Pay Period' were forecast in place of a
    # constant payment; a constant 'Sales Target' in place of whole-dollar 'Sales'; a Census 'Vintage' of plain years
    # on each year's rows took the 'Year''s place; a reservoir read at 06:30 after its 08:00s was left out
    from core.panel.split import plan_layout

    months = pd.date_range("2021-02-15", periods=36, freq="MS") + pd.Timedelta(days=14)
    loans = "Payment Date,Loan,Installment,Payment Amount\n" + "".join(
        f"{month:%Y-%m-%d},{loan},{k + 1},{pay}\n" for k, month in enumerate(months)
        for loan, pay in (("L-1001", 412.5), ("L-1002", 655.2), ("L-1003", 298.75)))
    raw = read_table(loans.encode(), "loans.csv")
    assert plan_layout(raw, LoadOptions(), None, None).probe.target == "Payment Amount"
    weeks = pd.date_range("2024-01-01", periods=40, freq="W-MON")
    stores = "Week,Store,Sales Target,Sales\n" + "".join(
        f"{week:%Y-%m-%d},Store {store},{target},{target - 1300 + (k * 977 + store * 31) % 2600}\n"
        for k, week in enumerate(weeks) for store, target in ((12, 48000), (14, 52000)))
    raw = read_table(stores.encode(), "stores.csv")
    assert plan_layout(raw, LoadOptions(), None, None).probe.target == "Sales"
    census = "Vintage,Year,Resident Population\n" + "".join(
        f"{vintage},{year},{300000 + 2000 * (year - 2010) + vintage % 7}\n"
        for vintage in range(2012, 2024) for year in range(2010, vintage + 1))
    assert load_series(census.encode(), "census.csv", LoadOptions(duplicates="last")).date_col == "Year"
    mornings = [*pd.date_range("2024-01-01 08:00", periods=200, freq="D"), pd.Timestamp("2024-07-19 06:30")]
    level = "Reading Time,Reservoir Level (m)\n" + "".join(f"{day:%Y-%m-%d %H:%M},{120 + k % 9 / 10:.1f}\n"
                                                          for k, day in enumerate(mornings))
    assert len(load_series(level.encode(), "reservoir.csv").frame) == 201


def test_a_verify_date_beside_its_hour_an_epic_instant_and_an_expiry_before_a_count_date_are_read() -> None:
    # a pharmacy walk: Cerner's 'Verify Date' and 'Hour' made 24 daily series; Epic's '1/1/24 0002' was no date;
    # an inventory count's first column 'Expiration Date' dated the counts by when their lots expire
    days = pd.date_range("2024-02-01", periods=20, freq="D")
    cerner = "Verify Date,Hour,Orders Verified\n" + "".join(f"{d:%m/%d/%Y},{h:02d}:00,{4 + h % 7}\n"
                                                          for d in days for h in range(24))
    hourly = load_series(cerner.encode(), "cerner.csv")
    assert hourly.frequency.name == "hourly" and len(hourly.frame) == 480
    stamps = pd.date_range("2024-01-01 00:02", periods=300, freq="37min")
    epic = "Dispense Instant,Dispense Qty\n" + "".join(f"{t.month}/{t.day}/{t:%y %H%M},{1 + k % 3}\n"
                                                       for k, t in enumerate(stamps))
    assert load_series(epic.encode(), "epic.csv").frame["ds"].iloc[-1] == stamps[-1]
    counts = pd.date_range("2023-01-06", periods=40, freq="W-FRI")
    inventory = "Expiration Date,Count Date,Counted Qty\n" + "".join(
        f"{d + pd.Timedelta(days=400 + 9 * (k % 5)):%m/%d/%Y},{d:%m/%d/%Y},{100 + k % 7}\n"
        for k, d in enumerate(counts))
    assert load_series(inventory.encode(), "count.csv").date_col == "Count Date"


def test_a_term_code_is_no_target_beside_the_headcount() -> None:
    # PeopleSoft's STRM ('Term' 2238, Fall 2023) was forecast as the series, its 'Headcount' offered as a regressor
    terms = [2124, 2126, 2128, 2132, 2134, 2136, 2142, 2144, 2146, 2152, 2154, 2156]
    text = "Institution,Term,Descr,Headcount\n" + "".join(f"SMPL1,{term},Term {term},{19000 + 37 * k % 900}\n"
                                                           for k, term in enumerate(terms))
    assert load_series(text.encode(), "strm.csv").target == "Headcount"
    for name in ("Admit Term", "Term Cd", "TERM_CODE"):  # (the twelfth review: only whole names were told)
        named = text.replace("Institution,Term,", f"Institution,{name},")
        assert load_series(named.encode(), "strm.csv").target == "Headcount"
    loans = "Month,Long Term,Branches\n" + "".join(f"2023-{m:02d},{4100 + 37 * m},{12 + m % 2}\n" for m in range(1, 13))
    assert load_series(loans.encode(), "loans.csv").target == "Long Term"  # a loan book's, no term code


def test_review_an_order_number_a_harvest_date_and_an_evening_snapshot_keep_their_roles() -> None:
    # the tenth review: a subscription's 'Sales Order' 50001, 50002 was forecast beside its constant 'Amount' (a
    # measure by its name); a crush report's 'Harvest Date' of each variety took its 'Vintage''s place; CoinGecko's
    # price at 22:30 after its midnights was kept as a day's
    from core.panel.split import plan_layout

    months = pd.date_range("2022-01-05", periods=24, freq="MS")
    orders = "Billing Date,Customer,Sales Order,Amount\n" + "".join(
        f"{m:%Y-%m-%d},{c},{50001 + 3 * k + i},{a}\n" for k, m in enumerate(months)
        for i, (c, a) in enumerate((("Acme", 499), ("Globex", 899), ("Initech", 249))))
    assert plan_layout(read_table(orders.encode(), "so.csv"), LoadOptions(), None, None).probe.target == "Amount"
    crush = "Vintage,Variety,Harvest Date,Brix,Tons\n" + "".join(
        f"{year},{variety},{year}-09-{10 + k % 15:02d},{23 + k % 4}.5,{40 + k % 9}\n"
        for k, year in enumerate(range(2005, 2024)) for variety in ("Cabernet", "Merlot"))
    layout = plan_layout(read_table(crush.encode(), "crush.csv"), LoadOptions(), None, None)
    assert layout.probe.date_col == "Vintage" and layout.id_cols == ("Variety",)
    days = [*pd.date_range("2024-05-01", periods=60, freq="D"), pd.Timestamp("2024-06-29 22:30")]
    prices = "snapped_at,price\n" + "".join(f"{d:%Y-%m-%d %H:%M:%S} UTC,{60000 + k * 10}\n" for k, d in enumerate(days))
    assert len(load_series(prices.encode(), "coingecko.csv").frame) == 60


def test_review_hours_worked_a_term_deposit_bracketed_statistics_and_an_expense_date_keep_their_roles() -> None:
    # the eleventh review: a timesheet's 'Hour' of hours worked (7:30) was joined to its date as a clock; 'Term
    # Deposits' was taken for a term code; 'Temperature (min)/(avg)/(max)' forecast the minimum; an 'Exp Date' (an
    # expense's) gave way to 'Submitted Date'
    days = pd.date_range("2024-02-01", periods=30, freq="D")
    sheet = "Work Date,Employee,Hour,Pay\n" + "".join(
        f"{d:%m/%d/%Y},{e},{6 + k % 3}:{'30' if k % 2 else '00'},{120 + k}\n" for k, d in enumerate(days)
        for e in ("Ann", "Bo"))
    assert load_series(sheet.encode(), "hours.csv", LoadOptions(target="Pay")).frequency.name == "daily"
    months = pd.date_range("2019-01-01", periods=60, freq="MS")
    deposits = "Month,Term Deposits,Savings Accounts\n" + "".join(f"{m:%Y-%m},{250000 + 913 * k},{80 + k % 7}\n"
                                                                  for k, m in enumerate(months))
    assert load_series(deposits.encode(), "bank.csv").target == "Term Deposits"
    temps = "date,Temperature (min),Temperature (avg),Temperature (max)\n" + "".join(
        f"{d:%Y-%m-%d},{8 + k % 3},{11 + k % 4}.5,{15 + k % 5}\n" for k, d in enumerate(days))
    assert load_series(temps.encode(), "t.csv").target == "Temperature (avg)"
    expenses = "Exp Date,Submitted Date,Category,Item,Amount\n" + "".join(  # ('Item': the thirteenth review)
        f"{d:%m/%d/%Y},{d + pd.Timedelta(days=7 - d.dayofweek % 7):%m/%d/%Y},Travel,Taxi,{40 + k}.5\n"
        for k, d in enumerate(days))
    assert load_series(expenses.encode(), "exp.csv").date_col == "Exp Date"


def test_review_a_lots_exp_date_gives_way_to_the_stock_date_and_an_expenses_does_not() -> None:
    # the twelfth review: 'Exp. Date' before 'Stock Date' dated a stock list by when its lots expire
    days = pd.date_range("2024-03-01", periods=40, freq="D")
    stock = "Product,Exp. Date,Stock Date,Qty\n" + "".join(
        f"Yogurt,{day + pd.Timedelta(days=130 + k % 9):%Y-%m-%d},{day:%Y-%m-%d},{70 + k % 13}\n"
        for k, day in enumerate(days))
    assert load_series(stock.encode(), "stock.csv").date_col == "Stock Date"  # (an expense's: the test above)


@pytest.mark.parametrize("year", ["Underwriting Year", "Accident Year", "Year of Account"])
def test_an_insurers_kind_of_year_beside_its_quarters_is_one_quarterly_time(year: str) -> None:
    # a Lloyd's bordereau: 'Underwriting Year' and 'Quarter' Q1 to Q4 were 8 yearly series by the quarter and class
    rows = [(y, q, cls, 10_000_000 + 250_000 * (y - 2015) + 900_000 * (q == 1) + k)
            for k, (y, q, cls) in enumerate((y, q, cls) for y in range(2015, 2024) for q in range(1, 5)
                                             for cls in ("Property", "Marine"))]
    text = f"{year},Quarter,Class,Gross Written Premium\n" + "".join(
        f"{y},Q{q},{cls},{gwp}\n" for y, q, cls, gwp in rows)
    series = load_series(text.encode(), "bdx.csv", LoadOptions(target="Gross Written Premium"))
    assert series.frequency.name == "quarterly" and series.frame["ds"].iloc[1] == pd.Timestamp("2015-04-01")


def test_review_a_water_years_months_are_not_put_in_its_calendar_year() -> None:
    # the thirteenth review: 'Water Year' 2012 with 'Oct' ... 'Sep' was read as the calendar year, its October 2011
    # put after its September 2012
    months = ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"]
    text = "Water Year,Month,Mean Discharge (cfs)\n" + "".join(
        f"{year},{month},{300 + 40 * k + year % 7}\n" for year in range(2012, 2020) for k, month in enumerate(months))
    assert load_series(text.encode(), "wy.csv").frequency.name != "monthly"  # (its months as series, as before)


@pytest.mark.parametrize("hours", [[f"HE{h:02d}" for h in range(1, 26)], [f"{h}:00" for h in range(1, 25)],
                                   [f"{h:02d}:00" for h in range(24)]])
def test_a_utilitys_hours_across_the_columns_are_read_as_an_hourly_series(hours: list[str]) -> None:
    # from a walk: interval data with 'HE01' to 'HE24' (and 'HE25' for the day the clocks go back) was read as a
    # daily series of its first hour, the other hours offered as regressors
    days = pd.date_range("2023-10-01", periods=40, freq="D")
    rng = np.random.default_rng(2)
    use = np.round(170 + 150 * ((np.arange(24) >= 7) & (np.arange(24) < 18)) + rng.normal(0, 5, (40, 24)), 2)
    rows = []
    for k, day in enumerate(days):
        cells = [f"{value:.2f}" for value in use[k]] + ([""] if len(hours) == 25 else [])
        rows.append(f"3001234567,{day:%m/%d/%Y},KWH," + ",".join(cells) + f",{use[k].sum():.2f}\n")
    text = "Account Number,Read Date,UOM," + ",".join(hours) + ",Daily Total\n" + "".join(rows)
    series = load_series(text.encode(), "interval.csv")
    assert series.frequency.alias in ("h", "H") and len(series.frame) == 40 * 24
    assert series.frame["y"].to_numpy() == pytest.approx(use.ravel())
    assert series.frame["ds"].iloc[7] == pd.Timestamp("2023-10-01 07:00")
    assert "notice.hours_across_left" in [notice.key for notice in series.report.notices]
