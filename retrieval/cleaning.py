"""Raw text → clean documents: normalise, split web compilations, drop site boilerplate.

Web pages that collect several sample documents mark each with 【篇N】 (on its title line) or a
line starting 第N篇：. Between documents they insert reader counts (…书写经验91人觉得有启发),
"how to write" advice essays, and editor notes (小编友情提醒：). None of that is a union document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.chunking import heading_level

__all__ = ["DocumentPart", "normalise_text", "split_documents", "clean_title_line", "join_wrapped_lines"]

_NUM = r"[0-9一二三四五六七八九十百]+"
_BRACKET_MARKER = re.compile(rf"【\s*(?:第\s*{_NUM}\s*篇|篇\s*{_NUM})\s*】")
_LINE_MARKER = re.compile(rf"^第\s*{_NUM}\s*篇(?:\s*[:：]\s*|\s*$|\s+)")
_WORD_COUNT = re.compile(r"\s*[（(]?\s*(?:共|全文)?\s*\d{2,6}\s*字\s*[)）]?\s*$")
_COLLECTION_TAG = re.compile(rf"\s*[（(【]\s*(?:精选|通用|优选)?\s*{_NUM}\s*篇\s*[)）】]\s*$")
_SAMPLE_SUFFIX = re.compile(r"(?:优秀|精选|参考)?范文(?:大全|精选)?\s*$")
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]", re.IGNORECASE)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\x00]")
_LEADING_SPACE = re.compile(r"^[\s\u3000\xa0]+")

# Where the site's advice essay starts: everything from here to the next document goes.
_ESSAY_START = (
    re.compile(rf"^篇\s*{_NUM}\s*书写经验"),
    re.compile(r"书写经验\s*\d*\s*人觉得有启发"),
    re.compile(r"^.{0,40}(?:怎么写|如何写|该怎么写|写作技巧|写作要点)\s*[?？]?$"),
)
_DROP_LINE = (
    re.compile(r"\d+\s*人觉得有启发"),
    re.compile(r"^(?:推荐阅读|相关推荐|相关阅读|延伸阅读|相关文章|热门文章|猜你喜欢)\s*[:：]?"),
    re.compile(r"(?:本文|文章)(?:来源|出处)\s*[:：]|版权(?:归原作者|声明)|(?:转载|复制)请(?:注明|保留)"),
    re.compile(r"(?:下载|复制)(?:本文|全文|文档|完整版)|点击(?:下载|查看全文)|扫码(?:关注|下载)"),
)
_DROP_LINE_MAX_CHARS = 40   # longer lines are content, even when they contain such words
_EDITOR_NOTE = re.compile(r"^(?:小编|编者|编辑)(?:友情)?(?:提醒|提示|寄语|按)\s*[:：]")


@dataclass(frozen=True)
class DocumentPart:
    """One document of a file, cleaned; number is its 1-based position among the file's documents."""
    text: str
    number: int


def normalise_text(raw: str) -> str:
    """Unify line endings, drop NULs/zero-width chars/[bookmark: …], strip line-start and trailing blanks.

    Blank lines are removed: every remaining line is a title, a heading or a paragraph.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _INVISIBLE.sub("", _BOOKMARK.sub("", text))
    lines = (_LEADING_SPACE.sub("", line).rstrip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean_title_line(line: str) -> str:
    """A title without 【篇N】 / 第N篇： markers, word counts (1850字), (精选5篇) tags or a 范文 suffix."""
    text = _BRACKET_MARKER.sub("", line.strip())
    text = _LINE_MARKER.sub("", text)
    for _ in range(2):  # tags come in either order: 【篇2】 1200字, …范文(精选3篇)
        text = _WORD_COUNT.sub("", text)
        text = _COLLECTION_TAG.sub("", text)
        stripped = _SAMPLE_SUFFIX.sub("", text).rstrip()
        text = stripped if len(stripped) >= 4 else text
    return text.strip(" \t:：-—")


def _is_marker(line: str) -> bool:
    return bool(_BRACKET_MARKER.search(line) or _LINE_MARKER.match(line))


def _drop_boilerplate(lines: list[str]) -> list[str]:
    kept: list[str] = []
    skip_next = False
    for line in lines:
        if kept and any(p.search(line) for p in _ESSAY_START):
            break
        if skip_next:
            skip_next = False
            continue
        editor = _EDITOR_NOTE.match(line)
        if editor:
            skip_next = not line[editor.end():].strip()   # the note's text is on the next line
            continue
        if len(line) <= _DROP_LINE_MAX_CHARS and any(p.search(line) for p in _DROP_LINE):
            continue
        kept.append(line)
    return kept


def split_documents(text: str) -> list[DocumentPart]:
    """The documents in a normalised text: one, or one per 篇 marker; site boilerplate removed.

    Text before the first of two or more markers is the site's page header and is dropped.
    Parts left empty by the cleaning are left out.
    """
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _is_marker(line)]
    if len(starts) < 2:   # one marker: not a compilation, but the marker still goes
        lines = [clean_title_line(line) if i in starts else line for i, line in enumerate(lines)]
        groups = [lines]
    else:
        groups = [lines[a:b] for a, b in zip(starts, starts[1:] + [len(lines)])]
    parts: list[DocumentPart] = []
    for group in groups:
        if len(starts) >= 2:
            title = clean_title_line(group[0])
            group = ([title] if title else []) + group[1:]
        kept = _drop_boilerplate([line for line in group if line.strip()])
        if kept:
            parts.append(DocumentPart("\n".join(kept), len(parts) + 1))
    return parts


_NO_JOIN_END = re.compile(r"[。！？；：:!?;」』”）)]$")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页|/\s*\d{1,4})?(?:\s*共\s*\d+\s*页)?[-—–\s]*$")


def join_wrapped_lines(text: str) -> str:
    """Undo a PDF's visual line wrapping: join a full-width line that ends mid-sentence with the next.

    Also drops page-number lines (- 3 -, 第3页, 3/10). A line counts as full width when it is at
    least 85% as long as the document's longest lines (90th percentile).
    """
    lines = [line for line in text.split("\n") if line.strip() and not _PAGE_NUMBER.match(line.strip())]
    if len(lines) < 2:
        return "\n".join(lines)
    lengths = sorted(len(line) for line in lines)
    full = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    out = [lines[0]]
    visual = lines[0]   # the last line as printed, before joining
    for line in lines[1:]:
        previous = out[-1]
        wrapped = (full >= 15 and len(visual) >= 0.85 * full and not _NO_JOIN_END.search(previous)
                   and not heading_level(line))
        if wrapped:
            ascii_gap = previous[-1:].isascii() and previous[-1:].isalnum() and line[:1].isascii()
            out[-1] = previous + (" " if ascii_gap else "") + line.lstrip()
        else:
            out.append(line)
        visual = line
    return "\n".join(out)
