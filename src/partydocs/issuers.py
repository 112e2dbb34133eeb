"""Extractor: the exact boundary of an issuing body written next to a citation.

A known organ is read with the organ grammar (`organs`), which alone decides where its name ends;
underthesea's words are walked only for a name the grammar cannot place (`Tổ công tác ...`), and
such a walk ends where a known organ inside it ends (`... của Thủ tướng Chính phủ`).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from partydocs.organs import match_organ, organ_ending_at
from partydocs.tables import BODY_HEADS, BODY_TAIL_WORDS, DOC_TYPE_WORDS, ISSUER_STOP_WORDS, ORDINAL_WORDS
from partydocs.tokenize import Segmentation, Token

_WINDOW = 200
_MAX_LOWER_RUN = 5
_HARD_STOPS = frozenset({"về", "khóa", "ngày", "năm", "số", "tại", "nhiệm kỳ"})
_ORDINAL_CUES = frozenset({"lần thứ", "thứ", "lần", "trung ương", "tw", "t.ư"})
_PARAGRAPH_BREAKS = ("\n\n", "|")


_HEAD = regex.compile(rf"(?:{'|'.join(sorted(map(regex.escape, BODY_HEADS), key=len, reverse=True))})(?: |$)")


def _starts_with_head(tokens: Sequence[Token], i: int) -> bool:
    """True when the words from `tokens[i]` begin with an organ's head word (`Ủy ban`, `Bộ`)."""
    return _head(tokens, i) is not None


def _is_stop(token: Token) -> bool:
    key = token.key
    if key in _HARD_STOPS or key.split(" ")[0] in _HARD_STOPS:
        return True
    return (not token.is_capitalized or token.is_upper) and key in ISSUER_STOP_WORDS


def _head(tokens: Sequence[Token], i: int) -> str | None:
    """The head word that the words from `tokens[i]` begin with (`bộ`, `ủy ban`), if any."""
    match = _HEAD.match(" ".join(token.key for token in tokens[i : i + 3]))
    return match.group().strip() if match else None


def _joins(tokens: Sequence[Token], i: int) -> bool:
    """`của`/`và` inside a name: `Tổ công tác của Thủ tướng`, `Bộ Tài nguyên và Môi trường`, and `và`
    between two organs with the same head word, which issue jointly: `Bộ Tư pháp và Bộ Nội vụ`."""
    if i + 1 >= len(tokens) or not tokens[i + 1].is_capitalized:
        return False
    if tokens[i].key == "của":
        return _starts_with_head(tokens, i + 1)
    if tokens[i].key != "và" or tokens[i + 1].key in DOC_TYPE_WORDS:
        return False
    head = _head(tokens, i + 1)
    return head is None or head == _head(tokens, 0)


def _is_joined_name(token: Token) -> bool:
    """One dictionary word that goes on a name after `và`: `và Phát triển nông thôn` (of `Bộ Nông nghiệp`)."""
    syllables = token.text.split()
    return len(syllables) > 2 and syllables[0].lower() == "và" and syllables[1][:1].isupper()


def _is_ordinal(tokens: Sequence[Token], i: int) -> bool:
    """`năm` in `Hội nghị lần thứ năm`: a number word after `lần thứ`, not the word for year."""
    if tokens[i].key not in ORDINAL_WORDS:
        return False
    j = i - 1
    while j >= 0 and tokens[j].key in ORDINAL_WORDS:
        j -= 1
    return j >= 0 and tokens[j].key in ("lần thứ", "thứ")


def _is_ordinal_number(tokens: Sequence[Token], i: int) -> bool:
    """`6` in `Hội nghị Trung ương 6`, `năm` in `Hội nghị lần thứ năm`: a plenum's number."""
    after_cue = tokens[i].text[:1].isdigit() and i > 0 and tokens[i - 1].key in _ORDINAL_CUES
    return after_cue or _is_ordinal(tokens, i)


def _is_good_end(token: Token) -> bool:
    return token.is_capitalized or token.key in BODY_TAIL_WORDS


def _broken(text: str, before: Token, after: Token) -> bool:
    gap = text[before.end : after.start]
    return any(mark in gap for mark in _PARAGRAPH_BREAKS)


def _forward_end(text: str, tokens: Sequence[Token], limit: int) -> int:
    """Offset where the body that `tokens` starts with ends (0 when none); a known organ met on the way
    ends it where that organ's name ends."""
    last_good = -1
    lower_run = 0
    for i, token in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if i and _broken(text, tokens[i - 1], token):
            break
        known = match_organ(text, token.start, limit) if i and token.is_capitalized else None
        if known:
            return known.end
        if not token.is_word:
            if token.text == "-" and i and after and tokens[i - 1].is_capitalized and after.is_capitalized:
                continue
            break
        if token.key in ("của", "và"):
            if _joins(tokens, i):
                continue
            break
        if _is_joined_name(token):
            last_good, lower_run = i, 0
            continue
        if _is_ordinal_number(tokens, i):
            last_good, lower_run = i, 0
            continue
        if _is_stop(token) or token.text[0].isdigit():
            break
        if _is_good_end(token):
            last_good, lower_run = i, 0
            continue
        lower_run += 1
        if lower_run > _MAX_LOWER_RUN:
            break
    return tokens[last_good].end if last_good >= 0 else 0


def body_after(words: Segmentation, pos: int, limit: int | None = None) -> tuple[int, int] | None:
    """The body that begins at `pos` (after `của`/`do`): its span, or None."""
    text = words.text
    stop = min(len(text), pos + _WINDOW, limit if limit is not None else len(text))
    known = match_organ(text, pos, stop)
    if known:
        return known.start, known.end
    tokens = words.tokens(pos, stop)
    if not tokens or not tokens[0].is_capitalized or not _starts_with_head(tokens, 0):
        return None
    end = _forward_end(text, tokens, stop)
    return (tokens[0].start, end) if end else None


def body_before(words: Segmentation, pos: int, floor: int = 0) -> tuple[int, int] | None:
    """The body that ends right before `pos` (the subject of `ban hành`): its span, or None."""
    text = words.text
    start = max(floor, pos - _WINDOW, text.rfind("\n\n", 0, pos) + 1)
    known = organ_ending_at(text, pos, start)
    if known:
        return known.start, known.end
    tokens = words.tokens(start, pos)
    run: list[Token] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if not _is_ordinal_number(tokens, i) and (not token.is_word or _is_stop(token) or not _is_good_end(token)):
            break
        run.append(token)
    run.reverse()
    while run and not _starts_with_head(run, 0):
        run.pop(0)
    if not run:
        return None
    return run[0].start, run[-1].end
