"""A draft as Markdown: the title as `#`, section headings as `##`, inner headings one `#` deeper per level,
paragraphs between blank lines, the 落款 at the end. Findings, sources and versions stay out of it."""
from __future__ import annotations

import re

from drafting.layout import draft_blocks
from drafting.types import Draft

__all__ = ["draft_to_markdown", "markdown_headings"]

_LIST_START = re.compile(r"^(\d{1,2})([.．)])(\s)")   # "1. xx" would turn into a renumbered list
_SPECIAL = re.compile(r"^([#>*+\-|])")


def _escape_paragraph(text: str) -> str:
    text = _LIST_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text)
    return _SPECIAL.sub(r"\\\1", text)


def draft_to_markdown(draft: Draft, date: str | None = None) -> str:
    out: list[str] = []
    signature: list[str] = []
    for block in draft_blocks(draft, date=date):
        if block.kind == "title":
            out.append(f"# {block.text}")
        elif block.kind == "heading":
            out.append(f"{'#' * min(block.level + 1, 6)} {block.text}")
        elif block.kind == "signature":
            signature.append(block.text)
        else:
            out.append(_escape_paragraph(block.text))
    if signature:
        out.append("  \n".join(signature))   # two lines of one paragraph (hard line break)
    return "\n\n".join(out) + "\n"


def markdown_headings(markdown: str) -> list[tuple[int, str]]:
    """(depth, text) of every ATX heading: what a reader of the exported file sees as its outline."""
    found = []
    for line in markdown.splitlines():
        m = re.match(r"^(#{1,6})\s+(.*\S)\s*$", line)
        if m:
            found.append((len(m.group(1)), m.group(2)))
    return found
