"""Errors the core raises for input it cannot use. Each message names the problem and the fix."""


class DataError(ValueError):
    """A file or frame that cannot be turned into the tidy series (``ds``, ``y``, regressors)."""


class SettingsError(ValueError):
    """A model or training setting that is out of range for the data at hand."""


class LimitError(DataError):
    """A file over a size limit (rows, columns, unpacked size); the message names the environment variable
    that raises the limit."""
