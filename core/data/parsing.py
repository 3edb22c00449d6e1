"""Parse text columns into numbers and datetimes, absorbing the common mess of real files."""
from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from core.errors import clipped_list

# A column counts as numeric / dated when at least this share of its non-blank cells parse.
PARSE_SHARE = 0.95
# Beyond that share, a column of numbers may hold a few words written without a digit for its missing values, each
# as often as it likes (a shop's 'closed' every Sunday, 'n/a'): read as missing (``marker_words``). A sales column with
# 54 such cells in 1,063 (5%) was not numeric, and the file's 0/1 promotion flag was taken for the target unsaid.
MARKER_WORDS_MOST = 6  # distinct words (a historian's 'Bad', 'Comm Fail', 'I/O Timeout' and 'No Data': 4 were refused)
_MARKER_WORDS_SHARE = 0.4  # of the non-blank cells at most (a weekend each week is 29%, and a few holidays)
_MARKER_WORD_LONGEST = 24  # characters
# Letters of each word at least: NOAA's 'M' (missing) and 'T' (a trace of rain, no missing value) are codes to say.
_MARKER_WORD_LETTERS = 2
_MARKER_WORD_TIMES = 3  # cells each word is written in at least
MIXED_FORMATS_MOST = 4  # ways of writing dates one column may mix (each read by a format of its own)
AMBIGUOUS = "ambiguous"  # in the format found for dates read both day first and month first
AMBIGUOUS_AS_USUAL = "(ambiguous, read as usual"  # ... and read in the order the reader's language writes them
EVEN_EITHER = "(ambiguous, evenly spaced either way"  # ... both readings even on the calendar, no language to ask
MIXED_FORMATS = "mixed: "  # how the format found starts for such a column
_SHAPE_PROBE = 2_000  # distinct cells whose shapes are counted before all are (a column of free text has many)

_CURRENCY_AND_SPACES = re.compile(r"[\s\u00a0\u202f$€£¥￥₹₽₩₺₪₫₱₦%]")  # ￥: GBK has no ¥
# Currency words before or after an amount (Brazil's ``R$ 2.571,01``, Poland's ``1 234,50 zł``), and apostrophes that
# group thousands (Switzerland's ``2'571.01``): stripped where a column has them.
# US$44.91: AdMob's earnings; (US$714.12) a refund
_CURRENCY_WORD = (r"(?:^|(?<=^[-(]))(?:(?:R|US|CA|C|A|AU|HK|NZ|MX|S|SG|NT)\$|S/|Fr\.|Rs\.?(?=\s?\d)|kr\.?(?=\s?\d))\s?"
                  r"|(?<=\d)\s*(?:zł|kr\.?|Kč|Ft|lei|Fr\.)$")
_APOSTROPHE_THOUSANDS = r"(?<=\d)['’](?=\d{3}(?:\D|$))"
# A currency code before or after an amount ("1.000,95 EUR", "USD 12", a New Zealand clinic's "NZD 1,028.42"): ISO
# 4217's codes in use, so that codes of other kinds ("SKU 123") stay text.
_CURRENCY_CODES = ("EUR|USD|GBP|CHF|JPY|CNY|RMB|CAD|AUD|SEK|NOK|DKK|PLN|CZK|INR|BRL|NZD|SGD|HKD|ZAR|MXN|KRW|TWD|THB|"
                   "MYR|IDR|PHP|VND|ILS|AED|SAR|QAR|KWD|TRY|RUB|UAH|HUF|RON|BGN|ISK|ARS|CLP|COP|PEN|NGN|KES|EGP|PKR|"
                   "BDT|LKR")
_CURRENCY_CODE = re.compile(rf"^(?:{_CURRENCY_CODES})(?=[\d\s\-+(.,])|(?<=[\d\s)])(?:{_CURRENCY_CODES})$")
# Every cell a number whose commas, if any, group thousands: 100, 1,234.50, -12,000.
# A number whose commas, if any, group thousands: ``1,234.5`` or ``5250.0`` (numbers stored as text in a workbook
# beside numbers stored as numbers).
# India's lakh and crore grouping too (``2,57,100.64``).
_THOUSANDS_COMMA = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d{1,2}(,\d{2})+,\d{3}|\d+)(\.\d+)?$")
# (1,234.50) is -1,234.50. A plain string, not compiled, so that Arrow-backed text replaces it in C++.
# Day-first dotted dates (31.03.2024, 1.3.24), which decimal-comma files write: no number (31032024) once unpointed.
_DOTTED_DAY_FIRST = re.compile(r"\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})")
# With decimal commas, a point only groups thousands: 1.600 and 1.600,5, never 1.6 (a decimal point, read as 16).
_POINT_NOT_THOUSANDS = re.compile(r"\.(?!\d{3}(?:\D|$))|(?<!\d)\.|,\d*\.")
_ACCOUNTING_NEGATIVE = r"^\(([^()+\-]+)\)$"
# Excel's accounting format writes a zero as a currency sign and a dash (``$ -``, ``- €``, ``$ - ``).
_ACCOUNTING_ZERO = r"^(?:[$€£¥￥₹]\s*[-\u2013]+|[-\u2013]+\s*[$€£¥￥₹])$"
_TRAILING_MINUS = re.compile(r"^(\d[\d.,]*)-$")  # SAP and mainframe exports: 500,00- is -500,00
_UNICODE_MINUS = "\u2212"
# Whole cells that mean "no value" (pandas already blanks NA, n/a, #N/A, NULL, ...): FRED's ".", a dash,
# and the error values a spreadsheet exports in place of a number.
MISSING_MARKERS = frozenset({".", "-", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#N/A",
                              "#N/A N/A", "#NA", "#SPILL!", "#CALC!", "#GETTING_DATA",
                              # statistics offices: Eurostat's ':', the OECD's and others' '..', the World Bank's
                              # '…', the US Census' (D)
                              ":", "..", "...", "\u2026", "(D)", "(NA)", "(X)", "(S)", "(Z)", "n.a.", "N.A.", "\u2013",
                              "\u2014",
                              "--",  # Garmin's and Google Ads' none
                              # suppressed small counts: CDC's '*', the UK's 's' and '[c]', '[x]', '[z]', '[low]'
                              "*", "**", "s", "[c]", "[x]", "[z]", "[u]", "[low]"})
# A number (or Eurostat's ':') followed by a statistics office's flag letters: ``1234.5 p`` (provisional), ``: c``.
# Statistics offices' and treasuries' footnotes after a number too: ``1,888 (r)`` revised, ``1,535 1/``, ``4.2 (3)``.
FLAGGED_NUMBER = re.compile(r"^([-+]?\d[\d.,]*|:)(?:\s+[bcdefnprsuz]{1,3}|\s*\([bcdefnprsuz]{1,3}\)|\s+\d{1,2}/"
                            r"|\s*\(\d{1,2}\)|\s?[*†‡]{1,3})$")  # Eurostat's flags, not units (g, kg, m); the US
# Courts' revised '1,137*'
FLAG_AFTER = r"\s[bcdefnprsuz]|[\d\s]\([bcdefnprsuz\d]{1,3}\)$|\s\d{1,2}/$|\d\s?[*†‡]{1,3}$"  # a cheap look for them
# Amounts with a magnitude letter, as trading sites write volumes (``12.5K``, ``1.23M``, ``2.1B``).
# With a currency sign, its minus before it or after it: Redfin's $519K, a cash flow's -$0.53M.
# Grafana's 'short' unit writes '1.05 Mil', '2.3 Bil' and '1.2 Tri' past the thousands' 'K'.
SCALED_NUMBER = re.compile(r"^(-?)(?:[$€£¥￥₹]\s?)?([-+]?\d[\d.,]*)\s?(Mil|Bil|Tri|[KMB])$")
_SCALES = {"K": 1e3, "M": 1e6, "B": 1e9, "Mil": 1e6, "Bil": 1e9, "Tri": 1e12}
# A magnitude before a unit, as Grafana scales a rate ('1.2 K req/s' beside '980 req/s')
_SCALE_BEFORE_UNIT = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s?(Mil|Bil|Tri|K)\s+([^\W\d_][^\d]{0,11})$")
# A number with a unit after it, one unit in every cell of a column ('12.7 kg', '3.2 MW', '21 °C', '5 m/s'): read as
# the number (``_unit_numbers``), said. A month ('12 Jan' is a date), a time of day ('10 AM') or a year's mark is none.
# A number and its unit: '12.5 kg', '56 m3', '15,955 lbs.' (the unit's full stop left out), '14,484 pounds', '9,353#'
UNIT_NUMBER = re.compile(r"^([-+−]?\d[\d.,]*)\s?((?:°|µ)?[^\W\d_]{1,6}(?:/[^\W\d_]{1,4})?(?:[²³]|(?<=[mM])[23])?|#)"
                         r"\.?$")
# Not units: times of day and eras; time units (a time column written '6 Uhr', '2000年', '10 min' is no measure);
# magnitudes ('1.2k', '3 mln': thousands and millions, not a unit; ``SCALED_NUMBER`` reads K, M and B).
_NOT_UNITS = frozenset({"am", "pm", "bc", "ad", "bce", "ce", "h", "hr", "hrs", "hour", "hours", "uhr", "min", "mins",
                        "minute", "minutes", "s", "sec", "secs", "second", "seconds", "d", "day", "days", "tag", "tage",
                        "wk", "wks", "week", "weeks", "w", "mo", "mos", "month", "months", "q", "y", "yr", "yrs",
                        "year", "years", "jahr", "jahre", "年", "月", "日", "号", "时", "点", "分", "秒", "周", "季",
                        "季度", "년", "월", "일", "시", "k", "m", "mn", "mln", "mio", "bn", "b", "mrd", "tn", "th",
                        "st", "nd", "rd"})
# ... but hours and minutes past the clock's (a crane's '9.2 h', a plan's '415 hrs'; not a clock's '6 h') are a
# duration's: the most a clock writes in each.
_DURATION_UNITS = {**dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 24),
                   **dict.fromkeys(("min", "mins", "minute", "minutes"), 60)}
# A value below a limit: ``<1`` (Google Trends: under 1), ``<0.05`` (a laboratory's limit of detection); read as
# half the limit, the usual substitution, and said.
BELOW_LIMIT = re.compile(r"^<\s*(\d[\d.,]*)\s*%?$")  # and Google Ads' impression share '< 10%' ('> 90%' above)
# A result below the limit of detection written without the limit (a lab's 'ND', 'BDL', 'Not Detected', '<MDL'): 0
NON_DETECT = re.compile(r"nd|n\.d\.|bdl|bql|not detected|non-?detect|<\s*(?:mdl|dl|lod|loq|rl|pql)", re.IGNORECASE)
# Names of a lab's results (a concentration's unit, a test's name): where 'ND' is not detected, not 'no data' (the
# Fed's H.15 writes ND on market holidays)
_LAB_RESULT = re.compile(r"mg/l|µg/l|ug/l|ng/l|mg/kg|ppm|ppb|mpn|cfu|\bbod|\btss\b|\bcod\b|result|concentration|"
                         r"detect|\blab\b|assay", re.IGNORECASE)


def reads_non_detects(name: object) -> bool:
    """Whether a column named ``name`` holds a lab's results, whose 'ND' cells are not detected (``NON_DETECT``)."""
    return name is not None and bool(_LAB_RESULT.search(str(name)))


# above a counting limit (a lab's '>2419.6' E. coli): read as the limit
ABOVE_LIMIT = re.compile(r"^>\s*(\d[\d.,]*)\s*%?$")
# T for trimestre (INSEE's 2024-T1, INE's 2024T1, 1T 2024), K for kvartal (Statistics Sweden's 2024K1)
_QUARTER_FIRST_YEAR = re.compile(r"^(\d{4})\s*[-/]?\s*[QTK]([1-4])$", re.IGNORECASE)
_QUARTER_FIRST_Q = re.compile(r"^[QT]([1-4])\s*[-/]?\s*(\d{4})$", re.IGNORECASE)
# Quarters in words: CBS's '2015 1e kwartaal', Destatis's '1. Quartal 2015', '1st quarter 2015', '1er trimestre 2015'
_QUARTER_WORD = r"(?:kwartaal|quartal|quarter|qtr|trimestre|trim\.?)"
_QUARTER_ORDINAL = r"([1-4])(?:e|\.|st|nd|rd|th|er|[eè]me|º|°|o)?"
_YEAR_QUARTER_WORDS = re.compile(rf"^(\d{{4}})\s+{_QUARTER_ORDINAL}\s*{_QUARTER_WORD}$", re.IGNORECASE)
_QUARTER_WORDS_YEAR = re.compile(rf"^{_QUARTER_ORDINAL}\s*{_QUARTER_WORD}\s+(\d{{4}})$", re.IGNORECASE)
_NUMBER_Q_YEAR = re.compile(r"^([1-4])\s*Q\s*[-/]?\s*(\d{4})$", re.IGNORECASE)  # 1Q2018, 1Q 2018
# Report quarters with an apostrophe before a two-digit year (``Q1'15``, ``Q1 '15``), 20xx or 19xx as
# ``TWO_DIGIT_CENTURY_FROM`` says.
_QUARTER_SHORT_YEAR = re.compile(r"^Q([1-4])\s*['’]\s*(\d{2})$", re.IGNORECASE)
# Half-years: 2015-H1, H2 2015; Eurostat's semesters 2015-S1 (S: semester, semestre)
_HALF_FIRST_YEAR = re.compile(r"^(\d{4})\s*[-/]?\s*[HS]([12])$", re.IGNORECASE)
_HALF_FIRST_H = re.compile(r"^[HS]([12])\s*[-/]?\s*(\d{4})$", re.IGNORECASE)


def _labelled_years(prefix: str, digits: str = r"\d{4}|\d{2}") -> tuple[re.Pattern[str], re.Pattern[str],
                                                                       re.Pattern[str]]:
    """Years written after the letters ``prefix`` (a regex: ``FY``), alone, then a quarter, and a quarter first:
    ``FY2005``, ``FY 05``, ``FY15 Q1``, ``Q1 FY2015``; the year's group first, then the quarter's (first when it is
    written first)."""
    year = rf"{prefix}\s*[-']?\s*({digits})"
    return (re.compile(rf"^{year}$", re.IGNORECASE), re.compile(rf"^{year}\s*[-/ ]?\s*Q([1-4])$", re.IGNORECASE),
            re.compile(rf"^Q([1-4])\s*[-/ ]?\s*{year}$", re.IGNORECASE))


# Fiscal years (``FY2005``, ``FY 05``, ``FY15 Q1``, ``Q1 FY2015``): read as the calendar years they name, with a notice
# (the fiscal year's first month is not in the file).
_FISCAL_YEAR, _FISCAL_QUARTER_FIRST_YEAR, _FISCAL_QUARTER_FIRST_Q = _labelled_years("FY")
# An actuary's periods (a loss triangle's 'AY 2008', a paid-loss report's 'CY2015Q1'): accident, policy and
# underwriting years (AY, PY, UY: the year claims arose or policies were written), read like fiscal years as the
# years they name, with a notice (``COHORT_FORMATS``); calendar years (CY) as well, without one. They were steps.
_COHORT_YEAR, _COHORT_QUARTER_FIRST_YEAR, _COHORT_QUARTER_FIRST_Q = _labelled_years("(?:AY|PY|UY)", r"\d{4}")
_CALENDAR_YEAR, _CALENDAR_QUARTER_FIRST_YEAR, _CALENDAR_QUARTER_FIRST_Q = _labelled_years("CY", r"\d{4}")
# (four digits: a bin 'AY-01' or a lapse study's policy years 'PY01' to 'PY20', durations, are no years)
COHORT_FORMATS = ("AYyyyy", "AYyyyy Qq", "Qq AYyyyy")  # AY, PY or UY
# A fiscal year written as the two calendar years it spans (``2015/16``, ``2015-16``, ``2015/2016``): the first year;
# only when every cell's second year follows its first (``2005/06`` would otherwise be June 2005).
_YEAR_SPAN = re.compile(r"^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$")
_FY_SPAN = re.compile(r"^(?:[Ff][Yy]\s?)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})$")  # a port's 'FY 2015-16' beside months
FISCAL_FORMATS = ("FYyyyy", "FYyyyy Qq", "Qq FYyyyy", "yyyy/yy")
_YEAR_COLON_PERIOD = re.compile(r"^(\d{4}):(\d{1,2})$")  # EViews: 1990:1 a quarter, 1990:01 a month
# Periods of a year written with a letter (``1956Q1``, ``Q1/2015``, ``2015-H1``, ``H2 2015``): the pattern, which of
# its groups holds the year and which the period, the months in one period and the format's label.
_PERIOD_FORMATS = (
    (_QUARTER_FIRST_YEAR, 1, 2, 3, "yyyyQq"), (_QUARTER_FIRST_Q, 2, 1, 3, "Qq yyyy"),
    (_NUMBER_Q_YEAR, 2, 1, 3, "qQyyyy"), (_QUARTER_SHORT_YEAR, 2, 1, 3, "Qq'yy"),
    (_YEAR_QUARTER_WORDS, 1, 2, 3, "yyyy q quarter"), (_QUARTER_WORDS_YEAR, 2, 1, 3, "q quarter yyyy"),
    (_HALF_FIRST_YEAR, 1, 2, 6, "yyyyHh"), (_HALF_FIRST_H, 2, 1, 6, "Hh yyyy"),
    (_FISCAL_QUARTER_FIRST_YEAR, 1, 2, 3, FISCAL_FORMATS[1]), (_FISCAL_QUARTER_FIRST_Q, 2, 1, 3, FISCAL_FORMATS[2]),
    (_FISCAL_YEAR, 1, 0, 12, FISCAL_FORMATS[0]),  # group 0: no period, the year's first month
    (_COHORT_QUARTER_FIRST_YEAR, 1, 2, 3, COHORT_FORMATS[1]), (_COHORT_QUARTER_FIRST_Q, 2, 1, 3, COHORT_FORMATS[2]),
    (_COHORT_YEAR, 1, 0, 12, COHORT_FORMATS[0]),
    (_CALENDAR_QUARTER_FIRST_YEAR, 1, 2, 3, "CYyyyy Qq"), (_CALENDAR_QUARTER_FIRST_Q, 2, 1, 3, "Qq CYyyyy"),
    (_CALENDAR_YEAR, 1, 0, 12, "CYyyyy"),
)
# A month's name and a two-digit year: Excel's 'mmm yy' (``Jan 23``), ``Jan '23``, ``Sept ’23`` (``_parse_month_short_year``).
_MONTH_SHORT_YEAR = re.compile(r"([A-Za-zÀ-ÿ]{3,9}\.?)\s+(['\u2019]?\d{2})")
MONTHS_MOVED_LEAST = 3  # changes between rows' cells seen before ``Jan 23`` is read as a month and a year
MONTHS_MOVED_SHARE = 0.8  # the share of them a month apart (a list of days keeps its month; days of a month go back)
_YEAR_M_MONTH = re.compile(r"^(\d{4})-?M(\d{1,2})$", re.IGNORECASE)  # 1980M01; the IMF's SDMX 2018-M01
_PLAIN_YEAR = re.compile(r"\d{4}(\.0)?")
_COMPACT_YEAR_MONTH = re.compile(r"(\d{4})(\d{2})(?:\.0)?")
# 2020-W05; tsibble's 2021 W01; 2024-KW05 (German: Kalenderwoche)
# 2020-W05, 2020W051, 2024-KW05, and the week written with a word: '2022 Wk 1', '2022 Week 05' (a planner's export).
_ISO_WEEK = re.compile(r"^(\d{4})[- ]?(?:K?W|Wk\.?\s*|Week\s*)(\d{1,2})(?:-?([1-7]))?$", re.IGNORECASE)
# The week first, as German calendars (``KW 05/2024``, ``KW05 2024``, ``KW 05/24``: Kalenderwoche) and reports
# (``W05 2024``, ``Week 5 2024``) write it: ISO weeks too; a year of two digits as strptime's %y reads it.
_WEEK_FIRST = re.compile(r"^(?:KW|W|Wk|Week)\s*\.?\s*(\d{1,2})\s*[-/., ]\s*(\d{4}|\d{2})$", re.IGNORECASE)
_OFFSET = re.compile(r"(Z|[+-]\d{2}(?::?\d{2})?)$")  # a UTC offset at the end of an ISO 8601 time
_OFFSETS_CHECKED = 100_000  # cells whose offsets are compared
_WALL_CLOCK_STEP = pd.Timedelta(hours=23)  # stamps this far apart keep their written times across offset changes
LOCAL_MIDNIGHTS = "ISO 8601 local midnights in UTC"  # the format found for days written so (``_local_midnights``)
ON_FIRST_OFFSET = "ISO 8601 on the first row's UTC offset"  # the format found for times with several offsets
ON_ONE_OFFSET = "ISO 8601 on its UTC offset"  # times that all carry one offset other than UTC's


def on_first_offset(offset: pd.Timedelta, found: str = ON_FIRST_OFFSET) -> str:
    """The format ``found`` of times read on the UTC ``offset``, with it: ``... UTC offset +01:00``."""
    minutes = int(offset.total_seconds() // 60)
    sign, minutes = ("-", -minutes) if minutes < 0 else ("+", minutes)
    return f"{found} {sign}{minutes // 60:02d}:{minutes % 60:02d}"


def offset_read_on(date_format: str) -> str:
    """The UTC offset (``+01:00``) the times of a file were read on when they carried one other than UTC's, or
    several, else ""."""
    for found in (ON_FIRST_OFFSET, ON_ONE_OFFSET):
        if date_format.startswith(found):
            return date_format[len(found):].strip()
    return ""


_UTC_SUFFIX = re.compile(r"(?<!\s)\s*(?:UTC|GMT)$", re.IGNORECASE)  # from a run's first space only: linear


def wall_clock(cells: pd.Series) -> pd.Series:
    """ISO 8601 time stamps with UTC offsets as the dates and times written, the offsets dropped: the local clock,
    whatever daylight saving did (an order paid at 23:17 +01:00 in March was read on the first row's +02:00 and
    counted on the next day)."""
    text = cells.astype("string").str.strip().str.replace(_UTC_SUFFIX, "", regex=True)
    if text.str.contains(_ZONE_NAME).fillna(False).any():  # zones' names read as offsets (``_zone_names_as_offsets``)
        local = parse_dates(text.str.replace(_ZONE_NAME, "", regex=True).astype(object))
        return local[0] if local is not None else pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns]")
    return pd.to_datetime(text.str.replace(_OFFSET, "", regex=True).str.strip(), format="ISO8601", errors="coerce")


def writes_utc_offsets(cells: pd.Series, looked_at: int = 20) -> bool:
    """Whether the first time stamps written carry a UTC offset (``Z``, ``+01:00``, `` UTC``), as ``_parse_iso``
    reads them: no local clock."""
    head = cells.dropna().astype(str).str.strip().iloc[:looked_at]
    offsets = head.str.extract(_OFFSET, expand=False).notna() | head.str.contains(_UTC_SUFFIX)
    return bool(len(head)) and bool(offsets.all())


def writes_utc_itself(cells: pd.Series, looked_at: int = 20) -> bool:
    """Whether the first time stamps written are UTC's own (``Z``, ``+00:00``, `` UTC``), not local times with their
    offsets (OpenAQ's 'datetimeLocal', ``-08:00``)."""
    head = cells.dropna().astype(str).str.strip().iloc[:looked_at]
    offsets = head.str.extract(_OFFSET, expand=False)
    zero = offsets.str.fullmatch(r"Z|[+-]00(?::?00)?").fillna(False) | head.str.contains(_UTC_SUFFIX)
    return bool(len(head)) and bool(zero.all())


_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # day 0 of Excel's serial dates (1900 system, past its 1900 leap-day bug)
_EXCEL_SERIAL_DAYS = (20000, 80000)  # 1954-10-03 to 2119-01-11: beyond these, whole numbers are rarely dates
_COMPACT_DAYS = (19000101, 21001231)  # whole numbers that may write a day as yyyymmdd (``parse_compact_dates``)

_DATE_FORMATS = (
    "%Y-%m-%d", "%Y-%m", "%Y/%m/%d", "%Y/%m", "%Y.%m.%d", "%Y%m%d",
    "%b %Y", "%B %Y", "%b-%Y", "%B-%Y", "%b-%y", "%m/%Y", "%m-%Y", "%m.%Y", "%d.%m.%Y", "%d-%m-%Y",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
    "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%y", "%d.%m.%y %H:%M", "%d.%m.%y %H:%M:%S",  # 31.12.23 (German)
    # Day and month name: 31-Jan-2021, 31-Jan-21, 31 Jan 2021, 31 January 2021, Jan 31, 2021, Sun, 31 Jan 2021.
    "%d-%b-%Y", "%d-%b-%y", "%d %b %Y", "%d %B %Y", "%d-%B-%Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y",
    "%a, %d %b %Y", "%a %d %b %Y", "%d %b %Y %H:%M", "%d %b %Y %H:%M:%S", "%a, %d %b %Y %H:%M:%S",
    "%d-%b-%Y %H:%M:%S", "%d-%b-%Y %H:%M", "%d-%b-%Y %H:%M:%S.%f",  # MATLAB's writetable: 01-Mar-2024 00:00:00
    "%d-%b-%y %H:%M:%S", "%d-%b-%y %H:%M",  # PI's time strings: 01-Jan-24 00:15:00
    # 31. Januar 2021, jan/2021, jan/21 (month names in English abbreviations first: ``_month_names_as_read``).
    "%d. %b %Y", "%b/%Y", "%b/%y",
    # Year first: 2021 JAN (the UK Office for National Statistics), 2021-Jan, 2021 January, 2021-Jan-31.
    "%Y %b", "%Y %B", "%Y-%b", "%Y-%B", "%Y/%b", "%Y-%b-%d", "%Y %b %d",
    "%d%b%Y",  # Stata's %td: 01jan2018
    "%b%Y", "%d%b%Y:%H:%M:%S", "%d%b%Y %H:%M:%S",  # SAS's MONYY7. (JAN2015) and DATETIME20., Stata's %tc
    "%b%y",  # SAS's MONYY5.: JAN21
    "%Y%b",  # the ONS's trade tables: 2018JAN
    # Excel's "Long Date" saved as CSV: Monday, January 1, 2024 (US), Monday, 1 January 2024 (UK); Mon, Jan 1, 2024.
    "%A, %B %d, %Y", "%A, %d %B %Y", "%A %d %B %Y", "%a, %b %d, %Y",
    "%a %b %d %Y",  # JavaScript's toDateString(): Mon Jan 01 2024 (Twitch's channel analytics)
    "%b-%d-%y", "%b-%d-%Y",  # eBay's orders report: Jan-27-24
    "%b %d, '%y", "%a %b %d, '%y",  # MS Project's 'Mon Jan 2, '23'
    "%Y年%m月", "%Y年%m月%d日", "%Y年%m月%d日 %H:%M",  # Chinese and Japanese: 2024年1月, 2024年1月20日
    "%Y년 %m월 %d일", "%Y년 %m월", "%Y년%m월%d일", "%Y년%m월",  # Korean: 2024년 1월 1일, 2010년 1월
    "%d de %b de %Y", "%b de %Y",  # Portuguese and Spanish: 1 de janeiro de 2024, enero de 2024
    "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %I:%M %p",  # 12-hour clock: 2021-03-01 01:00:00 PM
    # Month names with a time: Jira's 'Jan 1, 2024 7:30 AM' and '01/Jan/24 7:30 AM', Melbourne's pedestrian counts'
    # 'November 01, 2019 12:00:00 AM', and the same on a 24-hour clock.
    "%b %d, %Y %I:%M %p", "%b %d, %Y %I:%M:%S %p", "%B %d, %Y %I:%M %p", "%B %d, %Y %I:%M:%S %p",
    "%b %d, %Y %H:%M", "%b %d, %Y %H:%M:%S", "%B %d, %Y %H:%M", "%B %d, %Y %H:%M:%S",
    "%d/%b/%y %I:%M %p", "%d/%b/%Y %I:%M %p", "%d/%b/%y %H:%M", "%d/%b/%Y %H:%M", "%d/%b/%Y:%H:%M:%S",
    "%d %b %Y %I:%M %p", "%d %b %Y %I:%M:%S %p", "%d-%b-%Y %I:%M %p", "%d-%b-%Y %I:%M:%S %p",
    "%d-%b-%y %I:%M:%S %p", "%d-%b-%y %I:%M %p",  # Niagara's history export: '30-Oct-23 12:00:00 AM EDT'
    # Strava's 'Sep 1, 2023, 8:45:00 AM' (a comma after the year); Fitbit's sleep '2024-01-28 10:48PM' (no space).
    "%b %d, %Y, %I:%M:%S %p", "%b %d, %Y, %I:%M %p", "%B %d, %Y, %I:%M:%S %p", "%B %d, %Y, %I:%M %p",
    "%Y-%m-%d %I:%M%p", "%Y-%m-%d %I:%M:%S%p",
    "%b %d, %Y @ %H:%M:%S.%f", "%b %d, %Y @ %H:%M:%S",  # Kibana's default: 'Mar 4, 2024 @ 00:30:00.000'
)
# Two-digit years (``Jan-49``, ``12/31/75``) as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999 (Python's
# own pivot would put 49 in 2049 and 60 in 2060, after 1969-1999: AirPassengers in the future, a series across 1968/69
# reordered).
TWO_DIGIT_CENTURY_FROM = 30
# Month names and abbreviations, lower case and without a full stop, as exports in English, German, French,
# Spanish, Italian, Dutch and Portuguese write them (``Sept``, ``März``, ``janv.``, ``ene``, ``mei``, ``out``):
# dates that write them are read with the English abbreviation in their place (%b reads English names only).
_MONTH_NAMES = {
    **{pd.Timestamp(2000, number, 1).strftime(form).lower(): number
       for number in range(1, 13) for form in ("%b", "%B")},
    **dict.fromkeys(("januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "gennaio", "gen", "januari",
                     "janeiro"), 1),
    **dict.fromkeys(("februar", "feber", "février", "fevrier", "févr", "fevr", "fév", "fev", "febrero", "febbraio",
                     "februari", "fevereiro"), 2),
    **dict.fromkeys(("märz", "maerz", "mär", "mrz", "mars", "marzo", "maart", "mrt", "março", "marco"), 3),
    **dict.fromkeys(("avril", "avr", "abril", "abr", "aprile"), 4),
    **dict.fromkeys(("mai", "mayo", "maggio", "mag", "mei", "maio"), 5),
    **dict.fromkeys(("juni", "juin", "junio", "giugno", "giu", "junho"), 6),
    **dict.fromkeys(("juli", "juillet", "juil", "julio", "luglio", "lug", "julho"), 7),
    **dict.fromkeys(("août", "aout", "agosto", "ago", "augustus"), 8),
    **dict.fromkeys(("sept", "septembre", "septiembre", "setiembre", "settembre", "sett", "set", "setembro"), 9),
    **dict.fromkeys(("oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"), 10),
    **dict.fromkeys(("novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(("dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
                     "dezembro"), 12),
    # Russian (as named and "of" the month: январь, 25 января) and Polish (styczeń, 25 stycznia).
    **{name: number for number, names in enumerate((
        ("январь", "января", "янв", "styczeń", "stycznia", "sty"),
        ("февраль", "февраля", "фев", "luty", "lutego", "lut"),
        ("март", "марта", "мар", "marzec", "marca"), ("апрель", "апреля", "апр", "kwiecień", "kwietnia", "kwi"),
        ("май", "мая", "maj", "maja"), ("июнь", "июня", "июн", "czerwiec", "czerwca", "cze"),
        ("июль", "июля", "июл", "lipiec", "lipca", "lip"), ("август", "августа", "авг", "sierpień", "sierpnia", "sie"),
        ("сентябрь", "сентября", "сен", "wrzesień", "września", "wrz"),
        ("октябрь", "октября", "окт", "październik", "października", "paź"),
        ("ноябрь", "ноября", "ноя", "listopad", "listopada", "lis"),
        ("декабрь", "декабря", "дек", "grudzień", "grudnia", "gru")), start=1) for name in names},
}
_YEAR_WORDS = frozenset({"г", "гг"})  # Russian dates write the year's abbreviation after it: 25 января 2024 г.
_MONTH_WORDS = "|".join(sorted(map(re.escape, _MONTH_NAMES), key=len, reverse=True))  # "june" tried before "jun"
# Periods of several lengths one time column may nest (the UK Office for National Statistics writes a series' years,
# then its quarters, then its months, one below the other): each length's name, longest first, and how cells of it
# are written (a month by its name or number, with the year).
_NESTED_PERIODS = (
    ("yearly", (re.compile(r"\d{4}"),)), ("half-yearly", (_HALF_FIRST_YEAR, _HALF_FIRST_H)),
    ("quarterly", (_QUARTER_FIRST_YEAR, _QUARTER_FIRST_Q, _NUMBER_Q_YEAR, _YEAR_QUARTER_WORDS, _QUARTER_WORDS_YEAR)),
    ("monthly", (re.compile(rf"\d{{4}}\s*[-/]?\s*(?:{_MONTH_WORDS})\.?", re.IGNORECASE),
                 re.compile(rf"(?:{_MONTH_WORDS})\.?\s*[-/]?\s*\d{{4}}", re.IGNORECASE),
                 _YEAR_M_MONTH, re.compile(r"\d{4}-(0[1-9]|1[0-2])"))),
)
_NESTED_PROBE = 400  # first non-blank cells that must show two lengths before a whole column is matched
_ENGLISH_ABBREVIATIONS = {number: pd.Timestamp(2000, number, 1).strftime("%b") for number in range(1, 13)}
_ENGLISH_NAMES = frozenset(pd.Timestamp(2000, number, 1).strftime(form).lower()
                           for number in range(1, 13) for form in ("%b", "%B"))  # what %b and %B read
_WORD = re.compile(r"[^\W\d_]+\.?")  # a word of letters, with the full stop of an abbreviation
_AMBIGUOUS_PAIRS = (
    ("%d/%m/%Y", "%m/%d/%Y"), ("%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M"),
    ("%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S"), ("%d/%m/%y", "%m/%d/%y"),
    ("%d/%m/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M:%S %p"), ("%d/%m/%Y %I:%M %p", "%m/%d/%Y %I:%M %p"),  # 12-hour clock
    # Two-digit years with a time, as LibreOffice writes date-times: 01/01/23 12:00 AM, 01/01/23 00:00.
    ("%d/%m/%y %H:%M", "%m/%d/%y %H:%M"), ("%d/%m/%y %H:%M:%S", "%m/%d/%y %H:%M:%S"),
    ("%d/%m/%y %I:%M %p", "%m/%d/%y %I:%M %p"), ("%d/%m/%y %I:%M:%S %p", "%m/%d/%y %I:%M:%S %p"),
    ("%d/%m/%y %I:%M%p", "%m/%d/%y %I:%M%p"), ("%d/%m/%Y %I:%M%p", "%m/%d/%Y %I:%M%p"),  # Bandcamp's 1/1/24 9:44am
    # With dashes, as Fitbit's US export writes them (09-13-2023: "no dates"; 13-09-2023 reads by ``_DATE_FORMATS``).
    ("%d-%m-%Y", "%m-%d-%Y"), ("%d-%m-%Y %H:%M", "%m-%d-%Y %H:%M"), ("%d-%m-%Y %H:%M:%S", "%m-%d-%Y %H:%M:%S"),
    ("%d-%m-%Y %I:%M %p", "%m-%d-%Y %I:%M %p"), ("%d-%m-%Y %I:%M:%S %p", "%m-%d-%Y %I:%M:%S %p"),  # LibreView's US
    ("%d/%m/%Y %H%M", "%m/%d/%Y %H%M"),  # a dispatch log's 24-hour clock without a colon: 01/01/2024 0803
    ("%d/%m/%y %H%M", "%m/%d/%y %H%M"),  # ... and a two-digit year (Epic's 'Dispense Instant' 1/1/24 0002)
    ("%d-%m-%y", "%m-%d-%y"),  # 31-01-23 (a UK till's export): no dates, the rows numbered as steps
    # Historians' milliseconds (AVEVA, FactoryTalk in a US locale): 01/01/2024 00:15:00.000, 01/01/2024 12:15:00.000 AM
    ("%d/%m/%Y %H:%M:%S.%f", "%m/%d/%Y %H:%M:%S.%f"), ("%d/%m/%Y %I:%M:%S.%f %p", "%m/%d/%Y %I:%M:%S.%f %p"),
)


# 05.2021: May 2021; 005.2021, SAP's posting period and fiscal year, period 5 (read as May: ``_parse_period_dot_year``)
MONTH_DOT_YEAR = re.compile(r"(0{0,2}[1-9]|0?1[0-2])\.((?:18|19|20|21)\d\d)")
# SAP's periods with their year, the special periods 13-16 that close a year too: no decimal numbers (``read``).
PERIOD_DOT_YEAR = re.compile(r"0(?:0[1-9]|1[0-6])\.(?:18|19|20|21)\d\d")
_PERIOD_MONTH_DOT_YEAR = re.compile(r"0(0[1-9]|1[0-2])\.((?:18|19|20|21)\d\d)")  # 001.2021 to 012.2021: months
PERIOD_DOT_YEAR_FORMAT = "ppp.yyyy"  # the format found for them (said: ``tidy._periods_as_months_notice``)
_MONTHLY_STEPS = 0.9  # the share of steps of one month that makes ``05.2021, 06.2021, ...`` months, not numbers


# Retail's fiscal periods of four or five weeks, 13 (or 12) to a year, written with their year: '2016 P01',
# 'FY2016-P13', 'P01 2016', '2016 Period 1'. Nothing says on which day a period starts (``fiscal_period_steps``).
_FISCAL_PERIOD = r"(?:P(?:ER(?:IOD)?)?|M)\.?\s*(\d{1,2})"  # and a fiscal month: 'FY2021 M01
_FISCAL_PERIOD_YEAR = r"(?:FY\s*)?((?:18|19|20|21)\d\d|(?<=FY)\d\d|(?<=FY\s)\d\d)"  # 'FY21 P01' too
_FISCAL_FORMS = ((rf"{_FISCAL_PERIOD_YEAR}\s*[-/.:,_ ]?\s*{_FISCAL_PERIOD}", 0, 1),  # the year first, then the period
                 (rf"{_FISCAL_PERIOD}\s*[-/.:,_ ]?\s*{_FISCAL_PERIOD_YEAR}", 1, 0))
FISCAL_PERIODS_A_YEAR = (12, 13)


def fiscal_period_steps(cells: pd.Series) -> tuple[pd.Series, int] | None:
    """Cells that each name a fiscal period and its year ('2016 P01') as step numbers, period ``p`` of year ``y``
    step ``(y - first year) * periods + p``, and the periods in a year (the largest written: 12 or 13); None unless
    every cell is written so. A period missing from the file is then a missing step, not a shift of every later
    period's place in the year."""
    text = cells.astype("string").str.strip()
    if len(text) < 3 or text.isna().any():
        return None
    for pattern, year_at, period_at in _FISCAL_FORMS:
        if not _head_matches(text, re.compile(pattern, re.IGNORECASE)):
            continue
        parts = text.str.extract(f"^(?:{pattern})$", flags=re.IGNORECASE)
        if parts.isna().any().any():
            return None
        years, periods = parts[year_at].astype(int), parts[period_at].astype(int)
        if int(periods.max()) not in FISCAL_PERIODS_A_YEAR or int(periods.min()) < 1:
            return None
        steps = (years - years.min()) * int(periods.max()) + periods
        return pd.Series(steps.to_numpy(dtype=np.int64), index=cells.index), int(periods.max())
    return None


def writes_month_dot_year(cells: pd.Series) -> bool:
    """Whether text ``cells`` are months written ``mm.yyyy`` (German exports: ``05.2021``; SAP's ``005.2021``), not
    numbers (5.2021): nearly every non-blank cell has that shape and nearly every step to the next cell is one month
    (exchange rates such as ``1.2010, 1.1985`` have the shape, not the steps)."""
    text = cells.dropna().astype(str).str.strip()
    parts = text[text != ""].str.fullmatch(MONTH_DOT_YEAR.pattern)
    if len(parts) < 3 or parts.mean() < PARSE_SHARE:
        return False
    found = text[text != ""].str.extract(MONTH_DOT_YEAR).dropna().astype(int)
    months = found[1] * 12 + found[0]
    return bool((months.diff().iloc[1:] == 1).mean() >= _MONTHLY_STEPS)


def writes_dotted_months(cells: pd.Series) -> bool:
    """Whether text ``cells`` are months written ``mm.yyyy`` (``writes_month_dot_year``) or ``yyyy.mm``
    (``year_dot_months``): no numbers. Only the first says a file is European (KOSIS writes the second)."""
    return writes_month_dot_year(cells) or year_dot_months(cells.dropna().astype(str).str.strip()) is not None


YEAR_DOT_MONTH = re.compile(r"((?:18|19|20|21)\d\d)\.(0[1-9]|1[0-2]|[1-9])\.?")


def year_dot_months(text: pd.Series) -> pd.Series | None:
    """Months written ``yyyy.mm`` (KOSIS's ``2020.01``; ``2020.01.`` too) as months since year 0, where nearly every
    non-blank cell has that shape and nearly every step to the next is one month; a month of one digit is October
    where the others write two (a spreadsheet's number 2020.1 for 2020.10), else that month (``2020.1``, ``2020.2``).
    None otherwise (prices of 2020.15 or 1999.05 do not step by months)."""
    text = text[text.notna() & (text != "")]
    if len(text) < 3 or not YEAR_DOT_MONTH.match(str(text.iloc[0])):
        return None
    parts = text.str.extract(f"^{YEAR_DOT_MONTH.pattern}$")
    if parts[0].notna().mean() < PARSE_SHARE:
        return None
    parts = parts.dropna()
    short = parts[1].str.len() == 1
    tens = short.any() and not (short & (parts[1] != "1")).any() and (parts[1].str.len() == 2).any()
    months = parts[0].astype(int) * 12 + parts[1].astype(int).where(~(short & tens), 10) - 1
    return months if (months.diff().iloc[1:] == 1).mean() >= _MONTHLY_STEPS else None


UNIT_ATTR = "unit"  # where ``parse_numbers`` keeps the unit it read numbers without, in the numbers' ``attrs``


def parse_numbers(values: pd.Series, decimal_comma: bool = False, head_decides: bool = True) -> pd.Series | None:
    """``_parse_plain_numbers``, or where it finds none, the numbers before a unit every cell writes after its own
    (``column_unit``: '12.7 kg'), the unit in their ``attrs[UNIT_ATTR]``."""
    parsed = _parse_plain_numbers(values, decimal_comma, head_decides)
    if parsed is not None or pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return parsed
    text = values.astype("string").str.strip()
    if not decimal_comma and text.iloc[:200].str.fullmatch(_SCALE_BEFORE_UNIT).fillna(False).any():
        text = text.str.replace(_SCALE_BEFORE_UNIT, _scaled_before_unit, regex=True)  # '1.2 K req/s': 1200 req/s
    head = text.iloc[:200]
    if not head.str.fullmatch(UNIT_NUMBER).fillna(False).any():  # cheap: most text columns are no unit numbers
        return None
    text = text.mask(text.isin(MISSING_MARKERS) | (text == ""))  # blanks and markers are missing, as plain numbers'
    measured = _unit_numbers(text.dropna(), decimal_comma) if text.notna().any() else None
    if measured is None:
        return None
    numbers = measured.reindex(text.index)
    numbers.attrs[UNIT_ATTR] = measured.attrs[UNIT_ATTR]
    return numbers


def _scaled_before_unit(found: re.Match[str]) -> str:
    """A ``_SCALE_BEFORE_UNIT`` cell as the number times its magnitude, then its unit ('1200 req/s')."""
    return f"{float(found[1]) * _SCALES[found[2]]:.15g} {found[3]}"


# Yes and no as exports write them (Walmart's IsHoliday TRUE/FALSE, PostgreSQL's t/f, Excel's booleans, Yes/No): 1 and
# 0. As text, a regressor of them was "not a numeric column" and the fix offered was to leave it out.
_FLAG_PAIRS = ({"true": 1.0, "false": 0.0}, {"t": 1.0, "f": 0.0}, {"yes": 1.0, "no": 0.0})


def _flag_numbers(text: pd.Series, present: pd.Series) -> pd.Series | None:
    """1 and 0 for a column whose cells are all one of ``_FLAG_PAIRS`` (blanks missing), else None."""
    first = str(text[present].iloc[0]).lower()
    pair = next((pair for pair in _FLAG_PAIRS if first in pair), None)
    if pair is None:
        return None
    lower = text[present].str.lower()
    if not lower.isin(list(pair)).all():
        return None
    return lower.map(pair).astype(float).reindex(text.index)


def _parse_plain_numbers(values: pd.Series, decimal_comma: bool = False,
                         head_decides: bool = True) -> pd.Series | None:
    """Parse a text column as floats, or return ``None`` when it is not numeric (``head_decides``: a column whose
    first cells are mostly text is, without reading the rest).

    Handles thousands separators (``112,000``, ``112 000``, ``112.000`` with a decimal comma),
    currency and percent signs, surrounding spaces, accounting negatives (``(1,234.50)``) and the
    Unicode minus. Blank cells and missing-value markers (``.``, ``-``, ``#DIV/0!``, ...) become NaN.
    """
    if pd.api.types.is_datetime64_any_dtype(values):  # read as time stamps already: not numbers
        return None
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        array = values.to_numpy(dtype=float, na_value=np.nan)
        finite = np.isfinite(array)
        if not finite.any():
            return None
        return pd.Series(array if finite.all() else np.where(finite, array, np.nan), index=values.index, name=values.name)
    text = values.astype("string").str.strip()
    present = text.notna() & (text != "")
    if present.any() and (flags := _flag_numbers(text, present)) is not None:
        return flags
    if present.any() and (scaled := _scaled_numbers(text[present], decimal_comma)) is not None:
        return scaled.reindex(text.index)
    if present.any() and (ticks := _eighths(text[present])) is not None:
        return ticks.reindex(text.index)
    if not decimal_comma and present.any() and _written_with_decimal_commas(text[present]):
        return parse_numbers(values, True, head_decides)  # German text numbers in a file of decimal points (.xlsx)
    if not present.any() or (head_decides and _looks_like_text(text[present].iloc[:200], decimal_comma)):
        return None  # cheap rejection of text columns (dates, names) before work on every row
    if not decimal_comma:
        plain = pd.to_numeric(text, errors="coerce")
        if plain[present].notna().all():  # the common case: no separators or signs to strip
            return plain.where(np.isfinite(plain)).astype(float)
    undetected = text.str.fullmatch(NON_DETECT).fillna(False) if reads_non_detects(values.name) else None
    if undetected is not None and undetected.any() and (~undetected & present).any():
        text = text.mask(undetected, "0")
    below = text.str.fullmatch(BELOW_LIMIT).fillna(False) if text.str.startswith("<").any() else None
    above = text.str.fullmatch(ABOVE_LIMIT).fillna(False) if text.str.startswith(">").any() else None
    marked = text if below is None else text.mask(below, text.str[1:])
    cleaned = _clean_number_text(marked if above is None else marked.mask(above, marked.str[1:]), decimal_comma)
    present &= cleaned.notna()  # missing-value markers count as blank
    if not present.any():
        return None
    numbers = pd.to_numeric(cleaned, errors="coerce")
    if below is not None:
        numbers = numbers.astype("float64")
        numbers = numbers.where(~below.to_numpy(dtype=bool), numbers / 2)
    if numbers[present].notna().mean() < PARSE_SHARE:  # words for missing values ('closed') are no cells of numbers
        commas = pd.to_numeric(_read_comma_decimals(cleaned[present]), errors="coerce")
        present &= ~text.isin(marker_words(text[present], numbers[present].astype("float64").fillna(commas)))
    if present.any() and numbers[present].notna().mean() < PARSE_SHARE and not decimal_comma:
        # A decimal comma inside a comma-separated file comes quoted: "1,5".
        if cleaned[present].str.fullmatch(_QUOTED_COMMA_DECIMAL).fillna(False).mean() >= PARSE_SHARE:
            numbers = pd.to_numeric(_read_comma_decimals(cleaned), errors="coerce")
    if not present.any() or numbers[present].notna().mean() < PARSE_SHARE:
        return None
    finite = numbers.where(np.isfinite(numbers))
    return finite.astype(float)


# A number written with a decimal comma in a file of decimal points, quoted: "1,5", and with points grouping its
# thousands (a German Amazon Business Report's "1.191,25 €" among its "445,72 €": read as missing)
_QUOTED_COMMA_DECIMAL = re.compile(r"[-+]?(?:\d*|\d{1,3}(?:\.\d{3})+),\d+")
_GROUPED_COMMA_DECIMAL = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+,\d+")


def _read_comma_decimals(cleaned: pd.Series) -> pd.Series:
    """``cleaned`` cells of a column read with a decimal comma (``_QUOTED_COMMA_DECIMAL``) written with a decimal
    point: a column read with a decimal comma reads a point as its thousands separator (``1.191,25`` is 1191.25)."""
    grouped = cleaned.str.fullmatch(_GROUPED_COMMA_DECIMAL).fillna(False).astype(bool)
    return cleaned.mask(grouped, cleaned.str.replace(".", "", regex=False)).str.replace(",", ".", regex=False)


def marker_words(cells: pd.Series, numbers: pd.Series) -> set[str]:
    """The words among non-blank ``cells`` that a column of numbers (``numbers``, the cells read as such) writes for its
    missing values: cells without a digit that are no number, of at most ``MARKER_WORDS_MOST`` distinct words, each
    written ``_MARKER_WORD_TIMES`` times at least (a stray 'oops' is an error to correct, ``stray_words``), in at most
    ``_MARKER_WORDS_SHARE`` of the cells; none where the cells hold other text (names, codes: a promotion column of
    '0' and 'BOGO', 'Clearance' and one 'Flash sale' is text)."""
    unread = cells[numbers.isna().to_numpy()].astype(object)
    words = unread[~unread.str.contains(r"\d", regex=True).fillna(True).astype(bool)]
    distinct, times = set(words), words.value_counts()
    if (not 0 < len(distinct) <= MARKER_WORDS_MOST or len(words) > _MARKER_WORDS_SHARE * len(cells)
            or times.min() < _MARKER_WORD_TIMES):
        return set()
    letters = [sum(map(str.isalpha, word)) for word in distinct if word not in _ONE_LETTER_MARKERS]
    short = max(map(len, distinct)) <= _MARKER_WORD_LONGEST
    return distinct if short and min(letters, default=_MARKER_WORD_LETTERS) >= _MARKER_WORD_LETTERS else set()


# One letter written for a value not given: eBird's 'X' (seen, not counted), a fishery's 'c' (confidential), NOAA's
# 'M' (missing: a rain gauge out for a month, 8% of the cells, refused the column)
_ONE_LETTER_MARKERS = frozenset({"X", "x", "c", "M"})


# A price in whole units and eighths, as CME quotes grains in cents: 452'6 is 452.75 (a change: +4'2, -0'6, UNCH)
_LEAST_CENTS = 100  # a grain price in cents and eighths is this or more (oats, the cheapest, trade at 300 or so)
EIGHTHS = re.compile(r"^([-+]?)(\d+)'([0-7])$")


def _eighths(cells: pd.Series) -> pd.Series | None:
    """Non-blank ``cells`` written in eighths (``EIGHTHS``), 'UNCH' as 0, when nearly every one is; None otherwise
    (CME's corn and soybean prices: every price column was left out, the volume forecast)."""
    if not cells.iloc[:200].str.fullmatch(EIGHTHS).fillna(False).any():  # cheap: most columns do not
        return None
    parts = cells.str.extract(EIGHTHS)
    unchanged = cells.str.upper().eq("UNCH").fillna(False)
    if (parts[1].notna() | unchanged).mean() < PARSE_SHARE:
        return None
    signed = (parts[0].isin(["+", "-"]) | unchanged).mean() >= 0.5  # a change: '+4'2', 'UNCH'
    cents = (pd.to_numeric(parts[1], errors="coerce").dropna() >= _LEAST_CENTS).mean() >= PARSE_SHARE  # a price
    if not (signed or cents):
        return None  # (feet and inches, 4'5, are no eighths)
    value = pd.to_numeric(parts[1], errors="coerce") + pd.to_numeric(parts[2], errors="coerce") / 8
    return value.where(parts[0] != "-", -value).where(~unchanged, 0.0).astype("float64")


def _scaled_numbers(cells: pd.Series, decimal_comma: bool) -> pd.Series | None:
    """Non-blank ``cells`` written with a magnitude letter (``SCALED_NUMBER``: ``12.5K`` is 12,500), when at least half
    of them are, or fewer from about the largest plain number on, and every other is a plain number; None otherwise."""
    head = cells.iloc[:200]
    mostly = head.str.fullmatch(SCALED_NUMBER).fillna(False).mean() >= 0.5
    if not mostly and not (  # cheap: most columns do not
            _plain_numbers_share(head, decimal_comma) >= 0.5
            and cells.str.fullmatch(SCALED_NUMBER).fillna(False).any()):
        return None
    parts = cells.str.extract(SCALED_NUMBER)
    number = (parts[0] + parts[1]).str.replace("--", "", regex=False)  # the sign written before the currency sign
    written = _clean_number_text(number.where(parts[1].notna(), cells), decimal_comma)  # markers (-, n.a.) are NA
    amounts = pd.to_numeric(written, errors="coerce").astype("float64")
    if (amounts.isna() & written.notna()).any():
        return None
    read = amounts * parts[2].map(_SCALES).fillna(1.0).astype("float64")
    scaled = parts[2].notna()
    plain, least = read[~scaled].abs().max(), read[scaled].abs().min()  # a formatter's letter from a magnitude on,
    if not mostly and not least / 100 <= plain <= 1.5 * least:  # rounded (Grafana's 'short' unit: '1000', then '1 K'),
        return None  # not a flat's '2B' among '101' nor a race's '5K' among runs of 6.2 km (the plain numbers stop
        # far below where the letter starts)
    return read


def _plain_numbers_share(cells: pd.Series, decimal_comma: bool) -> float:
    """The share of ``cells`` that read as plain numbers."""
    return float(pd.to_numeric(_clean_number_text(cells, decimal_comma), errors="coerce").notna().mean()) \
        if len(cells) else 0.0


def column_unit(cells: pd.Series) -> str | None:
    """The unit nearly every one of the non-blank ``cells`` writes after its number (``UNIT_NUMBER``), when there is
    one, the same in all of them (whatever its case), and no month, time or magnitude (``_NOT_UNITS``) nor statistics
    office's flag; else None."""
    head = cells.iloc[:200].astype(str)
    head = head[head.str.contains(r"\d")]  # of the cells with a number: a landing's 'Confidential' is a marker word
    if not len(head) or head.str.fullmatch(UNIT_NUMBER).mean() < PARSE_SHARE:  # cheap: most columns do not
        return None
    units = cells.astype(str).str.extract(UNIT_NUMBER)[1].dropna()
    if len(units) and units.str.lower().nunique() > 1:
        return _mixed_units(units)
    unit = str(units.iloc[0]) if len(units) else ""
    if unit.lower() in _DURATION_UNITS:
        return unit if _beyond_the_clock(cells, _DURATION_UNITS[unit.lower()]) else None
    if not unit or unit.lower().rstrip(".") in _MONTH_NAMES or unit.lower() in _NOT_UNITS or unit in _SCALES:
        return None
    return None if FLAGGED_NUMBER.fullmatch(f"1 {unit}") else unit


def _beyond_the_clock(cells: pd.Series, most: int) -> bool:
    """Whether numbers before a unit of hours or minutes (``_DURATION_UNITS``) are a duration's: some have a fraction
    or pass ``most`` (a clock's hours and minutes do neither)."""
    written = cells.astype(str).str.extract(UNIT_NUMBER)[0].str.replace(",", "", regex=False)
    numbers = pd.to_numeric(written, errors="coerce").astype("float64").dropna()
    return bool(((numbers % 1 != 0) | (numbers > most)).any())


# Units of one kind that monitoring tools mix in a column as the values grow (Grafana's '980 MB' then '1.03 GB',
# '644 ms' then '1.13 s'): read in the column's most common unit.
_UNIT_FAMILIES = ({"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "usec": 1e-6, "ms": 1e-3, "msec": 1e-3, "s": 1.0, "sec": 1.0,
                   "min": 60.0, "hour": 3600.0, "day": 86400.0, "week": 604800.0},  # Grafana's '1.02 min' after 'ms'
                  {"b": 1.0, "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12, "pb": 1e15, "kib": 2.0 ** 10,
                   "mib": 2.0 ** 20, "gib": 2.0 ** 30, "tib": 2.0 ** 40},
                  # rates of bits (Grafana's '853 Mb/s' then '1 Gb/s'; bytes a second, 'MB/s', share the prefixes)
                  {**{f"{prefix}{rate}": scale for prefix, scale in (("", 1.0), ("k", 1e3), ("m", 1e6), ("g", 1e9),
                                                                      ("t", 1e12))
                      for rate in ("b/s", "bps", "bit/s", "bits/s")}, "kib/s": 2.0 ** 10, "mib/s": 2.0 ** 20,
                   "gib/s": 2.0 ** 30},
                  # power and energy as Grafana scales them ('120 W' then '24.89 kW'; '518 Wh' then '1,45 kWh')
                  {"w": 1.0, "kw": 1e3, "mw": 1e6, "gw": 1e9}, {"wh": 1.0, "kwh": 1e3, "mwh": 1e6, "gwh": 1e9},
                  # one and several of a duration (time off's '1 day' beside '2.5 days', '1 hour' and '8 hours')
                  {"day": 1.0, "days": 1.0}, {"hour": 1.0, "hours": 1.0, "hr": 1.0, "hrs": 1.0},
                  # weights and distances of two systems in one column (a 3PL's 'kg' and 'lb' warehouses, a running
                  # log's 'mi' and a race's 'km')
                  {"g": 1e-3, "kg": 1.0, "t": 1e3, "lb": 0.45359237, "lbs": 0.45359237, "oz": 0.028349523125},
                  {"m": 1e-3, "km": 1.0, "mi": 1.609344, "mile": 1.609344, "miles": 1.609344})


def measure_unit(unit: str) -> bool:
    """Whether ``unit`` (``UNIT_ATTR``: one, or the main one of several, ``MB|GB``) is one of a measure, of a family
    of units converted into each other: not a clock's hour ('6 Uhr' under 'Zeit')."""
    return any(unit.split("|")[0].lower() in family for family in _UNIT_FAMILIES)


def _mixed_units(units: pd.Series) -> str | None:
    """Several units of one kind (``_UNIT_FAMILIES``) as ``main|other,other``, the most common first; None for units
    of different kinds."""
    lowered = units.str.lower()
    if not any(set(lowered.unique()) <= set(family) for family in _UNIT_FAMILIES):
        return None
    order = lowered.value_counts().index
    written = {low: str(units[lowered == low].iloc[0]) for low in order}
    return f"{written[order[0]]}|{','.join(written[low] for low in order[1:])}"


def _unit_numbers(cells: pd.Series, decimal_comma: bool) -> pd.Series | None:
    """Non-blank ``cells`` read as the numbers before their unit (``column_unit``), when nearly every one reads so; the
    unit in ``attrs[UNIT_ATTR]``; None otherwise. Infinite values (digits past float's range) are missing, as plain
    numbers' are."""
    if (unit := column_unit(cells)) is None:
        return None
    parts = cells.str.extract(UNIT_NUMBER)
    amounts = parts[0].fillna(cells)
    numbers = pd.to_numeric(_clean_number_text(amounts, decimal_comma), errors="coerce").astype("float64")
    if numbers[cells.astype(str).str.contains(r"\d").to_numpy()].notna().mean() < PARSE_SHARE:
        return None
    if "|" in unit:  # each number in the main unit, of the family that has every unit written
        written = {part.lower() for part in unit.replace("|", ",").split(",")}
        family = next(family for family in _UNIT_FAMILIES if written <= set(family))
        scale = parts[1].str.lower().map(family).astype("float64")
        numbers = numbers * (scale / family[unit.split("|")[0].lower()]).fillna(1.0)
    numbers = numbers.where(np.isfinite(numbers))
    numbers.attrs[UNIT_ATTR] = unit
    return numbers


# Words written for a missing value (lower case), beside ``MISSING_MARKERS``: read as missing and not said as stray;
# so are a spreadsheet's error values in any language (``#WERT!``, ``#N/D``: ``_SPREADSHEET_ERROR``).
MISSING_WORDS = frozenset({"na", "n/a", "nan", "null", "none", "nil", "missing", "blank", "(blank)", "empty", "unknown",
                           "undefined", "not available", "n/v", "k.a.", "nicht verfügbar", "不适用", "无数据", "缺失", "无"})
_SPREADSHEET_ERROR = re.compile(r"#[^\s#]{1,15}")
STRAY_WORD_LETTERS = 3  # letters of a word said, stray or a marker (a statistics office's 'x' or 'c' is a code)


def stray_words(values: pd.Series, parsed: pd.Series, markers: set[str]) -> pd.Series:
    """The cells of a column read as numbers (``parsed``) that hold a word and no digit (``error``, ``TBD``): read as
    missing like a blank, though a typed value was meant or a note written where the number belongs. Not the words the
    column writes for its missing values (``markers``, from ``marker_words``), ``MISSING_WORDS`` nor
    ``MISSING_MARKERS``, nor words of fewer than ``STRAY_WORD_LETTERS`` letters."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return values.iloc[:0]
    text = values.astype("string").str.strip()
    loose = (text.notna() & parsed.isna() & ~text.str.contains(r"\d", regex=True).fillna(True)).to_numpy(dtype=bool)
    cells = text[loose]
    meant = ((cells.str.count(r"[^\W\d_]") >= STRAY_WORD_LETTERS) & ~cells.str.lower().isin(MISSING_WORDS)
             & ~cells.isin(MISSING_MARKERS | markers) & ~cells.str.fullmatch(_SPREADSHEET_ERROR))
    return values[loose][meant.fillna(False).to_numpy(dtype=bool)]


def unreadable_numbers(values: pd.Series, parsed: pd.Series, decimal_comma: bool = False) -> pd.Series:
    """The cells of a column read as numbers (``parsed``, by ``parse_numbers``) that hold digits but no number
    (``13O5``, ``2370 (p)``): read as missing. Cells without a digit are markers of a missing value, whatever a
    statistics office writes (``..``, ``:``, ``x``, ``(D)``, ``n.a.``)."""
    if pd.api.types.is_numeric_dtype(values):
        return values.iloc[:0]
    text = values.astype("string").str.strip()
    written = text.notna() & text.str.contains(r"\d", regex=True).fillna(False) & parsed.isna()
    if not written.any():
        return values.iloc[:0]
    meant = _clean_number_text(text[written], decimal_comma).notna()  # markers (#N/A, '.', '-') clean to NA
    return values[written][meant.to_numpy()]


def read_with_decimal_comma(values: pd.Series, parsed: pd.Series, cells: pd.Series) -> bool:
    """Whether a column's ``cells`` not read as numbers with a decimal point read with a decimal comma, and its cells
    read (``parsed``) read as the same numbers with it: a price column of whole euros with a few '12,50 €', whose
    note names the Decimal mark (not one of '100.5' with a stray '12,5', which a comma would lose)."""
    if not len(cells) or pd.api.types.is_numeric_dtype(values):
        return False
    comma = pd.to_numeric(_clean_number_text(values.astype("string").str.strip(), True), errors="coerce")
    read = parsed.notna().to_numpy(dtype=bool)
    same = np.isclose(comma[read].astype("float64"), parsed[read].astype("float64"), equal_nan=False).all()
    return bool(same) and bool(comma.loc[cells.index].notna().all())


_COMMA_DECIMAL_CELL = re.compile(r"[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")  # 1.008,89 998,89 1200
_COMMA_DECIMAL_ONLY = re.compile(r"[-+]?(?:\d{1,3}(?:\.\d{3})+,\d+|\d+,(?:\d{1,2}|\d{4,}))")  # not 1,234


def _written_with_decimal_commas(cells: pd.Series) -> bool:
    """Whether every cell of a column of text is a number written with a decimal comma (``1.008,89``, ``998,89``,
    ``1200``), one at least in a way a decimal point's thousands cannot be (``1,234`` can): an .xlsx of German text
    numbers, which a workbook gives no decimal mark for, was refused as text. Every cell, not most: one written with
    a decimal point (``29.5``) among them would be read as thousands (295)."""
    head = cells.iloc[:200].astype(object)  # cheap rejection first: most text columns hold no comma
    if not head.str.contains(",", regex=False).any() or not head.str.fullmatch(_COMMA_DECIMAL_CELL).all():
        return False
    return bool(head.str.fullmatch(_COMMA_DECIMAL_ONLY).any()) and bool(
        cells.astype(object).str.fullmatch(_COMMA_DECIMAL_CELL).all())


def _looks_like_text(head: pd.Series, decimal_comma: bool) -> bool:
    """Whether too few of the first non-blank cells read as numbers, with a point or a comma as the decimal mark. The
    cells (at most a few hundred) are Python strings: each of Arrow's text passes parsed its pattern again, 10 ms a
    column (15 s for a file of 1,000 text columns)."""
    head = head.astype(object)
    bare = head.str.replace(BELOW_LIMIT, r"\1", regex=True).str.replace(ABOVE_LIMIT, r"\1", regex=True)
    cleaned = _clean_number_text(bare, decimal_comma).dropna()
    if cleaned.empty:  # only missing-value markers so far: let the whole column decide
        return False
    with_point = pd.to_numeric(cleaned, errors="coerce")
    with_comma = pd.to_numeric(_read_comma_decimals(cleaned), errors="coerce")  # '1.191,25' too
    words = marker_words(cleaned, with_point.fillna(with_comma))  # 'closed' every Sunday among the first rows
    numbers = ~cleaned.isin(words).to_numpy()
    return bool(with_point[numbers].notna().mean() < PARSE_SHARE and with_comma[numbers].notna().mean() < PARSE_SHARE)


def without_currency(cell: str) -> str:
    """A cell's text without currency signs and codes, percent signs and spaces (``1.000,95 €`` -> ``1.000,95``)."""
    cell = re.sub(_CURRENCY_WORD, "", _CURRENCY_CODE.sub("", cell.strip())).strip()
    return _CURRENCY_AND_SPACES.sub("", re.sub(_APOSTROPHE_THOUSANDS, "", cell))


_TEXT_PREFIX = re.compile(r"^'(?=[-+(]?[\d.,$€£¥])")  # '27, '-5: the number ('1,234 too)


def not_number_cells(values: pd.Series, decimal_comma: bool = False) -> np.ndarray:
    """Which of ``values`` hold something that is no number (``abc``, ``12O.5``), as a refused target counts them: not
    blank cells nor missing-value markers (``MISSING_MARKERS``)."""
    text = values.astype("string").str.strip()
    cleaned = _clean_number_text(text.where(text != ""), decimal_comma)
    return (cleaned.notna() & pd.to_numeric(cleaned, errors="coerce").isna()).to_numpy(dtype=bool)


_FULL_WIDTH = "[\uff01-\uff5e]"  # the full-width forms of ASCII's characters
_TO_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def _clean_number_text(text: pd.Series, decimal_comma: bool) -> pd.Series:
    """Blank (as NA) missing-value markers; drop spaces, currency and percent signs, and thousands
    separators; write accounting negatives and the Unicode minus with an ASCII minus."""
    if text.str.contains(_FULL_WIDTH, regex=True).any():  # Chinese and Japanese input: １００，６９０ is 100,690
        text = text.str.translate(_TO_HALF_WIDTH)  # (and e-Stat's '－' a missing value, as '-' is)
    cleaned = text.mask(text.isin(MISSING_MARKERS))
    if cleaned.str.startswith("'").any():  # a spreadsheet's text prefix ('27), as exports that quote formulas write it
        cleaned = cleaned.str.replace(_TEXT_PREFIX, "", regex=True)
    if cleaned.str.contains(FLAG_AFTER, regex=True).any():  # flags after numbers: the number (':' is blank)
        cleaned = cleaned.str.replace(FLAGGED_NUMBER, r"\1", regex=True)
        cleaned = cleaned.mask(cleaned == ":")
    if cleaned.str.contains(r"[A-Z]{3}", regex=True).any():  # the lookarounds run cell by cell: only when needed
        cleaned = cleaned.str.replace(_CURRENCY_CODE, "", regex=True)
    if cleaned.str.contains(r"[A-Z]\$|S/|Fr\.|zł|kr|Kč|Ft|lei|Rs", regex=True).any():
        cleaned = cleaned.str.strip().str.replace(_CURRENCY_WORD, "", regex=True)
    if cleaned.str.contains(r"\d['’]\d", regex=True).any():
        cleaned = cleaned.str.replace(_APOSTROPHE_THOUSANDS, "", regex=True)
    if cleaned.str.contains(_ACCOUNTING_ZERO, regex=True).any():
        cleaned = cleaned.mask(cleaned.str.fullmatch(_ACCOUNTING_ZERO).fillna(False), "0")
    if cleaned.str.contains(_DIGITS_SPACED, regex=True).any():  # an E-ZPass tag '004 0123456 01', a phone number:
        parts = cleaned.str.contains(_SPACED_NOT_THOUSANDS, regex=True).fillna(False).astype(bool) \
            & ~cleaned.str.fullmatch(_LAKH_SPACED).fillna(False).astype(bool)  # (India's lakhs: '5 61 551')
        cleaned = cleaned.mask(parts, "")  # unreadable
    cleaned = cleaned.str.replace(_CURRENCY_AND_SPACES, "", regex=True)
    cleaned = cleaned.str.replace(_UNICODE_MINUS, "-", regex=False)
    if cleaned.str.contains("(", regex=False).any():  # the regex costs more than this look over a long column
        cleaned = cleaned.str.replace(_ACCOUNTING_NEGATIVE, r"-\1", regex=True)
    if cleaned.str.endswith("-").any():
        cleaned = cleaned.str.replace(_TRAILING_MINUS, r"-\1", regex=True)
    if decimal_comma:  # a point that groups no thousands makes the cell unreadable, said as such (1.5: 15 before)
        if cleaned.str.contains(".", regex=False).any():
            stray = (cleaned.str.count(r"\.").fillna(0) == 1) & cleaned.str.contains(
                _POINT_NOT_THOUSANDS, regex=True).fillna(False).astype(bool)  # not dates 2020.01.05., nor 1.234.567
            stray |= cleaned.str.fullmatch(_DOTTED_DAY_FIRST).fillna(False).astype(bool)
            cleaned = cleaned.mask(stray, "")  # "": unreadable, not a missing-value marker
        return cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return cleaned.str.replace(",", "", regex=False) if _groups_thousands(cleaned) else cleaned


_DIGITS_SPACED = re.compile(r"\d[ \u00a0\u202f]+\d")
_LAKH_SPACED = re.compile(r"[-+]?[1-9]\d?(?:[ \u00a0]\d{2})*[ \u00a0]\d{3}(?:[.,]\d+)?")  # (not a phone's '06 40 155')
# Spaces between digits that group no thousands (a group after one of other than three digits, or one of four digits
# or more before it): an id or a phone number written in parts, no number
_SPACED_NOT_THOUSANDS = re.compile(r"\d[ \u00a0\u202f]+(?!\d{3}(?!\d))\d|\d{4}[ \u00a0\u202f]+\d")


def _groups_thousands(cleaned: pd.Series) -> bool:
    """Whether a column's commas group thousands: at least ``PARSE_SHARE`` of its cells with digits are numbers written
    so (``_THOUSANDS_COMMA``) and none has a comma only a decimal comma explains (``1,5``, ``12,25``). Every cell had to
    be: one ``?``, ``TBD`` or typo (``1,25O``) among 24 months of ``"1,210"`` left the commas in every cell, to be read
    as decimal commas (1.21)."""
    numeric = cleaned[cleaned.notna() & cleaned.str.contains(r"\d", regex=True).fillna(False)]
    if not numeric.str.contains(",", regex=False).any():
        return False  # nothing to remove
    grouped = numeric.str.fullmatch(_THOUSANDS_COMMA).fillna(False)
    decimal = numeric.str.fullmatch(r"[-+]?\d*,\d+").fillna(False) & ~grouped
    return bool(grouped.mean() >= PARSE_SHARE and not decimal.any())


def parse_dates(values: pd.Series, day_first: bool | None = None) -> tuple[pd.Series, str] | None:
    """Parse a text column as datetimes; return the parsed column and the format found.

    Tries quarters (``1956Q1``, ``Q1 1965``), ``1980M01``, ISO weeks (``2020-W05``), plain years,
    ``201501`` (year and month), a table of explicit formats (``01/2015`` among them), day-first vs
    month-first (decided from the data), then ISO 8601 with time zones (``... UTC`` or ``GMT`` too).
    Returns ``None`` when fewer than 95% of the non-blank cells parse.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return _typed_stamps(values)
    if pd.api.types.is_float_dtype(values):
        return None
    # Plain Python strings: pandas' date parsers convert Arrow-backed text to them on every call anyway.
    text = values.astype("string").str.strip().astype(object)
    sample = text[text.notna() & (text != "")]
    if sample.empty:
        return None
    if (hour_ending := _hour_ending(sample)) is not None:  # 24:00 is midnight at the end of the day written
        late = hour_ending.reindex(values.index, fill_value=False).to_numpy(dtype=bool)
        found = parse_dates(pd.Series(np.where(late, text.str.replace(_HOUR_24, "00:00", regex=True), text),
                                      index=values.index, dtype=object), day_first)
        return None if found is None else (found[0] + pd.to_timedelta(late.astype(int), unit="D"), found[1])
    if _CHINESE_PERIOD.fullmatch(sample.iloc[0]) and sample.str.fullmatch(_CHINESE_PERIOD).all() \
            and _chinese_periods_in_order(sample):  # NBS: 2023年第四季度, 2023年
        return parse_dates(text.str.replace(_CHINESE_PERIOD, _chinese_period, regex=True), day_first)
    if (months := year_dot_months(sample)) is not None:  # KOSIS's 2020.01
        stamps = pd.to_datetime(pd.DataFrame({"year": months // 12, "month": months % 12 + 1, "day": 1}))
        return stamps.reindex(values.index), "yyyy.mm"
    if _LOCAL_FORMS.match(sample.iloc[0]) and sample.str.match(_LOCAL_FORMS).all():  # 令和5年, 2019年1月～3月期
        return parse_dates(text.map(_western, na_action="ignore"), day_first)
    if sample.iloc[:1].str.fullmatch(_ROLLING_MONTHS).all() and sample.str.fullmatch(_ROLLING_MONTHS).all():
        return parse_dates(text.str.replace(_ROLLING_MONTHS, r"\2 \3", regex=True), day_first)  # ONS's 'Jan-Mar 1992'
    if sample.str.fullmatch(r"\d{6}").all() and _academic_years(sample):  # the DfE's 'time_period' 201920
        return parse_dates(text.str.replace(r"^(\d{4})(\d{2})$", r"\1/\2", regex=True), day_first)
    if sample.str.contains(_AS_OF).any():  # Schwab's '12/10/2023 as of 12/09/2023': the day it was booked
        return parse_dates(text.str.replace(_AS_OF, "", regex=True), day_first)
    if sample.iloc[:1].str.fullmatch(_SCRIPT_STAMP).all() and sample.str.fullmatch(_SCRIPT_STAMP).all():
        return parse_dates(text.str.replace(_SCRIPT_STAMP, _iso_of_script_stamp, regex=True), day_first)
    if sample.str.fullmatch(_DATE_COMMA_TIME).any():  # Interactive Brokers' '2022-01-03, 10:00:15'
        return parse_dates(text.str.replace(_DATE_COMMA_TIME, r"\1 \2", regex=True), day_first)
    if sample.map(_spoken_hour).any():  # EIA's '9/1/2024 1 a.m.' (its zone, 'EDT', dropped above)
        return parse_dates(text.str.replace(_MERIDIEM_END, _clock_and_meridiem, regex=True), day_first)
    if sample.str.contains(_DATE_FOOTNOTE).any():  # OBR's '2023-24 (r)', revised: the period
        return parse_dates(text.str.replace(_DATE_FOOTNOTE, "", regex=True), day_first)
    for words in (_WEEK_WORDS, _DAY_BEFORE_DIGITS, _DAY_BEFORE_MONTH):  # "w/c 01/01/2024", "Mon 02/01/2023": the date
        if words.match(sample.iloc[0]) and sample.str.match(words).all():
            return parse_dates(text.str.replace(words, "", regex=True), day_first)
    if _ZONE_NAME.search(sample.iloc[0]) and sample.str.contains(_ZONE_NAME).all():  # Clover's '07:32 PM EST'
        if (offsets := _zone_names_as_offsets(text)) is not None:  # Niagara's EDT, then EST: an autumn hour twice
            local = parse_dates(text.str.replace(_ZONE_NAME, "", regex=True), day_first)
            if local is not None and local[0].dt.tz is None and _told_apart(local[0], offsets):
                return parse_dates(local[0].dt.strftime("%Y-%m-%dT%H:%M:%S").astype("string") + offsets)
        return parse_dates(text.str.replace(_ZONE_NAME, "", regex=True), day_first)  # the local time written
    if sample.iloc[:1000].str.fullmatch(_DAY_RANGE).any():  # a poll's '28–30 Jun 2024'; 'Jan 16-18, 2024' among days
        return parse_dates(text.map(_day_range_start, na_action="ignore"), day_first)
    if sample.iloc[:1].str.fullmatch(_SLASH_RANGE).all() and sample.str.fullmatch(_SLASH_RANGE).all():
        return parse_dates(text.map(_slash_range_start, na_action="ignore"), day_first)  # '7/4 - 7/10/2022
    for interval in (_INTERVAL, _ISO_INTERVAL, _NAMED_INTERVAL, _SLASH_INTERVAL) if sample.str.len().max() <= _LONGEST_INTERVAL else ():
        if sample.iloc[:1].str.fullmatch(interval).all() and sample.str.fullmatch(interval).all() and (
                interval is not _ISO_INTERVAL or _spans_alike(sample)):
            return parse_dates(text.str.replace(interval, r"\1", regex=True), day_first)  # an interval: its start
    found = _parse_one_format(text, sample, day_first)
    return _with_midnights(found, text) if found is not None else _parse_mixed_formats(text, sample, day_first)


def _spans_alike(sample: pd.Series) -> bool:
    """Whether cells of two ISO dates (``_ISO_INTERVAL``) are intervals: each ends after it starts, and they last
    alike (a week each; a month each, 28 to 31 days), the first and the last perhaps shorter (a report cut mid-week):
    two visits' dates in a cell, weeks apart, are no interval."""
    parts = sample.str.extract(_ISO_INTERVAL)
    starts, ends = (pd.to_datetime(parts[k], format="ISO8601", utc=True, errors="coerce") for k in (0, 1))
    spans = ends - starts
    inner = spans.iloc[1:-1] if len(spans) > 2 else spans  # the first and last may be cut by the report's range
    return bool((spans >= pd.Timedelta(0)).all() and (spans <= inner.max()).all()) and \
        inner.max() <= inner.min() * 1.2 + pd.Timedelta(days=1)


# Dates as Japanese and Korean offices write them: an era's year (平成20年, 令和元年), a quarter by its
# months (e-Stat's 2019年1月～3月期, KOSIS's 2018.1/4), a weekday after the date (a POS's 2023/10/02(月)).
_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_YEAR = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年")
_MONTHS_QUARTER = re.compile(r"^(\d{4})年(\d{1,2})(?:月)?\s*[～~〜\-]\s*(\d{1,2})月期?$")
_SLASH_QUARTER = re.compile(r"^(\d{4})\.\s*([1-4])/4$")
_WEEKDAY_AFTER = re.compile(r"\s*[(（](?:[月火水木金土日]|[월화수목금토일]|mon|tue|wed|thu|fri|sat|sun)[^)）]{0,6}[)）]$",
                            re.IGNORECASE)
_LOCAL_FORMS = re.compile(rf"{_ERA_YEAR.pattern}|{_MONTHS_QUARTER.pattern}|"
                          rf"{_SLASH_QUARTER.pattern}|.*\d{_WEEKDAY_AFTER.pattern}", re.IGNORECASE)


def _western(cell: str) -> str:
    """A cell of ``_LOCAL_FORMS`` as the formats read it: 2008年, 2024-01-05, 2019Q1, 2023/10/02; the cell where a
    quarter's months are not three of one quarter (the column is then no dates)."""
    cell = _WEEKDAY_AFTER.sub("", cell)
    if found := _ERA_YEAR.match(cell):
        year = _ERAS[found[1]] + (1 if found[2] == "元" else int(found[2]))
        return f"{year}年{cell[found.end():]}"
    if (found := _MONTHS_QUARTER.match(cell)) and int(found[3]) - int(found[2]) == 2 and int(found[2]) % 3 == 1:
        return f"{found[1]}Q{(int(found[2]) + 2) // 3}"
    if found := _SLASH_QUARTER.match(cell):
        return f"{found[1]}Q{found[2]}"
    return cell


# A year or a quarter as China's statistics bureau writes them: 2023年, 2023年第四季度, 2023年第1季度, 2023年一季度.
_CHINESE_PERIOD = re.compile(r"(\d{4})年(?:第?([一二三四1-4])季度)?")
_CHINESE_QUARTERS = {"一": "1", "二": "2", "三": "3", "四": "4"}


def _chinese_periods_in_order(sample: pd.Series) -> bool:
    """Whether cells of ``_CHINESE_PERIOD`` are periods in time: quarters always; years alone only rising or falling
    each once (a building's year '2004年' among others in any order is a measure: it was read as yearly dates)."""
    if sample.str.contains("季度", regex=False).any():
        return True
    years = pd.to_numeric(sample.str.slice(0, 4), errors="coerce")
    return years.is_unique and (years.is_monotonic_increasing or years.is_monotonic_decreasing)


def _chinese_period(found: re.Match[str]) -> str:
    """``2023``, or ``2023Q4`` (read as the quarters written so are), for a match of ``_CHINESE_PERIOD``."""
    quarter = found.group(2)
    return found.group(1) + (f"Q{_CHINESE_QUARTERS.get(quarter, quarter)}" if quarter else "")


def _with_midnights(found: tuple[pd.Series, str], text: pd.Series) -> tuple[pd.Series, str]:
    """``found`` with the cells its date-and-time format left unread read by its date part, at midnight: R's
    ``write.csv`` writes a column of date-times so (``2024-01-01`` among ``2024-01-01 01:00:00``), and the day's
    first hours were dropped as unreadable dates."""
    parsed, way = found
    if not way.startswith("%") or " %H" not in way or not (unread := parsed.isna() & text.notna()).any():
        return found
    midnights = pd.to_datetime(text[unread], format=way.split(" %H")[0], errors="coerce")
    return parsed.fillna(midnights.reindex(parsed.index)).astype(parsed.dtype), way


def _hour_ending(sample: pd.Series) -> pd.Series | None:
    """Which cells write midnight as ``24:00`` (hour-ending stamps of power markets: ``01/01/2024 24:00`` is the end
    of that day), when some of the first cells do (a day of hours or quarter-hours has one); None otherwise."""
    if not sample.iloc[:200].str.contains(_HOUR_24, regex=True).fillna(False).any():
        return None
    late = sample.str.contains(_HOUR_24, regex=True).fillna(False).astype(bool)
    return late if late.any() else None


def _typed_stamps(values: pd.Series) -> tuple[pd.Series, str]:
    """Time stamps a workbook or Parquet file typed, without their time zone as ISO text with offsets is read
    (``_parse_iso``): hours apart, on the first stamp's UTC offset (evenly spaced across a daylight-saving change,
    where local clock time repeats or skips an hour), and said; a day or more apart, the local dates."""
    zone = getattr(values.dt, "tz", None)
    if zone is None:
        return values, "datetime"
    local, utc = values.dt.tz_localize(None), values.dt.tz_convert("UTC").dt.tz_localize(None)
    offsets = (local - utc).dropna()
    if offsets.nunique() < 2 or _median_step(utc.dropna()) >= _WALL_CLOCK_STEP:
        return local, "datetime"
    return utc + offsets.iloc[0], on_first_offset(offsets.iloc[0])


def nested_periods(values: pd.Series) -> tuple[str, pd.Series] | None:
    """For a time column that writes one series by periods of several lengths (``2010``, ``2010 Q1``, ``2010 JAN``:
    each year's total or average, then each quarter's, then each month's): the shortest period's name (``monthly``) and
    the mask of its cells. None for any other column: two lengths or more, each in two cells or more, must together
    be nearly every non-blank cell (``PARSE_SHARE``), and the first cells must show two of them."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return None
    head = values.iloc[:4 * _NESTED_PROBE].astype("string").str.strip()
    if _period_lengths(head[head.notna() & (head != "")].iloc[:_NESTED_PROBE], 1) is None:  # most columns: said early
        return None
    text = values.astype("string").str.strip()
    filled = text.notna() & (text != "")
    lengths = _period_lengths(text, 2)
    if lengths is None:
        return None
    covered = np.logical_or.reduce([mask.to_numpy() for mask in lengths.values()])
    if covered[filled.to_numpy()].mean() < PARSE_SHARE:
        return None
    shortest = list(lengths)[-1]
    return shortest, lengths[shortest]


def _period_lengths(text: pd.Series, least: int) -> dict[str, pd.Series] | None:
    """The cells of each period length in ``_NESTED_PERIODS`` written at least ``least`` times in ``text``, longest
    first; None unless two lengths are."""
    found = {}
    for name, patterns in _NESTED_PERIODS:
        mask = np.logical_or.reduce([text.str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool)
                                     for pattern in patterns])
        if mask.sum() >= least:
            found[name] = pd.Series(mask, index=text.index)
    return found if len(found) >= 2 else None


def _parse_one_format(text: pd.Series, sample: pd.Series, day_first: bool | None) -> tuple[pd.Series, str] | None:
    if day_first is not None:
        forced = _parse_forced_order(text, sample, day_first)
        if forced is not None:
            return forced
    for parser in (_parse_periods, _parse_year_month, _parse_iso_weeks, _parse_years, _parse_compact_year_month,
                   _parse_period_dot_year, _parse_known_formats, _parse_month_short_year, _parse_day_or_month_first, _parse_iso,
                   _parse_access_log, _parse_rfc_2822, _parse_year_first):
        parsed = parser(text, sample)
        if parsed is not None:
            return _year_first_instead(text, sample, parsed)
    return None


# Dates that write a two-digit year first (23/01/31, 23-01-31, 23.01.31, as some Korean and Japanese exports and
# loggers do): the day-first reading takes them too while the year is at most 31 (23/01/31 as 23 January 2031: a daily
# series' rows years apart, read as monthly with 1,072 stamps missing), and none did once it is over 31 (95/01/15).
YEAR_FIRST = "year first"  # in the format found for them
_YEAR_FIRST_ORDERS = {"%d/%m/%y": "%y/%m/%d", "%m/%d/%y": "%y/%m/%d", "%d-%m-%y": "%y-%m-%d", "%m-%d-%y": "%y-%m-%d",
                      "%d.%m.%y": "%y.%m.%d"}
_TWO_DIGITS_FIRST = re.compile(r"\d\d([-/.])\d{1,2}\1\d{1,2}")
_YEAR_FIRST_ALONE_SPREAD = 1.0  # spacing spread below which dates no other order reads are year first
_YEAR_FIRST_SPREAD = 0.5  # of the other reading's spacing spread, at most, for the year-first one to be taken


def _year_first_instead(text: pd.Series, sample: pd.Series, found: tuple[pd.Series, str]) -> tuple[pd.Series, str]:
    """``found``, or the reading with a two-digit year first (``_YEAR_FIRST_ORDERS``) where it reads every cell too
    and spaces them far more evenly (``_YEAR_FIRST_SPREAD``), or as evenly over a shorter span: a day-first reading of
    23/01/01, 23/01/02, ... puts the rows a year apart."""
    parsed, fmt = found
    written = fmt.split(" (")[0]
    if (year_first := _YEAR_FIRST_ORDERS.get(written)) is None:
        return found
    by_year = _to_datetime(text, year_first)
    if not _enough(by_year, sample.index):
        return found
    spread, other = calendar_spread(by_year), calendar_spread(parsed)  # (months read as years are as even)
    closer = 2 * (by_year.max() - by_year.min()) < parsed.max() - parsed.min()  # 23/01/01 to 23/01/12: days, not
    # years (not a leap year's day less: 01.01.24 to 01.12.24 read as 2001-01-24 to 2001-12-24)
    if spread >= _YEAR_FIRST_SPREAD * other and not (spread <= other and closer):
        return found
    return by_year, f"{year_first} ({YEAR_FIRST}: could be {written})"


def _parse_year_first(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """Dates with a two-digit year first that no other order reads (95/01/15), rising or falling in the file's order
    (codes of that shape in any order are no dates)."""
    if not _head_matches(sample, _TWO_DIGITS_FIRST):
        return None
    for year_first in dict.fromkeys(_YEAR_FIRST_ORDERS.values()):
        parsed = _to_datetime(text, year_first)
        stamps = parsed.dropna()
        if _enough(parsed, sample.index) and (stamps.is_monotonic_increasing or stamps.is_monotonic_decreasing) \
                and calendar_spread(stamps) < _YEAR_FIRST_ALONE_SPREAD:  # (a document's clauses 12.1.1 to 12.3.5)
            return parsed, f"{year_first} ({YEAR_FIRST})"
    return None


_ACCESS_LOG = re.compile(r"^\[?(\d{1,2})/([A-Za-z]{3})/(\d{4}):(\d{2}:\d{2}:\d{2})\s+([+-]\d{2})(\d{2})\]?$")


def _parse_access_log(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """nginx's and Apache's ``$time_local`` (``10/Oct/2023:00:01:04 +0200``) read as the ISO 8601 times they are, with
    their UTC offsets (``_parse_iso``: one offset, or several across daylight saving): it was no date, and the log's
    rows were numbered as steps."""
    if not _head_matches(sample, _ACCESS_LOG):
        return None

    def iso(cells: pd.Series) -> pd.Series:
        parts = cells.str.extract(_ACCESS_LOG)
        months = parts[1].str.lower().map({name: f"{number:02d}" for name, number in _MONTH_NAMES.items()})
        return parts[2] + "-" + months + "-" + parts[0].str.zfill(2) + "T" + parts[3] + parts[4] + ":" + parts[5]

    return _parse_iso(iso(text), iso(sample))


# RFC 2822's date-time (Twilio's 'date_created', email headers, RSS' pubDate): 'Thu, 01 Feb 2024 21:44:48 +0000', the
# weekday optional, the zone an offset or GMT/UT/UTC. Without the offset the formats read it; with it, nothing did.
_RFC_2822 = re.compile(r"^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}:\d{2}(?::\d{2})?)\s+"
                       r"(?:([+-]\d{2})(\d{2})|GMT|UTC?|Z)$", re.IGNORECASE)


def _parse_rfc_2822(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """RFC 2822's date-times (``_RFC_2822``: Twilio's ``Thu, 01 Feb 2024 21:44:48 +0000``) read as the ISO 8601 times
    they are, with their UTC offsets (``_parse_iso``): GMT is +00:00. The calls' log was refused as one time stamp."""
    if not _head_matches(sample, _RFC_2822):
        return None

    def iso(cells: pd.Series) -> pd.Series:
        parts = cells.str.extract(_RFC_2822)
        months = parts[1].str.lower().map({name: f"{number:02d}" for name, number in _MONTH_NAMES.items()})
        offsets = (parts[4] + ":" + parts[5]).fillna("+00:00")
        return parts[2] + "-" + months + "-" + parts[0].str.zfill(2) + "T" + parts[3] + offsets

    return _parse_iso(iso(text), iso(sample))


def _parse_mixed_formats(text: pd.Series, sample: pd.Series, day_first: bool | None) -> tuple[pd.Series, str] | None:
    """A column whose dates are written in a few ways (``2015-01-01`` in some rows, ``Jan 2015`` in others: a file
    put together from several exports): the cells are grouped by their shape (digits and letters, whatever their
    number: ``1/2/2015`` and ``11/12/2015`` are one group, read day first or month first together), each group is
    read by a format of its own, and the column is dates when nearly every cell is read. The format found is
    ``mixed: A; B``. None for a column of one shape, or of more than ``MIXED_FORMATS_MOST``."""
    distinct = pd.Series(sample.unique())
    if _shapes(distinct.iloc[:_SHAPE_PROBE]).nunique() > MIXED_FORMATS_MOST:
        return None
    shapes = _shapes(distinct)
    if not 1 < shapes.nunique() <= MIXED_FORMATS_MOST:
        return None
    readings, formats = [], []
    for _, group in distinct.groupby(shapes.to_numpy(), sort=False):
        cells = group.reset_index(drop=True)
        found = _parse_one_format(cells, cells, day_first)
        if found is not None:
            readings.append(pd.Series(found[0].to_numpy(), index=cells.to_numpy()))
            formats.append(found[1])
    if len(readings) < 2:
        return None
    # Microseconds, as pandas reads text dates: years 1000-2999 fit (nanoseconds end in 2262).
    parsed = pd.Series(text.map(pd.concat(readings)).to_numpy(dtype="datetime64[us]"), index=text.index)
    return (parsed, MIXED_FORMATS + "; ".join(formats)) if _enough(parsed, sample.index) else None


def _shapes(cells: pd.Series) -> pd.Series:
    """Each cell with every run of digits written ``9`` and every run of letters ``a``."""
    return cells.str.replace(r"\d+", "9", regex=True).str.replace(r"[^\W\d_]+", "a", regex=True)


def _parse_forced_order(text: pd.Series, sample: pd.Series, day_first: bool) -> tuple[pd.Series, str] | None:
    for pair in _AMBIGUOUS_PAIRS:
        fmt = pair[0] if day_first else pair[1]
        parsed = _to_datetime(text, fmt)
        if _enough(parsed, sample.index):
            return parsed, fmt
    return None


def _to_datetime(text: pd.Series, fmt: str) -> pd.Series:
    """``text`` read with ``fmt`` (NaT where it does not fit), two-digit years as ``TWO_DIGIT_CENTURY_FROM`` says."""
    parsed = pd.to_datetime(text, format=fmt, errors="coerce")
    if "%y" not in fmt:
        return parsed
    later = parsed.dt.year >= 2000 + TWO_DIGIT_CENTURY_FROM
    if later.any():
        parsed = parsed.copy()
        parsed[later] = parsed[later] - pd.DateOffset(years=100)
    return parsed


def _month_names_as_read(text: pd.Series, head: pd.Series) -> pd.Series:
    """``text`` with the month names that %b does not read in English abbreviations (``Jan. 2021``, ``Sept 2021``,
    ``März 2021``, ``janv.-21``, ``31. Januar 2021`` as ``Jan 2021``, ``Sep 2021``, ``Mar 2021``, ``Jan-21``,
    ``31. Jan 2021``), when the first cells ``head`` write such names; else ``text`` itself (English names as %b and
    %B read them). Each distinct cell is rewritten once (a long column repeats its months)."""
    if not any(_needs_english(word.group()) for cell in head for word in _WORD.finditer(cell)):
        return text
    distinct = text.dropna().unique()
    rewritten = dict(zip(distinct, (_WORD.sub(_english_month, cell).strip() for cell in distinct)))
    return text.map(rewritten)


def _needs_english(word: str) -> bool:
    """Whether a month's ``word`` is one %b does not read: another language's (``März``), with a full stop
    (``Jan.``), or ``Sept``."""
    bare = word.rstrip(".").lower()
    return bare in _MONTH_NAMES and (word.endswith(".") or bare not in _ENGLISH_NAMES)


def _english_month(word: re.Match[str]) -> str:
    """The English abbreviation of a month's ``word`` (``Januar``, ``janv.``, ``January``), else the word."""
    bare = word.group().rstrip(".").lower()
    if bare in _YEAR_WORDS:
        return ""
    number = _MONTH_NAMES.get(bare)
    return word.group() if number is None else _ENGLISH_ABBREVIATIONS[number]


def _enough(parsed: pd.Series, sample_index: pd.Index) -> bool:
    """Whether nearly every non-blank cell (``sample_index``) parsed; no lookup when none is blank."""
    chosen = parsed if len(sample_index) == len(parsed) else parsed.loc[sample_index]
    return bool(chosen.notna().mean() >= PARSE_SHARE)


def _head_matches(sample: pd.Series, pattern: re.Pattern[str]) -> bool:
    """Cheap check on the first cells before a regex runs over a long column."""
    return bool(sample.iloc[:200].str.fullmatch(pattern).fillna(False).mean() >= PARSE_SHARE)


def _parse_periods(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """Quarters and half-years written with a letter (``_PERIOD_FORMATS``), fiscal years (``_YEAR_SPAN`` too), or
    EViews' ``1990:1``."""
    if (spans := _parse_year_spans(text, sample)) is not None:
        return spans
    for pattern, year_group, period_group, months_per_period, label in _PERIOD_FORMATS:
        if not _head_matches(sample, pattern):
            continue
        parts = text.str.extract(pattern)
        if parts.loc[sample.index].notna().all(axis=1).mean() >= PARSE_SHARE:
            years = _four_digit_years(pd.to_numeric(parts[year_group - 1]))
            periods = pd.to_numeric(parts[period_group - 1]) if period_group else pd.Series(1, index=parts.index)
            if months_per_period == 3 and years.nunique() >= 3 and periods.max() < 4 \
                    and sample.str.contains("t", case=False).all():
                continue  # a school's terms T1 to T3 of each year: no quarters (a 10-Q's Q1 to Q3 are)
            return _from_year_month(years, (periods - 1) * months_per_period + 1), label
    return _parse_year_colon_period(text, sample)


def _parse_year_spans(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """Fiscal years written as the two years they span (``_YEAR_SPAN``), as their first year."""
    if not _head_matches(sample, _YEAR_SPAN):
        return None
    parts = text.str.extract(_YEAR_SPAN).apply(pd.to_numeric)
    following = _second_year_follows(parts)
    first = parts.loc[sample.index, 0]
    if not (first.notna().mean() >= PARSE_SHARE and bool(following.loc[first.dropna().index].all())):
        return None
    return _from_year_month(parts[0].where(following), pd.Series(1, index=parts.index)), FISCAL_FORMATS[3]


def _second_year_follows(spans: pd.DataFrame) -> pd.Series:
    """For the two years of each ``_YEAR_SPAN`` (its groups as numbers), whether the second follows the first
    (``15/16``, ``1999/00``, ``2015/2016``)."""
    return pd.Series(np.where(spans[1] < 100, spans[1] == (spans[0] + 1) % 100, spans[1] == spans[0] + 1),
                     index=spans.index)


def _four_digit_years(years: pd.Series) -> pd.Series:
    """Two-digit years (``FY05``) in the century ``TWO_DIGIT_CENTURY_FROM`` gives them; four-digit years as they are."""
    short = years < 100
    return years.where(~short, years + np.where(years < TWO_DIGIT_CENTURY_FROM, 2000, 1900))


def _parse_year_colon_period(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """EViews' ``1990:1``: quarters when no period is above 4 and none is written with two digits, else months."""
    if not _head_matches(sample, _YEAR_COLON_PERIOD):
        return None
    extracted = text.str.extract(_YEAR_COLON_PERIOD)
    parts = extracted.apply(pd.to_numeric)
    parts[1] = parts[1].where(parts[1].between(1, 12))
    periods = parts.loc[sample.index, 1]
    if periods.notna().mean() < PARSE_SHARE:
        return None
    quarterly = bool(periods.max() <= 4 and not extracted.loc[sample.index, 1].str.len().eq(2).any())
    months = (parts[1] - 1) * 3 + 1 if quarterly else parts[1]
    return _from_year_month(parts[0], months), "yyyy:q" if quarterly else "yyyy:mm"


def _parse_year_month(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    if not _head_matches(sample, _YEAR_M_MONTH):
        return None
    parts = text.str.extract(_YEAR_M_MONTH)
    if parts.loc[sample.index].notna().all(axis=1).mean() < PARSE_SHARE:
        return None
    return _from_year_month(pd.to_numeric(parts[0]), pd.to_numeric(parts[1])), "yyyyMmm"


def _parse_iso_weeks(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """``2020-W05``, ``2020W05``, ``2020-W05-3``: ISO 8601 weeks, stamped on their Monday (or on the day
    given, 1 = Monday), so that a weekly series is W-MON and its forecast runs on 2021-W52, 2022-W01, ...; the week
    written first (``KW 05/2024``, ``Week 5 2024``) too."""
    found = _week_parts(text, sample)
    if found is None:
        return None
    (years, weeks, days), label = found
    iso = years + "-W" + weeks.str.zfill(2) + "-" + days.fillna("1")
    parsed = pd.to_datetime(iso, format="%G-W%V-%u", errors="coerce")  # NaT for a week 53 its year lacks
    return (parsed, label) if _enough(parsed, sample.index) else None


def _week_parts(text: pd.Series, sample: pd.Series) -> tuple[tuple[pd.Series, pd.Series, pd.Series], str] | None:
    """Each cell's year, week and day of the week (NaN where none is written) and the format's label, when the
    column writes weeks year first (``_ISO_WEEK``) or week first (``_WEEK_FIRST``); None otherwise."""
    if _head_matches(sample, _ISO_WEEK):
        parts = text.str.extract(_ISO_WEEK)
        return (parts[0], parts[1], parts[2]), "yyyy-Www"
    if _head_matches(sample, _WEEK_FIRST):
        parts = text.str.extract(_WEEK_FIRST)
        short = parts[1].str.len() == 2  # 24: 2024, 99: 1999 (00-68 this century, as %y)
        century = np.where(pd.to_numeric(parts[1], errors="coerce") < 69, "20", "19")
        years = parts[1].where(~short, pd.Series(century, index=parts.index) + parts[1])
        return (years, parts[0], pd.Series(np.nan, index=parts.index, dtype=object)), "Www yyyy"
    return None


def _from_year_month(years: pd.Series, months: pd.Series) -> pd.Series:
    """The first day of each year's month; NaT where either is missing (as floats: pandas' whole numbers with a
    missing one raised "cannot convert NA to integer", a pivot's '2020 Total' row beside a blank quarter)."""
    frame = pd.DataFrame({"year": years.astype("float64"), "month": months.astype("float64"), "day": 1})
    return pd.to_datetime(frame, errors="coerce")


def _parse_years(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    if not _head_matches(sample, _PLAIN_YEAR) or not sample.str.fullmatch(_PLAIN_YEAR).all():
        return None
    years = pd.to_numeric(text, errors="coerce")
    if not years.loc[sample.index].between(1000, 2999).all():
        return None
    return pd.to_datetime(years.astype("Int64").astype("string"), format="%Y", errors="coerce"), "yyyy"


def _parse_compact_year_month(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """``201501``: as for plain years, every cell must fit (years 1800-2200, months 01-12), and the loader
    tries a numeric column as dates only under a date-like name or as its evenly rising first column."""
    if not _head_matches(sample, _COMPACT_YEAR_MONTH) or not sample.str.fullmatch(_COMPACT_YEAR_MONTH).all():
        return None
    parts = text.str.extract(_COMPACT_YEAR_MONTH)
    years, months = pd.to_numeric(parts[0]), pd.to_numeric(parts[1])
    if not (years.loc[sample.index].between(1800, 2200).all() and months.loc[sample.index].between(1, 12).all()):
        return None
    return _from_year_month(years, months), "yyyymm"


def _parse_month_short_year(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """``Jan '23`` (a month and a two-digit year after an apostrophe), and ``Jan 23`` where the rows move from month
    to month: nearly every change between two rows' cells changes the month (``Jan 23``, ``Feb 23``, ...). A list of
    days without a year (``Jan 18``, ``Jan 19``) keeps its month from row to row and is no such column."""
    if not _head_matches(sample, _MONTH_SHORT_YEAR) or not sample.str.fullmatch(_MONTH_SHORT_YEAR).all():
        return None
    parts = sample.str.extract(_MONTH_SHORT_YEAR)
    months = parts[0].str.rstrip(".").str.lower().map(_MONTH_NAMES)
    if months.isna().any():
        return None
    years = _four_digit_years(pd.to_numeric(parts[1].str.lstrip("'\u2019")))
    if not parts[1].str.startswith(("'", "\u2019")).all():  # months a regular step apart: not a meter's read days
        places = (years * 12 + months).to_numpy(dtype=float)  # ('Jan 14', 'Feb 13', 'Mar 15' go back and forth)
        steps = np.diff(places)[np.diff(places) != 0]
        common = pd.Series(steps).mode().iloc[0] if len(steps) else 0
        once = years.nunique() < 2 and sample.duplicated().any()  # one year's months twice: days ('Jan 01', twice)
        if len(steps) < MONTHS_MOVED_LEAST or abs(common) not in (1, 2, 3, 4, 6) or once \
                or np.mean(steps == common) < MONTHS_MOVED_SHARE:
            return None
    return _from_year_month(years, months).reindex(text.index), "%b %y"


def _parse_period_dot_year(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    """SAP's posting periods with their fiscal year (``001.2021`` to ``012.2021``: three digits, which ``%m.%Y`` does
    not read) as the months they number, period 1 January; the special periods 13-16 that close a year are no month
    (unreadable dates, quoted as written)."""
    if not _head_matches(sample, PERIOD_DOT_YEAR):
        return None
    parts = text.str.extract("^" + _PERIOD_MONTH_DOT_YEAR.pattern + "$")
    months = _from_year_month(pd.to_numeric(parts[1]), pd.to_numeric(parts[0]))
    # the special periods count as read when judging the column (one a year, 1 row in 13, made it steps), then are
    # unreadable dates, quoted as written
    special = text.str.fullmatch(PERIOD_DOT_YEAR).fillna(False).astype(bool) & months.isna()
    judged = months.where(~special, pd.Timestamp(0))
    return (months, PERIOD_DOT_YEAR_FORMAT) if _enough(judged, sample.index) else None


def _parse_known_formats(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    head = sample.iloc[:200]
    text, sample = _month_names_as_read(text, head), _month_names_as_read(sample, head)
    head = sample.iloc[:200]
    for fmt in _DATE_FORMATS:
        if pd.to_datetime(head, format=fmt, errors="coerce").notna().mean() < PARSE_SHARE:
            continue
        parsed = _to_datetime(text, fmt)
        if _enough(parsed, sample.index):
            return parsed, fmt
    return None


def _parse_day_or_month_first(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    head = sample.iloc[:200]
    for day_first, month_first in _AMBIGUOUS_PAIRS:
        if (pd.to_datetime(head, format=day_first, errors="coerce").isna().all()
                and pd.to_datetime(head, format=month_first, errors="coerce").isna().all()):
            continue
        by_day, by_month = _to_datetime(text, day_first), _to_datetime(text, month_first)
        day_ok, month_ok = _enough(by_day, sample.index), _enough(by_month, sample.index)
        if day_ok and not month_ok:
            return by_day, day_first
        if month_ok and not day_ok:
            return by_month, month_first
        if day_ok and month_ok:
            # Both read every cell: prefer the reading with the more regular spacing.
            if _spacing_spread(by_month) < _spacing_spread(by_day):
                return by_month, f"{month_first} ({AMBIGUOUS}: could be {day_first})"
            return by_day, f"{day_first} ({AMBIGUOUS}: could be {month_first})"
    return None


def calendar_spread(parsed: pd.Series) -> float:
    """``_spacing_spread``, but in months for stamps that all fall on one day of the month at one time of day (the
    1st of every month is evenly spaced, though 28 to 31 days apart). Each stamp counts once: a long file repeats it
    for every series."""
    stamps = pd.DatetimeIndex(parsed.dropna()).unique()
    if len(stamps) > 1 and stamps.day.nunique() == 1 and (stamps - stamps.normalize()).nunique() == 1:
        return _gap_spread(np.sort(np.asarray(stamps.year * 12 + stamps.month, dtype=float)))
    return _spacing_spread(pd.Series(stamps))


def _spacing_spread(parsed: pd.Series) -> float:
    return _gap_spread(np.sort(parsed.dropna().to_numpy(dtype="datetime64[s]").astype(np.int64)))


def _gap_spread(sorted_points: np.ndarray) -> float:
    """The spread of the gaps between ``sorted_points`` over their mean size: 0 when evenly spaced (or fewer than
    two)."""
    gaps = np.diff(sorted_points)
    return float(np.std(gaps) / max(np.mean(np.abs(gaps)), 1.0)) if len(gaps) else 0.0


def _parse_iso(text: pd.Series, sample: pd.Series) -> tuple[pd.Series, str] | None:
    if not sample.iloc[:200].str.contains(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}", regex=True).all():
        return None
    if sample.iloc[:200].str.contains(_UTC_SUFFIX).any():
        # ISO 8601 parsing refuses "2023-01-01 00:00:00 UTC"; without the suffix, utc=True reads the cell as UTC.
        text, sample = text.str.replace(_UTC_SUFFIX, "", regex=True), sample.str.replace(_UTC_SUFFIX, "", regex=True)
    try:
        parsed = pd.to_datetime(text, format="ISO8601", errors="coerce", utc=True)
    except (ValueError, TypeError):
        return None
    if not _enough(parsed, sample.index):
        return None
    zone = _first_offset_zone(sample)
    local = parsed.dt.tz_convert(zone) if zone is not None else parsed
    offsets = sample.iloc[:_OFFSETS_CHECKED].str.extract(_OFFSET, expand=False).fillna("Z").nunique()
    if zone is None or offsets < 2:  # one offset other than UTC's: written back with it (``write.with_offset``)
        offset = pd.Timedelta(zone.utcoffset(None) if zone is not None else 0)  # type: ignore[attr-defined]
        if not offset and (midnights := _local_midnights(local.dt.tz_localize(None))) is not None:
            return midnights
        return local.dt.tz_localize(None), on_first_offset(offset, ON_ONE_OFFSET) if offset else "ISO 8601"
    first = on_first_offset(pd.Timedelta(zone.utcoffset(None)))  # type: ignore[attr-defined]
    if _median_step(parsed) < _WALL_CLOCK_STEP:  # hours apart: evenly spaced on one offset, and said
        return local.dt.tz_localize(None), first
    # A day or more apart (daylight saving moves the offset twice a year): the dates and times as written.
    wall = wall_clock(text)
    return (wall, "ISO 8601") if _enough(wall, sample.index) else (local.dt.tz_localize(None), first)


def _local_midnights(stamps: pd.Series) -> tuple[pd.Series, str] | None:
    """Days written as the UTC instants of their local midnights (a fleet portal's '2023-10-01T22:00:00Z' for Monday
    2 October in Berlin, 23:00 in winter: two times an hour apart, in the evening or the early morning): each the day
    it begins (the nearest midnight), and the format found with the times (``LOCAL_MIDNIGHTS``); None for other
    stamps. Read as written, the Mondays were Sundays and the clock
    change made a six-day week uneven."""
    known = stamps.dropna()
    clock = sorted((known - known.dt.normalize()).unique())
    hours = [time / pd.Timedelta(hours=1) for time in clock]
    if len(clock) != 2 or clock[1] - clock[0] != pd.Timedelta(hours=1) or not (  # daylight saving moves them
            hours[0] in _EVENINGS or all(0 < hour <= _MORNING for hour in hours)):
        return None  # (a reading at noon or in the afternoon is no day's start: its day is not the nearest one)
    days = np.diff(np.unique(known.to_numpy())) / np.timedelta64(1, "h")
    if not len(days) or np.median(days) < _DAY_HOURS:
        return None
    times = " or ".join(f"{pd.Timestamp(0) + time:%H:%M}" for time in clock)
    return (stamps + pd.Timedelta(hours=12)).dt.normalize(), f"{LOCAL_MIDNIGHTS} ({times})"


_DAY_HOURS = 23  # the least median step of ``_local_midnights``' days (a day that loses an hour to daylight saving)
# UTC hours of local midnights east of UTC (the next day: Central and Eastern Europe's, 22:00 or 23:00 and 21:00 or
# 22:00; not a New York close at 20:00 or 21:00), and the latest west of it (the same day)
_EVENINGS, _MORNING = (21.0, 22.0), 9


def _median_step(stamps: pd.Series) -> pd.Timedelta:
    """The median spacing of the distinct stamps (a long file repeats each stamp once per series)."""
    known = stamps.dropna().drop_duplicates().sort_values()
    return known.diff().median() if len(known) > 1 else pd.Timedelta(0)


def _first_offset_zone(sample: pd.Series) -> object | None:
    first = pd.Timestamp(sample.iloc[0])
    return first.tzinfo


def parse_epochs(values: pd.Series, finer: bool = False, fractions: bool = False) -> pd.Series | None:
    """Read integer Unix epochs (seconds or milliseconds; with ``finer``, for a column named as time, also micro- and
    nanoseconds, as Spark and pandas write a time stamp's int64; with ``fractions``, for a column named as a time
    stamp, also seconds with a fraction) as datetimes, else ``None``; a few cells out of range
    (``_nearly_all_within``) are NaT, so that their rows are dropped as unreadable dates and said."""
    numbers = pd.to_numeric(values, errors="coerce")
    present = numbers.dropna()
    fractional = bool((present % 1 != 0).any())
    if present.empty or fractional and not fractions:  # (Prometheus's '1710115200.781' under 'timestamp': seconds)
        return None
    units = ((1e8, 4e9, "s"), (1e11, 4e12, "ms")) + (((1e14, 4e15, "us"), (1e17, 4e18, "ns")) if finer else ())
    for low, high, unit in units:
        if _nearly_all_within(present, low, high):
            stamps = pd.to_datetime(numbers.where(numbers.between(low, high)), unit=unit)
            if unit == "ns" or fractional:  # floats of 1.7e18 miss by up to 128 ns; seconds with a fraction, by a
                return stamps.dt.round("us" if unit == "ns" else _fraction_kept(present, unit))  # microsecond
            return stamps
    return None


def _fraction_kept(present: pd.Series, unit: str) -> str:
    """What epochs with fractions are rounded to: whole seconds (or milliseconds) where each is within a hundredth of
    one (an export's float noise, '1710115200.002', left its 15-minute rows off their calendar), else milliseconds."""
    near = (present - present.round()).abs().max() <= 0.01
    return unit if near else "ms" if unit == "s" else "us"


def _nearly_all_within(present: pd.Series, low: float, high: float) -> bool:
    """Whether ``PARSE_SHARE`` of the cells lie from ``low`` to ``high`` (one stray value, say 1,000,000,000 among
    Excel serial days, made the whole column numbers and the file run as steps, without a word)."""
    return bool(present.between(low, high).mean() >= PARSE_SHARE)


def parse_excel_serials(values: pd.Series) -> pd.Series | None:
    """Read whole numbers from 20,000 to 80,000 as Excel serial days (``42005`` is 2015-01-01), else ``None``; a few
    cells out of range are NaT (``_nearly_all_within``).

    Such numbers are as often counts or prices: call this only for a column whose name says it holds dates.
    """
    numbers = pd.to_numeric(values, errors="coerce")
    present = numbers.dropna()
    if present.empty or (present % 1 != 0).any() or not _nearly_all_within(present, *_EXCEL_SERIAL_DAYS):
        return None
    return _EXCEL_EPOCH + pd.to_timedelta(numbers.where(numbers.between(*_EXCEL_SERIAL_DAYS)), unit="D")


def parse_compact_dates(numbers: pd.Series, trailer: bool = False) -> pd.Series | None:
    """Whole numbers that each write a day as yyyymmdd (SAP's ``BUDAT`` 20210131, a data warehouse's date key) as those
    days, else ``None``: every number must be a real date from 1900 to 2100, and two at least must differ (a constant
    is no time axis). A measure's numbers are not all dates (a month 01-12 and a day of that month in every row), so
    the loader reads a column of them as the dates under any name but a measure's (``tidy._writes_days``): they rise
    unevenly (31 days, then 28; 8,900 from December to January), and SAP names them ``BUDAT``, so neither an evenly
    rising first column nor a date-like name finds them. With ``trailer`` (under a name that says dates: Duck Creek's
    ``TRANS_DT``) the last few may be no date, left unread (NaT): its extract's trailer record ``TRL|000020758`` left a
    row count among the dates, and the dates were forecast as amounts."""
    present = numbers.dropna()
    if present.empty or not _but_a_trailer(present.between(*_COMPACT_DAYS), trailer) \
            or (present % 1 != 0).any() or present.nunique() < 2:
        return None
    written = numbers.where(numbers.between(*_COMPACT_DAYS)).astype("Int64").astype("string")
    days = pd.to_datetime(written, format="%Y%m%d", errors="coerce")
    return days if _but_a_trailer(days[present.index].notna(), trailer) else None


_TRAILER_ROWS = 2  # an extract's last values, at most, that may be no date (its trailer record's count)


def _but_a_trailer(read: pd.Series, trailer: bool) -> bool:
    """Whether every value was ``read``, or (``trailer``: under a name that says dates) all but some of the last
    ``_TRAILER_ROWS``: an extract's trailer record, not a receipt date's 0 for never, mid-file."""
    flags = read.to_numpy(dtype=bool)
    return bool(flags[:-_TRAILER_ROWS].all() if trailer and len(flags) > _TRAILER_ROWS else flags.all())


def parse_compact_hours(numbers: pd.Series, trailer: bool = False) -> tuple[pd.Series, str] | None:
    """Whole numbers that each write an hour as yyyymmddhh (Google Analytics' ``dateHour``, 2024010113), a minute as
    yyyymmddhhmm (``dateHourMinute``) or a second as yyyymmddhhmmss (a carrier's CDR ``START_TIME_UTC``) as those
    times, and the format, else ``None``: every number (but a ``trailer``, as ``parse_compact_dates`` takes it)
    must be a real time from 1800 to 2200, and two at least must differ. Such numbers lie where Unix seconds of
    2027-2039 (milliseconds of 1975-1983) do, and were read so (2034, a row a second); dense epochs are never all of
    them months 01-12, days of their month and hours 00-23."""
    present = numbers.dropna()
    if present.empty or (present % 1 != 0).any() or present.nunique() < 2:
        return None
    for low, high, written in _COMPACT_TIMES:  # and minutes (``dateHourMinute``: 202401011345, not 1976's ms)
        if _but_a_trailer((inside := numbers.between(low, high))[present.index], trailer):
            times = pd.to_datetime(numbers.where(inside).astype("Int64").astype("string"), format=written,
                                   errors="coerce")
            return (times, written) if _but_a_trailer(times[present.index].notna(), trailer) else None
    return None


_COMPACT_TIMES = ((1800_01_01_00, 2200_12_31_23, "%Y%m%d%H"), (1800_01_01_00_00, 2200_12_31_23_59, "%Y%m%d%H%M"),
                  (1800_01_01_00_00_00, 2200_12_31_23_59_59, "%Y%m%d%H%M%S"))  # (a CDR's seconds, 20240205092816)


_FISCAL_YEAR_NAMES = frozenset({"fiscal year", "fiscal_year", "fiscalyear", "fy", "geschäftsjahr", "财年",
                                "financial year", "financial_year"})
# Also as Excel names the fields it groups a date by in a pivot table: Years, Quarters, Months.
_YEAR_NAMES = frozenset({"year", "years", "yr", "jahr", "année", "annee", "año", "ano", "年", "年份", "calendar year",
                         "rok", "jaar", "anno", "år", "vuosi", "연도", "년",  # GUS's 'Rok;Miesiąc' were steps
                         "年度", "year_nu", *_FISCAL_YEAR_NAMES,  # (USGS's statistics' 'year_nu', 'month_nu')
                         "vintage",  # a winery's harvests by vintage
                         # and the CDC's, and ISO 8601's years of weeks
                         *(f"{kind}{gap}year" for kind in ("mmwr", "epi", "iso") for gap in ("", " ", "_", "-"))})
_PERIOD_NAMES = {**dict.fromkeys(("month", "months", "mon", "mo", "monat", "mois", "mes", "月", "月份", "mth", "mnth",
                                   "miesiąc", "maand", "mese", "mês", "månad", "kuukausi", "월", "month_nu"), 12),
                 **dict.fromkeys(("quarter", "quarters", "qtr", "quartal", "trimestre", "季度"), 4)}
# Names of other time columns (a day, an hour, a week, also in German, French, Spanish and Chinese): with one of
# them beside a year and a month, the table is finer than monthly and the two are not combined.
_OTHER_TIME_WORDS = ("date", "time", "period", "day", "week", "stamp", "hour", "minute", "datum", "fecha", "zeit",
                     "tag", "woche", "stunde", "jour", "semaine", "heure", "dia", "día", "semana", "hora", "日", "周",
                     "时", "小时")
# A day-of-month column beside a year and a month (NASA POWER's and climate archives' 'DY' and 'DD' too).
_DAY_NAMES = frozenset({"day", "dy", "dd", "tag", "jour", "dia", "día", "日", "dzień", "dag", "giorno", "päivä", "일",
                        "day_of_month", "dayofmonth", "day of month"})  # (BTS's and the ASA's airline data)
# A weekday's column beside a year, a month and a day: no finer time (BTS's 'DAY_OF_WEEK', 1-7)
_WEEKDAY_COLUMN_NAMES = frozenset({"day_of_week", "dayofweek", "day of week", "weekday", "dow", "wday"})
_HOUR_NAMES = frozenset({"hr", "hh"})  # short names of an hour column beside a year, a month and a day (NASA POWER)
# A day-of-year column beside a year (NASA POWER's 'YEAR,DOY'): the year's days, from 1 January.
_DAY_OF_YEAR_NAMES = frozenset({"doy", "day of year", "day_of_year", "dayofyear", "julian day", "jday", "yday"})
# A week-number column beside a year (CDC's FluView ``YEAR``, ``WEEK``): weeks dated by their first day
# (``_numbered_weeks``).
_WEEK_NAMES = frozenset({"week", "wk", "week number", "weeknum", "woche", "kw", "semaine", "semana", "周",
                         *(f"{kind}{gap}week" for kind in ("mmwr", "epi", "iso") for gap in ("", " ", "_", "-"))})
# A column of years and weeks in one number (``epiweek`` 201453, as CDC FluView and Delphi's Epidata write it): weeks
_YEAR_WEEK_NAMES = frozenset({"epiweek", "epi week", "epi_week", "mmwr week", "mmwrweek", "yearweek", "year week",
                              "year_week", "yyyyww", "isoweek", "iso week", "iso_week", "yrwk",
                              "isoyearisoweek", "iso year iso week"})  # GA4's dimension
_WEEK_LABEL = re.compile(r"^(?:wk|week|w|kw|sem|semana|woche)\.?\s*(?=\d{1,2}$)", re.IGNORECASE)
_WEEK_MOST = 53
# A statistics office's period codes beside a year (the BLS's ``period``: M01-M12, M13 the year's average; Q01-Q04,
# Q05 the average): months or quarters; the averages' rows are left out (``summary_periods`` in the table's attrs).
# An ERP's posting periods under these names are numbers instead (1-12, SAP's 001-012): months (``_numbered_periods``).
_PERIOD_CODE = re.compile(r"([MQS])(\d{2})")  # and S01-S02 halves of a year, S03 its average (the BLS's regional CPI)
_CODED_PERIOD_NAMES = frozenset({"period", "periodo", "período", "periode", "période", "posting period",
                                 "fiscal period", "buchungsperiode"})
_QUARTERS_AT_MOST = 4  # numbered periods that never pass this may be quarters: not read as months
_GRID_SUMMARY_ROWS = 2  # rows below the months of a grid of years across that may sum them up (``period_of_rows``)
_TRAILING_ROWS = 10  # rows at the end of a year-and-month table that may be something else (a total)
_LEADING_ROWS = 3  # rows at its start that may be (units under the header)


UNNAMED_DATES = "date"  # the name given to an unnamed first column of dates (a date index written by pandas)
_UNNAMED_DATES_CHECKED = 200  # first cells of an unnamed first column that decide whether it holds dates


def name_unnamed_years_and_months(raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` with two unnamed first columns named ``year`` and ``month`` (or ``quarter``) when the first holds
    years and the second the months' (quarters') names, as the German statistics office's GENESIS tables write them
    under a header of blank cells (``;;Wert``); else ``raw`` itself. Named so, ``combine_calendar_columns`` makes them
    one date column: the first alone read as the dates, the second dropped, and each year's months averaged."""
    if len(raw.columns) < 3 or any(not unnamed_column(col) for col in raw.columns[:2]):
        return raw
    if {"year", "month", "quarter"} & {str(col).strip().lower() for col in raw.columns}:
        return raw
    start = int(np.argmax(raw.iloc[:, 0].notna().to_numpy())) if raw.iloc[:, 0].notna().any() else 0
    years, periods = raw.iloc[start:, 0], raw.iloc[start:, 1].astype("string").str.strip()  # past units rows
    if start > _LEADING_ROWS or years_of(years) is None:
        return raw
    worded = periods.where(~periods.str.fullmatch(r"\d+").fillna(False))  # names, not numbers
    for per_year, kind in ((12, "month"), (4, "quarter")):
        found = _period_numbers(worded, per_year).notna()
        if found.sum() >= 2 and found[periods.notna() & (periods != "")].mean() >= PARSE_SHARE:
            named = raw.set_axis(["year", kind, *raw.columns[2:]], axis=1)
            named.attrs = raw.attrs
            return named
    return raw


def _price_bar_names(raw: pd.DataFrame, names: list[str]) -> list[str]:
    """``names`` with ``open``, ``high``, ``low``, ``close`` for the first four columns in a row of a file without a
    header that hold price bars (the second at least the first and fourth, the third at most, in every row), and
    ``volume`` for a column of numbers not below zero after them: Kraken's OHLCVT files, Binance's klines and
    MetaTrader's histories, whose open was forecast as 'column 2'."""
    values = [pd.to_numeric(raw.iloc[:, k], errors="coerce").to_numpy(dtype=float) for k in range(raw.shape[1])]
    for k in range(len(values) - 3):
        known = np.logical_and.reduce([np.isfinite(column) for column in values[k:k + 4]])
        if known.sum() < 2 or known.mean() < PARSE_SHARE:
            continue
        first, high, low, last = (column[known] for column in values[k:k + 4])
        if (high >= np.maximum(first, last)).all() and (low <= np.minimum(first, last)).all() \
                and (high > low).mean() >= 0.5 and _bars_follow_on(first, high, low, last):
            volume = values[k + 4] if k + 4 < len(values) else np.array([np.nan])
            after = ["volume"] if np.isfinite(volume).mean() >= PARSE_SHARE and np.nanmin(volume) >= 0 else []
            return [*names[:k], "open", "high", "low", "close", *after, *names[k + 4 + len(after):]]
    return names


def _bars_follow_on(first: np.ndarray, high: np.ndarray, low: np.ndarray, last: np.ndarray) -> bool:
    """Whether price bars open where the bar before closed, or near it (a market's gap overnight is a small part of a
    day's range), over prices above zero: a weather file's 9am temperature, maximum, minimum and 3pm temperature keep
    to the same order, but a morning is no continuation of the afternoon before."""
    if len(first) < 3 or (low <= 0).any():
        return False
    gaps = np.abs(first[1:] - last[:-1])
    ranges = float(np.median(high - low))
    return bool(np.mean(gaps == 0) >= 0.5) or ranges > 0 and float(np.median(gaps)) <= _BAR_GAP * ranges


_BAR_GAP = 0.3  # of a bar's typical range, at most, that the typical gap from the bar before spans


def bare_calendar_names(raw: pd.DataFrame) -> list[str]:
    """Names for the columns of a file without a header: ``year``, ``month`` (and ``day``) for first columns of
    whole numbers that count years, their months 1-12 (and days 1-31) in order, as SILSO writes its sunspot numbers
    (``1749;01;1749.042;  96.7;...``: the years were the target, read as steps); ``column 1``, ``column 2``, ... for
    the rest (and for any other file)."""
    names = _price_bar_names(raw, [f"column {number}" for number in range(1, raw.shape[1] + 1)])
    if _years_of_twelve_months(raw):
        return [ACROSS_YEAR, *_MONTHS_ACROSS]
    if (at := _year_and_quarter_at(raw)) is not None:  # FHFA's 'AK,1975,1,100.95'
        return [*names[:at], "year", "quarter", *names[at + 2:]]
    if raw.shape[1] < 3 or len(raw) < 2 or not all(pd.api.types.is_integer_dtype(raw.iloc[:, k]) for k in (0, 1)):
        return names
    year, month = raw.iloc[:, 0].to_numpy(), raw.iloc[:, 1].to_numpy()
    if not ((year >= _FIRST_YEAR) & (year <= 2200)).all() or not ((month >= 1) & (month <= 12)).all():
        return names
    steps = np.diff(year * 12 + month)
    if (steps == 1).mean() >= PARSE_SHARE:
        return ["year", "month", *names[2:]]
    day = raw.iloc[:, 2].to_numpy() if pd.api.types.is_integer_dtype(raw.iloc[:, 2]) else None
    if day is not None and ((day >= 1) & (day <= 31)).all() and (np.diff(year * 400 + month * 32 + day) > 0).all() \
            and (steps <= 1).all():
        return ["year", "month", "day", *names[3:]]
    return names


_FIRST_YEAR = 1700  # the earliest year a table's year column is read from (SILSO's sunspots start in 1749)
_FILL_AT_MOST = -99.0  # a climate file's fill for a month not yet in is this or lower
_MONTHLY_STEP = 0.35  # of the months' means' spread, at most, from one month's mean to the next (December to January)
ACROSS_YEAR = "Year"  # the names of a headerless table of years down and months across (``_years_of_twelve_months``)
_MONTHS_ACROSS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _year_and_quarter_at(raw: pd.DataFrame) -> int | None:
    """Where a file without a header has a column of years and, next to it, their quarters 1 to 4, the year and
    quarter rising by one quarter from row to row nearly everywhere (FHFA's headerless index files, a state's code
    before them: the year was forecast); None for none."""
    for k in range(raw.shape[1] - 1):
        year, quarter = raw.iloc[:, k], raw.iloc[:, k + 1]
        if not (pd.api.types.is_integer_dtype(year) and pd.api.types.is_integer_dtype(quarter)) or len(raw) < 8:
            continue
        years, quarters = year.to_numpy(), quarter.to_numpy()
        if ((years >= _FIRST_YEAR) & (years <= 2200)).all() and set(np.unique(quarters)) == {1, 2, 3, 4} \
                and (np.diff(years * 4 + quarters) == 1).mean() >= PARSE_SHARE:
            return k
    return None


def _years_of_twelve_months(raw: pd.DataFrame) -> bool:
    """Whether a file without a header is a year and its twelve months a row, as NOAA PSL's climate indices and KNMI's
    Climate Explorer write them (' 1950   -0.92   -0.38 ...'): thirteen columns, the first whole years rising by one,
    the others numbers (January alone was forecast, as 'column 2', the other months its regressors), the last year
    ending in fills for the months not yet in, or the twelve columns' means running round a year's cycle (a table of
    twelve stations or regions a year is none)."""
    if raw.shape[1] != 13 or len(raw) < 2 or not pd.api.types.is_integer_dtype(raw.iloc[:, 0]):
        return False
    years = raw.iloc[:, 0].to_numpy()
    if not (((years >= _FIRST_YEAR) & (years <= 2200)).all() and (np.diff(years) == 1).all()
            and all(pd.api.types.is_numeric_dtype(raw.iloc[:, k]) for k in range(1, 13))):
        return False
    months = raw.iloc[:, 1:13].astype("float64")
    filled = months.iloc[-1] <= _FILL_AT_MOST  # PSL's -99.90, KNMI's -999.9 for the months not yet in
    if filled.any() and filled.iloc[::-1].cummin().sum() == filled.sum():  # at the end of the last year only
        return True
    means = months.where(months > _FILL_AT_MOST).mean().to_numpy()  # a year's cycle: December runs on to January
    steps = np.abs(np.diff(np.r_[means, means[0]]))
    spread = float(np.ptp(means))
    return spread > 0 and float(steps.max()) <= _MONTHLY_STEP * spread  # (twelve stations' levels are no cycle)


def unnamed_column(col: object) -> bool:
    """A column without a name: pandas' ``Unnamed: 0`` or a blank header cell."""
    return str(col).startswith("Unnamed:") or not str(col).strip()


def name_unnamed_dates(raw: pd.DataFrame) -> pd.DataFrame:
    """``raw`` with its first column named ``UNNAMED_DATES`` when it has no name (``Unnamed: 0`` or blank: pandas'
    ``to_csv`` of a date index, a blank cell above an Excel sheet's dates) and its first cells are dates; else
    ``raw`` itself. Other unnamed columns number rows and are dropped by ``tidy``."""
    if not len(raw.columns) or not unnamed_column(raw.columns[0]) or UNNAMED_DATES in raw.columns:
        return raw
    first = raw.iloc[:, 0]
    if pd.api.types.is_numeric_dtype(first) or (parse_dates(first.iloc[:_UNNAMED_DATES_CHECKED]) is None
                                                and not labels_above_dates(first)):
        return raw  # (the dates are read in full, and said, where the time column is chosen)
    named = raw.rename(columns={raw.columns[0]: UNNAMED_DATES})
    named.attrs = raw.attrs
    return named


def labels_above_dates(cells: pd.Series) -> bool:
    """Whether a column without a header holds a few labels without digits (``Unit``, ``Series Type``, ...,
    ``Series ID``), then dates: the block of each series' details an ABS time-series sheet writes under the
    descriptions that head its columns (its 'Frequency' row was taken for the header, every series named 'Quarter';
    the labels are left out where the time column is read, ``leading_labels``)."""
    first = leading_labels(cells)
    return first >= _FEWEST_DETAILS and parse_dates(
        cells.iloc[first:first + _UNNAMED_DATES_CHECKED].astype("string")) is not None


def leading_labels(cells: pd.Series) -> int:
    """How many cells at the top of a time column are labels, not dates (``Title``, ``CDID``, ``Unit``: an ONS series'
    description): the run of cells without a digit before the first with one, when it is at most ``LEADING_LABELS``
    long; else 0."""
    head = cells.iloc[:LEADING_LABELS + 1].astype("string").str.strip()
    digits = head.str.contains(r"\d", regex=True).fillna(False).to_numpy(dtype=bool)
    first = int(np.argmax(digits)) if digits.any() else len(head)
    return first if first <= LEADING_LABELS else 0


_FEWEST_DETAILS = 4  # an ABS sheet has ten ('Prepared by' and 'Month' under a report's title are no details)
LEADING_LABELS = 12  # rows of labels above a time column's first date that are left out (``leading_labels``)
_DATE_NAMES = frozenset({"date", "day", "datum", "fecha", "data", "jour", "tag", "日期"})
_TIME_NAMES = frozenset({"time", "hour", "uhrzeit", "zeit", "heure", "hora", "ora", "stunde", "时间", "interval",
                         "time interval", "interval start", "half hour", "timeslot", "time slot",
                         "quarter hour", "time period", "intervalo",  # Five9's 'QUARTER HOUR' 08:15 AM
                         # ... as an ACD's reports write them in the other languages the loader reads ('Datum;Intervall'
                         # 08:00 - 08:30 was read as 20 daily series): German, French, Spanish and Portuguese,
                         # Italian, Dutch
                         "intervall", "zeitintervall", "intervallbeginn", "viertelstunde", "halbe stunde",
                         "intervalle", "début intervalle", "quart d'heure", "demi-heure", "inicio intervalo",
                         "cuarto de hora", "media hora", "intervallo", "quarto d'ora", "mezz'ora", "tijdstip",
                         "tijdsinterval", "kwartier", "half uur"})  # (not a tariff's 'Fascia oraria', a delivery's
# 'Zeitfenster', a rota's 'Horario' nor Dutch 'Uur' and 'Tijd', often hours worked: beside the time or no clock)
# Power markets' names for the time of day beside a "Delivery Date": ``Hour Ending`` 01:00 to 24:00; a utility's
# interval data (PG&E's Green Button 'START TIME' beside 'END TIME' was read as 24 daily series).
_TIME_COLUMN = re.compile(r"(?:delivery |trading |settlement |start |begin )?(?:time|hour ending|hour beginning|he|hb)|"
                          r"time (?:local|gmt|utc|lst|lt)|(?:local|gmt|utc) time|"  # EPA AQS: 'Time Local'
                          r"time of day(?: \(.*\))?|"  # Meta's 'Time of day (ad account time zone)'
                          r"time,? (?:gmt|utc)\s?[+-]\d{1,2}:?\d{2}|time \(hh?:mm(?::ss)?\)")  # HOBOware's, KorEXO's
_START_TIME = re.compile(r"(?:start|begin)[\s_]+time")
_ELAPSED_OR_CLOCK = re.compile(r"time \(hh?:mm(?::ss)?\)")  # KorEXO's clock, or a workout's time taken
_DATE_COLUMN = re.compile(r"(?:delivery|trading|trade|settlement|operating|flow|market) (?:date|day|dt)|"
                          r"date (?:local|gmt|utc|lst|lt)|(?:local|gmt|utc) date|reporting starts|"  # (Meta's)
                          r"date \((?:[mdy]{1,4}[/.-]){2}[mdy]{1,4}\)")  # KorEXO's 'Date (MM/DD/YYYY)'
_CLOCK = re.compile(r"\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?")
TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?(?:\s*[Mm]\.?)?)?")  # 13:45, 9:30am, 9:30 PM
# Words before the date of a week's row (UK rotas and retail reports: "w/c 01/01/2024"; "Week ending 7 Jan 2024").
# A footnote after a date or period: revised, provisional, estimated, or a note's number ('2023-24 (r)', '2024 Q1 1/');
# a schedule's mark of an actual date (Primavera P6: '02-Jan-23 A') or a constrained one ('02-Jan-23*')
# a rolling three months, dated by its last month as the ONS's series do ('Jan-Mar 1992' is 1992 MAR, 'Nov-Jan 1993'
# 1993 JAN)
_MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_ROLLING_MONTHS = re.compile(rf"({_MONTH_ABBREVIATIONS})\s*[-–]\s*({_MONTH_ABBREVIATIONS})\s+(\d{{4}})", re.IGNORECASE)
# A stamp as JavaScript's Date writes it (String(new Date()): 'Mon Jan 01 2024 00:00:00 GMT+0100 (Central European
# Standard Time)'), which star-history and other web tools' CSVs keep: read on its UTC offset
_SCRIPT_STAMP = re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)\s+([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}:\d{2}:\d{2})"
                           r"\s+(?:gmt|utc)([+-]\d{4})(?:\s+\([^()]{1,60}\))?", re.IGNORECASE)
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _iso_of_script_stamp(found: re.Match[str]) -> str:
    """A ``_SCRIPT_STAMP`` cell in ISO 8601 ('2024-01-01 00:00:00+0100'); as written where its month is no month."""
    month, day, year, clock, offset = found.groups()
    if month.lower() not in _MONTH_ABBREVIATIONS:
        return found[0]
    return f"{year}-{_MONTH_ABBREVIATIONS.index(month.lower()) + 1:02d}-{int(day):02d} {clock}{offset}"


_AS_OF = re.compile(r"(?<=\d)\s+as\s+of\s+\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$", re.IGNORECASE)
_DATE_COMMA_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2}),\s*(\d{1,2}:\d{2}(?::\d{2})?)$")
# an hour of the clock after a date with 'a.m.' or 'am' (``_spoken_hour``): written as '1:00 AM'
_MERIDIEM_END = re.compile(r"(?<=\s)(\d{1,2})(:\d{2})?\s*([AaPp])(\.?)\s?[Mm]\.?$")


def _academic_years(sample: pd.Series) -> bool:
    """Whether six-digit cells are years and the next year's last two digits (``201920``: 2019/20), every one: the
    DfE's 'time_period' (a month ``201912`` is none: 20 follows 19, 12 does not)."""
    numbers = pd.to_numeric(sample, errors="coerce")
    first, second = numbers // 100, numbers % 100
    return bool(first.between(1800, 2200).all() and ((first + 1) % 100 == second).all())


def _spoken_hour(cell: str) -> bool:
    """Whether ``cell`` ends in an hour without its minutes or in 'a.m.' with points (``9/1/2024 1 a.m.``), which no
    format reads."""
    found = _MERIDIEM_END.search(cell)
    return found is not None and (found.group(2) is None or found.group(4) == ".")


def _clock_and_meridiem(found: re.Match[str]) -> str:
    return f"{found.group(1)}{found.group(2) or ':00'} {found.group(3).upper()}M"


_DATE_FOOTNOTE = re.compile(r"(?<=\d)(?:\s*\([rpeRPE]\)|\s*\((?!(?:YTD|PROJ|FCST|FC|PLAN|BUD|TGT)\))[A-Z]{2,4}\)"
                            r"|\s+\d{1,2}/|\s*\*{1,3}|\s+A)+$"  # (not a year to date or a projection: '2024 (YTD)')
                            r"|(?<=\d{4}M\d\d)\s*[pPrR]$|(?<=\d{4}M\d)\s*[pPrR]$|(?<=Q\d)\s*[pPrR]$")  # 2024M07 p
_WEEK_WORDS = re.compile(r"^(?:w/[ce]|wc|we|w/b|wk\s+(?:of|ending|beginning)|week\s+(?:commencing|ending|beginning|"
                         r"starting|of))\b\s*:?\s*(?=\d|[^\W\d_])", re.IGNORECASE)
# A weekday's name before a date of digits (Excel's custom format "ddd dd/mm/yyyy": "Mon 02/01/2023"); before a month's
# name the formats read it ("Monday, January 1, 2024").
_DAY_BEFORE_DIGITS = re.compile(r"^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|"
                                r"thursday|friday|saturday|sunday)\.?,?\s+(?=\d)", re.IGNORECASE)
# ... and before a month's name with a time after the date ("Fri, Mar 1, 2024 10:00 AM": a timed entry)
_DAY_BEFORE_MONTH = re.compile(r"^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|"
                               r"thursday|friday|saturday|sunday)\.?,?\s+"
                               r"(?=[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}\s+\d)",
                               re.IGNORECASE)
# A time interval, read as its start (ENTSO-E's "01.01.2023 00:00 - 01.01.2023 01:00", "(CET)" after a clock change);
# its start has a mark within its digits, so a fiscal year "2019 - 20" is not one.
_LONGEST_INTERVAL = 80  # characters: a longer cell is no interval (the pattern backtracks in time its length squared)
_MERIDIEM_AFTER = r"(?:\s?[AaPp]\.?[Mm]\.?)?"  # PRTG's '3/4/2024 12:00:00 AM - 1:00:00 AM'
_INTERVAL = re.compile(rf"(\d+[./:][^\s\-–]*(?:[\sT]\d\S*)?{_MERIDIEM_AFTER})\s+[-–]\s+\d[^\s\-–]*(?:[\sT]\d\S*)?"
                       rf"{_MERIDIEM_AFTER}(?:\s*\([^)]*\))?")
# The same with ISO dates: "2023-01-01 00:00 - 2023-01-01 01:00", or ISO 8601's "2023-01-01T00:00/2023-01-01T01:00",
# or Matomo's weeks "2023-01-02,2023-01-08" ("2023-01-02 to 2023-01-08").
_ISO_TIME = r"\d{4}-\d{2}-\d{2}(?:[\sT]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO_INTERVAL = re.compile(rf"({_ISO_TIME})(?:\s+[-–]\s+|/|,\s*|\s+to\s+)({_ISO_TIME})(?:\s*\([^)]*\))?")
# The same with months named: Uber Eats' payout periods "Oct 2, 2023 - Oct 8, 2023", "2 Oct 2023 to 8 Oct 2023".
_NAMED_DAY = r"(?:[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.?,? \d{4})"
_NAMED_INTERVAL = re.compile(rf"({_NAMED_DAY})\s*(?:[-–]|to)\s*{_NAMED_DAY}")
# The same with slashes and no spaces, as a utility bill writes its billing period: "01/16/22-02/15/22".
_SLASH_DAY = r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})"
_SLASH_INTERVAL = re.compile(rf"({_SLASH_DAY})\s*(?:[-–]|to)\s*{_SLASH_DAY}")
# Days of one year written once, as polls write their fieldwork: '28–30 Jun 2024', '28 Jun–2 Jul 2024', 'Dec 8-20,
# 2023', 'Nov 28-Dec 10, 2023' (``_day_range_start``: read as the first day, a year before where the range crosses it).
_RANGE_MONTH = r"([A-Za-z]{3,9})\.?"
_DAY_RANGE = re.compile(rf"(?:(\d{{1,2}})(?:\s+{_RANGE_MONTH})?\s*[-–]\s*\d{{1,2}}\s+{_RANGE_MONTH},?"
                        rf"|{_RANGE_MONTH}\s+(\d{{1,2}})\s*[-–]\s*(?:{_RANGE_MONTH}\s+)?\d{{1,2}},?)\s+(\d{{4}})")


# A week's days with the year written once, at its end, as a hand-kept log writes them: '7/4 - 7/10/2022'
_SLASH_RANGE = re.compile(r"(\d{1,2})/(\d{1,2})\s*(?:[-–]|to)\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")


def _slash_range_start(cell: str) -> str:
    """The first day of a ``_SLASH_RANGE`` with its year ('7/4/2022'), a year before the end's where the range
    crosses it (both of the start's numbers above the end's: '12/26 - 1/1/2023', '26/12 - 1/1/2023'); the cell as it
    is where it is none."""
    found = _SLASH_RANGE.fullmatch(cell.strip())
    if found is None:
        return cell
    first, second, third, fourth, year = found.groups()
    crosses = int(first) > int(third) and int(second) > int(fourth)
    whole = int(year) + (2000 if len(year) == 2 else 0) - int(crosses)
    return f"{first}/{second}/{whole}"


def _day_range_start(cell: str) -> str:
    """The first day of a range of days of ``_DAY_RANGE`` as 'd Mon yyyy' (the cell as it is where it is none)."""
    found = _DAY_RANGE.fullmatch(cell)
    if found is None:
        return cell
    day, start_month, end_month, month_first, day_second, month_last, year = found.groups()
    start, end = (start_month or end_month, end_month) if day else (month_first, month_last or month_first)
    first = pd.to_datetime(f"1 {start[:3]} 2000", format="%d %b %Y", errors="coerce")
    last = pd.to_datetime(f"1 {end[:3]} 2000", format="%d %b %Y", errors="coerce")
    crossed = pd.notna(first) and pd.notna(last) and first.month > last.month  # 'Dec 28-Jan 3, 2024'
    return f"{day} {start} {int(year) - crossed}" if day else f"{start} {day_second}, {int(year) - crossed}"


# A time zone's abbreviation after a time (Clover's "05-Jan-2024 07:32 PM EST"): the time is read as written, local.
# UTC and GMT are read by the ISO 8601 formats, as UTC.
_ZONE_NAME = re.compile(r"(?<=[\dMm.])\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|AKDT|HST|BST|IST|CET|CEST|EET|"
                        r"EEST|WET|WEST|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|JST|KST|SGT|HKT)$")
# A day's numbered periods beside its date (``combine_date_and_period``): settlement or trading periods, hours ending.
_DAY_COLUMN = re.compile(r"(?:^| )(?:date|dt)$")
_PERIOD_COLUMN = re.compile(r"(?:^| )(?:(?:settlement |trading |delivery )?period|sp|he|hours?|hour ending|opr hr|hr|"
                            r"hour of (?:the )?day|"  # Google Ads' 'Hour of the day' 0-23 beside its 'Day'
                            r"stunde|heure|hora|uur|"  # a Swiss people counter's 'Stunde' 0-23
                            r"interval|(?:hour|period|interval) (?:number|no|nr|num))$")  # EIA-930's 'Hour Number'
_PERIODS_PER_DAY = (24, 48, 96)
_HOUR_24 = re.compile(r"(?<=[ T])24:00(?=(?::00)?$)")  # midnight written at the end of its day
_CLOCK_INTERVAL = re.compile(r"^(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?(?:\s*[Mm]\.?)?)?)\s*[-–]\s*"
                             r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?(?:\s*[Mm]\.?)?)?$")  # 8:00a - 8:30a too
# 1:00 PM, 12:30 a.m., and Davis WeatherLink's 12:30a
_CLOCK_12 = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])\.?(?:\s*[Mm]\.?)?$")


def combine_date_and_time(raw: pd.DataFrame) -> pd.DataFrame:
    """A table with a date column and a time-of-day column (``Date`` 2023-01-01, ``Time`` 13:00, as spreadsheets
    and loggers keep them; ``Delivery Date`` and ``Hour Ending`` 01:00, as power markets do) gets one time-stamp
    column in their place, named after both (``Date Time``): the time column alone would read as a series id, each
    hour a series of its own. Any other table is returned as it is."""
    names = {re.sub(r"[\s_]+", " ", str(col).strip().lower()): col for col in raw.columns}
    dates, times = _date_and_time_pair(raw, names)
    hours = _hours_of_the_day(raw[times[0]], times[0]) if len(dates) == 1 and len(times) == 1 \
        and raw[dates[0]].dropna().duplicated().any() else None  # not one row a day (the hour of its peak)
    if hours is not None:
        raw = raw.assign(**{str(times[0]): hours})
    elif len(dates) != 1 or len(times) != 1 or pd.api.types.is_numeric_dtype(raw[times[0]]) and not _whole_hhmm(
            raw[times[0]]):  # numbers, not hhmm (a run's minutes, 50.24)
        return raw
    if (_START_TIME.fullmatch(str(times[0]).strip().lower()) or _ELAPSED_OR_CLOCK.fullmatch(str(times[0]).lower())) \
            and not raw[dates[0]].dropna().duplicated().any():
        return raw  # one start a day (a sleep log's 23:50), one run's 'Time (hh:mm:ss)': the dates are the time
    # stamps, not a grid of the day
    written = raw[times[0]].round().astype("Int64") if pd.api.types.is_numeric_dtype(raw[times[0]]) else raw[times[0]]
    clock = _hhmm_as_clock(written.astype("string").str.strip().str.replace(_ZONE_NAME, "", regex=True))  # 'EST'
    day_cells = raw[dates[0]].astype("string").str.strip()  # or 'Total' in the date column, after each day's times
    totals = _summary_times(clock) | _summary_times(day_cells)  # a day's Total row: no time, and no cell that counts
    # against the clock's share
    offsets = _times_of_day(clock[~totals])
    if offsets is None:
        return raw
    offsets = offsets.reindex(raw.index)
    days, carried = _days_carried_down(raw[dates[0]], offsets, totals)
    if (stamps := _days_and_times(days, offsets)) is None:
        return raw
    combined = _stamps_in_place(raw, dates[0], times[0], stamps)
    if carried and combined is not raw:
        combined.attrs = {**combined.attrs, "dates_carried_down": {"column": str(dates[0]), "rows": carried}}
    if combined is raw or not totals.any():
        return combined
    kept = combined[~totals]  # a day's Total row under its intervals (``_times_of_day``)
    kept.attrs = {**combined.attrs, "summary_rows": {
        "rows": int(totals.sum()), "words": clipped_list(clock[totals].fillna(day_cells[totals]))}}
    return kept


def _hours_of_the_day(cells: pd.Series, col: object) -> pd.Series | None:
    """A column named an hour (``_HOUR_WORDS``) of the hours a report lists, as clock times (09:00): whole numbers 0-23
    that are not a whole day's 0-23 (numbered periods: ``combine_date_and_period``), a people counter's opening hours
    09-20 (read as 12 series, one per hour); or labels of the hour, '1 PM', '0100-0200' (a toll plaza's). None
    otherwise."""
    if not _HOUR_WORDS & set(re.split(r"[\W_]+", str(col).strip().lower())):
        return None
    text = cells.astype("string").str.strip()
    numbers = pd.to_numeric(text, errors="coerce")
    whole = numbers.dropna()
    if numbers.notna().mean() >= PARSE_SHARE and whole.nunique() >= 2 and not (whole % 1).any() \
            and whole.between(0, 23).all():
        if whole.min() == 0 and whole.max() == 23:
            return None
        return text.mask(numbers.notna(), numbers.map(lambda hour: f"{hour:02.0f}:00"))
    labels = text.str.replace(r"^(\d{1,2})\s*([AaPp])\.?\s*[Mm]\.?$", r"\1:00 \2M", regex=True)
    labels = labels.str.replace(r"^(\d{2})(\d{2})\s*[-–]\s*\d{4}$", r"\1:\2", regex=True)
    return None if labels.equals(text) else labels


_HOUR_WORDS = frozenset({"hour", "hr", "stunde", "heure", "hora", "ora", "uur", "小时"})


def _whole_hhmm(values: pd.Series) -> bool:
    """Whether a numeric time column holds whole numbers written hhmm (``_hhmm_as_clock``)."""
    known = values.dropna()
    if not len(known) or (known % 1 != 0).any():
        return False
    return bool(_hhmm_as_clock(known.astype("int64").astype("string")).str.contains(":").all())


def _hhmm_as_clock(clock: pd.Series) -> pd.Series:
    """A time column written hhmm (a weather station's '0600', a hospital's '0803') as 06:00, where every cell is one
    (three or four digits, minutes under 60, some past 01:00); ``clock`` as it is otherwise (its 24 hours were 24
    series, or one mean a day)."""
    cells = clock.dropna()
    if not len(cells) or not cells.str.fullmatch(r"\d{1,4}").all():  # read as numbers: 0 for 0000
        return clock
    numbers = pd.to_numeric(cells)
    if not ((numbers <= 2359) & (numbers % 100 < 60)).all() or not (numbers >= 100).any():
        return clock
    padded = clock.str.zfill(4)
    return padded.str[:2] + ":" + padded.str[2:]


def _summary_times(clock: pd.Series) -> np.ndarray:
    """Which cells of a time column sum up a day or the report (``Total``, ``Daily Total``, ``Grand Total``)."""
    return (clock.str.fullmatch(SUMMARY_ROW) | clock.str.fullmatch(_DAY_TOTAL)).fillna(False).to_numpy(dtype=bool)


_DAY_TOTAL = re.compile(r"(?:daily|day|day's|week|weekly|interval|report)\s+(?:total|gesamt|summe|totale|totaal)",
                        re.IGNORECASE)


def _days_carried_down(days: pd.Series, offsets: pd.Series, totals: np.ndarray) -> tuple[pd.Series, int]:
    """A date column written only on each day's first time (a report's layout, or merged cells saved as CSV): its date
    carried down to the blank cells below it that hold a later time of the same day, and how many; ``days`` as they
    are where any blank date is not such a row or a day's or the report's total (``totals``, left out later).
    (Those rows were left out as undated, and the first time of each day was read as a daily series.)"""
    blank = (days.astype("string").str.strip().fillna("") == "").to_numpy(dtype=bool)
    if not (blank & ~totals).any() or blank[0] or blank.all():
        return days, 0
    timed = pd.Series(offsets.to_numpy(), index=days.index)[~totals]  # the totals' rows hold no time
    run = np.cumsum(~blank[~totals])  # each row's day: the dated row above it
    after = timed.groupby(run).diff().to_numpy()  # a time after the one above it, in the same day's rows
    later = np.isfinite(after / pd.Timedelta(seconds=1)) & (after > pd.Timedelta(0))
    if not later[blank[~totals]].all():
        return days, 0
    carry = pd.Series(blank & ~totals, index=days.index)
    return days.mask(carry).ffill().mask(pd.Series(blank & totals, index=days.index)), int(carry.sum())


_CLOCK_HOUR = r"\d{1,2}(?::00(?::00)?\s*(?:[AaPp]\.?[Mm]\.?)?|\s*[AaPp]\.?[Mm]\.?)"  # 13:00, 1:00 PM, 1 PM
_ON_THE_HOUR = re.compile(rf"\s*{_CLOCK_HOUR}(?:\s*[-–]\s*{_CLOCK_HOUR})?\s*")  # ... or an hour's range: 0:00 - 1:00


def _date_and_time_pair(raw: pd.DataFrame, names: dict[str, object]) -> tuple[list[object], list[object]]:
    """The date columns and the time columns ``combine_date_and_time`` may join: a date name over cells that are no
    dates is none (EPA AQS's geodetic 'Datum', WGS84); of several pairs named alike ('Date Local' and 'Time Local',
    'Date GMT' and 'Time GMT', as the EPA writes them), the first; without a date or a time so named, one pair named
    alike but for that word ('Incident Date' and 'Incident Time')."""
    dates = _named(names, _DATE_NAMES, _DATE_COLUMN, lambda col: _days(raw[col].iloc[:50]) is not None)
    times = _named(names, _TIME_NAMES, _TIME_COLUMN)
    if len(dates) == 1 and not times and raw[dates[0]].dropna().duplicated().any():
        times = [col for col in _clock_columns(raw) if _a_day_of_steps(raw[dates[0]], raw[col])][:1]  # the start:
        # SMARD's 'Datum;Anfang;Ende', RTE's 'Date' and 'Heures' (not hours worked, a run's duration, a flight's time)
    if times and not dates:  # a fuel card's 'Transaction Date' beside a plain 'Time'
        dated = [col for name, col in names.items()
                 if name.endswith(" date") and _days(raw[col].iloc[:50]) is not None]
        hours = raw[times[0]].astype("string").str.extract(r"^\s*(\d{1,2}):", expand=False).dropna()
        clock = hours.nunique() >= _CLOCK_HOURS \
            or len(dated) == 1 and raw[dated[0]].dropna().duplicated().mean() >= 0.5
        plain = str(times[0]).strip().lower()  # 'Time', or a utility's 'Start Time' beside 'Usage Date' (48 series)
        on_the_hour = plain != "hour" or hours.nunique() >= _CLOCK_HOURS and bool(  # (a timesheet's 'Hour' 7:30
            raw[times[0]].astype("string").str.fullmatch(_ON_THE_HOUR).fillna(True).all())  # worked)
        plain_name = plain in ("time", "interval", "interval start") or plain == "hour" and on_the_hour \
            or bool(_START_TIME.fullmatch(plain))
        # (Cerner's 'Verify Date' beside its 'Hour' 00:00 to 23:00: read as 24 daily series)
        dates = dated if clock and len(times) == 1 and plain_name and (plain == "time" or len(dated) == 1) \
            else dates  # (a 'Start Time' beside 'Start Date' and 'End Date' is their twins' below; a run's
        # 'Time' 0:52:13 is its duration: its hours are few)
    if not dates or not times:  # named alike but for the word: an EMS export's 'Incident Date' and 'Incident Time'
        twins = [(col, names[name.replace("date", "time", 1)]) for name, col in names.items()  # AirNow's ValidDate
                 if re.search(r"\bdate\b|date$", name) and name.replace("date", "time", 1) in names
                 and _days(raw[col].iloc[:50]) is not None]
        starts = [pair for pair in twins if _START_WORD.search(str(pair[0]))]  # LibCal's 'From Date', 'To Date'
        twins = starts if len(twins) > 1 and len(starts) == 1 else twins
        return ([twins[0][0]], [twins[0][1]]) if len(twins) == 1 else (dates, times)
    if len(dates) > 1 and len(times) > 1:
        lowered = {col: name for name, col in names.items()}
        pairs = [(day, time) for day in dates for time in times
                 if lowered[day].replace("date", "time", 1) == lowered[time]]
        return ([pairs[0][0]], [pairs[0][1]]) if pairs else (dates, times)
    return dates, times


_START_WORD = re.compile(r"\b(?:from|start|starting|begin|beginning)\b", re.IGNORECASE)


_CLOCK_HOURS = 6  # hours of the day a 'Time' column's cells spread over, at least, to be times of day


def _clock_columns(raw: pd.DataFrame) -> list[object]:
    """The text columns whose first cells (``_CLOCK_SEEN``) are all times of day (``00:00``, ``13:45:00``)."""
    return [col for col in raw.columns if not pd.api.types.is_numeric_dtype(raw[col])
            and len(head := raw[col].iloc[:_CLOCK_SEEN].dropna().astype("string").str.strip())
            and bool(head.str.fullmatch(_CLOCK).all())]


_CLOCK_SEEN = 200
_EVEN_CLOCK = 0.9  # of the steps between the stamps a date and a clock make, one spacing under a day
_REPEATED_CLOCK = 0.01  # of the stamps, at most, the same as another's


def _a_day_of_steps(days: pd.Series, clock: pd.Series) -> bool:
    """Whether ``days`` and the times of day of ``clock`` make stamps of one spacing under a day, each once
    (``_EVEN_CLOCK`` of the steps: a clock change's skipped hour, a missed reading): the hours or quarter-hours of each
    day, not the hours each employee worked on it, nor flights' departures."""
    offsets, parsed = _times_of_day(clock.astype("string").str.strip()), parse_dates(days)
    if offsets is None or parsed is None:
        return False
    stamps = (parsed[0] + offsets).dropna()
    if stamps.duplicated().mean() > _REPEATED_CLOCK or len(stamps) < 3:  # (an autumn hour written twice)
        return False
    steps = stamps.sort_values().diff().iloc[1:]
    common = steps.mode().iloc[0]
    return bool(common < pd.Timedelta(days=1) and (steps == common).mean() >= _EVEN_CLOCK)


def _named(names: dict[str, object], exact: frozenset[str], pattern: re.Pattern[str],
           holds: Callable[[object], bool] = lambda col: True) -> list[object]:
    """The columns (by their lowered ``names``) named exactly so (``Date``, ``Time``), else those whose names match
    ``pattern`` (``Delivery Date``, ``Hour Ending``): a ``Due Date`` beside ``Date`` left no column to combine. Only
    columns that ``holds`` what the name says count."""
    return [col for name, col in names.items() if name in exact and holds(col)] or [
        col for name, col in names.items() if pattern.fullmatch(name) and holds(col)]


def _days_and_times(days: pd.Series, offsets: pd.Series) -> pd.Series | None:
    """The time stamps of a column of ``days`` (dates without times) and each row's time since midnight; as text
    (``01/02/2024 13:00:00``) where the days read both day first and month first, so that the loader decides as it
    does for one column of stamps, by ``--day-first`` or ``--month-first`` or the spacing, and says so (1 February was
    taken for 2 January without a word, whichever was asked for). None when ``days`` are not dates alone."""
    parsed = parse_dates(days)
    if parsed is None or not (parsed[0].dropna() == parsed[0].dropna().dt.normalize()).all():
        return None
    seconds = offsets / pd.Timedelta(seconds=1)
    written = seconds.dropna()
    if "ambiguous" not in parsed[1] or not (written.between(0, _DAY_SECONDS) & (written % 1 == 0)).all():
        return parsed[0] + offsets  # a day's 49th half-hour (a clock change) has no clock text
    clocks = {value: _clock_text(int(value)) for value in pd.unique(written)}  # a few thousand at most: fast
    return (days.astype("string").str.strip() + " " + seconds.map(clocks)).astype(object)


_DAY_SECONDS = 86_400


def _clock_text(seconds: int) -> str:
    """``HH:MM:SS`` of ``seconds`` since midnight; the day's end is ``24:00:00`` (an hour ending), which
    ``parse_dates`` reads as the next day's midnight."""
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def _days(values: pd.Series) -> pd.Series | None:
    """A column of dates without times of day, parsed; None for any other column (not dates, or stamps with times)."""
    parsed = parse_dates(values)
    if parsed is None or not (parsed[0].dropna() == parsed[0].dropna().dt.normalize()).all():
        return None
    return parsed[0]


def _stamps_in_place(raw: pd.DataFrame, date_col: object, other_col: object, stamps: pd.Series,
                     joiner: str = " ") -> pd.DataFrame:
    """``raw`` with one column of ``stamps``, named after both (joined by ``joiner``), in place of its date column and
    the column that places each row within its day (or its year); ``raw`` as it is when a column already has that
    name."""
    name = f"{str(date_col).strip()}{joiner}{str(other_col).strip()}"
    if name.lower() in {str(col).strip().lower() for col in raw.columns}:
        return raw
    combined = raw.drop(columns=[date_col, other_col])
    combined.insert(min(list(raw.columns).index(date_col), list(raw.columns).index(other_col)), name, stamps)
    combined.attrs = raw.attrs
    return combined


def combine_time_and_offset(raw: pd.DataFrame) -> pd.DataFrame:
    """A table of local times with their UTC offset in the next column (``local_time``, ``utc_offset`` +02:00, as
    grid operators and loggers write them) gets the times written with their offsets in place of the two (ISO 8601,
    ``2023-10-29T02:00:00+02:00``), read as such: the autumn's repeated hour is two hours, not one averaged. The
    offset column: named as one (``_OFFSET_NAME``), nearly every cell an offset (``+01:00``, ``+0100``, ``UTC+1``), or
    named as a time zone (``_ZONE_COLUMN``: USGS's ``tz_cd``) with zones' abbreviations (``EST``, ``EDT``: a 15-minute
    river gauge had a false gap at the spring change, its later readings an hour late, and two autumn hours averaged).
    Any other table is returned as it is."""
    columns = list(raw.columns)
    found = [k for k, col in enumerate(columns) if k and (_OFFSET_NAME.search(name := str(col).strip().lower())
                                                          or _ZONE_COLUMN.fullmatch(name))]
    if len(found) != 1:
        return raw
    offset_col, time_col = columns[found[0]], columns[found[0] - 1]
    cells = raw[offset_col].astype("string").str.strip().str.upper()
    if not _one_place(set(cells.dropna()) & set(_ZONE_OFFSETS)):
        return raw  # sites or stores in several zones, each its own series on its own clock
    written = cells.replace(_ZONE_OFFSETS).str.extract(_OFFSET_CELL)  # USGS's tz_cd: EST, EDT
    if written[0].notna().mean() < PARSE_SHARE or pd.api.types.is_numeric_dtype(raw[time_col]) \
            or _UTC_NAME.search(str(time_col).lower()) or writes_utc_offsets(raw[time_col]):
        return raw  # times in UTC, or written with their offsets already: the column adds nothing
    parsed = parse_dates(raw[time_col])
    if parsed is None or parsed[0].dt.tz is not None:
        return raw
    offsets = written[0] + written[1].str.zfill(2) + ":" + written[2].fillna("00")
    years = (parsed[0].max() - parsed[0].min()) / pd.Timedelta(days=365.25) if parsed[0].notna().any() else 0.0
    if int((offsets != offsets.shift()).iloc[1:].sum()) > _OFFSET_CHANGES * (years + 1):  # twice a year, not always
        return raw
    stamps = parsed[0].dt.strftime("%Y-%m-%dT%H:%M:%S").astype("string") + offsets
    return _stamps_in_place(raw, time_col, offset_col, stamps.astype(object).where(stamps.notna(), None))


_OFFSET_NAME = re.compile(r"^(?:(?:utc|gmt|tz|time[\s_]?zone)[\s_]?)?offset$|^(?:utc|gmt)[\s_]?diff$")
_OFFSET_CELL = r"^(?:UTC|GMT)?\s*([+-])(0?\d|1[0-4])(?::?([03]0|45))?$"  # +01:00, -0500, UTC+1, +05:45
_ZONE_COLUMN = re.compile(r"tz(?:[\s_]?cd)?|time[\s_]?zone|zone|tz[\s_]?(?:name|abbr|abbreviation)")
# The UTC offsets of the zones' abbreviations a time-zone column writes (not IST: India's or Ireland's).
_ZONE_OFFSETS = {"UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
                 "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00",
                 "AKDT": "-08:00", "HST": "-10:00", "AST": "-04:00", "ADT": "-03:00", "NST": "-03:30",
                 "NDT": "-02:30", "WET": "+00:00", "WEST": "+01:00", "BST": "+01:00", "CET": "+01:00",
                 "CEST": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "AWST": "+08:00",
                 "ACST": "+09:30", "ACDT": "+10:30", "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00",
                 "NZDT": "+13:00", "JST": "+09:00", "KST": "+09:00", "SGT": "+08:00", "HKT": "+08:00"}
# A place's standard and daylight-saving zones: the zones a column may name for one clock (``_one_place``)
_ZONE_PAIRS = (("EST", "EDT"), ("CST", "CDT"), ("MST", "MDT"), ("PST", "PDT"), ("AKST", "AKDT"), ("AST", "ADT"),
               ("NST", "NDT"), ("GMT", "BST"), ("UTC", "BST"), ("WET", "WEST"), ("CET", "CEST"), ("EET", "EEST"),
               ("AEST", "AEDT"), ("ACST", "ACDT"), ("NZST", "NZDT"))


def _one_place(zones: set[str]) -> bool:
    """Whether the zones a time-zone column names are one place's clock: one zone, or its standard and summer pair
    (EST and EDT); not a long file's sites in New York, Chicago and Los Angeles (their times were moved onto New
    York's, and the sites averaged into one series)."""
    return len(zones) <= 1 or any(zones <= set(pair) for pair in _ZONE_PAIRS)


_OFFSET_CHANGES = 2  # changes of the offset a year, at most (daylight saving's)


def _told_apart(local: pd.Series, offsets: pd.Series) -> bool:
    """Whether a local time is written with two offsets (the hour the clocks go back, EDT's then EST's): only then are
    times with zones' names read with their offsets; an order log's (Clover's, Amazon's 'PDT' and 'PST') stay the local
    times written."""
    pairs = pd.DataFrame({"time": local.to_numpy(), "offset": offsets.to_numpy()}).dropna().drop_duplicates()
    return bool(pairs["time"].duplicated().any())


def _zone_names_as_offsets(text: pd.Series) -> pd.Series | None:
    """The UTC offsets (``-04:00``) of the zones' names the time stamps ``text`` end with (``_ZONE_NAME``), where they
    are one place's standard and daylight-saving zones, both written, changing at most ``_OFFSET_CHANGES`` times a
    year: Niagara's history export writes '05-Nov-2023 01:00:00 AM EDT', then the same time 'EST', and the two hours
    were averaged as repeated time stamps. Read with their offsets, as a zone column beside the times is
    (``combine_time_and_offset``: USGS's tz_cd). None otherwise (one zone: the local time written, as Clover's)."""
    zones = text.str.extract(r"\s([A-Z]{2,5})$", expand=False)
    named = set(zones.dropna())
    if len(named) != 2 or not _one_place(named) or zones[text.notna()].isna().any():
        return None
    changes = int((zones.dropna() != zones.dropna().shift()).iloc[1:].sum())
    if changes > _OFFSET_CHANGES * (len(text) // 8760 + 1):  # (hourly rows of a year, at most, between two changes)
        return None
    return zones.map(_ZONE_OFFSETS).astype("string")
_UTC_NAME = re.compile(r"utc|gmt|zulu")


def combine_date_and_period(raw: pd.DataFrame) -> pd.DataFrame:
    """A table of power-market or grid data dated by a day and the day's numbered period (``SETTLEMENT_DATE`` and
    ``SETTLEMENT_PERIOD`` 1-48, ``OPR_DT`` and ``OPR_HR`` 1-24) gets one time-stamp column in their place, named after
    both: period ``p`` of a day of ``K`` starts ``(p - 1) / K`` of a day after midnight (``p / K`` when they count
    from 0). Alone, the period would be the target or a series id, and the day's periods averaged. The periods are
    whole numbers from 0 or 1 whose usual largest of a day counts 24, 48 or 96; a day with a clock change may hold
    two more or fewer (its extra periods run past midnight). Any other table is returned as it is."""
    names = {col: re.sub(r"[\s_]+", " ", str(col).strip().lower()) for col in raw.columns}
    dates = [col for col, name in names.items() if name in _DATE_NAMES or _DAY_COLUMN.search(name)]
    periods = [col for col, name in names.items() if _PERIOD_COLUMN.search(name) and col not in dates
               and _period_numbers_of_day(raw[col].iloc[:50]).notna().any()]  # not 'Local Time at End of Hour'
    if len(periods) == 1 and not dates:  # a date column named otherwise (UCI's ``dteday``, ``Year-Month-Day``)
        dates = [col for col in raw.columns if col != periods[0] and not pd.api.types.is_numeric_dtype(raw[col])
                 and _days(raw[col].iloc[:_UNNAMED_DATES_CHECKED]) is not None]
    if len(dates) == 1 and len(periods) == 2 and (joined := _hour_and_interval(raw, periods)) is not None:
        # ERCOT's 'Delivery Hour' 1-24 and 'Delivery Interval' 1-4: quarter hours
        raw, periods = joined, [col for col in periods if col in joined.columns]
    if len(dates) != 1 or len(periods) != 1:
        return raw
    period = _period_numbers_of_day(raw[periods[0]])
    if period.notna().mean() < PARSE_SHARE or (period.dropna() % 1).any() or period.min() not in (0, 1):
        return raw
    days = _days(raw[dates[0]])
    if days is None:
        return raw
    by_day = period.groupby(days)
    usual_last = by_day.max().mode()
    per_day = int(usual_last.iloc[0]) + 1 - int(period.min()) if len(usual_last) else 0
    if per_day not in _PERIODS_PER_DAY or by_day.size().median() < per_day / 2:  # most days hold most periods
        return raw
    counts = by_day.max() - period.min() + 1
    changes = _clock_changes(counts, per_day)
    places = _on_the_local_clock(period - period.min(), days.map(changes).fillna(0), per_day)
    offsets = pd.to_timedelta(places * (24 * 60 / per_day), unit="min")
    combined = _stamps_in_place(raw, dates[0], periods[0], _days_and_times(raw[dates[0]], offsets))
    if combined is not raw and (said := _clock_change_days(counts, changes)):
        combined.attrs["clock_change_periods"] = {"column": str(periods[0]), "per_day": per_day, "days": said}
    totals = _summary_times(raw[periods[0]].astype("string").str.strip())  # a counter's 'Total' under each day's hours
    said = raw[periods[0]]
    if not totals.any():  # or Google Ads' 'Total: Account' in its dates, under the hours of the day ('--')
        totals, said = _summary_times(raw[dates[0]].astype("string").str.strip()), raw[dates[0]]
    if combined is raw or not totals.any():
        return combined
    kept = combined[~totals]
    kept.attrs = {**combined.attrs, "summary_rows": {"rows": int(totals.sum()),
                                                     "words": clipped_list(said[totals].astype(str))}}
    return kept


def _hour_and_interval(raw: pd.DataFrame, periods: list[object]) -> pd.DataFrame | None:
    """``raw`` with its hour column (1-24 or 0-23, named so) made the day's numbered periods of its interval column
    (1-K or 0-K-1 within the hour, K of 2, 4 or 12, named so) and the interval column left out; None for any other pair
    (ERCOT's 'Delivery Hour' and 'Delivery Interval': 192 daily series of one quarter hour each, or daily means)."""
    named = {"hour": [col for col in periods if "hour" in str(col).lower()],
             "interval": [col for col in periods if "interval" in str(col).lower()]}
    if len(named["hour"]) != 1 or len(named["interval"]) != 1 or named["hour"] == named["interval"]:
        return None
    hour, interval = (pd.to_numeric(raw[named[kind][0]], errors="coerce") for kind in ("hour", "interval"))
    if hour.isna().any() or interval.isna().any() or (hour % 1).any() or (interval % 1).any():
        return None
    first, within = int(interval.min()), int(interval.max() - interval.min()) + 1
    if within not in (2, 4, 12) or int(hour.min()) not in (0, 1) or hour.max() - hour.min() > 24:
        return None
    joined = raw.drop(columns=[named["interval"][0]])
    joined[named["hour"][0]] = (hour - hour.min()) * within + (interval - first) + 1
    joined.attrs = raw.attrs
    return joined.loc[:, [col for col in raw.columns if col != named["interval"][0]]]


_HOUR_SPAN = re.compile(r"^\s*(\d{1,2})\s*[-–]\s*\d{1,2}\s*$")  # Nord Pool's hours '00 - 01': from 0


def _period_numbers_of_day(cells: pd.Series) -> pd.Series:
    """A day's numbered periods as numbers (NaN where a cell is none), an hour's span ('00 - 01', Nord Pool's) by the
    hour it starts."""
    if pd.api.types.is_numeric_dtype(cells):
        return pd.to_numeric(cells, errors="coerce")
    text = cells.astype("string").str.strip()
    spans = text.str.extract(_HOUR_SPAN)[0]
    return pd.to_numeric(spans.where(spans.notna(), text), errors="coerce")


def _clock_changes(last: pd.Series, per_day: int) -> pd.Series:
    """By day, of a table's days and their periods' count (``last``): 1 where the clocks go back (a Sunday clocks
    change on, ``_CLOCK_CHANGE_SUNDAYS``, with an hour's periods more, 50 of 48), -1 where they go forward (an hour's
    fewer, 46; neither the first day nor the last, which may be partial; not a shop's short Sundays in January, nor a
    day whose last reading is missing on another Sunday of March), else 0."""
    hour, days = per_day // 24, pd.DatetimeIndex(last.index)
    sunday = (days.dayofweek == 6) & pd.Series(list(zip(days.month, (days.day - 1) // 7))).isin(
        _CLOCK_CHANGE_SUNDAYS).to_numpy()
    longer = (last == per_day + hour) & sunday
    shorter = (last == per_day - hour) & sunday & (np.arange(len(last)) > 0) & (np.arange(len(last)) < len(last) - 1)
    return longer.astype(int) - shorter.astype(int)


def _on_the_local_clock(places: pd.Series, change: pd.Series, per_day: int) -> pd.Series:
    """Each period's place in its day (``places``, from 0) in periods since midnight on the local clock, by its day's
    clock ``change`` (``_clock_changes``). Where the clocks go back, the periods after the repeated hour's first
    periods move back an hour, and its second periods share their time stamps with the first: the hour from 01:00, as
    the UK's (settlement periods 3-4 and 5-6) and North America's (hour ending 2) clocks repeat it (central Europe
    repeats 02:00: its files keep one hour a year an hour early; the month cannot tell them apart, the UK and the US
    before 2007 changing in October too). Where they go forward, the periods from the hour skipped move on
    an hour: from 01:00 in half-hours (the UK's), else from 02:00 (North America's, central Europe's). A long day's
    periods after the repeated hour ran an hour late, its last onto the next day's first."""
    hour = per_day // 24
    skipped = hour if per_day == 48 else 2 * hour
    later = ((change > 0) & (places >= 2 * hour)).astype(int) * -hour
    sooner = ((change < 0) & (places >= skipped)).astype(int) * hour
    return places + later + sooner


def _clock_change_days(last: pd.Series, changes: pd.Series) -> str:
    """The days of a clock change (``_clock_changes``) with their periods' count (``last``), as
    ``2023-03-26 (46), 2023-10-29 (50)``; '' where none is."""
    found = last[changes != 0]
    return ", ".join(f"{day:%Y-%m-%d} ({int(count)})" for day, count in found.iloc[:_CLOCK_DAYS_SAID].items())


_CLOCK_DAYS_SAID = 4
# The Sundays clocks change on, as (month, week of the month from 0: days 1-7 are 0, 22-28 are 3, 29-31 are 4): the
# last of March and October (Europe, days 25-31), the second of March and the first of November (North America), the
# first of April and October (Australia), the last of September (New Zealand, days 24-30).
_CLOCK_CHANGE_SUNDAYS = frozenset({(3, 3), (3, 4), (10, 3), (10, 4), (3, 1), (11, 0), (4, 0), (10, 0), (9, 3),
                                   (9, 4)})


_END_MERIDIEM = re.compile(r"[-–]\s*(\d{1,2}):\d{2}(?::\d{2})?\s*([AaPp])\.?(?:\s*[Mm]\.?)?$")


def _meridiem_of_the_end(starts: pd.Series, intervals: pd.Series) -> pd.Series:
    """The ``starts`` of ``intervals`` with the AM or PM written once, after the end ('1:00-1:30 PM', as Avaya's
    reports label them: the afternoon was read as 01:00 to 07:30), where the start has none: the end's, or the other
    where that puts the start after the end ('11:30-12:00 PM' starts at 11:30 AM)."""
    end = intervals.str.extract(_END_MERIDIEM)
    bare = starts.str.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?").fillna(False) & end[1].notna()
    if not bare.any():
        return starts
    start_hour = pd.to_numeric(starts.str.extract(r"^(\d{1,2})", expand=False), errors="coerce") % 12
    end_hour = pd.to_numeric(end[0], errors="coerce") % 12
    mark = end[1].str.upper()
    crossed = start_hour > end_hour  # '11:30-12:00 PM': the end past noon, the start before it
    mark = mark.where(~crossed, mark.map({"P": "A", "A": "P"}))
    return starts.where(~bare, starts + " " + mark + "M")


def _times_of_day(clock: pd.Series) -> pd.Series | None:
    """Times of day (``13:00``, ``13:00:05``; ``1:00 PM``, ``12:30 a.m.``) as time since midnight (NaT where a cell is
    none); None unless nearly every cell is one, on one clock. An interval (``08:00 - 08:30``, ``8:00 AM - 8:30 AM``, as
    contact-centre reports write them) is its start (each interval was read as a series of its own)."""
    starts = clock.str.extract(_CLOCK_INTERVAL)[0]
    if starts.notna().mean() >= PARSE_SHARE:
        clock = _meridiem_of_the_end(starts, clock)
    if clock.str.fullmatch(_CLOCK).fillna(False).mean() >= PARSE_SHARE:
        clock = clock.where(clock.str.fullmatch(_CLOCK).fillna(False))
        return pd.to_timedelta(clock.where(clock.str.count(":") == 2, clock + ":00"), errors="coerce")  # 13:00:00
    parts = clock.str.extract(_CLOCK_12)
    written = pd.to_numeric(parts[0]).astype("float64")
    afternoon = (parts[3].str.lower() == "p").fillna(False).to_numpy(dtype=bool)
    # 1:00 PM is 13:00 and 12:00 AM midnight; a 24-hour time with a mark (00:00 AM, 13:00 PM) keeps its hour.
    hours = np.where(written.between(1, 12), written % 12 + np.where(afternoon, 12, 0), written)
    hours = pd.Series(hours, index=clock.index).where(written.between(0, 23))
    if hours.notna().mean() < PARSE_SHARE:
        return None
    return (pd.to_timedelta(hours, unit="h") + pd.to_timedelta(pd.to_numeric(parts[1]).astype("float64"), unit="m")
            + pd.to_timedelta(pd.to_numeric(parts[2]).astype("float64").fillna(0), unit="s"))


# A row at the end of a table whose text cell starts with one of these words sums up the rows above it (SAP's lists
# mark them with stars: ``*Summe``, ``**Gesamt``).
# Hotel and retail reports' running totals too: ``Month to Date``, ``Year to Date``, ``MTD``, ``YTD``.
_TO_DATE = r"(?:month|year|quarter|week|period) to date|mtd|ytd|qtd|wtd|ptd"
SUMMARY_ROW = re.compile(r"\**\s*(grand |sub-?)?(total|totals|sum|average|avg|mean|median|min|minimum|max|maximum|"
                         r"count|std|summe|gesamt|insgesamt|durchschnitt|mittelwert|somme|moyenne|suma|promedio|totale|"
                         rf"media|totaal|gemiddelde|合计|总计|平均|平均值|小计|{_TO_DATE})\b.*",
                         re.IGNORECASE)
SUBTOTAL_WORDS = rf"(?:total|gesamt|ergebnis|summe|totale|totaal|合计|小计|{_TO_DATE})"
# A group's total named after it: Excel's Data > Subtotal ``north Total``, NetSuite's ``Total - north``
GROUP_TOTAL = re.compile(rf"(.+?)\s+{SUBTOTAL_WORDS}|{SUBTOTAL_WORDS}(?:\s*[-–:])?\s+(.+)", re.IGNORECASE)
# A pivot table's subtotal (``2020 Total``, ``Jan 2023 MTD``) or a report's (``Total 2020``) in a column of dates or
# periods.
SUBTOTAL_ROW = re.compile(rf"(?:[^\W\d_]+\s+)?(?=\S*\d)\S+\s+{SUBTOTAL_WORDS}s?"  # ('Jan-23 Totals')
                          rf"|{SUBTOTAL_WORDS}(?:\s*[-–:])?\s+(?:[^\W\d_]+\s+)?(?=\S*\d)\S+",  # NetSuite's 'Total -
                          re.IGNORECASE)  # A-100', a hotel report's 'Total January 2023'



# Prefixes of a year and month pair that date no row: a card's expiry beside a payment's time (Stripe's 'Card Exp
# Year' and 'Card Exp Month' were read as the dates of payments made years before; a births table's 'Birth Year' and
# 'Birth Month' date its rows)
_NO_ROW_DATE = re.compile(r"(?:^|[\W_])(?:exp|expiry|expiration|expires)(?:[\W_]|$)")


def _prefixed_year_and_month(names: dict[str, object]) -> dict[str, object]:
    """``names`` (lowered) with one year and month named alike but for those words read as 'year' and 'month' where
    none is named so: Seattle library's 'CheckoutYear' and 'CheckoutMonth', 'Sale Year' and 'Sale Month' (the file
    was refused as five time stamps)."""
    if set(names) & _YEAR_NAMES:
        return names
    pairs = [(name, name[:-4] + "month") for name in names if name.endswith("year") and len(name) > 4
             and name[:-4] + "month" in names and not _NO_ROW_DATE.search(name[:-4])]
    if len(pairs) != 1:
        return _kind_of_year_and_period(names)
    year, month = pairs[0]
    return {"year" if name == year else "month" if name == month else name: col for name, col in names.items()}


# Words of a year whose months run across two calendar years (a water, marketing, plan, school or fiscal year: its
# October is the calendar year's before): no year of a month beside it
_SHIFTED_YEARS = frozenset({"water", "hydrologic", "hydrological", "marketing", "crop", "plan", "school", "academic",
                            "fiscal", "financial", "tax", "budget", "award", "aid", "season", "program", "fy"})


def _kind_of_year_and_period(names: dict[str, object]) -> dict[str, object]:
    """``names`` (lowered) with the one year of a kind ('Underwriting Year', 'Accident Year', 'Year of Account', as
    insurers write them; a 'Sales Year') read as 'year' where a month or a quarter is named plainly beside it (a
    Lloyd's bordereau's 'Quarter' Q1 to Q4: 8 yearly series by it); not a year of months across two
    (``_SHIFTED_YEARS``)."""
    kinds = [name for name in names if (name.endswith(" year") or name.startswith("year of "))
             and not _NO_ROW_DATE.search(name) and "birth" not in name and not set(name.split()) & _SHIFTED_YEARS]
    if len(kinds) != 1 or not set(names) & set(_PERIOD_NAMES):
        return names
    return {"year" if name == kinds[0] else name: col for name, col in names.items()}


def combine_calendar_columns(raw: pd.DataFrame) -> pd.DataFrame:
    """A table dated by a year column and a month (or quarter) column, and perhaps a day-of-month column (and an hour
    column, which ``combine_date_and_period`` then joins), or by a year and a week number or a period (a code, or an
    ERP's posting period 1-12: ``_year_and_week``), and by nothing else, gets one date column in their place, named
    after them (``Year-Month``, ``Year-Month-Day``): each alone would read as a year repeated twelve times, or as
    twelve series. Years are whole numbers from 1800 to 2200; months 1-12 or their (``_MONTH_NAMES``) names, quarters
    1-4 or Q1-Q4, days 1-31 (a real date of the month); a few rows at the start (units under the header) and at the
    end (a ``Total`` row) that are none of these get no date. Any other table is returned as it is."""
    names = _prefixed_year_and_month({str(col).strip().lower(): col for col in raw.columns})
    years = [col for name, col in names.items() if name in _YEAR_NAMES]
    if len(years) > 1:  # FluSurv-NET's season 'YEAR' ('2015-16') beside its 'MMWR-YEAR': the one of whole years
        years = [col for col in years if pd.to_numeric(raw[col], errors="coerce").between(1800, 2200).mean() >= 0.9] \
            or years
    if len(years) > 1:  # a 'Fiscal Year' beside the calendar 'Year' of its months: the calendar's
        years = [col for col in years if str(col).strip().lower() not in _FISCAL_YEAR_NAMES] or years
    periods = [col for name, col in names.items() if name in _PERIOD_NAMES] or [  # 'Year,MM', Scripps's 'Mn' (no rain)
        col for name, col in names.items() if name in ("mm", "mn")
        and not set(names) & (_DAY_OF_YEAR_NAMES | _WEEK_NAMES)
        and _whole_months(raw[col], bool(set(names) & _DAY_NAMES))]
    days = [col for name, col in names.items() if name in _DAY_NAMES]
    # An hour column beside a year, a month and a day: ``combine_date_and_period`` makes the day's hours of that date.
    hours = [col for name, col in names.items() if _PERIOD_COLUMN.search(name) and name not in _CODED_PERIOD_NAMES
             and (any(word in name for word in _OTHER_TIME_WORDS) or name in _HOUR_NAMES)] if days else []
    named = _month_names_column(raw, names, {*years, *periods}, raw[years[0]]) if len(years) == 1 and not days \
        else None
    implied = [col for col in periods
               if _PERIOD_NAMES.get(str(col).strip().lower(), 12) == 4] if named is not None else []
    if named is not None and len(implied) == len(periods):  # Years, (Quarters,) Date: the months say the quarters
        periods = [named]
    months = [col for col in periods if _PERIOD_NAMES.get(str(col).strip().lower(), 12) == 12]
    if len(periods) == 2 and len(months) == 1 and named is None:  # BTS's YEAR, QUARTER, MONTH: the months say it
        implied, periods = [col for col in periods if col not in months], months
    decimal = [col for col in names.values() if len(years) == 1 and _decimal_years_beside(raw[col], raw[years[0]])]
    others = [name for name in names if names[name] not in (*days, *hours, *periods, *decimal)
              and name not in _WEEKDAY_COLUMN_NAMES and _names_time(name, raw[names[name]])
              and not _counts_rows(raw[names[name]])
              and not _no_time_of_rows(name, raw[names[name]]) and not _counts_time(name, raw[names[name]])]
    if len(years) == 1 and not periods and not days:
        of_year = [col for name, col in names.items() if name in _DAY_OF_YEAR_NAMES]
        return _year_and_day(raw, years[0], of_year[0]) if len(of_year) == 1 else _year_and_week(raw, years[0], names)
    if len(years) != 1 or len(periods) != 1 or len(days) > 1 or len(hours) > 1 or others:
        return raw
    parts = [years[0], periods[0], *days]
    name = "-".join(str(col).strip() for col in parts)
    parts += [col for col in (*implied, *decimal) if col not in parts]
    year = pd.to_numeric(raw[years[0]], errors="coerce")
    per_year = 12 if periods[0] == named else _PERIOD_NAMES.get(str(periods[0]).strip().lower(), 12)
    if days and per_year != 12:
        return raw
    month = (_period_numbers(raw[periods[0]], per_year) - 1) * (12 // per_year) + 1
    if month.isna().all():  # a 'Month' of whole dates (2022-10) beside a 'Fiscal Year': the dates date the rows
        return raw
    fiscal = _fiscal_years(raw[years[0]], month, str(years[0]).strip().lower() in _FISCAL_YEAR_NAMES)
    if fiscal is not None:
        year = fiscal
    elif str(years[0]).strip().lower() in _FISCAL_YEAR_NAMES and _fiscal_first_month(
            raw[years[0]][month.notna()].astype("string"), month.dropna()) != 1:
        return raw  # a fiscal year from July in cells ``_fiscal_years`` cannot read
    year = year.where((year % 1 == 0) & year.between(_FIRST_YEAR, 2200))
    year, carried = _years_carried_down(year, raw[years[0]], month)
    stamps = _from_year_month(year, month) if not days else pd.to_datetime(
        pd.DataFrame({"year": year, "month": month, "day": pd.to_numeric(raw[days[0]], errors="coerce")})
        .astype(float),
        errors="coerce")  # NaT where a part is missing (an NSIDC units row: 'YYYY, MM, DD') or not in the month
    valid = stamps.notna().to_numpy()
    # a pivot's subtotal below each year's months (``2018 Total``, its period blank): left out, said as summary rows
    subtotals = np.logical_or.reduce([raw[col].astype("string").str.strip().str.fullmatch(SUBTOTAL_ROW).fillna(False)
                                      .to_numpy(bool) for col in (years[0], *implied)])  # and Qtr1 Total
    period_cells = raw[periods[0]].astype("string").str.strip()
    yearly = period_cells.str.fullmatch(_WHOLE_YEAR_PERIOD).fillna(False).to_numpy(bool)
    subtotals |= yearly  # NASS's 'MARKETING YEAR' or 'YEAR' row among a year's months
    # a port's 'Total' under each year's months, its year blank: the year's sum (the file was read as the years'
    # Januaries, 120 months dropped)
    subtotals |= ~valid & period_cells.str.fullmatch(SUMMARY_ROW).fillna(False).to_numpy(bool)
    end = np.arange(len(raw)) >= len(raw) - _TRAILING_ROWS  # and a Grand Total below them
    subtotals |= end & ~valid & raw[years[0]].astype("string").str.strip().str.fullmatch(SUMMARY_ROW).fillna(False)\
        .to_numpy(bool)
    lead = int(np.argmax(valid)) if valid.any() else 0  # units rows under the header (GENESIS: 2020=100)
    if (name.lower() in names or valid.sum() < 2 or lead > _LEADING_ROWS
            or not (valid | subtotals)[lead:max(len(valid) - _TRAILING_ROWS, lead)].all()):
        return raw
    combined = raw.drop(columns=parts)
    combined.insert(min(list(raw.columns).index(col) for col in parts), name, stamps)
    combined = combined[~subtotals]
    combined.attrs = {**raw.attrs, **({"years_carried_down": {"column": str(years[0]), "rows": carried}}
                                      if carried else {})}
    if fiscal is not None and fiscal.attrs.get(_ENDING_YEAR):  # read by the year each fiscal year ends: said
        first = int(valid.argmax())
        combined.attrs["fiscal_months"] = {"column": str(years[0]), "example": str(raw[years[0]].iloc[first]).strip(),
                                           "month": str(raw[periods[0]].iloc[first]).strip(),
                                           "read": f"{stamps.iloc[first]:%Y-%m}"}
    if subtotals.any():
        said = raw[years[0]].astype("string").str.strip().replace("", pd.NA)  # a quarter's subtotal: in its column
        said = said.mask(yearly, raw[periods[0]].astype("string").str.strip())
        for col in implied:
            said = said.fillna(raw[col].astype("string").str.strip())
        words = clipped_list(said.fillna(period_cells.replace("", pd.NA))[subtotals])  # a blank year: its 'Total'
        combined.attrs["summary_rows"] = {"rows": int(subtotals.sum()), "words": words}
    return combined


_FY_CELL = re.compile(r"FY\s*[-']?\s*(\d{4}|\d{2})", re.IGNORECASE)  # FY2021, FY 21: named by the year it ends
_ENDING_YEAR = "ending_year"  # in the years' attrs (``_fiscal_years``): read as the years fiscal years end


def _fiscal_years(cells: pd.Series, month: pd.Series, named: bool) -> pd.Series | None:
    """The calendar year of each row of fiscal years beside months, the first row's month the fiscal year's first
    (a state's July to June): for spans (``2020-21``) their first year from that month on, the next before it; for
    ``FY2021``, or years under a fiscal year's name (``named``), the year they end, as the US, the UK, Canada,
    Australia and India name them (FY2021's July is July 2020), said through ``attrs[_ENDING_YEAR]``. None for other
    cells, and where the fiscal year starts in January (the calendar's)."""
    text = cells.astype("string").str.strip()
    present = text.notna() & (text != "") & month.notna()
    if not present.any() or (first := _fiscal_first_month(text[present], month[present])) == 1:
        return None
    spans = text.str.extract(_FY_SPAN).apply(pd.to_numeric)
    fy = pd.to_numeric(text.str.extract(f"^{_FY_CELL.pattern}$", flags=re.IGNORECASE)[0])
    if spans[0][present].notna().all() and ((spans[1] % 100) == (spans[0] + 1) % 100)[present].all():
        start, ending = spans[0], False
    elif fy[present].notna().all():
        start, ending = _four_digit_years(fy) - 1, True
    elif named and (plain := pd.to_numeric(text, errors="coerce"))[present].between(_FIRST_YEAR, 2200).all():
        start, ending = plain - 1, True
    else:
        return None
    years = (start + (month < first)).where(present)
    years.attrs[_ENDING_YEAR] = ending
    return years


_LONGEST_RUN = 2  # rows a fiscal year's label holds on average, at least, in a file in time order


def _fiscal_first_month(labels: pd.Series, month: pd.Series) -> int:
    """The month a fiscal year starts in: where its label changes from row to row, the month of the later year's
    first row (a file from October of a July-to-June year, or sorted newest first: its first row's month was taken,
    and a year's months a year off); the first row's month where the label never changes, or changes on nearly
    every row (each month's years one below the other)."""
    years = pd.to_numeric(labels.str.extract(r"(\d{2,4})", expand=False), errors="coerce").to_numpy()
    steps = np.diff(years)
    way = 1 if np.count_nonzero(steps == 1) >= np.count_nonzero(steps == -1) else -1  # newest first: -1
    changes = np.flatnonzero(steps == way) + 1  # where the label moves on by a year (not to a next series' first
    if not len(changes):  # year, a long file sorted by region)
        return int(month.iloc[0])
    if len(labels) < _LONGEST_RUN * (len(changes) + 1):  # each month's years one below the other (a treasury's
        return int(month.iloc[0])  # July of each year, then August ...): the first month on top
    starts = set((month.iloc[changes - 1] if way < 0 else month.iloc[changes]).astype(int))
    # a month missing where a year starts moves that change a month on: the earliest of them, around the year
    return min(starts, key=lambda first: max((other - first) % 12 for other in starts))


def _whole_months(cells: pd.Series, beside_days: bool = False) -> bool:
    """Whether every filled cell is a whole number from 1 to 12, with 1 and 12 among them unless a day-of-month column
    is ``beside_days`` (a field season from April to October)."""
    months = pd.to_numeric(cells, errors="coerce").dropna()
    return bool(len(months)) and bool(months.isin(range(1, 13)).all()) and (
        beside_days or {1, 12} <= set(months.astype(int)))


def _year_and_day(raw: pd.DataFrame, year_col: object, day_col: object) -> pd.DataFrame:
    """A table dated by a year and a day of the year (1-366) gets one date column in their place, named after both
    (``YEAR-DOY``); ``raw`` as it is where a cell is no such pair (a day 366 in a year of 365 days, a blank), and where
    each year is on one row only: the day is then the value of the year (a plant's first flowering, 'DOY')."""
    year = pd.to_numeric(raw[year_col], errors="coerce")
    day = pd.to_numeric(raw[day_col], errors="coerce")
    if not year.dropna().duplicated().any():
        return raw
    if not ((year % 1 == 0) & year.between(_FIRST_YEAR, 2200) & (day % 1 == 0) & day.between(1, 366)).all():
        return raw
    stamps = _from_year_month(year, pd.Series(1, index=raw.index)) + pd.to_timedelta(day - 1, unit="D")
    if (stamps.dt.year != year).any():
        return raw
    return _stamps_in_place(raw, year_col, day_col, stamps, "-")


# Words ending in a time word that name a measure, not a time (``_names_time``)
_MEASURED_TIMES = frozenset({"update", "downtime", "overtime", "uptime", "runtime", "halftime", "lifetime", "daytime",
                             "nighttime", "anytime", "airtime", "screentime", "mealtime"})
_PIVOT_DATE_WORDS = ("date", "datum", "fecha", "data", "日期", "time", "zeit", "period")  # a pivot's date field


def _month_names_column(raw: pd.DataFrame, names: dict[str, Any], taken: set[Any], years: pd.Series) -> Any:
    """The column of month names beside a year column under a time word (Excel's pivot grouping a date field by
    Years and Months keeps the field's own name for the months: ``Years, Date``, ``Order Date``), or None: its
    cells, blanks and whole years aside (a subtotal's row, NASS's 'MARKETING YEAR'), all names of months (``Jan``,
    ``März``; no number), at least two of them.
    (A 'Peak month' of each year, staff named April and May: no months of a pivot.)"""
    for name, col in names.items():
        if col in taken or raw[col].dtype.kind in "fiub":
            continue
        text = raw[col].astype("string").str.strip()
        cells = text[text.notna() & (text != "") & ~text.str.fullmatch(_WHOLE_YEAR_PERIOD).fillna(False)]
        numbers = cells.str.lower().str.replace(_AS_OF_MONTH, "", regex=True).str.rstrip(".").map(_MONTH_NAMES)
        numbers = numbers.fillna(cells.str.lower().map(_RUNNING_SEASONS))  # (CPC's ONI: 'DJF' ... 'NDJ')
        if len(cells) >= 2 and bool(numbers.notna().all()) and numbers.nunique() >= 2 and (
                any(word in name for word in _PIVOT_DATE_WORDS) or _months_of_each_year(numbers, years)):
            return col
    return None


def _months_of_each_year(months: pd.Series, years: pd.Series) -> bool:
    """Whether month numbers run as a pivot writes them under each year (years carried down over blanks): rising
    within every year, half a year of them or more on average (staff named April, May and June: three)."""
    year = pd.to_numeric(years, errors="coerce").ffill().reindex(months.index)
    rising = months.groupby(year).apply(lambda run: bool(run.is_monotonic_increasing and run.is_unique))
    return bool(rising.all()) and len(months) >= _MONTHS_A_YEAR * year.nunique()


_MONTHS_A_YEAR = 6  # on average, at least, for a column of month names under years to be a pivot's


def _decimal_years_beside(cells: pd.Series, years: pd.Series) -> bool:
    """Whether a column writes each row's time as a year with its fraction (NOAA's 'decimal date' 1958.2027 beside
    'year' and 'month'): the same time again, left out with them (it kept them apart: twelve series, one a month)."""
    if not pd.api.types.is_float_dtype(cells):
        return False
    whole = pd.to_numeric(years, errors="coerce")
    present = cells.notna() & whole.notna()
    return bool(present.mean() >= PARSE_SHARE and (cells[present] % 1 != 0).any()
                and (np.floor(cells[present]) == whole[present]).mean() >= PARSE_SHARE)


def _names_time(name: str, cells: pd.Series) -> bool:
    """Whether a lowered column name names a time (``_OTHER_TIME_WORDS``): a word of it starting with one (``Order
    Date``, ``timestamp``, ``dayofweek``) or, over ``cells`` that are not numbers, ending with a date or a time
    (``InvoiceDate``, ``StartTime``; not ``LeadTime`` of numbers, nor ``Update``, ``Downtime``: ``_MEASURED_TIMES``),
    or a Chinese one anywhere in it; not a word that holds one within or ends with a day (``ndays``, ``Holiday``), nor
    a running figure's ``Year-to-date``, ``MTD``, nor a 'Weekly rate' or 'Hourly Wage' of numbers."""
    if re.search(rf"\b(?:{_TO_DATE})\b", re.sub(r"[\W_]+", " ", name)):  # a 'Year-to-date Total' of figures
        return False
    words = re.split(r"[\W\d_]+", name)
    ending = not pd.api.types.is_numeric_dtype(cells)  # 'StartTime' of stamps; not 'LeadTime' of numbers
    return any(word.startswith(time) and (ending or not word.endswith("ly"))  # a 'Weekly rate' of numbers: a measure
               for word in words for time in _OTHER_TIME_WORDS if time.isascii()) or any(
        ending and word.endswith(("date", "datum", "stamp", "time")) and word not in _MEASURED_TIMES
        for word in words) or any(
        time in name for time in _OTHER_TIME_WORDS if not time.isascii())


# Three months running, by their initials, as their middle month (NOAA CPC's ONI: 'DJF 1950' is January's season)
_RUNNING_SEASONS = {season: month for month, season in enumerate(
    ("djf", "jfm", "fma", "mam", "amj", "mjj", "jja", "jas", "aso", "son", "ond", "ndj"), start=1)}
# A month's first or last day before its name (NASS Quick Stats' 'FIRST OF JAN' of cattle on feed, 'END OF DEC')
_AS_OF_MONTH = re.compile(r"^(?:first|end|beginning|start) of\s+")
# A period that is the whole year, in a column of months or quarters (USDA NASS Quick Stats' 'MARKETING YEAR').
_WHOLE_YEAR_PERIOD = re.compile(r"(?i)(?:marketing |calendar |crop |fiscal )?year|annual(?: total| average)?")
_ONE_VALUE_SHARE = 0.9  # of the filled cells
# Names of a part of the clock: a minute column of mostly :53 (ASOS's routine readings) still times its special ones
_CLOCK_PARTS = frozenset({"hour", "minute", "second", "time", "hr", "hh", "min", "mi", "sec", "ss"})


def _counts_time(name: str, cells: pd.Series) -> bool:
    """Whether a lowered column name counts days, hours or weeks (a plural word of them: a food bank's 'Distribution
    Days' and 'Volunteer Hours' beside its 'Year' and 'Month', whose report was refused as six time stamps) over
    numbers: a measure, no time."""
    words = set(re.split(r"[\W\d_]+", name))
    plural = words & {"days", "hours", "weeks", "minutes", "hrs", "mins", "tage", "stunden", "jours", "heures"}
    spent = "time" in words and bool(words & _TIME_SPENT)  # BTS's 'AIR_TIME' in minutes beside YEAR, QUARTER, MONTH
    numbers = pd.to_numeric(cells.astype("string").str.replace(",", "", regex=False), errors="coerce")
    return bool(plural or spent) and numbers.notna().mean() >= 0.5


_TIME_SPENT = frozenset({"air", "flight", "block", "travel", "run", "response", "wait", "waiting", "lead", "cycle",
                         "elapsed", "taxi", "turnaround", "handle", "talk", "hold", "down", "up", "idle", "ramp"})


def _no_time_of_rows(name: str, cells: pd.Series) -> bool:
    """Whether a time-named column beside a year, a month and a day tells no rows apart: one value in every filled cell,
    or none (NSRDB's 'Minute' of 30 on every hourly row; NASS's blank 'Week Ending' of monthly rows), or one in nearly
    every filled cell (``_ONE_VALUE_SHARE``) and named other than a part of the clock (BOM's 'Period over which
    rainfall was measured (days)', 1 but after missed days; 'Observation time'): no reason to leave a year, month and
    day column apart (twelve yearly series, one per month; a file refused as two time stamps). A 'Minute' of :53 with
    a few special readings at other minutes still times them."""
    text = cells.astype("string").str.strip()
    counts = text[text.notna() & (text != "")].value_counts()
    return len(counts) <= 1 or (name.strip() not in _CLOCK_PARTS
                                and float(counts.iloc[0]) >= _ONE_VALUE_SHARE * float(counts.sum()))


def _counts_rows(cells: pd.Series) -> bool:
    """Whether a column numbers the rows 0 or 1 up (``Period`` 1..96 beside ``Year`` and ``Month``): a running count
    says nothing finer than the year and month do (it kept them apart: twelve yearly series, one per month)."""
    numbers = pd.to_numeric(cells, errors="coerce").to_numpy(dtype=float)
    return len(numbers) > 2 and bool(np.isfinite(numbers).all()) and numbers[0] in (0, 1) and \
        bool((np.diff(numbers) == 1).all()) and numbers[-1] > _WEEK_MOST  # past any week of a year: no time of it


def _years_carried_down(year: pd.Series, cells: pd.Series, month: pd.Series) -> tuple[pd.Series, int]:
    """A year written once over its months (a merged cell, or the first row of each year's block, the rest blank)
    carried down to the blank cells below it, and how many; ``year`` as it is unless the months then rise within
    every year (a blank year is not one to guess elsewhere)."""
    blank = (cells.isna() | (cells.astype("string").str.strip() == "")).to_numpy(dtype=bool) & month.notna().to_numpy()
    if not blank.any() or year.notna().sum() < 2:
        return year, 0
    carried = year.ffill()
    filled_in = blank & carried.notna().to_numpy()
    order = (carried * 12 + month).to_numpy()[carried.notna().to_numpy() & month.notna().to_numpy()]
    if not filled_in.any() or not (np.diff(order) > 0).all():
        return year, 0
    return carried.where(blank | year.notna(), year), int(filled_in.sum())


def _year_and_week(raw: pd.DataFrame, year_col: object, names: dict[str, object]) -> pd.DataFrame:
    """A year column and a week-number column (1-53) or a period column (codes, ``_PERIOD_CODE``, or an ERP's
    numbered posting periods, ``_numbered_periods``) combined into one date column (``combine_calendar_columns``);
    ``raw`` as it is when there is neither or it does not read so."""
    weeks = [col for name, col in names.items() if name in _WEEK_NAMES]
    coded = [col for name, col in names.items() if name in _CODED_PERIOD_NAMES]
    if len(weeks) + len(coded) != 1:
        return raw
    column = (weeks or coded)[0]
    if any(_names_time(name, raw[col]) for name, col in names.items() if col not in (year_col, column)
           and name not in _YEAR_NAMES):  # (a season's 'YEAR', '2015-16', beside the weeks' own: a label)
        return raw  # another time column (a date, a day): the table is not dated by these two alone
    # a fiscal year (2019/20) beside its periods; beside weeks (a flu season's 2017/18, weeks 40-52 then 1-20) the weeks
    # after New Year would be dated a year early
    # fiscal years beside their periods (2019/20, FY2020); beside weeks their weeks are no ISO weeks of those years
    year = pd.to_numeric(raw[year_col], errors="coerce") if weeks else _fiscal_year_numbers(raw[year_col])
    year = year.where((year % 1 == 0) & year.between(1800, 2200))
    averages, numbered = pd.Series(False, index=raw.index), False
    if weeks:
        week = pd.to_numeric(raw[column].astype("string").str.strip().str.replace(_WEEK_LABEL, "", regex=True),
                             errors="coerce").astype("float64")  # a dispatcher's 'Wk 05', 'Week 5', 'W05'
        week = week.where((week % 1 == 0) & week.between(1, _WEEK_MOST))
        stamps, first_day = _numbered_weeks(year, week, _week_start_named(str(year_col) + str(column)))
    else:
        found = _period_months(raw[column], calendar=pd.to_numeric(raw[year_col], errors="coerce").notna().all()
                               and str(year_col).strip().lower() not in _FISCAL_YEAR_NAMES)
        if found is None:
            return raw
        month, averages, per_year, numbered = found
        stamps = _from_year_month(year, month)
    valid = (stamps.notna() | averages).to_numpy()
    if stamps.notna().sum() < 2 or not valid[:max(len(valid) - _TRAILING_ROWS, 0)].all():
        return raw
    combined = _stamps_in_place(raw, year_col, column, stamps, joiner="-")
    if combined is raw:  # a column already has the combined name
        return raw
    combined = combined.loc[~averages.to_numpy()]
    combined.attrs = dict(raw.attrs)
    if averages.any() and numbered:  # SAP's special periods 13-16: a year's closing postings, no month
        combined.attrs["special_periods"] = {"rows": int(averages.sum())}
    elif averages.any():
        code = ", ".join(sorted(raw[column][averages.to_numpy()].astype("string").str.strip().str.upper().unique()))
        combined.attrs["summary_periods"] = {"rows": int(averages.sum()), "code": code}
    if weeks:
        made = next(col for col in combined.columns if col not in raw.columns)  # the combined column's name
        combined.attrs["numbered_weeks"] = {"column": made, "first_day": first_day}
    elif numbered:
        combined.attrs["periods_as_months"] = {"column": str(column)}
    return combined


def _fiscal_year_numbers(cells: pd.Series) -> pd.Series:
    """A year column's cells as numbers, fiscal years as the calendar years they name (``FY2020`` 2020; ``2019/20``
    2019, as ``_YEAR_SPAN`` reads a column of them): an Australian 'Financial Year' of 2019/20 beside its periods
    P01-P12 was taken for the date column alone, five time stamps."""
    text = cells.astype("string").str.strip()
    named = text.str.extract(r"^(?:FY\s*)?(\d{4})(?:\s*[-/]\s*(?:\d{2}|\d{4}))?$", flags=re.IGNORECASE)[0]
    return pd.to_numeric(cells, errors="coerce").astype("float64").fillna(pd.to_numeric(named, errors="coerce"))


def _period_months(cells: pd.Series, calendar: bool = True) -> tuple[pd.Series, pd.Series, int, bool] | None:
    """A period column beside a year (``_year_and_week``; its years ``calendar`` ones, not fiscal) as each row's first
    month (NaN where a cell is none), which rows are left out (the year's average: the BLS's M13, Q05; numbered
    periods' special periods 13-16), the periods of a year (12 or 4), and whether the periods are numbers
    (``_numbered_periods``) rather than codes (``_PERIOD_CODE``); None when they are neither."""
    codes = cells.astype("string").str.strip().str.upper().str.extract(_PERIOD_CODE.pattern + "$")
    number = pd.to_numeric(codes[1], errors="coerce").astype("float64")
    months, quarters, halves = ((codes[0] == letter).fillna(False) for letter in "MQS")
    if (months | quarters | halves).mean() < PARSE_SHARE:
        numbered = _numbered_periods(cells)
        if numbered is None and calendar and (fourths := _numbered_quarters(cells)) is not None:  # FHFA's 'yr',
            # 'period' 1-4 (beside calendar years: a financial year's period 1 is no January)
            return (fourths - 1) * 3 + 1, pd.Series(False, index=cells.index), 4, False
        return None if numbered is None else (*numbered, 12, True)
    if months.any() and quarters.any():
        return None
    per_year = 12 if months.any() else 4 if quarters.any() else 2
    averages = (number == per_year + 1).fillna(False)  # M13, Q05, S03: the year's average
    if per_year != 2:  # a monthly or quarterly series' halves (S01, S02) and their average (S03): averages too
        averages, number = (averages & ~halves) | halves, number.where(~halves)
    return (number.where(number.between(1, per_year)) - 1) * (12 // per_year) + 1, averages, per_year, False


def _numbered_periods(cells: pd.Series) -> tuple[pd.Series, pd.Series] | None:
    """An ERP's posting periods beside a year, written as numbers (``1``-``12``; SAP's ``001``-``012``), as the months
    they number, period 1 January (NaN where a cell is none), and the rows of SAP's special periods 13-16, a year's
    closing postings, left out (one a year stopped the whole column: 'Only 3 usable rows'); None unless one at least
    is above ``_QUARTERS_AT_MOST`` (periods 1-4 alone may be quarters). The file does not say in which month its
    fiscal year starts: the reading is said (``periods_as_months`` in the table's attrs)."""
    text = cells.astype("string").str.strip().str.replace(r"^P(?:ER(?:IOD)?)?\.?\s*(?=\d)", "", case=False, regex=True)
    number = pd.to_numeric(text, errors="coerce").astype("float64")  # P01-P12 as Dynamics and Xero write them
    whole = number % 1 == 0
    months = number.where(whole & number.between(1, 12))
    special = (whole & number.between(13, 16)).fillna(False).astype(bool)
    return (months, special) if months.max() > _QUARTERS_AT_MOST else None


def _numbered_quarters(cells: pd.Series) -> pd.Series | None:
    """Periods beside a year written 1 to 4 and no higher, all four of them, as quarters (FHFA's quarterly house price
    index: 'yr', 'period', read as steps); None otherwise."""
    number = pd.to_numeric(cells.astype("string").str.strip(), errors="coerce").astype("float64")
    known = number.dropna()
    if known.empty or number.isna().mean() > 1 - PARSE_SHARE or not ((known % 1 == 0) & known.between(1, 4)).all() \
            or known.nunique() != 4:
        return None
    return number.where(number.between(1, 4))


_WEEK_STARTS = {"Monday": 0, "Sunday": 6}  # ISO 8601's weeks; the US CDC's epidemiological (MMWR) weeks


def _numbered_weeks(year: pd.Series, week: pd.Series, named: str | None = None) -> tuple[pd.Series, str]:
    """The first day of week ``week`` of ``year`` (NaT where there is no such week), and that day's name: week 1 is
    the one holding 4 January, starting on a Monday (ISO 8601) or a Sunday (CDC's MMWR weeks), whichever leaves
    fewer weeks unread and fewer years whose last week in the data is not their last (the two count 53 weeks in
    different years); a tie: the day the columns' names say (``named``: ``MMWR Week``), else ISO's."""
    order = sorted(_WEEK_STARTS.items(), key=lambda item: item[0] != named)
    tried = [(*_weeks_from(year, week, weekday), day) for day, weekday in order]
    misfits, stamps, day = min(tried, key=lambda found: found[0])  # the first of a tie
    return stamps, day


def _week_start_named(names: str) -> str | None:
    """The first day of the week that columns' names say: Sunday for the CDC's (``MMWR``, ``epi``), Monday for ISO's."""
    lower = names.lower()
    return "Sunday" if "mmwr" in lower or "epi" in lower else "Monday" if "iso" in lower else None


# Words of a date or time column's name: a week column beside one does not date the rows
_DATE_WORDS = frozenset({"date", "datum", "day", "time", "timestamp", "datetime", "fecha", "zeit", "tag", "jour", "dia"})
_WEEK_DOT_YEAR = re.compile(r"^(\d{1,2})[./](\d{4})$")  # SAP's weeks beside their year: 05.2024 (KW 05/2024)


def _week_dot_years(cells: pd.Series) -> bool:
    """Whether a week column's cells are weeks and years written ``05.2024`` (SAP's 'Woche'; read as months, the
    weeks past 12 were unread and the column was the target)."""
    text = cells.dropna().astype("string").str.strip().iloc[:200]
    return len(text) > 0 and bool(text.str.fullmatch(_WEEK_DOT_YEAR).all())


def _years_and_weeks(cells: pd.Series) -> bool:
    """Whether a week column's cells are years and weeks in one number, ``202401`` (a dashboard's 'Week'), weeks past
    12 among them (no months): they were step numbers, 48 of them missing at each new year."""
    text = cells.dropna().astype("string").str.strip().iloc[:200]
    if len(text) == 0 or not text.str.fullmatch(r"(?:18|19|20|21)\d{2}(?:0[1-9]|[1-4]\d|5[0-3])").all():
        return False
    return bool((pd.to_numeric(text) % 100 > 12).any())


def _other_dates(raw: pd.DataFrame, col: object) -> bool:
    """Whether a column but ``col`` holds dates (a 'Week Ending' beside a 'Week' of 202402: its US week numbers)."""
    return any(parse_dates(raw[other].iloc[:50]) is not None for other in raw.columns
               if other != col and not pd.api.types.is_numeric_dtype(raw[other]))


def compact_year_weeks(raw: pd.DataFrame) -> pd.DataFrame:
    """A column of years and weeks written as one number (``epiweek`` 201301 ... 201453, ``_YEAR_WEEK_NAMES``) read
    as the weeks' first days, in its place (as a year column and a week column are: ``_numbered_weeks``); ``raw`` as
    it is where no such column reads so. Alone, the column was the target (a series of 201301, 201302, ...)."""
    dated = any(set(re.split(r"[\W_]+", str(col).lower())) & _DATE_WORDS for col in raw.columns)
    found = [col for col in raw.columns if str(col).strip().lower() in _YEAR_WEEK_NAMES or (
        not dated and str(col).strip().lower() in _WEEK_NAMES | {"kalenderwoche"} and (
            _week_dot_years(raw[col]) or _years_and_weeks(raw[col]) and not _other_dates(raw, col)))]
    if len(found) != 1:
        return raw
    text = raw[found[0]].astype("string").str.strip().str.replace(r"^(\d{4})[-_ ]?W?(\d{2})$", r"\1\2", regex=True)
    text = text.str.replace(_WEEK_DOT_YEAR, lambda cell: f"{cell[2]}{int(cell[1]):02d}", regex=True)
    code = pd.to_numeric(text.where(text.str.fullmatch(r"\d{6}").fillna(False)), errors="coerce").astype("float64")
    year, week = code // 100, (code % 100).where(lambda number: number.between(1, _WEEK_MOST))
    year = year.where(year.between(1800, 2200))
    stamps, first_day = _numbered_weeks(year, week, _week_start_named(str(found[0])))
    valid = stamps.notna().to_numpy()
    if valid.sum() < 2 or not valid[:max(len(valid) - _TRAILING_ROWS, 0)].all():
        return raw
    dated = raw.assign(**{found[0]: stamps})
    dated.attrs = {**raw.attrs, "numbered_weeks": {"column": str(found[0]), "first_day": first_day}}
    return dated


def _weeks_from(year: pd.Series, week: pd.Series, weekday: int) -> tuple[int, pd.Series]:
    """Each row's week starting on ``weekday`` (``_numbered_weeks``), and how many rows and years (not the last)
    misfit."""
    known = [int(y) for y in year.dropna().unique()]
    starts = {y: _first_week_start(y, weekday) for y in (*known, *(y + 1 for y in known))}  # once a year
    first = pd.to_datetime(year.map({y: starts[y] for y in known}))
    after = pd.to_datetime(year.map({y: starts[y + 1] for y in known}))
    stamps = (first + pd.to_timedelta((week - 1) * 7, unit="D")).where(lambda found: found < after)
    counts = ((after - first).dt.days // 7).groupby(year).first()
    inner = week.groupby(year).max().iloc[:-1]  # each year's last week but the last year's (the first's too: a flu
    # season from 2015's week 40 ends that year at week 52, which only CDC's weeks do, ISO's having a 53rd)
    return int(stamps.isna().sum()) + int((inner != counts.reindex(inner.index)).sum()), stamps


def _first_week_start(year: int, weekday: int) -> pd.Timestamp:
    """The day week 1 of ``year`` starts: the ``weekday`` (0 Monday ... 6 Sunday) on or before 4 January."""
    fourth = pd.Timestamp(year=year, month=1, day=4)
    return fourth - pd.Timedelta(days=(fourth.weekday() - weekday) % 7)


def period_of_rows(values: pd.Series, name: object) -> tuple[str | None, int]:
    """Whether a column's cells name the months (``Jan``, ``Januar``) or the quarters (``Q1``) of a year, each once,
    in its rows (numbers 1-12 or 1-4 only under a month's or quarter's name, ``_PERIOD_NAMES``): the rows of a table
    whose years run across its columns. ``(month or quarter, rows after them)`` when they do, up to
    ``_GRID_SUMMARY_ROWS`` rows at the end that do not (a ``Total`` row); ``(None, 1)`` when half of the cells or more
    do but not so (a grid this does not read); ``(None, 0)`` otherwise."""
    text = values.astype("string").str.strip().fillna("")
    named = _PERIOD_NAMES.get(str(name).strip().lower())
    mostly = False
    for per_year, kind in ((12, "month"), (4, "quarter")):
        numbers = _period_numbers(text, per_year)
        if per_year != named:
            numbers = numbers.where(~text.str.fullmatch(r"\d+"))
        found = numbers.notna().to_numpy()
        mostly |= found.mean() >= 0.5
        end = len(found) - int(np.argmax(found[::-1])) if found.any() else 0
        if (2 <= end and found[:end].all() and len(found) - end <= _GRID_SUMMARY_ROWS
                and not numbers.iloc[:end].duplicated().any()):
            return kind, len(found) - end
    return None, int(mostly)


def months_in_order(names: list[str], periods: int = 12) -> tuple[int, int] | None:
    """Where the months of a year run across a table's columns, January to December in order (``Jan``, ``Feb``, ...;
    ``Januar``, ...; not numbers), or its quarters (``periods`` 4: ``Q1`` to ``Q4``): (first, last + 1) of those names;
    None when no such names in a row do."""
    words = pd.Series([name if not name.strip().isdigit() else "" for name in names], dtype=object)
    numbers = _period_numbers(words, periods).to_numpy(dtype=float, na_value=np.nan)
    for start in range(len(numbers) - periods + 1):
        if np.array_equal(numbers[start:start + periods], np.arange(1, periods + 1)):
            return start, start + periods
    return None


def fiscal_months_in_order(names: list[str]) -> tuple[int, int, int] | None:
    """Where twelve months run across a table's columns in order from a month other than January, as a fiscal year's
    do (``Oct`` ... ``Sep``; ``Jul`` ... ``Jun``; ``Apr`` ... ``Mar``): (first, last + 1, the first month's number);
    None when no such names in a row do."""
    words = pd.Series([name if not name.strip().isdigit() else "" for name in names], dtype=object)
    numbers = _period_numbers(words, 12).to_numpy(dtype=float, na_value=np.nan)
    for start in range(len(numbers) - 11):
        first = numbers[start]
        if first > 1 and np.array_equal(numbers[start:start + 12], (np.arange(12) + first - 1) % 12 + 1):
            return start, start + 12, int(first)
    return None


def fiscal_years_ending(values: pd.Series) -> pd.Series | None:
    """The calendar year each of a column's fiscal years ends in (``FY2016``, ``FY16``: 2016, the year a fiscal year
    is named by where it starts after January; ``2015/16``, ``2015-16``: 2016; ``2016``: 2016), as ``years_of`` reads
    years (NaN in the last rows that are none: a total); None where the cells are no such years."""
    text = values.astype("string").str.strip()
    spans = text.str.extract(_YEAR_SPAN).apply(pd.to_numeric, errors="coerce").astype("float64")
    second = (spans[0] + 1).where(_second_year_follows(spans))  # ``2015/16``, ``1999/00``: the year it ends in
    named = _four_digit_years(pd.to_numeric(text.str.extract(_FISCAL_YEAR)[0]).astype("float64"))
    return years_of(second.fillna(named).astype("string").fillna(text))


def writes_year_span(cell: str) -> bool:
    """Whether ``cell`` writes a fiscal year as the two years it spans (``2015/16``): no doubt of the year it ends."""
    return _YEAR_SPAN.fullmatch(cell.strip()) is not None


def months_under_years(values: pd.Series) -> tuple[pd.Series, np.ndarray] | None:
    """For a column of year rows each followed by its months' rows (``2022``, ``Jan``, ..., ``Dec``, ``2023``, ``Jan``:
    an Excel pivot table grouped by years and months), the months' stamps (NaT on the year rows) and which rows are
    years (their subtotals); None for any other column. The first non-blank cell is a year, every other a year or a
    month's name, each year is followed by a month, and months are at least twice as many as years."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return None
    text = values.astype("string").str.strip().fillna("")
    filled = (text != "").to_numpy()
    if not filled.any() or not re.fullmatch(r"\d{4}", str(text[filled].iloc[0])):
        return None
    is_year = text.str.fullmatch(r"\d{4}").fillna(False).to_numpy(dtype=bool)
    is_quarter = text.str.fullmatch(_PIVOT_QUARTER).fillna(False).to_numpy(dtype=bool)  # Years, Quarters, Months
    months = _period_numbers(text.where(~is_year & ~is_quarter, ""), 12)
    is_month = months.notna().to_numpy()
    if (is_month | is_year | is_quarter)[filled].mean() < 1 or is_month.sum() < 2 * is_year.sum():
        return None
    years_at = np.flatnonzero(is_year[filled])
    after = np.flatnonzero(~is_quarter[filled])  # a year's next row that is no quarter: a month
    if years_at[-1] == filled.sum() - 1 or not is_month[filled][after[np.searchsorted(after, years_at + 1)
                                                                     .clip(max=len(after) - 1)]].all():
        return None  # a year without its months
    years = pd.to_numeric(text.where(is_year)).astype("float64").ffill()
    return _from_year_month(years.where(is_month), months.astype("float64")), is_year | is_quarter


_PIVOT_QUARTER = re.compile(r"(?:qtr|q)\s*[1-4]", re.IGNORECASE)  # Excel's Qtr1, as a pivot groups dates


def years_of(values: pd.Series) -> pd.Series | None:
    """Whole years from 1800 to 2100 (``2015``, ``2015.0``) as numbers, NaN in the rows at the end that are not (up
    to ``_TRAILING_ROWS``: notes, a total); None when two rows are not years or another row is not."""
    years = pd.to_numeric(values.astype("string").str.strip(), errors="coerce").astype("float64")
    years = years.where((years % 1 == 0) & years.between(1800, 2100))
    known = years.notna().to_numpy()
    last = len(known) - int(np.argmax(known[::-1])) if known.any() else 0
    if known.sum() < 2 or not known[:last].all() or len(known) - last > _TRAILING_ROWS:
        return None
    return years


def _period_numbers(values: pd.Series, per_year: int) -> pd.Series:
    """Months (1-12 or names) or quarters (1-4, Q1-Q4, or Qtr1-Qtr4 as an Excel pivot groups dates) as numbers; NaN
    for a cell that is neither."""
    text = values.astype("string").str.strip().str.lower()
    if per_year == 4:
        text = text.str.replace(r"^q(?:tr\s*)?", "", regex=True)
    numbers = pd.to_numeric(text, errors="coerce")
    if per_year == 12:  # NASS's stocks and inventories as of 'FIRST OF JAN': that month; CPC's 'DJF': January
        numbers = numbers.fillna(text.str.replace(_AS_OF_MONTH, "", regex=True).str.rstrip(".").map(_MONTH_NAMES))
        numbers = numbers.fillna(text.map(_RUNNING_SEASONS))
    numbers = pd.to_numeric(numbers, errors="coerce")
    return numbers.where((numbers % 1 == 0) & numbers.between(1, per_year))
