"""Code families: uncommon type codes, shared issuers, glued words and footnotes, lost hyphens, negatives."""

from __future__ import annotations

import pytest

import partydocs


def codes(text: str) -> list[tuple[str | None, str, str | None, str]]:
    """(code, kind, doc_type, text) of each reference with a code."""
    found = partydocs.extract(text).references
    return [(r.code, r.kind, r.doc_type, r.text) for r in found if r.code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quyết định số 107-QĐNS/TƯ ngày 5/5/2020",
         [("107-QĐNS/TƯ", "party", "Quyết định", "Quyết định số 107-QĐNS/TƯ")]),
        ("theo Chương trình hành động số 147-CTHĐ/TU về",
         [("147-CTHĐ/TU", "party", "Chương trình", "Chương trình hành động số 147-CTHĐ/TU")]),
        ("Hướng dẫn số 20-HD/ĐUCA của", [("20-HD/ĐUCA", "party", "Hướng dẫn", "Hướng dẫn số 20-HD/ĐUCA")]),
        ("Nghị quyết số 847-NQ/QUTW của", [("847-NQ/QUTW", "party", "Nghị quyết", "Nghị quyết số 847-NQ/QUTW")]),
        ("Công văn số 03/CV-BCĐ ngày 15/4/2025", [("03/CV-BCĐ", "state", "Công văn", "Công văn số 03/CV-BCĐ")]),
        ("Chỉ thị số 08/CT-HU về", [("08-CT/HU", "party", "Chỉ thị", "Chỉ thị số 08/CT-HU")]),
        ("Số hiệu:25-HD/BCĐTWNgày đăng", [("25-HD/BCĐTW", "party", "Hướng dẫn", "25-HD/BCĐTW")]),
        ("Quyết định 12/QĐ-UBNDNgày ban hành", [("12/QĐ-UBND", "state", "Quyết định", "Quyết định 12/QĐ-UBND")]),
        ("Kết luận 21-KL/TWngày 5/5/2020", [("21-KL/TW", "party", "Kết luận", "Kết luận 21-KL/TW")]),
        ("theo Kết luận số 21-KL/TW2 của", [("21-KL/TW", "party", "Kết luận", "Kết luận số 21-KL/TW")]),
        ("Kết luận số 445-KL/T.Ư ngày 01/12/2020", [("445-KL/TƯ", "party", "Kết luận", "Kết luận số 445-KL/T.Ư")]),
        ("theo Chỉ thị 05-CT/T.W, tỉnh", [("05-CT/TW", "party", "Chỉ thị", "Chỉ thị 05-CT/T.W")]),
        ("theo Kết luận số 21 KL/TW của", [("21-KL/TW", "party", "Kết luận", "Kết luận số 21 KL/TW")]),
        ("Kết luận số 185-\n   KL/TW ngày", [("185-KL/TW", "party", "Kết luận", "Kết luận số 185-\n   KL/TW")]),
    ],
)
def test_code_shapes(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "phù hợp QCVN 3:2009/BKHCN về an toàn đồ chơi",
        "theo TCVN 2:2018/BXD",
        "Kế hoạch số 298-KH/TWĐTN của Ban Bí thư Trung ương Đoàn",
        "Quyết định số 20-QĐ/HĐĐTW",
        "Hướng dẫn số 12-HD/TWHNDVN",
        "Công văn số 5-CV/HLHPNVN",
        "Kết luận số 21-KL/XYZ2 của",
        "theo Kết luận số 21 KL/ABC của",
        "tỷ lệ 12 KL/TW",
    ],
)
def test_not_a_party_or_state_code(text: str) -> None:
    assert codes(text) == []


def test_titled_list_shares_the_issuer_written_after_the_last_title() -> None:
    text = (
        'các Chương trình 03-Ctr/TU ngày 28/6/2016 về "Phát triển kinh tế, đô thị"; Chương trình số '
        '06-Ctr/TU ngày 29/6/2016 về "Hạ tầng, giao thông" và Chương trình số 08-Ctr/TU ngày 26/4/2016 về '
        '"Cải cách hành chính" của Thành ủy khóa XVI, nhiệm kỳ 2015 - 2020.'
    )
    found = partydocs.extract(text).references
    assert [(r.code, r.issuer, r.term) for r in found] == [
        ("03-CTr/TU", "Thành ủy", 16), ("06-CTr/TU", "Thành ủy", 16), ("08-CTr/TU", "Thành ủy", 16)
    ]


def test_titled_citations_of_other_types_keep_their_own_issuer() -> None:
    text = 'Chỉ thị 05-CT/TW về "Học tập"; Kế hoạch số 08-KH/TU về "Tuyên truyền" của Tỉnh ủy.'
    found = partydocs.extract(text).references
    assert [(r.code, r.issuer) for r in found] == [("05-CT/TW", None), ("08-KH/TU", "Tỉnh ủy")]


def test_term_with_stray_tone_marks() -> None:
    (ref,) = partydocs.extract("Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khỏá XÍĨ và").references
    assert (ref.issuer, ref.term) == ("Ban Chấp hành Trung ương Đảng", 12)


def test_a_dotted_central_committee_is_one_document_with_the_undotted_code() -> None:
    keys = {r.key for r in partydocs.extract("Kết luận số 445-KL/T.Ư; Kết luận 445-KL/TW; 445-KL/TƯ").references}
    assert keys == {"445-KL/TW"}


def test_a_dot_inside_the_next_word_is_no_dotted_issuer() -> None:
    assert "7-CT/TƯ" not in [r.code for r in partydocs.extract("Chỉ thị số 7-CT/T.Ưu tiên").references]
