"""A raw table to several series: the id column(s) of a long file, or the value columns of a wide one.

The whole file is first read as one series (``probe``): that detects the time column, the target and
the numeric columns exactly as for a single series. The file then splits into one small raw frame per
series, each read again by the single-series rules (``tidy``) where it is fitted.
"""
from __future__ import annotations

import csv
import itertools
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from core.data.frequency import future_dates
from core.data.parsing import (MISSING_MARKERS, MIXED_FORMATS, ON_FIRST_OFFSET, TIME_OF_DAY, not_number_cells,
                               parse_dates)
from core.data.read import MAX_FILE_MB, check_count, column_text, read_bytes, read_table
from core.data.tidy import (COPIES_COUNTED, FILE_END, MIN_ROWS, ORDER_OVERRULED, PERIODS, SUMMED, WHOLE_ROW_KEY,
                            SERIES_LABELS, LoadedSeries, note_format,
                            LoadOptions, Notice, clock_times, copies_are_events, count, counts_steps,
                            drop_index_columns, labels_above_dates,
                            local_dates, named_as_steps, named_columns, names_a_measure, quoted_names,
                            row_context_columns, stamp_text, step_numbers, tidy_clean, tidy_table, without_units,
                            without_summary_rows)
from core.errors import DataError, KeyedError

ID_JOINER = "|"  # several id columns make one id: store "A", product "7" -> "A|7"
ALL_TARGETS = "all"  # --target all: every numeric column that is not the time, an id or a regressor
MAX_SERIES = 100_000  # TSR_MAX_SERIES
_MAX_ID_CANDIDATES = 8  # columns tried in pairs when no single column is the id
_ID_REPEATS = 0.02  # share of rows an id column may leave with a repeated time stamp (stray duplicated rows)
# The share of the rows outside a candidate id's largest series whose time stamps must repeat in the file: a long
# file's series share their stamps (each row of the others repeats one of the largest's, where they overlap), an
# event log's times meet by chance (a shop's sales log, 3 of whose 15,484 sales met a second of the same store's, was
# split by its sales' item counts, 1 to 4, and a payments log by its 400 customers).
_LEAST_SHARED_STAMPS = 0.1
# ... or this many, in a small file: one store's revised month among 49 rows (2.04%) made the file one series, the
# mean of two stores.
_STRAY_ROWS = 5
_AMBIGUOUS_DAY_FIRST = ("%d/%m/", "%m/%d/")  # formats whose day / month order tidy decides from the data


@dataclass(frozen=True)
class SeriesTask:
    """One series' share of the file: its rows of the time column, its target and the regressors, kept
    as column arrays (``raw`` makes the frame where the series is fitted: building 10,000 small frames
    in the process that splits the file cost it seconds, and arrays travel to workers for less)."""

    unique_id: str
    cells: dict[str, Any]  # column name -> the series' values (NumPy or pandas arrays), in file order
    options: LoadOptions  # time column, target and regressors fixed as found for the whole file
    attrs: dict[str, object] = field(default_factory=dict)  # the file's reader notes (decimal comma, ...)

    @classmethod
    def from_frame(cls, unique_id: str, raw: pd.DataFrame, options: LoadOptions) -> "SeriesTask":
        return cls(unique_id, {col: raw[col].array for col in raw.columns}, options, dict(raw.attrs))

    def load(self) -> LoadedSeries:
        """The series read by the single-series rules (``tidy_table`` of ``raw``); a clean series (typed stamps in
        order, no blank: most of a long file's) the same, without building and scanning its raw frame."""
        try:
            clean = tidy_clean(self.cells, self.options, self.attrs)
        except ValueError:  # pandas on stamps it cannot hold: tidy_table says it as a file problem
            clean = None
        series = clean or self._tidy()
        _note_early_end(series, self.attrs.get(FILE_END), self.attrs.get(_ID_COLUMNS, ()))
        if (found := self.attrs.get(STAMPS_READ)) and series.date_col and not any(
                getattr(notice, "key", "") == "notice.first_offset" for notice in series.report.notices):
            if self.attrs.get(ON_THE_FIRST_OFFSET):  # its times all carry it: none moved, downloads still write it
                series.report.date_format = str(found)
            else:
                note_format(str(found), series.date_col, series.report)  # several UTC offsets read on the first
        return series

    def _tidy(self) -> LoadedSeries:
        """``tidy_table`` of the series; one whose rows already have a period each where the file's are combined
        (``--per week``: a stock-take's item counted once a week beside items used daily) read as written, said: it
        was skipped ('combines none of them')."""
        try:
            return tidy_table(self.raw, self.options)
        except DataError as problem:
            if problem.key != "err.per_none":
                raise
        series = tidy_table(self.raw, replace(self.options, per=""))
        series.report.notices.append(Notice(f"Its rows already have a {self.options.per} each: read as written.",
                                            "notice.per_as_written", {"per": self.options.per}))
        return series

    @property
    def raw(self) -> pd.DataFrame:
        """The series' raw rows as a frame, as the single-series reader would get them."""
        frame = pd.DataFrame(self.cells)
        frame.attrs = dict(self.attrs)  # decimal-comma files keep their cells as text for tidy to parse
        return frame


@dataclass(frozen=True)
class PanelLayout:
    """How a file holds its series: ``probe`` is the whole file read as one series; ``id_text`` the id columns'
    cells as the file writes them, where the reader typed them (numbers, null markers), else None."""

    probe: LoadedSeries
    id_cols: tuple[str, ...]
    targets: tuple[str, ...]
    id_text: pd.DataFrame | None = None
    finer_id: tuple[str, int] | None = None  # a column that would tell apart rows the ids leave alike (``finer_id``)
    blank_columns: tuple[str, ...] = ()  # columns blank in every row, passed over by ``--target all``

    @property
    def is_single(self) -> bool:
        """One series: the single-series behaviour and output layout apply unchanged."""
        return not self.id_cols and len(self.targets) == 1


ExactText = Callable[[tuple[str, ...]], "pd.DataFrame | None"]  # columns -> their cells as written (``column_text``)


def read_raw(source: str | Path, sheet: str | int = 0, decimal: str = "") -> tuple[pd.DataFrame, ExactText]:
    """The file's own table (of a workbook, its ``sheet``; ``decimal``: its decimal mark, "" to detect it), read as
    ``load_series`` reads it, and how to get some of its columns' cells as the file writes them (for series ids)."""
    data, name = read_bytes(source, "", MAX_FILE_MB)
    return without_summary_rows(read_table(data, name, sheet, decimal)), lambda columns: column_text(data, columns)


def plan_layout(raw: pd.DataFrame, options: LoadOptions, id_text: str | tuple[str, ...] | None,
                target_text: str | None, detect: bool = True, exact: ExactText | None = None) -> PanelLayout:
    """Find the series in ``raw``: given or detected id columns, and one or several targets.

    ``id_text``: ``--id-col`` (``NAME`` or ``A,B``), or the column names themselves; ``target_text``:
    ``--target`` (``NAME``, ``A,B`` or ``all``). ``options.target`` is ignored: the target comes from
    ``target_text``. ``detect=False``: no id column unless one is given. ``exact`` gives columns' cells as the
    file writes them: ids the reader typed (``007`` read as 7, ``NA`` as blank) are told apart by their text.
    """
    table = _stripped(raw)
    given_ids = _column_list(id_text, list(table.columns), "series id")
    wanted = _wanted_targets(target_text, list(table.columns))
    _check_roles(given_ids, options, wanted)
    _check_ids_are_not_measures(table, given_ids)
    text_rows: DataError | None = None  # the target's cells of text, left out of the probe only
    try:
        probe = _probe(raw, given_ids, options, wanted)
    except DataError as problem:
        if detect and not given_ids and problem.key == "err.regressor_not_numeric":
            _regressor_problem_without_ids(raw, table, options, wanted)
        if problem.key == "err.too_few_rows" and int(problem.params.get("combined", 0)) >= int(problem.params["rows"]):
            raise _stamps_too_few(len(raw), problem) from None
        if problem.key not in TEXT_TARGET or (probe := _probe_without_text(raw, given_ids, options, wanted,
                                                                         problem)) is None:
            raise
        text_rows = problem
    if probe.date_col is None and options.date_col is None and (detect or given_ids):
        stepped = _step_column_of_series(table, given_ids, _not_ids(table, probe, wanted))
        if stepped is not None:  # ``unique_id, ds, y`` with ``ds`` 1, 2, 3 ... in each series: read as their steps
            options = replace(options, date_col=stepped)
            probe = _probe(raw, given_ids, options, wanted)
    written = _as_written(table, given_ids or (_typed_columns(table, probe) if detect else ()), exact)
    keyed = table.assign(**{col: written[col] for col in written.columns}) if written is not None else table
    # A time column written in several ways repeats its stamps only once they are read as dates.
    stamped = _dates_parsed(keyed, probe) if probe.report.date_format.startswith(MIXED_FORMATS) else keyed
    found = detect_id_columns(stamped, probe.date_col, exclude=(*_not_ids(keyed, probe, wanted),
                                                                *_times_combined(table, options))) \
        if detect and not given_ids else ()
    ids = given_ids or found
    if text_rows is not None and not ids:  # one series, whose target holds text: refused as it was
        raise text_rows
    if ids and not given_ids and wanted is None and probe.target in ids:
        ids = _without_target_id(raw, ids, options, probe)
        if ids:
            probe = _probe(raw, ids, options, wanted)  # an integer id was taken for the target: read again without it
    if ids and wanted is None and (other := _varying_instead(table, ids, probe)) is not None:
        probe = _probe(raw, given_ids, options, (other,))  # (a block's 'Acres' was taken before its 'Tons')
    id_text = written[[col for col in ids if col in written.columns]] if written is not None else None
    finer = finer_id(stamped, given_ids, probe.date_col, (*_not_ids(keyed, probe, wanted), probe.target)) \
        if given_ids else None  # (not the target itself: FBA's 'quantity' was offered as an id)
    blank = tuple(col for col in table.columns if table[col].isna().all()) if wanted == (ALL_TARGETS,) else ()
    return PanelLayout(probe=probe, id_cols=ids, targets=_targets(probe, wanted, ids, list(table.columns)),
                       id_text=id_text if id_text is not None and len(id_text.columns) else None, finer_id=finer,
                       blank_columns=blank)


def _without_target_id(raw: pd.DataFrame, ids: tuple[str, ...], options: LoadOptions,
                       probe: LoadedSeries) -> tuple[str, ...]:
    """The detected ids, or none where the file read without them has no other target and the id is named as a measure:
    a log of only ``Date,Amount`` whose amounts are whole hundreds, each once a day, told its rows apart by amount
    (refused: the id held the values); a call log's 'Extension' stays refused (its mean is no series)."""
    if not all(names_a_measure(col) for col in ids):
        return ids
    try:
        _probe(raw, ids, options, None)
    except DataError as problem:
        if problem.key == "err.id_is_target":
            return ()
    return ids


def finer_id(table: pd.DataFrame, ids: tuple[str, ...], date_col: str | None,
             exclude: tuple[str, ...]) -> tuple[str, int] | None:
    """A column that tells apart the rows the given ids leave at one time stamp (``region`` given, ``product`` within
    it), and how many rows repeat a stamp: each series is then the mean of its rows at a time. None when the stamps
    repeat no more than stray rows do, or no one column separates them."""
    if date_col is None or date_col not in table.columns or not table[[*ids, date_col]].duplicated().any():
        return None
    rows = table.drop_duplicates()
    repeats = int(rows[[*ids, date_col]].dropna().duplicated().sum())
    if repeats <= _stray_rows(len(rows)):
        return None
    finer = [col for col in rows.columns if col not in ids and _may_be_id(rows, col, date_col, exclude)
             and _separates(rows, (*ids, col), date_col, repeats)]
    return (str(finer[0]), repeats) if finer else None


def finer_id_note(ids: tuple[str, ...], finer: tuple[str, int], policy: str) -> str:
    """``finer_id`` said for the command line; ``policy`` combines the rows of a time (``--duplicates``)."""
    column, repeats = finer
    return (f"The time stamps repeat within each series of {quoted_names(list(ids))} ({count(repeats, 'row')}), so "
            f"each series is the {policy} of its rows at a time; '{column}' tells those rows apart: --id-col "
            f"{shlex.quote(','.join((*ids, column)))} makes one series of each.")  # ('3 Mode,NTD ID' quoted)


def _regressor_problem_without_ids(raw: pd.DataFrame, table: pd.DataFrame, options: LoadOptions,
                                   wanted: tuple[str, ...] | None) -> None:
    """Raise a regressor's problem again without the file's detected id columns, so that the columns it offers
    instead are measures, not the ids of a long file (``store`` 101, 102 is numeric too); returns when no id column
    is found or the file then reads."""
    loose = _probe(raw, (), replace(options, regressors=()), wanted)
    if found := detect_id_columns(table, loose.date_col, exclude=_not_ids(table, loose, wanted)):
        _probe(raw, found, options, wanted)


def _stamps_too_few(rows: int, problem: DataError) -> DataError:
    """The whole file read as one series is too short because its time stamps repeat (as many rows were combined as
    are left): several series, each too short ("Only 4 usable rows" described a file of 100). Rows left out for a
    blank value or an unreadable date keep the single-series message."""
    stamps, least = int(problem.params["rows"]), int(problem.params["least"])
    return DataError(f"The file's {rows:,} rows hold only {count(stamps, 'distinct time stamp')}; a series needs at "
                     f"least {least}. If another column holds the dates (the one read repeats), choose it as the Date "
                     "column (--date-col). If the file holds several series (one per store, say), each is too short to "
                     "split and fit: load longer series.", "err.stamps_too_few",
                     {"rows": rows, "stamps": stamps, "least": least})


def _typed_columns(table: pd.DataFrame, probe: LoadedSeries) -> tuple[str, ...]:
    """Columns that may be ids but whose cells the reader changed: whole numbers (``007`` is 7, and a blank
    makes them floats) and text with blanks (the reader's null markers include ``NA``)."""
    def typed(values: pd.Series) -> bool:
        if pd.api.types.is_bool_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
            return False
        if pd.api.types.is_integer_dtype(values):
            return True
        if pd.api.types.is_float_dtype(values):
            known = values.dropna()
            return bool(len(known)) and bool((known % 1 == 0).all())
        return _is_text(values) and bool(values.isna().any())
    keys = {col for col in table.columns if col != probe.date_col and _keys_of_each_stamp(table, col, probe.date_col)}
    roles = {probe.date_col, probe.target, *probe.regressors} - keys  # (pypistats' versions were the target)
    return tuple(col for col in table.columns  # (ICD-9's 250.00 was 250.0)
                 if col not in roles and (typed(table[col]) or _decimal_codes(col, table[col]) or col in keys))


def _as_written(table: pd.DataFrame, columns: tuple[str, ...], exact: ExactText | None) -> pd.DataFrame | None:
    """The cells of ``columns`` as the file writes them, on ``table``'s rows; None without a way to read them
    (workbooks, Parquet) or when the rows do not line up."""
    if exact is None or not columns:
        return None
    cells = exact(columns)
    if cells is None or not table.index.isin(cells.index).all():
        return None
    return cells.loc[table.index]


def _times_combined(table: pd.DataFrame, options: LoadOptions) -> tuple[str, ...]:
    """Columns of times of day where the rows are combined per day or longer (``--per``): the day's rows are one
    (a church's services at 9:00 AM and 11:00 AM were two series, and 'per week' was refused for each)."""
    if options.per in ("", "minute", "hour"):
        return ()
    return tuple(col for col in table.columns if _is_text(table[col]) and (cells := table[col].dropna().astype(
        "string").str.strip()).size and bool(cells.str.fullmatch(TIME_OF_DAY).all()))


def _not_ids(table: pd.DataFrame, probe: LoadedSeries, wanted: tuple[str, ...] | None) -> tuple[str, ...]:
    """Columns that cannot be the id: the regressors, the named targets, and measures: numbers written with a decimal
    mark (a decimal-comma file keeps them as text; ``_is_measured``). Whole numbers with a word among them (stores
    101 ... 130 and ``ONLINE``, or ``unknown``) may be ids: read as numbers with one unreadable cell, they made a file
    of 31 stores one series."""
    named = () if wanted is None or wanted == (ALL_TARGETS,) else wanted
    measures = tuple(col for col in probe.numeric_columns if col in table and not _is_number(table[col])
                     and not _decimal_codes(col, table[col]) and _is_measured(table[col])
                     and not _keys_of_each_stamp(table, col, probe.date_col))
    return (*probe.regressors, *named, *measures)


def detect_id_columns(raw: pd.DataFrame, date_col: str | None, exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The column (or pair, or three, of columns) that tells the series of a long file apart; ``()`` when none does.

    Only a file whose time column repeats holds several series (on ``_LEAST_SHARED_STAMPS`` of the rows outside a
    candidate's largest series at least: times that meet by chance make none). A candidate holds text, or whole
    numbers, is not the time column nor in ``exclude``, and its values repeat (at most one distinct
    value per two rows); it is the id when the time column is unique within each of its values. Columns without a
    blank are preferred (Our World in Data's ``Code`` is blank for regions, its ``Entity`` never), then text
    columns to integer ones, then fewer distinct values, then the file's order. When no single column qualifies, pairs
    of the first candidates are tried the same way, then threes (``_id_triple``). Rows exported twice (alike in every
    column) count once: the stray repeats ``_separates`` allows are of stamps with other values.
    """
    if date_col is None or date_col not in raw.columns:
        return ()
    if not raw[date_col].dropna().duplicated().any():  # blank stamps are no repeats (a Shopify export's line items)
        return _kinds_in_units(raw, date_col, exclude) or _entity_ids(raw, date_col, exclude)
    raw = raw.drop_duplicates()
    stamp_repeats = int(raw[date_col].dropna().duplicated().sum())
    if not stamp_repeats or _lines_of_documents(raw, date_col):
        return ()
    candidates = sorted((col for col in raw.columns if _may_be_id(raw, col, date_col, exclude)),
                        key=lambda col: _id_rank(raw, col))
    kinds = _kinds_in_units(raw, date_col, exclude)  # Apple Health's 'type' of each unit, with its 'sourceName' (read
    if kinds and (found := _with_kinds(raw, kinds[0], candidates, date_col, stamp_repeats)):  # by source: steps and
        return found  # heart rates summed together)
    searched = _searched_ids(raw, candidates, date_col, stamp_repeats)
    return searched if not kinds or kinds[0] in searched else kinds  # (FAOSTAT's element with its area and item)


def _searched_ids(raw: pd.DataFrame, candidates: list[str], date_col: str, stamp_repeats: int) -> tuple[str, ...]:
    """``detect_id_columns``' search among the ``candidates``: one column, else a pair, else three."""
    single = next((col for col in candidates  # alone, an id is filled on most rows (a well file's 'Comments' on 5%)
                   if raw[col].notna().mean() >= _FILLED_ID and _separates(raw, (col,), date_col, stamp_repeats)
                   and _series_long_enough(raw, (col,)) and not _numbers_apart_by_chance(raw, (col,), date_col)),
                  None)
    if single is not None and not _all_numbers(raw, (single,)):
        return (single,)
    filled = [col for col in candidates if raw[col].notna().mean() >= _FILLED_ID]  # Uber Eats' 'Other payments
    # description', on its weekly ad rows only, with 'Store Name': 1,415 of 1,432 rows were left out without an id
    pairs = [(a, b) for i, a in enumerate(filled[:_MAX_ID_CANDIDATES]) for b in filled[i + 1:_MAX_ID_CANDIDATES]]
    found = [pair for pair in pairs
             if _separates(raw, pair, date_col, stamp_repeats) and _series_long_enough(raw, pair)
             and not _numbers_apart_by_chance(raw, pair, date_col)]
    if single is not None:  # whole numbers alone, unless two text columns tell fewer series apart: a KDP report's
        named = [pair for pair in found if not any(_all_numbers(raw, (col,)) for col in pair)]  # pages read, each
        fewer = [pair for pair in named if _series_count(raw, pair) < _series_count(raw, (single,))]  # day's apart
        found = fewer or [(single,)]
    if not found:
        return _id_triple(raw, filled[:_MAX_ID_CANDIDATES], date_col, stamp_repeats)
    best = min(found, key=lambda pair: _series_count(raw, pair))
    return tuple(col for col in raw.columns if col in best)  # in the file's order


_FIRST_LINES = 0.9  # of a document's first lines (and of its other lines) that fill (leave blank) its totals


def _lines_of_documents(raw: pd.DataFrame, date_col: str) -> bool:
    """Whether the rows that share a time stamp are the lines of one document: a column is filled on the first row of
    nearly every stamp of several rows and blank on nearly every other (Shopify's orders export: 'Total', 'Taxes' on
    an order's first line only, each line its product). Its products are no series: each product's 'Total' was the
    orders' it happened to come first in, filled in between."""
    stamps = raw[date_col]
    shared = stamps.notna() & stamps.duplicated(keep=False)
    if shared.sum() < _SHORT_SERIES:
        return False
    first = ~stamps[shared].duplicated().to_numpy()
    rows = raw[shared]
    for col in raw.columns:
        if col == date_col:
            continue
        filled = rows[col].notna().to_numpy() & (rows[col].astype("string").str.strip() != "").fillna(False).to_numpy()
        if filled[first].mean() >= _FIRST_LINES and (~filled[~first]).mean() >= _FIRST_LINES:
            return _names_documents(rows, date_col)  # (not a store's people counter on the first of each day's rows)
    return False


def _names_documents(shared: pd.DataFrame, date_col: str) -> bool:
    """Whether a column of the rows that share their stamps (``shared``) names each stamp's document: one value within
    every stamp's rows, a value of its own for most stamps (Shopify's order 'Name', '#1001')."""
    groups = shared.groupby(date_col, sort=False)
    stamps = groups.ngroups
    for col in shared.columns:
        if col == date_col or shared[col].isna().any():
            continue
        if (groups[col].nunique() == 1).all() and shared[col].nunique() >= 0.5 * stamps:
            return True
    return False


def _series_count(raw: pd.DataFrame, cols: tuple[str, ...]) -> int:
    """How many series the columns ``cols`` tell apart."""
    return int(raw[list(cols)].drop_duplicates().shape[0])


def _numbers_apart_by_chance(raw: pd.DataFrame, cols: tuple[str, ...], date_col: str) -> bool:
    """Whether ``cols`` hold whole numbers that tell a time's rows apart by chance, not as series: short series
    (under ``_SHORT_SERIES`` rows for most values) that share few of the file's stamps (a church's head count of kids,
    each Sunday's apart, made 31 series; a KDP report's pages read). A meter's number, each read on its own day of
    the month, keeps long series; stores keep the stamps."""
    if not any(_all_numbers(raw, (col,)) for col in cols):
        return False
    short = float(raw.groupby(list(cols)).size().median()) < _SHORT_SERIES
    return short and not _share_the_stamps(raw, cols, date_col, _SHARED_BY_NUMBERS)


_SHORT_SERIES = 12  # rows of a typical series told apart by whole numbers, below which they may be apart by chance


def _all_numbers(raw: pd.DataFrame, cols: tuple[str, ...]) -> bool:
    """Whether every column of ``cols`` holds whole numbers: a pair of them is ids only where its series share the
    stamps (Walmart's Store and Dept); a poll list's 'approve' and 'disapprove' told its polls apart by chance (89
    series of a few polls each)."""
    return all(pd.api.types.is_integer_dtype(raw[col]) or _is_number(raw[col]) for col in cols)


_SHARED_STAMPS = 0.3  # of the file's stamps within its span that the typical series of three columns holds


_SHARED_BY_NUMBERS = 0.1  # ... that a pair of whole numbers' typical series holds (a sparse log by store and item:
# a quarter; a poll list's shares: a few polls in a year)


def _share_the_stamps(raw: pd.DataFrame, cols: tuple[str, ...], date_col: str, least: float = _SHARED_STAMPS) -> bool:
    """Whether the median series of ``cols`` holds ``_SHARED_STAMPS`` of the file's distinct time stamps from its own
    first to its last, as a long file's series do (FAOSTAT's: every year of Czechoslovakia's or Czechia's years;
    a crop's weeks planted each spring); a bookings log's room type, rate plan and guest country make 160 'series' of a
    few dates each of a year."""
    stamps = np.sort(raw[date_col].dropna().unique())
    spans = raw.dropna(subset=[date_col]).groupby(list(cols), sort=False)[date_col].agg(["min", "max", "nunique"])
    if not len(stamps) or spans.empty:
        return False
    within = np.searchsorted(stamps, spans["max"].to_numpy(), side="right") - np.searchsorted(
        stamps, spans["min"].to_numpy(), side="left")
    return bool(np.median(spans["nunique"].to_numpy() / np.maximum(within, 1)) >= least)


_TRIPLE_ROWS = 50_000  # rows of a file whose candidates are tried in threes (``_id_triple``: 0.6 s more at most)


def _id_triple(raw: pd.DataFrame, candidates: list[str], date_col: str, stamp_repeats: int) -> tuple[str, ...]:
    """Three of the first ``candidates`` that tell the series apart where no pair does (FAOSTAT's bulk download: an
    area, an element and an item; its 12 series were averaged into one of hectares, tonnes and yields): of those with
    the fewest series, the one with the fewest columns of codes (digits: 'Area Code (M49)' beside 'Area'), in the file's
    order; ``()`` for none, or a file over ``_TRIPLE_ROWS`` rows."""
    if len(raw) > _TRIPLE_ROWS:
        return ()
    found = [triple for triple in itertools.combinations(candidates, 3)
             if _separates(raw, triple, date_col, stamp_repeats) and _series_long_enough(raw, triple)
             and _share_the_stamps(raw, triple, date_col)]
    if not found:
        return ()
    coded = {col: bool(raw[col].astype("string").str.contains(r"\d", regex=True).mean() > 0.5) for col in candidates}
    best = min(found, key=lambda triple: (raw[list(triple)].drop_duplicates().shape[0],
                                          sum(coded[col] for col in triple)))
    return tuple(col for col in raw.columns if col in best)


def _step_column_of_series(table: pd.DataFrame, ids: tuple[str, ...], exclude: tuple[str, ...]) -> str | None:
    """A column of whole numbers named as time or steps (``ds``, ``t``, ``step``) that repeats in the file but rises
    by one within each series (``counts_steps``): of the given ``ids``, or of ids ``detect_id_columns`` finds for it;
    None when there is none."""
    for col in table.columns:
        if col in ids or not named_as_steps(col) or not table[col].duplicated().any():
            continue
        steps = step_numbers(pd.to_numeric(table[col], errors="coerce"))
        if steps is None:
            continue
        stepped = table.assign(**{col: steps})
        found = ids or detect_id_columns(stepped, col, exclude)
        if found and all(counts_steps(part.to_numpy()) for _, part in stepped.groupby(list(found), sort=False)[col]
                         if len(part) > 1):  # each series' steps rise by one: not seconds, nor a measure that repeats
            return str(col)
    return None


def series_ids(raw: pd.DataFrame, id_cols: tuple[str, ...]) -> pd.Series:
    """Each row's series id as text: the id columns' values joined by ``ID_JOINER``; NA when one is blank."""
    return _joined(pd.DataFrame({col: _id_text(raw[col]) for col in id_cols}))


def _joined(parts: pd.DataFrame) -> pd.Series:
    """The columns of ``parts`` (ids as text) joined by ``ID_JOINER``, row by row; NA when one is blank."""
    key = parts.iloc[:, 0]
    for col in parts.columns[1:]:
        key = key.str.cat(parts[col], sep=ID_JOINER)
    return key


def split_series(raw: pd.DataFrame, layout: PanelLayout) -> tuple[list[SeriesTask], int]:
    """One task per series, in order of first appearance (then target order), and the number of rows
    dropped for a blank id. Raises ``LimitError`` beyond ``TSR_MAX_SERIES`` series."""
    probe = layout.probe
    stripped = _stripped(raw)
    table = _dates_parsed(stripped, probe)
    if layout.id_text is not None:  # the ids as the file writes them
        table = table.assign(**{col: layout.id_text[col] for col in layout.id_text.columns})
    if layout.id_cols:
        parts = pd.DataFrame({col: _id_text(table[col]) for col in layout.id_cols})
        key = _joined(parts)
        blank, distinct = int(key.isna().sum()), int(key.nunique())
        if len(layout.id_cols) > 1 and distinct < len(parts.dropna().drop_duplicates()):  # an id holding the joiner
            names = ", ".join(layout.id_cols)
            raise DataError(f"The series ids of {names} joined by '{ID_JOINER}' name different series alike (an id "
                            f"holds '{ID_JOINER}' itself): remove '{ID_JOINER}' from the ids, or name one id column.",
                            "err.ids_collide", {"columns": names, "joiner": ID_JOINER})
    else:
        key, blank, distinct = None, 0, 1
    check_count(distinct * len(layout.targets), "series", "TSR_MAX_SERIES", MAX_SERIES,
                "fit fewer series at a time (split the file)")
    rows = {"": np.arange(len(table))} if key is None else key.groupby(key, sort=False).indices
    columns = {target: _series_columns(probe, target, table) for target in layout.targets}
    cells = {col: table[col].array for target in layout.targets for col in columns[target]}
    keyed = [WHOLE_ROW_KEY] if (whole := _whole_row_keys(table, layout.id_cols, probe.date_col)) is not None else []
    cells.update({WHOLE_ROW_KEY: whole} if whole is not None else {})
    ends = {target: _last_value_stamp(table, probe.date_col, target) for target in layout.targets}
    counted = {} if whole is None or not probe.date_col else {COPIES_COUNTED: copies_are_events(
        drop_index_columns(table), stripped[probe.date_col], table[probe.date_col], layout.id_cols)}
    offsets = _offsets_written(stripped[probe.date_col]) if STAMPS_READ in table.attrs else None
    tasks = [SeriesTask(unique_id=_series_name(str(uid), target, layout),
                        cells={col: cells[col].take(positions) for col in [*columns[target], *keyed]},
                        options=_series_options(probe, target),
                        attrs={**table.attrs, FILE_END: ends[target], SERIES_LABELS: tuple(str(uid).split(ID_JOINER)),
                               **counted, ON_THE_FIRST_OFFSET: _on_the_first_offset(offsets, positions),
                               _ID_COLUMNS: tuple(str(col) for col in layout.id_cols)})
             for uid, positions in rows.items() for target in layout.targets]
    if not tasks:
        columns = "/".join(layout.id_cols)
        raise DataError(f"Every row's {columns} is blank: fill in the series id, or choose another id column (--id-col "
                        "on the command line).", "err.ids_blank", {"columns": columns})
    return tasks, blank




def _offsets_written(stamps: pd.Series) -> np.ndarray:
    """The UTC offset each stamp of ``stamps`` is written with ('+01:00', 'Z'; '' for none)."""
    text = stamps.astype("string").str.strip()
    return text.str.extract(_UTC_OFFSET_WRITTEN, expand=False).fillna("").to_numpy(dtype=object)


def _on_the_first_offset(offsets: np.ndarray | None, positions: np.ndarray) -> bool:
    """Whether the stamps of a series at ``positions`` all carry the file's first offset (``offsets``), read on
    which none of them moves."""
    if offsets is None or not (written := offsets[offsets != ""]).size:
        return False
    return set(offsets[positions]) - {""} == {written[0]}


def _last_value_stamp(table: pd.DataFrame, date_col: str | None, target: str) -> pd.Timestamp | None:
    """The last time stamp of ``table`` with a value written in ``target``; None without time stamps."""
    if not date_col or not pd.api.types.is_datetime64_any_dtype(table[date_col]):
        return None
    if target not in table.columns:  # rows counted: every row is a value
        return table[date_col].max()
    cells = table[target]
    if pd.api.types.is_numeric_dtype(cells):
        written = cells.notna().to_numpy()
    else:  # text: neither blank nor a missing-value marker (Eurostat's ':', '-')
        text = cells.astype("string").str.strip().fillna("")
        written = ((text != "") & ~text.isin(MISSING_MARKERS)).to_numpy()
    stamps = table.loc[written, date_col]
    return None if stamps.isna().all() else pd.Timestamp(stamps.max())


def _note_early_end(series: LoadedSeries, file_end: pd.Timestamp | None, ids: Sequence[str] = ()) -> None:
    """A notice on a series whose values end before the file's (a product that stopped selling): its forecast and the
    rows after its end given as its future start there, not where the other series' do, which nothing said; ``ids``:
    the file's series id columns."""
    if file_end is None or series.frequency.is_steps or not len(series.frame) or _partial_at(series, file_end):
        return
    end = pd.Timestamp(series.frame["ds"].iloc[-1])
    if future_dates(end, series.frequency, 1).iloc[0] <= file_end:  # a step of its own or more (not a month's end)
        last, latest = stamp_text(end), stamp_text(file_end)
        if (zeros := _periods_of_none(series, end, file_end, ids)) is not None:
            series.frame = pd.concat([series.frame, zeros], ignore_index=True)
            periods = len(zeros)
            series.report.notices.append(Notice(
                f"Its rows end at {last}, before the file's last at {latest}: its {count(periods, 'period')} "
                "after it until then hold no row, each 0 as a sum of none.", "notice.series_ends_early_zeros",
                {"end": last, "file_end": latest, "periods": periods}))
            return
        series.report.notices.append(Notice(
            f"Its values end at {last}, before the file's last value at {latest}: its forecast starts after {last}.",
            "notice.series_ends_early", {"end": last, "file_end": latest}))


def _periods_of_none(series: LoadedSeries, end: pd.Timestamp, file_end: pd.Timestamp,
                     ids: Sequence[str] = ()) -> pd.DataFrame | None:
    """Where a series' rows are summed per period (``--per month --duplicates sum``) and end before the file's, the
    whole periods after its last until the file's end, each 0 (a client who stopped ordering in May: June to
    September were forecast as its future, where they were months of nothing); None otherwise (readings, regressors
    to fill, or no whole period between)."""
    options = series.options
    if options is None or not options.per or options.duplicates not in SUMMED or series.future is not None \
            or list(series.frame.columns) != ["ds", "y"] \
            or _reads_a_sensor(str(series.target), [*series.columns, *ids]):
        return None  # (a rain gauge removed: no drought)
    # its own last period left out as partial (a store that closed on a Wednesday): the zeros start after it
    partial = any(getattr(notice, "key", "") == "notice.per_partial_last" for notice in series.report.notices)
    stamps = future_dates(end, series.frequency, MAX_EARLY_PERIODS + 1)[int(partial):]
    last = pd.Timestamp(file_end).to_period(PERIODS[options.per])
    left = ((last + 1).start_time - pd.Timestamp(file_end)) / ((last + 1).start_time - last.start_time)
    until = last.start_time if left <= _LATE_IN_PERIOD else last.start_time - pd.Timedelta(seconds=1)
    whole = stamps[(stamps <= until).to_numpy()]  # to the file's last period, unless the others leave it out as partial
    if whole.empty:
        return None
    return pd.DataFrame({"ds": whole.astype(series.frame["ds"].dtype).to_numpy(), "y": 0.0})


STAMPS_READ = "stamps_read"  # the whole file's way of reading its time column, where each series must say it
_ID_COLUMNS = "id_columns"  # a series' attrs: the file's series id columns (a reservoir's 'Station')
ON_THE_FIRST_OFFSET = "on_the_first_offset"  # a series whose times all carry the offset the file's were read on
_UTC_OFFSET_WRITTEN = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")  # a time's UTC offset at its end: +01:00, -0500, Z
MAX_EARLY_PERIODS = 400  # periods at most filled with 0 after a series that ended early
# The last word of a sensor's readings ('daily_rain', GHCN's 'PRCP', 'WaterLevel', 'Traffic Flow', 'Flow (cfs)'; not
# 'Training Revenue', 'Attempts', 'qty_snow_chains' nor 'Raincoats', what a shop sold), units after it left out
_SENSOR_WORDS = frozenset({"rain", "rainfall", "precip", "precipitation", "prcp", "snow", "snowfall", "snwd", "temp",
                           "temperature", "tmax", "tmin", "tavg", "level", "flow", "streamflow", "discharge", "depth",
                           "gauge", "gage", "inflow", "outflow"})  # ('Rain Gauge (in)')
_MONEY_FLOWS = frozenset({"cash", "fund", "funds", "usd", "eur", "gbp", "aum"})  # a fund's flows, and a flow's
# 'Amount' ('Net Flow Amount'; not a plant's 'Net Flow (gpm)', a dam's 'Outflow (cfs)' nor a 'Precipitation Amount')
# A net flow, an inflow or an outflow without a unit is a sensor's beside a column of its places (a reservoir's
# 'Inflow' by 'Station'), else money (a fund's 'Net Flow', a department's 'Outflow')
_EITHER_FLOWS = frozenset({"inflow", "outflow", "net"})
_SENSOR_PLACES = frozenset({"station", "site", "gauge", "gage", "reservoir", "dam", "plant", "river", "well", "basin",
                            "sensor", "stream", "lake", "catchment", "outfall", "intake", "weir", "creek"})
_UNIT_TAILS = frozenset({"mm", "cm", "m", "in", "ft", "c", "f", "cfs", "cms", "degc", "degf", "24h", "1h",
                         "total", "amount", "sum", "accumulation", "accumulated", "accum", "value", "gpm",
                         "mgd"})  # ('Rain Total', 'Precip Accum', 'Flow gpm')


_FLOW_UNIT = re.compile(r"[(\[]\s*(?:gpm|cfs|cms|mgd|m3/s|m³/s|l/s|gal/min|m3/h|m³/h)\s*[)\]]", re.IGNORECASE)


def _reads_a_sensor(target: str, columns: Sequence[str] = ()) -> bool:
    """Whether ``target`` is named as a sensor's readings (``_SENSOR_WORDS`` its last word, before any unit): a gauge
    or a counter that was removed measured nothing after, no drought nor an empty road; not a cash flow (a net flow,
    an inflow or an outflow without a unit is a sensor's only beside ``columns`` of its places, ``_SENSOR_PLACES``)."""
    if re.search(r"\(mm\)", target) or _FLOW_UNIT.search(target):  # a gauge's millimetres ('Daily Rainfall Total
        return True  # (mm)'; not 'Qty (in)'), a flow's unit ('Net Flow (gpm)', a dam's 'Outflow (cfs)': no money)
    name = without_units(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", target)).lower()
    words = [word for word in re.split(r"[\W_]+", name) if word]
    while len(words) > 1 and words[-1] in _UNIT_TAILS:
        words.pop()
    every = [word for word in re.split(r"[\W_]+", target.lower()) if word]  # ('Net Flow Amount': money)
    money = set(every) & _MONEY_FLOWS or "$" in target or "amount" in every and words[-1].endswith("flow")
    unitless = words == every and set(words) & _EITHER_FLOWS and not any(
        set(re.split(r"[\W_]+", str(col).lower())) & _SENSOR_PLACES for col in columns)
    return bool(words) and words[-1] in _SENSOR_WORDS and not money and not unitless
_LATE_IN_PERIOD = 0.25  # of its period, at most, after the file's last stamp, for that period to count as whole


def _partial_at(series: LoadedSeries, file_end: pd.Timestamp) -> bool:
    """Whether ``series``' last period, left out as partial (``notice.per_partial_last``), holds the file's last value:
    the series ends with the file, in a period the file covers in part (a store that stopped earlier ends early)."""
    per = series.options.per if series.options is not None else ""
    if not per:
        return False
    start = pd.Timestamp(file_end).to_period(PERIODS[per]).start_time
    begins = f"{start:%Y-%m-%d %H:%M}" if per in ("minute", "hour") else f"{start:%Y-%m-%d}"  # as the notice writes it
    return any(
        isinstance(notice, Notice) and notice.key == "notice.per_partial_last" and notice.params.get("start") == begins
        for notice in series.report.notices)


def of_the_series(problem: ValueError) -> ValueError:
    """A series' reading ``problem`` as said of the series: a target blank in this series only (the single-series
    advice, choose another column, misleads)."""
    if isinstance(problem, KeyedError) and problem.key == "err.target_empty":
        column = str(problem.params.get("column", ""))
        return DataError(f"This series has no values in '{column}' (every row is blank): fill them in, or leave the "
                         "series out of the file.", "err.series_empty", {"column": column})
    return problem


def _whole_row_keys(table: pd.DataFrame, ids: tuple[str, ...],
                    date_col: str | None) -> pd.api.extensions.ExtensionArray | None:
    """A key of each row's whole content when time stamps repeat within a series: its rows may repeat one another in
    the columns the series keeps but not in the file's others (two stores' sales of one product, summed by product),
    and were dropped as copies. None otherwise (the usual file: its series stay on ``tidy_clean``'s path)."""
    if not date_col or not table[[*ids, date_col]].duplicated().any():
        return None
    # Without the columns that number the rows (pandas' index, a row counter), as ``tidy`` reads a file of one series:
    # a record exported twice under two row numbers is a copy.
    return pd.util.hash_pandas_object(drop_index_columns(table), index=False).array


def _dates_parsed(table: pd.DataFrame, probe: LoadedSeries) -> pd.DataFrame:
    """``table`` with its time column parsed once, as the whole file was read, so that no series parses
    its own text again; unchanged where the column is not text dates (numbers, epochs, no time column)."""
    options = _series_options(probe, probe.target)
    if not probe.date_col or pd.api.types.is_numeric_dtype(table[probe.date_col]):
        return table
    parsed = parse_dates(table[probe.date_col], options.day_first)
    if parsed is None:
        return table
    wall = local_dates(table[probe.date_col], parsed[0], parsed[1], options.per)  # as one series' rows are read
    typed = table.assign(**{probe.date_col: parsed[0] if wall is None else wall})
    typed.attrs = dict(table.attrs)
    if wall is None and parsed[1].startswith(ON_FIRST_OFFSET):  # said by each series, whose stamps come typed
        typed.attrs[STAMPS_READ] = parsed[1]
    if labels := labels_above_dates(table[probe.date_col], parsed[0]):  # Cost Explorer's 'Service total' row: it
        above = table[probe.date_col].iloc[:labels].astype("string").str.strip().dropna()  # was a date to write
        typed = typed.iloc[labels:]
        words = quoted_names(list(above[above != ""]))
        typed.attrs = {**typed.attrs, "leading_labels": {"rows": labels, "words": words}}
    return typed


def _series_name(uid: str, target: str, layout: PanelLayout) -> str:
    if not layout.id_cols:
        return target
    return uid if len(layout.targets) == 1 else f"{uid}{ID_JOINER}{target}"


def _series_columns(probe: LoadedSeries, target: str, table: pd.DataFrame) -> list[str]:
    """The time column (when there is one), the target, then the regressors, of those ``table`` holds: rows counted
    (``LoadOptions.duplicates`` ``count``) have a target the loader makes of each series' rows."""
    return [col for col in (probe.date_col, target, *probe.regressors, *row_context_columns(table, target))
            if col and col in table.columns]


def _series_options(probe: LoadedSeries, target: str) -> LoadOptions:
    """The whole file's choices for one target; an ambiguous day / month order as the whole file read it."""
    options = replace(probe.options or LoadOptions(), target=target)
    fmt = probe.report.date_format
    if fmt.endswith(ORDER_OVERRULED):  # the order chosen left dates unread: every series in the order that read them
        options = replace(options, day_first=fmt.startswith("%d"))
    elif options.day_first is None and fmt.startswith(_AMBIGUOUS_DAY_FIRST):
        options = replace(options, day_first=fmt.startswith(_AMBIGUOUS_DAY_FIRST[0]))
    return options


def _stripped(raw: pd.DataFrame) -> pd.DataFrame:
    """Column names as ``tidy`` sees them (``named_columns``: stripped of spaces and told apart; '  sales  ' beside
    'sales' stopped the command line with an internal error)."""
    named = named_columns(raw)
    table = named.rename(columns=str)  # a frame of its own, as the renaming always made
    table.attrs = dict(named.attrs)
    return table


def _column_list(text: str | tuple[str, ...] | None, columns: list[str], role: str) -> tuple[str, ...]:
    """``NAME`` or ``A,B`` as column names (a name that itself holds a comma is taken whole, or quoted among others as
    a CSV writes it: ``A,"B, C"``); a tuple names the columns itself."""
    if text is None:
        return ()
    if isinstance(text, tuple):
        names = [name.strip() for name in text]
    else:
        cells = next(csv.reader([text], skipinitialspace=True), [])
        names = [text.strip()] if text.strip() in columns else [name.strip() for name in cells if name.strip()]
    for name in names:
        if name not in columns and (close := [col for col in columns if name.lower() in str(col).lower()]):
            raise DataError(f"There is no column '{name}' for the {role}: did you mean {_listed(close)}?")  # ('Net
        if name not in columns:  # Steam Sales' without its '(USD)', left out of the first names listed)
            raise DataError(f"There is no column '{name}' for the {role}: choose one of {_listed(columns)}.")
    return tuple(dict.fromkeys(names))


def _wanted_targets(text: str | None, columns: list[str]) -> tuple[str, ...] | None:
    """None: detect one target; ``(ALL_TARGETS,)``: every numeric column; else the named columns."""
    if text is None:
        return None
    if text.strip().lower() == ALL_TARGETS and text.strip() not in columns:
        return (ALL_TARGETS,)
    return _column_list(text, columns, "target") or None  # blank (an unset shell variable): detected, as ids are


def _check_roles(ids: tuple[str, ...], options: LoadOptions, wanted: tuple[str, ...] | None) -> None:
    both = [name for name in wanted or () if name in options.regressors]
    if both:
        raise DataError(f"Column '{both[0]}' cannot be both a target and a regressor: leave it out of --target "
                        "or of --regressors.")
    roles = {"time column": (options.date_col,), "target": wanted or (), "regressors": options.regressors}
    for role, names in roles.items():
        both = [name for name in ids if name in names]
        if both:
            raise DataError(f"Column '{both[0]}' cannot be both the series id and the {role}: "
                            "name another column with --id-col.")


def _check_ids_are_not_measures(table: pd.DataFrame, ids: tuple[str, ...]) -> None:
    """An id column of numbers with fractions (``99.2``) holds measured values: each row would be a series of its
    own ("None of the 180 series could be fitted ... Only 1 usable row")."""
    for col in ids:
        values = pd.to_numeric(table[col], errors="coerce") if _is_text(table[col]) else table[col]
        if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        known = values.dropna()
        fractional = known[known % 1 != 0]
        # Mostly distinct values, some with fractions: measures; ids repeat, even decimal codes (NACE 10.1, HS 0101.21)
        mostly_distinct = 2 * known.nunique() > len(known)
        if len(known) and len(known) == table[col].notna().sum() and len(fractional) and mostly_distinct:
            raise DataError(f"Column '{col}' holds measured values (for example {fractional.iloc[0]:g}), not series "
                            "ids: name the column that tells the series apart (a store, a product) with --id-col, or "
                            "leave --id-col out to detect it.", "err.id_is_measure",
                            {"column": col, "example": f"{fractional.iloc[0]:g}"})
        if len(known) > MIN_ROWS and known.nunique() == len(table):  # 10, 11, 12, ...: "Only 1 usable row" 48 times
            raise DataError(f"Column '{col}' holds a different number in every row ({len(table):,} rows), so each row "
                            "would be a series of one value: it is a measure, not series ids. Name the column that "
                            "tells the series apart (a store, a product) with --id-col, or leave --id-col out to "
                            "detect it.", "err.id_all_distinct", {"column": col, "rows": len(table)})


def _probe(raw: pd.DataFrame, ids: tuple[str, ...], options: LoadOptions,
           wanted: tuple[str, ...] | None) -> LoadedSeries:
    """The file without its id columns, read as one series (for the first of the targets that reads)."""
    body = raw.drop(columns=[col for col in raw.columns if str(col).strip() in ids])
    body.attrs = dict(raw.attrs)
    problem: ValueError | None = None
    for name in _probe_targets(body, options, wanted):
        try:
            probe = tidy_table(body, replace(options, target=name))
        except ValueError as error:
            problem = problem or error
            continue
        if ids and probe.date_col is None:
            _check_id_is_not_the_time(raw, ids, options)
        return probe
    assert problem is not None
    if ids and getattr(problem, "key", "") in ("err.no_numeric", "err.column_text") \
            and _whole_file_role(raw, options, "target") in ids:
        raise DataError(f"The id column {quoted_names(ids)} holds the values to forecast: the id names each series (a "
                        "store, a product), the target holds the values. Choose another id column (--id-col), or "
                        "none to detect it.", "err.id_is_target", {"columns": quoted_names(ids)})
    raise problem


def _varying_instead(raw: pd.DataFrame, ids: tuple[str, ...], probe: LoadedSeries) -> str | None:
    """Another measure where the one detected holds one value in every series (a vineyard block's 'Acres' beside its
    'Tons': seven series forecast exactly, MAPE 0%): the first of the others that varies within them, not alike in
    all of them at each time stamp; None otherwise."""
    def constant(col: str) -> bool:  # (money read: 7shifts' '$4,751.81' sales were all blank, so 'constant')
        values = pd.to_numeric(raw[col].astype("string").str.replace(_MONEY_MARKS, "", regex=True), errors="coerce")
        return bool(values.notna().any()) and bool((values.groupby([raw[key] for key in ids]).nunique() <= 1).all())
    if probe.target not in raw.columns or not constant(probe.target):
        return None
    others = [col for col in probe.numeric_columns if col in raw.columns and col not in (probe.target, *ids,
                                                                                         *probe.regressors)]
    keys = [raw[key] for key in ids]

    def of_the_calendar(col: str) -> bool:  # one value at each time stamp in every series (an 'ISO Week' 1 to 52)
        return probe.date_col in raw.columns and bool((raw[col].groupby(raw[probe.date_col]).nunique() <= 1).all())
    return next((col for col in others if not constant(col) and _a_measure_for_sure(raw[col], col, keys)
                 and not of_the_calendar(col)), None)


_MONEY_MARKS = r"[,$€£¥\s]"  # thousands separators and currency signs, left out to read amounts as numbers


def _a_measure_for_sure(values: pd.Series, col: str, keys: list[pd.Series] | None = None) -> bool:
    """Whether a column is a measure, not a number of a row (a subscription's 'Invoice Number' 1001, 1002, ... beside
    its constant 'Amount'; a loan's 'Installment' or a payroll's 'Pay Period' 1, 2, 3, ... in each series): named as
    no id, and named as a measure ('Sales'), with fractions, or with values that repeat without counting up by one
    from row to row within each series (of the ids' ``keys``; whole 'Hours' beside a constant rate)."""
    written = pd.to_numeric(values.astype("string").str.replace(",", "", regex=False), errors="coerce")
    numbers = written.dropna()
    steps = (written.groupby(keys).diff() if keys else written.diff()).dropna()
    counting = len(steps) > 0 and bool((steps == 1).mean() >= _COUNTING_UP)
    whole = not bool((numbers % 1 != 0).any())
    words = [word for word in re.split(r"[\W_]+", str(col).lower()) if word]
    numbering = whole and numbers.nunique() >= _NUMBERING * len(numbers) and bool(words) \
        and words[-1] in _ORDER_WORDS
    return not _ID_IN_BRACKETS.search(str(col)) and not numbering and (  # (a 'Sales Order' 50001, 50002, ...)
        names_a_measure(col) or not whole or numbers.nunique() < _NUMBERING * len(numbers) and not counting)


_ORDER_WORDS = frozenset({"order", "number", "no", "nbr", "num", "id", "ref", "reference", "invoice", "document",
                          "doc"})


_NUMBERING = 0.9  # of the rows, at least, with values of their own: whole numbers that number the rows
_COUNTING_UP = 0.8  # of the steps from row to row, at least, of +1: whole numbers that number each series' rows


# A target refused for its text: with a few words among numbers, or mostly text (two stores of three written so).
TEXT_TARGET = ("err.target_not_numeric", "err.column_text")


def _probe_without_text(raw: pd.DataFrame, ids: tuple[str, ...], options: LoadOptions, wanted: tuple[str, ...] | None,
                        problem: DataError) -> LoadedSeries | None:
    """The probe of the rows whose target cell (the column ``problem`` refused) is a number or blank: a series of a long
    file written all in text ('abc') made its target not numeric for the whole file, which was refused if that series
    came first and skipped, named, if it came last. Each series is read on its own later, the one of text refused by
    name. None when no row is left or the rest do not read either."""
    column = str(problem.params.get("column", ""))
    if column not in raw.columns:
        return None
    numbers = ~not_number_cells(raw[column], bool(raw.attrs.get("decimal_comma", False)))
    if numbers.all() or not numbers.any():
        return None
    rows = raw[numbers].reset_index(drop=True)
    rows.attrs = dict(raw.attrs)
    try:
        return _probe(rows, ids, options, wanted)
    except ValueError:
        return None


def _check_id_is_not_the_time(raw: pd.DataFrame, ids: tuple[str, ...], options: LoadOptions) -> None:
    """Refuses id columns that hold the file's dates (without them the file has no time column)."""
    if (date_col := _whole_file_role(raw, options, "date_col")) in ids:
        raise DataError(f"Column '{date_col}' holds the dates: it cannot be the series id. Choose the column "
                        "naming the series (--id-col), or none to detect it.", "err.id_is_time", {"column": date_col})


def _whole_file_role(raw: pd.DataFrame, options: LoadOptions, role: str) -> str | None:
    """The column that reading the whole file, ids included, as one series gives ``role`` (``target`` or
    ``date_col``); None when it cannot be read so."""
    try:
        return getattr(tidy_table(raw, options), role)  # type: ignore[no-any-return]
    except ValueError:
        return None


def _probe_targets(body: pd.DataFrame, options: LoadOptions, wanted: tuple[str, ...] | None) -> list[str | None]:
    """Targets to read the whole file with: detected (None), the named ones, or for ``all`` the numeric
    columns that are not regressors (detection alone might pick a regressor)."""
    if wanted is None:
        return [None]
    if wanted != (ALL_TARGETS,):
        return list(wanted)
    loose = tidy_table(body, replace(options, target=None, regressors=()))
    return [col for col in loose.numeric_columns if col not in options.regressors] or [None]


def _targets(probe: LoadedSeries, wanted: tuple[str, ...] | None, ids: tuple[str, ...],
             columns: list[str]) -> tuple[str, ...]:
    """The target columns, in the file's order."""
    if wanted is None:
        return (probe.target,)
    if wanted == (ALL_TARGETS,):
        chosen = [col for col in probe.numeric_columns if col not in ids and col not in probe.regressors]
        if not chosen:
            raise DataError("--target all found no numeric column besides the time, id and regressor columns: "
                            "name the target columns instead.")
        return tuple(chosen)
    return tuple(col for col in columns if col in wanted)


_UNIT_NAMES = frozenset({"unit", "units", "uom", "unit of measure", "units of measure", "einheit", "unité", "unidad"})


def _kinds_in_units(raw: pd.DataFrame, date_col: str, exclude: tuple[str, ...]) -> tuple[str, ...]:
    """The column of kinds in a file of samples at times of their own (Apple Health's records: steps, heart rates and
    body masses in one 'value' column, summed per day together): a candidate id (``_may_be_id``) each of whose
    values holds one unit of a units column (``_UNIT_NAMES``) where the units differ; ``()`` otherwise."""
    units = [col for col in raw.columns if str(col).strip().lower() in _UNIT_NAMES and _names_units(raw[col])]
    if len(units) != 1 or raw[units[0]].nunique() < 2:
        return ()
    candidates = sorted((col for col in raw.columns if col != units[0] and _may_be_id(raw, col, date_col, exclude)
                         and _names_units(raw[col])), key=lambda col: _id_rank(raw, col))
    for col in candidates:
        if (raw.dropna(subset=[col]).groupby(col)[units[0]].nunique() == 1).all():
            return (col,)
    return ()


_PERCENT_GROUPS = 20  # distinct percentages, at most, that may be groups (a VAT rate's, a tier's)
_ENTITY_ID = r"[a-z][a-z0-9_]*\.[a-z0-9_]+"  # Home Assistant's 'sensor.living_room_temperature'


def _entity_ids(raw: pd.DataFrame, date_col: str, exclude: tuple[str, ...]) -> tuple[str, ...]:
    """The column of entity ids in a log of states, each entity at times of its own (Home Assistant's history:
    'sensor.house_power' in W beside 'sensor.living_room_humidity' in %, averaged together per hour): a candidate
    id (``_may_be_id``) whose every value is a dotted entity id (``_ENTITY_ID``); ``()`` otherwise."""
    for col in raw.columns:
        values = raw[col].dropna()
        if len(values) and _is_text(values) and values.astype("string").str.fullmatch(_ENTITY_ID).all() \
                and _may_be_id(raw, col, date_col, exclude) and _series_long_enough(raw, (col,)):
            return (col,)
    return ()


def _with_kinds(raw: pd.DataFrame, kinds: str, candidates: list[str], date_col: str,
                stamp_repeats: int) -> tuple[str, ...]:
    """The ids of a file of several kinds of samples in units of their own (``_kinds_in_units``): the kinds alone where
    they tell the series apart, else with the column that does (a watch's and a phone's steps at one time), in the
    file's order; ``()`` where none does (FAOSTAT's element of each unit, with its area and item: the usual search
    finds those three)."""
    if _separates(raw, (kinds,), date_col, stamp_repeats):
        return (kinds,)
    pairs = [(kinds, col) for col in candidates if col != kinds and _separates(raw, (kinds, col), date_col,
                                                                             stamp_repeats)]
    if not pairs:
        return ()
    best = min(pairs, key=lambda pair: _series_count(raw, pair))
    return tuple(col for col in raw.columns if col in best)


def _names_units(values: pd.Series) -> bool:
    """Whether a column holds words (units, kinds), not numbers: 'Units' is also the quantity sold (34, 43, ...), and
    a revenue beside it was taken for the kinds."""
    filled = values.dropna()
    return _is_text(values) and bool(len(filled)) and pd.to_numeric(filled, errors="coerce").isna().mean() > 0.5


def _may_be_id(raw: pd.DataFrame, col: str, date_col: str, exclude: tuple[str, ...]) -> bool:
    if col == date_col or col in exclude or col.startswith("Unnamed:") or not col:
        return False
    values = raw[col]
    if pd.api.types.is_bool_dtype(values) or not (_is_text(values) or _is_number(values)
                                                   or _decimal_codes(col, values)):
        return False
    distinct = values.nunique()
    words = set(re.findall(r"[^\W\d_]+", col.lower()))
    if distinct > _PEOPLE_MOST and words & _PEOPLE_WORDS and (len(words) == 1 or words & _PERSON_NAMED):
        return False  # a giving log's donors (a church's 40 made 80 series by 'Person ID' and 'Fund')
    if re.findall(r"[^\W\d_]+", col.lower())[-1:] in [[word] for word in _QUANTITY_WORDS] \
            and not _same_on_each_stamp(raw, col, date_col):
        return False  # a quantity (Xero's '*Quantity', a weigh tag's 'Bins'); not a tier on each stamp ('Pack Qty')
    if words & _SEATS_AND_STAFF and len(words) <= 2 and not _share_the_stamps(raw, (col,), date_col):
        return False  # a restaurant's 'Table' and 'Server', each on a few of the stamps (75 series by table and
        # booking source, each day's covers apart); not a monitor's servers or a database's tables, read at every one
    written = values.dropna().astype("string").str.strip()
    shares = written.str.fullmatch(r"[-+]?\d+(?:[.,]\d+)?\s*%").fillna(False).astype(bool) if _is_text(values) \
        else pd.Series(False, index=written.index)
    if ("%" in col or len(shares) and shares.mean() >= 0.5) and values.nunique() > _PERCENT_GROUPS:
        return False  # a share measured ('Performance %' 88.8%: an OEE export read as 120 series by it; not 'Whole
        # Milk 3.25%', a product, nor a VAT rate's 0%, 9%, 21%)
    if _written_amounts(values) and not _decimal_codes(col, values) \
            and not _keys_of_each_stamp(raw, col, date_col):  # SAP's '1.850-', NetSuite's '$1,234.50':
        return False  # numbers, no names of series (a claim's 'Dx Code' 250.00 is a code)
    # Values that repeat among the rows that have one (a payment reference on an order's first line only does not),
    # on most rows (a well file's 'Comments', blank but for 'ESP trip' and 'Shut in', left 95% of its rows out)
    return bool(2 <= distinct and 2 * distinct <= values.notna().sum() and not _measured_whole_numbers(col, values)
                and not _clock_times_off_a_schedule(raw, col, date_col) and not clock_times(col, values)
                and not _period_of_a_year(col, values, raw[date_col]))


_PERIOD_WORDS = frozenset({"week", "wk", "weeks", "month", "mon", "quarter", "qtr", "period", "woche", "monat",
                           "semaine", "mois", "semana", "mes"})


def _period_of_a_year(col: str, values: pd.Series, stamps: pd.Series) -> bool:
    """Whether ``col`` numbers the weeks (months, quarters) of the years in the time column ``stamps``: part of the
    date, no series (CDC's 'MMWR Week' beside 'MMWR Year' made 53 series of a row a year each, once the file held
    eight years)."""
    numbers = pd.to_numeric(values, errors="coerce")
    years = pd.to_numeric(stamps, errors="coerce")
    return bool(set(re.findall(r"[^\W\d_]+", col.lower())) & _PERIOD_WORDS) and numbers.notna().all() \
        and bool(numbers.between(1, 53).all()) and bool((numbers % 1 == 0).all()) \
        and years.notna().mean() >= 0.9 and bool(years.dropna().between(1800, 2200).all())


_FILLED_ID = 0.5  # of the rows, at least, with a value in an id column
# Columns naming people who pay or give: more of them than this are a log's payers, no series (a few customers are)
_PEOPLE_WORDS = frozenset({"person", "donor", "giver", "member", "customer", "contact", "constituent", "supporter",
                           "client", "payer", "subscriber"})
_SEATS_AND_STAFF = frozenset({"table", "seat", "server", "waiter", "waitress", "cashier", "bartender", "till",
                              "register"})
_PERSON_NAMED = frozenset({"id", "name", "no", "number", "code", "ref"})  # ... named as one ('Member State' is none)
_PEOPLE_MOST = 20
_UNIT_IN_NAME = re.compile(r"[(\[][^)\]]*[)\]]\s*$|%$")  # 'Temp (F)', 'Volume [bbl]', 'BS&W %'


_SAME_SETS = 0.8  # of the stamps with several rows, at least, holding the same values of a tier column


def _same_on_each_stamp(raw: pd.DataFrame, col: str, date_col: str) -> bool:
    """Whether ``col`` holds the same few values on most stamps (a price list's 'Pack Qty' 1, 6, 12, 24 each week, a
    rate sheet's deposit tiers): tiers, ids of series, where an invoice's quantities differ from day to day."""
    sets = raw.groupby(date_col)[col].agg(lambda values: frozenset(values.dropna()))
    several = sets[sets.map(len) >= 2]
    return len(several) >= MIN_ROWS and float(several.value_counts(normalize=True).iloc[0]) >= _SAME_SETS


_SCHEDULED = 0.1  # of the days, at most, each with a timetable of its own on a schedule (``_clock_times_off_a_...``)
_TIMETABLES = 7  # ... or this many (a weekday's and a weekend's tours)


def _clock_times_off_a_schedule(raw: pd.DataFrame, col: str, date_col: str) -> bool:
    """Whether ``col`` holds times of day whose days have many timetables (``_SCHEDULED``): when tickets were opened,
    no series (a ticket log was 40 series by its quarter-hours); departures or tours on a schedule (weekdays' and
    weekends') are series."""
    cells = raw[col].dropna().astype("string").str.strip()
    if not _is_text(raw[col]) or not len(cells) or not cells.str.fullmatch(TIME_OF_DAY).all():
        return False
    days = raw[date_col].nunique()
    timetables = raw.groupby(date_col)[col].agg(lambda times: frozenset(times.dropna())).nunique()
    return bool(days) and timetables > max(_TIMETABLES, _SCHEDULED * days)


def _measured_whole_numbers(col: str, values: pd.Series) -> bool:
    """Whole numbers named with a unit ('Temp (F)' of LACT tickets, 60 to 96): a measure, no id (40 series by the
    temperature)."""
    numbers = pd.api.types.is_numeric_dtype(values) or _is_number(values)
    unit = _UNIT_IN_NAME.search(str(col).strip())
    words = re.findall(r"[^\W\d_]+", str(col).lower())
    measured = bool(words) and (words[-1] in _UNIT_WORDS | _HEAD_COUNT_WORDS  # a pantry's 'Adults'
                                or " ".join(words[-2:]) in _PEOPLE_SIZES
                                or words[0] in _MEASURE_WORDS  # eBird's 'DURATION MINUTES'
                                or words[-1].endswith("duration")  # Citi Bike's 'tripduration' in seconds
                                and words[-1] not in _GROUP_WORDS)  # not 'Weight Class'
    return numbers and (measured or unit is not None and not _ID_IN_BRACKETS.search(unit.group()))  # not 'Store (ID)'


# Last words of quantities and amounts, no ids: Xero's '*Quantity' and '*UnitAmount' (an invoice log read as 18 series
# by them), a weigh tag's 'Bins'
_QUANTITY_WORDS = frozenset({"quantity", "qty", "quantities", "bins", "cases", "kegs", "pcs", "pieces", "amount",
                             "unitamount", "lineamount"})
_UNIT_WORDS = frozenset({"minutes", "mins", "min", "seconds", "secs", "sec", "hours", "hrs", "km", "miles", "meters",
                         "metres", "kg", "lbs", "percent", "pct", "mph", "kph", "kmh", "celsius", "fahrenheit",
                         "dom", "cdom", "sqft", "sf"})  # an MLS export's days on market and square feet (not 'Days',
# an aging report's buckets)
# Last words of counts of people, no ids: a visit log's 'Adults', 'Children' and 'Seniors' (a tour's 'Group Size' and
# a 'Pack Size' are groups)
_HEAD_COUNT_WORDS = frozenset({"adults", "children", "kids", "seniors", "youth", "infants", "persons", "people",
                               "guests", "attendees", "visitors", "occupants", "headcount"})
_PEOPLE_SIZES = frozenset({"household size", "family size", "party size"})  # ... and a 'Household Size' (not a 'Group
# Size' of tours nor a 'Pack Size', which are groups)
_MEASURE_WORDS = frozenset({"duration", "distance", "elapsed"})  # not depth nor height: a lake's profile by depth
_GROUP_WORDS = frozenset({"class", "group", "band", "bucket", "bin", "category", "id", "code", "no", "tier", "range"})


_ID_IN_BRACKETS = re.compile(r"\b(?:id|no|nr|num|number|code|#|key|ref)\b|#", re.IGNORECASE)


def _series_long_enough(raw: pd.DataFrame, cols: tuple[str, ...]) -> bool:
    """Whether ``cols`` make series that could be fitted: of ``_MANY_SERIES`` or more, a tenth at least ``MIN_ROWS``
    rows long (a BTS on-time file read as 2,281 series of two flights each by destination and departure time; a chain
    whose new stores have a few months each keeps its stores), and a yes/no flag leaves more than a few stray rows
    outside its larger series (ERCOT's 'Repeated Hour Flag', Y on the one repeated hour of each day the clocks go
    back, made a series of one row a year; an online channel of six weeks is one)."""
    sizes = raw.groupby(list(cols)).size()
    if len(sizes) >= _MANY_SERIES and (sizes >= MIN_ROWS).mean() < _FITTED_SHARE:
        return False
    if len(cols) == 1 and len(sizes) == 2 and {str(value).strip().lower() for value in sizes.index} <= _FLAG_VALUES:
        return int(sizes.min()) > max(_FLAG_STRAYS, _FLAG_STRAY_SHARE * int(sizes.max()))
    return True


_MANY_SERIES = 20
_FITTED_SHARE = 0.1  # 10 SKUs of 60 (50 launched lately) are ids (30 regular customers of 280 too, 250 once)
_FLAG_STRAYS = 2
_FLAG_STRAY_SHARE = 0.01  # of the larger side's rows: three years of ERCOT's repeated hours are 3 rows of 26,301
_FLAG_VALUES = frozenset({"y", "n", "yes", "no", "true", "false", "t", "f", "0", "1", "0.0", "1.0"})


def _separates(raw: pd.DataFrame, cols: tuple[str, ...], date_col: str, stamp_repeats: int) -> bool:
    """Within each value of ``cols`` (rows without one aside), the time column does not repeat, but for a few
    stray rows (``_ID_REPEATS``: a duplicated export row, combined in its series as in a file of one series) and
    far fewer than it repeats in the whole file (``stamp_repeats`` times), which is often enough for series that
    share their stamps (``_LEAST_SHARED_STAMPS``)."""
    keyed = raw[[*cols, date_col]]
    if keyed[list(cols)].isna().any().any():
        keyed = keyed.dropna(subset=list(cols))
    repeats = int(keyed.duplicated().sum())
    others = len(keyed) - int(keyed.groupby(list(cols)).size().max()) if len(keyed) else 0
    return (repeats <= _stray_rows(len(keyed)) and 10 * repeats < stamp_repeats
            and stamp_repeats >= _LEAST_SHARED_STAMPS * others)


def _stray_rows(rows: int) -> float:
    """How many of ``rows`` may repeat a time stamp within one series (rows written twice, revised values)."""
    return max(_ID_REPEATS * rows, _STRAY_ROWS)


_MOST_KEYS = 50  # distinct values, at most, of numbers that label each stamp's rows (``_keys_of_each_stamp``)
_SAME_KEYS = 0.8  # of the stamps of several rows, at least, that hold the same set of them


def _keys_of_each_stamp(table: pd.DataFrame, col: object, date_col: str | None) -> bool:
    """Whether numbers with decimals in ``col`` label the rows of each time stamp: the same few values (two at least,
    ``_MOST_KEYS`` at most) on nearly every stamp, one row each, as Python versions label pypistats' downloads per day
    ('3.8' to '3.12': the versions were forecast, MAE 0), tenors a yield curve's, depths a soil probe's; a measure
    takes other values from one stamp to the next."""
    if date_col is None or date_col not in table.columns or col not in table.columns:
        return False
    values = table[col]
    if pd.api.types.is_float_dtype(values):
        numbers = values
    elif _is_text(values) and (head := values.dropna().iloc[:200]).size and bool(head.astype("string").str.strip(
            ).str.fullmatch(r"\d+\.\d+").fillna(False).mean() >= 0.5):  # (the head decides: once more only)
        numbers = pd.to_numeric(values.astype("string").str.strip(), errors="coerce")
    else:
        return False
    known = numbers.notna() & table[date_col].notna()
    if known.sum() < 2 * MIN_ROWS or numbers[known].nunique() > _MOST_KEYS or not (numbers[known] % 1 != 0).any():
        return False
    stamps = table[date_col][known]
    if not stamps.duplicated().any() or pd.DataFrame({"t": stamps, "k": numbers[known]}).duplicated().any():
        return False
    rows, _ = pd.factorize(stamps)
    keys, _ = pd.factorize(numbers[known])
    present = np.zeros((int(rows.max()) + 1, int(keys.max()) + 1), dtype=bool)
    present[rows, keys] = True  # each stamp's set of keys, as the bits of one number (50 keys at most)
    several = present[present.sum(axis=1) >= 2]
    sets = several.astype(np.int64) @ (np.int64(1) << np.arange(several.shape[1], dtype=np.int64))
    if len(sets) < MIN_ROWS or float(pd.Series(sets).value_counts(normalize=True).iloc[0]) < _SAME_KEYS:
        return False
    return not _property_of_another(table[known], col, date_col)


def _property_of_another(table: pd.DataFrame, col: object, date_col: str) -> bool:
    """Whether the values of ``col`` each go with one value of another column that varies (a bank's 'APY' with its
    'Term (months)': the rate of each term, a measure, no label of the rows)."""
    for other in table.columns:
        if other in (col, date_col) or table[other].nunique() < 2:
            continue
        if int(table.groupby(col, sort=False)[other].nunique().max()) <= 1:
            return True
    return False


def _is_text(values: pd.Series) -> bool:
    return bool(pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values))


_CODE_WORDS = frozenset({"code", "codes", "cd", "dx", "icd", "icd9", "icd10", "diagnosis"})


def _decimal_codes(col: str, values: pd.Series) -> bool:
    """Numbers with decimals named as codes (ICD-9's 'Dx Code' 250.00, 401.9): the diagnoses of a claims file were
    averaged into one series, offered as a regressor."""
    words = [word for word in re.split(r"[\W_]+", str(col).lower()) if word]
    if not words or words[-1] not in _CODE_WORDS:
        return False
    if pd.api.types.is_float_dtype(values):
        return True
    cells = values.dropna().astype("string").str.strip()  # as the file writes them: 250.00
    return not pd.api.types.is_numeric_dtype(values) and bool(len(cells)) and bool(
        cells.str.fullmatch(r"\d+(?:\.\d+)?").all())


_AMOUNT_CELL = re.compile(r"[-+(]?\s?[$€£¥]?\s?\d[\d.,' ]*\s?-?\)?")
_AMOUNT_SIGN = re.compile(r"^\(|\d-$|^[-+(]?\s?[$€£¥]")  # a sign after, brackets, a currency
_GROUPED = re.compile(r"\d{1,3}(?:[.,']\d{3})+(?:[.,]\d{1,2})?|\d+[.,]\d{2}")  # 1.850, 1,234.50, 92,16 (not 2.3.1,
# nor a SIREN's '552 100 554')


def _written_amounts(values: pd.Series) -> bool:
    """Whether a column of text holds numbers as lists and reports write them (nearly every cell a number, a third at
    least with a minus after it, a currency sign or a separator: SAP's '1.850-', NetSuite's '$1,234.50'), no codes
    (zip codes '02134' keep their ids)."""
    if not _is_text(values):
        return False
    cells = values.dropna().astype("string").str.strip().iloc[:500]
    cells = cells[cells != ""]
    return bool(len(cells)) and bool(cells.str.fullmatch(_AMOUNT_CELL).mean() >= 0.9) \
        and bool((cells.str.contains(_AMOUNT_SIGN) | cells.str.strip("-+()$€£¥ ").str.fullmatch(_GROUPED)).mean()
                 >= 1 / 3)


def _is_number(values: pd.Series) -> bool:
    """Whole numbers: integer columns, or text of digits only (as decimal-comma files keep them)."""
    if pd.api.types.is_integer_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return True
    if pd.api.types.is_string_dtype(values) or pd.api.types.is_object_dtype(values):
        cells = values.dropna().astype("string").str.strip()
        return bool(len(cells)) and bool(cells.str.fullmatch(r"-?\d+(\.0+)?").all())  # 7, or 7.0 (a blank made floats)
    return False


# What a measure writes for a missing value: the number reader's markers, and a few more words (lower case).
_MISSING_WORDS = frozenset({marker.lower() for marker in MISSING_MARKERS} | {"", "--", "?", "x", "n/a", "na", "nan",
                                                                           "null", "none"})


def _is_measured(values: pd.Series) -> bool:
    """Whether a column holds measured numbers: some written with a decimal mark (``99.2``, ``19,00``). Ids are whole
    numbers, perhaps with a word among them (``ONLINE``, or a missing marker ``-``: ranked as a blank by
    ``_id_rank``), or codes written with a leading zero (HS tariff codes such as ``0101.21``, which no measure
    writes)."""
    if pd.api.types.is_float_dtype(values):
        return bool((values.dropna() % 1 != 0).any())
    if not _is_text(values):
        return False
    cells = values.dropna().astype("string").str.strip()
    return not cells.str.match(r"0\d").any() and bool(cells.str.fullmatch(r"[-+]?[\d.,' ]*\d[.,]\d+").any())


def _id_rank(raw: pd.DataFrame, col: str) -> tuple[bool, bool, int, int]:
    """How ``detect_id_columns`` orders a candidate: without blanks first (a missing marker such as ``-`` counts as
    one: whole prices or units with one ``-`` were tried, as text, before the article numbers), text before whole
    numbers, fewer distinct values, the file's order."""
    values = raw[col]
    if _is_text(values):
        values = values.mask(values.astype("string").str.strip().str.lower().isin(_MISSING_WORDS))
    return bool(values.isna().any()), _is_number(values), int(values.nunique()), list(raw.columns).index(col)


def _id_text(values: pd.Series) -> pd.Series:
    """An id column as text: whole numbers without a trailing ``.0``, blanks as NA."""
    if pd.api.types.is_float_dtype(values) and (values.dropna() % 1 == 0).all():
        values = values.astype("Int64")
    text = values.astype("string").str.strip()
    return text.mask(text == "")


def _listed(columns: list[str]) -> str:
    return ", ".join(f"'{col}'" for col in columns[:12])
