"""`partydocs documents` and `partydocs graph` on a JSON Lines dump, with the input options of `extract`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from partydocs.cli import main

DUMP = Path(__file__).parent.parent / "fixtures" / "bac_kan_dump.jsonl"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_documents_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "documents", DUMP)
    assert (status, err) == (0, "")
    table = out.splitlines()
    assert table[0].split() == ["key", "doc_type", "code", "date", "issuer", "scope", "mentions", "texts",
                                "first_text", "last_text"]
    assert table[1].split() == ["5-CT/TW", "Chỉ", "thị", "05-CT/TW", "2016-05-15", "Bộ", "Chính", "trị", "7", "6",
                                "tw-2016-05", "cho-moi-2021-06"]
    assert [line.split()[0] for line in table[1:]] == [
        "5-CT/TW", "1-KL/TW", "33-KH/TU@Bắc", "12-KH/HU@Ba", "12-KH/HU@Chợ", "3-CT/TW", "45-KH/HU@Chợ"]


def test_documents_as_jsonl_and_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "documents", DUMP, "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(records) == 7
    assert records[3] == {
        "key": "12-KH/HU@Ba Bể, Bắc Kạn", "kind": "party", "doc_type": "Kế hoạch", "code": "12-KH/HU", "name": None,
        "date": "2016-06-20", "date_granularity": "day", "conflicting_dates": [], "issuer": "Huyện ủy Ba Bể",
        "term": None, "scope": "Ba Bể, Bắc Kạn", "mentions": 2, "texts": ["ba-be-2016-06"],
        "first_text": "ba-be-2016-06", "last_text": "ba-be-2016-06",
    }
    target = tmp_path / "documents.csv"
    assert run(capsys, "documents", DUMP, "--format", "csv", "-o", target, "--limit", "3")[0] == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(row["key"], row["texts"]) for row in rows] == [
        ("5-CT/TW", "tw-2016-05 | bac-kan-2016-06 | ba-be-2016-06"),
        ("33-KH/TU@Bắc Kạn", "bac-kan-2016-06 | ba-be-2016-06"),
        ("12-KH/HU@Ba Bể, Bắc Kạn", "ba-be-2016-06"), ("3-CT/TW", "tw-2016-05"),
    ]


def test_documents_with_other_field_names(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"bai": "a", "noi_dung": "Kết luận số 01-KL/TƯ"}\n{"bai": "b", "noi_dung": "Kết luận 01-KL/TW"}\n',
                    encoding="utf-8")
    status, out, _ = run(capsys, "documents", dump, "--text-field", "noi_dung", "--id-field", "bai",
                         "--format", "jsonl")
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert (status, record["key"], record["texts"]) == (0, "1-KL/TW", ["a", "b"])


def test_a_bad_line_is_an_error_or_skipped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "a", "text": "Chỉ thị số 05-CT/TW"}\n{"id": "b", "text": \n', encoding="utf-8")
    status, _, err = run(capsys, "documents", dump)
    assert status == 2 and "dump.jsonl:2" in err
    status, out, err = run(capsys, "documents", dump, "--skip-errors", "--format", "jsonl")
    assert status == 0 and "skipped" in err and json.loads(out)["key"] == "5-CT/TW"


def test_graph_as_graphml_and_edge_list(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nx = pytest.importorskip("networkx")
    graphml = tmp_path / "graph.graphml"
    assert run(capsys, "graph", DUMP, "-o", graphml) == (0, "", "")
    graph = nx.read_graphml(graphml)
    assert graph.number_of_nodes() == 14
    implements = sorted((s, t) for s, t, d in graph.edges(data=True) if d["type"] == "implements")
    assert implements == [
        ("doc:1-KL/TW", "doc:5-CT/TW"), ("doc:12-KH/HU@Ba Bể, Bắc Kạn", "doc:33-KH/TU@Bắc Kạn"),
        ("doc:12-KH/HU@Ba Bể, Bắc Kạn", "doc:5-CT/TW"), ("doc:12-KH/HU@Chợ Mới", "doc:5-CT/TW"),
        ("doc:33-KH/TU@Bắc Kạn", "doc:5-CT/TW"), ("doc:45-KH/HU@Chợ Mới", "doc:1-KL/TW"),
    ]
    edges = tmp_path / "graph.txt"
    assert run(capsys, "graph", DUMP, "-o", edges, "--graph-format", "edgelist")[0] == 0
    first = edges.read_text(encoding="utf-8").splitlines()
    assert len(first) == 21 and first[0].split("\t") == ["doc:5-CT/TW", "doc:3-CT/TW", "replaces", "tw-2016-05"]


def test_graph_needs_an_output_and_never_overwrites_its_input(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["graph", str(DUMP)])
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(DUMP.read_bytes())
    status, _, err = run(capsys, "graph", dump, "-o", dump)
    assert status == 2 and "is also an input" in err and dump.read_bytes() == DUMP.read_bytes()
