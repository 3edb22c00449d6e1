"""Rows combined per period (``LoadOptions.per``, ``--per``): an event log becomes a regular series."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.tidy import LoadOptions, load_series
from core.errors import DataError
from core.panel.choice import PanelChoice, read_panel


def event_log(days: int = 40, orders: int = 900, skip_day: int = 10, seed: int = 0) -> pd.DataFrame:
    """Orders at random times over ``days`` days, none on day ``skip_day`` (a closed day)."""
    rng = np.random.default_rng(seed)
    stamps = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, days * 86_400, orders)), unit="s")
    stamps = stamps[stamps.normalize() != pd.Timestamp("2024-01-01") + pd.Timedelta(days=skip_day)]
    return pd.DataFrame({"time": stamps.strftime("%Y-%m-%d %H:%M:%S"), "amount": rng.uniform(5, 50, len(stamps))})


def load(frame: pd.DataFrame, **options: object) -> object:
    read = LoadOptions(**options)  # type: ignore[arg-type]
    return load_series(frame.to_csv(index=False).encode(), "orders.csv", read)


def test_an_event_log_summed_per_day_is_each_days_total_and_a_day_without_orders_is_zero() -> None:
    log = event_log()
    assert load(log).report.irregular_rows > 0  # as written: rows between the steps
    series = load(log, per="day", duplicates="sum")
    expected = log.groupby(pd.to_datetime(log["time"]).dt.normalize())["amount"].sum()
    shown = series.frame.set_index("ds")["y"]
    assert series.frequency.alias == "D" and series.report.irregular_rows == 0 and series.report.gaps == 0
    assert len(shown) == 40 and shown.loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())
    assert shown.loc["2024-01-11"] == 0.0  # the closed day: no orders, a total of 0, not an interpolated guess
    assert [str(n) for n in series.report.notices] == [
        f"Rows combined per day by their sum: {len(log):,} rows into 40, one per day; 1 day without a row in the file, "
        "counted as 0."]


def test_averaged_per_day_a_day_without_rows_is_a_gap_to_fill_not_zero() -> None:
    series = load(event_log(), per="day", duplicates="mean")
    assert len(series.frame) == 39 and series.report.gaps == 1
    filled = load(event_log(), per="day", duplicates="mean", fill_gaps=True)
    day = filled.frame.set_index("ds")["y"]
    assert day.loc["2024-01-11"] == pytest.approx((day.loc["2024-01-10"] + day.loc["2024-01-12"]) / 2)


def test_weeks_start_on_monday_and_a_blank_cell_in_a_period_with_rows_stays_blank_to_fill() -> None:
    log = event_log(days=70, skip_day=-1)
    weeks = load(log, per="week", duplicates="sum").frame
    assert (weeks["ds"].dt.dayofweek == 0).all() and len(weeks) == 10
    log.loc[log.index[:5], "amount"] = np.nan  # a sum of blank cells only is blank: the missing-value policy fills it
    first_day = pd.to_datetime(log["time"]).dt.normalize() == pd.Timestamp("2024-01-01")
    log.loc[first_day, "amount"] = np.nan
    days = load(log, per="day", duplicates="sum", missing="drop").frame
    assert days["ds"].iloc[0] == pd.Timestamp("2024-01-02")


def test_combining_per_period_needs_dates_and_a_known_period() -> None:
    numbered = pd.DataFrame({"value": np.arange(20.0)})
    with pytest.raises(DataError, match="Combining the rows per day needs dates: choose the date column"):
        load(numbered, per="day")
    with pytest.raises(DataError, match="Unknown period 'fortnight' to combine the rows per: use one of minute, "
                                        "hour, day"):
        load(event_log(), per="fortnight")


def test_future_rows_stay_future_rows_and_only_the_history_gets_zeros() -> None:
    # Future rows (orders blank, promotion known) on Jan 21 and 23: the summed reindex made Jan 22 a day of 0 orders
    # in the history, interpolated Jan 21, and kept only Jan 23 as future.
    log = event_log(days=20, skip_day=5).assign(price=1.0)
    future = pd.DataFrame({"time": ["2024-01-21 10:00:00", "2024-01-22 10:00:00"], "amount": [np.nan, np.nan],
                           "price": [2.0, 2.5]})
    series = load(pd.concat([log, future]), per="day", duplicates="sum", regressors=("price",))
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("2024-01-20") and len(series.frame) == 20
    assert series.frame.set_index("ds").loc["2024-01-06", "y"] == 0.0  # the closed day in the history
    # the regressor is each day's mean, on the scale of its future rows: summed, a day's price read 40 beside 2.0
    assert series.frame["price"].eq(1.0).all()
    assert series.future is not None and series.future["price"].tolist() == [2.0, 2.5]


def test_a_period_finer_than_the_stamps_or_past_the_row_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    daily = pd.DataFrame({"time": pd.date_range("2024-01-01", periods=60, freq="D").strftime("%Y-%m-%d"),
                          "amount": np.arange(60.0)})
    finer = "Combining the rows per hour combines none of them, and 1,357 of the 1,417 periods would be zeros"
    with pytest.raises(DataError, match=finer + ": the time stamps keep to a few of them"):
        load(daily, per="hour", duplicates="sum")
    monkeypatch.setenv("TSR_MAX_ROWS", "900")  # the file's 879 rows pass; its 960 hours do not
    limit = "Combining the rows per hour from 2024-01-01 to 2024-02-09 would make more rows than the limit of 900"
    with pytest.raises(DataError, match=limit + ": choose a longer period"):
        load(event_log(), per="hour", duplicates="sum")


def test_averaged_per_period_says_to_sum_parts_of_a_total() -> None:
    notices = [str(n) for n in load(event_log(), per="day", duplicates="mean").report.notices]
    assert notices[-1].endswith("one per day. If the rows are parts of one total (orders, sales), choose sum under "
                                "Reading options (--duplicates sum).")


def test_combining_that_combines_nothing_or_leaves_too_few_periods_is_refused_with_the_fix() -> None:
    daily = pd.DataFrame({"time": pd.date_range("2024-01-01", periods=91, freq="D").strftime("%Y-%m-%d"),
                          "amount": np.arange(91.0)})
    with pytest.raises(DataError, match="Combining the rows per hour combines none of them: each row already has "
                                        "its own hour"):
        load(daily, per="hour", duplicates="mean")  # it said "120 rows into 120, one per hour"
    with pytest.raises(DataError, match="Combined per month, the 91 rows make only 3 with a value; a series needs at "
                                        "least 8: choose a shorter period"):
        load(daily, per="month", duplicates="sum")  # it said the file held "only 3 distinct time stamps"
    assert load(event_log(), per="day", duplicates="sum").report.duplicate_stamps_aggregated == 0


def test_a_text_column_naming_groups_is_said_combined_with_the_series_id_as_the_fix() -> None:
    log = event_log()
    log = log.assign(time=log["time"].str[:10], store=np.resize(["north", "south", "east"], len(log)),
                     note=[f"order {i}" for i in range(len(log))])
    series = load(log, per="day", duplicates="sum")  # 39 dates on 880 rows: the time column, not groups
    said = [str(n) for n in series.report.notices if n.key == "notice.per_period_groups"]
    assert said == ["Column 'store' names 3 groups ('east', 'north', 'south'): the rows of all of them were combined "
                    "per day into one series. To forecast each, choose 'store' as the Series id (--id-col store)."]
    status = log.assign(store=np.where(np.arange(len(log)) % 40 == 0, "refunded", "paid"))
    assert not [n for n in load(status, per="day", duplicates="sum").report.notices  # 2.5% refunded: no series
                if n.key == "notice.per_period_groups"]
    one_store = load(log[log["store"] == "north"], per="day", duplicates="sum")  # one value: nothing combined across
    assert not [n for n in one_store.report.notices if n.key == "notice.per_period_groups"]


def test_orders_with_the_offsets_of_daylight_saving_count_on_the_local_day_written() -> None:
    # A shop's export writes each time with its offset (+01:00 in winter, +02:00 in summer); read on the first row's
    # +02:00, winter orders paid after 23:00 were counted on the next day (84 of 457 days wrong).
    stamps = pd.date_range("2024-03-20", "2024-04-05 23:00", freq="3h", tz="Europe/Berlin")
    log = pd.DataFrame({"Paid at": stamps.strftime("%Y-%m-%d %H:%M:%S %z")[::-1], "Total": 1.0})  # newest first
    log.loc[log["Paid at"].str.startswith("2024-03-25 21:00"), "Total"] = 100.0  # 21:00 +01:00, before the change
    series = load(log, per="day", duplicates="sum")
    shown = series.frame.set_index("ds")["y"]
    assert shown.loc["2024-03-25"] == 107.0 and shown.loc["2024-03-26"] == 8.0  # 8 rows a day, each on its own day
    assert (shown.drop(pd.Timestamp("2024-03-25")) == 8.0).all() and len(shown) == 17
    said = [str(notice) for notice in series.report.notices]
    assert said[0] == ("Times in 'Paid at' carry more than one UTC offset (daylight saving); combined per day, each "
                       "row counts on the date and time written, in the file's local time.")
    assert not any("first row's offset" in line for line in said)
    as_written = load(log)  # not combined: evenly spaced on one offset, as before
    assert "first row's offset (+02:00)" in " ".join(str(notice) for notice in as_written.report.notices)


def test_a_first_and_last_week_the_file_covers_in_part_are_left_out_of_a_sum_and_said() -> None:
    # An export from Friday 2024-03-01 to Saturday 2024-05-25: its first week summed three days (976 where full weeks
    # were 2,400-2,900) and trained as a dip, and so did its last.
    days = pd.date_range("2024-03-01", "2024-05-25", freq="D")
    stamps = [day + pd.Timedelta(hours=hour) for day in days for hour in range(9, 19, 2)]  # open 9 to 18
    log = pd.DataFrame({"time": [f"{stamp:%Y-%m-%d %H:%M}" for stamp in stamps], "amount": 10.0})
    weekly = load(log, per="week", duplicates="sum")
    shown = weekly.frame.set_index("ds")["y"]
    assert shown.index[0] == pd.Timestamp("2024-03-04") and shown.index[-1] == pd.Timestamp("2024-05-13")
    assert (shown == 350.0).all()  # full weeks only: 7 days of 5 orders
    said = [str(notice) for notice in weekly.report.notices]
    assert "The first week (2024-02-26) holds rows from 2024-03-01 09:00 only: summed, it would read low, so it is " \
           "left out." in said and any(line.startswith("The last week (2024-05-20) holds rows up to 2024-05-25 17:00")
                                       for line in said)
    daily = load(log, per="day", duplicates="sum")  # every day opens at 9: the first is no partial day
    assert len(daily.frame) == len(days) and not any("left out" in str(notice) for notice in daily.report.notices)
    assert len(load(log, per="week", duplicates="mean").frame) == 13  # a mean of part of a week is no dip


def test_counted_per_day_the_rows_themselves_are_the_series_and_a_day_without_one_is_zero() -> None:
    log = event_log().assign(ticket_id=lambda frame: np.arange(len(frame)) * 7 + 1000)
    counted = load(log, per="day", duplicates="count")
    expected = log.groupby(pd.to_datetime(log["time"]).dt.normalize()).size()
    shown = counted.frame.set_index("ds")["y"]
    assert counted.target == "rows" and shown.loc[expected.index].tolist() == expected.tolist()
    assert shown.loc["2024-01-11"] == 0.0 and len(shown) == 40  # the closed day counted as 0, as a sum is
    assert str(counted.report.notices[0]).startswith("Rows combined per day by their count:")
    only_ids = load(log[["time", "ticket_id"]], per="day", duplicates="sum")  # the id taken: said, with the fix
    assert only_ids.target == "ticket_id" and any("--duplicates count --per day" in str(notice)
                                                  for notice in only_ids.report.notices)
    named = load(log.rename(columns={"amount": "rows"}), per="day", duplicates="count")  # a column of that name stays
    assert named.target == "rows counted" and named.frame["y"].sum() == len(log)


def test_rows_a_status_marks_failed_or_refunded_count_nothing_or_are_said_combined_with_the_others() -> None:
    # A payments export's failed and refunded payments went into each day's total without a word; itch.io's
    # 'refunded' purchases were said and still summed, their money paid back
    log = event_log().assign(Status="succeeded")
    log.loc[log.index[::50], "Status"] = "failed"
    log.loc[log.index[1::90], "Status"] = "Refunded"
    said = [str(notice) for notice in load(log, per="day", duplicates="sum").report.notices]
    failed, refunded = len(log.index[::50]), len(log.index[1::90])  # a failed payment paid nothing: counted as 0
    assert f"{failed + refunded} rows of 'amount' that 'Status' marks Refunded, failed were counted as 0: nothing " \
           "was paid on them, or it was paid back." in said, said
    refund_rows = log.assign(amount=np.where(np.arange(len(log)) % 97 == 3, -10.0, log["amount"]))  # refunds of
    said = [str(notice) for notice in load(refund_rows, per="day", duplicates="sum").report.notices]  # their own
    assert f"{refunded} rows marked 'Refunded' in 'Status' were combined per day with the others: where they " \
           "should not count, leave them out of the file." in said, said
    assert not any("marked" in line for line in [str(n) for n in load(event_log(), per="day").report.notices])
    balance = event_log().assign(Type="charge")  # Stripe's balance history: a day's payout among its charges
    balance.loc[balance.index[::40], "Type"] = "payout"
    said = [notice.key for notice in load(balance, per="day", duplicates="sum").report.notices]
    assert "notice.payout_rows" in said and "notice.per_period_marked" not in said  # counted as 0 (no sale)


def test_counting_keeps_future_regressor_rows_and_sum_after_count_detects_the_target_again() -> None:
    # Rows with only a date and a planned promotion were counted as events (1 each): the series ended on a week of 1s
    # and the future values were gone. And the counted target, named by the page's picker, refused a sum after it.
    log = event_log().assign(promo=0.0)
    days = pd.date_range("2024-02-10", periods=7, freq="D").strftime("%Y-%m-%d 00:00:00")
    future = pd.DataFrame({"time": days, "amount": np.nan, "promo": 1.0})
    counted = load(pd.concat([log, future], ignore_index=True), per="day", duplicates="count", regressors=("promo",))
    assert counted.future is not None and len(counted.future) == 7 and len(counted.frame) == 40
    summed = load(log, per="day", duplicates="sum", target="rows")  # the picker still naming the counted column
    assert summed.target == "amount"
    with_promo = load(log[["time", "promo"]], per="day", duplicates="count", regressors=("promo",))
    assert with_promo.frame["y"].sum() > 0  # times and a regressor alone: every row an event
    named = load(pd.DataFrame({"year": range(1990, 2020), "GDP_ID": range(5000, 5030)}), target="GDP_ID")
    assert not any("numbers the rows" in str(notice) for notice in named.report.notices)  # a measure named by hand
    times = load(log[["time"]], per="day", duplicates="count")  # a log of times alone: each row an event
    assert times.frame["y"].sum() == len(log[["time"]].drop_duplicates())  # a row repeated whole is a copy, said


def test_a_last_quarter_of_two_months_is_partial_as_a_first_week_of_six_days_is() -> None:
    months = pd.date_range("2018-01-01", "2023-02-01", freq="MS")
    quarterly = load(pd.DataFrame({"time": months.strftime("%Y-%m-%d"), "amount": 100.0}), per="quarter",
                     duplicates="sum")
    assert quarterly.frame["ds"].iloc[-1] == pd.Timestamp("2022-10-01") and (quarterly.frame["y"] == 300.0).all()
    days = pd.date_range("2024-01-02", "2024-03-30", freq="D")  # Tuesday to Saturday
    weekly = load(pd.DataFrame({"time": days.strftime("%Y-%m-%d"), "amount": 10.0}), per="week", duplicates="sum")
    assert (weekly.frame["y"] == 70.0).all() and len(weekly.frame) == 11


def test_blank_readings_are_filled_before_a_regular_series_is_summed_per_month() -> None:
    # a solar portal's ten blank days of outage, summed per month as nothing: July 30% low, and the page said none was
    # filled; an event log's blank cells are no readings and stay out
    days = pd.date_range("2023-03-01", "2023-10-31", freq="D")
    cells = ["" if pd.Timestamp("2023-07-10") <= day <= pd.Timestamp("2023-07-19") else "40" for day in days]
    text = "Time,Site Energy (kWh)\n" + "".join(f"{day:%m/%d/%Y} 00:00,{cell}\n" for day, cell in zip(days, cells))
    series = load_series(text.encode(), "site.csv", LoadOptions(per="month", duplicates="sum"))
    july = series.frame.loc[series.frame["ds"] == pd.Timestamp("2023-07-01"), "y"].iloc[0]
    assert july == 31 * 40
    said = next(n for n in series.report.notices if n.key == "notice.blanks_before_sum")
    assert said.params["cells"] == 10 and "filled (interpolate)" in str(said)
    zero = load_series(text.encode(), "site.csv", LoadOptions(per="month", duplicates="sum", missing="zero"))
    assert zero.frame.loc[zero.frame["ds"] == pd.Timestamp("2023-07-01"), "y"].iloc[0] == 21 * 40
    orders = "Hour,Orders\n" + "".join(f"{t:%Y-%m-%d %H:00},{'' if k % 50 == 7 else 1 + k % 6}\n"
                                       for k, t in enumerate(pd.date_range("2024-01-01", periods=24 * 40, freq="h")))
    counted = load_series(orders.encode(), "orders.csv", LoadOptions(per="day", duplicates="sum"))
    assert not any(n.key == "notice.blanks_before_sum" for n in counted.report.notices)  # a small count's blank: 0
    log = event_log()  # orders at their own times: a blank amount is no reading to fill
    log.loc[log.index[::10], "amount"] = np.nan
    summed = load(log, per="day", duplicates="sum")
    assert not any(n.key == "notice.blanks_before_sum" for n in summed.report.notices)


def test_a_partial_last_month_kept_for_want_of_months_is_said() -> None:
    # a young shop's export taken on 10 February after seven full months: the month was summed as a full one, unsaid
    days = pd.date_range("2023-07-01", "2024-02-10", freq="D")
    counted = load(pd.DataFrame({"time": days.strftime("%Y-%m-%d"), "amount": 10.0}), per="month", duplicates="sum")
    assert counted.frame["ds"].iloc[-1] == pd.Timestamp("2024-02-01") and counted.frame["y"].iloc[-1] == 100.0
    said = [str(notice) for notice in counted.report.notices if notice.key == "notice.per_partial_kept_last"]
    assert len(said) == 1 and "2024-02-10" in said[0] and "fewer than 8 months" in said[0]


def test_a_partial_first_and_last_period_are_left_out_one_by_one_while_eight_remain() -> None:
    # from the review: nine months partial at both ends kept both, each said to be kept 'as fewer than 8 months would
    # be left without it'; the running last month goes, the first stays
    days = pd.date_range("2023-06-20", "2024-02-10", freq="D")
    summed = load(pd.DataFrame({"time": days.strftime("%Y-%m-%d"), "amount": 10.0}), per="month", duplicates="sum")
    assert summed.frame["ds"].iloc[-1] == pd.Timestamp("2024-01-01") and len(summed.frame) == 8
    keys = [notice.key for notice in summed.report.notices]
    assert "notice.per_partial_last" in keys and "notice.per_partial_kept_first" in keys


def spacing_change(first: str, then: str, switch: str, end: str, start: str = "2025-08-01") -> pd.DataFrame:
    """A price every ``first`` to ``switch``, then every ``then`` to ``end``, each stamp's value its minutes past
    midnight plus its day number (an hour's mean then known)."""
    stamps = pd.date_range(start, switch, freq=first, inclusive="left").append(
        pd.date_range(switch, end, freq=then, inclusive="left"))
    price = stamps.hour * 60 + stamps.minute + (stamps - pd.Timestamp(start)).days
    return pd.DataFrame({"MTU": stamps.strftime("%d.%m.%Y %H:%M"), "Day-ahead Price [EUR/MWh]": price.astype(float)})


def test_stamps_hourly_then_every_15_minutes_are_read_hourly_each_hour_the_mean_of_its_quarters() -> None:
    frame = spacing_change("h", "15min", "2025-10-01", "2025-10-15")
    series = load(frame)  # ENTSO-E's day-ahead prices from October 2025
    assert series.frequency.name == "hourly" and series.report.gaps == 0
    shown = series.frame.set_index("ds")["y"]
    assert len(shown) == (31 + 30 + 14) * 24
    assert shown.loc["2025-10-03 05:00"] == pytest.approx(5 * 60 + 22.5 + 63)  # 05:00 to 05:45, day 63
    assert shown.loc["2025-09-30 23:00"] == 23 * 60 + 60
    notice = next(n for n in series.report.notices if n.key == "notice.spacing_change_mean")
    assert str(notice) == (
        "The time stamps change from hourly to every 15 minutes at 2025-10-01 00:00:00: the series is read hourly, the "
        "finer rows combined by their mean (1,008 rows fewer). To forecast every 15 minutes, load only the rows from "
        "2025-10-01 00:00:00. If they are parts of one total, choose sum (--duplicates sum).")


def test_stamps_every_5_then_every_15_minutes_are_read_every_15_summed_when_asked() -> None:
    frame = spacing_change("5min", "15min", "2025-08-03", "2025-08-06").rename(
        columns={"Day-ahead Price [EUR/MWh]": "Energy (kWh)"})
    frame["Energy (kWh)"] = 1.0
    series = load(frame, duplicates="sum")  # a meter's logger set from 5 to 15 minutes
    shown = series.frame.set_index("ds")["y"]
    assert series.frequency.name == "every 15 minutes" and len(shown) == 5 * 96
    assert shown.loc["2025-08-01 10:15"] == 3.0 and shown.loc["2025-08-05 10:15"] == 1.0
    notice = next(n for n in series.report.notices if n.key == "notice.spacing_finer_first")
    assert "from every 5 minutes to every 15 minutes at 2025-08-03 00:00:00" in str(notice)
    assert "load only the rows before 2025-08-03 00:00:00" in str(notice)


def test_a_few_finer_rows_among_hourly_ones_or_a_finer_burst_between_are_no_change_of_spacing() -> None:
    hourly = spacing_change("h", "h", "2025-08-20", "2025-09-10")
    burst = spacing_change("15min", "15min", "2025-08-25", "2025-08-26", start="2025-08-24")
    frame = pd.concat([hourly, burst]).drop_duplicates("MTU")
    frame = frame.assign(at=pd.to_datetime(frame["MTU"], format="%d.%m.%Y %H:%M")).sort_values("at").drop(columns="at")
    series = load(frame)  # hourly, then two days every 15 minutes, then hourly again
    assert not any(n.key.startswith("notice.spacing_") for n in series.report.notices)


def test_a_spacing_change_keeps_a_longer_finer_part_sums_only_the_target_and_reads_interval_ends() -> None:
    # reviews: two days of hourly commissioning before 60 days every 15 minutes were read hourly; with sum, the
    # temperature was summed too; AEMO's stamps end their intervals (the 5-minute rows of 12:05 to 12:30 are 12:30's)
    short = spacing_change("h", "15min", "2025-08-03", "2025-10-02")
    series = load(short)
    assert series.frequency.name == "every 15 minutes"
    assert not any(n.key.startswith("notice.spacing_") for n in series.report.notices)
    energy = spacing_change("h", "15min", "2025-10-01", "2025-10-15").rename(
        columns={"Day-ahead Price [EUR/MWh]": "energy"}).assign(temperature=20.0)
    summed = load(energy, duplicates="sum", regressors=("temperature",))
    assert (summed.frame["temperature"] == 20.0).all()
    assert summed.frame.set_index("ds")["y"].loc["2025-10-03 05:00"] == pytest.approx(4 * (5 * 60 + 22.5 + 63))
    stamps = pd.date_range("2021-08-01 00:30", "2021-10-01 00:00", freq="30min").append(
        pd.date_range("2021-10-01 00:05", "2021-10-15 00:00", freq="5min"))
    peak = (stamps.hour == 12) & (stamps.minute > 0) & (stamps.minute <= 30)  # the half-hour ending 12:30
    aemo = pd.DataFrame({"SETTLEMENTDATE": stamps.strftime("%Y/%m/%d %H:%M:%S"),
                         "TOTALDEMAND": np.where(peak, 900.0, 500.0)})
    shown = load(aemo).frame.set_index("ds")["y"]
    assert shown.loc["2021-10-05 12:30"] == pytest.approx(900.0) and shown.loc["2021-10-05 12:00"] == 500.0


def test_a_spacing_change_sums_an_intervals_energy_but_not_a_register_and_leaves_a_cut_last_hour_out() -> None:
    # a review: 'Meter Reading (kWh)', a register, was summed to four times its level at the switch; a last hour cut at
    # 23:15 was summed as a whole one
    energy = spacing_change("h", "15min", "2025-10-01", "2025-10-15 00:30").rename(
        columns={"Day-ahead Price [EUR/MWh]": "Usage (kWh)"})
    shown = load(energy).frame.set_index("ds")["y"]
    assert shown.loc["2025-10-03 05:00"] == pytest.approx(4 * (5 * 60 + 22.5 + 63))
    assert shown.index[-1] == pd.Timestamp("2025-10-14 23:00")  # 15 October's 00:00 and 00:15 make no whole hour
    register = energy.rename(columns={"Usage (kWh)": "Meter Reading (kWh)"})
    assert load(register).frame.set_index("ds")["y"].loc["2025-10-03 05:00"] == pytest.approx(5 * 60 + 22.5 + 63)


def _statement(marks: list[str], column: str = "Af Bij") -> pd.DataFrame:
    """Two years of a statement's unsigned amounts: a salary on the 25th, a rent on the 1st, groceries each day, each
    row marked by ``column`` with ``marks`` (money out's word, then money in's)."""
    days = pd.date_range("2022-01-01", "2023-12-31", freq="D")
    rows = [(day, 2450.0, marks[1], "OV") for day in days if day.day == 25]
    rows += [(day, 1250.0, marks[0], "OV") for day in days if day.day == 1]
    rows += [(day, 20.0 + day.day % 7, marks[0], "BA") for day in days]
    frame = pd.DataFrame(rows, columns=["Datum", "Bedrag (EUR)", column, "Code"]).sort_values("Datum", kind="stable")
    return frame.assign(Datum=frame["Datum"].dt.strftime("%Y%m%d"))


def test_an_unsigned_amount_beside_its_side_is_summed_as_the_net_in_one_series_and_in_each_of_a_long_file() -> None:
    # from a walk: ING's 'Af Bij' and Mint's 'Transaction Type' (debit, credit) beside unsigned amounts: salary and rent
    # were added, 4,936 a month where the month's net was -36 (and the same in each series split by 'Code')
    for marks, column in ((["Af", "Bij"], "Af Bij"), (["debit", "credit"], "Transaction Type")):
        statement = _statement(marks, column)
        net = load(statement.drop(columns="Code"), per="month", duplicates="sum")
        january = 2450 - 1250 - sum(20.0 + day % 7 for day in range(1, 32))
        assert net.frame["y"].iloc[0] == pytest.approx(january)
        assert "notice.signed_by_side" in [notice.key for notice in net.report.notices]
        panel = read_panel(statement.to_csv(index=False).encode(), "s.csv", LoadOptions(per="month", duplicates="sum"),
                           PanelChoice(("Code",)))
        transfers = next(task for task in panel.tasks if task.unique_id == "OV").load()
        assert transfers.frame["y"].iloc[0] == 1200.0
    signed = _statement(["Af", "Bij"]).assign(**{"Bedrag (EUR)": lambda f: f["Bedrag (EUR)"] * -1})
    assert (load(signed.drop(columns="Code"), per="month", duplicates="sum").frame["y"] < 0).all()  # signs kept
    doors = _statement(["Out", "In"], "Direction").drop(columns="Code")  # a door counter's directions: no money
    assert (load(doors, per="month", duplicates="sum").frame["y"] > 0).all()


def test_declined_and_reverted_rows_count_as_nothing_paid_in_a_sum_but_are_still_counted_as_rows() -> None:
    # from a walk: Revolut's 'State' REVERTED (a rent sent back) and DECLINED card payments were summed as spending
    log = event_log().assign(State="COMPLETED")
    log.loc[log.index[::25], "State"] = "DECLINED"
    log.loc[log.index[7::50], "State"] = "REVERTED"
    paid = log[log["State"] == "COMPLETED"]
    summed = load(log, per="day", duplicates="sum")
    expected = paid.groupby(pd.to_datetime(paid["time"]).dt.normalize())["amount"].sum()
    assert summed.frame.set_index("ds")["y"].reindex(expected.index).to_numpy() == pytest.approx(expected.to_numpy())
    said = [notice.key for notice in summed.report.notices]
    assert "notice.failed_rows" in said and "notice.per_period_marked" not in said
    counted = load(log, per="day", duplicates="count")
    assert counted.frame["y"].sum() == len(log) and "notice.per_period_marked" in [
        notice.key for notice in counted.report.notices]


def _register(hours: int = 24 * 60, decimals: int = 3) -> tuple[pd.DataFrame, np.ndarray]:
    """An energy meter's hourly register (from 12,345.678 kWh) and each hour's use, evenings higher."""
    rng = np.random.default_rng(3)
    use = np.round(0.3 + 0.9 * (np.arange(hours) % 24 >= 17) + rng.uniform(0, 0.1, hours), decimals)
    stamps = pd.date_range("2023-10-01", periods=hours, freq="h")
    register = np.round(12345.678 + np.cumsum(use), decimals)
    return pd.DataFrame({"start": stamps.strftime("%Y-%m-%dT%H:%M:%S+00:00"), "state": register}), use


def test_a_registers_readings_summed_per_day_are_its_rises_and_an_interval_column_beside_it_is_the_target() -> None:
    # from the walks: Home Assistant's 'state' (a meter's kWh) summed per day made 296,470 kWh a day; an energy
    # meter's 'kWh Register' was forecast before its 'Interval kWh', and ran backwards
    readings, use = _register()
    daily = load(readings, per="day", duplicates="sum")
    assert daily.frame["y"].iloc[1:-1].to_numpy() == pytest.approx(use.reshape(-1, 24).sum(axis=1)[1:-1])
    assert "notice.register_increments" in [notice.key for notice in daily.report.notices]
    last = load(readings, per="day", duplicates="last")  # the readings themselves, asked for
    assert last.frame["y"].iloc[0] == readings["state"].iloc[23]
    both = readings.assign(**{"Interval kWh": np.round(use, 2), "state": np.round(readings["state"], 1)})
    chosen = load(both.rename(columns={"state": "kWh Register"}))
    assert chosen.target == "Interval kWh"
    alone = load(readings.rename(columns={"state": "kWh Register"}))
    assert alone.target == "kWh Register" and alone.frame.attrs.get("target_running")
    orders = event_log()  # an order log's amounts rise and fall: summed as they are
    assert "notice.register_increments" not in [notice.key for notice in load(
        orders, per="day", duplicates="sum").report.notices]


def test_a_power_in_kw_summed_per_day_is_its_energy_in_kwh_and_an_energy_stays_as_it_is() -> None:
    # from a walk: a Tesla app's 'Home (kW)' every 5 minutes summed per day read 265 where the day's use was 22 kWh
    stamps = pd.date_range("2024-06-01", periods=288 * 10, freq="5min")
    power = np.where((stamps.hour >= 17) & (stamps.hour < 22), 2.0, 0.5)
    readings = pd.DataFrame({"Date time": stamps.strftime("%Y-%m-%dT%H:%M:%S"), "Home (kW)": power})
    daily = load(readings, per="day", duplicates="sum")
    assert daily.frame["y"].to_numpy() == pytest.approx(np.full(10, 2.0 * 5 + 0.5 * 19))
    assert "notice.power_as_energy" in [notice.key for notice in daily.report.notices]
    energy = load(readings.rename(columns={"Home (kW)": "Home (kWh)"}), per="day", duplicates="sum")
    assert energy.frame["y"].iloc[0] == pytest.approx(power[:288].sum())
    mean = load(readings, per="day", duplicates="mean")  # a day's average power: as asked
    assert mean.frame["y"].iloc[0] == pytest.approx(power[:288].mean())


def test_review_a_steps_own_status_void_flags_of_1_or_x_and_refunded_orders_beside_coupons_count_as_before() -> None:
    # the fourteenth review: a refund log's 'Refund Status' Failed and a returns log's 'Return Status' Rejected were
    # summed (the status of a step after the sale was skipped even where the step is the target); a booking's
    # 'Cancellation Status' Cancelled counted; 'Voided' 1/0 and 'Void' X were no flags; a 'Refunded' order beside a
    # coupon's negative row counted in full
    log = event_log()
    n, plain = len(log), load(log, per="day", duplicates="sum").frame["y"].to_numpy()
    every_fifth = np.arange(n) % 5 == 0
    cases = ((("Refund Amount", "Refund Status"), ("Succeeded", "Failed")),
             (("Return Qty", "Return Status"), ("Approved", "Rejected")),
             (("Room Revenue", "Cancellation Status"), ("Confirmed", "Cancelled")),
             (("Amount", "Voided"), ("0", "1")), (("Amount", "Void"), ("", "X")))
    for (target, flag), (kept, dropped) in cases:
        marked = log.rename(columns={"amount": target}).assign(**{flag: np.where(every_fifth, dropped, kept)})
        summed = load(marked, per="day", duplicates="sum").frame["y"].to_numpy()
        assert summed.sum() == pytest.approx(log["amount"][~every_fifth].sum()), (target, flag)
    sale = log.assign(**{"Refund Status": np.where(every_fifth, "Failed", "")})  # a refund that failed: sale stands
    assert load(sale, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    coupons = log.assign(amount=np.where(np.arange(n) % 7 == 3, -2.0, log["amount"]),
                         Refunded=np.where(every_fifth, "true", "false"))
    kept = coupons["amount"].where(~every_fifth, 0.0).sum()
    assert load(coupons, per="day", duplicates="sum").frame["y"].sum() == pytest.approx(kept)


def test_a_registers_wrap_is_carried_on_and_its_daily_rises_can_be_summed_per_day() -> None:
    # from a walk: a daily 'Register Read (kWh)' wrapping at 100,000 was forecast flat at its dial's 4,178 without a
    # word, and '--per day --duplicates sum' was refused as combining nothing
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    use = 40 + 5 * (days.dayofweek >= 5) + np.arange(120) % 3
    reads = (99_200 + np.cumsum(use)) % 100_000
    meter = pd.DataFrame({"Meter Number": "M-00482211", "Read Date": days.strftime("%m/%d/%Y"),
                          "Register Read (kWh)": reads})
    plain = load(meter)
    assert plain.frame["y"].to_numpy() == pytest.approx(99_200 + np.cumsum(use))
    assert "notice.register_wrapped" in [notice.key for notice in plain.report.notices]
    assert plain.frame.attrs.get("target_running")
    daily = load(meter, per="day", duplicates="sum")
    assert daily.frame["y"].to_numpy() == pytest.approx(use[1:])
    level = meter.assign(**{"Register Read (kWh)": 500 + 400 * np.sin(np.arange(120) / 9)})  # rises and falls
    assert "notice.register_wrapped" not in [notice.key for notice in load(level).report.notices]


def test_a_historians_power_read_at_uneven_times_is_weighted_by_the_time_each_reading_holds() -> None:
    # from a walk: PI's recorded 'Value' in kW ('Units' kW), stored every 1 to 15 minutes as it changed, summed per day
    # read 174,000 where the day's energy was 24,000 kWh
    rng = np.random.default_rng(4)
    stamps = pd.Timestamp("2024-04-01") + pd.to_timedelta(np.cumsum(rng.uniform(60, 900, 3000)), unit="s")
    stamps = stamps[stamps < pd.Timestamp("2024-04-11")].floor("s")
    power = np.round(1000.0 + 200 * np.sin(np.arange(len(stamps)) / 50), 3)
    recorded = pd.DataFrame({"Tag": "SITE.MAIN.kW", "Timestamp": stamps.strftime("%Y-%m-%d %H:%M:%S"),
                             "Value": power, "Units": "kW", "Status": "Good"})
    daily = load(recorded, per="day", duplicates="sum")
    held = np.append(np.diff(stamps.to_numpy()).astype("timedelta64[s]").astype(float), 0) / 3600
    days = pd.Series(power * held).groupby(stamps.normalize()).sum()
    assert daily.frame["y"].to_numpy()[:-1] == pytest.approx(days.to_numpy()[:-1], rel=1e-3)
    assert "notice.power_as_energy_held" in [notice.key for notice in daily.report.notices]
    sessions = recorded.iloc[::12].rename(columns={"Value": "Peak Power (kW)"})  # events hours apart: as they are
    summed = load(sessions, per="day", duplicates="sum")
    assert "notice.power_as_energy_held" not in [notice.key for notice in summed.report.notices]
    amounts = recorded.drop(columns="Units")  # no unit: summed as they are
    plain = load(amounts, per="day", duplicates="sum").frame["y"].to_numpy()
    assert plain == pytest.approx(pd.Series(power).groupby(stamps.normalize()).sum().to_numpy())


def test_review_a_card_type_a_balance_a_failed_builds_minutes_a_us_state_and_sales_without_tax_keep_their_values() -> None:
    # the review of the batch: a POS export's 'Card Type' (Debit, Credit) was read as the sign of its sales; a
    # statement's 'Balance' was negated on withdrawals; a failed build's minutes counted 0; a US 'State' lost its
    # groups notice; 'Net Sales w/o Tax' was read as a power in watts
    log = event_log()
    plain = load(log, per="day", duplicates="sum").frame["y"].to_numpy()
    cards = log.assign(**{"Card Type": np.where(np.arange(len(log)) % 3, "Credit", "Debit")})
    summed = load(cards, per="day", duplicates="sum")
    assert summed.frame["y"].to_numpy() == pytest.approx(plain)
    statement = log.assign(Type=np.where(np.arange(len(log)) % 4, "Withdrawal", "Deposit"),
                           Balance=2500 + np.arange(len(log)) % 50)
    balance = load(statement, target="Balance", per="day", duplicates="last")
    assert (balance.frame["y"] >= 2500).all()
    builds = log.rename(columns={"amount": "build_minutes"}).assign(
        status=np.where(np.arange(len(log)) % 7, "success", "failed"))
    assert load(builds, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    states = log.assign(State=np.array(["Texas", "Ohio", "Iowa"])[np.arange(len(log)) % 3])
    said = [notice.key for notice in load(states, per="day", duplicates="sum").report.notices]
    assert "notice.per_period_groups" in said
    slots = log.rename(columns={"amount": "Net Sales w/o Tax"})
    assert "notice.power_as_energy" not in [n.key for n in load(slots, per="day", duplicates="sum").report.notices]


def test_review_one_sided_types_a_bare_type_an_interest_flow_a_billed_failure_and_a_region_keep_their_values() -> None:
    # the second review: an ATM's 'Withdrawal' on every row and a POS 'Type' of Credit or Debit were signed; a daily
    # interest accrued on a growing deposit was read as a register; failed CI jobs' cost counted 0 (they are billed);
    # 'Sales W' (the West) was read as watts
    log = event_log()
    plain = load(log, per="day", duplicates="sum").frame["y"].to_numpy()
    for column, words in (("Transaction Type", ["Withdrawal"]), ("Type", ["Credit", "Debit"])):
        typed = log.assign(**{column: np.array(words)[np.arange(len(log)) % len(words)]})
        assert load(typed, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    billed = log.rename(columns={"amount": "cost_usd"}).assign(
        status=np.array(["success", "failed", "canceled"])[np.arange(len(log)) % 3])
    costs = load(billed, per="day", duplicates="sum")
    assert costs.frame["y"].to_numpy() == pytest.approx(plain)
    assert "notice.per_period_groups" in [notice.key for notice in costs.report.notices]
    west = log.rename(columns={"amount": "Sales W"})
    assert load(west, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    days = pd.date_range("2023-01-01", periods=365, freq="D")
    accrued = pd.DataFrame({"Date": days.strftime("%Y-%m-%d"), "Interest Accrued": np.round(
        6.16 + np.arange(365) * 0.0007, 4)})
    monthly = load(accrued, per="month", duplicates="sum")
    assert monthly.frame["y"].iloc[0] == pytest.approx(accrued["Interest Accrued"].iloc[:31].sum())


def test_review_a_growing_total_billed_minutes_a_days_capacity_card_sales_and_milliwatts_keep_their_values() -> None:
    # the last review: a 'Total Retail Turnover' that only grew was summed as its rises; failed jobs' 'Total Minutes'
    # counted 0; a day's 'Capacity Installed (kW)' multiplied by 24; a card report's 'Sale Amount' signed by its
    # 'Transaction Type' (the card, Credit or Debit); milliwatts said to be megawatts
    months = pd.date_range("2016-01-01", periods=48, freq="MS")
    turnover = pd.DataFrame({"Month": months.strftime("%Y-%m"), "Total Retail Turnover ($m)": np.round(
        30000 * np.exp(0.003 * np.arange(48)), 1)})
    quarters = load(turnover, per="quarter", duplicates="sum")
    assert quarters.frame["y"].iloc[0] == pytest.approx(turnover.iloc[:3, 1].sum())
    log = event_log()
    plain = load(log, per="day", duplicates="sum").frame["y"].to_numpy()
    for renamed, extra in (({"amount": "Total Minutes"}, {"Status": ["success", "failed", "cancelled"]}),
                           ({"amount": "Sale Amount"}, {"Transaction Type": ["Credit", "Debit"]})):
        frame = log.rename(columns=renamed).assign(**{col: np.array(words)[np.arange(len(log)) % len(words)]
                                                      for col, words in extra.items()})
        assert load(frame, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    days = pd.date_range("2023-01-01", periods=365, freq="D")
    capacity = pd.DataFrame({"Install Date": days.strftime("%Y-%m-%d"), "Capacity Installed (kW)": 40.0})
    assert load(capacity, per="month", duplicates="sum").frame["y"].iloc[0] == pytest.approx(40.0 * 31)
    minutes = pd.date_range("2024-05-01", periods=600, freq="min")
    board = pd.DataFrame({"timestamp": minutes.strftime("%Y-%m-%d %H:%M:%S"), "power (mW)": 120.0})
    said = [str(notice) for notice in load(board, per="hour", duplicates="sum").report.notices]
    assert any("(mW)" in line and "(mWh)" in line for line in said)


def test_review_a_card_batchs_and_a_receivables_debit_and_credit_stay_unsigned_and_a_grids_mw_is_megawatts() -> None:
    # the third review: a card batch's 'Transaction Type' (the card's Credit or Debit, beside 'Card Brand') and a
    # receivables ledger's 'Debit/Credit Indicator' (a debit is an invoice) were read as money out; a grid's
    # 'Load (mw)' was said in milliwatts
    log = event_log()
    plain = load(log, per="day", duplicates="sum").frame["y"].to_numpy()
    batch = log.assign(**{"Transaction Type": np.where(np.arange(len(log)) % 3, "Credit", "Debit"),
                          "Card Brand": np.where(np.arange(len(log)) % 2, "Visa", "Mastercard"), "Terminal": "T1"})
    assert load(batch, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    ledger = log.assign(Customer="C100", **{"Document Type": "Invoice", "Debit/Credit Indicator": np.where(
        np.arange(len(log)) % 8, "Debit", "Credit")})
    assert load(ledger, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    stamps = pd.date_range("2024-06-01", periods=96 * 10, freq="15min")
    grid = pd.DataFrame({"Timestamp": stamps.strftime("%Y-%m-%d %H:%M"), "Load (mw)": 1000.0})
    said = next(n for n in load(grid, per="day", duplicates="sum").report.notices if n.key == "notice.power_as_energy")
    assert said.params["unit"] == "MW"



def test_lost_denied_draft_and_errored_rows_count_as_nothing_paid_in_a_sum_of_money() -> None:
    # from the walks: Salesforce's 'Stage' Closed Lost, PayPal's Denied, a FreshBooks 'Total' beside 'Currency' with
    # its Draft and Void invoices, Etherscan's 'Error(0)' under 'Value_IN(ETH)' were summed as money received
    log = event_log()
    cases = [("Stage", "Closed Won", "Closed Lost", "amount"), ("Status", "Completed", "Denied", "Gross"),
             ("Status", "Paid", "Draft", "Total"), ("Status", "", "Error(0)", "Value_IN(ETH)")]
    for flag, done, failed, target in cases:
        marked = log.rename(columns={"amount": target}).assign(**{flag: np.where(np.arange(len(log)) % 9, done,
                                                                                  failed)}, Currency="USD")
        summed = load(marked, per="day", duplicates="sum")
        paid = marked[marked[flag] != failed]
        expected = paid.groupby(pd.to_datetime(paid["time"]).dt.normalize())[target].sum()
        assert summed.frame.set_index("ds")["y"].reindex(expected.index).to_numpy() == pytest.approx(
            expected.to_numpy())


def test_equal_timesheet_rows_count_alike_in_one_series_and_split_by_an_id() -> None:
    # from the walks: a Harvest log's equal entries (two 1.0-hour 'Development' on a day) were summed as one series
    # but dropped as copies once split by 'Billable?' (10% of the hours lost); a brewery's per-SKU invoices alike
    rng = np.random.default_rng(2)
    days = pd.bdate_range("2024-01-01", "2024-06-28")
    log = pd.DataFrame([(f"{day:%Y-%m-%d}", *(("Acme", "Yes") if pick else ("Studio", "No")), hours)
                        for day in days for pick, hours in zip(rng.integers(0, 2, 4), rng.choice([0.5, 1.0, 2.0], 4))],
                       columns=["Date", "Client", "Billable?", "Hours"])
    assert log.duplicated().any()
    options = LoadOptions(target="Hours", per="week", duplicates="sum")
    whole = load_series(log.to_csv(index=False).encode(), "h.csv", options).frame["y"].sum()
    panel = read_panel(log.to_csv(index=False).encode(), "h.csv", options, PanelChoice(("Billable?",)))
    assert sum(task.load().frame["y"].sum() for task in panel.tasks) == pytest.approx(whole)


def test_a_coin_column_warns_of_currencies_added_in_one_series_of_a_long_file() -> None:
    # from a walk: Binance's statement split by 'Operation' added BTC and USDT fees in one series without a word
    log = event_log().assign(Operation=lambda f: np.where(np.arange(len(f)) % 2, "Buy", "Fee"),
                             Coin=lambda f: np.where(np.arange(len(f)) % 4 < 2, "BTC", "USDT"))
    panel = read_panel(log.to_csv(index=False).encode(), "b.csv", LoadOptions(per="day", duplicates="sum"),
                       PanelChoice(("Operation",)))
    fees = next(task for task in panel.tasks if task.unique_id == "Fee").load()
    assert "notice.currencies_mixed" in [notice.key for notice in fees.report.notices]


def test_review_a_statements_card_number_keeps_its_signs_and_costs_fees_charges_and_lost_stock_keep_rows() -> None:
    # the fourth review: a statement's 'Card Number' beside its 'Balance' lost its debit signs; a CI bill's 'Cost
    # (USD)' of failed jobs, gas paid on a failed transaction, a denied claim's charges and a shrink report's 'Lost'
    # stock were counted as 0
    log = event_log()
    plain = load(log, per="day", duplicates="sum").frame["y"].to_numpy()
    way = np.where(np.arange(len(log)) % 4, "Debit", "Credit")
    statement = log.assign(**{"Card Number": "XXXX1234", "Transaction Type": way, "Balance": 5000.0})
    said = [n.key for n in load(statement, target="amount", per="day", duplicates="sum").report.notices]
    assert "notice.signed_by_side" in said
    unbalanced = log.assign(**{"Transaction Type": way, "Document Number": np.arange(len(log)) + 10000})
    said = [n.key for n in load(unbalanced, target="amount", per="day", duplicates="sum").report.notices]
    assert "notice.signed_by_side" in said  # one document column: a bank's export, not a ledger
    marks = np.where(np.arange(len(log)) % 5, "Paid", "failed")
    for target, flag, word in (("Cost (USD)", "Status", "failed"), ("TxnFee(ETH)", "Status", "Error(0)"),
                               ("Total Charges", "Status", "Denied"), ("Value ($)", "Status", "Lost")):
        marked = log.rename(columns={"amount": target}).assign(**{flag: np.where(marks == "Paid", "Paid", word)},
                                                               Currency="USD")
        assert load(marked, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)



def test_a_client_who_stopped_has_months_of_none_until_the_files_end_when_summed() -> None:
    # from a walk: a client's invoices ending in May were forecast from June, its June to September read as future
    log = event_log(days=500, orders=3000).assign(Client=lambda f: np.where(np.arange(len(f)) % 2, "Acme", "Umbrella"))
    log = log[(log["Client"] == "Acme") | (pd.to_datetime(log["time"]) < "2024-10-15")]  # mid-month: 0 from November
    panel = read_panel(log.to_csv(index=False).encode(), "c.csv", LoadOptions(per="month", duplicates="sum"),
                       PanelChoice(("Client",)))
    series = {task.unique_id: task.load() for task in panel.tasks}
    stopped, going = series["Umbrella"], series["Acme"]
    assert stopped.frame["ds"].iloc[-1] == going.frame["ds"].iloc[-1] and stopped.frame["y"].iloc[-1] == 0
    assert "notice.series_ends_early_zeros" in [notice.key for notice in stopped.report.notices]
    for name in ("Training Revenue", "Hours"):  # ('rain' inside 'Training'; hours of someone who left) but not rain
        renamed = log.rename(columns={"amount": name})
        tasks = read_panel(renamed.to_csv(index=False).encode(), "c.csv", LoadOptions(per="month", duplicates="sum"),
                           PanelChoice(("Client",))).tasks
        assert next(task for task in tasks if task.unique_id == "Umbrella").load().frame["y"].iloc[-1] == 0
    rain = log.rename(columns={"amount": "Rain (mm)"})
    tasks = read_panel(rain.to_csv(index=False).encode(), "c.csv", LoadOptions(per="month", duplicates="sum"),
                       PanelChoice(("Client",))).tasks
    gauge = next(task for task in tasks if task.unique_id == "Umbrella").load()
    assert gauge.frame["ds"].iloc[-1] < going.frame["ds"].iloc[-1]  # a gauge removed: no months of drought


def test_review_one_card_or_vendor_column_keeps_amounts_unsigned_and_a_removed_gauge_named_prcp_gets_no_zeros() -> None:
    # the seventh review: a card batch with only 'Card Brand' (or a 'Terminal ID') and an AP ledger with only a
    # 'Vendor Name' had their debits negated; GHCN's 'PRCP' and a 'daily_rain' of a removed gauge got months of 0
    log = event_log()
    plain = load(log, per="day", duplicates="sum").frame["y"].to_numpy()
    way = np.where(np.arange(len(log)) % 3, "Credit", "Debit")
    for columns in (("Card Brand",), ("Terminal ID",), ("Vendor Name", "Document Number"), ("Batch ID",),
                    ("GL Account",)):  # (the tenth review: a card batch's 'Batch ID', a journal's 'GL Account')
        marked = log.assign(**dict.fromkeys(columns, "X"), **{"Transaction Type": way})
        assert load(marked, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    marked = log.assign(**{"Vendor Name": "X", "Transaction Type": way})  # the ninth review: a purchasing card's
    assert load(marked, per="day", duplicates="sum").frame["y"].sum() < plain.sum()  # export, its Debit a purchase
    stations = event_log(days=500, orders=3000).assign(
        STATION=lambda f: np.where(np.arange(len(f)) % 2, "USC1", "USC2"))
    stations = stations[(stations["STATION"] == "USC1") | (pd.to_datetime(stations["time"]) < "2024-10-15")]
    for name in ("PRCP", "daily_rain", "WaterLevel"):
        tasks = read_panel(stations.rename(columns={"amount": name}).to_csv(index=False).encode(), "g.csv",
                           LoadOptions(per="month", duplicates="sum"), PanelChoice(("STATION",))).tasks
        removed = next(task for task in tasks if task.unique_id == "USC2").load()
        assert "notice.series_ends_early_zeros" not in [notice.key for notice in removed.report.notices]


def test_review_a_store_closed_midweek_has_zero_weeks_after_and_a_removed_counter_none() -> None:
    # the ninth review: a store closed on a Wednesday got no weeks of 0 at all (forecast at 6,000 a week for months in
    # the file); a traffic counter's 'Traffic Flow' removed got months of 0, and a shop's 'qty_snow_chains' none
    days = pd.date_range("2023-01-02", "2024-09-29", freq="D")
    rows = [(day, store, 800 + day.dayofweek * 10) for day in days for store in ("North", "South")
            if store == "North" or day <= pd.Timestamp("2024-03-13")]
    sales = pd.DataFrame(rows, columns=["Date", "Store", "Sales"])
    tasks = read_panel(sales.to_csv(index=False).encode(), "s.csv", LoadOptions(per="week", duplicates="sum"),
                       PanelChoice(("Store",))).tasks
    south = next(task for task in tasks if task.unique_id == "South").load()
    after = south.frame[south.frame["ds"] > pd.Timestamp("2024-03-11")]
    assert len(after) > 20 and (after["y"] == 0).all() and south.frame["ds"].iloc[-1] == pd.Timestamp("2024-09-23")
    assert pd.Timestamp("2024-03-11") not in set(south.frame["ds"])  # the partial week: neither its part nor a 0
    for name, zeros in (("Traffic Flow", False), ("Flow (cfs)", False), ("qty_snow_chains", True),
                        ("Rain Total", False), ("Daily Rainfall Total (mm)", False), ("Precipitation Amount", False)):
        renamed = sales.rename(columns={"Sales": name})
        tasks = read_panel(renamed.to_csv(index=False).encode(), "s.csv", LoadOptions(per="month", duplicates="sum"),
                           PanelChoice(("Store",))).tasks
        removed = next(task for task in tasks if task.unique_id == "South").load()
        assert ("notice.series_ends_early_zeros" in [notice.key for notice in removed.report.notices]) == zeros, name


def test_a_load_test_of_minutes_is_combined_per_minute_and_that_period_is_advised() -> None:
    # JMeter's 25 minutes of requests: advised per day, per hour refused ("only 1 with a value"), no shorter period
    from core.data.tidy import stamps_period

    rng = np.random.default_rng(4)
    stamps = pd.Timestamp("2024-03-12 14:00") + pd.to_timedelta(np.sort(rng.uniform(0, 25 * 60, 3000)), unit="s")
    log = pd.DataFrame({"timeStamp": stamps.strftime("%Y-%m-%d %H:%M:%S.%f"), "elapsed": rng.integers(40, 400, 3000)})
    assert stamps_period(pd.Series(stamps)) == "minute" and stamps_period(event_log()["time"].astype("datetime64[s]")) \
        == "day"
    counted = load(log, per="minute", duplicates="count")
    assert counted.frequency.name == "minutely" and 20 <= len(counted.frame) <= 25
    assert counted.frame["y"].sum() <= 3000 and counted.frame["y"].min() > 60


def test_cancelled_lines_count_no_quantity_returns_net_and_a_day_of_counts_only_is_zero() -> None:
    # a pharmacy walk: Lawson's 'Line Status' Cancelled and Epic's 'Action' Canceled were summed as usage (only a
    # column named 'Status' was read); Epic's 'Returned' (-2, netting its dispense) was to be left out of the file; a
    # vault's day with only a count row (its 'Qty Out' blank) was interpolated where a day without a row is 0
    log = event_log(days=60, orders=1200).rename(columns={"amount": "Quantity"})
    log["Quantity"] = (log["Quantity"] // 5).astype(int)
    log["Line Status"] = np.where(np.arange(len(log)) % 13 == 0, "Cancelled", "Closed")
    done = log[log["Line Status"] == "Closed"]
    summed = load(log, per="day", duplicates="sum")
    expected = done.groupby(pd.to_datetime(done["time"]).dt.normalize())["Quantity"].sum()
    assert summed.frame.set_index("ds")["y"].reindex(expected.index).to_numpy() == pytest.approx(expected.to_numpy())
    assert "notice.cancelled_rows" in [notice.key for notice in summed.report.notices]
    returns = log.assign(**{"Line Status": np.where(np.arange(len(log)) % 11 == 0, "Returned", "Dispensed")})
    returns.loc[returns["Line Status"] == "Returned", "Quantity"] *= -1
    said = [notice.key for notice in load(returns, per="day", duplicates="sum").report.notices]
    assert "notice.per_period_marked" not in said  # the returns net against the dispenses
    counts = log.drop(columns="Line Status").assign(**{"Transaction Type": "Dispense"})
    day = pd.to_datetime(counts["time"]).dt.normalize() == pd.Timestamp("2024-01-20")
    counts.loc[day, ["Quantity", "Transaction Type"]] = [np.nan, "Inventory Count - Verified"]
    vault = load(counts, per="day", duplicates="sum")
    assert vault.frame.set_index("ds")["y"][pd.Timestamp("2024-01-20")] == 0
    assert "notice.per_blank_periods" in [notice.key for notice in vault.report.notices]
    unknown = load(counts.assign(**{"Transaction Type": "Dispense"}), per="day", duplicates="sum")  # of one kind:
    assert "notice.per_blank_periods" not in [notice.key for notice in unknown.report.notices]  # amounts unknown


def test_a_register_that_wraps_or_restarts_once_is_still_summed_by_its_rises() -> None:
    # a library's gate counter read each morning wrapped from 999,999 to 0: one drop, and the weeks were sums of raw
    # readings (4.9 million, then 80,180); a counter reset to 0 likewise
    days = pd.bdate_range("2023-08-21", periods=120)
    rises = 2000 + 500 * (np.arange(120) % 5)
    readings = (981_200 + np.cumsum(rises)) % 1_000_000
    text = "Date,Gate 1 Reading\n" + "".join(f"{d:%m/%d/%Y},{r}\n" for d, r in zip(days, readings))
    weeks = load_series(text.encode(), "gate.csv", LoadOptions(per="week", duplicates="sum")).frame["y"]
    assert weeks.iloc[1:-1].between(10_000, 20_000).all()  # a week's visits, the wrap's week too
    restarted = np.where(np.arange(120) < 60, 500_000 + np.cumsum(rises), np.cumsum(rises) - np.cumsum(rises)[59])
    text = "Date,Meter Reading\n" + "".join(f"{d:%m/%d/%Y},{r}\n" for d, r in zip(days, restarted))
    weeks = load_series(text.encode(), "meter.csv", LoadOptions(per="week", duplicates="sum")).frame["y"]
    assert weeks.iloc[1:-1].between(5_000, 20_000).all()


def test_review_two_status_columns_a_sync_error_a_qc_rejection_and_a_short_logs_blank_keep_their_values() -> None:
    # the eleventh review: Shopify's 'Financial Status' beside its 'Fulfillment Status' stopped voided orders counting
    # 0; a 'Sync Status' Error zeroed real sales, a 'QC Status' Rejected a batch made; a failed payment's negative
    # amount was no longer said; one blank amount in a short log (its dates the 'kind') was counted 0
    log = event_log().assign(**{"Financial Status": "paid", "Fulfillment Status": "fulfilled"})
    log.loc[log.index[::40], "Financial Status"] = "voided"
    said = [notice.key for notice in load(log, per="day", duplicates="sum").report.notices]
    assert "notice.failed_rows" in said
    plain = load(event_log(), per="day", duplicates="sum").frame["y"].to_numpy()
    for column, word in (("Sync Status", "Error"), ("QC Status", "Rejected")):
        marked = event_log().assign(**{column: lambda f: np.where(np.arange(len(f)) % 7 == 0, word, "OK")})
        assert load(marked, per="day", duplicates="sum").frame["y"].to_numpy() == pytest.approx(plain)
    outgoing = event_log().assign(amount=lambda f: -f["amount"], Status="Completed")
    outgoing = outgoing.rename(columns={"amount": "Value"})
    outgoing.loc[outgoing.index[::30], "Status"] = "Failed"  # ('Failed' is no undone word for a negative sum)
    assert "notice.per_period_marked" in [n.key for n in load(outgoing, per="day", duplicates="sum").report.notices]
    short = event_log(days=12, orders=20)
    short.loc[short.index[9], "amount"] = np.nan
    assert "notice.per_blank_periods" not in [n.key for n in load(short, per="day", duplicates="sum").report.notices]


@pytest.mark.parametrize(("column", "word", "target"), [
    ("Order Status", "Failed", "Order Total Amount"), ("Txn Status", "Declined", "Sale Amount"),
    ("Claim Status", "Rejected", "Quantity"), ("Status", "Rejected", "Qty"), ("Action", "Declined", "Amount"),
    ("Line Status", "Rejected", "Quantity")])
def test_review_a_failed_declined_or_rejected_row_of_any_status_column_counts_zero(column: str, word: str,
                                                                                  target: str) -> None:
    # the twelfth review: only a column named a status outright zeroed failed or declined payments, and no column a
    # rejected claim, receipt or request any longer
    log = event_log().rename(columns={"amount": target}).assign(**{column: "Done"})
    log.loc[log.index[::9], column] = word
    series = load(log, per="day", duplicates="sum")
    expected = log[log[column] != word].groupby(pd.to_datetime(log["time"]).dt.normalize())[target].sum()
    assert series.frame.set_index("ds")["y"].loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())


def test_review_a_chargeback_nets_unsaid_and_a_us_state_leaves_the_order_status_to_zero_its_cancellations() -> None:
    log = event_log().assign(Status="Paid")
    log.loc[log.index[::25], "Status"] = "Chargeback"
    log.loc[log.index[::25], "amount"] *= -1  # (written below zero: it nets its sale)
    assert "notice.per_period_marked" not in [n.key for n in load(log, per="day", duplicates="sum").report.notices]
    states = event_log().assign(State="CA", **{"Order Status": "Completed"})
    states.loc[states.index[::11], "Order Status"] = "Cancelled"
    said = [n.key for n in load(states, per="day", duplicates="sum").report.notices]
    assert "notice.failed_rows" in said


@pytest.mark.parametrize(("column", "cell", "signed"), [
    ("Batch", "300", False), ("GL Account Name", "6100 Office Supplies", False), ("GL Account No", "5000", False),
    ("GL Code", "62000", True), ("Batch Ref", "62000", True)])
def test_review_a_card_batch_or_a_gl_account_leaves_debit_unsigned_and_a_purchasing_cards_codes_do_not(
        column: str, cell: str, signed: bool) -> None:
    # the twelfth review: a settlement's 'Batch' and a ledger's 'GL Account Name' read its Debit as money out; a
    # purchasing card's 'GL Code' beside its 'Vendor Name' left its purchases unsigned
    log = event_log().assign(**{column: cell, "Transaction Type": "Debit"})
    log = log.assign(**{"Vendor Name": "STAPLES"}) if signed else log  # (a settlement or a ledger names none)
    log.loc[log.index[::6], "Transaction Type"] = "Credit"
    said = [n.key for n in load(log, per="day", duplicates="sum").report.notices]
    assert ("notice.signed_by_side" in said) == signed


def test_review_a_row_without_a_date_leaves_a_day_of_missed_readings_filled_not_zero() -> None:
    # the twelfth review: one blank date cell made a day of missed hourly readings ('No Data') a day of 0 kWh
    hours = pd.date_range("2024-03-01", periods=20 * 24, freq="h")
    rows = [f"{h:%Y-%m-%d %H:%M},{'No Data' if h.day == 10 else 'OK'},"
            f"{'' if h.day == 10 else 2.25 + h.hour % 5 + h.day / 10}" for h in hours]
    rows.insert(100, ",OK,3")
    text = "Timestamp,Quality,Energy kWh\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "meter.csv", LoadOptions(per="day", duplicates="sum"))
    assert 48 <= series.frame.set_index("ds")["y"].loc["2024-03-10"] <= 120  # about a day of 2 to 6 an hour
    assert "notice.blanks_before_sum" in [n.key for n in series.report.notices]


@pytest.mark.parametrize("failed", [[200], [200, 201]])
def test_review_a_meters_failed_reads_of_0_are_no_restart_and_its_days_stay_its_use(failed: list[int]) -> None:
    # the twelfth review: one reading of 0 amid an hourly register made every day's use about 1.09 million kWh
    hours = pd.date_range("2024-03-01", periods=20 * 24, freq="h")
    readings = 45_000 + np.cumsum(np.full(len(hours), 1.5))
    written = ["0" if k in failed else f"{reading:.1f}" for k, reading in enumerate(readings)]
    text = "Timestamp,Meter Reading kWh\n" + "".join(f"{h:%Y-%m-%d %H:%M},{w}\n" for h, w in zip(hours, written))
    days = load_series(text.encode(), "meter.csv", LoadOptions(per="day", duplicates="sum")).frame["y"]
    assert days.iloc[1:].to_numpy() == pytest.approx(np.full(len(days) - 1, 36.0))


def test_review_a_gauge_an_accumulation_an_outflow_and_a_plants_net_flow_are_sensors_a_funds_is_not() -> None:
    # the twelfth review: 'Rain Gauge (in)', 'Precip Accum (in)', a dam's 'Outflow (cfs)' and 'Net Flow (gpm)' got
    # weeks of 0 after they were removed
    from core.panel.split import _reads_a_sensor

    for name in ("Rain Gauge (in)", "Precip Accum (in)", "Outflow (cfs)", "Net Flow (gpm)", "Flow (cfs)"):
        assert _reads_a_sensor(name), name
    for name in ("Net Flow Amount", "Fund Inflow", "Qty (in)", "Net Flow ($)", "qty_snow_chains", "Net Flow",
                 "Outflow"):  # (the thirteenth review: a fund's and a budget's flows got no months of 0)
        assert not _reads_a_sensor(name), name
    for name in ("Inflow", "Outflow", "Net Flow", "Inflow (AF)", "Outflow (ft3/s)", "Outflow cfs", "Net Flow gpm"):
        assert _reads_a_sensor(name, ["Date", "Station"]), name  # (the fourteenth: a station's, a dam's, a plant's)
    for name in ("Net Flow", "Outflow"):
        assert not _reads_a_sensor(name, ["Date", "Department"]), name


def test_review_a_short_coinbase_log_of_many_kinds_counts_its_days_of_sends_as_zero() -> None:
    # the twelfth review: nine kinds among sixteen rows were taken for a column of order numbers, and the two days of
    # 'Send' rows (no subtotal) left the series too short
    text = """Timestamp,Transaction Type,Asset,Quantity Transacted,Subtotal
2024-03-01T09:00:00Z,Buy,BTC,0.0015,148.71
2024-03-01T14:00:00Z,Sell,BTC,0.0005,132.36
2024-03-02T09:00:00Z,Convert,BTC,0.0029,97.06
2024-03-02T14:00:00Z,Rewards Income,BTC,0.0030,22.55
2024-03-03T09:00:00Z,Send,BTC,0.001,
2024-03-03T14:00:00Z,Send,BTC,0.001,
2024-03-04T09:00:00Z,Advanced Trade Buy,BTC,0.0010,149.46
2024-03-04T14:00:00Z,Advanced Trade Sell,BTC,0.0020,95.00
2024-03-05T09:00:00Z,Buy,BTC,0.0006,39.03
2024-03-05T14:00:00Z,Sell,BTC,0.0016,21.24
2024-03-06T09:00:00Z,Send,BTC,0.001,
2024-03-06T14:00:00Z,Send,BTC,0.001,
2024-03-07T09:00:00Z,Staking Income,BTC,0.0020,127.94
2024-03-07T14:00:00Z,Learning Reward,BTC,0.0015,29.66
2024-03-08T09:00:00Z,Advanced Trade Buy,BTC,0.0010,102.76
2024-03-08T14:00:00Z,Advanced Trade Sell,BTC,0.0005,67.93
"""
    series = load_series(text.encode(), "coinbase.csv", LoadOptions(target="Subtotal", per="day", duplicates="sum"))
    assert series.frame.set_index("ds")["y"].loc[["2024-03-03", "2024-03-06"]].tolist() == [0.0, 0.0]


def test_a_label_a_yes_or_no_column_marks_voided_counts_zero_in_a_sum() -> None:
    # ShipStation's 'Voided' True: the label's cost was refunded and nothing shipped; it was summed as spent
    log = event_log().rename(columns={"amount": "Shipping Cost"}).assign(Voided="False")
    log.loc[log.index[::10], "Voided"] = "True"
    series = load(log, per="day", duplicates="sum")
    kept = log[log["Voided"] == "False"]
    expected = kept.groupby(pd.to_datetime(kept["time"]).dt.normalize())["Shipping Cost"].sum()
    assert series.frame.set_index("ds")["y"].loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())
    assert "notice.cancelled_rows" in [n.key for n in series.report.notices]


@pytest.mark.parametrize(("column", "word"), [("Refund Status", "failed"), ("Return Status", "Rejected"),
                                              ("Delivery Status", "Failed"), ("Cancellation Status", "Declined")])
def test_review_a_status_of_a_step_after_the_sale_leaves_the_sale_standing(column: str, word: str) -> None:
    # the thirteenth review: a refund that failed, a return rejected or a delivery attempt failed zeroed the sale
    log = event_log().rename(columns={"amount": "Sales"}).assign(**{column: ""})
    log.loc[log.index[::9], column] = word
    series = load(log, per="day", duplicates="sum")
    expected = log.groupby(pd.to_datetime(log["time"]).dt.normalize())["Sales"].sum()
    assert series.frame.set_index("ds")["y"].loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())


def test_review_a_count_of_cancellations_and_a_refunded_flag_beside_refund_rows_zero_nothing() -> None:
    # the thirteenth review: a B&B's 'Cancelled' count of 0 or 1 zeroed its revenue; a 'Refunded' flag on a sale whose
    # refund is a row of its own below zero took the refund off twice
    counts = event_log().assign(Cancelled=lambda f: np.arange(len(f)) % 2)
    assert "notice.cancelled_rows" not in [n.key for n in load(counts, per="day", duplicates="sum").report.notices]
    refunds = event_log().assign(Refunded="false")
    refunds.loc[refunds.index[::20], "Refunded"] = "true"
    back = refunds[refunds["Refunded"] == "true"].assign(amount=lambda f: -f["amount"], Refunded="false")
    both = pd.concat([refunds, back]).sort_values("time")
    assert "notice.cancelled_rows" not in [n.key for n in load(both, per="day", duplicates="sum").report.notices]


@pytest.mark.parametrize(("target", "word", "extra"), [
    ("Order Value", "Canceled", {"Currency": "USD"}), ("Bedrag", "Geannuleerd", {}),
    ("Betrag", "Storniert", {}), ("Montant", "Annulé", {}), ("Importe", "Anulado", {}), ("Importo", "Annullato", {}),
    ("Valor", "Cancelado", {})])
def test_a_cancelled_sale_in_any_language_and_an_etsy_order_value_beside_its_currency_count_zero(
        target: str, word: str, extra: dict[str, str]) -> None:
    # Etsy's 'Order Value' (a currency in its own column) summed its Canceled orders with a note; Lightspeed NL's
    # 'Geannuleerd' receipts were summed unsaid
    log = event_log().rename(columns={"amount": target}).assign(Status="Completed", **extra)
    log.loc[log.index[::9], "Status"] = word
    series = load(log, per="day", duplicates="sum")
    expected = log[log["Status"] != word].groupby(pd.to_datetime(log["time"]).dt.normalize())[target].sum()
    assert series.frame.set_index("ds")["y"].loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())
    assert "notice.failed_rows" in [notice.key for notice in series.report.notices]
    reading = event_log().rename(columns={"amount": "Value"}).assign(Status="Canceled")  # a value of no currency:
    reading.loc[reading.index[::2], "Status"] = "Completed"  # said, as it was
    said = [notice.key for notice in load(reading, per="day", duplicates="sum").report.notices]
    assert "notice.failed_rows" not in said and "notice.per_period_marked" in said


def test_a_reservations_cancelled_and_no_show_covers_count_zero_and_a_no_show_fee_stands() -> None:
    # Resy's 'Party Size' of Cancelled and No Show reservations was summed as covers served (a note for Cancelled)
    log = event_log().assign(**{"Party Size": lambda f: (f["amount"] // 8).astype(int), "Status": "Seated"})
    log = log.drop(columns="amount")
    log.loc[log.index[::7], "Status"] = "No Show"
    log.loc[log.index[3::11], "Status"] = "Cancelled"
    series = load(log, per="day", duplicates="sum")
    seated = log[log["Status"] == "Seated"]
    expected = seated.groupby(pd.to_datetime(seated["time"]).dt.normalize())["Party Size"].sum()
    assert series.frame.set_index("ds")["y"].loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())
    assert "notice.cancelled_rows" in [notice.key for notice in series.report.notices]
    fees = log.drop(columns="Party Size").assign(Amount=25.0)  # a no-show fee was charged: it counts
    fees = fees[fees["Status"] != "Cancelled"]
    assert load(fees, per="day", duplicates="sum").frame["y"].sum() == pytest.approx(25.0 * len(fees))


def test_a_pipelines_lost_events_count_zero_its_prospects_are_said_and_a_shrink_reports_lost_stock_stands() -> None:
    # Tripleseat's events: the 'Grand Total' of Lost, Prospect and Tentative events was summed as booked, unsaid
    log = event_log().rename(columns={"amount": "Grand Total"}).assign(Status="Definite").round(2)
    log.loc[log.index[::6], "Status"] = "Lost"
    log.loc[log.index[1::10], "Status"] = "Prospect"
    written = log.assign(**{"Grand Total": log["Grand Total"].map("${:,.2f}".format)})  # as Tripleseat writes it
    series = load(written, per="day", duplicates="sum")
    kept = log[log["Status"] != "Lost"]
    expected = kept.groupby(pd.to_datetime(kept["time"]).dt.normalize())["Grand Total"].sum()
    assert series.frame.set_index("ds")["y"].loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())
    said = [str(notice) for notice in series.report.notices]
    assert any("'Status' marks Lost were counted as 0" in line for line in said), said
    assert any("marked 'Prospect' in 'Status'" in line for line in said), said
    shrink = written.assign(Status=np.where(np.arange(len(log)) % 6 == 0, "Lost", "Damaged"))  # stock: it counts
    total = load(shrink, per="day", duplicates="sum").frame["y"].sum()
    assert total == pytest.approx(log["Grand Total"].sum())


@pytest.mark.parametrize(("column", "sale", "payout"), [
    ("type", "Order", "Transfer"), ("Type", "Express Checkout Payment", "General Withdrawal"),
    ("Type", "charge", "payout")])
def test_a_payout_to_the_bank_counts_zero_and_a_bank_statements_transfer_stands(column: str, sale: str,
                                                                                payout: str) -> None:
    # Amazon's date-range report: its fortnightly 'Transfer' to the seller's bank was summed into 'total' as a big
    # negative; Stripe's payouts were only said, PayPal's 'General Withdrawal' summed unsaid
    log = event_log().rename(columns={"amount": "total"}).assign(**{column: sale})
    log.loc[log.index[::45], column] = payout
    log.loc[log.index[::45], "total"] = -4000.0
    series = load(log, per="day", duplicates="sum")
    sales = log[log[column] == sale]
    expected = sales.groupby(pd.to_datetime(sales["time"]).dt.normalize())["total"].sum()
    assert series.frame.set_index("ds")["y"].loc[expected.index].to_numpy() == pytest.approx(expected.to_numpy())
    assert "notice.payout_rows" in [notice.key for notice in series.report.notices]
    statement = log.assign(**{column: np.where(log[column] == sale, "Deposit", "Transfer")})  # no sale beside it:
    assert load(statement, per="day", duplicates="sum").frame["y"].sum() == pytest.approx(log["total"].sum())
