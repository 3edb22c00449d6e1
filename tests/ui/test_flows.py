"""Flows across pages, through the navigation of dashboard.py, driven by widget key."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.ui import state_keys as keys

ROOT = Path(__file__).resolve().parents[2]


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()


def train(at: AppTest, model: str) -> None:
    at.switch_page("pages/1_Train.py").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select(model).run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]


def test_every_page_opens_through_the_navigation() -> None:
    at = app()
    for page in ("pages/1_Train.py", "pages/2_Compare.py", "pages/3_Forecast.py"):
        at.switch_page(page).run()
        assert not at.exception and not at.error, page
        assert at.title[0].value


def test_two_runs_are_compared_with_baselines_present() -> None:
    at = app()
    train(at, "linear")
    train(at, "multi")
    at.switch_page("pages/2_Compare.py").run()
    board = at.dataframe[0].value
    assert list(board["run"]) == ["#2 multi", "#1 linear", "baseline naive", "baseline snaive"]
    assert json.loads(at.dataframe[0].proto.columns)["run"]["pinned"] is True  # in view beside the settings far right
    assert board["test MAE"].is_monotonic_increasing
    assert at.multiselect(key=keys.COMPARE_SELECTED).value == ["#2 multi", "#1 linear"]  # the best two
    assert len(at.get("vega_lite_chart")) == 1
    # The Train page's downloads name the file and the run: both runs' were linear-seed0.csv / multi-seed0.csv, and
    # two runs of one model alike.
    from core.ui.session import result_file_names

    first, second = at.session_state[keys.TRAIN_RUNS]
    assert result_file_names(at.session_state, first) == ("AirPassengers-1_linear-predictions.csv",
                                                          "AirPassengers-1_linear-model.pt")
    assert result_file_names(at.session_state, second)[0] == "AirPassengers-2_multi-predictions.csv"


def test_forecast_12_steps_from_a_run_with_calendar_dates_and_a_band() -> None:
    at = app()
    train(at, "multi")
    at.switch_page("pages/3_Forecast.py").run()
    assert at.caption[0].value.replace("\\", "").startswith("Series: AirPassengers.csv. Choose a run of the Train")
    at.number_input(key=keys.FORECAST_HORIZON).set_value(12).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error
    table = at.dataframe[0].value
    assert len(table) == 12
    assert table["ds"].iloc[0] == pd.Timestamp("1961-01-01") and table["ds"].iloc[-1] == pd.Timestamp("1961-12-01")
    assert (table["lower"] < table["predicted"]).all() and (table["predicted"] < table["upper"]).all()
    assert at.get("download_button")[0].label == "Download forecast (CSV)"
    shown = json.loads(at.dataframe[0].proto.columns)  # hundreds of passengers: one decimal in every cell
    assert {shown[name]["type_config"]["format"] for name in ("predicted", "lower", "upper")} == {"%,.1f"}


def test_loading_new_data_clears_runs_made_on_the_old() -> None:
    at = app()
    train(at, "linear")
    at.switch_page("dashboard.py").run()
    text = "t,v\n" + "\n".join(f"2020-{m:02d},{m}" for m in range(1, 13))
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("new.csv", text.encode(), "text/csv")).run()
    assert keys.TRAIN_RUNS not in at.session_state
    at.switch_page("pages/2_Compare.py").run()
    assert list(at.dataframe[0].value["run"]) == ["baseline naive", "baseline snaive"]
    at.switch_page("dashboard.py").run()
    years = "year,v\n" + "\n".join(f"{1990 + i},{i % 4}" for i in range(20))
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("years.csv", years.encode(), "text/csv")).run()
    at.switch_page("pages/2_Compare.py").run()
    assert list(at.dataframe[0].value["run"]) == ["baseline naive"]  # snaive of a yearly season is naive again


def test_settings_come_from_and_go_to_the_url() -> None:
    at = AppTest.from_file(str(ROOT / "pages" / "1_Train.py"), default_timeout=120)
    at.query_params.update({"model": "poly", "degree": "5", "seed": "9", "epochs": "not-a-number", "lr": "50"})
    at.run()
    assert at.selectbox(key=keys.TRAIN_MODEL_WIDGET).value == "poly"
    assert [w.value for w in at.warning if "in the link" in w.value] == [  # they were left at their defaults unsaid
        "Out of range or unreadable in the link, so left at their defaults: lr, epochs (each setting's help gives "
        "its range)."]
    assert at.slider(key=keys.train_setting("poly", "degree")).value == 5
    at.button(key=keys.TRAIN_BUTTON).click().run()
    result = at.session_state[keys.TRAIN_RESULT]
    assert result.params["trend_degree"] == 5 and result.request.settings.seed == 9
    at.slider(key=keys.train_setting("poly", "degree")).set_value(4).run()
    assert at.query_params["degree"] == ["4"] or at.query_params["degree"] == "4"


def test_fraction_from_the_url_moves_the_split() -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["fraction"] = "0.8"
    at.run()
    assert at.slider(key=keys.DATA_FRACTION_WIDGET).value == pytest.approx(0.8)
    assert any("115 rows train, 29 rows test" in c.value for c in at.caption)


def test_a_fraction_out_of_range_in_the_url_is_named_once_and_the_split_stays() -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["fraction"] = "0.99"
    at.run()
    assert at.slider(key=keys.DATA_FRACTION_WIDGET).value == pytest.approx(0.7)
    assert [n.value for n in at.warning if "train fraction" in n.value] == [  # it fell back to 0.70 without a word
        "The link's train fraction 0\\.99 is outside 0.5 to 0.95 or unreadable, so the split stays at 0.7."]
    assert not at.toast  # a toast was gone in four seconds
    at.run()
    assert not [n.value for n in at.warning if "train fraction" in n.value]


def linked(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=120)
    at.query_params.update(params)
    return at.run()


def link_warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning if "link" in w.value]


def left_at_defaults(names: str) -> str:
    return (f"Out of range or unreadable in the link, so left at their defaults: {names} (each setting's help gives "
            "its range).")


def test_a_train_link_names_its_fraction_among_its_other_settings_only() -> None:
    assert link_warnings(linked("pages/1_Train.py", model="linear", fraction="abc")) == [left_at_defaults("fraction")]
    assert link_warnings(linked("pages/1_Train.py", fraction="1.5")) == [
        "The link's train fraction 1\\.5 is outside 0.5 to 0.95 or unreadable, so the split stays at 0.7."]


def test_an_unknown_model_or_horizon_in_a_link_is_named_once() -> None:
    assert link_warnings(linked("pages/1_Train.py", model="foo")) == [left_at_defaults("model")]
    forecast = linked("pages/3_Forecast.py", horizon="5000")
    assert forecast.number_input(key=keys.FORECAST_HORIZON).value == 12  # opened at 12 without a word
    assert link_warnings(forecast) == [left_at_defaults("horizon")]
    assert link_warnings(forecast.run()) == []
    for page in ("pages/2_Compare.py", "pages/3_Forecast.py"):  # said where the link lands, not on a later visit
        landed = AppTest.from_file(str(ROOT / page), default_timeout=120)
        landed.session_state[keys.DATA_URL_IGNORED] = "2"  # as the dashboard leaves it before it runs the page
        assert link_warnings(landed.run()) == [
            "The link's train fraction 2 is outside 0.5 to 0.95 or unreadable, so the split stays at 0.7."]


def test_a_diverging_learning_rate_shows_a_clear_error_and_keeps_the_last_result() -> None:
    at = app()
    train(at, "linear")
    at.selectbox(key=keys.train_setting("linear", "optimizer")).select("sgd").run()
    at.number_input(key=keys.train_setting("linear", "lr")).set_value(10.0).run()
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception
    assert "diverged" in at.error[0].value and "lower the learning rate" in at.error[0].value
    assert at.session_state[keys.TRAIN_RESULT].request.model == "linear"
    assert len(at.session_state[keys.TRAIN_RUNS]) == 1


def test_the_learning_rate_follows_the_optimizer_until_the_user_types_one() -> None:
    # sgd kept L-BFGS's rate 1, the edge of stability on z-scored rows: a class's first run stopped 7.8 times above
    # the exact loss.
    at = app()
    at.switch_page("pages/1_Train.py").run()
    rate = keys.train_setting("linear", "lr")
    assert at.number_input(key=rate).value == 1.0  # L-BFGS's
    at.selectbox(key=keys.train_setting("linear", "optimizer")).select("sgd").run()
    assert at.number_input(key=rate).value == 0.1
    at.selectbox(key=keys.train_setting("linear", "optimizer")).select("adam").run()
    assert at.number_input(key=rate).value == 0.1  # between first-order optimizers the rate carries over
    at.selectbox(key=keys.train_setting("linear", "optimizer")).select("lbfgs").run()
    assert at.number_input(key=rate).value == 1.0
    at.number_input(key=rate).set_value(0.3).run()
    at.selectbox(key=keys.train_setting("linear", "optimizer")).select("sgd").run()
    assert at.number_input(key=rate).value == 0.3  # typed: kept
    at.button(key=keys.TRAIN_BUTTON).click().run()
    assert not at.exception and at.session_state[keys.TRAIN_RESULT].request.settings.training.lr == 0.3
    linked = AppTest.from_file(str(ROOT / "pages" / "1_Train.py"), default_timeout=120)
    linked.query_params.update({"model": "linear", "optimizer": "sgd"})  # a link naming sgd without a rate
    assert linked.run().number_input(key=rate).value == 0.1
    linked = AppTest.from_file(str(ROOT / "pages" / "1_Train.py"), default_timeout=120)
    linked.query_params.update({"model": "linear", "optimizer": "sgd", "lr": "0.02"})
    assert linked.run().number_input(key=rate).value == 0.02


def test_settings_outlive_a_visit_to_other_pages_and_other_models() -> None:
    # Streamlit drops the values of widgets a run does not draw: the horizon came back at 1, poly at its defaults.
    at = app()
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(24).run()
    at.switch_page("pages/1_Train.py").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("poly").run()
    at.slider(key=keys.train_setting("poly", "degree")).set_value(5).run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("linear").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("poly").run()
    assert at.slider(key=keys.train_setting("poly", "degree")).value == 5
    at.switch_page("pages/4_Learning_Lab.py").run()
    at.number_input(key=keys.LAB_LR).set_value(0.5).run()
    at.switch_page("pages/2_Compare.py").run()
    at.switch_page("pages/3_Forecast.py").run()
    assert at.number_input(key=keys.FORECAST_HORIZON).value == 24 and at.query_params["horizon"] == "24"
    at.switch_page("pages/1_Train.py").run()
    assert at.selectbox(key=keys.TRAIN_MODEL_WIDGET).value == "poly"
    at.switch_page("pages/4_Learning_Lab.py").run()
    assert at.number_input(key=keys.LAB_LR).value == 0.5 and not at.warning and not at.exception


def test_settings_left_at_their_start_move_to_the_next_files_and_the_users_stay() -> None:
    # ar kept AirPassengers' 12 lags on a weekly file (test MAE 17.5 -> 83.0) and multi its 0 Fourier pairs, unsaid.
    at = app()
    at.switch_page("pages/1_Train.py").run()
    for model in ("ar", "multi", "poly"):
        at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select(model).run()
    assert at.slider(key=keys.train_setting("poly", "degree")).value != 5
    at.slider(key=keys.train_setting("poly", "degree")).set_value(5).run()  # the user's: it stays
    lags, pairs = (at.session_state[keys.train_setting(model, name)] for model, name in (("ar", "lags"),
                                                                                        ("multi", "fourier")))
    at.switch_page("dashboard.py").run()
    weeks = pd.date_range("2019-01-06", periods=156, freq="W-SUN")
    text = "week,sales\n" + "".join(f"{day:%Y-%m-%d},{100 + i % 52}\n" for i, day in enumerate(weeks))
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("weekly.csv", text.encode(), "text/csv")).run()
    at.switch_page("pages/1_Train.py").run()
    for model in ("ar", "multi", "poly"):
        at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select(model).run()
    assert not at.exception
    assert (lags, pairs) == (12, 0) and at.session_state[keys.train_setting("ar", "lags")] == 52
    assert at.session_state[keys.train_setting("multi", "fourier")] > 0
    assert at.slider(key=keys.train_setting("poly", "degree")).value == 5


def test_a_file_with_future_regressor_rows_forecasts_them_by_default() -> None:
    rows = [f"{2018 + i // 12}-{i % 12 + 1:02d}-01,{100 + i + 5 * (i % 3)},{i % 3}" for i in range(48)]
    rows += [f"2022-{m:02d}-01,,{(47 + m) % 3}" for m in range(1, 7)]
    at = app()
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(
        ("sales.csv", ("date,sales,promo\n" + "\n".join(rows)).encode(), "text/csv")).run()
    assert any("To forecast with the future values" in note.value for note in at.info)  # the quality panel's notice
    at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).set_value(["promo"]).run()
    at.switch_page("pages/1_Train.py").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("ar").run()
    assert any("It does not use regressors: \\'promo\\' left out" in caption.value for caption in at.sidebar.caption)
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("multi").run()
    assert not any("does not use regressors" in caption.value for caption in at.sidebar.caption)
    train(at, "multi")
    at.switch_page("pages/3_Forecast.py").run()
    assert at.number_input(key=keys.FORECAST_HORIZON).value == 6  # the rows the file gives, not 12
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.error and not at.exception
    used = "The forecast used the future values of 'promo' given in the file's rows past the end (6 steps)."
    assert [caption.value.replace("\\", "") for caption in at.caption if "future values of" in caption.value] == [used]
    train(at, "auto")  # it may choose without the regressors: a horizon past their rows is no error
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(12).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.error and not at.exception and len(at.session_state[keys.FORECAST_RESULT][2]) == 12
    assert [note.value for note in at.info if "fewer than the 12" in note.value] == [
        "The file gives the regressors' future values for 6 steps past the end, fewer than the 12 asked for: auto "
        "forecast without them, choosing among the models that do not use them. Forecast 6 steps or fewer to let it "
        "use them."]
    assert not [caption.value for caption in at.caption if "future values of" in caption.value]  # auto did without


def test_the_learning_lab_says_a_constant_series_has_nothing_to_teach() -> None:
    at = app()
    at.switch_page("pages/4_Learning_Lab.py").run()
    assert not any("panels are not drawn" in note.value for note in at.info)  # AirPassengers varies
    assert at.get("vega_lite_chart")
    rows = [f"{2018 + i // 12}-{i % 12 + 1:02d}-01,7" for i in range(48)]
    at.switch_page("dashboard.py").run()
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(
        ("flat.csv", ("date,sales\n" + "\n".join(rows)).encode(), "text/csv")).run()
    at.switch_page("pages/4_Learning_Lab.py").run()
    assert not at.exception and not at.error
    assert any("panels are not drawn" in note.value for note in at.info)
    assert not at.get("vega_lite_chart") and not at.dataframe  # the race of 39 to 116 steps contradicted the note


def test_the_learning_lab_shows_no_lessons_of_another_file_while_a_setting_is_refused() -> None:
    # A learning rate of 0 (refused) kept the new file from running, and AirPassengers' lessons showed under its name.
    at = app()
    at.switch_page("pages/4_Learning_Lab.py").run()
    at.number_input(key=keys.LAB_LR).set_value(0.0).run()
    assert any("nothing was recomputed" in note.value for note in at.info) and at.get("vega_lite_chart")
    at.switch_page("dashboard.py").run()
    rows = [f"{day:%Y-%m-%d},{100 + i % 7 + i / 50:.2f}" for i, day in enumerate(pd.date_range("2022-01-01",
                                                                                                 periods=400))]
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(
        ("daily.csv", ("date,sales\n" + "\n".join(rows)).encode(), "text/csv")).run()
    at.switch_page("pages/4_Learning_Lab.py").run()
    assert not at.exception and not at.get("vega_lite_chart") and not at.dataframe
    assert [note.value for note in at.info if "No lessons yet" in note.value] == [
        "No lessons yet for the series loaded: a setting is out of its range (said under its box); set it within its "
        "range to run them on this series."]
    at.number_input(key=keys.LAB_LR).set_value(0.01).run()
    assert at.get("vega_lite_chart") and not any("No lessons yet" in note.value for note in at.info)


def test_the_forecast_of_auto_says_what_it_chose_on_every_row() -> None:
    at = app()
    train(at, "auto")
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error
    said = [caption.value for caption in at.caption if caption.value.startswith("auto chose again on every row")]
    assert said and "ensemble of ETS" in said[0], [caption.value for caption in at.caption]
    train(at, "linear")
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not any(caption.value.startswith("auto chose again") for caption in at.caption)


def test_a_forecast_and_the_learning_lab_wait_for_a_training_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    # Only Train held one of the server's slots: a Forecast click (refits and a band's backtest) and the Lab (78 s of
    # CPU at its largest settings) ran beside any number of trainings.
    import contextlib

    import core.training.slots as slots

    held: list[str] = []

    @contextlib.contextmanager
    def recorded(on_wait=None):  # type: ignore[no-untyped-def]
        held.append("held")
        yield

    monkeypatch.setattr(slots, "training_slot", recorded)
    at = app()
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error and held == ["held"]
    at.switch_page("pages/4_Learning_Lab.py").run()
    assert not at.exception and held == ["held", "held"]


def url(at: AppTest) -> dict[str, str]:
    return {name: (value[-1] if isinstance(value, list) else value) for name, value in at.query_params.items()}


def test_each_pages_link_carries_the_url_that_page_writes_so_a_visit_is_one_step_of_history() -> None:
    # Streamlit's navigation dropped the URL's parameters and each page put its own back: a second step of history
    # per visit, so Back from the Train page came back to the Train page.
    from core.ui.navigation import link_params

    at = app()
    at.switch_page("pages/1_Train.py").run()
    at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select("poly").run()
    at.slider(key=keys.train_setting("poly", "degree")).set_value(5).run()
    at.switch_page("pages/3_Forecast.py").run()
    at.number_input(key=keys.FORECAST_HORIZON).set_value(24).run()
    pages = {"": "dashboard.py", "Train": "pages/1_Train.py", "Compare": "pages/2_Compare.py",
             "Forecast": "pages/3_Forecast.py", "Learning_Lab": "pages/4_Learning_Lab.py"}
    for url_path, page in pages.items():
        carried = link_params(url_path, {name: at.session_state[name] for name in at.session_state}, "en")
        at.query_params.clear()
        at.query_params.update(carried)
        at.switch_page(page).run()
        assert url(at) == carried, page
        assert not at.exception
    train = link_params("Train", {name: at.session_state[name] for name in at.session_state}, "en")
    assert train["model"] == "poly" and train["degree"] == "5" and train["fraction"] == "0.7"
    assert link_params("Forecast", {name: at.session_state[name] for name in at.session_state}, "en")["horizon"] == "24"


def test_a_fresh_sessions_links_carry_where_each_page_starts() -> None:
    from core.ui.navigation import link_params

    at = app()
    state = {name: at.session_state[name] for name in at.session_state}
    assert link_params("", state, "zh") == {"fraction": "0.7", "lang": "zh"}
    assert link_params("Forecast", state, "en") == {"horizon": "12", "lang": "en"}  # a year of AirPassengers' months
    train = link_params("Train", state, "en")
    assert train["model"] == "linear" and train["optimizer"] == "lbfgs" and train["epochs"] == "100"
    assert link_params("Compare", state, "en") == link_params("Learning_Lab", state, "en") == {"lang": "en"}
    assert link_params("Forecast", {}, "en") == {"lang": "en"}  # no series yet: nothing to start from


def test_a_restored_sessions_horizon_rides_the_forecast_link() -> None:
    # A reload restores the horizon before the Forecast page is visited: the link carried the default (12), which the
    # page took for a shared link's and put over the restored 24.
    from core.ui.navigation import link_params

    at = app()
    at.session_state[keys.FORECAST_HORIZON] = 24  # as core.ui.session.restore_session puts it back
    carried = link_params("Forecast", {name: at.session_state[name] for name in at.session_state}, "en")
    assert carried["horizon"] == "24"
    at.query_params.clear()
    at.query_params.update(carried)
    at.switch_page("pages/3_Forecast.py").run()
    assert at.number_input(key=keys.FORECAST_HORIZON).value == 24 and url(at) == carried


class _Element:
    def __init__(self) -> None:
        self.emptied = False

    def empty(self) -> None:
        self.emptied = True


def test_a_training_stopped_by_a_rerun_is_said_once_on_the_next_run() -> None:
    # Changing a setting mid-training reruns the page: Streamlit stops the script with an exception it cannot catch,
    # and a 100,000-epoch training was gone without a word.
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

    from core.ui.session import interrupted_training, marked_training

    state: dict[str, object] = {}
    bar, chart = _Element(), _Element()
    with pytest.raises(RerunException):
        with marked_training(state, "linear", [0.5] * 16_627, (bar, chart)):
            raise RerunException(None)
    assert bar.emptied and chart.emptied and keys.TRAIN_UNDER_WAY in state
    said = interrupted_training(state, "en")
    assert said is not None and said.startswith("The training of 'linear' stopped after 16,627 epochs")
    assert interrupted_training(state, "en") is None  # once
    with marked_training(state, "linear", [0.5]):
        pass  # a training that ends leaves no mark
    assert keys.TRAIN_UNDER_WAY not in state
    with pytest.raises(OSError):  # nor one that ends in an error the page does not catch: no rerun stopped it
        with marked_training(state, "linear", [0.5], (bar,)):
            raise OSError("disk full")
    assert keys.TRAIN_UNDER_WAY not in state
    state[keys.TRAIN_UNDER_WAY] = {"model": "auto", "losses": []}
    assert interrupted_training(state, "en") == (  # stopped in its search: no epoch to count
        "The training of 'auto' stopped before its end: a setting changed or another page opened while it ran, which "
        "restarts the page. Press Train to train again; the settings stay as they are now.")
    state.update({keys.TRAIN_UNDER_WAY: {"model": "auto", "losses": [1.0]}, keys.TRAIN_BUTTON: True})
    assert interrupted_training(state, "en") is None and keys.TRAIN_UNDER_WAY not in state  # Train pressed again
    from core.ui.session import drop_results

    state[keys.TRAIN_UNDER_WAY] = {"model": "mlp", "losses": [1.0]}
    drop_results(state)  # another file: the old one's stopped training is not said of it
    assert interrupted_training(state, "en") is None
    at = app()
    at.session_state[keys.TRAIN_UNDER_WAY] = {"model": "mlp", "losses": [1.0, 0.5]}
    at.switch_page("pages/1_Train.py").run()
    assert [w.value for w in at.warning if "stopped after" in w.value] == [
        "The training of 'mlp' stopped after 2 epochs, before its end: a setting changed or another page opened while "
        "it ran, which restarts the page. Press Train to train again; the settings stay as they are now."]
    train(at, "linear")
    assert not [w.value for w in at.warning if "stopped after" in w.value]


def test_a_run_stopped_while_its_band_was_measured_is_kept_without_one(air) -> None:  # type: ignore[no-untyped-def]
    # An mlp that had trained (5,000 epochs) was lost when a model was chosen while "Measuring the prediction band".
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

    from core.evaluation.pipeline import RunRequest, run
    from core.ui.session import ensure_series, interrupted_training, keep_trained, marked_training

    def stopped(stage: str, share: float) -> None:
        if stage == "band":
            raise RerunException(None)

    state: dict[str, object] = {keys.DATA_SERIES: air, keys.DATA_SOURCE: "AirPassengers.csv", keys.DATA_PANEL: None}
    with pytest.raises(RerunException):
        with marked_training(state, "linear", []):
            run(air.frame, air.frequency, RunRequest("linear"), on_stage=stopped,
                on_trained=lambda done: keep_trained(state, done))
    ensure_series(state)  # the next run of any page (Compare) keeps it
    ensure_series(state)  # once
    runs = state[keys.TRAIN_RUNS]
    assert len(runs) == 1 and runs[0].band is None and runs[0].metrics["test"]["mae"] > 0  # type: ignore[index]
    assert runs[0].predictions["lower"].isna().all()  # type: ignore[index]
    assert interrupted_training(state, "en") == (
        "The training of 'linear' ended and is kept as run #1, but measuring its prediction band was stopped: a "
        "setting changed or another page opened while it ran. Its test rows have no band; press Train to train it "
        "again with one.")
    assert interrupted_training(state, "en") is None and len(state[keys.TRAIN_RUNS]) == 1  # type: ignore[arg-type]
    state[keys.TRAIN_UNDER_WAY] = {"model": "linear", "losses": [], "trained": runs[0], "series": None}
    ensure_series(state)  # another series shown since: not recorded among its runs
    assert len(state[keys.TRAIN_RUNS]) == 1  # type: ignore[arg-type]
    state[keys.TRAIN_UNDER_WAY] = {"model": "linear", "losses": [], "trained": runs[0], "kept": 1}
    state[keys.TRAIN_RUNS] = []  # another file was loaded since: its runs were cleared
    assert interrupted_training(state, "en") is None  # it said "kept as run #1" of a run gone
    finished = run(air.frame, air.frequency, RunRequest("linear"), on_trained=lambda done: keep_trained(state, done))
    assert finished.band is not None and not finished.predictions["lower"].isna().all()


def test_a_failed_forecast_says_which_forecast_stays_below_it() -> None:
    # A failed 20 steps of '#2 multi' left '#1 linear's 5 steps under the error, while the boxes read #2 and 20.
    from core.ui.session import forecast_failed_text

    assert forecast_failed_text({}, "too far.", "en") == "The forecast could not be made: too far."
    said = forecast_failed_text({keys.FORECAST_RESULT: ("#1 linear", 5, None)}, "too far.", "en")
    assert said.endswith("too far. The forecast below is the last that finished: #1 linear, 5 steps.")
    assert "#1 linear，5 步" in forecast_failed_text({keys.FORECAST_RESULT: ("#1 linear", 5, None)}, "x", "zh")


def test_the_training_bars_clock_starts_with_the_training_not_with_the_wait_for_a_slot() -> None:
    # A run queued behind two others read "27 s of the time budget of 120 s" five seconds after it started.
    import time

    from core.ui.feedback import EveryInterval

    redraw = EveryInterval(0.5)
    time.sleep(0.3)  # waiting for a slot
    assert redraw.elapsed() == 0.0 and redraw.due()  # the first epoch starts the clock
    assert 0.0 <= redraw.elapsed() < 0.25 and not redraw.due()


def test_the_training_bar_moves_by_epochs_or_by_the_time_budget_and_names_both() -> None:
    # "Epoch 5180 of at most 100000" for two minutes, then a stop at the 120 s budget the bar never named.
    from core.ui.feedback import epoch_progress

    share, text = epoch_progress(5_180, 100_000, 60.4, 120.0)
    assert share == pytest.approx(0.5033, abs=1e-3)  # the budget, half spent, ends it first
    assert text == "Epoch 5,180 of at most 100,000; 60 s of the time budget of 120 s, whichever ends first"
    assert epoch_progress(900, 1_000, 1.0, 120.0)[0] == pytest.approx(0.9)  # the epochs end it first
    assert epoch_progress(10, 1_000, 500.0, 120.0)[0] == 1.0 and epoch_progress(5, 10, 1.0, 0.0)[0] == 0.5
    assert "以先到者为准" in epoch_progress(1, 10, 1.0, 120.0, "zh")[1]


def test_a_forecast_download_is_named_by_the_file_and_the_run() -> None:
    from core.ui.runs import download_name

    assert download_name("AirPassengers.csv", "#2 auto") == "AirPassengers-2_auto-forecast.csv"  # was forecast.csv
    assert download_name("Umsatz täglich (2024).csv", None) == "Umsatz_täglich_2024-forecast.csv"
    assert download_name("../../etc/passwd", "#1 a/b") == "passwd-1_a_b-forecast.csv"  # no path in a file name
    assert download_name("€.csv", "#2 linear", "model", ".pt") == "series-2_linear-model.pt"  # was -2_linear-model.pt


def test_a_restored_rate_at_its_optimizers_start_follows_the_next_optimizer() -> None:
    # A session restored with the network on L-BFGS at 1.0: switched to adam, the rate stayed 1.0.
    from core.models.specs import spec_for
    from core.ui.controls import follow_optimizer

    training = spec_for("mlp").training
    assert training is not None
    state = {keys.train_setting("mlp", "optimizer"): "lbfgs", keys.train_setting("mlp", "lr"): 1.0}
    follow_optimizer(state, "mlp", training)
    state[keys.train_setting("mlp", "optimizer")] = "adam"
    follow_optimizer(state, "mlp", training)
    assert state[keys.train_setting("mlp", "lr")] == 0.01  # the network's own rate for its own optimizer
