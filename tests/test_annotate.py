"""annotate: escaping, exact offsets, nesting of overlapping spans, notebook views."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import pytest

import partydocs
from partydocs.annotate import annotate_page, references_table
from partydocs.models import Anaphor, BodyMention, DateMention, Extraction, Reference

TEXT = (
    "<script>alert('x')</script> Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị\n"
    'Chỉ thị này & "khác".'
)
START = TEXT.index("Chỉ thị số")
DATE_AT = TEXT.index("15/5/2016")
BODY_AT = TEXT.index("Bộ Chính trị")
ANAPHOR_AT = TEXT.index("Chỉ thị này")


def _extraction(ref_end: int) -> Extraction:
    ref = Reference(
        text=TEXT[START:ref_end], start=START, end=ref_end, kind="party", doc_type="Chỉ thị",
        code="05-CT/TW", date=datetime.date(2016, 5, 15), issuer="Bộ Chính trị",
    )
    date = DateMention(
        text="15/5/2016", start=DATE_AT, end=DATE_AT + 9, value=datetime.date(2016, 5, 15),
        granularity="day", iso="2016-05-15",
    )
    body = BodyMention(
        text="Bộ Chính trị", start=BODY_AT, end=BODY_AT + 12, name="Bộ Chính trị", level="central"
    )
    anaphor = Anaphor(
        text="Chỉ thị này", start=ANAPHOR_AT, end=ANAPHOR_AT + 11, doc_type="Chỉ thị", antecedent=0
    )
    return Extraction(references=[ref], dates=[date], bodies=[body], anaphora=[anaphor])


class _Reader(HTMLParser):
    """Collects the text inside .pd-text and each mark's pieces, checking that tags nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.inside = False
        self.text: list[str] = []
        self.pieces: dict[tuple[str, int, int], list[str]] = {}
        self.titles: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            return
        self.stack.append((tag, dict(attrs)))
        if dict(attrs).get("class") == "pd-text":
            self.inside = True

    def handle_endtag(self, tag: str) -> None:
        open_tag, attrs = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        if attrs.get("class") == "pd-text":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if not self.inside:
            return
        self.text.append(data)
        for tag, attrs in self.stack:
            if tag == "mark":
                key = (str(attrs["class"]), int(str(attrs["data-start"])), int(str(attrs["data-end"])))
                self.pieces.setdefault(key, []).append(data)
                self.titles[key[0]] = attrs["title"]


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    assert reader.stack == []
    return reader


def test_text_is_escaped_and_rebuilt_exactly() -> None:
    html = partydocs.annotate(TEXT, _extraction(START + 19))
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&amp; &quot;khác&quot;" in html
    assert "".join(_read(html).text) == TEXT


def test_each_mark_covers_exactly_its_offsets() -> None:
    reader = _read(partydocs.annotate(TEXT, _extraction(START + 19)))
    assert set(reader.pieces) == {
        ("pd-party", START, START + 19), ("pd-date", DATE_AT, DATE_AT + 9),
        ("pd-body", BODY_AT, BODY_AT + 12), ("pd-anaphor", ANAPHOR_AT, ANAPHOR_AT + 11),
    }
    for (_, start, end), pieces in reader.pieces.items():
        assert "".join(pieces) == TEXT[start:end]
    assert reader.titles["pd-party"] == "05-CT/TW · Chỉ thị · 2016-05-15 · Bộ Chính trị"
    assert reader.titles["pd-date"] == "date 2016-05-15"
    assert reader.titles["pd-anaphor"] == "Chỉ thị → reference #0"


def test_a_body_inside_a_reference_nests() -> None:
    whole = BODY_AT + 12
    html = partydocs.annotate(TEXT, _extraction(whole))
    reader = _read(html)
    assert "".join(reader.pieces[("pd-party", START, whole)]) == TEXT[START:whole]
    assert html.count('<mark class="pd-party"') == 1
    assert f'<mark class="pd-body" title="Bộ Chính trị · central" data-start="{BODY_AT}"' in html


def test_crossing_spans_are_split_into_nested_pieces() -> None:
    cross = BODY_AT + 5  # the reference ends inside "Bộ Chính trị"
    html = partydocs.annotate(TEXT, _extraction(cross))
    reader = _read(html)
    assert "".join(reader.pieces[("pd-party", START, cross)]) == TEXT[START:cross]
    assert reader.pieces[("pd-body", BODY_AT, BODY_AT + 12)] == ["Bộ Ch", "ính trị"]
    assert html.count('<mark class="pd-body"') == 2


def test_newlines_are_kept_with_pre_wrap() -> None:
    html = partydocs.annotate(TEXT, _extraction(START + 19))
    assert "white-space:pre-wrap" in html
    assert "trị</mark>\n<mark" in html
    assert "<link" not in html and "<script src" not in html


def test_references_sharing_a_span_share_one_mark() -> None:
    text = "Nghị quyết số 18, 19-NQ/TW"
    refs = [
        Reference(text=text, start=0, end=len(text), kind="party", code=code, doc_type="Nghị quyết")
        for code in ("18-NQ/TW", "19-NQ/TW")
    ]
    html = partydocs.annotate(text, Extraction(references=refs))
    assert html.count("<mark") == 1
    assert 'title="18-NQ/TW · Nghị quyết\n19-NQ/TW · Nghị quyết"' in html


def test_offsets_of_another_text_are_refused() -> None:
    with pytest.raises(ValueError, match="not in this text"):
        partydocs.annotate("short", _extraction(START + 19))


def test_notebook_table_and_page() -> None:
    result = _extraction(START + 19)
    table = result._repr_html_()
    assert "<caption>1 references, 1 dates, 1 bodies, 1 anaphora</caption>" in table
    assert "<td>05-CT/TW</td>" in table and "<td>2016-05-15</td>" in table
    assert table == references_table(result)
    assert partydocs.annotate(TEXT, result)._repr_html_().startswith('<div class="partydocs">')
    page = annotate_page(TEXT, result, title="<doc>")
    assert page.startswith("<!DOCTYPE html>") and "<title>&lt;doc&gt;</title>" in page
    _read(page)


def test_table_escapes_its_cells() -> None:
    ref = Reference(text="x", start=0, end=1, kind="named", doc_type="<b>Luật</b>")
    assert "<td>&lt;b&gt;Luật&lt;/b&gt;</td>" in references_table(Extraction(references=[ref]))


def test_real_extraction_highlights_the_reference() -> None:
    text = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
    reader = _read(partydocs.annotate(text, partydocs.extract(text)))
    assert "".join(reader.text) == text
    assert ("pd-party", 0, 19) in reader.pieces
    assert reader.titles["pd-party"] == "05-CT/TW · Chỉ thị · 2016-05-15 · Bộ Chính trị"


def test_an_extraction_prints_one_line_per_reference() -> None:
    doc = partydocs.extract(
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII; Nghị quyết Đại hội\nXIII của Đảng; (445-KL/TƯ)"
    )
    assert str(doc).splitlines() == [
        "Extraction: 3 references, 1 dates, 1 bodies, 0 anaphora",
        "  [0:19] Chỉ thị 05-CT/TW ngày 2016-05-15 của Bộ Chính trị khóa 12",
        "  [62:94] Nghị quyết Đại hội XIII của Đảng",
        "  [97:106] Kết luận 445-KL/TƯ",
    ]
