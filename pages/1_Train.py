"""Train page: pick a model and its settings, train, see predictions against actuals.

Every model and setting comes from the model table (``core.models.specs``): this page names none."""
from __future__ import annotations

import streamlit as st

from core.evaluation.pipeline import RunRequest, RunResult, run
from core.models.files import model_bytes
from core.models.specs import SEED, TRAINING_SETTINGS, ModelSettings, ModelSpec, Setting, model_names, spec_for
from core.training.devices import device_choices
from core.training.slots import training_slot
from core.ui import state_keys as keys
from core.ui.charts import loss_chart, prediction_chart, residual_chart
from core.ui.feedback import EveryInterval, bug_message, waiting_message
from core.ui.explain import describe_coefficients, left_out_lines, metrics_table, selection_summary, selection_table
from core.i18n import Texts, core_text, frequency_name, said
from core.ui.session import MAX_RUNS, apply_train_url, computed_once, ensure_series, language_of, record_run
from core.ui.text import plain
from core.ui.urlstate import train_query

SLIDER_SPAN = 300  # integer settings with a range this narrow get a slider, wider ones a number box
MIN_LOSS_POINTS = 3  # fewer epochs (LBFGS often needs one or two) are said in words, not drawn


def setting_widget(container, setting: Setting, key: str) -> object:  # type: ignore[no-untyped-def]
    """The widget for one setting of the model table, labelled in the page's language."""
    texts = {"label": core_text(f"setting.{setting.name}", T.lang, setting.label), "key": key,
             "help": core_text(f"setting.{setting.name}_help", T.lang, setting.help)}
    if setting.kind == "choice":
        return container.selectbox(options=setting.choices, **texts)
    if setting.kind == "int" and setting.high - setting.low <= SLIDER_SPAN:  # type: ignore[operator]
        return container.slider(min_value=int(setting.low), max_value=int(setting.high), **texts)
    if setting.kind == "int":
        return container.number_input(min_value=int(setting.low), max_value=int(setting.high), **texts)
    return container.number_input(min_value=float(setting.low), max_value=float(setting.high), format="%.4g", **texts)


def read_settings(spec: ModelSpec, regressors: list[str]) -> ModelSettings:
    """The chosen model's own settings, its training (when it trains with torch), seed and device."""
    state, side = st.session_state, st.sidebar
    for setting in spec.settings:
        state.setdefault(keys.train_setting(spec.name, setting.name), setting.initial(series.frequency))
    values = {setting.name: setting_widget(side, setting, keys.train_setting(spec.name, setting.name))
              for setting in spec.settings}
    training = None
    if spec.training is not None:
        defaults = {"optimizer": spec.training.optimizer, "lr": spec.training.learning_rate(),
                    "epochs": spec.training.epochs, "batch": spec.training.batch, "batch_size": spec.training.batch_size}
        with side.expander(T("train.training"), expanded=False):
            chosen = {}
            for setting in TRAINING_SETTINGS:
                state.setdefault(keys.train_setting(spec.name, setting.name), defaults[setting.name])
                chosen[setting.name] = setting_widget(st, setting, keys.train_setting(spec.name, setting.name))
        training = spec.training.with_(**chosen)
    seed = setting_widget(side, SEED, keys.TRAIN_SEED)
    device = side.selectbox(**T.widget("train.device"), options=device_choices(), key=keys.TRAIN_DEVICE)
    return ModelSettings(values=values, regressors=tuple(regressors), training=training, seed=int(seed),  # type: ignore[arg-type]
                         device=device)


def train_now(request: RunRequest) -> RunResult | None:
    epochs = request.settings.training.epochs if request.settings.training else 1
    progress, live, redraw = st.progress(0.0, text=T("train.training_now")), st.empty(), EveryInterval(0.5)
    losses: list[float] = []

    def on_epoch(epoch: int, loss: float) -> None:
        losses.append(loss)
        if redraw.due():
            progress.progress(min(epoch / epochs, 1.0), text=T("train.epoch", epoch=epoch, epochs=epochs))
            live.altair_chart(loss_chart(losses, lang=T.lang), width="stretch")

    try:
        with training_slot(lambda slots: progress.progress(0.0, text=waiting_message(slots, T.lang))):
            return run(series.frame, series.frequency, request, on_epoch, series.future)
    except ValueError as problem:
        st.error(plain(T("train.failed", problem=said(problem, T.lang))))
    except (ArithmeticError, LookupError, TypeError, AttributeError, RuntimeError) as bug:
        st.error(bug_message(bug, T.lang))
    finally:
        progress.empty()
        live.empty()
    return None


def show_result(result: RunResult) -> None:
    request = result.request
    st.subheader(T("train.result", model=request.model))
    st.altair_chart(prediction_chart(result.predictions, series.target, series.frequency, T.lang), width="stretch")
    left, right = st.columns([2, 3])
    left.dataframe(metrics_table(result.metrics, T.lang), width="stretch")
    if result.closed_form_gap is not None:
        right.metric(T("train.gap"), f"{result.closed_form_gap:.2e}", help=T("train.gap_help"))
    if result.budget_note:
        st.warning(T("train.budget", note=result.budget_note))
    right.caption(T("train.fitted", seconds=result.fit_seconds, device=result.device, fraction=request.train_fraction))
    if len(result.losses) >= MIN_LOSS_POINTS:
        right.altair_chart(loss_chart(result.losses, lang=T.lang), width="stretch")
    elif result.losses:
        right.caption(T("train.few_epochs", epochs=len(result.losses), loss=result.losses[-1]))
    st.altair_chart(residual_chart(result.predictions, series.frequency, T.lang), width="stretch")
    if result.coefficients:
        with st.expander(T("train.learned"), expanded=True):
            n_train = int((result.predictions["split"] == "train").sum())
            lines = describe_coefficients(result.coefficients, series.frequency, series.target, n_train, T.lang)
            st.markdown("\n".join(f"- {plain(line)}" for line in lines))
    for line in left_out_lines(result.params, T.lang):
        st.info(plain(line))
    summary, candidates = selection_summary(result.params, T.lang), selection_table(result.params)
    if summary:
        st.info(summary)
    if candidates:
        with st.expander(T("train.backtest")):
            st.dataframe(candidates, width="stretch", column_config={
                "model": st.column_config.TextColumn(T("train.candidate")),
                "backtest_score": st.column_config.NumberColumn(T("train.backtest_score"), format="%.3f")})
    name = f"{request.model}-seed{request.settings.seed}"
    a, b = st.columns(2)
    a.download_button(T("train.download_csv"), result.predictions.to_csv(index=False), f"{name}.csv",
                      "text/csv", key="train.download_csv")
    model_file = computed_once(st.session_state, keys.TRAIN_MODEL_FILE, result, lambda: model_bytes(result.forecaster))
    b.download_button(**T.widget("train.download_model"), data=model_file, file_name=f"{name}.pt",
                      mime="application/octet-stream", key="train.download_model")


T = Texts(language_of(st.session_state, st.query_params, st.context.locale))
st.set_page_config(page_title=T("nav.train"), page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
apply_train_url(st.session_state, st.query_params)
st.title(T("train.title"))
st.caption(T("train.intro", source=plain(st.session_state[keys.DATA_SOURCE]), rows=len(series.frame),
             frequency=frequency_name(series.frequency, T.lang), fraction=st.session_state[keys.DATA_TRAIN_FRACTION]))
model = st.sidebar.selectbox(**T.widget("train.model"), options=model_names(), key=keys.TRAIN_MODEL_WIDGET)
st.sidebar.caption(core_text(f"model.{model}", T.lang, spec_for(model).help))
request = RunRequest(model=model, settings=read_settings(spec_for(model), series.regressors),
                     train_fraction=st.session_state[keys.DATA_TRAIN_FRACTION])
st.query_params.from_dict(train_query(request))
if st.button(**T.widget("train.train"), type="primary", key=keys.TRAIN_BUTTON):
    trained = train_now(request)
    if trained is not None and record_run(st.session_state, trained):
        st.toast(T("train.dropped", most=MAX_RUNS))
if keys.TRAIN_RESULT in st.session_state:
    show_result(st.session_state[keys.TRAIN_RESULT])
else:
    st.info(T("train.start"))
