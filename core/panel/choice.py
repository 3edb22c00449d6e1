"""A file split into series as a person chooses (the dashboard's Data page): its id columns, detected or
chosen, or every numeric column a series (``core.panel.split`` does the splitting, as for the command line);
and one series of it read by the single-series rules, to show."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from core.data.parsing import PARSE_SHARE, not_number_cells, parse_numbers
from core.data.read import column_text, read_bytes, read_table
from core.data.tidy import (MIN_ROWS, LoadedSeries, LoadOptions, TableReader, filled, named_as_steps,
                            without_summary_rows)
from core.errors import DataError
from core.panel.split import ALL_TARGETS, SeriesTask, of_the_series, plan_layout, split_series

_VIEW_TRIES = 20  # series tried for one to show when the first cannot be read


@dataclass(frozen=True)
class PanelChoice:
    """How the Data page splits a file: its id columns (None: detect them; ``()``: none) and whether every
    numeric column is a series of its own."""

    id_cols: tuple[str, ...] | None = None
    all_targets: bool = False


@dataclass(frozen=True, eq=False)
class Panel:
    """A file's several series, one task each in the file's order (``core.panel.split``)."""

    tasks: tuple[SeriesTask, ...]
    id_cols: tuple[str, ...]
    all_targets: bool
    columns: tuple[str, ...]  # the file's columns
    numeric_columns: tuple[str, ...]  # its numeric columns other than the time and the ids
    rows_without_id: int = 0
    too_short: tuple[str, ...] = ()  # series with fewer than ``MIN_ROWS`` values: training will skip them
    finer_id: tuple[str, int] | None = None  # a column that tells apart rows the ids leave alike (``split.finer_id``)
    blank_columns: tuple[str, ...] = ()  # every numeric column a series: those blank in every row, which make none
    empty: tuple[str, ...] = ()  # the series of ``too_short`` without a value (blank in every row)
    in_text: tuple[str, ...] = ()  # series whose target is text, not numbers ('abc'): training will skip them

    @property
    def ids(self) -> list[str]:
        return [task.unique_id for task in self.tasks]

    @property
    def choice(self) -> PanelChoice:
        return PanelChoice(self.id_cols, self.all_targets)

    def task(self, uid: str) -> SeriesTask:
        """The task of series ``uid``; ``KeyError`` when the panel has none of that name."""
        return {task.unique_id: task for task in self.tasks}[uid]


def _rows_in(task: SeriesTask) -> int:
    """Rows the task's series keeps once read: from its target's first value to its last, as blank cells between are
    filled by the missing-value policy (the values alone when it drops them; a series of 10 rows, 3 blank, was said to
    be skipped and then trained). Text cells are parsed later; blank text is nothing."""
    if str(task.options.target) not in task.cells:  # rows counted: every row is a value
        return len(next(iter(task.cells.values()), ()))
    array = task.cells[str(task.options.target)]
    known = ~pd.isna(array) if pd.api.types.is_numeric_dtype(array.dtype) else filled(pd.Series(array))
    where = np.flatnonzero(np.asarray(known, dtype=bool))
    if task.options.missing == "drop" or not len(where):
        return len(where)
    return int(where[-1] - where[0] + 1)


def _in_text(task: SeriesTask, decimal_comma: bool) -> bool:
    """Whether the task's target holds text where numbers should be, as the loader reads it (``parse_numbers``: '12 kg'
    is a number): a store written 'abc' in every row was named on the Data page only when shown, where a blank one was
    listed up front."""
    array = task.cells.get(str(task.options.target))
    if array is None or pd.api.types.is_numeric_dtype(array.dtype):  # none: rows counted
        return False
    values = pd.Series(array)
    words = int(not_number_cells(values, decimal_comma).sum())  # cheap: most series are plainly numbers
    if not words or words <= (1 - PARSE_SHARE) * int(filled(values).sum()):
        return False
    return parse_numbers(values, decimal_comma, head_decides=False) is None  # the loader's rule: '12 kg' is a number


def read_panel(data: bytes, name: str, options: LoadOptions, choice: PanelChoice,
               read: TableReader = read_table) -> Panel | None:
    """The series of the file ``data`` (its table read by ``read``) split as ``choice`` says, read with ``options``
    (the whole file's time column, target and regressors); None when that makes one series. A chosen id column is
    neither target nor regressor. Raises ``DataError`` for a split the file does not allow."""
    given = choice.id_cols or ()
    options = replace(options, target=None if options.target in given else options.target,
                      regressors=tuple(col for col in options.regressors if col not in given))
    contents = read_bytes(data, name, options.max_mb)[0]
    raw = without_summary_rows(read(contents, name, options.sheet, options.decimal))
    layout = plan_layout(raw, options, given or None, ALL_TARGETS if choice.all_targets else options.target,
                         detect=choice.id_cols is None, exact=lambda columns: column_text(contents, columns))
    tasks, blank = ([], 0) if layout.is_single else split_series(raw, layout)
    if len(tasks) < 2:
        if given or choice.all_targets:  # asked for several series: say why there is one, keep what is in use
            raise one_series_only(given, layout.targets)
        return None
    return Panel(tuple(tasks), layout.id_cols, choice.all_targets, tuple(str(col).strip() for col in raw.columns),
                 tuple(layout.probe.numeric_columns), blank,
                 tuple(task.unique_id for task in tasks if _rows_in(task) < MIN_ROWS), layout.finer_id,
                 layout.blank_columns, tuple(task.unique_id for task in tasks if _rows_in(task) == 0),
                 tuple(task.unique_id for task in tasks if _in_text(task, bool(raw.attrs.get("decimal_comma")))))


def one_series_only(ids: tuple[str, ...], targets: tuple[str, ...]) -> DataError:
    """The problem with a split, asked for by the user, that gives a single series."""
    if ids:
        columns = ", ".join(ids)
        return DataError(f"The series id {columns} gives one series only (the same id on every row): choose another "
                         "id column, or none to read the file as one series.", "err.one_series_id", {"columns": columns})
    column = targets[0] if targets else ""
    return DataError(f"The file has one numeric column to forecast ({column}): untick 'All numeric columns as series' "
                     "to read it as one series.", "err.one_series_targets", {"column": column})


def may_hold_many(series: LoadedSeries, choice: PanelChoice) -> bool:
    """Whether to look for several series in the file that reads as ``series``: when asked to, or (detecting)
    when its time stamps repeat, as a long file's do, or when no time column was read beside a column of numbers named
    as steps (``ds``, ``t``: whole numbers that restart in each series). A file of one series is then read once."""
    if choice.all_targets or choice.id_cols:
        return True
    report = series.report
    if choice.id_cols is None and series.date_col is None:  # step numbers that repeat: ``unique_id, ds, y``
        return any(named_as_steps(col) for col in series.numeric_columns)
    return (choice.id_cols is None and series.date_col is not None
            and bool(report.duplicate_rows_dropped or report.duplicate_stamps_aggregated))


Splitter = Callable[[bytes, str, LoadOptions, PanelChoice], Panel | None]


def series_view(panel: Panel, uid: str) -> LoadedSeries:
    """Series ``uid`` read by the single-series rules, offering the whole file's columns to the pickers."""
    try:
        series = panel.task(uid).load()
    except ValueError as problem:
        raise of_the_series(problem) from None
    return replace(series, columns=[col for col in panel.columns if col not in panel.id_cols],
                   numeric_columns=list(panel.numeric_columns))


def first_view(panel: Panel | None, wanted: object, whole: LoadedSeries | None) -> tuple[str | None, LoadedSeries]:
    """The series the Data page shows and its id: of ``panel``, ``wanted`` when it holds it, else the first that
    reads; ``whole`` (the file read as one series) when there is no panel."""
    if panel is None:
        assert whole is not None, "a file of one series is read whole"
        return None, whole
    ids = panel.ids
    problem: ValueError | None = None
    short = {*panel.too_short, *panel.in_text}  # known not to read: 21 short series first hid the good ones after them
    tried = [uid for uid in ids if uid not in short][:_VIEW_TRIES] or ids[:_VIEW_TRIES]
    for uid in ([str(wanted)] if wanted in ids else []) + tried:
        try:
            return uid, series_view(panel, uid)
        except ValueError as error:
            problem = problem or error
    assert problem is not None
    raise problem
