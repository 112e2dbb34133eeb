"""Examples for the normalize stage: every fold, and offsets that map back to the caller's text."""

from __future__ import annotations

import unicodedata

import pytest

from partydocs.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("hoá học", "hóa học"),
        ("Uỷ ban", "Ủy ban"),
        ("khoá XIII", "khóa XIII"),
        ("THUỶ LỢI", "THỦY LỢI"),
        ("Thanh Hoá,", "Thanh Hóa,"),
        ("hoàn thành", "hoàn thành"),
        ("quý IV", "quý IV"),
        ("QÐ-UBND", "QĐ-UBND"),
        ("ðảng", "đảng"),
        ("21–KL/TW", "21-KL/TW"),
        ("05 — CT/TW", "05 - CT/TW"),
        ("“Về đẩy mạnh”", '"Về đẩy mạnh"'),
        ("số\u00a021-KL/TW", "số 21-KL/TW"),
        ("21-KL/\u200bTW", "21-KL/TW"),
        ("Nghị\u00adquyết", "Nghịquyết"),
        ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2"),
    ],
)
def test_folds(raw: str, folded: str) -> None:
    assert normalize(raw).text == folded


def test_nfd_becomes_nfc() -> None:
    raw = unicodedata.normalize("NFD", "Kết luận số 21-KL/TW")
    assert normalize(raw).text == "Kết luận số 21-KL/TW"


def test_clean_text_is_left_alone() -> None:
    norm = normalize("Chỉ thị số 05-CT/TW")
    assert norm.text == "Chỉ thị số 05-CT/TW"
    assert norm.edits == ()


@pytest.mark.parametrize(
    "raw",
    [
        unicodedata.normalize("NFD", "Quyết định số 1579/QĐ-UBND của Uỷ ban"),
        "a\u200b\u200bb\r\nĐ\u00a0c\u00add",
        "\ufeffKết luận\r\n" + unicodedata.normalize("NFD", "tỉnh ủy"),
    ],
)
def test_every_normalised_span_maps_into_the_original_in_order(raw: str) -> None:
    norm = normalize(raw)
    starts = [norm.original_start(i) for i in range(len(norm.text))]
    ends = [norm.original_end(i) for i in range(1, len(norm.text) + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)
    assert all(0 <= s < e <= len(raw) for s, e in zip(starts, ends, strict=True))
    assert (norm.original_start(0), norm.original_end(len(norm.text))) == (raw.index(raw.lstrip("\ufeff")[0]), len(raw))


def test_span_after_deleted_characters() -> None:
    raw = "x\u200b\u200bKL/TW"
    norm = normalize(raw)
    assert norm.text == "xKL/TW"
    assert norm.to_original(1, 6) == (3, 8)
    assert raw[3:8] == "KL/TW"


def test_span_over_decomposed_letters() -> None:
    raw = unicodedata.normalize("NFD", "Tỉnh ủy")
    norm = normalize(raw)
    start, end = norm.to_original(6, 7)
    assert unicodedata.normalize("NFC", raw[start:end]) == "y"
    start, end = norm.to_original(0, len(norm.text))
    assert (start, end) == (0, len(raw))
