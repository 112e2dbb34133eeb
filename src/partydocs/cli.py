"""The `partydocs` command: extract references from files, highlight documents as an HTML page, print the schema."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from partydocs import __version__
from partydocs.annotate import KINDS, checked_kinds
from partydocs.batch import DocId, DocumentResult, extract_many
from partydocs.frames import COLUMNS, reference_rows
from partydocs.models import Extraction, plural
from partydocs.render import display

Doc = tuple[DocId, str]
TABLE_COLUMNS = ("id", "ref_index", "start", "end", "kind", "code", "doc_type", "date", "issuer", "term")
_CSV_FIELD_LIMIT = 2**31 - 1


class InputError(Exception):
    """A document that cannot be read; its message is one line naming the file (and line)."""


Item = Doc | InputError


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (InputError, OSError, ImportError) as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130
    return status


def _parser() -> argparse.ArgumentParser:
    """The argument parser with its three subcommands."""
    parser = argparse.ArgumentParser(prog="partydocs", description=__doc__)
    parser.add_argument("--version", action="version", version=f"partydocs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(commands.add_parser("extract", help="extract references from files or stdin"))
    _add_highlight(commands.add_parser(
        "highlight", help="write documents as an HTML page, every mention highlighted", description=_HIGHLIGHT,
    ))
    commands.add_parser("schema", help="print the JSON Schema of an Extraction").set_defaults(run=_schema)
    return parser


def _add_extract(sub: argparse.ArgumentParser) -> None:
    """The options of `partydocs extract`."""
    _add_input_options(sub)
    sub.add_argument("-o", "--output", help="the file to write (default: stdout)")
    sub.add_argument("--format", choices=("jsonl", "json", "csv", "table"), default="jsonl",
                     help="jsonl/json: one record per document; csv/table: one row per reference")
    sub.add_argument("--per-reference", action="store_true", help="jsonl/json: one record per reference")
    sub.add_argument("--full", action="store_true", help="jsonl/json: also write dates, bodies, anaphora and relations")
    sub.set_defaults(run=_extract)


_HIGHLIGHT = """Write one self-contained HTML page showing each document's text with every reference, date, body and
anaphor marked and labelled (hover or focus a mark for its code, type, date, issuer, term and what it points
to), followed by its table of references. PATH is read as by `partydocs extract` (a .txt file, a JSONL or CSV
dump, a folder, or -); --id picks documents of a dump, else every document goes on the page, after a table of
contents."""


def _add_highlight(sub: argparse.ArgumentParser) -> None:
    """The options of `partydocs highlight`."""
    _add_input_options(sub)
    sub.add_argument("--id", action="append", metavar="ID", dest="ids",
                     help="show only the document with this id (repeat for several; default: every document)")
    sub.add_argument("--kinds", type=_kinds, metavar="K,K", help=f"mark only these kinds ({', '.join(KINDS)})")
    sub.add_argument("-o", "--output", help="the HTML file to write (default: stdout)")
    sub.set_defaults(run=_highlight)


def _kinds(value: str) -> tuple[str, ...]:
    """An argparse type: a comma-separated list of kinds of mark."""
    try:
        return checked_kinds(part.strip() for part in value.split(",") if part.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _add_input_options(sub: argparse.ArgumentParser) -> None:
    """PATH... and the options saying how to read and extract them."""
    sub.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html, .jsonl, .csv, folders of them, or -")
    sub.add_argument("--input-format", choices=("auto", "txt", "jsonl", "csv"), default="auto",
                     help="how to read every PATH (auto: by extension; stdin is txt)")
    sub.add_argument("--text-field", default="text", help="the JSONL field or CSV column holding the text")
    sub.add_argument("--id-field", default="id", help="the JSONL field or CSV column holding the document id")
    sub.add_argument("--html", action="store_true", help="read each text as an HTML page: offsets point into it")
    sub.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (-1: every CPU)")
    sub.add_argument("--progress", action="store_true", help="show a progress bar on stderr (needs tqdm)")
    sub.add_argument("--skip-errors", action="store_true",
                     help="report unreadable or failing documents on stderr and go on (exit 0)")


def _say(message: str) -> None:
    """Write one line to stderr, prefixed with the program name (above a running progress bar)."""
    line = "partydocs: " + " ".join(message.split())
    tqdm = sys.modules.get("tqdm")
    if tqdm is not None:
        tqdm.tqdm.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


# --- partydocs extract ---------------------------------------------------------------------------------


def _extract(args: argparse.Namespace) -> int:
    """Read every PATH, extract, write the records."""
    with _output(args.output) as out:
        _WRITERS[args.format](out, _extracted(args), args)
    return 0


def _extracted(args: argparse.Namespace, ids: Collection[str] | None = None) -> Iterator[DocumentResult]:
    """The extraction of every document of the PATHs (only those with `ids` when given), in order."""
    paths = _existing(args.paths, args.skip_errors)
    sources = (item for path in paths for item in _read_path(path, args))
    documents = _documents(sources, args.skip_errors)
    chosen = documents if ids is None else (doc for doc in documents if str(doc[0]) in ids)
    results = extract_many(chosen, n_jobs=args.jobs, progress=args.progress, html=args.html)
    return _succeeded(results, args.skip_errors)


def _existing(paths: list[str], skip: bool) -> list[str]:
    """The paths that exist (or `-`); a missing one is an error, or with `skip` a warning."""
    kept = []
    for path in paths:
        if path == "-" or Path(path).exists():
            kept.append(path)
        elif skip:
            _say(f"skipped: {path}: No such file or directory")
        else:
            raise InputError(f"{path}: No such file or directory")
    return kept


def _documents(sources: Iterable[Item], skip: bool) -> Iterator[Doc]:
    """Pass readable documents on; raise the first InputError, or with `skip` report it."""
    for item in sources:
        if isinstance(item, InputError):
            if not skip:
                raise item
            _say(f"skipped: {item}")
        else:
            yield item


def _succeeded(results: Iterable[DocumentResult], skip: bool) -> Iterator[DocumentResult]:
    """Pass extracted documents on; a failed one raises, or with `skip` is reported."""
    for result in results:
        if result.error is None:
            yield result
        elif skip:
            _say(f"skipped: {result.id}: {result.error}")
        else:
            raise InputError(f"{result.id}: {result.error}")


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """The file to write to (created, UTF-8), or stdout."""
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as out:
        yield out


# --- reading ---------------------------------------------------------------------------------------------


def _read_path(path: str, args: argparse.Namespace) -> Iterator[Item]:
    """The documents of one PATH: stdin, a folder of .txt (and .html with --html), a .jsonl, a .csv or a text file."""
    fmt = args.input_format
    if path == "-":
        yield from _read_stream(sys.stdin.buffer, "<stdin>", "txt" if fmt == "auto" else fmt, args)
    elif Path(path).is_dir():
        suffixes = (".txt", ".html", ".htm") if args.html else (".txt",)
        files = sorted(file for file in Path(path).rglob("*") if file.suffix.lower() in suffixes and file.is_file())
        yield from (_read_txt(str(file)) for file in files)
    else:
        suffix = Path(path).suffix.lower().lstrip(".")
        kind = fmt if fmt != "auto" else suffix if suffix in ("jsonl", "csv") else "txt"
        yield from _read_file(path, kind, args)


def _read_file(path: str, kind: str, args: argparse.Namespace) -> Iterator[Item]:
    """Open one file and read it as `kind`; an OSError becomes an InputError."""
    if kind == "txt":
        yield _read_txt(path)
        return
    try:
        with open(path, "rb") as stream:
            yield from _read_stream(stream, path, kind, args)
    except OSError as exc:
        yield InputError(f"{path}: {exc.strerror or exc}")


def _read_stream(stream: BinaryIO, name: str, kind: str, args: argparse.Namespace) -> Iterator[Item]:
    """Read a binary stream as one text, JSON Lines or CSV."""
    if kind == "jsonl":
        yield from _read_jsonl(stream, name, args.text_field, args.id_field)
    elif kind == "csv":
        yield from _read_csv(stream, name, args.text_field, args.id_field)
    else:
        yield _decode(stream.read(), name)


def _read_txt(path: str) -> Item:
    """One UTF-8 text file as one document whose id is its path."""
    try:
        return _decode(Path(path).read_bytes(), path)
    except OSError as exc:
        return InputError(f"{path}: {exc.strerror or exc}")


def _decode(data: bytes, name: str) -> Item:
    """Decode UTF-8 exactly (a BOM dropped, line ends kept, so offsets index the file's characters)."""
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputError(f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})")


def _read_jsonl(lines: Iterable[bytes], name: str, text_field: str, id_field: str) -> Iterator[Item]:
    """One document per non-blank JSON line: an object with a string `text_field`."""
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(raw.rstrip(b"\r\n").decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield InputError(f"{where}: not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
            continue
        yield _record(record, where, text_field, id_field)


def _read_csv(stream: BinaryIO, name: str, text_field: str, id_field: str) -> Iterator[Item]:
    """One document per CSV row, the text in column `text_field`."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.DictReader(_utf8_lines(stream))
    try:
        columns = reader.fieldnames or []
        if text_field not in columns:
            yield InputError(f"{name}: no column {text_field!r} (columns: {', '.join(columns)})")
            return
        for row in reader:
            yield _record(row, f"{name}:{reader.line_num}", text_field, id_field)
    except (UnicodeDecodeError, csv.Error) as exc:
        reason = "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else f"bad CSV ({exc})"
        yield InputError(f"{name}:{reader.line_num + 1}: {reason}")


def _utf8_lines(stream: BinaryIO) -> Iterator[str]:
    """Decode a file line by line, so a bad byte is reported at its own line."""
    for lineno, raw in enumerate(stream):
        yield raw.decode("utf-8-sig" if lineno == 0 else "utf-8")


def _record(record: dict[str, Any], where: str, text_field: str, id_field: str) -> Item:
    """The (id, text) of a JSON object or CSV row; the id defaults to `file:line`."""
    text = record.get(text_field)
    if not isinstance(text, str):
        return InputError(f"{where}: no string field {text_field!r}")
    doc_id = record.get(id_field)
    if doc_id is None or doc_id == "":
        return where, text
    return (doc_id if isinstance(doc_id, int | str) and not isinstance(doc_id, bool) else str(doc_id)), text


# --- writing ---------------------------------------------------------------------------------------------


def _json_records(results: Iterable[DocumentResult], args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """One JSON-ready dict per document, or per reference with --per-reference."""
    for result in results:
        extraction = result.extraction or Extraction()
        if args.per_reference:
            for index, ref in enumerate(extraction.references):
                yield {"id": result.id, "ref_index": index, **ref.model_dump(mode="json")}
        else:
            keep = None if args.full else {"references"}
            yield {"id": result.id, **extraction.model_dump(mode="json", include=keep)}


def _write_jsonl(out: TextIO, results: Iterable[DocumentResult], args: argparse.Namespace) -> None:
    """JSON Lines: one compact JSON object per line."""
    for record in _json_records(results, args):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _write_json(out: TextIO, results: Iterable[DocumentResult], args: argparse.Namespace) -> None:
    """One JSON array, written as the records come."""
    out.write("[")
    for count, record in enumerate(_json_records(results, args)):
        out.write(("," if count else "") + "\n" + json.dumps(record, ensure_ascii=False))
    out.write("\n]\n")


def _write_csv(out: TextIO, results: Iterable[DocumentResult], args: argparse.Namespace) -> None:
    """CSV, one row per reference, with the columns of `to_dataframe`."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(reference_rows(results))


def _write_table(out: TextIO, results: Iterable[DocumentResult], args: argparse.Namespace) -> None:
    """An aligned plain-text table of the main columns, one row per reference."""
    rows = [[_cell(row[name]) for name in TABLE_COLUMNS] for row in reference_rows(results)]
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(TABLE_COLUMNS)]
    for row in [list(TABLE_COLUMNS), *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        out.write("  ".join(cells).rstrip() + "\n")


def _cell(value: object) -> str:
    """A table cell: '' for None, else the value as text."""
    return "" if value is None else str(value)


_Writer = Callable[[TextIO, Iterable[DocumentResult], argparse.Namespace], None]
_WRITERS: dict[str, _Writer] = {
    "jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv, "table": _write_table,
}


# --- partydocs highlight / schema -----------------------------------------------------------------------


def _highlight(args: argparse.Namespace) -> int:
    """Write the documents of the PATHs (or those with the --id given) as one highlighted HTML page."""
    ids = set(args.ids) if args.ids else None
    results = list(_extracted(args, ids))
    absent = sorted((ids or set()) - {str(result.id) for result in results})
    if absent:
        raise InputError(f"no document with id {absent[0]!r} in {', '.join(args.paths)}")
    only = os.path.basename(str(results[0].id)) if len(results) == 1 else plural(len(results), "document", "documents")
    with _output(args.output) as out:
        out.write(display(results, kinds=args.kinds, page=True, title=f"partydocs: {only}"))
    return 0


def _schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of `Extraction`."""
    print(json.dumps(Extraction.model_json_schema(), ensure_ascii=False, indent=2))
    return 0
