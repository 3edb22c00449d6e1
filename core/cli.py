"""Command line: ``python -m core fit FILE.csv [options]`` (the contract is in DESIGN.md)."""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import traceback
import warnings
from pathlib import Path
from typing import Any, NoReturn

from core.training.devices import DEVICE_CHOICES
from core.data.tidy import LoadOptions, load_series
from core.evaluation.pipeline import RunRequest, run
from core.models.specs import ModelSettings, model_names


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a bad argument prints one line and exits 2."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {message} (see --help)", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="python -m core", description="Time-series regression from a CSV.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_OneLineParser)
    fit = commands.add_parser("fit", help="fit a model, write predictions and metrics")
    fit.add_argument("file", help="CSV (or .xlsx / .parquet) with a time column and a numeric target")
    fit.add_argument("--date-col", help="name of the time column (detected when omitted)")
    fit.add_argument("--target", help="name of the column to forecast (detected when omitted)")
    fit.add_argument("--regressors", default="", help="comma-separated extra numeric columns used as features")
    fit.add_argument("--model", default="linear", choices=model_names())
    fit.add_argument("--train-fraction", type=float, default=0.7)
    fit.add_argument("--horizon", type=int, default=0, help="steps to forecast past the end")
    fit.add_argument("--device", default="auto", choices=DEVICE_CHOICES)
    fit.add_argument("--out", type=Path, help="predictions CSV: ds, actual, predicted, split[, lower, upper]")
    fit.add_argument("--json", type=Path, help="metrics JSON")
    fit.add_argument("--seed", type=int, default=0)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():  # numerical warnings would add lines to stderr: the result says what matters
            warnings.simplefilter("ignore", RuntimeWarning)
            return _fit(args)
    except (ValueError, OSError) as problem:
        print(f"error: {str(problem).splitlines()[0] if str(problem) else type(problem).__name__}", file=sys.stderr)
        return 2
    except (ArithmeticError, LookupError, TypeError, AttributeError, RuntimeError, MemoryError) as bug:
        # A bug, not a bad file: one line, and the traceback only when asked for.
        if os.environ.get("TSR_DEBUG"):
            traceback.print_exc()
        print(f"error: internal error ({type(bug).__name__}: {str(bug).splitlines()[0] if str(bug) else ''}); "
              "this is a bug in the app, not a problem with the file. Set TSR_DEBUG=1 for the traceback.",
              file=sys.stderr)
        return 2


def _fit(args: argparse.Namespace) -> int:
    if args.horizon < 0:
        raise ValueError("--horizon must be 0 or more.")
    regressors = tuple(name.strip() for name in args.regressors.split(",") if name.strip())
    series = load_series(args.file, options=LoadOptions(date_col=args.date_col, target=args.target,
                                                        regressors=regressors))
    settings = ModelSettings(regressors=regressors, seed=args.seed, device=args.device)
    request = RunRequest(model=args.model, settings=settings, train_fraction=args.train_fraction,
                         horizon=args.horizon)
    result = run(series.frame, series.frequency, request, future_regressors=series.future)
    summary = {**result.summary(), "target": series.target, "date_col": series.date_col,
               "frequency": series.frequency.name, "rows": len(series.frame)}
    outputs = {}
    if args.out:
        outputs[args.out] = result.predictions.to_csv(index=False, float_format="%.10g")
    if args.json:
        outputs[args.json] = json.dumps(_finite(summary), indent=2, default=str)
    _write_all_or_none(outputs)
    test = result.metrics["test"]
    print(f"{args.model}: test MAE {_fmt(test['mae'])}, RMSE {_fmt(test['rmse'])}, MAPE {_fmt(test['mape'])}% "
          f"({len(series.frame)} rows, {series.frequency.name}, fit {result.fit_seconds:.2f}s on {result.device})")
    return 0


def _write_all_or_none(outputs: dict[Path, str]) -> None:
    """Write every output or none: each goes to a temporary file beside its target first, and the
    targets are replaced only once all were written."""
    written: list[tuple[str, Path]] = []
    try:
        for path, text in outputs.items():
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.resolve().parent)
            written.append((temporary, path))
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
        for temporary, path in written:
            os.replace(temporary, path)
    finally:
        for temporary, _ in written:
            if os.path.exists(temporary):
                os.remove(temporary)


def _fmt(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.4g}"


def _finite(value: Any) -> Any:
    """Replace inf / NaN by None so the JSON stays standard."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value
