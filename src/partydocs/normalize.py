"""Stage 1: fold Unicode forms, tone placement, look-alike letters, dashes, spaces and quotes.

The normalised text keeps a map back to the caller's string, so every span found in it can be
reported at the caller's offsets.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from partydocs.tables import NOISE_PHRASES, NOISE_SYLLABLES

_DELETED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
_SPACES = _ODD_SPACES + " "
_GOES_ON_BEFORE = r"[\p{Ll}\p{M}\d,]"
"""What a line ends with when the sentence goes on: a lower-case letter (or its mark), a digit, a comma."""
_GOES_ON_AFTER = rf"(?=[{_SPACES}]*+\p{{Ll}})"
"""The next line goes on in lower case."""
_WRAPPED_LINE = rf"(?<={_GOES_ON_BEFORE})[{_SPACES}]*+(?:\r\n|[\r\n]){_GOES_ON_AFTER}[{_SPACES}]*+"
"""A single line break inside a sentence (`Kế\\nhoạch`), with the spaces around it."""
_SPACE_RUN = rf"[{_SPACES}]{{2,}}+"
_LENGTH_CHANGE = regex.compile(rf"(?P<space>{_WRAPPED_LINE}|{_SPACE_RUN})|\r\n|[{_DELETED}]+")
"""What else changes length: spacing folded to one space, `\r\n`, characters dropped."""
_MAY_CHANGE_LENGTH = re.compile(rf"[{_SPACES}\r\n{_DELETED}]{{2,}}|[\r\n{_DELETED}]")
"""The runs of spacing, line breaks and dropped characters that every `_LENGTH_CHANGE` match lies in: `re` finds
them fast, where `regex` would try its pattern at every position of the text."""
_CLUSTER = regex.compile(r"\P{M}\p{M}++|\p{M}++")
"""A letter with its combining marks (or marks alone): the unit that NFC composes."""

_ONE_FOR_ONE = str.maketrans(
    {
        "\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ", "\u0256": "đ",
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2215\u2044\uff0f", "/"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys(_ODD_SPACES, " "),
        "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\u0085": "\n",
    }
)
_NEEDS_TRANSLATION = re.compile("[" + re.escape("".join(chr(c) for c in _ONE_FOR_ONE)) + "]+")
"""A run of characters that `_ONE_FOR_ONE` maps: only these are translated, never the whole text."""

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _toned(bases: str) -> str:
    return "".join(unicodedata.normalize("NFC", base + tone) for base in bases for tone in _TONES)


_OLD_TONE_PLACEMENT = regex.compile(
    rf"(?<![qQ])(?:[oO][{_toned('aAeE')}]|[uU][{_toned('yY')}])(?![\p{{L}}\p{{M}}])"
)
_MAY_HAVE_OLD_TONE = re.compile(rf"[oO][{_toned('aAeE')}]|[uU][{_toned('yY')}]")
"""The pairs an `_OLD_TONE_PLACEMENT` match is (found by `re`, then checked where they end a word)."""


@dataclass(frozen=True)
class Edit:
    """One stretch of the normalised text that replaced a stretch of another length."""

    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int


@dataclass(frozen=True)
class EditMap:
    """The edits of one step, in order, as four compact arrays (a decomposed text has one per letter)."""

    norm_starts: array[int] = field(default_factory=lambda: array("i"))
    norm_ends: array[int] = field(default_factory=lambda: array("i"))
    orig_starts: array[int] = field(default_factory=lambda: array("i"))
    orig_ends: array[int] = field(default_factory=lambda: array("i"))

    def add(self, norm_start: int, norm_end: int, orig_start: int, orig_end: int) -> None:
        """Record that `orig[orig_start:orig_end]` became `norm[norm_start:norm_end]`."""
        self.norm_starts.append(norm_start)
        self.norm_ends.append(norm_end)
        self.orig_starts.append(orig_start)
        self.orig_ends.append(orig_end)

    def start(self, pos: int) -> int:
        """The earlier offset of position `pos` used as a span start."""
        i = bisect_right(self.norm_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self.norm_ends[i]:
            return self.orig_starts[i]
        return pos - self.norm_ends[i] + self.orig_ends[i]

    def end(self, pos: int) -> int:
        """The earlier offset of position `pos` used as an exclusive span end."""
        i = bisect_left(self.norm_starts, pos) - 1
        if i < 0:
            return pos
        if pos <= self.norm_ends[i]:
            return self.orig_ends[i]
        return pos - self.norm_ends[i] + self.orig_ends[i]

    @property
    def edits(self) -> tuple[Edit, ...]:
        """The edits as objects (for reading; the arrays are what is kept)."""
        columns = (self.norm_starts, self.norm_ends, self.orig_starts, self.orig_ends)
        return tuple(Edit(*edit) for edit in zip(*columns, strict=True))


@dataclass(frozen=True)
class Normalized:
    """The normalised text and, step by step, the edits that map its offsets back to the original."""

    text: str
    steps: tuple[EditMap, ...] = ()

    @property
    def edits(self) -> tuple[Edit, ...]:
        """Every edit of every step (each step's offsets are those of the text before the next)."""
        return tuple(edit for step in self.steps for edit in step.edits)

    def original_start(self, pos: int) -> int:
        """The original offset of normalised position `pos` used as a span start."""
        for step in reversed(self.steps):
            pos = step.start(pos)
        return pos

    def original_end(self, pos: int) -> int:
        """The original offset of normalised position `pos` used as an exclusive span end."""
        for step in reversed(self.steps):
            pos = step.end(pos)
        return pos

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the caller's offsets."""
        return self.original_start(start), self.original_end(end)


def normalize(text: str) -> Normalized:
    """Normalise `text` for matching; the result maps its offsets back to `text`."""
    steps: list[EditMap] = []
    if not unicodedata.is_normalized("NFC", text):
        text, composed = _compose(text)
        steps.append(composed)
    folded, changed = _fold_lengths(text, _LENGTH_CHANGE, regions=_MAY_CHANGE_LENGTH)
    if changed.norm_starts:
        steps.append(changed)
    folded = _NEEDS_TRANSLATION.sub(_translated, folded)
    folded = _sub_in(_MAY_HAVE_OLD_TONE, _OLD_TONE_PLACEMENT, _move_tone, folded)
    return Normalized(repair_noise(folded), tuple(steps))


def _compose(text: str) -> tuple[str, EditMap]:
    """NFC of `text`, with an edit for each letter whose composed form is shorter."""
    composed = EditMap()
    shift = 0
    for match in _CLUSTER.finditer(text):
        length = len(unicodedata.normalize("NFC", match.group()))
        if length != match.end() - match.start():
            composed.add(match.start() + shift, match.start() + shift + length, match.start(), match.end())
            shift += length - (match.end() - match.start())
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) == len(text) + shift:
        return nfc, composed
    # Some letters compose without combining marks (Hangul jamo): compose letter by letter instead.
    return _fold_lengths(text, _CLUSTER, lambda cluster: unicodedata.normalize("NFC", cluster.group()))


def _fold_lengths(
    text: str,
    pattern: regex.Pattern[str],
    replace: Callable[[regex.Match[str]], str] | None = None,
    regions: re.Pattern[str] | None = None,
) -> tuple[str, EditMap]:
    """`text` with each match of `pattern` replaced (by `replace`, else by `_replacement`), and the map back;
    with `regions`, every match lies in one of theirs (`_sub_in`)."""
    changed = EditMap()
    shift = 0

    def replaced(match: regex.Match[str]) -> str:
        nonlocal shift
        old = match.group()
        new = (replace or _replacement)(match)
        if len(new) != len(old):
            start = match.start() + shift
            changed.add(start, start + len(new), match.start(), match.end())
            shift += len(new) - len(old)
        return new

    return (_sub_in(regions, pattern, replaced, text) if regions else pattern.sub(replaced, text)), changed


def _sub_in(
    regions: re.Pattern[str], pattern: regex.Pattern[str], replace: Callable[[regex.Match[str]], str], text: str
) -> str:
    """`pattern.sub(replace, text)` where every match of `pattern` lies inside a match of `regions`: `pattern`
    is tried only there (seeing the text before it and one character after, for its lookarounds)."""
    pieces: list[str] = []
    last = 0
    for region in regions.finditer(text):
        for match in pattern.finditer(text, region.start(), region.end() + 1):
            pieces += (text[last : match.start()], replace(match))
            last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _replacement(match: regex.Match[str]) -> str:
    """Folded spacing as one space, `\\r\\n` as `\\n`; zero-width and soft-hyphen characters dropped."""
    if match.lastgroup == "space":
        return " "
    return "\n" if match.group() == "\r\n" else ""


def _translated(match: re.Match[str]) -> str:
    return match.group().translate(_ONE_FOR_ONE)


def _move_tone(match: regex.Match[str]) -> str:
    """`oá` -> `óa`, `uỷ` -> `ủy`: the tone goes on the first vowel of an open oa/oe/uy."""
    pair = match.group()
    decomposed = unicodedata.normalize("NFD", pair[1])
    return unicodedata.normalize("NFC", pair[0] + decomposed[1]) + decomposed[0]


def _is_toned(char: str) -> bool:
    return char.isalpha() and any(mark in _TONES for mark in unicodedata.normalize("NFD", char))


_TONED = "".join(chr(c) for c in range(0xC0, 0x1F00) if _is_toned(chr(c)))
_TWO_TONES = regex.compile(rf"[{_TONED}]\p{{L}}*?[{_TONED}]")
"""A word with two tone marks: no Vietnamese syllable has one, so the line it is on is scrambled (OCR)."""
_MAY_HAVE_TWO_TONES = re.compile(rf"[{_TONED}][^\W\d_{_TONED}]*[{_TONED}]")
"""What any `_TWO_TONES` match also matches (`re` letters include `regex`'s): a cheap first look, since
`regex` tries its lazy pattern at every toned letter of the text, and a clean text has no such word."""
_FOLD_LETTERS = str.maketrans(
    {
        chr(c): unicodedata.normalize("NFD", chr(c))[0].lower()
        for c in range(0xC0, 0x1F00)
        if chr(c).isalpha() and unicodedata.normalize("NFD", chr(c))[0].isascii()
    }
    | {"đ": "d", "Đ": "d"}
)


def fold_letters(word: str) -> str:
    """`word` with tone marks, other diacritics and case folded, letter for letter (`Nghị` -> `nghi`)."""
    return word.translate(_FOLD_LETTERS).lower()


_REPAIRED_PHRASES = {" ".join(fold_letters(w) for w in p.split()): p for p in NOISE_PHRASES}
_REPAIRED_SYLLABLES = {fold_letters(s): s for s in NOISE_SYLLABLES}
_UNACCENTED_PHRASE = regex.compile(
    r"(?i)(?<!\p{L})(?:"
    + "|".join(r"[ \t]++".join(key.split()) for key in sorted(_REPAIRED_PHRASES, key=len, reverse=True))
    + r")(?!\p{L})"
)
_SYLLABLE = regex.compile(r"\p{L}++")
_PHRASE_GAP = regex.compile(r"[ \t]++")
_ROMAN_LETTERS = frozenset("ivxlc")
_LONGEST_PHRASE = max(len(key.split()) for key in _REPAIRED_PHRASES)


def repair_noise(text: str) -> str:
    """Known phrases that a line spells with scrambled tone marks (`Kết lúận`, `Bạn Chấp hành`) or,
    on a line without any diacritic, with none (`Nghi quyet`), spelt right; the length never changes."""
    lines: dict[int, bool] = {}
    if _MAY_HAVE_TWO_TONES.search(text):
        for match in _TWO_TONES.finditer(text):
            if max(match.group()) > "\xff":  # not `été`: a Vietnamese letter is in it
                lines[text.rfind("\n", 0, match.start()) + 1] = True
    for start, end in _ascii_lines(text):
        if start not in lines and _UNACCENTED_PHRASE.search(text, start, end):
            lines[start] = False
    if not lines:
        return text
    chars = list(text)
    for start, scrambled in lines.items():
        _repair_line(text, chars, start, start + len(_line(text, start)), scrambled)
    return "".join(chars)


def _ascii_lines(text: str) -> Iterator[tuple[int, int]]:
    """The start and end of each non-empty line of `text` that is all ASCII (only those can be unaccented)."""
    start = 0
    for line in text.split("\n"):
        if line and line.isascii():
            yield start, start + len(line)
        start += len(line) + 1


def _line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _repair_line(text: str, chars: list[str], start: int, end: int, scrambled: bool) -> None:
    """Rewrite, in `chars`, the phrases of `text[start:end]` whose folded words are a known phrase."""
    words = list(_SYLLABLE.finditer(text, start, end))
    keys = [fold_letters(word.group()) for word in words]
    i = 0
    while i < len(words):
        size, spelt = _known_phrase(text, words, keys, i, scrambled)
        if spelt:
            for word, right in zip(words[i : i + size], spelt.split(), strict=True):
                chars[word.start() : word.end()] = [
                    c.upper() if o.isupper() else c for o, c in zip(word.group(), right, strict=True)
                ]
        elif scrambled and words[i].group().isupper() and set(keys[i]) <= _ROMAN_LETTERS:
            chars[words[i].start() : words[i].end()] = list(keys[i].upper())  # `XÍĨ` -> `XII`
        i += size


def _known_phrase(
    text: str, words: list[regex.Match[str]], keys: list[str], i: int, scrambled: bool
) -> tuple[int, str | None]:
    """The longest known phrase that starts at word `i` (its size in words and its right spelling), else (1, None)."""
    for size in range(min(_LONGEST_PHRASE, len(words) - i), 1, -1):
        gaps = all(_PHRASE_GAP.fullmatch(text, words[k].end(), words[k + 1].start()) for k in range(i, i + size - 1))
        spelt = _REPAIRED_PHRASES.get(" ".join(keys[i : i + size])) if gaps else None
        if spelt:
            return size, spelt
    if scrambled and _TWO_TONES.search(words[i].group()) and max(words[i].group()) > "\xff":
        return 1, _REPAIRED_SYLLABLES.get(keys[i])
    return 1, None
