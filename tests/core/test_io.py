from __future__ import annotations

import pandas as pd
import pytest

from core.errors import DataError
from core.data.tidy import LoadOptions, load_series


def load_text(text: str, encoding: str = "utf-8", **options: object):
    return load_series(text.encode(encoding), "test.csv", LoadOptions(**options))  # type: ignore[arg-type]


def test_air_passengers_is_read_into_the_tidy_frame(air) -> None:
    frame = air.frame
    assert list(frame.columns) == ["ds", "y"]
    assert len(frame) == 144
    assert frame["ds"].iloc[0] == pd.Timestamp("1949-01-01")
    assert frame["ds"].iloc[-1] == pd.Timestamp("1960-12-01")
    assert frame["y"].iloc[:3].tolist() == [112.0, 118.0, 132.0]
    assert (air.date_col, air.target, air.frequency.name) == ("Month", "#Passengers", "monthly")


@pytest.mark.parametrize(("text", "first", "last", "values"), [
    ("date;value\n2020-01-01;1,5\n2020-01-02;2,5\n" + "".join(f"2020-01-{d:02d};{d},0\n" for d in range(3, 12)),
     "2020-01-01", "2020-01-11", [1.5, 2.5, 3.0]),
    ("Quarter,Sales\n" + "".join(f"{1956 + i // 4}Q{i % 4 + 1},\"{1000 + i:,},000\"\n" for i in range(10)),
     "1956-01-01", "1958-04-01", [1000000.0, 1001000.0, 1002000.0]),
    ("when\tload\n" + "".join(f"{1980 + i}\t{i * 2}\n" for i in range(9)), "1980-01-01", "1988-01-01", [0.0, 2.0, 4.0]),
    ("Monat|Wert\n" + "".join(f"31.{m:02d}.1980|{m}\n" for m in (1, 3, 5, 7, 8, 10, 12)) + "30.04.1981|4\n",
     "1980-01-31", "1981-04-30", [1.0, 3.0, 5.0]),
    ("t,v\n" + "".join(f"{m} 1980,{i}\n" for i, m in enumerate(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug"])),
     "1980-01-01", "1980-08-01", [0.0, 1.0, 2.0]),
])
def test_common_formats_parse_to_the_right_values(text: str, first: str, last: str, values: list[float]) -> None:
    series = load_text(text)
    assert series.frame["ds"].iloc[0] == pd.Timestamp(first)
    assert series.frame["ds"].iloc[-1] == pd.Timestamp(last)
    assert series.frame["y"].iloc[:3].tolist() == values


def test_unsorted_rows_are_sorted_and_duplicates_combined() -> None:
    rows = [f"2021-{m:02d},{m}" for m in range(12, 0, -1)] + ["2021-03,5", "2021-03,3"]
    series = load_text("month,y\n" + "\n".join(rows))
    assert series.frame["ds"].is_monotonic_increasing and series.frame["ds"].is_unique
    assert series.frame.loc[series.frame["ds"] == pd.Timestamp("2021-03-01"), "y"].item() == pytest.approx(4.0)
    assert series.report.duplicate_rows_dropped == 1
    assert series.report.duplicate_stamps_aggregated == 1


def test_missing_values_are_interpolated_by_default_and_counted() -> None:
    series = load_text("month,y\n" + "\n".join(f"2021-{m:02d},{'' if m == 5 else m}" for m in range(1, 13)))
    assert series.frame["y"].iloc[4] == pytest.approx(5.0)
    assert series.report.missing_filled == 1


def test_interpolation_follows_the_calendar_across_missing_time_stamps() -> None:
    days = [1, 2, 3, 7, 8, 9, 10, 11, 12, 13]  # a blank on the 3rd, then the 4th to the 6th missing
    series = load_text("date,y\n" + "\n".join(f"2024-01-{d:02d},{'' if d == 3 else d * 10}" for d in days))
    assert series.report.gaps == 3
    assert series.frame["y"].iloc[2] == pytest.approx(30.0)  # not 45, the midpoint of its neighbouring rows
    months = load_text("month,y\n" + "\n".join(f"2021-{m:02d},{'' if m == 2 else m}" for m in (1, 2, 3, 6, 7, 8,
                                                                                             9, 10, 11, 12)))
    assert months.frame["y"].iloc[1] == pytest.approx(2.0)  # by months, not by the days in them


def test_no_date_column_gives_integer_steps() -> None:
    series = load_text("a,b\n" + "\n".join(f"{i * 1.5},{i}" for i in range(10)))
    assert series.date_col is None and series.frequency.name == "steps"
    assert series.frame["ds"].tolist() == list(range(10))


def test_stray_index_column_is_ignored() -> None:
    series = load_text(",Month,Passengers\n" + "\n".join(f"{i},1949-{i + 1:02d},{100 + i}" for i in range(10)))
    assert series.target == "Passengers" and series.date_col == "Month"


@pytest.mark.parametrize(("data", "words"), [
    (b"", "empty"),
    (b"month,y\n", "no data rows"),
    (b"\x00\x01\x02\x03binary" * 20, "binary"),
    (b"<!DOCTYPE html><html><body>hi</body></html>", "web page"),
    (b"month,name\n" + b"\n".join(b"2020-%02d,abc" % m for m in range(1, 13)), "not numbers"),
    (b"month,y\n2020-01,1\n2020-02,2\n", "at least"),
])
def test_unusable_files_raise_a_one_line_data_error(data: bytes, words: str) -> None:
    with pytest.raises(DataError) as caught:
        load_series(data, "bad.csv")
    assert words.lower() in str(caught.value).lower()
    assert "\n" not in str(caught.value)


def test_unknown_columns_are_named_in_the_error(air) -> None:
    with pytest.raises(DataError, match="'Nope'"):
        load_series(b"month,y\n" + b"\n".join(b"2020-%02d,%d" % (m, m) for m in range(1, 13)), "x.csv",
                    LoadOptions(target="Nope"))


def test_a_windows_cyrillic_file_is_read_in_its_letters() -> None:
    # Read as cp1252: every message named 'Êóðñ' for the column 'Курс'.
    from core.data.read import decode_text

    text = "Дата;Курс\n" + "".join(f"{d} января 2024 г.;90,{d:02d}\n" for d in range(1, 29))
    assert decode_text(text.encode("cp1251")) == text
    series = load_series(text.encode("cp1251"), "курс.csv")
    assert (series.date_col, series.target, series.frequency.name, len(series.frame)) == ("Дата", "Курс", "daily", 28)
    western = "Période;Température moyenne;Qualité\n" + "".join(f"2021-{m:02d};{m},5;élevée\n" for m in range(1, 13))
    assert decode_text(western.encode("cp1252")) == western  # accented letters alone stay cp1252
    estonian = "kuupäev,jäääär väärtus\n" + "".join(f"2021-{m:02d},{m}\n" for m in range(1, 13))
    assert decode_text(estonian.encode("cp1252")) == estonian  # one word of such letters, repeated, is not Cyrillic
    header = "Дата;Продажи\r\n" + "".join(f"01.{m:02d}.2015; {100 + m},5\r\n" for m in range(1, 13))
    assert decode_text(header.encode("cp1251")) == header  # Cyrillic in the header only: it read 'Ïðîäàæè'
    for names in ("Дата;Кол-во", "Дата;Объём", "Месяц;Объём, т"):  # a word's part after a hyphen, a letter ё
        header = names + "\r\n" + "".join(f"01.{m:02d}.2015; {100 + m},5\r\n" for m in range(1, 13))
        assert decode_text(header.encode("cp1251")) == header
    for western in ("date,jäääär", "Zeit,ÄÖÜ-Wert", "date,Hääöö", "date,×÷Ø", "Zeit,ÄÖÜ,ÆØÅ", "Zeit,Öl-Fläche"):
        text = western + "\n" + "".join(f"2021-{m:02d},{m}\n" for m in range(1, 13))
        assert decode_text(text.encode("cp1252")) == text


def test_a_windows_central_european_file_is_read_in_its_letters() -> None:
    # Excel in Poland saves CSV in cp1250: the header read 'Miesi¹c;Przeciêtne wynagrodzenie;Wartoœæ sprzeda¿y (z³)'.
    from core.data.read import decode_text

    for header in ("Miesiąc;Przeciętne wynagrodzenie (zł)", "Data;Ilość;Sprzedaż", "Okres;Wartość",
                   "Dátum;Tržby;Veľkosť"):
        text = header + "\r\n" + "".join(f"2021-{m:02d};{m},5;{m}\r\n" for m in range(1, 13))
        assert decode_text(text.encode("cp1250")) == text
    assert decode_text("Datum;Zisk;Šťastné dny\n2021-01;1;2\n".encode("cp1250")).startswith("Datum;Zisk;Šťastné")
    text = "Miesiąc;Wpływy\r\n" + "".join(f"2021-{m:02d};{m},5\r\n" for m in range(1, 13))
    series = load_series(text.encode("cp1250"))
    assert series.target == "Wpływy"
    for western in ("Fecha;¿Cuántos?", "Date;Volume (m³)", "date;Sales¹", "Mois;Cœur de gamme", "Date;Price (£)",
                    "Mois;Commune L'HAŸ-LES-ROSES", "Date;Name Jos¿ Pe¿a"):
        text = western + "\n" + "".join(f"2021-{m:02d};{m}\n" for m in range(1, 13))
        assert decode_text(text.encode("cp1252")) == text


def test_a_chinese_file_saved_in_gbk_is_read_in_its_characters() -> None:
    # Excel in China saves CSV in GBK: the columns showed as 'ÈÕÆÚ' and 'ÏúÊ۶î'.
    from core.data.read import decode_text

    text = "日期,销售额,地区\n" + "".join(f"2020-{m:02d}-01,{100 + m},华东地区\n" for m in range(1, 13))
    assert decode_text(text.encode("gbk")) == text
    series = load_series(text.encode("gbk"), "销售.csv")
    assert (series.date_col, series.target, len(series.frame)) == ("日期", "销售额", 12)
    # Dates written in Chinese: 年, 月 and 日 lie above 0xBF in GBK, and a file of them read as Western text
    # ('2019Äê1ÔÂ': steps, no calendar)
    for dated, period in (("{y}年{m}月", "monthly"), ("{y}年{m}月1日", "monthly"), ("{y}年1月{m}日", "daily")):
        rows = (dated.format(y=2019 + k // 12, m=k % 12 + 1) + f",{100 + k},{5000 + k}\r\n"
                for k in range(24 if period == "monthly" else 12))
        text = "日期,销售额（万元）,客流量\r\n" + "".join(rows)
        assert decode_text(text.encode("gbk")) == text
        assert load_series(text.encode("gbk"), "销售.csv").frequency.name == period
    ascii_header = "month,sales\r\n" + "".join(f"{2019 + k // 12}年{k % 12 + 1}月,{100 + k}\r\n" for k in range(24))
    assert decode_text(ascii_header.encode("gbk")) == ascii_header  # no Chinese word but the dates' own characters


def test_utf8_with_a_few_windows_bytes_keeps_its_utf8_and_inner_byte_order_marks_go() -> None:
    from core.data.read import decode_text

    mixed = "Monat;Umsatz €\n".encode() + "2021-01;1\nMärz;2\n".encode("cp1252")  # a row pasted from an old export
    assert decode_text(mixed) == "Monat;Umsatz €\n2021-01;1\nMärz;2\n"  # was 'Umsatz â‚¬'
    assert decode_text("Monat;Umsatz\n".encode("cp1252") + "März;2\n".encode("cp1252")) == "Monat;Umsatz\nMärz;2\n"
    joined = "date,y\n2020-01-01,1\n".encode() + "\ufeffdate,y\n2020-01-02,2\n".encode()  # two exports put together
    assert "\ufeff" not in decode_text(joined)
    damaged = ("date,y\n" + "".join(f"2020-01-{d:02d},{d}\n" for d in range(1, 29))).encode() * 1
    damaged = damaged.replace(b"2020-01-20,20", b"2020-01-\x0020,20")  # past the first 4 KB only in a longer file
    assert "\x00" not in decode_text(b" " * 5000 + damaged)


def test_only_rows_alike_in_every_column_are_dropped_as_copies() -> None:
    # Three orders of one day at one price differ in their order number: all three count (only one did, a total
    # 28% short); a row exported twice is dropped, and said.
    text = ("Order Date,Order ID,Sales\n2024-01-01,A1,9.99\n2024-01-02,B1,4.50\n2024-01-02,B2,4.50\n"
            "2024-01-02,B3,4.50\n2024-01-03,C1,2.00\n2024-01-03,C1,2.00\n"
            + "".join(f"2024-01-{day:02d},D{day},1.00\n" for day in range(4, 10)))
    summed = load_text(text, duplicates="sum")
    assert summed.frame["y"].tolist() == pytest.approx([9.99, 13.5, 2.0] + [1.0] * 6)
    assert summed.report.duplicate_rows_dropped == 1
    assert any("1 row that repeated another row in every column was dropped" in notice for notice in summed.report.notices)
    averaged = load_text(text)  # the mean, by default: the average order; sum is named for a total
    assert "3 rows on 1 repeated time stamp were combined by their mean. If the rows are parts of one total (orders, " \
        "sales), " \
        "choose sum under Reading options (--duplicates sum)." in averaged.report.notices


@pytest.mark.parametrize("text", [
    # FRED's .txt download: notes, then DATE and VALUE aligned by spaces
    "Title:               Unemployment Rate\nSeries ID:           UNRATE\nUnits:               Percent\n\n"
    "DATE          VALUE\n" + "".join(f"2000-{m:02d}-01    {4 + m / 10:.1f}\n" for m in range(1, 13)),
    # ... with its usual notes, 16 lines of them and more (refused as rows that do not line up: 'check the tabs')
    "Title:               Real Gross Domestic Product\nSeries ID:           GDPC1\n" + "".join(
        f"Field {k}:             note line {k}\n" for k in range(8)) + "Notes:               BEA Account Code\n\n"
    + "".join(f"                     Real gross domestic product is the value, line {k} of the\n" for k in range(8))
    + "\nDATE          VALUE\n" + "".join(f"2000-{m:02d}-01    {4 + m / 10:.1f}\n" for m in range(1, 13)),
    # R's write.table: quoted names, row names without a header cell
    '"date" "value"\n' + "".join(f'"{m}" "2000-{m:02d}-01" {4 + m / 10:.1f}\n' for m in range(1, 13))])
def test_columns_separated_by_runs_of_spaces_are_read(text: str) -> None:
    # Both were one column of text: "Column 'DATE          VALUE' holds text, not numbers".
    series = load_text(text)
    assert series.frequency.name == "monthly" and len(series.frame) == 12
    assert series.frame["y"].iloc[0] == pytest.approx(4.1) and series.frame["ds"].iloc[-1] == pd.Timestamp("2000-12-01")


def test_rows_above_a_header_far_down_are_rows_not_notes() -> None:
    # the tenth review: a logger's 20 headerless rows, then a header after a restart: the rows left out as notes
    hours = pd.date_range("2024-05-01", periods=60, freq="h")
    rows = [f"{h:%Y-%m-%d %H:%M},{19 + k % 5},{26 + k % 3},{31 + k % 7}" for k, h in enumerate(hours)]
    text = "\n".join(rows[:20]) + "\n\nTime,Fine,Coarse,Nitrogen\n" + "\n".join(rows[20:]) + "\n"
    assert load_text(text).frame["ds"].iloc[0] == hours[0]
    # (the twelfth review: a device's name first, a day of its rows left out again)
    named = [f"Greenhouse,{row}" for row in rows]
    text = "\n".join(named[:24]) + "\n\nDevice,Time,Fine,Coarse,Nitrogen\n" + "\n".join(named[24:]) + "\n"
    assert load_text(text).frame["ds"].iloc[0] == hours[0]


@pytest.mark.parametrize("names", [[str(i + 1) for i in range(12)], [f"r{i}" for i in range(12)], [""] * 12])
def test_r_row_names_without_a_header_cell_are_left_out(names: list[str]) -> None:
    # R's write.table(sep=","): a field more in every row than in the header, the row names first (or every row's
    # first field blank: nothing is lost).
    text = "date,sales\n" + "".join(f"{name},2000-{m:02d}-01,{1000 + m}\n" for m, name in enumerate(names, start=1))
    series = load_text(text)
    assert (series.date_col, series.target, series.frequency.name) == ("date", "sales", "monthly")
    assert series.frame["y"].iloc[:2].tolist() == [1001.0, 1002.0]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("title", ["", "Monthly report\n", "Monthly report\n\n"])
def test_r_quoted_header_without_a_name_over_its_row_names_stays_the_header(delimiter: str, title: str) -> None:
    # R's write.table(sep=","): '"date","value"' over '"1","2000-01-01",1001' was skipped as a title line, one field
    # short: the first row became the header, the rows were numbered columns and the row numbers the target.
    text = title + delimiter.join(['"date"', '"sales"']) + "\n" + "".join(
        delimiter.join([f'"{m}"', f'"2000-{m:02d}-01"', f"{1000 + m}"]) + "\n" for m in range(1, 13))
    series = load_text(text)
    assert (series.date_col, series.target, series.columns) == ("date", "sales", ["date", "sales"])
    assert series.frequency.name == "monthly" and series.frame["y"].iloc[:2].tolist() == [1001.0, 1002.0]


def test_a_quoted_title_a_field_short_above_a_header_is_still_left_out() -> None:
    text = '"Sales report","north"\n"date","sales","units"\n' + "".join(f'"2000-{m:02d}-01",{1000 + m},{m}\n'
                                                                        for m in range(1, 13))
    series = load_text(text)
    assert (series.date_col, series.target, series.columns) == ("date", "sales", ["date", "sales", "units"])
    assert len(series.frame) == 12


def test_a_single_column_with_spaces_between_thousands_stays_one_column() -> None:
    series = load_text("Sales\n" + "".join(f"{k} {k}{k}{k}\n" for k in range(1, 10)))
    assert series.frame["y"].iloc[:2].tolist() == [1111.0, 2222.0]


def test_a_comma_file_with_notes_below_is_not_read_as_spaced_columns() -> None:
    # Three note lines after a blank one made the whole file read as separated by spaces: 'New\tYork'.
    text = ("date,city,sales\n" + "".join(f"2020-{m:02d}-01,{'New York' if m % 2 else 'Los Angeles'},{m}\n"
                                          for m in range(1, 13)) + "\nNotes\nfigures are preliminary\nsource team\n")
    series = load_text(text, target="sales")
    assert len(series.frame) == 12 and "city" in series.columns


def test_spaced_columns_under_a_one_word_title_are_read() -> None:
    text = "Sales\ndate        value\n" + "".join(f"2020-{m:02d}-01  {100 + m}.5\n" for m in range(1, 13))
    assert len(load_text(text).frame) == 12  # the title was taken for R's header of row names


def test_japanese_text_in_shift_jis_is_told_from_chinese_and_western_text() -> None:
    from core.data.read import decode_text

    for header in ("日付,売上高（円）", "年月日,平均気温(℃)", "日付,ｱｸｾｽ数,ページビュー"):
        text = header + "\r\n" + "".join(f"2021/{m}/1,{m * 100}\r\n" for m in range(1, 13))
        assert decode_text(text.encode("cp932")) == text
    chinese = "日期,销售额,地区\n" + "".join(f"2020-{m:02d}-01,{100 + m},华东地区\n" for m in range(1, 13))
    assert decode_text(chinese.encode("gb18030")) == chinese
    for western in ("Période;Température", "Zeit;Größe", "date;“Sales”", "Fecha;Año;Señal",
                    "Date;Takings £;Valentine’s", "Trimestre;Coût de la main-d’œuvre",
                    "Date;we’ll;we’re;don’t;I’ve;it’s"):
        text = western + "\n" + "".join(f"2021-{m:02d};{m};{m}\n" for m in range(1, 13))
        assert decode_text(text.encode("cp1252")) == text


def test_a_workbook_title_above_a_header_whose_first_row_leaves_a_cell_blank_is_left_out(tmp_path: Path) -> None:
    # a hand-kept running log from a Monday rest day ('Rest', no miles): refused as having no numeric column
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["My running log 2024"])
    sheet.append([])
    sheet.append(["Date", "Workout", "Miles"])
    for day in pd.date_range("2024-01-01", periods=60, freq="D"):
        sheet.append([day.to_pydatetime(), "Rest"] if day.dayofweek == 0 else
                     [day.to_pydatetime(), "Easy", 3 + day.day % 5])
    book.save(tmp_path / "log.xlsx")
    series = load_series((tmp_path / "log.xlsx").read_bytes(), "log.xlsx")
    assert series.target == "Miles" and series.date_col == "Date"


def test_cells_formatted_as_percentages_in_a_workbook_are_read_as_the_percent_shown(tmp_path: Path) -> None:
    # a Workday report's 'Turnover %' (0.6% stored as 0.006) was read as 0.006; its CSV's '0.6%' as 0.6
    import openpyxl
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Month", "Headcount", "Turnover %"])
    for k, month in enumerate(pd.date_range("2021-01-01", periods=24, freq="MS")):
        sheet.append([month.to_pydatetime(), 180 + k, (5 + k % 7) / 1000])
        sheet.cell(row=k + 2, column=3).number_format = "0.0%"
    path = tmp_path / "trend.xlsx"
    book.save(path)
    series = load_series(path.read_bytes(), "trend.xlsx", LoadOptions(target="Turnover %"))
    assert series.frame["y"].iloc[0] == pytest.approx(0.5) and series.frame["y"].iloc[1] == pytest.approx(0.6)
    assert "notice.percent_cells" in [notice.key for notice in series.report.notices]
    headcount = load_series(path.read_bytes(), "trend.xlsx", LoadOptions(target="Headcount"))
    assert headcount.frame["y"].iloc[0] == 180  # a column without the format stays as it is


def test_a_header_under_key_value_lines_is_read_there_and_months_newest_first_are_put_in_order() -> None:
    # from a walk: EIA's series history ('Series Key,PET.MCRFPTX2.M', 'Series Name', ..., then 'Date,Value' over months
    # yyyymm, newest first) was read as steps from its oldest month, the key taken for the time column
    months = pd.date_range("2005-01-01", periods=120, freq="MS")[::-1]
    text = ("Series Key,PET.MCRFPTX2.M\nSeries Name,Texas Field Production of Crude Oil (Thousand Barrels per Day)\n"
            "Frequency,Monthly\nUnits,Thousand Barrels per Day\nSource,EIA\nDate,Value\n"
            + "".join(f"{month:%Y%m},{1100 + 33 * (119 - k)}\n" for k, month in enumerate(months)))
    series = load_series(text.encode(), "eia.csv")
    assert (series.date_col, series.target, series.frequency.name) == ("Date", "Value", "monthly")
    assert series.frame["y"].iloc[-1] == 1100 + 33 * 119 and series.frame["ds"].iloc[-1] == months[0]
    assert "notice.preamble" in [notice.key for notice in series.report.notices]
    stamps = pd.date_range("2024-03-01", periods=200, freq="15min")  # PI DataLink's parameters above its tags
    pi = ("Start Time,01-Mar-24 00:00:00,,\r\nEnd Time,31-Mar-24 23:45:00,,\r\nInterval,15m,,\r\n,,,\r\n"
          "Timestamp,LINE1.FLOW_PV,LINE1.TEMP_PV,LINE1.PRESS_PV\r\n" + "".join(
              f"{stamp:%d-%b-%y %H:%M:%S},{120 + k % 9}.5,{78 + k % 4}.25,4.2{k % 7}\r\n" for k, stamp in enumerate(stamps)))
    tags = load_series(pi.encode(), "pi.csv", LoadOptions(target="LINE1.TEMP_PV"))
    assert tags.date_col == "Timestamp" and tags.frame["y"].iloc[0] == 78.25 and len(tags.frame) == 200


def test_bank_downloads_in_ofx_or_qif_are_named_and_a_dump_separated_by_braces_is_read() -> None:
    # from the walks: a QFX and a QIF were said to hold a text column 'OFXHEADER:100', with pickers offering it as the
    # time column; Texas RRC's '}'-separated production dump was split at the commas in operators' names
    ofx = "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n\r\n<OFX><BANKMSGSRSV1><STMTTRNRS>\r\n"
    qif = "!Type:Bank\nD1/ 1'23\nT-10.45\nPSAFEWAY #1234\n^\n"
    for text, key in ((ofx, "err.ofx"), (qif, "err.qif"), ('<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>\n<OFX>',
                                                           "err.ofx")):
        with pytest.raises(DataError) as caught:
            load_series(text.encode(), "statement.qfx")
        assert caught.value.key == key
    months = pd.date_range("2019-01-01", periods=48, freq="MS")
    dump = "OIL_GAS_CODE}LEASE_NO}CYCLE_YEAR_MONTH}LEASE_OIL_PROD_VOL}OPERATOR_NAME\n" + "".join(
        f"O}}41234}}{month:%Y%m}}}{9000 - 40 * k}}}PIONEER NATURAL RES. USA, INC.\n" for k, month in enumerate(months))
    series = load_series(dump.encode(), "OG_LEASE_CYCLE_DATA_TABLE.dsv")
    assert series.target == "LEASE_OIL_PROD_VOL" and series.frame["y"].iloc[-1] == 9000 - 40 * 47


def test_review_a_units_row_under_a_two_column_header_keeps_the_header() -> None:
    # the review of the batch: 'Time,Load' above a units row 'Timestamp,MW' was read as a title, 'MW' the target
    hours = pd.date_range("2024-03-01", periods=200, freq="h")
    text = "Time,Load\nTimestamp,MW\n" + "".join(f"{hour:%Y-%m-%d %H:%M},{200 + k % 24}.5\n"
                                                 for k, hour in enumerate(hours))
    series = load_series(text.encode(), "load.csv")
    assert (series.date_col, series.target) == ("Time", "Load")


def test_review_a_header_with_a_digit_over_a_units_row_keeps_the_header() -> None:
    # the second review: 'Time,PM2.5' above 'Date Time,ug/m3' was read as a title, 'ug/m3' the target
    hours = pd.date_range("2024-03-01", periods=200, freq="h")
    text = "Time,PM2.5\nDate Time,ug/m3\n" + "".join(f"{hour:%Y-%m-%d %H:%M},{12 + k % 9}\n"
                                                     for k, hour in enumerate(hours))
    assert (load_series(text.encode(), "pm.csv").target, load_series(text.encode(), "pm.csv").date_col) == (
        "PM2.5", "Time")
