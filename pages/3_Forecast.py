"""Forecast page: refit a run on every row and forecast past the end, with a prediction band."""
from __future__ import annotations

import streamlit as st

from core.evaluation.pipeline import RunRequest, RunResult, forecast_run
from core.models.specs import ModelSettings
from core.ui import state_keys as keys
from core.data.quality import format_stamp
from core.ui.charts import forecast_chart, recent_window, time_formats
from core.ui.runs import run_label
from core.ui.session import ensure_series
from core.ui.text import plain
from core.ui.urlstate import FORECAST_FIELDS, parse_query, to_query

BAND_CAPTION = ("The shaded band is a 95% prediction interval: it widens with the steps ahead as the "
                "run's errors did when it forecast that far on its own training rows.")
st.set_page_config(page_title="Forecast", page_icon="📈", layout="wide")
series = ensure_series(st.session_state)
season = max(series.frequency.season_length, 1)
if not st.session_state.get(keys.FORECAST_URL_APPLIED):
    st.session_state[keys.FORECAST_URL_APPLIED] = True
    st.session_state.setdefault(keys.FORECAST_HORIZON,
                                parse_query(st.query_params, FORECAST_FIELDS).get("horizon", max(season, 12)))
st.title("Forecast")
runs: list[RunResult] = list(st.session_state.get(keys.TRAIN_RUNS, []))
labels = [run_label(i, r) for i, r in enumerate(runs)] or ["multi (default settings)"]
choices = dict(zip(labels, runs)) if runs else {}
left, right = st.columns([3, 2])
label = left.selectbox("Run to forecast with", labels, index=len(labels) - 1, key=keys.FORECAST_RUN,
                       help="The model and settings of a run from Train, refitted on every row.")
horizon = right.number_input("Horizon (steps)", 1, 1000, key=keys.FORECAST_HORIZON,
                             help=f"Steps past the end of the data ({series.frequency.name}).")
st.query_params.from_dict(to_query({"horizon": int(horizon)}))
if not runs:
    st.info("No runs yet: the default `multi` model is used. Train others on the **Train** page.")
if st.button("Forecast", type="primary", key=keys.FORECAST_BUTTON, help="Refit on all rows and forecast."):
    fraction = st.session_state[keys.DATA_TRAIN_FRACTION]
    default = RunRequest("multi", ModelSettings(regressors=tuple(series.regressors)), train_fraction=fraction)
    try:
        future = forecast_run(series.frame, series.frequency, int(horizon), choices.get(label), default, series.future)
        st.session_state[keys.FORECAST_RESULT] = (label, int(horizon), future)
    except ValueError as problem:
        st.error(plain(problem))
result = st.session_state.get(keys.FORECAST_RESULT)
if result is not None:
    shown_label, shown_horizon, future = result
    end = format_stamp(series.frame["ds"].iloc[-1], series.frequency)
    st.subheader(f"{plain(shown_label)}: {shown_horizon} steps past {end}")
    recent = recent_window(len(series.frame), season, shown_horizon)
    whole = st.checkbox(f"Show the whole history ({len(series.frame):,} rows)", key=keys.FORECAST_WHOLE_HISTORY,
                        help=f"By default the chart shows the last {recent:,} rows before the forecast.")
    st.altair_chart(forecast_chart(series.frame, future, series.target, series.frequency, None if whole else recent),
                    width="stretch")
    st.caption(BAND_CAPTION)
    st.dataframe(future[["ds", "predicted", "lower", "upper"]], hide_index=True, width="stretch",
                 column_config={"ds": st.column_config.DatetimeColumn("time", format=time_formats(series.frequency)[1])
                                if series.date_col else st.column_config.NumberColumn("step")})
    st.download_button("Download forecast (CSV)", future.to_csv(index=False), "forecast.csv", "text/csv",
                       key="forecast.download")
