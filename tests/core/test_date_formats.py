"""Time columns written as ISO weeks, ``yyyymm``, ``mm/yyyy``, ``... UTC`` or Excel serial days are the dates."""
from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import future_dates
from core.data.read import read_table
from core.data.tidy import LoadOptions, load_series
from core.errors import DataError

ROWS = 30


def _csv(header: str, stamps: list[str] | list[int], values: np.ndarray | None = None) -> bytes:
    """A two-column CSV: the time column as written, then ``sales`` (seeded noise unless given)."""
    values = np.random.default_rng(5).normal(100, 10, len(stamps)).round(1) if values is None else values
    lines = [f"{header},sales"] + [f"{stamp},{value}" for stamp, value in zip(stamps, values)]
    return ("\n".join(lines) + "\n").encode()


def _iso_weeks(first: str, rows: int, spelled: str = "{y}-W{w:02d}") -> list[str]:
    mondays = pd.date_range(first, periods=rows, freq="W-MON")
    return [spelled.format(y=day.isocalendar().year, w=day.isocalendar().week, yy=f"{day.isocalendar().year % 100:02d}")
            for day in mondays]


WEEKS = pd.date_range("2020-11-02", periods=ROWS, freq="W-MON")


def _weekly(spelled: str = "{y}-W{w:02d}") -> tuple[list[str], pd.DatetimeIndex, str]:
    """A row of ``FORMATS``: ``WEEKS`` written ``spelled`` (ISO years and weeks), the stamps and the frequency."""
    return _iso_weeks("2020-11-02", ROWS, spelled), WEEKS, "weekly"


MONTHS = pd.date_range("2015-01-01", periods=ROWS, freq="MS")
DAYS = pd.date_range("2021-01-20", periods=ROWS, freq="D")
QUARTERS = pd.date_range("2015-01-01", periods=ROWS, freq="QS")
HALVES = pd.date_range("2005-01-01", periods=ROWS, freq="6MS")
HOURS = pd.date_range("2021-03-14 20:00", periods=ROWS, freq="h")  # across noon and midnight, day 14: month first
QUARTERS_1990S = pd.date_range("1995-01-01", periods=ROWS, freq="QS")  # across 2000: two-digit years in two centuries
MONTHS_1990S = pd.date_range("1998-11-01", periods=ROWS, freq="MS")

# Month names as exports in other languages write them, January first.
GERMAN = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
          "Dezember"]
FRENCH = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
SPANISH = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
ITALIAN = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"]
DUTCH = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
RUSSIAN_OF = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
              "декабря"]
POLISH = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień", "październik",
          "listopad", "grudzień"]
PORTUGUESE = ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]

# name -> (time column as written, expected stamps, frequency)
FORMATS = {
    "iso week": _weekly(),
    "iso week compact": _weekly("{y}W{w:02d}"),
    "iso week and day": _weekly("{y}-W{w:02d}-1"),
    "yyyymm": ([f"{d:%Y%m}" for d in MONTHS], MONTHS, "monthly"),
    "mm/yyyy": ([f"{d:%m/%Y}" for d in MONTHS], MONTHS, "monthly"),
    "m/yyyy": ([f"{d.month}/{d.year}" for d in MONTHS], MONTHS, "monthly"),
    "yyyy/mm": ([f"{d:%Y/%m}" for d in MONTHS], MONTHS, "monthly"),
    "utc suffix": ([f"{d:%Y-%m-%d %H:%M:%S} UTC" for d in pd.date_range("2023-01-01", periods=ROWS, freq="h")],
                   pd.date_range("2023-01-01", periods=ROWS, freq="h"), "hourly"),
    "gmt suffix": ([f"{d:%Y-%m-%d %H:%M} GMT" for d in pd.date_range("2023-01-01", periods=ROWS, freq="D")],
                   pd.date_range("2023-01-01", periods=ROWS, freq="D"), "daily"),
    "excel serial": ([int((d - pd.Timestamp("1899-12-30")).days) for d in MONTHS], MONTHS, "monthly"),
    "yyyy MON (ONS)": ([f"{d:%Y %b}".upper() for d in MONTHS], MONTHS, "monthly"),
    "yyyy-Mon": ([f"{d:%Y-%b}" for d in MONTHS], MONTHS, "monthly"),
    "yyyy Month": ([f"{d:%Y %B}" for d in MONTHS], MONTHS, "monthly"),
    "yyyy März (German)": ([f"{d.year} {GERMAN[d.month - 1]}" for d in MONTHS], MONTHS, "monthly"),
    "yyyy-Mon-dd": ([f"{d:%Y-%b-%d}" for d in DAYS], DAYS, "daily"),
    "dd-Mon-yyyy": ([f"{d:%d-%b-%Y}" for d in DAYS], DAYS, "daily"),
    "dd-Mon-yy": ([f"{d:%d-%b-%y}" for d in DAYS], DAYS, "daily"),
    "hour ending T24:00:00": ([f"{d - pd.Timedelta(hours=1):%Y-%m-%d}T24:00:00" if d.hour == 0
                               else f"{d:%Y-%m-%dT%H:%M:%S}" for d in HOURS], HOURS, "hourly"),
    "hour ending 24:00": ([f"{d - pd.Timedelta(hours=1):%Y-%m-%d} 24:00" if d.hour == 0 else f"{d:%Y-%m-%d %H:%M}"
                           for d in HOURS], HOURS, "hourly"),
    "d month yyyy г. (Russian)": ([f"{d.day} {RUSSIAN_OF[d.month - 1]} {d.year} г." for d in DAYS], DAYS, "daily"),
    "month yyyy (Polish)": ([f"{POLISH[d.month - 1]} {d.year}" for d in MONTHS], MONTHS, "monthly"),
    "yyyy年m月 (Chinese, Japanese)": ([f"{d.year}年{d.month}月" for d in MONTHS], MONTHS, "monthly"),
    "yyyy年m月d日": ([f"{d.year}年{d.month}月{d.day}日" for d in DAYS], DAYS, "daily"),
    "1Q2018": ([f"{d.quarter}Q{d.year}" for d in QUARTERS], QUARTERS, "quarterly"),
    "dd.mm.yy (German)": ([f"{d:%d.%m.%y}" for d in DAYS], DAYS, "daily"),
    "dd-mm-yy (a UK till)": ([f"{d:%d-%m-%y}" for d in DAYS], DAYS, "daily"),  # 'No time column was read'
    "mm-dd-yy monthly": ([f"{d:%m-%d-%y}" for d in MONTHS], MONTHS, "monthly"),  # not years on the 15th
    # Read day first as 21 January 2020, 21 January 2021, ...: monthly with a thousand stamps missing.
    "yy/mm/dd": ([f"{d:%y/%m/%d}" for d in DAYS], DAYS, "daily"),
    "yy-mm-dd": ([f"{d:%y-%m-%d}" for d in DAYS], DAYS, "daily"),
    "yy/mm/dd monthly": ([f"{d:%y/%m/%d}" for d in MONTHS], MONTHS, "monthly"),
    "yy.mm.dd across 2000": ([f"{d:%y.%m.%d}" for d in QUARTERS_1990S], QUARTERS_1990S, "quarterly"),
    "Kibana's MMM D, YYYY @ HH:mm:ss.SSS": ([f'"{d:%b} {d.day}, {d:%Y @ %H:%M:%S}.000"' for d in HOURS], HOURS,
                                            "hourly"),
    "dd.mm.yy hh:mm": ([f"{d:%d.%m.%y %H:%M}" for d in HOURS], HOURS, "hourly"),
    "dd Mon yyyy": ([f"{d:%d %b %Y}" for d in DAYS], DAYS, "daily"),
    "dd Month yyyy": ([f"{d:%d %B %Y}" for d in DAYS], DAYS, "daily"),
    "Mon dd, yyyy": ([f'"{d:%b %d, %Y}"' for d in DAYS], DAYS, "daily"),
    "Day, dd Mon yyyy": ([f'"{d:%a, %d %b %Y}"' for d in DAYS], DAYS, "daily"),
    "Mon. yyyy": ([f"{d:%b}. {d:%Y}" for d in MONTHS], MONTHS, "monthly"),
    "Mon. yyyy and Sept": ([f"{d:%b}. {d:%Y}".replace("May.", "May").replace("Sep.", "Sept") for d in MONTHS], MONTHS,
                           "monthly"),
    "Qq/yyyy": ([f"Q{d.quarter}/{d.year}" for d in QUARTERS], QUARTERS, "quarterly"),
    "EViews yyyy:q": ([f"{d.year}:{d.quarter}" for d in QUARTERS], QUARTERS, "quarterly"),
    "EViews yyyy:mm": ([f"{d.year}:{d.month:02d}" for d in MONTHS], MONTHS, "monthly"),
    "yyyy-Hh": ([f"{d.year}-H{(d.month - 1) // 6 + 1}" for d in HALVES], HALVES, "half-yearly"),
    "Eurostat semester yyyy-Ss": ([f"{d.year}-S{(d.month - 1) // 6 + 1}" for d in HALVES], HALVES, "half-yearly"),
    "fiscal year": ([f"FY{d.year}" for d in pd.date_range("1990", periods=ROWS, freq="YS")],
                    pd.date_range("1990", periods=ROWS, freq="YS"), "yearly"),
    "fiscal year two digits": ([f"FY {d:%y}" for d in pd.date_range("1990", periods=ROWS, freq="YS")],
                               pd.date_range("1990", periods=ROWS, freq="YS"), "yearly"),
    "fiscal quarter": ([f"FY{d:%y} Q{d.quarter}" for d in QUARTERS], QUARTERS, "quarterly"),
    "quarter of a fiscal year": ([f"Q{d.quarter} FY{d.year}" for d in QUARTERS], QUARTERS, "quarterly"),
    "fiscal year span": ([f"{d.year}/{(d.year + 1) % 100:02d}" for d in pd.date_range("1985", periods=ROWS, freq="YS")],
                         pd.date_range("1985", periods=ROWS, freq="YS"), "yearly"),
    "fiscal year span long": ([f"{d.year}-{d.year + 1}" for d in pd.date_range("1985", periods=ROWS, freq="YS")],
                              pd.date_range("1985", periods=ROWS, freq="YS"), "yearly"),
    "Hh yyyy": ([f"H{(d.month - 1) // 6 + 1} {d.year}" for d in HALVES], HALVES, "half-yearly"),
    "Stata ddmonyyyy": ([f"{d:%d%b%Y}".lower() for d in DAYS], DAYS, "daily"),
    "US 12-hour clock": ([f"{d.month}/{d.day}/{d.year} {d:%I:%M:%S %p}".replace(" 0", " ") for d in HOURS], HOURS,
                         "hourly"),
    "ISO 12-hour clock": ([f"{d:%Y-%m-%d %I:%M %p}" for d in HOURS], HOURS, "hourly"),
    "German Month yyyy": ([f"{GERMAN[d.month - 1]} {d:%Y}" for d in MONTHS], MONTHS, "monthly"),
    "German Mon yyyy": ([f"{GERMAN[d.month - 1][:3]} {d:%Y}" for d in MONTHS], MONTHS, "monthly"),
    "German dd. Month yyyy": ([f"{d.day}. {GERMAN[d.month - 1]} {d:%Y}" for d in DAYS], DAYS, "daily"),
    "French mon.-yy": ([f"{FRENCH[d.month - 1]}-{d:%y}" for d in MONTHS], MONTHS, "monthly"),
    "Spanish mon-yy": ([f"{SPANISH[d.month - 1]}-{d:%y}" for d in MONTHS], MONTHS, "monthly"),
    "Italian dd month yyyy": ([f"{d.day} {ITALIAN[d.month - 1]} {d:%Y}" for d in MONTHS], MONTHS, "monthly"),
    "Dutch mon yyyy": ([f"{DUTCH[d.month - 1]} {d:%Y}" for d in MONTHS], MONTHS, "monthly"),
    "Portuguese mon/yyyy": ([f"{PORTUGUESE[d.month - 1]}/{d:%Y}" for d in MONTHS], MONTHS, "monthly"),
    "Portuguese mon/yy": ([f"{PORTUGUESE[d.month - 1]}/{d:%y}" for d in MONTHS], MONTHS, "monthly"),
    "IMF SDMX yyyy-Mmm": ([f"{d:%Y}-M{d:%m}" for d in MONTHS], MONTHS, "monthly"),
    "tsibble yyyy Www": _weekly("{y} W{w:02d}"),
    "SAS MONYY7.": ([f"{d:%b%Y}".upper() for d in MONTHS], MONTHS, "monthly"),
    "SAS DATETIME20.": ([f"{d:%d%b%Y:%H:%M:%S}".upper() for d in HOURS], HOURS, "hourly"),
    "Stata %tc": ([f"{d:%d%b%Y %H:%M:%S}".lower() for d in HOURS], HOURS, "hourly"),
    "LibreOffice mm/dd/yy hh:mm AM": ([f"{d:%m/%d/%y %I:%M %p}" for d in HOURS], HOURS, "hourly"),
    "LibreOffice dd/mm/yy hh:mm": ([f"{d:%d/%m/%y %H:%M}" for d in HOURS], HOURS, "hourly"),
    "SAS MONYY5.": ([f"{d:%b%y}".upper() for d in MONTHS_1990S], MONTHS_1990S, "monthly"),
    "Excel Long Date (US)": ([f'"{d:%A}, {d:%B} {d.day}, {d.year}"' for d in DAYS], DAYS, "daily"),
    "Excel Long Date (UK)": ([f'"{d:%A}, {d.day} {d:%B %Y}"' for d in DAYS], DAYS, "daily"),
    "Day, Mon d, yyyy": ([f'"{d:%a}, {d:%b} {d.day}, {d.year}"' for d in DAYS], DAYS, "daily"),
    "German KW ww/yyyy": _weekly("KW {w:02d}/{y}"),
    "German KWww yyyy": _weekly("KW{w:02d} {y}"),
    "German KW ww/yy": _weekly("KW {w:02d}/{yy}"),  # 'No time column was read'
    "German yyyy-KWww": _weekly("{y}-KW{w:02d}"),
    "Www yyyy": _weekly("W{w:02d} {y}"),
    "Week w yyyy": _weekly("Week {w} {y}"),
    "Qq'yy": ([f"Q{d.quarter}'{d:%y}" for d in QUARTERS_1990S], QUARTERS_1990S, "quarterly"),
    "Qq 'yy": ([f"Q{d.quarter} '{d:%y}" for d in QUARTERS], QUARTERS, "quarterly"),
    "historian mm/dd/yyyy hh:mm:ss.fff": ([f"{d:%m/%d/%Y %H:%M:%S}.000" for d in HOURS], HOURS, "hourly"),
    "historian 12-hour clock with milliseconds": ([f"{d:%m/%d/%Y %I:%M:%S}.000 {d:%p}" for d in HOURS], HOURS,
                                                  "hourly"),
    "PI dd-Mon-yy hh:mm:ss": ([f"{d:%d-%b-%y %H:%M:%S}" for d in HOURS], HOURS, "hourly"),
    # Niagara's history export: a two-digit year with a 12-hour clock and the zone's name
    "Niagara dd-Mon-yy hh:mm:ss AM EST": ([f"{d:%d-%b-%y %I:%M:%S %p} EST" for d in HOURS], HOURS, "hourly"),
    "dd-Mon-yy hh:mm AM": ([f"{d:%d-%b-%y %I:%M %p}" for d in HOURS], HOURS, "hourly"),
    "ONS yyyyMON": ([f"{d:%Y%b}".upper() for d in MONTHS], MONTHS, "monthly"),
    "week m/d - m/d/yyyy": ([f"{d.month}/{d.day} - {e.month}/{e.day}/{e.year}" for d, e in
                             zip(WEEKS, WEEKS + pd.Timedelta(days=6))], WEEKS,
                            "weekly"),
}


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("header", ["date", "x"])
def test_the_time_column_is_read_as_dates(name: str, header: str) -> None:
    written, expected, frequency = FORMATS[name]
    if header == "x" and name in ("yyyymm", "excel serial"):
        pytest.skip("numbers are tried as dates only under a date-like name (see the guards below)")
    series = load_series(_csv(header, written), "x.csv")
    assert (series.date_col, series.target, series.frequency.name) == (header, "sales", frequency)
    assert series.frame["ds"].tolist() == list(expected)


def test_a_two_digit_year_first_is_said_and_a_short_run_of_days_is_read_as_days() -> None:
    days = pd.date_range("2023-01-01", periods=12, freq="D")  # 23/01/01 to 23/01/12: as even read as 2001 to 2012
    series = load_series(_csv("date", [f"{d:%y/%m/%d}" for d in days]), "x.csv")
    assert series.frame["ds"].tolist() == list(days)
    said = [notice for notice in series.report.notices if notice.key == "notice.year_first"]
    assert len(said) == 1 and said[0].params["format"] == "yy/mm/dd"
    as_written = load_series(_csv("date", [f"{d:%d/%m/%y}" for d in days]), "x.csv")  # 01/01/23: days, day first
    assert as_written.frame["ds"].tolist() == list(days)
    assert not [notice for notice in as_written.report.notices if notice.key == "notice.year_first"]
    forced = load_series(_csv("date", [f"{d:%y/%m/%d}" for d in days]), "x.csv", LoadOptions(day_first=True))
    assert forced.frame["ds"].iloc[0] == pd.Timestamp("2001-01-23")  # the order chosen stands
    months = pd.date_range("2024-01-01", periods=12, freq="MS")  # the tenth review: a leap year's months, read year
    for first in (months, months + pd.Timedelta(days=14)):  # first (2001-01-24 to 2001-12-24) as a day shorter
        written = [f"{d:%d.%m.%y}" for d in first]
        assert load_series(_csv("Datum", written), "x.csv").frame["ds"].tolist() == list(first)
    clauses = "Clause,Revised,Pages\n" + "".join(f"12.{k // 5 + 1}.{k % 5 + 1},{d:%m/%d/%Y},{3 + k % 4}\n" for k, d
                                                 in enumerate(pd.date_range("2024-01-01", periods=15, freq="W-MON")))
    assert load_series(clauses.encode(), "sections.csv").date_col == "Revised"  # clauses 12.1.1 are no dates


def test_iso_weeks_read_53_week_years_and_forecast_into_the_next_year() -> None:
    written = _iso_weeks("2020-12-21", 54)  # 2020-W52, 2020-W53, 2021-W01, ..., 2021-W52
    assert written[:3] == ["2020-W52", "2020-W53", "2021-W01"] and written[-1] == "2021-W52"
    series = load_series(_csv("week", written), "x.csv")
    assert series.frame["ds"].iloc[1] == pd.Timestamp("2020-12-28")
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2021-12-27")
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 2)
    assert list(ahead) == [pd.Timestamp("2022-01-03"), pd.Timestamp("2022-01-10")]  # 2022-W01, 2022-W02


def test_a_week_53_its_year_lacks_is_an_unreadable_row() -> None:
    written = _iso_weeks("2021-01-04", ROWS)
    written[5] = "2021-W53"  # 2021 has 52 ISO weeks
    series = load_series(_csv("week", written), "x.csv")
    assert series.date_col == "week" and len(series.frame) == ROWS - 1 and series.report.rows_dropped == 1
    notice = next(notice for notice in series.report.notices if notice.key == "notice.bad_dates")
    assert "('2021-W53')" in notice and notice.params["examples"] == "'2021-W53'"


def test_yyyymm_with_a_month_13_is_not_dates() -> None:
    written = [f"{d:%Y%m}" for d in MONTHS]
    written[3] = "201513"
    series = load_series(_csv("month", written), "x.csv")
    assert series.date_col is None and series.frequency.name == "steps"


def test_yyyymm_as_an_evenly_rising_first_column_is_the_dates() -> None:
    written = [f"{d:%Y%m}" for d in MONTHS[:12]]  # 201501 ... 201512: rising by 1 every row
    series = load_series(_csv("t", written), "x.csv")
    assert series.date_col == "t" and series.frequency.name == "monthly"


def test_six_digit_sales_beside_a_date_column_stay_the_target() -> None:
    sales = np.random.default_rng(7).integers(201000, 210000, ROWS)
    sales[:4] = [201501, 201502, 201503, 201504]  # even a head that reads as months
    data = _csv("date", [f"{d:%Y-%m-%d}" for d in MONTHS], sales)
    series = load_series(data, "x.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("date", "sales", "monthly")
    assert series.frame["y"].tolist() == sales.astype(float).tolist()


def test_six_digit_year_months_under_a_value_name_stay_the_target() -> None:
    """Every value a valid year-month, yet the column is named as the measure and a date column is there."""
    values = [int(f"{d:%Y%m}") for d in MONTHS]
    series = load_series(_csv("period", [f"{d:%Y-%m}" for d in MONTHS], np.array(values)), "x.csv")
    assert (series.date_col, series.target) == ("period", "sales")


def test_whole_numbers_that_are_each_a_day_written_yyyymmdd_are_the_dates_under_any_name() -> None:
    # SAP's table export: BUDAT (the posting date, 20150101, 20150201, ...: up by 100, by 8,900 at a new year) and
    # DMBTR (the amount). No time column was found, and the dates were the target, forecast as numbers.
    days = [int(f"{d:%Y%m%d}") for d in MONTHS]
    amounts = 1000 + 12.5 * np.arange(ROWS)
    rows = [f"{day},{amount}" for day, amount in zip(days, amounts)]
    series = load_series(("BUDAT,DMBTR\n" + "\n".join(rows) + "\n").encode(), "sap.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("BUDAT", "DMBTR", "monthly")
    assert list(series.frame["ds"]) == list(MONTHS) and series.frame["y"].tolist() == amounts.tolist()
    blank = rows[::-1]  # newest first, one date blank: the column is typed as floats (20150101.0)
    blank[4] = f",{amounts[-5]}"
    series = load_series(("BUDAT,DMBTR\n" + "\n".join(blank) + "\n").encode(), "sap.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("BUDAT", "DMBTR", ROWS - 1)
    assert series.frame["ds"].iloc[-1] == MONTHS[-1] and series.frame["y"].iloc[-1] == amounts[-1]
    beside = "Date,BLDAT,DMBTR\n" + "".join(f"{d:%Y-%m-%d},{day},{amount}\n"
                                             for d, day, amount in zip(MONTHS, days, amounts))
    assert load_series(beside.encode(), "sap.csv").target == "DMBTR"  # the document date is no measure
    named = load_series(_csv("date", [f"{d:%Y-%m-%d}" for d in MONTHS], np.array(days)), "x.csv")
    assert (named.date_col, named.target) == ("date", "sales")  # named as the measure: the measure
    days[3] = 20151301  # no month 13: numbers
    assert load_series(_csv("BUDAT", days), "x.csv").date_col is None


@pytest.mark.parametrize(("name", "written", "step"), [("TRANS_DT", "%Y%m%d", "D"), ("LOSS_DTTM", "%Y%m%d%H%M", "h"),
                                                       ("START_TIME_UTC", "%Y%m%d%H%M%S", "h")])
def test_whole_number_stamps_under_a_date_name_are_read_past_an_extracts_trailer(name: str, written: str,
                                                                                 step: str) -> None:
    # Duck Creek's pipe-delimited claims extract ('HDR|...' first, 'TRL|000020758' last, its row count under
    # TRANS_DT): the dates were forecast as the target; a carrier's CDR's START_TIME_UTC 20240205092816 were steps
    stamps = pd.date_range("2022-01-03 09:28:16", periods=ROWS, freq=step)
    lines = ["HDR|DCT_CLAIMS_FIN|20240102|PROD", f"CLAIM_NBR|{name}|TRANS_AMT"]
    lines += [f"C{40982825 + 7 * k}|{stamp:{written}}|{100 + 3 * k}.25" for k, stamp in enumerate(stamps)]
    series = load_series(("\n".join(lines + [f"TRL|{ROWS:09d}"]) + "\n").encode(), "extract.txt")
    assert (series.date_col, series.target, len(series.frame)) == (name, "TRANS_AMT", ROWS)
    read = pd.to_datetime(stamps.strftime(written), format=written)
    assert list(series.frame["ds"]) == list(read) and series.frame["y"].iloc[0] == 100.25
    assert any(notice.key == "notice.bad_dates" and f"'{ROWS}'" in str(notice)
               for notice in series.report.notices)  # the trailer's row, said


def test_a_plain_amount_of_whole_numbers_like_days_stays_a_number() -> None:
    # the trailer let in above is for names that say dates: an 'Amount' of 20220103 is the amount
    amounts = [20220103 + k for k in range(ROWS)]
    series = load_series(_csv("Date", [f"{d:%Y-%m-%d}" for d in DAYS], np.array(amounts)).replace(
        b",sales", b",Amount"), "x.csv")
    assert (series.date_col, series.target, series.frame["y"].iloc[0]) == ("Date", "Amount", 20220103)


@pytest.mark.parametrize("header", ["x", "sales_id", "serial"])
@pytest.mark.parametrize("step", ["D", "MS"])
def test_integers_in_a_column_not_named_as_dates_are_not_excel_days(header: str, step: str) -> None:
    """Daily serials rise evenly, so the first column is tried as dates: still not read as Excel days."""
    stamps = pd.date_range("2015-01-01", periods=ROWS, freq=step)
    serials = [int((d - pd.Timestamp("1899-12-30")).days) for d in stamps]
    series = load_series(_csv(header, serials), "x.csv")
    assert series.date_col is None and series.frequency.name == "steps"


def test_excel_days_need_whole_numbers_nearly_all_in_range() -> None:
    serials: list[int | float] = [int((d - pd.Timestamp("1899-12-30")).days) for d in MONTHS]
    fraction = list(serials)
    fraction[2] = 42005.5
    assert load_series(_csv("date", fraction), "x.csv").date_col is None
    stray = list(serials)
    stray[2] = 1_000_000_000  # one value out of range: its row is dropped and said (the file ran as steps, silently)
    series = load_series(_csv("date", stray), "x.csv")
    assert series.date_col == "date" and len(series.frame) == ROWS - 1
    assert any("unreadable date was dropped ('1000000000')" in str(notice) for notice in series.report.notices)
    assert load_series(_csv("date", serials[:20] + [19999] * 10), "x.csv").date_col is None  # a third out: no dates


def test_excel_days_named_on_the_command_line_are_read() -> None:
    serials = [int((d - pd.Timestamp("1899-12-30")).days) for d in MONTHS]
    series = load_series(_csv("Datum", serials), "x.csv", LoadOptions(date_col="Datum"))
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2015-01-01") and series.report.date_format == "Excel serial day"


def test_excel_days_under_any_name_are_read_when_the_user_names_the_column() -> None:
    serials = [int((d - pd.Timestamp("1899-12-30")).days) for d in MONTHS]
    series = load_series(_csv("serial", serials), "x.csv", LoadOptions(date_col="serial"))
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2015-01-01") and series.frequency.name == "monthly"


@pytest.mark.parametrize("write", ["{:+03d}:00", "UTC{:+d}"])
def test_local_times_with_their_offset_in_a_column_of_their_own_are_read_with_it(write: str) -> None:
    # local_time, utc_offset: the offset column was ignored, the autumn's two 02:00 hours averaged into one.
    hours = pd.date_range("2023-10-28 00:00", periods=60, freq="h", tz="Europe/Berlin")
    text = "local_time,utc_offset,load_mw\n" + "".join(
        f"{hour:%Y-%m-%d %H:%M},{write.format(int(hour.utcoffset().total_seconds()) // 3600)},{k}\n"
        for k, hour in enumerate(hours))
    series = load_series(text.encode(), "load.csv")
    assert (len(series.frame), series.frequency.name, series.report.gaps) == (60, "hourly", 0)
    assert series.frame["y"].tolist() == list(range(60))  # no two hours combined


def test_utc_suffix_is_read_as_utc_among_offsets() -> None:
    written = ["2023-01-01 00:00:00 UTC", "2023-01-01 02:00:00+01:00"] + [
        f"{d:%Y-%m-%d %H:%M:%S} UTC" for d in pd.date_range("2023-01-01 02:00", periods=ROWS - 2, freq="h")]
    series = load_series(_csv("time", written), "x.csv")
    assert series.frame["ds"].iloc[1] == pd.Timestamp("2023-01-01 01:00")
    assert series.frequency.name == "hourly"


def test_a_named_column_that_is_not_dates_still_fails_clearly() -> None:
    with pytest.raises(DataError, match="'sales' does not hold dates"):
        load_series(_csv("date", [f"{d:%Y-%m-%d}" for d in MONTHS]), "x.csv", LoadOptions(date_col="sales"))


def test_dates_written_two_ways_are_each_read_by_their_own_format_and_said() -> None:
    # A file put together from two exports: ISO days in most rows, "Jan 2015" in every fifth.
    written = [f"{d:%b %Y}" if i % 5 == 0 else f"{d:%Y-%m-%d}" for i, d in enumerate(MONTHS)]
    loaded = load_series(_csv("month", written), "mixed.csv", LoadOptions())
    assert loaded.frame["ds"].tolist() == list(MONTHS) and loaded.frequency.name == "monthly"
    said = [notice for notice in loaded.report.notices if notice.key == "notice.mixed_dates"]
    assert len(said) == 1 and said[0].params["ways"] == 2 and "(Mar 2021; 2021-03-31)" in str(said[0]), str(said[0])


def test_day_first_dates_of_one_shape_are_read_in_one_order_beside_another_way() -> None:
    # 13/01/2015 settles day first for the d/m/yyyy cells; ISO cells beside them do not change that.
    written = [f"{d.day}/{d.month}/{d.year}" if i % 2 else f"{d:%Y-%m-%d}"
               for i, d in enumerate(pd.date_range("2015-01-10", periods=ROWS, freq="D"))]
    loaded = load_series(_csv("day", written), "mixed.csv", LoadOptions())
    assert loaded.frame["ds"].tolist() == list(pd.date_range("2015-01-10", periods=ROWS, freq="D"))


def test_text_that_is_only_partly_dates_is_not_the_time_column() -> None:
    # Half the cells are words: no way of reading covers nearly every cell, so rows are numbered.
    written = [f"{d:%Y-%m-%d}" if i % 2 else "pending" for i, d in enumerate(MONTHS)]
    loaded = load_series(_csv("note", written), "notes.csv", LoadOptions())
    assert loaded.date_col is None and loaded.frequency.name == "steps"


def test_daily_stamps_across_a_daylight_saving_change_keep_their_calendar_days() -> None:
    days = pd.date_range("2023-03-10", periods=ROWS, freq="D")
    written = [f"{d:%Y-%m-%d} 00:00:00{'+01:00' if d < pd.Timestamp('2023-03-26') else '+02:00'}" for d in days]
    loaded = load_series(_csv("day", written), "dst.csv", LoadOptions())
    assert loaded.frame["ds"].tolist() == list(days) and loaded.frequency.name == "daily"
    assert not loaded.report.notices


def test_hourly_stamps_across_a_daylight_saving_change_stay_evenly_spaced_and_say_so() -> None:
    hours = pd.date_range("2023-03-25 22:00", periods=ROWS, freq="h", tz="Europe/Berlin")
    written = [f"{h:%Y-%m-%d %H:%M:%S%z}" for h in hours]
    loaded = load_series(_csv("time", written), "dst.csv", LoadOptions())
    assert loaded.frequency.name == "hourly" and loaded.report.gaps == 0
    assert loaded.frame["ds"].iloc[-1] == hours[-1].tz_convert("+01:00").tz_localize(None)
    assert [notice.key for notice in loaded.report.notices] == ["notice.first_offset"]
    # Downloads write the offset they were read on: bare, the forecast's first hour read as the file's last one.
    from core.data.write import report_download

    assert loaded.report.utc_offset == "+01:00" and "(+01:00)" in str(loaded.report.notices[0])
    written_back = pd.read_csv(io.StringIO(report_download(loaded.frame, loaded.report)))["ds"]
    assert list(pd.to_datetime(written_back, utc=True)) == list(hours.tz_convert("UTC"))
    assert written_back.iloc[-1] == f"{hours[-1].tz_convert('+01:00'):%Y-%m-%d %H:%M:%S}+01:00"


def test_each_series_of_a_long_file_says_its_times_are_read_on_the_first_offset() -> None:
    # Grafana's 'Series;Time;Value' across a clock change: one series alone said so, a file of two said nothing
    from core.panel.choice import PanelChoice, read_panel

    hours = pd.date_range("2024-03-30 00:00", periods=72, freq="h", tz="Europe/Berlin")
    text = "Series;Time;Value\n" + "".join(f"{name};{h:%Y-%m-%dT%H:%M:%S%z};{k % 9 + 10}\n"
                                           for name in ("db-01", "db-02") for k, h in enumerate(hours))
    panel = read_panel(text.encode(), "grafana.csv", LoadOptions(), PanelChoice(("Series",)))
    for task in panel.tasks:
        series = task.load()
        assert "notice.first_offset" in [notice.key for notice in series.report.notices]
        assert series.report.utc_offset == "+01:00"


def test_a_series_of_a_long_file_whose_times_carry_only_the_first_offset_says_nothing_of_it() -> None:
    # Lagos keeps +01:00 all year, Berlin moves to +02:00, Tokyo keeps +09:00: Lagos' times are read as written
    from core.panel.choice import PanelChoice, read_panel

    text = "Series;Time;Value\n" + "".join(
        f"{name};{h:%Y-%m-%dT%H:%M:%S%z};{k % 9 + 10}\n" for name in ("Africa/Lagos", "Europe/Berlin", "Asia/Tokyo")
        for k, h in enumerate(pd.date_range("2024-03-30", periods=72, freq="h", tz="UTC").tz_convert(name)))
    panel = read_panel(text.encode(), "grafana.csv", LoadOptions(), PanelChoice(("Series",)))
    said = {task.unique_id: task.load().report for task in panel.tasks}
    assert {uid: [notice.key for notice in report.notices] for uid, report in said.items()} == {
        "Africa/Lagos": [], "Europe/Berlin": ["notice.first_offset"], "Asia/Tokyo": ["notice.first_offset"]}
    assert {report.utc_offset for report in said.values()} == {"+01:00"}


def test_the_command_line_writes_times_read_on_the_first_offset_with_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core import cli

    hours = pd.date_range("2023-03-20", "2023-04-09 23:00", freq="h", tz="Europe/Berlin")
    path, out = tmp_path / "berlin.csv", tmp_path / "predictions.csv"
    pd.DataFrame({"time": [h.isoformat() for h in hours], "kwh": 1 + np.arange(len(hours)) % 24}).to_csv(path,
                                                                                                        index=False)
    assert cli.main(["fit", str(path), "--model", "snaive", "--horizon", "2", "--out", str(out)]) == 0
    stamps = pd.read_csv(out)["ds"]
    assert stamps.iloc[len(hours) - 1] == "2023-04-09 22:00:00+01:00"  # the file's 23:00+02:00, the same instant
    assert list(stamps.iloc[len(hours):]) == ["2023-04-09 23:00:00+01:00", "2023-04-10 00:00:00+01:00"]
    stores = pd.concat([pd.read_csv(path).assign(store=store) for store in ("a", "b")])  # several series: the same
    stores.to_csv(path, index=False)
    assert cli.main(["fit", str(path), "--model", "naive", "--horizon", "1", "--out", str(out)]) == 0
    assert pd.read_csv(out)["ds"].str.endswith("+01:00").all()


def test_times_on_one_utc_offset_are_written_back_with_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core import cli

    # Times all at +05:30 were read on their clock and written bare: the forecast's hours lost the offset the file gave.
    hours = pd.date_range("2024-01-01", periods=24 * 20, freq="h")
    path, out = tmp_path / "ist.csv", tmp_path / "predictions.csv"
    path.write_text("time,load\n" + "".join(f"{h:%Y-%m-%dT%H:%M:%S}+05:30,{100 + k % 24}\n"
                                           for k, h in enumerate(hours)))
    loaded = load_series(path.read_bytes(), "ist.csv")
    assert loaded.report.utc_offset == "+05:30" and not loaded.report.notices and loaded.frame["ds"].iloc[0] == hours[0]
    assert cli.main(["fit", str(path), "--model", "snaive", "--horizon", "2", "--out", str(out)]) == 0
    stamps = pd.read_csv(out)["ds"]
    assert stamps.iloc[0] == "2024-01-01 00:00:00+05:30" and stamps.iloc[-1] == "2024-01-21 01:00:00+05:30"
    utc = load_series(path.read_text().replace("+05:30", "Z").encode(), "utc.csv")
    assert utc.report.utc_offset == "" and utc.frame["ds"].iloc[0] == hours[0]  # UTC's own times stay bare
    per_day = load_series(path.read_bytes(), "ist.csv", LoadOptions(per="day"))
    assert "notice.per_local_time" not in [notice.key for notice in per_day.report.notices]  # one offset, not several


def test_daily_stamps_of_a_long_file_keep_their_days_across_a_daylight_saving_change() -> None:
    from core.data.parsing import parse_dates

    # Each day once per series: the spacing is that of the distinct stamps, not the zero steps between repeats.
    days = pd.date_range("2015-03-27", periods=5, freq="D")
    written = [f"{d:%Y-%m-%d}T00:00:00{'+01:00' if d < pd.Timestamp('2015-03-29') else '+02:00'}" for d in days] * 3
    parsed, found = parse_dates(pd.Series(written))
    assert found == "ISO 8601" and parsed.tolist() == list(days) * 3


@pytest.mark.parametrize(("first", "expected_first"), [("1949-01-01", "1949-01-01"), ("1960-01-01", "1960-01-01"),
                                                       ("2001-01-01", "2001-01-01"), ("1930-01-01", "1930-01-01")])
def test_two_digit_years_are_read_as_excel_reads_them(first: str, expected_first: str) -> None:
    # Python's pivot reads 49 as 2049 and 60-68 as 2060-2068: AirPassengers as "Jan-49" would be in the future, and a
    # series across 1968/69 would be reordered with a gap of 1,000 months. Excel: 00-29 are 2000-2029, 30-99 1930-1999.
    months = pd.date_range(first, periods=192, freq="MS")
    for written in ([f"{d:%b-%y}" for d in months], [f"{d:%m/%d/%y}" for d in months]):
        series = load_series(_csv("month", written, np.arange(192.0)), "x.csv")
        assert series.frame["ds"].iloc[0] == pd.Timestamp(expected_first)
        assert series.frame["ds"].tolist() == list(months)
        assert series.frame["y"].tolist() == list(np.arange(192.0))


def test_eviews_periods_written_with_two_digits_are_months_even_up_to_04() -> None:
    stamps = [f"{year}:{month:02d}" for year in (2021, 2022, 2023) for month in range(1, 5)]
    series = load_series(_csv("obs", stamps), "x.csv")
    assert series.frame["ds"].iloc[:5].dt.strftime("%Y-%m").tolist() == ["2021-01", "2021-02", "2021-03", "2021-04",
                                                                          "2022-01"]


@pytest.mark.parametrize("header", ["Week ending", "month", "Period"])
def test_excel_days_under_a_name_of_a_period_are_read(header: str) -> None:
    weeks = pd.date_range("2022-01-08", periods=ROWS, freq="W-SAT")
    series = load_series(_csv(header, [int((d - pd.Timestamp("1899-12-30")).days) for d in weeks]), "x.csv")
    assert (series.date_col, series.frequency.name) == (header, "weekly") and series.frame["ds"].iloc[0] == weeks[0]


@pytest.mark.parametrize(("words", "written"), [("w/c ", "%d/%m/%Y"), ("Week ending ", "%d %b %Y"),
                                               ("W/E: ", "%Y-%m-%d"), ("Week of ", "%B %d %Y")])
def test_weeks_written_with_words_before_their_date_are_those_dates(words: str, written: str) -> None:
    weeks = pd.date_range("2024-01-07", periods=ROWS, freq="W-SUN")
    series = load_series(_csv("Week", [f"{words}{week.strftime(written)}" for week in weeks]), "x.csv")
    assert series.frequency.name == "weekly" and list(series.frame["ds"]) == list(weeks)


@pytest.mark.parametrize("written", ["%a %d/%m/%Y", "%a %m/%d/%Y", "%A %Y-%m-%d", "%a. %d.%m.%Y"])
def test_days_written_with_their_weekday_before_the_digits_are_those_days(written: str) -> None:
    # Excel's custom format "ddd dd/mm/yyyy" ("Mon 02/01/2023"): the rows were numbered as steps.
    days = pd.date_range("2023-01-02", periods=ROWS, freq="D")
    series = load_series(_csv("Day", [day.strftime(written) for day in days]), "x.csv")
    assert series.frequency.name == "daily" and list(series.frame["ds"]) == list(days)


def test_words_before_only_some_dates_leave_the_column_unread_as_dates() -> None:
    cells = [f"w/c {week:%Y-%m-%d}" if n % 2 else f"note {n}" for n, week in
             enumerate(pd.date_range("2024-01-07", periods=ROWS, freq="W-SUN"))]
    assert load_series(_csv("Week", cells), "x.csv").frequency.name == "steps"


def test_fiscal_years_are_read_as_the_years_they_name_and_said_so() -> None:
    stamps = [f"FY{year}" for year in range(1991, 1991 + ROWS)]  # a label, not a date: the rows ran as steps before
    series = load_series(_csv("Fiscal Year", stamps), "x.csv")
    assert series.frequency.name == "yearly" and series.frame["ds"].iloc[0] == pd.Timestamp("1991-01-01")
    said = [str(notice) for notice in series.report.notices]
    assert any("'Fiscal Year' holds fiscal years: they are read as the calendar years they name" in line
               for line in said), said


@pytest.mark.parametrize(("header", "spelled", "frequency", "said"), [
    ("Accident Year", "AY {y}", "yearly", True), ("Policy Year", "PY{y}", "yearly", True),
    ("Underwriting Year", "UY {y} Q{q}", "quarterly", True), ("Calendar Period", "CY{y}Q{q}", "quarterly", False),
])
def test_an_actuarys_accident_policy_underwriting_and_calendar_years_are_read_as_the_years_they_name(
        header: str, spelled: str, frequency: str, said: bool) -> None:
    # a loss triangle's ultimates by 'AY 2008' and a paid-loss report by 'CY2015Q1' ran as steps
    quarterly = frequency == "quarterly"
    cells = [spelled.format(y=2008 + (k // 4 if quarterly else k), q=k % 4 + 1) for k in range(ROWS)]
    series = load_series(_csv(header, cells), "x.csv")
    assert series.frequency.name == frequency and series.frame["ds"].iloc[0] == pd.Timestamp("2008-01-01")
    assert series.frame["ds"].iloc[1] == pd.Timestamp("2008-04-01" if quarterly else "2009-01-01")
    notices = [notice for notice in series.report.notices if notice.key == "notice.cohort_years"]
    assert len(notices) == said and all(f"'{header}' holds accident, policy or underwriting years" in str(notice)
                                        for notice in notices)


def test_fiscal_years_written_as_two_years_are_not_months() -> None:
    stamps = [f"{year}/{(year + 1) % 100:02d}" for year in range(2001, 2012)]  # 2005/06 reads as June 2005 with %Y/%m
    series = load_series(_csv("Year", stamps), "x.csv")
    assert series.frequency.name == "yearly"
    assert series.frame["ds"].tolist() == list(pd.date_range("2001", periods=11, freq="YS"))


def test_a_time_column_of_numbers_past_the_calendar_is_named_when_the_rows_become_steps() -> None:
    years = list(range(9990, 9990 + ROWS))  # past 9999: pandas' calendar ends there
    series = load_series(_csv("year", years), "x.csv")
    assert series.frequency.is_steps
    assert series.frame["ds"].tolist() == years  # kept as written: a forecast goes on from the last
    assert any("'year' holds whole numbers, not dates" in str(notice) for notice in series.report.notices)


def _weeks_of(first_days: pd.DatetimeIndex, weekday: int) -> tuple[list[int], list[int]]:
    """(year, week) of each day's week, week 1 holding 4 January and starting on ``weekday`` (0 Monday, 6 Sunday)."""
    years, weeks = [], []
    for day in first_days:
        year = day.year + 1
        while (start := pd.Timestamp(year=year, month=1, day=4)) and \
                start - pd.Timedelta(days=(start.weekday() - weekday) % 7) > day:
            year -= 1
        first = start - pd.Timedelta(days=(start.weekday() - weekday) % 7)
        years.append(year)
        weeks.append((day - first).days // 7 + 1)
    return years, weeks


@pytest.mark.parametrize(("first", "weekday", "day"), [("2015-12-28", 0, "Monday"), ("2013-12-29", 6, "Sunday")])
def test_a_year_and_a_week_number_make_weekly_dates(first: str, weekday: int, day: str) -> None:
    # CDC's FluView (YEAR, WEEK) was read as yearly means, or as 52 series of one week each. Its weeks start on Sunday
    # and count 53 in 2014 and 2020; ISO weeks start on Monday and count 53 in 2015 and 2020.
    starts = pd.date_range(first, periods=380, freq="7D")
    years, weeks = _weeks_of(starts, weekday)
    values = 100 + 10 * np.sin(np.arange(380) * 2 * np.pi / 52)
    text = "REGION,YEAR,WEEK,ILITOTAL\n" + "".join(f"X,{y},{w},{v:.2f}\n" for y, w, v in zip(years, weeks, values))
    series = load_series(text.encode(), "fluview.csv")
    assert series.frequency.name == "weekly" and series.report.gaps == 0 and len(series.frame) == 380
    assert list(series.frame["ds"]) == list(starts) and series.frame["y"].to_numpy() == pytest.approx(values, abs=0.01)
    assert any(f"read as" in notice and f"from {day}" in notice for notice in series.report.notices)


@pytest.mark.parametrize("header", ["MMWR Year,MMWR Week", "mmwr_year,mmwr_week", "epiweek"])
def test_the_cdcs_week_columns_make_weekly_dates(header: str) -> None:
    # 'MMWR Year, MMWR Week' was refused ("only 4 distinct time stamps"); an 'epiweek' column (201301, ..., 201453, as
    # FluView and Delphi's Epidata write it) was taken for the target, the counts beside it ignored, without a word.
    starts = pd.date_range("2012-12-30", periods=209, freq="7D")  # MMWR weeks 2013-01 to 2016-52 (2014: 53)
    years, weeks = _weeks_of(starts, 6)
    cells = [f"{y}{w:02d}" if header == "epiweek" else f"{y},{w}" for y, w in zip(years, weeks)]
    text = f"{header},cases\n" + "".join(f"{cell},{300 + k % 52}\n" for k, cell in enumerate(cells))
    series = load_series(text.encode(), "ili.csv")
    assert (series.target, series.frequency.name, len(series.frame)) == ("cases", "weekly", 209)
    assert list(series.frame["ds"]) == list(starts)
    assert any("US CDC (MMWR) weeks" in notice for notice in series.report.notices)


def test_the_bls_year_and_period_codes_make_months_without_the_years_averages() -> None:
    rows = [(2000 + i // 13, f"M{i % 13 + 1:02d}", 250 + i) for i in range(13 * 3)]
    text = "series_id     \tyear\tperiod\t   value\tfootnote_codes\n" + "".join(
        f"CUUR0000SA0   \t{y}\t{p}\t  {v:.3f}\t\n" for y, p, v in rows)
    series = load_series(text.encode(), "cu.txt")
    assert series.frequency.name == "monthly" and len(series.frame) == 36  # 39 rows, 3 of them M13: the average
    assert series.frame["ds"].iloc[12] == pd.Timestamp("2001-01-01") and series.frame["y"].iloc[12] == 263.0
    assert "3 rows coded M13 (the year's average) were left out." in series.report.notices


def test_the_bls_halves_of_a_year_are_left_out_of_a_monthly_series_or_read_as_halves() -> None:
    # A regional CPI file's S01, S02 (the halves' averages) and S03 (the year's): "only 6 distinct time stamps".
    codes = [f"M{m:02d}" for m in range(1, 14)] + ["S01", "S02", "S03"]
    rows = [(year, code, 200 + 12 * (year - 2018) + int(code[1:])) for year in range(2018, 2024) for code in codes]
    text = "series_id\tyear\tperiod\tvalue\n" + "".join(f"CUURS49ASA0\t{y}\t{p}\t{v}.000\n" for y, p, v in rows)
    series = load_series(text.encode(), "cu.txt")
    assert (series.frequency.name, len(series.frame), series.frame["y"].iloc[12]) == ("monthly", 72, 213.0)
    assert "24 rows coded M13, S01, S02, S03 (averages of the halves or the whole year's average) were left out." \
        in series.report.notices
    halves = "series_id\tyear\tperiod\tvalue\n" + "".join(f"CUUS\t{y}\t{p}\t{v}\n" for y, p, v in rows if p[0] == "S")
    series = load_series(halves.encode(), "cu.txt")
    assert (len(series.frame), series.frame["ds"].iloc[1]) == (12, pd.Timestamp("2018-07-01"))


def test_a_date_named_otherwise_and_the_hour_or_year_month_day_and_hour_make_hourly_stamps() -> None:
    # UCI's bike sharing (dteday, hr) was read as daily means, or as 24 series; year, month, day, hour as one row.
    hours = pd.date_range("2011-01-01", periods=72, freq="h")
    bike = "instant,dteday,hr,cnt\n" + "".join(f"{i},{h:%Y-%m-%d},{h.hour},{i % 24}\n" for i, h in enumerate(hours))
    parts = "year,month,day,hour,temp\n" + "".join(f"{h.year},{h.month},{h.day},{h.hour},{i}\n"
                                                   for i, h in enumerate(hours))
    for text in (bike, parts):
        series = load_series(text.encode(), "hours.csv")
        assert series.frequency.name == "hourly" and list(series.frame["ds"]) == list(hours)


def test_two_unnamed_columns_of_years_and_month_names_make_months() -> None:
    # GENESIS tables (the German statistics office) head their year and month columns with blank cells: the years
    # were read as the dates, the month names dropped, and each year's months averaged into one row.
    months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"]
    text = ";;Wert\n;;2020=100\n" + "".join(f"{2018 + i // 12};{months[i % 12]};{100 + i},5\n" for i in range(36))
    series = load_series(text.encode("utf-8"), "genesis.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 36
    assert series.frame["ds"].iloc[13] == pd.Timestamp("2019-02-01") and series.frame["y"].iloc[13] == 113.5


@pytest.mark.parametrize("name", ["SP", "HR", "interval"])
def test_a_year_and_month_beside_a_value_named_like_a_period_still_make_months(name: str) -> None:
    # A value column named SP, HR or interval was taken for a day's periods, and the months were not combined.
    text = f"Year,Month,{name}\n" + "".join(f"{2020 + i // 12},{i % 12 + 1},{100 + i}\n" for i in range(48))
    series = load_series(text.encode(), "values.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 48 and series.target == name


def test_whole_numbers_named_as_steps_are_kept_as_step_numbers() -> None:
    values = np.arange(ROWS) * 2.0 + 5
    series = load_series(_csv("t", list(range(101, 101 + ROWS)), values), "x.csv")
    assert series.frequency.is_steps and series.date_col == "t"
    assert series.frame["ds"].tolist() == list(range(101, 101 + ROWS))
    assert future_dates(series.frame["ds"].iloc[-1], series.frequency, 2).tolist() == [101 + ROWS, 102 + ROWS]
    named = load_series(_csv("step", list(range(ROWS, 0, -1)), values), "x.csv", LoadOptions(date_col="step"))
    assert named.frame["ds"].tolist() == list(range(1, ROWS + 1))  # chosen and named so: in any order, then sorted
    with pytest.raises(DataError, match="does not hold dates"):  # a measure chosen as the time column by a slip
        load_series(_csv("units", [k * 7 % 11 for k in range(ROWS)], values), "x.csv", LoadOptions(date_col="units"))
    cycle = load_series(_csv("period", [k % 12 + 1 for k in range(ROWS)], values), "x.csv")
    assert cycle.frame["ds"].tolist() == list(range(ROWS))  # 1..12 again and again: not steps of one series
    seconds = load_series(_csv("time", [60 * k for k in range(ROWS)], values), "x.csv")
    assert seconds.date_col is None  # steps of 60 would forecast 1741 after 1740: the rows are numbered instead


def test_entsoe_intervals_are_read_by_their_start_and_a_day_ahead_forecast_is_no_date() -> None:
    hours = pd.date_range("2023-03-25", periods=72, freq="h")
    lines = ['"Time (CET/CEST)","Day-ahead Total Load Forecast [MW] - BZN|DE-LU","Actual Total Load [MW] - BZN|DE-LU"']
    lines += [f'"{a:%d.%m.%Y %H:%M} - {a + pd.Timedelta(hours=1):%d.%m.%Y %H:%M}","{47000 + k}","{46000 + k}"'
              for k, a in enumerate(hours)]
    series = load_series(("\n".join(lines) + "\n").encode(), "load.csv")
    assert series.date_col == "Time (CET/CEST)" and series.frequency.name == "hourly"
    assert series.frame["ds"].tolist() == list(hours) and series.target.startswith("Actual Total Load")
    serial = load_series(_csv("Day-ahead Forecast [MW]", list(range(47000, 47000 + ROWS))), "x.csv")
    assert serial.date_col is None  # 47,000 MW are no Excel serial days (they were read as dates of 2028)
    priced = load_series(_csv("Price Date", list(range(44927, 44927 + ROWS))), "x.csv")
    assert (priced.date_col, priced.frequency.name) == ("Price Date", "daily")  # a target word beside a date word


@pytest.mark.parametrize("write", ["{a:%Y-%m-%d %H:%M} - {b:%Y-%m-%d %H:%M}", "{a:%Y-%m-%dT%H:%M}/{b:%Y-%m-%dT%H:%M}",
                                   "{a:%Y-%m-%dT%H:%M:%SZ}/{b:%Y-%m-%dT%H:%M:%SZ}",
                                   "\"{a:%Y-%m-%d %H:%M},{b:%Y-%m-%d %H:%M}\"",
                                   "{a:%Y-%m-%d %H:%M} to {b:%Y-%m-%d %H:%M}"])
def test_intervals_written_with_iso_dates_are_read_by_their_start(write: str) -> None:
    # (Matomo writes a week's range in one quoted cell: "2023-01-02,2023-01-08", read as steps.)
    # Only dotted or slashed starts were intervals: ISO ones fell back to row steps ("No time column was read").
    hours = pd.date_range("2023-01-01", periods=30, freq="h")
    stamps = [write.format(a=a, b=a + pd.Timedelta(hours=1)) for a in hours]
    series = load_series(_csv("MTU", stamps, np.arange(30.0)), "x.csv")
    assert series.frame["ds"].tolist() == list(hours) and series.frequency.name == "hourly"


def test_midnights_written_as_the_date_alone_among_date_times_are_kept() -> None:
    hours = pd.date_range("2024-01-01", periods=72, freq="h")  # R's write.csv of POSIXct: "2024-01-01" at midnight
    stamps = [f"{h:%Y-%m-%d}" if h.hour == 0 else f"{h:%Y-%m-%d %H:%M:%S}" for h in hours]
    series = load_series(_csv("time", stamps, np.arange(72.0)), "x.csv")
    assert series.frame["ds"].tolist() == list(hours) and series.report.gaps == 0  # 3 rows were dropped as unreadable


@pytest.mark.parametrize(("per_year", "stamps"), [(12, MONTHS), (4, QUARTERS)])
def test_years_with_fractions_as_r_writes_time_of_a_ts_are_months_or_quarters(per_year: int,
                                                                              stamps: pd.DatetimeIndex) -> None:
    fractions = [repr(d.year + (d.month - 1) // (12 // per_year) / per_year) for d in stamps]  # 1949.0833333333333
    series = load_series(_csv("time", fractions), "x.csv")
    assert series.frame["ds"].tolist() == list(stamps)  # they were steps, without a word
    rounded = [f"{float(value):.4f}" for value in fractions]  # 1949.0833
    assert load_series(_csv("time", rounded), "x.csv").frame["ds"].tolist() == list(stamps)


def test_whole_years_written_as_decimals_are_years() -> None:
    # A float column's years (1990.0, as pandas writes one with a blank cell) were step numbers with no calendar.
    series = load_series(b"Year,Value\n" + b"".join(b"%d.0,%d\n" % (1990 + i, 100 + i) for i in range(12)), "x.csv")
    assert series.frequency.unit == "yearly" and series.frame["ds"].iloc[-1] == pd.Timestamp("2001-01-01")
    assert not [notice for notice in series.report.notices if notice.key == "notice.step_numbers"]
    halves = load_series(b"Year,Value\n" + b"".join(b"%d.5,%d\n" % (1990 + i, 100 + i) for i in range(12)), "x.csv")
    assert halves.frequency.unit != "yearly"  # mid-years are no calendar this loader reads


@pytest.mark.parametrize(("days", "option", "first"), [
    (["01/02/2024"], {"day_first": True}, "2024-02-01"), (["01/02/2024"], {"day_first": False}, "2024-01-02"),
    (["01/01/2024", "01/02/2024"], {}, "2024-01-01"), (["13/01/2024", "14/01/2024"], {}, "2024-01-13")])
def test_days_and_times_in_two_columns_are_read_in_the_order_asked_for_and_said(
        days: list[str], option: dict[str, bool], first: str) -> None:
    # Read day first whatever was asked for, without a word; two days of hours, 1 January and 1 February.
    rows = "".join(f"{day},{hour:02d}:00,{1000 + hour}\n" for day in days for hour in range(24))
    series = load_series(f"Date,Time,Load\n{rows}".encode(), "load.csv", LoadOptions(**option))
    assert series.frame["ds"].iloc[0] == pd.Timestamp(first) and series.frequency.unit == "hourly"
    assert not series.report.gaps
    said = " ".join(map(str, series.report.notices))
    assert ("fit both day-first and month-first" in said) == (not option and days[0].startswith("01/"))


@pytest.mark.parametrize(("date", "time", "clock"), [("Delivery Date", "Hour Ending", range(1, 25)),
                                                     ("Delivery Date", "Time", range(24)),
                                                     ("trade_date", "hour_ending", range(1, 25))])
def test_a_power_markets_delivery_date_and_hour_are_one_hourly_series(date: str, time: str, clock: range) -> None:
    # 24 daily series, one an hour: the date and hour columns were not known by these names.
    rows = "".join(f"2024-01-{day:02d},{hour:02d}:00,{20 + hour % 7 + day}\n" for day in range(1, 11) for hour in clock)
    series = load_series(f"{date},{time},Price\n{rows}".encode(), "prices.csv")
    assert series.frequency.unit == "hourly" and len(series.frame) == 240 and not series.report.gaps
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2024-01-01") + pd.Timedelta(hours=clock[0])


def test_only_a_time_of_day_column_joins_the_date_and_an_hour_ending_24_follows_the_order_asked_for() -> None:
    # 'Response Time' beside 'Time' left nothing combined (3 usable rows); 'Avg Handle Time' (00:05:12) was joined to
    # the date as its time of day; 'Due Date' beside 'Date' left nothing combined.
    hours = [f"{hour:02d}:00" for hour in range(24)]
    logger = "Date,Time,Response Time,Requests\n" + "".join(
        f"2024-01-{day:02d},{hour},00:00:0{day},{day * 100 + i}\n" for day in (1, 2, 3) for i, hour in enumerate(hours))
    assert list(read_table(logger.encode(), "log.csv").columns) == ["Date Time", "Response Time", "Requests"]
    calls = "Date,Calls,Avg Handle Time\n" + "".join(f"2024-01-{day:02d},{50 + day},00:05:{day:02d}\n"
                                                     for day in range(1, 20))
    assert list(read_table(calls.encode(), "calls.csv").columns) == ["Date", "Calls", "Avg Handle Time"]
    due = "Date,Due Date,Time,Load\n" + "".join(f"2024-01-01,2024-02-01,{hour},{i}\n" for i, hour in enumerate(hours))
    assert list(read_table(due.encode(), "due.csv").columns)[:2] == ["Date Time", "Due Date"]
    # One day of an ERCOT file, hours ending 01:00 to 24:00, 01/05/2024 as a US file means it: 5 January.
    ercot = "Delivery Date,Hour Ending,Price\n" + "".join(f"01/05/2024,{hour:02d}:00,{20 + hour}\n"
                                                           for hour in range(1, 25))
    month_first = load_series(ercot.encode(), "ercot.csv", LoadOptions(day_first=False))
    assert month_first.frame["ds"].iloc[0] == pd.Timestamp("2024-01-05 01:00")
    assert month_first.frame["ds"].iloc[-1] == pd.Timestamp("2024-01-06 00:00")
    said = " ".join(map(str, load_series(ercot.encode(), "ercot.csv").report.notices))
    assert "fit both day-first and month-first" in said


def test_step_numbers_with_one_missing_count_it_as_a_gap_and_filling_inserts_it() -> None:
    steps = [k for k in range(1, ROWS + 2) if k != 7]
    values = np.asarray(steps, dtype=float) * 2.0
    series = load_series(_csv("step", steps, values), "x.csv")
    assert series.report.gaps == 1  # counted as none: every later row sat one step early for the season and lags
    filled = load_series(_csv("step", steps, values), "x.csv", LoadOptions(fill_gaps=True))
    assert filled.frame["ds"].tolist() == list(range(1, ROWS + 2)) and filled.report.gaps == 0
    assert filled.frame.loc[6, "y"] == pytest.approx(14.0)  # between 12 and 16
    assert any("1 missing step number was inserted" in str(notice) for notice in filled.report.notices)
    seconds = load_series(_csv("t", [60 * k for k in range(ROWS)]), "x.csv", LoadOptions(date_col="t"))
    assert seconds.report.gaps == 0  # steps of 60 named as the time column: no 59 missing between each
    rows = load_series(_csv("t", [60 * k for k in range(ROWS)], np.where(np.arange(ROWS) == 4, np.nan, 1.0)),
                       "x.csv", LoadOptions(date_col="", missing="drop"))
    assert rows.report.gaps == 0  # the rows' own numbers: a dropped row is no missing step


@pytest.mark.parametrize("spelled", ["{y} P{p:02d}", "FY{y}-P{p}", "P{p:02d} {y}", "{y} Period {p}"])
def test_fiscal_periods_of_13_a_year_are_steps_and_a_missing_period_is_a_gap(spelled: str) -> None:
    # '2016 P01' ... 'P13' were numbered as rows: one period left out moved every later period's place in the year.
    periods = [(2016 + k // 13, k % 13 + 1) for k in range(52) if k != 20]
    series = load_series(_csv("period", [spelled.format(y=y, p=p) for y, p in periods]), "x.csv")
    assert series.frequency.is_steps and series.date_col == "period" and series.report.gaps == 1
    assert series.frequency.season_length == 13  # seasonal naive repeats last year's period, not the last one
    assert series.frame["ds"].tolist() == [k + 1 for k in range(52) if k != 20]
    assert any("13 to a year" in str(notice) for notice in series.report.notices)
    months = load_series(_csv("period", [f"{2016 + k // 12} P{k % 12 + 1:02d}" for k in range(ROWS)]), "x.csv")
    assert months.frame["ds"].tolist() == list(range(1, ROWS + 1))  # 12 to a year: steps too, numbered the same way
    short = load_series(_csv("period", [f"FY{16 + k // 12} P{k % 12 + 1:02d}" for k in range(ROWS)]), "x.csv")
    assert short.frame["ds"].tolist() == list(range(1, ROWS + 1)) and short.frequency.season_length == 12  # FY16
    other = load_series(_csv("period", [f"{2016 + k // 4} P{k % 4 + 1}" for k in range(ROWS)]), "x.csv")
    assert other.frame["ds"].tolist() == list(range(ROWS))  # 4 to a year is no fiscal calendar read here: rows


def test_stamps_off_an_even_spacing_are_said_and_even_ones_are_not() -> None:
    # A sensor's readings every 10 minutes, give or take 90 s, were taken as every 10 minutes without a word.
    even = pd.date_range("2024-03-01", periods=ROWS, freq="10min")
    jitter = np.random.default_rng(2).integers(-90, 91, ROWS) * pd.Timedelta(seconds=1)
    stamps = [f"{stamp:%Y-%m-%d %H:%M:%S}" for stamp in even + jitter]
    series = load_series(_csv("time", stamps), "x.csv")
    said = [str(notice) for notice in series.report.notices if "not evenly spaced" in str(notice)]
    assert series.frequency.name == "every 10 minutes" and len(said) == 1
    assert "off an even spacing (every 10 minutes)" in said[0] and " min off" in said[0]
    plain = load_series(_csv("time", [f"{stamp:%Y-%m-%d %H:%M}" for stamp in even]), "x.csv")
    assert not any("not evenly spaced" in str(notice) for notice in plain.report.notices)
    late = [f"{stamp + pd.Timedelta(seconds=90 * (row == 0)):%Y-%m-%d %H:%M:%S}" for row, stamp in enumerate(even)]
    said = [str(notice) for notice in load_series(_csv("time", late), "x.csv").report.notices]
    assert any("in 1 of 30 rows" in notice for notice in said)  # one odd first stamp: that row, not the other 29


def test_an_access_logs_local_times_are_read_with_their_offset() -> None:
    # nginx's $time_local, '10/Oct/2023:00:01:04 +0200': no date, the log's rows were numbered as steps.
    seconds = np.sort(np.random.default_rng(2).integers(0, 5 * 86_400, 3000))
    stamps = pd.Timestamp("2023-10-10", tz="+02:00") + pd.to_timedelta(seconds, unit="s")
    text = "remote_addr,time_local,status,body_bytes_sent\n" + "".join(
        f"10.0.0.{k % 250},{t:%d/%b/%Y:%H:%M:%S %z},200,{500 + k % 900}\n" for k, t in enumerate(stamps))
    counted = load_series(text.encode(), "access.csv", LoadOptions(duplicates="count", per="hour"))
    assert counted.frequency.name == "hourly" and counted.frame["ds"].iloc[0] == pd.Timestamp("2023-10-10 00:00")
    assert counted.report.utc_offset == "+02:00"  # written back with it
    last = [str(notice) for notice in counted.report.notices if notice.key == "notice.per_partial_last"]
    assert all("(2023-10-14 23:00)" in said for said in last)  # an hour said with its hour, not its day


@pytest.mark.parametrize("spelled", ["{y}-T{q}", "{y}T{q}", "{y}K{q}", "{y} {q}e kwartaal", "{q}. Quartal {y}",
                                     "{q}er trimestre {y}", "T{q} {y}", "{q}st quarter {y}"])
def test_quarters_as_statistics_offices_write_them(spelled: str) -> None:
    # INSEE's 2010-T1, INE's 2010T1, SCB's 2010K1, CBS's '2010 1e kwartaal' and Destatis's '1. Quartal 2010' were steps
    cells = [spelled.format(y=2010 + k // 4, q=k % 4 + 1) for k in range(ROWS)]
    series = load_series(_csv("period", cells), "x.csv")
    assert series.frequency.name == "quarterly" and series.frame["ds"].iloc[1] == pd.Timestamp("2010-04-01")


@pytest.mark.parametrize(("cells", "frequency", "second"), [
    ([f"平成{12 + k}年" for k in range(ROWS)], "yearly", "2001-01-01"),  # an era's years: 平成12年 is 2000
    ([f"令和{'元' if k < 8 else k // 12 + 1}年{(k + 4) % 12 + 1}月" for k in range(8)]
     + [f"令和{2 + k // 12}年{k % 12 + 1}月" for k in range(ROWS - 8)], "monthly", "2019-06-01"),  # 令和元年 is 2019
    ([f"{2000 + k // 4}年{3 * (k % 4) + 1}月～{3 * (k % 4) + 3}月期" for k in range(ROWS)], "quarterly", "2000-04-01"),
    ([f"{2000 + k // 4}.{k % 4 + 1}/4" for k in range(ROWS)], "quarterly", "2000-04-01"),
    ([f"{day:%Y/%m/%d}(月)" for day in pd.date_range("2023-10-02", periods=ROWS)], "daily", "2023-10-03"),
    ([f"{2010 + k // 12}년 {k % 12 + 1}월" for k in range(ROWS)], "monthly", "2010-02-01"),
    ([f"{day.day} de janeiro de {day.year}" for day in pd.date_range("2020-01-01", periods=ROWS)], "daily",
     "2020-01-02"),
])
def test_japanese_korean_and_portuguese_dates(cells: list[str], frequency: str, second: str) -> None:
    # each was numbered as steps: e-Stat's era years and quarters, KOSIS's quarters, a POS's weekday after the date
    series = load_series(_csv("時点", cells), "x.csv")
    assert series.frequency.name == frequency and series.frame["ds"].iloc[1] == pd.Timestamp(second)


@pytest.mark.parametrize("october", ["10", "1"])
def test_months_written_year_dot_month(october: str) -> None:
    # KOSIS's '2020.01' (and a spreadsheet's 2020.1 for October) were numbered as steps, the periods forecast
    cells = [f"{2020 + k // 12}.{k % 12 + 1:02d}".replace(".10", f".{october}") for k in range(ROWS)]
    series = load_series(_csv("시점", cells), "x.csv")
    assert series.frequency.name == "monthly" and series.frame["ds"].iloc[9] == pd.Timestamp("2020-10-01")
    prices = load_series(_csv("price", [f"{2000 + k % 7}.{k % 12 + 1:02d}" for k in range(ROWS)]), "x.csv")
    assert prices.target == "price" or prices.date_col != "price"  # numbers that do not step by months stay numbers


@pytest.mark.parametrize(("cell", "start"), [("28–30 Jun 2024", "2024-06-28"), ("28 Jun–2 Jul 2024", "2024-06-28"),
                                             ("Dec 8-20, 2023", "2023-12-08"), ("Nov 28-Dec 10, 2023", "2023-11-28"),
                                             ("Dec 28-Jan 3, 2024", "2023-12-28"), ("1-3 Jan 2023", "2023-01-01")])
def test_a_polls_fieldwork_days_are_read_by_their_first_day(cell: str, start: str) -> None:
    from core.data.parsing import _day_range_start, parse_dates

    assert parse_dates(pd.Series([_day_range_start(cell)]))[0].iloc[0] == pd.Timestamp(start)
    days = pd.date_range("2023-01-02", periods=40, freq="7D")  # a pollster's weekly fieldwork, newest first
    ends = days + pd.Timedelta(days=2)
    cells = [f"{day.day}–{end.day} {day:%b %Y}" for day, end in zip(days, ends) if day.month == end.month]
    parsed = parse_dates(pd.Series(cells[::-1]))
    assert parsed is not None and parsed[0].iloc[-1] == days[0]  # 'Survey dates' were steps, the forecast backwards


@pytest.mark.parametrize("label", ["Wk {:02d}", "Week {}", "W{:02d}"])
def test_week_numbers_written_with_a_word_beside_a_year_are_weeks(label: str) -> None:
    weeks = pd.date_range("2022-01-03", periods=80, freq="W-MON")  # a dispatcher's 'Wk 05': '3 distinct time stamps'
    text = "Year,Week,Loads\n" + "".join(
        f"{day.isocalendar()[0]},{label.format(day.isocalendar()[1])},{100 + k % 9}\n" for k, day in enumerate(weeks))
    series = load_series(text.encode(), "loads.csv")
    assert series.frequency.name == "weekly" and series.frame["ds"].iloc[0] == weeks[0]


def test_weekly_counts_that_leave_out_weeks_without_a_case_are_weekly() -> None:
    rng = np.random.default_rng(1)  # CLABSI per week, weeks without one not listed: read 'semi-monthly' (1st, 15th)
    weeks = pd.date_range("2019-01-05", periods=313, freq="W-SAT")
    kept = weeks[rng.random(313) < 0.45]
    text = "Week Ending,CLABSI\n" + "".join(f"{week:%m/%d/%Y},{1 + k % 3}\n" for k, week in enumerate(kept))
    series = load_series(text.encode(), "clabsi.csv")
    assert series.frequency.name == "weekly" and series.report.gaps == (kept[-1] - kept[0]).days // 7 + 1 - len(kept)


def test_timed_entries_after_their_weekday_and_day_ranges_among_days_are_read() -> None:
    entries = "Performance Date,Qty\n" + "".join(
        f'"{day:%a}, {day:%b} {day.day}, {day.year} 10:00 AM",{150 + k % 9}\n'
        for k, day in enumerate(pd.date_range("2024-03-01", periods=30)))
    assert load_series(entries.encode(), "perf.csv").frequency.name == "daily"  # 'Fri, Mar 1, 2024 10:00 AM': steps
    visits = ['"Jan 10, 2024"', '"Jan 16-18, 2024"', '"Jan 29-Feb 2, 2024"', '"Feb 12, 2024"', '"Feb 26-Mar 1, 2024"',
              '"Mar 4-8, 2024"', '"Mar 12, 2024"', '"Mar 18-22, 2024"', '"Apr 2, 2024"', '"Apr 15-19, 2024"']
    text = "Visit Dates,Students\n" + "".join(f"{visit},{40 + k}\n" for k, visit in enumerate(visits))
    series = load_series(text.encode(), "groups.csv")
    assert series.date_col == "Visit Dates" and series.frame["ds"].iloc[2] == pd.Timestamp("2024-01-29")


@pytest.mark.parametrize("form", ["{m} {y:02d}", "{m} '{y:02d}", "{m} ’{y:02d}"])
def test_a_month_and_a_two_digit_year_are_read_where_the_rows_move_month_by_month(form: str) -> None:
    # Excel's 'mmm yy' saved as CSV ('Jan 23') and a report's "Jan '23" were numbered as steps, no calendar
    months = pd.date_range("2018-01-01", periods=ROWS, freq="MS")
    series = load_series(_csv("Month", [form.format(m=f"{day:%b}", y=day.year % 100) for day in months]), "x.csv")
    assert series.frequency.name == "monthly" and series.frame["ds"].iloc[13] == months[13]
    from core.data.parsing import parse_dates

    days = pd.Series([f"Jan {d}" for d in range(10, 32)] + [f"Feb {d}" for d in range(10, 29)])
    assert parse_dates(days) is None  # days without a year keep their month from row to row: no month-years


def test_months_across_the_columns_written_with_two_digit_years_are_each_rows_series() -> None:
    # a producers' table of 'Jan 22' ... 'Dec 23' across its columns was refused: 'Only 4 usable rows'
    months = pd.date_range("2022-01-01", periods=24, freq="MS")
    text = "Country," + ",".join(f"{day:%b %y}" for day in months) + "\n" + "".join(
        f"{name}," + ",".join(str(900 + 50 * k + i % 12 * 4) for i in range(24)) + "\n"
        for k, name in enumerate(["Algeria", "Angola", "Gabon"]))
    raw = read_table(text.encode(), "x.csv")
    assert len(raw) == 3 * 24 and raw["period"].iloc[-1] == "Dec 23" and raw["Country"].iloc[-1] == "Gabon"
    one = load_series(b"\n".join(text.encode().splitlines()[:2]), "x.csv")
    assert one.frequency.name == "monthly" and one.frame["ds"].iloc[-1] == months[-1] and len(one.frame) == 24


@pytest.mark.parametrize("label", ["{y} Wk {w}", "{y}-Wk{w:02d}", "{y} Week {w:02d}"])
def test_weeks_written_with_a_word_after_their_year_are_iso_weeks(label: str) -> None:
    # a planner's '2022 Wk 1' was numbered as steps
    weeks = pd.date_range("2022-01-03", periods=60, freq="W-MON")
    cells = [label.format(y=day.isocalendar()[0], w=day.isocalendar()[1]) for day in weeks]
    series = load_series(_csv("Week", cells), "x.csv")
    assert series.frequency.name == "weekly" and series.frame["ds"].iloc[52] == weeks[52]


def test_years_and_weeks_in_one_number_under_week_are_weeks() -> None:
    # a dashboard's 'Week' of 202201 ... 202328 was step numbers, with 48 'missing' at the new year
    weeks = pd.date_range("2022-01-03", periods=60, freq="W-MON")
    series = load_series(_csv("Week", [f"{day.isocalendar()[0]}{day.isocalendar()[1]:02d}" for day in weeks]), "x.csv")
    assert series.frequency.name == "weekly" and series.frame["ds"].iloc[-1] == weeks[-1]
    months = pd.date_range("2022-01-01", periods=30, freq="MS")  # year and month under 'Week' stay what they were
    other = load_series(_csv("Week", [f"{day:%Y%m}" for day in months]), "x.csv")
    assert other.frequency.name != "weekly"


def test_a_24_hour_clock_without_a_colon_after_the_date_is_read() -> None:
    # a dispatch log's '01/01/2024 0803' was numbered as steps
    stamps = pd.date_range("2024-01-13 00:03", periods=ROWS, freq="37min")
    series = load_series(_csv("Timestamp", [f"{stamp:%m/%d/%Y %H%M}" for stamp in stamps]), "x.csv")
    assert series.frame["ds"].tolist() == list(stamps)


def test_a_billing_period_of_two_dates_is_read_by_its_start() -> None:
    # a utility bill's '01/16/22-02/15/22' was numbered as steps
    starts = pd.date_range("2021-01-01", periods=ROWS, freq="MS") + pd.Timedelta(days=15)
    ends = [start + pd.DateOffset(months=1) - pd.Timedelta(days=1) for start in starts]
    series = load_series(_csv("Billing Period", [f"{s:%m/%d/%y}-{e:%m/%d/%y}" for s, e in zip(starts, ends)]), "x.csv")
    assert series.frequency.name == "monthly" and series.frame["ds"].iloc[0] == starts[0]


@pytest.mark.parametrize("form", ["{d:%a %b} {d.day}, '{d:%y}", "{d:%d-%b-%y} A", "{d:%b} {d.day}, '{d:%y}"])
def test_a_schedules_dates_are_read(form: str) -> None:
    # MS Project's "Mon Jan 2, '23" and Primavera's actual dates '02-Jan-23 A' were numbered as steps
    weeks = pd.date_range("2023-01-02", periods=ROWS, freq="W-MON")
    series = load_series(_csv("Finish", ['"' + form.format(d=day) + '"' for day in weeks]), "x.csv")
    assert series.frequency.name == "weekly" and series.frame["ds"].tolist() == list(weeks)


def test_a_fortnightly_round_a_day_late_after_holidays_is_every_two_weeks() -> None:
    # green-waste collections on Mondays, on the Tuesday after a public holiday: read as semi-monthly, forecast on the
    # 1st and 15th
    days = [pd.Timestamp("2022-07-11") + pd.Timedelta(days=14 * k + (k in {6, 12, 13, 19, 25, 32, 38, 39}))
            for k in range(52)]
    series = load_series(_csv("Date", [f"{day:%d/%m/%Y}" for day in days], np.arange(52) % 7 + 3.0), "route.csv")
    assert series.frequency.name == "every 2 weeks" and series.frequency.alias == "2W-MON"
    assert future_dates(series.frame["ds"].iloc[-1], series.frequency, 2).tolist() == [
        days[-1] + pd.Timedelta(days=14), days[-1] + pd.Timedelta(days=28)]


def test_days_written_as_their_local_midnights_in_utc_are_those_days() -> None:
    # a fleet portal's '2023-10-01T22:00:00Z' for Monday 2 October in Berlin (23:00 in winter): Mondays read as Sundays
    days = pd.date_range("2023-10-02", "2024-03-30", freq="D")
    days = days[days.day_of_week < 6]
    utc = days.tz_localize("Europe/Berlin").tz_convert("UTC")
    series = load_series(_csv("ReportDate", [f"{stamp:%Y-%m-%dT%H:%M:%SZ}" for stamp in utc],
                              np.arange(len(days)) % 5 + 6.0), "telematics.csv")
    assert series.frame["ds"].tolist() == list(days) and series.frequency.season_length == 6
    assert "notice.local_midnights" in [notice.key for notice in series.report.notices]
    noon = load_series(_csv("At", [f"{stamp + pd.Timedelta(hours=13):%Y-%m-%dT%H:%M:%SZ}" for stamp in utc]), "x.csv")
    assert noon.frame["ds"].iloc[0] == utc[0].tz_localize(None) + pd.Timedelta(hours=13)  # readings at 12:00 or 13:00


def test_local_times_with_offsets_beside_their_zone_stay_as_written() -> None:
    # OpenAQ's 'datetimeLocal' (-08:00, then -07:00) beside 'timezone' was taken for UTC and moved 8 hours earlier
    stamps = pd.date_range("2024-03-01 08:00", periods=24 * 20, freq="h", tz="UTC").tz_convert("America/Los_Angeles")
    text = "location_id,parameter,value,unit,datetimeLocal,timezone\n" + "".join(
        f"2178,pm25,{30 if t.hour == 0 else 10},µg/m³,{t.isoformat()},America/Los_Angeles\n" for t in stamps)
    series = load_series(text.encode(), "openaq.csv")
    assert series.frame["ds"].iloc[0].hour == 0 and series.frame["ds"].iloc[0].day == 1
    assert not any(n.key == "notice.named_zone" for n in series.report.notices)


def test_a_date_beside_a_start_time_or_its_camel_case_twin_is_one_stamp() -> None:
    # a utility's 'Usage Date' beside 'Start Time' and 'End Time' and AirNow's 'ValidDate' beside 'ValidTime' were
    # read as 48 and 24 series, one per time of day
    stamps = pd.date_range("2024-03-01", periods=48 * 20, freq="30min")
    usage = "Account Number,Usage Date,Start Time,End Time,Usage (kWh)\n" + "".join(
        f"0012345678,{t:%m/%d/%Y},{t:%H:%M},{t + pd.Timedelta(minutes=29):%H:%M},{0.2 + 0.5 * (17 <= t.hour < 20)}\n"
        for t in stamps)
    airnow = '"AQSID","SiteName","ValidDate","ValidTime","OZONE_AQI","OZONE"\n' + "".join(
        f'"060670006","T Street","{t:%m/%d/%y}","{t:%H:%M}",{30 + t.hour},{25 + t.hour}\n' for t in stamps[::2])
    for text, frequency in ((usage, "half-hourly"), (airnow, "hourly")):
        series = load_series(text.encode(), "interval.csv")
        assert series.frequency.name == frequency and len(series.frame) == len(stamps) // (2 if frequency == "hourly"
                                                                                           else 1)


def test_steps_a_few_seconds_or_hours_off_keep_their_spacing() -> None:
    # PurpleAir's 2 minutes a few seconds off were 'minutely', half the stamps missing; a tanker's pickups every other
    # day at 5 to 8 in the morning were 'daily', 365 stamps missing, and forecast a two-day load every day
    seconds = np.cumsum(120 + (np.arange(3000) * 5) % 7 - 3)
    sensor = "created_at,pm2.5_atm\n" + "".join(
        f"{pd.Timestamp('2024-01-01') + pd.Timedelta(seconds=int(s)):%Y-%m-%d %H:%M:%S} UTC,{10 + k % 9}\n"
        for k, s in enumerate(seconds))
    days = pd.date_range("2023-01-01", periods=200, freq="2D")
    pickups = "Pickup Date,Pickup Time,Pounds\n" + "".join(
        f"{d.month}/{d.day}/{d.year},{5 + k % 3}:{(k * 13) % 60:02d} AM,{19000 + (k * 37) % 900}\n"
        for k, d in enumerate(days))
    for text, name in ((sensor, "every 2 minutes"), (pickups, "every 2 days")):
        series = load_series(text.encode(), "steps.csv")
        assert series.frequency.name == name and not series.report.gaps


def test_hours_of_the_day_beside_a_day_and_pay_days_moved_from_weekends() -> None:
    # Google Ads' 'Day' and 'Hour of the day' (and its 'Total: Account'), Meta's 'Reporting starts' and 'Time of day
    # (ad account time zone)' were read as 24 series, one per hour
    days = pd.date_range("2024-06-01", periods=14, freq="D")
    ads = "Hour of day report\n\"June 1, 2024 - June 14, 2024\"\nDay,Hour of the day,Clicks,Cost\n" + "".join(
        f"{d:%Y-%m-%d},{h},{10 + h},\"{(10 + h) * 1.17:,.2f}\"\n" for d in days for h in range(24)) + \
        "Total: Account,--,\"1,234\",\"1,443.78\"\n"
    meta = "Reporting starts,Reporting ends,Time of day (ad account time zone),Results,Amount spent (USD)\n" + "".join(
        f"{d:%Y-%m-%d},{d:%Y-%m-%d},{h:02d}:00:00 - {h:02d}:59:59,{h // 3},{h * 0.4:.2f}\n"
        for d in days for h in range(24))
    for text in (ads, meta):
        series = load_series(text.encode(), "hours.csv")
        assert series.frequency.name == "hourly" and len(series.frame) == 14 * 24
    # semi-monthly pay days on the 15th and the month's end, moved back from weekends, were forecast on the 1st and
    # 15th; paid on the 1st and 16th, on the 1st and 15th too
    pays = []
    for month in pd.date_range("2022-01-01", periods=36, freq="MS"):
        for day in (month + pd.Timedelta(days=14), month + pd.offsets.MonthEnd(0)):
            pays.append(day - pd.Timedelta(days=max(0, day.day_of_week - 4)))
    text = "Check Date,Gross Pay\n" + "".join(f"{d:%m/%d/%Y},\"{180000 + 9000 * (d.month == 12):,.2f}\"\n"
                                               for d in pays)
    series = load_series(text.encode(), "pay.csv")
    assert series.frequency.name == "semi-monthly"
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 3)
    assert [f"{d:%m-%d}" for d in ahead] == ["01-15", "01-31", "02-15"]
    starts = [m + pd.Timedelta(days=k) for m in pd.date_range("2022-01-01", periods=36, freq="MS") for k in (0, 15)]
    text = "Period Start,Gross Pay\n" + "".join(f"{d:%m/%d/%Y},{180000 + k % 7}\n" for k, d in enumerate(starts))
    series = load_series(text.encode(), "periods.csv")
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 2)
    assert [f"{d:%m-%d}" for d in ahead] == ["01-01", "01-16"]


def test_ga4s_numbered_days_are_dated_from_the_start_date_in_its_notes() -> None:
    # GA4's 'Nth day' 0000, 0001, ... below '# Start date: 20240101' was read as steps: the weekly season lost
    rule = "# ----------------------------------------\n"
    notes = f"{rule}# Reports snapshot\n# Account: Acme Inc\n# Property: Acme\n{rule}#\n# All Users\n" \
            "# Start date: 20240101\n# End date: 20240630\n"
    for unit, alias, step in (("day", "D", pd.Timedelta(days=1)), ("week", "W-MON", pd.Timedelta(days=7))):
        text = notes + f"Nth {unit},Sessions\n" + "".join(f"{k:04d},{5000 + 800 * (k % 7 < 5) + k}\n"
                                                            for k in range(60))
        series = load_series(text.encode(), "ga4.csv")
        assert series.frame["ds"].iloc[0] == pd.Timestamp("2024-01-01")
        assert series.frame["ds"].iloc[1] - series.frame["ds"].iloc[0] == step
        assert series.frequency.alias == alias and any(n.key == "notice.nth_dated" for n in series.report.notices)


def test_a_contact_centres_intervals_read_their_afternoons_quarter_hours_and_day_totals() -> None:
    # '1:00-1:30 PM' (AM or PM written once, after the end) was read as 01:00; Five9's 'QUARTER HOUR' 08:15 AM was 48
    # series; a day's 'Total' row in the date column was a row 'without a date' to correct
    days = pd.bdate_range("2024-01-01", periods=20)
    slots = [d + pd.Timedelta(minutes=30 * k) + pd.Timedelta(hours=8) for d in days for k in range(24)]
    cms = "Date,Interval,ACD Calls\n" + "".join(
        f"{t:%m/%d/%y},{t.hour % 12 or 12}:{t:%M}-{(t + pd.Timedelta(minutes=30)).hour % 12 or 12}:"
        f"{t + pd.Timedelta(minutes=30):%M %p},{5 + t.hour}\n" for t in slots)
    series = load_series(cms.encode(), "cms.csv")
    assert series.frame["ds"].dt.hour.min() == 8 and series.frame["ds"].dt.hour.max() == 19
    quarters = [d + pd.Timedelta(minutes=15 * k) + pd.Timedelta(hours=8) for d in days for k in range(48)]
    five9 = "DATE,QUARTER HOUR,CALLS\n" + "".join(f"{t:%Y/%m/%d},{t:%I:%M %p},{3 + t.hour}\n" for t in quarters)
    assert load_series(five9.encode(), "five9.csv").frequency.name.startswith("every 15 minutes")
    totals = "Date,Interval,Offered\n" + "".join(
        "".join(f"{d:%Y-%m-%d}," if k == 0 else "," for _ in [0]) + f"{8 + k // 2:02d}:{30 * (k % 2):02d},{4 + k}\n"
        + ("Total,,\"1,234\"\n" if k == 23 else "") for d in days for k in range(24))
    read = load_series(totals.encode(), "totals.csv")
    assert len(read.frame) == 20 * 24 and any(n.key == "notice.summary_rows" for n in read.report.notices)
    assert not any("without a date" in str(n) for n in read.report.notices)


@pytest.mark.parametrize(("day", "slot"), [("Date", "Interval"), ("Datum", "Intervall"), ("Date", "Intervalle"),
                                         ("Fecha", "Intervalo"), ("Data", "Intervallo"), ("Datum", "Kwartier"),
                                         ("Datum", "Uhrzeit"), ("Jour", "Quart d'heure")])
def test_an_acds_date_and_half_hour_interval_are_one_stamp_in_its_language(day: str, slot: str) -> None:
    # a German ACD's 'Datum;Intervall' '08:00 - 08:30' was read as 20 daily series by 'Intervall' (English's
    # 'Date;Interval' was one half-hourly series)
    slots = [d + pd.Timedelta(hours=8, minutes=30 * k) for d in pd.bdate_range("2024-02-26", periods=10)
             for k in range(20)]
    text = f"{day};{slot};Angebotene Anrufe;Servicelevel\n" + "".join(
        f"{t:%d.%m.%Y};{t:%H:%M} - {t + pd.Timedelta(minutes=30):%H:%M};{18 + t.hour};85,1 %\n" for t in slots)
    series = load_series(text.encode(), "acd.csv")
    assert series.frequency.name.startswith("half-hourly") and len(series.frame) == len(slots)
    assert list(series.frame["ds"]) == slots and series.frame["y"].iloc[0] == 26


def test_a_booked_as_of_day_a_comma_before_the_time_and_an_hour_written_a_m_are_read() -> None:
    # Schwab's '12/10/2023 as of 12/09/2023' (the file was read without dates), Interactive Brokers'
    # '2022-01-03, 10:00:15', EIA's grid monitor '9/1/2024 1 a.m. EDT' (read as steps: no daily season).
    days = pd.date_range("2023-01-02", periods=40, freq="W-MON")
    booked = [f"{day:%m/%d/%Y}" + (f" as of {day - pd.Timedelta(days=1):%m/%d/%Y}" if i % 3 == 0 else "")
              for i, day in enumerate(days)]
    assert load_series(_csv("Date", booked), "s.csv").frame["ds"].equals(pd.Series(days, name="ds"))
    assert load_series(_csv("Date/Time", [f'"{day:%Y-%m-%d}, 10:00:15"' for day in days]), "i.csv"
                       ).frame["ds"].iloc[-1] == days[-1] + pd.Timedelta("10:00:15")
    hours = pd.date_range("2024-09-01 01:00", periods=72, freq="h")
    spoken = [f"{t.month}/{t.day}/{t.year} {t.hour % 12 or 12} {'a.m.' if t.hour < 12 else 'p.m.'} EDT" for t in hours]
    series = load_series(_csv("Timestamp (Hour Ending)", spoken), "e.csv")
    assert series.frame["ds"].equals(pd.Series(hours, name="ds")) and series.frequency.name == "hourly"


def _mmwr_rows(years: range) -> list[tuple[int, int, pd.Timestamp]]:
    """(year, week, week's last day) of CDC's MMWR weeks in ``years``: week 1 holds 4 January, from Sunday."""
    def first(year: int) -> pd.Timestamp:
        january = pd.Timestamp(year, 1, 4)
        return january - pd.Timedelta(days=(january.dayofweek + 1) % 7)
    return [(year, week, first(year) + pd.Timedelta(days=7 * week - 1)) for year in years
            for week in range(1, (first(year + 1) - first(year)).days // 7 + 1)]


def test_years_and_weeks_of_nine_years_are_weekly_not_yearly_means_of_53_series() -> None:
    # A state's weekly cases (nine years: each week number had nine rows, read as 53 yearly series), FluSurv-NET's
    # season 'YEAR' beside 'MMWR-YEAR' and 'MMWR-WEEK', and a 'Weekly rate' of numbers (not a time column).
    rows = _mmwr_rows(range(2016, 2025))
    values = [30 + 25 * np.cos(2 * np.pi * (week - 28) / 52) for _, week, _ in rows]
    state = "Disease,MMWR Year,MMWR Week,Week Ending Date,Cases\n" + "".join(
        f"Salmonellosis,{year},{week},{end.month}/{end.day}/{end.year},{v:.0f}\n"
        for (year, week, end), v in zip(rows, values))
    series = load_series(state.encode(), "state.csv")
    assert series.date_col == "Week Ending Date" and series.frequency.name == "weekly"
    assert len(series.frame) == len(rows)
    seasons = "CATCHMENT,YEAR,MMWR-YEAR,MMWR-WEEK,CUMULATIVE RATE,WEEKLY RATE\n" + "".join(
        f"Entire Network,{year - (week < 40)}-{(year + (week >= 40)) % 100:02d},{year},{week},{v * 3:.1f},{v:.1f}\n"
        for (year, week, _), v in zip(rows, values))
    series = load_series(seasons.encode(), "flusurv.csv")
    assert series.frequency.name == "weekly" and len(series.frame) == len(rows)
    rate = "YEAR,WEEK,Weekly rate\n" + "".join(f"{year},{week},{v:.1f}\n" for (year, week, _), v in zip(rows, values))
    series = load_series(rate.encode(), "rate.csv")
    assert series.target == "Weekly rate" and series.frequency.name == "weekly" and len(series.frame) == len(rows)


def test_nord_pools_hours_written_as_spans_beside_the_day_are_hourly_stamps() -> None:
    # Elspot's ',Hours,SYS,...' with '00 - 01': 24 daily series by 'Hours', or a daily mean with no id
    days = pd.date_range("2023-01-01", periods=40, freq="D")
    text = ",Hours,SYS,FI\n" + "".join(f"{day:%d-%m-%Y},{hour:02d} - {hour + 1:02d},{50 + 20 * np.sin(hour / 4):.2f},"
                                       f"{60 + hour}\n" for day in days for hour in range(24))
    series = load_series(text.encode(), "elspot-prices_2023_hourly_eur.csv")
    assert series.frequency.name == "hourly" and len(series.frame) == 40 * 24
    assert series.frame["ds"].iloc[25] == pd.Timestamp("2023-01-02 01:00")


def test_ercots_delivery_hour_and_interval_are_quarter_hours_of_the_day() -> None:
    # 'Delivery Date', 'Delivery Hour' 1-24 and 'Delivery Interval' 1-4: 96 daily series, or a daily mean
    days = pd.date_range("2023-10-01", periods=20, freq="D")
    text = "Delivery Date,Delivery Hour,Delivery Interval,Settlement Point Price\n" + "".join(
        f"{day:%m/%d/%Y},{hour},{quarter},{35 + 20 * np.sin(hour / 4) + quarter:.2f}\n"
        for day in days for hour in range(1, 25) for quarter in range(1, 5))
    series = load_series(text.encode(), "RTM_SPP.csv")
    assert series.frequency.name == "every 15 minutes" and len(series.frame) == 20 * 96
    assert series.frame["ds"].iloc[5] == pd.Timestamp("2023-10-01 01:15")


def test_weeks_from_a_first_season_that_ends_at_52_in_a_year_iso_gives_53_are_cdcs() -> None:
    # NREVSS from 2015's week 40: 2015 ends at week 52, which only the CDC's weeks do; read as ISO weeks, a week that
    # is not missing was said to be and interpolated, and every date moved
    rows = [(year, week, end) for year, week, end in _mmwr_rows(range(2015, 2021)) if (year, week) >= (2015, 40)]
    text = "YEAR,WEEK,PERCENT POSITIVE\n" + "".join(f"{y},{w},{5 + 4 * np.sin(w / 8):.2f}\n" for y, w, _ in rows)
    series = load_series(text.encode(), "clinical_labs.csv")
    assert series.report.gaps == 0 and series.frame["ds"].iloc[0] == pd.Timestamp("2015-10-04")


def test_a_weekly_series_last_week_still_running_is_left_out_and_the_forecast_stays_on_its_day() -> None:
    # stooq's weekly prices dated by each week's last trading day (Thursday in Good Friday's weeks), to a Wednesday of
    # the week in progress: three days' volume scored as a week, and the forecast moved to Wednesdays
    fridays = pd.date_range("2022-01-07", "2024-07-26", freq="W-FRI")
    stamps = [day - pd.Timedelta(days=1) if f"{day:%Y-%m-%d}" in ("2022-04-15", "2023-04-07", "2024-03-29") else day
              for day in fridays] + [pd.Timestamp("2024-07-31")]
    series = load_series(_csv("Date", [f"{day:%Y-%m-%d}" for day in stamps]), "aapl_us_w.csv")
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2024-07-26") and series.frequency.alias == "W-FRI"
    assert [notice.key for notice in series.report.notices].count("notice.running_period") == 1


def test_airline_statistics_year_quarter_month_and_year_month_day_of_week_are_dated() -> None:
    # BTS's T-100 (YEAR, QUARTER, MONTH, and AIR_TIME in minutes): nine yearly means of 108 months; its on-time
    # data's YEAR, MONTH, DAY_OF_MONTH beside DAY_OF_WEEK: refused as two time stamps
    months = pd.date_range("2015-01-01", periods=108, freq="MS")
    t100 = "YEAR,QUARTER,MONTH,SEATS,PASSENGERS,AIR_TIME\n" + "".join(
        f"{m.year},{m.quarter},{m.month},{90000 + 500 * m.month}.00,{80000 + 400 * m.month + i}.00,{29000 + i}\n"
        for i, m in enumerate(months))
    series = load_series(t100.encode(), "T_T100D_SEGMENT.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 108 and series.target == "PASSENGERS"
    days = pd.date_range("2022-01-01", periods=200, freq="D")
    ontime = "YEAR,MONTH,DAY_OF_MONTH,DAY_OF_WEEK,FLIGHTS\n" + "".join(
        f"{d.year},{d.month},{d.day},{d.isoweekday()},{300 + 5 * d.dayofweek + d.day}\n" for d in days)
    series = load_series(ontime.encode(), "ontime.csv")
    assert series.frequency.name == "daily" and len(series.frame) == 200 and series.target == "FLIGHTS"


def test_provisional_months_flagged_p_or_capital_p_are_read_as_their_months() -> None:
    # a tourism office's newest months '2024M07 p', '2024M08P', '2024M09 (P)': dropped as unreadable dates
    months = [f"{year}M{month:02d}" for year in range(2020, 2024) for month in range(1, 13)]
    flagged = months + ["2024M01 p", "2024M02P", "2024M03 (P)", "2024M04 r"]
    series = load_series(_csv("Month", flagged), "arrivals.csv")
    assert len(series.frame) == 52 and series.frame["ds"].iloc[-1] == pd.Timestamp("2024-04-01")


def test_ons_rolling_quarters_under_a_row_of_series_codes_are_monthly_by_their_last_month() -> None:
    # the LFS summary tables: 'Jan-Mar 1992', 'Nov-Jan 1993' under 'Dataset identifier code,MGSX,MGSC' (the header
    # was taken from the codes, and the periods read as steps)
    names = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    lines = ["A02 SA: Employment, unemployment and economic inactivity (seasonally adjusted)", "",
             "Period,Unemployment rate (aged 16 and over %),Unemployed (aged 16 and over thousands)",
             "Dataset identifier code,MGSX,MGSC"]
    lines += [f'{names[i % 12]}-{names[(i + 2) % 12]} {1992 + (i + 2) // 12},{5 + np.sin(i / 9):.1f},'
              f'"{1650 + 10 * i:,}"' for i in range(40)]
    series = load_series(("\n".join(lines) + "\n").encode(), "a02sa.csv")
    assert series.date_col == "Period" and series.frequency.name == "monthly" and len(series.frame) == 40
    assert series.frame["ds"].iloc[0] == pd.Timestamp("1992-03-01") and series.frame["ds"].iloc[10] == \
        pd.Timestamp("1993-01-01")


def test_a_yearly_table_keeps_its_years_beside_a_kw_or_a_peak_week_and_a_fiscal_year_gives_way_to_months() -> None:
    # from the review: 'Capacity (kW)' (a German week's 'KW') and a yearly 'Peak Week' made a later date column the
    # time; a 'Fiscal Year' beside 'Year' and 'Month' was nine yearly means
    years = range(2000, 2024)
    kw = "Year,Capacity (kW),Generation (MWh),Report Date\n" + "".join(
        f"{y},{100 + 30 * k},{300 + 100 * k},{y + 1}-03-{10 + k % 15}\n" for k, y in enumerate(years))
    assert load_series(kw.encode(), "kw.csv").date_col == "Year"
    peaks = "Year,Peak Week,Peak Date,Peak Cases\n" + "".join(
        f"{y},{1 + k % 11},{y}-02-{1 + k % 27:02d},{1000 + 37 * k}\n" for k, y in enumerate(years))
    assert load_series(peaks.encode(), "peaks.csv").date_col == "Year"
    fiscal = "Fiscal Year,Year,Month,Sales\n" + "".join(
        f"{y + (m >= 7)},{y},{m},{100 + 7 * m + y % 5}\n" for y in range(2016, 2024) for m in range(1, 13))
    series = load_series(fiscal.encode(), "fy.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 96


def test_the_dfes_six_digit_academic_years_and_a_labelled_year_are_read_as_years() -> None:
    # Explore Education Statistics' 'time_period' 201920 (read as steps, and forecast as the target); a results
    # table's '2019/20 (CAG)' (the file was read as steps)
    years = range(2006, 2024)
    ees = "time_period,geographic_level,enrolments\n" + "".join(
        f"{y}{(y + 1) % 100:02d},National,{8_100_000 + 997 * k}\n" for k, y in enumerate(years))
    series = load_series(ees.encode(), "ees.csv")
    assert series.date_col == "time_period" and series.target == "enrolments" and len(series.frame) == 18
    labelled = [f"{y}/{(y + 1) % 100:02d}" + (" (CAG)" if y == 2019 else " (TAG)" if y == 2020 else "") for y in years]
    assert load_series(_csv("Academic Year", labelled), "results.csv").frequency.name == "yearly"


def test_a_years_ytd_or_projection_label_is_no_year_to_train_on() -> None:
    # from the review: '2024 (YTD)' and '2025 (PROJ)' were read as whole, observed years once any '(ABC)' was dropped
    years = [str(year) for year in range(2008, 2024)] + ["2024 (YTD)"]
    assert load_series(_csv("Year", years), "ytd.csv").frequency.name != "yearly"


def test_a_time_zones_code_or_an_estimates_in_brackets_after_a_stamp_keeps_the_column() -> None:
    # from the review: '2024-01-01 00:00 (EST)' and '2022 (EST)' lost the time column once only '(CAG)' and '(TAG)'
    # were dropped
    hours = pd.date_range("2024-01-01", periods=96, freq="h")
    series = load_series(_csv("Time", [f"{t:%Y-%m-%d %H:%M} (EST)" for t in hours]), "tz.csv")
    assert series.frequency.name == "hourly" and len(series.frame) == 96
    years = [str(y) for y in range(2000, 2022)] + ["2022 (EST)", "2023 (EST)"]
    assert load_series(_csv("Year", years), "est.csv").frequency.name == "yearly"


def test_stamps_as_javascript_writes_them_are_read_on_their_offset_as_local_times() -> None:
    # star-history's and other web tools' 'Mon Jan 01 2024 00:00:00 GMT+0100 (Central European Standard Time)': the
    # rows were numbered as steps; a summer offset (+0200) keeps its local midnight
    days = pd.date_range("2024-01-01", periods=60, freq="W-MON")
    zone = ["GMT+0100 (Central European Standard Time)" if day.month < 4 or day.month > 10 else
            "GMT+0200 (Central European Summer Time)" for day in days]
    written = [f"{day:%a %b %d %Y} 00:00:00 {name}" for day, name in zip(days, zone)]
    series = load_series(_csv("Date", written), "stars.csv")
    assert series.frame["ds"].equals(pd.Series(days, name="ds")) and series.frequency.name == "weekly"
    bare = load_series(_csv("Date", [f"{day:%a %b %d %Y} 08:00:00 GMT+0800" for day in days]), "s.csv")
    assert bare.frame["ds"].iloc[0] == pd.Timestamp("2024-01-01 08:00")


def test_nass_first_of_month_periods_beside_a_year_are_months_and_quarters() -> None:
    # Cattle on Feed's 'FIRST OF JAN' ... 'FIRST OF DEC' made 12 yearly series by 'Period'; Grain Stocks' quarters
    header = '"Program","Year","Period","State","Commodity","Value"\n'
    names = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    monthly = header + "".join(f'"SURVEY","{year}","FIRST OF {names[m]}","US TOTAL","CATTLE","{11_000_000 + m * 1000:,}"\n'
                               for year in range(2023, 2009, -1) for m in range(11, -1, -1))
    series = load_series(monthly.encode(), "cof.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 14 * 12
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2010-01-01") and series.frame["y"].iloc[1] == 11_001_000
    quarterly = header + "".join(f'"SURVEY","{year}","FIRST OF {names[m]}","US TOTAL","CORN","{9_000_000 + m:,}"\n'
                                 for year in range(2023, 2009, -1) for m in (11, 8, 5, 2))
    stocks = load_series(quarterly.encode(), "stocks.csv")
    assert stocks.frequency.name == "quarterly" and len(stocks.frame) == 14 * 4


def test_cpc_running_seasons_beside_a_year_are_their_middle_months() -> None:
    # NOAA CPC's ONI ('SEAS YR TOTAL ANOM', 'DJF 1950'): the rows were numbered as steps
    seasons = ["DJF", "JFM", "FMA", "MAM", "AMJ", "MJJ", "JJA", "JAS", "ASO", "SON", "OND", "NDJ"]
    text = "SEAS  YR   TOTAL   ANOM\n" + "".join(f"  {season} {year}  {26.5 + k % 12 / 10:5.2f}  {(k % 7 - 3) / 10:5.2f}\n"
                                                 for k, (year, season) in enumerate((year, season)
                                                                                     for year in range(1950, 1990)
                                                                                     for season in seasons))
    series = load_series(text.encode(), "oni.ascii.txt", LoadOptions(target="ANOM"))
    assert series.frequency.name == "monthly" and len(series.frame) == 40 * 12
    assert series.frame["ds"].iloc[0] == pd.Timestamp("1950-01-01") and series.frame["ds"].iloc[-1] == pd.Timestamp(
        "1989-12-01")


def test_fiscal_years_written_fy_and_their_span_beside_months_are_read_and_their_totals_left_out() -> None:
    # the Port of Los Angeles' 'FY 2015-16' beside 'July' ... 'June' and a 'Total' row: read as 78 steps, the totals
    # among the months
    months = ["July", "August", "September", "October", "November", "December", "January", "February", "March",
              "April", "May", "June"]
    lines = ["Fiscal Year,Month,Total TEUs"]
    for end in range(2016, 2022):
        label = f"FY {end - 1}-{end % 100:02d}"
        lines += [f'{label},{month},"{700000 + 1000 * k + end:,}"' for k, month in enumerate(months)]
        lines.append(f'{label},Total,"{8_500_000 + end:,}"')
    series = load_series(("\n".join(lines) + "\n").encode(), "pola.csv")
    assert series.frequency.name == "monthly" and len(series.frame) == 72
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2015-07-01") and series.frame["y"].iloc[0] == 702016


def test_periods_one_to_four_beside_a_year_are_quarters() -> None:
    # FHFA's master file filtered to a quarterly index ('yr', 'period' 1-4): the rows were numbered as steps
    rows = [f"traditional,quarterly,USA,{year},{quarter},{100 + 2 * k:.2f}"
            for k, (year, quarter) in enumerate((year, quarter) for year in range(1991, 2021) for quarter in (1, 2, 3, 4))]
    text = "hpi_type,frequency,place_id,yr,period,index_nsa\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "HPI_master.csv")
    assert series.frequency.name == "quarterly" and len(series.frame) == 120
    assert series.frame["ds"].iloc[1] == pd.Timestamp("1991-04-01")


def test_epochs_named_so_after_a_constant_id_are_the_time_and_a_creation_epoch_with_microseconds_no_target() -> None:
    # from a walk: Home Assistant's statistics table ('metadata_id' 12 on every row, then 'start_ts') ran as steps,
    # and its 'created_ts' (seconds with microseconds) was forecast
    starts = 1696118400 + 3600 * np.arange(300)
    text = "id,created_ts,metadata_id,start_ts,mean\n" + "".join(
        f"{50000 + k},{start + 610.123456:.6f},12,{start}.0,{7 + k % 24 / 10:.2f}\n" for k, start in enumerate(starts))
    series = load_series(text.encode(), "statistics.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("start_ts", "mean", "hourly")


def test_prtgs_hours_written_with_am_and_pm_are_read_and_its_sums_footer_left_out() -> None:
    # '3/4/2024 12:00:00 AM - 1:00:00 AM' was no date, so the hours became steps and 'Sums (of 48 values)' a row
    hours = pd.date_range("2024-03-04", periods=48, freq="h")
    text = "Date Time,Traffic In (volume)\n" + "".join(
        f"{h.month}/{h.day}/{h.year} {h:%I:%M:%S %p}".replace(" 0", " ", 1)
        + f" - {(h + pd.Timedelta('1h')):%I:%M:%S %p},{100 + k % 24}\n" for k, h in enumerate(hours)) \
        + "Sums (of 48 values),5352\n"
    series = load_series(text.encode(), "prtg.csv")
    assert series.frequency.name == "hourly" and series.frame["ds"].tolist() == list(hours)
    assert "notice.summary_rows" in [notice.key for notice in series.report.notices]


@pytest.mark.parametrize("hour", ["{h12}:00 {ampm}", "{h}:00 - {h1}:00"])
def test_review_a_date_beside_its_hour_written_with_am_pm_or_as_a_range_is_one_hourly_stamp(hour: str) -> None:
    # the twelfth review: Cerner's 'Hour' written '12:00 AM' or '0:00 - 1:00' made 24 daily series again
    hours = pd.date_range("2024-03-01", periods=14 * 24, freq="h")
    cells = [hour.format(h12=(h.hour % 12) or 12, ampm="AM" if h.hour < 12 else "PM", h=h.hour, h1=h.hour + 1)
             for h in hours]
    text = "Verify Date,Hour,Orders\n" + "".join(f"{h:%m/%d/%Y},{cell},{5 + h.hour % 7}\n"
                                                 for h, cell in zip(hours, cells))
    series = load_series(text.encode(), "cerner.csv")
    assert series.frequency.name == "hourly" and series.frame["ds"].tolist() == list(hours)


def test_rfc_2822_times_with_their_offset_are_read_and_a_constant_date_gives_way() -> None:
    # Twilio's call log: 'Thu, 01 Feb 2024 21:44:48 +0000' was no date, so its 'api_version' (2010-04-01 on every
    # row) was taken and the file refused as one time stamp
    seconds = np.sort(np.random.default_rng(3).integers(0, 20 * 86_400, 400))
    stamps = pd.Timestamp("2024-02-01", tz="UTC") + pd.to_timedelta(seconds, unit="s")
    text = "sid,date_created,status,duration,api_version\n" + "".join(
        f'CA{k:032x},"{t:%a, %d %b %Y %H:%M:%S %z}",completed,{30 + k % 200},2010-04-01\n'
        for k, t in enumerate(stamps))
    series = load_series(text.encode(), "calls.csv")
    assert series.date_col == "date_created" and series.frame["ds"].iloc[0] == stamps[0].tz_localize(None)
    counted = load_series(text.encode(), "calls.csv", LoadOptions(duplicates="count", per="day"))
    assert counted.frequency.name == "daily" and counted.frame["ds"].iloc[0] == pd.Timestamp("2024-02-01")
    assert counted.frame["y"].sum() == 400


@pytest.mark.parametrize("band", ["Fascia oraria", "Zeitfenster", "Tranche horaire"])
def test_review_a_tariff_band_or_a_window_beside_the_hour_leaves_the_hour_joined(band: str) -> None:
    # the thirteenth review: a band's name beside the real hour made two time columns, and none was joined (24 series
    # by the hour)
    hours = pd.date_range("2024-03-01", periods=14 * 24, freq="h")
    text = f"Data;Ora;{band};Consumo (kWh)\n" + "".join(
        f"{h:%d/%m/%Y};{h:%H}:00;F{1 + h.hour % 3};{h.hour % 5 + 2}\n" for h in hours)
    series = load_series(text.encode(), "consumi.csv")
    assert series.frequency.name == "hourly" and len(series.frame) == len(hours)


def test_review_bins_and_durations_named_ay_or_py_with_two_digits_are_no_years() -> None:
    # the thirteenth review: bins 'AY-01' to 'AY-40' were read as the years 2001 to 1940, the rows reordered
    text = "Bin,On Hand\n" + "".join(f"AY-{k:02d},{100 + 7 * k % 50}\n" for k in range(1, 41))
    series = load_series(text.encode(), "bins.csv")
    assert series.frequency.is_steps and series.frame["y"].iloc[0] == 107.0


def test_review_a_receipt_dates_zero_leaves_the_snapshot_date_and_a_short_extracts_trailer_is_dropped() -> None:
    # the thirteenth review: 'LAST_RCPT_DT' with 0 on three items took the snapshot's place; an extract of 12 rows and
    # its trailer kept its dates as the target (one row in 13 is over the 5% let through)
    days = pd.date_range("2024-01-01", periods=60, freq="D")
    text = "ITEM,LAST_RCPT_DT,SNAPSHOT_DT,ON_HAND_QTY\n" + "".join(
        f"SKU{k % 7},{0 if k in (5, 20, 41) else f'{day - pd.Timedelta(days=3 + k % 9):%Y%m%d}'},{day:%Y%m%d},"
        f"{200 + k % 13}\n" for k, day in enumerate(days))
    assert load_series(text.encode(), "inv.csv").date_col == "SNAPSHOT_DT"
    extract = "CLAIM_NBR|TRANS_DT|TRANS_AMT\n" + "".join(
        f"C{k}|{day:%Y%m%d}|{1000 + 37 * k}.50\n" for k, day in enumerate(days[:12])) + "TRL|000000012|\n"
    series = load_series(extract.encode(), "extract.txt")
    assert (series.date_col, series.target, len(series.frame)) == ("TRANS_DT", "TRANS_AMT", 12)
