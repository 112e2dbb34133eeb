"""Examples for the code extractor: Party and state shapes, variants, and look-alikes that are not codes."""

from __future__ import annotations

import pytest

from partydocs.codes import find_codes
from partydocs.normalize import normalize


def codes_in(text: str) -> list[str]:
    return [code for match in find_codes(normalize(text).text) for code in match.codes]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Kết luận số 21-KL/TW", ["21-KL/TW"]),
        ("Kế hoạch 111-KH/HU", ["111-KH/HU"]),
        ("Quy định 08-QĐi/TW", ["08-QĐi/TW"]),
        ("QUY ĐỊNH SỐ 07-QĐI/TW", ["07-QĐi/TW"]),
        ("Số 445-KL/TƯ", ["445-KL/TƯ"]),
        ("Chỉ thị 05 - CT/TW", ["05-CT/TW"]),
        ("Quy định 08- QĐi/TW", ["08-QĐi/TW"]),
        ("Nghị quyết 21 – NQ/TW", ["21-NQ/TW"]),
        ("số31-QĐ/TW", ["31-QĐ/TW"]),
        ("36-hd/vptw", ["36-HD/VPTW"]),
        ("Quy chế 05-QC/BTCTU-BDVTU", ["05-QC/BTCTU-BDVTU"]),
        ("các Nghị quyết số 18, 19-NQ/TW", ["18-NQ/TW", "19-NQ/TW"]),
        ("Kết luận số 21-KL/TWngày 25/10/2021", ["21-KL/TW"]),
        ("Hướng dẫn 01-HD/BTGTU-BTCTUcủa Ban", ["01-HD/BTGTU-BTCTU"]),
    ],
)
def test_party_codes(text: str, codes: list[str]) -> None:
    assert codes_in(text) == codes
    assert all(m.kind == "party" for m in find_codes(normalize(text).text))


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Nghị định 30/2020/NĐ-CP", ["30/2020/NĐ-CP"]),
        ("Quyết định 1234/QĐ-UBND", ["1234/QĐ-UBND"]),
        ("Luật số 45/2019/QH14", ["45/2019/QH14"]),
        ("Nghị quyết 351/2017/UBTVQH14", ["351/2017/UBTVQH14"]),
        ("Chỉ thị 10/CT-TTg và 11/CT-TTG", ["10/CT-TTg", "11/CT-TTg"]),
        ("Decree 123/2020/ND-CP", ["123/2020/NĐ-CP"]),
        ("Quyết định 15/QD-UBND", ["15/QĐ-UBND"]),
        ("Nghị định số 61/2018/NĐCP", ["61/2018/NĐ-CP"]),
        ("Nghị quyết số 30c/NQCP", ["30c/NQ-CP"]),
        ("Thông tư 01/2011/TT – BNV", ["01/2011/TT-BNV"]),
        ("Công văn số 123/UBND-VP", ["123/UBND-VP"]),
        ("Quyết định 2/2019/QÐ-UBND", ["2/2019/QĐ-UBND"]),
        ("Quyết định số 1961/2019/QĐ-UBNDngày 28/8/2019", ["1961/2019/QĐ-UBND"]),
        ("Nghị quyết 45/2019/QH14của Quốc hội", ["45/2019/QH14"]),
        ("Tờ trình 350/TTr-SXD", ["350/TTr-SXD"]),
    ],
)
def test_state_codes(text: str, codes: list[str]) -> None:
    assert codes_in(text) == codes
    assert all(m.kind == "state" for m in find_codes(normalize(text).text))


def test_party_directive_in_state_shape_is_party() -> None:
    (match,) = find_codes("Chỉ thị 08/CT-HU")
    assert (match.kind, match.codes) == ("party", ("08-CT/HU",))


def test_fields_of_a_state_code() -> None:
    (match,) = find_codes("Nghị định 30/2020/NĐ-CP")
    assert (match.start, match.end) == (10, 23)
    assert (match.numbers, match.year, match.type_code, match.issuer_code) == (("30",), 2020, "NĐ", "CP")
    assert match.type_name == "Nghị định"


def test_unknown_single_group_needs_a_cue_word() -> None:
    (match,) = find_codes("Công văn 285/CCTTHC")
    assert match.needs_cue
    assert match.codes == ("285/CCTTHC",)


@pytest.mark.parametrize(
    "text",
    [
        "BKS: 15B2-76760",
        "biển số 61C1-195.57",
        "ở số 3/gác 2, khu 5 tầng",
        "nhà số 12/3 đường Lê Lợi",
        "đạt 123/128 chỉ tiêu",
        "thu ngân sách 45.799/36.875 tỷ đồng",
        "ngày 20/01/2022",
        "dịch COVID-19",
        "Covid-19",
        "iPhone 11 Promax",
        "gọi 0912-345-678",
        "Quyết định số 298-KH/TWĐTN của Ban Thường vụ Trung ương Đoàn",
        "tiêu chuẩn TCVN 5574:2018",
        "http://sonla.gov.vn/hoi-dap",
        "13,45 tiêu chí/xã",
    ],
)
def test_not_codes(text: str) -> None:
    assert codes_in(text) == []


def test_long_adversarial_inputs_find_nothing() -> None:
    assert codes_in("1/" * 5000) == []
    assert codes_in("số 1-" * 5000) == []


def test_a_glued_word_ends_a_code_where_it_begins() -> None:
    text = "Kết luận số 21-KL/TWngày 25/10/2021"
    (match,) = find_codes(text)
    assert text[match.start : match.end] == "21-KL/TW"
