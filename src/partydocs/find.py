"""Stage 3: rule-based extraction of numbered references from the normalised text.

Each code found by `codes` becomes one reference per number; the words around it give the
document type, the issue date, the issuing body, the term and the subject.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

import regex

from partydocs.anchors import Anchors, anchored
from partydocs.bodies import tone_blind, toneless
from partydocs.codes import CodeMatch, find_codes, issuer_name
from partydocs.dates import DateSpan
from partydocs.issuers import body_after, body_before
from partydocs.models import Granularity, Kind
from partydocs.tables import DOC_TYPE_ABBREVIATIONS, DOC_TYPE_WORDS, roman_to_int
from partydocs.tokenize import Segmentation


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _capitalized_or_upper(word: str) -> str:
    return f"{regex.escape(word[0].upper() + word[1:])}|{regex.escape(word.upper())}"


_CASED_TYPE_WORDS = [w for w in DOC_TYPE_WORDS if " " not in w or w.startswith("bộ ")]
TYPE_WORDS = (
    f"(?i:{alternation([w for w in DOC_TYPE_WORDS if w not in _CASED_TYPE_WORDS])})"
    f"|{'|'.join(_capitalized_or_upper(w) for w in sorted(_CASED_TYPE_WORDS, key=len, reverse=True))}"
)
TYPE_FIRST_SYLLABLES = tuple({word.split()[0] for word in DOC_TYPE_WORDS})
"""What a match of `TYPE_WORDS` starts with, in lower case (its anchors)."""
_WORD_START = r"(?:(?<![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))"
TYPE_WORD = rf"{_WORD_START}(?P<type>{TYPE_WORDS}|{alternation(list(DOC_TYPE_ABBREVIATIONS))})"
_TYPE_BEFORE = regex.compile(rf"{TYPE_WORD}(?:\s*+(?i:số(?:\s*+hiệu)?)\s*+:?)?\s*+:?\s*+$")
_LAW_NAME_BEFORE = regex.compile(
    rf"{_WORD_START}(?P<type>Bộ luật|Luật|Pháp lệnh|BỘ LUẬT|LUẬT|PHÁP LỆNH)\s++\p{{Lu}}"
    rf"(?:(?!{TYPE_WORDS})[^;:\n()\d]){{0,100}}?\s(?i:số)\s*+$"
)
NUMBERED_TYPE = regex.compile(
    r"(?:(?<![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))"
    rf"(?P<type>{TYPE_WORDS})\s++(?:(?i:số)\s*+)?"
    r"(?P<number>\d{1,5}+[a-zđ]?)(?P<more>(?:(?:\s*+,\s++|\s++(?i:và)\s++)\d{1,5}+[a-zđ]?(?![\p{L}\p{N}]))*+)"
    r"(?![\p{L}\p{N}]|\s*+[-/.,:]\s*+\p{N}|\s*+[-/]\s*+\p{L}|[ \t]++\p{Lu}{1,8}+/)"
    r"(?!\s++(?:(?i:năm|tháng|tuổi|người|lần|giờ|phút|điều|%)|(?i:ngày)(?!\s++\d{1,2}+(?:\s*+[/.-]|\s++tháng)))(?!\p{L}))"
)
"""A type word and a number; not a count (`Chương trình 30 ngày`), but `Nghị quyết 57 ngày 22/12/2024` is one."""
_NUMBERED_TYPES = anchored(NUMBERED_TYPE, *TYPE_FIRST_SYLLABLES)
_HEADER_BEFORE = regex.compile(r"(?m)^[\s|*]*+(?P<cue>(?i:số(?P<site>\s*+hiệu)?))\s*+:?[\s|]*+$")
_TYPED_HEADER = regex.compile(rf"(?m)^[\s|*]*+{TYPE_WORD}\s*+(?P<cue>(?i:số))\s*+:[\s|]*+$")
"""A header line that names the type too: `Nghị quyết số: 653/2019/UBTVQH14` alone on its line."""
_LINE_ENDS = regex.compile(r"[ \t|]*+(?:\n|$)")
_COORDINATED_GAP = regex.compile(r"\s*+(?:[,;&]|và|(?i:[,;]?\s*+(?:và\s++)?số))\s*+$")
_DATED_LIST_GAP = regex.compile(r"\s*+(?:,\s*+(?:và\s++)?|và\s++)$")
"""Between a dated citation and the next of a list: `... ngày 1/1/2023 và Thông báo số 15-TB/TU ...`."""
_TITLED_LIST_GAP = regex.compile(r"\s*+[;,]?\s*+(?:và\s++)?")
"""Between a citation's quoted title and the next of a list: `... về "..."; Chương trình số 06-Ctr/TU ...`."""
_COORDINATED_CUE = regex.compile(r"[,;]\s*+(?:và\s++)?(?i:số)\s*+$")
_SKIP = regex.compile(r"[\s,]*+")
_CLAUSE_AFTER_DATE = regex.compile(r"\s*+,\s*+(?=\p{Lu})")
_OPEN_PAREN = regex.compile(r"\(?\s*+")
_CLOSE_PAREN = regex.compile(r"\s*+\)")
_OF, _BY, _TERM_WORD = tone_blind("của"), tone_blind("do"), tone_blind("khóa")
_ROMAN = "[IVXLCÌÍỈĨỊ]"
"""Roman numerals, an `I` with a stray tone mark too (`khỏá XÍĨ`)."""
_TERM = regex.compile(rf"\(?\s*+{_TERM_WORD}\s++(?P<term>{_ROMAN}{{1,7}}+|\d{{1,2}}+)(?![\p{{L}}\p{{N}}])(?:\s*+\))?")
_ISSUER_CUE = regex.compile(rf"(?:{_OF}\s++)?(?P<cue>{_OF}|(?P<by>{_BY}))(?:\s++|(?=\p{{Lu}}))")
"""`của`/`do` before an issuer, or glued to it by a lost space (`củaBan Thường vụ`), with any tone mark
(`CỦÀ`), and a `của` written twice by mistake."""
ALIAS_CUE = r"(?i:(?:sau đây\s++)?(?:được\s++)?(?:gọi tắt là|viết tắt là|gọi là))"
"""The words that introduce a short name in brackets: `(sau đây gọi tắt là ...`."""
_ALIAS = regex.compile(
    rf"\(\s*+(?:{ALIAS_CUE}[^()\n]{{1,80}}+"
    rf"|(?:{TYPE_WORDS})\s++\d{{1,5}}+)\s*+\)"
)
"""`(sau đây gọi tắt là Chỉ thị 05)`, `(Kết luận 12)` between a code and its date or issuer: passed over."""
_PLENUM_HEAD = regex.compile(r"(?:Hội nghị|HỘI NGHỊ|Ban Chấp hành|BAN CHẤP HÀNH)\s")
"""A plenum or central committee written right after the code, with no `của`: `26-NQ/TW Hội nghị lần thứ bảy`."""
_ISSUED = regex.compile(r"\s*+(?i:ban hành)(?!\p{L})")
_SUBJECT_CUE = regex.compile(r"(?i:về)\s++")
_QUOTED = regex.compile(r'"(?P<title>[^"\n]{3,300}+)"')
_CLAUSE_END = regex.compile(r";|\.(?:\s|$)|\n\s*\n|\n(?=\s*[-+*•]|\s*(?i:căn cứ))|$")
_ISSUED_BY_LATER = regex.compile(r"(?<!\p{L})(?i:do)\s++")
_ISSUED_ON = regex.compile(r"(?<!\p{L})(?i:ban hành|thông qua|ký)\s++")
"""An issuing verb followed by the day it was done: `ban hành ngày 06/7/2022`, `thông qua ngày ...`."""
_ISSUING_VERB_BEFORE = regex.compile(
    r"(?:(?:đã|vừa|mới|đã chính thức)\s++)?(?:(?i:ký ban hành|ban hành|ký|thông qua)|có)\s*+$"
)
_TERM_BEFORE = regex.compile(rf"[\s,(-]*+{_TERM_WORD}\s++(?P<term>{_ROMAN}{{1,7}}+|\d{{1,2}}+)\s*+\)?[\s,]*+$")
"""A term between a body and its verb: `Ban Chấp hành Trung ương Đảng - khóa XIII, đã ban hành`."""
_PLENUM_BEFORE = regex.compile(
    r"(?i:hội nghị)\s++(?:(?i:trung ương)\s++)?(?:(?i:lần thứ)\s++)?(?:\d{1,2}+|\p{Ll}++)\s++$"
)
_AT_BEFORE = regex.compile(r"(?i:tại)\s*+$")
_OF_BEFORE = regex.compile(r"(?i:của)\s*+$")
_DATE_COMMA_BEFORE = regex.compile(r",\s*+$")
_DATE_COMMA_AFTER = regex.compile(r"\s*+,\s*+")
_PLAIN_SUBJECT = regex.compile(r"[^,;.()\n\"]++")
_ISSUE_DATE_FIELD = regex.compile(r"(?i:ngày ban hành)\s*+:?[\s|]*+")
_LINE_END = regex.compile(r"\n|$")
_HEADER_REACH = 400
_SUBJECT_REACH = 300
_TYPE_REACH = 140
_MATCH_REACH = 1000
"""The `endpos` of a `.match` in the tail: without one, `regex` scans the whole rest of the text for the
literal of `_TERM` or `_ISSUED` before matching, so a text with many citations would take quadratic time."""


@dataclass
class Found:
    """A reference found in the normalised text, before resolution; offsets are normalised."""

    start: int
    end: int
    kind: Kind
    code_end: int
    doc_type: str | None = None
    doc_type_written: bool = False
    number: str | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    code: str | None = None
    date: datetime.date | None = None
    date_granularity: Granularity | None = None
    issuer: str | None = None
    term: int | None = None
    subject: str | None = None
    is_header: bool = False
    header_site: bool = False
    plenum: int | None = None
    congress: int | None = None
    name: str | None = None
    issuer_from_code: str | None = None
    issuer_span: tuple[int, int] | None = None
    issuer_before: bool = False
    date_end: int | None = None
    title_end: int | None = None
    group: int = -1
    antecedent: int | None = None


@dataclass(frozen=True)
class Context:
    """The normalised text with the dates found in it, for look-ups by position."""

    text: str
    dates: Sequence[DateSpan]
    words: Segmentation
    anchors: Anchors
    date_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "date_starts", [d.start for d in self.dates])

    @cached_property
    def numbered_types(self) -> tuple[regex.Match[str], ...]:
        """The `NUMBERED_TYPE` matches in the text, found once for named references and short forms."""
        return tuple(self.anchors.finditer(_NUMBERED_TYPES))

    def date_at(self, pos: int) -> DateSpan | None:
        """The date mention that starts at `pos` (after an optional `ngày`)."""
        i = bisect_left(self.date_starts, pos)
        if i < len(self.dates) and self.dates[i].start - pos <= 5:
            span = self.dates[i]
            between = toneless(self.text[pos : span.start].strip().lower())
            if between in ("", "ngay"):
                return span
        return None

    def first_date_after(self, pos: int, reach: int, cue: regex.Pattern[str] | None = None) -> DateSpan | None:
        """The first date within `reach` characters after `pos`, optionally right after `cue`."""
        for i in range(bisect_left(self.date_starts, pos), len(self.dates)):
            span = self.dates[i]
            if span.start > pos + reach:
                return None
            if cue is None or cue.search(self.text, max(pos, span.start - 40), span.start):
                return span
        return None


class Spans:
    """Fixed spans sorted by start, for overlap look-ups in O(log n) instead of a scan of every span."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def first(self, start: int, end: int) -> int | None:
        """The rank, in order of start, of the first span that overlaps `[start, end)`; None when none does."""
        i = bisect_right(self._reach, start)
        return i if i < len(self._starts) and self._starts[i] < end else None

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span overlaps `[start, end)`."""
        return self.first(start, end) is not None


def find_references(context: Context) -> list[Found]:
    """Every numbered reference in the normalised text, one per document, in reading order."""
    text = context.text
    found: list[Found] = []
    codes = find_codes(text, context.anchors)
    typed = [_type_before(text, code) for code in codes]
    starts = [t[0] if t else code.start for t, code in zip(typed, codes, strict=True)]
    for i, code in enumerate(codes):
        limit = starts[i + 1] if i + 1 < len(codes) else len(text)
        found.extend(_references_for(context, code, typed[i], found, limit))
    _share_group_fields(found)
    return found


def _type_before(text: str, code: CodeMatch) -> tuple[int, str] | None:
    """The type word written before the code (`Chỉ thị số`), as (start, doc_type)."""
    floor = max(0, code.start - _TYPE_REACH)
    for pattern in (_TYPE_BEFORE, _LAW_NAME_BEFORE):
        match = pattern.search(text, floor, code.start)
        if match:
            word = match.group("type")
            doc_type = DOC_TYPE_WORDS.get(word.lower()) or DOC_TYPE_ABBREVIATIONS[word]
            return match.start(), doc_type
    return None


def _references_for(
    context: Context, code: CodeMatch, typed: tuple[int, str] | None, earlier: list[Found], limit: int
) -> list[Found]:
    """The references one code gives, with their fields read from the words around it."""
    text = context.text
    header = (
        _TYPED_HEADER.search(text, max(0, typed[0] - 5), code.start) if typed and _LINE_ENDS.match(text, code.end)
        else _HEADER_BEFORE.search(text, max(0, code.start - 30), code.start) if not typed else None
    )
    if code.needs_cue and not typed:
        return []
    base = Found(
        start=typed[0] if typed else code.start,
        end=code.end,
        kind=code.kind,
        code_end=code.end,
        doc_type=typed[1] if typed else code.type_name,
        doc_type_written=bool(typed),
        year=code.year,
        type_code=code.type_code,
        issuer_code=code.issuer_code,
        is_header=bool(header),
        header_site=bool(header and header.groupdict().get("site")),
        issuer_from_code=issuer_name(code.kind, code.issuer_code),
        group=len(earlier),
    )
    if earlier:
        _coordinate(text, base, earlier[-1])
    if base.is_header:
        _read_header(context, base, limit)
    else:
        read_tail(context, base, limit)
        _read_before(context, base)
        if earlier and base.issuer is None:
            _continue_list_issued_before(text, base, earlier[-1])
    if base.kind == "state":
        base.term = None  # `Quốc hội khóa XIV`, `HĐND tỉnh khóa X`: a council's term, not the Party's
    return [_with_number(base, number, code_text) for number, code_text in zip(code.numbers, code.codes, strict=True)]


def _with_number(base: Found, number: str, code: str) -> Found:
    return Found(**{**base.__dict__, "number": number, "code": code})


def _coordinate(text: str, found: Found, previous: Found) -> None:
    """A citation listed after another (`18-NQ/TW, 19-NQ/TW`; `...; số 83/2015/QH13`) joins its group.

    An untyped one takes the type of the one before; the group shares the issuer written last.
    """
    typed = found.doc_type_written
    adjacent = _COORDINATED_GAP.fullmatch(text, previous.code_end, found.start) and (
        not typed or _listed_alike(text[previous.code_end : found.start], found, previous)
    )
    dated = previous.date_end is not None and previous.date_end > previous.code_end
    if not adjacent and typed and dated and _DATED_LIST_GAP.fullmatch(text, previous.date_end, found.start):
        adjacent = _listed_alike(text[previous.code_end : found.start], found, previous)
    titled = previous.title_end is not None and previous.issuer is None
    if not adjacent and typed and titled and _TITLED_LIST_GAP.fullmatch(text, previous.title_end, found.start):
        adjacent = (found.doc_type, found.issuer_code) == (previous.doc_type, previous.issuer_code)
    cued = not typed and found.start - previous.code_end < 400 and _COORDINATED_CUE.search(
        text, previous.code_end, found.start
    )
    if not (adjacent or cued):
        return
    found.group = previous.group
    if not typed:
        found.doc_type = previous.doc_type
        found.doc_type_written = previous.doc_type_written


def _listed_alike(gap: str, found: Found, previous: Found) -> bool:
    """Two typed citations in a list that share one issuer: same type and issuer code, joined by `,`/`và`."""
    same = (found.doc_type, found.issuer_code) == (previous.doc_type, previous.issuer_code)
    return same and ";" not in gap


def _skip(text: str, pos: int) -> int:
    match = _SKIP.match(text, pos)
    return match.end() if match else pos


def _set_date(found: Found, span: DateSpan) -> None:
    found.date_end = span.end
    found.date = span.value
    found.date_granularity = span.granularity if span.value else None


def read_tail(context: Context, found: Found, limit: int) -> None:
    """Date, issuer, term and subject written after the code, in any order."""
    text = context.text
    pos = found.code_end
    for _ in range(6):
        at = _skip(text, pos)
        if at >= limit:
            break
        step = _tail_step(context, found, at, limit)
        if step is None:
            break
        pos = step
    _read_subject(text, found, _skip(text, pos))
    if found.title_end is not None and found.issuer is None:
        _read_issuer_after_title(context, found, limit)
    if found.issuer is None:
        _read_issued_by_later(context, found, pos, limit)
    _read_issue_date_later(context, found, pos, limit)


def _tail_step(context: Context, found: Found, at: int, limit: int) -> int | None:
    """Read one element of the tail at `at`; the position after it, or None when nothing fits."""
    text = context.text
    alias = _ALIAS.match(text, at, at + _MATCH_REACH)
    if alias:
        return alias.end()
    opened = _OPEN_PAREN.match(text, at)
    date = context.date_at(opened.end() if opened else at)
    if date and _opens_a_clause(text, found, date):
        return None
    if date and found.date is None and date.end <= limit:
        _set_date(found, date)
        closed = _CLOSE_PAREN.match(text, date.end, date.end + _MATCH_REACH)
        return _issuer_after_date(context, found, date, limit) or (closed.end() if closed else date.end)
    right_after_code = at > found.code_end and not text[found.code_end : at].strip(" \t")
    if right_after_code and found.issuer is None and _PLENUM_HEAD.match(text, at):
        body = body_after(context.words, at, limit)
        if body:
            return _set_issuer(text, found, body)
    term = _TERM.match(text, at, at + _MATCH_REACH)
    if term and found.term is None:
        found.term = term_value(term.group("term"))
        return term.end()
    cue = _ISSUER_CUE.match(text, at)
    if cue and found.issuer is None:
        body = body_after(context.words, cue.end(), limit)
        if body:
            end = _set_issuer(text, found, body)
            issued = _ISSUED.match(text, end, end + _MATCH_REACH) if cue.group("by") else None
            return issued.end() if issued else end
    return None


def _issuer_after_date(context: Context, found: Found, date: DateSpan, limit: int) -> int | None:
    """A body written right after the date with no `của` (`ngày 23 tháng 4 năm 2018 Chính phủ về`), or a
    plenum after a comma; where it ends, else None."""
    text = context.text
    after = _skip(text, date.end)
    if found.issuer is not None or not text[after : after + 1].isupper():
        return None
    gap = text[date.end : after].strip(" \n")
    if gap and not (gap == "," and _PLENUM_HEAD.match(text, after)):
        return None
    body = body_after(context.words, after, limit)
    return _set_issuer(text, found, body) if body and body[0] == after else None


def _opens_a_clause(text: str, found: Found, date: DateSpan) -> bool:
    """`Thực hiện Kế hoạch số 45-KH/HU, ngày 10/3/2023, Ban Tuyên giáo tổ chức ...`: a date set off by
    commas before a new subject is the date of what the sentence reports, not the plan's (but a plenum
    there is the issuer: `Nghị quyết số 19-NQ/TW, ngày 16/6/2022, Hội nghị lần thứ năm ...`)."""
    if "," not in text[found.code_end : date.start]:
        return False
    after = _CLAUSE_AFTER_DATE.match(text, date.end, date.end + 10)
    return after is not None and not _PLENUM_HEAD.match(text, after.end())


def _set_issuer(text: str, found: Found, span: tuple[int, int]) -> int:
    found.issuer = " ".join(text[span[0] : span[1]].split())
    found.issuer_span = span
    return span[1]


def term_value(written: str) -> int | None:
    """`XIII` -> 13, `12` -> 12, `XÍĨ` -> 12."""
    return int(written) if written.isdigit() else roman_to_int(toneless(written))


def _clause_end(text: str, pos: int, limit: int) -> int:
    match = _CLAUSE_END.search(text, pos, limit)
    return match.start() if match else limit


def _read_subject(text: str, found: Found, at: int) -> None:
    """`về ...` to the end of the clause (other citations in it included), or a quoted title."""
    cue = _SUBJECT_CUE.match(text, at)
    start = cue.end() if cue else at
    quoted = _QUOTED.match(text, start)
    if quoted:
        found.subject = " ".join(quoted.group("title").split())
        found.title_end = quoted.end()
    elif cue:
        subject = text[start : _clause_end(text, start, min(len(text), start + _SUBJECT_REACH))]
        found.subject = " ".join(subject.split()).rstrip(" ,") or None


def _read_issuer_after_title(context: Context, found: Found, limit: int) -> None:
    """`Chương trình số 08-Ctr/TU ngày ... về "..." của Thành ủy khóa XVI`: the issuer and term written
    after a quoted title (and, through the list, for the citations listed before it)."""
    text = context.text
    assert found.title_end is not None
    cue = _ISSUER_CUE.match(text, _skip(text, found.title_end))
    body = body_after(context.words, cue.end(), limit) if cue else None
    if body:
        end = _set_issuer(text, found, body)
        term = _TERM.match(text, _skip(text, end), end + _MATCH_REACH)
        if term and found.term is None:
            found.term = term_value(term.group("term"))


def _read_issued_by_later(context: Context, found: Found, pos: int, limit: int) -> None:
    """`Quyết định 119/QĐ-UBND ... do Ủy ban nhân dân tỉnh Bắc Giang ban hành` on the same line, within reach."""
    text = context.text
    reach = min(limit, pos + _SUBJECT_REACH)
    line_end = _LINE_END.search(text, pos, reach)
    end = line_end.start() if line_end else reach
    for cue in _ISSUED_BY_LATER.finditer(text, pos, end):
        body = body_after(context.words, cue.end(), end)
        if body and _ISSUED.match(text, body[1], body[1] + _MATCH_REACH):
            _set_issuer(text, found, body)
            return


def _read_issue_date_later(context: Context, found: Found, pos: int, limit: int) -> None:
    """`Quy định 69-QĐ/TW năm 2022 ... do X ban hành ngày 06/7/2022`, `... được thông qua ngày ...`: a day
    written after an issuing verb later in the clause is the issue date (over a bare year that agrees)."""
    text = context.text
    end = _clause_end(text, pos, min(limit, pos + _SUBJECT_REACH))
    for verb in _ISSUED_ON.finditer(text, pos, end):
        span = context.date_at(verb.end())
        if span and span.end <= end and span.granularity == "day" and _refines(found, span):
            _set_date(found, span)
            return


def _refines(found: Found, span: DateSpan) -> bool:
    """True when `span` may be the found document's date: none is known yet, or only a year that agrees."""
    if found.date is None:
        return True
    return found.date_granularity == "year" and span.value is not None and span.value.year == found.date.year


def _read_before(context: Context, found: Found) -> None:
    """`Bộ Chính trị đã ban hành Chỉ thị ...` and `đề nghị của Sở Y tế tại Tờ trình ...`."""
    text = context.text
    floor = max(0, found.start - 200)
    verb = _ISSUING_VERB_BEFORE.search(text, floor, found.start)
    if found.issuer is None:
        _read_issuer_before(context, found, verb, floor)
    if verb:
        _read_opening_date(context, found, verb.start())


def _read_issuer_before(context: Context, found: Found, verb: regex.Match[str] | None, floor: int) -> None:
    """The subject of the verb before the citation, or the body of `của X tại` before it."""
    text = context.text
    at = _AT_BEFORE.search(text, floor, found.start) if not verb else None
    anchor = verb or at
    if not anchor:
        return
    body_end = anchor.start()
    term = _TERM_BEFORE.search(text, floor, body_end) if verb else None
    if term:
        body_end = term.start()
    body = body_before(context.words, body_end, floor)
    if not body:
        return
    if at and not _OF_BEFORE.search(text, max(0, body[0] - 10), body[0]):
        return
    plenum = _PLENUM_BEFORE.search(text, max(0, body[0] - 40), body[0]) if verb else None
    _set_issuer(text, found, (plenum.start() if plenum else body[0], body[1]))
    found.issuer_before = True
    if term and found.term is None:
        found.term = term_value(term.group("term"))


def _continue_list_issued_before(text: str, found: Found, previous: Found) -> None:
    """`Tỉnh ủy đã ban hành Chỉ thị số 15-CT/TU, Kế hoạch số 20-KH/TU và ...`: one issuer for the list."""
    if previous.issuer_before and _COORDINATED_GAP.fullmatch(text, previous.code_end, found.start):
        found.issuer, found.issuer_span, found.issuer_before = previous.issuer, previous.issuer_span, True


def _read_opening_date(context: Context, found: Found, verb: int) -> None:
    """`Ngày 14/4/2025, Tổng Bí thư thay mặt Bộ Chính trị ký ban hành Chỉ thị ...`: a day set off by a comma
    before the subject of the verb that issues the document is its issue date (over a year that agrees).
    The subject holds no comma unless it is the issuer itself (`Bộ Chính trị, Ban Bí thư ban hành`)."""
    text = context.text
    i = bisect_left(context.date_starts, verb) - 1
    span = context.dates[i] if i >= 0 else None
    comma = _DATE_COMMA_AFTER.match(text, span.end, verb) if span and span.end <= verb else None
    if span is None or comma is None or span.granularity != "day" or verb - comma.end() > _TYPE_REACH:
        return
    subject = text[comma.end() : verb]
    issuer_is_subject = found.issuer_before and found.issuer_span is not None and found.issuer_span[0] == comma.end()
    if (issuer_is_subject or _PLAIN_SUBJECT.fullmatch(subject)) and _refines(found, span):
        _set_date(found, span)


def _read_header(context: Context, found: Found, limit: int) -> None:
    """A document's own number: dated by its place-and-date line, or a site's `Ngày ban hành`."""
    cue = _ISSUE_DATE_FIELD if found.header_site else _DATE_COMMA_BEFORE
    span = context.first_date_after(found.code_end, _HEADER_REACH, cue)
    if span and span.granularity == "day":
        _set_date(found, span)


def _share_group_fields(found: list[Found]) -> None:
    """Coordinated citations share the issuer and term written after the last of them."""
    by_group: dict[int, list[Found]] = {}
    for ref in found:
        by_group.setdefault(ref.group, []).append(ref)
    for members in by_group.values():
        last = members[-1]
        for ref in members[:-1]:
            if ref.issuer is None:
                ref.issuer, ref.issuer_span = last.issuer, last.issuer_span
            ref.term = ref.term or last.term
            if ref.end == last.end:
                ref.date, ref.date_granularity = ref.date or last.date, ref.date_granularity or last.date_granularity
