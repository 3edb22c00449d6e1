"""Tables out as CSV text: the bytes of pandas' ``to_csv(index=False, float_format=...)``, made faster.

pandas formats each floating-point cell through a Python call with checks of its own, which took
10,000 series' 1.2 million prediction rows 7-10 s; here each float column is formatted in one pass,
only where it has a value, and the rows go through the ``csv`` module's writer as pandas' own do.
Columns of other kinds are taken as pandas writes them; a table with a column this does not know
(booleans, periods, categories, ...) is written by pandas itself.
"""
from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

FLOAT_FORMAT = "%.10g"  # the command line's numbers: ten significant digits
_QUOTED = (",", '"', "\n", "\r")  # what makes the CSV writer quote a cell


def csv_text(frame: pd.DataFrame, float_format: str = FLOAT_FORMAT) -> str:
    """``frame.to_csv(index=False, float_format=float_format)``, the same text."""
    columns = [_cells(frame.iloc[:, position], float_format) for position in range(frame.shape[1])]
    if isinstance(frame.columns, pd.MultiIndex) or any(cells is None for cells in columns):
        return frame.to_csv(index=False, float_format=float_format)
    header = [str(name) for name in frame.columns]
    if len(header) > 1 and not any(_needs_quotes(cells) for cells in [header, *columns]):
        return "\n".join(map(",".join, [header, *zip(*columns)])) + "\n"  # type: ignore[arg-type]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")  # pandas' own dialect: minimal quoting, doubled quotes
    writer.writerow(header)
    writer.writerows(zip(*columns))  # type: ignore[arg-type]
    return buffer.getvalue()


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


def _cells(column: pd.Series, float_format: str) -> list[str] | np.ndarray | None:
    """One column's cells as the text pandas writes for them (blank where missing); None for a
    kind of column left to pandas."""
    dtype = column.dtype
    if dtype == np.float64:
        values = column.to_numpy()
        cells = np.full(len(values), "", dtype=object)
        known = ~np.isnan(values)
        cells[known] = list(map(float_format.__mod__, values[known].tolist()))
        return cells
    if isinstance(dtype, np.dtype) and dtype.kind == "M" and _dates_only(column):  # naive stamps
        cells = np.full(len(column), "", dtype=object)
        stamps = column.to_numpy()
        known = ~np.isnat(stamps)
        cells[known] = np.datetime_as_string(stamps[known], unit="D")
        return cells
    if pd.api.types.is_datetime64_any_dtype(dtype):
        # Stamps hold no comma, quote or line break: pandas' text for the column alone, a line per row
        # (a blank cell alone on its line is quoted there, and not beside other cells).
        lines = column.to_frame().to_csv(index=False, header=False).split("\n")[:-1]
        return ["" if line == '""' else line for line in lines]
    if pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_extension_array_dtype(dtype):
        return list(map(str, column.tolist()))
    if isinstance(dtype, pd.StringDtype) and not column.isna().any():
        return column.astype(object).tolist()
    if dtype == object:
        values = column.tolist()
        if all(isinstance(value, str) for value in values):
            return values
    return None
