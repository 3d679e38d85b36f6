"""Check a draft against the chair's facts: every figure must come from them, keep its qualifier, stay with its
subject, and add up; every figure of the facts must appear.

    result = check_draft(draft_text, parse_facts(notes), references=(past_document_text,))
    result.errors      # the findings that need fixing

Findings (kind → level): unsupported, mismatch, qualifier, arithmetic, missing, leak → error; style and derived
(a correct total, difference or rate, with the facts it comes from) → info. Offsets index the draft as given.
Pure and fast: no I/O, no model; the app runs it after every edit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from eval.derived import RATE_WORDS, TOTAL_WORDS, derivations, find_derivation, rate_matches
from eval.facts import Fact
from eval.ledger import Entry, Ledger, bigrams, build_ledger, subject_of
from eval.numbers import Quantity, extract_quantities, qualifier_class, same_value

__all__ = ["Finding", "CheckResult", "check_draft", "KINDS", "ERROR_KINDS"]

ERROR_KINDS = ("unsupported", "mismatch", "qualifier", "arithmetic", "missing", "leak")
KINDS = ERROR_KINDS + ("style", "derived")
STRONG, WEAK, SWAP_MARGIN = 0.5, 0.25, 0.3
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_PARAGRAPH_END = re.compile(r"\n")


@dataclass(frozen=True)
class Finding:
    kind: str
    level: str                         # error | info
    start: int | None                  # offsets into the draft; None for a missing figure
    end: int | None
    text: str                          # the figure as written (in the draft; in the notes for missing)
    message: str                       # Chinese
    fact_ids: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"kind": self.kind, "level": self.level, "start": self.start, "end": self.end, "text": self.text,
                "message": self.message, "facts": list(self.fact_ids)}


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    figures: int = 0                   # figures read in the draft
    facts: int = 0
    counts: dict = field(default_factory=dict)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.level == "error")

    def to_json(self) -> dict:
        return {"findings": [f.to_json() for f in self.findings], "errors": len(self.errors),
                "counts": self.counts, "figures": self.figures, "facts": self.facts}


@lru_cache(maxsize=32)
def _prepared(facts: tuple[Fact, ...]) -> tuple[Ledger, tuple]:
    ledger = build_ledger(facts)
    return ledger, tuple(derivations(ledger))


@lru_cache(maxsize=32)
def _figures_of(texts: tuple[str, ...]) -> tuple[Quantity, ...]:
    return tuple(q for t in texts for q in extract_quantities(t))


def check_draft(draft: str, facts: Sequence[Fact], references: Sequence[str] = (),
                known: Sequence[str] = ()) -> CheckResult:
    """references: past documents the draft was written from (their figures must not leak in);
    known: texts whose figures are right but are not facts to cover (the period, the unit's name, the title)."""
    draft = draft or ""
    ledger, table = _prepared(tuple(facts))
    figures = extract_quantities(draft)
    run = _Run(draft, ledger, figures, _figures_of(tuple(known)), _figures_of(tuple(references)), table)
    findings = run.check()
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return CheckResult(tuple(findings), len(figures), len(ledger.facts), counts)


class _Run:
    """One check: pass 1 pairs each draft figure with the fact figures of the same value; pass 2 explains the
    rest (derived, leaked, altered, mis-summed or invented); then the facts' figures nobody wrote are missing."""

    def __init__(self, draft, ledger, figures, known, references, table):
        self.draft, self.ledger, self.figures, self.table = draft, ledger, figures, table
        self.known, self.references = known, references
        self.context = {id(q): bigrams(subject_of(draft, q, figures)) for q in figures}
        self.used: set[int] = set()            # ledger entries the draft wrote (or got wrong in place)
        self.findings: list[Finding] = []

    # ---- helpers -----------------------------------------------------------------------------------------
    def score(self, q: Quantity, e: Entry) -> float:
        """How much of the fact figure's subject stands around q in the draft (0..1, rare words weigh more)."""
        subject = self.ledger.subject_bigrams[e.index]
        if not subject:
            return 0.0
        here = self.context[id(q)]
        weights = self.ledger.weights
        return sum(weights[b] for b in subject & here) / self.ledger.subject_weight[e.index]

    def sentence(self, q: Quantity, ends: re.Pattern = None) -> tuple[int, int]:
        ends = ends or _SENTENCE_END
        starts = [m.end() for m in ends.finditer(self.draft, 0, q.start)]
        end = ends.search(self.draft, q.end)
        return (starts[-1] if starts else 0), (end.start() if end else len(self.draft))

    def add(self, kind: str, q: Quantity | None, message: str, fact_ids=(), level: str = "error", text=None):
        self.findings.append(Finding(kind, level, q.start if q else None, q.end if q else None,
                                     text if text is not None else q.text, message, tuple(fact_ids)))

    def equal_entries(self, q: Quantity) -> list[Entry]:
        return [e for e in self.ledger.entries if _supports(e.quantity, q, self.ledger)]

    # ---- the passes --------------------------------------------------------------------------------------
    def check(self) -> list[Finding]:
        pending = []
        for q in self.figures:
            matches = self.equal_entries(q)
            if matches:
                self.matched(q, matches)
            elif any(_supports(k, q, None) for k in self.known):
                continue
            else:
                pending.append(q)
        for q in pending:
            self.explain(q)
        self.missing()
        self.style()
        return sorted(self.findings, key=lambda f: (f.start is None, f.start or 0, f.kind))

    def matched(self, q: Quantity, matches: list[Entry]) -> None:
        same_qual = [e for e in matches if qualifier_class(e.quantity.qualifier) == qualifier_class(q.qualifier)]
        pool = same_qual or matches
        best = max(pool, key=lambda e: (self.score(q, e), e.index not in self.used))
        own = self.score(q, best)
        rivals = [e for e in self.ledger.of_class(q.unit_class) if e not in matches]
        if rivals and not (q.chinese and q.value == 1):
            top = max(rivals, key=lambda e: self.score(q, e))
            if self.score(q, top) >= STRONG and self.score(q, top) - own >= SWAP_MARGIN:
                self.used.update((best.index, top.index))
                self.add("mismatch", q, f"这里说的是“{_subject_words(top)}”，笔记中是“{top.quantity.text}”，"
                                        f"草稿写成“{q.text}”（“{q.text}”在笔记中属于另一件事）", (top.fact_id, best.fact_id))
                return
        if same_qual or q.kind == "date":
            self.used.add(best.index)
            return
        if own < WEAK and self.arithmetic(q):
            return                                          # the same value as an unrelated fact, but a wrong rate here
        self.used.add(best.index)
        was, now = best.quantity.qualifier or "无限定词", q.qualifier or "无限定词"
        self.add("qualifier", q, f"笔记写的是“{best.quantity.text}”（{was}），草稿写成“{q.text}”（{now}）："
                                 f"限定词不能增删或改动", (best.fact_id,))

    def explain(self, q: Quantity) -> None:
        if _word_like(q):
            return                                          # 一次, 一名, 两项: too often a word, never reported alone
        left = self.draft[max(0, q.start - 8):q.start]
        derivation = find_derivation(q, self.table, left)
        if derivation is not None:
            how = {"sum": "合计", "difference": "差", "rate": "比率"}[derivation.how]
            self.add("derived", q, f"由笔记中的数字推算（{how}）得出，核对无误", derivation.fact_ids, level="info")
            return
        if any(_supports(r, q, None) for r in self.references):
            self.add("leak", q, f"“{q.text}”出现在参考的往年材料中，但笔记里没有：可能是从往年材料抄来的数字")
            return
        candidates = [e for e in self.ledger.entries if e.index not in self.used and _comparable(e.quantity, q)]
        ranked = sorted(((self.score(q, e), e) for e in candidates), key=lambda t: -t[0])
        if ranked and ranked[0][0] >= STRONG:
            return self.mismatch(q, ranked[0][1])
        if self.arithmetic(q):
            return
        if ranked and ranked[0][0] >= WEAK:
            return self.mismatch(q, ranked[0][1])
        self.add("unsupported", q, f"笔记中没有“{q.text}”这个数字，也不能由笔记中的数字算出：请核实或删去")

    def mismatch(self, q: Quantity, e: Entry) -> None:
        self.used.add(e.index)
        self.add("mismatch", q, f"笔记中“{_subject_words(e)}”是“{e.quantity.text}”，草稿写成“{q.text}”", (e.fact_id,))

    def arithmetic(self, q: Quantity) -> bool:
        """A stated total that is not the sum of the parts written beside it, or a rate that its counts do not give."""
        start, end = self.sentence(q)
        if q.kind != "percent" and any(w in self.draft[max(start, q.start - 8):q.start] for w in TOTAL_WORDS):
            parts = self.parts(q)
            if len(parts) >= 2:
                total = sum(p.value for p in parts)
                if abs(total - q.value) > 1e-6:
                    self.add("arithmetic", q, f"合计应为{_fmt(total)}（{' + '.join(p.text for p in parts)}），"
                                              f"草稿写成“{q.text}”", self._facts_of(parts))
                    return True
        if q.kind == "percent":
            counts = [p for p in self.figures if start <= p.start < end and p.kind in ("count", "money")]
            pairs = [(a, b) for a in counts for b in counts if a.unit_class == b.unit_class and 0 < a.value < b.value]
            if pairs and not any(rate_matches(q, 100 * a.value / b.value) for a, b in pairs):
                a, b = pairs[0]
                self.add("arithmetic", q, f"按{b.text}中{a.text}计算应为{_fmt(100 * a.value / b.value)}%，"
                                          f"草稿写成“{q.text}”", self._facts_of([a, b]))
                return True
        return False

    def parts(self, q: Quantity) -> list[Quantity]:
        """The figures a stated total adds up: those of its class before it in its sentence, or after 其中."""
        for ends in (_SENTENCE_END, _PARAGRAPH_END):
            start, end = self.sentence(q, ends)
            same = [p for p in self.figures if start <= p.start < end and p is not q and p.unit_class == q.unit_class]
            before = [p for p in same if p.start < q.start]
            if len(before) >= 2:
                return before
        after = [p for p in same if p.start > q.end]
        if len(after) >= 2 and "其中" in self.draft[q.end:after[0].start]:
            return after
        return []

    def _facts_of(self, quantities) -> tuple[str, ...]:
        ids = [e.fact_id for p in quantities for e in self.ledger.entries if _supports(e.quantity, p, self.ledger)]
        return tuple(dict.fromkeys(ids))

    def missing(self) -> None:
        for e in self.ledger.entries:
            q = e.quantity
            if e.index in self.used or _word_like(q):
                continue
            if any(_supports(e.quantity, f, self.ledger) or _supports(f, e.quantity, None) for f in self.figures):
                continue
            self.add("missing", None, f"笔记中的“{q.text}”（{_subject_words(e)}）没有写进草稿", (e.fact_id,), text=q.text)

    def style(self) -> None:
        by_kind: dict[str, list[Quantity]] = {}
        for q in self.figures:
            if q.kind in ("count", "money", "percent") and not (q.chinese and q.value == 1):
                by_kind.setdefault(q.kind, []).append(q)
        names = {"count": "数量", "money": "金额", "percent": "百分比"}
        for kind, qs in by_kind.items():
            chinese = [q for q in qs if q.chinese]
            if chinese and len(chinese) < len(qs):
                odd = chinese if len(chinese) <= len(qs) / 2 else [q for q in qs if not q.chinese]
                self.add("style", odd[0], f"同一文中{names[kind]}混用阿拉伯数字和汉字数字（共{len(odd)}处与多数写法不同），建议统一",
                         level="info")


def _word_like(q: Quantity) -> bool:
    """一次, 一名, 两项, 两个: Chinese 一/两 with a classifier read as words more often than as figures."""
    return q.chinese and q.kind == "count" and (q.value == 1 or q.value == 2 and q.unit in ("项", "个", "类", "种", "方面"))


def _supports(e: Quantity, q: Quantity, ledger: Ledger | None) -> bool:
    """Fact figure e (or a known or reference figure) backs draft figure q: same class and value; a date may leave
    out parts; a draft year or month may be an end of a range; a bare number matches any figure of its value."""
    if q.kind == "number":
        return e.kind != "date" and abs(e.value - q.value) < 1e-6 or e.kind == "range" and q.value in (e.value, e.high) \
            or e.kind == "date" and e.date_parts[0] == q.value
    if q.kind == "date" and e.kind == "date":
        qy, qm, qd = q.date_parts
        ey, em, ed = e.date_parts
        if (qm or qd) and (qm, qd) != ((em if qm else 0), (ed if qd else 0)):
            return False
        if qm == 0 and qd == 0:
            return qy == ey
        return not qy or qy == ey or (ledger is not None and _year_known(qy, ledger))
    if q.kind == "date" and e.kind == "range":
        y, m, d = q.date_parts
        ends = (e.value, e.high)
        return (e.unit == "年" and not m and not d and y in ends) or (e.unit == "月" and not y and not d and m in ends)
    if e.unit_class != q.unit_class:
        return False
    return same_value(e, q)


def _year_known(year: int, ledger: Ledger) -> bool:
    return any(e.quantity.kind == "date" and e.quantity.date_parts[0] == year
               or e.quantity.kind == "range" and e.quantity.unit == "年" and year in (e.quantity.value, e.quantity.high)
               for e in ledger.entries)


def _comparable(e: Quantity, q: Quantity) -> bool:
    if q.kind == "number":
        return True
    if e.kind in ("date", "range") and q.kind in ("date", "range"):
        return e.unit_class == q.unit_class or e.kind == q.kind == "date"
    return e.unit_class == q.unit_class or (e.kind == q.kind == "count" and _close(e.value, q.value))


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def _subject_words(e: Entry) -> str:
    words = e.subject.replace("|", "").strip()
    return words or "该项"


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
