"""Input limits the app enforces before doing any work, each with a message the chair can act on."""
from __future__ import annotations

from common.errors import InputError

__all__ = ["MAX_NOTES_CHARS", "MAX_TEXT_CHARS", "check_notes", "check_text"]

MAX_NOTES_CHARS = 20_000     # a term's notes are 1–5 thousand characters; more is a pasted document
MAX_TEXT_CHARS = 60_000      # the longest summaries are around 10 thousand characters


def check_notes(notes: str) -> str:
    """The notes, stripped; InputError when empty, only blank or far too long."""
    notes = (notes or "").strip()
    if not notes:
        raise InputError("笔记是空的：请先写下本学期的工作要点，每行一条，例如“- 慰问困难教职工6人次”。",
                         "The notes are empty: write one fact per line first.")
    if len(notes) > MAX_NOTES_CHARS:
        raise InputError(f"笔记太长（{len(notes):,} 字，上限 {MAX_NOTES_CHARS:,} 字）：这看起来像整篇文章。"
                         "请只保留要点，每行一条；往年的文章请到“资料库”上传。",
                         f"The notes are too long ({len(notes):,} characters, limit {MAX_NOTES_CHARS:,}). "
                         "Keep the key facts only; upload past documents to the library instead.")
    return notes


def check_text(text: str) -> str:
    text = text or ""
    if not text.strip():
        raise InputError("请先粘贴要核对的文章。", "Paste the text to check first.")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"文章太长（{len(text):,} 字，上限 {MAX_TEXT_CHARS:,} 字）：请分段核对。",
                         f"The text is too long ({len(text):,} characters, limit {MAX_TEXT_CHARS:,}); check it in parts.")
    return text
