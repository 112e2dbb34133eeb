"""Lazy segmentation gives the same result as `full=True`; importing partydocs loads no model."""

from __future__ import annotations

import gc
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import partydocs

FIXTURES = sorted(Path(__file__).parent.parent.joinpath("fixtures").glob("*.txt"))

PARTY = [
    "Chỉ thị số {n:02d}-CT/TW", "Nghị quyết số {n}-NQ/TW", "Kết luận số {n}-KL/TW", "Quy định số {n:02d}-QĐi/TW",
    "Kế hoạch số {n}-KH/TU", "Hướng dẫn số {n}-HD/BTGTW", "các Nghị quyết số {n}, {m}-NQ/TW", "Thông báo {n}-TB/HU",
    "Chương trình hành động số {n}-CTr/TU", "Quyết định {n} - QĐ/TW",
]
STATE = [
    "Nghị định số {n}/{y}/NĐ-CP", "Quyết định số {n}/QĐ-TTg", "Quyết định số {n}/QĐ-UBND", "Luật số {n}/{y}/QH14",
    "Thông tư số {n}/{y}/TT-BTC", "Công văn số {n}/UBND-VP", "Tờ trình số {n}/TTr-SYT", "Nghị quyết {n}/NQ-CP",
    "Nghị định {n}/{y}/NĐCP", "Số: {n}/QĐ-UBND",
]
DATES = [
    "ngày 15/5/2016", "ngày 18 tháng 5 năm 2021", ", ngày 20 tháng 01 năm 2022", "(ngày 05/3/2020)", "ngày 02-6-2022",
    "năm 2019", "",
]
BODIES = [
    "của Bộ Chính trị", "của Ban Chấp hành Trung ương khóa XII", "của Ban Bí thư", "của Chính phủ",
    "của Thủ tướng Chính phủ", "của Ban Thường vụ Tỉnh ủy", "của Ủy ban nhân dân tỉnh Cao Bằng",
    "của UBND tỉnh Bắc Giang", "của Quốc hội khóa XIV", "do Hội đồng nhân dân tỉnh ban hành",
    "của Bộ Tài nguyên và Môi trường", "của Ban Thường vụ Huyện ủy Ba Bể", "của Bộ Văn hóa, Thể thao và Du lịch",
    "(khóa XIII)", "của các cấp ủy", "",
]
SUBJECTS = [
    'về "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"',
    "về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân", "về công tác văn thư",
    "phê duyệt Chiến lược quốc gia", "về tiếp tục thực hiện Chỉ thị 05", "",
]
LEADS = [
    "Căn cứ ", "Thực hiện ", "Hội nghị đã quán triệt ", "Theo ", "Xét đề nghị của Sở Y tế tại ", "Triển khai ",
    "Ngày 15/5/2016, Bộ Chính trị đã ban hành ", "Ban Thường vụ Tỉnh ủy ban hành ", "- ", "",
]
NAMED = [
    "Nghị quyết Trung ương 4 (khóa XI, XII)", "Luật Thủy sản năm 2017", "Hiến pháp năm 2013", "Điều lệ Đảng",
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    "Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "Quyết định 244 của UBND huyện", "Chỉ thị 05",
    "Nghị quyết này", "Kế hoạch trên",
    "Luật sửa đổi, bổ sung một số điều của Luật Đất đai ngày 29/6/2024 của Quốc hội",
]
FILLER = [
    "Toàn huyện kết nạp 120/150 đảng viên mới, đạt 80% kế hoạch", "Liên hệ số 12/3 đường Trần Hưng Đạo",
    "Đồng chí Bí thư Huyện ủy phát biểu chỉ đạo hội nghị", "Các chi bộ xây dựng kế hoạch trước ngày 30/4/2023",
    "Sáng 12/4/2023, Ban Thường vụ Huyện ủy tổ chức hội nghị trực tuyến", "điện thoại 0209.3870.123",
    "Phòng, chống dịch COVID-19 được chú trọng trong giai đoạn 2021 - 2025", "UBND các xã, thị trấn báo cáo kết quả",
]
JOINS = ["; ", ". ", ", ", " và ", "\n\n", "\n- ", " | ", "\n"]


def citation(rng: random.Random) -> str:
    """One synthetic citation: lead, type and code, then date, body and subject in varying order."""
    code = rng.choice(PARTY + STATE).format(n=rng.randint(1, 999), m=rng.randint(1, 999), y=rng.randint(2000, 2024))
    tail = [rng.choice(DATES), rng.choice(BODIES)]
    if rng.random() < 0.2:
        tail.reverse()
    return " ".join(part for part in (rng.choice(LEADS) + code, *tail, rng.choice(SUBJECTS)) if part).replace(" ,", ",")


def named(rng: random.Random) -> str:
    return rng.choice(NAMED)


def filler(rng: random.Random) -> str:
    return rng.choice(FILLER)


PIECES: list[Callable[[random.Random], str]] = [citation, citation, named, filler]


def paragraph(rng: random.Random) -> str:
    """Citations, named references and filler joined by clause and paragraph breaks."""
    pieces = [rng.choice(PIECES)(rng) for _ in range(rng.randint(1, 8))]
    text = pieces[0]
    for piece in pieces[1:]:
        text += rng.choice(JOINS) + piece
    return text + "."


def corpus(seed: int = 5, size: int = 40) -> list[str]:
    """`size` deterministic synthetic paragraphs, and three documents made of many of them."""
    rng = random.Random(seed)
    paragraphs = [paragraph(rng) for _ in range(size)]
    return [*paragraphs, *("\n\n".join(rng.sample(paragraphs, 12)) for _ in range(3))]


def same_in_both_modes(text: str) -> partydocs.Extraction:
    lazy = partydocs.extract(text)
    assert lazy.model_dump() == partydocs.extract(text, full=True).model_dump()
    return lazy


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_same_in_both_modes(path: Path) -> None:
    assert same_in_both_modes(path.read_text(encoding="utf-8")).references


def test_generated_corpus_same_in_both_modes() -> None:
    results = [same_in_both_modes(text) for text in corpus()]
    references = [ref for doc in results for ref in doc.references]
    assert len(references) > 200
    assert sum(ref.issuer is not None for ref in references) > 50


def test_corpus_is_deterministic() -> None:
    assert corpus() == corpus()


def run(code: str) -> str:
    """What `python -c code` prints, stripped."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_import_loads_no_model_and_only_an_unknown_issuer_does() -> None:
    heavy = "('underthesea', 'pandas', 'pyarrow', 'dask', 'tqdm')"
    assert run(f"import partydocs, sys; print([m for m in {heavy} if m in sys.modules])") == "[]"
    known = "partydocs.extract('Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị')"
    assert run(f"import partydocs, sys; {known}; print('underthesea' in sys.modules)") == "False"
    unknown = "partydocs.extract('Công văn 285/CCTTHC của Tổ công tác chuyên trách cải cách thủ tục hành chính')"
    assert run(f"import partydocs, sys; {unknown}; print('underthesea' in sys.modules)") == "True"


def test_text_without_citations_is_not_segmented() -> None:
    plain = "Sáng 12/4/2023, Ban Thường vụ Huyện ủy tổ chức hội nghị. Toàn huyện kết nạp 120 đảng viên mới."
    assert run(f"import partydocs, sys; partydocs.extract({plain!r}); print('underthesea' in sys.modules)") == "False"


def test_extract_keeps_no_reference_to_the_text() -> None:
    """No cache outlives a call: once `extract` returns, nothing of partydocs but the result (its `text`, kept for
    display) holds the text it was given (a text already in normal form is searched as the very object passed)."""
    text = "".join(["Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị. ", "Thực hiện Chỉ thị 05 và Quyết định 244."])
    held = sys.getrefcount(text)
    doc = partydocs.extract(text)
    gc.collect()
    assert [ref.text for ref in doc.references] == ["Chỉ thị số 05-CT/TW", "Chỉ thị 05", "Quyết định 244"]
    assert sys.getrefcount(text) == held + 1
    assert doc.text is text
    del doc
    gc.collect()
    assert sys.getrefcount(text) == held
