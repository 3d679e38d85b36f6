"""Notes → outline → sections → Draft.

Body sections are written in parallel (bounded by `concurrency`); the opening and the closing come after the body,
with a summary of it in their context. One section failing (BackendError) never loses the others: it is kept with
`error` set and empty text, and can be regenerated alone.
"""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence

from common.errors import BackendError, InputError
from common.settings import Settings
from drafting.exemplars import Exemplar, find_exemplars
from drafting.models import ResolvedModel, resolve_model
from drafting.offline_drafter import document_title
from drafting.outlines import build_outline, strip_enumerator, topic_headings
from drafting.section_writer import SectionJob, Stream, failed_section, write_section
from drafting.types import KINDS, Draft, OutlineSection, Section
from eval.facts import Fact, parse_facts

__all__ = ["make_outline", "dense_embedder", "draft_document", "open_library", "outline_from", "Progress", "DEFAULT_TARGET_CHARS",
           "EXEMPLARS_PER_SECTION", "FRAME_TARGET_CHARS", "body_summary", "retrieve_exemplars", "frame_headings"]

Progress = Callable[..., None]          # (finished, total, heading, ok)
DEFAULT_TARGET_CHARS = 400              # per body section
FRAME_TARGET_CHARS = 180                # opening and closing
EXEMPLARS_PER_SECTION = 3
_FRAME_QUERIES = {"opening": "在上级工会和学校党组织的领导下 围绕学校中心工作 现将工作总结如下",
                  "opening-plan": "在上级工会和学校党组织的领导下 结合学校实际 特制定本计划",
                  "closing": "今后 校工会将继续 团结带领全体教职工 为学校发展贡献力量"}


def _facts(notes: str) -> list[Fact]:
    if not (notes or "").strip():
        raise InputError("笔记是空的：请每行写一条本学期的工作事实", "the notes are empty: write one fact per line")
    facts = parse_facts(notes)
    if not facts:
        raise InputError("笔记中没有找到事实：请每行写一条事实（分组标题行以“：”结尾或以 # 开头）",
                         "no facts found in the notes: write one fact per line (group headings end in '：' or start with #)")
    return facts


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError(f"文档类型只能是 {' / '.join(KINDS)}", f"kind must be one of {', '.join(KINDS)}")
    return kind


def make_outline(notes: str, kind: str, library=None) -> list[OutlineSection]:
    """library (optional): its embedder places facts that no keyword fits."""
    return build_outline(_facts(notes), _kind(kind), embedder=dense_embedder(library))


def dense_embedder(library):
    """The library's embedder when it is a dense one (not the BM25-only mode), else None."""
    try:
        return library.embeddings if library is not None and library is not False and library.dense_available else None
    except Exception:  # noqa: BLE001  an outline is still made by keywords alone
        return None


def outline_from(items: Sequence) -> list[OutlineSection]:
    """OutlineSection objects or their dicts (as the app keeps them) → OutlineSection objects."""
    out = []
    for item in items:
        if isinstance(item, OutlineSection):
            out.append(item)
        else:
            out.append(OutlineSection(id=str(item["id"]), heading=item.get("heading", ""),
                                      fact_ids=tuple(item.get("fact_ids") or ()), role=item.get("role", "body")))
    return out


def open_library(library=None, settings: Settings | None = None):
    """The library to draw exemplars from, or None (no library, an empty one, or one that cannot open)."""
    if library is False:
        return None
    if library is None:
        try:
            from retrieval.library import Library

            library = Library.open(settings or Settings.from_env())
        except Exception:  # drafting goes on without exemplars; the draft's meta says so
            return None
    try:
        return library if library.count_chunks() > 0 else None
    except Exception:
        return None


def _query(section: OutlineSection, facts: Sequence[Fact], kind: str) -> str:
    if section.role == "opening":
        return _FRAME_QUERIES["opening-plan" if kind == "plan" else "opening"]
    if section.role == "closing":
        return _FRAME_QUERIES["closing"]
    return " ".join([strip_enumerator(section.heading)] + [f.text for f in facts[:4]])[:240]


def retrieve_exemplars(library, section: OutlineSection, facts: Sequence[Fact], kind: str, k: int,
                       lexical_only: bool = False) -> tuple[Exemplar, ...]:
    """lexical_only: BM25 alone, no query embedding (what the offline drafter needs, in milliseconds)."""
    if library is None:
        return ()
    try:
        return tuple(find_exemplars(library, _query(section, facts, kind), kind, k,
                                    rankers=("bm25",) if lexical_only else None))
    except Exception:  # a search failure costs this section its exemplars, not the draft
        return ()


def frame_headings(kind: str, body: Sequence, by_id: dict[str, Fact]) -> tuple[str, ...]:
    """What the opening and closing name: the body's topic headings (a plan: the topics its facts touch)."""
    if kind == "plan":   # a plan's opening names the work it plans, not its own parts
        return tuple(topic_headings([by_id[i] for s in body for i in s.fact_ids if i in by_id]))
    return tuple(s.heading for s in body if s.role == "body")


def body_summary(sections: Sequence[Section]) -> str:
    return "\n".join(f"{s.heading}：{s.text[:80]}" for s in sections if s.text)


def draft_document(notes: str, kind: str = "semester-summary", school: str = "", period: str = "",
                   model: object = "offline", outline: Sequence | None = None, library=None,
                   settings: Settings | None = None, target_chars: int = DEFAULT_TARGET_CHARS, concurrency: int = 4,
                   progress: Progress | None = None, stream: Stream | None = None,
                   k: int = EXEMPLARS_PER_SECTION) -> Draft:
    """Draft a whole document. library=None opens the default library; library=False drafts without one."""
    started = time.perf_counter()
    kind = _kind(kind)
    facts = _facts(notes)
    by_id = {f.id: f for f in facts}
    resolved: ResolvedModel = resolve_model(model, settings)
    lib = open_library(library, settings)
    plan = outline_from(outline) if outline else build_outline(facts, kind, embedder=dense_embedder(lib))
    title = document_title(kind, school, period)
    body = [s for s in plan if s.role not in ("opening", "closing")]
    frame = [s for s in plan if s.role in ("opening", "closing")]
    total = len(plan)
    done = [0]
    lock = threading.Lock()
    tokens: dict[str, int] = {}

    def job_for(section: OutlineSection, **extra) -> SectionJob:
        mine = tuple(by_id[i] for i in section.fact_ids if i in by_id)
        exemplars = retrieve_exemplars(lib, section, mine, kind, k, resolved.offline)  # one thread at a time
        target = FRAME_TARGET_CHARS if section.role in ("opening", "closing") else target_chars
        return SectionJob(section, mine, kind, school, period, title, target, exemplars, **extra)

    def run(job: SectionJob) -> Section:
        try:
            result = write_section(job, resolved, stream)
            section, ok = result.section, True
            tokens[section.id] = result.prompt_tokens
        except BackendError as exc:
            section, ok = failed_section(job, exc), False
        with lock:
            done[0] += 1
            if progress:
                progress(done[0], total, job.outline.heading, ok)
        return section

    workers = max(1, int(concurrency or 1))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="uniondraft-section") as pool:
        # each section is searched on this thread and handed to the pool at once: searching overlaps writing
        written = list(pool.map(run, (job_for(s) for s in body)))
        summary = body_summary(written)
        headings = frame_headings(kind, body, by_id)
        frame_jobs = [job_for(s, body_headings=headings, body_summary=summary, all_facts=tuple(facts)) for s in frame]
        framed = list(pool.map(run, frame_jobs))
    by_section = {s.id: s for s in written + framed}
    sections = tuple(by_section[s.id] for s in plan)
    meta = {"created": time.time(), "seconds": round(time.perf_counter() - started, 3),
            "library": "none" if lib is None else "used", "target_chars": target_chars,
            "prompt_budget": resolved.prompt_budget,
            "prompt_tokens": tokens, "failed": [s.id for s in sections if s.error],
            "origin": {s.id: "生成" for s in sections}}
    return Draft(title=title, kind=kind, school=school, period=period, sections=sections, notes=notes,
                 model=resolved.spec, meta=meta)
