"""The user's own example, the seed article (fixtures/seed_ba_be.txt), with its full expected output."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import partydocs

SEED = Path(__file__).parent.parent / "fixtures" / "seed_ba_be.txt"
D = datetime.date

# text, occurrence, kind, code, doc_type, date, issuer, term, antecedent
EXPECTED = [
    ("Luật Thủy sản", 1, "named", None, "Luật", None, None, None, None),
    ("Kết luận số 21-KL/TW", 1, "party", "21-KL/TW", "Kết luận", None, "Ban Chấp hành Trung ương", 13, None),
    ("Kế hoạch số 82-KH/TU", 1, "party", "82-KH/TU", "Kế hoạch", D(2022, 1, 20), "Ban Thường vụ Tỉnh ủy", None, None),
    ("Kế hoạch số 111-KH/HU", 1, "party", "111-KH/HU", "Kế hoạch", D(2022, 3, 9), "Ban Thường vụ Huyện ủy Ba Bể",
     None, None),
    ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", 1, "named", None, "Nghị quyết", None, None,
     None, None),
    ("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XII", 1, "named", None, "Nghị quyết", None, None, None, None),
    ("Nghị quyết Trung ương 4 (khóa XI, XII)", 1, "named", None, "Nghị quyết", None, None, 11, None),
    ("Nghị quyết Trung ương 4 (khóa XI, XII)", 1, "named", None, "Nghị quyết", None, None, 12, None),
    ("Kết luận số 21-KL/TW", 2, "party", "21-KL/TW", "Kết luận", None, "Ban Chấp hành Trung ương", 13, 1),
    ("Kết luận số 01-KL/TW", 1, "party", "01-KL/TW", "Kết luận", D(2021, 5, 18), "Bộ Chính trị", None, None),
    ("Chỉ thị số 05-CT/TW", 1, "party", "05-CT/TW", "Chỉ thị", None, None, None, None),
]


@pytest.fixture(scope="module")
def seed() -> tuple[str, partydocs.Extraction]:
    text = SEED.read_text(encoding="utf-8")
    return text, partydocs.extract(text)


def start_of(text: str, mention: str, occurrence: int) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.index(mention, at + 1)
    return at


def test_every_reference_of_the_seed(seed: tuple[str, partydocs.Extraction]) -> None:
    text, result = seed
    got = [
        (r.text, r.start, r.kind, r.code, r.doc_type, r.date, r.issuer, r.term, r.antecedent)
        for r in result.references
    ]
    want = [
        (mention, start_of(text, mention, occurrence), *fields)
        for mention, occurrence, *fields in EXPECTED
    ]
    assert got == want


def test_seed_reference_details(seed: tuple[str, partydocs.Extraction]) -> None:
    _, result = seed
    plan = result.references[3]
    assert (plan.number, plan.type_code, plan.issuer_code, plan.year) == ("111", "KH", "HU", None)
    assert plan.subject is not None and plan.subject.startswith("đẩy mạnh xây dựng, chỉnh đốn Đảng")
    assert plan.issuer_from_code == "Huyện ủy"
    directive = result.references[-1]
    assert directive.subject == "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    plenum = result.references[6]
    assert plenum.plenum == 4


def test_seed_offsets_are_exact(seed: tuple[str, partydocs.Extraction]) -> None:
    text, result = seed
    for mention in [*result.references, *result.dates, *result.bodies, *result.anaphora]:
        assert text[mention.start : mention.end] == mention.text
