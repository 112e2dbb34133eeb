"""Corpus level over `extract_many` output of the bundled dump: documents, the citation graph, empty texts."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import partydocs
from partydocs import DocumentResult

DUMP = Path(__file__).parent.parent / "fixtures" / "bac_kan_dump.jsonl"
ROWS = [
    # key, code, date, issuer, scope, mentions, texts
    ("5-CT/TW", "05-CT/TW", datetime.date(2016, 5, 15), "Bộ Chính trị", None, 7,
     ["tw-2016-05", "bac-kan-2016-06", "ba-be-2016-06", "cho-moi-2016-08", "tw-2021-05", "cho-moi-2021-06"]),
    ("1-KL/TW", "01-KL/TƯ", datetime.date(2021, 5, 18), "Bộ Chính trị", None, 2, ["tw-2021-05", "cho-moi-2021-06"]),
    ("33-KH/TU@Bắc Kạn", "33-KH/TU", datetime.date(2016, 6, 10), "Ban Thường vụ Tỉnh ủy Bắc Kạn", "Bắc Kạn", 2,
     ["bac-kan-2016-06", "ba-be-2016-06"]),
    ("12-KH/HU@Ba Bể, Bắc Kạn", "12-KH/HU", datetime.date(2016, 6, 20), "Huyện ủy Ba Bể", "Ba Bể, Bắc Kạn", 2,
     ["ba-be-2016-06"]),
    ("12-KH/HU@Chợ Mới", "12-KH/HU", datetime.date(2016, 8, 5), "Ban Thường vụ Huyện ủy Chợ Mới", "Chợ Mới", 1,
     ["cho-moi-2016-08"]),
    ("3-CT/TW", "03-CT/TW", datetime.date(2011, 5, 14), "Bộ Chính trị", None, 1, ["tw-2016-05"]),
    ("45-KH/HU@Chợ Mới", "45-KH/HU", datetime.date(2021, 6, 2), "Huyện ủy Chợ Mới", "Chợ Mới", 1,
     ["cho-moi-2021-06"]),
]
RELATIONS = [
    ("doc:5-CT/TW", "doc:3-CT/TW", "replaces", "tw-2016-05"),
    ("doc:1-KL/TW", "doc:5-CT/TW", "implements", "tw-2021-05"),
    ("doc:33-KH/TU@Bắc Kạn", "doc:5-CT/TW", "implements", "bac-kan-2016-06"),
    ("doc:12-KH/HU@Ba Bể, Bắc Kạn", "doc:5-CT/TW", "implements", "ba-be-2016-06"),
    ("doc:12-KH/HU@Ba Bể, Bắc Kạn", "doc:33-KH/TU@Bắc Kạn", "implements", "ba-be-2016-06"),
    ("doc:12-KH/HU@Chợ Mới", "doc:5-CT/TW", "implements", "cho-moi-2016-08"),
    ("doc:45-KH/HU@Chợ Mới", "doc:1-KL/TW", "implements", "cho-moi-2021-06"),
]


@pytest.fixture(scope="module")
def results() -> list[DocumentResult]:
    items = [json.loads(line) for line in DUMP.read_text(encoding="utf-8").splitlines()]
    return list(partydocs.extract_many(items))


def test_documents_of_the_dump(results: list[DocumentResult]) -> None:
    rows = partydocs.documents(results)
    assert [(d.key, d.code, d.date, d.issuer, d.scope, d.mentions, d.texts) for d in rows] == ROWS
    first = rows[0]
    assert (first.kind, first.doc_type, first.date_granularity, first.first_text, first.last_text) == (
        "party", "Chỉ thị", "day", "tw-2016-05", "cho-moi-2021-06")
    assert all(d.conflicting_dates == [] for d in rows)


def test_a_failed_text_gives_nothing_and_ids_default_to_positions() -> None:
    results = list(partydocs.extract_many(["Chỉ thị số 05-CT/TW ngày 15/5/2016", 42, "Chỉ thị 05-CT/TW năm 2017"]))
    (row,) = partydocs.documents(results)
    assert (row.key, row.texts, row.date, row.conflicting_dates) == (
        "5-CT/TW", [0, 2], datetime.date(2016, 5, 15), [datetime.date(2017, 1, 1)])
    (plain,) = partydocs.documents([partydocs.extract("Chỉ thị số 05-CT/TW")] * 2)
    assert (plain.texts, plain.mentions) == ([0, 1], 2)


def test_the_most_precise_date_wins_and_a_coarser_one_that_covers_it_is_no_conflict() -> None:
    texts = ["Hiến pháp năm 2013 quy định", "Kết luận số 14-KL/TW tháng 9/2021", "Kết luận số 14-KL/TW ngày 22/9/2021"]
    rows = {d.key: d for d in partydocs.documents(partydocs.extract(t) for t in texts)}
    assert (rows["14-KL/TW"].date, rows["14-KL/TW"].conflicting_dates) == (datetime.date(2021, 9, 22), [])
    assert (rows["Hiến pháp 2013"].date_granularity, rows["Hiến pháp 2013"].kind) == ("year", "named")


def test_citation_graph_of_the_dump(results: list[DocumentResult], tmp_path: Path) -> None:
    pytest.importorskip("networkx")
    graph = partydocs.citation_graph(results)
    texts = sorted(n for n, data in graph.nodes(data=True) if data["node"] == "text")
    assert texts == sorted(f"text:{r.id}" for r in results)  # the text without references too
    assert graph.nodes["doc:5-CT/TW"]["date"] == "2016-05-15" and graph.nodes["doc:5-CT/TW"]["texts"] == 6
    relations = [(s, t, d["type"], d["text"]) for s, t, d in graph.edges(data=True) if d["type"] != "cites"]
    assert relations == RELATIONS
    cites = sorted((s, t) for s, t, d in graph.edges(data=True) if d["type"] == "cites")
    assert len(cites) == 14 and ("text:ba-be-2016-06", "doc:33-KH/TU@Bắc Kạn") in cites
    assert graph.in_degree("doc:5-CT/TW") == 6 + 4  # six texts cite it, four documents implement it
    graphml = tmp_path / "graph.graphml"
    partydocs.write_graph(graph, graphml)
    import networkx as nx

    again = nx.read_graphml(graphml)
    assert again.number_of_nodes() == 14 and again.number_of_edges() == 21
    edges = tmp_path / "graph.tsv"
    partydocs.write_graph(graph, edges)
    assert edges.read_text(encoding="utf-8").splitlines()[0] == "doc:5-CT/TW\tdoc:3-CT/TW\treplaces\ttw-2016-05"
    with pytest.raises(ValueError, match="graph format"):
        partydocs.write_graph(graph, edges, "dot")


def test_to_dataframe_keeps_texts_without_references(results: list[DocumentResult]) -> None:
    pytest.importorskip("pandas")
    assert "ba-be-van-hoa" not in set(partydocs.to_dataframe(results)["id"])
    frame = partydocs.to_dataframe(results, include_empty=True)
    assert len(frame) == 17
    empty = frame[frame["id"] == "ba-be-van-hoa"].iloc[0]
    assert empty.isna()["code"] and empty.isna()["ref_index"] and empty.isna()["key"]
    per_text = frame.groupby("id", sort=False)["key"].nunique()
    assert per_text.to_dict() == {"tw-2016-05": 2, "bac-kan-2016-06": 2, "ba-be-2016-06": 3, "cho-moi-2016-08": 2,
                                  "tw-2021-05": 2, "cho-moi-2021-06": 3, "ba-be-van-hoa": 0}
