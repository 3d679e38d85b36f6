"""The one place the app calls the drafting package: outline, generate, regenerate, export.

Drafts cross this border as the drafting package's JSON (dict, `Draft.to_json()`), which is what the autosave store
keeps. The backend the chair chose in the sidebar becomes the settings the drafting package's model resolver reads.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from common.settings import CORPUS_DIR, Settings

__all__ = ["example_notes", "make_outline", "generate", "regenerate", "export_docx", "export_markdown",
           "Progress", "settings_for"]

Progress = Callable[..., None]      # (finished, total, heading, ok=True)
_EXAMPLE_FILES = {"plan": ("plan",), "annual-summary": ("annual", "summary"), "semester-summary": ("semester", "summary")}
MIN_SECTION_CHARS, MAX_SECTION_CHARS = 150, 1200


def example_notes(kind: str) -> str:
    """A notes file from corpus/notes/ that shows the format, preferring one of the chosen kind."""
    folder = CORPUS_DIR / "notes"
    files = sorted(p for p in folder.glob("*") if p.suffix in (".txt", ".md")) if folder.is_dir() else []
    for word in _EXAMPLE_FILES.get(kind, ()):
        for p in files:
            if word in p.name:
                return _read(p)
    return _read(files[0]) if files else ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def settings_for(backend) -> Settings:
    """The app's settings with the sidebar's backend choice (model spec, base_url, key) in them."""
    from ui import resources

    settings = resources.settings()
    if backend is None or getattr(backend, "is_offline", True):
        return replace(settings, model="offline")
    return replace(settings, model=backend.spec, base_url=backend.effective_base_url,
                   api_key=backend.api_key or None)


def _library():
    """The shared library, or False (draft without exemplars) when it cannot be opened."""
    from ui import resources

    try:
        return resources.library()
    except Exception:  # noqa: BLE001  the library is an aid; drafting goes on without it
        return False


def make_outline(notes: str, kind: str) -> list[dict]:
    from drafting.pipeline import make_outline as build

    return [{"id": s.id, "heading": s.heading, "fact_ids": list(s.fact_ids), "role": s.role}
            for s in build(notes, kind, library=_library())]


def _section_chars(ws, outline: list[dict] | None) -> int:
    body = [s for s in outline or [] if s.get("role", "body") not in ("opening", "closing")]
    total = int(getattr(ws, "target_length", 0) or 0)
    if not total or not body:
        from drafting.pipeline import DEFAULT_TARGET_CHARS
        return DEFAULT_TARGET_CHARS
    return max(MIN_SECTION_CHARS, min(MAX_SECTION_CHARS, total // len(body)))


def generate(ws, notes: str, outline: list[dict] | None, backend, progress: Progress | None = None,
             stream: Callable[[str, str], None] | None = None) -> dict:
    """A whole draft. When the workspace already has one, its locked sections are kept as they are and the
    other sections keep their earlier texts as versions."""
    from drafting.pipeline import draft_document
    from drafting.types import Draft, Version

    outline = outline or make_outline(notes, ws.kind)
    new = draft_document(notes, kind=ws.kind, school=ws.school, period=ws.period, model=settings_for(backend).model,
                         outline=outline, library=_library(), settings=settings_for(backend),
                         target_chars=_section_chars(ws, outline), progress=progress, stream=stream)
    if not ws.draft:
        return new.to_json()
    old = {s.id: s for s in Draft.from_json(ws.draft).sections}
    sections = []
    for s in new.sections:
        before = old.get(s.id)
        if before is not None and before.locked:
            sections.append(before)
        elif before is not None and before.text and before.text != s.text:
            sections.append(replace(s, versions=before.versions + (Version(before.text, "生成", None, ws.draft.get("model", "")),)))
        else:
            sections.append(s)
    return replace(new, sections=tuple(sections)).to_json()


def regenerate(ws, section_id: str, instruction: str | None, backend) -> dict:
    from drafting.regenerate import regenerate_section
    from drafting.types import Draft

    draft = Draft.from_json(ws.draft)
    settings = settings_for(backend)
    new = regenerate_section(draft, section_id, instruction, model=settings.model, library=_library(), settings=settings)
    return new.to_json()


def export_docx(draft: dict) -> bytes:
    from drafting.export_docx import draft_to_docx
    from drafting.types import Draft

    return draft_to_docx(Draft.from_json(draft))


def export_markdown(draft: dict) -> str:
    from drafting.export_markdown import draft_to_markdown
    from drafting.types import Draft

    return draft_to_markdown(Draft.from_json(draft))
