"""`uniondraft library ...` as DESIGN.md's command-line contract describes it."""
from __future__ import annotations

import json

import pytest

from cli import main
from tests.library_helpers import write_docs


@pytest.fixture
def lib_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("UNIONDRAFT_EMBEDDER", "bm25")
    monkeypatch.setenv("UNIONDRAFT_DATA", str(tmp_path / "data"))
    return str(tmp_path / "lib")


def _json(capsys, argv):
    code = main(argv)
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_add_list_search_remove_round_trip(tmp_path, lib_dir, capsys):
    docs = write_docs(tmp_path / "docs")
    code, added = _json(capsys, ["library", "add", str(tmp_path / "docs"), "--library", lib_dir, "--json"])
    assert code == 0 and len(added["files"]) == 2 and all(f["ok"] for f in added["files"])

    code, listed = _json(capsys, ["library", "list", "--library", lib_dir, "--json"])
    assert code == 0 and {d["kind"] for d in listed["documents"]} == {"summary", "plan"}
    assert listed["stats"]["documents"] == 2

    code, found = _json(capsys, ["library", "search", "教代会 提案", "-k", "2", "--library", lib_dir, "--json"])
    assert code == 0 and 1 <= len(found["results"]) <= 2
    first = found["results"][0]
    assert set(first) >= {"text", "source", "title", "heading", "score"}
    assert "教代会" in first["text"]

    plan_id = next(d["doc_id"] for d in listed["documents"] if d["kind"] == "plan")
    code, removed = _json(capsys, ["library", "remove", plan_id, "--library", lib_dir, "--json"])
    assert code == 0 and removed["removed"]["doc_id"] == plan_id
    code, listed = _json(capsys, ["library", "list", "--library", lib_dir, "--json"])
    assert [d["kind"] for d in listed["documents"]] == ["summary"]
    assert docs  # files untouched on disk
    assert all(p.exists() for p in docs.values())


def test_human_output_and_progress_bar(tmp_path, lib_dir, capsys):
    write_docs(tmp_path / "docs")
    assert main(["library", "add", str(tmp_path / "docs"), "--library", lib_dir]) == 0
    captured = capsys.readouterr()
    assert "新增 1 篇" in captured.out and "导入 [" in captured.err
    assert main(["library", "list", "--library", lib_dir]) == 0
    assert "共 2 篇" in capsys.readouterr().out


def test_removing_an_unknown_id_exits_1_with_a_bilingual_message(lib_dir, capsys):
    assert main(["library", "remove", "nope", "--library", lib_dir]) == 1
    err = capsys.readouterr().err
    assert "没有找到" in err and "Error:" in err


def test_bad_usage_exits_2(lib_dir):
    with pytest.raises(SystemExit) as exc:
        main(["library", "search"])
    assert exc.value.code == 2


def test_init_builds_the_default_library_once(lib_dir, capsys):
    code, first = _json(capsys, ["library", "init", "--library", lib_dir, "--json"])
    assert code == 0 and len(first["files"]) >= 10 and all(f["ok"] for f in first["files"])
    code, second = _json(capsys, ["library", "init", "--library", lib_dir, "--json"])
    assert code == 0 and second.get("already_built") is True
