"""Document identity: `Reference.key` is one string for every mention of one document, `scope` places local codes."""

from __future__ import annotations

import pytest

import partydocs
from partydocs.keys import canonical_code, is_local


def keys(*texts: str) -> list[tuple[str, str, str | None]]:
    return [(r.text, r.key, r.scope) for text in texts for r in partydocs.extract(text).references]


def test_one_document_written_ten_ways_has_one_key() -> None:
    found = keys(
        "Kết luận số 445-KL/TƯ ngày 10/01/2019 của Bộ Chính trị. Kết luận 445 được phổ biến. KẾT LUẬN SỐ 445-KL/TW. "
        "Kết luận số 445 - KL/TW; kết luận số 445-kl/tw; Kết luận 445–KL/TW.",
        "Quán triệt Kết\nluận số 445-KL/TW của Bộ Chính trị và các văn bản khác.",
    )
    assert [text for text, _, _ in found] == [
        "Kết luận số 445-KL/TƯ", "Kết luận 445", "KẾT LUẬN SỐ 445-KL/TW", "Kết luận số 445 - KL/TW",
        "kết luận số 445-kl/tw", "Kết luận 445–KL/TW", "Kết\nluận số 445-KL/TW",
    ]
    assert {key for _, key, _ in found} == {"445-KL/TW"}
    assert {scope for _, _, scope in found} == {None}


def test_code_keeps_its_letters_as_written() -> None:
    (ref,) = partydocs.extract("Kết luận số 445-KL/TƯ của Bộ Chính trị").references
    assert (ref.code, ref.key) == ("445-KL/TƯ", "445-KL/TW")


@pytest.mark.parametrize(
    ("code", "key"),
    [
        ("445-KL/TƯ", "445-KL/TW"), ("445-kl/T.Ư", "445-KL/TW"), ("445 – KL/TW", "445-KL/TW"),
        ("30/2020/NĐ-CP", "30/2020/ND-CP"), ("30/2020/ND-CP", "30/2020/ND-CP"), ("08-QĐi/TW", "8-QDI/TW"),
        ("01-KH/HU", "1-KH/HU"), ("05-QC/BTCTU-BDVTU", "5-QC/BTCTU-BDVTU"),
    ],
)
def test_canonical_code(code: str, key: str) -> None:
    assert canonical_code(code) == key


def test_tinh_uy_is_not_trung_uong() -> None:
    assert canonical_code("445-KL/TU") != canonical_code("445-KL/TƯ")


@pytest.mark.parametrize(
    ("kind", "issuer", "local"),
    [("party", "TW", False), ("party", "TƯ", False), ("party", "UBKTTW", False), ("state", "CP", False),
     ("state", "QH14", False), ("state", "TTg", False), ("party", "TU", True), ("party", "HU", True),
     ("party", "ĐU", True), ("state", "UBND", True), ("state", "TTr-SYT", True), ("party", None, False)],
)
def test_local_codes(kind: str, issuer: str | None, local: bool) -> None:
    assert is_local(kind, issuer) is local


def test_two_districts_plans_with_one_code_are_two_documents() -> None:
    ba_be, cho_moi = keys(
        "Ban Thường vụ Huyện ủy Ba Bể ban hành Kế hoạch số 01-KH/HU ngày 2/3/2021.",
        "Huyện ủy Chợ Mới đã có Kế hoạch số 01-KH/HU triển khai nghị quyết.",
    )
    assert ba_be[1:] == ("1-KH/HU@Ba Bể, Bắc Kạn", "Ba Bể, Bắc Kạn")
    assert cho_moi[1:] == ("1-KH/HU@Chợ Mới", "Chợ Mới")


def test_a_local_code_takes_the_place_of_the_texts_own_organs() -> None:
    (found,) = keys("Sáng 5/3, Huyện ủy Ba Bể tổ chức hội nghị. Tại hội nghị, Kế hoạch số 01-KH/HU được quán triệt.")
    assert found[1:] == ("1-KH/HU@Ba Bể, Bắc Kạn", "Ba Bể, Bắc Kạn")


def test_a_local_code_without_a_place_says_so() -> None:
    (found,) = keys("Kế hoạch số 01-KH/HU được quán triệt.")
    assert found[1:] == ("1-KH/HU@?", None)


def test_a_provincial_code_is_scoped_by_province() -> None:
    (found,) = keys("Kế hoạch 33-KH/TU của Ban Thường vụ Tỉnh ủy Bắc Kạn")
    assert found[1:] == ("33-KH/TU@Bắc Kạn", "Bắc Kạn")


def test_named_documents_are_keyed_by_what_names_them() -> None:
    found = keys(
        "Thực hiện Luật Đất đai 2024, Luật đất đai năm 2024 và LUẬT ĐẤT ĐAI 2024. Hiến pháp năm 2013, Hiến pháp 2013. "
        "Điều lệ Đảng. Nghị quyết Trung ương 4 (khóa XII), Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương "
        "khóa XII. Nghị quyết Đại hội XIII của Đảng, Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng."
    )
    assert [key for _, key, _ in found] == [
        "Luật đất đai 2024", "Luật đất đai 2024", "Luật đất đai 2024", "Hiến pháp 2013", "Hiến pháp 2013",
        "Điều lệ đảng", "Nghị quyết Trung ương 4 khóa 12", "Nghị quyết Trung ương 4 khóa 12",
        "Nghị quyết Đại hội 13", "Nghị quyết Đại hội 13",
    ]


def test_different_laws_and_plenums_have_different_keys() -> None:
    found = keys(
        "Luật Đất đai 2013 và Luật Đất đai 2024; Luật Đầu tư 2020. Nghị quyết Trung ương 4 (khóa XI, XII)."
    )
    assert [key for _, key, _ in found] == [
        "Luật đất đai 2013", "Luật đất đai 2024", "Luật đầu tư 2020",
        "Nghị quyết Trung ương 4 khóa 11", "Nghị quyết Trung ương 4 khóa 12",
    ]
