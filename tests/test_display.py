"""display: the kept text, the notebook view, one or many documents, pages, the table of references."""

from __future__ import annotations

import datetime
import json
import pickle

import pytest

import partydocs
from partydocs.annotate import HTML, anchor_prefix
from partydocs.batch import DocumentResult
from partydocs.models import Extraction, Reference
from partydocs.render import references_table

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
LAW = (
    "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015 và Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII"
)


def test_extract_keeps_the_text_out_of_its_dumps() -> None:
    doc = partydocs.extract(CHI_THI)
    assert doc.text == CHI_THI
    assert "text" not in doc.model_dump() and '"Chỉ thị số 05-CT/TW ngày' not in doc.model_dump_json()
    assert set(json.loads(doc.model_dump_json())) == {"references", "dates", "bodies", "anaphora", "relations"}
    assert doc.model_dump(context={"text": True})["text"] == CHI_THI
    again = Extraction.model_validate_json(doc.model_dump_json(context={"text": True}))
    assert again.text == CHI_THI and again == doc
    assert pickle.loads(pickle.dumps(doc)).text == CHI_THI
    assert "ngày 15/5/2016 của" not in repr(doc)


def test_an_html_page_keeps_the_page() -> None:
    page = "<p>Thực hiện <b>Chỉ thị số 05-CT/TW</b> ngày 15/5/2016</p>"
    doc = partydocs.extract(page, html=True)
    assert doc.text == page
    assert 'Thực hiện &lt;b&gt;<mark class="pd-mark pd-party"' in partydocs.display(doc)  # marks index the page


def test_batch_results_keep_their_texts_in_order() -> None:
    texts = [CHI_THI, "Kết luận số 21-KL/TW", "Không có gì"]
    for jobs in (1, 2):
        results = list(partydocs.extract_many(texts, n_jobs=jobs, chunksize=1))
        assert [r.extraction.text if r.extraction else None for r in results] == texts


def test_the_notebook_view_is_the_text_above_the_table() -> None:
    doc = partydocs.extract(CHI_THI)
    html = doc._repr_html_()
    assert html == partydocs.display(doc)
    assert html.index('<div class="pd-text">') < html.index('<table class="pd-table">')
    assert "<caption>1 reference, 1 date, 1 body, 0 anaphora, 0 relations</caption>" in html
    assert f'<td><a href="#{anchor_prefix(CHI_THI)}-r0">0</a></td>' in html
    assert '<td class="pd-nowrap">05-CT/TW</td>' in html and '<td class="pd-nowrap">2016-05-15</td>' in html


def test_a_result_without_its_text_shows_its_table() -> None:
    ref = Reference(text="x", start=0, end=1, kind="named", doc_type="<b>Luật</b>")
    html = Extraction(references=[ref])._repr_html_()
    assert '<div class="pd-text">' not in html and "only its table is shown" in html
    assert "<td class=\"pd-nowrap\">&lt;b&gt;Luật&lt;/b&gt;</td>" in html and "<td>0</td>" in html


def test_display_returns_html_that_jupyter_renders() -> None:
    shown = partydocs.display(CHI_THI)
    assert isinstance(shown, HTML) and isinstance(shown, str)
    assert shown._repr_html_() == str(shown) and shown.startswith('<div class="partydocs">')
    assert "<!DOCTYPE" not in shown and '<div class="pd-doc-title">' not in shown


def test_many_documents_with_their_ids_and_failures() -> None:
    results = list(partydocs.extract_many([("bai-1", CHI_THI), ("bai-<2>", 42), ("bai-3", LAW)]))
    html = partydocs.display(results, kinds=["party", "named"], table=False)
    assert '<section class="pd-doc" id="pd-doc-0"><div class="pd-doc-title">bai-1</div><div class="pd-text">' in html
    assert '<div class="pd-doc-title">bai-&lt;2&gt;</div><div class="pd-error">failed: TypeError: expected str' in html
    assert "pd-table" not in html.split("</style>")[1] and 'class="pd-mark pd-date"' not in html
    assert 'white-space:nowrap">Luật Tổ chức chính quyền địa phương</span>' in html
    assert 'white-space:nowrap">party 21-KL/TW</span>' in html
    assert html.count('<section class="pd-doc"') == 3 and "<nav" not in html


def test_extractions_in_a_list_are_numbered() -> None:
    html = partydocs.display([partydocs.extract(CHI_THI), CHI_THI])
    assert '<div class="pd-doc-title">Document 0</div>' in html and '<div class="pd-doc-title">Document 1</div>' in html
    assert f'id="{anchor_prefix(CHI_THI, 0)}-r0"' in html and f'id="{anchor_prefix(CHI_THI, 1)}-r0"' in html
    with pytest.raises(TypeError, match="got int"):
        partydocs.display([CHI_THI, 3])


def test_a_page_has_a_head_and_a_table_of_contents() -> None:
    results = [DocumentResult(id="a", extraction=partydocs.extract(CHI_THI)), DocumentResult(id="b", error="boom")]
    page = partydocs.display(results, page=True, title="<x>")
    assert page.startswith('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">')
    assert "<title>&lt;x&gt;</title>" in page
    assert (
        '<nav class="pd-contents"><ol>'
        '<li><a href="#pd-doc-0">a</a> (1 reference, 1 date, 1 body, 0 anaphora, 0 relations)</li>'
        '<li><a href="#pd-doc-1">b</a> (failed)</li></ol></nav>'
    ) in page
    assert "<nav" not in partydocs.display(CHI_THI, page=True)


def test_the_table_shows_dates_and_terms_as_written() -> None:
    refs = [
        Reference(text="a", start=0, end=1, kind="named", doc_type="Hiến pháp", date=datetime.date(2013, 1, 1),
                  date_granularity="year"),
        Reference(text="b", start=2, end=3, kind="party", code="21-KL/TW", date=datetime.date(2022, 3, 1),
                  date_granularity="month", term=13),
    ]
    table = references_table(Extraction(references=refs))
    assert '<td class="pd-nowrap">2013</td>' in table and "2013-01-01" not in table
    assert '<td class="pd-nowrap">03/2022</td><td></td><td class="pd-nowrap">khóa XIII</td>' in table
    assert "<caption>2 references, 0 dates, 0 bodies, 0 anaphora, 0 relations</caption>" in table
    style = partydocs.display(CHI_THI)
    assert "table.pd-table td{border:1px solid #ddd;padding:2px 6px;text-align:left" in style
    assert ".partydocs table.pd-table .pd-nowrap{white-space:nowrap}" in style


def test_counts_say_one_and_many() -> None:
    assert Extraction().counts() == "0 references, 0 dates, 0 bodies, 0 anaphora, 0 relations"
    assert partydocs.extract(LAW).counts() == "2 references, 1 date, 1 body, 0 anaphora, 0 relations"


def test_equality_compares_what_was_found_not_the_kept_text() -> None:
    doc = partydocs.extract(CHI_THI)
    assert Extraction.model_validate_json(doc.model_dump_json()) == doc
    assert doc != partydocs.extract(LAW) and doc != "x"
    textless = doc.model_copy(update={"text": None})
    assert DocumentResult(id=1, extraction=doc) == DocumentResult(id=1, extraction=textless)
