"""The partydocs command: inputs, output formats, error paths and exit statuses."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from partydocs.cli import main
from partydocs.frames import COLUMNS

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
KE_HOACH = "Kế hoạch số 82-KH/TU, ngày 20 tháng 01 năm 2022 của Ban Thường vụ Tỉnh ủy"
Run = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def codes(record: dict[str, object]) -> list[object]:
    refs = record["references"]
    assert isinstance(refs, list)
    return [ref["code"] for ref in refs]


@pytest.fixture
def txt(tmp_path: Path) -> Path:
    path = tmp_path / "ct.txt"
    path.write_text(CHI_THI, encoding="utf-8")
    return path


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    rows = [{"id": "a", "text": CHI_THI}, {"id": "b", "text": KE_HOACH}]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def test_txt_file_gives_one_jsonl_record(capsys: pytest.CaptureFixture[str], txt: Path) -> None:
    status, out, err = run(capsys, "extract", txt)
    assert (status, err) == (0, "")
    (record,) = lines(out)
    assert record["id"] == str(txt)
    assert list(record) == ["id", "references"]
    (ref,) = record["references"]  # type: ignore[misc]
    assert ref["code"] == "05-CT/TW" and ref["date"] == "2016-05-15" and ref["issuer"] == "Bộ Chính trị"
    assert (ref["start"], ref["end"], ref["text"]) == (0, 19, "Chỉ thị số 05-CT/TW")


def test_full_adds_dates_bodies_anaphora(capsys: pytest.CaptureFixture[str], txt: Path) -> None:
    status, out, _ = run(capsys, "extract", "--full", txt)
    assert status == 0
    (record,) = lines(out)
    assert list(record) == ["id", "references", "dates", "bodies", "anaphora", "relations"]
    assert record["dates"][0]["iso"] == "2016-05-15"  # type: ignore[index]


def test_folder_is_read_recursively_in_sorted_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "2.txt").write_text(KE_HOACH, encoding="utf-8")
    (tmp_path / "a.txt").write_text(CHI_THI, encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text(CHI_THI, encoding="utf-8")
    status, out, _ = run(capsys, "extract", tmp_path)
    records = lines(out)
    assert status == 0
    assert [r["id"] for r in records] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "c" / "2.txt")]
    assert [codes(r) for r in records] == [["05-CT/TW"], ["82-KH/TU"]]


def test_html_option_reads_pages_and_folders_of_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(f"<html><body><p>{CHI_THI}</p></body></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(KE_HOACH, encoding="utf-8")
    status, out, _ = run(capsys, "extract", "--html", tmp_path)
    records = lines(out)
    assert status == 0
    assert [r["id"] for r in records] == [str(tmp_path / "a.html"), str(tmp_path / "b.txt")]
    assert [codes(r) for r in records] == [["05-CT/TW"], ["82-KH/TU"]]
    ref = records[0]["references"][0]  # type: ignore[index]
    assert (ref["start"], ref["end"], ref["issuer"]) == (15, 34, "Bộ Chính trị")
    status, out, _ = run(capsys, "extract", tmp_path)
    assert [r["id"] for r in lines(out)] == [str(tmp_path / "b.txt")]


def test_jsonl_and_csv_with_field_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text(json.dumps({"key": 7, "body": KE_HOACH}) + "\n\n", encoding="utf-8")
    table = tmp_path / "t.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["key", "body"], ["r1", f"{CHI_THI}\nhết"], ["", KE_HOACH]])
    status, out, _ = run(capsys, "extract", dump, table, "--text-field", "body", "--id-field", "key")
    records = lines(out)
    assert status == 0
    assert [r["id"] for r in records] == [7, "r1", f"{table}:4"]
    assert [codes(r) for r in records] == [["82-KH/TU"], ["05-CT/TW"], ["82-KH/TU"]]


def test_stdin_as_text_and_as_jsonl(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(KE_HOACH.encode())))
    (record,) = lines(run(capsys, "extract", "-")[1])
    assert (record["id"], codes(record)) == ("<stdin>", ["82-KH/TU"])
    data = json.dumps({"text": CHI_THI}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    (record,) = lines(run(capsys, "extract", "--input-format", "jsonl", "-")[1])
    assert (record["id"], codes(record)) == ("<stdin>:1", ["05-CT/TW"])


def test_per_reference_json_array(capsys: pytest.CaptureFixture[str], jsonl: Path) -> None:
    status, out, _ = run(capsys, "extract", jsonl, "--per-reference", "--format", "json")
    rows = json.loads(out)
    assert status == 0
    assert [(r["id"], r["ref_index"], r["code"], r["date"]) for r in rows] == [
        ("a", 0, "05-CT/TW", "2016-05-15"), ("b", 0, "82-KH/TU", "2022-01-20"),
    ]


def test_csv_output_to_a_file(capsys: pytest.CaptureFixture[str], jsonl: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    status, out, _ = run(capsys, "extract", jsonl, "--format", "csv", "-o", target)
    assert (status, out) == (0, "")
    with target.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["id"], r["code"], r["date"], r["issuer"]) for r in rows] == [
        ("a", "05-CT/TW", "2016-05-15", "Bộ Chính trị"), ("b", "82-KH/TU", "2022-01-20", "Ban Thường vụ Tỉnh ủy"),
    ]


def test_table_output(capsys: pytest.CaptureFixture[str], jsonl: Path) -> None:
    status, out, _ = run(capsys, "extract", jsonl, "--format", "table")
    assert status == 0
    header, first, second = out.splitlines()
    assert header.split() == ["id", "ref_index", "start", "end", "kind", "code", "doc_type", "date", "issuer", "term"]
    assert first.split()[:6] == ["a", "0", "0", "19", "party", "05-CT/TW"]
    assert "2022-01-20  Ban Thường vụ Tỉnh ủy" in second


def test_workers_give_the_same_output(capsys: pytest.CaptureFixture[str], jsonl: Path, txt: Path) -> None:
    serial = run(capsys, "extract", jsonl, txt, jsonl)
    parallel = run(capsys, "extract", "-j", "2", jsonl, txt, jsonl)
    assert parallel == serial
    assert len(lines(serial[1])) == 5


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, txt: Path) -> None:
    missing = tmp_path / "nope.txt"
    status, out, err = run(capsys, "extract", txt, missing)
    assert (status, out) == (2, "")
    assert err == f"partydocs: error: {missing}: No such file or directory\n"
    status, out, err = run(capsys, "extract", missing, txt, "--skip-errors")
    assert status == 0
    assert [r["id"] for r in lines(out)] == [str(txt)]
    assert err == f"partydocs: skipped: {missing}: No such file or directory\n"


def test_undecodable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, txt: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Nghị quyết".encode("utf-16-le"))
    status, _, err = run(capsys, "extract", bad, txt)
    assert status == 2
    assert err.count("\n") == 1 and err.startswith(f"partydocs: error: {bad}: not valid UTF-8")
    status, out, err = run(capsys, "extract", bad, txt, "--skip-errors")
    assert status == 0
    assert [r["id"] for r in lines(out)] == [str(txt)]
    assert err.startswith(f"partydocs: skipped: {bad}: not valid UTF-8") and err.count("\n") == 1


def test_malformed_jsonl_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "ok", "text": CHI_THI}, ensure_ascii=False)
    dump.write_text(f'{good}\n{{"id": "x", "text": \n[1, 2]\n{good}\n', encoding="utf-8")
    status, out, err = run(capsys, "extract", dump)
    assert status == 2
    assert [r["id"] for r in lines(out)] == ["ok"]
    assert err == f"partydocs: error: {dump}:2: malformed JSON (Expecting value at column 21)\n"
    status, out, err = run(capsys, "extract", dump, "--skip-errors")
    assert status == 0
    assert [r["id"] for r in lines(out)] == ["ok", "ok"]
    assert err.splitlines() == [
        f"partydocs: skipped: {dump}:2: malformed JSON (Expecting value at column 21)",
        f"partydocs: skipped: {dump}:3: expected a JSON object, got list",
    ]


def test_jsonl_line_without_text_and_csv_without_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_text('{"id": 1, "body": "x"}\n', encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("id,body\n1,x\n", encoding="utf-8")
    assert run(capsys, "extract", dump)[::2] == (2, f"partydocs: error: {dump}:1: no string field 'text'\n")
    status, _, err = run(capsys, "extract", table)
    assert (status, err) == (2, f"partydocs: error: {table}: no column 'text' (columns: id, body)\n")


def test_highlight_writes_a_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text(f"<b>{CHI_THI}</b>\n", encoding="utf-8")
    target = tmp_path / "doc.html"
    assert run(capsys, "highlight", source, "-o", target) == (0, "", "")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>partydocs: doc.txt</title>" in page
    assert "&lt;b&gt;<mark class=\"pd-mark pd-party\"" in page and "<nav" not in page
    assert '>Chỉ thị số 05-CT/TW<span class="pd-label" style="font-size:.66em;' in page
    assert 'white-space:nowrap">party 05-CT/TW</span>' in page
    assert f'<div class="pd-doc-title">{source}</div>' in page
    status, _, err = run(capsys, "highlight", tmp_path / "nope.txt")
    assert (status, err) == (2, f"partydocs: error: {tmp_path / 'nope.txt'}: No such file or directory\n")


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    records = [{"id": "bai-1", "text": CHI_THI}, {"id": 2, "text": KE_HOACH}, {"id": "bai-3", "text": "<p>Không</p>"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_highlight_a_dump_by_id(capsys: pytest.CaptureFixture[str], dump: Path) -> None:
    status, page, err = run(capsys, "highlight", dump, "--id", "2")
    assert (status, err) == (0, "")
    assert "<title>partydocs: 2</title>" in page and "<nav" not in page and '"text"' not in page
    assert '<div class="pd-doc-title">2</div><div class="pd-text"><mark class="pd-mark pd-party"' in page
    assert 'white-space:nowrap">party 82-KH/TU</span>' in page and "05-CT/TW" not in page
    status, page, _ = run(capsys, "highlight", dump, "--id", "bai-3", "--id", "bai-1", "--kinds", "party,date")
    assert status == 0 and "<title>partydocs: 2 documents</title>" in page
    assert '<li><a href="#pd-doc-0">bai-1</a> (1 reference, 1 date, 1 body, 0 anaphora, 0 relations)</li>' in page
    assert '<li><a href="#pd-doc-1">bai-3</a> (0 references, 0 dates, 0 bodies, 0 anaphora, 0 relations)</li>' in page
    assert 'class="pd-mark pd-body"' not in page and 'class="pd-mark pd-date" id=' in page
    status, _, err = run(capsys, "highlight", dump, "--id", "bai-9")
    assert (status, err) == (2, f"partydocs: error: no document with id 'bai-9' in {dump}\n")


def test_highlight_every_document_with_a_table_of_contents(capsys: pytest.CaptureFixture[str], dump: Path) -> None:
    status, page, _ = run(capsys, "highlight", dump, "--html")
    assert status == 0 and "<title>partydocs: 3 documents</title>" in page
    assert [line.split('">')[1].split("<")[0] for line in page.split("<li>")[1:]] == ["bai-1", "2", "bai-3"]
    assert "&lt;p&gt;Không&lt;/p&gt;" in page  # read as HTML, shown as the page it is (offsets index it)


def test_highlight_help_describes_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["highlight", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Write one self-contained HTML page showing each document's text" in out
    assert "--id ID" in out and "--text-field" in out and "--html" in out
    with pytest.raises(SystemExit):
        main(["highlight", "x.txt", "--kinds", "party,codes"])
    assert "unknown kind 'codes'" in capsys.readouterr().err


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert status == 0
    assert schema["title"] == "Extraction"
    assert set(schema["properties"]) == {"text", "references", "dates", "bodies", "anaphora", "relations"}
    assert schema["properties"]["text"]["default"] is None and "text" not in schema.get("required", [])


def test_python_dash_m_never_prints_a_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    done = subprocess.run(
        [sys.executable, "-m", "partydocs", "extract", "-", str(missing)],
        input=CHI_THI.encode(), capture_output=True, timeout=60, check=False,
    )
    assert done.returncode == 2
    assert done.stderr.decode() == f"partydocs: error: {missing}: No such file or directory\n"
    done = subprocess.run(
        [sys.executable, "-m", "partydocs", "extract", "--skip-errors", "-", str(missing)],
        input=CHI_THI.encode(), capture_output=True, timeout=60, check=False,
    )
    assert done.returncode == 0
    (record,) = lines(done.stdout.decode())
    assert codes(record) == ["05-CT/TW"]


def test_undecodable_csv_and_progress(capsys: pytest.CaptureFixture[str], tmp_path: Path, txt: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_bytes(b"id,text\n1,ok\n2,\xff\xfe\n")
    status, _, err = run(capsys, "extract", table)
    assert (status, err) == (2, f"partydocs: error: {table}:3: not valid UTF-8\n")
    status, out, err = run(capsys, "extract", "--progress", "--skip-errors", table, txt)
    assert status == 0
    assert [r["id"] for r in lines(out)] == ["1", str(txt)]
    assert f"partydocs: skipped: {table}:3: not valid UTF-8\n" in err
    assert "doc/s" in err or "s/doc" in err
