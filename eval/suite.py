"""The eval suite: draft every case in eval/cases with one model and measure the result.

A case is a JSON file {id, kind, school, period, notes, expect: {min_chars, max_chars, required_headings,
section_chars?}};
notes is the chair's notes as one string or as a list of lines. For each case the suite measures number fidelity
(the number checker's findings by kind, over the whole document: title and body, the 落款 left out), fact
coverage, heading hierarchy, length against target, style similarity to the library, and time.

The document's title, period and unit come from the case's inputs like the notes do: the checker gets them as
known texts (their figures are right, but they are not facts to cover).
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from common.errors import InputError, UserError
from drafting.types import KINDS, Draft
from eval.facts import Fact, parse_facts
from eval.headings import check_hierarchy
from eval.metrics import bigram_jaccard, char_count, fact_coverage, missing_headings

__all__ = ["CASES_DIR", "Case", "CaseResult", "SuiteReport", "load_cases", "run_suite", "measure_draft",
           "style_similarity"]

CASES_DIR = Path(__file__).resolve().parent / "cases"
STYLE_K = 3


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    school: str
    period: str
    notes: str
    expect: dict = field(default_factory=dict)


@dataclass
class CaseResult:
    id: str
    kind: str
    chars: int = 0
    min_chars: int = 0
    max_chars: int = 0
    findings: dict = field(default_factory=dict)       # finding kind → count
    errors: int = 0                                      # error-level number findings
    info: int = 0                                        # info-level findings (style, derived)
    finding_samples: list = field(default_factory=list)  # "kind: text — message", a few
    facts_total: int = 0
    facts_covered: int = 0
    missing_facts: list = field(default_factory=list)
    hierarchy_problems: list = field(default_factory=list)
    missing_headings: list = field(default_factory=list)
    style: float | None = None
    seconds: float = 0.0
    sections: int = 0
    failed_sections: int = 0
    failed: str = ""                                     # drafting the case failed: the message

    @property
    def length_ok(self) -> bool:
        return self.min_chars <= self.chars <= (self.max_chars or math.inf)

    @property
    def coverage(self) -> float:
        return self.facts_covered / self.facts_total if self.facts_total else 1.0

    @property
    def hierarchy_ok(self) -> bool:
        return not self.hierarchy_problems and not self.missing_headings

    def to_dict(self) -> dict:
        return {**asdict(self), "length_ok": self.length_ok, "coverage": round(self.coverage, 4),
                "hierarchy_ok": self.hierarchy_ok}


@dataclass
class SuiteReport:
    model: str
    style_method: str
    cases: list[CaseResult]
    seconds: float = 0.0
    check_available: bool = True

    @property
    def errors(self) -> int:
        return sum(c.errors for c in self.cases)

    @property
    def failed(self) -> int:
        return sum(1 for c in self.cases if c.failed)

    def totals(self) -> dict:
        done = [c for c in self.cases if not c.failed]
        kinds: dict[str, int] = {}
        for c in done:
            for k, n in c.findings.items():
                kinds[k] = kinds.get(k, 0) + n
        facts = sum(c.facts_total for c in done)
        styles = [c.style for c in done if c.style is not None]
        return {
            "cases": len(self.cases), "failed": self.failed, "findings": kinds, "errors": self.errors,
            "info": sum(c.info for c in done),
            "coverage": sum(c.facts_covered for c in done) / facts if facts else 1.0,
            "hierarchy_ok": sum(c.hierarchy_ok for c in done), "length_ok": sum(c.length_ok for c in done),
            "chars": sum(c.chars for c in done), "style": sum(styles) / len(styles) if styles else None,
            "seconds": sum(c.seconds for c in self.cases),
            "mean_seconds": sum(c.seconds for c in done) / len(done) if done else 0.0,
        }

    def to_dict(self) -> dict:
        return {"model": self.model, "style_method": self.style_method, "check_available": self.check_available,
                "seconds": round(self.seconds, 3), "totals": self.totals(),
                "cases": [c.to_dict() for c in self.cases]}


def _case_from(path: Path) -> Case:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        notes = data["notes"]
        if isinstance(notes, list):
            notes = "\n".join(str(line) for line in notes)
        case = Case(id=str(data.get("id") or path.stem), kind=data["kind"], school=data.get("school", ""),
                    period=data.get("period", ""), notes=str(notes), expect=dict(data.get("expect") or {}))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"评测用例无法读取：{path}（{exc}）", f"cannot read the eval case {path} ({exc})") from exc
    if case.kind not in KINDS:
        raise InputError(f"评测用例 {path} 的类型 {case.kind} 不在 {'、'.join(KINDS)} 之中",
                         f"eval case {path}: kind {case.kind!r} is not one of {', '.join(KINDS)}")
    return case


def load_cases(cases_dir: str | Path = CASES_DIR) -> list[Case]:
    folder = Path(cases_dir)
    if not folder.is_dir():
        raise InputError(f"找不到评测用例文件夹：{folder}", f"eval cases folder not found: {folder}")
    cases = [_case_from(p) for p in sorted(folder.glob("*.json"))]
    if not cases:
        raise InputError(f"评测用例文件夹中没有 .json 用例：{folder}", f"no .json cases in {folder}")
    return cases


def _document_lines(draft: Draft) -> tuple[str, list[str], list[str]]:
    """(checked text, body lines without the title, heading texts)."""
    from drafting.layout import draft_blocks

    blocks = draft_blocks(draft, signature=False)
    text = "\n".join(b.text for b in blocks) + "\n"
    body = [b.text for b in blocks if b.kind != "title"]
    headings = [b.text for b in blocks if b.kind == "heading"]
    return text, body, headings


def _count_findings(result: CaseResult, findings) -> None:
    for f in findings:
        kind = getattr(f, "kind", None) or (f.get("kind") if isinstance(f, dict) else "?")
        level = getattr(f, "level", None) or (f.get("level") if isinstance(f, dict) else "error")
        result.findings[kind] = result.findings.get(kind, 0) + 1
        if level == "error":
            result.errors += 1
        else:
            result.info += 1
        if len(result.finding_samples) < 5:
            text = getattr(f, "text", "") if not isinstance(f, dict) else f.get("text", "")
            message = getattr(f, "message", "") if not isinstance(f, dict) else f.get("message", "")
            result.finding_samples.append(f"{kind}/{level}: {text} — {message}")


def measure_draft(case: Case, draft: Draft, check: Callable | None, library=None, cache: dict | None = None
                  ) -> CaseResult:
    """Everything but time, for a draft of this case. check is eval.check.check_draft (None: skip fidelity)."""
    facts: list[Fact] = parse_facts(case.notes)
    text, body, headings = _document_lines(draft)
    result = CaseResult(id=case.id, kind=case.kind, min_chars=int(case.expect.get("min_chars", 0)),
                        max_chars=int(case.expect.get("max_chars", 0)), sections=len(draft.sections),
                        failed_sections=sum(1 for s in draft.sections if s.error))
    result.chars = char_count("\n".join(body))
    if check is not None:
        _count_findings(result, check(text, facts, known=(draft.title, case.period, case.school)).findings)
    coverage = fact_coverage(text, facts)
    result.facts_total, result.facts_covered = coverage.total, len(coverage.covered)
    result.missing_facts = list(coverage.missing)
    result.hierarchy_problems = [f"{p.text[:30]}：{p.message}" for p in check_hierarchy(body)]
    result.missing_headings = missing_headings(headings, list(case.expect.get("required_headings") or ()))
    if library is not None:
        result.style, _ = style_similarity(draft, library, cache)
    return result


def _cosine(a, b) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0


def style_method(library) -> str:
    if library is None:
        return "none"
    if getattr(library, "dense_available", False):
        return f"dense cosine ({getattr(library.embeddings, 'key', 'embedder')}), top {STYLE_K} exemplars"
    return f"character-bigram Jaccard, top {STYLE_K} exemplars (no dense embedder)"


def style_similarity(draft: Draft, library, cache: dict | None = None) -> tuple[float | None, str]:
    """Mean over the body sections of the mean similarity of the section to its top STYLE_K library exemplars
    of the same kind (summary or plan): dense cosine with the library's embedder, else bigram Jaccard."""
    method = style_method(library)
    if library is None:
        return None, method
    dense = getattr(library, "dense_available", False)
    cache = {} if cache is None else cache
    lib_kind = "plan" if draft.kind == "plan" else "summary"
    pairs = []
    for section in draft.sections:
        if section.role in ("opening", "closing") or not section.text.strip():
            continue
        hits = library.search(f"{section.heading}\n{section.text}"[:500], k=STYLE_K, kind=lib_kind)
        if hits:
            pairs.append((section.text, [(hit.chunk_id or hit.text, hit.text) for hit in hits]))
    if not pairs:
        return None, method
    if dense:   # one batch for the sections, one for the exemplars not embedded before
        todo = {key: text for _, hits in pairs for key, text in hits if key not in cache}
        if todo:
            cache.update(zip(todo, library.embeddings.embed_documents(list(todo.values()))))
        mine = library.embeddings.embed_documents([text for text, _ in pairs])
        scores = [sum(_cosine(vec, cache[key]) for key, _ in hits) / len(hits) for vec, (_, hits) in zip(mine, pairs)]
    else:
        scores = [sum(bigram_jaccard(text, other) for _, other in hits) / len(hits) for text, hits in pairs]
    return sum(scores) / len(scores), method


def run_suite(model: str = "offline", cases_dir: str | Path = CASES_DIR, library=None, settings=None,
              only: list[str] | None = None, progress: Callable[[int, int, CaseResult], None] | None = None
              ) -> SuiteReport:
    """Draft every case with drafting.pipeline.draft_document and measure it. only: case ids (or prefixes).

    library: an open retrieval Library for exemplars and the style score; None drafts without one (the user's
    default library is never opened behind the caller's back). A case's expect.section_chars, when given, is the
    per-section target length passed to the drafter."""
    from drafting.pipeline import draft_document

    try:
        from eval.check import check_draft
    except ImportError:
        check_draft = None
    cases = load_cases(cases_dir)
    if only:
        cases = [c for c in cases if any(c.id.startswith(o) for o in only)]
    started = time.perf_counter()
    results: list[CaseResult] = []
    cache: dict = {}
    for n, case in enumerate(cases, 1):
        t0 = time.perf_counter()
        try:
            extra = {"target_chars": int(case.expect["section_chars"])} if case.expect.get("section_chars") else {}
            draft = draft_document(case.notes, case.kind, case.school, case.period, model=model,
                                   library=library if library is not None else False, settings=settings, **extra)
        except UserError:
            raise           # a model that is not configured: every case would fail the same way
        except Exception as exc:  # one case failing must not lose the others; the report says why
            result = CaseResult(id=case.id, kind=case.kind, failed=f"{type(exc).__name__}: {exc}")
        else:
            drafted = time.perf_counter() - t0
            result = measure_draft(case, draft, check_draft, library, cache)
            result.seconds = drafted
        results.append(result)
        if progress:
            progress(n, len(cases), result)
    return SuiteReport(model=model, style_method=style_method(library), cases=results,
                       seconds=time.perf_counter() - started, check_available=check_draft is not None)
