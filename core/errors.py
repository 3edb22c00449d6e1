"""Errors the core raises for input it cannot use. Each message names the problem and the fix."""


class DataError(ValueError):
    """A file or frame that cannot be turned into the tidy series (``ds``, ``y``, regressors)."""


class SettingsError(ValueError):
    """A model or training setting that is out of range for the data at hand."""
