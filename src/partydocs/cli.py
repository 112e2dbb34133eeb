"""The `partydocs` command: extract references from files, tabulate the documents they cite, write their citation
graph, highlight documents as an HTML page, print the schema."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import islice
from types import FrameType
from typing import Any, TextIO, cast

from partydocs import __version__
from partydocs.annotate import KINDS, checked_kinds
from partydocs.batch import DocumentResult, extract_many
from partydocs.corpus import GRAPH_FORMATS, Document, citation_graph, documents, write_graph
from partydocs.frames import COLUMNS, reference_rows
from partydocs.models import Extraction, plural
from partydocs.readers import FORMATS, InputError, ReadOptions, Record, count_records, read_paths
from partydocs.render import display

TABLE_COLUMNS = ("id", "ref_index", "start", "end", "kind", "code", "doc_type", "date", "issuer", "term")


class UsageError(Exception):
    """Options that cannot be used together; the message says which."""


class _Terminated(BaseException):
    """Raised in the main thread by SIGTERM, so that workers and temporary files are cleaned up."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input, 130/143 interrupted)."""
    args = _parser().parse_args(argv)
    try:
        with _stoppable():
            status: int = args.run(args)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (InputError, UsageError, OSError, ImportError) as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 128 + signal.SIGINT
    except _Terminated:
        return 128 + signal.SIGTERM
    return status


_STOPS: dict[int, type[BaseException]] = {signal.SIGINT: KeyboardInterrupt, signal.SIGTERM: _Terminated}
_received: list[int] = []
"""The stop signals received while the command runs."""


@contextlib.contextmanager
def _stoppable() -> Iterator[None]:
    """While the block runs (in the main thread), SIGINT raises KeyboardInterrupt and SIGTERM `_Terminated`,
    so that workers and temporary files are cleaned up. Python drops an exception raised inside a
    finalizer (`__del__`), so the signal is also kept and `_stop_if_signalled` raises it again."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        _received.append(signum)
        raise _STOPS[signum]

    def quiet(unraisable: Any) -> None:
        if not issubclass(unraisable.exc_type, tuple(_STOPS.values())):
            unraisable_hook(unraisable)

    _received.clear()
    previous = {signum: signal.signal(signum, stop) for signum in _STOPS}
    unraisable_hook, sys.unraisablehook = sys.unraisablehook, quiet
    try:
        yield
    finally:
        sys.unraisablehook = unraisable_hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop_if_signalled() -> None:
    """Raise the exception of a stop signal received earlier (its first raise may have been dropped)."""
    if _received:
        raise _STOPS[_received[0]]


def _parser() -> argparse.ArgumentParser:
    """The argument parser with its three subcommands."""
    parser = argparse.ArgumentParser(prog="partydocs", description=__doc__)
    parser.add_argument("--version", action="version", version=f"partydocs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(commands.add_parser("extract", help="extract references from files or stdin"))
    _add_highlight(commands.add_parser(
        "highlight", help="write documents as an HTML page, every mention highlighted", description=_HIGHLIGHT,
    ))
    _add_documents(commands.add_parser(
        "documents", help="one row per distinct document the texts cite", description=_DOCUMENTS))
    _add_graph(commands.add_parser("graph", help="write the citation graph of the texts", description=_GRAPH))
    commands.add_parser("schema", help="print the JSON Schema of an Extraction").set_defaults(run=_schema)
    return parser


def _add_extract(sub: argparse.ArgumentParser) -> None:
    """The options of `partydocs extract`."""
    add_input_options(sub)
    sub.add_argument("-o", "--output", help="the file to write (default: stdout); written whole or not at all")
    sub.add_argument("--format", choices=("jsonl", "json", "csv", "table"), default="jsonl",
                     help="jsonl/json: one record per document; csv/table: one row per reference")
    sub.add_argument("--per-reference", action="store_true", help="jsonl/json: one record per reference")
    sub.add_argument("--full", action="store_true",
                     help="jsonl/json, one record per document: also write dates, bodies, anaphora and relations")
    sub.set_defaults(run=_extract)


_HIGHLIGHT = """Write one self-contained HTML page showing each document's text with every reference, date, body and
anaphor marked and labelled (hover or focus a mark for its code, type, date, issuer, term and what it points
to), followed by its table of references. PATH is read as by `partydocs extract` (a .txt file, a JSONL or CSV
dump, a folder, or -); --id picks documents of a dump, else every document goes on the page, after a table of
contents."""


def _add_highlight(sub: argparse.ArgumentParser) -> None:
    """The options of `partydocs highlight`."""
    add_input_options(sub)
    sub.add_argument("--id", action="append", metavar="ID", dest="ids",
                     help="show only the document with this id (repeat for several; default: every document)")
    sub.add_argument("--kinds", type=_kinds, metavar="K,K", help=f"mark only these kinds ({', '.join(KINDS)})")
    sub.add_argument("-o", "--output", help="the HTML file to write (default: stdout)")
    sub.set_defaults(run=_highlight)


_DOCUMENTS = """Read PATHs as `partydocs extract` does and write one row per distinct document they cite (by its key:
one code in any spelling, a local code per place, a named document by its name): the most precise issue date
written with it, its issuer, term and place, how often and by which texts it is cited."""
_GRAPH = """Read PATHs as `partydocs extract` does and write the citation graph: a node per text and per document,
`cites` edges from texts to the documents they mention, and an edge per relation a sentence states between two
documents (implements, guides, amends, replaces, repeals, based_on, summarises). Needs networkx
(pip install 'partydocs[graph]')."""


def _add_documents(sub: argparse.ArgumentParser) -> None:
    """The options of `partydocs documents`."""
    add_input_options(sub)
    sub.add_argument("-o", "--output", help="the file to write (default: stdout); written whole or not at all")
    sub.add_argument("--format", choices=("csv", "jsonl", "table"), default="table",
                     help="table (aligned text), csv (texts joined by ' | ') or jsonl (one JSON object per document)")
    sub.set_defaults(run=_documents)


def _add_graph(sub: argparse.ArgumentParser) -> None:
    """The options of `partydocs graph`."""
    add_input_options(sub)
    sub.add_argument("-o", "--output", required=True, help="the file to write: .graphml, else an edge list")
    sub.add_argument("--graph-format", choices=GRAPH_FORMATS,
                     help="graphml, or edgelist (source, target, type, text; tab-separated); default: by -o's suffix")
    sub.set_defaults(run=_graph)


def _kinds(value: str) -> tuple[str, ...]:
    """An argparse type: a comma-separated list of kinds of mark."""
    try:
        return checked_kinds(part.strip() for part in value.split(",") if part.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def add_input_options(sub: argparse.ArgumentParser) -> None:
    """Add PATH... and the options saying how to read and extract them (every command reading documents)."""
    sub.add_argument("paths", nargs="+", metavar="PATH",
                     help="text, JSON Lines, JSON, CSV, Parquet or Arrow files (compressed or not), folders of "
                          ".txt, or - for stdin")
    sub.add_argument("--input-format", choices=FORMATS, default="auto",
                     help="how to read every PATH (auto: by content and extension; stdin is txt)")
    sub.add_argument("--text-field", default="text", help="the field or column holding the text")
    sub.add_argument("--id-field", default="id", help="the field or column holding the document id")
    sub.add_argument("--limit", type=_positive, metavar="N", help="read only the first N documents")
    sub.add_argument("--html", action="store_true", help="read each text as an HTML page: offsets point into it")
    sub.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (-1: every CPU)")
    sub.add_argument("--progress", action="store_true", help="show a progress bar on stderr (needs tqdm)")
    sub.add_argument("--skip-errors", action="store_true",
                     help="report unreadable or failing documents on stderr and go on (exit 0)")


def _positive(value: str) -> int:
    """An argparse type: a positive whole number."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {value}")
    return number


def read_documents(args: argparse.Namespace) -> Iterator[Record]:
    """The records `(id, text or InputError)` of every PATH, in order, at most `--limit`; a PATH that
    does not exist raises InputError (or with --skip-errors is reported) before anything is read."""
    options = ReadOptions(args.input_format, args.text_field, args.id_field, args.html)
    records = read_paths(_existing(args.paths, args.skip_errors), options)
    return islice(records, args.limit) if args.limit else records


@contextlib.contextmanager
def extracted(args: argparse.Namespace, ids: Collection[str] | None = None) -> Iterator[Iterator[DocumentResult]]:
    """The extraction of every document the input options name (only those with `ids` when given), in
    order; a document that cannot be read or extracted raises InputError, or with --skip-errors is
    reported on stderr and left out. Worker processes end when the block does."""
    records = read_documents(args)
    chosen = records if ids is None else (record for record in records if str(record[0]) in ids)
    total = _known_total(args) if args.progress and ids is None else None
    results = extract_many(chosen, n_jobs=args.jobs, progress=args.progress, html=args.html, total=total)
    with contextlib.closing(results):
        yield _succeeded(results, args.skip_errors)


def _known_total(args: argparse.Namespace) -> int | None:
    """The number of documents the inputs hold when it is cheap to know (text files, folders, JSON Lines)."""
    total = count_records(args.paths, ReadOptions(args.input_format, args.text_field, args.id_field, args.html))
    return min(total, args.limit) if total is not None and args.limit else total


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
    _check_extract_options(args)
    with _output(args.output, args.paths) as out, extracted(args) as results:
        _WRITERS[args.format](out, results, args)
    return 0


def _check_extract_options(args: argparse.Namespace) -> None:
    """Refuse option combinations that could not be honoured."""
    if args.full and (args.per_reference or args.format in ("csv", "table")):
        raise UsageError("--full writes whole documents: use it with --format jsonl or json, "
                         "without --per-reference")


def _existing(paths: list[str], skip: bool) -> list[str]:
    """The paths that can be looked at (or `-`); any other is an error, or with `skip` a warning."""
    kept = []
    for path in paths:
        try:
            if path != "-":
                os.stat(path)
            kept.append(path)
        except OSError as exc:
            reason = f"{path}: {exc.strerror or exc}"
            if not skip:
                raise InputError(reason) from None
            _say(f"skipped: {reason}")
    return kept


def _succeeded(results: Iterable[DocumentResult], skip: bool) -> Iterator[DocumentResult]:
    """Pass extracted documents on; a failed one raises, or with `skip` is reported."""
    for result in results:
        _stop_if_signalled()
        if result.error is None:
            yield result
        elif skip:
            _say(f"skipped: {result.id}: {result.error}")
        else:
            raise InputError(f"{result.id}: {result.error}")


@contextlib.contextmanager
def _output(path: str | None, inputs: Sequence[str] = ()) -> Iterator[TextIO]:
    """The file to write (UTF-8), or stdout. A regular file is written to a temporary file beside it and
    renamed over it once the block ends without error; an input is never overwritten."""
    if path is None:
        yield sys.stdout
        return
    for source in inputs:
        if source != "-" and os.path.exists(path) and os.path.samefile(path, source):
            raise InputError(f"{path}: is also an input; write the output to another file")
    if os.path.exists(path) and not os.path.isfile(path):
        with _opened(path, lambda: open(path, "w", encoding="utf-8", newline="")) as out:
            yield out
        return
    folder, name = os.path.split(os.path.abspath(path))
    with _opened(path, lambda: cast(TextIO, tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=folder, prefix=f".{name}.", suffix=".partial", delete=False,
    ))) as out:
        try:
            yield out
            out.close()
            os.chmod(out.name, _file_mode(path))
            os.replace(out.name, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(out.name)


@contextlib.contextmanager
def _opened(path: str, opener: Callable[[], TextIO]) -> Iterator[TextIO]:
    """Open a file to write with `opener`; an error opening it names `path`."""
    try:
        out = opener()
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    with out:
        yield out


def _file_mode(path: str) -> int:
    """The permissions for the output: those of the file it replaces, else the default for new files."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


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
    _write_aligned(out, TABLE_COLUMNS, rows)


def _write_aligned(out: TextIO, header: Sequence[str], rows: list[list[str]]) -> None:
    """Rows of cells under a header, each column as wide as its widest cell."""
    widths = [max([len(name), *(len(row[i]) for row in rows)]) for i, name in enumerate(header)]
    for row in [list(header), *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        out.write("  ".join(cells).rstrip() + "\n")


def _cell(value: object) -> str:
    """A table cell: '' for None, else the value as text."""
    return "" if value is None else str(value)


_Writer = Callable[[TextIO, Iterable[DocumentResult], argparse.Namespace], None]
_WRITERS: dict[str, _Writer] = {
    "jsonl": _write_jsonl, "json": _write_json, "csv": _write_csv, "table": _write_table,
}


# --- partydocs documents / graph -------------------------------------------------------------------------

DOCUMENT_COLUMNS = tuple(name for name in Document.model_fields)
DOCUMENT_TABLE_COLUMNS = ("key", "doc_type", "code", "date", "issuer", "scope", "mentions", "texts", "first_text",
                          "last_text")


def _documents(args: argparse.Namespace) -> int:
    """Read every PATH, extract, write one row per distinct document."""
    with extracted(args) as results:
        rows = documents(results)
    with _output(args.output, args.paths) as out:
        if args.format == "jsonl":
            for row in rows:
                out.write(json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n")
        elif args.format == "csv":
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(DOCUMENT_COLUMNS)
            writer.writerows([_document_cell(getattr(row, name)) for name in DOCUMENT_COLUMNS] for row in rows)
        else:
            table = [[_document_cell(getattr(row, name), counted=True) for name in DOCUMENT_TABLE_COLUMNS]
                     for row in rows]
            _write_aligned(out, DOCUMENT_TABLE_COLUMNS, table)
    return 0


def _document_cell(value: object, *, counted: bool = False) -> str:
    """A cell of the documents table: lists joined by ` | ` (or counted), dates in ISO."""
    if isinstance(value, list):
        return str(len(value)) if counted else " | ".join(_cell(item) for item in value)
    return _cell(value)


def _graph(args: argparse.Namespace) -> int:
    """Read every PATH, extract, write the citation graph."""
    with extracted(args) as results:
        graph = citation_graph(results)
    for source in args.paths:
        if source != "-" and os.path.exists(args.output) and os.path.samefile(args.output, source):
            raise InputError(f"{args.output}: is also an input; write the graph to another file")
    write_graph(graph, args.output, args.graph_format)
    return 0


# --- partydocs highlight / schema -----------------------------------------------------------------------


def _highlight(args: argparse.Namespace) -> int:
    """Write the documents of the PATHs (or those with the --id given) as one highlighted HTML page."""
    ids = set(args.ids) if args.ids else None
    with extracted(args, ids) as found:
        results = list(found)
    absent = sorted((ids or set()) - {str(result.id) for result in results})
    if absent:
        raise InputError(f"no document with id {absent[0]!r} in {', '.join(args.paths)}")
    only = os.path.basename(str(results[0].id)) if len(results) == 1 else plural(len(results), "document", "documents")
    with _output(args.output, args.paths) as out:
        out.write(display(results, kinds=args.kinds, page=True, title=f"partydocs: {only}"))
    return 0


def _schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of `Extraction`."""
    print(json.dumps(Extraction.model_json_schema(), ensure_ascii=False, indent=2))
    return 0
