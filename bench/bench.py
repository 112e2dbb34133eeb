"""Speed and memory of partydocs.extract against underthesea and a bare regex, in one process.

`python bench/bench.py` (`--passages DIR` builds the corpora from DIR's `*.txt` instead of the fixtures;
`--rounds N` sets the number of interleaved rounds).

Every text it times is distinct (numbers and place names varied per copy, filler written afresh), and
each round uses copies no earlier round used, so no cache inside or outside partydocs can flatter it.
Two corpora of at least 200 KB: dense (the passages themselves, a reference every few hundred
characters) and sparse (the passages with citation-free news paragraphs between theirs, a reference
every ~2,500 characters, as in a news dump). Each round times, one after another on the same kind of
text, `partydocs.extract`, `underthesea.word_tokenize` (its module pattern restored first) and a bare
code regex; the ratios printed are medians over the rounds, so a burst of load on a shared machine
moves single figures but hardly the ratios.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS_CHARS = 200_000
LONG_CHARS = 1_000_000
SPARSE_SPACING = 2_500
MANY_DOCS = 200
CODE = regex.compile(r"\d{1,5}+(?:/(?:19|20)\d\d)?[-/]\p{Lu}[\p{L}\d]*+(?:[-/]\p{Lu}[\p{L}\d]*+)*+")
"""A bare party or state code (`05-CT/TW`, `30/2020/NĐ-CP`), for the regex baseline."""

PLACES = (
    "Ba Bể", "Bắc Kạn", "Cao Bằng", "Lào Cai", "Hà Giang", "Tuyên Quang", "Thái Nguyên", "Lạng Sơn",
    "Yên Bái", "Sơn La", "Điện Biên", "Lai Châu", "Hòa Bình", "Phú Thọ", "Bắc Giang", "Quảng Ninh",
    "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Gia Lai",
    "Đắk Lắk", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
    "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
)
_PLACE = regex.compile("|".join(map(regex.escape, sorted(PLACES, key=len, reverse=True))))
_NUMBER = regex.compile(r"\d+")
_PARAGRAPHS = regex.compile(r"\n\s*\n")

# Citation-free news sentences (written for this benchmark): numbers, places, people and organs, as
# news prose has them, but no document. Slots: {place} {other} {n} {m} {pct} {name} {crop} {month}.
FILLER = (
    "Những ngày này, người dân xã {other} tất bật thu hoạch {crop}, năng suất ước đạt {n} tạ mỗi héc-ta.",
    "Theo ông {name}, Chủ tịch Hội Nông dân xã, năm nay thời tiết thuận lợi nên bà con phấn khởi.",
    "Toàn huyện hiện có {m} hộ trồng {crop} với tổng diện tích hơn {n} héc-ta, tăng {pct}% so với cùng kỳ.",
    "Giá bán tại ruộng dao động từ {n} đến {m} nghìn đồng mỗi ki-lô-gam, thương lái đến tận nơi thu mua.",
    "Con đường bê tông dài {n} mét nối trung tâm xã với thôn {other} vừa được khánh thành trong niềm vui của bà con.",
    "Công trình có tổng mức đầu tư {m} triệu đồng, trong đó Nhân dân đóng góp ngày công và hiến đất.",
    "Bà {name} cho biết trước đây mỗi mùa mưa lũ, học sinh trong thôn phải nghỉ học nhiều ngày.",
    "Trận mưa lớn kéo dài từ đêm qua khiến nhiều tuyến đường ở {place} bị ngập sâu từ {n} đến {m} xăng-ti-mét.",
    "Lực lượng chức năng đã sơ tán {n} hộ dân ra khỏi khu vực có nguy cơ sạt lở, không có thiệt hại về người.",
    "Đài Khí tượng thủy văn khu vực dự báo trong {n} ngày tới, nhiệt độ thấp nhất ở vùng núi có nơi dưới {m} độ.",
    "Tại trạm y tế xã, các bác sĩ đã khám và phát thuốc miễn phí cho {m} người cao tuổi và trẻ em.",
    "Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới một tuổi trên địa bàn đạt {pct}%, cao hơn mức bình quân của tỉnh.",
    "Đội bóng đá {place} giành chiến thắng {n}-{m} trong trận đấu chiều qua trên sân vận động trung tâm.",
    "Hơn {m} vận động viên đến từ các xã, thị trấn tham gia giải việt dã, thu hút đông đảo người dân cổ vũ.",
    "Lượng khách du lịch đến {place} trong tháng {month} ước đạt {m} lượt, doanh thu tăng {pct}%.",
    "Nhiều homestay ở thôn {other} đã kín phòng, chủ yếu là khách từ các tỉnh đồng bằng và khách nước ngoài.",
    "Anh {name}, chủ một cơ sở chế biến chè, cho biết sản phẩm đã có mặt ở {n} cửa hàng tại thành phố.",
    "Mỗi năm cơ sở tiêu thụ khoảng {m} tấn chè búp tươi, tạo việc làm ổn định cho {n} lao động địa phương.",
    "Chợ phiên {other} họp vào sáng chủ nhật hằng tuần, bày bán rau rừng, măng khô, gà đồi và vải thổ cẩm.",
    "Các em học sinh trường tiểu học {other} háo hức đón năm học mới trong những phòng học vừa được sửa sang.",
    "Nhà trường hiện có {n} lớp với {m} học sinh, trong đó phần lớn là con em đồng bào dân tộc thiểu số.",
    "Điện lực {place} đã thay thế {m} cột điện cũ, bảo đảm cấp điện an toàn trong mùa mưa bão.",
    "Sau {n} năm triển khai mô hình nuôi cá lồng, thu nhập của các hộ tham gia tăng gấp đôi.",
    "Chị {name} chia sẻ, nhờ được tập huấn kỹ thuật, đàn gà của gia đình đã phát triển lên {m} con.",
    "Ngân sách xã năm nay dành {n} triệu đồng để hỗ trợ giống cây trồng cho các hộ nghèo.",
    "Bệnh viện đa khoa {place} vừa đưa vào sử dụng máy chụp cắt lớp {n} lát cắt, người bệnh không phải chuyển tuyến.",
    "Trong {month} tháng đầu năm, toàn tỉnh giải quyết việc làm cho {m} lao động, vượt kế hoạch đề ra.",
    "Lễ hội đầu xuân ở {place} diễn ra trong {n} ngày với các trò chơi dân gian như đẩy gậy, kéo co, ném còn.",
    "Ông {name} năm nay đã ngoài {n} tuổi nhưng vẫn hằng ngày lên nương chăm sóc vườn cây ăn quả.",
    "Những cánh đồng {crop} xanh mướt trải dài hai bên bờ sông, hứa hẹn một vụ mùa bội thu.",
)
NAMES = ("Nguyễn Văn Hùng", "Hoàng Thị Lan", "Nông Văn Tài", "Lý Thị Mai", "Triệu Văn Sơn", "Ma Thị Hoa",
         "Đàm Văn Minh", "La Thị Thu", "Hà Văn Phúc", "Dương Thị Hạnh", "Lục Văn Bình", "Bế Thị Nga")
CROPS = ("lúa", "ngô", "chè", "quýt", "cam", "dong riềng", "khoai môn", "đậu tương", "lạc", "mía")


def varied(text: str, k: int) -> str:
    """Copy `k` of `text`: place names rotated and every number changed, keeping each number's width
    and kind (a day stays a day, a month a month, a year a nearby year), so dates stay dates."""
    shift = k * 7919

    def number(match: regex.Match[str]) -> str:
        written = match.group()
        n = int(written)
        if len(written) == 4 and 1900 <= n <= 2099:
            return str(n + k % 9 - 4)
        if 1 <= n <= 12:
            return str((n - 1 + k) % 12 + 1).zfill(len(written))
        if 13 <= n <= 28:
            return str(13 + (n - 13 + k) % 16)
        if n < 32 or len(written) > 6:
            return written
        low = 10 ** (len(written) - 1)
        return str(max(low, 32) + (n + shift) % (9 * low - max(0, 32 - low)))

    placed = _PLACE.sub(lambda m: PLACES[(PLACES.index(m.group()) + k) % len(PLACES)], text)
    return _NUMBER.sub(number, placed)


def filler(k: int, chars: int) -> str:
    """About `chars` characters of citation-free news paragraphs, different for every `k`."""
    sentences: list[str] = []
    size = 0
    for i in count():
        template = FILLER[(k * 13 + i * 7) % len(FILLER)]
        j = k * 31 + i
        sentence = template.format(
            place=PLACES[j % len(PLACES)], other=PLACES[(j * 5 + 3) % len(PLACES)], n=10 + j * 37 % 290,
            m=100 + j * 7919 % 9000, pct=1 + j % 40, name=NAMES[j % len(NAMES)], crop=CROPS[j % len(CROPS)],
            month=1 + j % 12,
        )
        sentences.append(sentence + ("\n\n" if i % 4 == 3 else " "))
        size += len(sentences[-1])
        if size >= chars:
            return "".join(sentences).strip()
    raise AssertionError("unreachable")


def sparse(text: str, references: int, k: int) -> str:
    """`text` with filler between its paragraphs, so that it holds a reference every ~2,500 characters."""
    paragraphs = _PARAGRAPHS.split(text)
    missing = max(0, references * SPARSE_SPACING - len(text))
    per_gap = missing // max(1, len(paragraphs))
    parts = [p + "\n\n" + filler(k * 100 + i, per_gap) for i, p in enumerate(paragraphs)]
    return "\n\n".join(parts)


class Corpora:
    """Distinct dense and sparse texts, handed out so that no copy is ever timed twice."""

    def __init__(self, passages: list[str], references: list[int]) -> None:
        self.passages = passages
        self.references = references
        self.copies = count(1)

    def dense(self, chars: int) -> list[str]:
        """Distinct copies of the passages, at least `chars` characters in all."""
        return self._take(chars, lambda text, _refs, k: varied(text, k))

    def sparse(self, chars: int) -> list[str]:
        """Distinct copies of the passages with filler around them, at least `chars` characters in all."""
        return self._take(chars, lambda text, refs, k: sparse(varied(text, k), refs, k))

    def _take(self, chars: int, make: Callable[[str, int, int], str]) -> list[str]:
        out: list[str] = []
        size = 0
        while not out or size < chars:
            k = next(self.copies)
            for text, refs in zip(self.passages, self.references, strict=True):
                out.append(make(text, refs, k))
                size += len(out[-1])
        return out


def seconds(run: Callable[[], Any]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def rate(run: Callable[[str], object], texts: list[str]) -> float:
    """Characters per second of `run` over `texts`, one call per text."""
    start = time.perf_counter()
    for text in texts:
        run(text)
    return chars(texts) / (time.perf_counter() - start)


def chars(texts: Iterable[str]) -> int:
    return sum(map(len, texts))


def restore_underthesea() -> None:
    """Put back underthesea's own token pattern, which a call with `fixed_words` replaces for good."""
    from underthesea.pipeline.word_tokenize import regex_tokenize as rt

    rt.patterns = re.compile("(" + "|".join(rt.regex_patterns) + ")", re.VERBOSE | re.UNICODE)


def machine() -> str:
    """CPU model and count (from lscpu when there is one), OS, Python."""
    cpu = platform.processor() or "unknown CPU"
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        fields = dict(line.split(":", 1) for line in lscpu.splitlines() if ":" in line)
        cpu = fields.get("Model name", cpu).strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return (f"{cpu}, {os.cpu_count()} CPUs; {platform.system()} {platform.release()}; "
            f"{platform.python_implementation()} {platform.python_version()}")


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def median_line(name: str, values: list[float], unit: str, target: str = "") -> None:
    def shown(v: float) -> str:
        return f"{v:,.2f}" if v < 100 else f"{v:,.0f}"

    rounds = ", ".join(map(shown, values))
    print(f"  {name:<46} {shown(statistics.median(values)):>12} {unit:<8} {target:<15} rounds: {rounds}")


def speeds(corpora: Corpora, kind: str, rounds: int) -> dict[str, list[float]]:
    """Per round, chars/s of extract, word_tokenize and the code regex on fresh texts of one kind."""
    from underthesea import word_tokenize

    import partydocs

    runs: dict[str, Callable[[str], object]] = {
        "extract": partydocs.extract, "underthesea": word_tokenize, "regex": CODE.findall,
    }
    out: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        restore_underthesea()
        for name, run in runs.items():
            batch: list[str] = getattr(corpora, kind)(CORPUS_CHARS)
            out[name].append(rate(run, batch))
    return out


def per_char(corpora: Corpora, rounds: int) -> list[float]:
    """Per round, extract's cost per char on one ~1 MB dense text over its cost on short dense texts."""
    import partydocs

    ratios = []
    for _ in range(rounds):
        short, long = corpora.dense(CORPUS_CHARS), "\n\n".join(corpora.dense(LONG_CHARS))
        short_cost = seconds(lambda: [partydocs.extract(t) for t in short]) / chars(short)  # noqa: B023
        long_cost = seconds(lambda: partydocs.extract(long)) / len(long)  # noqa: B023
        ratios.append(long_cost / short_cost)
    return ratios


def many(corpora: Corpora, rounds: int) -> tuple[list[float], list[float]]:
    """Per round, chars/s of extract_many over 200 fresh short texts with one worker, then two."""
    import partydocs

    serial: list[float] = []
    parallel: list[float] = []
    for _ in range(rounds):
        for jobs, out in ((1, serial), (2, parallel)):
            texts = corpora.dense(0)
            while len(texts) < MANY_DOCS:
                texts += corpora.dense(0)
            texts = texts[:MANY_DOCS]
            out.append(chars(texts) / seconds(lambda: drain(partydocs.extract_many(texts, n_jobs=jobs))))  # noqa: B023
    return serial, parallel


def drain(results: Iterator[Any]) -> int:
    return sum(1 for _ in results)


def rss_child(passages_dir: str | None) -> None:
    """In a fresh process: MB of peak RSS that extracting one ~1 MB dense text adds, per million chars."""
    import partydocs

    corpora = build(passages_dir)
    text = "\n\n".join(corpora.dense(LONG_CHARS))
    partydocs.extract(corpora.dense(0)[0])
    gc.collect()
    before = resident_kib(reset_peak=True)
    result = partydocs.extract(text)
    added = peak_kib() - before
    print(f"{added / 1024 / (len(text) / 1e6):.2f} {len(text)} {len(result.references)}")


def resident_kib(reset_peak: bool = False) -> int:
    """This process's resident set now, in KiB; on Linux first resets the peak to it (`clear_refs`)."""
    status = Path("/proc/self/status")
    if not status.exists():
        return peak_kib()
    if reset_peak:
        Path("/proc/self/clear_refs").write_text("5")
    return next(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmRSS:"))


def peak_kib() -> int:
    """This process's peak resident set, in KiB (since the last reset on Linux)."""
    status = Path("/proc/self/status")
    if status.exists():
        return next(int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:"))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def rss_per_mb(passages_dir: str | None) -> tuple[float, int]:
    args = [sys.executable, __file__, "--rss-child"] + (["--passages", passages_dir] if passages_dir else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def build(passages_dir: str | None) -> Corpora:
    """The corpora from `passages_dir`'s `*.txt` (default: the fixtures), with each passage's reference count."""
    import partydocs

    folder = Path(passages_dir) if passages_dir else ROOT / "fixtures"
    passages = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
    return Corpora(passages, [max(1, len(partydocs.extract(p).references)) for p in passages])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", help="build the corpora from this folder's *.txt (default: fixtures/)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds per measure (default 5)")
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.passages)
        return
    started = time.perf_counter()
    print(f"machine: {machine()}")
    print(f"start:   {load()}")
    from underthesea import word_tokenize

    import partydocs

    corpora = build(args.passages)
    refs, size = sum(corpora.references), chars(corpora.passages)
    print(f"source:  {len(corpora.passages)} passages from {args.passages or 'fixtures/'}, {size:,} chars, "
          f"{refs} references (one every {size // refs} chars); corpora of {CORPUS_CHARS:,}+ chars per measure")
    restore_underthesea()
    word_tokenize(filler(0, 200))  # loads the model, untimed

    ratios: dict[str, dict[str, list[float]]] = {}
    for kind in ("dense", "sparse"):
        measured = speeds(corpora, kind, args.rounds)
        sample = getattr(corpora, kind)(CORPUS_CHARS)
        found = sum(len(partydocs.extract(t).references) for t in sample)
        print(f"\n{kind}: a reference every {chars(sample) // max(1, found):,} chars "
              f"(median of {args.rounds} interleaved rounds, fresh texts each)")
        for name, label in (("extract", "partydocs.extract"), ("underthesea", "underthesea.word_tokenize"),
                            ("regex", "bare regex findall of codes")):
            median_line(label, measured[name], "chars/s")
        ratios[kind] = {
            "vs underthesea": [e / u for e, u in zip(measured["extract"], measured["underthesea"], strict=True)],
            "regex slower": [r / e for e, r in zip(measured["extract"], measured["regex"], strict=True)],
        }
    print("\nratios (medians of the per-round ratios)")
    median_line("extract / underthesea speed, dense", ratios["dense"]["vs underthesea"], "x", "(target >= 10)")
    median_line("extract / underthesea speed, sparse", ratios["sparse"]["vs underthesea"], "x", "(target >= 25)")
    median_line("extract slower than bare regex, dense", ratios["dense"]["regex slower"], "x", "(target <= 50)")
    median_line("extract slower than bare regex, sparse", ratios["sparse"]["regex slower"], "x", "(target <= 30)")
    long_rounds = max(1, args.rounds // 2)
    median_line("cost per char, one 1 MB text / short texts", per_char(corpora, long_rounds), "", "(target <= 1.2)")
    rss, length = rss_per_mb(args.passages)
    print(f"  {'peak RSS added per million chars (dense)':<46} {rss:>12,.2f} {'MB':<8} {'(target < 15)':<15} "
          f"one text of {length:,} chars, in a fresh process")
    serial, parallel = many(corpora, max(1, args.rounds // 2))
    median_line("extract_many n_jobs=1, 200 short texts", serial, "chars/s")
    median_line("extract_many n_jobs=2, 200 short texts", parallel, "chars/s")
    median_line("extract_many n_jobs=2 / n_jobs=1", [p / s for s, p in zip(serial, parallel, strict=True)], "x",
                "(target >= 1.7)")
    print(f"\nend:     {load()}; bench ran {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
