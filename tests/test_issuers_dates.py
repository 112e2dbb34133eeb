"""Issuers read with the organ grammar, and issue dates written away from the code: positive and negative."""

from __future__ import annotations

import datetime

import pytest

import partydocs
from partydocs import Reference


def first(text: str) -> Reference:
    return partydocs.extract(text).references[0]


# --- issuers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer", "term"),
    [
        ("Nghị quyết số 76/2025/UBTVQH15 của Ủy ban Thường vụ Quốc hội về sắp xếp", "Ủy ban Thường vụ Quốc hội", None),
        ("Nghị định số 145/2013/NĐ-CP ngày 29/10/2013 của Chính phủ Quy định về", "Chính phủ", None),
        ("Kết luận số 137-KL/TW ngày 28/3/2025 của Bộ Chính trị, Ban Bí thư về Đề án",
         "Bộ Chính trị, Ban Bí thư", None),
        ("Kết luận số 137-KL/TW ngày 28/3/2025 của của Bộ Chính trị về", "Bộ Chính trị", None),
        ("KẾT LUẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ, BẠN BÍ THƯ VỀ", "BỘ CHÍNH TRỊ, BAN BÍ THƯ", None),
        ("Nghị quyết số 18-NQ/TW củá Bạn Chấp hành Trúng ương Đảng khỏá XII và", "Ban Chấp hành Trung ương Đảng", 12),
        ("Nghị quyết số 12-NQ/ĐU của đảng ủy Công an Trung ương về", "đảng ủy Công an Trung ương", None),
        ("Chỉ thị số 03-CT/ĐU của Đảng ủy Quân khu 7 về", "Đảng ủy Quân khu 7", None),
        ("Hướng dẫn 25-HD/BCĐTW của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực về một số nội dung",
         "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực", None),
        ("Nghị quyết số 26-NQ/TU của Ban Chấp hành Đảng bộ tỉnh khóa XIII về", "Ban Chấp hành Đảng bộ tỉnh", 13),
        ("Hội nghị lần thứ 5, Ban Chấp hành Trung ương Đảng - khóa XIII, đã ban hành Nghị quyết số 21-NQ/TW về",
         "Hội nghị lần thứ 5, Ban Chấp hành Trung ương Đảng", 13),
        ("Công văn 285/CCTTHC của Tổ công tác chuyên trách cải cách thủ tục hành chính của Thủ tướng Chính phủ về",
         "Tổ công tác chuyên trách cải cách thủ tục hành chính của Thủ tướng Chính phủ", None),
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị. Ban Bí thư chỉ đạo", "Bộ Chính trị", None),
        ("Kế hoạch số 20-KH/TU của các cấp ủy về", None, None),
    ],
)
def test_issuer_and_term(text: str, issuer: str | None, term: int | None) -> None:
    """Issuers are printed from the normalised text, where stray tone marks are already repaired."""
    ref = first(text)
    assert (ref.issuer, ref.term) == (issuer, term)


# --- issue dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "granularity"),
    [
        ("Quy định 69-QĐ/TW năm 2022 về kỷ luật do Ban Chấp hành Trung ương ban hành ngày 06/7/2022.",
         datetime.date(2022, 7, 6), "day"),
        ("Luật số 24/2018/QH14 về an ninh mạng được Quốc hội thông qua ngày 12/6/2018.",
         datetime.date(2018, 6, 12), "day"),
        ("Quy định 69-QĐ/TW năm 2022 về kỷ luật. Hội nghị ban hành ngày 06/7/2023 một văn bản khác.",
         datetime.date(2022, 1, 1), "year"),
        ("Quy định 69-QĐ/TW năm 2021 về kỷ luật do Ban Chấp hành Trung ương ban hành ngày 06/7/2022.",
         datetime.date(2021, 1, 1), "year"),
        ("Ngày 14/4/2025, Tổng Bí thư Tô Lâm thay mặt Bộ Chính trị ký ban hành Chỉ thị số 45-CT/TW về đại hội",
         datetime.date(2025, 4, 14), "day"),
        ("Ngày 22/11/2022, Ủy ban Kiểm tra Trung ương ban hành Hướng dẫn 05-HD/UBKTTW năm 2022 thực hiện",
         datetime.date(2022, 11, 22), "day"),
        ("Ngày 22/8/2025, Bộ Chính trị, Ban Bí thư ban hành Kết luận số 185-KL/TW về",
         datetime.date(2025, 8, 22), "day"),
        ("Sáng 22/8/2025, tại hội nghị, đồng chí Bí thư nhấn mạnh, Tỉnh ủy đã ban hành Kế hoạch số 5-KH/TU",
         None, None),
        ("Ngày 10/3/2023, hội nghị diễn ra. Tỉnh ủy đã ban hành Kế hoạch số 5-KH/TU", None, None),
    ],
)
def test_issue_date(text: str, date: datetime.date | None, granularity: str | None) -> None:
    ref = first(text)
    assert (ref.date, ref.date_granularity) == (date, granularity)


@pytest.mark.parametrize(
    ("text", "date", "is_header"),
    [
        ("ỦY BAN THƯỜNG VỤ QUỐC HỘI\n\nNghị quyết số: 653/2019/UBTVQH14\n\nHà Nội, ngày 12 tháng 3 năm 2019\n",
         datetime.date(2019, 3, 12), True),
        ("Căn cứ Nghị quyết số: 653/2019/UBTVQH14 về sắp xếp;\nHà Nội, ngày 12 tháng 3 năm 2019\n", None, False),
        ("Nghị quyết số 653/2019/UBTVQH14\nHà Nội, ngày 12 tháng 3 năm 2019\n", None, False),
    ],
)
def test_typed_header_line(text: str, date: datetime.date | None, is_header: bool) -> None:
    ref = first(text)
    assert (ref.date, ref.is_header) == (date, is_header)
