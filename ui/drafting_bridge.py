"""The one place the app calls the drafting package (issue 4): outline, generate, regenerate, export.

Drafts cross this border as the drafting package's JSON (dict), which is what the autosave store keeps.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from common.settings import CORPUS_DIR

__all__ = ["example_notes", "make_outline", "generate", "regenerate", "export_docx", "export_markdown",
           "Progress"]

Progress = Callable[..., None]      # (finished, total, heading, ok=True)
_EXAMPLE_FILES = {"plan": ("plan",), "annual-summary": ("annual", "summary"), "semester-summary": ("semester", "summary")}


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


def make_outline(notes: str, kind: str) -> list[dict]:
    raise NotImplementedError("waiting for drafting/")


def generate(ws, notes: str, outline: list[dict] | None, backend, progress: Progress | None = None,
             stream: Callable[[str, str], None] | None = None) -> dict:
    raise NotImplementedError("waiting for drafting/")


def regenerate(ws, section_id: str, instruction: str | None, backend) -> dict:
    raise NotImplementedError("waiting for drafting/")


def export_docx(draft: dict) -> bytes:
    raise NotImplementedError("waiting for drafting/")


def export_markdown(draft: dict) -> str:
    raise NotImplementedError("waiting for drafting/")
