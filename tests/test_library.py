"""The style reference library end to end: add, list, stats, search, update, remove — embedded and on a server."""
from __future__ import annotations

import pytest

from common.settings import Settings
from retrieval.library import Library
from tests.library_helpers import ChromaServer, write_docs


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "db")
    yield server
    server.stop()


@pytest.fixture(params=["embedded", pytest.param("server", marks=pytest.mark.server)])
def library(request, tmp_path):
    env = {"UNIONDRAFT_DATA": str(tmp_path / "data"), "UNIONDRAFT_EMBEDDER": "bm25"}
    if request.param == "server":
        server = request.getfixturevalue("chroma_server")
        env["UNIONDRAFT_CHROMA_URL"] = server.url
        # one server serves all server-side tests: a fresh collection name space per test via its own data dir
        lib = Library.open(Settings.from_env(env))
        for doc in lib.documents():
            lib.remove(doc.doc_id)
        return lib
    return Library.open(Settings.from_env(env))


@pytest.fixture
def docs(tmp_path):
    return write_docs(tmp_path / "docs")


def test_add_then_list_shows_documents_with_metadata(library, docs):
    report = library.add_files([docs["summary"], docs["plan"]])
    assert not report.failed and all(len(f.added) == 1 for f in report.files)
    by_kind = {d.kind: d for d in library.documents()}
    assert set(by_kind) == {"summary", "plan"}
    assert "工会工作总结" in by_kind["summary"].title and by_kind["summary"].year == 2023
    assert by_kind["plan"].year == 2024 and by_kind["plan"].chunks >= 2
    stats = library.stats()
    assert stats["documents"] == 2
    assert stats["by_kind"]["plan"]["documents"] == 1
    assert stats["by_year"]["2023"]["chunks"] == by_kind["summary"].chunks


def test_adding_the_same_file_twice_changes_nothing(library, docs):
    library.add_files([docs["summary"]])
    before = library.count_chunks()
    report = library.add_files([docs["summary"]])
    assert report.files[0].unchanged and not report.files[0].added
    assert library.count_chunks() == before
    assert len(library.documents()) == 1


def test_search_returns_the_section_with_its_heading_path(library, docs):
    library.add_files([docs["summary"], docs["plan"]])
    hits = library.search("走访慰问困难教职工", k=3)
    assert hits, "expected a hit"
    top = hits[0]
    assert "慰问" in top.text and top.source == "summary.txt"
    assert "帮扶慰问" in top.heading
    assert 0 < top.score <= 1
    plan_hits = library.search("走访慰问困难教职工", k=3, kind="plan")
    assert plan_hits and all(h.kind == "plan" for h in plan_hits)
    assert "送温暖" in plan_hits[0].text


def test_remove_takes_a_document_out_of_list_and_search(library, docs):
    library.add_files([docs["summary"], docs["plan"]])
    plan = next(d for d in library.documents() if d.kind == "plan")
    library.remove(plan.doc_id[:8])
    assert [d.kind for d in library.documents()] == ["summary"]
    assert all(h.kind != "plan" for h in library.search("工作目标 参与率", k=5))


def test_metadata_override_is_kept(library, docs):
    library.add_files([docs["summary"]])
    doc = library.documents()[0]
    updated = library.update_metadata(doc.doc_id, kind="plan", year=2020, school="改名小学")
    assert (updated.kind, updated.year, updated.school) == ("plan", 2020, "改名小学")
    assert library.search("教代会", k=1, kind="plan")


def test_add_time_overrides_win_over_detection(library, docs):
    library.add_files([docs["summary"]], kind="plan", overrides={"year": 2019, "school": "另一所学校"})
    doc = library.documents()[0]
    assert (doc.kind, doc.year, doc.school) == ("plan", 2019, "另一所学校")


def test_empty_library_searches_to_nothing(library):
    assert library.search("教代会") == [] and library.documents() == [] and library.stats()["chunks"] == 0


def test_unknown_document_id_is_a_clear_error(library):
    from common.errors import InputError
    with pytest.raises(InputError, match="没有找到"):
        library.remove("deadbeef")


def test_paged_reads_return_every_chunk(library, docs):
    library.add_files([docs["summary"], docs["plan"]])
    whole = library._get_all(["metadatas"])
    paged = library._get_all(["metadatas"], page=2)
    assert len(whole["ids"]) == library.count_chunks() > 2
    assert sorted(paged["ids"]) == sorted(whole["ids"]) and len(paged["metadatas"]) == len(paged["ids"])
