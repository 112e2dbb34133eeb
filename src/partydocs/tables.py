"""Reference tables: code abbreviations (from data/codes.json) and the word lists the rules use."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

DOC_TYPE_WORDS: dict[str, str] = {
    "nghị quyết liên tịch": "Nghị quyết liên tịch",
    "thông tư liên tịch": "Thông tư liên tịch",
    "thông báo kết luận": "Thông báo",
    "chương trình hành động": "Chương trình",
    "văn bản hợp nhất": "Văn bản hợp nhất",
    "nghị quyết": "Nghị quyết",
    "nghị định": "Nghị định",
    "quyết định": "Quyết định",
    "quy định": "Quy định",
    "chỉ thị": "Chỉ thị",
    "kết luận": "Kết luận",
    "kế hoạch": "Kế hoạch",
    "hướng dẫn": "Hướng dẫn",
    "thông báo": "Thông báo",
    "thông tri": "Thông tri",
    "thông tư": "Thông tư",
    "thông cáo": "Thông cáo",
    "công văn": "Công văn",
    "công điện": "Công điện",
    "tờ trình": "Tờ trình",
    "đề án": "Đề án",
    "dự án": "Dự án",
    "báo cáo": "Báo cáo",
    "quy chế": "Quy chế",
    "chương trình": "Chương trình",
    "phương án": "Phương án",
    "bộ luật": "Bộ luật",
    "luật": "Luật",
    "pháp lệnh": "Pháp lệnh",
    "hiến pháp": "Hiến pháp",
    "điều lệ": "Điều lệ",
    "lệnh": "Lệnh",
}
"""Type words written before a number, lower case, mapped to the canonical `doc_type`."""

DOC_TYPE_ABBREVIATIONS: dict[str, str] = {
    "NQ": "Nghị quyết", "NĐ": "Nghị định", "QĐ": "Quyết định", "TT": "Thông tư", "CT": "Chỉ thị",
    "KL": "Kết luận", "KH": "Kế hoạch", "HD": "Hướng dẫn", "CV": "Công văn", "TB": "Thông báo",
}
"""Abbreviated type words written before a full code (`QĐ 360-QĐ/TW`, `NĐ 24/2026/NĐ-CP`)."""

ISSUER_STOP_WORDS: frozenset[str] = frozenset(
    {
        "về", "khóa", "ngày", "tại", "theo", "trong", "nhằm", "để", "đối với", "năm", "số", "từ", "đến",
        "đã", "đang", "sẽ", "vừa", "mới", "ban hành", "phê duyệt", "quy định", "hướng dẫn", "thi hành",
        "thực hiện", "triển khai", "là", "có", "được", "bị", "cho", "với", "kèm theo", "gồm", "sau",
        "trước", "này", "đó", "nói trên", "trên", "thông qua", "nêu", "đề ra", "nhấn mạnh", "khẳng định",
        "yêu cầu", "chỉ rõ", "xác định", "quyết định", "kết luận", "tiếp tục", "bổ sung", "sửa đổi",
        "thay thế", "bãi bỏ", "công bố", "lãnh đạo", "gắn với", "cũng như", "nhưng", "mà", "thì",
        "nhiệm kỳ", "giai đoạn", "thời kỳ", "ký", "hợp nhất", "liên quan",
    }
)
"""Lower-case words (and upper-case in all-caps text) that end an issuing body."""

BODY_HEADS: frozenset[str] = frozenset(
    {
        "ban", "bộ", "ủy ban", "ubnd", "hđnd", "tỉnh ủy", "huyện ủy", "thành ủy", "thị ủy", "quận ủy",
        "đảng ủy", "chi bộ", "chính phủ", "thủ tướng", "quốc hội", "sở", "văn phòng", "hội đồng", "tổ",
        "trưởng ban", "trưởng", "chủ tịch", "bộ chính trị", "ban bí thư", "ban chấp hành", "hội nghị",
        "ban thường vụ", "ủy ban nhân dân", "hội đồng nhân dân", "đảng đoàn", "ban cán sự", "tổng bí thư",
        "bộ trưởng", "chánh văn phòng", "giám đốc", "ban chỉ đạo", "ubkt", "mttq", "tòa án", "viện kiểm sát",
        "kiểm toán", "thanh tra", "ngân hàng", "quân ủy", "bộ tư lệnh", "cục", "tổng cục", "vụ",
        "thường trực", "đảng bộ", "chánh",
    }
)
"""Words that begin the name of an organ (lower case)."""

BODY_TAIL_WORDS: frozenset[str] = frozenset(
    {
        "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "thôn", "bản", "ấp",
        "nhân dân", "trung ương", "chính phủ", "đảng", "chấp hành", "thường vụ", "tw", "tư", "t.ư", "t.w",
        "ủy",
    }
)
"""Lower-case words an organ's name may end with (`Ủy ban nhân dân tỉnh`, `Thủ tướng chính phủ`)."""

LAW_NAME_STOP_WORDS: frozenset[str] = frozenset(
    {
        "ngày", "năm", "số", "về", "được", "đã", "là", "có", "theo", "tại", "trong", "thì", "mà", "để",
        "do", "này", "đó", "trên", "nói", "nêu", "và", "của", "hiện hành", "các", "những", "khi", "nếu",
        "cho", "với", "từ", "đến", "sau", "trước", "kể", "hướng dẫn", "thi hành", "ban hành", "nhằm",
        "cùng", "quy định", "đang", "sẽ", "vẫn", "cũng", "không", "chưa", "đều", "hay", "hoặc", "như",
        "thực hiện", "tuyên truyền", "phổ biến", "vi phạm", "xử lý", "áp dụng", "liên quan", "có liên quan",
    }
)
"""Lower-case words that end a law's name (`Luật Xây dựng ngày ...`, `Luật này`)."""

LAW_NAME_PHRASES: tuple[str, ...] = ("một số", "có công với cách mạng", "có công")
"""Phrases that go on inside a law's name though they begin with a stop word (`Luật sửa đổi, bổ sung
một số điều`, `Pháp lệnh Ưu đãi người có công với cách mạng`)."""

GLUED_AFTER_CODE: tuple[str, ...] = ("ngày", "của", "về", "do", "và", "năm", "tại", "được", "đã", "ban hành", "có")
"""Lower-case words that a lost space glues to the end of a code (`21-KL/TWngày`, `QĐ-UBNDcủa`): never part of it."""

FIXED_WORDS: tuple[str, ...] = (
    "phòng, chống",
    "Văn hóa, Thể thao và Du lịch",
    "Lao động - Thương binh và Xã hội",
    "T.Ư",
    "T.W",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
    "Ban Chấp hành",
    "Ban chấp hành",
    "Ban Thường vụ",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Tỉnh ủy",
    "Huyện ủy",
    "Thành ủy",
    "Thị ủy",
    "Quận ủy",
    "Đảng ủy",
    "nhiệm kỳ",
)
"""Phrases the word segmenter must keep whole (they hold punctuation that otherwise ends a name)."""

ORDINAL_VALUES: dict[str, int] = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
    "mười sáu": 16, "mười bảy": 17, "mười tám": 18, "mười chín": 19, "hai mươi": 20,
}
"""Ordinals in words after `lần thứ` (`Hội nghị lần thứ tư`, `lần thứ mười hai`) and their values."""

ORDINAL_WORDS: frozenset[str] = frozenset(word for ordinal in ORDINAL_VALUES for word in ordinal.split())
"""The syllables of those ordinals."""

ROMAN_VALUES: dict[str, int] = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

LEVEL_WORDS: tuple[str, ...] = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
"""Administrative levels that follow `Đảng bộ` in the name of a Party organisation (`Đảng bộ tỉnh`)."""

MASS_ORGANISATION_WORDS: tuple[str, ...] = (
    "Đoàn TNCS", "Đoàn Thanh niên", "Đoàn thanh niên", "Trung ương Đoàn", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn",
    "Đội Thiếu niên", "Hội Liên hiệp", "Hội Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Công đoàn",
    "Mặt trận Tổ quốc", "Hội Chữ thập đỏ", "Hội Luật gia", "Hội Nhà báo", "TNCS",
)
"""Words that name a mass organisation (its congresses and charters are not Party or state documents)."""

NOISE_PHRASES: tuple[str, ...] = (
    *(word for word in DOC_TYPE_WORDS if " " in word),
    "đại hội", "đại biểu", "đảng bộ", "toàn quốc", "lần thứ", "hội nghị", "trung ương", "ban chấp hành",
    "bộ chính trị", "ban bí thư", "ban thường vụ", "tỉnh ủy", "huyện ủy", "thành ủy", "đảng ủy", "quân ủy",
    "ủy ban nhân dân", "hội đồng nhân dân", "chính phủ", "thủ tướng", "quốc hội", "ban hành", "thực hiện",
    "quán triệt", "nhiệm kỳ", "ban tổ chức", "ban tuyên giáo", "ban chỉ đạo", "ủy ban kiểm tra", "của đảng",
    "tổng kết", "quân đội", "công an",
)
"""Phrases that noisy text spells with scrambled or missing tone marks (`Kết lúận`, `Nghi quyet`), spelt right."""

NOISE_SYLLABLES: tuple[str, ...] = ("ngày", "tháng", "năm", "số", "của", "khóa", "về", "do", "luật", "đảng")
"""Single cue words repaired only where a syllable carries two tone marks (`ngàỷ`, `củà`), which no word has."""


def fold(text: str) -> str:
    """ASCII-fold for table look-ups: no diacritics, `Đ` as `D`, upper case."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


@dataclass(frozen=True)
class LawTitle:
    """One title of data/laws.json: the type word (`Luật`, `Bộ luật`, `Pháp lệnh`) and each version's year."""

    doc_type: str
    title: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class LawTable:
    """The titles of data/laws.json: every spelling (titles and their aliases) and each title by its key."""

    spellings: tuple[str, ...]
    by_key: dict[str, LawTitle]

    def find(self, written: str) -> LawTitle | None:
        """The title written as `written` (in any case, spacing or diacritics), or None."""
        return self.by_key.get(title_key(written))

    def __hash__(self) -> int:
        return id(self)


@cache
def law_table() -> LawTable:
    """Load data/laws.json once per process."""
    raw: dict[str, Any] = json.loads(
        resources.files("partydocs").joinpath("data/laws.json").read_text(encoding="utf-8")
    )
    by_key: dict[str, LawTitle] = {}
    for law in raw["laws"]:
        entry = LawTitle(law["type"], law["title"], tuple(v["year"] for v in law["versions"]))
        by_key.setdefault(title_key(entry.title), entry)
    for alias, title in raw["aliases"].items():
        by_key[title_key(alias)] = by_key[title_key(title)]
    spellings = (*(law["title"] for law in raw["laws"]), *raw["aliases"])
    return LawTable(tuple(dict.fromkeys(spellings)), by_key)


def title_key(title: str) -> str:
    """A title's look-up key: folded, its words joined by single spaces, commas kept."""
    return " ".join(fold(title).replace(",", " , ").split())


@dataclass(frozen=True)
class CodeTable:
    """One table of abbreviations: canonical code -> full name, with ASCII-folded look-up."""

    names: dict[str, str]

    def canonical(self, written: str) -> str | None:
        """The table's spelling of `written` (exact, then case- and diacritic-insensitive)."""
        if written in self.names:
            return written
        return self._by_fold().get(fold(written))

    def name(self, written: str) -> str | None:
        """The full name for a written code, or None when the table lacks it."""
        code = self.canonical(written)
        return self.names[code] if code else None

    @cache  # noqa: B019 - tables live for the whole process
    def _by_fold(self) -> dict[str, str]:
        by_fold: dict[str, str] = {}
        for code in self.names:
            by_fold.setdefault(fold(code), code)
        return by_fold

    def __hash__(self) -> int:
        return id(self)


@dataclass(frozen=True)
class Tables:
    """All code tables of data/codes.json."""

    party_types: CodeTable
    state_types: CodeTable
    party_issuers: CodeTable
    state_issuers: CodeTable
    mass_organisations: frozenset[str]


@cache
def tables() -> Tables:
    """Load data/codes.json once per process."""
    raw: dict[str, Any] = json.loads(
        resources.files("partydocs").joinpath("data/codes.json").read_text(encoding="utf-8")
    )

    def table(*sections: str) -> CodeTable:
        names: dict[str, str] = {}
        for section in sections:
            for code, entry in raw[section].items():
                names.setdefault(code, entry["name"])
        return CodeTable(names)

    return Tables(
        party_types=table("party_doc_types"),
        state_types=table("state_doc_types", "state_doc_types_legacy"),
        party_issuers=table("party_issuers"),
        state_issuers=table("state_issuers"),
        mass_organisations=frozenset(fold(c) for c in raw["mass_organisation_issuers"]["codes"]),
    )


def roman_to_int(numeral: str) -> int | None:
    """`XIII` -> 13; None for anything that is not a Roman numeral."""
    values = [ROMAN_VALUES.get(c) for c in numeral.upper()]
    if not values or None in values:
        return None
    digits = [v for v in values if v is not None]
    total = sum(-v if nxt > v else v for v, nxt in zip(digits, [*digits[1:], 0], strict=True))
    return total if total > 0 else None
