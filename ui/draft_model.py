"""Pure operations the app does on a draft's JSON (the drafting package's file format):
sections [{id, heading, text, fact_ids, sources, findings, versions, locked}].

The drafting package generates and regenerates; these cover what the chair does by hand: edit a section's
text (kept as a version), lock it, assemble the full text with each section's offsets, and compare the
figures of two versions.
"""
from __future__ import annotations

import copy
import re
import time
from dataclasses import dataclass
from typing import Any

__all__ = ["SectionSpan", "edit_section", "set_locked", "full_text", "versions", "figure_diff", "FIGURE_RE"]

MANUAL = "手动修改"
# Arabic or Chinese numerals with an optional unit/classifier: enough to compare two versions of one section.
FIGURE_RE = re.compile(r"(?:[0-9０-９]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿]{1,8})"
                       r"(?:[%％]|[余多近约]?(?:万元|千元|元|人次|人|名|位|次|期|场|项|条|个|篇|节|所|届|天|课时|月|日|年|%)?)")


@dataclass(frozen=True)
class SectionSpan:
    section_id: str
    start: int        # offset of the section's text in full_text()
    end: int


def _section(draft: dict, section_id: str) -> dict:
    for s in draft.get("sections", []):
        if str(s.get("id")) == str(section_id):
            return s
    raise KeyError(f"no section {section_id!r} in draft")


def versions(section: dict) -> list[dict]:
    """The section's versions, oldest first, each {text, note, at}; the current text is always the last."""
    out = [v if isinstance(v, dict) else {"text": str(v)} for v in section.get("versions") or []]
    if not out or out[-1].get("text") != section.get("text", ""):
        out.append({"text": section.get("text", ""), "note": "当前", "at": None})
    return out


def edit_section(draft: dict, section_id: str, text: str) -> dict:
    """A new draft with the section's text replaced by the chair's edit; the edit becomes a version
    (consecutive hand edits update one version instead of piling up)."""
    new = copy.deepcopy(draft)
    section = _section(new, section_id)
    if section.get("text", "") == text:
        return draft
    history = [v if isinstance(v, dict) else {"text": str(v)} for v in section.get("versions") or []]
    if not history or history[-1].get("text") != section.get("text", ""):
        history.append({"text": section.get("text", ""), "note": "生成", "at": None})
    entry = {"text": text, "note": MANUAL, "at": time.time()}
    if history and history[-1].get("note") == MANUAL and len(history) > 1:
        history[-1] = entry
    else:
        history.append(entry)
    section["versions"] = history
    section["text"] = text
    return new


def set_locked(draft: dict, section_id: str, locked: bool) -> dict:
    new = copy.deepcopy(draft)
    _section(new, section_id)["locked"] = bool(locked)
    return new


def full_text(draft: dict) -> tuple[str, list[SectionSpan]]:
    """Title, then each section's heading and text, one paragraph a line; with where each text sits."""
    parts: list[str] = []
    spans: list[SectionSpan] = []
    pos = 0

    def add(piece: str) -> int:
        nonlocal pos
        start = pos
        parts.append(piece + "\n")
        pos += len(piece) + 1
        return start

    if draft.get("title"):
        add(str(draft["title"]))
    for s in draft.get("sections", []):
        if s.get("heading") and s.get("role", "body") not in ("opening", "closing"):   # 开头/结束语 label cards only
            add(str(s["heading"]))
        text = str(s.get("text", ""))
        start = add(text)
        spans.append(SectionSpan(str(s.get("id")), start, start + len(text)))
    return "".join(parts), spans


def figure_diff(old: str, new: str) -> tuple[list[str], list[str]]:
    """Figures only in the old text, figures only in the new one (as multisets, in order of appearance)."""
    a = [m.group(0) for m in FIGURE_RE.finditer(old or "")]
    b = [m.group(0) for m in FIGURE_RE.finditer(new or "")]
    removed, added = list(a), []
    for fig in b:
        if fig in removed:
            removed.remove(fig)
        else:
            added.append(fig)
    return removed, added


def section_ids(draft: dict | None) -> list[str]:
    return [str(s.get("id")) for s in (draft or {}).get("sections", [])]


def get_section(draft: dict, section_id: str) -> dict[str, Any]:
    return _section(draft, section_id)
