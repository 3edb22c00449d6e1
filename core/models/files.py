"""Model files: a fitted forecaster's whole state (weights, scalers, settings), loadable on a CPU-only machine.

Written with ``torch.save`` of plain tensors, numbers, strings, lists and dicts only, and read back
with ``torch.load(..., weights_only=True)``, which refuses arbitrary pickled objects; the state is
rebuilt only into the classes ``core.models.state`` allows.
"""
from __future__ import annotations

import io
import pickle
import zipfile
from typing import Any

import numpy as np
import torch

from core.errors import DataError
from core.models.base import Forecaster

FORMAT = "ts-regression-model/2"


def model_bytes(forecaster: Forecaster) -> bytes:
    """Serialize a fitted forecaster."""
    payload = {"format": FORMAT, "model": forecaster.name, "params": _plain(forecaster.params()),
               "state": forecaster.state()}
    buffer = io.BytesIO()
    torch.save(payload, buffer)
    return buffer.getvalue()


def read_model_file(data: bytes) -> dict[str, Any]:
    """The file's plain contents, read safely onto the CPU; raises ``DataError`` for anything else."""
    _check_archive(data)
    try:
        payload = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError, ValueError, TypeError, AttributeError, KeyError,
            IndexError, OverflowError) as problem:  # IndexError: a pickle stream cut short
        if "numpy" in str(problem):  # numpy's numbers, which loading them safely refuses: files written before 2026-12
            raise DataError("This model file was written by an earlier version of the app, which stored some numbers "
                            "in a form that loading safely refuses: download the model again from Train.") from None
        raise DataError(f"Not a model file this app wrote ({type(problem).__name__}): "
                        "choose a .pt file downloaded from the Train page.") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise DataError("Not a model file this app wrote: choose a .pt file downloaded from the Train page.")
    return payload


def _check_archive(data: bytes) -> None:
    """Refuse, before anything is unpacked, a file that is not the zip archive ``torch.save`` writes: its entries are
    stored whole, never compressed, so together they are no larger than the file. (A 0.78 MB file whose entry had been
    deflated unpacked to 760 MB before it was refused.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise DataError("Not a model file this app wrote (not a zip archive): choose a .pt file downloaded from the "
                        "Train page.") from None
    if any(entry.compress_type != zipfile.ZIP_STORED for entry in entries) or \
            sum(entry.file_size for entry in entries) > len(data):
        raise DataError("Not a model file this app wrote (its parts are compressed or larger than the file): choose a "
                        ".pt file downloaded from the Train page.")


def load_model(data: bytes) -> Forecaster:
    """The fitted forecaster a model file holds, ready to forecast; raises ``DataError`` for a file whose
    contents are plain data but not a model this app wrote (missing parts, weights of the wrong shape)."""
    import core.models.specs  # noqa: F401  (registers every forecaster a file may hold; without it: 'data this app
    # does not write')

    payload = read_model_file(data)
    try:
        model = Forecaster.from_state(payload["state"])
        model.fitted_values()  # a model file holds a fitted model
        model.params()  # reads its settings: a part they need missing from the file is found here, not at a forecast
        return model
    except DataError:
        raise
    except (KeyError, TypeError, ValueError, RuntimeError, AttributeError, IndexError, StopIteration,
            OverflowError) as problem:  # OverflowError: a network's size written as infinity
        raise DataError(f"The model file is damaged or was not written by this app ({type(problem).__name__}): "
                        "download the model again from Train.") from None


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):  # numpy's float64 is a float that torch.load refuses to read back
        return value.item()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)
