"""Stage 4: short forms (`Chỉ thị 05`, `Kết luận 12`) and repeated mentions of one document.

A later mention points to the nearest earlier mention of the same document (`antecedent`) and
takes the date, issuer, term and subject it does not write from the earlier mentions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from partydocs.anchors import Anchors, anchored
from partydocs.find import TYPE_FIRST_SYLLABLES, TYPE_WORDS, Context, Found, Spans
from partydocs.named import written_or_coded_types
from partydocs.tables import DOC_TYPE_ABBREVIATIONS, DOC_TYPE_WORDS, fold

_COMPLETED = ("date", "date_granularity", "issuer", "term", "subject")
_MAX_EARLIER = 50
"""How many earlier mentions of one code a mention is linked to and completed from (keeps repeats linear)."""


_ABBREVIATED = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<type>{'|'.join(DOC_TYPE_ABBREVIATIONS)})\s?(?P<number>\d{{1,4}}+)(?![\p{{L}}\p{{N}}/-])"
)


def _type_of(match: regex.Match[str]) -> str:
    word = match.group("type")
    return DOC_TYPE_WORDS.get(word.lower()) or DOC_TYPE_ABBREVIATIONS[word]


def find_short_forms(context: Context, found: list[Found]) -> list[Found]:
    """A type and number without a code (`Chỉ thị 05`, `NQ21`) that names a document cited with its code."""
    taken = Spans((ref.start, ref.end) for ref in found)
    coded: dict[tuple[str | None, str | None], list[Found]] = {}
    for ref in found:
        if ref.code:
            for doc_type in written_or_coded_types(ref):
                coded.setdefault((doc_type, ref.number), []).append(ref)
    short: list[Found] = []
    matches = sorted([*context.numbered_types, *_ABBREVIATED.finditer(context.text)], key=lambda m: m.start())
    for match in matches:
        if taken.overlaps(match.start(), match.end()):
            continue
        cited = _cited(coded.get((_type_of(match), match.group("number")), []), match.start())
        if cited is not None:
            short.append(_short_form(cited, match))
    return short


def _cited(same: list[Found], before: int) -> Found | None:
    """The nearest earlier of the coded citations `same` of one type and number (else the first later one)."""
    i = bisect_left(same, before, key=lambda r: r.start)
    if i:
        return same[i - 1]
    return same[0] if same else None


def _short_form(cited: Found, match: regex.Match[str]) -> Found:
    fields = {**cited.__dict__, "start": match.start(), "end": match.end(), "code_end": match.end()}
    fields.update(is_header=False, header_site=False, antecedent=None, doc_type=_type_of(match))
    fields.update(dict.fromkeys(_COMPLETED))
    return Found(**fields)


def resolve(found: list[Found], named: list[Found], short_forms: list[Found]) -> list[Found]:
    """All references in reading order, repeated mentions linked to and completed from earlier ones."""
    ordered = sorted([*found, *named, *short_forms], key=lambda r: (r.start, -r.end))  # a title before those in it
    mentions: dict[str, list[int]] = {}
    for i, ref in enumerate(ordered):
        key = _identity(ref)
        if key is None:
            continue
        earlier = list(_same_document(ordered, i, mentions.setdefault(key, [])))
        mentions[key].append(i)
        if not earlier:
            continue
        ref.antecedent = earlier[0]
        for j in earlier:
            _complete(ref, ordered[j])
    return ordered


def _identity(ref: Found) -> str | None:
    """What names one document: its code, else a law's type and name."""
    if ref.code:
        return "".join(c for c in fold(ref.code) if c.isalnum() or c == "/")
    if ref.name and ref.doc_type:
        return f"{ref.doc_type}:" + "".join(c for c in fold(ref.name) if c.isalnum())
    return None


def _same_document(ordered: list[Found], i: int, same_key: list[int]) -> Iterator[int]:
    """Indices of earlier mentions of the document that mention `i` names, nearest first.

    `same_key` holds, in order, the indices before `i` whose identity is that of `i`.
    """
    ref = ordered[i]
    for j in reversed(same_key[-_MAX_EARLIER:]):
        other = ordered[j]
        if other.start != ref.start and not _conflicts(ref, other):
            yield j


def _conflicts(ref: Found, other: Found) -> bool:
    """Two mentions of one code that cannot be one document (numbers restart every term)."""
    if ref.term and other.term and ref.term != other.term:
        return True
    both_days = ref.date_granularity == other.date_granularity == "day"
    if ref.date and other.date and ref.date.year != other.date.year:
        return True  # `Luật Tổ chức Chính phủ năm 2001` and `... năm 2015`
    return bool(both_days and ref.date != other.date)


def _complete(ref: Found, earlier: Found) -> None:
    if not ref.doc_type_written and earlier.doc_type_written:
        ref.doc_type = earlier.doc_type
        ref.doc_type_written = True
    if ref.date is None and earlier.date is not None:
        ref.date, ref.date_granularity = earlier.date, earlier.date_granularity
    if ref.issuer is None:
        ref.issuer, ref.issuer_span = earlier.issuer, earlier.issuer_span
    ref.term = ref.term or earlier.term
    ref.subject = ref.subject or earlier.subject


_ANAPHOR = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?P<type>{TYPE_WORDS})\s++(?P<pointer>này|nói trên|trên đây|nêu trên|trên|đó)(?!\p{{L}})"
)
_ANAPHORS = anchored(_ANAPHOR, *TYPE_FIRST_SYLLABLES)


@dataclass(frozen=True)
class AnaphorFound:
    """`Nghị quyết này`, `Kế hoạch trên`: a phrase that points back to a document (normalised offsets)."""

    start: int
    end: int
    doc_type: str
    antecedent: int | None


def find_anaphora(text: str, references: list[Found], anchors: Anchors | None = None) -> list[AnaphorFound]:
    """Each anaphor with its antecedent: for `này` the text's own header number of that type if any,
    else (and for `trên`, `nói trên`, `đó`) the nearest earlier reference of that type."""
    found: list[AnaphorFound] = []
    by_end = sorted(range(len(references)), key=lambda i: references[i].end)
    latest: dict[str | None, int] = {}
    latest_own: dict[str | None, int] = {}
    ended = 0
    for match in (anchors or Anchors(text)).finditer(_ANAPHORS):
        while ended < len(by_end) and references[by_end[ended]].end <= match.start():
            i = by_end[ended]
            ref = references[i]
            latest[ref.doc_type] = max(i, latest.get(ref.doc_type, i))
            if ref.is_header:
                latest_own[ref.doc_type] = max(i, latest_own.get(ref.doc_type, i))
            ended += 1
        doc_type = DOC_TYPE_WORDS[match.group("type").lower()]
        own = latest_own.get(doc_type) if match.group("pointer") == "này" else None
        antecedent = own if own is not None else latest.get(doc_type)
        found.append(AnaphorFound(match.start(), match.end(), doc_type, antecedent))
    return found
