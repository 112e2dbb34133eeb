"""Resolve stage: relations a sentence states between two references (`Kế hoạch số 111-KH/HU ... thực hiện
Kết luận số 21-KL/TW`), typed by their cue words (`data/relations.json`, corpus GUIDELINES).

A cue ties a source to the references that follow it (the first one, and those listed with it). The
source is, in this order: the reference whose name holds the cue (`Luật sửa đổi, bổ sung ... của Luật X`),
the reference whose citation the cue directly continues (`Kế hoạch số 69-KH/TU ngày 17/3/2017 về triển
khai thực hiện ...`), the document after `được thay thế bởi`, the reference that a sentence opening with
the cue says was issued (`Thực hiện X, Tỉnh ủy đã ban hành Kế hoạch số ...`), the antecedent of the anaphor
that opens the sentence (`Chỉ thị này thay thế ...`), and last the text's own header number, for a title or a
preamble clause (`Căn cứ ...`, `KẾ HOẠCH THỰC HIỆN ...`). Nothing crosses a sentence.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import get_args

import regex

from partydocs.anchors import Anchored, Anchors, anchored
from partydocs.find import ALIAS_CUE, TYPE_WORDS, Found, alternation
from partydocs.models import RelationType
from partydocs.resolve import AnaphorFound


@dataclass(frozen=True)
class RelationFound:
    """A relation between two references (indices into the resolved references); the cue's normalised span."""

    source: int
    target: int
    type: RelationType
    cue_start: int
    cue_end: int


@dataclass(frozen=True)
class _Grammar:
    cue: Anchored
    types: dict[str, str]
    blocked_before: regex.Pattern[str]
    manner_after: regex.Pattern[str]
    sentence_end: regex.Pattern[str]


_BASIS = "based_on"
_WORD = r"(?<![\p{L}\p{N}])"
_END = r"(?![\p{L}\p{N}])"
_SPACE = r"(?=\s)[^\S\n]*+\n?+[^\S\n]*+"
"""Space between the words of a cue: a hard-wrapped line, never a blank one."""
_SENTENCE_END = (
    r"[.!?…](?=\s|$)|\n[^\S\n]*+\n|[;:][^\S\n]*+\n|\||\n(?=[^\S\n]*+(?:[-+*•–]|\d++(?:\.\d++)*+\.\s))"
)
"""A sentence ends at a full stop, a blank line, a line ending in `;` or `:`, a table cell, a list item."""
_OPENING = regex.compile(
    r"(?:[^\n.,;]{1,40}?\s[-–]\s)?[\s\-+*•–\d.)]*+(?:(?i:để|nhằm|tiếp tục|trên cơ sở|đồng thời)\s++)?"
)
"""What may stand before a cue that opens its sentence: a dateline (`Kinhtedothi - `), bullets, a list number, `Để`."""
_OWN_ACT = regex.compile(
    rf"\s*+(?:\p{{Lu}}[\p{{L}}\s]{{0,60}}?\s++)?(?:(?:(?i:đã|vừa)\s++)?(?i:ban hành)\s++)?"
    rf"(?:(?:{TYPE_WORDS})(?:\s++(?i:hành động))?(?:\s++(?i:của)\s++[\p{{L}}\s]{{1,40}}?)?\s++)?"
)
"""Before a cue whose source is the text's own document: its issuer, `ban hành`, the unnumbered plan it issues
(`Ủy ban Kiểm tra Trung ương hướng dẫn thực hiện`, `UBND tỉnh ban hành Kế hoạch triển khai thực hiện`)."""
_ORGAN_SUBJECT = regex.compile(r"\s*+\p{Lu}[\p{L}\s]{0,60}?\s++")
"""A body as the subject of a clause (`Căn cứ ..., Uỷ ban Kiểm tra Trung ương hướng dẫn thực hiện như sau`)."""
_CONTINUES = regex.compile(
    r"(?:[\s,]|\((?:[^()]{0,120}+)\)|(?i:năm\s++)?\d{4}+|(?i:khóa)\s++[IVXLC\d]++)*+"
    r"(?:(?i:chương trình hành động|chương trình|kế hoạch|đề án)\s*+)?"
)
"""Between a citation's tail (code, date, issuer) and the cue that continues it: a year, a term, an alias in brackets,
the unnumbered plan the document issues (`Nghị quyết 78/NQ-CP 2022 Chương trình thực hiện ...`)."""
_TIGHT_GAP = regex.compile(
    r"(?:\s|,|(?i:một số|các|điều|khoản|điểm|nội dung|quy định|của|tại|trong|và|chương [IVXLC\d]++))*+"
)
"""Between an amending, replacing or repealing cue and its target: `một số điều, khoản của`."""
_ISSUED = regex.compile(r"(?<!\p{L})(?i:ban hành|ký|xây dựng|có)\s*+[^\s,;]*+\s*+$")
_ISSUED_ANYWHERE = regex.compile(r"(?<!\p{L})(?i:ban hành|ký)(?!\p{L})")
_LIST_SEPARATOR = regex.compile(r"(?:[,;]|(?<!\p{L})(?i:và|cùng))\s*+(?:(?i:các|của)\s++)?(?:(?i:số)\s*+)?$")
_PASSIVE_BEFORE = regex.compile(r"(?i:được|bị)\s++$")
_PASSIVE_AFTER = regex.compile(r"\s++(?i:bởi)(?!\p{L})")
_IN_BRACKETS_BEFORE = regex.compile(rf"\(\s*+(?:{ALIAS_CUE}\s++)?$")
_IN_BRACKETS_AFTER = regex.compile(r"\s*+\)")
_AT_BEFORE = regex.compile(r"(?<!\p{L})(?i:tại)\s*+$")
_OWN_NUMBER = regex.compile(rf"(?:{TYPE_WORDS})?\s*+(?i:số)\s*+:")
"""`Nghị quyết số: 653/2019/UBTVQH14` on a line of its own: the text's own number, as `Số: ...` is."""
_ANAPHOR_OPENS = 12
"""How far into its sentence an anaphor may start and still be its subject (after a bullet or a comma)."""
_LOOSE_REACH = 200
"""How far after an implementing or guiding cue its first target may be."""


def _phrases(words: list[str]) -> str:
    return alternation(words).replace(r"\ ", _SPACE).replace(",", r"\s*+,")


@cache
def _grammar() -> _Grammar:
    data = json.loads(resources.files("partydocs").joinpath("data/relations.json").read_text(encoding="utf-8"))
    types = {phrase: kind for kind in get_args(RelationType) if kind != _BASIS for phrase in data[kind]}
    types.update(dict.fromkeys(data["basis"], _BASIS))
    phrases = _phrases(list(types))
    prefixes = _phrases(data["subject_prefixes"])
    cue = regex.compile(rf"{_WORD}(?:(?P<prefix>{prefixes}){_SPACE})?(?P<cue>(?i:{phrases})){_END}")
    first_syllables = {phrase.split()[0] for phrase in [*types, *data["subject_prefixes"]]}
    opening = _phrases([p for p in types if " " in p or types[p] == _BASIS] + ["thực hiện", "triển khai", "quán triệt"])
    return _Grammar(
        anchored(cue, *first_syllables),
        types,
        regex.compile(rf"{_WORD}(?i:{_phrases(data['blocked_before'])})\s++$"),
        regex.compile(rf"\s++(?i:{_phrases(data['manner_after'])}){_END}"),
        regex.compile(rf"{_SENTENCE_END}|\n(?=[^\S\n]*+(?=\p{{Lu}})(?i:{opening}){_END})"),
    )


def _cue_type(match: regex.Match[str]) -> str:
    """The relation type a matched cue states, looked up by its words in one spacing."""
    words = match.group("cue").casefold().replace(",", " , ").split()
    return _grammar().types[" ".join(words).replace(" ,", ",")]


def find_relations(
    text: str, references: list[Found], anaphora: list[AnaphorFound], anchors: Anchors | None = None
) -> list[RelationFound]:
    """Every relation the sentences of `text` state between `references` (resolved, in reading order)."""
    if not references:
        return []
    grammar = _grammar()
    reader = _Reader(text, references, anaphora, [m.end() for m in grammar.sentence_end.finditer(text)])
    relations: list[RelationFound] = []
    for match in (anchors or Anchors(text)).finditer(grammar.cue):
        if grammar.blocked_before.search(text, max(0, match.start() - 30), match.start()):
            continue
        if grammar.manner_after.match(text, match.end()):
            continue
        relations.extend(reader.relations(match, _cue_type(match)))
    return reader.unique(relations)


class _Reader:
    """The references of one text by sentence, and the rules that find a cue's source and targets."""

    def __init__(self, text: str, references: list[Found], anaphora: list[AnaphorFound], ends: list[int]) -> None:
        self.text = text
        self.refs = references
        self.anaphora = anaphora
        self.ends = ends
        self.starts = [ref.start for ref in references]  # references come in reading order
        self.longest = max((ref.end - ref.start for ref in references), default=0)
        self.outer = [i for i in range(len(references)) if not self._nested(i)]
        self.outer_starts = [references[i].start for i in self.outer]
        self.anaphor_starts = [anaphor.start for anaphor in anaphora]
        self.own = [i for i, ref in enumerate(references) if ref.is_header or self._own_number_line(ref)]

    def _starting(self, low: int, high: int) -> range:
        """The indices of the references that start in `[low, high)`."""
        return range(bisect_left(self.starts, low), bisect_left(self.starts, high))

    def _outer_starting(self, low: int, high: int) -> list[int]:
        """The outer references (`self.outer`) that start in `[low, high)`, in order."""
        return self.outer[bisect_left(self.outer_starts, low) : bisect_left(self.outer_starts, high)]

    def _nested(self, i: int) -> bool:
        """Whether reference `i` lies inside the span of a longer reference (a law named in an amending law's title)."""
        ref = self.refs[i]
        return any(o.start <= ref.start and ref.end <= o.end and (o.end - o.start) > (ref.end - ref.start)
                   for o in map(self.refs.__getitem__, self._starting(ref.end - self.longest, ref.start + 1)))

    def _own_number_line(self, ref: Found) -> bool:
        line_start = self.text.rfind("\n", 0, ref.start) + 1
        line_end = self.text.find("\n", ref.end)
        written = self.text[line_start:len(self.text) if line_end < 0 else line_end]
        return bool(ref.code) and not self.text[line_start:ref.start].strip() and bool(
            _OWN_NUMBER.match(written.strip()))

    def unique(self, relations: list[RelationFound]) -> list[RelationFound]:
        """One relation per source, target and type (the first cue stating it), between two documents, ordered by
        source then cue."""
        seen: set[tuple[int, int, str]] = set()
        kept = []
        for relation in relations:
            stated = (relation.source, relation.target, relation.type)
            if stated in seen or self._same(relation.source, relation.target):
                continue
            seen.add(stated)
            kept.append(relation)
        return sorted(kept, key=lambda r: (r.source, r.cue_start, r.target))

    def _same(self, i: int, j: int) -> bool:
        """Whether two mentions name one document (one code, or one linked to the other)."""
        a, b = self.refs[i], self.refs[j]
        named_alike = a.code is None and a.number is not None and (a.doc_type, a.number) == (b.doc_type, b.number)
        same_code = a.code is not None and a.code == b.code
        return i == j or same_code or named_alike or a.antecedent == j or b.antecedent == i

    def sentence(self, pos: int) -> tuple[int, int]:
        """The start and end of the sentence around `pos`."""
        i = bisect_right(self.ends, pos)
        return (self.ends[i - 1] if i else 0), (self.ends[i] if i < len(self.ends) else len(self.text))

    def header(self, before: int) -> int | None:
        """The text's own number nearest before `before` (a site's `Số hiệu:` line, then the document's `Số:`)."""
        earlier = [i for i in self.own if self.refs[i].start < before]
        return earlier[-1] if earlier else None

    def relations(self, match: regex.Match[str], kind: str) -> list[RelationFound]:
        start, end = match.start(), match.end()
        container = self._container(start, end)
        if container is not None:
            return self._typed(container, self._inside(container), kind, match)
        first, last = self.sentence(start)
        if kind == _BASIS:
            return self._basis(match, first, last)
        if _PASSIVE_BEFORE.search(self.text, max(first, start - 12), start) and _PASSIVE_AFTER.match(self.text, end):
            return self._passive(match, first, last)
        targets = self._targets(end, last, tight=kind in ("amends", "replaces", "repeals", "summarises"))
        source = self._continued(start, first)
        if not targets:
            return self._on_basis(match, kind, first) if kind in ("implements", "guides") and source is None else []
        if source is None:
            source = self._opening_source(match, first, targets)
        return [] if source is None else self._typed(source, targets, kind, match)

    def _container(self, start: int, end: int) -> int | None:
        """The longest reference whose span holds the cue (a named amending law)."""
        holding = [i for i in self._starting(end - self.longest, start) if end <= self.refs[i].end]
        return max(holding, key=lambda i: self.refs[i].end - self.refs[i].start, default=None)

    def _inside(self, container: int) -> list[int]:
        """The shorter references inside the span of reference `container`."""
        outer = self.refs[container]
        return [i for i in self._starting(outer.start, outer.end + 1) if self.refs[i].end <= outer.end
                and self.refs[i].end - self.refs[i].start < outer.end - outer.start]

    def _tail(self, i: int) -> int:
        """Where reference `i`'s citation ends: after its code, its issue date and the issuer written after it."""
        ref = self.refs[i]
        ends = [ref.end, ref.date_end or 0]
        if ref.issuer_span is not None and ref.issuer_span[0] >= ref.end:
            ends.append(ref.issuer_span[1])
        return max(ends)

    def _targets(self, after: int, last: int, *, tight: bool) -> list[int]:
        """The reference right after a cue, and those listed with it, up to the sentence end."""
        following = self._outer_starting(after, last)
        if not following:
            return []
        first = following[0]
        gap = self.text[after:self.refs[first].start]
        if tight and not _TIGHT_GAP.fullmatch(gap):
            return []
        if not tight and (len(gap) > _LOOSE_REACH or ";" in gap or _ISSUED_ANYWHERE.search(gap)
                          or _grammar().cue.pattern.search(gap)):
            return []
        return self._listed([first], following[1:])

    def _listed(self, targets: list[int], following: list[int]) -> list[int]:
        """`targets` and the references after them joined by a list separator, with no cue or issuing verb between."""
        for i in following:
            ref, previous = self.refs[i], self.refs[targets[-1]]
            if ref.start == previous.start:
                targets.append(i)
                continue
            gap = self.text[previous.end:ref.start]
            if _grammar().cue.pattern.search(gap) or _ISSUED.search(gap) or not _LIST_SEPARATOR.search(gap):
                break
            targets.append(i)
        return targets

    def _continued(self, cue_start: int, first: int) -> int | None:
        """The reference whose citation (code, date, issuer) the cue directly continues, or an anaphor's antecedent."""
        before = [i for i in self._outer_starting(first, cue_start) if self.refs[i].end <= cue_start]
        if before:
            i = self._unaliased(before[-1])
            tail = min(self._tail(i), cue_start)
            if _CONTINUES.fullmatch(self.text, tail, cue_start):
                return i
        window = slice(bisect_left(self.anaphor_starts, first), bisect_left(self.anaphor_starts, cue_start))
        for anaphor in self.anaphora[window]:
            if first <= anaphor.start and anaphor.end <= cue_start and anaphor.antecedent is not None:
                opens = anaphor.start - first <= _ANAPHOR_OPENS
                if opens or _CONTINUES.fullmatch(self.text, anaphor.end, cue_start):
                    return self._unaliased(anaphor.antecedent)
        return None

    def _unaliased(self, i: int) -> int:
        """The full citation for its alias in brackets (`Chỉ thị số 45-CT/TW (Chỉ thị số 45)`)."""
        ref = self.refs[i]
        if (ref.antecedent is not None and _IN_BRACKETS_AFTER.match(self.text, ref.end)
                and _IN_BRACKETS_BEFORE.search(self.text, max(0, ref.start - 40), ref.start)):
            return ref.antecedent
        return i

    def _opening_source(self, match: regex.Match[str], first: int, targets: list[int]) -> int | None:
        """For a cue that opens its sentence: the reference the sentence says was issued; else, for a cue that opens
        it or follows the text's own issuing act, the text's own number."""
        start = match.start()
        opens = _OPENING.fullmatch(self.text, first, start) is not None
        if opens:
            issued = self._issued(targets)
            if issued is not None:
                return issued
        header = self.header(start)
        if header is None or header in targets:
            return None
        return header if opens or _OWN_ACT.fullmatch(self.text, first, start) else None

    def _issued(self, targets: list[int]) -> int | None:
        """The first reference after `targets` in their sentence written as issued (`đã ban hành Kế hoạch số ...`)."""
        after = self._tail(targets[-1])
        _, last = self.sentence(after)
        for i in self._outer_starting(after, last):
            ref = self.refs[i]
            if i not in targets and _ISSUED.search(
                    self.text, max(after, ref.start - 40), ref.start):
                return i
        return None

    def _basis(self, match: regex.Match[str], first: int, last: int) -> list[RelationFound]:
        """`Căn cứ X; Y`, `Theo đề nghị ... tại Tờ trình số ...`: a basis of the text's own document."""
        targets = self._basis_targets(match, first, last)
        if not targets:
            return []
        source = self.header(match.start())
        if source is None:
            source = self._issued(targets)
        return [] if source is None else self._typed(source, targets, _BASIS, match)

    def _basis_targets(self, match: regex.Match[str], first: int, last: int) -> list[int]:
        if _OPENING.fullmatch(self.text, first, match.start()) is None:
            return []
        following = self._outer_starting(match.end(), last)
        if not following:
            return []
        start = self.refs[following[0]].start
        if _cue_type(match) == _BASIS and not match.group("cue").casefold().startswith("căn cứ") and not (
                _AT_BEFORE.search(self.text, match.end(), start) or not self.text[match.end():start].strip()):
            return []
        return self._listed([following[0]], following[1:])

    def _on_basis(self, match: regex.Match[str], kind: str, first: int) -> list[RelationFound]:
        """`Căn cứ Quy định số 94-QĐ/TW ..., Ủy ban Kiểm tra Trung ương hướng dẫn thực hiện như sau`: the basis
        is what the text's own document implements or guides."""
        opens = _OPENING.match(self.text, first)
        opening = None if opens is None else _grammar().cue.pattern.match(self.text, opens.end())
        subject = self.text.rfind(",", first, match.start()) + 1
        if opening is None or _cue_type(opening) != _BASIS or not subject:
            return []
        if not _ORGAN_SUBJECT.fullmatch(self.text, subject, match.start()):
            return []
        targets = self._basis_targets(opening, first, match.start())
        source = self.header(match.start())
        return [] if not targets or source is None else self._typed(source, targets, kind, match)

    def _passive(self, match: regex.Match[str], first: int, last: int) -> list[RelationFound]:
        """`X đã được thay thế bởi Y`: Y is the source."""
        before = [i for i in self.outer if first <= self.refs[i].start and self.refs[i].end <= match.start()]
        after = [i for i in self.outer if match.end() <= self.refs[i].start < last]
        if not before or not after:
            return []
        return self._typed(after[0], [before[-1]], _cue_type(match), match)

    def _typed(self, source: int, targets: list[int], kind: str, match: regex.Match[str]) -> list[RelationFound]:
        """One relation per target; a Hướng dẫn that implements a document guides it."""
        if kind == "implements" and self.refs[source].doc_type == "Hướng dẫn":
            kind = "guides"
        typed: RelationType = kind  # type: ignore[assignment]
        return [RelationFound(source, t, typed, match.start(), match.end()) for t in targets
                if t != source and not self._later(t, source)]

    def _later(self, target: int, source: int) -> bool:
        """Whether `target` was issued after `source` (both dated to the day): it cannot be what `source` carries out,
        amends or replaces, so the list it stands in belongs to another sentence part."""
        a, b = self.refs[target], self.refs[source]
        days = a.date_granularity == b.date_granularity == "day"
        return days and a.date is not None and b.date is not None and a.date > b.date
