"""Rule-by-rule examples of named references, short forms and aliases, anaphora and issuer codes."""

from __future__ import annotations

import datetime

import pytest

import partydocs
from partydocs import Reference


def refs(text: str) -> list[Reference]:
    return partydocs.extract(text).references


# --- named references ------------------------------------------------------------------------


def test_plenum_resolution_with_one_reference_per_term() -> None:
    text = "thực hiện Nghị quyết Trung ương 4 (khóa XI, XII), gắn với học tập"
    first, second = refs(text)
    assert first.text == second.text == "Nghị quyết Trung ương 4 (khóa XI, XII)"
    assert (first.kind, first.doc_type, first.plenum, first.term) == ("named", "Nghị quyết", 4, 11)
    assert (second.plenum, second.term) == (4, 12)


@pytest.mark.parametrize(
    ("text", "mention", "plenum", "term"),
    [
        ("Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng", "Nghị quyết Trung ương 4 khóa XII", 4, 12),
        ("Nghị quyết Hội nghị Trung ương 8 khóa XI về", "Nghị quyết Hội nghị Trung ương 8 khóa XI", 8, 11),
        ("học tập Nghị quyết TW4 trong chi bộ", "Nghị quyết TW4", 4, None),
        ("kết quả thực hiện NQTW4 ở cơ sở", "NQTW4", 4, None),
        ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về",
         "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", 4, 12),
        ("Nghị quyết Hội nghị lần thứ mười hai Ban Chấp hành Trung ương, khóa XII;",
         "Nghị quyết Hội nghị lần thứ mười hai Ban Chấp hành Trung ương, khóa XII", 12, 12),
        ("Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương khóa XIII",
         "Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương khóa XIII", 8, 13),
    ],
)
def test_plenum_forms(text: str, mention: str, plenum: int, term: int | None) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.plenum, ref.term, ref.kind, ref.code) == (mention, plenum, term, "named", None)


@pytest.mark.parametrize(
    ("text", "mention", "congress"),
    [
        ("cụ thể hóa Nghị quyết Đại hội XIII của Đảng; đẩy mạnh", "Nghị quyết Đại hội XIII của Đảng", 13),
        ("quán triệt Nghị quyết Đại hội\nXIII của Đảng; đẩy mạnh", "Nghị quyết Đại hội\nXIII của Đảng", 13),
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng đã chỉ rõ",
         "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XII của Đảng", 12),
        ("thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ",
         "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI", 16),
        ("triển khai Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025.",
         "Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025", None),
    ],
)
def test_congress_resolutions(text: str, mention: str, congress: int | None) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.doc_type, ref.congress, ref.kind) == (mention, "Nghị quyết", congress, "named")


@pytest.mark.parametrize(
    ("text", "mention", "doc_type", "date", "granularity"),
    [
        ("Căn cứ Hiến pháp năm 2013;", "Hiến pháp năm 2013", "Hiến pháp", datetime.date(2013, 1, 1), "year"),
        ("theo Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992;",
         "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992", "Hiến pháp", datetime.date(1992, 1, 1), "year"),
        ("vi phạm Luật Thủy sản… Đồng thời", "Luật Thủy sản", "Luật", None, None),
        ("thi hành Luật Đất đai năm 2024, các xã", "Luật Đất đai năm 2024", "Luật", datetime.date(2024, 1, 1), "year"),
        ("theo Bộ luật Hình sự.", "Bộ luật Hình sự", "Bộ luật", None, None),
        ("Căn cứ Luật Xây dựng ngày 18/6/2014;", "Luật Xây dựng", "Luật", datetime.date(2014, 6, 18), "day"),
        ("Căn cứ Luật Phòng, chống tham nhũng 2018;", "Luật Phòng, chống tham nhũng 2018", "Luật",
         datetime.date(2018, 1, 1), "year"),
        ("Căn cứ Điều lệ Đảng;", "Điều lệ Đảng", "Điều lệ", None, None),
        ("Pháp lệnh Ưu đãi người có công với cách mạng năm 2020;",
         "Pháp lệnh Ưu đãi người có công với cách mạng năm 2020", "Pháp lệnh", datetime.date(2020, 1, 1), "year"),
        ("Luật Đất đai có hiệu lực từ", "Luật Đất đai", "Luật", None, None),
    ],
)
def test_laws_constitution_and_statute(
    text: str, mention: str, doc_type: str, date: datetime.date | None, granularity: str | None
) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.doc_type, ref.date, ref.date_granularity, ref.kind) == (
        mention, doc_type, date, granularity, "named"
    )


def test_laws_named_inside_an_amending_law_count_separately() -> None:
    text = ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
            "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;")
    found = refs(text)
    assert [r.text for r in found] == [
        "Luật Tổ chức Chính phủ",
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
        "Luật Tổ chức Chính phủ",
        "Luật Tổ chức chính quyền địa phương",
    ]
    assert found[1].date == datetime.date(2019, 11, 22)
    assert (found[2].date, found[2].antecedent) == (datetime.date(2015, 6, 19), 0)
    assert found[3].date is None


@pytest.mark.parametrize(
    ("text", "mention", "numbers"),
    [
        ("quán triệt các Nghị quyết số 29, 30 của Bộ Chính trị", "Nghị quyết số 29, 30", ["29", "30"]),
        ("thực hiện Chỉ thị 05 và 06 trong toàn Đảng bộ", "Chỉ thị 05 và 06", ["05", "06"]),
        ("các Nghị quyết số 29, 30 và 31.", "Nghị quyết số 29, 30 và 31", ["29", "30", "31"]),
    ],
)
def test_listed_numbers_without_a_code_give_one_reference_each(text: str, mention: str, numbers: list[str]) -> None:
    found = refs(text)
    assert [(r.text, r.number, r.kind) for r in found] == [(mention, n, "named") for n in numbers]
    assert len({r.issuer for r in found}) == 1


@pytest.mark.parametrize("text", ["Hiến pháp 2013", "Căn cứ Hiến pháp năm 2013;", "Luật Đất đai 2024"])
def test_a_year_after_a_name_is_not_a_second_numbered_reference(text: str) -> None:
    (ref,) = refs(text)
    assert (ref.number, ref.date_granularity) == (None, "year")


@pytest.mark.parametrize(
    ("text", "mention", "doc_type", "number"),
    [
        ("thực hiện Chỉ thị 05 trong toàn Đảng bộ", "Chỉ thị 05", "Chỉ thị", "05"),
        ("Tổ trưởng Tổ thực hiện Đề án 30 của tỉnh", "Đề án 30", "Đề án", "30"),
        ("nội dung Nghị quyết số 29 về Chiến lược", "Nghị quyết số 29", "Nghị quyết", "29"),
    ],
)
def test_numbered_type_word_without_any_code(text: str, mention: str, doc_type: str, number: str) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.kind, ref.doc_type, ref.number, ref.code) == (mention, "named", doc_type, number, None)


def test_numbered_named_reference_reads_its_tail() -> None:
    (ref,) = refs("Điều 13 Quyết định 244, ngày 9.6.2014 của Ban Chấp hành T.Ư khoá 11 về việc")
    assert (ref.number, ref.date, ref.issuer, ref.term) == ("244", datetime.date(2014, 6, 9), "Ban Chấp hành T.Ư", 11)


@pytest.mark.parametrize(
    "text",
    ["Nghị quyết 57 ngày 22/12/2024 của Bộ Chính trị về", "Nghị quyết 57 ngày 22 tháng 12 năm 2024 của Bộ Chính trị"],
)
def test_numbered_name_dated_by_ngay(text: str) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.number, ref.issuer) == ("Nghị quyết 57", "57", "Bộ Chính trị")
    assert ref.date == datetime.date(2024, 12, 22)


@pytest.mark.parametrize(
    "text",
    [
        "quán triệt các nghị quyết của Trung ương, của tỉnh",
        "triển khai các chỉ thị, nghị quyết của cấp trên",
        "xây dựng Kế hoạch 5 năm và Chương trình 3 tháng",
        "thực hiện Kế hoạch 100 ngày đêm và Chương trình 2 năm 2023 - 2025",
        "thực hiện Chương trình 1 triệu tấn cá và Đề án 3 vùng kinh tế",
        "tăng Chương trình 29, 30 người",
        "nghiêm túc chấp hành kỷ luật của Đảng và pháp luật của Nhà nước",
        "Đại hội XIV của Đảng sẽ diễn ra",
        "Luật này có hiệu lực từ ngày ký",
        "tuân thủ Hiến pháp và pháp luật",
        "Luật sư Nguyễn Văn An cho biết",
        "Công ty Luật Minh An tư vấn",
        "sinh viên Khoa Luật Kinh tế",
    ],
)
def test_not_named_references(text: str) -> None:
    assert refs(text) == []


# --- short forms and aliases ---------------------------------------------------------------------


def test_alias_defined_in_the_text() -> None:
    text = ("Kết luận số 12-KL/TW ngày 24-10-2011 của Bộ Chính trị, khóa XI (sau đây gọi tắt là Kết luận 12). "
            "Quá trình thực hiện Kết luận 12 còn khó khăn.")
    full, alias, later = refs(text)
    assert (alias.text, alias.code, alias.antecedent) == ("Kết luận 12", "12-KL/TW", 0)
    assert (later.antecedent, later.issuer, later.term) == (1, "Bộ Chính trị", 11)
    assert later.date == datetime.date(2011, 10, 24)
    assert full.term == 11


def test_abbreviated_short_form() -> None:
    text = "Nghị quyết số 21-NQ/TW ngày 16/1/2012 của Bộ Chính trị về công tác; NQ21 đã đi vào cuộc sống."
    _, short = refs(text)
    assert (short.text, short.code, short.antecedent, short.issuer) == ("NQ21", "21-NQ/TW", 0, "Bộ Chính trị")


def test_short_form_follows_the_latest_document_of_that_number() -> None:
    text = ("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về học tập. "
            "Chỉ thị số 05-CT/HU ngày 2/6/2016 của Huyện ủy về tổ chức. Chỉ thị 05 yêu cầu các chi bộ.")
    *_, short = refs(text)
    assert (short.code, short.antecedent, short.issuer) == ("05-CT/HU", 1, "Huyện ủy")


# --- anaphora -----------------------------------------------------------------------------------


def test_anaphora_point_to_the_nearest_earlier_reference_of_their_type() -> None:
    text = ("Kế hoạch số 82-KH/TU ngày 20/01/2022 của Ban Thường vụ Tỉnh ủy về tuyên truyền. "
            "Kế hoạch trên yêu cầu các huyện; Chỉ thị nói trên chưa có.")
    result = partydocs.extract(text)
    assert len(result.references) == 1
    plan, directive = result.anaphora
    assert (plan.text, plan.doc_type, plan.antecedent) == ("Kế hoạch trên", "Kế hoạch", 0)
    assert (directive.text, directive.doc_type, directive.antecedent) == ("Chỉ thị nói trên", "Chỉ thị", None)
    assert text[plan.start : plan.end] == plan.text


def test_nay_points_to_the_documents_own_number() -> None:
    text = ("Số: 812/QĐ-UBND\nCao Bằng, ngày 14 tháng 6 năm 2022\nQUYẾT ĐỊNH\nCăn cứ Quyết định số 374/QĐ-TTg "
            "ngày 17/3/2014 của Thủ tướng Chính phủ;\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    (anaphor,) = partydocs.extract(text).anaphora
    assert (anaphor.text, anaphor.antecedent) == ("Quyết định này", 0)


# --- issuer from the code -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer_from_code"),
    [
        ("Kết luận số 21-KL/TW", "Trung ương"),
        ("Kế hoạch số 82-KH/TU", "Tỉnh ủy"),
        ("Kế hoạch số 111-KH/HU", "Huyện ủy"),
        ("Nghị định số 30/2020/NĐ-CP", "Chính phủ"),
        ("Chỉ thị số 10/CT-TTg", "Thủ tướng Chính phủ"),
        ("Hướng dẫn số 21-HD/BTGTW", "Ban Tuyên giáo Trung ương"),
        ("Luật số 45/2019/QH14", "Quốc hội"),
    ],
)
def test_issuer_from_code(text: str, issuer_from_code: str) -> None:
    (ref,) = refs(text)
    assert ref.issuer_from_code == issuer_from_code
    assert ref.issuer is None


# --- bodies and the issuer's body ----------------------------------------------------------------


def test_bodies_are_reported_and_the_issuer_links_to_its_body() -> None:
    text = "Kế hoạch số 111-KH/HU ngày 09/3/2022 của Ban Thường vụ Huyện ủy Ba Bể về đẩy mạnh xây dựng Đảng."
    result = partydocs.extract(text)
    (body,) = result.bodies
    assert (body.text, body.level, body.place, body.province) == (
        "Ban Thường vụ Huyện ủy Ba Bể", "district", "Ba Bể", "Bắc Kạn"
    )
    assert text[body.start : body.end] == body.text
    assert result.references[0].issuer_body == 0


def test_issuer_body_is_none_without_a_written_issuer() -> None:
    result = partydocs.extract("Thực hiện Kết luận số 21-KL/TW, Bộ Chính trị yêu cầu.")
    assert result.references[0].issuer_body is None
    assert [b.name for b in result.bodies] == ["Bộ Chính trị"]


# --- documents picked out by their title ----------------------------------------------------------


def test_title_with_issuer_and_subject() -> None:
    (ref,) = refs("Chỉ thị của Ban Bí thư về việc tổ chức Tết Nguyên đán năm 2024\n\nTin khác")
    assert (ref.kind, ref.doc_type, ref.issuer) == ("named", "Chỉ thị", "Ban Bí thư")
    assert ref.subject == "việc tổ chức Tết Nguyên đán năm 2024"


def test_regulation_issued_by_a_decision() -> None:
    text = "Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý chất lượng công trình trên địa bàn tỉnh."
    named = [r for r in refs(text) if r.kind == "named"]
    assert [(r.text, r.doc_type) for r in named] == [
        ("Quy định quản lý chất lượng công trình trên địa bàn tỉnh", "Quy định")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "thực hiện các Chỉ thị của Ban Bí thư về công tác cán bộ",
        "Ban hành Quy định số 37-QĐ/TW về",
        "chỉ thị của cấp trên về phòng dịch",
    ],
)
def test_not_titles(text: str) -> None:
    assert all(r.kind != "named" for r in refs(text))
