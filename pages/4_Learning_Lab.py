"""Learning lab: how gradient descent, SGD and the optimizers reach the answer, on the loaded series."""
from __future__ import annotations

import streamlit as st

from core.ui import state_keys as keys
from core.lab.panels import LAB_MODELS, LESSONS, LabResults, LabSettings, race_curves, race_table, run_lab
from core.ui.lab_charts import log_lines, loss_curve, loss_surface
from core.ui.session import ensure_series
from core.ui.text import plain
from core.training.loop import OPTIMIZERS

st.set_page_config(page_title="Learning lab", page_icon="📈", layout="wide")


def read_settings() -> LabSettings:
    side, default = st.sidebar, LabSettings()
    side.header("Lab settings")
    model = side.selectbox("Model", list(LAB_MODELS), format_func=LAB_MODELS.get, key=keys.LAB_MODEL,
                           help="The model every panel trains (the landscape always uses the trend line).")
    optimizer = side.selectbox("Optimizer (landscape, exact answer, normalize)", OPTIMIZERS,
                               index=OPTIMIZERS.index(default.optimizer), key=keys.LAB_OPTIMIZER,
                               help="Which optimizer draws the path on the landscape and the gap curves.")
    lr = side.number_input("Learning rate", 1e-5, 10.0, default.lr, format="%.4g", key=keys.LAB_LR,
                           help="Step size for that optimizer and for the batch comparison (plain SGD).")
    epochs = side.slider("Epochs", 5, 300, default.epochs, key=keys.LAB_EPOCHS, help="Passes over the training rows.")
    batch = side.slider("Mini-batch size", 2, 64, default.batch_size, key=keys.LAB_BATCH, help="Rows per mini-batch.")
    race = side.multiselect("Optimizers in the race", OPTIMIZERS, default=list(default.race), key=keys.LAB_RACE,
                            help="Each runs at its own default learning rate.")
    scale = side.select_slider("Race learning-rate multiplier", [0.1, 0.3, 1.0, 3.0, 10.0, 30.0], default.race_lr_scale,
                               key=keys.LAB_RACE_SCALE, help="Scale every racer's learning rate; large values diverge.")
    hidden = side.slider("Hidden units (backpropagation)", 1, 16, default.hidden, key=keys.LAB_HIDDEN)
    seed = side.number_input("Seed", 0, 2**31 - 1, default.seed, key=keys.LAB_SEED, help="Same seed, same curves.")
    return LabSettings(model=model, optimizer=optimizer, lr=float(lr), epochs=int(epochs), batch_size=int(batch),
                       race=tuple(race), race_lr_scale=float(scale), hidden=int(hidden), seed=int(seed))


def show(results: LabResults) -> None:
    st.subheader("1. Loss landscape")
    st.caption(LESSONS["landscape"])
    left, right = st.columns(2)
    left.altair_chart(loss_curve(results.landscape), width="stretch")
    right.altair_chart(loss_surface(results.landscape), width="stretch")
    st.subheader("2. Gradient descent, SGD and mini-batches")
    st.caption(LESSONS["batches"])
    left, right = st.columns(2)
    left.altair_chart(log_lines(results.batches, "update", "loss", "mode", "update", "training loss",
                                         log_x=True), width="stretch")
    right.altair_chart(log_lines(results.batches, "epoch", "loss", "mode", "pass over the data", "training loss"),
                       width="stretch")
    st.subheader("3. Optimizer race")
    st.caption(LESSONS["race"])
    st.altair_chart(log_lines(race_curves(results.race), "step", "loss", "optimizer", "epoch", "training loss"),
                    width="stretch")
    st.dataframe(race_table(results.race), hide_index=True, width="stretch")
    st.subheader("4. Backpropagation by hand")
    st.caption(LESSONS["backprop"])
    report = results.backprop
    verdict = "agree" if report.agree else "DISAGREE"
    st.markdown(f"Hand-written vs autograd gradients **{verdict}**: largest absolute difference " +
                ", ".join(f"{name} {value:.1e}" for name, value in report.max_abs_diff.items()) + ".")
    st.dataframe(report.chain, hide_index=True, width="stretch")
    st.subheader("5. Exact answer vs descent")
    st.caption(LESSONS["exact"])
    gaps, diverged = results.exact
    st.altair_chart(log_lines(gaps.assign(run=results.settings.optimizer), "epoch", "gap", "run", "epoch",
                              "relative gap to least squares"), width="stretch")
    if diverged:
        st.warning(f"{results.settings.optimizer} diverged at step {diverged}: lower the learning rate.")
    st.subheader("6. Why normalize")
    st.caption(LESSONS["normalize"])
    curves, broke = results.normalize
    st.altair_chart(log_lines(curves, "epoch", "gap", "run", "epoch", "relative gap to least squares"), width="stretch")
    for name, step in broke.items():
        if step:
            st.markdown(f"- **{name}**: diverged at step {step}.")
    st.subheader("7. Why vectorize")
    st.caption(LESSONS["vectorize"])
    timing = results.vectorize
    cols = st.columns(3)
    cols[0].metric("Python loop", f"{timing.loop_seconds * 1000:,.1f} ms")
    cols[1].metric("Vectorized (NumPy)", f"{timing.vector_seconds * 1000:,.2f} ms")
    cols[2].metric("Speed-up", f"{timing.ratio:,.0f}x", help=f"Gradient over {timing.n:,} values, on this machine.")


series = ensure_series(st.session_state)
st.title("Learning lab")
source = st.session_state[keys.DATA_SOURCE]
settings = read_settings()
stored = st.session_state.get(keys.LAB_RESULTS)
pressed = st.sidebar.button("Run all panels", type="primary", key=keys.LAB_RUN, help="Recompute with these settings.")
fraction = st.session_state[keys.DATA_TRAIN_FRACTION]
if pressed or stored is None or stored[:3] != (source, len(series.frame), fraction):
    with st.spinner("Training the lab's models..."):
        try:
            stored = (source, len(series.frame), fraction, run_lab(series.frame, series.frequency, settings, fraction))
            st.session_state[keys.LAB_RESULTS] = stored
        except ValueError as problem:
            st.error(plain(problem))
if stored is not None:
    results: LabResults = stored[3]
    thinned = " Training rows were thinned evenly to 2,000 for the per-step traces." if results.data.subsampled else ""
    st.caption(f"On {plain(source)}: {len(results.data.y):,} training rows, features {', '.join(results.data.names)}; "
               f"computed in {sum(results.seconds.values()):.1f} s.{thinned}")
    if results.settings != settings:
        st.info("Settings changed: press **Run all panels** to recompute.")
    show(results)
