"""Bytes to a raw table: file-size limit, encodings, delimiter and decimal-comma sniffing, CSV,
Excel and Parquet. ``core.data.tidy`` turns the table into the series."""
from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pandas as pd

from core.errors import DataError

# Largest file accepted, in MB; set TSR_MAX_FILE_MB to change it (the UI states the limit).
MAX_FILE_MB = float(os.environ.get("TSR_MAX_FILE_MB", "200"))


def read_bytes(source: bytes | str | Path, name: str, max_mb: float) -> tuple[bytes, str]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise DataError(f"No file at '{path}': check the path and try again.")
        if path.stat().st_size > max_mb * 1e6:
            raise DataError(f"'{path.name}' is larger than the {max_mb:g} MB limit: load a shorter extract.")
        return path.read_bytes(), name or path.name
    if len(source) > max_mb * 1e6:
        raise DataError(f"The file is larger than the {max_mb:g} MB limit: load a shorter extract.")
    return bytes(source), name


def read_table(data: bytes, name: str = "", sheet: str | int = 0) -> pd.DataFrame:
    """Read bytes into a raw frame of the file's own columns (text cells for CSV)."""
    if not data.strip():
        raise DataError("The file is empty: choose a CSV with a header row and at least a few rows of data.")
    if data[:4] == b"PAR1":
        try:
            return pd.read_parquet(io.BytesIO(data))
        except (ValueError, OSError) as error:
            raise DataError(f"'{name or 'The file'}' looks like Parquet but cannot be read ({str(error)[:80]}): "
                            "export it again or save it as CSV.") from None
    if data[:4] == b"PK\x03\x04":
        return _read_excel(data, name, sheet)
    text = decode_text(data)
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body")):
        raise DataError("This file is a web page (HTML), not a CSV: download the data itself as CSV.")
    return _read_csv_text(text)


def _read_excel(data: bytes, name: str, sheet: str | int) -> pd.DataFrame:
    try:
        return pd.read_excel(io.BytesIO(data), sheet_name=sheet, dtype=str)
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as error:
        raise DataError(
            f"'{name or 'The file'}' is a zip archive but not a readable Excel workbook ({error}): "
            "export the sheet as CSV or .xlsx.") from None


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 / Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise DataError("The file holds binary data, not text: choose a CSV (comma- or semicolon-separated text).")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text
    raise DataError("The file's text encoding is not recognised: save it as UTF-8 CSV.")  # pragma: no cover


def _sniff_dialect(text: str) -> tuple[str, str]:
    lines = [line for line in text[:65536].splitlines()[:50] if line.strip()]
    sample = "\n".join(lines)
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sum(line.count(d) for line in lines) for d in ",;\t|"}
        delimiter = max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","
    decimal = "," if delimiter != "," and _has_decimal_commas(lines[1:], delimiter) else "."
    return delimiter, decimal


def _has_decimal_commas(lines: list[str], delimiter: str) -> bool:
    cells = [cell.strip().strip('"') for line in lines for cell in line.split(delimiter)]
    with_comma = sum(1 for cell in cells if _looks_like_decimal_comma(cell))
    with_point = sum(1 for cell in cells if cell.replace(".", "", 1).lstrip("-").isdigit() and "." in cell)
    return with_comma > with_point


def _looks_like_decimal_comma(cell: str) -> bool:
    head, _, tail = cell.rpartition(",")
    return bool(head) and tail.isdigit() and head.replace(".", "").replace(" ", "").lstrip("-").isdigit()


def _read_csv_text(text: str) -> pd.DataFrame:
    delimiter, decimal = _sniff_dialect(text)
    # Plain files let pandas' C parser type the numbers; decimal-comma files stay text for parse_numbers.
    as_text = {"dtype": str} if decimal == "," else {}
    try:
        raw = pd.read_csv(io.StringIO(text), sep=delimiter, skip_blank_lines=True,
                          skipinitialspace=True, keep_default_na=True, **as_text)
    except pd.errors.ParserError as error:
        raise DataError(f"The rows do not line up into columns ({str(error).splitlines()[0]}): "
                        "check that every row has the same number of separators.") from None
    except pd.errors.EmptyDataError:
        raise DataError("The file has no columns: choose a CSV with a header row and data rows.") from None
    raw = raw.dropna(how="all")
    raw.attrs["decimal_comma"] = decimal == ","
    raw.attrs["delimiter"] = delimiter
    if raw.empty:
        raise DataError("The file has a header but no data rows: add the rows of the series below the header.")
    return raw
