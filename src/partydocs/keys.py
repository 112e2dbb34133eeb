"""Resolve stage: the identity of the document each reference names (`key`) and, for local codes, `scope`.

A key is the same string for every mention of one document in any text: a code in one canonical
spelling (`445-KL/TƯ`, `445-kl/T.Ư` and `445 - KL/TW` are `445-KL/TW`), a named document by what names
it (`Luật đất đai 2024`, `Nghị quyết Trung ương 4 khóa 12`, `Hiến pháp 2013`, `Điều lệ Đảng`). Codes
that every locality reuses (`01-KH/HU`, `12/QĐ-UBND`) add the place they belong to (`01-KH/HU@Ba Bể,
Bắc Kạn`), from the issuer written with the mention or else from the organs the text names; `@?` when
the text gives no place. A short form or repeated mention has the key of the mention it points to.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import chain

import regex

from partydocs.bodies import BodySpan
from partydocs.codes import issuer_name
from partydocs.find import Found
from partydocs.tables import fold

UNSCOPED = "?"
"""The scope part of a local code's key when the text names no place for it."""

_LOCAL_HEADS = (
    "Tỉnh ủy", "Thành ủy", "Thị ủy", "Huyện ủy", "Quận ủy", "Đảng ủy", "Đảng ủy khối", "Chi bộ", "Ban cán sự đảng",
    "Đảng đoàn", "Ban chỉ đạo", "Đại hội", "Ủy ban nhân dân", "Hội đồng nhân dân",
)
"""Organs every province or district has: a code they issue repeats across localities."""
_DISTRICT_HEADS = ("Huyện ủy", "Quận ủy", "Thị ủy")
_PROVINCE_HEADS = ("Tỉnh ủy", "Thành ủy")
_CENTRAL_ISSUER = regex.compile(r"(?:UBTV)?QH\d*+")
_CENTRAL_ABBREVIATION = regex.compile(r"(?i:T\.?Ư)")
"""`TƯ`, `T.Ư`: the central committee written with its own letter; the key spells it `TW`."""
_CODE_DASH = regex.compile(r"[-\u2010-\u2015\u2212]")
_CODE_PART = regex.compile(r"([/-])")
_SPACES = regex.compile(r"\s++")
_LEADING_ZEROS = regex.compile(r"^0++(?=\d)")
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]++")
_LOCAL_CONGRESS = regex.compile(r"(?i:đảng bộ|đại biểu đảng bộ)")


def document_keys(text: str, references: Sequence[Found], bodies: Sequence[BodySpan],
                  issuer_bodies: Sequence[int | None]) -> list[tuple[str, str | None]]:
    """`(key, scope)` of each reference of `text` (normalised), in order; `issuer_bodies[i]` indexes the body that
    reference `i`'s issuer names."""
    keys: list[tuple[str, str | None]] = []
    for ref, issuer_body in zip(references, issuer_bodies, strict=True):
        if ref.antecedent is not None and ref.antecedent < len(keys) and _same_year(ref, references[ref.antecedent]):
            keys.append(keys[ref.antecedent])
            continue
        keys.append(_key(text[ref.start:ref.end], ref, bodies, None if issuer_body is None else bodies[issuer_body]))
    return keys


def _same_year(ref: Found, earlier: Found) -> bool:
    """Whether a later mention writes no year of its own that differs from the earlier one's (`Luật Đất đai 2024`
    after `Luật Đất đai 2013` is another law)."""
    return ref.date is None or earlier.date is None or ref.date.year == earlier.date.year


def _key(written: str, ref: Found, bodies: Sequence[BodySpan], issuer: BodySpan | None) -> tuple[str, str | None]:
    if ref.code:
        code = canonical_code(ref.code)
        if not is_local(ref.kind, ref.issuer_code):
            return code, None
        scope = _scope(ref.issuer_code or "", ref.kind, bodies, issuer)
        return f"{code}@{scope or UNSCOPED}", scope
    if ref.congress is not None and _LOCAL_CONGRESS.search(written):
        scope = _scope("TU", "party", bodies, issuer)
        return f"{named_key(ref, written)} Đảng bộ@{scope or UNSCOPED}", scope
    return named_key(ref, written), None


def canonical_code(code: str) -> str:
    """One spelling of a code: `TƯ` as `TW`, then upper case without diacritics (`Đ` as `D`), no spaces, `-` for
    every dash, the number without leading zeros (`01 – kl/T.Ư` is `1-KL/TW`)."""
    parts = _CODE_PART.split(_SPACES.sub("", _CODE_DASH.sub("-", unicodedata.normalize("NFC", code))))
    spelled = "".join("TW" if _CENTRAL_ABBREVIATION.fullmatch(part) else part for part in parts)
    return _LEADING_ZEROS.sub("", fold(spelled))


def is_local(kind: str, issuer_code: str | None) -> bool:
    """Whether a code's issuer is an organ every locality has (`TU`, `HU`, `UBND`), so its numbers repeat."""
    if not issuer_code:
        return False
    for part in issuer_code.split("-"):
        if _CENTRAL_ISSUER.fullmatch(part) or _CENTRAL_ABBREVIATION.fullmatch(part):
            continue
        name = issuer_name(kind, part)
        if name is None or name.endswith(_LOCAL_HEADS):
            return True
    return False


def _scope(issuer_code: str, kind: str, bodies: Sequence[BodySpan], issuer: BodySpan | None) -> str | None:
    """The place a local code belongs to: its issuer's, else that of the first organ of its level the text names."""
    district = (issuer_name(kind, issuer_code) or "").endswith(_DISTRICT_HEADS)
    province_only = (issuer_name(kind, issuer_code) or "").endswith(_PROVINCE_HEADS)
    of_level = (b for b in bodies if (b.level == "district") == district or province_only)
    for body in chain([issuer] if issuer is not None else [], of_level):  # read until the first that fits
        if province_only and body.province:
            return body.province
        if body.place and (body.level == "district") == district:
            return body.place if body.province in (None, body.place) else f"{body.place}, {body.province}"
    return None


def named_key(ref: Found, written: str) -> str:
    """What names a document without a code: a law's title and year, a congress's ordinal, a plenum's number and
    term, the Constitution's year, the Statute; else its type with its number or its name as written."""
    doc_type = ref.doc_type or ""
    year = ref.date.year if ref.date is not None else None
    if ref.plenum is not None:
        return f"{doc_type} Trung ương {ref.plenum} khóa {ref.term or UNSCOPED}"
    if ref.congress is not None:
        return f"{doc_type} Đại hội {ref.congress}"
    if doc_type == "Hiến pháp":
        return f"Hiến pháp {year}" if year else "Hiến pháp"
    if ref.number:
        return f"{doc_type} số {ref.number.lstrip('0') or '0'}@{ref.issuer or UNSCOPED}"
    name = ref.name or ref.subject or written
    words = _NOT_WORD.sub(" ", unicodedata.normalize("NFC", name)).strip().casefold()
    if words.startswith(doc_type.casefold()):
        words = words[len(doc_type):].strip()
    return " ".join(part for part in (doc_type, words, str(year) if year and doc_type != "Điều lệ" else "") if part)
