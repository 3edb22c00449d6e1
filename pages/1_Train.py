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
from core.ui.session import MAX_RUNS, apply_train_url, computed_once, ensure_series, record_run
from core.ui.text import plain
from core.ui.urlstate import train_query

SLIDER_SPAN = 300  # integer settings with a range this narrow get a slider, wider ones a number box
MIN_LOSS_POINTS = 3  # fewer epochs (LBFGS often needs one or two) are said in words, not drawn


def setting_widget(container, setting: Setting, key: str) -> object:  # type: ignore[no-untyped-def]
    """The widget for one setting of the model table."""
    if setting.kind == "choice":
        return container.selectbox(setting.label, setting.choices, key=key, help=setting.help)
    if setting.kind == "int" and setting.high - setting.low <= SLIDER_SPAN:  # type: ignore[operator]
        return container.slider(setting.label, int(setting.low), int(setting.high), key=key, help=setting.help)
    if setting.kind == "int":
        return container.number_input(setting.label, int(setting.low), int(setting.high), key=key, help=setting.help)
    return container.number_input(setting.label, float(setting.low), float(setting.high), format="%.4g", key=key,
                                  help=setting.help)


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
        with side.expander("Training", expanded=False):
            chosen = {}
            for setting in TRAINING_SETTINGS:
                state.setdefault(keys.train_setting(spec.name, setting.name), defaults[setting.name])
                chosen[setting.name] = setting_widget(st, setting, keys.train_setting(spec.name, setting.name))
        training = spec.training.with_(**chosen)
    seed = setting_widget(side, SEED, keys.TRAIN_SEED)
    device = side.selectbox("Device", device_choices(), key=keys.TRAIN_DEVICE,
                            help="auto takes the GPU when there is one; only devices this machine has are listed.")
    return ModelSettings(values=values, regressors=tuple(regressors), training=training, seed=int(seed),  # type: ignore[arg-type]
                         device=device)


def train_now(request: RunRequest) -> RunResult | None:
    epochs = request.settings.training.epochs if request.settings.training else 1
    progress, live, redraw = st.progress(0.0, text="Training..."), st.empty(), EveryInterval(0.5)
    losses: list[float] = []

    def on_epoch(epoch: int, loss: float) -> None:
        losses.append(loss)
        if redraw.due():
            progress.progress(min(epoch / epochs, 1.0), text=f"Epoch {epoch} of at most {epochs}")
            live.altair_chart(loss_chart(losses), width="stretch")

    try:
        with training_slot(lambda slots: progress.progress(0.0, text=waiting_message(slots))):
            return run(series.frame, series.frequency, request, on_epoch, series.future)
    except ValueError as problem:
        st.error(plain(problem))
    except (ArithmeticError, LookupError, TypeError, AttributeError, RuntimeError) as bug:
        st.error(bug_message(bug))
    finally:
        progress.empty()
        live.empty()
    return None


def show_result(result: RunResult) -> None:
    request = result.request
    st.subheader(f"{request.model}: actual vs predicted")
    st.altair_chart(prediction_chart(result.predictions, series.target, series.frequency), width="stretch")
    left, right = st.columns([2, 3])
    left.dataframe(metrics_table(result.metrics), width="stretch")
    if result.closed_form_gap is not None:
        right.metric("Gap to the exact least-squares fit", f"{result.closed_form_gap:.2e}",
                     help="How far the trained training loss is above the closed-form optimum, relative to it.")
    if result.budget_note:
        st.warning(result.budget_note)
    right.caption(f"Fitted in {result.fit_seconds:.3f} s on {result.device}; "
                  f"train fraction {request.train_fraction:.2f}. Metrics in original units.")
    if len(result.losses) >= MIN_LOSS_POINTS:
        right.altair_chart(loss_chart(result.losses), width="stretch")
    elif result.losses:
        right.caption(f"Training took {len(result.losses)} epoch(s); final scaled loss {result.losses[-1]:.3e}.")
    st.altair_chart(residual_chart(result.predictions), width="stretch")
    if result.coefficients:
        with st.expander("What the model learned", expanded=True):
            n_train = int((result.predictions["split"] == "train").sum())
            lines = describe_coefficients(result.coefficients, series.frequency, series.target, n_train)
            st.markdown("\n".join(f"- {plain(line)}" for line in lines))
    for line in left_out_lines(result.params):
        st.info(plain(line))
    summary, candidates = selection_summary(result.params), selection_table(result.params)
    if summary:
        st.info(summary)
    if candidates:
        with st.expander("Backtest leaderboard behind the choice"):
            st.dataframe(candidates, width="stretch", column_config={"backtest_score": st.column_config.NumberColumn(
                "backtest error / seasonal-naive error", format="%.3f")})
    name = f"{request.model}-seed{request.settings.seed}"
    a, b = st.columns(2)
    a.download_button("Download predictions (CSV)", result.predictions.to_csv(index=False), f"{name}.csv",
                      "text/csv", key="train.download_csv")
    model_file = computed_once(st.session_state, keys.TRAIN_MODEL_FILE, result, lambda: model_bytes(result.forecaster))
    b.download_button("Download model (.pt)", model_file, f"{name}.pt", "application/octet-stream",
                      key="train.download_model",
                      help="The fitted model; opens with torch.load(weights_only=True) on any CPU.")


st.set_page_config(page_title="Train", page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
apply_train_url(st.session_state, st.query_params)
st.title("Train a model")
st.caption(f"Series: {plain(st.session_state[keys.DATA_SOURCE])} ({len(series.frame):,} rows, {series.frequency.name}); "
           f"train fraction {st.session_state[keys.DATA_TRAIN_FRACTION]:.2f} (set on Data).")
model = st.sidebar.selectbox("Model", model_names(), key=keys.TRAIN_MODEL_WIDGET,
                             help="Each model's own settings appear below it.")
st.sidebar.caption(spec_for(model).help)
request = RunRequest(model=model, settings=read_settings(spec_for(model), series.regressors),
                     train_fraction=st.session_state[keys.DATA_TRAIN_FRACTION])
st.query_params.from_dict(train_query(request))
if st.button("Train", type="primary", key=keys.TRAIN_BUTTON, help="Fit the model on the training rows."):
    trained = train_now(request)
    if trained is not None and record_run(st.session_state, trained):
        st.toast(f"Only the last {MAX_RUNS} runs are kept: the oldest was dropped.")
if keys.TRAIN_RESULT in st.session_state:
    show_result(st.session_state[keys.TRAIN_RESULT])
else:
    st.info("Choose a model in the sidebar and press **Train**.")
