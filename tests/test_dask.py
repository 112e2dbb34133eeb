"""partydocs.dask.extract_dataframe on a local two-worker distributed cluster."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import partydocs  # noqa: E402
from partydocs.dask import extract_dataframe  # noqa: E402

CHI_THI = "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
KE_HOACH = "Kế hoạch số 82-KH/TU, ngày 20 tháng 01 năm 2022 của Ban Thường vụ Tỉnh ủy"


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", memory_limit="1GiB"
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def test_references_of_every_partition_on_two_workers(client: distributed.Client) -> None:
    bodies = [CHI_THI, KE_HOACH, None, f"{KE_HOACH}. {CHI_THI}"]
    texts = pd.DataFrame({"doc": ["a", "b", "c", "d"], "body": bodies})
    lazy = extract_dataframe(dd.from_pandas(texts, npartitions=2), "body", id_column="doc")
    expected = partydocs.to_dataframe(partydocs.extract_many([("a", bodies[0]), ("b", bodies[1]), ("d", bodies[3])]))
    assert list(lazy.columns) == list(expected.columns)
    got = lazy.compute().reset_index(drop=True)
    assert got["id"].tolist() == ["a", "b", "d", "d"]
    assert got["code"].tolist() == ["05-CT/TW", "82-KH/TU", "82-KH/TU", "05-CT/TW"]
    assert lazy.npartitions == 2 and len(client.scheduler_info()["workers"]) == 2
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)
    assert {str(t) for t in got.dtypes} <= {"Int64", "string", "datetime64[s]", "boolean", "object"}
    assert [str(t) for t in got.dtypes] == [str(t) for t in lazy.dtypes]


def test_the_index_is_the_id_when_no_id_column(client: distributed.Client) -> None:
    texts = pd.DataFrame({"body": [KE_HOACH, CHI_THI, CHI_THI]}, index=[10, 20, 30])
    got = extract_dataframe(dd.from_pandas(texts, npartitions=2), "body").compute()
    assert str(got["id"].dtype) == "string"
    assert got["id"].tolist() == ["10", "20", "30"]
    assert got["date"].dt.year.tolist() == [2022, 2016, 2016]
