"""Stage 1: fold Unicode forms, tone placement, look-alike letters, dashes, spaces and quotes.

The normalised text keeps a map back to the caller's string, so every span found in it can be
reported at the caller's offsets.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

_DELETED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ODD_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v\f"
_SPACES = _ODD_SPACES + " "
_WRAPPED_LINE = rf"(?<=[\p{{Ll}}\p{{M}}\d,])[{_SPACES}]*+(?:\r\n|[\r\n])[{_SPACES}]*+(?=\p{{Ll}})"
"""A single line break inside a sentence (`Kế\\nhoạch`): the next line goes on in lower case."""
_SPACE_RUN = rf"[{_SPACES}]{{2,}}+"
_SPACING = rf"(?P<space>{_WRAPPED_LINE}|{_SPACE_RUN})|"
_PLAIN = rf"\r\n|[{_DELETED}]+"
_DECOMPOSED = r"|\P{M}\p{M}+|\p{M}+"
_LENGTH_CHANGES = {
    (spacing, nfd): regex.compile((_SPACING if spacing else "") + _PLAIN + (_DECOMPOSED if nfd else ""))
    for spacing in (False, True)
    for nfd in (False, True)
}
"""What may change length, by (whether the text has spacing to fold, whether it is not NFC)."""
_SPACING_PROBE = regex.compile(
    rf"[{_ODD_SPACES}]|[\r\n](?=[{_SPACES}]*+\p{{Ll}})(?<=[\p{{Ll}}\p{{M}}\d,][{_SPACES}]*+[\r\n])"
)
"""A quick look for anything `_SPACING` folds, bar double spaces (`str` finds those faster): the full
pattern tries every position, and most texts need none of it."""

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
_NEEDS_TRANSLATION = regex.compile("[" + regex.escape("".join(chr(c) for c in _ONE_FOR_ONE)) + "]")

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _toned(bases: str) -> str:
    return "".join(unicodedata.normalize("NFC", base + tone) for base in bases for tone in _TONES)


_OLD_TONE_PLACEMENT = regex.compile(
    rf"(?<![qQ])(?:[oO][{_toned('aAeE')}]|[uU][{_toned('yY')}])(?![\p{{L}}\p{{M}}])"
)


@dataclass(frozen=True)
class Edit:
    """One stretch of the normalised text that replaced a stretch of another length."""

    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int


@dataclass(frozen=True)
class Normalized:
    """The normalised text and the edits that map its offsets back to the original."""

    text: str
    edits: tuple[Edit, ...] = ()
    _norm_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_norm_starts", tuple(edit.norm_start for edit in self.edits))

    def original_start(self, pos: int) -> int:
        """The original offset of normalised position `pos` used as a span start."""
        i = bisect_right(self._norm_starts, pos) - 1
        if i < 0:
            return pos
        edit = self.edits[i]
        if pos < edit.norm_end:
            return edit.orig_start
        return pos - edit.norm_end + edit.orig_end

    def original_end(self, pos: int) -> int:
        """The original offset of normalised position `pos` used as an exclusive span end."""
        i = bisect_left(self._norm_starts, pos) - 1
        if i < 0:
            return pos
        edit = self.edits[i]
        if pos <= edit.norm_end:
            return edit.orig_end
        return pos - edit.norm_end + edit.orig_end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the caller's offsets."""
        return self.original_start(start), self.original_end(end)


def normalize(text: str) -> Normalized:
    """Normalise `text` for matching; the result maps its offsets back to `text`."""
    spacing = "  " in text or _SPACING_PROBE.search(text) is not None
    pattern = _LENGTH_CHANGES[spacing, not unicodedata.is_normalized("NFC", text)]
    pieces: list[str] = []
    edits: list[Edit] = []
    copied_to = 0
    norm_len = 0
    for match in pattern.finditer(text):
        old = match.group()
        new = " " if match.lastgroup == "space" else _replacement(old)
        if new == old:
            continue
        kept = text[copied_to : match.start()]
        pieces.append(kept)
        norm_len += len(kept)
        edits.append(Edit(norm_len, norm_len + len(new), match.start(), match.end()))
        pieces.append(new)
        norm_len += len(new)
        copied_to = match.end()
    pieces.append(text[copied_to:])
    folded = "".join(pieces)
    if _NEEDS_TRANSLATION.search(folded):
        folded = folded.translate(_ONE_FOR_ONE)
    folded = _OLD_TONE_PLACEMENT.sub(_move_tone, folded)
    return Normalized(folded, tuple(edits))


def _replacement(old: str) -> str:
    if old == "\r\n":
        return "\n"
    if old[0] in _DELETED:
        return ""
    return unicodedata.normalize("NFC", old)


def _move_tone(match: regex.Match[str]) -> str:
    """`oá` -> `óa`, `uỷ` -> `ủy`: the tone goes on the first vowel of an open oa/oe/uy."""
    pair = match.group()
    decomposed = unicodedata.normalize("NFD", pair[1])
    return unicodedata.normalize("NFC", pair[0] + decomposed[1]) + decomposed[0]
