"""Stage 2: one pass over the normalised text for the words that later stages' patterns start with.

Each stage declares, next to a pattern, the words a match of it can start with (`anchored`): type words,
cue words, the first syllables of names from the data tables, or a digit run. For each text one
Aho-Corasick automaton (pyahocorasick) over a lower-cased copy finds every declared word, and one regex
pass finds the digit runs. A pattern is then tried only where one of its words or a digit run starts
(`Anchors.finditer`), so a text without them costs it almost nothing, and the matches are those of a
whole-text `finditer`. Lower-casing keeps every offset unless a letter of the text changes length
(`İ`): such a text is scanned whole by every pattern, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from heapq import merge
from typing import Any

import ahocorasick
import regex

_DIGIT_RUN = regex.compile(r"\d++")


@dataclass(frozen=True)
class Anchored:
    """A pattern and where its matches can start: one of `words` (lower case), or a digit run."""

    pattern: regex.Pattern[str]
    words: frozenset[str]
    digits: bool = False
    reach: int | None = None
    """The longest match, if bounded: each try then ends there (without an `endpos`, `regex` first scans the
    whole rest of the text for a literal the pattern needs, and a text full of anchors takes quadratic time)."""


ANCHORED: list[Anchored] = []
"""Every anchored pattern, as declared by the stages (the tests check each against a whole-text scan)."""
_WORDS: set[str] = set()


def anchored(pattern: regex.Pattern[str], *words: str, digits: bool = False, reach: int | None = None) -> Anchored:
    """Declare that every match of `pattern` starts with one of `words` (any case) or, with `digits`, a digit,
    and, with `reach`, is never longer than that."""
    found = Anchored(pattern, frozenset(word.lower() for word in words), digits, reach)
    ANCHORED.append(found)
    _WORDS.update(found.words)
    return found


@cache
def _automaton(words: frozenset[str]) -> Any:
    """The automaton of `words`, built once for each set of declared words."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


class Anchors:
    """Where each declared word and each digit run starts in one text (found on first use)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: frozenset[str] = frozenset()
        self._starts: dict[str, list[int]] = {}
        self._digits: list[int] | None = None
        self.exact = True

    def finditer(self, anchored: Anchored) -> Iterator[regex.Match[str]]:
        """`anchored.pattern.finditer(text)`, tried only where one of its words or digit runs starts."""
        if not self._words.issuperset(anchored.words):
            self._scan()
        if not self.exact:
            yield from anchored.pattern.finditer(self.text)
            return
        lists = [self._starts.get(word, []) for word in anchored.words]
        if anchored.digits:
            lists.append(self.digits)
        end = 0
        for pos in merge(*lists):
            if pos < end:
                continue
            end_at = len(self.text) if anchored.reach is None else pos + anchored.reach
            match = anchored.pattern.match(self.text, pos, end_at)
            if match and match.end() > pos:
                yield match
                end = match.end()

    @property
    def digits(self) -> list[int]:
        """Where each run of digits starts."""
        if self._digits is None:
            self._digits = [match.start() for match in _DIGIT_RUN.finditer(self.text)]
        return self._digits

    def _scan(self) -> None:
        """Find every declared word (once per text, again only if a stage declared words since)."""
        self._words = frozenset(_WORDS)
        lowered = self.text.lower()
        self.exact = len(lowered) == len(self.text)
        self._starts = {}
        if self.exact:
            for end, word in _automaton(self._words).iter(lowered):
                self._starts.setdefault(word, []).append(end - len(word) + 1)
