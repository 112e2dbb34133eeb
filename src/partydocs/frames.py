"""Tables of references: plain rows, a pandas DataFrame, or a pyarrow Table (one row per reference)."""

from __future__ import annotations

import datetime
import importlib
import types
import typing
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from partydocs.batch import DocId, DocumentResult
from partydocs.models import Extraction, Reference

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

Result = Extraction | DocumentResult
COLUMNS: tuple[str, ...] = ("id", "ref_index", *Reference.model_fields)
"""The columns of every table: the document id, the reference's index in it, every Reference field."""


def reference_rows(results: Iterable[Result], ids: Iterable[DocId] | None = None) -> Iterator[dict[str, Any]]:
    """One dict per reference, keyed by `COLUMNS`; a failed `DocumentResult` gives no row."""
    for doc_id, result in _with_ids(results, ids):
        extraction = result.extraction if isinstance(result, DocumentResult) else result
        for index, ref in enumerate(extraction.references if extraction else []):
            yield {"id": doc_id, "ref_index": index, **ref.model_dump()}


def _with_ids(results: Iterable[Result], ids: Iterable[DocId] | None) -> Iterator[tuple[DocId, Result]]:
    """Pair each result with the given id, else its own (`DocumentResult.id`), else its position."""
    if ids is not None:
        yield from zip(ids, results, strict=True)
        return
    for position, result in enumerate(results):
        yield (result.id if isinstance(result, DocumentResult) else position), result


def to_dataframe(results: Iterable[Result], ids: Iterable[DocId] | None = None) -> pd.DataFrame:
    """A pandas DataFrame with one row per reference and typed columns (`COLUMNS`)."""
    rows = list(reference_rows(results, ids))
    id_dtype = "Int64" if rows and all(_is_int(row["id"]) for row in rows) else "string"
    return frame(rows, id_dtype)


def to_arrow(results: Iterable[Result], ids: Iterable[DocId] | None = None) -> pa.Table:
    """A pyarrow Table with the columns of `to_dataframe` (`date` as date32)."""
    pa = _require("pyarrow", "arrow")
    table = pa.Table.from_pandas(to_dataframe(results, ids), preserve_index=False)
    position = table.schema.get_field_index("date")
    return table.set_column(position, "date", table.column("date").cast(pa.date32()))


def frame(rows: list[dict[str, Any]], id_dtype: str) -> pd.DataFrame:
    """Build the typed DataFrame of `rows` with the given dtype for the `id` column."""
    pd = _require("pandas", "pandas")
    dtypes = {"id": id_dtype, "ref_index": "Int64", **column_dtypes()}
    data = {name: _column([row[name] for row in rows], dtypes[name]) for name in COLUMNS}
    return pd.DataFrame(data, columns=list(COLUMNS))


def column_dtypes() -> dict[str, str]:
    """The pandas dtype of each Reference field, from its annotation."""
    return {name: _dtype(field.annotation) for name, field in Reference.model_fields.items()}


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


def _is_int(value: object) -> bool:
    """True for an int that is not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


def _require(module: str, extra: str) -> Any:
    """Import an optional dependency, or explain which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"this needs {module}: pip install 'partydocs[{extra}]'") from exc
