"""A raw table to the tidy series: ``ds``, ``y`` and regressors, with the choices and the report of what was done."""
from __future__ import annotations

import itertools
import re
import shlex
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from core.data.frequency import (MON_TO_SAT, REGULAR_REMEMBERED_ROWS, SUN_TO_THU, TUE_TO_SUN, WEEKDAY_NAMES,
                                 WED_TO_SUN, Frequency, some_days_kept,
                                 calendar_places,
                                 frequency_per, future_dates, infer_frequency, month_day, mostly_missing, offset_of,
                                 on_open_hours, open_days, open_hour_steps, open_hours, open_slots, open_stamps,
                                 regular_alias,
                                 stamps_between, stray_hours, working_days, working_week_of)
from core.data.parsing import (ABOVE_LIMIT, AMBIGUOUS, AMBIGUOUS_AS_USUAL, EVEN_EITHER, BELOW_LIMIT, FISCAL_FORMATS,
                               COHORT_FORMATS,
                               FLAG_AFTER, FLAGGED_NUMBER, LEADING_LABELS, NON_DETECT, leading_labels,
                               reads_non_detects,
                               MISSING_MARKERS, MIXED_FORMATS, ON_FIRST_OFFSET, PARSE_SHARE, PERIOD_DOT_YEAR,
                               PERIOD_DOT_YEAR_FORMAT, SCALED_NUMBER, SUBTOTAL_ROW, SUBTOTAL_WORDS, SUMMARY_ROW,
                               TIME_OF_DAY, combine_date_and_time, measure_unit,
                               calendar_spread, months_under_years, nested_periods, parse_compact_dates,
                               parse_compact_hours, UNIT_ATTR, UNIT_NUMBER, YEAR_FIRST,
                               fiscal_period_steps, parse_dates, parse_epochs, marker_words, offset_read_on,
                               parse_excel_serials, wall_clock,
                               parse_numbers, read_with_decimal_comma, stray_words, unnamed_column,
                               unreadable_numbers,
                               writes_dotted_months, writes_utc_itself, writes_utc_offsets)
from core.data.parsing import (EIGHTHS, GROUP_TOTAL, LOCAL_MIDNIGHTS, _PERIOD_NAMES, _WEEK_NAMES, _ZONE_OFFSETS,
                                _clean_number_text, months_in_order)
from core.data.read import MAX_FILE_MB, MAX_ROWS, format_limit, limit, read_bytes, read_table, unique_names
from core.errors import DataError, LimitError, clipped, clipped_list
MIN_ROWS = 8
MAX_MAGNITUDE = 1e150  # larger targets overflow the models' squares and sums
MIN_MAGNITUDE = 1e-100  # a target whose largest value is smaller underflows the models' squares
JUMP_FACTOR = 1e12  # a value this many times its neighbours and the column's typical size is a typing error
FILE_END = "file_end"  # a series' attrs in a long file: the file's last time stamp with a value of its target
MISSING_POLICIES = ("interpolate", "ffill", "drop", "zero")  # zero: a blank is none (a charge not made)
DUPLICATE_POLICIES = ("mean", "sum", "first", "last", "count", "max", "min")  # max: a busy hour's peak
SUMMED = ("sum", "count")  # policies that add up a period's rows: a period without one is 0
COUNTED = "rows"  # the target of ``count``: 1 on every row, summed per time stamp
COUNTED_NAMES = tuple(f"{COUNTED}{suffix}" for suffix in ("", " counted", " (count)", " (rows counted)"))  # free
# Periods the rows can be combined per (``LoadOptions.per``; "" keeps them as written) and pandas' period of each:
# weeks from Monday, as ISO weeks.
PERIODS = {"": "", "minute": "min", "hour": "h", "day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
_PERIOD_DAYS = {"week": 7, "month": 28, "quarter": 89, "year": 365}  # the fewest days each lasts, to bound their count
_DATE_WORDS = ("date", "time", "month", "year", "period", "day", "week", "quarter", "stamp",
               "datum", "fecha", "zeit")
# Time words that count as whole words of a name only (``Monat``, not ``Vormonat`` or ``soil_moisture``; ``ds``, not
# Meta's 'Reporting ends', which was taken for the time column before 'Reporting starts').
_WHOLE_DATE_WORDS = frozenset({"monat", "mois", "jahr", "année", "annee", "ds", "vintage"})  # (a winery's)
# Names of when a record was made (Stripe's 'created', 'Created (UTC)'): a time column where they hold Unix epochs
_RECORD_TIMES = re.compile(r"(?:created|updated)(?:_?at|_on)?\b|clock$")  # Zabbix's history: itemid,clock,value,ns
# names of epochs in micro- or nanoseconds (Zabbix's history: 'clock')
_EPOCH_WORDS = frozenset({"epoch", "ts", "unix", "created", "updated", "clock"})
# Words of a measure that give way to the target words below (``_pick_target``): a herd's milk and a field's yield
# ('Milkings' and a cow's number were forecast before them), an air monitor's pollutant ('PM2.5': 'pm2', '5'), a web
# analytics' views; not before a 'Dividend Yield' beside its 'Close' or a 'Mean Temperature' beside 'Demand'
_WEAK_TARGET_WORDS = ("milk", "melk", "melkproductie", "yield", "ertrag", "concentration", "pm2", "pm25", "pageviews",
                      "views", "streams", "production", "generation", "erzeugung", "sessions", "calls", "contacts",
                      "tickets", "guests",  # (a hotel's 'Guests' before its 'Room Revenue')
                      "oil", "bbls", "bopd", "boe", "boepd")  # a well test's 'Oil Rate' (its tubing pressure was)
# Whole words of a column name (split at anything not a letter or digit) that mark the measured series.
_TARGET_WORDS = ("y", "value", "values", "target", "sales", "count", "cnt", "demand", "load", "price", "passengers",
                 "revenue", "volume", "amount", "gross", "total", "quantity", "qty", "units", "consumption", "visitors",
                 "orders", "close", "wert", "valor", "valeur", "mag", "magnitude",  # a catalog's quakes, a star's
                 # a closing price as other languages' exports name it (stooq's Polish Zamkniecie, not Otwarcie)
                 "zamkniecie", "zamknięcie", "schluss", "schlusskurs", "cierre", "clôture", "cloture", "chiusura",
                 "fechamento", "收盘", "收盘价", "销量", "销售额",
                 # sales and revenue as other languages' exports name them (a German PMS's 'Umsatz Logis' gave way to
                 # its 'Belegte Zimmer', where the English file's 'Room Revenue' was the target)
                 "umsatz", "umsätze", "logisumsatz", "erlös", "erlöse", "erloes", "omzet", "ventas", "ingresos",
                 "ventes", "vendite", "fatturato", "ricavi", "vendas", "receita", "faturamento",
                 "arithmetic",  # EPA AQS's 'Arithmetic Mean' (its 'Observation Count' was forecast)
                 "earnings",  # (AdSense's 'Estimated earnings (USD)' gave way to its page views)
                 "boardings", "ridership", "riders",  # (an APC file's 'Avg Load' was: a load is a target word)
                 "offered",  # (a queue's 'Service Level %' and 'AHT' were)
                 "covers",  # a restaurant's (its 'Reservations' were forecast, a count of bookings)
                 # a podcast's and a package's (Apple Podcasts' 'Episode Number' was forecast; pypistats' downloads)
                 "plays", "listens", "downloads",
                 "settle",  # a futures contract's settlement price (CME's: its 'Volume' was forecast)
                 "teu", "teus",  # containers (a carrier's bookings: their 'Weight (kg)' was forecast)
                 "counts",  # NYC's bicycle 'counts' (its record number 'countid' was forecast)
                 *_WEAK_TARGET_WORDS)
_SUMMARY_ROWS_CHECKED = 10  # at the end of the table
# Numbers files write for a missing reading (weather stations, loggers, survey files): read as missing only far from
# the column's other values (``_without_codes``).
MISSING_CODES = (-99999.0, -9999.9, -9999.0, -999.99, -999.9, -999.0, -888.0, -99.99, -99.9, -99.0, 999.9, 9999.0,
                 9999.9, 99999.0)  # -99.99: NOAA's monthly CO2; -888: an air monitor's calibration hours
_LONE_CODES_KEPT = (9999.0, 99999.0)  # whole codes that also cap real values: codes only when written twice or more
_CODE_DISTANCE = 5  # how many times the other values' range a code must lie from their median to be one
_SERIAL_DATE_WORDS = {"date", "day", "datum", "fecha", "data", "jour", "tag", "dt", "ds", "week", "month", "period",
                       "ending"}  # Excel serial days
_FORECAST_WORDS = frozenset({"ahead", "forecast", "forecasted", "predicted", "prediction", "projected", "fcst"})
# A plan beside what happened (a treasurer's 'Total Budget' beside 'Total Actual': the budget was forecast)
# (not 'plan': a phone plan's revenue); a permit's limit beside the value reported (EPA ECHO's DMR download)
_PRIOR_WORDS = frozenset({"vorjahr", "vj", "ly", "py", "prior", "previous", "anterior", "precedente", "précédente",
                          "précédent", "vorjahreswert"})  # last year's figures beside this year's
_ACTUAL_WORDS = frozenset({"actual", "actuals", "ist", "measured", "observed"})  # what happened, beside a plan
_PLAN_WORDS = frozenset({"budget", "budgeted", "planned", "quota", "limit", "limits",
                         # an installer's expected yield before the actual one (PVWatts, PVGIS's 'Prognose', 'Soll')
                         "expected", "prognose"})  # (not 'estimated': MTA's 'Total Estimated Ridership'; not
# 'soll', a German statement's debit)
# An amount held on a card before the sale settles (Nayax's 'Authorization Value', 5.00 on every card vend beside its
# 'Settlement Value'): no target beside the amount settled
_AUTHORIZED_WORDS = frozenset({"authorization", "authorisation", "authorized", "authorised", "preauth",
                               "preauthorized"})
_MEASURE_WORDS = _FORECAST_WORDS | {"mw", "mwh", "kwh", "gwh"}  # no time column's words (Price Date is one)
# Words of a logger's or sensor's own state, no reading of what it measures (Campbell Scientific's 'BattV_Min' and
# 'PTemp_C', the panel's temperature, before 'AirTC_Avg'; HOBO's 'Batt, V'; a radio's 'RSSI').
_DEVICE_WORDS = frozenset({"batt", "battv", "battery", "ptemp", "rssi", "snr", "firmware"})
# A battery column named as a measure of its own ('Battery Sales', 'Battery Pack Price'); not by 'total' alone, which a
# charge meter's name holds ('Battery Charge Total (kWh)')
_TRADED = frozenset(_TARGET_WORDS) - {"total"}
_OFF_GRID_SHARE = 0.5  # the share of rows off their frequency's grid that makes stamps irregular (``_resample``)
_STEPS_BY_ONE = 0.8  # the share of a step column's rises that are one (``counts_steps``)
_STEP_NAMES = frozenset({"t", "step", "steps", "timestep", "tick", "time", "idx", "year",  # besides date words
                         "months", "days", "weeks"})  # a type curve's 'Months on Production' 1 to 60
_ROW_COUNTER_NAMES = {"index", "id", "#", "no", "row"}  # a column of these names that counts 1, 2, 3 ... is dropped
_RUNNING_NUMBER_WORDS = frozenset({"number", "no", "nr", "num", "id", "invoice", "ticket", "order", "seq", "serial",
                                   "record",  # a logger's RECORD; a car park's 'Txn #', 'Receipt', SKIDATA's 'Belegnr.'
                                   "txn", "trans", "transaction", "receipt", "sequence", "belegnr", "beleg", "nummer",
                                   "ticketnummer",  # an SPC log's subgroup (its counter was forecast, 309, 310)
                                   "subgroup", "batch", "lot", "sample", "idx"})
_UNSAVED_FORMULAS = ("The sheet has formulas whose results were never saved (a program wrote the workbook), so they "
                      "read as blank: open the workbook in Excel or LibreOffice and save it, then load it again.")
_STEP_JITTER = 0.02  # the share of its step an evenly rising first column's steps may be off by (``_evenly_rising``)
# A series cut from a file of several carries, under this name (no file's column), a key of each row's whole content:
# a row is a copy only when the file's row repeats another in every column, not just in the series' own columns.
WHOLE_ROW_KEY = "\x00whole row"
COPIES_COUNTED = "copies_counted"  # a long file's attribute: whether its rows alike in every column are events
_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[\u3400-\u9fff]+|[^\W_\u3400-\u9fff]+")  # a name's Chinese and other runs (``_name_words``)
_FEW_CODES = 24  # integer columns with at most this many distinct values (and few per row) are codes, not measures


class Notice(str):
    """A line of the loading report: English text that also carries its catalog ``key`` and ``params`` (see
    ``core.errors``), so the interface can say it in the reader's language."""

    key: str
    params: dict[str, object]

    def __new__(cls, text: str, key: str, params: dict[str, object] | None = None) -> "Notice":
        notice = super().__new__(cls, text)
        notice.key, notice.params = key, dict(params or {})
        return notice

    def __reduce__(self) -> tuple[object, ...]:  # cached loads are pickled
        return Notice, (str(self), self.key, self.params)


@dataclass
class DataReport:
    """What loading found and did, for the data-quality panel."""

    rows_read: int = 0
    duplicate_rows_dropped: int = 0
    duplicate_stamps_aggregated: int = 0  # time stamps that repeated (3 rows on one stamp: 1)
    rows_combined_away: int = 0  # rows those stamps had beyond one each (3 rows on one stamp: 2)
    missing_filled: int = 0
    rows_dropped: int = 0
    gaps: int = 0
    irregular_rows: int = 0  # rows between the frequency's steps when they are most rows (an event log), else 0
    # Rows (positions in the tidy frame) whose target the file left blank: filled by the missing-value policy, or
    # inserted by filling gaps. Scores leave them out (they are no observations); models train on them.
    filled_targets: tuple[int, ...] = ()
    date_format: str = ""
    notices: list[str] = field(default_factory=list)
    sheets: tuple[str, ...] = ()  # a workbook's visible sheets
    sheet_read: str = ""  # the one read
    decimal_comma: bool = False  # the file wrote decimal commas: downloads are written so too (``write.download_csv``)
    clock_change_gaps: bool = False  # every missing stamp is in an hour the clocks skip (``_at_clock_changes``)
    off_calendar: bool = False  # stamps missing, some off the calendar: the models count rows (``calendar_places``)
    sparse_calendar: bool = False  # more stamps missing than rows given: the row-counting models count them
    days_of_none: bool = False  # a daily count without a 0, whose missing days may be days of none (``_counts_only``)

    @property
    def utc_offset(self) -> str:
        """The UTC offset (``+01:00``) times with several were read on, so that they stay evenly spaced; else ""."""
        return offset_read_on(self.date_format)


@dataclass
class LoadedSeries:
    """The tidy frame with the choices that produced it."""

    frame: pd.DataFrame
    date_col: str | None
    target: str
    regressors: list[str]
    frequency: Frequency
    report: DataReport
    columns: list[str]
    numeric_columns: list[str]
    future: pd.DataFrame | None = None
    options: "LoadOptions | None" = None
    constant_columns: tuple[str, ...] = ()  # numeric columns of one value in every row: no regressor (SDMX's DECIMALS)

    @property
    def missing_policy(self) -> str:
        return self.options.missing if self.options else "interpolate"


@dataclass(frozen=True)
class LoadOptions:
    """How to read a file; ``None`` means detect, ``date_col=""`` means no date column (row steps)."""

    date_col: str | None = None
    target: str | None = None
    regressors: tuple[str, ...] = ()
    missing: str = "interpolate"
    duplicates: str = "mean"
    max_mb: float = MAX_FILE_MB
    sheet: str | int = 0
    fill_gaps: bool = False
    day_first: bool | None = None
    # The order the reader's language writes dates in (True: day first; the browser's locale, ``core.ui``): it decides
    # between a day-first and a month-first reading that are both evenly spaced on the calendar (twelve dates on the
    # 1st, 01/01/2020 to 01/12/2020, are January 1-12 or the months of 2020). None: the denser reading.
    usual_day_first: bool | None = None
    # Combine the rows per this period (a key of ``PERIODS``) by ``duplicates``: an event log's orders summed per day.
    per: str = ""
    # A text file's decimal mark (a key of ``read.DECIMAL_MARKS``: point, comma), or "" to detect it.
    decimal: str = ""


TableReader = Callable[[bytes, str, str | int, str], pd.DataFrame]  # bytes, name, sheet, decimal mark -> raw table


def load_series(source: bytes | str | Path, name: str = "", options: LoadOptions | None = None,
                read: TableReader = read_table) -> LoadedSeries:
    """Read ``source`` (bytes or a path) with ``read`` (``read_table``; the dashboard's caches tables by the file's
    bytes) and return the tidy series.

    Raises
    ------
    DataError
        With a one-line message naming the problem and what to do about it.
    """
    options = options or LoadOptions()
    data, name = read_bytes(source, name, options.max_mb)
    raw = read(data, name, options.sheet, options.decimal)  # the readers turn their own failures into DataError
    try:
        return tidy_table(raw, options)
    except DataError as problem:  # a page offers these columns to read the file again with others, where they may help
        if len(raw) >= MIN_ROWS and not isinstance(problem, LimitError):
            table = drop_index_columns(named_columns(raw).drop(columns=[WHOLE_ROW_KEY], errors="ignore"))
            decimal_comma = bool(raw.attrs.get("decimal_comma", False))
            problem.columns, problem.suggested = tuple(table.columns), suggested_columns(table, decimal_comma)
        raise


def suggested_columns(table: pd.DataFrame, decimal_comma: bool = False, rows: int = 500) -> tuple[str, str] | None:
    """A date column and a target to offer first for a ``table`` (named as the options name its columns) whose
    detected ones failed: of the columns that do not read as numbers, the one of the most distinct values in the first
    ``rows`` rows (a report date repeated on every row was taken for the time column: the dates beside it vary) among
    those that read as dates if any do, and the last column that reads as numbers; None without either."""
    table = table.iloc[:rows]
    numeric = [col for col in table.columns if parse_numbers(table[col], decimal_comma) is not None]
    others = [col for col in table.columns if col not in numeric]
    if not numeric or not others:
        return None
    dated = [col for col in others if parse_dates(table[col]) is not None]  # police.uk's 'Month', not its hashed ids
    return str(max(dated or others, key=lambda col: table[col].nunique())), str(numeric[-1])


def named_columns(raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` with its columns named by stripped text, made unique: a column written without spaces around its name
    keeps it, and one that only its spaces set apart is numbered ('x ' and 'x': x.1 and x), said in
    ``attrs["trimmed_renamed"]`` (the column headed '  sales  ' took the name 'sales' from the one headed so, without
    a word)."""
    if all(isinstance(col, str) and col == col.strip() for col in raw.columns):
        return raw
    names = [str(col).strip() for col in raw.columns]
    order = sorted(range(len(names)), key=lambda i: str(raw.columns[i]) != names[i])  # as written first
    unique = dict(zip(order, unique_names([names[i] for i in order])))
    table = raw.set_axis([unique[i] for i in range(len(names))], axis=1)
    table.attrs = dict(raw.attrs)
    clashes = {name for name, times in Counter(names).items() if times > 1}
    if renamed := [(str(raw.columns[i]), unique[i]) for i in range(len(names)) if unique[i] != names[i]
                   and names[i] in clashes and str(raw.columns[i]) != names[i]]:
        table.attrs["trimmed_renamed"] = tuple(renamed[:12])
    return table


def tidy_table(raw: pd.DataFrame, options: LoadOptions) -> LoadedSeries:
    """``tidy``, with pandas' own parsing errors (ValueError: OutOfBoundsDatetime, ... on malformed
    cells) said as a file problem. TypeError, KeyError, IndexError are bugs in this code and must
    reach the tests, not the user as "bad file"."""
    try:
        return tidy(raw, options)
    except DataError:
        raise
    except ValueError as problem:
        first_line = clipped(str(problem).splitlines()[0], 120) if str(problem) else type(problem).__name__
        raise DataError(f"The file could not be read as a table ({first_line}): save it as a CSV "
                        "with one header row and one row per time step.", "err.table", {"detail": first_line}) from None


def tidy(raw: pd.DataFrame, options: LoadOptions) -> LoadedSeries:
    """Turn a raw frame into the tidy series: detect columns, parse, sort, deduplicate, fill."""
    if options.missing not in MISSING_POLICIES:
        raise DataError(f"Unknown missing-value policy '{options.missing}': use one of {', '.join(MISSING_POLICIES)}.",
                        "err.missing_policy", {"policy": options.missing, "choices": ", ".join(MISSING_POLICIES)})
    raw = named_columns(raw)
    whole_rows = raw[[WHOLE_ROW_KEY]] if WHOLE_ROW_KEY in raw.columns else None
    raw = _header_under_key_values(raw.drop(columns=[WHOLE_ROW_KEY]) if whole_rows is not None else raw)
    whole_rows = whole_rows.loc[raw.index] if whole_rows is not None else None
    raw = drop_index_columns(named_columns(raw))
    if options.duplicates == "count":
        raw, options = _counting(raw, options)
    elif options.target in COUNTED_NAMES and options.target not in raw.columns:  # count left: detect again
        options = replace(options, target=None)
    report = DataReport(rows_read=len(raw), decimal_comma=bool(raw.attrs.get("decimal_comma", False)))
    _note_what_the_reader_passed_over(raw.attrs, report)
    raw = _drop_summary_rows(raw, report)
    raw = _time_rows_only(raw, options, report)
    raw = _hours_as_decimals(_below_half_unit_as_zero(_traces_as_zero(raw, report), report), report)
    decimal_comma = report.decimal_comma
    numbers = {col: parsed for col in raw.columns
               if (parsed := parse_numbers(raw[col], decimal_comma)) is not None}
    units = _read_units(numbers)
    date_col, ds = _pick_date_column(raw, numbers, options, report)
    if date_col is not None and (found := _whole_report_rows(raw, date_col, ds)) is not None:
        whole, span = found
        report.notices.append(_summary_rows_notice(int(whole.sum()), span))
        raw, ds = raw[~whole], ds[~whole]
        numbers = {col: parsed[~whole] for col, parsed in numbers.items()}
        report.rows_dropped += int(whole.sum())
    if date_col is not None and (wall := local_dates(raw[date_col], ds, report.date_format, options.per)) is not None:
        ds = _on_the_dates_written(raw[date_col], wall, options.per, report)
    elif date_col is not None and (zoned := _in_the_zone_named(raw, date_col, ds, report)) is not None:
        ds = zoned
    if date_col is not None and (labels := _labels_above_dates(raw[date_col], ds)):
        raw, ds = _without_rows_above(raw, labels, date_col, report), ds.iloc[labels:]
        numbers = {col: parsed for col in raw.columns if col != date_col  # the labels kept short columns from numbers
                   and (parsed := parse_numbers(raw[col], decimal_comma)) is not None}
        units = _read_units(numbers)
    if options.target is not None and options.target == date_col:
        raise DataError(f"Column '{date_col}' holds the time stamps, not the values: choose a numeric target column.",
                        "err.target_is_time", {"column": date_col})
    if options.target in raw.columns and options.target not in numbers:  # named: its first cells do not decide
        if (whole := parse_numbers(raw[options.target], decimal_comma, head_decides=False)) is not None:
            numbers[options.target] = whole
            if UNIT_ATTR in whole.attrs:  # named: a measure, whatever its name says
                units[options.target] = str(whole.attrs.pop(UNIT_ATTR))
    numeric = [col for col in numbers if col != date_col]
    target = _pick_target(raw, numeric, options.target, numbers, ds, options.regressors)
    if (options.target is None or options.per) and options.duplicates != "count" \
            and _identifies_rows(target, numbers[target]):  # named too where rows are combined: a page's picker
        report.notices.append(_identifier_notice(target))
    if options.target is None and (still := _still_to_come(target, numeric, options.regressors, numbers, ds)):
        report.notices.append(still)
    regressors = _check_regressors(options.regressors, numeric, target)
    if raw.attrs.get("unsaved_formulas") and not _blanks_formulas_explain(raw, (date_col, target, *regressors)):
        report.notices = [notice for notice in report.notices if notice.key != "notice.unsaved_formulas"]
    written = raw[target] if target not in units else raw[target].astype("string").str.strip().str.replace(
        UNIT_NUMBER, r"\1", regex=True)  # the numbers without their unit, as they are written
    _check_magnitude(written, target, decimal_comma)
    for col in regressors:  # infinite cells of a regressor are blanks, filled and said
        _check_finite_magnitude(_magnitudes(raw[col], decimal_comma), raw[col], col)
        _check_letter_codes(raw[col], numbers[col], col)
    dated = pd.notna(ds.array) if len(ds) == len(raw) else np.ones(len(raw), dtype=bool)  # a units row: left out
    _note_unreadable_numbers(raw[dated], {col: numbers[col][dated] for col in (target, *regressors)},
                             (target, *regressors), decimal_comma, report, units)
    report.notices.extend(_unit_notice(col, units[col]) for col in (target, *regressors) if col in units)
    side = _money_side(target, numeric, numbers)  # a blank side of money beside the other's is 0 (said below), no
    blanks = numbers[target] if side is None else numbers[target].mask(  # closed day (a statement's payday)
        numbers[target].isna() & numbers[side].notna(), 0.0)
    if options.missing != "zero" and (closed := _closed_rows_notice(raw[dated], {
            col: (blanks if col == target else parsed)[dated] for col, parsed in numbers.items()}, target)
            or _blank_holidays_notice(ds[dated], blanks[dated], target) or _blank_small_counts_notice(blanks, target)):
        report.notices.append(closed)
    numbers.update({col: _without_codes(numbers[col], col, report) for col in (target, *regressors)})
    if side is not None:
        numbers[target] = _zero_beside_other_side(numbers[target], numbers[side], target, side, report)
    numbers[target] = _signed_by_side(raw, target, numbers[target], report)
    if options.duplicates == "sum" and (zeroed := _zeroed_words(raw, target)):  # a failed build's minutes are still
        numbers[target] = _failed_as_zero(raw, target, numbers[target], report, zeroed)  # minutes; a count counts
    if options.duplicates == "sum":
        numbers[target] = _flagged_void_as_zero(raw, target, numbers[target], report)
        numbers[target] = _payouts_as_zero(raw, target, numbers[target], report)
        # every row
    if options.duplicates == "sum":
        numbers[target] = _once_per_document(raw, target, numbers, report)
    numbers[target] = _without_invalid_readings(raw, target, numbers, report)
    numbers.update({col: _flag_blanks_as_zero(numbers[col], col, report) for col in regressors})
    if raw.attrs.get("point_thousands"):  # the reader's guess (``read._sniff_dialect``), said for the file
        report.notices.append(Notice("Points in the numbers were read as thousands separators ('1.025' is 1025), as "
                                     "files separated by semicolons write them. If they are decimal points, choose "
                                     "point as the Decimal mark under Reading options (--decimal point).",
                                     "notice.point_thousands"))
    elif not decimal_comma and not options.decimal and "delimiter" in raw.attrs:  # a text file: the option reads it
        report.notices.extend(notice for col in (target, *regressors)
                              if (notice := _comma_thousands_notice(raw[col], col)) is not None)
    # one frame at once: a column at a time made pandas warn of fragmentation 202 times for 300 regressors
    frame = pd.DataFrame({"ds": ds, "y": numbers[target], **{col: numbers[col].to_numpy() for col in regressors}})
    frame = _until_made(frame, raw.attrs.get("preamble", ()), target, report)
    options = _balance_kept_last(options, target, frame["ds"], report)
    partial = _partial_ends(frame, options.per) if options.per and options.duplicates in SUMMED else []
    if options.per and options.duplicates == "sum":
        frame = _power_as_energy(_register_as_increments(frame, target, options.per, report), target, options.per,
                                 report, _unit_written(raw.loc[frame.index], target))
    if options.per and options.duplicates in SUMMED and options.missing in ("interpolate", "ffill"):
        frame = _blanks_filled_before_summing(frame, target, options, report)
    events = bool(options.per) and options.duplicates == "sum" and not _readings_of_one_spacing(frame["ds"]) \
        and _blank_rows_of_another_kind(raw.loc[frame.index], frame["y"], date_col)
    if options.per:  # every stamp moved to the start of its period: the rows of one period then share it
        frame["ds"] = _period_starts(frame["ds"], options.per, date_col)
    frame = _order_and_deduplicate(frame, options.duplicates, report, raw[date_col] if date_col else None,
                                   raw if whole_rows is None else whole_rows, workbook=bool(report.sheets),
                                   per_period=bool(options.per), copies_counted=raw.attrs.get(COPIES_COUNTED))
    if events:
        frame = _blank_periods_as_none(frame, target, options.per, report)
    if options.per:
        frame = _without_partial_ends(_combined_per_period(frame, options, report, raw.attrs.get(FILE_END)), partial,
                                      options.per, report)
        text_columns = [col for col in raw.columns if col not in numbers and col != date_col]
        numbered = [col for col in numbers if col not in (target, *regressors, date_col)  # Nayax's 'Machine ID'
                    and _name_words(col) & _IDENTIFIER_WORDS and not (numbers[col].dropna() % 1).any()]
        keys = {notice.key for notice in report.notices}
        said = [col for col in (_sign_column(raw, target) if "notice.signed_by_side" in keys else None,
                                _status_column(raw, target) if keys & {"notice.failed_rows", "notice.cancelled_rows"}
                                else None) if col]
        grouping = [col for col in raw.columns  # in the file's order; not a status, nor the sign read (said)
                    if (col in text_columns or col in numbered) and col not in said]
        report.notices.extend(_groups_combined(raw, grouping, options.per, ds))
        counted = (ds.notna() & numbers[target].notna()).to_numpy()  # rows with a time and a value: combined
        zeroed = _zeroed_words(raw, target) if options.duplicates == "sum" else frozenset()
        flag = _status_column(raw, target) if zeroed else None
        applied = (zeroed if flag is not None else frozenset()) \
            - (_REFUNDED_WORDS if (numbers[target] < 0).any() else frozenset())
        report.notices.extend(_marked_rows_combined(raw[counted], text_columns, options.per,
                                                    numbers[target][counted], flag, applied, target))
    frame, future = _split_off_future(frame, regressors, report)
    unused = {col: numbers[col] for col in numeric  # (a constant, SCB's region '00 Riket' read as 0, is no regressor)
              if col not in (target, *regressors) and numbers[col].nunique() > 1}
    if options.missing != "zero":  # blanks as 0: a service idle at the end of a bill costs 0 there
        frame = _trim_blank_ends(frame, report, target, ds, unused)
    _check_regressors_observed(frame, regressors)
    rows = len(frame)
    frame, working = _without_closed_days(frame, target, report)
    if future is not None and len(frame) < rows:  # business days: the future rows of other days go too
        future = future[future["ds"].dt.day_of_week.isin(working)]
    frame = _without_days_off(_without_extra_weekdays(_without_stray_hours(frame, report), report), report)
    rows = len(frame)
    frame = _without_rows_between_readings(_on_the_targets_spacing(frame, target, date_col, report), target,
                                           date_col, report)
    frame, future = _on_open_hour_steps(frame, future, date_col, report)
    if not options.per and FILE_END not in raw.attrs:  # (a long file's series keep one grid: not one of them)
        frame = _on_the_coarser_spacing(frame, _spacing_policy(options.duplicates, target), report,
                                        _names_interval_ends(date_col))
    inferred, before_running = infer_frequency(frame["ds"]), len(frame)
    frame = _without_running_period(frame, inferred, report)
    frequency = _fiscal_season(inferred if len(frame) == before_running else infer_frequency(frame["ds"]), report)
    if options.per == "week" and frequency.alias in ("SMS", "SME") and (combined := frequency_per("week")):
        frequency = combined  # rows combined per week with weeks between them: weekly, not 'semi-monthly'
    # the regressors' future rows on the target's own spacing (a pantry's or a shop's days, its weather given for
    # every day: the weekend's rows were taken as the next steps', and the forecast stopped at the Friday)
    days = working_days(frequency.alias)  # a working week's days (a holiday among the future rows is no gap)
    if future is not None and (len(frame) < rows or days is not None):
        on_steps = future["ds"].dt.day_of_week.isin([WEEKDAY_NAMES.index(day) for day in days]) if days else \
            future["ds"].isin(future_dates(frame["ds"].iloc[-1], frequency, len(future), month_day(frame["ds"])))
        if not on_steps.all():
            between = int((~on_steps).sum())
            report.notices.append(Notice(
                f"{count(between, 'future row')} of the regressors, between the steps of the target "
                f"({frequency.name}), {_were(between)} left out: give their values on its steps to forecast with "
                "them.", "notice.future_between_steps", {"rows": between, "frequency": frequency.name}))
        future = future[on_steps]
    if future is not None:  # rows of hours and days opening hours close on go
        future = future[on_open_hours(pd.DatetimeIndex(future["ds"]), frequency.alias)]
    report.gaps = _gaps(frame["ds"], frequency, date_col)
    report.irregular_rows = irregular_rows(frame["ds"], frequency, report.gaps)
    if report.irregular_rows and not options.per:  # sites read on days of their own, alternating in one series
        report.notices.extend(_groups_in_one_series(raw, [col for col in raw.columns if col not in numbers
                                                          and col != date_col], ds))
    if not report.irregular_rows and (jitter := _uneven_stamps_notice(frame["ds"], frequency, date_col)) is not None:
        report.notices.append(jitter)
        if not options.per and (several := _days_of_several_rows(frame["ds"], frequency)) is not None:
            report.notices.append(several)
    if (events := _events_per_period(report, frequency, options)) is not None:
        report.notices.append(events)
    if report.gaps:
        report.notices.extend(_stray_end_notices(frame["ds"], frequency))
        written = date_col in raw.columns and writes_utc_offsets(raw[date_col])  # UTC stamps skip no hour
        report.clock_change_gaps = not written and _at_clock_changes(frame["ds"], frequency, report.gaps)
        places = calendar_places(frame["ds"], frequency)
        report.off_calendar = places is None
        report.sparse_calendar = places is not None and mostly_missing(places)
        if (report.sparse_calendar or report.off_calendar) and not options.per \
                and (slots := _weekly_slots(frame["ds"])) is not None:
            report.notices.append(slots)
        report.days_of_none = frequency.name == "daily" and _counts_only(frame["y"]) \
            and report.gaps >= _NONE_GAPS * (report.gaps + len(frame))
    if options.fill_gaps and report.gaps:
        frame = _resample(frame, frequency, report)
    # after the gaps are filled: the filled history is on the calendar, and so must its future rows be (they were
    # matched by position, a month left out of them put every later month's values a month early)
    if future is not None and len(frame) and _on_calendar(frame["ds"], frequency):
        future = _future_in_step(future, frame["ds"], frequency, report)
    rows = len(frame)
    frame = _fill_missing(frame, _policy_kept_in_step(options, frame, report), report, target, frequency)
    if len(frame) < rows:  # rows dropped for their blank cells leave their time stamps missing
        report.gaps = _gaps(frame["ds"], frequency, date_col)
        report.irregular_rows = irregular_rows(frame["ds"], frequency, report.gaps)
    if len(frame) and frame["y"].nunique() == 1:
        report.notices.append(_constant_notice(target))
    if (report.rows_combined_away or options.per) and not _converted_named(target, raw) \
            and (mixed := _currencies_mixed(raw, bool(_name_words(target) & _CURRENCY_CODES))) is not None:
        report.notices.append(mixed)
    if len(frame) < MIN_ROWS and date_col and raw.attrs.get("unsaved_formulas") and raw[date_col].isna().mean() > 0.5:
        raise DataError(f"Time column '{date_col}' has no dates in most rows: {_UNSAVED_FORMULAS[0].lower()}"
                        f"{_UNSAVED_FORMULAS[1:]}", "err.dates_unsaved_formulas", {"column": date_col})  # =EDATE(A2,1)
    if len(frame) < MIN_ROWS and (months := months_in_order([str(col).strip() for col in raw.columns])):
        first, last = str(raw.columns[months[0]]).strip(), str(raw.columns[months[1] - 1]).strip()
        raise DataError(f"The months run across the columns ('{first}' to '{last}') without a year, so the file has "
                        f"only {count(len(frame), 'row')} in time: write the year in each month's header ('{first} "
                        "2023') or add a Year column before them, a row per year.", "err.months_without_year",
                        {"first": first, "last": last, "rows": len(frame)})  # an author's sheet of titles down
    if len(frame) < MIN_ROWS:
        raise DataError(f"Only {count(len(frame), 'usable row')}: a series needs at least {MIN_ROWS} rows to split "
                        "and fit.", "err.too_few_rows",
                        {"rows": len(frame), "least": MIN_ROWS, "combined": report.rows_combined_away})
    frame = _carried_past_wraps(frame, target, report)
    _mark_target_bounds(frame, target, report, raw[target] if target in raw else None, _file_unit(raw),
                        _row_labels(raw, date_col, target))
    return LoadedSeries(frame=frame.reset_index(drop=True), date_col=date_col, target=target,
                        regressors=regressors, frequency=frequency, report=report,
                        columns=[str(c) for c in raw.columns], numeric_columns=numeric, future=future,
                        options=replace(options, date_col=date_col or "", target=target, regressors=tuple(regressors)),
                        constant_columns=tuple(col for col in numeric if col != target and numbers[col].nunique() <= 1))


def tidy_clean(cells: Mapping[str, object], options: LoadOptions, attrs: Mapping[str, object]) -> LoadedSeries | None:
    """``tidy`` of the table ``cells`` (column -> values) for the clean case only, without building that table:
    the time column and the target named in ``options`` are the only columns, the time stamps are typed (no time
    zone), strictly rising, complete and evenly spaced (``_uneven_stamps_notice``), and the target is numeric with no
    blank or out-of-range value. Every step of ``tidy`` is then a no-op but the frequency, the gaps and the
    constant-target notice, which are made as ``tidy`` makes them; None otherwise (``tidy`` handles it, with its
    notices and errors). A series of a long file, whose time column was parsed once for the whole file, is usually
    clean: this reads it in a fraction of the time."""
    date_col, target = options.date_col, options.target
    names = (date_col or "", target or "")
    columns = [name for name in cells if name != WHOLE_ROW_KEY]  # no copies where stamps rise: the key says nothing
    if (not date_col or not target or options.regressors or options.fill_gaps or options.per or columns != list(names)
            or options.missing not in MISSING_POLICIES or options.duplicates not in DUPLICATE_POLICIES
            or any(name != name.strip() or name.startswith("Unnamed:") for name in names)
            or attrs.get("point_thousands") or reader_notes(attrs)  # what the reader did, which tidy says: left to it
            or {name.lower() for name in names} & _ROW_COUNTER_NAMES):  # columns tidy may drop: left to tidy
        return None
    stamps, values = pd.array(cells[date_col]), pd.array(cells[target])
    if (not pd.api.types.is_datetime64_dtype(stamps.dtype) or not pd.api.types.is_numeric_dtype(values.dtype)
            or pd.api.types.is_bool_dtype(values.dtype) or len(values) < MIN_ROWS):
        return None
    y = values.to_numpy(dtype=float, na_value=np.nan)
    ds = stamps.to_numpy()
    if not (np.isfinite(y).all() and (np.abs(y) <= MAX_MAGNITUDE).all() and not np.isnat(ds).any()
            and (ds[1:] > ds[:-1]).all() and not np.isin(y, MISSING_CODES).any()):
        return None
    frame = pd.DataFrame({"ds": ds, "y": y})
    report = DataReport(rows_read=len(frame), date_format="datetime")
    frequency = infer_frequency(frame["ds"])
    report.gaps = count_gaps(frame["ds"], frequency)
    uneven = regular_alias(frame["ds"]) != frequency.alias  # (remembered) an event log: a hospital's orders by account
    if report.gaps or _uneven_stamps_notice(frame["ds"], frequency, date_col) is not None \
            or uneven and irregular_rows(frame["ds"], frequency, 0):  # said by ``tidy``: the calendar the models
        return None  # follow, hours the clocks skip, stray first and last stamps, an event log
    if np.ptp(y) == 0:
        report.notices.append(_constant_notice(target))
    frame = _carried_past_wraps(frame, target, report)
    _mark_target_bounds(frame, target, report, labels=tuple(str(label) for label in attrs.get(SERIES_LABELS, ())))
    return LoadedSeries(frame=frame, date_col=date_col, target=target, regressors=[], frequency=frequency,
                        report=report, columns=[date_col, target], numeric_columns=[target], future=None,
                        options=replace(options, regressors=()))


TARGET_CEILING = "target_ceiling"  # the key of a tidy frame's ``attrs`` that holds the most its target can be
_PERCENT_WORDS = frozenset({"percent", "percentage", "pct", "prozent", "pourcentage", "porcentaje", "percentuale",
                            "procent", "百分比"})
# a change, a growth rate or a share of a goal or of GDP goes past 100% (+150%, a debt of 250% of GDP)
_PAST_100_WORDS = frozenset({"change", "chg", "growth", "return", "returns", "yoy", "mom", "qoq", "increase",
                             "decrease", "delta", "diff", "difference", "variance", "var", "variation", "gdp",
                             "target", "budget", "plan", "goal", "quota", "capacity", "index", "ratio", "markup",
                             "normal", "median", "average", "avg", "mean", "baseline", "cpu", "prior", "previous"})


_RUNNING_LEAST = 24  # values, at least, of a series that never falls for it to be a running total (``never_falls``)
_RISING_SHARE = 0.1  # of its steps, at least, on which it rises
_RUNNING_TOTAL_WORDS = frozenset({"cumulative", "cum", "cumul", "running", "lifetime", "stars", "stargazers", "pull",
                                  "pulls", "odometer",  # ... and a meter's register (a forecast of it ran backwards)
                                  "register", "meter", "zählerstand", "zaehlerstand", "meterstand"})
TARGET_RUNNING = "target_running"  # the key of a tidy frame's ``attrs`` set for a running total (``running_total``)


def never_falls(values: np.ndarray) -> bool:
    """Whether ``values`` never fall: ``_RUNNING_LEAST`` of them at least, none below the one before, rising on
    ``_RISING_SHARE`` of the steps at least."""
    known = np.asarray(values, dtype=float)
    known = known[np.isfinite(known)]
    if len(known) < _RUNNING_LEAST:
        return False
    steps = np.diff(known)
    return bool((steps >= 0).all() and (steps > 0).mean() >= _RISING_SHARE)


def running_total(target: str, values: np.ndarray) -> bool:
    """Whether the target is a running total (GitHub's star history, Docker Hub's pulls, a car's odometer): its name
    says so (``_RUNNING_TOTAL_WORDS``) and its values never fall (``never_falls``); a level that only rose so far (a
    policy rate's steps, a price index, a population, a stock build-up) is none, as it may fall next. Its forecast and
    band stay at the last value or above (``core.evaluation.pipeline.held_at_last``)."""
    return bool(_name_words(target) & _RUNNING_TOTAL_WORDS) and never_falls(values)


def _mark_target_bounds(frame: pd.DataFrame, target: str, report: DataReport, cells: pd.Series | None = None,
                        unit: str = "", labels: tuple[str, ...] = ()) -> None:
    """Keep in ``frame``'s ``attrs`` what bounds its target for ``core.evaluation.pipeline``: a percentage's 100
    (``percent_ceiling``), a rate or a temperature that may go below zero as a count may not (``signed_rate``, with
    the file's ``unit``, or as its rows' ``labels`` name it: a long file's 'value' of 'Inflation, consumer prices
    (annual %)'), and a running total's last value (``running_total``), said in ``report``."""
    if (ceiling := percent_ceiling(target, frame["y"], cells)) is not None:
        frame.attrs[TARGET_CEILING] = ceiling
    if signed_rate(target, unit) or any(_RATE_LABEL.search(label) and signed_rate(label) for label in labels):
        frame.attrs[TARGET_SIGNED] = True
    if running_total(target, frame["y"].to_numpy(dtype=float)):
        frame.attrs[TARGET_RUNNING] = True
        report.notices.append(Notice(f"'{target}' never falls in the file, as a running total: its forecast and band "
                                     "are kept at its last value or above, and the forecast from falling.",
                                     "notice.running_total", {"column": target}))


def percent_ceiling(target: str, values: pd.Series, cells: pd.Series | None = None) -> float | None:
    """100 where the target is a percentage of a whole, which no forecast may pass (an occupancy's trend was carried to
    117%): named so (``Occupancy %``, ``Percent Positive``) or written with ``%`` in most ``cells``, no change, growth
    or share of a goal (those pass 100), with every value from 0 to 100; None otherwise."""
    words = _name_words(target)
    named = "%" in str(target) or bool(words & _PERCENT_WORDS)
    if not named and cells is not None:
        named = _percent_share(cells) >= 0.5
    known = values.to_numpy(dtype=float)
    known = known[np.isfinite(known)]
    if not named or words & _PAST_100_WORDS or re.search(r"\bof\s+(?:19|20)\d\d\b", str(target)) \
            or not len(known) or known.min() < 0 or known.max() > 100:  # TSA's '% of 2019 Travelers' passed 100
        return None
    return 100.0


TARGET_SIGNED = "target_signed"  # the key of a tidy frame's ``attrs`` set for a rate that can go below zero
_SIGNED_WORDS = frozenset({"growth", "inflation", "deflation", "yoy", "mom", "qoq", "euribor", "libor", "sofr", "eonia",
                           "estr", "€str", "tibor"})
# ... and these where the name says a rate ('Return %', '10Y Yield (%)', 'Interest Rate'; not a shop's 'Returns', a
# PV inverter's 'Yield [kWh]' or 'Interest Income', counts and amounts never below zero)
_SIGNED_AS_RATE = frozenset({"change", "chg", "yield", "yields", "return", "returns", "interest"})
_RATE_MARKS = frozenset({"rate", "percent", "percentage", "pct", "bps", "bp",  # or of a market's bonds ('10 Year
                         "treasury", "bond", "bonds", "gilt", "gilts", "bund", "jgb", "tbill", "swap"})  # Treasury Yield',
# near zero in Japan, went below; not a mortgage's or a savings account's interest paid or earned, amounts never below zero)
# a rate of these words is of prices or of interest ('CPI annual rate', 'Cash Rate Target', 'Bank Rate')
_RATE_OF_WORDS = frozenset({"cpi", "hicp", "rpi", "cpih", "pce", "prices", "price", "policy", "cash", "bank", "funds",
                            "repo", "discount", "lending", "deposit", "overnight", "interbank", "refinancing"})


# a temperature (on a scale whose zero is no least value) or a departure from a normal goes below zero though its
# history never did: an autumn of outdoor readings was held at 0 °C for the winter
_SCALE_WORDS = frozenset({"temperature", "temperatures", "tmax", "tmin", "tavg", "tmean", "tobs", "dewpoint",
                          "celsius", "fahrenheit", "degc", "degf", "windchill", "anomaly", "température",
                          "temperatur", "temperatura", "temperaturen", "温度", "气温"})
# ... not a count or hours so named (a staffing file's 'Temp Hours', a monitor's 'Anomaly Count')
_NOT_SCALE_WORDS = frozenset({"count", "counts", "number", "hours", "hrs", "headcount", "staff", "workers",
                              "employees", "agency", "fte", "shifts", "chill", "cost", "costs", "labor", "labour", "pay",
                              "wages", "score", "degree", "cdd", "hdd", "gdd"})  # (degree days, an anomaly score)


def signed_rate(target: str, unit: str = "") -> bool:
    """Whether ``target`` names a rate of change or of interest, which can go below zero though its history never did
    (an inflation rate's band stopped at 0, its forecast was held there), or a temperature or an anomaly (named so, or
    in degrees, in its name or in the file's one ``unit``): its band and forecast are not held at 0."""
    words = _name_words(target)
    as_rate = bool(words & _RATE_MARKS) or "%" in str(target)
    degrees = re.search(r"°\s*[CF]\b|[℃℉]", f"{target} {unit}") or "temp" in words and re.search(r"\([CF]\)", str(target))
    scale = (bool(words & _SCALE_WORDS) or {"dew", "point"} <= words or bool(degrees)) \
        and not words & _NOT_SCALE_WORDS  # (a wind direction's '°' is none, nor 'Temp Placements', temporary staff)
    return bool(words & _SIGNED_WORDS) or scale \
        or as_rate and bool(words & _SIGNED_AS_RATE) or "rate" in words and bool(words & _RATE_OF_WORDS)


SERIES_LABELS = "series_labels"  # a long file's series' id values, in its raw rows' ``attrs``
# A label that names a rate ('Inflation, consumer prices (annual %)', 'Growth rate, over 1 year'); not a team named
# 'Growth', a 'Mom & Baby' department nor a 'Temperature Probe' sold
_RATE_LABEL = re.compile(r"%|\b(?:rate|percent|percentage|change|inflation|deflation|yoy|qoq|y/y|q/q)\b",
                         re.IGNORECASE)  # ('CPI YoY')
_MOST_LABELS, _LONGEST_LABEL = 12, 160  # text columns of one value read as the rows' labels, and their length


def _row_labels(raw: pd.DataFrame, date_col: str | None, target: str) -> tuple[str, ...]:
    """The one value of each text column that holds one in every row (OECD's 'TRANSFORMATION' 'Growth rate, over 1
    year'), of the first ``_MOST_LABELS`` such columns, after a long file's series' ids (WDI's 'Series Name':
    'Inflation, consumer prices (annual %)')."""
    labels = [str(label) for label in raw.attrs.get(SERIES_LABELS, ())]
    for col in raw.columns[:4 * _MOST_LABELS]:
        if col in (date_col, target) or pd.api.types.is_numeric_dtype(raw[col]) or len(labels) >= _MOST_LABELS:
            continue
        values = raw[col].dropna().astype("string").str.strip()
        if len(values) and (first := str(values.iloc[0])) and len(first) <= _LONGEST_LABEL and (values == first).all():
            labels.append(first)
    return tuple(labels)


def _file_unit(raw: pd.DataFrame) -> str:
    """The one value of a column named a unit (Home Assistant's statistics: ``unit`` °C beside ``mean``), or ''."""
    for col in raw.columns:
        if _name_text(col) in _UNIT_NAMES:
            units = raw[col].dropna().astype("string").str.strip().unique()
            return str(units[0]) if len(units) == 1 else ""
    return ""


def count(n: int, noun: str) -> str:
    """``1 row``, ``2 rows``, ``1,000 rows``: a number with its noun in the right number."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _constant_notice(target: str) -> Notice:
    return Notice(f"'{target}' holds the same value in every row: any model forecasts it exactly. Choose another "
                  "column if this is not the series.", "notice.constant_target", {"column": str(target)})


def _were(n: int) -> str:
    return "was" if n == 1 else "were"


def drop_index_columns(raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` without columns that number its rows: unnamed ones (pandas' ``to_csv`` writes its index so) and row
    counters (``_is_row_counter``). (An unnamed first column of dates is named when the file is read:
    ``core.data.parsing.name_unnamed_dates``.)"""
    keep = [col for col in raw.columns if not (unnamed_column(col) or _is_row_counter(raw, col))]
    return raw[keep] if keep and len(keep) < len(raw.columns) else raw


def without_summary_rows(raw: pd.DataFrame) -> pd.DataFrame:
    """A whole file's table without the rows that sum it up (``_drop_summary_rows``), before it is split into
    series (a long file's ``Total`` row would be a series of its own); each series' notices say they were left out
    (``attrs["summary_rows"]``)."""
    report = DataReport()
    kept = _drop_summary_rows(raw, report)
    if kept is raw:
        return raw
    kept = kept.copy()
    kept.attrs = {**raw.attrs, "summary_rows": report.notices[0].params}
    return kept


# A total named by what it sums, at the end of the table: 'Season Total', 'FY Total', 'Performance Total'
_NAMED_TOTAL = re.compile(r"[^\d,;]{1,40}?\s+(?:total|totals|gesamt|summe|totaal|totale)", re.IGNORECASE)


def _drop_summary_rows(raw: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """Rows that sum up or annotate the table are left out with a notice, not read as time steps with an unreadable
    date, or worse, make the date column fail its share of readable cells and the file fall back to row numbers:
    at the end of the table, rows whose first text column's cell (or a later text column's, a long file's ids after
    its dates) starts with a summary word (``Total``, ``Average``, ...) or is a note (``Source: internal ERP``:
    ``_is_note_row``); anywhere, a pivot table's subtotals (``2020 Total``: ``SUBTOTAL_ROW``)."""
    checked = min(_SUMMARY_ROWS_CHECKED, len(raw) // 2)
    texts = [col for col, kind in raw.dtypes.items()
             if not pd.api.types.is_numeric_dtype(kind) and not pd.api.types.is_datetime64_any_dtype(kind)][:3]
    if not texts or not checked:
        return raw
    lead = raw[texts[0]].iloc[-checked:].astype("string").str.strip()
    undated = (lead.isna() | (lead == "")).to_numpy()  # a later column's word counts in a row without a first cell
    summing = [col for col in texts if (raw[col].iloc[-checked:].astype("string").str.strip().str.fullmatch(
        SUMMARY_ROW).fillna(False).to_numpy() & (undated | (col == texts[0]))).any()]
    first = (summing or texts)[0]
    cells = raw[first].astype("string").str.strip()
    tail, above = cells.iloc[-checked:], cells.iloc[:-checked]
    worded = (tail.str.fullmatch(SUMMARY_ROW) | tail.str.fullmatch(_NAMED_TOTAL)).fillna(False) \
        | _is_note_row(raw, first, tail, above)
    if first != texts[0]:
        worded &= undated
    subtotals = _subtotal_rows(cells)
    bare = _bare_totals(cells)
    if not (worded.any() or subtotals.any() or bare.any()):  # the usual table (and every long file's): nothing to do
        return raw
    # A word that also names other rows (a series called "Total" in a long file) is data, not a summary.
    named_above = set(above[above.isin(list(set(tail[worded])))].unique())
    summary = (worded & ~tail.isin(list(named_above))).to_numpy(dtype=bool)
    at_end = int(np.argmin(summary[::-1])) if not summary.all() else len(summary)  # the run of them at the end
    dropped = np.zeros(len(raw), dtype=bool)
    dropped[len(raw) - at_end:] = True
    few = cells.map(cells.value_counts()) < MIN_ROWS  # 'Police Total' after each fiscal year: too few for a series
    dropped |= (subtotals & (~cells.duplicated(keep=False) | few) | bare).to_numpy(dtype=bool)
    if not dropped.any():
        return raw
    rows = int(dropped.sum())
    words = clipped_list(cells[dropped])
    report.rows_dropped += rows
    report.notices.append(_summary_rows_notice(rows, words))
    return raw[~dropped]


# Columns of rain or snow, where weather services (NOAA's GHCN-Daily, LCD and Climate Data Online) write 'T' for a
# trace: some fell, too little to measure.
_PRECIPITATION_NAME = re.compile(r"prcp|precip|rain|snow|snwd", re.IGNORECASE)


# Hours and minutes of a column named hours (a timecard's 'Overtime Hours' 64:28, Excel's [h]:mm read as '3 days,
# 1:29:14', Deputy's '138h 55m'): read as decimal hours. Refused as durations, the timecard's head count was forecast.
_HOURS_NAMES = frozenset({"hours", "hrs", "overtime"})
_DURATION_NAMES = frozenset({"duration", "spent", "h"})  # Toggl's 'Duration', Clockify's 'Duration (h)', Jira's 'Time
# Spent': decimal hours, or minutes where most last under an hour (a call's 'Talk Duration')
# Words before 'Time' that make it a duration, not a time of day: Samsara's 'Idle Time' and 'Engine Run Time' ('1h
# 18m' was refused as durations), a contact centre's 'Talk Time', 'Hold Time' and 'Handle Time' (not 'Call Time', a
# log's time of day in some exports)
_SPENT_TIME_WORDS = frozenset({"idle", "run", "running", "engine", "talk", "hold", "wait", "waiting", "queue", "ring",
                               "drive", "driving", "handle", "handling", "wrap", "acw", "ivr",
                               "park", "travel", "response", "resolution", "dwell", "charging", "moving", "cycle",
                               "lead", "transit", "processing", "screen", "watch", "billable", "bill"})
_OPENING_WORDS = frozenset({"opening", "open", "business", "office", "start", "end", "from", "to"})  # of a clock
# a time of day's names: its '6h 20m' is a clock's
_CLOCK_NAMES = frozenset({"time", "hour", "heure", "zeit", "uhrzeit", "hora", "ora", "clock"})
_HOURS_AND_MINUTES = re.compile(r"(?:(\d+) days?, )?(\d{1,4}):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?"
                                r"|(\d{1,4})\s*h\s*(?:([0-5]?\d)\s*m)?")


def _hours_as_decimals(raw: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """``raw`` with the hours and minutes of columns named hours (``_HOURS_NAMES``) as decimal hours (7:45 as 7.75),
    where nearly every non-blank cell is written so, said; as it is otherwise."""
    read = {}
    for col in raw.columns:
        words = _name_words(col)
        timed = words & (_HOURS_NAMES | _DURATION_NAMES) or _spent_time(col)
        if pd.api.types.is_numeric_dtype(raw[col]) or words & _CLOCK_NAMES and not timed:
            continue  # (a time of day's '6h 20m' is a clock's)
        text = raw[col].astype("string").str.strip()
        written = text[text.notna() & (text != "")]
        parts = written.str.extract(f"^(?:{_HOURS_AND_MINUTES.pattern})$")
        if not timed:  # elsewhere only '138h 55m', no clock's '07:00' nor a lone '9 h'
            parts = parts.where(parts[1].isna() & parts[5].notna())
        elif not words & _HOURS_NAMES:  # a duration's '1:30:00' or '2h 30m', no '26:18' (a race's minutes and
            parts = parts.where(parts[3].notna() | parts[4].notna())  # seconds, or hours and minutes?)
        matched = parts[1].notna() | parts[4].notna()
        if not len(written) or matched.mean() < PARSE_SHARE:
            continue
        numbers = parts.astype("float64")
        if (numbers[2].fillna(0) == 0).all() and numbers[1].dropna().between(0, 23).all() and parts[1].notna().any() \
                and not (timed and not words & _OPENING_WORDS):  # (a timecard's 'Hours' of 8:00 for
            continue  # each REG day) the hours of a clock (00:00 to 23:00, a shift's 07:00), not a duration
        hours = (numbers[0].fillna(0) * 24 + numbers[1].fillna(0) + numbers[2].fillna(0) / 60
                 + numbers[3].fillna(0) / 3600).where(parts[1].notna(), numbers[4] + numbers[5].fillna(0) / 60)
        first = float(hours[matched].iloc[0])  # Excel's [h]:mm read as '3 days, 1:29:14.59': said as 73:29
        example = str(written[matched].iloc[0]) if parts[0].isna().all() else \
            f"{int(first)}:{int(first % 1 * 60):02d}"
        minutes = not words & (_HOURS_NAMES | {"h"}) and float(hours[matched].median()) < 1
        read[col] = (text.mask(matched.reindex(text.index, fill_value=False),
                               (hours * (60 if minutes else 1)).round(6).astype("string").reindex(text.index)),
                     example, minutes)
    if not read:
        return raw
    for col, (_, example, minutes) in read.items():
        report.notices.append(Notice(
            f"'{col}' writes durations ('{example}'): read as decimal minutes.", "notice.duration_minutes",
            {"column": str(col), "example": example}) if minutes else Notice(
            f"'{col}' writes hours and minutes ('{example}'): read as decimal hours.", "notice.hours_minutes",
            {"column": str(col), "example": example}))
    timed = raw.assign(**{str(col): values for col, (values, _, _) in read.items()})
    timed.attrs = {**raw.attrs, DURATIONS: [col for col in read if not _name_words(col) & _HOURS_NAMES]}
    return timed


def _spent_time(col: object) -> bool:
    """Whether a name says time spent: 'Time' after a word of ``_SPENT_TIME_WORDS`` ('Idle Time', 'Talk Time (s)')."""
    words = _word_list(without_units(col))
    return len(words) >= 2 and words[-1] == "time" and words[-2] in _SPENT_TIME_WORDS


DURATIONS = "durations"  # the columns read as durations (``_hours_as_decimals``): measures after the others


_TRACE_WORDS = frozenset({"t", "tr", "trace"})
_NOT_MEASURED = frozenset({"M"})  # NOAA's missing beside its traces: left to the column's missing values


def _traces_as_zero(raw: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """``raw`` with the 'T' cells of precipitation columns whose other cells are numbers of at least 0 read as 0: read
    as missing, a day of a trace took the rain of the days around it (0.4 between 0.5 and 0.3), and a column of them
    as target was refused as not numeric."""
    traced = {}
    for col in raw.columns:
        if not _PRECIPITATION_NAME.search(str(col)) or pd.api.types.is_numeric_dtype(raw[col]):
            continue
        text = raw[col].astype("string").str.strip()
        trace = text.str.lower().isin(_TRACE_WORDS).fillna(False)  # 'T', a station log's 'Tr' or 'trace'
        unread = text.isin(_NOT_MEASURED) | text.isna() | (text == "")  # NOAA's 'M' (missing): read as missing
        others = pd.to_numeric(text[~trace & ~unread], errors="coerce")
        if trace.any() and len(others) and others.notna().mean() >= PARSE_SHARE and others.min() >= 0:
            traced[col] = trace
    if not traced:
        return raw
    raw_words = {col: raw[col][trace].astype("string").str.strip().mode().iloc[0] for col, trace in traced.items()}
    raw = raw.assign(**{str(col): raw[col].mask(trace, "0") for col, trace in traced.items()})
    for col, trace in traced.items():
        cells, word = int(trace.sum()), str(raw_words[col])
        report.notices.append(Notice(f"{count(cells, 'cell')} of '{col}' {'holds' if cells == 1 else 'hold'} "
                                     f"'{word}', a trace (some fell, too little to measure): read as 0.",
                                     "notice.trace_as_zero", {"cells": cells, "column": str(col), "word": word}))
    return raw


_BELOW_HALF_UNIT = "(Z)"  # NASS's and the Census Bureau's mark for a value below half the unit shown


def _below_half_unit_as_zero(raw: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """``raw`` with the '(Z)' cells of a column whose other cells are numbers of at least 0 (or other marks) read as 0,
    said: NASS writes it for less than half the unit shown, and it was read as missing (a sweet-corn series lost ten
    of its 26 years)."""
    marked = {}
    for col in raw.columns:
        if pd.api.types.is_numeric_dtype(raw[col]) or not raw[col].eq(_BELOW_HALF_UNIT).any():  # cheap: most have none
            continue
        text = raw[col].astype("string").str.strip()
        below = (text == _BELOW_HALF_UNIT).fillna(False)
        if not below.any():
            continue
        others = pd.to_numeric(text[~below & ~text.str.startswith("(").fillna(True)].str.replace(",", "", regex=False),
                               errors="coerce")
        if len(others) and others.notna().mean() >= PARSE_SHARE and others.min() >= 0:
            marked[col] = below
    for col, below in marked.items():
        cells = int(below.sum())
        report.notices.append(Notice(f"{count(cells, 'cell')} of '{col}' {'holds' if cells == 1 else 'hold'} '(Z)', "
                                     "less than half the unit shown: read as 0.", "notice.below_half_unit",
                                     {"cells": cells, "column": str(col)}))
    return raw.assign(**{str(col): raw[col].mask(below, "0") for col, below in marked.items()}) if marked else raw


def _time_rows_only(raw: pd.DataFrame, options: LoadOptions, report: DataReport) -> pd.DataFrame:
    """The table without the rows of its time column that are not time steps of the series, said: labels above the
    first date (``leading_labels``), and the longer periods of a column that nests several (``nested_periods``:
    a year's and a quarter's rows beside the months', which as time steps would have been combined with the first
    month's). The time column: the one named, else the first whose name says time, else the first."""
    if options.date_col == "" or raw.empty:
        return raw
    col = options.date_col or next((col for col in raw.columns if _sounds_like_date(col)), raw.columns[0])
    if col not in raw.columns:
        return raw
    labels = leading_labels(raw[col])
    if labels and parse_dates(raw[col]) is None:
        rest = raw[col].iloc[labels:]
        if nested_periods(rest) is not None or parse_dates(rest) is not None:
            raw = _without_rows_above(raw, labels, col, report)
    grouped = months_under_years(raw[col])
    if grouped is not None:
        stamps, subtotals = grouped
        left = raw[col][subtotals]
        report.rows_dropped += len(left)
        kept, examples = int((~subtotals).sum()), _quoted_cells(left)
        report.notices.append(Notice(
            f"'{col}' groups the months under their years (as an Excel pivot table does): its {kept:,} month rows are "
            f"read with their year; {count(len(left), 'row')} of years or quarters ({examples}: subtotals, or blank) "
            f"{_were(len(left))} left out.", "notice.months_under_years",
            {"column": str(col), "kept": kept, "rows": len(left), "examples": examples}))
        return raw[~subtotals].assign(**{col: stamps[~subtotals]})
    nested = nested_periods(raw[col])
    if nested is None:
        return raw
    shortest, kept = nested
    left = raw[col][~kept.to_numpy()]
    examples = _quoted_cells(left)
    report.rows_dropped += len(left)
    report.notices.append(Notice(
        f"'{col}' writes the series by periods of several lengths (as ONS files do: years, quarters and months one "
        f"below the other): its {int(kept.sum()):,} {shortest} rows are used; {count(len(left), 'row')} of longer "
        f"periods ({examples}) {_were(len(left))} left out.", "notice.nested_periods",
        {"column": str(col), "kept": int(kept.sum()), "frequency": shortest, "rows": len(left), "examples": examples}))
    return raw[kept.to_numpy()]


# Rows of whole weekdays without a value among daily rows that have one: a working week (``_without_closed_days``).
_LEAST_WEEKENDS = 4  # rows of those weekdays at least (Saturdays and Sundays; Sundays alone)
_WEEKDAYS_KNOWN = 0.8  # the share of the other days with a value
# The notice for each working week (``frequency.working_week_of``) whose closed days are left out.
_CLOSED_DAYS_NOTICES = {
    "B": ("Saturday or Sunday row", "business days, and its forecasts skip weekends", "notice.blank_weekends"),
    MON_TO_SAT: ("Sunday row", "a six-day week (Monday to Saturday), and its forecasts skip Sundays",
                 "notice.blank_sundays"),
    SUN_TO_THU: ("Friday or Saturday row", "a Sunday-to-Thursday week, and its forecasts skip Fridays and Saturdays",
                 "notice.blank_fridays_saturdays"),
    TUE_TO_SUN: ("Monday row", "a six-day week (Tuesday to Sunday), and its forecasts skip Mondays",
                 "notice.blank_mondays"),
    WED_TO_SUN: ("Monday or Tuesday row", "a Wednesday-to-Sunday week, and its forecasts skip Mondays and Tuesdays",
                 "notice.blank_mondays_tuesdays"),
}


def _without_closed_days(frame: pd.DataFrame, target: str, report: DataReport) -> tuple[pd.DataFrame, list[int]]:
    """``frame`` without the rows of the weekdays that never hold a value where the file writes every calendar day
    but gives a value on the days of a working week only (the Bundesbank's exchange rates: 'Kein Wert vorhanden' on
    weekends; a shop closed on Sundays): a business-day series, said; and the working week's days (pandas'
    day_of_week; none where nothing was left out). Read as written, it was daily, its closed days interpolated and its
    forecasts on them."""
    ds = frame["ds"]
    if len(frame) < 14 or not pd.api.types.is_datetime64_any_dtype(ds) or (ds != ds.dt.normalize()).any():
        return frame, []
    weekday, known = ds.dt.day_of_week.to_numpy(), frame["y"].notna().to_numpy()
    days = np.diff(ds.to_numpy()).astype("timedelta64[D]").astype(int)
    open_days = {int(day) for day in weekday[known]}
    closed = sorted(set(weekday[~known]) - open_days)
    shut = np.isin(weekday, closed)
    week = working_week_of(open_days) if closed else None  # the days with values (not all but the closed)
    if week is None or shut.sum() < _LEAST_WEEKENDS or np.median(days) != 1 or known[~shut].mean() < _WEEKDAYS_KNOWN:
        return frame, []
    rows, (noun, read_as, key) = int(shut.sum()), _CLOSED_DAYS_NOTICES[week]
    report.rows_dropped += rows
    report.notices.append(Notice(f"{count(rows, noun)} without a value in '{target}' {_were(rows)} left out: the "
                                 f"series is read as {read_as}.", key, {"rows": rows, "column": target}))
    return frame[~shut], sorted(open_days)


def _without_stray_hours(frame: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """``frame`` without the few rows at hours outside the opening hours of all the others (``frequency.stray_hours``),
    said with their stamps; as it is where there are none."""
    ds = frame["ds"]
    if not pd.api.types.is_datetime64_any_dtype(ds):
        return frame
    stray = stray_hours(pd.DatetimeIndex(ds))
    if stray is None:
        return frame
    kept = frame[~stray]
    of_day = kept["ds"].dt.hour * 60 + kept["ds"].dt.minute  # the first and the last step's times: 08:30-16:30
    first, last = int(of_day.min()), int(of_day.max())
    rows, stamps = int(stray.sum()), ", ".join(f"{stamp:%Y-%m-%d %H:%M}" for stamp in ds[stray].iloc[:_STRAY_LISTED])
    hours = f"{first // 60:02d}:{first % 60:02d}-{last // 60:02d}:{last % 60:02d}"
    report.rows_dropped += rows
    report.notices.append(Notice(
        f"{count(rows, 'row')} at a time of day no other row is at ({stamps}) {_were(rows)} left out: the others, "
        f"{hours}, are read as steps of those opening hours. If they are readings of the night, the series runs "
        "around the clock: give the other hours' rows too.", "notice.stray_hours",
        {"rows": rows, "hours": hours, "stamps": stamps}))
    return kept.reset_index(drop=True)


def _without_running_period(frame: pd.DataFrame, frequency: Frequency, report: DataReport) -> pd.DataFrame:
    """``frame`` without its last row where every other row is on the steps of ``frequency``'s calendar periods
    (month ends, week starts) and the last falls off them, within the period after the one before: a period still
    running (a ChartMogul export's '2024-01-05' month to date after its month ends: the forecasts moved to the 5th and
    fell by two thirds), said; as it is otherwise."""
    alias = frequency.alias or ""
    snapshot = alias == "D" and len(frame) >= MIN_ROWS and _a_days_snapshot(frame["ds"])  # CoinGecko's 14:23 today
    if not snapshot and (len(frame) < MIN_ROWS or alias.split("-")[0] not in _PERIOD_STEPS):
        return frame
    offset, ds = offset_of(alias), frame["ds"]
    if alias.startswith("W"):  # the others' weekday (the weeks were anchored on the last row's, a Wednesday)
        offset = pd.offsets.Week(weekday=int(ds.iloc[:-1].dt.dayofweek.mode().iloc[0]))
    last = ds.iloc[-1]
    near = min(abs(offset.rollforward(last) - last), abs(last - offset.rollback(last)))  # a leap year's 28 February
    # a week's last row five days or fewer after the one before is running, however near the next step (stooq's weekly
    # prices to a Wednesday: the forecast moved to Wednesdays); a few rows a day off (Good Friday's Thursday) are steps
    short = alias.startswith("W") and last - ds.iloc[-2] <= pd.Timedelta(days=5)
    on_steps = np.mean([offset.is_on_offset(stamp) for stamp in ds.iloc[-_ON_STEPS:-1]])
    if not snapshot and (near <= _NEAR_STEP and not short or on_steps < _ON_STEP_SHARE
                         or not ds.iloc[-2] < last < ds.iloc[-2] + offset):
        return frame
    stamp = f"{last:%Y-%m-%d %H:%M}" if snapshot else f"{last:%Y-%m-%d}"
    report.rows_dropped += 1
    report.notices.append(Notice(f"The last row ({stamp}) falls between the {frequency.name} steps of the others, "
                                 "after the last of them: a period still running (an export's day, week or month to "
                                 "date), it was left out.", "notice.running_period",
                                 {"stamp": stamp, "frequency": frequency.name}))
    return frame.iloc[:-1]


def _a_days_snapshot(ds: pd.Series) -> bool:
    """Whether a daily series' last stamp is a moment of the day after the last (the others all at one time of day):
    under ``_SNAPSHOT_BEFORE`` after the one before, or later on its day."""
    if not pd.api.types.is_datetime64_any_dtype(ds):
        return False
    before, last = ds.iloc[-_ON_STEPS:-1], ds.iloc[-1]
    times = (before - before.dt.normalize()).unique()
    previous = ds.iloc[-2]
    return len(times) == 1 and previous < last and (last < previous + _SNAPSHOT_BEFORE  # (not a clock change's 23
                                                    or last.normalize() == previous.normalize()  # hours after the
                                                    and last - previous != _CLOCK_CHANGE_DAY)  # midnight before, nor
    # a reservoir read at 06:30 after its 08:00s; CoinGecko's 22:30 or 23:59 after its midnights is)


_CLOCK_CHANGE_DAY = pd.Timedelta(hours=23)  # a day across a clock change, from one local midnight to the next
_SNAPSHOT_BEFORE = pd.Timedelta(hours=20)  # after the row before, a day's snapshot comes sooner than this (CoinGecko's
# price at 14:23 today after its midnights; a reservoir read at 06:30 after its 08:00s was left out at 22h45)


_PERIOD_STEPS = ("MS", "ME", "QS", "QE", "YS", "YE", "W")  # calendar periods a running one is cut from
_NEAR_STEP = pd.Timedelta(days=3)  # off a step by this much at most: the step written otherwise, no running period
_ON_STEPS = 24  # the rows before the last that must be on the steps (``_without_running_period``) ...
_ON_STEP_SHARE = 0.9  # ... this share of them at least
_STRAY_LISTED = 3  # stray rows named in their notice
_EXTRA_DAYS = 0.05  # of a weekly series' rows, at most, on another weekday in a week that has its own day's row


def _without_extra_weekdays(frame: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """``frame`` without the few rows of a weekly series on another weekday, in weeks that hold the series' own day
    (a church's Sunday attendance with a Christmas Eve service: counted as a week, it moved seasonal naive's year by
    a week), said with the way to count them in their weeks; as it is otherwise. A row moved from its day (a round
    a day late after a holiday) stands for its week and stays."""
    ds = frame["ds"]
    if not pd.api.types.is_datetime64_any_dtype(ds) or len(ds) < 20 or (ds != ds.dt.normalize()).any():
        return frame
    weekday = ds.dt.day_of_week
    usual = weekday == weekday.mode().iloc[0]
    extra = ~usual.to_numpy()
    if not extra.any() or extra.sum() > _EXTRA_DAYS * len(ds) or (ds[usual].diff().dt.days.median() != 7):
        return frame
    own = ds[usual].to_numpy()
    others = ds[~usual].to_numpy()
    before = np.searchsorted(own, others) - 1  # the series' own day before each other row, and the one after it
    inside = (before >= 0) & (before + 1 < len(own))
    around = own[np.clip(before + 1, 0, len(own) - 1)] - own[np.clip(before, 0, len(own) - 1)]
    extra[extra] = inside & (around == np.timedelta64(7, "D"))  # a week with its own day's row too
    if not extra.any():
        return frame
    report.rows_dropped += int(extra.sum())
    report.notices.append(_extra_weekdays_notice(ds[extra], f"{ds[usual].iloc[0]:%A}"))
    return frame[~extra].reset_index(drop=True)


_RARE_DAY = 0.1  # of the busiest weekday's rows, at most, on a weekday off a working week (``_without_days_off``)


def _without_days_off(frame: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """``frame`` without the few rows of a daily series on weekdays off the working week all its other rows keep (a
    pantry open Tuesday, Thursday and Saturday that opened one Monday; a shop's one Sunday sale: read as daily, its
    closed days were hundreds of missing stamps and forecast), said with their stamps and the way to keep them; as it
    is where the others keep no working week (``infer_frequency``: business-daily)."""
    ds = frame["ds"]
    if not pd.api.types.is_datetime64_any_dtype(ds) or len(ds) < 20 or (ds != ds.dt.normalize()).any():
        return frame
    per_day = ds.dt.day_of_week.value_counts()
    rare = per_day.index[per_day <= _RARE_DAY * per_day.max()]
    off = ds.dt.day_of_week.isin(rare).to_numpy()
    if not off.any() or off.sum() > _EXTRA_DAYS * len(ds) or off[-1] \
            or ds[off].iloc[0] > ds.iloc[0] + (ds.iloc[-1] - ds.iloc[0]) * 0.75:  # a shop lately open on Sundays
        return frame
    days = working_days(infer_frequency(ds[~off].reset_index(drop=True)).alias)
    if days is None or len(days) != len(per_day) - len(rare):
        return frame
    rows, stamps = int(off.sum()), ", ".join(f"{stamp:%Y-%m-%d}" for stamp in ds[off].iloc[:_STRAY_LISTED])
    report.rows_dropped += rows
    report.notices.append(Notice(
        f"{count(rows, 'row')} on a weekday the series is otherwise never on ({stamps}) {_were(rows)} left out: the "
        f"series is read on its days ({' '.join(days)}). To count them, combine the rows per week (--per week).",
        "notice.days_off", {"rows": rows, "stamps": stamps, "weekdays": " ".join(days)}))
    return frame[~off].reset_index(drop=True)


def _extra_weekdays_notice(extra: pd.Series, day: str) -> Notice:
    """What ``_without_extra_weekdays`` left out (the ``extra`` rows' stamps), beside a series of ``day``s."""
    rows, stamps = len(extra), ", ".join(f"{stamp:%Y-%m-%d}" for stamp in extra.iloc[:_STRAY_LISTED])
    return Notice(f"{count(rows, 'row')} on another day than the series' {day}s, in weeks that have their {day} "
                  f"({stamps}), {_were(rows)} left out: the series is read week by week. To count them in their "
                  "weeks, combine the rows per week (--per week).", "notice.extra_weekdays",
                  {"rows": rows, "weekday": day, "stamps": stamps})


def _header_under_key_values(raw: pd.DataFrame) -> pd.DataFrame:
    """The table under the header a few 'key, value' lines come before (EIA's series history: 'Series Key,PET...',
    'Series Name', 'Units', then 'Date,Value' over months newest first, read as steps from the oldest, the key
    taken for the time column; PI DataLink's 'Start Time', 'End Time', 'Interval' above 'Timestamp' and its tags),
    the lines above kept as a preamble, said. ``raw`` as it is where a line above holds more than a key and a value,
    or no line within ``LEADING_LABELS`` is a header: every cell filled with words (not ONS's 'Release date' and
    its date), the first a time word without digits, above a row whose first cell has digits."""
    names = _filled_texts(raw.columns)
    if len(raw.columns) < 2 or len(raw) < MIN_ROWS or len(names) > 2 \
            or _sounds_like_date(raw.columns[0]) and parse_dates(pd.Series(names[1:], dtype=object)) is None:
        return raw  # a header of its own ('Time,Load' above a units row 'Timestamp,MW'; not PI's 'Start Time' and its
        # date)
    head = raw.head(LEADING_LABELS + 1).astype("string")
    for position in range(len(head) - 1):
        cells, below = head.iloc[position].str.strip(), head.iloc[position + 1].fillna("").str.strip()
        if cells.notna().all() and (cells != "").all() and _sounds_like_date(cells.iloc[0]) \
                and not re.search(r"\d", str(cells.iloc[0])) and cells.str.contains(r"[^\W\d_]", regex=True).all() \
                and re.search(r"\d", str(below.iloc[0])):
            table = raw.iloc[position + 1:].set_axis(unique_names(cells.tolist()), axis=1)
            lines = [", ".join(_filled_texts(raw.columns)), *(", ".join(_filled_texts(head.iloc[k]))
                                                            for k in range(position))]
            table.attrs = {**raw.attrs, "preamble": (*raw.attrs.get("preamble", ()), *filter(None, lines))}
            joined = combine_date_and_time(table)  # the reader's join, on the header found here (KorEXO's 'Date
            joined.attrs = {**table.attrs, **joined.attrs}  # (MM/DD/YYYY)' and 'Time (HH:mm:ss)')
            return joined
        if _filled_names(cells) > 2:  # a line of another kind: the table's header or data
            return raw
    return raw


def _filled_texts(cells: object) -> list[str]:
    """A line's cells that are written (not blank, not a reader's 'Unnamed: k')."""
    texts = (str(cell).strip() for cell in cells if not pd.isna(cell))  # type: ignore[attr-defined]
    return [text for text in texts if text and not text.startswith("Unnamed:")]


def _filled_names(cells: object) -> int:
    return len(_filled_texts(cells))


def _labels_above_dates(cells: pd.Series, stamps: pd.Series) -> int:
    """How many rows at the top of a time column read as dates (``stamps``) hold text that is no date, before the
    first that is one: labels under the header (a Bundesbank series' unit, dimension and 'Stand vom 15.01.2024 11:30
    Uhr', whose digits kept them from ``leading_labels``: they were dropped as rows to correct, and their value
    cells said to be numbers read as missing); 0 when more than ``LEADING_LABELS``."""
    dated = stamps.iloc[:LEADING_LABELS + 1].notna().to_numpy()
    first = int(np.argmax(dated)) if dated.any() else len(dated)
    if not first or first > LEADING_LABELS:
        return 0
    written = cells.iloc[:first].astype("string").str.strip()  # words ('Einheit'), not a mistyped date (2020-13-01)
    words = written.str.contains(r"[^\W\d_]", regex=True).fillna(False)  # or blank, as under the series' code
    return first if bool((words | written.fillna("").eq("")).all()) and words.any() else 0


def labels_above_dates(cells: pd.Series, stamps: pd.Series) -> int:
    """``_labels_above_dates``, for a long file's time column parsed once (``panel.split``)."""
    return _labels_above_dates(cells, stamps)


def _flag_blanks_as_zero(values: pd.Series, col: str, report: DataReport) -> pd.Series:
    """A regressor of 1 (or Yes) and blanks (a holiday column marked on its days, nothing on the others) with its
    blanks as 0, said: interpolated, it was 1 on every day, and left out as the same in every row."""
    known = values.dropna()
    if known.nunique() != 1 or len(known) == len(values) or float(known.iloc[0]) != 1:  # (a constant price blank on
        return values  # a few days is no flag)
    blanks = int(values.isna().sum())
    report.notices.append(Notice(f"'{col}' holds one value ({known.iloc[0]:g}) and blanks: its "
                                 f"{count(blanks, 'blank')} read as 0, a flag's other days.", "notice.flag_blanks",
                                 {"column": col, "value": f"{known.iloc[0]:g}", "blanks": blanks}))
    return values.fillna(0.0)


def _leading_labels_notice(labels: int, words: str) -> Notice:
    return Notice(f"{count(labels, 'row')} of labels above the first date ({words}) {_were(labels)} left out.",
                  "notice.leading_labels", {"rows": labels, "words": words})


def _without_rows_above(raw: pd.DataFrame, labels: int, col: object, report: DataReport) -> pd.DataFrame:
    """``raw`` without its first ``labels`` rows, said as labels above the first date."""
    above = raw[col].iloc[:labels]
    words = _quoted_cells(above[above.astype("string").str.strip().fillna("") != ""], shown=4)  # a blank one unquoted
    report.rows_dropped += labels
    report.notices.append(_leading_labels_notice(labels, words))
    return raw.iloc[labels:]


def _total_without_a_label(frame: pd.DataFrame, unreadable: np.ndarray, written: pd.Series | None) -> bool:
    """Whether the table's last row, and it alone, has a blank time cell and a target that is the sum of the rows
    above (to a thousandth): a total an export writes without a label (Google Analytics' last row)."""
    if written is None or len(frame) < 3 or not unreadable[-1] or unreadable[:-1].any():
        return False
    cell = written.get(frame.index[-1])
    if pd.notna(cell) and str(cell).strip():  # a date that could not be read, not a blank one
        return False
    values = frame["y"].to_numpy(dtype=float)
    total = float(np.nansum(values[:-1]))
    return bool(np.isfinite(values[-1]) and total != 0 and abs(values[-1] - total) <= 1e-3 * abs(total))


def _summary_rows_notice(rows: int, words: str) -> Notice:
    return Notice(f"{count(rows, 'row')} summing up or annotating the table ({words}) {_were(rows)} left out.",
                  "notice.summary_rows", {"rows": rows, "words": words})


# A cell that only says its row totals the rows above it (Salesforce's 'Subtotal' under each month's gifts)
# ... or a period's ('Week Total', 'January Total', 'Week 1 Total', 'Total for week': a takings sheet's subtotals)
_PERIOD_WORD = (r"(?:week(?:ly)?|month(?:ly)?|day|daily|quarter(?:ly)?|year(?:ly)?|"
                + "|".join(f"{day:%B}|{day:%b}" for day in pd.date_range("2000-01-01", periods=12, freq="MS"))
                + r")(?:\s+\d{1,2})?")
_OF_VALUES = r"(?:\s*\(of\s+\d+\s+values?\))?"  # PRTG's footer 'Sums (of 336 values)', 'Averages (of 336 values)'
_BARE_TOTAL = re.compile(rf"\**\s*(?:{_PERIOD_WORD}\s+)?(?:sub-?\s?totals?|(?:grand\s+)?totals?|sums?|zwischensumme"
                         rf"|sous-total|subtotaal)(?:\s+for\s+(?:the\s+)?{_PERIOD_WORD})?{_OF_VALUES}\s*:?",
                         re.IGNORECASE)


def _bare_totals(cells: pd.Series) -> pd.Series:
    """Which ``cells`` of a column of dates (a digit in nearly every other cell) only say their row is a total
    (``_BARE_TOTAL``), wherever they are and however often: Salesforce's 'Subtotal' rows made its 'Close Date' fail
    as the time column (its fiscal quarters were read, and the gifts averaged per quarter); or a statistic of them
    (``_BARE_STATISTIC``: a plant's operating log's Average, Maximum and Minimum under each month's Total)."""
    bare = (cells.str.fullmatch(_BARE_TOTAL) | cells.str.fullmatch(_BARE_STATISTIC)
            | cells.str.fullmatch(_RUNNING_WINDOW)).fillna(False)
    if not bare.any() or bare.all() \
            or not cells[~bare].str.contains(r"\d", regex=True).fillna(False).mean() >= PARSE_SHARE \
            or parse_dates(cells[~bare].dropna().drop_duplicates().iloc[:_DATES_TRIED]) is None:
        return pd.Series(False, index=cells.index)  # a long file's 'Total' among age groups '0-14', '65+' is data,
        # as is a label column of 'Total' on every row (an airport's totals kept, its other rows left out)
    return bare


_BARE_STATISTIC = re.compile(rf"(?:{_PERIOD_WORD}\s+)?(?:averages?|avg|mean|maximum|max|minimum|min|median)"
                             rf"(?:\s+(?:day|value))?{_OF_VALUES}\s*:?", re.IGNORECASE)
# A report's figure over a window of the rows above (STR's 'Current Week' after each Saturday, its 'Running 3 Month'
# and 'Running 12 Month': trained on as days, they sent the file to numbered steps)
_RUNNING_WINDOW = re.compile(r"(?:current|this|last|prior|running|rolling|trailing)\s+(?:\d{1,2}\s+)?"
                             r"(?:week|month|quarter|year)s?|(?:week|month|quarter|year)\s+to\s+date|[wmqy]td",
                             re.IGNORECASE)
_DATES_TRIED = 200  # distinct cells of a column read as dates before its totals are left out (``_bare_totals``)


_BARE_SUBTOTAL = re.compile(r"sub[\s-]?totals?", re.IGNORECASE)


def _subtotal_rows(cells: pd.Series) -> pd.Series:
    """Which ``cells`` of a column of dates or periods (a digit in nearly every cell) are a pivot table's or a
    report's subtotals (``SUBTOTAL_ROW``); in a column of words, those that total a group named in the column's
    other cells (``north Total`` below the rows of ``north``: ``GROUP_TOTAL``; ``2018 Total`` below ``2018``, ``Jan``,
    ..., ``Dec``: a pivot's subtotals at the bottom of each year); no comment (``Running total``)."""
    worded = cells.str.contains(r"^[^\W\d_]|[^\W\d_]$", regex=True).fillna(False)  # cheap: most dates are not
    found = pd.Series(False, index=cells.index)
    if not worded.any():
        return found
    bare = cells.str.fullmatch(_BARE_SUBTOTAL).fillna(False)  # Salesforce's 'Subtotal' under each month's rows
    if cells[~bare].str.contains(r"\d", regex=True).fillna(False).mean() >= PARSE_SHARE:
        found[worded] = cells[worded].str.fullmatch(SUBTOTAL_ROW).fillna(False) | bare[worded]
        return found
    names = pd.Series(cells[worded].unique())  # a long file's ids: few of them, however many rows
    ending = names[names.str.contains(rf"\s{SUBTOTAL_WORDS}$|^{SUBTOTAL_WORDS}\W", case=False,
                                      regex=True).fillna(False)]  # vectorised
    known = set(cells.dropna().unique()) if len(ending) else set()  # a pivot's year rows above its months too: 2018
    totals = {name for name in ending
              if (group := GROUP_TOTAL.fullmatch(str(name))) and (group[1] or group[2]) in known}
    return cells.isin(totals) if totals else found


def _is_note_row(raw: pd.DataFrame, first: object, tail: pd.Series, above: pd.Series) -> pd.Series:
    """Which of the ``tail`` cells of column ``first`` start a note line below the table (``Source: internal ERP``,
    the rest of the row blank): text without a digit where nearly every cell ``above`` has one (dates)."""
    wordy = tail.str.fullmatch(r"[^\d]*[^\W\d_][^\d]*").fillna(False)  # cheap: most tails have none
    if not wordy.any() or above.empty or above.str.contains(r"\d", regex=True).fillna(False).mean() < PARSE_SHARE:
        return pd.Series(False, index=tail.index)
    rest = raw.loc[tail.index, [col for col in raw.columns if col != first]].astype("string")
    blank_rest = rest.apply(lambda col: col.isna() | (col.str.strip() == "")).all(axis=1)
    return wordy & blank_rest


def _is_row_counter(raw: pd.DataFrame, col: object) -> bool:
    if str(col).strip().lower() not in _ROW_COUNTER_NAMES:
        return False
    values = pd.to_numeric(raw[col], errors="coerce")
    steps = np.diff(values.to_numpy())
    return bool(len(values) > 2 and values.notna().all() and (steps == 1).all())


def _resample(frame: pd.DataFrame, frequency: Frequency, report: DataReport) -> pd.DataFrame:
    """Insert the missing time stamps (or step numbers) as rows with blank values, to be filled by the missing
    policy."""
    if frequency.is_steps:
        return _insert_missing_steps(frame, report)
    first, last = frame["ds"].iloc[0], frame["ds"].iloc[-1]
    rows, most = _stamp_count(first, last, str(frequency.alias)), limit("TSR_MAX_ROWS", MAX_ROWS)
    if rows > most:
        raise LimitError(f"Filling the missing time stamps would make {rows:,} rows ({frequency.name} from "
                         f"{first:%Y-%m-%d} to {last:%Y-%m-%d}), more than the limit of {format_limit(most)}: load the "
                         "series without filling gaps, or set TSR_MAX_ROWS to raise the limit.", "err.fill_limit",
                         {"rows": rows, "frequency": frequency.name, "first": f"{first:%Y-%m-%d}",
                          "last": f"{last:%Y-%m-%d}", "limit": format_limit(most)})
    grid = stamps_between(frame["ds"], frequency)
    if off := irregular_rows(frame["ds"], frequency, report.gaps, grid):
        raise DataError(f"The time stamps are irregular: {off:,} of {len(frame):,} rows fall between the steps of "
                        f"'{frequency.name}' (an event log, such as payments or orders), so filling the gaps would "
                        "invent rows at times that never occur. Combine the rows per day (or hour) into a regular "
                        "series first (Reading options: 'Combine the rows per'; --per day), or leave the gaps "
                        "unfilled.",
                        "err.irregular_stamps",
                        {"off": off, "rows": len(frame), "frequency": frequency.name})
    missing = _missing_stamps(frame["ds"], grid)
    merged = pd.concat([frame, pd.DataFrame({"ds": missing})], ignore_index=True).sort_values("ds", kind="stable")
    report.notices.append(Notice(f"{count(len(missing), 'missing time stamp')} {_were(len(missing))} inserted "
                                 f"({frequency.name} spacing).", "notice.gaps_inserted",
                                 {"gaps": len(missing), "frequency": frequency.name}))
    report.gaps = count_gaps(merged["ds"], frequency)
    return merged.reset_index(drop=True)


def _insert_missing_steps(frame: pd.DataFrame, report: DataReport) -> pd.DataFrame:
    """``_resample`` for a file's own step numbers: the whole numbers missing between the first and the last."""
    first, last = int(frame["ds"].iloc[0]), int(frame["ds"].iloc[-1])
    if (rows := last - first + 1) > (most := limit("TSR_MAX_ROWS", MAX_ROWS)):
        raise LimitError(f"Filling the missing steps would make {rows:,} rows (steps {first} to {last}), more than the "
                         f"limit of {format_limit(most)}: load the series without filling gaps, or set TSR_MAX_ROWS "
                         "to raise the limit.", "err.fill_steps_limit",
                         {"rows": rows, "first": first, "last": last, "limit": format_limit(most)})
    missing = np.setdiff1d(np.arange(first, last + 1), frame["ds"].to_numpy())
    merged = pd.concat([frame, pd.DataFrame({"ds": missing})], ignore_index=True).sort_values("ds", kind="stable")
    report.notices.append(Notice(f"{count(len(missing), 'missing step number')} {_were(len(missing))} inserted.",
                                 "notice.steps_inserted", {"gaps": len(missing)}))
    report.gaps = 0
    return merged.reset_index(drop=True)


def irregular_rows(stamps: pd.Series, frequency: Frequency, gaps: int, grid: pd.DatetimeIndex | None = None) -> int:
    """How many rows fall between the steps of ``frequency`` when more than ``_OFF_GRID_SHARE`` of them do (an event
    log: filling its gaps would invent rows at times that never occur), else 0. Only with ``gaps``, and only where the
    steps from first to last stamp number at most ten per row (``grid`` when already built); without gaps, where
    there are more rows than steps (``_more_rows_than_steps``) or rows share steps while others have none
    (``_steps_shared``)."""
    if len(stamps) < 2 or frequency.is_steps or not (gaps or _more_rows_than_steps(stamps, frequency)
                                                     or _steps_shared(stamps, frequency)):
        return 0
    if (off := _rows_off_steps(stamps, frequency)) is None:  # calendar steps (months, weeks): against their grid
        if grid is None and gaps > 10 * len(stamps) + 1000:
            return 0
        try:
            grid = stamps_between(stamps, frequency) if grid is None else grid
        except (ValueError, OverflowError):  # years out of pandas' range, read as steps of their own (``count_gaps``)
            return 0
        off = _rows_off_grid(stamps, grid)
    return off if off > _OFF_GRID_SHARE * len(stamps) else 0


_EXCESS_ROWS = 1.05  # of the steps, and two rows more (``_more_rows_than_steps``)
_SHARED_SHARE = 0.1  # of the rows, in a step another row falls in too (``_steps_shared``), and at least 3 rows


def _steps_shared(stamps: pd.Series, frequency: Frequency) -> bool:
    """Whether ``_SHARED_SHARE`` of the rows fall in a period of ``frequency`` that another row falls in too, and as
    many periods have none: gifts 1 to 13 days apart were read as weekly (a week with two gifts and the next without
    counted no gap), a CRM's deals as daily, catastrophes as quarterly, each row said to be one step. A period is the
    calendar's (its day, hour, ISO week, month, ...: a weight once a day at any hour, a weekly report on any weekday,
    shares none) and, for fixed steps, also the nearest step from the first stamp (a sensor 90 s early or late)."""
    try:
        steps = _stamp_count(stamps.iloc[0], stamps.iloc[-1], str(frequency.alias))
    except (ValueError, OverflowError):
        return False
    least = max(3, _SHARED_SHARE * len(stamps))
    if steps > 10 * len(stamps) + 1000 or (periods := _calendar_periods(stamps, frequency)) is None:
        return False
    distinct = len(np.unique(periods))
    if len(stamps) - distinct < least or steps - distinct < least:
        return False
    if not (step := _fixed_step_nanos(str(frequency.alias))):
        return True
    ticks = pd.DatetimeIndex(stamps).as_unit("ns").asi8
    nearest = np.round((ticks - ticks[0]) / step)
    return len(stamps) - len(np.unique(nearest)) >= least


# The calendar's period of each step (``_calendar_periods``): ISO weeks, whatever the anchor the stamps gave
_PERIOD_OF = {"W": "W-SUN", "MS": "M", "ME": "M", "BMS": "M", "BME": "M", "QS": "Q", "QE": "Q", "BQS": "Q", "BQE": "Q",
              "YS": "Y", "YE": "Y", "BYS": "Y", "BYE": "Y"}


def _calendar_periods(stamps: pd.Series, frequency: Frequency) -> np.ndarray | None:
    """Each stamp's period of the calendar for ``frequency`` (its day for days and business days, its hour for
    hours, ...), as numbers; None for spacings without one (semi-months, opening hours, every 2 weeks)."""
    alias = str(frequency.alias)
    index = pd.DatetimeIndex(stamps)
    if alias in ("B", "C") or _fixed_step_nanos(alias):
        return index.floor("D" if alias in ("B", "C") else alias).asi8
    period = _PERIOD_OF.get(alias.split("-")[0])
    return None if period is None or index.tz is not None else index.to_period(period).asi8


_SCHEDULE_DAYS = 0.9  # of the rows on the weekdays of a schedule (``_on_a_schedule``)


def _on_a_schedule(index: pd.DatetimeIndex) -> bool:
    """Whether the stamps keep a schedule the frequencies lack: a fixed spacing with gaps (half the steps one, nearly
    every other a whole multiple of it: a logger every 3 minutes, read as 5), or days that keep to a few weekdays, as
    many as the rows a week (``_SCHEDULE_DAYS`` of the rows: deliveries each Monday and Thursday, a few moved for
    holidays). Invoices 2 to 5 days apart fall on every weekday: an event log."""
    steps = np.diff(index.asi8)
    if not len(steps):
        return False
    sizes, counts = np.unique(steps, return_counts=True)
    common = int(sizes[np.argmax(counts)])
    if counts.max() >= 0.5 * len(steps) and float(np.mean(steps % common == 0)) >= _SCHEDULE_DAYS:
        return True  # mostly one step, the rest whole multiples of it: readings missed now and then
    weeks = max((index[-1] - index[0]).days / 7, 1.0)
    kept = int(np.ceil(len(index) / weeks))
    by_weekday = np.sort(np.bincount(index.day_of_week, minlength=7))[::-1]
    return kept < 7 and float(by_weekday[:kept].sum()) >= _SCHEDULE_DAYS * len(index)


def _more_rows_than_steps(stamps: pd.Series, frequency: Frequency) -> bool:
    """Whether the (unique) ``stamps`` outnumber the steps of ``frequency`` from the first to the last, so that some
    lie between them: 79 invoices of a year on business days about three days apart were read as a weekly series of 52
    steps, which counted no gap, and nothing said the rows were invoices, not weeks. A row or two more
    (``_EXCESS_ROWS``) are readings a little off their steps (every 10 minutes, give or take 90 s: the first late, the
    last early); rows on a schedule (``_on_a_schedule``: deliveries each Monday and Thursday, a logger every 3 minutes
    read as 5) are no event log."""
    try:
        steps = _stamp_count(stamps.iloc[0], stamps.iloc[-1], str(frequency.alias))
    except (ValueError, OverflowError):
        return False
    return len(stamps) > _EXCESS_ROWS * steps + 2 and not _on_a_schedule(pd.DatetimeIndex(stamps))


# A stamp further than this share of a step from an even spacing is said (``_uneven_stamps_notice``).
_UNEVEN_SHARE = 0.01


def _uneven_stamps_notice(stamps: pd.Series, frequency: Frequency, col: str | None) -> Notice | None:
    """Said where time stamps of a fixed step (minutes, hours, days) lie off an even spacing (from the place in the
    step most of them have) by more than ``_UNEVEN_SHARE`` of a step (a sensor's readings every 10 minutes, give or
    take 90 s): each row is one step, and the forecast's stamps follow on from the last row's, evenly. None where they
    are even, or the step is a calendar one (months) or the stamps carry a time zone."""
    if frequency.is_steps or len(stamps) < 3 or (found := _step_offsets(stamps, frequency)) is None:
        return None
    rest, step = found
    values, counts = np.unique(rest, return_counts=True)
    rest = (rest - values[np.argmax(counts)]) % step  # from the most common place in the step: one odd first stamp
    off = np.minimum(rest, step - rest)
    if not (uneven := int(np.count_nonzero(off > _UNEVEN_SHARE * step))):
        return None
    most = _duration(float(off.max()) / 1e9)
    return Notice(f"Time stamps in '{col}' are not evenly spaced: up to {most} off an even spacing ({frequency.name}), "
                  f"in {uneven:,} of {len(stamps):,} rows. Each row is read as one step, and the forecast's time "
                  "stamps go on evenly from the last row's.", "notice.uneven_stamps",
                  {"column": str(col), "rows": uneven, "total": len(stamps), "most": most,
                   "frequency": frequency.name})


def _days_of_several_rows(stamps: pd.Series, frequency: Frequency) -> Notice | None:
    """Said where a daily series read row by row (``_uneven_stamps_notice``) has several rows on some days and none on
    others (a smart scale's weigh-ins: 234 rows over 180 days read as 234 days, a week's season no week): how to read
    one value a day; None otherwise."""
    if frequency.alias != "D":
        return None
    days = stamps.dt.normalize()
    span = int((days.iloc[-1] - days.iloc[0]) / pd.Timedelta(days=1)) + 1
    shared, written = int(days.duplicated().sum()), int(days.nunique())
    if not shared or written >= span:
        return None
    return Notice(f"{count(len(stamps), 'row')} fall on {written:,} of the {span:,} days they span, several on some "
                  "days and none on others: combine them per day (--per day, by their mean or sum) to read one value a "
                  "day.",
                  "notice.several_rows_a_day", {"rows": len(stamps), "days": written, "span": span})


def _on_open_hour_steps(frame: pd.DataFrame, future: pd.DataFrame | None, col: str | None,
                        report: DataReport) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """``frame`` with its stamps on the steps of opening hours they lie a little off (``open_hour_steps``), said, and
    the ``future`` rows of the regressors on their nearest steps too (they kept 08:00:43, and the first step past the
    end, 08:00, was said to have no row)."""
    if not pd.api.types.is_datetime64_any_dtype(frame["ds"]) or (
            found := open_hour_steps(pd.DatetimeIndex(frame["ds"]))) is None:
        return frame, future
    stamps, seconds, step = found
    if future is not None:
        future = future.assign(ds=future["ds"].dt.round(f"{step}min")).drop_duplicates("ds", keep="last")
    frequency = infer_frequency(pd.Series(stamps))
    most = _duration(seconds)
    report.notices.append(Notice(
        f"Time stamps in '{col}' lie up to {most} off the steps of opening hours ({frequency.name}): each row is read "
        "at its nearest step, and the hours the rows never reach are closed.", "notice.open_hour_steps",
        {"column": str(col), "most": most, "frequency": frequency.name}))
    return frame.assign(ds=stamps.to_numpy()), future


def _duration(seconds: float) -> str:
    """``seconds`` in the largest unit that keeps it at 1 or more: '90 s', '1.5 h', '2 days'."""
    for unit, size in (("days", 86_400.0), ("h", 3_600.0), ("min", 60.0)):
        if seconds >= size:
            return f"{seconds / size:.3g} {unit}"
    return f"{seconds:.3g} s"


def _step_offsets(stamps: pd.Series, frequency: Frequency) -> tuple[np.ndarray, int] | None:
    """Each stamp's place within a step of a fixed ``frequency`` (hours, days, ...) from the first stamp, in
    nanoseconds, and the step; None for calendar steps, time zones and years outside 1677-2262."""
    step = _fixed_step_nanos(str(frequency.alias))
    if not step or getattr(stamps.dt, "tz", None) is not None:
        return None
    try:
        ticks = pd.DatetimeIndex(stamps).as_unit("ns").asi8
    except pd.errors.OutOfBoundsDatetime:
        return None
    return (ticks % step - ticks[0] % step) % step, step  # ticks - ticks[0] overflowed past 292 years (int64 ns)


def _rows_off_steps(stamps: pd.Series, frequency: Frequency) -> int | None:
    """``_rows_off_grid`` for a fixed step (hours, days, ...) without building the grid, which ran to ten stamps a row
    on every load with gaps: a stamp's distance to the grid from the first stamp is its offset modulo the step. None
    for calendar steps, time zones and years outside 1677-2262."""
    if (found := _step_offsets(stamps, frequency)) is None:
        return None
    rest, step = found
    off = np.minimum(rest, step - rest) > step / 10
    if not off.any() or len(rest) < 3:
        return int(np.count_nonzero(off))
    # runs of rows on the step whose phase moves a few times (a glucose sensor's 5-minute clock restarted with each
    # new sensor; a logger reset): steps from row to row stay whole, bar those few (2 of 8,568 rows were an event log)
    moves = np.diff(rest)
    moved = np.minimum(moves % step, step - moves % step) > step / 10
    return 0 if np.count_nonzero(moved) <= _PHASE_MOVES * len(rest) else int(np.count_nonzero(off))


_PHASE_MOVES = 0.01  # of the rows, at most, where the step's phase moves (``_rows_off_steps``)


def _rows_off_grid(stamps: pd.Series, grid: pd.DatetimeIndex) -> int:
    """How many of ``stamps`` lie more than a tenth of a step from every stamp of ``grid``."""
    have, want = _ticks(stamps, grid)
    if len(want) < 2 or not len(have):
        return 0
    return int(np.count_nonzero(_nearest_distance(have, want) > np.median(np.diff(want)) / 10))


def _missing_stamps(stamps: pd.Series, grid: pd.DatetimeIndex) -> pd.DatetimeIndex:
    """The stamps of ``grid`` with no row within half a step of them: a reading a day late in a weekly series is
    that week's, not a gap beside an inserted one (a Sunday was interpolated next to the real Monday, and the notice
    counted one stamp where two rows were made)."""
    have, want = _ticks(stamps, grid)
    if len(want) < 2 or not len(have):
        return grid[~grid.isin(pd.DatetimeIndex(stamps))]
    return grid[_nearest_distance(want, have) >= np.median(np.diff(want)) / 2]


def _ticks(stamps: pd.Series, grid: pd.DatetimeIndex) -> tuple[np.ndarray, np.ndarray]:
    """Stamps and grid as integers of one unit: nanoseconds, or seconds for years outside 1677-2262."""
    try:
        return pd.DatetimeIndex(stamps).as_unit("ns").asi8, grid.as_unit("ns").asi8
    except pd.errors.OutOfBoundsDatetime:
        return pd.DatetimeIndex(stamps).as_unit("s").asi8, grid.as_unit("s").asi8


def _nearest_distance(points: np.ndarray, among: np.ndarray) -> np.ndarray:
    """Each of ``points``' distance to the nearest of the sorted ``among`` (at least one)."""
    at = np.searchsorted(among, points)
    before, after = among[np.clip(at - 1, 0, len(among) - 1)], among[np.clip(at, 0, len(among) - 1)]
    return np.minimum(np.abs(points - before), np.abs(after - points))


def _grid_count(ds: pd.Series, step: int) -> int:
    """The steps of ``step`` nanoseconds from the first of the sorted stamps ``ds`` to the last, each placed on the
    grid their mean offset (on the circle of a step) draws: a logger's readings a few seconds off the minute (the
    first 4 s late, the last 2 s early) counted one step short from the first alone, and rounding alone one too many
    where the last was late. The first lies within half a step of that grid: it is its step 0."""
    ticks = ds.to_numpy(dtype="datetime64[ns]").view("i8")
    angles = 2 * np.pi * ((ticks - ticks[0]) % step) / step  # on a circle: 2 s early is near 0, not 58 s late
    shift = float(np.arctan2(np.sin(angles).mean(), np.cos(angles).mean())) / (2 * np.pi) * step
    return round((int(ticks[-1]) - int(ticks[0]) - shift) / step) + 1


def _stamp_count(first: pd.Timestamp, last: pd.Timestamp, alias: str) -> int:
    """How many stamps ``pd.date_range(first, last, alias)`` makes, without making them: exactly for
    fixed steps (days, hours, ...), about for calendar ones (months, quarters, years, weeks)."""
    span = last - first
    step = _fixed_step_nanos(alias)
    if step:
        # In Python integers, in the span's own unit: a span beyond 292 years overflows nanoseconds.
        ticks = int(span.asm8.view("i8"))
        return ticks * int(pd.Timedelta(1, unit=span.unit).value) // step + 1
    if open_hours(alias) is not None:  # opening hours: the span's days, their share open, their steps
        return int(((span.days + 1) * len(open_days(alias)) / 7 + 1) * open_slots(alias))
    offset = offset_of(alias)
    # The average over 12 periods; over 12 whole weeks for business days, from the first day of their week (from a
    # Saturday, 12 steps of a Sunday-to-Thursday week over-counted by 5%).
    periods = 60 if isinstance(offset, (pd.offsets.BusinessDay, pd.offsets.CustomBusinessDay)) else 12
    anchor = offset.rollforward(pd.Timestamp("2000-01-02")) if periods == 60 else pd.Timestamp("2000-01-01")
    period = (anchor + periods * offset - anchor) / periods
    return int(span.total_seconds() // period.total_seconds()) + 1


def _fixed_step_nanos(alias: str) -> int | None:
    """The step of a fixed-length frequency in nanoseconds; None for calendar ones (months, weeks, ...)."""
    try:
        return int(offset_of(alias).nanos)
    except ValueError:
        return None


# A number with one comma and three digits after it, and no other mark: 2,500 is 2500 or 2.5 (a German 3-decimal
# weight in a comma-separated Google Sheets export, quoted).
_ONE_COMMA_THREE_DIGITS = re.compile(r"[-+]?\d{1,3},\d{3}")


def _comma_thousands_notice(cells: pd.Series, col: str) -> Notice | None:
    """What to say of a text column whose numbers all have one comma followed by three digits (``2,500``), which reads
    as thousands (2500) or as a decimal comma (2.5) alike; None for any other column (a typed one has its numbers
    read already)."""
    if not (pd.api.types.is_string_dtype(cells) or pd.api.types.is_object_dtype(cells)):
        return None
    text = cells.dropna().astype("string").str.strip()
    text = text[text != ""]
    if not len(text) or not text.str.fullmatch(_ONE_COMMA_THREE_DIGITS).all():
        return None
    example = str(text.iloc[0])
    value = int(example.replace(",", ""))
    return Notice(f"Commas in '{col}' were read as thousands separators ('{example}' is {value:,}). If they are "
                  "decimal commas, choose comma as the Decimal mark under Reading options (--decimal comma).",
                  "notice.comma_thousands", {"column": col, "example": example, "value": value})


def _magnitudes(values: pd.Series, decimal_comma: bool) -> np.ndarray:
    """The cells' numbers as written, infinite ones too (parsing blanks them)."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.to_numpy(dtype=float, na_value=np.nan)
    text = _clean_number_text(values.astype("string").str.strip(), decimal_comma)
    return pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _check_magnitude(values: pd.Series, target: str, decimal_comma: bool) -> None:
    """Refuse a target with infinite or astronomically large values, which parsing would otherwise blank out."""
    numbers = _magnitudes(values, decimal_comma)
    infinite = int(np.isinf(numbers).sum())
    if infinite:
        raise DataError(f"Column '{target}' has {count(infinite, 'row')} with infinite values (inf, or numbers too "
                        "large to store such as 1e309): replace each with a real value, or leave the cell blank "
                        "to be filled.", "err.infinite", {"column": target, "rows": infinite})
    _check_finite_magnitude(numbers, values, target)
    largest = float(np.nanmax(np.abs(numbers))) if np.isfinite(numbers).any() else 0.0
    if 0 < largest < MIN_MAGNITUDE:  # squares of 1e-300 underflow to 0: RMSE 0 beside MAE 8e-301, MAPE 4.6e+286 %
        raise DataError(f"Column '{target}' holds only values below {MIN_MAGNITUDE:g} in size (the largest is "
                        f"{largest:.3g}); their squares are too small to compute with: rescale the column, for "
                        "example multiply it by 1e100.", "err.tiny",
                        {"column": target, "largest": f"{largest:.3g}", "limit": MIN_MAGNITUDE})


def _jumps(numbers: np.ndarray) -> np.ndarray:
    """Which of ``numbers`` are more than ``JUMP_FACTOR`` times both the column's typical size (the median magnitude of
    its values not zero) and the larger of their neighbours (the values not zero before and after them): a 1e140 typed
    among values near 140, which every model but auto fitted unsaid, not a series that grows (hyperinflation climbs a
    power of ten or two a step, its neighbours with it). Values ``JUMP_FACTOR`` times below the third largest (or the
    one a tenth of the way down) count as zeros (an intermittent series' zeros written as 1.1e-16)."""
    jumps = np.zeros(len(numbers), dtype=bool)
    sizes = np.sort(np.abs(numbers[np.isfinite(numbers) & (numbers != 0)]))
    if len(sizes) < 3:
        return jumps
    # values many powers of ten below the third largest (or the tenth of the way down: two typos cannot move it) are
    # zeros written as rounding noise (1.1e-16), not sizes
    floor = sizes[-max(3, len(sizes) // 10)] / JUMP_FACTOR
    present = np.flatnonzero(np.isfinite(numbers) & (np.abs(numbers) > floor))
    if len(present) < 3:
        return jumps
    sizes = np.abs(numbers[present])
    beside = np.fmax(np.r_[np.nan, sizes[:-1]], np.r_[sizes[1:], np.nan])
    jumps[present[(sizes > JUMP_FACTOR * beside) & (sizes > JUMP_FACTOR * np.median(sizes))]] = True
    return jumps


def _check_finite_magnitude(numbers: np.ndarray, values: pd.Series, col: str) -> None:
    """Refuse a column (the target, or a regressor: a mistyped 1e308 in a promotion flag doubled the test error unsaid)
    with finite values beyond ``MAX_MAGNITUDE``: a few among ordinary values are cells to correct, a column of them is
    to rescale; and a column with values many powers of ten above the rest and their neighbours (``_jumps``)."""
    beyond = np.isfinite(numbers) & (np.abs(numbers) > MAX_MAGNITUDE)
    huge = int(beyond.sum())
    if not huge and (jumps := _jumps(numbers)).any():
        examples = _quoted_cells(values[jumps])
        raise DataError(f"Column '{col}' has {count(int(jumps.sum()), 'row')} with values more than {JUMP_FACTOR:g} "
                        f"times the values beside them and the column's typical size ({examples}): correct those "
                        "cells, or leave them blank to be filled.", "err.jump_cells",
                        {"column": col, "rows": int(jumps.sum()), "factor": JUMP_FACTOR, "examples": examples})
    if huge and huge < 0.5 * np.isfinite(numbers).sum():  # a few mistyped cells: no unit would bring them in
        examples = _quoted_cells(values[beyond])
        raise DataError(f"Column '{col}' has {count(huge, 'row')} with values beyond ±{MAX_MAGNITUDE:g} among "
                        f"values within it ({examples}): correct those cells, or leave them blank to be filled.",
                        "err.huge_cells", {"column": col, "rows": huge, "limit": MAX_MAGNITUDE,
                                           "examples": examples})
    if huge:
        raise DataError(f"Column '{col}' has {count(huge, 'row')} with values beyond ±{MAX_MAGNITUDE:g}; values "
                        "this large cannot be modelled: rescale the column, for example to thousands or millions.",
                        "err.huge", {"column": col, "rows": huge, "limit": MAX_MAGNITUDE})


def _read_units(numbers: dict[str, pd.Series]) -> dict[str, str]:
    """The units ``parse_numbers`` read columns of ``numbers`` without, by column, taken out of their ``attrs``; a
    column whose name says time or steps ('Zeit' of '6 Uhr') is left out of ``numbers``: a clock is no measure. Units
    of a measure keep theirs ('Ping Time' in msec, 'Data Used' in GB: 'data' is a date in Portuguese)."""
    units = {col: str(values.attrs.pop(UNIT_ATTR)) for col, values in numbers.items() if UNIT_ATTR in values.attrs}
    clocks = [col for col in units if (_sounds_like_date(col) or named_as_steps(col)) and not measure_unit(units[col])]
    for col in clocks:
        del numbers[col], units[col]
    return units


def _unit_notice(col: str, unit: str) -> Notice:
    if "|" in unit:  # several units of one kind (``parsing._mixed_units``): each number in the most common
        unit, others = unit.split("|")
        return Notice(f"'{col}' writes its numbers in '{unit}' and in '{others}': read in {unit}, each converted to "
                      "it.", "notice.unit_numbers_mixed", {"column": str(col), "unit": unit, "others": others})
    return Notice(f"'{col}' writes the unit '{unit}' after each number: read as the numbers (in {unit}).",
                  "notice.unit_numbers", {"column": str(col), "unit": unit})


_END_NAME = re.compile(r"(?:^|\W)(?:end|ends|ending|until|stop)(?:\W|$)")  # a period's end column: 'Reporting ends'
_SPAN_TIMES = 3  # times the rows' usual span that a row spanning the whole report is beyond (``_whole_report_rows``)


def _whole_report_rows(raw: pd.DataFrame, date_col: str, ds: pd.Series) -> tuple[np.ndarray, str] | None:
    """Which rows span the whole report where the time column (``ds``) starts periods that a column named as their end
    closes ('Reporting starts' and 'Reporting ends', as Meta's Ads Manager writes them): from the first start to the
    last end, more than ``_SPAN_TIMES`` times the usual row's span. Its summary row was averaged with the first day's
    (a day's spend of 9,982 among days of 150 to 300). With the range they span; None where there are none."""
    ends = [col for col in raw.columns if col != date_col and _END_NAME.search(str(col).strip().lower())]
    if len(ends) != 1 or not pd.api.types.is_datetime64_any_dtype(ds) or len(ds) < 3:
        return None
    parsed = parse_dates(raw[ends[0]])
    if parsed is None or parsed[0].dt.tz is not None or ds.dt.tz is not None:
        return None
    spans = (parsed[0] - ds).to_numpy()
    usual = np.nanmedian(spans.astype("timedelta64[s]").astype(float))
    whole = ((ds == ds.min()) & (parsed[0] == parsed[0].max())).to_numpy(dtype=bool) & (
        spans.astype("timedelta64[s]").astype(float) > _SPAN_TIMES * max(usual, 86_400))
    if whole.any():  # the blanks are looked at only for a row that spans the report
        whole &= _blank_where_filled(raw)
    if not whole.any() or whole.all():
        return None
    return whole, f"{ds.min():%Y-%m-%d} - {parsed[0].max():%Y-%m-%d}"


def _blank_where_filled(raw: pd.DataFrame) -> np.ndarray:
    """Which rows are blank in a column that every other row fills (a summary's blank campaign name): a subscription
    from the first day to the last, with its customer named, is a row of data."""
    blank = (raw.isna() | raw.astype("string").apply(lambda cells: cells.str.strip() == "").fillna(True)).to_numpy()
    others_filled = blank.sum(axis=0) <= 1  # the columns blank in one row at most
    return (blank & others_filled).any(axis=1)


def _pick_date_column(raw: pd.DataFrame, numbers: dict[str, pd.Series], options: LoadOptions,
                      report: DataReport) -> tuple[str | None, pd.Series]:
    wanted = options.date_col
    if wanted == "":
        return None, pd.Series(np.arange(len(raw)), index=raw.index)
    if wanted is not None:
        if wanted not in raw.columns:
            raise DataError(f"There is no column '{wanted}' for the dates: choose one of "
                            f"{quoted_names(raw.columns)}.",
                            "err.no_date_column", {"column": wanted, "names": quoted_names(raw.columns)})
        parsed = _parse_time_column(raw[wanted], wanted, numbers, options.day_first, named=True,
                                    usual=options.usual_day_first)
        if parsed is None and named_as_steps(wanted) and (steps := step_numbers(numbers.get(wanted))) is not None:
            _note_steps(wanted, steps, report)
            return wanted, steps
        if parsed is None and (fiscal := _fiscal_periods(raw[wanted], wanted, report)) is not None:
            return wanted, fiscal
        if parsed is None:
            raise DataError(f"Column '{wanted}' does not hold dates this loader can read "
                            "(for example 1949-01, Jan 1980, 1956Q1, 31.01.1980): pick another date column.",
                            "err.not_dates", {"column": wanted})
        note_format(parsed[1], wanted, report)
        return wanted, parsed[0]
    first, constant, few, inside, sparse = raw.columns[0], None, None, None, None
    ordered = sorted(raw.columns, key=lambda col: (not _sounds_like_date(col), _local_twin(col, raw.columns),
                                                   _bookkeeping(col) or _birth_beside_events(col, raw.columns)
                                                   or _expiry(col, raw.columns)
                                                   or _entry_beside_deal(col, raw)
                                                   or _end_beside_start(col, raw.columns)
                                                   or _period_beside_finer(col, raw)
                                                   or _vintage_after(col, raw)))
    # (a release's 'Vintage' 2023-Q4 or its day beside the 'Quarter' it reports; a Census vintage of plain years on
    # each of its rows beside their 'Year'; a winery's 'Vintage' 2019 one a row is the year)
    for col in ordered:
        rising = col == first and col in numbers and _last_word(col) not in _NUMBERED_WORDS and (
            _evenly_rising(numbers[col]) or _rising_in_bars(numbers[col]))  # not a 'Reservation number' up by one
        if col in numbers and not (_sounds_like_date(col) or rising
                                   or _written_as_dates(raw[col]) or _writes_days(col, numbers[col])
                                   or _holds_record_times(col, numbers[col]) or _named_epochs(col, numbers[col])):
            continue
        parsed = _parse_time_column(raw[col], col, numbers, options.day_first, usual=options.usual_day_first,
                                    finer=rising)
        if parsed is not None and parsed[0].nunique() < 2 < len(raw):  # one date on every row: when the file was
            constant = constant or (col, parsed)  # exported (SDMX-CSV's LAST UPDATE), unless no column has more
        elif parsed is not None and sparse is not None and _bookkeeping(col):
            continue  # a list's 'Modified' after its 'Date' written once a day: the edits are no time of the rows
        elif parsed is not None and parsed[0].notna().mean() < _FILLED_DATES and sparse is None:
            sparse = (col, parsed)  # a date of a few rows (Stripe's 'Refunded date (UTC)'), unless no other is fuller
        elif parsed is not None and few is None and (parsed[0].nunique() < MIN_ROWS <= len(raw)
                                                     or _years_beside_weeks(parsed, raw.columns)):
            few = (col, parsed)  # too few stamps for a series (a retail calendar's 'Fiscal Year' before 'Week Ending')
        elif parsed is not None and few is not None and inside is None and _within_periods(parsed[0], few[1][0]) \
                and not _dates_each_row(col, parsed[0]):
            inside = (col, parsed)  # a school's date under its school year, unless a later column dates each row
        elif parsed is not None and (few is None or _dates_each_row(col, parsed[0])
                                     and (inside is None or _evenly_dated(parsed[0]))):
            note_format(parsed[1], col, report)
            return str(col), parsed[0]
    if (chosen := inside or few) is not None:
        note_format(chosen[1][1], chosen[0], report)
        return str(chosen[0]), chosen[1][0]
    if (stepped := _step_column(raw, numbers)) is not None:
        _note_steps(*stepped, report)
        return stepped
    for col in [col for col in raw.columns if col not in numbers]:
        if (fiscal := _fiscal_periods(raw[col], col, report)) is not None:
            return str(col), fiscal
    if sparse is not None:  # a date column of a few rows, where no other dates them
        note_format(sparse[1][1], sparse[0], report)
        return str(sparse[0]), sparse[1][0]
    if constant is not None:  # no other column holds the times
        note_format(constant[1][1], constant[0], report)
        return str(constant[0]), constant[1][0]
    if (huge := _steps_past_exact(raw, numbers)) is not None:
        report.notices.append(Notice(f"'{huge}' numbers its rows past 2^53 (9,007,199,254,740,992), beyond what its "
                                     "numbers keep exactly: the rows are numbered 0, 1, 2 ... instead.",
                                     "notice.steps_too_large", {"column": huge}))
    else:
        _note_unread_dates(raw, numbers, report)
    return None, pd.Series(np.arange(len(raw)), index=raw.index)


# The share of rows a time column dates, at least, to be taken before a later one (``_pick_date_column``)
_FILLED_DATES = 0.5
# When a record was edited or loaded, not when what it records happened: after the other times (eBird's 'LAST EDITED
# DATE' was taken before its 'OBSERVATION DATE')
_BOOKKEEPING = re.compile(r"\b(?:edited|modified|updated|changed|extracted|refreshed)\b")  # not a freight 'Load Date'
# A lot's expiry (an inventory count's 'Expiration Date' before its 'Count Date': the counts dated by when they expire).
# Words of a stock list's columns, beside which an 'Exp Date' is a lot's expiry (not an expense sheet's 'Item' or
# mileage 'Qty', beside which it is the expense's date)
_STOCK_WORDS = frozenset({"lot", "batch", "product", "sku", "stock", "inventory", "ndc", "upc", "hand"})


# ... and an item's count beside a date of its stock taken or received (a food bank's 'Item', 'Qty' and 'Count Date')
_ITEM_WORDS = frozenset({"item", "qty", "quantity"})
_STOCK_DATE_WORDS = frozenset({"count", "counted", "received", "receipt", "receiving", "arrival", "arrived", "stocked"})


def _expiry(col: object, columns: pd.Index) -> bool:
    """Whether ``col`` dates an expiry (``_EXPIRY``), or is an 'Exp Date' beside a stock list's columns
    (``_STOCK_WORDS``, or ``_ITEM_WORDS`` beside a date of the stock's, ``_STOCK_DATE_WORDS``: a lot's, where an
    expense sheet's 'Exp Date' is the expense's)."""
    name = _name_text(col)
    others = [_name_words(other) for other in columns if other != col]
    stock = _STOCK_WORDS | (_ITEM_WORDS if any(words & _STOCK_DATE_WORDS for words in others) else frozenset())
    return _EXPIRY.search(name) is not None or "exp" in name.split() and any(words & stock for words in others)


_EXPIRY = re.compile(r"\b(?:expiration|expiry|expires|expiring|best before|use by|sell by)\b")  # ('Exp Date': an
# expense's)
# A person's birth date beside the date they joined (a membership roll's 'Birthdate' before its 'Join Date': the
# births were counted per month); a births register's 'Birth Date' beside its 'Registration Date' stays first
_BIRTH = re.compile(r"\b(?:birth|birthdate|birthday|dob)\b")
_REGISTERED = re.compile(r"\b(?:registration|registered|recorded|record|death|deaths)\b")


def _birth_beside_events(col: object, columns: pd.Index) -> bool:
    """Whether ``col`` is a person's birth date beside another date (a roll's 'Join Date', a clinic's 'Appointment
    Date': the births were counted, the fees forecast over them); a births register's 'Birth Date' beside its
    'Registration Date' stays the time."""
    if _BIRTH.search(_name_text(col)) is None:
        return False
    others = [other for other in columns if other != col and _sounds_like_date(other)]
    return any(_REGISTERED.search(_name_text(other)) is None for other in others)


# When a record was entered ('Created Date', 'Date Added') beside the date of the deal it records (Salesforce's 'Close
# Date', a gift's 'Gift Date'): December's gifts keyed in January were read as January's
_ENTERED = re.compile(r"\b(?:created|entered|added|keyed)\b")
_SUMMARY_DATE_WORDS = frozenset({"last", "first", "next", "latest", "due", "expected", "expiry", "expiration"})
_DEAL_WORDS = frozenset({"close", "gift", "donation", "order", "invoice", "transaction", "payment", "posting", "sale",
                         "booking", "trade"})


_END_WORDS = frozenset({"end", "ended", "ends", "stop", "stopped", "finish", "finished", "endtime", "stoptime"})
_START_WORDS = frozenset({"start", "started", "starts", "begin", "began", "starttime", "pickup"})


def _plain_years(cells: pd.Series) -> bool:
    """Whether the cells are years written alone (2019), as a winery's vintages."""
    text = cells.dropna().astype("string").str.strip().iloc[:200]
    return bool(len(text)) and bool(text.str.fullmatch(r"\d{4}(?:\.0)?").mean() >= PARSE_SHARE)


def _vintage_after(col: object, raw: pd.DataFrame) -> bool:
    """Whether a 'Vintage' goes after the other time columns: a release's of days or quarters beside the 'Quarter' it
    reports; one of plain years on each of many years' rows (a Census vintage re-estimating every 'Year' since 2010,
    a wine's vintage sold over its 'Sale Month's); not a winery's year one a row, nor a vintage's 'Harvest Date' of
    each variety within its year."""
    if _name_text(col) != "vintage":
        return False
    if not _plain_years(raw[col]):
        return True
    if not raw[col].duplicated().any():
        return False
    for other in raw.columns:
        if other == col or not _sounds_like_date(other):
            continue
        parsed = parse_dates(raw[other])
        if parsed is not None and (parsed[0].groupby(raw[col]).agg(lambda days: days.max() - days.min())
                                   > pd.Timedelta(days=366)).any():
            return True
    return False


def _end_beside_start(col: object, columns: pd.Index) -> bool:
    """Whether ``col`` names when something ended beside a date named as its start (TfL's journeys: 'End Date'
    before 'Start Date', the trips dated by where they ended)."""
    return bool(_name_words(col) & _END_WORDS) and any(
        other != col and _sounds_like_date(other) and _name_words(other) & _START_WORDS for other in columns)


# A period's start or end ('Period Start Date', 'Settlement Period End', 'Cycle End'), each row's period, not its time
_PERIOD_BOUND = re.compile(r"\b(?:period|cycle|settlement)\b.*\b(?:start|begin|beginning|end|ending|from|to)\b|"
                           r"\b(?:start|begin|end|ending)\b.*\b(?:period|cycle)\b")
_FINER = 2  # times as many distinct stamps a finer time column writes as a period's bound, at least


def _period_beside_finer(col: object, raw: pd.DataFrame) -> bool:
    """Whether ``col`` is a period's start or end (``_PERIOD_BOUND``) beside a date of each row that is finer
    (``_FINER`` times the distinct stamps, filled on most rows): Walmart's reconciliation report's 'Period Start
    Date', a two-week settlement cycle of 13 values over 1,550 rows, was the time over its 'Transaction Posted
    Timestamp' of each sale (not a payroll's 'Pay Date', one to a period)."""
    if _PERIOD_BOUND.search(_name_text(col)) is None:
        return False
    periods = raw[col].nunique()
    return any(other != col and _sounds_like_date(other) and _PERIOD_BOUND.search(_name_text(other)) is None
               and filled(raw[other]).mean() >= _FILLED_DATES and raw[other].nunique() >= _FINER * periods
               for other in raw.columns)


def _entry_beside_deal(col: object, raw: pd.DataFrame) -> bool:
    """Whether ``col`` is named as when a record was entered (``_ENTERED``) beside a date named as its deal's, filled
    on nearly every row (not an invoice's 'Payment Date' of the paid ones, which left its 'Due Date' to be taken; not
    a customer's 'Last Order Date')."""
    return _ENTERED.search(_name_text(col)) is not None and any(
        other != col and _sounds_like_date(other) and _name_words(other) & _DEAL_WORDS
        and not _name_words(other) & _SUMMARY_DATE_WORDS and filled(raw[other]).mean() >= PARSE_SHARE
        for other in raw.columns)


def _bookkeeping(col: object) -> bool:
    """Whether a column is named as when its record was kept (``_BOOKKEEPING``)."""
    return _BOOKKEEPING.search(_name_text(col)) is not None


def _local_twin(col: object, columns: pd.Index) -> bool:
    """Whether ``col`` is named as UTC (or GMT) beside a column named alike but for that word, the local time: PJM's
    ``datetime_beginning_utc`` beside ``datetime_beginning_ept``, EIA-930's 'UTC Time at End of Hour' beside 'Local
    Time at End of Hour'. The local one goes first: a grid's load keeps to the local clock (the UTC one was taken, and
    the day's pattern moved by an hour at a clock change)."""
    words = re.split(r"[\W_]+", str(col).strip().lower())
    if not {"utc", "gmt"} & set(words):
        return False
    for other in columns:
        twin = re.split(r"[\W_]+", str(other).strip().lower())
        if other != col and len(twin) == len(words) and sum(a != b for a, b in zip(words, twin)) == 1 and not (
                {"utc", "gmt"} & set(twin)):
            return True
    return False


def _years_beside_weeks(parsed: tuple[pd.Series, str], columns: pd.Index) -> bool:
    """Whether a column of years (``parsed`` as ``yyyy``, or seasons ``yyyy/yy``) stands beside a column of week or
    month numbers, or of the weeks they make (``MMWR-YEAR-MMWR-WEEK``): the years of finer periods, before a later
    column that dates each row (CDC's 'MMWR Year' and 'MMWR Week' before 'Week Ending Date': nine years of weeks were
    read as nine yearly means, once the years were eight or more; FluSurv-NET's season 'YEAR'), where
    each year has several rows (a yearly table's 'Peak Week' beside its 'Peak Date' is no such table)."""
    stamps, written = parsed
    names = [str(col).strip().lower() for col in columns]  # (not 'Capacity (kW)': a German week's 'KW')
    return written in ("yyyy", "yyyy/yy") and bool(stamps.duplicated().mean() > 0.5) and any(
        name in _WEEK_NAMES or name in _PERIOD_NAMES  # (or 'Year-Month', a 'Fiscal Year' beside it)
        or set(re.split(r"[\W_]+", name)) & ((_WEEK_NAMES - {"kw"}) | set(_PERIOD_NAMES)) for name in names)


def _dates_each_row(col: object, stamps: pd.Series) -> bool:
    """Whether a time column after one of too few stamps dates the rows instead: named as a time, a stamp of its own on
    nearly every row (a retail calendar's 'Week Ending' after its 'Fiscal Year'; not a store's opening date beside
    five days of sales of each store)."""
    return _sounds_like_date(col) and stamps.nunique() >= PARSE_SHARE * stamps.notna().sum()


_EVEN_STEPS = 0.5  # the share of the steps between distinct stamps that the most common step makes (``_evenly_dated``)


def _evenly_dated(stamps: pd.Series) -> bool:
    """Whether the distinct ``stamps`` mostly follow one step (a retail file's daily 'Date', business days too): not the
    times rows were entered ('Timestamp' 08/22/2022 09:37:53 after a school's 'Date'), which a date within the school
    years is no longer passed over for."""
    steps = np.diff(np.sort(pd.to_datetime(stamps.dropna().unique()).asi8)).astype(float)
    if not len(steps) or np.median(steps) <= 0:
        return False
    binned = np.round(steps / (_STEP_JITTER * np.median(steps)))  # a logger's seconds of jitter: the same step
    return float(pd.Series(binned).value_counts().iloc[0]) >= _EVEN_STEPS * len(steps)


def _within_periods(stamps: pd.Series, periods: pd.Series) -> bool:
    """Whether ``stamps`` (of enough distinct ones for a series) each lie in one of the too few ``periods`` an earlier
    column gave: a school's 'Date' under its 'School Year' (2022-2023), the day of a period, repeated only by the
    schools of a long file (the file was refused as 2 time stamps). Not a store's opening date beside five days of
    sales: each opening date meets all five days."""
    both = pd.DataFrame({"stamp": stamps.to_numpy(), "period": periods.to_numpy()}).dropna()
    return bool(both["stamp"].nunique() >= MIN_ROWS and both.groupby("stamp")["period"].nunique().max() == 1)


EXACT_STEPS = 2.0 ** 53  # whole numbers from here on are no longer all kept exactly by a float


def step_numbers(values: pd.Series | None) -> pd.Series | None:
    """A column of whole numbers as step numbers (statsforecast's ``unique_id, ds, y`` with ``ds`` 1, 2, 3 ...);
    None when a cell is blank or not a whole number."""
    if values is None or not len(values) or values.isna().any():
        return None
    whole = values.to_numpy(dtype=float)
    if not (np.all(whole == np.round(whole)) and np.abs(whole).max() < EXACT_STEPS):
        return None
    return pd.Series(whole.astype(np.int64), index=values.index)


def named_as_steps(col: object) -> bool:
    """A column name whose whole words say time or steps (``ds``, ``t``, ``step``, ``period``, ``Year``) and none a
    measure (``Day-ahead Forecast [MW]``)."""
    words = _name_words(col)
    return _named_as_dates(col) or bool(words & _STEP_NAMES and not (words & _MEASURE_WORDS or "[" in str(col)))


def _step_column(raw: pd.DataFrame, numbers: dict[str, pd.Series]) -> tuple[str, pd.Series] | None:
    """The first column named as time or steps (``named_as_steps``) whose whole numbers rise row by row, mostly by
    one (``counts_steps``), and its numbers: the file's own steps, kept as they are written (a forecast goes on from
    the last by one); None when there is none (seconds 0, 60, 120 ... would forecast 2341 after 2340)."""
    for col in raw.columns:
        steps = step_numbers(numbers.get(col)) if named_as_steps(col) else None
        if steps is not None and len(steps) > 1 and counts_steps(steps.to_numpy()):
            return str(col), steps
    return None


def _steps_past_exact(raw: pd.DataFrame, numbers: dict[str, pd.Series]) -> str | None:
    """The first column named as steps whose numbers rise past 2^53, where a float no longer tells 10^18 + 1 from
    10^18 (``step_numbers`` refuses them): the rows were renumbered from 0 without a word."""
    for col in raw.columns:
        values = numbers.get(col)
        if named_as_steps(col) and values is not None and len(values) > 1 and values.notna().all() \
                and np.abs(values.to_numpy(dtype=float)).max() >= EXACT_STEPS:
            return str(col)
    return None


def counts_steps(steps: np.ndarray) -> bool:
    """Whether whole numbers rise at every row, by one at ``_STEPS_BY_ONE`` of them at least (a few gaps)."""
    rises = np.diff(steps)
    return bool(len(rises) and (rises > 0).all() and np.mean(rises == 1) >= _STEPS_BY_ONE)


def _fiscal_periods(cells: pd.Series, col: object, report: DataReport) -> pd.Series | None:
    """A column of fiscal periods with their year (``parsing.fiscal_period_steps``: '2016 P01' to '2016 P13') as step
    numbers, said; None for any other column, and for periods that do not follow on from each other."""
    if (found := fiscal_period_steps(cells)) is None or not counts_steps(np.unique(found[0].to_numpy())):
        return None
    steps, periods = found
    first = str(cells.iloc[int(np.argmin(steps.to_numpy()))]).strip()
    report.notices.append(Notice(
        f"'{col}' numbers the periods of fiscal years, {periods} to a year: they are read as steps ('{first}' is step "
        f"{int(steps.min())}, each period one step on, across the years), with no calendar, as the file does not say "
        f"on which day a period starts; their season is the year's {periods} periods, and a forecast goes on from the "
        "last.",
        "notice.fiscal_periods", {"column": str(col), "periods": periods, "first": first, "step": int(steps.min())}))
    return steps


_PERIOD_OF_ALIAS = {"D": "day", "B": "day", "W": "week", "MS": "month", "ME": "month"}  # (``_events_per_period``)
_SHARED_STAMPS_SAID = 0.1  # of the stamps, at least, shared by several rows


def _events_per_period(report: DataReport, frequency: Frequency, options: LoadOptions) -> Notice | None:
    """Said where rows share their stamps with others while stamps are missing and the rows are not combined per a
    period: a dealer's deals of a day (dates without a time) were averaged, and the days without a deal filled between
    sale days, where a sum per day counts them 0 (a 30-day forecast nearly twice the file's own rate)."""
    per = _PERIOD_OF_ALIAS.get(str(frequency.alias).split("-")[0])
    shared, stamps = report.rows_combined_away, report.duplicate_stamps_aggregated
    if options.per or per is None or not shared or report.gaps < shared or stamps < _SHARED_STAMPS_SAID * (
            report.rows_read - shared):  # (a reading corrected on a few days: no events)
        return None
    rows, gaps = shared + stamps, report.gaps
    return Notice(f"{count(rows, 'row')} share a {per} with other rows while {gaps:,} {per}s between the first and "
                  f"the last have none: if each row is an event (a sale, an order), combine the rows per {per} under "
                  f"Reading options ('Combine the rows per', with 'Repeated time stamps' at sum or count; --per {per} "
                  f"--duplicates sum or count), where a {per} without a row counts 0 rather than being filled.",
                  "notice.events_per_period", {"rows": rows, "gaps": gaps, "per": per, "flag": per})


def _fiscal_season(frequency: Frequency, report: DataReport) -> Frequency:
    """Steps numbered from fiscal periods (``_fiscal_periods``) with their fiscal year as the season, 12 or 13 periods
    (seasonal naive repeated the last period: test MAE 44,782 where the same figures dated by month had 4,953)."""
    periods = next((notice.params["periods"] for notice in report.notices if notice.key == "notice.fiscal_periods"), 0)
    return Frequency(frequency.name, None, int(periods)) if frequency.is_steps and periods else frequency


def _note_steps(col: str, steps: pd.Series, report: DataReport) -> None:
    """Said of a column of whole numbers read as steps; not of the steps a table's columns numbered (M5's ``d_1``...),
    which that note names: this one named 'period', a column the file does not have."""
    if any(notice.key == "notice.steps_across" for notice in report.notices):
        return
    first, last = int(steps.min()), int(steps.max())
    report.notices.append(Notice(
        f"'{col}' holds whole numbers, not dates: they are read as step numbers ({first} to {last}), with no calendar "
        "(only auto looks for a season, in the values); a forecast goes on from the last. Write the dates as "
        "yyyy-mm-dd (or 2021-01, 2021Q1, 2021-W01) to forecast in time.", "notice.step_numbers",
        {"column": col, "first": first, "last": last}))


def _note_unread_dates(raw: pd.DataFrame, numbers: dict[str, pd.Series], report: DataReport) -> None:
    """Say which column looked like the dates when none could be read as dates: the first text column whose name
    says time, else the first column when it is text with digits in nearly every cell (``FY2005``, ``2015 T1``)."""
    text_columns = [col for col in raw.columns if col not in numbers]
    # Named as time: text, or numbers named as dates or time stamps (epochs or years past pandas' calendar: 33658).
    named = [col for col in raw.columns if _sounds_like_date(col) and (col in text_columns or _named_as_dates(col)
                                                                       or _name_words(col) & {"timestamp", "year"})]
    first = [raw.columns[0]] if raw.columns[0] in text_columns else []
    for col in named + [col for col in first if col not in named]:
        cells = raw[col].astype("string").str.strip()
        cells = cells[cells.notna() & (cells != "")]
        if len(cells) and (col in named or cells.str.contains(r"\d", regex=True).mean() >= PARSE_SHARE):
            example = clipped(_unread_example(cells), 30)
            report.notices.append(Notice(
                f"No time column was read: '{col}' does not hold dates this loader can read (for example "
                f"'{example}'), so the rows are numbered as steps, with no calendar (only auto looks for a season, in "
                "the values). Write the dates as yyyy-mm-dd (or 2021-01, 2021Q1, 2021-W01) to forecast in time.",
                "notice.dates_unread",
                {"column": str(col), "example": example}))
            return


def _unread_example(cells: pd.Series, looked_at: int = 200) -> str:
    """The first of the first ``looked_at`` ``cells`` that does not read as a date alone, else the first cell: the
    notice named '1990', a year it reads, where a note below the years ('Notes:') kept the column from reading."""
    return next((str(cell) for cell in cells.iloc[:looked_at] if parse_dates(pd.Series([cell], dtype=object)) is None),
                str(cells.iloc[0]))


def local_dates(cells: pd.Series, stamps: pd.Series, date_format: str, per: str) -> pd.Series | None:
    """Times with several UTC offsets (``stamps``, read on the first row's to stay evenly spaced) combined ``per`` day
    or longer: the local dates and times ``cells`` write (``wall_clock``), so that each row counts in the day the file
    gives it (a Shopify export's winter orders paid after 23:00 were counted on the next day, 84 days of 457 wrong);
    None where the rows are not so combined, or reading them so would lose a date."""
    if per in ("", "minute", "hour") or not date_format.startswith(ON_FIRST_OFFSET):
        return None
    wall = wall_clock(cells)
    return wall if wall.isna().sum() <= stamps.isna().sum() else None


_ZONE_NAMES = frozenset({"timezone", "time zone", "tz", "time_zone", "zone", "invitee timezone"})


def _in_the_zone_named(raw: pd.DataFrame, date_col: str, stamps: pd.Series, report: DataReport) -> pd.Series | None:
    """UTC times (written with ``Z`` or +00:00) beside a column naming one time zone for every row (Calendly's
    'timezone': Australia/Sydney) as that zone's local times, said; None otherwise. Counted on UTC dates, a Sydney
    clinic's Monday mornings fell on Sundays."""
    if not pd.api.types.is_datetime64_any_dtype(stamps) or not writes_utc_itself(raw[date_col]):
        return None  # (OpenAQ's local times with their offsets beside the zone were moved 8 hours)
    named = [col for col in raw.columns if _name_text(col) in _ZONE_NAMES]
    zones = raw[named[0]].dropna().astype("string").str.strip().unique() if len(named) == 1 else []
    if len(zones) != 1:
        return None
    if (stamps == stamps.dt.normalize()).all():  # days written as UTC midnights are the days themselves
        return None
    try:
        zone = ZoneInfo(str(zones[0]))
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a sales 'zone' of 'US' is a folder of tzdata's
        return None
    report.notices.append(Notice(f"The times in '{date_col}' are in UTC and '{named[0]}' names their time zone "
                                 f"({zones[0]}): they are read as its local times.", "notice.named_zone",
                                 {"column": date_col, "zone_column": str(named[0]), "zone": str(zones[0])}))
    return stamps.dt.tz_localize("UTC").dt.tz_convert(zone).dt.tz_localize(None)


def _on_the_dates_written(cells: pd.Series, wall: pd.Series, per: str, report: DataReport) -> pd.Series:
    """``wall`` (``local_dates``) as the time stamps, said in place of the notice of the first row's offset."""
    report.notices = [notice for notice in report.notices if notice.key != "notice.first_offset"]
    report.date_format = "ISO 8601"
    report.notices.append(Notice(f"Times in '{cells.name}' carry more than one UTC offset (daylight saving); combined "
                                 f"per {per}, each row counts on the date and time written, in the file's local time.",
                                 "notice.per_local_time", {"column": str(cells.name), "per": per}))
    return wall


def note_format(found: str, col: object, report: DataReport) -> None:
    report.date_format = found
    if found.startswith(MIXED_FORMATS):
        formats = "; ".join(_as_example(way) for way in found.removeprefix(MIXED_FORMATS).split("; "))
        report.notices.append(Notice(f"Dates in '{col}' are written in {formats.count(';') + 1} ways ({formats}); each "
                                     "way was read by its own format. Check the dates if the file was put together "
                                     "from several exports.", "notice.mixed_dates",
                                     {"column": str(col), "ways": formats.count(";") + 1, "formats": formats}))
    elif found in FISCAL_FORMATS:
        report.notices.append(Notice(f"'{col}' holds fiscal years: they are read as the calendar years they name "
                                     "(FY2015 and 2015/16 are 2015, FY2015 Q1 is 2015 Q1), as the file does not say "
                                     "in which month its fiscal year starts; the forecast's stamps follow the same "
                                     "rule.",
                                     "notice.fiscal_years", {"column": str(col)}))
    elif found in COHORT_FORMATS:  # an actuary's accident, policy or underwriting years ('AY 2008'); CY needs no word
        report.notices.append(Notice(f"'{col}' holds accident, policy or underwriting years (AY, PY, UY): they are "
                                     "read as the calendar years they name (AY 2008 is 2008, AY2015 Q1 is 2015 Q1), "
                                     "each row the claims or policies of its year, not what was paid in that year; "
                                     "the forecast's stamps follow the same rule.",
                                     "notice.cohort_years", {"column": str(col)}))
    elif found == PERIOD_DOT_YEAR_FORMAT:
        report.notices.append(_periods_as_months_notice(str(col)))
    elif found.startswith(LOCAL_MIDNIGHTS):
        times = found.removeprefix(LOCAL_MIDNIGHTS).strip(" ()")
        report.notices.append(Notice(f"The times in '{col}' are at {times} UTC each day, the start of a day in a "
                                     "local time zone: each row is read as the day it begins.",
                                     "notice.local_midnights", {"column": str(col), "times": times}))
    elif found.startswith(ON_FIRST_OFFSET):
        offset = offset_read_on(found)
        report.notices.append(Notice(f"Times in '{col}' carry more than one UTC offset (daylight saving, or several "
                                     f"time zones); they are read on the first row's offset ({offset}), so that they "
                                     "stay evenly spaced: a time written with another offset shows moved by the "
                                     "difference (an hour across daylight saving). Downloads write each with that "
                                     f"offset ({offset}), so that they match the file's times.",
                                     "notice.first_offset", {"column": str(col), "offset": offset}))
    elif found.endswith(ORDER_OVERRULED):
        order, asked = ("day first", "month first") if found.startswith("%d") else ("month first", "day first")
        report.notices.append(Notice(f"Dates in '{col}' cannot all be read {asked}, as chosen (some would have a "
                                     f"month above 12): they were read {order}, which reads every one.",
                                     f"notice.order_overruled_{order.replace(' ', '_')}", {"column": str(col)}))
    elif YEAR_FIRST in found:
        written = found.split(" (")[0].replace("%y", "yy").replace("%m", "mm").replace("%d", "dd")
        report.notices.append(Notice(f"Dates in '{col}' are read with a two-digit year first ({written}): no "
                                     "other order spaces them as evenly and as closely. If they are days or months "
                                     "first, choose that order on the Data page (--day-first or --month-first on the "
                                     "command line), or write the dates as yyyy-mm-dd.", "notice.year_first",
                                     {"column": str(col), "format": written}))
    elif AMBIGUOUS in found:
        report.notices.append(_ambiguous_notice(str(col), found))


# How ambiguous dates were read, by the marker in the format found: the notice's key part and its reason.
_AMBIGUOUS_READINGS = ((EVEN_EITHER, "even", ", evenly spaced either way; read {order}."),
                       (AMBIGUOUS_AS_USUAL, "usual", ", evenly spaced either way; read {order}, as your browser's "
                                                     "language writes dates."),
                       (AMBIGUOUS, "", "; read {order} because that gives the more regular spacing."))


def _ambiguous_notice(col: str, found: str) -> Notice:
    """What ``note_format`` says of dates that read both day first and month first (``found`` says how they were
    read): evenly spaced either way (the order chosen by the browser's language, or with none by the denser reading),
    or by the more regular spacing."""
    order = "day first" if found.startswith("%d") else "month first"
    kind, reason = next((kind, reason) for marker, kind, reason in _AMBIGUOUS_READINGS if marker in found)
    where = "on the Data page" if kind == "usual" else \
        "on the Data page (--day-first or --month-first on the command line)"
    return Notice(f"Dates in '{col}' fit both day-first and month-first reading{reason.format(order=order)} If that is "
                  f"wrong, choose the other order {where}, or write the dates as yyyy-mm-dd.",
                  f"notice.ambiguous_{kind + '_' if kind else ''}{order.replace(' ', '_')}", {"column": col})


def _periods_as_months_notice(col: str) -> Notice:
    """Said where an ERP's numbered posting periods (``Period`` 1-12 beside a year, SAP's ``001.2021``) are read as
    months: period 1 is January only when the fiscal year starts then, which the file does not say."""
    return Notice(f"'{col}' numbers the periods of a year (1 to 12): they are read as its months, period 1 as January, "
                  "as the file does not say in which month its fiscal year starts.", "notice.periods_as_months",
                  {"column": col})


def _as_example(way: str) -> str:
    """A way of writing dates as people read it: a strptime format as the last day of March 2021 written so
    (``%d/%m/%Y``: ``31/03/2021``); other ways (``yyyyQq``, ``ISO 8601``) as they are named."""
    if "%" not in way:
        return way
    return pd.Timestamp(2021, 3, 31, 13, 45).strftime(way.split(" (")[0])


def _named_epochs(col: object, values: pd.Series) -> bool:
    """Whether a column named as epochs (``_EPOCH_WORDS``: Home Assistant's 'start_ts') holds Unix seconds or
    milliseconds, wherever it stands (after a constant 'metadata_id' it was passed over: the file ran as steps; its
    'created_ts' in seconds with microseconds is no measure either, ``_no_measure``)."""
    return bool(_name_words(col) & _EPOCH_WORDS) and parse_epochs(values) is not None


def _parse_time_column(values: pd.Series, col: object, numbers: dict[str, pd.Series],
                       day_first: bool | None = None, named: bool = False,
                       usual: bool | None = None, finer: bool = False) -> tuple[pd.Series, str] | None:
    """The column read as time stamps and the format found, or None. Whole numbers are Excel serial days only
    under a date-like name or when the user ``named`` the column as the dates; epochs in micro- or nanoseconds under
    such a name, or (``finer``) in a first column that rises evenly or in bars (Binance's klines, headerless, in
    microseconds since 2025, were the target); days written yyyymmdd
    (``_writes_days``) under any name but a measure's. Dates that read both day first and month first take the
    ``usual`` order where its reading is as evenly spaced (``_usual_order``)."""
    parsed = parse_dates(values, day_first)
    if parsed is not None:
        return _usual_order(values, parsed, usual) if day_first is None else _order_that_reads(values, parsed, day_first)
    if col in numbers:
        # before epochs: both are ten digits
        if (hours := parse_compact_hours(numbers[col], _may_end_in_trailer(col))) is not None:
            return hours
        epochs = parse_epochs(values, finer=finer or named or _sounds_like_date(col)
                              or bool(_name_words(col) & _EPOCH_WORDS), fractions=named or _sounds_like_date(col))
        # (seconds with a fraction under 'timestamp'; not Home Assistant's 'created_ts' before its 'start_ts')
        if epochs is not None:
            return epochs, "Unix epoch"
        if (modified := _modified_julian_days(col, numbers[col])) is not None:
            return modified, "Modified Julian Day"
        serials = parse_excel_serials(values) if named or _named_as_dates(col) else None
        if serials is not None:
            return serials, "Excel serial day"
        if (named or _sounds_like_date(col)) and (fractions := _decimal_years(numbers[col])) is not None:
            return fractions
        if (named or not _sounds_like_target(col)) \
                and (days := parse_compact_dates(numbers[col], _may_end_in_trailer(col))) is not None:
            return days, "%Y%m%d"  # typed as numbers with a blank among them (20210101.0): no text to read
    return None


def _modified_julian_days(col: object, numbers: pd.Series) -> pd.Series | None:
    """Days named as Modified Julian Days ('MJD', GNSS and astronomy: days from 1858-11-17; 58484 is 2019-01-01, read
    as an Excel serial day it was 2060-02-13), from 1900 to 2100; else None."""
    present = numbers.dropna()
    if "mjd" not in _name_words(col) or present.empty or not present.between(15_020, 88_069).all():
        return None
    return pd.Timestamp("1858-11-17") + pd.to_timedelta(numbers, unit="D")


# In the format found for dates read in the other order than the one asked for, which left some unread (``note_format``)
ORDER_OVERRULED = "(the order asked for left dates unread)"


def _order_that_reads(values: pd.Series, parsed: tuple[pd.Series, str], day_first: bool) -> tuple[pd.Series, str]:
    """``parsed`` (the dates in the order asked for), or in the other order when that one reads the dates the asked one
    left unread, and no other, and is more evenly spaced: '2/13/2024 1:00 AM' read day first is in no month, and the
    rows it left unread were dropped with advice to correct them in the file (12 of 300 hours, 7,776 missing). One
    typo among months written day first (01/13/2020) keeps the order asked for. Said by ``note_format``."""
    written = (values.notna() & (values.astype("string").str.strip() != "")).to_numpy(dtype=bool)
    unread = parsed[0].isna().to_numpy() & written
    if not unread.any() or (other := parse_dates(values, not day_first)) is None:
        return parsed
    still = other[0].isna().to_numpy() & written  # a blank marker stays unread either way
    if (still & ~unread).any() or still.sum() >= unread.sum() or \
            calendar_spread(other[0]) >= calendar_spread(parsed[0]):  # one typo (01/13/2020 among months): as asked
        return parsed
    return other[0], f"{other[1]} {ORDER_OVERRULED}"


def _usual_order(values: pd.Series, parsed: tuple[pd.Series, str], usual: bool | None) -> tuple[pd.Series, str]:
    """``parsed`` (ambiguous dates read by the more regular spacing in seconds), or the reading in the ``usual`` order
    when that one is the other and is evenly spaced on the calendar: 01/02/2020, 01/03/2020, ... are 2 and 3 January
    (one day apart) or 1 February and 1 March (one month apart), and which one the file means, only the writer's
    habit says. The format found then says ``as usual``."""
    found = parsed[1]
    if AMBIGUOUS not in found or found.startswith(MIXED_FORMATS):
        return parsed  # a column mixing ways of writing dates has its ambiguous part read by the rest's spacing
    written, day_first = found.split(" (")[0], found.startswith("%d")
    other = parse_dates(values, not day_first)
    if other is None or calendar_spread(other[0]) > 0:
        return parsed  # the other reading is uneven: the spacing decided
    if usual is not None and day_first != usual:
        return other[0], f"{other[1]} {AMBIGUOUS_AS_USUAL}: could be {written})"
    if calendar_spread(parsed[0]) > 0:
        return parsed
    # even either way: the order is the language's, or with none (the command line) the denser reading's; the note
    # said it gave "the more regular spacing" (twelve 1sts of the month are as even as twelve days)
    return parsed[0], f"{written} {AMBIGUOUS_AS_USUAL if usual is not None else EVEN_EITHER}: could be {other[1]})"


def _decimal_years(values: pd.Series) -> tuple[pd.Series, str] | None:
    """Years with their months or quarters as fractions, as R writes ``time()`` of a ``ts`` (1949, 1949.0833, ...):
    steps of a twelfth or a quarter of a year between the years 1000 and 2999, or whole years written as decimals
    (``1990.0``: a column pandas read as floats, one cell blank) a year apart at least once; None otherwise."""
    known = values.dropna().to_numpy(dtype=float)
    steps = np.diff(known)
    if len(known) < 3 or not ((known >= 1000) & (known < 3000)).all() or not len(steps):
        return None
    for per_year, label in ((12, "yyyy.fraction (months)"), (4, "yyyy.fraction (quarters)"), (1, "yyyy.0")):
        if per_year == 1 and not np.allclose(known, np.round(known)):  # 1990.0, 1991.0: a float column's years
            continue
        if np.allclose(steps * per_year, np.round(steps * per_year), atol=0.01) and np.all(steps > 0) and \
                np.isclose(np.min(steps) * per_year, 1, atol=0.01):
            periods = np.round(values.to_numpy(dtype=float) * per_year)  # NaN stays NaN
            years, index = np.floor_divide(periods, per_year), np.mod(periods, per_year)
            months = index * (12 // per_year) + 1
            stamps = pd.to_datetime(pd.DataFrame({"year": years, "month": months, "day": 1}), errors="coerce")
            return pd.Series(stamps.to_numpy(), index=values.index), label
    return None


def _evenly_rising(values: pd.Series) -> bool:
    """A numeric column that rises by about the same step every row (within ``_STEP_JITTER`` of the median step),
    like 1980, 1981, ... or epochs (a logger's milliseconds: 1000 +- 3)."""
    steps = np.diff(values.to_numpy(dtype=float))
    if not (len(steps) and np.all(steps > 0)):
        return False
    typical = np.median(steps)
    return bool(np.all(np.abs(steps - typical) <= _STEP_JITTER * typical))


def _rising_in_bars(values: pd.Series) -> bool:
    """Whole numbers rising by whole minutes (in seconds, or in milli-, micro- or nanoseconds) or by whole days, every
    step a whole number of the usual one, most steps one of it: epochs of an exchange's bars with days or hours
    missing (Kraken's daily OHLC files, headerless, were read as steps and their epochs forecast as the price)."""
    steps = np.diff(values.to_numpy(dtype=float))
    if not (len(steps) >= MIN_ROWS and np.all(steps > 0)) or np.any(values % 1 != 0):
        return False
    usual = float(np.median(steps))
    bars = steps / usual
    return (any(usual >= unit and usual % unit == 0 for unit in _BAR_UNITS)
            and bool(np.all(bars % 1 == 0) and np.mean(bars == 1) >= PARSE_SHARE))


_BAR_UNITS = (60, 60_000, 60_000_000, 60_000_000_000)  # a minute in seconds, milli-, micro- and nanoseconds


def _writes_days(col: object, values: pd.Series) -> bool:
    """Whole numbers that each write a day as yyyymmdd (``parse_compact_dates``: SAP's ``BUDAT``, 20210131) under a
    name without a measure's word (``_TARGET_WORDS``): tried as the dates whatever else the name says, and never
    taken for the target (it was, the posting dates forecast as amounts of 20,210,101, without a word); so too hours
    and minutes yyyymmddhh(mm) (``parse_compact_hours``: AmeriFlux's ``TIMESTAMP_END`` was the target)."""
    trailer = _may_end_in_trailer(col)
    return not _sounds_like_target(col) and (parse_compact_dates(values, trailer) is not None
                                             or parse_compact_hours(values, trailer) is not None)


# A data warehouse's suffixes of a date or a time stamp (Duck Creek's TRANS_DT, LOSS_DT, RPT_DT; LOAD_DTTM; EVENT_TS)
_STAMP_SUFFIXES = frozenset({"dt", "dttm", "dtm", "ts"})


def _may_end_in_trailer(col: object) -> bool:
    """Whether a column's whole numbers that write days or times (yyyymmdd, yyyymmddhhmmss) may end in a few that do
    not (``parsing._but_a_trailer``): under a name that says so (a time word, or a ``_STAMP_SUFFIXES`` suffix), a
    pipe-delimited extract's trailer record, ``TRL|000020758``, left its row count in 'TRANS_DT'; under other names
    every one must, so that a plain 'Amount' of 20220103 stays a number."""
    words = _word_list(col)
    return bool(_sounds_like_date(col) or (words and words[-1] in _STAMP_SUFFIXES))


def _written_as_dates(values: pd.Series) -> bool:
    """Text cells that parse as numbers only after cleaning, like ``01.01.1749`` (1,011,749 with dots as
    thousands separators), or month and year ``05.2021`` (5.2021): such a column is tried as dates, and taken as
    the dates when nearly every row parses. Plain digits (1980, 20000101) are not, so a value column of four-digit
    numbers stays the values."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return False
    text = values.astype("string").str.strip()
    head = text[text.notna() & (text != "")].iloc[:200]
    if writes_dotted_months(head):
        return True
    if head.empty or not head.str.contains(r"\d[./-]\d{1,2}[./-]\d", regex=True).mean() >= PARSE_SHARE:
        return False
    return bool(pd.to_numeric(head, errors="coerce").isna().mean() >= PARSE_SHARE)


def _named_as_dates(col: object) -> bool:
    """A whole word of the name says dates (``Date``, ``order_date``, ``Datum``, ``Price Date``), not a word that holds
    one (``Downloads``, ``Leads``), and nothing in it says a measure (a unit in brackets, a forecast word: ENTSO-E's
    ``Day-ahead Total Load Forecast [MW]``, whose 47,029 MW read as days of 2028): the test for whole numbers read
    as Excel serial days."""
    words = _name_words(col)
    return bool(words & _SERIAL_DATE_WORDS) and not (words & _MEASURE_WORDS or "[" in str(col))


def _name_words(col: object) -> set[str]:
    """The words of a column's name, lower case, split at anything not a letter or digit of any script and where
    Chinese characters meet others (``Order_Date``: order, date; ``Zamknięcie`` stays one word; ``收盘Close``: 收盘,
    close)."""
    words = set()
    for run in re.split(r"[\W_]+", str(col).strip().lower()):
        if _HAN.search(run) and re.search(r"[a-z]", run):  # 收盘close: 收盘, close (but T恤, a T-shirt, is no "t")
            words.update(part for part in _WORD.findall(run) if len(part) > 1 or _HAN.match(part))
        elif run:
            words.add(run)
    return words


def _holds_record_times(col: object, numbers: pd.Series) -> bool:
    """Whether a column named as when records were made (``_RECORD_TIMES``: Stripe's ``created``) holds Unix epochs
    (irregular payments' seconds were no time column: the rows were steps, or 'created' the target); 'Users
    created' (a count) is not so named."""
    return bool(_RECORD_TIMES.match(str(col).strip().lower())) and parse_epochs(numbers) is not None


def _sounds_like_date(col: object) -> bool:
    """Whether a column's name has a time word (``_DATE_WORDS``, within a word too: 'OrderDate'; not the 'date' of
    'updated_at', which was taken before 'created_at'), or names when a record was made (Stripe's 'Created (UTC)',
    ``_RECORD_TIMES``)."""
    name = str(col).strip().lower()
    if _RECORD_TIMES.match(name):
        return True
    name = re.sub(r"updated?", " ", name)
    return any(word in name for word in _DATE_WORDS) or bool(set(re.split(r"\W+", name)) & _WHOLE_DATE_WORDS)


def _pick_target(raw: pd.DataFrame, numeric: list[str], wanted: str | None,
                 numbers: dict[str, pd.Series] | None = None, ds: pd.Series | None = None,
                 regressors: tuple[str, ...] = ()) -> str:
    """The column to forecast: ``wanted`` when given, else detected.

    Detection leaves out flags and codes (a column with at most 2 distinct values, or integers with at
    most ``_FEW_CODES`` distinct values and fewer than one per 10 rows: 0/1 working days, weekdays,
    months), running numbers (``_counts_rows``: invoice numbers), days written yyyymmdd beside the time column
    (``_writes_days``: SAP's document date beside its posting date) and columns of fewer than ``MIN_ROWS`` values
    unless every numeric column is one. Among the rest, the first column whose name has a target word
    (``_TARGET_WORDS``: value, sales, demand, load, price, ...) wins; otherwise the first, as before (the Data page
    offers the others). Among several with target words, one that is blank in every row
    of the last time stamps ``ds`` where another is filled comes first: the layout of a file that gives its
    regressors' future values (``sales`` blank, ``price`` filled). The other numeric columns are listed in
    ``numeric_columns`` but not used as regressors unless asked for; named regressors are never the target.
    """
    if wanted is not None:
        return _named_target(raw, numeric, wanted)
    if not numeric:
        raise _why_no_numbers(raw)
    candidates = [col for col in numeric if col not in regressors] or numeric
    if (unfilled := _target_without_numbers(raw, candidates)) is not None:  # NASS's 'Value' all '(D)' beside codes
        _named_target(raw, numeric, unfilled)  # refused as the column named would be
    candidates = [col for col in candidates if not _sample_size(col, numbers)] or candidates  # a poll's n
    candidates = _without_denominators(candidates)  # ILINet's 'TOTAL PATIENTS' beside its ILI
    measures = [col for col in candidates
                if numbers is None or not (_is_code(numbers[col], _counts_events(col, numbers[col])
                                                    or bool(_name_words(col) & _WEIGHT_WORDS))  # a truck's tare
                                           or _no_measure(col, numbers[col], ds))
                ] or _answers(candidates, numbers, ds) or candidates
    # A column of a few values (a small table beside the data, a total) is no series when another has enough.
    measures = [col for col in measures if numbers is None or numbers[col].notna().sum() >= MIN_ROWS] or measures
    # a column hidden in Excel (an old version) is no target while a shown one is a measure too
    measures = [col for col in measures if col not in raw.attrs.get("hidden_columns", ())] or measures
    measures = [col for col in measures  # a logger's battery, not a shop's 'Battery Sales'
                if not _name_words(col) & _DEVICE_WORDS or _name_words(col) & _TRADED] or measures
    measures = [col for col in measures if not _so_far(col)] or measures
    measures = [col for col in measures if not _meter_reading(col)] or measures
    measures = sorted(measures, key=lambda col: col in raw.attrs.get(DURATIONS, ()))  # a run's time after its HR
    measures = _intervals_before_registers(_closing_before_opening(_without_ranks(measures)), numbers)
    measures = _average_before_extremes(_mean_of_numbered_first(measures, numbers))
    measures = [col for col in measures if not _identifier_named(col)] or measures  # Citi Bike's 'start_station_id'
    measures = _without_row_labels(measures, numbers)  # a roster's 'Employee #' beside its 'FTE'
    if any(_name_words(col) & _PRODUCE_WORDS for col in measures):  # a layer flock's 'Eggs Laid' first, its 'Hens
        measures = sorted(measures, key=lambda col: (not _name_words(col) & _PRODUCE_WORDS, _head_count(col)))  # on
        # Hand' last (not a bird count after its party hours; not a feed weight before the eggs)
    measures = sorted(measures, key=lambda col: _change_of_a_level(col, measures))  # FHFA's 'Annual Change (%)'
    # after its 'HPI' (not a plant's 'Growth (cm)' after the temperature)
    places = [] if numbers is None else [col for col in candidates if _coordinate(col, numbers[col])
                                         or col in _bare_coordinates(numbers)]
    if numbers is not None and any(_name_words(col) & _LATITUDE_WORDS for col in places):  # 'Lat' and 'Long'
        places += [col for col in candidates if _name_words(col) == {"long"} and _within(numbers[col], 180)]
    places = places if _lat_and_lon(places) else []  # 'device_lat' and 'user_lat': latencies
    if any(col in places for col in measures):
        measures = [col for col in measures if col not in places] or [  # a survey's answers beside where it was taken
            col for col in _answers(candidates, numbers, ds) if col not in places and not _identifier_named(col)] \
            or _only_coordinates(places, ds)
    named = [col for col in measures if _sounds_like_target(col)] or [  # else a few whole amounts so named
        col for col in candidates if numbers is not None and col not in measures and _names_a_measure(col)
        and col not in places and not _so_far(col)  # ('Y Coordinate', ArcGIS's 'Y': 'y' names statsforecast's target)
        and not _is_code(numbers[col], measure_named=True) and not _counts_rows(col, numbers[col])
        and not _writes_days(col, numbers[col])]  # (Stripe's four prices: 'Fee' was the target)
    # a forecast beside the actual values (ENTSO-E's day-ahead load) is no target while the actual values are there
    named = [col for col in named if not _name_words(col) & _FORECAST_WORDS] or named
    named = [col for col in named if not _planned(col)] or named
    named = [col for col in named if not _name_words(col) & _PRIOR_WORDS] or named  # 'Umsatz Vorjahr' after 'Umsatz'
    named = [col for col in named if not _name_words(col) & _AUTHORIZED_WORDS] or named
    named = [col for col in named if not _tax_collected(col)] or named  # eBay's 'eBay Collected Tax...'
    named = _sales_before_orders(named)
    named = _money_before_counts(named, raw)
    named = _last_price_first(named, candidates, numbers)
    named = _without_changes(named, measures)  # Cass's 'y/y %', read as a 'y', before its 'Shipments'
    named = [col for col in named if col not in raw or not (_written_as_percent(raw[col])  # Apple Podcasts'
                                                             and _name_words(col) & _AVERAGE_WORDS)] or named
    untallied = [col for col in named if not _name_words(col) & _TALLY_WORDS]  # AQS's 'Observation Count' beside its
    if any(not _name_words(col) & {"count", "cnt"} for col in untallied):  # mean (not iNaturalist's observations
        named = untallied  # beside its species count)
    named = [col for col in named if _name_words(col) & _STRONG_TARGET_WORDS or not _name_words(col) & _WEAK_WORD_SET
             ] or [col for col in named if _weak_word_wins(col, named, measures, numbers)]  # (camel case's: strong)
    named = _sale_before_its_parts(named)  # Toast's 'Discount Amount' before its 'Amount'
    named = _sales_before_traffic(named)  # Amazon's 'Ordered Product Sales' before its 'Sessions - Total'
    named = _net_before_gross(named)  # Shopify's 'Net sales' before its 'Gross sales'
    actual = [col for col in measures if not _planned(col) and not _name_words(col) & _FORECAST_WORDS]
    if named and all(_planned(col) for col in named) and (
            said := [col for col in actual if _name_words(col) & _ACTUAL_WORDS]):
        named, measures = [], said  # an expected 'Yield' before the 'Actual' one
    if numbers is not None and any(_name_words(col) & _RUNNING_WORDS for col in named):
        order = _series_order(raw, ds, numbers)
        named = list(dict.fromkeys(_daily_twin(col, measures, numbers, order) for col in named))
    named = _costs_before_usage(named, measures)
    named, measures = _energy_first(named, measures, raw)  # PG&E's 'USAGE (kWh)' before its 'COST'
    sparse = _sparse_beside_amounts(named, numbers)
    named = _unit_prices_last([col for col in named if col not in sparse] + sparse, measures)
    named = _price_times_quantity_first(named, candidates, numbers, ds)
    named, measures = _in_one_unit(named, raw), _in_one_unit(measures, raw)
    named, measures = _in_one_currency(named, raw), _in_one_currency(measures, raw)
    # two target words (price and sales): the one still to come in the file's last time stamps is the target
    awaiting = [col for col in named if numbers is not None and col not in sparse
                and _awaits_future(col, named, numbers, ds)]
    if not named:  # a prediction beside the readings (NOAA's tide gauges: 'Predicted (ft)', 'Preliminary', 'Verified')
        measures = [col for col in measures if col in actual] or measures  # (and 'PVWatts Expected' before
        # 'Actual': test MAE 0), in the order the measures have now (Sense's 'kWh' before its 'Avg Wattage')
    if not named:  # amounts written as money before other measures (a clinic's '$65.00' fees after their minutes)
        measures = sorted(measures, key=lambda col: not _written_as_money(raw[col]))
    if not named:  # a river's discharge, then a water level, before a gauge's other readings and a logger's own
        measures = sorted(measures, key=lambda col: (_RIVER_FLOW.search(str(col).lower()) is None,  # pressure (HOBO's
                                                     _WATER_LEVEL.search(_name_text(col)) is None))  # 'Abs Pres, kPa')
    chosen = awaiting or named or measures
    done = [col for col in measures if not _planned(col)] or measures
    total = (_total_of_others(done, numbers) or _named_total(candidates, numbers)) \
        if numbers is not None and not awaiting else None
    return _without_tax_twin(total if total in chosen else chosen[0], chosen)


# Words saying a figure leaves something out ('excl. btw', 'ohne MwSt', 'Sales (excl. tax)')
_EXCLUDING_WORDS = frozenset({"excl", "exkl", "excluding", "exclusive", "ohne"})
# A total with its tax, and its twin without (Lightspeed NL's 'Totaal incl. btw' beside 'Totaal excl. btw')
_WITH_TAX_WORDS = frozenset({"incl", "inkl", "including", "inclusive", "ttc"})
_WITHOUT_TAX_WORDS = _EXCLUDING_WORDS | {"net", "netto", "ht"}
_TAX_NAMES = frozenset({"btw", "mwst", "ust", "tva", "iva", "vat", "tax", "gst"})


def _without_tax_twin(picked: str, chosen: list[str]) -> str:
    """The twin of ``picked`` without tax where ``picked`` is named as including it: the turnover excluding VAT
    is the series (Lightspeed NL's receipts forecast 'Totaal incl. btw', the sum of 'Btw' and 'Totaal excl. btw';
    'Total TTC' beside 'Total HT', 'Umsatz inkl. MwSt' beside 'Umsatz ohne MwSt'); ``picked`` otherwise."""
    if not _name_words(picked) & _WITH_TAX_WORDS:
        return picked
    core = _name_words(picked) - _WITH_TAX_WORDS - _TAX_NAMES
    return next((col for col in chosen if col != picked and _name_words(col) & _WITHOUT_TAX_WORDS
                 and _name_words(col) - _WITHOUT_TAX_WORDS - _TAX_NAMES == core), picked)


def _planned(col: object) -> bool:
    """Whether a column is named as a plan (``_PLAN_WORDS``), or as a goal ('Goal', 'Monthly Goal' before a campaign's
    'Raised'; not Google Analytics' 'Goal Value' or 'Goal Completions', what happened)."""
    return bool(_name_words(col) & _PLAN_WORDS) or _last_word(col) == "goal"


def _named_target(raw: pd.DataFrame, numeric: list[str], wanted: str) -> str:
    """``wanted``, the target named, where it is a numeric column of ``raw``; else the error that says why not."""
    if wanted not in raw.columns:
        close = [col for col in raw.columns if str(wanted).strip().lower() in str(col).lower()]  # the name without
        if close:  # its unit: 'Net Steam Sales' for 'Net Steam Sales (USD)', left out of the first 12 names
            raise DataError(f"There is no column '{wanted}' for the target: did you mean {quoted_names(close)}?",
                            "err.no_target_column_close", {"column": wanted, "names": quoted_names(close)})
        raise DataError(f"There is no column '{wanted}' for the target: choose one of {quoted_names(raw.columns)}.",
                        "err.no_target_column", {"column": wanted, "names": quoted_names(raw.columns)})
    if wanted not in numeric:
        if not filled(raw[wanted]).any():  # a series of a long file with no values of its own
            if raw.attrs.get("unsaved_formulas"):
                raise _unsaved_formulas_error(wanted)
            raise DataError(f"Target column '{wanted}' has no values: choose a column that holds the series.",
                            "err.target_empty", {"column": wanted})
        raise _not_numbers(raw[wanted], wanted, bool(raw.attrs.get("decimal_comma", False)))
    return wanted


def _without_row_labels(measures: list[str], numbers: dict[str, pd.Series] | None) -> list[str]:
    """``measures`` without the columns that label rows (``_identifies_rows``: a roster's 'Employee #' in any order)
    where another is a measure for sure (named as one, or with fractions: 'FTE'); as they are otherwise (NYC 311's
    'unique_key' beside its 'incident_zip' stays, said to number the rows: the file is a log to count)."""
    if numbers is None:
        return measures
    labels = [col for col in measures if _identifies_rows(col, numbers[col])]
    rest = [col for col in measures if col not in labels]
    sure = any(_sounds_like_target(col) or bool((numbers[col].dropna() % 1 != 0).any()) for col in rest)
    return rest if labels and sure else measures


def _target_without_numbers(raw: pd.DataFrame, candidates: list[str]) -> str | None:
    """A column named 'Value' (or 'Values') that holds no number where every numeric column is a code ('State ANSI',
    'Ag District Code'): a NASS county's production withheld ('(D)') in every year, whose district code was forecast;
    None otherwise."""
    if not candidates or not all(_identifier_named(col) or _last_word(col) == "code" for col in candidates):
        return None
    return next((col for col in raw.columns if col not in candidates and _name_text(col) in ("value", "values")), None)


# Animals counted on a farm's record: the base its eggs or milk are counted over, no target beside them
_HEAD_COUNT_WORDS = frozenset({"hens", "cows", "heifers", "sows", "pigs", "birds", "layers", "head", "animals", "herd",
                               "flock", "chickens", "ewes", "goats", "cattle"})
_PRODUCE_WORDS = frozenset({"eggs", "egg", "milk", "wool", "laid"})  # what the animals give


def _head_count(col: str) -> bool:
    """Whether a column counts animals (``_HEAD_COUNT_WORDS``): 'Hens on Hand', 'Cows Milked'."""
    return bool(_name_words(col) & _HEAD_COUNT_WORDS)


_CHANGE_NAME = re.compile(r"(?<![a-z])([ymqw])/\1(?![a-z])|\b(?:yoy|mom|qoq|wow|chg|change|growth)\b")


def _names_a_change(col: object) -> bool:
    """Whether a column's name says it holds a change of another measure ('y/y %', 'YoY', 'Annual Change (%)', '%
    Chg'): after the levels it changes (Cass's 'Shipments' was passed over for its 'y/y %', read as the target 'y')."""
    return _CHANGE_NAME.search(str(col).lower()) is not None


def _change_of_a_level(col: str, measures: list[str]) -> bool:
    """Whether ``col`` is the change of a level among the ``measures`` ('y/y %', 'YoY' or 'Annual Change (%)' named
    by nothing else, or 'Shipments YoY' beside 'Shipments'), which goes after it; not a change of something the file
    does not hold ('Growth (cm)' of a plant, 'Weight Change (kg)', 'Net Sales Growth' beside a 'Net Margin')."""
    levels = [other for other in measures if not _names_a_change(other)]
    if not levels or col in levels:
        return False
    of = {word for word in _name_words(col) if not word.isdigit()} - _CHANGE_WORDS  # ('y/y %.1', a second one)
    return not of and not _unit_of(col) or any(of & _name_words(level) - _GENERIC_WORDS for level in levels)


def _unit_of(col: str) -> bool:
    """Whether a name gives a unit in brackets ('Growth (cm)', 'Weight Change (kg)'; not '(%)'): a measured change."""
    return re.search(r"\((?!\s*%\s*\))[^)]+\)", str(col)) is not None


def _without_changes(named: list[str], measures: list[str]) -> list[str]:
    """``named`` without its ratios ('Load-to-Truck Ratio', named by its 'load') and the changes of a level among the
    ``measures`` (``_change_of_a_level``); none of them where a measure is neither (the level, 'Shipments', then comes
    first, unnamed); ``named`` itself where all are such and so is every measure."""
    def secondary(col: str) -> bool:
        return "ratio" in _name_words(col) or _change_of_a_level(col, measures)
    kept = [col for col in named if not secondary(col)]
    return kept or ([] if any(not secondary(col) for col in measures) else named)


# Words a level and a change of another share by chance ('Net Sales Growth' beside 'Net Margin')
_GENERIC_WORDS = frozenset({"net", "gross", "total", "avg", "average", "mean", "new", "daily", "weekly", "monthly",
                            "yearly", "annual", "us", "usd", "all", "sum", "adj", "adjusted", "sa", "nsa", "real",
                            "nominal", "index", "value", "amount", "of", "the", "and"})
_AVERAGE_WORDS = frozenset({"average", "avg", "mean", "median"})  # a share's average in %, after the counts


# Words of a change's name beside the level it changes ('Annual Change (%)', 'Y/Y % Chg', 'Sales growth yoy')
_CHANGE_WORDS = frozenset({"y", "m", "q", "w", "yoy", "mom", "qoq", "wow", "chg", "change", "growth", "pct", "percent",
                           "annual", "annualized", "yearly", "monthly", "quarterly", "weekly", "year", "yr", "over",
                           "on", "from", "prior", "previous", "vs", "the", "of", "rate", "percentage"})


_BAR_WORDS = frozenset({"open", "high", "low"})
_LAST_PRICE = re.compile(r"^(?:last|last price|last trade|settle|settlement|settlement price|sett)$")


def _last_price_first(named: list[str], columns: list[str], numbers: dict[str, pd.Series] | None) -> list[str]:
    """``named`` with a bar's last price first where the numeric ``columns`` hold its open, high and low: Barchart's
    'Last', CME's 'Settle' ('Volume' was forecast); of the two, the one filled on more rows."""
    if not _BAR_WORDS <= {word for col in columns for word in _name_words(col)}:
        return named
    prices = [col for col in columns if _LAST_PRICE.fullmatch(_name_text(col))]
    if not prices:
        return named
    last = max(prices, key=lambda col: (0 if numbers is None else int(numbers[col].notna().sum()),  # CME's
                                        "settle" in _name_text(col)))
    return [last, *(col for col in named if col != last)]  # ('Settle' on every day, its 'Last' on traded days only)


def _written_as_percent(cells: pd.Series) -> bool:
    """Whether nearly every written cell ends with '%' (Apple Podcasts' 'Average Consumption' '38%'): a share, which
    goes after the other named measures (its plays were passed over)."""
    return _percent_share(cells, blanks=False) >= 0.9


def _percent_share(cells: pd.Series, blanks: bool = True) -> float:
    """The share of a text column's written cells that end with '%' (0 for a numeric column); ``blanks``: empty
    strings count among the cells written."""
    if pd.api.types.is_numeric_dtype(cells.dtype):
        return 0.0
    written = cells.dropna().astype("string").str.strip()
    written = written if blanks else written[written != ""]
    return float(written.str.endswith("%").mean()) if len(written) else 0.0


# Quantities beside a column of their units, several of them (a site office's purchase orders: bricks, tonnes and m³
# under 'Qty' were summed per month, beside the 'Net Amount (EUR)' that prices them all)
_QUANTITY_WORDS = frozenset({"qty", "quantity", "quantities", "menge", "anzahl", "quantité", "cantidad", "quantidade"})
_UNIT_NAMES = frozenset({"unit", "units", "uom", "unit of measure", "einheit", "me", "unité", "unidad", "unidade",
                         "unit_of_measurement", "unit of measurement"})  # (Home Assistant's)


def _sparse_beside_amounts(named: list[str], numbers: dict[str, pd.Series] | None) -> list[str]:
    """The quantities and prices of ``named`` blank or 0 on most rows where another is an amount filled on nearly every
    row, which go after it: a brokerage statement's 'Quantity' and 'Price' (of its buys and sells) beside the 'Amount'
    of every row (dividends, interest, fees: 136 of 182 rows were left out, and the shares bought forecast; Fidelity
    writes 0.0 on its cash rows)."""
    if numbers is None:
        return []
    share = {col: float((numbers[col].notna() & (numbers[col] != 0)).mean()) for col in named}
    sparse = [col for col in named if share[col] <= 0.5  # (and its 'Price')
              and (_name_words(col) & _QUANTITY_WORDS or _PRICE_PER_UNIT.search(str(col).lower()))]
    full = [col for col in named if col not in sparse and share[col] >= 0.9  # money taken or paid, not a price
            and _name_words(col) & (_TAKINGS | _MONEY_TOTALS) and not _PRICE_PER_UNIT.search(str(col).lower())]
    return sparse if full else []


# a river's discharge in a unit of flow (USGS's 'Discharge (cfs)'; not a water plant's 'Discharge (ML/d)')
_RIVER_FLOW = re.compile(r"\b(?:discharge|streamflow|flow)\b.*(?:\bcfs\b|ft3/s|ft³/s|m3/s|m³/s|\bcumecs\b|\bl/s\b)")
_WATER_LEVEL = re.compile(r"\b(?:water level|sensor depth|depth to water|gage height|gauge height|stage|depth)\b|"
                          r"\b(?:level|lvl) (?:m|ft|cm|mm)\b")  # a level logger's 'Depth (ft)', Campbell's 'Lvl_m_Avg'


_MONEY_CELL = re.compile(r"^[-(]?\s*(?:[$€£¥₹]|[A-Z]{0,3}\$)")


def _written_as_money(cells: pd.Series) -> bool:
    """Whether nearly every written cell starts with a currency sign (``$65.00``, ``-£12.50``, ``NZ$4``)."""
    if pd.api.types.is_numeric_dtype(cells):
        return False
    text = cells.dropna().astype("string").str.strip().iloc[:200]
    return bool(len(text)) and bool(text.str.contains(_MONEY_CELL).mean() >= PARSE_SHARE)


_MEASURE_UNITS = frozenset({"stk", "st", "stück", "t", "to", "kg", "g", "m", "m2", "m²", "m3", "m³", "l", "ltr", "lt",
                            "pcs", "pc", "ea", "each", "box", "bag", "roll", "pack", "pk", "set", "pair", "lm", "lfm",
                            "h", "hr", "hrs", "std", "km", "ft", "yd", "lb", "lbs", "gal", "sqm", "cbm", "pal",
                            "unit"})


def _units_of_measure(cells: pd.Series) -> bool:
    """Whether a column names several units of measure (``_MEASURE_UNITS``: Stk, t, m³), most of its values among
    them; a hospital's 'Unit' of wards (ICU, Ward 3) names none."""
    values = cells.dropna().astype("string").str.strip().str.lower().str.rstrip(".").unique()
    return len(values) > 1 and float(np.mean([value in _MEASURE_UNITS for value in values])) >= 0.5


def _in_one_unit(columns: list[str], raw: pd.DataFrame) -> list[str]:
    """``columns`` without the quantities (``_QUANTITY_WORDS``) where a column of units (``_UNIT_NAMES``) names
    several; ``columns`` where that would leave none."""
    if not any(_name_text(col) in _UNIT_NAMES and _units_of_measure(raw[col]) for col in raw.columns):
        return columns
    return [col for col in columns if not set(_word_list(col)) & _QUANTITY_WORDS] or columns


def _in_one_currency(columns: list[str], raw: pd.DataFrame) -> list[str]:
    """``columns`` with the amounts converted into one currency (``_CONVERTED_WORDS``) first where a currency column
    names several (Stripe's 'Amount' in usd, eur, gbp and jpy beside its 'Converted Amount' in usd: the amounts were
    added as they are, 339,116 for 13,700 dollars); ``columns`` otherwise."""
    converted = [col for col in columns if _converted_named(col, raw)]
    if not converted or len(converted) == len(columns) or _currencies_mixed(raw) is None:
        return columns
    return converted + [col for col in columns if col not in converted]


_CONVERTED_WORDS = frozenset({"converted", "settlement", "settled",  # amounts in one currency beside the charged
                              "merchant"})  # (Google Play's 'Amount (Merchant Currency)' beside its buyers')


def _converted_named(col: str, raw: pd.DataFrame) -> bool:
    """Whether a column is named as amounts converted into one currency (``_CONVERTED_WORDS``), or as 'Posted' ones
    beside a currency column of one code (Etsy's Direct Checkout payments: 'Posted Gross' and 'Posted Net' in its
    'Listing Currency', USD, beside 'Gross Amount' in the buyer's 'Currency', CAD, EUR, GBP or USD)."""
    if _name_words(col) & _CONVERTED_WORDS:
        return True
    return "posted" in _name_words(col) and any(
        _name_words(other) & _CURRENCY_WORDS and raw[other].dropna().astype("string").str.strip().nunique() == 1
        for other in raw.columns)
_COST = re.compile(r"cost|spend|(?<!dis)charge|billed")  # in a name, camel case too ('lineItem/UnblendedCost')
_USAGE = re.compile(r"usage|quantity|qty|(?:^|[\W_])used(?:[\W_]|$)")
_PER_UNIT = re.compile(r"\bunit|(?<![a-z])rate|\bprice|\bper\b|\bavg|\baverage")


def _costs_before_usage(named: list[str], measures: list[str]) -> list[str]:
    """``named`` (else ``measures``) with the measures named as a cost first where the first is named as the usage it
    prices: a cloud bill's 'Usage amount' (hours, bytes and requests alike) was forecast beside its 'Cost ($)', Azure's
    'Quantity' beside 'CostInBillingCurrency', Snowflake's CREDITS_USED_COMPUTE beside CREDITS_BILLED. A cost per unit
    ('Unit Cost' beside an order's 'Quantity') is a price, not the bill."""
    pool = named or measures  # AWS's 'lineItem/UsageAmount' names no target word
    if not pool or not _USAGE.search(str(pool[0]).lower()) \
            or named and not all(_USAGE.search(str(col).lower()) for col in named):  # an order's Quantity and Amount
        return named
    costs = [col for col in measures if _COST.search(str(col).lower())
             and not _USAGE.search(str(col).lower()) and not _PER_UNIT.search(str(col).lower())]
    return list(dict.fromkeys([*costs, *pool])) if costs else named


_ENERGY_UNITS = frozenset({"kwh", "mwh", "gwh", "wh"})
# A power, a demand or a time beside the energy used (a utility bill's 'On-Peak kW Demand', Sense's 'Avg Wattage')
_POWER_WORDS = frozenset({"kw", "mw", "w", "watt", "watts", "wattage", "demand", "duration", "time"})


def _energy_first(named: list[str], measures: list[str], raw: pd.DataFrame) -> tuple[list[str], list[str]]:
    """``named`` and ``measures`` with the energy used (in ``_ENERGY_UNITS``) first where the first (of ``named``,
    else of ``measures``) is a cost, a power or demand, or a time beside it: PG&E's Green Button data forecast its
    'COST' beside 'USAGE (kWh)', a utility bill history its 'On-Peak kW Demand' beside 'kWh Usage', ChargePoint's
    sessions their 'Total Duration' beside 'Energy (kWh)', Sense's devices their 'Avg Wattage' beside 'kWh'. A file
    with no energy column (a cloud bill's cost, a kW demand alone) keeps its order; a price per kWh is no energy."""
    energy = [col for col in measures if _name_words(col) & _ENERGY_UNITS and not _COST.search(str(col).lower())
              and not _PER_UNIT.search(str(col).lower()) and not _MONEY_NAME.search(str(col)) and "/" not in str(col)]
    pool = named or measures
    if not energy or not pool or pool[0] in energy:
        return named, measures
    first = pool[0]
    if not (_COST.search(str(first).lower()) or _name_words(first) & _POWER_WORDS
            or first in raw.attrs.get(DURATIONS, ())):
        return named, measures
    if named:
        return [*energy, *(col for col in named if col not in energy)], measures
    return named, [*energy, *(col for col in measures if col not in energy)]


def _takings(col: str) -> bool:
    """Whether a column is named as money taken in (``_TAKINGS``, or a total of no quantity: not CoinGecko's
    'total_volume', a stock's 'Total Turnover')."""
    words = _name_words(col)
    return bool(words & _TAKINGS) or "total" in words and not words & _NOT_TAKINGS


_OPENING_WORDS = frozenset({"beginning", "opening", "starting", "start"})
_CLOSING_WORDS = frozenset({"ending", "closing", "end"})


def _closing_before_opening(measures: list[str]) -> list[str]:
    """``measures`` with a figure at the start of a period after its twin at the end (a headcount reconciliation's
    'Beginning Headcount' after its 'Ending Headcount': the count as of each date, where the beginning is a period
    stale)."""
    ordered = list(measures)
    for col in measures:
        rest = _name_words(col) - _OPENING_WORDS
        twin = next((other for other in measures if _name_words(other) & _CLOSING_WORDS
                     and _name_words(other) - _CLOSING_WORDS == rest), None)
        if _name_words(col) & _OPENING_WORDS and twin is not None and ordered.index(twin) > ordered.index(col):
            first, second = ordered.index(col), ordered.index(twin)  # the twin takes the stale one's place
            ordered[first], ordered[second] = twin, col
    return ordered


def _unit_prices_last(named: list[str], measures: list[str]) -> list[str]:
    """``named`` with prices per unit (``_PRICE_PER_UNIT``: 'Unit Price', 'Avg Price') after the amounts they price where one
    is named as money taken in (``_TAKINGS``): a vending export's 'Unit Price' was summed per day as its sales, beside
    its 'Amount'."""
    prices = [col for col in named if _PRICE_PER_UNIT.search(str(col).lower())]
    money = [col for col in measures if col not in prices and _MONEY_NAME.search(str(col))
             and _name_words(col) & (_TAKINGS | _MONEY_TOTALS)
             and not _name_words(col) & (_NOT_TAKINGS | _MARKET_PRICES)]
    if prices and money and all(_UNIT_PRICE.search(str(col).lower()) for col in prices):  # a feed invoice's 'Net (£)'
        return money + [col for col in named if col not in prices + money] + prices  # before its 'Unit Price (£)'
    if not prices or not any(_takings(col) for col in named if col not in prices):
        return named
    return [col for col in named if col not in prices] + prices


# Counts of the readings behind a value (EPA AQS's 'Observation Count' of hours beside its 'Arithmetic Mean' and 'AQI
# Value': the count was forecast), no target beside another column so named
_TALLY_WORDS = frozenset({"observation", "observations", "obs", "readings", "samples", "aggregated", "measurements"})
# and a 'Total' of them (``_takings``)
_TAKINGS = frozenset({"amount", "sales", "revenue", "takings"})
# A currency in a column's name ('Net (£)', 'Milk Value (£)', 'Amount (USD)'): money, before a price per unit
_MONEY_NAME = re.compile(r"[£$€¥₹]|\b(?:usd|gbp|eur|chf|jpy|cad|aud|btc|eth|usdt|usdc)\b", re.IGNORECASE)
# a price per unit itself (a milk cheque's pence per litre), not a market's 'Price (USD)'
_UNIT_PRICE = re.compile(r"\bunit[\s_]*(?:price|cost)|\bper\b|\bavg\b|\baverage\b|\bppl\b|\bp/l\b")
_MONEY_TOTALS = frozenset({"net", "gross", "total", "value", "payment"})  # money taken ('Net (£)'; not 'Shipping ($)')
_MARKET_PRICES = frozenset({"open", "high", "low", "close", "cap", "price", "rate", "cost"})
_NOT_TAKINGS = frozenset({"volume", "quantity", "qty", "units", "count", "turnover", "weight", "cap"})  # CoinGecko's
_PRICE_PER_UNIT = re.compile(r"\bunit[\s_]*(?:price|cost)|\bprice|\bavg|\baverage|\bper\b")  # not 'Units'


def _named_total(candidates: list[str], numbers: dict[str, pd.Series]) -> str | None:
    """A column named a total that sums every other candidate on nearly every row where it is filled, blanks as 0:
    Cost Explorer's 'Total costs($)' beside services, a daily fee among them that is the same every day and a tax
    charged on the 1st (``_total_of_others`` leaves out the fee as a code, and the rows where the tax is blank). Of
    several so named, the one that sums the columns not so named (the Port of LA's 'Total TEUs' over its 'Total
    Imports' and 'Total Exports')."""
    totals = [col for col in candidates if "total" in _name_words(col)]
    parts = [col for col in candidates if col not in totals]
    if not totals or len(candidates) < 3 or len(parts) < 2:
        return None
    whole = next((col for col in totals if _sums(numbers[col], parts, numbers)), None)
    if whole is not None:
        return whole
    for col in totals:  # else one that sums the parts of its kind (ACX's 'Total Units' over its 'AL Units' and 'ALC
        kind = _name_words(col) - {"total"}  # Units', beside their royalties and 'Total Royalty')
        alike = [part for part in parts if kind and kind <= _name_words(part)]
        if len(alike) >= 2 and _sums(numbers[col], alike, numbers):
            return col
    return None


def _sums(total: pd.Series, parts: list[str], numbers: dict[str, pd.Series]) -> bool:
    """Whether ``total`` is the sum of ``parts`` (blanks as 0) on nearly every row where it is filled."""
    table = pd.DataFrame({part: numbers[part] for part in parts}).fillna(0.0)[total.notna()]
    if len(table) < MIN_ROWS:
        return False
    close = (table.sum(axis=1) - total.dropna()).abs() <= _TOTAL_TOLERANCE * total.dropna().abs().clip(lower=1e-9)
    return bool(close.mean() >= _TOTAL_SHARE)


# How many a survey asked, beside what they answered (a poll list's 'samplesize' was forecast, not 'approve')
_SAMPLE_SIZES = frozenset({"samplesize", "sample size", "sample", "n", "sample n", "unweighted base",
                           "weighted base", "unweighted n"})  # (not 'Base': a power market's baseload price)
def _no_measure(col: str, values: pd.Series, ds: pd.Series | None) -> bool:
    """Whether a numeric column numbers rows or things, or writes days, calendar parts, clock times, groups, places, an
    age, elapsed or counted time, or time stamps: no series to forecast (``_pick_target``)."""
    return (_identifies_rows(col, values) or _writes_days(col, values) or _calendar_part(col, values)
            or _numbers_things(col, values) or _clock_times(col, values) or _numbers_groups(col, values)
            or _codes_a_place(col, values) or _age_counter(col, values, ds) or _elapsed_time(col, values)
            or _counts_time(col, values) or (_names_a_stamp(col) and parse_epochs(values.round()) is not None)
            or _epoch_twin(values, ds) or _part_of_the_stamps(values, ds)
            or _name_text(col) == "vintage" and _plain_years(values)  # (a tasting's wines by their year)
            or _term_code(col, values) or _phone_numbers(col, values) or _numbers_some_rows(col, values))


_SOME_ROWS_BLANK = 0.25  # of the rows at least without a number of their own (``_numbers_some_rows``)


def _numbers_some_rows(col: str, values: pd.Series) -> bool:
    """Whether a column numbers the rows of one kind (``_ROW_NUMBER_WORDS`` last: Buildium's register's check
    'Number', 4005, 4010, 4006, ..., blank on each deposit): whole numbers, each a different one, given in turn or a
    block of about as many numbers as rows from a thousand on (checks cleared out of order), and blank on a quarter of
    the rows or more; its sum per month, 40,095, was forecast."""
    numbers = values.dropna().to_numpy(dtype=float)
    if not (_last_word(col) in _ROW_NUMBER_WORDS and len(numbers) >= MIN_ROWS
            and values.isna().mean() >= _SOME_ROWS_BLANK and np.isfinite(numbers).all()
            and (numbers == np.round(numbers)).all() and len(np.unique(numbers)) == len(numbers)):
        return False
    return _given_in_turn(numbers) or numbers.min() >= _LEAST_CHECK and np.ptp(numbers) <= _CHECK_BLOCK * len(numbers)


_LEAST_CHECK = 1000  # the least of a block of check numbers (``_numbers_some_rows``)
_CHECK_BLOCK = 2  # ... numbers a row at most, in any order


# Words naming a telephone number: a contact centre's ANI and DNIS, a CDR's ORIG_NUMBER, Asterisk's src and dst,
# Twilio's 'from' and 'to'; (the word last, or before 'number': not a 'Mobile Sessions' count)
_PHONE_WORDS = frozenset({"ani", "dnis", "phone", "msisdn", "telephone", "tel", "callerid", "clid", "cli",
                          "src", "dst", "caller", "callee", "dialed", "dialled", "called", "calling", "from", "to"})
# (a 'Mobile' alone is Google Analytics' sessions of a device: only before 'number')
_CALL_END_WORDS = frozenset({"orig", "term", "originating", "terminating", "origination", "termination", "source",
                             "destination", "a", "b", "mobile", "cell"})  # before 'number': a CDR's A and B numbers
_NUMBER_WORDS = frozenset({"number", "no", "nr", "num"})  # a name's last word: a telephone's, an address's number
_LEAST_PHONE = 1_000_000  # a telephone number has seven digits at least
# A name's last word of a device, that is a telephone's number where every one has nine digits at least (an SMS
# log's 'Mobile' 447700900850; not Google Analytics' 'Mobile' sessions of a day)
_DEVICE_PHONE_WORDS = frozenset({"mobile", "cell"})
_LEAST_MOBILE = 100_000_000


def _phone_numbers(col: str, values: pd.Series) -> bool:
    """Whether a column holds telephone numbers (``_PHONE_WORDS``): whole numbers of seven digits or more under such a
    name; a call log's caller was forecast (Five9's 'ANI', 2125555988.8, at a MAPE of 0.0001%)."""
    words = _word_list(col)
    device = bool(words) and words[-1] in _DEVICE_PHONE_WORDS  # ('Mobile' sessions, or an SMS log's numbers)
    named = bool(words) and (words[-1] in _PHONE_WORDS or device or len(words) >= 2
                             and words[-1] in _NUMBER_WORDS | {"id"} and words[-2] in _PHONE_WORDS | _CALL_END_WORDS)
    known = values.dropna()
    least = _LEAST_MOBILE if device else _LEAST_PHONE
    return named and not _sounds_like_target(col) and len(known) > 0 and bool((known % 1 == 0).all()) \
        and bool((known.abs() >= least).mean() >= PARSE_SHARE)


_TERM_NAMES = frozenset({"term", "strm", "termcode", "semester", "trimester"})  # a name's last word, or 'term' before
_TERM_CODE_WORDS = frozenset({"code", "cd", "id", "key", "nbr", "no"})  # ... one of these ('Admit Term', 'Term Cd';
# not 'Term Deposits', 'Term Life Policies Sold' nor a 'Long Term' loan)
_SPAN_WORDS = frozenset({"long", "short", "mid", "medium", "fixed", "full", "near"})


def _term_code(col: str, values: pd.Series) -> bool:
    """Whether a column numbers academic terms (PeopleSoft's 'Term' 2238, Banner's 'TERM_CODE' 202310): named so and
    whole numbers of four digits or more; the code was forecast beside the 'Headcount'."""
    known, words = values.dropna(), _word_list(col)
    named = bool(words) and len(words) <= 2 and not _sounds_like_target(col) and (  # (not 'Enrolled This Term')
        words[-1] in _TERM_NAMES or len(words) == 2 and words[0] == "term" and words[1] in _TERM_CODE_WORDS) \
        and not set(words) & _SPAN_WORDS
    return named and len(known) > 0 and bool((known % 1 == 0).all()) and bool((known.abs() >= 1000).all())


def _part_of_the_stamps(values: pd.Series, ds: pd.Series | None) -> bool:
    """Whether a column writes the time stamps' year, quarter, month, week (ISO's, or the CDC's from Sunday) or year and
    month (202301) or week (201902) again, under any name (Comtrade's 'RefYear' and 'RefMonth' beside its
    'RefPeriodId': the month number was forecast, its error 0; FluNet's 'ISO_WEEK' and 'ISOYW')."""
    if ds is None or not pd.api.types.is_datetime64_any_dtype(ds) or len(ds) != len(values) or values.nunique() < 2:
        return False
    written = values.to_numpy(dtype=float)
    weeks = [(iso["year"] * 100 + iso["week"], iso["week"]) for iso in (
        ds.dt.isocalendar(), (ds + pd.Timedelta(days=1)).dt.isocalendar())]  # an ISO week's, or a CDC week's Sunday
    # repeating (1 to 12 once: a measure)
    cycles = (ds.dt.quarter, ds.dt.month, *(week for _, week in weeks)) if values.duplicated().any() else ()
    return any(bool(np.mean(written == part.to_numpy(dtype=float)) >= PARSE_SHARE)
               for part in (ds.dt.year, *cycles, ds.dt.year * 100 + ds.dt.month, *(code for code, _ in weeks)))


def _epoch_twin(values: pd.Series, ds: pd.Series | None) -> bool:
    """Whether a column holds the time stamps again as Unix epochs (Zabbix's plain text: a date, its epoch, the value;
    headerless, the epoch was forecast)."""
    if ds is None or not pd.api.types.is_datetime64_any_dtype(ds) or ds.dt.tz is not None or len(ds) != len(values):
        return False
    epochs = parse_epochs(values)
    if epochs is None or epochs.dt.tz is not None:
        return False
    apart = (epochs.to_numpy() - ds.to_numpy()).astype("timedelta64[s]").astype(float)
    return bool(np.nanmedian(np.abs(apart)) <= 86_400)  # a day: local time beside UTC


def _answers(candidates: list[str], numbers: dict[str, pd.Series] | None, ds: pd.Series | None) -> list[str]:
    """Where every numeric column reads as a code, the ones named as a survey's questions (``_QUESTION``) that vary
    within -10 to 10 as its scales do, else those that vary, and number no rows, things or calendar parts: a survey's
    0-10 answers (a code's few whole values) before its 'Respondent ID' or a constant 'Collector ID', which were
    forecast; a call centre's 'Calls' before its 'Staff'."""
    if numbers is None:
        return []
    varying = [col for col in candidates if numbers[col].nunique() > 1 and not _no_measure(col, numbers[col], ds)]
    return [col for col in varying if numbers[col].dropna().between(-10, 10).all()
            and _QUESTION.search(str(col).strip().lower())] or varying  # a survey's 'Food', 'Service' in turn


# A survey's question or its code: 'How likely are you to recommend us?', 'Overall satisfaction', Qualtrics' 'Q1'
_QUESTION = re.compile(r"\?|^q\d+|^v\d+$|\b(?:how|rate|rating|rated|satisf\w*|likely|likelihood|score|nps|agree|"
                       r"recommend|csat|ces)\b")


def _sample_size(col: str, numbers: dict[str, pd.Series] | None) -> bool:
    """Whether a column is a survey's sample size (``_SAMPLE_SIZES``; 'Base' of whole numbers only: a power market's
    'Base' price is its baseload)."""
    name = _name_text(col)
    if name == "base":
        return numbers is not None and bool((numbers[col].dropna() % 1 == 0).all())
    return name in _SAMPLE_SIZES


# Those seen or tested, of whom a surveillance file counts the ill or the positive: no target beside those
_TESTED_WORDS = frozenset({"patients", "specimens", "specimen", "spec", "tests", "providers", "samples", "sessions"})
_TESTED_COUNT_WORDS = frozenset({"total", "num", "number", "no", "received", "processed", "performed", "tested", "nb",
                                 "run", "possible"})  # (a school's 'Possible Sessions' beside those 'Present')
_FOUND_WORDS = frozenset({"positive", "positives", "positivity", "ili", "ilitotal", "cases", "inf", "detected",
                          "detections", "detection", "confirmed", "present", "attended", "attendance", "flu",
                          "influenza", "rsv", "covid"})  # (not an emergency department's 'Admission Rate', a clinic's
# 'Occupancy %' or a grain lab's 'Moisture %')


# A tax collected on sales, a part of their total: no target beside another amount (Etsy's 'Order Sales Tax' and eBay's
# 'eBay Collected Tax and Fees Included in Total' were forecast before the items' totals)
_TAX_WORDS = frozenset({"tax", "taxes", "vat", "gst", "hst", "mwst", "ust", "iva", "tva"})
# sales before or after tax, named by it: 'Net Sales ex VAT', 'Gross Sales inc VAT', 'Sales (excl. tax)'
_TAX_QUALIFIED = re.compile(r"\b(?:ex|exc|excl|excluding|exclusive|inc|incl|including|inclusive|before|after|pre|post|"
                            r"w/o|without|plus|net of)\.?\s+(?:of\s+)?(?:tax|taxes|vat|gst|hst|mwst|ust|iva|tva)\b")


def _tax_collected(col: object) -> bool:
    """Whether a column is a tax collected on sales (``_TAX_WORDS``), not sales named before or after it
    (``_TAX_QUALIFIED``)."""
    return bool(_name_words(col) & _TAX_WORDS) and _TAX_QUALIFIED.search(_name_text(col)) is None


_ORDER_COUNT_WORDS = frozenset({"orders", "transactions"})
_SALES_WORDS = frozenset({"sales", "revenue", "takings"})


_COUNT_WORDS = frozenset({"count", "cnt", "number", "num", "#"})


def _money_before_counts(named: list[str], raw: pd.DataFrame) -> list[str]:
    """``named`` with a count ('Gift Count') after the money of a total written as money beside it ('Total Giving'
    of '$40,000.00': the count of gifts was forecast)."""
    counts = [col for col in named if _name_words(col) & _COUNT_WORDS and not _takings(col)]
    money = [col for col in named if col not in counts and _takings(col) and col in raw
             and _written_as_money(raw[col]) and not _PRICE_PER_UNIT.search(str(col).lower())]  # ('Avg Ticket')
    return [*money, *[col for col in named if col not in money]] if counts and money else named


_PRICED = 0.02  # an amount within this share of its price times its quantity on ...
_PRICED_ROWS = 0.9  # ... this share of the rows at least is that price's amount


def _price_times_quantity_first(named: list[str], candidates: list[str], numbers: dict[str, pd.Series] | None,
                                ds: pd.Series | None) -> list[str]:
    """``named`` with the amount first where the first is a price or a quantity of a log of trades (its stamps
    ``_uneven``) whose product with the other is a third column (Kraken's trades: 'cost' is 'price' times 'vol', and
    the fill prices were summed per day; Coinbase's 'Total' is 'Price at Transaction' times 'Quantity Transacted', BTC
    and ETH added): the money that changed hands. Not a market's hourly price beside its turnover, nor sales beside
    a rate's tax or commission."""
    if numbers is None or not named or len(candidates) > _MOST_PRICED_COLUMNS or ds is None or not _uneven(ds):
        return named
    head = {col: numbers[col].iloc[:2000].abs() for col in candidates}
    prices = [col for col in candidates if _name_words(col) & {"price", "px"}]
    quantities = [col for col in candidates if _name_words(col) & _TRADED_QUANTITY]
    for price in prices:
        for quantity in (col for col in quantities if col != price):
            product = head[price] * head[quantity]
            for amount in (col for col in candidates if col not in (price, quantity)
                           and not _name_words(col) & _CHARGED_WORDS):
                known = product.notna() & head[amount].notna() & (head[amount] > 0)
                if known.sum() < MIN_ROWS or named[0] not in (price, quantity):
                    continue
                near = ((product[known] - head[amount][known]).abs() <= _PRICED * head[amount][known]).mean()
                if near >= _PRICED_ROWS:
                    return [amount, *[col for col in named if col != amount]]
    return named


_MOST_PRICED_COLUMNS = 24  # numeric columns at most to look for a price's amount among (pairs of them)
_TRADED_QUANTITY = frozenset({"qty", "quantity", "vol", "volume", "executed", "shares", "size", "units", "filled"})
_CHARGED_WORDS = frozenset({"fee", "fees", "txnfee", "tax", "commission", "vat", "charge", "charges", "gas"})
_EVEN_STEPS = 0.5  # of the steps between sorted stamps, at least, the commonest one, for a table (not a log)


def _uneven(ds: pd.Series) -> bool:
    """Whether time stamps are a log's (repeated, or no step between them common), not a table's."""
    stamps = ds.dropna()
    if not pd.api.types.is_datetime64_any_dtype(stamps) or len(stamps) < 3:
        return False
    steps = stamps.sort_values().diff().dropna()
    return bool((steps == pd.Timedelta(0)).any() or steps.value_counts(normalize=True).iloc[0] < _EVEN_STEPS)


# Parts of a sale, not the sale: a discount, a refund, a comp, a void, a tip, a tax, a fee (Toast's OrderDetails
# 'Discount Amount' beside its 'Amount', Clover's Orders 'Refunds Total' beside its 'Order Total')
_SALE_PART_WORDS = frozenset({"discount", "discounts", "refund", "refunds", "refunded", "comp", "comps", "void",
                              "voids", "voided", "tip", "tips", "gratuity", "tax", "taxes", "fee", "fees",
                              "commission", "surcharge"})
_WITHOUT_WORDS = _EXCLUDING_WORDS | {"without", "ex", "pre", "before"}
_PLAIN_SALE_WORDS = _TAKINGS | {"total", "net", "gross"}  # a plain amount, total or sales column


def _sale_before_its_parts(named: list[str]) -> list[str]:
    """``named`` with the plain amounts of a sale (``_PLAIN_SALE_WORDS``) first where the first named is a part of it
    (``_SALE_PART_WORDS``): Toast's OrderDetails forecast its 'Discount Amount', not its 'Amount' (the net sales);
    Clover's Orders its 'Refunds Total', not its 'Order Total'. A file whose first is no part keeps its order."""
    def part(col: str) -> bool:  # (not Uber Eats' 'Sales (excl. tax)', the sale itself)
        return bool(_name_words(col) & _SALE_PART_WORDS) and not _name_words(col) & _WITHOUT_WORDS
    if not named or not part(named[0]):
        return named
    whole = [col for col in named if not part(col) and _name_words(col) & _PLAIN_SALE_WORDS]
    return whole + [col for col in named if col not in whole] if whole else named


# A shop's visits, named with a strong word ('Sessions - Total', 'Page Views - Total'), and what it sells
_TRAFFIC_WORDS = frozenset({"session", "sessions", "views", "pageviews", "visits", "clicks", "impressions"})
_SOLD_WORDS = frozenset({"sales", "revenue"})


def _sales_before_traffic(named: list[str]) -> list[str]:
    """``named`` with the sales (``_SOLD_WORDS``) first where the first named counts visits (``_TRAFFIC_WORDS``):
    Amazon's Business Report by child item forecast its 'Sessions - Total' ('total' is a strong target word) beside
    its 'Ordered Product Sales'."""
    if not named or not _name_words(named[0]) & _TRAFFIC_WORDS:
        return named
    sales = [col for col in named if _name_words(col) & _SOLD_WORDS and not _name_words(col) & _TRAFFIC_WORDS]
    return sales + [col for col in named if col not in sales] if sales else named


def _net_before_gross(named: list[str]) -> list[str]:
    """``named`` with a 'Net X' first where the first named is 'Gross X' or a plain 'X' of the same words: Shopify's
    'Sales over time' forecast its 'Gross sales' beside 'Net sales', KDP's royalties report its 'Units Sold' beside
    'Net Units Sold' (refunds taken off)."""
    if not named:
        return named
    kind = _name_words(named[0]) - {"gross"}
    net = next((col for col in named[1:] if "net" in _name_words(col) and _name_words(col) - {"net"} == kind
                and "net" not in kind), None)
    return [net, *(col for col in named if col != net)] if kind and net is not None else named


def _sales_before_orders(named: list[str]) -> list[str]:
    """``named`` with the counts of orders ('Orders', 'Transactions') after the sales (an amount: 'Total sales',
    'Net sales') a sales report is named for: Shopify's 'Sales over time' forecast its orders."""
    orders = [col for col in named if _name_words(col) & _ORDER_COUNT_WORDS and not _name_words(col) & _SALES_WORDS]
    sales = [col for col in named if _name_words(col) & _SALES_WORDS and not _name_words(col) & _ORDER_COUNT_WORDS]
    return [col for col in named if col not in orders] + orders if orders and sales else named


def _without_denominators(candidates: list[str]) -> list[str]:
    """``candidates`` without counts of those seen or tested (``_TESTED_WORDS``: 'TOTAL PATIENTS', 'Tests Performed',
    FluNet's 'SPEC_RECEIVED_NB') where another counts those found ill or positive, or their share (``_FOUND_WORDS``:
    'Detection Rate (%)', 'Flu A %'):
    ILINet's patients, a lab's tests were forecast instead of the ILI or the positives."""
    tested = [col for col in candidates if _name_words(col) & _TESTED_WORDS and _name_words(col) & _TESTED_COUNT_WORDS]
    found = [col for col in candidates if col not in tested and _name_words(col) & _FOUND_WORDS]
    return [col for col in candidates if col not in tested] if tested and found else candidates


_RUNNING_WORDS = frozenset({"total", "cumulative", "lifetime"})  # a running figure's words ...
# ... and a figure so far this year or month: a tax office's 'Year-to-date Total' beside each month's 'Receipts'
# (not 'wtd': weighted, as in 'Wtd Avg Price'); a cost report's 'Total to date' beside its 'Cost This Period'
_RUNNING_TO_DATE = re.compile(r"\b(?:to date|ytd|mtd|qtd|fytd|since launch)\b|\btotal\b.*\ball time\b")  # (Citi
# Bike's 'Total Annual Members (All Time)' beside its day's sign-ups; not a 'Rating (All Time)')
_DAY_WORDS = frozenset({"daily", "new"})  # ... and its day's


_METER_WORDS = frozenset({"meter", "zählerstand", "zaehlerstand", "meterstand", "register", "odometer"})
_ENDS = frozenset({"start", "end", "stop", "begin", "beginn", "ende"})  # (not a price's 'Closing Value')


_NUMBERED_NAME = re.compile(r"(.*?)[\s_-]*(\d{1,2})")


def _mean_of_numbered_first(measures: list[str], numbers: dict[str, pd.Series] | None) -> list[str]:
    """``measures`` with the mean of numbered readings first (an SPC log's 'X-bar' of its 'X1' to 'X5': 'X1' was
    forecast), a column that equals their row mean within a unit of its last decimal; as they are otherwise."""
    if numbers is None:
        return measures
    groups: dict[str, list[str]] = {}
    for col in measures:
        if (match := _NUMBERED_NAME.fullmatch(str(col).strip())) is not None and match.group(1):
            groups.setdefault(match.group(1).lower(), []).append(col)
    for readings in (cols for cols in groups.values() if len(cols) >= 2):
        mean = pd.concat([numbers[col] for col in readings], axis=1).mean(axis=1)
        for col in measures:
            known = numbers[col].dropna()
            places = _decimal_places(known.to_numpy(dtype=float)) if col not in readings and len(known) else None
            if places is not None and bool(((known - mean[known.index]).abs() <= 1.01 * 10.0 ** -places).mean()
                                           >= _TOTAL_SHARE):
                return [col, *(other for other in measures if other != col)]
    return measures


_EXTREME_WORDS = frozenset({"min", "minimum", "max", "maximum", "low", "lowest", "high", "highest"})


def _average_before_extremes(measures: list[str]) -> list[str]:
    """``measures`` with an average first where the least or the most of the same thing stands before it (Zabbix's
    'value_min, value_avg, value_max', a weather export's 'Min Temp, Avg Temp, Max Temp': the minimum was forecast);
    as they are otherwise."""
    def unitless(col: str) -> set[str]:  # a unit in brackets is none of the words ('Talk Time (min)': minutes)
        return _name_words(without_units(col))
    for col in measures:
        words = unitless(col)
        read = unitless if words & _AVERAGE_WORDS else _name_words  # the statistic itself in brackets: 'CPU [avg]'
        words = read(col)
        if not words & _AVERAGE_WORDS:
            continue
        base = words - _AVERAGE_WORDS
        extremes = [other for other in measures[:measures.index(col)]
                    if (of := read(other)) & _EXTREME_WORDS and of - _EXTREME_WORDS == base]
        if extremes:
            rest = [other for other in measures if other != col]
            at = rest.index(extremes[0])
            return [*rest[:at], col, *rest[at:]]
    return measures


def _intervals_before_registers(measures: list[str], numbers: dict[str, pd.Series] | None) -> list[str]:
    """``measures`` with each interval's figure before the register it is the rise of (an energy meter's 'Interval
    kWh' beside its 'kWh Register', GridVis' 'Wirkenergie Intervall' beside its 'Wirkenergie Bezug': the register was
    forecast, and ran backwards): a register never falls in time (``_runs_on``) and rises by the other's value from
    row to row (``_sums_up``). As they are otherwise."""
    if numbers is None or len(measures) < 2:
        return measures
    ordered = list(measures)
    sizes = {col: _median_size(numbers[col].to_numpy(dtype=float)) for col in measures}
    for col in measures:
        values = numbers[col]
        if (values.dropna().diff().iloc[1:] >= 0).mean() < _NEVER_FALLS:
            continue
        # only figures about its rises are tried (a thousand rising columns, tried pair by pair, took minutes)
        step = _median_size(np.diff(values.dropna().to_numpy(dtype=float)))
        twin = next((other for other in measures if other != col and abs(sizes[other] - step)
                     <= _SIZE_TOLERANCE * max(sizes[other], step) and _rises_by(values, numbers[other])), None)
        if twin is not None and ordered.index(twin) > ordered.index(col):
            ordered.remove(twin)
            ordered.insert(ordered.index(col), twin)
    return ordered


_SIZE_TOLERANCE = 0.5  # of the larger, at most, between a register's median rise and its interval's median figure


def _median_size(values: np.ndarray) -> float:
    """The median of the absolute ``values`` that are known, or NaN (which no size is near) where none is."""
    known = np.abs(values[np.isfinite(values)])
    return float(np.median(known)) if len(known) else float("nan")


def _rises_by(register: pd.Series, interval: pd.Series) -> bool:
    """Whether ``register`` rises by ``interval`` from row to row on nearly all rows (``_TOTAL_SHARE``), within
    ``_TOTAL_TOLERANCE`` or the register's last decimal (a register to 0.1 kWh beside intervals to 0.01)."""
    known = register.dropna().to_numpy(dtype=float)
    places = _decimal_places(known) if len(known) else None
    unit = 10.0 ** -places if places is not None else 0.0
    steps, parts = register.diff().iloc[1:], interval.iloc[1:]
    close = (steps - parts).abs() <= np.maximum(_TOTAL_TOLERANCE * parts.abs(), unit + 1e-9)
    both = steps.notna() & parts.notna()
    return bool(both.any() and (parts[both] != 0).any() and close[both].mean() >= _TOTAL_SHARE)


def _meter_reading(col: object) -> bool:
    """Whether a column is named as a meter's reading at a start or an end ('Meter End (kWh)', 'Zählerstand Ende'): a
    counter's level, summed per day, 45,844 kWh a day beside its session's 'Energy (kWh)'."""
    words = _name_words(col)
    return bool(words & _METER_WORDS and words & _ENDS)


def _without_ranks(measures: list[str]) -> list[str]:
    """``measures`` without the ranks among them ('Rank') where another is named as an amount ('Top 10 Gross',
    'Sales'): a box-office chart's rank of the day was forecast in place of its gross; a song's chart history, or an
    app's rank beside its rating, has its rank as the series."""
    ranks = [col for col in measures if _last_word(col) in ("rank", "ranking")]
    amounts = [col for col in measures if col not in ranks and (_names_a_measure(col) or "gross" in _name_words(col))]
    return [col for col in measures if col not in ranks] if ranks and amounts else measures


def _so_far(col: object) -> bool:
    """Whether a column's name says it holds a figure so far this year, quarter or month (``_RUNNING_TO_DATE``)."""
    return bool(_RUNNING_TO_DATE.search(_name_text(col)))


def _series_order(raw: pd.DataFrame, ds: pd.Series | None, numbers: dict[str, pd.Series]) -> np.ndarray:
    """The rows' positions ordered as each series' rows in time: by the text columns that may name series (a few
    values, each on ``MIN_ROWS`` rows or more on average; no dates), then by time. A long file sorted by date, then
    state, or a file newest first, has its running totals fall from row to row as written."""
    stamps = ds.to_numpy() if ds is not None and len(ds) == len(raw) else np.arange(len(raw))
    few = [col for col in raw.columns if not _sounds_like_date(col) and 1 < raw[col].nunique() <= len(raw) // MIN_ROWS]
    keys = [col for col in few if col not in numbers]
    if pd.Series(stamps).duplicated().any():  # a long file: a column (text first, then numbers: store 1-4, not a
        keys = next(([col] for col in sorted(few, key=lambda col: col in numbers)  # day's rank) keeping stamps apart
                     if not pd.DataFrame({"id": raw[col].to_numpy(), "ds": stamps}).dropna(subset=["id"])
                     .duplicated().any()), keys)  # (among the rows with an id: Play's blank country and Namibia's
    table = pd.DataFrame({f"k{k}": raw[col].astype("string").to_numpy() for k, col in enumerate(keys)})  # 'NA')
    table["ds"] = stamps
    if len(keys) == 1 and pd.Series(stamps).duplicated().any():
        table = table[table["k0"].notna().to_numpy()]
    return table.sort_values([*table.columns], kind="stable").index.to_numpy()


def _daily_twin(col: str, measures: list[str], numbers: dict[str, pd.Series], order: np.ndarray) -> str:
    """The measure that names the day's figure of ``col``, a running one ('Daily User Installs' for Google Play's
    'Total User Installs', 'Daily Average Rating' for its 'Total Average Rating', The Numbers' 'Gross' for its 'Total
    Gross': the same words, a day's word or none in place of a running one), where ``col`` runs (``_runs_on``) in each
    series' time order (``order``: ``_series_order``); ``col`` without such a twin.
    The running total was forecast at a MAPE of 0.14%. GA4's 'Total users' of each day beside 'New users', or a
    'Total' that is 'New' plus 'Returning', stay."""
    running = _name_words(col) & _RUNNING_WORDS
    rest = _name_words(col) - running
    if not running or not rest:
        return col
    running_values = numbers[col].iloc[order]
    return next((other for other in measures if other != col and _name_words(other) - _DAY_WORDS == rest
                 and _runs_on(running_values, day := numbers[other].iloc[order])
                 and (_name_words(other) & _DAY_WORDS or _sums_up(running_values, day))), col)


def _sums_up(running: pd.Series, day: pd.Series) -> bool:
    """Whether ``running`` adds ``day`` from row to row on nearly all rows (``_TOTAL_SHARE``, within
    ``_TOTAL_TOLERANCE``): a 'Total Gross' of each day's 'Gross', not a growing company's 'Total Revenue' beside one
    product's 'Revenue'."""
    steps = running.diff().iloc[1:]
    close = (steps - day.iloc[1:]).abs() <= _TOTAL_TOLERANCE * day.iloc[1:].abs().clip(lower=1e-9)
    return bool(close[steps.notna() & day.iloc[1:].notna()].mean() >= _TOTAL_SHARE)


_NEVER_FALLS = 0.95  # of the steps from row to row (``_runs_on``): a long file's series each start lower


def _runs_on(running: pd.Series, day: pd.Series) -> bool:
    """Whether ``running`` is a running figure beside the day's ``day``: it never falls from row to row (but for
    ``_NEVER_FALLS`` of the steps), or it moves a tenth as much as the day's figure does (a lifetime average rating)."""
    steps, day_steps = running.dropna().diff().iloc[1:], day.dropna().diff().iloc[1:]
    if len(steps) < MIN_ROWS or steps.abs().sum() == 0:
        return False
    return bool((steps >= 0).mean() >= _NEVER_FALLS or steps.std() <= 0.1 * day_steps.std())


def _total_of_others(measures: list[str], numbers: dict[str, pd.Series]) -> str | None:
    """The column of ``measures`` that is the sum of all the others on nearly every row where they are all filled
    (``_TOTAL_SHARE`` of at least ``MIN_ROWS`` rows, within ``_TOTAL_TOLERANCE``): the total a file gives beside its
    parts, the series to forecast first (ERCOT's native load by weather zone, 'COAST' ... 'WEST' then 'ERCOT': the
    first zone was the target). None when there is no such column, or fewer than three measures."""
    if len(measures) < 3:
        return None
    table = pd.DataFrame({col: numbers[col] for col in measures}).dropna()
    if len(table) < MIN_ROWS:
        return None
    whole = table.sum(axis=1)
    for col in measures:
        rest = whole - table[col]
        close = (rest - table[col]).abs() <= _TOTAL_TOLERANCE * table[col].abs().clip(lower=1e-9)
        if close.mean() >= _TOTAL_SHARE and (table[col] != 0).any():
            return _net_of_tare(col, [other for other in measures if other != col])
    for col in measures:  # the total of the columns named after it: Eco-Visio's 'Totem Albert 1er' beside its 'IN' and
        parts = [other for other in measures if str(other).startswith(f"{str(col).strip()} ")]  # 'OUT', a second
        if len(parts) >= 2 and (table[col] != 0).any() and (  # counter's three after them (its 'IN' was forecast)
                (table[parts].sum(axis=1) - table[col]).abs() <= _TOTAL_TOLERANCE * table[col].abs().clip(lower=1e-9)
        ).mean() >= _TOTAL_SHARE:
            return col
    return None


def _net_of_tare(total: str, parts: list[str]) -> str:
    """The net weight where the total is a gross one of a tare and a net (a weighbridge ticket's 'Gross kg' is the
    truck's 'Tare kg' and its load's 'Net kg': the gross was summed, 2.5 times the tonnage); else ``total``."""
    if not any(_name_words(part) & {"tare"} for part in parts):
        return total
    return next((part for part in parts if _name_words(part) & {"net", "nett"}), total)


_TOTAL_TOLERANCE = 0.005  # of the total: rounding of the parts
_TOTAL_SHARE = 0.95


# Names of a part of the date beside a time column (AirNow's 'Year,Month,Day,Hour' after its 'Date (LT)': the day of
# the month, 1 to 30, was the target, fitted with a test MAE of 0), with the largest whole number each holds.
_CALENDAR_PARTS = {**dict.fromkeys(("month", "mo"), 12), **dict.fromkeys(("day", "dy", "dd", "mday"), 31),
                   **dict.fromkeys(("hour", "hr", "hh"), 24), "minute": 59, "second": 59, "weekday": 7, "dow": 7,
                   "doy": 366, "week": 53, "quarter": 4, **dict.fromkeys(("year", "yr", "yyyy"), 2200),
                   **dict.fromkeys(("dayofmonth", "dom"), 31), "dayofweek": 7, "dayofyear": 366, "weekofyear": 53,
                   "monthofyear": 12, "hourofday": 24, "minuteofhour": 59}


# Names of a clock that runs on with the rows (a logger's 'Time (s)', an Arduino's millis(), a light curve's JD)
_ELAPSED_WORDS = frozenset({"time", "t", "elapsed", "millis", "micros", "seconds", "secs", "jd", "bjd", "hjd", "mjd",
                            "runtime", "uptime"})
_TIME_UNITS = frozenset({"s", "sec", "ms", "us", "min", "mins", "minutes", "h", "hr", "hrs", "hours", "d", "days",
                         "tdb", "utc", "tt", "since", "start", "run", "relative"})


def _elapsed_time(col: str, numbers: pd.Series) -> bool:
    """Whether a column named only as a clock's time (``_ELAPSED_WORDS`` and its units) rises at every row: the time
    the rows were taken at, which the file's measurement follows (a lab logger's 'Time (s)' 0, 10, 20 ... was the
    target, forecast at a MAPE of 0.005%); not a measure that grows ('Mid-Year Population', 'Small Time Deposits')."""
    values = numbers.dropna().to_numpy(dtype=float)
    words = _name_words(col)
    return (bool(words & _ELAPSED_WORDS) and words <= _ELAPSED_WORDS | _TIME_UNITS and len(values) >= MIN_ROWS
            and bool((np.diff(values) > 0).all()))


_TIME_COUNT_WORDS = frozenset({"weeks", "days", "months", "years", "hours", "week", "day", "month"})
_BY_ONE = 0.9  # of the steps from row to row, one up or one down (``_counts_time``)


def _counts_time(col: str, numbers: pd.Series) -> bool:
    """Whether a column named with a time unit counts it from row to row, one up or down ('Weeks to Term Start' 51,
    50, ... 0 of an admissions cycle, forecast with a test MAE of 0; 'Days Since Launch')."""
    values = numbers.dropna().to_numpy(dtype=float)
    steps = np.diff(values)
    return bool(_name_words(col) & _TIME_COUNT_WORDS) and len(values) >= MIN_ROWS \
        and bool((values % 1 == 0).all()) and float(np.mean(np.abs(steps) == 1)) >= _BY_ONE


def _calendar_part(col: str, numbers: pd.Series) -> bool:
    """Whether a column is a part of the date by its name (``_CALENDAR_PARTS``, in any case and with any separators:
    the BTS on-time file's ``DAY_OF_MONTH`` was forecast; or a fiscal one, ``Fiscal Month``) and its whole numbers
    within it."""
    name = re.sub(r"[\W_]+", "_", str(col).strip().lower()).strip("_")
    bare = _FISCAL_PART.sub("", name)  # a budget report's 'Fiscal Month', 1 to 12, was the target; 'Fiscal Period' too
    most = next((_CALENDAR_PARTS[key] for key in (name, name.replace("_", ""), bare) if key in _CALENDAR_PARTS),
                _FISCAL_PERIODS if bare != name and bare in ("period", "per", "p") else None)
    values = numbers.dropna()
    return most is not None and bool(len(values)) and bool(((values % 1 == 0) & values.between(0, most)).all())


_FISCAL_PART = re.compile(r"^(?:fiscal|fy|financial|accounting|budget|cycle|academic|school|season|crop|marketing)_")
_FISCAL_PERIODS = 13  # a fiscal year's periods: 12 months, or 13 four-week periods


_AGE_UNITS_DAYS = (1.0, 7.0, 30.4375, 365.25)  # an age counted in days, weeks, months or years (``_age_counter``)
_AGE_STEP = 0.2  # of a unit: the rounding an age is written with (a week's tenth) and more
_AGE_MOVES = 3.0  # times the spread of its starts that an age's values spread over (``_age_counter``)
_AGE_RATE = 0.05  # how far an age's rise per unit of time may be from 1 (``_few_starts``)


def _age_counter(col: str, numbers: pd.Series, ds: pd.Series | None) -> bool:
    """Whether a column named as an age ('Flock Age (wks)', 'Age (days)') counts the time since a start: its values
    less the time stamps in days, weeks, months or years are a few starts (a flock each, houses filled within a unit
    of each other in one), and its values move far more than those starts do (``_AGE_MOVES``: an 'Average Age' of
    41 +- 1.5 barely moves). An egg farm's flock age was forecast exactly (test MAE 0) in place of its eggs."""
    if "age" not in _name_words(col) or ds is None or not pd.api.types.is_datetime64_any_dtype(ds):
        return False
    both = pd.DataFrame({"value": numbers.astype(float), "ds": ds}).dropna()
    if len(both) < MIN_ROWS or both["ds"].nunique() < MIN_ROWS:
        return False
    days = ((both["ds"] - both["ds"].min()) / pd.Timedelta(days=1)).to_numpy(dtype=float)
    values = both["value"].to_numpy(dtype=float)
    written = np.diff(np.unique(values))
    rounding = float(written.min()) if len(written) else 0.0  # 1 for whole weeks, 0.1 for tenths
    return any(_few_starts(values, values - days / unit, rounding + 1.0, max(3, len(both) // 50))
               for unit in _AGE_UNITS_DAYS)


def _few_starts(values: np.ndarray, offsets: np.ndarray, spread: float, most: int) -> bool:
    """Whether ``offsets`` (an age's ``values`` less the time passed) fall in at most ``most`` runs (sorted, split where
    two are more than ``_AGE_STEP`` apart), none wider than ``spread``, in each of which the values move
    ``_AGE_MOVES`` times more than the offsets: a flock's start each, give or take the rounding. A noisy 'Average Age'
    of 41 +- 1.5, written in tenths, is one run as wide as its noise, its values no more spread than it."""
    order = np.argsort(offsets, kind="stable")
    runs = np.zeros(len(offsets), dtype=int)
    runs[order] = np.concatenate([[0], np.cumsum(np.diff(offsets[order]) > _AGE_STEP)])
    if runs.max() + 1 > most:
        return False
    for run in range(runs.max() + 1):
        moved, started = values[runs == run], offsets[runs == run]
        if np.ptp(started) > spread or float(np.std(moved)) < _AGE_MOVES * float(np.std(started)):
            return False
        elapsed = moved - started  # the time passed, in the age's unit
        if len(moved) > 2 and np.ptp(elapsed) > 0 and abs(np.polyfit(elapsed, moved, 1)[0] - 1) > _AGE_RATE:
            return False  # an average age drifting 0.85 a year: no counter of the time since a start
    return True


# Words of a place's coordinates (Divvy's trips: 'start_lat' was forecast, and summed per day as the note advised);
# not 'long', which a trader's 'Noncommercial Long' positions hold.
_COORDINATE_WORDS = frozenset({"lat", "lng", "lon", "latitude", "longitude"})
# Words of projected coordinates, in metres or feet (Chicago's crimes: 'Y Coordinate', a state plane's northing)
_PROJECTED_WORDS = frozenset({"coordinate", "coordinates", "northing", "easting"})
# Other words a coordinate's name may hold: where the place is ('start_lat', 'pickup_latitude', 'Start Station
# Latitude'); any other word makes it a measure ('avg_lat_ms', a latency; 'acc_lat', a lateral acceleration).
_PLACE_WORDS = frozenset({"start", "end", "from", "to", "pickup", "dropoff", "origin", "dest", "destination", "station",
                          "stop", "home", "center", "centroid", "gps", "geo", "location", "loc", "point", "begin",
                          "site", "store", "place", "x", "y", "decimal", "wgs84", "deg", "degrees", "vehicle",
                          "driver", "bike", "car", "trip", "ship", "vessel", "aircraft", "incident", "position",
                          "pos", "device", "user", "sensor", "event", "current", "last", "approx",
                          "state", "plane", "spcs", "nad83", "utm", "ft", "feet"})  # NYC 311's '(State Plane)'
_LATITUDE_WORDS = frozenset({"lat", "latitude"})


def _coordinate(col: str, numbers: pd.Series) -> bool:
    """Whether a column holds map coordinates: named so (``_COORDINATE_WORDS``, with no word but ``_PLACE_WORDS``), its
    values within -180 to 180; or projected ones (``_PROJECTED_WORDS``: 'X Coordinate', 'Northing'), any values."""
    words = _name_words(col)
    if words & _PROJECTED_WORDS:
        return words <= _PROJECTED_WORDS | _PLACE_WORDS
    return (bool(words & _COORDINATE_WORDS) and words <= _COORDINATE_WORDS | _PLACE_WORDS
            and _within(numbers, 180))


def _bare_coordinates(numbers: dict[str, pd.Series]) -> tuple[str, ...]:
    """Columns named 'X' and 'Y' both (upper case), of longitudes and latitudes (-180 to 180, -90 to 90, mostly with
    decimals, within ``_PLACES_SPREAD``: an ArcGIS Hub export's points); () otherwise ('y' and 'x' are a series and a
    regressor in statsforecast's files, 'X', 'Y' a chart's points)."""
    named = {str(col).strip(): col for col in numbers}  # upper case, as ArcGIS writes them ('y' is a series)
    if "X" not in named or "Y" not in named:
        return ()
    x, y = numbers[named["X"]].dropna(), numbers[named["Y"]].dropna()
    degrees = all(len(part) and (part % 1 != 0).mean() >= 0.5 and float(part.max() - part.min()) <= _PLACES_SPREAD
                  and not part.is_monotonic_increasing for part in (x, y))  # places, not a chart's steps
    return (named["X"], named["Y"]) if degrees and _within(x, 180) and _within(y, 90) else ()


_PLACES_SPREAD = 60.0  # degrees: the points of a country's log (the United States span 54 degrees of longitude)


def _within(values: pd.Series, most: float) -> bool:
    """Whether every value lies from -``most`` to ``most``."""
    return bool(values.dropna().between(-most, most).all())


def _lat_and_lon(places: list[str]) -> bool:
    """Whether coordinates come as places do: a latitude and a longitude (or projected or bare 'X', 'Y' ones)."""
    lat = [col for col in places if _name_words(col) & _LATITUDE_WORDS]
    return len(lat) < len(places) and (bool(lat) or not any(_name_words(col) & _COORDINATE_WORDS for col in places))


def _only_coordinates(places: list[str], ds: pd.Series | None) -> list[str]:
    """Refuse a file whose only measures are coordinates (``_coordinate``): a log of trips or sightings, whose series
    is its rows counted per period (``stamps_period``: per month for crimes dated by month)."""
    names, per = quoted_names(places), stamps_period(ds) if ds is not None else "day"
    raise DataError(f"The numeric columns of this file are map coordinates ({names}), not a series to forecast: count "
                    f"its rows per {per} (the target '(count the rows per {per})', --duplicates count --per {per}), or "
                    "choose a coordinate as the target to forecast it.", "err.only_coordinates",
                    {"names": names, "per": per, "flag": per})


def _awaits_future(col: str, pool: list[str], numbers: dict[str, pd.Series], ds: pd.Series | None) -> bool:
    """Whether ``col`` is blank in every row of the file's last time stamps (the last rows without time stamps),
    with values on most rows before them, while another column of ``pool`` is filled in every one of those rows
    (Dexcom's 'Insulin Value (u)', on 1% of the rows, was forecast as the target its 'Glucose Value' awaited)."""
    if len(pool) < 2:
        return False
    present = numbers[col].notna().to_numpy()
    stamps = pd.Series(ds.to_numpy() if ds is not None else np.arange(len(present)))
    last_seen = stamps[present].max()  # missing stamps left out
    if pd.isna(last_seen) or present.sum() < _AWAITED_SHARE * (stamps <= last_seen).sum() \
            and not _awaited_on_its_step(stamps[present], stamps.max()):  # a weekly target beside daily prices
        return False
    later = (stamps > last_seen).to_numpy()  # every row of every stamp after the column's last value
    return bool(later.any()) and any(numbers[other].notna().to_numpy()[later].all() for other in pool if other != col)


_AWAITED_SHARE = 0.5  # of the rows up to its last value, at least, where a target awaited has one


def _awaited_on_its_step(given: pd.Series, last: object) -> bool:
    """Whether values on an even step of their own (``_evenly_dated``: a weekly target beside daily prices) stop one of
    their steps or more before the file's last stamp ``last``: rows to forecast, not the days before the next Monday's
    price; nor a lab's samples on Tuesdays and Thursdays, blank from Thursday to the log's Sunday: a stop no longer
    than its long steps between values, ``_LONG_STEP``)."""
    if len(given) < 3 or not _evenly_dated(given):
        return False
    steps = pd.Series(np.sort(pd.to_datetime(given.dropna().unique()))).diff()
    stop = pd.Timestamp(last) - pd.Timestamp(given.max())
    return bool(stop >= steps.median() and stop >= steps.quantile(_LONG_STEP))


_LONG_STEP = 0.75  # the quantile of a column's steps between values its stop before the last stamp must reach
# The two sides of a statement's money columns: a row fills one of them (a debit or a credit), the other blank.
_SIDES = {"debit": "credit", "debits": "credits", "withdrawal": "deposit", "withdrawals": "deposits",
          "outflow": "inflow", "out": "in", "spent": "received", "soll": "haben", "charges": "payments",
          "cash": "card"}  # a vending log's 'Cash' and 'Card' of each vend: a card vend's blank cash was interpolated
# ... as banks in other languages name them (a Japanese statement's blank お支払金額 on a deposit day was interpolated)
_OTHER_SIDES = {"débit": "crédit", "débito": "crédito", "debito": "credito", "débitos": "créditos", "saída": "entrada",
                "saídas": "entradas", "cargo": "abono", "cargos": "abonos", "ausgabe": "einnahme",
                "ausgaben": "einnahmen", "dare": "avere", "uscite": "entrate", "addebiti": "accrediti", "af": "bij",
                "wydatki": "wpływy", "obciążenia": "uznania", "お支払金額": "お預り金額", "お引出金額": "お預入金額",
                "出金": "入金", "出金金額": "入金金額", "支出": "収入", "출금액": "입금액", "출금": "입금",
                "찾으신금액": "맡기신금액", "支出金额": "收入金额", "借方": "贷方", "借方金额": "贷方金额"}
_SIDES.update(_OTHER_SIDES)
# Sides of anything that goes in and out (a chiller's water, a door's people): money's only where one is filled a row
_IN_AND_OUT = frozenset({"saída", "saídas", "af", "uscite"})
_SIDES.update({other: word for word, other in list(_SIDES.items())})


def _other_side(col: str, columns: list[str]) -> str | None:
    """The column of ``columns`` named as the other side of ``col``'s money ('Credit Amount' for 'Debit Amount',
    'Paid in' for 'Paid out', 'Inflow' for 'Outflow'), or None."""
    words = _word_list(col)
    for k, word in enumerate(words):
        if word in _SIDES:  # each side's word in turn ('Cash Out': not 'Card Out', but 'Cash In')
            twin = [*words[:k], _SIDES[word], *words[k + 1:]]
            found = next((other for other in columns if other != col and _word_list(other) == twin), None)
            if found is not None:
                return found
    return None


_ONE_SIDE_SHARE = 0.9  # of the rows with either side filled (``_one_side_a_row``)


def _one_side_a_row(values: pd.Series, other: pd.Series) -> bool:
    """Whether nearly every row (``_ONE_SIDE_SHARE`` of those with either filled) fills one of the two columns, not
    both: a statement's debit or credit. A reservoir's inflow and outflow, or a link's bytes in and out, fill both: a
    blank one is a missed reading."""
    either = values.notna() | other.notna()
    return bool(either.any()) and float((values.notna() ^ other.notna())[either].mean()) >= _ONE_SIDE_SHARE


# Words of money's two sides: a blank one is none of it that day, even where most days fill both (a cash book)
_MONEY_WORDS = frozenset({"debit", "credit", "debits", "credits", "withdrawal", "withdrawals", "deposit", "deposits",
                          "cash", "money", "paid", "spent", "received", "charges", "payments", "soll", "haben",
                          *(word for pair in _OTHER_SIDES.items() if pair[0] not in _IN_AND_OUT for word in pair)})


def _money_side(col: str, columns: list[str], numbers: dict[str, pd.Series]) -> str | None:
    """The other side of ``col``'s money among ``columns`` (``_other_side``) where the pair is money's, whose blank
    side is 0: named so (``_MONEY_WORDS``: a cash book's 'Cash In' and 'Cash Out', most days both), or one side filled
    on nearly every row (``_one_side_a_row``); else None. A reservoir's 'Inflow (cfs)' beside its 'Outflow (cfs)' is
    neither: a blank is a missed reading."""
    side = _other_side(col, columns)
    if side is None or not (_name_words(col) & _MONEY_WORDS or _one_side_a_row(numbers[col], numbers[side])):
        return None
    return side


_VALIDITY_NAMES = frozenset({"validity", "validity flag"})  # the EEA's air-quality files: -1 and -99 invalid


def _without_invalid_readings(raw: pd.DataFrame, target: str, numbers: dict[str, pd.Series],
                              report: DataReport) -> pd.Series:
    """The target missing where a validity column flags its reading invalid (the EEA's 'Validity' -1, or -99 for a
    station's maintenance, beside 1-3 for valid ones: a calibration's 187.3 and -4.2 were trained on and forecast
    from), said; as it is where no such column flags a row."""
    values = numbers[target]
    flags = [col for col in numbers if col != target and _name_text(col) in _VALIDITY_NAMES]
    if len(flags) != 1:
        return _without_suspect_readings(raw, target, values, report)
    codes = numbers[flags[0]].reindex(values.index)
    distinct = set(codes.dropna().unique())
    invalid = (codes < 0).to_numpy() & values.notna().to_numpy()
    if not invalid.any() or len(distinct) > 6 or not any(code > 0 for code in distinct):
        return values
    rows = int(invalid.sum())
    report.notices.append(Notice(
        f"{count(rows, 'reading')} of '{target}' that '{flags[0]}' flags invalid (below 0) {_were(rows)} read as "
        "missing.", "notice.invalid_readings", {"rows": rows, "column": target, "flag": str(flags[0])}))
    return values.mask(invalid)


# A column of a reading's quality in words (the Environment Agency's 'quality': Good, Estimated, Unchecked, Suspect,
# Missing; Metasys' 'Reliability': Reliable, Unreliable; PI's Questionable, Bad) and the words that mark a reading no
# one should train on
_QUALITY_NAMES = frozenset({"quality", "quality flag", "quality code", "qualifier", "qcode", "quality_flag",
                            "reliability"})
_SUSPECT_WORDS = frozenset({"suspect", "missing", "invalid", "rejected", "bad", "questionable", "unreliable"})  # (a
# night's 'Poor' sleep is a grade)
_QUALITY_WORDS = frozenset({"good", "estimated", "unchecked", "complete", "valid", "ok", "provisional", "reliable"})
# A point's status (Niagara's history '{ok}', '{fault}', '{stale}', '{down}', '{alarm,unackedAlarm}'): a column named
# a status is read so only where every cell writes these words (not an order's or a ticket's status)
_POINT_STATUS_NAMES = frozenset({"status", "point status"})
_POINT_FAILED = frozenset({"fault", "down", "stale", "bad", "questionable", "unreliable"})
_POINT_WORKING = frozenset({"ok", "good", "alarm", "unackedalarm", "overridden", "reliable"})  # (still measured)


def _suspect_cells(written: pd.Series, suspect: frozenset[str], known: frozenset[str]) -> np.ndarray | None:
    """Which cells of a quality or status column write a word of ``suspect`` (Niagara's '{fault}', one word of
    '{down,stale}'), or None where a cell writes a word not ``known`` (the column is of something else)."""
    parts = written.astype("string").str.strip().str.lower().str.strip("{}").str.split(r"\s*,\s*")
    words = parts.dropna().explode()
    if not words.isin(known).all():
        return None
    return np.array([isinstance(cell, list) and any(word in suspect for word in cell) for cell in parts], dtype=bool)


def _without_suspect_readings(raw: pd.DataFrame, target: str, values: pd.Series, report: DataReport) -> pd.Series:
    """The target missing where a quality column in words marks its reading suspect or missing (the EA's 'Suspect':
    a gauge's 40 readings of 0.000 flat-lined were trained on, unsaid), or a point's status its value no measurement
    (Niagara's '{fault}' 0.0 °F), said; as it is where none does."""
    quality = [col for col in raw.columns if col != target and _name_text(col) in _QUALITY_NAMES
               and raw[col].notna().any()]  # (beside the EA's blank 'qcode')
    status = [col for col in raw.columns if col != target and _name_text(col) in _POINT_STATUS_NAMES]
    for flags, suspect, known in ((quality, _SUSPECT_WORDS, _SUSPECT_WORDS | _QUALITY_WORDS),
                                  (status, _POINT_FAILED, _POINT_FAILED | _POINT_WORKING)):
        marked = _suspect_cells(raw[flags[0]].reindex(values.index), suspect, known) if len(flags) == 1 else None
        if marked is not None:
            return _read_as_missing(values, marked, raw[flags[0]].reindex(values.index), (target, flags[0]), report)
    if len(quality) == 1:
        return _estimated_zeros_as_missing(values, raw[quality[0]].reindex(values.index), (target, quality[0]), report)
    return values


def _read_as_missing(values: pd.Series, marked: np.ndarray, written: pd.Series, said_by: tuple[str, object],
                     report: DataReport) -> pd.Series:
    """``values`` missing on the rows ``marked`` that hold a reading, said with the word ``written`` most on them; as
    they are where none is marked, or every one."""
    suspect = marked & values.notna().to_numpy()
    if not suspect.any() or suspect.sum() == values.notna().sum():
        return values
    target, flag = said_by
    rows, said = int(suspect.sum()), str(written.astype("string").str.strip()[suspect].mode().iloc[0])  # 'Suspect'
    report.notices.append(Notice(
        f"{count(rows, 'reading')} of '{target}' that '{flag}' marks '{said}' {_were(rows)} read as missing.",
        "notice.suspect_readings", {"rows": rows, "column": target, "flag": str(flag), "word": said}))
    return values.mask(suspect)


# A utility's interval data marks each read actual or estimated ('Quality' A or E): an estimate is its bill's basis
# and is kept, but an estimated 0 is a meter that did not report (a building's 0 kW for hours), not a use of 0
_ACTUAL_OR_ESTIMATED = (frozenset({"a", "e"}), frozenset({"actual", "estimated"}))


def _estimated_zeros_as_missing(values: pd.Series, written: pd.Series, said_by: tuple[str, object],
                                report: DataReport) -> pd.Series:
    """``values`` missing where an actual-or-estimated column (``_ACTUAL_OR_ESTIMATED``) marks a read of 0 estimated,
    said; as they are where the column writes other words or no estimated 0."""
    words = written.astype("string").str.strip().str.lower()
    if not any(words.dropna().isin(pair).all() for pair in _ACTUAL_OR_ESTIMATED):
        return values
    zero = words.isin({"e", "estimated"}).fillna(False).to_numpy(dtype=bool) & (values == 0).to_numpy()
    if not zero.any() or zero.sum() == values.notna().sum():
        return values
    target, flag = said_by
    rows, said = int(zero.sum()), str(written.astype("string").str.strip()[zero].iloc[0])
    report.notices.append(Notice(
        f"{count(rows, 'reading')} of 0 in '{target}' that '{flag}' marks '{said}' (estimated) {_were(rows)} read as "
        "missing: an estimate of 0 is a meter that did not report; other estimated reads are kept.",
        "notice.estimated_zeros", {"rows": rows, "column": target, "flag": str(flag), "word": said}))
    return values.mask(zero)


# A column naming the document each row is a line of (Xero's '*InvoiceNumber', 'Invoice No', 'Order ID', 'Bill #')
_DOCUMENT_NAME = re.compile(r"(?:sales |purchase )?(?:invoice|order|bill|document|doc|receipt|voucher|po)\s*"
                            r"(?:number|no|nr|num|id|ref|#)?")
_DOCUMENT_LINES = 0.2  # of the rows, at least, on documents of several lines (``_once_per_document``)


_LINES_SUMMED = 0.8  # of the documents, at least, whose lines sum to their total
_LINE_COLUMNS = 8  # other numbers looked at for a document's lines (``_sums_its_lines``), pairs of them multiplied


def _sums_its_lines(totals: pd.Series, document: pd.Series, others: list[pd.Series]) -> bool:
    """Whether the value each document's lines repeat (``totals``) is, on nearly every document, the sum over its lines
    of another number or of the product of two (a quantity times a unit amount), or up to 30% more (its tax)."""
    columns = [col.fillna(0.0) for col in others[:_LINE_COLUMNS]]
    parts = columns + [a * b for k, a in enumerate(columns) for b in columns[k + 1:]]
    total = totals.groupby(document).first()
    for part in parts:
        summed = part.groupby(document).sum().reindex(total.index)
        if np.mean((total >= 0.99 * summed) & (total <= 1.3 * summed) & (summed > 0)) >= _LINES_SUMMED:
            return True
    return False


def _once_per_document(raw: pd.DataFrame, target: str, numbers: dict[str, pd.Series], report: DataReport) -> pd.Series:
    """The target with a document's total, written on each of its lines (Xero's bills: the invoice's 'Total' on every
    line beside its line's quantity and amount), kept on its first line only and 0 on the others, said: summed per
    month, each bill counted once per line (October's 28,083 read 64,119). As it is where no column names documents
    whose several lines all repeat one value that they sum to (``_sums_its_lines``)."""
    values = numbers[target]
    names = [col for col in raw.columns if col != target and _DOCUMENT_NAME.fullmatch(
        re.sub(r"[*_]+", " ", str(col)).strip().lower().replace("invoicenumber", "invoice number"))]
    if len(names) != 1 or values.isna().all():
        return values
    document = raw[names[0]].astype("string").str.strip().reindex(values.index)
    lines = document.notna() & document.duplicated(keep=False)
    if lines.sum() < _DOCUMENT_LINES * len(values):
        return values
    grouped = values[lines].groupby(document[lines])
    if not bool((grouped.nunique(dropna=False) == 1).all()):
        return values
    if not _sums_its_lines(values[lines], document[lines], [numbers[col][lines] for col in numbers if col != target]):
        return values  # (an Eventbrite ticket's price on each attendee's line: no order's total)
    repeated = lines & document.duplicated(keep="first")
    rows, count_docs = int(repeated.sum()), int(document[lines].nunique())
    report.notices.append(Notice(
        f"'{target}' repeats each document's total on its lines (by '{names[0]}'): it is counted once per document, "
        f"on its first line ({count(rows, 'line')} after the first of {count(count_docs, 'document')} read as 0).",
        "notice.total_per_document", {"column": target, "document": str(names[0]), "rows": rows,
                                      "documents": count_docs}))
    return values.mask(repeated, 0.0)


def _zero_beside_other_side(values: pd.Series, other: pd.Series, col: str, side: str, report: DataReport) -> pd.Series:
    """``values`` with 0 in its blank cells on rows where the other side's column ``side`` is filled, said: a
    statement's day of a salary only has no debit, not a missing one (it was interpolated, while a day without a row
    counted 0)."""
    filled = values.notna().to_numpy()
    inside = np.zeros(len(values), dtype=bool)
    if filled.any():  # blanks after the last value are rows to forecast (the other side's future values)
        inside[np.argmax(filled):len(filled) - np.argmax(filled[::-1])] = True
    zero = values.isna() & other.notna() & inside
    if rows := int(zero.sum()):
        report.notices.append(Notice(
            f"{count(rows, 'blank cell')} of '{col}' on rows where '{side}' is filled {_were(rows)} read as 0: a "
            "blank side of a pair of money columns (in and out, cash and card) is none of it on that row.",
            "notice.other_side_blank",
            {"rows": rows, "column": col, "other": side}))
    return values.mask(zero, 0.0)


# A text column that says which way each unsigned amount went (ING's 'Af Bij', Mint's 'Transaction Type'): money out's
# word first
_SIGN_WORDS = (("af", "bij"), ("debit", "credit"), ("soll", "haben"), ("débit", "crédit"), ("débito", "crédito"),
               ("cargo", "abono"), ("withdrawal", "deposit"))


def _signed_by_side(raw: pd.DataFrame, target: str, values: pd.Series, report: DataReport) -> pd.Series:
    """``values`` below zero on the rows a column marks as money out (``_SIGN_WORDS``: 'Af' of 'Af Bij') where the
    amounts are written without a sign, said: ING's salary and rent were added as 4,936 a month where the month's net
    was -36. As they are where no such column is, or the amounts carry signs."""
    known = values.dropna()
    if not len(known) or known.min() < 0 or _name_words(target) & (_LEVEL_NAMES | _SALE_WORDS) \
            or (col := _sign_column(raw, target)) is None:
        return values  # (a running 'Balance' is no amount that went either way)
    written = raw[col].reindex(values.index).astype("string").str.strip()
    out = written.str.lower().isin([pair[0] for pair in _SIGN_WORDS]).fillna(False).to_numpy(dtype=bool) \
        & values.notna().to_numpy()
    if not out.any():
        return values
    said, rows = str(written[out].mode().iloc[0]), int(out.sum())
    report.notices.append(Notice(
        f"'{target}' is written without a sign and '{col}' says which way each amount went: {count(rows, 'row')} "
        f"marked '{said}' {_were(rows)} read as money out, below zero, so that sums are the net. To forecast "
        f"each side on its own, choose '{col}' as the Series id (--id-col {shlex.quote(str(col))}).",
        "notice.signed_by_side", {"column": target, "side": str(col), "rows": rows, "word": said,
                                  "option": shlex.quote(str(col))}))
    return values.mask(out, -values)


# A column of how a sale was paid ('Card Type', 'Payment Type': Debit or Credit), not of which way money went; and
# a level, no amount (a statement's running 'Balance')
_PAID_BY_WORDS = frozenset({"card", "payment", "method", "tender", "funding", "instrument", "paid", "pay"})
_LEVEL_NAMES = frozenset({"balance", "saldo", "solde", "kontostand", "level", "bal"})
_BALANCE_NAMES = _LEVEL_NAMES - {"level"}  # an account's balance after each row
_NOT_ONE_BALANCE = frozenset({"avg", "average", "mean", "min", "minimum", "max", "maximum", "total", "sum"})


def _balance_kept_last(options: LoadOptions, target: str, stamps: pd.Series, report: DataReport) -> LoadOptions:
    """``options`` with a balance's rows on one time stamp (or in one period) combined by their last, where their mean
    was left to stand: a statement lists the balance after each payment, and the mean of a day's (0, then 5,000
    after the salary) is no balance the account held; the day's closing one is its last, said. As they are for
    other targets, an average balance, or rows that share no stamp."""
    words = _name_words(target)
    if options.duplicates != "mean" or options.per or not words & _BALANCE_NAMES or words & _NOT_ONE_BALANCE \
            or not pd.api.types.is_datetime64_any_dtype(stamps.dtype):
        return options
    shared = _period_starts(stamps.dropna(), options.per, "ds") if options.per else stamps.dropna()
    if not shared.duplicated().any():
        return options
    report.notices.append(Notice(
        f"'{target}' is a balance: the rows {'of each period' if options.per else 'on each time stamp'} were "
        "combined by their last, the balance at its end (their mean is none the account held). For the opening "
        "balance, choose first (--duplicates first).", "notice.balance_last" + ("_per" if options.per else ""),
        {"column": target}))
    return replace(options, duplicates="last")
_DIRECTION_NAMES = frozenset({"transaction", "direction", "indicator"})
_SALE_WORDS = frozenset({"sale", "sales", "tip", "tips"})  # a card report's 'Sale Amount' by 'Transaction Type' (a card)


def _sign_column(raw: pd.DataFrame, target: object) -> object | None:
    """The text column of ``raw`` whose every value is one of a pair of ``_SIGN_WORDS``, its money out among them."""
    words = {word for pair in _SIGN_WORDS for word in pair}
    for col in raw.columns:
        if col == target or pd.api.types.is_numeric_dtype(raw[col]) or _name_words(col) & _PAID_BY_WORDS \
                or not raw[col].dropna().head(50).astype("string").str.strip().str.lower().isin(words).all():
            continue  # (the first cells decide cheaply)
        present = set(raw[col].dropna().astype("string").str.strip().str.lower().unique()) - {""}
        if any(present == set(pair) and (pair == _SIGN_WORDS[0] or _name_words(col) & _DIRECTION_NAMES
                                         and not _of_cards_or_ledgers(raw)) for pair in _SIGN_WORDS):
            return col  # both ways present; ING's 'Af Bij' by any name, the others named as a direction ('Transaction
            # Type'; not a bare 'Type' of a card, nor a ledger's 'Dr/Cr', whose sign depends on the account)
    return None


# Column names of a card processor's batch ('Card Brand', 'Terminal': its 'Transaction Type' Credit or Debit is the
# card's) or of a ledger's lines ('Customer', 'Document Type': a receivable's Debit is an invoice, money in); not a
# statement's 'Card Number' or 'Customer Reference' beside its 'Balance'
_CARD_OR_LEDGER_WORDS = frozenset({"brand", "terminal", "journal", "ledger", "voucher"})
# ... and these names of a card processor's batch or a ledger's account (not a purchasing card's 'GL Code' or 'Batch
# Ref', whose Debit is a purchase)
_CARD_OR_LEDGER_NAMES = frozenset({"batch", "batch id", "batch number", "batch no", "batch nbr", "gl account",
                                   "gl acct"})  # (and any name after 'GL Account': its 'Name', 'No', 'Code')
# ... two of these (SAP's vendor line items: 'Vendor' and 'Document Number'; not a purchasing card's or a budgeting
# app's export with one 'Vendor Name', whose Debit is a purchase and Credit a refund)
_WEAK_LEDGER_WORDS = frozenset({"auth", "authorization", "document", "doc", "customer", "invoice", "vendor",
                                "supplier", "gl"})
_PURCHASE_WORDS = frozenset({"vendor", "supplier", "gl"})  # ... but these alone are a purchasing card's: its Debit a
# purchase (its 'Vendor Name' and 'GL Code')  # (a purchasing card's 'GL Code' and 'Batch Ref' beside its 'Vendor Name')


def _of_cards_or_ledgers(raw: pd.DataFrame) -> bool:
    """Whether a column of ``raw`` is named as a card batch's or a ledger's (``_CARD_OR_LEDGER_WORDS``), where Debit
    and Credit name a card, or a side whose sign depends on the account, not money out of a statement's."""
    weak = [col for col in raw.columns if _name_words(col) & _WEAK_LEDGER_WORDS]  # two at least: a statement may
    if "gl" in (said := set().union(*(_name_words(col) & _WEAK_LEDGER_WORDS for col in weak))) \
            and said <= _PURCHASE_WORDS:  # (not an AP ledger's 'Vendor ID' and 'Vendor Name')
        weak = []
    return (any(_name_words(col) & _CARD_OR_LEDGER_WORDS or _name_text(col) in _CARD_OR_LEDGER_NAMES
                or _name_text(col).startswith(("gl account ", "gl acct ")) for col in raw.columns) or len(weak) >= 2) \
        and not any(_name_words(col) & _BALANCE_NAMES for col in raw.columns)  # have its 'Auth Code' or 'Document
    # Number' (and its running balance)


def row_context_columns(raw: pd.DataFrame, target: object) -> list[object]:
    """The columns of ``raw`` that change what a row's ``target`` counts (its sign's, ``_sign_column``; its status',
    ``_status_column``; its currency's, a column named as one: Binance's 'Coin', BTC and USDT fees added in one
    series): kept with each series of a long file, whose rows are otherwise its time, target and regressors only."""
    currency = next((col for col in raw.columns if col != target and _name_text(col) in _CURRENCY_NAMES), None)
    return [col for col in (_sign_column(raw, target), _status_column(raw, target), currency) if col is not None]


_STATUS_NAMES = frozenset({"state", "status", "transaction status", "payment status", "financial status",
                           "transaction state", "stage", "invoice status"})
# ... then another '... Status' (Lawson's 'Line Status', a PBM's 'Claim Status'), then Epic's 'Action' (Dispensed,
# Returned, Canceled): these mark only rows undone (not a sync's 'Error', nor a batch QC 'Rejected', still made)
# ... but not a column of the status of something else: a sync's or an export's ('Sync Status' Error: the invoice
# stands), a quality check's ('QC Status' Rejected: the batch was still made)
_OTHER_STATUS_WORDS = frozenset({"sync", "synced", "export", "exported", "upload", "integration", "qc", "qa",
                                 "quality", "inspection"})
# ... and of a step after the sale, whose failing leaves the sale standing (a refund that failed, a return rejected, a
# delivery attempt failed, a cancellation declined), where the target is not that step's own ('Refund Amount' beside
# 'Refund Status' Failed: no refund paid); its other words stand (a 'Cancellation Status' Cancelled: no booking)
_STEP_WORDS = frozenset({"refund", "return", "cancellation", "delivery", "shipment", "shipping", "dispute",
                         "chargeback"})
_STEP_FAILED_WORDS = frozenset({"failed", "declined", "rejected", "denied", "error", "reverted"})
# A cancellation in the languages the product reads (Lightspeed NL's 'Status' Geannuleerd, a German 'Storniert')
_CANCELLED_ABROAD = frozenset({"storniert", "abgebrochen", "annulé", "annulée", "cancelado", "cancelada", "anulado",
                               "anulada", "annullato", "annullata", "geannuleerd"})
_FAILED_WORDS = frozenset({"reverted", "declined", "failed", "cancelled", "canceled", "voided", "void", "rejected",
                           "denied", "closed lost", "draft", "error"}) | _CANCELLED_ABROAD  # (PayPal's, Salesforce's,
# Xero's; not stock 'Lost', what a shrink report counts)


_VOID_FLAG_NAMES = frozenset({"voided", "void", "is voided", "is void", "cancelled", "canceled", "is cancelled",
                              "is canceled", "refunded", "is refunded"})
_TRUE_CELLS = frozenset({"true", "yes", "y"})
_FLAG_CELLS = _TRUE_CELLS | {"false", "no", "n", ""}
_MARK_CELLS = frozenset({"1", "x"})  # true too in a 'Voided' or 'Refunded' column (1/0, X or blank), not in a
# 'Cancelled' one, which may count cancellations (a B&B's 0 or 1 a night)


def _flagged_void_as_zero(raw: pd.DataFrame, target: str, values: pd.Series, report: DataReport) -> pd.Series:
    """``values`` 0 on the rows a yes-or-no column named voided, cancelled or refunded (``_VOID_FLAG_NAMES``) marks
    true, said: a voided label's cost was refunded and it was never shipped (ShipStation's 'Voided' True). As they
    are where no such column marks a row, or it marks every row."""
    flags = [col for col in raw.columns if col != target and _name_text(col) in _VOID_FLAG_NAMES]
    if len(flags) != 1:
        return values
    cells = raw[flags[0]].reindex(values.index).astype("string").str.strip().str.lower().fillna("")
    counts = bool(_name_words(flags[0]) & {"cancelled", "canceled"})  # (0 or 1 may count cancellations)
    true, false = (_TRUE_CELLS, _FLAG_CELLS) if counts else (_TRUE_CELLS | _MARK_CELLS, _FLAG_CELLS | {"0"})
    marked = cells.isin(true).to_numpy()
    if not cells.isin(true | false).all() \
            or "refunded" in _name_words(flags[0]) and _refunds_of_their_own(values, marked):
        return values  # (refunds written as rows of their own, below zero: the sale nets against them)
    return _counted_as_zero(values, marked, (target, flags[0], "true"), False, report)


def _refunds_of_their_own(values: pd.Series, marked: np.ndarray) -> bool:
    """Whether most ``marked`` sales have a row of their own below zero that pays back as much (a store's refund
    rows, -38.50 after its 38.50 marked 'Refunded'); not a coupon's or a loss's negative rows."""
    sales = np.round(values.to_numpy(dtype=float)[marked], 2)
    paid_back = set(np.round(-values[values < 0].to_numpy(dtype=float), 2))
    return len(sales) > 0 and float(np.mean([sale in paid_back for sale in sales])) >= 0.5


# A money movement's kind (Stripe's balance 'Type', Amazon's date-range report 'type', PayPal's 'Type') and the kinds
# that move a balance to the seller's bank: no sale nor cost (Stripe's payout, PayPal's 'General Withdrawal', and
# Amazon's 'Transfer' where the same column writes its orders: a bank statement's transfer is a movement of its own)
_MOVEMENT_NAMES = frozenset({"type", "transaction type", "reporting category"})
_PAYOUT_WORDS = frozenset({"payout", "payouts", "payout_failure", "payout_cancel", "payout_reversal",
                           "general withdrawal"})
_SALE_KINDS = frozenset({"order", "sale"})  # (not a bank's 'Payment' beside its 'Transfer', nor Stripe's 'charge'
# beside a Connect 'transfer' to another account)


def _payouts_as_zero(raw: pd.DataFrame, target: str, values: pd.Series, report: DataReport) -> pd.Series:
    """``values`` 0 on the rows of an amount that a movement's kind (``_MOVEMENT_NAMES``) marks a payout to the bank
    (``_PAYOUT_WORDS``; 'Transfer' beside a sale's kind, ``_SALE_KINDS``), said: Amazon's payouts were summed into
    'total' as each fortnight's big negative. As they are where no such column marks a row."""
    kinds = [col for col in raw.columns if col != target and _name_text(col) in _MOVEMENT_NAMES]
    if len(kinds) != 1:  # (the kinds say the target is money: Amazon's bare 'total')
        return values
    written = raw[kinds[0]].reindex(values.index).astype("string").str.strip()
    lower = written.str.lower()
    words = _PAYOUT_WORDS | ({"transfer"} if lower.isin(_SALE_KINDS).any() else frozenset())
    marked = lower.isin(words).fillna(False).to_numpy(dtype=bool) & (values.notna() & (values != 0)).to_numpy()
    if not marked.any() or marked.sum() == values.notna().sum():
        return values
    rows, shown = int(marked.sum()), ", ".join(sorted(set(written[marked])))
    report.notices.append(Notice(
        f"{count(rows, 'row')} of '{target}' that '{kinds[0]}' marks {shown} {_were(rows)} counted as 0: a payout to "
        "the bank is no sale nor cost.", "notice.payout_rows",
        {"rows": rows, "column": target, "flag": str(kinds[0]), "words": shown}))
    return values.mask(marked, 0.0)


def _failed_as_zero(raw: pd.DataFrame, target: str, values: pd.Series, report: DataReport,
                    zeroed: frozenset[str]) -> pd.Series:
    """``values`` 0 on the rows a status column marks ``zeroed`` (``_zeroed_words``: not carried out; Revolut's 'State'
    REVERTED or DECLINED: a reverted rent was counted twice in its month), said: no money moved, nothing was handed
    out. As they are where no column so named marks a row, or it marks every row so."""
    flag = _status_column(raw, target)
    if flag is None:
        return values
    written = raw[flag].reindex(values.index).astype("string").str.strip()
    if (values < 0).any():  # a refund of its own row: not marked on its sale too (itch.io's 'refunded')
        zeroed = zeroed - _REFUNDED_WORDS
    failed = _marked_failed(written, _status_words(flag, target, zeroed)).to_numpy(dtype=bool)
    return _counted_as_zero(values, failed, (target, flag, written), _amount_named(raw, target), report)


def _counted_as_zero(values: pd.Series, marked: np.ndarray, said_by: tuple[str, object, pd.Series | str],
                     paid: bool, report: DataReport) -> pd.Series:
    """``values`` 0 on the rows ``marked`` that hold a number but 0, said: ``said_by`` is the target, the column that
    marks them and its words (or its cells, whose words on those rows are named); ``paid``: an amount, whose rows
    were not paid or paid back, else not carried out. As they are where none is marked, or every one."""
    marked = marked & values.notna().to_numpy() & (values != 0).to_numpy()
    if not marked.any() or marked.sum() == values.notna().sum():
        return values
    target, flag, cells = said_by
    rows, words = int(marked.sum()), cells if isinstance(cells, str) else ", ".join(sorted(set(cells[marked])))
    params = {"rows": rows, "column": target, "flag": str(flag), "words": words}
    said = f"{count(rows, 'row')} of '{target}' that '{flag}' marks {words} {_were(rows)} counted as 0: "
    report.notices.append(Notice(f"{said}nothing was paid on them, or it was paid back.", "notice.failed_rows", params)
                          if paid else Notice(f"{said}not carried out.", "notice.cancelled_rows", params))
    return values.mask(marked, 0.0)


# Words of a status that a quantity counts as none (Epic's 'Canceled' dispense, Lawson's 'Cancelled' line; not a
# failed build's minutes nor an error's, still spent)
_NOT_DONE_WORDS = frozenset({"cancelled", "canceled", "voided", "void", "reversed", "denied", "declined",
                             "rejected"}) | _CANCELLED_ABROAD
# A reservation's guests (Resy's 'Party Size', OpenTable's 'Covers'), whose no-shows, like its cancellations, served
# no one (an amount's no-show keeps its fee)
_GUESTS_NAMES = frozenset({"party size", "party", "covers", "cover count", "guests", "guest count", "pax",
                           "number of guests", "no of guests"})
_NO_SHOW_WORDS = frozenset({"no show", "no-show", "noshow", "no_show"})


def _zeroed_words(raw: pd.DataFrame, target: str) -> frozenset[str]:
    """The status words whose rows a summed ``target`` counts as 0: an amount's failed and refunded ones, a
    quantity's cancelled ones (``_NOT_DONE_WORDS``), a reservation's guests' cancelled and no-show ones; none for any
    other target."""
    if _amount_named(raw, target):
        return _FAILED_WORDS | _REFUNDED_WORDS
    if _name_text(target) in _GUESTS_NAMES:
        return _NOT_DONE_WORDS | _NO_SHOW_WORDS
    return _NOT_DONE_WORDS if _name_words(target) & _QUANTITY_WORDS else frozenset()


_AMOUNT_WORDS = frozenset({"amount", "amt", "sales", "revenue", "paid", "payment", "betrag", "bedrag", "montant", "importe", "importo", "valor", "proceeds",
                           "earnings", "payout"})  # (not a cost: a failed CI job is still billed)


def _amount_named(raw: pd.DataFrame, target: str) -> bool:
    """Whether ``target`` is money: named so (``_AMOUNT_WORDS``, a currency: Etherscan's 'Value_IN(ETH)') or written
    with a currency."""
    if _name_words(target) & (_COST_WORDS | _CHARGED_WORDS):
        return bool(_name_words(target) & _AMOUNT_WORDS)  # (a CI job's 'Cost (USD)', gas paid, charges billed)
    return bool(_name_words(target) & _AMOUNT_WORDS) or target in raw and _written_as_money(raw[target]) \
        or bool(_MONEY_NAME.search(str(target))) \
        or bool(_name_words(target) & {"total", "gross", "net", "value"}) and any(  # FreshBooks' 'Total', Etsy's
            _name_words(col) & _CURRENCY_WORDS for col in raw.columns)  # 'Order Value' beside 'Currency'


_REFUNDED_WORDS = frozenset({"refunded", "fully refunded", "reversed", "chargeback", "charged back"})


def _status_words(col: object, target: str, words: frozenset[str]) -> frozenset[str]:
    """The ``words`` by which status column ``col`` marks rows of ``target`` not carried out: less those of a step
    failing (``_STEP_FAILED_WORDS``) where ``col`` is the status of a step after the sale (``_STEP_WORDS``) that
    ``target`` is not."""
    def steps(name: object) -> set[str]:
        return {word.removesuffix("s") for word in _name_words(name)} & _STEP_WORDS  # ('Returns Status')
    own = steps(col)
    return words - _STEP_FAILED_WORDS if own and not own & steps(target) else words


def _named_a_status(col: object) -> bool:
    """Whether ``col`` is named a row's status outright (``_STATUS_NAMES``)."""
    return _name_text(col) in _STATUS_NAMES


def _another_status(col: object) -> bool:
    """Whether ``col`` is another '... Status' (Lawson's 'Line Status', a PBM's 'Claim Status'), not of something else
    (``_OTHER_STATUS_WORDS``)."""
    return _last_word(col) == "status" and not _named_a_status(col) and not _name_words(col) & _OTHER_STATUS_WORDS


def _an_action(col: object) -> bool:
    """Whether ``col`` is an 'Action' (Epic's dispense log)."""
    return _name_text(col) == "action"


# Status columns in the order they are looked for: one named a status outright, then another '... Status', then an
# 'Action'
_STATUS_TIERS = (_named_a_status, _another_status, _an_action)


def _status_column(raw: pd.DataFrame, target: str) -> object | None:
    """The one column of ``raw`` found by ``_STATUS_TIERS`` that marks a row not carried out, or None (a US 'State'
    of each order is none)."""
    words = _FAILED_WORDS | _REFUNDED_WORDS | _NO_SHOW_WORDS  # (Resy's 'Status' of No Shows alone some weeks)
    for named in _STATUS_TIERS:
        flags = [col for col in raw.columns if col != target and named(col)]  # (a US 'State' marks none: on to
        marking = [col for col in flags  # the next)
                   if _marked_failed(raw[col].dropna().astype("string"), _status_words(col, target, words)).any()]
        if marking:
            return marking[0] if len(marking) == 1 else None
    return None


# A sales pipeline's stages (Tripleseat's events: Prospect, Tentative, Definite, Closed, Lost): there a bare 'Lost' is
# a lead that never happened, as Salesforce's 'Closed Lost' (not a shrink report's stock 'Lost', Damaged, Found)
_PIPELINE_STAGES = frozenset({"prospect", "tentative", "definite", "qualified", "proposal", "negotiation", "won",
                              "closed won", "lead", "inquiry"})


def _marked_failed(written: pd.Series, words: frozenset[str] = _FAILED_WORDS) -> pd.Series:
    """Which cells of a status column write one of ``words`` (not carried out: ``_FAILED_WORDS``; Etherscan's
    'Error(0)' too; paid back: ``_REFUNDED_WORDS``); a bare 'Lost' too where ``words`` hold 'closed lost' and the
    column writes a pipeline's stages (``_PIPELINE_STAGES``)."""
    written = written.str.strip().str.lower().str.replace(r"\s*\(.*\)$", "", regex=True)
    if "closed lost" in words and written.isin(_PIPELINE_STAGES).any():
        words = words | {"lost"}
    return written.isin(words).fillna(False).astype(bool)


def _still_to_come(target: str, numeric: list[str], regressors: tuple[str, ...], numbers: dict[str, pd.Series],
                   ds: pd.Series | None) -> Notice | None:
    """Said when a measure other than the detected ``target`` is blank in the file's last rows where the target is
    filled: the layout of a file that gives its regressors' future values, with the target the other way round
    (``price`` given ahead, ``footfall`` to come: price was taken, and the future rows were then said to be missing).
    A covariate that ends early looks the same (``kwh`` and a ``temp`` not yet read), so it is said, not chosen."""
    side = _money_side(target, numeric, numbers)
    others = [col for col in numeric if col not in (target, *regressors, side)
              and numbers[col].notna().sum() >= MIN_ROWS
              and not _is_code(numbers[col]) and not _counts_rows(col, numbers[col])
              and not _writes_days(col, numbers[col])]
    waiting = [col for col in others if _awaits_future(col, [col, target], numbers, ds)]
    if not waiting:
        return None
    column = waiting[0]
    return Notice(f"'{column}' is blank in the file's last rows, where the target '{target}' is filled, as a file that "
                  f"gives its regressors' future values is laid out: if '{column}' is the series to forecast, choose it "
                  f"as the target and '{target}' as a regressor.", "notice.target_still_to_come",
                  {"column": column, "target": target})


def filled(values: pd.Series) -> pd.Series:
    """Which cells hold something: not missing, and not blank text."""
    text = values.astype("string").str.strip()
    return text.notna() & (text != "")


# Target words of camel case names ('PrimaryValue', 'UnitsSold', 'SalesAmount', 'OrderQuantity'), but a price,
# demand or load (Azure's 'unitPrice', AWS's 'publicOnDemandCost' went before their costs), nor with a time or a key
_TARGET_WORD_SET = frozenset(_TARGET_WORDS)
_COST_WORDS = frozenset({"cost", "costs", "spend", "price", "fee", "fees", "charge", "hours"})


def _weak_word_wins(col: str, named: list[str], measures: list[str], numbers: dict[str, pd.Series] | None) -> bool:
    """Whether a column named by a weak target word only (``_WEAK_TARGET_WORDS``) goes before the measures without a
    target word ahead of it: where those are whole counts (a herd's animals and milkings before its 'Milk yield (kg)')
    and it is not (a fund's NAV before its '30-Day SEC Yield', a clinic's patients before its 'Phone Calls'), and it
    names no cost or hours ('Production Cost', 'Production Hours')."""
    if numbers is None or col not in measures or _name_words(col) & _COST_WORDS:
        return False
    ahead = [other for other in measures[:measures.index(col)] if other not in named]
    whole = [not (numbers[other].dropna() % 1).any() for other in ahead]
    return all(whole) and bool((numbers[col].dropna() % 1).any())
_WEAK_WORD_SET = frozenset(_WEAK_TARGET_WORDS)
_STRONG_TARGET_WORDS = _TARGET_WORD_SET - _WEAK_WORD_SET
_CAMEL_TARGET_WORDS = _TARGET_WORD_SET - {"price", "demand", "load"}
_CAMEL_NO_TARGET = frozenset({"date", "time", "day", "month", "year", "key", "id"})


_OIL_CONDITIONS = frozenset({"pressure", "press", "temp", "temperature", "level", "life", "filter", "psi", "change"})


def _sounds_like_target(col: object) -> bool:
    """Whether a column's name has a target word (``_TARGET_WORDS``), its camel case's words too
    (``_CAMEL_TARGET_WORDS``: Comtrade's 'PrimaryValue', whose month number 'RefMonth' was forecast before it)."""
    words = _name_words(col)
    if words & _TARGET_WORD_SET:
        return not (words & _TARGET_WORD_SET == {"oil"} and words & _OIL_CONDITIONS  # (an engine's 'Oil Pressure')
                    or words & _TARGET_WORD_SET == {"gross"} and words & _WEIGHT_WORDS)  # (a weighbridge's 'Gross kg')
    camel = {word.lower() for word in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", str(col))}
    return not camel & _CAMEL_NO_TARGET and bool(camel & _CAMEL_TARGET_WORDS)  # not 'ValueDate', 'CustomerKey'


_WEIGHT_WORDS = frozenset({"kg", "kgs", "lb", "lbs", "t", "ton", "tons", "tonnes", "weight", "wt", "tare", "tonnage"})
_IDENTIFIER_WORDS = frozenset({"id", "ids", "identifier", "uuid", "objectid", "fid", "oid", "rowid",
                               "ansi", "fips", "record", "recnbr"})  # NASS's 'State ANSI', 'County ANSI' (forecast
# where Value was '(D)'); a Campbell logger's 'RECORD', restarted
# ... and ids written as one word with what they identify (Divvy's 'bikeid', 'from_station_id')
_THING_IDS = frozenset(f"{thing}id" for thing in ("bike", "trip", "station", "user", "customer", "store", "item",
                                                  "product", "order", "device", "sensor", "site", "route", "stop",
                                                  "vehicle", "member"))


def _identifier_named(col: object) -> bool:
    """Whether a column's name says it identifies things (``_IDENTIFIER_WORDS``, 'bikeid'): a trip log's station ids
    written 6140.05 were forecast (their sum per day), no measure."""
    return bool(_name_words(col) & (_IDENTIFIER_WORDS | _THING_IDS))


# Last words of names that number rows or things ('Reservation number', 'Confirmation No', 'Booking Ref')
_ROW_NUMBER_WORDS = frozenset({"number", "no", "nr", "num", "nbr", "ref", "reference", "key",
                               "code"}) | _IDENTIFIER_WORDS
# ... and in other languages, where a first column so named rises by one: no epoch (an NF-e's 'Número' 1001 to 2037
# was read as the years 1001 to 2037); a Portuguese table's 'Número' beside 'Taxa' counts, and stays a measure.
_NUMBERED_WORDS = _ROW_NUMBER_WORDS | {"número", "numero", "numéro", "nummer", "nro", "nº", "n°", "numer", "番号", "번호"}
_LEAST_LABEL = 10_000  # the least of a column of numbers named so that labels rows, each a different one
_LABEL_BLOCK = 10  # ... or in any order, a block of at most this many numbers a row (confirmation numbers by arrival)
_LONG_LABEL = 10**10  # ... or every one too long to count anything (a shipment's random 12-digit 'Tracking Number')


_HANDED_OUT = 2  # numbers a row, at most, of a column named '... #' whose numbers were handed out one by one
_NUMBERED_THINGS = frozenset({"employee", "emp", "staff", "badge", "file", "invoice", "order", "ticket", "account",
                              "record", "case", "claim", "po", "check", "cheque", "receipt"})  # one of them, numbered
_IN_TURN = 0.9  # of the steps from row to row, up (or down) for numbers given in turn (``_given_in_turn``)


def _given_in_turn(numbers: np.ndarray) -> bool:
    """Whether numbers run up (or down) from row to row nearly always (``_IN_TURN``), as numbers handed out in turn do
    (confirmation numbers); a day's count of passengers or orders, over 10,000 and different every day, goes up and
    down."""
    steps = np.diff(numbers)
    return bool(len(steps)) and max(float((steps > 0).mean()), float((steps < 0).mean())) >= _IN_TURN


def _identifies_rows(col: object, values: pd.Series) -> bool:
    """An identifier (``id``, ``ticket_id``: a different whole number on each row), or a running number
    (``_counts_rows``), or a number (``_ROW_NUMBER_WORDS`` last) of at least ``_LEAST_LABEL`` different on every row
    and given in turn or in a block (an Opera reservations list's 'Confirmation Number', 512345673 up by 1 to 3, was
    averaged per arrival day; not a Chinese export's 'Passenger Number', a daily count of 155,000 or of 15 million): no
    value to forecast, whatever its sum or mean per day; so is such a number of 11 digits or more in any order (a
    shipment's 'Tracking Number'). ('Patient Number' counts of a clinic repeat.)"""
    numbers = values.dropna().to_numpy(dtype=float)
    if len(numbers) < MIN_ROWS or not np.isfinite(numbers).all() or not (numbers == np.round(numbers)).all():
        return _counts_rows(col, values)
    labels = _last_word(col) in _ROW_NUMBER_WORDS and numbers.min() >= _LEAST_LABEL and (
        _given_in_turn(numbers) or np.ptp(numbers) <= _LABEL_BLOCK * len(numbers) or numbers.min() >= _LONG_LABEL) \
        or str(col).strip().endswith("#") and bool(_name_words(col) & _NUMBERED_THINGS) \
        and np.ptp(numbers) <= _HANDED_OUT * len(numbers)  # a roster's 'Employee #' (not 'Members #', a count)
    return _counts_rows(col, values) or (
        bool(_name_words(col) & _IDENTIFIER_WORDS or _last_word(col) == "key" or labels)  # 'Unique Key', 'unique_key'
        and len(np.unique(numbers)) == len(numbers))


def _numbers_things(col: object, values: pd.Series) -> bool:
    """A column of whole numbers named as numbering things (``_THING_NUMBER_WORDS`` last: BTS's ``OP_CARRIER_FL_NUM``,
    a flight's number, was the target), its name without a measure's word. Not 'number', 'no' or 'nr' after a thing:
    'Flight Number' numbers flights, but 'Patient Number' and 'Ticket Number' count them, and no test on the values
    told them apart (a weekday clinic's counts jump about as labels do)."""
    words = _word_list(col)
    numbers = values.dropna()
    address = len(words) > 1 and words[-2] in _ADDRESS_WORDS and words[-1] in _NUMBER_WORDS
    return (bool(words) and (words[-1] in _THING_NUMBER_WORDS or address) and not _sounds_like_target(col)
            and bool(len(numbers)) and bool((numbers % 1 == 0).all())
            and (words[-1] != "bbl" or _lot_numbers(numbers)))  # NYC's lots, not a well's 'Oil (BBL)'


_LEAST_BBL = 1_000_000_000  # NYC's borough, block and lot: ten digits, the borough's first


def _lot_numbers(numbers: pd.Series) -> bool:
    """Whether nearly all of ``numbers`` but its zeros (NYC's unknown lot) have ten digits or more."""
    known = numbers[numbers != 0]
    return bool(len(known)) and bool((known >= _LEAST_BBL).mean() >= PARSE_SHARE)


def _clock_times(col: object, values: pd.Series) -> bool:
    """A column named as a time holding times of day written hhmm (BTS's ``CRS_DEP_TIME``, 1322 for 13:22, was the
    target): whole numbers up to 2400, none with 60 minutes or more, at least ``_CLOCK_TIMES_SEEN`` of them and some
    past 1:00 (a duration in whole seconds rarely keeps every last two digits below 60)."""
    numbers = values.dropna()
    return (bool(_name_words(col) & {"time", "hhmm"}) and len(numbers) >= _CLOCK_TIMES_SEEN
            and bool(((numbers % 1 == 0) & numbers.between(0, 2400) & (numbers % 100 < 60)).all())
            and bool((numbers >= 100).any()))


_CLOCK_TIMES_SEEN = 20


def _numbers_groups(col: object, values: pd.Series) -> bool:
    """A column named as numbering groups of rows (``_GROUP_WORDS``: an SPC worksheet's 'Subgroup', a CMM report's
    'Run', each number on several rows) whose whole numbers never fall and rise by one at most: it was the target,
    forecast exactly, with the measurement offered as a regressor."""
    numbers = values.dropna().to_numpy(dtype=float)
    steps = np.diff(numbers)
    return (bool(_name_words(col) & _GROUP_WORDS) and len(numbers) >= MIN_ROWS and bool(np.all(numbers % 1 == 0))
            and bool(np.all((steps >= 0) & (steps <= 1))) and bool((steps == 0).any()))


def _codes_a_place(col: object, values: pd.Series) -> bool:
    """Whole numbers named as a place's code (``_PLACE_CODE_WORDS``: NYC 311's 'Incident Zip', an EMS export's 'Station
    Area', Chicago's 'Ward' and 'Beat'), the name without a measure's word: no series, whatever their mean per day."""
    words = _word_list(col)
    numbers = values.dropna()
    coded = bool(words) and (words[-1] in _PLACE_CODE_WORDS or (  # 'Station Area', Chicago's 'Community Area'
        len(words) >= 2 and words[-1] == "area" and words[-2] in _PLACE_CODE_WORDS | _AREA_KINDS))
    return (coded and not _sounds_like_target(col) and bool(len(numbers))
            and bool((numbers % 1 == 0).all()))  # the code's word last: 'Station Entries' and 'Ward A' are measures


_AREA_KINDS = frozenset({"community", "service", "police"})
_EPOCH_DATE_WORDS = frozenset({"date", "time", "timestamp", "datetime", "reported", "closed", "created", "updated",
                                "opened", "ts", "epoch", "unix"})  # an ArcGIS export's DATE_CLOSED in epoch ms


_PLACE_CODE_WORDS = frozenset({"zip", "zipcode", "postcode", "postal", "plz", "fips", "ward", "beat", "district",
                               "precinct", "tract", "lsoa", "borough", "battalion", "station", "county", "state"})
_GROUP_WORDS = frozenset({"subgroup", "run", "sample", "batch", "lot", "cycle", "iteration", "trial", "seq",
                          "sequence", "group"})
_THING_NUMBER_WORDS = frozenset({"num", "nbr", "id", "code",
                                 # places by number: NYC 311's 'BBL' (borough, block and lot) and 'Incident Zip'
                                 "bbl", "apn", "zip", "zipcode", "postcode"})
_ADDRESS_WORDS = frozenset({"street", "house", "building", "apartment", "suite"})  # Chicago's 'STREET_NUMBER'


def _names_a_stamp(col: object) -> bool:
    """Whether a name says it holds time stamps: a word of ``_EPOCH_DATE_WORDS``, or a name ending in 'date' or 'time'
    (ArcGIS's 'EditDate', 'CreationDate'); not 'Midyear Population' or 'Monthly Active Users'."""
    return bool(_name_words(col) & _EPOCH_DATE_WORDS) or bool(re.search(r"(?:date|time)$", str(col).strip().lower()))


_IN_BRACKETS = re.compile(r"\([^)]*\)|\[[^]]*\]")  # a unit in a name ('Talk Time (s)', 'Flow [cfs]')


def without_units(col: object) -> str:
    """A column's name with what it writes in brackets, its unit, left out ('Talk Time (s)': 'Talk Time  ')."""
    return _IN_BRACKETS.sub(" ", str(col))


def _word_list(col: object) -> list[str]:
    """The words of a column's name in order, lower case, split at anything not a letter or digit."""
    return [word for word in re.split(r"[\W_]+", str(col).strip().lower()) if word]


def _name_text(col: object) -> str:
    """A column's name as its words, lower case, one space apart ('Net (kg)' -> 'net kg')."""
    return " ".join(_word_list(col))


def _last_word(col: object) -> str:
    """The last word of a column's name, lower case ('' for none)."""
    words = _word_list(col)
    return words[-1] if words else ""


def _identifier_notice(col: str) -> Notice:
    """Said where the target is an identifier (detection took it, no other number being there to take, or a page's
    picker kept it: a ticket log's ids were summed per day, 288,918 on its first, unsaid): how to count the rows
    instead."""
    return Notice(f"The target '{col}' numbers the rows (a different whole number on each), so its values are no "
                  "series to forecast: to forecast how many rows each day holds (tickets, orders), choose count "
                  "under Repeated time stamps and Combine the rows per day (--duplicates count --per day).",
                  "notice.target_identifies_rows", {"column": col})


_BARE_COLUMN = re.compile(r"column \d+")  # a file without a header: its columns numbered (a serial id, a RECORD)


def _counts_rows(col: object, values: pd.Series) -> bool:
    """A running number (``invoice_number``, ``ticket no``: 5001, 5002, ...): a name with a word of
    ``_RUNNING_NUMBER_WORDS`` (or no name: a headerless database export's serial id) and whole numbers up by one
    every row that holds one (or down by one, newest first; eBay's orders report ends in a line of notes). (A measure
    that happens to rise by one, as made-up data does, keeps its place.)"""
    numbers = values.dropna().to_numpy(dtype=float)
    named = bool(_name_words(col) & _RUNNING_NUMBER_WORDS) or bool(_BARE_COLUMN.fullmatch(str(col))) \
        or str(col).strip().endswith("#")
    if not named or len(numbers) < 3 or not np.isfinite(numbers).all():
        return False
    with np.errstate(over="ignore"):  # steps between values near the float limit (refused later, with a message)
        steps = np.diff(numbers)
        return bool((steps == 1).all() or (steps == -1).all())  # or down by one: eBay's records, newest first


_EVENT_CHANGES = 0.2  # of the rows at least whose value differs from the row before, for counts of events


def _counts_events(col: object, values: pd.Series) -> bool:
    """A column named as a measure whose few whole values count events: zeros among them, or changing from row to
    row (Poisson sales of 0-8 or 3-18 a day: 'sell_price' was the target); a count of stores (10 to 13, changing
    three times a year) stays a code."""
    changes = values.dropna().diff().iloc[1:].ne(0).mean() if values.notna().sum() > 1 else 0.0
    return _names_a_measure(col) and (bool((values == 0).any()) or changes >= _EVENT_CHANGES)


def clock_times(col: object, values: pd.Series) -> bool:
    """``_clock_times`` of a column as written (text or numbers), for the series' ids (``panel.split``): FedEx's 'POD
    Delivery Time' 1023 told 1,266 series apart."""
    return _clock_times(col, pd.to_numeric(values, errors="coerce"))


def names_a_measure(col: object) -> bool:
    """``_names_a_measure``, for the series' ids (``panel.split``): 'Amount' is no id, 'Extension' may be one."""
    return _names_a_measure(col)


def _names_a_measure(col: object) -> bool:
    """A name with a measure's word (``_TARGET_WORDS``: sales, amount) and none of a category's (``sales_region``,
    ``Price tier``): its few whole values are counts or prices (Poisson sales of 0-8 a day; Stripe's four prices)."""
    return _sounds_like_target(col) and not _name_words(col) & _CATEGORY_WORDS


_CATEGORY_WORDS = frozenset({"region", "id", "code", "type", "category", "class", "group", "tier", "level", "rank",
                             "zone", "segment", "flag", "status", "kind", "grade"})  # (not store: 'store_sales')


def _is_code(values: pd.Series, measure_named: bool = False) -> bool:
    """A flag or a category code rather than a measurement: see ``_pick_target``. A column named as a measure
    (``measure_named``: Stripe's 'Amount' of four whole prices, whose 'Fee' was the target) is a code only as a
    flag of two values (``_names_a_measure``)."""
    present = values.dropna().to_numpy(dtype=float)
    if len(np.unique(present[:1000])) > _FEW_CODES:  # a measurement shows many values early: no full sort
        return False
    distinct = len(np.unique(present))
    if distinct <= 2 or measure_named:
        return distinct <= 2
    return bool(np.all(present == np.round(present)) and distinct <= _FEW_CODES and distinct * 10 <= len(present))


def _not_numbers(values: pd.Series, col: str, decimal_comma: bool) -> DataError:
    """The error for a target named by the user that is not numeric: its share of cells that are not numbers (read
    with the file's ``decimal_comma``), with examples (NOAA's ``M`` and ``T`` among readings), and what to do."""
    text = values.astype("string").str.strip()
    filled = text[text.notna() & (text != "")]
    cleaned = _clean_number_text(filled, decimal_comma)  # missing-value markers (".", "#N/A", "n.a.") are NA
    words = filled[(cleaned.notna() & pd.to_numeric(cleaned, errors="coerce").isna()).to_numpy()]
    filled = filled[cleaned.notna().to_numpy()]  # the share is of the cells that are no marker
    markers = text[text.notna() & (text != "")]
    if words.empty and len(markers) and filled.empty:  # NASS's '(D)', withheld, in every cell
        examples = _quoted_cells(markers)
        return DataError(f"Column '{col}' holds no number: every cell marks a missing or withheld value ({examples}). "
                         "Choose another series or a file where its values are given.", "err.target_only_markers",
                         {"column": col, "examples": examples})
    if words.empty:
        return DataError(f"Column '{col}' is not numeric: choose a numeric target column.",
                         "err.target_not_numeric_plain", {"column": col})
    share = f"{len(words) / max(len(filled), 1):.0%}"
    examples = _quoted_cells(words)
    if words.str.fullmatch(_DURATION).mean() >= PARSE_SHARE:  # a handling time, as contact-centre tools write it
        return DataError(f"Column '{col}' holds durations ({examples}), not numbers: write them as seconds or minutes "
                         "(0:04:30 as 270), or choose another target.", "err.target_durations",
                         {"column": col, "examples": examples})
    return DataError(f"Column '{col}' is not numeric: {share} of its cells are not numbers ({examples}). Write missing "
                     "values as blank cells (at most 5% of the cells may be anything else), or choose another target.",
                     "err.target_not_numeric", {"column": col, "share": share, "examples": examples})


_DURATION = re.compile(r"\d{1,3}:\d{2}(?::\d{2}(?:\.\d+)?)?|P(?:\d+D)?T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?"
                       r"|(?:\d+\s*d\s*)?(?:\d+\s*h(?:rs?)?\s*)?(?:\d+\s*m(?:in)?\s*)?(?:\d+\s*s)?",  # a stay's '2h 35m'
                       re.IGNORECASE)


def _check_letter_codes(values: pd.Series, parsed: pd.Series, col: str) -> None:
    """Refuse a regressor whose cells that are no number are two or more different letters and whose numbers are one
    value (Rossmann's StateHoliday: '0', 'a', 'b', 'c'): codes of kinds, which read as missing (a statistics office's
    'x') were filled with the 0s around them, and the regressor left out as constant, said as "blank cells". Letters
    among numbers that vary are flags of their own (NOAA's 'T' for a trace of rain, 'M' missing): read as missing."""
    if pd.api.types.is_numeric_dtype(values) or parsed.nunique() > 1:
        return
    text = values.astype("string").str.strip()
    letters = text[(parsed.isna() & text.str.fullmatch(r"[^\W\d_]").fillna(False)).to_numpy(dtype=bool)]
    if letters.nunique() < 2:
        return
    codes = _quoted_cells(pd.Series(sorted(letters.unique())))
    raise DataError(f"Regressor '{col}' holds letters among its numbers ({codes}): codes of kinds, not numbers. Write "
                    "them as numbers in the file (1 where a code applies, 0 where not), or leave the regressor out.",
                    "err.regressor_letter_codes", {"column": col, "codes": codes})


def _unsaved_formulas_error(col: str) -> DataError:
    """A target with no values because the sheet's formulas were never computed: saving the workbook gives them."""
    return DataError(f"Target column '{col}' has no values: {_UNSAVED_FORMULAS[0].lower()}{_UNSAVED_FORMULAS[1:]}",
                     "err.target_unsaved_formulas", {"column": col})


def _why_no_numbers(raw: pd.DataFrame) -> DataError:
    """Name the column that looked like the values and say what is wrong with it, quoting its first cell that
    reads as a number neither with a decimal point nor with a decimal comma."""
    decimal_comma = bool(raw.attrs.get("decimal_comma", False))
    sheet, others = str(raw.attrs.get("sheet_read", "")), [str(name) for name in raw.attrs.get("sheets", ())]
    if len(others) > 1 and not raw.attrs.get("unsaved_formulas") and not any(  # a cover or notes sheet picked:
            parse_numbers(raw[col], decimal_comma, head_decides=False) is not None  # neither numbers nor dates (a
            or parse_dates(raw[col].iloc[:200]) is not None for col in raw.columns):  # data sheet of text values has)
        names = quoted_names([name for name in others if name != sheet])
        return DataError(f"Sheet '{sheet}' holds no table of numbers: choose another sheet under Reading options "
                         f"({names}; --sheet on the command line).", "err.sheet_without_numbers",
                         {"sheet": sheet, "sheets": names})
    for col in reversed(list(raw.columns)):
        text = raw[col].astype("string").str.strip()
        filled = text[text.notna() & (text != "")]
        cleaned = _clean_number_text(filled, decimal_comma)  # missing-value markers (".", "#N/A") are NA
        if cleaned.isna().all() and raw.attrs.get("unsaved_formulas"):  # formulas, not blanks: saving gives values
            return _unsaved_formulas_error(str(col))
        if cleaned.isna().all():
            return DataError(f"Column '{col}' is blank in every row: fill in the values of the series, or choose "
                             "another file.", "err.column_blank", {"column": str(col)})
        if parse_dates(raw[col]) is None:
            plain = cleaned.notna() & pd.to_numeric(cleaned, errors="coerce").isna()  # as ``_not_numbers`` reads
            unparsed = plain & pd.to_numeric(cleaned.str.replace(",", ".", regex=False), errors="coerce").isna()
            if unparsed.any() and plain.sum() < 0.5 * cleaned.notna().sum():  # numbers, a few words: how many, fix
                return _not_numbers(raw[col], str(col), decimal_comma)  # (it said the column held text)
            example = (filled[unparsed] if unparsed.any() else filled).iloc[0][:30]
            return DataError(f"Column '{col}' holds text, not numbers (for example '{example}'): "
                             "the file needs a numeric column to forecast, or its rows counted (an event log: the "
                             "target '(count the rows per day)', --duplicates count --per day).", "err.column_text",
                             {"column": str(col), "example": example})
    return DataError("No numeric column to forecast: the file needs a column of numbers besides the dates.",
                     "err.no_numeric")


# The tidy frame's columns (``ds``, ``y``), which no regressor may be named.
TIDY_NAMES = {"ds": "time stamps", "y": "values of the series"}


def _check_regressors(wanted: tuple[str, ...], numeric: list[str], target: str) -> list[str]:
    others = [name for name in numeric if name != target]
    for col in wanted:
        if col not in numeric and not others:
            raise DataError(f"Regressor '{col}' is not a numeric column, and the file has none besides the target "
                            f"'{target}': leave the regressors out.", "err.no_regressor_columns",
                            {"column": col, "target": target})
        if col not in numeric:
            raise DataError(f"Regressor '{col}' is not a numeric column: choose from {quoted_names(others)}.",
                            "err.regressor_not_numeric", {"column": col, "names": quoted_names(others)})
        if col == target:
            raise DataError(f"Regressor '{col}' is the target itself: choose other columns as regressors.",
                            "err.regressor_is_target", {"column": col})
        if col in TIDY_NAMES:  # the tidy frame's own columns: a regressor 'y' took the target's place, unsaid
            raise DataError(f"A regressor cannot be named '{col}', the name the app gives the {TIDY_NAMES[col]}: "
                            f"rename the column '{col}' in the file, or leave it out.", f"err.regressor_named_{col}")
    return list(dict.fromkeys(wanted))


def _check_regressors_observed(frame: pd.DataFrame, regressors: list[str]) -> None:
    """Refuse a regressor blank in every row of the history (its values only past the end): no model can learn its
    effect. Such a column was "filled" in 200 rows, and a linear model's training then "diverged at update 1"."""
    for col in regressors:
        if len(frame) and not np.isfinite(frame[col].to_numpy(dtype=float)).any():
            raise DataError(f"Regressor '{col}' is blank in every row with a value of the series, so no model can "
                            "learn its effect: fill in its past values, or leave it out.",
                            "err.regressor_unobserved", {"column": col})


def _blanks_formulas_explain(raw: pd.DataFrame, used: tuple[str | None, ...]) -> bool:
    """Whether formulas without stored results (read as blank) may explain blank cells: a blank among the columns
    ``used``, or a column blank in every row (a column of formulas, such as Revenue = Units x Price). Otherwise they lay
    in rows left out (a Total row's SUM) or among notes: re-saving the workbook would change nothing used."""
    blank = raw.isna()
    return bool(blank[[col for col in used if col]].to_numpy().any() or blank.all().any())


def reader_notes(attrs: Mapping[str, object]) -> list[str]:
    """What the reader passed over in a whole file (``attrs`` of its table), as every series of it says it."""
    report = DataReport()
    _note_what_the_reader_passed_over(attrs, report)
    return [str(notice) for notice in report.notices]


def _note_what_the_reader_passed_over(attrs: Mapping[str, object], report: DataReport) -> None:
    """Notices of what the reader left aside: a first sheet without a table (``read._read_excel``), note lines below
    a CSV's table or a sheet's (``read._without_footnotes``, ``read._without_sheet_notes``)."""
    if attrs.get("unsaved_formulas"):
        report.notices.append(Notice(_UNSAVED_FORMULAS, "notice.unsaved_formulas"))
    if shown := attrs.get("percent_cells"):  # ``read._percent_cells_as_percent``
        names = quoted_names(list(shown))  # type: ignore[call-overload]
        report.notices.append(Notice(f"The workbook formats {names} as percentages: read as the percent shown (0.6% "
                                     "as 0.6, not 0.006), as a CSV writes it.", "notice.percent_cells",
                                     {"names": names}))
    if copies := int(str(attrs.get("header_copies", 0))):  # ``read._without_header_copies``
        report.notices.append(Notice(f"{count(copies, 'row')} repeating the header (files joined one under another) "
                                     f"{_were(copies)} left out.", "notice.header_copies", {"rows": copies}))
    if ends := int(str(attrs.get("block_rows", 0))):  # ``read._titles_and_totals_above``
        report.notices.append(Notice(f"{count(ends, 'title or total row')} ending the tables above those headers "
                                     f"{_were(ends)} left out.", "notice.block_rows", {"rows": ends}))
    if attrs.get("units_row"):
        report.notices.append(_labels_only_notice(int(attrs["units_row"])))  # type: ignore[call-overload]
    if attrs.get("bare_calendar") == "across":  # ``parsing.bare_calendar_names``: PSL's climate indices
        report.notices.append(Notice("The file has no header row: its first column was read as the year and the "
                                     "twelve after it as its months, January to December.",
                                     "notice.bare_calendar_across"))
    elif attrs.get("bare_calendar") == "quarter":  # FHFA's headerless index files
        report.notices.append(Notice("The file has no header row: two of its columns were read as the year and the "
                                     "quarter of each row's date, the others numbered.",
                                     "notice.bare_calendar_quarters"))
    elif finest := attrs.get("bare_calendar"):  # ``parsing.bare_calendar_names``: SILSO's year;month;...
        days = finest == "day"
        report.notices.append(Notice(
            f"The file has no header row: its first columns were read as the year{', the month' if days else ''} and "
            f"the {'day' if days else 'month'} "
            "of each row's date, the others numbered.",
            "notice.bare_calendar_days" if days else "notice.bare_calendar"))
    if leading := attrs.get("leading_labels"):  # left out of a long file's time column (``panel.split``)
        rows, words = int(leading["rows"]), str(leading["words"])  # type: ignore[index]
        report.notices.append(_leading_labels_notice(rows, words))
        report.rows_dropped += rows
    if summary := attrs.get("summary_rows"):  # left out of a whole file before it was split (``without_summary_rows``)
        report.notices.append(_summary_rows_notice(int(summary["rows"]), str(summary["words"])))  # type: ignore[index]
        report.rows_dropped += int(summary["rows"])  # type: ignore[index]  # counted where the notice says them
    if hidden := attrs.get("hidden_sheets_passed"):
        report.notices.append(Notice(f"Hidden sheets were passed over; sheet '{hidden}', the first one shown, was "
                                     "read.", "notice.hidden_sheets", {"sheet": str(hidden)}))
    if sheet := attrs.get("sheet"):
        report.notices.append(Notice(f"The workbook's first sheet holds no table of numbers; sheet '{sheet}' was read.",
                                     "notice.other_sheet", {"sheet": str(sheet)}))
    if special := attrs.get("special_periods"):  # ``parsing._numbered_periods``: SAP's periods 13-16
        report.notices.append(_special_periods_notice(int(special["rows"])))  # type: ignore[index]
    if averages := attrs.get("summary_periods"):  # ``parsing._year_and_week``: the BLS's M13, Q05
        rows, code = int(averages["rows"]), str(averages["code"])  # type: ignore[index]
        halves = "S0" in code  # S01, S02 and their average S03 among months or quarters
        report.notices.append(Notice(
            f"{count(rows, 'row')} coded {code} ({'averages of the halves or the whole' if halves else 'the'} "
            f"year's average) {_were(rows)} left out.",
            "notice.period_averages_halves" if halves else "notice.period_averages", {"rows": rows, "code": code}))
    if merged := int(str(attrs.get("merged_cells_filled", 0))):  # ``read._merged_cells_filled``
        report.notices.append(Notice(f"{count(merged, 'cell')} under merged cells took the value shown over them.",
                                     "notice.merged_cells", {"cells": merged}))
    if carried := attrs.get("years_carried_down"):  # ``parsing._years_carried_down``
        column, rows = str(carried["column"]), int(carried["rows"])  # type: ignore[index]
        report.notices.append(Notice(f"The year in '{column}' is written once, in the first of its rows: carried "
                                     f"down to the {count(rows, 'blank cell')} below it.", "notice.years_carried_down",
                                     {"column": column, "rows": rows}))
    if fiscal := attrs.get("fiscal_months"):  # ``parsing._fiscal_years``
        fields = {key: str(value) for key, value in fiscal.items()}  # type: ignore[union-attr]
        report.notices.append(Notice(
            f"'{fields['column']}' holds fiscal years, read as named by the year they end ('{fields['example']}' with "
            f"'{fields['month']}' is {fields['read']}), as the US, the UK, Canada, Australia and India name them; "
            "where a fiscal year is named by the year it starts, the dates are a year early: write a date column "
            "instead.",
            "notice.fiscal_months", fields))
    if carried := attrs.get("dates_carried_down"):  # ``parsing._days_carried_down``
        column, rows = str(carried["column"]), int(carried["rows"])  # type: ignore[index]
        report.notices.append(Notice(f"The date in '{column}' is written once, beside the first time of each day: "
                                     f"carried down to the {count(rows, 'blank cell')} below it.",
                                     "notice.dates_carried_down", {"column": column, "rows": rows}))
    if carried := attrs.get("labels_carried_down"):  # ``read._labels_carried_down``
        column, rows = str(carried["column"]), int(carried["rows"])  # type: ignore[index]
        report.notices.append(Notice(f"'{column}' is written once, on the first row of each block: carried down to "
                                     f"the {count(rows, 'blank cell')} below it.", "notice.labels_carried_down",
                                     {"column": column, "rows": rows}))
    if weeks := attrs.get("numbered_weeks"):  # ``parsing._numbered_weeks``
        column, day = str(weeks["column"]), str(weeks["first_day"])  # type: ignore[index]
        kind = "ISO 8601 weeks" if day == "Monday" else "US CDC (MMWR) weeks"
        report.notices.append(Notice(f"The year and week numbers ('{column}') were read as {kind}, from {day} to "
                                     f"{'Sunday' if day == 'Monday' else 'Saturday'}, each dated by its first day.",
                                     f"notice.weeks_from_{day.lower()}", {"column": column}))
    if status := attrs.get("status_rows"):  # ``read._without_status_rows``: the IMF's 'Status' rows
        rows = int(status["rows"])  # type: ignore[index]
        report.notices.append(Notice(f"{count(rows, 'row')} of status flags ('Attribute' Status) {_were(rows)} left "
                                     "out: the series are its Value rows.", "notice.status_rows", {"rows": rows}))
    if clock := attrs.get("clock_change_periods"):  # ``parsing._clock_change_days``
        column, per_day, days = str(clock["column"]), int(clock["per_day"]), str(clock["days"])  # type: ignore[index]
        report.notices.append(Notice(
            f"Days of a clock change hold an hour's periods more or fewer than the usual {per_day} in '{column}': "
            f"{days}. Each period is read on the local clock: on a long day the hour from 01:00 is taken as written "
            "twice (as the UK and North America repeat it; central Europe repeats 02:00), and its second periods are "
            "combined with the first as repeated time stamps; on a short day the hour skipped is a gap.",
            "notice.clock_change_periods", {"column": column, "per_day": per_day, "days": days}))
    if periods := attrs.get("periods_as_months"):  # ``parsing._numbered_periods``
        report.notices.append(_periods_as_months_notice(str(periods["column"])))  # type: ignore[index]
    report.sheets = tuple(attrs.get("sheets", ()))  # type: ignore[call-overload]
    report.sheet_read = str(attrs.get("sheet_read", ""))
    if len(others := [sheet for sheet in report.sheets if sheet != report.sheet_read]) > 0:
        names = quoted_names(others)
        report.notices.append(Notice(f"The workbook has other sheets ({names}); sheet '{report.sheet_read}' was read: "
                                     "choose another under Reading options (--sheet on the command line).",
                                     "notice.other_sheets", {"sheets": names, "sheet": report.sheet_read}))
    if renamed := attrs.get("renamed_columns"):
        names = quoted_names([str(name) for name in renamed])  # type: ignore[union-attr]
        report.notices.append(Notice(f"Several columns have the same name; the later ones are read as {names}: rename "
                                     "them in the file to tell them apart.", "notice.renamed_columns", {"names": names}))
    if trimmed := attrs.get("trimmed_renamed"):  # ``named_columns``
        pairs = ", ".join(f"'{written}' -> '{read}'" for written, read in trimmed)  # type: ignore[union-attr]
        report.notices.append(Notice(f"Some columns are named alike but for spaces around the name; they are read as "
                                     f"{pairs}: rename them in the file to tell them apart.", "notice.trimmed_names",
                                     {"pairs": pairs}))
    if nth := attrs.get("nth_dated"):  # ``read._nth_periods_dated``
        column, start = str(nth["column"]), str(nth["start"])  # type: ignore[index]
        report.notices.append(Notice(f"'{column}' numbers the periods from the start date the file's notes give "
                                     f"({start}): read as their dates.", "notice.nth_dated",
                                     {"column": column, "start": start}))
    if across := attrs.get("dates_across"):  # ``read._dates_down_the_rows``
        first, last, dates = across["first"], across["last"], int(across["dates"])  # type: ignore[index]
        if by_row := str(across.get("by_row", "")):  # type: ignore[union-attr]
            report.notices.append(Notice(f"The years run across the columns ('{first}' to '{last}') and the "
                                         f"{by_row}s down the rows: read as one series, a row per {by_row} of each "
                                         "year.", f"notice.years_across_{by_row}s", {"first": first, "last": last}))
        elif across.get("steps"):  # type: ignore[union-attr]
            report.notices.append(Notice(f"Numbered steps run across the columns ('{first}' to '{last}', {dates:,} "
                                         "steps): each row is read as a series of steps, with no calendar. To forecast "
                                         "in time, put the dates in their place (M5: from its calendar.csv).",
                                         "notice.steps_across", {"first": first, "last": last, "dates": dates}))
        else:
            report.notices.append(Notice(f"The dates run across the columns ('{first}' to '{last}', {dates:,} dates): "
                                         "each row is read as a series, its cells as the values of those dates.",
                                         "notice.dates_across", {"first": first, "last": last, "dates": dates}))
        if left := str(across.get("left", "")):  # type: ignore[union-attr]
            report.notices.append(Notice(f"The columns after the dates ({left}) were left out.",
                                         "notice.after_dates_left", {"left": left}))
        if labelled := attrs.get("label_rows"):
            rows, words = int(labelled["rows"]), str(labelled["words"])  # type: ignore[index]
            report.notices.append(Notice(f"{count(rows, 'row')} with a label but no figure under any date ({words}: "
                                         "section headings, notes, or series left blank) "
                                         f"{'was' if rows == 1 else 'were'} left out.",
                                         "notice.label_rows", {"rows": rows, "words": words}))
        if totals := str(attrs.get("total_columns", "")):
            report.notices.append(Notice(f"The columns of totals among the dates ({totals}) were left out.",
                                         "notice.total_columns_left", {"totals": totals}))
    if months := attrs.get("months_across"):  # ``read._months_down_the_rows``
        first, last, left = months["first"], months["last"], str(months["left"])  # type: ignore[index]
        quarters = bool(months.get("quarters"))  # type: ignore[union-attr]
        part, parts = ("quarters", "four quarters") if quarters else ("months", "twelve months")
        report.notices.append(Notice(
            f"The {part} run across the columns ('{first}' to '{last}') and the years down the rows: each year's row "
            f"is read as its {parts}" + (f"; the columns after the {part} ({left}) were left out." if left else "."),
            f"notice.{part}_across" + ("_left" if left else ""), {"first": first, "last": last, "left": left}))
    if hours := attrs.get("hours_across"):  # ``read._hours_down_the_rows``
        first, last, left = hours["first"], hours["last"], str(hours["left"])  # type: ignore[index]
        report.notices.append(Notice(
            f"The hours run across the columns ('{first}' to '{last}') and the days down the rows: each day's row is "
            "read as its hours, each from the hour its column's interval begins"
            + (f"; the columns after the hours ({left}) were left out." if left else "."),
            "notice.hours_across" + ("_left" if left else ""), {"first": first, "last": last, "left": left}))
    if beside := attrs.get("side_table"):  # ``read._first_of_side_by_side``
        report.notices.append(Notice(f"The sheet holds another table to the right of the first, past a blank column "
                                     f"({beside}): only the first was read. Save the other as a file of its own to "
                                     "read it.", "notice.side_table", {"columns": beside}))
    if later := attrs.get("later_table"):
        title = clipped(str(later).lstrip("# "), 60)
        report.notices.append(Notice(f"The file holds more tables below the first (the next is titled '{title}'): "
                                     "only the first was read. Save another as a file of its own to read it.",
                                     "notice.later_table", {"title": title}))
    if preamble := attrs.get("preamble"):
        lines, quoted = len(preamble), _quoted_cells(pd.Series(preamble), shown=1)  # type: ignore[arg-type]
        report.notices.append(Notice(f"{count(lines, 'line')} of titles or notes above the header {_were(lines)} left "
                                     f"out ({quoted}).", "notice.preamble", {"lines": lines, "examples": quoted}))
    if footnotes := attrs.get("footnotes"):
        lines, quoted = len(footnotes), _quoted_cells(pd.Series(footnotes), shown=1)  # type: ignore[arg-type]
        report.notices.append(Notice(f"{count(lines, 'line')} of notes below the table {_were(lines)} left out "
                                     f"({quoted}).", "notice.footnotes", {"lines": lines, "examples": quoted}))


def _note_unreadable_numbers(raw: pd.DataFrame, numbers: dict[str, pd.Series], columns: tuple[str, ...],
                             decimal_comma: bool, report: DataReport, units: dict[str, str] | None = None) -> None:
    """A notice per column of ``columns`` with cells that hold digits but no number (``13O5``): they are read as
    missing and filled or dropped like blanks, so the notice quotes them. A column of numbers with units (``units``)
    has no flags after its numbers: its '1.13 s' among '490 ms' was said as a flagged number too."""
    for col in columns:
        if col not in (units or {}):
            _note_marked_numbers(raw[col], numbers[col], col, report)
        markers = _note_marker_words(raw[col], numbers[col], col, report)
        _note_lost_digits(raw[col], numbers[col], col, report)
        cells = pd.concat([unreadable_numbers(raw[col], numbers[col], decimal_comma),
                           stray_words(raw[col], numbers[col], markers)]).sort_index()
        if len(cells):
            examples = _quoted_cells(cells)
            # '12,50 €' among whole euros: the Decimal mark is the fix
            comma = not decimal_comma and read_with_decimal_comma(raw[col], numbers[col], cells)
            report.notices.append(Notice(
                f"Cells of '{col}' that are not numbers were read as missing ({count(len(cells), 'cell')}: {examples}): "
                + ("if they are written with a decimal comma, choose comma as the Decimal mark under Reading options "
                   "(--decimal comma); else correct them in the file." if comma else
                   "correct them in the file if they hold values."),
                "notice.unreadable_numbers_comma" if comma else "notice.unreadable_numbers",
                {"cells": len(cells), "column": str(col), "examples": examples}))


_EXACT_DIGITS = 15  # significant digits a number keeps as a float for certain


def _note_lost_digits(values: pd.Series, parsed: pd.Series, col: object, report: DataReport) -> None:
    """A notice when cells of a column written with more than ``_EXACT_DIGITS`` significant digits read as the same
    number though they differ (24 values 10**20 + i all read as 1e20, and the series was said to be constant)."""
    if pd.api.types.is_integer_dtype(values):  # whole numbers the reader typed: past 2**53 floats skip some
        long = values[(values.abs() > 2 ** 53).fillna(False).to_numpy(dtype=bool)].astype("string")  # nullable too
    elif pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return
    else:
        text = values.astype("string").str.strip()
        long = text[(text.str.len() > _EXACT_DIGITS) & parsed.notna()].dropna()  # numbers only: not a time stamp
        digits = long.str.replace(r"[eE].*$", "", regex=True).str.replace(r"\D", "", regex=True).str.lstrip("0")
        long = long[digits.str.len() > _EXACT_DIGITS]
    if long.empty or long.nunique() <= parsed.loc[long.index].nunique():
        return
    example = str(long.iloc[0])
    report.notices.append(Notice(
        f"Values of '{col}' are written with more than {_EXACT_DIGITS} significant digits (as '{example}'): numbers "
        f"are read to about {_EXACT_DIGITS}, so values that differ only further along read alike. Rescale them in "
        "the file (subtract a common part, or divide by a power of ten).", "notice.lost_digits",
        {"column": str(col), "digits": _EXACT_DIGITS, "example": example}))


def _note_marker_words(values: pd.Series, parsed: pd.Series, col: object, report: DataReport) -> set[str]:
    """A notice for a column of numbers whose words without a digit are read as missing values (``marker_words``:
    'closed' every Sunday, which made the first rows read as text), quoting them, a lab's 'ND' and eBird's 'X' too
    (not detected, not counted: a user may read them as 0); not for the markers every spreadsheet writes
    (``MISSING_MARKERS``). The column's marker words."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return set()
    text = values.astype("string").str.strip()
    present = text.notna() & (text != "")
    markers = marker_words(text[present], parsed[present])
    said = markers - MISSING_MARKERS
    words = text[present].isin(said).to_numpy()
    if not words.any():
        return markers
    cells, examples = int(words.sum()), _quoted_cells(text[present][words])
    report.notices.append(Notice(
        f"{count(cells, 'cell')} of '{col}' hold words, not numbers ({examples}): they are read as missing values, "
        "filled or dropped as Missing values says.", "notice.marker_words",
        {"cells": cells, "column": str(col), "examples": examples}))
    return markers


_NOTE_WORDS = frozenset({"notes", "note", "comments", "comment", "remarks", "remark", "memo", "bemerkung", "notiz"})
_CLOSED_WORDS = frozenset({"closed", "shut", "holiday", "geschlossen", "fermé", "ferme", "cerrado", "chiuso", "休业"})


_NOTE_CLOSED = re.compile(r"\b(?:closed|shut|geschlossen|fermé|ferme|cerrado|chiuso)\b|休业"
                          r"|\bholiday\b(?!\s+(?:cover|pay|hours|rota|staff|booking|bookings|menu|special))")
_NOTE_DENIED = re.compile(r"(?:\bnot|\bnever|n't|\bnicht|\bpas)\s+(?:\w+\s+)?(?:closed|shut|geschlossen|fermé|ferme|"
                          r"cerrado)")


def _notes_say_closed(notes: pd.Series) -> pd.Series:
    """Which ``notes`` say the place was closed ('Bank Holiday', 'No staff - closed'; not 'Holiday cover', nor 'till
    not closed')."""
    text = notes.astype("string").str.lower()
    return (text.str.contains(_NOTE_CLOSED, regex=True) & ~text.str.contains(_NOTE_DENIED, regex=True)).fillna(False)


def _closed_rows_notice(raw: pd.DataFrame, numbers: dict[str, pd.Series], target: str) -> Notice | None:
    """Where rows without a value in ``target`` say the place was closed in a column of numbers (a clinic's 'CLOSED'
    Saturdays under 'Cash': filled between the days around them, forecast as trading days) or in a column of notes
    (``_NOTE_WORDS``: 'Bank Hol - closed'), how to count them as none;
    else None. A ticket's 'Closed' status or a route's name is no such word."""
    blank = numbers[target].isna().to_numpy()
    if not blank.any() or raw.empty:
        return None
    closed = rf"\b(?:{'|'.join(_CLOSED_WORDS)})\b"
    said = [raw.loc[blank, col].astype("string").str.lower().str.contains(closed, regex=True).fillna(False)
            & numbers[col][blank].isna() for col in numbers if col in raw.columns]
    said += [_notes_say_closed(raw.loc[blank, col]) for col in raw.columns  # 'Bank Hol - closed' in a takings
             if col not in numbers and _name_words(col) & _NOTE_WORDS]  # sheet's 'Notes' beside its blank cell
    rows = int(np.logical_or.reduce([found.to_numpy(dtype=bool) for found in said]).sum()) if said else 0
    if not rows:
        return None
    return Notice(f"{count(rows, 'row')} without a value in '{target}' say the place was closed: if a closed day's "
                  "value is none (takings, visits), choose zero for Missing values (--missing zero); filled, they "
                  "read as days like the others.", "notice.closed_words", {"rows": rows, "column": target})


def _blank_holidays_notice(ds: pd.Series, values: pd.Series, target: str) -> Notice | None:
    """Where days without a value in ``target`` are the same days of the year in two years or more, or Christmas or
    New Year's Day (a shop's people counter blank on its closed holidays: Christmas was filled as 2,296 visits), how to
    count them as none; else None."""
    if not pd.api.types.is_datetime64_any_dtype(ds) or len(ds) != len(values) or (ds != ds.dt.normalize()).any() \
            or ds.drop_duplicates().sort_values().diff().median() != pd.Timedelta(days=1):  # days (an agency's blank
        return None  # March of two years, monthly, was said to be 'days on holidays')
    blank = ds[values.isna().to_numpy()]
    if len(blank) < 2 or len(blank) > _HOLIDAY_SHARE * len(ds):
        return None
    day = blank.dt.strftime("%m-%d")
    years = pd.Series(blank.dt.year.to_numpy()).groupby(day.to_numpy()).nunique()  # the years each day is blank in
    again = day.map(years.to_dict()) >= 2
    held = blank[again.to_numpy() | day.isin(["12-25", "01-01"]).to_numpy()]
    if len(held) < 2 or len(held) < _HOLIDAYS_OF_BLANKS * len(blank):  # not a sensor's gaps alike by chance
        return None
    stamps = ", ".join(f"{stamp:%Y-%m-%d}" for stamp in held.iloc[:_STRAY_LISTED])
    return Notice(f"{count(len(held), 'day')} without a value in '{target}' fall on holidays of the year "
                  f"({stamps}): if the place was closed and a closed day's value is none, choose zero for Missing "
                  "values (--missing zero); filled, they read as days like the others.",
                  "notice.blank_holidays", {"rows": len(held), "column": target, "stamps": stamps})


_FEW_COUNTED = 3  # the median at most of a count that would often be 0 (``_blank_small_counts_notice``)
_BLANK_COUNTS = 0.15  # of the rows, at least, blank among them


def _blank_small_counts_notice(values: pd.Series, target: str) -> Notice | None:
    """Where ``target`` counts a few things a row (whole numbers from 1, median at most ``_FEW_COUNTED``) and never
    writes 0 while many of its cells are blank (Meta's 'Results' on days of no lead: interpolated, the forecast was
    2.3 times the mean), how to count the blanks as none; else None."""
    known = values.dropna()
    blank = int(values.isna().sum())
    if len(known) < MIN_ROWS or blank < _BLANK_COUNTS * len(values) or (known % 1).any() or known.min() < 1 \
            or known.median() > _FEW_COUNTED or _QUESTION.search(_name_text(target)) \
            or re.search(r"\d\s*[-–]\s*\d", str(target)):  # a mood's 1-5 scale
        return None
    return Notice(f"'{target}' counts a few a row and never writes 0, and {count(blank, 'cell')} of it {_were(blank)} "
                  "blank: if a blank is none (no result that day), choose zero for Missing values (--missing zero); "
                  "filled, they read as counts like the others.", "notice.blank_counts",
                  {"column": target, "cells": blank})


_HOLIDAYS_OF_BLANKS = 0.5  # of the blank days, at least, on holidays (``_blank_holidays_notice``)
_HOLIDAY_SHARE = 0.05  # of the days, at most, blank for ``_blank_holidays_notice`` to say (not a sparse series)


def _note_marked_numbers(values: pd.Series, read: pd.Series, col: object, report: DataReport) -> None:
    """A notice for each way cells of a column were marked where they read as numbers (``read``; ``_MARKED``): below
    a limit (``<1``: read as half of it), with K, M or B (``12.5K``), or with a statistics office's flag after the
    number (``1234.5 p``). Cells left unread are said as such elsewhere (a race's '5K' among runs of 6.2 km)."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return
    text = values.astype("string").str.strip()
    candidates = {"below_limit": text.str.startswith("<"), "above_limit": text.str.startswith(">"),
                  "non_detects": text.str.len().le(_NON_DETECT_LONGEST) & reads_non_detects(col),
                  "scaled_numbers": text.str.endswith(("K", "M", "B", "Mil", "Bil", "Tri")),
                  "eighths": text.str.contains("'", regex=False),
                  "flagged_numbers": text.str.contains(FLAG_AFTER, regex=True) & ~text.str.startswith(":")}
    for kind, (pattern, sentence) in _MARKED.items():
        cells = text[candidates[kind].fillna(False)]  # cheap filters first: most columns have none
        cells = cells[cells.str.fullmatch(pattern).fillna(False) & read.reindex(cells.index).notna()]
        if len(cells):
            fields = {"cells": len(cells), "column": str(col), "examples": _quoted_cells(cells)}
            report.notices.append(Notice(sentence.format(count=count(len(cells), "cell"), were=_were(len(cells)),
                                                         **fields), f"notice.{kind}", fields))


_NON_DETECT_LONGEST = 16  # characters of a cell tried as a non-detect (``parsing.NON_DETECT``)
# The ways ``parsing.parse_numbers`` reads marked cells as numbers, and how each is said.
_MARKED = {
    "below_limit": (BELOW_LIMIT, "{count} of '{column}' {were} written as below a limit ({examples}): read as half of "
                                 "it (<1 as 0.5), the usual substitution. Write the values in the file if others are "
                                 "meant."),
    "non_detects": (NON_DETECT, "{count} of '{column}' {were} written as not detected ({examples}): read as 0, below "
                                "the limit of detection. Write the limit ('<0.5') or the values in the file if others "
                                "are meant."),
    "above_limit": (ABOVE_LIMIT, "{count} of '{column}' {were} written as above a limit ({examples}): read as the "
                                 "limit (>2419.6 as 2419.6), the least the value was. Write the values in the file if "
                                 "others are meant."),
    "scaled_numbers": (SCALED_NUMBER, "{count} of '{column}' {were} written with K, M or B ({examples}): read with K "
                                      "as thousands, M as millions and B as billions."),
    "flagged_numbers": (FLAGGED_NUMBER, "{count} of '{column}' with a flag after the number ({examples}; flags such "
                                        "as p, provisional, or e, estimated) {were} read as the number."),
    "eighths": (EIGHTHS, "{count} of '{column}' {were} written in eighths ({examples}): read as whole units and "
                         "eighths, as CME quotes grains (452'6 as 452.75)."),
}


def _without_codes(values: pd.Series, col: object, report: DataReport) -> pd.Series:
    """``values`` with the codes files write for a missing reading (``MISSING_CODES``: weather stations' -9999 and
    999.9) as missing, said, where they lie further from the other values' median than ``_CODE_DISTANCE`` times the
    others' range, or below zero where every other value is above it, written more than once or further below zero
    than the values spread (NOAA's CO2 at -99.99, a humidity of -99.9; one refund of -99.99 among sales of 166 to
    425 is a value), or written more than once further below the lowest other value than the values spread: a -9999
    among temperatures, not a 9999 among sales of thousands."""
    array = values.to_numpy(dtype=float)
    coded = np.isin(array, MISSING_CODES)
    if not coded.any():
        return values
    others = array[~coded & np.isfinite(array)]
    if len(others) < 2 or others.min() == others.max():
        return values
    low, high = float(others.min()), float(others.max())
    meant = coded & (np.abs(array - np.median(others)) > _CODE_DISTANCE * (high - low))
    repeated = np.isin(array, [code for code in MISSING_CODES if np.count_nonzero(array == code) > 1])
    far = np.abs(array) > high - low  # further below zero than the values spread (a humidity of -99)
    meant |= coded & (repeated | far) & (array < 0) & (low > 0)  # below zero where nothing else is (CO2, humidity)
    # repeated, and further below the lowest other value than the values spread: a PM2.5 monitor's -999 beside its
    # small negative readings and a smoke peak of 310 (117 rows of -999 were fitted and forecast)
    if not _MONEY_NAME.search(str(col)) and not _name_words(col) & (_TAKINGS | _MONEY_WORDS | {"payment", "balance"}):
        meant |= coded & repeated & (array < low - (high - low))  # (not a statement's monthly rent of -999.00)
    lone = [code for code in _LONE_CODES_KEPT if np.count_nonzero(array[meant] == code) == 1]
    meant &= ~np.isin(array, lone)  # one 9999 among prices may be the market's cap: a code only when it repeats
    if not meant.any():
        return values
    codes = ", ".join(f"{code:g}" for code in sorted(set(array[meant].tolist())))
    cells = int(meant.sum())
    report.notices.append(Notice(
        f"{count(cells, 'cell')} of '{col}' {'holds' if cells == 1 else 'hold'} {codes}, which files write for a "
        f"missing reading, far outside the other values ({low:g} to {high:g}): read as missing.", "notice.missing_codes",
        {"cells": cells, "column": str(col), "codes": codes, "low": f"{low:g}", "high": f"{high:g}"}))
    return values.mask(meant)


def _quoted_cells(cells: pd.Series, shown: int = 3) -> str:
    """Up to ``shown`` distinct cells, quoted (``'2021-09-31'``; a blank cell ``''``), and how many more (``+2``):
    the same in every language."""
    texts = ["''" if pd.isna(cell) else f"'{clipped(cell, 40)}'" for cell in cells]
    distinct = list(dict.fromkeys(texts))
    more = len(distinct) - shown
    return ", ".join(distinct[:shown]) + (f", +{more}" if more > 0 else "")


class QuotedNames(str):
    """Column names as a message writes them in English (``'a', 'b'``), keeping the names, so that a message in another
    language quotes and lists them as that language does (``core.i18n.message``: ``“a”、“b”``)."""

    names: tuple[str, ...]

    def __new__(cls, names: tuple[str, ...]) -> "QuotedNames":
        quoted = super().__new__(cls, ", ".join(f"'{name}'" for name in names))
        quoted.names = tuple(names)
        return quoted

    def __reduce__(self) -> tuple[object, ...]:  # cached loads are pickled
        return QuotedNames, (self.names,)


def quoted_names(columns: object) -> QuotedNames:
    """Column names for a message: the first 12, each in quotes."""
    return QuotedNames(tuple(str(c) for c in list(columns)[:12]))  # type: ignore[call-overload]


def _labels_only(frame: pd.DataFrame, unreadable: np.ndarray, written: pd.Series | None) -> np.ndarray:
    """Which rows have neither a date (a blank cell where ``written`` is known) nor a number in any column: a units
    row or a label line, not a date to correct."""
    return _blank_dates(frame, unreadable, written) & frame.drop(columns="ds").isna().all(axis=1).to_numpy()


def _special_periods(frame: pd.DataFrame, unreadable: np.ndarray, written: pd.Series | None) -> np.ndarray:
    """Which unreadable rows are SAP's special periods with their year (``013.2021`` to ``016.2021``): said as left
    out, not as dates to correct in the file."""
    return _unreadable_where(frame, unreadable, written,
                             lambda cells: cells.str.fullmatch(PERIOD_DOT_YEAR).fillna(False))


def _blank_dates(frame: pd.DataFrame, unreadable: np.ndarray, written: pd.Series | None) -> np.ndarray:
    """Which rows without a time stamp (``unreadable``) have a blank time cell where ``written`` is known: nothing
    written there to read, rather than a date that could not be read."""
    return _unreadable_where(frame, unreadable, written, lambda cells: cells.isna() | (cells == ""))


def _unreadable_where(frame: pd.DataFrame, unreadable: np.ndarray, written: pd.Series | None,
                      test: Callable[[pd.Series], pd.Series]) -> np.ndarray:
    """Which ``unreadable`` rows have a time cell (``written``, stripped, on ``frame``'s index) that passes ``test``;
    none where the cells are not known."""
    if written is None or not unreadable.any():
        return np.zeros(len(frame), dtype=bool)
    cells = written.reindex(frame.index).astype("string").str.strip()
    return unreadable & test(cells).to_numpy(dtype=bool)


def _labels_only_notice(rows: int) -> Notice:
    """Said where rows with neither a date nor a number are left out: units or labels under the header."""
    return Notice(f"{count(rows, 'row')} without a date or a number (units or labels) {_were(rows)} left out.",
                  "notice.labels_only", {"rows": rows})


def _special_periods_notice(rows: int) -> Notice:
    """Said where SAP's special periods (13-16, a year's closing postings) are left out: beside a year column
    (``parsing._numbered_periods``) or written with their year (``013.2021``)."""
    return Notice(f"{count(rows, 'row')} of special periods 13-16 (a year's closing postings, no month) "
                  f"{_were(rows)} left out.", "notice.special_periods", {"rows": rows})


def _undated_rows_notice(rows: int) -> Notice:
    """Said where a workbook's rows with a blank time cell are left out: the subtotals a sheet puts between its
    blocks (a year's sum under its months) or notes, not dates to correct in the file."""
    return Notice(f"{count(rows, 'row')} without a date (subtotals or notes) {_were(rows)} left out.",
                  "notice.undated_rows", {"rows": rows})


def _total_words(rows: pd.DataFrame) -> str | None:
    """The total words of ``rows`` without a date ('Total', 'Grand Total': YouTube Studio's first row of its table of
    videos), listed, where each of them has one in a cell; None otherwise (they were said to be dates to write in)."""
    words = []
    for _, row in rows.iterrows():
        cells = [cell.strip() for cell in row if isinstance(cell, str) and SUMMARY_ROW.fullmatch(cell.strip())]
        if not cells:
            return None
        words.append(cells[0])
    return clipped_list(pd.Series(words)) if words else None


def _missing_dates_notice(rows: int) -> Notice:
    """Said where a text file's rows have no time stamp: a blank cell or a missing-value marker ('n/a', 'NA'), which
    the reader has already turned into nothing, so there is no text to quote (the notice quoted '' for 'n/a')."""
    return Notice(f"{count(rows, 'row')} without a date (a blank cell or a marker such as 'n/a') {_were(rows)} "
                  "dropped: write the dates in the file to keep the rows.", "notice.missing_dates", {"rows": rows})


def _order_and_deduplicate(frame: pd.DataFrame, policy: str, report: DataReport,
                           written: pd.Series | None = None, file_rows: pd.DataFrame | None = None,
                           workbook: bool = False, per_period: bool = False,
                           copies_counted: bool | None = None) -> pd.DataFrame:
    """Rows with a time stamp, in time order, duplicates handled by ``policy``; ``written`` (the time column's
    cells as read, on ``frame``'s index) quotes the unreadable ones in the notice. A row is dropped as a copy only
    when it repeats another in every column of ``file_rows`` (the file's rows, on ``frame``'s index): orders of the
    same day and amount that differ in their order number are each counted (before, 28 of a ledger's 100 were not).
    In a ``workbook``, rows whose time cell is blank are subtotals or notes laid out for the reader (a year's sum
    under its months), said as such; a text file's are rows without a date (a blank cell or a marker such as 'n/a',
    ``_missing_dates_notice``), and any cell with text an unreadable date to correct. ``per_period``: the stamps are
    periods' starts (``LoadOptions.per``), whose rows are combined, the regressors by their mean, and said by
    ``_combined_per_period``. ``copies_counted``: whether rows alike are events, as decided on the whole of a long
    file (``copies_are_events``), where ``file_rows`` are only the keys of its rows."""
    if policy not in DUPLICATE_POLICIES:
        raise DataError(f"Unknown duplicate policy '{policy}': use one of {', '.join(DUPLICATE_POLICIES)}.",
                        "err.duplicate_policy", {"policy": policy, "choices": ", ".join(DUPLICATE_POLICIES)})
    unreadable = pd.isna(frame["ds"].array)
    if _total_without_a_label(frame, unreadable, written):  # a last row that sums the rows above, its date blank
        frame = frame.iloc[:-1]
        unreadable = unreadable[:-1]
        report.rows_dropped += 1
        report.notices.append(Notice("The last row, without a date, is the sum of the rows above (a total): left out.",
                                     "notice.total_unlabelled"))
    blank = _labels_only(frame, unreadable, written)
    if labels := int(blank.sum()):  # a units row under the header (',EUR thousand'): nothing in it to correct
        frame, unreadable = frame[~blank], unreadable[~blank]
        report.rows_dropped += labels
        report.notices.append(_labels_only_notice(labels))
    undated = _blank_dates(frame, unreadable, written)
    if rows := int(undated.sum()):
        totals = _total_words(file_rows.reindex(frame.index[undated])) if file_rows is not None else None
        frame, unreadable = frame[~undated], unreadable[~undated]
        report.rows_dropped += rows
        report.notices.append(_summary_rows_notice(rows, totals) if totals else _undated_rows_notice(rows)
                              if workbook else _missing_dates_notice(rows))
    special = _special_periods(frame, unreadable, written)
    if rows := int(special.sum()):  # SAP's 013.2021: a year's closing postings, nothing to correct
        frame, unreadable = frame[~special], unreadable[~special]
        report.rows_dropped += rows
        report.notices.append(_special_periods_notice(rows))
    bad_dates = int(np.count_nonzero(unreadable))
    if bad_dates:
        examples = _quoted_cells(written.reindex(frame.index[unreadable])) if written is not None else "''"
        frame = frame[~unreadable]
        report.rows_dropped += bad_dates
        report.notices.append(Notice(f"{count(bad_dates, 'row')} with an unreadable date {_were(bad_dates)} dropped "
                                     f"({examples}): correct {'it' if bad_dates == 1 else 'them'} in the file to "
                                     "keep the rows.", "notice.bad_dates", {"rows": bad_dates, "examples": examples}))
    if _strictly_rising(frame["ds"]):  # the usual file: in order, one row per stamp, nothing to drop or sort
        return frame
    newest_first = _newest_first(frame["ds"])
    if newest_first:  # a bank's statement: a day's rows newest first too, so 'last' is its top row
        frame = frame.iloc[::-1]
    whole_rows = frame if file_rows is None else file_rows.loc[frame.index]
    copies = whole_rows.duplicated().to_numpy()
    if (back := _clock_back_repeats(frame["ds"])) is not None:  # an hour written twice is no copy (Enphase's 0 Wh)
        copies = copies & ~back
    if copies.any() and policy in (*SUMMED, "mean") and (
            _copies_are_events(whole_rows, written, copies, frame["ds"]) if copies_counted is None else copies_counted):
        kept = int(np.count_nonzero(copies))
        copies = np.zeros(len(frame), dtype=bool)
        report.notices.append(Notice(  # (a flight log's delayed flags: 0.5 of a day's flights delayed for 0.15)
            f"{count(kept, 'row')} {_were(kept)} the same as another in every column: each is counted in the sum, "
            "as a statement lists a day's two equal payments; remove them from the file if they are copies.",
            "notice.copies_counted", {"rows": kept}) if policy in SUMMED else Notice(
            f"{count(kept, 'row')} {_were(kept)} the same as another in every column: each counts in its time "
            "stamp's mean, as a log lists equal events; remove them from the file if they are copies.",
            "notice.copies_in_mean", {"rows": kept}))
    frame = frame[~copies].sort_values("ds", kind="stable")
    report.duplicate_rows_dropped = dropped = int(np.count_nonzero(copies))
    if dropped:
        report.notices.append(Notice(f"{count(dropped, 'row')} that repeated another row in every column "
                                     f"{_were(dropped)} dropped.", "notice.copies_dropped", {"rows": dropped}))
    repeats = frame["ds"].duplicated(keep=False).to_numpy()
    if repeats.any():
        rows, stamps = int(repeats.sum()), int(frame.loc[repeats, "ds"].nunique())  # 3 rows on 1 stamp: 1, not 2
        frame_stamps = frame.loc[repeats, "ds"]
        if policy == "sum" and not per_period and (blanks := _blanks_in_sums(frame, repeats)) is not None:
            report.notices.append(blanks)
        grouped = frame.groupby("ds", as_index=False, sort=True)
        # A stamp whose cells are all blank stays blank (the missing-value policy fills it), not a sum of 0.
        combined = grouped.sum(min_count=1) if policy in SUMMED else grouped.agg(policy)
        regressors = [col for col in frame.columns if col not in ("ds", "y")]
        if per_period and regressors:  # a promotion flag's share of the day, on the scale of its future rows (summed:
            combined[regressors] = grouped[regressors].mean()[regressors].to_numpy()  # counts)
        frame = combined
        report.rows_combined_away = rows - stamps
        if not per_period:  # periods combined are said by ``_combined_per_period``: no repeated time stamps
            report.duplicate_stamps_aggregated = stamps
            report.notices.append(_combined_notice(rows, stamps, policy) if back is None
                                  else _clock_back_notice(frame_stamps, rows, stamps, policy))
        if newest_first and policy in _NEWEST_FIRST:
            report.notices.append(Notice(_NEWEST_FIRST[policy], f"notice.newest_first_{policy}"))
    return frame


# The hour the clocks go back, written twice by exports of local times without their zone (PG&E's Green Button
# 15-minute usage; Enphase's production report, whose night's 0 Wh rows were dropped as copies): on a Sunday of these
# months, from 01:00 (North America, the UK) or 02:00 (central Europe, Australia)
_CLOCK_BACK_MONTHS = (3, 4, 10, 11)
_CLOCK_BACK_HOURS = (1, 2)


def _clock_back_repeats(ds: pd.Series) -> np.ndarray | None:
    """Which rows (of ``ds``, local time stamps) repeat a stamp, where every repeated stamp is in the hour the clocks
    go back: each written twice, on a Sunday of ``_CLOCK_BACK_MONTHS``, one hour of such a day (``_CLOCK_BACK_HOURS``)
    every row of which repeats, in a series a step of an hour or less apart, one or two such days a year. None
    otherwise (a log's two orders in a minute; stamps with their offsets, read apart)."""
    if not pd.api.types.is_datetime64_any_dtype(ds) or getattr(ds.dt, "tz", None) is not None:
        return None
    repeated = ds.duplicated(keep=False).to_numpy()
    stamps = ds[repeated]
    if not repeated.any() or stamps.value_counts().max() != 2:
        return None
    step = ds.drop_duplicates().sort_values().diff().median()
    hours = stamps.dt.floor("h")
    if not pd.Timedelta(0) < step <= pd.Timedelta(hours=1) or not (
            (stamps.dt.dayofweek == 6).all() and stamps.dt.month.isin(_CLOCK_BACK_MONTHS).all()
            and stamps.dt.hour.isin(_CLOCK_BACK_HOURS).all()):
        return None
    days = hours.drop_duplicates()
    if days.dt.normalize().nunique() != len(days) or days.dt.year.value_counts().max() > 2:
        return None  # one hour a day, one or two days a year
    in_those_hours = ds.dt.floor("h").isin(set(days)).to_numpy()
    return None if (in_those_hours & ~repeated).any() else repeated


def _clock_back_notice(repeated: pd.Series, rows: int, stamps: int, policy: str) -> Notice:
    """Said where the repeated time stamps (``repeated``, ``rows`` rows on ``stamps``) are the hour the clocks go back
    (``_clock_back_repeats``), as a day of a clock change's periods is (``notice.clock_change_periods``)."""
    days = ", ".join(sorted({f"{stamp:%Y-%m-%d %H}:00" for stamp in repeated.dt.floor("h")}))
    return Notice(f"{count(rows, 'row')} on {count(stamps, 'repeated time stamp')} in the hour the clocks go back "
                  f"({days}) {_were(rows)} combined by their {policy}: the times are local, without their UTC offset, "
                  "and that hour is written twice. To keep its two hours apart, write the times with their offsets "
                  "(+01:00) or zones (EDT, EST).", "notice.clock_back_hour",
                  {"rows": rows, "stamps": stamps, "policy": policy, "days": days})


def _blanks_in_sums(frame: pd.DataFrame, repeats: np.ndarray) -> Notice | None:
    """Said where rows summed on a time stamp (``repeats``) are blank beside others of theirs that are not (an agency
    that did not report two months, summed into its mode: a dip of 19% with no word); None otherwise."""
    blank = frame["y"].isna().to_numpy() & repeats
    if not blank.any() or frame.loc[blank, "ds"].nunique() > 0.5 * frame.loc[repeats, "ds"].nunique():
        return None  # (Shopify's order total on its first line only: blank on every order's other lines)
    filled = frame.loc[repeats & ~blank, "ds"]
    stamps = frame.loc[blank, "ds"][frame.loc[blank, "ds"].isin(filled)]
    if stamps.empty:
        return None
    cells = len(stamps)
    at = ", ".join(f"{stamp:%Y-%m-%d %H:%M}".removesuffix(" 00:00") if isinstance(stamp, pd.Timestamp) else str(stamp)
                   for stamp in stamps.drop_duplicates().iloc[:_STRAY_LISTED])
    return Notice(f"{count(cells, 'blank cell')} among the rows summed on a time stamp ({at}) {_were(cells)} counted "
                  "as nothing: if a part did not report, those sums read low.", "notice.blanks_in_sums",
                  {"cells": cells, "stamps": at})


def _newest_first(stamps: pd.Series) -> bool:
    """Whether the file lists its rows newest first (never rising, falling somewhere): Chase's and ING's statements,
    whose rows of a day are newest first too. Sorted as they came, a day's 'last' row was its earliest (the balance
    after the rent, not the day's closing one)."""
    if len(stamps) < 2 or not (pd.api.types.is_datetime64_any_dtype(stamps) or pd.api.types.is_numeric_dtype(stamps)):
        return False
    steps = np.diff(stamps.to_numpy().astype("int64") if pd.api.types.is_datetime64_any_dtype(stamps)
                    else stamps.to_numpy(dtype=float))
    return bool((steps <= 0).all() and (steps < 0).any())


def _counting(raw: pd.DataFrame, options: LoadOptions) -> tuple[pd.DataFrame, LoadOptions]:
    """``raw`` with a column of ones (``COUNTED``, or another name the file leaves free) as the target, whose sum per
    time stamp (or per ``options.per`` period) counts the rows: an event log without a measure (a ticket per row, its
    id the only number) is forecast as tickets per day; the target asked for is left aside."""
    name = next(name for name in COUNTED_NAMES if name not in raw.columns)
    written = np.ones(len(raw), dtype=bool)
    if options.regressors:  # a row of nothing but its time and the regressors is a future row (a promotion planned)
        others = raw.drop(columns=[col for col in options.regressors if col in raw.columns])
        own = np.column_stack([filled(others[col]).to_numpy() for col in others.columns]).sum(axis=1) > 1
        written = own if own.any() else written  # a log of times and regressors alone: every row an event
    counted = raw.assign(**{name: np.where(written, 1.0, np.nan)})
    counted.attrs = dict(raw.attrs)
    return counted, replace(options, target=name, regressors=tuple(col for col in options.regressors if col != name))


def _period_starts(stamps: pd.Series, per: str, date_col: str | None) -> pd.Series:
    """Each time stamp moved to the start of its ``per`` period (the hour, the day, Monday of its week, ...)."""
    if per not in PERIODS:
        choices = ", ".join(filter(None, PERIODS))
        raise DataError(f"Unknown period '{per}' to combine the rows per: use one of {choices}.", "err.per_unknown",
                        {"per": per, "choices": choices})
    if not date_col or not pd.api.types.is_datetime64_any_dtype(stamps.dtype):
        raise DataError(f"Combining the rows per {per} needs dates: choose the date column, or keep the rows as "
                        "written.", "err.per_needs_dates", {"per": per})
    return stamps.dt.to_period(PERIODS[per]).dt.start_time.astype(stamps.dtype)


_REGULAR_STEPS = 0.8  # of the steps between a series' rows, at least, that are its most common step
_SMALL_COUNT = 10  # the median at most of a count whose blanks are its zeros (where a 0 is likely)
_FILLED_BLANKS = 0.1  # of the rows, at most, blank for them to be readings missed (a cashbook's blank days are none)


# a power's unit: in brackets ('Home (kW)', '[W]'), or 'kW' as the name's last word ('Load kW'; not 'w/o' in 'Net
# Sales w/o Tax', a German 'KW', a calendar week, nor 'Sales W' and 'Sales MW', the West and the Midwest), or in words
_POWER_UNIT = re.compile(r"[(\[]\s*([kKmMgG]?)[wW]\s*[)\]]|(?:^|\s)(k)W$|\b(?i:(?:kilo|mega)?watts?)\b")
_STEADY_SPACING = 0.9  # of the steps between readings, at least, as long as their median one


_HELD_SPACING = 900  # seconds at most between readings at uneven times (a historian's) taken as a power's readings
_HELD_AT_MOST = 3600  # seconds at most that one such reading is counted for: a longer gap is readings missed
_UNIT_COLUMNS = frozenset({"unit", "units", "uom", "engineering units", "eng units"})  # (PI's 'Units' kW)


def _unit_written(raw: pd.DataFrame, target: str) -> str:
    """The one unit written on every row of a column of units beside ``target`` (``_UNIT_COLUMNS``: a PI export's
    'Units' kW beside its 'Value'), else ''."""
    for col in raw.columns:
        if col != target and _name_text(col) in _UNIT_COLUMNS:
            cells = raw[col].astype("string").str.strip().dropna().unique()
            return str(cells[0]) if len(cells) == 1 else ""
    return ""


def _power_as_energy(frame: pd.DataFrame, target: str, per: str, report: DataReport, unit: str = "") -> pd.DataFrame:
    """``frame`` (a row per reading, before its rows are summed per ``per`` period) with a power's readings (named in
    W, kW, MW: a Tesla app's 'Home (kW)' every 5 minutes; or in a column of ``unit``: PI's 'Units') times the hours
    each holds until the next, said: summed as they are, a day's 22 kWh read 265 (kW, added 288 times). Readings at
    uneven times (a historian's, stored as they change: PI's every 1 to 15 minutes, its day's 24,000 kWh read 174,000)
    hold until the next, an hour at most. As it is for readings further apart, or not of a power."""
    match = _POWER_UNIT.search(str(target)) or (_POWER_UNIT.search(f"({unit})") if unit else None)
    ds = frame["ds"]
    if match is None or not pd.api.types.is_datetime64_any_dtype(ds) or ds.duplicated().any() or len(ds) < MIN_ROWS:
        return frame
    order = np.argsort(ds.to_numpy(), kind="stable")
    steps = np.diff(ds.to_numpy()[order]).astype("timedelta64[ms]").astype(float) / 1000
    spacing = float(np.median(steps))
    steady = spacing % 60 == 0 and np.mean(steps == spacing) >= _STEADY_SPACING
    if spacing <= 0 or spacing > (3600 if steady else _HELD_SPACING) \
            or spacing >= _PERIOD_SECONDS.get(per, _PERIOD_DAYS.get(per, 1) * 86_400):  # (a day's 'Capacity Installed
        # (kW)' is no reading of a power)
        return frame
    written = match.group(0).lower()
    prefix = match.group(1) or match.group(2) or ("k" if "kilo" in written else "M" if "mega" in written else "")
    prefix = "M" if prefix == "m" and "mW" not in match.group(0) else prefix  # a grid's '(mw)' is no milliwatt
    unit = {"k": "kW", "K": "kW", "m": "mW", "M": "MW", "g": "GW", "G": "GW"}.get(prefix, "W")
    if not steady:
        held = np.empty(len(ds))
        held[order] = np.minimum(np.append(steps, spacing), _HELD_AT_MOST) / 3600
        report.notices.append(Notice(
            f"'{target}' is a power ({unit}) read at uneven times: summed per {per}, each reading was counted for the "
            f"time until the next (an hour at most), so that the {per}'s value is its energy ({unit}h).",
            "notice.power_as_energy_held", {"column": target, "unit": unit, "per": per}))
        return frame.assign(y=frame["y"] * held)
    hours, minutes = spacing / 3600, int(round(spacing / 60))
    report.notices.append(Notice(
        f"'{target}' is a power ({unit}): summed per {per}, each reading was counted for the {count(minutes, 'minute')}"
        f" until the next (times {hours:.4g} hours), so that the {per}'s value is its energy ({unit}h).",
        "notice.power_as_energy", {"column": target, "unit": unit, "per": per, "minutes": minutes,
                                   "hours": f"{hours:.4g}"}))
    return frame.assign(y=frame["y"] * hours)


def _decimal_places(values: np.ndarray) -> int | None:
    """How many decimals ``values`` are written with (up to 6), or None for more."""
    return next((places for places in range(7) if np.allclose(values, np.round(values, places), rtol=0, atol=1e-9)),
                None)


# Names of a register's readings (Home Assistant's 'state' and 'sum', Tasmota's 'Total', a 'kWh Register')
_REGISTER_NAMES = frozenset({"register", "meter", "reading", "readings", "zählerstand", "zaehlerstand", "meterstand",
                             "cumulative", "cum", "state", "odometer", "counter", "lifetime", "stand"})  # (not a
# 'Total Retail Turnover' that only grew, nor Home Assistant's 'sum' beside its 'state')
_REGISTER_SCALE = 100  # a register's readings are this many times its median rise from row to row, at least


# A report's note of when it was made ('As of: 09/15/2024 06:00'), the date after it
_MADE_ON = re.compile(r"\s*(?:data\s+|report\s+|figures\s+)?as (?:of|at)\s*:?\s*(.+)|"  # a line of its own (not
                      # 'prices as of 2015', a price base, whose year is no day: ``_first_stamp``; a template's 'Run
                      # date' may be old), or a few words before it and a moment of the day after ('Sales as of
                      # 1/15/2024 9:02 AM'; not 'Series definition changed as of 2019-01-01')
                      r"\s*(?:[^\W\d][\w'’&/.]*[\s,–-]+){1,5}?as (?:of|at)\s*:?\s*(\S+\s+\d{1,2}:\d\d.*)",
                      re.IGNORECASE)
_DAY_OF_MONTH = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")  # a day's date, not a year or a month


def _until_made(frame: pd.DataFrame, preamble: tuple[str, ...], target: str, report: DataReport) -> pd.DataFrame:
    """``frame`` without the rows whose period ends after the moment the file's notes say it was made (a booking pace
    report 'As of: 09/15/2024 06:00' lists stay dates to December with the rooms booked so far: read as history, its
    forecast started from a January of 9 rooms), said; rows without a value stay (future rows of regressors). As it
    is where no note dates the file, or too few rows would be left."""
    ds = frame["ds"]
    fmt = report.date_format
    day_first = True if fmt.startswith("%d") else False if fmt.startswith("%m") else None  # the file's own order
    made = next((stamp for line in preamble if (match := _MADE_ON.fullmatch(str(line)))
                 and (stamp := _first_stamp(match.group(1) or match.group(2), day_first)) is not None), None)
    if made is None or not pd.api.types.is_datetime64_any_dtype(ds) or ds.dt.tz is not None or ds.isna().all() \
            or _planned(target) or _name_words(target) & (_FORECAST_WORDS | {"plan", "target"}):
        return frame  # (a budget's months to come are set already)
    after = ((_period_begun(ds, made) > made) & frame["y"].notna()).to_numpy()  # (March's 03/31 by 03/28)
    if not after.any() or int((~after & frame["y"].notna().to_numpy()).sum()) < MIN_ROWS:
        return frame
    rows, first = int(after.sum()), stamp_text(pd.Timestamp(ds[after].min()))
    written = stamp_text(made.normalize() if made == made.normalize() + _END_OF_DAY else made)
    report.rows_dropped += rows
    report.notices.append(Notice(
        f"The file's notes say it was made as of {written}: its {count(rows, 'row')} of periods begun after it, from "
        f"{first} on, hold figures still to come (bookings on the books) and were left out of the history.",
        "notice.after_made", {"made": written, "rows": rows, "first": first}))
    return frame[~after]


_END_OF_DAY = pd.Timedelta(days=1) - pd.Timedelta(seconds=1)  # a day's date read as the moment it ends


def _period_begun(stamps: pd.Series, made: pd.Timestamp) -> pd.Series:
    """When the period of each of ``stamps`` counts as begun: its month's (quarter's, year's) first day where the rows
    are a month (a quarter, a year) apart, whether stamped at its start or its end, and ``made`` is in its last tenth
    (a fund's NAV stamped 03/31 under 'As of 03/28/2024'; not a half month of sales stamped 09/30 under 'As of
    09/15'); the stamp itself otherwise."""
    steps = stamps.dropna().drop_duplicates().sort_values().diff().dt.days.median()
    code = None if not steps or steps < 28 else "M" if steps < 80 else "Q" if steps < 300 else "Y"
    if code is None:
        return stamps
    periods = stamps.dt.to_period(code)
    start, end = periods.dt.start_time, periods.dt.end_time
    nearly = (made - start) >= _NEARLY_OVER * (end - start)
    return start.astype(stamps.dtype).where(nearly, stamps)


_NEARLY_OVER = 0.9  # of a period gone by the moment a report was made, for its row to stand


def _first_stamp(text: str, day_first: bool | None) -> pd.Timestamp | None:
    """The moment at the start of ``text`` ('09/15/2024 06:00 by jsmith'), a day's date in the file's order
    (``day_first``; None where that is unknown and the date reads both ways), or None. A date without a time is the
    end of its day (a report 'As of 12/31/2023' holds December whole)."""
    words = re.sub(r"[\s,;\t\"]+$", "", text.strip().strip('"')).split()  # (a CSV line's empty cells after it)
    if not words or not _DAY_OF_MONTH.fullmatch(words[0]):
        return None
    parts = [int(part) for part in re.split(r"[-/.]", words[0])]
    if day_first is None and len(words[0].split("/")[0]) <= 2 and parts[0] <= 12 and parts[1] <= 12 \
            and parts[0] != parts[1]:
        return None
    for size in (2, 1):
        parsed = parse_dates(pd.Series([" ".join(words[:size])]), day_first) if len(words) >= size else None
        if parsed is not None and parsed[0].notna().all() and parsed[0].dt.tz is None:
            stamp = pd.Timestamp(parsed[0].iloc[0])
            return stamp + _END_OF_DAY if size == 1 or stamp == stamp.normalize() else stamp
    return None


_MOST_RESETS = 3  # drops of a register to near its start, at most, read as a reset or a wrap (more: no register)
_NEAR_START = 0.1  # of the reading before, at most, for a drop to be a reset or a wrap
_NEAR_WRAP = 0.01  # of the power of ten above it, at most, left to the reading before a wrap


def _failed_reads_carried(readings: np.ndarray) -> np.ndarray:
    """A register's ``readings`` with its few failed reads (a drop to near 0, the next reading back at the one before
    it or above) as the reading before: no restart (its rises were summed raw, 1.09 million kWh a day)."""
    drops = np.flatnonzero(np.diff(readings) < 0) + 1
    failed = []
    for at in drops:
        run = readings[at:at + _MOST_RESETS + 1]  # the reads from the drop on, a few of them failed
        back = np.flatnonzero(run >= readings[at - 1])
        if len(back) and (run[:back[0]] <= _NEAR_START * readings[at - 1]).all():
            failed.append((at, at + back[0]))
    if not 0 < len(failed) <= _MOST_RESETS:
        return readings
    carried = readings.copy()
    for start, end in failed:
        carried[start:end] = carried[start - 1]
    return carried


def _past_resets(readings: np.ndarray) -> np.ndarray:
    """A register's ``readings`` (no blank) carried on past the few drops where it restarts (a counter reset to 0, a
    6-digit gate counter wrapping from 999,999 to 0): after each, the readings go on from the last before it, plus
    the wrap's rest where it was near a power of ten (999,850 then 120: 150 + 120); as they are with more drops or
    others (a register never falls otherwise; a gate counter's one wrap made its weeks' sums of raw readings)."""
    readings = _failed_reads_carried(np.asarray(readings, dtype=float))
    drops = np.flatnonzero(np.diff(readings) < 0) + 1
    if not 0 < len(drops) <= _MOST_RESETS or not (readings[drops] <= _NEAR_START * readings[drops - 1]).all():
        return readings
    carried, offset = readings.copy(), 0.0
    for at in range(1, len(readings)):
        if at in drops:
            before = readings[at - 1]
            wrap = 10.0 ** np.ceil(np.log10(before + 1))
            offset += before + (wrap - before if wrap - before <= _NEAR_WRAP * wrap else 0.0)  # (a meter replaced
            # at 93,800 restarts at 0: no 6,200 made up)
        carried[at] = readings[at] + offset
    return carried


def _carried_past_wraps(frame: pd.DataFrame, target: str, report: DataReport) -> pd.DataFrame:
    """``frame`` with a register's readings (``_REGISTER_NAMES``) carried on past the few drops where it wraps or is
    reset (``_past_resets``), said: a daily 'Register Read (kWh)' that wrapped from 99,967 to 3 was forecast as its
    dial's last digits, flat at 4,178. As it is where its readings never drop, or drop otherwise, or are rises."""
    values = frame["y"].to_numpy(dtype=float)
    filled = np.flatnonzero(np.isfinite(values))
    if not _name_words(target) & _REGISTER_NAMES or len(filled) < _RUNNING_LEAST \
            or any(notice.key == "notice.register_increments" for notice in report.notices):
        return frame
    known = values[filled]
    carried = _past_resets(known)
    rises = np.diff(carried)
    if np.array_equal(carried, known) or not never_falls(carried) or not (rises > 0).any() \
            or np.median(np.abs(carried)) < _REGISTER_SCALE * np.median(rises[rises > 0]):
        return frame
    first = int(np.flatnonzero(carried != known)[0])
    y = values.copy()
    y[filled] = carried
    params = {"column": target, "drops": int((np.diff(known) < 0).sum()), "before": f"{known[first - 1]:,.6g}",
              "after": f"{known[first]:,.6g}", "when": f"{frame['ds'].iloc[filled[first]]}".removesuffix(" 00:00:00")}
    report.notices.append(Notice(
        f"'{target}' drops back to near its start {count(params['drops'], 'time')} (first on {params['when']}, from "
        f"{params['before']} to {params['after']}), as a meter's register does when it wraps or is reset: the readings "
        "after are carried on from it, so that it keeps rising. To forecast the use per day, combine the rows per day "
        "by their sum (--per day --duplicates sum).", "notice.register_wrapped", params))
    return frame.assign(y=y)


def _register_as_increments(frame: pd.DataFrame, target: str, per: str, report: DataReport) -> pd.DataFrame:
    """``frame`` (a row per reading, before its rows are summed per ``per`` period) with each reading of a register
    (a meter's kWh, Home Assistant's 'state' and 'sum': it never falls in time, ``never_falls``, its readings
    ``_REGISTER_SCALE`` times its rises at least) replaced by its rise since the reading before, said: summed as they
    are, 24 readings of 12,346 kWh made a day's use 296,470 kWh. As it is otherwise."""
    ds = frame["ds"]
    if not pd.api.types.is_datetime64_any_dtype(ds) or ds.duplicated().any():
        return frame
    order = np.argsort(ds.to_numpy(), kind="stable")
    values = frame["y"].to_numpy(dtype=float)[order]
    known = values[np.isfinite(values)]
    carried = _past_resets(known)
    if not _name_words(target) & _REGISTER_NAMES or not never_falls(carried):
        return frame  # (a daily interest accrued on a growing deposit never falls either: a flow)
    rises = np.diff(carried)
    if np.median(np.abs(carried)) < _REGISTER_SCALE * np.median(rises[rises > 0]):
        return frame
    increments = np.full(len(values), np.nan)
    filled = np.flatnonzero(np.isfinite(values))
    decimals = _decimal_places(known)  # the readings' own: 0.7 kWh, not 0.6999999999999
    increments[filled[1:]] = rises if decimals is None else np.round(rises, decimals)
    y = np.empty(len(values))
    y[order] = increments
    report.notices.append(Notice(
        f"'{target}' never falls, as a meter's register or a running total does: summed per {per}, its readings would "
        f"add up to nothing meaningful, so each reading's rise since the one before was summed (the {per}'s use). To "
        f"forecast the readings themselves, combine them by their last (--duplicates last).",
        "notice.register_increments", {"column": target, "per": per}))
    return frame.assign(y=y)


def _blanks_filled_before_summing(frame: pd.DataFrame, target: str, options: LoadOptions,
                                  report: DataReport) -> pd.DataFrame:
    """``frame`` (a row per reading, before its rows are summed ``options.per`` period) with the blank target cells
    between its first and last values filled by the missing-value policy (interpolated in time, or carried forward),
    said: summed as nothing, a solar portal's ten days of outage made its July 30% low, while the page said none was
    filled. Only where the rows are readings of a regular spacing, one a stamp (an event log's blank is no reading)."""
    known = frame["y"].notna().to_numpy()
    ds = frame["ds"]
    if not known.any() or not pd.api.types.is_datetime64_any_dtype(ds) or ds.dropna().duplicated().any():
        return frame
    if ds.isna().any():  # rows without a time, dropped later: the others filled in time
        dated = ds.notna().to_numpy()
        y = frame["y"].to_numpy(dtype=float, copy=True)
        y[dated] = _blanks_filled_before_summing(frame[dated], target, options, report)["y"].to_numpy()
        return frame.assign(y=y)
    first, last = np.flatnonzero(known)[[0, -1]]
    inside = np.zeros(len(frame), dtype=bool)
    inside[first:last + 1] = True
    blank = inside & ~known
    if not blank.any() or blank.sum() > _FILLED_BLANKS * (last - first + 1) or not _readings_of_one_spacing(ds):
        return frame
    known_values = frame["y"].dropna()
    if _blank_holidays_notice(ds, frame["y"], target) is not None or (  # closed on holidays, or a small count that
            not (known_values % 1).any() and known_values.min() >= 1  # never writes 0 (hours without orders): blank
            and known_values.median() <= _SMALL_COUNT):  # is none, and the sum is right
        return frame
    history = frame["y"].iloc[first:last + 1].set_axis(pd.DatetimeIndex(ds.iloc[first:last + 1]))
    filled = history.interpolate(method="time") if options.missing == "interpolate" else history.ffill()
    cells = int(blank.sum())
    report.notices.append(Notice(
        f"{count(cells, 'cell')} of '{target}' without a value, between its values, {_were(cells)} filled "
        f"({options.missing}) before the rows were summed per {options.per}: counted as nothing, they made their "
        "periods read low.",
        "notice.blanks_before_sum", {"cells": cells, "column": target, "policy": options.missing, "per": options.per}))
    y = frame["y"].to_numpy(copy=True)
    y[first:last + 1] = filled.to_numpy()
    return frame.assign(y=y)


def _readings_of_one_spacing(ds: pd.Series) -> bool:
    """Whether the rows are readings of one spacing, one a stamp (``_REGULAR_STEPS`` of the steps the commonest), not
    an event log's."""
    ds = ds.dropna()  # (a row without a date: no break in the spacing)
    steps = np.diff(ds.to_numpy().astype("int64")) if pd.api.types.is_datetime64_any_dtype(ds) else []
    return bool(len(steps)) and bool((steps > 0).all()) \
        and np.unique(steps, return_counts=True)[1].max() >= _REGULAR_STEPS * len(steps)


_PARTY_WORDS = frozenset({"customer", "client", "name", "payee", "payer", "vendor", "supplier", "person", "member",
                          "company", "account", "buyer", "seller", "merchant"})
_PARTY_ID_WORDS = frozenset({"id", "no", "number", "code", "nr"})  # ... its name or its id last ('Customer ID')


def _blank_rows_of_another_kind(raw: pd.DataFrame, values: pd.Series, date_col: str | None) -> bool:
    """Whether the rows that leave the target blank are of a kind that never fills it, as a text column of a few
    values marks them (Coinbase's 'Send' beside 'Buy' and 'Sell', a vault's 'Inventory Count' beside its dispenses):
    no amount of theirs is missing, they have none; not blanks among orders of one kind (amounts unknown)."""
    blank = values.isna().to_numpy()
    if not blank.any() or blank.all():
        return False
    for col in raw.columns:
        cells = raw[col]
        if col == date_col or pd.api.types.is_numeric_dtype(cells) or cells.nunique() > _MOST_STATUSES \
                or _last_word(col) in _PARTY_WORDS | _PARTY_ID_WORDS and _name_words(col) & _PARTY_WORDS:  # (a
            continue  # customer's two orders not yet invoiced: no kind; a 'Customer Type' is one)
        text = cells.astype("string").str.strip().str.lower()
        counts = text.value_counts()  # a kind marks several rows (not a short log's one date or order number)
        only_blank = set(text[blank].dropna()) - set(text[~blank].dropna()) - set(counts.index[counts < 2])
        if only_blank and text[blank].isin(only_blank).mean() >= 0.5:  # (a few 'Received' rows blank too)
            return True
    return False


def _blank_periods_as_none(frame: pd.DataFrame, target: str, per: str, report: DataReport) -> pd.DataFrame:
    """``frame`` (an event log summed per ``per``) with the periods whose rows all leave ``target`` blank, up to its
    last value, at 0, said: rows of another kind (a vault's count, Coinbase's 'Send' without a subtotal), where a
    period without a row is 0 too; interpolated, they made up usage and trades."""
    known = frame["y"].notna().to_numpy()
    if not known.any():
        return frame
    blank = ~known & (frame["ds"] <= frame["ds"][known].iloc[-1]).to_numpy()
    if not blank.any():
        return frame
    periods = int(blank.sum())
    report.notices.append(Notice(f"{count(periods, per)} whose rows all leave '{target}' blank (rows of another kind) "
                                 f"{_were(periods)} counted as 0, as a {per} without a row is.",
                                 "notice.per_blank_periods", {"periods": periods, "per": per, "column": target}))
    return frame.assign(y=np.where(blank, 0.0, frame["y"].to_numpy(dtype=float)))


def _combined_per_period(frame: pd.DataFrame, options: LoadOptions, report: DataReport,
                         file_end: object = None) -> pd.DataFrame:
    """The rows combined per period, said in one notice instead of as repeated time stamps; summed, a period without
    a row up to the last value given is 0 (no orders that day), not a gap to interpolate (future rows, whose target is
    blank, stay as they are). In a series of a long file, up to the file's last value (``file_end``) where the series
    has been as long without a row before: a warehouse idle over the file's last weekend had its forecast begin on
    that Saturday, the others' on Monday (a store closed for good still ends early, said)."""
    periods, empty, kept = len(frame), 0, ()
    known = frame["y"].notna().to_numpy()
    if options.duplicates in SUMMED and known.any():
        last = frame["ds"][known].iloc[-1]
        if isinstance(file_end, pd.Timestamp) and file_end.tz is None and frame["ds"].dt.tz is None \
                and not (frame["ds"] > last).any():  # no future rows of regressors past its last value
            period = file_end.to_period(PERIODS[options.per])  # whole where the file reaches its last day (a day: its
            whole = options.per in ("minute", "hour", "day") or file_end.normalize() >= period.end_time.normalize() \
                - pd.Timedelta(days=1 if options.per == "week" else 7)  # own; a business file's month ends early)
            end = period.start_time if whole else (period - 1).start_time
            last = end if last < end <= last + frame["ds"][known].diff().max() else last
        kept = some_days_kept(pd.DatetimeIndex(frame["ds"][known])) if options.per == "day" else ()
        frame, empty = _zeros_between(frame, options.per, last, report, kept)
    combined, params = report.rows_combined_away + periods, {"per": options.per, "policy": options.duplicates}
    _check_periods(frame, options.per, combined, empty, report)
    said = (f"Rows combined per {options.per} by their {options.duplicates}: {count(combined, 'row')} into "
            f"{periods + empty:,}, one per {options.per}")
    if empty:
        report.notices.append(Notice(f"{said}; {count(empty, options.per)} without a row in the file, counted as 0.",
                                     "notice.per_period_zeros", {**params, "rows": combined, "periods": periods + empty,
                                                                 "empty": empty}))
    elif options.duplicates == "mean":  # an event log's mean is the average order, not the day's sales
        report.notices.append(Notice(f"{said}. If the rows are parts of one total (orders, sales), choose sum under "
                                     "Reading options (--duplicates sum).", "notice.per_period_averaged",
                                     {**params, "rows": combined, "periods": periods}))
    else:
        report.notices.append(Notice(f"{said}.", "notice.per_period", {**params, "rows": combined, "periods": periods}))
    if kept:
        report.notices.append(_some_days_notice(kept))
    return frame


# A text column with at most this many values, each on at least five rows on average, names groups (stores,
# products): combined per period, their rows are summed or averaged together.
_MAX_GROUPS = 50
_GROUP_SHARE = 0.2  # the smallest group's rows, as a share of the groups' mean, for groups that may be series


def _groups_combined(raw: pd.DataFrame, text_columns: list[object], per: str, stamps: pd.Series) -> list[Notice]:
    """A notice for each text column that names groups of the rows (``store``: north, south, east): combined per
    period, the rows of every group went into one series, which the user may not want (the orders of three stores
    were summed per day without a word); the series id makes one series of each group. Groups of very unequal size
    are an attribute of the rows, not series (``status``: 97 paid orders to 3 refunded): not said, nor times of day
    (LibCal's 'To Time' of bookings, each hour no series), nor periods of the time column itself (a grant log's
    'Fiscal Year' FY2020, FY2021: each a span of ``stamps`` no other value reaches into)."""
    return [Notice(f"Column '{col}' names {groups:,} groups ({shown}): the rows of all of them were combined per "
                   f"{per} into one series. To forecast each, choose '{col}' as the Series id (--id-col "
                   f"{shlex.quote(str(col))}).", "notice.per_period_groups",
                   {"column": col, "groups": groups, "shown": shown, "per": per, "option": shlex.quote(str(col))})
            for col, groups, shown in _group_columns(raw, text_columns, stamps)]


def _groups_in_one_series(raw: pd.DataFrame, text_columns: list[object], stamps: pd.Series) -> list[Notice]:
    """A notice for each text column that names groups of an irregular series' rows (a utility's bills for three
    sites, each read on its own days: the sites alternated in one series, nothing said), with the way to forecast
    each (``_group_columns``)."""
    return [Notice(f"Column '{col}' names {groups:,} groups ({shown}), whose rows are read as one series: to forecast "
                   f"each, choose '{col}' as the Series id (--id-col {shlex.quote(str(col))}).",
                   "notice.groups_one_series", {"column": col, "groups": groups, "shown": shown,
                                                "option": shlex.quote(str(col))})
            for col, groups, shown in _group_columns(raw, text_columns, stamps)]




def _group_columns(raw: pd.DataFrame, text_columns: list[object], stamps: pd.Series) -> list[tuple[object, int, str]]:
    """The text columns that name groups of the rows (``_groups_combined``), with how many and the first few."""
    found = []
    for col in text_columns:
        values = raw[col].dropna().astype("string").str.strip()
        if len(values) and values.str.fullmatch(TIME_OF_DAY).all() or _follows_the_time(values, stamps) \
                or len(values) < 0.5 * len(raw) or values.str.lower().str.rstrip(".").isin(_DAY_NAMES).all() \
                or values.str.upper().isin(_ZONE_OFFSETS).all():
            continue  # a weekday's name ('Mon') is no group, nor a column mostly blank (a holiday's name), nor a time
            # zone's ('EST', 'EDT': USGS's 'lev_tz_cd')
        sizes = values[values != ""].value_counts()
        groups = sizes.index
        if 2 <= len(groups) <= min(_MAX_GROUPS, len(raw) / 5) and sizes.min() >= _GROUP_SHARE * sizes.mean():
            shown = ", ".join(f"'{group}'" for group in sorted(groups)[:3]) + (", ..." if len(groups) > 3 else "")
            found.append((col, len(groups), shown))
    return found


# an amount named by its currency ('Amount (EUR)', N26's beside its 'Type Foreign Currency'): in one currency
_CURRENCY_CODES = frozenset({"eur", "usd", "gbp", "chf", "jpy", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "czk",
                             "huf", "inr", "cny", "rmb", "brl", "mxn", "zar", "sgd", "hkd", "krw", "ils"})
_CURRENCY_WORDS = frozenset({"currency", "währung", "devise", "moneda", "moeda", "valuta", "币种", "货币"})
_CURRENCY_NAMES = frozenset({"currency", "currency code", "curr", "ccy", "coin", "währung", "devise", "moneda", "moeda", "币种"})


def _currencies_mixed(raw: pd.DataFrame, converted: bool = False) -> Notice | None:
    """A warning where the rows combined into one value are in several currencies (a column named as one,
    ``_CURRENCY_NAMES``, holds several codes: KDP's royalties in USD, GBP, JPY and EUR were summed into 6,957.8 of
    nothing); None otherwise. Where the amounts are named by one currency (``converted``: 'Amount (EUR)'), only a
    column named exactly so warns (not N26's 'Type Foreign Currency')."""
    if any(_name_text(col) in _CURRENCY_NAMES and raw[col].dropna().astype("string").str.strip().str.upper()
           .pipe(lambda codes: codes[codes != ""].nunique()) == 1 for col in raw.columns):
        return None  # the amounts' own currency, one (Stripe's 'Currency' usd beside its 'Customer Facing Currency')
    for col in raw.columns:
        named = _name_text(col) in _CURRENCY_NAMES
        if named or not converted and _name_words(col) & _CURRENCY_WORDS:  # Google Play's 'Buyer Currency',
            codes = raw[col].dropna().astype("string").str.strip().str.upper()  # Apple's 'Customer Currency',
            codes = sorted(codes[codes != ""].unique())  # 'Currency of Proceeds' (ISO codes: not 'Amount (Buyer
            # Currency)')
            if len(codes) > 1 and (named or all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)):
                shown = ", ".join(codes[:4]) + (", ..." if len(codes) > 4 else "")
                return Notice(f"The rows combined into each value are in {len(codes)} currencies in '{col}' "
                              f"({shown}): their amounts were added as they are. Choose '{col}' as a Series id "
                              "(with the others) to forecast each currency, or convert the amounts first.",
                              "notice.currencies_mixed",
                              {"column": str(col), "count": len(codes), "shown": shown})
    return None


_DAY_NAMES = frozenset(name.lower() for day in pd.date_range("2024-01-01", periods=7)
                       for name in (day.day_name(), day.day_name()[:3], day.day_name()[:2]))


def _follows_the_time(values: pd.Series, stamps: pd.Series) -> bool:
    """Whether each of the values holds one span of the time stamps (on ``values``' index) that the next begins
    after: periods (years, a fiscal year, a phase), not groups of rows side by side."""
    table = pd.DataFrame({"value": values, "ds": stamps.reindex(values.index)}).dropna()
    spans = table.groupby("value")["ds"].agg(["min", "max"]).sort_values("min")
    return len(spans) >= 2 and bool((spans["min"].to_numpy()[1:] >= spans["max"].to_numpy()[:-1]).all())


_PARTIAL_SHARE = 0.1  # an end period lacking rows over this share of its span more than the others usually do
_PARTIAL_LEAST = 6  # periods with rows needed to tell what the others usually lack


def _partial_ends(frame: pd.DataFrame, per: str) -> list[tuple[str, pd.Timestamp, pd.Timestamp]]:
    """The first and last ``per`` periods of the rows with a value that the file covers only in part, to be summed:
    (which end, the period's start, the stamp of its first or last row). A period is partial when the span from its
    start to its first row (or from its last row to its end) exceeds the 95th percentile of that span in the periods
    between by over ``_PARTIAL_SHARE`` of the period, and over how much they vary (5th to 95th percentile: a sparse
    log's first event falls anywhere in its period) (a shop open from 9 has nine hours before its first order every
    day; an export from a Friday leaves four days of its first week; monthly rows to February leave their quarter's
    March, where the quarters between lack one month from their last row)."""
    stamps = frame.loc[frame["y"].notna().to_numpy(), "ds"].dropna()
    if per not in PERIODS or not per or not pd.api.types.is_datetime64_any_dtype(stamps):
        return []
    periods = stamps.dt.to_period(PERIODS[per])
    table = pd.DataFrame({"period": periods, "stamp": stamps}).groupby("period")["stamp"].agg(["min", "max"])
    if len(table) < _PARTIAL_LEAST:
        return []
    starts, ends = table.index.start_time, (table.index + 1).start_time
    into, left, span = (table["min"] - starts), (ends - table["max"]), (ends - starts)
    found = []
    for which, lack, end, stamp in (("first", into, 0, table["min"]), ("last", left, -1, table["max"])):
        usual, least = lack.iloc[1:-1].quantile(0.95), lack.iloc[1:-1].quantile(0.05)
        if lack.iloc[end] - usual > max(_PARTIAL_SHARE * span[end], usual - least):  # sparse logs' lacks vary
            found.append((which, pd.Timestamp(starts[end]), pd.Timestamp(stamp.iloc[end])))
    return found


def _without_partial_ends(frame: pd.DataFrame, partial: list[tuple[str, pd.Timestamp, pd.Timestamp]], per: str,
                          report: DataReport) -> pd.DataFrame:
    """``frame`` (combined per ``per`` by the sum) without its periods the file covers only in part (``_partial_ends``):
    summed, they read low (an export from a Friday made its first week 976 where full weeks were 2,400-2,900), and
    trained and forecast from as a dip; said. The last is kept where future rows follow it (no gap before them), and
    either where fewer than ``MIN_ROWS`` periods would be left without it, the last left out first (said too)."""
    future = frame["y"].isna().to_numpy() & (frame["ds"] > frame["ds"][frame["y"].notna().to_numpy()].max()).to_numpy()
    dropped = [(which, start, stamp) for which, start, stamp in partial if which == "first" or not future.any()]
    left, kept = int(frame["y"].notna().sum()), set()
    for which, _, _ in sorted(dropped, key=lambda end: end[0] != "last"):  # the running last period first
        if left - 1 >= MIN_ROWS:
            left -= 1
        else:
            kept.add(which)
    for which, start, stamp in dropped:
        written = f"{stamp:%Y-%m-%d %H:%M:%S}" if per in ("minute", "hour") \
            else f"{stamp:%Y-%m-%d %H:%M}".removesuffix(" 00:00")
        begins = f"{start:%Y-%m-%d %H:%M}" if per in ("minute", "hour") else f"{start:%Y-%m-%d}"  # an hour by its hour
        if which in kept:  # too few periods without it: kept, said (a young shop's export taken mid-month read low)
            report.notices.append(Notice(
                f"The {which} {per} ({begins}) holds rows {'from' if which == 'first' else 'up to'} {written} only: "
                f"summed, it reads low, but it is kept, as fewer than {MIN_ROWS} {per}s would be left without it; "
                f"export whole {per}s to forecast from full ones.", f"notice.per_partial_kept_{which}",
                {"per": per, "start": begins, "stamp": written, "least": MIN_ROWS}))
            continue
        report.notices.append(Notice(
            f"The {which} {per} ({begins}) holds rows {'from' if which == 'first' else 'up to'} {written} "
            f"only: summed, it would read low, so it is left out.", f"notice.per_partial_{which}",
            {"per": per, "start": begins, "stamp": written}))
    gone = [start for which, start, _ in dropped if which not in kept]
    return frame[~frame["ds"].isin(gone)].reset_index(drop=True) if gone else frame


# Words of a status column for rows that may not count (a payment that failed, an order refunded or cancelled).
_VOID_WORDS = frozenset({"failed", "refunded", "partially_refunded", "partially refunded", "cancelled", "canceled",
                         "voided", "void", "declined", "reversed", "rejected", "returned", "chargeback",
                         *_CANCELLED_ABROAD,
                         # a balance's movements that are no sales (Stripe's balance history: its daily payouts)
                         "payout", "payouts", "stripe_fee", "payout_failure", "payout_cancel"})
_MOST_STATUSES = 20  # a status column holds at most this many distinct values
_NOT_BOOKED_WORDS = frozenset({"prospect", "tentative"})  # (said in a column named a status only)
_NETTING_WORDS = frozenset({"returned", "return", "refund", "refunded", "chargeback", "charged back", "reversed",
                            "reversal"})  # rows below zero that net against others


def _marked_rows_combined(raw: pd.DataFrame, text_columns: list[object], per: str, values: pd.Series,
                          zeroed: object | None = None, words: frozenset[str] = frozenset(),
                          target: str = "") -> list[Notice]:
    """A notice for each status column (few distinct values) that marks rows failed, refunded or cancelled
    (``_VOID_WORDS``): combined per period, they were counted with the others (a payments export's failed and
    refunded payments in each day's total, unsaid); the file must leave them out where they should not count. Not
    the rows of the status column ``zeroed`` marks with ``words``: counted as 0 (``_failed_as_zero``); nor rows whose
    ``values`` are below zero: a return that nets against its dispense (Epic's 'Returned', -2); nor a step's failing
    (``_status_words``: a refund that failed)."""
    notices = []
    for col in text_columns:
        cells = raw[col].dropna().astype("string").str.strip()
        if cells.nunique() > _MOST_STATUSES or _name_words(col) & _OTHER_STATUS_WORDS:  # (a QC's 'Rejected')
            continue
        void = _status_words(col, target, _VOID_WORDS - words if col == zeroed else _VOID_WORDS)
        if _name_text(col) in _STATUS_NAMES:  # a pipeline's events not yet booked (Tripleseat's Prospect, Tentative)
            void = void | _NOT_BOOKED_WORDS
        nets = cells.str.lower().isin(_NETTING_WORDS).to_numpy() & (values.reindex(cells.index) < 0).to_numpy()
        counts = (values.reindex(cells.index) != 0).to_numpy()  # (a row counted as 0 is out of the sums already)
        marked = cells[cells.str.lower().isin(void).to_numpy() & ~nets & counts]  # (Epic's 'Returned' -2: nets)
        if len(marked):
            shown = ", ".join(f"'{word}'" for word in marked.value_counts().index[:3])
            notices.append(Notice(f"{count(len(marked), 'row')} marked {shown} in '{col}' {_were(len(marked))} "
                                  f"combined per {per} with the others: where they should not count, leave them out "
                                  "of the file.", "notice.per_period_marked",
                                  {"rows": len(marked), "words": shown, "column": str(col), "per": per}))
    return notices


def _check_periods(frame: pd.DataFrame, per: str, rows: int, empty: int, report: DataReport) -> None:
    """Refuse a combining that combines nothing and fills nothing (daily rows per hour: "120 rows into 120"), or that
    leaves fewer periods with a value than a series needs (91 days per month: the file was said to hold "only 3
    distinct time stamps", to be replaced by a longer one)."""
    if not report.rows_combined_away and not empty \
            and not any(notice.key == "notice.register_increments" for notice in report.notices):  # (a day's rise)
        raise DataError(f"Combining the rows per {per} combines none of them: each row already has its own {per}. "
                        "Keep the rows as written, or choose a longer period.", "err.per_none", {"per": per})
    if (periods := int(frame["y"].notna().sum())) < MIN_ROWS:
        raise DataError(f"Combined per {per}, the {rows:,} rows make only {periods:,} with a value; a series needs at "
                        f"least {MIN_ROWS}: choose a shorter period.", "err.per_too_few",
                        {"per": per, "rows": rows, "periods": periods, "least": MIN_ROWS})


def _some_days_notice(weekdays: tuple[int, ...]) -> Notice:
    """Said where the days combined keep to a week of a few days (``some_days_kept``)."""
    days = ", ".join(WEEKDAY_NAMES[day] for day in weekdays)
    return Notice(f"The rows fall on {days} only: the series is read as a week of those days, and the other weekdays "
                  "are left out, not counted as 0, and not forecast.", "notice.some_days_kept", {"days": days})


def _zeros_between(frame: pd.DataFrame, per: str, last: pd.Timestamp, report: DataReport,
                   weekdays: tuple[int, ...] = ()) -> tuple[pd.DataFrame, int]:
    """``frame`` with a row of zeros for every ``per`` period without one up to ``last`` (the last value given), and
    how many; within ``TSR_MAX_ROWS``, and refused where nothing was combined and zeros would be most rows (a period
    finer than the stamps: daily data per hour became 1,417 hours, mostly 0). Days of ``weekdays`` only where given
    (a week of a few days, ``some_days_kept``)."""
    first, most = frame["ds"].iloc[0], limit("TSR_MAX_ROWS", MAX_ROWS)
    about = (last - first) / (pd.Timedelta(seconds=_PERIOD_SECONDS[per]) if per in _PERIOD_SECONDS
                              else pd.Timedelta(days=_PERIOD_DAYS.get(per, 1)))
    every = pd.period_range(first, last, freq=PERIODS[per]).start_time if about <= most else None
    if every is None or len(every) > most:
        raise LimitError(f"Combining the rows per {per} from {first:%Y-%m-%d} to {last:%Y-%m-%d} would make more rows "
                         f"than the limit of {format_limit(most)}: choose a longer period, or set TSR_MAX_ROWS to "
                         "raise the limit.", "err.per_limit", {"per": per, "first": f"{first:%Y-%m-%d}",
                                                               "last": f"{last:%Y-%m-%d}", "limit": format_limit(most)})
    every = every.astype(frame["ds"].dtype)
    if weekdays:  # a market's Saturdays and Sundays: its other weekdays are no days of none
        every = every[every.day_of_week.isin(weekdays)]
    history, future = frame[frame["ds"] <= last], frame[frame["ds"] > last]
    added = ~every.isin(history["ds"])  # periods without a row; a row's blank cell stays blank, to be filled
    empty = int(added.sum())
    if not report.rows_combined_away and empty > len(history) and _finer_than_stamps(history["ds"], per):
        params = {"per": per, "empty": empty, "periods": len(every)}
        if per not in _PERIOD_SECONDS:  # months and longer: refused as before, whatever the stamps keep to
            raise DataError(f"Combining the rows per {per} combines none of them, and {empty:,} of the {len(every):,} "
                            "periods would be zeros. Choose a longer period, or keep the rows as written.",
                            "err.per_finer", params)
        raise DataError(f"Combining the rows per {per} combines none of them, and {empty:,} of the {len(every):,} "
                        "periods would be zeros: the time stamps keep to a few of them (the same hours of each day, "
                        "days of each week or days of each month). Choose a longer period, or keep the rows as "
                        "written.", "err.per_few_places", params)
    filled = history.set_index("ds").reindex(every).rename_axis("ds").reset_index()
    filled.loc[added, "y"] = 0.0  # a sum of no rows; the regressors' means stay blank, filled as blank cells are
    return pd.concat([filled, future], ignore_index=True), empty


_PERIOD_SECONDS = {"minute": 60, "hour": 3600, "day": 86_400, "week": 7 * 86_400}


_KEPT_SHARE = 0.9  # the share of stamps in one part of a longer cycle that makes them keep to it (``_kept_to``)


def _steps_of_seconds(stamps: pd.Series) -> np.ndarray:
    return np.diff((stamps - stamps.iloc[0]).dt.total_seconds().to_numpy().astype(np.int64))


def stamps_period(stamps: pd.Series) -> str:
    """The period irregular ``stamps`` are best combined per: a month where every stamp is a month's first midnight
    (police.uk's crimes, dated by month: per day, 97% of the days were zeros), a week where every step is whole weeks
    (a SKU's weeks with shipments: per day, six days in seven would be zeros, and refused), else a day, or an hour or a
    minute where the stamps span fewer than ``_PERIODS_ADVISED`` of them (a load test's 25 minutes)."""
    if len(stamps) < 2 or not pd.api.types.is_datetime64_any_dtype(stamps):  # steps numbered: no period to name
        return "day"
    known = stamps.dropna()
    if len(known) and bool(((known.dt.day == 1) & (known == known.dt.normalize())).all()):
        return "month"
    if np.all(_steps_of_seconds(stamps) % _PERIOD_SECONDS["week"] == 0):
        return "week"
    span = (known.max() - known.min()).total_seconds() if len(known) else 0.0  # a load test's 25 minutes: per minute
    return next((per for per in ("day", "hour") if span >= _PERIODS_ADVISED * _PERIOD_SECONDS[per]), "minute")


_PERIODS_ADVISED = MIN_ROWS  # periods a file's span holds at least for a period to be advised


def _finer_than_stamps(starts: pd.Series, per: str) -> bool:
    """Whether ``per`` is finer than the stamps (moved to their periods' ``starts``): they keep to a place in a longer
    cycle, nearly all within a few hours of the day per hour (daily readings at about 08:00), on one or two days of
    the week or within a week of the month per day (a weekly report, monthly invoices), within two weeks of the month
    per week, gaps or not: most of the periods would be zeros where the file has no rows to give. A log of sales on
    some days, or a SKU's weeks with shipments, per week, keeps to none: its missing periods are the zeros of
    intermittent demand (it was refused). Months and longer: always."""
    if per not in _PERIOD_SECONDS or len(starts) < 2 or not pd.api.types.is_datetime64_any_dtype(starts):
        return True
    if per == "minute":  # readings at about the same minute of each hour
        return _kept_to(starts.dt.minute.to_numpy(), 60, 5)
    if per == "hour":
        return _kept_to(starts.dt.hour.to_numpy(), 24, 3)
    if per == "day":
        return _kept_to(starts.dt.dayofweek.to_numpy(), 7, 2) or _kept_to(starts.dt.day.to_numpy() - 1, 31, 7)
    return _kept_to(starts.dt.day.to_numpy() - 1, 31, 13)


def _kept_to(places: np.ndarray, cycle: int, window: int) -> bool:
    """Whether ``_KEPT_SHARE`` of ``places`` (whole numbers from 0 to ``cycle`` - 1) lie within ``window`` places
    of each other, around the cycle."""
    counts = np.bincount(places % cycle, minlength=cycle)
    covered = np.convolve(np.r_[counts, counts[:window - 1]], np.ones(window, dtype=int), mode="valid")[:cycle]
    return bool(covered.max() >= _KEPT_SHARE * len(places))


# Said where a file listed newest first had its repeated time stamps combined by their first or last row
_NEWEST_FIRST = {policy: f"The rows are listed newest first, and so were read the rows of each time stamp: "
                         f"'{policy}' is the {row} row of each. If a time stamp's rows run oldest first, choose "
                         f"{other} instead (--duplicates {other})."
                 for policy, row, other in (("last", "top", "first"), ("first", "bottom", "last"))}


def _combined_notice(rows: int, stamps: int, policy: str) -> Notice:
    """What combining the ``rows`` on ``stamps`` repeated time stamps by ``policy`` did; by their mean, what to choose
    when the rows are parts of one total (a transaction log's orders: the mean is the average order, not the day's
    sales)."""
    said = f"{count(rows, 'row')} on {count(stamps, 'repeated time stamp')} {_were(rows)} combined by their {policy}."
    if policy != "mean":
        return Notice(said, "notice.stamps_combined", {"rows": rows, "stamps": stamps, "policy": policy})
    return Notice(f"{said} If the rows are parts of one total (orders, sales), choose sum under Reading options "
                  "(--duplicates sum).", "notice.stamps_averaged", {"rows": rows, "stamps": stamps})


_FEW = 3  # a count this low at least once: days of none are likely among the days the file leaves out ...
_NONE_GAPS = 0.15  # ... as many of the span's days at least (a ward's occupied beds, 7 reports missing in 120: none)


_SLOTS_MOST = 14  # times of the week a timetable's rows keep to, at most (``_weekly_slots``) ...
_SLOT_DAYS = 3  # ... on this many days of the week at most


def _weekly_slots(stamps: pd.Series) -> Notice | None:
    """Where the rows keep to a few times of the week, each on many weeks (a church's services on Sundays at 9:00
    and 11:00: read every 2 hours, the forecast's services at 13:00, 15:00 ...), how to read them by the week; None
    otherwise."""
    if not pd.api.types.is_datetime64_any_dtype(stamps) or len(stamps) < 4 * 2:
        return None
    slots = (stamps.dt.day_of_week.astype(str) + " " + stamps.dt.strftime("%H:%M")).value_counts()
    if not 2 <= len(slots) <= _SLOTS_MOST or slots.min() < 4 or (stamps - stamps.dt.normalize()).nunique() < 2 \
            or stamps.dt.day_of_week.nunique() > _SLOT_DAYS:  # readings at 9:00 and 17:00 each weekday: a day's
        return None
    shown = ", ".join(f"{WEEKDAY_NAMES[int(slot.split()[0])]} {slot.split()[1]}" for slot in sorted(slots.index)[:4])
    shown += ", ..." if len(slots) > 4 else ""
    return Notice(f"The rows keep to {len(slots)} times of the week ({shown}), most of the stamps between them "
                  "missing: to forecast by the week, combine the rows per week (--per week, with --duplicates sum for "
                  "totals).",
                  "notice.weekly_slots", {"slots": len(slots), "shown": shown})


def _counts_only(values: pd.Series) -> bool:
    """Whether a series' values are whole counts, none of them 0 and some few (``_FEW``): a sales report that lists
    the days with a sale only (a book's 1, 2 or 3 a day), whose missing days were filled between its sales and forecast
    every day, three times its level."""
    known = values.dropna()
    return bool(len(known)) and bool((known % 1 == 0).all() and (known > 0).all() and known.min() <= _FEW)


def copies_are_events(whole_rows: pd.DataFrame, written: pd.Series, stamps: pd.Series,
                      ids: tuple[str, ...] = ()) -> bool | None:
    """``_copies_are_events`` of a long file's rows, decided once on all its columns before it is split into series
    (whose rows keep only a key of the whole row: a Harvest log's equal entries, counted as one series, were dropped
    as copies once split by 'Billable?', 10% of the hours lost), its series' ``ids`` among the columns that may tell
    a day's rows apart (SKUs written '00123'); None where no row is another's copy."""
    dated = stamps.notna().to_numpy()
    rows = whole_rows[dated]
    copies = rows.duplicated().to_numpy()
    return _copies_are_events(rows, written, copies, stamps[dated], ids) if copies.any() else None


def _copies_are_events(whole_rows: pd.DataFrame, written: pd.Series | None, copies: np.ndarray,
                       stamps: pd.Series, ids: tuple[str, ...] = ()) -> bool:
    """Whether rows alike in every column may be events alike (a statement's two payments of 4.50 at one shop on a
    day, summed: a Sparkasse export's days came out short): days written without a time of day or to the minute
    (a time to the second tells copies; two equal vends in a minute are two), other days written on several rows that
    differ (an event log, not a table of a row a day, even where rows are combined per month), rows alike by the
    handful (``_MANY_ALIKE``: a de-identified visit log's households of one size and zip code on a day, 10,212 visits
    counted as 1,740) or no column or pair of columns that tells a day's rows apart (an order id, a store and a
    department: alike, such rows are one exported twice), and no span exported twice (``_exported_twice``; on fewer
    than ``_TWICE_DAYS`` days, not half the rows alike)."""
    written = written.reindex(whole_rows.index) if written is not None else None  # each row's stamp as written
    if _exported_twice(whole_rows, stamps, copies, written):
        return False
    if _units_of_one(whole_rows):
        return True
    if written is None or copies.sum() >= _TWICE_SHARE * (~copies).sum() and stamps.nunique() < _TWICE_DAYS:
        return False  # half the rows alike on a few days: a file appended to itself (on more, ``_exported_twice``)
    days = written.astype("string").str.strip()[~copies]
    # a workbook's dates are at midnight: days too (and BTS's '1/1/2023 12:00:00 AM')
    days = days.str.replace(r"[ T](?:00:00(?::00)?|12:00(?::00)?\s*[Aa]\.?[Mm]\.?)$", "", regex=True)
    if days.str.contains(r"\d:\d\d:\d\d", regex=True).any():
        return False
    if _on_a_grid(written) and _one_row_a_stamp(whole_rows, written):
        return False  # readings every 5 minutes: a join's repeated reading is a copy (not a busy minute's taps)
    days = days.str.replace(r"[ T]+\d{1,2}:\d\d(?:\s*[AaPp][Mm])?$", "", regex=True)  # to the minute: two vends alike
    if days.duplicated(keep=False).mean() < _EVENT_DAYS:
        return False
    alike = whole_rows[whole_rows.duplicated(keep=False)].value_counts()
    if (alike > 2).mean() >= _MANY_ALIKE:  # rows alike by the handful: a visit log's households of one size and zip
        return True
    rows = whole_rows[~copies]
    stamped = written[~copies].astype("string")  # the time column itself tells no rows apart
    labels = [col for col in rows.columns if not (rows[col].astype("string") == stamped).all()]
    labels = [col for col in labels if pd.api.types.is_integer_dtype(rows[col])
              or not pd.api.types.is_numeric_dtype(rows[col])
              and rows[col].astype("string").str.contains(r"[^\W\d_]", regex=True).mean() >= 0.5 or col in ids]
    if any(rows[col].nunique() >= _ID_SHARE * len(rows) for col in labels):
        return False
    keys = [key for key in [(col,) for col in labels] + list(itertools.combinations(labels[:_KEY_COLUMNS], 2))
            if len(key) < len(rows.columns) - 1]  # a key of every column but the date is the row ('Date,Amount')
    return not any(_a_days_key(days, rows[list(key)]) for key in keys)


def _on_a_grid(written: pd.Series) -> bool:
    """Whether the distinct times ``written`` step evenly (``_GRID_STEPS`` of their steps the most common one, under
    a day): a meter's readings, not a log's events."""
    stamps = pd.to_datetime(written.dropna().astype("string").unique(), format="mixed", errors="coerce")
    steps = np.diff(np.unique(stamps.dropna().to_numpy())).astype("timedelta64[s]").astype(np.int64)
    if len(steps) < _TWICE_DAYS or not (steps % 86_400).any():
        return False
    values, counts = np.unique(steps, return_counts=True)
    return bool(values[np.argmax(counts)] < 86_400 and counts.max() >= _GRID_STEPS * len(steps))


_GRID_STEPS = 0.8  # of the steps between distinct stamps, at least, the most common one (``_on_a_grid``)


def _one_row_a_stamp(whole_rows: pd.DataFrame, written: pd.Series) -> bool:
    """Whether the distinct rows are about one a time stamp (``_ROWS_A_STAMP``): readings, not a log's events."""
    distinct = whole_rows.drop_duplicates()
    return len(distinct) <= _ROWS_A_STAMP * written[distinct.index].nunique()


_ROWS_A_STAMP = 1.2


def _units_of_one(whole_rows: pd.DataFrame) -> bool:
    """Whether every row is one of something, a quantity of 1 (``_QUANTITY_WORDS``, 'Units', 'Used'): a log of a line a
    box opened, whose equal lines are each a box (a clinic's gloves came out at 203 boxes of 516)."""
    return any(set(_word_list(col)) & (_QUANTITY_WORDS | {"units", "used", "count"})
               and (pd.to_numeric(whole_rows[col], errors="coerce") == 1).all() for col in whole_rows.columns)


def _exported_twice(whole_rows: pd.DataFrame, stamps: pd.Series, copies: np.ndarray,
                    written: pd.Series | None) -> bool:
    """Whether the copies are the rows of a span exported twice: ``_TWICE_SHARE`` of the rows between the first and
    the last copy have one (two exports of a table overlapping by a fortnight; a log's equal sales are a few of each
    day's)."""
    times = stamps.to_numpy()
    within = (times >= times[copies].min()) & (times <= times[copies].max()) & ~copies
    twinned = whole_rows.duplicated(keep=False).to_numpy()
    sizes = whole_rows[twinned].value_counts()  # rows exported twice come twice each (a day's 3 boxes, 6 times)
    return (len(np.unique(times[within])) >= _TWICE_DAYS and bool(twinned[within].mean() >= _TWICE_SHARE)
            and bool((sizes % 2 == 0).mean() >= _PAIRED)) or _exported_several_times(whole_rows, written, twinned)


def _exported_several_times(whole_rows: pd.DataFrame, written: pd.Series | None, twinned: np.ndarray) -> bool:
    """Whether the rows alike come from exports of a span taken several times over: the distinct rows of each day
    come as often as each other (each export holds all of a day's rows), on ``_PAIRED`` of the days with two distinct
    rows or more and one alike, ``_TWICE_DAYS`` of them at least (a bank's 'last 3 months' statements pasted under
    each other: a row 3 times, its neighbours 3 times; a visit log's households alike come 1 to 30 times a day)."""
    if not twinned.any() or written is None:
        return False
    days = written.astype("string").str.strip().str.replace(r"[ T].*$", "", regex=True)
    table = whole_rows.assign(_day=days.to_numpy())  # each row's day as written
    sizes = table.groupby(list(table.columns), dropna=False).size().rename("times").reset_index()
    by_day = sizes.groupby("_day")["times"].agg(["nunique", "size", "max"])
    checked = by_day[(by_day["size"] >= 2) & (by_day["max"] >= 2)]
    return len(checked) >= _TWICE_DAYS and bool((checked["nunique"] == 1).mean() >= _PAIRED)


def _a_days_key(days: pd.Series, key: pd.DataFrame) -> bool:
    """Whether the columns ``key`` tell a day's rows apart, as a table's keys do: no two rows of a day alike, and a row
    on ``_KEY_FILL`` of the days for each of their values at least. A shop's sales, a row a sale without an order id,
    titles and stores apart on each day only as few sold, had their sales alike dropped as copies (20% of them)."""
    table = pd.DataFrame({"day": days.to_numpy(), **{str(k): key[col].to_numpy() for k, col in enumerate(key)}})
    if table.duplicated().any():
        return False
    return len(table) >= _KEY_FILL * table["day"].nunique() * table.drop(columns="day").drop_duplicates().shape[0]


_MANY_ALIKE = 0.5  # of the groups of rows alike, at least, of three rows or more: events, not copies of a table
_EVENT_DAYS = 0.1  # of the distinct rows, at least, on a day another row differs on (``_copies_are_events``)
_TWICE_SHARE = 0.5  # of the distinct rows, as many alike: a file appended to itself
_TWICE_DAYS = 7  # time stamps, at least, of a span exported twice (a fair's three days of equal sales are none)
_PAIRED = 0.9  # of the groups of equal rows, at least, of an even count
_KEY_COLUMNS = 12  # columns whose pairs are tried as a day's key
_KEY_FILL = 0.5  # of the days, at least, each value of a day's key is on (a table's; a log's sparse sales are not)
_ID_SHARE = 0.9  # of the distinct rows, at least, with a value of their own in a column that tells rows apart


def _strictly_rising(stamps: pd.Series) -> bool:
    """Each stamp later than the one before (so none repeats): one pass, no hashing."""
    values = stamps.to_numpy()
    return bool(len(values) < 2 or (values[1:] > values[:-1]).all())


def _split_off_future(frame: pd.DataFrame, regressors: list[str],
                      report: DataReport) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Trailing rows with a blank target hold the regressors' future, up to the first with a regressor blank (a
    notice names it: forecasts reach as far as the regressors are known)."""
    if not regressors:
        return frame, None
    observed = np.flatnonzero(frame["y"].notna().to_numpy())
    end = int(observed[-1]) + 1 if len(observed) else 0
    tail = frame.iloc[end:]
    if tail.empty:
        return frame, None
    complete = tail[regressors].notna().all(axis=1).to_numpy()
    usable_rows = int(np.argmin(complete)) if not complete.all() else len(tail)
    future = tail.iloc[:usable_rows].drop(columns="y").reset_index(drop=True)
    if usable_rows < len(tail):
        blank = tail.iloc[usable_rows]
        columns = quoted_names([col for col in regressors if pd.isna(blank[col])])
        stamp = stamp_text(blank["ds"])
        future.attrs["blank"] = {"columns": columns, "stamp": stamp}  # for the horizon's error (pipeline)
        report.notices.append(Notice(
            f"The regressors' future values stop after {count(usable_rows, 'step')} ({columns} missing at {stamp}): "
            "forecasts reach that far; fill the missing cells to forecast further.",
            "notice.future_regressors_end", {"steps": usable_rows, "columns": columns, "stamp": stamp})
            if usable_rows else Notice(
                f"The regressors' future values are missing at the first step past the end ({columns} missing at "
                f"{stamp}): no forecast can use them until it is filled.", "notice.future_regressors_none_blank",
                {"columns": columns, "stamp": stamp}))
    return frame.iloc[:end], future


def _stray_end_notices(stamps: pd.Series, frequency: Frequency) -> list[Notice]:
    """Said when the first or the last time stamp lies further from its neighbour than all the other rows span: one
    month typed 2108-05 after five years of months up to 2019-12 made 1,061 missing months that filling invented (the
    test rows then held one value), with only the span's end to show it. Nothing for step numbers and short files."""
    if frequency.is_steps or len(stamps) < MIN_ROWS or not pd.api.types.is_datetime64_any_dtype(stamps):
        return []
    found, alias, ends = [], str(frequency.alias), ((0, 1), (-1, -2))  # each end and the row beside it
    try:  # what the rows between the two ends span: a typo at each end (1915-01 ... 2108-05) is two
        span = _steps_apart(stamps.iloc[1], stamps.iloc[-2], alias)
        aparts = [_steps_apart(*sorted((stamps.iloc[end], stamps.iloc[beside])), alias) for end, beside in ends]
    except (ValueError, OverflowError):
        return []
    for (end, neighbour), apart in zip(ends, aparts):
        if apart > max(span, 1):
            which, stamp, other = "last" if end else "first", stamp_text(stamps.iloc[end]), \
                stamp_text(stamps.iloc[neighbour])
            found.append(Notice(
                f"The {which} row's time stamp, {stamp}, lies about {apart:,} steps ({frequency.name}) from the row "
                f"beside it, {other}: further than all the other rows span. If its date is mistyped, correct it in the "
                "file: until then the steps between count as missing and the row stays where its date puts it.",
                f"notice.stray_{which}", {"stamp": stamp, "other": other, "steps": apart, "frequency": frequency.name}))
    return found


_COUNTED_STEPS = 100_000  # calendar steps between two stamps counted one by one up to this many (``_steps_apart``)


def _steps_apart(first: pd.Timestamp, last: pd.Timestamp, alias: str) -> int:
    """Steps of ``alias`` from ``first`` to ``last``: exact for fixed steps, and for calendar ones (weeks, months) up to
    ``_COUNTED_STEPS``; beyond, ``_stamp_count``'s estimate (a mean step: weeks anchored on a Saturday counted 115 for
    107)."""
    estimate = _stamp_count(first, last, alias) - 1
    if _fixed_step_nanos(alias) or estimate > _COUNTED_STEPS:
        return estimate
    on_grid = open_stamps(first, last, alias) if open_hours(alias) is not None else pd.date_range(
        first, last, freq=offset_of(alias))
    return len(on_grid) - (1 if len(on_grid) and on_grid[0] == first else 0)


def stamp_text(when: object) -> str:
    """A time stamp as a message writes it: the date alone at midnight."""
    return str(when.date() if isinstance(when, pd.Timestamp) and when == when.normalize() else when)


def _on_calendar(ds: pd.Series, frequency: Frequency) -> bool:
    """Whether the history's stamps are every step of ``frequency`` from the first to the last: only then do the
    future rows' stamps say which step each is (business days without their holidays, irregular stamps and the like
    count rows, and their future rows are matched by position)."""
    if frequency.is_steps:
        return bool(len(ds) < 2 or (np.diff(ds.to_numpy()) == 1).all())
    try:
        expected = stamps_between(ds, frequency)
    except (ValueError, TypeError):
        return False
    return len(expected) == len(ds) and bool((pd.DatetimeIndex(ds) == expected).all())


def _future_in_step(future: pd.DataFrame, history: pd.Series, frequency: Frequency, report: DataReport) -> pd.DataFrame:
    """The regressors' future rows up to the first whose time stamp is not the next step's (a month left out): each
    row's values belong to their own date, so forecasts reach that far, with a notice that names the step missing."""
    expected = future_dates(history.iloc[-1], frequency, len(future), month_day(history)).reset_index(drop=True)
    in_step = (expected == future["ds"].reset_index(drop=True)).to_numpy()
    if in_step.all():
        return future
    steps = int(np.argmin(in_step))
    kept = future.iloc[:steps].reset_index(drop=True)
    stamp = stamp_text(expected.iloc[steps])
    kept.attrs = {"missing": {"stamp": stamp}}  # for the horizon's error (pipeline); a later blank no longer matters
    report.notices.append(Notice(
        f"The regressors' future rows have no row for {stamp}: forecasts reach {count(steps, 'step')}; add a row for "
        f"{stamp} (the regressors filled, the target blank) to forecast further.", "notice.future_regressors_gap",
        {"stamp": stamp, "steps": steps}) if steps else Notice(  # "forecasts reach 0 steps" advised forecasting 0
        f"The regressors' future rows have no row for {stamp}, the first step past the end: no forecast can use them "
        f"until it is added (the regressors filled, the target blank).", "notice.future_regressors_none_gap",
        {"stamp": stamp}))
    return kept


def _trim_blank_ends(frame: pd.DataFrame, report: DataReport, target: str, stamps: pd.Series,
                     unused: dict[str, pd.Series]) -> pd.DataFrame:
    """Rows before the target's first value or after its last (an export's empty future months, a trailing
    blank) are left out, not filled: a filled end would invent actuals the test period is scored on. When other
    numeric columns (``unused``, in the file's rows as ``stamps``) are filled in every row stamped after the last
    value, the notice names them: as regressors those rows would be their future values."""
    observed = np.flatnonzero(frame["y"].notna().to_numpy())
    if not len(observed) or (observed[0] == 0 and observed[-1] == len(frame) - 1):
        return frame
    left_out = len(frame) - (int(observed[-1]) - int(observed[0]) + 1)
    report.rows_dropped += left_out
    after = (stamps > frame["ds"].iloc[int(observed[-1])]).to_numpy()  # the file's rows past the last value
    given = {str(name): col[after].notna() for name, col in unused.items()}  # which of those rows each one fills
    filled = [name for name, known in given.items() if after.any() and known.all()]
    partly = [name for name, known in given.items() if known.any() and not known.all()]
    text = (f"{count(left_out, 'row')} before the first or after the last value of '{target}' {_were(left_out)} left "
            "out: there is nothing to fit or score there.")
    if filled:
        choose = "it as a regressor" if len(filled) == 1 else "them as regressors"
        report.notices.append(Notice(f"{text} To forecast with the future values of {quoted_names(filled)} in them, "
                                     f"choose {choose}.", "notice.blank_ends_future",
                                     {"rows": left_out, "column": target, "columns": quoted_names(filled)}))
    else:
        report.notices.append(Notice(text, "notice.blank_ends", {"rows": left_out, "column": target}))
    if partly:  # a cell of them blank or no number ('hot'): named, or the notice above left them out unexplained
        report.notices.append(Notice(
            f"{quoted_names(partly)} {'holds' if len(partly) == 1 else 'hold'} values in only some of the rows after "
            f"the last value of '{target}': as regressors, forecasts reach as far as they are filled.",
            "notice.future_partly", {"columns": quoted_names(partly), "count": len(partly), "column": target}))
    return frame.iloc[int(observed[0]):int(observed[-1]) + 1]


def _policy_kept_in_step(options: LoadOptions, frame: pd.DataFrame, report: DataReport) -> str:
    """The missing-value policy to fill ``frame``'s blank cells with: 'drop' under 'Fill missing time stamps'
    interpolates, with a notice (dropping rows would leave their time stamps missing again: the stamps it inserted
    were dropped, said as done)."""
    if options.missing != "drop" or not options.fill_gaps or not frame.drop(columns="ds").isna().to_numpy().any():
        return options.missing
    report.notices.append(Notice("With 'Fill missing time stamps', rows with a blank cell are interpolated, not "
                                 "dropped: dropping them would leave their time stamps missing.",
                                 "notice.drop_with_fill"))
    return "interpolate"


def _grid_positions(ds: pd.Series, frequency: Frequency, gaps: int) -> np.ndarray | None:
    """Each time stamp's place among every stamp of ``frequency`` from the first to the last (``calendar_places``),
    where ``gaps`` stamps are missing; None where none is (the row numbers are the places)."""
    return calendar_places(ds, frequency) if gaps else None


def _fill_missing(frame: pd.DataFrame, policy: str, report: DataReport, target: str,
                  frequency: Frequency) -> pd.DataFrame:
    """Fill, or drop, the rows with a blank cell by ``policy``. Interpolation follows the calendar across missing
    time stamps (``_grid_positions``): a blank beside 3 missing days is not the midpoint of its neighbouring rows."""
    columns = [col for col in frame.columns if col != "ds"]
    blanks = np.column_stack([frame[col].isna().to_numpy() for col in columns])
    missing = int(blanks.any(axis=1).sum())
    if blanks[:, columns.index("y")].all():
        raise DataError(f"Target column '{target}' has no values: choose a column that holds the series.",
                        "err.target_empty", {"column": target})
    if not missing:
        return frame
    values = frame.drop(columns="ds")
    in_regressors = {col: int(blank) for col, blank in zip(columns, blanks.sum(axis=0)) if col != "y" and blank}
    if policy == "drop":
        frame = frame.dropna()
        report.rows_dropped += missing
        report.notices.append(Notice(f"{count(missing, 'row')} with missing values {_were(missing)} dropped.",
                                     "notice.missing_dropped", {"rows": missing}))
        report.notices.extend(_regressor_blanks_notice(in_regressors))
        return frame
    if policy == "zero":
        filled = values.fillna(0.0)
    elif policy != "interpolate":
        filled = values.ffill().bfill()
    elif (places := _grid_positions(frame["ds"], frequency, report.gaps)) is None:
        filled = values.interpolate(limit_direction="both")
    else:
        filled = values.set_axis(places).interpolate(method="index", limit_direction="both").set_axis(values.index)
    if policy != "zero":  # a zero the user says a blank means is a value, scored as the file's own
        report.filled_targets = tuple(int(row) for row in np.flatnonzero(frame["y"].isna().to_numpy()))
    frame = pd.concat([frame[["ds"]], filled], axis=1)
    report.missing_filled = missing
    report.notices.append(Notice(f"{count(missing, 'row')} with missing values {_were(missing)} filled ({policy}).",
                                 "notice.missing_filled", {"rows": missing, "policy": policy}))
    report.notices.extend(_regressor_blanks_notice(in_regressors))
    return frame


def _regressor_blanks_notice(blanks: dict[str, int]) -> list[Notice]:
    """Which regressors the rows with missing values had blank cells in, and how many: the count of rows alone read as
    the target's (200 rows "filled" where only a regressor was blank)."""
    if not blanks:
        return []
    cells = ", ".join(f"'{col}' ({blank:,})" for col, blank in blanks.items())
    return [Notice(f"Regressor cells without a number (blank, or a mark such as 'T' or 'M') among them: {cells}.",
                   "notice.regressor_blanks", {"cells": cells})]


# The Sundays on which clocks move forward an hour for daylight saving, by month, as (first day, last day) of the
# month: March from its second Sunday (North America; Europe's last), April's first (Chile, formerly Mexico),
# September's (New Zealand's last, Chile's first), October's first (Australia, Paraguay).
_SPRING_FORWARD_DAYS = {3: (8, 31), 4: (1, 7), 9: (1, 30), 10: (1, 7)}
_MOST_CLOCK_GAPS = 200  # missing stamps looked at for clock changes (about 50 years of hourly ones)


def _at_clock_changes(ds: pd.Series, frequency: Frequency, gaps: int) -> bool:
    """Whether the time stamps missing from a series of steps of an hour or less are whole hours, each on the hour of
    a Sunday night (0:00 to 3:59) when clocks move forward (``_SPRING_FORWARD_DAYS``), at most one a year: local
    times, whose skipped hour never happened (a London meter's 2024-03-31 01:00 was advice to fill a gap, the clock
    change never named)."""
    if not frequency.alias or not str(frequency.alias).endswith(("h", "min")) or not 0 < gaps <= _MOST_CLOCK_GAPS:
        return False
    try:
        step = pd.Timedelta(pd.tseries.frequencies.to_offset(frequency.alias))
        missing = _missing_stamps(ds, stamps_between(ds, frequency))  # as filling the gaps finds them
    except (ValueError, OverflowError, TypeError):
        return False
    nights = pd.Series(missing, dtype="datetime64[ns]").groupby(missing.normalize())
    if step > pd.Timedelta(hours=1) or not len(missing) or nights.ngroups > len(set(missing.year)):
        return False
    return all(_spring_forward_sunday(day) and len(stamps) * step == pd.Timedelta(hours=1)
               and stamps.iloc[0].minute == 0 and stamps.iloc[0].hour < 4 for day, stamps in nights)


def _spring_forward_sunday(day: pd.Timestamp) -> bool:
    """Whether ``day`` is a Sunday on which clocks move forward somewhere (``_SPRING_FORWARD_DAYS``)."""
    first, last = _SPRING_FORWARD_DAYS.get(day.month, (0, -1))
    return day.dayofweek == 6 and first <= day.day <= last


def _on_the_targets_spacing(frame: pd.DataFrame, target: str, date_col: str | None,
                            report: DataReport) -> pd.DataFrame:
    """The rows of a target given on a coarser spacing than the file's, said: FRED's graph download of quarterly GDP
    beside a monthly rate has GDP every third month, and two thirds of its series were made up by interpolating.
    Where half of the rows or more have no target, and those that do lie evenly on a spacing at least twice the
    file's (no gap on it), the series is read on that spacing, the rows between left out (the regressors' values
    there too; their future rows are kept on that spacing by the caller); else ``frame``."""
    given = frame["y"].notna().to_numpy()
    if date_col is None or given.mean() > _OWN_SPACING_SHARE or given.sum() < MIN_ROWS \
            or not pd.api.types.is_datetime64_any_dtype(frame["ds"]):
        return frame
    own = frame[given]
    spacing = infer_frequency(own["ds"])
    if spacing.is_steps or own["ds"].diff().median() < _COARSER * frame["ds"].diff().median() or \
            count_gaps(own["ds"], spacing) or irregular_rows(own["ds"], spacing, 0):
        return frame
    left = int((~given).sum())
    report.rows_dropped += left
    report.notices.append(Notice(
        f"'{target}' has values on a coarser spacing ({spacing.name}) than the file's other rows: it is read on its "
        f"own, the {count(left, 'row')} between its values left out (interpolating them would make up most of the "
        "series).", "notice.own_spacing", {"column": target, "frequency": spacing.name, "rows": left}))
    return own


def _without_rows_between_readings(frame: pd.DataFrame, target: str, date_col: str | None,
                                   report: DataReport) -> pd.DataFrame:
    """``frame`` without the rows whose target is blank and whose stamp lies between two of the target's readings a
    step apart: other records of a device's export (LibreView's scans between its 15-minute readings, Dexcom's
    carbs and insulin, a pump's boluses between the sensor's), said; they were filled in as readings (a Libre file
    read every 10 minutes, test MAE 38 where its readings alone give 5). A reading missing from its step leaves its
    neighbours two steps apart: its row stays, filled. Only where the readings lie evenly on a fixed spacing."""
    given = frame["y"].notna().to_numpy()
    if date_col is None or given.all() or given.sum() < MIN_ROWS \
            or not pd.api.types.is_datetime64_any_dtype(frame["ds"]):
        return frame
    own = frame["ds"][given]
    spacing = infer_frequency(own)
    if spacing.is_steps or irregular_rows(own, spacing, count_gaps(own, spacing)):
        return frame
    stamps = pd.DatetimeIndex(frame["ds"]).asi8  # in the column's unit (UTC where it has a zone)
    readings = stamps[given]
    after = np.searchsorted(readings, stamps, side="right")  # the first reading after each stamp
    before = readings[np.clip(after - 1, 0, None)]
    span = readings[np.clip(after, 0, len(readings) - 1)] - before
    inside = (after > 0) & (after < len(readings))
    others = frame.drop(columns=["ds", "y"]).notna().any(axis=1).to_numpy()  # a rain gauge's tip as a regressor
    between = ~given & ~others & inside & (span <= 1.5 * np.median(np.diff(readings))) & (stamps != before) \
        & ~_on_the_readings_day(frame["ds"], own)  # (a statistic's blank years are missing readings: NASS's '(D)')
    if not (rows := int(between.sum())):
        return frame
    report.rows_dropped += rows
    report.notices.append(Notice(
        f"{count(rows, 'row')} without a value of '{target}', each between two of its readings a step apart "
        f"({spacing.name}), {_were(rows)} left out as other records (events, scans), not filled as readings.",
        "notice.rows_between_readings", {"rows": rows, "column": target, "frequency": spacing.name}))
    return frame[~between]


_SPACING_STEPS_SHARE = 0.95  # of a file's steps, at least, on its two spacings for a change between them
_MAX_COARSER_STEP = pd.Timedelta(days=1)  # the coarser spacing that a finer one's rows are combined into, at most


def _spacing_change(ds: pd.Series) -> tuple[pd.Timedelta, pd.Timestamp, bool] | None:
    """The coarser of two spacings that stamps keep one after the other (ENTSO-E's prices hourly to September 2025
    and every 15 minutes from October; a logger set from 5 to 15 minutes), the first stamp of the second part, and
    whether the finer part comes first; None unless nearly all steps (``_SPACING_STEPS_SHARE``; the rest gaps and
    clock changes) are the two, each part has ``MIN_ROWS`` steps at least, the coarser a whole number of the finer up
    to a day, every stamp of the coarser part on its grid, and the coarser part as long in time as the finer at
    least (two days of hourly commissioning readings before 60 days every 15 minutes are left as they are)."""
    if len(ds) < 2 * MIN_ROWS or not pd.api.types.is_datetime64_any_dtype(ds) or ds.isna().any():
        return None
    stamps = pd.DatetimeIndex(ds)
    steps = np.diff(stamps.asi8)
    if steps.min() == steps.max():  # cheap: most series keep one spacing (np.unique sorts every step)
        return None
    kinds, counts = np.unique(steps, return_counts=True)
    two = kinds[np.argsort(counts)[-2:]]
    fine, coarse = int(two.min()), int(two.max())
    if fine <= 0 or coarse % fine or np.isin(steps, two).mean() < _SPACING_STEPS_SHARE:
        return None
    coarse_at, fine_at = np.flatnonzero(steps == coarse), np.flatnonzero(steps == fine)
    finer_first = fine_at[-1] < coarse_at[0]
    if min(len(coarse_at), len(fine_at)) < MIN_ROWS or not (coarse_at[-1] < fine_at[0] or finer_first):
        return None
    coarse_step = pd.Timedelta(coarse, unit=stamps.unit)
    cut = fine_at[-1] + 1 if finer_first else fine_at[0]  # the coarser part: before the cut, or from it
    part, rest = (stamps[cut:], stamps[:cut + 1]) if finer_first else (stamps[:cut + 1], stamps[cut:])
    if coarse_step > _MAX_COARSER_STEP or len(part) == 0 or not (part == part.floor(coarse_step)).all() \
            or part[-1] - part[0] < rest[-1] - rest[0]:
        return None
    return coarse_step, stamps[cut], bool(finer_first)


# Targets whose finer rows add up to the coarser step's (an interval's kWh, its rain), beside a mean's levels ...
_ADDING_WORDS = frozenset({"kwh", "mwh", "wh", "gwh", "rain", "rainfall", "precipitation", "precip"})
# ... unless named a level or a rate (a meter's register, an average, a rain rate)
_LEVEL_WORDS = frozenset({"reading", "readings", "meter", "register", "cumulative", "total", "avg", "average", "mean",
                          "rate", "per", "intensity", "level", "index", "price", "cost"})


def _spacing_policy(policy: str, target: str) -> str:
    """How a spacing change combines the finer rows of ``target``: the policy asked for, but a sum for an interval's
    energy or rain (``_ADDING_WORDS``: 'Energy (kWh)' every 15 minutes was averaged to a quarter of its hours) where
    none was; not for a level or a rate of them (``_LEVEL_WORDS``: 'Meter Reading (kWh)', 'Rain Rate (mm/h)')."""
    words = _name_words(target)
    return "sum" if policy == "mean" and words & _ADDING_WORDS and not words & _LEVEL_WORDS \
        and "/" not in str(target) else policy


def _names_interval_ends(date_col: str | None) -> bool:
    """Whether a time column's name says its stamps end their intervals (AEMO's 'SETTLEMENTDATE', 'Hour Ending',
    'Interval End'; not 'Calendar Time'): a finer part's rows are then combined into the coarser interval they end
    in."""
    return bool(_name_words(date_col or "") & {"settlementdate", "settlement", "ending", "end"})


def _on_the_coarser_spacing(frame: pd.DataFrame, policy: str, report: DataReport,
                            ends: bool = False) -> pd.DataFrame:
    """``frame`` on the coarser of two spacings its stamps keep one after the other (``_spacing_change``), the finer
    part's rows combined per coarser step, the target by ``policy`` (sum, max, min, first or last; else the mean) and
    the regressors by their mean, into the interval each row starts (or ``ends``), said: ENTSO-E's day-ahead prices,
    hourly then every 15 minutes, were read every 15 minutes with three of every four stamps of the hourly months
    missing, their season a day of 96 steps."""
    if (change := _spacing_change(frame["ds"])) is None:
        return frame
    coarse, start, finer_first = change
    how = policy if policy in ("sum", "max", "min", "first", "last") else "mean"
    keys = (frame["ds"].dt.ceil(coarse) if ends else frame["ds"].dt.floor(coarse)).to_numpy()
    grouped = frame.drop(columns=["ds"]).groupby(keys, sort=True)
    target = grouped["y"].sum(min_count=1) if how == "sum" else grouped["y"].agg(how)
    if how == "sum":  # a step of the finer part with fewer rows than it holds (a last hour cut at 23:15): no sum
        finest = frame["ds"].diff().dt.total_seconds().min()
        whole = max(int(round(coarse.total_seconds() / finest)), 1) if finest and finest > 0 else 1
        off_grid = pd.Series((frame["ds"] != frame["ds"].dt.floor(coarse)).to_numpy()).groupby(keys).any()
        target = target.where(~off_grid | (grouped["y"].count() >= whole))
    others = grouped[[col for col in frame.columns if col not in ("ds", "y")]].mean()
    combined = others.assign(y=target).rename_axis("ds").reset_index()
    given = np.flatnonzero(combined["y"].notna().to_numpy())
    if len(given):  # a cut last (or first) step's sum, left blank above: left out
        combined = combined.iloc[given[0]:given[-1] + 1].reset_index(drop=True)
    rows = len(frame) - len(combined)
    report.rows_combined_away += rows
    finer = frame["ds"][frame["ds"] < start] if finer_first else frame["ds"][frame["ds"] >= start]
    wider, narrower = infer_frequency(combined["ds"]).name, infer_frequency(finer).name
    said = (f"The time stamps change from {narrower} to {wider} at {start}" if finer_first else
            f"The time stamps change from {wider} to {narrower} at {start}")
    total = "" if how != "mean" else " If they are parts of one total, choose sum (--duplicates sum)."
    report.notices.append(Notice(
        f"{said}: the series is read {wider}, the finer rows combined by their {how} ({count(rows, 'row')} fewer). "
        f"To forecast {narrower}, load only the rows {'before' if finer_first else 'from'} {start}.{total}",
        ("notice.spacing_finer_first" if finer_first else "notice.spacing_change") + ("_mean" if total else ""),
        {"frequency": wider, "finer": narrower, "start": str(start), "policy": how, "rows": rows}))
    combined["ds"] = combined["ds"].astype(frame["ds"].dtype)
    return combined[list(frame.columns)]


_MONTH_OF_READINGS = pd.Timedelta(days=28)  # readings this far apart or more have a day of the month (and year)


def _on_the_readings_day(stamps: pd.Series, readings: pd.Series) -> np.ndarray:
    """Whether each of ``stamps`` falls on the day (of the month; of the year too, for readings a year apart) and at
    the time that readings a month apart or more keep: a blank there is a missing reading, not another record (a
    meter serviced mid-month); all False for finer readings."""
    if readings.diff().median() < _MONTH_OF_READINGS:
        return np.zeros(len(stamps), dtype=bool)
    def place(times: pd.Series) -> pd.Series:
        of_year = times.dt.month * 100 if readings.diff().median() >= pd.Timedelta(days=360) else 0
        return (of_year + times.dt.day) * 100_000 + times.dt.hour * 3600 + times.dt.minute * 60 + times.dt.second
    return (place(stamps) == place(readings).mode().iloc[0]).to_numpy()
_OWN_SPACING_SHARE = 0.55  # of the rows at most with a target value, for it to be read on its own spacing
# (every other month: 36 of 71 rows once the blank ends are trimmed)
_COARSER = 1.8  # times the file's median step, at least, for the target's own spacing (two months: 59 to 62 days)


def _gaps(ds: pd.Series, frequency: Frequency, date_col: str | None) -> int:
    """``count_gaps``; of step numbers, the whole numbers missing between the first and the last, only where they are
    the file's own (a column ``date_col``: ``step`` 1, 2, 3, 5) and count by one (``counts_steps``): not the rows' own
    numbers, nor seconds 0, 60, 120 named as steps (649 'missing' for 12 rows)."""
    if not frequency.is_steps:
        return count_gaps(ds, frequency)
    if date_col is None or len(ds) < 2 or not pd.api.types.is_integer_dtype(ds) or not counts_steps(ds.to_numpy()):
        return 0
    return int(ds.iloc[-1]) - int(ds.iloc[0]) + 1 - len(ds)


def count_gaps(ds: pd.Series, frequency: Frequency) -> int:
    """Number of time stamps missing between the first and last row for ``frequency`` (none for steps: ``_gaps``)."""
    if frequency.is_steps or len(ds) < 2:
        return 0
    if 3 <= len(ds) <= REGULAR_REMEMBERED_ROWS and regular_alias(ds) == frequency.alias:  # remembered for shared stamps
        return 0
    try:
        # Counted, not built: a few rows spanning centuries at a fine frequency would make billions.
        expected = _stamp_count(ds.iloc[0], ds.iloc[-1], str(frequency.alias))
    except (ValueError, OverflowError):
        return 0
    if expected > 10 * len(ds) + 1000:
        return expected - len(ds)
    if (step := _fixed_step_nanos(str(frequency.alias))) and getattr(ds.dt, "tz", None) is None:
        return max(_grid_count(ds, step) - len(ds), 0)  # days, hours, ... without time zones: the count is exact
    if len(ds) > REGULAR_REMEMBERED_ROWS and regular_alias(ds) == frequency.alias:  # shorter ones asked above
        return 0
    return max(len(stamps_between(ds, frequency)) - len(ds), 0)
