"""annotate: escaping, exact offsets, labels and details of each mark, nesting of overlapping marks."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import pytest

import partydocs
from partydocs.annotate import anchor_prefix, shown_date, shown_term
from partydocs.models import Anaphor, BodyMention, DateMention, Extraction, Reference

TEXT = (
    "<script>alert('x')</script> Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị\n"
    'Chỉ thị này & "khác".'
)
START = TEXT.index("Chỉ thị số")
DATE_AT = TEXT.index("15/5/2016")
BODY_AT = TEXT.index("Bộ Chính trị")
ANAPHOR_AT = TEXT.index("Chỉ thị này")
LABEL = (
    'class="pd-label" style="font-size:.66em;font-weight:700;margin-left:.4em;padding:.15em .35em;border-radius:3px;'
    'background:rgba(0,0,0,.1);white-space:nowrap">'
)
BODY_STYLE = "background:var(--pd-body,#efe3fb);border-radius:4px;padding:.15em .3em"


def _extraction(ref_end: int) -> Extraction:
    ref = Reference(
        text=TEXT[START:ref_end], start=START, end=ref_end, kind="party", doc_type="Chỉ thị",
        code="05-CT/TW", date=datetime.date(2016, 5, 15), date_granularity="day", issuer="Bộ Chính trị",
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
    """Collects the text inside .pd-text (labels and details aside), each mark's pieces, labels and details."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.inside = False
        self.text: list[str] = []
        self.pieces: dict[tuple[str, int, int], list[str]] = {}
        self.labels: dict[tuple[str, int, int], str] = {}
        self.details: dict[tuple[str, int, int], list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "br"):
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
        classes = [str(attrs.get("class")) for _, attrs in self.stack]
        marks = [_key(attrs) for tag, attrs in self.stack if tag == "mark"]
        if "pd-label" in classes:
            self.labels[marks[-1]] = data
        elif "pd-details" in classes:
            self.details.setdefault(marks[-1], []).append(data)
        else:
            self.text.append(data)
            for key in marks:
                self.pieces.setdefault(key, []).append(data)


def _key(attrs: dict[str, str | None]) -> tuple[str, int, int]:
    kind = str(attrs["class"]).split()[1].removeprefix("pd-")
    return kind, int(str(attrs["data-start"])), int(str(attrs["data-end"]))


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


def test_each_mark_covers_exactly_its_offsets_with_a_label_and_details() -> None:
    reader = _read(partydocs.annotate(TEXT, _extraction(START + 19)))
    party, date = ("party", START, START + 19), ("date", DATE_AT, DATE_AT + 9)
    body, anaphor = ("body", BODY_AT, BODY_AT + 12), ("anaphor", ANAPHOR_AT, ANAPHOR_AT + 11)
    assert set(reader.pieces) == {party, date, body, anaphor}
    for (_, start, end), pieces in reader.pieces.items():
        assert "".join(pieces) == TEXT[start:end]
    assert reader.labels == {
        party: "party 05-CT/TW", date: "date", body: "body · central", anaphor: "→ party 05-CT/TW",
    }
    assert reader.details[party] == [
        "reference", "#0 party", "code", "05-CT/TW", "type", "Chỉ thị", "date", "2016-05-15",
        "issuer", "Bộ Chính trị",
    ]
    assert reader.details[anaphor] == ["anaphor", "Chỉ thị", "antecedent", "#0 party 05-CT/TW"]


def test_the_html_of_a_mark() -> None:
    text = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
    html = partydocs.annotate(text, partydocs.extract(text))
    assert (
        f'<mark class="pd-mark pd-party" id="{anchor_prefix(text)}-r0" tabindex="0" '
        'style="background:var(--pd-party,#ffd6d6);border-radius:4px;padding:.15em .3em" data-start="0" data-end="19">'
        f"Chỉ thị số 05-CT/TW<span {LABEL}party 05-CT/TW</span>"
        '<span class="pd-details" role="tooltip" style="display:none">'
        "<b>reference</b><span>#0 party</span><b>code</b><span>05-CT/TW</span><b>type</b><span>Chỉ thị</span>"
        "<b>date</b><span>2016-05-15</span><b>issuer</b><span>Bộ Chính trị</span>"
        "<b>key</b><span>5-CT/TW</span></span></mark>"
    ) in html
    assert ' title="' not in html
    assert anchor_prefix(text) == "pd-216190b9-0" and anchor_prefix(text, 3) == "pd-216190b9-3"


def test_a_repeated_mention_links_to_its_antecedent() -> None:
    text = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị. Thực hiện Chỉ thị 05, Chỉ thị này"
    html = partydocs.annotate(text, partydocs.extract(text))
    assert '<mark class="pd-mark pd-party pd-repeat" id="pd-' in html
    assert '<b>antecedent</b><span><a href="#pd-' in html and '-r0">#0 party 05-CT/TW</a></span>' in html


def test_a_body_inside_a_reference_nests() -> None:
    whole = BODY_AT + 12
    html = partydocs.annotate(TEXT, _extraction(whole))
    reader = _read(html)
    assert "".join(reader.pieces[("party", START, whole)]) == TEXT[START:whole]
    assert html.count('<mark class="pd-mark pd-party"') == 1
    assert f'<mark class="pd-mark pd-body" id="{anchor_prefix(TEXT)}-b0" tabindex="0" style="background:var(' in html
    assert html.index("body · central") < html.index("party 05-CT/TW")  # the inner label comes first


def test_crossing_marks_are_split_and_only_the_last_piece_is_labelled() -> None:
    cross = BODY_AT + 5  # the reference ends inside "Bộ Chính trị"
    html = partydocs.annotate(TEXT, _extraction(cross))
    reader = _read(html)
    assert "".join(reader.pieces[("party", START, cross)]) == TEXT[START:cross]
    assert reader.pieces[("body", BODY_AT, BODY_AT + 12)] == ["Bộ Ch", "ính trị"]
    assert html.count('<mark class="pd-mark pd-body"') == 2
    assert html.count(f"{LABEL}body · central<") == 1
    piece = f'<mark class="pd-mark pd-body" style="{BODY_STYLE}" data-start="{BODY_AT}" data-end="{BODY_AT + 12}">Bộ Ch'
    assert piece in html
    assert html.count('tabindex="0"') == 4


def test_newlines_are_kept_with_pre_wrap() -> None:
    html = partydocs.annotate(TEXT, _extraction(START + 19))
    assert "white-space:pre-wrap" in html
    assert "central</span>" in html and "</mark>\n<mark" in html
    assert "<link" not in html and "<script" not in html and "url(" not in html


def test_references_sharing_a_span_share_one_mark() -> None:
    text = "Nghị quyết số 18, 19-NQ/TW"
    refs = [
        Reference(text=text, start=0, end=len(text), kind="party", code=code, doc_type="Nghị quyết")
        for code in ("18-NQ/TW", "19-NQ/TW")
    ]
    reader = _read(partydocs.annotate(text, Extraction(references=refs)))
    assert list(reader.labels.values()) == ["party 18-NQ/TW, party 19-NQ/TW"]
    assert reader.details[("party", 0, len(text))] == [
        "reference", "#0 party", "code", "18-NQ/TW", "type", "Nghị quyết",
        "reference", "#1 party", "code", "19-NQ/TW", "type", "Nghị quyết",
    ]


def test_a_named_reference_is_labelled_by_its_name() -> None:
    text = "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015"
    reader = _read(partydocs.annotate(text, partydocs.extract(text)))
    named = ("named", 7, len(text))
    assert reader.labels[named] == "Luật Tổ chức chính quyền địa phương"
    assert reader.details[named][2:] == [
        "name", "Tổ chức chính quyền địa phương", "type", "Luật", "date", "2015",
        "key", "Luật tổ chức chính quyền địa phương 2015",
    ]


def test_relations_show_on_both_ends() -> None:
    text = (
        "Kế hoạch số 82-KH/HU ngày 20/01/2022 của Ban Thường vụ Huyện ủy triển khai Chỉ thị số 05-CT/TW "
        "của Bộ Chính trị"
    )
    doc = partydocs.extract(text)
    assert [(r.source, r.target, r.type) for r in doc.relations] == [(0, 1, "implements")]
    html = partydocs.annotate(text, doc)
    prefix = anchor_prefix(text)
    assert f'<b>implements</b><span>→ <a href="#{prefix}-r1">#1 party 05-CT/TW</a></span>' in html
    assert f'<b>implements</b><span>← <a href="#{prefix}-r0">#0 party 82-KH/HU</a></span>' in html
    assert _read(html).details[("party", 0, 20)][-3:] == ["implements", "→ ", "#1 party 05-CT/TW"]


def test_kinds_and_colors() -> None:
    html = partydocs.annotate(TEXT, _extraction(START + 19), kinds=["party", "anaphor"], colors={"party": "#fc0"})
    assert set(_read(html).pieces) == {("party", START, START + 19), ("anaphor", ANAPHOR_AT, ANAPHOR_AT + 11)}
    assert html.startswith('<div class="partydocs" style="--pd-party:#fc0;">')
    assert '<span class="pd-mark pd-date"' not in html  # the legend names only the kinds shown
    with pytest.raises(ValueError, match="unknown kind 'dates'"):
        partydocs.annotate(TEXT, _extraction(START + 19), kinds=["dates"])
    for bad in ("red;background:url(http://x)", "url(x)", "#fc0\"><script>"):
        with pytest.raises(ValueError, match="CSS colour"):
            partydocs.annotate(TEXT, _extraction(START + 19), colors={"party": bad})
    assert 'style="--pd-state:rgb(10, 20, 30);--pd-date:lightblue;"' in partydocs.annotate(
        TEXT, _extraction(START + 19), colors={"state": "rgb(10, 20, 30)", "date": "lightblue"}
    )


def test_offsets_of_another_text_are_refused() -> None:
    with pytest.raises(ValueError, match="not in this text"):
        partydocs.annotate("short", _extraction(START + 19))


def test_dates_and_terms_as_written() -> None:
    day = datetime.date(2022, 3, 9)
    assert [shown_date(day, g) for g in ("day", "month", "quarter", "year", None)] == [
        "2022-03-09", "03/2022", "Q1/2022", "2022", "2022-03-09"
    ]
    assert shown_date(None, "day") == ""
    assert [shown_term(t) for t in (13, 12, 9, 4, None)] == ["khóa XIII", "khóa XII", "khóa IX", "khóa IV", ""]


def test_an_extraction_prints_one_line_per_reference() -> None:
    doc = partydocs.extract(
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII; Nghị quyết Đại hội\nXIII của Đảng; (445-KL/TƯ)"
    )
    assert str(doc).splitlines() == [
        "Extraction: 3 references, 1 date, 1 body, 0 anaphora, 0 relations",
        "  [0:19] Chỉ thị 05-CT/TW ngày 2016-05-15 của Bộ Chính trị khóa 12",
        "  [62:94] Nghị quyết Đại hội XIII của Đảng",
        "  [97:106] Kết luận 445-KL/TƯ",
    ]
