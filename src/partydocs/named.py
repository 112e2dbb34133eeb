"""Extractor: references without a code (`kind="named"`).

Plenum resolutions (`Nghị quyết Trung ương 4 (khóa XI, XII)`), congress resolutions
(`Nghị quyết Đại hội XIII của Đảng`), laws and codes of law (`Luật Thủy sản`, `Hiến pháp năm 2013`),
the Party Statute (`Điều lệ Đảng`), and a type word with a number that no code in the text
carries (`Quyết định 244`).
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, insort
from collections.abc import Iterator
from functools import lru_cache
from operator import attrgetter

import regex

from partydocs.dates import DateSpan
from partydocs.find import TYPE_WORDS, Context, Found, Spans, alternation, read_tail
from partydocs.tables import DOC_TYPE_WORDS, LAW_NAME_PHRASES, LAW_NAME_STOP_WORDS, ORDINAL_VALUES, roman_to_int

_ROMAN = r"[IVXLC]{1,7}+"
_TERMS = rf"(?:\s*+,?\s*+\(?(?i:khóa)\s++(?P<terms>{_ROMAN}(?:\s*+(?:,|và|&)\s*+{_ROMAN}){{0,5}}+)\)?)?"
_ORDINAL = alternation(list(ORDINAL_VALUES))
_PLENUM = regex.compile(
    r"(?<!\p{L})(?:Nghị quyết|NGHỊ QUYẾT)\s++(?:(?i:hội nghị)\s++)?(?:(?i:ban chấp hành)\s++)?"
    rf"(?i:trung ương|tw|t\.ư)\s*+(?P<plenum>\d{{1,2}}+)(?!\d){_TERMS}"
    rf"|(?<!\p{{L}})NQ\s*+TW\s*+(?P<plenum>\d{{1,2}}+)(?!\d){_TERMS}"
    r"|(?<!\p{L})(?:Nghị quyết|NGHỊ QUYẾT)\s++(?i:hội nghị\s++lần\s++thứ)\s++"
    rf"(?:(?P<plenum>\d{{1,2}}+)|(?P<plenum_word>(?i:{_ORDINAL})))\s++"
    rf"(?i:ban chấp hành trung ương)(?:\s++(?i:đảng))?(?!\p{{L}}){_TERMS}"
)
_CONGRESS_WORDS = (
    r"đại biểu|toàn quốc|Đảng bộ|đảng bộ|Đảng|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|lần thứ|"
    r"nhiệm kỳ\s++\d{4}\s*+-\s*+\d{4}|\p{Lu}\p{Ll}*+|" + _ROMAN
)
_LINE_GAP = r"(?:[ \t]++|[ \t]*+\n[ \t]*+)"
"""Spaces between two words, or one line break (a hard-wrapped line), never a blank line."""
_CONGRESS = regex.compile(
    r"(?<!\p{L})(?:Nghị quyết|NGHỊ QUYẾT)\s++(?:Đại hội|ĐẠI HỘI)"
    rf"(?P<rest>(?:{_LINE_GAP}(?:{_CONGRESS_WORDS})(?!\p{{L}})){{1,14}}+)(?:\s++của\s++Đảng(?!\p{{L}}))?"
)
_CONGRESS_ORDINAL = regex.compile(rf"(?:lần thứ\s++)?(?<!\p{{L}})(?P<ordinal>{_ROMAN})(?!\p{{L}})")
_CONGRESS_TERM = regex.compile(r"nhiệm kỳ\s++\d{4}\s*+-\s*+\d{4}")
_NAME_WORD = (
    rf"(?:(?i:{alternation(LAW_NAME_PHRASES)})(?!\p{{L}})"
    rf"|(?!(?i:{alternation(sorted(LAW_NAME_STOP_WORDS))})(?!\p{{L}}))\p{{L}}++)"
)
_NAME_GAP = rf"(?:[ \t]*+\n?[ \t]*+|,[ \t]++(?=(?i:chống|bổ sung))|[ \t]++và[ \t]++(?=\p{{Lu}})(?!{TYPE_WORDS}))"
_LAW = regex.compile(
    r"(?<!\p{L})(?<!(?i:kỷ|pháp|quy|điều|luật|ty|phòng|hãng|khoa|học|viện)\s)"
    r"(?P<type>Bộ luật|Luật|Pháp lệnh|BỘ LUẬT|LUẬT|PHÁP LỆNH)(?!\s++(?i:sư|gia|pháp|chơi|lệ|hóa|học)(?!\p{L}))"
    rf"(?P<name>[ \t]++{_NAME_WORD}(?:{_NAME_GAP}(?!Luật|Bộ luật){_NAME_WORD}){{0,14}}+)"
    r"(?:[ \t]++(?i:năm)[ \t]++(?P<year>(?:19|20)\d\d)|[ \t]++(?P<bare_year>(?:19|20)\d\d))?(?!\d)"
)
_DOCUMENT_NUMBER_END = regex.compile(
    r"[^\S\n]*+(?:[,.;:)\]\"\n]|$)|\s++(?:của|về|ngày|năm|do|đã|được|và|khóa|tại|trong|nêu|quy định)(?!\p{L})"
)
_AMENDING = regex.compile(r"(?i:sửa đổi)")
_LAW_CLAUSE_END = regex.compile(r"[;\n]|\.\s")
_DATE_CUE_BEFORE = regex.compile(r"\s*+(?:(?i:ngày|năm)\s*+)?$")
_CUE_REACH = 40
"""How far before an amending law's date its cue (`ngày`, `năm` and spaces) is looked for."""
_TITLE_REACH = 500
"""The longest title of an amending law (the longest real ones are under 300 characters)."""
_CONSTITUTION = regex.compile(
    r"(?<!\p{L})(?:Hiến pháp|HIẾN PHÁP)\s++(?:(?i:nước\s++)?(?i:Cộng hòa xã hội chủ nghĩa Việt Nam)\s++)?"
    r"(?:(?i:năm)\s++)?(?P<year>(?:19|20)\d\d)(?!\d)"
)
_TITLE_OF_BODY = regex.compile(
    r"(?<!(?i:các|những|mọi)\s)(?<!\p{L})(?P<type>Nghị quyết|Chỉ thị|Kết luận|Quy định)\s++của\s++"
    r"(?P<body>\p{Lu}[^\n;,.]{2,80}?)\s++về\s++(?P<subject>[^\n;.]{3,200}+)"
)
_ISSUED_TITLE = regex.compile(
    r"(?i:ban\s*+hành)\s++(?:(?i:kèm theo)\s++(?:\p{L}++\s++){1,2}(?i:này)\s++)?(?P<type>Quy định|QUY ĐỊNH)"
    r"(?P<subject>(?!\s*+(?:số|SỐ|này|NÀY)(?!\p{L}))[^\n;.,]{5,200}+)"
)
_STATUTE = regex.compile(r"(?<!\p{L})Điều lệ Đảng(?:\s++Cộng sản Việt Nam)?(?!\p{L})")
_LISTED_NUMBER = regex.compile(r"\d{1,5}+[a-zđ]?")
NUMBERED_TYPE = regex.compile(
    r"(?:(?<![\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))"
    rf"(?P<type>{TYPE_WORDS})\s++(?:(?i:số)\s*+)?"
    r"(?P<number>\d{1,5}+[a-zđ]?)(?P<more>(?:(?:\s*+,\s++|\s++(?i:và)\s++)\d{1,5}+[a-zđ]?(?![\p{L}\p{N}]))*+)"
    r"(?![\p{L}\p{N}]|\s*+[-/.,:]\s*+\p{N}|\s*+[-/]\s*+\p{L})"
    r"(?!\s++(?:(?i:năm|tháng|tuổi|người|lần|giờ|phút|điều|%)|(?i:ngày)(?!\s++\d{1,2}+(?:\s*+[/.-]|\s++tháng)))(?!\p{L}))"
)
"""A type word and a number; not a count (`Chương trình 30 ngày`), but `Nghị quyết 57 ngày 22/12/2024` is one."""


@lru_cache(maxsize=1)
def numbered_types(text: str) -> tuple[regex.Match[str], ...]:
    """The `NUMBERED_TYPE` matches in `text`, found once for `_numbered` and the short forms."""
    return tuple(NUMBERED_TYPE.finditer(text))


def find_named(context: Context, coded: list[Found]) -> list[Found]:
    """Every named reference that does not overlap a coded one or an earlier candidate, in reading order.

    A candidate is a group of references sharing one mention (`Nghị quyết Trung ương 4 (khóa XI, XII)`,
    `các Nghị quyết số 29, 30`): kept or dropped whole.
    """
    coded_spans = Spans((ref.start, ref.end) for ref in coded)
    taken: list[tuple[int, int]] = []  # sorted and disjoint, so ends ascend too
    named: list[Found] = []
    singles = (*_congresses(context), *_laws(context), *_titled(context))
    for group in [*_plenums(context), *([ref] for ref in singles), *_numbered(context, coded)]:
        start, end = group[0].start, group[0].end
        before = bisect_left(taken, (end,))
        if coded_spans.overlaps(start, end) or (before > 0 and taken[before - 1][1] > start):
            continue
        insort(taken, (start, end))
        named.extend(group)
    named.sort(key=lambda r: r.start)
    return named


def _named(start: int, end: int, doc_type: str, **fields: object) -> Found:
    return Found(start=start, end=end, kind="named", code_end=end, doc_type=doc_type, doc_type_written=True,
                 **fields)  # type: ignore[arg-type]


def _plenums(context: Context) -> Iterator[list[Found]]:
    """`Nghị quyết Trung ương 4 khóa XII`; one reference per term in `(khóa XI, XII)`."""
    for match in _PLENUM.finditer(context.text):
        word = match.group("plenum_word")
        plenum = ORDINAL_VALUES[" ".join(word.lower().split())] if word else int(match.group("plenum"))
        terms = regex.findall(_ROMAN, match.group("terms") or "") or [None]
        yield [
            _named(match.start(), match.end(), "Nghị quyết", plenum=plenum, term=roman_to_int(term) if term else None)
            for term in terms
        ]


def _congresses(context: Context) -> Iterator[Found]:
    """`Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng`, `... nhiệm kỳ 2020 - 2025`."""
    for match in _CONGRESS.finditer(context.text):
        rest = match.group("rest")
        ordinal = _CONGRESS_ORDINAL.search(rest)
        if not ordinal and not _CONGRESS_TERM.search(rest):
            continue
        end = match.end()
        while context.text[end - 1] in " \t":
            end -= 1
        yield _named(match.start(), end, "Nghị quyết",
                     congress=roman_to_int(ordinal.group("ordinal")) if ordinal else None)


def _laws(context: Context) -> Iterator[Found]:
    """Laws, codes and ordinances by name, the Constitution with its year, and the Party Statute.

    The laws named inside an amending law's title are references of their own; the date after
    that title is the amending law's.
    """
    text = context.text
    clause_end = amending_until = -1
    valued = [span for span in context.dates if span.value]
    for match in _LAW.finditer(text):
        year = match.group("year") or match.group("bare_year")
        name = " ".join(match.group("name").split())
        law = _named(match.start(), match.end(), DOC_TYPE_WORDS[match.group("type").lower()], name=name)
        if year:
            law.date, law.date_granularity = datetime.date(int(year), 1, 1), "year"
        if _AMENDING.match(name):
            if match.end() > clause_end:  # else the clause end found for the law before still holds
                clause_end = _clause_end(text, match.end())
            amending_until = min(clause_end, match.end() + _TITLE_REACH)
            title_end = _date_in_clause(context.text, valued, law, match.end(), amending_until)
            law.name = " ".join(text[match.start("name") : title_end].split())
        elif match.start() >= amending_until:
            read_tail(context, law, len(text))
        yield law
    for match in _CONSTITUTION.finditer(text):
        yield _named(match.start(), match.end(), "Hiến pháp", date=datetime.date(int(match.group("year")), 1, 1),
                     date_granularity="year")
    for match in _STATUTE.finditer(text):
        yield _named(match.start(), match.end(), "Điều lệ", name="Điều lệ Đảng")


def _titled(context: Context) -> Iterator[Found]:
    """A document picked out by its title: `Chỉ thị của Ban Bí thư về việc tổ chức Tết ...`, or the
    `Quy định ...` that a decision issues (`Ban hành kèm theo Quyết định này Quy định trách nhiệm ...`)."""
    for match in _TITLE_OF_BODY.finditer(context.text):
        ref = _named(match.start(), match.end(), match.group("type"), subject=match.group("subject").strip())
        ref.issuer, ref.issuer_span = " ".join(match.group("body").split()), match.span("body")
        yield ref
    for match in _ISSUED_TITLE.finditer(context.text):
        yield _named(match.start("type"), match.end(), "Quy định", subject=" ".join(match.group("subject").split()))


def _clause_end(text: str, pos: int) -> int:
    match = _LAW_CLAUSE_END.search(text, pos)
    return match.start() if match else len(text)


def _date_in_clause(text: str, valued: list[DateSpan], law: Found, start: int, end: int) -> int:
    """Date an amending law by the first date with a value (`valued`) in its title's clause; where its title ends."""
    i = bisect_left(valued, start, key=attrgetter("start"))
    if i < len(valued) and valued[i].end <= end:
        span = valued[i]
        law.date, law.date_granularity = span.value, span.granularity
        cue = _DATE_CUE_BEFORE.search(text, max(start, span.start - _CUE_REACH), span.start)
        return cue.start() if cue else span.start
    return end


def _names_a_document(text: str, match: regex.Match[str]) -> bool:
    """`Quyết định số 5`, `Chỉ thị 05`, `Đề án 30 của`: not a count such as `Chương trình 1 triệu tấn`."""
    written = match.group()
    number = match.group("number")
    return "số" in written.lower() or number.startswith("0") or bool(_DOCUMENT_NUMBER_END.match(text, match.end()))


def _numbered(context: Context, coded: list[Found]) -> Iterator[list[Found]]:
    """A capitalised type word with numbers that no code in the text carries (`Đề án 30`, `Nghị quyết số 29, 30`)."""
    cited = {(ref.doc_type, ref.number) for ref in coded if ref.code}
    for match in numbered_types(context.text):
        doc_type = DOC_TYPE_WORDS[match.group("type").lower()]
        if not match.group("type")[0].isupper() or not _names_a_document(context.text, match):
            continue
        numbers = [match.group("number"), *_LISTED_NUMBER.findall(match.group("more") or "")]
        uncited = [number for number in numbers if (doc_type, number) not in cited]
        if not uncited:
            continue
        base = _named(match.start(), match.end(), doc_type)
        read_tail(context, base, len(context.text))
        yield [Found(**{**base.__dict__, "number": number}) for number in uncited]
