"""Extractor: references without a code (`kind="named"`).

Plenum resolutions (`Nghị quyết Trung ương 4 (khóa XI, XII)`), congress resolutions
(`Nghị quyết Đại hội XIII của Đảng`), laws and codes of law (`Luật Thủy sản`, `Hiến pháp năm 2013`),
the Party Statute (`Điều lệ Đảng`), and a type word with a number that no code in the text
carries (`Quyết định 244`).
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from operator import attrgetter

import regex

from partydocs.anchors import Anchors, anchored
from partydocs.dates import DateSpan
from partydocs.find import TYPE_WORDS, Context, Found, Spans, alternation, read_tail
from partydocs.tables import (
    DOC_TYPE_WORDS,
    LAW_NAME_PHRASES,
    LAW_NAME_STOP_WORDS,
    LEVEL_WORDS,
    MASS_ORGANISATION_WORDS,
    ORDINAL_VALUES,
    law_table,
    roman_to_int,
    tables,
)

_START = r"(?:(?<![\p{L}\p{N}])|(?<=[\p{Ll}\p{N}])(?=\p{Lu}))"
"""A word starts here: after no letter or digit, or as a capital glued by a lost space (`triệtNghị`, `3Luật`)."""
_GAP = r"(?:[ \t]++|[ \t]*+\n[ \t]*+)"
"""Spaces between two words, or one line break (a hard-wrapped line), never a blank line."""


def _words(phrase: str) -> str:
    """A literal phrase whose words may be split by any `_GAP` (a comma keeps its place)."""
    return _GAP.join(regex.escape(word).replace(",", "[ \t]*+,") for word in phrase.split())


def _any_of(phrases: Sequence[str]) -> str:
    return "|".join(_words(p) for p in sorted(phrases, key=len, reverse=True))


_ROMAN = r"[IVXLC]{1,7}+(?![\p{L}\p{N}])"
_TERMS = rf"(?:[ \t]*+,?[ \t]*+\(?(?i:khóa)[ \t]++(?P<terms>{_ROMAN}(?:[ \t]*+(?:,|và|&)[ \t]*+{_ROMAN}){{0,5}}+)\)?)?"
_RESOLUTION = rf"{_START}(?:(?i:nghị{_GAP}quyết)|NQ)"
_ORDINAL_WORD = rf"(?i:{_any_of(list(ORDINAL_VALUES))})(?!\p{{L}})"
_NTH = rf"(?i:lần{_GAP}thứ)"
_CENTRAL = rf"(?:(?i:trung{_GAP}ương|tw|t\.ư|t\.w)|TƯ)"
_LEVEL = rf"(?i:{_any_of(LEVEL_WORDS)})(?!\p{{L}})"
_PLACE = r"\p{Lu}\p{L}*+(?:[ \t]++\p{Lu}\p{L}*+){0,3}+"
_COMMITTEE = (
    rf"(?:(?i:ban{_GAP}chấp{_GAP}hành)|BCH){_GAP}"
    rf"(?:{_CENTRAL}(?:{_GAP}(?i:đảng)(?!{_GAP}(?i:bộ))(?!\p{{L}}))?|(?i:đảng{_GAP}bộ){_GAP}{_LEVEL}(?:{_GAP}{_PLACE})?)"
)
_PLENUM_NUMBER = rf"(?:(?P<plenum>\d{{1,2}}+)(?![\p{{L}}\p{{N}}])|(?P<roman>{_ROMAN})|(?P<plenum_word>{_ORDINAL_WORD}))"
_PLENUM = regex.compile(
    rf"{_RESOLUTION}(?:{_GAP}?(?i:hội{_GAP}nghị))?(?:{_GAP}?(?:(?i:ban{_GAP}chấp{_GAP}hành)|BCH))?{_GAP}?{_CENTRAL}"
    rf"[ \t]*+(?:(?:{_NTH}{_GAP}{_PLENUM_NUMBER})|(?P<plenum>\d{{1,2}}+)(?![\p{{L}}\p{{N}}])){_TERMS}"
    rf"|{_RESOLUTION}{_GAP}(?i:hội{_GAP}nghị){_GAP}(?:{_NTH}{_GAP})?{_PLENUM_NUMBER}"
    rf"[ \t]*+[,-]?{_GAP}?{_COMMITTEE}{_TERMS}"
)
"""A plenum's resolution: `Nghị quyết Trung ương 4 (khóa XI)`, `NQ TW4`, `nghị quyết hội nghị lần thứ X – BCH trung
ương đảng khóa XI`, `Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII`."""
_NAME_STOP = (
    "của", "và", "về", "đã", "đang", "sẽ", "tại", "trong", "là", "được", "với", "những", "để", "nhằm",
    "thì", "mà", "có", "theo", "từ", "đến", "sau", "trước", "khi", "này", "đó", "cho", "do", "ngày", "năm",
    "tháng", "nhiệm", "nghị", "quyết", "cấp", "đề", "ra", "xác", "định", "tiếp", "tục",
)
_CONGRESS_ORDINAL = rf"(?:{_NTH}{_GAP}(?P<ordinal>{_ROMAN}|\d{{1,2}}+(?![\p{{L}}\p{{N}}]))|(?P<ordinal>{_ROMAN}))"
_CONGRESS_TERM = r"(?i:nhiệm[ \t]++kỳ)[ \t]++\d{4}[ \t]*+-[ \t]*+\d{4}(?!\d)"
_CONGRESS_NAME = (
    rf"(?:(?i:đại{_GAP}hội)|ĐH)(?P<org>(?:{_GAP}(?!(?i:{_any_of(_NAME_STOP)})(?!\p{{L}})){_START}\p{{L}}++){{0,10}}?)"
    rf"(?:{_GAP}{_CONGRESS_ORDINAL}(?:[ \t]++{_CONGRESS_TERM})?|[ \t]++{_CONGRESS_TERM})"
    rf"|(?:(?i:đại{_GAP}hội)|ĐH)"
    rf"(?P<org>(?:{_GAP}(?i:đại{_GAP}biểu))?{_GAP}(?i:đảng{_GAP}bộ){_GAP}{_LEVEL}(?:[ \t]++{_PLACE})?)"
    rf"(?!{_GAP}(?i:các|cấp)(?!\p{{L}}))"
)
"""A Party congress: `Đại hội XIII`, `Đại hội đại biểu Đảng bộ Quân đội lần thứ X`, `Đại hội Đảng bộ xã`."""
_CONGRESS = regex.compile(
    rf"{_RESOLUTION}{_GAP}(?:{_CONGRESS_NAME})"
    rf"(?P<more>(?:[ \t]*+(?:,|và)[ \t]*+{_LEVEL}(?:[ \t]++{_PLACE})?{_GAP}{_NTH}{_GAP}{_ROMAN})*+)"
    rf"(?:{_GAP}(?i:của{_GAP}đảng)(?!{_GAP}(?i:bộ))(?!\p{{L}}))?"
)
"""A congress's resolution; `NQ đại hội Đảng bộ tỉnh lần thứ XV, huyện lần thứ XX` names two."""
_CONGRESS_NAMED = regex.compile(_CONGRESS_NAME)
_ELLIPTIC_CONGRESS = regex.compile(
    rf"{_START}(?:Nghị quyết|NGHỊ QUYẾT|NQ)[ \t]++(?:(?:Đại hội|ĐẠI HỘI)(?=[ \t]*+[,.;:)\"]|[ \t]++\p{{Ll}})"
    rf"(?![ \t]++(?i:đoàn|các|cấp|đại biểu|đảng|lần)(?!\p{{L}}))"
    rf"|{_NTH}{_GAP}(?P<ordinal>{_ROMAN})(?![ \t]*+[,-]?[ \t]*+\n?[ \t]*+(?i:ban|bch|hội nghị)))"
)
"""`Nghị quyết Đại hội` or `Nghị quyết lần thứ IX` where the text has just named the congress."""
_CONGRESS_REACH = 600
"""How far before an elliptic congress resolution the congress it means is looked for."""
_MASS_ORGANISATION = regex.compile(rf"(?<!\p{{L}})(?:{_any_of(MASS_ORGANISATION_WORDS)})(?!\p{{L}})")
_LAW_TITLES = law_table().spellings
_YEAR = r"(?:(?i:năm)[ \t]++)?(?P<year>(?:19|20)\d\d)(?![\p{L}\p{N}])"
_YEARS = rf"(?P<years>[ \t]++{_YEAR}(?:[ \t]*+(?:,|và)[ \t]*+{_YEAR})*+)?"
_NOT_LAW_BEFORE = (
    r"(?<!(?i:kỷ|pháp|quy|luật|ty|phòng|hãng|khoa|học|viện|dự|thảo)[ \t])(?!(?<=(?i:điều)[ \t])luật)"
)
"""Not a law: `pháp luật`, `kỷ luật`, `Công ty Luật`, `dự thảo Luật`, `điều luật` (but `một số điều Luật ...`
is one)."""
_KNOWN_LAW = regex.compile(
    rf"{_START}{_NOT_LAW_BEFORE}(?P<type>(?i:bộ{_GAP}luật|pháp{_GAP}lệnh|luật)){_GAP}"
    rf"(?P<name>(?i:{_any_of(_LAW_TITLES)}))(?![\p{{L}}\p{{N}}]){_YEARS}"
)
"""A law, code or ordinance of data/laws.json by its title, in any case and across a line break, with the
years written beside it (`các Luật Đất đai năm 2003 và năm 2013` names two)."""
_AMENDED_IN = regex.compile(r"[ \t]++(?i:sửa đổi)(?:[ \t]*+,[ \t]*+(?i:bổ sung))?[ \t]++" + _YEAR)
"""`Luật A và Luật B sửa đổi 2019`: the amending law of that year, named by the laws it amends."""
_LAW_LIST_GAP = regex.compile(r"[ \t]*+(?:,|và)[ \t]*+")
_DOCUMENT_NUMBER_END = regex.compile(
    r"[^\S\n]*+(?:[,.;:)\]\"\n]|$)|\s++(?:của|về|ngày|năm|do|đã|được|và|khóa|tại|trong|nêu|quy định)(?!\p{L})"
)
_NAME_WORD = (
    rf"(?:(?i:{alternation(LAW_NAME_PHRASES)})(?!\p{{L}})"
    rf"|(?!(?i:{alternation(sorted(LAW_NAME_STOP_WORDS))})(?!\p{{L}}))\p{{L}}++)"
)
_NAME_GAP = rf"(?:[ \t]*+\n?[ \t]*+|,[ \t]++(?=(?i:chống|bổ sung))|[ \t]++và[ \t]++(?=\p{{Lu}})(?!{TYPE_WORDS}))"
_WRITTEN_LAW = regex.compile(
    rf"{_START}{_NOT_LAW_BEFORE}"
    r"(?P<type>Bộ luật|Luật|Pháp lệnh|BỘ LUẬT|LUẬT|PHÁP LỆNH)(?!\s++(?i:sư|gia|pháp|chơi|lệ|hóa|học)(?!\p{L}))"
    rf"(?P<name>[ \t]++{_NAME_WORD}(?:{_NAME_GAP}(?!Luật|Bộ luật){_NAME_WORD}){{0,14}}+){_YEARS}"
)
"""A law that the table lacks, by the capitalised words of its name (`Luật Thủy sản`, `Luật sửa đổi, bổ sung ...`)."""
_LAW_CLAUSE_END = regex.compile(
    r";|\.(?:\s|$)|\n(?=[ \t]*+(?:\n|[-+*•]|\d{1,2}+[.)]|(?i:căn[ \t]++cứ|xét|theo)(?!\p{L})))"
)
"""Where an amending law's title can end at the latest: a single line break goes on (`... của Luật\nTổ chức ...`)."""
_DATE_CUE_BEFORE = regex.compile(r"\s*+(?:(?i:ngày|năm)\s*+)?$")
_CUE_REACH = 40
"""How far before an amending law's date its cue (`ngày`, `năm` and spaces) is looked for."""
_TITLE_REACH = 500
_SENTENCE_END_BEFORE = regex.compile(r"(?r)[;\n]|\.\s")
"""The longest title of an amending law (the longest real ones are under 300 characters)."""
_CONSTITUTION = regex.compile(
    rf"{_START}(?:Hiến pháp|HIẾN PHÁP|hiến pháp)"
    rf"(?:(?P<full>{_GAP}(?i:nước{_GAP})?(?i:{_words('Cộng hòa xã hội chủ nghĩa Việt Nam')}))(?:[ \t]++{_YEAR})?"
    rf"|[ \t]++{_YEAR})"
)
"""The Constitution by its full name or with its year: `Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam`,
`Hiến pháp 2013`."""
_STATUTE = regex.compile(
    rf"{_START}(?:Điều lệ|ĐIỀU LỆ)(?:[ \t]++(?i:đảng)(?![ \t]++(?i:bộ)(?!\p{{L}}))"
    rf"(?:[ \t]++(?i:{_words('Cộng sản Việt Nam')}))?(?![\p{{L}}\p{{N}}])(?:[ \t]++{_YEAR})?"
    r"|(?=[ \t]*+(?:,|và)[ \t]++[^.;\n]{0,60}?[ \t]của[ \t]++Đảng(?![ \t]++bộ)(?!\p{L})))"
)
"""The Party Statute: `Điều lệ Đảng`, `Điều lệ Đảng Cộng sản Việt Nam 2011`, and the `Điều lệ` of `Điều lệ và các quy
định của Đảng`."""
_TITLE_OF_BODY = regex.compile(
    rf"(?<!(?i:các|những|mọi)\s){_START}(?P<type>Nghị quyết|Chỉ thị|Kết luận|Quy định)\s++của\s++"
    r"(?P<body>\p{Lu}[^\n;,.]{2,80}?)(?:\s*+,?\s*+\(?(?i:khóa)\s++(?P<term>[IVXLC]{1,7}+)\)?)?"
    r"\s++về\s++(?P<subject>[^\n;.]{3,200}+)"
)
_YEARLY_TITLE = regex.compile(
    rf"(?<!(?i:các|những|mọi)\s){_START}(?P<type>Nghị quyết|Chỉ thị|Kết luận)[ \t]++về[ \t]++"
    r"(?P<subject>[^\n;.]{3,150}?[ \t]++"
    r"(?:(?i:năm)[ \t]++(?:19|20)\d\d|(?:19|20)\d\d[ \t]*+-[ \t]*+(?:19|20)\d\d))(?!\d)"
)
"""A document of one year or period picked out by its subject: `Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội
năm 2026`, `... giai đoạn 2021 - 2025`."""
_ISSUED_TITLE = regex.compile(
    r"(?i:ban\s*+hành)\s++(?:(?i:kèm theo)\s++(?:\p{L}++\s++){1,2}(?i:này)\s++)?\"?(?P<type>Quy định|QUY ĐỊNH)"
    r"(?P<subject>(?!\s*+(?:số|SỐ|này|NÀY)(?!\p{L}))[^\n;.,\"]{5,200}+)"
)
_MATCH_REACH = 1000
"""Longer than any named reference: each try of a pattern ends there (see `Anchored.reach`)."""
_PLENUMS = anchored(_PLENUM, "nghị", "nq", reach=_MATCH_REACH)
_CONGRESSES = anchored(_CONGRESS, "nghị", "nq", reach=_MATCH_REACH)
_ELLIPTIC_CONGRESSES = anchored(_ELLIPTIC_CONGRESS, "nghị", "nq", reach=_MATCH_REACH)
_KNOWN_LAWS = anchored(_KNOWN_LAW, "bộ", "pháp", "luật", reach=_MATCH_REACH)
_WRITTEN_LAWS = anchored(_WRITTEN_LAW, "bộ", "pháp", "luật", reach=_MATCH_REACH)
_CONSTITUTIONS = anchored(_CONSTITUTION, "hiến", reach=_MATCH_REACH)
_STATUTES = anchored(_STATUTE, "điều", reach=_MATCH_REACH)
_TITLES_OF_BODIES = anchored(_TITLE_OF_BODY, "nghị", "chỉ", "kết", "quy", reach=_MATCH_REACH)
_YEARLY_TITLES = anchored(_YEARLY_TITLE, "nghị", "chỉ", "kết", reach=_MATCH_REACH)
_ISSUED_TITLES = anchored(_ISSUED_TITLE, "ban", reach=_MATCH_REACH)
"""Each pattern with the first syllables its matches start with (`Anchors.finditer` tries it only there)."""
_LISTED_NUMBER = regex.compile(r"\d{1,5}+[a-zđ]?")
def find_named(context: Context, coded: list[Found]) -> list[Found]:
    """Every named reference that does not overlap a coded one or an earlier candidate, in reading order.

    A candidate is a group of references sharing one mention (`Nghị quyết Trung ương 4 (khóa XI, XII)`,
    `các Nghị quyết số 29, 30`, an amending law and the laws its title names): kept or dropped whole.
    """
    coded_spans = Spans((ref.start, ref.end) for ref in coded)
    taken: list[tuple[int, int]] = []  # sorted and disjoint, so ends ascend too
    named: list[Found] = []
    singles = (*_charters(context), *_titled(context))
    candidates = (*_plenums(context), *_congresses(context), *_laws(context), *([ref] for ref in singles))
    for group in [*candidates, *_numbered(context, coded)]:
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


def _year(written: str | None) -> dict[str, object]:
    """The date fields of a year written in a name (`Hiến pháp năm 2013`), or none."""
    return {"date": datetime.date(int(written), 1, 1), "date_granularity": "year"} if written else {}


def _plenums(context: Context) -> Iterator[list[Found]]:
    """`Nghị quyết Trung ương 4 khóa XII`; one reference per term in `(khóa XI, XII)`."""
    for match in context.anchors.finditer(_PLENUMS):
        word, roman = match.group("plenum_word"), match.group("roman")
        if word:
            plenum: int | None = ORDINAL_VALUES[" ".join(word.lower().split())]
        else:
            plenum = roman_to_int(roman) if roman else int(match.group("plenum"))
        terms = regex.findall(_ROMAN, match.group("terms") or "") or [None]
        yield [
            _named(match.start(), match.end(), "Nghị quyết", plenum=plenum, term=roman_to_int(term) if term else None)
            for term in terms
        ]


def _ordinal(written: str | None) -> int | None:
    if not written:
        return None
    return int(written) if written.isdigit() else roman_to_int(written)


def _congresses(context: Context) -> Iterator[list[Found]]:
    """A Party congress's resolution (one per congress it names), then an elliptic one (`Nghị quyết Đại hội`,
    `Nghị quyết lần thứ IX`) that follows the congress it means."""
    text = context.text
    for match in context.anchors.finditer(_CONGRESSES):
        if _MASS_ORGANISATION.search(match.group("org") or ""):
            continue
        ordinals = [match.group("ordinal"), *regex.findall(_ROMAN, match.group("more"))]
        end = _trimmed_end(text, match.start(), match.end())
        yield [_named(match.start(), end, "Nghị quyết", congress=_ordinal(ordinal)) for ordinal in ordinals]
    for match in context.anchors.finditer(_ELLIPTIC_CONGRESSES):
        congress = _congress_before(text, match.start())
        if congress is not None:
            ordinal = match.group("ordinal") or congress.group("ordinal")
            yield [_named(match.start(), match.end(), "Nghị quyết", congress=_ordinal(ordinal))]


def _congress_before(text: str, pos: int) -> regex.Match[str] | None:
    """The last Party congress named within reach before `pos`."""
    last = None
    for match in _CONGRESS_NAMED.finditer(text, max(0, pos - _CONGRESS_REACH), pos):
        if not _MASS_ORGANISATION.search(match.group("org") or ""):
            last = match
    return last


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return end


def _law_matches(anchors: Anchors) -> list[regex.Match[str]]:
    """Laws by a title of the table, and by written capitalised names where no title of the table is."""
    known = list(anchors.finditer(_KNOWN_LAWS))
    spans = Spans(match.span() for match in known)
    written = [match for match in anchors.finditer(_WRITTEN_LAWS) if not spans.overlaps(*match.span())]
    return sorted([*known, *written], key=lambda match: match.start())


def _law_name(match: regex.Match[str]) -> str:
    """The table's spelling of a law's title, else its name as written."""
    written = " ".join(match.group("name").split())
    entry = law_table().find(written)
    return entry.title if entry else written


def _law_refs(match: regex.Match[str], dated: bool = True) -> list[Found]:
    """One reference per year written with a law's name (`Luật Đất đai năm 2003 và năm 2013`), else one; not
    `dated` when that year is the amending law's whose title ends with this name."""
    doc_type = DOC_TYPE_WORDS[" ".join(match.group("type").lower().split())]
    years: list[str | None] = [*match.captures("year")] if dated and match.captures("year") else [None]
    return [_named(match.start(), match.end(), doc_type, name=_law_name(match), **_year(year)) for year in years]


def _laws(context: Context) -> Iterator[list[Found]]:
    """Laws, codes and ordinances by name, each with the laws that an amending law's title names.

    A law named inside an amending law's title is a reference of its own, dated only by a year written
    with it: the date after that title is the amending law's.
    """
    text = context.text
    valued = [span for span in context.dates if span.value]
    matches = _law_matches(context.anchors)
    list_ends = _list_ends(text, matches)
    i = 0
    while i < len(matches):
        match = matches[i]
        listed = list_ends[i] - i + 1
        amended_in = _AMENDED_IN.match(text, matches[list_ends[i]].end())
        if match.group("name").lstrip().lower().startswith("sửa đổi"):
            amending, clause_end, title_end = _amending_law(context, valued, match)
            nested = [m for m in matches[i + 1 :] if m.start() < clause_end]
            yield [amending, *(ref for m in nested for ref in _law_refs(m, dated=m.end() <= title_end))]
            i += 1 + len(nested)
            continue
        if amended_in:
            laws = matches[i : i + listed]
            amending = _named(match.start(), amended_in.end(), "Luật", name=text[match.start() : amended_in.end()],
                              **_year(amended_in.group("year")))
            yield [amending, *(ref for m in laws for ref in _law_refs(m))]
            i += listed
            continue
        refs = _law_refs(match)
        if refs[0].date is None:
            read_tail(context, refs[0], len(text))
        yield refs
        i += 1


def _list_ends(text: str, matches: list[regex.Match[str]]) -> list[int]:
    """For each law, the index of the last law of the list it begins (`Luật A, Luật B và Luật C`), in one pass."""
    ends = list(range(len(matches)))
    for j in range(len(matches) - 2, -1, -1):
        if _LAW_LIST_GAP.fullmatch(text, matches[j].end(), matches[j + 1].start()):
            ends[j] = ends[j + 1]
    return ends


def _amending_law(
    context: Context, valued: list[DateSpan], match: regex.Match[str]
) -> tuple[Found, int, int]:
    """An amending law's reference, its whole title as its span, dated by the first date after the title;
    where its clause (the reach of the laws its title names) ends, and where its title ends."""
    text = context.text
    law = _named(match.start(), match.end(), DOC_TYPE_WORDS[" ".join(match.group("type").lower().split())])
    clause_end = _clause_end(text, match.end())
    title_end = _trimmed_end(text, match.start(), _date_in_clause(text, valued, law, match.end(), clause_end))
    law.end = law.code_end = max(title_end, match.end())
    law.name = " ".join(text[match.start("name") : law.end].split())
    return law, clause_end, law.end


def _charters(context: Context) -> Iterator[Found]:
    """The Constitution and the Party Statute, by full name or with a year."""
    for match in context.anchors.finditer(_CONSTITUTIONS):
        yield _named(match.start(), match.end(), "Hiến pháp", name="Hiến pháp", **_year(match.group("year")))
    for match in context.anchors.finditer(_STATUTES):
        yield _named(match.start(), match.end(), "Điều lệ", name="Điều lệ Đảng", **_year(match.group("year")))


def _titled(context: Context) -> Iterator[Found]:
    """A document picked out by its title: `Chỉ thị của Ban Bí thư về việc tổ chức Tết ...`, `Nghị quyết về nhiệm
    vụ ... năm 2026`, or the `Quy định ...` that a decision issues (`Ban hành kèm theo Quyết định này Quy định ...`);
    never one of a mass organisation."""
    text = context.text
    for match in context.anchors.finditer(_TITLES_OF_BODIES):
        if _of_mass_organisation(text, match):
            continue
        ref = _named(match.start(), match.end(), match.group("type"), subject=match.group("subject").strip(),
                     term=roman_to_int(match.group("term")) if match.group("term") else None)
        ref.issuer, ref.issuer_span = " ".join(match.group("body").split()), match.span("body")
        yield ref
    for match in context.anchors.finditer(_YEARLY_TITLES):
        if not _of_mass_organisation(text, match):
            subject = " ".join(match.group("subject").split())
            yield _named(match.start(), match.end(), match.group("type"), subject=subject)
    for match in context.anchors.finditer(_ISSUED_TITLES):
        if not _of_mass_organisation(text, match, _sentence_start(text, match.start())):
            yield _named(match.start("type"), match.end(), "Quy định",
                         subject=" ".join(match.group("subject").split()))


def _of_mass_organisation(text: str, match: regex.Match[str], start: int | None = None) -> bool:
    """A title whose clause (from `start` on, else from the title on) names a mass organisation (`Quy định về ...
    của Đoàn ... Trung ương Đoàn;`)."""
    since = match.start() if start is None else start
    return _MASS_ORGANISATION.search(text, since, _clause_end(text, match.end())) is not None


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence that `pos` is in begins (after `. `, `;` or a line break)."""
    found = _SENTENCE_END_BEFORE.search(text, max(0, pos - _TITLE_REACH), pos)
    return found.end() if found else max(0, pos - _TITLE_REACH)


def _clause_end(text: str, pos: int) -> int:
    """Where the clause that goes on at `pos` ends (`;`, a line break, a full stop), within `_TITLE_REACH`."""
    reach = min(len(text), pos + _TITLE_REACH)
    match = _LAW_CLAUSE_END.search(text, pos, reach)
    return match.start() if match else reach


def _date_in_clause(text: str, valued: list[DateSpan], law: Found, start: int, end: int) -> int:
    """Date an amending law by the first date with a value (`valued`) in its title's clause; where its title ends."""
    i = bisect_left(valued, start, key=attrgetter("start"))
    if i < len(valued) and valued[i].end <= end:
        span = valued[i]
        law.date, law.date_granularity = span.value, span.granularity
        cue = _DATE_CUE_BEFORE.search(text, max(start, span.start - _CUE_REACH), span.start)
        return cue.start() if cue else span.start
    return end


def written_or_coded_types(ref: Found) -> set[str | None]:
    """The type written before a citation and the type its code stands for: `Thông báo Kết luận số 88-KL/TW` is
    both a `Thông báo` and a `Kết luận` (so `Kết luận 88` is a short form of it)."""
    codes = tables()
    coded = codes.party_types.name(ref.type_code) or codes.state_types.name(ref.type_code) if ref.type_code else None
    return {ref.doc_type, coded}


def _names_a_document(text: str, match: regex.Match[str]) -> bool:
    """`Quyết định số 5`, `Chỉ thị 05`, `Đề án 30 của`: not a count such as `Chương trình 1 triệu tấn`."""
    written = match.group()
    number = match.group("number")
    return "số" in written.lower() or number.startswith("0") or bool(_DOCUMENT_NUMBER_END.match(text, match.end()))


def _numbered(context: Context, coded: list[Found]) -> Iterator[list[Found]]:
    """A capitalised type word with numbers that no code in the text carries (`Đề án 30`, `Nghị quyết số 29, 30`)."""
    cited = {(doc_type, ref.number) for ref in coded if ref.code for doc_type in written_or_coded_types(ref)}
    for match in context.numbered_types:
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
