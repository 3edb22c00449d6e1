"""Training budgets, the horizon limit, same seed under threads, and the command line's one-line errors."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

import core.training.loop as loop
from core import cli
from core.data.frequency import Frequency
from core.errors import SettingsError
from core.evaluation.pipeline import RunRequest, run
from core.models.specs import ModelSettings
from core.training.loop import TrainConfig, train
from core.training.nets import NetConfig, build_net
from tests.conftest import monthly_frame

ROOT = Path(__file__).resolve().parents[2]
AIR = str(ROOT / "data" / "AirPassengers.csv")


def line_data(n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    x = np.linspace(-1, 1, n)[:, None]
    return x, 3 * x[:, 0] + 0.5


def test_the_update_budget_ends_training_and_keeps_the_result_so_far() -> None:
    x, y = line_data()
    config = TrainConfig(optimizer="sgd", lr=0.01, epochs=1000, batch="single", max_updates=250, device="cpu")
    net = build_net(NetConfig(1), 0)
    history = train(net, x, y, config)
    assert history.updates == 250 and len(history.losses) == 2  # one full pass of 200, then 50 updates
    assert "budget of 250 updates (TSR_TRAIN_MAX_UPDATES)" in history.budget_note
    assert history.losses[-1] < history.losses[0]


def test_a_full_batch_run_stopped_by_its_budget_is_not_told_to_use_larger_batches() -> None:
    # Each of its epochs is one update on every row: larger batches were advice it could not follow.
    x, y = line_data()
    config = TrainConfig(optimizer="sgd", lr=0.01, epochs=1000, batch="full", max_updates=30, device="cpu")
    history = train(build_net(NetConfig(1), 0), x, y, config)
    assert history.updates == 30 and history.budget_note.endswith("Use fewer epochs, or raise the limit.")
    from core.i18n import relabel

    chinese = relabel(history.budget_note, "zh", "budget")
    assert chinese.startswith("训练在第 30 轮") and "增大批量" not in chinese
    minibatch = train(build_net(NetConfig(1), 0), x, y, config.with_(batch="single"))
    assert "larger batches" in minibatch.budget_note
    assert "增大批量" in relabel(minibatch.budget_note, "zh", "budget")


def test_the_time_budget_ends_an_oversized_run(air, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(loop, "MAX_SECONDS", 0.3)
    training = TrainConfig(optimizer="adam", lr=1e-5, epochs=100_000, batch="single")
    result = run(air.frame, air.frequency, RunRequest("mlp", ModelSettings(values={"hidden": 64}, training=training)))
    assert "time budget of 0.3 s (TSR_TRAIN_MAX_SECONDS)" in result.budget_note
    assert len(result.losses) < 100_000 and np.isfinite(result.metrics["test"]["mae"])
    from core.ui.explain import result_warnings

    chinese = result_warnings(result, "zh")[0]  # was the English note inside a Chinese sentence
    assert chinese.startswith("训练在第 ") and "时间预算 0.3 秒（TSR_TRAIN_MAX_SECONDS）" in chinese and "Training" not in chinese


def test_trainings_inside_a_shared_budget_stop_at_its_deadline() -> None:
    # A band refits its model at up to 8 origins: each refit had the whole budget, so a 200,000-row MLP run took
    # 145 s under a budget of 56 s. Past the shared deadline each training makes one update and says why it stopped.
    x, y = line_data()
    config = TrainConfig(optimizer="sgd", lr=0.01, epochs=50, batch="single", device="cpu")
    alone = train(build_net(NetConfig(1), 0), x, y, config)
    with loop.shared_budget(seconds=-1.0):
        shared = [train(build_net(NetConfig(1), 0), x, y, config) for _ in range(3)]
    assert alone.updates > 1_000 and alone.budget_note == ""
    assert all(history.updates == 1 and "time budget" in history.budget_note for history in shared)
    assert train(build_net(NetConfig(1), 0), x, y, config).updates == alone.updates  # the deadline ended with the block


def test_a_run_within_its_budget_says_nothing(air) -> None:  # type: ignore[no-untyped-def]
    assert run(air.frame, air.frequency, RunRequest("linear")).budget_note == ""


def test_the_horizon_has_a_limit_with_its_variable(air) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SettingsError, match="TSR_MAX_HORIZON"):
        run(air.frame, air.frequency, RunRequest("naive", horizon=10**9))


def test_the_same_seed_gives_the_same_network_in_two_threads() -> None:
    x, y = line_data(64)

    def fit(seed: int) -> np.ndarray:
        net = build_net(NetConfig(1, 8), seed)
        train(net, x, y, TrainConfig(optimizer="adam", epochs=20, batch="mini", batch_size=8, seed=seed, device="cpu"))
        return np.concatenate([p.detach().numpy().ravel() for p in net.parameters()])

    expected = {seed: fit(seed) for seed in range(4)}
    found: dict[tuple[int, int], np.ndarray] = {}

    def worker(name: int) -> None:
        for repeat in range(30):
            seed = (repeat + name) % 4
            found[(name, repeat)] = fit(seed)

    threads = [threading.Thread(target=worker, args=(name,)) for name in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for (name, repeat), params in found.items():
        np.testing.assert_array_equal(params, expected[(repeat + name) % 4])


def test_the_cli_reports_a_bug_in_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("unsupported operand")

    monkeypatch.setattr(cli, "fit_loaded", broken)  # the single-series fit
    assert cli.main(["fit", AIR]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "internal error (TypeError" in err[0] and "bug" in err[0]


def test_the_cli_writes_both_outputs_or_neither(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    predictions, metrics = tmp_path / "p.csv", tmp_path / "missing" / "m.json"
    assert cli.main(["fit", AIR, "--out", str(predictions), "--json", str(metrics)]) == 2
    assert not predictions.exists() and list(tmp_path.iterdir()) == []
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert cli.main(["fit", AIR, "--out", str(predictions), "--json", str(tmp_path / "m.json")]) == 0
    assert predictions.exists() and (tmp_path / "m.json").exists()


@pytest.mark.parametrize("variable", ["TSR_MAX_HORIZON", "TSR_TRAIN_MAX_SECONDS", "TSR_TRAIN_MAX_UPDATES",
                                      "TSR_MAX_FILE_MB", "TSR_MAX_ROWS"])
@pytest.mark.parametrize("value", ["abc", "-5", "nan"])
def test_a_limit_set_to_no_positive_number_is_one_line_naming_it(variable: str, value: str) -> None:
    done = subprocess.run([sys.executable, "-m", "core", "fit", AIR, "--model", "linear", "--horizon", "3"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, variable: value})
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith(f"error: {variable} is set to '{value}', which is not a positive number: set it to ")
    assert done.stderr.strip().endswith("or unset it.")


@pytest.mark.parametrize("variable", ["TSR_MAX_HORIZON", "TSR_TRAIN_MAX_UPDATES"])
def test_a_count_limit_below_one_is_one_line_naming_it(variable: str) -> None:
    done = subprocess.run([sys.executable, "-m", "core", "fit", AIR, "--model", "linear", "--horizon", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, variable: "0.5"})
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stderr.startswith(f"error: {variable} is set to '0.5', which is less than 1: set it to a whole number")


def test_the_forecast_page_opens_under_a_horizon_limit_below_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from core.ui import state_keys as keys
    monkeypatch.setenv("TSR_MAX_HORIZON", "0.5")  # its widget had a range of 1 to 0: Streamlit's own error
    at = AppTest.from_file(str(Path(ROOT) / "pages" / "3_Forecast.py"), default_timeout=120).run()
    at.button(key=keys.FORECAST_BUTTON).click().run()
    shown = [e.value.replace("\\", "") for e in at.error]  # markdown escapes
    assert not at.exception and any("TSR_MAX_HORIZON is set to '0.5', which is less than 1" in e for e in shown), shown


def test_the_command_line_says_when_the_training_budget_stopped_a_fit() -> None:
    done = subprocess.run([sys.executable, "-m", "core", "fit", AIR, "--model", "mlp"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "TSR_TRAIN_MAX_UPDATES": "20"})
    assert done.returncode == 0, done.stderr
    assert "note: Training stopped at its budget of 20 updates (TSR_TRAIN_MAX_UPDATES)" in done.stderr


def test_a_training_that_would_need_more_memory_than_its_limit_is_refused_with_the_fix(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A 417-byte file of minutes filled to 4.95M rows asked an mlp of 256 units for 26 GB: "Internal error"."""
    from core.i18n import said
    from core.training.fit import check_training_memory
    check_training_memory(4_950_000, 20)  # 3.2 GB: within the default 4,000 MB
    with pytest.raises(SettingsError, match=r"Training on 4,950,000 rows of 20 features with 256 hidden units needs "
                                            r"about 33,581 MB of memory, more than the 4,000 MB") as raised:
        check_training_memory(4_950_000, 20, hidden=256)
    assert "TSR_TRAIN_MAX_MB" in said(raised.value, "zh") and "33,581 MB" in said(raised.value, "zh")
    monkeypatch.setenv("TSR_TRAIN_MAX_MB", "1")
    frame = monthly_frame(np.arange(10_000.0))
    with pytest.raises(SettingsError, match="TSR_TRAIN_MAX_MB"):
        run(frame, Frequency("monthly", "MS", 12), RunRequest("mlp", ModelSettings({"hidden": 64})))


def test_memory_running_out_is_said_as_such_not_as_a_bug(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Out of memory showed Streamlit's traceback (MemoryError was not caught) or "a bug in the app"."""
    from core.ui.feedback import BUGS, bug_message
    from core.ui.panel_view import Reading, read_into
    from core.data.tidy import LoadOptions
    from core.panel.choice import PanelChoice
    assert issubclass(MemoryError, BUGS)
    for problem in (MemoryError(), RuntimeError("DefaultCPUAllocator: not enough memory: you tried to allocate 7 GB")):
        assert bug_message(problem).startswith("The server ran out of memory for this")
        assert "内存不足" in bug_message(problem, "zh")
    assert "bug in the app" in bug_message(RuntimeError("shape mismatch"))

    def exhausted(*_: object) -> None:
        raise MemoryError

    state: dict[str, object] = {}
    assert read_into(state, Reading(b"x", "wide.xlsx", LoadOptions(), PanelChoice()), exhausted, exhausted) is None
    name, problem = state["data.error"]  # type: ignore[misc]
    assert name == "wide.xlsx" and str(problem).startswith("Reading it needs more memory than the server has")
    monkeypatch.setattr(cli, "_fit", exhausted)
    assert cli.main(["fit", "x.csv"]) == 2
    assert capsys.readouterr().err.startswith("error: out of memory: ")


def test_the_memory_message_is_said_alike_in_both_languages_with_hidden_units_only_where_there_are_some() -> None:
    from core.i18n import said, t
    from core.training.fit import check_training_memory
    for hidden in (0, 256):
        with pytest.raises(SettingsError) as raised:
            check_training_memory(40_000_000, 20, hidden)
        assert str(raised.value) == t(raised.value.key, "en", **raised.value.params)  # the catalog's words, not others
        assert ("features with 256 hidden units" in str(raised.value)) == bool(hidden)
        assert ("个隐藏单元上" in said(raised.value, "zh")) == bool(hidden)


def test_a_line_longer_than_the_limit_is_refused_before_any_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    # One cell of 190 MB of digits took 70 s of date and number tries, and 2-3 GB, before it was refused as text.
    from core.data.tidy import load_series
    from core.errors import LimitError

    text = "date,y\n" + "".join(f"2020-01-{d:02d},{d}\n" for d in range(1, 21))
    cell = text + "2020-01-21," + "7" * 1_100_000 + "\n"
    with pytest.raises(LimitError, match=r"line 22\), more than the limit of 1,024 KB.*TSR_MAX_LINE_KB"):
        load_series(cell.encode(), "cell.csv")
    monkeypatch.setenv("TSR_MAX_LINE_KB", "2000")  # raised: the file is read past it
    assert len(load_series(cell.encode(), "cell.csv").frame) == 20
    mac = text.replace("\n", "\r").encode()  # lines ended by carriage returns alone: each its own line
    assert len(load_series(mac, "mac.csv").frame) == 20


def test_a_quoted_cell_over_many_lines_longer_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # 190 MB of digits in one pair of quotes, a line break every megabyte, passed the line limit: 51 s and 1.7 GB.
    from core.data.read import read_table
    from core.data.tidy import load_series
    from core.errors import LimitError

    monkeypatch.setenv("TSR_MAX_LINE_KB", "64")
    text = "date,y\n" + "".join(f"2020-01-{d:02d},{d}\n" for d in range(1, 29))
    quoted = (text + '2020-01-29,"' + ("7" * 10_000 + "\n") * 10 + '7"\n2020-01-30,30\n').encode()
    with pytest.raises(LimitError, match=r"^A quoted cell of the file is 98 KB long \(from line 30\), more than the "
                                         r"limit of 64 KB for a line.*TSR_MAX_LINE_KB"):
        load_series(quoted, "cell.csv")
    # inch marks far apart pair up across the rows between them, but open no cell: read
    inch = '12" pizza'
    pizzas = "date,y,item\n" + "".join(f"2020-01-{d:02d},{d},{inch if d in (2, 27) else 'x' * 5000}\n"
                                       for d in range(1, 29))
    assert len(load_series(pizzas.encode(), "pizza.csv").frame) == 28
    # a quote closed alone on the last line: "a double quote opens a cell on line 30 and is never closed" (the lone
    # quote was taken for a blank note line below the table)
    noted = "date,y,note\n" + "".join(f"2020-01-{d:02d},{d},ok\n" for d in range(1, 29))
    assert read_table((noted + '2020-01-29,29,"' + "1234567\n" * 3 + '"\n').encode(), "q.csv").shape == (29, 3)
    inch_note = noted + '\nNote: sales of 12" pizzas only\nSource: ACME Ltd\n'  # a note with an inch mark is one
    assert read_table(inch_note.encode(), "n.csv").attrs["footnotes"] == ('Note: sales of 12" pizzas only',
                                                                         "Source: ACME Ltd")


def test_file_reads_wait_for_a_free_slot_when_the_servers_are_all_taken() -> None:
    # Three uploads of 200 MB files at once took a server from 3.8 to 10.5 GB: reads now queue like trainings.
    from core.training import slots

    waited: list[int] = []
    held = [slots.reading_slot() for _ in range(slots.MAX_CONCURRENT_READS)]
    for slot in held:
        slot.__enter__()
    released = threading.Event()

    def read_later() -> None:
        with slots.reading_slot(waited.append):
            released.set()

    reader = threading.Thread(target=read_later)
    reader.start()
    assert not released.wait(0.3) and waited == [slots.MAX_CONCURRENT_READS]  # told why, and waiting
    held[0].__exit__(None, None, None)
    assert released.wait(10)
    reader.join()
    for slot in held[1:]:
        slot.__exit__(None, None, None)
