"""Every page rendered headless with AppTest, and the main flows driven by widget key."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.i18n import candidate_name
from core.ui import state_keys as keys

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["dashboard.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]


def open_page(path: str) -> AppTest:
    return AppTest.from_file(str(ROOT / path), default_timeout=120).run()


def charts(at: AppTest) -> list:
    return at.get("vega_lite_chart")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_clean_on_its_own(page: str) -> None:
    at = open_page(page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def test_home_page_opens_with_air_passengers_charted() -> None:
    at = open_page("dashboard.py")
    assert at.session_state[keys.DATA_SOURCE] == "AirPassengers.csv"
    assert len(charts(at)) >= 1
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Rows"] == "144" and metrics["Frequency"] == "monthly"


def test_an_upload_replaces_the_series_and_a_bad_one_keeps_it() -> None:
    at = open_page("dashboard.py")
    good = "when;level\n" + "\n".join(f"2001-{m:02d}-01;{m},5" for m in range(1, 13)) + "\n"
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("levels.csv", good.encode(), "text/csv")).run()
    assert not at.exception and not at.error
    assert at.session_state[keys.DATA_SOURCE] == "levels.csv"
    assert at.session_state[keys.DATA_SERIES].frame["y"].iloc[0] == 1.5
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("bad.csv", b"", "text/csv")).run()
    assert not at.exception
    assert "empty" in at.error[0].value
    assert at.session_state[keys.DATA_SOURCE] == "levels.csv"
    assert len(charts(at)) >= 1


def test_choosing_another_target_reloads_the_file() -> None:
    at = open_page("dashboard.py")
    text = "date,a,b\n" + "\n".join(f"2001-{m:02d}-01,{m},{100 + m}" for m in range(1, 13)) + "\n"
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("two.csv", text.encode(), "text/csv")).run()
    assert at.session_state[keys.DATA_SERIES].target == "a"
    at.selectbox(key=keys.DATA_TARGET_WIDGET).select("b").run()
    assert not at.exception
    assert at.session_state[keys.DATA_SERIES].target == "b"
    assert at.session_state[keys.DATA_SERIES].frame["y"].iloc[0] == 101


@pytest.mark.parametrize("model", ["linear", "poly", "multi", "mlp", "ar", "naive", "snaive", "auto"])
def test_each_model_trains_on_the_train_page(model: str) -> None:
    at = open_page("pages/1_Train.py")
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select(model).run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    result = at.session_state[keys.TRAIN_RESULT]
    assert result.request.model == model
    table = at.dataframe[0].value
    assert list(table.columns) == ["train", "test"] and "MAPE %" in table.index
    assert len(charts(at)) >= 2
    assert {b.label for b in at.get("download_button")} >= {"Download predictions (CSV)", "Download model (.pt)"}
    if model == "auto":
        chosen = candidate_name(result.params["chosen"], "en")  # its transforms after the models: ARIMA (log)
        assert any(f"auto chose **{chosen}**" in box.value and "origins" in box.value
                   for box in at.info)


def test_auto_on_a_short_yearly_series_says_it_averages_the_three_models_equally() -> None:
    at = open_page("dashboard.py")
    text = "year,output\n" + "".join(f"{1990 + i},{100 + 3 * i + (i % 3)}\n" for i in range(25))
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("short.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/1_Train.py").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("auto").run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    result = at.session_state[keys.TRAIN_RESULT]
    assert result.params["short_history"] is True and result.params["member_weights"] == pytest.approx([1 / 3] * 3)
    said = [box.value for box in at.info if "auto forecasts with" in box.value]
    assert said and "the 17 training rows are too few" in said[0] and "with equal weights" in said[0], said


def test_linear_result_matches_the_known_answer_and_explains_itself() -> None:
    at = open_page("pages/1_Train.py")
    at.button(key=keys.TRAIN_BUTTON).click().run()
    table = at.dataframe[0].value
    assert float(table.loc["MAPE %", "test"]) == pytest.approx(11.92, abs=0.05)
    assert any("Trend\\:" in m.value and "per month" in m.value for m in at.markdown)  # user text is escaped


DATA = ROOT / "tests" / "data"


def upload(at: AppTest, name: str) -> AppTest:
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value((name, (DATA / name).read_bytes(), "text/csv")).run()
    assert not at.exception
    return at


def test_reading_options_fill_gaps_and_force_the_day_order() -> None:
    at = upload(open_page("dashboard.py"), "gaps.csv")
    assert len(at.session_state[keys.DATA_SERIES].frame) == 10
    assert "Missing time stamps (monthly): **2**" in " ".join(m.value for m in at.markdown)
    in_step = ("2 time stamps missing and not filled: every model keeps each row at its time stamp, so seasons and "
               "lags after a gap stay in step")
    assert in_step in " ".join(m.value for m in at.markdown)  # the command line said so; the app did not
    at.switch_page("pages/1_Train.py").run()
    assert not [w.value for w in at.warning if "missing and not filled" in w.value]  # nothing to warn of
    at.switch_page("dashboard.py").run()
    at.checkbox(key=keys.DATA_GAPS_WIDGET).check().run()
    assert len(at.session_state[keys.DATA_SERIES].frame) == 12
    assert in_step not in " ".join(m.value for m in at.markdown)
    upload(at, "ambiguous_slash.csv")
    assert at.session_state[keys.DATA_SERIES].frequency.name == "daily"
    assert any("day-first and month-first" in i.value.replace("\\", "") for i in at.info)  # shown escaped
    at.selectbox(key=keys.DATA_ORDER_WIDGET).select("day first (31/01)").run()
    assert at.session_state[keys.DATA_SERIES].frequency.name == "monthly"


@pytest.mark.parametrize("name", ["workbook.xlsx", "series.parquet", "utf16_bom.csv", "semicolon_decimal_comma.csv"])
def test_other_formats_upload_through_the_same_path(name: str) -> None:
    at = upload(open_page("dashboard.py"), name)
    assert not at.error and at.session_state[keys.DATA_SOURCE] == name
    assert len(charts(at)) >= 1


@pytest.mark.parametrize("name", ["bad_html.csv", "bad_zip_renamed.csv", "bad_ragged.csv", "bad_target_text.csv"])
def test_bad_uploads_show_the_loader_message_and_keep_the_series(name: str) -> None:
    at = upload(open_page("dashboard.py"), name)
    assert at.error and name in at.error[0].value.replace("\\", "")  # shown escaped
    assert at.session_state[keys.DATA_SOURCE] == "AirPassengers.csv" and len(charts(at)) >= 1


def test_learning_lab_shows_every_panel_and_recomputes_after_a_change() -> None:
    at = open_page("pages/4_Learning_Lab.py")
    assert not at.exception and not at.error
    assert len(charts(at)) >= 3
    assert [s.value for s in at.main.header][:7] == ["1. Loss landscape", "2. Gradient descent, SGD and mini-batches",
                                                    "3. Optimizer race", "4. Backpropagation by hand",
                                                    "5. Exact answer vs descent", "6. Why normalize", "7. Why vectorize"]
    assert any("**agree**" in m.value for m in at.markdown)
    assert not any("dot on the map" in info.value for info in at.info)  # the default rate moves the path
    rows, epochs = len(at.session_state[keys.LAB_RESULTS][-1].data.y), at.session_state[keys.LAB_EPOCHS]
    assert f"Each mode ran {max(epochs // 3, 5)} passes over the {rows} training rows: a third of the {epochs} " \
           "epochs" in " ".join(caption.value for caption in at.caption)  # it said "the same number" only
    assert not any("not plain gradient descent" in caption.value for caption in at.caption)
    assert any("Lessons 1 to 5, and lesson 6's z-scored runs, train on z-scored" in caption.value
               for caption in at.caption)
    at.selectbox(key=keys.LAB_OPTIMIZER).select("adam").run()
    assert any("Run all panels" in i.value for i in at.info)
    at.multiselect(key=keys.LAB_RACE).set_value(["sgd", "adam"]).run()
    at.button(key=keys.LAB_RUN).click().run()
    assert not at.exception and not at.error and len(charts(at)) >= 3
    race = at.dataframe[0].value
    assert list(race["optimizer"]) == ["sgd", "adam"]
    assert at.session_state[keys.LAB_RESULTS][-1].settings.optimizer == "adam"
    assert any(caption.value.startswith("adam is not plain gradient descent") for caption in at.caption)
    at.multiselect(key=keys.LAB_RACE).set_value([]).run()
    at.button(key=keys.LAB_RUN).click().run()
    assert not at.exception and any("choose at least one" in i.value for i in at.info)


def test_the_lab_says_which_batch_mode_diverged_and_when_descent_falls_short() -> None:
    at = open_page("pages/4_Learning_Lab.py")
    assert not at.warning  # the defaults on AirPassengers: nothing diverges
    at.number_input(key=keys.LAB_LR).set_value(10.0).run()
    at.button(key=keys.LAB_RUN).click().run()
    said = [warning.value for warning in at.warning]
    assert not at.exception and any(text.startswith("single-sample SGD diverged: its loss passed 10,000 times its "
                                                    "starting value after update 2, and training stopped at the end of "
                                                    "pass 1 (update 100)") for text in said), said
    full = "full-batch gradient descent diverged: its loss passed 10,000 times its starting value after update "
    assert any(text.startswith(full) and text.endswith("converges only at learning rates below 1: lower the learning "
                                                       "rate.") for text in said), said
    at.number_input(key=keys.LAB_LR).set_value(1e-5).run()
    at.button(key=keys.LAB_RUN).click().run()
    assert any("raise the learning rate or train for more epochs" in info.value for info in at.info)
    assert any(info.value.startswith("In ") and "so its path is a dot on the map" in info.value for info in at.info)
    at.number_input(key=keys.LAB_LR).set_value(0.0).run()  # refused under its box: the lessons are the last run's
    assert any(info.value.startswith("The lessons below are those of the last run's settings") for info in at.info)
    at.number_input(key=keys.LAB_LR).set_value(1e-5).run()
    # Just below the edge of stability the gap still falls every epoch (x0.88 at 0.97): it was "no longer falling".
    at.number_input(key=keys.LAB_LR).set_value(0.97).run()
    at.slider(key=keys.LAB_EPOCHS).set_value(5).run()
    at.button(key=keys.LAB_RUN).click().run()
    said = [info.value for info in at.info if "After 25 epochs" in info.value]
    assert said and "falling slowly" in said[0] and "no longer falling" not in said[0]
    # Adam at 10, the highest rate, closing the gap 405 -> 35 in 25 epochs, rising now and then: it was told first that
    # its loss was no longer falling, then to raise the rate.
    at.selectbox(key=keys.LAB_OPTIMIZER).select("adam").run()
    at.number_input(key=keys.LAB_LR).set_value(10.0).run()
    at.button(key=keys.LAB_RUN).click().run()
    said = [info.value for info in at.info if "After 25 epochs" in info.value]
    assert said and "swinging less and less as it closes in: train for more epochs" in said[0], said


def test_a_lab_setting_out_of_range_is_said_once_under_its_box() -> None:
    at = open_page("pages/4_Learning_Lab.py")
    at.number_input(key=keys.LAB_LR).set_value(11.0).run()
    at.button(key=keys.LAB_RUN).click().run()
    assert not at.exception and [e.value for e in at.error] == [
        "Learning rate must be from 0.00001 to 10: the run refuses this value."]  # and not again as "could not run"


@pytest.mark.parametrize(("limit", "most"), [("50", 50), ("5", 5), ("5000", 1000), ("many", 1000)])
def test_the_forecast_horizon_widget_offers_no_more_than_the_horizon_limit(
        limit: str, most: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Under TSR_MAX_HORIZON=50 it offered 1,000 steps, then refused 100 of them.
    monkeypatch.setenv("TSR_MAX_HORIZON", limit)
    at = open_page("pages/3_Forecast.py")
    assert not at.exception
    widget = at.number_input(key=keys.FORECAST_HORIZON)
    assert f"at most {most:,} here" in widget.proto.help
    widget.set_value(most + 1).run()
    said = [error.value for error in at.error]
    assert said == [f"The horizon is a whole number of steps from 1 to {most:,}: change it to forecast."]
    assert at.button(key=keys.FORECAST_BUTTON).disabled
    at.number_input(key=keys.FORECAST_HORIZON).set_value(most).run()
    assert not at.error and not at.button(key=keys.FORECAST_BUTTON).disabled


def test_a_forecast_past_the_year_9999_is_refused_with_the_steps_that_fit_not_a_traceback() -> None:
    # Ten years of months up to 9999-12: the Forecast page printed a traceback (its heading wrote the year 10000), and
    # showed it again after every rerun, the failed forecast kept.
    from tests.ui.test_data_page import upload

    rows = "".join(f"{9990 + i // 12}-{i % 12 + 1:02d}-01,{100 + 2 * i}\n" for i in range(114))  # to 9999-06
    at = upload(open_page("dashboard.py"), "far.csv", "date,value\n" + rows)
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(12).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and [e.value.replace("\\", "") for e in at.error] == [
        "The forecast could not be made: A forecast of 12 steps past 9999-06-01 would pass the year 9999, after which "
        "dates cannot be written: forecast at most 6 steps."]
    assert keys.FORECAST_RESULT not in at.session_state  # nothing kept to fail again
    at.number_input(key=keys.FORECAST_HORIZON).set_value(6).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error and len(at.session_state[keys.FORECAST_RESULT][2]) == 6


def test_a_horizon_out_of_range_is_said_and_forecasts_nothing_and_the_shown_forecast_stays() -> None:
    # The box's own range check showed Streamlit's "outside the allowed range" beside 100000 and kept the last value:
    # Forecast then drew 12 steps under it.
    at = open_page("pages/3_Forecast.py")
    at.number_input(key=keys.FORECAST_HORIZON).set_value(6).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert len(at.session_state[keys.FORECAST_RESULT][2]) == 6
    for typed in (100000, 0, -5):
        at.number_input(key=keys.FORECAST_HORIZON).set_value(typed).run()
        assert at.error and at.button(key=keys.FORECAST_BUTTON).disabled and not at.exception
        assert len(at.session_state[keys.FORECAST_RESULT][2]) == 6  # the forecast shown stays
