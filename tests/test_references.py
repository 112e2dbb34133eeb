"""Rule-by-rule examples of numbered references through `partydocs.extract`, positive and negative."""

from __future__ import annotations

import datetime

import pytest

import partydocs
from partydocs import Reference


def refs(text: str) -> list[Reference]:
    return partydocs.extract(text).references


def only(text: str) -> Reference:
    (ref,) = refs(text)
    assert text[ref.start : ref.end] == ref.text
    return ref


# --- type words and code shapes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "code", "doc_type"),
    [
        ("Tuyên truyền Kết luận số 21-KL/TW sâu rộng", "Kết luận số 21-KL/TW", "21-KL/TW", "Kết luận"),
        ("thực hiện NGHỊ QUYẾT SỐ 13-NQ/TW của", "NGHỊ QUYẾT SỐ 13-NQ/TW", "13-NQ/TW", "Nghị quyết"),
        ("quán triệt chỉ thị số 18-CT/HU về đại hội", "chỉ thị số 18-CT/HU", "18-CT/HU", "Chỉ thị"),
        ("thực hiện Chỉ thị 05-CT/TW trong toàn Đảng", "Chỉ thị 05-CT/TW", "05-CT/TW", "Chỉ thị"),
        ("như đã nêu (21-KL/TW) trên đây", "21-KL/TW", "21-KL/TW", "Kết luận"),
        ("Quy định số 37-QĐ/TW về", "Quy định số 37-QĐ/TW", "37-QĐ/TW", "Quy định"),
        ("thi hành Quyết định số 37-QĐ/TW về", "Quyết định số 37-QĐ/TW", "37-QĐ/TW", "Quyết định"),
        ("Số 445-KL/TƯ\nHuế, ngày 3 tháng 5 năm 2022", "445-KL/TƯ", "445-KL/TƯ", "Kết luận"),
        ("Thông báo kết luận số 12-TB/TW nêu", "Thông báo kết luận số 12-TB/TW", "12-TB/TW", "Thông báo"),
        ("theo QĐ 360-QĐ/TW của", "QĐ 360-QĐ/TW", "360-QĐ/TW", "Quyết định"),
        ("Căn cứ Nghị định số 30/2020/NĐ-CP về", "Nghị định số 30/2020/NĐ-CP", "30/2020/NĐ-CP", "Nghị định"),
        ("Căn cứ Luật số 45/2019/QH14;", "Luật số 45/2019/QH14", "45/2019/QH14", "Luật"),
        ("Chỉ thị số 10/CT-TTg của", "Chỉ thị số 10/CT-TTg", "10/CT-TTg", "Chỉ thị"),
        ("theo Tờ trình số 148/TTr-SLĐTBXH", "Tờ trình số 148/TTr-SLĐTBXH", "148/TTr-SLĐTBXH", "Tờ trình"),
        ("Nghị định số\n43/2011/NĐ-CP quy định", "Nghị định số\n43/2011/NĐ-CP", "43/2011/NĐ-CP", "Nghị định"),
        ("theo đề nghị tạiTờ trình số 35/TTr-SXD", "Tờ trình số 35/TTr-SXD", "35/TTr-SXD", "Tờ trình"),
    ],
)
def test_type_word_and_code(text: str, mention: str, code: str, doc_type: str) -> None:
    ref = only(text)
    assert (ref.text, ref.code, ref.doc_type) == (mention, code, doc_type)
    assert ref.start == text.index(mention)


def test_code_that_starts_with_an_issuer_is_a_cong_van() -> None:
    ref = only("Văn bản số 1234/UBND-NC ngày 3/3/2023 của UBND tỉnh")
    assert (ref.text, ref.doc_type, ref.type_code, ref.issuer_code) == ("1234/UBND-NC", "Công văn", None, "UBND-NC")


def test_party_code_fields() -> None:
    ref = only("Kế hoạch số 111-KH/HU")
    assert (ref.kind, ref.number, ref.type_code, ref.issuer_code, ref.year) == ("party", "111", "KH", "HU", None)


def test_state_code_fields_keep_leading_zero() -> None:
    ref = only("Thông tư số 01/2018/TT-VPCP")
    assert (ref.kind, ref.number, ref.year, ref.type_code, ref.issuer_code) == ("state", "01", 2018, "TT", "VPCP")


def test_party_code_in_state_shape() -> None:
    ref = only("Chỉ thị số 08/CT-HU của Huyện ủy")
    assert (ref.kind, ref.code, ref.issuer) == ("party", "08-CT/HU", "Huyện ủy")


@pytest.mark.parametrize(
    "text",
    [
        "Liên hệ số điện thoại 0912-345-678 hoặc 024.3825.1234.",
        "Xe máy BKS: 29B1-123.45 bị thu giữ.",
        "Đối tượng ở số 3/gác 2, khu tập thể, và số 12/3 đường Trần Phú.",
        "Toàn huyện đạt 123/128 chỉ tiêu, thu 45.799/36.875 tỷ đồng, 08/54 chỉ tiêu chưa đạt.",
        "Ngày 20/01/2022, hội nghị diễn ra; ngày 9.6.2014 là ngày khai mạc.",
        "Dịch COVID-19 và Covid-19 lan rộng.",
        "Anh ta mua iPhone 11 Promax và Galaxy S23.",
        "Theo Kế hoạch số 298-KH/TWĐTN của Trung ương Đoàn.",
        "Đạt chuẩn TCVN 5574:2018 và ISO 9001:2015.",
    ],
)
def test_not_references(text: str) -> None:
    assert refs(text) == []


# --- issue date ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Kế hoạch số 111-KH/HU ngày 09 tháng 3 năm 2022 của", datetime.date(2022, 3, 9)),
        ("Kế hoạch số 82-KH/TU, ngày 20/01/2022 của", datetime.date(2022, 1, 20)),
        ("Chỉ thị số 20-CT/TW ngày 18-01-2018 của", datetime.date(2018, 1, 18)),
        ("Chỉ thị số 23-CT/TW ngày 9-02-2018 của", datetime.date(2018, 2, 9)),
        ("Quyết định 244-QĐ/TW, ngày 9.6.2014 của", datetime.date(2014, 6, 9)),
        ("Nghị định số 20/2008/NĐ-CP\nngày 14/02/2008 của", datetime.date(2008, 2, 14)),
        ("Quyết định số 5/QĐ-UBND ngày 16 tháng 11\nnăm 2018 của", datetime.date(2018, 11, 16)),
        ("Chỉ thị số 05-CT/TW (15/5/2016) của Bộ Chính trị", datetime.date(2016, 5, 15)),
    ],
)
def test_issue_date(text: str, date: datetime.date) -> None:
    ref = refs(text)[0]
    assert (ref.date, ref.date_granularity) == (date, "day")


def test_year_only_issue_date() -> None:
    ref = only("Quyết định 119/QĐ-UBND năm 2009 bổ sung thủ tục")
    assert (ref.date, ref.date_granularity) == (datetime.date(2009, 1, 1), "year")


def test_impossible_date_gives_none() -> None:
    ref = only("Kế hoạch số 82-KH/TU ngày 31/02/2022 của Ban Thường vụ Tỉnh ủy")
    assert ref.date is None
    assert ref.issuer == "Ban Thường vụ Tỉnh ủy"


def test_event_date_elsewhere_is_not_the_issue_date() -> None:
    ref = only("Kế hoạch số 82-KH/TU được triển khai từ ngày 20/01/2022 tại các xã.")
    assert ref.date is None


def test_a_date_set_off_by_commas_before_a_new_subject_is_the_event_date() -> None:
    ref = only("Thực hiện Kế hoạch số 45-KH/HU, ngày 10/3/2023, Ban Tuyên giáo Huyện ủy tổ chức hội nghị.")
    assert (ref.date, ref.issuer) == (None, None)


@pytest.mark.parametrize(
    ("text", "date", "issuer"),
    [
        ("Kết luận số 21-KL/TW, ngày 25/10/2021, của Ban Chấp hành Trung ương", datetime.date(2021, 10, 25),
         "Ban Chấp hành Trung ương"),
        ("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018, Chính phủ đã quy định", datetime.date(2018, 4, 23), None),
    ],
)
def test_a_date_after_a_comma_is_still_the_issue_date(text: str, date: datetime.date, issuer: str | None) -> None:
    ref = refs(text)[0]
    assert (ref.date, ref.issuer) == (date, issuer)


# --- issuer, term, subject ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII;", "Ban Chấp hành Trung ương"),
        ("Kế hoạch số 111-KH/HU ngày 09/3/2022 của Ban Thường vụ Huyện ủy Ba Bể về đẩy mạnh",
         "Ban Thường vụ Huyện ủy Ba Bể"),
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị, khóa XII", "Bộ Chính trị"),
        ('Chỉ thị số 20-CT/TW của Ban Bí thư "Về tăng cường"', "Ban Bí thư"),
        ("Quyết định số 374/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chiến lược", "Thủ tướng Chính phủ"),
        ("Kế hoạch số 372/KH-UBND của Ủy ban nhân dân tỉnh về việc", "Ủy ban nhân dân tỉnh"),
        ("Nghị quyết 13-NQ/TƯ của Tỉnh ủy (khóa XIV), hạ tầng", "Tỉnh ủy"),
        ("Thông tư 01/2018/TT-VPCP của Văn phòng Chính phủ\nhướng dẫn thi hành", "Văn phòng Chính phủ"),
        ("Tờ trình số 42/TTr-VPUB của Chánh Văn phòng\nỦy ban nhân dân tỉnh, đề nghị",
         "Chánh Văn phòng Ủy ban nhân dân tỉnh"),
        ("Nghị quyết số 20-NQ/TW của Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XII về",
         "Hội nghị lần thứ sáu Ban Chấp hành Trung ương"),
        ("Quyết định số 9-QĐ/BCĐ của Trưởng Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Nam Định về",
         "Trưởng Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh Nam Định"),
        ("QUY ĐỊNH SỐ 07-QĐI/TW, NGÀY 28/8/2018 CỦA BỘ CHÍNH TRỊ VỀ XỬ LÝ", "BỘ CHÍNH TRỊ"),
        ("Quyết định 119/QĐ-UBND năm 2009 bổ sung thủ tục do Ủy ban nhân dân tỉnh Bắc Giang ban hành",
         "Ủy ban nhân dân tỉnh Bắc Giang"),
        ("Ban Tuyên giáo Tỉnh ủy Trà Vinh vừa ban hành Công văn số 1510-CV/BTGTU, về việc",
         "Ban Tuyên giáo Tỉnh ủy Trà Vinh"),
        ("Theo đề nghị của Sở Y tế tại Tờ trình số 300/TTr-SYT ngày 21/8/2021.", "Sở Y tế"),
        ("Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 Chính phủ về thực hiện", "Chính phủ"),
        ("Quyết định số 81/QĐ-UBND ngày 17/8/2009 của UBND tỉnh Bắc Giang.", "UBND tỉnh Bắc Giang"),
        ("Thông tư 05/2020/TT-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch về", "Bộ Văn hóa, Thể thao và Du lịch"),
        ("Quyết định số 1234/QĐ-BNN-TCLN ngày 5/5/2020 của Bộ Nông nghiệp và Phát triển nông thôn về",
         "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("Thông tư liên tịch số 01/2015/TTLT-BTP-BNV ngày 15/01/2015 của Bộ Tư pháp và Bộ Nội vụ hướng dẫn",
         "Bộ Tư pháp và Bộ Nội vụ"),
        ("Hướng dẫn số 01-HD/BTGTU-BTCTU của Ban Tuyên giáo và Ban Tổ chức Tỉnh ủy",
         "Ban Tuyên giáo và Ban Tổ chức Tỉnh ủy"),
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị và Kế hoạch số 82-KH/TU", "Bộ Chính trị"),
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị và Ban Bí thư", "Bộ Chính trị"),
        ("Nghị quyết số 01-NQ/TU của Tỉnh ủy Bắc Kạn nhiệm kỳ 2020 - 2025", "Tỉnh ủy Bắc Kạn"),
        ("Kế hoạch số 82-KH/TU củaBan Thường vụ Tỉnh ủy về", "Ban Thường vụ Tỉnh ủy"),
    ],
)
def test_issuer_boundary(text: str, issuer: str) -> None:
    assert refs(text)[0].issuer == issuer


def test_issuer_as_subject_of_ban_hanh_with_date_before() -> None:
    ref = only("Ngày 15/5/2016, Bộ Chính trị đã ban hành Chỉ thị số 05-CT/TW về học tập.")
    assert (ref.issuer, ref.date) == ("Bộ Chính trị", datetime.date(2016, 5, 15))


@pytest.mark.parametrize(
    "text",
    [
        "Kết luận số 21-KL/TW, tổ chức học tập của cán bộ.",
        "Nhiều đảng viên đã học Kết luận số 21-KL/TW của mình.",
        "Kết luận số 21-KL/TW về công tác của Ban Bí thư.",
    ],
)
def test_no_issuer_written(text: str) -> None:
    assert refs(text)[0].issuer is None


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Kết luận số 21-KL/TW của Ban Chấp hành Trung ương khóa XIII;", 13),
        ("Kết luận số 21-KL/TW của Ban Chấp hành Trung ương (khóa XIII) gắn với", 13),
        ("Quyết định 244-QĐ/TW của Ban Chấp hành T.Ư khoá 11 về", 11),
        ("Kết luận số 12-KL/TW ngày 24-10-2011 của Bộ Chính trị, khóa XI về", 11),
        ("Nghị quyết số 23-NQ/TW của Ban Chấp hành Trung ương Đảng khóa IX về", 9),
    ],
)
def test_term(text: str, term: int) -> None:
    assert refs(text)[0].term == term


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 119/2020/QH14 của Quốc hội khóa XIV về thí điểm",
        "Nghị quyết số 01/2023/NQ-HĐND ngày 1/1/2023 của HĐND tỉnh Trà Vinh khóa X",
    ],
)
def test_a_state_councils_term_is_not_the_party_term(text: str) -> None:
    (ref,) = refs(text)
    assert (ref.kind, ref.term) == ("state", None)
    assert ref.issuer is not None


def test_subject_after_ve_ends_with_the_clause() -> None:
    ref = refs("Kế hoạch số 111-KH/HU của Huyện ủy về đẩy mạnh xây dựng Đảng; công tác dân vận")[0]
    assert ref.subject == "đẩy mạnh xây dựng Đảng"


def test_quoted_subject() -> None:
    ref = only('Chỉ thị số 05-CT/TW "Về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh" được')
    assert ref.subject == "Về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh"


# --- coordination ---------------------------------------------------------------------------------


def test_shared_code_gives_one_reference_per_number() -> None:
    text = "thực hiện các Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương"
    first, second = refs(text)
    assert (first.code, second.code) == ("18-NQ/TW", "19-NQ/TW")
    assert first.text == second.text == "Nghị quyết số 18, 19-NQ/TW"
    assert first.issuer == second.issuer == "Ban Chấp hành Trung ương"
    assert first.date == second.date == datetime.date(2017, 10, 25)


def test_listed_codes_share_type_and_issuer() -> None:
    first, second = refs("Nghị quyết số 18-NQ/TW, 19-NQ/TW của Ban Chấp hành Trung ương khóa XII")
    assert (first.code, second.code) == ("18-NQ/TW", "19-NQ/TW")
    assert first.doc_type == second.doc_type == "Nghị quyết"
    assert first.issuer == second.issuer == "Ban Chấp hành Trung ương"
    assert first.term == second.term == 12


def test_law_numbers_after_a_semicolon() -> None:
    text = "Căn cứ Luật Ngân sách nhà nước số 01/2002/QH11 ngày 16/12/2002; số 83/2015/QH13 ngày 25/6/2015;"
    first, second = refs(text)
    assert (first.code, second.code) == ("01/2002/QH11", "83/2015/QH13")
    assert first.doc_type == second.doc_type == "Luật"
    assert second.date == datetime.date(2015, 6, 25)


def test_programmes_sharing_one_issuer() -> None:
    text = "Chương trình số 10-CTr/TU, Chương trình số 11-CTr/TU của Tỉnh ủy về"
    first, second = refs(text)
    assert first.issuer == second.issuer == "Tỉnh ủy"


@pytest.mark.parametrize("gap", [", ", " và ", ", và "])
def test_dated_citations_of_one_list_share_the_issuer_written_last(gap: str) -> None:
    text = f"Thông báo số 12-TB/TU ngày 1/1/2023{gap}Thông báo số 15-TB/TU ngày 5/1/2023 của Thường trực Tỉnh ủy"
    first, second = refs(text)
    assert (first.date, second.date) == (datetime.date(2023, 1, 1), datetime.date(2023, 1, 5))
    assert first.issuer == second.issuer == "Thường trực Tỉnh ủy"


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ thị số 05-CT/TW ngày 15/5/2016; Chỉ thị số 06-CT/TW ngày 1/6/2016 của Bộ Chính trị",
        "Chỉ thị số 05-CT/TW ngày 15/5/2016, Kế hoạch số 82-KH/TU ngày 2/2/2022 của Ban Thường vụ Tỉnh ủy",
    ],
)
def test_dated_citations_do_not_share_across_a_semicolon_or_another_kind(text: str) -> None:
    first, second = refs(text)
    assert first.issuer is None and second.issuer is not None


@pytest.mark.parametrize(
    "alias", ["(sau đây gọi tắt là Chỉ thị 05)", "(gọi tắt là Chỉ thị 05)", "(Chỉ thị 05)", "( Chỉ thị 05 )"]
)
def test_an_alias_in_brackets_does_not_hide_the_tail(alias: str) -> None:
    first, second = refs(f"Chỉ thị số 05-CT/TW {alias} ngày 15/5/2016 của Bộ Chính trị về học tập")
    assert (first.code, first.date, first.issuer, first.subject) == (
        "05-CT/TW", datetime.date(2016, 5, 15), "Bộ Chính trị", "học tập"
    )
    assert (second.text, second.code, second.antecedent, second.issuer) == ("Chỉ thị 05", "05-CT/TW", 0, "Bộ Chính trị")


# --- repeated mentions, short forms, headers ---------------------------------------------------


def test_repeated_code_points_back_and_is_completed() -> None:
    text = (
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về học tập. "
        "Sau 3 năm thực hiện Chỉ thị 05-CT/TW, kết quả tốt."
    )
    first, second = refs(text)
    assert second.antecedent == 0
    assert (second.date, second.issuer, second.doc_type) == (first.date, "Bộ Chính trị", "Chỉ thị")


def test_same_code_in_another_term_is_another_document() -> None:
    text = "Nghị quyết số 18-NQ/TW khóa XII về bộ máy. Nghị quyết số 18-NQ/TW khóa XIII về đất đai."
    first, second = refs(text)
    assert second.antecedent is None
    assert (first.term, second.term) == (12, 13)


def test_short_form_after_full_citation() -> None:
    text = "Chỉ thị số 10-CT/TW ngày 15/12/2016 của Ban Bí thư về vận động. Quán triệt Chỉ thị số 10 tới đảng viên."
    first, second = refs(text)
    assert (first.text, first.code) == ("Chỉ thị số 10-CT/TW", "10-CT/TW")
    assert (second.text, second.code, second.antecedent) == ("Chỉ thị số 10", "10-CT/TW", 0)
    assert (second.kind, second.issuer, second.date) == ("party", "Ban Bí thư", datetime.date(2016, 12, 15))


def test_header_number_is_dated_by_the_place_and_date_line() -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN\n\nSố: 1579/QĐ-UBND\n\nBắc Kạn, ngày 25 tháng 8 năm 2021\n\nQUYẾT ĐỊNH"
    ref = only(text)
    assert (ref.text, ref.code, ref.doc_type, ref.is_header) == ("1579/QĐ-UBND", "1579/QĐ-UBND", "Quyết định", True)
    assert (ref.date, ref.issuer) == (datetime.date(2021, 8, 25), None)


def test_site_metadata_number_is_dated_by_its_issue_date_field() -> None:
    text = "Số hiệu: | 05/NQ-CP | Loại văn bản: | Nghị quyết |\nNgày ban hành: | 18/06/2022 |"
    ref = only(text)
    assert (ref.code, ref.date) == ("05/NQ-CP", datetime.date(2022, 6, 18))


# --- the API -------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, 12, b"Ch\xe1\xbb\x89 th\xe1\xbb\x8b", ["text"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        partydocs.extract(bad)  # type: ignore[arg-type]


def test_bytes_error_says_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        partydocs.extract(b"abc")  # type: ignore[arg-type]


def test_empty_text() -> None:
    result = partydocs.extract("")
    assert (result.references, result.dates, result.bodies, result.anaphora) == ([], [], [], [])


@pytest.mark.parametrize(
    ("text", "issuer", "term"),
    [
        ("Nghị quyết số 19-NQ/TW, ngày 16/6/2022, Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về",
         "Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng", 13),
        ("Hội nghị lần thứ 8 Ban Chấp hành Trung ương khóa XIII đã ban hành Nghị quyết số 44-NQ/TW ngày 24/11/2023",
         "Hội nghị lần thứ 8 Ban Chấp hành Trung ương", 13),
        ("Kế hoạch số 5-KH/TU của Hội nghị Trung ương năm 2020 về", "Hội nghị Trung ương", None),
        ("Ngày 25/10/2017, Hội nghị Trung ương 6 khóa XII đã ban hành Nghị quyết số 19-NQ/TW về",
         "Hội nghị Trung ương 6", 12),
        ("Hội nghị lần thứ năm Ban Chấp hành Trung ương đã thông qua Nghị quyết số 18-NQ/TW",
         "Hội nghị lần thứ năm Ban Chấp hành Trung ương", None),
        ("Nghị quyết số 26-NQ/TW Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XII về",
         "Hội nghị lần thứ bảy Ban Chấp hành Trung ương", 12),
        ("Nghị quyết 18-NQ/TW Ban Chấp hành Trung ương khóa XII", "Ban Chấp hành Trung ương", 12),
        ("Nghị quyết 18-NQ/TW, Hội nghị Trung ương 6 đã thảo luận", None, None),
        ("Nghị quyết 18-NQ/TW.\nHội nghị lần thứ bảy Ban Chấp hành Trung ương", None, None),
    ],
)
def test_plenum_issuers(text: str, issuer: str | None, term: int | None) -> None:
    ref = refs(text)[0]
    assert (ref.issuer, ref.term) == (issuer, term)


def test_issuing_verbs_before_the_citation() -> None:
    (signed,) = refs("Ngày 5/8/2023, Thủ tướng Chính phủ ký Quyết định số 906/QĐ-TTg phê duyệt đề án.")
    assert (signed.issuer, signed.date) == ("Thủ tướng Chính phủ", datetime.date(2023, 8, 5))
    (sent,) = refs("Bộ Y tế có Công văn 1234/BYT-MT gửi các địa phương.")
    assert sent.issuer == "Bộ Y tế"


def test_a_list_issued_by_one_body() -> None:
    found = refs("Tỉnh ủy đã ban hành Chỉ thị số 15-CT/TU, Kế hoạch số 20-KH/TU và Chương trình số 05-CTr/TU để")
    assert [r.issuer for r in found] == ["Tỉnh ủy"] * 3
