"""Worst-case time and memory of partydocs.extract on adversarial inputs: `python bench/worst_case.py`.

Each input (those named `html: ...` with `html=True`) is run at two sizes, n and 4n characters,
with n chosen so the first run takes about a quarter of a second. The table gives the cost per
character at both sizes and their ratio: near 1 is linear, above 2 is flagged. Then child processes
extract a 20 MB text (filler with a citation paragraph every 100 KB), in NFC and in NFD, and
report the peak RSS against the size of the text.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from typing import Literal

TARGET_SECONDS = 0.25
FIRST_N = 10_000
MAX_N = 2_000_000
FLAG_RATIO = 2.0
MEMORY_CHARS = 20_000_000
PARAGRAPH = (
    "Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, "
    "đạo đức, phong cách Hồ Chí Minh. Ban Thường vụ Tỉnh ủy Hòa Bình (khóa XVI) đề nghị Ủy ban nhân dân "
    "tỉnh thực hiện Nghị định 30/2020/NĐ-CP và Quyết định số 1579/QĐ-UBND ngày 20 tháng 01 năm 2022.\n"
)
FILLER = "Thời tiết hôm nay đẹp, bà con nông dân phấn khởi ra đồng gặt lúa và chăm sóc vườn cây ăn quả. "


def repeat(unit: str) -> Callable[[int], str]:
    """`unit` repeated to `n` characters."""
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def ending(unit: str, tail: str) -> Callable[[int], str]:
    """`unit` repeated to `n` characters, then `tail`."""
    return lambda n: repeat(unit)(n) + tail


def counting(template: str) -> Callable[[int], str]:
    """`template` with `{}` filled by 1, 2, 3, ... up to `n` characters: many distinct citations."""

    def build(n: int) -> str:
        parts: list[str] = []
        size = i = 0
        while size < n:
            i += 1
            parts.append(template.format(i % 100_000))
            size += len(parts[-1])
        return "".join(parts)

    return build


CASES: dict[str, Callable[[int], str]] = {
    "'số 1-' * n": repeat("số 1-"),
    "'Nghị quyết số ' * n": repeat("Nghị quyết số "),
    "'1/' * n": repeat("1/"),
    "'1' * n": repeat("1"),
    "'của Ban ' * n": repeat("của Ban "),
    "'(khóa ' * n": repeat("(khóa "),
    "'Đ' * n + '/'": ending("Đ", "/"),
    "'ngày 1/' * n": repeat("ngày 1/"),
    "'Chỉ thị số 05-CT/TW ' * n": repeat("Chỉ thị số 05-CT/TW "),
    "'a' * n": repeat("a"),
    "no spaces": repeat("Chỉthịsố05-CT/TWngày15/5/2016củaBộChínhtrịvềđẩymạnhhọctập"),
    "'Ủy ban ' * n": repeat("Ủy ban "),
    "'- ' * n": repeat("- "),
    "NFD paragraph * n": repeat(unicodedata.normalize("NFD", PARAGRAPH)),
    "NFC paragraph * n": repeat(PARAGRAPH),
    "distinct codes, dated, with issuer": counting("Chỉ thị số {}-CT/TW ngày 15/5/2016 của Ban Thường vụ Tỉnh ủy; "),
    "'Chỉ thị số 05-CT/TW của Ban ' * n": repeat("Chỉ thị số 05-CT/TW của Ban "),
    "code then short forms": repeat("Chỉ thị số 05-CT/TW Chỉ thị 05 "),
    "date, issuer, verb, code": repeat("Ngày 15/5/2016, Bộ Chính trị ban hành Chỉ thị số 05-CT/TW. "),
    "headers 'Số: i/QĐ-UBND'": counting("Số: {}/QĐ-UBND ngày 1/1/2020\n"),
    "'Luật Đất đai. ' * n": repeat("Luật Đất đai. "),
    "'Luật sửa đổi ' * n + date": ending("Luật sửa đổi ", "ngày 1/1/2020"),
    "'Đề án 30 do Bộ ' * n": repeat("Đề án 30 do Bộ "),
    "'Nghị quyết này ' * n": repeat("Nghị quyết này "),
    "'Nghị quyết ' * n": repeat("Nghị quyết "),
    "'Nghị quyết Đại hội ' * n": repeat("Nghị quyết Đại hội "),
    "congress then elliptic resolutions": repeat("Đại hội Đảng bộ tỉnh lần thứ X. Nghị quyết Đại hội đã "),
    "'luật đất đai năm 2013 và ' * n": repeat("luật đất đai năm 2013 và "),
    "'ban hành Quy định ' * n": repeat("ban hành Quy định "),
    "'Kết luận của Bộ Chính trị về ' * n": repeat("Kết luận của Bộ Chính trị về "),
    "'Nghị qụỵết ' * n": repeat("Nghị qụỵết "),
    "'nghi quyet dai hoi ' * n": repeat("nghi quyet dai hoi "),
    "'Nghị quyết Trung ương 4 (khóa XI, XII) ' * n": repeat("Nghị quyết Trung ương 4 (khóa XI, XII) "),
    "citation + ' ' * n": lambda n: "Chỉ thị số 05-CT/TW của Bộ Chính trị" + " " * n + "về",
    "'\\n' * n": repeat("\n"),
    "'\\r\\n' * n": repeat("\r\n"),
    "'a\\u200b' * n": repeat("a\u200b"),
    "'\"' * n": repeat('"'),
    "'(' * n": repeat("("),
    "'18, ' * n + '19-NQ/TW'": ending("18, ", "19-NQ/TW"),
    "'ngày ' * n": repeat("ngày "),
    "'năm ' * n": repeat("năm "),
    "'quý I' * n": repeat("quý I"),
    "'Sáng 9/8 ' * n": repeat("Sáng 9/8 "),
    "'ngày 1 đến ' * n": repeat("ngày 1 đến "),
    "'9/9 ' * n": repeat("9/9 "),
    "'Ban Chỉ đạo a, ' * n": repeat("Ban Chỉ đạo a, "),
    "'UBND xã ' * n": repeat("UBND xã "),
    "'sửa đổi, bổ sung ' * n": repeat("sửa đổi, bổ sung "),
}
HTML_CASES: dict[str, Callable[[int], str]] = {
    "html: page * n": repeat(f"<div><p>{PARAGRAPH}</p><script>var s = 'Chỉ thị số 9-CT/TW';</script></div>\n"),
    "html: 'x' + ' ' * n": lambda n: "x" + " " * n,
    "html: '<a ' * n": repeat("<a "),
    "html: '<!--' * n": repeat("<!--"),
    "html: '<script>' * n": repeat("<script>"),
    "html: '&#1' * n": repeat("&#1"),
    "html: '<' * n": repeat("<"),
    "html: '<b>Chỉ thị</b> số 05-CT/TW&nbsp;' * n": repeat("<b>Chỉ thị</b> số 05-CT/TW&nbsp;"),
}


def seconds(text: str, html: bool, runs: int = 2) -> float:
    """The best wall time of `runs` calls of extract on `text`."""
    import partydocs

    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        partydocs.extract(text, html=html)
        best = min(best, time.perf_counter() - start)
    return best


def measure(build: Callable[[int], str], html: bool) -> tuple[int, float, float]:
    """Size n and the cost per character (µs) at n and 4n characters."""
    first = seconds(build(FIRST_N), html, runs=1)
    n = max(FIRST_N, min(MAX_N, int(FIRST_N * TARGET_SECONDS / max(first, 1e-6))))
    small, large = build(n), build(4 * n)
    return n, seconds(small, html) / len(small) * 1e6, seconds(large, html) / len(large) * 1e6


def time_table(only: str | None) -> None:
    """Print the per-character cost at two sizes for every input (or those whose name holds `only`)."""
    import partydocs

    partydocs.extract(PARAGRAPH)
    print(f"{'input':<48} {'n':>10} {'µs/char n':>10} {'µs/char 4n':>11} {'ratio':>6}")
    flagged = []
    for name, build in [*CASES.items(), *HTML_CASES.items()]:
        if only and only not in name:
            continue
        n, small, large = measure(build, html=name in HTML_CASES)
        ratio = large / small
        flag = "  <-- super-linear" if ratio > FLAG_RATIO else ""
        if flag:
            flagged.append(name)
        print(f"{name:<48} {n:>10,} {small:>10.2f} {large:>11.2f} {ratio:>6.2f}{flag}", flush=True)
    print(f"\n{len(flagged)} inputs with a ratio above {FLAG_RATIO}: {', '.join(flagged) or 'none'}")


def rss_mb(field: str = "VmRSS") -> float:
    """This process's current (`VmRSS`) or peak (`VmHWM`) resident set size, from /proc (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> None:
    """Start the peak (`VmHWM`) afresh, so building the text does not count (Linux 4.0+; else a no-op)."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


def memory(form: Literal["NFC", "NFD"]) -> None:
    """Extract a 20 MB text (filler with a citation paragraph every ~100 KB) in `form` and print the peak RSS."""
    import partydocs

    partydocs.extract(PARAGRAPH)
    block = unicodedata.normalize(form, FILLER * (100_000 // len(FILLER)) + PARAGRAPH)
    text = (block * (MEMORY_CHARS // len(block) + 1))[:MEMORY_CHARS]
    size_mb = sys.getsizeof(text) / 2**20
    reset_peak_rss()
    before = rss_mb()
    start = time.perf_counter()
    doc = partydocs.extract(text)
    elapsed = time.perf_counter() - start
    peak = rss_mb("VmHWM")
    print(f"20 MB {form} text: {len(text):,} chars, {size_mb:.0f} MiB as a str; {len(doc.references)} references, "
          f"{len(doc.dates)} dates, {len(doc.bodies)} bodies in {elapsed:.1f} s")
    print(f"RSS before extract {before:.0f} MiB, peak {peak:.0f} MiB: extract added {peak - before:.0f} MiB "
          f"= {(peak - before) / size_mb:.1f} times the text")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    parser.add_argument("--memory", choices=["NFC", "NFD"], help="only the 20 MB memory run, in this process")
    parser.add_argument("--no-memory", action="store_true", help="skip the 20 MB memory run")
    args = parser.parse_args()
    if args.memory:
        memory(args.memory)
        return
    print(f"load average {os.getloadavg()[0]:.2f}")
    time_table(args.only)
    if not args.no_memory:
        for form in ("NFC", "NFD"):
            print()
            subprocess.run([sys.executable, __file__, "--memory", form], check=True)


if __name__ == "__main__":
    main()
