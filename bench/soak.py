"""Soak run of the command line: 20,000 documents through `partydocs extract -j 2`, a worker killed midway.

`python bench/soak.py` (`--documents N`, `--jobs N`; not part of pytest: a few minutes on 2 cores).

It writes a JSON Lines dump of distinct documents (three sentences each, from four templates, one of
them without a citation; numbers, dates and places varied per document), runs `python -m partydocs
extract -j 2 --skip-errors` on it with the output on a pipe, and once half the documents have come out
kills one worker process with SIGKILL, as the out-of-memory killer would. Every ten seconds (`--every`),
and every second just after the kill, it prints the resident memory (RSS) of the command and of each
of its workers, read from /proc. At the end it checks that every id came out exactly once, in input
order, with the number of references its text cites, that nothing was reported as skipped, and that
no process of the run is left; the exit status is 1 if any check fails.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

PLACES = ("Ba Bể", "Cao Bằng", "Lào Cai", "Hà Giang", "Nghệ An", "Quảng Nam", "Gia Lai", "Cà Mau", "Long An")
TEMPLATES = (
    "Thực hiện Chỉ thị số {n}-CT/TW ngày {d}/{m}/{y} của Bộ Chính trị, Ban Thường vụ Huyện ủy {place} "
    "đã ban hành Kế hoạch số {k}-KH/HU ngày {d2}/{m}/{y2} để triển khai trong toàn Đảng bộ huyện.",
    "Căn cứ Nghị định số {n}/{y}/NĐ-CP ngày {d}/{m}/{y} của Chính phủ; Quyết định số {k}/QĐ-UBND ngày "
    "{d2}/{m}/{y2} của UBND tỉnh {place} về việc phê duyệt kế hoạch phát triển kinh tế - xã hội.",
    "Hội nghị quán triệt Nghị quyết số {n}-NQ/TW ngày {d}/{m}/{y} của Ban Chấp hành Trung ương khóa XIII "
    "và Kết luận số {k}-KL/TW của Bộ Chính trị được tổ chức tại {place} với {n}{k} đảng viên tham dự.",
    "Sáng {d}/{m}/{y2}, tại {place}, Hội Nông dân huyện tổ chức tổng kết mùa vụ; năng suất lúa ước đạt "
    "{n} tạ mỗi héc-ta, tăng {k}% so với cùng kỳ, thu nhập bình quân đạt {d2} triệu đồng mỗi người.",
)
SAMPLE_SECONDS = 1.0


CITATIONS = (2, 2, 2, 0)
"""How many documents each template cites."""


def documents(count: int) -> list[dict[str, str]]:
    """`count` distinct documents, each with its id and text."""
    docs = []
    for i in range(count):
        fill = {
            "n": str(i % 997 + 1), "k": str(i // 997 + 2), "d": str(i % 28 + 1), "d2": str((i + 9) % 28 + 1),
            "m": str(i % 12 + 1), "y": str(2000 + i % 20), "y2": str(2021 + i % 4), "place": PLACES[i % len(PLACES)],
        }
        text = " ".join(TEMPLATES[(i + j) % len(TEMPLATES)].format(**fill) for j in range(3))
        docs.append({"id": f"doc-{i:05d}", "text": text})
    return docs


def rss_mib(pid: int) -> float:
    """The resident memory of a process in MiB (0 once it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    try:
        return sorted(child.pid for child in psutil.Process(pid).children())
    except psutil.NoSuchProcess:
        return []


def group_alive(pgid: int) -> bool:
    """True while any process of the group is alive."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--every", type=int, default=10, help="print the memory every N seconds")
    args = parser.parse_args()
    docs = documents(args.documents)
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "soak.jsonl"
        dump.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in docs), encoding="utf-8")
        print(f"{len(docs):,} documents, {dump.stat().st_size / 2**20:.1f} MiB of JSON Lines; -j {args.jobs}")
        return soak(dump, docs, args.jobs, args.every)


def soak(dump: Path, docs: list[dict[str, str]], jobs: int, every: int) -> int:
    """Run the command on `dump`, kill a worker midway, sample memory, check the output."""
    run = subprocess.Popen(
        [sys.executable, "-m", "partydocs", "extract", "-j", str(jobs), "--skip-errors", str(dump)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    records: list[dict[str, object]] = []
    reader = threading.Thread(target=lambda: records.extend(json.loads(line) for line in run.stdout or []))
    reader.start()
    started = time.monotonic()
    killed: list[str] = []
    killed_at = 0
    print(f"{'seconds':>7}  {'documents':>9}  {'command MiB':>11}  workers MiB")
    for tick in itertools.count():
        if run.poll() is not None:
            break
        done = len(records)
        workers = children(run.pid)
        if tick % every == 0 or (killed and tick <= killed_at + every):
            print(f"{time.monotonic() - started:7.0f}  {done:9,}  {rss_mib(run.pid):11.1f}  "
                  + "  ".join(f"{rss_mib(pid):6.1f}" for pid in workers), flush=True)
        if not killed and done >= len(docs) // 2 and workers:
            os.kill(workers[0], signal.SIGKILL)
            killed.append(f"killed worker {workers[0]} with SIGKILL after {done:,} documents")
            killed_at = tick
            print(killed[-1], flush=True)
        time.sleep(SAMPLE_SECONDS)
    reader.join()
    errors = (run.stderr.read().decode() if run.stderr else "").splitlines()
    elapsed = time.monotonic() - started
    return check(docs, records, errors, run.returncode, killed, elapsed, run.pid)


def check(
    docs: list[dict[str, str]], records: list[dict[str, object]], errors: list[str], status: int,
    killed: list[str], elapsed: float, pgid: int,
) -> int:
    """Print what came out and whether it is everything, exactly once, in order."""
    ids = [str(record["id"]) for record in records]
    expected = [doc["id"] for doc in docs]
    once = len(set(ids)) == len(ids)
    found = [len(record["references"]) for record in records]  # type: ignore[arg-type]
    cited = [sum(CITATIONS[(i + j) % len(TEMPLATES)] for j in range(3)) for i in range(len(docs))]
    deadline = time.monotonic() + 5
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    lingering = group_alive(pgid)
    checks = {
        "exit status 0": status == 0,
        "a worker was killed midway": bool(killed),
        "every id exactly once": once and set(ids) == set(expected),
        "in input order": ids == expected,
        "the references each text cites": found == cited,
        "nothing reported as skipped": errors == [],
        "no process of the run left": not lingering,
    }
    print(f"{len(records):,} records in {elapsed:.0f} s ({len(records) / elapsed:,.0f} documents/s), "
          f"{sum(found):,} references ({sum(cited):,} cited)")
    for line in errors[:5]:
        print("stderr:", line)
    for name, ok in checks.items():
        print(f"{'ok ' if ok else 'FAIL'} {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
