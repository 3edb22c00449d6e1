"""What the result screens show: legends name only what is drawn, the forecast view starts at the
recent history, Compare starts from the best runs and lists each model once, Train shows no empty
metrics."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.data.frequency import Frequency
from core.data.tidy import LoadedSeries
from core.i18n import format_stamp
from core.evaluation.pipeline import RunRequest, run
from core.ui import state_keys as keys
from core.ui.charts import (BAND_COLOR, BAND_LABEL, SPLIT_COLORS, forecast_chart, loss_chart, prediction_chart,
                            recent_window, residual_chart, series_chart, time_formats, value_format)
from core.ui.lab_charts import log_lines
from core.ui.runs import baselines_not_run, best_labels, board_parts, leaderboard, other_fractions
from tests.conftest import sine_values

ROOT = Path(__file__).resolve().parents[2]
MONTHLY = Frequency("monthly", "MS", 12)


def layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def color_domains(spec: dict[str, Any]) -> list[list[str]]:
    return [layer["encoding"]["color"]["scale"]["domain"] for layer in layers(spec)
            if "domain" in layer.get("encoding", {}).get("color", {}).get("scale", {})]


def test_a_legend_lists_only_the_splits_that_are_drawn(air: LoadedSeries) -> None:
    result = run(air.frame, air.frequency, RunRequest("linear"))
    assert "future" not in set(result.predictions["split"])
    spec = prediction_chart(result.predictions, air.target, air.frequency).to_dict()
    assert color_domains(spec) == [["train", "test"]]
    on_time = [layer for layer in layers(spec) if layer["encoding"]["x"]["field"] == "ds"]
    assert on_time and all(layer["encoding"]["x"]["axis"]["format"] == "%b %Y" for layer in on_time)


def test_the_test_band_is_grey_and_named_in_the_legend_not_in_the_future_colour(air: LoadedSeries) -> None:
    result = run(air.frame, air.frequency, RunRequest("snaive"))
    frame = result.predictions.copy()
    test = frame["split"] == "test"
    frame.loc[test, "lower"], frame.loc[test, "upper"] = frame.loc[test, "predicted"] - 5, frame.loc[test, "predicted"] + 5
    spec = prediction_chart(frame, air.target, air.frequency).to_dict()
    bands = [layer for layer in layers(spec) if "fill" in layer.get("encoding", {})]
    assert len(bands) == 1
    fill = bands[0]["encoding"]["fill"]
    assert fill["scale"]["range"] == [BAND_COLOR] and BAND_COLOR != SPLIT_COLORS["future"]
    assert set(spec["datasets"][bands[0]["data"]["name"]][0]) >= {"band"}
    assert spec["datasets"][bands[0]["data"]["name"]][0]["band"] == BAND_LABEL


def test_loss_axis_counts_whole_epochs() -> None:
    spec = loss_chart([1.0, 0.5]).to_dict()
    axis = spec["encoding"]["x"]["axis"]
    assert axis["tickMinStep"] == 1 and axis["format"] == "d"


def test_a_long_runs_loss_chart_draws_a_thinned_copy_with_its_first_last_and_lowest_epochs() -> None:
    # A run of 100,000 epochs sent every epoch's point at each live redraw: the run took 8 times its training time.
    losses = list(1 / np.arange(1.0, 20_001.0))
    losses[12_345] = 1e-9  # a dip the line must keep
    spec = loss_chart(losses).to_dict()
    drawn = next(iter(spec["datasets"].values()))
    epochs = [row["epoch"] for row in drawn]
    assert len(drawn) <= 4000 and epochs[0] == 1 and epochs[-1] == 20_000 and 12_346 in epochs
    assert "thinned copy of the epochs" in " ".join(spec["title"]["text"])
    assert len(next(iter(loss_chart(losses[:50]).to_dict()["datasets"].values()))) == 50


def test_the_forecast_view_starts_a_few_seasons_back() -> None:
    assert recent_window(rows=4000, season=48, horizon=48) == 240
    assert recent_window(rows=144, season=12, horizon=12) == 60
    assert recent_window(rows=30, season=12, horizon=12) == 30
    history = pd.DataFrame({"ds": pd.date_range("2000-01-01", periods=4000, freq="30min"),
                            "y": np.sin(np.arange(4000) / 7.6)})
    future = pd.DataFrame({"ds": pd.date_range(history["ds"].iloc[-1], periods=49, freq="30min")[1:],
                           "predicted": 0.0, "lower": -1.0, "upper": 1.0})
    spec = forecast_chart(history, future, "load", Frequency("half-hourly", "30min", 48), last_rows=240).to_dict()
    lines = [layer for layer in spec["layer"] if layer["encoding"].get("color", {}).get("field") == "series"]
    rows = spec["datasets"][lines[0]["data"]["name"]]
    assert sum(row["series"] == "actual" for row in rows) == 240
    assert sum(row["series"] == "forecast" for row in rows) == 48
    assert lines[0]["encoding"]["color"]["scale"]["domain"] == ["actual", "forecast"]
    assert any("fill" in layer["encoding"] for layer in spec["layer"])


def test_a_table_writes_every_value_with_the_decimals_of_the_series_size() -> None:
    assert value_format(pd.Series([112.0, 433.27, 622.0])) == "%,.1f"  # forecasts mixed 433.2719 with 401.5
    assert value_format(np.array([0.0123, 0.0151, 0.0])) == "%,.5f"
    assert value_format(np.array([2.5e6, 3.1e6])) == "%,.0f"
    assert value_format(np.array([1e-9, 3e-9])) == "%.3e" and value_format(np.array([0.0, np.nan])) == "%,.2f"
    assert value_format(np.array([2.5e-3, 3e-3])) == "%,.6f"  # four significant digits in six decimals


def test_time_labels_follow_the_series_resolution() -> None:
    assert time_formats(MONTHLY) == ("%b %Y", "YYYY-MM")
    assert time_formats(Frequency("daily", "D", 7))[1] == "YYYY-MM-DD"
    assert time_formats(Frequency("quarterly", "QS", 4)) == ("%Y Q%q", "YYYY [Q]Q")  # as the Data page writes quarters
    assert time_formats(Frequency("hourly", "h", 24))[1] == "YYYY-MM-DD HH:mm"
    # Steps of several units were written as hours of a day without the year (a series every 2 years: "Jan 01 00:00"),
    # and so was an hourly series longer than a year.
    assert time_formats(Frequency("every 2 years", "2YS-JAN", 1)) == ("%Y", "YYYY")
    assert time_formats(Frequency("every 2 weeks", "2W-MON", 26)) == ("%Y-%m-%d", "YYYY-MM-DD")
    assert time_formats(Frequency("hourly", "h", 24))[0] == "%Y-%m-%d %H:%M"
    assert time_formats(Frequency("hourly", "h", 24), "zh")[0] == "%Y年%-m月%-d日 %H:%M"
    halves = pd.DataFrame({"ds": pd.date_range("2015-01-01", periods=16, freq="6MS"), "y": np.arange(16.0)})
    axis = series_chart(halves, "y", None, Frequency("half-yearly", "6MS", 2)).to_dict()["layer"][0]["encoding"]["x"]
    assert "'H1' : 'H2'" in axis["axis"]["labelExpr"]  # the axis wrote "Jan 2015", "Jul 2015"
    seconds = Frequency("secondly", "s", 1)  # five forecast rows all read "2021-01-01 08:03"
    assert time_formats(seconds)[1] == "YYYY-MM-DD HH:mm:ss" and time_formats(seconds, "zh")[0].endswith("%H:%M:%S")
    assert format_stamp(pd.Timestamp("2021-01-01 08:03:19"), seconds, "en") == "2021-01-01 08:03:19"


def test_batch_curves_of_very_different_lengths_share_a_log_x_axis() -> None:
    frame = pd.DataFrame({"mode": ["full"] * 5 + ["single"] * 500,
                          "update": [*range(1, 6), *range(1, 501)], "loss": 1.0})
    spec = log_lines(frame, "update", "loss", "mode", "update", "loss", log_x=True).to_dict()
    assert spec["encoding"]["x"]["scale"]["type"] == "log"
    assert spec["encoding"]["color"]["legend"]["labelLimit"] == 0
    dashes, colours = spec["encoding"]["strokeDash"], spec["encoding"]["color"]  # told apart past their colours too,
    assert dashes["field"] == colours["field"] and dashes["legend"] == colours["legend"]  # in the one legend below
    assert " ".join(spec["title"]["text"]) == "The loss at each update, one line per curve named below the chart."
    chinese = log_lines(frame, "update", "loss", "mode", "更新次数", "训练损失", log_x=True, lang="zh").to_dict()
    assert "".join(chinese["title"]["text"]) == "训练损失（横轴：更新次数），每条线是图下方列出的一条曲线。"


def test_compare_lists_naive_once_and_sorts_the_scores_first(air: LoadedSeries) -> None:
    naive, linear = (run(air.frame, air.frequency, RunRequest(name)) for name in ("naive", "linear"))
    baselines = [run(air.frame, air.frequency, RunRequest(name)) for name in ("naive", "snaive")]
    kept = baselines_not_run([naive, linear], baselines)
    assert [b.request.model for b in kept] == ["snaive"]
    board = leaderboard([naive, linear, *kept], ["#1 naive", "#2 linear", "baseline snaive"])
    assert list(board.columns)[:9] == ["run", "test MAE", "test RMSE", "test MAPE %", "test sMAPE %", "test MASE",
                                       "test R²", "test in 80% band %", "test in 95% band %"]
    for result, label in ((naive, "#1 naive"), (linear, "#2 linear")):
        test = result.predictions[result.predictions["split"] == "test"]
        inside = (test["actual"] >= test["lower"]) & (test["actual"] <= test["upper"])
        assert board.loc[board["run"] == label, "test in 95% band %"].item() == pytest.approx(100 * inside.mean())
    assert board["test MAE"].is_monotonic_increasing
    assert best_labels([naive, linear, *kept], ["#1 naive", "#2 linear", "baseline snaive"]) == \
        board["run"].tolist()[:2]


def test_compare_ranks_only_runs_of_the_current_split_together(air: LoadedSeries) -> None:
    linear_07 = run(air.frame, air.frequency, RunRequest("linear", train_fraction=0.7))
    naive_09, snaive_09 = (run(air.frame, air.frequency, RunRequest(name, train_fraction=0.9))
                           for name in ("naive", "snaive"))
    results, labels = [linear_07, snaive_09, naive_09], ["#1 linear", "#2 snaive", "baseline naive"]
    assert linear_07.metrics["test"]["mae"] < naive_09.metrics["test"]["mae"]  # a lower MAE, on other test rows
    board = leaderboard(results, labels, fraction=0.9)
    assert board["run"].tolist()[-1] == "#1 linear" and board["test MAE"].iloc[:2].is_monotonic_increasing
    ours, theirs = board_parts(board, 0.9)  # two tables: sorting one by a column ranks only its own split's runs
    assert sorted(ours["run"]) == ["#2 snaive", "baseline naive"] and theirs["run"].tolist() == ["#1 linear"]
    assert len(board_parts(board, 0.7)) == 2 and len(board_parts(leaderboard(results[1:], labels[1:]), 0.9)) == 1
    assert other_fractions(results, 0.9) == [0.7] and other_fractions(results[1:], 0.9) == []
    assert "#1 linear" not in best_labels(results, labels, fraction=0.9)
    assert best_labels(results, labels)[0] == "#1 linear"  # without a split: by MAE alone


def open_page(path: str) -> AppTest:
    return AppTest.from_file(str(ROOT / path), default_timeout=120).run()


def train(at: AppTest, model: str, **settings: object) -> None:
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select(model).run()
    for key, value in settings.items():
        at.selectbox(key=keys.train_setting(model, key)).select(value).run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]


def test_train_shows_the_gap_only_for_models_that_have_one_and_names_models_plainly() -> None:
    at = open_page("pages/1_Train.py")
    assert all(":" not in option for option in at.selectbox(key=keys.TRAIN_MODEL_WIDGET).options)
    train(at, "naive")
    assert not [m for m in at.metric if m.label.startswith("Gap")]
    assert not any("n/a" in str(m.value) for m in at.metric)
    assert any("last value" in c.value.lower() for c in at.sidebar.caption), [c.value for c in at.sidebar.caption]
    train(at, "linear")
    assert [m.value for m in at.metric if m.label.startswith("Gap")]
    check = [c.value for c in at.caption if c.value.startswith("Band check on the 44 test rows")]
    assert len(check) == 1 and re.search(r"80% band held \d+% .* 95% band \d+%", check[0]), check


def test_compare_overlays_the_best_two_runs_and_lists_naive_once() -> None:
    at = open_page("dashboard.py")
    at.switch_page("pages/1_Train.py").run()
    train(at, "linear")
    train(at, "naive")
    train(at, "snaive")
    at.switch_page("pages/2_Compare.py").run()
    assert not at.exception
    board = at.dataframe[0].value
    assert sorted(board["run"]) == ["#1 linear", "#2 naive", "#3 snaive"]
    assert at.multiselect(key=keys.COMPARE_SELECTED).value == board["run"].tolist()[:2]


def test_compare_keeps_the_overlay_choice_through_a_switch_of_language() -> None:
    at = open_page("dashboard.py")
    at.switch_page("pages/1_Train.py").run()
    train(at, "linear")
    train(at, "naive")
    at.switch_page("pages/2_Compare.py").run()
    at.multiselect(key=keys.COMPARE_SELECTED).set_value(["#1 linear", "baseline snaive"]).run()
    at.session_state[keys.APP_LANG_WIDGET] = "zh"  # the sidebar's selector, which a page run alone does not draw
    at.run()
    assert not at.exception  # the best two came back ('#2 naive' first); the baseline's label is translated
    assert at.multiselect(key=keys.COMPARE_SELECTED).value == ["#1 linear", "基准 snaive"]


def test_the_overlay_tells_runs_apart_past_its_colours_and_shades_the_test_rows(air: LoadedSeries) -> None:
    from core.ui.charts import overlay_chart

    labels = [f"#{k} ar" for k in range(1, 33)]  # 30 runs and 2 baselines: the most a board holds
    overlay = pd.concat([pd.DataFrame({"ds": air.frame["ds"], "value": air.frame["y"], "series": name})
                         for name in ["actual", *labels]])
    span = (air.frame["ds"].iloc[100], air.frame["ds"].iloc[-1])
    spec = overlay_chart(overlay, air.target, air.frequency, test_span=span).to_dict()
    line = next(layer for layer in layers(spec) if layer["mark"] == "line" or layer["mark"].get("type") == "line")
    colors, dashes = (dict(zip(line["encoding"][channel]["scale"]["domain"], line["encoding"][channel]["scale"]["range"]))
                      for channel in ("color", "strokeDash"))
    styles = {(colors[label], str(dashes[label])) for label in labels}
    assert len(styles) == len(labels) and colors["#1 ar"] == colors["#9 ar"]  # the 9th: the 1st's colour, dotted
    later = overlay_chart(overlay[overlay["series"].isin(["actual", "#3 ar", "#5 ar"])], air.target,
                          air.frequency).to_dict()  # drawn beside other runs, a run keeps its colour
    shown = next(layer for layer in layers(later) if "line" in str(layer["mark"]))["encoding"]["color"]["scale"]
    assert dict(zip(shown["domain"], shown["range"]))["#5 ar"] == colors["#5 ar"]
    base = pd.DataFrame({"ds": air.frame["ds"], "value": air.frame["y"], "series": "baseline naive"})
    drawn = [overlay_chart(pd.concat([overlay[overlay["series"].isin(["actual", *runs])], base]), air.target,
                           air.frequency).to_dict() for runs in (["#2 ar"], ["#2 ar", "#3 ar"])]
    scales = [next(layer for layer in layers(spec) if "line" in str(layer["mark"]))["encoding"]["color"]["scale"]
              for spec in drawn]  # a baseline keeps its grey whatever runs are drawn beside it
    assert len({dict(zip(scale["domain"], scale["range"]))["baseline naive"] for scale in scales}) == 1
    assert dashes["Actual" if "Actual" in dashes else "actual"] == [1, 0]
    rect = next(layer for layer in layers(spec) if "rect" in str(layer["mark"]))
    assert pd.Timestamp(spec["datasets"][rect["data"]["name"]][0]["start"]) == span[0]
    assert "shaded: the test rows of the current split" in " ".join(spec["title"]["text"])
    wild = pd.concat([overlay, pd.DataFrame({"ds": air.frame["ds"], "value": 1e7, "series": "#33 poly"})])
    cut = overlay_chart(wild, air.target, air.frequency, test_span=span).to_dict()  # one run's 1e7: the rest flat
    (low, high), = y_domains(cut)
    assert high == pytest.approx(air.frame["y"].max() + 3 * np.ptp(air.frame["y"]))
    assert "test rows of the current split. The value axis stops" in " ".join(cut["title"]["text"])


def test_forecast_starts_at_recent_history_and_can_show_all() -> None:
    at = open_page("pages/3_Forecast.py")
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error
    assert at.checkbox(key=keys.FORECAST_WHOLE_HISTORY).value is False
    said = "as wide at each step ahead as those errors were there: wider where they grew, no wider where they did not."
    assert any(said in c.value for c in at.caption)
    at.checkbox(key=keys.FORECAST_WHOLE_HISTORY).check().run()
    assert not at.exception and len(at.get("vega_lite_chart")) == 1


def test_a_history_the_recent_window_already_shows_whole_offers_no_whole_history_box() -> None:
    # 40 monthly rows fit in the 60-row window: the box "Show the whole history" changed nothing when ticked.
    text = "month,sales\n" + "".join(f"{2020 + i // 12}-{i % 12 + 1:02d},{100 + 2 * i + 5 * (i % 12)}\n"
                                      for i in range(40))
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("short.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error and len(at.get("vega_lite_chart")) == 1
    assert not [box for box in at.checkbox if box.key == keys.FORECAST_WHOLE_HISTORY]


def test_another_horizon_forecasts_from_the_kept_refit_and_another_run_refits() -> None:
    at = open_page("dashboard.py")
    at.switch_page("pages/1_Train.py").run()
    train(at, "ar")
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(12).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    kept = at.session_state[keys.FORECAST_REFIT][2]
    short = at.session_state[keys.FORECAST_RESULT][2]
    at.number_input(key=keys.FORECAST_HORIZON).set_value(36).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and at.session_state[keys.FORECAST_REFIT][2] is kept  # not fitted and backtested again
    longer = at.session_state[keys.FORECAST_RESULT][2]
    assert len(longer) == 36 and longer.iloc[:12].equals(short)
    assert not [c for c in at.caption if "measured on forecasts up to" in c.value]  # 36 steps: all measured
    at.number_input(key=keys.FORECAST_HORIZON).set_value(kept.band.horizon + 12).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    beyond = [c.value for c in at.caption if "measured on forecasts up to" in c.value]  # past them: said
    assert len(beyond) == 1 and f"up to {kept.band.horizon} steps" in beyond[0]
    at.switch_page("pages/1_Train.py").run()
    train(at, "multi")
    at.switch_page("pages/3_Forecast.py").run()
    at.selectbox(key=keys.FORECAST_RUN).select("#2 multi").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()  # another run: a model of its own
    assert at.session_state[keys.FORECAST_REFIT][2] is not kept and at.session_state[keys.FORECAST_REFIT][1].model == "multi"


def test_train_says_which_calendar_terms_the_training_rows_cannot_estimate() -> None:
    days = pd.date_range("2021-03-01", periods=300, freq="D")
    values = 50 + 0.05 * np.arange(300) + np.where(days.dayofweek >= 5, -8.0, 2.0)
    text = "day,visitors\n" + "\n".join(f"{d:%Y-%m-%d},{v:.2f}" for d, v in zip(days, values)) + "\n"
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("visits.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/1_Train.py").run()
    train(at, "multi")
    notes = [box.value.replace("\\", "") for box in at.info if "left out" in box.value]
    assert len(notes) == 2 and "year" in notes[0] and "2 full years" in notes[0]
    assert notes[1].startswith("The yearly cycle term was left out: the training rows cover less than two cycles")


def test_train_and_compare_say_why_mape_has_no_value_when_an_actual_is_zero() -> None:
    months = pd.date_range("2015-01-01", periods=60, freq="MS")
    demand = [0 if i % 5 == 0 else 3 + i % 4 for i in range(60)]  # intermittent demand: zeros in every split
    text = "month,units\n" + "\n".join(f"{m:%Y-%m-%d},{v}" for m, v in zip(months, demand)) + "\n"
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("parts.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/1_Train.py").run()
    train(at, "naive")
    assert not at.exception
    assert any(c.value.startswith("MAPE is undefined where an actual value is 0") for c in at.caption)
    assert not any(c.value.startswith(("MASE is undefined", "R² is undefined")) for c in at.caption)
    at.switch_page("pages/2_Compare.py").run()
    assert not at.exception
    assert at.dataframe[0].value["test MAPE %"].isna().all()
    assert at.dataframe[0].value["test sMAPE %"].notna().all()  # the note says to compare by it: it is there
    assert at.dataframe[0].proto.placeholder == "undefined"  # Streamlit wrote "None" in the blank cells
    assert sum(c.value.startswith("MAPE is undefined") for c in at.caption) == 1
    at.switch_page("pages/4_Learning_Lab.py").run(timeout=120)
    race = [c.value for c in at.caption if "is undefined" in c.value]  # its table has test MAE and MAPE, no sMAPE
    assert not at.exception and race == ["Test MAPE is undefined where an actual value is 0 (it divides by the "
                                         "actual): compare the optimizers by test MAE."]


def test_a_forecast_without_a_band_shows_no_band_columns_nor_a_caption_about_it() -> None:
    text = "month,sales\n" + "\n".join(f"2020-{m:02d}-01,{100 + m + 3 * np.sin(m):.3f}" for m in range(1, 11))
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("short.csv", text.encode(), "text/csv")).run()
    at.slider(key=keys.DATA_FRACTION_WIDGET).set_value(0.95).run()
    at.switch_page("pages/1_Train.py").run()
    train(at, "ar")
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(3).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert list(at.dataframe[0].value.columns) == ["ds", "predicted"]  # four more of "None", and a caption of a band
    captions = [c.value for c in at.caption if not c.value.startswith("Series:")]  # the page's intro names bands
    assert not any("band" in caption for caption in captions), captions


def test_compare_has_no_undefined_metric_note_when_every_metric_has_a_value() -> None:
    at = open_page("dashboard.py")
    at.switch_page("pages/1_Train.py").run()
    train(at, "naive")
    assert not [c.value for c in at.caption if "is undefined" in c.value]
    at.switch_page("pages/2_Compare.py").run()
    assert not [c.value for c in at.caption if "is undefined" in c.value]
    assert not [c.value for c in at.caption if "band columns read" in c.value]  # every run has a band


def test_compare_says_which_runs_have_no_band_where_their_band_columns_read_undefined() -> None:
    rows = "\n".join(f"{2009 + i},{200 + 7.0 * i + (1.5, -2.0, 0.5)[i % 3]}" for i in range(15))
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("years.csv", f"year,y\n{rows}\n".encode(),
                                                             "text/csv")).run()
    at.switch_page("pages/1_Train.py").run()
    train(at, "ar")  # 10 training rows: its backtest can refit it at no origin
    train(at, "linear")
    at.switch_page("pages/2_Compare.py").run()
    assert not at.exception
    board = at.dataframe[0].value.set_index("run")
    assert board.loc["#1 ar", ["test in 80% band %", "test in 95% band %"]].isna().all()
    assert board.loc["#2 linear", ["test in 80% band %", "test in 95% band %"]].notna().all()
    notes = [c.value for c in at.caption if "band columns read" in c.value]
    assert notes == ["The band columns read 'undefined' for '#1 ar': these runs have no prediction band (the Train "
                     "page says why), so there is none to check on the test rows."]


def test_a_failed_training_says_whose_result_stays_below_it() -> None:
    at = open_page("pages/1_Train.py")
    train(at, "linear")
    assert any(h.value.startswith("#1 linear: actual vs predicted") for h in at.main.header)
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("ar").run()
    at.slider(key=keys.train_setting("ar", "lags")).set_value(60).run()  # 60 lags need 182 training rows: refused
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and len(at.error) == 1
    assert shown_escaped(at.error[0].value).endswith("The result below is #1 linear's, the last run that finished.")
    assert any(h.value.startswith("#1 linear: actual vs predicted") for h in at.main.header)


def shown_escaped(text: str) -> str:
    """Text as the page shows it: user and core text is escaped for Markdown (``plain``)."""
    return text.replace("\\", "")


def test_a_past_result_states_its_own_train_fraction_after_the_split_moved() -> None:
    at = open_page("dashboard.py")
    at.switch_page("pages/1_Train.py").run()
    train(at, "linear")
    at.switch_page("dashboard.py").run()
    at.slider(key=keys.DATA_FRACTION_WIDGET).set_value(0.9).run()
    at.switch_page("pages/1_Train.py").run()  # the result shown is still the 0.7 run's
    assert any("train fraction 0.70" in c.value for c in at.caption), [c.value for c in at.caption]


def test_the_forecast_run_picked_stays_after_another_page_and_a_new_run_is_picked_next() -> None:
    at = open_page("dashboard.py")
    at.switch_page("pages/1_Train.py").run()
    train(at, "linear")
    train(at, "naive")
    at.switch_page("pages/3_Forecast.py").run()
    assert at.selectbox(key=keys.FORECAST_RUN).value == "#2 naive"
    at.selectbox(key=keys.FORECAST_RUN).select("#1 linear").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    at.switch_page("pages/2_Compare.py").run()
    at.switch_page("pages/3_Forecast.py").run()
    assert at.selectbox(key=keys.FORECAST_RUN).value == "#1 linear"  # it went back to #2 under #1's result
    assert at.main.header[0].value.startswith("\\#1 linear")  # markdown: the "#" escaped
    at.switch_page("pages/1_Train.py").run()
    train(at, "snaive")
    at.switch_page("pages/3_Forecast.py").run()
    assert not at.exception and at.selectbox(key=keys.FORECAST_RUN).value == "#3 snaive"


def test_the_default_runs_forecast_is_named_in_the_language_switched_to() -> None:
    at = open_page("dashboard.py")
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    at.switch_page("dashboard.py").run()
    at.selectbox(key=keys.APP_LANG_WIDGET).select("zh").run()
    at.switch_page("pages/3_Forecast.py").run()
    assert not at.exception
    assert at.main.header[0].value.startswith("multi（默认设置）"), at.main.header[0].value  # was the English label
    assert at.selectbox(key=keys.FORECAST_RUN).value == "multi（默认设置）"


def test_the_horizon_follows_future_regressor_rows_chosen_after_a_first_visit() -> None:
    months = pd.date_range("2018-01-01", periods=54, freq="MS")
    rows = [f"{m:%Y-%m-%d},{'' if k >= 48 else 100 + k + 5 * (k % 3)},{k % 3}" for k, m in enumerate(months)]
    at = open_page("dashboard.py")
    text = ("date,sales,promo\n" + "\n".join(rows) + "\n").encode()
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("sales.csv", text, "text/csv")).run()
    at.switch_page("pages/3_Forecast.py").run()
    assert at.number_input(key=keys.FORECAST_HORIZON).value == 12
    at.switch_page("dashboard.py").run()
    at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).set_value(["promo"]).run()
    at.switch_page("pages/3_Forecast.py").run()
    assert at.number_input(key=keys.FORECAST_HORIZON).value == 6  # it stayed 12, and the click failed
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]


def test_a_shared_links_horizon_wins_over_a_restored_sessions_and_a_restored_one_over_the_default() -> None:
    from core.ui.session import start_horizon

    restored = {keys.FORECAST_HORIZON: 24}
    start_horizon(restored, 36, 0, 12, 1000)
    assert restored[keys.FORECAST_HORIZON] == 36
    unlinked = {keys.FORECAST_HORIZON: 24}
    start_horizon(unlinked, None, 0, 12, 1000)
    assert unlinked[keys.FORECAST_HORIZON] == 24


def test_a_short_monthly_series_has_no_time_ticks_closer_than_a_month() -> None:
    # Ten months drew weekly ticks labelled by month: "Apr 2023" twice, a June peak over "May 2023".
    frame = pd.DataFrame({"ds": pd.date_range("2023-03-01", periods=10, freq="MS"), "y": np.arange(10.0)})
    spec = series_chart(frame, "sales", frequency=MONTHLY).to_dict()
    axes = [layer["encoding"]["x"]["axis"] for layer in layers(spec) if "axis" in layer.get("encoding", {}).get("x", {})]
    assert axes and all(axis["tickMinStep"] == 28 * 86_400_000 for axis in axes)
    future = frame.assign(predicted=frame["y"], lower=frame["y"] - 1, upper=frame["y"] + 1)
    steps = forecast_chart(frame, future, "sales", Frequency("weekly", "W-MON", 52))
    assert {layer["encoding"]["x"]["axis"]["tickMinStep"] for layer in layers(steps.to_dict())
            if "x" in layer.get("encoding", {}) and "axis" in layer["encoding"]["x"]} == {7 * 86_400_000}


def test_compare_says_when_seasonal_naive_had_no_season_to_repeat() -> None:
    # Seven training months: the baselines' figures were equal with nothing said (Train says it).
    text = "month,sales\n" + "".join(f"2023-{m:02d}-01,{100 + 7 * m}\n" for m in range(1, 11))
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("short.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/2_Compare.py").run()
    assert not at.exception
    assert any(c.value.startswith("The training rows are fewer than one season (12 steps): seasonal naive")
               for c in at.caption)


def test_compare_says_nothing_of_a_season_missing_only_from_another_splits_runs() -> None:
    months = pd.date_range("2020-01-01", periods=22, freq="MS")
    text = "month,sales\n" + "".join(f"{m:%Y-%m-%d},{100 + 5 * np.sin(k) + k:.2f}\n" for k, m in enumerate(months))
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("short.csv", text.encode(), "text/csv")).run()
    series = at.session_state[keys.DATA_SERIES]
    at.session_state[keys.TRAIN_RUNS] = [run(series.frame, series.frequency, RunRequest("snaive", train_fraction=0.5))]
    at.session_state[keys.DATA_TRAIN_FRACTION] = 0.8  # 17 training rows now: the baselines have their season
    at.switch_page("pages/2_Compare.py").run()
    assert not at.exception and not any("fewer than one season" in c.value for c in at.caption)


def test_numbers_of_five_or_more_whole_digits_are_written_whole_and_grouped() -> None:
    # ',.4g' wrote an MAE of 12,345.7 as '1.235e+04' in the metrics table and the texts, '%.4g' as 1.235e+4 on the
    # board, and d3's ',.4g' in the tooltips.
    from types import SimpleNamespace

    from core.i18n import number_text, t
    from core.ui.runs import board_formats

    assert number_text(12345.678) == "12,346" and number_text(-98765.4, "+,.4g") == "-98,765"
    assert number_text(433.2719) == "433.3" and number_text(0.00012345) == "0.0001234"
    assert t("coef.trend", "en", target="sales", value=12345.678, per="per month") == \
        "Trend: sales changes by +12,346 per month."
    runs = [SimpleNamespace(metrics={"test": {"mae": 12345.6, "rmse": 15000.2}})]
    formats = board_formats("en", runs)  # type: ignore[arg-type]
    assert formats["test MAE"] == formats["test RMSE"] == "%,.0f" and formats["test MAPE %"] == "%.3g"
    spec = series_chart(pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=12, freq="MS"),
                                      "y": 1e5 + np.arange(12.0)}), "sales").to_dict()
    assert ",.4g" not in str(spec) and ",.4~r" in str(spec)


def test_legends_list_their_entries_down_so_that_a_phone_shows_them_whole() -> None:
    """Side by side, the forecast's "forecast" and a lesson's second curve ran past a 390-px phone's chart."""
    from core.ui.charts import forecast_chart, wrapped
    history = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=24, freq="MS"), "y": np.arange(24.0)})
    future = pd.DataFrame({"ds": pd.date_range("2022-01-01", periods=3, freq="MS"), "predicted": 1.0,
                           "lower": 0.0, "upper": 2.0})
    legend = forecast_chart(history, future, "y").to_dict()["config"]["legend"]
    assert legend["orient"] == "bottom" and legend["direction"] == "vertical" and legend["labelLimit"] == 0
    key = "Solid line: actual; dashed: the model's predictions; shaded: the test rows; band: the 95% interval."
    assert all(len(line) <= 54 for line in wrapped(key, "en")) and " ".join(wrapped(key, "en")) == key
    assert "".join(wrapped("实线：实际值；虚线：模型的预测；阴影：当前划分的测试行；色带：95% 预测区间。", "zh")) == \
        "实线：实际值；虚线：模型的预测；阴影：当前划分的测试行；色带：95% 预测区间。"
    chinese = "实线：实际值；虚线：训练集上的拟合值；色带：95% 预测区间（下载的 CSV 里还有 80% 区间）。"
    assert wrapped(chinese, "zh") == ["实线：实际值；虚线：训练集上的拟合值；色带：",  # cut at 27 characters: 区|间, a
                                      "95% 预测区间（下载的 CSV 里还有 80% 区间）。"]  # line began with "："
    lines = wrapped("图中显示的是抽稀后的副本（每个像素保留一点），所有计算仍使用全部数据。CSV 文件" * 3, "zh")
    assert all(sum(2 if ord(c) > 0x2E7F else 1 for c in line) <= 54 for line in lines) and len(lines) > 3
    assert not any(line[0] in "，。）：；" or line.startswith(("SV", "V ")) for line in lines)


def test_a_result_of_another_split_is_said_above_its_scores() -> None:
    # The heading named the current fraction (0.80) over a run trained at 0.70; only a caption said so.
    at = open_page("dashboard.py")
    at.switch_page("pages/1_Train.py").run()
    train(at, "linear")
    assert not [w.value for w in at.warning if "train fraction" in w.value]
    at.switch_page("dashboard.py").run()
    at.slider(key=keys.DATA_FRACTION_WIDGET).set_value(0.8).run()
    at.switch_page("pages/1_Train.py").run()
    assert [w.value for w in at.warning if "train fraction" in w.value] == [
        "This run was trained at train fraction 0.7, not the current split's 0.8 (set on Data): its scores and shaded "
        "test rows are that split's. Press **Train** to train at 0.8."]


def test_the_forecast_chart_circles_the_values_filled_in_among_the_rows_it_shows() -> None:
    # The Forecast page drew the loader's filled-in values as the file's own on its actual line.
    history = pd.DataFrame({"ds": pd.date_range("2015-01-01", periods=48, freq="MS"), "y": np.arange(48.0)})
    future = pd.DataFrame({"ds": pd.date_range("2019-01-01", periods=6, freq="MS"), "predicted": 50.0,
                           "lower": 40.0, "upper": 60.0})
    monthly = Frequency("monthly", "MS", 12)
    spec = forecast_chart(history, future, "sales", monthly, last_rows=24, filled=[5, 30, 40]).to_dict()
    circles = [layer for layer in spec["layer"] if layer["mark"].get("shape") == "circle"]
    assert len(circles) == 1 and [row["y"] for row in spec["datasets"][circles[0]["data"]["name"]]] == [30.0, 40.0]
    assert "Circles mark the values filled in" in " ".join(spec["title"]["text"])
    plain = forecast_chart(history, future, "sales", monthly, last_rows=24, filled=[5]).to_dict()  # not shown
    assert not [layer for layer in plain["layer"] if layer["mark"].get("shape") == "circle"]


def test_a_chart_with_more_filled_values_than_it_circles_says_it_circles_the_first() -> None:
    from core.ui.charts import MAX_FILLED_MARKS, series_chart

    days = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=1200, freq="D"), "y": np.arange(1200.0)})
    spec = series_chart(days, "y", None, Frequency("daily", "D", 7), filled=range(1, 1200, 2)).to_dict()
    circles = next(layer for layer in spec["layer"] if layer["mark"].get("shape") == "circle")
    assert len(spec["datasets"][circles["data"]["name"]]) == MAX_FILLED_MARKS
    assert f"Circles mark the first {MAX_FILLED_MARKS} values filled in" in " ".join(spec["title"]["text"])


def test_the_lab_says_why_its_mini_batch_is_smaller_than_asked_and_leaves_missing_race_cells_blank() -> None:
    # 10 training rows: the legend read "mini-batch of 5" under a slider of 16, without a word; a diverged optimizer's
    # race cells read "None".
    text = "year,level\n" + "".join(f"{2000 + i},{50 + 3 * i + (i % 3)}\n" for i in range(15))
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("years.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/4_Learning_Lab.py").run(timeout=120)
    rows = len(at.session_state[keys.LAB_RESULTS][2].data.y)
    assert not at.exception and rows < 16
    assert [c.value for c in at.caption if c.value.startswith("The mini-batch runs")] == [
        f"The mini-batch runs {rows // 2} rows, half the {rows} training rows, not the 16 asked for: a batch of all of "
        "them would be the full batch, drawn over its curve."]
    race = next(frame for frame in at.dataframe if "test MAE" in frame.value.columns)
    assert race.proto.placeholder == "—"


def y_domains(spec: dict[str, Any]) -> list[list[float]]:
    return [layer["encoding"]["y"]["scale"]["domain"] for layer in layers(spec)
            if "domain" in layer.get("encoding", {}).get("y", {}).get("scale", {})]


def test_a_flat_series_and_errors_at_machine_precision_are_drawn_flat() -> None:
    # An MLP on a constant 100 wandered by 1e-4: the axis ran from 99.9992 to 100.0008 and drew it as wild swings; an
    # exact linear fit's residuals of 1e-15 were drawn as tall bars on an axis of 0.00000000000001.
    ds = pd.date_range("2020-01-01", periods=48, freq="MS")
    wobble = 1e-4 * np.sin(np.arange(48))
    rows = pd.DataFrame({"ds": ds, "actual": 100.0, "predicted": 100.0 + wobble,
                         "split": ["train"] * 34 + ["test"] * 14})
    (low, high), = y_domains(prediction_chart(rows, "y").to_dict())
    assert high - low >= 0.1 - 1e-9 and low < 100 - 1e-4 < 100 + 1e-4 < high
    future = pd.DataFrame({"ds": pd.date_range("2024-01-01", periods=6, freq="MS"), "predicted": 100 + wobble[:6],
                           "lower": 100 + wobble[:6], "upper": 100 + wobble[:6]})
    (low, high), = y_domains(forecast_chart(rows.rename(columns={"actual": "y"}), future, "y").to_dict())
    assert high - low >= 0.1 - 1e-9
    line = np.linspace(100, 194, 48)
    exact = rows.assign(actual=line, predicted=line + 1e-14 * np.cos(ds.month))
    (low, high), = y_domains(residual_chart(exact).to_dict())
    assert high - low >= 194e-6 * (1 - 1e-9)
    moving = rows.assign(actual=np.linspace(100, 194, 48), predicted=np.linspace(101, 190, 48))
    assert not y_domains(prediction_chart(moving, "y").to_dict()) and not y_domains(residual_chart(moving).to_dict())


def test_train_and_forecast_say_which_gross_error_auto_fitted_as_the_value_expected_there() -> None:
    months = pd.date_range("2015-01-01", periods=120, freq="MS")
    values = sine_values(120)
    values[40] = 5000.0  # 2018-05, a training row
    text = "month,sales\n" + "\n".join(f"{m:%Y-%m},{v:.1f}" for m, v in zip(months, values)) + "\n"
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("typed.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/1_Train.py").run()
    train(at, "auto")
    said = [shown_escaped(box.value) for box in at.info if "far outside the rest" in box.value]
    assert len(said) == 1 and "5,000 at 2018-05 (expected about 1" in said[0], said
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and any("5,000 at 2018-05" in shown_escaped(c.value) for c in at.caption)


def test_predictions_and_bands_that_run_away_are_cut_at_three_widths_of_the_series_and_said() -> None:
    # A degree-10 polynomial's 95% band up to 30,000,000 drew AirPassengers (100 to 600) as a flat line at 0.
    ds = pd.date_range("2020-01-01", periods=48, freq="MS")
    actual = 100 + 10 * np.sin(np.arange(48))  # range 20: the axis may reach 40 - 60 below to 160 above
    runaway = np.concatenate([actual[:34], 100 + 1e5 * np.arange(1, 15)])
    rows = pd.DataFrame({"ds": ds, "actual": actual, "predicted": runaway, "split": ["train"] * 34 + ["test"] * 14,
                         "lower": runaway - 5, "upper": runaway + 5})
    spec = prediction_chart(rows, "y").to_dict()
    (low, high), = y_domains(spec)
    span = np.ptp(actual)
    assert low == pytest.approx(actual.min() - 5) and high == pytest.approx(actual.max() + 3 * span)  # band below
    assert all(layer["mark"].get("clip") for layer in layers(spec) if layer["mark"]["type"] in ("area", "line")
               and layer["encoding"]["y"]["field"] != "actual")
    assert "cut off" in " ".join(spec["title"]["subtitle"] if "subtitle" in spec["title"] else spec["title"]["text"])
    plain = prediction_chart(rows.assign(predicted=actual + 1, lower=actual - 3, upper=actual + 4), "y").to_dict()
    assert not y_domains(plain) and "cut off" not in str(plain.get("title"))
    ahead = pd.DataFrame({"ds": pd.date_range("2024-01-01", periods=6, freq="MS"), "predicted": 100 + 50 * np.arange(6),
                          "lower": 0.0, "upper": 1e7})  # a forecast past the end is drawn whole; its band is cut
    (low, high), = y_domains(forecast_chart(rows.rename(columns={"actual": "y"}), ahead, "y").to_dict())
    assert high == pytest.approx(350 + 3 * (350 - actual.min()))


def test_the_forecast_charts_last_point_and_band_stand_clear_of_its_frame() -> None:
    from core.ui.charts import FORECAST_EDGE, forecast_chart
    history = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=24, freq="MS"), "y": np.arange(24.0)})
    future = pd.DataFrame({"ds": pd.date_range("2022-01-01", periods=3, freq="MS"), "predicted": 1.0,
                           "lower": 0.0, "upper": 2.0})
    layers = forecast_chart(history, future, "y", Frequency("monthly", "MS", 12)).to_dict()["layer"]
    paddings = [layer["encoding"]["x"].get("scale", {}).get("padding") for layer in layers]
    assert FORECAST_EDGE > 0 and paddings == [FORECAST_EDGE] * len(layers)  # its band, line and points


def test_a_percentage_forecast_past_100_is_held_there_and_said_under_the_chart() -> None:
    # A hotel's occupancy climbing to 97%: the Forecast page drew 117% two years ahead, and a band to 141%.
    text = "Month,Occupancy %\n" + "".join(f"{2020 + i // 12}-{i % 12 + 1:02d}-01,{60 + 0.8 * i:.1f}\n"
                                            for i in range(48))
    at = open_page("dashboard.py")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("occupancy.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(24).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    forecast = at.session_state[keys.FORECAST_RESULT][2]
    assert forecast["predicted"].max() == 100.0 and forecast["upper"].max() == 100.0
    assert any("the series is a percentage of a whole" in c.value for c in at.caption), [c.value for c in at.caption]
