"""Importing files: every input kind, every encoding, and every bad input a user can hand us."""
from __future__ import annotations

import os
import tracemalloc

import pytest

from common.errors import InputError
from retrieval.cleaning import normalise_text
from retrieval.importing import MAX_FILE_BYTES, read_documents
from retrieval.loaders import CELL_SEPARATOR, decode_bytes
from tests.fixtures_files import (PLAN, SUMMARY, build_corrupt_docx, build_docx, build_docx_with_merged_cell,
                                  build_junk, build_pdf, build_scanned_pdf, build_sparse, write_text)

EXPECTED_SUMMARY = normalise_text(SUMMARY)


def _only(docs):
    assert len(docs) == 1
    return docs[0]


# ---- text files -------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_text_in_any_common_encoding_and_line_ending_reads_the_same(tmp_path, encoding, newline):
    path = write_text(tmp_path / "总结.txt", SUMMARY, encoding, newline)
    doc = _only(read_documents(path))
    assert doc.text == EXPECTED_SUMMARY
    assert doc.title == "青松县实验小学2023-2024学年第一学期工会工作总结"
    assert doc.source == "总结.txt"


def test_gbk_bytes_that_are_not_utf8_are_decoded_as_gbk():
    data = "工会慰问困难教职工6人次".encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == "工会慰问困难教职工6人次"


def test_utf8_file_cut_off_inside_its_last_character_still_reads():
    data = "工会组织教职工健步走".encode("utf-8")[:-1]
    assert decode_bytes(data) == "工会组织教职工健步"


def test_artefacts_are_cleaned(tmp_path):
    messy = ("\ufeff青松县实验小学2023-2024学年第一学期工会工作总结\r\n[bookmark: _GoBack]\u3000\u3000本学期，校工会"
             "在上级工会和学校党支部的领导下，围绕学校中心\x00工作。\r\n\r\n\r\n　　一、加强民主管理  \r\n"
             "学期初召开教代会。\u200b")
    doc = _only(read_documents(write_text(tmp_path / "a.txt", messy)))
    assert doc.text == ("青松县实验小学2023-2024学年第一学期工会工作总结\n本学期，校工会在上级工会和学校党支部的领导下，"
                        "围绕学校中心工作。\n一、加强民主管理\n学期初召开教代会。")


def test_markdown_marks_are_removed(tmp_path):
    md = "# 临江市第二中学工会2024年工作计划\n\n## 一、指导思想\n\n**坚持**服务教职工的工作主线，团结动员教职工。\n"
    doc = _only(read_documents(write_text(tmp_path / "plan.md", md)))
    assert doc.text.split("\n") == ["临江市第二中学工会2024年工作计划", "一、指导思想", "坚持服务教职工的工作主线，团结动员教职工。"]
    assert doc.kind == "plan"


# ---- docx -------------------------------------------------------------------------------------------
def test_docx_paragraphs_and_tables_come_in_document_order(tmp_path):
    path = build_docx(tmp_path / "计划.docx", [
        "临江市第二中学工会2024年工作计划",
        "一、月度安排",
        [["月份", "工作内容"], ["三月", "开展“三八”节趣味活动"], ["四月", "组织春季健步走"]],
        "二、保障措施",
        "规范工会经费管理，确保各项工作落到实处。",
    ])
    doc = _only(read_documents(path))
    assert doc.text.split("\n") == [
        "临江市第二中学工会2024年工作计划", "一、月度安排",
        f"月份{CELL_SEPARATOR}工作内容", f"三月{CELL_SEPARATOR}开展“三八”节趣味活动", f"四月{CELL_SEPARATOR}组织春季健步走",
        "二、保障措施", "规范工会经费管理，确保各项工作落到实处。"]
    assert (doc.kind, doc.school, doc.year) == ("plan", "临江市第二中学", 2024)


def test_docx_merged_cell_appears_once(tmp_path):
    doc = _only(read_documents(build_docx_with_merged_cell(tmp_path / "m.docx")))
    lines = doc.text.split("\n")
    assert lines == ["慰问情况统计如下。", "春节慰问", CELL_SEPARATOR.join(["困难教职工", "6人次", "3000元"]),
                     "以上慰问均已完成。"]


# ---- pdf --------------------------------------------------------------------------------------------
def test_pdf_text_layer_is_read_with_wrapped_lines_joined_and_page_numbers_dropped(tmp_path):
    long_sentence = "学期初召开三届四次教职工代表大会，代表们围绕绩效工资分配方案提出意见十二条，会后逐条答复落实。"
    first, rest = long_sentence[:30], long_sentence[30:]
    path = build_pdf(tmp_path / "总结.pdf", [
        ["青松县实验小学工会2023年工作总结", "一、加强民主管理", first, rest],
        ["二、关心教职工生活", "春节前走访慰问困难教职工6人次。"],
    ])
    doc = _only(read_documents(path))
    assert doc.text.split("\n") == ["青松县实验小学工会2023年工作总结", "一、加强民主管理", long_sentence,
                                    "二、关心教职工生活", "春节前走访慰问困难教职工6人次。"]
    assert (doc.school, doc.year, doc.period) == ("青松县实验小学", 2023, "2023年")


# ---- upload names -----------------------------------------------------------------------------------
def test_upload_temp_file_uses_the_original_name_for_source_type_and_fallback_title(tmp_path):
    temp = build_docx(tmp_path / "tmp8f3k2", ["本学期，工会组织教职工开展了读书分享会和趣味运动会，参与率达到九成以上。"])
    doc = _only(read_documents(temp, original_name="秋季学期小结.docx"))
    assert doc.source == "秋季学期小结.docx"
    assert doc.title == "秋季学期小结"


# ---- bad input --------------------------------------------------------------------------------------
def _empty(tmp_path):
    return write_text(tmp_path / "empty.txt", "")


def _blank(tmp_path):
    return write_text(tmp_path / "blank.txt", "\n\u3000\u3000 \n\n  \t\n")


BAD_INPUTS = [
    ("empty file", _empty, "空文件"),
    ("only blanks", _blank, "没有可用的文字"),
    ("random bytes .txt", lambda p: build_junk(p / "junk.txt", "random"), "不是文本"),
    ("png renamed .txt", lambda p: build_junk(p / "photo.txt", "png"), "不是文本"),
    ("program renamed .md", lambda p: build_junk(p / "tool.md", "exe"), "不是文本"),
    ("random bytes .docx", lambda p: build_corrupt_docx(p / "bad.docx", "random"), "Word"),
    ("zip without document", lambda p: build_corrupt_docx(p / "bad.docx", "zip"), "Word"),
    ("truncated docx", lambda p: build_corrupt_docx(
        p / "bad.docx", "truncated", build_docx(p / "good.docx", [SUMMARY])), "Word"),
    ("old .doc renamed .docx", lambda p: build_corrupt_docx(p / "old.docx", "doc"), "Word"),
    ("scanned pdf", lambda p: build_scanned_pdf(p / "scan.pdf"), "扫描件"),
    ("not really a pdf", lambda p: build_junk(p / "fake.pdf", "random"), "PDF"),
    ("50 MB file", lambda p: build_sparse(p / "huge.txt", 50 * 2**20), "太大"),
    ("missing path", lambda p: p / "no-such-file.txt", "找不到"),
    ("a directory", lambda p: (p / "folder.txt").mkdir() or p / "folder.txt", "文件夹"),
    ("unsupported type", lambda p: write_text(p / "old.doc", SUMMARY), "不支持"),
]


@pytest.mark.parametrize("make, needle", [(m, n) for _, m, n in BAD_INPUTS], ids=[i for i, _, _ in BAD_INPUTS])
def test_bad_input_gets_a_clear_bilingual_message(tmp_path, make, needle):
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read_documents(path)
    assert needle in caught.value.zh
    assert path.name in caught.value.zh and path.name in caught.value.en


def test_file_over_the_limit_is_refused_without_being_read(tmp_path):
    huge = build_sparse(tmp_path / "huge.pdf", MAX_FILE_BYTES + 1)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="太大"):
            read_documents(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 2**20   # reading it would take more than 20 MB


def test_file_just_under_the_limit_is_read(tmp_path):
    body = ("本学期工会组织教职工开展健步走活动，参与教职工一百二十人。\n" * 1000).encode("utf-8")
    path = tmp_path / "big.txt"
    path.write_bytes(body + b" " * (MAX_FILE_BYTES - len(body)))
    assert _only(read_documents(path)).text.startswith("本学期工会组织教职工开展健步走活动")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_file_without_read_permission(tmp_path):
    path = write_text(tmp_path / "secret.txt", PLAN)
    path.chmod(0)
    with pytest.raises(InputError, match="权限"):
        read_documents(path)


def test_file_that_fails_while_being_read_gets_a_message_not_a_traceback(tmp_path, monkeypatch):
    path = write_text(tmp_path / "flaky.txt", PLAN)
    real_open = open

    def failing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(InputError, match="权限"):
        read_documents(path)


def test_utf8_file_with_one_damaged_byte_still_reads():
    text = "本学期工会组织教职工开展健步走活动，参与教职工一百二十人。" * 40
    data = bytearray(text.encode("utf-8"))
    data[600] = 0xFF
    decoded = decode_bytes(bytes(data))
    assert len(decoded) >= len(text) - 2 and decoded.startswith("本学期工会组织教职工")
