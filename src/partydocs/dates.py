"""Extractor: calendar expressions (days, months, quarters, years and ranges) in normalised text.

`find_dates` expects the pipeline's normalised text (NFC, ASCII dashes, plain spaces) and reports
offsets into the string it is given. Rules, as in the corpus guidelines:

- A span is the shortest text carrying the date: numbers plus the words `ngày`, `tháng`, `năm`,
  `quý` that belong to them; cues such as `nhiệm kỳ`, `giai đoạn`, `từ`, `Sáng` stay outside.
- A day written without a year takes the year of the nearest dated mention (day, month or
  quarter) before it, else after it; with none, its value is None and its iso `--MM-DD`.
- A day that is off the calendar but has a day of 1-31 and a month of 1-12 is a mention with
  value None and its iso as written (`2022-02-31`) when `ngày` introduces it
  (`ngày 31 tháng 02 năm 2022`, `ngày 31/02/2022`); bare (`31/02/2022`) it is no mention. A day
  above 31 or a month above 12 (`32/1/2020`, `ngày 5 tháng 13`) is never a day mention.
- A bare year counts only after `năm`, `SN` (sinh năm), `tầm nhìn`, a document name on the same
  clause (`Luật Đất đai 2024`, `Nghị quyết 78/NQ-CP 2022`), `đến`/`trước`/`cuối`... when a
  clause ends after it (`đến 2030,`), or as a rising list after a year (`năm 2019, 2020`);
  a pair `2021 - 2030` is a range anywhere. Years inside codes (`30/2020/NĐ-CP`) never count.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import regex

from partydocs.anchors import Anchored, Anchors, anchored
from partydocs.models import Granularity


@dataclass(frozen=True)
class DateSpan:
    """One date mention: `text[start:end]` carries it; ranges also give their last unit."""

    start: int
    end: int
    value: datetime.date | None
    granularity: Granularity
    iso: str
    end_value: datetime.date | None = None
    end_iso: str | None = None


@dataclass(frozen=True)
class _Part:
    """One calendar unit as written; `year` None when the text gives none."""

    year: int | None
    month: int = 1
    day: int = 1


@dataclass(frozen=True)
class _Found:
    """A candidate mention before it becomes a DateSpan."""

    start: int
    end: int
    granularity: Granularity
    first: _Part
    last: _Part | None = None


_MONTH_WORDS: dict[str, int] = {
    "giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}
_QUARTERS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_TIME_CUES = ("sáng", "chiều", "tối", "trưa", "đêm", "khuya", "hôm nay", "hôm qua")
_PERIOD_CUES = ("giai đoạn", "nhiệm kỳ", "thời kỳ", "niên khóa")
_DOC_WORDS = (
    "Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh", "Nghị quyết", "Nghị định", "Quyết định",
    "Thông tư", "Chỉ thị", "Kết luận", "Quy định", "Công văn", "Kế hoạch", "Điều lệ",
)
_YEAR_FOLLOWERS = ("và", "về", "của", "được", "có", "đã", "sẽ", "là", "sửa đổi", "quy định", "ban hành", "này", "mới")
_LOOSE_YEAR_CUES = ("đến", "tới", "trước", "sau", "cuối", "đầu", "giữa")
_MAX_YEAR_SPAN = 100


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of `words`, longest first, with any run of spaces inside a word."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s{1,3}") for w in ordered)


_PIECES = {
    "<S>": r"\s{1,8}+",
    "<S0>": r"\s{0,8}+",
    "<N2>": r"\d{1,2}+(?!\d)",
    "<Y>": r"[12]\d{3}(?!\d)",
    "<END>": r"(?!\d|[/.-]\d|[/-]\p{L})",
    "<CUE>": r"(?:ngày|mồng|mùng)",
    "<MW>": rf"(?:{_alternation(list(_MONTH_WORDS))})(?!\p{{L}})",
    "<FREE>": r"(?<![\p{L}\p{N}/.,]|\p{N}-)",
}


def _rx(template: str, flags: int = regex.IGNORECASE) -> regex.Pattern[str]:
    """Compile `template` after filling in the shared pieces (`<S>`, `<Y>`, ...)."""
    for name, piece in _PIECES.items():
        template = template.replace(name, piece)
    return regex.compile(template, flags)


_DAY_CORE = (
    r"(?:(?P<d><N2>)(?P<sep>[/.-])(?P<m><N2>)(?:(?P=sep)(?P<y><Y>)|<S>năm<S0>(?P<y2><Y>))?"
    r"|(?P<wd><N2>)<S>tháng<S>(?:(?P<wm><N2>)|(?P<mw><MW>))(?:,?<S>(?P<wn>năm)<S0>(?P<wy><Y>))?)<END>"
)
_DAY = _rx(r"(?:(?<![\p{L}\p{N}])(?P<cue><CUE>)<S0>|<FREE>)" + _DAY_CORE)
_SPACED_DAY = _rx(
    r"(?<![\p{L}\p{N}])<CUE><S0>(?P<d><N2>) {0,2}+(?P<sep>[/.-]) {0,2}+(?P<m><N2>) {0,2}+(?P=sep) {0,2}+(?P<y><Y>)<END>"
)
"""`ngày 15 - 5 - 2016`, `ngày 25/10/ 2021`: spaces around the separators, after `ngày` and with the year."""
_DAY_RANGE = _rx(
    r"(?<![\p{L}\p{N}])<CUE><S0>(?P<d1><N2>)<S0>(?:-|đến|tới)<S0>(?:<CUE><S0>)?" + _DAY_CORE
)
_MONTH = _rx(
    r"(?<![\p{L}\p{N}])tháng<S>(?:(?P<m><N2>)(?:[/.-]|,?<S>năm<S0>)|(?P<mw><MW>),?<S>(?P<wn>năm<S0>)?)"
    r"(?P<y><Y>)<END>"
)
_MONTH_OPENING_RANGE = _rx(
    r"(?<![\p{L}\p{N}])tháng<S>(?P<m><N2>)(?=<S0>(?:-|đến|tới)<S0>tháng<S><N2>(?:[/.-]|,?<S>năm<S0>)<Y><END>)"
)
"""`tháng 5` in `từ tháng 5 đến tháng 8/2023`: a yearless month that the dated one after it closes."""
_QUARTER = _rx(
    r"(?<![\p{L}\p{N}])quý<S>(?P<q>IV|III|II|I|[1-4])(?![\p{L}\p{N}])(?:[/.-]|,?<S>(?:năm<S0>)?)"
    r"(?P<y><Y>)<END>"
)
_YEAR = _rx(r"(?<![\p{L}\p{N}])năm<S0>(?P<y><Y>)<END>")
_YEAR_RANGE = _rx(
    r"(?:(?<!\p{L}|\p{N}\s{1,8})(?P<nam>năm)<S0>|<FREE>)(?P<y1><Y>)<S0>-<S0>(?:năm<S0>)?(?P<y2><Y>)<END>"
)
_GLUED_RANGE = _rx(
    rf"(?<=(?<!\p{{L}})(?:{_alternation(_PERIOD_CUES)})\s{{1,3}}(?:năm\s{{1,3}})?\(?)"
    r"(?P<y1>[12]\d{3})(?P<y2>[12]\d{3})(?!\d)"
)
_CUED_YEAR = _rx(r"(?<=(?<!\p{L})(?:tầm\s{1,3}nhìn(?:\s{1,3}đến)?|(?-i:SN))\s{1,3})(?P<y><Y>)<END>")
_LOOSE_YEAR = _rx(
    rf"(?<=(?<!\p{{L}})(?:{_alternation(_LOOSE_YEAR_CUES)})\s{{1,3}})(?P<y>(?:19|20)\d\d)<END>"
    r"(?=\s{0,3}(?:[,;.:)\n]|\Z|(?:và|tầm\s{1,3}nhìn)(?!\p{L})))"
)
_YEAR_NEXT = _rx(r"(?:,\s{0,3}|\s{1,3}(?:và|hoặc)\s{1,3})(?P<y><Y>)<END>")
_DAY_NEXT = _rx(
    r"(?:,\s{0,3}|\s{1,3}(?:và|hoặc)\s{1,3})(?P<d><N2>)(?P<sep>[/.-])(?P<m><N2>)(?:(?P=sep)(?P<y><Y>))?<END>"
)
_NAMED_YEAR = _rx(
    r"(?<=[\p{L}\p{N}] {1,3})(?P<y>(?:19|20)\d\d)(?!\d|[/.,-]\d|[/-]\p{L}|%)"
    rf"(?= {{0,3}}(?:\Z|[\n,;:.)\]|\"]|(?:{_alternation(_YEAR_FOLLOWERS)})(?!\p{{L}})|\p{{Lu}}))",
    flags=0,
)
_DOC_WORD = regex.compile(
    rf"(?<!\p{{L}})(?:{_alternation([*_DOC_WORDS, *(w.upper() for w in _DOC_WORDS)])})(?!\p{{L}})"
)
_CLAUSE_BREAK = regex.compile(r"[.;:!?\n|]")
_TIME_CUE = _rx(rf"(?<!\p{{L}})(?:{_alternation(_TIME_CUES)})\s{{1,3}}\Z")
_DAY_WORD_BEFORE = _rx(r"(?<!\p{L})ngày(?!\p{L})[^.;!?\n]*+\Z")
_RANGE_GLUE = _rx(r"\s{0,8}+(?:-|đến|tới)\s{0,8}+")
_DOC_WINDOW = 150


def _date(part: _Part) -> datetime.date | None:
    """The calendar date of `part`, or None without a year or when the calendar has no such day."""
    if part.year is None:
        return None
    try:
        return datetime.date(part.year, part.month, part.day)
    except ValueError:
        return None


def _on_calendar(part: _Part) -> bool:
    """Whether `part` names a real day (a yearless one is checked against a leap year)."""
    return _date(part if part.year is not None else replace(part, year=2000)) is not None


def _iso(part: _Part, granularity: Granularity) -> str:
    """ISO text for `part` cut to `granularity`: `2022`, `2022-03`, `2022-03-09` or `--03-09`."""
    if part.year is None:
        return f"--{part.month:02d}-{part.day:02d}"
    if granularity == "year":
        return f"{part.year:04d}"
    if granularity in ("month", "quarter"):
        return f"{part.year:04d}-{part.month:02d}"
    return f"{part.year:04d}-{part.month:02d}-{part.day:02d}"


def _year_of(match: regex.Match[str], *names: str) -> int | None:
    """The first of the named year groups that matched, as an int."""
    for name in names:
        if match.group(name):
            return int(match.group(name))
    return None


def _day_part(match: regex.Match[str]) -> _Part | None:
    """The day a `_DAY_CORE` match names, maybe off the calendar; None for a day above 31, a month
    above 12, or `tháng năm` without its year."""
    if match.group("wd"):
        words = match.group("mw")
        month = _MONTH_WORDS[" ".join(words.lower().split())] if words else int(match.group("wm"))
        if words and words.lower() == "năm" and not match.group("wn"):
            return None
        part = _Part(_year_of(match, "wy"), month, int(match.group("wd")))
    else:
        part = _Part(_year_of(match, "y", "y2"), int(match.group("m")), int(match.group("d")))
    return part if 1 <= part.month <= 12 and 1 <= part.day <= 31 else None


def _has_day_cue(match: regex.Match[str], text: str) -> bool:
    """A yearless day needs `ngày`, a time of day before it, or `(16.10)` after a `Ngày ...`."""
    start, end = match.span()
    if match.group("cue"):
        return True
    if _TIME_CUE.search(text, max(0, start - 12), start):
        return True
    return (
        text[start - 1 : start] == "("
        and text[end : end + 1] == ")"
        and _DAY_WORD_BEFORE.search(text, max(0, start - 80), start - 1) is not None
    )


def _day(match: regex.Match[str], text: str) -> _Found | None:
    """A day mention: `ngày 09 tháng 3 năm 2022`, `20/01/2022`, `Sáng 8.10`."""
    part = _day_part(match)
    if part is None or not (_on_calendar(part) or match.group("cue")):
        return None
    if part.year is None and not _has_day_cue(match, text):
        return None
    return _Found(match.start(), match.end(), "day", part)


def _spaced_day(match: regex.Match[str], _text: str) -> _Found | None:
    """A full date written with spaces around its separators (`_SPACED_DAY`); off the calendar, no value."""
    part = _Part(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return _Found(match.start(), match.end(), "day", part) if 1 <= part.month <= 12 and 1 <= part.day <= 31 else None


def _day_range(match: regex.Match[str], _text: str) -> _Found | None:
    """A span of days sharing a month: `ngày 12 đến ngày 15 tháng 10 năm 2020`, `ngày 27-29/7/2020`."""
    last = _day_part(match)
    if last is None or not _on_calendar(last):
        return None
    first = replace(last, day=int(match.group("d1")))
    if not _on_calendar(first) or first.day >= last.day:
        return None
    return _Found(match.start(), match.end(), "day", first, last)


def _month(match: regex.Match[str], _text: str) -> _Found | None:
    """A month with its year: `tháng 3/2022`, `tháng 3 năm 2022`, `tháng Mười năm 2020`."""
    words = match.group("mw")
    if words:
        if words.lower() == "năm" and not match.group("wn"):
            return None
        month = _MONTH_WORDS[" ".join(words.lower().split())]
    else:
        month = int(match.group("m"))
    if not 1 <= month <= 12:
        return None
    return _Found(match.start(), match.end(), "month", _Part(int(match.group("y")), month))


def _opening_month(match: regex.Match[str], _text: str) -> _Found | None:
    """The first month of a range whose last month carries the year (`_merge_ranges` joins them)."""
    month = int(match.group("m"))
    return _Found(match.start(), match.end(), "month", _Part(None, month)) if 1 <= month <= 12 else None


def _quarter(match: regex.Match[str], _text: str) -> _Found | None:
    """A quarter with its year: `quý IV/2022`, `quý 4 năm 2022`; the value is its first month."""
    month = 3 * _QUARTERS[match.group("q").lower()] - 2
    return _Found(match.start(), match.end(), "quarter", _Part(int(match.group("y")), month))


def _year(match: regex.Match[str], _text: str) -> _Found | None:
    """A year after `năm`, `SN` or `tầm nhìn`: `năm 2021`, `tầm nhìn 2030`."""
    return _Found(match.start(), match.end(), "year", _Part(int(match.group("y"))))


def _year_range(match: regex.Match[str], _text: str) -> _Found | None:
    """A span of years, `2021 - 2030` or `giai đoạn 20112020`: the first before the last, within a century."""
    first, last = int(match.group("y1")), int(match.group("y2"))
    if not first < last <= first + _MAX_YEAR_SPAN:
        return None
    return _Found(match.start(), match.end(), "year", _Part(first), _Part(last))


def _named_year(match: regex.Match[str], text: str) -> _Found | None:
    """A bare year after a document name or code on the same clause: `Luật Đất đai 2024`."""
    start = match.start()
    docs = list(_DOC_WORD.finditer(text, max(0, start - _DOC_WINDOW), start))
    if not docs:
        return None
    doc = docs[-1]
    between = text[doc.end() : start]
    if _CLAUSE_BREAK.search(between):
        return None
    words = between.split()
    if words and words[0].lower() == "số":
        words = words[1:]
    named = any(c.isalpha() for c in words[-1]) if words else doc.group().lower() == "hiến pháp"
    if not named:
        return None
    return _Found(start, match.end(), "year", _Part(int(match.group("y"))))


_DAY_CUES = ("ngày", "mồng", "mùng")
_RULES: tuple[tuple[Anchored, Callable[[regex.Match[str], str], _Found | None]], ...] = (
    (anchored(_DAY, *_DAY_CUES, digits=True), _day),
    (anchored(_SPACED_DAY, *_DAY_CUES), _spaced_day),
    (anchored(_DAY_RANGE, *_DAY_CUES), _day_range),
    (anchored(_MONTH, "tháng"), _month),
    (anchored(_MONTH_OPENING_RANGE, "tháng"), _opening_month),
    (anchored(_QUARTER, "quý"), _quarter),
    (anchored(_YEAR, "năm"), _year),
    (anchored(_CUED_YEAR, digits=True), _year),
    (anchored(_LOOSE_YEAR, digits=True), _year),
    (anchored(_NAMED_YEAR, digits=True), _named_year),
    (anchored(_YEAR_RANGE, "năm", digits=True), _year_range),
    (anchored(_GLUED_RANGE, digits=True), _year_range),
)
"""Each rule with the words its matches start with (`ngày`, `tháng`, ...) or a digit run: its anchors."""


def _candidates(text: str, anchors: Anchors) -> Iterator[_Found]:
    """Every mention any rule accepts, overlapping ones included."""
    for rule, build in _RULES:
        for match in anchors.finditer(rule):
            found = build(match, text)
            if found is not None:
                yield found


def _choose(candidates: list[_Found], size: int) -> list[_Found]:
    """Keep the longest candidates that do not overlap a longer (or earlier, equal) one, in order."""
    taken = bytearray(size)
    kept: list[_Found] = []
    for found in sorted(candidates, key=lambda f: (f.start - f.end, f.start)):
        if not any(taken[found.start : found.end]):
            taken[found.start : found.end] = b"\x01" * (found.end - found.start)
            kept.append(found)
    return sorted(kept, key=lambda f: f.start)


def _lists(found: list[_Found], text: str) -> list[_Found]:
    """Add the dates listed after a date: `năm 2019, 2020 và 2021`, `ngày 30-4 và 1-5`."""
    out: list[_Found] = []
    for i, item in enumerate(found):
        out.append(item)
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        while (listed := _listed_after(item, text, limit)) is not None:
            out.append(listed)
            item = listed
    return out


def _listed_after(item: _Found, text: str, limit: int) -> _Found | None:
    """The next date of a list that `item` ends: a later year after a year, a day after a day."""
    if item.last is not None:
        return None
    if item.granularity == "year" and item.first.year is not None:
        match = _YEAR_NEXT.match(text, item.end, limit)
        year = int(match.group("y")) if match else 0
        if match is None or not item.first.year < year <= item.first.year + _MAX_YEAR_SPAN:
            return None
        return _Found(match.start("y"), match.end(), "year", _Part(year))
    if item.granularity == "day":
        match = _DAY_NEXT.match(text, item.end, limit)
        if match is None:
            return None
        part = _Part(_year_of(match, "y"), int(match.group("m")), int(match.group("d")))
        return _Found(match.start("d"), match.end(), "day", part) if _on_calendar(part) else None
    return None


def _joined(first: _Found, second: _Found, text: str) -> _Found | None:
    """`19/5/1890- 19/5/2020`, `năm 2021 đến năm 2025` as one range; a yearless head borrows the year."""
    if first.last or second.last or first.granularity != second.granularity:
        return None
    if second.first.year is None or not _RANGE_GLUE.fullmatch(text, first.end, second.start):
        return None
    head = first.first
    if head.year is None:
        head = replace(head, year=second.first.year)
        if (head.month, head.day) >= (second.first.month, second.first.day):
            head = replace(head, year=second.first.year - 1)
    low, high = _date(head), _date(second.first)
    if low is None or high is None or not low < high:
        return None
    return _Found(first.start, second.end, first.granularity, head, second.first)


def _merge_ranges(found: list[_Found], text: str) -> list[_Found]:
    """Fold neighbours joined by `-`, `đến` or `tới` into ranges."""
    merged: list[_Found] = []
    for item in found:
        joined = _joined(merged[-1], item, text) if merged else None
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(item)
    return merged


def _settle(part: _Part, year: int | None) -> _Part:
    """`part` with `year` when it has none and that makes a real day."""
    if part.year is not None or year is None:
        return part
    settled = replace(part, year=year)
    return settled if _date(settled) else part


def _settle_years(found: list[_Found]) -> list[_Found]:
    """Give yearless days the year of the nearest dated day, month or quarter, before first."""
    years = [(f.last or f.first).year if f.granularity != "year" else None for f in found]
    before = _carried(years)
    after = _carried(years[::-1])[::-1]
    out: list[_Found] = []
    for item, year_before, year_after in zip(found, before, after, strict=True):
        year = year_before if year_before is not None else year_after
        last = _settle(item.last, year) if item.last else None
        out.append(replace(item, first=_settle(item.first, year), last=last))
    return out


def _carried(years: list[int | None]) -> list[int | None]:
    """For each position, the last year given strictly before it."""
    carried: list[int | None] = []
    latest: int | None = None
    for year in years:
        carried.append(latest)
        if year is not None:
            latest = year
    return carried


def _to_span(found: _Found) -> DateSpan:
    """The public form of a candidate."""
    gran = found.granularity
    last = found.last
    return DateSpan(
        start=found.start,
        end=found.end,
        value=_date(found.first),
        granularity=gran,
        iso=_iso(found.first, gran),
        end_value=_date(last) if last else None,
        end_iso=_iso(last, gran) if last else None,
    )


def find_dates(text: str, anchors: Anchors | None = None) -> list[DateSpan]:
    """Every date mention in normalised `text`, in order and non-overlapping (`anchors`: those of `text`)."""
    chosen = _lists(_choose(list(_candidates(text, anchors or Anchors(text))), len(text)), text)
    return [_to_span(f) for f in _settle_years(_merge_ranges(chosen, text))]


def parse_date(text: str) -> DateSpan | None:
    """The one date mention that covers all of `text` but its outer spaces, else None."""
    body = text.strip()
    offset = len(text) - len(text.lstrip())
    spans = find_dates(body)
    if len(spans) != 1 or spans[0].start != 0 or spans[0].end != len(body):
        return None
    span = spans[0]
    return replace(span, start=span.start + offset, end=span.end + offset)
