"""Parsing the chair's notes into facts (DESIGN.md "Facts format")."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.facts import Fact, parse_facts, section_names

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("line, text", [
    ("- 召开教代会1次", "召开教代会1次"),
    ("• 慰问困难教职工6人次", "慰问困难教职工6人次"),
    ("· 更新校务公开栏8期", "更新校务公开栏8期"),
    ("* 参与率95%以上", "参与率95%以上"),
    ("1. 收集提案12条", "收集提案12条"),
    ("12、开展读书活动", "开展读书活动"),
    ("3) 体检86人", "体检86人"),
    ("（2）发放慰问金1.2万元", "发放慰问金1.2万元"),
    ("② 组织登山活动", "组织登山活动"),
    ("- 1. 双重编号也能去掉", "双重编号也能去掉"),
    ("1.2万元用于职工之家建设", "1.2万元用于职工之家建设"),          # a decimal is not a bullet
    ("12月26日召开五届二次教代会", "12月26日召开五届二次教代会"),    # a date is not a bullet
    ("2025年教职工体检参检率100%", "2025年教职工体检参检率100%"),    # a year is not a bullet
    ("\u3000\u3000- 全角空格缩进", "全角空格缩进"),
    ("没有项目符号的一行", "没有项目符号的一行"),
])
def test_bullets_are_dropped_and_figures_kept(line, text):
    facts = parse_facts(line)
    assert [f.text for f in facts] == [text]
    assert facts[0].id == "F1" and facts[0].line == 1


@pytest.mark.parametrize("line, name", [
    ("# 民主管理", "民主管理"),
    ("## 维权服务", "维权服务"),
    ("文体活动：", "文体活动"),
    ("一、民主管理：", "民主管理"),
    ("（二）帮扶慰问：", "帮扶慰问"),
    ("荣誉与成效:", "荣誉与成效"),
])
def test_section_lines(line, name):
    assert section_names(line) == [name]
    assert parse_facts(line) == []


def test_a_long_line_ending_in_a_colon_is_a_fact():
    line = "本学期组织了以下几项覆盖全体教职工的健康活动并取得较好效果："
    assert len(line) > 24
    assert [f.text for f in parse_facts(line)] == [line]


def test_facts_are_grouped_numbered_in_order_and_keep_line_numbers():
    notes = "# 民主管理\n- 召开教代会1次\n\n- 收集提案12条\n维权服务：\n- 慰问6人次\n"
    assert parse_facts(notes) == [
        Fact("F1", "召开教代会1次", "民主管理", 2),
        Fact("F2", "收集提案12条", "民主管理", 4),
        Fact("F3", "慰问6人次", "维权服务", 6),
    ]
    assert section_names(notes) == ["民主管理", "维权服务"]


@pytest.mark.parametrize("notes", ["", "   \n\n\t\n", "#\n", "\ufeff"])
def test_empty_notes_give_no_facts(notes):
    assert parse_facts(notes) == [] and section_names(notes) == []


def test_windows_line_endings_and_bom():
    assert [f.text for f in parse_facts("\ufeff- 甲1次\r\n- 乙2次\r\n")] == ["甲1次", "乙2次"]


def test_ids_stay_stable_when_facts_are_added_below():
    before = parse_facts("- 甲1次\n- 乙2次")
    after = parse_facts("- 甲1次\n- 乙2次\n- 丙3次")
    assert after[:2] == before


@pytest.mark.parametrize("path", sorted((ROOT / "corpus" / "notes").glob("*.txt")), ids=lambda p: p.name)
def test_every_sample_notes_file_parses_into_facts_with_figures(path):
    text = path.read_text(encoding="utf-8")
    facts = parse_facts(text)
    assert len(facts) >= 12
    assert all(f.text and not f.text.startswith(("-", "•", "#")) for f in facts)
    assert sum(any(c.isdigit() for c in f.text) for f in facts) >= len(facts) // 2
    if "no_sections" in path.name:
        assert section_names(text) == []
    else:
        assert len(section_names(text)) >= 3 and all(f.section for f in facts)
