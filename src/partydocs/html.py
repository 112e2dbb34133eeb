"""Visible text of an HTML page, with a map from its offsets back into the HTML (`extract(html, html=True)`).

Tags are dropped (block tags and `<br>` become line breaks, table cells tabs), the contents of
`<script>`, `<style>`, `<template>` (nested too) and comments are dropped, entities are decoded, and
whitespace holding a line break becomes one space (outside `<pre>`), as a browser renders it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from html import unescape
from typing import TypeVar

import regex

from partydocs.models import Extraction, Mention

_ATTRIBUTES = r"""(?:[^>"']++|"[^"]*+"?|'[^']*+'?)*+>?"""
_TOKEN = regex.compile(
    rf"""(?P<drop><!--(?:.*?-->|.*+)
        |<script(?![\w:-]){_ATTRIBUTES}(?:.*?</script\s*+>|.*+)
        |<style(?![\w:-]){_ATTRIBUTES}(?:.*?</style\s*+>|.*+)
        |<[!?][^>]*+>?)
    |(?P<tag></?(?P<name>[a-z][\w:-]*+){_ATTRIBUTES})
    |(?P<entity>&(?:\#x[0-9a-f]{{1,8}}+|\#\d{{1,8}}+|[a-z][a-z0-9]{{1,31}}+);?)
    |(?P<space>(?<![ \t\f])[ \t\f]*+[\r\n][ \t\n\f\r]*+)""",
    regex.IGNORECASE | regex.DOTALL | regex.VERBOSE,
)
"""What is not copied as it is: dropped parts, tags, entities, and whitespace with a line break. Each
alternative, once begun, matches (to its end or the input's) and spaces are tried from the start of
their run only, so the scan is linear."""

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "tbody", "tfoot", "thead", "title", "tr", "ul",
    }
)
_CELL_TAGS = frozenset({"td", "th"})
_M = TypeVar("_M", bound=Mention)


@dataclass(frozen=True)
class CleanText:
    """The visible text of `html`; `to_html` maps a span of `text` back to the HTML it was read from."""

    text: str
    html: str
    _starts: list[int] = field(repr=False)
    """Offset in `text` of each piece (a run copied from the HTML, or what one token became)."""
    _html_starts: list[int] = field(repr=False)
    _html_ends: list[int] = field(repr=False)
    _copied: list[bool] = field(repr=False)

    def to_html(self, start: int, end: int) -> tuple[int, int]:
        """The HTML span that the non-empty span `text[start:end]` comes from, tags and entities whole."""
        return self._source(start)[0], self._source(end - 1)[1]

    def to_html_offsets(self, doc: Extraction) -> Extraction:
        """`doc`, extracted from `text`, with every mention's offsets and text taken from `html`."""
        return doc.model_copy(
            update={
                "references": [self._moved(m) for m in doc.references],
                "dates": [self._moved(m) for m in doc.dates],
                "bodies": [self._moved(m) for m in doc.bodies],
                "anaphora": [self._moved(m) for m in doc.anaphora],
            }
        )

    def _moved(self, mention: _M) -> _M:
        start, end = self.to_html(mention.start, mention.end)
        return mention.model_copy(update={"start": start, "end": end, "text": self.html[start:end]})

    def _source(self, pos: int) -> tuple[int, int]:
        """The HTML range that character `pos` of `text` was read from."""
        i = bisect_right(self._starts, pos) - 1
        if self._copied[i]:
            at = self._html_starts[i] + pos - self._starts[i]
            return at, at + 1
        return self._html_starts[i], self._html_ends[i]


def clean_html(html: str) -> CleanText:
    """The visible text of `html`, with the map back into it."""
    pieces: list[str] = []
    starts: list[int] = []
    html_starts: list[int] = []
    html_ends: list[int] = []
    copied: list[bool] = []
    length = 0
    pre = 0

    def add(text: str, html_start: int, html_end: int, copy: bool) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            starts.append(length)
            html_starts.append(html_start)
            html_ends.append(html_end)
            copied.append(copy)
            length += len(text)

    copied_to = 0
    template = 0
    for token in _TOKEN.finditer(html):
        if not template:
            add(html[copied_to : token.start()], copied_to, token.start(), True)
        written = token.group()
        if token.group("tag"):
            name = token.group("name").lower()
            closing = written.startswith("</")
            if name == "pre":
                pre = max(0, pre - 1) if closing else pre + 1
            elif name == "template":
                template = max(0, template - 1) if closing else template + 1
            new = "\n" if name in _BLOCK_TAGS else "\t" if name in _CELL_TAGS else ""
        elif token.group("entity"):
            new = unescape(written)
        elif token.group("space"):
            new = written if pre else " "
        else:
            new = ""
        if not template:
            add(new, token.start(), token.end(), new == written)
        copied_to = token.end()
    if not template:
        add(html[copied_to:], copied_to, len(html), True)
    return CleanText("".join(pieces), html, starts, html_starts, html_ends, copied)
