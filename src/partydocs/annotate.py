"""An extraction's text as self-contained HTML: each mention a labelled mark, details shown on hover or focus."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from itertools import pairwise

import regex

from partydocs.models import Anaphor, BodyMention, DateMention, Extraction, Granularity, Mention, Reference

KINDS = ("party", "state", "named", "date", "body", "anaphor")
"""The kinds of mark, outermost first when two share a span."""
COLORS = {
    "party": "#ffd6d6", "state": "#d4e6ff", "named": "#d8f5d0",
    "date": "#fff1d6", "body": "#efe3fb", "anaphor": "#e8e8e8",
}
"""The default background of each kind (`colors=` overrides them)."""
_COLOR = regex.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(?:rgb|rgba|hsl|hsla)\([0-9.,%\s/]{1,60}\)")

STYLE = """
.partydocs{font-family:system-ui,"Segoe UI","Noto Sans",Roboto,sans-serif;line-height:2.2;color:#1f1f1f;text-align:left}
.partydocs .pd-text{white-space:pre-wrap;border:1px solid #ddd;padding:.5em .8em 1.5em;border-radius:4px;
background:#fff}
.partydocs .pd-mark{position:relative;color:inherit;cursor:help;-webkit-box-decoration-break:clone;
box-decoration-break:clone}
.partydocs .pd-mark:focus{outline:2px solid #1a73e8;outline-offset:1px}
.partydocs .pd-repeat{outline:1px dashed #777}
.partydocs .pd-label{line-height:1;vertical-align:.12em;user-select:none}
.partydocs .pd-details{position:absolute;left:0;top:100%;z-index:20;margin-top:2px;
grid-template-columns:max-content minmax(8em,26em);gap:.1em .8em;padding:.45em .7em;
background:#fff;color:#1f1f1f;border:1px solid #aaa;border-radius:5px;box-shadow:0 3px 10px rgba(0,0,0,.22);
font-size:.82em;font-weight:400;line-height:1.45;white-space:normal;text-align:left;user-select:text;cursor:auto}
.partydocs .pd-details b{font-weight:600;color:#555}
.partydocs .pd-mark:hover:not(:has(.pd-mark:hover))>.pd-details,
.partydocs .pd-mark:focus>.pd-details{display:grid!important}
.partydocs .pd-legend{font-size:.85em;margin-bottom:.3em;line-height:1.8}
.partydocs .pd-legend .pd-mark{cursor:auto;margin-right:.5em}
.partydocs .pd-doc-title{font-size:1.1em;font-weight:600;margin:.8em 0 .2em}
.partydocs .pd-error{color:#a00000}
.partydocs table.pd-table{border-collapse:collapse;font-size:.88em;margin:.6em 0 0 0;table-layout:auto;line-height:1.4}
.partydocs table.pd-table caption{text-align:left;caption-side:top;padding:.2em 0;color:#444}
.partydocs table.pd-table th,.partydocs table.pd-table td{border:1px solid #ddd;padding:2px 6px;text-align:left;
vertical-align:top;white-space:normal}
.partydocs table.pd-table .pd-nowrap{white-space:nowrap}
"""


_LABEL_STYLE = (
    "font-size:.66em;font-weight:700;margin-left:.4em;padding:.15em .35em;border-radius:3px;"
    "background:rgba(0,0,0,.1);white-space:nowrap"
)
"""Inline styles keep marks coloured and labelled, and details hidden, where a notebook viewer drops `<style>`."""


def _background(kind: str) -> str:
    """The inline style giving a mark of `kind` its colour (a `colors=` override, else the default)."""
    return f"background:var(--pd-{kind},{COLORS[kind]});border-radius:4px;padding:.15em .3em"


class HTML(str):
    """An HTML string that Jupyter renders (it has `_repr_html_`)."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The HTML itself."""
        return str(self)


@dataclass(frozen=True)
class _Mark:
    """One mark to place: its span, kind, anchor id, visible label and details (escaped HTML)."""

    start: int
    end: int
    kind: str
    anchor: str
    label: str
    details: str
    repeat: bool = False


def annotate(
    text: str, result: Extraction, *, kinds: Iterable[str] | None = None, colors: Mapping[str, str] | None = None
) -> HTML:
    """The text as self-contained HTML, each mention a labelled mark with its details on hover or focus.

    `result` must come from `extract(text)`: its offsets index `text`, and a mismatch raises ValueError.
    `kinds` limits the marks (of `KINDS`); `colors` maps a kind to a CSS colour.
    """
    shown = checked_kinds(kinds)
    return HTML(f"{container_open(colors)}{legend(shown)}{text_view(text, result, shown, anchor_prefix(text))}</div>")


def checked_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    """The kinds to mark, in `KINDS` order; an unknown kind raises ValueError."""
    if kinds is None:
        return KINDS
    wanted = [kinds] if isinstance(kinds, str) else list(kinds)
    unknown = [kind for kind in wanted if kind not in KINDS]
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r}; kinds are {', '.join(KINDS)}")
    return tuple(kind for kind in KINDS if kind in wanted)


def container_open(colors: Mapping[str, str] | None) -> str:
    """The opening `<div class="partydocs">` with its colours as CSS variables, and the inline stylesheet."""
    variables = "".join(f"--pd-{kind}:{color};" for kind, color in _checked_colors(colors or {}).items())
    style = f' style="{escape(variables)}"' if variables else ""
    return f'<div class="partydocs"{style}><style>{STYLE}</style>'


def _checked_colors(colors: Mapping[str, str]) -> dict[str, str]:
    """The colours, each kind known and each value a plain CSS colour (no url(), no `;`), else ValueError."""
    checked_kinds(colors)
    for kind, color in colors.items():
        if not isinstance(color, str) or not _COLOR.fullmatch(color):
            raise ValueError(f"colour of {kind!r} must be a CSS colour such as '#ffd6d6' or 'rgb(255,214,214)'")
    return dict(colors)


def legend(kinds: Iterable[str]) -> str:
    """A line naming the colour of each kind shown."""
    spans = "".join(f'<span class="pd-mark pd-{k}" style="{_background(k)}">{k}</span>' for k in kinds)
    return f'<div class="pd-legend">{spans}</div>'


def anchor_prefix(text: str, position: int = 0) -> str:
    """A prefix for the element ids of one document, distinct for distinct texts (and positions)."""
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()[:8]
    return f"pd-{digest}-{position}"


def text_view(text: str, result: Extraction, kinds: Iterable[str], prefix: str) -> str:
    """`<div class="pd-text">` holding the escaped text with the marks of `kinds`."""
    return f'<div class="pd-text">{_markup(text, _marks(text, result, set(kinds), prefix))}</div>'


def reference_anchor(prefix: str, index: int) -> str:
    """The id of the mark of reference `index`."""
    return f"{prefix}-r{index}"


# --- what each mark says ---------------------------------------------------------------------------------


def shown_date(value: datetime.date | None, granularity: Granularity | None) -> str:
    """A date at the precision written: `2015`, `Q1/2022`, `03/2022`, `2022-03-09` ('' without one)."""
    if value is None:
        return ""
    if granularity == "year":
        return f"{value.year:04d}"
    if granularity == "quarter":
        return f"Q{(value.month - 1) // 3 + 1}/{value.year:04d}"
    if granularity == "month":
        return f"{value.month:02d}/{value.year:04d}"
    return value.isoformat()


def shown_term(term: int | None) -> str:
    """A Party term as written in Vietnamese: 13 is `khóa XIII` ('' without one)."""
    if not term:
        return ""
    numerals = ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    roman = ""
    for value, numeral in numerals:
        count, term = divmod(term, value)
        roman += numeral * count
    return f"khóa {roman}"


def reference_label(ref: Reference) -> str:
    """The visible label: `party 21-KL/TW`, or the name of a named reference (`Luật Đất đai`)."""
    if ref.code:
        return f"{ref.kind} {ref.code}"
    if ref.name:
        return f"{ref.doc_type} {ref.name}" if ref.doc_type else ref.name
    return " ".join(ref.text.split())


def _marks(text: str, result: Extraction, kinds: set[str], prefix: str) -> list[_Mark]:
    """The marks of the wanted kinds; references sharing one span (`số 18, 19-NQ/TW`) share one mark."""
    for mention in [*result.references, *result.dates, *result.bodies, *result.anaphora]:
        _check(text, mention)
    groups: dict[tuple[int, int], list[int]] = {}
    for index, ref in enumerate(result.references):
        groups.setdefault((ref.start, ref.end), []).append(index)
    anchors = {index: reference_anchor(prefix, members[0]) for members in groups.values() for index in members}
    marks = [
        _reference_mark(result, members, anchors)
        for members in groups.values()
        if result.references[members[0]].kind in kinds
    ]
    if "date" in kinds:
        marks.extend(_date_mark(date, f"{prefix}-d{i}") for i, date in enumerate(result.dates))
    if "body" in kinds:
        marks.extend(_body_mark(body, f"{prefix}-b{i}") for i, body in enumerate(result.bodies))
    if "anaphor" in kinds:
        marks.extend(_anaphor_mark(result, a, f"{prefix}-a{i}", anchors) for i, a in enumerate(result.anaphora))
    return marks


def _check(text: str, mention: Mention) -> None:
    """Raise ValueError when a mention's offsets do not select its text in `text`."""
    if not 0 <= mention.start < mention.end <= len(text) or text[mention.start : mention.end] != mention.text:
        raise ValueError(f"mention {mention.text!r} at [{mention.start}:{mention.end}] is not in this text")


def _reference_mark(result: Extraction, members: list[int], anchors: dict[int, str]) -> _Mark:
    """The mark of the references at one span: the labels joined, the details of each in turn."""
    refs = [result.references[index] for index in members]
    first = refs[0]
    details = "".join(_reference_details(result, index, anchors) for index in members)
    labels = ", ".join(dict.fromkeys(reference_label(ref) for ref in refs))
    repeat = all(ref.antecedent is not None for ref in refs)
    return _Mark(first.start, first.end, first.kind, anchors[members[0]], labels, details, repeat)


def _reference_details(result: Extraction, index: int, anchors: dict[int, str]) -> str:
    """The rows shown for one reference: what it is, when, by whom, what it points to and relates to."""
    ref = result.references[index]
    rows: list[tuple[str, str]] = [("reference", escape(f"#{index} {ref.kind}"))]
    rows += [(name, escape(value)) for name, value in _reference_facts(ref) if value]
    if ref.antecedent is not None:
        rows.append(("antecedent", _pointer(result, ref.antecedent, anchors)))
    rows += _relation_rows(result, index, anchors)
    return _rows(rows)


def _reference_facts(ref: Reference) -> list[tuple[str, str]]:
    """The plain facts of a reference, as (name, text) pairs ('' where unknown)."""
    return [
        ("code", ref.code or ""), ("name", ref.name or ""),
        ("type", ref.doc_type or ""), ("date", shown_date(ref.date, ref.date_granularity)),
        ("issuer", ref.issuer or ""), ("term", shown_term(ref.term)), ("subject", ref.subject or ""),
        ("key", ref.key),
    ]


def _pointer(result: Extraction, index: int, anchors: dict[int, str]) -> str:
    """A link to reference `index`: `#0 party 05-CT/TW` (plain text when out of range)."""
    if not 0 <= index < len(result.references):
        return escape(f"#{index}")
    label = escape(f"#{index} {reference_label(result.references[index])}")
    return f'<a href="#{escape(anchors[index])}">{label}</a>'


def _relation_rows(result: Extraction, index: int, anchors: dict[int, str]) -> list[tuple[str, str]]:
    """One row per relation from this reference (`implements → #2 ...`) and per relation to it."""
    rows: list[tuple[str, str]] = []
    for relation in result.relations:
        if relation.source == index:
            rows.append((escape(relation.type), "→ " + _pointer(result, relation.target, anchors)))
        elif relation.target == index:
            rows.append((escape(relation.type), "← " + _pointer(result, relation.source, anchors)))
    return rows


def _date_mark(date: DateMention, anchor: str) -> _Mark:
    """A date mention: its value at the precision written, and the end of a range."""
    shown = shown_date(date.value, date.granularity) or date.iso
    if date.end_value is not None:
        shown += " – " + shown_date(date.end_value, date.granularity)
    rows = [("date", escape(shown)), ("precision", date.granularity)]
    return _Mark(date.start, date.end, "date", anchor, "date", _rows(rows))


def _body_mark(body: BodyMention, anchor: str) -> _Mark:
    """An organ: its name, level and place."""
    facts = [("body", body.name), ("level", body.level), ("place", body.place), ("province", body.province)]
    rows = [(name, escape(value)) for name, value in facts if value]
    label = f"body · {body.level}" if body.level else "body"
    return _Mark(body.start, body.end, "body", anchor, label, _rows(rows))


def _anaphor_mark(result: Extraction, anaphor: Anaphor, anchor: str, anchors: dict[int, str]) -> _Mark:
    """A pointer back (`Chỉ thị này`): its type and the reference it points to."""
    target = anaphor.antecedent
    rows = [("anaphor", escape(anaphor.doc_type))]
    rows.append(("antecedent", "unresolved" if target is None else _pointer(result, target, anchors)))
    in_range = target is not None and 0 <= target < len(result.references)
    label = f"→ {reference_label(result.references[target])}" if in_range and target is not None else "anaphor"
    return _Mark(anaphor.start, anaphor.end, "anaphor", anchor, label, _rows(rows))


def _rows(rows: list[tuple[str, str]]) -> str:
    """Name/value pairs (already escaped) as cells of the details grid."""
    return "".join(f"<b>{name}</b><span>{value}</span>" for name, value in rows)


# --- placing the marks -----------------------------------------------------------------------------------


def _markup(text: str, marks: list[_Mark]) -> str:
    """Escape `text` and wrap the marks, splitting crossing marks so the elements always nest.

    A mark split in pieces carries its anchor, label and details on its last piece.
    """
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[_Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    out: list[str] = []
    opened: dict[_Mark, int] = {}
    stack: list[_Mark] = []
    active: set[_Mark] = set()
    for left, right in pairwise(cuts):
        active = {m for m in active if m.end > left} | set(starting.get(left, ()))
        wanted = sorted(active, key=_nesting)
        keep = _common_prefix(stack, wanted)
        for mark in reversed(stack[keep:]):
            out.append(_close(mark, out, opened, left))
        for mark in wanted[keep:]:
            opened[mark] = len(out)
            out.append(_open(mark, last=False))
        stack = wanted
        out.append(escape(text[left:right]))
    for mark in reversed(stack):
        out.append(_close(mark, out, opened, len(text)))
    return "".join(out)


def _nesting(mark: _Mark) -> tuple[int, int, int]:
    """Outer marks first: earlier start, then longer, then references before dates and bodies."""
    return mark.start, -mark.end, KINDS.index(mark.kind)


def _common_prefix(old: list[_Mark], new: list[_Mark]) -> int:
    """How many leading elements of the two stacks are the same mark."""
    count = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        count += 1
    return count


def _open(mark: _Mark, *, last: bool) -> str:
    """The opening tag of a piece of a mark; the last piece is focusable and carries the anchor."""
    classes = f"pd-mark pd-{mark.kind}" + (" pd-repeat" if mark.repeat else "")
    anchor = f' id="{escape(mark.anchor)}" tabindex="0"' if last else ""
    return (
        f'<mark class="{classes}"{anchor} style="{_background(mark.kind)}" '
        f'data-start="{mark.start}" data-end="{mark.end}">'
    )


def _close(mark: _Mark, out: list[str], opened: dict[_Mark, int], position: int) -> str:
    """The closing tag of a piece; the last piece gets its anchor and ends with the label and the details."""
    if position < mark.end:
        return "</mark>"
    out[opened[mark]] = _open(mark, last=True)
    return (
        f'<span class="pd-label" style="{_LABEL_STYLE}">{escape(mark.label)}</span>'
        f'<span class="pd-details" role="tooltip" style="display:none">{mark.details}</span></mark>'
    )
