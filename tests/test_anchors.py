"""The anchor pass: every anchored pattern finds, at its anchors, exactly what a whole-text scan finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partydocs
from partydocs.anchors import ANCHORED, Anchored, Anchors, anchored
from partydocs.normalize import normalize

partydocs.extract("Kế hoạch số 82-KH/TU thực hiện Chỉ thị số 05-CT/TW")  # grammars built on first use declare theirs
FIXTURES = [path.read_text(encoding="utf-8") for path in sorted(Path(__file__).parent.parent.glob("fixtures/*.txt"))]
PIECES = [
    "Nghị quyết", "NGHỊ QUYẾT", "nghị quyết", "Nghị\nquyết", "NQ", "Chỉ thị", "chỉ thị", "Kết luận", "Quy định",
    "Luật", "LUẬT", "Bộ luật", "pháp lệnh", "Hiến pháp", "Điều lệ Đảng", "Đại hội", "Trung ương", "TW",
    "số", "Số:", " ", "  ", "\n", ", ", ". ", "; ", "(", ")", "-", "/", "này", "trên", "của", "ban hành",
    "ngày", "Ngày", "mồng", "tháng", "Tháng", "năm", "NĂM", "quý", "tầm nhìn", "giai đoạn", "đến", "SN",
    "05", "5", "15/5/2016", "2016", "2021 - 2030", "20212030", "12", "31", "1/2", "3.4", "IV", "XIII",
    "05-CT/TW", "30/2020/NĐ-CP", "18, 19-NQ/TW", "QĐ-UBND", "lần thứ", "sáu", "triệt", "İ", "ß",
    "Bộ Chính trị", "Ban Chấp hành", "Tỉnh ủy", "về", "khóa", "kỳ họp", "thực hiện", "căn cứ", "thay thế",
    "Hiến pháp năm 2013", "Điều lệ Đảng", "Đại hội XIII", "Đại hội đại biểu Đảng bộ tỉnh", "lần thứ IX",
    "Luật Đất đai", "Bộ luật Hình sự", "pháp luật", "kỷ luật", "ban hành", "kèm theo", "Quy định về", "BCH",
    "Hội nghị", "hội nghị", "Trung ương 4", "sửa đổi, bổ sung", "Thông báo Kết luận", "hướng dẫn", "theo",
]


def spans(found: object) -> list[tuple[int, int]]:
    return [match.span() for match in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", ANCHORED, ids=lambda rule: rule.pattern.pattern[:40])
@pytest.mark.parametrize("text", [*FIXTURES, *(t.upper() for t in FIXTURES)], ids=range(2 * len(FIXTURES)))
def test_each_anchored_pattern_finds_what_a_whole_scan_finds(rule: Anchored, text: str) -> None:
    norm = normalize(text).text
    assert spans(Anchors(norm).finditer(rule)) == spans(rule.pattern.finditer(norm))


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_on_any_mix_of_citation_pieces_too(text: str) -> None:
    anchors = Anchors(text)
    for rule in ANCHORED:
        assert spans(anchors.finditer(rule)) == spans(rule.pattern.finditer(text)), rule.pattern.pattern[:60]


def test_a_text_without_anchors_tries_no_pattern() -> None:
    """Text without any declared word or digit: nothing is matched, not even tried."""
    anchors = Anchors("Những cánh đồng xanh mướt trải dài hai bên bờ sông, hứa hẹn một vụ mùa bội thu.")
    assert all(list(anchors.finditer(rule)) == [] for rule in ANCHORED)


def test_a_letter_that_lower_case_lengthens_falls_back_to_a_whole_scan() -> None:
    """`İ` lower-cases to two characters: offsets of the lower-cased copy would be off, so the text is scanned."""
    import regex

    rule = anchored(regex.compile(r"(?i)chỉ thị"), "chỉ")
    ANCHORED.remove(rule)
    anchors = Anchors("İ Chỉ thị, CHỈ THỊ")
    assert spans(anchors.finditer(rule)) == [(2, 9), (11, 18)]
    assert not anchors.exact


def test_anchors_are_found_in_any_case_and_glued() -> None:
    import regex

    rule = anchored(regex.compile(r"(?:(?<!\p{L})|(?<=\p{Ll})(?=\p{Lu}))(?i:kết luận)"), "kết")
    ANCHORED.remove(rule)
    text = "Kết luận, KẾT LUẬN, kết luận, triệtKết luận, bikết luận"
    assert spans(Anchors(text).finditer(rule)) == [(0, 8), (10, 18), (20, 28), (35, 43)]
