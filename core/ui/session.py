"""Per-user session helpers that need no streamlit: the pages pass their ``st.session_state``."""
from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any, TypeVar

from core.data.quality import QualitySummary, summarize
from core.data.tidy import LoadedSeries, load_series
from core.ui import state_keys as keys
from core.ui.urlstate import DATA_FIELDS, parse_query, parse_train_query

T = TypeVar("T")
DATA_DIR = Path(__file__).resolve().parents[2] / "data"  # the samples shipped beside dashboard.py
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


def computed_once(state: MutableMapping[str, Any], key: str, owner: Any, compute: Callable[[], T]) -> T:
    """``compute()`` for ``owner``, kept under ``key`` until another owner asks (reruns reuse it)."""
    cached = state.get(key)
    if cached is None or cached[0] is not owner:
        cached = (owner, compute())
        state[key] = cached
    return cached[1]  # type: ignore[no-any-return]


def quality_of(state: MutableMapping[str, Any], series: LoadedSeries) -> QualitySummary:
    """The quality summary of ``series``, computed once per loaded series."""
    return computed_once(state, keys.DATA_QUALITY, series, lambda: summarize(series))


RESULT_KEYS = (keys.TRAIN_RESULT, keys.TRAIN_RUNS, keys.COMPARE_BASELINES, keys.FORECAST_RESULT)


def remember_series(state: MutableMapping[str, Any], series: LoadedSeries, name: str, data: bytes) -> bool:
    """Make ``series`` the one in use; drop runs made on other data. True when runs were dropped."""
    dropped = bool(state.get(keys.TRAIN_RUNS))
    for key in RESULT_KEYS:
        state.pop(key, None)
    state.update({keys.DATA_SERIES: series, keys.DATA_SOURCE: name, keys.DATA_BYTES: data, keys.DATA_ERROR: None})
    return dropped


MAX_RUNS = 30  # runs a session keeps; older ones are dropped (each holds its predictions and model)


def record_run(state: MutableMapping[str, Any], result: Any) -> bool:
    """Keep ``result`` as the latest run and add it to the session's runs; True when the oldest
    run was dropped to stay within ``MAX_RUNS``."""
    state[keys.TRAIN_RESULT] = result
    runs = state.setdefault(keys.TRAIN_RUNS, [])
    runs.append(result)
    if len(runs) <= MAX_RUNS:
        return False
    del runs[0]
    return True


def apply_fraction_url(state: MutableMapping[str, Any], params: Mapping[str, str]) -> None:
    """The train fraction of a shared link, once per session, whichever page it opens."""
    if not state.get(keys.DATA_URL_APPLIED):
        state[keys.DATA_URL_APPLIED] = True
        fraction = parse_query(params, DATA_FIELDS).get("fraction")
        if fraction is not None:
            state[keys.DATA_TRAIN_FRACTION] = fraction


def apply_train_url(state: MutableMapping[str, Any], params: Mapping[str, str]) -> None:
    """A shared Train link's model and settings, once per session (later reruns keep the widgets' own)."""
    apply_fraction_url(state, params)
    if state.get(keys.TRAIN_URL_APPLIED):
        return
    state[keys.TRAIN_URL_APPLIED] = True
    wanted = parse_train_query(params)
    if wanted.model is None:
        return
    state[keys.TRAIN_MODEL_WIDGET] = wanted.model
    if wanted.seed is not None:
        state[keys.TRAIN_SEED] = wanted.seed
    for name, value in {**wanted.values, **wanted.training}.items():
        state[keys.train_setting(wanted.model, name)] = value
