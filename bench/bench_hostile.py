"""Hostile and malformed files: how long the loader takes to refuse each, and its peak memory.

Generates the corpus into a temporary folder, loads every file with ``core.data.tidy.load_series`` in a
fresh subprocess (so one case's memory does not hide another's) and prints the seconds spent in the
call, the child's peak resident memory (its ``ru_maxrss``, which is what the parent's
``getrusage(RUSAGE_CHILDREN)`` reports for a single child; the interpreter with pandas imported is about
100 MB of it) and the first 80 characters of the error, beside ``pandas.read_csv``
and ``load_series`` on a normal 1,000-row CSV as the reference. Limits are lowered through their
environment variables where a file that really exceeds the default would be slow to generate.
Run: `.venv/bin/python bench/bench_hostile.py`.
"""
from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SNIFFER_TIMEOUT_S = 10

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
kind, path, fill = sys.argv[2], sys.argv[3], sys.argv[4] == "1"
import pandas as pd
from core.data.tidy import LoadOptions, load_series
start = time.perf_counter()
error = ""
try:
    if kind == "pandas":
        pd.read_csv(path)
    elif kind == "sniffer":
        import csv
        text = open(path, encoding="utf-8").read()[:65536]
        csv.Sniffer().sniff(text, delimiters=",;\t|")
    else:
        load_series(path, options=LoadOptions(fill_gaps=fill))
except Exception as problem:  # the bench reports whatever comes out
    error = f"{type(problem).__name__}: {problem}"
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": peak, "error": error}))
"""

CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'spreadsheetml.sheet.main+xml"/></Types>')


def write_zip(path: Path, members: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def write_bomb(path: Path, megabytes: int) -> None:
    """A workbook whose sheet unpacks to ``megabytes`` MB of zeros (deflate packs about 1,000 to 1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        chunk = b"\0" * 1_000_000
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(megabytes):
                sheet.write(chunk)


def write_unsupported_method(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", "<workbook/>")
    raw = bytearray(buffer.getvalue())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = raw.find(signature)
        while start >= 0:
            struct.pack_into("<H", raw, start + offset, 9)  # deflate64
            start = raw.find(signature, start + 4)
    path.write_bytes(bytes(raw))


def build_corpus(folder: Path) -> list[tuple[str, str, Path, dict[str, str], bool]]:
    """(label, kind, path, environment, fill_gaps) for every case."""
    normal = folder / "normal_1000.csv"
    stamps = pd.date_range("2000-01-01", periods=1_000, freq="D")
    pd.DataFrame({"date": stamps, "value": np.sin(np.arange(1_000) / 10)}).to_csv(normal, index=False)

    bomb = folder / "bomb.xlsx"
    write_bomb(bomb, 1_100)

    parquet = folder / "many_rows.parquet"
    pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=200_000, freq="min"),
                  "y": np.arange(200_000.0)}).to_parquet(parquet)

    sniff = folder / "sniff.csv"
    sniff.write_text(",'a" * 21_846)  # 64 KB

    wide = folder / "wide_10000.csv"
    wide.write_text(",".join(f"c{i}" for i in range(10_000)) + "\n" + ",".join(["1"] * 10_000) + "\n")

    duplicates = folder / "duplicate_header_2mb.csv"
    duplicates.write_text(",".join(["sales"] * 350_000) + "\n1,2\n")

    extreme = folder / "extreme.csv"
    extreme.write_text("date,y\n" + "\n".join(f"2020-01-{d:02d},{v}" for d, v in
                                             zip(range(1, 15), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, "1e308", "-1e308"])))

    infinite = folder / "infinite.csv"
    infinite.write_text("date,y\n" + "\n".join(f"2020-01-{d:02d},{v}" for d, v in
                                              zip(range(1, 15), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "inf", "-inf", "1e309"])))

    malformed = folder / "malformed.xlsx"
    write_zip(malformed, {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook><sheets><sheet name="})

    method = folder / "deflate64.xlsx"
    write_unsupported_method(method)

    notes = folder / "notes_1000_sheets.xlsx"
    with pd.ExcelWriter(notes, engine="openpyxl") as writer:
        for sheet in range(1_000):
            pd.DataFrame({"note": ["one line of notes", "another"]}).to_excel(writer, sheet_name=f"notes {sheet}")
        pd.DataFrame({"date": stamps[:100], "value": np.arange(100.0)}).to_excel(writer, sheet_name="data")

    centuries = folder / "centuries_hourly.csv"
    spans = pd.date_range("1678-01-01", periods=11, freq="h").append(pd.date_range("2261-01-01", periods=11, freq="h"))
    centuries.write_text("date,y\n" + "\n".join(f"{d:%Y-%m-%d %H:%M},{i}" for i, d in enumerate(spans)))

    days = "".join(f"2020-01-{d:02d},{d}\n" for d in range(1, 29))
    crafted = {"subtotal": "date,y\n" + "".join(f"{'7' * 8_000}x,{i}\n" for i in range(50)) + days,
               "interval": "date,y\n1.1" + "T1" * 20_000 + ",1\n" + days,
               "footnote": "date,y\n" + days + "abc," + "1" * 20_000 + "x\n",
               "utc": "date,y\n" + "".join(f"2020-01-{1 + i % 28:02d}{' ' * 4_000}x,{i}\n" for i in range(20)),
               "group": f"Date,{'G' * 200_000}{',' * 998}\n," + ",".join(["units"] * 999) + "\n" + "".join(
                   f"2020-01-{d:02d}," + ",".join(["1"] * 999) + "\n" for d in range(1, 29)),
               "text": "date," + ",".join(f"c{i}" for i in range(999)) + "\n" + "".join(
                   f"2020-01-{d:02d}," + ",".join(["1 x"] * 998) + ",1\n" for d in range(1, 29))}
    for kind, text in crafted.items():
        (folder / f"crafted_{kind}.csv").write_text(text)

    return [
        ("reference: pandas.read_csv, 1,000 rows", "pandas", normal, {}, False),
        ("50 cells of 8,000 digits, a letter (subtotal?)", "load", folder / "crafted_subtotal.csv", {}, False),
        ("a cell of 1.1 and T1 x 20,000 (an interval?)", "load", folder / "crafted_interval.csv", {}, False),
        ("last line: 20,000 digits, a letter (footnote?)", "load", folder / "crafted_footnote.csv", {}, False),
        ("20 dates, 4,000 spaces, a letter (UTC?)", "load", folder / "crafted_utc.csv", {}, False),
        ("a 200,000-character group over 999 cells", "load", folder / "crafted_group.csv", {}, False),
        ("999 text columns of 28 rows", "load", folder / "crafted_text.csv", {}, False),
        ("reference: load_series, 1,000 rows", "load", normal, {}, False),
        (f"xlsx bomb ({bomb.stat().st_size / 1e6:.1f} MB, declares 1.1 GB)", "load", bomb, {}, False),
        ("parquet, 200,000 rows, TSR_MAX_ROWS=100000", "load", parquet, {"TSR_MAX_ROWS": "100000"}, False),
        ("crafted sniffer input, 64 KB", "load", sniff, {}, False),
        (f"  same input, old csv.Sniffer (cut at {SNIFFER_TIMEOUT_S} s)", "sniffer", sniff, {}, False),
        ("10,000-column header", "load", wide, {}, False),
        ("2 MB header of one repeated name", "load", duplicates, {}, False),
        ("+-1e308 in the target", "load", extreme, {}, False),
        ("inf, -inf, 1e309 in the target", "load", infinite, {}, False),
        ("malformed xlsx (broken workbook.xml)", "load", malformed, {}, False),
        ("zip member packed with deflate64", "load", method, {}, False),
        ("1,000 sheets of notes, then the data (searched: 50)", "load", notes, {}, False),
        ("fill gaps, hourly 1678..2261 (22 rows)", "load", centuries, {}, True),
    ]


def run_case(kind: str, path: Path, env: dict[str, str], fill: bool,
             timeout: float = 120) -> tuple[float | None, float | None, str]:
    """Seconds in the call and the child's peak memory in MB (None when cut off), and its error."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("TSR_MAX")} | env
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), kind, str(path), "1" if fill else "0"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, text=True)
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return None, None, f"still running after {timeout:g} s: killed"
    if not out.strip():
        return None, None, (err.strip().splitlines() or ["(no output)"])[-1]
    result = json.loads(out.strip().splitlines()[-1])
    return result["seconds"], result["peak_mb"], result["error"]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases = build_corpus(Path(folder))
        print(f"{'case':<48} {'seconds':>8} {'peak MB':>8}  error (first 80 characters)")
        for label, kind, path, env, fill in cases:
            timeout = SNIFFER_TIMEOUT_S if kind == "sniffer" else 120
            seconds, peak, error = run_case(kind, path, env, fill, timeout)
            shown = "-" if seconds is None else f"{seconds:.3f}"
            memory = "-" if peak is None else f"{peak:.0f}"
            print(f"{label:<48} {shown:>8} {memory:>8}  {error[:80] or '(loaded)'}")


if __name__ == "__main__":
    main()
