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
        ("Dòng 1\r\nDòng 2", "Dòng 1\nDòng 2"),
        ("Chỉ  thị   số\t05-CT/TW", "Chỉ thị số 05-CT/TW"),
        ("số\u00a0 \u00a021-KL/TW", "số 21-KL/TW"),
        ("Kế\nhoạch số 82-KH/TU", "Kế hoạch số 82-KH/TU"),
        ("Kế \r\n  hoạch", "Kế hoạch"),
        ("Nghị quyết số 18,\n19-NQ/TW", "Nghị quyết số 18,\n19-NQ/TW"),
        ("ngày 20,\nthực hiện", "ngày 20, thực hiện"),
        ("số 1579/QĐ-UBND\nBắc Kạn, ngày", "số 1579/QĐ-UBND\nBắc Kạn, ngày"),
        ("đoạn một\n\nđoạn hai", "đoạn một\n\nđoạn hai"),
        ("hết câu.\ncâu mới", "hết câu.\ncâu mới"),
        ("- ý một\n- ý hai", "- ý một\n- ý hai"),
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
        "Chỉ  thị \u00a0số\n  05 \r\n quyết",
        unicodedata.normalize("NFD", "Kế  hoạch\r\nhành động"),
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


def test_a_space_run_maps_to_its_whole_run() -> None:
    raw = "Chỉ thị   số 05-CT/TW"
    norm = normalize(raw)
    assert norm.text == "Chỉ thị số 05-CT/TW"
    assert norm.to_original(7, 8) == (7, 10)
    assert norm.to_original(8, 19) == (10, 21)


def test_decomposed_text_maps_each_composed_letter_back_to_its_whole_cluster() -> None:
    raw = unicodedata.normalize("NFD", "Ủy ban") + "\r\n" + unicodedata.normalize("NFD", "tỉnh")
    norm = normalize(raw)
    assert norm.text == "Ủy ban tỉnh"  # a CRLF inside a sentence is a wrapped line, as an LF is
    assert len(norm.steps) == 2  # composition, then the wrapped line
    assert raw[slice(*norm.to_original(0, 1))] == unicodedata.normalize("NFD", "Ủ")
    assert raw[slice(*norm.to_original(7, 11))] == unicodedata.normalize("NFD", "tỉnh")


def test_composition_that_joins_letters_without_marks_falls_back_to_letter_by_letter() -> None:
    raw = "\u1100\u1161\u11a8 Chỉ thị số 05-CT/TW " + unicodedata.normalize("NFD", "Bộ Chính trị")
    norm = normalize(raw)
    assert norm.text == "\u1100\u1161\u11a8 Chỉ thị số 05-CT/TW Bộ Chính trị"  # Hangul jamo left as written
    assert raw[slice(*norm.to_original(4, 23))] == "Chỉ thị số 05-CT/TW"
    assert unicodedata.normalize("NFC", raw[slice(*norm.to_original(24, len(norm.text)))]) == "Bộ Chính trị"


@pytest.mark.parametrize("rest", ["", " Tỉnh  ủy", " Tỉnh\u00a0ủy"])
def test_a_crlf_wrapped_line_folds_whatever_else_the_text_holds(rest: str) -> None:
    """`Kế\\r\\nhoạch` is one wrapped line, with or without double or odd spaces elsewhere in the text."""
    norm = normalize("Kế\r\nhoạch số 82-KH/TU" + rest)
    assert norm.text.startswith("Kế hoạch số 82-KH/TU")
    assert norm.to_original(0, 8) == (0, 9)
