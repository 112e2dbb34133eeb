"""Throughput of partydocs.extract against underthesea and a bare regex, in one process: `python bench/bench.py`.

The corpus is fixtures/*.txt repeated to about 1 MB (short documents) and the fixtures concatenated
to about 300 KB (one long document). Every figure is wall-clock time on this machine.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import regex

FIXTURES = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*.txt"))
CORPUS_CHARS = 1_000_000
LONG_CHARS = 300_000
SAMPLE_CHARS = 100_000
CODE = regex.compile(r"\d{1,5}+(?:/(?:19|20)\d\d)?[-/]\p{Lu}[\p{L}\d]*+(?:[-/]\p{Lu}[\p{L}\d]*+)*+")
"""A bare party or state code (`05-CT/TW`, `30/2020/NĐ-CP`), for the regex baseline."""


def timed(run: Callable[[], Any]) -> float:
    """Seconds `run()` takes."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best(run: Callable[[], Any], runs: int = 2) -> float:
    """The fewest seconds `run()` takes in `runs` runs (the least disturbed by other processes)."""
    return min(timed(run) for _ in range(runs))


def up_to(texts: list[str], chars: int) -> list[str]:
    """`texts` repeated in turn until they hold at least `chars` characters."""
    out: list[str] = []
    while sum(map(len, out)) < chars:
        out.extend(texts)
    return out


def import_seconds(runs: int = 5) -> float:
    """Median wall time of `python -c "import partydocs"` minus that of `python -c pass`."""

    def median(code: str) -> float:
        return statistics.median(timed(lambda: subprocess.run([sys.executable, "-c", code], check=True))
                                 for _ in range(runs))

    median("pass")
    return median("import partydocs") - median("pass")


def segmented_share(texts: list[str]) -> float:
    """The share of the characters of `texts` that extract hands to underthesea (instrumented, untimed)."""
    import partydocs
    from partydocs import tokenize

    original = tokenize.tokenize
    seen = [0]

    def counting(text: str, start: int = 0, end: int | None = None) -> list[tokenize.Token]:
        seen[0] += (len(text) if end is None else end) - start
        return original(text, start, end)

    tokenize.tokenize = counting
    try:
        for text in texts:
            partydocs.extract(text)
    finally:
        tokenize.tokenize = original
    return seen[0] / sum(map(len, texts))


def rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds:>12,.0f} chars/s  ({chars:,} chars in {seconds:.2f} s)"


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor() or "unknown CPU"
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "unknown CPU")


def drain(results: Iterator[Any]) -> int:
    return sum(1 for _ in results)


def main() -> None:
    print(f"machine: {platform.platform()}; {cpu_model()}; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"python:  {platform.python_implementation()} {platform.python_version()}")
    started = time.perf_counter()
    print(f"import partydocs adds {import_seconds():.3f} s over a bare interpreter (median of 5)")

    fixtures = [path.read_text(encoding="utf-8") for path in FIXTURES]
    corpus = up_to(fixtures, CORPUS_CHARS)
    long_doc = "\n\n".join(up_to(fixtures, LONG_CHARS))
    corpus_chars = sum(map(len, corpus))
    print(f"corpus:  {len(corpus)} documents, {corpus_chars:,} chars ({len(fixtures)} fixtures repeated); "
          f"long document {len(long_doc):,} chars")

    from underthesea import word_tokenize

    load = timed(lambda: word_tokenize("Bộ Chính trị ban hành Chỉ thị"))
    sample = up_to(fixtures, SAMPLE_CHARS)
    sample_chars = sum(map(len, sample))
    seconds_ut = best(lambda: [word_tokenize(text) for text in sample])
    ut_speed = sample_chars / seconds_ut
    print(f"\nunderthesea model load {load:.2f} s")
    print(f"underthesea.word_tokenize   {rate(sample_chars, seconds_ut)}  (best of 2)")

    import partydocs

    first = timed(lambda: partydocs.extract(fixtures[0]))
    results: list[partydocs.Extraction] = []

    def extract_corpus() -> None:
        results.clear()
        results.extend(partydocs.extract(text) for text in corpus)

    seconds_short = best(extract_corpus)
    extract_speed = corpus_chars / seconds_short
    references = sum(len(doc.references) for doc in results)
    print(f"partydocs.extract (corpus)  {rate(corpus_chars, seconds_short)}  (best of 2); {references:,} references; "
          f"first call {first:.2f} s")
    seconds_long = best(lambda: results.append(partydocs.extract(long_doc)))
    print(f"partydocs.extract (long)    {rate(len(long_doc), seconds_long)}  (best of 2)")
    rss = peak_rss_mb()
    results.clear()
    seconds_regex = best(lambda: [CODE.findall(text) for text in corpus], 3)
    regex_speed = corpus_chars / seconds_regex
    print(f"bare regex findall of codes {rate(corpus_chars, seconds_regex)}  (best of 3)")
    share = segmented_share(sample)
    print(f"share of the text extract segments with underthesea: {share:.1%}")

    print("\nratios")
    print(f"  extract / underthesea speed         {extract_speed / ut_speed:6.2f}x   (target >= 20x)")
    print(f"  bare regex / extract speed          {regex_speed / extract_speed:6.1f}x   (target <= 10x)")
    long_vs_short = (seconds_long / len(long_doc)) / (seconds_short / corpus_chars)
    print(f"  cost per char, long / short docs    {long_vs_short:6.2f}    (target <= 1.5)")
    print(f"  peak RSS after extracting corpus    {rss:6.0f} MB (target < 400 MB)")

    extract_many = getattr(partydocs, "extract_many", None)
    if extract_many is None:
        print("\npartydocs.extract_many: not available")
    else:
        serial = best(lambda: drain(extract_many(corpus, n_jobs=1)))
        parallel = best(lambda: drain(extract_many(corpus, n_jobs=2)))
        print(f"\nextract_many n_jobs=1        {rate(corpus_chars, serial)}  (best of 2)")
        print(f"extract_many n_jobs=2        {rate(corpus_chars, parallel)}  (best of 2)")
        print(f"  n_jobs=2 / n_jobs=1 speed           {serial / parallel:6.2f}x   (target >= 1.7x)")
    print(f"\nbench ran in {time.perf_counter() - started:.0f} s; load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
