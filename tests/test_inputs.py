"""The command line's inputs and output: bad records, dump formats, folders and links, the output file."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
from pathlib import Path

import pytest

from partydocs.cli import main

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
KE_HOACH = "Kế hoạch số 82-KH/TU, ngày 20 tháng 01 năm 2022 của Ban Thường vụ Tỉnh ủy"
ROWS = [{"id": "a", "text": CHI_THI}, {"id": "b", "text": KE_HOACH}, {"id": "c", "text": "Không có gì."}]
Run = tuple[int, str, str]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> Run:
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def ids(out: str) -> list[object]:
    return [json.loads(line)["id"] for line in out.splitlines()]


def codes(out: str) -> list[list[str]]:
    return [[ref["code"] for ref in json.loads(line)["references"]] for line in out.splitlines()]


def jsonl_bytes(rows: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode()


# --- bad records: one error each, and reading goes on ---------------------------------------------------


def test_a_bad_csv_row_in_the_middle_is_one_error_and_the_rows_after_it_are_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    table = tmp_path / "t.csv"
    rows = [f"r{i},\"{CHI_THI if i % 2 else KE_HOACH}\"".encode() for i in range(1, 21)]
    rows[9] = b"r10,Ngh\xe1 quy\xbft"  # a byte that is not UTF-8, on line 11
    rows[14] = b"r15,first half\rsecond half"  # a stray carriage return, on line 16
    table.write_bytes(b"id,text\n" + b"\n".join(rows) + b"\n")
    status, out, err = run(capsys, "extract", "--skip-errors", table)
    assert status == 0
    assert ids(out) == [f"r{i}" for i in range(1, 21) if i not in (10, 15)]
    assert codes(out)[:2] == [["05-CT/TW"], ["82-KH/TU"]] and codes(out)[-1] == ["82-KH/TU"]
    assert err.splitlines() == [
        f"partydocs: skipped: {table}:11: not valid UTF-8",
        f"partydocs: skipped: {table}:16: bad CSV (a stray carriage return splits the line)",
    ]
    status, out, err = run(capsys, "extract", table)
    assert (status, ids(out)) == (2, [f"r{i}" for i in range(1, 10)])
    assert err == f"partydocs: error: {table}:11: not valid UTF-8\n"


def test_csv_rows_with_the_wrong_number_of_fields_and_quoted_line_breaks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    table = tmp_path / "t.csv"
    table.write_bytes(f'id,text\nq1,"{CHI_THI}\r\nhết"\nq2,x,extra\n\nq3,"{KE_HOACH}"\n'.encode())
    status, out, err = run(capsys, "extract", "--skip-errors", table)
    assert (status, ids(out), codes(out)) == (0, ["q1", "q3"], [["05-CT/TW"], ["82-KH/TU"]])
    assert err == f"partydocs: skipped: {table}:4: 3 fields where the header has 2\n"


def test_a_bad_jsonl_record_is_one_error_with_file_and_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(jsonl_bytes(ROWS[:1]) + b'{"id": "x", "text": "\xff"}\n' + jsonl_bytes(ROWS[1:]))
    status, out, err = run(capsys, "extract", "--skip-errors", dump)
    assert (status, ids(out)) == (0, ["a", "b", "c"])
    assert err == f"partydocs: skipped: {dump}:2: not valid UTF-8\n"


# --- the output file ------------------------------------------------------------------------------------


def test_the_output_cannot_be_an_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump = tmp_path / "in.jsonl"
    dump.write_bytes(jsonl_bytes(ROWS))
    status, out, err = run(capsys, "extract", dump, "-o", dump)
    assert (status, out) == (2, "")
    assert err == f"partydocs: error: {dump}: is also an input; write the output to another file\n"
    assert dump.read_bytes() == jsonl_bytes(ROWS)


def test_an_error_leaves_no_output_file_and_an_old_one_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    dump = tmp_path / "in.jsonl"
    dump.write_bytes(jsonl_bytes(ROWS[:2]) + b"{cut\n")
    target = tmp_path / "out.jsonl"
    assert run(capsys, "extract", dump, "-o", target)[0] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
    target.write_text("earlier run\n", encoding="utf-8")
    assert run(capsys, "extract", dump, "-o", target)[0] == 2
    assert target.read_text(encoding="utf-8") == "earlier run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]
    assert run(capsys, "extract", "--skip-errors", dump, "-o", target)[0] == 0
    assert ids(target.read_text(encoding="utf-8")) == ["a", "b"]


def test_an_output_that_cannot_be_written_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(CHI_THI, encoding="utf-8")
    status, _, err = run(capsys, "extract", source, "-o", "/proc/version")
    assert status == 2
    assert err.startswith("partydocs: error: /proc/version: cannot write: ") and err.count("\n") == 1
    nowhere = tmp_path / "no" / "such" / "out.jsonl"
    status, _, err = run(capsys, "extract", source, "-o", nowhere)
    assert err == f"partydocs: error: {nowhere}: cannot write: No such file or directory\n"


def test_output_to_a_device_is_written_in_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(CHI_THI, encoding="utf-8")
    assert run(capsys, "extract", source, "-o", os.devnull) == (0, "", "")


# --- folders and links ----------------------------------------------------------------------------------


def test_an_unreadable_sub_folder_is_reported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(CHI_THI, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(KE_HOACH, encoding="utf-8")
    (tmp_path / "z.txt").write_text(KE_HOACH, encoding="utf-8")
    real = os.scandir

    def scandir(path: str) -> object:  # as for a folder without read permission (tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    status, out, err = run(capsys, "extract", "--skip-errors", tmp_path)
    assert (status, ids(out)) == (0, [str(tmp_path / "a.txt"), str(tmp_path / "z.txt")])
    assert err == f"partydocs: skipped: {tmp_path / 'locked'}: cannot read the folder: Permission denied\n"
    status, out, err = run(capsys, "extract", tmp_path)
    assert (status, err) == (2, f"partydocs: error: {tmp_path / 'locked'}: cannot read the folder: Permission denied\n")


def test_links_in_a_folder_broken_looped_and_followed_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "f"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(CHI_THI, encoding="utf-8")
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "sub" / "up").symlink_to(folder)
    (folder / "z.txt").symlink_to(folder / "sub" / "a.txt")
    status, out, err = run(capsys, "extract", "--skip-errors", folder)
    assert status == 0
    assert ids(out) == [str(folder / "sub" / "a.txt"), str(folder / "z.txt")]
    assert err.splitlines() == [
        f"partydocs: skipped: {folder / 'broken.txt'}: a broken link (to {tmp_path / 'gone.txt'})",
        f"partydocs: skipped: {folder / 'loop.txt'}: Too many levels of symbolic links",
        f"partydocs: skipped: {folder / 'sub' / 'up'}: a link back into a folder already read (skipped)",
    ]


def test_a_looped_link_given_by_name_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert run(capsys, "extract", loop) == (2, "", f"partydocs: error: {loop}: Too many levels of symbolic links\n")


def test_an_empty_csv_is_like_an_empty_jsonl(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_bytes(b"")
    (tmp_path / "e.jsonl").write_bytes(b"")
    (tmp_path / "h.csv").write_bytes(b"id,text\n")
    assert run(capsys, "extract", tmp_path / "e.csv", tmp_path / "e.jsonl", tmp_path / "h.csv") == (0, "", "")


# --- the formats dumps come in ---------------------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "compress"), [
    (".jsonl.gz", gzip.compress), (".jsonl.bz2", bz2.compress), (".jsonl.xz", lzma.compress),
    (".data", gzip.compress),  # by content: the name says nothing
])
def test_compressed_dumps_are_read_by_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str, compress: object
) -> None:
    dump = tmp_path / f"d{suffix}"
    data = jsonl_bytes(ROWS)
    dump.write_bytes(compress(data))  # type: ignore[operator]
    fmt = ["--input-format", "jsonl"] if suffix == ".data" else []
    status, out, err = run(capsys, "extract", *fmt, dump)
    assert (status, err) == (0, "")
    assert ids(out) == ["a", "b", "c"] and codes(out) == [["05-CT/TW"], ["82-KH/TU"], []]


def test_a_gzipped_text_and_a_cut_gzip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = tmp_path / "t.txt.gz"
    text.write_bytes(gzip.compress(CHI_THI.encode()))
    cut = tmp_path / "c.jsonl.gz"
    cut.write_bytes(gzip.compress(jsonl_bytes(ROWS * 50))[:200])
    status, out, err = run(capsys, "extract", "--skip-errors", text, cut)
    assert status == 0
    assert ids(out)[0] == str(text) and codes(out)[0] == ["05-CT/TW"]
    assert err.startswith(f"partydocs: skipped: {cut}: corrupt or truncated compressed data (")


def test_zstandard_frames_and_a_cut_frame(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    dump = tmp_path / "d.jsonl.zst"
    frames = [zstandard.ZstdCompressor().compress(jsonl_bytes([row] * 400)) for row in ROWS]
    dump.write_bytes(b"".join(frames))
    assert ids(run(capsys, "extract", dump)[1]) == ["a"] * 400 + ["b"] * 400 + ["c"] * 400
    cut = tmp_path / "cut.jsonl.zst"
    cut.write_bytes(frames[0] + frames[1][: len(frames[1]) // 2])
    status, out, err = run(capsys, "extract", "--skip-errors", cut)
    assert (status, ids(out)) == (0, ["a"] * 400)
    reason = "corrupt or truncated compressed data (the zstd data ends inside a frame)"
    assert err == f"partydocs: skipped: {cut}: {reason}\n"


def test_parquet_and_arrow_with_field_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.feather
    import pyarrow.parquet

    table = pa.table({"key": [7, None, 9], "body": [KE_HOACH, CHI_THI, None]})
    pyarrow.parquet.write_table(table, tmp_path / "t.parquet")
    pyarrow.feather.write_feather(table, str(tmp_path / "t.arrow"))
    for name in ("t.parquet", "t.arrow"):
        path = tmp_path / name
        status, out, err = run(capsys, "extract", "--skip-errors", "--text-field", "body", "--id-field", "key", path)
        assert status == 0
        assert ids(out) == [7, f"{path}[1]"] and codes(out) == [["82-KH/TU"], ["05-CT/TW"]]
        assert err == f"partydocs: skipped: {path}[2]: no string field 'body'\n"
    status, _, err = run(capsys, "extract", tmp_path / "t.parquet")
    assert (status, err) == (2, f"partydocs: error: {tmp_path / 't.parquet'}: no column 'text' (columns: key, body)\n")


def test_json_arrays_one_object_and_limit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text(json.dumps([ROWS[0], "not an object", {"text": KE_HOACH}], ensure_ascii=False), encoding="utf-8")
    single = tmp_path / "s.json"
    single.write_text(json.dumps(ROWS[1], ensure_ascii=False, indent=2), encoding="utf-8")
    status, out, err = run(capsys, "extract", "--skip-errors", array, single)
    assert status == 0
    assert ids(out) == ["a", f"{array}[2]", "b"]
    assert err == f"partydocs: skipped: {array}[1]: expected a JSON object, got str\n"
    status, out, _ = run(capsys, "extract", "--limit", "2", "--skip-errors", array, single)
    assert ids(out) == ["a"]
    status, out, _ = run(capsys, "extract", "--limit", "2", single, array)
    assert ids(out) == ["b", "a"]


def test_a_file_of_another_kind_says_what_it_looks_like(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    archive = tmp_path / "dump.jsonl"
    archive.write_bytes(b"PK\x03\x04" + bytes(40))
    status, _, err = run(capsys, "extract", archive)
    assert (status, err) == (2, f"partydocs: error: {archive}: not a format partydocs reads: it looks like a ZIP "
                                "archive (unzip it first)\n")
    legacy = tmp_path / "old.txt"
    legacy.write_bytes("Nghị quyết".encode()[:3] + b"\xe0 \xe1 quy\xea\xf2t")
    status, _, err = run(capsys, "extract", legacy)
    assert status == 2 and err.count("\n") == 1
    assert err.startswith(f"partydocs: error: {legacy}: not valid UTF-8 (byte 0xe0 at offset 3); it looks like text in")


# --- options --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("options", [["--per-reference"], ["--format", "csv"], ["--format", "table"]])
def test_full_is_refused_where_it_cannot_be_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: list[str]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text(CHI_THI, encoding="utf-8")
    status, out, err = run(capsys, "extract", "--full", *options, source)
    assert (status, out) == (2, "")
    assert err == ("partydocs: error: --full writes whole documents: use it with --format jsonl or json, "
                   "without --per-reference\n")


def test_the_progress_bar_has_a_total_when_the_input_size_is_known(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "a.txt").write_text(CHI_THI, encoding="utf-8")
    (tmp_path / "f" / "b.txt").write_text(KE_HOACH, encoding="utf-8")
    dump = tmp_path / "d.jsonl"
    dump.write_bytes(jsonl_bytes(ROWS) + b"\n")
    status, _, err = run(capsys, "extract", "--progress", tmp_path / "f", dump)
    assert status == 0 and "5/5" in err
    status, _, err = run(capsys, "extract", "--progress", "--limit", "4", tmp_path / "f", dump)
    assert status == 0 and "4/4" in err
