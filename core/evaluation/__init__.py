"""Splitting, scoring and forecasting a run: metrics in original units and the pipeline."""
