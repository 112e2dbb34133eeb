"""Extract from many documents, lazily, in input order, optionally in worker processes."""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from pydantic import BaseModel

from partydocs.models import Extraction, Reference
from partydocs.pipeline import extract

DocId = str | int
Outcome = tuple[Extraction | None, str | None]
_MAX_CHUNK = 64
_STREAM_CHUNK = 16
_WARM_TEXT = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"


class DocumentResult(BaseModel):
    """The outcome for one input document: an `extraction`, or an `error` message."""

    id: DocId
    extraction: Extraction | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the document was extracted without error."""
        return self.error is None

    @property
    def references(self) -> list[Reference]:
        """The references found, or an empty list when the document failed."""
        return self.extraction.references if self.extraction else []


def extract_many(
    texts: Iterable[Any],
    *,
    n_jobs: int = 1,
    progress: bool = False,
    chunksize: int | None = None,
    text_field: str = "text",
    id_field: str = "id",
    html: bool = False,
) -> Iterator[DocumentResult]:
    """Yield one `DocumentResult` per item of `texts` (str, `(id, text)` or dict), in input order.

    The input is consumed lazily; `n_jobs > 1` (or -1 for every CPU) runs `extract` in worker processes,
    `chunksize` documents at a time (by default `_chunk_size`). `html=True` reads every text as an HTML
    page (`extract(text, html=True)`).
    """
    if chunksize is not None and chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    workers = _worker_count(n_jobs)
    items = _items(texts, text_field, id_field)
    size = chunksize or _chunk_size(texts, workers)
    results = _serial(items, html) if workers == 1 else _parallel(items, workers, size, html)
    return _with_progress(results, texts) if progress else results


def _chunk_size(texts: Iterable[Any], workers: int) -> int:
    """Four chunks per worker for an input of known length (so two workers share even a small batch),
    at most `_MAX_CHUNK` documents; `_STREAM_CHUNK` for an input of unknown length."""
    if not isinstance(texts, Sized):
        return _STREAM_CHUNK
    return max(1, min(_MAX_CHUNK, -(-len(texts) // (4 * workers))))


def _worker_count(n_jobs: int) -> int:
    """Resolve `n_jobs` (-1 means every CPU) to a positive number of processes."""
    if n_jobs == -1:
        return os.cpu_count() or 1
    if n_jobs < 1:
        raise ValueError("n_jobs must be a positive number of processes, or -1 for every CPU")
    return n_jobs


def _items(texts: Iterable[Any], text_field: str, id_field: str) -> Iterator[tuple[DocId, Any]]:
    """Turn each input item into `(id, text)`; the text is left unchecked (`_check` reports it)."""
    for position, item in enumerate(texts):
        if isinstance(item, tuple) and len(item) == 2:
            yield _doc_id(item[0], position), item[1]
        elif isinstance(item, Mapping):
            yield _doc_id(item.get(id_field), position), item.get(text_field, _Missing(text_field))
        else:
            yield position, item


def _doc_id(value: object, position: int) -> DocId:
    """The id written with an item, else its position in the input."""
    if value is None:
        return position
    if isinstance(value, str | int) and not isinstance(value, bool):
        return value
    return str(value)


class _Missing:
    """Stands for the text of a dict that has no text field."""

    def __init__(self, field: str) -> None:
        self.field = field


def _check(text: object) -> str | None:
    """The error message for an item that is not a text, else None."""
    if isinstance(text, str):
        return None
    if isinstance(text, _Missing):
        return f"no {text.field!r} field in the item"
    return f"TypeError: expected str text, got {type(text).__name__}"


def _run(text: str, html: bool) -> Outcome:
    """Extract one text, turning any exception into an error message."""
    try:
        return extract(text, html=html), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"


def _run_chunk(texts: list[str | None], html: bool) -> list[Outcome]:
    """Worker task: extract every text of a chunk (None marks an item already failed)."""
    return [_run(text, html) if text is not None else (None, None) for text in texts]


def _warm() -> None:
    """Worker initializer: load the tables and tokenizer once per process."""
    with contextlib.suppress(Exception):
        extract(_WARM_TEXT)


def _serial(items: Iterator[tuple[DocId, Any]], html: bool) -> Iterator[DocumentResult]:
    """Extract in this process, one item at a time."""
    for doc_id, text in items:
        error = _check(text)
        extraction, error = (None, error) if error else _run(text, html)
        yield DocumentResult(id=doc_id, extraction=extraction, error=error)


_Chunk = tuple[list[DocId], list[str | None], list[str | None]]


def _chunks(items: Iterator[tuple[DocId, Any]], size: int) -> Iterator[_Chunk]:
    """Group items into (ids, texts, errors) chunks; a failed item has text None and its error set."""
    while batch := list(islice(items, size)):
        errors = [_check(text) for _, text in batch]
        texts = [None if error else text for (_, text), error in zip(batch, errors, strict=True)]
        yield [doc_id for doc_id, _ in batch], texts, errors


def _parallel(
    items: Iterator[tuple[DocId, Any]], workers: int, chunksize: int, html: bool
) -> Iterator[DocumentResult]:
    """Extract in worker processes, at most two chunks per worker in flight, yielding in order."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm)
    pending: deque[tuple[_Chunk, Future[list[Outcome]]]] = deque()
    try:
        for chunk in _chunks(items, chunksize):
            pending.append((chunk, pool.submit(_run_chunk, chunk[1], html)))
            if len(pending) >= 2 * workers:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: _Chunk, future: Future[list[Outcome]]) -> Iterator[DocumentResult]:
    """The results of one finished chunk; a crashed worker fails every item of its chunk."""
    ids, _, errors = chunk
    try:
        outcomes = future.result()
    except Exception as exc:
        outcomes = [(None, f"{type(exc).__name__}: {exc}")] * len(ids)
    for doc_id, error, (extraction, run_error) in zip(ids, errors, outcomes, strict=True):
        yield DocumentResult(id=doc_id, extraction=extraction, error=error or run_error)


def _with_progress(results: Iterator[DocumentResult], texts: Iterable[Any]) -> Iterator[DocumentResult]:
    """Wrap `results` in a tqdm bar counting documents per second."""
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:
        raise ImportError("progress=True needs tqdm: pip install 'partydocs[progress]'") from exc
    total = len(texts) if isinstance(texts, Sized) else None
    return iter(tqdm(results, total=total, unit="doc", desc="partydocs"))
