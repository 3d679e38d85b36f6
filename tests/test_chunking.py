"""Chunking along the heading hierarchy: paths, sizes, merging, and never cutting a sentence."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.chunking import (BODY_HEADING, CLOSING_HEADING, PREAMBLE_HEADING, RUNAWAY_TOKENS, chunk_document,
                                count_tokens, heading_label, heading_level)
from retrieval.cleaning import normalise_text
from retrieval.importing import read_documents
from tests.fixtures_files import PLAN, SEEDS, SUMMARY

SENTENCE_END = re.compile(r"[。！？；!?;][”’」』）)》\"']*$")


def _squash(text: str) -> str:
    return "".join(text.split())


def assert_well_cut(text: str, chunks, max_tokens: int) -> None:
    """Nothing lost or repeated; every chunk ends at a sentence or line end; only single sentences overflow."""
    assert _squash("".join(c.text for c in chunks)) == _squash(text)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    lines = [line.strip() for line in text.split("\n")]
    for chunk in chunks:
        last = chunk.text.split("\n")[-1]
        assert SENTENCE_END.search(last) or any(line.endswith(last) for line in lines), last[-20:]
        assert chunk.tokens == count_tokens(chunk.text)
        if chunk.tokens > max_tokens:
            inner_ends = [m for m in re.finditer(r"[。！？；!?;]+[”’」』）)》\"']*", chunk.text) if m.end() < len(chunk.text)]
            assert "\n" not in chunk.text and not inner_ends, "an oversized chunk must be one sentence"


@pytest.mark.parametrize("line, level", [
    ("一、加强民主管理", 1), ("十二、其他", 1), ("第三部分 存在问题", 1),
    ("（一）开好教代会", 2), ("(二)校务公开", 2), ("三月", 2), ("3月份", 2), ("十二月：", 2),
    ("1.走访慰问", 3), ("2、生病探望", 3), ("3. 开展活动", 3), ("10．健步走", 3),
    ("（1）慰问", 4), ("(2)探望", 4), ("①元旦联欢", 5),
    ("2026年3月1日", 0), ("1.5万元用于慰问", 0), ("一是加强学习", 0), ("三月份组织全校教职工春游。", 0),
    ("“十一五”规划", 0), ("（2025-2026年第二学期）", 0), ("本学期，工会开展了活动。", 0),
])
def test_heading_level(line, level):
    assert heading_level(line) == level


@pytest.mark.parametrize("line, label", [
    ("一、加强民主管理", "一、加强民主管理"),
    ("1.组织保障：加强学校党委对工会工作的领导。", "1.组织保障"),
    ("2. 深化帮扶慰问，传递组织温暖。精准摸排困难教职工。", "2. 深化帮扶慰问，传递组织温暖"),
    ("一、加强了广大工会成员的政治思想工作,组织工会成员认真收看了大会开幕式直播和各类辅导报告", "一、加强了广大工会成员的政治思想工作"),
    ("三、" + "很长的标题" * 10, "三、" + ("很长的标题" * 10)[:28] + "…"),
])
def test_heading_label(line, label):
    assert heading_label(line) == label


def test_sections_carry_their_heading_paths_and_heading_lines():
    chunks = chunk_document(normalise_text(SUMMARY), max_tokens=80, min_tokens=10)
    paths = [c.heading_path for c in chunks]
    opening = [c.text for c in chunks if c.heading_path == (PREAMBLE_HEADING,)]
    assert paths[:len(opening)] == [(PREAMBLE_HEADING,)] * len(opening)
    assert "".join(opening).startswith("青松县实验小学") and "现将本学期工作总结如下" in opening[-1]
    assert ("一、加强民主管理，推进校务公开", "（一）开好教代会") in paths
    assert ("二、关心教职工生活，做好帮扶慰问", "2.生病探望") in paths
    for chunk in chunks[len(opening):]:
        if chunk.heading_path[0] != CLOSING_HEADING:
            assert heading_level(chunk.text.split("\n")[0]), chunk.text   # starts with a heading line
    assert paths[-1] == (CLOSING_HEADING,) and chunks[-1].text.startswith("总之")
    assert_well_cut(normalise_text(SUMMARY), chunks, 80)


def test_tiny_subsections_merge_under_their_parent_and_large_ones_stay_apart():
    chunks = chunk_document(normalise_text(SUMMARY))
    first = next(c for c in chunks if c.heading_path == ("一、加强民主管理，推进校务公开",))
    assert "（一）开好教代会" in first.text and "（二）校务公开" in first.text
    body = "组织教职工开展读书分享会四次，每次都有二十多位教师分享读书心得，气氛热烈。" * 3
    big = chunk_document(f"一、主要工作\n（一）学习活动\n{body}\n（二）文体活动\n{body}")
    assert [c.heading_path for c in big] == [("一、主要工作", "（一）学习活动"), ("一、主要工作", "（二）文体活动")]


def test_month_headings_sit_below_the_top_level():
    chunks = chunk_document(normalise_text(PLAN), max_tokens=40, min_tokens=5)
    paths = [c.heading_path for c in chunks]
    assert any(p[:2] == ("三、月度安排", "三月") for p in paths)
    assert any(p[:2] == ("三、月度安排", "4月份") for p in paths)


def test_tiny_neighbours_under_one_parent_merge_but_top_level_sections_do_not():
    intro = "本学期工会围绕学校中心工作，组织教职工开展了形式多样的文体活动和学习活动，丰富了教职工的业余生活。"
    text = f"一、主要工作\n{intro}\n1.读书会\n举办四次。\n2.健步走\n参与百人。\n二、存在问题\n形式单一。"
    section_intro = f"一、主要工作\n{intro}"
    chunks = chunk_document(text, max_tokens=count_tokens(section_intro) + 2, min_tokens=20)
    assert [(c.heading_path, c.text) for c in chunks] == [
        (("一、主要工作",), f"一、主要工作\n{intro}"),
        (("一、主要工作",), "1.读书会\n举办四次。\n2.健步走\n参与百人。"),
        (("二、存在问题",), "二、存在问题\n形式单一。"),
    ]


def test_a_bare_heading_goes_with_the_text_after_it():
    body = "组织教职工开展读书分享会四次，每次都有二十多位教师分享读书心得，气氛热烈。" * 2
    text = f"一、主要工作\n（一）学习活动\n{body}\n（二）文体活动\n{body}"
    chunks = chunk_document(text, max_tokens=count_tokens(f"一、主要工作\n（一）学习活动\n{body}"), min_tokens=10)
    assert chunks[0].text == f"一、主要工作\n（一）学习活动\n{body}"
    assert chunks[0].heading_path == ("一、主要工作", "（一）学习活动")


def test_oversized_section_is_split_at_sentence_ends_into_even_parts():
    sentences = [f"第{i}次活动组织教职工{i * 3}人参加健步走，路线经过湖边公园和老城区。" for i in range(1, 41)]
    text = "一、文体活动\n" + "".join(sentences)
    chunks = chunk_document(text, max_tokens=200, min_tokens=60)
    assert len(chunks) > 1
    assert all(c.heading_path == ("一、文体活动",) for c in chunks)
    assert chunks[0].text.startswith("一、文体活动\n")
    assert_well_cut(text, chunks, 200)
    sizes = [c.tokens for c in chunks]
    assert min(sizes) > max(sizes) / 2    # no tiny left-over tail


def test_a_sentence_longer_than_max_tokens_is_kept_whole():
    sentence = "本学期工会" + "组织教职工参加读书分享会、健步走、羽毛球比赛、趣味运动会，" * 12 + "效果良好。"
    chunks = chunk_document("一、活动\n" + sentence + "\n下一段只有一句。", max_tokens=100, min_tokens=10)
    assert sentence in [c.text for c in chunks]


def test_text_without_headings_is_one_body_section():
    chunks = chunk_document("本学期工会组织教职工开展健步走活动。参与一百二十人。")
    assert [(c.heading_path, c.index) for c in chunks] == [((BODY_HEADING,), 0)]


def test_a_title_with_no_opening_paragraph_joins_the_first_section():
    chunks = chunk_document("东湖中学工会工作总结\n1.读书会\n举办四次，参与教职工八十人。\n2.健步走\n参与百人。")
    assert chunks[0].text.startswith("东湖中学工会工作总结\n1.读书会")
    assert PREAMBLE_HEADING not in [p for c in chunks for p in c.heading_path]


@pytest.mark.parametrize("max_tokens, min_tokens", [(0, 0), (100, 200), (100, -1)])
def test_bad_sizes_are_a_programming_error(max_tokens, min_tokens):
    with pytest.raises(ValueError):
        chunk_document("一、活动\n内容。", max_tokens=max_tokens, min_tokens=min_tokens)


def test_empty_text_has_no_chunks():
    assert chunk_document("") == [] and chunk_document("\n \n") == []


# ---- seeds and generated documents ----------------------------------------------------------------------
def _seed_documents():
    if not SEEDS.is_dir():
        return []
    return [doc for path in sorted(SEEDS.glob("*.txt")) for doc in read_documents(path)]


@pytest.mark.parametrize("max_tokens, min_tokens", [(350, 60), (200, 40), (120, 30), (60, 10)])
def test_seed_documents_are_never_cut_mid_sentence(max_tokens, min_tokens):
    docs = _seed_documents()
    if not docs:
        pytest.skip(f"seeds not available at {SEEDS}")
    for doc in docs:
        chunks = chunk_document(doc.text, max_tokens=max_tokens, min_tokens=min_tokens)
        assert chunks[0].heading_path in ((PREAMBLE_HEADING,), (BODY_HEADING,)) or chunks[0].heading_path[0] != ""
        assert_well_cut(doc.text, chunks, max_tokens)


_sentence = st.text(alphabet="工会教职工组织开展活动慰问学习会议", min_size=1, max_size=40).map(lambda s: s + "。")
_heading = st.sampled_from(["一、", "二、", "（一）", "（二）", "1.", "2、", "（1）", "①", "三月"]).flatmap(
    lambda marker: st.text(alphabet="民主管理文体活动", min_size=0, max_size=12).map(lambda s: marker + s))
_line = st.one_of(_heading, st.lists(_sentence, min_size=1, max_size=8).map("".join))


@settings(max_examples=60, deadline=None)
@given(st.lists(_line, min_size=1, max_size=30), st.sampled_from([(40, 10), (120, 30), (350, 60)]))
def test_any_document_is_cut_without_loss_at_sentence_or_line_ends(lines, sizes):
    text = "\n".join(lines)
    assert_well_cut(text, chunk_document(text, *sizes), sizes[0])


def test_runaway_text_without_any_sentence_end_is_still_cut_without_loss():
    runaway = "工会活动记录" * 3000          # a pasted block with no punctuation at all
    chunks = chunk_document("一、附表\n" + runaway, max_tokens=200, min_tokens=20)
    assert _squash("".join(c.text for c in chunks)) == _squash("一、附表\n" + runaway)
    assert max(c.tokens for c in chunks) <= RUNAWAY_TOKENS
