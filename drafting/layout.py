"""A draft laid out as a sequence of blocks (title, headings, paragraphs, signature) that every export renders.

Section texts may carry inner headings on their own lines (（一）…, 1. …); their level comes from the enumerator
(eval.headings). Opening and closing sections have no heading line. The signature (落款: the union's name and a
date) closes the document when the draft names its school.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from drafting.types import Draft, Section
from eval.headings import is_heading_line, split_enumerator

__all__ = ["Block", "draft_blocks", "draft_plain_text", "signature_lines", "chinese_date", "HEADINGLESS_ROLES"]

HEADINGLESS_ROLES = ("opening", "closing")


@dataclass(frozen=True)
class Block:
    kind: str           # title | heading | paragraph | signature
    text: str
    level: int = 0      # headings: 1 … 5 (一、 （一） 1. （1） ①); enumerated paragraphs: their enumerator's level
    lead: str = ""      # paragraphs: a short first sentence set in the heading font of `level` ("" = none)


def chinese_date(day: _dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def signature_lines(draft: Draft, date: str | None = None) -> list[str]:
    """落款: '{school}工会' and a date (meta['date'], else the date given, else today); [] without a school."""
    school = (draft.school or "").strip()
    if not school:
        return []
    union = school if school.endswith("工会") else f"{school}工会"
    when = str(draft.meta.get("date") or date or chinese_date(_dt.date.today()))
    return [union, when]


def _section_lines(section: Section) -> list[str]:
    lines = [ln.strip() for ln in (section.text or "").replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    # a text that repeats its own heading on the first line shows it once
    if lines and section.heading and lines[0] == section.heading.strip():
        lines = lines[1:]
    return lines


def _paragraph(line: str) -> Block:
    found = split_enumerator(line)
    if found is None:
        return Block("paragraph", line)
    if is_heading_line(line):
        return Block("heading", line, level=found.level)
    first, sep, rest = line.partition("。")
    lead = first + sep if sep and rest.strip() and len(first) <= 40 and found.level <= 2 else ""
    return Block("paragraph", line, level=found.level, lead=lead)


def draft_blocks(draft: Draft, date: str | None = None, signature: bool = True) -> list[Block]:
    blocks: list[Block] = []
    for line in (draft.title or "").split("\n"):
        if line.strip():
            blocks.append(Block("title", line.strip()))
    for section in draft.sections:
        if section.role not in HEADINGLESS_ROLES and section.heading.strip():
            found = split_enumerator(section.heading)
            blocks.append(Block("heading", section.heading.strip(), level=found.level if found else 1))
        blocks.extend(_paragraph(line) for line in _section_lines(section))
    if signature and not _already_signed(draft):
        blocks.extend(Block("signature", line) for line in signature_lines(draft, date))
    return blocks


def _already_signed(draft: Draft) -> bool:
    """The closing text ends with the union's name already (a model or the chair wrote the 落款)."""
    if not draft.sections or not draft.school:
        return False
    tail = _section_lines(draft.sections[-1])[-2:]
    return any(line.startswith(draft.school) and len(line) <= len(draft.school) + 4 for line in tail)


def draft_plain_text(draft: Draft, signature: bool = False) -> str:
    """The document as plain text, one block a line (what the number checker and the eval read)."""
    return "\n".join(block.text for block in draft_blocks(draft, signature=signature)) + "\n"
