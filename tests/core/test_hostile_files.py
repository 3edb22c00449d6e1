"""Hostile and malformed files fail early with one line naming the problem, the limit and its variable.

Every file is built at test time and kept small, so each test runs in well under a second when the
guard works (no timing is asserted; a regression shows as a slow or memory-hungry test).
"""
from __future__ import annotations

import gzip
import io
import re
import struct
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from core.data.read import _detect_delimiter, _header_alone, _sniff_dialect
from core.data.tidy import LoadOptions, load_series
from core.errors import DataError, LimitError
from core.i18n import said

CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'spreadsheetml.sheet.main+xml"/></Types>')


def one_line_error(data: bytes, name: str, options: LoadOptions | None = None) -> str:
    with pytest.raises(DataError) as caught:
        load_series(data, name, options)
    message = str(caught.value)
    assert message and "\n" not in message and len(message) < 400
    return message


def make_zip(members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def with_method(data: bytes, method: int) -> bytes:
    """Rewrite the compression method of every member, in the local headers and the central directory."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = raw.find(signature)
        while start >= 0:
            struct.pack_into("<H", raw, start + offset, method)
            start = raw.find(signature, start + 4)
    return bytes(raw)


def csv_bytes(values: list[object], start: str = "2020-01-01") -> bytes:
    stamps = pd.date_range(start, periods=len(values), freq="D")
    return ("date,y\n" + "\n".join(f"{d:%Y-%m-%d},{v}" for d, v in zip(stamps, values))).encode()


# 1. Limits before parsing --------------------------------------------------------------------------

def test_xlsx_bomb_is_refused_from_the_zip_directory() -> None:
    bomb = make_zip({"[Content_Types].xml": CONTENT_TYPES, "xl/worksheets/sheet1.xml": b"\0" * 3_000_000})
    assert len(bomb) < 20_000
    message = one_line_error(bomb, "bomb.xlsx")
    assert "sheet1.xml" in message and "limit of 100" in message and "TSR_MAX_COMPRESSION_RATIO" in message


def test_xlsx_over_the_unpacked_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_UNCOMPRESSED_MB", "1")
    big = make_zip({"[Content_Types].xml": CONTENT_TYPES, "xl/worksheets/sheet1.xml": b"x" * 2_000_000},
                   zipfile.ZIP_STORED)
    message = one_line_error(big, "big.xlsx")
    assert "unpacks to 2 MB, more than the limit of 1 MB" in message and "TSR_MAX_UNCOMPRESSED_MB" in message


def workbook(sheets: dict[str, pd.DataFrame]) -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    return buffer.getvalue()


def far_cell_workbook(cell: str) -> bytes:
    """Twenty days of a series and one stray cell at ``cell``: 1.7 KB that the reader fills out to the whole range."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["date", "y"])
    for day in range(20):
        sheet.append([f"2020-01-{day + 1:02d}", float(day)])
    sheet[cell] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("cell", "said"), [("XFD3000", "16,384 columns"), ("ALL50000", "50,000,000 cells")])
def test_a_stray_cell_far_from_the_table_is_refused_before_the_sheet_is_built(cell: str, said: str) -> None:
    # A cell at XFD3000 took 27 s and 3.4 GB before the column limit spoke; one at ALL50000 passed every limit (3.5 GB).
    message = one_line_error(far_cell_workbook(cell), "far.xlsx")
    assert said in message, message
    if "cells" in message:
        assert "runs to ALL50000" in message and "TSR_MAX_SHEET_CELLS" in message
    assert len(load_series(far_cell_workbook("C25"), "near.xlsx").frame) == 20  # a cell beside the table is fine


def with_renamed_sheet_part(data: bytes, target: str) -> bytes:
    """``data`` with its first sheet's relationship pointing at ``target``."""
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            members[info.filename] = archive.read(info.filename)
    links = members["xl/_rels/workbook.xml.rels"].decode()
    members["xl/_rels/workbook.xml.rels"] = links.replace("/xl/worksheets/sheet1.xml", target).replace(
        '"worksheets/sheet1.xml"', f'"{target}"').encode()
    return make_zip(members)


def test_a_sheet_named_in_other_capitals_is_measured_and_one_that_cannot_be_is_refused() -> None:
    # A relationship to WORKSHEETS/sheet1.xml skipped every size check, and calamine, which finds the part whatever
    # its case, asked for 550 GB for a stray cell at XFD1048576 of a 2 KB file: the server process aborted.
    capitals = with_renamed_sheet_part(far_cell_workbook("XFD1048576"), "WORKSHEETS/sheet1.xml")
    message = one_line_error(capitals, "x.xlsx")
    assert "16,384 columns" in message, message
    near = with_renamed_sheet_part(far_cell_workbook("C25"), "WORKSHEETS/sheet1.xml")
    assert len(load_series(near, "near.xlsx").frame) == 20
    lost = one_line_error(with_renamed_sheet_part(far_cell_workbook("C25"), "worksheets/gone.xml"), "lost.xlsx")
    assert "does not say where the sheet's cells are kept" in lost or "cannot be read" in lost, lost
    assert one_line_error(near, "near.xlsx", LoadOptions(sheet="Nope")) == "'near.xlsx' has no sheet 'Nope': its " \
        "sheets are 'Sheet'."


@pytest.mark.parametrize("sheet", [1, "long"])
def test_a_sheet_over_the_row_limit_is_refused_before_a_cell_is_parsed(sheet: int | str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the sheet was parsed")

    monkeypatch.setenv("TSR_MAX_ROWS", "1000")
    days = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=1500, freq="D"), "y": np.arange(1500.0)})
    data = workbook({"short": days.iloc[:20], "long": days})
    monkeypatch.setattr(pd, "read_excel", never)
    message = one_line_error(data, "big.xlsx", LoadOptions(sheet=sheet))
    assert "1,500 rows" in message and "TSR_MAX_ROWS" in message
    monkeypatch.undo()
    monkeypatch.setenv("TSR_MAX_ROWS", "1000")
    assert len(load_series(data, "big.xlsx", LoadOptions(sheet=0)).frame) == 20  # the short sheet is read


def test_zip_member_with_an_unsupported_compression_method_gives_one_line() -> None:
    data = with_method(make_zip({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>"},
                                zipfile.ZIP_STORED), 9)  # 9: deflate64, which zipfile cannot unpack
    message = one_line_error(data, "deflate64.xlsx")
    assert "method 9" in message and "cannot unpack" in message


def test_blank_lines_do_not_count_against_the_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # One row of data and six million blank lines: "The file has 6,000,001 rows, more than the limit".
    monkeypatch.setenv("TSR_MAX_ROWS", "50")
    assert len(load_series(csv_bytes(list(range(30))) + b"\n" * 200, "x.csv").frame) == 30
    message = one_line_error(csv_bytes(list(range(60))) + b"\n" * 200, "x.csv")
    assert "60 rows, more than the limit of 50" in message


def test_a_truncated_parquet_files_message_is_not_cut_mid_sentence(tmp_path: Path) -> None:
    path = tmp_path / "ok.parquet"
    pd.DataFrame({"ds": pd.date_range("2024-01-01", periods=30), "y": range(30)}).to_parquet(path)
    message = one_line_error(path.read_bytes()[:500], "trunc.parquet")
    assert "not a parquet file)" in message and message.endswith("save it as CSV.")  # was cut at 'or this is)'


def test_parquet_over_the_row_limit_is_refused_from_its_footer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    frame = pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=50, freq="D"), "y": np.arange(50.0)})
    path = tmp_path / "rows.parquet"
    frame.to_parquet(path)
    monkeypatch.setenv("TSR_MAX_ROWS", "20")

    def no_data_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the data was read before the row count was checked")

    monkeypatch.setattr(pd, "read_parquet", no_data_read)
    message = one_line_error(path.read_bytes(), "rows.parquet")
    assert "50 rows, more than the limit of 20" in message and "TSR_MAX_ROWS" in message


@pytest.mark.parametrize("encoded", [True, False])
def test_parquet_text_that_unpacks_past_the_limit_is_refused_unread(monkeypatch: pytest.MonkeyPatch,
                                                                      encoded: bool) -> None:
    # One 1,000-character value on every row: a few kB on disk as a dictionary, 20 MB once pandas holds it.
    rows = 20_000
    text = pa.DictionaryArray.from_arrays(pa.array(np.zeros(rows, dtype=np.int32)), pa.array(["x" * 1_000]))
    table = pa.table({"ds": pa.array(np.arange(rows)), "y": pa.array(np.ones(rows)),
                      "note": text if encoded else text.dictionary_decode()})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    monkeypatch.setenv("TSR_MAX_UNCOMPRESSED_MB", "5")
    monkeypatch.setattr(pd, "read_parquet", lambda *args, **kwargs: pytest.fail("the text was unpacked"))
    message = one_line_error(sink.getvalue(), "notes.parquet")
    assert "holds 20 MB of text once unpacked, more than the limit of 5 MB" in message
    assert "TSR_MAX_UNCOMPRESSED_MB" in message


@pytest.mark.parametrize("kind", ["list", "struct"])
def test_parquet_with_nested_columns_is_refused_unread(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    # Text inside a list column escaped the text-size check: 1 GB of strings in a 10 KB file took 3.3 GB to read.
    rows = 100
    nested = (pa.array([["x" * 10] * 3] * rows) if kind == "list"
              else pa.array([{"a": "x", "b": 1.0}] * rows))
    table = pa.table({"ds": pa.array(np.arange(rows)), "y": pa.array(np.ones(rows)), "tags": nested})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    monkeypatch.setattr(pd, "read_parquet", lambda *args, **kwargs: pytest.fail("the file was read"))
    message = one_line_error(sink.getvalue(), "nested.parquet")
    assert message.startswith(f"'nested.parquet' has a column of nested values ('tags', {kind})"), message


def test_parquet_of_too_many_cells_is_refused_from_its_footer(monkeypatch: pytest.MonkeyPatch) -> None:
    # 50,000 rows of 1,000 columns of zeros pack into 0.9 MB, within the row and column limits, and took 1.5 GB.
    monkeypatch.setenv("TSR_MAX_SHEET_CELLS", "1000")
    sink = io.BytesIO()
    pq.write_table(pa.table({f"c{i}": pa.array(np.zeros(200)) for i in range(10)}), sink)
    monkeypatch.setattr(pd, "read_parquet", lambda *args, **kwargs: pytest.fail("the file was read"))
    message = one_line_error(sink.getvalue(), "zeros.parquet")
    assert message.startswith("The file has 2,000 cells, more than the limit of 1,000"), message
    assert "TSR_MAX_SHEET_CELLS" in message


def test_text_file_of_too_many_cells_is_refused_before_it_is_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    # 98,756 rows of 1,000 one-digit columns (199 MB, within the size, row and column limits) took 3.6 GB to read.
    monkeypatch.setenv("TSR_MAX_SHEET_CELLS", "1000")
    rows = "\n".join(f"2020-01-{day:02d}," + ",".join(["1"] * 99) for day in range(1, 12))
    text = ("ds," + ",".join(f"c{i}" for i in range(99)) + "\n" + rows + "\n").encode()
    monkeypatch.setattr(pd, "read_csv", lambda *args, **kwargs: pytest.fail("the file was parsed"))
    message = one_line_error(text, "wide.csv")
    assert message.startswith("The file has 1,100 cells, more than the limit of 1,000"), message
    assert "keep the columns you need" in message and "TSR_MAX_SHEET_CELLS" in message
    monkeypatch.undo()
    monkeypatch.setenv("TSR_MAX_SHEET_CELLS", "1100")  # at the limit: read
    assert len(load_series(text, "wide.csv").frame) == 11


def test_a_long_history_written_across_is_read_past_the_column_limit() -> None:
    # BIS's monthly CPI since 1914 in 1,328 columns was refused, with a fix (TSR_MAX_COLUMNS) no page user can set
    months = pd.date_range("1914-01-01", periods=1_320, freq="MS").strftime("%Y-%m")
    text = "REF_AREA,Reference area," + ",".join(months) + "\nUS,United States," + ",".join(
        f"{10 * 1.0025 ** i:.4f}" for i in range(len(months))) + "\n"
    series = load_series(text.encode(), "WS_LONG_CPI_csv_col.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 1_320


def test_parquet_over_the_column_limit_is_refused(tmp_path: Path) -> None:
    frame = pd.DataFrame(np.zeros((2, 1_001)), columns=[f"c{i}" for i in range(1_001)])
    path = tmp_path / "wide.parquet"
    frame.to_parquet(path)
    message = one_line_error(path.read_bytes(), "wide.parquet")
    assert "1,001 columns, more than the limit of 1,000" in message and "TSR_MAX_COLUMNS" in message


def test_csv_over_the_column_limit_is_refused_from_its_header() -> None:
    header = ",".join(f"c{i}" for i in range(10_000))
    message = one_line_error((header + "\n" + ",".join("1" * 10_000) + "\n").encode(), "wide.csv")
    assert message == ("The file has 10,000 columns, more than the limit of 1,000: keep the columns you need, "
                       "or set TSR_MAX_COLUMNS to raise the limit.")


def test_two_megabyte_header_of_one_repeated_name_is_refused_before_pandas_renames_it() -> None:
    header = ",".join(["sales"] * 350_000)  # about 2 MB
    assert len(header) > 2_000_000
    message = one_line_error((header + "\n1,2\n").encode(), "dupes.csv")
    assert "350,000 columns" in message and "TSR_MAX_COLUMNS" in message


def test_csv_over_the_row_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_ROWS", "100")
    message = one_line_error(csv_bytes(list(range(150))), "long.csv")
    assert "150 rows, more than the limit of 100" in message and "TSR_MAX_ROWS" in message


def test_a_limit_variable_that_is_not_a_number_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_COLUMNS", "lots")
    message = one_line_error(csv_bytes(list(range(12))), "ok.csv")
    assert "TSR_MAX_COLUMNS is set to 'lots'" in message


def test_limits_are_limit_errors_and_files_within_them_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_ROWS", "11")
    with pytest.raises(LimitError):
        load_series(csv_bytes(list(range(12))), "a.csv")
    monkeypatch.setenv("TSR_MAX_ROWS", "12")
    assert len(load_series(csv_bytes(list(range(12))), "a.csv").frame) == 12


# 2. Filling missing time stamps --------------------------------------------------------------------

def spanning_centuries(freq: str) -> bytes:
    stamps = pd.date_range("1678-01-01", periods=11, freq=freq).append(
        pd.date_range("2261-01-01", periods=11, freq=freq))
    return ("date,y\n" + "\n".join(f"{d:%Y-%m-%d %H:%M},{i}" for i, d in enumerate(stamps))).encode()


def test_filling_gaps_across_six_centuries_names_the_rows_it_would_make(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_ROWS", "100000")
    message = one_line_error(spanning_centuries("D"), "span.csv", LoadOptions(fill_gaps=True))
    assert "would make 212,947 rows" in message and "limit of 100,000" in message and "TSR_MAX_ROWS" in message


def test_filling_hourly_gaps_across_six_centuries_is_refused_at_the_default_limit() -> None:
    message = one_line_error(spanning_centuries("h"), "span.csv", LoadOptions(fill_gaps=True))
    assert "would make 5,110,475 rows" in message and "limit of 5,000,000" in message


# 3. Bounded delimiter detection --------------------------------------------------------------------

def test_crafted_sniffer_input_fails_fast_with_the_loaders_own_line() -> None:
    data = (",'a" * 21_846).encode()  # 64 KB; csv.Sniffer backtracks for minutes on this
    message = one_line_error(data, "sniff.csv")
    assert "columns, more than the limit" in message


def test_crafted_sniffer_input_within_a_raised_column_limit_still_ends_in_one_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_COLUMNS", "5000")  # pandas renames repeated names in quadratic time: keep it small
    message = one_line_error((",'a" * 2_730).encode(), "sniff.csv")
    assert "no data rows" in message


@pytest.mark.parametrize(("lines", "expected"), [
    (["date;value", "01.01.2020;1,5", "02.01.2020;2,5"], ";"),
    (["a\tb\tc", "1\t2\t3", "4\t5\t6"], "\t"),
    (["a|b", "1|2", "3|4"], "|"),
    (['Month,Passengers', '1949-01,"113,001"', '1949-02,"114,002"'], ","),
    (["just one column", "1", "2"], ","),
    ([], ","),
])
def test_delimiter_detection_picks_the_consistent_candidate(lines: list[str], expected: str) -> None:
    assert _detect_delimiter(lines) == expected


def test_decimal_comma_detection_is_kept() -> None:
    # decimal commas seen: a comma, not a guess from points (False)
    assert _sniff_dialect("Datum;Umsatz\n01.01.2020;1.001.001,5\n02.01.2020;1.002.002,5\n") == (";", ",", False)
    assert _sniff_dialect("Datum;Umsatz\n01.01.2020;975\n02.01.2020;1.002\n") == (";", ",", True)


# 4. Narrow catches ---------------------------------------------------------------------------------

def test_malformed_xlsx_xml_gives_one_line() -> None:
    data = make_zip({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook><sheets><sheet name="})
    message = one_line_error(data, "broken.xlsx")
    assert message.startswith("'broken.xlsx' is an Excel workbook that cannot be read (")
    assert message.endswith("open it in Excel and save it again, or export the sheet as CSV.")


@pytest.mark.parametrize("name", ["notes.xlsx", "renamed.csv"])
def test_a_zip_that_is_not_a_workbook_says_so_once_and_how_to_use_it(name: str) -> None:
    message = one_line_error(make_zip({"readme.txt": "hello", "data.csv": "a,b\n1,2\n"}), name)
    assert message == (f"'{name}' is a zip archive (holding readme.txt, data.csv), not a CSV or an Excel workbook: "
                       "unzip it and load the file inside.")
    assert "workbook (" not in message and "export the sheet" not in message  # no second, contrary advice


def test_a_damaged_zip_says_it_is_damaged() -> None:
    data = make_zip({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>"})
    message = one_line_error(data[: len(data) // 2], "cut.xlsx")
    assert message.startswith("'cut.xlsx' starts like a zip archive (as Excel workbooks do) but is damaged (")


@pytest.mark.parametrize(("text", "expected"), [
    ("a,b,c,d\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4,5,6,7\n",
     "line 5 has 7 fields where the header has 4: check that every row has the same number of commas"),
    ("a;b\n\n1;2\n\n3;4\n5;6;7\n", "line 6 has 3 fields where the header has 2: check that every row has the "
                                      "same number of semicolons"),
])
def test_a_ragged_row_is_named_by_line_and_field_counts_without_pandas_words(text: str, expected: str) -> None:
    message = one_line_error(text.encode(), "ragged.csv")
    assert message == ("The rows do not line up into columns: " + expected
                       + ", and put cells that contain one in double quotes.")
    assert "C error" not in message and "tokenizing" not in message


MONTH_STAMPS = [f"{2021 + i // 12}-{i % 12 + 1:02d}-01" for i in range(24)]


@pytest.mark.parametrize(("values", "line", "number"), [
    ([1000 + 1250.5 * i for i in range(24)], 2, "1,000.00"),  # every row a field more: the dates were taken for an
    # index of R's row names, 'Date' read the thousands and 'Sales' the rest (fitted as steps, exit 0)
    ([250.0 * (i + 1) for i in range(24)], 5, "1,000.00"),  # the first numbers below 1,000: pandas' own field count
])
def test_numbers_with_unquoted_thousands_separators_are_refused_with_the_fix(values: list[float], line: int,
                                                                              number: str) -> None:
    text = "Date,Sales\n" + "".join(f"{stamp},{value:,.2f}\n" for stamp, value in zip(MONTH_STAMPS, values))
    assert one_line_error(text.encode(), "sales.csv") == (
        f"The rows do not line up into columns: line {line} has 3 fields where the header has 2, as the comma in a "
        f"number written with thousands separators ({number}) splits it in two: put numbers that contain commas in "
        "double quotes, or save the file without thousands separators.")


def test_a_first_field_that_repeats_is_no_row_name() -> None:
    # Rows of a field more than the header are R's row names only where each row has its own: pandas took the dates
    # for the index, 'Date' read the sales and 'Sales' the promotions.
    text = "Date,Sales\n" + "".join(f"{stamp},{100 + i},{i % 2}\n" for i, stamp in enumerate(MONTH_STAMPS[:6] * 3))
    assert one_line_error(text.encode(), "sales.csv") == (
        "The rows do not line up into columns: line 2 has 3 fields where the header has 2: check that every row has "
        "the same number of commas, and put cells that contain one in double quotes.")


def test_broken_utf16_gives_one_line() -> None:
    assert "UTF-16" in one_line_error(b"\xff\xfe\x00", "odd.csv")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_a_byte_order_mark_is_read(encoding: str) -> None:
    # SQL Server's bcp -w writes no mark: the NUL of every other byte had the file refused as binary data.
    text = "date;Umsatz €\r\n" + "".join(f"2021-{m:02d}-01;{1000 + m},5\r\n" for m in range(1, 13))
    series = load_series(text.encode(encoding), "export.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("date", "Umsatz €", 12)
    assert series.frame["y"].iloc[0] == 1001.5
    cut = text.encode(encoding) + b"\x00"  # a copy cut after an odd byte still reads
    assert len(load_series(cut, "export.csv").frame) == 12
    binary = b"\x00\x00\x01\x00" + bytes(range(256)) * 4  # NULs at every other byte, but no text
    assert "binary data, neither text nor a workbook or Parquet file the reader knows: choose a CSV" in one_line_error(
        binary, "dump.csv")  # it named CSV alone, where workbooks and Parquet files are read too


def test_a_bug_in_tidy_is_not_reported_as_a_bad_file(monkeypatch: pytest.MonkeyPatch) -> None:
    import core.data.tidy as tidy_module

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug in our code")

    monkeypatch.setattr(tidy_module, "_order_and_deduplicate", broken)
    with pytest.raises(TypeError, match="a bug in our code"):
        load_series(csv_bytes(list(range(12))), "fine.csv")


# 5. Extreme numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("cells", "expected"), [
    (["1e308", "-1e308"], "has 2 rows with values beyond ±1e+150 among values within it ('1e+308', '-1e+308'): "
                          "correct those cells, or leave them blank"),  # 'rescale the column' could not help them
    (["1e140", "12"], "has 1 row with values more than 1e+12 times the values beside them and the column's typical "
                      "size ('1e+140'): correct"),  # below the limit: every model but auto fitted it unsaid
    (["inf"], "has 1 row with infinite values"),
    (["inf", "-inf", "1e309"], "has 3 rows with infinite values"),
])
def test_target_with_extreme_values_is_refused(cells: list[str], expected: str) -> None:
    message = one_line_error(csv_bytes(list(range(12)) + cells), "extreme.csv")
    assert expected in message and "'y'" in message


def test_a_series_that_grows_by_powers_of_ten_is_no_typing_error() -> None:
    series = load_series(csv_bytes([10.0 ** (k / 2) for k in range(60)]), "hyperinflation.csv")  # 1 to 1e29.5
    assert series.frame["y"].iloc[-1] == 10.0 ** 29.5


def test_a_column_of_values_all_too_large_is_told_to_be_rescaled() -> None:
    message = one_line_error(csv_bytes([1e300 * (i + 1) for i in range(12)]), "huge.csv")
    assert "has 12 rows with values beyond ±1e+150; values this large cannot be modelled: rescale" in message


def test_a_mistyped_huge_value_of_a_regressor_is_refused_as_the_targets_is() -> None:
    # A 1e308 in a promotion flag was fitted unsaid and doubled linear's test error; an infinite one is a blank, filled.
    rows = "".join(f"2020-{m % 12 + 1:02d}-01,{100 + m},{'1e308' if m == 5 else m % 3}\n" for m in range(12))
    text = ("month,sales,promo\n" + rows).encode()
    with pytest.raises(DataError) as caught:
        load_series(text, "promo.csv", LoadOptions(target="sales", regressors=("promo",)))
    assert caught.value.key == "err.huge_cells" and "Column 'promo' has 1 row with values beyond" in str(caught.value)
    infinite = load_series(text.replace(b"1e308", b"1e400"), "promo.csv",
                           LoadOptions(target="sales", regressors=("promo",)))
    assert infinite.frame["promo"].notna().all()


def test_extreme_values_in_a_decimal_comma_file_are_refused() -> None:
    text = "Datum;Wert\n" + "\n".join(f"{d:02d}.01.2020;{d},5" for d in range(1, 13)) + "\n13.01.2020;1e309\n"
    assert "infinite values" in one_line_error(text.encode(), "komma.csv")


def test_large_but_modelable_values_still_load() -> None:
    series = load_series(csv_bytes([1e12 * (i + 1) for i in range(12)]), "big.csv")
    assert series.frame["y"].iloc[-1] == pytest.approx(1.2e13)


SALES = "month;sales\n" + "".join(f"2021-{m:02d};{m},5\n" for m in range(1, 13))  # decimal commas: 1.5 ... 12.5


def test_a_folder_is_named_and_a_gzipped_or_zipped_csv_is_read_as_the_file_inside(tmp_path: Path) -> None:
    import gzip

    from core.errors import DataError

    with pytest.raises(DataError, match="is a folder: name a file in it"):
        load_series(tmp_path, "")
    packed = tmp_path / "sales.csv.gz"
    packed.write_bytes(gzip.compress(SALES.encode()))
    assert load_series(packed, "").frame["y"].tolist() == [m + 0.5 for m in range(1, 13)]
    zipped = make_zip({"__MACOSX/._sales.csv": "\x00\x05", "sales.csv": SALES})  # a Mac's archive of one file
    assert load_series(zipped, "sales.zip").frame["y"].iloc[-1] == 12.5
    with pytest.raises(DataError, match="damaged") as damaged:
        load_series(packed.read_bytes()[:30], "cut.csv.gz")
    assert damaged.value.key == "err.gzip_damaged"
    with pytest.raises(DataError, match="compressed twice") as twice:
        load_series(make_zip({"sales.csv": gzip.compress(SALES.encode())}), "twice.zip")
    assert twice.value.key == "err.packed_twice"
    with pytest.raises(DataError, match=r"holding inner\.zip\), not a CSV"):  # a zip inside: unzipped once only
        load_series(make_zip({"inner.zip": zipped}), "nested.zip")


def test_a_gzipped_long_file_is_read_by_its_series_as_the_file_inside() -> None:
    # Apple's daily reports come as .txt.gz: a long file gzipped was refused as "binary data" (its ids read as text)
    from core.data.read import column_text
    from core.panel.choice import PanelChoice, read_panel

    text = "Begin Date\tSKU\tUnits\n" + "".join(f"07/{day:02d}/2024\t{sku}\t{day % 5 + k}\n"
                                                 for day in range(1, 31) for k, sku in enumerate(("007", "7")))
    packed = gzip.compress(text.encode())
    assert column_text(packed, ("SKU",))["SKU"].tolist()[:2] == ["007", "7"]  # as the file writes them
    panel = read_panel(packed, "S_D_88012345_20240701.txt.gz", LoadOptions(), PanelChoice(("SKU",)))
    assert sorted(task.unique_id for task in panel.tasks) == ["007", "7"]


def test_a_gzipped_tar_archive_is_named_for_what_it_is() -> None:
    import gzip
    import tarfile

    packed = io.BytesIO()
    with tarfile.open(fileobj=packed, mode="w") as archive:
        member = tarfile.TarInfo("sales.csv")
        member.size = len(SALES)
        archive.addfile(member, io.BytesIO(SALES.encode()))
    with pytest.raises(DataError, match=r"tar archive \(\.tar\.gz\): unpack it") as caught:  # "binary data"
        load_series(gzip.compress(packed.getvalue()), "sales.tar.gz")
    assert caught.value.key == "err.tar"


def test_a_pdf_is_named_for_what_it_is() -> None:
    with pytest.raises(DataError, match="PDF document, not a table") as caught:  # was "'%PDF-1.4' holds text"
        load_series(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "report.pdf")
    assert caught.value.key == "err.pdf"


def _stata_bytes(version: int) -> bytes:
    frame = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=30).astype(str), "sales": np.arange(30.0)})
    out = io.BytesIO()
    frame.to_stata(out, write_index=False, version=version)
    return out.getvalue()


@pytest.mark.parametrize(("data", "kind"), [
    (_stata_bytes(118), "Stata data file"), (_stata_bytes(114), "Stata data file"),
    (b"$FL2@(#) SPSS DATA FILE MS Windows 22.0.0.0" + b" " * 20 + struct.pack("<i", 2) + b"\x00" * 200,
     "SPSS data file"),
    (b"\x00" * 12 + b"\xc2\xea\x81\x60\xb3\x14\x11\xcf" + b"\x00" * 200, "SAS data set"),
    (b"HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000  SAS     SAS", "SAS transport"),
    (b"SQLite format 3\x00\x10\x00\x01\x01" + b"\x00" * 200, "SQLite database"),
    (b"ARROW1\x00\x00\xff\xff\xff\xff" + b"\x00" * 100, "Arrow / Feather"),
    (b"\x93NUMPY\x01\x00v\x00{'descr': '<f8'}" + b"\x00" * 50, "NumPy array"),
    (b"\x89HDF\r\n\x1a\n\x00\x00\x00\x00" + b"\x00" * 100, "HDF5 file"),
    (gzip.compress(b"X\n\x00\x00\x00\x03\x00\x04\x02\x00" + b"\x00" * 50), "R data file (.rds)"),
])
def test_a_statistics_package_file_is_named_with_the_way_to_a_csv(data: bytes, kind: str) -> None:
    with pytest.raises(DataError, match=re.escape(kind)) as caught:  # was "holds binary data", or one text column
        load_series(data, "data.bin")
    assert caught.value.key == "err.other_format" and "export the data as CSV (" in str(caught.value)
    english = re.search(r"The file is (.+?), which", str(caught.value))
    assert english and english.group(1) not in said(caught.value, "zh")  # the kind said in Chinese


def test_a_pickle_is_refused_unopened() -> None:
    frame = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=30), "sales": np.arange(30.0)})
    out = io.BytesIO()
    frame.to_pickle(out)
    with pytest.raises(DataError, match="pickled Python object, which the reader never opens") as caught:
        load_series(out.getvalue(), "sales.pkl")
    assert caught.value.key == "err.pickle"


def test_text_starting_like_a_format_name_is_still_read() -> None:
    text = "MATLAB version,sales\n" + "".join(f"2020-01-{day:02d},{day}\n" for day in range(1, 29))
    frame = load_series(text.encode(), "matlab.csv")  # 'MATLAB ' starts a .mat file, which has NUL bytes
    assert len(frame.frame) == 28 and frame.target == "sales"


def test_a_packed_file_unpacks_no_further_than_the_file_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    monkeypatch.setenv("TSR_MAX_FILE_MB", "1")
    bomb = gzip.compress(SALES.encode() + b"0" * 3_000_000)  # 3 MB of zeros packs to a few KB
    assert len(bomb) < 10_000
    with pytest.raises(LimitError, match="unpacks to more than the 1 MB limit.*TSR_MAX_FILE_MB"):
        load_series(bomb, "bomb.csv.gz")
    with pytest.raises(LimitError, match="unpacks to more than the 1 MB limit"):
        load_series(make_zip({"bomb.csv": SALES + "0" * 3_000_000}), "bomb.zip")


def test_a_word_document_renamed_csv_is_named_with_the_fix() -> None:
    # A .docx was "a zip archive (holding word/document.xml): unzip it", a .doc "an Excel workbook in the old format".
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    old = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024) + "WordDocument".encode("utf-16-le") + bytes(512)
    for data in (packed.getvalue(), old):
        with pytest.raises(DataError, match=r"^The file is a Word document, not a table: copy its table into Excel"):
            load_series(data, "report.csv")


def test_an_old_excel_workbook_and_an_opendocument_one_are_named_with_the_fix() -> None:
    # An .xls was "binary data, not text"; an .ods "a zip archive: unzip it".
    old_format = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4  # the OLE2 container's signature
    with pytest.raises(DataError, match=r"old format \(\.xls\), or one protected by a password: open it") as caught:
        load_series(old_format, "sales.xls")
    assert caught.value.key == "err.xls"
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(DataError, match=r"'sales.ods' is an OpenDocument file \(\.ods\), not an Excel workbook: save"):
        load_series(packed.getvalue(), "sales.ods")


@pytest.mark.parametrize("text", ['{"timestamp": "2024-01-01", "value": 1.5}\n{"timestamp": "2024-01-02", "value": 2}',
                                  '[\n  {"timestamp": "2024-01-01", "value": 1.5}\n]\n'])
def test_json_is_named_for_what_it_is(text: str) -> None:
    # JSON lines named .csv: "Column 'value: 1.5}' holds text"; a JSON array: "a header but no data rows".
    with pytest.raises(DataError, match=r"This file is JSON, not a CSV: export the data as CSV"):
        load_series(text.encode(), "export.csv")


def test_json_nested_thousands_deep_is_named_not_a_recursion_error() -> None:
    with pytest.raises(DataError, match=r"This file is JSON, not a CSV"):  # RecursionError: a traceback on the page
        load_series(('{"a":' * 100_000 + "1" + "}" * 100_000).encode(), "deep.csv")


_DAYS = "".join(f"2020-01-{day:02d},{day}\n" for day in range(2, 29))
_LONG = 100_000  # characters of a crafted cell: the patterns that met these backtracked for minutes on each


@pytest.mark.parametrize(("text", "rows"), [
    ("date,y\n" + "".join(f"{'7' * _LONG}x,{i}\n" for i in range(3)) + _DAYS, 30),  # a pivot's subtotal?
    ("date,y\n1.1" + "T1" * (_LONG // 2) + ",1\n" + _DAYS, 27),  # an interval? (left out as an unreadable date)
    ("date,y\n2020-01-01,1\n" + _DAYS + "abc," + "1" * _LONG + "x\n", 28),  # a footnote below the table?
    ("date,y\n" + "".join(f"2020-01-{1 + i % 28:02d}{' ' * _LONG}x,{i}\n" for i in range(3)) + _DAYS, 30)])  # UTC?
def test_crafted_long_cells_are_read_in_one_pass(text: str, rows: int) -> None:
    # Each cell made a regular expression backtrack in time its length squared (0.66 s at 8,000 characters, hours at
    # these), holding the interpreter for every session of the server.
    assert len(load_series(text.encode(), "crafted.csv").frame) == rows


def test_a_huge_group_cell_over_a_two_row_header_is_not_copied_into_every_column() -> None:
    # A 200,000-character cell over 999 fields was repeated in each column's name: 57 s and 1.1 GB for a 260 KB file.
    fields = ",".join(f"f{chr(97 + k % 26)}" * 2 for k in range(999)).replace("f", "")
    text = f"Date,{'G' * 200_000}{',' * 998}\n,{fields}\n" + "".join(
        f"2020-01-{d:02d}," + ",".join(str(d + k) for k in range(999)) + "\n" for d in range(1, 29))
    series = load_series(text.encode(), "report.csv")
    assert len(series.frame) == 28 and max(len(name) for name in series.columns) == 200_000  # one name, as written


def test_a_thousand_columns_named_alike_are_noted_by_their_first_twelve() -> None:
    text = "date," + ",".join(["sales"] * 999) + "\n" + "".join(
        f"2020-01-{d:02d}," + ",".join(str(d + k) for k in range(999)) + "\n" for d in range(1, 29))
    series = load_series(text.encode(), "sales.csv")
    notice = next(notice for notice in series.report.notices if notice.key == "notice.renamed_columns")
    assert "'sales.12'" in notice and "'sales.13'" not in notice and len(series.frame) == 28


def test_blank_lines_of_separators_at_the_end_are_not_called_notes() -> None:
    text = "month,sales,cost\n" + "".join(f"2021-{m:02d},{100 + m},{m}\n" for m in range(1, 13)) + ",,,,\n,,,,\n"
    series = load_series(text.encode(), "x.csv")
    assert len(series.frame) == 12 and not series.report.notices, [str(n) for n in series.report.notices]


def test_influxdbs_annotation_lines_above_the_header_are_dropped() -> None:
    stamps = pd.date_range("2023-05-01", periods=30, freq="min")
    rows = "".join(f",,0,2023-05-01T00:00:00Z,2023-05-02T00:00:00Z,{s:%Y-%m-%dT%H:%M:%SZ},{20 + i % 5}.5,usage,cpu\n"
                   for i, s in enumerate(stamps))
    text = ("#datatype,string,long,dateTime:RFC3339,dateTime:RFC3339,dateTime:RFC3339,double,string,string\n"
            "#group,false,false,true,true,false,false,true,true\n#default,_result,,,,,,,\n"
            ",result,table,_start,_stop,_time,_value,_field,_measurement\n" + rows)
    series = load_series(text.encode(), "influx.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("_time", "_value", "minutely")
    assert series.frame["y"].iloc[:3].tolist() == [20.5, 21.5, 22.5]


def test_a_parquet_file_indexed_by_its_dates_keeps_them() -> None:
    frame = pd.DataFrame({"sales": np.arange(36.0) + 100},
                         index=pd.date_range("2010-01-01", periods=36, freq="MS", name="date"))
    buffer = io.BytesIO()
    frame.to_parquet(buffer)  # pandas keeps the index in the file's metadata and restores it as the index
    series = load_series(buffer.getvalue(), "x.parquet")
    assert (series.date_col, series.frequency.name, len(series.frame)) == ("date", "monthly", 36)


@pytest.mark.parametrize("start", ["2021-10-29", "2021-03-26"])  # autumn: an hour repeats; spring: one is skipped
def test_hourly_parquet_stamps_with_a_time_zone_stay_evenly_spaced_across_daylight_saving(start: str) -> None:
    stamps = pd.date_range(start, periods=120, freq="h", tz="Europe/Berlin")
    buffer = io.BytesIO()
    pd.DataFrame({"ts": stamps, "y": np.arange(120.0)}).to_parquet(buffer)
    series = load_series(buffer.getvalue(), "x.parquet")
    assert len(series.frame) == 120 and series.report.gaps == 0 and series.frame["y"].tolist() == list(range(120))
    assert pd.Series(series.frame["ds"]).diff().iloc[1:].eq(pd.Timedelta(hours=1)).all()
    assert [notice.key for notice in series.report.notices] == ["notice.first_offset"]
    assert series.report.utc_offset == ("+02:00" if start == "2021-10-29" else "+01:00")  # summer time, then winter
    daily = pd.DataFrame({"ts": pd.date_range("2021-10-20", periods=20, freq="D", tz="Europe/Berlin"), "y": 1.0})
    buffer = io.BytesIO()
    daily.assign(y=np.arange(20.0)).to_parquet(buffer)
    assert load_series(buffer.getvalue(), "x.parquet").frame["ds"].dt.hour.eq(0).all()  # days keep their dates


def test_a_target_of_values_too_small_to_square_is_refused_with_the_fix() -> None:
    # Around 1e-300 the squares underflow: auto's RMSE was 0 beside an MAE of 8e-301, linear's MAPE 4.6e+286 %.
    message = one_line_error(csv_bytes([f"{(1 + k % 7) * 1e-300:.3g}" for k in range(40)]), "tiny.csv")
    assert message.startswith("Column 'y' holds only values below 1e-100 in size (the largest is 7e-300)"), message
    assert len(load_series(csv_bytes([f"{(1 + k % 7) * 1e-20:.3g}" for k in range(40)]), "ok.csv").frame) == 40


def test_a_quote_never_closed_is_named_with_its_line() -> None:
    text = csv_bytes(list(range(20))).replace(b"2020-01-03,2", b'2020-01-03,"2')  # line 4 of the file
    assert one_line_error(text, "q.csv") == ('A double quote (") opens a cell on line 4 and is never closed, so the rest '
                                             "of the file reads as that one cell: close the quote, or remove it.")


def test_a_stray_cell_is_found_in_a_sheet_whose_rows_carry_no_numbers() -> None:
    from core.data.read import _part_rows

    rows = b"".join(f'<row><c r="A{i}"><v>{i}</v></c></row>'.encode() for i in range(1, 30)) + b'<row><c r="XFD30"/></row>'
    members = {"s.xml": b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>"}
    with zipfile.ZipFile(io.BytesIO(make_zip(members))) as archive:
        extent = _part_rows(archive, "s.xml")
    assert (extent.height, extent.width, extent.last) == (30, 16_384, "XFD30")  # was no used range at all


def shared_text_workbook(chars: int, rows: int, merged: bool) -> bytes:
    """A workbook whose column C names one shared string of ``chars`` characters in every row (or, ``merged``, once,
    over C2 merged down the rows)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    cells = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>']
    for row in range(2, rows + 2):
        note = f'<c r="C{row}" t="s"><v>3</v></c>' if row == 2 or not merged else ""
        cells.append(f'<row r="{row}"><c r="A{row}"><v>{36526 + row}</v></c><c r="B{row}"><v>{100 + row % 7}</v></c>'
                     f"{note}</row>")
    merge = f'<mergeCells count="1"><mergeCell ref="C2:C{rows + 1}"/></mergeCells>' if merged else ""
    return make_zip({
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                               'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                               '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                               'officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{package}"><Relationship Id="r1" Type="{relations}/officeDocument" '
                       'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets><sheet name="data" sheetId="1" '
                           'r:id="r1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{package}"><Relationship Id="r1" Type="{relations}/'
                                      f'worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="'
                                      f'{relations}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{"".join(cells)}</sheetData>{merge}'
                                    "</worksheet>",
        "xl/sharedStrings.xml": f'<sst xmlns="{main}"><si><t>date</t></si><si><t>sales</t></si><si><t>note</t></si>'
                                f'<si><t>{"a" * chars}</t></si></sst>'})


@pytest.mark.parametrize("merged", [False, True])
def test_a_long_text_named_by_many_cells_is_refused_before_they_are_read(monkeypatch: pytest.MonkeyPatch,
                                                                         merged: bool) -> None:
    """Each cell gets its own copy of the shared string it names, and a merged cell's value goes to every row it
    covers: a 34 KB workbook of one 990,000-character string in 2,000 cells asked for 4.7 GB within every limit."""
    data = shared_text_workbook(30_000, 600, merged)
    monkeypatch.setenv("TSR_MAX_UNCOMPRESSED_MB", "10")
    with pytest.raises(LimitError, match=r"holds text that, read into its cells, takes 18 MB, more than the limit of "
                                         r"10 MB: export the sheet as CSV without the long text"):
        load_series(data, "notes.xlsx")
    monkeypatch.setenv("TSR_MAX_UNCOMPRESSED_MB", "50")  # within it: read as before
    assert len(load_series(data, "notes.xlsx").frame) == 600


def test_zeros_written_as_rounding_noise_make_no_value_a_typing_error() -> None:
    values = [3.0, 1.1102230246251565e-16, 4.0, 2.2e-16] * 6  # an intermittent series from a computed export
    assert len(load_series(csv_bytes(values), "demand.csv").frame) == 24
    typed = [140.0 + k for k in range(40)]
    typed[10], typed[30] = 1.4e16, 1.5e16  # two typing errors: the second largest no measure of the column
    assert "has 2 rows with values more than 1e+12 times" in one_line_error(csv_bytes(typed), "two.csv")


def test_a_report_of_a_title_and_a_header_without_rows_says_it_holds_no_data() -> None:
    # Steam's sales report for a week without sales: "line 3 has 20 fields where the header has 1: check the commas"
    header = ",".join(f'"{name}"' for name in ("Date", "Product(ID#)", "Country", "Gross Units Sold", "Net Units Sold"))
    text = f"Sales Data for 2025-01-01 to 2025-01-07 (all times UTC)\n\n{header}\n"
    with pytest.raises(DataError, match="no rows of data under it") as empty:
        load_series(text.encode(), "steam.csv")
    assert empty.value.key == "err.no_data_rows" and empty.value.params == {"line": 3, "fields": 5}


def test_a_last_line_of_numbers_is_no_header_alone_whatever_the_delimiter() -> None:
    # a title over one tab-separated row of data: its numbers, cut at the file's tabs, are no header's names
    assert _header_alone(2, 3, 1, "Export 2024\n2024-01-01\t5\t7\n", "\t") is None
    assert _header_alone(2, 3, 1, "Export 2024\nDate\tSales\tUnits\n", "\t").key == "err.no_data_rows"


def test_review_a_title_over_a_header_of_years_without_rows_says_it_holds_no_data() -> None:
    # the twelfth review: 'Region,2019,...,2023' (digits in most names) was said to be a ragged row of data
    with pytest.raises(DataError) as empty:
        load_series(b"Sales by region\nRegion,2019,2020,2021,2022,2023\n", "regions.csv")
    assert empty.value.key == "err.no_data_rows"
