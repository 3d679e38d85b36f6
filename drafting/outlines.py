"""Outlines as data, and building an outline from the chair's notes.

Summaries: opening, numbered body sections (the notes' own headings when they have them, else topic sections
found by keywords), 存在问题与不足, 下一步打算, closing. Plans: opening, 指导思想, 工作目标, 主要任务,
月度工作安排, 保障措施, closing. Opening and closing are roles, not numbered sections.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from drafting.types import KINDS, OutlineSection
from eval.facts import Fact

__all__ = ["Topic", "TOPICS", "PLAN_PARTS", "OUTLINES", "build_outline", "classify_fact", "numbered", "heading_topic", "ROLE_LABELS", "topic_headings",
           "chinese_number", "strip_enumerator", "role_of_heading", "OPENING_HEADING", "CLOSING_HEADING"]

OPENING_HEADING = "开头"
CLOSING_HEADING = "结束语"
GENERAL_HEADING = "其他工作"
SIMILAR_MARGIN = 0.003          # cosine lead over the second topic (e5 similarities bunch closely)
_ARCHETYPES: dict[int, list[list[float]]] = {}


@dataclass(frozen=True)
class Topic:
    key: str
    heading: str                    # the heading used when the notes have none
    keywords: tuple[str, ...]
    role: str = "body"
    names: tuple[str, ...] = ()     # words that show a section heading is about this topic


# Topic archetypes of the genre (DESIGN.md), in the order a summary usually presents them.
TOPICS: tuple[Topic, ...] = (
    Topic("ideology", "加强思想引领，推进师德师风建设",
          ("学习", "师德", "全会", "精神", "党的", "好老师", "最美", "表彰", "承诺", "政治", "主题教育", "宣讲"),
          names=("思想", "师德", "政治")),
    Topic("democracy", "健全民主管理，推进校务公开",
          ("教代会", "提案", "校务公开", "接待日", "代表", "民主", "公开", "监督", "意见箱", "建议"),
          names=("民主", "校务", "教代会", "参与")),
    Topic("care", "做实关爱服务，维护教职工权益",
          ("慰问", "送温暖", "看望", "困难", "帮扶", "救助", "体检", "生日", "退休", "女教职工", "两癌",
           "健康", "食堂", "心理", "心灵", "疗休养", "托管", "通勤", "维权"),
          names=("关爱", "服务", "维权", "帮扶", "慰问", "温暖", "权益")),
    Topic("culture", "丰富文体活动，建设教职工之家",
          ("运动会", "文体", "读书", "合唱", "健步走", "比赛", "活动", "教工之家", "职工之家", "趣味", "球",
           "登山", "拔河", "社团", "文艺"),
          names=("文体", "文化", "职工之家", "教工之家", "活动")),
    Topic("team", "搭建成长平台，加强教师队伍建设",
          ("基本功", "技能", "竞赛", "职称", "师徒", "青年教师", "优质课", "新入职", "双师型", "工匠", "培训",
           "教学", "比武", "骨干"),
          names=("队伍", "成长", "技能", "专业", "教师发展")),
    Topic("self", "加强工会自身建设，规范经费管理",
          ("经费", "委员", "会员", "加入工会", "入会", "专栏", "公众号", "先进基层工会", "工会小组", "宣传",
           "收入", "支出", "预算", "财务"),
          names=("自身", "经费", "组织建设", "荣誉", "成效")),
    Topic("problems", "存在问题与不足",
          ("问题", "不足", "偏少", "不够", "有待", "仍然", "尚未", "没有按", "不便", "较弱", "薄弱", "欠缺"),
          role="problems"),
    Topic("next", "下一步打算",
          ("下学期", "明年", "下一步", "筹备", "争取", "打算", "计划", "将继续", "来年", "新学期"), role="next"),
)
_BY_KEY = {t.key: t for t in TOPICS}

# Plan parts: (role, heading, words that recognise a notes heading for it).
PLAN_PARTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("guiding", "指导思想", ("指导思想", "总体思路")),
    ("goals", "工作目标", ("目标",)),
    ("tasks", "主要任务", ("任务", "重点工作", "主要工作")),
    ("months", "月度工作安排", ("月度", "月份", "安排", "行事历", "日程")),
    ("measures", "保障措施", ("保障", "措施")),
)

# Outlines as data: which fixed parts each kind has around its body.
OUTLINES: dict[str, dict] = {
    "semester-summary": {"document": "学期工作总结", "tail": ("problems", "next")},
    "annual-summary": {"document": "年度工作总结", "tail": ("problems", "next")},
    "plan": {"document": "工作计划", "parts": tuple(role for role, _, _ in PLAN_PARTS)},
}

# What each role is, as the prompt names it to the model.
ROLE_LABELS = {
    "opening": "开头段落", "closing": "结束语", "body": "主要工作（正文）", "problems": "存在问题与不足",
    "next": "下一步打算", "guiding": "指导思想", "goals": "工作目标", "tasks": "主要任务",
    "months": "月度工作安排", "measures": "保障措施",
}

_DIGITS = "零一二三四五六七八九"
_ENUM = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])\s*")
_MONTH = re.compile(r"^\s*(?:\d{1,2}(?:[-—~至]\d{1,2})?月|[一二三四五六七八九十]{1,3}月)")


def chinese_number(n: int) -> str:
    if n <= 0 or n >= 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def strip_enumerator(heading: str) -> str:
    return _ENUM.sub("", heading).strip()


def numbered(position: int, heading: str) -> str:
    return f"{chinese_number(position)}、{strip_enumerator(heading)}"


def _score(text: str, keywords: tuple[str, ...]) -> int:
    return sum(len(k) for k in keywords if k in text)


def classify_fact(text: str) -> str | None:
    """The topic key a fact belongs to, by keywords (longer keywords weigh more); None when none fits.
    Problems and next steps win when they match at all: a shortfall about 活动 is still a shortfall."""
    for key in ("next", "problems"):
        if _score(text, _BY_KEY[key].keywords) and not _looks_like_result(text, key):
            return key
    scores = [(_score(text, t.keywords), -i, t.key) for i, t in enumerate(TOPICS) if t.role == "body"]
    best = max(scores)
    return best[2] if best[0] > 0 else None


def _looks_like_result(text: str, key: str) -> bool:
    # "累计办结9件" mentions 计划? no; but "为困难教职工解决问题6个" is a result, not a problem.
    return key == "problems" and bool(re.search(r"解决(?:问题)?|整改|无.{0,6}问题", text))


def heading_topic(heading: str) -> str | None:
    """The body topic a section heading names (关爱服务 → care), by its topic words, else by fact keywords."""
    name = strip_enumerator(heading)
    scores = [(_score(name, t.names), -i, t.key) for i, t in enumerate(TOPICS) if t.role == "body"]
    best = max(scores)
    if best[0] > 0:
        return best[2]
    key = classify_fact(name)
    return key if key in {t.key for t in TOPICS if t.role == "body"} else None


def topic_headings(facts: list[Fact]) -> list[str]:
    """Headings of the body topics these facts touch, in the genre's order (what a plan's opening names)."""
    keys = {classify_fact(f.text) for f in facts}
    return [t.heading for t in TOPICS if t.role == "body" and t.key in keys]


def role_of_heading(name: str) -> str:
    """problems / next / both / body for a notes heading."""
    problems = any(k in name for k in ("问题", "不足", "短板", "差距"))
    nxt = any(k in name for k in ("打算", "下一步", "计划", "下学期", "明年", "思路", "方向", "展望"))
    return "both" if problems and nxt else "problems" if problems else "next" if nxt else "body"


def _plan_role(text: str, is_heading: bool) -> str | None:
    if is_heading:
        return next((role for role, _, words in PLAN_PARTS if any(w in text for w in words)), None)
    if _MONTH.match(text):
        return "months"
    if any(w in text for w in ("经费", "例会", "集体研究", "制度", "预算")):
        return "measures"
    if any(w in text for w in ("不低于", "不少于", "以上", "达到", "满意率")) and re.search(r"率|不少于", text):
        return "goals"
    return "tasks"


def _frame(body: list[tuple[str, list[str], str]]) -> list[OutlineSection]:
    """Opening + body (numbered in order) + closing, with ids s1, s2, …"""
    out = [OutlineSection("s1", OPENING_HEADING, (), "opening")]
    for n, (heading, fact_ids, role) in enumerate(body, 1):
        out.append(OutlineSection(f"s{len(out) + 1}", numbered(n, heading), tuple(fact_ids), role))
    out.append(OutlineSection(f"s{len(out) + 1}", CLOSING_HEADING, (), "closing"))
    return out


def _plan_outline(facts: list[Fact]) -> list[OutlineSection]:
    parts: dict[str, list[str]] = {role: [] for role, _, _ in PLAN_PARTS}
    for fact in facts:
        role = (_plan_role(fact.section, True) if fact.section else None) or _plan_role(fact.text, False)
        parts[role].append(fact.id)
    return _frame([(heading, parts[role], role) for role, heading, _ in PLAN_PARTS])


def _summary_outline(kind: str, facts: list[Fact], embedder=None) -> list[OutlineSection]:
    body: dict[str, list[str]] = {}          # heading -> fact ids, in first-seen order
    problems: list[str] = []
    nxt: list[str] = []
    problems_heading, next_heading = _BY_KEY["problems"].heading, _BY_KEY["next"].heading
    headed = any(f.section for f in facts)
    unplaced = [f for f in facts if not headed and classify_fact(f.text) is None]
    similar = dict(zip((f.id for f in unplaced), nearest_topic([f.text for f in unplaced], embedder)))
    for fact in facts:
        if headed and fact.section:
            role = role_of_heading(fact.section)
            if role == "body":
                body.setdefault(fact.section, []).append(fact.id)
                continue
            if role == "both":
                role = "next" if classify_fact(fact.text) == "next" else "problems"
            else:
                if role == "problems" and "不足" not in fact.section:
                    problems_heading = fact.section if "问题" in fact.section else problems_heading
                if role == "next":
                    next_heading = fact.section
            (problems if role == "problems" else nxt).append(fact.id)
            continue
        key = classify_fact(fact.text) or similar.get(fact.id)
        if key == "problems":
            problems.append(fact.id)
        elif key == "next":
            nxt.append(fact.id)
        else:
            heading = _BY_KEY[key].heading if key and not headed else GENERAL_HEADING
            body.setdefault(heading, []).append(fact.id)
    if not headed:  # topic sections in the genre's order, the general one last
        order = [t.heading for t in TOPICS] + [GENERAL_HEADING]
        body = dict(sorted(body.items(), key=lambda kv: order.index(kv[0])))
    if problems_heading == "存在问题":
        problems_heading = "存在问题与不足"
    sections = [(h, ids, "body") for h, ids in body.items()]
    sections += [(problems_heading, problems, "problems"), (next_heading, nxt, "next")]
    return _frame(sections)


def nearest_topic(texts: list[str], embedder) -> list[str | None]:
    """For facts no keyword places: the body topic whose archetype (heading and keywords) is most similar by the
    library's embedder, when it stands out from the second best by SIMILAR_MARGIN; else None (the general section)."""
    if not texts or embedder is None:
        return [None] * len(texts)
    body = [t for t in TOPICS if t.role == "body"]
    key = id(embedder)
    if key not in _ARCHETYPES:
        _ARCHETYPES[key] = [_unit(v) for v in embedder.embed_documents([f"{t.heading}：{'、'.join(t.keywords)}" for t in body])]
    out: list[str | None] = []
    for vector in embedder.embed_documents(texts):
        v = _unit(vector)
        sims = sorted(((sum(a * b for a, b in zip(v, arche)), t.key) for arche, t in zip(_ARCHETYPES[key], body)), reverse=True)
        out.append(sims[0][1] if sims[0][0] - sims[1][0] >= SIMILAR_MARGIN else None)
    return out


def _unit(vector) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


def build_outline(facts: list[Fact], kind: str, embedder=None) -> list[OutlineSection]:
    """embedder (optional, the library's): places facts that no keyword fits by similarity to topic archetypes."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
    if kind == "plan":
        return _plan_outline(facts)
    return _summary_outline(kind, facts, embedder)
