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

    The document id is `id_column`, else the index (as a string, like every id of `to_dataframe`); a
    missing (non-string) text gives no row.
    """
    map_partitions: Any = ddf.map_partitions  # dask leaves it unannotated
    result = map_partitions(_partition, text_column, id_column, meta=frame([]))
    return cast("dd.DataFrame", result)


def _partition(part: pd.DataFrame, text_column: str, id_column: str | None) -> pd.DataFrame:
    """Extract every text of one pandas partition into the reference frame."""
    ids = part[id_column] if id_column is not None else part.index
    rows: list[dict[str, Any]] = []
    for doc_id, text in zip(ids, part[text_column], strict=True):
        if isinstance(text, str):
            rows.extend(reference_rows([extract(text)], ids=[doc_id]))
    return frame(rows)
