"""The drafting package's data, as it crosses package borders (frozen dataclasses) and as it is saved (JSON).

A draft file is `Draft.to_json()`; `Draft.from_json()` reads it back. Findings inside a section are the number
checker's findings as plain dicts ({kind, level, start, end, text, message, facts}), offsets into section.text.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

__all__ = ["KINDS", "OutlineSection", "Source", "Version", "Section", "Draft"]

KINDS = ("semester-summary", "annual-summary", "plan")


@dataclass(frozen=True)
class OutlineSection:
    id: str                         # "s1", "s2" … stable within a draft
    heading: str                    # with its enumerator, e.g. "一、思想引领与师德建设"
    fact_ids: tuple[str, ...] = ()
    role: str = "body"              # opening | body | problems | next | closing (plans: guiding | goals | tasks | months | measures)


@dataclass(frozen=True)
class Source:
    title: str                      # the past document's title
    heading: str                    # the heading path of the exemplar section
    text: str                       # the exemplar text (may be shortened for display)
    doc_id: str = ""
    score: float = 0.0


@dataclass(frozen=True)
class Version:
    text: str
    note: str = ""                  # 生成 / 重新生成：更简洁 / 手动修改 …
    at: float | None = None         # unix time
    model: str = ""


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    text: str
    fact_ids: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    findings: tuple[dict, ...] = ()
    versions: tuple[Version, ...] = ()
    role: str = "body"
    locked: bool = False
    error: str = ""                 # set when drafting this section failed; text is then "" or the old text


@dataclass(frozen=True)
class Draft:
    title: str
    kind: str
    school: str
    period: str
    sections: tuple[Section, ...]
    notes: str = ""                 # the chair's notes as given: facts are re-parsed from it (ids are stable)
    model: str = "offline"
    meta: dict = field(default_factory=dict)

    def section(self, ref: str | int) -> Section:
        """By id ("s3") or by 1-based position (3 or "3")."""
        for s in self.sections:
            if s.id == str(ref):
                return s
        text = str(ref)
        if text.isdigit() and 1 <= int(text) <= len(self.sections):
            return self.sections[int(text) - 1]
        raise KeyError(ref)

    def with_section(self, new: Section) -> "Draft":
        return replace(self, sections=tuple(new if s.id == new.id else s for s in self.sections))

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Draft":
        sections = []
        for s in data.get("sections", []):
            sections.append(Section(
                id=str(s["id"]), heading=s.get("heading", ""), text=s.get("text", ""),
                fact_ids=tuple(s.get("fact_ids") or ()),
                sources=tuple(Source(**src) if isinstance(src, dict) else src for src in s.get("sources") or ()),
                findings=tuple(s.get("findings") or ()),
                versions=tuple(Version(**v) if isinstance(v, dict) else Version(str(v)) for v in s.get("versions") or ()),
                role=s.get("role", "body"), locked=bool(s.get("locked", False)), error=s.get("error", "")))
        return cls(title=data.get("title", ""), kind=data.get("kind", "semester-summary"),
                   school=data.get("school", ""), period=data.get("period", ""), sections=tuple(sections),
                   notes=data.get("notes", ""), model=data.get("model", "offline"), meta=dict(data.get("meta") or {}))
