"""Session-state keys, declared once and prefixed by page. Keys no widget owns carry data across pages."""

DATA_SERIES = "data.series"            # LoadedSeries in use
DATA_SOURCE = "data.source"            # file name shown to the user
DATA_ERROR = "data.error"              # last loading problem, shown until the next good load
DATA_TRAIN_FRACTION = "data.train_fraction"
DATA_UPLOAD_WIDGET = "data.upload"
DATA_SAMPLE_WIDGET = "data.sample"
DATA_FRACTION_WIDGET = "data.fraction_slider"

TRAIN_RESULT = "train.result"          # RunResult of the last Train press
TRAIN_MODEL_WIDGET = "train.model"
TRAIN_BUTTON = "train.run"
DATA_BYTES = "data.bytes"              # bytes of the file in use, to re-read with other column choices
DATA_UPLOAD_ID = "data.upload_id"      # id of the last upload handled, so reruns do not re-read it
DATA_DATE_WIDGET = "data.date_col"
DATA_TARGET_WIDGET = "data.target"
DATA_REGRESSORS_WIDGET = "data.regressors"
