"""The chair's notes → facts (DESIGN.md "Facts format").

One fact a line; leading bullets (-, •, ·, *, +, 1., 1、, 1), （1）, ①) are dropped. A line starting with '#',
or a short line ending in '：', names a section and groups the facts under it. Blank lines are ignored. Facts
are numbered F1, F2 … in note order, so an id stays the same as long as the lines above it do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Fact", "parse_facts", "section_names", "SECTION_MAX_CHARS"]

SECTION_MAX_CHARS = 24      # a line ending in '：' longer than this is a fact that happens to end in a colon
_BULLET = re.compile(
    r"^(?:[-•·*+▪●○◆]\s*"                          # symbols
    r"|\d{1,2}(?:[、)）]|[.．](?!\d))\s*"           # 1、 1) 1. (but not the decimal in 1.2万元)
    r"|[（(]\d{1,2}[)）]\s*"                         # （1）
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*)")
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分[：:、]?)\s*")


@dataclass(frozen=True)
class Fact:
    id: str          # "F1", "F2", ...
    text: str        # the fact without its bullet
    section: str     # the section it was grouped under ("" if none)
    line: int        # 1-based line number in the notes
    headings: tuple[str, ...] = field(default=(), compare=False)   # every heading above it (“# 2025年秋季学期工作”)


def _section_name(line: str) -> str | None:
    """The section a line names, or None if the line is not a section line."""
    if line.startswith("#"):
        name = line.lstrip("#").strip()
    elif line.endswith(("：", ":")) and len(line) <= SECTION_MAX_CHARS:
        name = line[:-1].strip()
    else:
        return None
    return _ENUMERATOR.sub("", name).strip(" ：:") or None


def _strip_bullet(line: str) -> str:
    # a bullet may be doubled ("- 1. ..."); strip at most two
    for _ in range(2):
        stripped = _BULLET.sub("", line, count=1)
        if stripped == line:
            break
        line = stripped
    return line.strip()


def _lines(text: str):
    for number, raw in enumerate((text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        line = raw.replace("\u3000", " ").strip().lstrip("\ufeff")
        if line:
            yield number, line


def parse_facts(text: str) -> list[Fact]:
    facts: list[Fact] = []
    section = ""
    headings: list[str] = []
    for number, line in _lines(text):
        name = _section_name(line)
        if name is not None:
            section = name
            headings.append(name)
            continue
        if line.startswith("#"):
            continue  # a bare '#' line
        fact = _strip_bullet(line)
        if fact:
            facts.append(Fact(f"F{len(facts) + 1}", fact, section, number, tuple(dict.fromkeys(headings))))
    return facts


def section_names(text: str) -> list[str]:
    """The section names in the notes, in order, each once."""
    names: list[str] = []
    for _, line in _lines(text):
        name = _section_name(line)
        if name and name not in names:
            names.append(name)
    return names
