"""Relations a sentence states between two references: each type with positive and negative examples."""

from __future__ import annotations

import pytest

import partydocs

Stated = tuple[str, str, str, str]


def stated(text: str) -> list[Stated]:
    """(source text, target text, type, cue text) of each relation found in `text`."""
    doc = partydocs.extract(text)
    for relation in doc.relations:
        assert text[relation.cue.start : relation.cue.end] == relation.cue.text
    return [(doc.references[r.source].text, doc.references[r.target].text, r.type, r.cue.text) for r in doc.relations]


def test_a_plan_implementing_three_documents_gives_three_relations() -> None:
    text = ("Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số 111-KH/HU ngày 09/3/2022 thực hiện Kết luận số 21-KL/TW "
            "của Ban Chấp hành Trung ương, Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị và Quy định số "
            "37-QĐ/TW.")
    assert stated(text) == [
        ("Kế hoạch số 111-KH/HU", "Kết luận số 21-KL/TW", "implements", "thực hiện"),
        ("Kế hoạch số 111-KH/HU", "Chỉ thị số 05-CT/TW", "implements", "thực hiện"),
        ("Kế hoạch số 111-KH/HU", "Quy định số 37-QĐ/TW", "implements", "thực hiện"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Huyện ủy Ba Bể đã ban hành Kế hoạch số "
         "12-KH/HU ngày 3/6/2016.", [("Kế hoạch số 12-KH/HU", "Chỉ thị số 05-CT/TW", "implements", "Thực hiện")]),
        ("Tỉnh ủy ban hành Kế hoạch số 69-KH/TU ngày 17/3/2017 về triển khai thực hiện Chỉ thị số 10-CT/TW trên "
         "địa bàn tỉnh.", [("Kế hoạch số 69-KH/TU", "Chỉ thị số 10-CT/TW", "implements", "về triển khai thực hiện")]),
        ("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW.",
         [("Kết luận số 01-KL/TW", "Chỉ thị số 05-CT/TW", "implements", "về tiếp tục thực hiện")]),
        ("Chương trình hành động số 147-CTr/TU của Tỉnh ủy quán triệt Nghị quyết số 37-NQ/TW.",
         [("Chương trình hành động số 147-CTr/TU", "Nghị quyết số 37-NQ/TW", "implements", "quán triệt")]),
        ("Kế hoạch số 25-KH/TU ngày 30/11/2016 của Ban Thường vụ Tỉnh ủy cụ thể hóa Kết luận số 100-KL/TW.",
         [("Kế hoạch số 25-KH/TU", "Kết luận số 100-KL/TW", "implements", "cụ thể hóa")]),
    ],
)
def test_implements(text: str, expected: list[Stated]) -> None:
    assert stated(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kế hoạch số 111-KH/HU được ban hành. Huyện tiếp tục thực hiện Kết luận số 21-KL/TW.",  # another sentence
        "Hội nghị tổng kết Chỉ thị số 05-CT/TW được tổ chức theo Kế hoạch số 12-KH/HU.",  # people's action
        "Sau 5 năm thực hiện Chỉ thị số 05-CT/TW, Kế hoạch số 12-KH/HU vẫn còn hiệu lực.",
        "Kết luận số 21-KL/TW gắn với thực hiện Kết luận số 01-KL/TW trong toàn Đảng bộ.",  # no citation continued
        "Kế hoạch số 12-KH/HU và Chỉ thị số 05-CT/TW được phổ biến.",  # two references, no cue
    ],
)
def test_no_relation_without_a_cue_tying_two_documents(text: str) -> None:
    assert stated(text) == []


def test_guides() -> None:
    assert stated("Thông tư số 09/2007/TT-BKHCN ngày 06/4/2007 của Bộ Khoa học và Công nghệ hướng dẫn thi hành một "
                  "số điều của Nghị định số 89/2006/NĐ-CP ngày 30/8/2006 của Chính phủ.") == [
        ("Thông tư số 09/2007/TT-BKHCN", "Nghị định số 89/2006/NĐ-CP", "guides", "hướng dẫn thi hành")]
    assert stated("Hướng dẫn số 02-HD/TW ngày 09/12/2021 của Ban Bí thư về thực hiện một số nội dung Quy định số "
                  "22-QĐ/TW.") == [("Hướng dẫn số 02-HD/TW", "Quy định số 22-QĐ/TW", "guides", "về thực hiện")]
    assert stated("Hướng dẫn số 02-HD/TW được gửi tới các chi bộ. Các chi bộ hướng dẫn thực hiện Quy định số "
                  "22-QĐ/TW.") == []


def test_amends() -> None:
    assert stated("Nghị định số 48/2013/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP.") == [
        ("Nghị định số 48/2013/NĐ-CP", "Nghị định số 63/2010/NĐ-CP", "amends", "sửa đổi, bổ sung")]
    assert stated("Quyết định số 12/2015/QĐ-UBND bãi bỏ một số điều của Quyết định số 44/2010/QĐ-UBND.") == [
        ("Quyết định số 12/2015/QĐ-UBND", "Quyết định số 44/2010/QĐ-UBND", "amends", "bãi bỏ một số điều")]
    assert stated("Nghị định số 48/2013/NĐ-CP được ban hành. Chính phủ đã sửa đổi nhiều quy định, trong đó có Nghị "
                  "định số 63/2010/NĐ-CP.") == []
    assert stated("Quyết định 119/QĐ-UBND bổ sung thủ tục hành chính theo Quyết định 366/QĐ-UBND.") == []


def test_replaces() -> None:
    assert stated("Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị thay thế Chỉ thị số 35-CT/TW ngày 14/6/2024 "
                  "của Bộ Chính trị.") == [("Chỉ thị số 45-CT/TW", "Chỉ thị số 35-CT/TW", "replaces", "thay thế")]
    assert stated("Quyết định 119/QĐ-UBND đã được thay thế bởi Quyết định 366/QĐ-UBND ngày 1/1/2020.") == [
        ("Quyết định 366/QĐ-UBND", "Quyết định 119/QĐ-UBND", "replaces", "thay thế")]
    assert stated("Chỉ thị số 45-CT/TW được ban hành. Việc thay thế cán bộ theo Quy định số 80-QĐ/TW.") == []


def test_an_anaphor_subject_is_its_full_citation_not_the_alias() -> None:
    text = ("Chỉ thị số 45-CT/TW (Chỉ thị số 45) của Bộ Chính trị về đại hội đảng bộ các cấp.\n\nChỉ thị này thay thế "
            "Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị; Kết luận số 118-KL/TW, ngày 18/1/2025 của Bộ "
            "Chính trị về việc điều chỉnh, bổ sung một số nội dung Chỉ thị số 35-CT/TW.")
    assert stated(text) == [
        ("Chỉ thị số 45-CT/TW", "Chỉ thị số 35-CT/TW", "replaces", "thay thế"),
        ("Chỉ thị số 45-CT/TW", "Kết luận số 118-KL/TW", "replaces", "thay thế"),
        ("Kết luận số 118-KL/TW", "Chỉ thị số 35-CT/TW", "amends", "về việc điều chỉnh, bổ sung"),
    ]


def test_repeals() -> None:
    assert stated("Quyết định số 12/2015/QĐ-UBND bãi bỏ Quyết định số 44/2010/QĐ-UBND ngày 28/10/2010.") == [
        ("Quyết định số 12/2015/QĐ-UBND", "Quyết định số 44/2010/QĐ-UBND", "repeals", "bãi bỏ")]
    assert stated("Quyết định số 12/2015/QĐ-UBND bãi bỏ thủ tục cấp phép, theo Quyết định số 44/2010/QĐ-UBND.") == []


def test_summarises() -> None:
    assert stated("Ngày 2/2/2024, Bộ Chính trị ban hành Kết luận số 70-KL/TW về tổng kết Nghị quyết số 18-NQ/TW của "
                  "Ban Chấp hành Trung ương khóa XII.") == [
        ("Kết luận số 70-KL/TW", "Nghị quyết số 18-NQ/TW", "summarises", "về tổng kết")]
    assert stated("Kết luận số 70-KL/TW được phổ biến. Hội nghị sơ kết Nghị quyết số 18-NQ/TW diễn ra sáng nay.") == []


PREAMBLE = """Số: 1579/QĐ-UBND
Bắc Kạn, ngày 25 tháng 8 năm 2021

QUYẾT ĐỊNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ; Quyết định số 374/QĐ-TTg ngày 17/3/2014;
Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 1125/TTr-SYT ngày 02/6/2021.
"""


def test_based_on_from_the_header_number() -> None:
    assert stated(PREAMBLE) == [
        ("1579/QĐ-UBND", "Luật Tổ chức chính quyền địa phương", "based_on", "Căn cứ"),
        ("1579/QĐ-UBND", "Nghị định số 30/2020/NĐ-CP", "based_on", "Căn cứ"),
        ("1579/QĐ-UBND", "Quyết định số 374/QĐ-TTg", "based_on", "Căn cứ"),
        ("1579/QĐ-UBND", "Tờ trình số 1125/TTr-SYT", "based_on", "Theo đề nghị"),
    ]


def test_no_basis_without_a_document_of_its_own() -> None:
    assert stated("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ, các sở rà soát thủ tục.") == []
    assert stated("Số: 1579/QĐ-UBND\n\nCác sở làm việc căn cứ vào Nghị định số 30/2020/NĐ-CP.") == []


def test_relations_survive_json() -> None:
    doc = partydocs.extract(PREAMBLE)
    again = partydocs.Extraction.model_validate_json(doc.model_dump_json())
    assert again.relations == doc.relations and len(doc.relations) == 4


PLAN = """Số: 68/KH-UBND
Sơn La, ngày 11 tháng 3 năm 2020

KẾ HOẠCH
TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 37-CT/TW NGÀY 03/9/2019 CỦA BAN BÍ THƯ
Căn cứ Chỉ thị số 37-CT/TW ngày 03/9/2019 của Ban Bí thư; Kế hoạch số 185-KH/TU ngày 03/01/2020 của Ban
Thường vụ Tỉnh ủy thực hiện Chỉ thị số 37-CT/TW. UBND tỉnh ban hành Kế hoạch triển khai thực hiện Chỉ thị số 37-CT/TW
như sau:
1. Mục đích
Quán triệt sâu rộng và thực hiện nghiêm túc Chỉ thị số 37-CT/TW trong các cơ quan.
- Thực hiện tốt Chỉ thị số 37-CT/TW.
"""


def test_a_plans_title_basis_and_own_act() -> None:
    """The tasks at the end (`Quán triệt sâu rộng ...`, `Thực hiện tốt ...`) give nothing."""
    assert stated(PLAN) == [
        ("68/KH-UBND", "CHỈ THỊ SỐ 37-CT/TW", "implements", "TRIỂN KHAI THỰC HIỆN"),
        ("68/KH-UBND", "Chỉ thị số 37-CT/TW", "based_on", "Căn cứ"),
        ("68/KH-UBND", "Kế hoạch số 185-KH/TU", "based_on", "Căn cứ"),
        ("68/KH-UBND", "Chỉ thị số 37-CT/TW", "implements", "triển khai thực hiện"),
        ("Kế hoạch số 185-KH/TU", "Chỉ thị số 37-CT/TW", "implements", "thực hiện"),
    ]


def test_a_guidance_on_its_basis() -> None:
    text = ("Số: 11-HD/UBKTTW\n\nHƯỚNG DẪN\n\nCăn cứ Quy định số 94-QĐ/TW, ngày 15-10-2007 của Bộ Chính trị về xử lý "
            "kỷ luật đảng viên vi phạm, Ủy ban Kiểm tra Trung ương hướng dẫn cụ thể việc thực hiện như sau:\n")
    assert stated(text) == [
        ("11-HD/UBKTTW", "Quy định số 94-QĐ/TW", "based_on", "Căn cứ"),
        ("11-HD/UBKTTW", "Quy định số 94-QĐ/TW", "guides", "hướng dẫn cụ thể việc thực hiện"),
    ]
    assert stated("Số: 11-HD/UBKTTW\n\nCăn cứ Quy định số 94-QĐ/TW ngày 15-10-2007 về việc thực hiện kỷ luật;\n") == [
        ("11-HD/UBKTTW", "Quy định số 94-QĐ/TW", "based_on", "Căn cứ")]


def test_a_cue_opening_a_line_opens_a_sentence() -> None:
    text = ("Lượt xem: 911\nThực hiện Chỉ thị số 10-CT/TW ngày 15/12/2016 của Ban Bí thư, Tỉnh ủy đã ban hành Kế hoạch "
            "số 69-KH/TU ngày 17/3/2017.")
    assert stated(text) == [("Kế hoạch số 69-KH/TU", "Chỉ thị số 10-CT/TW", "implements", "Thực hiện")]


def test_a_type_word_before_the_own_number() -> None:
    text = "Nghị quyết số: 653/2019/UBTVQH14\n\nCăn cứ Luật Tổ chức Quốc hội số 57/2014/QH13;\n"
    assert stated(text) == [("Nghị quyết số: 653/2019/UBTVQH14", "Luật Tổ chức Quốc hội số 57/2014/QH13", "based_on",
                             "Căn cứ")]


def test_a_document_issued_later_is_not_a_target_of_the_list() -> None:
    text = ("Tỉnh đã ban hành Kế hoạch số 86-KH/TU ngày 07/5/2018 của Tỉnh ủy về thực hiện Nghị quyết số 18-NQ/TW "
            "ngày 25/10/2017 của Ban Chấp hành Trung ương; Kế hoạch số 147-KH/TU ngày 09/5/2019 của Tỉnh ủy.")
    assert stated(text) == [("Kế hoạch số 86-KH/TU", "Nghị quyết số 18-NQ/TW", "implements", "về thực hiện")]
    earlier = text.replace("09/5/2019", "09/5/2017")
    assert stated(earlier) == [
        ("Kế hoạch số 86-KH/TU", "Nghị quyết số 18-NQ/TW", "implements", "về thực hiện"),
        ("Kế hoạch số 86-KH/TU", "Kế hoạch số 147-KH/TU", "implements", "về thực hiện"),
    ]
