"""extract_many: input shapes, order, failures, laziness, worker processes, progress bar."""

from __future__ import annotations

import datetime
import itertools
import sys
from collections.abc import Generator, Iterable, Iterator

import pytest

import partydocs
from partydocs import batch
from partydocs.batch import DocumentResult, _chunk_size, extract_many

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
KE_HOACH = "Kế hoạch số 82-KH/TU, ngày 20 tháng 01 năm 2022 của Ban Thường vụ Tỉnh ủy"


def _codes(result: DocumentResult) -> list[str | None]:
    return [ref.code for ref in result.references]


def test_strings_give_one_result_each_in_order_with_real_values() -> None:
    first, second = extract_many([CHI_THI, KE_HOACH])
    assert (first.id, second.id) == (0, 1)
    assert first.ok and second.ok
    (ref,) = first.references
    assert (ref.code, ref.doc_type, ref.issuer) == ("05-CT/TW", "Chỉ thị", "Bộ Chính trị")
    assert ref.date == datetime.date(2016, 5, 15)
    assert CHI_THI[ref.start : ref.end] == ref.text == "Chỉ thị số 05-CT/TW"
    assert _codes(second) == ["82-KH/TU"]
    assert second.references[0].date == datetime.date(2022, 1, 20)
    assert second.references[0].issuer == "Ban Thường vụ Tỉnh ủy"


def test_pairs_and_dicts_carry_their_ids() -> None:
    items = [("a", CHI_THI), {"id": "b", "text": KE_HOACH}, {"text": CHI_THI}]
    results = list(extract_many(items))
    assert [r.id for r in results] == ["a", "b", 2]
    assert [_codes(r) for r in results] == [["05-CT/TW"], ["82-KH/TU"], ["05-CT/TW"]]


def test_text_field_and_id_field_options() -> None:
    items = [{"doc": 7, "body": KE_HOACH}]
    (result,) = extract_many(items, text_field="body", id_field="doc")
    assert result.id == 7
    assert _codes(result) == ["82-KH/TU"]


def test_failures_in_the_middle_keep_count_and_order() -> None:
    items: list[object] = [CHI_THI, 42, {"id": "no-text"}, b"bytes", KE_HOACH]
    results = list(extract_many(items))
    assert [r.id for r in results] == [0, 1, "no-text", 3, 4]
    assert [r.ok for r in results] == [True, False, False, False, True]
    assert results[1].error == "TypeError: expected str text, got int"
    assert results[2].error == "no 'text' field in the item"
    assert results[3].error == "TypeError: expected str text, got bytes"
    assert [r.references for r in results[1:4]] == [[], [], []]
    assert results[1].extraction is None
    assert _codes(results[0]) == ["05-CT/TW"] and _codes(results[4]) == ["82-KH/TU"]


def test_an_exception_inside_extract_becomes_an_error_result(monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.extract

    def flaky(text: str, *, html: bool = False) -> partydocs.Extraction:
        if "BOOM" in text:
            raise RuntimeError("table missing")
        return real(text, html=html)

    monkeypatch.setattr(batch, "extract", flaky)
    results = list(extract_many([CHI_THI, "BOOM", KE_HOACH]))
    assert [r.error for r in results] == [None, "RuntimeError: table missing", None]
    assert [_codes(r) for r in results] == [["05-CT/TW"], [], ["82-KH/TU"]]


def _counting(texts: Iterator[str], pulled: list[int]) -> Iterator[str]:
    for text in texts:
        pulled[0] += 1
        yield text


def test_input_is_consumed_lazily() -> None:
    pulled = [0]
    results = extract_many(_counting(itertools.cycle([CHI_THI]), pulled))
    assert pulled == [0]
    assert [r.id for r in itertools.islice(results, 3)] == [0, 1, 2]
    assert pulled == [3]


def test_workers_give_the_same_results_as_one_process() -> None:
    items: list[object] = [CHI_THI, KE_HOACH, 3.5, ("x", KE_HOACH), {"id": "y"}, CHI_THI, "", KE_HOACH] * 3
    serial = [r.model_dump() for r in extract_many(items)]
    parallel = [r.model_dump() for r in extract_many(items, n_jobs=2, chunksize=3)]
    assert parallel == serial
    assert len(parallel) == 24
    assert [r["id"] for r in parallel][:5] == [0, 1, 2, "x", "y"]
    assert parallel[2]["error"] == "TypeError: expected str text, got float"


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_html_pages_give_offsets_into_each_page(n_jobs: int) -> None:
    pages = [f"<p><b>{CHI_THI}</b></p>", "<p>Kế&nbsp;hoạch số 82-KH/TU</p>"]
    results = list(extract_many(pages, n_jobs=n_jobs, chunksize=1, html=True))
    assert [_codes(r) for r in results] == [["05-CT/TW"], ["82-KH/TU"]]
    first, second = results[0].references[0], results[1].references[0]
    assert (first.start, first.end, first.issuer) == (6, 25, "Bộ Chính trị")
    assert (second.start, second.text) == (3, "Kế&nbsp;hoạch số 82-KH/TU")


def test_workers_keep_in_flight_work_bounded() -> None:
    pulled = [0]
    results = extract_many(_counting(itertools.cycle([CHI_THI, KE_HOACH]), pulled), n_jobs=2, chunksize=4)
    first = list(itertools.islice(results, 5))
    assert isinstance(results, Generator)
    results.close()
    assert [r.id for r in first] == [0, 1, 2, 3, 4]
    assert [_codes(r) for r in first[:2]] == [["05-CT/TW"], ["82-KH/TU"]]
    assert pulled[0] <= 2 * 2 * 4 + 4


def test_progress_bar_counts_documents(capsys: pytest.CaptureFixture[str]) -> None:
    results = list(extract_many([CHI_THI, KE_HOACH], progress=True))
    assert len(results) == 2
    err = capsys.readouterr().err
    assert "2/2" in err and "doc/s" in err


def test_progress_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ImportError, match=r"partydocs\[progress\]"):
        extract_many([CHI_THI], progress=True)


@pytest.mark.parametrize(("n_jobs", "chunksize"), [(0, 64), (-2, 64), (1, 0)])
def test_bad_arguments_are_refused(n_jobs: int, chunksize: int) -> None:
    with pytest.raises(ValueError):
        extract_many([CHI_THI], n_jobs=n_jobs, chunksize=chunksize)


def test_exported_from_the_package() -> None:
    assert partydocs.extract_many is extract_many
    assert partydocs.DocumentResult is DocumentResult


@pytest.mark.parametrize(
    ("texts", "workers", "size"),
    [(["x"] * 200, 2, 25), (["x"] * 201, 2, 26), (["x"] * 3, 2, 1), (["x"] * 200, 1, 50),
     (["x"] * 100_000, 2, 64), ((text for text in ["x"] * 200), 2, 16)],
)
def test_default_chunks_give_every_worker_four(texts: Iterable[str], workers: int, size: int) -> None:
    """ceil(n / (4 x workers)), at most 64; a generator's length is unknown: 16."""
    assert _chunk_size(texts, workers) == size
