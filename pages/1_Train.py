"""Train page: pick a model and its settings, train, see predictions against actuals."""
from __future__ import annotations

import streamlit as st

from core import state_keys as keys
from core.charts import loss_chart, prediction_chart, residual_chart
from core.checkpoint import checkpoint_bytes
from core.devices import available_devices
from core.explain import describe_coefficients, metrics_table
from core.pipeline import RunRequest, RunResult, run
from core.session import ensure_series
from core.registry import MODEL_HELP, MODEL_NAMES, ModelSettings, default_training
from core.training import BATCH_MODES, OPTIMIZERS, TrainConfig

st.set_page_config(page_title="Train", page_icon="📈", layout="wide")
TORCH_MODELS = ("linear", "poly", "multi", "mlp", "ar")


def read_training(model: str) -> TrainConfig | None:
    if model not in TORCH_MODELS:
        return None
    default = default_training(model)
    with st.sidebar.expander("Training", expanded=False):
        optimizer = st.selectbox("Optimizer", OPTIMIZERS, index=OPTIMIZERS.index(default.optimizer),
                                 help="LBFGS solves linear models in a few steps; Adam suits the network.")
        lr = st.number_input("Learning rate", 1e-5, 10.0, default.learning_rate(), format="%.4g",
                             help="Step size on z-scored data; too large a step diverges.")
        epochs = st.number_input("Epochs", 1, 100_000, default.epochs, help="Passes over the training rows.")
        batch = st.selectbox("Batch mode", BATCH_MODES, help="full: all rows per update; mini: batches; single: one row.")
        size = st.number_input("Batch size", 1, 4096, 16, help="Rows per update in mini-batch mode.")
    return default.with_(optimizer=optimizer, lr=float(lr), epochs=int(epochs), batch=batch, batch_size=int(size))


def read_settings(model: str, regressors: list[str], season: int) -> ModelSettings:
    side = st.sidebar
    degree = side.slider("Degree", 1, 10, 3, help="Highest power of x.") if model == "poly" else 3
    fourier = (side.slider("Fourier pairs", 0, 6, 0, help="Sine/cosine pairs at the season length, on top of "
                           "the season terms.") if model in ("multi", "mlp") else 0)
    hidden = side.slider("Hidden units", 1, 256, 16, help="Width of the hidden layer.") if model == "mlp" else 16
    lags = (side.slider("Lags", 1, 60, max(season, 2), help="How many previous values the model sees.")
            if model == "ar" else None)
    seed = side.number_input("Seed", 0, 2**31 - 1, 0, help="Same seed, same numbers.")
    devices = available_devices()
    device = side.selectbox("Device", ["auto", *devices], help="auto takes the GPU when there is one.")
    return ModelSettings(degree=degree, hidden=hidden, lags=lags, fourier_order=fourier,
                         regressors=tuple(regressors), training=read_training(model), seed=int(seed), device=device)


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
    right.caption(f"Fitted in {result.fit_seconds:.2f} s on {result.device}. Metrics in original units.")
    if result.losses:
        right.altair_chart(loss_chart(result.losses), width="stretch")
    st.altair_chart(residual_chart(result.predictions), width="stretch")
    if result.coefficients:
        with st.expander("What the model learned", expanded=True):
            for line in describe_coefficients(result.coefficients, series.frequency, series.target):
                st.markdown(f"- {line}")
    if "chosen" in result.params:
        st.info(f"auto chose **{result.params['chosen']}** (lowest error on the end of the training rows).")
    name = f"{request.model}-seed{request.settings.seed}"
    a, b = st.columns(2)
    a.download_button("Download predictions (CSV)", result.predictions.to_csv(index=False), f"{name}.csv",
                      "text/csv", key="train.download_csv")
    b.download_button("Download model (.pt)", checkpoint_bytes(result.forecaster), f"{name}.pt",
                      "application/octet-stream", key="train.download_model",
                      help="Weights and scaling statistics; opens with torch.load(weights_only=True) on any CPU.")




series = ensure_series(st.session_state)
st.title("Train a model")
st.caption(f"Series: {st.session_state[keys.DATA_SOURCE]} ({len(series.frame):,} rows, {series.frequency.name}); "
           f"train fraction {st.session_state[keys.DATA_TRAIN_FRACTION]:.2f}.")
model = st.sidebar.selectbox("Model", MODEL_NAMES, key=keys.TRAIN_MODEL_WIDGET,
                             format_func=lambda name: f"{name}: {MODEL_HELP[name]}",
                             help="Each model's own settings appear below it.")
settings = read_settings(model, series.regressors, series.frequency.season_length)
request = RunRequest(model=model, settings=settings, train_fraction=st.session_state[keys.DATA_TRAIN_FRACTION])
if st.button("Train", type="primary", key=keys.TRAIN_BUTTON, help="Fit the model on the training rows."):
    trained = train_now(request)
    if trained is not None:
        st.session_state[keys.TRAIN_RESULT] = trained
if keys.TRAIN_RESULT in st.session_state:
    show_result(st.session_state[keys.TRAIN_RESULT])
else:
    st.info("Choose a model in the sidebar and press **Train**.")
