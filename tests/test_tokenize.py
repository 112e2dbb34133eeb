"""Examples for the tokenize stage: underthesea words placed at exact offsets, units, and cuts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from partydocs.tokenize import Segmentation, tokenize


def words(text: str) -> list[str]:
    return [token.text for token in tokenize(text)]


def test_every_token_is_the_text_at_its_offsets() -> None:
    text = "Ban Thường vụ Huyện ủy Ba Bể đã ban hành Kế hoạch số 111-KH/HU"
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[0].text == "Ban Thường vụ"
    assert [t.text for t in tokens][-5:] == ["111", "-", "KH", "/", "HU"]


def test_offsets_are_those_of_the_whole_text_for_a_window() -> None:
    text = "Trước đó, Bộ Chính trị đã kết luận"
    tokens = tokenize(text, 10, 22)
    assert [(t.text, t.start, t.end) for t in tokens] == [("Bộ Chính trị", 10, 22)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("của Ủy ban nhân dân tỉnh", "Ủy ban nhân dân"),
        ("của Ban Chấp hành Trung ương", "Ban Chấp hành"),
        ("công tác phòng, chống tham nhũng", "phòng, chống"),
        ("của Bộ Lao động - Thương binh và Xã hội", "Lao động - Thương binh và Xã hội"),
        ("của Tỉnh ủy Bắc Kạn nhiệm kỳ 2020 - 2025", "Tỉnh ủy"),
        ("của Tỉnh ủy Bắc Kạn nhiệm kỳ 2020 - 2025", "nhiệm kỳ"),
    ],
)
def test_fixed_words_stay_whole(text: str, word: str) -> None:
    assert word in words(text)


def test_key_is_lower_case_with_single_spaces() -> None:
    (token,) = tokenize("Bộ Chính trị")
    assert (token.key, token.is_capitalized, token.is_upper, token.is_word) == ("bộ chính trị", True, False, True)
    assert all(token.is_upper for token in tokenize("BỘ CHÍNH TRỊ"))


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_text_has_no_tokens(text: str) -> None:
    assert tokenize(text) == []


def test_a_lone_surrogate_does_not_reach_the_segmenter() -> None:
    text = "Bộ Chính trị\ud800 ban hành"
    tokens = tokenize(text)
    assert tokens[0].text == "Bộ Chính trị"
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_segmentation_is_lazy_and_by_unit() -> None:
    text = "Một câu không có gì; Bộ Chính trị ban hành Chỉ thị"
    words_ = Segmentation(text, full=False)
    assert words_._units == {}
    tokens = words_.tokens(21, len(text))
    assert tokens[0].text == "Bộ Chính trị"
    assert list(words_._units) == [1]


def test_a_word_run_on_from_before_start_is_cut_at_start() -> None:
    text = "Nghị quyết 18-NQ/TW Ban Chấp hành Trung ương khóa XII"
    segmentation = Segmentation(text, full=True)
    whole = [t.text for t in segmentation.tokens(0, len(text))]
    assert "TW Ban Chấp hành" in whole
    cut = segmentation.tokens(text.index("Ban"), len(text))
    assert [(t.text, t.start) for t in cut][:2] == [("Ban Chấp hành", 20), ("Trung ương", 34)]
    inside = segmentation.tokens(text.index("Chấp"), len(text))
    assert inside[0].text == "Chấp hành"


def test_extract_leaves_underthesea_word_tokenize_as_it_was() -> None:
    """A fresh process: the caller's own `word_tokenize` gives the same words before and after `extract`
    (underthesea keeps `fixed_words` in a module pattern; partydocs never passes it any)."""
    text = "công tác phòng, chống tham nhũng của Ủy ban nhân dân tỉnh Bắc Kạn"
    code = (
        "import partydocs; from underthesea import word_tokenize\n"
        f"before = word_tokenize({text!r})\n"
        "partydocs.extract('Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về phòng, chống tham nhũng')\n"
        "partydocs.extract('Kế hoạch số 82-KH/TU của Ban Thường vụ Tỉnh ủy', full=True)\n"
        f"after = word_tokenize({text!r})\n"
        "print(before == after, 'phòng, chống' in after)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False"]


def test_fixed_words_hold_without_underthesea_being_asked_for_them() -> None:
    """The segmenter keeps the fixed words whole though underthesea's own pattern does not know them."""
    from underthesea import word_tokenize

    text = "công tác phòng, chống tham nhũng"
    assert "phòng, chống" not in word_tokenize(text)
    assert "phòng, chống" in words(text)
