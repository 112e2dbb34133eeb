"""The whole pipeline: normalize -> tokenize -> extract (dates, codes, named, bodies) -> resolve (short forms,
keys, anaphora, relations) -> models."""

from __future__ import annotations

from typing import Any

from partydocs.anchors import Anchors
from partydocs.bodies import BodySpan, find_bodies
from partydocs.dates import DateSpan, find_dates
from partydocs.find import Context, Found, Spans, find_references
from partydocs.html import clean_html
from partydocs.keys import document_keys
from partydocs.models import Anaphor, BodyMention, DateMention, Extraction, Mention, Reference, Relation
from partydocs.named import find_named
from partydocs.normalize import Normalized, normalize
from partydocs.relations import RelationFound, find_relations
from partydocs.resolve import AnaphorFound, find_anaphora, find_short_forms, resolve
from partydocs.tokenize import Segmentation


def extract(text: str, *, full: bool = False, html: bool = False) -> Extraction:
    """Find every document reference, date, body and anaphor in `text`.

    Raises TypeError for anything but `str` (decode bytes first). Offsets point into `text`.
    `full=True` segments every clause of the text instead of only those around citations
    (slower; the result is the same). `html=True` reads `text` as HTML (`partydocs.html.clean_html`):
    tags, scripts and styles are dropped, entities decoded, and offsets still point into `text`.
    The result keeps `text` (for display; left out of its dumps).
    """
    if not isinstance(text, str):
        hint = "; decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, bytes | bytearray) else ""
        raise TypeError(f"partydocs.extract expects str, got {type(text).__name__}{hint}")
    if html:
        clean = clean_html(text)
        return clean.to_html_offsets(extract(clean.text, full=full)).model_copy(update={"text": text})
    norm = normalize(text)
    anchors = Anchors(norm.text)
    dates = find_dates(norm.text, anchors)
    context = Context(norm.text, dates, Segmentation(norm.text, full=full), anchors)
    found = find_references(context)
    named = find_named(context, found)
    references = resolve(found, named, find_short_forms(context, found))
    bodies = find_bodies(norm.text)
    body_spans = Spans((body.start, body.end) for body in bodies)  # in order and non-overlapping
    issuer_bodies = [_issuer_body(ref, body_spans) for ref in references]
    keys = document_keys(norm.text, references, bodies, issuer_bodies)
    anaphora = find_anaphora(norm.text, references, anchors)
    return Extraction(
        text=text,
        references=[
            _reference(text, norm, ref, issuer_body, key)
            for ref, issuer_body, key in zip(references, issuer_bodies, keys, strict=True)
        ],
        dates=[_date(text, norm, span) for span in dates],
        bodies=[_body(text, norm, body) for body in bodies],
        anaphora=[_anaphor(text, norm, a) for a in anaphora],
        relations=[_relation(text, norm, r) for r in find_relations(norm.text, references, anaphora, anchors)],
    )


def _span(text: str, norm: Normalized, start: int, end: int) -> dict[str, Any]:
    """The fields of a `Mention` at the caller's offsets of a normalised span (each model is validated once)."""
    orig_start, orig_end = norm.to_original(start, end)
    return {"text": text[orig_start:orig_end], "start": orig_start, "end": orig_end}


def _issuer_body(ref: Found, bodies: Spans) -> int | None:
    """The index of the body mention that the reference's issuer was read from."""
    return None if ref.issuer_span is None else bodies.first(*ref.issuer_span)


def _reference(
    text: str, norm: Normalized, ref: Found, issuer_body: int | None, key: tuple[str, str | None]
) -> Reference:
    return Reference(
        **_span(text, norm, ref.start, ref.end),
        kind=ref.kind,
        doc_type=ref.doc_type,
        number=ref.number,
        year=ref.year,
        type_code=ref.type_code,
        issuer_code=ref.issuer_code,
        code=ref.code,
        date=ref.date,
        date_granularity=ref.date_granularity,
        issuer=ref.issuer,
        term=ref.term,
        subject=ref.subject,
        antecedent=ref.antecedent,
        is_header=ref.is_header,
        issuer_from_code=ref.issuer_from_code,
        issuer_body=issuer_body,
        plenum=ref.plenum,
        congress=ref.congress,
        name=ref.name,
        key=key[0],
        scope=key[1],
    )


def _date(text: str, norm: Normalized, span: DateSpan) -> DateMention:
    return DateMention(
        **_span(text, norm, span.start, span.end),
        value=span.value,
        granularity=span.granularity,
        end_value=span.end_value,
        iso=span.iso,
    )


def _body(text: str, norm: Normalized, body: BodySpan) -> BodyMention:
    """The level comes from the data tables, so pydantic checks it against the contract's values."""
    fields = {"name": body.name, "level": body.level, "place": body.place, "province": body.province}
    return BodyMention.model_validate({**_span(text, norm, body.start, body.end), **fields})


def _relation(text: str, norm: Normalized, relation: RelationFound) -> Relation:
    return Relation(
        source=relation.source,
        target=relation.target,
        type=relation.type,
        cue=Mention(**_span(text, norm, relation.cue_start, relation.cue_end)),
    )


def _anaphor(text: str, norm: Normalized, anaphor: AnaphorFound) -> Anaphor:
    return Anaphor(
        **_span(text, norm, anaphor.start, anaphor.end), doc_type=anaphor.doc_type, antecedent=anaphor.antecedent
    )
