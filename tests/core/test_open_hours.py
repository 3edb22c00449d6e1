"""Hourly rows within the same opening hours every day are steps of those hours (``frequency.open_hours``): the night
is no gap, the forecast goes on at the next opening hour, and multi keeps one term per opening hour."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.frequency import future_dates, infer_frequency, open_days, open_hours, stray_hours
from core.data.tidy import LoadOptions, load_series
from core.evaluation.pipeline import RunRequest, run
from core.i18n import frequency_name
from core.models.files import load_model, model_bytes


def _shop_meter(days: int = 42, first: int = 9, end: int = 19, start: str = "2024-03-01") -> pd.DataFrame:
    """Readings at each hour from ``first`` to ``end - 1``, none at night: a day's wave, 10 more on weekdays."""
    stamps = [day + pd.Timedelta(hours=hour) for day in pd.date_range(start, periods=days, freq="D")
              for hour in range(first, end)]
    ds = pd.Series(stamps, name="ds")
    y = 50 + 30 * np.sin(2 * np.pi * (ds.dt.hour - 6) / 24) + 10 * (ds.dt.day_of_week < 5)
    return pd.DataFrame({"ds": ds, "y": y.to_numpy(dtype=float)})


def test_rows_within_the_same_hours_every_day_are_steps_of_those_hours() -> None:
    meter = _shop_meter()
    frequency = infer_frequency(meter["ds"])
    assert (frequency.name, frequency.alias, frequency.season_length) == ("hourly", "OH-0919", 10)
    assert open_hours(frequency.alias) == (9, 19) and open_hours("h") is None
    after = future_dates(meter["ds"].iloc[-1], frequency, 3)  # 18:00 -> the next morning
    assert after.tolist() == [pd.Timestamp("2024-04-12 09:00"), pd.Timestamp("2024-04-12 10:00"),
                              pd.Timestamp("2024-04-12 11:00")]
    assert frequency_name(frequency, "en") == "hourly 09:00-18:00"
    one_short = meter.drop(index=[15, 200]).reset_index(drop=True)  # two readings missing: gaps within the hours
    assert infer_frequency(one_short["ds"]).alias == "OH-0919"
    day_and_night = pd.Series(pd.date_range("2024-03-01", periods=24 * 20, freq="h"))
    assert infer_frequency(day_and_night).alias == "h"
    split_shift = meter[~meter["ds"].dt.hour.isin([12, 13])].reset_index(drop=True)  # closed at lunch: no window
    assert infer_frequency(split_shift["ds"]).alias != "OH-0919"


def test_a_file_of_opening_hours_loads_without_gaps_and_forecasts_its_hours() -> None:
    meter = _shop_meter()
    text = meter.assign(ds=meter["ds"].dt.strftime("%Y-%m-%d %H:%M")).rename(columns={"y": "kwh"}).to_csv(index=False)
    series = load_series(text.encode(), "meter.csv")
    assert series.frequency.alias == "OH-0919" and series.report.gaps == 0
    result = run(series.frame, series.frequency, RunRequest("multi", horizon=12))
    assert result.metrics["test"]["mae"] == pytest.approx(0, abs=1e-4)  # an hour and a weekday term each: exact
    assert not result.params.get("left_out", {}).get("hour")  # read as hourly, "10 of the 24 hours" left them out
    future = result.predictions[result.predictions["split"] == "future"]
    assert future["ds"].dt.hour.between(9, 18).all() and len(future) == 12
    expected = 50 + 30 * np.sin(2 * np.pi * (future["ds"].dt.hour - 6) / 24) + 10 * (future["ds"].dt.day_of_week < 5)
    assert np.allclose(future["predicted"], expected, atol=1e-3)


def test_seasonal_naive_repeats_the_last_opening_day_and_a_model_file_keeps_the_hours() -> None:
    meter = _shop_meter(days=14)
    frequency = infer_frequency(meter["ds"])
    result = run(meter, frequency, RunRequest("snaive", horizon=10))
    future = result.predictions[result.predictions["split"] == "future"]
    assert np.allclose(future["predicted"], meter["y"].iloc[-10:])  # the last day's ten hours
    asked = future[["ds"]].reset_index(drop=True)
    loaded = load_model(model_bytes(result.forecaster))  # the model of the test rows, saved and read back
    assert np.allclose(loaded.forecast(asked), result.forecaster.forecast(asked))


def test_a_weekday_that_never_opens_is_no_gap_and_has_no_term() -> None:
    meter = _shop_meter(days=44)  # to Saturday 13 April
    closed_sundays = meter[meter["ds"].dt.day_of_week != 6].reset_index(drop=True)
    frequency = infer_frequency(closed_sundays["ds"])
    assert frequency.alias == "OH-0919-1111110" and open_days(frequency.alias) == (0, 1, 2, 3, 4, 5)
    assert frequency_name(frequency, "en") == "hourly 09:00-18:00, Mon Tue Wed Thu Fri Sat"
    saturday_evening = closed_sundays["ds"].iloc[-1]
    assert saturday_evening.day_of_week == 5
    assert future_dates(saturday_evening, frequency, 1).iloc[0] == saturday_evening + pd.Timedelta(hours=39)  # Monday
    result = run(closed_sundays, frequency, RunRequest("multi", horizon=20))
    assert result.metrics["test"]["mae"] == pytest.approx(0, abs=1e-4)
    future = result.predictions[result.predictions["split"] == "future"]
    assert not (future["ds"].dt.day_of_week == 6).any()


def test_a_trend_over_opening_hours_is_said_per_opening_hour() -> None:
    from core.ui.explain import describe_coefficients

    meter = _shop_meter(days=21)
    frequency = infer_frequency(meter["ds"])
    said = describe_coefficients({"x": 0.05}, frequency, "kwh")
    assert any("per opening hour" in line for line in said), said  # ten a day, not 24


def test_a_reading_outside_the_opening_hours_is_left_out_and_said() -> None:
    meter = _shop_meter()
    extra = pd.DataFrame({"ds": [pd.Timestamp("2024-03-20 20:00")], "y": [75.0]})
    with_stray = pd.concat([meter, extra]).sort_values("ds")
    text = with_stray.assign(ds=with_stray["ds"].dt.strftime("%Y-%m-%d %H:%M")).to_csv(index=False)
    series = load_series(text.encode(), "meter.csv")
    assert series.frequency.alias == "OH-0919" and len(series.frame) == len(meter) and series.report.gaps == 0
    said = [notice for notice in series.report.notices if notice.key == "notice.stray_hours"]
    assert said and said[0].startswith("1 row at a time of day no other row is at (2024-03-20 20:00) was left out: "
                                       "the others, 09:00-18:00, are read as steps")
    nights = pd.DataFrame({"ds": pd.date_range("2024-03-20 20:00", periods=5, freq="D"), "y": 75.0})
    many = pd.concat([meter, nights]).sort_values("ds")  # five of them (over half a percent): no strays
    assert load_series(many.to_csv(index=False).encode(), "m.csv").frequency.alias != "OH-0919"


def test_eight_opening_hours_a_day_are_not_pandas_business_hours() -> None:
    # pandas names any day of eight hours 'bh' (09:00-17:00, Monday to Friday): forecasts skipped 08:00 and 09:00
    meter = _shop_meter(days=28, first=8, end=16)
    frequency = infer_frequency(meter["ds"])
    assert (frequency.alias, frequency.season_length) == ("OH-0816", 8)
    assert future_dates(meter["ds"].iloc[-1], frequency, 2).dt.hour.tolist() == [8, 9]


def test_future_rows_of_closed_hours_and_days_are_left_out_of_the_forecasts_rows() -> None:
    meter = _shop_meter(days=44)
    shop = meter[meter["ds"].dt.day_of_week != 6].assign(price=1.0)  # closed on Sundays, to Saturday 13 April
    ahead = pd.DataFrame({"ds": pd.date_range("2024-04-14 00:00", "2024-04-15 23:00", freq="h"), "y": np.nan,
                          "price": 2.0})  # Sunday and Monday, every hour, the regressor only
    rows = pd.concat([shop, ahead])
    text = rows.assign(ds=rows["ds"].dt.strftime("%Y-%m-%d %H:%M")).to_csv(index=False)
    series = load_series(text.encode(), "shop.csv", LoadOptions(regressors=("price",)))
    assert series.frequency.alias == "OH-0919-1111110"
    assert series.future is not None and len(series.future) == 10  # Monday's opening hours
    assert series.future["ds"].iloc[0] == pd.Timestamp("2024-04-15 09:00")


def test_hours_moved_by_a_clock_change_in_utc_stamps_are_no_strays() -> None:
    local = _shop_meter(days=92, start="2024-01-02")  # to 2 April, past the change of 31 March
    utc = local.assign(ds=local["ds"] - pd.to_timedelta(np.where(local["ds"] < "2024-03-31", 1, 2), unit="h"))
    assert stray_hours(pd.DatetimeIndex(utc["ds"])) is None  # the last days' 07:00 rows are the opening hour
    one = local.assign(ds=local["ds"].mask(local["ds"] == pd.Timestamp("2024-03-30 18:00"), pd.Timestamp(
        "2024-03-30 21:00")))  # a day's last reading written at 21:00: its day lacks the window's 18:00
    assert stray_hours(pd.DatetimeIndex(one["ds"])) is None


def test_a_trend_over_opening_hours_counts_opening_hours_later() -> None:
    from core.ui.explain import describe_coefficients

    frequency = infer_frequency(_shop_meter(days=21)["ds"])
    said = " ".join(describe_coefficients({"x": 0.5, "x^2": 0.01}, frequency, "sales", n_train=4200))
    assert "4,199 opening hours later" in said, said


def test_an_hourly_series_midnight_is_written_with_its_time() -> None:
    from core.data.quality import format_stamp

    hourly = infer_frequency(pd.Series(pd.date_range("2024-03-04", periods=50, freq="h")))
    assert format_stamp(pd.Timestamp("2024-03-04"), hourly) == "2024-03-04 00:00"  # beside "2024-04-14 23:00"
    daily = infer_frequency(pd.Series(pd.date_range("2024-03-04", periods=50, freq="D")))
    assert format_stamp(pd.Timestamp("2024-03-04"), daily) == "2024-03-04"


def test_the_row_limit_counts_the_stamps_of_opening_hours() -> None:
    from core.data.frequency import Frequency, stamps_between
    from core.data.tidy import _stamp_count

    for alias in ("OH-0919", "OH-0919-1111110"):
        ds = pd.Series(pd.to_datetime(["2024-03-04 09:00", "2024-04-13 18:00"]))
        made = len(stamps_between(ds, Frequency("hourly", alias, 10)))
        assert made <= _stamp_count(ds.iloc[0], ds.iloc[1], alias) <= made + 10  # within a day's hours, not half


def test_the_command_lines_gap_note_names_the_opening_hours() -> None:
    from core.panel.run import loading_notes

    meter = _shop_meter().drop(index=[15, 200])
    text = meter.assign(ds=meter["ds"].dt.strftime("%Y-%m-%d %H:%M")).to_csv(index=False)
    notes = loading_notes(load_series(text.encode(), "meter.csv"))
    assert any(note.startswith("2 time stamps (hourly 09:00-18:00 spacing) are missing") for note in notes), notes


@pytest.mark.parametrize(("minutes", "alias", "name", "last"), [(30, "OH30-0820-1111100", "half-hourly", "19:30"),
                                                                (15, "OH15-0820-1111100", "every 15 minutes", "19:45")])
def test_half_hours_and_quarters_within_opening_hours_are_steps_of_them(minutes: int, alias: str, name: str,
                                                                        last: str) -> None:
    # A contact centre's intervals, 08:00 to 20:00 on weekdays: read as half-hourly around the clock, 1,416 stamps were
    # missing, auto forecast 38 calls at 02:00 on a Saturday and multi 1,953 (its day terms fitted on daytime only).
    days = pd.bdate_range("2024-01-01", periods=30)
    stamps = pd.DatetimeIndex([day + pd.Timedelta(hours=8, minutes=minutes * k) for day in days
                               for k in range(12 * 60 // minutes)])
    calls = 40 + 25 * np.sin(np.pi * ((stamps.hour - 8) * 60 + stamps.minute) / 720) + 8 * (stamps.day_of_week == 0)
    text = pd.DataFrame({"Interval": stamps.strftime("%Y-%m-%d %H:%M"), "Offered": calls}).to_csv(index=False)
    series = load_series(text.encode(), "intervals.csv")
    assert (series.frequency.alias, series.frequency.name, series.report.gaps) == (alias, name, 0)
    assert series.frequency.season_length == 12 * 60 // minutes
    assert frequency_name(series.frequency, "en") == f"{name} 08:00-{last}, Mon Tue Wed Thu Fri"
    result = run(series.frame, series.frequency, RunRequest("multi", horizon=30))
    future = result.predictions[result.predictions["split"] == "future"]
    assert future["ds"].iloc[0] == pd.Timestamp("2024-02-12 08:00")  # Friday 19:xx -> Monday morning
    assert future["ds"].dt.hour.between(8, 19).all() and (future["ds"].dt.day_of_week < 5).all()
    assert result.metrics["test"]["mae"] == pytest.approx(0, abs=1e-3)  # a term per slot and per weekday: exact
    assert future["predicted"].between(calls.min() - 1, calls.max() + 1).all()
    missing = pd.Series(stamps).drop(index=range(12 * 60 // minutes * 10, 12 * 60 // minutes * 11))  # a holiday
    assert infer_frequency(missing.reset_index(drop=True)).alias == alias


@pytest.mark.parametrize(("minutes", "start", "end", "alias", "said"), [
    (30, "08:30", "17:00", "OH30-0830-1700-1111100", "half-hourly 08:30-16:30, Mon Tue Wed Thu Fri"),
    (15, "08:15", "17:15", "OH15-0815-1715-1111100", "every 15 minutes 08:15-17:00, Mon Tue Wed Thu Fri"),
    (30, "08:00", "17:30", "OH30-0800-1730-1111100", "half-hourly 08:00-17:00, Mon Tue Wed Thu Fri")])
def test_opening_hours_on_the_half_hour_are_steps_of_them(minutes: int, start: str, end: str, alias: str,
                                                          said: str) -> None:
    # From the browser check: a centre open 08:30 to 17:00 was half-hourly around the clock (1,379 stamps missing),
    # seasonal naive repeated 48 rows (test MAE 9.08 where the day's lag gives 3.80), the forecast ran into the night.
    opens, closes = (pd.Timedelta(f"{clock}:00") for clock in (start, end))
    slots = int((closes - opens) / pd.Timedelta(minutes=minutes))
    days = pd.bdate_range("2024-07-29", "2024-09-06")
    stamps = pd.DatetimeIndex([day + opens + pd.Timedelta(minutes=minutes * k) for day in days for k in range(slots)])
    frame = pd.DataFrame({"ds": stamps, "y": 50 + 20 * np.sin(np.arange(len(stamps)) % slots / slots * np.pi)})
    frequency = infer_frequency(frame["ds"])
    assert (frequency.alias, frequency.season_length, frequency_name(frequency, "en")) == (alias, slots, said)
    after = future_dates(frame["ds"].iloc[-1], frequency, slots + 2)  # Friday's last slot -> Monday, then Tuesday
    assert after.iloc[0] == pd.Timestamp(f"2024-09-09 {start}")
    assert after.iloc[slots] == pd.Timestamp(f"2024-09-10 {start}")
    result = run(frame, frequency, RunRequest("snaive", horizon=5))
    assert result.params["season"] == slots and result.metrics["test"]["mae"] == pytest.approx(0, abs=1e-9)
    multi = run(frame, frequency, RunRequest("multi", horizon=5))
    assert multi.metrics["test"]["mae"] == pytest.approx(0, abs=1e-3)  # one term per slot: the day's shape exactly


def test_a_stray_reading_beside_half_hours_and_hours_on_the_half_hour_keep_the_opening_hours() -> None:
    # From the review of 00381c3: one 19:00 reading beside quarter-hours from 08:45 (hour 8 holding one row counted as
    # stray too), or an 08:00 one before a centre's 08:30, made the series run around the clock (2,757 stamps missing);
    # hourly rows at 08:30, 09:30 ... were hourly around the clock.
    days = pd.bdate_range("2024-03-04", periods=30)
    quarters = [day + pd.Timedelta(hours=8, minutes=45 + 15 * k) for day in days for k in range(34)]
    stray = pd.Series(sorted([*quarters, pd.Timestamp("2024-03-13 19:00")]))
    assert stray_hours(pd.DatetimeIndex(stray)).sum() == 1
    series = load_series(pd.DataFrame({"ds": stray.dt.strftime("%Y-%m-%d %H:%M"), "calls": np.arange(len(stray)) % 7})
                         .to_csv(index=False).encode(), "centre.csv")
    assert series.frequency.alias == "OH15-0845-1715-1111100" and len(series.frame) == len(quarters)
    stray_notice = next(notice for notice in series.report.notices if notice.key == "notice.stray_hours")
    assert stray_notice.params["hours"] == "08:45-17:00"
    on_the_half_hour = pd.Series([day + pd.Timedelta(hours=8, minutes=30 + 60 * k) for day in days for k in range(9)])
    frequency = infer_frequency(on_the_half_hour)
    assert (frequency.alias, frequency_name(frequency, "en")) == ("OH-0830-1730-1111100",
                                                                  "hourly 08:30-16:30, Mon Tue Wed Thu Fri")
    assert future_dates(on_the_half_hour.iloc[-1], frequency, 2).tolist() == [pd.Timestamp("2024-04-15 08:30"),
                                                                               pd.Timestamp("2024-04-15 09:30")]


def test_readings_a_little_off_the_half_hours_of_opening_hours_are_read_on_them() -> None:
    # A car park's occupancy read from about 08:00 to 16:30, each stamp seconds to three minutes off the half hour:
    # half-hours around the clock with the nights missing, auto's forecast flat at 51% test MAPE.
    rng = np.random.default_rng(9)
    days = pd.date_range("2016-10-04", periods=40, freq="D")
    slots = [day + pd.Timedelta(minutes=480 + 30 * k) for day in days for k in range(18)]
    jitter = pd.to_timedelta(rng.integers(-170, 170, len(slots)), unit="s")
    text = "SystemCodeNumber,Capacity,Occupancy,LastUpdated\n" + "".join(
        f"BHMBCCMKT01,577,{200 + 20 * (k % 18) + int(rng.integers(0, 40))},{stamp + off:%Y-%m-%d %H:%M:%S}\n"
        for k, (stamp, off) in enumerate(zip(slots, jitter)))
    series = load_series(text.encode(), "dataset.csv")
    assert (series.target, series.frequency.alias, series.report.gaps) == ("Occupancy", "OH30-0817", 0)
    assert list(series.frame["ds"].iloc[:2]) == slots[:2]
    assert any(notice.key == "notice.open_hour_steps" for notice in series.report.notices)


def test_from_the_review_of_8415552_future_rows_move_too_and_even_stamps_stay() -> None:
    rng = np.random.default_rng(2)
    days = pd.bdate_range("2024-03-04", periods=25)
    slots = [day + pd.Timedelta(minutes=480 + 30 * k) for day in days for k in range(18)]
    off = pd.to_timedelta(rng.integers(-100, 100, len(slots) + 18), unit="s")
    later = [pd.Timestamp("2024-04-08") + pd.Timedelta(minutes=480 + 30 * k) for k in range(18)]
    text = "LastUpdated,Occupancy,Events\n" + "".join(
        f"{stamp + off[k]:%Y-%m-%d %H:%M:%S},{200 + 10 * (k % 18) + int(rng.integers(0, 30))},{k % 2}\n"
        for k, stamp in enumerate(slots)) + "".join(
        f"{stamp + off[len(slots) + k]:%Y-%m-%d %H:%M:%S},,{k % 2}\n" for k, stamp in enumerate(later))
    series = load_series(text.encode(), "park.csv", LoadOptions(regressors=("Events",)))
    assert series.future is not None and list(series.future["ds"].iloc[:2]) == later[:2]  # on the steps too
    even = "Timestamp,Reading\n" + "".join(
        f"{day + pd.Timedelta(minutes=483 + 60 * k):%Y-%m-%d %H:%M:%S},{200 + k + int(rng.integers(0, 9))}\n"
        for day in days for k in range(10))
    kept = load_series(even.encode(), "meter.csv")  # every day at 08:03, 09:03, ...: opening hours as they are
    assert kept.frame["ds"].iloc[0] == days[0] + pd.Timedelta(minutes=483)
