"""Cells of a number column as real files write them: missing-value markers, spreadsheet errors,
other minus signs, accounting negatives, no-break thousands spaces; and the cell a refusal quotes."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.data.parsing import parse_numbers
from core.data.read import read_table
from core.data.tidy import LoadOptions, load_series
from core.errors import DataError


def _monthly(cells: list[str], header: str = "date,value", sep: str = ",") -> bytes:
    """A CSV of one value a month from 2020-01, ``cells`` as written."""
    rows = [f"{2020 + i // 12}-{i % 12 + 1:02d}-01{sep}{cell}\n" for i, cell in enumerate(cells)]
    return (header.replace(",", sep) + "\n" + "".join(rows)).encode("utf-8")


@pytest.mark.parametrize("marker", [".", "-", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!",
                                    "#N/A", "#N/A N/A", ":", "..", "(D)", ": c"])
def test_markers_in_more_than_one_cell_in_twenty_are_missing_and_filled(marker: str) -> None:
    cells = [marker if row in (7, 15) else str(100 + row - 1) for row in range(1, 25)]  # FRED's "." on rows 7, 15
    series = load_series(_monthly(cells, "DATE,VAL"), "fred.csv")
    assert series.target == "VAL"
    assert series.frame["y"].tolist() == [float(100 + i) for i in range(24)]  # interpolated on the line
    assert series.report.missing_filled == 2


def test_values_below_a_limit_are_read_as_half_of_it_and_said() -> None:
    # Google Trends writes '<1' for under 1: the column was refused as text.
    cells = ["<1" if month in (4, 5) else str(10 + month) for month in range(1, 25)]
    series = load_series(_monthly(cells, "Week,python: (Worldwide)"), "trends.csv")
    assert series.frame["y"].iloc[3:5].tolist() == [0.5, 0.5] and series.frame["y"].iloc[5] == 16
    note = next(notice for notice in series.report.notices if notice.key == "notice.below_limit")
    assert "2 cells of 'python: (Worldwide)' were written as below a limit ('<1')" in note
    assert parse_numbers(pd.Series(["<0.05", "0.2", "0.4"]), False).tolist() == [0.025, 0.2, 0.4]
    # a lab's E. coli counts above the tray's limit, '>2419.6': read as missing and interpolated near 100
    cells = [">2419.6" if month in (7, 8) else str(10 + month) for month in range(1, 25)]
    series = load_series(_monthly(cells, "Sample Date,E. coli (MPN/100 mL)"), "lab.csv")
    assert series.frame["y"].iloc[6:8].tolist() == [2419.6, 2419.6] and series.report.missing_filled == 0
    assert any(notice.key == "notice.above_limit" for notice in series.report.notices)
    # a lab's 'ND' (not detected) without its limit: left out as other records, the series read as weekly
    cells = ["ND" if month % 5 == 0 else f"{3 + month / 10:.1f}" for month in range(1, 25)]
    series = load_series(_monthly(cells, "Sample Date,Eff BOD5 (mg/L)"), "lab.csv")
    assert series.frame["y"].iloc[4] == 0 and len(series.frame) == 24
    assert any(notice.key == "notice.non_detects" for notice in series.report.notices)


def test_eurostat_flags_after_numbers_are_read_as_the_numbers_and_said() -> None:
    # ':' (not available) for the first years, 'p' (provisional) on the last: refused as text.
    cells = [":"] * 3 + [f"{100 + month}" for month in range(3, 23)] + ["123.5 p"]
    series = load_series(_monthly(cells, "month,value"), "eurostat.csv")
    assert len(series.frame) == 21 and series.frame["y"].iloc[-1] == 123.5
    note = next(notice for notice in series.report.notices if notice.key == "notice.flagged_numbers")
    assert "1 cell of 'value' with a flag after the number ('123.5 p'; flags such as p" in note
    assert "was read as the number" in note
    from core.i18n import said

    assert "“value”中有 1 个单元格在数字后带有标记" in said(note, "zh")


def test_units_and_less_than_signs_inside_cells_are_not_flags_or_limits() -> None:
    # '500 g' and '1 kg' were read as 500 and 1 (as if g and kg were flags); '10<20' as 1020 once a '<1' was there.
    grams = parse_numbers(pd.Series(["500 g", "1 kg"] * 12), False)  # one unit's numbers, converted (not 500 and 1)
    assert grams is not None and list(grams.iloc[:2]) == [500.0, 1000.0]
    cells = ["<1" if month == 3 else "10<20" if month == 4 else str(month) for month in range(1, 25)]
    series = load_series(_monthly(cells, "date,share"), "share.csv")
    assert series.frame["y"].iloc[2] == 0.5 and series.frame["y"].iloc[3] != 1020
    assert [notice.key for notice in series.report.notices][:2] == ["notice.below_limit", "notice.unreadable_numbers"]
    dashes = parse_numbers(pd.Series(["1.5K", "-", "2K"]), False)  # a missing-value marker among the amounts
    assert dashes is not None and dashes.iloc[0] == 1500 and dashes.isna().iloc[1]


def test_volumes_written_with_k_m_b_are_read_as_thousands_millions_and_billions() -> None:
    # Trading sites' volumes ('12.5K', '1.2M'): the column was not numeric, so it could not be chosen as the target.
    cells = [f"{10 + month}.5K" if month < 20 else f"{month / 10:.1f}M" for month in range(1, 25)]
    series = load_series(_monthly(cells, "Date,Vol."), "volumes.csv")
    assert series.frame["y"].iloc[0] == 11_500 and series.frame["y"].iloc[-1] == 2_400_000
    note = next(notice for notice in series.report.notices if notice.key == "notice.scaled_numbers")
    assert "24 cells of 'Vol.' were written with K, M or B ('11.5K'" in note
    assert parse_numbers(pd.Series(["1.5B", "200", "3K"]), False) is not None  # a plain number among them
    assert parse_numbers(pd.Series(["12 M", "Large B", "3K"]), False) is None  # words ending in the letters


def test_a_weather_stations_missing_codes_are_read_as_missing_and_said() -> None:
    # -9999 among temperatures was a reading: the chart and every score took it.
    cells = ["-9999" if month in (5, 6) else f"{10 + month / 4}" for month in range(1, 25)]
    series = load_series(_monthly(cells, "DATE,TMAX"), "station.csv")
    assert series.frame["y"].min() > 10 and series.report.missing_filled == 2
    note = next(notice for notice in series.report.notices if notice.key == "notice.missing_codes")
    assert "2 cells of 'TMAX' hold -9999, which files write for a missing reading, far outside the other" in note
    assert "(10.25 to 16): read as missing" in note
    from core.i18n import said

    assert "“TMAX”中有 2 个单元格为 -9999" in said(note, "zh")
    sales = [f"{9000 + 500 * (month % 5)}" if month != 7 else "9999" for month in range(1, 25)]  # within the others
    kept = load_series(_monthly(sales, "date,sales"), "sales.csv")
    assert kept.frame["y"].iloc[6] == 9999 and not any(n.key == "notice.missing_codes" for n in kept.report.notices)


def test_a_lone_9999_among_prices_and_codes_among_a_constant_column_are_kept() -> None:
    # A power market's price cap (9,999) written once, and -99 among zeros, were read as missing.
    prices = [f"{40 + 5 * (month % 20)}" if month != 9 else "9999" for month in range(1, 25)]
    series = load_series(_monthly(prices, "date,price"), "prices.csv")
    assert series.frame["y"].iloc[8] == 9999 and not any(n.key == "notice.missing_codes" for n in series.report.notices)
    flat = ["0" if month != 4 else "-99" for month in range(1, 25)]
    assert load_series(_monthly(flat, "date,level"), "flat.csv").frame["y"].iloc[3] == -99
    twice = ["9999" if month in (9, 17) else p for month, p in enumerate(prices, start=1)]
    assert load_series(_monthly(twice, "date,price"), "prices.csv").frame["y"].max() < 9999  # a code when repeated


def test_a_named_target_whose_first_cells_are_words_is_read_whole() -> None:
    # NOAA's 'M' in the first 11 of 3,000 rows: the named column was refused, saying 0% of its cells were words.
    days = pd.date_range("2000-01-01", periods=3000, freq="D")
    text = "date,prcp\n" + "".join(f"{day:%Y-%m-%d},{'M' if i < 11 else i % 7}\n" for i, day in enumerate(days))
    series = load_series(text.encode(), "noaa.csv", LoadOptions(target="prcp"))
    assert series.target == "prcp" and len(series.frame) == 3000 - 11


def test_a_missing_code_in_a_series_of_a_long_file_is_read_as_missing() -> None:
    from core.data.tidy import LoadOptions, tidy_clean

    stamps = pd.date_range("2024-01-01", periods=20, freq="D").to_numpy()
    values = np.array([12.0 + day % 3 for day in range(20)])
    values[4] = -9999.0
    cells = {"date": stamps, "tmax": values}
    assert tidy_clean(cells, LoadOptions(date_col="date", target="tmax"), {}) is None  # the full rules, with the code
    values[4] = 12.0
    assert tidy_clean(cells, LoadOptions(date_col="date", target="tmax"), {}) is not None


def test_a_target_named_with_too_many_words_says_which_and_how_many() -> None:
    # "is not numeric (or is all blank)" quoted no cell: NOAA writes M (missing) and T (trace) among readings.
    cells = ["M" if month in (2, 9) else "T" if month == 5 else f"{month / 10}" for month in range(1, 25)]
    with pytest.raises(DataError) as caught:
        load_series(_monthly(cells, "DATE,Precipitation"), "noaa.csv", LoadOptions(target="Precipitation"))
    assert str(caught.value).startswith("Column 'Precipitation' is not numeric: 8% of its cells are not numbers "
                                        "('M'). Write missing values as blank cells")  # (the trace: 0)
    comma = ["M" if month % 4 == 0 else f"{month},5" for month in range(1, 25)]  # a decimal-comma file's numbers count
    wetter = load_series(_monthly(comma, "Datum,Wert", sep=";"), "wetter.csv", LoadOptions(target="Wert"))
    assert wetter.report.missing_filled == 5  # NOAA's 'M' written 3 times or more: missing, filled (one last: cut)
    years = "year,sales\n" + "".join(f"{2000 + i},{i}\n" for i in range(12))
    with pytest.raises(DataError, match="Column 'year' holds the time stamps, not the values"):
        load_series(years.encode(), "y.csv", LoadOptions(target="year"))


def test_one_spreadsheet_error_in_twelve_months_is_missing() -> None:
    cells = ["#DIV/0!" if month == 5 else f"{10 + month / 2}" for month in range(1, 13)]
    series = load_series(_monthly(cells, "Date,Profit"), "profit.csv")
    assert series.frame["y"].tolist() == [10 + month / 2 for month in range(1, 13)]
    assert series.report.missing_filled == 1


def test_fred_dots_are_missing_in_a_decimal_comma_file() -> None:
    cells = ["." if month in (3, 8) else f"{month},5" for month in range(1, 13)]
    series = load_series(_monthly(cells, "Datum;Wert", sep=";"), "punkte.csv")
    assert series.frame["y"].tolist() == [month + 0.5 for month in range(1, 13)]


@pytest.mark.parametrize(("cells", "sep", "expected"), [
    (["1.5", "\u221213.5", "2", "\u22120.25"], ",", [1.5, -13.5, 2.0, -0.25]),
    (["1,5", "\u221213,5", "2", "\u22120,25"], ";", [1.5, -13.5, 2.0, -0.25]),
])
def test_the_unicode_minus_sign_reads_as_a_minus(cells: list[str], sep: str, expected: list[float]) -> None:
    series = load_series(_monthly(cells * 3, sep=sep), "minus.csv")
    assert series.frame["y"].tolist() == expected * 3


@pytest.mark.parametrize(("cells", "sep", "expected"), [
    (['"1,100.00"', "(123)", '"(1,234.50)"', '"($1,234)"', "50", "( 7.5 )"], ",",
     [1100.0, -123.0, -1234.5, -1234.0, 50.0, -7.5]),
    (["1.100,00", "(123)", "(1.234,50)", "(1.234 €)", "50", "7,5"], ";",
     [1100.0, -123.0, -1234.5, -1234.0, 50.0, 7.5]),
])
def test_accounting_negatives_in_parentheses_read_as_negative(cells: list[str], sep: str,
                                                              expected: list[float]) -> None:
    series = load_series(_monthly(cells * 2, "date,amount", sep), "ledger.csv")
    assert series.frame["y"].tolist() == expected * 2


def test_text_in_parentheses_is_still_text() -> None:
    cells = ["(see note)" if month % 2 else str(month) for month in range(1, 13)]
    with pytest.raises(DataError, match=r"holds text, not numbers \(for example '\(see note\)'\)"):
        load_series(_monthly(cells), "notes.csv")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", " "])
@pytest.mark.parametrize("every_cell", [True, False])
def test_no_break_spaces_group_thousands_like_a_plain_space(space: str, every_cell: bool) -> None:
    """French Excel: ``12 101,5`` in a ``;`` file. With a separator in every cell, the reader does not see
    the decimal comma, and the parser has to."""
    values = [12101.5 + month if every_cell or month % 2 else month + 0.5 for month in range(12)]
    cells = [f"{value:,.1f}".replace(",", space).replace(".", ",") for value in values]
    series = load_series(_monthly(cells, "Date,Valeur", ";"), "francais.csv")
    assert series.frame["y"].tolist() == values


def test_a_refused_column_quotes_its_first_cell_that_is_not_a_number() -> None:
    cells = ["$10.5", "11.5", ".", "#DIV/0!", "12.5", "n.a.", "13", "oops", "14", "15", "16", "17"]
    with pytest.raises(DataError) as caught:
        load_series(_monthly(cells, "Date,Profit"), "profit.csv")
    message = str(caught.value)
    # 'n.a.' marks a missing value; a column of numbers with a word is said so, with the share and the fix (it was
    # said to hold text)
    assert message.startswith("Column 'Profit' is not numeric: 11% of its cells are not numbers ('oops'). Write "
                              "missing values as blank cells"), message
    assert caught.value.params["examples"] == "'oops'"


def test_words_a_till_writes_for_closed_days_are_missing_values_and_the_sales_stay_the_target() -> None:
    # 'closed' every Sunday (14% of the cells; more among the first rows) and 'n/a' four times: 'Sales' was not
    # numeric, and the 0/1 'Promo' beside it was taken for the target without a word.
    days = pd.date_range("2023-01-02", periods=140, freq="D")
    cells = ["closed" if day.day_of_week == 6 else "n/a" if k in (10, 40, 70, 100) else f"{500 + k}.5"
             for k, day in enumerate(days)]
    text = "Date,Sales,Promo\n" + "".join(f"{day:%Y-%m-%d},{cell},{k % 2}\n"
                                           for k, (day, cell) in enumerate(zip(days, cells)))
    series = load_series(text.encode(), "till.csv")
    assert series.target == "Sales" and series.frequency.alias == "C-MONSAT"  # the closed Sundays left out
    said = [notice for notice in series.report.notices if notice.key == "notice.marker_words"]
    assert len(said) == 1 and said[0].startswith("20 cells of 'Sales' hold words, not numbers ('closed')")
    assert series.frame["y"].isna().sum() == 0 and len(series.report.filled_targets) == 4  # the 'n/a' days
    assert parse_numbers(pd.Series(["oops", "1", "2", "oops", "3", "oops"] * 2)) is None  # half the cells: text
    states = ["Bad", "Comm Fail", "I/O Timeout", "No Data"]  # a historian's four: the column was refused
    cells = [states[(k // 14) % 4] if k % 14 == 3 else f"{5 + (k % 9) / 10:.3f}" for k in range(365)]
    assert parse_numbers(pd.Series(cells)).isna().sum() == 26


def test_a_stray_word_among_the_numbers_is_named_as_a_cell_to_correct() -> None:
    # 'error' and 'TBD' in a column of 80 numbers were filled as missing values with no word of them.
    cells = ["error" if month == 25 else "TBD" if month == 40 else "n/a" if month == 10 else f"{100 + month}.5"
             for month in range(80)]
    series = load_series(_monthly(cells), "gdp.csv")
    said = [notice for notice in series.report.notices if notice.key == "notice.unreadable_numbers"]
    assert len(said) == 1 and said[0].params["examples"] == "'error', 'TBD'" and said[0].params["cells"] == 2
    assert len(series.report.filled_targets) == 3  # 'n/a' is a missing value, filled unsaid
    words = ["unknown", "(blank)", "#WERT!", "不适用"]  # missing values as exports and Excel abroad write them
    cells = [words[month // 20] if month % 20 == 3 else f"{100 + month}.5" for month in range(80)]
    quiet = load_series(_monthly(cells), "quiet.csv")
    assert not [notice for notice in quiet.report.notices if notice.key == "notice.unreadable_numbers"]


def test_quoted_decimal_commas_read_points_as_thousands_separators() -> None:
    # A German Amazon Business Report, comma-separated: "445,72 €", and "1.191,25 €" read as missing
    cells = [f'"{"1.191,25" if month in (4, 9) else f"{400 + month},72"} €"' for month in range(30)]
    series = load_series(_monthly(cells), "Geschaeftsbericht.csv")
    assert series.frame["y"].iloc[[3, 4, 9]].tolist() == pytest.approx([403.72, 1191.25, 1191.25])
    assert not [notice for notice in series.report.notices if notice.key.startswith("notice.unreadable_numbers")]


def test_cells_that_read_with_a_decimal_comma_name_the_decimal_mark() -> None:
    # prices in whole euros with a few '12,50 €': read as missing, said to correct them, not to choose the comma
    cells = [f'"{12 + month % 5},50 €"' if month == 9 else f"{12 + month % 5} €" for month in range(40)]
    series = load_series(_monthly(cells), "prices.csv")
    said = [notice for notice in series.report.notices if notice.key.startswith("notice.unreadable_numbers")]
    assert [notice.key for notice in said] == ["notice.unreadable_numbers_comma"] and "--decimal comma" in said[0]
    for stray in ("error", '"12,5"'):  # a word is no decimal comma; nor a '12,5' among decimal points
        cells = [stray if month == 25 else f"{100 + month}.5" for month in range(40)]
        said = [notice.key for notice in load_series(_monthly(cells), "gdp.csv").report.notices]
        assert "notice.unreadable_numbers" in said and "notice.unreadable_numbers_comma" not in said


def test_a_column_of_numbers_with_two_words_says_how_many_and_the_fix() -> None:
    # Two 'oops' in 30 cells (7%): "holds text, not numbers ... needs a numeric column", with no count and no fix.
    cells = ["oops" if month in (2, 8) else str(month) for month in range(30)]
    with pytest.raises(DataError) as caught:
        load_series(_monthly(cells), "counts.csv")
    assert caught.value.key == "err.target_not_numeric" and caught.value.params["share"] == "7%"
    markers = ["n.a."] * 20 + [str(month) for month in range(9)] + ["oops"]  # the share is of the cells no marker
    with pytest.raises(DataError) as caught:
        load_series(_monthly(markers), "counts.csv")
    assert caught.value.params["share"] == "10%"
    commas = [f'"{month},5"' for month in range(28)] + ["oops", "oops"]  # quoted decimal commas: text, said so
    with pytest.raises(DataError, match="holds text, not numbers"):
        load_series(_monthly(commas), "counts.csv")


def test_a_column_of_markers_only_is_said_to_be_blank() -> None:
    with pytest.raises(DataError, match="Column 'VAL' is blank in every row"):
        load_series(_monthly(["."] * 12, "DATE,VAL"), "empty.csv")


def test_a_semicolon_file_with_no_break_space_thousands_everywhere_reads_its_decimal_commas() -> None:
    cells = [f"12\u00a0{100 + month},125" for month in range(1, 13)]  # three decimals: not thousands
    assert read_table(_monthly(cells, "date;valeur", sep=";"), "fr.csv").attrs["decimal_comma"]
    series = load_series(_monthly(cells, "date;valeur", sep=";"), "fr.csv")
    assert series.frame["y"].tolist() == pytest.approx([12100.125 + month for month in range(1, 13)])


@pytest.mark.parametrize("written", ["{:,.2f} €", "€ {:,.2f}", "{:,.2f}€", "{:,.2f} EUR", "EUR {:,.2f}"])
def test_european_amounts_with_a_currency_are_the_numbers_they_say(written: str) -> None:
    # "1.000,95 €" in a semicolon file: the decimal comma is found past the currency; the target was another column.
    amounts = [1000.95 + 8.94 * month for month in range(24)]
    european = [written.format(a).replace(",", "_").replace(".", ",").replace("_", ".") for a in amounts]
    rows = [f"{cell};12,5 %" for cell in european]
    series = load_series(_monthly(rows, "Woche,Umsatz (€);Rabatt", sep=";"), "euro.csv")
    assert series.target == "Umsatz (€)"
    assert series.frame["y"].round(2).tolist() == [round(a, 2) for a in amounts]


def test_amounts_with_the_full_width_yen_sign_of_chinese_excel_are_numbers() -> None:
    # GBK has no half-width ¥: Excel in China writes '￥100,690', refused as text.
    cells = [f'"￥{100_000 + 690 * month:,}"' for month in range(12)]
    series = load_series(_monthly(cells, "日期,金额").decode().encode("gbk"), "yen.csv")
    assert series.frame["y"].tolist() == [100_000 + 690 * month for month in range(12)]


def test_numbers_typed_in_full_width_digits_are_numbers() -> None:
    # Chinese and Japanese input methods type '１００，６９０' and '－３．５': the column was left out without a word.
    full = str.maketrans("0123456789,.-", "０１２３４５６７８９，．－")
    cells = [f'"{100_000 + 690 * month:,}"'.translate(full) + "," + f"{-3.5 + month:.1f}".translate(full)
             for month in range(12)]
    series = load_series(_monthly(cells, "日期,销量,温度"), "fw.csv", LoadOptions(regressors=("温度",)))
    assert series.frame["y"].tolist() == [100_000 + 690 * month for month in range(12)]
    assert series.frame["温度"].tolist() == [-3.5 + month for month in range(12)]


def test_codes_that_are_not_currencies_stay_text() -> None:
    with pytest.raises(DataError, match="'SKU 1'"):
        load_series(_monthly([f"SKU {i}" for i in range(1, 25)], "date,code"), "codes.csv")


def test_a_target_with_one_value_in_every_row_is_said() -> None:
    series = load_series(_monthly(["7"] * 24), "flat.csv")
    assert [notice.key for notice in series.report.notices] == ["notice.constant_target"]


def _semicolon_file(dates: list[str], cells: list[str]) -> bytes:
    return ("Monat;Stück\n" + "\n".join(f"{d};{c}" for d, c in zip(dates, cells))).encode()


def test_thousands_written_with_a_point_in_a_semicolon_file_are_thousands() -> None:
    dotted = [f"01.{m:02d}.{2020 + y}" for y in range(3) for m in range(1, 13)]
    values = [900 + 25 * i for i in range(36)]  # 975, then 1.000: a point is a thousands separator here
    written = [f"{v // 1000}.{v % 1000:03d}" if v >= 1000 else str(v) for v in values]
    iso = [f"{2020 + y}-{m:02d}-01" for y in range(3) for m in range(1, 13)]
    for dates in (dotted, iso):
        series = load_series(_semicolon_file(dates, written), "x.csv")
        assert series.frame["y"].tolist() == values
        assert [notice.key for notice in series.report.notices] == ["notice.point_thousands"]
    # a short file that writes its first thousand only after its first 50 lines
    daily = [f"2020-01-01 00:{m:02d}" for m in range(60)]
    growing = [850 + 3 * i for i in range(60)]
    cells = [f"{v // 1000}.{v % 1000:03d}" if v >= 1000 else str(v) for v in growing]
    assert load_series(_semicolon_file(daily, cells), "x.csv").frame["y"].tolist() == growing
    # every cell dotted: the day-first dotted dates say the file is European
    large = [12_000 + 137 * i for i in range(36)]
    cells = [f"{v // 1000}.{v % 1000:03d}" for v in large]
    assert load_series(_semicolon_file(dotted, cells), "x.csv").frame["y"].tolist() == large


def test_three_decimals_with_a_point_stay_decimals_without_sign_of_thousands() -> None:
    iso = [f"{2020 + y}-{m:02d}-01" for y in range(3) for m in range(1, 13)]
    cells = [f"{1 + i / 8:.3f}" for i in range(36)]  # 1.000, 1.125, ... in a file of ISO dates
    assert load_series(_semicolon_file(iso, cells), "x.csv").frame["y"].tolist() == [1 + i / 8 for i in range(36)]


def test_a_point_thousands_guess_from_the_first_and_last_lines_is_dropped_when_a_middle_line_says_decimals() -> None:
    dotted = [f"{d.day:02d}.{d.month:02d}.{d.year}" for d in pd.date_range("2020-01-01", periods=200, freq="D")]
    values = [10.111 + 0.017 * i for i in range(200)]  # three decimals, never a trailing zero: 10.111, 10.128, ...
    cells = [f"{v:.3f}" if not 80 <= i < 120 else f"{v:.1f}" for i, v in enumerate(values)]  # the middle rounded
    series = load_series(_semicolon_file(dotted, cells), "x.csv")
    assert series.frame["y"].tolist() == pytest.approx([float(cell) for cell in cells])
    assert "notice.point_thousands" not in [notice.key for notice in series.report.notices]


def test_numbers_stored_as_text_with_thousands_commas_beside_plain_numbers_are_read() -> None:
    # a workbook column of numbers where a few cells hold text ('5,000.00'), as pasted from a report
    cells = pd.Series([5250.0, "5,000.00", 4875.5, "12,345.5", "-1,000", 300], dtype=object)
    assert parse_numbers(cells).tolist() == [5250.0, 5000.0, 4875.5, 12345.5, -1000.0, 300.0]
    assert parse_numbers(pd.Series(["1,5", "2,25", "3,5"])).tolist() == [1.5, 2.25, 3.5]  # decimal commas still


@pytest.mark.parametrize("sign", ["-", ""])
def test_a_trailing_minus_as_sap_writes_it_is_a_negative_number(sign: str) -> None:
    rows = "".join(f"01.{m:02d}.2021;{100 + m},50{sign if m % 2 else ''}\n" for m in range(1, 13))
    series = load_series(("Buchungsdatum;Betrag in EUR\n" + rows).encode(), "x.csv")
    expected = [-(100 + m + 0.5) if m % 2 and sign else 100 + m + 0.5 for m in range(1, 13)]
    assert series.frame["y"].tolist() == expected
    assert parse_numbers(pd.Series(["1,234.50-", "7-", "12"])).tolist() == [-1234.5, -7.0, 12.0]
    assert parse_numbers(pd.Series(["2021-01", "2021-02", "2021-03"])) is None  # dates are no negatives


@pytest.mark.parametrize(("cells", "sep", "expected"), [
    (["2'571.01", "2'577.47"], ";", [2571.01, 2577.47]),  # Swiss apostrophes
    (["2’571.01", "2’577.47"], ";", [2571.01, 2577.47]),
    (["R$ 2.571,01", "R$ 2.577,47"], ";", [2571.01, 2577.47]),  # Brazilian reais
    (['"₹2,57,100.64"', '"₹12,57,746.97"'], ",", [257100.64, 1257746.97]),  # Indian lakh grouping
    (["1 234,50 zł", "1 301,00 zł"], ";", [1234.5, 1301.0]),  # Polish złoty
    (["12 450 kr", "13 100 kr"], ";", [12450.0, 13100.0])])
def test_more_ways_of_writing_money_are_read_as_numbers(cells: list[str], sep: str, expected: list[float]) -> None:
    # Each was refused: "Column ... holds text, not numbers ... needs a numeric column".
    series = load_series(_monthly(cells * 6, header=f"date{sep}value", sep=sep), "money.csv")
    assert series.frame["y"].iloc[:2].tolist() == pytest.approx(expected)


def test_values_past_a_floats_digits_that_read_alike_are_said() -> None:
    # 24 distinct values 10**20 + i read as one, and only "holds the same value in every row" was said.
    series = load_series(_monthly([str(10**20 + i) for i in range(24)]), "big.csv")
    assert any("more than 15 significant digits (as '100000000000000000000')" in notice
               for notice in series.report.notices)
    plain = load_series(_monthly([str(12345678901 + i) for i in range(24)]), "ids.csv")  # 11 digits: exact
    assert not any("significant digits" in notice for notice in plain.report.notices)
    assert plain.frame["y"].nunique() == 24


def test_whole_numbers_past_a_floats_digits_are_said_and_a_long_time_stamp_is_not() -> None:
    frame = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=24, freq="MS"),
                          "value": [10**17 + i for i in range(24)]})
    typed = load_series(frame.to_parquet(), "big.parquet")  # int64, read as floats: 24 values become 2
    assert any("more than 15 significant digits" in notice for notice in typed.report.notices)
    nullable = frame.assign(value=pd.array([None, *frame["value"][1:]], dtype="Int64"))  # a blank: NA in the mask
    assert any("more than 15 significant digits" in notice
               for notice in load_series(nullable.to_parquet(), "blank.parquet").report.notices)
    cells = [str(100 + i) for i in range(24)]
    cells[3] = "2020-02-03 10:15:30.123"  # a pasted time stamp: unreadable, not a long number
    stamped = load_series(_monthly(cells), "stamp.csv")
    assert not any("significant digits" in notice for notice in stamped.report.notices)


def test_text_numbers_with_decimal_commas_in_a_workbook_are_read() -> None:
    # German text numbers in an .xlsx (no file-wide decimal mark to go by): refused as text ('1.008,89').
    from io import BytesIO

    from openpyxl import Workbook

    values = [958.89 + 10 * i for i in range(30)]
    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Umsatz"])
    for i, value in enumerate(values):
        sheet.append([f"01.{i % 12 + 1:02d}.{2020 + i // 12}", f"{value:,.2f}".replace(",", " ").replace(".", ",")
                      .replace(" ", ".")])
    data = BytesIO()
    book.save(data)
    series = load_series(data.getvalue(), "umsatz.xlsx")
    assert series.frame["y"].tolist() == pytest.approx(values)


@pytest.mark.parametrize(("cells", "expected"), [
    (["1.008,89", "998,89", "1.200"], [1008.89, 998.89, 1200.0]),
    (["12,5", "7", "-3,25"], [12.5, 7.0, -3.25]),
    (["1,234", "12,500", "998"], [1234.0, 12500.0, 998.0]),  # a decimal point's thousands: as before
    (["10,5"] * 19 + ["29.5"], [10.5] * 19 + [29.5]),  # one written with a point is no thousands (it read 295)
])
def test_a_text_column_tells_decimal_commas_from_thousands_commas(cells: list[str], expected: list[float]) -> None:
    assert parse_numbers(pd.Series(cells * 4)).tolist() == expected * 4


def _european(value: float) -> str:
    """``value`` as German software writes it: ``10.157,50``."""
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


_AMOUNTS = [round(1000 + i * 12.5 + (i % 12) * 3.25, 2) for i in range(24)]
_MONTHS = [f"{2021 + i // 12}-{i % 12 + 1:02d}-01" for i in range(24)]


@pytest.mark.parametrize(("text", "date_col", "target", "scale"), [
    # R's write.table(x, dec = ","): quoted names, row names without a header cell, decimal commas
    ('"date" "value"\n' + "".join(f'"{i + 1}" "{day}" {str(v).replace(".", ",")}\n'
                                   for i, (day, v) in enumerate(zip(_MONTHS, _AMOUNTS))), "date", "value", 1),
    # an ERP's fixed-width listing: dotted dates, thousands points and decimal commas aligned by spaces
    ("Datum       Wert\n" + "".join(f"{day[8:]}.{day[5:7]}.{day[:4]}  {_european(v * 10):>12}\n"
                                    for day, v in zip(_MONTHS, _AMOUNTS)), "Datum", "Wert", 10),
    # notes with commas above such a listing (they had the decimal commas counted as a comma-separated file's)
    ("Report: sales, monthly\nUnits: EUR, thousands\n\nDATE          VALUE\n"
     + "".join(f"{day}    {str(v).replace('.', ',')}\n" for day, v in zip(_MONTHS, _AMOUNTS)), "DATE", "VALUE", 1),
])
def test_decimal_commas_in_columns_separated_by_spaces_are_decimal_marks(text: str, date_col: str, target: str,
                                                                         scale: int) -> None:
    # The file was read as one column split at its decimal commas: 'date "value"' held the digits after them.
    series = load_series(text.encode(), "listing.txt")
    assert (series.date_col, series.target, series.frequency.name) == (date_col, target, "monthly")
    assert series.frame["y"].tolist() == pytest.approx([v * scale for v in _AMOUNTS])


def test_a_comma_separated_file_with_spaces_in_its_cells_stays_comma_separated() -> None:
    # Its rows split on spaces alike, and every comma sits between digits (1,1 234): its header's comma says what
    # the commas are.
    text = "Item no,Amount\n" + "".join(f"{i},{i} {100 + i}\n" for i in range(1, 25))
    table = read_table(text.encode(), "items.csv")
    assert list(table.columns) == ["Item no", "Amount"] and table.attrs["delimiter"] == ","
    assert table["Amount"].iloc[0] == "1 101"


@pytest.mark.parametrize("odd", ["?", "TBD", "--", "1,25O"])
def test_one_odd_cell_among_thousands_commas_leaves_the_thousands_read_as_thousands(odd: str) -> None:
    # 24 months of "1,210" with one '?' were read as 1.21: the odd cell kept the commas in every cell, and the
    # decimal-comma fallback took them for decimal marks.
    cells = [f'"{odd}"' if month == 5 else f'"{1200 + 10 * month:,}"' for month in range(24)]
    series = load_series(_monthly(cells, "Month,Sales"), "sales.csv")
    values = series.frame["y"].to_numpy()
    assert values[0] == 1200 and values[-1] == 1430 and values[5] == pytest.approx(1250)  # filled on the line
    decimals = parse_numbers(pd.Series(["?", *[f"{k},5" for k in range(23)]]), False)  # decimal commas stay so
    assert decimals is not None and decimals.iloc[1:4].tolist() == [0.5, 1.5, 2.5]


def test_excel_s_accounting_zero_is_zero() -> None:
    # Excel's accounting format writes 0 as "$ -": the column was refused as text, quoting '$1,200.00'.
    cells = ['"$1,200.00"', '"$ -"', '"$1,350.00"', '"$(300.00)"', '" - € "', *[f'"${1400 + 50 * i:,}.00"'
                                                                             for i in range(7)]]
    series = load_series(_monthly(cells, "Month,Sales"), "ledger.csv")
    assert series.frame["y"].iloc[:5].tolist() == [1200.0, 0.0, 1350.0, -300.0, 0.0]
    assert series.report.missing_filled == 0


def test_numbers_with_a_spreadsheets_text_prefix_are_the_numbers() -> None:
    # Exports that guard against formulas write '27 and '-5: the column was refused as text, quoting ''27'.
    cells = ["'27", "'32", "'-5", '"\'1,250"', "'(40)", "'0.5", "'34", "'22"]
    assert load_series(_monthly(cells, "Month,Count"), "x.csv").frame["y"].tolist() == [
        27.0, 32.0, -5.0, 1250.0, -40.0, 0.5, 34.0, 22.0]


@pytest.mark.parametrize("sep", ["\t", "|"])
def test_thousands_commas_in_a_file_separated_by_tabs_or_bars_are_thousands(sep: str) -> None:
    # Visitors from 975 to 1,400 were read as 975, 990, 1.025, 1.1: the commas taken for decimal commas.
    cells = ["975", "990", "1,025", "1,100", "1,180", "1,250", "1,310", "1,400"]
    assert load_series(_monthly(cells, sep=sep), "visits.txt").frame["y"].tolist() == [
        975.0, 990.0, 1025.0, 1100.0, 1180.0, 1250.0, 1310.0, 1400.0]
    decimals = ["1,025", "1,5", "2,25", "975", "3,5", "1,1", "1,3", "1,4"]  # decimal commas stay decimal commas
    assert load_series(_monthly(decimals, sep=sep), "eu.txt").frame["y"].iloc[:3].tolist() == [1.025, 1.5, 2.25]


@pytest.mark.parametrize("unit", ["kg", "MW", "°C", "m/s", "kWh", "lbs.", "pounds", "#"])
def test_numbers_written_with_one_unit_after_each_are_the_numbers_and_the_unit_is_said(unit: str) -> None:
    # '12.7 kg' was refused: "Column 'weight' holds text, not numbers"; a food bank's '15,955 lbs.', '14,484 pounds'
    # and '9,353#' too
    cells = [f"{10 + 0.5 * row:.1f}{'' if unit == '#' else ' '}{unit}" for row in range(24)]
    unit = unit.rstrip(".")
    cells[5] = ""  # a blank cell stays blank (filled)
    series = load_series(_monthly(cells, "date,weight"), "w.csv")
    assert series.target == "weight" and series.frame["y"].iloc[[0, 1, 23]].tolist() == [10.0, 10.5, 21.5]
    assert series.frame["y"].iloc[5] == pytest.approx(12.5)
    assert any(f"writes the unit '{unit}' after each number" in str(notice) for notice in series.report.notices)


def test_cells_that_are_not_a_number_and_one_unit_stay_text() -> None:
    assert parse_numbers(pd.Series([f"{day} Jan" for day in range(1, 25)])) is None  # days of a month: dates
    assert parse_numbers(pd.Series([f"{hour} AM" for hour in range(1, 12)])) is None  # times of day
    two = parse_numbers(pd.Series([f"{k} kg" if k % 2 else f"{k} lb" for k in range(1, 25)]))  # two units of a kind:
    assert two is not None and two.iloc[1] == pytest.approx(2 * 0.45359237)  # converted to the first's
    flagged = load_series(_monthly([f"{100 + row} p" for row in range(24)]), "f.csv")  # a statistics office's flag
    assert not any("writes the unit" in str(notice) for notice in flagged.report.notices)
    money = load_series(_monthly([f"EUR {100 + row}" for row in range(24)]), "m.csv")  # money, as before
    assert money.frame["y"].iloc[0] == 100.0 and not any("unit" in str(notice) for notice in money.report.notices)
    assert parse_numbers(pd.Series([f"{1.2 + row}k" for row in range(24)])) is None  # thousands, not a unit


@pytest.mark.parametrize(("header", "cell"), [("年份,数据", "{}年"), ("Zeit,Temperatur", "{} Uhr"),
                                              ("time,reading", "{} min"), ("Periode,Wert", "{} Tage")])
def test_a_time_column_written_with_a_time_word_is_no_measure(header: str, cell: str) -> None:
    # '2000年' and '6 Uhr' were read as numbers with a unit, and the clock was forecast instead of the values.
    text = header + "\n" + "".join(f"{cell.format(2000 + row)},{3 * row + 1}\n" for row in range(24))
    series = load_series(text.encode(), "x.csv")
    assert series.target == header.split(",")[1] and series.frame["y"].iloc[1] == 4.0


def test_unit_numbers_keep_the_checks_of_plain_ones() -> None:
    with pytest.raises(DataError, match="infinite"):  # 400 digits: beyond float's range
        load_series(_monthly([f"{'9' * 400 if row == 2 else 10 + row} kg" for row in range(24)]), "x.csv")
    with pytest.raises(DataError, match="beyond"):
        load_series(_monthly([f"{'9' * 200} kg" for _ in range(24)]), "x.csv")
    cells = [f"\u2212{row + 1} °C" if row % 2 else f"{row + 1} °c" for row in range(24)]  # a Unicode minus, any case
    cells[3] = "-"  # a missing-value marker
    series = load_series(_monthly(cells), "x.csv")
    assert series.frame["y"].iloc[[0, 1, 2]].tolist() == [1.0, -2.0, 3.0] and series.report.missing_filled == 1


def _gsheets_german() -> bytes:
    """A German Google Sheets export: comma-separated, dates day first with points, weights with three decimals
    quoted (``"2,500"``: 2.5 kg, or 2500 read as thousands)."""
    weights = [f"{2.5 + 0.01 * k:.3f}".replace(".", ",") for k in range(36)]
    rows = [f'{stamp:%d.%m.%Y},"{weight}"' for stamp, weight in
            zip(pd.date_range("2015-01-01", periods=36, freq="MS"), weights)]
    return ("Datum,Gewicht (kg)\n" + "\n".join(rows) + "\n").encode()


def test_commas_that_may_be_decimal_are_said_and_the_decimal_mark_named_reads_them_so() -> None:
    # '2,500' ... '2,850' were read as 2500 ... 2850 without a word (2,50 with two decimals reads as 2.5).
    text = _gsheets_german()
    assert b'"2,500"' in text
    guessed = load_series(text, "gewicht.csv")
    assert guessed.frame["y"].iloc[0] == 2500.0
    said = [str(n) for n in guessed.report.notices if n.key == "notice.comma_thousands"]
    assert said == ["Commas in 'Gewicht (kg)' were read as thousands separators ('2,500' is 2,500). If they are "
                    "decimal commas, choose comma as the Decimal mark under Reading options (--decimal comma)."]
    named = load_series(text, "gewicht.csv", LoadOptions(decimal="comma"))
    assert named.frame["y"].tolist() == pytest.approx([2.5 + 0.01 * k for k in range(36)])
    assert not [n for n in named.report.notices if "thousands" in n.key]


def test_a_semicolon_files_points_read_as_decimal_points_when_the_user_says_so() -> None:
    # 1.600 ... 1.659 euro a litre: read as 1600 ... 1659 (thousands, as semicolon files write them) with a note
    # whose only fix was to save the file with other separators.
    rows = [f"{stamp:%d.%m.%Y};{1.6 + 0.001 * k:.3f}" for k, stamp in
            enumerate(pd.date_range("2015-01-01", periods=60, freq="MS"))]
    text = ("Datum;Preis\n" + "\n".join(rows) + "\n").encode()
    guessed = load_series(text, "fuel.csv")
    assert guessed.frame["y"].iloc[-1] == 1659.0
    assert "choose point as the Decimal mark" in str(next(n for n in guessed.report.notices
                                                           if n.key == "notice.point_thousands"))
    named = load_series(text, "fuel.csv", LoadOptions(decimal="point"))
    assert named.frame["y"].tolist() == pytest.approx([1.6 + 0.001 * k for k in range(60)])
    assert named.frequency.name == "monthly" and not [n for n in named.report.notices if "thousands" in n.key]
    with pytest.raises(DataError, match="Unknown decimal mark 'dot'"):
        load_series(text, "fuel.csv", LoadOptions(decimal="dot"))


def test_comma_named_for_a_file_of_decimal_points_is_refused_naming_the_column() -> None:
    text = _monthly([f"{1 + i / 10:g}" for i in range(24)], "date;price", ";")  # 1, 1.1, 1.2, ...
    with pytest.raises(DataError, match=r"'price' writes decimal points \('1\.1'\).*--decimal point") as refused:
        load_series(text, "fuel.csv", LoadOptions(decimal="comma"))
    assert refused.value.key == "err.named_comma_points"
    assert load_series(text, "fuel.csv", LoadOptions(decimal="point")).frame["y"].iloc[1] == pytest.approx(1.1)
    grouped = _monthly(["1.600"] * 12 + ["1.600,5"] * 12, "date;price", ";")  # points that group thousands
    assert load_series(grouped, "fuel.csv", LoadOptions(decimal="comma")).frame["y"].iloc[-1] == 1600.5


def test_a_decimal_point_among_decimal_commas_is_unreadable_not_ten_times_the_value() -> None:
    cells = [f"{10 + i},5" for i in range(24)]
    cells[5] = "15.5"  # a typo: was read as 155
    series = load_series(_monthly(cells, "date;value", ";"), "kg.csv")
    assert series.frame["y"].iloc[5] == pytest.approx(15.5)  # filled between 14.5 and 16.5
    assert series.report.missing_filled == 1
    assert any(notice.key == "notice.unreadable_numbers" and "15.5" in notice
               for notice in series.report.notices)
    for cell, read in (("1.234.567,8", 1234567.8), ("1.000-", -1000), ("12.3456", None), (".5", None), ("1,2.3", None)):
        first = parse_numbers(pd.Series([cell, *(f"{i},25" for i in range(30))]), True).iloc[0]
        assert first == read if read is not None else np.isnan(first), cell


@pytest.mark.parametrize(("header", "cell"), [("datum", "2020.01.{day:02d}"), ("datum", "2020.01.{day:02d}."),
                                              ("version", "1.1.3"), ("time", "12.30"), ("latitude", "48.8501")])
def test_comma_named_for_a_file_of_decimal_commas_reads_it_whatever_its_other_columns_write(header: str,
                                                                                            cell: str) -> None:
    rows = "".join(f"{cell.format(day=day)};2020-01-{day:02d};{day},5\n" for day in range(1, 21))
    text = f"{header};date;value\n{rows}".encode()
    series = load_series(text, "hu.csv", LoadOptions(decimal="comma", date_col="date", target="value"))
    assert series.frame["y"].iloc[:3].tolist() == [1.5, 2.5, 3.5]  # refused: "'datum' writes decimal points"


def test_hungarian_dates_with_decimal_commas_stay_dates() -> None:
    text = "datum;ertek\n" + "".join(f"2020.01.{day:02d}.;{day},5\n" for day in range(1, 21))
    series = load_series(text.encode(), "hu.csv")
    assert series.date_col == "datum" and series.frame["y"].iloc[0] == 1.5  # rows were numbered as steps


def test_day_first_dotted_dates_beside_decimal_commas_are_no_numbers() -> None:
    # 'Period' 31.03.2024 was offered as a regressor, read as 31032024.
    rows = "".join(f"31.03.2024;{day:02d}.01.2024;{100 + day},5\n" for day in range(1, 21))
    series = load_series(f"Period;Ref;Sales\n{rows}".encode(), "report.csv",
                         LoadOptions(date_col="Ref", target="Sales"))
    assert series.numeric_columns == ["Sales"] and series.frame["y"].iloc[0] == 101.5


def test_units_of_one_kind_mixed_in_a_column_are_read_in_the_most_common() -> None:
    # Grafana's formatted export writes '980 MB' then '1.03 GB', '490 ms' then '1.13 s' as values grow: refused as
    # text, the message blaming '490 ms' and offering to count the rows.
    times = pd.date_range("2024-03-01", periods=120, freq="10min")
    cells = [f"{1.1 + k % 3 * 0.01:.2f} s" if k % 10 == 0 else f"{480 + k % 40} ms" for k in range(120)]
    text = '"Time","p99 latency"\n' + "".join(f'"{t:%Y-%m-%d %H:%M:%S}","{c}"\n' for t, c in zip(times, cells))
    series = load_series(text.encode(), "grafana.csv")
    assert series.frame["y"].iloc[0] == pytest.approx(1100.0) and series.frame["y"].iloc[1] == 481
    assert [notice.key for notice in series.report.notices] == ["notice.unit_numbers_mixed"]
    memory = '"Time","used"\n' + "".join(f'"{t:%Y-%m-%d %H:%M:%S}","{"1.03 GB" if k % 4 == 0 else f"{900 + k} MB"}"\n'
                                         for k, t in enumerate(times))
    assert load_series(memory.encode(), "memory.csv").frame["y"].iloc[0] == pytest.approx(1030.0)
    kinds = '"Time","x"\n' + "".join(f'"{t:%Y-%m-%d %H:%M:%S}","{f"{k} kg" if k % 2 else f"{k} MB"}"\n'
                                     for k, t in enumerate(times))
    with pytest.raises(DataError):  # units of different kinds: no conversion
        load_series(kinds.encode(), "kinds.csv")


def test_tab_separated_comma_thousands_beside_decimal_points_are_thousands() -> None:
    # Redfin's data center: '4,135' homes sold beside '1.2' months of supply and a region 'Boston, MA metro area';
    # the homes were read as 4.135, with no word, and '1.2' made a column of text.
    months = pd.date_range("2018-01-01", periods=40, freq="MS")
    text = "period_begin\tregion\thomes_sold\tmonths_of_supply\tmedian_sale_price\n" + "".join(
        f"{month:%Y-%m-%d}\tBoston, MA metro area\t4,{100 + k}\t1.{k % 10}\t${500 + k}K\n"
        for k, month in enumerate(months))
    series = load_series(text.encode(), "redfin_metro_data.tsv", LoadOptions(target="homes_sold"))
    assert series.frame["y"].iloc[0] == 4100 and "months_of_supply" in series.numeric_columns
    priced = load_series(text.encode(), "redfin_metro_data.tsv", LoadOptions(target="median_sale_price"))
    assert priced.frame["y"].iloc[0] == 500_000  # a currency sign before a magnitude letter: '$500K'


def test_from_the_review_of_65cf492_decimal_commas_beside_a_few_dotted_cells_stay_decimal() -> None:
    days = pd.date_range("2024-01-01", periods=90, freq="D")
    weighbridge = "Datum;Uhrzeit;Brutto (t);Netto (t)\n" + "".join(
        f"{day:%d.%m.%Y};{7 + k % 9:02d}.{15 * (k % 4):02d};22,{100 + k};13,{500 + k}\n" for k, day in enumerate(days))
    assert load_series(weighbridge.encode(), "waage.csv", LoadOptions(target="Brutto (t)")).frame["y"].iloc[0] == 22.1
    meter = "Datum\tVerbrauch (MWh)\tFirmware\n" + "".join(
        f"{day:%Y-%m-%d}\t1,{900 + k}\t{'2.1' if k == 80 else ''}\n" for k, day in enumerate(days))
    assert load_series(meter.encode(), "zaehler.tsv").frame["y"].iloc[0] == 1.9  # one firmware cell decides nothing
    cash = "Month,Net Cash Flow\n" + "".join(
        f"{month:%Y-%m},{'-' if k % 5 == 0 else ''}${1 + k % 4}.25M\n"
        for k, month in enumerate(pd.date_range("2021-01-01", periods=36, freq="MS")))
    assert load_series(cash.encode(), "cashflow.csv").frame["y"].iloc[0] == -1_250_000  # '-$1.25M'


def test_from_the_review_of_65cf492_times_across_a_wide_header_keep_it_a_header() -> None:
    text = "2024-03-01," + ",".join(f"{hour:02d}:00" for hour in range(24)) + "\n" + "".join(
        f"Meter {m}," + ",".join(f"{1 + m / 10 + hour / 100:.2f}" for hour in range(24)) + "\n" for m in range(12))
    assert read_table(text.encode(), "wide.csv").columns[1] == "00:00"


def test_quantities_in_cubic_metres_tonnes_and_hours_past_the_clock_are_read() -> None:
    # a site diary's '56 m3', '6.7 t' and '9.2 h' were refused as text; a plan's '415 hrs' too
    days = pd.date_range("2023-03-01", periods=60, freq="D")
    text = "Date,Concrete poured,Rebar fixed,Crane hours,Work\n" + "".join(
        f"{day:%Y-%m-%d},{40 + k % 9} m3,{k % 5 + 0.5} t,{k % 7 + 0.2} h,{300 + k} hrs\n"
        for k, day in enumerate(days))
    for target, unit, first in [("Concrete poured", "m3", 40), ("Rebar fixed", "t", 0.5), ("Crane hours", "h", 0.2),
                                ("Work", "hrs", 300)]:
        series = load_series(text.encode(), "diary.csv", LoadOptions(target=target))
        assert series.frame["y"].iloc[0] == first and f"(in {unit})" in str(series.report.notices[0])
    clock = "Zeit,Temperatur\n" + "".join(f"{k % 24} h,{k}\n" for k in range(48))  # a clock's hours: no measure
    assert load_series(clock.encode(), "x.csv").target == "Temperatur"


@pytest.mark.parametrize("cells", [["NZD 1,028.42", "NZD 2,240.64"], ["ZAR 1,251.94", "ZAR 20.00"],
                                   ["Rs. 1,827.40", "Rs 2,000.10"], ["kr 1,486.37", "kr 2,000.00"]])
def test_amounts_after_more_currency_codes_and_signs_are_read(cells: list[str]) -> None:
    # a New Zealand clinic's 'NZD 1,028.42' was refused as text
    assert parse_numbers(pd.Series(cells * 10)).iloc[:2].tolist() == [
        float(cell.split(" ", 1)[1].replace(",", "")) for cell in cells]
    assert parse_numbers(pd.Series(["SKU 123", "SKU 456"] * 10)) is None  # other codes stay text


def test_a_target_of_durations_is_refused_with_the_way_to_write_them() -> None:
    # a car park's average stay '0:31:00' got the advice for missing values ("write missing values as blank cells");
    # its '1h 48m' is read as hours
    cells = [f"0:{30 + k:02d}:00" for k in range(24)]
    with pytest.raises(DataError) as caught:
        load_series(_monthly(cells, "Date,Avg Stay"), "stays.csv", LoadOptions(target="Avg Stay"))
    assert caught.value.key == "err.target_durations" and "as seconds or minutes" in str(caught.value)
    stays = [f"{(30 + k) // 60 + 1}h {(30 + k) % 60}m" for k in range(24)]
    read = load_series(_monthly(stays, "Date,Avg Stay"), "stays.csv", LoadOptions(target="Avg Stay"))
    assert read.frame["y"].iloc[0] == 1.5


def test_a_repeated_missing_code_far_below_the_readings_is_missing_beside_negatives_and_a_peak() -> None:
    # a PM2.5 monitor's -999 beside its small negative readings and a smoke peak of 310: 117 rows of -999 were fitted
    # and forecast with no word; an ozone monitor's -888 calibration hours beside its -999 the same
    hours = pd.date_range("2023-06-01", periods=24 * 30, freq="h")
    values = [(-3 + k % 17) if k % 40 else -999 for k in range(len(hours))]
    values[300] = 310
    values[301] = -888
    values[450] = -888
    text = "Date Time,PM2.5 (ug/m3)\n" + "".join(f"{t:%m/%d/%Y %H:%M},{v}\n" for t, v in zip(hours, values))
    series = load_series(text.encode(), "bam.csv")
    assert series.frame["y"].min() >= -3 and series.frame["y"].max() == 310
    notice = next(n for n in series.report.notices if n.key == "notice.missing_codes")
    assert "-999" in str(notice) and "-888" in str(notice)
    refund = "Date,Sales\n" + "".join(f"2023-01-{d:02d},{-999 if d == 9 else 150 + d * 40}\n" for d in range(1, 29))
    assert load_series(refund.encode(), "sales.csv").frame["y"].min() == -999  # written once: a value


def test_traces_written_tr_or_trace_are_zero_and_m_is_missing_in_a_rain_column() -> None:
    # a station log's 'Tr' and 'trace' were read as missing and interpolated (rain invented on trace days); NOAA's
    # 'M' on a month of a gauge out (8% of the cells) refused the column, 'T' named among its words
    days = pd.date_range("2023-01-01", periods=200, freq="D")
    for trace in ("Tr", "trace", "T"):
        cells = ["M" if 60 <= k < 76 else trace if k % 9 == 0 else f"{(k * 7) % 5}.2" for k in range(len(days))]
        text = "Date,Precipitation,Max Temperature\n" + "".join(
            f"{day:%Y-%m-%d},{cell},{20 + k % 6}\n" for k, (day, cell) in enumerate(zip(days, cells)))
        series = load_series(text.encode(), "nowdata.csv", LoadOptions(target="Precipitation"))
        said = next(n for n in series.report.notices if n.key == "notice.trace_as_zero")
        assert f"'{trace}'" in str(said) and said.params["cells"] == sum(cell == trace for cell in cells)
        trace_days = [k for k, cell in enumerate(cells) if cell == trace]
        assert (series.frame["y"].iloc[trace_days] == 0).all()
        assert any(n.key == "notice.missing_filled" for n in series.report.notices)


def test_hours_and_minutes_of_an_hours_column_and_days_of_time_off_are_numbers() -> None:
    # a timecard's 'Overtime Hours' 64:28 was refused as durations and the head count forecast without a word;
    # Deputy's '138h 55m' the same; a time-off export's '1 day' beside '0.5 days' was text
    weeks = pd.date_range("2022-01-08", periods=80, freq="7D")
    minutes = [3600 + (k * 97) % 900 for k in range(len(weeks))]
    timecard = "Week Ending,Employees,Overtime Hours,Worked\n" + "".join(
        f"{w:%m/%d/%Y},{48 + k % 3},{m // 60}:{m % 60:02d},{m // 30}h {m % 30}m\n"
        for k, (w, m) in enumerate(zip(weeks, minutes)))
    series = load_series(timecard.encode(), "timecard.csv", LoadOptions(target="Overtime Hours"))
    assert np.allclose(series.frame["y"], [m / 60 for m in minutes])
    said = [n for n in series.report.notices if n.key == "notice.hours_minutes"]
    assert {n.params["column"] for n in said} == {"Overtime Hours", "Worked"}
    worked = load_series(timecard.encode(), "timecard.csv", LoadOptions(target="Worked"))
    assert np.allclose(worked.frame["y"], [m // 30 + (m % 30) / 60 for m in minutes])
    clock = "Date,Start Time,Hours\n" + "".join(f"2024-01-{d:02d},08:{d:02d},{7 + d % 3}\n" for d in range(1, 29))
    assert load_series(clock.encode(), "clock.csv").target == "Hours"  # a clock's times are no hours
    off = parse_numbers(pd.Series(["1 day", "0.5 days", "5 days", "2 days"] * 5))
    assert off is not None and off.tolist()[:4] == [1.0, 0.5, 5.0, 2.0]


def test_sap_quantities_with_a_minus_after_them_group_thousands_with_a_point_and_are_no_series_ids() -> None:
    # MB51's 'Qty in UnE' written '1.850-' beside dd.mm.yyyy dates: read as -1.85 (850- as -850) and taken for the
    # series id, the movement type forecast
    rng = np.random.default_rng(1)
    rows = ["Material\tMvT\tPstng Date\tQty in UnE\tEUn"]
    for day in pd.bdate_range("2023-01-02", periods=200):
        for _ in range(int(rng.integers(1, 4))):
            quantity = int(rng.integers(1, 40)) * 50
            rows.append(f"100-100\t261\t{day:%d.%m.%Y}\t{quantity:,}-\tEA".replace(",", "."))
    series = load_series(("\n".join(rows) + "\n").encode("cp1252"), "mb51.txt",
                         LoadOptions(per="week", duplicates="sum"))
    assert series.target == "Qty in UnE" and series.frame["y"].max() < -1000


def test_weights_in_kg_and_lb_and_distances_in_mi_and_km_are_read_in_the_commoner_unit() -> None:
    # a 3PL's two warehouses ('43.5 lb', '3.5 kg': refused as 100% not numbers) and a running log's races in km
    weights = parse_numbers(pd.Series(["10.0 kg", "22.0 lb", "5.0 kg", "2.0 kg"]))
    assert weights is not None and list(weights.round(3)) == [10.0, 9.979, 5.0, 2.0]
    distances = parse_numbers(pd.Series(["4.8 mi", "6.2 mi", "10 km", "5.0 mi"]))
    assert distances is not None and distances.iloc[2] == pytest.approx(6.2137, abs=1e-3)


def test_grafanas_mil_a_spike_in_minutes_and_a_magnitude_before_a_rate_are_read() -> None:
    # Grafana's 'short' unit writes '1.05 Mil' past '980.00 K'; its 'ms' unit a timeout's '1.02 min' among 'ms' and
    # 's'; its 'reqps' '1.20 K req/s' beside '980 req/s': each column was refused as text, naming a cell it reads
    times = pd.date_range("2024-06-01", periods=96, freq="h")

    def grafana(cells: list[str]) -> bytes:
        return ('"Time","Value"\n' + "".join(f'"{t:%Y-%m-%d %H:%M:%S}","{c}"\n' for t, c in zip(times, cells))).encode()

    short = load_series(grafana([f"{0.9 + k % 5 * 0.05:.2f} Mil" if k % 3 == 0 else f"{700 + k}.00 K"
                                 for k in range(96)]), "short.csv").frame["y"]
    assert short.iloc[0] == pytest.approx(900_000) and short.iloc[1] == pytest.approx(701_000)
    latency = load_series(grafana(["1.02 min" if k == 50 else "1.30 s" if k % 7 == 0 else f"{400 + k} ms"
                                   for k in range(96)]), "ms.csv").frame["y"]
    assert latency.iloc[50] == pytest.approx(61_200) and latency.iloc[7] == pytest.approx(1300) \
        and latency.iloc[1] == 401
    rate = load_series(grafana([f"{1 + k % 4 / 10:.2f} K req/s" if k % 2 else f"{900 + k} req/s" for k in range(96)]),
                       "rps.csv").frame["y"]
    assert rate.iloc[1] == pytest.approx(1100) and rate.iloc[2] == 902


def test_grafanas_thousands_after_plain_hundreds_are_read_and_a_flats_letter_is_not() -> None:
    # Grafana's 'short' unit writes '987', then '1.02 K' from a thousand on: under half the cells, so the column was
    # text, passed over for 'CPU' without a word
    times = pd.date_range("2024-02-05", periods=120, freq="h")
    counts = [300 + (k * 37) % 900 for k in range(120)]
    cells = [f"{c / 1000:.2f} K" if c >= 1000 else str(c) for c in counts]
    text = '"Time","Requests","CPU"\n' + "".join(f'"{t:%Y-%m-%d %H:%M:%S}","{c}","{14 + k % 9}.5%"\n'
                                                  for k, (t, c) in enumerate(zip(times, cells)))
    series = load_series(text.encode(), "grafana.csv")
    assert series.target == "Requests" and series.frame["y"].max() == pytest.approx(max(counts), rel=0.01)
    assert parse_numbers(pd.Series(["101", "102", "2B", "103", "104"])) is None  # a flat's number, no billions
    assert parse_numbers(pd.Series(["6.2", "10K", "12", "5K", "8.4"])) is None  # a race's kilometres, no thousands


def test_a_races_letter_left_unread_is_not_said_read_as_thousands() -> None:
    # two '5K' among runs of 4 to 9 km: read as missing, and the notice said they were read as 5,000 too
    runs = [f"{4 + (k * 7) % 50 / 10:.1f}" if k not in (4, 25) else "5K" for k in range(40)]
    days = pd.date_range("2024-01-01", periods=40, freq="2D")
    text = "Date,Distance (km)\n" + "".join(f"{day:%Y-%m-%d},{run}\n" for day, run in zip(days, runs))
    keys = [notice.key for notice in load_series(text.encode(), "runs.csv").report.notices]
    assert "notice.unreadable_numbers" in keys and "notice.scaled_numbers" not in keys


def test_a_timecards_hours_of_whole_hours_are_a_duration_not_a_clock() -> None:
    # a Kronos timecard's REG series, 'Hours' 8:00 every day, was refused as durations while its OT was read
    days = pd.date_range("2024-01-01", periods=40, freq="B")
    text = "Date,Hours\n" + "".join(f"{day:%m/%d/%Y},{8 if k % 5 else 7}:00\n" for k, day in enumerate(days))
    series = load_series(text.encode(), "reg.csv")
    assert series.frame["y"].iloc[0] == 7.0 and series.frame["y"].iloc[1] == 8.0
    opening = "Date,Opening Hours,Visitors\n" + "".join(f"{day:%m/%d/%Y},09:00,{100 + k}\n" for k, day in enumerate(days))
    assert load_series(opening.encode(), "shop.csv").target == "Visitors"  # a clock's hours stay a clock's


def test_cme_prices_in_eighths_and_unch_are_read_and_said() -> None:
    # CME's corn futures history ('452'6' is 452.75 cents, a change of 'UNCH'): every price column was left out and
    # the volume forecast
    days = pd.bdate_range("2024-01-02", periods=60)
    rows = [f"{day:%m/%d/%Y},{450 + k}'{k % 8},{'UNCH' if k % 5 == 0 else f'+{k % 4}' + chr(39) + str(k % 8)},"
            f"\"{60000 + k * 17:,}\"" for k, day in enumerate(days)]
    series = load_series(("Trade Date,Settle,Change,Volume\n" + "\n".join(rows) + "\n").encode(), "zc.csv")
    assert series.target == "Settle" and series.frame["y"].iloc[6] == pytest.approx(456.75)
    assert "notice.eighths" in [notice.key for notice in series.report.notices]
    cells = ["UNCH" if k % 5 == 0 else "-0'6" for k in range(len(days))]
    change = load_series(("Trade Date,Change\n" + "".join(f"{day:%m/%d/%Y},{cell}\n" for day, cell in zip(days, cells))
                          ).encode(), "c.csv")
    assert change.frame["y"].iloc[0] == 0.0 and change.frame["y"].iloc[1] == -0.75


def test_feet_and_inches_are_no_eighths() -> None:
    # a review: a child's height '4'5' (4 ft 5 in) was read as 4.625 with a note on grain prices
    months = pd.date_range("2022-01-01", periods=36, freq="MS")
    text = "Date,Height\n" + "".join(f"{month:%Y-%m-%d},{(48 + k // 6) // 12}'{(48 + k // 6) % 12}\n"
                                     for k, month in enumerate(months))
    with pytest.raises(DataError):
        load_series(text.encode(), "height.csv")


def test_time_spent_idle_or_talking_is_read_as_a_duration_and_a_pickup_time_stays_a_clock() -> None:
    # Samsara's 'Idle Time' of '1h 18m' was refused as durations, as its name holds 'Time'
    days = pd.date_range("2023-10-02", periods=40, freq="D")
    text = "Date,Engine Run Time,Idle Time\n" + "".join(
        f"{day:%m/%d/%Y},5h {k % 50}m,1h {10 + k % 40}m\n" for k, day in enumerate(days))
    series = load_series(text.encode(), "samsara.csv", LoadOptions(target="Idle Time"))
    assert series.frame["y"].iloc[0] == pytest.approx(1 + 10 / 60)
    assert "notice.hours_minutes" in [notice.key for notice in series.report.notices]
    pickups = "Date,Pickup Time,Parcels\n" + "".join(f"{day:%m/%d/%Y},{8 + k % 3:02d}:30:00,{40 + k % 7}\n"
                                                     for k, day in enumerate(days))
    assert load_series(pickups.encode(), "pickups.csv").target == "Parcels"


def test_digits_spaced_in_parts_other_than_thousands_are_no_number() -> None:
    # an E-ZPass tag '004 0123456 01' was read as 4,012,345,601, and offered as a target
    assert parse_numbers(pd.Series(["004 0123456 01", "004 0123459 01", "004 0123456 02"])) is None
    assert parse_numbers(pd.Series(["212 555 1234", "917 555 0199"])) is None  # a phone number
    assert parse_numbers(pd.Series(["1 234", "12 345 678", "$ 1 234.50"])).tolist() == [1234.0, 12345678.0, 1234.5]
    assert parse_numbers(pd.Series(["1 234,50", "12 345,00"]), True).tolist() == [1234.5, 12345.0]
    assert parse_numbers(pd.Series(["5 61 551", "12 34 567"])).tolist() == [561551.0, 1234567.0]  # India's lakhs
