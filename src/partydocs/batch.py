"""Extract from many documents, lazily, in input order, optionally in worker processes.

Worker processes may die (killed, out of memory): the document a worker was extracting is retried once
in a fresh worker, and one that kills a worker twice becomes an error result (`WorkerDied: ...`), so
every input still gives exactly one result, in order.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping, Sized
from dataclasses import dataclass
from itertools import islice
from multiprocessing.connection import Connection, wait
from typing import Any

from pydantic import BaseModel

from partydocs.models import Extraction, Reference
from partydocs.pipeline import extract

DocId = str | int
Outcome = tuple[Extraction | None, str | None]
_MAX_CHUNK = 64
_STREAM_CHUNK = 16
Results = Generator["DocumentResult", None, None]
_WARM_TEXT = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
_STOP_SECONDS = 5.0
"""How long a worker is given to finish on its own before it is killed."""


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
    total: int | None = None,
) -> Results:
    """Yield one `DocumentResult` per item of `texts` (str, `(id, text)` or dict), in input order.

    The input is consumed lazily; `n_jobs > 1` (or -1 for every CPU) runs `extract` in worker processes,
    which end when the results are exhausted or closed; `chunksize` documents go to a worker at a time
    (by default `_chunk_size`). `html=True` reads every text as an HTML page (`extract(text, html=True)`).
    A text that is an exception (a reader's error) gives an error result with its message. `total` is the
    number of items for the progress bar, when `texts` has no length.
    """
    if chunksize is not None and chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    workers = _worker_count(n_jobs)
    bar = _progress_bar(total if total is not None else len(texts) if isinstance(texts, Sized) else None) \
        if progress else None
    items = _items(texts, text_field, id_field)
    size = chunksize or _chunk_size(texts, workers)
    results = _serial(items, html) if workers == 1 else _parallel(items, workers, size, html)
    return _with_progress(results, bar) if bar is not None else results


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
    if isinstance(text, Exception):
        return str(text)
    if isinstance(text, _Missing):
        return f"no {text.field!r} field in the item"
    return f"TypeError: expected str text, got {type(text).__name__}"


def _run(text: str, html: bool) -> Outcome:
    """Extract one text, turning any exception into an error message."""
    try:
        return extract(text, html=html), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {exc}"


def _warm() -> None:
    """Load the tables and tokenizer once per worker process."""
    with contextlib.suppress(Exception):
        extract(_WARM_TEXT)


def _serial(items: Iterator[tuple[DocId, Any]], html: bool) -> Results:
    """Extract in this process, one item at a time."""
    for doc_id, text in items:
        error = _check(text)
        extraction, error = (None, error) if error else _run(text, html)
        yield DocumentResult(id=doc_id, extraction=extraction, error=error)


# --- worker processes ------------------------------------------------------------------------------------


@dataclass
class _Chunk:
    """Consecutive items, their outcomes filled in as workers send them (an item already failed has its own)."""

    ids: list[DocId]
    outcomes: list[Outcome | None]
    missing: int

    def results(self) -> Iterator[DocumentResult]:
        """The finished chunk's results, in order."""
        for doc_id, outcome in zip(self.ids, self.outcomes, strict=True):
            extraction, error = outcome or (None, "no outcome")
            yield DocumentResult(id=doc_id, extraction=extraction, error=error)

    def fill(self, position: int, outcome: Outcome) -> None:
        """Record the outcome of the item at `position`."""
        self.outcomes[position] = outcome
        self.missing -= 1


@dataclass
class _Task:
    """Texts of one chunk for one worker; `retry` marks one document retried after its worker died."""

    chunk: _Chunk
    positions: list[int]
    texts: list[str]
    retry: bool = False


def _chunks(items: Iterator[tuple[DocId, Any]], size: int) -> Iterator[tuple[_Chunk, _Task | None]]:
    """Group items into chunks, each with the task of its texts (None when every item already failed)."""
    while batch := list(islice(items, size)):
        errors = [_check(text) for _, text in batch]
        outcomes: list[Outcome | None] = [(None, error) if error else None for error in errors]
        positions = [i for i, error in enumerate(errors) if error is None]
        chunk = _Chunk([doc_id for doc_id, _ in batch], outcomes, len(positions))
        yield chunk, _Task(chunk, positions, [batch[i][1] for i in positions]) if positions else None


@dataclass
class _Worker:
    """A worker process, the end of its pipe, and the task it is working on."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    task: _Task | None = None
    answered: int = 0

    @classmethod
    def start(cls, html: bool) -> _Worker:
        """Start a worker in this process group; Ctrl-C is for the parent, which then ends it."""
        context = multiprocessing.get_context()
        parent_end, child_end = context.Pipe()
        process = context.Process(target=_work, args=(child_end, html), daemon=True, name="partydocs-worker")
        with _signals_held():
            process.start()
        child_end.close()
        return cls(process, parent_end)

    def give(self, task: _Task) -> None:
        """Send the worker a task."""
        self.task, self.answered = task, 0
        self.conn.send(task.texts)

    def receive(self) -> None:
        """Take in every outcome the worker has sent so far."""
        while self.task is not None and self.conn.poll():
            try:
                outcome: Outcome = self.conn.recv()
            except (EOFError, OSError):
                return
            self.task.chunk.fill(self.task.positions[self.answered], outcome)
            self.answered += 1
            if self.answered == len(self.task.positions):
                self.task = None

    def stop(self, graceful: bool) -> None:
        """Ask the worker to finish (or terminate it), and wait for it to end."""
        with contextlib.suppress(OSError):
            if graceful:
                self.conn.send(None)
            else:
                self.process.terminate()
        self.process.join(_STOP_SECONDS)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Pool:
    """Worker processes extracting chunks, at most two chunks per worker in flight, results in order."""

    def __init__(self, size: int, html: bool) -> None:
        self.size = size
        self.html = html
        self.workers: list[_Worker] = []
        self.todo: deque[_Task] = deque()

    def run(self, chunks: Iterator[tuple[_Chunk, _Task | None]]) -> Iterator[DocumentResult]:
        """Yield the results of every chunk, in order, as the head chunks finish."""
        while len(self.workers) < self.size:
            self.workers.append(_Worker.start(self.html))
        window: deque[_Chunk] = deque()
        while True:
            while len(window) < 2 * self.size and (pair := next(chunks, None)) is not None:
                window.append(pair[0])
                if pair[1] is not None:
                    self.todo.append(pair[1])
            if not window:
                return
            while window and window[0].missing == 0:
                yield from window.popleft().results()
            if window:
                self._step()

    def _step(self) -> None:
        """Hand out tasks, wait for outcomes or a death, take them in."""
        for worker in self.workers:
            if worker.task is None and self.todo:
                worker.give(self.todo.popleft())
        watched = [w.conn for w in self.workers if w.task] + [w.process.sentinel for w in self.workers]
        wait(watched)
        for index, worker in enumerate(self.workers):
            worker.receive()
            if not worker.process.is_alive():
                self.workers[index] = self._replace(worker)

    def _replace(self, dead: _Worker) -> _Worker:
        """A fresh worker in place of a dead one; the document the dead one was extracting is retried in
        it, or, if it was already a retry, fails; the rest of the dead one's task goes back to the queue."""
        dead.stop(graceful=False)
        fresh = _Worker.start(self.html)
        task = dead.task
        if task is None:
            return fresh
        at = dead.answered
        rest = _Task(task.chunk, task.positions[at + 1 :], task.texts[at + 1 :])
        if rest.positions:
            self.todo.appendleft(rest)
        if task.retry:
            why = _death(dead.process.exitcode)
            task.chunk.fill(task.positions[at], (None, f"WorkerDied: the worker {why} twice on this document"))
        else:
            fresh.give(_Task(task.chunk, [task.positions[at]], [task.texts[at]], retry=True))
        return fresh

    def close(self, graceful: bool) -> None:
        """End every worker: let them finish when all went well, else terminate them."""
        for worker in self.workers:
            worker.stop(graceful)


def _death(exitcode: int | None) -> str:
    """How a worker process ended, in words."""
    if exitcode is not None and exitcode < 0:
        return f"was killed by {signal.Signals(-exitcode).name}"
    return f"exited with status {exitcode}"


def _parallel(
    items: Iterator[tuple[DocId, Any]], workers: int, chunksize: int, html: bool
) -> Results:
    """Extract in worker processes, yielding in order; the workers end with the generator."""
    pool = _Pool(workers, html)
    finished = False
    try:
        yield from pool.run(_chunks(items, chunksize))
        finished = True
    finally:
        pool.close(graceful=finished)


def _work(conn: Connection, html: bool) -> None:
    """Worker process: extract the texts of each task, sending one outcome per text as it is done."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD_SIGNALS)
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    _warm()
    with contextlib.suppress(EOFError, OSError):
        while (texts := conn.recv()) is not None:
            for text in texts:
                conn.send(_run(text, html))


def _exit_with_parent() -> None:
    """End this worker as soon as its parent process is gone (killed, even with SIGKILL)."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(1)


_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back in this thread while a worker starts, so that a worker forked from it
    receives them only once it has set its own handling (Ctrl-C ignored: the parent ends it)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _progress_bar(total: int | None) -> Any:
    """A tqdm bar counting documents per second."""
    try:
        from tqdm.auto import tqdm
    except ImportError as exc:
        raise ImportError("progress=True needs tqdm: pip install 'partydocs[progress]'") from exc
    return tqdm(total=total, unit="doc", desc="partydocs")


def _with_progress(results: Results, bar: Any) -> Results:
    """Pass `results` on, advancing the bar; closing this closes `results` too."""
    with bar, contextlib.closing(results):
        for result in results:
            yield result
            bar.update()
