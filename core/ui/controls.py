"""Which widget each setting of the model table gets, and with what, so the Train page names no setting."""
from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

from core.data.frequency import Frequency
from core.evaluation.pipeline import RunRequest, horizon_limit
from core.i18n import core_text, quoted_list, t
from core.models.specs import (SEED, TRAINING_SETTINGS, ModelSettings, ModelSpec, Setting, model_names,
                               regressor_users, spec_for, training_values)
from core.training.loop import DEFAULT_LR, TrainConfig
from core.ui.text import plain
from core.ui import state_keys as keys
from core.ui.urlstate import train_query

SLIDER_SPAN = 300  # integer settings with a range this narrow get a slider, wider ones a number box


PAGE_HORIZON = 1000  # the most steps the Forecast page's horizon widget offers


def horizon_widget_most() -> int:
    """The Forecast page's largest horizon: ``PAGE_HORIZON``, or TSR_MAX_HORIZON when that is lower (the widget offered
    1,000 steps under a limit of 50, then refused them). A value of TSR_MAX_HORIZON that is no number leaves the widget
    as it is: the forecast's own check names the variable."""
    try:
        return min(PAGE_HORIZON, horizon_limit())
    except ValueError:
        return PAGE_HORIZON


def model_caption(spec: ModelSpec, regressors: list[str], lang: str = "en") -> str:
    """What the model does, in ``lang``, and that it leaves the chosen regressors out when it uses none (the command
    line says so too), their names escaped (Markdown: 'cost ($)' began a formula)."""
    caption = core_text(f"model.{spec.name}", lang, spec.help)
    if not regressors or spec.uses_regressors:
        return caption
    unused = t("train.regressors_unused", lang, names=plain(quoted_list(regressors, lang)),
               users=regressor_users(t("list.separator", lang)))
    return caption + ("" if lang == "zh" else " ") + unused


def setting_widget(container: Any, setting: Setting, key: str, lang: str = "en") -> object:
    """The widget for one setting of the model table in ``container`` (the sidebar, an expander, a page), labelled in
    ``lang``: ``setting_control``'s kind of widget called with its arguments."""
    kind, arguments = setting_control(setting, lang)
    if kind == "number_input":
        return checked_number(container, setting, key, arguments, lang)
    return getattr(container, kind)(key=key, **arguments)


def checked_number(container: Any, setting: Setting, key: str, texts: Mapping[str, Any], lang: str = "en") -> Any:
    """A number box for ``setting`` labelled by ``texts``, without a range of its own, and under it, when its value
    is outside the setting's range, what ``out_of_range`` says (the run refuses the value: ``specs.check_settings``)."""
    shape = {"format": "%.4g"} if setting.kind == "float" else {"step": 1}
    value = container.number_input(key=key, **{**shape, **texts})
    if problem := out_of_range(setting, value, lang):
        container.error(problem)
    return value


def out_of_range(setting: Setting, value: object, lang: str = "en") -> str | None:
    """What to say of ``value`` typed into ``setting``'s number box when it is outside the setting's range (the box has
    no range of its own: its check kept the last value under one typed out of range, and the run took that); None
    when it is inside."""
    try:
        setting.check(value)  # type: ignore[arg-type]
    except ValueError:  # SettingsError: outside the range, or no number (a box left empty)
        label = core_text(f"setting.{setting.name}", lang, setting.label)
        return t("setting.out_of_range", lang, setting=label, low=setting.shown(setting.low),  # type: ignore[arg-type]
                 high=setting.shown(setting.high))  # type: ignore[arg-type]
    return None


def setting_control(setting: Setting, lang: str = "en") -> tuple[str, dict[str, Any]]:
    """The Streamlit widget for ``setting`` (``selectbox``, ``slider`` or ``number_input``) and its arguments
    (choices or range, label and help in ``lang``)."""
    texts = {"label": core_text(f"setting.{setting.name}", lang, setting.label),
             "help": core_text(f"setting.{setting.name}_help", lang, setting.help)}
    if setting.kind == "choice":  # a choice in words where the catalog has them (batch: full, mini, single)
        return "selectbox", {"options": setting.choices, **texts,
                             "format_func": lambda choice: core_text(f"choice.{choice}", lang, str(choice))}
    low, high = float(setting.low), float(setting.high)  # type: ignore[arg-type]
    if setting.kind == "int":  # a number box without a range: ``setting_widget`` checks it
        return ("slider", {"min_value": int(low), "max_value": int(high), **texts}) if high - low <= SLIDER_SPAN \
            else ("number_input", texts)
    return "number_input", texts


def training_defaults(training: TrainConfig) -> dict[str, Any]:
    """A model's default training as the values of the Train page's training settings, by name."""
    return training_values(training)


def train_fields_of(state: Mapping[str, Any], frequency: Frequency, fraction: float) -> dict[str, str]:
    """The Train page's settings as it writes them in the URL (``train_query``) from the values its widgets hold in
    ``state`` (``start_settings``' where it has not been drawn): the model picked, its settings, its training, the
    seed."""
    model = state.get(keys.TRAIN_MODEL_WIDGET, model_names()[0])
    spec = spec_for(model)
    value = {name: state.get(keys.train_setting(model, name), start)
             for name, start in setting_starts(spec, frequency).items()}
    training = None if spec.training is None else spec.training.with_(
        **{setting.name: value[setting.name] for setting in TRAINING_SETTINGS})
    settings = ModelSettings(values={setting.name: value[setting.name] for setting in spec.settings},
                             training=training, seed=int(state.get(keys.TRAIN_SEED, SEED.initial(frequency))))
    return train_query(RunRequest(model, settings, train_fraction=fraction))


def start_settings(state: MutableMapping[str, Any], spec: ModelSpec, frequency: Frequency) -> None:
    """Puts the Train page's widgets for model ``spec`` where they start, unless ``state`` holds them already: its
    own settings at their defaults for a series of ``frequency``, its training settings at the model's default
    training. A setting still at the start it was put at moves to the start for ``frequency`` (another file's):
    ar kept AirPassengers' 12 lags on a weekly file (test MAE 17.5 -> 83.0), multi its 0 Fourier pairs; one the
    user set stays."""
    seen_key = keys.train_starts_seen(spec.name)
    seen: dict[str, Any] = state.get(seen_key, {})
    starts = setting_starts(spec, frequency)
    for name, start in starts.items():
        key = keys.train_setting(spec.name, name)
        if key not in state or (name in seen and state[key] == seen[name]):
            state[key] = start
    state[seen_key] = {name: start for name, start in starts.items()
                       if state[keys.train_setting(spec.name, name)] == start}
    if spec.training is not None:
        follow_optimizer(state, spec.name, spec.training)


def optimizer_rate(training: TrainConfig, optimizer: str) -> float:
    """The learning rate a model trained as ``training`` starts with under ``optimizer``: its own for its own
    optimizer, the optimizer's default (``DEFAULT_LR``) for another."""
    return training.learning_rate() if optimizer == training.optimizer else DEFAULT_LR[optimizer]


def follow_optimizer(state: MutableMapping[str, Any], model: str, training: TrainConfig) -> None:
    """The learning rate box of ``model`` moved to the optimizer chosen in ``state``, to or from L-BFGS, while it holds
    the rate set for the last one (its start, ``optimizer_rate``), untouched once the user typed another: sgd kept
    L-BFGS's rate 1, the edge of stability on z-scored rows, and a first run with it stopped 7.8 times above the exact
    loss. Between first-order optimizers a rate carries over (the network's 0.01 suits sgd, whose 0.1 diverged
    there). Before the first draw the last optimizer is the model's own (a link naming sgd without a rate)."""
    chosen, rate, seen_key = (keys.train_setting(model, "optimizer"), keys.train_setting(model, "lr"),
                              keys.train_optimizer_seen(model))
    now = state.get(chosen)
    if seen_key not in state:  # a rate already at the chosen optimizer's was set for it (a restored session)
        at_start = now in DEFAULT_LR and state.get(rate) == optimizer_rate(training, now)
        state[seen_key] = (now, state[rate]) if at_start else (training.optimizer, training.learning_rate())
    seen, set_rate = state[seen_key]
    if now != seen and "lbfgs" in (seen, now) and now in DEFAULT_LR and state.get(rate) == set_rate:
        set_rate = state[rate] = optimizer_rate(training, now)
    state[seen_key] = (now, set_rate)


def setting_starts(spec: ModelSpec, frequency: Frequency) -> dict[str, Any]:
    """Where the Train page's widgets for model ``spec`` start, by setting name: its own settings at their defaults
    for a series of ``frequency``, its training settings (if it trains with torch) at the model's default training."""
    starts = {setting.name: setting.initial(frequency) for setting in spec.settings}
    if spec.training is not None:
        starts.update(training_defaults(spec.training))
    return starts
