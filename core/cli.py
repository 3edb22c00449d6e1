"""Command line: ``python -m core fit FILE.csv [options]`` (the contract is in DESIGN.md)."""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import sys
import tempfile
import time
import traceback
import warnings
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from pandas.errors import DtypeWarning, PerformanceWarning

from core.training.devices import DEVICE_CHOICES, resolve_device
from core.data.tidy import (DUPLICATE_POLICIES, MISSING_POLICIES, PERIODS, LoadedSeries, LoadOptions, count,
                             quoted_names, reader_notes)
from core.data.write import csv_text, with_offset
from core.errors import DataError
from core.i18n import t
from core.evaluation.pipeline import RunRequest, check_horizon
from core.models.specs import SEED, ModelSettings, model_names
from core.panel.engines import ENGINES, EngineChoice, check_choice, default_jobs, fit_all, start_workers_early
from core.panel.run import SeriesOutcome, fit_loaded, panel_metrics, panel_predictions
from core.panel.split import ID_JOINER, finer_id_note, plan_layout, read_raw, split_series

if TYPE_CHECKING:
    import pandas as pd

_LISTED_FAILURES = 5  # failed series named on stdout; metrics.json has them all
_LISTED_NOTES = 20  # series' notes (rows combined, gaps, a budget stop) on stderr; metrics.json has them all
_NAMES = {"--out": "predictions.csv", "--json": "metrics.json"}  # what an output folder's file could be called


MAX_SEED = int(SEED.high or 0)  # the Train page's and the lab's highest seed


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
    fit.add_argument("--target", help="name of the column to forecast (detected when omitted); A,B or 'all' "
                                      "makes each named numeric column (all: every one) a series of its own; quote a "
                                      "name that holds a comma as a CSV does: A,\"B, C\"")
    fit.add_argument("--id-col", help="column naming the series of a long file (detected when omitted); A,B "
                                      f"combines several into one id, joined by '{ID_JOINER}'; none reads the file "
                                      "as one series")
    fit.add_argument("--regressors", default="", help="comma-separated extra numeric columns used as features "
                                                       "(quoted as a CSV does where a name holds a comma)")
    fit.add_argument("--sheet", help="a workbook's sheet to read, by name or number (1 is the first; default: the "
                     "first that holds a table)")
    fit.add_argument("--fill-gaps", action="store_true",
                     help="insert the time stamps missing between the first and last rows, filled by interpolation")
    fit.add_argument("--missing", default="interpolate", choices=MISSING_POLICIES,
                     help="blank or unreadable target cells: interpolate (default), ffill (carry the last value "
                          "forward), drop the rows, or zero (a blank is none: a cost not charged that day)")
    fit.add_argument("--duplicates", default="mean", choices=DUPLICATE_POLICIES,
                     help="rows sharing a time stamp are combined by their mean (default; readings), sum (flows: "
                          "sales, kWh, transactions), first or last, max or min (a day's peak: --per day --duplicates "
                          "max); count: the rows themselves are counted (an event log's tickets per day, with --per "
                          "day)")
    fit.add_argument("--per", default="", choices=[period for period in PERIODS if period],
                     help="combine the rows of each minute, hour, day, week (from Monday), month, quarter or year into "
                          "one, by --duplicates (an event log's orders: --per day --duplicates sum; a period without a "
                          "row is then 0)")
    fit.add_argument("--decimal", default="", choices=["point", "comma"],
                     help="the decimal mark of a text file's numbers: point (1.600 is 1.6) or comma (2,500 is 2.5); "
                          "detected when omitted (a semicolon file's 1.600 is read as 1600)")
    order = fit.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_const", const=True,
                       help="read dates such as 03/04/2021 day first (4 March); decided from the data when omitted")
    order.add_argument("--month-first", dest="day_first", action="store_const", const=False,
                       help="read dates such as 03/04/2021 month first (3 April)")
    fit.add_argument("--model", default="linear", choices=model_names(),
                     help="the model to fit (default linear); auto backtests candidates and keeps the best")
    fit.add_argument("--train-fraction", type=float, default=0.7,
                     help="share of the rows, in time order, to train on; the rest are the test rows (default 0.7)")
    fit.add_argument("--horizon", type=int, default=0, help="steps to forecast past the end")
    fit.add_argument("--device", default="auto", choices=DEVICE_CHOICES,
                     help="where torch trains: auto (a GPU from 100,000 training rows, else the CPU), cpu, cuda, mps")
    fit.add_argument("--out", type=Path, help="predictions CSV: ds, actual, predicted, split[, lower, upper]")
    fit.add_argument("--json", type=Path, help="metrics JSON")
    fit.add_argument("--seed", type=_seed, default=0, help=f"whole number from 0 to {MAX_SEED} (default 0)")
    fit.add_argument("--jobs", type=int, help=f"worker processes for several series (default: every core, "
                                              f"{default_jobs()} here)")
    fit.add_argument("--engine", default="local", choices=ENGINES,
                     help="local: this machine's processes; dask: a Dask cluster (local, or --scheduler)")
    fit.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://HOST:8786")
    return parser


def _seed(text: str) -> int:
    """``--seed``: a whole number from 0 to ``MAX_SEED``, as the app takes (torch's generators folded seeds of 2**32
    and more onto smaller ones: other seeds, the same numbers; 2**64 failed in every series)."""
    try:
        seed = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--seed {text!r} is not a whole number") from None
    if not 0 <= seed <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"--seed {seed} is out of range: give a whole number from 0 to {MAX_SEED}")
    return seed


class _Escaped:
    """A text stream that writes the control characters a file's cells may hold (``ESC[2J`` clears a terminal,
    ``ESC]0;...`` sets its title, NUL) as ``\\x1b``: notes and errors quote cells."""

    _CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(self._CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text))

    def flush(self) -> None:
        self._stream.flush()


def main(argv: list[str] | None = None) -> int:
    with redirect_stdout(_Escaped(sys.stdout)), redirect_stderr(_Escaped(sys.stderr)):  # type: ignore[type-var]
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():  # numerical warnings would add lines to stderr: the result says what matters
            warnings.simplefilter("ignore", RuntimeWarning)
            for pandas_warning in (DtypeWarning, PerformanceWarning):  # pandas' own advice is not the user's
                warnings.simplefilter("ignore", pandas_warning)
            return _fit(args)
    except (ValueError, OSError) as problem:
        print(f"error: {str(problem).splitlines()[0] if str(problem) else type(problem).__name__}", file=sys.stderr)
        return 2
    except MemoryError:
        print("error: out of memory: the file or the settings need more memory than this machine has; use a smaller "
              "file (fewer rows or columns, shorter text cells), fewer lags, terms or hidden units.", file=sys.stderr)
        return 2
    except (ArithmeticError, LookupError, TypeError, AttributeError, RuntimeError) as bug:
        # A bug, not a bad file: one line, and the traceback only when asked for.
        if os.environ.get("TSR_DEBUG"):
            traceback.print_exc()
        print(f"error: internal error ({type(bug).__name__}: {str(bug).splitlines()[0] if str(bug) else ''}); "
              "this is a bug in the app, not a problem with the file. Set TSR_DEBUG=1 for the traceback.",
              file=sys.stderr)
        return 2


def _fit(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if args.horizon < 0:
        raise ValueError("--horizon must be 0 or more.")
    check_horizon(args.horizon)  # the run's own settings, checked once before any series (not per series)
    if not 0 < args.train_fraction < 1:
        raise ValueError(f"--train-fraction {args.train_fraction} must lie strictly between 0 and 1, e.g. 0.7.")
    choice = EngineChoice(args.engine, default_jobs() if args.jobs is None else args.jobs, args.scheduler)
    check_choice(choice)
    if args.scheduler is None:  # a device this machine lacks is one argument error, not one per series
        resolve_device(args.device)  # (a cluster's workers may have what this machine has not)
    check_outputs({"--out": args.out, "--json": args.json}, args.file)
    listed = next(csv.reader([args.regressors], skipinitialspace=True), [])  # A,"B, C" as a CSV quotes a comma
    regressors = tuple(name.strip() for name in listed if name.strip())
    sheet = sheet_asked(args.sheet)
    raw, exact = read_raw(args.file, sheet, args.decimal)
    date_col = (args.date_col or "").strip() or None  # blank (an unset shell variable): detected, as --id-col is
    options = LoadOptions(date_col=date_col, regressors=regressors, fill_gaps=args.fill_gaps, sheet=sheet,
                          day_first=args.day_first, missing=args.missing, duplicates=args.duplicates,
                          per=args.per, decimal=args.decimal)
    id_text = (args.id_col or "").strip()
    one_series = id_text.lower() == NO_ID and id_text not in raw.columns
    layout = plan_layout(raw, options, None if one_series else args.id_col, args.target, detect=not one_series,
                         exact=exact)
    settings = ModelSettings(regressors=regressors, seed=args.seed, device=args.device)
    request = RunRequest(model=args.model, settings=settings, train_fraction=args.train_fraction,
                         horizon=args.horizon)
    if layout.is_single:
        result, summary = fit_loaded(layout.probe, request)
        summary["notices"] += _future_rows_unused(layout.probe, request)
        return _report_one(args, with_offset(result.predictions, layout.probe.report.utc_offset), summary)
    start_workers_early(choice)
    tasks, blank = split_series(raw, layout)
    outcomes, engine = fit_all(tasks, request, choice)
    if len(outcomes) == 1:  # a long file that holds one series keeps the single-series layout
        if outcomes[0].summary is None:
            raise DataError(str(outcomes[0].error))
        summary = outcomes[0].summary
        if blank:
            summary = {**summary, "rows_without_id": blank, "notices": [*summary["notices"], _without_id(blank)]}
        return _report_one(args, with_offset(outcomes[0].predictions, layout.probe.report.utc_offset), summary)
    described = {"model": args.model, "seed": args.seed, "id_cols": list(layout.id_cols), "rows_without_id": blank}
    code = _report_many(args, outcomes, panel_metrics(outcomes, engine, time.perf_counter() - started, described),
                        set(reader_notes(raw.attrs)), layout.probe.report.utc_offset)
    for note in _future_rows_unused(layout.probe, request, many=True):  # the whole file's: the most of any series
        print(f"note: {note}", file=sys.stderr)
    if layout.id_cols and not id_text:  # detected: said, with the way back to one series
        print(f"note: The file was read as {len(outcomes):,} series by {quoted_names(list(layout.id_cols))} "
              f"(detected); --id-col {NO_ID} reads it as one series.", file=sys.stderr)
    if layout.finer_id is not None:  # the file's layout: ids that leave rows alike
        print(f"note: {finer_id_note(layout.id_cols, layout.finer_id, options.duplicates)}", file=sys.stderr)
    if layout.blank_columns:  # --target all: no series in them
        print(f"note: {quoted_names(list(layout.blank_columns))} {'is' if len(layout.blank_columns) == 1 else 'are'} "
              "blank in every row: no series there.", file=sys.stderr)
    return code


NO_ID = "none"  # ``--id-col none``: no series id, detected or given


def sheet_asked(text: str | None) -> str | int:
    """``--sheet``: a sheet's name, or its number counted from 1 where no sheet has that name (the workbook resolves
    it: a sheet named 2024 is read by name); 0 without one (the first sheet that holds a table)."""
    return text.strip() if text is not None and text.strip() else 0


def _future_rows_unused(series: LoadedSeries, request: RunRequest, many: bool = False) -> list[str]:
    """A note when the file gives the regressors' future values for more steps than ``--horizon`` forecasts (those
    rows are not in ``--out``); of a file of ``many`` series, for up to as many steps as the file reads as one (a
    series may have fewer: the note said every series had them all, and its --horizon then failed the series with
    fewer)."""
    rows = 0 if series.future is None or not request.settings.regressors else len(series.future)
    if rows <= request.horizon:
        return []
    left = rows - request.horizon
    done = "none was forecast" if not request.horizon else (
        f"--horizon {request.horizon} forecast {request.horizon:,} of them, and the other {left:,} "
        f"{'is' if left == 1 else 'are'} not forecast (nor written by --out)")
    if many:  # a series with fewer rows than the horizon fails: only the series with more have some left
        done = "none was forecast" if not request.horizon else (
            f"--horizon {request.horizon} forecasts {request.horizon:,} of them in each series that has them all; "
            "the rest are not forecast (nor written by --out)")
        return [f"The file gives the regressors' future values for up to {count(rows, 'step')} past the end of its "
                f"series; {done}: --horizon N forecasts N steps of each series that has them."]
    return [f"The file gives the regressors' future values for {count(rows, 'step')} past the end; {done}: "
            f"--horizon {rows} forecasts them."]


def _report_one(args: argparse.Namespace, predictions: pd.DataFrame, summary: dict[str, Any]) -> int:
    """Write and print one series' results: the single-series contract."""
    outputs = {}
    if args.out:
        outputs[args.out] = csv_text(predictions)
    if args.json:
        outputs[args.json] = json.dumps(_finite(summary), indent=2, default=str)
    _write_all_or_none(outputs)
    test = summary["test"]
    print(f"{args.model}: test MAE {_fmt(test['mae'])}, RMSE {_fmt(test['rmse'])}, MAPE {_fmt(test['mape'], '%')} "
          f"({summary['rows']} rows of '{summary['target']}', {summary.get('spacing', summary['frequency'])}, "
          f"fit {summary['fit_seconds']:.2f}s on "
          f"{summary['device']})")
    for notice in summary.get("notices", []):  # what loading changed (rows filled, dropped, combined), and more
        print(f"note: {notice}", file=sys.stderr)
    return 0


def _report_many(args: argparse.Namespace, outcomes: list[SeriesOutcome], metrics: dict[str, Any],
                 of_the_file: set[str], utc_offset: str = "") -> int:
    """Write and print the results of several series; exit 2 (by ``DataError``) when none fitted. Notes every series
    gives are printed once: ``of_the_file`` as they are (another sheet read), others as each series' own. Times read
    on a ``utc_offset`` are written with it (``write.with_offset``)."""
    failed = [outcome for outcome in outcomes if outcome.summary is None]
    if len(failed) == len(outcomes):
        raise DataError(f"None of the {len(outcomes)} series could be fitted; the first, "
                        f"'{failed[0].unique_id}': {failed[0].error}")
    summary = metrics["summary"]
    outputs = {}
    if args.out:
        outputs[args.out] = csv_text(with_offset(panel_predictions(outcomes), utc_offset))
    if args.json:
        outputs[args.json] = json.dumps(_finite(metrics), indent=2, default=str)
    _write_all_or_none(outputs)
    targets = sorted({str(outcome.summary["target"]) for outcome in outcomes if outcome.summary is not None})
    of = f" of '{targets[0]}'" if len(targets) == 1 else ""  # what was forecast (a route log's 'Stops', unsaid)
    print(f"{args.model}: {summary['series']} series{of}, {summary['failed']} failed; test MAE vs seasonal naive "
          f"{_fmt(summary['test_mae_vs_snaive_geomean'])} (geometric mean over {summary['test_mae_vs_snaive_series']} "
          f"of {summary['fitted']}), median test MAPE {_fmt(summary['test_mape_median'], '%')} (over "
          f"{summary['test_mape_series']}) ({summary['engine']}, {summary['workers']} "
          f"worker{'' if summary['workers'] == 1 else 's'}, "
          f"{summary['total_seconds']:.1f}s)")
    if exact := summary["test_mae_vs_snaive_exact"]:
        print(f"note: {t('all.exact', 'en', count=exact).strip()}", file=sys.stderr)
    if blank := summary.get("rows_without_id"):
        print(f"note: {_without_id(blank)}", file=sys.stderr)
    said = [outcome.summary.get("notices", []) for outcome in outcomes if outcome.summary is not None]
    everywhere = set.intersection(*map(set, said)) if len(said) > 1 else set()  # of the file (another sheet): once
    every = "every series: " if not failed else "every fitted series: "  # a skipped series said nothing
    for notice in sorted(everywhere):  # counts in a note are each series' own ('1 row ... filled' in every one)
        print(f"note: {'' if notice in of_the_file else every}{notice}", file=sys.stderr)
    notes = [(outcome.unique_id, notice) for outcome in outcomes if outcome.summary is not None
             for notice in outcome.summary.get("notices", []) if notice not in everywhere]
    for unique_id, notice in notes[:_LISTED_NOTES]:  # what loading changed in a series, its training budget
        print(f"note: '{unique_id}': {notice}", file=sys.stderr)
    if len(notes) > _LISTED_NOTES:
        print(f"note: ... and {count(len(notes) - _LISTED_NOTES, 'more note')} (see the metrics JSON)", file=sys.stderr)
    for outcome in failed[:_LISTED_FAILURES]:
        print(f"  skipped '{outcome.unique_id}': {outcome.error}")
    if len(failed) > _LISTED_FAILURES:
        print(f"  ... and {len(failed) - _LISTED_FAILURES} more (see the metrics JSON)")
    return 0


def _without_id(blank: int) -> str:
    return f"{count(blank, 'row')} without a series id {'was' if blank == 1 else 'were'} left out."


def check_outputs(paths: dict[str, Path | None], source: Path | str | None = None) -> None:
    """Raises ``ValueError`` before any work for an output that could not be written: a folder, a folder
    that does not exist or cannot be written to, both outputs at one path, or the input file ``source`` itself."""
    given = {option: path for option, path in paths.items() if path is not None}
    for option, path in given.items():
        if source is not None and path.resolve() == Path(source).resolve():
            raise ValueError(f"{option} {path} is the input file: writing there would replace your data; "
                             "give another file name.")
        folder = path.resolve().parent
        if path.is_dir():
            raise ValueError(f"{option} {path} is a folder: give a file name in it, such as {path / _NAMES[option]}.")
        if not folder.is_dir():
            raise ValueError(f"{option} {path}: the folder {folder} does not exist; create it or write elsewhere.")
        if path.exists() and not path.resolve().is_file():  # /dev/null, /dev/stdout, a pipe: replaced by a file
            raise ValueError(f"{option} {path} is not a regular file (a device or a pipe): give a file name; the "
                             "summary is printed here either way.")
        if not _writable(folder):
            raise ValueError(f"{option} {path}: the folder {folder} cannot be written to; write elsewhere.")
    resolved = [path.resolve() for path in given.values()]
    if len(set(resolved)) < len(resolved):
        raise ValueError("--out and --json name the same file: give each its own.")


def _writable(folder: Path) -> bool:
    """Whether a file can be made in ``folder``, by making one: ``os.access`` says yes to root on a read-only file
    system (/sys), and the write failed after the whole fit, naming its own temporary file."""
    try:
        handle, probe = tempfile.mkstemp(prefix=".tsr-probe.", dir=folder)
    except OSError:
        return False
    os.close(handle)
    os.remove(probe)
    return True


def _write_all_or_none(outputs: dict[Path, str]) -> None:
    """Write every output or none: each goes to a temporary file beside its target first, and the
    targets are replaced only once all were written. A symbolic link's target is written (the link stays), with the
    mode the file had, or a new file's mode under the umask (temporary files are made readable by their owner only)."""
    written: list[tuple[str, Path]] = []
    given = next(iter(outputs), Path())
    try:
        for given, text in outputs.items():
            path = given.resolve()
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            written.append((temporary, path))
            os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
        for temporary, path in written:
            os.replace(temporary, path)
    except OSError as problem:  # the disk full, the folder gone meanwhile: the file the user named, not a temporary
        raise ValueError(f"{given} could not be written ({problem.strerror or type(problem).__name__}): free space "
                         "or write elsewhere.") from None
    finally:
        for temporary, _ in written:
            if os.path.exists(temporary):
                os.remove(temporary)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fmt(value: float | None, unit: str = "") -> str:
    """Four significant digits and the unit, or ``undefined`` (MAPE with an actual of 0)."""
    return "undefined" if value is None else f"{value:.4g}{unit}"


def _finite(value: Any) -> Any:
    """Replace inf / NaN by None so the JSON stays standard."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_finite(item) for item in value]
    return value
