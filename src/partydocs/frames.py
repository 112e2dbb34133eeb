"""Tables of references (or dates, bodies, anaphora, relations): plain rows, a pandas DataFrame, a pyarrow Table."""

from __future__ import annotations

import datetime
import importlib
import types
import typing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from partydocs.batch import DocId, DocumentResult
from partydocs.models import Anaphor, BodyMention, DateMention, Extraction, Mention, Reference, date_text

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

Result = Extraction | DocumentResult
What = Literal["references", "dates", "bodies", "anaphora", "relations"]


def _fields_with_date_text() -> tuple[str, ...]:
    """The Reference fields, `date_text` right after `date`."""
    fields = list(Reference.model_fields)
    fields.insert(fields.index("date") + 1, "date_text")
    return tuple(fields)


COLUMNS: tuple[str, ...] = ("id", "ref_index", *_fields_with_date_text())
"""The columns of a table of references: the document id, the reference's index in it, every Reference field and
`date_text` (the date at the precision written: `2015`, `2022-03`, `2022-03-09`)."""
_RELATION_COLUMNS = ("source", "target", "type", "cue_text", "cue_start", "cue_end")
_RELATION_DTYPES = dict(zip(_RELATION_COLUMNS, ("Int64", "Int64", "string", "string", "Int64", "Int64"), strict=True))
_MODELS: dict[str, type[Mention]] = {"dates": DateMention, "bodies": BodyMention, "anaphora": Anaphor}
_INDEX = {
    "references": "ref_index", "dates": "date_index", "bodies": "body_index", "anaphora": "anaphor_index",
    "relations": "relation_index",
}


def columns(what: What = "references") -> tuple[str, ...]:
    """The columns of the table of `what`: `id`, the item's index in its document, then its fields."""
    if what == "references":
        return COLUMNS
    if what == "relations":
        return ("id", _INDEX[what], *_RELATION_COLUMNS)
    return ("id", _INDEX[_checked(what)], *_MODELS[what].model_fields)


def _checked(what: str) -> str:
    """`what`, if it names a table; else ValueError."""
    if what not in _INDEX:
        raise ValueError(f"what must be one of {', '.join(_INDEX)}, got {what!r}")
    return what


def reference_rows(
    results: Iterable[Result], ids: Iterable[DocId] | None = None, *, include_empty: bool = False
) -> Iterator[dict[str, Any]]:
    """One dict per reference, keyed by `COLUMNS`; a failed `DocumentResult` gives no row."""
    return rows(results, ids, "references", include_empty=include_empty)


def rows(
    results: Iterable[Result], ids: Iterable[DocId] | None = None, what: What = "references", *,
    include_empty: bool = False,
) -> Iterator[dict[str, Any]]:
    """One dict per item of `what` (references, dates, bodies, anaphora, relations), keyed by `columns(what)`.
    With `include_empty`, a text that has none gives one row of its id and nulls, so every text read has a row."""
    index = _INDEX[_checked(what)]
    for doc_id, result in _with_ids(results, ids):
        extraction = result.extraction if isinstance(result, DocumentResult) else result
        empty = True
        for position, item in enumerate(_items(extraction, what) if extraction else []):
            empty = False
            yield {"id": doc_id, index: position, **item}
        if include_empty and empty and extraction is not None:
            yield {**dict.fromkeys(columns(what)), "id": doc_id}


def _items(extraction: Extraction, what: str) -> Iterator[dict[str, Any]]:
    """The items of one extraction as flat dicts of their fields."""
    if what == "references":
        for ref in extraction.references:
            fields = ref.model_dump() | {"date_text": date_text(ref.date, ref.date_granularity)}
            yield {name: fields[name] for name in COLUMNS[2:]}
    elif what == "relations":
        for relation in extraction.relations:
            cue = relation.cue
            yield {"source": relation.source, "target": relation.target, "type": relation.type,
                   "cue_text": cue.text, "cue_start": cue.start, "cue_end": cue.end}
    else:
        yield from (item.model_dump() for item in getattr(extraction, what))


def _with_ids(results: Iterable[Result], ids: Iterable[DocId] | None) -> Iterator[tuple[DocId, Result]]:
    """Pair each result with the given id, else its own (`DocumentResult.id`), else its position."""
    if ids is not None:
        yield from zip(ids, results, strict=True)
        return
    for position, result in enumerate(results):
        yield (result.id if isinstance(result, DocumentResult) else position), result


def to_dataframe(
    results: Iterable[Result], ids: Iterable[DocId] | None = None, what: What = "references", *,
    include_empty: bool = False,
) -> pd.DataFrame:
    """A pandas DataFrame with one row per reference (or date, body, anaphor, relation: `what`), typed columns:
    the same columns and dtypes for any input, an empty one included. Ids are always strings (`0` is `"0"`).
    `include_empty=True` adds a row of nulls for each text without any."""
    return frame(list(rows(results, ids, what, include_empty=include_empty)), what)


def to_arrow(
    results: Iterable[Result], ids: Iterable[DocId] | None = None, what: What = "references", *,
    include_empty: bool = False,
) -> pa.Table:
    """A pyarrow Table with the columns of `to_dataframe` and one schema for any input (`arrow_schema`), so the
    tables of several batches go into one Parquet dataset."""
    pa = _require("pyarrow", "arrow")
    found = [{**row, "id": str(row["id"])} for row in rows(results, ids, what, include_empty=include_empty)]
    return pa.Table.from_pylist(found, schema=arrow_schema(what))


def arrow_schema(what: What = "references") -> pa.Schema:
    """The pyarrow schema of `to_arrow`: ids as strings, dates as date32, every field by its annotation."""
    pa = _require("pyarrow", "arrow")
    types = {"string": pa.string(), "Int64": pa.int64(), "boolean": pa.bool_(), "datetime64[s]": pa.date32()}
    dtypes = _dtypes(what)
    return pa.schema([(name, types.get(dtypes[name], pa.string())) for name in columns(what)])


def frame(rows: list[dict[str, Any]], what: What = "references") -> pd.DataFrame:
    """Build the typed DataFrame of `rows` (of `what`); the `id` column is a string whatever the ids' type."""
    pd = _require("pandas", "pandas")
    names = columns(what)
    dtypes = _dtypes(what)
    data = {name: _column([row[name] for row in rows], dtypes[name]) for name in names[1:]}
    ids = pd.Series([str(row["id"]) for row in rows], dtype="string")
    return pd.DataFrame({"id": ids, **data}, columns=list(names))


def _dtypes(what: What) -> dict[str, str]:
    """The pandas dtype of every column of the table of `what`."""
    return {"id": "string", columns(what)[1]: "Int64", **column_dtypes(what)}


def column_dtypes(what: What = "references") -> dict[str, str]:
    """The pandas dtype of each field of `what`, from its annotation (`date_text` is a string)."""
    if what == "relations":
        return dict(_RELATION_DTYPES)
    model = Reference if what == "references" else _MODELS[_checked(what)]
    dtypes = {name: _dtype(field.annotation) for name, field in model.model_fields.items()}
    return dtypes | {"date_text": "string"} if what == "references" else dtypes


def _dtype(annotation: Any) -> str:
    """Map a field annotation to a pandas dtype: nullable ints, strings, booleans, datetime64."""
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        return _dtype(args[0])
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "Int64"
    if annotation is str or typing.get_origin(annotation) is Literal:
        return "string"
    if annotation is datetime.date:
        return "datetime64[s]"
    return "object"


def _column(values: list[Any], dtype: str) -> Any:
    """A pandas Series of `values` with `dtype` (dates go through numpy days, so no ns overflow)."""
    pd = _require("pandas", "pandas")
    if dtype.startswith("datetime64"):
        np = _require("numpy", "pandas")
        days = [value if value is not None else "NaT" for value in values]
        return pd.Series(np.array(days, dtype="datetime64[D]").astype(dtype))
    return pd.Series(values, dtype=dtype)


def _require(module: str, extra: str) -> Any:
    """Import an optional dependency, or explain which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"this needs {module}: pip install 'partydocs[{extra}]'") from exc
