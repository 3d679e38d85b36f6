"""The official heading hierarchy of the genre: 一、 → （一） → 1. → （1） → ①.

`heading_level(line)` names the level a line's enumerator belongs to; `check_hierarchy(lines)` lists the places
where a document breaks the hierarchy: a level skipped on the way down (一、 straight to 1.) or an enumerator out
of sequence (一、 then 三、, or （一） then （三）). Counting restarts under each new parent heading.
Pure: no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

__all__ = ["LEVELS", "Enumerated", "HierarchyProblem", "heading_level", "split_enumerator",
           "check_hierarchy", "is_heading_line", "chinese_ordinal"]

LEVELS = ("一、", "（一）", "1.", "（1）", "①")   # level 1 … 5, as shown to people

_CN_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PATTERNS = (
    (1, re.compile(r"^([一二三四五六七八九十百]+)[、]\s*")),
    (2, re.compile(r"^[（(]([一二三四五六七八九十百]+)[)）]\s*")),
    (3, re.compile(r"^(\d{1,2})(?:[.．、](?![\d.．]))\s*")),   # 1. 1． 1、 — not the decimal in 1.2万元
    (4, re.compile(r"^[（(](\d{1,2})[)）]\s*")),
    (5, re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
)
_SENTENCE_END = "。；;！!？?"
HEADING_MAX_CHARS = 40      # longer lines are enumerated paragraphs, not headings


@dataclass(frozen=True)
class Enumerated:
    level: int          # 1 … 5
    number: int         # 一 → 1, （三） → 3, ② → 2
    enumerator: str     # the enumerator as written, with its punctuation
    rest: str           # the line after it


@dataclass(frozen=True)
class HierarchyProblem:
    line: int           # 0-based index into the lines given
    text: str
    kind: str           # skip | order
    message: str


def chinese_ordinal(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (enough for headings)."""
    if "百" in text:
        hundreds, _, text = text.partition("百")
        return chinese_ordinal(hundreds or "一") * 100 + (chinese_ordinal(text.lstrip("零")) if text else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(ones) if ones else 0)
    return _CN_DIGITS.index(text) if len(text) == 1 else 0


def split_enumerator(line: str) -> Enumerated | None:
    """The enumerator at the start of a line, or None."""
    line = line.strip()
    for level, pattern in _PATTERNS:
        m = pattern.match(line)
        if m:
            raw = m.group(1)
            if level in (1, 2):
                number = chinese_ordinal(raw)
            elif level == 5:
                number = _CIRCLED.index(raw) + 1
            else:
                number = int(raw)
            return Enumerated(level, number, m.group(0).strip(), line[m.end():].strip())
    return None


def heading_level(line: str) -> int | None:
    """1 … 5 for a line that starts with an enumerator of the hierarchy, else None."""
    found = split_enumerator(line)
    return found.level if found else None


def is_heading_line(line: str) -> bool:
    """An enumerated line that stands alone as a heading (short, no sentence inside it)."""
    found = split_enumerator(line)
    if not found or not found.rest:
        return False
    return len(line.strip()) <= HEADING_MAX_CHARS and not any(ch in found.rest for ch in _SENTENCE_END)


def check_hierarchy(lines: Iterable[str]) -> list[HierarchyProblem]:
    """Problems with the enumerators in these lines (all enumerated lines count, headings or list items)."""
    problems: list[HierarchyProblem] = []
    last = [0] * 6          # last number seen at each level under the current parent
    depth = 0               # deepest level open now (0 = none yet)
    for index, raw in enumerate(lines):
        found = split_enumerator(raw)
        if not found:
            continue
        level, number = found.level, found.number
        text = raw.strip()
        if level > depth + 1:
            problems.append(HierarchyProblem(index, text, "skip",
                            f"层级跳跃：{LEVELS[depth - 1] if depth else '正文'}之下直接用了{LEVELS[level - 1]} / "
                            f"level skipped: {LEVELS[level - 1]} right under "
                            f"{LEVELS[depth - 1] if depth else 'the body'}"))
        expected = last[level] + 1
        if number != expected:
            problems.append(HierarchyProblem(index, text, "order",
                            f"序号不连续：应为第{expected}项，实为“{found.enumerator}” / "
                            f"out of sequence: expected item {expected}, got {found.enumerator}"))
        last[level] = number
        for deeper in range(level + 1, 6):
            last[deeper] = 0
        depth = level
    return problems
