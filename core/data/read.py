"""Bytes to a raw table: file-size limit, encodings, delimiter and decimal-comma sniffing, CSV,
Excel and Parquet. ``core.data.tidy`` turns the table into the series."""
from __future__ import annotations

import codecs
import csv
import datetime
import gzip
import io
import itertools
import json
import lzma
import re
import warnings
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple
from xml.etree import ElementTree
from xml.etree.ElementTree import ParseError as XmlParseError

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from python_calamine import CalamineError, SheetTypeEnum

from core.data.parsing import (FISCAL_FORMATS, MONTH_DOT_YEAR, PERIOD_DOT_YEAR, YEAR_DOT_MONTH, SUBTOTAL_WORDS,
                                SUMMARY_ROW, bare_calendar_names, combine_calendar_columns, combine_date_and_period,
                                combine_date_and_time,
                                combine_time_and_offset, compact_year_weeks, labels_above_dates,
                                name_unnamed_dates, name_unnamed_years_and_months, months_in_order, parse_dates,
                                fiscal_months_in_order, fiscal_years_ending, writes_year_span,
                                parse_numbers, period_of_rows, without_currency, writes_dotted_months,
                                writes_month_dot_year, years_of)
from core.data.parsing import ACROSS_YEAR, GROUP_TOTAL, PARSE_SHARE, _TRAILING_MINUS
from core.errors import DataError, LimitError, clipped, clipped_list
from core.limits import format_limit, limit, limit_at_start

# Largest file accepted, in MB; set TSR_MAX_FILE_MB to change it (the UI states the limit).
MAX_FILE_MB = limit_at_start("TSR_MAX_FILE_MB", 200.0)
# Defaults of the limits checked before (and while) a table is built; each environment variable raises
# its limit and is read at every load, so a running app picks up a new value.
MAX_ROWS = 5_000_000  # TSR_MAX_ROWS: rows in the file, and rows that filling missing time stamps may make
MAX_COLUMNS = 1_000  # TSR_MAX_COLUMNS
MAX_UNCOMPRESSED_MB = 500.0  # TSR_MAX_UNCOMPRESSED_MB: everything inside an .xlsx, unpacked
MAX_COMPRESSION_RATIO = 100.0  # TSR_MAX_COMPRESSION_RATIO: of any one .xlsx member of 1 MB or more unpacked
_RATIO_FLOOR_BYTES = 1_000_000  # small members (styles, shared strings of a tiny sheet) may pack tighter
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")  # a row of a sheet's XML, with or without a prefix
_ROW_TAG_LONGEST = 256  # bytes kept from one chunk to the next, so that a tag cut in two is found once
# A cell's reference (``<c r="XFD3000" ...``) and a row's (``<row r="3000" ...``): the reader builds the whole rectangle
# between the first and the last cell a sheet names, so one stray cell far out made a 1.7 KB workbook take 3.4 GB.
_CELL_COLUMN = re.compile(rb"\sr=\"([A-Z]{1,3})[0-9]")  # only a cell's r= starts with letters (a row's is its number)
_ROW_NUMBER = re.compile(rb"\sr=\"([0-9]{1,7})\"")  # a row's
MAX_SHEET_CELLS = 25_000_000  # TSR_MAX_SHEET_CELLS: cells of a sheet's used range (the reader holds them in ~1.7 GB),
# of a Parquet table, or of a text file (rows times the header's columns: 25 million one-digit cells take ~0.9 GB)
# A formula cell without a stored result (``<c r="D2"><f>B2*C2</f><v /></c>``: written by a program, never opened and
# saved in Excel): it reads as blank.
_HIDDEN_COLUMNS = re.compile(rb'<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')  # <col min="2" max="2" hidden="1"/>
_MERGED_CELLS = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')  # A2:A25
_UNSAVED_FORMULA = re.compile(rb"</(?:\w+:)?f>\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")
_XML_CHUNK = 1 << 22
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_DELIMITERS = (",", ";", "\t", "|")
_QUOTED = re.compile(r'"[^"\n]*"')
_QUOTED_RECORD = re.compile(r'"[^"]*"')  # within a record (``_records``): a quoted cell over two lines too
_DIGIT_COMMA_DIGIT = re.compile(r"(?<=\d),(?=\d)")
_NOT_BLANK = re.compile(r"[^\r\n \t]")
# Cells of a text column read exactly (``column_text``) that are blank all the same; "NA" and "None" are not
# among them: as a series id they are names (North America).
_TEXT_BLANKS = frozenset({"", "#N/A", "N/A", "n/a", "NULL", "null", "NaN", "nan", "<NA>", "#NA"})
_DATA_ROWS = 8  # rows with a number that make a sheet a table of data (a notes sheet has fewer)
SHEETS_SEARCHED = 50  # sheets looked through for a table when the first has none (a workbook of notes sheets)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls workbooks and of password-protected .xlsx ones
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the stream an old Word document's container names
_STEPS_ACROSS = 28  # columns numbered d_1, d_2, ... that make steps across (``_dates_down_the_rows``), none after them
# Columns after the dates across that are left out (``_dates_down_the_rows``): a cost report's 'Total to date', 'Cost
# to Complete', 'Forecast Final Cost' and 'Variance' after its months (more than two: only after twice as many dates)
_TRAILING_COLUMNS = 5
_GRID_YEARS = 3  # years across, at least, over the months down the first column (a council's financial years)
_FEW_TRAILING = 2
_DATES_ACROSS = 8  # column names read as dates that make a table whose dates run across (``_dates_down_the_rows``)
_PREAMBLE_LINES = 16  # title or note lines above a CSV's header row that are skipped (``_without_preamble``)
_NOTE_START = re.compile(r"\*\s|(?:sources?|notes?|footnotes?|quelle|fuente|nota|anmerkung|hinweis|remarque|注|"
                         r"数据来源|资料来源|来源|说明)\s*[:：]", re.IGNORECASE)  # a note line below a table (``_is_footnote``)
# A note's label, one to five words and a colon ('Last Updated: 12/18/2023', 'Data from database: ...'), in a line of
# fewer fields than the table's (``_is_footnote``).
_LABELLED_NOTE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,4}\s*[:：]")  # the full-width colon of Chinese and Japanese
# A numbered note ('1. Figures for 2020 are provisional.', '(2) Revised.', '[3] Source ...'): a number, a point or a
# bracket, then a word and at least two more (``_is_footnote``); '1. Januar 2020' is a date.
_NUMBERED_NOTE = re.compile(r"(?:\(?\d{1,2}[.)]|\[\d{1,2}\])\s+[^\W\d_]+\S*(?:\s+\S+){2,}"
                            r"|\d{1,2}\s+[A-Z][a-z]+\s+[a-z]+(?:\s+\S+){2,}"  # the FBI's '1 Populations are U.S. ...'
                            r"|\d{1,2}[.、．]\s*[\u4e00-\u9fff]{4,}")  # Chinese, without spaces: '2. 部分数据为初步数。'
_LONGEST_NUMBER = 64  # characters of a cell tested as a number (the pattern backtracks in time its length squared)
_NUMBER_CELL = re.compile(r"[-+(]?[\d.,\s]*\d[\d.,]*\)?\s*%?\.?")  # 30, 1,234.5, (12), 2021.
_FOOTNOTE_LINES = 40  # note lines below a CSV's table that are looked for (``_without_footnotes``; StatCan: 25)
# Excel's first line naming the delimiter (``sep=;``): dropped, the delimiter is then found in the table itself.
_SEPARATOR_HINT = re.compile(r"\A[ \t]*\"?sep=.\"?[ \t]*\r?\n", re.IGNORECASE)
# InfluxDB's annotated CSV: lines naming each column's type, group and default above the header, dropped.
_ANNOTATIONS = re.compile(r"\A(?:#(?:datatype|group|default),[^\n]*\n)+")

try:  # openpyxl parses with lxml when it is installed
    from lxml.etree import LxmlError as _LxmlError
except ImportError:  # pragma: no cover - lxml absent
    _LxmlError = XmlParseError  # type: ignore[assignment,misc]

# What pandas and its Excel readers raise for a damaged workbook: zip, decompression and XML errors, a missing
# part (KeyError), a part of the wrong type (TypeError), calamine's own errors (a missing sheet among them).
_EXCEL_ERRORS = (ValueError, KeyError, TypeError, OSError, EOFError, NotImplementedError, zipfile.BadZipFile,
                 zlib.error, lzma.LZMAError, XmlParseError, _LxmlError, CalamineError)
_PARQUET_ERRORS = (pa.ArrowException, ValueError, OSError, EOFError)


def check_count(count: int, what: str, variable: str, default: float, fix: str) -> None:
    """Raise :class:`LimitError` when ``count`` ``what`` (``rows`` or ``columns``) exceed the limit of ``variable``."""
    most = limit(variable, default)
    if count > most:
        raise LimitError(f"The file has {count:,} {what}, more than the limit of {format_limit(most)}: {fix}, "
                         f"or set {variable} to raise the limit.", f"err.too_many_{what}",
                         {"count": count, "limit": format_limit(most), "variable": variable})


MAX_LINE_KB = 1_024  # the longest line of a text file, in KB (TSR_MAX_LINE_KB)


def check_line_length(data: bytes) -> None:
    """Raise :class:`LimitError` when a line of the text ``data`` is longer than ``TSR_MAX_LINE_KB``: one cell of
    190 MB of digits took 70 s of date and number tries over the whole cell, 2-3 GB of memory, and slowed every other
    user's upload, before it was refused as text. A line of more separators than the column limit is left to that
    limit, which names the columns."""
    most = limit("TSR_MAX_LINE_KB", MAX_LINE_KB) * 1024
    if len(data) <= most:
        return
    bytes_ = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(bytes_ == 10)
    ends = ends if len(ends) else np.flatnonzero(bytes_ == 13)  # \r alone, as old Mac files end lines
    lengths = np.diff(np.concatenate(([-1], ends, [len(data)]))) - 1
    longest = int(np.argmax(lengths))
    start = int(ends[longest - 1]) + 1 if longest else 0
    line = data[start:start + int(lengths[longest])]
    many = max(line.count(mark) for mark in (b",", b";", b"\t", b"|")) >= limit("TSR_MAX_COLUMNS", MAX_COLUMNS)
    if lengths[longest] > most and not many:  # (a row of many columns: the column limit says so, with its fix)
        kb = -(-int(lengths[longest]) // 1024)  # rounded up: 1,048,586 bytes read "1,024 KB, more than 1,024 KB"
        raise LimitError(f"A line of the file is {kb:,} KB long (line {longest + 1:,}), more than the limit of "
                         f"{format_limit(most / 1024)} KB: a row of a time series is far shorter; check that this is "
                         "the file meant, or set TSR_MAX_LINE_KB to raise the limit.", "err.line_too_long",
                         {"kb": kb, "line": longest + 1, "limit": format_limit(most / 1024)})
    _check_quoted_cells(bytes_, ends, most)


def _check_quoted_cells(bytes_: np.ndarray, ends: np.ndarray, most: int) -> None:
    """Raise :class:`LimitError` for a quoted cell longer than ``most`` bytes over several lines (190 MB of digits in
    one pair of quotes, a line break every megabyte, passed the line limit: 51 s and 1.7 GB of the server's memory).
    Quotes pair up in order; a doubled quote inside a cell (``""``) joins the pairs beside it into one cell."""
    if _widest_between_quotes(bytes_) <= most:  # no long cell but of doubled quotes: a file of short quoted cells
        return  # (126 MB of them) took 3 s and 850 MB more for the pairs below
    quotes = np.flatnonzero(bytes_ == 34)
    opens, closes = quotes[0:len(quotes) - 1:2], quotes[1::2]
    cells = np.concatenate(([0], np.flatnonzero(opens[1:] != closes[:-1] + 1) + 1))  # a cell's first pair
    spans = np.maximum.reduceat(closes, cells) - opens[cells]
    for cell in np.flatnonzero(spans > most):
        start, end = int(opens[cells[cell]]), int(opens[cells[cell]] + spans[cell])
        if _at_cell_edges(bytes_, start, end):
            kb, line = -(-int(spans[cell]) // 1024), int(np.searchsorted(ends, start)) + 1
            raise LimitError(f"A quoted cell of the file is {kb:,} KB long (from line {line:,}), more than the limit "
                             f"of {format_limit(most / 1024)} KB for a line: a cell of a time series is far shorter; "
                             "check that this is the file meant, or set TSR_MAX_LINE_KB to raise the limit.",
                             "err.cell_too_long", {"kb": kb, "line": line, "limit": format_limit(most / 1024)})


def _widest_between_quotes(bytes_: np.ndarray, chunk: int = 1 << 24) -> int:
    """The most bytes between two quotes one after the other, read a chunk at a time; 0 with fewer than two."""
    widest, last = 0, -1
    for start in range(0, len(bytes_), chunk):
        quotes = np.flatnonzero(bytes_[start:start + chunk] == 34) + start
        if len(quotes):
            widest = max(widest, int(quotes[0]) - last if last >= 0 else 0,
                         int(np.diff(quotes).max()) if len(quotes) > 1 else 0)
            last = int(quotes[-1])
    return widest


_CELL_EDGES = frozenset(b",;\t|\r\n ")  # what stands beside a quoted cell's own quotes


def _at_cell_edges(bytes_: np.ndarray, start: int, end: int) -> bool:
    """Whether quotes at ``start`` and ``end`` open and close a cell: after a separator or a line's start, before one
    or the file's end (an inch mark, ``12" pizza``, opens none: quotes paired across such marks span no cell)."""
    return (start == 0 or int(bytes_[start - 1]) in _CELL_EDGES) and (
        end + 1 == len(bytes_) or int(bytes_[end + 1]) in _CELL_EDGES)


def read_bytes(source: bytes | str | Path, name: str, max_mb: float) -> tuple[bytes, str]:
    limit("TSR_MAX_FILE_MB", MAX_FILE_MB)  # a value that is not a positive number is said here, not ignored
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            raise DataError(f"'{path}' is a folder: name a file in it (a CSV, .xlsx or .parquet).", "err.folder",
                            {"path": str(path)})
        if not path.exists():
            raise DataError(f"No file at '{path}': check the path and try again.", "err.no_file", {"path": str(path)})
        if not path.is_file():  # a pipe (/dev/stdin, <(...)): read as it streams, no further than the limit
            with path.open("rb") as stream:
                return read_bytes(stream.read(int(max_mb * 1e6) + 1), name or path.name, max_mb)
        if path.stat().st_size > max_mb * 1e6:
            raise LimitError(f"'{path.name}' is larger than the {max_mb:g} MB limit: load a shorter extract, or set "
                             "TSR_MAX_FILE_MB to raise the limit.", "err.named_file_too_large",
                             {"name": path.name, "mb": max_mb})
        return path.read_bytes(), name or path.name
    if len(source) > max_mb * 1e6:
        raise LimitError(f"The file is larger than the {max_mb:g} MB limit: load a shorter extract, or set "
                         "TSR_MAX_FILE_MB to raise the limit.", "err.file_too_large", {"mb": max_mb})
    return bytes(source), name


# The decimal mark a user names (``LoadOptions.decimal``, ``--decimal``) and the character: "" detects it.
DECIMAL_MARKS = {"": "", "point": ".", "comma": ","}


def read_table(data: bytes, name: str = "", sheet: str | int = 0, decimal: str = "") -> pd.DataFrame:
    """Read bytes into a raw frame of the file's own columns (text cells for CSV); a year and a month
    column become one date column (``combine_calendar_columns``; also two unnamed ones of years and month names,
    ``name_unnamed_years_and_months``), an unnamed first column of dates is named (``name_unnamed_dates``), a date
    column and a time-of-day column one time-stamp column (``combine_date_and_time``), and so does a date column and
    a column numbering each day's periods (``combine_date_and_period``). ``decimal``: a key of ``DECIMAL_MARKS``, the
    decimal mark of a text file's numbers when the user names it (a guess between ``1.600`` as 1.6 or as 1600 was
    the reader's alone)."""
    if decimal not in DECIMAL_MARKS:
        raise DataError(f"Unknown decimal mark '{decimal}': use point or comma, or leave it out to detect it.",
                        "err.decimal_mark", {"mark": decimal})
    table = _first_of_side_by_side(_without_header_copies(_two_row_header(_read_any(data, name, sheet,
                                                                                   DECIMAL_MARKS[decimal]))))
    table = _hours_down_the_rows(_months_down_the_rows(_dates_down_the_rows(_without_angle_brackets(table))))
    named = name_unnamed_dates(name_unnamed_years_and_months(_note_repeated_names(_block_labels_filled(
        _nth_periods_dated(table)))))
    return combine_time_and_offset(combine_date_and_period(combine_date_and_time(
        compact_year_weeks(combine_calendar_columns(named)))))


def _without_angle_brackets(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its column names out of the angle brackets that wrap every one of them (MetaTrader's
    ``<DATE>	<TIME>	<OPEN>``): '<DATE>' and '<TIME>' were neither joined nor named as times, and an hourly file was
    read as 24 daily series by '<TIME>'."""
    names = [str(col) for col in table.columns]
    if len(names) < 2 or not all(_IN_ANGLE_BRACKETS.fullmatch(name) for name in names):
        return table
    inner = [name.strip()[1:-1].strip() for name in names]
    return table.rename(columns=dict(zip(table.columns, inner))) if len(set(inner)) == len(inner) else table


_IN_ANGLE_BRACKETS = re.compile(r"\s*<[^<>]*\w[^<>]*>\s*")
_PANDAS_COPY = re.compile(r"(.+)\.(\d+)")  # pandas' name for a second column of one name: sales.1


_STARTS_AS_DATA = re.compile(r"[\d$€£¥+\-(]")  # a cell of a first row of data ('20.4 °C', '$1,167.00'), no field


def _pandas_levels(raw: pd.DataFrame) -> pd.DataFrame | None:
    """A table pandas wrote from columns of two levels (``to_csv`` of a ``MultiIndex``): the upper level in the header,
    each name written again for each column under it (``,sales,sales,price,price``), the lower one in the first row
    (``region,north,south,north,south``), then maybe the index's name alone (``date,,,,``), as a row per column
    ``sales north``, ``sales south``, ... and a first column named by the index; None for any other table (read
    before as ``sales``, ``sales.1``, with the level rows as unreadable dates)."""
    names = [str(col).strip() for col in raw.columns]
    upper = [match.group(1) if (match := _PANDAS_COPY.fullmatch(name)) and match.group(1) in names else name
             for name in names]
    if len(raw) < 3 or len(set(upper[1:])) == len(upper[1:]):
        return None
    lower = ["" if pd.isna(cell) else str(cell).strip() for cell in raw.iloc[0]]
    if (not all(lower[1:]) or any(name.startswith("Unnamed:") for name in upper[1:])
            or pd.to_numeric(pd.Series(lower[1:]), errors="coerce").notna().any()):  # a first row of data
        return None
    index_row = ["" if pd.isna(cell) else str(cell).strip() for cell in raw.iloc[1]]
    named_index = bool(index_row[0]) and not any(index_row[1:])
    # the levels named (``names=['store', 'metric']``): their names head the first column, 'store' over 'metric'
    if not names[0].startswith("Unnamed:") and not (lower[0] and (named_index or _digit_share(index_row) >= 0.5)
                                                    and not any(_STARTS_AS_DATA.match(cell) for cell in lower)):
        return None  # (a first row of data under two columns of one name: '2024-05-01 00:00', '20.4 °C')
    table = raw.iloc[2 if named_index else 1:].reset_index(drop=True)
    first = index_row[0] if named_index else "index"  # lower[0] names the columns' level (region), not these
    table.columns = unique_names([first, *(f"{above} {below}" for above, below in zip(upper[1:], lower[1:]))])
    table.attrs = dict(raw.attrs)
    return table


def _two_row_header(raw: pd.DataFrame) -> pd.DataFrame:
    """A table whose header is two rows, groups over fields (``Date,North,,South,`` over ``,Units,Revenue,Units,
    Revenue``: a report's merged cells), with one row of names per column, ``North Units``, ``North Revenue``, ...
    (``group_names``): the fields alone repeat (``Units``, ``Units.1``) and the groups were lost. The groups: two or
    more header cells, one of them followed by a blank one; the fields: the first row, words without digits under
    every blank header cell, above a row with digits. Any other table is returned as it is."""
    if (levels := _pandas_levels(raw)) is not None:
        return levels
    names = [str(col).strip() for col in raw.columns]
    blank = [name.startswith("Unnamed:") for name in names]
    if len(raw) < 2 or not _spans_cells([None if b else name for name, b in zip(names, blank)]):
        return raw
    fields = [None if pd.isna(cell) else str(cell).strip() for cell in raw.iloc[0]]
    index_row = [None if pd.isna(cell) else str(cell).strip() for cell in raw.iloc[1]]
    # pandas' to_excel of levels: the index's name alone on a row below them ('month', then blank cells)
    named_index = len(raw) > 2 and bool(index_row[0]) and not any(index_row[1:]) and not blank[0] \
        and not any(char.isdigit() for char in str(index_row[0]))  # a name, not a first row of data left blank
    data = raw.iloc[2 if named_index else 1]
    if (any(blank[i] and not fields[i] for i in range(len(names)))
            or any(field and any(char.isdigit() for char in field) for field in fields)
            or _digit_share([str(cell) for cell in data if not pd.isna(cell)]) < 0.5):
        return raw
    table = raw.iloc[2 if named_index else 1:].reset_index(drop=True)
    table.columns = group_names([None if b else name for name, b in zip(names, blank)], fields)
    if named_index:
        table.columns = unique_names([str(index_row[0]), *table.columns[1:]])
    table.attrs = dict(raw.attrs)
    return table


def _groups_above(row: pd.Series) -> list[str | None] | None:
    """A sheet's row above its header as the groups of a two-row header (``North`` over two merged cells, ``South``
    over two more): two or more cells of words without digits, one of them followed by a blank cell; else None."""
    cells = [None if pd.isna(cell) or not str(cell).strip() else str(cell).strip() for cell in row]
    if any(char.isdigit() for cell in cells if cell for char in cell):
        return None
    return cells if _spans_cells(cells) else None


_LONGEST_GROUP = 200  # characters of a group's name over merged cells: a longer cell is no label (copied per column)


def _spans_cells(groups: list[str | None]) -> bool:
    """Whether a header row reads as groups over merged cells: two or more named (none longer than ``_LONGEST_GROUP``,
    which each column under it would repeat), one of them followed by a blank."""
    if any(group and len(group) > _LONGEST_GROUP for group in groups):
        return False
    return sum(bool(group) for group in groups) >= 2 and any(
        groups[i] and not groups[i + 1] for i in range(len(groups) - 1))


def group_names(groups: list[str | None], fields: list[str | None]) -> list[str]:
    """Column names from a header of two rows: each field after the group above it or to its left (merged cells
    keep their text in their first cell), ``North Units``; a field before any group alone (``Date``)."""
    names, group = [], ""
    for above, field in zip(groups, fields):
        group = above if above else group
        names.append(" ".join(part for part in (group if field else "", field or group) if part))
    return unique_names(names)


# The World Bank DataBank's code after each year it names a column by ("1990 [YR1990]", "2020Q1 [YR2020Q1]").
_DATE_CODE = re.compile(r"(?<=\d)\s+\[YR\d{4}(?:[QM]\d{1,2})?\]$")


# A quarter's or a year's total among the months: 'Q1 2021 Total', 'Total 2021'
_DATED_TOTAL = re.compile(rf"^(?=.*\d).*(?:^|\s){SUBTOTAL_WORDS}(?:\s|$)", re.IGNORECASE)


_ROW_TOTAL = re.compile(r"(?i)(?:^|[\W_])(?:total|sum|summe|gesamt)(?:$|[\W_])")  # a column of the row's total


def _numbers_only(cells: pd.Series) -> bool:
    """Whether every filled cell is a number (a pivot's 'Sum of Sales' over its regions' names is none)."""
    filled = cells.dropna()
    numbers = parse_numbers(filled.astype(str), head_decides=False) if len(filled) else None  # '$26,785' too
    return numbers is not None and bool(numbers.notna().all())


def _years_in_turn(names: list[str]) -> bool:
    """Whether column names are years (or financial years, ``2018-19``) one after another: a grid's years across, not
    a climate table's reference periods (1991, 2001, 2011)."""
    starts = pd.to_numeric(pd.Series([name.strip()[:4] for name in names]), errors="coerce")
    return bool(starts.notna().all()) and bool((starts.diff().iloc[1:] == 1).all())


_TOTAL_LABELS = re.compile(r"(?:sub[\s-]?|grand\s+)?totals?", re.IGNORECASE)


def _labels_carried_down(table: pd.DataFrame, labels: list[str], attrs: dict[str, object]) -> list[str]:
    """``labels``, the first of them filled down ``table`` (in place) where a report writes it once, on the first row
    of each block beside the next label's items (a P&L's location over its Revenue, Cost of Goods and Net Profit: the
    rows below were left out as without a series id), said in ``attrs``; nothing changed where every cell is written
    or the next label is blank beside a blank (a heading)."""
    if len(labels) < 2:
        return labels
    first, items = table[labels[0]], table[labels[1]]
    blank = first.isna() | first.astype("string").str.strip().eq("")
    below = blank & items.notna() & first.ffill().notna()
    repeated = items.map(items.value_counts()) >= 2  # each block's items again under the next (not Odoo's 'Total')
    totals = first.astype("string").str.strip().str.fullmatch(_TOTAL_LABELS).fillna(False)  # Salesforce's 'Subtotal'
    if not below.any() or blank.iloc[0] or not (blank == below).all() or not repeated[below].all() \
            or below.sum() < (~blank & ~totals).sum():  # blocks of a first row and items under it, not a few codes
        return labels  # left blank
    table[labels[0]] = first.mask(blank).ffill()
    attrs["labels_carried_down"] = {"column": labels[0], "rows": int(below.sum())}
    return labels


_NTH_PERIOD = re.compile(r"nth (day|week|month|hour)", re.IGNORECASE)  # GA4's 'Nth day' 0000, 0001, ...
_NTH_STEPS = {"day": pd.Timedelta(days=1), "week": pd.Timedelta(days=7), "hour": pd.Timedelta(hours=1)}
_START_DATE_LINE = re.compile(r"start date:\s*(\d{8})", re.IGNORECASE)  # its '# Start date: 20240101' above


def _nth_periods_dated(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with GA4's numbered periods ('Nth day' 0000, 0001, ...) as their dates, counted from the start date
    its comment lines give ('# Start date: 20240101'), said (``attrs["nth_dated"]``): read as steps, a daily report's
    weekly season was lost and its forecast numbered 182 to 188. As it is otherwise."""
    named = [col for col in table.columns if _NTH_PERIOD.fullmatch(str(col).strip())]
    found = [match.group(1) for line in table.attrs.get("preamble", ())  # type: ignore[union-attr]
             if (match := _START_DATE_LINE.search(str(line)))]
    if len(named) != 1 or len(found) != 1:
        return table
    steps = pd.to_numeric(table[named[0]], errors="coerce")
    start = pd.to_datetime(found[0], format="%Y%m%d", errors="coerce")
    if pd.isna(start) or steps.isna().any() or (steps % 1).any() or steps.min() != 0:
        return table
    unit = _NTH_PERIOD.fullmatch(str(named[0]).strip()).group(1).lower()  # type: ignore[union-attr]
    if unit == "month":
        dates = pd.Series([start + pd.DateOffset(months=int(n)) for n in steps], index=table.index)
    else:
        dates = start + steps.astype("int64") * _NTH_STEPS[unit]
    dated = table.assign(**{str(named[0]): dates.dt.strftime("%Y-%m-%d %H:%M" if unit == "hour" else "%Y-%m-%d")})
    dated.attrs = {**table.attrs, "nth_dated": {"column": str(named[0]), "start": f"{start:%Y-%m-%d}"}}
    return dated


def _block_labels_filled(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with its first column's labels carried down (``_labels_carried_down``) where a report writes each
    once, on the first row of its block, beside a second column whose items each block repeats, and each label and
    item then name one row (a department's name over its 24 months, Excel's 'Don't repeat item labels': the
    departments' rows were averaged as repeated months, and the department not named); as it is otherwise."""
    if table.shape[1] < 3 or pd.api.types.is_numeric_dtype(table.iloc[:, 0]) or not table.columns.is_unique:
        return table
    first, second = table.columns[:2]
    labels = table[first].dropna().astype("string").str.strip()
    if parse_dates(labels[labels != ""].iloc[:50].astype(object)) is not None:
        return table  # dates written on each day's first row: carried down as dates (``combine_date_and_time``)
    trial, attrs = table[[first, second]].copy(), {}
    _labels_carried_down(trial, [first, second], attrs)
    if "labels_carried_down" not in attrs or trial.dropna().duplicated().any():
        return table
    filled = table.assign(**{str(first): trial[first]})
    filled.attrs = {**table.attrs, **attrs}
    return filled


def _header_text(col: object) -> str:
    """A column's name as text; a workbook's date cell at midnight as its day (``2023-01-01``, not with
    ``00:00:00``: the note on dates across the columns showed the clock)."""
    if isinstance(col, datetime.datetime) and pd.Timestamp(col) == pd.Timestamp(col).normalize():
        return f"{col:%Y-%m-%d}"
    return str(col).strip()


_CHANGE_COLUMN = re.compile(r"%|\b(?:chg|change|var|yoy|growth|diff)\b", re.IGNORECASE)


def _dates_down_the_rows(raw: pd.DataFrame) -> pd.DataFrame:
    """A table whose dates run across its columns (World Bank and Eurostat downloads, spreadsheet pivots: a row per
    country, a column per year) as one row per row and date: the dates in a column ``period``, the cells in ``value``,
    the columns before the dates beside them (what names each series); said (``attrs["dates_across"]``). The dates:
    the last ``_DATES_ACROSS`` or more column names, each read as a date (years from 1800 to 2100), rising; empty
    columns after them (a trailing separator) are dropped, and so is a pandas index before them. Not when a column
    before them holds dates itself (the names are then series: stores 1101, 1102, ...). A grid of years across and
    months (quarters) down is one series (``period_of_rows``). Any other table is returned as it is."""
    totals = [col for col in raw.columns if _DATED_TOTAL.search(str(col))]
    if totals:  # a quarter's or a year's total among the months (QuickBooks: 'Q1 2021 Total', 'Total 2021')
        long = _dates_down_the_rows(raw.drop(columns=totals))
        if "dates_across" not in long.attrs:
            return raw
        long.attrs["total_columns"] = clipped_list(totals)
        return long
    names = unique_names([_DATE_CODE.sub("", _header_text(col)) for col in raw.columns])  # 1990 [YR1990]: 1990
    last = len(names)
    while last and names[last - 1].startswith("Unnamed:") and raw.iloc[:, last - 1].isna().all():
        last -= 1
    dated = last
    while dated and (not any(char.isdigit() for char in names[dated - 1]) or _CHANGE_COLUMN.search(names[dated - 1])) \
            and last - dated < _TRAILING_COLUMNS:  # columns after the dates (the IMF's "Estimates Start After", an
        dated -= 1  # airport's '% Chg 23/22'), left out and said
    first = dated
    while first and any(char.isdigit() for char in names[first - 1]) and not names[first - 1].startswith("Unnamed:"):
        first -= 1
    first = _past_footnoted_labels(names, first, dated)
    least = _GRID_YEARS if first == 1 and period_of_rows(raw.iloc[:, 0], names[0])[0] == "month" \
        and _years_in_turn(names[first:dated]) else _DATES_ACROSS
    if dated - first < max(least, 2 * (last - dated) if last - dated > _FEW_TRAILING else 0) or first == 0:
        return raw
    left, last = names[dated:last], dated
    read = parse_dates(pd.Series(names[first:last], dtype=object))
    # M5's d_1, d_2, ...: days by number; not features x1 ... x10 before a target y
    steps = _numbered(names[first:last]) if read is None and not left and last - first >= _STEPS_ACROSS else None
    if steps is None and (read is None or read[0].isna().any() or read[0].duplicated().any()  # newest first: NBS
                          or not (read[0].is_monotonic_increasing or read[0].is_monotonic_decreasing)
                          or not read[0].dt.year.between(1800, 2100).all()):
        return raw
    blank = unique_names([*names[:last], "series"])[-1]  # a label column without a header (Amplitude's, pandas')
    unnamed = [k for k, name in enumerate(names) if name.startswith("Unnamed:") and k < first
               and not _counts_rows(name, raw.iloc[:, k])]  # two (a GL's code and account name, both 'series': an
    names = [(blank if unnamed.index(k) == 0 else f"{blank} {unnamed.index(k) + 1}") if k in unnamed else name
             for k, name in enumerate(names)]  # internal error) are 'series' and 'series 2'
    table = raw.iloc[:, :last].set_axis(names[:last], axis=1)
    labels = [name for name in names[:first] if not _counts_rows(name, table[name])  # COUNTER's numbers of the
              and not (_ROW_TOTAL.search(name) and _numbers_only(table[name]))]  # 'Reporting_Period_Total': no label
    if not labels or any(parse_dates(table[name].iloc[:200]) is not None for name in labels):
        return raw
    by_row, summary = (period_of_rows(table[labels[0]], labels[0])
                       if read and read[1] in ("yyyy", FISCAL_FORMATS[3]) and len(labels) == 1 else (None, 0))
    attrs = dict(raw.attrs)
    units = table[labels].isna().all(axis=1)  # a unit under the dates ('2002=100'), no label: no series
    if units.any():  # only the rows without a label are parsed here (the melt reads every cell later)
        units[units] = ~table.loc[units, names[first:last]].apply(pd.to_numeric, errors="coerce").notna().any(axis=1)
    if units.any() and not units.all():
        table, attrs["units_row"] = table[~units.to_numpy()], True
    table, labels, flags = _without_status_rows(table, labels)
    if flags:
        attrs["status_rows"] = {"rows": flags}
    if by_row:  # a year per column, a month (quarter) per row: one series, dated by both (``combine_calendar_columns``)
        if summary:  # said as ``tidy`` says the summary rows it leaves out
            words = clipped_list(table[labels[0]].iloc[len(table) - summary:])
            attrs["summary_rows"] = {"rows": summary, "words": words}
        table = table.iloc[:len(table) - summary].rename(columns={labels[0]: by_row})
        labels = [by_row]
    elif summary:  # mostly months down the rows, but not a grid this reads: left as it was
        return raw
    else:  # rows of a label without a figure (a P&L's 'Income', its footer) and a Total row at the end
        table = _without_headings_and_totals(table, _labels_carried_down(table, labels, attrs), names[first:last],
                                             attrs)
    check_count(len(table) * (last - first), "rows", "TSR_MAX_ROWS", MAX_ROWS,
                "its dates run across the columns, so each of its rows makes a row per date: load fewer rows or dates")
    period, value = ("year", "value") if by_row else \
        unique_names([*labels, "period", _one_rows_name(table[labels])])[-2:]
    long = table.melt(id_vars=labels, value_vars=names[first:last], var_name=period, value_name=value)
    if steps is not None:
        long[period] = long[period].map(dict(zip(names[first:last], steps)))
    long.attrs = {**attrs, "dates_across": {"first": names[first], "last": names[last - 1], "dates": last - first,
                                            "by_row": by_row or "", "left": ", ".join(left),
                                            "steps": steps is not None}}
    return long


_SUMMED_SHARE = 0.9  # of a total row's figures within ``_SUMMED_TOLERANCE`` of the sum (or mean) of the rows above
_SUMMED_TOLERANCE = 0.01
_MEAN_WORDS = frozenset({"average", "avg", "mean", "durchschnitt", "mittelwert", "moyenne", "promedio", "media",
                         "gemiddelde", "平均"})
_SUM_WORDS = frozenset({"total", "totals", "sum", "summe", "gesamt", "somme", "suma", "totale", "totaal", "合计", "总计"})
# A label that only says its row totals the others ('Total', 'Grand Total', a pivot's 'Total general', 'Gesamtergebnis')
_TOTAL_LABEL = re.compile(r"\**\s*(?:grand\s+|sub-?)?(?:total|totals|summe|gesamt|gesamtergebnis|insgesamt|somme|suma|"
                          r"totale|totaal|eindtotaal|合计|总计|小计)(?:\s+(?:general|général|geral|generale|complessivo))?"
                          r"\s*:?", re.IGNORECASE)


def _without_headings_and_totals(table: pd.DataFrame, labels: list[str], dates: list[str],
                                 attrs: dict[str, Any]) -> pd.DataFrame:
    """``table`` (a row per series, ``dates`` across) without the rows that are no series: a label without a figure
    (a report's section headings and notes, a P&L's 'Income' and 'Accrual Basis ...' below it, or a series left
    blank: each was a series "without values"; said in ``attrs["label_rows"]``), and rows at the end labelled only as a
    total (``_TOTAL_LABEL``: Odoo's 'Total' of its products, forecast as a product), or with another summary label and
    figures that are the statistic it names of the rows above (``_sums_up``; not 'Total Sales' among KPIs, 'Sum of
    Profit' in a pivot or 'Max Temperature', series of their own); said in ``attrs["summary_rows"]``."""
    label = table[labels].astype("string").apply(lambda col: col.str.strip()).replace("", pd.NA).bfill(axis=1)
    label = label.iloc[:, 0].fillna("")
    blank = table[dates].isna().all(axis=1).to_numpy()
    worded = label.str.fullmatch(SUMMARY_ROW).fillna(False).to_numpy() & ~label.duplicated(keep=False).to_numpy()
    at_end = int(np.argmin(worded[::-1])) if not worded.all() else 0
    summed = np.zeros(len(table), dtype=bool)
    if at_end:  # a bare 'Total' or 'Grand Total' says it; 'Total Sales' or 'Median' where its figures are those
        figures = table[dates].apply(lambda cells: _plain_numbers(cells, bool(attrs.get("decimal_comma"))))
        subtotal = label.str.contains(rf"(?:^|\s){SUBTOTAL_WORDS}(?:\s|$)", case=False, regex=True).to_numpy()
        rows, end = figures.to_numpy(dtype=float), len(table) - at_end
        bodies = (rows[:end][~blank[:end]], rows[:end][~(blank | subtotal)[:end]])  # with the subtotals and without
        summed[end:] = [bool(_TOTAL_LABEL.fullmatch(name)) or any(_sums_up(row, body, name) for body in bodies)
                        for name, row in zip(label.iloc[end:], rows[end:])]
    # NetSuite's 'Total - Bottles' under its items 'Bottles : BTL-500-BLK' (a P&L's 'Total Income' under its 'Income'
    # heading stays a series of its own)
    parents = {name.split(" : ")[0] for name in label if " : " in name}
    summed |= label.map(lambda name: bool((group := GROUP_TOTAL.fullmatch(name)) and (group[1] or group[2])
                                          in parents)).to_numpy(dtype=bool)
    if not (blank | summed).any() or (blank | summed).all():
        return table
    if (headings := blank & ~summed).any():
        attrs["label_rows"] = {"rows": int(headings.sum()), "words": clipped_list(label[headings])}
    if summed.any():
        attrs["summary_rows"] = {"rows": int(summed.sum()), "words": clipped_list(label[summed])}
    return table[~(blank | summed)]


def _plain_numbers(cells: pd.Series, decimal_comma: bool) -> pd.Series:
    """Cells as numbers as ``parse_numbers`` reads them (``$1,234.50``; ``1.350,72 €`` with decimal commas), NaN
    where they are not."""
    parsed = parse_numbers(cells, decimal_comma, head_decides=False)
    return parsed if parsed is not None else pd.Series(np.nan, index=cells.index)


def _sums_up(row: np.ndarray, body: np.ndarray, name: str) -> bool:
    """Whether ``row``'s figures are the statistic its label ``name`` names (a mean or a median, else a sum) of the
    ``body`` rows' above it, nearly everywhere the row or the statistic is not zero: a 'Total Units' row (of sparse
    SKUs too), not a series named 'Total Sales' or 'Sum of Profit' (an Excel pivot's values), nor a SKU named 'Max
    Cable', zero where the others are not. A label with a total word and a mean word is tried as both ('Total Media'
    is a sum, 'Promedio total' a mean)."""
    if not len(body):
        return False
    lowered = name.lower()
    words = set(re.split(r"[\W_]+", lowered))
    named = [np.nanmedian(body, axis=0)] if "median" in words else []
    named += [np.nanmean(body, axis=0)] if words & _MEAN_WORDS or "平均" in lowered else []
    named += [np.nansum(body, axis=0)] if words & _SUM_WORDS or not named else []
    return any(_close_to(row, whole) for whole in named)


def _close_to(row: np.ndarray, whole: np.ndarray) -> bool:
    """Whether ``row`` is ``whole`` nearly everywhere either is not zero (where every row is zero, any row matches)."""
    known = np.isfinite(row) & np.isfinite(whole) & ((row != 0) | (whole != 0))
    if known.sum() < 2:
        return False
    close = np.abs(row - whole) <= _SUMMED_TOLERANCE * np.abs(whole) + 1e-9
    return bool(close[known].mean() >= _SUMMED_SHARE)


def _without_status_rows(table: pd.DataFrame, labels: list[str]) -> tuple[pd.DataFrame, list[str], int]:
    """The IMF's IFS download writes each series twice, its 'Attribute' 'Value' row and its 'Status' row of flags:
    the table without the status rows and that column, and how many rows went (the status rows were series with no
    values, '... |Status', and every id carried '|Value'); as it is (and 0) without such a column."""
    column = next((name for name in labels if name.strip().lower() == "attribute"), None)
    if column is None:
        return table, labels, 0
    kinds = table[column].astype("string").str.strip().str.lower()
    if not kinds.eq("value").any() or not kinds.isin(_ATTRIBUTE_KINDS).all():
        return table, labels, 0
    values = kinds.eq("value").to_numpy()
    return table[values].drop(columns=[column]), [name for name in labels if name != column], int((~values).sum())


_ATTRIBUTE_KINDS = ("value", "status", "flag", "flags")


def _past_footnoted_labels(names: list[str], first: int, dated: int) -> int:
    """Where the dates across start when the label columns before them have digits too (Statistics Canada numbers
    its headers' footnotes: ``Products and product groups 3 4``, then ``January 2022``, ...): up to
    ``_FOOTNOTED_LABELS`` columns after ``first`` whose names the dates after them read without; ``first`` when the
    names from it read as dates, or none of these does."""
    start = first
    while start < first + _FOOTNOTED_LABELS and dated - start > _DATES_ACROSS and not _all_dates(names[start:dated]):
        if _all_dates(names[start + 1:dated]):
            return start + 1
        start += 1
    return first


def _all_dates(names: list[str]) -> bool:
    """Whether every one of ``names`` reads as a date (``parse_dates`` lets a few cells in twenty be something else)."""
    read = parse_dates(pd.Series(names, dtype=object))
    return read is not None and bool(read[0].notna().all())


_FOOTNOTED_LABELS = 3


def _one_rows_name(labels: pd.DataFrame) -> str:
    """The name of the values of a table whose dates run across: its one row's label where it has one (``Revenue``:
    the chart's axis read 'value'), else ``value``."""
    cells = labels.iloc[0].astype("string").str.strip() if len(labels) == 1 else pd.Series(dtype="string")
    named = {str(col): cell for col, cell in cells.dropna().items() if cell and pd.isna(pd.to_numeric(cell, "coerce"))}
    measure = [cell for col, cell in named.items() if _MEASURE_LABEL.search(col) and "code" not in col.lower()]
    return (measure or list(named.values()) or ["value"])[0][:_NAME_MOST]


_NAME_MOST = 60  # characters of a row's label kept as the name of its values
# Of several labels (World Bank: Country Name, Country Code, Indicator Name, Indicator Code), the one naming the measure
_MEASURE_LABEL = re.compile(r"indicator|subject|series|variable|measure|item|concept|指标", re.IGNORECASE)
_NUMBERED = re.compile(r"(\D*?)(\d+)")  # a name and its number: d_1, day 2, t3


def _numbered(names: list[str]) -> list[int] | None:
    """The numbers of column names that are one word and a number rising by one (M5's ``d_1`` to ``d_1941``: days
    by number), else None."""
    found = [_NUMBERED.fullmatch(name) for name in names]
    if not all(found) or len({match.group(1) for match in found if match}) != 1:
        return None
    numbers = [int(match.group(2)) for match in found if match]
    return numbers if all(b - a == 1 for a, b in zip(numbers, numbers[1:])) else None


def _months_down_the_rows(raw: pd.DataFrame) -> pd.DataFrame:
    """A table with a row per year and a column per month (``Year,Jan,...,Dec,Annual``, as statistics offices publish
    monthly series) as a row per year and month: ``year``, ``month`` and ``value`` columns, which
    ``combine_calendar_columns`` dates, and the other columns before the months beside them (a series' name). Columns
    after December (``Annual``, ``HALF1``) sum the months up: left out, and said with the rest
    (``attrs["months_across"]``); rows without a year (notes) too. Any other table is returned as it is."""
    names = unique_names([str(col).strip() for col in raw.columns])
    period, span, first_month = "month", months_in_order(names), 1
    if span is None and (fiscal := fiscal_months_in_order(names)) is not None:  # Oct ... Sep: a fiscal year's
        start, end, first_month = fiscal
        span = start, end
    if span is None:  # or its quarters (Year,Q1,...,Q4: a quarterly report was read as a yearly series of Q1)
        period, span = "quarter", months_in_order(names, 4)
    if span is None:
        return raw
    start, end = span
    table = raw.set_axis(names, axis=1)
    read_years = years_of if first_month == 1 else fiscal_years_ending
    years, found = next(((name, found) for name in names[:start] if (found := read_years(table[name])) is not None),
                        (None, None))
    labels = [name for name in names[:start] if name != years]
    if (years is None or found is None or ("year" in names[:start] and years != "year") or period in names[:start]
            or not _rising_years(found, table[labels])
            or any(parse_dates(table[name].iloc[:200]) is not None for name in labels)):
        return raw  # no years, names in the way, or a time column already (months are then dummies or series)
    table = table[found.notna().to_numpy()]
    label = str(table[years].iloc[0]).strip()  # the first year as written (``FY2016``)
    table = table.assign(**{years: found.dropna()}).rename(columns={years: "year"})
    check_count(len(table) * (end - start), "rows", "TSR_MAX_ROWS", MAX_ROWS,
                f"its {'months' if end - start == 12 else 'quarters'} run across the columns, so each of its rows "
                f"makes {end - start}: load fewer rows")
    value = unique_names([*labels, "year", period, "value"])[-1]
    long = table.melt(id_vars=["year", *labels], value_vars=names[start:end], var_name=period, value_name=value)
    if first_month > 1:  # a fiscal year's months before January are of the year before the one it ends in
        month = long[period].map(dict(zip(names[start:end], range(start, end)))) - start + first_month
        long["year"] = long["year"] - (month <= 12).astype(int)
    long.attrs = {**raw.attrs, "months_across": {"first": names[start], "last": names[end - 1],
                                                 "left": ", ".join(f"'{name}'" for name in names[end:]),
                                                 "quarters": period == "quarter"}}
    if first_month > 1 and not writes_year_span(label):  # said as fiscal years beside months are (``tidy``)
        long.attrs["fiscal_months"] = {"column": years, "example": label, "month": names[start],
                                       "read": f"{int(found.dropna().iloc[0]) - 1}-{first_month:02d}"}
    return long


# An hour's column of a day's row, by its number (a utility's interval data: 'HE01' to 'HE24', hour ending; 'Hour 1',
# 'Hr 1', 'H1') or by its clock time ('1:00' to '24:00', hour ending; '0:00' to '23:00', or '0:15' ... '24:00' in
# quarters, as the interval begins or ends)
_HOUR_NUMBER = re.compile(r"(?:he|hour|hr|h)\s*[-_]?\s*0?(\d{1,2})", re.IGNORECASE)
_CLOCK_LABEL = re.compile(r"(\d{1,2}):(\d{2})(?::00)?")


def _interval_starts(names: list[str]) -> list[int] | None:
    """The minute of the day each of ``names`` begins, where they are a day's hours (or halves, quarters) in order
    (``_HOUR_NUMBER``, ``_CLOCK_LABEL``), perhaps with the 25th of a day the clocks go back ('HE25': its repeated
    hour, from 01:00), else None."""
    numbers = [_HOUR_NUMBER.fullmatch(name) for name in names]
    if all(numbers):
        hours = [int(match.group(1)) for match in numbers if match]
        return [60 * (hour - 1) for hour in hours] if hours[0] == 1 and hours == list(range(1, len(hours) + 1)) \
            else None
    clocks = [_CLOCK_LABEL.fullmatch(name) for name in names]
    if not all(clocks):
        return None
    minutes = [60 * int(match.group(1)) + int(match.group(2)) for match in clocks if match]
    step = minutes[1] - minutes[0]
    if step not in (15, 30, 60) or minutes[0] not in (0, step) \
            or any(later - earlier != step for earlier, later in zip(minutes, minutes[1:])):
        return None
    return [minute - minutes[0] for minute in minutes]  # (the first ends at its step, or begins at 0)


def _hours_down_the_rows(raw: pd.DataFrame) -> pd.DataFrame:
    """A table with a row per day and a column per hour of it (a utility's interval data: 'Read Date', then 'HE01' to
    'HE24' and 'HE25' for the day the clocks go back; or '1:00' to '24:00') as a row per hour: a ``time`` column of
    the day and the hour each column begins, and the value beside the other columns before the hours (a meter's
    number, its unit). It was read as a daily series of its first hour. Columns after the hours (a 'Daily Total') are
    left out, and said with the rest (``attrs["hours_across"]``); rows without a date too. Any other table is
    returned as it is."""
    names = unique_names([str(col).strip() for col in raw.columns])
    starts = [k for k, name in enumerate(names) if _HOUR_NUMBER.fullmatch(name) or _CLOCK_LABEL.fullmatch(name)]
    if len(starts) < 24:
        return raw
    runs = [(start, end, minutes) for start in starts for end in (start + 24, start + 25, start + 48, start + 96)
            if end <= len(names) and (start == 0 or _interval_starts(names[start - 1:end]) is None)
            and (minutes := _interval_starts(names[start:end])) is not None]
    if not runs or len(raw) < 1:
        return raw
    start, end, minutes = max(runs, key=lambda run: run[1] - run[0])
    if end < len(names) and _interval_starts(names[start:end + 1]) is not None:
        return raw
    table = raw.set_axis(names, axis=1)
    dates = next(((name, read[0]) for name in names[:start] if (read := parse_dates(table[name])) is not None
                  and read[0].notna().any() and (read[0].dropna() == read[0].dropna().dt.normalize()).all()),
                 None)
    if dates is None:
        return raw
    day, parsed = dates
    labels = [name for name in names[:start] if name != day]
    kept = parsed.notna().to_numpy()
    table, parsed = table[kept], parsed[kept]
    check_count(len(table) * (end - start), "rows", "TSR_MAX_ROWS", MAX_ROWS,
                "its hours run across the columns, so each of its rows makes a row per hour: load fewer days")
    offsets = dict(zip(names[start:end], minutes))
    extra = names[start + 24] if end - start == 25 else None  # the repeated hour: from 01:00, as the second is
    time, value = unique_names([*labels, "time", "value"])[-2:]
    long = table.assign(**{day: parsed}).melt(id_vars=[day, *labels], value_vars=names[start:end], var_name="_hour",
                                               value_name=value)
    if extra is not None:
        offsets[extra] = 60
        blank = long[value].astype("string").str.strip().fillna("") == ""
        long = long[~((long["_hour"] == extra) & blank).to_numpy()]
    long[time] = (long[day] + pd.to_timedelta(long["_hour"].map(offsets), unit="min")).dt.strftime("%Y-%m-%d %H:%M")
    long = long.sort_values([*labels, day, time], kind="stable")[[time, *labels, value]].reset_index(drop=True)
    long.attrs = {**raw.attrs, "hours_across": {"first": names[start], "last": names[end - 1],
                                                "left": ", ".join(f"'{name}'" for name in names[end:])}}
    return long


def _rising_years(years: pd.Series, labels: pd.DataFrame) -> bool:
    """Whether ``years`` (``years_of`` a column) rise row by row, mostly one year at a time, within each series the
    ``labels`` columns name (a table of a row per station and year; store numbers 1850, 2005 do not)."""
    known = pd.DataFrame({"year": years}).join(labels).dropna(subset=["year"])
    names = list(labels.columns)
    groups = known.groupby(names, sort=False, dropna=False)["year"] if names else [(None, known["year"])]
    steps = [np.diff(group.to_numpy()) for _, group in groups]
    every = np.concatenate(steps) if steps else np.array([])
    return bool(len(every)) and bool((every >= 1).all()) and float(np.median(every)) == 1


def _counts_rows(name: str, cells: pd.Series) -> bool:
    """Whether a column is a pandas index written with the table (unnamed, 0 or 1 up to the number of rows)."""
    if not name.startswith("Unnamed:"):
        return False
    numbers = pd.to_numeric(cells, errors="coerce").to_numpy()
    return bool(len(numbers)) and any(np.array_equal(numbers, np.arange(start, start + len(numbers)))
                                      for start in (0, 1))


def _first_of_side_by_side(raw: pd.DataFrame) -> pd.DataFrame:
    """The first of two tables laid side by side, a blank column between them, each with a column of dates rising on
    a spacing of its own or over dates the other does not span (``Month, Sales, , Week, Visitors``: the weeks'
    visitors were read on the months' dates). The columns past the blank one are left out and named
    (``attrs["side_table"]``); any other table is returned as it is: one table with an empty column and a second date
    (``order_date, amount, , ship_date, qty``) ends where it ends on both sides."""
    names = [str(col) for col in raw.columns]
    blank = [k for k, col in enumerate(raw.columns) if 2 <= k < len(names) - 2
             and (names[k].startswith("Unnamed:") or not names[k].strip()) and raw[col].isna().all()]
    if not blank or len(raw) < 8:
        return raw
    left, right = raw.iloc[:, :blank[0]], raw.iloc[:, blank[0] + 1:]
    dates = [_rising_dates(part) for part in (left, right)]
    if dates[0] is None or dates[1] is None:
        return raw
    (first, last, step), (other_first, other_last, other_step) = dates
    if abs(other_step - step) <= 0.1 * step and other_first <= last and first <= other_last:
        return raw  # one table: a second date on each row (shipped after ordered, the last orders not yet)
    filled = left.notna().any(axis=1).to_numpy()
    table = left.iloc[:len(filled) - int(np.argmax(filled[::-1]))]  # the other's longer rows left out too
    table.attrs = {**raw.attrs, "side_table": ", ".join(name for name in names[blank[0] + 1:]
                                                         if not name.startswith("Unnamed:"))[:120]}
    return table


def _rising_dates(part: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timedelta] | None:
    """The first and last date and the median step of the first column of ``part`` read as dates rising row by row,
    each once; None without one (a promotion's start repeated on the days it runs)."""
    for col in part.columns:
        if pd.api.types.is_numeric_dtype(part[col]):  # (a datetime column is not numeric)
            continue
        read = parse_dates(part[col].dropna().iloc[:500])
        if read is not None and read[0].notna().all() and read[0].is_monotonic_increasing and read[0].is_unique \
                and len(read[0]) > 2:
            return read[0].iloc[0], read[0].iloc[-1], read[0].diff().median()
    return None


def _without_header_copies(raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` without the rows that repeat its header (exports of several periods joined one under another) and
    without a row of units or labels right under it (``,EUR``: its first cell blank, no digit in any cell), which hold
    neither a date nor a number; how many of each in ``attrs`` (``header_copies``, ``units_row``), said by the loader. Long files lost such
    rows later on; in a file of a year's months, one among 13 made the column text (a number needs 95% of the cells)."""
    if raw.empty or not all(pd.api.types.is_string_dtype(raw[col]) or pd.isna(raw[col].iloc[0])
                            for col in raw.columns):  # typed: no header (a number column blank under a label row)
        return raw
    header = [str(col).strip().casefold() for col in raw.columns]
    copies = (raw.iloc[:, 0] == str(raw.columns[0])).fillna(False).to_numpy(dtype=bool, copy=True)  # as written
    for position in np.flatnonzero(copies):
        copies[position] = [str(cell).strip().casefold() for cell in raw.iloc[position]] == header
    top = raw.iloc[0]  # under the time column's name a blank, under the others units: ',EUR'
    units = not copies[0] and pd.isna(top.iloc[0]) and top.notna().any() and not any(
        char.isdigit() for cell in top.dropna() for char in str(cell))
    if not copies.any() and not units:
        return raw
    blocks = _titles_and_totals_above(raw, copies)
    kept = raw[~(copies | blocks)]
    kept = kept.iloc[1:].rename(columns=_labelled_namesakes(list(raw.columns), top)) if units else kept
    kept.attrs = {**raw.attrs, "header_copies": int(copies.sum()), "units_row": bool(units),
                  **({"block_rows": int(blocks.sum())} if blocks.any() else {})}
    return kept


def _titles_and_totals_above(raw: pd.DataFrame, copies: np.ndarray) -> np.ndarray:
    """The rows that end the table above each copy of the header (``_without_header_copies``): a title line (a first
    cell alone: 'Monthly Waste Tonnages 2020-21') and, above it, a total row ('Total'); yearly tables pasted one under
    another had them read as months (a year's total among them) and the time column as text."""
    ends = np.zeros(len(raw), dtype=bool)
    for position in np.flatnonzero(copies):
        above = position - 1
        if above >= 0 and pd.notna(raw.iloc[above, 0]) and raw.iloc[above, 1:].isna().all():
            ends[above], above = True, above - 1
        if above >= 0 and SUMMARY_ROW.fullmatch(str(raw.iloc[above, 0]).strip()):
            ends[above] = True
    return ends


def _labelled_namesakes(columns: list[str], labels: pd.Series) -> dict[str, str]:
    """New names for columns named alike whose row of labels under the header tells them apart: JMA's '平均気温(℃)'
    three times over '', '品質情報', '均質番号' (pandas numbered them '.1', '.2', said as names to correct), each with its
    label after the name; those without a label keep theirs."""
    names = [str(col) for col in columns]
    bases = {match.group(1) for name in names if (match := re.fullmatch(r"(.+)\.[1-9]\d*", name))} & set(names)
    renamed: dict[str, str] = {}
    for name, label in zip(names, labels):
        match = re.fullmatch(r"(.+)\.[1-9]\d*", name)
        base = match.group(1) if match and match.group(1) in bases else name
        text = "" if pd.isna(label) else str(label).strip()
        if base in bases and text and (new := f"{base} {text}") not in names and new not in renamed.values():
            renamed[name] = new
    return renamed


def _note_repeated_names(raw: pd.DataFrame) -> pd.DataFrame:
    """Columns the file names alike (``sales`` twice): pandas reads the later ones as ``sales.1``, ``sales.2``;
    ``attrs["renamed_columns"]`` lists them for a notice (a series' id or a target would carry a name the file
    does not write)."""
    names = [str(col) for col in raw.columns]
    known = set(names)  # looked up once per earlier copy of each name: a list made 999 columns named alike take 7 s
    renamed = [name for name in names if (base := re.fullmatch(r"(.+)\.([1-9]\d*)", name)) and base.group(1) in known
               and all(f"{base.group(1)}.{k}" in known for k in range(1, int(base.group(2))))  # as pandas numbers them
               and not re.fullmatch(r"-?\d+", base.group(1))]  # 0, 0.1, 0.2: quantiles or depths, not renamed
    if renamed:  # the notice names the first 12 (``quoted_names``); pandas copies attrs at every step
        raw.attrs["renamed_columns"] = tuple(renamed[:12])
    return raw


def _read_any(data: bytes, name: str, sheet: str | int, decimal: str = "", packed: bool = True) -> pd.DataFrame:
    """The raw table of ``data``; a file gzipped, or zipped alone, is unpacked once (``packed``: it may be)."""
    if not data.strip():
        raise DataError("The file is empty: choose a CSV with a header row and at least a few rows of data.",
                        "err.empty")
    if data[:4] == b"PAR1":
        return _read_parquet(data, name)
    if data[:4] == b"PK\x03\x04":
        if packed and (inner := _zipped_file(data)) is not None:
            return _read_any(*inner, sheet, decimal, packed=False)
        return _read_excel(data, name, sheet)
    if data[:5] == b"%PDF-":
        raise DataError("This file is a PDF document, not a table: export the data as CSV from where it came.",
                        "err.pdf")
    if kind := _statistics_format(data):
        raise DataError(f"The file is {kind[0]}, which the reader does not open: export the data as CSV ({kind[1]}).",
                        "err.other_format", {"file_kind": kind[0], "how": kind[1]})
    if data[:1] == b"\x80" and data[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        raise DataError("The file is a pickled Python object, which the reader never opens (loading one can run any "
                        "code): write the table with DataFrame.to_csv and choose the CSV.", "err.pickle")
    if data[:8] == _OLE2 and _WORD_STREAM in data[:1 << 20]:  # an old Word document (.doc) renamed
        raise _word_document()
    if data[:8] == _OLE2:
        raise DataError("The file is an Excel workbook in the old format (.xls), or one protected by a password: open "
                        "it in Excel or LibreOffice and save it as .xlsx without a password, or as CSV.", "err.xls")
    if data[:2] == b"\x1f\x8b":
        if not packed:
            raise DataError("The file is compressed twice (gzip inside an archive): decompress it and choose the "
                            "CSV inside.", "err.packed_twice")
        return _read_any(*_gunzipped(data, name), sheet, decimal, packed=False)
    check_line_length(data)
    text = decode_text(data)
    head = text.lstrip()[:200].lower()
    if head.startswith("ofxheader:") or re.match(r"(?:<\?xml[^>]*>\s*)?<\?ofx|<ofx>", head):
        raise DataError("This file is a bank download in OFX or QFX (for Quicken, QuickBooks or Money), not a CSV: "
                        "download the statement as CSV (the bank's 'CSV' or 'Comma delimited' choice).", "err.ofx")
    if re.match(r"!(?:type|account|option|clear):", head):
        raise DataError("This file is a bank download in QIF (Quicken Interchange Format), not a CSV: download the "
                        "statement as CSV (the bank's 'CSV' or 'Comma delimited' choice).", "err.qif")
    if head.startswith(("<?xml", "<feed", "<rss")) and not re.search(r"<html|<!doctype html", text[:2000], re.I):
        raise DataError("This file is XML (a feed or data document, such as a utility's Green Button download), not a "
                        "CSV: download the data itself as CSV, or save it as CSV from a spreadsheet.", "err.xml")
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body")):
        raise DataError("This file is a web page (HTML), not a CSV: download the data itself as CSV.", "err.html")
    if _is_json(text):
        raise DataError("This file is JSON, not a CSV: export the data as CSV (a header row, then one row per time "
                        "step).", "err.json")
    return _read_csv_text(text, decimal)


# A zip archive of one of these is read as the file inside (a CSV zipped to mail it, Kaggle's downloads).
_ZIPPED_TYPES = (".csv", ".tsv", ".txt", ".xlsx", ".parquet")


# Files of statistics packages and data stores, by their first bytes: (what the file is, how to export a CSV from it).
# Each was refused as "binary data", which did not say what to do; SAS transport files are text and were read as a
# table of one column. Each kind has an entry under 'format.' in the catalogs (``core.i18n.LOCALIZED``).
_OTHER_FORMATS: tuple[tuple[bytes, str, str], ...] = (
    (b"<stata_dta>", "a Stata data file (.dta)", 'in Stata: export delimited using "data.csv"'),
    (b"$FL2", "an SPSS data file (.sav)", "in SPSS: File > Export > CSV Data"),
    (b"$FL3", "a compressed SPSS data file (.zsav)", "in SPSS: File > Export > CSV Data"),
    (b"\x00" * 12 + b"\xc2\xea\x81\x60", "a SAS data set (.sas7bdat)", 'in SAS: proc export ... dbms=csv'),
    (b"HEADER RECORD*******LIB", "a SAS transport file (.xpt)", 'in SAS: proc export ... dbms=csv'),
    (b"SQLite format 3\x00", "an SQLite database", 'sqlite3 -header -csv FILE "select * from TABLE" > data.csv'),
    (b"ARROW1", "an Arrow / Feather file", "in Python: pandas.read_feather(FILE).to_csv(...)"),
    (b"FEA1", "a Feather file", "in Python: pandas.read_feather(FILE).to_csv(...)"),
    (b"\x89HDF\r\n\x1a\n", "an HDF5 file (.h5)", "in Python: pandas.read_hdf(FILE).to_csv(...)"),
    (b"\x93NUMPY", "a NumPy array (.npy)", "in Python: numpy.savetxt or pandas' to_csv"),
    (b"MATLAB ", "a MATLAB data file (.mat)", "in MATLAB: writetable or writematrix"),
    (b"RDX2\n", "an R data file (.RData)", "in R: write.csv"),
    (b"RDX3\n", "an R data file (.RData)", "in R: write.csv"),
    (b"X\n\x00\x00\x00", "an R data file (.rds)", "in R: write.csv(readRDS(FILE), ...)"),
    (b"Obj\x01", "an Avro file", "with avro-tools tojson, or from the tool that wrote it"),
)
_OLD_STATA_VERSIONS = range(104, 116)  # the first byte of a Stata file before version 13 (117 starts <stata_dta>)


def _statistics_format(data: bytes) -> tuple[str, str] | None:
    """What ``data`` is and how to export a CSV from it, when its first bytes are those of a statistics package's or a
    data store's file (``_OTHER_FORMATS``; a Stata file before version 13 by its version, byte order and file type)."""
    for start, kind, how in _OTHER_FORMATS:
        if data.startswith(start) and (b"\x00" in data[:4096] or start.startswith(b"HEADER")):
            return kind, how
    if data[:1] and data[0] in _OLD_STATA_VERSIONS and data[1:4] in (b"\x01\x01\x00", b"\x02\x01\x00"):
        return "a Stata data file (.dta)", 'in Stata: export delimited using "data.csv"'
    return None


def _word_document() -> DataError:
    """A Word document given as a table (a .docx or .doc renamed): said as such (a .docx was called a zip archive to
    unzip, a .doc an Excel workbook)."""
    return DataError("The file is a Word document, not a table: copy its table into Excel and save it as .xlsx or "
                     "CSV.", "err.word")


def _gunzipped(data: bytes, name: str) -> tuple[bytes, str]:
    """A gzipped file (``sales.csv.gz``) unpacked, no further than the file-size limit, and its name."""
    most = limit("TSR_MAX_FILE_MB", MAX_FILE_MB)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inner = stream.read(int(most * 1e6) + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise DataError(f"The file is compressed (gzip) but damaged ({_first_line(error)}): compress it again, or "
                        "choose the CSV itself.", "err.gzip_damaged", {"detail": _first_line(error)}) from None
    _check_unpacked_size(len(inner), most)
    if inner[257:262] == b"ustar":  # a .tar.gz: an archive of files, not one
        raise DataError("The file is a tar archive (.tar.gz): unpack it and choose the CSV inside.", "err.tar")
    return inner, name[:-3] if name.lower().endswith(".gz") else name


def _zipped_file(data: bytes) -> tuple[bytes, str] | None:
    """The one data file a zip archive holds (``_ZIPPED_TYPES``; macOS's ``__MACOSX`` copies and Spark's ``_SUCCESS``
    and ``.crc`` files aside), unpacked no
    further than the file-size limit, and its name; None for a workbook, a damaged archive or any other content
    (``_read_excel`` says what it is)."""
    most = limit("TSR_MAX_FILE_MB", MAX_FILE_MB)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            files = [member for member in archive.infolist() if not member.is_dir()
                     and not member.filename.startswith("__MACOSX/") and not _ZIP_EXTRAS.search(member.filename)]
            if len(files) != 1 or not files[0].filename.lower().endswith(_ZIPPED_TYPES):
                return None
            if files[0].compress_type not in _ZIP_METHODS or files[0].flag_bits & 0x1:
                return None  # said by ``_check_zip``
            inner = b""  # one that says it is too large is not unpacked
            if files[0].file_size <= most * 1e6:
                with archive.open(files[0]) as member:
                    inner = member.read(int(most * 1e6) + 1)
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError, NotImplementedError):
        return None
    _check_unpacked_size(max(len(inner), files[0].file_size), most)
    return inner, Path(files[0].filename).name


_ZIP_EXTRAS = re.compile(r"(?:\.DS_Store|(?:^|/)_SUCCESS|\.crc|(?:^|/)_(?:committed|started)_\w+)$")


def _check_unpacked_size(size: int, most_mb: float) -> None:
    if size > most_mb * 1e6:
        raise LimitError(f"The file unpacks to more than the {most_mb:g} MB limit: load a shorter extract, or set "
                         "TSR_MAX_FILE_MB to raise the limit.", "err.unpacked_too_large", {"mb": most_mb})


def _is_json(text: str) -> bool:
    """Whether a text is JSON: an array of objects or arrays (``[{...``), or lines of objects (its first line parses
    as one), or an object over several lines (``{`` alone on the first)."""
    start = text.lstrip()
    if re.match(r"\[\s*[{\[]", start[:200]):
        return True
    if not start.startswith("{"):
        return False
    first = start.split("\n", 1)[0].strip()
    try:
        return first == "{" or isinstance(json.loads(first), dict)
    except RecursionError:  # objects nested thousands deep: JSON all the same
        return True
    except ValueError:
        return False


def column_text(data: bytes, columns: tuple[str, ...]) -> pd.DataFrame | None:
    """The cells of ``columns`` (names as stripped) exactly as a CSV file writes them, stripped, row for row
    as ``read_table`` reads the file (its index): ``007`` and ``7`` stay apart, ``NA`` (North America) is text;
    only blank cells and the null markers of ``_TEXT_BLANKS`` are NA. None for workbooks, Parquet files (their
    cells carry their types) and files without a header row."""
    if data[:2] == b"\x1f\x8b":  # a gzipped CSV (Apple's daily reports, .txt.gz): its text ('binary data' before)
        data = _gunzipped(data, "")[0]
    if data[:4] in (b"PAR1", b"PK\x03\x04") or not columns:
        return None
    layout = _csv_layout(decode_text(data))
    if layout.bare:
        return None
    wanted = set(columns)
    try:
        with warnings.catch_warnings():  # rows ending with a separator the header lacks: as ``_read_csv_layout``
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            cells = pd.read_csv(io.StringIO(layout.text), sep=layout.delimiter, skip_blank_lines=True,
                                skipinitialspace=True, dtype=str, keep_default_na=False,
                                index_col=False if _ends_with_empty_field(layout) else None,
                                usecols=lambda name: str(name).strip() in wanted)
    except (pd.errors.ParserError, csv.Error, ValueError, OverflowError):
        return None
    cells = cells.rename(columns=lambda name: str(name).strip())
    if set(cells.columns) != wanted or cells.columns.duplicated().any():  # 'sales ' and 'sales': not told apart here
        return None
    stripped = cells.apply(lambda column: column.str.strip())
    return stripped.mask(stripped.isin(_TEXT_BLANKS))


def _ends_with_empty_field(layout: "CsvLayout") -> bool:
    """Whether the first row of data has one field more than the header, and it empty (``2021-01,1000,``)."""
    lines = [line for line in layout.text[:65536].splitlines()[:2] if line.strip()]
    if len(lines) < 2:
        return False
    header, row = (next(csv.reader([line], delimiter=layout.delimiter), []) for line in lines)
    return len(row) == len(header) + 1 and not row[-1].strip()


def _first_line(error: BaseException, most: int = 160) -> str:
    """The first line of ``error``'s message without its last full stop, cut at a word within ``most`` characters
    (Arrow's 'Parquet magic bytes not found in footer. Either the file is corrupted or this is' was cut at 80)."""
    text = str(error).strip()
    line = (text.splitlines()[0] if text else "").rstrip(".")
    if len(line) > most:
        line = line[:most].rsplit(" ", 1)[0] + "..."
    return line or type(error).__name__


def _check_table_size(raw: pd.DataFrame) -> pd.DataFrame:
    check_count(len(raw.columns), "columns", "TSR_MAX_COLUMNS", MAX_COLUMNS, "keep the columns you need")
    check_count(len(raw), "rows", "TSR_MAX_ROWS", MAX_ROWS, "load a shorter extract")
    return raw


def _read_parquet(data: bytes, name: str) -> pd.DataFrame:
    """Check the row and column counts in the footer, then read the data."""
    try:
        parquet = pq.ParquetFile(io.BytesIO(data))
        meta = parquet.metadata
        check_count(meta.num_columns, "columns", "TSR_MAX_COLUMNS", MAX_COLUMNS, "keep the columns you need")
        check_count(meta.num_rows, "rows", "TSR_MAX_ROWS", MAX_ROWS, "load a shorter extract")
        # Rows and columns each within their limits may still be too many cells: 50,000 rows of 1,000 columns of
        # zeros pack into 0.9 MB and took 1.5 GB to read.
        _check_cells(meta.num_rows * meta.num_columns)
        _check_flat(parquet, name)
        _check_text_size(parquet, data, name)
        return _check_table_size(_with_index_as_columns(pd.read_parquet(io.BytesIO(data))))
    except DataError:
        raise
    except _PARQUET_ERRORS as error:
        raise DataError(f"'{name or 'The file'}' looks like Parquet but cannot be read ({_first_line(error)}): "
                        "export it again or save it as CSV.", "err.parquet",
                        {"name": name or "The file", "detail": _first_line(error)}) from None


def _check_cells(cells: int) -> None:
    """Raise :class:`LimitError` when a Parquet table or a text file has more than ``TSR_MAX_SHEET_CELLS`` cells."""
    most = limit("TSR_MAX_SHEET_CELLS", MAX_SHEET_CELLS)
    if cells > most:
        raise LimitError(f"The file has {cells:,} cells, more than the limit of {format_limit(most)}: keep the columns "
                         "you need, or load a shorter extract, or set TSR_MAX_SHEET_CELLS to raise the limit.",
                         "err.parquet_cells", {"count": cells, "limit": format_limit(most)})


def _with_index_as_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame whose index pandas restored from a Parquet file's metadata (``to_parquet`` of a frame indexed by its
    dates) with that index as its first columns, as a CSV export would write them."""
    if isinstance(frame.index, pd.RangeIndex):
        return frame
    names = [name if name is not None else "index" for name in frame.index.names]
    return frame.rename_axis(names).reset_index()


def _check_flat(parquet: pq.ParquetFile, name: str) -> None:
    """Refuse a Parquet column of nested values (lists, structs, maps): no series is written so, and the text inside
    them escaped the text-size check (1 GB of strings in a 10 KB file's list column took 3.3 GB to read)."""
    for field in parquet.schema_arrow:
        if pa.types.is_nested(field.type):
            kind = str(field.type).split("<")[0]
            raise DataError(f"'{name or 'The file'}' has a column of nested values ('{field.name}', {kind}): a series "
                            "needs one value per cell; export the table flat, or as CSV.", "err.parquet_nested",
                            {"name": name or "The file", "column": field.name, "kind": kind})


def _check_text_size(parquet: pq.ParquetFile, data: bytes, name: str) -> None:
    """Refuse a Parquet file whose text columns would unpack past ``TSR_MAX_UNCOMPRESSED_MB``: a dictionary-encoded
    column repeats its values without storing them again (a 1,000-character value on 2.5 million rows is 11 MB on
    disk, 2.5 GB in memory). The text is measured on the dictionaries and their indices, never unpacked."""
    texts = [field.name for field in parquet.schema_arrow if _is_text(field.type)]
    if not texts:
        return
    table = pq.read_table(io.BytesIO(data), columns=texts, read_dictionary=texts)
    size = 0
    for column in table.columns:
        for chunk in column.chunks:
            if not isinstance(chunk, pa.DictionaryArray):
                size += int(pc.sum(pc.binary_length(chunk)).as_py() or 0)
                continue
            lengths = pc.fill_null(pc.binary_length(chunk.dictionary), 0).to_numpy(zero_copy_only=False)
            indices = chunk.indices.drop_null().to_numpy(zero_copy_only=False)  # a blank cell holds no text
            size += int(lengths[indices].sum()) if len(lengths) else 0
    most = limit("TSR_MAX_UNCOMPRESSED_MB", MAX_UNCOMPRESSED_MB)
    if size > most * 1e6:
        raise LimitError(f"'{name or 'The file'}' holds {size / 1e6:,.0f} MB of text once unpacked, more than the "
                         f"limit of {format_limit(most)} MB: keep the columns you need, or set TSR_MAX_UNCOMPRESSED_MB "
                         "to raise the limit.", "err.parquet_text",
                         {"name": name or "The file", "mb": f"{size / 1e6:,.0f}", "limit": format_limit(most)})


def _is_text(kind: pa.DataType) -> bool:
    """Text or bytes, also dictionary-encoded."""
    kind = kind.value_type if pa.types.is_dictionary(kind) else kind
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind)
                or pa.types.is_large_binary(kind))


def _check_zip(data: bytes, name: str) -> None:
    """Refuse a workbook from its zip directory alone: too large unpacked, a bomb, or unreadable packing."""
    label = f"'{name}'" if name else "The file"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as error:
        raise DataError(f"{label} starts like a zip archive (as Excel workbooks do) but is damaged "
                        f"({_first_line(error)}): save it again, or export the sheet as CSV.", "err.zip_damaged",
                        {"label": label, "detail": _first_line(error)}) from None
    for member in members:
        named = clipped(member.filename, 60)
        if member.compress_type not in _ZIP_METHODS:
            raise DataError(f"{label} is a zip archive packed with a method this loader cannot unpack "
                            f"(method {member.compress_type} in '{named}'): "
                            "save the workbook again from Excel, or export the sheet as CSV.", "err.zip_method",
                            {"label": label, "method": member.compress_type, "member": named})
        if member.flag_bits & 0x1:
            raise DataError(f"{label} is password-protected: remove the password in Excel, or export the sheet as CSV.",
                            "err.zip_password", {"label": label})
        ratio = member.file_size / max(member.compress_size, 1)
        most = limit("TSR_MAX_COMPRESSION_RATIO", MAX_COMPRESSION_RATIO)
        if member.file_size >= _RATIO_FLOOR_BYTES and ratio > most:
            raise LimitError(f"{label} unpacks '{named}' to {ratio:,.0f} times its packed size, more "
                             f"than the limit of {format_limit(most)} (a zip bomb?): export the sheet as CSV, or set "
                             "TSR_MAX_COMPRESSION_RATIO to raise the limit.", "err.zip_ratio",
                             {"label": label, "member": named, "ratio": ratio, "limit": format_limit(most)})
    if b"mimetypeapplication/vnd.oasis.opendocument" in data[:100]:  # stored first and unpacked, as ODF requires
        raise DataError(f"{label} is an OpenDocument file (.ods), not an Excel workbook: save it as .xlsx or CSV from "
                        "LibreOffice or Excel.", "err.ods", {"label": label})
    if any(member.filename.startswith("word/") for member in members):  # a .docx renamed: no archive to unzip
        raise _word_document()
    if not any(member.filename.startswith("xl/") for member in members):
        shown = [member for member in members if not member.is_dir() and not member.filename.startswith("__MACOSX/")
                 and not _ZIP_EXTRAS.search(member.filename)] or members  # the data files, not Spark's _SUCCESS
        inside = ", ".join(clipped(member.filename, 60) for member in shown[:3]) + (", ..." if len(shown) > 3 else "")
        raise DataError(f"{label} is a zip archive (holding {inside or 'nothing'}), not a CSV or an Excel "
                        "workbook: unzip it and load the file inside.", "err.zip_not_workbook",
                        {"label": label, "inside": inside or "nothing"})
    unpacked_mb = sum(member.file_size for member in members) / 1e6
    most_mb = limit("TSR_MAX_UNCOMPRESSED_MB", MAX_UNCOMPRESSED_MB)
    if unpacked_mb > most_mb:
        raise LimitError(f"{label} unpacks to {unpacked_mb:,.0f} MB, more than the limit of {format_limit(most_mb)} MB: "
                         "export the sheet as CSV, or set TSR_MAX_UNCOMPRESSED_MB to raise the limit.", "err.zip_unpacked",
                         {"label": label, "mb": unpacked_mb, "limit": format_limit(most_mb)})


def _read_excel(data: bytes, name: str, sheet: str | int) -> pd.DataFrame:
    """The sheet asked for; for the first sheet (the default) that holds no table of numbers (notes, a cover
    page), the first of sheets 2..``SHEETS_SEARCHED`` that does, named in ``attrs["sheet"]``. Title lines
    above the header are skipped as in a CSV (``_promote_header``). The workbook is opened once."""
    _check_zip(data, name)  # zipfile stops each member at the size the directory declares
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = _sheet_parts(archive)
        with _open_workbook(data, name) as book:
            visible = _visible_sheets(book)
            passed_hidden = sheet == 0 and bool(visible) and visible[0] != book.sheet_names[0]
            chosen = visible[0] if passed_hidden else sheet
            if isinstance(chosen, str) and chosen not in book.sheet_names and chosen.isdigit() and int(chosen) >= 1:
                chosen = int(chosen) - 1  # a sheet's number, counted from 1, where no sheet has that name
            if chosen not in (book.sheet_names if isinstance(chosen, str) else range(len(book.sheet_names))):
                names = ", ".join(f"'{sheet_name}'" for sheet_name in book.sheet_names[:12])
                asked = chosen if isinstance(chosen, str) else chosen + 1  # a number as people count sheets
                raise DataError(f"'{name or 'The workbook'}' has no sheet '{asked}': its sheets are {names}.",
                                "err.no_sheet", {"name": name or "The workbook", "sheet": str(asked), "sheets": names})
            # By name: a number counts worksheets (``sheet_names``), while the workbook's parts and calamine's sheets
            # by number count its chart sheets too (a chart placed first was read, or measured, for the data).
            named = chosen if isinstance(chosen, str) else book.sheet_names[chosen]
            extent = _check_sheet_rows(archive, parts.get(named), name)  # before a cell is parsed
            texts = SharedTexts(archive)
            check_sheet_text(texts, parts.get(named), extent, name)
            raw = _with_extent(_parse_sheet(book, name, named), extent)
            if passed_hidden:  # the first sheets are hidden (an old version, lookups): said by the loader (a sheet
                # asked for by number, '--sheet 3', was said to pass hidden sheets over: 2 is not '3')
                raw.attrs["hidden_sheets_passed"] = str(chosen)
            if sheet == 0 and _data_rows(raw) < _DATA_ROWS:  # a first sheet of notes: the data may follow
                later = _later_data_sheet(book, archive, parts, name, visible[1:] if visible else (), texts)
                raw = raw if later is None else later
            read = raw.attrs.get("sheet") or named
            raw.attrs.update(sheets=tuple(visible or book.sheet_names), sheet_read=str(read))  # for a sheet picker
    table = _check_table_size(_promote_header(raw))
    kept = _without_sheet_notes(table.dropna(how="all"))  # blank rows between blocks of a sheet are no time steps
    hidden = [str(kept.columns[number - 1]) for number in table.attrs.get("hidden_column_numbers", ())
              if number <= len(kept.columns)]
    kept.attrs = {key: value for key, value in kept.attrs.items() if key != "hidden_column_numbers"}
    if hidden:
        kept.attrs["hidden_columns"] = hidden  # not picked as the target (``tidy._pick_target``)
    return _percent_cells_as_percent(kept, table.attrs.get("percent_column_cells", ()))


def _percent_cells_as_percent(table: pd.DataFrame, cells: tuple[tuple[int, int], ...]) -> pd.DataFrame:
    """``table`` with the numbers of each column formatted as percentages in nearly every numeric cell (``cells``:
    column numbers from 1 and their count) read as the percent shown (0.006 as 0.6), listed in ``attrs`` for the
    loader's notice: a Workday 'Turnover %' read as 0.006 where the same report as CSV reads '0.6%' as 0.6."""
    named = []
    for number, styled in cells:
        if number > len(table.columns):
            continue
        col = table.columns[number - 1]
        values = pd.to_numeric(table[col], errors="coerce")
        if values.notna().sum() >= 2 and styled >= PARSE_SHARE * values.notna().sum():
            shown = (values * 100).round(12)
            table = table.assign(**{str(col): table[col].where(values.isna(), shown.map("{:.15g}".format))})
            named.append(str(col))
    if named:
        table.attrs["percent_cells"] = named
    return table


def _without_sheet_notes(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (a sheet's, without its blank rows) without the note lines below it (``Source: internal ERP,
    extracted 2024-03-01`` in the first cell, the rest of the row blank), left out as a CSV's are
    (``_without_footnotes``: among its last ``_FOOTNOTE_LINES`` rows, those after every row of data that
    ``_is_footnote``) and listed in ``attrs["footnotes"]`` for the loader's notice: one with a digit in it was read
    as a row whose date could not be read, to be corrected in the file."""
    if len(table) < 2 or len(table.columns) < 2:
        return table
    tail = [["" if pd.isna(cell) else str(cell) for cell in row]
            for row in table.iloc[-_FOOTNOTE_LINES:].itertuples(index=False)]
    firsts = table.iloc[:, 0]
    starts = Counter({row[0]: int((firsts == row[0]).sum()) for row in tail if row[0][:1].isalpha()})
    notes = 0
    while notes < min(len(tail), len(table) - 1) and _is_footnote(tail[-1 - notes], len(table.columns), starts):
        notes += 1
    if not notes:
        return table
    kept = table.iloc[:-notes]
    kept.attrs = {**table.attrs, "footnotes": tuple(" ".join(cell.strip() for cell in row if cell.strip())
                                                     for row in tail[len(tail) - notes:])}
    return kept


def _with_extent(raw: pd.DataFrame, extent: SheetExtent) -> pd.DataFrame:
    """``raw`` with what its sheet's XML said: its merged cells filled (``_merged_cells_filled``); in ``attrs``,
    formulas without stored results (said by the loader) and the hidden columns' numbers."""
    raw = _merged_cells_filled(raw, list(extent.merged))
    if extent.unsaved:
        raw.attrs["unsaved_formulas"] = True
    if extent.hidden:
        raw.attrs["hidden_column_numbers"] = extent.hidden
    if extent.percent:
        raw.attrs["percent_column_cells"] = extent.percent
    return raw


def _visible_sheets(book: pd.ExcelFile) -> list[str]:
    """The names of the workbook's worksheets that are not hidden, in order (all of them when calamine cannot say).
    Chart sheets (calamine lists them too) hold no cells: one placed first was looked up as the sheet to read, and one
    after the data was offered as another sheet to choose."""
    try:
        return [str(sheet.name) for sheet in book.book.sheets_metadata
                if str(sheet.visible).endswith("Visible") and sheet.typ == SheetTypeEnum.WorkSheet]
    except AttributeError:  # pragma: no cover - another engine
        return [str(name) for name in book.sheet_names]


def _later_data_sheet(book: pd.ExcelFile, archive: zipfile.ZipFile, parts: dict[str | int, str],
                      name: str, later: list[str] | tuple[str, ...], texts: SharedTexts) -> pd.DataFrame | None:
    """The first of the ``later`` visible sheets (up to ``SHEETS_SEARCHED``) that holds a table of numbers, its name
    in ``attrs["sheet"]``. One over a limit ends the search with that limit's error: passed over, the sheet after it
    was read with nothing said (a 'Data' sheet over TSR_MAX_SHEET_CELLS, and the years of 'Other' fitted)."""
    for other in later[:SHEETS_SEARCHED - 1]:
        try:
            extent = _check_sheet_rows(archive, parts.get(other), name)  # before a cell is parsed
            check_sheet_text(texts, parts.get(other), extent, name)
            candidate = _with_extent(_parse_sheet(book, name, other), extent)
        except LimitError:
            raise
        except DataError:  # a later sheet that cannot be read (damaged) leaves the first
            continue
        if _data_rows(candidate) >= _DATA_ROWS:
            candidate.attrs["sheet"] = str(other)
            return candidate
    return None


def _open_workbook(data: bytes, name: str) -> pd.ExcelFile:
    try:
        # calamine (Rust) reads a sheet about four times as fast as openpyxl, with the same cells as text.
        return pd.ExcelFile(io.BytesIO(data), engine="calamine")
    except _EXCEL_ERRORS as error:
        raise _unreadable_workbook(name, error) from None


def _check_sheet_rows(archive: zipfile.ZipFile, part: str | None, name: str = "") -> SheetExtent:
    """Refuse a sheet with more rows, columns or cells than the limits from its XML ``part``, before parsing it, which
    takes seconds per 100,000 rows and holds the whole used range; whether it has formulas without stored results. A
    sheet that cannot be measured (the workbook does not say which part holds it, a binary ``.xlsb`` part, a damaged
    part) is refused: parsed regardless, its used range could ask for any memory."""
    label = f"'{name}'" if name else "The workbook"
    if part is None or not part.lower().endswith(".xml"):
        raise DataError(f"{label} does not say where the sheet's cells are kept as XML, so its size cannot be checked "
                        "before it is read: open it in Excel and save it as .xlsx, or export the sheet as CSV.",
                        "err.excel_unmeasured", {"label": label})
    try:
        extent = _part_rows(archive, part)
    except _EXCEL_ERRORS as error:
        raise _unreadable_workbook(name, error) from None
    check_count(max(extent.rows, extent.height) - 1, "rows", "TSR_MAX_ROWS", MAX_ROWS, "load a shorter extract")
    check_count(extent.width, "columns", "TSR_MAX_COLUMNS", MAX_COLUMNS, "keep the columns you need")
    check_count(extent.height * extent.width, "cells", "TSR_MAX_SHEET_CELLS", MAX_SHEET_CELLS,
                f"its used range runs to {extent.last}; delete the stray cells far from the table (Ctrl+End in Excel "
                "goes to the last one)")
    return extent


def _parse_sheet(book: pd.ExcelFile, name: str, sheet: str | int) -> pd.DataFrame:
    try:
        return book.parse(sheet, dtype=str)
    except DataError:
        raise
    except _EXCEL_ERRORS as error:
        raise _unreadable_workbook(name, error) from None


def _rows_of_data(values: np.ndarray, row: int, column: int) -> bool:
    """Whether the rows from ``row`` (up to 3 of them) are rows of data, digits in at least half of their other
    cells: a merged cell over a header of two rows (``Month`` beside ``North`` over ``Units``) is no value to repeat."""
    rows = values[row:row + 3]
    return len(rows) > 0 and all(_digit_share([str(cell).strip() for index, cell in enumerate(line) if index != column
                                               and not pd.isna(cell) and str(cell).strip()]) >= 0.5 for line in rows)


def _merged_cells_filled(raw: pd.DataFrame, merged: list[tuple[int, int, int]]) -> pd.DataFrame:
    """``raw`` (the sheet from A1, its first row the header) with each cell under a merged cell given the value shown
    over it (a store's name over its 30 rows: the rows below it were blank, and two stores became one series);
    how many in ``attrs["merged_cells_filled"]``."""
    cells = [(top, bottom, column) for top, bottom, column in merged if top >= 1 and column < raw.shape[1]]
    if not cells:
        return raw
    values = raw.to_numpy(dtype=object, copy=True)
    filled = 0
    for top, bottom, column in cells:
        first, last = top - 1, min(bottom - 1, len(values) - 1)  # the frame's rows: the sheet's less the header
        if first < len(values) and not pd.isna(values[first, column]) and _rows_of_data(values, first + 1, column):
            values[first + 1:last + 1, column] = values[first, column]
            filled += max(last - first, 0)
    if not filled:
        return raw
    table = pd.DataFrame(values, index=raw.index, columns=raw.columns)
    table.attrs = {**raw.attrs, "merged_cells_filled": filled}
    return table


def _unreadable_workbook(name: str, error: BaseException) -> DataError:
    return DataError(
        f"'{name or 'The file'}' is an Excel workbook that cannot be read ({_first_line(error)}): "
        "open it in Excel and save it again, or export the sheet as CSV.", "err.excel",
        {"name": name or "The file", "detail": _first_line(error)})


def _data_rows(raw: pd.DataFrame) -> int:
    """Rows among the first ``2 * (_PREAMBLE_LINES + _DATA_ROWS)`` that look like a table's: two or more cells
    filled, one of them with a digit (``1,037.50`` and ``€12`` count; a line of notes does not)."""
    head = raw.head(2 * (_PREAMBLE_LINES + _DATA_ROWS))
    found = 0
    for row in head.itertuples(index=False):
        cells = [text for cell in row if not pd.isna(cell) and (text := str(cell).strip())]
        found += len(cells) >= 2 and any(char.isdecimal() for cell in cells for char in cell)  # as regex \d
    return found


def _promote_header(raw: pd.DataFrame) -> pd.DataFrame:
    """A sheet whose first row is a title (one named cell, the others ``Unnamed: k``) and whose header comes a
    few rows down: the table from that header on. The header is the first of the opening rows with two or more
    cells, fewer than half of them holding a digit, followed (past a units row, ``_below_units``) by two rows with
    digits in at least half of those cells. A first row of several cells is a title block only when it leaves
    cells blank (``Monthly sales report`` and ``Run date``, ``2022-07-05``; not a full header ``Date, Sales, Price``
    above a blank row and a units row). Any other sheet is returned as it is."""
    named = sum(not str(col).startswith("Unnamed:") for col in raw.columns)
    if named > 1 and (named == len(raw.columns)
                      or named == len(raw.columns) - 1 and labels_above_dates(raw.iloc[:, 0])):
        return raw  # a full header, or one over a first column of labels and then dates (an ABS time-series sheet)
    head = raw.head(_PREAMBLE_LINES + 3).astype("string")
    for position in range(min(_PREAMBLE_LINES, len(head) - 2)):
        cells = head.iloc[position]
        filled = cells.notna() & (cells.str.strip() != "")
        if filled.sum() < 2:
            continue
        below = [head.iloc[k].fillna("").str.strip()[filled].tolist() for k in range(position + 1, len(head))]
        following = _below_units(below)[:2]
        if len(following) == 2 and _data_share(cells[filled].str.strip().tolist(), following) < 0.5 \
                and all(_digit_share(_written_cells(row)) >= 0.5 for row in following):  # (a rest day's blank miles)
            table = raw.iloc[position + 1:].reset_index(drop=True)
            fields = [str(cell).strip() if known else None for cell, known in zip(cells, filled)]
            groups = _groups_above(head.iloc[position - 1]) if position else None
            table.columns = (group_names(groups, fields) if groups else
                             unique_names([field or f"Unnamed: {index}" for index, field in enumerate(fields)]))
            above = [_row_text(raw.columns), *(_row_text(head.iloc[k]) for k in range(position - bool(groups)))]
            table.attrs = {**raw.attrs, "preamble": tuple(line for line in above if line)}  # said, as a CSV's are
            return table
    return raw


def _row_text(cells: object) -> str:
    """A sheet's row as a note quotes it: its filled cells (a title, 'Run date 2022-07-05'), joined by spaces."""
    texts = (str(cell).strip() for cell in cells if not pd.isna(cell))  # type: ignore[attr-defined]
    return " ".join(text for text in texts if text and not text.startswith("Unnamed:"))


def unique_names(names: list[str]) -> list[str]:
    """Repeated column names numbered as pandas numbers them when it reads a header (``sales``, ``sales.1``), past the
    numbers a column of the file is already named (``sales``, ``sales``, ``sales.1``: the second is ``sales.2``; two
    columns named ``sales.1`` stopped the command line with an internal error)."""
    taken, seen = set(names), {}  # type: ignore[var-annotated]
    unique = []
    for name in names:
        count = seen.get(name, 0)
        while count and f"{name}.{count}" in taken:
            count += 1
        seen[name] = count + 1
        unique.append(f"{name}.{count}" if count else name)
        taken.add(unique[-1])
    return unique


def _digit_share(cells: list[str]) -> float:
    """The share of ``cells`` with a digit: a header row has few, a row of data many."""
    return sum(any(char.isdigit() for char in cell) for cell in cells) / len(cells) if cells else 0.0


_NUMBER_RUN = re.compile(r"\d[\d.,'\s]*")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _data_share(cells: list[str], below: list[list[str]]) -> float:
    """The share of a header candidate's filled ``cells`` that read as data: with a digit, and no letter or written as
    a cell under it in its column is (``_shape``; the rows ``below`` aligned with ``cells``). An ERP's names with
    numbers in them (``SKU 1001``, ``Product 10 Std``) are written unlike the amounts under them: by the digits alone, a
    title above such a header made the file refused ("No numeric column"), and a first row of data with blank cells
    (late launches) was taken for the header. A cell of digits without letters (-5, 2019) is data, as it was."""
    filled = [(column, cell) for column, cell in enumerate(cells) if cell]
    data = sum(any(char.isdigit() for char in cell) and (
        not any(char.isalpha() for char in cell) or not below
        or _shape(cell) in {_shape(row[column]) for row in below if column < len(row)}) for column, cell in filled)
    return data / len(filled) if filled else 0.0


def _shape(cell: str) -> str:
    """How a cell is written: each run of digits (with its points, commas and spaces) as 9, of letters as a
    (``2020-01`` and ``2021-12`` alike, ``SKU 1001`` unlike ``1,250``)."""
    return _LETTER_RUN.sub("a", _NUMBER_RUN.sub("9", cell.strip()))


@dataclass(frozen=True)
class SheetExtent:
    """What a sheet's XML says of its size before a cell is parsed: its row tags, the rectangle its cell references
    span (``height`` x ``width``, to ``last``), whether a formula has no stored result, and its hidden columns
    (numbered from 1 for A)."""

    rows: int
    height: int
    width: int
    last: str
    unsaved: bool
    hidden: tuple[int, ...] = ()
    merged: tuple[tuple[int, int, int], ...] = ()  # cells merged down one column: (first row, last row, column) from 0
    text_cells: int = 0  # cells that name a shared string (``t="s"``)
    percent: tuple[tuple[int, int], ...] = ()  # (column from 1, cells) of numbers formatted as percentages


def _part_rows(archive: zipfile.ZipFile, part: str) -> SheetExtent:
    """The rows of a sheet's XML ``part``, counted as it unpacks, without parsing a cell, the span of its references
    (columns: ``_CELL_COLUMN``; rows: ``_ROW_NUMBER``, else the row tags counted) and whether a formula in it has no
    stored result (``_UNSAVED_FORMULA``)."""
    rows, tail, unsaved, hidden, merged, texts = 0, b"", False, set(), set(), 0
    low, high = [_MANY, _MANY], [0, 0]  # (row, column) of the first and the last cell named
    styles, percent = _percent_styles(archive), Counter()
    with archive.open(part) as stream:
        while chunk := stream.read(_XML_CHUNK):
            text = tail + chunk
            if styles:  # cells whose style shows a percentage (a rate's 0.6% stored as 0.006)
                cells = [dict(_CELL_PARTS.findall(tag)) for tag in _CELL_TAG.findall(chunk)]
                percent.update(cell.get(b"r", b"") for cell in cells
                               if cell.get(b"s") in styles and cell.get(b"t", b"n") == b"n")
            rows += len(_ROW_TAG.findall(text))
            texts += text.count(_SHARED_TEXT)
            unsaved = unsaved or _UNSAVED_FORMULA.search(text) is not None
            hidden.update(_hidden_columns(_HIDDEN_COLUMNS.findall(text)))
            merged.update((int(top) - 1, int(bottom) - 1, _column_number(first) - 1) for first, top, last, bottom
                          in _MERGED_CELLS.findall(text) if first == last and int(bottom) > int(top))
            for axis, found in enumerate(([int(number) for number in _ROW_NUMBER.findall(text)],
                                          [_column_number(letters) for letters in set(_CELL_COLUMN.findall(text))])):
                if found:  # rows and columns apart: a sheet may name its cells and not its rows
                    low[axis], high[axis] = min(low[axis], *found), max(high[axis], *found)
            tail = text[-_ROW_TAG_LONGEST:]
            rows -= len(_ROW_TAG.findall(tail))  # counted again with the next chunk
            texts -= tail.count(_SHARED_TEXT)
    rows += len(_ROW_TAG.findall(tail))
    texts += tail.count(_SHARED_TEXT)
    height = high[0] - low[0] + 1 if high[0] else rows
    width = high[1] - low[1] + 1 if high[1] else 0
    last = f"{_column_letters(high[1])}{high[0] or rows}" if high[1] else ""
    columns = Counter()
    for reference, cells in percent.items():
        if letters := re.match(rb"[A-Z]{1,3}", reference):
            columns[_column_number(letters[0])] += cells
    return SheetExtent(rows, height, width, last, unsaved, tuple(sorted(hidden)), tuple(sorted(merged)), texts,
                       tuple(sorted(columns.items())))


_CELL_TAG = re.compile(rb"<(?:\w+:)?c\b[^>]*>")
_CELL_PARTS = re.compile(rb'\b(r|s|t)="([^"]*)"')
_PERCENT_FORMATS = {b"9", b"10"}  # Excel's built-in 0% and 0.00%


def _percent_styles(archive: zipfile.ZipFile) -> set[bytes]:
    """The indices (as the cells' ``s`` writes them) of the workbook's cell styles that show a percentage: built-in
    formats 9 and 10, or a format of its own with '%' outside quotes; none where it has no styles part."""
    name = next((info.filename for info in archive.infolist() if info.filename.lower() == "xl/styles.xml"), None)
    if name is None or archive.getinfo(name).file_size > _STYLES_MOST:
        return set()
    styles = archive.read(name)
    own = {number for number, code in re.findall(rb'<(?:\w+:)?numFmt\b[^>]*\bnumFmtId="(\d+)"[^>]*\bformatCode="([^"]*)"',
                                                 styles) if b"%" in re.sub(rb'&quot;.*?&quot;|\\.', b"", code)}
    block = re.search(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", styles, re.DOTALL)
    if block is None:
        return set()
    formats = [re.search(rb'\bnumFmtId="(\d+)"', tag) for tag in re.findall(rb"<(?:\w+:)?xf\b[^>]*>", block[0])]
    return {str(k).encode() for k, found in enumerate(formats)
            if found is not None and found[1] in _PERCENT_FORMATS | own}


_STYLES_MOST = 8 << 20  # bytes of a styles part read for its percent formats, at most


_SHARED_TEXT = b't="s"'
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si\b.*?</(?:\w+:)?si>", re.DOTALL)
_TEXT_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bt="s"[^>]*>\s*<(?:\w+:)?v>(\d+)<')


class SharedTexts:
    """The lengths of a workbook's shared strings, read from its XML once, when first asked for, whichever sheets are
    checked (``check_sheet_text``)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self._lengths: list[int] | None = None

    @property
    def packed_bound(self) -> int:
        """A bound on the longest string without reading it: the size of the strings' XML, unpacked."""
        names = self.archive.namelist()
        return self.archive.getinfo(_SHARED_STRINGS).file_size if _SHARED_STRINGS in names else 0

    @property
    def lengths(self) -> list[int]:
        if self._lengths is None:
            xml = self.archive.read(_SHARED_STRINGS) if _SHARED_STRINGS in self.archive.namelist() else b""
            self._lengths = [found.end() - found.start() for found in _SHARED_STRING.finditer(xml)]
        return self._lengths


def check_sheet_text(texts: SharedTexts, part: str | None, extent: SheetExtent, name: str = "") -> None:
    """Refuse a sheet whose text, read, would take more than ``TSR_MAX_UNCOMPRESSED_MB``: each cell gets its own copy
    of the shared string it names, and a merged cell's value is copied to every row it covers (a 34 KB workbook of one
    990,000-character string named by 2,000 cells asked for 4.7 GB, within every other limit). A bound (the strings'
    XML, then the longest string, times those cells) decides most sheets at once; above it the strings the cells name
    are summed."""
    cells, copies = extent.text_cells, sum(bottom - top for top, bottom, _ in extent.merged)
    most = limit("TSR_MAX_UNCOMPRESSED_MB", MAX_UNCOMPRESSED_MB) * 1e6
    if part is None or texts.packed_bound * (cells + copies) <= most:
        return
    strings = texts.lengths
    longest = max(strings, default=0)
    if longest * (cells + copies) <= most:
        return
    named = sum(strings[index] for index in map(int, _TEXT_CELL.findall(texts.archive.read(part)))
                if index < len(strings))
    total = named + longest * copies
    if total > most:
        label = f"'{name}'" if name else "The workbook"
        raise LimitError(f"{label} holds text that, read into its cells, takes {total / 1e6:,.0f} MB, more than the "
                         f"limit of {format_limit(most / 1e6)} MB: export the sheet as CSV without the long text, or "
                         "set TSR_MAX_UNCOMPRESSED_MB to raise the limit.", "err.sheet_text",
                         {"label": label, "mb": total / 1e6, "limit": format_limit(most / 1e6)})


_SHARED_STRINGS = "xl/sharedStrings.xml"


def _hidden_columns(tags: list[bytes]) -> set[int]:
    """The column numbers that ``<col min=".." max=".." hidden="1">`` tags hide (at most the first 1,000 of a range:
    a range to XFD hides the empty columns after a table)."""
    numbers: set[int] = set()
    for tag in tags:
        low, high = re.search(rb'\bmin="(\d+)"', tag), re.search(rb'\bmax="(\d+)"', tag)
        if low is not None:
            first = int(low.group(1))
            numbers.update(range(first, min(int(high.group(1)) if high else first, first + 999) + 1))
    return numbers


_MANY = 1 << 40


def _column_number(letters: bytes) -> int:
    """``A`` 1, ``Z`` 26, ``AA`` 27, ``XFD`` 16,384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _column_letters(number: int) -> str:
    """The inverse of ``_column_number``."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str | int, str]:
    """The zip member of each sheet, by position and by name, from the workbook's list of sheets and its
    relationships; empty when the workbook does not say (or is too damaged to)."""
    try:
        # Member names as the zip writes them, found whatever their case, as calamine finds them: a part named in
        # other capitals than its relationship's target went unmeasured, and a 2 KB workbook with a stray cell at
        # XFD1048576 made calamine ask for 550 GB.
        names = {name.lower(): name for name in archive.namelist()}
        book, links = names.get("xl/workbook.xml"), names.get("xl/_rels/workbook.xml.rels")
        if book is None or links is None:
            return {}
        sheets = [element for element in ElementTree.fromstring(archive.read(book)).iter()
                  if element.tag.endswith("}sheet")]
        targets = {element.get("Id"): element.get("Target", "")
                   for element in ElementTree.fromstring(archive.read(links)).iter()}
    except _EXCEL_ERRORS:
        return {}
    parts: dict[str | int, str] = {}
    for position, element in enumerate(sheets):
        target = (targets.get(element.get(f"{{{_RELATIONSHIPS}}}id")) or "").replace("\\", "/")
        part = names.get((target.lstrip("/") if target.startswith("/") else f"xl/{target}").lower())
        if target and part is not None:
            parts[position] = part
            parts.setdefault(str(element.get("name")), part)
    return parts


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM or without one (``_utf16_without_mark``), else Chinese GBK
    or Windows Cyrillic (cp1251) or Central European (cp1250, ``_CENTRAL_EUROPEAN``) when the text reads so, else
    cp1252 / Latin-1; a UTF-8 file with a few bytes of
    another encoding (rows pasted in from an older export) keeps its UTF-8 and reads those bytes as cp1252. Byte-order
    marks inside the text (files put together) and NUL characters past the first 4 KB (a damaged copy: near the start
    they mean a binary file, refused) are removed."""
    return _decoded(data).replace("\ufeff", "").replace("\x00", "")


# Three bytes or more above 0xC0 in a row: a word in Windows Cyrillic (cp1251, where А-я are 0xC0-0xFF); Western
# cp1252 text has such bytes alone between ASCII letters (Größe, café).
_CYRILLIC_WORD = re.compile(rb"[\xc0-\xff\xa8\xb8]{3,}")  # with Ё and ё ('Объём')
_BESIDE_LATIN = re.compile(rb"[A-Za-z][\xc0-\xff\xa8\xb8]|[\xc0-\xff\xa8\xb8][A-Za-z]")
_CYRILLIC_BYTE = re.compile(rb"[\xc0-\xff\xa8\xb8]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler of ``_decoded``: the bytes UTF-8 cannot read, read as cp1252."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("tsr_cp1252", _as_cp1252)


def _reads_as_chinese(head: bytes) -> bool:
    """Whether text that is not UTF-8 is Chinese in GBK (GB18030: what Excel in China saves CSV files in): its bytes
    above 0x7F come in pairs (every run of them has an even length, two or more runs of two characters), it reads so
    without an error, and many of them lie below 0xC0 (GBK's second bytes do; Cyrillic letters in cp1251 do not)."""
    runs = _HIGH_BYTES.findall(head)
    if not runs or any(len(run) % 2 for run in runs):
        return False
    try:
        text = head.decode("gb18030")
    except UnicodeDecodeError:
        return False
    if _CHINESE_DATE.search(text) is not None:  # whatever the header: 'month,sales' over 2019年1月 read as steps
        return True
    if sum(len(run) >= 4 for run in runs) < 2:
        return False
    high = b"".join(runs)
    return sum(0x80 <= byte < 0xC0 and byte not in (0xA8, 0xB8) for byte in high) / len(high) >= 0.1


def _reads_as_japanese(head: bytes) -> bool:
    """Whether text that is not UTF-8 is Japanese in Shift_JIS (cp932: what Excel in Japan and the JMA save CSV files
    in): it reads so without an error (a cut last character aside), and most of its two-byte characters start with a
    byte from 0x81 to 0x9F (kana, and the common kanji; GBK's common characters start from 0xB0, and Western text's
    accented letters break the pairs). Read as Western text, a JMA file's columns were '•½‹ϋC‰·(�Ž)'."""
    try:
        text = head.decode("cp932")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 1:
            return False
        text = head[:error.start].decode("cp932")
    if any(0xE000 <= ord(char) <= 0xF8FF for char in text):  # a private-use character: no Japanese text
        return False
    pairs = [char.encode("cp932") for char in set(text) if ord(char) > 0x7F]
    pairs = [pair for pair in pairs if len(pair) == 2]  # (half-width kana are one byte: '£' read as one)
    if _CHINESE_DATE.search(text):  # 2021年1月 (年 and 月: two kinds of pair)
        return True
    return (len(pairs) >= _KANJI_LEAST and sum(0x81 <= pair[0] <= 0x9F for pair in pairs) >= 0.5 * len(pairs)
            and sum(pair[1] >= 0x80 for pair in pairs) >= _HIGH_TRAILS * len(pairs))


# Japanese text read as pairs has three kinds of character at least, many with a second byte above 0x7F (hiragana's
# all are); Western text misread as pairs is a sign and the ASCII letter after it ('Valentine’s': 0x92 's', '痴').
_KANJI_LEAST = 3
_HIGH_TRAILS = 0.3


# A date written in Chinese between digits (2024年1月): 年, 月 and 日 are bytes above 0xBF in GBK, and a file of such
# dates failed the share above and was read as Western text ('2019Äê1ÔÂ', no time column); Cyrillic read as GBK puts
# no digit on both sides of a character.
_CHINESE_DATE = re.compile(r"\d{2,4}\s*年\s*\d{1,2}\s*月")


def _reads_as_cyrillic(head: bytes) -> bool:
    """Whether text that is not UTF-8 is Windows Cyrillic (cp1251, where А-я are 0xC0-0xFF, Ё and ё 0xA8 and 0xB8):
    three different words of such bytes only, and most such bytes in words (Western cp1252 text has them alone between
    ASCII letters: Größe); or two, each with a Russian vowel as cp1251 reads it, and no such byte beside an ASCII
    letter (a header 'Дата;Продажи' over rows of numbers read 'Ïðîäàæè'; Western runs such as 'ÄÖÜ' or 'äää' read
    'ДЦЬ' and 'ддд', without one)."""
    found = _CYRILLIC_WORD.findall(head)
    words, high, in_words = set(found), len(_CYRILLIC_BYTE.findall(head)), sum(map(len, found))
    if len(words) >= 3:
        return in_words >= 0.5 * high
    # no such byte inside a word of Latin letters (Western text: 'Größe'); 'Кол-во', 'Объём, т' have short words too
    return (len(words) == 2 and not _BESIDE_LATIN.search(head)
            and all(_RUSSIAN_VOWELS.intersection(word.decode("cp1251").lower()) for word in words))


_RUSSIAN_VOWELS = frozenset("аеиоуыэюя")
# Central European text in Windows-1250 (what Excel in Poland or Czechia saves CSV files in): a byte that cp1252 reads
# as a sign no Western word holds between its letters: ą and ł ('Miesi¹c', 'Wp³ywy'; not m³ after a number) or ść
# ('Wartoœæ'), each sure; ż or ľ after a letter ('Sprzeda¿'; Spanish ¿ opens a sentence, but a database writes it for
# a letter it cannot hold: 'Jos¿'), sure after three letters (``_reads_as_central_european``). Polish read
# 'Przeciêtne'.
_CENTRAL_EUROPEAN = re.compile(rb"[A-Za-z][\xb9\xb3][A-Za-z]|\x9c\xe6")
_CENTRAL_EUROPEAN_WEAK = re.compile(rb"[A-Za-z][\xbf\xbe\x9f]")


def _reads_as_central_european(head: bytes) -> bool:
    """Whether text that is not UTF-8 is Windows-1250 (``_CENTRAL_EUROPEAN``)."""
    weak = set(_CENTRAL_EUROPEAN_WEAK.findall(head))  # ż, ź, ľ after letters: of two kinds ('Sprzedaż', 'październik')
    return _CENTRAL_EUROPEAN.search(head) is not None or len({pair[1] for pair in weak}) >= 2 or len(weak) >= 3


_UTF16_LEAST = 16  # bytes of a sample that can tell UTF-16 text (8 characters)
_UTF16_PRINTABLE = 0.95  # the share of its ASCII characters that must be printable


def _utf16_without_mark(head: bytes) -> str:
    """``utf-16-le`` or ``utf-16-be`` when ``head`` (the file's first bytes) is UTF-16 text without a byte-order mark
    (SQL Server's ``bcp -w``, some .NET writers), else '': in the characters it makes, at least half ASCII (a CSV's
    digits and separators, with their other byte NUL), nearly all of those printable or line ends, and none NUL.
    Such a file was refused as binary data for its NUL bytes; binary data has NULs in both bytes, or bytes that are
    no text."""
    sample = head[:len(head) - len(head) % 2]
    if len(sample) < _UTF16_LEAST:
        return ""
    for encoding, low, high in (("utf-16-le", sample[0::2], sample[1::2]), ("utf-16-be", sample[1::2], sample[0::2])):
        plain = [byte for byte, upper in zip(low, high) if upper == 0]
        if (len(plain) * 2 >= len(low) and 0 not in plain
                and sum(32 <= byte < 127 or byte in (9, 10, 13) for byte in plain) >= _UTF16_PRINTABLE * len(plain)):
            return encoding
    return ""


def _decoded(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DataError("The file starts with a UTF-16 mark but is not UTF-16 text: save it as UTF-8 CSV.",
                            "err.utf16") from None
    if b"\x00" in data[:4096]:
        if encoding := _utf16_without_mark(data[:4096]):
            return data.decode(encoding, errors="replace")  # an odd last byte (a cut copy) is one replaced character
        raise DataError("The file holds binary data, neither text nor a workbook or Parquet file the reader knows: "
                        "choose a CSV (comma-, semicolon- or tab-separated text), an Excel workbook (.xlsx) or a "
                        "Parquet file.",
                        "err.binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if _reads_as_japanese(data[:65536]):
            return data.decode("cp932", errors="replace")
        if _reads_as_chinese(data[:65536]):
            return data.decode("gb18030", errors="replace")
        if _UTF8_MULTIBYTE.search(data):  # UTF-8 text (`€` as three bytes) with a few bytes of another encoding
            return data.decode("utf-8-sig", errors="tsr_cp1252")
    if _reads_as_cyrillic(data[:65536]):
        return data.decode("cp1251", errors="replace")
    if _reads_as_central_european(data[:65536]):
        return data.decode("cp1250", errors="replace")
    for encoding in ("cp1252", "cp1250", "latin-1"):  # cp1250's ť, Ť, Ź are bytes cp1252 has no character for
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text
    raise DataError("The file's text encoding is not recognised: save it as UTF-8 CSV.", "err.encoding")  # pragma: no cover


def _sniff_dialect(text: str, delimiter: str = "") -> tuple[str, str, bool]:
    """The delimiter (``delimiter`` when known), the decimal mark, and whether the mark is a comma only because points
    were taken for thousands (no decimal comma in sight: a guess the reader is told of)."""
    lines = [line for line in text[:65536].splitlines()[:50] if line.strip()]
    delimiter = delimiter or _detect_delimiter(lines[:20])
    if delimiter == ",":
        return delimiter, ".", False
    # the last lines too: a growing series may write its first thousand ('1.025') only there
    last = [line for line in text[-65536:].splitlines()[-50:] if line.strip()]
    body = lines[1:] + last  # a short file's lines twice, its header among them: neither changes the verdict
    if _has_decimal_commas(body, delimiter) and not _writes_comma_thousands(body, delimiter):
        return delimiter, ",", not _has_decimal_commas(body, delimiter, grouping=False)  # '98.644' beside '98,6': said
    thousands = _writes_point_thousands(body, delimiter)
    return delimiter, "," if thousands else ".", thousands


def _detect_delimiter(lines: list[str]) -> str:
    """The candidate found the same number of times (outside double quotes) on the most lines.

    Linear in the sample, unlike ``csv.Sniffer`` whose regular expressions backtrack on crafted text.
    Ties go to the larger count per line; no candidate at all gives ``,``.
    """
    unquoted = [_QUOTED.sub("", line) for line in lines]
    best, best_score = ",", (0, 0)
    braces = () if any("{" in line for line in lines) else ("}",)  # Texas RRC's dumps: '}' with no '{' (no JSON)
    for candidate in (*_DELIMITERS, *braces):
        counts = Counter(count for line in unquoted if (count := line.count(candidate)))
        if not counts:
            continue
        count, agreeing = max(counts.items(), key=lambda item: (item[1], item[0]))
        # A tie with commas that all sit between digits below the first line goes to the other candidate: the commas
        # are decimal commas (``2021-01-01;1000,5``; the header may write one in a name: ``Datum;Umsatz, EUR``).
        tie_with_decimal_commas = (best == "," and (agreeing, count) == best_score
                                   and _commas_are_decimal(unquoted[1:] or unquoted))
        if (agreeing, count) > best_score or tie_with_decimal_commas:
            best, best_score = candidate, (agreeing, count)
    return best


def _commas_are_decimal(lines: list[str]) -> bool:
    """Whether every comma in ``lines`` has a digit on both sides (``1000,5``)."""
    commas = sum(line.count(",") for line in lines)
    return commas > 0 and commas == sum(len(_DIGIT_COMMA_DIGIT.findall(line)) for line in lines)


def _has_decimal_commas(lines: list[str], delimiter: str, grouping: bool = True) -> bool:
    """Whether more cells read as numbers with a decimal comma than with a decimal point; months written ``01.2021``
    (German exports) and SAP's periods ``001.2021`` are no decimal points (a column of them tied with the amounts'
    ``1.000,00``: the file was read with decimal points, the periods as the numbers 1.2021)."""
    cells = [cell.strip().strip('"') for line in lines for cell in line.split(delimiter)]
    decimal = [cell for cell in cells if _looks_like_decimal_comma(cell)]
    pointed = [cell for cell in cells if cell.replace(".", "", 1).strip("-").isdigit() and "." in cell
               and not MONTH_DOT_YEAR.fullmatch(cell) and not PERIOD_DOT_YEAR.fullmatch(cell)]
    # A file writes one decimal mark: beside many commas that group no thousands ('98,6' in another column of
    # Destatis's table), '98.644' groups them (it was read as 98.644, a thousandth of the amount).
    commas = sum(1 for cell in decimal if not _COMMA_GROUPS.search(without_currency(cell)))
    thousands = [cell for cell in pointed if _POINT_THOUSANDS.fullmatch(cell)]
    grouped = grouping and commas >= max(_LEAST_COMMAS, len(thousands) / 4)  # ``grouping``: whether to count so
    return len(decimal) > len(pointed) - (len(thousands) if grouped else 0)


_COMMA_GROUPS = re.compile(r"^[-(]?\d{1,3},\d{3}\b")  # a comma that may group thousands: '1,025' (not '98,6')
_LEAST_COMMAS = 5  # ... and at least a quarter as many as the points that group thousands (not a stray '3,5')


_POINT_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}(\.\d{3})+")
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")


def _writes_point_thousands(lines: list[str], delimiter: str) -> bool:
    """Whether a file without decimal commas writes thousands with a point (``1.025`` for 1025): every number with
    one or more points has groups of three digits after them, and the file shows it is European (day-first dotted
    dates, ``01.05.2020``, or months ``05.2020``: ``writes_month_dot_year``) or such a column has whole numbers
    from 100 to 999 too (``975`` then ``1.000``). ``1.250`` in a file of ISO dates and no such whole numbers stays
    1.25."""
    columns, months = [], False
    for column in _sample_columns(lines, delimiter):
        column = [_TRAILING_MINUS.sub(r"-\1", cell.strip()) for cell in column]  # SAP's '1.850-' is -1.850
        if writes_month_dot_year(pd.Series(column[1:], dtype=object)):
            months = True
        elif not writes_dotted_months(pd.Series(column[1:], dtype=object)):  # KOSIS's 2020.01: months, no evidence
            columns.append(column)
    cells = pd.Series([cell for column in columns for cell in column], dtype=object,
                      index=[i for i, column in enumerate(columns) for _ in column])  # indexed by column
    pointed = _pointed_numbers(cells.astype(str).str.replace(_UNIT_AFTER, "", regex=True))  # '15.074 km' too
    if pointed.empty or not _group_thousands(pointed):
        return False
    hundreds = any(re.fullmatch(r"-?[1-9]\d\d", cell) for i in set(pointed.index) for cell in columns[i])
    grouped = bool((pointed.str.count(r"\.") == 2).any())  # '2.881.491': no decimal number has two (an IP has three)
    european = any(_DOTTED_DATE.fullmatch(cell) or _LOCAL_MONTH.match(cell) for column in columns for cell in column)
    return hundreds or months or grouped or european


_UNIT_AFTER = r"(?<=\d)\s*(?:[^\W\d_]+\.?|%)$"  # a unit after a number: a telematics portal's '15.074 km'
# A month named in German, French, Spanish, Italian or Dutch (not as in English): KBA's 'Januar 2019;40.194;82.833'
_LOCAL_MONTHS = ("januar jänner februar märz mai juni juli oktober dezember janvier février mars avril juin juillet "
                 "août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto "
                 "septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre "
                 "ottobre dicembre januari februari maart mei augustus").split()
_LOCAL_MONTH = re.compile(rf"^(?:\d{{1,2}}\.?\s*(?:de\s+)?)?(?:{'|'.join(_LOCAL_MONTHS)})\.?\s*(?:de\s+)?[-/ ]?\s*"
                          rf"\d{{2,4}}\W*$|^\d{{4}}\s*[-/ ]?\s*(?:{'|'.join(_LOCAL_MONTHS)})\.?\W*$",
                          re.IGNORECASE)  # a date: 'Januar 2019', 'enero de 2020', '2018 Januar' (not 'Mars')


_COMMA_THOUSANDS = re.compile(r"[-(]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?\)?")  # (1,234.50): an accounting negative
_LETTER = re.compile(r"[^\W\d_]")


def _writes_comma_thousands(lines: list[str], delimiter: str) -> bool:
    """Whether a file separated by other than commas writes thousands with a comma, as English exports do (``1,025``
    for 1025): every number with a comma has groups of three digits after it (and a decimal point, if any, after
    them), and one of them has two groups or a decimal point (``1,234,567``, ``1,025.50``), or its column has whole
    numbers from 100 to 999 too (``975`` then ``1,025``), or another cell writes a decimal point (``1.2``).
    Tab-separated visitors from 975 to 1,400 were read as 975, 990, 1.025, 1.1."""
    columns = _sample_columns(lines, delimiter)
    commas = [(i, bare) for i, column in enumerate(columns) for cell in column
              if "," in (bare := without_currency(cell)) and any(char.isdigit() for char in bare)
              and not _LETTER.search(bare)]  # not text ('Boston, MA metro area') nor dates ('Jan 1, 2024')
    if not commas or not all(_COMMA_THOUSANDS.fullmatch(cell) for _, cell in commas):
        return False
    if any(cell.count(",") > 1 or "." in cell for _, cell in commas):
        return True
    if _decimal_point_column(columns):
        return True  # points that are decimal marks elsewhere: Redfin's '4,135' homes beside '1.2' months of supply
    return any(re.fullmatch(r"[-(]?[1-9]\d\d\)?", without_currency(cell)) for i in {i for i, _ in commas}
               for cell in columns[i])  # US$643 beside US$1,874 too


def _decimal_point_column(columns: list[list[str]]) -> bool:
    """Whether a column writes its numbers with decimal points (``_POINT_DECIMAL``: ``1.2``, ``103.0%``; a tenth of its
    filled cells, three at least: a rating's '4.5' among whole stars; not all of them times of day such as ``07.30``),
    in a file without dotted dates
    (``01.03.2024``: European, its points no decimal marks). One cell did not do: a firmware's '2.1' made a German
    meter's '1,926' MWh 1926, a weighbridge's times '07.30' its '22,201' t 22201."""
    if any(_DOTTED_DATE.fullmatch(cell) for column in columns for cell in column):
        return False
    for column in columns:
        pointed = [cell for cell in column if _POINT_DECIMAL.fullmatch(without_currency(cell))  # US$2.18 too
                   and not MONTH_DOT_YEAR.fullmatch(cell)
                   and not PERIOD_DOT_YEAR.fullmatch(cell)]
        if (len(pointed) >= 3 and len(pointed) >= _POINTED_SHARE * sum(1 for cell in column if cell)
                and not all(_DOTTED_CLOCK.fullmatch(cell) for cell in pointed)):
            return True
    return False


# A number whose point is a decimal mark, not one of thousands: other than three digits after it ('1.2', '103.0%')
_POINT_DECIMAL = re.compile(r"-?\d+\.(?:\d{1,2}|\d{4,})%?")
_POINTED_SHARE = 0.1
_DOTTED_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")  # a time of day written 07.30


def _looks_like_decimal_comma(cell: str) -> bool:
    """Whether ``cell`` reads as a number with a decimal comma (``1.600,00``; SAP's negative ``1.600,00-`` too: its
    quantities' ``128,000-`` were read with decimal points, as 128000)."""
    head, _, tail = without_currency(cell).removesuffix("-").rpartition(",")
    grouped = head.replace(".", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")  # thousands
    return bool(head) and tail.isdigit() and grouped.lstrip("-").isdigit()


MAX_DATED_COLUMNS = 20_000  # columns of a header of dates across, at most (still within the cells' limit)
_HEADER_PERIOD = re.compile(r'^\s*"?\s*(?:1[6-9]\d\d|2[01]\d\d)'
                            r'(?:[-/. ]?(?:[MQW]?\d{1,2}|[A-Za-z]{3,9})(?:[-/. ]\d{1,2})?)?'
                            r'\s*"?\s*$|^\s*"?[A-Za-z]{3,9}[-/. ]?(?:1[6-9]|2[01])?\d\d\s*"?\s*$')


def _dates_across(header: str, delimiter: str) -> bool:
    """Whether nearly every cell of a ``header`` line is a period (1960, 2023-01, 2023M01, 2023-Q1, Jan 2023): a long
    history written across (BIS's monthly CPI since 1914 in 1,328 columns, Eurostat's daily rates), whose columns are
    its rows once turned, so the column limit is not for it."""
    cells = header.split(delimiter)
    return len(cells) > 1 and sum(bool(_HEADER_PERIOD.match(cell)) for cell in cells) >= 0.9 * len(cells)


def _check_csv_shape(text: str, delimiter: str) -> None:
    """Count the header's columns, the lines and their cells before pandas parses (pandas renames thousands of
    repeated header names in quadratic time; a 199 MB file of 98,756 rows of 1,000 one-digit cells took 3.6 GB)."""
    start = _header_start(text)
    header = _header_line(text)
    columns = _QUOTED.sub("", header).count(delimiter) + 1
    if not (columns <= MAX_DATED_COLUMNS and _dates_across(header, delimiter)):  # (a long history across: its rows)
        check_count(columns, "columns", "TSR_MAX_COLUMNS", MAX_COLUMNS, "keep the columns you need")
    lines = text.count("\n", start) + (0 if text.endswith("\n") else 1)
    if lines - 1 > min(limit("TSR_MAX_ROWS", MAX_ROWS), limit("TSR_MAX_SHEET_CELLS", MAX_SHEET_CELLS) / columns):
        lines -= len(_BLANK_LINE.findall(text, start))  # blank lines are no rows (one row and 6 million of them)
    check_count(lines - 1, "rows", "TSR_MAX_ROWS", MAX_ROWS, "load a shorter extract")
    _check_cells((lines - 1) * columns)


_BLANK_LINE = re.compile(r"^[ \t\r]*\n", re.MULTILINE)
_FIELD_COUNTS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_UNCLOSED_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars (|)"}


def _ragged_error(error: BaseException, text: str, delimiter: str) -> DataError:
    """pandas' tokenizer error in the user's terms: which line of ``text`` has how many fields, and the fix."""
    found = _FIELD_COUNTS.search(str(error))
    if (unclosed := _UNCLOSED_QUOTE.search(str(error))) is not None:  # pandas counts rows from 0, the header's
        line = int(unclosed.group(1)) + 1
        return DataError(f"A double quote (\") opens a cell on line {line} and is never closed, so the rest of the "
                         "file reads as that one cell: close the quote, or remove it.", "err.unclosed_quote",
                         {"line": line})
    if found is None:
        separators = _DELIMITER_NAMES.get(delimiter, f"'{delimiter}'")
        return DataError(f"The rows do not line up into columns ({_first_line(error)}): check that every row has the "
                         f"same number of {separators}, and put cells that contain one in double quotes.",
                         "err.ragged", {"detail": _first_line(error), "separators": separators})
    header, line, fields = (int(count) for count in found.groups())
    if (empty := _header_alone(line, fields, header, text, delimiter)) is not None:
        return empty
    # pandas counts lines as the text has them (blank ones too); a cell quoted over two lines shifts the count, and
    # the line found is then another one, whose cells seldom look like a number cut in two.
    row = dict(_numbered_rows(text, delimiter, line)).get(line) if delimiter == "," and fields == header + 1 else None
    return _ragged_line_error(line, fields, header, delimiter, _cut_thousands([row]) if row else None)


def _header_alone(line: int, fields: int, header: int, text: str, delimiter: str) -> DataError | None:
    """The error for a title over a header with no row under it (Steam's sales report for a range without sales: 'line
    3 has 20 fields where the header has 1'), where ``line`` is the text's last, cut at ``delimiter``; None
    otherwise."""
    lines = text.rstrip().splitlines()
    written = [cell for cell in lines[-1].split(delimiter) if cell.strip()]
    if header != 1 or fields < 2 or line != len(lines) or written and _digit_share(written) == 1.0:
        return None  # (a column of numbers whose last line ends with a comma: '180,'; not 'Region,2019,...,2023')
    return DataError(f"The file has a header of {fields} columns on line {line} but no rows of data under it (a "
                     "report for a range with nothing in it): export a range that holds data.", "err.no_data_rows",
                     {"line": line, "fields": fields})


def _ragged_line_error(line: int, fields: int, header: int, delimiter: str, cut: str | None = None) -> DataError:
    """Line ``line`` has ``fields`` fields where the header has ``header``: check the delimiters; or, where ``cut`` is
    a number the file's commas cut in two (``1,000.00``, ``_cut_thousands``), quote such numbers or write them
    without thousands separators."""
    if cut is not None:
        return DataError(f"The rows do not line up into columns: line {line} has {fields} fields where the header has "
                         f"{header}, as the comma in a number written with thousands separators ({cut}) splits it in "
                         "two: put numbers that contain commas in double quotes, or save the file without thousands "
                         "separators.", "err.ragged_thousands",
                         {"line": line, "fields": fields, "header": header, "number": cut})
    separators = _DELIMITER_NAMES.get(delimiter, f"'{delimiter}'")
    return DataError(f"The rows do not line up into columns: line {line} has {fields} fields where the header has "
                     f"{header}: check that every row has the same number of {separators}, and put cells that contain "
                     "one in double quotes.", "err.ragged_line",
                     {"line": line, "fields": fields, "header": header, "separators": separators})


_ROWS_SAMPLED = 200  # rows below a CSV's header whose fields are looked at (``_numbered_rows``)
_CUT_HEAD = re.compile(r"[-+(]?[$€£¥]?\d{1,3}")  # a number's part before its first thousands separator: 1, -12, $1
_CUT_TAIL = re.compile(r"\d{3}(?:\.\d+)?\)?")  # and the part after it: 000, 253.75


def _numbered_rows(text: str, delimiter: str, last: int = _ROWS_SAMPLED + 1) -> list[tuple[int, list[str]]]:
    """The rows of ``text`` below its header up to line ``last``, each with its line's number as pandas counts in its
    errors (the first line's is 1; blank lines count, and have no row) and its cells, stripped. Each line is read
    alone, from the first 64 KB (a sniff: a cell quoted over two lines is not put together)."""
    head = text[:65536]
    lines = head.split("\n")
    if len(head) < len(text):  # the last line may be cut short
        lines.pop()
    start = head.count("\n", 0, _header_start(head))  # blank lines above the header
    return [(number, _cells_of(line, delimiter)) for number, line in enumerate(lines[start + 1:last], start=start + 2)
            if line.strip()]


def _cells_of(line: str, delimiter: str) -> list[str]:
    """The cells of one ``line`` of a CSV, stripped; none where the csv module cannot split it."""
    try:
        return [cell.strip() for cell in next(csv.reader([line.rstrip("\r")], delimiter=delimiter,
                                                         skipinitialspace=True), [])]
    except csv.Error:
        return []


def _cut_thousands(rows: list[list[str]]) -> str | None:
    """The first of ``rows``' numbers that a comma between its thousands cut in two, written whole (``1,000.00``),
    when every row holds one at the same place: a date first (of the column the header names first), then, after it,
    1 to 3 digits and a field of 3 digits (and decimals). A comma-separated file of such numbers has a field more in
    those rows than in its header (``2021-01-01,1,000.00`` under ``Date,Sales``); None when the rows hold none."""
    if not rows or parse_dates(pd.Series([cells[0] for cells in rows], dtype=object)) is None:
        return None
    for place in range(1, min(map(len, rows)) - 1):
        if all(_CUT_HEAD.fullmatch(cells[place]) and _CUT_TAIL.fullmatch(cells[place + 1]) for cells in rows):
            return f"{rows[0][place]},{rows[0][place + 1]}"
    return None


def _check_row_names(raw: pd.DataFrame, text: str, delimiter: str) -> None:
    """Refuse rows of more fields than the header that pandas read by taking the first for the index, unless they
    are R's row names (``write.table`` writes no header cell over them): one field more, a name of its own on every
    row (``1``, ``"1"``, ``"north"``) or a blank one on every row (``,2021-01-01,5``: nothing is lost), and no number
    cut in two at its thousands after it (``_cut_thousands``: ``2021-01-01,1,000.00`` under ``Date,Sales`` gave
    'Date' the thousands and 'Sales' what follows the comma)."""
    fields = raw.shape[1] + raw.index.nlevels
    rows = [(number, cells) for number, cells in _numbered_rows(text, delimiter) if len(cells) == fields]
    if not rows:  # the first row, over 64 KB or quoted over lines, was not sampled: as pandas read it
        return
    cut = _cut_thousands([cells for _, cells in rows]) if delimiter == "," else None
    names = raw.index.nlevels == 1 and (raw.index.is_unique or bool(raw.index.isna().all()))
    if cut is not None or not names:
        raise _header_alone(rows[0][0], fields, raw.shape[1], text, delimiter) \
            or _ragged_line_error(rows[0][0], fields, raw.shape[1], delimiter, cut)


def _read_plain_csv(text: str, delimiter: str) -> pd.DataFrame | None:
    """The fast path: pyarrow's multi-threaded reader for a plain file whose every column comes out
    as numbers or time zone-free ISO time stamps. None (and today's path) for anything else: text
    columns (month names, thousands separators, currency), offsets, odd headers, ragged rows."""
    options = pa_csv.ParseOptions(delimiter=delimiter)
    convert = pa_csv.ConvertOptions(timestamp_parsers=[pa_csv.ISO8601])
    try:
        table = pa_csv.read_csv(io.BytesIO(text.encode("utf-8")), parse_options=options, convert_options=convert)
    except (pa.ArrowException, ValueError, OSError):
        return None
    names = table.column_names
    if not names or len(set(names)) < len(names) or any(not name.strip() or name != name.strip() for name in names):
        return None
    for column in table.schema:
        kind = column.type
        plain_time = pa.types.is_timestamp(kind) and kind.tz is None
        if not (pa.types.is_integer(kind) or pa.types.is_floating(kind) or plain_time):
            return None
    frame = table.to_pandas()
    for name in frame.columns:  # the resolution pandas gives parsed text, as on the general path
        if pd.api.types.is_datetime64_any_dtype(frame[name]):
            frame[name] = frame[name].astype("datetime64[us]")
    return frame


class CsvLayout(NamedTuple):
    """The table's text from its header row on (``_without_preamble``), its delimiter and decimal mark, whether
    it has no header row (its first row is data), whether points were taken for thousands (``_sniff_dialect``) and
    the note lines left out below the table (``_without_footnotes``)."""

    text: str
    delimiter: str
    decimal: str
    bare: bool
    point_thousands: bool
    footnotes: tuple[str, ...] = ()
    as_text: bool = False  # every cell read as text: a column of months ``05.2021`` must not become numbers first
    later_table: str = ""  # the title of the next table of a report, left out (``_first_table``)
    preamble: tuple[str, ...] = ()  # the title or note lines above the header, left out (``_without_preamble``)
    units_rows: int = 0  # a logger's units and processing rows below the header, left out (``_without_logger_rows``)


# A blank line, lines of ``#`` titles, maybe blank lines, then a header: a report's next table.
_NEXT_TABLE = re.compile(r"\n[ \t,;]*\r?\n((?:#[^\n]*\n)+)(?:[ \t,;]*\r?\n)*[ \t]*([^#\s][^\n]*)")
_SPACED_CELL = re.compile(r'"[^"\n]*"|[^\s"]+')
_NO_DELIMITER = re.compile(r"[,;\t|]")
_NOT_COMMA_DELIMITER = re.compile(r"[;\t|]")
_WIDE_SPACE = re.compile(r"\s{2,}")  # between the names of a listing's header whose names hold a space
_SPACED_LINES = 20  # the last lines that decide whether columns are separated by spaces


def _delimits(line: str) -> bool:
    """Whether ``line`` holds a comma, semicolon, tab or bar that separates its cells. A comma inside a number written
    with a decimal comma, between runs of spaces (``01.01.2021     10.000,00`` in an ERP listing, ``"1" "2021-01-01"
    1000,5`` from R's ``write.table(dec = ",")``), separates nothing: such files were read as one column split at
    the decimal commas."""
    if _NO_DELIMITER.search(line) is None:
        return False
    if _NOT_COMMA_DELIMITER.search(line):
        return True
    return any("," in cell and not _looks_like_decimal_comma(cell) for cell in _SPACED_CELL.findall(line))


def _spaced_header(line: str, cells: list[str], width: int, rows: list[str]) -> list[str]:
    """The names of a header ``line`` (split into ``cells`` at every space) above rows of ``width`` cells: ``cells``
    when there are ``width`` or fewer; else, when that makes ``width`` names, ``line`` split at runs of two or more
    spaces, or at the spaces over a column that is blank in every one of the ``rows`` (their lines as written), so a
    name may hold a space (``Posting Date    Amount``: the dates were named ``Posting`` and the amounts ``Date``).
    ``cells`` otherwise."""
    if len(cells) <= width:
        return cells
    wide = [name for name in _WIDE_SPACE.split(line.strip()) if name]
    if len(wide) == width and not any('"' in name for name in wide):
        return wide
    words = list(re.finditer(r"\S+", line))
    if not rows or any('"' in word.group(0) for word in words):
        return cells
    names = [[words[0].start(), words[0].end()]]
    for word in words[1:]:
        if any(all(position >= len(row) or row[position].isspace() for row in rows)
               for position in range(names[-1][1], word.start())):
            names.append([word.start(), word.end()])
        else:
            names[-1][1] = word.end()
    return [line[start:end] for start, end in names] if len(names) == width else cells


def _spaces_to_tabs(text: str) -> str:
    """``text`` with its columns separated by tabs when they are separated by runs of spaces (FRED's ``.txt``, R's
    ``write.table``, fixed-width listings): the last ``_SPACED_LINES`` non-blank lines (below any blank one) hold no
    comma, semicolon, tab or bar that separates cells (``_delimits``: decimal commas do not), nor do most of the first
    lines, and the rows among them split into the same number (2 or more) of cells (a quoted cell may hold spaces). A
    header row of one cell fewer (R's row names) gets an empty first name; one of more cells is split where the
    columns are (``_spaced_header``). Rows with decimal commas need such a header, without a comma: a comma-separated
    file has commas there. ``text`` itself (the same object) otherwise: the whole column was read as one cell, with a
    message about text in a column."""
    tail = text[-65536:].splitlines()[-_SPACED_LINES:]
    blank = max((index for index, line in enumerate(tail) if not line.strip()), default=-1)
    tail = [line for line in tail[blank + 1:] if line.strip()]  # the table below notes set off by a blank line
    if len(tail) < 3 or any(_delimits(line) for line in tail):
        return text
    head = [line for line in text[:65536].splitlines()[:200] if line.strip()]
    if sum(1 for line in head if _delimits(line)) * 4 > len(head):  # a delimited file with notes below
        return text
    widths = {len(_SPACED_CELL.findall(line)) for line in tail if any(char.isdigit() for char in line)}  # rows
    if len(widths) != 1 or (width := widths.pop()) < 2:
        return text
    written = text.splitlines()
    lines = [_SPACED_CELL.findall(line) for line in written]
    first_row = next((index for index, cells in enumerate(lines) if len(cells) == width
                      and any(char.isdigit() for char in "".join(cells))), len(lines))
    below = [line for line, cells in zip(written[first_row:first_row + _SPACED_LINES],
                                         lines[first_row:first_row + _SPACED_LINES]) if len(cells) == width]
    header, names = next(((index, names) for index in range(first_row - 1, -1, -1)
                          if not any(char.isdigit() for char in "".join(lines[index]).replace('"', ""))
                          and len(names := _spaced_header(written[index], lines[index], width, below))
                          in (width - 1, width)), (None, []))
    if any("," in line for line in tail) and (header is None or "," in _QUOTED.sub("", written[header])):
        return text  # commas in the rows, and none in a header to tell them from a comma-separated file's
    if header is not None:
        lines[header] = names
    if header is not None and len(lines[header]) == width - 1:
        rows = [cells for cells in lines[header + 1:header + 1 + _SPACED_LINES] if len(cells) == width]
        if not all(cells[0].strip('"').isdigit() for cells in rows) or all(  # not row names: '1 234' is a number
                re.fullmatch(r"\d{3}", cells[1]) for cells in rows):
            return text
        lines[header] = ['""', *lines[header]]
    return "\n".join("\t".join(cells) for cells in lines) + "\n"


# A line of dashes or equals signs between a table's rows (SAP's list output ``|-----|``, Markdown's ``|---|---|``):
# no row. Below a short list's last month, with its total, two of them made the months fail their share of dates.
_RULE_LINE = re.compile(r"^[ \t]*[|+]?[ \t]*[-=]{3,}[-=+| \t]*(?:\r?\n|$)", re.MULTILINE)


def _csv_layout(text: str) -> CsvLayout:
    text = _ANNOTATIONS.sub("", _SEPARATOR_HINT.sub("", text, count=1), count=1)
    text = _RULE_LINE.sub("", text)
    text, logger, units = _without_logger_rows(text)
    text, comments = _without_comment_block(_without_bar_header(text))
    comments = logger + comments
    spaced = _spaces_to_tabs(text)
    # Columns found between runs of spaces are tab-separated now, whatever commas the notes above them hold (counted,
    # they made the decimal commas of the rows a comma-separated file's delimiters).
    known = "\t" if spaced is not text else ""
    text = spaced
    delimiter, decimal, thousands = _sniff_dialect(text, known)
    table = _without_preamble(text, delimiter)
    preamble: tuple[str, ...] = ()
    if table is not text:
        preamble = _note_lines(text[:len(text) - len(table)], delimiter)
        text = table
        delimiter, decimal, thousands = _sniff_dialect(text, known)
    text, later_table = _first_table(text)
    text, footnotes = _without_footnotes(text, delimiter)
    return CsvLayout(text, delimiter, decimal, _header_is_data(_header_line(text).split(delimiter), decimal)
                     or _dated_like_below(text, delimiter) or _labels_repeat_below(text, delimiter),
                     thousands, footnotes, decimal == "." and _has_month_dot_year_column(text, delimiter), later_table,
                     comments + preamble, units)


def _without_logger_rows(text: str) -> tuple[str, tuple[str, ...], int]:
    """A Campbell Scientific logger's TOA5 file without the lines around its header: the station line above it, the
    units ('TS', 'RN', 'Deg C') and the processing ('Avg', 'Smp') below it where they are (no digit in their first
    cells: the units were taken for the header, the record counter 'RN' the target), the station line's words and
    how many such rows went (said); any other text as it is, ``()`` and 0."""
    if not _TOA5.match(text):
        return text, (), 0
    lines = text.split("\n", 4)
    if len(lines) < 5:
        return text, (), 0
    units = [k for k in (2, 3) if not _digit_share(lines[k].replace('"', "").split(",")[:2]) > 0]
    station = ", ".join(cell.strip().strip('"') for cell in lines[0].split(",") if cell.strip().strip('"'))
    return "\n".join(line for k, line in enumerate(lines) if k != 0 and k not in units), (station,), len(units)


_TOA5 = re.compile(r'"?TOA5"?,')


def _without_comment_block(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without a block of more than ``_COMMENT_LINES`` lines starting with '#' (or '%', Berkeley Earth's) at
    its top (NOAA's and the USGS's downloads open with 20 to 60: they passed the lines of notes a header may have above
    it, and the file was refused as rows that do not line up), and those lines' words; the block's last line is kept,
    as it is written, as the header where the line after it is a row of data (``#date,value``, ``# of visits,Date``).
    ``(text, ())`` for a shorter block."""
    lines = text[:_COMMENT_BYTES].splitlines(keepends=True)
    mark = "%" if text.lstrip().startswith("%") else "#"  # Berkeley Earth's summaries open with '%' lines
    block = next((k for k, line in enumerate(lines) if not line.lstrip().startswith(mark)), len(lines))
    if block <= _COMMENT_LINES or block == len(lines):
        return text, ()
    header = lines[block - 1]
    kept = block - 1 if _digit_share(re.split(r"[,;\t]", lines[block])) >= 0.5 and re.search(r"[,;\t]", header) \
        else block
    said = tuple(words for line in lines[:kept] if (words := line.strip().lstrip(mark).strip(" -=*\t")))
    named = header.lstrip().lstrip(mark).lstrip()  # '# year,month,average'; not '# of visits' (a count's name)
    if kept < block and not named.lower().startswith(("of ", "no ")):
        return named + text[sum(len(line) for line in lines[:block]):], said
    return text[sum(len(line) for line in lines[:kept]):], said


_BAR_LINE = re.compile(r"[^\n|]*\|[ \t]*\r?\n")  # IAGA-2002's header lines: each ends with '|'


def _without_bar_header(text: str) -> str:
    """``text`` of an IAGA-2002 file (INTERMAGNET's magnetometer minutes) without its header block of lines that each
    end with '|' (' Format                 IAGA-2002      |'), their last the columns' names ('DATE  TIME  DOY  ESKX
    |'), kept without its bar; ``text`` itself for other files (the block's '|' made its rows 'not line up')."""
    at, lines = 0, 0
    while at < _COMMENT_BYTES and (found := _BAR_LINE.match(text, at)) is not None:
        at, lines = found.end(), lines + 1
    if lines <= _COMMENT_LINES or not text[:at].lstrip().lower().startswith("format"):
        return text
    header = text[:at].splitlines()[-1]
    return header[:header.rindex("|")].rstrip() + "\n" + text[at:]


_COMMENT_LINES = 8  # a block of '#' lines longer than this is left out before the table is looked for
_COMMENT_BYTES = 1 << 20  # where such a block is looked for


def _note_lines(text: str, delimiter: str) -> tuple[str, ...]:
    """The lines of ``text`` that say something, their cells joined by ', ' without the empty ones and the quotes a
    spreadsheet pads a title with ('Sales report 2023,,')."""
    cells = ([cell.strip().strip('"').strip() for cell in line.split(delimiter)] for line in text.splitlines())
    return tuple(line for line in (", ".join(cell for cell in row if cell) for row in cells) if line)


def _first_table(text: str) -> tuple[str, str]:
    """``text`` up to the next table of a report that holds several (Google Analytics: a blank line, ``#`` lines that
    title the next table, then its header, a line without a digit nor a note's start), and its first title line with a
    letter ('' when there is no next table). A ``#`` line between rows of data (``# holidays`` above
    ``2020-12-25,45``) is not a next table."""
    for found in _NEXT_TABLE.finditer(text):
        if not any(char.isdigit() for char in found.group(2)) and not _NOTE_START.match(found.group(2)):
            titles = [line.strip("# \r") for line in found.group(1).splitlines()]
            return text[:found.start() + 1], next((line for line in titles if any(map(str.isalpha, line))), "#")
    return _before_another_header(text)


def _before_another_header(text: str) -> tuple[str, str]:
    """``text`` up to a blank line, perhaps a title line, then another header that starts as the first does but names
    other columns (``Day,Sessions`` ... ``Day,Revenue``: a second table whose rows were averaged into the first's), and
    that title or header; ``(text, "")`` without one. The same header again continues the table (two exports joined)."""
    header = text.split("\n", 1)[0].rstrip("\r")
    first = re.split(r"[,;\t|]", header, maxsplit=1)[0].strip()
    if not first or first == header.strip() or any(char.isdigit() for char in header):
        return text, ""
    again = re.compile(r"\n[ \t,;]*\r?\n(?:([^\n\d,;\t]*)\r?\n)?(" + re.escape(first) + r"[,;\t|][^\n\d]*)\r?$",
                       re.MULTILINE)
    for found in again.finditer(text):
        if _header_cells(found.group(2)) != _header_cells(header):
            return text[:found.start() + 1], (found.group(1) or "").strip() or found.group(2).strip()
    return text, ""


def _header_cells(line: str) -> list[str]:
    cells = [cell.strip().strip('"').casefold() for cell in re.split(r"[,;\t|]", line)]
    while cells and not cells[-1]:  # a trailing separator
        cells.pop()
    return cells


def _has_month_dot_year_column(text: str, delimiter: str) -> bool:
    """Whether a column of the first lines after the header holds months written ``05.2021``."""
    head = text[:65536]
    if not MONTH_DOT_YEAR.search(head) and not YEAR_DOT_MONTH.search(head):  # most files: no cell could be one
        return False
    lines = [line for line in head.splitlines()[1:51] if line.strip()]
    return any(writes_dotted_months(pd.Series(column, dtype=object))
               for column in _sample_columns(lines, delimiter)[:50])


def _sample_columns(lines: list[str], delimiter: str) -> list[list[str]]:
    """The cells of sampled ``lines`` column by column, stripped of spaces and double quotes (no CSV parsing: a
    sniff)."""
    rows = [[cell.strip().strip('"') for cell in line.split(delimiter)] for line in lines]
    return [[row[i] for row in rows if i < len(row)] for i in range(max(map(len, rows), default=0))]


def _without_footnotes(text: str, delimiter: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without the note lines below the table (``Source: Bureau of Statistics, table 4, 2023``): among its
    last ``_FOOTNOTE_LINES`` lines, those after every row of data that ``_is_footnote``; the lines left out, first
    to last. Lines of fewer fields are read as rows, and dropped by the loader with a notice of their own."""
    rows = [(line, next(csv.reader([line], delimiter=delimiter), []))
            for line in text[-65536:].splitlines(keepends=True)[1:]]  # the first line may be cut in two
    counts = Counter(len(cells) for line, cells in rows if line.strip()).most_common(1)
    fields = counts[0][0] if counts else 0
    if len(text) <= 65536:  # the header is whole: a table of one row (DataBank's) has fewer rows than notes
        header = (_header_line(text).splitlines() or [""])[0]  # a lone carriage return ends a line too
        fields = max(fields, len(next(csv.reader([header], delimiter=delimiter), [])))
    notes = _notes_at_end(rows, fields, min(_FOOTNOTE_LINES, len(rows) - 1))
    notes = max(notes, _note_block(rows, min(_FOOTNOTE_LINES, len(rows) - 1)))
    cut = rows[len(rows) - notes:]
    kept = tuple(_as_written(line, cells, delimiter) for line, cells in cut
                 if any(cell.strip() for cell in cells))  # not ",,,,"
    return (text[:len(text) - sum(len(line) for line, _ in cut)], kept) if cut else (text, ())


def _as_written(line: str, cells: list[str], delimiter: str) -> str:
    """A note line as said: as written, without the empty cells at its ends ('Source: ABC,,,') and the quotes of a
    line that is one quoted cell; its cells were joined by ', ' (SKIDATA's 'Total Transactions: 56,608' was said as
    '56, 608'). Cells joined so where a quoted cell holds the delimiter beside others ('"Note, 1",text')."""
    joined = ", ".join(cell.strip() for cell in cells if cell.strip())
    if delimiter != ",":  # a tab or a semicolon is no way to quote a note
        return joined
    written = line.strip().strip(delimiter).strip()
    if written.startswith('"') and written.endswith('"') and written.count('"') == 2:
        return written[1:-1].strip()
    inside = re.search(rf'[^{re.escape(delimiter)}\s"]\s*"\w', written)  # a quote opened within a cell
    return written if '"' not in written or inside else joined


def _notes_at_end(lines: list[tuple[str, list[str]]], fields: int, most: int) -> int:
    """How many of the last ``lines`` (each as written and its cells), at most ``most``, are notes below a table of
    ``fields`` fields (``_is_footnote``); a lone '"' that closes the cell above is none (a blank note, it left the
    quote never closed)."""
    starts = Counter(cells[0] for _, cells in lines if cells)
    quotes = np.cumsum([0, *(line.count('"') for line, _ in lines)])  # a quoted cell open above each line: odd
    dated = sum(count for start, count in starts.items() if start.strip()[:1].isdigit()) >= _DATED_SHARE * len(lines)
    notes = 0
    while notes < most and _is_footnote(lines[-1 - notes][1], fields, starts, dated) \
            and not _closes_a_cell(lines[-1 - notes][0], bool(quotes[len(lines) - 1 - notes] % 2)):
        notes += 1
    return notes


# The first line of a block of notes below a table, after a blank line: IBGE SIDRA's 'Fonte:', 'Notas', 'Legenda' and
# its table of symbols ('-';'Zero absoluto'), e-Stat's '注1)', '出典'
_NOTE_BLOCK = re.compile(r"(?:fonte|fontes|source|sources|notas?|notes?|legenda|legend|quelle|quellen|fuente|"
                         r"anmerkungen?)(?![^\W\d_])|出典|資料|注\d*[)）:：]|※", re.IGNORECASE)


def _note_block(lines: list[tuple[str, list[str]]], most: int) -> int:
    """How many of the last ``lines`` (at most ``most``) a block of notes takes: from a blank line followed by a line
    that starts one (``_NOTE_BLOCK``) to the end, where no line of it holds more than one number; 0 where there is
    none (a legend of symbols as wide as a table of two columns was read as rows: 'Significado' a cell to correct)."""
    for start in range(len(lines) - most, len(lines) - 1):
        if start < 1 or lines[start][0].strip() or not lines[start + 1][1]:
            continue
        opening = lines[start + 1][1]  # 'Fonte: IBGE', 'Notas': no figures beside it ('Legend,2023-01,416' is a row)
        figures = any(char.isdigit() for cell in opening[1:] for char in cell)
        if _NOTE_BLOCK.match(opening[0].strip()) and not figures and all(_numbers_in(cells) <= 1
                                                                          for _, cells in lines[start:]):
            return len(lines) - start
    return 0


def _numbers_in(cells: list[str]) -> int:
    """How many of ``cells`` are numbers (``_NUMBER_CELL``; no longer than ``_LONGEST_NUMBER``)."""
    return sum(len(cell) <= _LONGEST_NUMBER and bool(_NUMBER_CELL.fullmatch(cell.strip())) for cell in cells)


def _legend_line(cells: list[str], fields: int) -> bool:
    """A line of two cells below a wide table, a short mark or number and a sentence: a symbol legend's
    ('..', 'not available for a specific reference period') or a footnote's ('2', 'Monthly indexes are not
    revised.')."""
    mark, words = cells[0].strip(), cells[-1].strip()
    return len(cells) == 2 and fields >= _LEGEND_FIELDS and 0 < len(mark) <= _LEGEND_MARK \
        and not _NUMBER_CELL.fullmatch(words) and (len(_WORD.findall(words)) >= 2 or (
            any(char.isalpha() for char in words) and not words[:1].isdigit() and words[:1] not in ("+", "-", ".")))
    # (a sentence, '2002=100 is the base period.'; a word, 'Products.'; not a number with its unit, '80.5 kg')


_WORD = re.compile(r"[^\W\d_]{2,}")
_LEGEND_FIELDS = 4  # the narrowest table a line of a mark and a sentence below it is a legend of
_LEGEND_MARK = 3  # characters of a legend's symbol or a footnote's number
_WEB_ADDRESS = re.compile(r"https?://\S+$", re.IGNORECASE)
_SOLE_CELL_FIELDS = 3  # below a table this wide, a line of one cell of words is a note, dated or not: the IMF's
# 'International Monetary Fund, World Economic Outlook Database, October 2023' was read as a series
_CLOSING_QUOTE = re.compile(r'\s*"\s*(?:[,;\t|]|$)')  # a line a quoted cell of the lines above ends on
_QUOTE_ENDING_CELL = re.compile(r'"\s*(?:[,;\t|]|$)')


def _closes_a_cell(line: str, open_above: bool) -> bool:
    """Whether a line ends a quoted cell of the lines above: a quote alone at its start, or, where the lines above
    leave a quote open, a quote that ends a cell ('Store 4 closed at 3pm"', the last line of a comment over two
    lines); an inch mark in a note ('all pizzas are 12"') below closed cells ends none."""
    return bool(_CLOSING_QUOTE.match(line)) or (open_above and line.count('"') % 2 == 1
                                                and bool(_QUOTE_ENDING_CELL.search(line)))


_DATED_SHARE = 0.8  # the share of lines starting with a digit (a date) under which a sentence of as many fields is none
_SENTENCE_WORDS = 4  # words of a first cell that make a note of a line as wide as the table's, below dated rows


def _is_footnote(cells: list[str], fields: int, starts: Counter[str], dated: bool = False) -> bool:
    """Whether a line of ``cells`` below a table is a note: blank, or with a first cell that starts with no digit (as
    dates do) and that starts no other line (as ids do: ``starts`` counts the lines' first cells), and either more
    than the table's most common number of ``fields``, or at most one number in its other cells (a row of a wide
    table has many: ``Notes payable,30,31,...``) and a first cell that reads as a note (``_NOTE_START``:
    ``Source: ..., 2021.``, ``Note: 2020 figures are provisional.``) or is words without a digit in a line of fewer
    fields, or a label and a colon (``_LABELLED_NOTE``) in such a line; or a numbered note (``_NUMBERED_NOTE``) in such
    a line without a number in its other cells (rows of labels '1. Abschlag' beside values in euros are data)."""
    if not any(cell.strip() for cell in cells):
        return True
    first = cells[0].strip()
    numbers = _numbers_in(cells[1:])
    if len(cells) != fields and _NUMBERED_NOTE.match(first) and numbers == 0 and starts[cells[0]] == 1:
        return True  # under plain years it was a date they could not read; with 'Notes:' above it they were steps
    if len(cells) < fields and (_WEB_ADDRESS.match(first) or _legend_line(cells, fields)) and starts[cells[0]] == 1:
        return True  # Statistics Canada's footer: its symbol legend, numbered footnotes and the table's address
    if first[:1].isdigit() or starts[cells[0]] != 1:
        return False
    if len(cells) > fields:
        return True
    words = len(cells) < fields and len(first.split()) >= 2 and not any(char.isdigit() for char in first)
    words |= len(cells) == 1 and (fields >= _SOLE_CELL_FIELDS or dated) and len(first.split()) >= 3  # words alone
    # a title repeated below dated rows, as wide as they are ('Daily total female births in California, 1959')
    words |= dated and len(first.split()) >= _SENTENCE_WORDS and not any(char.isdigit() for char in first)
    labelled = len(cells) < fields and bool(_LABELLED_NOTE.match(first))  # 'Last Updated: 12/18/2023'
    return numbers <= 1 and (bool(_NOTE_START.match(first)) or (words or labelled) and (numbers == 0 or dated))


def _read_csv_text(text: str, decimal: str = "") -> pd.DataFrame:
    """The table of a text file; ``decimal`` (``.`` or ``,``) its decimal mark where the user names it."""
    layout = _csv_layout(text)
    if decimal:  # named: no guess to say, and cells with the other mark are thousands (``1.600,5``) or unreadable
        layout = layout._replace(decimal=decimal, point_thousands=False)
    raw = _read_csv_layout(layout)
    if decimal == ",":
        _check_named_comma(raw)
    if layout.point_thousands and not _points_group_thousands(raw):  # the sniff saw only the first and last lines
        layout = layout._replace(decimal=".", point_thousands=False)
        raw = _read_csv_layout(layout)
    return _finish_csv(raw, layout)


def _points_group_thousands(raw: pd.DataFrame) -> bool:
    """Whether every number cell with a point, in the whole table read as text, groups thousands (``1.025``);
    one ``12.5`` says the points are decimal points after all."""
    return all(_group_thousands(_pointed_numbers(raw[name])) for name in raw.columns
               if not writes_dotted_months(raw[name]))


def _check_named_comma(raw: pd.DataFrame) -> None:
    """Decimal commas named for a file whose numbers write decimal points (``1.6``) are refused, naming the column:
    such a column read as blanks ('blank in every row'), and 1.600 beside 1.6 as 1600 without a word. Not where any
    column writes a decimal comma (the mark is right, and a point is a typo, said as one), nor for numbers of several
    points (dates 2020.01.05., versions 1.1.3)."""
    text = [name for name in raw.columns if not pd.api.types.is_numeric_dtype(raw[name])]
    if any(raw[name].dropna().astype(str).map(_looks_like_decimal_comma).any() for name in text):
        return
    for name in text:
        if writes_dotted_months(raw[name]):
            continue
        pointed = _pointed_numbers(raw[name])
        if len(pointed := pointed[pointed.str.count(r"\.") == 1]) and not _group_thousands(pointed):
            example = str(pointed[~pointed.str.fullmatch(_POINT_THOUSANDS.pattern)].iloc[0])
            raise DataError(f"Comma was chosen as the decimal mark, but '{name}' writes decimal points "
                            f"('{example}'): choose point as the Decimal mark under Reading options (--decimal "
                            "point), or let it be detected.", "err.named_comma_points",
                            {"column": name, "example": example})


def _pointed_numbers(cells: pd.Series) -> pd.Series:
    """The ``cells`` (stripped) written as a number with one or more points (``1.025``, ``12.5``); dotted dates
    (``01.05.2020``) are not numbers."""
    text = cells.dropna().astype(str).str.strip()
    pointed = text[text.str.contains(".", regex=False) & text.str.replace(".", "", regex=False).str.lstrip("-")
                   .str.isdigit()]
    return pointed[~pointed.str.fullmatch(_DOTTED_DATE.pattern)]


def _group_thousands(pointed: pd.Series) -> bool:
    """Whether every one of the ``pointed`` numbers has groups of three digits after its points (``1.025``)."""
    return bool(pointed.str.fullmatch(_POINT_THOUSANDS.pattern).all())


def _read_csv_layout(layout: CsvLayout) -> pd.DataFrame:
    """The table as ``layout`` says to read it (decimal-comma files as text), before ``_finish_csv``."""
    text, delimiter, decimal, bare = layout.text, layout.delimiter, layout.decimal, layout.bare
    _check_csv_shape(text, delimiter)
    fast = _read_plain_csv(text, delimiter) if decimal == "." and not (bare or layout.as_text) else None
    if fast is not None:
        return fast
    # Plain files let pandas' C parser type the numbers; decimal-comma files stay text for parse_numbers.
    as_text = {"dtype": str} if decimal == "," or layout.as_text else {}
    try:
        raw = pd.read_csv(io.StringIO(text), sep=delimiter, skip_blank_lines=True, skipinitialspace=True,
                          keep_default_na=True, header=None if bare else "infer", **as_text)
        if bare:  # the columns are numbered, or named as the year, month and day they hold
            raw.columns = bare_calendar_names(raw)
            if "quarter" in raw.columns:  # said by the loading report (``tidy``)
                raw.attrs["bare_calendar"] = "quarter"
            elif raw.columns[0] == "year":
                raw.attrs["bare_calendar"] = "day" if raw.columns[2] == "day" else "month"
            elif raw.columns[0] == ACROSS_YEAR:
                raw.attrs["bare_calendar"] = "across"
    except (pd.errors.ParserError, csv.Error) as error:
        raise _ragged_error(error, text, delimiter) from None
    except pd.errors.EmptyDataError:
        raise DataError("The file has no columns: choose a CSV with a header row and data rows.",
                        "err.no_columns") from None
    except (ValueError, OverflowError) as error:
        raise DataError(f"The file could not be read as CSV ({_first_line(error)}): save it as a CSV "
                        "with one header row and one row per time step.", "err.csv",
                        {"detail": _first_line(error)}) from None
    if not isinstance(raw.index, pd.RangeIndex) and raw.iloc[:, -1].isna().all():
        # Every row ends with an empty field the header lacks (``2021-01,1000,`` under ``month,sales``): pandas took
        # the first column for an index. (Rows with values there, under a header without the first column's name,
        # are an R table's row names and its columns, as pandas reads them.)
        with warnings.catch_warnings():  # pandas warns that the empty fields are lost: that is the point
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            raw = pd.read_csv(io.StringIO(text), sep=delimiter, skip_blank_lines=True, skipinitialspace=True,
                              keep_default_na=True, index_col=False, **as_text)
    elif not isinstance(raw.index, pd.RangeIndex):
        _check_row_names(raw, text, delimiter)
    return raw


_FEW_DIGITS = 0.2  # of a row's cells with a digit, under a header without one (``_without_preamble``)
# Lines above a text file's header that ``_without_preamble`` looks through: FRED's downloads write 16 to 30 lines of
# title and notes above 'DATE  VALUE' (at 16, the file was refused as rows that do not line up)
_NOTE_LINES = 40


def _without_preamble(text: str, delimiter: str) -> str:
    """``text`` from its header row on, when lines above it are a title or notes (``Source: ..., exported
    2024-03-01``): the header is the first of the opening lines that has the table's number of fields, fewer
    than half of its cells with a digit, and is followed (past a units row, ``_below_units``) by two rows of that
    many fields with digits in at least half of their cells; the lines above it must have another number of fields
    or end in a blank line (one of bare delimiters too: ``,,`` as spreadsheets save an empty row). ``text``
    itself (the same object) when the header is its first line or no line qualifies. Lines are a CSV's records: a
    quoted name over two lines (a survey's question and its scale) is one line of the header."""
    records = _records(text[:65536])
    opening = records[:_NOTE_LINES + 12]

    def cells_of(line: str, quoted_text: bool) -> list[str]:  # a quoted cell's delimiters are not the table's
        unquoted = _QUOTED_RECORD.sub(
            lambda quoted: quoted.group(0)[1:-1].replace(delimiter, " ") if quoted_text else "x", line)
        return [cell.strip() for cell in unquoted.split(delimiter)]

    # A header's quoted names count as words ("PM2.5"); a data row's quoted cells by their text ("1,234", "").
    rows = [(index, cells_of(line, False), cells_of(line, True)) for index, line in enumerate(opening)]
    rows = [row for row in rows if any(row[2])]  # a line of bare delimiters (or of empty quotes) is a blank line
    if len(rows) < 4:
        return text
    counts = Counter(len(cells) for _, cells, _ in rows)
    # a tie: the table is wider than its notes; and a table of a few wide rows of numbers is no line of titles and
    # notes (an NBS export of one indicator: two titles and two notes beside a header and one row of 36 months), though
    # notes with a comma ('Source: ABC, 2021') are no table over one column of numbers
    numbered = Counter(len(cells) for _, cells, text in rows if len(cells) > 1  # by their text: quoted numbers too
                       and _digit_share(_written_cells(text)) >= 0.5
                       and not _legend_line(text, _LEGEND_FIELDS))  # StatCan's numbered footnotes: '1', 'The CPI ...'

    wide = Counter({width: times for width, times in numbered.items() if times >= 2}) or Counter(
        {width: times for width, times in numbered.items() if width >= 3}) or counts  # one wide row (StatCan)
    fields = max(wide, key=lambda width: (wide[width], width))
    whole = len(text) <= 65536 and len(opening) == len(records)  # the opening is the whole file
    if whole:  # notes below a table of one row are no rows of it ('注：...', '数据来源：国家统计局')
        rows = rows[:len(rows) - _notes_at_end([(opening[index], text) for index, _, text in rows], fields,
                                               len(rows) - 2)]  # the quoted notes' words (StatCan's footer)
    for position, (index, cells, written) in enumerate(rows[:_NOTE_LINES]):
        below = [row for _, _, row in rows[position + 1:] if not _section_row(row)]  # a P&L's 'Income' above its rows
        following = _below_units(below[:3])[:2]
        wide = (len(cells) == fields and _names_its_columns(written, following)  # ('Geography,Canada,,,...')
                or _names_over_row_names(opening[index], cells, fields))
        # two rows of data, or the one a file of one row has (a World Bank download of one country)
        enough = len(following) == 2 or (len(following) == 1 and whole  # (past a units row: StatCan's '2002=100')
                                          and len(_below_units(below)) == 1)
        # rows of numbers; or, under names without a digit, rows with a digit in a few of their cells (HESA's year,
        # level, mode, country and number: refused as rows that do not line up under its title lines)
        least = 0.5 if _digit_share([cell for cell in written if cell]) else _FEW_DIGITS
        if wide and _names_columns(cells, following) and enough \
                and all(len(row) == fields and _digit_share(_written_cells(row)) >= least
                        and not _padded_title(row, fields)  # (Eco-Visio's 'Pas de temps : 15 minutes;;;' under its
                        for row in following):  # site's name; not a logger's first row of only its time)
            if position == 0:
                return text
            above = rows[:position]
            # Only lines that are not rows of this table: another number of fields, set off by a blank line, or
            # titles padded to the table's width, one cell written ('Sales report 2023,,' as spreadsheets save it).
            titles = fields > 1 and all(sum(bool(cell) for cell in row) == 1 for _, _, row in above)
            apart = any(len(row) != fields for _, row, _ in above) or above[-1][0] < index - 1 or titles
            rows_of_it = position >= _PREAMBLE_LINES and sum(  # past the usual notes, lines of the table's own rows
                len(row) == fields and _digit_share(_written_cells(written)) >= 0.5
                and (bool(re.search(r"\d", row[0])) or row[0] == above[-1][1][0] and all(cell.strip() for cell in row))
                for _, row, written in above) >= 2  # (a date or a number first, or a device's name on every row:
            # not 'Opening Balance,1520.33,,' nor a logger's key, value and unit lines)
            return text[sum(map(len, opening[:index])):] if apart and not rows_of_it else text  # (a logger's rows,
            # then a header and more rows after a restart: its first 20 rows were left out as notes)
    return text


def _padded_title(row: list[str], fields: int) -> bool:
    """Whether a row of a table of ``fields`` columns writes one cell only, no date: a title padded to the table's
    width ('Pas de temps : 15 minutes;;;'), not a reading missing all but its time."""
    written = [cell.strip().strip('"').strip() for cell in row if cell.strip().strip('"').strip()]
    return fields > 1 and len(written) == 1 and not _DATE_CELL.match(written[0]) \
        and parse_dates(pd.Series(written, dtype=object)) is None  # ('03/01/2024 10:00:00 AM' alone: a reading)


# Cells a statistics table writes for a value it does not give (ILINet's 'X' for a state's weighted ILI and every age
# group: its rows were too few digits to be data, and the title line above became the header; eBay's transaction
# report's '--' in every field a Refund or a Payout row has no value for: its header was left out with the title lines)
_NO_VALUE_CELLS = frozenset({"x", "..", "...", ":", "-", "--", "–", "n/a", "na", "*", "nd", "n/e"})


def _written_cells(cells: list[str]) -> list[str]:
    """A row's cells that are written and say a value (not ``_NO_VALUE_CELLS``); all written ones where none does."""
    written = [cell for cell in cells if cell]
    return [cell for cell in written if cell.strip('"').strip().lower() not in _NO_VALUE_CELLS] or written


def _records(text: str) -> list[str]:
    """``text``'s lines (with their ends), a line break inside a quoted cell kept within its record: Qualtrics'
    '"How likely ...?\n(0 = not at all, 10 = extremely)"' made its header two lines, the dates a title's."""
    records: list[str] = []
    lines = text.splitlines(keepends=True)
    for line in lines:
        if records and records[-1].count('"') % 2 and records[-1].count("\n") < _RECORD_LINES:  # a cell still open
            records[-1] += line
        else:
            records.append(line)
    # a lone quote ('55" TVs'), closed by no line after it: that record's lines as they are
    return [part for record in records for part in (record.splitlines(keepends=True) if record.count('"') % 2
                                                     else [record])]


_RECORD_LINES = 8  # lines a quoted cell of the header or the lines above it spans at most


def _section_row(cells: list[str]) -> bool:
    """Whether a row below a header candidate is a section's heading: one cell, the first, written, without a digit
    (QuickBooks' 'Income' and 'Cost of Goods Sold' above their accounts' rows of figures)."""
    return bool(cells) and bool(cells[0]) and not any(cells[1:]) and not any(char.isdigit() for char in cells[0])


def _names_its_columns(written: list[str], following: list[list[str]]) -> bool:
    """Whether a header candidate names most of the columns the rows below it fill: 'Geography', 'Canada' over 37
    columns of figures does not; 'date', 'sales', '', '' over rows of two filled cells (Excel's extra commas) does."""
    filled = {k for row in following for k, cell in enumerate(row) if cell}
    return 2 * sum(1 for k in filled if k < len(written) and not written[k]) <= len(filled)


def _names_over_row_names(line: str, cells: list[str], fields: int) -> bool:
    """Whether ``line``, split into ``cells`` (each quoted cell written ``x``: ``_without_preamble``), is the header
    R's ``write.table(sep=",")`` writes over its quoted row names: one field fewer than the table's ``fields`` (no
    name over the row names), two names at least, each quoted (``"date","value"`` over ``"1","2021-01-01",100``).
    Taken for a title, it was skipped and the first row of data became the header (the row numbers the target). Kept,
    the row names are read as the index and left out, as where R separates the columns by spaces (``_spaces_to_tabs``;
    ``_check_row_names``)."""
    return (len(cells) == fields - 1 >= 2 and all(cell == "x" for cell in cells)
            and len(_QUOTED.findall(line)) == len(cells))


def _names_columns(cells: list[str], below: list[list[str]] | None = None) -> bool:
    """Whether a line's ``cells`` can be a header row: fewer than half of them read as data (``_data_share``, against
    the rows ``below`` where given; else with a digit), or names followed by ``_DATES_ACROSS`` or more years (a table
    whose dates run across its columns: ``Country,Code,1960,1961,...``)."""
    if (_data_share(cells, below) if below else _digit_share(cells)) < 0.5:
        return True
    years = [cell for cell in cells if any(char.isdigit() for char in cell) and not _CHANGE_COLUMN.search(cell)]
    if not cells or any(char.isdigit() for char in cells[0]):
        return False
    return (len(years) >= _DATES_ACROSS and all(re.fullmatch(r"\d{4}", cell) for cell in years)
            or _years_over_months(cells, below or []))


def _years_over_months(cells: list[str], below: list[list[str]]) -> bool:
    """Whether a line's ``cells`` name ``_GRID_YEARS`` or more years (or financial years, ``2018-19``) in turn after
    a first name, over rows that begin with months (``Jul``): a council's tonnes by financial year under a title
    line, whose header was taken for a row of data (the July row became the header)."""
    years = cells[1:]
    while years and _CHANGE_COLUMN.search(years[-1]):  # an airport's '% Chg 23/22' after its years
        years = years[:-1]
    first = [row[0] for row in below if row]
    return (len(years) >= _GRID_YEARS and all(re.fullmatch(r"\d{4}(?:[-/]\d{2,4})?", cell) for cell in years)
            and _years_in_turn(years) and len(first) >= 2
            and period_of_rows(pd.Series(first, dtype=object), cells[0])[0] == "month")


def _below_units(rows: list[list[str]]) -> list[list[str]]:
    """The rows below a header candidate without a units row right under it (``,EUR,pcs``: the time column's
    cell blank, fewer than half of the cells with a digit), which stays in the table and is dropped there as a row
    without a date."""
    if rows and rows[0] and not rows[0][0] and (_digit_share(rows[0]) < 0.5 or all(
            _INDEX_BASE.fullmatch(cell) for cell in rows[0][1:] if cell)):
        return rows[1:]
    if rows and rows[0] and _CODES_ROW.fullmatch(rows[0][0].strip().strip('"')) and _digit_share(rows[0][1:]) < 0.5:
        return rows[1:]  # ONS's 'Dataset identifier code,MGSX,MGSC' under its names: the header was taken from it
    return rows


_CODES_ROW = re.compile(r"dataset identifier code|cdid|series id|identifier|units?", re.IGNORECASE)


_INDEX_BASE = re.compile(r"\d{4}(?:/\d{2})?\s*=\s*100")  # an index's base period as its unit (StatCan's '2002=100')


_DATA_CELL = re.compile(r"[-+]?\d+\.\d+|\d{4}[-/.]\d{1,2}([-/.]\d{1,2})?"
                        r"([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?|"  # PostgreSQL's +01
                        r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_DATE_CELL = re.compile(r"\d{4}-\d{2}-\d{2}")
# Cells a database writes for a boolean or a NULL (or a blank NULL) after a time stamp: no column's name (a headerless
# export's first row of data; a header 't,0.1,0.5,0.9' of quantiles stays one)
_DATABASE_CELL = re.compile(r"t|f|true|false|\\N|null", re.IGNORECASE)


_WHOLE_NUMBER = re.compile(r"[-+]?\d+")
_CLOCK_CELL = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")  # a time of day, in a headerless row after its date


def _header_line(text: str) -> str:
    """The first line of ``text`` that is not blank: the header row, or the first row of a file without one."""
    start = _header_start(text)
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _header_start(text: str) -> int:
    """Where the first line that is not blank starts (found, not by stripping a copy of a large text)."""
    found = _NOT_BLANK.search(text)
    return found.start() if found else len(text)


def _header_is_data(cells: list[str], decimal: str = ".") -> bool:
    """Whether the header row's cells read as a row of data: every one a decimal number (with the file's ``decimal``
    mark), a date or a whole number (``2015-01-01``, ``103.5``, ``1000``) or a database's boolean or NULL (``t``,
    ``\\N``: PostgreSQL's and MySQL's exports have no header) or, after the first, one time of day (more are the
    times across a wide table), one at least of the first two kinds. Whole numbers
    alone (``2019,2020``: years naming the columns of a wide table) keep the header."""
    names = [cell.strip().strip('"').strip() for cell in cells]
    if decimal == ",":
        names = [name.replace(",", ".", 1) if _DIGIT_COMMA_DIGIT.search(name) else name for name in names]
    dated = any(_DATE_CELL.match(name) for name in names[:3])  # a database's rows: a time stamp early (after ids)
    if sum(1 for name in names[1:] if _CLOCK_CELL.fullmatch(name)) > 1:  # times across: a wide table's header
        return False
    return (len(names) >= 2 and all(_DATA_CELL.fullmatch(name) or _WHOLE_NUMBER.fullmatch(name)
                                    or (k and _CLOCK_CELL.fullmatch(name))  # MetaTrader's '2023.01.02,00:00,1.0650'
                                    or (k and name in ("NaN", "nan"))  # Berkeley Earth's annual means not yet in
                                    or (dated and (_DATABASE_CELL.fullmatch(name) or (not name and k)))
                                    for k, name in enumerate(names))
            and any(_DATA_CELL.fullmatch(name) for name in names))  # (a blank corner over dates across: a header)


_HEAD_CHARS = 65_536  # characters of a file's head that ``_dated_like_below`` reads (a cut last line: fewer fields)


def _dated_like_below(text: str, delimiter: str, rows: int = 5) -> bool:
    """Whether the first line is a row of data because it holds a date (``2024-01-01``, with a time or not) in a column
    that holds dates in each of the next ``rows`` lines too, with as many fields: a headerless database export with
    names or codes in it (``store_a,2024-01-01,101,67.72``), whose first row was read as the header (and ``101`` the
    target). A header never names a column of dates with a date; dates across the columns stand over numbers."""
    start = _header_start(text)  # the head only: splitting a whole file's lines to read six cost a copy of it
    lines = [line.split(delimiter) for line in itertools.islice(
        (line for line in text[start:start + _HEAD_CHARS].splitlines() if line.strip()), rows + 1)]
    if len(lines) < 2 or len(lines[0]) < 2 or any(len(cells) != len(lines[0]) for cells in lines):
        return False
    return any(all(_DATE_CELL.match(cells[k].strip().strip('"')) and _DATA_CELL.fullmatch(cells[k].strip().strip('"'))
                   for cells in lines) for k in range(len(lines[0])))


def _labels_repeat_below(text: str, delimiter: str, rows: int = 5) -> bool:
    """Whether the first line is a row of data because its words repeat in their columns below, beside a number with
    a decimal mark in a column of such numbers: FHFA's headerless 'AK,1975,1,100.95' (the year was forecast as a
    column named '1975'). A header's names are not among its columns' values, and no name is a decimal number."""
    start = _header_start(text)
    try:
        lines = list(itertools.islice(csv.reader(io.StringIO(text[start:start + _HEAD_CHARS]), delimiter=delimiter),
                                      rows + 1))
    except csv.Error:
        return False
    lines = [[cell.strip() for cell in cells] for cells in lines if any(cell.strip() for cell in cells)]
    if len(lines) < 2 or len(lines[0]) < 2 or any(len(cells) != len(lines[0]) for cells in lines):
        return False
    first, below = lines[0], lines[1:]
    words = [k for k, cell in enumerate(first) if cell and not _DATA_CELL.fullmatch(cell)
             and not _WHOLE_NUMBER.fullmatch(cell)]
    decimals = [k for k, cell in enumerate(first) if _DECIMAL_CELL.fullmatch(cell)
                and all(_DECIMAL_CELL.fullmatch(cells[k]) for cells in below)]
    return bool(words) and bool(decimals) and all(any(cells[k] == first[k] for cells in below) for k in words)


_DECIMAL_CELL = re.compile(r"[-+]?\d+\.\d+")


def _finish_csv(raw: pd.DataFrame, layout: CsvLayout) -> pd.DataFrame:
    raw = raw.dropna(how="all")
    raw.attrs["decimal_comma"] = layout.decimal == ","
    if layout.units_rows:
        raw.attrs["units_row"] = layout.units_rows  # said by the loading report (``tidy``)
    raw.attrs["point_thousands"] = layout.point_thousands  # said by the loading report (``tidy``)
    raw.attrs["delimiter"] = layout.delimiter
    if layout.footnotes:
        raw.attrs["footnotes"] = layout.footnotes  # said by the loading report (``tidy``)
    if layout.later_table:
        raw.attrs["later_table"] = layout.later_table  # said by the loading report (``tidy``)
    if layout.preamble:
        raw.attrs["preamble"] = layout.preamble  # said by the loading report (``tidy``)
    if raw.empty:
        raise DataError("The file has a header but no data rows: add the rows of the series below the header.",
                        "err.no_rows")
    return raw
