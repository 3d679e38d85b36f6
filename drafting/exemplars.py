"""Exemplar sections from the library, and fitting them into a token budget counted with tiktoken."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from drafting.types import Source

__all__ = ["Exemplar", "find_exemplars", "fit_exemplars", "count_tokens", "library_kind", "as_sources"]


@dataclass(frozen=True)
class Exemplar:
    text: str
    title: str
    heading: str = ""
    doc_id: str = ""
    score: float = 0.0
    kind: str = ""


def library_kind(kind: str) -> str:
    """The library's kind for a draft kind: summaries draw on 'summary', plans on 'plan'."""
    return "plan" if kind == "plan" else "summary"


def find_exemplars(library, query: str, kind: str, k: int = 3, rankers: tuple[str, ...] | None = None) -> list[Exemplar]:
    """Up to k exemplar sections, each from a different document: the same kind first, then the other kind.
    rankers=("bm25",) skips the query embedding (the offline drafter only needs a framing sentence)."""
    if library is None or k <= 0 or not query.strip():
        return []
    wanted = library_kind(kind)
    out: list[Exemplar] = []
    seen: set[str] = set()
    for search_kind in (wanted, "plan" if wanted == "summary" else "summary"):
        extra = {"rankers": rankers} if rankers else {}
        for hit in library.search(query, k=k * 2, kind=search_kind, **extra):
            doc = hit.doc_id or hit.title
            if doc in seen:
                continue
            seen.add(doc)
            out.append(Exemplar(hit.text, hit.title, hit.heading, hit.doc_id, float(hit.score), hit.kind or search_kind))
            if len(out) >= k:
                return out
    return out


@lru_cache(maxsize=4)
def _encoding(name: str):
    from common.offline import ensure_tiktoken_cache

    ensure_tiktoken_cache()
    import tiktoken

    return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = "cl100k_base") -> int:
    return len(_encoding(encoding).encode(text or "", disallowed_special=()))


def _cut(text: str, budget: int, encoding: str) -> str:
    """The longest run of whole sentences from the start of text that fits the budget ('' if none)."""
    sentences = re.findall(r"[^。！？；\n]*[。！？；\n]|[^。！？；\n]+$", text)
    kept, used = [], 0
    for s in sentences:
        n = count_tokens(s, encoding)
        if used + n > budget:
            break
        kept.append(s)
        used += n
    return "".join(kept).strip()


def fit_exemplars(exemplars: Sequence[Exemplar], budget: int, encoding: str = "cl100k_base",
                  separator_tokens: int = 12, min_tokens: int = 60) -> list[Exemplar]:
    """Exemplars in order while they fit; the first that does not fit is cut at a sentence end if enough room is
    left, and the rest are dropped. The texts of the result plus separators never exceed the budget."""
    out: list[Exemplar] = []
    left = budget
    for ex in exemplars:
        room = left - separator_tokens
        if room <= 0:
            break
        n = count_tokens(ex.text, encoding)
        if n <= room:
            out.append(ex)
            left -= n + separator_tokens
            continue
        if room >= min_tokens:
            cut = _cut(ex.text, room, encoding)
            if cut:
                out.append(Exemplar(cut, ex.title, ex.heading, ex.doc_id, ex.score, ex.kind))
        break
    return out


def as_sources(exemplars: Sequence[Exemplar], shown_chars: int = 400) -> tuple[Source, ...]:
    return tuple(Source(title=e.title, heading=e.heading, text=e.text[:shown_chars], doc_id=e.doc_id,
                        score=round(e.score, 4)) for e in exemplars)
