"""HTML input: `clean_html` and `extract(html, html=True)`, with every offset pointing into the HTML."""

from __future__ import annotations

import datetime
import html
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partydocs
from partydocs import Extraction
from partydocs.html import clean_html

FIXTURES = sorted(Path(__file__).parent.parent.joinpath("fixtures").glob("*.txt"))


def assert_spans(page: str, doc: Extraction) -> None:
    for mention in [*doc.references, *doc.dates, *doc.bodies, *doc.anaphora]:
        assert 0 <= mention.start < mention.end <= len(page), mention
        assert page[mention.start : mention.end] == mention.text, mention


def extract_html(page: str) -> Extraction:
    doc = partydocs.extract(page, html=True)
    assert_spans(page, doc)
    return doc


# --- clean_html ----------------------------------------------------------------------------------


def test_tags_are_dropped_and_blocks_break_lines() -> None:
    clean = clean_html("<div><h1>Tin</h1><p>Một <b>hai</b></p><ul><li>ba</li><li>bốn</li></ul>năm<br>sáu</div>")
    assert clean.text == "\n\nTin\n\nMột hai\n\n\nba\n\nbốn\n\nnăm\nsáu\n"


def test_script_style_comments_and_declarations_are_dropped() -> None:
    page = (
        '<!DOCTYPE html><?xml version="1.0"?><head><style>p { color: red }</style>'
        '<SCRIPT type="text/javascript">if (a < b && c > d) { x = "</p>"; }</script ></head>'
        "<body>A<!-- Chỉ thị số 99-CT/TW -->B<![CDATA[ C ]]>D</body>"
    )
    assert clean_html(page).text == "ABD"


def test_unclosed_script_comment_and_tag_run_to_the_end() -> None:
    assert clean_html("A<script>Chỉ thị số 99-CT/TW").text == "A"
    assert clean_html("A<!-- Chỉ thị số 99-CT/TW").text == "A"
    assert clean_html('A<a href="x').text == "A"


def test_entities_are_decoded() -> None:
    page = "a&nbsp;b &amp; &lt;c&gt; &quot;d&quot; &#272;&#x110; &#8209; &amp &bogus; &#xD800; &#0; &notit;"
    assert clean_html(page).text == 'a\u00a0b & <c> "d" ĐĐ \u2011 & &bogus; \ufffd \ufffd ¬it;'


def test_text_that_only_looks_like_markup_is_kept() -> None:
    page = "a < b > c, 3<4, <> </> & ; </ p>"
    assert clean_html(page).text == page


def test_source_line_breaks_are_spaces_but_not_in_pre() -> None:
    clean = clean_html("Chỉ thị số\n   05-CT/TW\r\n<pre>a\n  b</pre>")
    assert clean.text == "Chỉ thị số 05-CT/TW \na\n  b\n"


def test_attributes_may_hold_quotes_and_angle_brackets() -> None:
    clean = clean_html("""<a title="x > y" data-x='<p>'>Chỉ thị</a><img alt="Chỉ thị số 98-CT/TW"/>""")
    assert clean.text == "Chỉ thị"


def test_offsets_map_back_into_the_html() -> None:
    page = "<p>Chỉ thị <b>số</b>&nbsp;05-CT/TW</p>"
    clean = clean_html(page)
    assert clean.html is page
    start = clean.text.index("Chỉ")
    end = clean.text.index("TW") + 2
    assert page[slice(*clean.to_html(start, end))] == "Chỉ thị <b>số</b>&nbsp;05-CT/TW"
    nbsp = clean.text.index("\u00a0")
    assert clean.to_html(nbsp, nbsp + 1) == (page.index("&nbsp;"), page.index("&nbsp;") + len("&nbsp;"))
    assert page[slice(*clean.to_html(0, 1))] == "<p>"


# --- extract(html=True) -----------------------------------------------------------------------------


def test_nested_tags_around_and_inside_a_citation() -> None:
    page = (
        '<div class="content"><p>Thực hiện <a href="/van-ban/05"><b>Chỉ thị <i>số</i> 05-CT/TW</b></a> '
        "ngày <span>15/5/2016</span> của <strong>Bộ Chính trị</strong> về <em>đẩy mạnh học tập</em></p></div>"
    )
    (ref,) = extract_html(page).references
    assert ref.text == "Chỉ thị <i>số</i> 05-CT/TW"
    assert ref.start == page.index("Chỉ thị")
    assert (ref.code, ref.date, ref.issuer) == ("05-CT/TW", datetime.date(2016, 5, 15), "Bộ Chính trị")
    assert ref.subject == "đẩy mạnh học tập"


def test_entities_inside_a_code() -> None:
    page = "<p>Căn cứ Nghị định số 30/2020/NĐ&#8209;CP và Chỉ&nbsp;thị&nbsp;số&nbsp;05&#45;CT&#x2F;TW</p>"
    first, second = extract_html(page).references
    assert (first.code, first.text) == ("30/2020/NĐ-CP", "Nghị định số 30/2020/NĐ&#8209;CP")
    assert (second.code, second.text) == ("05-CT/TW", "Chỉ&nbsp;thị&nbsp;số&nbsp;05&#45;CT&#x2F;TW")
    assert second.end == page.index("</p>")


def test_look_alike_letters_as_entities() -> None:
    (ref,) = extract_html("Quyết định số 1579/Q&ETH;-UBND ngày 20/01/2022").references
    assert (ref.code, ref.text) == ("1579/QĐ-UBND", "Quyết định số 1579/Q&ETH;-UBND")


def test_line_break_tags_inside_a_citation() -> None:
    page = "<p>Quyết định số<br>1579/QĐ-UBND ngày<br/>20/01/2022 của Ủy ban nhân dân tỉnh<br>Bắc Kạn</p>"
    doc = extract_html(page)
    (ref,) = doc.references
    assert (ref.text, ref.code) == ("Quyết định số<br>1579/QĐ-UBND", "1579/QĐ-UBND")
    assert ref.date == datetime.date(2022, 1, 20)
    assert [d.text for d in doc.dates] == ["ngày<br/>20/01/2022"]
    assert ref.issuer == "Ủy ban nhân dân tỉnh Bắc Kạn"


def test_scripts_styles_comments_and_attributes_hold_no_citations() -> None:
    page = (
        '<html><head><title>Tin tức</title><script>var s = "Chỉ thị số 99-CT/TW ngày 1/1/2001";</script>'
        "<style>/* Kết luận số 98-KL/TW */</style></head><body>"
        '<a title="Quy định số 97-QĐ/TW" href="/qd-97">Kết luận số 01-KL/TW</a><!-- Nghị quyết số 96-NQ/TW -->'
        '<img alt="Nghị định 95/2020/NĐ-CP"></body><script>Chỉ thị số 94-CT/TW'
    )
    doc = extract_html(page)
    assert [r.code for r in doc.references] == ["01-KL/TW"]
    assert doc.references[0].start == page.index("Kết luận số 01")
    assert doc.dates == []


def test_template_content_is_never_shown_so_never_reported() -> None:
    page = (
        "<p>Thực hiện</p><template id='row'><td>Chỉ thị số 99-CT/TW</td><template>Kết luận số 98-KL/TW"
        "</template>Nghị định 97/2020/NĐ-CP</TEMPLATE><p>Kết luận số 01-KL/TW ngày 5/1/2021</p>"
    )
    assert clean_html(page).text == "\nThực hiện\n\nKết luận số 01-KL/TW ngày 5/1/2021\n"
    doc = extract_html(page)
    assert [(r.code, r.start) for r in doc.references] == [("01-KL/TW", page.index("Kết luận số 01"))]
    assert [d.text for d in doc.dates] == ["ngày 5/1/2021"]
    assert clean_html("A<template>Chỉ thị số 99-CT/TW").text == "A"


def test_anaphora_and_bodies_point_into_the_html() -> None:
    page = "<p>Kế hoạch số 82-KH/TU của <b>Ban Thường vụ Tỉnh ủy</b>.</p><p>Kế&nbsp;hoạch này có hiệu lực.</p>"
    doc = extract_html(page)
    assert [b.text for b in doc.bodies] == ["Ban Thường vụ Tỉnh ủy"]
    (anaphor,) = doc.anaphora
    assert (anaphor.text, anaphor.antecedent) == ("Kế&nbsp;hoạch này", 0)


def test_text_without_markup_gives_the_same_result() -> None:
    text = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh; Nghị quyết này"
    assert partydocs.extract(text, html=True) == partydocs.extract(text)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_as_html_gives_the_same_references(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    paragraphs = ("<br>\n".join(html.escape(line) for line in p.split("\n")) for p in text.split("\n\n"))
    page = "<html><body>" + "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</body></html>"
    plain, doc = partydocs.extract(text), extract_html(page)
    assert [(r.code, r.doc_type, r.date, r.issuer, r.term) for r in doc.references] == [
        (r.code, r.doc_type, r.date, r.issuer, r.term) for r in plain.references
    ]
    assert [d.value for d in doc.dates] == [d.value for d in plain.dates]
    assert [b.name for b in doc.bodies] == [b.name for b in plain.bodies]


def test_full_segmentation_with_html() -> None:
    page = "<p>Chỉ thị số 05-CT/TW của <i>Bộ Chính trị</i></p>"
    assert partydocs.extract(page, html=True, full=True) == extract_html(page)


# --- properties --------------------------------------------------------------------------------------


MARKUP = [
    "<p>", "</p>", "<br>", "<br/>", "<b>", "</b>", "<i>", "</i>", '<a href="/x?a=1&b=2">', "</a>", "<div>", "</div>",
    "<li>", "<td>", "<tr>", "<pre>", "</pre>", "<script>", "</script>", "<style>", "</style>", "<!--", "-->",
    "<!DOCTYPE html>", "<?xml?>", "<", ">", "</", "/>", "&", ";", "#", "&nbsp;", "&#8209;", "&#xD800;", "&#272;",
    "&amp", "&bogus;", "&lt;b&gt;", '"', "'", "=", "<a title='>'>", "<img alt=\"Chỉ thị số 9-CT/TW\">",
]
WORDS = [
    "Chỉ thị số 05-CT/TW", "ngày 15/5/2016", "của Bộ Chính trị", "khóa XIII", "30/2020/NĐ-CP", "Số: 1579/QĐ-UBND",
    "Quyết định số", "1579/", "QĐ-UBND", "Nghị quyết này", "Ban Thường vụ Tỉnh ủy",
    " ", "\n", "\r\n", "\u00a0", "\u200b",
]
PAGES = st.integers(0, 40).flatmap(
    lambda n: st.lists(st.one_of(st.sampled_from(MARKUP), st.sampled_from(WORDS), st.text(max_size=3)), min_size=n,
                       max_size=n)
).map("".join)


@given(page=PAGES)
def test_any_page_extracts_with_offsets_into_it(page: str) -> None:
    extract_html(page)


@given(page=PAGES)
def test_the_map_is_in_order_and_inside_the_html(page: str) -> None:
    clean = clean_html(page)
    previous = (0, 0)
    for i in range(len(clean.text)):
        start, end = clean.to_html(i, i + 1)
        assert 0 <= start < end <= len(page)
        assert previous[0] <= start and previous[1] <= end
        previous = (start, end)


@given(text=st.text(st.characters(blacklist_characters="<&\r\n"), max_size=200))
def test_text_without_markup_is_kept_as_it_is(text: str) -> None:
    clean = clean_html(text)
    assert clean.text == text
    assert all(clean.to_html(i, i + 1) == (i, i + 1) for i in range(len(text)))
