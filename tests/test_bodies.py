"""partydocs.bodies: issuing bodies and organs, their level, place and province."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partydocs.bodies import BodySpan, find_bodies, province_of

Expected = tuple[str, "str | None", "str | None", "str | None"]
"""(the body as written in the text, level, place, province)."""


def spans(text: str, *expected: Expected) -> list[BodySpan]:
    """The spans `expected` describes, each found after the previous one in `text`."""
    result, pos = [], 0
    for written, level, place, province in expected:
        start = text.index(written, pos)
        pos = start + len(written)
        result.append(BodySpan(start, pos, " ".join(written.split()), level, place, province))
    return result


def test_offsets_and_fields_are_exact() -> None:
    text = "Ngày 3/5, Ban Thường vụ Huyện ủy Ba Bể đã ban hành kế hoạch."
    assert find_bodies(text) == [BodySpan(10, 38, "Ban Thường vụ Huyện ủy Ba Bể", "district", "Ba Bể", "Bắc Kạn")]


CENTRAL_PARTY = [
    ("Kết luận của Ban Chấp hành Trung ương khóa XIII", [("Ban Chấp hành Trung ương", "central", None, None)]),
    ("do Ban Chấp hành Trung ương Đảng ban hành", [("Ban Chấp hành Trung ương Đảng", "central", None, None)]),
    ("Nghị quyết của Ban chấp hành Trung ương", [("Ban chấp hành Trung ương", "central", None, None)]),
    ("Quy định của Ban Chấp hành T.Ư khóa 11", [("Ban Chấp hành T.Ư", "central", None, None)]),
    ("Ủy viên BCH TW Đảng", [("BCH TW Đảng", "central", None, None)]),
    ("Chỉ thị của Bộ Chính trị về", [("Bộ Chính trị", "central", None, None)]),
    ("NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ VỀ", [("BỘ CHÍNH TRỊ", "central", None, None)]),
    ("Kết luận của Ban Bí thư về", [("Ban Bí thư", "central", None, None)]),
    ("của Ban Bí thư Trung ương Đảng (khóa XII)", [("Ban Bí thư Trung ương Đảng", "central", None, None)]),
    ("Hướng dẫn của Ủy ban Kiểm tra Trung ương", [("Ủy ban Kiểm tra Trung ương", "central", None, None)]),
    ("Trưởng Ban Tổ chức Trung ương phát biểu", [("Ban Tổ chức Trung ương", "central", None, None)]),
    ("Chánh Văn phòng Trung ương Đảng.", [("Văn phòng Trung ương Đảng", "central", None, None)]),
    ("Hôm qua, Đảng ủy Khối các cơ quan Trung ương họp", [
        ("Đảng ủy Khối các cơ quan Trung ương", "central", None, None)]),
    ("thành viên Đảng đoàn MTTQ Việt Nam do", [("Đảng đoàn MTTQ Việt Nam", "central", None, None)]),
    ("Quân ủy Trung ương và Đảng ủy Công an Trung ương", [
        ("Quân ủy Trung ương", "central", None, None), ("Đảng ủy Công an Trung ương", "central", None, None)]),
]

CENTRAL_STATE = [
    ("Nghị định của Chính phủ về", [("Chính phủ", "central", None, None)]),
    ("Quyết định của Thủ tướng Chính phủ phê duyệt", [("Thủ tướng Chính phủ", "central", None, None)]),
    ("Thông tư của Văn phòng Chính phủ hướng dẫn", [("Văn phòng Chính phủ", "central", None, None)]),
    ("Luật do Quốc hội thông qua", [("Quốc hội", "central", None, None)]),
    ("Nghị quyết của Ủy ban Thường vụ Quốc hội", [("Ủy ban Thường vụ Quốc hội", "central", None, None)]),
    ("Thông tư của Bộ Xây dựng và Bộ Y tế", [
        ("Bộ Xây dựng", "central", None, None), ("Bộ Y tế", "central", None, None)]),
    ("của Bộ Văn hóa, Thể thao và Du lịch về", [("Bộ Văn hóa, Thể thao và Du lịch", "central", None, None)]),
    ("của Bộ Lao động - Thương binh và Xã hội", [("Bộ Lao động - Thương binh và Xã hội", "central", None, None)]),
    ("của Bộ Nông nghiệp và Môi trường; Bộ Nông nghiệp và Phát triển nông thôn", [
        ("Bộ Nông nghiệp và Môi trường", "central", None, None),
        ("Bộ Nông nghiệp và Phát triển nông thôn", "central", None, None)]),
    ("văn bản của Bộ GD&ĐT gửi", [("Bộ GD&ĐT", "central", None, None)]),
    ("Ban cán sự đảng Bộ Tư pháp", [("Ban cán sự đảng Bộ Tư pháp", "central", None, None)]),
]

PROVINCE = [
    ("Tỉnh ủy Lào Cai đã ban hành", [("Tỉnh ủy Lào Cai", "province", "Lào Cai", "Lào Cai")]),
    ("Ban Thường vụ Thành ủy Hà Nội làm việc", [("Ban Thường vụ Thành ủy Hà Nội", "province", "Hà Nội", "Hà Nội")]),
    ("Kế hoạch của Ban Thường vụ Tỉnh ủy; ", [("Ban Thường vụ Tỉnh ủy", "province", None, None)]),
    ("Ban Tuyên giáo Tỉnh ủy Trà Vinh đề nghị", [
        ("Ban Tuyên giáo Tỉnh ủy Trà Vinh", "province", "Trà Vinh", "Trà Vinh")]),
    ("Quyết định của UBND tỉnh về việc", [("UBND tỉnh", "province", None, None)]),
    ("do Ủy ban nhân dân tỉnh Bắc Giang ban hành", [
        ("Ủy ban nhân dân tỉnh Bắc Giang", "province", "Bắc Giang", "Bắc Giang")]),
    ("của UBND tỉnh Long An về việc", [("UBND tỉnh Long An", "province", "Long An", "Long An")]),
    ("Chủ tịch HĐND tỉnh phát biểu", [("HĐND tỉnh", "province", None, None)]),
    ("Nghị quyết của Hội đồng nhân dân tỉnh Trà Vinh", [
        ("Hội đồng nhân dân tỉnh Trà Vinh", "province", "Trà Vinh", "Trà Vinh")]),
    ("theo đề nghị của Sở Y tế và Sở Xây dựng", [
        ("Sở Y tế", "province", None, None), ("Sở Xây dựng", "province", None, None)]),
    ("Giám đốc Sở Thông tin và Truyền thông tỉnh Bắc Giang", [
        ("Sở Thông tin và Truyền thông tỉnh Bắc Giang", "province", "Bắc Giang", "Bắc Giang")]),
    ("Báo cáo của Ban cán sự đảng UBND tỉnh và", [("Ban cán sự đảng UBND tỉnh", "province", None, None)]),
    ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nQUYẾT ĐỊNH", [
        ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "province", "BẮC KẠN", "Bắc Kạn")]),
    ("TỈNH ỦY THỪA THIÊN HUẾ\n", [("TỈNH ỦY THỪA THIÊN HUẾ", "province", "THỪA THIÊN HUẾ", "Huế")]),
    ("Văn bản của Thành ủy TP.HCM gửi", [("Thành ủy TP.HCM", "province", "HCM", "Hồ Chí Minh")]),
    ("Ban Chấp hành Đảng bộ tỉnh Tiền Giang khóa X", [
        ("Ban Chấp hành Đảng bộ tỉnh Tiền Giang", "province", "Tiền Giang", "Tiền Giang")]),
    ("Trưởng Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Bắc Ninh về", [
        ("Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Bắc Ninh", "province", "Bắc Ninh", "Bắc Ninh")]),
]

DISTRICT = [
    ("Huyện ủy Ba Bể tổ chức hội nghị", [("Huyện ủy Ba Bể", "district", "Ba Bể", "Bắc Kạn")]),
    ("như: Ủy ban Kiểm tra Huyện ủy thi hành kỷ luật", [("Ủy ban Kiểm tra Huyện ủy", "district", None, None)]),
    ("Quyết định của UBND huyện Định Hóa", [("UBND huyện Định Hóa", "district", "Định Hóa", "Thái Nguyên")]),
    ("Thành ủy Lào Cai (thành phố thuộc tỉnh)", [("Thành ủy Lào Cai", "district", "Lào Cai", "Lào Cai")]),
    ("UBND thành phố Đà Lạt", [("UBND thành phố Đà Lạt", "district", "Đà Lạt", "Lâm Đồng")]),
    ("Quận ủy Hoàn Kiếm", [("Quận ủy Hoàn Kiếm", "district", "Hoàn Kiếm", "Hà Nội")]),
]

COMMUNE_AND_UNIT = [
    ("Đảng ủy xã Khang Ninh họp", [("Đảng ủy xã Khang Ninh", "commune", "Khang Ninh", "Bắc Kạn")]),
    ("UBND phường Điện Bàn Bắc", [("UBND phường Điện Bàn Bắc", "commune", "Điện Bàn Bắc", "Đà Nẵng")]),
    ("Đảng ủy phường 5 họp", [("Đảng ủy phường 5", "commune", "5", None)]),
    ("Sinh hoạt của Chi bộ thôn Bản Cám, xã Cao Thượng", [("Chi bộ thôn Bản Cám", "unit", "Bản Cám", None)]),
    ("Bí thư Chi bộ đã", [("Chi bộ", "unit", None, None)]),
]

OTHERS = [
    ("Ban Chỉ đạo 35 Trung ương họp", [("Ban Chỉ đạo 35 Trung ương", "central", None, None)]),
    ("Ban Chỉ đạo Tây Nguyên và", [("Ban Chỉ đạo Tây Nguyên", "central", None, None)]),
    ("Ủy ban Kiểm tra (UBKT) Tỉnh ủy tổ chức", [("Ủy ban Kiểm tra (UBKT) Tỉnh ủy", "province", None, None)]),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Long An", [
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Long An", "province", "Long An", "Long An")]),
    ("Ban Thường vụ đã thống nhất", [("Ban Thường vụ", None, None, None)]),
    ("Đoàn đại biểu Quốc hội tỉnh Long An", [
        ("Đoàn đại biểu Quốc hội tỉnh Long An", "province", "Long An", "Long An")]),
    ("Viện kiểm sát nhân dân tối cao và TAND tỉnh", [
        ("Viện kiểm sát nhân dân tối cao", "central", None, None), ("TAND tỉnh", "province", None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), CENTRAL_PARTY + CENTRAL_STATE + PROVINCE + DISTRICT
                         + COMMUNE_AND_UNIT + OTHERS)
def test_bodies(text: str, expected: list[Expected]) -> None:
    assert find_bodies(text) == spans(text, *expected)


WRITTEN_FORMS = [
    ("hard-wrapped", "của Ủy\nban nhân dân tỉnh Bắc Giang", "Ủy\nban nhân dân tỉnh Bắc Giang"),
    ("header on two lines", "ỦY BAN NHÂN DÂN\nTỈNH LONG AN\n\nSố: 14", "ỦY BAN NHÂN DÂN\nTỈNH LONG AN"),
    ("glued inside", "Giao cho Ủyban nhân dân tỉnh Long An", "Ủyban nhân dân tỉnh Long An"),
    ("glued before", "Chỉ thị củaBộ Chính trị", "Bộ Chính trị"),
    ("double spaces", "Tỉnh ủy  Lào Cai đã", "Tỉnh ủy  Lào Cai"),
]


@pytest.mark.parametrize(("case", "text", "written"), WRITTEN_FORMS)
def test_written_forms(case: str, text: str, written: str) -> None:
    [body] = find_bodies(text)
    start = text.index(written)
    assert (body.start, body.end, body.name) == (start, start + len(written), " ".join(written.split())), case


def test_name_collapses_whitespace() -> None:
    [body] = find_bodies("Ban  Thường\nvụ Tỉnh ủy")
    assert body.name == "Ban Thường vụ Tỉnh ủy"


def test_place_stops_before_a_person() -> None:
    text = "Bí thư Tỉnh ủy Nguyễn Văn An, Chủ tịch HĐND tỉnh Trần Thị Bình"
    assert find_bodies(text) == spans(text, ("Tỉnh ủy", "province", None, None), ("HĐND tỉnh", "province", None, None))


def test_ambiguous_commune_is_settled_by_the_passage() -> None:
    alone = "Đảng ủy xã Quảng Khê thi hành kỷ luật"
    assert find_bodies(alone) == spans(alone, ("Đảng ủy xã Quảng Khê", "commune", "Quảng Khê", None))
    text = "Huyện ủy Ba Bể chỉ đạo; Đảng ủy xã Quảng Khê thi hành kỷ luật"
    assert find_bodies(text)[1] == spans(text, ("Đảng ủy xã Quảng Khê", "commune", "Quảng Khê", "Bắc Kạn"))[0]


def test_longest_match_is_one_mention() -> None:
    text = "Ủy ban Kiểm tra Huyện ủy Ba Bể và Văn phòng Ủy ban nhân dân tỉnh"
    assert [b.name for b in find_bodies(text)] == ["Ủy ban Kiểm tra Huyện ủy Ba Bể", "Văn phòng Ủy ban nhân dân tỉnh"]


def test_person_title_is_not_part_of_the_body() -> None:
    text = "Phó Thủ tướng Chính phủ Trần Văn An"
    assert find_bodies(text) == spans(text, ("Chính phủ", "central", None, None))


NOT_BODIES = [
    "các cấp ủy, cấp ủy đảng các cấp tiếp tục lãnh đạo",
    "các sở, ban, ngành; các Sở, ngành tỉnh",
    "huyện ủy, thành ủy và đảng ủy trực thuộc",
    "Nghị quyết Đại hội XIII của Đảng",
    "Đại hội Đảng bộ tỉnh lần thứ XVII",
    "các nghị quyết của Trung ương",
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015",
    "Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003",
    "Số: 1234/QĐ-UBND ngày 5/3/2020; Công văn số 12/UBND-VP",
    "Chủ tịch Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm",
    "công tác nhân sự HĐND và UBND các cấp",
    "Ủy ban nhân dân cấp tỉnh quy định",
    "Tuyên huấn các Đảng ủy trực thuộc",
    "thành lập Ban Chỉ đạo.",
    "Ban hành kèm theo Quyết định này",
    "",
]


@pytest.mark.parametrize("text", NOT_BODIES)
def test_not_bodies(text: str) -> None:
    assert find_bodies(text) == []


def test_coordinated_generic_heads_go_together() -> None:
    text = "lãnh đạo HĐND, UBND, Đoàn đại biểu Quốc hội tỉnh"
    assert [b.name for b in find_bodies(text)] == ["HĐND", "UBND", "Đoàn đại biểu Quốc hội tỉnh"]


PROVINCES = [
    ("Ba Bể", "Bắc Kạn"),
    ("huyện Ba Bể", "Bắc Kạn"),
    ("Bắc Kạn", "Bắc Kạn"),
    ("tỉnh Bắc Kạn", "Bắc Kạn"),
    ("BẮC KẠN", "Bắc Kạn"),
    ("Thái Nguyên", "Thái Nguyên"),
    ("xã Khang Ninh", "Bắc Kạn"),
    ("Hiệp Đức", "Quảng Nam"),
    ("phường Điện Bàn Bắc", "Đà Nẵng"),
    ("Thừa Thiên Huế", "Huế"),
    ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
    ("Buôn Ma Thuột", "Đắk Lắk"),
    ("Quảng Khê", None),
    ("Châu Thành", None),
    ("thôn Bản Cám", None),
    ("Xyz", None),
    ("", None),
]


@pytest.mark.parametrize(("place", "province"), PROVINCES)
def test_province_of(place: str, province: str | None) -> None:
    assert province_of(place) == province


def check(text: str) -> None:
    """find_bodies's invariants: ordered, non-overlapping, in bounds, `name` is the written text."""
    end = 0
    for body in find_bodies(text):
        assert end <= body.start < body.end <= len(text)
        assert body.name == " ".join(text[body.start : body.end].split())
        assert body.place is None or body.place in body.name
        end = body.end


PIECES = [*"BanỦyủbUNDHĐTỉnhuyệnTrungươgBộChíp xãthôLàoCi,.-/(\n", "Ủy ban ", "Tỉnh ủy ", "Huyện ủy Ba Bể",
          "Ban Thường vụ ", "UBND tỉnh ", "các ", "Bộ Y tế", "T.Ư", "Đảng ủy ", "Quảng Khê", "(UBKT) ", "QĐ-"]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_never_raises_on_body_like_text(text: str) -> None:
    check(text)


@given(st.text(max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    check(text)


HOSTILE = ["của Ban " * 20000, "Ủy ban " * 20000, "Ban Thường vụ " * 5000, "Ban Chỉ đạo a, " * 10000,
           "Tỉnh ủy " + "A" * 200000, " " * 200000 + "Bộ", "UBND xã " * 10000, "A-" * 100000, "\n" * 100000]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_read_safely(text: str) -> None:
    """Its cost per character is measured by bench/worst_case.py, not here."""
    check(text)


def test_import_does_not_load_underthesea() -> None:
    code = "import sys, partydocs.bodies; print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
