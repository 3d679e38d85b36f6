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
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from eval.derived import DIFF_WORDS, TOTAL_WORDS, derivations, family, find_derivation, rate_matches
from eval.facts import Fact
from eval.ledger import Entry, Ledger, bigrams, build_ledger, groups_of, subjects_of
from eval.numbers import Quantity, extract_quantities, qualifier_class, same_value

__all__ = ["Finding", "CheckResult", "check_draft", "KINDS", "ERROR_KINDS"]

ERROR_KINDS = ("unsupported", "mismatch", "qualifier", "arithmetic", "missing", "leak")
KINDS = ERROR_KINDS + ("style", "derived")
STRONG, WEAK, SWAP_MARGIN, FACT_SIMILAR = 0.5, 0.25, 0.3, 0.3
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_CHANGE_WORDS = re.compile(r"较|同比|比上|增长|增加|提高|提升|下降|减少|上升")
_RATE_SYNONYMS = {"出席": ("出席", "实到", "到会", "参会"), "参与": ("参与", "参加", "参赛"),
                  "参检": ("参检", "受检", "体检", "检查"), "入会": ("入会", "会员"), "通过": ("通过", "合格"),
                  "合格": ("合格", "通过"), "获奖": ("获奖", "获"), "办结": ("办结", "答复", "办理"),
                  "答复": ("答复", "办结", "回复"), "出勤": ("出勤", "到岗"), "到会": ("到会", "实到", "出席", "参会"), "参保": ("参保", "投保")}
_REMAINDER = re.compile(r"结余|余额|其余|剩余|还剩|余下|剩下|尚余")
_AVERAGE = re.compile(r"人均|户均|平均")
_EACH = re.compile(r"每|人均|户均|平均|分别|各")
_ALL_WORDS = re.compile(r"全部|全体|所有|全员|均已|均参加|全覆盖|无一遗漏")
_TOTAL_END = re.compile(r"[。！!？?\n]")           # a total may add up figures across 「；」
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
    facts = tuple(facts)
    ledger, table = _prepared(facts)
    figures = extract_quantities(draft)
    headings = tuple(dict.fromkeys(f.section for f in facts if f.section))   # “# 2025-2026学年第一学期” typed by the chair
    run = _Run(draft, ledger, figures, _figures_of(tuple(known) + headings), _figures_of(tuple(references)), table)
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
        self.words = {id(q): words for q, words in zip(figures, subjects_of(draft, figures))}
        self.context = {key: bigrams(words) for key, words in self.words.items()}
        self.group_grams = {id(q): bigrams(g + "|" + self.words[id(q)].split("|")[1])
                            for q, g in zip(figures, groups_of(draft, figures))}
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(draft)]
        self.total_ends = [m.start() for m in _TOTAL_END.finditer(draft)]
        self.starts = [q.start for q in figures]
        self.by_class: dict[str, list[Quantity]] = {}
        for q in figures:
            self.by_class.setdefault(q.unit_class, []).append(q)
        self.paragraph_ends = [m.start() for m in _PARAGRAPH_END.finditer(draft)]
        self.sentence_grams: dict[int, set] = {}
        self.owner: dict[int, Entry] = {}      # id(draft figure) → the fact figure it stands for
        self.used: set[int] = set()            # ledger entries the draft wrote (or got wrong in place)
        self.findings: list[Finding] = []

    # ---- helpers -----------------------------------------------------------------------------------------
    def score(self, q: Quantity, e: Entry) -> float:
        """How much of the fact figure's subject stands around q in the draft (0..1, rare words weigh more)."""
        subject = self.ledger.subject_bigrams[e.index]
        if not subject:
            return 0.0
        weights = self.ledger.weights
        return sum(weights[b] for b in subject & self.context[id(q)]) / self.ledger.subject_weight[e.index]

    def fact_score(self, q: Quantity, e: Entry) -> float:
        """How much of e's whole fact stands in q's sentence (for figures whose own words say little)."""
        fact = self.ledger.fact_bigrams[e.fact_id]
        if not fact:
            return 0.0
        if id(q) not in self.sentence_grams:
            start, end = self.span(q, self.sentence_ends)
            self.sentence_grams[id(q)] = bigrams(self.draft[start:end])
        return len(fact & self.sentence_grams[id(q)]) / len(fact)

    def comparable(self, e: Quantity) -> list[Quantity]:
        """The draft figures a fact figure e can be written as: its class; dates and ranges; bare numbers."""
        if e.kind in ("date", "range"):
            keys = [c for c in self.by_class if c == "date" or c.startswith("range:") or c == "number"]
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

    # ---- the passes --------------------------------------------------------------------------------------
    def check(self) -> list[Finding]:
        pending = []
        for q in self.figures:
            matches = [e for e in self.ledger.near(q) if _supports(e.quantity, q, self.ledger)]
            if matches:
                trusted = any(self.score(q, e) >= WEAK for e in matches)
                if trusted or not self.stated_total(q):
                    self.matched(q, matches)
            elif not any(_supports(k, q, None) for k in self.known):
                pending.append(q)
        for q in self.figures:
            if id(q) in self.owner:
                self.sibling_swap(q)
        for q in pending:
            self.explain(q)
        self.missing()
        self.style()
        self.prefer_non_date_swaps()
        return sorted(self.findings, key=lambda f: (f.start is None, f.start or 0, f.kind))

    def matched(self, q: Quantity, matches: list[Entry]) -> None:
        same_qual = [e for e in matches if qualifier_class(e.quantity.qualifier) == qualifier_class(q.qualifier)]
        pool = same_qual or matches
        best = max(pool, key=lambda e: (self.score(q, e), e.index not in self.used, -e.index))
        own = self.score(q, best)
        rivals = [e for e in self.ledger.of_class(q.unit_class) if e not in matches]
        if rivals and not _word_like(q):
            here, around = self.context[id(q)], self.group_grams[id(q)]
            near = [e for e in rivals if self.ledger.subject_bigrams[e.index] & here
                    or self.ledger.group_bigrams[e.index] & around]       # only these can show a telling word
            swaps = [e for e in near if self.contrast(q, e, best)]
            top = max(swaps, key=lambda e: (self.score(q, e), e.index not in self.used, self.fact_score(q, e), -e.index),
                      default=None)
            if top is not None:
                self.used.update((best.index, top.index))
                return self.swapped(q, top)
        if q.kind == "date" and q.date_parts != best.quantity.date_parts:
            return                                          # 十月 for 10月17日: backed, but the slot stays open
        if same_qual or q.kind == "date":
            self.used.add(best.index)
            self.owner[id(q)] = best
            return
        if own < WEAK and self.arithmetic(q):
            return                                          # the same value as an unrelated fact, but a wrong rate here
        self.used.add(best.index)
        was, now = best.quantity.qualifier or "无限定词", q.qualifier or "无限定词"
        self.add("qualifier", q, f"笔记写的是“{best.quantity.text}”（{was}），草稿写成“{q.text}”（{now}）："
                                 f"限定词不能增删或改动", (best.fact_id,))

    def contrast(self, q: Quantity, other: Entry, own: Entry) -> bool:
        """q stands among the words that set `other`'s subject apart from its own fact figure's, and among none of
        the words that set its own apart: 区级课题立项4项 when the notes say 区级…11项 and 市级…4项."""
        mine, theirs = self.ledger.subject_bigrams[own.index], self.ledger.subject_bigrams[other.index]
        here = self.context[id(q)]
        telling = {g for g in (theirs - mine) & here if len(g) == 2}
        weights = self.ledger.weights
        shown = sum(weights.get(g, 1.0) for g in telling) / (sum(weights.get(g, 1.0) for g in theirs - mine) or 1.0)
        if (telling and not ((mine - theirs) & here) and self.score(q, other) > self.score(q, own)
                and (self.score(q, other) >= WEAK or shown >= 0.4)):
            return True
        if own.fact_id == other.fact_id or abs(self.score(q, own) - self.score(q, other)) > 0.05:
            return False                                    # the wider words only break a tie of the clause's own
        mine, theirs = self.ledger.group_bigrams[own.index], self.ledger.group_bigrams[other.index]
        here = self.group_grams[id(q)]
        telling = {g for g in (theirs - mine) & here if len(g) == 2}
        own_words = {g for g in mine - theirs if len(g) == 2}
        return bool(telling) and bool(own_words) and not (own_words & here)

    def prefer_non_date_swaps(self) -> None:
        """3月召开四届六次教代会 when the notes pair 3月 with 四届五次: the session is the wrong figure, the month
        only names the meeting; report the session alone."""
        swaps = [f for f in self.findings if f.kind == "mismatch" and "属于另一件事" in f.message]
        drop = set()
        for f in swaps:
            q = next(q for q in self.figures if q.start == f.start)
            if q.kind == "date":
                start, end = self.span(q, self.sentence_ends)
                if any(g is not f and start <= g.start < end and self._kind_at(g.start) != "date" for g in swaps):
                    drop.add(id(f))
        self.findings = [f for f in self.findings if id(f) not in drop]

    def _kind_at(self, start: int) -> str:
        return next(q.kind for q in self.figures if q.start == start)

    def swapped(self, q: Quantity, slot: Entry) -> None:
        self.add("mismatch", q, f"这里说的是“{_subject_words(slot)}”，笔记中是“{slot.quantity.text}”，草稿写成“{q.text}”"
                                f"（“{q.text}”在笔记中属于另一件事）", (slot.fact_id,))

    def sibling_swap(self, q: Quantity) -> None:
        """篮球赛队伍6支、队员64人 when the notes say 篮球赛…6支，队员48人 and 气排球赛…8支，队员64人: the figure
        right before q belongs to another fact, and that fact has a figure with q's subject but another value."""
        mine = self.owner[id(q)]
        before = [p for p in self.same_sentence(q) if p.end <= q.start and id(p) in self.owner]
        if not before or q.start - before[-1].end > 14:
            return
        other = self.owner[id(before[-1])]
        if other.fact_id == mine.fact_id:
            return
        for e in self.ledger.entries:
            if (e.fact_id == other.fact_id and e is not other and e.quantity.unit_class == q.unit_class
                    and not same_value(e.quantity, q) and self.score(q, e) >= STRONG
                    and self.score(q, e) >= self.score(q, mine)):
                del self.owner[id(q)]
                self.used.add(e.index)
                return self.swapped(q, e)

    def explain(self, q: Quantity) -> None:
        if _word_like(q):
            return                                          # 一次, 一名, 两项: too often a word, never reported alone
        slot = self.altered_slot(q)
        groups = self.total_parts(q, self.total_ends)
        adds_up = any(abs(sum(p.value for p in g) - q.value) < 1e-6 for g in groups)
        if slot is not None and not adds_up and (self.score(q, slot) >= STRONG or groups):
            return self.mismatch(q, slot)                   # 支出23.5万元 where the notes say 支出25.3万元
        claim = self.local_claim(q)
        if claim is not None and (claim[0] or not self.total_parts(q, self.total_ends)):
            ok, how = claim
            if ok:
                self.add("derived", q, f"由前文的数字算出（{how}），核对无误", level="info")
            else:
                self.add("arithmetic", q, f"{how}，草稿写成“{q.text}”")
            return
        if self.stated_total(q):
            return
        bases = self.rate_bases(q) if q.kind == "percent" else []
        if bases:                                           # a rate of the counts beside it: those decide
            if any(rate_matches(q, 100 * a.value / b.value) for a, b in bases):
                self.add("derived", q, "由前文的数字算出的比率，核对无误", self._facts_of(bases[0]), level="info")
                return
            derivation = find_derivation(q, self.table, self.clause_before(q))
            owner = self.owner.get(id(bases[0][0]))
            if derivation is not None and (owner is None or owner.fact_id not in derivation.fact_ids):
                derivation = None                           # an overall rate (5+1)/(6+2) must include the part here
        else:
            derivation = find_derivation(q, self.table, self.clause_before(q))
        if derivation is not None:
            how = {"sum": "合计", "difference": "差", "rate": "比率"}[derivation.how]
            self.add("derived", q, f"由笔记中的数字推算（{how}）得出，核对无误", derivation.fact_ids, level="info")
            return
        if any(_supports(r, q, None) for r in self.references):
            self.add("leak", q, f"“{q.text}”出现在参考的往年材料中，但笔记里没有：可能是从往年材料抄来的数字")
            return
        if self.arithmetic(q) or self.stated_total(q, paragraph=True):
            return
        if slot is not None:
            return self.mismatch(q, slot)
        self.add("unsupported", q, f"笔记中没有“{q.text}”这个数字，也不能由笔记中的数字算出：请核实或删去")

    def local_claim(self, q: Quantity) -> tuple[bool, str] | None:
        """A figure the draft computes from figures it wrote just before, and whether it is right:
        收入18.6万元，支出16.2万元，结余2.4万元 (a remainder), 12名…每人500元，共计6000元 (a product),
        全部参加 → 100%. None when q makes no such claim."""
        earlier = [p for p in self.same_sentence(q, self.total_ends) if p.end <= q.start]
        clause = self.clause_before(q)
        if q.kind == "percent" and q.value == 100 and _ALL_WORDS.search(self.draft[slice(*self.span(q, self.sentence_ends))]):
            return True, "“全部/全体”即100%"
        sentence_before = self.draft[self.span(q, self.total_ends)[0]:q.start]
        if q.kind == "money" and (_AVERAGE.search(clause) or _EACH.search(clause)):   # 慰问11人，发放6600元，人均600元
            amounts = [p for p in earlier if p.kind == "money" and p.value > q.value]
            heads = [p for p in self.same_sentence(q, self.paragraph_ends) if p.kind == "count" and p.end <= q.start and p.value]
            pairs = [(a.value, b.value) for a in amounts for b in heads] + self.ledger_quotients()
            if any(abs(a / b - q.value) < max(0.5, q.value * 0.005) for a, b in pairs):
                return True, "总额除以人数"
            if amounts and heads and _AVERAGE.search(clause):
                a, b = amounts[-1], heads[-1]
                return False, f"按{a.text}、{b.text}计算应为{_fmt(a.value / b.value)}元"
        if q.kind in ("count", "money") and (any(w in clause for w in DIFF_WORDS) or "其中" in sentence_before):
            same = [p for p in earlier if family(p.unit_class) == family(q.unit_class)]
            diffs = [(a, b) for a in same for b in same if a.value > b.value]
            if any(abs(a.value - b.value - q.value) < 1e-6 for a, b in diffs):
                return True, "前文两数之差"
            remainder = _REMAINDER.search(clause) or ("其他" in clause and "其中" in sentence_before)
            if diffs and remainder:
                a, b = diffs[-1] if len(same) > 2 else diffs[0]
                return False, f"按前文应为{_fmt(a.value - b.value)}（{a.text} − {b.text}）"
        if q.kind == "count":                                         # 考核120人，优秀率20%，优秀24人
            counts = [p for p in earlier if family(p.unit_class) == family(q.unit_class)]
            rates = [p for p in earlier if p.kind == "percent"]
            if any(abs(a.value * r.value / 100 - q.value) < 1e-6 for a in counts for r in rates):
                return True, "前文人数乘以比率"
        if q.kind == "money" and TOTAL_WORDS.search(clause):
            each = [p for p in earlier if p.kind == "money" and _EACH.search(self.clause_before(p))]
            counts = [p for p in self.same_sentence(q, self.paragraph_ends) if p.kind == "count" and p.end <= q.start]
            if each and counts:
                if any(abs(a.value * b.value - q.value) < 1e-6 for a in each for b in counts):
                    return True, "前文“每…”乘以数量"
                a, b = each[-1], max((c for c in counts if c.end <= each[-1].start), key=lambda c: c.end, default=counts[-1])
                return False, f"按{b.text}、每{a.text}计算应为{_fmt(a.value * b.value)}元"
        return None

    def ledger_quotients(self) -> list[tuple[float, float]]:
        """(amount, head count) of every fact that gives both: the facts' own averages."""
        by_fact: dict[str, list[Quantity]] = {}
        for e in self.ledger.entries:
            by_fact.setdefault(e.fact_id, []).append(e.quantity)
        return [(m.value, c.value) for qs in by_fact.values() for m in qs if m.kind == "money"
                for c in qs if c.kind == "count" and c.value]

    def altered_slot(self, q: Quantity) -> Entry | None:
        """The fact figure q most likely replaced: one the draft never wrote, of q's class, whose words (or whose
        fact's words) stand around q."""
        candidates = [e for e in dict.fromkeys(self.ledger.near(q)) if e.index not in self.used and _comparable(e.quantity, q)]
        if not candidates:
            return None
        best = max(candidates, key=lambda e: (self.score(q, e), self.fact_score(q, e), -e.index))
        if self.score(q, best) >= WEAK or self.fact_score(q, best) >= FACT_SIMILAR:
            return best
        alike = [e for e in candidates if e.quantity.unit_class == q.unit_class]
        if len(alike) == 1 and q.kind in ("rank", "ordinal", "date", "range"):
            return alike[0]                                 # the one 等奖 of the notes, written as another
        return None

    def mismatch(self, q: Quantity, e: Entry) -> None:
        self.used.add(e.index)
        self.add("mismatch", q, f"笔记中“{_subject_words(e)}”是“{e.quantity.text}”，草稿写成“{q.text}”", (e.fact_id,))

    def clause_before(self, q: Quantity) -> str:
        """The words of q's clause before it (back to the last comma or stop, at most 15 characters)."""
        before = self.draft[max(0, q.start - 15):q.start]
        cut = max(before.rfind(c) for c in "，,；;。！？\n")
        return before[cut + 1:]

    def stated_total(self, q: Quantity, paragraph: bool = False) -> bool:
        """共/合计 before q and at least two figures of its class before it in the sentence (or after it, after
        其中; or, with paragraph, in its paragraph): q must be their sum. True when q was judged here."""
        groups = self.total_parts(q, self.paragraph_ends if paragraph else self.total_ends)
        if not groups:
            return False
        if any(abs(sum(p.value for p in g[i:]) - q.value) < 1e-6 for g in groups for i in range(len(g) - 1)
               if g[0].start < q.start) or any(abs(sum(p.value for p in g) - q.value) < 1e-6 for g in groups):
            self.add("derived", q, f"合计（{' + '.join(p.text for p in groups[0])} 等）核对无误",
                     self._facts_of(groups[0]), level="info")
            return True
        parts = groups[0] if groups[0][0].start > q.start else groups[-1]
        self.add("arithmetic", q, f"合计应为{_fmt(sum(p.value for p in parts))}（{' + '.join(p.text for p in parts)}），"
                                  f"草稿写成“{q.text}”", self._facts_of(parts))
        return True

    def total_parts(self, q: Quantity, ends: list[int]) -> list[list[Quantity]]:
        """The ways to read q as a stated total (共/合计 before it, or 其中 after it) of the figures beside it."""
        announced = "其中" in self.draft[q.end:q.end + 8]
        if q.kind not in ("count", "money") or not (TOTAL_WORDS.search(self.clause_before(q)) or announced):
            return []
        return self.part_groups(q, ends)

    def part_groups(self, q: Quantity, ends: list[int]) -> list[list[Quantity]]:
        """Ways to read the parts of a stated total: all figures of its class before it in the sentence, or
        those with its very unit (5人 + 1人, not the 6名 recommended)."""
        family_too = q.unit == "人次" and ends is not self.paragraph_ends     # 36人 + 28人 + 64人 = 128人次
        same = [p for p in self.same_sentence(q, ends) if p.unit_class == q.unit_class
                or family_too and family(p.unit_class) == family(q.unit_class)]
        later = [p for p in self.same_sentence(q, self.paragraph_ends) if p.start > q.end and (p.unit_class == q.unit_class
                 or q.unit == "人次" and family(p.unit_class) == family(q.unit_class))]
        if later and "其中" in self.draft[q.end:min(later[0].start, q.end + 12)]:
            stop = min((i for i in (self.draft.find(c, later[0].end) for c in "。；") if i >= 0), default=-1)
            after = [p for p in later if stop < 0 or p.start < stop]
            return [after[:n] for n in range(len(after), 1, -1)]   # the parts run from 其中 on, maybe not to the end
        before = [p for p in same if p.start < q.start]
        if len(before) < 2:
            return []
        groups = [before]
        exact = [p for p in before if p.unit == q.unit]
        if 2 <= len(exact) < len(before):
            groups.append(exact)
        return groups

    def rate_bases(self, q: Quantity) -> list[tuple[Quantity, Quantity]]:
        """(part, whole) pairs a stated rate can be of: the figure just before it over any larger figure of its
        class in the paragraph, or any two figures of one class in its sentence."""
        clause = self.clause_before(q)
        if _CHANGE_WORDS.search(clause):
            return []                                       # 较上年增长50%: a change, not a share of these counts
        earlier = [p for p in self.same_sentence(q) if p.end <= q.start]
        before = [p for p in earlier if p.kind in ("count", "money")]
        if not before:
            return []
        named = re.search(r"([\u4e00-\u9fff]{2})(?:率|比例)", clause)   # 优秀率 → the 优秀 figure
        paragraph = self.same_sentence(q, self.paragraph_ends)

        def wholes(part: Quantity) -> list[tuple[Quantity, Quantity]]:
            return [(part, b) for b in paragraph if b is not part and b.kind == part.kind
                    and family(b.unit_class) == family(part.unit_class) and b.value >= part.value > 0]

        if named:
            words = _RATE_SYNONYMS.get(named.group(1), (named.group(1),))
            own = [p for p in before if any(w in self.words[id(p)] for w in words)]
            return wholes(own[-1]) if own else []           # 满意率98% after counts of 意见建议: not their rate
        if earlier[-1] is not before[-1]:
            return []                                       # 办结率100%，满意率98%: 98% is not of the counts before
        nearest = before[-1]                                # 会员148人，占教职工150人的98.7%: part or whole
        return wholes(nearest) + [(a, nearest) for a in before if a is not nearest and a.kind == nearest.kind
                                  and family(a.unit_class) == family(nearest.unit_class) and 0 < a.value <= nearest.value]

    def arithmetic(self, q: Quantity) -> bool:
        """A rate that the counts written beside it do not give."""
        if q.kind != "percent":
            return False
        pairs = self.rate_bases(q)
        if not pairs or any(rate_matches(q, 100 * a.value / b.value) for a, b in pairs):
            return False
        a, b = pairs[-1]
        self.add("arithmetic", q, f"按{b.text}中{a.text}计算应为{_fmt(100 * a.value / b.value)}%，草稿写成“{q.text}”",
                 self._facts_of([a, b]))
        return True

    def _facts_of(self, quantities) -> tuple[str, ...]:
        ids = [e.fact_id for p in quantities for e in self.ledger.near(p) if _supports(e.quantity, p, self.ledger)]
        return tuple(dict.fromkeys(ids))

    def missing(self) -> None:
        reported: set[str] = set()
        for e in sorted(self.ledger.entries, key=lambda e: e.quantity.kind == "rank"):
            q = e.quantity
            if e.index in self.used or _word_like(q):
                continue
            if any(_supports(e.quantity, f, self.ledger) or _supports(f, e.quantity, None) for f in self.comparable(q)):
                continue
            if q.kind == "rank" and e.fact_id in reported:
                continue                                    # 其中一等奖2人 dropped: 2人 is missing, not the rank too
            reported.add(e.fact_id)
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
    return q.chinese and q.kind == "count" and (q.value == 1 or q.value <= 5 and q.unit in ("项", "个", "类", "种", "方面"))


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
