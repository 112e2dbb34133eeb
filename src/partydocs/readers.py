"""Read documents from files: text, JSON Lines, JSON arrays, CSV, Parquet and Arrow, compressed or not.

Every reader yields records `(id, text)`; a record that cannot be read yields `(where, InputError)`
instead, naming the file and line (or row), and reading goes on with the next record. Compression
(gzip, bzip2, xz, zstd) and the binary formats are recognised by their first bytes, whatever the
file is called; the format of the text inside comes from the name without its compression suffix.
"""

from __future__ import annotations

import bz2
import csv
import errno
import gzip
import importlib
import io
import json
import lzma
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from partydocs.batch import DocId

FORMATS = ("auto", "txt", "jsonl", "json", "csv", "parquet", "arrow")
"""The values of `ReadOptions.input_format`; auto reads the format from the content and the name."""
_SUFFIX_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv",
    ".parquet": "parquet", ".pq": "parquet", ".arrow": "arrow", ".feather": "arrow", ".ipc": "arrow",
}
_CSV_FIELD_LIMIT = 2**31 - 1
_TABLE_BATCH_ROWS = 1024


class InputError(Exception):
    """A document or file that cannot be read; its message says why in one line."""


Record = tuple[DocId, "str | InputError"]


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: the format (auto: by content and name), the fields holding text and id,
    and whether folders hold HTML pages too."""

    input_format: str = "auto"
    text_field: str = "text"
    id_field: str = "id"
    html: bool = False


def read_paths(paths: Iterable[str], options: ReadOptions) -> Iterator[Record]:
    """The records of every path in turn: a file, a folder (recursive, sorted) or `-` for stdin."""
    for path in paths:
        yield from read_path(path, options)


def read_path(path: str, options: ReadOptions) -> Iterator[Record]:
    """The records of one path; a path that cannot be opened is one error record naming it."""
    if path == "-":
        try:
            yield from _read_stream(_Source.of_stream(_stdin(), "<stdin>"), options, stdin=True)
        except InputError as exc:
            yield "<stdin>", exc
        return
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except OSError as exc:
        yield path, InputError(exc.strerror or str(exc))
        return
    if is_dir:
        for file in walk_folder(path, _folder_suffixes(options)):
            yield from read_path(file, options) if isinstance(file, str) else [file]
    else:
        yield from _read_file(path, options)


def walk_folder(folder: str, suffixes: tuple[str, ...]) -> Iterator[str | Record]:
    """The files of `folder` with one of `suffixes`, recursively in sorted order (links followed once);
    a sub-folder or link that cannot be read is an error record naming it."""
    yield from _walk(folder, suffixes, set())


def _walk(folder: str, suffixes: tuple[str, ...], seen: set[tuple[int, int]]) -> Iterator[str | Record]:
    """`walk_folder` below `folder`, skipping the folders in `seen` (by device and inode)."""
    try:
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:
            yield folder, InputError("a link back into a folder already read (skipped)")
            return
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, InputError(f"cannot read the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield entry.path, InputError(exc.strerror or str(exc))
            continue
        if is_dir:
            yield from _walk(entry.path, suffixes, seen)
        elif entry.name.lower().endswith(suffixes):
            reason = _unreachable(entry.path)
            yield entry.path if reason is None else (entry.path, InputError(reason))


def _unreachable(path: str) -> str | None:
    """Why `path` (a link followed) cannot be looked at: a broken link, a looped one, the system's
    reason; None when it can."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            return f"a broken link (to {os.readlink(path)})"
        return exc.strerror or str(exc)
    return None


def count_records(paths: Iterable[str], options: ReadOptions) -> int | None:
    """How many records `read_paths` will give, when that is cheap to know (text files, folders,
    uncompressed JSON Lines, Parquet); None otherwise."""
    total = 0
    for path in paths:
        count = _count(path, options)
        if count is None:
            return None
        total += count
    return total


def _count(path: str, options: ReadOptions) -> int | None:
    """The records of one path, when cheap to know."""
    if path == "-":
        return None
    if os.path.isdir(path):
        return sum(1 for _ in walk_folder(path, _folder_suffixes(options)))
    try:
        with open(path, "rb") as stream:
            source = _Source.of_stream(stream, path, path)
            kind = _format_of(source, stdin=False) if options.input_format == "auto" else options.input_format
            if source.compressed or kind not in ("txt", "jsonl", "parquet"):
                return None
            if kind == "jsonl":
                return sum(1 for line in source.stream if line.strip())
    except (OSError, InputError):
        return 1
    return _parquet_rows(path) if kind == "parquet" else 1


def _parquet_rows(path: str) -> int | None:
    """The number of rows a Parquet file's footer gives; None when it cannot be read (an error comes later)."""
    try:
        return int(_pyarrow("pyarrow.parquet").ParquetFile(path).metadata.num_rows)
    except (InputError, OSError, ValueError):
        return None


def _folder_suffixes(options: ReadOptions) -> tuple[str, ...]:
    """The files read from a folder: text, and HTML pages with `html`."""
    return (".txt", ".html", ".htm") if options.html else (".txt",)


def _stdin() -> IO[bytes]:
    """The process's standard input, as bytes."""
    return sys.stdin.buffer


# --- sources: a file or stream, decompressed, with its first bytes known ---------------------------------

_COMPRESSIONS: dict[bytes, tuple[str, str]] = {
    b"\x1f\x8b": ("gzip", ".gz"),
    b"BZh": ("bzip2", ".bz2"),
    b"\xfd7zXZ\x00": ("xz", ".xz"),
    b"(\xb5/\xfd": ("zstd", ".zst"),
}
_LOOKS_LIKE: dict[bytes, str] = {
    b"PK\x03\x04": "a ZIP archive (unzip it first)",
    b"%PDF": "a PDF document (extract its text first)",
    b"\xff\xfe": "UTF-16 text (convert it to UTF-8)",
    b"\xfe\xff": "UTF-16 text (convert it to UTF-8)",
    b"\xd0\xcf\x11\xe0": "a Microsoft Office document (save it as text or CSV)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"7z\xbc\xaf": "a 7-Zip archive (unpack it first)",
    b"Rar!": "a RAR archive (unpack it first)",
    b"SQLite format 3": "an SQLite database",
    b"FEA1": "a Feather version 1 file (write it again with pyarrow as Arrow/Feather version 2)",
}


@dataclass
class _Source:
    """An open binary stream, its display name and the name its format is read from."""

    stream: IO[bytes]
    name: str
    format_name: str
    head: bytes
    path: str | None = None
    """The file on disk when the stream is that file itself (not decompressed), for random access."""
    compressed: bool = False

    @classmethod
    def of_stream(cls, stream: IO[bytes], name: str, path: str | None = None) -> _Source:
        """A source whose first bytes are peeked at; compressed data is decompressed on the fly."""
        buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(_Raw(stream))
        head = buffered.peek(16)[:16]
        format_name = name
        for magic, (method, suffix) in _COMPRESSIONS.items():
            if head.startswith(magic):
                if format_name.lower().endswith(suffix):
                    format_name = format_name[: -len(suffix)]
                inner = io.BufferedReader(_Raw(_decompress(method, buffered)))
                try:
                    inner_head = inner.peek(16)[:16]
                except _decompression_errors() as exc:
                    raise InputError(f"corrupt or truncated compressed data ({exc})") from None
                return cls(inner, name, format_name, inner_head, compressed=True)
        return cls(buffered, name, format_name, head, path)


class _Raw(io.RawIOBase):
    """A raw stream over any binary file object, so it can be buffered (and peeked at)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stream.close()
        super().close()


def _decompress(method: str, stream: IO[bytes]) -> IO[bytes]:
    """A stream of the decompressed bytes of `stream`."""
    if method == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=stream))
    if method == "bzip2":
        return cast(IO[bytes], bz2.BZ2File(stream))
    if method == "xz":
        return cast(IO[bytes], lzma.LZMAFile(stream))
    try:
        zstandard = importlib.import_module("zstandard")
    except ImportError as exc:
        raise InputError("Zstandard-compressed: pip install 'partydocs[zstd]' to read it") from exc
    return cast(IO[bytes], _ZstdFrames(stream, zstandard.ZstdDecompressor()))


class _ZstdFrames(io.RawIOBase):
    """The decompressed bytes of consecutive zstd frames; data that ends inside a frame raises EOFError
    (zstandard's own stream reader stops there without a word)."""

    def __init__(self, stream: IO[bytes], decompressor: Any) -> None:
        self._stream = stream
        self._decompressor = decompressor
        self._frame = decompressor.decompressobj()
        self._begun = False
        self._out = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._out:
            data = self._stream.read(1 << 16)
            if not data:
                if self._begun and not self._frame.eof:
                    raise EOFError("the zstd data ends inside a frame")
                return 0
            self._out = memoryview(self._decompress(data))
        size = min(len(buffer), len(self._out))
        buffer[:size] = self._out[:size]
        self._out = self._out[size:]
        return size

    def _decompress(self, data: bytes) -> bytes:
        """Feed `data` to the frame being read, starting a new frame wherever one ends."""
        out = []
        while data:
            if self._frame.eof:
                self._frame = self._decompressor.decompressobj()
            self._begun = True
            out.append(self._frame.decompress(data))
            data = self._frame.unused_data if self._frame.eof else b""
        return b"".join(out)


def _decompression_errors() -> tuple[type[Exception], ...]:
    """What a corrupt or cut compressed stream raises while it is read."""
    zstandard = sys.modules.get("zstandard")
    extra = (zstandard.ZstdError,) if zstandard is not None else ()
    return (EOFError, lzma.LZMAError, OSError, ValueError, *extra)


def _read_file(path: str, options: ReadOptions) -> Iterator[Record]:
    """Open one file and read its records; an OSError is one error record naming the file."""
    try:
        with open(path, "rb") as stream:
            yield from _read_stream(_Source.of_stream(stream, path, path), options, stdin=False)
    except OSError as exc:
        yield path, InputError(exc.strerror or str(exc))
    except InputError as exc:
        yield path, exc


def _read_stream(source: _Source, options: ReadOptions, *, stdin: bool) -> Iterator[Record]:
    """Read a source in its format: the one asked for, else what its first bytes and name say."""
    kind = options.input_format
    if kind == "auto":
        kind = _format_of(source, stdin)
    if kind.startswith("error:"):
        yield source.name, InputError(f"not a format partydocs reads: it looks like {kind[6:]}")
        return
    if not source.compressed:
        yield from _READERS[kind](source, options)
        return
    try:
        yield from _READERS[kind](source, options)
    except _decompression_errors() as exc:
        if isinstance(exc, OSError) and exc.errno is not None:
            raise
        yield source.name, InputError(f"corrupt or truncated compressed data ({exc})")


def _format_of(source: _Source, stdin: bool) -> str:
    """The format of a source from its first bytes, else from its name; `error:...` for a known other kind."""
    head = source.head
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"ARROW1") or head.startswith(b"\xff\xff\xff\xff"):
        return "arrow"
    for magic, looks in _LOOKS_LIKE.items():
        if head.startswith(magic):
            return "error:" + looks
    if stdin:
        return "txt"
    return _SUFFIX_FORMATS.get(Path(source.format_name).suffix.lower(), "txt")


# --- the formats ------------------------------------------------------------------------------------------


def _read_txt(source: _Source, options: ReadOptions) -> Iterator[Record]:
    """The whole source as one document whose id is its name."""
    data = source.stream.read()
    yield source.name, decode(data)


def decode(data: bytes) -> str | InputError:
    """Decode UTF-8 exactly (a BOM dropped, line ends kept, so offsets index the file's characters)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){_hint(data)}")


def _hint(data: bytes) -> str:
    """What undecodable bytes look like, as a clause to add to the error."""
    sample = data[:4096]
    if b"\x00" in sample:
        return "; it looks like binary data, or UTF-16/32 text without a byte order mark"
    return "; it looks like text in another encoding (Windows-1258, TCVN3 or Latin-1?): convert it to UTF-8"


def _read_jsonl(source: _Source, options: ReadOptions) -> Iterator[Record]:
    """One document per non-blank JSON line: an object with a string text field."""
    for lineno, raw in enumerate(source.stream, 1):
        if raw.strip():
            yield _json_line(raw, f"{source.name}:{lineno}", options)


def _json_line(raw: bytes, where: str, options: ReadOptions) -> Record:
    """The record of one JSON line."""
    try:
        value = json.loads(raw.rstrip(b"\r\n").decode("utf-8-sig"))
    except UnicodeDecodeError:
        return where, InputError("not valid UTF-8")
    except json.JSONDecodeError as exc:
        return where, InputError(f"malformed JSON ({exc.msg} at column {exc.colno})")
    return record(value, where, options)


def _read_json(source: _Source, options: ReadOptions) -> Iterator[Record]:
    """A JSON array of objects (one document each), one object, or JSON Lines written as .json."""
    data = source.stream.read()
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield source.name, InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})")
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from _read_jsonl(_Source(io.BytesIO(data), source.name, source.format_name, source.head), options)
        else:
            yield source.name, InputError(f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield record(item, f"{source.name}[{index}]", options)
    else:
        yield record(value, source.name, options)


def _read_csv(source: _Source, options: ReadOptions) -> Iterator[Record]:
    """One document per CSV row; a row with a bad byte or a stray line break is one error record."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    rows = _csv_rows(_Lines(source.stream))
    first = next(rows, None)
    if first is None:
        return
    header = first[1]
    if isinstance(header, csv.Error):
        yield f"{source.name}:1", InputError(f"bad CSV header ({header})")
        return
    if options.text_field not in header:
        yield source.name, InputError(f"no column {options.text_field!r} (columns: {', '.join(header)})")
        return
    for line, row in rows:
        where = f"{source.name}:{line}"
        if isinstance(row, csv.Error):
            yield where, InputError(f"bad CSV ({row})")
        elif any(_UNDECODED.search(cell) for cell in row):
            yield where, InputError("not valid UTF-8")
        elif len(row) != len(header):
            yield where, InputError(f"{len(row)} fields where the header has {len(header)}")
        else:
            yield record(dict(zip(header, row, strict=True)), where, options)


_UNDECODED = re.compile("[\udc80-\udcff]")
"""What a byte that is not UTF-8 becomes when decoded with surrogateescape."""


_STRAY_CR = "a stray carriage return splits the line"


def _csv_rows(lines: _Lines) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """The non-blank rows with the line each starts on; reading goes on after a bad row, and the
    rows that a stray carriage return split one line into come out as one error."""
    reader = csv.reader(lines)
    held: tuple[int, list[str] | csv.Error] | None = None
    while True:
        before = lines.count
        try:
            row: list[str] | csv.Error = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row = csv.Error(_STRAY_CR) if "new-line character" in str(exc) else exc
        if held is not None and lines.count == before:
            held = held[0], csv.Error(_STRAY_CR)
            continue
        if held is not None:
            yield held
        held = (before + 1, row) if row != [] else None
    if held is not None:
        yield held


class _Lines:
    """The lines of a binary stream decoded as UTF-8 (bad bytes kept as lone surrogates), counted."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.count = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self._stream.readline()
        if not raw:
            raise StopIteration
        self.count += 1
        return raw.decode("utf-8-sig" if self.count == 1 else "utf-8", "surrogateescape")


def _read_parquet(source: _Source, options: ReadOptions) -> Iterator[Record]:
    """One document per row of a Parquet file, read a batch of rows at a time."""
    parquet = _pyarrow("pyarrow.parquet")
    table_file = parquet.ParquetFile(source.path or _in_memory(source))
    columns = _table_columns(table_file.schema_arrow.names, source.name, options)
    if isinstance(columns, InputError):
        yield source.name, columns
        return
    batches = table_file.iter_batches(batch_size=_TABLE_BATCH_ROWS, columns=columns)
    yield from _table_records(batches, source.name, options)


def _read_arrow(source: _Source, options: ReadOptions) -> Iterator[Record]:
    """One document per row of an Arrow IPC file (Feather version 2) or stream."""
    ipc = _pyarrow("pyarrow.ipc")
    if source.head.startswith(b"ARROW1"):
        table_file = ipc.open_file(source.path or _in_memory(source))
        names = table_file.schema.names
        batches = (table_file.get_batch(i) for i in range(table_file.num_record_batches))
    else:
        stream = ipc.open_stream(source.stream)
        names, batches = stream.schema.names, iter(stream)
    columns = _table_columns(names, source.name, options)
    if isinstance(columns, InputError):
        yield source.name, columns
        return
    yield from _table_records((batch.select(columns) for batch in batches), source.name, options)


def _pyarrow(module: str) -> Any:
    """A pyarrow module, or an error that names the extra installing it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise InputError("Parquet and Arrow files need pyarrow: pip install 'partydocs[arrow]'") from exc


def _in_memory(source: _Source) -> io.BytesIO:
    """The whole (decompressed) source in memory, for formats that need random access."""
    return io.BytesIO(source.stream.read())


def _table_columns(names: list[str], name: str, options: ReadOptions) -> list[str] | InputError:
    """The text column and, if present, the id column; an error when the text column is missing."""
    if options.text_field not in names:
        return InputError(f"no column {options.text_field!r} (columns: {', '.join(names)})")
    return [options.text_field] + ([options.id_field] if options.id_field in names else [])


def _table_records(batches: Iterable[Any], name: str, options: ReadOptions) -> Iterator[Record]:
    """The records of Arrow record batches; the default id is `name[row]`, counted from 0."""
    row = 0
    for batch in batches:
        for values in batch.to_pylist():
            yield record(values, f"{name}[{row}]", options)
            row += 1


_READERS: dict[str, Callable[[_Source, ReadOptions], Iterator[Record]]] = {
    "txt": _read_txt, "jsonl": _read_jsonl, "json": _read_json, "csv": _read_csv,
    "parquet": _read_parquet, "arrow": _read_arrow,
}


def record(value: object, where: str, options: ReadOptions) -> Record:
    """The (id, text) of a JSON object, CSV row or table row; the id defaults to `where`."""
    if not isinstance(value, Mapping):
        return where, InputError(f"expected a JSON object, got {type(value).__name__}")
    text = value.get(options.text_field)
    if not isinstance(text, str):
        return where, InputError(f"no string field {options.text_field!r}")
    doc_id = value.get(options.id_field)
    if doc_id is None or doc_id == "":
        return where, text
    return (doc_id if isinstance(doc_id, int | str) and not isinstance(doc_id, bool) else str(doc_id)), text
