"""Tests for the date-mention extractor, partydocs.dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydocs.dates import DateSpan, find_dates, parse_date

# Each expected mention: (the text it covers, granularity, iso, value, end_value).
Expected = tuple[str, str, str, date | None, date | None]


def _check(text: str, expected: list[Expected]) -> None:
    """`find_dates(text)` gives exactly `expected`, each covering the first unused occurrence."""
    found = find_dates(text)
    got = [(text[s.start : s.end], s.granularity, s.iso, s.value, s.end_value) for s in found]
    assert got == expected
    at = 0
    for span, (covered, *_rest) in zip(found, expected, strict=True):
        start = text.index(covered, at)
        assert (span.start, span.end) == (start, start + len(covered))
        at = span.end


DAYS: list[tuple[str, list[Expected]]] = [
    ("ngày 09 tháng 3 năm 2022", [("ngày 09 tháng 3 năm 2022", "day", "2022-03-09", date(2022, 3, 9), None)]),
    ("Kế hoạch số 82-KH/TU, ngày 20/01/2022 của",
     [("ngày 20/01/2022", "day", "2022-01-20", date(2022, 1, 20), None)]),
    ("ban hành 20/01/2022.", [("20/01/2022", "day", "2022-01-20", date(2022, 1, 20), None)]),
    ("ký 20-01-2022;", [("20-01-2022", "day", "2022-01-20", date(2022, 1, 20), None)]),
    ("Quyết định 244, ngày 9.6.2014 của",
     [("ngày 9.6.2014", "day", "2014-06-09", date(2014, 6, 9), None)]),
    ("Chỉ thị số 23-CT/TW ngày 9-02-2018", [("ngày 9-02-2018", "day", "2018-02-09", date(2018, 2, 9), None)]),
    ("NGHỊ QUYẾT SỐ 13-NQ/TW NGÀY 02 THÁNG 4 NĂM 2022 CỦA",
     [("NGÀY 02 THÁNG 4 NĂM 2022", "day", "2022-04-02", date(2022, 4, 2), None)]),
    ("Sơn La, ngày 16 tháng 11\nnăm 2018\n",
     [("ngày 16 tháng 11\nnăm 2018", "day", "2018-11-16", date(2018, 11, 16), None)]),
    ("Luật Xây dựng ngày26/11/2003;", [("ngày26/11/2003", "day", "2003-11-26", date(2003, 11, 26), None)]),
    ("Luật ngày  15/12/2016 của", [("ngày  15/12/2016", "day", "2016-12-15", date(2016, 12, 15), None)]),
    ("16:06, 24/05/2022\n", [("24/05/2022", "day", "2022-05-24", date(2022, 5, 24), None)]),
    ("Thứ Năm, 15/10/2020, 16:21 (GMT+7)", [("15/10/2020", "day", "2020-10-15", date(2020, 10, 15), None)]),
    ("PV (thực hiện) 10/10/2018 03:09", [("10/10/2018", "day", "2018-10-10", date(2018, 10, 10), None)]),
    ("ngày 2 tháng Chín năm 1945", [("ngày 2 tháng Chín năm 1945", "day", "1945-09-02", date(1945, 9, 2), None)]),
    ("ngày 6/8 năm 2020", [("ngày 6/8 năm 2020", "day", "2020-08-06", date(2020, 8, 6), None)]),
    ("hoàn thành trước tháng 30/6/2020 và",
     [("30/6/2020", "day", "2020-06-30", date(2020, 6, 30), None)]),
    ("ngày 29/2/2020", [("ngày 29/2/2020", "day", "2020-02-29", date(2020, 2, 29), None)]),
    ("ban hành ngày 15 - 5 - 2016 về", [("ngày 15 - 5 - 2016", "day", "2016-05-15", date(2016, 5, 15), None)]),
    ("ngày 25/10/ 2021, tại", [("ngày 25/10/ 2021", "day", "2021-10-25", date(2021, 10, 25), None)]),
]

YEARLESS_DAYS: list[tuple[str, list[Expected]]] = [
    ("họp ngày 6/8, tại", [("ngày 6/8", "day", "--08-06", None, None)]),
    ("Ngày 3-12, Huyện ủy", [("Ngày 3-12", "day", "--12-03", None, None)]),
    ("mồng 3 tháng 3 âm lịch", [("mồng 3 tháng 3", "day", "--03-03", None, None)]),
    ("mùng 10/3 hằng năm", [("mùng 10/3", "day", "--03-10", None, None)]),
    ("Ngày 28/2, tại Hà Nội", [("Ngày 28/2", "day", "--02-28", None, None)]),
    ("vào 22h10 ngày 26/2, trước", [("ngày 26/2", "day", "--02-26", None, None)]),
    ("Chiều 9/8, Tổng Bí thư", [("9/8", "day", "--08-09", None, None)]),
    ("Sáng 8.10, Huyện ủy", [("8.10", "day", "--10-08", None, None)]),
    ("Hôm nay 10.10, Ủy ban", [("10.10", "day", "--10-10", None, None)]),
    ("rạng sáng 5/6 xảy ra", [("5/6", "day", "--06-05", None, None)]),
    ("Ngày truyền thống ngành (16.10). Dịp này", [("16.10", "day", "--10-16", None, None)]),
    ("Ngày Quốc khánh (2/9) năm nay", [("2/9", "day", "--09-02", None, None)]),
    ("nghỉ lễ ngày 30-4 và 1-5 năm nay", [
        ("ngày 30-4", "day", "--04-30", None, None), ("1-5", "day", "--05-01", None, None),
    ]),
    ("họp ngày 5/6, 12/15 phiếu tán thành", [("ngày 5/6", "day", "--06-05", None, None)]),
    ("ngày 29/2 hằng năm", [("ngày 29/2", "day", "--02-29", None, None)]),
]

MONTHS_AND_QUARTERS: list[tuple[str, list[Expected]]] = [
    ("trước tháng 2/2020, đại hội", [("tháng 2/2020", "month", "2020-02", date(2020, 2, 1), None)]),
    ("trong tháng 3 năm 2022", [("tháng 3 năm 2022", "month", "2022-03", date(2022, 3, 1), None)]),
    ("Tháng 3-2022", [("Tháng 3-2022", "month", "2022-03", date(2022, 3, 1), None)]),
    ("(tháng 10/2017)", [("tháng 10/2017", "month", "2017-10", date(2017, 10, 1), None)]),
    ("Cách mạng Tháng Tám năm 1945", [("Tháng Tám năm 1945", "month", "1945-08", date(1945, 8, 1), None)]),
    ("tháng Mười năm 2020", [("tháng Mười năm 2020", "month", "2020-10", date(2020, 10, 1), None)]),
    ("tháng mười hai năm 2020", [("tháng mười hai năm 2020", "month", "2020-12", date(2020, 12, 1), None)]),
    ("nhiệm vụ quý IV/2022.", [("quý IV/2022", "quarter", "2022-10", date(2022, 10, 1), None)]),
    ("trọng tâm quý IV.2020 và", [("quý IV.2020", "quarter", "2020-10", date(2020, 10, 1), None)]),
    ("Quý 2 năm 2021", [("Quý 2 năm 2021", "quarter", "2021-04", date(2021, 4, 1), None)]),
    ("quý I/2023", [("quý I/2023", "quarter", "2023-01", date(2023, 1, 1), None)]),
]

YEARS: list[tuple[str, list[Expected]]] = [
    ("trong năm 2021, huyện", [("năm 2021", "year", "2021", date(2021, 1, 1), None)]),
    ("Năm 2021 là năm bản lề", [("Năm 2021", "year", "2021", date(2021, 1, 1), None)]),
    ("tầm nhìn đến năm 2045;", [("năm 2045", "year", "2045", date(2045, 1, 1), None)]),
    ("ĐẾN NĂM 2030, TẦM NHÌN", [("NĂM 2030", "year", "2030", date(2030, 1, 1), None)]),
    ("Tết Ất Tỵ năm 2025", [("năm 2025", "year", "2025", date(2025, 1, 1), None)]),
    ("Luật Đất đai 2024", [("2024", "year", "2024", date(2024, 1, 1), None)]),
    ("Hiến pháp năm 2013", [("năm 2013", "year", "2013", date(2013, 1, 1), None)]),
    ("Hiến pháp 2013 quy định", [("2013", "year", "2013", date(2013, 1, 1), None)]),
    ("- 2Luật tổ chức chính quyền địa phương 2015\n- 3Luật",
     [("2015", "year", "2015", date(2015, 1, 1), None)]),
    ("Bộ luật Lao động 2019 có hiệu lực", [("2019", "year", "2019", date(2019, 1, 1), None)]),
    ("Nghị quyết 78/NQ-CP 2022 Chương trình", [("2022", "year", "2022", date(2022, 1, 1), None)]),
    ("Quyết định 3421/QĐ-UBND năm 2021 phê duyệt", [("năm 2021", "year", "2021", date(2021, 1, 1), None)]),
    ("đến năm 2020 và tầm nhìn 2030;", [
        ("năm 2020", "year", "2020", date(2020, 1, 1), None),
        ("2030", "year", "2030", date(2030, 1, 1), None),
    ]),
    ("Lý Tuấn Anh (SN 1997, quê Cà Mau)", [("1997", "year", "1997", date(1997, 1, 1), None)]),
    ("mục tiêu đến 2030, tầm nhìn 2045", [
        ("2030", "year", "2030", date(2030, 1, 1), None),
        ("2045", "year", "2045", date(2045, 1, 1), None),
    ]),
    ("trong các năm 2019, 2020 và 2021 huyện", [
        ("năm 2019", "year", "2019", date(2019, 1, 1), None),
        ("2020", "year", "2020", date(2020, 1, 1), None),
        ("2021", "year", "2021", date(2021, 1, 1), None),
    ]),
    ("Năm 2021 và 4 tháng đầu năm 2022, mặc dù", [
        ("Năm 2021", "year", "2021", date(2021, 1, 1), None),
        ("năm 2022", "year", "2022", date(2022, 1, 1), None),
    ]),
]

RANGES: list[tuple[str, list[Expected]]] = [
    ("Chiến lược 2021 - 2030,", [("2021 - 2030", "year", "2021", date(2021, 1, 1), date(2030, 1, 1))]),
    ("Quy hoạch 2021-2030", [("2021-2030", "year", "2021", date(2021, 1, 1), date(2030, 1, 1))]),
    ("nhiệm kỳ 2020 - 2025;", [("2020 - 2025", "year", "2020", date(2020, 1, 1), date(2025, 1, 1))]),
    ("GIAI ĐOẠN 2016-2020", [("2016-2020", "year", "2016", date(2016, 1, 1), date(2020, 1, 1))]),
    ("thời kỳ 2011-2020, các tỉnh", [("2011-2020", "year", "2011", date(2011, 1, 1), date(2020, 1, 1))]),
    ("Trong nhiệm kỳ (2015-2020) huyện", [("2015-2020", "year", "2015", date(2015, 1, 1), date(2020, 1, 1))]),
    ("10 năm 2021 - 2030, tầm nhìn", [("2021 - 2030", "year", "2021", date(2021, 1, 1), date(2030, 1, 1))]),
    ("trong giai đoạn năm 1945-1954", [("năm 1945-1954", "year", "1945", date(1945, 1, 1), date(1954, 1, 1))]),
    ("từ năm 2021 đến năm 2025", [
        ("năm 2021 đến năm 2025", "year", "2021", date(2021, 1, 1), date(2025, 1, 1)),
    ]),
    ("cải cách giai đoạn 20112020;", [("20112020", "year", "2011", date(2011, 1, 1), date(2020, 1, 1))]),
    ("diễn ra từ ngày 12 đến ngày 15 tháng 10 năm 2020, với", [
        ("ngày 12 đến ngày 15 tháng 10 năm 2020", "day", "2020-10-12", date(2020, 10, 12), date(2020, 10, 15)),
    ]),
    ("trong 3 ngày từ ngày 27 đến 29/7/2020.", [
        ("ngày 27 đến 29/7/2020", "day", "2020-07-27", date(2020, 7, 27), date(2020, 7, 29)),
    ]),
    ("ngày 27-29/7/2020", [("ngày 27-29/7/2020", "day", "2020-07-27", date(2020, 7, 27), date(2020, 7, 29))]),
    ("Hồ Chí Minh (19/5/1890- 19/5/2020)", [
        ("19/5/1890- 19/5/2020", "day", "1890-05-19", date(1890, 5, 19), date(2020, 5, 19)),
    ]),
    ("từ ngày 1/1 đến 31/12/2020 thực hiện", [
        ("ngày 1/1 đến 31/12/2020", "day", "2020-01-01", date(2020, 1, 1), date(2020, 12, 31)),
    ]),
    ("ngày 28/12 đến ngày 3/1/2021", [
        ("ngày 28/12 đến ngày 3/1/2021", "day", "2020-12-28", date(2020, 12, 28), date(2021, 1, 3)),
    ]),
    ("từ tháng 3/2020 đến tháng 5/2020 tăng", [
        ("tháng 3/2020 đến tháng 5/2020", "month", "2020-03", date(2020, 3, 1), date(2020, 5, 1)),
    ]),
    ("nhiệm kỳ 2020 - 2025 và nhiệm kỳ 2021 - 2026;", [
        ("2020 - 2025", "year", "2020", date(2020, 1, 1), date(2025, 1, 1)),
        ("2021 - 2026", "year", "2021", date(2021, 1, 1), date(2026, 1, 1)),
    ]),
    ("từ tháng 5 đến tháng 8/2023 mưa", [
        ("tháng 5 đến tháng 8/2023", "month", "2023-05", date(2023, 5, 1), date(2023, 8, 1)),
    ]),
    ("từ tháng 11 đến tháng 2 năm 2024", [
        ("tháng 11 đến tháng 2 năm 2024", "month", "2023-11", date(2023, 11, 1), date(2024, 2, 1)),
    ]),
    ("tháng 5 và tháng 8/2023", [("tháng 8/2023", "month", "2023-08", date(2023, 8, 1), None)]),
    ("từ tháng 5 đến tháng 8", []),
]

NOT_DATES = [
    "tỷ số 2 - 1 - 2022",
    "ngày 2 - 1",
    "Nghị định số 30/2020/NĐ-CP ngày",
    "Quyết định số 1961/2019/QĐ-UBND tỉnh",
    "Luật số 45/2019/QH14 của Quốc hội",
    "Nghị định số 61/2018/NĐCP",
    "8h00: Đồng chí Bí thư; 22h10 tối; lúc 16:06",
    "sau 10 năm thực hiện, 3 tháng qua, 4 tháng đầu năm",
    "huyện còn 08/54 chỉ tiêu, 123/128 chi bộ",
    "thu ngân sách 45.799/36.875 tỷ đồng; 8.793/6.500 đảng viên",
    "bình quân 13,45 tiêu chí/xã, 83,2%/50% tổng số xã",
    "dịch COVID-19 và Covid-19",
    "BKS: 15B2-76760 và 61C1-195.57",
    "gọi 0912.345.678 hoặc 1900-1234",
    "ở số 3/gác 2, khu 5 tầng",
    "nhà số 12/3 đường Lê Lợi",
    "giá 1.500.000 đồng",
    "vừa giật iPhone 11 Promax",
    "Trung đoàn 855, Tổ 171, khóa 11",
    "tỷ lệ 3/4 số đại biểu",
    "tuổi 18-25 chiếm",
    "Quyết định 1961, ngày ký",
    "Quyết định hỗ trợ 2000 hộ dân",
    "số người tăng đến 2000 người",
    "năm 2 xã về đích",
    "lúc 16.10 giờ",
    "9.5 điểm",
    "31/02/2022 và 32/1/2020 và 15/13/2020",
    "tháng 13/2020",
    "giai đoạn 20202011",
    "Quốc hội khóa XIV, Đại hội XIII",
    "130 năm Ngày sinh Chủ tịch Hồ Chí Minh",
    "http://sonla.gov.vn/hoi-dap",
]


@pytest.mark.parametrize(("text", "expected"), DAYS + YEARLESS_DAYS)
def test_days(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), MONTHS_AND_QUARTERS)
def test_months_and_quarters(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), YEARS)
def test_years(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges(text: str, expected: list[Expected]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_exact_offsets_and_all_fields() -> None:
    assert find_dates("Kế hoạch số 111-KH/HU ngày 09 tháng 3 năm 2022 của") == [
        DateSpan(22, 46, date(2022, 3, 9), "day", "2022-03-09"),
    ]
    assert find_dates("nhiệm kỳ 2020 - 2025") == [
        DateSpan(9, 20, date(2020, 1, 1), "year", "2020", date(2025, 1, 1), "2025"),
    ]
    assert find_dates("Ngày 6/8") == [DateSpan(0, 8, None, "day", "--08-06")]


def test_code_year_is_skipped_but_following_date_is_found() -> None:
    text = "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ"
    assert [(s.start, s.end, s.iso) for s in find_dates(text)] == [(27, 41, "2020-03-05")]


def test_duration_before_year() -> None:
    text = "đánh giá 9 tháng đầu năm 2019."
    assert [(text[s.start : s.end], s.iso) for s in find_dates(text)] == [("năm 2019", "2019")]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("ngày 31 tháng 02 năm 2022", "2022-02-31"),
        ("ngày 31/02/2022", "2022-02-31"),
        ("ngày 29/2/2021", "2021-02-29"),
        ("ngày 31/4", "--04-31"),
        ("ngày 31 - 02 - 2022", "2022-02-31"),
    ],
)
def test_off_calendar_day_after_ngay_is_a_mention_without_value(text: str, iso: str) -> None:
    assert find_dates(text) == [DateSpan(0, len(text), None, "day", iso)]


@pytest.mark.parametrize("text", ["31 tháng 02 năm 2022", "Sáng 31/4", "ngày 32/1/2020", "ngày 5 tháng 13"])
def test_off_calendar_day_without_ngay_or_out_of_range_is_no_day(text: str) -> None:
    assert [s.granularity for s in find_dates(text)] in ([], ["month"])


def test_written_day_with_impossible_numbers_leaves_only_the_year() -> None:
    text = "ngày 45 tháng 13 năm 2020"
    assert [(s.start, s.end, s.iso) for s in find_dates(text)] == [(17, 25, "2020")]


def test_month_word_nam_needs_its_year() -> None:
    text = "9 tháng năm 2019 và ngày 5 tháng năm năm 2020"
    got = [(text[s.start : s.end], s.granularity, s.iso) for s in find_dates(text)]
    assert got == [("năm 2019", "year", "2019"), ("ngày 5 tháng năm năm 2020", "day", "2020-05-05")]


def test_yearless_day_takes_the_year_of_the_nearest_dated_mention_before() -> None:
    text = "Thứ Năm, 15/10/2020, 16:21\nĐại hội bế mạc vào sáng ngày 15-10. Ngày 3/7/2021 khác"
    got = [(text[s.start : s.end], s.iso, s.value) for s in find_dates(text)]
    assert got == [
        ("15/10/2020", "2020-10-15", date(2020, 10, 15)),
        ("ngày 15-10", "2020-10-15", date(2020, 10, 15)),
        ("Ngày 3/7/2021", "2021-07-03", date(2021, 7, 3)),
    ]


def test_yearless_day_takes_a_later_year_when_none_comes_before() -> None:
    text = "Sáng 8.10, Huyện ủy bàn nhiệm vụ quý IV.2020 và nhiệm kỳ 2015 - 2020."
    first = find_dates(text)[0]
    assert (first.iso, first.value) == ("2020-10-08", date(2020, 10, 8))


def test_years_alone_do_not_settle_a_yearless_day() -> None:
    text = "Ngày 9-4, hội nghị nhiệm kỳ 2020 - 2025 và năm 2019."
    assert find_dates(text)[0].value is None


def test_settling_skips_a_year_without_that_day() -> None:
    text = "Ngày 29/2, họp; ngày 1/3/2021."
    first = find_dates(text)[0]
    assert (first.iso, first.value) == ("--02-29", None)


@pytest.mark.parametrize(
    ("text", "iso", "granularity"),
    [
        ("ngày 15/5/2016", "2016-05-15", "day"),
        ("  tháng 3/2022 \n", "2022-03", "month"),
        ("quý IV/2022", "2022-10", "quarter"),
        ("năm 2021", "2021", "year"),
        ("2021-2030", "2021", "year"),
    ],
)
def test_parse_date(text: str, iso: str, granularity: str) -> None:
    span = parse_date(text)
    assert span is not None
    assert (span.iso, span.granularity) == (iso, granularity)
    assert text[span.start : span.end] == text.strip()


@pytest.mark.parametrize("text", ["", "2021", "nhiệm kỳ 2020 - 2025", "ngày 6/8 và ngày 7/8", "31/02/2022", "x"])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


HOSTILE = [
    "",
    "\x00\ufffd\U0001f600",
    "1/" * 100_000,
    "ngày " * 100_000,
    "1" * 200_000,
    "năm " * 100_000,
    "2021-" * 50_000,
    "ngày" + " " * 100_000 + "1/1/2020",
    "(" * 10_000 + ")" * 10_000,
    "tháng " * 50_000,
    "quý I" * 50_000,
    "1." * 100_000,
    "Luật " * 50_000 + "2020",
    "Sáng 9/8 " * 30_000,
    "ngày 1 đến " * 30_000,
    "9/9 " * 50_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_inputs_give_well_formed_spans(text: str) -> None:
    """Their cost per character is measured by bench/worst_case.py, not here."""
    _assert_well_formed(text, find_dates(text))


def _assert_well_formed(text: str, spans: list[DateSpan]) -> None:
    """Spans lie in `text`, in order, without overlap, and each carries a number."""
    last_end = 0
    for span in spans:
        assert last_end <= span.start < span.end <= len(text)
        assert any(c.isdigit() for c in text[span.start : span.end])
        assert span.granularity in ("day", "month", "quarter", "year")
        last_end = span.end


_PIECES = st.sampled_from(
    ["ngày ", "tháng ", "năm ", "quý ", "IV", "/", "-", ".", ",", " ", "\n", "(", ")", "đến ", "Sáng ",
     "nhiệm kỳ ", "Luật ", "SN ", "1", "9", "12", "31", "2020", "1999", "20112020", "NĐ-CP", "x"]
)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_find_dates_never_raises_on_date_like_noise(text: str) -> None:
    _assert_well_formed(text, find_dates(text))


@given(st.text(max_size=200))
def test_find_dates_never_raises_on_any_text(text: str) -> None:
    _assert_well_formed(text, find_dates(text))
