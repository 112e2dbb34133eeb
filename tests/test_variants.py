"""Property: the same references at exact offsets for NFD, old-tone, Ð, NBSP and CRLF variants of the fixtures."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import partydocs

FIXTURES = sorted(Path(__file__).parent.parent.joinpath("fixtures").glob("*.txt"))
OLD_TONES = {"hóa": "hoá", "Hóa": "Hoá", "ủy": "uỷ", "Ủy": "Uỷ", "khóa": "khoá", "thủy": "thuỷ", "hòa": "hoà"}


def old_tone(text: str) -> str:
    for new, old in OLD_TONES.items():
        text = text.replace(new, old)
    return text


VARIANTS: dict[str, Callable[[str], str]] = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "old_tone": old_tone,
    "eth": lambda t: t.replace("Đ", "\u00d0").replace("đ", "\u00f0"),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "zero_width": lambda t: t.replace("/", "/\u200b"),
}


@cache
def codes_of(path: Path) -> list[str | None]:
    return [ref.code for ref in partydocs.extract(path.read_text(encoding="utf-8")).references]


def test_fixtures_hold_references() -> None:
    assert len(FIXTURES) >= 3
    assert all(codes_of(path) for path in FIXTURES)


@given(
    path=st.sampled_from(FIXTURES),
    names=st.lists(st.sampled_from(sorted(VARIANTS)), min_size=1, max_size=3, unique=True),
)
def test_variants_keep_codes_and_offsets(path: Path, names: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    for name in names:
        text = VARIANTS[name](text)
    result = partydocs.extract(text)
    assert [ref.code for ref in result.references] == codes_of(path)
    for mention in [*result.references, *result.dates, *result.bodies, *result.anaphora]:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
