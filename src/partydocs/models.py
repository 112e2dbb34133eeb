"""The pydantic models that `partydocs.extract` returns (the public contract, CONTRACT.md)."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["party", "state", "named"]
Granularity = Literal["day", "month", "quarter", "year"]
Level = Literal["central", "province", "district", "commune", "unit"]
RelationType = Literal["implements", "guides", "amends", "replaces", "repeals", "based_on", "summarises"]


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
    """Everything found in one text."""

    references: list[Reference] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    bodies: list[BodyMention] = Field(default_factory=list)
    anaphora: list[Anaphor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"Extraction: {len(self.references)} references, {len(self.dates)} dates, "
                 f"{len(self.bodies)} bodies, {len(self.anaphora)} anaphora"]
        lines.extend(f"  {ref}" for ref in self.references)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """Notebook view: a table of the references; `partydocs.annotate(text, doc)` highlights the text."""
        from partydocs.annotate import references_table
        return references_table(self)
