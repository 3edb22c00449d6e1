"""Train page: pick a model and its settings, train, see predictions against actuals."""
from __future__ import annotations

import streamlit as st

from core import state_keys as keys
from core.charts import loss_chart, prediction_chart, residual_chart
from core.checkpoint import checkpoint_bytes
from core.devices import available_devices
from core.explain import auto_summary, describe_coefficients, metrics_table
from core.pipeline import RunRequest, RunResult, run
from core.registry import MODEL_HELP, MODEL_NAMES, TORCH_MODELS, ModelSettings, default_training
from core.session import computed_once, ensure_series, record_run
from core.training import BATCH_MODES, OPTIMIZERS, TrainConfig
from core.urlstate import TRAIN_FIELDS, parse_query, to_query

URL_TO_KEY = {"model": keys.TRAIN_MODEL_WIDGET, "seed": keys.TRAIN_SEED, "degree": keys.TRAIN_DEGREE,
              "hidden": keys.TRAIN_HIDDEN, "lags": keys.TRAIN_LAGS, "fourier": keys.TRAIN_FOURIER}
TRAINING_FIELDS = ("optimizer", "lr", "epochs", "batch")


def apply_url(season: int) -> None:
    """Defaults, overridden once per session by a shared link's settings."""
    state = st.session_state
    defaults = {keys.TRAIN_MODEL_WIDGET: "linear", keys.TRAIN_SEED: 0, keys.TRAIN_DEGREE: 3,
                keys.TRAIN_HIDDEN: 16, keys.TRAIN_LAGS: max(season, 2), keys.TRAIN_FOURIER: 0}
    if not state.get(keys.TRAIN_URL_APPLIED):
        state[keys.TRAIN_URL_APPLIED] = True
        wanted = parse_query(st.query_params, TRAIN_FIELDS)
        defaults.update({URL_TO_KEY[name]: value for name, value in wanted.items() if name in URL_TO_KEY})
        model = str(wanted.get("model", "linear"))
        for name in TRAINING_FIELDS:
            if name in wanted and model in TORCH_MODELS:
                state[keys.train_setting(model, name)] = wanted[name]
    for key, value in defaults.items():
        state.setdefault(key, value)


def read_training(model: str) -> TrainConfig | None:
    if model not in TORCH_MODELS:
        return None
    default, key = default_training(model), lambda name: keys.train_setting(model, name)
    for name, value in (("optimizer", default.optimizer), ("lr", default.learning_rate()),
                        ("epochs", default.epochs), ("batch", default.batch), ("batch_size", 16)):
        st.session_state.setdefault(key(name), value)
    with st.sidebar.expander("Training", expanded=False):
        optimizer = st.selectbox("Optimizer", OPTIMIZERS, key=key("optimizer"),
                                 help="LBFGS solves linear models in a few steps; Adam suits the network.")
        lr = st.number_input("Learning rate", 1e-5, 10.0, format="%.4g", key=key("lr"),
                             help="Step size on z-scored data; too large a step diverges.")
        epochs = st.number_input("Epochs", 1, 100_000, key=key("epochs"),
                                 help="At most this many passes over the training rows; stops early once converged.")
        batch = st.selectbox("Batch mode", BATCH_MODES, key=key("batch"),
                             help="full: all rows per update; mini: batches; single: one row per update.")
        size = st.number_input("Batch size", 1, 4096, key=key("batch_size"), help="Rows per update in mini mode.")
    return default.with_(optimizer=optimizer, lr=float(lr), epochs=int(epochs), batch=batch, batch_size=int(size))


def read_settings(model: str, regressors: list[str]) -> ModelSettings:
    side = st.sidebar
    degree = side.slider("Degree", 1, 10, key=keys.TRAIN_DEGREE, help="Highest power of x.") if model == "poly" else 3
    fourier = side.slider("Fourier pairs", 0, 6, key=keys.TRAIN_FOURIER, help="Sine/cosine pairs at the season "
                          "length, on top of the season terms.") if model in ("multi", "mlp") else 0
    hidden = side.slider("Hidden units", 1, 256, key=keys.TRAIN_HIDDEN, help="Width of the hidden layer.") \
        if model == "mlp" else 16
    lags = side.slider("Lags", 1, 60, key=keys.TRAIN_LAGS, help="How many previous values the model sees.") \
        if model == "ar" else None
    seed = side.number_input("Seed", 0, 2**31 - 1, key=keys.TRAIN_SEED, help="Same seed, same numbers.")
    device = side.selectbox("Device", ["auto", *available_devices()], key=keys.TRAIN_DEVICE,
                            help="auto takes the GPU when there is one; only devices this machine has are listed.")
    return ModelSettings(degree=degree, hidden=hidden, lags=lags, fourier_order=fourier, regressors=tuple(regressors),
                         training=read_training(model), seed=int(seed), device=device)


def write_url(request: RunRequest) -> None:
    settings, training = request.settings, request.settings.training
    values: dict[str, object] = {"model": request.model, "seed": settings.seed}
    values.update({"poly": {"degree": settings.degree}, "mlp": {"hidden": settings.hidden, "fourier": settings.fourier_order},
                   "multi": {"fourier": settings.fourier_order}, "ar": {"lags": settings.lags}}.get(request.model, {}))
    if training is not None:
        values.update(optimizer=training.optimizer, lr=training.learning_rate(), epochs=training.epochs, batch=training.batch)
    st.query_params.from_dict(to_query(values))


def train_now(request: RunRequest) -> RunResult | None:
    epochs = (request.settings.training or default_training(request.model)).epochs
    progress, live = st.progress(0.0, text="Training..."), st.empty()
    losses: list[float] = []

    def on_epoch(epoch: int, loss: float) -> None:
        losses.append(loss)
        if epoch % max(1, epochs // 40) == 0:
            progress.progress(min(epoch / epochs, 1.0), text=f"Epoch {epoch} of at most {epochs}")
            live.altair_chart(loss_chart(losses), width="stretch")

    try:
        return run(series.frame, series.frequency, request, on_epoch, series.future)
    except ValueError as problem:
        st.error(str(problem))
        return None
    finally:
        progress.empty()
        live.empty()


def show_result(result: RunResult) -> None:
    request = result.request
    st.subheader(f"{request.model}: actual vs predicted")
    st.altair_chart(prediction_chart(result.predictions, series.target), width="stretch")
    left, right = st.columns([2, 3])
    left.dataframe(metrics_table(result.metrics), width="stretch")
    gap = result.closed_form_gap
    right.metric("Gap to the exact least-squares fit", "n/a" if gap is None else f"{gap:.2e}",
                 help="How far the trained training loss is above the closed-form optimum, relative to it.")
    right.caption(f"Fitted in {result.fit_seconds:.3f} s on {result.device}; "
                  f"train fraction {request.train_fraction:.2f}. Metrics in original units.")
    if result.losses:
        right.altair_chart(loss_chart(result.losses), width="stretch")
    st.altair_chart(residual_chart(result.predictions), width="stretch")
    if result.coefficients:
        with st.expander("What the model learned", expanded=True):
            st.markdown("\n".join(f"- {line}" for line in
                                  describe_coefficients(result.coefficients, series.frequency, series.target)))
    if "leaderboard" in result.params:
        st.info(auto_summary(result.params))
        with st.expander("Backtest leaderboard behind the choice"):
            st.dataframe(result.params["leaderboard"], width="stretch",
                         column_config={"backtest_score": st.column_config.NumberColumn(
                             "backtest error / seasonal-naive error", format="%.3f")})
    name = f"{request.model}-seed{request.settings.seed}"
    a, b = st.columns(2)
    a.download_button("Download predictions (CSV)", result.predictions.to_csv(index=False), f"{name}.csv",
                      "text/csv", key="train.download_csv")
    model_file = computed_once(st.session_state, keys.TRAIN_MODEL_FILE, result,
                               lambda: checkpoint_bytes(result.forecaster))
    b.download_button("Download model (.pt)", model_file, f"{name}.pt", "application/octet-stream",
                      key="train.download_model",
                      help="Weights and scaling statistics; opens with torch.load(weights_only=True) on any CPU.")


st.set_page_config(page_title="Train", page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
apply_url(series.frequency.season_length)
st.title("Train a model")
st.caption(f"Series: {st.session_state[keys.DATA_SOURCE]} ({len(series.frame):,} rows, {series.frequency.name}); "
           f"train fraction {st.session_state[keys.DATA_TRAIN_FRACTION]:.2f} (set on Data).")
model = st.sidebar.selectbox("Model", MODEL_NAMES, key=keys.TRAIN_MODEL_WIDGET,
                             format_func=lambda name: f"{name}: {MODEL_HELP[name]}",
                             help="Each model's own settings appear below it.")
request = RunRequest(model=model, settings=read_settings(model, series.regressors),
                     train_fraction=st.session_state[keys.DATA_TRAIN_FRACTION])
write_url(request)
if st.button("Train", type="primary", key=keys.TRAIN_BUTTON, help="Fit the model on the training rows."):
    trained = train_now(request)
    if trained is not None:
        record_run(st.session_state, trained)
if keys.TRAIN_RESULT in st.session_state:
    show_result(st.session_state[keys.TRAIN_RESULT])
else:
    st.info("Choose a model in the sidebar and press **Train**.")
