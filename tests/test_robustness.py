"""Hostile and messy input: extract never raises, offsets never lie, unrelated text changes nothing.

The property tests run with the profile of conftest.py (500 derandomized examples each by default).
"""

from __future__ import annotations

import multiprocessing
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partydocs
from partydocs import Extraction
from partydocs import pipeline as pipeline_module
from partydocs.find import Context, Found, find_references

FIXTURES = sorted(Path(__file__).parent.parent.joinpath("fixtures").glob("*.txt"))

CITATIONS = [
    "Chỉ thị số 05-CT/TW", "ngày 15/5/2016", "của Bộ Chính trị", "khóa XIII", "30/2020/NĐ-CP",
    "Số: 1579/QĐ-UBND", "(khóa XI, XII)", "Nghị quyết số 18, 19-NQ/TW", "Kết luận 01-KL/TW",
    "Quy định số 08-QĐi/TW", "Nghị quyết Trung ương 4", "Hiến pháp năm 2013", "Luật Đất đai",
    "Luật sửa đổi, bổ sung một số điều của", "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh Bắc Kạn",
    "huyện Ba Bể", "Nghị quyết này", "Kế hoạch trên", "Chỉ thị 05", "về đẩy mạnh", '"Đẩy mạnh học tập"',
    "ngày 20 tháng 01 năm 2022", "năm 2021 - 2030", "nhiệm kỳ 2020 - 2025", "quý IV/2022", "tháng 3/2022",
    "do", "ban hành", "Ngày", "Đề án 30", "số", "NQ/TW", "-CT/", "/QĐ-", "Quyết định", "Sáng 12/4",
    "Nghị quyết Đại hội XIII của Đảng", "Điều lệ Đảng", "Tờ trình số 148/TTr-SLĐTBXH",
]
"""Pieces of real citations, so that random texts hold near-citations and broken ones."""
MESS = [
    ",", ";", ".", "-", "/", "(", ")", ":", "|", '"', "\n", "\n\n", "\r\n", "\r", " ", "  ", "\t",
    "\u00a0", "\u202f", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u2011", "\u2013", "\u201c", "\u201d",
    "Ð", "đ", "ð", "khoá", "uỷ", "hoá", "Hoà", "😀", "🇻🇳", "\u0301", "\u0323\u0301", "\u0300\u0300\u0300",
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\ud800", "\udfff", "\udbff\udc00",
    "\U0010ffff", "\ufffd", "\uffff", "Ⅻ", "٣", "１２", "0", "1", "99999", "2016", "XIII", "ǅ", "ß", "İ",
]
"""Separators, look-alikes, combining marks alone, emoji, controls, lone surrogates, odd digits."""


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


PIECES = st.one_of(
    st.sampled_from(CITATIONS),
    st.sampled_from(CITATIONS).map(_nfd),
    st.sampled_from(MESS),
    st.text(max_size=4),
    st.characters(min_codepoint=0x300, max_codepoint=0x1FFF),
)
TEXTS = (
    st.integers(0, 40).flatmap(lambda n: st.lists(PIECES, min_size=n, max_size=n)).map("".join)
    .filter(lambda t: len(t) <= 500)
)
"""Up to a few hundred characters (underthesea is slow), with as many long texts as short ones."""
BEFORE = ["Thời tiết hôm nay đẹp.\n", "Thời tiết hôm nay đẹp.\n\n", "\n\n"]
"""Ending a line: on the same line, `Số: 12/QĐ-UBND` would no longer open a line, so no longer be a header."""
AFTER = ["\n\nThời tiết hôm nay đẹp.", "\n\n"]


def mentions(doc: Extraction) -> list[partydocs.models.Mention]:
    return [*doc.references, *doc.dates, *doc.bodies, *doc.anaphora]


def assert_spans(text: str, doc: Extraction) -> None:
    for mention in mentions(doc):
        assert 0 <= mention.start < mention.end <= len(text), mention
        assert text[mention.start : mention.end] == mention.text, mention


def summary(doc: Extraction, shift: int = 0) -> list[tuple[object, ...]]:
    """What must not change when unrelated text is added: values and offsets moved by `shift`."""
    return [
        *((r.start + shift, r.end + shift, r.code, r.doc_type, r.date, r.issuer, r.term) for r in doc.references),
        *((d.start + shift, d.end + shift, d.value, d.granularity, d.end_value) for d in doc.dates),
        *((b.start + shift, b.end + shift, b.name, b.level) for b in doc.bodies),
        *((a.start + shift, a.end + shift, a.doc_type, a.antecedent) for a in doc.anaphora),
    ]


# --- properties -------------------------------------------------------------------------------


@given(text=TEXTS)
def test_extract_never_raises_and_spans_are_exact(text: str) -> None:
    doc = partydocs.extract(text)
    assert_spans(text, doc)
    if not has_surrogate(text):
        assert Extraction.model_validate_json(doc.model_dump_json()) == doc


def has_surrogate(text: str) -> bool:
    """A lone surrogate cannot be encoded, so neither the text nor its mentions can be written as JSON."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@given(text=TEXTS, before=st.sampled_from(BEFORE), after=st.sampled_from(AFTER))
def test_unrelated_text_around_changes_nothing(text: str, before: str, after: str) -> None:
    alone = partydocs.extract(text)
    surrounded = before + text + after
    doc = partydocs.extract(surrounded)
    assert_spans(surrounded, doc)
    assert summary(doc) == summary(alone, shift=len(before))


def test_numbered_name_before_a_paragraph_is_as_at_the_end() -> None:
    at_end = partydocs.extract("Đề án 30").references
    before_paragraph = partydocs.extract("Đề án 30\n\nThời tiết hôm nay đẹp.").references
    assert [r.text for r in before_paragraph] == [r.text for r in at_end] == ["Đề án 30"]


def test_a_code_does_not_run_on_into_the_next_paragraph() -> None:
    assert partydocs.extract("Chỉ thị số 05-CT/\n\nThời tiết hôm nay đẹp.").references == []
    (wrapped,) = partydocs.extract("Chỉ thị số 05-CT/\nTW ngày 15/5/2016").references
    assert (wrapped.code, wrapped.text) == ("05-CT/TW", "Chỉ thị số 05-CT/\nTW")


@given(text=st.text(max_size=300))
def test_any_str_at_all(text: str) -> None:
    assert_spans(text, partydocs.extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "", " ", "\n", "\r\n", "\u200b", "\ufeff" * 3, "\u0301", "\u0301" * 50, "\ud800", "\x00" * 10, "😀",
        "Chỉ thị số 05-CT/TW\ud800ngày 15/5/2016", "Chỉ thị số 05-CT/TW\u200b", "\u200bChỉ thị số 05-CT/TW",
        "Chỉ thị số 05-CT/TW\r", "Ð", "9" * 5000, "Nghị quyết số " * 200, "(khóa " * 300, "Đ" * 2000 + "/",
        _nfd("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XIII") * 20,
    ],
)
def test_edge_texts(text: str) -> None:
    assert_spans(text, partydocs.extract(text))


def test_offsets_of_a_citation_after_deleted_and_decomposed_characters() -> None:
    text = "\ufeff\u200bĐa\u0301 " + _nfd("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    (ref,) = partydocs.extract(text).references
    assert ref.code == "05-CT/TW"
    assert ref.start == text.index(_nfd("Chỉ"))
    assert unicodedata.normalize("NFC", ref.text) == "Chỉ thị số 05-CT/TW"


# --- variants of the fixtures: the same codes at exactly the mapped offsets -------------------------


Variant = Callable[[str], tuple[str, list[int]]]


def per_char(change: Callable[[str], str]) -> Variant:
    """A variant that rewrites each character alone; it also gives where each character went."""

    def apply(text: str) -> tuple[str, list[int]]:
        out: list[str] = []
        where = [0]
        for char in text:
            out.append(change(char))
            where.append(where[-1] + len(out[-1]))
        return "".join(out), where

    return apply


def same_length(change: Callable[[str], str]) -> Variant:
    def apply(text: str) -> tuple[str, list[int]]:
        changed = change(text)
        assert len(changed) == len(text)
        return changed, list(range(len(text) + 1))

    return apply


def wrap(text: str, width: int = 60) -> str:
    """Hard-wrap each line at the last space before `width` characters (same length: spaces become breaks)."""
    chars = list(text)
    line_start = last_space = 0
    for i, char in enumerate(chars):
        if char == "\n":
            line_start, last_space = i + 1, i + 1
        elif char == " ":
            if i - line_start >= width and last_space > line_start:
                chars[last_space] = "\n"
                line_start = last_space + 1
            last_space = i
    return "".join(chars)


OLD_TONES = {"hóa": "hoá", "Hóa": "Hoá", "ủy": "uỷ", "Ủy": "Uỷ", "khóa": "khoá", "thủy": "thuỷ", "hòa": "hoà"}


def old_tone(text: str) -> str:
    for new, old in OLD_TONES.items():
        text = text.replace(new, old)
    return text


VARIANTS: dict[str, Variant] = {
    "nfd": per_char(_nfd),
    "old_tone": same_length(old_tone),
    "eth": same_length(lambda t: t.replace("Đ", "\u00d0").replace("đ", "\u00f0")),
    "nbsp": same_length(lambda t: t.replace(" ", "\u00a0")),
    "crlf": per_char(lambda c: "\r\n" if c == "\n" else c),
    "wrapped": same_length(wrap),
    "wrapped_40": same_length(lambda t: wrap(t, 40)),
    "doubled_spaces": per_char(lambda c: "  " if c == " " else c),
}
COMBINED = [("wrapped", "doubled_spaces"), ("doubled_spaces", "crlf", "nfd"), ("wrapped", "old_tone", "eth", "nbsp")]
ALL_VARIANTS = [(name,) for name in VARIANTS] + COMBINED


@cache
def original(path: Path) -> tuple[str, Extraction]:
    text = path.read_text(encoding="utf-8")
    return text, partydocs.extract(text)


def variant_of(path: Path, names: tuple[str, ...]) -> tuple[Extraction, Extraction, list[int]]:
    """The fixture's result, its variant's result, and where each character of the fixture went."""
    text, doc = original(path)
    where = list(range(len(text) + 1))
    variant = text
    for name in names:
        variant, step = VARIANTS[name](variant)
        where = [step[i] for i in where]
    result = partydocs.extract(variant)
    assert_spans(variant, result)
    return doc, result, where


@pytest.mark.parametrize("names", ALL_VARIANTS, ids="+".join)
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_variant_keeps_references_and_dates_at_mapped_offsets(path: Path, names: tuple[str, ...]) -> None:
    doc, result, where = variant_of(path, names)
    expected = [(ref.code, ref.doc_type, where[ref.start], where[ref.end]) for ref in doc.references]
    assert [(ref.code, ref.doc_type, ref.start, ref.end) for ref in result.references] == expected
    assert [(d.value, where[d.start], where[d.end]) for d in doc.dates] == [
        (d.value, d.start, d.end) for d in result.dates
    ]


@pytest.mark.parametrize("names", ALL_VARIANTS, ids="+".join)
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_variant_finds_every_written_code_where_it_ends(path: Path, names: tuple[str, ...]) -> None:
    doc, result, where = variant_of(path, names)
    expected = [(ref.code, where[ref.end]) for ref in doc.references if "/" in ref.text]
    assert [(ref.code, ref.end) for ref in result.references if "/" in ref.text] == expected


def test_fixtures_are_there() -> None:
    assert len(FIXTURES) >= 3
    assert all(original(path)[1].references for path in FIXTURES)


def test_wrap_breaks_long_lines_at_spaces() -> None:
    text = "một hai ba bốn năm sáu bảy tám chín mười " * 5
    wrapped = wrap(text, 30)
    assert len(wrapped) == len(text) and wrapped.replace("\n", " ") == text
    assert max(len(line) for line in wrapped.split("\n")) <= 34


# --- what extract accepts -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, 1, 1.5, ["Chỉ thị số 05-CT/TW"], object(), Path("a.txt")])
def test_non_str_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="expects str"):
        partydocs.extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [b"Ch\xe1\xbb\x89 th\xe1\xbb\x8b", bytearray(b"abc")])
def test_bytes_are_not_guessed_at(value: bytes | bytearray) -> None:
    with pytest.raises(TypeError, match=r"decode bytes first"):
        partydocs.extract(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"decode bytes first"):
        partydocs.extract(value, html=True)  # type: ignore[arg-type]


def test_memoryview_is_a_type_error_without_the_bytes_hint() -> None:
    with pytest.raises(TypeError, match=r"got memoryview$"):
        partydocs.extract(memoryview(b"abc"))  # type: ignore[arg-type]


def test_str_subclass_is_a_str() -> None:
    class Text(str):
        pass

    text = Text("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị")
    (ref,) = partydocs.extract(text).references
    assert (ref.code, ref.text, type(ref.text)) == ("05-CT/TW", "Chỉ thị số 05-CT/TW", str)


# --- batches: one failing document keeps the others' results ------------------------------------------

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
NGHI_DINH = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ"
POISON = "Kế hoạch số 82-KH/TU của Ban Thường vụ Tỉnh ủy"


@pytest.mark.parametrize(
    "n_jobs",
    [
        1,
        pytest.param(2, marks=pytest.mark.skipif(
            multiprocessing.get_start_method() != "fork", reason="workers see the patch only when forked"
        )),
    ],
)
def test_a_document_that_makes_an_extractor_raise_fails_alone(monkeypatch: pytest.MonkeyPatch, n_jobs: int) -> None:
    def failing(context: Context) -> list[Found]:
        if "82-KH/TU" in context.text:
            raise IndexError("extractor broke")
        return find_references(context)

    monkeypatch.setattr(pipeline_module, "find_references", failing)
    with pytest.raises(IndexError):
        partydocs.extract(POISON)
    texts = [CHI_THI, POISON, NGHI_DINH, POISON + "\n", CHI_THI]
    results = list(partydocs.extract_many(texts, n_jobs=n_jobs, chunksize=2))
    assert [r.id for r in results] == [0, 1, 2, 3, 4]
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert results[1].error == results[3].error == "IndexError: extractor broke"
    assert results[1].extraction is None and results[1].references == []
    assert [[ref.code for ref in r.references] for r in results] == [
        ["05-CT/TW"], [], ["30/2020/NĐ-CP"], [], ["05-CT/TW"]
    ]
    ok = results[2].references[0]
    assert NGHI_DINH[ok.start : ok.end] == ok.text == "Nghị định số 30/2020/NĐ-CP"
