"""A file of several series on the dashboard (issue #14, part 5): the Data page splits it and shows one series,
Train fits every series in turn, Forecast writes them all in one CSV, Compare ranks the runs over all series."""
from __future__ import annotations

import io
import json
import math
import re
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pytest
import torch
from streamlit.testing.v1 import AppTest

from core.data.frequency import Frequency, infer_frequency
from core.data.tidy import LoadOptions, load_series
from core.evaluation.pipeline import RunRequest
from core.models.specs import ModelSettings
from core.panel.choice import PanelChoice, may_hold_many, read_panel
from core.panel.run import SeriesOutcome, fit_series
from core.panel.split import SeriesTask
from core.ui import state_keys as keys
from core.ui.charts import small_multiples
from core.training.loop import SharedDeadline, TrainConfig, shared_budget, train, training_deadline
from core.ui.explain import budget_warning
from core.ui.charts import prediction_chart
from core.ui.panel_runs import (PanelRun, drawn_panel_runs, every_series_request, extremes_frame, forecast_frame,
                                panel_file_name, panel_forecast_request, progress_text, results_table, summary_text,
                                regressors_text)
from core.ui.urlstate import SESSION_PARAM
from tests.conftest import sine_values
from tests.ui.test_data_page import app as data_page_app, upload
from tests.ui.test_language import CHINESE, LEAST_CHINESE, chinese_share, visible_texts

ROOT = Path(__file__).resolve().parents[2]
STORES = ["north", "south", "east"]
MONTHS = 48


def monthly(level: float, seed: int, months: int = MONTHS) -> np.ndarray:
    """Trend, a yearly cycle and noise."""
    t = np.arange(months)
    return np.round(level + 1.5 * t + 12 * np.sin(2 * np.pi * t / 12) + np.random.default_rng(seed).normal(0, 2, months), 2)


def stamps(months: int = MONTHS) -> list[str]:
    return [f"{2015 + i // 12}-{i % 12 + 1:02d}" for i in range(months)]


def long_csv(stores: list[str] = STORES) -> str:
    """One row per store and month, stores one after another."""
    parts = [pd.DataFrame({"month": stamps(), "store": store, "sales": monthly(100 + 40 * k, k)})
             for k, store in enumerate(stores)]
    return pd.concat(parts).to_csv(index=False)


def wide_csv() -> str:
    return pd.DataFrame({"month": stamps(), **{name: monthly(50 * (k + 1), k) for k, name in enumerate("abc")}}
                        ).to_csv(index=False)


def app(params: dict[str, str] | None = None) -> AppTest:
    return data_page_app(params, timeout=180)


def ok(at: AppTest) -> AppTest:
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    return at


def train_all(at: AppTest, model: str) -> AppTest:
    at.switch_page("pages/1_Train.py").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select(model).run()
    at.button(key=keys.TRAIN_ALL_BUTTON).click().run()
    assert keys.TRAIN_STOP not in [button.key for button in at.button]  # done: no Stop left on the page
    assert not any("series done" in str(getattr(bar, "text", "")) for bar in at.get("progress"))
    assert not at.get("help") and not at.get("code")  # a bare tuple of placeholders drew Streamlit's own help
    return ok(at)


def results(at: AppTest) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if "test MAE / seasonal naive" in frame.value.columns)


# The Data page ---------------------------------------------------------------------------------------------------

def test_a_long_file_is_split_by_its_detected_id_and_one_series_is_shown() -> None:
    at = upload(app(), "stores.csv", long_csv())
    panel = at.session_state[keys.DATA_PANEL]
    assert panel.ids == STORES and panel.id_cols == ("store",)
    assert any("**3 series** by store" in caption.value for caption in at.caption)
    assert at.multiselect(key=keys.DATA_ID_WIDGET).value == ["store"]
    assert at.multiselect(key=keys.DATA_ID_WIDGET).options == ["store"]  # neither the time nor the target
    view = at.selectbox(key=keys.DATA_VIEW_WIDGET)
    assert view.value == "north" and view.options == STORES
    assert at.metric[0].value == f"{MONTHS}"  # the rows of one store, not of the file
    north = at.session_state[keys.DATA_SERIES].frame["y"].to_numpy()
    assert np.allclose(north, monthly(100, 0))
    view.select("east").run()
    ok(at)
    assert at.session_state[keys.DATA_PANEL_VIEW] == "east"
    intro = "Loaded now: **stores.csv**, series east: 48 rows, monthly."  # the rows of the series shown
    assert any(intro in c.value.replace("\\", "") for c in at.caption)
    assert np.allclose(at.session_state[keys.DATA_SERIES].frame["y"].to_numpy(), monthly(180, 2))
    assert at.session_state[keys.DATA_PANEL] is panel  # a series shown is not a file read again


def test_a_series_too_short_to_fit_is_named_before_training() -> None:
    tiny = pd.DataFrame({"month": stamps(5), "store": "kiosk", "sales": [5.0, 6, 7, 8, 9]}).to_csv(index=False)
    at = ok(upload(app(), "stores.csv", long_csv() + tiny.split("\n", 1)[1]))
    assert at.session_state[keys.DATA_PANEL].too_short == ("kiosk",)
    [warning] = [warning.value for warning in at.warning]
    assert warning.startswith("**4 series** by store") and warning.endswith(
        "Too short to fit (fewer than 8 values), so skipped when all series are trained: kiosk (1 series).")
    assert not ok(upload(app(), "stores.csv", long_csv())).warning  # none is too short: nothing said


def test_a_series_written_in_text_first_in_the_file_is_skipped_by_name_not_the_file_refused() -> None:
    # A store whose sales read 'abc' in every row made 'sales' not numeric for the whole file (its first 210 rows, 47%
    # of the cells): the file was refused when that store came first, and the store skipped, named, when it came last.
    stores = [*STORES, "hill", "lake"]
    text = pd.DataFrame({"month": stamps(210), "store": "west", "sales": "abc"}).to_csv(index=False)
    at = ok(upload(app(), "stores.csv", text + long_csv(stores).split("\n", 1)[1]))
    panel = at.session_state[keys.DATA_PANEL]
    assert panel.ids == ["west", *stores] and panel.id_cols == ("store",)
    assert at.session_state[keys.DATA_PANEL_VIEW] == "north"  # the first series that reads is shown
    [warning] = [warning.value for warning in at.warning]  # named up front, as a blank one is: it was only when shown
    assert warning.endswith("Written in text where numbers should be, so skipped when all series are trained: west "
                            "(1 series).") and panel.in_text == ("west",)
    assert np.allclose(at.session_state[keys.DATA_SERIES].frame["y"].to_numpy(), monthly(100, 0))
    table = results(train_all(at, "snaive"))
    assert table["why skipped"].dropna().tolist()[0].startswith("Column 'sales' is not numeric: 100% of its cells")
    assert table["test MAE / seasonal naive"].notna().sum() == len(stores)


def test_a_series_blank_in_every_row_is_named_as_blank_not_as_short() -> None:
    # It was listed as "Too short to fit (fewer than 8 values)", where training and the command line said it had none.
    tiny = pd.DataFrame({"month": stamps(5), "store": "kiosk", "sales": [5.0, 6, 7, 8, 9]})
    blank = pd.DataFrame({"month": stamps(MONTHS), "store": "closed", "sales": np.nan})
    extra = pd.concat([tiny, blank]).to_csv(index=False).split("\n", 1)[1]
    at = ok(upload(app(), "stores.csv", long_csv() + extra))
    assert at.session_state[keys.DATA_PANEL].empty == ("closed",)
    [warning] = [warning.value for warning in at.warning]
    assert warning.endswith("Blank in every row, so skipped when all series are trained: closed (1 series). Too short "
                            "to fit (fewer than 8 values), so skipped when all series are trained: kiosk (1 series).")


def test_short_series_first_neither_hide_the_good_ones_nor_count_filled_blanks_as_short() -> None:
    # 21 short series before the good ones: the file was refused ("Only 5 usable rows"); a series of 10 rows, 3 of
    # them blank, was said to be skipped and then trained (its blanks are filled).
    kiosks = [pd.DataFrame({"month": stamps(5), "store": f"kiosk{i:02d}", "sales": np.arange(5.0)}) for i in range(21)]
    gappy = pd.DataFrame({"month": stamps(10), "store": "gappy", "sales": [1.0, 2, None, None, 5, 6, None, 8, 9, 10]})
    stores = pd.read_csv(io.StringIO(long_csv()))
    at = ok(upload(app(), "stores.csv", pd.concat([*kiosks, gappy, stores]).to_csv(index=False)))
    panel = at.session_state[keys.DATA_PANEL]
    assert at.session_state[keys.DATA_PANEL_VIEW] == "gappy" and "gappy" not in panel.too_short
    assert len(panel.too_short) == 21


def test_the_learning_lab_follows_the_series_shown() -> None:
    # It kept the first series' results while the file name, row count and train fraction stayed the same.
    at = upload(app(), "stores.csv", long_csv())
    at.switch_page("pages/4_Learning_Lab.py").run()
    north = ok(at).session_state[keys.LAB_RESULTS][-1].data.y_train_raw
    at.switch_page("dashboard.py").run()
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("east").run()
    at.switch_page("pages/4_Learning_Lab.py").run()
    east = ok(at).session_state[keys.LAB_RESULTS][-1].data.y_train_raw
    assert np.allclose(north, monthly(100, 0)[:len(north)]) and np.allclose(east, monthly(180, 2)[:len(east)])
    assert "stores\\.csv, series **east**" in at.caption[0].value  # it named the file alone, as if it were one series


def test_showing_another_series_keeps_the_runs_of_the_one_left_for_when_it_is_shown_again() -> None:
    at = upload(app(), "stores.csv", long_csv())
    at.switch_page("pages/1_Train.py").run()
    assert "stores\\.csv, series **north**" in at.caption[0].value
    at.button(key=keys.TRAIN_BUTTON).click().run()
    north_run = at.session_state[keys.TRAIN_RUNS][0]
    at.switch_page("dashboard.py").run()
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("east").run()
    assert keys.TRAIN_RUNS not in at.session_state or not at.session_state[keys.TRAIN_RUNS]  # east has none of its own
    assert [toast.value for toast in at.toast] == [
        "The runs on series north are kept: show it again to see them on Train, Compare and Forecast."]
    at.switch_page("pages/1_Train.py").run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    east_run = at.session_state[keys.TRAIN_RUNS][0]
    assert east_run is not north_run and "series **east**" in at.caption[0].value
    at.switch_page("dashboard.py").run()
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("north").run()
    ok(at)
    assert at.session_state[keys.TRAIN_RUNS] == [north_run] and at.session_state[keys.TRAIN_RESULT] is north_run
    at.switch_page("pages/2_Compare.py").run()
    ok(at)
    assert "#1 linear" in next(frame.value for frame in at.dataframe)["run"].tolist()
    key = at.query_params[SESSION_PARAM]  # a reload keeps east's runs for it too
    reloaded = ok(app({SESSION_PARAM: key[0] if isinstance(key, list) else key}))
    assert list(reloaded.session_state[keys.DATA_KEPT_RESULTS]) == ["east"]
    assert reloaded.session_state[keys.DATA_KEPT_RESULTS]["east"][keys.TRAIN_RUNS] == [east_run]
    # north's run and east's kept one: the note counted the shown series' runs only ("with 1 run")
    assert reloaded.session_state[keys.DATA_SESSION_NOTE].text("en").endswith("stores.csv, with 2 runs.")


def test_clearing_the_series_id_reads_the_file_as_one_series_and_choosing_it_splits_it_again() -> None:
    at = upload(app(), "stores.csv", long_csv())
    at.multiselect(key=keys.DATA_ID_WIDGET).set_value([]).run()
    ok(at)
    assert at.session_state[keys.DATA_PANEL] is None
    assert [s for s in at.selectbox if s.key == keys.DATA_VIEW_WIDGET] == []
    assert len(at.session_state[keys.DATA_SERIES].frame) == MONTHS  # the stores' months combined by their mean
    at.multiselect(key=keys.DATA_ID_WIDGET).set_value(["store"]).run()
    ok(at)
    assert at.session_state[keys.DATA_PANEL].ids == STORES


def test_every_numeric_column_of_a_wide_file_becomes_a_series() -> None:
    at = upload(app(), "wide.csv", pd.read_csv(io.StringIO(wide_csv())).assign(closed=np.nan).to_csv(index=False))
    assert at.session_state[keys.DATA_PANEL] is None  # a wide file is one series until asked
    at.checkbox(key=keys.DATA_ALL_TARGETS_WIDGET).check().run()
    ok(at)
    assert at.session_state[keys.DATA_PANEL].ids == ["a", "b", "c"]
    assert at.selectbox(key=keys.DATA_VIEW_WIDGET).value == "a"
    assert at.selectbox(key=keys.DATA_TARGET_WIDGET).value == "a"
    assert at.selectbox(key=keys.DATA_TARGET_WIDGET).disabled  # a pick there was undone: the series shown is below
    assert any("Blank in every row, so no series: \\'closed\\'." in note.value for note in at.caption)  # said nowhere
    assert not any("you can add as regressors" in note.value for note in at.caption)  # each is a series now
    # b and c are series; one chosen as a regressor leaves the series, as --target all --regressors does (nothing was
    # offered, and a regressor chosen before ticking was unchosen and made a series)
    assert at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).options == ["b", "c"]
    at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).set_value(["c"]).run()
    assert ok(at).session_state[keys.DATA_PANEL].ids == ["a", "b"]
    assert at.session_state[keys.DATA_SERIES].regressors == ["c"]


def test_a_numeric_id_column_is_not_offered_as_a_regressor() -> None:
    frame = pd.concat([pd.DataFrame({"month": stamps(), "store": store, "product": product,
                                     "sales": monthly(100 + 10 * k, k), "price": np.arange(MONTHS) % 4})
                       for k, (store, product) in enumerate([("n", 101), ("n", 202), ("s", 101)])])
    at = ok(upload(app(), "long.csv", frame.to_csv(index=False)))
    assert at.multiselect(key=keys.DATA_ID_WIDGET).value == ["store", "product"]
    assert at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).options == ["price"]


def test_an_id_column_that_gives_one_series_says_so_and_keeps_the_series_in_use() -> None:
    frame = pd.DataFrame({"month": stamps(), "region": "all", "sales": monthly(100, 0), "price": monthly(5, 1)})
    at = upload(app(), "one_region.csv", frame.to_csv(index=False))
    before = at.session_state[keys.DATA_SERIES]
    at.multiselect(key=keys.DATA_ID_WIDGET).set_value(["region"]).run()
    assert not at.exception
    assert any("region gives one series only" in error.value for error in at.error)
    assert at.session_state[keys.DATA_SERIES] is before and at.session_state[keys.DATA_PANEL] is None
    assert at.multiselect(key=keys.DATA_ID_WIDGET).value == []  # the picker shows what is in use


def test_all_numeric_columns_of_a_file_with_one_says_it_is_one_series() -> None:
    with pytest.raises(ValueError, match="one numeric column to forecast"):
        text = "month,sales\n" + "\n".join(f"{m},{v}" for m, v in zip(stamps(), monthly(100, 0)))
        read_panel(text.encode(), "one.csv", LoadOptions(), PanelChoice((), True))


def test_a_file_of_one_series_shows_no_series_pickers_and_reads_once(air) -> None:  # type: ignore[no-untyped-def]
    at = app()
    assert at.session_state[keys.DATA_PANEL] is None
    assert [s for s in at.selectbox if s.key == keys.DATA_VIEW_WIDGET] == []
    assert not may_hold_many(air, PanelChoice())  # stamps that never repeat: the file is not read again
    at.switch_page("pages/1_Train.py").run()
    assert [b for b in at.button if b.key == keys.TRAIN_ALL_BUTTON] == []


# Train, Forecast and Compare -------------------------------------------------------------------------------------

@pytest.mark.parametrize("model", ["snaive", "linear"])
def test_training_all_series_lists_each_with_the_geometric_mean(model: str) -> None:
    at = upload(app(), "stores.csv", long_csv())
    assert at.switch_page("pages/1_Train.py").run().button(key=keys.TRAIN_ALL_BUTTON).label == "Train on all 3 series"
    train_all(at, model)
    table = results(at)
    assert list(table["series"]) == STORES and list(table["model"]) == [model] * 3
    assert (table["why skipped"] == "").all() and (table["test MAPE %"] > 0).all()
    ratios = table["test MAE / seasonal naive"]
    geomean = math.exp(np.log(ratios).mean())
    if model == "snaive":
        assert np.allclose(ratios, 1.0)
    else:
        assert (ratios < 1).all()  # a trend the seasonal naive forecast cannot follow
    summary = next(m.value for m in at.markdown if "geometric mean" in m.value)
    assert "**3** series fitted, 0 skipped" in summary and f"**{geomean:.3f}**" in summary.replace("\\", "")
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2  # the best (and worst) side by side, and one series' predictions
    at.selectbox(key=keys.TRAIN_ALL_SERIES).select("south").run()
    ok(at)
    job = at.session_state[keys.TRAIN_PANEL_RUNS][-1]
    predictions, target, _ = job.drawn("south", Frequency("monthly", "MS", 12))
    assert target == "sales" and list(predictions["split"].unique()) == ["train", "test"]
    assert predictions["actual"].to_numpy() == pytest.approx(monthly(140, 1))
    assert [b.label for b in at.get("download_button")] == ["Download every series' predictions (CSV, unique_id first)"]
    assert panel_file_name(at.session_state, job) == f"stores-{model}-all_series.csv"  # was predictions.csv each time
    from core.ui.session import download_view  # a series' own runs: named by it too (each numbers its runs from 1)

    assert download_view(at.session_state) == at.session_state[keys.DATA_PANEL_VIEW]
    from core.ui.runs import download_name

    for view, named in (("store.2", "stores-store.2-1_linear-predictions.csv"),  # 'store.1' and 'store.2' were one
                        ("North/East", "stores-North_East-1_linear-predictions.csv")):  # it was 'East-...'
        state = {keys.DATA_SOURCE: "stores.csv", keys.DATA_PANEL: object(), keys.DATA_PANEL_VIEW: view}
        assert download_name("stores.csv", "#1 linear", "predictions", view=download_view(state)) == named
    every = forecast_frame(job)  # what it downloads: each series' train and test predictions, in the file's order
    assert list(every["unique_id"].unique()) == STORES and len(every) == 3 * len(predictions)
    assert every.loc[every["unique_id"] == "south", "predicted"].to_numpy() == pytest.approx(predictions["predicted"],
                                                                                          nan_ok=True)
    at.switch_page("dashboard.py").run()
    at.switch_page("pages/1_Train.py").run()  # the picker came back on the Data page's series (north)
    assert at.selectbox(key=keys.TRAIN_ALL_SERIES).value == "south"


def extremes_frame_of_short_series() -> pd.DataFrame:
    return pd.DataFrame({"panel": "best 1", "ds": pd.date_range("2024-01-01", periods=30, freq="D"),
                         "value": np.arange(30.0), "line": "actual"})


def test_small_multiples_of_long_series_say_they_draw_a_thinned_copy() -> None:
    hours = 4_100
    stamps_h = pd.date_range("2024-01-01", periods=hours, freq="h").strftime("%Y-%m-%d %H:%M")
    rng = np.random.default_rng(0)
    frame = pd.concat([pd.DataFrame({"time": stamps_h, "meter": meter, "kwh": np.round(
        10 + 3 * np.sin(2 * np.pi * np.arange(hours) / 24) + rng.normal(0, 1, hours), 3)}) for meter in ("m1", "m2")])
    at = train_all(upload(app(), "meters.csv", frame.to_csv(index=False)), "snaive")
    chart = next(chart for chart in at.get("vega_lite_chart") if "facet" in json.loads(chart.proto.spec))
    assert "thinned copy" in " ".join(json.loads(chart.proto.spec)["title"]["subtitle"])
    assert not small_multiples(extremes_frame_of_short_series()).to_dict().get("title")


def test_the_result_charts_of_a_long_series_say_they_draw_a_thinned_copy() -> None:
    # The Train, Compare and Forecast charts drew 4,000 of 6,000 rows without a word; only the Data page said so.
    from core.ui.charts import forecast_chart, overlay_chart, prediction_chart, residual_chart

    hours = pd.date_range("2024-01-01", periods=6_000, freq="h")
    wave = np.sin(np.arange(6_000) / 10)
    predictions = pd.DataFrame({"ds": hours, "actual": wave, "predicted": wave + 0.1,
                                "split": ["train"] * 4_200 + ["test"] * 1_800})
    overlay = pd.concat([predictions[["ds"]].assign(series=name, value=predictions[column])
                         for name, column in (("actual", "actual"), ("#1 linear", "predicted"))])
    future = pd.DataFrame({"ds": hours[-5:] + pd.Timedelta(hours=5), "predicted": 1.0, "lower": 0.0, "upper": 2.0})
    charts = [prediction_chart(predictions, "kwh"), residual_chart(predictions), overlay_chart(overlay, "kwh"),
              forecast_chart(predictions.assign(y=wave), future, "kwh")]
    with alt.data_transformers.enable("default", max_rows=None):  # as Streamlit draws them: every row of the copy
        assert all("thinned copy" in " ".join(chart.to_dict()["title"]["text"]) for chart in charts)
    short = prediction_chart(predictions.iloc[:300], "kwh").to_dict()["title"]  # what its marks are, no thinning
    # in lines short enough for a phone: one line was cut at "..."
    assert short["text"] == ["Solid line: actual; dashed: the model's predictions;", "shaded: the test rows."]
    assert "subtitle" not in short
    assert "actual" in " ".join(prediction_chart(predictions, "kwh").to_dict()["title"]["subtitle"])


def test_forecasting_all_series_gives_one_csv_with_unique_id_first() -> None:
    at = train_all(upload(app(), "stores.csv", long_csv()), "linear")
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(6).run()
    at.button(key=keys.FORECAST_ALL_BUTTON).click().run()
    ok(at)
    frame = forecast_frame(at.session_state[keys.FORECAST_PANEL])
    assert frame is not None and frame.columns[0] == "unique_id"
    assert list(frame.columns[1:5]) == ["ds", "actual", "predicted", "split"]
    assert list(dict.fromkeys(frame["unique_id"])) == STORES and len(frame) == 3 * 6
    assert (frame.groupby("unique_id")["ds"].first() == pd.Timestamp("2019-01-01")).all()
    assert (frame["split"] == "future").all() and frame["actual"].isna().all()
    assert "Download all forecasts (CSV, unique_id first)" in [b.label for b in at.get("download_button")]
    job = at.session_state[keys.FORECAST_PANEL]  # named by the file and the model: it was forecasts.csv each time
    assert panel_file_name(at.session_state, job, "all_series_forecast") == "stores-linear-all_series_forecast.csv"
    assert any("linear: 6 steps past the end of each of 3 series" in m.value for m in at.markdown)
    at.selectbox(key=keys.FORECAST_ALL_SERIES).select("east").run()
    ok(at)
    at.switch_page("pages/2_Compare.py").run()
    assert at.switch_page("pages/3_Forecast.py").run().selectbox(key=keys.FORECAST_ALL_SERIES).value == "east"


def test_the_series_to_draw_opens_on_the_series_shown_and_train_says_what_it_trains_alone() -> None:
    # Both pickers opened on the file's first series (north) while the Data page showed east, and Train still said to
    # choose a model and press Train, as if nothing had been trained.
    at = upload(app(), "stores.csv", long_csv())
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("east").run()
    train_all(at, "linear")
    assert at.selectbox(key=keys.TRAIN_ALL_SERIES).value == "east"
    assert [box.value for box in at.info][-1].startswith("The run over every series is above. Press **Train** to "
                                                         "train the chosen model on series east alone")
    assert at.selectbox(key=keys.TRAIN_ALL_SERIES).select("south").run().selectbox(key=keys.TRAIN_ALL_SERIES).value == \
        "south"  # a choice of the user's stays
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_ALL_BUTTON).click().run()
    assert ok(at).selectbox(key=keys.FORECAST_ALL_SERIES).value == "east"


def test_a_series_whose_forecast_is_held_at_zero_says_so_among_all_forecasts() -> None:
    falling = pd.DataFrame({"month": stamps(), "store": "closing", "sales": np.linspace(300.0, 40.0, MONTHS)})
    rising = pd.DataFrame({"month": stamps(), "store": "open", "sales": monthly(100, 1)})
    at = train_all(upload(app(), "two.csv", pd.concat([falling, rising]).to_csv(index=False)), "linear")
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(12).run()
    at.button(key=keys.FORECAST_ALL_BUTTON).click().run()
    held = "the model's forecast falls below zero; the series is never below zero"
    at.selectbox(key=keys.FORECAST_ALL_SERIES).select("closing").run()
    assert any(held in caption.value for caption in ok(at).caption)  # the line reaches 0 eight months ahead
    at.selectbox(key=keys.FORECAST_ALL_SERIES).select("open").run()
    assert not any(held in caption.value for caption in ok(at).caption)


def test_a_series_whose_forecast_is_held_at_its_bound_says_so_among_all_forecasts() -> None:
    # The single series' forecast said it; among all series, a recursion carried ten years ahead was held unsaid.
    t = np.arange(MONTHS)
    steady = pd.DataFrame({"month": stamps(), "store": "steady", "sales": 300 + 12 * np.sin(2 * np.pi * t / 12)})
    rising = pd.DataFrame({"month": stamps(), "store": "open", "sales": monthly(100, 1)})
    at = train_all(upload(app(), "two.csv", pd.concat([steady, rising]).to_csv(index=False)), "ar")
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(120).run()
    at.button(key=keys.FORECAST_ALL_BUTTON).click().run()
    job = at.session_state[keys.FORECAST_PANEL]
    step = job.predictions_of("open").attrs["held_at_bound"]["ar"]
    assert 24 < step < 120 and "held_at_bound" not in job.predictions_of("steady").attrs
    said = [box.value for box in ok(at).info if "forecasts of 1 series run beyond their history" in box.value]
    assert len(said) == 1 and "open" in said[0] and f"step {step}" in said[0]  # it passes 241 some 50 months on
    at.selectbox(key=keys.FORECAST_ALL_SERIES).select("open").run()
    assert any(f"From step {step} the forecast runs beyond the history's range" in c.value for c in ok(at).caption)
    at.selectbox(key=keys.FORECAST_ALL_SERIES).select("steady").run()
    assert not any("runs beyond the history's range" in caption.value for caption in ok(at).caption)


def test_compare_ranks_the_runs_over_all_series_by_geometric_mean() -> None:
    at = train_all(upload(app(), "stores.csv", long_csv()), "snaive")
    train_all(at, "linear")
    at.switch_page("pages/2_Compare.py").run()
    ok(at)
    assert at.caption[0].value.startswith("Series: stores\\.csv, series **north**.")  # the series of the board
    board = next(frame.value for frame in at.dataframe if "run" in frame.value.columns
                 and "test MAE / seasonal naive, series every run scored (geometric mean)" in frame.value.columns)
    assert list(board["run"]) == ["#2 linear", "#1 snaive"]
    assert board["test MAE / seasonal naive, series every run scored (geometric mean)"].is_monotonic_increasing
    assert list(board["test MAE / seasonal naive, series every run scored (geometric mean)"]) == pytest.approx(
        list(board["test MAE / seasonal naive, all it scored (geometric mean)"]))
    assert list(board["series done"]) == ["3 of 3", "3 of 3"]
    assert list(board["train fraction"]) == [0.7, 0.7] and list(board["settings"]) == [
        "optimizer=lbfgs, lr=1, epochs=100, batch=full, seed=0", "seed=0"]  # linear trains by descent; snaive does not
    # No run on the series shown: the note says the runs over all series are below, and Forecast uses them.
    assert [info.value for info in at.info][:1] == [
        "No runs on the series shown yet: the runs over all series are below. The baselines are here for reference."]
    at.switch_page("pages/3_Forecast.py").run()
    assert ok(at).info[0].value.startswith("No runs on the series shown yet: the default `multi` model is used for it.")


def test_runs_over_all_series_of_another_train_fraction_are_ranked_after_and_said() -> None:
    # linear at 0.7, then the split moved to 0.9 and multi trained: multi's scores (other test rows) ranked first.
    at = train_all(upload(app(), "stores.csv", long_csv()), "linear")
    at.switch_page("dashboard.py").run()
    at.slider(key=keys.DATA_FRACTION_WIDGET).set_value(0.9).run()
    train_all(at, "snaive")
    at.switch_page("pages/2_Compare.py").run()
    ok(at)
    assert at.caption[0].value.startswith("Series: stores\\.csv, series **north**.")  # the series of the board
    boards = [frame.value for frame in at.dataframe if "run" in frame.value.columns
              and "test MAE / seasonal naive, series every run scored (geometric mean)" in frame.value.columns]
    assert [list(board["run"]) for board in boards] == [["#2 snaive"], ["#1 linear"]]  # a table each: sorting one
    assert [list(board["train fraction"]) for board in boards] == [[0.9], [0.7]]  # ranks only its own split's runs
    assert any("0.7" in box.value and "0.9" in box.value for box in at.warning), [box.value for box in at.warning]


def test_a_picked_id_that_leaves_rows_alike_names_the_column_that_tells_them_apart() -> None:
    parts = [pd.DataFrame({"month": stamps(), "region": region, "product": product, "sales": monthly(100 + 40 * k, k)})
             for k, (region, product) in enumerate([("north", "a"), ("north", "b"), ("south", "a"), ("south", "b")])]
    at = upload(app(), "regions.csv", pd.concat(parts).to_csv(index=False))
    at.multiselect(key=keys.DATA_ID_WIDGET).set_value(["region"]).run()
    ok(at)
    said = " ".join(caption.value for caption in at.caption).replace("\\", "")
    assert "add 'product' to the id columns to make one series of each" in said, said
    from core.ui.panel_view import panel_note
    chinese = panel_note(at.session_state[keys.DATA_PANEL], "zh")
    assert "各行的均值" in chinese and "序列标识列" in chinese, chinese  # was "各行的mean" and "编号列"


def test_loading_another_file_drops_the_runs_over_all_series() -> None:
    at = train_all(upload(app(), "stores.csv", long_csv()), "snaive")
    at.switch_page("dashboard.py").run()
    upload(at, "wide.csv", wide_csv())
    assert keys.TRAIN_PANEL_RUNS not in at.session_state
    at.switch_page("pages/1_Train.py").run()
    assert not [frame for frame in at.dataframe if "test MAE / seasonal naive" in frame.value.columns]


def test_a_reload_brings_back_the_series_the_one_shown_and_the_runs_over_all_series() -> None:
    at = upload(app(), "stores.csv", long_csv())
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("east").run()
    train_all(at, "snaive")
    at.switch_page("dashboard.py").run()  # AppTest runs a page switched to without dashboard.py's saving
    key = at.query_params[SESSION_PARAM]
    reloaded = ok(app({SESSION_PARAM: key[0] if isinstance(key, list) else key}))
    assert reloaded.session_state[keys.DATA_PANEL].ids == STORES
    assert reloaded.session_state[keys.DATA_PANEL_VIEW] == "east"
    assert reloaded.selectbox(key=keys.DATA_VIEW_WIDGET).value == "east"
    assert np.allclose(reloaded.session_state[keys.DATA_SERIES].frame["y"].to_numpy(), monthly(180, 2))
    runs = reloaded.session_state[keys.TRAIN_PANEL_RUNS]
    assert len(runs) == 1 and runs[0] is at.session_state[keys.TRAIN_PANEL_RUNS][0]


def test_more_series_than_the_dashboard_takes_are_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_DASHBOARD_SERIES", "2")
    at = upload(app(), "stores.csv", long_csv())
    at.switch_page("pages/1_Train.py").run()
    assert not at.exception and [b for b in at.button if b.key == keys.TRAIN_ALL_BUTTON] == []
    assert len(at.error) == 1 and "3 series" in at.error[0].value and "TSR_MAX_DASHBOARD_SERIES" in at.error[0].value


def test_the_all_series_screens_speak_chinese() -> None:
    at = upload(app({"lang": "zh"}), "stores.csv", long_csv())
    assert any("3 个序列" in caption.value for caption in at.caption)
    train_all(at, "linear")
    assert chinese_share(visible_texts(at)) >= LEAST_CHINESE
    assert any("测试集 MAE / 季节性朴素法" in frame.value.columns for frame in at.dataframe)
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_ALL_BUTTON).click().run()
    ok(at)
    assert chinese_share(visible_texts(at)) >= LEAST_CHINESE
    assert any(CHINESE.search(b.label) for b in at.get("download_button"))


# What the pages draw from (no browser) ---------------------------------------------------------------------------

def outcome(uid: str, ratio: float | None, error: str | None = None) -> SeriesOutcome:
    if error is not None:
        return SeriesOutcome(uid, error=error)
    predictions = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=10, freq="MS"), "actual": np.arange(10.0),
                                "predicted": np.arange(10.0) + 1, "split": ["train"] * 7 + ["test"] * 3})
    summary = {"model": "auto", "params": {"chosen": "theta"}, "target": "sales",
               "test": {"mae": 2.0 * (ratio or 1), "mape": 5.0}}
    return SeriesOutcome(uid, summary=summary, predictions=predictions, relative_mae=ratio)


def test_a_stopped_run_keeps_what_finished_and_says_so() -> None:
    job = PanelRun(RunRequest("auto"), total=5)
    for item in [outcome("a", 0.5), outcome("b", 2.0), outcome("c", None, "Only 3 usable rows")]:
        job.add(item)
    assert job.summary()["fitted"] == 2 and job.summary()["failed"] == 1
    assert job.summary()["test_mae_vs_snaive_geomean"] == pytest.approx(1.0)
    text = summary_text(job)
    assert "(stopped after 3 of 5 series)" in text and "**1.000**" in text
    table = results_table(job)
    assert list(table["model"]) == ["theta", "theta", ""]  # what auto chose
    assert list(table["why skipped"]) == ["", "", "Only 3 usable rows"]


def test_a_skipped_series_says_why_in_the_pages_language() -> None:
    short = pd.DataFrame({"month": stamps(3), "sales": [1.0, 2.0, 3.0]})
    task = SeriesTask.from_frame("tiny", short, LoadOptions(date_col="month", target="sales"))
    skipped = fit_series(task, RunRequest("linear"))
    assert skipped.summary is None and skipped.error_key == "err.too_few_rows"
    job = PanelRun(RunRequest("linear"), total=1)
    job.add(skipped)
    assert results_table(job)["why skipped"].iloc[0].startswith("Only 3 usable rows")
    reason = results_table(job, "zh")["跳过原因"].iloc[0]
    assert reason.startswith("只有 3 行可用数据") and not re.search("[A-Za-z]{4}", reason)


def test_a_series_whose_test_predictions_were_held_at_zero_says_so_in_the_table() -> None:
    # The chart of such a series showed a flat line at 0 with nothing said; a single run of it says so.
    falling = pd.DataFrame({"month": stamps(), "sales": np.maximum(300.0 - 12 * np.arange(MONTHS), 5.0)})
    outcome = fit_series(SeriesTask.from_frame("closing", falling, LoadOptions(date_col="month", target="sales")),
                         RunRequest("linear"))
    job = PanelRun(RunRequest("linear"), total=1)
    job.add(outcome)
    step = outcome.summary["params"]["held_at_zero_from_step"]  # type: ignore[index]
    assert results_table(job)["note"].iloc[0] == (f"test predictions held at 0 from step {step}: the training rows "
                                                  "are never below zero")


def test_the_small_multiples_show_the_best_and_the_worst_once_each() -> None:
    job = PanelRun(RunRequest("linear"), total=8)
    for k, ratio in enumerate([0.9, 0.3, 1.7, 0.5, 1.1, 2.5, 0.7, None]):
        job.add(outcome(f"s{k}", ratio))
    frame = extremes_frame(job)
    panels = list(dict.fromkeys(frame["panel"]))
    assert panels == ["best 1: s1 (0.300)", "best 2: s3 (0.500)", "best 3: s6 (0.700)",
                      "worst 1: s5 (2.500)", "worst 2: s2 (1.700)", "worst 3: s4 (1.100)"]
    spec = small_multiples(frame, title="extremes").to_dict()
    assert spec["facet"]["field"] == "panel" and spec["columns"] == 3
    assert spec["resolve"]["scale"] == {"x": "independent", "y": "independent"}
    few = PanelRun(RunRequest("linear"), total=2)
    for k, ratio in enumerate([0.9, 0.3]):
        few.add(outcome(f"s{k}", ratio))
    assert list(dict.fromkeys(extremes_frame(few)["panel"])) == ["best 1: s1 (0.300)", "worst 1: s0 (0.900)"]
    few.add(outcome("s2", 0.5))  # 3 series were all 'best', under a heading of the best and the worst
    assert list(dict.fromkeys(extremes_frame(few)["panel"])) == ["best 1: s1 (0.300)", "best 2: s2 (0.500)",
                                                                 "worst 1: s0 (0.900)"]


def test_the_panel_is_read_as_the_command_line_reads_it() -> None:
    data = long_csv().encode()
    whole = load_series(data, "stores.csv")
    assert may_hold_many(whole, PanelChoice())  # its months repeat
    panel = read_panel(data, "stores.csv", LoadOptions(), PanelChoice())
    assert panel is not None and panel.ids == STORES and panel.numeric_columns == ("sales",)
    assert read_panel(data, "stores.csv", LoadOptions(), PanelChoice(id_cols=())) is None
    by_hand = read_panel(data, "stores.csv", LoadOptions(target="store"), PanelChoice(id_cols=("store",)))
    assert by_hand is not None and by_hand.ids == STORES  # the chosen id stops being the target


def blank_run(model: str = "linear") -> Any:
    """A run with nothing in it, for the session's bookkeeping."""
    from core.evaluation.pipeline import RunResult

    return RunResult(RunRequest(model), pd.DataFrame(), {}, {}, 0.0, "cpu", None, [], None, None, {})  # type: ignore[arg-type]


def test_the_runs_kept_for_other_series_stay_within_the_sessions_limit() -> None:
    from core.ui.session import MAX_RUNS, record_run, swap_series_results

    state: dict[str, object] = {}
    for k in range(5):  # series s0..s4 in turn, each with 10 runs
        for _ in range(10):
            record_run(state, blank_run())
        assert swap_series_results(state, f"s{k}", f"s{k + 1}")
    kept = state[keys.DATA_KEPT_RESULTS]
    assert list(kept) == ["s2", "s3", "s4"] and sum(len(held[keys.TRAIN_RUNS]) for held in kept.values()) <= MAX_RUNS
    assert not swap_series_results(state, "s5", "s3")  # s5 had no runs: nothing kept for it
    assert len(state[keys.TRAIN_RUNS]) == 10 and list(state[keys.DATA_KEPT_RESULTS]) == ["s2", "s4"]
    for _ in range(MAX_RUNS):  # a full session's runs on s3: the series just left is kept whatever the others
        record_run(state, blank_run())
    assert swap_series_results(state, "s3", "s6") and list(state[keys.DATA_KEPT_RESULTS]) == ["s3"]
    record_run(state, on_s6 := blank_run("multi"))
    assert not swap_series_results(state, "s6", "s6") and state[keys.TRAIN_RUNS] == [on_s6]  # shown already: kept


def test_a_series_over_the_limit_loses_its_oldest_runs_not_all_and_is_told() -> None:
    from core.ui.session import MAX_RUNS, record_run, runs_moved_notes, swap_series_results

    state: dict[str, object] = {}
    north = [blank_run() for _ in range(MAX_RUNS)]
    for result in north:  # a full session's runs on north, then one on south, then east shown
        record_run(state, result)
    assert swap_series_results(state, "north", "south")
    record_run(state, blank_run("multi"))
    assert swap_series_results(state, "south", "east")  # all 30 of north's went, unsaid
    kept = state[keys.DATA_KEPT_RESULTS]
    assert kept["north"][keys.TRAIN_RUNS] == north[1:] and len(kept["south"][keys.TRAIN_RUNS]) == 1
    notes = runs_moved_notes(state)
    assert notes[-1] == (f"Series north lost its oldest 1 run: the runs kept for the series not shown are at most "
                         f"{MAX_RUNS}, their predictions at most 1,000 MB, those left longest ago going first.")
    assert runs_moved_notes(state) == []  # said once
    for _ in range(MAX_RUNS):  # a full session's runs on east: south, left before it, keeps none
        record_run(state, blank_run())
    assert swap_series_results(state, "east", "west")
    notes = runs_moved_notes(state)
    assert notes[0].startswith("Series north lost every run it had (29 runs)")
    assert notes[-1].startswith("Series south lost every run it had (1 run)")


def test_the_all_series_board_ranks_runs_on_the_series_every_run_scored() -> None:
    # An ar run that skipped the hard series ranked first on its own geometric mean (0.35 over 2 series), above an
    # auto run better on both of them (0.3) whose own mean took in the hard one too.
    from core.ui.panel_runs import common_geomeans, panel_board

    def job(model: str, ratios: dict[str, float | None]) -> PanelRun:
        return PanelRun(RunRequest(model), len(ratios), [
            SeriesOutcome(uid, summary=None if ratio is None else {"test": {"mape": 1.0}}, relative_mae=ratio,
                          error="too few rows" if ratio is None else None) for uid, ratio in ratios.items()])

    runs = [job("linear", {"a": 0.5, "b": 0.5, "hard": 2.0}), job("ar", {"a": 0.35, "b": 0.35, "hard": None}),
            job("auto", {"a": 0.3, "b": 0.3, "hard": 0.9})]
    assert common_geomeans(runs) == pytest.approx([0.5, 0.35, 0.3])
    board = panel_board(runs, fraction=0.7)
    assert board.iloc[:, 0].tolist() == ["#3 auto", "#2 ar", "#1 linear"]
    assert board.iloc[0, 2] == pytest.approx(0.3 ** (2 / 3) * 0.9 ** (1 / 3)) and board.iloc[1, 2] == pytest.approx(0.35)


def test_a_run_that_scored_no_series_leaves_the_others_ranking_alone() -> None:
    # An ar run of 40 lags that fitted none of 3 series blanked every run's 'series every run scored' column.
    from core.ui.panel_runs import common_geomeans

    def job(model: str, ratios: dict[str, float | None]) -> PanelRun:
        return PanelRun(RunRequest(model), len(ratios), [
            SeriesOutcome(uid, summary=None if ratio is None else {"test": {"mape": 1.0}}, relative_mae=ratio,
                          error="too few rows" if ratio is None else None) for uid, ratio in ratios.items()])

    runs = [job("linear", {"a": 0.5, "b": 0.5}), job("snaive", {"a": 1.0, "b": 1.0}), job("ar", {"a": None, "b": None})]
    assert common_geomeans(runs) == pytest.approx([0.5, 1.0, None])


def test_a_series_forecast_exactly_up_to_rounding_is_left_out_of_the_means_like_an_exact_one() -> None:
    # A straight series' line left a test MAE of 8.9e-16 (4.4e-16 of seasonal naive's): the run's mean over four
    # series read 0.0001 where its other three scored about 0.6.
    from core.panel.run import EngineInfo, panel_summary
    from core.ui.panel_runs import common_geomeans

    def job(model: str, ratios: dict[str, float]) -> PanelRun:
        return PanelRun(RunRequest(model), len(ratios), [
            SeriesOutcome(uid, summary={"test": {"mape": 1.0}}, relative_mae=ratio) for uid, ratio in ratios.items()])

    noisy = job("linear", {"a": 0.5, "b": 0.8, "line": 4.4e-16})
    other = job("multi", {"a": 0.4, "b": 0.9, "line": 1e-15})
    assert common_geomeans([noisy, other]) == pytest.approx([0.4 ** 0.5, 0.6])  # they were 5.6e-06 and 7.1e-06
    summary = panel_summary(noisy.outcomes, EngineInfo("local", 1), 1.0)
    assert summary["test_mae_vs_snaive_geomean"] == pytest.approx(0.4 ** 0.5)
    assert summary["test_mae_vs_snaive_series"] == 2 and summary["test_mae_vs_snaive_exact"] == 1
    assert summary_text(noisy).endswith("Exact forecasts (test MAE under a millionth of seasonal naive's): 1 series, "
                                        "left out of the mean.")


def test_a_run_that_forecast_every_series_exactly_ranks_first_not_after_naive() -> None:
    # Three straight series: linear's and multi's ratios (0 and 2.8e-8) were all left out, their means "undefined",
    # and the board ranked naive's 0.556 first.
    from core.panel.run import EngineInfo, panel_summary
    from core.ui.panel_runs import common_geomeans, panel_board

    def job(model: str, ratios: dict[str, float], number: int) -> PanelRun:
        outcomes = [SeriesOutcome(uid, summary={"test": {"mape": 1.0}}, relative_mae=r) for uid, r in ratios.items()]
        return PanelRun(RunRequest(model), len(ratios), outcomes, number=number)

    runs = [job("multi", {"a": 2.8e-8, "b": 1e-9, "c": 3e-8}, 1), job("naive", {"a": 0.556, "b": 0.556, "c": 0.556}, 2),
            job("linear", {"a": 0.0, "b": 0.0, "c": 0.0}, 3)]
    assert common_geomeans(runs) == pytest.approx([0.0, 0.556, 0.0])
    assert panel_summary(runs[2].outcomes, EngineInfo("local", 1), 1.0)["test_mae_vs_snaive_geomean"] == 0.0
    assert panel_board(runs, fraction=0.7)["run"].tolist() == ["#1 multi", "#3 linear", "#2 naive"]
    said = summary_text(runs[2])
    assert "Every one scored was forecast exactly (test MAE under a millionth of seasonal naive's): test MAE " \
           "relative to seasonal naive **0**" in said and "geometric mean over 0" not in said
    lone = PanelRun(RunRequest("ar"), 3, [SeriesOutcome("a", summary={"test": {"mape": 1.0}}, relative_mae=0.0),
                                          SeriesOutcome("b", error="too few"), SeriesOutcome("c", error="too few")])
    assert common_geomeans([lone, runs[1]]) == [None, pytest.approx(0.556)]  # one exact series is no exact run
    assert common_geomeans([lone]) == [None]  # nor with no other run to tell whether the failed ones could be fitted
    # A series no run could fit (a store written in text) leaves an exact run exact: it read 'undefined', below naive.
    text = SeriesOutcome("text", error="Column 'sales' is not numeric")
    skipping = [PanelRun(run.request, 4, [*run.outcomes, text], number=run.number) for run in runs]
    assert common_geomeans(skipping) == pytest.approx([0.0, 0.556, 0.0])
    assert panel_board(skipping, fraction=0.7)["run"].tolist() == ["#1 multi", "#3 linear", "#2 naive"]


def test_all_series_runs_keep_their_numbers_and_show_how_they_trained() -> None:
    from core.training.loop import TrainConfig
    from core.ui.panel_runs import MAX_PANEL_RUNS, panel_board, start_panel_run

    state: dict[str, object] = {}
    panel = SimpleNamespace(tasks=[])
    adam = ModelSettings(training=TrainConfig(optimizer="adam", lr=0.001, epochs=5, batch="mini", batch_size=8))
    start_panel_run(state, RunRequest("linear", adam), panel, Frequency("monthly", "MS", 12))  # type: ignore[arg-type]
    for _ in range(MAX_PANEL_RUNS):  # the linear run is dropped; the others keep their numbers
        start_panel_run(state, RunRequest("snaive"), panel, Frequency("monthly", "MS", 12))  # type: ignore[arg-type]
    board = panel_board(state[keys.TRAIN_PANEL_RUNS], fraction=0.7)
    assert board["run"].tolist() == [f"#{k} snaive" for k in range(2, MAX_PANEL_RUNS + 2)]  # were #1 to #10
    first = panel_board([PanelRun(RunRequest("linear", adam), 1)], fraction=0.7)
    assert first["settings"].iloc[0] == "optimizer=adam, lr=0.001, epochs=5, batch=mini, batch_size=8, seed=0"


def test_a_run_keeps_its_number_when_older_runs_are_dropped() -> None:
    # After the 31st run, '#5 poly' named another run than the one forecast under that label.
    from core.ui.runs import run_label
    from core.ui.session import MAX_RUNS, record_run

    state: dict[str, object] = {}
    for _ in range(MAX_RUNS + 1):
        record_run(state, blank_run("poly"))
    runs = state[keys.TRAIN_RUNS]
    assert [run_label(i, run) for i, run in enumerate(runs)][:2] == ["#2 poly", "#3 poly"]
    assert run_label(MAX_RUNS - 1, runs[-1]) == f"#{MAX_RUNS + 1} poly"


def test_the_runs_a_session_keeps_stay_within_their_memory_the_latest_always_kept(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Fourteen runs on a file of five million hours held 400 MB each: 6.9 GB for one tab.
    from core.ui import session
    from core.ui.session import record_run, run_mb

    def sized(rows: int) -> Any:
        run = blank_run()
        run.predictions = pd.DataFrame({"actual": np.zeros(rows), "predicted": np.zeros(rows)})
        return run

    monkeypatch.setattr(session, "MAX_RUNS_MB", 5.0)
    state: dict[str, object] = {}
    assert [record_run(state, sized(100_000)) for _ in range(4)] == [0, 0, 0, 1]  # 1.6 MB each: three fit in 5 MB
    assert record_run(state, sized(200_000)) == 2  # 3.2 MB: beside one of 1.6 MB
    runs = state[keys.TRAIN_RUNS]
    assert [run.number for run in runs] == [4, 5] and sum(run_mb(run) for run in runs) == pytest.approx(4.8, rel=0.01)
    assert record_run(state, sized(1_000_000)) == 2 and [run.number for run in state[keys.TRAIN_RUNS]] == [6]  # 16 MB


def test_a_run_over_all_series_gives_each_series_the_defaults_of_its_own_frequency() -> None:
    # A monthly and a quarterly store: the shown series' 12 lags (its default) made the quarterly one too short to fit
    # and, shown the other way round, its 4 lags made the monthly one's autoregression miss its season.
    months = pd.date_range("2015-01-01", periods=48, freq="MS").strftime("%Y-%m-%d")
    quarters = pd.date_range("2010-01-01", periods=40, freq="QS").strftime("%Y-%m-%d")
    wave = np.round(200 + 2 * np.arange(40) + 20 * np.sin(np.pi * np.arange(40) / 2), 2)
    text = pd.concat([pd.DataFrame({"date": months, "store": "monthly", "sales": monthly(100, 0)}),
                      pd.DataFrame({"date": quarters, "store": "quarterly", "sales": wave})]).to_csv(index=False)
    at = train_all(upload(app(), "mixed.csv", text), "ar")
    job = at.session_state[keys.TRAIN_PANEL_RUNS][-1]
    lags = {outcome.unique_id: outcome.summary["params"]["lags"] for outcome in job.outcomes if outcome.summary}
    assert lags == {"monthly": list(range(1, 13)), "quarterly": [1, 2, 3, 4]} and job.request.settings.values == {}


def test_a_blank_id_column_and_a_blank_series_are_said_in_the_page_s_language() -> None:
    # An id column blank in every row gave English naming --id-col on the Chinese page; a series blank in every row was
    # told to "choose a column that holds the series" (the single-series advice) where Train said it of the series.
    blank = "store,date,sales,comment\n" + "".join(f"{s},2023-01-{d:02d},{d * 3 + k},\n" for k, s in enumerate("ab")
                                                   for d in range(1, 21))
    at = upload(app({"lang": "zh"}), "comment.csv", blank)
    at.multiselect(key=keys.DATA_ID_WIDGET).set_value(["comment"]).run()
    assert len(at.error) == 1 and "序列编号" in at.error[0].value and "Every row" not in at.error[0].value
    rows = "id,date,value\n" + "".join(f"{s},2023-01-{d:02d},{'' if s == 'empty' else d % 7 + 10}\n"
                                       for s in ("shop", "empty") for d in range(1, 31))
    at = upload(app(), "with_empty.csv", rows)
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("empty").run()
    assert "This series has no values in" in at.error[0].value.replace("\\", "")


def test_a_file_of_series_all_too_short_says_so_on_the_data_page() -> None:
    # 30 stores of 5 days: the page said "Only 5 usable rows" (the stores averaged into one series), the CLI the cause.
    rows = "store,date,sales\n" + "".join(f"S{s:02d},2023-01-0{d},{10 + s + d}\n" for s in range(30) for d in range(1, 6))
    at = app()
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("short.csv", rows.encode(), "text/csv")).run()
    assert "150 rows hold only 5 distinct time stamps" in at.error[0].value.replace("\\", "")


class Clock:
    """``time.perf_counter`` for the run's deadline: each series takes ``step`` seconds of it."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        return self.now

    def work(self, task: SeriesTask, request: RunRequest) -> SeriesOutcome:
        self.now += self.step
        return outcome(task.unique_id, 1.0)


def test_a_run_over_every_series_stops_at_its_time_limit_and_says_after_how_many(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # 500 series at a full training budget each could hold a click (and a training slot) for hours.
    clock = Clock(step=10.0)
    monkeypatch.setattr("core.panel.run.time.perf_counter", clock)
    frame = pd.DataFrame({"month": stamps(), "sales": monthly(100, 0)})
    tasks = [SeriesTask.from_frame(f"s{k}", frame, LoadOptions(date_col="month", target="sales")) for k in range(6)]
    job = PanelRun(RunRequest("linear"), total=6, started=0.0, time_limit=25.0)
    progress = [progress_text(job) for _ in job.steps(tasks, clock.work)]
    assert [o.unique_id for o in job.outcomes] == ["s0", "s1", "s2"]  # s2 started at 20 s, before the limit
    assert job.out_of_time and "at this pace the time limit of 25 s for one run" in progress[0]
    assert "ends it after about 3 series" in progress[0]
    assert summary_text(job).startswith("**3** series fitted, 0 skipped (the time limit of 25 s for one run, "
                                        "TSR_MAX_DASHBOARD_SECONDS, ended it after 3 of 6 series: fit every series")
    unlimited = PanelRun(RunRequest("linear"), total=6, started=clock.now)
    assert len(list(unlimited.steps(tasks, clock.work))) == 6 and not unlimited.out_of_time
    assert "time limit" not in summary_text(unlimited)


def test_a_training_the_run_s_time_limit_stops_names_that_limit() -> None:
    # It named TSR_TRAIN_MAX_SECONDS and the seconds that were left of the run ("its time budget of 87.3 s").
    frame = pd.DataFrame({"month": stamps(), "sales": monthly(100, 0)})
    task = SeriesTask.from_frame("s0", frame, LoadOptions(date_col="month", target="sales"))
    slow = TrainConfig(optimizer="sgd", lr=1e-3, epochs=100_000, tol=0.0, patience=100_000)  # the most epochs allowed
    job = PanelRun(RunRequest("linear", ModelSettings(training=slow)), total=2, time_limit=0.5)
    outcomes = list(job.steps([task, task]))
    assert len(outcomes) == 1 and job.out_of_time  # the second series would start past the limit
    note = next(n for n in outcomes[0].summary["notices"] if "budget" in n)  # type: ignore[index]
    assert "its time budget of 0.5 s (TSR_MAX_DASHBOARD_SECONDS)" in note
    assert "（TSR_MAX_DASHBOARD_SECONDS）" in budget_warning(note, "zh")
    x, y = np.arange(200.0).reshape(-1, 1) / 200, np.arange(200.0) / 200
    with training_deadline(SharedDeadline(time.perf_counter() + 1e-3, 1e-3, "TSR_MAX_DASHBOARD_SECONDS")), \
            shared_budget():  # the inner, later deadline gives way
        history = train(torch.nn.Linear(1, 1), x, y, TrainConfig(optimizer="sgd", epochs=100_000, tol=0.0,
                                                                 patience=100_000))
    assert "time budget of 0.001 s (TSR_MAX_DASHBOARD_SECONDS)" in history.budget_note


def test_the_dashboard_s_time_limit_ends_the_runs_over_every_series_on_both_pages(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TSR_MAX_DASHBOARD_SECONDS", "0.000001")  # past before the first series starts
    at = upload(app(), "stores.csv", long_csv())
    at.switch_page("pages/1_Train.py").run()
    at.button(key=keys.TRAIN_ALL_BUTTON).click().run()
    assert any("ended it after 0 of 3 series: fit every series with the command line" in m.value
               for m in ok(at).markdown)
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_ALL_BUTTON).click().run()
    assert [w.value for w in ok(at).warning if "TSR_MAX_DASHBOARD_SECONDS" in w.value] == [
        "The time limit of 1e-06 s for one run (TSR_MAX_DASHBOARD_SECONDS) ended the forecasts after 0 of 3 series: "
        "forecast every series with the command line (python -m core fit FILE --horizon N), or raise the limit."]
    monkeypatch.setenv("TSR_MAX_DASHBOARD_SECONDS", "soon")
    at.run()
    assert [e.value for e in at.error] == [
        "TSR_MAX_DASHBOARD_SECONDS is set to 'soon', which is not a positive number: set it to a number such as 600, "
        "or unset it."]
    assert keys.FORECAST_ALL_BUTTON not in [b.key for b in at.button]


def test_forecasting_every_series_keeps_the_settings_the_run_over_all_series_trained_with() -> None:
    # Named again for the series shown now (monthly, whose default is 12 lags), lags=12 went back to each series' own.
    months = infer_frequency(pd.Series(pd.date_range("2020-01-01", periods=24, freq="MS")))
    quarters = infer_frequency(pd.Series(pd.date_range("2020-01-01", periods=24, freq="QS")))
    trained = every_series_request(RunRequest("ar", ModelSettings(values={"lags": 12})), quarters)
    assert dict(trained.settings.values) == {"lags": 12}
    asked = panel_forecast_request({keys.TRAIN_PANEL_RUNS: [PanelRun(trained, 2)]}, RunRequest("linear"), months, 6)
    assert asked.model == "ar" and dict(asked.settings.values) == {"lags": 12} and asked.horizon == 6
    single = panel_forecast_request({}, RunRequest("ar", ModelSettings(values={"lags": 4})), months, 6)
    assert single.model == "ar" and dict(single.settings.values) == {"lags": 4}  # no run over all series: this one


def test_a_run_drawn_after_a_stop_takes_no_series_that_finishes_later() -> None:
    # The series being fitted at Stop finished in the interrupted thread: "stopped after 2 of 30" became 3 later.
    frame = pd.DataFrame({"month": stamps(), "sales": monthly(100, 0)})
    tasks = [SeriesTask.from_frame(f"s{k}", frame, LoadOptions(date_col="month", target="sales")) for k in range(3)]
    job = PanelRun(RunRequest("snaive"), total=3, time_limit=600.0)

    def drawn_meanwhile(task: SeriesTask, request: RunRequest) -> SeriesOutcome:
        if task.unique_id == "s1":
            assert drawn_panel_runs({keys.TRAIN_PANEL_RUNS: [job]}) == [job]  # the rerun after Stop draws it
        return fit_series(task, request)

    assert [o.unique_id for o in job.steps(tasks, drawn_meanwhile)] == ["s0"]
    assert job.done == 1 and not job.out_of_time and "(stopped after 1 of 3 series)" in summary_text(job)


def test_a_reload_while_the_series_are_run_finds_the_run() -> None:
    at = upload(app(), "stores.csv", long_csv())
    key = at.query_params[SESSION_PARAM]
    key = key[0] if isinstance(key, list) else key
    train_all(at, "snaive")  # a page switched to: AppTest leaves out dashboard.py's saving at the end of the run
    reloaded = ok(app({SESSION_PARAM: key}))  # only the save when the run started holds it
    runs = reloaded.session_state[keys.TRAIN_PANEL_RUNS]
    assert len(runs) == 1 and runs[0] is at.session_state[keys.TRAIN_PANEL_RUNS][0] and runs[0].done == 3
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_ALL_BUTTON).click().run()
    assert ok(app({SESSION_PARAM: key})).session_state[keys.FORECAST_PANEL].done == 3


def test_a_series_that_could_not_be_shown_leaves_no_error_once_another_is() -> None:
    closed = pd.DataFrame({"month": stamps(), "store": "closed", "sales": np.nan})
    at = upload(app(), "stores.csv", pd.concat([pd.read_csv(io.StringIO(long_csv())), closed]).to_csv(index=False))
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("closed").run()
    assert any("closed" in error.value for error in at.error)
    at.selectbox(key=keys.DATA_VIEW_WIDGET).select("east").run()
    assert not ok(at).error and at.session_state[keys.DATA_PANEL_VIEW] == "east"


def test_each_series_is_drawn_in_its_own_time_format_and_its_run_s_split_is_said() -> None:
    days = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=120, freq="D").strftime("%Y-%m-%d"),
                         "sales": monthly(100, 1, 120)})
    months = pd.DataFrame({"ds": stamps(), "sales": monthly(100, 2)})
    job = PanelRun(RunRequest("snaive", train_fraction=0.7), total=2)
    for uid, frame in (("days", days), ("months", months)):
        job.add(fit_series(SeriesTask.from_frame(uid, frame, LoadOptions(date_col="ds", target="sales")),
                           job.request))
    shown = infer_frequency(pd.Series(pd.to_datetime(months["ds"])))
    assert job.drawn("days", shown)[2].name == "daily" and job.drawn("months", shown)[2].name == "monthly"
    spec = json.dumps(prediction_chart(*job.drawn("days", shown)).to_dict())
    formats = set(re.findall(r'"format": "(%[^"]*)"', spec))
    assert formats == {"%Y-%m-%d"}  # not "Jan 2020" at every day of January
    assert job.common_frequency(shown) is None  # the small multiples: an axis that fits both
    assert "Trained at train fraction 0.7, not the current split's 0.8" in summary_text(job, fraction=0.8)
    assert "Trained at" not in summary_text(job, fraction=0.7)


def test_forecasting_every_series_says_which_auto_forecast_without_the_regressors() -> None:
    # Only the single series' forecast said it; the forecasts of every series were silent.
    from core.panel.run import forecast_series

    months = 54
    promo = (np.arange(months) % 5 == 0).astype(float)
    sales = np.round(100 + 2 * np.arange(months) + 10 * np.sin(2 * np.pi * np.arange(months) / 12) + 15 * promo, 2)
    sales[48:] = np.nan  # six months of promotions given ahead
    frame = pd.DataFrame({"month": stamps(months), "sales": sales, "promo": promo})
    task = SeriesTask.from_frame("north", frame, LoadOptions(date_col="month", target="sales", regressors=("promo",)))
    request = RunRequest("auto", ModelSettings(regressors=("promo",)), horizon=12)
    job = PanelRun(request, total=1)
    job.add(forecast_series(task, request))
    assert len(job.outcomes[0].predictions) == 12  # type: ignore[arg-type]
    assert regressors_text(job) == ("auto forecast 1 series without the regressors, choosing among the models "
                                    "that do not use them: their future values end before the 12 steps asked "
                                    "for (the first, north: 6 steps).")
    assert "north" in str(regressors_text(job, "zh"))
    assert regressors_text(PanelRun(replace(request, horizon=6), total=0)) is None
    within = PanelRun(replace(request, horizon=6), total=1)  # the future values used: said (the command line did)
    within.add(forecast_series(task, replace(request, horizon=6)))
    assert regressors_text(within) == ("The forecasts of 1 series used the future values of 'promo' given in the "
                                       "file's rows past the end (6 steps).")


def test_a_series_ending_before_the_file_is_said_in_the_tables_of_every_series() -> None:
    # Said on the Data page only where it was the series shown: the table of every series and the forecasts of all
    # of them were silent while its forecast started a year before the others'.
    from core.panel.run import fit_series, forecast_series
    from core.panel.split import plan_layout, split_series
    from core.ui.panel_runs import early_end_text

    months = 48
    frame = pd.concat([pd.DataFrame({"product": name, "month": stamps(months),
                                     "units": 100 + np.arange(months) % 12 * 3.0 + k}) for k, name in enumerate("AB")],
                      ignore_index=True)
    frame.loc[(frame["product"] == "B") & (frame["month"] > stamps(months)[35]), "units"] = np.nan
    tasks, _ = split_series(frame, plan_layout(frame, LoadOptions(), "product", None))
    request = RunRequest("linear", horizon=3)
    trained, forecast = PanelRun(request, total=2), PanelRun(request, total=2)
    for task in tasks:
        trained.add(fit_series(task, request))
        forecast.add(forecast_series(task, request))
    notes = results_table(trained).iloc[:, -1].tolist()
    assert "Its values end" not in notes[0] and "Its values end at 2017-12-01, before the file's last value at " \
        "2018-12-01" in notes[1]
    assert early_end_text(forecast) == ("The values of 1 series end before the file's last value: their forecasts "
                                        "start after their own end (the first, B: after 2017-12-01; the file's last "
                                        "value is at 2018-12-01).")


def test_a_regressor_one_series_never_varies_is_said_left_out_in_that_series_row() -> None:
    # A store whose promo was 0 in every training row: its model left promo out, said for one series on Train, and for
    # many series nowhere.
    rng = np.random.default_rng(4)
    frames = {store: pd.DataFrame({"month": stamps(), "sales": 100 + rng.normal(0, 1, MONTHS),
                                   "promo": promo}) for store, promo in
              (("varied", rng.integers(0, 2, MONTHS).astype(float)), ("flat", np.zeros(MONTHS)))}
    job = PanelRun(RunRequest("linear", ModelSettings(regressors=("promo",))), total=2)
    for store, frame in frames.items():
        job.add(fit_series(SeriesTask.from_frame(store, frame, LoadOptions(date_col="month", target="sales",
                                                                           regressors=("promo",))), job.request))
    notes = results_table(job)["note"].tolist()
    assert notes[0] == "" and notes[1].startswith("The regressor promo was left out: it is the same in every")
    assert "外生变量 promo" in results_table(job, "zh").iloc[1, -1]


def test_a_term_every_series_model_left_out_is_not_repeated_on_every_row() -> None:
    # "The year term was left out: ..." on every row hid the notes of one series.
    job = PanelRun(RunRequest("multi"), total=3)
    for k in range(3):
        frame = pd.DataFrame({"month": stamps(), "sales": 100 + 5 * k + np.sin(np.arange(MONTHS))})
        job.add(fit_series(SeriesTask.from_frame(f"s{k}", frame, LoadOptions(date_col="month", target="sales")),
                           job.request))
    assert all("year" in outcome.summary["params"]["left_out"] for outcome in job.outcomes)  # type: ignore[index]
    assert results_table(job)["note"].tolist() == ["", "", ""]


def test_a_gross_error_auto_fitted_as_expected_is_said_in_that_series_row() -> None:
    typed = sine_values(MONTHS)
    typed[20] = 5000.0
    frames = {"clean": sine_values(MONTHS, seed=5), "typed": typed}
    job = PanelRun(RunRequest("auto"), total=2)
    for store, values in frames.items():
        frame = pd.DataFrame({"month": stamps(), "sales": values})
        job.add(fit_series(SeriesTask.from_frame(store, frame, LoadOptions(date_col="month", target="sales")),
                           job.request))
    notes = results_table(job)["note"].tolist()
    assert "far outside the rest" not in notes[0] and "5,000 at 2016-09 (expected about" in notes[1]


def test_a_series_with_most_time_stamps_missing_is_said_and_kept_out_of_the_best_and_worst() -> None:
    # A store missing every 17th day ranked "best 1" at 0.69 of a seasonal naive that counted rows (3.1 by calendar):
    # seasonal naive now repeats each weekday on the calendar. A store with two of every three days missing still
    # has its rows counted by seasonal naive, and is said.
    from core.panel.choice import PanelChoice, read_panel
    from core.panel.run import fit_series
    from core.evaluation.pipeline import RunRequest
    from core.ui.panel_runs import PanelRun, extremes_frame, results_table, summary_text

    days = pd.date_range("2024-01-01", periods=200, freq="D")
    rows = []
    for store in ("a", "b", "c", "gappy", "sparse"):
        for i, day in enumerate(days):
            if store == "gappy" and i % 17 == 5 or store == "sparse" and i % 10 >= 4:
                continue
            rows.append(f"{store},{day:%Y-%m-%d},{20 + 5 * (day.dayofweek == 5) + (i % 3) + ord(store[0]) % 4}")
    data = ("store,date,sales\n" + "\n".join(rows) + "\n").encode()
    from core.data.tidy import LoadOptions

    panel = read_panel(data, "stores.csv", LoadOptions(), PanelChoice(("store",)))
    assert panel is not None
    job = PanelRun(RunRequest("linear"), total=len(panel.tasks))
    for task in panel.tasks:
        job.add(fit_series(task, job.request))
    table = results_table(job)
    notes = dict(zip(table.iloc[:, 0], table.iloc[:, -1]))
    assert notes["sparse"].startswith("114 time stamps missing and not filled, off the calendar or most of it: "
                                      "seasons after a gap are misaligned")
    assert not notes["a"] and notes["gappy"] == ("12 time stamps missing and not filled: every model keeps each row at "
                                                 "its time stamp, so seasons after a gap stay in step")  # as the CLI
    assert "sparse" not in set(extremes_frame(job)["panel"].str.cat(sep=" ").split())
    assert "1 of the series holds time stamps missing and not filled" in summary_text(job)
    gappy = next(outcome for outcome in job.outcomes if outcome.unique_id == "gappy")
    assert gappy.relative_mae is not None and gappy.relative_mae > 1  # linear against the weekday: 0.69 counting rows
    assert "no ratio" not in summary_text(job)
    zeros = ("store,date,sales\n" + "".join(f"{store},{day:%Y-%m-%d},{0 if store == 'z' else 10 + (i * 7919) % 13}\n"
                                             for store in ("a", "z") for i, day in enumerate(days))).encode()
    panel = read_panel(zeros, "zeros.csv", LoadOptions(), PanelChoice(("store",)))
    assert panel is not None
    job = PanelRun(RunRequest("linear"), total=len(panel.tasks))
    for task in panel.tasks:
        job.add(fit_series(task, job.request))
    assert ("1 of the fitted series holds no ratio, seasonal naive's test error being 0" in summary_text(job))


def test_step_numbers_missing_from_a_series_are_said_as_step_numbers() -> None:
    # The results table said "3 time stamps missing" of a series of step numbers (the command line: "step numbers").
    from core.data.tidy import LoadOptions

    rows = [f"{uid},{step},{10 + step % 7}" for uid in ("a", "b") for step in range(1, 61)
            if uid == "a" or step not in (10, 11, 30)]
    panel = read_panel(("unique_id,ds,y\n" + "\n".join(rows) + "\n").encode(), "steps.csv", LoadOptions(),
                       PanelChoice(("unique_id",)))
    assert panel is not None
    job = PanelRun(RunRequest("snaive"), total=2)
    for task in panel.tasks:
        job.add(fit_series(task, job.request))
    assert results_table(job).iloc[:, -1].tolist() == [
        "", "3 step numbers missing and not filled: every model keeps each row at its step, so seasons after a gap stay "
            "in step"]
