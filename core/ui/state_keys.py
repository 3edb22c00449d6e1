"""Session-state keys, declared once and prefixed by page.

Keys that no widget owns carry data across pages (a widget's value is dropped when its page is
left); widget keys end in ``_widget`` or name the control.
"""

# Every page
APP_LANG = "app.lang"                    # the language this session settled on (URL, locale), for pages run alone
APP_DEEP_LINK = "app.deep_link"           # the page a fresh server's first deep link asked for (through dashboard.py)
APP_DEEP_LINK_DONE = "app.dashboard_ran"  # dashboard.py ran in this session (``through_dashboard``)
APP_LANG_WIDGET = "app.language"         # the sidebar's language selector (drawn by dashboard.py on every page)

# Data page (home)
DATA_SERIES = "data.series"              # LoadedSeries in use
DATA_SOURCE = "data.source"              # file name shown to the user
DATA_BYTES = "data.bytes"                # bytes of the file in use, to re-read with other choices
DATA_ERROR = "data.error"                # (file name, error) of the last loading problem, shown until a good load
DATA_UPLOAD_ID = "data.upload_id"        # id of the last upload handled, so reruns do not re-read it
DATA_TRAIN_FRACTION = "data.train_fraction"
DATA_QUALITY = "data.quality"            # (series, its QualitySummary): computed once per loaded series
DATA_URL_APPLIED = "data.url_applied"
DATA_URL_IGNORED = "data.url_ignored"    # a link's train fraction out of range or unreadable: said once
DATA_SESSION_KEY = "data.session_key"    # this session's key in the store and in the URL (?s=)
DATA_SESSION_OWNER = "data.session_owner"  # the browser that opened this session (``session.browser_id``)
DATA_SAVED = "data.saved"                # True once the store holds this session (the URL then carries its key)
DATA_SESSION_NOTE = "data.session_note"  # Note: what became of the session named in the URL (restored, expired)
DATA_RETRY = "data.retry"                # Retry: a file that failed on its columns, offered to read again with others
DATA_RETRY_DATE_WIDGET = "data.retry_date_col"
DATA_RETRY_TARGET_WIDGET = "data.retry_target"
DATA_PICKERS_FOR = "data.pickers_for"    # the LoadedSeries the column pickers were last set from
DATA_PANEL = "data.panel"                # Panel: the file's several series (None: it holds one)
DATA_PANEL_VIEW = "data.panel_view"      # unique_id of the panel's series in DATA_SERIES (shown, and trained alone)
DATA_KEPT_RESULTS = "data.kept_results"  # series id -> its runs and results while another series of the file is shown
DATA_RUNS_KEPT = "data.runs_kept"  # the series whose runs were kept when another was shown: said on the next run
DATA_RUNS_FORGOTTEN = "data.runs_forgotten"  # series id -> its oldest runs let go to keep MAX_RUNS: said next run
DATA_RUNS_CLEARED = "data.runs_cleared"  # True after reading another file cleared the runs: said on the next run
DATA_UPLOAD_WIDGET = "data.upload"
DATA_SAMPLE_WIDGET = "data.sample"
DATA_FRACTION_WIDGET = "data.fraction_slider"
DATA_DATE_WIDGET = "data.date_col"
DATA_TARGET_WIDGET = "data.target"
DATA_REGRESSORS_WIDGET = "data.regressors"
DATA_MISSING_WIDGET = "data.missing"
DATA_DUPLICATES_WIDGET = "data.duplicates"
DATA_GAPS_WIDGET = "data.fill_gaps"
DATA_PER_WIDGET = "data.per"
DATA_DECIMAL_WIDGET = "data.decimal"
DATA_ORDER_WIDGET = "data.date_order"
DATA_ID_WIDGET = "data.id_cols"
DATA_ALL_TARGETS_WIDGET = "data.all_targets"
DATA_VIEW_WIDGET = "data.view_series"
DATA_CHOICE_WIDGETS = (DATA_DATE_WIDGET, DATA_TARGET_WIDGET, DATA_REGRESSORS_WIDGET, DATA_MISSING_WIDGET,
                       DATA_DUPLICATES_WIDGET, DATA_GAPS_WIDGET, DATA_ORDER_WIDGET, DATA_PER_WIDGET,
                       DATA_DECIMAL_WIDGET)

# Train page
TRAIN_RESULT = "train.result"            # RunResult of the last Train press
TRAIN_MODEL_FILE = "train.model_file"    # (result, .pt bytes): serialized once per run
TRAIN_ALL_CSV = "train.all_csv"          # (run over all series, its predictions CSV): written once per run
TRAIN_RUNS = "train.runs"                # every RunResult of this session on the current series
TRAIN_URL_APPLIED = "train.url_applied"
TRAIN_URL_IGNORED = "train.url_ignored"  # a link's settings out of range: said once on the Train page
TRAIN_MODEL_WIDGET = "train.model"
TRAIN_BUTTON = "train.run"
TRAIN_SEED = "train.seed"
TRAIN_DEVICE = "train.device"
TRAIN_PANEL_RUNS = "train.panel_runs"    # every PanelRun (all series) of this session on the current file
TRAIN_ALL_BUTTON = "train.all"
TRAIN_STOP = "train.stop"
TRAIN_UNDER_WAY = "train.under_way"      # the model and the losses so far of a training still running
TRAIN_ALL_SERIES = "train.all_series"    # the series whose predictions the all-series result draws


def train_optimizer_seen(model: str) -> str:
    """The optimizer a model's learning rate box was last drawn for, and the rate set for it
    (``controls.follow_optimizer``); no page setting."""
    return f"seen.train.{model}.optimizer"


def train_starts_seen(model: str) -> str:
    """The starts a model's own settings were last put at, by setting (``controls.start_settings``); no page
    setting."""
    return f"seen.train.{model}.starts"


def train_setting(model: str, name: str) -> str:
    """A model's setting widget (its own settings and its training): per model, so each model keeps
    its own values and defaults (LBFGS vs Adam)."""
    return f"train.{model}.{name}"


# Compare page
COMPARE_SELECTED = "compare.selected"
COMPARE_BASELINES = "compare.baselines"  # (fraction, [RunResult]) of naive and snaive
COMPARE_DEFAULT_FOR = "compare.default_for"  # the run labels the overlay's default choice was made for
FORECAST_WHOLE_HISTORY = "forecast.whole_history"

# Forecast page
FORECAST_RUN = "forecast.run"
FORECAST_RUN_FOR = "forecast.run_for"    # the runs' labels the run picker's value was picked among
FORECAST_HORIZON = "forecast.horizon"
FORECAST_BUTTON = "forecast.go"
FORECAST_RESULT = "forecast.result"      # (label, or None for the default run, horizon, frame)
FORECAST_REFIT = "forecast.refit"        # (series, request less its horizon, Refit): kept while the horizon changes
FORECAST_URL_APPLIED = "forecast.url_applied"
FORECAST_FUTURE_ROWS = "forecast.future_rows"  # the future regressor rows the horizon started from
FORECAST_PANEL = "forecast.panel"        # PanelRun of forecasts of every series
FORECAST_ALL_BUTTON = "forecast.all"
FORECAST_ALL_SERIES = "forecast.all_series"

# Learning lab
LAB_RESULTS = "lab.results"              # (the series it was run on, train fraction, LabResults)
LAB_RUN = "lab.run"
LAB_MODEL = "lab.model"
LAB_OPTIMIZER = "lab.optimizer"
LAB_LR = "lab.lr"
LAB_EPOCHS = "lab.epochs"
LAB_BATCH = "lab.batch_size"
LAB_RACE = "lab.race"
LAB_RACE_SCALE = "lab.race_scale"
LAB_HIDDEN = "lab.hidden"
LAB_SEED = "lab.seed"

# The pages' setting widgets whose values outlive a visit to another page (``core.ui.session.keep_page_settings``);
# a model's own settings (``train_setting``) too. Buttons and pickers whose choices change with the data are not here,
# but for the Forecast page's run picker, which ``core.ui.session.pick_run`` puts back on the newest run when they do,
# and the "Series to draw" pickers, which ``core.ui.panel_runs.drawable`` checks against the series a run fitted.
PAGE_SETTINGS = (TRAIN_MODEL_WIDGET, TRAIN_SEED, TRAIN_DEVICE, FORECAST_HORIZON, FORECAST_RUN, LAB_MODEL, LAB_OPTIMIZER,
                 LAB_LR, LAB_EPOCHS, LAB_BATCH, LAB_RACE, LAB_RACE_SCALE, LAB_HIDDEN, LAB_SEED, TRAIN_ALL_SERIES,
                 FORECAST_ALL_SERIES)


def is_page_setting(key: str) -> bool:
    """Whether ``key`` is one of ``PAGE_SETTINGS`` or a model's setting (``train.<model>.<setting>``)."""
    return key in PAGE_SETTINGS or (key.startswith("train.") and key.count(".") == 2)
