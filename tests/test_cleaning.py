"""Splitting web compilations into documents and dropping the site's boilerplate."""
from __future__ import annotations

import re

import pytest

from retrieval.cleaning import clean_title_line, join_wrapped_lines, normalise_text, split_documents
from retrieval.importing import read_documents
from tests.fixtures_files import BOILERPLATE, COMPILATION, COMPILATION_DI_PIAN, SEEDS, SUMMARY, write_text


def _parts(text: str) -> list[str]:
    return [part.text for part in split_documents(normalise_text(text))]


@pytest.mark.parametrize("raw, clean", [
    ("a\r\nb\rc\n", "a\nb\nc"),
    ("\u3000\u3000第一段。\n  \t第二段。", "第一段。\n第二段。"),
    ("[bookmark: _GoBack]（2025年）\n正文\x00内容", "（2025年）\n正文内容"),
    ("标题\n\n\n\n正文。   \n\n", "标题\n正文。"),
    ("\ufeff零宽\u200b字符", "零宽字符"),
])
def test_normalise_text(raw, clean):
    assert normalise_text(raw) == clean


@pytest.mark.parametrize("line, title", [
    ("2024年小学工会工作总结范文【篇1】 980字", "2024年小学工会工作总结"),
    ("红星中学工会工作计划【篇3】", "红星中学工会工作计划"),
    ("【第2篇】西山小学工会工作总结（1200字）", "西山小学工会工作总结"),
    ("第2篇：西山小学工会工作总结", "西山小学工会工作总结"),
    ("学校工会工作总结（精选3篇）", "学校工会工作总结"),
    ("____年小学工会工作总结优秀范文", "____年小学工会工作总结"),
    ("范文", "范文"),                     # nothing left would be worse than the word itself
])
def test_clean_title_line(line, title):
    assert clean_title_line(line) == title


def test_compilation_splits_into_its_documents_without_boilerplate():
    parts = _parts(COMPILATION)
    assert [p.split("\n")[0] for p in parts] == [
        "2024年小学工会工作总结", "柳溪镇中心小学工会2023年上半年工作总结", "红星中学工会工作计划"]
    for part in parts:
        assert not [word for word in BOILERPLATE if word in part]
    assert "各位读者" not in "".join(parts)            # the page header before 【篇1】
    assert parts[0].endswith("参与人数达到120人。")    # the document right before the advice essay stays
    assert parts[2].endswith("开展青年教师教学基本功比赛一次。")


def test_di_n_pian_markers_split_too():
    parts = _parts(COMPILATION_DI_PIAN)
    assert [p.split("\n")[0] for p in parts] == ["东湖中学工会2022年度工作总结", "西山小学工会2022-2023学年第二学期工作总结"]
    assert all("第1篇" not in p and "第2篇" not in p for p in parts)


def test_a_single_document_is_left_whole():
    assert _parts(SUMMARY) == [normalise_text(SUMMARY)]


def test_bracketed_numbers_are_not_compilation_markers():
    text = "东湖中学工会工作总结\n依据区教育工会【2024】3号文件精神开展工作。\n一、加强学习\n参见【1】和【2】。"
    assert _parts(text) == [text]


def test_a_single_marker_is_removed_without_splitting():
    text = "网站导语：以下是一篇范文。\n东湖中学工会2023年工作总结【篇1】 900字\n一年来工会扎实开展工作，成效明显。"
    assert _parts(text) == ["网站导语：以下是一篇范文。\n东湖中学工会2023年工作总结\n一年来工会扎实开展工作，成效明显。"]


@pytest.mark.parametrize("line", [
    "各位读者可以点击下载本文，但本段是正文的一部分：学校工会组织教职工开展了丰富多彩的文体活动，参与率达到百分之九十。",
    "教职工读书会推荐阅读书目二十种，全年借阅一千余册。",
])
def test_content_lines_that_mention_site_words_are_kept(line):
    text = f"东湖中学工会工作总结\n{line}\n一、加强思想引领\n组织理论学习十二次。"
    assert line in _parts(text)[0].split("\n")


def test_editor_note_with_text_on_the_same_line_drops_only_that_line():
    text = "东湖中学工会工作总结\n组织理论学习十二次。\n小编友情提醒：记得收藏本页。\n开展读书分享会四次。"
    assert _parts(text) == ["东湖中学工会工作总结\n组织理论学习十二次。\n开展读书分享会四次。"]


@pytest.mark.parametrize("lines, joined", [
    (["本学期工会组织教职工开展了健步走、羽毛球", "比赛等活动。", "二、关心教职工生活"],
     ["本学期工会组织教职工开展了健步走、羽毛球比赛等活动。", "二、关心教职工生活"]),
    (["短标题", "本学期工会组织教职工开展了健步走活动。", "下一段从这里开始写起来。"],
     ["短标题", "本学期工会组织教职工开展了健步走活动。", "下一段从这里开始写起来。"]),
    (["本学期工会组织教职工开展了健步走、羽毛球", "- 2 -", "比赛等活动。"],
     ["本学期工会组织教职工开展了健步走、羽毛球比赛等活动。"]),
    (["本学期工会组织教职工开展了健步走、羽毛球", "1.组织保障：加强领导。"],
     ["本学期工会组织教职工开展了健步走、羽毛球", "1.组织保障：加强领导。"]),
])
def test_join_wrapped_lines(lines, joined):
    assert join_wrapped_lines("\n".join(lines)).split("\n") == joined


# ---- the real compilation in the seeds ----------------------------------------------------------------
def _seed(prefix: str):
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {prefix} not available at {SEEDS}")
    return found[0]


def test_seed_compilation_splits_into_8_clean_documents():
    path = _seed("003")
    docs = read_documents(path)
    assert [d.part for d in docs] == list(range(1, 9))
    for doc in docs:
        assert not [word for word in BOILERPLATE if word in doc.text], doc.title
        assert not re.search(r"\d+\s*字$", doc.text.split("\n")[0])
        assert doc.source == path.name
    # each document keeps its own last line: the line before each "篇N书写经验" line in the file
    raw = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    for n, i in ((int(m[1]), i) for i, line in enumerate(raw) if (m := re.match(r"篇(\d+)书写经验", line))):
        before = next(line for line in reversed(raw[:i]) if line)
        assert docs[n - 1].text.endswith(before)


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_single_seed_documents_stay_whole(prefix):
    path = _seed(prefix)
    doc, = read_documents(path)
    raw = normalise_text(path.read_text(encoding="utf-8"))
    assert doc.text == raw
