"""Rewrite one section of a draft; every other section stays byte-identical.

The facts are the section's pinned fact ids, re-parsed from the draft's notes. The text being replaced is kept as a
Version (with how it was made), a locked section refuses, and number_diff compares the figures of any two texts.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, replace

from common.errors import InputError
from common.settings import Settings
from drafting.models import resolve_model
from drafting.pipeline import (DEFAULT_TARGET_CHARS, EXEMPLARS_PER_SECTION, FRAME_TARGET_CHARS, body_summary, frame_headings,
                               open_library, retrieve_exemplars)
from drafting.exemplars import Exemplar
from drafting.section_writer import SectionJob, Stream, write_section
from drafting.types import Draft, OutlineSection, Version
from eval.facts import parse_facts

__all__ = ["regenerate_section", "number_diff", "NumberDiff", "PRESET_INSTRUCTIONS"]

PRESET_INSTRUCTIONS = ("更简洁", "更正式", "突出成效", "补充细节")
_FALLBACK_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:[万千百]?元|万|%|人次|人|名|次|场|期|件|条|个|篇|届|项)?")


@dataclass(frozen=True)
class NumberDiff:
    removed: tuple[str, ...]        # figures in the old text and not in the new one (as written)
    added: tuple[str, ...]          # figures in the new text and not in the old one

    @property
    def same(self) -> bool:
        return not self.removed and not self.added


def _figures(text: str) -> list[str]:
    try:
        from eval.numbers import extract_quantities
    except ModuleNotFoundError:
        return [m.group(0) for m in _FALLBACK_FIGURE.finditer(text or "")]
    return [q.text for q in extract_quantities(text or "")]


def number_diff(old_text: str, new_text: str) -> NumberDiff:
    old, new = Counter(_figures(old_text)), Counter(_figures(new_text))
    return NumberDiff(tuple((old - new).elements()), tuple((new - old).elements()))


def regenerate_section(draft: Draft, ref: str | int, instruction: str | None = None, model: object = None,
                       library=None, settings: Settings | None = None, stream: Stream | None = None,
                       k: int = EXEMPLARS_PER_SECTION) -> Draft:
    """A new Draft where only section `ref` (id like "s3" or 1-based position) is rewritten.
    model=None uses the model the draft was made with. Raises InputError for an unknown or locked section and
    BackendError when the model fails (the draft is then unchanged)."""
    try:
        section = draft.section(ref)
    except KeyError:
        raise InputError(f"草稿中没有第 {ref} 节：可选 1–{len(draft.sections)} 或节编号（如 s2）",
                         f"no section {ref} in the draft: use 1-{len(draft.sections)} or a section id such as s2") from None
    if section.locked:
        raise InputError(f"“{section.heading}”已锁定，不会被重新生成；请先解锁",
                         f"section {section.id} ({section.heading}) is locked and is never rewritten; unlock it first")
    instruction = (instruction or "").strip() or None
    facts = {f.id: f for f in parse_facts(draft.notes)}
    mine = tuple(facts[i] for i in section.fact_ids if i in facts)
    resolved = resolve_model(model or draft.model, settings)
    lib = open_library(library, settings)
    outline = OutlineSection(section.id, section.heading, section.fact_ids, section.role)
    exemplars = retrieve_exemplars(lib, outline, mine, draft.kind, k, resolved.offline) if lib is not None else tuple(
        Exemplar(s.text, s.title, s.heading, s.doc_id, s.score) for s in section.sources)
    framed = section.role in ("opening", "closing")
    body = [s for s in draft.sections if s.role not in ("opening", "closing")]
    job = SectionJob(outline, mine, draft.kind, draft.school, draft.period, draft.title,
                     FRAME_TARGET_CHARS if framed else int(draft.meta.get("target_chars") or DEFAULT_TARGET_CHARS),
                     exemplars,
                     body_headings=frame_headings(draft.kind, body, facts) if framed else (),
                     body_summary=body_summary(body) if framed else "",
                     instruction=instruction, previous=section.text,
                     all_facts=tuple(facts.values()) if framed else ())
    written = write_section(job, resolved, stream).section
    origin = dict(draft.meta.get("origin") or {})
    versions = section.versions
    if section.text:
        versions += (Version(section.text, origin.get(section.id, "生成"), time.time(), draft.model),)
    new = replace(written, versions=versions, locked=False)
    origin[section.id] = f"重新生成：{instruction}" if instruction else "重新生成"
    return replace(draft.with_section(new), meta={**draft.meta, "origin": origin})
