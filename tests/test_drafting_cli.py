"""`uniondraft draft` and `uniondraft regenerate` as a chair runs them, with a small temporary library."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli import main
from tests.library_helpers import write_docs

NOTES = Path(__file__).resolve().parent.parent / "corpus" / "notes" / "notes_semester_summary.txt"


@pytest.fixture
def lib_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("UNIONDRAFT_EMBEDDER", "bm25")
    monkeypatch.setenv("UNIONDRAFT_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("UNIONDRAFT_MODEL", raising=False)
    lib = str(tmp_path / "lib")
    write_docs(tmp_path / "docs")
    assert main(["library", "add", str(tmp_path / "docs"), "--library", lib, "--json"]) == 0
    return lib


def test_draft_then_regenerate_section_2(tmp_path, lib_dir, capsys):
    capsys.readouterr()
    out = tmp_path / "draft.json"
    code = main(["draft", "--facts", str(NOTES), "--kind", "semester-summary", "--school", "红星小学",
                 "--period", "2025-2026学年第一学期", "--model", "offline", "--out", str(out), "--library", lib_dir])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "草稿已保存" in captured.out and "[9/9]" in captured.err and "离线起草" in captured.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"] == "红星小学工会2025-2026学年第一学期工作总结"
    assert [s["heading"] for s in data["sections"]][:3] == ["开头", "一、思想政治与师德师风", "二、民主管理"]
    assert set(data["sections"][1]) >= {"id", "heading", "text", "fact_ids", "sources", "findings", "versions"}
    assert any(s["sources"] for s in data["sections"])              # the library was used
    assert all(src["title"] for s in data["sections"] for src in s["sources"])

    code = main(["regenerate", "--draft", str(out), "--section", "2", "--instruction", "更简洁"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    new = json.loads(out.read_text(encoding="utf-8"))
    assert captured.out.startswith("一、思想政治与师德师风\n")
    assert new["sections"][1]["text"] in captured.out and new["sections"][1]["text"] != data["sections"][1]["text"]
    assert new["sections"][1]["versions"][-1]["text"] == data["sections"][1]["text"]
    assert [s for i, s in enumerate(new["sections"]) if i != 1] == [s for i, s in enumerate(data["sections"]) if i != 1]


def test_draft_without_out_prints_the_document(lib_dir, capsys):
    capsys.readouterr()
    assert main(["draft", "--facts", str(NOTES), "--school", "红星小学", "--library", lib_dir]) == 0
    text = capsys.readouterr().out
    assert text.startswith("红星小学工会工作总结\n") and "一是组织教职工集中学习党的二十届三中全会精神4次" in text
    assert "七、下学期打算" in text and "红星小学工会\n" in text


def test_a_gbk_notes_file_is_read(tmp_path, lib_dir, capsys):
    notes = tmp_path / "gbk.txt"
    notes.write_bytes("关爱服务：\n- 看望生病住院教职工6人次\n".encode("gbk"))
    assert main(["draft", "--facts", str(notes), "--library", lib_dir]) == 0
    assert "看望生病住院教职工6人次" in capsys.readouterr().out


def test_a_bom_notes_file_is_read(tmp_path, lib_dir, capsys):
    notes = tmp_path / "bom.txt"
    notes.write_bytes("\ufeff- 看望生病住院教职工6人次\n".encode("utf-8"))
    assert main(["draft", "--facts", str(notes), "--library", lib_dir]) == 0
    assert "看望生病住院教职工6人次" in capsys.readouterr().out


@pytest.mark.parametrize("content,words", [
    (None, "找不到笔记文件"), ("", "是空的"), ("\n  \n", "是空的"), ("# 民主管理\n# 关爱服务\n", "没有找到事实"),
])
def test_bad_notes_exit_1_with_a_bilingual_message(tmp_path, lib_dir, capsys, content, words):
    notes = tmp_path / "notes.txt"
    if content is not None:
        notes.write_text(content, encoding="utf-8")
    capsys.readouterr()
    assert main(["draft", "--facts", str(notes), "--library", lib_dir]) == 1
    err = capsys.readouterr().err
    assert words in err and "Error:" in err


def test_regenerate_errors_exit_1(tmp_path, lib_dir, capsys):
    assert main(["regenerate", "--draft", str(tmp_path / "none.json"), "--section", "2"]) == 1
    assert "找不到草稿文件" in capsys.readouterr().err
    out = tmp_path / "d.json"
    assert main(["draft", "--facts", str(NOTES), "--out", str(out), "--library", lib_dir]) == 0
    assert main(["regenerate", "--draft", str(out), "--section", "42"]) == 1
    assert "没有第 42 节" in capsys.readouterr().err


def test_a_bad_model_spec_exits_1_with_did_you_mean(lib_dir, capsys):
    assert main(["draft", "--facts", str(NOTES), "--model", "deepsek:deepseek-chat", "--library", lib_dir]) == 1
    assert "deepseek" in capsys.readouterr().err


def test_bad_usage_exits_2():
    with pytest.raises(SystemExit) as info:
        main(["draft", "--kind", "report"])
    assert info.value.code == 2


def test_the_outline_can_be_shown_edited_and_drafted_from(tmp_path, lib_dir, capsys):
    import json

    from cli import main

    notes = tmp_path / "notes.txt"
    notes.write_text("# 民主管理\n- 召开教代会1次，征集提案12件\n# 关爱服务\n- 慰问困难教职工8人次\n", encoding="utf-8")
    assert main(["draft", "--facts", str(notes), "--show-outline"]) == 0
    outline = json.loads(capsys.readouterr().out)
    body = [s for s in outline if s["role"] == "body"]
    assert [s["heading"] for s in body] == ["一、民主管理", "二、关爱服务"]
    body[1]["heading"] = "二、帮扶慰问与服务"                       # the chair renames a section
    edited = tmp_path / "outline.json"
    edited.write_text(json.dumps(outline, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "d.json"
    assert main(["draft", "--facts", str(notes), "--outline", str(edited), "--out", str(out), "--library", str(lib_dir)]) == 0
    headings = [s["heading"] for s in json.loads(out.read_text(encoding="utf-8"))["sections"]]
    assert "二、帮扶慰问与服务" in headings and "二、关爱服务" not in headings
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    assert main(["draft", "--facts", str(notes), "--outline", str(tmp_path / "bad.json")]) == 1
    assert "提纲文件" in capsys.readouterr().err
