"""The offline drafter: deterministic, no model, never invents a figure.

A body section is a framing sentence free of figures (the best exemplar's first sentence with no number, no
quoted name and no word of its school's name; else a stock sentence) followed by the facts as numbered clauses
(一是…；二是…). Every fact's text is copied verbatim, so each figure keeps its exact form and qualifier.
"""
from __future__ import annotations

import re
from typing import Sequence

from drafting.outlines import chinese_number, heading_topic, strip_enumerator
from drafting.phrases import CLOSING, EFFECT_TAIL, OPENING, SHORT_NAMES, STOCK
from eval.facts import Fact

__all__ = ["render_section", "render_opening", "render_closing", "document_title", "framing_sentence",
           "figure_free_sentences", "topic_key", "term_words", "topic_names"]

_NUMERAL = re.compile(
    r"\d|[０-９]|第[零〇一二两三四五六七八九十百]+"
    r"|[零〇一二两三四五六七八九十百千万]+(?:[余多]?(?:人|次|名|个|项|件|场|期|届|所|位|元|条|篇|天|年|月|日|批|对|户|支|本|门|节|组|家|种|类|成|倍|周|轮|级|等奖))"
    r"|[一二三四五六七八九十]是|%|％")
_QUOTED = re.compile(r"[“”\"《》「」『』]")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_GENERIC = set("小学中学校区市县镇乡实验中心职业技术第工会初级高级")
_FRAMING_WORDS = re.compile(r"坚持|围绕|始终|注重|着力|积极|努力|不断|切实|充分|紧扣|聚焦|立足|深入|扎实|持续|主动|用心|以.{1,12}为")
_EVENT_WORDS = re.compile(r"获得|获评|荣获|获奖|举办|召开|评出|评选|发放|走访|邀请|本学期|今年|全年|去年|上半年|下半年|寒假|暑假")
_LEADING_VERBS = re.compile(r"^(?:加强|健全|做实|丰富|搭建|推进|深化|突出|强化|坚持|做好|抓好|开展|注重|完善)")


def topic_key(heading: str, role: str) -> str:
    """Which stock family a section uses: its role for fixed parts, else the topic its heading names."""
    if role not in ("body",):
        return role if role in STOCK else "general"
    return heading_topic(heading) or "general"


def _school_words(title: str) -> set[str]:
    name = re.split(r"工会|[0-9]", title or "")[0]
    return {name[i:i + 2] for i in range(len(name) - 1) if not set(name[i:i + 2]) <= _GENERIC}


def figure_free_sentences(text: str, title: str = "") -> list[str]:
    """The exemplar's body sentences that carry no figure, no quoted name and nothing of its school's name."""
    banned = _school_words(title)
    out = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or re.match(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])", line) and len(line) < 30:
            continue  # a heading line
        line = re.sub(r"^(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[①②③④⑤⑥⑦⑧⑨⑩])\s*", "", line)
        for m in _SENTENCE.finditer(line):
            s = m.group(0).strip()
            if not 12 <= len(s) <= 100 or _NUMERAL.search(s) or _QUOTED.search(s):
                continue
            if any(w in s for w in banned) or re.search(r"[：:]$", s) or _EVENT_WORDS.search(s):
                continue
            if not _FRAMING_WORDS.search(s):
                continue  # a framing sentence says how the union works, not what happened
            out.append(re.sub(r"[；;，,]$", "。", s if s[-1] in "。！？；;，," else s + "。"))
    return out


def framing_sentence(key: str, exemplars: Sequence[tuple[str, str]] = (), instruction: str | None = None) -> str:
    """exemplars: (text, title) pairs, best first. The instruction picks a different framing deterministically."""
    stock = STOCK.get(key, STOCK["general"])
    if instruction == "更简洁":
        return ""
    if instruction == "更正式":
        return stock["formal"]
    if instruction == "突出成效":
        return stock["effect"]
    found = [] if key in ("problems", "next") else [   # their content is a claim: never borrowed
        s for text, title in exemplars for s in figure_free_sentences(text, title)]
    if instruction == "补充细节":
        return (found[0] if found else stock["plain"]) + stock["formal"]
    if instruction:  # free text: the next candidate, so the section visibly changes
        return found[1] if len(found) > 1 else stock["formal"]
    return found[0] if found else stock["plain"]


def _clause(text: str) -> str:
    return re.sub(r"[。；;，,、\s]+$", "", text.strip())


def _clauses(facts: Sequence[Fact], role: str) -> str:
    items = [_clause(f.text) for f in facts if _clause(f.text)]
    if not items:
        return ""
    if role in ("goals", "measures"):
        return "\n".join(f"（{chinese_number(i)}）{t}。" for i, t in enumerate(items, 1))   # the level under 一、
    if role == "months":
        return "\n".join(f"{t}。" for t in items)
    if len(items) == 1:
        return items[0] + "。"
    return "；".join(f"{chinese_number(i)}是{t}" for i, t in enumerate(items, 1)) + "。"


def render_section(heading: str, role: str, facts: Sequence[Fact], exemplars: Sequence[tuple[str, str]] = (),
                   instruction: str | None = None) -> str:
    """The body text of one section (without its heading)."""
    key = topic_key(heading, role)
    framing = framing_sentence(key, exemplars, instruction)
    clauses = _clauses(facts, role)
    if role == "guiding" and not facts:
        framing = framing or STOCK["guiding"]["plain"]
    if not clauses:
        return framing or STOCK.get(key, STOCK["general"])["plain"]
    tail = EFFECT_TAIL if instruction == "突出成效" and role == "body" else ""
    if role in ("goals", "measures", "months"):
        return "\n".join(p for p in (framing, clauses) if p)
    return framing + clauses + tail


def term_words(kind: str, period: str) -> tuple[str, str]:
    """('本学期', '新的学期') or ('本年度', '新的一年')."""
    if "学期" in (period or "") or (kind == "semester-summary" and "年度" not in (period or "")):
        return "本学期", "新的学期"
    return "本年度", "新的一年"


def topic_names(headings: Sequence[str], limit: int = 5) -> str:
    names: list[str] = []
    for heading in headings:
        first = re.split(r"[，,、与和及]", strip_enumerator(heading))[0]
        key = heading_topic(heading)
        name = SHORT_NAMES.get(key or "", "") if _LEADING_VERBS.match(first) or len(first) > 8 else first
        name = name or _LEADING_VERBS.sub("", first)
        if name and name not in names and not _NUMERAL.search(name):
            names.append(name)
    return "、".join(names[:limit]) or "各项工作"


def _period_or_term(period: str, term: str) -> str:
    return period.strip() if period and period.strip() else term


def render_opening(kind: str, period: str, body_headings: Sequence[str], instruction: str | None = None) -> str:
    family = "plan" if kind == "plan" else "summary"
    variant = f"{family}_formal" if instruction in ("更正式", "突出成效") or (instruction and instruction != "更简洁" and instruction != "补充细节") else family
    term, _ = term_words(kind, period)
    text = OPENING[variant].format(period=_period_or_term(period, term), topics=topic_names(body_headings), term=term)
    if instruction == "更简洁":
        text = re.sub(r"，认真履行维护、建设、参与和教育职能", "", text)
    return text


def render_closing(kind: str, period: str, body_headings: Sequence[str], instruction: str | None = None) -> str:
    family = "plan" if kind == "plan" else "summary"
    variant = f"{family}_formal" if instruction and instruction != "补充细节" else family
    term, next_term = term_words(kind, period)
    return CLOSING[variant].format(term=term, next_term=next_term, topics=topic_names(body_headings))


def document_title(kind: str, school: str, period: str) -> str:
    what = "工作计划" if kind == "plan" else "工作总结"
    school = (school or "").strip()
    unit = f"{school}工会" if school and not school.endswith("工会") else (school or "学校工会")
    return f"{unit}{(period or '').strip()}{what}"


