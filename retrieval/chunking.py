"""Cut a document into chunks along its heading hierarchy, sized in tiktoken tokens.

Levels: 一、 (1) → （一） and month headings 三月 / 3月份 (2) → 1. / 1、 (3) → （1） (4) → ① (5).
Every heading starts a new piece; a bare heading line goes with the text after it; pieces under
the same parent smaller than min_tokens are merged with their neighbours (up to max_tokens); text
longer than max_tokens is split into even parts only where a sentence or a line ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from retrieval.types import Chunk

__all__ = ["chunk_document", "count_tokens", "heading_level", "heading_label", "RUNAWAY_TOKENS",
           "PREAMBLE_HEADING", "BODY_HEADING", "CLOSING_HEADING"]

PREAMBLE_HEADING = "开头"   # the opening text before the first heading
BODY_HEADING = "正文"       # a document with no headings at all
CLOSING_HEADING = "结尾"    # closing paragraph(s) after the last section
_CLOSING = re.compile(r"^(?:总之|总而言之|综上所述|展望未来|新征程上|新的一年|在新的一年|以上是|以上就是|"
                      r"(?:本学期|本年度|新学期|新的学期|今后)[，,]?(?:学校|我校|校)?工会将)")
_CLOSING_WINDOW = 3         # the closing must start within the last 3 lines of the last section

_CN = "一二三四五六七八九十"
_HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^(?:[{_CN}]{{1,3}}\s*[、.．]|第[{_CN}]{{1,3}}部分)")),
    (2, re.compile(rf"^[（(]\s*[{_CN}]{{1,3}}\s*[）)]")),
    (2, re.compile(rf"^(?:[{_CN}]{{1,3}}|\d{{1,2}})\s*月份?\s*[:：]?$")),   # 三月 / 3月份 in plans
    (3, re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
    (5, re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")),
)
_LABEL_STOP = re.compile(r"[。！？；：:!?;]")
_LABEL_SOFT_STOP = re.compile(r"[，,]")
_LABEL_MAX = 30
RUNAWAY_TOKENS = 1000      # a "sentence" longer than this (and than 2 × max_tokens) is cut anyway
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)》\"']*")


def heading_level(line: str) -> int:
    """1–5 for a heading line of the official hierarchy, 0 for body text."""
    text = line.strip()
    for level, pattern in _HEADINGS:
        if pattern.match(text):
            return level
    return 0


def heading_label(line: str) -> str:
    """The heading as shown in a heading path: up to its first full stop or colon, at most ~30 chars."""
    text = line.strip()
    marker_end = 0
    for _, pattern in _HEADINGS:
        found = pattern.match(text)
        if found:
            marker_end = found.end()
            break
    stop = _LABEL_STOP.search(text, marker_end)
    label = text[:stop.start()] if stop and stop.start() > marker_end else text
    if len(label) > _LABEL_MAX:
        soft = _LABEL_SOFT_STOP.search(label, marker_end)
        label = label[:soft.start()] if soft and soft.start() > marker_end else label
    return label if len(label) <= _LABEL_MAX else label[:_LABEL_MAX] + "…"


@lru_cache(maxsize=1)
def _encoding():
    from common.offline import ensure_tiktoken_cache

    ensure_tiktoken_cache()
    import tiktoken

    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    """Tokens in cl100k_base, the unit chunk sizes are measured in."""
    return len(_encoding().encode(text, disallowed_special=()))


@dataclass
class _Node:
    level: int
    path: tuple[str, ...]
    lines: list[str] = field(default_factory=list)      # heading line + text before the first child
    children: list[_Node] = field(default_factory=list)


@dataclass(frozen=True)
class _Piece:
    text: str
    path: tuple[str, ...]
    mergeable: bool


def _parse(text: str) -> _Node:
    root = _Node(0, ())
    stack = [root]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        level = heading_level(line)
        if not level:
            stack[-1].lines.append(line)
            continue
        while stack[-1].level >= level:
            stack.pop()
        node = _Node(level, stack[-1].path + (heading_label(line),), [line])
        stack[-1].children.append(node)
        stack.append(node)
    _move_closing(root)
    return root


def _move_closing(root: _Node) -> None:
    """Closing lines (总之… / 新征程上… / 本学期，学校工会将…) at the very end become their own top-level section."""
    last = root
    while last.children:
        last = last.children[-1]
    if last is root:
        return
    heading = last.lines[0]
    first_body = 1 if len(heading) > len(heading_label(heading)) + 2 else 2   # need some body before it
    for i in range(max(first_body, len(last.lines) - _CLOSING_WINDOW), len(last.lines)):
        if _CLOSING.match(last.lines[i]):
            root.children.append(_Node(1, (CLOSING_HEADING,), last.lines[i:]))
            del last.lines[i:]
            return


def _sentences(lines: list[str]) -> list[str]:
    """Units that may end a chunk: sentences, with '\\n' kept on the last unit of each line."""
    units: list[str] = []
    for line in lines:
        start = 0
        for end in _SENTENCE_END.finditer(line):
            units.append(line[start:end.end()])
            start = end.end()
        if start < len(line):
            units.append(line[start:])
        units[-1] += "\n"
    return units


def _cut_runaway(unit: str, max_tokens: int) -> list[str]:
    """A 'sentence' over RUNAWAY_TOKENS is no sentence (a pasted table, a text without punctuation):
    cut it after commas, or failing that into runs of about max_tokens."""
    limit = max(RUNAWAY_TOKENS, 2 * max_tokens)
    if count_tokens(unit) <= limit:
        return [unit]
    parts: list[str] = []
    for piece in re.split(r"(?<=[，,、：:])", unit):
        if count_tokens(piece) <= limit:
            parts.append(piece)
            continue
        step = max(1, len(piece) * max_tokens // count_tokens(piece))   # characters per max_tokens
        parts.extend(piece[i:i + step] for i in range(0, len(piece), step))
    return [p for p in parts if p]


def _balanced_groups(sizes: list[int], max_tokens: int) -> list[int]:
    """Group boundaries (end indices) of consecutive units: each group fits, slack² summed is least.

    Least squared slack prefers few groups of even size, so no tiny tail is left over. A unit larger
    than max_tokens forms a group of its own.
    """
    n = len(sizes)
    best = [0.0] + [float("inf")] * n
    cut = [0] * (n + 1)
    for end in range(1, n + 1):
        total = 0
        for start in range(end - 1, -1, -1):
            total += sizes[start]
            if total > max_tokens and start < end - 1:
                break
            cost = best[start] + max(0, max_tokens - total) ** 2
            if cost < best[end]:
                best[end], cut[end] = cost, start
    ends, end = [], n
    while end:
        ends.append(end)
        end = cut[end]
    return ends[::-1]


def _split_text(lines: list[str], path: tuple[str, ...], max_tokens: int, mergeable: bool) -> list[_Piece]:
    """One piece if it fits; else pieces of even size, cut only after a sentence or at a line end."""
    text = "\n".join(lines)
    if count_tokens(text) <= max_tokens:
        return [_Piece(text, path, mergeable)]
    units = [part for unit in _sentences(lines) for part in _cut_runaway(unit, max_tokens)]
    texts: list[str] = []
    start = 0
    for end in _balanced_groups([count_tokens(u) for u in units], max_tokens):
        group = units[start:end]
        while len(group) > 1 and count_tokens("".join(group).rstrip("\n")) > max_tokens:
            texts.append("".join(group[:-1]).rstrip("\n"))   # token sums can differ by one at a join
            group = group[-1:]
        texts.append("".join(group).rstrip("\n"))
        start = end
    return [_Piece(t, path, mergeable) for t in texts if t.strip()]


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _merge(pieces: list[_Piece], max_tokens: int, min_tokens: int) -> list[_Piece]:
    out: list[_Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if last and last.mergeable and piece.mergeable:
            small = count_tokens(last.text) < min_tokens or count_tokens(piece.text) < min_tokens
            joined = last.text + "\n" + piece.text
            if small and count_tokens(joined) <= max_tokens:
                out[-1] = _Piece(joined, _common_prefix(last.path, piece.path), True)
                continue
        out.append(piece)
    return out


def _only_headings(text: str) -> bool:
    return all(heading_level(line) and not _SENTENCE_END.search(line) for line in text.split("\n"))


def _render(node: _Node, max_tokens: int, min_tokens: int) -> list[_Piece]:
    """Pieces of one section: its own text and its subsections', tiny neighbours merged.

    Top-level sections (and the opening) never merge with each other.
    """
    is_root = node.level == 0
    own = node.lines
    if is_root:   # a title with no opening paragraph goes with the first section
        glue = bool(own) and not any(_SENTENCE_END.search(line) for line in own) and \
            count_tokens("\n".join(own)) < min_tokens
    else:         # so does a bare heading line
        glue = len(own) == 1
    pieces: list[_Piece] = []
    for i, child in enumerate(node.children):
        parts = _render(child, max_tokens, min_tokens)
        if i == 0 and glue:
            head = "\n".join(own)
            room = max_tokens - count_tokens(head) - 1
            if count_tokens(head + "\n" + parts[0].text) > max_tokens and room >= max_tokens // 2:
                roomy = _render(child, room, min_tokens)   # leave room for the heading
                parts = parts if _only_headings(roomy[0].text) else roomy
            if count_tokens(head + "\n" + parts[0].text) <= max_tokens:
                parts[0] = _Piece(head + "\n" + parts[0].text, parts[0].path, True)
                own = []
        pieces.extend(_Piece(p.text, p.path, not is_root) for p in parts)
    if own:
        own_path = node.path or ((PREAMBLE_HEADING,) if node.children else (BODY_HEADING,))
        pieces[:0] = _split_text(own, own_path, max_tokens, mergeable=not is_root)
    return _merge(pieces, max_tokens, min_tokens)


def chunk_document(text: str, max_tokens: int = 350, min_tokens: int = 60) -> list[Chunk]:
    """Chunks in document order; each starts with its own heading line and ends at a sentence or line end.

    heading_path runs from the top-level heading down; the opening before the first heading has
    (开头,), closing lines after the last section (总之…) have (结尾,), a text without headings (正文,).
    A merged chunk has its parts' common path. A sentence longer than max_tokens is kept whole in a
    chunk of its own; only runaway text without sentence ends (> RUNAWAY_TOKENS) is cut elsewhere.
    """
    if min_tokens < 0 or max_tokens <= 0 or min_tokens > max_tokens:
        raise ValueError(f"need 0 <= min_tokens <= max_tokens and max_tokens > 0, got {min_tokens}, {max_tokens}")
    pieces = [p for p in _render(_parse(text), max_tokens, min_tokens) if p.text.strip()]
    return [Chunk(text=p.text, heading_path=p.path, index=i, tokens=count_tokens(p.text))
            for i, p in enumerate(pieces)]
