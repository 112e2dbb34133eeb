"""Worker processes that die, signals to the command line, and extract from many threads at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

import partydocs
from partydocs import batch
from partydocs.batch import DocumentResult, extract_many

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
KE_HOACH = "Kế hoạch số 82-KH/TU, ngày 20 tháng 01 năm 2022 của Ban Thường vụ Tỉnh ủy"
KILL = "KILL the worker extracting this"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups")


def _codes(result: DocumentResult) -> list[str | None]:
    return [ref.code for ref in result.references]


@pytest.fixture
def killer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Workers (forked with this patch) kill themselves on a text holding KILL; on `ONCE` only the first
    time, as an out-of-memory kill of a document that fits on a second try would."""
    real = batch.extract
    flag = tmp_path / "killed-once"

    def extract(text: str, *, html: bool = False) -> partydocs.Extraction:
        if KILL in text and ("ONCE" not in text or not flag.exists()):
            flag.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, html=html)

    monkeypatch.setattr(batch, "extract", extract)
    return flag


def _texts(count: int, special: dict[int, str]) -> list[tuple[str, str]]:
    return [(f"d{i}", special.get(i, CHI_THI if i % 2 else KE_HOACH)) for i in range(count)]


@pytest.mark.parametrize(("n_jobs", "chunksize"), [(2, 4), (2, 1), (3, 64)])
def test_a_document_that_kills_its_worker_twice_is_one_error_and_nothing_else_is_lost(
    killer: Path, n_jobs: int, chunksize: int
) -> None:
    items = _texts(40, {13: KILL, 14: 42, 29: f"{KILL} ONCE"})  # type: ignore[dict-item]
    results = list(extract_many(items, n_jobs=n_jobs, chunksize=chunksize))
    assert [r.id for r in results] == [f"d{i}" for i in range(40)]
    assert results[13].error == "WorkerDied: the worker was killed by SIGKILL twice on this document"
    assert results[14].error == "TypeError: expected str text, got int"
    assert results[29].ok and results[29].references == []
    assert [r.ok for r in results].count(False) == 2
    assert _codes(results[12]) == ["82-KH/TU"] and _codes(results[15]) == ["05-CT/TW"]
    assert all(_codes(r) == (["05-CT/TW"] if i % 2 else ["82-KH/TU"]) for i, r in enumerate(results) if i < 13)


def test_one_worker_survives_its_deaths_too(killer: Path) -> None:
    items = _texts(9, {0: KILL, 4: KILL, 8: KILL})
    results = list(batch._parallel(batch._items(items, "text", "id"), 1, 3, False))
    assert [r.id for r in results] == [f"d{i}" for i in range(9)]
    assert [r.error is not None and r.error.startswith("WorkerDied") for r in results] == [
        True, False, False, False, True, False, False, False, True,
    ]
    assert _codes(results[1]) == ["05-CT/TW"] and _codes(results[2]) == ["82-KH/TU"]


def test_the_command_line_reports_the_document_and_keeps_the_others(
    killer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from partydocs.cli import main

    dump = tmp_path / "dump.jsonl"
    rows = [{"id": doc_id, "text": text} for doc_id, text in _texts(12, {5: KILL})]
    dump.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    assert main(["extract", "-j", "2", "--skip-errors", str(dump)]) == 0
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == [f"d{i}" for i in range(12) if i != 5]
    assert err == "partydocs: skipped: d5: WorkerDied: the worker was killed by SIGKILL twice on this document\n"


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    try:
        return [child.pid for child in psutil.Process(pid).children()]
    except psutil.NoSuchProcess:
        return []


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _wait_until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def big_dump(tmp_path: Path) -> Path:
    dump = tmp_path / "big.jsonl"
    texts = [f"Bài {i}: {CHI_THI}; {KE_HOACH}." for i in range(20000)]
    dump.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    return dump


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_command_and_its_workers_without_a_traceback(big_dump: Path, signum: int) -> None:
    """SIGTERM to the parent alone (as `kill` does), or SIGINT to the whole group while workers start (Ctrl-C)."""
    run = subprocess.Popen(
        [sys.executable, "-m", "partydocs", "extract", "-j", "2", str(big_dump), "-o", str(big_dump) + ".out"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        assert _wait_until(lambda: len(_children(run.pid)) >= 1, 60)
        workers = _children(run.pid)
        assert all(os.getpgid(worker) == run.pid for worker in workers)
        if signum == signal.SIGTERM:
            time.sleep(1.0)
            os.kill(run.pid, signum)
        else:
            os.killpg(run.pid, signum)
        _, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert run.returncode == 128 + signum
    assert err.decode() == ""
    assert _wait_until(lambda: not _group_alive(run.pid), 10)
    assert not Path(str(big_dump) + ".out").exists()
    assert [p.name for p in big_dump.parent.iterdir()] == [big_dump.name]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed_outright(big_dump: Path) -> None:
    run = subprocess.Popen(
        [sys.executable, "-m", "partydocs", "extract", "-j", "2", str(big_dump)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        assert _wait_until(lambda: len(_children(run.pid)) >= 2, 60)
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
        assert _wait_until(lambda: not _group_alive(run.pid), 10)
    finally:
        if _group_alive(run.pid):
            os.killpg(run.pid, signal.SIGKILL)


COLD_THREADS = textwrap.dedent(
    """
    import sys, threading
    import partydocs

    texts = [sys.argv[1], sys.argv[2]] * 4
    barrier = threading.Barrier(len(texts))
    found, failures = {}, []

    def work(index):
        barrier.wait()
        try:
            found[index] = [(r.code, r.issuer, r.start, r.end) for r in partydocs.extract(texts[index]).references]
        except Exception as exc:
            failures.append(repr(exc))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(failures)
    print(sorted(set(map(repr, found.values()))))
    """
)


def test_extract_from_eight_threads_on_a_cold_start() -> None:
    done = subprocess.run(
        [sys.executable, "-c", COLD_THREADS, CHI_THI, KE_HOACH], capture_output=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr.decode()
    failures, found = done.stdout.decode().splitlines()
    assert failures == "[]"
    assert found == repr(sorted([
        repr([("05-CT/TW", "Bộ Chính trị", 0, 19)]), repr([("82-KH/TU", "Ban Thường vụ Tỉnh ủy", 0, 20)]),
    ]))
