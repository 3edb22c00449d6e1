"""Many series from one file: split a long or wide table into series (``split``), fit each by the
single-series rules (``run``), on this process, worker processes or Dask (``engines``)."""
