"""Corpus level: the documents many texts cite (`documents`) and the graph of who cites and implements what
(`citation_graph`), built from `extract` / `extract_many` results by each reference's `key`.

At the edge of the library: it reads results and calls nothing back into the pipeline.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from partydocs.batch import DocId, DocumentResult
from partydocs.models import Extraction, Granularity, Kind, Reference

if TYPE_CHECKING:
    import networkx as nx

Result = Extraction | DocumentResult
_PRECISION = {"day": 3, "month": 2, "quarter": 2, "year": 1}
GRAPH_FORMATS = ("graphml", "edgelist")


class Document(BaseModel):
    """One distinct document across many texts: what its mentions say about it, and which texts cite it."""

    key: str
    kind: Kind
    doc_type: str | None = None
    code: str | None = None
    name: str | None = None
    date: datetime.date | None = None
    date_granularity: Granularity | None = None
    conflicting_dates: list[datetime.date] = Field(default_factory=list)
    """Other issue dates written with its mentions that the most precise one does not cover."""
    issuer: str | None = None
    term: int | None = None
    scope: str | None = None
    mentions: int = 0
    texts: list[DocId] = Field(default_factory=list)
    """The texts that mention it, in input order."""
    first_text: DocId | None = None
    last_text: DocId | None = None


def documents(results: Iterable[Result], ids: Iterable[DocId] | None = None) -> list[Document]:
    """One row per distinct document (`Reference.key`) across `results`, most cited first, then by key.

    `results` are `extract_many` results (their ids are used) or `Extraction`s (ids are positions, or `ids`).
    The issue date is the most precise one written with any mention; `code`, `issuer` and `term` the ones
    written most often. A failed result contributes nothing.
    """
    seen: dict[str, _Mentions] = {}
    for doc_id, extraction in _extractions(results, ids):
        for ref in extraction.references:
            seen.setdefault(ref.key, _Mentions()).add(doc_id, ref)
    rows = [mentions.document(key) for key, mentions in seen.items()]
    return sorted(rows, key=lambda d: (-len(d.texts), -d.mentions, d.key))


def citation_graph(results: Iterable[Result], ids: Iterable[DocId] | None = None) -> nx.MultiDiGraph:
    """A networkx graph of texts and documents: `cites` edges from each text to the documents it mentions (`is`
    to its own header number), and one edge per relation (`implements`, `amends`, ...) between documents, with
    the citing text and cue. Node ids are `text:ID` and `doc:KEY`; attributes are strings and numbers only, so
    the graph writes as GraphML. Needs `pip install 'partydocs[graph]'`."""
    nx = _networkx()
    graph = nx.MultiDiGraph()
    pairs = list(_extractions(results, ids))
    for doc in documents((extraction for _, extraction in pairs), (doc_id for doc_id, _ in pairs)):
        graph.add_node(f"doc:{doc.key}", **_attributes(doc))
    for doc_id, extraction in pairs:
        text = f"text:{doc_id}"
        graph.add_node(text, node="text", id=str(doc_id), references=len(extraction.references))
        for ref in extraction.references:
            edge = "is" if ref.is_header else "cites"
            if not graph.has_edge(text, f"doc:{ref.key}", key=edge):
                graph.add_edge(text, f"doc:{ref.key}", key=edge, type=edge, text=str(doc_id))
        for relation in extraction.relations:
            source, target = extraction.references[relation.source], extraction.references[relation.target]
            graph.add_edge(f"doc:{source.key}", f"doc:{target.key}", type=relation.type, text=str(doc_id),
                           cue=relation.cue.text, cue_start=relation.cue.start)
    return graph


def write_graph(graph: nx.MultiDiGraph, path: str | Path, graph_format: str | None = None) -> None:
    """Write `graph` as GraphML, or as an edge list (one `source target type text` line per edge, tab-separated);
    the format is `graph_format`, else the file's suffix (`.graphml`, else an edge list)."""
    nx = _networkx()
    chosen = graph_format or ("graphml" if str(path).endswith(".graphml") else "edgelist")
    if chosen not in GRAPH_FORMATS:
        raise ValueError(f"graph format must be one of {', '.join(GRAPH_FORMATS)}, not {chosen!r}")
    if chosen == "graphml":
        nx.write_graphml(graph, path)
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        for line in edge_lines(graph):
            out.write(line + "\n")


def edge_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The edges of a citation graph as tab-separated `source target type text` lines."""
    for source, target, data in graph.edges(data=True):
        yield "\t".join((source, target, str(data.get("type", "")), str(data.get("text", ""))))


@dataclass
class _Mentions:
    """What the mentions of one document say, gathered text by text."""

    refs: list[Reference] = field(default_factory=list)
    texts: list[DocId] = field(default_factory=list)

    def add(self, doc_id: DocId, ref: Reference) -> None:
        self.refs.append(ref)
        if not self.texts or self.texts[-1] != doc_id:
            self.texts.append(doc_id)

    def document(self, key: str) -> Document:
        refs = self.refs
        dated = sorted((r for r in refs if r.date is not None and r.date_granularity is not None),
                       key=lambda r: -_PRECISION[r.date_granularity or "year"])
        best = dated[0] if dated else None
        texts = list(dict.fromkeys(self.texts))
        return Document(
            key=key,
            kind=_most_common([r.kind for r in refs if r.kind != "named"]) or refs[0].kind,
            doc_type=_most_common([r.doc_type for r in refs]),
            code=_most_common([r.code for r in refs]),
            name=_most_common([r.name for r in refs]) or _most_common([r.subject for r in refs]),
            date=best.date if best else None,
            date_granularity=best.date_granularity if best else None,
            conflicting_dates=_conflicts(best, dated),
            issuer=_most_common([r.issuer for r in refs]),
            term=_most_common([r.term for r in refs]),
            scope=_most_common([r.scope for r in refs]),
            mentions=len(refs),
            texts=texts,
            first_text=texts[0],
            last_text=texts[-1],
        )


def _conflicts(best: Reference | None, dated: list[Reference]) -> list[datetime.date]:
    """The dates written with mentions that the most precise date does not fall within, in order, once each."""
    if best is None or best.date is None:
        return []
    found: list[datetime.date] = []
    for ref in dated:
        if ref.date is not None and not _covers(ref, best.date) and ref.date not in found:
            found.append(ref.date)
    return found


def _covers(ref: Reference, day: datetime.date) -> bool:
    """Whether `ref`'s date, at its granularity, includes `day`."""
    assert ref.date is not None
    if ref.date_granularity == "year":
        return ref.date.year == day.year
    if ref.date_granularity in ("month", "quarter"):
        return (ref.date.year, ref.date.month) == (day.year, day.month)
    return ref.date == day


def _most_common(values: list[Any]) -> Any:
    """The value written most often (the first written on a tie), ignoring None."""
    counted = Counter(value for value in values if value is not None)
    return max(counted, key=counted.__getitem__) if counted else None


def _attributes(doc: Document) -> dict[str, Any]:
    """A document's node attributes, without empty values (GraphML has no null)."""
    values = doc.model_dump(exclude={"texts", "conflicting_dates"})
    values["texts"] = len(doc.texts)
    values["conflicting_dates"] = " ".join(d.isoformat() for d in doc.conflicting_dates)
    out: dict[str, Any] = {"node": "document"}
    for name, value in values.items():
        if value is None or value == "":
            continue
        out[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return out


def _extractions(results: Iterable[Result], ids: Iterable[DocId] | None) -> Iterator[tuple[DocId, Extraction]]:
    """Each successful result's extraction with its id: the given one, else its own, else its position."""
    given = iter(ids) if ids is not None else None
    for position, result in enumerate(results):
        doc_id = next(given) if given is not None else result.id if isinstance(result, DocumentResult) else position
        extraction = result.extraction if isinstance(result, DocumentResult) else result
        if extraction is not None:
            yield doc_id, extraction


def _networkx() -> Any:
    try:
        import networkx
    except ImportError as exc:
        raise ImportError("this needs networkx: pip install 'partydocs[graph]'") from exc
    return networkx
