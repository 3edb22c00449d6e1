"""Which column holds the dates and which the target, when the user names neither."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.data.tidy import LoadOptions, load_series
from core.errors import DataError

ROOT = Path(__file__).resolve().parents[2]


def _german_monthly(header: str = "Datum;Wert") -> bytes:
    """24 month starts written dd.mm.yyyy with decimal commas, as German spreadsheets save them."""
    stamps = pd.date_range("1749-01-01", periods=24, freq="MS")
    values = 58.0 + np.arange(24) * 1.5
    rows = [f"{stamp:%d.%m.%Y};" + f"{value:.1f}".replace(".", ",") for stamp, value in zip(stamps, values)]
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def _german_month_ends() -> bytes:
    stamps = pd.date_range("2000-01-31", periods=24, freq="ME")
    values = 7.204 + np.arange(24) * 0.25
    rows = [f"{stamp:%d.%m.%Y};" + f"{value:.3f}".replace(".", ",") for stamp, value in zip(stamps, values)]
    return ("Datum;Wert\n" + "\n".join(rows) + "\n").encode()


def test_dotted_day_first_dates_with_decimal_commas_are_the_date_column() -> None:
    data = _german_monthly()
    assert b"01.01.1749;58,0" in data
    series = load_series(data, "x.csv")
    assert series.date_col == "Datum" and series.target == "Wert"
    assert series.frequency.name == "monthly"
    assert series.frame["y"].iloc[0] == 58.0
    assert series.frame["ds"].iloc[0] == pd.Timestamp("1749-01-01")
    assert series.frame["ds"].iloc[-1] == pd.Timestamp("1750-12-01")
    assert series.numeric_columns == ["Wert"]


def test_dotted_month_end_dates_with_decimal_commas_are_the_date_column() -> None:
    data = _german_month_ends()
    assert b"31.01.2000;7,204" in data
    series = load_series(data, "x.csv")
    assert series.date_col == "Datum" and series.target == "Wert"
    assert series.frequency.name == "monthly"
    assert series.frame["y"].iloc[0] == pytest.approx(7.204)
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2000-01-31")


def test_dotted_dates_win_even_under_a_name_that_says_nothing_of_time() -> None:
    series = load_series(_german_monthly("Messung;Wert"), "x.csv")
    assert series.date_col == "Messung" and series.target == "Wert"
    assert series.frequency.name == "monthly"


def test_the_command_line_reports_the_dotted_date_column(tmp_path: Path) -> None:
    path, metrics = tmp_path / "x.csv", tmp_path / "m.json"
    path.write_bytes(_german_monthly())
    done = subprocess.run([sys.executable, "-m", "core", "fit", str(path), "--json", str(metrics)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(metrics.read_text())
    assert summary["date_col"] == "Datum" and summary["target"] == "Wert"


def _bike_demand(n: int = 120) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    day = pd.date_range("2021-01-01", periods=n, freq="D")
    working = (day.dayofweek < 5).astype(int)
    temperature = 10 + 8 * np.sin(np.arange(n) / 20) + rng.normal(0, 1, n)
    demand = 200 + 30 * working + 4 * temperature + rng.normal(0, 5, n)
    return pd.DataFrame({"day": day.strftime("%Y-%m-%d"), "workingday": working,
                         "temperature": temperature.round(2), "demand": demand.round(1)})


def test_a_zero_one_flag_is_never_the_default_target() -> None:
    frame = _bike_demand()
    series = load_series(frame.to_csv(index=False).encode(), "bikes.csv")
    assert series.date_col == "day" and series.target == "demand"
    assert series.frequency.name == "daily"
    assert series.regressors == []
    assert series.numeric_columns == ["workingday", "temperature", "demand"]
    assert series.frame["y"].tolist() == frame["demand"].tolist()


def test_without_a_target_name_the_first_continuous_column_is_the_target() -> None:
    frame = _bike_demand().rename(columns={"demand": "rentals"})[["day", "workingday", "rentals", "temperature"]]
    series = load_series(frame.to_csv(index=False).encode(), "bikes.csv")
    assert series.target == "rentals" and series.regressors == []


def test_few_valued_integer_codes_are_not_the_target_when_a_measure_exists() -> None:
    frame = _bike_demand()
    frame = frame.assign(season=(np.arange(len(frame)) // 30) % 4 + 1)[["day", "season", "temperature", "workingday"]]
    series = load_series(frame.to_csv(index=False).encode(), "x.csv")
    assert series.target == "temperature"


def test_a_flag_is_the_target_when_nothing_else_is_numeric() -> None:
    frame = _bike_demand()[["day", "workingday"]]
    series = load_series(frame.to_csv(index=False).encode(), "x.csv")
    assert series.target == "workingday"


def test_a_target_word_inside_a_longer_name_counts() -> None:
    frame = _bike_demand().rename(columns={"demand": "Electric load (MW)"})
    frame = frame[["day", "Electric load (MW)", "temperature", "workingday"]]
    series = load_series(frame.to_csv(index=False).encode(), "x.csv")
    assert series.target == "Electric load (MW)"


@pytest.mark.parametrize("header,target", [
    ("Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen", "Zamkniecie"),  # stooq's Polish export picked the open
    ("Datum,Eröffnung,Hoch,Tief,Schlusskurs,Volumen", "Schlusskurs"),
    ("日期,开盘价,最高价,最低价,收盘价,成交量", "收盘价"),
    ("日期Date,开盘Open,最高High,最低Low,收盘Close,成交量Volume", "收盘Close")])  # two languages in one name
def test_a_closing_price_named_in_another_language_is_the_target(header: str, target: str) -> None:
    rng = np.random.default_rng(0)
    close = 100 + np.cumsum(rng.standard_normal(30))
    rows = [f"{day:%Y-%m-%d},{c + 0.3:.2f},{c + 1:.2f},{c - 1:.2f},{c:.2f},{1000 + 7 * i}"
            for i, (day, c) in enumerate(zip(pd.bdate_range("2024-01-01", periods=30), close))]
    text = header + "\n" + "\n".join(rows) + "\n"
    series = load_series(text.encode(), "prices.csv")
    assert series.target == target
    assert np.allclose(series.frame["y"].to_numpy()[-3:], pd.read_csv(io.StringIO(text))[target].to_numpy()[-3:])


def test_a_latin_letter_beside_chinese_is_no_word_of_its_own() -> None:
    # 收盘Close is two words, but T恤 (a T-shirt) is no "t": a counting T恤 column became the step column.
    rows = "".join(f"{k},{50 + (k * 7) % 11}\n" for k in range(1, 31))
    assert load_series(f"T恤,衬衫\n{rows}".encode(), "shirts.csv").target == "T恤"


@pytest.mark.parametrize("target_first", [False, True])
def test_of_two_target_words_the_column_blank_in_the_future_rows_is_the_target(target_first: bool) -> None:
    # the layout for forecasting with regressors: the regressor filled past the target's last value
    values = np.r_[300 + 5 * np.arange(27), [np.nan] * 3]
    frame = pd.DataFrame({"date": pd.date_range("2021-01-01", periods=30, freq="MS").strftime("%Y-%m-%d"),
                          "price": 10 + np.sin(np.arange(30)), "sales": values})
    frame = frame[["date", "sales", "price"]] if target_first else frame
    series = load_series(frame.to_csv(index=False).encode(), "x.csv")
    assert series.target == "sales" and series.frame["y"].tolist() == values[:27].tolist()


def test_a_covariate_that_ends_early_is_not_taken_for_the_target() -> None:
    frame = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=30, freq="D").strftime("%Y-%m-%d"),
                          "kwh": 100 + 3 * np.arange(30.0), "temp": np.r_[10 + np.arange(27) % 4, [np.nan] * 3]})
    series = load_series(frame.to_csv(index=False).encode(), "x.csv")
    assert series.target == "kwh" and len(series.frame) == 30
    named = load_series(frame.to_csv(index=False).encode(), "x.csv", LoadOptions(regressors=("temp",)))
    assert named.target == "kwh" and named.regressors == ["temp"]
    # in a long file, one store's price missing at its end does not make price every store's target
    stores = pd.concat([frame.assign(store=name, sales=frame["kwh"], price=frame["temp"].fillna(11) if name == "A"
                                     else frame["temp"]) for name in "AB"])[["store", "date", "sales", "price"]]
    assert load_series(stores.to_csv(index=False).encode(), "x.csv").target == "sales"


@pytest.mark.parametrize("name", ["invoice_number", "ticket_no"])
def test_a_running_number_is_not_the_target_when_a_measure_exists(name: str) -> None:
    days = pd.date_range("2022-03-01", periods=40, freq="D")
    calls = 50 + np.random.default_rng(3).normal(0, 5, 40).round(1)
    text = f"{name},calls,date\n" + "".join(f"{5001 + i},{c},{d:%Y-%m-%d}\n" for i, (c, d) in enumerate(zip(calls, days)))
    series = load_series(text.encode(), "x.csv")
    assert (series.date_col, series.target) == ("date", "calls")


def test_a_first_column_of_epoch_milliseconds_with_jitter_is_the_time_column() -> None:
    stamps = 1_709_251_140_000 + 1000 * np.arange(200) + np.random.default_rng(4).integers(-3, 4, 200)
    text = "ts_ms,accel_x\n" + "".join(f"{s},{np.sin(i / 5):.4f}\n" for i, s in enumerate(stamps))
    series = load_series(text.encode(), "x.csv")
    assert (series.date_col, series.target) == ("ts_ms", "accel_x") and series.frequency.name == "secondly"


@pytest.mark.parametrize("name", ["Date + hour (YYYYMMDDHH)", "dateHour"])
def test_google_analytics_date_hours_are_hours_not_unix_seconds(name: str) -> None:
    # 2024010100 lies where Unix seconds of 2034 do: 336 hours were read as 336 seconds of 2034-02-20.
    hours = pd.date_range("2024-01-01", periods=336, freq="h")
    text = f"{name},Sessions\n" + "".join(f"{hour:%Y%m%d%H},{100 + k % 24}\n" for k, hour in enumerate(hours))
    series = load_series(text.encode(), "ga4.csv")
    assert series.frequency.name == "hourly" and list(series.frame["ds"]) == list(hours)


@pytest.mark.parametrize("name", ["created", "created_at", "Created (UTC)"])
def test_a_payment_exports_created_seconds_are_its_time_column(name: str) -> None:
    # Stripe's irregular 'created' (Unix seconds) was no time column: the rows were steps, or 'created' the target.
    created = np.sort(np.random.default_rng(1).integers(1_704_067_200, 1_704_067_200 + 60 * 86_400, 300))
    text = f"amount,{name}\n" + "".join(f"{500 + k % 7 * 300},{stamp}\n" for k, stamp in enumerate(created))
    series = load_series(text.encode(), "payments.csv", LoadOptions(per="day", duplicates="sum"))
    assert (series.date_col, series.target, series.frequency.name) == (name, "amount", "daily")
    assert series.frame["ds"].iloc[0] == pd.Timestamp("2024-01-01")


def test_an_amount_of_a_few_whole_prices_is_the_target_not_the_fee_beside_it() -> None:
    # Stripe's balance export: 'Amount' holds four prices (19, 49, 99, 199), taken for a code; 'Fee' was forecast.
    days = pd.date_range("2024-01-01", periods=400, freq="5h")
    prices = [19, 49, 99, 199]
    text = "Created (UTC),Amount,Fee,Net\n" + "".join(
        f"{day:%Y-%m-%d %H:%M:%S},{prices[k % 4]}.00,{prices[k % 4] * 0.029 + 0.3:.2f},"
        f"{prices[k % 4] * 0.971 - 0.3:.2f}\n" for k, day in enumerate(days))
    assert load_series(text.encode(), "balance_history.csv").target == "Amount"


@pytest.mark.parametrize(("name", "per_second"), [("timestamp", 10**6), ("epoch", 10**6), ("ts", 10**9)])
def test_epochs_in_micro_and_nanoseconds_are_dates_in_a_column_named_as_time(name: str, per_second: int) -> None:
    # Spark's and pandas' int64 of a time stamp: read as step numbers ('epoch' without a word), future rows '30'.
    days = pd.date_range("2024-03-20", periods=30, freq="D")
    seconds = (days - pd.Timestamp("1970-01-01")) // pd.Timedelta("1s")
    text = f"{name},y\n" + "".join(f"{s * per_second},{100 + i}\n" for i, s in enumerate(seconds))
    series = load_series(text.encode(), "x.csv")
    assert series.date_col == name and series.frequency.name == "daily"
    assert series.frame["ds"].iloc[0] == days[0] and series.frame["ds"].iloc[-1] == days[-1]


@pytest.mark.parametrize(("fraction", "first"), [(".781", "2024-03-11 00:00:00.781"), (".002", "2024-03-11")])
def test_epoch_seconds_with_a_fraction_are_the_time_of_a_long_file(fraction: str, first: str) -> None:
    # Prometheus's range API writes '1710115200.781': no dates, three queues' rows laid end to end as one series;
    # an export's float noise ('.001', '.002') is rounded to the second, the rows kept on their 15-minute calendar.
    from core.panel.split import plan_layout

    stamps = 1_710_115_200 + 900 * np.arange(60)
    tails = [".000" if k % 2 and fraction == ".002" else fraction for k in range(60)]
    rows = {queue: "".join(f"rabbitmq_queue_messages_ready,{queue},{stamp}{tail},{10 + k % 7}\n"
                           for k, (stamp, tail) in enumerate(zip(stamps, tails)))
            for queue in ("orders", "emails", "invoices")}
    header = "__name__,queue,timestamp,value\n"
    series = load_series((header + rows["orders"]).encode(), "orders.csv")
    assert series.date_col == "timestamp" and series.frequency.alias == "15min" and series.report.gaps == 0
    assert series.frame["ds"].iloc[0] == pd.Timestamp(first)
    raw = pd.read_csv(io.StringIO(header + "".join(rows.values())), dtype=str)
    assert plan_layout(raw, LoadOptions(), None, None).id_cols == ("queue",)


def test_an_average_goes_before_the_least_and_the_most_of_the_same_thing() -> None:
    # Zabbix's trends ('value_min, value_avg, value_max') and a weather export's 'Min Temp, Avg Temp, Max Temp': the
    # minimum was forecast
    days = pd.date_range("2024-01-01", periods=40, freq="D")
    for names, expected in (("value_min,value_avg,value_max", "value_avg"), ("Min Temp,Avg Temp,Max Temp", "Avg Temp"),
                            ("min,mean,max", "mean"), ("Max Load,Min Price,Avg Price", "Max Load")):
        text = f"date,{names}\n" + "".join(f"{d:%Y-%m-%d},{8 + k % 3},{10 + k % 5},{14 + k % 4}\n"
                                           for k, d in enumerate(days))
        assert load_series(text.encode(), "x.csv").target == expected, names
    calls = "date,Talk Time (min),Avg Talk Time,Agents\n" + "".join(  # the tenth review: minutes, no minimum
        f"{d:%Y-%m-%d},{420 + 13 * k % 97},{5 + k % 17 / 10:.1f},{6 + k % 3}\n" for k, d in enumerate(days))
    assert load_series(calls.encode(), "calls.csv").target == "Talk Time (min)"


def _klines(days: pd.DatetimeIndex, per_second: int) -> str:
    """An exchange's headerless daily bars: open time as an epoch, open, high, low, close, volume."""
    seconds = (days - pd.Timestamp("1970-01-01")) // pd.Timedelta("1s")
    return "".join(f"{s * per_second},{100 + i},{103 + i},{98 + i},{101 + i}.5,{20 + i % 7}.25\n"
                   for i, s in enumerate(seconds))


@pytest.mark.parametrize("per_second", [1, 1000, 10**6])
def test_a_headerless_first_column_of_epochs_with_missing_days_is_the_time(per_second: int) -> None:
    # Kraken's daily bars (seconds) with days missing were steps, Binance's (microseconds since 2025) even without:
    # the epochs were forecast as the price.
    days = pd.date_range("2025-01-01", periods=120, freq="D").delete([30, 31, 77])
    series = load_series(_klines(days, per_second).encode(), "XBTUSD_1440.csv")
    assert (series.date_col, series.frequency.name) == ("column 1", "daily") and series.target != "column 1"
    assert series.frame["ds"].iloc[0] == days[0] and series.frame["ds"].iloc[-1] == days[-1]


def test_a_first_column_rising_unevenly_off_whole_minutes_stays_numbers() -> None:
    ids = 1_700_000_000 + np.cumsum(np.random.default_rng(2).integers(1, 90, 60))  # order numbers, not bars
    text = "".join(f"{i},{50 + k % 9}\n" for k, i in enumerate(ids))
    assert load_series(text.encode(), "orders.csv").date_col is None


def test_numbers_as_large_as_microsecond_epochs_stay_numbers_in_a_column_not_named_as_time() -> None:
    text = "reading,bytes\n" + "".join(f"{i},{1_700_000_000_000_000 + 86_400_000_000 * i}\n" for i in range(30))
    assert load_series(text.encode(), "x.csv").date_col is None


def _six_months_from(first: str) -> pd.DatetimeIndex:
    return pd.DatetimeIndex([pd.Timestamp(first) + pd.DateOffset(months=6 * k) for k in range(16)])


@pytest.mark.parametrize(("stamps", "name", "season", "future"), [
    (pd.date_range("2015-01-01", periods=16, freq="6MS"), "half-yearly", 2, ["2023-01-01", "2023-07-01"]),
    (pd.date_range("2015-06-30", periods=16, freq="6ME"), "half-yearly", 2, ["2023-06-30", "2023-12-31"]),
    (_six_months_from("2015-01-15"), "half-yearly", 2, ["2023-01-15", "2023-07-15"]),  # the 15th of Jan and July
    (pd.date_range("2023-01-01", periods=40, freq="SMS"), "semi-monthly", 24, ["2024-09-01", "2024-09-15"]),
    (pd.date_range("2023-01-01", periods=40, freq="SME"), "semi-monthly", 24, ["2024-09-15", "2024-09-30"]),
])
def test_half_years_and_half_months_have_their_season_and_forecast_on_the_same_days(
        stamps: pd.DatetimeIndex, name: str, season: int, future: list[str]) -> None:
    from core.data.frequency import future_dates

    text = "period,value\n" + "".join(f"{d:%Y-%m-%d},{10 + 4 * (k % 2) + k}\n" for k, d in enumerate(stamps))
    series = load_series(text.encode(), "x.csv")
    assert (series.frequency.name, series.frequency.season_length, series.report.gaps) == (name, season, 0)
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 2)
    assert [f"{d:%Y-%m-%d}" for d in ahead] == future


def _months_on_day(first: str, months: int, every: int = 1) -> pd.DatetimeIndex:
    return pd.DatetimeIndex([pd.Timestamp(first) + pd.DateOffset(months=every * k) for k in range(months)])


@pytest.mark.parametrize(("stamps", "future"), [
    (_months_on_day("2019-01-30", 36), ["2022-01-30", "2022-02-28", "2022-03-30"]),  # 28 February between
    (_months_on_day("2019-01-29", 36), ["2022-01-29", "2022-02-28", "2022-03-29"]),
    (_months_on_day("2000-03-30", 32, 3), ["2008-03-30", "2008-06-30", "2008-09-30"]),
    (pd.date_range("2019-01-31", periods=36, freq="ME"), ["2022-01-31", "2022-02-28", "2022-03-31"]),
])
def test_stamps_late_in_the_month_forecast_on_the_same_day_not_the_next_first(stamps: pd.DatetimeIndex,
                                                                            future: list[str]) -> None:
    from core.data.frequency import future_dates

    text = "date,value\n" + "".join(f"{d:%Y-%m-%d},{100 + k + k % 4}\n" for k, d in enumerate(stamps))
    series = load_series(text.encode(), "x.csv")
    assert series.report.gaps == 0
    ahead = future_dates(series.frame["ds"].iloc[-1], series.frequency, 3)
    assert [f"{d:%Y-%m-%d}" for d in ahead] == future  # the 30th read as monthly went on 2022-01-01, 02-01, ...


def test_a_time_column_that_could_not_be_read_is_named_when_the_rows_become_steps() -> None:
    text = "Trimestre,Revenue\n" + "".join(f"Q{i % 4 + 1} of {2005 + i // 4},{1000 + 50 * i}\n" for i in range(12))
    series = load_series(text.encode(), "x.csv")
    assert series.frequency.is_steps
    said = [str(notice) for notice in series.report.notices]
    assert any("'Trimestre' does not hold dates this loader can read (for example 'Q1 of 2005')" in line
               for line in said), said
    plain = load_series(("a,b\n" + "".join(f"{i}.5,{i}\n" for i in range(12))).encode(), "x.csv")
    assert plain.frequency.is_steps and not plain.report.notices  # numbers only: nothing looked like dates


def test_quarter_second_stamps_with_jitter_keep_their_spacing() -> None:
    stamps = pd.Timestamp("2024-02-29 23:59") + pd.to_timedelta(
        250 * np.arange(120) + np.random.default_rng(6).integers(-3, 4, 120), unit="ms")
    text = "time,accel_x\n" + "".join(f"{s.isoformat()}Z,{np.sin(i / 5):.4f}\n" for i, s in enumerate(stamps))
    assert load_series(text.encode(), "x.csv").frequency.alias == "250ms"


def test_four_decimal_rates_in_a_semicolon_file_are_not_months_nor_thousands() -> None:
    rates = ["1.2010", "1.195", "1.2050", "1.1985", "1.2100", "1.2150", "1.1870", "1.1750", "1.1600", "1.1580"]
    text = "date;eurusd\n" + "".join(f"2021-{m:02d}-01;{rate}\n" for m, rate in enumerate(rates, start=1))
    assert load_series(text.encode(), "x.csv").frame["y"].tolist() == [float(rate) for rate in rates]
    steady = "price;rate\n" + "".join(f"{1.25 + i / 100:.3f};1.2000\n" for i in range(12))
    assert load_series(steady.encode(), "x.csv").frame["y"].iloc[0] == 1.25


@pytest.mark.parametrize(("text", "date_col", "target"), [
    ("Tag;Umsatz;Vorjahr\n" + "".join(f"{d:02d}.01.2021;{1300 + d};{1480 + d}\n" for d in range(1, 29)), "Tag",
     "Umsatz"),
    ("epoch,soil_moisture_raw\n" + "".join(f"{1_700_000_000 + 60 * i},{1300 + 7 * i}\n" for i in range(40)), "epoch",
     "soil_moisture_raw"),
    ("Monat,Wert\n" + "".join(f"{i % 12 + 1:02d}.{2021 + i // 12},{100 + i}.5\n" for i in range(24)), "Monat", "Wert"),
])
def test_time_words_inside_a_measures_name_do_not_make_it_the_dates(text: str, date_col: str, target: str) -> None:
    series = load_series(text.encode(), "x.csv")  # Vorjahr holds 'jahr', soil_moisture 'mois': both are measures
    assert (series.date_col, series.target) == (date_col, target) and not series.frequency.is_steps


def test_a_column_of_a_few_values_beside_the_series_is_not_the_target() -> None:
    months = pd.date_range("2021-01-01", periods=24, freq="MS")
    text = "Date,Sales,Region,Target\n" + "".join(
        f"{d:%Y-%m-%d},{100 + i},{'North' if i < 5 else ''},{500 + i if i < 5 else ''}\n" for i, d in enumerate(months))
    series = load_series(text.encode(), "x.csv")  # 'Target' names a target, but holds five values
    assert series.target == "Sales" and len(series.frame) == 24


def test_a_measure_still_to_come_beside_a_filled_target_word_is_named() -> None:
    """``price`` (a target word) given ahead and ``footfall`` blank in the last rows: price was taken, silently, and
    naming footfall's regressors was then refused for want of their future values, which the file holds."""
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"date": pd.date_range("2015-01-01", periods=108, freq="MS").strftime("%Y-%m-%d"),
                          "temp": rng.normal(15, 3, 108), "price": rng.normal(5, 1, 108),
                          "footfall": np.r_[rng.normal(300, 20, 96), [np.nan] * 12], "promo": rng.integers(0, 2, 108)})
    series = load_series(frame.to_csv(index=False).encode(), "x.csv")
    assert series.target == "price"  # a covariate that ends early looks the same: said, not chosen
    said_lines = [notice for notice in series.report.notices if notice.key == "notice.target_still_to_come"]
    assert [str(line) for line in said_lines] == [
        "'footfall' is blank in the file's last rows, where the target 'price' is filled, as a file that gives its "
        "regressors' future values is laid out: if 'footfall' is the series to forecast, choose it as the target and "
        "'price' as a regressor."]
    chosen = load_series(frame.to_csv(index=False).encode(), "x.csv", LoadOptions(target="footfall"))
    assert not any(notice.key == "notice.target_still_to_come" for notice in chosen.report.notices)
    # a plant's lab samples on Tuesdays and Thursdays, blank from Thursday to the daily log's Sunday: no future
    days = pd.date_range("2023-01-01", "2023-12-31")
    sampled = days.day_of_week.isin([1, 3])
    log = pd.DataFrame({"Date": days.strftime("%m/%d/%Y"), "Influent Flow (MGD)": 5 + rng.normal(0, 0.2, len(days)),
                        "Inf BOD (mg/L)": np.where(sampled, rng.normal(220, 15, len(days)), np.nan)})
    notices = load_series(log.to_csv(index=False).encode(), "log.csv").report.notices
    assert not any(notice.key == "notice.target_still_to_come" for notice in notices)


def test_a_column_of_one_date_on_every_row_is_not_the_time_column_when_another_holds_the_periods() -> None:
    # Eurostat's SDMX-CSV: LAST UPDATE (when the file was made, the same on every row) comes before TIME_PERIOD;
    # it was taken for the dates: "96 rows hold only 1 distinct time stamp".
    months = pd.period_range("2015-01", periods=96, freq="M").strftime("%Y-%m")
    rows = ["DATAFLOW,LAST UPDATE,freq,unit,s_adj,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG"]
    rows += [f"ESTAT:STS_TRTU_M(1.0),15/01/24 23:00:00,M,I15,NSA,DE,{month},{1000 + 2 * k:.1f},"
             for k, month in enumerate(months)]
    series = load_series(("\n".join(rows) + "\n").encode(), "sdmx.csv")
    assert (series.date_col, series.target, series.frequency.alias) == ("TIME_PERIOD", "OBS_VALUE", "MS")
    assert len(series.frame) == 96 and series.frame["y"].iloc[-1] == 1190.0


def test_hours_three_centuries_apart_are_on_the_hour_not_uneven() -> None:
    # 200 hours from 1900 and 200 from 2200: "up to 25.4 min off an even spacing, in 200 of 400 rows" (the span in
    # nanoseconds overflowed), each row read as one step.
    stamps = [*pd.date_range("1900-01-01", periods=200, freq="h"), *pd.date_range("2200-01-01", periods=200, freq="h")]
    text = "time,y\n" + "".join(f"{stamp:%Y-%m-%d %H:%M},{k}\n" for k, stamp in enumerate(stamps))
    series = load_series(text.encode(), "hours.csv")
    assert series.frequency.name == "hourly" and series.report.irregular_rows == 0
    assert not [n for n in series.report.notices if "evenly" in str(n)]


def test_steps_past_what_a_float_keeps_exactly_are_renumbered_and_said() -> None:
    # Steps 10^18 + 10 ... were renumbered 0, 1, 2 ... without a word (at 10^15 they are kept, with a note).
    text = "step,y\n" + "".join(f"{10**18 + 10 + k},{3 * k}\n" for k in range(12))
    series = load_series(text.encode(), "steps.csv")
    assert series.date_col is None and series.frame["ds"].tolist() == list(range(12))
    assert [str(n) for n in series.report.notices] == [
        "'step' numbers its rows past 2^53 (9,007,199,254,740,992), beyond what its numbers keep exactly: the rows are "
        "numbered 0, 1, 2 ... instead."]


def test_the_measure_is_picked_over_counts_prices_expectations_and_side_readings() -> None:
    # each was forecast before: a herd's 'Milkings', a milk cheque's 'Base Price (ppl)', EPA AQS's 'Observation
    # Count', PurpleAir's 'humidity', an installer's 'PVWatts Expected (kWh)' (test MAE 0), a feed invoice's 'Unit
    # Price (£)' summed per month
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    wave = [10 + (k * 7) % 13 for k in range(len(days))]
    cases = {
        "Date,Animals,Milkings,Refusals,Milk yield (kg),Avg. milk/animal (kg)":
            ("Milk yield (kg)", lambda k, v: f"118,{330 + k % 5},{70 + k % 3},{3500 + 9 * v}.4,{30 + v / 10}"),
        "Date,Litres Supplied,Butterfat %,Base Price (ppl),Avg Price (ppl),Milk Value (£),Net Payment (£)":
            ("Milk Value (£)", lambda k, v: f"{7000 + 50 * v},4.1,{30 + k % 4}.5,{32 + k % 3}.1,{2300 + 9 * v},"
                                            f"{2200 + 9 * v}"),
        "Date,Site Num,POC,Observation Count,Observation Percent,Arithmetic Mean,1st Max Value,AQI":
            ("Arithmetic Mean", lambda k, v: f"1103,3,{18 + k % 7},{75 + k % 25},{v}.25,{2 * v}.5,{4 * v}"),
        "Date,sensor_index,humidity,pm2.5_atm_a,pm2.5_atm_b":
            ("pm2.5_atm_a", lambda k, v: f"131075,{40 + k % 30},{v}.3,{v}.6"),
        "Date,PVWatts Expected (kWh),Actual (kWh)":
            ("Actual (kWh)", lambda k, v: f"{380 + 10 * (k % 12)},{350 + 11 * v}"),
        "Date,Product,Unit Price (£),Net (£),VAT (£),Gross (£)":
            ("Net (£)", lambda k, v: f"Soya,{245 + k % 9}.50,{980 + 30 * v},0.00,{980 + 30 * v}"),
    }
    for header, (target, row) in cases.items():
        text = header + "\n" + "".join(f"{day:%Y-%m-%d},{row(k, v)}\n" for k, (day, v) in enumerate(zip(days, wave)))
        assert load_series(text.encode(), "farm.csv").target == target, header


def test_limits_written_with_percent_an_ending_count_and_sessions_are_read_and_picked() -> None:
    # Google Ads' '< 10%' impression share was refused; a headcount reconciliation's stale 'Beginning Headcount' and
    # GA4's 'Total users' were forecast before 'Ending Headcount' and 'Sessions'
    days = pd.date_range("2024-01-01", periods=60, freq="D")
    shares = "Day,Cost,Search impr. share\n" + "".join(
        f"{d:%Y-%m-%d},{900 + k},{'< 10%' if k % 5 == 0 else '> 90%' if k % 7 == 0 else f'{20 + k % 30}.5%'}\n"
        for k, d in enumerate(days))
    read = load_series(shares.encode(), "share.csv", LoadOptions(target="Search impr. share"))
    assert read.frame["y"].iloc[0] == 5 and read.frame["y"].iloc[7] == 90
    months = pd.date_range("2022-01-31", periods=36, freq="ME")
    counts = "As Of Date,Beginning Headcount,Hires,Terminations,Ending Headcount\n" + "".join(
        f"{m:%m/%d/%Y},{120 + k},{3 + k % 4},{2 + k % 3},{121 + k}\n" for k, m in enumerate(months))
    assert load_series(counts.encode(), "hc.csv").target == "Ending Headcount"
    ga4 = "Date,Sessions,Users,Key events\n" + "".join(  # (GA4's 'Total users', a total, still goes first)
        f"{d:%Y%m%d},{4000 + k * 13 % 900},{3100 + k * 11 % 700},{80 + k % 9}\n" for k, d in enumerate(days))
    assert load_series(ga4.encode(), "ga4.csv").target == "Sessions"


@pytest.mark.parametrize("cash_quantity", ["", "0.0"])
def test_a_statements_amount_is_the_target_before_a_quantity_of_its_few_trades(cash_quantity: str) -> None:
    # A brokerage statement (Schwab leaves a dividend's Quantity blank, Fidelity writes 0.0): the shares bought each
    # month were forecast, and the 136 rows of dividends and interest left out.
    rows = ['"Date","Action","Symbol","Quantity","Price","Amount"']
    for month in pd.date_range("2021-01-01", periods=36, freq="MS"):
        rows.append(f'"{month + pd.Timedelta(days=5):%m/%d/%Y}","Buy","VTI","{month.month % 7 + 1}","$210.00",'
                    f'"-${(month.month % 7 + 1) * 210:,.2f}"')
        rows += [f'"{month + pd.Timedelta(days=day):%m/%d/%Y}","{action}","{symbol}","{cash_quantity}","",'
                 f'"${25 + month.month + day / 10:.2f}"'
                 for day, action, symbol in ((20, "Qualified Dividend", "JEPI"), (21, "Cash Dividend", "O"),
                                             (27, "Bank Interest", ""))]
    series = load_series("\n".join(rows).encode(), "statement.csv")
    assert series.target == "Amount" and len(series.frame) > 100


def test_an_intermittent_quantity_stays_the_target_before_its_price() -> None:
    # demand on one day in four, its unit price on every row: the quantity is the series, the price no total
    days = pd.date_range("2023-01-01", periods=200, freq="D")
    text = "Date,Quantity,Price\n" + "".join(f"{day:%Y-%m-%d},{i * 7 % 23 + 1 if i % 4 == 0 else 0},{9.5 + i % 3}\n"
                                             for i, day in enumerate(days))
    assert load_series(text.encode(), "demand.csv").target == "Quantity"


@pytest.mark.parametrize("layout", ["kraken", "metatrader"])
def test_a_headerless_file_of_price_bars_forecasts_the_close_named_so(layout: str) -> None:
    # Kraken's OHLCVT (epoch seconds) and MetaTrader's history (2022.01.03,00:00,...) have no header: the open,
    # 'column 2', was forecast as the price.
    rng = np.random.default_rng(0)
    days = pd.date_range("2023-01-02", periods=120, freq="D")
    close = 20000 * np.exp(np.cumsum(rng.normal(0, 0.02, len(days))))
    opened = np.r_[close[0], close[:-1]]
    lines = []
    for day, first, last in zip(days, opened, close):
        stamp = f"{day.value // 10**9}" if layout == "kraken" else f"{day:%Y.%m.%d},00:00"
        lines.append(f"{stamp},{first:.1f},{max(first, last) * 1.01:.1f},{min(first, last) * 0.99:.1f},{last:.1f},"
                     f"{rng.uniform(500, 2000):.4f}")
    series = load_series(("\n".join(lines) + "\n").encode(), "bars.csv")
    assert series.target == "close" and series.frame["y"].iloc[-1] == pytest.approx(round(close[-1], 1))
    assert "volume" in series.numeric_columns and series.frequency.name == "daily"


def test_those_tested_and_the_week_numbers_are_no_target_beside_the_ill_or_the_positives() -> None:
    # ILINet's 'TOTAL PATIENTS' was forecast instead of its ILI, a lab's 'Tests Performed' instead of its positives,
    # FluNet's 'ISO_WEEK' (beside the week's start date) instead of its virus counts.
    weeks = pd.date_range("2018-10-01", periods=200, freq="W-MON")
    ill = (1.2 + 4 * np.exp(-(((np.arange(200) % 52) - 18) / 5.0) ** 2)).round(3)
    ilinet = "YEAR,WEEK,%UNWEIGHTED ILI,ILITOTAL,NUM. OF PROVIDERS,TOTAL PATIENTS\n" + "".join(
        f"{day.isocalendar().year},{day.isocalendar().week},{v},{int(v * 400)},{2500 + i % 7},{40000 + 13 * i}\n"
        for i, (day, v) in enumerate(zip(weeks, ill)))
    assert load_series(ilinet.encode(), "ILINet.csv").target in ("%UNWEIGHTED ILI", "ILITOTAL")
    lab = "Week Ending,Tests Performed,Positive,% Positive\n" + "".join(
        f"{day:%m/%d/%Y},{400 + i % 9},{int(v * 3)},{v:.1f}%\n" for i, (day, v) in enumerate(zip(weeks, ill)))
    assert load_series(lab.encode(), "lab.csv").target in ("Positive", "% Positive")
    flunet = "ISO_WEEKSTARTDATE,ISO_YEAR,ISO_WEEK,AH3,INF_B,ISOYW\n" + "".join(
        f"{day:%Y-%m-%d},{day.isocalendar().year},{day.isocalendar().week},{int(v * 30)},{int(v * 9) + i % 3},"
        f"{day.isocalendar().year}{day.isocalendar().week:02d}\n" for i, (day, v) in enumerate(zip(weeks, ill)))
    assert load_series(flunet.encode(), "VIW_FNT.csv").target in ("AH3", "INF_B")


@pytest.mark.parametrize("header, expected", [
    ("Sale Date,Price,Order Shipping,Order Sales Tax,Item Total", "Item Total"),
    ("Sale Date,Sold For,eBay Collected Tax,Total Price,eBay Collected Tax and Fees Included in Total",
     "Total Price"),
    ("Day,Orders,Gross sales,Discounts,Returns,Net sales,Shipping,Taxes,Total sales", "sales")])
def test_a_shops_sales_are_the_target_before_their_tax_and_their_count_of_orders(header: str, expected: str) -> None:
    # Etsy's order items and eBay's orders report forecast their sales tax; Shopify's 'Sales over time' its orders.
    rng = np.random.default_rng(3)
    columns = header.split(",")[1:]
    lines = [header] + [f"{day:%Y-%m-%d}," + ",".join(
        f"{rng.integers(5, 40)}" if name == "Orders" else f"{rng.uniform(0.5, 900):.2f}"
        for name in columns) for day in pd.date_range("2023-01-01", periods=120, freq="D")]
    assert expected in load_series(("\n".join(lines) + "\n").encode(), "shop.csv").target


@pytest.mark.parametrize("header, expected", [
    ('"#","Date Time, GMT-05:00","Abs Pres, kPa (LGR S/N: 1)","Temp, °C (LGR S/N: 1)",'
     '"Water Level, meters (LGR S/N: 1)"',
     "Water Level, meters (LGR S/N: 1)"),
    ("#,Date,Reservations,Covers,No-shows", "Covers")])
def test_a_loggers_water_level_and_a_restaurants_covers_are_the_target(header: str, expected: str) -> None:
    # HOBO's barometric pressure (a sensor's own channel) and OpenTable's count of bookings were forecast
    rng = np.random.default_rng(4)
    lines = [header] + [f"{i + 1},{stamp:%m/%d/%y %I:%M:%S %p},{rng.uniform(100, 120):.3f},{rng.uniform(10, 20):.3f},"
                        f"{rng.uniform(1, 2):.3f}" for i, stamp in enumerate(pd.date_range("2023-06-01", periods=300,
                                                                                           freq="h"))]
    assert load_series(("\n".join(lines) + "\n").encode(), "logger.csv").target == expected


@pytest.mark.parametrize("header, expected", [
    ("Date,Net Sales ex VAT,VAT,Gross Sales inc VAT,Orders", "Net Sales ex VAT"),
    ("Date,Total Patients,Admitted,Admission Rate", "Total Patients"),
    ("Date,Rooms Sold,Guests,Room Revenue", "Room Revenue")])
def test_sales_before_or_after_tax_patients_and_room_revenue_stay_the_target(header: str, expected: str) -> None:
    # from the review: each of these files' main measure gave way ('Orders', 'Admitted', 'Guests')
    rng = np.random.default_rng(8)
    columns = header.split(",")[1:]
    lines = [header] + [f"{day:%Y-%m-%d}," + ",".join(
        f"{rng.uniform(0.05, 0.4):.3f}" if "Rate" in name else f"{rng.integers(20, 400)}" if name in (
            "Orders", "Admitted", "Guests", "Rooms Sold", "Total Patients") else f"{rng.uniform(500, 9000):.2f}"
        for name in columns) for day in pd.date_range("2023-01-01", periods=150, freq="D")]
    assert load_series(("\n".join(lines) + "\n").encode(), "report.csv").target == expected


def test_a_headerless_weather_file_is_no_price_bars_and_a_sleep_grade_no_quality_flag() -> None:
    # from the review: a day's 9am, maximum, minimum and 3pm temperatures and rain were named open, high, low, close,
    # volume; a night's 'Poor' sleep (a grade under 'Quality') was blanked and filled
    rng = np.random.default_rng(6)
    lines = []
    for day in pd.date_range("2023-01-01", periods=200, freq="D"):
        low, high = rng.uniform(5, 12), rng.uniform(20, 30)
        lines.append(f"{day:%Y-%m-%d},{low + 4:.1f},{high:.1f},{low:.1f},{high - 2:.1f},{rng.uniform(0, 9):.1f}")
    weather = load_series(("\n".join(lines) + "\n").encode(), "weather.csv")
    assert "close" not in weather.numeric_columns
    grades = rng.choice(["Good", "Fair", "Poor"], 200)
    sleep = "Date,Hours Slept,Quality\n" + "".join(f"{day:%Y-%m-%d},{5.2 if grade == 'Poor' else 7.1},{grade}\n"
                                                   for day, grade in zip(pd.date_range("2023-01-01", periods=200),
                                                                         grades))
    series = load_series(sleep.encode(), "sleep.csv")
    assert series.frame["y"].min() == 5.2 and not series.report.filled_targets


def test_a_schools_possible_sessions_are_no_target_beside_those_present() -> None:
    # SIMS's attendance summary: 'Possible Sessions' (the roll, twice a day) was forecast as attendance
    rng = np.random.default_rng(3)
    days = pd.bdate_range("2023-09-04", periods=150)
    text = "Date,Possible Sessions,Present,Authorised Absence,Unauthorised Absence\n" + "".join(
        f"{day:%d/%m/%Y},{(p := 2360 + int(rng.integers(-5, 5)))},{p - (a := int(rng.integers(80, 180)))},{a - 25},25\n"
        for day in days)
    assert load_series(text.encode(), "sims.csv").target == "Present"


def test_a_rivers_discharge_a_labs_share_and_version_numbers_as_ids_after_the_third_review() -> None:
    # from the review: a USGS gauge's 'Gage height (ft)' before its 'Discharge (cfs)'; 'Total Samples Tested' before
    # a 'Detection Rate (%)'; app versions '2.3.1' and ledger codes '6000.100.20' read as amounts, no ids
    from core.panel.split import detect_id_columns

    rng = np.random.default_rng(2)
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    gauge = "Date,Gage height (ft),Discharge (cfs)\n" + "".join(
        f"{day:%Y-%m-%d},{rng.uniform(3, 4):.2f},{rng.uniform(500, 800):.1f}\n" for day in days)
    assert load_series(gauge.encode(), "usgs.csv").target == "Discharge (cfs)"
    lab = "Week,Total Samples Tested,Detection Rate (%)\n" + "".join(
        f"{day:%Y-%m-%d},{rng.integers(300, 600)},{rng.uniform(2, 20):.1f}\n" for day in days[::7])
    assert load_series(lab.encode(), "lab.csv").target == "Detection Rate (%)"
    versions = pd.DataFrame({"Date": np.repeat(days.strftime("%Y-%m-%d"), 3),
                             "App Version": np.tile(["2.3.1", "2.4.0", "2.4.1"], 120),
                             "Crashes": rng.integers(5, 40, 360)})
    assert detect_id_columns(versions, "Date") == ("App Version",)


def _dated(header: str, row: object, stamps: pd.DatetimeIndex) -> bytes:
    """A CSV of ``header`` and a row a stamp, its date then ``row(k)``'s cells."""
    return (header + "\n" + "".join(f"{stamp:%Y-%m-%d},{row(k)}\n" for k, stamp in enumerate(stamps))).encode()


def _daily_rows(header: str, row: object, days: int = 120, start: str = "2024-01-01") -> bytes:
    """A CSV of ``header`` and one row a day, ``row(k, day)`` writing the cells after the date."""
    stamps = pd.date_range(start, periods=days, freq="D")
    return (header + "\n" + "".join(f"{day:%m/%d/%Y},{row(k, day)}\n" for k, day in enumerate(stamps))).encode()


def test_plays_a_settle_and_a_bars_last_price_are_targets_and_a_percentage_goes_after_them() -> None:
    # Apple Podcasts' 'Episode Number' and 'Average Consumption' (38%) were forecast before its plays; CME's and
    # Barchart's 'Volume' before the 'Settle' and 'Last' price
    podcast = _daily_rows("Date,Episode Number,Plays,Listeners,Average Consumption",
                          lambda k, day: f"{k % 3 + 1},{400 + k * 3 + k % 7 * 20},{300 + k},{38 + k % 9}%")
    assert load_series(podcast, "apple.csv").target == "Plays"
    bars = "Date,Open,High,Low,{},Change,%Chg,Volume,Open Int"
    for last in ("Last", "Settle"):
        futures = _daily_rows(bars.format(last), lambda k, day: f"{450 + k * 0.25},{455 + k * 0.5},{445 + k * 0.25},"
                                                               f"{451 + k * 0.75},+1.25,+0.28%,{60000 + k * 37},{800000 + k}")
        assert load_series(futures, "zc.csv").target == last


def test_a_flocks_eggs_before_its_hens_and_a_withheld_value_beside_codes_is_refused() -> None:
    # a layer flock's record forecast 'Hens on Hand'; NASS's county production withheld ('(D)') in every year had
    # its 'Ag District Code' forecast
    flock = _daily_rows("Date,Hens on Hand,Eggs Laid,Mortality",
                        lambda k, day: f"{10000 - 3 * k},{int((10000 - 3 * k) * 0.9) - k % 5 * 40},{k % 4}")
    assert load_series(flock, "layer.csv").target == "Eggs Laid"
    header = '"Program","Year","Period","State","State ANSI","Ag District Code","County ANSI","Commodity","Value"\n'
    withheld = header + "".join(f'"SURVEY","{year}","YEAR","VERMONT","50","10","011","CORN","(D)"\n'
                                for year in range(2023, 1989, -1))
    with pytest.raises(DataError, match=r"Column 'Value' holds no number: every cell marks a missing or withheld "
                                        r"value \('\(D\)'\)"):
        load_series(withheld.encode(), "nass.csv")


def test_a_level_before_its_change_a_rate_before_a_ratio_teu_and_counts_before_their_record_numbers() -> None:
    # Cass's 'Shipments' beside its 'y/y %' (read as the target 'y'), FHFA's 'HPI' after its 'Annual Change (%)', DAT's
    # 'Spot Rate ($/mi)' beside a 'Load-to-Truck Ratio' (a 'load'), a carrier's 'TEU' after its 'Weight (kg)', NYC's
    # bicycle 'counts' after its record number 'countid'
    def table(header: str, row: object) -> bytes:
        return _dated(header, row, pd.date_range("2017-01-01", periods=60, freq="MS"))
    assert load_series(table("Month,Shipments,y/y %", lambda k: f"{1.1 + k % 12 / 50:.3f},{k % 7 - 3:.1f}%"),
                       "cass.csv").target == "Shipments"
    assert load_series(table("Year,Annual Change (%),HPI", lambda k: f"{k % 5 + 1:.2f},{100 + 3 * k:.2f}"),
                       "hpi.csv").target == "HPI"
    assert load_series(table("Week Ending,Load-to-Truck Ratio,Spot Rate ($/mi)",
                             lambda k: f"{3 + k % 4 / 10:.1f},${2.1 + k % 9 / 20:.2f}"), "dat.csv").target \
        == "Spot Rate ($/mi)"
    assert load_series(table("Booking Date,Weight (kg),TEU", lambda k: f"{24000.5 + k * 130},{2 + k % 5}"),
                       "bookings.csv").target == "TEU"
    assert load_series(table("date,countid,counts", lambda k: f"{30012345 + k},{20 + k % 9}"), "nyc.csv").target \
        == "counts"


def test_a_rosters_employee_numbers_in_any_order_are_no_target() -> None:
    # BambooHR's roster sorted by name: 'Employee #' 1001 to 1300 was averaged per hire date and forecast
    rng = np.random.default_rng(16)
    days = pd.date_range("2019-01-07", periods=300, freq="W-MON")
    numbers = rng.permutation(np.arange(1001, 1301))
    text = "Employee #,Department,Hire Date,FTE\n" + "".join(
        f"{number},{['Sales', 'Support'][k % 2]},{day:%m/%d/%Y},{[1.0, 0.8, 0.5][k % 3]}\n"
        for k, (number, day) in enumerate(zip(numbers, days)))
    assert load_series(text.encode(), "roster.csv").target == "FTE"


def test_each_counters_total_beside_its_directions_is_the_target_over_a_direction() -> None:
    # Eco-Visio's two sites, each 'IN', 'OUT' and the site's total: the first site's 'IN' was forecast
    hours = pd.date_range("2023-01-01", periods=200, freq="h")
    rng = np.random.default_rng(1)
    counts = rng.poisson(20, size=(200, 4))
    text = "Time,Totem IN,Totem OUT,Totem,Pont IN,Pont OUT,Pont\n" + "".join(
        f"{hour:%d/%m/%Y %H:%M},{a},{b},{a + b},{c},{d},{c + d}\n" for hour, (a, b, c, d) in zip(hours, counts))
    assert load_series(text.encode(), "eco.csv").target == "Totem"


def _chosen(cases: list[tuple[str, object]], stamps: pd.DatetimeIndex) -> list[str]:
    """The target read from each (header, row) table dated by ``stamps``."""
    return [load_series(_dated(header, row, stamps), "t.csv").target for header, row in cases]


def test_review_targets_kept_birds_growth_a_rising_count_and_a_rate_by_term() -> None:
    # a review of the batch: each of these was passed over for a side measure, or its rate made series ids
    cases = [("Date,Number of Birds,Party Hours", lambda k: f"{20 + k * 7 % 280},{1 + k % 5}.5"),
             ("Date,Growth (cm),Temperature (C)", lambda k: f"{0.2 + k % 9 / 10:.2f},{22 + k % 4}.5"),
             ("Month,Active Members #,Dues Collected", lambda k: f"{300 + k + k // 2},{9000 + k * 37}")]
    assert _chosen(cases, pd.date_range("2024-01-01", periods=60, freq="D")) == [
        "Number of Birds", "Growth (cm)", "Active Members #"]
    weeks = pd.date_range("2023-01-02", periods=52, freq="W-MON")
    rates = "Date,Term (months),APY\n" + "".join(f"{week:%Y-%m-%d},{term},{apy - (0.25 if k >= 45 else 0):.2f}\n"
                                                for k, week in enumerate(weeks)
                                                for term, apy in ((6, 4.25), (12, 4.75), (24, 4.40), (60, 3.90)))
    assert load_series(rates.encode(), "cdrates.csv").target == "APY"


def test_a_policy_rate_that_only_rose_is_no_running_total() -> None:
    # the Fed's rate in steps was 'a running total': its band could no longer go below the last rate
    months = pd.date_range("2015-01-01", periods=48, freq="MS")
    rate = np.repeat(0.125 + 0.25 * np.arange(10), [11, 12, 3, 3, 3, 3, 3, 3, 3, 4])
    text = "Date,Fed Funds Rate\n" + "".join(f"{month:%Y-%m-%d},{value}\n" for month, value in zip(months, rate))
    series = load_series(text.encode(), "policy.csv")
    assert "notice.running_total" not in [notice.key for notice in series.report.notices]


def test_second_review_targets_a_growth_of_its_own_counts_named_hash_eggs_a_ratio_first_and_cpu_in_percent() -> None:
    months = pd.date_range("2015-01-01", periods=60, freq="MS")
    cases = [("Month,Net Sales Growth,Net Margin", lambda k: f"{k % 9 - 4:.2f},{12 + k % 3 / 10:.2f}"),
             ("Month,Members #,Attendance Rate", lambda k: f"{120 + k * 37 % 48},0.{70 + k % 9}"),
             ("Date,Hens,Feed (kg),Eggs", lambda k: f"{500 - k // 3},{55 + k % 4}.5,{380 + k * 7 % 70}"),
             ("DATE,P/C Ratio,CALLS,PUTS", lambda k: f"0.{60 + k % 30},{800000 + k * 911},{600000 + k}"),
             ("Time,CPU Load,Error Count", lambda k: f"{10 + k % 80:.1f}%,{k % 5}")]
    assert _chosen(cases, months) == ["Net Sales Growth", "Members #", "Eggs", "P/C Ratio", "CPU Load"]
    members = load_series(_dated(*cases[1], months), "members.csv")
    assert "notice.target_identifies_rows" not in [notice.key for notice in members.report.notices]
    sparse = _dated("Date,Open,High,Low,Last,Settle,Volume",
                    lambda k: (",".join(f"{base + k * 0.1:.2f}" for base in (70, 71, 69, 70.5)) if k % 3 == 0
                               else ",,,") + f",{70.4 + k * 0.1:.2f},{k % 3 == 0 and 30 or 0}", months)
    assert load_series(sparse, "cme.csv").target == "Settle"  # the fuller of 'Last' and 'Settle'


def test_a_wells_oil_in_barrels_is_the_target_before_its_gas_days_and_tubing_pressure() -> None:
    # from a walk: 'BBL' numbers NYC's lots (ten digits), so a lease's 'Oil (BBL)' was passed over for its gas, and a
    # well test's 'Oil Rate (bbl/d)' for its 'Tubing Pressure (psi)'
    months = pd.date_range("2018-01-01", periods=72, freq="MS")
    cases = [("Date,Oil (BBL),Casinghead (MCF),GW Gas (MCF)", lambda k: f"{42000 - 450 * k + k * 37 % 900},"
              f"{80000 - 700 * k + k * 53 % 3000},0"),
             ("Date,Days Produced,Oil (BBL),Gas (MCF),Water (BBL)", lambda k: f"{28 + k % 4},{9000 - 60 * k},"
              f"{15000 - 90 * k + k * 31 % 700},{5000 + k * 41 % 800}"),
             ("Date,Hours On,Choke (1/64 in),Tubing Pressure (psi),Oil Rate (bbl/d)", lambda k: f"{24 - k % 9 // 8 * 6},"
              f"32,{450 + k * 17 % 30},{800 - 3 * k + k % 7 / 10:.1f}")]
    assert _chosen(cases, months) == ["Oil (BBL)", "Oil (BBL)", "Oil Rate (bbl/d)"]
    lots = _dated("Date,BBL,Count", lambda k: f"{1000010010 + k * 977},{3 + k % 4}", months)
    assert load_series(lots, "311.csv").target == "Count"


def test_play_earnings_forecast_the_merchant_currency_and_a_country_file_its_daily_installs_beside_namibia() -> None:
    # from a walk: Google Play's 'Amount (Buyer Currency)' (INR, JPY and USD added) was forecast before its 'Amount
    # (Merchant Currency)', unwarned; a country file with Namibia's 'NA' and a blank country forecast its running
    # 'Total User Installs'
    rng = np.random.default_rng(2)
    rates = {"USD": 1.0, "INR": 0.012, "JPY": 0.0066}
    prices = [("USD", 4.99), ("INR", 399.0), ("JPY", 800.0)]
    rows = [(f"{day:%b} {day.day}, {day.year}", currency, price, round(price * rates[currency], 2))
            for day in pd.date_range("2024-03-01", periods=60) for _ in range(8)
            for currency, price in [prices[int(rng.integers(0, 3))]]]
    earnings = pd.DataFrame(rows, columns=["Transaction Date", "Buyer Currency", "Amount (Buyer Currency)",
                                           "Amount (Merchant Currency)"]).to_csv(index=False).encode()
    summed = load_series(earnings, "PlayApps.csv", LoadOptions(per="day", duplicates="sum"))
    assert summed.target == "Amount (Merchant Currency)"
    buyers = load_series(earnings, "PlayApps.csv", LoadOptions(per="day", duplicates="sum",
                                                               target="Amount (Buyer Currency)"))
    assert "notice.currencies_mixed" in [notice.key for notice in buyers.report.notices]
    totals = {"US": 160000, "IN": 120000, "BR": 60000, "NA": 3200, "": 2000}
    lines = ["Date,Country,Daily User Installs,Total User Installs"]
    for day in pd.date_range("2024-05-01", periods=31):
        for country in totals:
            installs = int(totals[country] / 400 * rng.uniform(0.9, 1.3))
            totals[country] += installs
            lines.append(f"{day:%Y-%m-%d},{country},{installs},{totals[country]}")
    assert load_series(("\n".join(lines) + "\n").encode(), "country.csv").target == "Daily User Installs"


def test_an_spc_logs_subgroup_counter_is_no_target_and_its_x_bar_goes_before_the_readings() -> None:
    # from a walk: a subgroup log's 'Subgroup' (1, 2, 3, ...) was forecast, then its 'X1' before the 'X-bar'
    rng = np.random.default_rng(4)
    readings = np.round(rng.normal(25.002, 0.004, (200, 5)), 4)
    stamps = pd.date_range("2024-01-02 07:30", periods=200, freq="2h")
    rows = "".join(f"{stamp:%m/%d/%Y %H:%M},{k + 1},{','.join(f'{x:.4f}' for x in xs)},{xs.mean():.4f},"
                   f"{xs.max() - xs.min():.4f},25.015\n" for k, (stamp, xs) in enumerate(zip(stamps, readings)))
    log = "Date,Subgroup,X1,X2,X3,X4,X5,X-bar,R,USL\n" + rows
    assert load_series(log.encode(), "spc.csv").target == "X-bar"


def test_revenue_named_in_german_is_the_target_before_the_rooms_occupancy_and_rates() -> None:
    # from a walk: a German PMS export's 'Umsatz Logis' gave way to its 'Belegte Zimmer'
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    text = "Datum;Belegte Zimmer;Auslastung;ADR;RevPAR;Umsatz Logis\n" + "".join(
        f"{day:%d.%m.%Y};{10 + k * 7 % 31};{35 + k % 9},71 %;{70 + k % 5},22 €;{26 + k % 4},15 €;"
        f"{(10 + k * 7 % 31) * (70 + k % 5):,}".replace(",", ".") + ",30 €\n" for k, day in enumerate(days))
    assert load_series(text.encode("utf-8"), "mews.csv").target == "Umsatz Logis"


def test_review_lots_with_unknown_zeros_engine_oil_and_last_years_sales_are_no_targets() -> None:
    # the second review: NYC's 'BBL' with a few unknown lots written 0 was forecast; a fleet's 'Oil Pressure (psi)'
    # before its trips; 'Umsatz Vorjahr' (last year's) before 'Umsatz'
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    cases = [("Date,BBL,Response Hours", lambda k: f"{0 if k % 20 == 3 else 1000010001 + k * 9973},{5 + k * 7 % 40}.5"),
             ("Date,Trips,Oil Pressure (psi),Oil Temp (F)", lambda k: f"{14 + k * 5 % 13},{38 + k % 5}.5,{205 + k % 9}"),
             ("Datum,Kunden,Umsatz Vorjahr,Umsatz", lambda k: f"{80 + k * 7 % 60},{1800 + k * 13 % 500}.5,"
              f"{1900 + k * 17 % 450}.5")]
    assert _chosen(cases, days) == ["Response Hours", "Trips", "Umsatz"]


def test_the_money_taken_is_the_target_before_its_fee_average_price_goal_count_and_unit_price() -> None:
    # from the walks: PayPal's 'Fee' before its 'Gross' (five gift sizes); a cinema's 'Average Ticket Price' and a
    # weekend chart's running 'Total Gross' before the 'Gross'; a campaign's 'Goal' before 'Raised'; a 'Gift Count'
    # before 'Total Giving'; Kraken's fill 'price' (its 'cost' is price times 'vol'); Coinbase's BTC and ETH
    # 'Quantity Transacted' before the dollars
    days = pd.date_range("2023-01-01", periods=120, freq="D")
    cases = [("Date,Gross,Fee,Net", lambda k: f"{[10, 25, 50, 100, 250][k * 7 % 5]}.00,-{0.69 + k % 5 / 10:.2f},"
                                          f"{[10, 25, 50, 100, 250][k * 7 % 5] - 0.69 - k % 5 / 10:.2f}"),
             ("Date,Admissions,Gross,Average Ticket Price",
              lambda k: f"{900 + k * 37 % 400},{(900 + k * 37 % 400) * 15}.50,15.50"),
             ("Date,Gross,Theaters,Total Gross",
              lambda k: f"{9000000 - k * 7000},4243,{(9000000 - k * 3500) * (k + 1)}"),
             ("Date,Goal,Raised,Donors", lambda k: f"\"${50000 + k % 12 * 1000:,}\",\"${48000 + k * 37 % 9000:,}.25\","
                                                f"{300 + k % 40}"),
             ("Date,Gift Count,Total Giving", lambda k: f"{200 + k * 7 % 90},\"${36000 + k * 131 % 9000:,}.40\""),
             ]
    trades = [("Date,price,cost,fee,vol", lambda k: f"{42000 + k * 10}.0,{(42000 + k * 10) * (1 + k % 9) / 100:.5f},"
                                                 f"1.09,{(1 + k % 9) / 100:.8f}"),
              ("Date,Quantity Transacted,Price at Transaction,Total",
               lambda k: f"{(100 + k % 6 * 10) / (2300 + k):.8f},{2300 + k}.00,{100 + k % 6 * 10}.00")]
    fills = days.repeat(2)  # a log of trades, not a table of a row a day
    assert _chosen(cases, days) + _chosen(trades, fills) == ["Gross", "Gross", "Gross", "Raised", "Total Giving",
                                                             "cost", "Total"]
    weighed = [("Date,Gross kg,Tare kg,Net kg", lambda k: f"{12500 + k * 37 % 900},{12000 + k % 7},"
                                                    f"{500 + k * 37 % 900 - k % 7}")]
    assert _chosen(weighed, days) == ["Net kg"]  # a weighbridge's gross is no money, its truck's few tares no code


def test_a_loggers_record_counter_is_no_target_and_a_depth_goes_before_its_pressure() -> None:
    # from a walk: a Campbell TOA5 table's 'RECORD', restarted after a power cycle, was forecast; a level logger's
    # 'Depth (ft)' and Campbell's 'Lvl_m_Avg' gave way to the raw pressure and the water temperature
    hours = pd.date_range("2023-06-01", periods=400, freq="h")
    cases = [("Date,RECORD,BattV_Min,AirTC_Avg", lambda k: f"{k if k < 250 else k - 250},12.61,{15 + k % 9 / 10:.2f}"),
             ("Date,Pressure (PSI),Temperature (C),Depth (ft)", lambda k: f"{16.4 + k % 5 / 100:.4f},9.01,"
                                                                    f"{3.9 - k / 48000:.4f}"),
             ("Date,BattV_Min,WTemp_C_Avg,Lvl_m_Avg", lambda k: f"12.6,{11 + k % 7 / 10:.2f},{1.2 + k % 3 / 100:.3f}")]
    assert _chosen(cases, hours) == ["AirTC_Avg", "Depth (ft)", "Lvl_m_Avg"]


def test_review_sales_beside_a_rate_a_markets_price_a_count_beside_an_average_and_goal_values_keep_targets() -> None:
    # the third review of the batch: sales times a tax or commission rate made the tax the target; a power market's
    # hourly price gave way to its turnover; an 'Avg Ticket Amount' in dollars went before the 'Ticket Count';
    # Google Analytics' 'Goal Value' was read as a plan
    months = pd.date_range("2017-01-01", periods=84, freq="MS")
    monthly = [("Date,Taxable Sales,Tax Rate,Sales Tax Due",
                lambda k: f"{50000 + k * 731 % 9000}.25,0.0725,{(50000 + k * 731 % 9000.25) * 0.0725:.4f}")]
    days = pd.date_range("2023-01-01", periods=200, freq="D")
    daily = [("Date,Price (EUR/MWh),Volume (MWh),Turnover (EUR)",
              lambda k: f"{60 + k % 24}.5,{30000 + k * 37 % 900},{(60.5 + k % 24) * (30000 + k * 37 % 900):.1f}"),
             ("Date,Ticket Count,Avg Ticket Amount", lambda k: f"{80 + k * 7 % 120},\"${38 + k % 14}.25\""),
             ("Date,Users,Sessions,Goal Completions,Goal Value", lambda k: f"{697 + k % 50},{872 + k % 60},"
                                                                       f"{27 + k % 9},\"${675 + k % 9 * 25}.00\"")]
    assert _chosen(monthly, months) + _chosen(daily, days) == [
        "Taxable Sales", "Price (EUR/MWh)", "Ticket Count", "Goal Value"]



def test_a_call_logs_telephone_numbers_are_no_target() -> None:
    # Five9's call log: 'ANI' (the caller) was forecast at 2125555988.8 with a MAPE of 0.0001%, not the cost
    rng = np.random.default_rng(4)
    days = pd.date_range("2024-01-08", periods=60, freq="D")
    text = "TIMESTAMP,ANI,DNIS,ORIG_NUMBER,COST\n" + "".join(
        f"{day:%Y-%m-%d} 09:00,{rng.integers(2_000_000_000, 9_999_999_999)},8005550100,"
        f"{rng.integers(12_000_000_000, 19_999_999_999)},{rng.uniform(0.02, 0.2):.3f}\n" for day in days)
    assert load_series(text.encode(), "five9.csv").target == "COST"
    # a count of mobile sessions of a large app is a measure, whatever its size
    sessions = "Date,Mobile Sessions\n" + "".join(f"{day:%Y-%m-%d},{2_000_000 + 1000 * k}\n"
                                                  for k, day in enumerate(days))
    assert load_series(sessions.encode(), "app.csv").target == "Mobile Sessions"


def test_a_registers_check_numbers_blank_on_deposits_are_no_target() -> None:
    # Buildium's register: checks cleared out of order (4005, 4010, 4006, ...), no number on a deposit; the check
    # numbers were summed per month and forecast
    rng = np.random.default_rng(7)
    days = pd.date_range("2022-01-03", periods=90, freq="D")
    checks = iter(4005 + rng.permutation(90))
    lines = [f"{day:%m/%d/%Y},Deposit,,{rng.uniform(900, 5000):.2f}," if k % 3 == 0 else
             f"{day:%m/%d/%Y},Check,{next(checks)},,{rng.uniform(100, 2000):.2f}" for k, day in enumerate(days)]
    text = "Date,Type,Number,Deposit,Withdrawal\n" + "\n".join(lines) + "\n"
    assert load_series(text.encode(), "register.csv").target != "Number"


def test_review_google_analytics_mobile_sessions_and_a_terms_headcount_are_targets() -> None:
    # the thirteenth review: 'Mobile' sessions over a million were taken for telephone numbers; 'Enrolled This Term'
    # for a term code
    days = pd.date_range("2024-01-01", periods=60, freq="D")
    ga = "Date,Mobile,Desktop,Tablet\n" + "".join(f"{day:%Y%m%d},{1_300_000 + 997 * k},{400_000 + k},{20_000 + k}\n"
                                                  for k, day in enumerate(days))
    assert load_series(ga.encode(), "ga.csv").target == "Mobile"
    census = "Census Week,Enrolled This Term,Withdrawals\n" + "".join(
        f"{day:%Y-%m-%d},{21_000 + 13 * k % 400},{k % 9}\n" for k, day in enumerate(days))
    assert load_series(census.encode(), "census.csv").target == "Enrolled This Term"


def _read(text: str, **options: object) -> object:
    return load_series(text.encode(), "export.csv", LoadOptions(**options))  # type: ignore[arg-type]


def test_review_stock_expiry_sms_numbers_phone_parts_years_kinds_of_rows_and_an_ap_ledger_read_as_before() -> None:
    # the fourteenth review: a food bank's 'Exp Date' beside 'Item', 'Qty' and 'Count Date' dated the counts; an SMS
    # log's 'Mobile' numbers were forecast; a phone's '06 40 155' read as lakhs; 'Occurrence Year' and 'Sales Year'
    # beside a quarter or a month were no years; a 'Customer Type' marked no kind of row; an AP ledger's 'Vendor ID'
    # and 'Vendor Name' made its Debit money out
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    rng = np.random.default_rng(3)
    counts = "Exp Date,Count Date,Item,Qty\n" + "".join(
        f"{d + pd.Timedelta(days=int(rng.integers(30, 400))):%m/%d/%Y},{d:%m/%d/%Y},Beans,{rng.integers(5, 60)}\n"
        for d in days)
    assert _read(counts).date_col == "Count Date"
    sms = "Sent Date,Mobile,Credits\n" + "".join(f"{d:%Y-%m-%d},4477009{rng.integers(10000, 99999)},"
                                                  f"{rng.integers(1, 4)}\n" for d in days)
    assert _read(sms).target == "Credits"
    calls = "Date,Phone,Calls\n" + "".join(f"{d:%Y-%m-%d},0{rng.integers(1, 9)} {rng.integers(10, 99)} "
                                           f"{rng.integers(100, 999)},{rng.integers(2, 30)}\n" for d in days)
    assert _read(calls).target == "Calls"
    for year, period, cells in (("Occurrence Year", "Quarter", ["Q1", "Q2", "Q3", "Q4"]),
                                ("Sales Year", "Month", ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                                         "Sep", "Oct", "Nov", "Dec"])):
        text = f"{year},{period},Units\n" + "".join(f"{y},{c},{rng.integers(10, 90)}\n" for y in range(2015, 2024)
                                                    for c in cells)
        assert len(_read(text).frame) == 9 * len(cells), year
    kinds = "Date,Order No,Customer Type,Invoice Amount\n" + "".join(
        f"{d:%Y-%m-%d},O{k}{j},{kind},{'' if kind == 'Sample' else round(rng.uniform(50, 200), 2)}\n"
        for k, d in enumerate(days[:60]) for j, kind in enumerate(
            ["Sample"] if k % 4 == 0 else ["Retail", "Wholesale"]))
    said = [notice.key for notice in _read(kinds, per="day", duplicates="sum").report.notices]
    assert "notice.per_blank_periods" in said, said
    ledger = "Posting Date,Vendor ID,Vendor Name,Transaction Type,Amount\n" + "".join(
        f"{d:%Y-%m-%d},V100{k % 3},Acme,{'Debit' if k % 4 else 'Credit'},{round(rng.uniform(100, 900), 2)}\n"
        for k, d in enumerate(days))
    assert (_read(ledger).frame["y"] > 0).all()
