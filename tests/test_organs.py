"""The organ grammar as a whole name: bodies, plenums, titles, joint issuers, signers, terms."""

from __future__ import annotations

import pytest

from partydocs.bodies import body_at, toneless
from partydocs.normalize import normalize
from partydocs.organs import match_organ, organ_ending_at, term_after


def organ(text: str) -> str | None:
    """The organ named after `của ` in `text`, as written."""
    norm = normalize(text).text
    found = match_organ(norm, norm.index("của ") + 4)
    return norm[found.start : found.end] if found else None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("của Bộ Chính trị về", "Bộ Chính trị"),
        ("của BỘ CHÍNH TRỊ VỀ", "BỘ CHÍNH TRỊ"),
        ("của bộ chính trị về", "bộ chính trị"),
        ("của BẠN BÍ THƯ về", "BẠN BÍ THƯ"),
        ("của Bàn Tổ chức Trũng ương,", "Bàn Tổ chức Trũng ương"),
        ("của đảng uỷ Công an Trung ương về", "đảng ủy Công an Trung ương"),
        ("của Ủy ban Thường vụ Quốc hội ban hành", "Ủy ban Thường vụ Quốc hội"),
        ("của Ủy ban Thường vụ\nQuốc hội ban hành", "Ủy ban Thường vụ\nQuốc hội"),
        ("của Chính phủ Quy định chi tiết", "Chính phủ"),
        ("của Ban Chấp hành Đảng bộ tỉnh khóa XIII", "Ban Chấp hành Đảng bộ tỉnh"),
        ("của Đảng ủy Quân khu 7 về", "Đảng ủy Quân khu 7"),
        ("của Ban Thường vụ Đảng ủy Sư đoàn 312 ngày", "Ban Thường vụ Đảng ủy Sư đoàn 312"),
        ("của Bộ Tư lệnh Quân khu IX", "Bộ Tư lệnh Quân khu IX"),
        ("của Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực về việc",
         "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực"),
        ("của BCĐ Trung ương về cải cách tư pháp ban hành", "BCĐ Trung ương về cải cách tư pháp"),
        ("của Ban Chỉ đạo tỉnh Nghệ An về phòng chống dịch", "Ban Chỉ đạo tỉnh Nghệ An"),
        ("của Bộ Chính trị, Ban Bí thư về", "Bộ Chính trị, Ban Bí thư"),
        ("của BỘ CHÍNH TRỊ, BẠN BÍ THƯ", "BỘ CHÍNH TRỊ, BẠN BÍ THƯ"),
        ("của Bộ Tư pháp và Bộ Nội vụ hướng dẫn", "Bộ Tư pháp và Bộ Nội vụ"),
        ("của Bộ Chính trị và Ban Bí thư", "Bộ Chính trị"),
        ("của Bộ Chính trị, Kế hoạch số 5", "Bộ Chính trị"),
        ("của Hội nghị lần thứ 5, Ban Chấp hành Trung ương Đảng khóa XIII",
         "Hội nghị lần thứ 5, Ban Chấp hành Trung ương Đảng"),
        ("của Hội nghị lần thứ sáu Ban chấp hành Trung ương (khóa XII)",
         "Hội nghị lần thứ sáu Ban chấp hành Trung ương"),
        ("của HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH TRUNG ƯƠNG", "HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH TRUNG ƯƠNG"),
        ("của Hội nghị Trung ương 6 khóa X", "Hội nghị Trung ương 6"),
        ("của Bộ trưởng Bộ Khoa học và Công nghệ ngày", "Bộ trưởng Bộ Khoa học và Công nghệ"),
        ("của Giám đốc Sở Nông nghiệp & Phát triển nông thôn tỉnh về",
         "Giám đốc Sở Nông nghiệp & Phát triển nông thôn tỉnh"),
        ("của Chủ tịch UBND tỉnh Bắc Giang.", "Chủ tịch UBND tỉnh Bắc Giang"),
    ],
)
def test_organ_names(text: str, name: str) -> None:
    assert organ(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "của các Sở, ngành",
        "của UBND các cấp",
        "của Trung ương",
        "của Hội nghị lần thứ năm tới",
        "của Hội nghị Trung ương năm 2020",
        "của Chủ tịch Hồ Chí Minh",
        "của bộ phận một cửa",
        "của Đảng bộ tỉnh",
    ],
)
def test_not_an_organ(text: str) -> None:
    assert organ(text) is None


def test_plenum_number_and_bodies() -> None:
    text = "của Hội nghị lần thứ mười hai Ban Chấp hành Trung ương Đảng, Bộ Chính trị khóa XIII"
    found = match_organ(text, 4)
    assert found is not None
    assert found.plenum == 12
    assert [text[s:e] for s, e in found.bodies] == ["Ban Chấp hành Trung ương Đảng", "Bộ Chính trị"]
    assert term_after(text, found.end) == (13, len(text))


@pytest.mark.parametrize(
    ("text", "term"),
    [(" khóa XIII", 13), (" (Khoá XII)", 12), (" KHÓA 9", 9), (" khoá\nXI,", 11), (" nhiệm kỳ 2020", None),
     (" khóa học", None)],
)
def test_term_after(text: str, term: int | None) -> None:
    found = term_after(normalize(text).text, 0)
    assert (found[0] if found else None) == term


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ngày 22/8/2025, Bộ Chính trị, Ban Bí thư ban hành", "Bộ Chính trị, Ban Bí thư"),
        ("Ban Thường vụ Huyện ủy Gia Lâm đã ban hành", "Ban Thường vụ Huyện ủy Gia Lâm"),
        ("theo đề nghị của Sở Y tế tại", "Sở Y tế"),
        ("Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm đã ký", "Bộ Chính trị"),
        ("T/M BAN CHẤP HÀNH TRUNG ƯƠNG, TỔNG BÍ THƯ NGUYỄN PHÚ TRỌNG ký", "BAN CHẤP HÀNH TRUNG ƯƠNG"),
        ("Tổ công tác đã ban hành", None),
        ("Thay mặt Bộ Chính trị, đồng chí Thường trực Ban Bí thư phát biểu; nhân dân đã", None),
    ],
)
def test_organ_ending_at(text: str, name: str | None) -> None:
    end = min(i for i in (text.find(w) for w in (" đã", " ký", " ban hành", " tại")) if i > 0)
    found = organ_ending_at(text, end)
    assert (text[found.start : found.end] if found else None) == name


def test_toneless_keeps_offsets_and_shape() -> None:
    assert toneless("BẠN BÍ THƯ, Ủy ban, Trũng ương") == "BAN BI THƯ, Uy ban, Trung ương"
    assert body_at("xem Bộ Y tế.", 4) == (4, 11)
    assert body_at("xem Bộ Y tế.", 5) is None
