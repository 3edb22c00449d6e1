"""Models that count rows on a history with missing time stamps: fitted on every stamp of its calendar, the missing
ones interpolated, and forecast on that calendar, so that a season stays in step across the gaps.

Exponential smoothing, ARIMA, the autoregressions and seasonal naive take row ``t - 12`` for the same month a year
earlier. Two months absent from a monthly export moved every later row's season by two months: ``auto`` found no
season in 23 rows spanning 24 months and forecast a year of airline passengers with a test MAE of 143.9, where the
same rows with the two months filled gave 20.0."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from core.data.frequency import Frequency, calendar_places, mostly_missing, stamps_between
from core.models.base import Forecaster
from core.models.features import history_clock, steps_after
from core.models.state import register
from core.training.loop import EpochCallback, History

if TYPE_CHECKING:
    from core.evaluation.intervals import BacktestPlan, Band


def history_places(ds: pd.Series, frequency: Frequency) -> np.ndarray | None:
    """Each time stamp's place on the frequency's calendar (``calendar_places``) where some stamp is missing and the
    calendar is not ``mostly_missing``; None where none is missing, a stamp is off the calendar, or most are missing."""
    places = calendar_places(ds, frequency)
    if places is None or not len(places) or places[-1] + 1 == len(places):
        return None
    return None if mostly_missing(places) else places


def on_calendar(frame: pd.DataFrame, places: np.ndarray, stamps: pd.Series) -> pd.DataFrame:
    """``frame``'s rows at ``places`` among ``stamps`` (every stamp from its first row's to its last's), the rows
    between filled: numbers interpolated linearly in time, other cells carried forward."""
    grid = np.arange(len(stamps))
    columns: dict[str, Any] = {"ds": stamps.to_numpy()}
    for name in frame.columns.drop("ds"):
        column = frame[name]
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            columns[name] = np.interp(grid, places, column.to_numpy(dtype=float))
        else:
            columns[name] = pd.Series(column.to_numpy(), index=places).reindex(grid).ffill().to_numpy()
    return pd.DataFrame(columns)


@register
@dataclass(frozen=True)
class CalendarClock:
    """Where a history filled onto its calendar (``filled_history``) put its rows, and so where the rows after it
    go: what a model fitted on the filled history needs to forecast the rows asked."""

    places: np.ndarray  # the history rows' places on the calendar
    first: str | int | None  # the history's first stamp (``history_clock``)
    frequency: Frequency

    def on_rows(self, values: np.ndarray) -> np.ndarray:
        """``values`` of every stamp of the filled history, at its rows."""
        return values[self.places.astype(int)]

    def forecast(self, predict: Callable[[pd.DataFrame], np.ndarray],
                 future: pd.DataFrame) -> tuple[np.ndarray, np.ndarray | None]:
        """``predict`` asked for every stamp up to ``future``'s last (``future_on_calendar``), at ``future``'s rows;
        and their places where they skip stamps (``held_on_rows``), None where they skip none."""
        last = float(self.places[-1])
        places = future_places(self.first, last, future, self.frequency, len(self.places))
        asked = places if len(places) and places[-1] + 1 > len(places) else None
        return predict(future_on_calendar(future, places, self.frequency, self.first, last))[places], asked


def filled_history(history: pd.DataFrame, frequency: Frequency) -> tuple[pd.DataFrame, CalendarClock | None]:
    """``history`` on every stamp of its calendar (``on_calendar``) and the clock of its rows there; ``history`` and
    None where it is left as it is (``history_places``)."""
    places = history_places(history["ds"], frequency)
    if places is None:
        return history, None
    grid = on_calendar(history, places, _stamps(history["ds"], frequency, int(places[-1]) + 1))
    return grid, CalendarClock(places, history_clock(history["ds"], frequency)[1], frequency)


def _stamps(ds: pd.Series, frequency: Frequency, count: int, skip: int = 0) -> pd.Series:
    """``count`` stamps of the calendar from ``ds``'s first to its last, after its first ``skip``."""
    if pd.api.types.is_datetime64_any_dtype(ds):
        return pd.Series(stamps_between(ds, frequency)[skip:skip + count])
    return pd.Series(int(ds.iloc[0]) + skip + np.arange(count))


def future_places(first: str | int | None, last: float, future: pd.DataFrame, frequency: Frequency,
                  rows: int) -> np.ndarray:
    """The places of ``future``'s rows after a history of ``rows`` rows whose first stamp was ``first`` and last place
    ``last`` (``history_clock``), counted from the step after it: 0, 1, 2... where they follow on without a gap."""
    return np.rint(steps_after(first, last, future["ds"], frequency, rows) - last - 1).astype(int)


def future_on_calendar(future: pd.DataFrame, places: np.ndarray, frequency: Frequency,
                       first: str | int | None, last: float) -> pd.DataFrame:
    """``future`` with the calendar's stamps it skips filled in (``on_calendar``), from the step after a history
    whose first stamp was ``first`` and last place ``last``; ``future`` itself where it skips none."""
    if not len(places) or places[-1] + 1 == len(places):
        return future
    start = pd.Series([pd.Timestamp(first) if isinstance(first, str) else first], dtype=future["ds"].dtype)
    stamps = _stamps(pd.concat([start, future["ds"]], ignore_index=True), frequency, int(places[-1]) + 1,
                     int(last) + 1)
    return on_calendar(future.reset_index(drop=True), places, stamps.reset_index(drop=True))


def held_on_rows(held: dict[str, int], places: np.ndarray | None) -> dict[str, int]:
    """``held``'s first steps held (``Forecaster.held_at_bound``, from 1, over every stamp forecast) as steps among the
    rows asked, at ``places`` (``future_places``); ``held`` itself where the last forecast skipped no stamp (None)."""
    if places is None:
        return held
    return {name: int(np.searchsorted(places, step - 1)) + 1 for name, step in held.items()
            if step - 1 <= places[-1]}


class OnCalendar(Forecaster):
    """``model`` fitted on its history filled onto the calendar where stamps are missing (``filled_history``) and
    asked for every stamp up to the rows it forecasts, which are taken from there; the model itself where none is
    missing."""

    def __init__(self, model: Forecaster) -> None:
        self.model = model
        self.name = model.name
        self.clock_: CalendarClock | None = None  # where the history's rows are on the calendar; None: none missing
        self.asked_: np.ndarray | None = None  # the last forecast's rows' places where it skipped stamps

    def fit(self, history: pd.DataFrame, frequency: Frequency, callback: EpochCallback | None = None) -> "OnCalendar":
        grid, self.clock_ = filled_history(history, frequency)
        self.model.fit(grid, frequency, callback)
        fitted = self.model.fitted_values()
        self.fitted_ = fitted if self.clock_ is None else self.clock_.on_rows(fitted)
        return self

    def forecast(self, future: pd.DataFrame) -> np.ndarray:
        self._check_fitted()
        if self.clock_ is None:
            return self.model.forecast(future)
        predicted, self.asked_ = self.clock_.forecast(self.model.forecast, future)
        return predicted

    def params(self) -> dict[str, Any]:
        """The model's, the step its forecast was first held at (ar's) counted among the rows asked."""
        found = self.model.params()
        if found.get("held_from_step"):
            found["held_from_step"] = held_on_rows({self.name: found["held_from_step"]}, self.asked_).get(self.name)
        return found

    def held_at_bound(self) -> dict[str, int]:
        return held_on_rows(self.model.held_at_bound(), self.asked_)

    def closed_form_gap(self) -> float | None:
        return self.model.closed_form_gap()

    def exact_loss_is_zero(self) -> bool:
        return self.model.exact_loss_is_zero()

    def training_history(self) -> History | None:
        return self.model.training_history()

    def compute_device(self) -> str:
        return self.model.compute_device()

    def coefficients(self) -> dict[str, float] | None:
        return self.model.coefficients()

    def measured_band(self) -> "Band | None":
        return self.model.measured_band()

    def interval_model(self) -> Forecaster | None:
        """The model's, on the calendar too; None (rebuilt from its settings) where the model's is."""
        inner = self.model.interval_model()
        return None if inner is None else OnCalendar(inner)

    def fewest_refit_rows(self) -> int:
        return self.model.fewest_refit_rows()

    def steady_errors(self) -> bool:
        return self.model.steady_errors()

    def exact_backtest(self, history: pd.DataFrame, frequency: Frequency, plan: "BacktestPlan") -> np.ndarray | None:
        """The model's one-pass backtest where no stamp is missing; refits otherwise."""
        return self.model.exact_backtest(history, frequency, plan) if history_places(history["ds"], frequency) is None \
            else None
