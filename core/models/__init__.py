"""Models: the forecaster interface, the model table, each model family, auto, model files."""
