"""Data that crosses the retrieval package's border."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SourceDocument", "Chunk", "Hit", "DocumentInfo", "FileResult", "AddReport"]

KINDS = ("summary", "plan")


@dataclass(frozen=True)
class SourceDocument:
    """One document found in an imported file (a compilation file yields several)."""
    text: str                 # cleaned text, boilerplate removed
    source: str               # file name it came from
    title: str
    school: str = ""          # unit / school name, "" when unknown
    year: int | None = None   # the year the document is about (start year of a 学年)
    period: str = ""          # e.g. 2025-2026学年第一学期, 2024年度, 上半年
    kind: str = "summary"     # summary | plan
    part: int = 1             # position inside a compilation file (篇N)


@dataclass(frozen=True)
class Chunk:
    """A piece of a document cut at headings; what gets embedded."""
    text: str
    heading_path: tuple[str, ...]   # e.g. ("二、强化民主管理", "（一）开好教代会")
    index: int                      # position in its document
    tokens: int


@dataclass(frozen=True)
class Hit:
    """One search result."""
    text: str
    source: str
    title: str
    heading: str          # heading path joined with " > "
    score: float
    doc_id: str = ""
    kind: str = ""
    year: int | None = None
    chunk_id: str = ""


@dataclass(frozen=True)
class DocumentInfo:
    doc_id: str
    title: str
    source: str
    school: str
    year: int | None
    period: str
    kind: str
    chunks: int


@dataclass(frozen=True)
class FileResult:
    """What happened to one file of an add: added documents, or an error message, never both empty."""
    path: str
    added: tuple[str, ...] = ()        # doc ids newly added
    unchanged: tuple[str, ...] = ()    # doc ids already in the library
    error_zh: str = ""
    error_en: str = ""

    @property
    def ok(self) -> bool:
        return not self.error_zh


@dataclass(frozen=True)
class AddReport:
    files: tuple[FileResult, ...] = field(default_factory=tuple)

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if not f.ok)
