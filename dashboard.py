"""Entry point: `streamlit run dashboard.py` opens the Data page with AirPassengers loaded."""
from __future__ import annotations

import streamlit as st

from core.session import ensure_series

st.set_page_config(page_title="Time-series regression", page_icon="📈", layout="wide")
ensure_series(st.session_state)
navigation = st.navigation([
    st.Page("pages/0_Data.py", title="Data", icon=":material/table_chart:", default=True),
    st.Page("pages/1_Train.py", title="Train", icon=":material/model_training:", url_path="train"),
    st.Page("pages/2_Compare.py", title="Compare", icon=":material/leaderboard:", url_path="compare"),
    st.Page("pages/3_Forecast.py", title="Forecast", icon=":material/timeline:", url_path="forecast"),
])
navigation.run()
