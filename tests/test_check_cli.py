"""`uniondraft check`: the command a chair (or a script) runs on a finished document."""
import json

import pytest

from cli import main

NOTES = "# 关爱服务\n- 送温暖慰问困难教职工12人次，发放慰问金1.2万元\n- 团体心理辅导2次，参加40余人次\n"
GOOD = "送温暖慰问困难教职工12人次，发放慰问金1.2万元。团体心理辅导2次，参加40余人次。"
BAD = "送温暖慰问困难教职工12人次，发放慰问金1.5万元。团体心理辅导2次，参加40人次。"


@pytest.fixture
def files(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    return tmp_path, notes


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_draft_exits_0(files, capsys):
    tmp, notes = files
    (tmp / "d.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--facts", str(notes), "--draft", str(tmp / "d.txt"))
    assert code == 0 and "没有发现问题" in out


def test_findings_exit_1_and_json_offsets_index_the_draft_as_read(files, capsys):
    tmp, notes = files
    text = "\ufeff" + BAD                                   # a BOM: offsets still index the text as read
    (tmp / "d.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--facts", str(notes), "--draft", str(tmp / "d.txt"), "--json")
    data = json.loads(out)
    assert code == 1
    as_read = (tmp / "d.txt").read_bytes().decode("utf-8-sig")
    found = {(f["kind"], f["text"]) for f in data["findings"] if f["level"] == "error"}
    assert found == {("mismatch", "1.5万元"), ("qualifier", "40人次")}
    for f in data["findings"]:
        assert set(f) >= {"kind", "start", "end", "text", "message", "facts"}
        assert as_read[f["start"]:f["end"]] == f["text"]
    assert data["findings"][0]["facts"] == ["F1"]


def test_human_output_shows_the_sentence_with_the_figure_marked(files, capsys):
    tmp, notes = files
    (tmp / "d.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--facts", str(notes), "--draft", str(tmp / "d.txt"))
    assert code == 1
    assert "发放慰问金【1.5万元】" in out and "笔记 F1：" in out and "\033[" not in out   # no colours in a pipe


def test_gbk_notes_and_a_draft_json(files, capsys):
    tmp, _ = files
    (tmp / "notes_gbk.txt").write_bytes(NOTES.encode("gbk"))
    draft = {"title": "某某中学工会2025-2026学年第一学期工作总结", "period": "2025-2026学年第一学期", "school": "某某中学",
             "sections": [{"id": "s1", "heading": "一、关爱服务", "text": GOOD}]}
    (tmp / "draft.json").write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--facts", str(tmp / "notes_gbk.txt"), "--draft", str(tmp / "draft.json"), "--json")
    assert code == 0, out
    assert json.loads(out)["errors"] == 0


def test_references_catch_a_copied_figure(files, capsys):
    tmp, notes = files
    (tmp / "d.txt").write_text(GOOD + "组织教职工健康体检126人。", encoding="utf-8")
    (tmp / "old.txt").write_text("上年度组织教职工健康体检126人。", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--facts", str(notes), "--draft", str(tmp / "d.txt"),
                       "--references", str(tmp / "old.txt"), "--json")
    assert code == 1 and [f["kind"] for f in json.loads(out)["findings"] if f["level"] == "error"] == ["leak"]


@pytest.mark.parametrize("make,expect_zh", [
    (lambda tmp: str(tmp / "nope.txt"), "找不到草稿文件"),
    (lambda tmp: str(tmp), "是文件夹"),
    (lambda tmp: (tmp / "junk.txt").write_bytes(bytes(range(256)) * 40) and str(tmp / "junk.txt"), "不是文本文件"),
])
def test_bad_draft_files_get_a_message_in_chinese_and_english(files, capsys, make, expect_zh):
    tmp, notes = files
    code, _, err = run(capsys, "check", "--facts", str(notes), "--draft", make(tmp))
    assert code == 1 and expect_zh in err and "Error:" in err


def test_missing_arguments_are_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--facts", "x.txt"])
    assert exc.value.code == 2
