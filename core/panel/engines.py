"""Engines that run the per-series work (``core.panel.run.fit_chunk``): this process, local worker
processes, or Dask (a local cluster, or the one at a scheduler's address). The engines know nothing of
models; each sends a worker only its own series' small frames and the run's request."""
from __future__ import annotations

import itertools
import logging
import math
import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.context import BaseContext
from types import ModuleType
from typing import Any

from core.errors import SettingsError
from core.evaluation.pipeline import RunRequest
from core.panel.run import EngineInfo, SeriesOutcome, fit_chunk, one_line
from core.panel.split import SeriesTask

ENGINES = ("local", "dask")
_CHUNKS_PER_WORKER = 4  # enough chunks to even out slow series, few enough to keep messages cheap
_MAX_CHUNK = 32  # series per message at most
_CONNECT_SECONDS = 10  # to reach a Dask scheduler
_WORKER_WAIT_SECONDS = 30  # for a Dask scheduler to have a worker


# [protocol://]host:port (Dask takes tcp without a protocol), the host a name, an IPv4 or a bracketed IPv6 address
SCHEDULER_ADDRESS = re.compile(r"([a-z][a-z0-9+.-]*://)?(\[[0-9a-fA-F:.]+\]|[^\s/:\[\]]+):\d{1,5}/?")


@dataclass(frozen=True)
class EngineChoice:
    """``--engine``, ``--jobs`` and ``--scheduler``."""

    name: str = "local"
    jobs: int = 1
    scheduler: str | None = None


def default_jobs() -> int:
    """Every core."""
    return os.cpu_count() or 1


def check_choice(choice: EngineChoice) -> None:
    """Raises ``SettingsError`` for an engine, a number of jobs or a scheduler that cannot be used."""
    if choice.name not in ENGINES:
        raise SettingsError(f"Unknown engine '{choice.name}': use one of {', '.join(ENGINES)}.")
    if choice.jobs < 1:
        raise SettingsError(f"--jobs {choice.jobs} is not a number of workers: use 1 or more.")
    if choice.scheduler is not None and choice.name != "dask":
        raise SettingsError("--scheduler is the address of a Dask scheduler: add --engine dask.")
    if choice.scheduler is not None and not SCHEDULER_ADDRESS.fullmatch(choice.scheduler.strip()):
        raise SettingsError(f"--scheduler '{choice.scheduler}' is not a scheduler's address: give its protocol, "
                            "host and port, such as tcp://10.0.0.5:8786 (the address `dask scheduler` prints).")


def fit_all(tasks: list[SeriesTask], request: RunRequest,
            choice: EngineChoice) -> tuple[list[SeriesOutcome], EngineInfo]:
    """Every task's outcome, in the tasks' order, whatever the engine and the number of workers."""
    check_choice(choice)
    workers = max(min(choice.jobs, len(tasks)), 1)
    chunks = chunked(tasks, chunk_size(len(tasks), workers))
    if choice.name == "dask":
        return _on_dask(chunks, request, choice, workers)
    if workers == 1:
        return _flatten(fit_chunk(chunk, request) for chunk in chunks), EngineInfo("local", 1)
    return _in_processes(chunks, request, workers), EngineInfo("local", workers)


def chunk_size(tasks: int, workers: int) -> int:
    """Series per message: about ``_CHUNKS_PER_WORKER`` messages per worker, at most ``_MAX_CHUNK`` series."""
    return max(1, min(_MAX_CHUNK, math.ceil(tasks / (workers * _CHUNKS_PER_WORKER))))


def chunked(tasks: list[SeriesTask], size: int) -> list[list[SeriesTask]]:
    return [tasks[start:start + size] for start in range(0, len(tasks), size)]


def _flatten(chunks: Iterable[list[SeriesOutcome]]) -> list[SeriesOutcome]:
    return [outcome for chunk in chunks for outcome in chunk]


def _in_processes(chunks: list[list[SeriesTask]], request: RunRequest, workers: int) -> list[SeriesOutcome]:
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_process_context()) as pool:
            return _flatten(pool.map(fit_chunk, chunks, itertools.repeat(request, len(chunks))))
    except BrokenProcessPool as broken:
        raise SettingsError(f"A worker process stopped before it finished ({one_line(broken)}): if memory ran "
                            "short, rerun with fewer --jobs.") from None


def start_workers_early(choice: EngineChoice) -> None:
    """Start the fork server of local worker processes now, so that it imports the models (2-3 s here)
    while this process splits a file of several series, instead of after; nothing for one job or Dask."""
    if choice.name == "local" and choice.jobs > 1:
        context = _process_context()
        if context.get_start_method() == "forkserver":
            forkserver.ensure_running()


def _process_context() -> BaseContext:
    """A fork server that has imported the models once (each worker starts from it in milliseconds);
    spawn where there is none. Never plain fork: this process may hold threads."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["core.panel.run"])
    return context


def _on_dask(chunks: list[list[SeriesTask]], request: RunRequest, choice: EngineChoice,
             workers: int) -> tuple[list[SeriesOutcome], EngineInfo]:
    distributed = _import_distributed()
    with _dask_client(distributed, choice, workers) as client:
        futures = client.map(fit_chunk, chunks, [request] * len(chunks), pure=False)
        try:
            results = client.gather(futures)
        except (ImportError, RuntimeError) as error:
            if isinstance(error, RuntimeError) and "deserializ" not in str(error):
                raise  # the work itself failed: a bug, reported as one
            raise SettingsError(f"The Dask scheduler or workers cannot load this app ({one_line(error)}): start "
                                "`dask scheduler` and `dask worker` in the same environment with PYTHONPATH set "
                                "to the app's folder.") from None
        except distributed.KilledWorker as killed:
            raise SettingsError(f"A Dask worker died while fitting ({one_line(killed)}): if memory ran short, "
                                "give the workers more memory or run fewer per machine.") from None
        count = len(client.nthreads())
    return _flatten(results), EngineInfo("dask", count, choice.scheduler)


def _import_distributed() -> ModuleType:
    try:
        import dask.distributed as distributed
    except ImportError:
        raise SettingsError("--engine dask needs the packages dask and distributed: "
                            "pip install -r requirements.txt.") from None
    return distributed


@contextmanager
def _dask_client(distributed: ModuleType, choice: EngineChoice, workers: int) -> Iterator[Any]:
    """A client of a new local cluster (one single-threaded worker process per job), or of the
    scheduler at ``choice.scheduler`` once it has a worker."""
    if choice.scheduler is None:
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    client = _connect(distributed, choice.scheduler)
    with client:
        yield client


def _connect(distributed: ModuleType, address: str) -> Any:
    try:
        client = distributed.Client(address, timeout=f"{_CONNECT_SECONDS}s")
    except (OSError, ValueError) as error:
        raise SettingsError(f"No Dask scheduler answered at {address} ({one_line(error)}): start one with "
                            f"`dask scheduler`, and workers with `dask worker {address}`.") from None
    try:
        client.wait_for_workers(1, timeout=_WORKER_WAIT_SECONDS)
    except TimeoutError:
        client.close()
        raise SettingsError(f"The Dask scheduler at {address} has no worker after {_WORKER_WAIT_SECONDS} s: "
                            f"start some with `dask worker {address}`.") from None
    return client
