"""The pydantic models that `partydocs.extract` returns (the public contract, CONTRACT.md)."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializationInfo, SerializerFunctionWrapHandler, model_serializer

Kind = Literal["party", "state", "named"]
Granularity = Literal["day", "month", "quarter", "year"]
Level = Literal["central", "province", "district", "commune", "unit"]
RelationType = Literal["implements", "guides", "amends", "replaces", "repeals", "based_on", "summarises"]


def date_text(value: datetime.date | None, granularity: Granularity | None) -> str | None:
    """A date at the precision written: `2015`, `2022-Q1`, `2022-03` or `2022-03-09` (None without a date)."""
    if value is None:
        return None
    if granularity == "year":
        return f"{value.year:04d}"
    if granularity == "quarter":
        return f"{value.year:04d}-Q{(value.month - 1) // 3 + 1}"
    if granularity == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def plural(count: int, one: str, many: str) -> str:
    """`1 reference`, `2 references`, `0 anaphora`."""
    return f"{count} {one if count == 1 else many}"


class Mention(BaseModel):
    """A span of the caller's text: `text == input[start:end]`."""

    model_config = ConfigDict(extra="forbid")

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Reference(Mention):
    """One mention of one Party or state document."""

    kind: Kind
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    code: str | None = None
    date: datetime.date | None = None
    date_granularity: Granularity | None = None
    issuer: str | None = None
    term: int | None = None
    subject: str | None = None
    antecedent: int | None = None
    issuer_from_code: str | None = None
    issuer_body: int | None = None
    is_header: bool = False
    plenum: int | None = None
    congress: int | None = None
    name: str | None = None
    key: str = ""
    """The same string for every mention of one document, in any text (`partydocs.keys`)."""
    scope: str | None = None
    """The place a local code is unique in (`Ba Bể, Bắc Kạn` for `01-KH/HU`); None for codes that need none."""

    def __str__(self) -> str:
        """`[10:29] Chỉ thị 05-CT/TW ngày 2016-05-15 của Bộ Chính trị`; a reference without a code shows its text."""
        written = " ".join(self.text.split())
        parts = [f"{self.doc_type} {self.code}" if self.doc_type and self.code else self.code or written]
        if self.date:
            parts.append(f"ngày {self.date.isoformat()}")
        if self.issuer:
            parts.append(f"của {self.issuer}")
        if self.term:
            parts.append(f"khóa {self.term}")
        return f"[{self.start}:{self.end}] " + " ".join(parts)


class DateMention(Mention):
    """A calendar expression: a day, month, quarter, year, or a range of them."""

    value: datetime.date | None
    granularity: Granularity
    end_value: datetime.date | None = None
    iso: str


class BodyMention(Mention):
    """A Party or state organ named in the text."""

    name: str
    level: Level | None = None
    place: str | None = None
    province: str | None = None


class Anaphor(Mention):
    """A phrase such as `Nghị quyết này` that points back to a document."""

    doc_type: str
    antecedent: int | None = None


class Relation(BaseModel):
    """What a sentence states between two references: `source` implements / amends / ... `target`."""

    model_config = ConfigDict(extra="forbid")

    source: int = Field(ge=0)
    target: int = Field(ge=0)
    type: RelationType
    cue: Mention


class Extraction(BaseModel):
    """Everything found in one text; `text` is that text, kept for display and left out of dumps.

    `model_dump(context={"text": True})` (or `model_dump_json`) writes `text` too, and validating such a
    dump gives it back.
    """

    text: str | None = Field(default=None, repr=False, description="the text extracted from (dumped on request)")
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    bodies: list[BodyMention] = Field(default_factory=list)
    anaphora: list[Anaphor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> dict[str, Any]:
        """Every field but `text`, unless the dump's context asks for it (`context={"text": True}`)."""
        data: dict[str, Any] = handler(self)
        if not (isinstance(info.context, dict) and info.context.get("text")):
            data.pop("text", None)
        return data

    def __eq__(self, other: object) -> bool:
        """Equal when everything found is: the kept text is not compared, as dumps leave it out."""
        if not isinstance(other, Extraction):
            return NotImplemented
        return BaseModel.__eq__(self.model_copy(update={"text": None}), other.model_copy(update={"text": None}))

    def counts(self) -> str:
        """`1 reference, 2 dates, 1 body, 0 anaphora, 0 relations`."""
        return ", ".join([
            plural(len(self.references), "reference", "references"), plural(len(self.dates), "date", "dates"),
            plural(len(self.bodies), "body", "bodies"), plural(len(self.anaphora), "anaphor", "anaphora"),
            plural(len(self.relations), "relation", "relations"),
        ])

    def __str__(self) -> str:
        lines = [f"Extraction: {self.counts()}"]
        lines.extend(f"  {ref}" for ref in self.references)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """Notebook view: the highlighted text (when kept) above the table of references."""
        from partydocs.render import display  # imported here: rendering depends on the models, not back

        return str(display(self))
