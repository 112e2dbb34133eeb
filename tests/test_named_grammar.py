"""Named references as a grammar: congresses, plenums, laws from the table, charters, titles, noisy text.

Every family has positive examples (several spellings, cases, line breaks) and near misses that must not match.
"""

from __future__ import annotations

import datetime

import pytest

import partydocs
from partydocs import Reference
from partydocs.normalize import fold_letters, normalize, repair_noise
from partydocs.tables import law_table


def refs(text: str) -> list[Reference]:
    return partydocs.extract(text).references


def named(text: str) -> list[tuple[str, int | None]]:
    """(text, congress) of each named reference."""
    return [(r.text, r.congress) for r in refs(text) if r.kind == "named"]


# --- congresses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "congress"),
    [
        ("học tập Nghị quyết Đại hội đại biểu Đảng bộ Quân đội lần thứ XI, nhiệm kỳ 2020-2025.",
         "Nghị quyết Đại hội đại biểu Đảng bộ Quân đội lần thứ XI", 11),
        ("thực hiện Nghị quyết Đại hội Đại biểu Đảng bộ Công an Trung ương lần thứ VII;",
         "Nghị quyết Đại hội Đại biểu Đảng bộ Công an Trung ương lần thứ VII", 7),
        ("thực hiện Nghị quyết Đại hội Đảng bộ Khối các cơ quan Trung ương lần thứ IV và",
         "Nghị quyết Đại hội Đảng bộ Khối các cơ quan Trung ương lần thứ IV", 4),
        ("quán triệt nghị quyết đại hội đảng bộ phường lần thứ 3 đến đảng viên",
         "nghị quyết đại hội đảng bộ phường lần thứ 3", 3),
        ("TRIỂN KHAI NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVII", "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVII", 17),
        ("Nghị quyết Đại hội Đảng toàn quốc lần thứ X đã chỉ rõ", "Nghị quyết Đại hội Đảng toàn quốc lần thứ X", 10),
        ("theo NQ Đại hội Đảng bộ thị trấn đề ra", "NQ Đại hội Đảng bộ thị trấn", None),
        ("Nghị quyết Đại hội Đảng bộ xã Tân Lập xác định ba khâu đột phá",
         "Nghị quyết Đại hội Đảng bộ xã Tân Lập", None),
        ("thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ\nXX, nhiệm kỳ",
         "Nghị quyết Đại hội Đảng bộ xã lần thứ\nXX", 20),
        ("quán triệtNghị quyết Đại hội XIV của Đảng", "Nghị quyết Đại hội XIV của Đảng", 14),
        ("thực hiện Nghị quyết Đại hội đại biu toàn quc lần thứ XII của Đảng",
         "Nghị quyết Đại hội đại biu toàn quc lần thứ XII của Đảng", 12),
    ],
)
def test_congress_resolutions_of_any_organisation(text: str, mention: str, congress: int | None) -> None:
    assert named(text) == [(mention, congress)]


def test_one_mention_names_the_congresses_of_two_levels() -> None:
    text = "thực hiện NQ đại hội Đảng bộ tỉnh lần thứ XVIII, huyện lần thứ XXIII đã đề ra"
    mention = "NQ đại hội Đảng bộ tỉnh lần thứ XVIII, huyện lần thứ XXIII"
    assert named(text) == [(mention, 18), (mention, 23)]


@pytest.mark.parametrize(
    ("text", "mention", "congress"),
    [
        ("Đại hội đại biểu Đảng bộ huyện lần thứ XXV đã thành công. Nghị quyết Đại hội đã xác định 4 khâu đột phá.",
         "Nghị quyết Đại hội", 25),
        ("Đại hội Đảng bộ tỉnh lần thứ XV diễn ra. Báo cáo đánh giá việc thực hiện Nghị quyết lần thứ XIV còn hạn chế.",
         "Nghị quyết lần thứ XIV", 14),
    ],
)
def test_elliptic_congress_resolution_after_the_congress_it_means(text: str, mention: str, congress: int) -> None:
    assert named(text) == [(mention, congress)]


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết Đại hội đã xác định 4 khâu đột phá.",
        "thực hiện nghị quyết đại hội các cấp",
        "Nghị quyết Đại hội Đảng bộ các cấp nhiệm kỳ tới",
        "thực hiện Nghị quyết Đại hội Đoàn TNCS Hồ Chí Minh tỉnh lần thứ XV",
        "Nghị quyết Đại hội đại biểu Hội Nông dân tỉnh lần thứ IX",
        "Đại hội Đoàn TNCS thành phố lần thứ XIV thành công. Nghị quyết Đại hội đã đề ra 6 chỉ tiêu.",
        "Đại hội Đảng bộ tỉnh lần thứ XV diễn ra. Nghị quyết lần thứ XIV Ban Chấp hành",
    ],
)
def test_not_congress_resolutions(text: str) -> None:
    assert [r for r in refs(text) if r.congress is not None] == []


# --- plenums -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "plenum", "terms"),
    [
        ("triển khai NQ Hội nghị Trung ương 6 (khóa XIII) gắn với", "NQ Hội nghị Trung ương 6 (khóa XIII)", 6, [13]),
        ("học tập nghị quyết hội nghị lần thứ IX – BCH trung ương đảng khóa X về",
         "nghị quyết hội nghị lần thứ IX – BCH trung ương đảng khóa X", 9, [10]),
        ("kết quả thực hiện NQ TW7 ở cơ sở", "NQ TW7", 7, [None]),
        ("Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XII về",
         "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XII", 7, [12]),
        ("NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XI",
         "NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XI", 8, [11]),
        ("quán triệtNghị quyết Trung ương 5 khóa XIII", "Nghị quyết Trung ương 5 khóa XIII", 5, [13]),
        ("Nghị quyết Hội nghị lần thứ 3 Ban Chấp hành Đảng bộ tỉnh khóa XVI về",
         "Nghị quyết Hội nghị lần thứ 3 Ban Chấp hành Đảng bộ tỉnh khóa XVI", 3, [16]),
    ],
)
def test_plenum_resolutions_in_every_spelling(text: str, mention: str, plenum: int, terms: list[int | None]) -> None:
    found = refs(text)
    assert [(r.text, r.plenum, r.term, r.kind) for r in found] == [(mention, plenum, t, "named") for t in terms]


@pytest.mark.parametrize(
    "text",
    [
        "các nghị quyết của Trung ương năm 2023",
        "Nghị quyết Trung ương năm 2020 đã chỉ rõ",
        "tổ chức hội nghị lần thứ X – BCH trung ương đảng khóa XI",
        "Nghị quyết Ban Chấp hành Trung ương về công tác cán bộ",
    ],
)
def test_not_plenum_resolutions(text: str) -> None:
    assert [r for r in refs(text) if r.plenum is not None] == []


# --- laws from the table ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "doc_type", "date"),
    [
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;",
         "Luật Ban hành văn bản quy phạm pháp luật", "Luật", datetime.date(2015, 6, 22)),
        ("Căn cứ Luật Ban\nhành văn bản quy phạm pháp luật;",
         "Luật Ban\nhành văn bản quy phạm pháp luật", "Luật", None),
        ("vi phạm Luật Phòng, chống tham nhũng và", "Luật Phòng, chống tham nhũng", "Luật", None),
        ("theo luật cán bộ, công chức hiện hành", "luật cán bộ, công chức", "Luật", None),
        ("quy định tại Bộ luật Dân sự 2015 về hợp đồng", "Bộ luật Dân sự 2015", "Bộ luật", datetime.date(2015, 1, 1)),
        ("- 2Luật tổ chức chính quyền địa phương 2015", "Luật tổ chức chính quyền địa phương 2015", "Luật",
         datetime.date(2015, 1, 1)),
        ("Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/2003;", "Luật Tổ chức HĐND và UBND", "Luật",
         datetime.date(2003, 11, 26)),
        ("Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn năm 2007 quy định",
         "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn năm 2007", "Pháp lệnh", datetime.date(2007, 1, 1)),
        ("Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;", "Luật Đầu tư công", "Luật", datetime.date(2019, 6, 13)),
    ],
)
def test_laws_of_the_table_found_whole(text: str, mention: str, doc_type: str, date: datetime.date | None) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.doc_type, ref.date, ref.kind) == (mention, doc_type, date, "named")


def test_one_name_with_two_years_names_two_laws() -> None:
    text = "so sánh các Luật Đất đai năm 2003 và năm 2013 cho thấy"
    found = refs(text)
    assert [(r.text, r.date) for r in found] == [
        ("Luật Đất đai năm 2003 và năm 2013", datetime.date(2003, 1, 1)),
        ("Luật Đất đai năm 2003 và năm 2013", datetime.date(2013, 1, 1)),
    ]


def test_laws_of_one_name_in_different_years_are_different_documents() -> None:
    text = ("Luật Tổ chức Chính phủ năm 2001 được thay bằng Luật Tổ chức Chính phủ năm 2015. "
            "Luật Tổ chức Chính phủ năm 2001")
    first, second, third = refs(text)
    assert (first.date, second.date, third.date) == (
        datetime.date(2001, 1, 1), datetime.date(2015, 1, 1), datetime.date(2001, 1, 1)
    )
    assert third.antecedent == 0


def test_amending_law_named_by_the_laws_it_amends_and_a_year() -> None:
    text = "- Luật Đất đai và Luật Nhà ở sửa đổi 2020\n"
    amending, land, housing = refs(text)
    assert (amending.text, amending.date) == ("Luật Đất đai và Luật Nhà ở sửa đổi 2020", datetime.date(2020, 1, 1))
    assert [(r.text, r.date) for r in (land, housing)] == [("Luật Đất đai", None), ("Luật Nhà ở", None)]


def test_laws_in_an_amending_title_are_never_dated_by_the_amending_law() -> None:
    text = ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật\nĐầu tư công và Luật Xây dựng ngày 10 tháng 3 năm "
            "2022;")
    amending, investment, building = refs(text)
    assert amending.text == "Luật sửa đổi, bổ sung một số điều của Luật\nĐầu tư công và Luật Xây dựng"
    assert amending.date == datetime.date(2022, 3, 10)
    assert (investment.text, investment.date) == ("Luật\nĐầu tư công", None)
    assert (building.text, building.date) == ("Luật Xây dựng", None)


@pytest.mark.parametrize(
    "text",
    [
        "chấp hành pháp luật đất đai ở địa phương",
        "xử lý kỷ luật cán bộ, công chức vi phạm",
        "góp ý dự thảo Luật Đất đai trong tháng",
        "Công ty Luật Đầu tư và Xây dựng tư vấn",
        "vi phạm điều luật đất đai",
    ],
)
def test_not_laws(text: str) -> None:
    assert [r for r in refs(text) if r.doc_type in ("Luật", "Bộ luật", "Pháp lệnh")] == []


def test_the_law_table_is_broad_and_finds_titles_in_any_spelling() -> None:
    table = law_table()
    assert len({entry.title for entry in table.by_key.values()}) > 150
    entry = table.find("tổ chức  chính quyền ĐỊA PHƯƠNG")
    assert entry is not None
    assert (entry.doc_type, entry.title, entry.years) == ("Luật", "Tổ chức chính quyền địa phương", (2015, 2025))
    assert table.find("Phòng chống tham nhũng") == table.find("Phòng, chống tham nhũng")
    assert table.find("Thủy sản sửa đổi") is None


# --- the Constitution, the Statute, titles ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "doc_type", "date"),
    [
        ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
         "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Hiến pháp", None),
        ("theo HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM NĂM 2013",
         "HIẾN PHÁP NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM NĂM 2013", "Hiến pháp", datetime.date(2013, 1, 1)),
        ("Căn cứ Điều lệ Đảng Cộng sản Việt Nam 2011;", "Điều lệ Đảng Cộng sản Việt Nam 2011", "Điều lệ",
         datetime.date(2011, 1, 1)),
    ],
)
def test_charters(text: str, mention: str, doc_type: str, date: datetime.date | None) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.doc_type, ref.date) == (mention, doc_type, date)


def test_a_later_statute_takes_the_year_of_the_first() -> None:
    first, later = refs("Theo Điều lệ Đảng năm 2011. Điều 10 Điều lệ Đảng quy định")
    assert (later.date, later.antecedent) == (first.date, 0)


@pytest.mark.parametrize("text", ["thực hiện Hiến pháp, luật, pháp lệnh", "Điều lệ Đảng bộ", "Điều lệ Hội Nông dân"])
def test_not_charters(text: str) -> None:
    assert refs(text) == []


@pytest.mark.parametrize(
    ("text", "mention", "term"),
    [
        ("thông qua Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2027; Nghị quyết",
         "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2027", None),
        ("Nghị quyết của Ban Chấp hành Đảng bộ huyện khóa XX về phát triển nông nghiệp hàng hóa.",
         "Nghị quyết của Ban Chấp hành Đảng bộ huyện khóa XX về phát triển nông nghiệp hàng hóa", 20),
    ],
)
def test_titles_with_their_subject(text: str, mention: str, term: int | None) -> None:
    (ref,) = refs(text)
    assert (ref.text, ref.kind, ref.term, ref.date) == (mention, "named", term, None)


@pytest.mark.parametrize(
    "text",
    [
        "các Nghị quyết về phát triển kinh tế năm 2026",
        "Nghị quyết về phát triển kinh tế - xã hội",
        "ban hành Quy định về thi đua của Đoàn TNCS Hồ Chí Minh.",
        "Trung ương Đoàn ban hành Quy định về công tác văn thư; ",
    ],
)
def test_not_titles(text: str) -> None:
    assert [r for r in refs(text) if r.kind == "named"] == []


# --- noisy text ---------------------------------------------------------------------------------------------


def test_scrambled_tone_marks_on_type_and_cue_words() -> None:
    text = "thực hịện Kết lụận số 15-KL/TW, ngàỷ 10/3/2024 củà Bạn Bí thư và Nghị qủýết số 4-NQ/TW khỏá XÌÍ"
    conclusion, resolution = refs(text)
    assert (conclusion.text, conclusion.doc_type, conclusion.date) == (
        "Kết lụận số 15-KL/TW", "Kết luận", datetime.date(2024, 3, 10)
    )
    assert conclusion.issuer == "Ban Bí thư"
    assert (resolution.text, resolution.term) == ("Nghị qủýết số 4-NQ/TW", 12)


def test_a_scrambled_short_form_names_its_citation() -> None:
    text = "Nghị quyết số 18-NQ/TW ngày 25/10/2017. Bạn Chỉ đạọ tổng kết Nghị qúỷết 18."
    _, short = refs(text)
    assert (short.text, short.code, short.antecedent) == ("Nghị qúỷết 18", "18-NQ/TW", 0)


def test_a_line_without_diacritics_is_read_unaccented() -> None:
    text = "Anh: Quan triet Nghi quyet Dai hoi Dai bieu Dang bo tinh lan thu XVII\nNội dung"
    (ref,) = refs(text)
    assert (ref.text, ref.doc_type, ref.congress) == ("Nghi quyet Dai hoi Dai bieu Dang bo tinh lan thu XVII",
                                                      "Nghị quyết", 17)


@pytest.mark.parametrize(
    "text",
    [
        "Học sinh chỉ thi ba môn, kết luân chưa có.",
        "Nghi quyet Dai hoi Dai bieu Dang bo tinh lan thứ XVII",
        "Café été à Hà Nội, kết luân",
    ],
)
def test_noise_repair_never_touches_a_line_it_cannot_rule_on(text: str) -> None:
    assert repair_noise(text) == text


def test_noise_repair_keeps_length_case_and_spans() -> None:
    text = "NGHỊ QỤỴẾT ĐẠI HỘI và kết lùận"
    repaired = repair_noise(text)
    assert repaired == "NGHỊ QUYẾT ĐẠI HỘI và kết luận"
    assert len(repaired) == len(text)
    assert normalize(text).text == repaired
    assert fold_letters("Nghị Qụỵết Đảng") == "nghi quyet dang"


# --- more constructions ---------------------------------------------------------------------------------------


def test_congress_abbreviated_dh() -> None:
    assert named("thực hiện NQ ĐH Đảng bộ huyện lần thứ XXI; tăng cường") == [("NQ ĐH Đảng bộ huyện lần thứ XXI", 21)]


def test_a_year_ending_an_amending_title_is_the_amending_laws() -> None:
    text = "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu và Luật Giá năm 2023;"
    amending, tenders, prices = refs(text)
    assert (amending.text, amending.date) == (
        "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu và Luật Giá", datetime.date(2023, 1, 1)
    )
    assert (tenders.date, prices.date) == (None, None)


def test_title_of_a_period() -> None:
    (ref,) = refs("Kỳ họp thông qua Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030.")
    assert (ref.text, ref.date) == ("Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030", None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("xử lý theo Điều lệ và các quy định của Đảng.", ["Điều lệ"]),
        ("căn cứ Điều lệ, Quy chế làm việc của Đảng bộ tỉnh", []),
        ("theo Điều lệ Hội Cựu chiến binh và quy định của Đảng", []),
        ("Điều lệ và quy chế của Công ty", []),
    ],
)
def test_a_bare_statute_only_of_the_party(text: str, found: list[str]) -> None:
    assert [r.text for r in refs(text) if r.doc_type == "Điều lệ"] == found
