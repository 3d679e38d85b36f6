"""A draft as the checker reads it: its figures with the words around them, its sentences and paragraphs, and
the comparisons every check uses (a figure against a fact figure, a fact figure against a figure). Shared by the
passes in eval.check, eval.swaps and eval.arithmetic."""
from __future__ import annotations

import re
from bisect import bisect_left

from eval.findings import Finding
from eval.ledger import SESSION_CLASSES, Entry, Ledger, bigrams, groups_of, subjects_of
from eval.numbers import Quantity, qualifier_class, same_value

__all__ = ["DraftView", "supports", "comparable", "word_like", "subject_words", "fmt", "STRONG", "WEAK", "FACT_SIMILAR"]

# How much of a fact figure's subject must stand around a draft figure: STRONG ties it, WEAK suggests it.
STRONG, WEAK, FACT_SIMILAR = 0.5, 0.25, 0.3

_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_TOTAL_END = re.compile(r"[。！!？?\n]")           # a total may add up figures across 「；」
_PARAGRAPH_END = re.compile(r"\n")


class DraftView:
    """The draft's figures, indexed for the checks, and the findings so far."""

    def __init__(self, draft, ledger, figures, known, references, table):
        self.draft, self.ledger, self.figures, self.table = draft, ledger, figures, table
        self.known, self.references = known, references
        self.words = {id(q): words for q, words in zip(figures, subjects_of(draft, figures))}
        self.context = {key: bigrams(words) for key, words in self.words.items()}
        self.group_text = {id(q): g + "|" + self.words[id(q)].split("|")[1] for q, g in zip(figures, groups_of(draft, figures))}
        self.group_grams = {key: bigrams(text) for key, text in self.group_text.items()}
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(draft)]
        self.total_ends = [m.start() for m in _TOTAL_END.finditer(draft)]
        self.starts = [q.start for q in figures]
        self.by_class: dict[str, list[Quantity]] = {}
        for q in figures:
            self.by_class.setdefault(q.unit_class, []).append(q)
        self.paragraph_ends = [m.start() for m in _PARAGRAPH_END.finditer(draft)]
        self.sentence_grams: dict[int, set] = {}
        self._scores: dict[tuple[int, int], float] = {}
        self._clauses: dict[int, str] = {}
        self.owner: dict[int, Entry] = {}      # id(draft figure) → the fact figure it stands for
        self.used: set[int] = set()            # ledger entries the draft wrote (or got wrong in place)
        self.swap_pairs: list = []             # (draft figure, the entry of its value, the entry whose place it took)
        self.findings: list[Finding] = []

    def score(self, q: Quantity, e: Entry) -> float:
        """How much of the fact figure's subject stands around q in the draft (0..1, rare words weigh more)."""
        key = (id(q), e.index)
        if key not in self._scores:
            subject = self.ledger.subject_bigrams[e.index]
            weights = self.ledger.weights
            self._scores[key] = (sum(weights[b] for b in subject & self.context[id(q)]) / self.ledger.subject_weight[e.index]
                                 if subject else 0.0)
        return self._scores[key]

    def fact_score(self, q: Quantity, e: Entry) -> float:
        """How much of e's whole fact stands in q's sentence (for figures whose own words say little)."""
        fact = self.ledger.fact_bigrams[e.fact_id]
        if not fact:
            return 0.0
        if id(q) not in self.sentence_grams:
            start, end = self.span(q, self.sentence_ends)
            self.sentence_grams[id(q)] = bigrams(self.draft[start:end])
        return len(fact & self.sentence_grams[id(q)]) / len(fact)

    def figures_like(self, e: Quantity) -> list[Quantity]:
        """The draft figures a fact figure e can be written as: its class; dates and ranges; bare numbers."""
        if e.kind in ("date", "range"):
            keys = [c for c in self.by_class if c == "date" or c.startswith("range:") or c == "number"]
        elif e.unit_class in SESSION_CLASSES:
            keys = [*SESSION_CLASSES, "number"]
        else:
            keys = [e.unit_class, "number"]
        return [q for c in keys for q in self.by_class.get(c, ())]

    def span(self, q: Quantity, ends: list[int]) -> tuple[int, int]:
        i = bisect_left(ends, q.start)
        return (ends[i - 1] + 1 if i else 0), (ends[i] if i < len(ends) else len(self.draft))

    def same_sentence(self, q: Quantity, ends: list[int] | None = None) -> list[Quantity]:
        start, end = self.span(q, self.sentence_ends if ends is None else ends)
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [p for p in self.figures[lo:hi] if p is not q]

    def add(self, kind: str, q: Quantity | None, message: str, fact_ids=(), level: str = "error", text=None):
        self.findings.append(Finding(kind, level, q.start if q else None, q.end if q else None,
                                     text if text is not None else q.text, message, tuple(fact_ids)))

    def clause_before(self, q: Quantity) -> str:
        """The words of q's clause before it (back to the last comma or stop, at most 15 characters)."""
        if q.start not in self._clauses:
            before = self.draft[max(0, q.start - 15):q.start]
            self._clauses[q.start] = before[max(before.rfind(c) for c in "，,；;。！？\n") + 1:]
        return self._clauses[q.start]

    def sentence_before(self, q: Quantity) -> str:
        return self.draft[self.span(q, self.sentence_ends)[0]:q.start]

    def _facts_of(self, quantities) -> tuple[str, ...]:
        ids = [e.fact_id for p in quantities for e in backing(p, self.ledger)]
        return tuple(dict.fromkeys(ids))


def word_like(q: Quantity) -> bool:
    """一次, 一名, 两项, 两个: Chinese 一/两 with a classifier read as words more often than as figures."""
    return q.chinese and q.kind == "count" and (q.value == 1 or q.value <= 5 and q.unit in ("项", "个", "类", "种", "方面"))


def backing(q: Quantity, ledger: Ledger) -> list[Entry]:
    """The fact figures that support draft figure q (a count or an amount is looked up by its value)."""
    if q.kind in ("count", "money"):
        votes = {"count:人": "count:票", "count:票": "count:人"}.get(q.unit_class)   # 63名代表投了赞成票 for 63票
        return (ledger.of_value(q.unit_class, q.value) + ledger.of_value("number", q.value)
                + (ledger.of_value(votes, q.value) if votes else []))
    return [e for e in ledger.near(q) if supports(e.quantity, q, ledger)]


def supports(e: Quantity, q: Quantity, ledger: Ledger | None) -> bool:
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
    if e.kind == "number" and q.kind in ("count", "money"):        # 参与人次1200 → 1200人次
        return abs(e.value - q.value) < 1e-6
    if e.unit == "届次" and q.kind == "ordinal" and q.unit in ("届", "次"):   # 第五届…第三次会议 for 五届三次
        return q.value == (e.value // 100 if q.unit == "届" else e.value % 100)
    if e.unit_class != q.unit_class:
        return False
    if e.kind == "percent" and q.decimals < e.decimals and qualifier_class(e.qualifier) == qualifier_class(q.qualifier):
        step = 10.0 ** -q.decimals                          # 93.75% written 93.8%
        return abs(round(e.value / step) * step - q.value) < 1e-6
    return same_value(e, q)


def _year_known(year: int, ledger: Ledger) -> bool:
    """The notes give this year: in a fact, or in a heading above the facts (# 老年大学2026年计划)."""
    return any(e.quantity.kind == "date" and e.quantity.date_parts[0] == year
               or e.quantity.kind == "range" and e.quantity.unit == "年" and year in (e.quantity.value, e.quantity.high)
               for e in ledger.entries) or any(f"{year}年" in h for f in ledger.facts for h in f.headings)


def comparable(e: Quantity, q: Quantity) -> bool:
    if q.kind == "number":
        return True
    if e.kind in ("date", "range") and q.kind in ("date", "range"):
        return e.unit_class == q.unit_class or e.kind == q.kind == "date"
    if e.unit_class in SESSION_CLASSES and q.unit_class in SESSION_CLASSES:
        return True
    return e.unit_class == q.unit_class or (e.kind == q.kind == "count" and _close(e.value, q.value))


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def subject_words(e: Entry) -> str:
    words = e.subject.replace("|", "").strip()
    return words or "该项"


def fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
