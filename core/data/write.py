"""Tables out as CSV text: the bytes of pandas' ``to_csv(index=False, float_format=...)``, made faster.

pandas formats each floating-point cell through a Python call with checks of its own, which took
10,000 series' 1.2 million prediction rows 7-10 s; here each float column of a chunk of rows is
formatted in one pass, only where it has a value, and rows that need no quotes are joined directly
(others go through the ``csv`` module's writer, as pandas' own do).
Columns of other kinds are taken as pandas writes them; a table with a column this does not know
(booleans, periods, categories, ...) is written by pandas itself.
"""
from __future__ import annotations

import csv
import io
from datetime import timedelta, timezone
from typing import Any

import numpy as np
import pandas as pd

# The command line's numbers: fifteen significant digits, as many as a double keeps of any decimal (ten turned an
# input of 12345678901 into 1.23456789e+10, and 123456789.12 lost its cents).
FLOAT_FORMAT = "%.15g"
_QUOTED = (",", '"', "\n", "\r")  # what makes the CSV writer quote a cell


def download_csv(frame: pd.DataFrame, decimal_comma: bool = False, utc_offset: str = "") -> str:
    """A page's download of ``frame``: numbers to ``FLOAT_FORMAT``'s fifteen digits (``1596.7662843333878`` was
    written whole), and, for a file read with decimal commas, separated by semicolons with decimal commas, as Excel in
    those locales opens it (commas and points put every row in one column there); times read on a ``utc_offset``
    (``with_offset``) written with it."""
    frame = with_offset(frame, utc_offset)
    if decimal_comma:
        return frame.to_csv(index=False, sep=";", decimal=",", float_format=FLOAT_FORMAT)
    return csv_text(frame)


def report_download(frame: pd.DataFrame, report: Any) -> str:
    """``download_csv`` of ``frame`` as its file was read (``report``, a ``tidy.DataReport``): decimal commas, and the
    UTC offset its times were read on."""
    return download_csv(frame, bool(report.decimal_comma), str(report.utc_offset))


def with_offset(frame: pd.DataFrame, utc_offset: str) -> pd.DataFrame:
    """``frame`` with its ``ds`` times written with ``utc_offset`` (``+01:00``), the offset a file's times of several
    offsets were read on (``2023-04-09 23:00:00+01:00``): written bare, a forecast's first hour after a clock change
    read as the file's last one, an hour off its clock; ``frame`` itself without an offset or times."""
    if not utc_offset or "ds" not in frame or not pd.api.types.is_datetime64_dtype(frame["ds"]):
        return frame
    hours, minutes = int(utc_offset[1:3]), int(utc_offset[4:6])
    sign = -1 if utc_offset.startswith("-") else 1
    zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
    return frame.assign(ds=frame["ds"].dt.tz_localize(zone))


def csv_text(frame: pd.DataFrame, float_format: str = FLOAT_FORMAT) -> str:
    """``frame.to_csv(index=False, float_format=float_format)``, the same text, made in pandas' own chunks
    of rows (a cell's text is a Python string: all of 1.2 million rows' at once took 0.7 GB; and pandas
    picks how to write a chunk's time stamps from that chunk alone)."""
    kinds = [_kind(frame.iloc[:, position]) for position in range(frame.shape[1])]
    if not kinds or isinstance(frame.columns, pd.MultiIndex) or None in kinds:
        return frame.to_csv(index=False, float_format=float_format)
    parts = [_rows([[str(name)] for name in frame.columns])]
    size = chunk_rows(len(kinds))
    for start in range(0, len(frame), size):
        block = frame.iloc[start:start + size]
        parts.append(_rows([_cells(block.iloc[:, position], kind, float_format)
                            for position, kind in enumerate(kinds)]))
    return "".join(parts)


def chunk_rows(columns: int) -> int:
    """Rows pandas writes at a time: about 100,000 cells."""
    return (100_000 // columns) or 1


def _rows(columns: list[Any]) -> str:
    """The CSV lines of these columns' cells, row by row, quoted as the CSV writer quotes."""
    if len(columns) > 1 and not any(_needs_quotes(cells) for cells in columns):
        return "\n".join(map(",".join, zip(*columns))) + "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(zip(*columns))  # pandas' dialect: minimal quoting
    return buffer.getvalue()


def _kind(column: pd.Series) -> str | None:
    """How a column's cells are written: ``float``, ``stamps``, ``integer``, ``text``; None for a column
    left to pandas."""
    dtype = column.dtype
    if dtype == np.float64:
        return "float"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "stamps"  # chunk by chunk: dates alone where a chunk's naive stamps are all at midnight
    if pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_extension_array_dtype(dtype):
        return "integer"
    if isinstance(dtype, pd.StringDtype) and not column.isna().any():
        return "text"
    if dtype == object and all(isinstance(value, str) for value in column.tolist()):
        return "text"
    return None


def _cells(column: pd.Series, kind: str, float_format: str) -> list[str] | np.ndarray:
    """One column's cells as the text pandas writes for them (blank where missing)."""
    if kind == "float":
        values = column.to_numpy()
        cells = np.full(len(values), "", dtype=object)
        known = ~np.isnan(values)
        cells[known] = list(map(float_format.__mod__, values[known].tolist()))
        return cells
    if kind == "stamps" and isinstance(column.dtype, np.dtype) and _dates_only(column):
        cells = np.full(len(column), "", dtype=object)
        stamps = column.to_numpy()
        known = ~np.isnat(stamps)
        cells[known] = np.datetime_as_string(stamps[known], unit="D")
        return cells
    if kind == "stamps":
        return _stamp_lines(column)
    if kind == "integer":
        return list(map(str, column.tolist()))
    return column.astype(object).tolist()


def _stamp_lines(column: pd.Series) -> list[str]:
    """pandas' text for a chunk of stamps, one per row, written alone (they hold no comma, quote or line
    break; a blank cell alone on its line is quoted there, and not beside other cells)."""
    lines = column.to_frame().to_csv(index=False, header=False).split("\n")[:-1]
    return ["" if line == '""' else line for line in lines]


def _dates_only(column: pd.Series) -> bool:
    """Naive stamps all at midnight, which pandas writes as dates alone (``2010-01-01``)."""
    stamps = column.to_numpy()
    known = stamps[~np.isnat(stamps)]
    return bool(np.all(known.astype("datetime64[D]") == known))


def _needs_quotes(cells: list[str] | np.ndarray) -> bool:
    """Whether a cell holds what the CSV writer would quote (numbers and stamps never do)."""
    if isinstance(cells, np.ndarray):
        return False
    joined = "\0".join(cells)
    return any(mark in joined for mark in _QUOTED)
