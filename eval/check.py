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
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from eval.arithmetic import ArithmeticChecks
from eval.derived import (DOWN_WORDS, TOTAL_WORDS, UP_WORDS, derivations, enumerations, family, find_derivation,
                          rate_matches, rounding)
from eval.draft_view import FACT_SIMILAR, STRONG, WEAK, backing, comparable, fmt, subject_words, supports, word_like
from eval.facts import Fact
from eval.findings import ERROR_KINDS, KINDS, CheckResult, Finding
from eval.ledger import SESSION_CLASSES, Entry, Ledger, build_ledger
from eval.numbers import Quantity, extract_quantities, qualifier_class, same_value
from eval.numerals import chinese_value
from eval.respective import RespectiveLists
from eval.swaps import SwapChecks

__all__ = ["Finding", "CheckResult", "check_draft", "KINDS", "ERROR_KINDS"]


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
    headings = tuple(dict.fromkeys(h for f in facts for h in (*f.headings, f.section) if h))   # “# 2025年秋季学期”
    run = _Run(draft, ledger, figures, _figures_of(tuple(known) + headings), _figures_of(tuple(references)), table)
    findings = run.check()
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    return CheckResult(tuple(findings), len(figures), len(ledger.facts), counts)


_HOW = {"sum": "合计", "difference": "差", "rate": "比率", "product": "乘积", "count": "计数", "base": "由部分和占比推算总数",
        "change": "增减幅度"}
_FESTIVALS = {(3, 8): "三八", (5, 1): "五一", (5, 4): "五四", (6, 1): "六一", (7, 1): "七一", (8, 1): "八一",
              (9, 10): "教师节", (10, 1): "国庆", (1, 1): "元旦"}
_RANGE_SEPARATOR = re.compile(r"\s*[-－—–~～至到]+\s*")


def wrong_part(q: Quantity, e: Quantity) -> Quantity:
    """The end of a range that differs from the notes' one, when each end is written as a figure of its own: 8月
    of 4月至8月 when the notes say 4月至6月 (9-11月 stays whole). Otherwise q itself."""
    if q.kind == "range" and e.kind == "range" and q.unit == e.unit and (q.value == e.value) != (q.high == e.high):
        sep = _RANGE_SEPARATOR.search(q.text)
        if sep is not None and q.text[:sep.start()].endswith(q.unit):
            if q.value == e.value:
                return replace(q, start=q.start + sep.end(), text=q.text[sep.end():])
            return replace(q, end=q.start + sep.start(), text=q.text[:sep.start()])
    return q


def _years(k: Quantity) -> list[int]:
    if k.kind == "date" and not k.date_parts[1] and not k.date_parts[2] or k.kind == "date":
        return [k.date_parts[0]]
    return [int(k.value), int(k.high or 0)] if k.kind == "range" and k.unit == "年" else []


_CLAUSE_QUALIFIER = re.compile(r"不超过|不少于|不低于|不高于|至少|最多|超过")


def _notes_qualifier(e) -> str:
    """A qualifier the notes put before the verb of a figure's clause (优秀比例不超过教职工总数的15%)."""
    found = _CLAUSE_QUALIFIER.findall(e.subject.partition("|")[0])
    return qualifier_class(found[-1]) if found else ""


_EACH_ITEM = re.compile(r"([\u4e00-\u9fff、和与及]+?)各[\u4e00-\u9fff]{0,8}$")
_TOP_PLACES = re.compile(r"前([一二两三四五六七八九十]+|[0-9]+)名")
_NAMED_UNITS = ("部", "所", "家", "组", "队", "支", "校区", "类")    # units that end the names they count
_QUALIFIED_VERB = re.compile(r"(大约|约|将近|接近|近|超过|逾)(?:占|为|有|达)[\u4e00-\u9fff]{0,8}$")


class _Run(SwapChecks, ArithmeticChecks, RespectiveLists):
    """One check: pass 1 pairs each draft figure with the fact figures of the same value; pass 2 explains the
    rest (derived, leaked, altered, mis-summed or invented); then the facts' figures nobody wrote are missing."""

    def check(self) -> list[Finding]:
        self.respective = self.find_respective_lists()    # 分别有12支和8支: judged by the order of the subjects
        self.labels = {e.index for run in enumerations(self.ledger).values() for e in run}   # 第一批, 第二批: item labels
        self.derivation_cache: dict[int, object] = {}
        pending = []
        for q in self.figures:
            matches = (backing(q, self.ledger) or self.session_parts(q)
                       or self.reclassified(q))
            if matches:
                trusted = any(self.score(q, e) >= WEAK for e in matches)
                if not trusted and self.claimed(q, worded=True, wrong_only=True):
                    continue                                # 其余3件 that happens to equal an unrelated 3项
                if not trusted and self.worded_sum(q):
                    continue                                # 申报中高级职称共9人 (6 + 3), not the 评审小组9人
                if trusted or self.parts_are_facts(q) or not self.stated_total(q):
                    self.matched(q, matches)
            elif not any(supports(k, q, None) for k in self.known):
                pending.append(q)
        self.respective_swaps(self.respective)
        for q in self.figures:
            if id(q) in self.owner:
                self.sibling_swap(q)
        self.complete_swaps()
        for q in pending:
            self.explain(q)
        self.top_places()
        self.missing()
        self.style()
        self.prefer_non_date_swaps()
        return sorted(self.findings, key=lambda f: (f.start is None, f.start or 0, f.kind))

    def qualifier_before_verb(self, q: Quantity, qualifier: str) -> bool:
        """每月至少开展一次 for 至少1次: the qualifier stands before the verb, a few characters ahead of q."""
        words = [w for w in qualifier.split("+") if len(w) >= 2]
        before = self.clause_before(q)[-6:]
        verb = _QUALIFIED_VERB.search(self.clause_before(q))       # 四成左右 written as 约占…的四成
        return (bool(words) and any(w in before for w in words)
                or verb is not None and qualifier_class(verb.group(1)) == qualifier_class(qualifier) != "")

    def reclassified(self, q: Quantity) -> list[Entry]:
        """26个家庭 for 参加家庭26户: the same count with another classifier, among the fact's own words."""
        if q.kind != "count":
            return []
        return [e for e in self.ledger.counts if e.quantity.value == q.value and not e.quantity.qualifier
                and not q.qualifier and family(e.quantity.unit_class) != family(q.unit_class)   # 人 ≠ 人次
                and self.score(q, e) >= WEAK]

    def worded_sum(self, q: Quantity) -> bool:
        """A figure that a total word marks and a sum of the facts gives: derived, even if a fact has its value."""
        if q.kind not in ("count", "money") or not TOTAL_WORDS.search(self.clause_before(q)):
            return False
        derivation = find_derivation(q, self.table, self.clause_before(q))
        if derivation is None or derivation.how != "sum":
            return False
        self.add("derived", q, "由笔记中的数字推算（合计）得出，核对无误", derivation.fact_ids, level="info")
        return True

    def session_parts(self, q: Quantity) -> list[Entry]:
        """六届二次 where one fact writes 第六届…第二次会议: both parts back it."""
        if q.unit != "届次":
            return []
        parts = [e for e in self.ledger.entries if e.quantity.kind == "ordinal"
                 and (e.quantity.unit, e.quantity.value) in (("届", q.value // 100), ("次", q.value % 100))]
        return parts if len({e.quantity.unit for e in parts}) == 2 and len({e.fact_id for e in parts}) == 1 else []

    def claimed(self, q: Quantity, worded: bool = False, wrong_only: bool = False, claim=None) -> bool:
        """q is a remainder, product or average the draft works out from the figures beside it: judged as such.
        wrong_only: for a figure that also equals a fact's, only a wrong claim decides (a right one may be chance).
        claim: local_claim(q) when the caller has it already."""
        claim = claim or self.local_claim(q, worded)
        if claim is None or wrong_only and claim[0]:
            return False
        ok, how = claim
        if ok:
            self.add("derived", q, f"由前文的数字算出（{how}），核对无误", level="info")
        else:
            self.add("arithmetic", q, f"{how}，草稿写成“{q.text}”")
        return True

    def parts_are_facts(self, q: Quantity) -> bool:
        """A total the notes give, with parts the notes give too (委员9名，其中女性5名、一线教师6名): how they relate
        is the chair's knowledge, not the draft's arithmetic."""
        groups = self.total_parts(q, self.total_ends)
        return bool(groups) and all(backing(p, self.ledger)
                                    for p in groups[0])

    def may_tell(self, q: Quantity, own: Entry) -> set[int]:
        """The entries whose words stand around q and that have a word around q its own entry lacks: only these can
        show a telling word (a necessary condition of the swap tests, found through the ledger's word indices)."""
        ledger, here, around = self.ledger, self.context[id(q)], self.group_grams[id(q)]
        present = ledger.with_words(ledger.subject_index, here) | ledger.with_words(ledger.group_index, around)
        telling = (ledger.with_words(ledger.subject_index, (here | around) - ledger.subject_bigrams[own.index])
                   | ledger.with_words(ledger.group_index, around - ledger.group_bigrams[own.index]))
        return present & telling

    def matched(self, q: Quantity, matches: list[Entry]) -> None:
        same_qual = [e for e in matches if qualifier_class(e.quantity.qualifier) == qualifier_class(q.qualifier)
                     or not q.qualifier and self.qualifier_before_verb(q, e.quantity.qualifier)
                     or q.qualifier and not e.quantity.qualifier and _notes_qualifier(e) == qualifier_class(q.qualifier)]
        pool = same_qual or matches
        best = max(pool, key=lambda e: (self.score(q, e), e.index not in self.used, -e.index))
        own_score = self.score(q, best)
        taken = {e.index for e in matches}
        rivals = [e for e in self.ledger.of_class(q.unit_class) if e.index not in taken]
        if (rivals and not word_like(q) and id(q) not in self.respective
                and (best.index not in self.labels or best.quantity.unit == "名")):   # 第一批 names; 第一名 is a result
            here, around = self.context[id(q)], self.group_grams[id(q)]
            telling = self.may_tell(q, best)
            near = [e for e in rivals if e.index in telling or e.fact_id == best.fact_id or self.ranked(q, e, best)]
            swaps = [e for e in near if self.contrast(q, e, best)]
            top = max(swaps, key=lambda e: (self.score(q, e), e.index not in self.used, self.fact_score(q, e), -e.index),
                      default=None)
            if top is not None:
                self.used.update((best.index, top.index))
                self.swap_pairs.append((q, best, top))
                return self.swapped(q, top)
        if q.kind == "date" and q.date_parts != best.quantity.date_parts:
            return                                          # 十月 for 10月17日: backed, but the slot stays open
        if same_qual or q.kind == "date":
            self.used.add(best.index)
            self.owner[id(q)] = best
            return
        if own_score < WEAK and self.arithmetic(q):
            return                                          # the same value as an unrelated fact, but a wrong rate here
        claim = self.local_claim(q) if q.kind == "money" and not q.qualifier else None
        if claim is not None and claim[0]:
            self.add("derived", q, f"由前文的数字算出（{claim[1]}），核对无误", level="info")
            return                                          # 9.6万元…64人，人均1500元 beside 人均不超过1500元
        self.used.add(best.index)
        was, now = best.quantity.qualifier or "无限定词", q.qualifier or "无限定词"
        self.add("qualifier", q, f"笔记写的是“{best.quantity.text}”（{was}），草稿写成“{q.text}”（{now}）："
                                 f"限定词不能增删或改动", (best.fact_id,))

    def explain(self, q: Quantity) -> None:
        if word_like(q):
            slot = self.altered_slot(q) if q.value >= 3 else None
            if slot is not None and self.score(q, slot) >= STRONG:
                self.mismatch(q, slot)                      # 先进集体五个 where the notes say 先进集体3个
            return                                          # 一次, 一名, 两项: too often a word, never reported alone
        if (self.counts_the_list_before(q) or self.spans_given_months(q) or self.labels_invented_count(q)
                or self.share_of_each(q)):
            return
        early = self.derivation_of(q) if TOTAL_WORDS.search(self.sentence_before(q)) else None
        if early is not None and early.how == "sum" and early.size >= 3 and not self.total_parts(q, self.total_ends):
            self.add("derived", q, "由笔记中的数字推算（合计）得出，核对无误", early.fact_ids, level="info")
            return                                          # 以上三项合计…实际支出40.4万元 (11.4 + 4 + 25)
        if self.total_of_named_facts(q):
            return
        slot = self.altered_slot(q)
        if (slot is not None and q.kind == slot.quantity.kind == "count" and same_value(q, slot.quantity)
                and not q.qualifier and not slot.quantity.qualifier and self.score(q, slot) >= WEAK):
            self.used.add(slot.index)                       # 名额6个 written as 评出6名, 12人 as 12人次:
            self.owner[id(q)] = slot                        # the same count with another classifier
            return
        groups = self.total_parts(q, self.total_ends)
        adds_up = any(abs(self.total_of(g) - q.value) < 1e-6 for g in groups)
        if slot is not None and not adds_up and (self.score(q, slot) >= STRONG or groups):
            derivation = self.derivation_of(q)
            if derivation is not None and derivation.how == "difference":
                self.add("derived", q, "由笔记中的数字推算（差）得出，核对无误", derivation.fact_ids, level="info")
                return                                      # 计划3次，较去年增加1次 (去年2次)
            return self.mismatch(q, slot)                   # 支出23.5万元 where the notes say 支出25.3万元
        claim = self.local_claim(q)
        if claim is not None and not claim[0] and slot is not None and (self.local_claim(
                replace(q, value=slot.quantity.value)) or (False,))[0]:
            return self.mismatch(q, slot)                   # 未达标的2人 where the notes say 未达标3人 (30 − 27)
        if claim is not None and (claim[0] or not groups):
            derivation = None if claim[0] else self.derivation_of(q)
            if derivation is not None and derivation.how in ("product", "sum") and derivation.size >= 3:
                self.add("derived", q, f"由笔记中的数字推算（{_HOW[derivation.how]}）得出，核对无误", derivation.fact_ids,
                         level="info")
                return                                      # 2名…每人1万元，另补助每人3000元，共2.6万元: not 2 × 3000
            self.claimed(q, claim=claim)
            return
        if self.stated_total(q):
            return
        if q.kind == "percent" and id(q) in self.respective:    # 实到分别为56人、57人，出席率分别为96.6%和98.3%
            counts = [p for p in self.same_sentence(q) if p.kind == "count" and p.value > 0]
            if any(rate_matches(q, 100 * a.value / b.value) for a in counts for b in counts if a.value <= b.value):
                self.add("derived", q, "由同句的数字算出的比率，核对无误", level="info")
                return
        bases = self.rate_bases(q) if q.kind == "percent" else []
        if bases:                                           # a rate of the counts beside it: those decide
            right = [(a, b) for a, b in bases if rate_matches(q, 100 * a.value / b.value)]
            if right:
                self.used.update(e.index for e in self.ledger.entries if any(e.quantity is x for x in right[0]))
                self.add("derived", q, "由前文的数字算出的比率，核对无误", self._facts_of(bases[0]), level="info")
                return                                      # 参与率96% of the notes' 100人: 100人 is used
            derivation = self.derivation_of(q)
            owner = self.owner.get(id(bases[0][0]))
            if derivation is not None and (owner is None or owner.fact_id not in derivation.fact_ids):
                derivation = None                           # an overall rate (5+1)/(6+2) must include the part here
        else:
            derivation = self.derivation_of(q)
        if derivation is not None:
            self.add("derived", q, f"由笔记中的数字推算（{_HOW[derivation.how]}）得出，核对无误", derivation.fact_ids,
                     level="info")
            return
        if any(supports(r, q, None) for r in self.references):
            self.add("leak", q, f"“{q.text}”出现在参考的往年材料中，但笔记里没有：可能是从往年材料抄来的数字")
            return
        if self.arithmetic(q) or slot is None and self.stated_total(q, paragraph=True):
            return                                          # (a total over the paragraph only when no fact figure fits)
        if slot is not None:
            return self.mismatch(q, slot)
        given = self.given_year_not_written(q)
        if given is not None:
            self.add("mismatch", q, f"笔记（或标题、时段）中是“{given.text}”，草稿写成“{q.text}”")
            return
        if self.sentence_rate(q) or self.sum_of_other_counts(q):
            return
        near = self.near_total(q)
        if near is not None:
            how = "合计" if near.how == "sum" else "相乘"
            self.add("arithmetic", q, f"按笔记中的数字{how}应为{fmt(near.value)}，草稿写成“{q.text}”", near.fact_ids)
            return
        parts = self.near_sum_before(q)
        if parts and abs(sum(p.value for p in parts) - q.value) < 1e-6:
            self.add("derived", q, "前文各数之和，核对无误", self._facts_of(parts), level="info")
            return
        if parts:
            self.add("arithmetic", q, f"前文{'、'.join(p.text for p in parts)}合计应为{fmt(sum(p.value for p in parts))}，"
                                      f"草稿写成“{q.text}”", self._facts_of(parts))
            return
        self.add("unsupported", q, f"笔记中没有“{q.text}”这个数字，也不能由笔记中的数字算出：请核实或删去")

    def derivation_of(self, q: Quantity):
        """The facts' derivation that gives q, with the words of its clause and sentence (looked up once)."""
        if id(q) not in self.derivation_cache:
            self.derivation_cache[id(q)] = find_derivation(q, self.table, self.clause_before(q), self.sentence_before(q))
        return self.derivation_cache[id(q)]

    def total_of_named_facts(self, q: Quantity) -> bool:
        """为在职教职工和退休教师共229人: a total whose clause names two or more facts' subjects in full; judged
        against their sum."""
        clause = self.clause_before(q)
        if q.kind not in ("count", "money") or not TOTAL_WORDS.search(clause) or not re.search(r"[和与及、]", clause):
            return False
        named = [e for e in self.ledger.of_class(q.unit_class) if self.score(q, e) >= 0.99 and e.quantity.value < q.value]
        if len({e.fact_id for e in named}) < 2:
            return False
        total = sum(e.quantity.value for e in named)
        self.used.update(e.index for e in named)
        parts = "、".join(e.quantity.text for e in named)
        if abs(total - q.value) <= rounding(q):
            self.add("derived", q, f"合计（{parts}），核对无误", tuple(e.fact_id for e in named), level="info")
        else:
            self.add("arithmetic", q, f"笔记中{parts}合计应为{fmt(total)}，草稿写成“{q.text}”", tuple(e.fact_id for e in named))
        return True

    def sum_of_other_counts(self, q: Quantity) -> bool:
        """一等奖3名、二等奖6名、三等奖10名，共19个获奖名额: a worded total of the counts just before it, in another
        classifier. Accepted only when exact."""
        if q.kind != "count" or not TOTAL_WORDS.search(self.clause_before(q)):
            return False
        before = [p for p in self.same_sentence(q) if p.end <= q.start and p.kind == "count" and p.value > 0]
        for n in range(2, min(len(before), 6) + 1):
            if abs(sum(p.value for p in before[-n:]) - q.value) < 1e-6:
                self.add("derived", q, f"合计（{' + '.join(p.text for p in before[-n:])}），核对无误",
                         self._facts_of(before[-n:]), level="info")
                return True
        return False

    def sentence_rate(self, q: Quantity) -> bool:
        """达标率77.4% after 532名教职工报名，412人完成: a rate of two counts of one kind earlier in its sentence, named
        or not. Accepted only; a wrong one stays for the checks above (a named rate) or is reported as unsupported."""
        clause = self.clause_before(q)
        if q.kind != "percent" or UP_WORDS.search(clause) or DOWN_WORDS.search(clause) or re.search(r"同比|较", clause):
            return False                                    # 较上学年增长50%: a change, not a share
        before = [p for p in self.same_sentence(q) if p.end <= q.start and p.kind == "count" and p.value > 0]
        pairs = [(a, b) for a in before for b in before if a is not b and family(a.unit_class) == family(b.unit_class)
                 and a.value <= b.value]
        right = [(a, b) for a, b in pairs if rate_matches(q, 100 * a.value / b.value)]
        if not right:
            return False
        self.add("derived", q, "由同句的两个数字算出的比率，核对无误", self._facts_of(right[0]), level="info")
        return True

    def near_sum_before(self, q: Quantity) -> list[Quantity]:
        """新入职教师9人、保育员4人，为13名新教职工…: a figure at or a little off the sum of the parts just before it
        (the sum is right; a figure a little off it is a wrong sum, not an invented one)."""
        if q.kind != "count":
            return []
        parts = [p for p in self.same_sentence(q) if p.end <= q.start and family(p.unit_class) == family(q.unit_class)]
        gap = self.draft[parts[-1].end:q.start] if parts else ""
        if re.fullmatch(r"[、][\u4e00-\u9fff]{1,6}", gap) and not re.search(r"共|合计|总|计|获奖|累计", gap):
            return []                                       # 一等奖2人、二等奖3人、优秀奖4人: another item, not a total
        runs = [parts[-k:] for k in range(len(parts), 1, -1) if k == len(parts) or k >= 3]   # 30人参赛，一等奖3人、
        # 二等奖5人、三等奖8人，获奖17人 (a shorter run than all the parts only of three or more: 3人、5人…8名评委)
        near = [run for run in runs if q.value > max(p.value for p in run)
                and abs(sum(p.value for p in run) - q.value) <= max(2, 0.1 * sum(p.value for p in run))]
        exact = [run for run in near if abs(sum(p.value for p in run) - q.value) < 1e-6]
        return (exact or near or [[]])[0]

    def near_total(self, q: Quantity):
        """A stated total (共计5.9万元) that no sum or product of the facts gives, but one comes close: a wrong
        total rather than an invented figure (95人 × 人均600元 = 5.7万元)."""
        if q.kind not in ("count", "money") or not TOTAL_WORDS.search(self.clause_before(q)):
            return None
        close = [d for d in self.table if d.how in ("sum", "product") and d.unit_class == family(q.unit_class)
                 and d.value > 0 and abs(d.value - q.value) <= 0.15 * d.value]
        return min(close, key=lambda d: abs(d.value - q.value), default=None)

    def labels_invented_count(self, q: Quantity) -> bool:
        """二等奖4名 where the notes have no 二等奖 at all, 35周岁以下青年教师41人: the invented figure is the count, the
        rank or age only names who it counts."""
        if q.kind != "rank" and q.unit not in ("岁", "周岁"):
            return False
        later = [p for p in self.figures if p.start >= q.end]
        reach = 2 if q.kind == "rank" else 8
        return bool(later) and later[0].start - q.end <= reach and later[0].kind == "count" and not any(
            backing(later[0], self.ledger))

    def counts_the_list_before(self, q: Quantity) -> bool:
        """校级帮扶、上级救助和爱心捐款三条渠道; 端午、中秋两个节日: a small Chinese count of the items just listed
        (or listed right after it, after a colon; or the notes' facts that name the thing counted)."""
        if not (q.chinese and q.kind == "count" and 2 <= q.value <= 9):
            return False
        items = [w for w in re.split(r"[、和与及]", self.clause_before(q)) if w.strip()]
        after = re.match(r"[\u4e00-\u9fff]{0,4}(?:[：:]|分别为|分别是)([^，。；;：:]+)", self.draft[q.end:q.end + 120])
        listed = [w for w in re.split(r"[、和与及]", after.group(1)) if w.strip()] if after else []
        noun = re.match(r"[\u4e00-\u9fff]{2}", self.draft[q.end:])
        named = sum(noun.group() in f.text for f in self.ledger.facts) if noun else 0   # 三条线路: 线路一…线路三
        if q.unit in _NAMED_UNITS and not named:            # 两部合计: 机电专业部…, 信息技术专业部…
            named = sum(q.unit in f.text for f in self.ledger.facts)
        if q.value not in (len(items), len(listed), named):     # 三条线路：威海42人、呼伦贝尔36人、婺源34人
            return False
        self.add("derived", q, "前文列举的项数", level="info")
        return True

    def share_of_each(self, q: Quantity) -> bool:
        """在本部和高新校区各建成母婴室1间 for the notes' 新建母婴室2间: what each of the listed items got."""
        each = _EACH_ITEM.search(self.clause_before(q) if len(self.clause_before(q)) < 15 else self.sentence_before(q)[-24:])
        items = [w for w in re.split(r"[、和与及]", each.group(1)) if w] if each else []
        whole = [e for e in self.ledger.of_class(q.unit_class) if len(items) >= 2 and same_value(
                 replace(q, value=q.value * len(items)), e.quantity)]
        if not whole:
            return False
        self.used.update(e.index for e in whole[:1])
        self.add("derived", q, f"{len(items)}处各{q.text}，合计{whole[0].quantity.text}，核对无误", (whole[0].fact_id,),
                 level="info")
        return True

    def spans_given_months(self, q: Quantity) -> bool:
        """4至6月 when the notes give 4月, 5月 and 6月; 1日至30日 for 9月1日至9月30日: the span of the facts' own
        months or days."""
        if q.kind != "range" or q.unit not in ("月", "日", "年"):
            return False
        part = {"年": 0, "月": 1, "日": 2}[q.unit]                # 2023年至2025年 for the notes' 2023年…2025年
        given = {e.quantity.date_parts[part] for e in self.ledger.entries if e.quantity.kind == "date"}
        if not {int(q.value), int(q.high)} <= given:
            return False
        self.add("derived", q, "笔记中各月份的起止", level="info")
        return True

    def given_year_not_written(self, q: Quantity) -> Quantity | None:
        """A year in the draft where the notes' heading or the period gives another one that the draft never
        writes: 2023年 for “# 2024年”."""
        if q.kind == "range" and q.unit == "年":             # 2023—2024学年 under “# 2024-2025学年”
            given = [k for k in list(self.known) + [e.quantity for e in self.ledger.entries]
                     if k.kind == "range" and k.unit == "年"]
            return given[0] if len(given) == 1 else None
        if q.kind != "date" or q.date_parts[1] or q.date_parts[2]:
            return None
        given = [(year, k) for k in list(self.known) + [e.quantity for e in self.ledger.entries]
                 for year in _years(k) if year]
        years = {year for year, _ in given}
        for year, k in given:
            written = any(f.kind == "date" and f.date_parts[0] == year or f.kind == "range" and year in (f.value, f.high)
                          for f in self.figures)
            if year != q.date_parts[0] and (not written or len(years) == 1):
                return k                                    # “2026年工作计划” then 2025年 in the text
        return None

    def altered_slot(self, q: Quantity) -> Entry | None:
        """The fact figure q most likely replaced: one the draft never wrote, of q's class, whose words (or whose
        fact's words) stand around q."""
        candidates = [e for e in dict.fromkeys(self.ledger.near(q)) if comparable(e.quantity, q) and (
            e.index not in self.used or e.quantity.unit == "届次" and q.unit == "次")]   # 第六届 matched, 第四次 not
        if not candidates and q.kind == "date" and q.date_parts[1] and not q.date_parts[2]:
            months = {p.date_parts[1] for p in self.same_sentence(q) if p.kind == "date" and p.end <= q.start}
            return next((e for e in self.ledger.entries if e.quantity.kind == "range" and e.quantity.unit == "月"
                         and e.quantity.value in months and e.quantity.high != q.date_parts[1]), None)   # 自9月持续至12月
        if not candidates:
            return None
        best = max(candidates, key=lambda e: (self.score(q, e), self.fact_score(q, e), -e.index))
        if self.score(q, best) >= WEAK or self.fact_score(q, best) >= FACT_SIMILAR:
            return best
        alike = [e for e in candidates if e.quantity.unit_class == q.unit_class
                 or {e.quantity.unit_class, q.unit_class} <= set(SESSION_CLASSES)]
        if len(alike) == 1 and q.kind in ("rank", "ordinal", "date", "range"):
            return alike[0]                                 # the one 等奖 of the notes, written as another
        if (len(alike) == 1 and q.kind in ("count", "money")
                and 0.5 <= q.value / (alike[0].quantity.value or 1) <= 2
                and sum(p.unit_class == q.unit_class and not backing(p, self.ledger) for p in self.figures) == 1):
            return alike[0]                                 # the one unwritten 38人 of the notes, the one unknown 三十六名
        return None

    def mismatch(self, q: Quantity, e: Entry) -> None:
        self.used.add(e.index)
        self.add("mismatch", wrong_part(q, e.quantity),
                 f"笔记中“{subject_words(e)}”是“{e.quantity.text}”，草稿写成“{q.text}”", (e.fact_id,))

    def top_places(self) -> None:
        """前三名 is a label, not a figure (fixed names), but when the notes give one the draft must keep its number:
        力争进入前两名 for the notes' 前三名."""
        def value(m: re.Match) -> float:
            return float(m.group(1)) if m.group(1).isdigit() else float(chinese_value(m.group(1))[0])

        given = {value(m) for f in self.ledger.facts for m in _TOP_PLACES.finditer(f.text)}
        for m in _TOP_PLACES.finditer(self.draft) if given else ():
            if value(m) not in given:
                q = Quantity(m.start(), m.end(), m.group(), value(m), None, "名", "ordinal", "", not m.group(1).isdigit(), 0)
                told = "、".join(f"前{fmt(v)}名" for v in sorted(given))
                self.add("mismatch", q, f"笔记中是“{told}”，草稿写成“{m.group()}”")

    def missing(self) -> None:
        reported: set[str] = set()
        derived_from = {i for f in self.findings if f.kind == "derived" for i in f.fact_ids}
        for e in sorted(self.ledger.entries, key=lambda e: e.quantity.kind == "rank"):
            q = e.quantity
            if e.index in self.used or word_like(q) or e.index in self.labels or q.value == 0 or q.kind == "number":
                continue                                    # 不合格0人 is written as 无不合格人员; 男6女4 has no unit
            every = re.search(r"每[\u4e00-\u9fff]{1,2}", e.subject)
            if q.value == 1 and (every and every.group() in self.draft or f"一{q.unit}" in self.draft):
                continue                                    # 每周二活动1次 written as 每周二开展活动; 一份 (a word)
            if e.fact_id in derived_from and q.kind in ("count", "money"):
                continue                                    # 每队8人 used in 10支队伍共80名队员
            if e.quantity.unit_class in SESSION_CLASSES and any(
                    o.index in self.used and o.fact_id == e.fact_id and o.quantity.unit_class in SESSION_CLASSES
                    for o in self.ledger.entries):
                continue                                    # 第六届…第二次会议 written (wrongly) as one 六届三次
            if any(supports(e.quantity, f, self.ledger) or supports(f, e.quantity, None) for f in self.figures_like(q)):
                continue
            if q.kind == "count" and any(f.kind == "count" and same_value(f, q) and self.score(f, e) >= WEAK
                                         for f in self.by_class.get("count:人", ())):
                continue                                    # 148名教职工签订师德承诺书 for 承诺书148份
            if q.kind == "date" and _FESTIVALS.get(q.date_parts[1:]) and _FESTIVALS[q.date_parts[1:]] in self.draft:
                continue                                    # 3月8日前后 written as “三八”妇女节前后
            if q.kind == "date" and q.date_parts[1:] == (0, 0):
                continue                                    # 2025年会员186人 written as 截至年底，会员186人: a year
                                                            # frames the notes; leaving it out drops no figure
            fact_text = next(f.text for f in self.ledger.facts if f.id == e.fact_id)
            named = re.match(r"\s*[（(]([\u4e00-\u9fff、]{2,12})[）)]", fact_text[q.end:])
            if q.value == 1 and named and any(n in self.draft for n in named.group(1).split("、") if len(n) >= 2):
                continue                                    # 全国三八红旗手1人（周敏） written as 周敏老师获评
            if q.kind == "rank" and e.fact_id in reported:
                continue                                    # 其中一等奖2人 dropped: 2人 is missing, not the rank too
            reported.add(e.fact_id)
            self.add("missing", None, f"笔记中的“{q.text}”（{subject_words(e)}）没有写进草稿", (e.fact_id,), text=q.text)

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


