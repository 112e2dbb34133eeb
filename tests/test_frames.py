"""to_dataframe / to_arrow: one typed row per reference, ids, empty input."""

from __future__ import annotations

import datetime

import pytest

import partydocs
from partydocs.batch import DocumentResult, extract_many
from partydocs.frames import COLUMNS, reference_rows
from partydocs.models import Extraction, Reference

pd = pytest.importorskip("pandas")

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
KE_HOACH = "Kế hoạch số 82-KH/TU, ngày 20 tháng 01 năm 2022 của Ban Thường vụ Tỉnh ủy"

PARTY = Reference(
    text="Chỉ thị số 05-CT/TW", start=0, end=19, kind="party", doc_type="Chỉ thị", number="05",
    type_code="CT", issuer_code="TW", code="05-CT/TW", date=datetime.date(2016, 5, 15),
    date_granularity="day", issuer="Bộ Chính trị", term=12,
)
STATE = Reference(
    text="Nghị định 30/2020/NĐ-CP", start=4, end=27, kind="state", doc_type="Nghị định", number="30",
    year=2020, code="30/2020/NĐ-CP",
)
EXPECTED_DTYPES = {
    "id": "string", "ref_index": "Int64", "text": "string", "start": "Int64", "end": "Int64",
    "kind": "string", "doc_type": "string", "number": "string", "year": "Int64", "code": "string",
    "date": "datetime64[s]", "date_text": "string", "date_granularity": "string", "issuer": "string", "term": "Int64",
    "subject": "string", "antecedent": "Int64", "is_header": "boolean",
}


def _dtypes(df: pd.DataFrame) -> dict[str, str]:
    return {name: str(dtype) for name, dtype in df.dtypes.items() if name in EXPECTED_DTYPES}


def test_one_row_per_reference_with_typed_columns() -> None:
    extractions = [Extraction(references=[PARTY, STATE]), Extraction(), Extraction(references=[PARTY])]
    df = partydocs.to_dataframe(extractions)
    assert list(df.columns) == list(COLUMNS)
    assert list(df.columns[:5]) == ["id", "ref_index", "text", "start", "end"]
    assert _dtypes(df) == EXPECTED_DTYPES
    assert df["id"].tolist() == ["0", "0", "2"]
    assert df["ref_index"].tolist() == [0, 1, 0]
    assert df["code"].tolist() == ["05-CT/TW", "30/2020/NĐ-CP", "05-CT/TW"]
    assert df["date"].iloc[0] == pd.Timestamp("2016-05-15")
    assert df["date"].isna().tolist() == [False, True, False]
    assert df["year"].isna().tolist() == [True, False, True]
    assert df["year"].iloc[1] == 2020
    assert df["term"].iloc[0] == 12


def test_empty_input_gives_an_empty_frame_with_the_columns() -> None:
    df = partydocs.to_dataframe([])
    assert df.shape == (0, len(COLUMNS))
    assert list(df.columns) == list(COLUMNS)
    assert _dtypes(df) == EXPECTED_DTYPES


def test_batch_results_keep_their_ids_and_failures_give_no_row() -> None:
    results = [
        DocumentResult(id="a.txt", extraction=Extraction(references=[STATE])),
        DocumentResult(id="bad.txt", error="TypeError: boom"),
        DocumentResult(id="c.txt", extraction=Extraction(references=[PARTY, STATE])),
    ]
    df = partydocs.to_dataframe(results)
    assert df["id"].tolist() == ["a.txt", "c.txt", "c.txt"]
    assert str(df["id"].dtype) == "string"
    assert df["ref_index"].tolist() == [0, 0, 1]


def test_explicit_ids_and_a_length_mismatch() -> None:
    df = partydocs.to_dataframe([Extraction(references=[PARTY])], ids=["doc-1"])
    assert df["id"].tolist() == ["doc-1"]
    with pytest.raises(ValueError):
        partydocs.to_dataframe([Extraction(), Extraction()], ids=["only-one"])


def test_rows_are_plain_dicts_keyed_by_columns() -> None:
    (row,) = reference_rows([Extraction(references=[PARTY])], ids=["x"])
    assert tuple(row) == COLUMNS
    assert row["id"] == "x" and row["date"] == datetime.date(2016, 5, 15)


def test_frame_of_real_extractions() -> None:
    df = partydocs.to_dataframe(extract_many([("ct", CHI_THI), ("kh", KE_HOACH)]))
    assert df[["id", "code", "doc_type", "issuer"]].values.tolist() == [
        ["ct", "05-CT/TW", "Chỉ thị", "Bộ Chính trị"],
        ["kh", "82-KH/TU", "Kế hoạch", "Ban Thường vụ Tỉnh ủy"],
    ]
    assert df["date"].tolist() == [pd.Timestamp("2016-05-15"), pd.Timestamp("2022-01-20")]


def test_to_arrow_has_the_same_columns_and_date32() -> None:
    pa = pytest.importorskip("pyarrow")
    table = partydocs.to_arrow([Extraction(references=[PARTY, STATE])], ids=["d"])
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("year").type == pa.int64()
    assert table.column("date").to_pylist() == [datetime.date(2016, 5, 15), None]
    assert table.column("code").to_pylist() == ["05-CT/TW", "30/2020/NĐ-CP"]
    assert partydocs.to_arrow([]).num_rows == 0


def test_date_text_is_the_date_at_its_written_precision() -> None:
    refs = [
        PARTY,
        STATE,
        Reference(text="Hiến pháp năm 2015", start=0, end=18, kind="named", doc_type="Hiến pháp",
                  date=datetime.date(2015, 1, 1), date_granularity="year"),
        Reference(text="x", start=0, end=1, kind="party", code="1-KL/TW", date=datetime.date(2022, 3, 1),
                  date_granularity="month"),
        Reference(text="y", start=0, end=1, kind="party", code="2-KL/TW", date=datetime.date(2022, 4, 1),
                  date_granularity="quarter"),
    ]
    df = partydocs.to_dataframe([Extraction(references=refs)])
    assert list(df.columns[df.columns.get_loc("date"):][:3]) == ["date", "date_text", "date_granularity"]
    assert df["date_text"].tolist()[:1] + df["date_text"].tolist()[2:] == ["2016-05-15", "2015", "2022-03", "2022-Q2"]
    assert df["date_text"].isna().tolist() == [False, True, False, False, False]
    assert df["date"].iloc[2] == pd.Timestamp("2015-01-01")


TEXT = (
    "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị. Căn cứ Luật Tổ chức chính quyền địa phương "
    "năm 2015, Ban Thường vụ Huyện ủy ban hành Kế hoạch số 82-KH/HU; Kế hoạch này thực hiện từ tháng 3/2022."
)


def test_tables_of_dates_bodies_and_anaphora() -> None:
    results = list(extract_many([("a", TEXT), ("b", 1), ("c", CHI_THI)]))
    dates = partydocs.to_dataframe(results, what="dates")
    assert list(dates.columns) == [
        "id", "date_index", "text", "start", "end", "value", "granularity", "end_value", "iso"
    ]
    assert dates[["id", "date_index", "text", "iso", "granularity"]].values.tolist() == [
        ["a", 0, "ngày 15/5/2016", "2016-05-15", "day"], ["a", 1, "năm 2015", "2015", "year"],
        ["a", 2, "tháng 3/2022", "2022-03", "month"], ["c", 0, "ngày 15/5/2016", "2016-05-15", "day"],
    ]
    assert str(dates["value"].dtype) == "datetime64[s]" and str(dates["start"].dtype) == "Int64"
    bodies = partydocs.to_dataframe(results, what="bodies")
    assert bodies[["id", "body_index", "name", "level"]].values.tolist() == [
        ["a", 0, "Bộ Chính trị", "central"], ["a", 1, "Ban Thường vụ Huyện ủy", "district"],
        ["c", 0, "Bộ Chính trị", "central"],
    ]
    anaphora = partydocs.to_dataframe(results, what="anaphora")
    assert anaphora[["id", "anaphor_index", "text", "doc_type", "antecedent"]].values.tolist() == [
        ["a", 0, "Kế hoạch này", "Kế hoạch", 2]
    ]
    relations = partydocs.to_dataframe(results, what="relations")
    assert list(relations.columns) == [
        "id", "relation_index", "source", "target", "type", "cue_text", "cue_start", "cue_end"
    ]
    plan = "Kế hoạch số 82-KH/HU của Ban Thường vụ Huyện ủy triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị"
    relations = partydocs.to_dataframe([partydocs.extract(plan)], ids=["k"], what="relations")
    assert relations.values.tolist() == [["k", 0, 0, 1, "implements", "triển khai", 48, 58]]
    assert plan[48:58] == "triển khai"
    assert str(relations["cue_start"].dtype) == "Int64"
    assert partydocs.to_arrow(results, what="dates").schema.field("value").type == pytest.importorskip(
        "pyarrow"
    ).date32()
    with pytest.raises(ValueError, match="what must be one of references, dates"):
        partydocs.to_dataframe(results, what="codes")  # type: ignore[arg-type]


def test_every_batch_has_one_schema_empty_or_not_int_ids_or_str(tmp_path: object) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet

    batches = [[], [Extraction(references=[PARTY])], [DocumentResult(id=7, extraction=Extraction(references=[STATE]))]]
    frames = [partydocs.to_dataframe(b) for b in batches]
    assert len({tuple(map(str, f.dtypes)) for f in frames}) == 1
    assert frames[1]["id"].tolist() == ["0"] and frames[2]["id"].tolist() == ["7"]
    tables = [partydocs.to_arrow(b) for b in batches]
    assert tables[0].schema == tables[1].schema == tables[2].schema
    assert tables[0].schema.field("id").type == pa.string()
    assert tables[0].schema.field("is_header").type == pa.bool_()
    path = f"{tmp_path}/refs.parquet"
    with pyarrow.parquet.ParquetWriter(path, tables[0].schema) as writer:
        for table in tables:
            writer.write_table(table)
    assert pyarrow.parquet.read_table(path).column("id").to_pylist() == ["0", "7"]
