"""The interface's texts, one catalog per language: ``en`` (English) and ``zh`` (Simplified Chinese).

``t(key, lang, **params)`` fills a catalog entry; a key a language lacks falls back to English. Besides
Python's format specs a template may write ``{n:plural:row}`` ("1 row", "2 rows"), ``{n:were}`` ("was",
"were") and ``{n:hold}`` ("holds", "hold"):
the English messages of core's errors need them. Core speaks English: its errors and report lines
may carry a catalog ``key`` and ``params`` (``core.errors``), which ``said`` turns into the reader's language;
labels core makes (a frequency, a lab curve's name) are matched against the English templates under a
prefix by ``relabel``; texts of the model table are translated by name with ``core_text``.
"""
from __future__ import annotations

import numbers
import re
import string
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

import pandas as pd

from core.data.frequency import (SOME_DAYS, WEEKDAY_NAMES, Frequency, open_days, open_minutes, open_step_minutes,
                                 working_days)
from core.data.quality import format_stamp as iso_stamp
from core.data.tidy import Notice, QuotedNames
from core.errors import KeyedError
from core.i18n import en, zh

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT = "en"
LANG_PARAM = "lang"  # ?lang=zh in the URL opens the interface in that language
CATALOGS: dict[str, dict[str, str]] = {"en": en.MESSAGES, "zh": zh.MESSAGES}
CORE_TEXTS: dict[str, dict[str, str]] = {"zh": zh.CORE_TEXTS}  # the model table's texts, by name
# Parameters of core's messages whose values are English words with entries of their own, by key prefix.
LOCALIZED = {"frequency": "freq", "finer": "freq", "policy": "policy", "separators": "sep", "per": "per", "file_kind": "format",
             "weekday": "weekday"}
DATE_FIELDS = frozenset({"year", "month", "quarter", "half", "half_name", "day"})  # what a "date." template may use


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("plural:"):
            noun = format_spec.removeprefix("plural:")
            return f"{value:,} {noun}" if value == 1 else f"{value:,} {noun}s"
        if format_spec == "were":
            return "was" if value == 1 else "were"
        if format_spec == "hold":
            return "holds" if value == 1 else "hold"
        if _GROUPED_SIGNIFICANT.fullmatch(format_spec):
            return number_text(value, format_spec)
        return super().format_field(value, format_spec)


_GROUPED_SIGNIFICANT = re.compile(r"([+ ]?),\.(\d+)g")  # ``{value:+,.4g}``: significant digits, grouped


def number_text(value: Any, format_spec: str = ",.4g") -> str:
    """``value`` with ``format_spec`` (``,.4g``, ``+,.4g``: significant digits, thousands grouped), but a number of
    more whole digits than that written whole rather than in exponent notation: an MAE of 12,345.7 read '1.235e+04'."""
    found = _GROUPED_SIGNIFICANT.fullmatch(format_spec)
    real = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if found and real and 10 ** int(found.group(2)) <= abs(value) < 1e15:
        return format(value, f"{found.group(1)},.0f")
    return format(value, format_spec)


_FORMATTER = _Formatter()


def t(key: str, lang: str, **params: object) -> str:
    """The catalog entry ``key`` in ``lang`` (English when ``lang`` lacks it) filled with ``params``.

    Raises ``KeyError`` for a key the English catalog lacks: every text has an English entry.
    """
    template = CATALOGS.get(lang, {}).get(key)
    if template is None:
        template = CATALOGS[DEFAULT][key]
    return _FORMATTER.vformat(template, (), params)


def listed(items: Iterable[object], lang: str) -> str:
    """``items`` as one list in ``lang``: ``a, b, c``; in Chinese ``a、b、c``."""
    return t("list.separator", lang).join(str(item) for item in items)


def quoted_list(names: Iterable[object], lang: str, most: int = 12) -> str:
    """Names for a sentence in ``lang``, the first ``most``: ``'a', 'b'``; in Chinese ``“a”、“b”``."""
    marks = ("“", "”") if lang == "zh" else ("'", "'")
    return listed((f"{marks[0]}{name}{marks[1]}" for name in list(names)[:most]), lang)


def irregular_text(off: int, rows: int, per: str, lang: str) -> str:
    """What ``off`` of ``rows`` rows off the steps mean, and to combine them ``per`` a period (``day``, ``week``)."""
    return t("data.irregular", lang, off=off, rows=rows, per=relabel(per, lang, "per"), flag=per)


def has(key: str) -> bool:
    return key in CATALOGS[DEFAULT]


def placeholders(template: str) -> set[str]:
    """The names a template fills: ``{rows:,}`` -> ``rows``."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in _FORMATTER.parse(template) if name}


@cache
def _patterns(prefix: str) -> list[tuple[str, re.Pattern[str]]]:
    """The English entries under ``prefix`` as patterns, the longest fixed text first (so that
    "raw inputs, lr {lr} (largest smooth)" is tried before "raw inputs, lr {lr}")."""
    found = []
    for key, template in CATALOGS[DEFAULT].items():
        if key.startswith(prefix + "."):
            parts, fixed = [], 0
            for literal, name, _, _ in _FORMATTER.parse(template):
                parts.append(re.escape(literal))
                fixed += len(literal)
                if name:
                    parts.append(f"(?P<{name}>.+?)")
            found.append((fixed, key, re.compile("".join(parts), re.DOTALL)))
    return [(key, pattern) for _, key, pattern in sorted(found, key=lambda item: -item[0])]


def relabel(text: object, lang: str, prefix: str) -> str:
    """``text``, an English label core made, in ``lang``: the entry under ``prefix`` whose English template it
    matches, filled with what matched; ``text`` as it is when none matches."""
    label = str(text)
    if lang == DEFAULT:
        return label
    for key, pattern in _patterns(prefix):
        match = pattern.fullmatch(label)
        if match:
            return t(key, lang, **match.groupdict())
    return label


def message(key: str, params: Mapping[str, object], lang: str) -> str:
    """Core's message ``key`` in ``lang``, its English words (``LOCALIZED``) said in ``lang`` too, and the column names
    it quotes (``QuotedNames``) quoted and listed as ``lang`` does."""
    shown = {name: relabel(value, lang, LOCALIZED[name]) if name in LOCALIZED
             else quoted_list(value.names, lang) if isinstance(value, QuotedNames) else value
             for name, value in params.items()}
    if "weekdays" in params:  # the days of a working week, 'Tue Thu Sat'
        days = str(params["weekdays"]).split()
        shown["weekdays"] = t("list.days", lang).join(relabel(day, lang, "level") for day in days)
    if "setting" in params and "name" in params:  # a setting of the model table, named as the Train page names it
        shown["setting"] = core_text(f"setting.{params['name']}", lang, str(params["setting"]))
    return t(key, lang, **shown)


def said(item: object, lang: str) -> str:
    """What core said (an error or a report line) in ``lang``: by its key when it has one this catalog
    knows, else its English text."""
    if lang == DEFAULT or not isinstance(item, (KeyedError, Notice)) or item.key not in CATALOGS.get(lang, {}):
        return str(item)
    try:
        return message(str(item.key), item.params, lang)
    except KeyError:  # a notice made before its text took another number (a load cached across an update)
        return str(item)


CANDIDATE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {"zh": zh.CANDIDATE_WORDS}


ENSEMBLE = "ensemble of "
_MEMBERS = re.compile(r", (?![^()]*\))")  # between an ensemble's members, not inside a model's lags: AR(1-3, 12)
_TRANSFORMED = re.compile(r"(none|log|boxcox): (.+)")


def candidate_name(name: str, lang: str) -> str:
    """A model auto chose or backtested (``ensemble of ETS, log: ARIMA``) in ``lang``: its members word by word, each
    transform said after its model (``ARIMA (log)``; none is not said), the members listed as ``lang`` lists them:
    ``ensemble of ETS, log: ARIMA, dynamic theta`` read as four models among settings separated by commas."""
    ensemble = name.startswith(ENSEMBLE)
    members = [_member_name(member, lang) for member in _MEMBERS.split(name[len(ENSEMBLE):] if ensemble else name)]
    return t("candidate.ensemble", lang, members=listed(members, lang)) if ensemble else ", ".join(members)


def _member_name(member: str, lang: str) -> str:
    transform, model = match.groups() if (match := _TRANSFORMED.fullmatch(member)) else ("none", member)
    for english, said_so in CANDIDATE_WORDS.get(lang, ()):
        model = re.sub(rf"\b{re.escape(english)}\b" if english.isalpha() else re.escape(english), said_so, model)
    if transform == "none":
        return model
    return t("candidate.transformed", lang, model=model, transform=t(f"candidate.{transform}", lang))


def core_text(key: str, lang: str, english: str) -> str:
    """A text the model table holds in English (a model's help, a setting's label) in ``lang``, by name."""
    return CORE_TEXTS.get(lang, {}).get(key, english)


# Working weeks other than Monday to Friday, named with their days (each read as business-daily: Monday to Saturday
# was said as Monday to Friday is).
_WEEKS_SAID = {"C-MONSAT": "business-daily, Monday to Saturday", "C-SUNTHU": "business-daily, Sunday to Thursday",
               "C-TUESUN": "business-daily, Tuesday to Sunday", "C-WEDSUN": "business-daily, Wednesday to Sunday"}


def frequency_name(frequency: Frequency | str, lang: str) -> str:
    """``monthly`` in ``lang``; a working week other than Monday to Friday with its days; opening hours with theirs."""
    if isinstance(frequency, Frequency):
        if (minutes := open_minutes(frequency.alias)) is not None:  # within opening hours: which, and the days
            days = open_days(frequency.alias)
            on = "" if len(days) == 7 else ", " + " ".join(relabel(WEEKDAY_NAMES[day], lang, "level") for day in days)
            opens, closes = minutes
            last = closes - open_step_minutes(frequency.alias)  # the last step's start: 19:00 hourly, 19:30 half-hourly
            return (f"{relabel(frequency.name, lang, 'freq')} {opens // 60:02d}:{opens % 60:02d}-"
                    f"{last // 60:02d}:{last % 60:02d}{on}")
        if (frequency.alias or "").startswith(SOME_DAYS) and (days := working_days(frequency.alias)):
            return t("freq.some_days", lang, name=relabel(frequency.name, lang, "freq"),
                     days=t("list.days", lang).join(relabel(day, lang, "level") for day in days))
        frequency = _WEEKS_SAID.get(frequency.alias or "", frequency.name)
    return relabel(frequency, lang, "freq")


def format_stamp(value: object, frequency: Frequency, lang: str) -> str:
    """A time stamp as short as its frequency allows, as ``lang`` writes dates (1949-01, 1949年1月)."""
    key = f"date.{frequency.name}"
    if lang == DEFAULT or frequency.is_steps or key not in CATALOGS.get(lang, {}):
        return iso_stamp(value, frequency)
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    half = (stamp.month - 1) // 6 + 1
    return t(key, lang, year=stamp.year, month=stamp.month, quarter=stamp.quarter, half=half,
             half_name=t(f"half.{half}", lang), day=stamp.day)


def language_from(param: object, locale: object) -> str:
    """The URL's ``?lang=`` when it names a language, else the browser's locale (``zh*``: Chinese), else English."""
    if isinstance(param, str) and param in LANGUAGES:
        return param
    if isinstance(locale, str) and locale.lower().startswith("zh"):
        return "zh"
    return DEFAULT


# Regions whose language writes dates month first (01/31); regions where both orders are common; languages that write
# the year first. Any other region or language writes them day first (31/01).
MONTH_FIRST_REGIONS = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "UM", "VI", "PR", "BZ"})
BOTH_ORDER_REGIONS = frozenset({"CA", "KE", "GH"})
YEAR_FIRST_LANGUAGES = frozenset({"zh", "ja", "ko", "hu", "lt", "mn", "sv", "fa"})


def usual_day_first(locale: object) -> bool | None:
    """Whether the browser's ``locale`` (``en-GB``, ``de``, ``en-US``) writes dates day first: True, False (month
    first), or None where it does not say (``en`` alone, a region of both, a language that writes the year first);
    ``core.data.tidy.LoadOptions.usual_day_first``."""
    if not isinstance(locale, str) or not locale.strip():
        return None
    language, *subtags = locale.strip().replace("_", "-").split("-")
    # the region: the first subtag of two letters or three digits (en-US-POSIX, zh-Hant-TW, es-419)
    region = next((tag.upper() for tag in subtags if (len(tag) == 2 and tag.isalpha())
                   or (len(tag) == 3 and tag.isdigit())), "")
    language = language.lower()
    if region in MONTH_FIRST_REGIONS:
        return False
    if region in BOTH_ORDER_REGIONS or language in YEAR_FIRST_LANGUAGES or (language == "en" and not region):
        return None
    return True


class Texts:
    """The catalogs in one language, for a page: ``T("data.rows")`` is ``t("data.rows", lang)``;
    ``T.widget("data.target")`` the keyword arguments ``label`` and ``help`` of a widget (``data.target_help``),
    both filled with the same ``params``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def widget(self, key: str, **params: object) -> dict[str, str]:
        return {"label": t(key, self.lang, **params), "help": t(f"{key}_help", self.lang, **params)}

    def choices(self, key: str, options: list[Any], **params: object) -> dict[str, Any]:
        """A multiselect's label, help, ``options`` and placeholder in this language (Streamlit's own is English)."""
        return {**self.widget(key, **params), "options": options,
                "placeholder": t("widget.choose" if options else "widget.nothing", self.lang)}

    def words(self, prefix: str) -> Callable[[object], str]:
        """A widget's ``format_func`` saying core's English words (``policy``: mean, sum, ...) in this language."""
        return lambda word: relabel(word, self.lang, prefix)
