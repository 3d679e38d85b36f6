"""The one entry point for importing a file: path → cleaned SourceDocuments with metadata.

Checks that cost nothing come first (exists, a regular file, suffix, size from stat), so a 50 MB
upload or a device file is refused without being read.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path

from common.errors import InputError
from retrieval.cleaning import normalise_text, split_documents
from retrieval.loaders import load_text
from retrieval.metadata import detect_metadata
from retrieval.types import KINDS, SourceDocument

__all__ = ["read_documents", "MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "OVERRIDE_KEYS", "MIN_USABLE_CHARS"]

MAX_FILE_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
OVERRIDE_KEYS = ("title", "school", "year", "period", "kind")
MIN_USABLE_CHARS = 20   # letters and digits a document needs to be worth keeping


def _check_file(path: Path, name: str, suffix: str) -> None:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"找不到文件：{name}", f"file not found: {name}") from None
    except OSError as exc:
        raise InputError(f"无法读取 {name}（{exc.strerror or exc}）", f"cannot read {name}: {exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name} 是文件夹，不是文件。请选择文件夹里的文件。",
                         f"{name} is a folder, not a file; pick the files inside it.")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name} 不是普通文件，无法导入。", f"{name} is not a regular file.")
    if suffix not in SUPPORTED_SUFFIXES:
        hint = "旧版 .doc/.wps 请先另存为 .docx。" if suffix in (".doc", ".wps") else ""
        raise InputError(f"不支持的文件类型 {suffix or '（无扩展名）'}：{name}。支持 txt、md、docx、pdf。{hint}",
                         f"unsupported file type {suffix or '(none)'}: {name}; use .txt, .md, .docx or .pdf.")
    if info.st_size == 0:
        raise InputError(f"{name} 是空文件。", f"{name} is empty.")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(f"{name} 太大（{info.st_size / 2**20:.1f} MB，上限 {MAX_FILE_BYTES // 2**20} MB），未导入。"
                         "请拆分文件或删去其中的图片后再试。",
                         f"{name} is too large ({info.st_size / 2**20:.1f} MB; the limit is "
                         f"{MAX_FILE_BYTES // 2**20} MB). Split it or remove its images.")
    if not os.access(path, os.R_OK):
        raise InputError(f"没有读取 {name} 的权限。", f"no permission to read {name}.")


def _usable(text: str) -> bool:
    return sum(1 for ch in text if ch.isalnum()) >= MIN_USABLE_CHARS


def _clean_overrides(kind: str | None, overrides: Mapping[str, object] | None) -> dict[str, object]:
    """Overrides with None values left out; year as int; kind checked. Unknown keys are a bug."""
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    unknown = set(given) - set(OVERRIDE_KEYS)
    if unknown:
        raise ValueError(f"unknown override(s) {sorted(unknown)}; allowed: {OVERRIDE_KEYS}")
    if kind is not None and "kind" in given and given["kind"] != kind:
        raise ValueError(f"kind={kind!r} conflicts with overrides['kind']={given['kind']!r}")
    if kind is not None:
        given["kind"] = kind
    if "kind" in given and given["kind"] not in KINDS:
        raise InputError(f"文档类型只能是 summary（总结）或 plan（计划），而不是 {given['kind']}",
                         f"kind must be summary or plan, not {given['kind']!r}")
    if "year" in given:
        try:
            given["year"] = int(str(given["year"]).strip())
        except ValueError:
            raise InputError(f"年份应为数字，例如 2025，而不是 {given['year']}",
                             f"year must be a number such as 2025, not {given['year']!r}") from None
    for key in ("title", "school", "period"):
        if key in given:
            given[key] = str(given[key]).strip()
    return given


def read_documents(path: str | Path, kind: str | None = None, overrides: Mapping[str, object] | None = None,
                   original_name: str | None = None) -> list[SourceDocument]:
    """The documents in one file, cleaned, with detected metadata; overrides and kind win over detection.

    original_name is the name the user knows the file by (uploads arrive as temporary files); it is
    used as SourceDocument.source, in messages, and for the file type when it has a suffix.
    Raises InputError for a missing, unreadable, empty, oversized, unsupported, corrupt or text-less file.
    """
    path = Path(path)
    name = original_name or path.name
    suffix = (Path(name).suffix or path.suffix).lower()
    forced = _clean_overrides(kind, overrides)
    _check_file(path, name, suffix)
    try:
        raw = load_text(path, suffix, name, MAX_FILE_BYTES)
    except PermissionError:
        raise InputError(f"没有读取 {name} 的权限。", f"no permission to read {name}.") from None
    except OSError as exc:
        raise InputError(f"无法读取 {name}（{exc.strerror or exc}）", f"cannot read {name}: {exc}") from None
    parts = [part for part in split_documents(normalise_text(raw)) if _usable(part.text)]
    if not parts:
        raise InputError(f"{name} 里没有可用的文字（清理后为空或只有几个字）。",
                         f"{name} has no usable text (empty or almost empty after cleaning).")
    documents = []
    for number, part in enumerate(parts, start=1):
        meta = detect_metadata(part.text)
        fallback = Path(name).stem + (f"（篇{number}）" if len(parts) > 1 else "")
        fields: dict[str, object] = {"title": meta.title or fallback, "school": meta.school, "year": meta.year,
                                     "period": meta.period, "kind": meta.kind}
        fields.update(forced)
        documents.append(SourceDocument(text=part.text, source=name, part=number, **fields))
    return documents
