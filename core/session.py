"""Per-user session helpers that need no streamlit: the pages pass their ``st.session_state``."""
from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from core import state_keys as keys
from core.io import LoadedSeries, load_series

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_SAMPLE = "AirPassengers.csv"


def sample_files() -> list[str]:
    """CSV samples shipped in ``data/``, AirPassengers first."""
    names = sorted(path.name for path in DATA_DIR.glob("*.csv"))
    return sorted(names, key=lambda name: name != DEFAULT_SAMPLE)


def sample_bytes(name: str = DEFAULT_SAMPLE) -> bytes:
    if name not in sample_files():
        raise ValueError(f"No shipped sample called '{name}'.")
    return (DATA_DIR / name).read_bytes()


def ensure_series(state: MutableMapping[str, Any]) -> LoadedSeries:
    """The series in use; AirPassengers when the session has none yet (a fresh tab, a test)."""
    if keys.DATA_SERIES not in state:
        state[keys.DATA_SERIES] = load_series(sample_bytes(), DEFAULT_SAMPLE)
        state[keys.DATA_SOURCE] = DEFAULT_SAMPLE
    state.setdefault(keys.DATA_TRAIN_FRACTION, 0.7)
    return state[keys.DATA_SERIES]  # type: ignore[no-any-return]
