"""Self-contained HTML views of an extraction: the text with every mention highlighted, a reference table."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import pairwise

from partydocs.models import Anaphor, BodyMention, DateMention, Extraction, Mention, Reference

STYLE = """
.partydocs{font-family:system-ui,sans-serif;line-height:1.7}
.partydocs .pd-text{white-space:pre-wrap;border:1px solid #ddd;padding:.6em .8em;border-radius:4px}
.partydocs mark,.partydocs .pd-legend span{border-radius:3px;padding:0 1px;color:inherit}
.partydocs .pd-party{background:#ffd6d6}
.partydocs .pd-state{background:#d4e6ff}
.partydocs .pd-named{background:#d8f5d0}
.partydocs .pd-date{border-bottom:2px solid #e08a00;background:#fff1d6}
.partydocs .pd-body{border-bottom:2px dotted #7a3db8;background:#efe3fb}
.partydocs .pd-anaphor{outline:1px dashed #666;background:#eee}
.partydocs .pd-legend{font-size:.85em;margin-bottom:.4em}
.partydocs .pd-legend span{margin-right:.6em}
.partydocs table{border-collapse:collapse;font-size:.9em;margin-top:.6em}
.partydocs th,.partydocs td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
"""
_LEGEND = ("party", "state", "named", "date", "body", "anaphor")
_TABLE_FIELDS = ("text", "kind", "code", "doc_type", "date", "issuer", "term", "subject", "antecedent")


class HTML(str):
    """An HTML string that Jupyter renders (it has `_repr_html_`)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The HTML itself."""
        return str(self)


@dataclass(frozen=True)
class _Span:
    """One element to wrap: offsets, CSS class and hover title."""

    start: int
    end: int
    kind: str
    title: str


def annotate(text: str, result: Extraction) -> HTML:
    """The text as self-contained HTML, each reference, date, body and anaphor highlighted with a hover title.

    `result` must come from `extract(text)`: its offsets index `text`, and a mismatch raises ValueError.
    """
    spans = _spans(text, result)
    return HTML(
        f'<div class="partydocs"><style>{STYLE}</style>{_legend()}'
        f'<div class="pd-text">{_markup(text, spans)}</div></div>'
    )


def annotate_page(text: str, result: Extraction, title: str = "partydocs") -> HTML:
    """A whole HTML page: the highlighted text followed by the table of references."""
    return HTML(
        f'<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"</head><body>\n{annotate(text, result)}\n{references_table(result)}\n</body></html>\n"
    )


def references_table(result: Extraction) -> HTML:
    """An HTML table of the references, with a count of every kind of mention as caption."""
    caption = (
        f"{len(result.references)} references, {len(result.dates)} dates, "
        f"{len(result.bodies)} bodies, {len(result.anaphora)} anaphora"
    )
    head = "".join(f"<th>{name}</th>" for name in ("#", *_TABLE_FIELDS))
    rows = "".join(_table_row(index, ref) for index, ref in enumerate(result.references))
    return HTML(
        f'<div class="partydocs"><style>{STYLE}</style><table><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _table_row(index: int, ref: Reference) -> str:
    """One <tr> of the reference table."""
    cells = [getattr(ref, name) for name in _TABLE_FIELDS]
    return f"<tr><td>{index}</td>" + "".join(f"<td>{_cell(value)}</td>" for value in cells) + "</tr>"


def _cell(value: object) -> str:
    """A table cell's escaped text ('' for None)."""
    return "" if value is None else escape(str(value))


def _legend() -> str:
    """A line naming each colour."""
    return '<div class="pd-legend">' + "".join(f'<span class="pd-{k}">{k}</span>' for k in _LEGEND) + "</div>"


def _spans(text: str, result: Extraction) -> list[_Span]:
    """Every mention as a span; references sharing one span (`Nghị quyết số 18, 19-NQ/TW`) share one title."""
    shared: dict[tuple[int, int, str], list[str]] = {}
    mentions: list[Mention] = [*result.references, *result.dates, *result.bodies, *result.anaphora]
    for mention in mentions:
        _check(text, mention)
        kind, title = _describe(mention)
        shared.setdefault((mention.start, mention.end, kind), []).append(title)
    return [_Span(start, end, kind, "\n".join(titles)) for (start, end, kind), titles in shared.items()]


def _check(text: str, mention: Mention) -> None:
    """Raise ValueError when a mention's offsets do not select its text in `text`."""
    if not 0 <= mention.start < mention.end <= len(text) or text[mention.start : mention.end] != mention.text:
        raise ValueError(f"mention {mention.text!r} at [{mention.start}:{mention.end}] is not in this text")


def _describe(mention: Mention) -> tuple[str, str]:
    """The CSS kind and the hover title of a mention."""
    if isinstance(mention, Reference):
        return mention.kind, _reference_title(mention)
    if isinstance(mention, DateMention):
        return "date", f"date {mention.iso}"
    if isinstance(mention, BodyMention):
        return "body", " · ".join(x for x in (mention.name, mention.level, mention.place) if x)
    assert isinstance(mention, Anaphor)
    target = "unresolved" if mention.antecedent is None else f"reference #{mention.antecedent}"
    return "anaphor", f"{mention.doc_type} → {target}"


def _reference_title(ref: Reference) -> str:
    """`05-CT/TW · Chỉ thị · 2016-05-15 · Bộ Chính trị · khóa 12`, skipping what is unknown."""
    parts = [ref.code, ref.doc_type, ref.date.isoformat() if ref.date else None, ref.issuer]
    parts.append(f"khóa {ref.term}" if ref.term else None)
    return " · ".join(part for part in parts if part) or ref.kind


def _markup(text: str, spans: list[_Span]) -> str:
    """Escape `text` and wrap the spans, splitting crossing spans so the elements always nest."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[_Span] = []
    starting: dict[int, list[_Span]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    active: set[_Span] = set()
    for left, right in pairwise(cuts):
        active = {s for s in active if s.end > left} | set(starting.get(left, ()))
        wanted = sorted(active, key=_nesting)
        keep = _common_prefix(stack, wanted)
        out.extend("</mark>" for _ in stack[keep:])
        out.extend(_open(span) for span in wanted[keep:])
        stack = wanted
        out.append(escape(text[left:right]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _nesting(span: _Span) -> tuple[int, int, int]:
    """Outer spans first: earlier start, then longer, then references before dates and bodies."""
    return span.start, -span.end, _LEGEND.index(span.kind)


def _common_prefix(old: list[_Span], new: list[_Span]) -> int:
    """How many leading elements of the two stacks are the same span."""
    count = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        count += 1
    return count


def _open(span: _Span) -> str:
    """The opening tag of a span, with its whole offsets as data attributes."""
    return (
        f'<mark class="pd-{span.kind}" title="{escape(span.title)}" '
        f'data-start="{span.start}" data-end="{span.end}">'
    )
