"""The display and the CLI's highlight page in headless Chromium: every mark visible with its label, details on
hover and on focus, a screenshot. Under CI (CI=true) a missing browser fails the test; elsewhere it skips."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

import partydocs
from browser import SAMPLE, chromium, hover, missing, open_page, sample_page, screenshot_sample, style
from partydocs.cli import main

SAMPLE_LABELS = [
    "party 05-CT/TW", "date", "body · central", "body · district", "party 82-KH/HU", "date",
    "Luật Tổ chức chính quyền địa phương", "date", "state 30/2020/NĐ-CP", "date", "body · central",
    "body · district", "party 05-CT/TW", "→ party 82-KH/HU", "date",
]


@pytest.fixture(scope="module")
def driver() -> Any:
    """One headless Chromium for the module; skipped outside CI when it is not installed."""
    reason = missing()
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"the browser test must run under CI: {reason}")
        pytest.skip(reason)
    with chromium() as browser:
        yield browser


def _marks(driver: Any) -> list[Any]:
    """The last piece of every mark (the one with the label and details), in document order."""
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, ".pd-text mark.pd-mark[tabindex]"))


def _child(mark: Any, css: str) -> Any:
    """The direct child of a mark matching `css` (not one of a nested mark)."""
    from selenium.webdriver.common.by import By

    return mark.find_element(By.CSS_SELECTOR, f":scope > {css}")


def _assert_marks_visible(driver: Any) -> list[str]:
    """Every mark and its label are displayed, with a size; returns the labels in order."""
    labels = []
    for mark in _marks(driver):
        label = _child(mark, ".pd-label")
        assert mark.is_displayed() and label.is_displayed(), mark.get_attribute("outerHTML")[:200]
        assert label.size["width"] > 10 and label.size["height"] > 5
        assert style(driver, mark, "background-color") != "rgba(0, 0, 0, 0)"
        labels.append(label.text)
    return labels


def _details_shown(driver: Any, mark: Any) -> bool:
    """Whether the mark's own details box is shown (its computed display and visibility), with a size."""
    details = _child(mark, ".pd-details")
    shown = style(driver, details, "display") == "grid" and style(driver, details, "visibility") == "visible"
    return shown and details.size["height"] > 10


def test_display_in_chromium(driver: Any, tmp_path: Path) -> None:
    open_page(driver, sample_page(tmp_path))
    assert _assert_marks_visible(driver) == SAMPLE_LABELS
    marks = _marks(driver)
    assert not any(_details_shown(driver, mark) for mark in marks)

    first = marks[0]
    hover(driver, first)
    assert _details_shown(driver, first)
    details = _child(first, ".pd-details").text
    assert "code\n05-CT/TW" in details and "date\n2016-05-15" in details and "term\nkhóa XII" in details
    assert sum(_details_shown(driver, mark) for mark in marks) == 1

    law, year = marks[6], marks[7]  # `năm 2015` nested in `Luật ... năm 2015`: only the inner details show
    hover(driver, year)
    assert _details_shown(driver, year) and not _details_shown(driver, law)
    hover(driver, law)
    assert _details_shown(driver, law) and "date\n2015" in _child(law, ".pd-details").text

    repeat = marks[12]
    driver.execute_script("document.activeElement.blur(); arguments[0].focus()", repeat)
    hover(driver, driver.find_element("css selector", ".pd-legend"))
    assert _details_shown(driver, repeat) and sum(_details_shown(driver, mark) for mark in marks) == 1
    assert "antecedent\n#0 party 05-CT/TW" in _child(repeat, ".pd-details").text

    png = tmp_path / "display.png"
    screenshot_sample(driver, tmp_path, png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


def test_highlight_page_of_a_dump_in_chromium(driver: Any, tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    records = [{"id": "bai-1", "text": SAMPLE}, {"id": "bai-2", "text": "Căn cứ Nghị định số 30/2020/NĐ-CP."}]
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["highlight", str(dump), "-o", str(page)]) == 0
    open_page(driver, page)

    contents = driver.find_elements("css selector", "nav.pd-contents a")
    assert [link.text for link in contents] == ["bai-1", "bai-2"]
    assert _assert_marks_visible(driver) == [*SAMPLE_LABELS, "state 30/2020/NĐ-CP"]
    last = _marks(driver)[-1]
    hover(driver, last)
    assert _details_shown(driver, last) and "code\n30/2020/NĐ-CP" in _child(last, ".pd-details").text
    driver.save_screenshot(str(tmp_path / "highlight.png"))
    assert (tmp_path / "highlight.png").stat().st_size > 20_000


def test_the_sample_is_what_extract_finds() -> None:
    doc = partydocs.extract(SAMPLE)
    assert [ref.code or ref.name for ref in doc.references] == [
        "05-CT/TW", "82-KH/HU", "Tổ chức chính quyền địa phương", "30/2020/NĐ-CP", "05-CT/TW",
    ]


JUPYTER_STYLE = """<style>
.jp-RenderedHTMLCommon table{table-layout:fixed;margin-left:auto;margin-right:auto;border:none}
.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th,.jp-RenderedHTMLCommon tr{text-align:right;
vertical-align:middle;padding:.5em;white-space:normal;border:none}
</style>"""
"""The rules of JupyterLab's output stylesheet that fight a table: right-aligned cells, a fixed centred table."""


def test_under_jupyters_stylesheet_and_without_any(driver: Any, tmp_path: Path) -> None:
    html = partydocs.display(partydocs.extract(SAMPLE))
    narrow = tmp_path / "jupyter.html"
    narrow.write_text(
        f'<meta charset="utf-8">{JUPYTER_STYLE}<div class="jp-RenderedHTMLCommon" style="width:420px">{html}</div>',
        encoding="utf-8",
    )
    open_page(driver, narrow)
    cells = driver.find_elements("css selector", "table.pd-table td")
    assert {style(driver, cell, "text-align") for cell in cells} == {"left"}
    codes = driver.find_elements("css selector", "table.pd-table td.pd-nowrap")
    assert "30/2020/NĐ-CP" in [cell.text for cell in codes]
    lines = "const r = document.createRange(); r.selectNodeContents(arguments[0]); return r.getClientRects().length"
    for cell in codes:  # one line each, however narrow the table
        assert style(driver, cell, "white-space") == "nowrap"
        assert driver.execute_script(lines, cell) == (1 if cell.text else 0)
    subjects = [cell for cell in cells if cell.text.startswith("đẩy mạnh")]
    assert driver.execute_script(lines, subjects[0]) > 1  # a subject does wrap

    bare = tmp_path / "bare.html"  # a viewer that drops <style>: colours and labels stay, details stay hidden
    bare.write_text('<meta charset="utf-8">' + re.sub(r"<style>.*?</style>", "", html, flags=re.S), encoding="utf-8")
    open_page(driver, bare)
    assert _assert_marks_visible(driver) == SAMPLE_LABELS
    assert {style(driver, d, "display") for d in driver.find_elements("css selector", ".pd-details")} == {"none"}
