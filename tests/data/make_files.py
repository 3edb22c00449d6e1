"""Writes the messy and bad sample files used by tests/core/test_ingestion.py.

The files are committed; rerun this only to change them: `python tests/data/make_files.py`.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"]


def write(name: str, text: str, encoding: str = "utf-8", newline: str = "\n") -> None:
    (HERE / name).write_bytes(text.replace("\n", newline).encode(encoding))


def good_files() -> None:
    write("semicolon_decimal_comma.csv", "Datum;Umsatz\n" + "".join(
        f"{d:02d}.01.2020;{1000 + d}.{d:03d},5\n" for d in range(1, 13)))
    write("tab_separated.tsv", "date\tvalue\n" + "".join(f"2021-02-{d:02d}\t{d * 1.5}\n" for d in range(1, 15)))
    write("pipe_month_abbrev.csv", "month|sales\n" + "".join(f"{MONTHS[i % 12]} {1980 + i // 12}|{100 + i}\n"
                                                             for i in range(24)))
    write("quoted_thousands_crlf.csv", '"Month","Passengers"\n\n' + "".join(
        f'"1949-{m:02d}","{112 + m},{m:03d}"\n' for m in range(1, 13)) + "\n\n", newline="\r\n")
    write("utf8_bom_accents.csv", "Année,Valeur (€)\n" + "".join(f"{1990 + i},{i * 2}\n" for i in range(10)),
          encoding="utf-8-sig")
    write("utf16_bom.csv", "date,niveau\n" + "".join(f"2020-01-{d:02d},{d}\n" for d in range(1, 11)), encoding="utf-16")
    write("latin1_header.csv", "Période;Température\n" + "".join(f"2019-{m:02d};{m},25\n" for m in range(1, 13)),
          encoding="cp1252")
    write("month_names_full.csv", "period,value\n" + "".join(f"{FULL[m]} 1980,{m}\n" for m in range(12)))
    write("year_m_month.csv", "TIME,OBS_VALUE\n" + "".join(f"1980M{m:02d},{m * 10}\n" for m in range(1, 13)))
    write("quarters_compact.csv", "quarter,gdp\n" + "".join(f"{1956 + i // 4}Q{i % 4 + 1},{500 + i}\n" for i in range(12)))
    write("quarters_q_first.csv", "Period,Value\n" + "".join(f"Q{i % 4 + 1} {1965 + i // 4},{i}\n" for i in range(12)))
    write("quarters_spaced.csv", "Period,Value\n" + "".join(f"{1956 + i // 4} Q{i % 4 + 1},{i}\n" for i in range(12)))
    ends = pd.date_range("1971-01-31", periods=12, freq="ME")
    write("day_first_slash.csv", "date,value\n" + "".join(f"{d:%d/%m/%Y},{i}\n" for i, d in enumerate(ends)))
    write("month_first_slash.csv", "date,value\n" + "".join(f"{d:%m/%d/%Y},{i}\n" for i, d in enumerate(ends)))
    starts = pd.date_range("2020-01-01", periods=12, freq="MS")
    write("ambiguous_slash.csv", "date,value\n" + "".join(f"{d:%d/%m/%Y},{i}\n" for i, d in enumerate(starts)))
    write("dotted_day_first.csv", "Datum,Wert\n" + "".join(f"{d:%d.%m.%Y},{i}\n" for i, d in enumerate(ends)))
    write("plain_years.csv", "year,lynx\n" + "".join(f"{1821 + i},{269 + 7 * i}\n" for i in range(20)))
    write("unix_epochs.csv", "timestamp,load\n" + "".join(f"{1577836800 + 3600 * i},{50 + i}\n" for i in range(48)))
    stamps = pd.date_range("2021-03-27 22:00", periods=8, freq="h", tz="Europe/Berlin")
    write("timezone_aware.csv", "time,value\n" + "".join(f"{s.isoformat()},{i}\n" for i, s in enumerate(stamps)))
    write("no_date_column.csv", "reading\n" + "".join(f"{i * 0.5}\n" for i in range(15)))
    write("index_column.csv", ",Month,Passengers\n" + "".join(f"{i},1949-{i + 1:02d},{112 + i}\n" for i in range(12)))
    write("currency_percent.csv", "date,revenue,margin\n" + "".join(
        f'2022-{m:02d}-01, "$1,{m:03d}.50" ,{10 + m}%\n' for m in range(1, 13)))
    write("odd_headers.csv", " Date of sale ; Sales (USD) ; Units sold \n" + "".join(
        f"2022-{m:02d}-01;{m * 3};{m}\n" for m in range(1, 13)))
    write("space_thousands.csv", "date;value\n" + "".join(f"2022-{m:02d}-01;112 {m:03d},5\n" for m in range(1, 13)))
    rows = [f"2021-{m:02d},{m}" for m in range(12, 0, -1)] + ["2021-03,3", "2021-05,9"]
    write("unsorted_duplicates.csv", "month,y\n" + "\n".join(rows) + "\n")
    write("missing_values.csv", "month,y\n" + "".join(f"2021-{m:02d},{'' if m in (4, 5) else m * 2}\n"
                                                       for m in range(1, 13)))
    write("gaps.csv", "month,y\n" + "".join(f"2021-{m:02d},{m}\n" for m in range(1, 13) if m not in (6, 7)))
    write("zeros_and_negatives.csv", "t,v\n" + "".join(f"2020-{m:02d},{(m % 3) - 1}\n" for m in range(1, 13)))
    write("constant.csv", "t,v\n" + "".join(f"2020-{m:02d},7\n" for m in range(1, 13)))
    frame = pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=24, freq="MS"), "sales": range(24)})
    with pd.ExcelWriter(HERE / "workbook.xlsx") as writer:
        frame.to_excel(writer, sheet_name="first", index=False)
        frame.assign(sales=frame["sales"] * 10).to_excel(writer, sheet_name="second", index=False)
    frame.to_parquet(HERE / "series.parquet", index=False)


def bad_files() -> None:
    write("bad_empty.csv", "")
    write("bad_header_only.csv", "month,value\n")
    (HERE / "bad_binary.csv").write_bytes(bytes(range(256)) * 8)
    write("bad_html.csv", "<!DOCTYPE html>\n<html><head><title>Download</title></head><body>Sign in</body></html>\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "two files: which one to read is not for the reader to guess\n")
        archive.writestr("data.csv", "a,b\n1,2\n")
    (HERE / "bad_zip_renamed.csv").write_bytes(buffer.getvalue())
    write("bad_ragged.csv", "a,b\n1,2\n3,4\n5,6,7,8\n9,10\n")
    write("bad_no_numeric.csv", "month,name\n" + "".join(f"2020-{m:02d},abc\n" for m in range(1, 13)))
    write("bad_target_blank.csv", "month,value\n" + "".join(f"2020-{m:02d},\n" for m in range(1, 13)))
    write("bad_target_text.csv", "month,value\n" + "".join(f"2020-{m:02d},n/a{m}\n" for m in range(1, 13)))
    write("bad_too_few_rows.csv", "month,value\n" + "".join(f"2020-{m:02d},{m}\n" for m in range(1, 6)))


if __name__ == "__main__":
    good_files()
    bad_files()
