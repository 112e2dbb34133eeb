"""Extract references from a Dask DataFrame of texts, partition by partition (needs `partydocs[dask]`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from partydocs.frames import frame, reference_rows
from partydocs.pipeline import extract

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd


def extract_dataframe(ddf: dd.DataFrame, text_column: str, id_column: str | None = None) -> dd.DataFrame:
    """A lazy Dask DataFrame of references, with the columns of `partydocs.to_dataframe`.

    The document id is `id_column`, else the index; a missing (non-string) text gives no row.
    """
    id_dtype = _id_dtype(ddf[id_column].dtype if id_column is not None else ddf.index.dtype)
    map_partitions: Any = ddf.map_partitions  # dask leaves it unannotated
    result = map_partitions(_partition, text_column, id_column, id_dtype, meta=frame([], id_dtype))
    return cast("dd.DataFrame", result)


def _id_dtype(dtype: Any) -> str:
    """Integer ids stay integers (nullable Int64); any other id becomes a string."""
    import pandas as pd

    return "Int64" if pd.api.types.is_integer_dtype(dtype) else "string"


def _partition(part: pd.DataFrame, text_column: str, id_column: str | None, id_dtype: str) -> pd.DataFrame:
    """Extract every text of one pandas partition into the reference frame."""
    ids = part[id_column] if id_column is not None else part.index
    rows: list[dict[str, Any]] = []
    for doc_id, text in zip(ids, part[text_column], strict=True):
        if isinstance(text, str):
            key = str(doc_id) if id_dtype == "string" else int(doc_id)
            rows.extend(reference_rows([extract(text)], ids=[key]))
    return frame(rows, id_dtype)
