"""Outlines: the notes' own headings when they have them, topic sections when they do not, the five plan parts."""
from __future__ import annotations

from pathlib import Path

import pytest

from common.errors import InputError
from drafting.outlines import build_outline, chinese_number, classify_fact
from drafting.pipeline import make_outline
from eval.facts import parse_facts

NOTES = Path(__file__).resolve().parent.parent / "corpus" / "notes"


def _read(name: str) -> str:
    return (NOTES / name).read_text(encoding="utf-8")


def _by_heading(outline, notes):
    text = {f.id: f.text for f in parse_facts(notes)}
    return {s.heading: [text[i] for i in s.fact_ids] for s in outline}


def test_headed_notes_keep_their_own_headings_numbered_in_order():
    notes = _read("notes_semester_summary.txt")
    outline = make_outline(notes, "semester-summary")
    assert [s.role for s in outline][0] == "opening" and outline[-1].role == "closing"
    assert [s.heading for s in outline[1:-1]] == [
        "一、思想政治与师德师风", "二、民主管理", "三、关爱服务", "四、文体活动", "五、教师队伍建设",
        "六、存在问题与不足", "七、下学期打算"]
    assert [s.role for s in outline[1:-1]][-2:] == ["problems", "next"]
    assert [s.id for s in outline] == [f"s{i}" for i in range(1, len(outline) + 1)]
    # every fact lands in exactly one section
    ids = [i for s in outline for i in s.fact_ids]
    assert sorted(ids) == sorted(f.id for f in parse_facts(notes))


def test_a_combined_problems_and_plans_heading_is_split_into_the_two_sections():
    outline = make_outline(_read("notes_annual_summary.txt"), "annual-summary")
    got = _by_heading(outline, _read("notes_annual_summary.txt"))
    assert got["七、存在问题与不足"] == ["新校区交通不便，近20名教师单程通勤超过1小时", "工会委员5人全部兼职，工作精力不足"]
    assert got["八、下一步打算"] == ["明年争取开通教工通勤班车", "明年文体活动参与率不低于90%"]


def test_notes_without_headings_are_grouped_into_topic_sections():
    notes = _read("notes_no_sections.txt")
    got = _by_heading(make_outline(notes, "semester-summary"), notes)
    def where(fragment):
        return next(h for h, facts in got.items() if any(fragment in f for f in facts))
    assert "思想" in where("二十届四中全会")
    assert where("教代会立案提案") == where("教代会立案提案") and "民主" in where("教代会立案提案")
    assert "关爱" in where("看望生病住院") and where("看望生病住院") == where("慰问退休教职工")
    assert "文体" in where("运动会")
    assert "队伍" in where("基本功竞赛") and where("基本功竞赛") == where("职称")
    assert "问题" in where("毕业班教师参加工会活动仍然偏少")
    assert "下一步" in where("筹备第六届教代会")
    headings = list(got)
    assert headings[1].startswith("一、") and headings[-2].startswith(f"{chinese_number(len(headings) - 2)}、")


def test_a_plan_has_the_five_plan_parts_even_where_the_notes_have_nothing_for_one():
    notes = _read("notes_plan.txt")
    outline = make_outline(notes, "plan")
    assert [s.heading for s in outline[1:-1]] == ["一、指导思想", "二、工作目标", "三、主要任务", "四、月度工作安排", "五、保障措施"]
    got = _by_heading(outline, notes)
    assert got["一、指导思想"] == []
    assert all(f[0].isdigit() for f in got["四、月度工作安排"])
    assert "工会经费预算支出34万元，职工活动经费占比不低于60%" in got["五、保障措施"]


def test_a_plan_without_headings_sorts_facts_into_the_parts():
    notes = "- 文体活动参与率不低于85%\n- 3月召开教代会\n- 评选“好老师”6名\n- 工会委员会每月召开1次例会"
    got = _by_heading(make_outline(notes, "plan"), notes)
    assert got["二、工作目标"] == ["文体活动参与率不低于85%"]
    assert got["四、月度工作安排"] == ["3月召开教代会"]
    assert got["三、主要任务"] == ["评选“好老师”6名"]
    assert got["五、保障措施"] == ["工会委员会每月召开1次例会"]


def test_facts_that_fit_no_topic_go_to_a_general_section():
    notes = "- 组织教职工集中学习3次\n- 校园绿化认领树木40棵"
    got = _by_heading(make_outline(notes, "semester-summary"), notes)
    assert got["二、其他工作"] == ["校园绿化认领树木40棵"]


@pytest.mark.parametrize("text,key", [
    ("送温暖慰问困难教职工12人次", "care"), ("三届二次教代会立案提案9件", "democracy"),
    ("后勤职工参加工会活动偏少", "problems"), ("明年争取开通教工通勤班车", "next"),
    ("工会主席接待日接待教职工9人次，解决问题6个", "democracy"), ("工会经费收入12.6万元", "self"),
])
def test_classify_fact(text, key):
    assert classify_fact(text) == key


@pytest.mark.parametrize("notes", ["", "   \n\n", "# 民主管理\n# 关爱服务："])
def test_notes_without_facts_are_an_input_error(notes):
    with pytest.raises(InputError) as info:
        make_outline(notes, "semester-summary")
    assert "事实" in info.value.zh or "空" in info.value.zh


def test_unknown_kind_is_an_input_error():
    with pytest.raises(InputError):
        make_outline("- 学习3次", "report")
    with pytest.raises(ValueError):
        build_outline(parse_facts("- 学习3次"), "report")


class _TopicEmbedder:
    """A deterministic embedder for the test: a fact about 报刊/读书 lands near 文体; about 就医 near 关爱."""
    def embed_documents(self, texts):
        def vector(t):
            return [1.0 if any(w in t for w in ws) else 0.0 for ws in (("读书", "报刊", "文体"), ("慰问", "就医", "关爱"))] + [0.1]
        return [vector(t) for t in texts]


def test_facts_no_keyword_places_go_by_similarity_when_an_embedder_is_given():
    from drafting.outlines import build_outline
    from eval.facts import parse_facts

    facts = parse_facts("- 为教职工订阅报刊杂志20种\n- 联系医院开设就医绿色通道\n- 召开教代会1次\n- 完成门禁系统升级")
    plain = {s.heading.split("、", 1)[-1]: s.fact_ids for s in build_outline(facts, "semester-summary")}
    assert plain["其他工作"] == ("F1", "F2", "F4")      # keywords alone place none of them
    placed = {s.heading.split("、", 1)[-1]: s.fact_ids for s in build_outline(facts, "semester-summary", _TopicEmbedder())}
    assert "F1" in placed["丰富文体活动，建设教职工之家"]
    assert "F2" in placed["做实关爱服务，维护教职工权益"]
    assert placed["其他工作"] == ("F4",)              # no topic stands out: the general section
