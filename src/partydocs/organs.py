"""The organ grammar as a whole name: one body, or a plenum, a title or several bodies around it.

`bodies.body_at` reads one body (`Ban Thường vụ Tỉnh ủy Bắc Kạn`); this module adds what an issuer or a
congress name may hold around it, from data/bodies.json: a plenum before it (`Hội nghị lần thứ 5, Ban
Chấp hành Trung ương Đảng`), an official's title (`Bộ trưởng Bộ Y tế`), bodies that issue jointly
(`Bộ Chính trị, Ban Bí thư`; `Bộ Tư pháp và Bộ Nội vụ`) and a body a signer acts for (`Thay mặt Ban
Chấp hành ..., Tổng Bí thư ... ký`). Matching is case- and tone-blind (`BẠN BÍ THƯ`); the term
(`khóa XIII`) is never part of a name: `term_after` reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from partydocs.bodies import body_at, data_table, toneless
from partydocs.tables import ORDINAL_VALUES, roman_to_int

_SP = r"[ ]*+\n?[ ]*+"
_WINDOW = 400
"""Characters read after the start of a name: longer than any plenum, title and joint bodies together."""
_MAX_JOINT = 4
_WORD = regex.compile(r"[\p{L}\p{M}]++")
_WORD_START = regex.compile(r"(?<![\p{L}\p{M}\p{N}])[\p{L}\p{N}]")
_SIGNER_WORDS = 8
"""Words of a signer's title and name between `Thay mặt X,` and `ký`."""


@dataclass(frozen=True)
class OrganMatch:
    """An organ's whole name in the text: `start`/`end` offsets, each body in it, the plenum number."""

    start: int
    end: int
    bodies: tuple[tuple[int, int], ...]
    plenum: int | None = None


@dataclass(frozen=True)
class _Patterns:
    plenum: regex.Pattern[str]
    title: regex.Pattern[str]
    joint: regex.Pattern[str]
    on_behalf: regex.Pattern[str]
    signer: regex.Pattern[str]
    term: regex.Pattern[str]
    ordinals: dict[str, int]


def match_organ(text: str, pos: int, limit: int | None = None) -> OrganMatch | None:
    """The organ whose name starts at `pos` and ends by `limit`: a body with the plenum or title written
    before it and the bodies joined to it; None when no known organ starts there."""
    stop = len(text) if limit is None else min(limit, len(text))
    first = _first(text, pos, stop)
    if first is None:
        return None
    start, body, plenum = first
    bodies = [body] if body else []
    end = body[1] if body else plenum[1] if plenum else start
    patterns = _patterns()
    while bodies and len(bodies) < _MAX_JOINT:
        joint = patterns.joint.match(toneless(text[end : end + 12]))
        nxt = body_at(text, end + joint.end()) if joint else None
        if nxt is None or nxt[1] > stop or (joint and joint.group("and") and not _same_head(text, bodies[0], nxt)):
            break
        bodies.append(nxt)
        end = nxt[1]
    return OrganMatch(start, end, tuple(bodies), plenum[0] if plenum else None)


def organ_ending_at(text: str, end: int, floor: int = 0) -> OrganMatch | None:
    """The longest organ whose name ends right before `end` (spaces aside), read from no earlier than
    `floor`; or the body a signer acts for (`Thay mặt Bộ Chính trị, Tổng Bí thư Tô Lâm ký`)."""
    end = _rstrip(text, end, floor)
    for start in _word_starts(text, floor, end):
        found = match_organ(text, start, end)
        if found and found.end == end:
            return found
    return _acted_for(text, end, floor)


def term_after(text: str, pos: int) -> tuple[int, int] | None:
    """The term written right after an organ (`khóa XIII`, `(Khoá XII)`): its value and where it ends."""
    match = _patterns().term.match(toneless(text[pos : pos + 24]))
    if not match:
        return None
    written = match.group("term")
    value = int(written) if written.isdigit() else roman_to_int(written)
    return (value, pos + match.end()) if value else None


def _first(text: str, pos: int, stop: int) -> tuple[int, tuple[int, int] | None, tuple[int, int] | None] | None:
    """The first body at `pos`, after a plenum or a title if one is written: (start, body, (plenum, end))."""
    body = body_at(text, pos)
    if body:
        return (pos, body, None) if body[1] <= stop else None
    shadow = toneless(text[pos : pos + _WINDOW])
    patterns = _patterns()
    plenum = patterns.plenum.match(shadow)
    if plenum:
        number = _plenum_number(plenum.group("n"), patterns)
        body = body_at(text, pos + plenum.end())
        if body and body[1] <= stop and number:
            return pos, body, (number, body[0])
        if plenum.group("central") and number:
            return pos, None, (number, pos + plenum.end("n"))
        return None
    title = patterns.title.match(shadow)
    body = body_at(text, pos + title.end()) if title else None
    return (pos, body, None) if body and body[1] <= stop else None


def _same_head(text: str, first: tuple[int, int], other: tuple[int, int]) -> bool:
    """Two bodies named with one head word (`Bộ Tư pháp và Bộ Nội vụ`): `và` joins them into one issuer,
    while `Bộ Chính trị và Ban Bí thư` stays two (only a comma joins bodies of different heads)."""
    return _head_word(text, first[0]) == _head_word(text, other[0])


def _head_word(text: str, start: int) -> str:
    word = _WORD.match(text, start)
    return toneless(word.group()).casefold() if word else ""


def _plenum_number(written: str, patterns: _Patterns) -> int | None:
    if written.isdigit():
        return int(written)
    key = " ".join(written.casefold().split())
    return patterns.ordinals.get(key) or roman_to_int(written)


def _acted_for(text: str, end: int, floor: int) -> OrganMatch | None:
    """`Thay mặt X, [title and name]` ending at `end`: X, the body the signer acts for."""
    patterns = _patterns()
    shadow = toneless(text[floor:end])
    cues = list(patterns.on_behalf.finditer(shadow))
    if not cues:
        return None
    found = match_organ(text, floor + cues[-1].end(), end)
    if found and patterns.signer.fullmatch(text, found.end, end):
        return found
    return None


def _word_starts(text: str, floor: int, end: int) -> list[int]:
    """Where the words of `text[floor:end]` start, in order."""
    return [m.start() for m in _WORD_START.finditer(text, floor, end)]


def _rstrip(text: str, end: int, floor: int) -> int:
    while end > floor and text[end - 1] in " \n":
        end -= 1
    return end


def _words(phrases: list[str]) -> str:
    """Case-blind alternation of toneless phrases, any spacing or one line break between words."""
    parts = [_SP.join(map(regex.escape, toneless(p).split())) for p in sorted(phrases, key=len, reverse=True)]
    return "(?i:" + "|".join(parts) + ")"


@cache
def _patterns() -> _Patterns:
    """Compile the plenum, title, joint and signer patterns of data/bodies.json (once per process)."""
    plenum = data_table("plenum")
    ordinals = {toneless(word): value for word, value in ORDINAL_VALUES.items()}
    numeral = r"\d{1,2}+(?!\d)|[IVXL]{1,5}+(?![\p{L}\p{N}])"
    word = rf"{_words(list(ORDINAL_VALUES))}(?![\p{{L}}\p{{M}}])(?![ ]*+\d)"
    number = rf"(?:{_words(plenum['ordinal_cue'])}{_SP}(?P<n>{numeral}|{word})|(?P<n>{numeral}))"
    joiners = [word for word in data_table("joint") if word != ","]
    term = r"[IVXLC]{1,7}+|\d{1,2}+"
    return _Patterns(
        plenum=regex.compile(
            rf"{_words([plenum['head']])}(?:{_SP}(?P<central>{_words(plenum['central'])}))?"
            rf"{_SP}{number}[ ]*+[,-]?{_SP}"
        ),
        title=regex.compile(rf"{_words(data_table('official_titles'))}{_SP}(?=\p{{L}})"),
        joint=regex.compile(rf"[ ]*+(?:,|(?P<and>{_words(joiners)})(?![\p{{L}}\p{{M}}])){_SP}"),
        on_behalf=regex.compile(rf"(?<![\p{{L}}\p{{M}}]){_words(data_table('on_behalf'))}{_SP}"),
        signer=regex.compile(rf"[ ]*+,(?:[ ]++[\p{{L}}\p{{M}}.]++){{1,{_SIGNER_WORDS}}}+[ ]*+"),
        term=regex.compile(rf"[ ]*+\(?[ ]*+(?i:khoa){_SP}(?P<term>{term})(?![\p{{L}}\p{{N}}])[ ]*+\)?"),
        ordinals=ordinals,
    )
