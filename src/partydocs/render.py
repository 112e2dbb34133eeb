"""`partydocs.display`: one or many documents as self-contained HTML, highlighted text above a table of references."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from partydocs.annotate import (
    HTML,
    anchor_prefix,
    checked_kinds,
    container_open,
    legend,
    reference_anchor,
    shown_date,
    shown_term,
    text_view,
)
from partydocs.batch import DocumentResult
from partydocs.models import Extraction, Reference
from partydocs.pipeline import extract

Displayable = Extraction | DocumentResult | str
_NOWRAP = frozenset({"kind", "code", "type", "date", "term"})
_NO_TEXT = "The text is not kept on this result (it was built or loaded without it): only its table is shown."


@dataclass(frozen=True)
class _Doc:
    """One document to show: its title (an id), its text and extraction, or the error it failed with."""

    title: str | None
    text: str | None
    result: Extraction | None
    error: str | None = None


def display(
    docs: Displayable | Iterable[Displayable],
    *,
    kinds: Iterable[str] | None = None,
    colors: Mapping[str, str] | None = None,
    page: bool = False,
    table: bool = True,
    title: str = "partydocs",
) -> HTML:
    """Render one or many documents: each text with labelled marks (details on hover or focus) and a table.

    `docs` is an `Extraction` from `extract` (it keeps its text), a `DocumentResult` from `extract_many`, a
    text (extracted here), or an iterable of them. `kinds` limits the marks to some of `party`, `state`,
    `named`, `date`, `body`, `anaphor`; `colors` maps a kind to a CSS colour. `page=True` gives a whole HTML
    page (with a table of contents when there are several documents). The result is an HTML string that
    Jupyter renders.
    """
    shown = checked_kinds(kinds)
    items = _documents(docs)
    several = len(items) > 1
    body = "".join(_section(doc, position, shown, table, several) for position, doc in enumerate(items))
    view = f"{container_open(colors)}{legend(shown)}{_contents(items) if page and several else ''}{body}</div>"
    return HTML(_page(view, title) if page else view)


def references_table(result: Extraction, prefix: str | None = None) -> HTML:
    """An HTML table of the references (each `#` a link to its mark when `prefix` names the marks)."""
    columns = ["#", "text", "kind", "code", "type", "date", "issuer", "term", "subject", "antecedent"]
    head = "".join(f"<th>{name}</th>" for name in columns)
    rows = "".join(_table_row(index, ref, prefix) for index, ref in enumerate(result.references))
    return HTML(
        f'<table class="pd-table"><caption>{escape(result.counts())}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _documents(docs: Displayable | Iterable[Displayable]) -> list[_Doc]:
    """The documents to show, whatever form they came in."""
    if isinstance(docs, Extraction | DocumentResult | str):
        return [_document(docs, None)]
    return [_document(item, position) for position, item in enumerate(docs)]


def _document(item: Any, position: int | None) -> _Doc:
    """One document; its title is its id, else its position among several."""
    default = None if position is None else f"Document {position}"
    if isinstance(item, str):
        return _Doc(default, item, extract(item))
    if isinstance(item, Extraction):
        return _Doc(default, item.text, item)
    if isinstance(item, DocumentResult):
        extraction = item.extraction
        return _Doc(str(item.id), extraction.text if extraction else None, extraction, item.error)
    raise TypeError(f"display takes an Extraction, a DocumentResult or a str, got {type(item).__name__}")


def _section(doc: _Doc, position: int, kinds: tuple[str, ...], table: bool, several: bool) -> str:
    """One document: its heading (when several or titled), its highlighted text, its table."""
    anchor = f"pd-doc-{position}"
    heading = f'<div class="pd-doc-title">{escape(doc.title)}</div>' if doc.title is not None else ""
    if doc.result is None:
        error = f'<div class="pd-error">failed: {escape(doc.error or "no result")}</div>'
        return f'<section class="pd-doc" id="{anchor}">{heading}{error}</section>'
    prefix = anchor_prefix(doc.text or "", position) if doc.text is not None else None
    if doc.text is not None and prefix is not None:
        text = text_view(doc.text, doc.result, kinds, prefix)
    else:
        text = f'<div class="pd-note">{escape(_NO_TEXT)}</div>'
    references = references_table(doc.result, prefix) if table else ""
    return f'<section class="pd-doc" id="{anchor}">{heading}{text}{references}</section>'


def _contents(items: list[_Doc]) -> str:
    """A table of contents: each document's title, linked, with its counts."""
    entries = "".join(
        f'<li><a href="#pd-doc-{position}">{escape(doc.title or f"Document {position}")}</a> '
        f"({escape(doc.result.counts() if doc.result else 'failed')})</li>"
        for position, doc in enumerate(items)
    )
    return f'<nav class="pd-contents"><ol>{entries}</ol></nav>'


def _page(view: str, title: str) -> str:
    """A whole HTML page around a view."""
    return (
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{escape(title)}</title>'
        f'</head><body style="max-width:60em;margin:1em auto;padding:0 1em">\n{view}\n</body></html>\n'
    )


def _table_row(index: int, ref: Reference, prefix: str | None) -> str:
    """One <tr> of the reference table: codes and dates unwrapped, dates at their written precision."""
    number = f'<a href="#{escape(reference_anchor(prefix, index))}">{index}</a>' if prefix else str(index)
    cells: list[tuple[str, object]] = [
        ("text", " ".join(ref.text.split())), ("kind", ref.kind), ("code", ref.code), ("type", ref.doc_type),
        ("date", shown_date(ref.date, ref.date_granularity)), ("issuer", ref.issuer),
        ("term", shown_term(ref.term)), ("subject", ref.subject), ("antecedent", ref.antecedent),
    ]
    return f"<tr><td>{number}</td>" + "".join(_cell(name, value) for name, value in cells) + "</tr>"


def _cell(name: str, value: object) -> str:
    """A table cell's escaped text ('' for None); codes and dates never wrap."""
    attribute = ' class="pd-nowrap"' if name in _NOWRAP else ""
    return f"<td{attribute}>{'' if value is None else escape(str(value))}</td>"
