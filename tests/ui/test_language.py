"""The interface in English and Simplified Chinese (issue #16): every page opens in either language, its
visible texts come from the catalogs (core.i18n), the catalogs agree, core's loader messages are said in the
reader's language, dates follow the language, and ``?lang=`` survives the pages' own URL updates."""
from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from core.data.read import check_count
from core.data.tidy import LoadOptions, Notice, load_series
from core.errors import DataError, LimitError, SettingsError
from core.evaluation.pipeline import RunRequest, run
from core.i18n import CATALOGS, CORE_TEXTS, DATE_FIELDS, Texts, language_from, message, placeholders, relabel, said, t
from core.lab.panels import RaceResult, race_table
from core.models.specs import SEED, SPECS, TRAINING_SETTINGS, ModelSettings, model_names
from core.training.loop import TrainConfig
from core.ui import state_keys as keys
from core.data.frequency import Frequency
from core.ui.charts import forecast_chart, prediction_chart, series_chart, time_formats
from core.ui.lab_charts import lab_table, log_lines, race_formats
from core.ui.explain import describe_coefficients, metrics_table, selection_summary
from core.ui.session import keep_language_param, language_of, preview_frame

ROOT = Path(__file__).resolve().parents[2]
PAGE_FILES = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]
PAGES = [str(path.relative_to(ROOT)) for path in PAGE_FILES]
DATA = ROOT / "tests" / "data"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
LEAST_CHINESE = 0.8  # share of a page's visible texts that must hold Chinese characters under ?lang=zh
LABELLED = ("selectbox", "multiselect", "slider", "select_slider", "number_input", "checkbox", "button", "expander",
            "text_input", "radio", "toggle")


def visible_texts(at: AppTest) -> list[str]:
    """Titles, headers, Markdown, captions, boxes, metric labels and widget labels the page shows."""
    texts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error")
             for e in getattr(at, kind)]
    texts += [m.label for m in at.metric]
    texts += [w.label for kind in LABELLED for w in getattr(at, kind)]
    texts += [w.proto.label for kind in ("download_button", "file_uploader") for w in at.get(kind)]
    return [text for text in texts if text.strip()]


def chinese_share(texts: list[str]) -> float:
    return sum(bool(CHINESE.search(text)) for text in texts) / max(len(texts), 1)


def open_page(path: str, lang: str | None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=180)
    at.query_params.update({**({"lang": lang} if lang else {}), **params})
    return at.run()


def param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


# Every page, in each language ------------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_in_chinese(page: str) -> None:
    at = open_page(page, "zh")
    assert not at.exception, at.exception
    texts = visible_texts(at)
    share = chinese_share(texts)
    print(f"{page}: {share:.0%} of {len(texts)} visible texts in Chinese")
    assert len(texts) >= 3 and share >= LEAST_CHINESE, [text for text in texts if not CHINESE.search(text)]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_english_shows_no_chinese(page: str) -> None:
    at = open_page(page, "en")
    assert not at.exception, at.exception
    assert [text for text in visible_texts(at) if CHINESE.search(text)] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_result_screens_speak_the_chosen_language(lang: str) -> None:
    """Train (with auto's summary), Compare and Forecast after real runs, reached through the navigation."""
    at = open_page("dashboard.py", lang)
    shares = {}
    at.switch_page("pages/1_Train.py").run()
    for model in ("linear", "auto"):
        at.selectbox(key=keys.TRAIN_MODEL_WIDGET).select(model).run()
        at.button(key=keys.TRAIN_BUTTON).click().run()
        assert not at.exception and not at.error, [e.value for e in at.error]
        shares[f"Train ({model})"] = chinese_share(visible_texts(at))
    at.switch_page("pages/2_Compare.py").run()
    shares["Compare"] = chinese_share(visible_texts(at))
    at.switch_page("pages/3_Forecast.py").run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    assert not at.exception and not at.error
    shares["Forecast"] = chinese_share(visible_texts(at))
    print(lang, {page: f"{share:.0%}" for page, share in shares.items()})
    if lang == "zh":
        assert min(shares.values()) >= LEAST_CHINESE, shares
        assert any("1960年12月" in s.value and "至 1961年12月" in s.value for s in at.main.header)
    else:
        assert max(shares.values()) == 0, shares
        assert any(s.value.endswith("12 steps past 1960-12, to 1961-12") for s in at.main.header), \
            [s.value for s in at.main.header]  # a presenter computed the last date of 56 days by hand
    at.switch_page("dashboard.py").run()  # (AppTest runs a page switched to without dashboard.py's main())
    assert param(at, "lang") == lang and param(at, "fraction") is not None


def test_the_lab_tables_and_curves_are_translated() -> None:
    at = open_page("pages/4_Learning_Lab.py", "zh")
    race = at.dataframe[0].value
    assert "优化器" in race.columns and "学习率" in race.columns
    assert any("一致" in m.value for m in at.markdown)
    assert [s.value for s in at.main.header][:2] == ["1. 损失函数的地形", "2. 梯度下降、随机梯度下降与小批量"]
    names = ("full-batch gradient descent", "single-sample SGD", "mini-batch SGD of 16")
    chinese = {"全批量梯度下降", "单样本 SGD", "小批量 SGD（每批 16 行）"}
    assert {relabel(name, "zh", "lab.curve") for name in names} == chinese


def test_each_lab_curve_keeps_its_colour_and_dashes_in_either_language() -> None:
    import pandas as pd

    names = ["full-batch gradient descent", "single-sample SGD", "mini-batch SGD of 16"]  # as core makes them
    frame = pd.DataFrame({"update": [1, 2] * 3, "loss": [1.0, 0.5] * 3, "mode": [n for n in names for _ in (1, 2)]})
    orders = []
    for lang in ("en", "zh"):  # colours followed each language's alphabetical order: "the red line" changed curve
        spec = log_lines(frame, "update", "loss", "mode", "x", "y", lang=lang).to_dict()
        encoding = spec.get("encoding") or next(layer["encoding"] for layer in spec["layer"])
        assert encoding["color"]["sort"] == encoding["strokeDash"]["sort"]
        orders.append(encoding["color"]["sort"])
    assert orders == [names, [relabel(name, "zh", "lab.curve") for name in names]]


def test_the_lab_intro_names_the_units_of_its_lessons_only_where_they_are_drawn() -> None:
    from types import SimpleNamespace

    from core.ui.lab_charts import lab_intro

    for constant in (False, True):  # a constant series draws no lesson: "standard deviation 1" contradicted it
        data = SimpleNamespace(subsampled=False, train_rows=8, names=["t"], y=[1.0] * 8, constant=constant)
        results = SimpleNamespace(data=data, seconds={"all": 0.5}, exact_loss=0.0123)
        for lang in ("en", "zh"):
            intro = lab_intro(results, "x.csv", lang)  # type: ignore[arg-type]
            units = t("lab.units", lang, exact=0.0123, share="1%")  # the series' own exact loss (0.17 was one series')
            assert (units in intro) is not constant and "x.csv" in intro and ("0.0123" in intro) is not constant
    nearly_exact = SimpleNamespace(data=SimpleNamespace(subsampled=False, train_rows=8, names=["t"], y=[1.0] * 8,
                                                        constant=False), seconds={"all": 0.5}, exact_loss=0.000217)
    assert "is the 0.022% of the target's variance" in lab_intro(nearly_exact, "x.csv")  # type: ignore[arg-type]


def test_the_race_cells_and_a_diverged_training_are_said_in_chinese() -> None:
    results = [RaceResult("sgd", 10.0, [1.0], None, 3, {}, 0.1), RaceResult("adam", 0.1, [1.0], None, None, {}, 0.1)]
    assert lab_table(race_table(results), "zh").iloc[:, 2].tolist() == ["在第 3 轮发散", "未达到"]  # str cells
    series = load_series(b"month,y\n" + b"".join(f"2020-{m:02d},{m}\n".encode() for m in range(1, 13)), "x.csv")
    diverging = ModelSettings(training=TrainConfig(optimizer="sgd", lr=10.0, epochs=50))
    with pytest.raises(SettingsError) as raised:
        run(series.frame, series.frequency, RunRequest("linear", diverging))
    assert said(raised.value, "zh").startswith("训练在第") and "学习率 10" in said(raised.value, "zh")


def test_the_race_table_formats_its_test_mae_in_the_targets_units_with_thousands_grouped() -> None:
    # A series near 1e9: its race MAE was written 31210810.3358, beside a learning rate of 0.30000000000000004.
    results = [RaceResult("sgd", 0.1 * 3, [1.0], 12, None, {"mae": 31210810.3358, "mape": 2.5}, 0.1234),
               RaceResult("adam", 0.1, [1.0], None, 3, {}, 0.1)]
    english = race_formats(race_table(results))
    assert english["test MAE"] == "%,.0f" and english["learning rate"] == "%.4g" and english["seconds"] == "%.3f"
    chinese = race_formats(race_table(results), "zh")
    assert chinese[t("lab.column.mae", "zh")] == "%,.0f" and set(chinese) <= set(lab_table(race_table(results), "zh"))
    assert race_formats(race_table(results[1:]))["test MAE"] == "%,.2f"  # no MAE: a diverged run alone


# The language: URL, locale, selector ---------------------------------------------------------------------

@pytest.mark.parametrize(("wanted", "locale", "lang"), [
    (None, None, "en"), ("zh", None, "zh"), ("en", "zh-CN", "en"), (None, "zh-CN", "zh"), (None, "zh-TW", "zh"),
    (None, "en-US", "en"), ("fr", "zh-Hans", "zh"), ("", "de-DE", "en"),
])
def test_the_url_then_the_browser_locale_choose_the_language(wanted: str | None, locale: str | None,
                                                               lang: str) -> None:
    assert language_from(wanted, locale) == lang


def test_the_session_keeps_its_language_and_the_selector_wins() -> None:
    state: dict[str, object] = {}
    assert language_of(state, {"lang": "zh"}, None) == "zh" and state[keys.APP_LANG] == "zh"
    assert language_of(state, {}, "en-GB") == "zh"  # a page's from_dict dropped ?lang=: the session remembers
    state[keys.APP_LANG_WIDGET] = "en"
    assert language_of(state, {"lang": "zh"}, "zh-CN") == "en"
    params = {"fraction": "0.7"}
    keep_language_param(params, "zh")
    assert params == {"fraction": "0.7", "lang": "zh"}


def test_the_sidebar_selector_switches_the_language_and_the_url_keeps_it() -> None:
    at = open_page("dashboard.py", "zh", fraction="0.8")
    assert at.title[0].value == "时间序列回归"
    assert param(at, "lang") == "zh" and param(at, "fraction") == "0.8"  # lang survives the page's from_dict
    at.selectbox(key=keys.APP_LANG_WIDGET).select("en").run()
    assert at.title[0].value == "Time-series regression" and param(at, "lang") == "en"
    at.switch_page("pages/1_Train.py").run()  # AppTest runs it alone: the session remembers the language
    assert at.title[0].value == "Train a model" and param(at, "model") is not None
    at.switch_page("dashboard.py").run()
    assert at.selectbox(key=keys.APP_LANG_WIDGET).value == "en" and param(at, "lang") == "en"
    at.selectbox(key=keys.APP_LANG_WIDGET).select("zh").run()
    assert at.title[0].value == "时间序列回归" and param(at, "lang") == "zh"


def test_a_switch_sends_the_chosen_options_again_in_the_new_words() -> None:
    """The browser keeps the words an option was shown in; after a switch the server sends the choice again."""
    at = open_page("dashboard.py", "en")
    at.selectbox(key=keys.DATA_MISSING_WIDGET).select("drop").run()
    at.selectbox(key=keys.APP_LANG_WIDGET).select("zh").run()
    picker = at.selectbox(key=keys.DATA_MISSING_WIDGET)
    assert picker.value == "drop" and picker.proto.set_value and picker.proto.raw_value == "删除这些行"
    assert at.session_state[keys.DATA_SERIES].missing_policy == "drop"


def test_without_a_language_the_app_speaks_english() -> None:
    at = open_page("dashboard.py", None)
    assert at.title[0].value == "Time-series regression" and param(at, "lang") == "en"


# The catalogs --------------------------------------------------------------------------------------------

def test_both_catalogs_hold_the_same_keys_with_the_same_placeholders() -> None:
    en, zh = CATALOGS["en"], CATALOGS["zh"]
    assert set(en) == set(zh), set(en) ^ set(zh)
    for key, text in en.items():
        assert isinstance(zh[key], str) and zh[key].strip(), key
        if key.startswith("date."):  # a date's parts differ by language (2001-03, 2001年第1季度)
            assert placeholders(text) | placeholders(zh[key]) <= DATE_FIELDS, key
        else:
            assert placeholders(text) == placeholders(zh[key]), key
    print(f"{len(en)} keys in each catalog, {len(CORE_TEXTS['zh'])} translated texts of the model table")


def test_chinese_prose_is_chinese() -> None:
    """Entries with words in English hold words in Chinese (formats, formulas and identifiers aside)."""
    same = [key for key, text in CATALOGS["en"].items()
            if re.search(r"[a-z]{3,} [a-z]{3,}", text) and not CHINESE.search(CATALOGS["zh"][key])]
    assert same == [], same


def test_chinese_frequency_names_do_not_repeat_the_by_of_their_templates() -> None:
    """Templates say '按{frequency}间隔' ('by the spacing of'): a name starting with 按 read '按按步编号'."""
    for_frequency = [key for key, text in CATALOGS["zh"].items() if "按{frequency}" in text]
    assert for_frequency and not [key for key, text in CATALOGS["zh"].items()
                                  if key.startswith("freq.") and text.startswith("按")]


def literal_keys(path: Path) -> set[str]:
    """Catalog keys written literally in ``path``: T("key"), t("key", ...), T.widget("key") (and key_help)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("T", "t") and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
            elif name == "widget":
                found |= {node.args[0].value, f"{node.args[0].value}_help"}
    return found


def test_every_key_the_pages_name_is_in_the_catalogs() -> None:
    sources = [*PAGE_FILES, *sorted((ROOT / "core" / "ui").glob("*.py"))]
    missing = {f"{path.name}: {key}" for path in sources for key in literal_keys(path) if key not in CATALOGS["en"]}
    assert missing == set()


def test_every_key_core_raises_or_notes_is_in_the_catalogs() -> None:
    # The series limit raised err.too_many_series, which no catalog held: the Chinese page said it in English.
    written = {key for path in (ROOT / "core").rglob("*.py")
               for key in re.findall(r'"((?:err|notice)\.[a-z0-9_.]+)"', path.read_text())}
    limits = {f"err.too_many_{what}" for what in ("rows", "columns", "cells", "series")}  # ``read.check_count``'s
    assert written | limits <= set(CATALOGS["en"]), (written | limits) - set(CATALOGS["en"])
    with pytest.raises(LimitError) as caught:
        check_count(200, "series", "TSR_MAX_SERIES", 100, "fit fewer series at a time (split the file)")
    assert said(caught.value, "zh").startswith("文件有 200 个序列")


def test_the_model_table_is_translated_by_name() -> None:
    shipped = [name for name in model_names() if SPECS[name].build.__module__ == "core.models.specs"]
    assert {"linear", "auto"} <= set(shipped)
    settings = {s.name for name in shipped for s in SPECS[name].settings} | {s.name for s in TRAINING_SETTINGS}
    wanted = {f"model.{name}" for name in shipped} | {f"setting.{name}{end}" for name in settings | {SEED.name}
                                                       for end in ("", "_help")}
    assert wanted <= set(CORE_TEXTS["zh"]), wanted - set(CORE_TEXTS["zh"])
    assert all(CHINESE.search(text) for text in CORE_TEXTS["zh"].values())


USER_TEXT_ARGS = {"label", "body", "help", "text", "page_title", "title", "placeholder", "caption"}
ST_CALLS = {"title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success", "toast",
            "metric", "selectbox", "multiselect", "slider", "select_slider", "number_input", "checkbox", "button",
            "download_button", "file_uploader", "expander", "spinner", "progress", "text_input", "radio", "tabs",
            "set_page_config", "Page", "TextColumn", "NumberColumn", "DatetimeColumn", "write", "text"}


def english_literals(path: Path) -> list[str]:
    """String literals with words in them handed to Streamlit as something to show (a label, a body, a help)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ST_CALLS):
            continue
        shown = [] if node.func.attr in ("Page", "progress") else node.args[:1]
        shown += [keyword.value for keyword in node.keywords if keyword.arg in USER_TEXT_ARGS]
        for value in shown:
            parts = [value] if isinstance(value, ast.Constant) else getattr(value, "values", [])
            text = "".join(str(part.value) for part in parts if isinstance(part, ast.Constant))
            if re.search(r"[A-Za-z]{2,}", text):
                found.append(f"{path.name}:{node.lineno}: {text!r}")
    return found


def test_no_page_holds_a_user_facing_english_literal() -> None:
    assert [found for path in PAGE_FILES for found in english_literals(path)] == []


# Core's messages in the reader's language ----------------------------------------------------------------

def raised(data: bytes, name: str = "file.csv", options: LoadOptions | None = None) -> DataError:
    with pytest.raises(DataError) as caught:
        load_series(data, name, options)
    return caught.value


MONTHS = "".join(f"2001-{m:02d}-01,{m},{m * 2 % 7}\n" for m in range(1, 13))  # b: no dates, nor steps that rise
BAD_FILES = ["bad_binary.csv", "bad_empty.csv", "bad_header_only.csv", "bad_html.csv", "bad_no_numeric.csv",
             "bad_ragged.csv", "bad_target_blank.csv", "bad_target_text.csv", "bad_too_few_rows.csv",
             "bad_zip_renamed.csv"]
BAD_CHOICES = [LoadOptions(date_col="nope"), LoadOptions(date_col="b"), LoadOptions(target="nope"),
               LoadOptions(regressors=("nope",)), LoadOptions(target="a", regressors=("a",)),
               LoadOptions(missing="guess"), LoadOptions(duplicates="median")]


def loader_errors(monkeypatch: pytest.MonkeyPatch) -> list[DataError]:
    errors = [raised((DATA / name).read_bytes(), name) for name in BAD_FILES]
    errors += [raised(f"when,a,b\n{MONTHS}".encode(), options=options) for options in BAD_CHOICES]
    errors += [raised(f"when,a,b\n{MONTHS}2002-01-01,inf,1\n".encode()),
               raised(f"when,a,b\n{MONTHS}2002-01-01,1e200,1\n".encode())]
    errors += [raised(b"PK\x03\x04 not really a workbook", "book.xlsx"),
               raised(f"when,a\n{MONTHS}".encode(), options=LoadOptions(max_mb=1e-5)),
               raised(f"when,a,b\n{MONTHS}".encode(), options=LoadOptions(target="when", date_col=""))]
    monkeypatch.setenv("TSR_MAX_ROWS", "10")
    errors.append(raised((DATA / "gaps.csv").read_bytes(), "gaps.csv", LoadOptions(fill_gaps=True)))
    monkeypatch.setenv("TSR_MAX_ROWS", "5")
    errors.append(raised(f"when,a,b\n{MONTHS}".encode()))
    monkeypatch.setenv("TSR_MAX_ROWS", "many")
    errors.append(raised(f"when,a,b\n{MONTHS}".encode()))
    monkeypatch.setenv("TSR_MAX_COLUMNS", "2")
    errors.append(raised(f"when,a,b\n{MONTHS}".encode()))
    return errors


def test_the_english_templates_say_exactly_what_the_loader_says(monkeypatch: pytest.MonkeyPatch) -> None:
    errors = loader_errors(monkeypatch)
    assert len({error.key for error in errors}) >= 25 and any(isinstance(e, LimitError) for e in errors)
    for error in errors:
        assert error.key in CATALOGS["en"], (error.key, str(error))
        assert message(error.key, error.params, "en") == str(error) == said(error, "en")
        chinese = said(error, "zh")
        assert CHINESE.search(chinese) and chinese != str(error), chinese


@pytest.mark.parametrize(("name", "options"), [("gaps.csv", LoadOptions(fill_gaps=True)),
                                               ("ambiguous_slash.csv", None), ("missing_values.csv", None),
                                               ("missing_values.csv", LoadOptions(missing="drop")),
                                               ("unsorted_duplicates.csv", None)])
def test_the_loaders_report_is_said_in_either_language(name: str, options: LoadOptions | None) -> None:
    notices = load_series(DATA / name, name, options).report.notices
    assert notices and all(isinstance(notice, Notice) for notice in notices)
    for notice in notices:
        assert message(notice.key, notice.params, "en") == notice
        assert CHINESE.search(said(notice, "zh")), said(notice, "zh")
        assert pickle.loads(pickle.dumps(notice)).key == notice.key  # cached loads are pickled


def test_column_names_are_quoted_as_the_language_quotes_them() -> None:
    with pytest.raises(DataError) as raised_error:
        load_series(b"Date,Sales,Price\n2020-01-01,3,1\n2020-02-01,4,2\n2020-03-01,5,3\n", "x.csv",
                    LoadOptions(target="Nope"))
    problem = raised_error.value
    assert "choose one of 'Date', 'Sales', 'Price'." in str(problem) == said(problem, "en")
    assert "请从“Date”、“Sales”、“Price”中选择" in said(problem, "zh")
    copy = pickle.loads(pickle.dumps(problem.params["names"]))  # cached loads are pickled
    assert copy == "'Date', 'Sales', 'Price'" and copy.names == ("Date", "Sales", "Price")


def test_keys_survive_a_trip_through_pickle() -> None:
    error = raised(b"")
    copy = pickle.loads(pickle.dumps(LimitError("x", "err.too_many_rows", {"count": 9, "limit": "5", "variable": "V"})))
    assert (copy.key, copy.params["count"], str(copy)) == ("err.too_many_rows", 9, "x")
    assert pickle.loads(pickle.dumps(error)).key == "err.empty"


def test_an_error_without_a_key_is_shown_in_english() -> None:
    assert said(ValueError("Learning rate 20 is out of range."), "zh") == "Learning rate 20 is out of range."


def test_a_bad_upload_in_chinese_says_what_is_wrong_in_chinese() -> None:
    at = open_page("dashboard.py", "zh")
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("bad.csv", (DATA / "bad_html.csv").read_bytes(),
                                                             "text/csv")).run()
    assert not at.exception
    shown = at.error[0].value.replace("\\", "")
    assert "无法使用“bad.csv”" in shown and "网页（HTML）" in shown
    at.file_uploader(key=keys.DATA_UPLOAD_WIDGET).set_value(("gaps.csv", (DATA / "missing_values.csv").read_bytes(),
                                                             "text/csv")).run()
    assert not at.error and at.info and all(CHINESE.search(box.value) for box in at.info)


# Numbers, dates and charts in the language -----------------------------------------------------------------

def test_dates_follow_the_language(air) -> None:  # type: ignore[no-untyped-def]
    assert time_formats(air.frequency, "zh") == ("%Y年%-m月", "YYYY年M月")
    assert time_formats(air.frequency, "en") == ("%b %Y", "YYYY-MM")
    assert preview_frame(air, "zh")["Month"].iloc[0] == "1949年1月"
    assert preview_frame(air, "en")["Month"].iloc[0] == "1949-01"


def test_charts_take_their_titles_and_legends_from_the_catalog(air) -> None:  # type: ignore[no-untyped-def]
    spec = series_chart(air.frame, air.target, None, air.frequency, "zh").to_dict()
    axis = spec["layer"][0]["encoding"]["x"]
    assert axis["title"] == "时间" and axis["axis"]["format"] == "%Y年%-m月"
    result = run(air.frame, air.frequency, RunRequest("linear"))
    layers = prediction_chart(result.predictions, air.target, air.frequency, "zh").to_dict()["layer"]
    domains = [layer["encoding"]["color"]["scale"]["domain"] for layer in layers if "color" in layer["encoding"]]
    assert domains == [["训练集", "测试集"]]
    future = result.predictions.tail(3).assign(lower=1.0, upper=2.0)
    lines = forecast_chart(air.frame, future, air.target, air.frequency, lang="zh").to_dict()["layer"][1]
    assert lines["encoding"]["color"]["scale"]["domain"] == ["实际值", "预测"]


def test_what_the_model_learned_is_said_in_chinese(air) -> None:  # type: ignore[no-untyped-def]
    result = run(air.frame, air.frequency, RunRequest("multi"))
    lines = describe_coefficients(result.coefficients, air.frequency, air.target, 100, "zh")
    assert lines[0].startswith("趋势：#Passengers 每月变化 +")
    assert any(line.startswith("2月：与1月相比 ") for line in lines)
    assert list(metrics_table(result.metrics, "zh").columns) == ["训练集", "测试集"]
    assert t("metric.mae", "zh") in metrics_table(result.metrics, "zh").index
    summary = selection_summary({"chosen": "theta", "season": 12, "origins": 3, "backtest_horizon": 12}, "zh")
    assert summary is not None and summary.startswith("auto 选择了 **Theta**")


def test_the_models_auto_chose_are_named_in_chinese() -> None:
    from core.i18n import candidate_name

    chosen = "ensemble of ETS, log: ARIMA, none: seasonal diff AR(1-3, 12)"
    assert candidate_name(chosen, "zh") == "ETS、ARIMA（对数）、季节差分 AR(1-3, 12)的组合"  # the lags as written
    assert candidate_name(chosen, "en") == "ensemble of ETS, ARIMA (log), seasonal diff AR(1-3, 12)"  # was "log: ARIMA"
    assert [candidate_name(name, "zh") for name in ("snaive", "naive", "none: trend + season + regressors")] == [
        "季节性朴素法", "朴素法", "趋势 + 季节 + 外生变量"]  # as the catalog names the baselines
    assert candidate_name("ensemble of ETS, naive, drift", "zh") == "ETS、朴素法、漂移的组合"
    assert candidate_name("boxcox: trend + season", "en") == "trend + season (Box-Cox)"


def test_settings_and_features_are_said_in_chinese() -> None:
    from core.ui.explain import feature_label
    from core.ui.runs import format_settings

    settings = {"optimizer": "lbfgs", "lr": 1.0, "epochs": 100, "batch": "full", "seed": 0}
    assert format_settings(settings, "en") == "optimizer=lbfgs, lr=1, epochs=100, batch=full, seed=0"
    chinese = format_settings(settings, "zh")  # Compare's settings column was English in the Chinese interface
    assert chinese == "优化器=lbfgs；学习率=1；训练轮数=100；批处理方式=全量；随机种子=0", chinese  # 、 lists an ensemble's models
    assert format_settings({"chosen": "ensemble of ETS, log: ARIMA", "seed": 0}, "zh") == \
        "所选模型=ETS、ARIMA（对数）的组合；随机种子=0"
    assert [feature_label(name, "zh") for name in ("x", "year", "month=Feb")] == ["x（时间索引）", "年份", "月份=2月"]
    assert [feature_label(name, "en") for name in ("x", "year", "month=Feb")] == ["x (time index)", "year", "month=Feb"]


def test_weekdays_half_years_fourier_terms_and_autos_choice_are_said_in_both_languages() -> None:
    from core.ui.runs import format_settings

    daily, halves = Frequency("daily", "D", 7), Frequency("half-yearly", "6MS", 2)
    chinese = describe_coefficients({"weekday=Tue": 7.866}, daily, "y", lang="zh")
    assert chinese == ["星期二：与星期一相比 +7.866。"]  # the reference named, not "the first weekday"
    assert describe_coefficients({"weekday=Tue": 7.866}, daily, "y") == ["Tue: +7.866 compared with Mon."]
    assert describe_coefficients({"half=H2": 3.0}, halves, "y", lang="zh")[0].startswith("下半年：")  # was H2
    waves = describe_coefficients({"sin1": 9.841, "cos2": -1.5}, Frequency("weekly", "W-SUN", 52), "y")
    assert waves[0] == ("sin1: +9.841 times the season's sine wave of 1 cycle a season; with the cosine of the same "
                        "number, it draws that part of the season's shape.")  # was "+9.841 per unit"
    assert "2 cycles a season" in waves[1] and "余弦波" in describe_coefficients({"cos2": -1.5}, daily, "y", lang="zh")[0]
    assert "sine wave of 3 cycles" in describe_coefficients({"24:sin3": 0.5}, daily, "y")[0]  # another cycle's pair
    assert format_settings({"chosen": "ETS", "seed": 0}, "zh").startswith("所选模型=")  # was chosen=


def test_the_pickers_of_several_choices_prompt_in_the_pages_language() -> None:
    # Streamlit's own "Choose options" and "No options to select" were English in the Chinese interface.
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "zh"
    at.run()
    assert at.multiselect(key=keys.DATA_REGRESSORS_WIDGET).placeholder == "没有可选的项"  # AirPassengers: none
    assert at.multiselect(key=keys.DATA_ID_WIDGET).placeholder == "没有可选的项"
    assert Texts("zh").choices("data.regressors", ["temp"])["placeholder"] == "请选择"


def test_a_notice_without_a_number_its_translation_now_takes_is_said_in_english() -> None:
    # A load cached before '3 rows on 1 repeated time stamp' took the rows raised KeyError('rows') on the Chinese page.
    from core.data.tidy import Notice
    from core.i18n import said

    old = Notice("2 repeated time stamps were combined by their mean.", "notice.stamps_averaged", {"stamps": 2})
    assert said(old, "zh") == "2 repeated time stamps were combined by their mean."
    new = Notice("4 rows on 2 repeated time stamps ...", "notice.stamps_averaged", {"stamps": 2, "rows": 4})
    assert said(new, "zh").startswith("已把 2 个重复时间戳上的 4 行按均值合并")


def test_a_model_without_regressors_names_them_as_written() -> None:
    """'cost ($)' and '*promo*' began a formula and italics in the Train sidebar's caption of ``ar``."""
    from core.models.specs import spec_for
    from core.ui.controls import model_caption
    caption = model_caption(spec_for("ar"), ["cost ($)", "*promo*"])
    assert "cost \\(\\$\\)" in caption and "\\*promo\\*" in caption


def test_a_setting_out_of_range_is_named_in_the_page_language() -> None:
    # The Chinese message named the setting in English ("Epochs 0 超出范围").
    with pytest.raises(SettingsError) as caught:
        TRAINING_SETTINGS[2].check(0)
    assert said(caught.value, "zh") == "训练轮数 0 超出范围：请在 1 到 100,000 之间选择。"
    assert said(caught.value, "en") == "Epochs 0 is out of range: choose 1 to 100,000."
