"""Known answers for the learning lab's panels."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import torch

from core.data.frequency import infer_frequency
from core.lab import panels as lab
from core.training.nets import NetConfig, build_net
from core.training.least_squares import least_squares
from core.training.loop import OPTIMIZERS
from core.ui.lab_charts import exact_note, left_the_answer, loss_surface


@pytest.fixture(scope="module")
def data(air):  # type: ignore[no-untyped-def]
    return lab.prepare(air.frame, air.frequency, lab.LabSettings())


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("hidden", [1, 4, 9])
def test_hand_written_gradients_equal_autograd(seed: int, hidden: int) -> None:
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal((20, 3)), rng.standard_normal(20)
    net = build_net(NetConfig(3, hidden), seed).double()
    manual, _ = lab.manual_gradients(net, x, y)  # type: ignore[arg-type]
    auto = lab.autograd_gradients(net, x, y)  # type: ignore[arg-type]
    for name in ("W1", "b1", "W2", "b2"):
        np.testing.assert_allclose(manual[name], auto[name], atol=1e-6, rtol=0)


def test_backprop_report_agrees_on_the_series(data) -> None:  # type: ignore[no-untyped-def]
    report = lab.backprop_check(data, lab.LabSettings(hidden=5))
    assert report.agree and max(report.max_abs_diff.values()) < 1e-6
    assert len(report.chain) == 9


def test_landscape_minimum_is_the_least_squares_answer(data) -> None:  # type: ignore[no-untyped-def]
    result = lab.landscape(data, lab.LabSettings())
    x, y = data.x[:, 0], data.y
    assert result.w_best == pytest.approx(float(np.linalg.lstsq(x[:, None], y, rcond=None)[0][0]))
    grid_best = result.curve.loc[result.curve["mse"].idxmin(), "w"]
    assert abs(grid_best - result.w_best) <= 5 / 60 + 1e-9  # within one grid step
    w_star, b_star = result.minimum
    np.testing.assert_allclose([w_star, b_star], least_squares(x[:, None], y), atol=1e-12)
    surface_best = result.surface.loc[result.surface["mse"].idxmin()]
    assert abs(surface_best["w"] - w_star) < 0.2 and abs(surface_best["b"] - b_star) < 0.2
    assert result.path["mse"].iloc[-1] < result.path["mse"].iloc[0]
    assert result.path["w"].iloc[-1] == pytest.approx(w_star, abs=1e-3)


def test_every_optimizer_lowers_the_loss_at_its_default_rate(data) -> None:  # type: ignore[no-untyped-def]
    results = lab.optimizer_race(data, lab.LabSettings())
    assert [r.optimizer for r in results] == list(OPTIMIZERS)
    start = float(np.mean(data.y ** 2))  # loss of the zero model, about where every seeded start sits
    for result in results:
        assert result.diverged_at is None and result.losses[-1] < 0.5 * start, result.optimizer
    by_name = {r.optimizer: r for r in results}
    assert by_name["lbfgs"].steps_to_answer == 1
    assert by_name["sgd"].test["mape"] == pytest.approx(11.92, abs=0.05)


def test_a_too_large_learning_rate_is_reported_as_diverged(data) -> None:  # type: ignore[no-untyped-def]
    results = lab.optimizer_race(data, lab.LabSettings(race=("sgd", "momentum"), race_lr_scale=100.0))
    assert all(r.diverged_at is not None for r in results)
    table = lab.race_table(results)
    assert table["epochs to stay within 1% of least squares"].str.startswith("diverged at epoch").all()
    assert table[["final training loss", "test MAE", "test MAPE %"]].isna().all().all()  # no last finite loss as a result
    curves = lab.race_curves(results)
    assert np.isfinite(curves["loss"]).all()


def test_same_seed_same_curves(data) -> None:  # type: ignore[no-untyped-def]
    settings = lab.LabSettings(seed=3, epochs=15)
    first, again = lab.batch_comparison(data, settings), lab.batch_comparison(data, settings)
    assert first["loss"].tolist() == again["loss"].tolist()
    other = lab.batch_comparison(data, lab.LabSettings(seed=4, epochs=15))
    single = first["mode"] == "single-sample SGD"
    assert first.loc[single, "loss"].tolist() != other.loc[other["mode"] == "single-sample SGD", "loss"].tolist()


def test_batch_modes_make_the_expected_number_of_updates(data) -> None:  # type: ignore[no-untyped-def]
    frame = lab.batch_comparison(data, lab.LabSettings(epochs=30, batch_size=16))
    counts = frame.groupby("mode").size().to_dict()
    assert counts == {"full-batch gradient descent": 10, "single-sample SGD": 1000, "mini-batch SGD of 16": 70}
    large = lab.batch_comparison(data, lab.LabSettings(epochs=30, batch_size=4096)).groupby("mode").size().to_dict()
    half = len(data.y) // 2  # a batch of all the training rows is the full batch, whose curve it hid: half of them
    assert large[f"mini-batch SGD of {half}"] == 10 * -(-len(data.y) // half)
    assert large["full-batch gradient descent"] == 10


def test_a_diverged_run_is_drawn_per_pass_and_said_where_it_blew_up_and_stopped(data) -> None:  # type: ignore[no-untyped-def]
    # lr 0.5, one row at a time on AirPassengers' 100 training rows: the loss passes 10,000 times its start in the
    # fourth pass, falls back, and the run stops at the end of the sixth. The pass axis divided by the rows a pass, not
    # by the passes whose loss was kept; the curve ends where the loss passed the ceiling (drawn to the pass's end,
    # other runs' reached 1e282 and flattened the other curves on the shared axis).
    frame = lab.batch_comparison(data, lab.LabSettings(lr=0.5))
    single = frame[frame["mode"] == "single-sample SGD"]
    assert single.loc[single["update"] == 100, "epoch"].item() == 1.0 and single["epoch"].max() == 3.04
    assert single["loss"].iloc[-1] > 1e4 * single["start"].iloc[0] > single["loss"].iloc[-2]
    where = lab.batch_divergence(frame)["single-sample SGD"]
    assert (where.blew_up_at, where.stopped_at, where.stopped_pass) == (304, 600, 6)


def test_descent_closes_the_gap_and_raw_inputs_diverge_at_the_same_rate(data) -> None:  # type: ignore[no-untyped-def]
    gaps, diverged = lab.exact_vs_descent(data, lab.LabSettings())
    assert diverged is None and gaps["gap"].iloc[-1] < 1e-8 < gaps["gap"].iloc[0]
    curves, broke = lab.normalization_comparison(data, lab.LabSettings())
    assert broke["raw inputs, lr 0.1"] is not None and broke["z-scored inputs, lr 0.1"] is None
    final = curves.groupby("run")["gap"].last()
    assert final["z-scored inputs, lr 0.1"] < 1e-8 < final[[n for n in final.index if "largest smooth" in n][0]]
    reused, _ = lab.normalization_comparison(data, lab.LabSettings(), (gaps, diverged))
    pd.testing.assert_frame_equal(reused.sort_values(["run", "epoch"]).reset_index(drop=True),
                                  curves.sort_values(["run", "epoch"]).reset_index(drop=True))


def test_vectorized_gradient_matches_and_is_faster(data) -> None:  # type: ignore[no-untyped-def]
    report = lab.vectorize_timing(data, size=20_000, repeats=1)
    assert report.n == 20_000 and report.loop_seconds > 0 and report.vector_seconds > 0


def test_long_series_are_thinned_for_the_traces(air) -> None:  # type: ignore[no-untyped-def]
    long = pd.DataFrame({"ds": range(10_000), "y": np.sin(np.arange(10_000) / 50)})
    from core.data.frequency import STEPS
    data = lab.prepare(long, STEPS, lab.LabSettings(max_rows=500))
    assert data.subsampled and len(data.y) == 500
    assert data.train_rows == 7000  # said with the thinning: the intro's row count is the thinned one
    from core.i18n import t
    assert "7,000 training rows are thinned evenly" in t("lab.thinned", "en", total=data.train_rows)


def test_the_lab_says_which_season_terms_a_short_series_cannot_fit() -> None:
    frame = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=10, freq="MS"), "y": 5 + 2 * np.arange(10.0)})
    data = lab.prepare(frame, infer_frequency(frame["ds"]), lab.LabSettings(model="multi"))
    assert set(data.left_out) == {"year", "month"} and data.names == ["x"]  # told, not silently the linear model


def test_plain_descent_at_the_edge_of_stability_is_told_to_lower_the_rate_not_raise_it(air) -> None:  # type: ignore[no-untyped-def]
    # sgd at lr 1 on z-scored inputs oscillates forever (curvature 2): "raise the learning rate" sent users into
    # divergence (lr 10 diverges).
    data = lab.prepare(air.frame, air.frequency, lab.LabSettings(optimizer="sgd", lr=1.0))
    assert lab.at_stability_edge(data, lab.LabSettings(optimizer="sgd", lr=1.0))
    assert not lab.at_stability_edge(data, lab.LabSettings(optimizer="sgd", lr=0.5))
    assert not lab.at_stability_edge(data, lab.LabSettings(optimizer="adam", lr=1.0))


@pytest.mark.parametrize("model", ["linear", "multi"])
def test_full_batch_descent_converges_just_below_the_largest_stable_rate_and_diverges_just_above(air, model) -> None:  # type: ignore[no-untyped-def]
    # The batch lesson's warning for a diverged full batch names this rate (it gave single rows' reason instead).
    data = lab.prepare(air.frame, air.frequency, lab.LabSettings(model=model))
    edge = lab.largest_stable_rate(data)
    if model == "linear":  # one z-scored feature and a bias: the Hessian is 2 I, so the edge is 1
        assert edge == pytest.approx(1.0)
    runs = {factor: lab.batch_comparison(data, lab.LabSettings(model=model, lr=edge * factor, epochs=600))
            for factor in (0.9, 1.1)}
    assert lab.FULL_BATCH not in lab.batch_divergence(runs[0.9])
    assert lab.FULL_BATCH in lab.batch_divergence(runs[1.1])
    if model == "linear":  # at the edge itself the loss stays where it started: said, not a flat line without a word
        at_edge = lab.LabSettings(model=model, lr=1.0)
        assert lab.full_batch_at_edge(lab.batch_comparison(data, at_edge), data, at_edge)
        assert not lab.full_batch_at_edge(runs[0.9], data, lab.LabSettings(model=model, lr=edge * 0.9))


def test_a_run_that_reaches_the_answer_and_leaves_it_is_told_why(air) -> None:  # type: ignore[no-untyped-def]
    # RMSProp at its default 0.1 reached the answer to rounding, then rose to 65% above it with no word (at 1: 100
    # times it); its last gap was then said to need a higher rate or more epochs.
    assert left_the_answer([1.0, 1e-3, 1e-13, 1e-15, 0.5, 1e-4], exact_zero=False) == (3, 5, 0.5)
    assert left_the_answer([1.0, 1e-3, 1e-13, 1e-15, 1e-3, 1e-14], exact_zero=False) is None  # within 1%: still there
    assert left_the_answer([1.0, 0.5, 0.2, 0.3], exact_zero=False) is None  # never reached it
    notes = {}
    for optimizer, lr in (("rmsprop", 0.1), ("momentum", 0.5), ("sgd", 0.1)):
        settings = lab.LabSettings(optimizer=optimizer, lr=lr, race=())
        notes[optimizer] = exact_note(lab.run_lab(air.frame, air.frequency, settings), "en")
    kind, text = notes["rmsprop"]
    assert kind == "info" and text.startswith("rmsprop reached the exact answer (to rounding) at epoch "), text
    assert "then left it: its loss was " in text and "a step taken on rounding noise throws it off" in text
    assert notes["momentum"][1].startswith("momentum reached the exact answer (to rounding) at epoch 1, then left it")
    assert "velocity of its earlier steps carried it past the answer" in notes["momentum"][1]
    assert notes["sgd"] is None  # plain descent at 0.1 ends at the answer


def test_the_lab_counts_the_trainings_its_budget_cut_short(air, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # A lowered budget stopped the lab's runs without a word: the charts looked like full runs.
    monkeypatch.setenv("TSR_TRAIN_MAX_UPDATES", "50")
    results = lab.run_lab(air.frame, air.frequency, lab.LabSettings(epochs=60, batch_size=4))
    assert results.budget_stops > 0 and "its budget of 50 updates (TSR_TRAIN_MAX_UPDATES)" in results.budget_note
    monkeypatch.delenv("TSR_TRAIN_MAX_UPDATES")
    assert lab.run_lab(air.frame, air.frequency, lab.LabSettings(epochs=10)).budget_stops == 0


def test_the_lab_explains_only_the_undefined_metrics_its_table_shows() -> None:
    from core.ui.explain import undefined_metric_notes

    flat = [{"test": {"mae": 1.0, "mape": None, "mase": None, "r2": None}}]  # one test row: R² and MASE undefined too
    assert [note[:4] for note in undefined_metric_notes(flat, names=("mape",))] == ["MAPE"]  # it explained R² too
    assert len(undefined_metric_notes(flat)) == 3


def test_a_race_run_that_reaches_the_answer_and_leaves_it_is_not_counted_as_there(air) -> None:  # type: ignore[no-untyped-def]
    from core.ui.lab_charts import lab_table

    data = lab.prepare(air.frame, air.frequency, lab.LabSettings(model="multi"))
    race = lab.optimizer_race(data, lab.LabSettings(model="multi", race=("rmsprop",), race_lr_scale=3.0))
    rmsprop = race[0]
    assert rmsprop.steps_to_answer is None and rmsprop.left_at is not None  # it showed 16 steps, ending 11% above
    cell = lab.race_table(race)["epochs to stay within 1% of least squares"].iloc[0]
    assert cell == f"reached at epoch {rmsprop.left_at}, not held"
    assert lab_table(lab.race_table(race), "zh").iloc[0, 2] == f"第 {rmsprop.left_at} 轮达到，但未保持"


def test_a_descent_that_runs_away_is_drawn_to_the_edge_of_the_map_and_a_rising_full_batch_is_said(air) -> None:  # type: ignore[no-untyped-def]
    steep = lab.LabSettings(optimizer="sgd", lr=1.05)  # past the edge of stability: w ran to -225..250 on a map of 6
    data = lab.prepare(air.frame, air.frequency, steep)
    runaway = lab.landscape(data, steep)
    assert runaway.runs_away and runaway.left_map_at is not None and runaway.back_at is None
    assert runaway.path["w"].between(*runaway.surface["w"].agg(["min", "max"])).all()
    rises = lab.batch_rises(lab.batch_comparison(data, steep))
    full = "full-batch gradient descent"
    assert set(rises) == {full} and rises[full][1] > 10 * rises[full][0]
    calm = lab.LabSettings(optimizer="sgd", lr=0.1)
    assert lab.landscape(data, calm).left_map_at is None and not lab.batch_rises(lab.batch_comparison(data, calm))


def test_single_sample_noise_at_the_last_update_is_not_said_to_be_a_rise() -> None:
    # On 3,000 daily rows at the defaults the last single-sample loss (0.114) was above the first (0.105), one noisy
    # step, and the lab said the loss rose, though the run ended 91% below its start: the last pass's median counts.
    updates = np.arange(1, 301)
    noisy = 0.06 + 0.05 * np.exp(-updates / 20) + 0.01 * np.sin(updates)  # falls, with one sample's noise on top
    noisy[-1] = 0.125  # above the first, about 0.116
    batches = pd.DataFrame({"mode": "single-sample SGD", "update": updates, "epoch": updates / 100, "loss": noisy,
                            "diverged_at": np.nan, "blew_up_at": np.nan, "per_pass": 100})
    assert noisy[0] < noisy[-1] and lab.batch_rises(batches) == {}
    rising = batches.assign(loss=np.linspace(0.1, 0.5, 300))
    late = np.median(np.linspace(0.1, 0.5, 300)[200:])
    assert lab.batch_rises(rising) == {"single-sample SGD": (0.1, pytest.approx(late))}


def test_an_adaptive_path_that_jumps_off_the_map_and_comes_back_is_drawn_whole_not_said_to_run_away(air) -> None:  # type: ignore[no-untyped-def]
    settings = lab.LabSettings(optimizer="rmsprop", lr=1.0)  # its first step is about 10 x lr: off a map of 2.4 wide
    data = lab.prepare(air.frame, air.frequency, settings)
    path = lab.landscape(data, settings)
    assert not path.runs_away and path.left_map_at == 1 and path.back_at is not None and path.back_at > 1
    assert len(path.path) == settings.epochs + 1  # it was cut at step 1 and called a runaway
    on_map = path.path["w"].between(*path.surface["w"].agg(["min", "max"])) & path.path["b"].between(
        *path.surface["b"].agg(["min", "max"]))
    assert on_map[path.path["step"] >= path.back_at].all() and not on_map[path.path["step"] == path.back_at - 1].all()
    end = path.path.iloc[-1]
    assert abs(end["w"] - path.minimum[0]) < 1e-6 and abs(end["b"] - path.minimum[1]) < 1e-6
    spec = loss_surface(path).to_dict()
    drawn = spec["layer"][1]
    (w_low, w_high), (b_low, b_high) = (drawn["encoding"][axis]["scale"]["domain"] for axis in ("x", "y"))
    off = ~(path.path["w"].between(w_low, w_high) & path.path["b"].between(b_low, b_high))
    assert drawn["mark"]["clip"] and off.any() and w_high - w_low < 3 * (2.0 + abs(path.minimum[0]))  # axes: the map's
    assert "white line is the optimizer's path" in " ".join(spec["title"]["text"])  # a screen reader's name for it


@pytest.mark.parametrize("epochs", [8, 11, 20, 60, 100])
def test_a_path_that_keeps_leaving_the_map_is_back_only_once_it_stays(air, epochs: int) -> None:  # type: ignore[no-untyped-def]
    # adam at lr 10 leaves the map again and again up to step 14: a last step that happened to land on it made it
    # "back at step 2" at 11 epochs and a runaway at 8. It is back from step 15, said once that is its last quarter
    # at least (once half of it, 30 epochs back from step 21 were said to run away, with nothing drawn).
    settings = lab.LabSettings(optimizer="adam", lr=10.0, epochs=epochs)
    path = lab.landscape(lab.prepare(air.frame, air.frequency, settings), settings)
    assert path.left_map_at == 1
    assert (path.runs_away, path.back_at) == ((True, None) if epochs < 20 else (False, 15))


def test_values_the_file_left_blank_are_not_scored_in_the_race(air) -> None:  # type: ignore[no-untyped-def]
    # The race scored the filled test rows where the Train page leaves them out.
    last = len(air.frame) - 1
    data = lab.prepare(air.frame, air.frequency, lab.LabSettings(), filled=(last, 2))
    assert np.isnan(data.y_test[-1]) and np.isfinite(data.y_test[:-1]).all()
    assert data.y_train_raw[2] == air.frame["y"].iloc[2]  # the model still trains on the filled value


def test_descent_short_of_a_line_through_every_row_is_told_as_a_share_of_the_variance() -> None:
    # It said "still 3.92e+05 times the exact loss above it" of an exact loss of 5e-32 (the gap's floor, not the loss).
    from core.ui.explain import gap_words

    frame = pd.DataFrame({"ds": pd.date_range("2015-01-01", periods=48, freq="MS"), "y": 2.0 * np.arange(48) + 1})
    settings = lab.LabSettings(lr=0.001, race=("sgd",))
    results = lab.run_lab(frame, infer_frequency(frame["ds"]), settings)
    gap = float(results.exact[0]["gap"].iloc[-1])
    assert results.exact_zero and gap > 1
    said = gap_words(gap, results.exact_zero)
    assert "of the target's variance above the exact loss, which is about 0" in said and "times" not in said
    assert said.startswith(f"{100 * gap * 1e-6:.3g}%")
    assert "倍" not in gap_words(gap, True, "zh") and "方差" in gap_words(gap, True, "zh")
    assert results.gap_axis == "lab.axis.gap_variance"  # the axis started at 1,000,000 "relative gap"
    curved = lab.run_lab(frame.assign(y=np.sin(np.arange(48.0))), infer_frequency(frame["ds"]), settings)
    assert not curved.exact_zero and curved.gap_axis == "lab.axis.gap"


def test_a_gradient_the_relu_blocks_is_shown_as_zero_not_minus_zero() -> None:
    assert lab._fmt(np.array([-0.0, 0.0, -1e-7, 0.25, -0.5])) == "[0.0000, 0.0000, 0.0000, +0.2500, -0.5000]"


def test_the_heat_maps_cells_are_centred_on_their_grid_points(air) -> None:  # type: ignore[no-untyped-def]
    # Drawn from each grid point up and to the right, the marked minimum sat on the lowest cell's corner.
    settings = lab.LabSettings()
    path = lab.landscape(lab.prepare(air.frame, air.frequency, settings), settings)
    spec = loss_surface(path).to_dict()
    heat = spec["layer"][0]
    cells = pd.DataFrame(spec["datasets"][heat["data"]["name"]])
    assert np.allclose((cells["w_low"] + cells["w_high"]) / 2, cells["w"])
    assert np.allclose((cells["b_low"] + cells["b_high"]) / 2, cells["b"])


def test_a_target_that_varies_below_a_trillionth_of_its_level_is_constant_to_the_lab() -> None:
    # The scaler leaves it unscaled (rounding, not a series): the lab drew it as a series of losses near 1e-13.
    frame = pd.DataFrame({"ds": pd.date_range("2020-01-01", periods=60, freq="MS"),
                          "y": 5e6 + 1e-6 * np.random.default_rng(0).integers(0, 3, 60)})
    assert lab.prepare(frame, infer_frequency(frame["ds"]), lab.LabSettings()).constant
    rising = frame.assign(y=5e6 + np.arange(60.0))
    assert not lab.prepare(rising, infer_frequency(rising["ds"]), lab.LabSettings()).constant


def test_raw_and_z_scored_inputs_start_from_one_model_in_the_normalize_lesson() -> None:
    # The seed's weights taken as they are meant another start in other units: temperatures around 0 began at the
    # raw answer (gap 5.6e-4 from the first epoch), and the chart had raw inputs ahead of z-scored ones.
    months = np.arange(96)
    temps = 8 * np.sin(2 * np.pi * months / 12) + 0.02 * months + np.random.default_rng(3).normal(0, 0.5, 96)
    frame = pd.DataFrame({"ds": pd.date_range("2015-01-01", periods=96, freq="MS"), "y": temps})
    settings = lab.LabSettings()
    data = lab.prepare(frame, infer_frequency(frame["ds"]), settings)
    weights, bias = lab.raw_start(data, settings.seed)
    net = build_net(NetConfig(data.x.shape[1]), settings.seed)
    z_start = net(torch.as_tensor(data.x, dtype=torch.float32)).detach().numpy().ravel()
    np.testing.assert_allclose(data.x_raw @ weights + bias, data.y_scaler.inverse_transform(z_start), rtol=1e-5,
                               atol=1e-5)
    curves, _ = lab.normalization_comparison(data, settings)
    smooth = curves[curves["run"].str.contains("largest smooth")]["gap"].to_numpy()
    z_scored = curves[curves["run"].str.startswith("z-scored")]["gap"].to_numpy()
    assert smooth[0] > 0.05 and smooth[19] > 10 * z_scored[19]  # the raw run crawls from where the other starts


def test_the_mini_batch_lesson_bounds_its_single_sample_updates_on_many_rows() -> None:
    # 20 passes over 766 daily rows made 15,000 single-sample updates: 5.5 s of the page's 7.7 s.
    assert lab.batch_passes(60, 766) == 7 and lab.batch_passes(60, 100) == 20 and lab.batch_passes(300, 100) == 60
    assert lab.batch_passes(60, 2000) == 3 and lab.batch_passes(15, 5000) == 2 and lab.batch_passes(5, 10) == 5
    assert lab.batch_passes(60, 766) * 766 <= lab.MAX_SINGLE_UPDATES


def test_a_rise_is_measured_from_the_loss_before_any_update(data) -> None:  # type: ignore[no-untyped-def]
    # At a rate of 1 the mini-batch run's note read "above where it started (1)": the loss after its first update,
    # where the model started at 1.30.
    frame = lab.batch_comparison(data, lab.LabSettings(lr=1.0))
    rises = lab.batch_rises(frame)
    assert rises, "a rate of 1 makes some batch mode rise"
    for mode, (first, _) in rises.items():
        runs = frame[frame["mode"] == mode]
        assert first == runs["start"].iloc[0] != runs["loss"].iloc[0]
    assert frame.groupby("mode")["start"].nunique().eq(1).all() and frame["start"].nunique() == 1  # one seeded start


def test_on_a_line_through_every_row_the_race_counts_a_loss_under_a_ten_thousandth_of_the_variance_as_there() -> None:
    from core.ui.lab_charts import race_notes

    days = pd.date_range("2000-01-01", periods=120, freq="MS")
    frame = pd.DataFrame({"ds": days, "y": 100 + 2.0 * np.arange(120)})
    settings = lab.LabSettings(race=("momentum", "rmsprop", "adadelta"))
    data = lab.prepare(frame, infer_frequency(frame["ds"]), settings)
    race = lab.optimizer_race(data, settings)
    momentum, rmsprop, adadelta = race  # 3e-8 and 5e-7 of the variance were "not held" / "not reached" (1e-8 asked)
    assert momentum.steps_to_answer is not None and rmsprop.steps_to_answer is not None
    assert all(loss <= 1e-4 * np.var(data.y) for loss in rmsprop.losses[rmsprop.steps_to_answer - 1:])
    assert adadelta.steps_to_answer is None and adadelta.losses[-1] > 1e-4 * np.var(data.y)  # 0.25: far from it
    results = lab.run_lab(frame, infer_frequency(frame["ds"]), settings)
    assert results.exact_zero and "ten-thousandth of the variance" in race_notes(results)[0]
    air_like = frame.assign(y=frame["y"] + 10 * np.sin(np.arange(120)))
    assert race_notes(lab.run_lab(air_like, infer_frequency(frame["ds"]), lab.LabSettings(race=("sgd",)))) == []


def test_at_the_edge_of_stability_the_path_is_no_dot_and_the_full_batch_loss_no_rise(air) -> None:  # type: ignore[no-untyped-def]
    # At a rate of 1 every step of the path crosses the map to the minimum's mirror image, and every second one lands
    # on the start: the note said it "moved 0.0% of the way" and to raise the rate (which diverges). On 3,000 rows
    # with a trend the full batch's loss stayed at its start to rounding (1e-15 above it), said to have risen, and the
    # note of the edge of stability was lost.
    from core.ui.lab_charts import path_note

    assert path_note(lab.run_lab(air.frame, air.frequency, lab.LabSettings(lr=1.0))) is None
    still = path_note(lab.run_lab(air.frame, air.frequency, lab.LabSettings(lr=1e-5)))
    assert still is not None and "Raise the learning rate" in still[1]
    days = pd.date_range("2015-01-01", periods=3000, freq="D")
    steps = np.arange(3000)
    trend = pd.DataFrame({"ds": days, "y": 1000 + 2.5 * steps + np.random.default_rng(7).normal(0, 20, 3000)})
    at_edge = lab.LabSettings(lr=1.0)
    data = lab.prepare(trend, infer_frequency(trend["ds"]), at_edge)
    batches = lab.batch_comparison(data, at_edge)
    assert lab.FULL_BATCH not in lab.batch_rises(batches) and lab.full_batch_at_edge(batches, data, at_edge)
