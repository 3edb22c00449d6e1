from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import torch

from core.models.specs import model_names

ROOT = Path(__file__).resolve().parents[2]
AIR = ROOT / "data" / "AirPassengers.csv"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("model", model_names())
def test_every_model_runs_through_the_command_line(model: str, tmp_path: Path) -> None:
    out, metrics = tmp_path / "p.csv", tmp_path / "m.json"
    done = cli("fit", str(AIR), "--model", model, "--horizon", "12", "--out", str(out), "--json", str(metrics), "--seed", "3")
    assert done.returncode == 0, done.stderr
    predictions = pd.read_csv(out)
    assert list(predictions.columns[:4]) == ["ds", "actual", "predicted", "split"]
    assert len(predictions) == 156 and predictions["ds"].iloc[-1] == "1961-12-01"
    assert predictions["actual"].iloc[:144].tolist() == pd.read_csv(AIR)["#Passengers"].astype(float).tolist()
    summary = json.loads(metrics.read_text())
    assert summary["model"] == model and summary["seed"] == 3
    assert {"mae", "rmse", "mape", "smape", "mase", "r2"} <= set(summary["test"])
    assert summary["fit_seconds"] >= 0 and summary["device"] == "cpu" or summary["device"].startswith("cuda")
    assert ("closed_form_gap" in summary) and (model not in ("linear", "poly", "multi", "ar") or summary["closed_form_gap"] <= 1e-4)


def test_a_forecast_held_at_zero_is_said_in_a_note(tmp_path: Path) -> None:
    data = tmp_path / "falling.csv"  # falls 5.5 a month: the line crosses zero 8 steps past the end
    pd.DataFrame({"month": pd.date_range("2020-01-01", periods=48, freq="MS").strftime("%Y-%m-%d"),
                  "units": np.linspace(300.0, 40.0, 48)}).to_csv(data, index=False)
    done = cli("fit", str(data), "--model", "linear", "--horizon", "12", "--json", str(tmp_path / "m.json"))
    assert done.returncode == 0, done.stderr
    step = json.loads((tmp_path / "m.json").read_text())["params"]["future_held_at_zero_from_step"]
    assert f"note: From step {step} the model's forecast falls below zero" in done.stderr


def test_the_terms_a_model_left_out_are_said_in_notes(tmp_path: Path) -> None:
    # The Train page said them; the command line printed nothing, only the JSON's params.left_out held them.
    data = tmp_path / "two_years.csv"
    pd.DataFrame({"month": pd.date_range("2020-01-01", periods=24, freq="MS").strftime("%Y-%m-%d"),
                  "units": 100 + 3 * np.arange(24.0) + 2 * (np.arange(24) % 12)}).to_csv(data, index=False)
    done = cli("fit", str(data), "--model", "multi", "--json", str(tmp_path / "m.json"))
    assert done.returncode == 0, done.stderr
    assert "note: The month term was left out: the training rows are too few for them" in done.stderr
    notices = json.loads((tmp_path / "m.json").read_text())["notices"]
    assert any(notice.startswith("The year term was left out") for notice in notices)


@pytest.mark.parametrize(("args", "words"), [
    (["fit", "missing.csv"], "No file"),
    (["fit", str(AIR), "--target", "Nope"], "'Nope'"),
    (["fit", str(AIR), "--train-fraction", "1.5"], "between 0 and 1"),
    (["fit", str(AIR), "--model", "magic"], "invalid choice"),
    (["fit", str(AIR), "--regressors", "Month"], "the file has none besides the target '#Passengers'"),
])
def test_bad_arguments_exit_2_with_one_line_and_no_traceback(args: list[str], words: str) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr
    assert "Traceback" not in done.stderr


def test_regressors_with_future_values_forecast_past_the_end(tmp_path: Path) -> None:
    rows = ["month,sales,price"] + [f"2020-{m:02d},{100 + 3 * m},{m % 3}" for m in range(1, 13)]
    rows += [f"2021-{m:02d},{136 + 3 * m},{m % 3}" for m in range(1, 13)] + ["2022-01,,1", "2022-02,,2"]
    source = tmp_path / "in.csv"
    source.write_text("\n".join(rows))
    out = tmp_path / "p.csv"
    done = cli("fit", str(source), "--regressors", "price", "--model", "linear", "--horizon", "2", "--out", str(out))
    assert done.returncode == 0, done.stderr
    predictions = pd.read_csv(out)
    assert predictions["split"].tolist()[-2:] == ["future", "future"] and len(predictions) == 26


@pytest.mark.parametrize(("args", "words"), [
    (["fit", str(AIR), "--id-col", "Nope"], "'Nope'"),
    (["fit", str(AIR), "--target", "#Passengers,Nope"], "'Nope'"),
    (["fit", str(AIR), "--jobs", "0"], "--jobs"),
    (["fit", str(AIR), "--scheduler", "tcp://127.0.0.1:8786"], "--engine dask"),
    (["fit", str(AIR), "--engine", "dask", "--scheduler", "htp:/host"], "such as tcp://10.0.0.5:8786"),
    pytest.param(["fit", str(AIR), "--device", "cuda", "--model", "naive"], "not available on this machine",
                 marks=pytest.mark.skipif(torch.cuda.is_available(), reason="this machine has CUDA")),
    (["fit", str(AIR), "--engine", "dask", "--scheduler", "scheduler-host"], "not a scheduler's address"),
    (["fit", str(AIR), "--engine", "spark"], "invalid choice"),
])
def test_many_series_arguments_exit_2_with_one_line(args: list[str], words: str) -> None:
    done = cli(*args)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("outputs", "words"), [
    (["--out", "{tmp}"], "is a folder: give a file name in it, such as {tmp}/predictions.csv"),
    (["--json", "{tmp}/none/m.json"], "does not exist"),
    (["--out", "{tmp}/same", "--json", "{tmp}/same"], "name the same file"),
])
def test_an_output_that_cannot_be_written_is_refused_before_the_file_is_read(outputs: list[str], words: str,
                                                                               tmp_path: Path) -> None:
    # The input is missing: the output's message coming first shows that no work was done before it.
    done = cli("fit", str(tmp_path / "missing.csv"), *[part.format(tmp=tmp_path) for part in outputs])
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and words.format(tmp=tmp_path) in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_pipe_or_device_as_output_is_refused_before_the_work(tmp_path: Path) -> None:
    # A pipe, /dev/stdout or /dev/null was replaced by a regular file (as root, /dev/null itself), or the whole fit ran
    # before a temporary file beside /proc/N/fd/1 failed.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    done = cli("fit", str(tmp_path / "missing.csv"), "--json", str(pipe))
    assert done.returncode == 2 and "is not a regular file (a device or a pipe)" in done.stderr, done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_folder_files_cannot_be_made_in_is_refused_before_the_work_and_a_failed_write_names_the_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root, os.access said /sys and /proc could be written to: the whole fit ran, then "[Errno 13] Permission
    # denied: '/sys/.p.csv.de1_lo2d'", a file the user never named.
    from core import cli as command_line

    done = cli("fit", str(tmp_path / "missing.csv"), "--out", "/proc/p.csv")
    assert done.returncode == 2 and "--out /proc/p.csv: the folder /proc cannot be written to" in done.stderr
    monkeypatch.setattr(command_line.os, "replace", lambda *_: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(ValueError, match=r"^.*/p\.csv could not be written \(No space left\): free space or write"):
        command_line._write_all_or_none({tmp_path / "p.csv": "ds,y\n"})
    assert list(tmp_path.iterdir()) == []  # its temporary file removed


def test_outputs_write_through_a_link_and_keep_the_file_s_mode(tmp_path: Path) -> None:
    target, link, fresh = tmp_path / "kept.csv", tmp_path / "link.csv", tmp_path / "m.json"
    target.write_text("old")
    target.chmod(0o644)
    link.symlink_to(target)
    done = cli("fit", str(AIR), "--model", "naive", "--out", str(link), "--json", str(fresh))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and target.read_text().startswith("ds,actual,predicted")  # the link was replaced
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # was made 0600, as temporary files are
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("seed", ["-1", "2147483648", "18446744073709551616", "1.5"])
def test_a_seed_out_of_the_app_s_range_is_refused_by_name(seed: str) -> None:
    # 2**32 gave seed 0's numbers, 2**64 failed in every series ("Overflow when unpacking long long").
    done = cli("fit", str(AIR), "--seed", seed)
    assert done.returncode == 2 and "--seed" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_blank_column_options_are_detected_and_a_piped_file_is_read(tmp_path: Path) -> None:
    # --target "" (an unset shell variable) failed with an AssertionError; --date-col "" read the months as steps;
    # /dev/stdin was "No file".
    out = tmp_path / "m.json"
    done = subprocess.run([sys.executable, "-m", "core", "fit", "/dev/stdin", "--target", "", "--date-col", " ",
                           "--json", str(out)], cwd=ROOT, input=AIR.read_text(), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    summary = json.loads(out.read_text())
    assert (summary["target"], summary["frequency"], summary["rows"]) == ("#Passengers", "monthly", 144)


@pytest.mark.parametrize("extra", [[], ["--fill-gaps"]])
def test_values_the_file_left_blank_are_neither_actuals_nor_scored(extra: list[str], tmp_path: Path) -> None:
    # Two blank days in the test rows were written as "actual" (their interpolation) and scored: test MAE 0.5594 over
    # 9 rows where the 7 observed give 0.5288. A row --fill-gaps inserts is no observation either.
    rng = np.random.default_rng(4)
    days = pd.date_range("2020-01-01", periods=30, freq="D")
    values = 20 + np.sin(np.arange(30) / 3) * 3 + rng.normal(0, 0.5, 30)
    rows = [f"{day:%Y-%m-%d},{'' if k in (25, 26) and not extra else round(value, 3)}"
            for k, (day, value) in enumerate(zip(days, values)) if not (extra and k in (25, 26))]
    source, out, metrics = tmp_path / "in.csv", tmp_path / "p.csv", tmp_path / "m.json"
    source.write_text("date,y\n" + "\n".join(rows) + "\n")
    done = cli("fit", str(source), "--model", "linear", "--out", str(out), "--json", str(metrics), *extra)
    assert done.returncode == 0, done.stderr
    predictions = pd.read_csv(out, parse_dates=["ds"])
    assert len(predictions) == 30 and predictions["actual"].isna().tolist() == [k in (25, 26) for k in range(30)]
    test = predictions[predictions["split"] == "test"].dropna(subset=["actual"])
    assert len(test) == 7
    mae = float(np.mean(np.abs(test["actual"] - test["predicted"])))
    assert json.loads(metrics.read_text())["test"]["mae"] == pytest.approx(mae, rel=1e-9)


@pytest.mark.parametrize("option", ["--out", "--json"])
def test_an_output_at_the_input_file_is_refused_and_the_input_kept(option: str, tmp_path: Path) -> None:
    source = tmp_path / "sales.csv"
    text = "month,sales\n" + "".join(f"2021-{m:02d},{100 + m}\n" for m in range(1, 13))
    source.write_text(text)
    done = cli("fit", str(source), option, str(tmp_path / "." / "sales.csv"))
    assert done.returncode == 2 and "is the input file" in done.stderr and "Traceback" not in done.stderr
    assert source.read_text() == text


def test_seasonal_naive_repeats_the_same_month_with_months_missing_filled_or_not(tmp_path: Path) -> None:
    # Three months missing: counting rows, seasonal naive's "same month last year" was three rows back, another month.
    months = pd.date_range("2021-01-01", periods=24, freq="MS")
    values = {month: 1000 + 50 * month.month + 5 * month.year for month in months}
    kept = [month for month in months if month not in (pd.Timestamp("2021-06-01"), pd.Timestamp("2021-07-01"),
                                                       pd.Timestamp("2022-04-01"))]
    source, out = tmp_path / "gaps.csv", tmp_path / "p.csv"
    source.write_text("month,sales\n" + "".join(f"{m:%Y-%m},{values[m]}\n" for m in kept))
    plain = cli("fit", str(source), "--model", "snaive", "--horizon", "1", "--out", str(out))
    assert plain.returncode == 0 and "every model keeps each row at its time stamp" in plain.stderr
    assert pd.read_csv(out)["predicted"].iloc[-1] == values[pd.Timestamp("2022-01-01")]
    filled = cli("fit", str(source), "--model", "snaive", "--horizon", "1", "--fill-gaps", "--out", str(out))
    assert filled.returncode == 0 and "3 missing time stamps were inserted" in filled.stderr
    predictions = pd.read_csv(out)
    assert len(predictions) == 25 and predictions["predicted"].iloc[-1] == values[pd.Timestamp("2022-01-01")]


def test_the_gap_note_does_not_suggest_filling_past_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    months = [m for m in pd.date_range("2021-01-01", periods=24, freq="MS") if m.month not in (6, 7, 8)]
    source = tmp_path / "gaps.csv"
    source.write_text("month,sales\n" + "".join(f"{m:%Y-%m},{1000 + 50 * m.month}\n" for m in months))
    monkeypatch.setenv("TSR_MAX_ROWS", "20")  # 18 rows; filled, 24
    done = cli("fit", str(source), "--model", "snaive")
    assert done.returncode == 0 and "--fill-gaps" not in done.stderr
    assert "Filling them would make 24 rows, more than the limit of 20 (TSR_MAX_ROWS)" in done.stderr, done.stderr


def test_the_result_line_names_the_column_it_forecast(tmp_path: Path) -> None:
    # With two numeric columns the detected target was never named: a user could not tell which was forecast.
    source = tmp_path / "two.csv"
    source.write_text("month,store_count,sales\n" + "".join(f"2021-{m:02d},{10 + m % 2},{1000 + 9 * m}\n"
                                                               for m in range(1, 13)))
    done = cli("fit", str(source), "--model", "naive")
    named = cli("fit", str(source), "--model", "naive", "--target", "store_count")
    assert done.returncode == named.returncode == 0
    assert "rows of 'sales'" in done.stdout and "rows of 'store_count'" in named.stdout


@pytest.mark.parametrize(("model", "said"), [("snaive", True), ("ar", True), ("linear", False)])
def test_regressors_named_for_a_model_that_does_not_use_them_are_said_to_be_left_out(model: str, said: bool,
                                                                                     tmp_path: Path) -> None:
    source = tmp_path / "reg.csv"
    source.write_text("month,sales,price\n" + "".join(f"20{21 + m // 12}-{m % 12 + 1:02d},{100 + m},{m % 3}\n"
                                                         for m in range(24)))
    done = cli("fit", str(source), "--model", model, "--regressors", "price")
    assert done.returncode == 0
    assert (f"'{model}' does not use regressors: 'price' left out" in done.stderr) == said, done.stderr


def test_ids_of_a_long_file_whose_rows_end_with_a_separator_keep_their_text(tmp_path: Path) -> None:
    source, out = tmp_path / "long.csv", tmp_path / "p.csv"
    source.write_text("region,month,sales\n" + "".join(f"{region},2021-{m:02d},{100 + m * (len(region))},\n"
                                                        for region in ("007", "7") for m in range(1, 13)))
    done = cli("fit", str(source), "--model", "naive", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert pd.read_csv(out, dtype={"unique_id": str})["unique_id"].unique().tolist() == ["007", "7"]


def test_detected_series_ids_are_named_with_the_way_back_to_one_series(tmp_path: Path) -> None:
    # A payments export split into 499 series by 'Customer Email' named the column nowhere but in the JSON, and a
    # blank --id-col detected again: there was no way to fit the file as one series.
    source, out = tmp_path / "long.csv", tmp_path / "p.csv"
    source.write_text("region,month,sales\n" + "".join(f"{region},2021-{m:02d},{100 + m * len(region)}\n"
                                                      for region in ("north", "south") for m in range(1, 13)))
    done = cli("fit", str(source), "--model", "naive")
    assert done.returncode == 0 and "read as 2 series by 'region' (detected); --id-col none reads it as one series" \
        in done.stderr, done.stderr
    one = cli("fit", str(source), "--model", "naive", "--id-col", "none", "--out", str(out))
    assert one.returncode == 0 and "unique_id" not in pd.read_csv(out).columns, one.stderr
    assert "12 rows of 'sales', monthly" in one.stdout  # the two regions' rows of each month combined by their mean


def test_a_payments_log_is_not_split_by_its_customers(tmp_path: Path) -> None:
    # Its customers separate its repeated stamps (which meet by chance): each became a series of a few rows, refused
    # per day.
    rng = np.random.default_rng(5)
    stamps = pd.Timestamp("2024-03-01") + pd.to_timedelta(np.sort(rng.integers(0, 60 * 1440, 3000)), unit="min")
    log = pd.DataFrame({"Created (UTC)": stamps.strftime("%Y-%m-%d %H:%M"), "Amount": rng.uniform(5, 90, 3000),
                        "Customer Email": [f"c{k}@example.org" for k in rng.integers(0, 400, 3000)]})
    source = tmp_path / "payments.csv"
    log.to_csv(source, index=False)
    done = cli("fit", str(source), "--model", "naive", "--per", "day", "--duplicates", "sum")
    assert done.returncode == 0 and "60 rows of 'Amount', daily" in done.stdout, done.stdout + done.stderr


def test_a_file_of_one_series_keeps_the_single_series_output_with_many_series_flags(tmp_path: Path) -> None:
    plain, many = tmp_path / "plain.csv", tmp_path / "many.csv"
    assert cli("fit", str(AIR), "--model", "linear", "--out", str(plain)).returncode == 0
    done = cli("fit", str(AIR), "--model", "linear", "--target", "all", "--jobs", "2", "--out", str(many),
               "--json", str(tmp_path / "m.json"))
    assert done.returncode == 0, done.stderr
    assert many.read_bytes() == plain.read_bytes()
    assert json.loads((tmp_path / "m.json").read_text())["target"] == "#Passengers"


def test_blank_months_at_the_end_are_left_out_and_said_not_filled_and_scored(tmp_path: Path) -> None:
    # An export with the coming months left empty: filling them would invent the test period's last actuals.
    rows = ["month,sales"] + [f"{2020 + i // 12}-{i % 12 + 1:02d},{100 + i}" for i in range(24)]
    source = tmp_path / "in.csv"
    source.write_text("\n".join(rows + [f"2022-{m:02d}," for m in range(1, 7)]))
    out, metrics = tmp_path / "p.csv", tmp_path / "m.json"
    done = cli("fit", str(source), "--model", "linear", "--out", str(out), "--json", str(metrics))
    assert done.returncode == 0, done.stderr
    predictions = pd.read_csv(out)
    assert len(predictions) == 24 and predictions["ds"].iloc[-1] == "2021-12-01"
    assert json.loads(metrics.read_text())["test"]["mae"] == pytest.approx(0.0, abs=1e-6)  # a straight line
    assert "note: 6 rows before the first or after the last value of 'sales' were left out" in done.stderr
    assert json.loads(metrics.read_text())["notices"][0].startswith("6 rows before the first")


def test_missing_months_are_said_on_stderr_and_in_the_metrics(tmp_path: Path) -> None:
    rows = ["date,value"] + [f"{2015 + i // 12}-{i % 12 + 1:02d}-01,{100 + i}" for i in range(36) if not 9 <= i <= 11]
    source = tmp_path / "in.csv"
    source.write_text("\n".join(rows))
    metrics = tmp_path / "m.json"
    done = cli("fit", str(source), "--model", "snaive", "--json", str(metrics))
    assert done.returncode == 0, done.stderr
    assert "note: 3 time stamps (monthly spacing) are missing" in done.stderr
    assert any("are missing" in note for note in json.loads(metrics.read_text())["notices"])


def test_the_order_of_day_and_month_is_chosen_on_the_command_line(tmp_path: Path) -> None:
    days = pd.date_range("2021-01-01", periods=12, freq="D")  # 01/01 ... 12/01: either order reads
    source = tmp_path / "days.csv"
    source.write_text("date,visits\n" + "".join(f"{d:%m/%d/%Y},{100 + i}\n" for i, d in enumerate(days)))
    chosen = {}
    for flag in ("--day-first", "--month-first"):
        done = cli("fit", str(source), "--model", "naive", "--out", str(tmp_path / "p.csv"), flag)
        assert done.returncode == 0, done.stderr
        chosen[flag] = pd.read_csv(tmp_path / "p.csv")["ds"].iloc[1]
    assert chosen == {"--day-first": "2021-02-01", "--month-first": "2021-01-02"}
    both = cli("fit", str(source), "--day-first", "--month-first")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr


def test_repeated_stamps_and_blank_cells_follow_the_policies_named_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "meter.csv"  # two readings of a flow on the first day, the third day blank
    source.write_text("date,kwh\n2024-01-01,1\n2024-01-01,3\n2024-01-02,2\n2024-01-03,\n"
                      + "".join(f"2024-01-{day:02d},{day}\n" for day in range(4, 20)))
    first_days = {}
    for policies in (("--duplicates", "sum", "--missing", "ffill"), ()):
        done = cli("fit", str(source), "--model", "naive", "--out", str(tmp_path / "p.csv"), *policies)
        assert done.returncode == 0, done.stderr
        written = pd.read_csv(tmp_path / "p.csv")
        # The blank day is no actual; naive's fitted value of the day after it is its filled value.
        first_days[policies[1:2]] = [*written["actual"].iloc[:2], written["predicted"].iloc[3]]
        assert np.isnan(written["actual"].iloc[2])
    assert first_days == {("sum",): [4.0, 2.0, 2.0], (): [2.0, 2.0, 3.0]}  # the defaults: mean, interpolate
    wrong = cli("fit", str(source), "--duplicates", "median")
    assert wrong.returncode == 2 and "invalid choice: 'median'" in wrong.stderr


def test_future_regressor_rows_without_a_horizon_are_said_with_the_option_that_forecasts_them(tmp_path: Path) -> None:
    months = pd.date_range("2021-01-01", periods=27, freq="MS")
    source = tmp_path / "future.csv"
    source.write_text("month,price,qty\n" + "".join(
        f"{m:%Y-%m},{10 + i % 4},{'' if i >= 24 else 100 + 3 * (i % 4)}\n" for i, m in enumerate(months)))
    done = cli("fit", str(source), "--regressors", "price")
    assert done.returncode == 0 and "future values for 3 steps past the end; none was forecast: --horizon 3" in done.stderr
    asked = cli("fit", str(source), "--regressors", "price", "--horizon", "3")
    assert asked.returncode == 0 and "none was forecast" not in asked.stderr and "not forecast" not in asked.stderr
    # Fewer steps than the file gives: the rows past them are in no output, and the note says so (it said nothing).
    fewer = cli("fit", str(source), "--regressors", "price", "--horizon", "1", "--out", str(tmp_path / "p.csv"))
    assert fewer.returncode == 0 and ("--horizon 1 forecast 1 of them, and the other 2 are not forecast (nor written "
                                      "by --out): --horizon 3 forecasts them.") in fewer.stderr
    assert (pd.read_csv(tmp_path / "p.csv")["split"] == "future").sum() == 1


def test_control_characters_in_a_files_cells_are_printed_escaped(tmp_path: Path) -> None:
    # A cell holding ESC[2J (clear the screen) and ESC]0;...BEL (set the window title) reached the terminal raw.
    rows = [f"2020-01-{day:02d},{day}" for day in range(1, 29)] + ["\x1b[2Jbad\x1b]0;pwned\x07,5"]
    source = tmp_path / "ansi.csv"
    source.write_text("date,y\n" + "\n".join(rows) + "\n")
    done = cli("fit", str(source))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "'\\x1b[2Jbad\\x1b]0;pwned\\x07'" in done.stderr, done.stderr


def test_the_files_own_values_come_back_with_every_digit(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"  # ten significant digits wrote 12345678901 as 1.23456789e+10
    source.write_text("date,amount\n" + "".join(f"2020-{m:02d}-01,{12345678901 + m}.12\n" for m in range(1, 13)))
    done = cli("fit", str(source), "--model", "naive", "--out", str(tmp_path / "p.csv"))
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "p.csv").read_text().splitlines()[1]
    assert written.split(",")[1] == "12345678902.12"


def test_a_workbooks_sheet_is_chosen_by_name_or_number(tmp_path: Path) -> None:
    from tests.ui.test_data_page import three_sheets

    book = tmp_path / "book.xlsx"
    book.write_bytes(three_sheets())
    first = cli("fit", str(book), "--model", "naive")
    assert first.returncode == 0 and "36 rows of 'Revenue'" in first.stdout, first.stdout + first.stderr
    assert "note: The workbook has other sheets ('Daily', 'Notes'); sheet 'Monthly' was read" in first.stderr
    for asked in ("Daily", "2"):
        done = cli("fit", str(book), "--model", "naive", "--sheet", asked)
        assert done.returncode == 0 and "60 rows of 'Visits'" in done.stdout, done.stdout + done.stderr
    wrong = cli("fit", str(book), "--model", "naive", "--sheet", "4")
    assert wrong.returncode == 2 and "'book.xlsx' has no sheet '4': its sheets are 'Monthly', 'Daily', 'Notes'." \
        in wrong.stderr, wrong.stderr


def test_a_sheet_named_with_digits_is_read_by_its_name(tmp_path: Path) -> None:
    # --sheet 2024 was taken for the 2024th sheet.
    book = tmp_path / "years.xlsx"
    with pd.ExcelWriter(book, engine="openpyxl") as writer:
        for year, level in (("2023", 10), ("2024", 50)):
            pd.DataFrame({"Month": pd.date_range(f"{year}-01-01", periods=24, freq="MS"),
                          "Sales": range(level, level + 24)}).to_excel(writer, sheet_name=year, index=False)
    done = cli("fit", str(book), "--model", "naive", "--sheet", "2024", "--out", str(tmp_path / "p.csv"))
    assert done.returncode == 0, done.stderr
    assert pd.read_csv(tmp_path / "p.csv")["actual"].iloc[0] == 50


def test_a_regressor_whose_name_holds_a_comma_is_named_quoted(tmp_path: Path) -> None:
    source = tmp_path / "comma.csv"
    months = pd.date_range("2020-01-01", periods=24, freq="MS")
    source.write_text('month,"Sales, EUR","Promo, days"\n' + "".join(
        f"{m:%Y-%m-%d},{100 + 3 * k + (k % 3) * 5},{k % 3}\n" for k, m in enumerate(months)))
    metrics = tmp_path / "m.json"
    done = subprocess.run([sys.executable, "-m", "core", "fit", str(source), "--target", "Sales, EUR", "--regressors",
                           '"Promo, days"', "--model", "multi", "--json", str(metrics)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr  # "There is no column '\\"Promo'" before
    assert json.loads(metrics.read_text())["params"]["regressors"] == ["Promo, days"]


def test_an_event_log_is_combined_per_day_on_the_command_line(tmp_path: Path) -> None:
    rng = np.random.default_rng(5)
    stamps = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 35 * 86_400, 700)), unit="s")
    log = pd.DataFrame({"time": stamps.strftime("%Y-%m-%d %H:%M:%S"), "amount": rng.uniform(1, 9, 700).round(2)})
    source, out = tmp_path / "orders.csv", tmp_path / "p.csv"
    log.to_csv(source, index=False)
    refused = cli("fit", str(source), "--fill-gaps")
    assert refused.returncode != 0 and "(Reading options: 'Combine the rows per'; --per day)" in refused.stderr
    done = cli("fit", str(source), "--per", "day", "--duplicates", "sum", "--model", "snaive", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "note: Rows combined per day by their sum: 700 rows into 35, one per day." in done.stderr
    totals = log.groupby(pd.to_datetime(log["time"]).dt.normalize())["amount"].sum()
    assert pd.read_csv(out)["actual"].to_numpy() == pytest.approx(totals.to_numpy())
    wrong = cli("fit", str(source), "--per", "fortnight")
    assert wrong.returncode == 2 and "invalid choice: 'fortnight'" in wrong.stderr


def test_rows_numbered_as_steps_are_said_on_the_command_line(tmp_path: Path) -> None:
    # the Data page said it; the command line printed no note (a table of drugs read as steps of their spending)
    path = tmp_path / "table.csv"
    path.write_text("a,b\n" + "".join(f"{k}.5,{k}\n" for k in range(12)))
    done = cli("fit", str(path), "--model", "naive")
    assert done.returncode == 0 and "No date column: the rows are numbered as steps 0 to 11" in done.stderr
    assert "--date-col" in done.stderr
