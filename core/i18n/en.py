"""The English catalog: every text the interface shows, by key (``core.i18n.t``).

Keys are grouped by where they appear. ``err.`` and ``notice.`` entries are the messages core's loader writes
(``core.errors``, ``core.data.tidy.Notice``), word for word: ``{n:plural:row}`` writes "1 row" or "2 rows",
``{n:were}`` "was" or "were". Entries under ``freq.``, ``policy.``, ``sep.``, ``level.``, ``outliers.`` and
``lab.curve/column/cell.`` are the English words core uses, matched to say them in another language.
"""

MESSAGES: dict[str, str] = {
    # Every page ------------------------------------------------------------------------------------------------
    "app.title": "Time-series regression",
    "app.language": "Language",
    "app.out_of_memory": "The server ran out of memory for this: use fewer rows (a coarser time step, a shorter span), "
                         "fewer lags, terms or hidden units, or mini-batches.",
    "app.bug": "Internal error ({kind}): this is a bug in the app, not a problem with your data or settings. "
               "The details are in the server log.",
    "nav.data": "Data",
    "nav.train": "Train",
    "nav.compare": "Compare",
    "nav.forecast": "Forecast",
    "nav.lab": "Learning Lab",

    # Data page -------------------------------------------------------------------------------------------------
    "data.reading": "Reading the file...",
    "data.runs_kept": "The runs on series {series} are kept: show it again to see them on Train, Compare and Forecast.",
    "data.url_fraction_ignored": "The link's train fraction {given} is outside 0.5 to 0.95 or unreadable, so the split "
                                 "stays at {used}.",
    "data.runs_cleared": "Runs made on the previous series were cleared.",
    "data.runs_forgotten": "Series {series} lost its oldest {count:plural:run}: the runs kept for the series not "
                           "shown are at most {most}, their predictions at most {mb:,.0f} MB, those left longest "
                           "ago going first.",
    "data.runs_forgotten_all": "Series {series} lost every run it had ({count:plural:run}): the runs kept for the "
                               "series not shown are at most {most}, their predictions at most {mb:,.0f} MB, those "
                               "left longest ago going first.",
    "data.upload": "Upload a file (CSV, Excel, Parquet)",
    "data.upload_help": "A time column and at least one numeric column; up to {mb:g} MB (TSR_MAX_FILE_MB changes it). "
                        "Delimiter, decimal comma, "
                        "encoding and date format are detected. A file may come gzipped (.gz) or alone in a .zip.",
    "data.sample": "Or a shipped sample",
    "data.sample_help": "Example series that ship with the app.",
    "data.load_sample": "Load sample",
    "data.load_sample_help": "Replace the current series with the chosen sample.",
    "data.reading_options": "Reading options",
    "data.per": "Combine the rows per",
    "data.per_help": "For an event log (orders, payments, readings at irregular times): the rows of each minute, hour, "
                     "day, week (from Monday), month, quarter or year become one row, combined as 'Repeated time "
                     "stamps' says (sum: a day's total; a day without a row then counts as 0).",
    "data.decimal": "Decimal mark",
    "data.decimal_help": "The mark between the whole and the decimal part of the file's numbers. Detected by default: "
                         "a file separated by semicolons that writes 1.600 reads it as 1600, a file separated by "
                         "commas that writes \"2,500\" as 2500; choose point or comma when the file means 1.6 or 2.5. "
                         "Text files only (a workbook's cells carry their numbers).",
    "decimal.detect": "detect",
    "decimal.point": "point (1.5)",
    "decimal.comma": "comma (1,5)",
    "data.count_rows": "(count the rows per {per})",
    "data.duplicates": "Repeated time stamps",
    "data.duplicates_help": "How rows that share a time stamp but differ are combined; max or min: the period's "
                            "peak or low (a busy hour, with Combine the rows per); count: the rows themselves are "
                            "counted (an event log's tickets per day).",
    "data.fill_gaps": "Fill missing time stamps",
    "data.fill_gaps_help": "Insert the missing steps of the detected frequency and fill them with the missing-value "
                           "policy ('drop' then interpolates: dropping would leave steps missing).",
    "data.date_order": "Date order",
    "data.date_order_help": "For dates like 01/02/2020: detected from the data unless you choose.",
    "data.order_detect": "detect",
    "data.order_day_first": "day first (31/01)",
    "data.order_month_first": "month first (01/31)",
    "data.date_column": "Date column",
    "data.date_column_help": "Detected from the column names and values.",
    "data.no_date_column": "(none: number the rows)",
    "data.target": "Target",
    "data.target_help": "The numeric column to model and forecast.",
    "data.regressors": "Regressors (optional)",
    "data.regressors_help": "Extra numeric columns the regression models use as features.",
    "data.missing": "Missing values",
    "data.missing_help": "How blank cells are filled: interpolate draws a straight line between the neighbours, ffill "
                         "repeats the last value, drop drops those rows, zero reads a blank as none (a cost not "
                         "charged that day).",
    "data.missing_interpolate": "interpolate",
    "data.missing_ffill": "ffill (repeat the last)",
    "data.missing_drop": "drop those rows",
    "data.missing_zero": "zero (a blank is none)",
    "data.other_columns": "Other numeric columns you can add as regressors: {columns}; or fit each as a series of its "
                          "own ('All numeric columns as series' under Reading options).",
    "data.rows": "Rows",
    "data.frequency": "Frequency",
    "data.season_help": "Season length {season}.",
    "data.outliers": "Suspected outliers",
    "data.outlier_caption": "Points that sit far from what their neighbours and the seasonal pattern lead one to "
                            "expect (more than {limit:g} times the series' typical deviation, at most {most} listed, "
                            "most unusual first): they may be errors or real events such as holidays, so check them "
                            "before changing anything.",
    "data.outliers_kept": " Kept as they are.",
    "data.span": "From {start} to {end}.",
    "data.quality": "Data quality",
    "data.filled_at": "- Target values filled in ({circled}): {stamps}{more}",
    "data.filled_circled": "circled on the chart",
    "data.filled_circled_first": "the first {most:,} circled on the chart",
    "data.filled_more": " and {more:,} more",
    "data.quality_list": "- Missing values filled ({policy}): **{filled:,}**\n"
                         "- Rows left out (blank or unreadable dates or values, totals, notes: the notices say "
                         "which): **{dropped:,}**\n"
                         "- Exact duplicate rows dropped: **{duplicates:,}**; repeated time stamps combined: "
                         "**{stamps:,}**\n"
                         "- Missing time stamps ({frequency}): **{gaps:,}**",
    "data.gaps_on_calendar": "{gaps:plural:time stamp} missing and not filled: every model keeps each row at its time "
                             "stamp, so seasons and lags after a gap stay in step. The regressions on time place each "
                             "row by its stamp; auto, ar and seasonal naive fit on every stamp of the calendar, the "
                             "missing ones interpolated. Scores count only the rows the file has. To see the missing "
                             "stamps filled and train every model on them, tick 'Fill missing time stamps' on the Data "
                             "page.",
    "data.gaps_sparse": "{gaps:plural:time stamp} missing and not filled, more than the rows the file has: the "
                        "regressions on time (linear, poly, multi, mlp) place each row by its time stamp, but auto, ar "
                        "and seasonal naive count rows (on a calendar mostly missing they would fit interpolation), so "
                        "their seasons and lags after a gap are misaligned. Combine the rows per a coarser period "
                        "under Reading options ('Combine the rows per'), or use a regression on time.",
    "data.gaps_days_of_none": "If a day without a row had none (no sale, no order: the file lists only the days with "
                              "one), combine the rows per day by their sum under Reading options: those days are "
                              "then 0.",
    "data.gaps_misalign_rows": "{gaps:plural:time stamp} missing and not filled, and some stamps are off the "
                               "series' calendar: the models count rows (only multi's and mlp's calendar terms, such "
                               "as the month or the weekday, are read from the stamps), so trends, seasons and lags "
                               "after a gap are misaligned (seasonal naive's 'one season back', the same month last "
                               "year or the same weekday last week, lands on another one). Tick 'Fill missing time "
                               "stamps' on the Data page, unless the gaps are closed days.",
    "data.gaps_clock_change": "{gaps:plural:time stamp} missing and not filled, each in the hour the clocks skip "
                              "when they move forward for daylight saving: the times are local, and that hour never "
                              "happened. Every model keeps each row at its time stamp (auto, ar and seasonal naive "
                              "fit with that hour interpolated), so each day keeps its hours in step. To have it "
                              "filled in the data, tick 'Fill missing time stamps' on the Data page, or write the "
                              "times with their UTC offset.",
    "data.irregular": "The time stamps are irregular: {off:,} of {rows:,} rows fall between the steps (an event log, "
                      "such as payments or orders). Models count rows as steps, so seasons and forecast dates mean "
                      "little here, and filling the gaps would invent rows at times that never occur: combine the "
                      "rows per {per} into a regular series under Reading options ('Combine the rows per', with "
                      "'Repeated time stamps' at sum for totals of an amount, or at count for how many rows each "
                      "holds; --per {flag} --duplicates sum or count on the command line).",
    "data.intro": "Load a series, then train models on **Train**, compare them on **Compare** and look ahead on "
                  "**Forecast**. Loaded now: **{source}**{details}",
    "data.about": " ({about})",
    "data.details_of": ", series {series}: {rows:,} rows, {frequency}.",
    "data.details": ", {rows:,} rows, {frequency}.",
    "data.session_note": " {note}",
    "data.could_not_use": "Could not use '{name}': {problem}",
    "data.retry": "Read '{name}' with other columns",
    "data.read_again": "Read again",
    "data.read_again_help": "Read the file again with this date column and target; the series in use stays until it "
                            "loads.",
    "data.series": "Series: {source}",
    "data.steps_note": "No date column: the rows are numbered as steps 0 to {last:,} in file order, so there are no "
                       "calendar features and forecasts are in steps. If a column holds the dates, choose it under "
                       "**Date column**; if none is listed, add one to the file.",
    "data.fraction": "Train fraction",
    "data.fraction_help": "The first part of the series trains the models; the rest tests them, in time order.",
    "chart.thinned_epochs": "The chart draws a thinned copy of the epochs (LTTB); the training used every one.",
    "data.thinned": " The chart draws a thinned copy (LTTB); all computing uses every row.",
    "data.split_few": " With {test:plural:row} to test on, the test metrics say little: lower the train fraction to "
                      "test on more.",
    "data.split": "{train:plural:row} train, {test:plural:row} test. Drag to pan, scroll to zoom.{thinned}",
    "data.preview": "**Preview**",
    "data.step_column": "step",
    "sample.air_passengers": "monthly airline passengers in thousands, 1949-1960, shipped with the app",
    "session.elsewhere": "The session this link named was opened in another browser: its file and runs stay there. "
                         "{sample} is loaded; load your file to work with the link's settings.",
    "session.expired": "The session this link named has expired (sessions are kept {hours:g} hours after their last "
                       "change) or is unknown: {sample} is loaded; load your file again.",
    "session.unreadable": "The earlier session's file '{name}' could not be read again: {problem}",
    "session.not_kept": "This session (about {mb:,} MB) is too large to keep for a reload: a reload starts afresh.",
    "session.restored": "Restored from the earlier session: {name}.",
    "session.restored_runs": "Restored from the earlier session: {name}, with {runs:plural:run}.",
    "outliers.date": "Date",
    "outliers.step": "Step",
    "outliers.value": "Value",
    "outliers.expected": "Expected",
    "outliers.how": "How unusual (× typical deviation)",

    # Train page ------------------------------------------------------------------------------------------------
    "train.title": "Train a model",
    "train.series_of": "{source}, series **{series}**",
    "train.intro": "Series: {source} ({rows:,} rows, {frequency}); train fraction {fraction:.2f} (set on Data).",
    "train.model": "Model",
    "train.regressors_unused": "It does not use regressors: {names} left out; {users} use them.",
    "train.model_help": "Each model's own settings appear below it.",
    "train.training": "Training",
    "train.device": "Device",
    "train.device_help": "auto takes the GPU for 100,000 training rows or more (TSR_GPU_MIN_ROWS), the CPU below, where it is faster; only devices this machine has are listed.",
    "train.training_now": "Training...",
    "train.stage_band": "Trained. Measuring the prediction band from forecasts made at earlier points of the series: the model is fitted again a few times, which may take several times as long as the training did...",
    "train.stage_forecast": "Forecasting past the end of the data...",
    "train.batch_cut": "A mini-batch of {asked:,} rows was asked for, but the training holds {rows:plural:row}: each update used all of them, as the full batch does. Choose a batch size below {rows:,} to see mini-batches.",
    "train.url_ignored": "Out of range or unreadable in the link, so left at their defaults: {names} (each setting's help gives its range).",
    "train.epoch": "Epoch {epoch:,} of at most {epochs:,}; {seconds:,} s of the time budget of {budget:,} s, whichever ends first",
    "train.waiting": "Waiting for a free training slot: this server trains {slots} model(s) at a time.",
    "train.interrupted": "The training of '{model}' stopped after {epochs:plural:epoch}, before its end: a setting changed or another page opened while it ran, which restarts the page. Press Train to train again; the settings stay as they are now.",
    "train.band_interrupted": "The training of '{model}' ended and is kept as run #{number}, but measuring its "
                              "prediction band was stopped: a setting changed or another page opened while it ran. "
                              "Its test rows have no band; press Train to train it again with one.",
    "train.interrupted_early": "The training of '{model}' stopped before its end: a setting changed or another page opened while it ran, which restarts the page. Press Train to train again; the settings stay as they are now.",
    "train.failed": "Training could not finish: {problem}{earlier}",
    "train.shown_earlier": " The result below is {run}'s, the last run that finished.",
    "train.result": "{model}: actual vs predicted",
    "train.gap": "Gap to the exact least-squares fit",
    "train.gap_help": "How far the trained training loss is above the closed-form optimum, relative to it (2.01e-02: "
                       "2.01% above it); where the optimum is about 0 (a model that fits the training rows exactly), "
                       "as a share of the target's variance.",
    "train.budget": "{note}",
    "budget.time": "Training stopped at its time budget of {seconds} s ({variable}) at epoch {epochs}, "
                   "update {updates}: the result so far is shown. Use fewer epochs or larger batches, or raise the "
                   "limit.",
    "budget.updates": "Training stopped at its budget of {most} updates (TSR_TRAIN_MAX_UPDATES) at epoch {epochs}, "
                      "update {updates}: the result so far is shown. Use fewer epochs or larger batches, or raise the "
                      "limit.",
    "budget.time_full": "Training stopped at its time budget of {seconds} s ({variable}) at epoch {epochs}, "
                        "update {updates}: the result so far is shown. Use fewer epochs, or raise the limit.",
    "budget.updates_full": "Training stopped at its budget of {most} updates (TSR_TRAIN_MAX_UPDATES) at epoch "
                           "{epochs}, update {updates}: the result so far is shown. Use fewer epochs, or raise the "
                           "limit.",
    "list.separator": ", ",
    "settings.separator": ", ",
    "candidate.ensemble": "ensemble of {members}",
    "candidate.transformed": "{model} ({transform})",
    "candidate.log": "log",
    "candidate.boxcox": "Box-Cox",
    "gap.percent": "{percent} above the exact loss",
    "gap.times": "at {ratio} times the exact loss",
    "gap.constant": "{loss} above the exact loss, which is 0 for a constant target (a loss in the target's squared "
                    "units)",
    "gap.metric_variance": "{share} of the variance",
    "gap.metric_constant": "{loss} (squared units)",
    "gap.of_variance": "{share} of the target's variance above the exact loss, which is about 0 (the model can fit "
                       "the training rows exactly)",
    "train.not_reached_overshoot": "The fit stopped {above}, after {epochs:plural:epoch}: "
                                   "with {optimizer} at learning rate {lr} the loss stopped falling, as steps too large "
                                   "overshoot back and forth. Lower the learning rate, or use lbfgs.",
    "train.not_reached_noise": "The fit is still {above}, after {epochs:plural:epoch}: {optimizer} on mini-batches or "
                               "single rows follows each one's own gradient, so at learning rate {lr} its loss "
                               "bounces at a noise floor instead of settling (the run keeps the weights of epoch "
                               "{kept}, its lowest loss). Lower the learning rate, use larger batches or the full "
                               "batch, or use lbfgs.",
    "train.not_reached_slow": "After {epochs:plural:epoch} the fit is still {above}: "
                              "{optimizer} at learning rate {lr} is still descending. Raise the learning rate or the "
                              "epochs, or use lbfgs.",
    "train.not_reached_slow_most": "After {epochs:plural:epoch} the fit is still {above}: {optimizer} at learning "
                                   "rate {lr} is still descending, and the epochs are at their most. Raise the "
                                   "learning rate, or use lbfgs.",
    "train.not_reached_rising": "After {epochs:plural:epoch} the fit is {above}, its loss up from {start:.4g} before "
                                "the first update to {end:.4g}: {optimizer} at learning rate {lr} steps too far and "
                                "overshoots the answer. Lower the learning rate, or use lbfgs.",
    "train.not_reached_swinging": "After {epochs:plural:epoch} the fit is still {above}: {optimizer} at learning rate "
                                  "{lr} overshoots, swinging less and less as it closes in. Train for more epochs, "
                                  "or lower the learning rate a little, or use lbfgs.",
    "train.not_reached_lbfgs": "After {epochs:plural:epoch} the fit is still {above}: "
                               "lbfgs, which follows the loss's curvature, could not close the gap, as the features "
                               "are nearly collinear (high powers of x, or many terms for few rows). Use a lower "
                               "degree or fewer terms.",
    "train.few_test_rows": "Only {test:plural:row} to test on: these test metrics say little. Lower the train fraction "
                           "on the Data page to test on more.",
    "train.other_fraction": "This run was trained at train fraction {used:g}, not the current split's {fraction:g} "
                            "(set on Data): its scores and shaded test rows are that split's. Press **Train** to train "
                            "at {fraction:g}.",
    "train.fitted": "Fitted in {seconds:.3f} s on {device}; train fraction {fraction:.2f}. Metrics in original units.",
    "train.few_epochs": "Training took {epochs} epoch(s); final scaled loss {loss:.3e}.",
    "train.learned": "What the model learned",
    "train.backtest": "Backtest leaderboard behind the choice (score: backtest error / seasonal-naive error; log "
                      "candidates' scores are multiplied by 1.1: a transform is taken only when it wins clearly)",
    "train.candidate": "model",
    "train.backtest_score": "score",
    "train.download_csv": "Download predictions (CSV)",
    "train.download_model": "Download model (.pt)",
    "train.download_model_help": "The fitted model; opens with torch.load(weights_only=True) on any CPU.",
    "train.train": "Train",
    "train.train_help": "Fit the model on the training rows.",
    "train.dropped": "Only the last {most} runs, and {mb:,.0f} MB of their predictions, are kept (TSR_SESSION_RUNS_MB): "
                     "the oldest {count:plural:run} {count:were} dropped.",
    "train.start_one": "The run over every series is above. Press **Train** to train the chosen model on series "
                       "{series} alone (the series the Data page shows), with its residuals and downloads.",
    "train.start": "Choose a model in the sidebar and press **Train**.",

    # What a model learned ---------------------------------------------------------------------------------------
    "coef.steps_are_rows": "A step is one row, not always the series' spacing ({spacing}): time stamps are missing between some rows, or are irregular.",
    "coef.trend": "Trend: {target} changes by {value:+,.4g} {per}.",
    "coef.poly_start": "Trend (polynomial of degree {degree}): {target} changes by {value:+,.4g} {per} at the start "
                       "of the training span",
    "coef.end": ".",
    "coef.poly_end": " and by {value:+,.4g} {per} at its end ({later}).",
    "coef.changepoint": "After step {step}: the trend's change {per} shifts by {value:+,.4g}.",
    "coef.season": "{level}: {value:+,.4g} compared with the first {part} of the cycle.",
    "coef.season_vs": "{level}: {value:+,.4g} compared with {reference}.",
    "coef.sin": "{name}: {value:+,.4g} times the season's sine wave of {k:plural:cycle} a season; with the cosine "
                "of the same number, it draws that part of the season's shape.",
    "coef.cos": "{name}: {value:+,.4g} times the season's cosine wave of {k:plural:cycle} a season; with the sine "
                "of the same number, it draws that part of the season's shape.",
    "coef.cycle_name.year": "yearly {wave}{k}",
    "coef.cycle_name.day": "daily {wave}{k}",
    "coef.cycle_span.year": "a year",
    "coef.cycle_span.day": "a day",
    "coef.cycle_sin": "{name}: {value:+,.4g} times the sine wave of {k:plural:cycle} every {period} rows ({span}); "
                      "with the cosine of the same number, it draws that part of the cycle's shape.",
    "coef.cycle_cos": "{name}: {value:+,.4g} times the cosine wave of {k:plural:cycle} every {period} rows ({span}); "
                      "with the sine of the same number, it draws that part of the cycle's shape.",
    "coef.left_out_cycle": "The yearly cycle's sine/cosine pairs were left out: the training rows cover less than two "
                           "years.",
    "coef.left_out_day_cycle": "The daily cycle's sine/cosine pairs were left out: the training rows cover less than "
                               "two days.",
    "coef.year": "Year: {value:+,.4g} per calendar year on top of the trend.",
    "coef.trend_and_year": "Trend and year together: {target} changes by about {value:+,.4g} a year (the two terms "
                           "share the rise, so either alone can mislead).",
    "coef.lag.values": "Each value carries {value:+,.4g} times the value {k:plural:step} before it.",
    "coef.lag.changes": "Each step's change carries {value:+,.4g} times the change {k:plural:step} before it.",
    "coef.lag.seasonal changes": "Each change from a season before carries {value:+,.4g} times that change "
                                 "{k:plural:step} earlier.",
    "coef.lag.seasonal changes' changes": "Each step's change in the change from a season before carries "
                                          "{value:+,.4g} times that {k:plural:step} earlier.",
    "coef.other": "{name}: {value:+,.4g} per unit.",
    "coef.left_out": "The {term} term was left out: {reason}.",
    "coef.left_out_fourier": "The Fourier pairs were left out: the season terms already let the season take any "
                             "shape, so sine/cosine pairs at the season length would add nothing to a linear model.",
    "coef.left_out_fourier_rows": "The Fourier pairs were left out: the training rows are too few for the weights "
                                  "they bring, so this fit has no season (load more rows, or choose fewer pairs).",
    "coef.left_out_fourier_season": "The Fourier pairs were left out: the training rows cover less than one season, "
                                    "so they would guess the shape of the rest and this fit has no season (load at "
                                    "least a season of training rows).",
    "coef.left_out_yearly": "There is no year term: each row is a year of its own, so it would be the trend itself.",
    "coef.left_out_year": "The year term was left out: the training rows span less than two full years.",
    "coef.left_out_year_trend": "The year term was left out: the trend and the seasonal terms already give each row's "
                                "calendar year.",
    "coef.left_out_part_rows": "The {part} terms were left out: the training rows are too few for the weights they "
                               "bring.",
    "coef.left_out_constant": "The regressor {term} was left out: it is the same in every training row, so the rows "
                              "say nothing of its effect.",
    "coef.left_out_part": "The {part} terms were left out: the training rows do not cover every {part}.",
    "note.fewer_lags": "The training rows carry lags 1-{lags} only, fewer than the model's {asked} (one season by "
                       "default, or as set under Lags): the model uses those (load more rows for more lags).",
    "note.season_too_long": "The training rows are fewer than one season ({season} steps): seasonal naive has no "
                             "season to repeat, so it repeats the last value, as naive does.",
    "note.held_at_zero": "From step {step} of the test rows the model's forecast falls below zero; the training rows are "
                         "never below zero, so the predictions are held at 0 there, as the band is (the metrics score "
                         "what is shown).",
    "note.held_at_ceiling": "From step {step} of the test rows the model's forecast passes {ceiling}; the series is a "
                            "percentage of a whole (named with % and never outside 0 to {ceiling}), so the predictions "
                            "are held at {ceiling} there, as the band is (the metrics score what is shown).",
    "forecast.held_at_ceiling": "From step {step} the model's forecast passes {ceiling}; the series is a percentage "
                                "of a whole (named with % and never outside 0 to {ceiling}), so the predictions are "
                                "held at {ceiling} there, as the band is.",
    "forecast.held_at_bound": "From step {step} the forecast runs beyond the history's range widened by that range "
                              "on each side, and is held at that bound wherever it passes it: a trend or recursion "
                              "carried this far ahead is no forecast to rely on; forecast fewer steps.",
    "forecast.member_held_at_bound": "From step {step} the forecast of {model}, which auto chose, runs beyond the "
                                     "history's range widened by that range on each side, and is held at that bound "
                                     "wherever it passes it (the other models of its mean go on): forecast fewer "
                                     "steps to rely on it.",
    "forecast.held_at_zero": "From step {step} the model's forecast falls below zero; the series is never below zero, so "
                             "the predictions are held at 0 there, as the band is (a series that can go below zero "
                             "needs a value below zero in the file).",
    "note.gross_error": "{value} at {ds} (expected about {expected})",
    "note.gross_errors": "auto fitted {count:plural:value} far outside the rest (more than {limit:g} typical deviations from what the neighbours and the season lead one to expect) as the value expected there: {examples}. Such a value is often a typing or export error (correct it in the file if it is one); a real event is left out of auto's forecasts. The scores compare with the values as written.",
    "note.held_at_bound": "From step {step} of the test rows the autoregression's forecast ran beyond the history's "
                          "range widened by that range on each side, and is held at that bound wherever it does: the fitted "
                          "lags make an unstable recursion. Try fewer lags, a seasonal difference, or another model.",
    "note.member_held_at_bound": "From step {step} of the test rows the forecast of {model}, which auto chose, "
                                 "ran beyond the history's range widened by that range on each side, and is "
                                 "held at that bound wherever it does: its trend or recursion runs away over this "
                                 "horizon.",
    "auto.summary": "auto chose **{chosen}** (season length {season}) by a rolling-origin backtest inside the "
                    "training rows ({origins:plural:origin}, {horizon:plural:step} ahead each): another model is used "
                    "alone only when its error is at least {below}% below exponential smoothing's (ETS){not_a_line} "
                    "and, on a seasonal series, it models the season; otherwise ETS (weight {anchor}%) is "
                    "averaged with the two best others ({other}% each). The band is its 95% interval.",
    "auto.summary_intermittent": "auto forecasts with **{chosen}**: the training rows are intermittent demand (most "
                                 "of them zero, with no season), which exponential smoothing and the last value would "
                                 "forecast by the last demand. It forecasts the demand per step instead, the mean of "
                                 "Croston's method (with the Syntetos-Boylan correction) and TSB's, with equal "
                                 "weights. The band is its 95% interval.",
    "auto.summary_stopped": "auto forecasts with **{chosen}**: the training rows are intermittent demand (most of them "
                            "zero, with no season) whose last run without demand is at least twice the longest gap "
                            "between demands before it, as if it were no longer sold. TSB's estimate, whose chance of "
                            "demand decays through such a run, forecasts it (Croston's would keep the old rate). The "
                            "band is its 95% interval.",
    "auto.summary_short": "auto forecasts with **{chosen}** (season length {season}): the {rows:,} training rows are "
                          "too few for its rolling-origin backtest ({origins:plural:origin}, {horizon:plural:step} "
                          "ahead each) to tell the candidates apart, so it averages the models named with equal "
                          "weights, a combination that forecasts short series more reliably than any one model chosen "
                          "on so few rows. The band is its 95% interval.",
    "auto.few_seasons": " The frequency's season of {season} steps was not tested: the {rows:,} training rows hold "
                        "two of them or fewer, and the test needs more.",
    "auto.no_season": " The frequency's season of {season} steps was not confirmed: the training rows show no "
                      "correlation at that lag, and a seasonal pattern explains too little of them.",
    "auto.short_seasons": " The frequency's season of {season} steps was not confirmed: the training rows' changes "
                          "show no clear correlation at that lag, and {rows:,} rows hold fewer than three seasons, "
                          "too few to tell a seasonal pattern from a wandering level (two seasons of a random walk "
                          "look as seasonal as a sine). With more rows it is tested; `multi` fits the season's terms "
                          "whatever the rows show.",
    "auto.season_by_ets": " The season tests confirmed no season, but exponential smoothing's likelihood "
                          "preferred a seasonal form of length {season}: so no model that forecasts the season away "
                          "was used alone.",
    "auto.season_left_out": " No model it chose forecasts that season.",
    "auto.season_in_ets": " Only ETS's seasonal forms forecast that season ({share}% of the forecast); the other "
                          "models leave it out.",
    "auto.regressors_unused": " The models it chose do not use the {count:plural:regressor} {names}: the candidates "
                              "with them did worse in the backtest, so the forecast does not follow their future "
                              "values. `multi` uses them whatever the backtest finds.",
    "auto.not_a_line": ", it is not a straight trend line",
    "auto.not_a_line_or_seasonal_line": ", it is not a straight trend line (with or without seasonal terms)",
    "auto.ets_forms": " ETS averages its forms by their Akaike weights (trend, season: N none, A additive, Ad damped, "
                      "M multiplicative): {forms}.",
    "auto.other_forms": "{shown} and {count:plural:other form} {share}%",
    "auto.long_history": " The history is long: auto modelled its last {used:,} rows ({skipped:,} earlier rows left "
                         "out to keep the fit fast).",
    "per.steps": "per step",
    "per.minutely": "per minute",
    "per.half-hourly": "per half-hour",
    "per.hourly": "per hour",
    "per.open_hour": "per opening hour",
    "per.daily": "per day",
    "per.business-daily": "per business day",
    "per.weekly": "per week",
    "per.monthly": "per month",
    "per.quarterly": "per quarter",
    "per.half-yearly": "per half-year",
    "per.semi-monthly": "per half-month",
    "per.secondly": "per second",
    "per.yearly": "per year",
    "later.steps": "{n:,} steps later",
    "later.minutely": "{n:,} minutes later",
    "later.half-hourly": "{n:,} half-hours later",
    "later.hourly": "{n:,} hours later",
    "later.open_hour": "{n:,} opening hours later",
    "later.daily": "{n:,} days later",
    "later.business-daily": "{n:,} business days later",
    "later.weekly": "{n:,} weeks later",
    "later.monthly": "{n:,} months later",
    "later.quarterly": "{n:,} quarters later",
    "later.half-yearly": "{n:,} half-years later",
    "later.semi-monthly": "{n:,} half-months later",
    "later.secondly": "{n:,} seconds later",
    "later.yearly": "{n:,} years later",
    "feature.x": "x (time index)", "feature.year": "year",
    "part.month": "month",
    "part.quarter": "quarter",
    "part.half": "half-year",
    "part.weekday": "weekday",
    "part.hour": "hour",
    "level.jan": "Jan", "level.feb": "Feb", "level.mar": "Mar", "level.apr": "Apr", "level.may": "May",
    "level.jun": "Jun", "level.jul": "Jul", "level.aug": "Aug", "level.sep": "Sep", "level.oct": "Oct",
    "level.nov": "Nov", "level.dec": "Dec",
    "level.mon": "Mon", "level.tue": "Tue", "level.wed": "Wed", "level.thu": "Thu", "level.fri": "Fri",
    "level.sat": "Sat", "level.sun": "Sun",
    "weekday.mon": "Monday", "weekday.tue": "Tuesday", "weekday.wed": "Wednesday", "weekday.thu": "Thursday",
    "weekday.fri": "Friday", "weekday.sat": "Saturday", "weekday.sun": "Sunday",
    "level.h1": "H1", "level.h2": "H2",
    "level.q1": "Q1", "level.q2": "Q2", "level.q3": "Q3", "level.q4": "Q4",
    "level.hour": "{hour}h",
    "metric.mae": "MAE",
    "metric.rmse": "RMSE",
    "metric.mape": "MAPE %",
    "metric.smape": "sMAPE %",
    "metric.mase": "MASE",
    "metric.r2": "R²",
    "metric.undefined": "undefined",
    "metric.why_undefined.mape": "MAPE is undefined where an actual value is 0 (it divides by the actual): "
                                 "compare by MAE, RMSE or sMAPE.",
    "metric.mape_near_zero": "MAPE divides each error by its actual value, and some actual values here are near 0 "
                             "({smallest} in size, where half of them are {typical} or more in size), so those rows "
                             "make most of it: compare by MAE, RMSE or MASE.",
    "metric.no_band": "The test rows have no prediction band: its backtest refits '{model}' on fewer rows than the "
                      "{rows:plural:training row}, and none of its earlier origins left enough for the model to fit. "
                      "More rows, or a model that needs fewer (linear, snaive), give one.",
    "metric.no_band_rows": "The test rows have no prediction band: a refit of '{model}' needs {fewest:,} rows (every "
                           "cycle its terms model), more than the {most:,} latest rows its band is measured on. A "
                           "model that needs fewer (ar, linear, snaive) gives one, or rows combined per minute or "
                           "hour (Reading options: Combine the rows per).",
    "metric.band_stopped": "The test rows have no prediction band: measuring it was stopped. Press Train to train "
                           "again with one.",
    "metric.why_undefined.mase": "MASE is undefined where seasonal naive's error on the training rows is 0 (a "
                                 "constant or exactly repeating series): compare by MAE or RMSE.",
    "metric.why_undefined.r2": "R² is undefined where the actual values are all equal (a single row too): compare "
                               "by MAE or RMSE.",
    "metric.band_coverage": "Band check on the {rows:plural:test row}, which the band never saw: the 80% band held "
                            "{cover80:.0f}% of the actual values and the 95% band {cover95:.0f}%.",
    "metric.scored_rows": "The test metrics count the {scored:plural:test row} whose value the file gave, of {rows:,}: the loader filled the others, and no metric scores a filled value.",
    "metric.beyond_training": "The test predictions reach {value}, beyond the training values ({low} to {high}) by more than their whole range, and miss by more than repeating the last training value would (test MAE {mae} against {naive}): the model carries what it learned (a trend, its time input) far past the rows it learned from.",
    "metric.beyond_training_try": " A model with fewer terms, or auto, may suit this series better.",
    "metric.band_wide": "The 95% band is {ratio:.1f} times as wide as these errors needed (on average {half} above the "
                        "forecast, against 1.96 times the test RMSE, {need}): the backtest inside the training rows, "
                        "which sets it, missed by more than the model did here.",
    "metric.band_beyond": "The band was measured on forecasts up to {steps:plural:step} ahead; beyond, on "
                          "{beyond:plural:test row}, it is only widened with the square root of the steps, not "
                          "measured: there the 80% band held {cover80:.0f}% of the actual values and the 95% band "
                          "{cover95:.0f}%.",
    "metric.band_beyond_steady": "The band was measured on forecasts up to {steps:plural:step} ahead; beyond, on "
                                 "{beyond:plural:test row}, it keeps the width of its last step (a flat demand rate's "
                                 "errors do not grow with the steps), not measured: there the 80% band held "
                                 "{cover80:.0f}% of the actual values and the 95% band {cover95:.0f}%.",
    "split.train": "train",
    "split.test": "test",

    # Compare page ----------------------------------------------------------------------------------------------
    "compare.title": "Compare runs",
    "compare.baseline": "baseline {model}",
    "compare.no_runs_shown": "No runs on the series shown yet: the runs over all series are below. The baselines are "
                             "here for reference.",
    "compare.no_runs": "No runs yet: train models on the **Train** page. The baselines are here for reference.",
    "compare.intro": "Series: {source}. Best test MAE first; click a column header to sort. Metrics in original units, "
                     "on each run's own test rows; the band columns give the share of those rows inside the run's 80% "
                     "and 95% prediction bands, which were measured on the training rows alone.",
    "compare.other_fractions": "Some runs used another train fraction ({others}) than the current split "
                               "({fraction:g}): they are scored on other test rows, so they are listed in a table of "
                               "their own below this split's runs and not ranked against them. Train them again at "
                               "{fraction:g} to compare.",
    "compare.no_band": "The band columns read 'undefined' for {runs}: these runs have no prediction band (the Train "
                       "page says why), so there is none to check on the test rows.",
    "compare.overlay": "Runs to overlay",
    "compare.overlay_help": "Predictions of the chosen runs drawn over the actual series.",
    "board.run": "run",
    "board.test_mae": "test MAE",
    "board.test_rmse": "test RMSE",
    "board.test_mape": "test MAPE %",
    "board.test_smape": "test sMAPE %",
    "board.test_mase": "test MASE",
    "board.test_r2": "test R²",
    "board.test_band80": "test in 80% band %",
    "board.test_band95": "test in 95% band %",
    "board.model": "model",
    "board.fit_seconds": "fit seconds",
    "board.train_fraction": "train fraction",
    "board.device": "device",
    "board.settings": "settings",

    # Forecast page ---------------------------------------------------------------------------------------------
    "forecast.title": "Forecast",
    "forecast.intro": "Series: {source}. Choose a run of the Train page (or the default multi) and how many steps "
                      "ahead, then press Forecast: the run is refitted on every row and forecast past the end, with "
                      "95% and 80% bands measured on its forecasts from earlier points of the series.",
    "forecast.default_run": "multi (default settings)",
    "forecast.run": "Run to forecast with",
    "forecast.run_help": "The model and settings of a run from Train, refitted on every row.",
    "forecast.chosen": "auto chose again on every row for this forecast, by the same rules: {chosen}. The Train "
                       "page's result is what it chose on the training rows alone.",
    "setting.out_of_range": "{setting} must be from {low} to {high}: the run refuses this value.",
    "err.setting_number": "{setting} needs a number: choose {low} to {high}.",
    "err.setting_range": "{setting} {value} is out of range: choose {low} to {high}.",
    "forecast.horizon_range": "The horizon is a whole number of steps from 1 to {most:,}: change it to forecast.",
    "forecast.horizon": "Horizon (steps)",
    "forecast.horizon_help": "Steps past the end of the data ({frequency}), at most {most:,} here (the command line's "
                             "--horizon goes to TSR_MAX_HORIZON).",
    "forecast.no_runs_shown": "No runs on the series shown yet: the default `multi` model is used for it. Every series "
                              "is forecast further down with the model of a run over all series.",
    "forecast.no_runs": "No runs yet: the default `multi` model is used. Train others on the **Train** page.",
    "forecast.go": "Forecast",
    "forecast.go_help": "Refit on all rows and forecast.",
    "forecast.working": "Refitting on every row, measuring the band on earlier forecasts, and forecasting...",
    "forecast.shown_earlier": " The forecast below is the last that finished: {run}, {steps:plural:step}.",
    "forecast.failed": "The forecast could not be made: {problem}",
    "forecast.result": "{run}: {steps:plural:step} past {end}, to {last}",
    "forecast.whole": "Show the whole history ({rows:,} rows)",
    "forecast.whole_help": "By default the chart shows the last {recent:,} rows before the forecast.",
    "forecast.band": "The shaded band is a 95% prediction interval (the table also gives the 80% one): the model "
                     "was refitted at several earlier points of the series and forecast ahead from each, and the "
                     "band is as wide at each step ahead as those errors were there: wider where they grew, no "
                     "wider where they did not.",
    "forecast.band_beyond": "The band was measured on forecasts up to {steps:plural:step} ahead; past that it is only "
                            "widened with the square root of the steps, not measured, and errors that keep growing "
                            "(a trend or a long season the history does not show) can outrun it.",
    "forecast.band_beyond_steady": "The band was measured on forecasts up to {steps:plural:step} ahead; past that it "
                                   "keeps the width of its last step, as a flat demand rate's errors do not grow with "
                                   "the steps, but a change in the demand (a product no longer sold, a new customer) "
                                   "can outrun it.",
    "forecast.no_band": "This forecast has no prediction band: its model needs {rows:plural:row} for a refit, so no "
                        "earlier point of the history leaves it rows to forecast and measure its errors on. A longer "
                        "history, or another model, gets one.",
    "forecast.time": "time",
    "forecast.step": "step",
    "forecast.predicted": "predicted",
    "forecast.lower": "lower (95%)",
    "forecast.upper": "upper (95%)",
    "forecast.lower_80": "lower (80%)",
    "forecast.upper_80": "upper (80%)",
    "forecast.download": "Download forecast (CSV)",

    # Learning lab ----------------------------------------------------------------------------------------------
    "lab.title": "Learning lab",
    "lab.settings": "Lab settings",
    "lab.model": "Model",
    "lab.model_help": "The model every panel trains (the landscape always uses the trend line).",
    "lab.model.linear": "trend line: y = w·x + b",
    "lab.model.multi": "trend + season terms (multi)",
    "lab.optimizer": "Optimizer (landscape, exact answer, normalize)",
    "lab.optimizer_help": "Which optimizer draws the path on the landscape and the gap curves. Here sgd steps on every "
                          "training row at once (plain gradient descent); the mini-batch lesson shows it stochastic, "
                          "on one row or a few at a time.",
    "lab.lr": "Learning rate",
    "lab.lr_help": "Step size for that optimizer and for the batch comparison (plain SGD).",
    "lab.epochs": "Epochs",
    "lab.epochs_help": "Passes over the training rows in the loss landscape; the mini-batch lesson runs a third of "
                       "them (at least 5; on many rows fewer, at least 2, so that single-sample SGD makes at most "
                       "6,000 updates), the exact-answer and normalize lessons five times as many, the optimizer "
                       "race always 150.",
    "lab.batch": "Mini-batch size",
    "lab.batch_help": "Rows per mini-batch.",
    "lab.race": "Optimizers in the race",
    "lab.race_help": "Each runs at its own default learning rate, times the race's multiplier, on every training row "
                     "at each step (sgd is then plain gradient descent).",
    "lab.race_none": "—",
    "lab.batch_passes": "Each mode ran {passes:,} passes over the {rows:plural:training row}: a third of the "
                        "{epochs:,} epochs, at least 5, and fewer (at least 2) where single-row updates would pass "
                        "{most:,}.",
    "lab.batch_cut": "The mini-batch runs {size:,} rows, half the {rows:plural:training row}, not the {asked:,} asked "
                     "for: a batch of all of them would be the full batch, drawn over its curve.",
    "lab.race_mape_undefined": "Test MAPE is undefined where an actual value is 0 (it divides by the actual): compare "
                               "the optimizers by test MAE.",
    "lab.race_empty": "No optimizer is in the race: choose at least one under **Optimizers in the race**.",
    "lab.race_exact_zero": "A line fits every training row here, so least squares' loss is about 0: a run counts as "
                           "there once its loss is under a ten-thousandth of the variance (R² above 0.9999).",
    "lab.race_scale": "Race learning-rate multiplier",
    "lab.race_scale_help": "Scale every racer's learning rate; large values diverge.",
    "lab.hidden": "Hidden units (backpropagation)",
    "lab.hidden_help": "Width of the hidden layer of the network whose gradients panel 4 checks.",
    "lab.seed": "Seed",
    "lab.seed_help": "Same seed, same curves.",
    "lab.run": "Run all panels",
    "lab.run_help": "Recompute with these settings.",
    "lab.training": "Training the lab's models...",
    "lab.failed": "The lab could not run: {problem}",
    "lab.thinned": " The split's {total:,} training rows are thinned evenly to these for every lesson (the per-step "
                   "traces are Python loops).",
    "lab.intro": "On {source}: {rows:,} training rows, features {features}; computed in {seconds:.1f} s.{thinned}"
                 "{units}",
    "lab.units": "Lessons 1 to 5, and lesson 6's z-scored runs, train on z-scored features and target (mean 0, "
                 "standard deviation 1): their weights and losses are in those units (here the exact answer's loss, "
                 "{exact:.3g}, is the {share} of the target's variance it leaves unexplained); the race's test "
                 "errors are in the series' own units.",
    "lab.budget_stops": "{runs:plural:training} {runs:were} cut short by the training budget, so some curves end "
                        "early. The first: {note} Here: use fewer epochs, larger batches or fewer optimizers in the "
                        "race.",
    "lab.changed": "Settings changed: press **Run all panels** to recompute.",
    "lab.changed_refused": "The lessons below are those of the last run's settings: a setting changed since is out of "
                           "its range (said under its box), so nothing was recomputed.",
    "lab.refused_new_series": "No lessons yet for the series loaded: a setting is out of its range (said under its "
                              "box); set it within its range to run them on this series.",
    "lab.constant": "The training rows hold one value in every row: the exact answer is that value, with nothing for "
                    "gradient descent, the batches or the optimizers to learn, so the panels are not drawn. Load a "
                    "series that varies to watch the methods learn.",
    "lab.title.landscape": "1. Loss landscape",
    "lab.title.batches": "2. Gradient descent, SGD and mini-batches",
    "lab.title.race": "3. Optimizer race",
    "lab.title.backprop": "4. Backpropagation by hand",
    "lab.title.exact": "5. Exact answer vs descent",
    "lab.title.normalize": "6. Why normalize",
    "lab.title.vectorize": "7. Why vectorize",
    "lab.lesson.landscape": "Training means finding the weights with the lowest loss. Left: the mean squared error of "
                            "y = w·x for every w on a grid; the lowest point is the least-squares answer. Right: the "
                            "same for the trend line's two weights (w, b), darker is lower; the white line is the "
                            "path the chosen optimizer takes from a poor start to the marked minimum.",
    "lab.lesson.batches": "Full-batch gradient descent uses every row for each update: smooth but one step per pass. "
                          "Single-sample SGD updates after every row: many cheap, noisy steps. Mini-batches sit "
                          "between. All three are plain SGD at the sidebar's learning rate, whichever optimizer is "
                          "chosen above. Same seed, same number of passes: compare the curves per update and per pass.",
    "lab.lesson.race": "Each optimizer at its own default learning rate times the race's multiplier, same model "
                       "and seed. Momentum keeps "
                       "velocity, Adagrad and RMSProp scale each step by past gradients, Adadelta sizes its steps from "
                       "running averages of past steps and gradients (its learning rate, 1 by default, only scales "
                       "them), Adam combines momentum and scaling, LBFGS uses curvature (one of its steps runs several "
                       "loss and gradient evaluations, where the others' steps are one gradient each). A run whose "
                       "loss explodes is stopped and marked diverged.",
    "lab.lesson.backprop": "Backpropagation is the chain rule applied layer by layer, from the loss back to each "
                           "weight. Here it is written out by hand for a Linear-ReLU-Linear network and checked "
                           "against PyTorch's autograd on the same weights and batch.",
    "lab.lesson.exact": "For a model linear in its weights, least squares gives the answer in one step. Gradient "
                        "descent approaches it: the chart shows how far the training loss is above the exact loss, "
                        "per epoch (log scale), over five times the sidebar's Epochs. A gap of 1e-16 or less "
                        "is drawn at 1e-16: there the two losses agree to the computer's rounding.",
    "lab.lesson.normalize": "On raw inputs (a time index that counts the steps, a target in its own units) the loss "
                            "surface is a long narrow valley, the narrower the longer the series: for plain gradient "
                            "descent the learning rate that works after z-scoring can make raw training explode, and "
                            "the largest step that does not oscillate on raw inputs crawls. Z-scoring makes the trend's "
                            "directions alike (season or regressor terms beside it still differ some). Both run five "
                            "times the sidebar's Epochs.",
    "lab.normalize_not_plain": "{optimizer} is not plain gradient descent: momentum carries it along the valley, "
                               "Adagrad, RMSProp, Adadelta and Adam scale each weight's step by its own gradients, and "
                               "L-BFGS measures the curvature, so its raw runs may converge where plain gradient "
                               "descent's would not. The step marked 'largest smooth' is the largest with which plain "
                               "gradient descent does not oscillate (steps up to twice it still converge, "
                               "oscillating). Choose SGD to see the lesson as stated.",
    "lab.lesson.vectorize": "The same gradient computed by a Python loop over every value and by one NumPy "
                            "expression over whole arrays. Vectorized code runs in compiled loops, which is why "
                            "models train on arrays.",
    "lab.axis.update": "update",
    "lab.axis.pass": "pass over the data",
    "lab.axis.epoch": "epoch",
    "lab.axis.loss": "training loss",
    "lab.axis.gap": "relative gap to least squares",
    "lab.axis.gap_variance": "gap to least squares, in millionths of the variance",
    "lab.backprop_agree": "Hand-written vs autograd gradients **agree**: largest absolute difference {differences}.",
    "lab.backprop_disagree": "Hand-written vs autograd gradients **DISAGREE**: largest absolute difference "
                             "{differences}.",
    "lab.diverged": "{optimizer} diverged at epoch {step}: lower the learning rate.",
    "lab.path_away": "The path leaves the map at step {step} and does not settle back on it: {optimizer}'s steps at "
                     "this learning rate are too large (plain gradient descent's overshoot the minimum by more each "
                     "time; an adaptive optimizer's keep jumping past it). The later steps are not drawn. Lower the "
                     "learning rate.",
    "lab.path_still": "In {steps:,} steps at learning rate {lr:g}, {optimizer} moved {share:.1%} of the way from the "
                      "start to the minimum, so its path is a dot on the map: steps this small barely move. Raise the "
                      "learning rate to see the path.",
    "lab.path_back": "The path leaves the map at step {step} and is back on it for good from step {back}: at this "
                     "learning rate {optimizer}'s first steps are longer than the map is wide, and later steps bring "
                     "it back (an adaptive optimizer's first steps do not shrink on a gentle slope: Adagrad's and "
                     "Adam's are about the learning rate, RMSProp's about ten times it). The steps off the map are "
                     "cut at its edge.",
    "lab.batch_rose": "{optimizer}: over its last pass the loss (median {last:.3g}) is above where it started "
                      "({first:.3g}): its steps overshoot at this learning rate. Lower the learning rate.",
    "lab.batch_diverged": "{optimizer} diverged: its loss passed {factor:,.0f} times its starting value after update "
                          "{first}, and training stopped at the end of pass {epoch} (update {step}), where the loss is "
                          "checked. A few rows' loss curves more steeply than the mean over all rows (the more "
                          "features, the more so), so a rate the full batch takes can be too large for them. Lower "
                          "the learning rate.",
    "lab.batch_diverged_full": "{optimizer} diverged: its loss passed {factor:,.0f} times its starting value after "
                               "update {first}, and training stopped at the end of pass {epoch} (update {step}), "
                               "where the loss is checked. Its steps are too long for the valley's curvature: each "
                               "lands further past the bottom than it started, so the loss grows at every step. On "
                               "these z-scored rows full-batch gradient descent converges only at learning rates below "
                               "{edge:.3g}: lower the learning rate.",
    "lab.batch_edge": "full-batch gradient descent at a learning rate of {rate:g} is at the edge of stability on these "
                      "rows (it converges below {edge:.3g}): each step lands about as far past the bottom of the "
                      "valley as it started, so its loss barely falls. Lower the learning rate a little.",
    "lab.left_answer": "{optimizer} reached the exact answer (to rounding) at epoch {reached}, then left it: its "
                       "loss was {above} again at epoch {epoch}. {why}",
    "lab.left_why.adaptive": "It divides each step by the recent size of its gradients, which shrinks with them at "
                             "the answer, so its steps do not: a step taken on rounding noise throws it off, and it "
                             "comes back. A lower learning rate keeps it closer.",
    "lab.left_why.momentum": "The velocity of its earlier steps carried it past the answer; it swings back as that "
                             "velocity decays.",
    "lab.left_why.other": "At this learning rate its steps overshoot: lower the learning rate.",
    "lab.not_reached": "After {epochs} epochs {optimizer} is still {above}: raise the "
                       "learning rate or train for more epochs.",
    "lab.not_reached_swinging": "After {epochs} epochs {optimizer} is still {above}, swinging less and less as it "
                                "closes in: train for more epochs, or lower the learning rate a little.",
    "lab.not_reached_overshoot": "After {epochs} epochs {optimizer} is still {above} and "
                                 "no longer falling: at this learning rate its steps overshoot back and forth. Lower "
                                 "the learning rate.",
    "lab.not_reached_edge": "After {epochs} epochs {optimizer} is still {above}, falling slowly: at this learning rate "
                            "its steps overshoot the minimum back and forth and close the gap by a little each time. "
                            "A slightly lower learning rate gets there sooner; more epochs also do.",
    "lab.run_diverged": "- **{run}**: diverged at epoch {step}.",
    "lab.loop": "Python loop",
    "lab.vectorized": "Vectorized (NumPy)",
    "lab.speedup": "Speed-up",
    "lab.speedup_value": "{ratio:,.0f}x",
    "lab.speedup_help": "Gradient over {n:,} values, on this machine.",
    "lab.ms": "{ms} ms",
    "lab.chart.mse": "mean squared error",
    "lab.chart.best_w": "least squares w = {w:.3f}",
    "lab.chart.label": "label",
    "lab.chart.log_mse": "log10 of the mean squared error",
    "lab.chart.slope": "w (slope)",
    "lab.chart.intercept": "b (intercept)",
    "lab.chart.step": "step",
    "lab.chart.minimum": "least-squares minimum",
    "lab.chart.log_scale": " (log scale)",
    "lab.chart.curve": "curve",
    "lab.key.curve": "The mean squared error of y = w·x for each slope w; the dashed rule marks the least-squares w.",
    "lab.key.surface": "The error over slope w and intercept b (darker is lower); the white line is the optimizer's "
                       "path, the diamond the least-squares minimum.",
    "lab.key.lines": "The {y} at each {x}, one line per curve named below the chart.",
    "lab.curve.full": "full-batch gradient descent",
    "lab.curve.single": "single-sample SGD",
    "lab.curve.mini": "mini-batch SGD of {size}",
    "lab.curve.raw": "raw inputs, lr {lr}",
    "lab.curve.raw_stable": "raw inputs, lr {lr} (largest smooth)",
    "lab.curve.scaled": "z-scored inputs, lr {lr}",
    "lab.column.optimizer": "optimizer",
    "lab.column.lr": "learning rate",
    "lab.column.steps": "epochs to stay within 1% of least squares",
    "lab.column.final": "final training loss",
    "lab.column.mae": "test MAE",
    "lab.column.mape": "test MAPE %",
    "lab.column.seconds": "seconds",
    "lab.column.quantity": "quantity",
    "lab.column.value": "value",
    "lab.cell.diverged": "diverged at epoch {step}",
    "lab.cell.not_reached": "not reached",
    "lab.cell.not_held": "reached at epoch {step}, not held",
    "lab.cell.input": "input x",
    "lab.cell.target": "target y",
    "lab.cell.loss": "loss = (ŷ - y)²",

    # Many series (a file with a series id, or every numeric column a series) -----------------------------------
    "data.id_cols": "Series id",
    "data.id_cols_help": "The column(s) that tell the series of a long file apart (one row per series and time "
                         "stamp). Detected when the time stamps repeat; empty: the file is one series.",
    "widget.choose": "Choose options",
    "widget.nothing": "Nothing to choose",
    "data.sheet": "Sheet",
    "data.sheet_help": "The workbook's sheet to read; at first, the first that holds a table.",
    "data.all_targets": "All numeric columns as series",
    "data.all_targets_help": "Make each numeric column (other than the regressors) a series of its own, as in a "
                             "wide file.",
    "data.view": "Series shown",
    "data.view_help": "The series charted here, and trained alone by **Train**; **Train** also fits all "
                      "{count:,} series.",
    "data.panel_note": "**{count:,} series** by {by}{dropped}: each is split, fitted and scored on its own. The "
                       "chart and quality panels show the series chosen here; **Train** can fit them all.",
    "data.panel_finer": "Within each series of {ids} the time stamps repeat ({rows:plural:row}), so each series is the "
                        "{policy} of its rows at a time; add '{column}' to the id columns to make one series of each.",
    "data.panel_blank": "Blank in every row, so no series: {names}.",
    "data.panel_empty": "Blank in every row, so skipped when all series are trained: {names} ({count:,} series).",
    "data.panel_short": "Too short to fit (fewer than {rows} values), so skipped when all series are trained: "
                        "{names} ({count:,} series).",
    "data.panel_text": "Written in text where numbers should be, so skipped when all series are trained: {names} "
                       "({count:,} series).",
    "all.by_columns": "column (each numeric column is a series)",
    "all.rows_without_id": " ({rows:,} rows without an id left out)",
    "train.all": "Train on all {count:,} series",
    "train.all_help": "Fit the chosen model on every series in turn, each by the single-series rules.",
    "train.stop": "Stop",
    "train.stop_help": "Stop after the series being fitted; the series done so far are kept.",
    "train.all_result": "{model} on every series",
    "train.all_extremes": "Best and worst series by test MAE relative to seasonal naive (each on its own scale).",
    "train.all_download": "Download every series' predictions (CSV, unique_id first)",
    "train.all_series": "Series to draw",
    "train.all_series_help": "Its actuals and predictions on the training and test rows.",
    "all.progress": "{done:,} of {total:,} series done, {left}",
    "all.left_unknown": "estimating the time left",
    "all.left_seconds": "about {seconds} s left",
    "all.left_minutes": "about {minutes} min left",
    "all.left_hours": "about {hours:.1f} h left",
    "all.summary": "**{fitted:,}** series fitted, {failed:,} skipped{stopped}. Test MAE relative to seasonal naive, "
                   "geometric mean over {ratios:,} series: **{geomean}** (below 1: better than repeating the last "
                   "season, or the last value where a series has none); median test MAPE {mape}; {seconds:.1f} s.",
    "all.misaligned_count": " {count:,} of the series {count:hold} time stamps missing and not filled, off their "
                            "calendar or most of it: seasonal naive and every model but the regressions on time "
                            "count their rows, so seasons after a gap are misaligned and their scores say little; "
                            "they are left out of the best and worst. Fill them on the Data page (Reading options, "
                            "'Fill missing time stamps'), or combine the rows per a coarser period.",
    "all.gaps_on_calendar": "{count:plural:time stamp} missing and not filled: every model keeps each row at its "
                            "time stamp, so seasons after a gap stay in step",
    "all.gaps_steps": "{count:plural:step number} missing and not filled: every model keeps each row at its step, "
                      "so seasons after a gap stay in step",
    "all.misaligned": "{count:plural:time stamp} missing and not filled, off the calendar or most of it: seasons "
                      "after a gap are misaligned, so this score says little",
    "all.no_ratio": " {count:,} of the fitted series {count:hold} no ratio, seasonal naive's test error being 0 (a "
                    "test span that repeats the last season exactly, all zeros say): left out of the mean.",
    "all.exact": " Exact forecasts (test MAE under a millionth of seasonal naive's): {count:,} series, left out of the "
                 "mean.",
    "all.summary_exact": "**{fitted:,}** series fitted, {failed:,} skipped{stopped}. Every one scored was forecast "
                         "exactly (test MAE under a millionth of seasonal naive's): test MAE relative to seasonal "
                         "naive **0**; median test MAPE {mape}; {seconds:.1f} s.",
    "all.stopped": " (stopped after {done:,} of {total:,} series)",
    "all.out_of_time": " (the time limit of {limit} s for one run, TSR_MAX_DASHBOARD_SECONDS, ended it after "
                       "{done:,} of {total:,} series: fit every series with the command line, python -m core fit "
                       "FILE, or raise the limit)",
    "all.progress_limited": "{done:,} of {total:,} series done, {left}: at this pace the time limit of {limit} s for "
                            "one run (TSR_MAX_DASHBOARD_SECONDS) ends it after about {reach:,} series",
    "all.other_fraction": " Trained at train fraction {used:g}, not the current split's {fraction:g}: its scores are "
                          "on other test rows; train again to score this split.",
    "all.undefined": "undefined",
    "all.series": "series",
    "all.relative_mae": "test MAE / seasonal naive",
    "all.test_mae": "test MAE",
    "all.test_mape": "test MAPE %",
    "all.model": "model",
    "all.error": "why skipped",
    "all.note": "note",
    "all.held_at_zero": "test predictions held at 0 from step {step}: the training rows are never below zero",
    "all.held_at_ceiling": "test predictions held at {ceiling} from step {step}: a percentage",
    "all.best": "best {rank}: {series} ({ratio:.3f})",
    "all.worst": "worst {rank}: {series} ({ratio:.3f})",
    "compare.all_title": "Runs over all series",
    "compare.all_intro": "One row per run over every series, lowest geometric mean of test MAE relative to seasonal "
                         "naive over the series every run scored first (a run that skipped hard series is not ranked "
                         "on the easy ones alone).",
    "allboard.run": "run",
    "allboard.common": "test MAE / seasonal naive, series every run scored (geometric mean)",
    "allboard.geomean": "test MAE / seasonal naive, all it scored (geometric mean)",
    "allboard.mape": "median test MAPE %",
    "allboard.fitted": "series fitted",
    "allboard.failed": "skipped",
    "allboard.series": "series done",
    "allboard.seconds": "seconds",
    "allboard.train_fraction": "train fraction",
    "allboard.settings": "settings",
    "allboard.done": "{done:,} of {total:,}",
    "forecast.all_title": "All {count:,} series",
    "forecast.all_intro": "Every series forecast with {model}: the model of the latest run over all series on "
                          "**Train**, else the run chosen above.",
    "forecast.all": "Forecast all series",
    "forecast.all_help": "Refit on every row of each series and forecast past its end.",
    "forecast.all_result": "{model}: {steps:plural:step} past the end of each of {count:,} series",
    "forecast.regressors_beyond": "The file gives the regressors' future values for {rows:plural:step} past the end, "
                                  "fewer than the {steps:,} asked for: auto forecast without them, choosing among the "
                                  "models that do not use them. Forecast {rows:,} steps or fewer to let it use them.",
    "forecast.gross_errors": "Refitted on every row, auto fitted {count:plural:value} far outside the rest (more than {limit:g} typical deviations from what the neighbours and the season lead one to expect) as the value expected there: {examples}. Such a value is often a typing or export error (correct it in the file if it is one); a real event is left out of the forecast.",
    "forecast.regressors_unused": "This model does not use regressors: {names} left out of its forecast (the file's "
                                  "future values of them too); {users} use them.",
    "forecast.regressors_used": "The forecast used the future values of {columns} given in the file's rows past the end ({steps:plural:step}).",
    "forecast.regressors_none": "The file gives no future values of the regressors: auto forecast without them, "
                                "choosing among the models that do not use them. Add rows past the end with the "
                                "regressors filled and the target blank to let it use them.",
    "forecast.all_out_of_time": "The time limit of {limit} s for one run (TSR_MAX_DASHBOARD_SECONDS) ended the "
                                "forecasts after {done:,} of {total:,} series: forecast every series with the command "
                                "line (python -m core fit FILE --horizon N), or raise the limit.",
    "forecast.all_regressors_used": "The forecasts of {count:,} series used the future values of {columns} "
                                    "given in the file's rows past the end ({steps:plural:step}).",
    "forecast.all_ends_early": "The values of {count:,} series end before the file's last value: their forecasts start "
                               "after their own end (the first, {series}: after {end}; the file's last value is at "
                               "{file_end}).",
    "forecast.all_without_regressors": "auto forecast {count:,} series without the regressors, choosing "
                                       "among the models that do not use them: their future values end before the "
                                       "{steps:,} steps asked for (the first, {series}: {rows:plural:step}).",
    "forecast.all_held_at_bound": "The forecasts of {count:,} series run beyond their history's range widened by "
                                  "that range on each side, and are held at that bound wherever they pass it (the "
                                  "first, {series}: from step {step}): forecast fewer steps to rely on them.",
    "forecast.all_skipped": "{count:,} series could not be forecast; the first, {series}: {problem}",
    "forecast.all_series": "Series to draw",
    "forecast.all_series_help": "Its history and forecast.",
    "forecast.all_download": "Download all forecasts (CSV, unique_id first)",

    # Charts ----------------------------------------------------------------------------------------------------
    "chart.time": "time",
    "chart.step": "step",
    "chart.filled": "filled in: the file had no value here",
    "chart.key_filled": " Circles mark the values filled in where the file had none.",
    "chart.key_filled_first": " Circles mark the first {most:,} values filled in where the file had none.",
    "chart.test_starts": "test starts",
    "chart.boundary": "label",
    "chart.band": "95% prediction interval",
    "chart.lower": "lower",
    "chart.upper": "upper",
    "chart.actual": "actual",
    "chart.predicted": "predicted",
    "chart.overlay_key": "Solid line: actual; dashed: each run's predictions; shaded: the test rows of the current "
                         "split.",
    "chart.prediction_key": "Solid line: actual; dashed: the model's predictions; shaded: the test rows.",
    "chart.prediction_key_band": "Solid line: actual; dashed: the model's predictions; shaded: the test rows; band: "
                                 "the 95% prediction interval (the downloaded CSV also gives the 80% one).",
    "chart.prediction": "prediction",
    "chart.forecast": "forecast",
    "chart.split": "split",
    "chart.split_train": "train",
    "chart.split_test": "test",
    "chart.split_future": "future",
    "chart.residual": "actual - predicted",
    "chart.key_series": "The series over time; the dashed rule marks where the test rows start.",
    "chart.key_series_whole": "The series over time.",
    "chart.key_residual": "Bars: actual minus predicted at each time, coloured by split; above 0, the model predicted "
                          "too low.",
    "chart.key_loss": "Training loss after each epoch, on every training row: the mean squared error on the scaled "
                      "target, on a log scale.",
    "chart.cut": "The value axis stops three widths of the series' range past it, so that the series stays readable: predictions or band beyond (up to {value}) are cut off.",
    "chart.key_forecast": "The history, then the forecast past its end with its prediction band.",
    "chart.key_forecast_no_band": "The history, then the forecast past its end.",
    "chart.residual_tip": "residual",
    "chart.epoch": "epoch",
    "chart.loss": "training MSE (scaled)",
    "chart.loss_tip": "loss",
    "chart.series": "series",
    "chart.value": "value",
    # Time labels on chart axes (d3 time format) and in tables (moment.js), at each frequency's resolution.
    "axis.yearly": "%Y", "table.yearly": "YYYY",
    "axis.quarterly": "%Y Q%q", "table.quarterly": "YYYY [Q]Q",
    "axis.half-yearly": "%b %Y", "table.half-yearly": "YYYY-MM",
    "axis.monthly": "%b %Y", "table.monthly": "YYYY-MM",
    "axis.semi-monthly": "%Y-%m-%d", "table.semi-monthly": "YYYY-MM-DD",
    "axis.weekly": "%Y-%m-%d", "table.weekly": "YYYY-MM-DD",
    "axis.daily": "%Y-%m-%d", "table.daily": "YYYY-MM-DD",
    "axis.business-daily": "%Y-%m-%d", "table.business-daily": "YYYY-MM-DD",
    "axis.fine": "%Y-%m-%d %H:%M", "table.fine": "YYYY-MM-DD HH:mm",
    "axis.secondly": "%Y-%m-%d %H:%M:%S", "table.secondly": "YYYY-MM-DD HH:mm:ss",
    # Time stamps in text (fields: year, month, quarter, day); other frequencies are written as ISO dates.
    "date.yearly": "{year}",
    "date.quarterly": "{year} Q{quarter}",
    "date.half-yearly": "{year} H{half}",
    "half.1": "H1", "half.2": "H2", "axis.half_joiner": " ",
    "date.monthly": "{year}-{month:02d}",

    # Words core uses -------------------------------------------------------------------------------------------
    "freq.steps": "steps",
    "freq.minutely": "minutely",
    "freq.half-hourly": "half-hourly",
    "freq.hourly": "hourly",
    "freq.daily": "daily",
    "freq.business_mon_sat": "business-daily, Monday to Saturday",
    "freq.business_sun_thu": "business-daily, Sunday to Thursday",
    "freq.business_tue_sun": "business-daily, Tuesday to Sunday",
    "freq.business_wed_sun": "business-daily, Wednesday to Sunday",
    "freq.some_days": "{name}, {days}",
    "list.days": " ",
    "freq.business-daily": "business-daily",
    "freq.weekly": "weekly",
    "freq.monthly": "monthly",
    "freq.quarterly": "quarterly",
    "freq.half-yearly": "half-yearly",
    "freq.semi-monthly": "semi-monthly",
    "freq.secondly": "secondly",
    "freq.yearly": "yearly",
    "freq.every": "every {spacing}",
    "freq.every_minutes": "every {count} minutes",
    "freq.every_half-hours": "every {count} half-hours",
    "freq.every_hours": "every {count} hours",
    "freq.every_days": "every {count} days",
    "freq.every_business_days": "every {count} business days",
    "freq.every_weeks": "every {count} weeks",
    "freq.every_months": "every {count} months",
    "freq.every_quarters": "every {count} quarters",
    "freq.every_half-years": "every {count} half-years",
    "freq.every_years": "every {count} years",
    "freq.every_seconds": "every {count} seconds",
    "freq.every_half-months": "every {count} half-months",
    "per.none": "as written",
    "per.minute": "minute",
    "per.hour": "hour",
    "per.day": "day",
    "per.week": "week",
    "per.month": "month",
    "per.quarter": "quarter",
    "per.year": "year",
    "policy.interpolate": "interpolate",
    "policy.ffill": "ffill",
    "policy.drop": "drop",
    "policy.zero": "zero",
    "policy.mean": "mean",
    "policy.sum": "sum",
    "policy.first": "first",
    "policy.last": "last",
    "policy.count": "count",
    "policy.max": "max",
    "policy.min": "min",
    "sep.commas": "commas",
    "sep.semicolons": "semicolons",
    "sep.tabs": "tabs",
    "sep.bars": "vertical bars (|)",

    # What the loader says (core.data): its errors and its report -----------------------------------------------
    "err.read_out_of_memory": "Reading it needs more memory than the server has: use a smaller file (fewer rows or "
                              "columns, shorter text cells).",
    "err.training_memory": "Training on {rows:,} rows of {features:,} features needs about {mb} MB of memory, more "
                           "than the {most} MB one training may take (TSR_TRAIN_MAX_MB): use fewer rows (a coarser "
                           "time step, a shorter span), fewer lags, terms or hidden units, or raise TSR_TRAIN_MAX_MB.",
    "err.training_memory_hidden": "Training on {rows:,} rows of {features:,} features with {hidden:,} hidden units "
                                  "needs about {mb} MB of memory, more than the {most} MB one training may take "
                                  "(TSR_TRAIN_MAX_MB): use fewer rows (a coarser time step, a shorter span), fewer "
                                  "lags, terms or hidden units, or raise TSR_TRAIN_MAX_MB.",
    "err.limit_not_number": "{variable} is set to '{value}', which is not a positive number: set it to a number "
                            "such as {default}, or unset it.",
    "err.irregular_stamps": "The time stamps are irregular: {off:,} of {rows:,} rows fall between the steps of "
                            "'{frequency}' (an event log, such as payments or orders), so filling the gaps would "
                            "invent rows at times that never occur. Combine the rows per day (or hour) into a regular "
                            "series first (Reading options: 'Combine the rows per'; --per day), or leave the gaps "
                            "unfilled.",
    "err.limit_below_one": "{variable} is set to '{value}', which is less than 1: set it to a whole number such as "
                           "{default}, or unset it.",
    "err.parquet_nested": "'{name}' has a column of nested values ('{column}', {kind}): a series needs one value per "
                          "cell; export the table flat, or as CSV.",
    "err.tiny": "Column '{column}' holds only values below {limit:g} in size (the largest is {largest}); their squares "
                "are too small to compute with: rescale the column, for example multiply it by 1e100.",
    "err.unclosed_quote": "A double quote (\") opens a cell on line {line} and is never closed, so the rest of the "
                          "file reads as that one cell: close the quote, or remove it.",
    "err.parquet_cells": "The file has {count:,} cells, more than the limit of {limit}: keep the columns you need, "
                         "or load a shorter extract, or set TSR_MAX_SHEET_CELLS to raise the limit.",
    "err.too_many_cells": "The file has {count:,} cells, more than the limit of {limit}: its used range is too large "
                          "(stray cells far from the table: delete them), or set {variable} to raise the limit.",
    "err.too_many_columns": "The file has {count:,} columns, more than the limit of {limit}: keep the columns you "
                            "need, or set {variable} to raise the limit.",
    "err.too_many_dashboard_series": "This file holds {count:,} series, more than the {limit} the dashboard goes "
                                     "through in one run: fit them with the command line (python -m core fit "
                                     "FILE), or set TSR_MAX_DASHBOARD_SERIES to raise the limit.",
    "err.ids_blank": "Every row's {columns} is blank: fill in the series id, or choose another id column (--id-col on "
                     "the command line).",
    "err.too_many_series": "The file has {count:,} series, more than the limit of {limit}: fit fewer series at a time "
                           "(split the file), or set {variable} to raise the limit.",
    "err.too_many_rows": "The file has {count:,} rows, more than the limit of {limit}: load a shorter extract, or "
                         "set {variable} to raise the limit.",
    "err.folder": "'{path}' is a folder: name a file in it (a CSV, .xlsx or .parquet).",
    "err.word": "The file is a Word document, not a table: copy its table into Excel and save it as .xlsx or CSV.",
    "err.xls": "The file is an Excel workbook in the old format (.xls), or one protected by a password: open it in "
               "Excel or LibreOffice and save it as .xlsx without a password, or as CSV.",
    "err.ods": "{label} is an OpenDocument file (.ods), not an Excel workbook: save it as .xlsx or CSV from "
               "LibreOffice or Excel.",
    "err.ofx": "This file is a bank download in OFX or QFX (for Quicken, QuickBooks or Money), not a CSV: download the "
               "statement as CSV (the bank's 'CSV' or 'Comma delimited' choice).",
    "err.qif": "This file is a bank download in QIF (Quicken Interchange Format), not a CSV: download the statement as "
               "CSV (the bank's 'CSV' or 'Comma delimited' choice).",
    "err.json": "This file is JSON, not a CSV: export the data as CSV (a header row, then one row per time step).",
    "err.tar": "The file is a tar archive (.tar.gz): unpack it and choose the CSV inside.",
    "format.stata": "a Stata data file (.dta)",
    "format.spss": "an SPSS data file (.sav)",
    "format.zsav": "a compressed SPSS data file (.zsav)",
    "format.sas": "a SAS data set (.sas7bdat)",
    "format.xpt": "a SAS transport file (.xpt)",
    "format.sqlite": "an SQLite database",
    "format.arrow": "an Arrow / Feather file",
    "format.feather": "a Feather file",
    "format.hdf5": "an HDF5 file (.h5)",
    "format.npy": "a NumPy array (.npy)",
    "format.mat": "a MATLAB data file (.mat)",
    "format.rdata": "an R data file (.RData)",
    "format.rds": "an R data file (.rds)",
    "format.avro": "an Avro file",
    "err.other_format": "The file is {file_kind}, which the reader does not open: export the data as CSV ({how}).",
    "err.pickle": "The file is a pickled Python object, which the reader never opens (loading one can run any code): "
                  "write the table with DataFrame.to_csv and choose the CSV.",
    "err.pdf": "This file is a PDF document, not a table: export the data as CSV from where it came.",
    "err.gzip_damaged": "The file is compressed (gzip) but damaged ({detail}): compress it again, or choose the CSV "
                        "itself.",
    "err.packed_twice": "The file is compressed twice (gzip inside an archive): decompress it and choose the CSV "
                        "inside.",
    "err.unpacked_too_large": "The file unpacks to more than the {mb:g} MB limit: load a shorter extract, or set "
                              "TSR_MAX_FILE_MB to raise the limit.",
    "err.no_file": "No file at '{path}': check the path and try again.",
    "err.parquet_text": "'{name}' holds {mb} MB of text once unpacked, more than the limit of {limit} MB: keep the "
                        "columns you need, or set TSR_MAX_UNCOMPRESSED_MB to raise the limit.",
    "err.named_file_too_large": "'{name}' is larger than the {mb:g} MB limit: load a shorter extract, or set "
                                "TSR_MAX_FILE_MB to raise the limit.",
    "err.file_too_large": "The file is larger than the {mb:g} MB limit: load a shorter extract, or set TSR_MAX_FILE_MB "
                          "to raise the limit.",
    "err.empty": "The file is empty: choose a CSV with a header row and at least a few rows of data.",
    "err.xml": "This file is XML (a feed or data document, such as a utility's Green Button download), not a CSV: "
               "download the data itself as CSV, or save it as CSV from a spreadsheet.",
    "err.html": "This file is a web page (HTML), not a CSV: download the data itself as CSV.",
    "err.parquet": "'{name}' looks like Parquet but cannot be read ({detail}): export it again or save it as CSV.",
    "err.zip_damaged": "{label} starts like a zip archive (as Excel workbooks do) but is damaged ({detail}): save it "
                       "again, or export the sheet as CSV.",
    "err.zip_method": "{label} is a zip archive packed with a method this loader cannot unpack (method {method} in "
                      "'{member}'): save the workbook again from Excel, or export the sheet as CSV.",
    "err.zip_password": "{label} is password-protected: remove the password in Excel, or export the sheet as CSV.",
    "err.zip_ratio": "{label} unpacks '{member}' to {ratio:,.0f} times its packed size, more than the limit of "
                     "{limit} (a zip bomb?): export the sheet as CSV, or set TSR_MAX_COMPRESSION_RATIO to raise the "
                     "limit.",
    "err.zip_not_workbook": "{label} is a zip archive (holding {inside}), not a CSV or an Excel workbook: unzip it "
                            "and load the file inside.",
    "err.sheet_text": "{label} holds text that, read into its cells, takes {mb:,.0f} MB, more than the limit of "
                      "{limit} MB: export the sheet as CSV without the long text, or set TSR_MAX_UNCOMPRESSED_MB to "
                      "raise the limit.",
    "err.zip_unpacked": "{label} unpacks to {mb:,.0f} MB, more than the limit of {limit} MB: export the sheet as "
                        "CSV, or set TSR_MAX_UNCOMPRESSED_MB to raise the limit.",
    "err.excel": "'{name}' is an Excel workbook that cannot be read ({detail}): open it in Excel and save it again, "
                 "or export the sheet as CSV.",
    "err.excel_unmeasured": "{label} does not say where the sheet's cells are kept as XML, so its size cannot be "
                            "checked before it is read: open it in Excel and save it as .xlsx, or export the sheet "
                            "as CSV.",
    "err.no_sheet": "'{name}' has no sheet '{sheet}': its sheets are {sheets}.",
    "err.utf16": "The file starts with a UTF-16 mark but is not UTF-16 text: save it as UTF-8 CSV.",
    "err.binary": "The file holds binary data, neither text nor a workbook or Parquet file the reader knows: "
                  "choose a CSV (comma-, semicolon- or tab-separated text), an Excel workbook (.xlsx) or a Parquet "
                  "file.",
    "err.encoding": "The file's text encoding is not recognised: save it as UTF-8 CSV.",
    "err.ragged": "The rows do not line up into columns ({detail}): check that every row has the same number of "
                  "{separators}, and put cells that contain one in double quotes.",
    "err.no_data_rows": "The file has a header of {fields} columns on line {line} but no rows of data under it (a "
                        "report for a range with nothing in it): export a range that holds data.",
    "err.ragged_line": "The rows do not line up into columns: line {line} has {fields} fields where the header has "
                       "{header}: check that every row has the same number of {separators}, and put cells that "
                       "contain one in double quotes.",
    "err.ragged_thousands": "The rows do not line up into columns: line {line} has {fields} fields where the header "
                            "has {header}, as the comma in a number written with thousands separators ({number}) "
                            "splits it in two: put numbers that contain commas in double quotes, or save the file "
                            "without thousands separators.",
    "err.no_columns": "The file has no columns: choose a CSV with a header row and data rows.",
    "err.csv": "The file could not be read as CSV ({detail}): save it as a CSV with one header row and one row per "
               "time step.",
    "err.no_rows": "The file has a header but no data rows: add the rows of the series below the header.",
    "err.table": "The file could not be read as a table ({detail}): save it as a CSV with one header row and one "
                 "row per time step.",
    "err.missing_policy": "Unknown missing-value policy '{policy}': use one of {choices}.",
    "err.per_unknown": "Unknown period '{per}' to combine the rows per: use one of {choices}.",
    "err.per_limit": "Combining the rows per {per} from {first} to {last} would make more rows than the limit of "
                     "{limit}: choose a longer period, or set TSR_MAX_ROWS to raise the limit.",
    "err.per_finer": "Combining the rows per {per} combines none of them, and {empty:,} of the {periods:,} periods "
                     "would be zeros. Choose a longer period, or keep the rows as written.",
    "err.per_few_places": "Combining the rows per {per} combines none of them, and {empty:,} of the {periods:,} "
                          "periods would be zeros: the time stamps keep to a few of them (the same hours of each day, "
                          "days of each week or days of each month). Choose a longer period, or keep the rows as "
                          "written.",
    "err.per_none": "Combining the rows per {per} combines none of them: each row already has its own {per}. Keep the "
                    "rows as written, or choose a longer period.",
    "err.per_too_few": "Combined per {per}, the {rows:,} rows make only {periods:,} with a value; a series needs at "
                       "least {least}: choose a shorter period.",
    "err.per_needs_dates": "Combining the rows per {per} needs dates: choose the date column, or keep the rows as "
                           "written.",
    "err.duplicate_policy": "Unknown duplicate policy '{policy}': use one of {choices}.",
    "err.stamps_too_few": "The file's {rows:,} rows hold only {stamps:plural:distinct time stamp}; a series needs at "
                          "least {least}. If another column holds the dates (the one read repeats), choose it as the "
                          "Date column (--date-col). If the file holds several series (one per store, say), each is "
                          "too short to split and fit: load longer series.",
    "err.months_without_year": "The months run across the columns ('{first}' to '{last}') without a year, so the file "
                                "has only {rows:plural:row} in time: write the year in each month's header ('{first} "
                                "2023') or add a Year column before them, a row per year.",
    "err.too_few_rows": "Only {rows:plural:usable row}: a series needs at least {least} rows to split and fit.",
    "err.fill_limit": "Filling the missing time stamps would make {rows:,} rows ({frequency} from {first} to {last}), "
                      "more than the limit of {limit}: load the series without filling gaps, or set TSR_MAX_ROWS to "
                      "raise the limit.",
    "err.infinite": "Column '{column}' has {rows:plural:row} with infinite values (inf, or numbers too large to "
                    "store such as 1e309): replace each with a real value, or leave the cell blank to be filled.",
    "err.huge_cells": "Column '{column}' has {rows:plural:row} with values beyond ±{limit:g} among values within it "
                      "({examples}): correct those cells, or leave them blank to be filled.",
    "err.jump_cells": "Column '{column}' has {rows:plural:row} with values more than {factor:g} times the values "
                      "beside them and the column's typical size ({examples}): correct those cells, or leave them "
                      "blank to be filled.",
    "err.huge": "Column '{column}' has {rows:plural:row} with values beyond ±{limit:g}; values this large cannot be "
                "modelled: rescale the column, for example to thousands or millions.",
    "err.no_date_column": "There is no column '{column}' for the dates: choose one of {names}.",
    "err.one_series_id": "The series id {columns} gives one series only (the same id on every row): choose another "
                         "id column, or none to read the file as one series.",
    "err.one_series_targets": "The file has one numeric column to forecast ({column}): untick 'All numeric columns "
                              "as series' to read it as one series.",
    "err.not_dates": "Column '{column}' does not hold dates this loader can read (for example 1949-01, Jan 1980, "
                     "1956Q1, 31.01.1980): pick another date column.",
    "err.no_target_column_close": "There is no column '{column}' for the target: did you mean {names}?",
    "err.no_target_column": "There is no column '{column}' for the target: choose one of {names}.",
    "err.target_durations": "Column '{column}' holds durations ({examples}), not numbers: write them as seconds or "
                            "minutes (0:04:30 as 270), or choose another target.",
    "err.regressor_letter_codes": "Regressor '{column}' holds letters among its numbers ({codes}): codes of kinds, "
                                  "not numbers. Write them as numbers in the file (1 where a code applies, 0 where "
                                  "not), or leave the regressor out.",
    "err.target_not_numeric": "Column '{column}' is not numeric: {share} of its cells are not numbers ({examples}). "
                              "Write missing values as blank cells (at most 5% of the cells may be anything else), or "
                              "choose another target.",
    "err.target_only_markers": "Column '{column}' holds no number: every cell marks a missing or withheld value "
                               "({examples}). Choose another series or a file where its values are given.",
    "err.target_not_numeric_plain": "Column '{column}' is not numeric: choose a numeric target column.",
    "err.target_is_time": "Column '{column}' holds the time stamps, not the values: choose a numeric target column.",
    "err.column_blank": "Column '{column}' is blank in every row: fill in the values of the series, or choose "
                        "another file.",
    "err.only_coordinates": "The numeric columns of this file are map coordinates ({names}), not a series to "
                            "forecast: count its rows per {per} (the target '(count the rows per {per})', "
                            "--duplicates count --per {flag}), or choose a coordinate as the target to forecast it.",
    "err.column_text": "Column '{column}' holds text, not numbers (for example '{example}'): the file needs a "
                       "numeric column to forecast, or its rows counted (an event log: the target '(count the rows "
                       "per day)', --duplicates count --per day).",
    "err.no_numeric": "No numeric column to forecast: the file needs a column of numbers besides the dates.",
    "err.no_regressor_columns": "Regressor '{column}' is not a numeric column, and the file has none besides the target '{target}': leave the regressors out.",
    "err.id_is_target": "The id column {columns} holds the values to forecast: the id names each series (a store, a product), the target holds the values. Choose another id column (--id-col), or none to detect it.",
    "err.named_comma_points": "Comma was chosen as the decimal mark, but '{column}' writes decimal points "
                              "('{example}'): choose point as the Decimal mark under Reading options (--decimal "
                              "point), or let it be detected.",
    "err.decimal_mark": "Unknown decimal mark '{mark}': use point or comma, or leave it out to detect it.",
    "err.cell_too_long": "A quoted cell of the file is {kb:,} KB long (from line {line:,}), more than the limit of "
                         "{limit} KB for a line: a cell of a time series is far shorter; check that this is the file "
                         "meant, or set TSR_MAX_LINE_KB to raise the limit.",
    "err.line_too_long": "A line of the file is {kb:,} KB long (line {line:,}), more than the limit of {limit} KB: a "
                         "row of a time series is far shorter; check that this is the file meant, or set "
                         "TSR_MAX_LINE_KB to raise the limit.",
    "err.id_is_time": "Column '{column}' holds the dates: it cannot be the series id. Choose the column naming the series (--id-col), or none to detect it.",
    "err.regressor_not_numeric": "Regressor '{column}' is not a numeric column: choose from {names}.",
    "err.regressor_named_ds": "A regressor cannot be named 'ds', the name the app gives the time stamps: rename the column 'ds' in the file, or leave it out.",
    "err.regressor_named_y": "A regressor cannot be named 'y', the name the app gives the values of the series: rename the column 'y' in the file, or leave it out.",
    "err.regressor_unobserved": "Regressor '{column}' is blank in every row with a value of the series, so no model can learn its effect: fill in its past values, or leave it out.",
    "err.regressor_is_target": "Regressor '{column}' is the target itself: choose other columns as regressors.",
    "err.future_regressors": "Forecasting {steps:plural:step} with regressor '{regressor}' needs its future values: "
                             "add rows past the end with the regressors filled and the target left blank.",
    "err.future_regressors_short": "The file gives the regressors' future values for {rows:plural:step} past the end: "
                                   "forecast at most {rows:plural:step}, or fill rows past the end with their future "
                                   "values.",
    "err.ends_in_last_year": "The series ends at {last}, in the year {year}, after which dates cannot be written: no "
                             "step past it can be forecast.",
    "err.past_last_year": "A forecast of {steps:plural:step} past {last} would pass the year {year}, after which "
                          "dates cannot be written: forecast at most {fits:plural:step}.",
    "err.horizon_limit": "A horizon of {horizon:,} steps is outside 0 to {most:,}: forecast fewer steps, or set "
                         "TSR_MAX_HORIZON to raise the limit.",
    "err.future_regressors_gap": "The file gives the regressors' future values for {rows:plural:step} past the end "
                                 "(no row for {stamp}): forecast at most {rows:plural:step}, or add a row for {stamp}.",
    "err.future_regressors_none_gap": "The file gives no future values of the regressors at the first step past the "
                                      "end (no row for {stamp}): add that row to forecast with them, or choose a "
                                      "model without regressors.",
    "err.future_regressors_none_blank": "The file gives no future values of the regressors at the first step past "
                                        "the end ({columns} missing at {stamp}): fill that row to forecast with them, "
                                        "or choose a model without regressors.",
    "err.future_regressors_blank": "The file gives the regressors' future values for {rows:plural:step} past the "
                                   "end ({columns} missing at {stamp}): forecast at most {rows:plural:step}, or fill "
                                   "rows past the end with their future values.",
    "err.diverged": "Training diverged at update {update} with {optimizer} at learning rate {lr}: lower the learning "
                    "rate.",
    "err.diverged_pass": "Training diverged in pass {epoch} over the rows (updates {first:,} to {update:,}; the loss "
                         "is checked after each pass) with {optimizer} at learning rate {lr}: lower the learning rate.",
    "err.rows_for_lags": "{model} needs at least {least} training rows (there are {rows}): raise the train fraction, "
                         "load a longer series, or choose a model that needs fewer rows (naive, linear).",
    "err.weights_rows": "{model} fits {weights} weights (its terms and the intercept), so it needs at least {least} "
                        "training rows (there are {rows}); with fewer it fits the rows' noise exactly. Choose fewer "
                        "terms (a lower degree, or linear) or load more rows.",
    "err.lags_rows": "{model} with lags up to {lags} needs at least {least} training rows (there are {rows}): use "
                     "fewer lags, or more training rows (a larger train fraction or a longer series).",
    "err.ids_collide": "The series ids of {columns} joined by '{joiner}' name different series alike (an id holds "
                       "'{joiner}' itself): remove '{joiner}' from the ids, or name one id column.",
    "err.id_is_measure": "Column '{column}' holds measured values (for example {example}), not series ids: name the "
                         "column that tells the series apart (a store, a product) with --id-col, or leave --id-col out "
                         "to detect it.",
    "err.id_all_distinct": "Column '{column}' holds a different number in every row ({rows:,} rows), so each row would "
                           "be a series of one value: it is a measure, not series ids. Name the column that tells the "
                           "series apart (a store, a product) with --id-col, or leave --id-col out to detect it.",
    "err.series_empty": "This series has no values in '{column}' (every row is blank): fill them in, or leave the "
                        "series out of the file.",
    "err.target_empty": "Target column '{column}' has no values: choose a column that holds the series.",
    "notice.gaps_inserted": "{gaps:plural:missing time stamp} {gaps:were} inserted ({frequency} spacing).",
    "notice.year_first": "Dates in '{column}' are read with a two-digit year first ({format}): no other order "
                         "spaces them as evenly and as closely. If they are days or months first, choose that order "
                         "on the Data page (--day-first or --month-first on the command line), or write the dates as "
                         "yyyy-mm-dd.",
    "notice.ambiguous_day_first": "Dates in '{column}' fit both day-first and month-first reading; read day first "
                                  "because that gives the more regular spacing. If that is wrong, choose the other "
                                  "order on the Data page (--day-first or --month-first on the command line), or write "
                                  "the dates as yyyy-mm-dd.",
    "notice.ambiguous_month_first": "Dates in '{column}' fit both day-first and month-first reading; read month "
                                    "first because that gives the more regular spacing. If that is wrong, choose the "
                                    "other order on the Data page (--day-first or --month-first on the command "
                                    "line), or write the dates as yyyy-mm-dd.",
    "notice.ambiguous_even_day_first": "Dates in '{column}' fit both day-first and month-first reading, evenly spaced "
                                       "either way; read day first. If that is wrong, choose the other order on the "
                                       "Data page (--day-first or --month-first on the command line), or write the "
                                       "dates as yyyy-mm-dd.",
    "notice.ambiguous_even_month_first": "Dates in '{column}' fit both day-first and month-first reading, evenly "
                                         "spaced either way; read month first. If that is wrong, choose the other "
                                         "order on the Data page (--day-first or --month-first on the command line), "
                                         "or write the dates as yyyy-mm-dd.",
    "notice.ambiguous_usual_day_first": "Dates in '{column}' fit both day-first and month-first reading, evenly spaced "
                                        "either way; read day first, as your browser's language writes dates. If "
                                        "that is wrong, choose the other order on the Data page, or write the dates "
                                        "as yyyy-mm-dd.",
    "notice.ambiguous_usual_month_first": "Dates in '{column}' fit both day-first and month-first reading, evenly "
                                          "spaced either way; read month first, as your browser's language writes "
                                          "dates. If that is wrong, choose the other order on the Data page, or write "
                                          "the dates as yyyy-mm-dd.",
    "notice.constant_target": "'{column}' holds the same value in every row: any model forecasts it exactly. Choose "
                              "another column if this is not the series.",
    "notice.first_offset": "Times in '{column}' carry more than one UTC offset (daylight saving, or several time "
                           "zones); they are read on the first row's offset ({offset}), so that they stay evenly "
                           "spaced: a time written with another offset shows moved by the difference (an hour across "
                           "daylight saving). Downloads write each with that offset ({offset}), so that they match "
                           "the file's times.",
    "notice.target_identifies_rows": "The target '{column}' numbers the rows (a different whole number on each), so "
                                     "its values are no series to forecast: to forecast how many rows each day holds "
                                     "(tickets, orders), choose count under Repeated time stamps and "
                                     "Combine the rows per day (--duplicates count --per day).",
    "notice.per_local_time": "Times in '{column}' carry more than one UTC offset (daylight saving); combined per "
                             "{per}, each row counts on the date and time written, in the file's local time.",
    "notice.hidden_sheets": "Hidden sheets were passed over; sheet '{sheet}', the first one shown, was read.",
    "notice.unsaved_formulas": "The sheet has formulas whose results were never saved (a program wrote the workbook), "
                               "so they read as blank: open the workbook in Excel or LibreOffice and save it, then "
                               "load it again.",
    "err.target_unsaved_formulas": "Target column '{column}' has no values: the sheet has formulas whose results were "
                                   "never saved (a program wrote the workbook), so they read as blank: open the "
                                   "workbook in Excel or LibreOffice and save it, then load it again.",
    "err.dates_unsaved_formulas": "Time column '{column}' has no dates in most rows: the sheet has formulas whose "
                                  "results were never saved (a program wrote the workbook), so they read as blank: "
                                  "open the workbook in Excel or LibreOffice and save it, then load it again.",
    "notice.special_periods": "{rows:plural:row} of special periods 13-16 (a year's closing postings, no month) "
                              "{rows:were} left out.",
    "notice.period_averages": "{rows:plural:row} coded {code} (the year's average) {rows:were} left out.",
    "notice.period_averages_halves": "{rows:plural:row} coded {code} (averages of the halves or the whole year's "
                                     "average) {rows:were} left out.",
    "notice.weeks_from_monday": "The year and week numbers ('{column}') were read as ISO 8601 weeks, from Monday to "
                                "Sunday, each dated by its first day.",
    "notice.weeks_from_sunday": "The year and week numbers ('{column}') were read as US CDC (MMWR) weeks, from Sunday "
                                "to Saturday, each dated by its first day.",
    "notice.other_sheets": "The workbook has other sheets ({sheets}); sheet '{sheet}' was read: choose another under "
                           "Reading options (--sheet on the command line).",
    "notice.lost_digits": "Values of '{column}' are written with more than {digits} significant digits (as "
                          "'{example}'): numbers are read to about {digits}, so values that differ only further along "
                          "read alike. Rescale them in the file (subtract a common part, or divide by a power of ten).",
    "notice.other_sheet": "The workbook's first sheet holds no table of numbers; sheet '{sheet}' was read.",
    "notice.mixed_dates": "Dates in '{column}' are written in {ways} ways ({formats}); each way was read by its own "
                          "format. Check the dates if the file was put together from several exports.",
    "notice.point_thousands": "Points in the numbers were read as thousands separators ('1.025' is 1025), as files "
                              "separated by semicolons write them. If they are decimal points, choose point as the "
                              "Decimal mark under Reading options (--decimal point).",
    "notice.comma_thousands": "Commas in '{column}' were read as thousands separators ('{example}' is {value:,}). If "
                              "they are decimal commas, choose comma as the Decimal mark under Reading options "
                              "(--decimal comma).",
    "notice.series_ends_early_zeros": "Its rows end at {end}, before the file's last at {file_end}: its "
                                      "{periods:plural:period} after it until then hold no row, each 0 as a sum of "
                                      "none.",
    "notice.series_ends_early": "Its values end at {end}, before the file's last value at {file_end}: its forecast "
                                "starts after {end}.",
    "notice.marker_words": "{cells:plural:cell} of '{column}' hold words, not numbers ({examples}): they are read as "
                           "missing values, filled or dropped as Missing values says.",
    "notice.unreadable_numbers": "Cells of '{column}' that are not numbers were read as missing ({cells:plural:cell}: "
                                 "{examples}): correct them in the file if they hold values.",
    "notice.unreadable_numbers_comma": "Cells of '{column}' that are not numbers were read as missing "
                                       "({cells:plural:cell}: {examples}): if they are written with a decimal comma, "
                                       "choose comma as the Decimal mark under Reading options (--decimal comma); "
                                       "else correct them in the file.",
    "notice.future_regressors_gap": "The regressors' future rows have no row for {stamp}: forecasts reach "
                                    "{steps:plural:step}; add a row for {stamp} (the regressors filled, the target "
                                    "blank) to forecast further.",
    "notice.future_regressors_none_gap": "The regressors' future rows have no row for {stamp}, the first step past "
                                         "the end: no forecast can use them until it is added (the regressors "
                                         "filled, the target blank).",
    "notice.future_regressors_none_blank": "The regressors' future values are missing at the first step past the end "
                                           "({columns} missing at {stamp}): no forecast can use them until it is "
                                           "filled.",
    "notice.future_regressors_end": "The regressors' future values stop after {steps:plural:step} ({columns} missing "
                                    "at {stamp}): forecasts reach that far; fill the missing cells to forecast further.",
    "notice.trimmed_names": "Some columns are named alike but for spaces around the name; they are read as {pairs}: "
                            "rename them in the file to tell them apart.",
    "notice.renamed_columns": "Several columns have the same name; the later ones are read as {names}: rename them "
                              "in the file to tell them apart.",
    "notice.side_table": "The sheet holds another table to the right of the first, past a blank column ({columns}): "
                         "only the first was read. Save the other as a file of its own to read it.",
    "err.sheet_without_numbers": "Sheet '{sheet}' holds no table of numbers: choose another sheet under Reading "
                                 "options ({sheets}; --sheet on the command line).",
    "notice.later_table": "The file holds more tables below the first (the next is titled '{title}'): only the first "
                          "was read. Save another as a file of its own to read it.",
    "notice.preamble": "{lines:plural:line} of titles or notes above the header {lines:were} left out ({examples}).",
    "notice.unit_numbers_mixed": "'{column}' writes its numbers in '{unit}' and in '{others}': read in {unit}, each "
                                 "converted to it.",
    "notice.unit_numbers": "'{column}' writes the unit '{unit}' after each number: read as the numbers (in {unit}).",
    "notice.open_hour_steps": "Time stamps in '{column}' lie up to {most} off the steps of opening hours "
                              "({frequency}): each row is read at its nearest step, and the hours the rows never "
                              "reach are closed.",
    "notice.uneven_stamps": "Time stamps in '{column}' are not evenly spaced: up to {most} off an even spacing "
                            "({frequency}), in {rows:,} of {total:,} rows. Each row is read as one step, and the "
                            "forecast's time stamps go on evenly from the last row's.",
    "notice.several_rows_a_day": "{rows:plural:row} fall on {days:,} of the {span:,} days they span, several on some "
                                  "days and none on others: combine them per day (--per day, by their mean or sum) to "
                                  "read one value a day.",
    "notice.footnotes": "{lines:plural:line} of notes below the table {lines:were} left out ({examples}).",
    "notice.header_copies": "{rows:plural:row} repeating the header (files joined one under another) {rows:were} left out.",
    "notice.labels_only": "{rows:plural:row} without a date or a number (units or labels) {rows:were} left out.",
    "notice.stray_last": "The last row's time stamp, {stamp}, lies about {steps:,} steps ({frequency}) from the row beside it, {other}: further than all the other rows span. If its date is mistyped, correct it in the file: until then the steps between count as missing and the row stays where its date puts it.",
    "notice.stray_first": "The first row's time stamp, {stamp}, lies about {steps:,} steps ({frequency}) from the row beside it, {other}: further than all the other rows span. If its date is mistyped, correct it in the file: until then the steps between count as missing and the row stays where its date puts it.",
    "notice.order_overruled_month_first": "Dates in '{column}' cannot all be read day first, as chosen (some would have a month above 12): they were read month first, which reads every one.",
    "notice.order_overruled_day_first": "Dates in '{column}' cannot all be read month first, as chosen (some would have a month above 12): they were read day first, which reads every one.",
    "notice.missing_dates": "{rows:plural:row} without a date (a blank cell or a marker such as 'n/a') {rows:were} dropped: write the dates in the file to keep the rows.",
    "notice.undated_rows": "{rows:plural:row} without a date (subtotals or notes) {rows:were} left out.",
    "notice.clock_change_periods": "Days of a clock change hold an hour's periods more or fewer than the usual "
                                   "{per_day} in '{column}': {days}. Each period is read on the local clock: on a "
                                   "long day the hour from 01:00 is taken as written twice (as the UK and North "
                                   "America repeat it; central Europe repeats 02:00), and its second periods are "
                                   "combined with the first as repeated time stamps; on a short day the hour skipped "
                                   "is a gap.",
    "notice.rows_between_readings": "{rows:plural:row} without a value of '{column}', each between two of its readings a step apart ({frequency}), {rows:were} left out as other records (events, scans), not filled as readings.",
    "notice.flag_blanks": "'{column}' holds one value ({value}) and blanks: its {blanks:plural:blank} read as 0, a flag's other days.",
    "notice.spacing_change": "The time stamps change from {frequency} to {finer} at {start}: the series is read "
                             "{frequency}, the finer rows combined by their {policy} ({rows:plural:row} fewer). To "
                             "forecast {finer}, load only the rows from {start}.",
    "notice.spacing_change_mean": "The time stamps change from {frequency} to {finer} at {start}: "
                                  "the series is read {frequency}, the finer rows combined by their {policy} "
                                  "({rows:plural:row} fewer). To forecast {finer}, load only the rows from "
                                  "{start}. If they are parts of one total, choose sum (--duplicates sum).",
    "notice.spacing_finer_first": "The time stamps change from {finer} to {frequency} at {start}: the series is read "
                                  "{frequency}, the finer rows combined by their {policy} ({rows:plural:row} fewer). "
                                  "To forecast {finer}, load only the rows before {start}.",
    "notice.spacing_finer_first_mean": "The time stamps change from {finer} to {frequency} at {start}: "
                                       "the series is read {frequency}, the finer rows combined by their {policy} "
                                       "({rows:plural:row} fewer). To forecast {finer}, load only the rows before "
                                       "{start}. If they are parts of one total, choose sum (--duplicates sum).",
    "notice.running_total": "'{column}' never falls in the file, as a running total: its forecast and band are kept "
                             "at its last value or above, and the forecast from falling.",
    "notice.percent_cells": "The workbook formats {names} as percentages: read as the percent shown (0.6% as 0.6, not "
                            "0.006), as a CSV writes it.",
    "notice.own_spacing": "'{column}' has values on a coarser spacing ({frequency}) than the file's other rows: it is "
                          "read on its own, the {rows:plural:row} between its values left out (interpolating them "
                          "would make up most of the series).",
    "notice.status_rows": "{rows:plural:row} of status flags ('Attribute' Status) {rows:were} left out: the series "
                          "are its Value rows.",
    "notice.bare_calendar_across": "The file has no header row: its first column was read as the year and the twelve "
                                   "after it as its months, January to December.",
    "notice.bare_calendar_quarters": "The file has no header row: two of its columns were read as the year and the "
                                     "quarter of each row's date, the others numbered.",
    "notice.bare_calendar": "The file has no header row: its first columns were read as the year and the month of "
                            "each row's date, the others numbered.",
    "notice.bare_calendar_days": "The file has no header row: its first columns were read as the year, the month and "
                                 "the day of each row's date, the others numbered.",
    "notice.running_period": "The last row ({stamp}) falls between the {frequency} steps of the others, after the "
                             "last of them: a period still running (an export's day, week or month to date), it was "
                             "left out.",
    "notice.future_between_steps": "{rows:plural:future row} of the regressors, between the steps of the target "
                                   "({frequency}), {rows:were} left out: give their values on its steps to forecast "
                                   "with them.",
    "notice.labels_carried_down": "'{column}' is written once, on the first row of each block: carried down to the "
                                  "{rows:plural:blank cell} below it.",
    "notice.blank_counts": "'{column}' counts a few a row and never writes 0, and {cells:plural:cell} of it "
                           "{cells:were} blank: if a blank is none (no result that day), choose zero for Missing "
                           "values (--missing zero); filled, they read as counts like the others.",
    "notice.blank_holidays": "{rows:plural:day} without a value in '{column}' fall on holidays of the year "
                             "({stamps}): if the place was closed and a closed day's value is none, choose zero for "
                             "Missing values (--missing zero); filled, they read as days like the others.",
    "notice.dates_carried_down": "The date in '{column}' is written once, beside the first time of each day: carried "
                                 "down to the {rows:plural:blank cell} below it.",
    "notice.events_per_period": "{rows:plural:row} share a {per} with other rows while {gaps:,} {per}s between the "
                                 "first and the last have none: if each row is an event (a sale, an order), combine "
                                 "the rows per {per} under Reading options ('Combine the rows per', with 'Repeated "
                                 "time stamps' at sum or count; --per {flag} --duplicates sum or count), where a "
                                 "{per} without a row counts 0 rather than being filled.",
    "notice.fiscal_months": "'{column}' holds fiscal years, read as named by the year they end ('{example}' with "
                            "'{month}' is {read}), as the US, the UK, Canada, Australia and India name them; where a "
                            "fiscal year is named by the year it starts, the dates are a year early: write a date "
                            "column instead.",
    "notice.years_carried_down": "The year in '{column}' is written once, in the first of its rows: carried down to "
                                 "the {rows:plural:blank cell} below it.",
    "notice.merged_cells": "{cells:plural:cell} under merged cells took the value shown over them.",
    "notice.bad_dates": "{rows:plural:row} with an unreadable date {rows:were} dropped ({examples}): correct them in the file to keep the rows.",
    "notice.copies_in_mean": "{rows:plural:row} {rows:were} the same as another in every column: each counts in its "
                             "time stamp's mean, as a log lists equal events; remove them from the file if they are "
                             "copies.",
    "notice.copies_counted": "{rows:plural:row} {rows:were} the same as another in every column: each is counted in "
                             "the sum, as a statement lists a day's two equal payments; remove them from the file if "
                             "they are copies.",
    "notice.copies_dropped": "{rows:plural:row} that repeated another row in every column {rows:were} dropped.",
    "notice.stamps_averaged": "{rows:plural:row} on {stamps:plural:repeated time stamp} {rows:were} combined by their "
                              "mean. If the rows are parts of one total (orders, sales), choose sum under Reading "
                              "options (--duplicates sum).",
    "notice.per_period_averaged": "Rows combined per {per} by their {policy}: {rows:plural:row} into {periods:,}, one "
                                  "per {per}. If the rows are parts of one total (orders, sales), choose sum under "
                                  "Reading options (--duplicates sum).",
    "notice.blanks_before_sum": "{cells:plural:cell} of '{column}' without a value, between its values, "
                                "{cells:were} filled ({policy}) before the rows were summed per {per}: counted as "
                                "nothing, they made their periods read low.",
    "notice.total_per_document": "'{column}' repeats each document's total on its lines (by '{document}'): it is "
                                 "counted once per document, on its first line ({rows:plural:line} after the first of "
                                 "{documents:plural:document} read as 0).",
    "notice.invalid_readings": "{rows:plural:reading} of '{column}' that '{flag}' flags invalid (below 0) {rows:were} "
                               "read as missing.",
    "notice.estimated_zeros": "{rows:plural:reading} of 0 in '{column}' that '{flag}' marks '{word}' (estimated) "
                              "{rows:were} read as missing: an estimate of 0 is a meter that did not report; other "
                              "estimated reads are kept.",
    "notice.suspect_readings": "{rows:plural:reading} of '{column}' that '{flag}' marks '{word}' {rows:were} read as "
                               "missing.",
    "notice.nth_dated": "'{column}' numbers the periods from the start date the file's notes give ({start}): read as "
                        "their dates.",
    "notice.blanks_in_sums": "{cells:plural:blank cell} among the rows summed on a time stamp ({stamps}) {cells:were} "
                             "counted as nothing: if a part did not report, those sums read low.",
    "notice.per_period": "Rows combined per {per} by their {policy}: {rows:plural:row} into {periods:,}, one per "
                         "{per}.",
    "notice.per_period_marked": "{rows:plural:row} marked {words} in '{column}' {rows:were} combined per {per} with "
                                "the others: where they should not count, leave them out of the file.",
    "notice.per_period_groups": "Column '{column}' names {groups:,} groups ({shown}): the rows of all of them were "
                                "combined per {per} into one series. To forecast each, choose '{column}' as the "
                                "Series id (--id-col {option}).",
    "notice.per_partial_kept_first": "The first {per} ({start}) holds rows from {stamp} only: summed, it reads low, "
                                     "but it is kept, as fewer than {least} {per}s would be left without it; export "
                                     "whole {per}s to forecast from full ones.",
    "notice.per_partial_kept_last": "The last {per} ({start}) holds rows up to {stamp} only: summed, it reads low, but "
                                    "it is kept, as fewer than {least} {per}s would be left without it; export whole "
                                    "{per}s to forecast from full ones.",
    "notice.per_partial_first": "The first {per} ({start}) holds rows from {stamp} only: summed, it would read low, so "
                                "it is left out.",
    "notice.per_partial_last": "The last {per} ({start}) holds rows up to {stamp} only: summed, it would read low, so "
                               "it is left out.",
    "notice.per_period_zeros": "Rows combined per {per} by their {policy}: {rows:plural:row} into {periods:,}, one per "
                               "{per}; {empty:plural:{per}} without a row in the file, counted as 0.",
    "notice.balance_last": "'{column}' is a balance: the rows on each time stamp were combined by their last, "
                           "the balance at its end (their mean is none the account held). For the opening "
                           "balance, choose first (--duplicates first).",
    "notice.balance_last_per": "'{column}' is a balance: the rows of each period were combined by their last, "
                               "the balance at its end (their mean is none the account held). For the opening "
                               "balance, choose first (--duplicates first).",
    "notice.some_days_kept": "The rows fall on {days} only: the series is read as a week of those days, and the "
                             "other weekdays are left out, not counted as 0, and not forecast.",
    "notice.clock_back_hour": "{rows:plural:row} on {stamps:plural:repeated time stamp} in the hour the clocks go "
                              "back ({days}) {rows:were} combined by their {policy}: the times are local, without "
                              "their UTC offset, and that hour is written twice. To keep its two hours apart, write "
                              "the times with their offsets (+01:00) or zones (EDT, EST).",
    "notice.stamps_combined": "{rows:plural:row} on {stamps:plural:repeated time stamp} {rows:were} combined by their "
                              "{policy}.",
    "notice.missing_dropped": "{rows:plural:row} with missing values {rows:were} dropped.",
    "notice.drop_with_fill": "With 'Fill missing time stamps', rows with a blank cell are interpolated, not dropped: "
                             "dropping them would leave their time stamps missing.",
    "notice.blank_ends": "{rows:plural:row} before the first or after the last value of '{column}' {rows:were} left "
                         "out: there is nothing to fit or score there.",
    "notice.periods_as_months": "'{column}' numbers the periods of a year (1 to 12): they are read as its months, "
                                "period 1 as January, as the file does not say in which month its fiscal year starts.",
    "notice.cohort_years": "'{column}' holds accident, policy or underwriting years (AY, PY, UY): they are read as "
                           "the calendar years they name (AY 2008 is 2008, AY2015 Q1 is 2015 Q1), each row the claims "
                           "or policies of its year, not what was paid in that year; the forecast's stamps follow the "
                           "same rule.",
    "notice.fiscal_years": "'{column}' holds fiscal years: they are read as the calendar years they name (FY2015 and "
                           "2015/16 are 2015, FY2015 Q1 is 2015 Q1), as the file does not say in which month its fiscal year "
                           "starts; the forecast's stamps follow the same rule.",
    "notice.dates_unread": "No time column was read: '{column}' does not hold dates this loader can read (for example "
                           "'{example}'), so the rows are numbered as steps, with no calendar (only auto looks for a "
                           "season, in the values). Write the dates as yyyy-mm-dd (or 2021-01, 2021Q1, 2021-W01) to "
                           "forecast in time.",
    "notice.fiscal_periods": "'{column}' numbers the periods of fiscal years, {periods} to a year: they are read as "
                             "steps ('{first}' is step {step}, each period one step on, across the years), with no "
                             "calendar, as the file does not say on which day a period starts; their season is the "
                             "year's {periods} periods, and a forecast goes on from the last.",
    "notice.steps_inserted": "{gaps:plural:missing step number} {gaps:were} inserted.",
    "err.fill_steps_limit": "Filling the missing steps would make {rows:,} rows (steps {first} to {last}), more than "
                            "the limit of {limit}: load the series without filling gaps, or set TSR_MAX_ROWS to raise "
                            "the limit.",
    "notice.step_numbers": "'{column}' holds whole numbers, not dates: they are read as step numbers ({first} to "
                           "{last}), with no calendar (only auto looks for a season, in the values); a forecast "
                           "goes on from the last. Write the dates as yyyy-mm-dd (or 2021-01, 2021Q1, 2021-W01) to "
                           "forecast in time.",
    "notice.dates_across": "The dates run across the columns ('{first}' to '{last}', {dates:,} dates): each row is "
                           "read as a series, its cells as the values of those dates.",
    "notice.steps_across": "Numbered steps run across the columns ('{first}' to '{last}', {dates:,} steps): each row "
                           "is read as a series of steps, with no calendar. To forecast in time, put the dates in "
                           "their place (M5: from its calendar.csv).",
    "notice.after_dates_left": "The columns after the dates ({left}) were left out.",
    "notice.label_rows": "{rows:plural:row} with a label but no figure under any date ({words}: section headings, "
                         "notes, or series left blank) {rows:were} left out.",
    "notice.total_columns_left": "The columns of totals among the dates ({totals}) were left out.",
    "notice.hours_across": "The hours run across the columns ('{first}' to '{last}') and the days down the rows: "
                           "each day's row is read as its hours, each from the hour its column's interval begins.",
    "notice.hours_across_left": "The hours run across the columns ('{first}' to '{last}') and the days down the rows: "
                                "each day's row is read as its hours, each from the hour its column's interval "
                                "begins; the columns after the hours ({left}) were left out.",
    "notice.months_across": "The months run across the columns ('{first}' to '{last}') and the years down the rows: "
                            "each year's row is read as its twelve months.",
    "notice.months_across_left": "The months run across the columns ('{first}' to '{last}') and the years down the "
                                 "rows: each year's row is read as its twelve months; the columns after the months "
                                 "({left}) were left out.",
    "notice.quarters_across": "The quarters run across the columns ('{first}' to '{last}') and the years down the "
                              "rows: each year's row is read as its four quarters.",
    "notice.quarters_across_left": "The quarters run across the columns ('{first}' to '{last}') and the years down "
                                   "the rows: each year's row is read as its four quarters; the columns after the "
                                   "quarters ({left}) were left out.",
    "notice.years_across_months": "The years run across the columns ('{first}' to '{last}') and the months down the "
                                  "rows: read as one series, a row per month of each year.",
    "notice.years_across_quarters": "The years run across the columns ('{first}' to '{last}') and the quarters down "
                                    "the rows: read as one series, a row per quarter of each year.",
    "notice.below_limit": "{cells:plural:cell} of '{column}' {cells:were} written as below a limit ({examples}): read "
                          "as half of it (<1 as 0.5), the usual substitution. Write the values in the file if others "
                          "are meant.",
    "notice.non_detects": "{cells:plural:cell} of '{column}' {cells:were} written as not detected ({examples}): "
                          "read as 0, below the limit of detection. Write the limit ('<0.5') or the values in the "
                          "file if others are meant.",
    "notice.above_limit": "{cells:plural:cell} of '{column}' {cells:were} written as above a limit ({examples}): read "
                          "as the limit (>2419.6 as 2419.6), the least the value was. Write the values in the file if "
                          "others are meant.",
    "notice.scaled_numbers": "{cells:plural:cell} of '{column}' {cells:were} written with K, M or B ({examples}): "
                             "read with K as thousands, M as millions and B as billions.",
    "notice.eighths": "{cells:plural:cell} of '{column}' {cells:were} written in eighths ({examples}): read as whole "
                      "units and eighths, as CME quotes grains (452'6 as 452.75).",
    "notice.flagged_numbers": "{cells:plural:cell} of '{column}' with a flag after the number ({examples}; flags "
                              "such as p, provisional, or e, estimated) {cells:were} read as the number.",
    "notice.duration_minutes": "'{column}' writes durations ('{example}'): read as decimal minutes.",
    "notice.hours_minutes": "'{column}' writes hours and minutes ('{example}'): read as decimal hours.",
    "notice.below_half_unit": "{cells:plural:cell} of '{column}' {cells:hold} '(Z)', less than half the unit shown: "
                               "read as 0.",
    "notice.trace_as_zero": "{cells:plural:cell} of '{column}' {cells:hold} '{word}', a trace (some fell, too "
                            "little to measure): read as 0.",
    "notice.missing_codes": "{cells:plural:cell} of '{column}' {cells:hold} {codes}, which files write for a missing "
                            "reading, far outside the other values ({low} to {high}): read as missing.",
    "notice.months_under_years": "'{column}' groups the months under their years (as an Excel pivot table does): its "
                                 "{kept:,} month rows are read with their year; {rows:plural:row} of years or "
                                 "quarters ({examples}: subtotals, or blank) {rows:were} left out.",
    "notice.total_unlabelled": "The last row, without a date, is the sum of the rows above (a total): left out.",
    "notice.blank_weekends": "{rows:plural:Saturday or Sunday row} without a value in '{column}' {rows:were} left "
                             "out: the series is read as business days, and its forecasts skip weekends.",
    "notice.stray_hours": "{rows:plural:row} at a time of day no other row is at ({stamps}) {rows:were} left out: "
                          "the others, {hours}, are read as steps of those opening hours. If they are readings of the "
                          "night, the series runs around the clock: give the other hours' rows too.",
    "notice.blank_sundays": "{rows:plural:Sunday row} without a value in '{column}' {rows:were} left out: the series "
                            "is read as a six-day week (Monday to Saturday), and its forecasts skip Sundays.",
    "notice.blank_fridays_saturdays": "{rows:plural:Friday or Saturday row} without a value in '{column}' {rows:were} "
                                      "left out: the series is read as a Sunday-to-Thursday week, and its forecasts "
                                      "skip Fridays and Saturdays.",
    "notice.currencies_mixed": "The rows combined into each value are in {count} currencies in '{column}' ({shown}): "
                               "their amounts were added as they are. Choose '{column}' as a Series id (with the "
                               "others) to forecast each currency, or convert the amounts first.",
    "notice.local_midnights": "The times in '{column}' are at {times} UTC each day, the start of a day in a local "
                              "time zone: each row is read as the day it begins.",
    "notice.block_rows": "{rows:plural:title or total row} ending the tables above those headers {rows:were} left "
                         "out.",
    "notice.closed_words": "{rows:plural:row} without a value in '{column}' say the place was closed: if a closed "
                           "day's value is none (takings, visits), choose zero for Missing values (--missing zero); "
                           "filled, they read as days like the others.",
    "notice.named_zone": "The times in '{column}' are in UTC and '{zone_column}' names their time zone ({zone}): they "
                         "are read as its local times.",
    "notice.weekly_slots": "The rows keep to {slots} times of the week ({shown}), most of the stamps between them "
                           "missing: to forecast by the week, combine the rows per week (--per week, with "
                           "--duplicates sum for totals).",
    "notice.days_off": "{rows:plural:row} on a weekday the series is otherwise never on ({stamps}) {rows:were} left "
                       "out: the series is read on its days ({weekdays}). To count them, combine the rows per week "
                       "(--per week).",
    "notice.extra_weekdays": "{rows:plural:row} on another day than the series' {weekday}s, in weeks that have their "
                             "{weekday} ({stamps}), {rows:were} left out: the series is read week by week. To count them "
                             "in their weeks, combine the rows per week (--per week).",
    "notice.per_as_written": "Its rows already have a {per} each: read as written.",
    "notice.groups_one_series": "Column '{column}' names {groups:,} groups ({shown}), whose rows are read as one "
                                "series: to forecast each, choose '{column}' as the Series id (--id-col {option}).",
    "notice.blank_mondays": "{rows:plural:Monday row} without a value in '{column}' {rows:were} left out: the series "
                            "is read as a six-day week (Tuesday to Sunday), and its forecasts skip Mondays.",
    "notice.blank_mondays_tuesdays": "{rows:plural:Monday or Tuesday row} without a value in '{column}' {rows:were} "
                                     "left out: the series is read as a Wednesday-to-Sunday week, and its forecasts "
                                     "skip Mondays and Tuesdays.",
    "notice.steps_too_large": "'{column}' numbers its rows past 2^53 (9,007,199,254,740,992), beyond what its "
                              "numbers keep exactly: the rows are numbered 0, 1, 2 ... instead.",
    "notice.leading_labels": "{rows:plural:row} of labels above the first date ({words}) {rows:were} left out.",
    "notice.nested_periods": "'{column}' writes the series by periods of several lengths (as ONS files do: years, "
                             "quarters and months one below the other): its {kept:,} {frequency} rows are used; "
                             "{rows:plural:row} of longer periods ({examples}) {rows:were} left out.",
    "notice.summary_rows": "{rows:plural:row} summing up or annotating the table ({words}) {rows:were} left out.",
    "notice.blank_ends_future": "{rows:plural:row} before the first or after the last value of '{column}' {rows:were} "
                                "left out: there is nothing to fit or score there. To forecast with the future values "
                                "of {columns} in them, choose them as regressors.",
    "notice.future_partly": "{columns} {count:hold} values in only some of the rows after the last value of '{column}': as regressors, forecasts reach as far as they are filled.",
    "notice.newest_first_last": "The rows are listed newest first, and so were read the rows of each time stamp: "
                                "'last' is the top row of each. If a time stamp's rows run oldest first, choose first "
                                "instead (--duplicates first).",
    "notice.newest_first_first": "The rows are listed newest first, and so were read the rows of each time stamp: "
                                 "'first' is the bottom row of each. If a time stamp's rows run oldest first, choose "
                                 "last instead (--duplicates last).",
    "notice.signed_by_side": "'{column}' is written without a sign and '{side}' says which way each amount went: "
                             "{rows:plural:row} marked '{word}' {rows:were} read as money out, below zero, so that sums "
                             "are the net. To forecast each side on its own, choose '{side}' as the Series id (--id-col "
                             "{option}).",
    "notice.cancelled_rows": "{rows:plural:row} of '{column}' that '{flag}' marks {words} {rows:were} counted as 0: "
                             "not carried out.",
    "notice.per_blank_periods": "{periods:plural:{per}} whose rows all leave '{column}' blank (rows of another kind) "
                                "{periods:were} counted as 0, as a {per} without a row is.",
    "notice.payout_rows": "{rows:plural:row} of '{column}' that '{flag}' marks {words} {rows:were} counted as 0: a "
                          "payout to the bank is no sale nor cost.",
    "notice.failed_rows": "{rows:plural:row} of '{column}' that '{flag}' marks {words} {rows:were} counted as 0: nothing "
                          "was paid on them, or it was paid back.",
    "notice.register_increments": "'{column}' never falls, as a meter's register or a running total does: summed per "
                                  "{per}, its readings would add up to nothing meaningful, so each reading's rise "
                                  "since the one before was summed (the {per}'s use). To forecast the readings "
                                  "themselves, combine them by their last (--duplicates last).",
    "notice.power_as_energy": "'{column}' is a power ({unit}): summed per {per}, each reading was counted for the "
                              "{minutes:plural:minute} until the next (times {hours} hours), so that the {per}'s value "
                              "is its energy ({unit}h).",
    "notice.power_as_energy_held": "'{column}' is a power ({unit}) read at uneven times: summed per {per}, each "
                                   "reading was counted for the time until the next (an hour at most), so that the "
                                   "{per}'s value is its energy ({unit}h).",
    "notice.register_wrapped": "'{column}' drops back to near its start {drops:plural:time} (first on {when}, from "
                                "{before} to {after}), as a meter's register does when it wraps or is reset: the "
                                "readings after are carried on from it, so that it keeps rising. To forecast the use "
                                "per day, combine the rows per day by their sum (--per day --duplicates sum).",
    "notice.after_made": "The file's notes say it was made as of {made}: its {rows:plural:row} of periods begun "
                         "after it, from {first} on, hold figures still to come (bookings on the books) and were left "
                         "out of the history.",
    "notice.other_side_blank": "{rows:plural:blank cell} of '{column}' on rows where '{other}' is filled {rows:were} "
                               "read as 0: a blank side of a pair of money columns (in and out, cash and card) is none "
                               "of it on that row.",
    "notice.target_still_to_come": "'{column}' is blank in the file's last rows, where the target '{target}' is "
                                   "filled, as a file that gives its regressors' future values is laid out: if "
                                   "'{column}' is the series to forecast, choose it as the target and '{target}' as a "
                                   "regressor.",
    "notice.regressor_blanks": "Regressor cells without a number (blank, or a mark such as 'T' or 'M') among them: "
                               "{cells}.",
    "notice.missing_filled": "{rows:plural:row} with missing values {rows:were} filled ({policy}).",
}
