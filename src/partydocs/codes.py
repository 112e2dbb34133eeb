"""Extractor: document number codes (`21-KL/TW`, `30/2020/NĐ-CP`) in normalised text."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from partydocs.anchors import Anchors, anchored
from partydocs.models import Kind
from partydocs.tables import GLUED_AFTER_CODE, CodeTable, Tables, fold, tables

_GAP = r"(?:[^\S\n]*+\n)?+[^\S\n]*+"
"""Spaces inside a code: at most one line break (a code wrapped at a line end), never a blank line."""
_NUMBER = r"\d{1,5}+[a-zđ]?(?![\p{L}\p{N}])"
_BEFORE_NUMBER = r"(?:(?<=[sS][ốỐ])|(?<![\p{L}\p{N}/.,-])(?<!\d:))"
"""Not inside a word or another number, nor after `3:` (a standard's year: `QCVN 3:2009/BKHCN`)."""
_GLUED_WORDS = sorted({*GLUED_AFTER_CODE, *(w[0].upper() + w[1:] for w in GLUED_AFTER_CODE)}, key=len, reverse=True)
_GLUED = rf"(?=(?:{'|'.join(_GLUED_WORDS)})(?!\p{{L}}))"
"""A code's end where a lost space glued the next word to it (`21-KL/TWngày`, `25-HD/BCĐTWNgày`)."""
_DOTTED_CENTRAL = r"T\.[ƯW](?![\p{L}\p{N}])"
"""The central committee written with a dot (`445-KL/T.Ư`); its code keeps the letters, `TƯ`."""
_PARTY_CODE = regex.compile(
    rf"{_BEFORE_NUMBER}(?P<numbers>{_NUMBER}(?:{_GAP}(?:,|&|và){_GAP}{_NUMBER}){{0,20}}+)"
    rf"(?:{_GAP}-{_GAP}|(?P<undashed>[ ]?))(?P<type>\p{{L}}{{1,5}}+){_GAP}/{_GAP}"
    rf"(?P<issuer>{_DOTTED_CENTRAL}|(?:\p{{L}}{{1,12}}+-){{0,4}}+\p{{Lu}}{{1,12}}?{_GLUED}"
    r"|\p{L}{1,12}+(?:-\p{L}{1,12}+){0,4}+(?:(?![\p{L}\p{N}])|(?P<footnote>(?=\d{1,2}+(?![\p{L}\p{N}/-])))))"
)
"""`21-KL/TW`; also with its hyphen lost (`21 KL/TW`, after a type word) or a footnote's digits glued
(`21-KL/TW2`), both only with a known type and issuer."""
_GROUP = rf"\p{{Lu}}(?:[\p{{Lu}}&]{{0,11}}?\d{{0,2}}+{_GLUED}|[\p{{L}}&]{{0,11}}+\d{{0,2}}+)"
_SPACED_GROUP = r"\p{Lu}[\p{Lu}&]{1,11}+\d{0,2}+"
_STATE_CODE = regex.compile(
    rf"{_BEFORE_NUMBER}(?P<numbers>{_NUMBER}(?:{_GAP}(?:,|&|và){_GAP}{_NUMBER}){{0,20}}+){_GAP}/{_GAP}"
    rf"(?:(?P<year>(?:19|20)\d\d){_GAP}/{_GAP})?"
    rf"(?P<groups>{_GROUP}(?:-{_GROUP}|{_GAP}-{_GAP}{_SPACED_GROUP}){{0,4}}+)"
    rf"(?:(?![\p{{L}}\p{{N}}])|{_GLUED})"
)
_PARTY_CODES = anchored(_PARTY_CODE, digits=True)
_STATE_CODES = anchored(_STATE_CODE, digits=True)
_NUMBER_IN_LIST = regex.compile(_NUMBER)
_ASSEMBLY_ISSUER = regex.compile(r"(?:UBTV)?QH\d\d")


@dataclass(frozen=True)
class CodeMatch:
    """One written code; a shared code (`18, 19-NQ/TW`) carries several numbers."""

    start: int
    end: int
    kind: Kind
    numbers: tuple[str, ...]
    year: int | None
    type_code: str | None
    issuer_code: str | None
    codes: tuple[str, ...]
    type_name: str | None
    needs_cue: bool = False


def find_codes(text: str, anchors: Anchors | None = None) -> list[CodeMatch]:
    """Every Party or state code in `text`, in order, skipping mass organisations' codes."""
    anchors = anchors or Anchors(text)
    found = [m for m in map(_party, anchors.finditer(_PARTY_CODES)) if m]
    found += [m for m in map(_state, anchors.finditer(_STATE_CODES)) if m]
    found.sort(key=lambda m: m.start)
    kept: list[CodeMatch] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def issuer_name(kind: str, issuer_code: str | None) -> str | None:
    """The body an issuer code stands for (`TU` -> `Tỉnh ủy`, `QH14` -> `Quốc hội`), from the tables."""
    if not issuer_code:
        return None
    t = tables()
    first = t.party_issuers if kind == "party" else t.state_issuers
    second = t.state_issuers if kind == "party" else t.party_issuers
    names = []
    for part in issuer_code.split("-"):
        bare = part.rstrip("0123456789") or part
        name = first.name(bare) or second.name(bare)
        if name:
            names.append(name)
    return " - ".join(names) or None


def _numbers(match: regex.Match[str]) -> tuple[str, ...]:
    return tuple(_NUMBER_IN_LIST.findall(match.group("numbers")))


def _canonical(written: str, *candidates: CodeTable) -> str | None:
    for table in candidates:
        code = table.canonical(written)
        if code:
            return code
    return None


def _is_mass_organisation(issuer_parts: list[str], t: Tables) -> bool:
    return any(fold(part) in t.mass_organisations for part in issuer_parts)


def _party(match: regex.Match[str]) -> CodeMatch | None:
    """A `NUMBER-TYPE/ISSUER` code, when its type is a known document type."""
    t = tables()
    type_code = _canonical(match.group("type"), t.party_types, t.state_types)
    issuer_parts = match.group("issuer").replace(".", "").split("-")
    if type_code is None or _is_mass_organisation(issuer_parts, t):
        return None
    if not issuer_parts[0][0].isupper() and t.party_issuers.canonical(issuer_parts[0]) is None:
        return None
    if _needs_known_parts(match) and not _known_party_code(match.group("type"), issuer_parts, t):
        return None
    issuer = "-".join(t.party_issuers.canonical(p) or p for p in issuer_parts)
    numbers = _numbers(match)
    return CodeMatch(
        start=match.start(),
        end=match.end(),
        kind="party",
        numbers=numbers,
        year=None,
        type_code=type_code,
        issuer_code=issuer,
        codes=tuple(f"{n}-{type_code}/{issuer}" for n in numbers),
        type_name=t.party_types.name(type_code) or t.state_types.name(type_code),
        needs_cue=match.group("undashed") is not None,
    )


def _needs_known_parts(match: regex.Match[str]) -> bool:
    """A code read without its hyphen, or with digits glued after it, counts only with known parts."""
    return match.group("undashed") is not None or match.group("footnote") is not None


def _known_party_code(type_code: str, issuer_parts: list[str], t: Tables) -> bool:
    return t.party_types.canonical(type_code) is not None and all(
        t.party_issuers.canonical(part) is not None for part in issuer_parts
    )


def _split_glued(group: str, t: Tables) -> tuple[str, str] | None:
    """`NĐCP` -> (`NĐ`, `CP`): a type code and an issuer code whose hyphen was lost."""
    for cut in range(1, len(group)):
        type_code = _canonical(group[:cut], t.state_types, t.party_types)
        issuer = _canonical(group[cut:], t.state_issuers, t.party_issuers)
        if type_code and issuer:
            return type_code, issuer
    return None


def _state(match: regex.Match[str]) -> CodeMatch | None:
    """A `NUMBER[/YEAR]/TYPE-ISSUER` code (also laws `45/2019/QH14` and công văn `123/UBND-VP`)."""
    t = tables()
    groups = [g.strip() for g in match.group("groups").split("-")]
    if _is_mass_organisation(groups, t):
        return None
    year = int(match.group("year")) if match.group("year") else None
    type_code, issuers, needs_cue = _state_parts(groups, year, t)
    numbers = _numbers(match)
    if _is_party_in_state_shape(type_code, issuers, year, t):
        assert type_code is not None
        return CodeMatch(
            start=match.start(), end=match.end(), kind="party", numbers=numbers, year=None,
            type_code=type_code, issuer_code=issuers[0],
            codes=tuple(f"{n}-{type_code}/{issuers[0]}" for n in numbers),
            type_name=t.party_types.name(type_code),
        )
    issuer = "-".join(issuers) if issuers else None
    tail = "-".join(p for p in (type_code, issuer) if p)
    year_part = f"{year}/" if year else ""
    return CodeMatch(
        start=match.start(),
        end=match.end(),
        kind="state",
        numbers=numbers,
        year=year,
        type_code=type_code,
        issuer_code=issuer,
        codes=tuple(f"{n}/{year_part}{tail}" for n in numbers),
        type_name=t.state_types.name(type_code) if type_code else _untyped_name(issuers, needs_cue),
        needs_cue=needs_cue,
    )


def _untyped_name(issuers: list[str], needs_cue: bool) -> str | None:
    """A code that starts with a known issuer (`123/UBND-VP`) is a công văn (NĐ 30/2020, Phụ lục III)."""
    if needs_cue or not issuers or _ASSEMBLY_ISSUER.fullmatch(issuers[0]):
        return None
    return "Công văn"


def _state_parts(groups: list[str], year: int | None, t: Tables) -> tuple[str | None, list[str], bool]:
    """Split the letter groups into (type code, issuer codes, whether a cue word is needed)."""
    issuer_tables = (t.state_issuers, t.party_issuers)
    if len(groups) == 1:
        if year and _ASSEMBLY_ISSUER.fullmatch(groups[0]):
            return None, groups, False
        glued = _split_glued(groups[0], t)
        if glued:
            return glued[0], [glued[1]], False
        known = _canonical(groups[0], *issuer_tables)
        return None, [known or groups[0]], known is None
    type_code = _canonical(groups[0], t.state_types, t.party_types)
    if type_code:
        return type_code, [_canonical(g, *issuer_tables) or g for g in groups[1:]], False
    issuers = [_canonical(g, *issuer_tables) or g for g in groups]
    return None, issuers, _canonical(groups[0], *issuer_tables) is None


def _is_party_in_state_shape(
    type_code: str | None, issuers: list[str], year: int | None, t: Tables
) -> bool:
    """`08/CT-HU`, `60/NQ-TW`: a Party directive written with a state-style slash."""
    if year or type_code is None or len(issuers) != 1:
        return False
    issuer = issuers[0]
    return (
        t.party_types.canonical(type_code) is not None
        and t.party_issuers.canonical(issuer) is not None
        and t.state_issuers.canonical(issuer) is None
    )
