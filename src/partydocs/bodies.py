"""Issuing bodies: every Party or state organ named in a text, with its level, place and province.

The patterns are built once from data/bodies.json. A name must begin with a capital: lower-case
mentions (`huyện ủy, thành ủy`, `các cấp ủy`) are generic and never reported. Also dropped: names
after `các`/`những`/`Luật Tổ chức`, and bare heads followed by `các`, `trực thuộc` or `cấp`
(`UBND các huyện`), together with the bare heads coordinated with them (`HĐND, UBND các cấp`).
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Any, NamedTuple, TypeAlias

import regex

_SP = r"[ ]*+\n?[ ]*+"
"""Between the words of a name: spaces and one line break, or nothing (words glued by extraction)."""
_START = r"(?:(?<![\p{L}\p{M}\p{N}_/&-])|(?<=\p{Ll}))(?=\p{Lu})"
_END = r"(?:(?![\p{L}\p{M}\p{N}_/&])(?!-[\p{L}\p{N}])|(?<=\p{Ll})(?=\p{Lu}))"
_PLACE_WORD = r"(?:\p{Lu}(?:\p{Lu}{1,11}+|[\p{Ll}\p{M}]{0,11}+)|\d{1,3}+(?!\d))"
_PLACE = rf"(?>{_PLACE_WORD}(?:(?:{_SP}|[ ]*+-[ ]*+){_PLACE_WORD}){{0,4}})"
_PLACE_WORDS = regex.compile(_PLACE_WORD)
_KEY_NOISE = regex.compile(r"[\s.'-]+")
_MAX_SUB_ORGANS = 3
_LOOK_BEHIND = 40
"""Characters before a name read by `body_at` (what a generic mention starts with: `các`, `những`)."""
_LOOK_AHEAD = 400
"""Characters after the start of a name read by `body_at`: longer than any organ's name."""
_FALLBACK_WORDS = 3
_TIERS: dict[str, tuple[str, ...]] = {
    "province": ("province",),
    "city": ("city", "district"),
    "district": ("district",),
    "ward": ("ward", "new_ward"),
    "any": ("province", "district", "ward", "new_ward"),
}
"""Gazetteer tables searched, in order, for each kind of place."""
_TIER_LEVEL = {
    "province": "province",
    "city": "province",
    "district": "district",
    "ward": "commune",
    "new_ward": "commune",
}
"""The level of a body whose place is found in each gazetteer table."""

_Groups: TypeAlias = Mapping[str, str | None]

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _toneless_table() -> dict[int, str]:
    """Each precomposed letter with a tone mark -> the same letter without it (`ạ` -> `a`, `Ừ` -> `Ư`)."""
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x1EFA):
        decomposed = unicodedata.normalize("NFD", chr(code))
        bare = "".join(c for c in decomposed if c not in _TONE_MARKS)
        if bare != decomposed:
            table[code] = unicodedata.normalize("NFC", bare)
    return table


_TONELESS = _toneless_table()


def toneless(text: str) -> str:
    """`text` without tone marks, letter for letter (same length and offsets): the grammar reads this
    shadow, so scrambled or misplaced tones (`BẠN BÍ THƯ`, `Trũng ương`) still name the organ."""
    return text.translate(_TONELESS)


def tone_blind(word: str) -> str:
    """A case-blind regex for `word` with any tone mark, or none, on each vowel (`của` also reads `củà`)."""
    return "(?i:" + "".join(_ANY_TONE.get(c, regex.escape(c)) for c in toneless(word)) + ")"


def _any_tone() -> dict[str, str]:
    variants: dict[str, set[str]] = {}
    for code, bare in _TONELESS.items():
        variants.setdefault(bare, {bare}).add(chr(code))
    return {bare: "[" + "".join(sorted(chars)) + "]" for bare, chars in variants.items()}


_ANY_TONE = _any_tone()
_AND = toneless("và")
_AMPERSAND = rf"(?:{_AND}|&)"
"""`và` inside a name may be written `&` (`Sở Nông nghiệp & Phát triển nông thôn`)."""


@dataclass(frozen=True)
class BodySpan:
    """One organ named in the text; offsets into the string passed to `find_bodies`."""

    start: int
    end: int
    name: str
    level: str | None
    place: str | None
    province: str | None


@dataclass(frozen=True)
class _Unit:
    """A head (`Tỉnh ủy`) or level word (`xã`): its level and the kind of place it takes."""

    level: str | None
    place: str | None
    parent_only: bool = False


@dataclass(frozen=True)
class _Place:
    start: int
    end: int
    level: str | None
    provinces: frozenset[str]


class _Hit(NamedTuple):
    start: int
    match: regex.Match[str]
    groups: _Groups


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    level: str | None
    place: _Place | None
    bare: bool
    generic: bool


@dataclass(frozen=True)
class _Grammar:
    trigger: regex.Pattern[str]
    first_word: regex.Pattern[str]
    sub_organs: Mapping[str, regex.Pattern[str]]
    bodies: Mapping[str, regex.Pattern[str]]
    heads: tuple[_Unit, ...]
    levels: tuple[_Unit, ...]
    level_prefix: regex.Pattern[str]
    not_after: regex.Pattern[str]
    generic_after: regex.Pattern[str]
    coordinator: regex.Pattern[str]


@dataclass(frozen=True)
class _Gazetteer:
    tables: Mapping[str, Mapping[str, frozenset[str]]]

    def lookup(self, written: str, kind: str) -> tuple[str, frozenset[str]] | None:
        """The level and candidate provinces of a written place name, searched as `kind`."""
        key = _key(written)
        for tier in _TIERS[kind]:
            if key in self.tables[tier]:
                return _TIER_LEVEL[tier], self.tables[tier][key]
        return None


def find_bodies(text: str) -> list[BodySpan]:
    """Every organ named in `text`, in order, non-overlapping, longest match first."""
    shadow = toneless(text)
    found = _drop_generic(shadow, list(_scan(text, shadow)))
    known = {next(iter(f.place.provinces)) for f in found if f.place and len(f.place.provinces) == 1}
    return [_body(text, f, known) for f in found]


def body_at(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the one organ whose name starts at `pos`, in any case and with any tone marks
    (`Bộ Chính trị`, `đảng ủy Công an Trung ương`, `BẠN BÍ THƯ`); None when none does, or when it is
    generic (`các Sở`, `UBND các cấp`) or a parent alone (`Trung ương`, `Đảng bộ tỉnh`)."""
    low, high = max(0, pos - _LOOK_BEHIND), min(len(text), pos + _LOOK_AHEAD)
    window = text[low:high]
    shadow = toneless(window)
    grammar = _grammar()
    hit = _longest(shadow, pos - low, grammar)
    found = _read(window, shadow, hit, grammar) if hit and not hit.groups.get("skip") else None
    return None if found is None or found.generic else (found.start + low, found.end + low)


def province_of(place: str) -> str | None:
    """The province of a written place (`Ba Bể`, `xã Khang Ninh`, `Lào Cai`); None if unknown or ambiguous.

    A pre-2025 district or commune gives its province of that time (Ba Bể -> Bắc Kạn); a commune
    created in the 2025 merger gives its current province; a province name, former or current, gives itself.
    """
    grammar = _grammar()
    place = place.strip()
    kind = "any"
    if level := grammar.level_prefix.match(toneless(place)):
        kind = grammar.levels[_index(level.groupdict(), "l", len(grammar.levels)) or 0].place or "any"
        place = place[level.end() :]
    hit = _gazetteer().lookup(place, kind) if kind != "free" else None
    return next(iter(hit[1])) if hit and len(hit[1]) == 1 else None


def _scan(text: str, shadow: str) -> Iterator[_Found]:
    grammar = _grammar()
    pos = 0
    while (trigger := grammar.trigger.search(shadow, pos)) is not None:
        hit = _longest(shadow, trigger.start(), grammar)
        found = _read(text, shadow, hit, grammar) if hit and not hit.groups.get("skip") else None
        pos = found.end if found else hit.match.end() if hit else trigger.end()
        if found:
            yield found


def _longest(text: str, start: int, grammar: _Grammar) -> _Hit | None:
    """The body at `start`: sub-organs (`Ban Thường vụ`) then the body they belong to, longest first."""
    stops = [start]
    while len(stops) <= _MAX_SUB_ORGANS and (sub := _match(grammar, grammar.sub_organs, text, stops[-1])):
        stops.append(sub.end())
    for stop in reversed(stops):
        body = _match(grammar, grammar.bodies, text, stop)
        groups = body.groupdict() if body else {}
        if body and (stop == start or not (groups.get("alone") or groups.get("skip"))):
            return _Hit(start, body, groups)
    return None


def _match(
    grammar: _Grammar, patterns: Mapping[str, regex.Pattern[str]], text: str, pos: int
) -> regex.Match[str] | None:
    """Try, at `pos`, only the pattern for the word written there (one big alternation is slow)."""
    word = grammar.first_word.match(text, pos)
    pattern = patterns.get(word.group().casefold()) if word else None
    return pattern.match(text, pos) if pattern else None


def _read(text: str, shadow: str, hit: _Hit, grammar: _Grammar) -> _Found | None:
    """The body a match names, or None for a parent written without its sub-organ (`Trung ương`).

    The match was made on `shadow`, the toneless `text`; places are looked up as written in `text`."""
    start, match, groups = hit
    chained = match.start() > start
    head_i, level_i = _index(groups, "t", len(grammar.heads)), _index(groups, "l", len(grammar.levels))
    head = grammar.heads[head_i] if head_i is not None else None
    if ((head and head.parent_only) or groups.get("tw")) and not chained:
        return None
    word = grammar.levels[level_i] if level_i is not None else None
    place = _place_of(text, match, word or head, explicit=word is not None) if groups.get("place") else None
    end = place.end if place else _rstrip(text, match.start("place")) if groups.get("place") else match.end()
    level = next((x for x in (word and word.level, head and head.level, place and place.level) if x), None)
    bare = not (chained or word or place or groups.get("qual")) and (head is not None or bool(groups.get("alone")))
    generic = bool(grammar.not_after.search(shadow[max(0, start - 30) : start])) or (
        bare and grammar.generic_after.match(shadow, end) is not None
    )
    return _Found(start, end, level or _family_level(groups), place, bare, generic)


def _family_level(groups: _Groups) -> str | None:
    if groups.get("cen") or groups.get("min") or groups.get("tw") or groups.get("region"):
        return "central"
    if groups.get("unit"):
        return "unit"
    return "province" if groups.get("dept") else None


def _place_of(text: str, match: regex.Match[str], unit: _Unit | None, explicit: bool) -> _Place | None:
    """The place written after a head or level word, cut to the longest known name."""
    if unit is None or unit.place is None:
        return None
    start, end = match.span("place")
    words = [w.span() for w in _PLACE_WORDS.finditer(text, start, end)]
    if unit.place != "free":
        for _, stop in reversed(words):
            hit = _gazetteer().lookup(text[start:stop], unit.place)
            if hit:
                return _Place(start, stop, hit[0], hit[1])
    if unit.place == "free" or (explicit and unit.place != "province"):
        return _unvalidated(text, _rstrip(text, start), words)
    return None


def _unvalidated(text: str, after: int, words: Sequence[tuple[int, int]]) -> _Place | None:
    """Up to three place words on the line of the level word, when no gazetteer entry fits."""
    kept: list[tuple[int, int]] = []
    for start, end in words[:_FALLBACK_WORDS]:
        if "\n" in text[kept[-1][1] if kept else after : start]:
            break
        kept.append((start, end))
    return _Place(kept[0][0], kept[-1][1], None, frozenset()) if kept else None


def _drop_generic(shadow: str, found: list[_Found]) -> list[_Found]:
    """Drop generic mentions and the bare heads coordinated with them (`HĐND, UBND các cấp`)."""
    chains: list[list[_Found]] = []
    for body in found:
        if chains and _grammar().coordinator.fullmatch(shadow, chains[-1][-1].end, body.start):
            chains[-1].append(body)
        else:
            chains.append([body])
    kept: list[_Found] = []
    for chain in chains:
        generic = any(body.generic for body in chain)
        kept += [body for body in chain if not body.generic and not (generic and body.bare)]
    return kept


def _body(text: str, found: _Found, known: set[str]) -> BodySpan:
    place = found.place
    candidates = place.provinces if place else frozenset()
    if len(candidates) > 1:
        candidates &= known
    return BodySpan(
        start=found.start,
        end=found.end,
        name=_clean(text[found.start : found.end]),
        level=found.level,
        place=_clean(text[place.start : place.end]) if place else None,
        province=next(iter(candidates)) if len(candidates) == 1 else None,
    )


def _index(groups: _Groups, prefix: str, count: int) -> int | None:
    return next((i for i in range(count) if groups.get(f"{prefix}{i}") is not None), None)


def _rstrip(text: str, end: int) -> int:
    while end and text[end - 1] in " \n":
        end -= 1
    return end


def _clean(written: str) -> str:
    return unicodedata.normalize("NFC", " ".join(written.split()))


def _key(name: str) -> str:
    return _KEY_NOISE.sub("", unicodedata.normalize("NFC", name)).casefold()


def data_table(name: str) -> Any:
    """One table of data/bodies.json, as written (with its tone marks)."""
    return _data()[name]


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("partydocs").joinpath("data/bodies.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@cache
def _grammar() -> _Grammar:
    """Compile the patterns of data/bodies.json, without tone marks, to read toneless text (once per process)."""
    data = _toneless_data(_data())
    build = _Builder(data)
    sub_organs, bodies = build.sub_organs(), build.bodies()
    first_words = "|".join(map(regex.escape, sorted({*sub_organs, *bodies}, key=len, reverse=True)))
    return _Grammar(
        trigger=regex.compile(rf"{_START}(?i:{first_words})"),
        first_word=regex.compile(rf"(?i:{first_words})"),
        sub_organs={word: regex.compile(pattern) for word, pattern in sub_organs.items()},
        bodies={word: regex.compile(pattern) for word, pattern in bodies.items()},
        heads=tuple(_Unit(h["level"], h["place"], h.get("parent_only", False)) for h in data["territorial"]),
        levels=tuple(_Unit(w["level"], w["place"]) for w in data["level_words"]),
        level_prefix=regex.compile(rf"{build.level_words(admin=None)}[ ]++(?=\S)"),
        not_after=regex.compile(rf"(?<![\p{{L}}\p{{M}}]){build.any_of(data['not_after'])}{_SP}\Z"),
        generic_after=regex.compile(rf"{_SP}{build.any_of(data['generic_after'])}(?![\p{{L}}\p{{M}}])"),
        coordinator=regex.compile(rf"[ ]*+{build.any_of(data['coordinators'])}[ ]*+"),
    )


def _toneless_data(value: Any) -> Any:
    """The tables with every name written without tone marks (the gazetteer, looked up as written, aside)."""
    if isinstance(value, str):
        return toneless(value)
    if isinstance(value, list):
        return [_toneless_data(item) for item in value]
    if isinstance(value, dict):
        return {toneless(k): v if k == "gazetteer" else _toneless_data(v) for k, v in value.items()}
    return value


class _Builder:
    """Regex sources for the tables of data/bodies.json, keyed by the first word they match."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.shorts = sorted(data["abbreviations"].items(), key=lambda item: -len(item[0]))

    def sub_organs(self) -> dict[str, str]:
        """Per first word: a sub-organ (`Ban Thường vụ`, `Ủy ban Kiểm tra (UBKT)`) and the space after it."""
        names = [s["name"] for s in self.data["sub_organs"]]
        return {word: rf"{alt}(?:{_SP}\(\p{{Lu}}{{2,10}}+\))?{_SP}" for word, alt in self.by_word(names).items()}

    def bodies(self) -> dict[str, str]:
        """Per first word: every body that starts with it, each alternative naming its family in a group."""
        data, pieces = self.data, defaultdict(list)
        families: list[tuple[Sequence[str], Callable[[str], str]]] = [
            (data["person_titles"], lambda alt: f"(?P<skip>{alt})"),
            (data["central"], lambda alt: f"(?P<cen>{alt})"),
            (_head_words(data["ministries"]), lambda _: f"(?P<min>{self.named(data['ministries'])})"),
            (_head_words(data["departments"]),
             lambda _: f"(?P<dept>{self.named(data['departments'])}){self.tail(admin=True)}"),
            (["Trung ương"], lambda alt: f"(?P<tw>{alt})"),
            (data["steering"]["heads"], self.steering),
            (data["numbered_units"], lambda alt: rf"(?P<unit>{alt}){_SP}(?:\d{{1,3}}+|[IVX]{{1,5}}+)"),
            *(([head["name"]], partial(self.territorial, i)) for i, head in enumerate(data["territorial"])),
            ([s["name"] for s in data["sub_organs"] if s.get("alone")], lambda alt: f"(?P<alone>{alt})"),
        ]
        for names, template in families:
            for word, alt in self.by_word(names).items():
                pieces[word].append(template(alt))
        return {word: f"(?:{'|'.join(alts)}){_END}" for word, alts in pieces.items()}

    def by_word(self, names: Iterable[str]) -> dict[str, str]:
        """The alternation of `names`, longest first, split by the first word each can start with."""
        grouped: dict[str, list[str]] = defaultdict(list)
        for name in sorted(names, key=len, reverse=True):
            for word in self.first_words(name):
                grouped[word].append(name)
        return {word: self.any_of(group) for word, group in grouped.items()}

    def first_words(self, name: str) -> set[str]:
        """`Ủy ban nhân dân tỉnh` can start with `ủy`, `ubnd` or `ưbnd`."""
        words = {name.split()[0].casefold()}
        for full, shorts in self.shorts:
            if name == full or name.startswith(full + " "):
                words |= {short.split()[0].casefold() for short in shorts}
        return words

    def territorial(self, i: int, alt: str) -> str:
        head = self.data["territorial"][i]
        quals = head.get("qualifiers")
        qual = rf"(?:{_SP}(?P<qual>{self.any_of(quals)}))?" if quals else ""
        return rf"(?P<t{i}>{alt}){qual}{self.tail(admin=False, required=head.get('needs_level_word', False))}"

    def steering(self, alt: str) -> str:
        """`Ban Chỉ đạo` with a number, a region, a topic and a level word (`... tỉnh Thanh Hóa`), the level
        word and `về` a topic (`Trung ương về phòng, chống tham nhũng`), or a topic to the clause's end."""
        steer = self.data["steering"]
        stop = self.any_of(steer["topic_stop_words"])
        word = rf"(?!{stop}(?![\p{{L}}\p{{M}}]))[\p{{L}}\p{{M}}\p{{N}}]{{1,12}}+(?:-[\p{{L}}\p{{N}}]{{1,6}}+)?"
        topic = rf"(?:(?:{_SP}|[ ]*+,[ ]*+){word}){{0,{steer['max_topic_words']}}}?"
        about = rf"{_SP}{self.phrase(steer['about_cue'])}{self.topic_words(stop)}"
        return (
            rf"(?P<steer>{alt})(?:{_SP}\d{{1,4}}+{self.tail(admin=True)}"
            rf"|{_SP}(?P<region>{self.any_of(steer['regions'])})"
            rf"|{topic}{self.tail(admin=True, required=True)}(?(place)|{about})?"
            rf"|{self.topic_words(stop)}(?=[ ]*+(?:[;.,)\n]|$)))"
        )

    def topic_words(self, stop: str) -> str:
        """`về phòng, chống tham nhũng, tiêu cực`, `sắp xếp ĐVHC các cấp`: the topic that names a committee
        with no place of its own (after `về`, or alone up to the clause's end), in lower-case words and
        abbreviations (`ĐVHC`, `Covid-19`), up to a stop word."""
        steer = self.data["steering"]
        stops = rf"(?:{stop}|{self.any_of(steer['about_stop_words'])})(?![\p{{L}}\p{{M}}])"
        lower_or_caps = r"(?:\p{Ll}[\p{L}\p{M}]*+|\p{Lu}{2,}+[\p{Lu}\p{N}]*+)"
        word = rf"(?!{stops}){lower_or_caps}(?:-[\p{{L}}\p{{N}}]{{1,6}}+)?"
        return rf"(?P<about>(?:(?:{_SP}|[ ]*+,[ ]*+){word}){{1,{steer['max_about_words']}}}+)"

    def tail(self, admin: bool, required: bool = False) -> str:
        """Level word (`tỉnh`, `xã`; `thôn` only before a place) and place (`Bắc Kạn`) after a head."""
        level = rf"(?:{_SP}(?P<lvl>{self.level_words(admin=True)}))"
        place = rf"{_SP}(?P<place>{_PLACE})"
        free = "" if admin else rf"{_SP}(?P<lvl>{self.level_words(admin=False)}){place}|"
        return rf"(?:{free}{level}{'' if required else '?'}(?:{place})?)"

    def level_words(self, admin: bool | None) -> str:
        """Level words: administrative ones (`tỉnh`, `xã`), the others (`thôn`, `bản`), or all (None)."""
        words = [(i, w) for i, w in enumerate(self.data["level_words"]) if admin in (None, w["place"] != "free")]
        parts = [rf"(?P<l{i}>{self.level_word(w)})" for i, w in sorted(words, key=lambda iw: -len(iw[1]["word"]))]
        return "(?:" + "|".join(parts) + ")"

    def level_word(self, word: Mapping[str, Any]) -> str:
        """A level word; `thôn`, `bản` only in lower or upper case, since `Bản Cám` is a name."""
        if word["place"] != "free":
            return self.phrase(word["word"])
        return f"(?:{_exact(word['word'])}|{_exact(word['word'].upper())})"

    def named(self, entries: Sequence[Mapping[str, Any]]) -> str:
        """Ministries or departments: full names, or the head word and a short form (`Bộ GD&ĐT`)."""
        forms = [self.phrase(e["name"]) for e in sorted(entries, key=lambda e: -len(e["name"]))]
        shorts = {(e["name"].split()[0], short) for e in entries for short in e.get("short", [])}
        for head, short in sorted(shorts, key=lambda pair: -len(pair[1])):
            forms.append(rf"{_literal(head)}{_SP}{regex.escape(short)}")
        return "(?:" + "|".join(forms) + ")"

    def any_of(self, phrases: Iterable[str]) -> str:
        return "(?:" + "|".join(self.phrase(p) for p in sorted(phrases, key=len, reverse=True)) + ")"

    def phrase(self, text: str) -> str:
        """A phrase, case-insensitive, whose known sub-phrases may be abbreviated (`UBND`, `TW`)."""
        for full, shorts in self.shorts:
            before, found, after = text.partition(full)
            if found and (not before or before.endswith(" ")) and (not after or after[0] in " ,"):
                middle = self.abbreviated(full, shorts)
                return _SP.join(p for p in (self.phrase(before.strip()), middle, self.phrase(after.strip())) if p)
        return _literal(text)

    def abbreviated(self, full: str, shorts: Sequence[str]) -> str:
        """`Trung ương` or `TW`, `T.Ư`, ...; then `Đảng` where the data allows it (`Trung ương Đảng`)."""
        forms = [_literal(full), *(_exact(short) for short in sorted(shorts, key=len, reverse=True))]
        suffixes = self.data["suffixes"].get(full)
        suffix = rf"(?:{_SP}(?=\p{{Lu}}){self.any_of(suffixes)})?" if suffixes else ""
        return "(?:" + "|".join(forms) + ")" + suffix


def _head_words(entries: Iterable[Mapping[str, Any]]) -> list[str]:
    """The words the names of `entries` start with (`Bộ` for ministries)."""
    return sorted({entry["name"].split()[0] for entry in entries})


def _exact(text: str) -> str:
    """The words of `text` as written (abbreviations: `UBND`, `BCS đảng`), any spacing between them."""
    return _SP.join(map(regex.escape, text.split()))


def _literal(text: str) -> str:
    """Case-insensitive words of `text`, with any spacing, a line break or no space between them."""
    words = regex.findall(r"[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]", text)
    return f"(?i:{_SP.join(_AMPERSAND if w == _AND else regex.escape(w) for w in words)})" if words else ""


@cache
def _gazetteer() -> _Gazetteer:
    """Province, district and commune names from underthesea's address data (loaded on first use).

    `underthesea.address.convert_address` only maps an address to the 2025 units and needs its
    province written, so the place names are read from the mapping it ships (`data/mapping.json`).
    """
    mapping = json.loads(resources.files("underthesea.address").joinpath("data/mapping.json").read_text("utf-8"))
    gazetteer = _data()["gazetteer"]
    old = {key: info["short"] for key, info in mapping["old_province_names"].items()}
    new = {key: info["short"] for key, info in mapping["province_names"].items()}
    tables: dict[str, dict[str, set[str]]] = {tier: {} for tier in _TIER_LEVEL}
    for info in [*mapping["old_province_names"].values(), *mapping["province_names"].values()]:
        tables["province"].setdefault(_key(info["short"]), set()).add(info["short"])
        if info["name"].startswith(gazetteer["city_type"] + " "):
            tables["city"].setdefault(_key(info["short"]), set()).add(info["short"])
    for alias, short in gazetteer["province_aliases"].items():
        for tier in ("province", "city"):
            if _key(short) in tables[tier]:
                tables[tier].setdefault(_key(alias), set()).add(short)
    for record in mapping["ward_mapping"]:
        _add(tables["district"], record["old_district"], gazetteer["district_types"], old[record["old_province_key"]])
        _add(tables["ward"], record["old_ward"], gazetteer["ward_types"], old[record["old_province_key"]])
        _add(tables["new_ward"], record["new_ward"], gazetteer["ward_types"], new[record["new_province_key"]])
    return _Gazetteer({tier: {k: frozenset(v) for k, v in table.items()} for tier, table in tables.items()})


def _add(table: dict[str, set[str]], name: str, types: Sequence[str], province: str) -> None:
    """Index a unit's name without its type word (`Huyện Ba Bể` -> `Ba Bể`)."""
    for unit_type in types:
        if name.startswith(unit_type + " "):
            table.setdefault(_key(name[len(unit_type) + 1 :]), set()).add(province)
            return
