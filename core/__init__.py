"""Core of the time-series regression dashboard: loading, features, models, training, metrics.

Nothing here imports streamlit; the pages and the command line call into these modules.
"""
