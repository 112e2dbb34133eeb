"""Stage 2: underthesea word segmentation of a window of the normalised text, tokens at exact offsets.

underthesea splits codes and may rewrite characters, so tokens are only used for word boundaries
(multi-syllable words, capitalisation per word); their offsets come from aligning each syllable
back to the text, never from the segmenter.
"""

from __future__ import annotations

import importlib
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from operator import attrgetter
from typing import Any

import regex

from partydocs.tables import FIXED_WORDS

Segmenter = Callable[[str], list[str]]


@dataclass(frozen=True)
class Token:
    """One word (one or more syllables) of the normalised text."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """Lower case with whitespace runs as one space, for table look-ups."""
        return " ".join(self.text.lower().split())

    @property
    def is_capitalized(self) -> bool:
        """True when the word starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        """True for a word written in capitals (`BỘ CHÍNH TRỊ`)."""
        return self.text.isupper()

    @property
    def is_word(self) -> bool:
        """True when the token holds a letter or digit (not punctuation)."""
        return any(c.isalnum() for c in self.text)


_MODEL_LOCK = threading.Lock()


@cache
def segmenter() -> Segmenter:
    """underthesea's word segmenter with the project's fixed words, built on first use (it loads a model).

    underthesea publishes its model before loading it: threads arriving while it loads wait on a lock,
    and the segmenter is cached only once its model has loaded.
    """
    with _MODEL_LOCK:
        return _Underthesea.load()


@dataclass(frozen=True)
class _Underthesea:
    """underthesea's `word_tokenize` called through its parts, with the fixed words in a token pattern of
    our own, compiled once: `word_tokenize(..., fixed_words=...)` would recompile it on every call and
    leave it in underthesea's module, changing what the caller's own `word_tokenize` returns."""

    pattern: re.Pattern[str]
    normalize: Callable[[str], str]
    tagger: Any

    @classmethod
    def load(cls) -> _Underthesea:
        """The pattern and underthesea's own model, loaded the way `word_tokenize` loads it."""
        tokens = importlib.import_module("underthesea.pipeline.word_tokenize.regex_tokenize")
        words = importlib.import_module("underthesea.pipeline.word_tokenize")
        if words.word_tokenize_model is None:
            words.word_tokenize("Bộ")  # underthesea's lazy load of its model, no pattern changed
        fixed = "|".join(rf"\b{re.escape(word)}\b" for word in FIXED_WORDS)
        pattern = re.compile(
            "(" + "|".join([f"(?P<fixed_words>{fixed})", *tokens.regex_patterns]) + ")", re.VERBOSE | re.UNICODE
        )
        return cls(pattern, tokens.normalize_characters_in_text, words.word_tokenize_model)

    def __call__(self, window: str) -> list[str]:
        """The words of `window`, each its syllables joined by single spaces (as `word_tokenize` gives them)."""
        tokens = [match.group() for match in self.pattern.finditer(self.normalize(window))]
        if not tokens:
            return []
        words: list[str] = []
        for tag, token in zip(self.tagger.predict([[token] for token in tokens]), tokens, strict=True):
            if tag == "I-W" and words:
                words[-1] += " " + token
            else:
                words.append(token)
        return words


_UNIT_BREAK = regex.compile(
    r"\n[\s|]*\n|[;()\"]|(?<=[.!?])\s++(?=[\p{Lu}\d\-+*•])|(?<=\S)\s*+\|\s*+"
    r"|,(?!\s*+(?:chống|Thể thao))|(?<![^\S\n])\s++(?=(?i:về|ngày|khóa)\s)"
)
"""Unit ends; spaces before `về` are tried from the start of their run (or a line break), never from each space."""


_SURROGATE = regex.compile("[\ud800-\udfff]")


@dataclass
class Segmentation:
    """Word segmentation of one text, unit by unit: the stretches between punctuation that ends a body's
    name (`;`, `,`, brackets, quotes, sentence ends, blank lines) and the words `về`, `ngày`, `khóa`.

    Units are segmented on first use, or all at once with `full=True`; either way a unit is always
    segmented alone, so the tokens of a window never depend on which other units were segmented.
    """

    text: str
    full: bool = False
    _units: dict[int, list[Token]] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        if self.full:
            for i in range(len(self._bounds) - 1):
                self._unit(i)

    @cached_property
    def _bounds(self) -> list[int]:
        """Where the units start, found on first use: a text that no citation needs is never scanned."""
        return [0, *(m.end() for m in _UNIT_BREAK.finditer(self.text)), len(self.text)]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that lie wholly inside `text[start:end]`, in order; a word that the segmenter ran
        on from the syllable before `start` (`TW Ban Chấp hành` after `21-NQ/`) is cut at `start`."""
        first = max(0, bisect_right(self._bounds, start) - 1)
        found: list[Token] = []
        for i in range(first, len(self._bounds) - 1):
            if self._bounds[i] >= end:
                break
            unit = self._unit(i)  # in order and non-overlapping: starts and ends both ascend
            first_in = bisect_left(unit, start, key=attrgetter("start"))
            if not found and first_in and self._cut_at(unit[first_in - 1], start, end):
                found.append(Token(self.text[start : unit[first_in - 1].end], start, unit[first_in - 1].end))
            found.extend(unit[first_in : bisect_right(unit, end, key=attrgetter("end"))])
        return found

    def _cut_at(self, token: Token, start: int, end: int) -> bool:
        """True when `start` begins a syllable inside `token` (after a space, or glued: `củaBan`) and the
        rest of `token` ends by `end`."""
        if not token.start < start < token.end <= end:
            return False
        before, at = self.text[start - 1], self.text[start]
        return (before == " " and at != " ") or (before.islower() and at.isupper())

    def _unit(self, i: int) -> list[Token]:
        if i not in self._units:
            self._units[i] = tokenize(self.text, self._bounds[i], self._bounds[i + 1])
        return self._units[i]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Segment `text[start:end]` into words whose offsets point into `text`."""
    stop = len(text) if end is None else end
    window = text[start:stop]
    if not window.strip():
        return []
    if _SURROGATE.search(window):  # underthesea cannot encode a lone surrogate: segment a stand-in
        stand_in = _SURROGATE.sub("\ufffd", window)
        return [Token(text[t.start : t.end], t.start, t.end) for t in _align(stand_in, _segment(stand_in), start)]
    return _align(window, _segment(window), start)


def _segment(window: str) -> list[str]:
    """underthesea's words of `window`, its own characters kept and the project's fixed words whole."""
    return segmenter()(window)


def _align(window: str, words: list[str], offset: int) -> list[Token]:
    """Place each segmented word at its syllables' offsets; drop words that cannot be found."""
    tokens: list[Token] = []
    cursor = 0
    for word in words:
        syllables = word.split()
        if not syllables:
            continue
        first = window.find(syllables[0], cursor)
        if first < 0:
            continue
        last_end = first + len(syllables[0])
        for syllable in syllables[1:]:
            at = window.find(syllable, last_end)
            if at < 0 or window[last_end:at].strip():
                break
            last_end = at + len(syllable)
        tokens.append(Token(window[first:last_end], offset + first, offset + last_end))
        cursor = last_end
    return tokens
