"""Figures a draft computes: stated totals (共/合计, or 其中 after), remainders (其余/结余), products (每人…共计),
averages (人均), and rates (通过率, 占…的). Each is checked against the figures written beside it; a right one is
an info finding, a wrong one an arithmetic error."""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations, permutations

from eval.derived import DIFF_WORDS, DOWN_WORDS, TOTAL_WORDS, UP_WORDS, WHOLE_WORDS, family, rate_matches, rounding
from eval.draft_view import DraftView, backing, fmt, supports, word_like
from eval.ledger import bigrams
from eval.numbers import Quantity

__all__ = ["ArithmeticChecks"]

_CHANGE_WORDS = re.compile(r"较|同比|比上|增长|增加|提高|提升|下降|减少|上升")
_RATE_SYNONYMS = {"出席": ("出席", "实到", "到会", "参会"), "参与": ("参与", "参加", "参赛", "实到", "实际参加"),
                  "参检": ("参检", "受检", "体检", "检查"), "入会": ("入会", "会员"), "通过": ("通过", "合格"),
                  "合格": ("合格", "通过"), "获奖": ("获奖", "获", "等奖", "获评"), "筛查": ("筛查", "实检", "参检", "受检"), "办结": ("办结", "答复"),
                  "答复": ("答复", "办结", "回复"), "出勤": ("出勤", "到岗"), "到会": ("到会", "实到", "出席", "参会"),
                  "参赛": ("参赛", "参加", "报名"), "得票": ("得票", "得", "赞成"), "回收": ("回收", "收回"), "体检": ("体检", "参检", "受检", "参加"), "参保": ("参保", "投保")}
_HEADCOUNT_RATES = ("参与", "参加", "参检", "出席", "到会", "覆盖", "受益", "入会", "参保", "参训", "知晓", "参赛",
                    "体检")
_REMAINDER = re.compile(r"结余|余额|净增|净减|相抵|其余|剩余|还剩|余下|剩下|尚余|缺席|未到|未出席|未参加|未立案|未\S{0,2}的")
_EACH_OF = re.compile(r"([\u4e00-\u9fff0-9、和与及]+)各[\u4e00-\u9fff]{0,3}$")
_GENERIC_UNITS = ("件", "个", "项", "台套")            # a total of things counted each in its own unit
_FROM_TO = re.compile(r"增至|增加到|提高到|提升到|上升到|增长到|降至|减少到|下降到|降低到|减至")
_CLOSING = re.compile(r"年末|年底|期末|学期末|月末|月底|截至|增至|减至")
_OPENING = re.compile(r"年初|期初|学期初|月初|原有|上年末|去年底|上年底|去年末")
_IN = re.compile(r"新增|新纳入|纳入|增加|转入|收入|筹集|新入|新发展|吸收")
_OUT = re.compile(r"减少|退出|退档|脱困|转出|支出|调出|调离|退休|离职|注销")
_AVERAGE = re.compile(r"人均|户均|场均|次均|期均|校均|生均|日均|周均|月均|年均|队均|组均|班均|平均")
_EACH = re.compile(r"每|人均|户均|平均|分别|各")
_PER_UNIT = re.compile(r"(?:人均|户均|平均|每[\u4e00-\u9fff]{0,3}?)(?:约|各|分别)?\S{0,6}$")
_ALL_WORDS = re.compile(r"全部|全体|所有|全员|均已|均参加|全覆盖|无一遗漏")


class ArithmeticChecks(DraftView):
    def local_claim(self, q: Quantity, worded: bool = False) -> tuple[bool, str] | None:
        """A figure the draft computes from figures it wrote just before, and whether it is right:
        收入18.6万元，支出16.2万元，结余2.4万元 (a remainder), 12名…每人500元，共计6000元 (a product),
        全部参加 → 100%. None when q makes no such claim. worded: a wrong remainder counts only when a word says
        it is one (其余, 结余…), not when it merely follows 其中."""
        earlier = [p for p in self.same_sentence(q, self.total_ends) if p.end <= q.start]
        clause = self.clause_before(q)
        rate = re.search(r"([\u4e00-\u9fff]{2})率", clause)
        if q.kind == "percent" and q.value == 100 and rate and any(
                _ALL_WORDS.search(f.text) and rate.group(1) in f.text for f in self.ledger.facts):
            return True, "笔记说“全部”，即100%"               # 意见建议已全部反馈答复 → 答复率100%
        if q.kind == "percent" and _ALL_WORDS.search(self.draft[self.span(q, self.sentence_ends)[0]:q.start]):
            if q.value == 100:
                return True, "“全部/全体”即100%"
            since = self.draft[max([p.end for p in earlier], default=q.start):q.start]    # nothing counted in between
            counts = [p for p in earlier if p.kind == "count" and p.value > 0]
            if any(rate_matches(q, 100 * a.value / b.value) for a in counts for b in counts if a.value < b.value):
                return True, "前文两数之比"                    # 32名参加，28人全部项目合格，全项合格率87.5%
            if rate and _ALL_WORDS.search(since) and not re.search(r"总体|总|整体|综合|平均", clause) and rate.group(1) in since[:len(since) - len(clause)]:
                return False, "前文说“全部/全体”，比率应为100%"   # 应参训88人已全部完成，完成率95%
        sentence_before = self.draft[self.span(q, self.total_ends)[0]:q.start]
        if q.kind == "money" and (_AVERAGE.search(clause) or _EACH.search(clause)):   # 慰问11人，发放6600元，人均600元
            amounts = [p for p in earlier if p.kind == "money" and p.value > q.value]
            heads = [p for p in self.same_sentence(q, self.paragraph_ends) if p.kind == "count" and p.end <= q.start and p.value]
            sums = [sum_of(run) for h in heads for run in runs_ending_at(heads, h)]   # 11+4+5人次，平均每人次420元
            pairs = [(a.value, b.value) for a in amounts for b in heads + sums] + self.ledger_quotients()
            if any(abs(a / b - q.value) < max(0.5, q.value * 0.005, rounding(q)) for a, b in pairs):
                return True, "总额除以人数"
            if amounts and heads and _AVERAGE.search(clause):
                a, b = amounts[-1], heads[-1]
                return False, f"按{a.text}、{b.text}计算应为{fmt(a.value / b.value)}元"
        if q.kind == "count" and (_AVERAGE.search(clause) or "每" in clause):   # 2批共64人，平均每批32人
            counts = [p for p in earlier if p.kind == "count" and p.value > 0]
            step = 10.0 ** -q.decimals / 2 + 1e-6                   # 460人次 over 3场: 平均每场约153人次
            wider = counts + [p for p in self.same_sentence(q, self.paragraph_ends)   # 每校1名、共65名 (65所)
                              if p.kind == "count" and p.value > 0 and p not in counts]
            if any(abs(a.value / b.value - q.value) < step for a in counts for b in counts if a is not b) or any(
                    abs(a.value / b.value - q.value) < step for a in wider for b in wider
                    if a is not b and family(a.unit_class) == family(q.unit_class)):
                return True, "前文两数之商"                     # 结成对子18对…共形成笔记180篇，平均每对10篇
            same = [p for p in counts if p.unit_class == q.unit_class]   # 14名学生…送教182人次，生均15人次
            totals = same or [p for p in counts if family(p.unit_class) == family(q.unit_class)]
            groups = [p for p in counts if (p.unit_class != q.unit_class if same else family(p.unit_class) != family(q.unit_class))
                      and p.kind == "count"]
            if _AVERAGE.search(clause) and totals and groups:          # 分2批…共60人，平均每批30人
                a, b = totals[-1], groups[-1]
                return False, f"按{a.text}、{b.text}计算应为{fmt(a.value / b.value)}"
        if q.kind in ("count", "money") and _CLOSING.search(clause):    # 学年初44户，新纳入9户、退档6户，学年末49户
            balance = self.closing_balance(q, earlier)
            if balance is not None:
                return balance
        if q.kind in ("count", "money") and _CHANGE_WORDS.search(self.draft[slice(*self.span(q, self.sentence_ends))]):
            around = [p for p in self.same_sentence(q) if family(p.unit_class) == family(q.unit_class)]
            if any(abs(a.value - b.value - q.value) < 1e-6 for a in around for b in around
                   if a.value > b.value and (a.start < q.start) == (b.start < q.start)):
                return True, "同句两数之差"                    # 由去年的30所增加到38所，增加8所
            before = [p for p in around if p.end <= q.start]
            if (len(before) >= 2 and _CHANGE_WORDS.search(clause)
                    and re.search(_FROM_TO.pattern + r"|比|较", self.draft[before[-2].end:before[-1].start])
                    and not any(p.start > q.end for p in around)):
                a, b = before[-2:]
                return False, f"按前文应为{fmt(abs(b.value - a.value))}（{b.text}与{a.text}之差）"   # 由14人次增至23人次，增加了11人次
        if q.kind in ("count", "money"):                              # 教职工152人，女97人、男55人
            same = [p for p in earlier if family(p.unit_class) == family(q.unit_class)]
            if any(abs(a.value - b.value - q.value) < 1e-6 for a in same for b in same if a.value > b.value) \
                    and not any(w in clause for w in DIFF_WORDS):
                return True, "前文两数之差"
            following = [p for p in self.same_sentence(q) if p.start >= q.end]
            if (same and following and family(following[0].unit_class) == family(q.unit_class)
                    and abs(same[-1].value - following[0].value - q.value) < 1e-6
                    and backing(same[-1], self.ledger) and backing(following[0], self.ledger)):
                return True, "总数减去另一部分"                  # 审查申请34项，批准32项，驳回2项
        if q.kind in ("count", "money") and (any(w in clause for w in DIFF_WORDS) or "其中" in sentence_before
                                            or _REMAINDER.search(clause)):
            same = [p for p in earlier if family(p.unit_class) == family(q.unit_class)]
            if sentence_before.lstrip().startswith("其中"):        # 16件提案…。其中食堂5件、课后服务4件，其余7件
                start = self.span(q, self.total_ends)[0]
                previous = [p for p in self.figures if p.end <= start and family(p.unit_class) == family(q.unit_class)
                            and self.span(p, self.total_ends)[1] == start - 1]
                same = previous[-1:] + same
            diffs = [(a, b) for a in same for b in same if a.value > b.value]
            if any(abs(a.value - b.value - q.value) < 1e-6 for a, b in diffs):
                return True, "前文两数之差"
            paragraph = [p for p in self.same_sentence(q, self.paragraph_ends) if p.end <= q.start
                         and family(p.unit_class) == family(q.unit_class)][-8:]
            if len(same) < 2 and any(abs(a.value - b.value - q.value) < 1e-6 for a in paragraph for b in paragraph):
                return True, "前文两数之差"                    # 教职工9850人，会员9672人…。未入会的178人
            if q.kind == "money" and any(abs(a.value + b.value - c.value - q.value) <= rounding(q)
                                         for a, b, c in permutations(same[:8], 3) if a.start < b.start):
                return True, "期初加收入减支出"                # 年初35.6万元，筹集18.4万元，支出22.7万元，结余31.3万元
            rest = self.remainder_of_total(q, same)             # 26所…示范校8所、达标校15所，其余3所
            if rest is not None and abs(rest[0] - q.value) < 1e-6:
                return True, "总数减去前文各项"
            remainder = _REMAINDER.search(clause) or ("其他" in clause and "其中" in sentence_before)
            if rest is not None and (remainder or rest[2] and not worded):
                value, total, _ = rest
                return False, f"按前文应为{fmt(value)}（{total.text}减去其余各项）"
            stated = any(abs(a.value - b.value - p.value) < 1e-6 for a, b in diffs for p in same)
            if diffs and remainder and not stated:           # 当年结余1.5万元，年末滚存结余13.9万元: another balance
                a, b = diffs[-1] if len(same) > 2 else diffs[0]
                return False, f"按前文应为{fmt(a.value - b.value)}（{a.text} − {b.text}）"
        if q.kind == "count":                                         # 考核120人，优秀率20%，优秀24人
            paragraph = [p for p in self.same_sentence(q, self.paragraph_ends) if p.end <= q.start]
            counts = [p for p in paragraph if family(p.unit_class) == family(q.unit_class)]
            rates = [p for p in self.same_sentence(q, self.total_ends) if p.kind == "percent"]   # 已办结18件，办结率90%
            if any(abs(a.value * r.value / 100 - q.value) < max(rounding(q), 0.5) for a in counts for r in rates):
                return True, "前文人数乘以比率"                  # 全校160名…。参与率不低于80%，即不少于128人
            before = [p for p in self.same_sentence(q) if p.end <= q.start]
            if (before and before[-1].kind == "percent" and re.fullmatch(r"[，,]?[约即达共计]*", self.draft[before[-1].end:q.start])
                    and counts and counts[-1].start < before[-1].start):
                a, r = counts[-1], before[-1]                   # 600名女教职工中已育的占75%，约480人
                return False, f"按{a.text}×{r.text}应为{fmt(round(a.value * r.value / 100, 1))}"
            money = [p for p in paragraph if p.kind == "money"][-8:]
            per = [b for b in money if b.value and _EACH.search(self.clause_before(b))]
            if any(abs(a.value / b.value - q.value) < 1e-6 for a in money for b in per):
                return True, "总额除以每…标准"                  # 每人次500元，预算1万元，可保障20人次
        if q.kind == "money" and re.search(r"人均|每人", clause) and not TOTAL_WORDS.search(clause):
            each = [p for p in earlier if p.kind == "money" and p.value < q.value]
            if len(each) >= 2 and "分别" in self.draft[self.span(q, self.sentence_ends)[0]:each[0].start]:
                total = sum(p.value for p in each)              # 三节慰问标准分别为每人500元、200元、300元，人均1100元
                if abs(total - q.value) < 1e-6:
                    return True, "各项标准之和"
                return False, f"按{'＋'.join(p.text for p in each)}应为{fmt(total)}元"
        if q.kind == "money" and TOTAL_WORDS.search(clause):
            each = [p for p in earlier if p.kind == "money" and _EACH.search(self.clause_before(p))]
            if re.search(r"每人|人均|每位|每名", clause) and any(abs(sum(p.value for p in each[i:]) - q.value) < 1e-6
                                                            for i in range(len(each) - 1)):
                return True, "各项标准之和"                    # 每人200元、300元…合计每人500元: a per-head total
            counts = [p for p in self.same_sentence(q, self.paragraph_ends) if p.kind == "count" and p.end <= q.start]
            sums = [sum_of(run) for c in counts for run in runs_ending_at(counts, c)]   # 4+7+3+9人 × 500元
            if each and counts:
                if any(abs(a.value * b.value - q.value) <= rounding(q) for a in each for b in counts + sums):
                    return True, "前文“每…”乘以数量"
                if any(abs(a.value * b.value * c.value - q.value) <= rounding(q) for a in each for b in counts for c in counts
                       if b.start < c.start and b.unit_class != c.unit_class):   # 2个节日 × 每人400元 × 331名
                    return True, "前文“每…”乘以数量"
                heads = [c for c in counts if c.end <= each[0].start][-len(each):]
                heads = heads if len(heads) == len(each) >= 2 else []
                if heads and abs(sum(a.value * b.value for a, b in zip(each, heads)) - q.value) <= rounding(q):
                    return True, "前文各项“每…”乘以数量之和"     # 4人、6人，每人分别800元、600元，合计6800元
                paired = [(a, max((c for c in counts if c.end <= a.start), key=lambda c: c.end, default=None)) for a in each]
                if len(each) >= 2 and all(c is not None for _, c in paired) and len({id(c) for _, c in paired}) == len(each):
                    total = sum(a.value * c.value for a, c in paired)      # 4户×1500元；6人次×500元；合计…
                    if abs(total - q.value) <= rounding(q):
                        return True, "前文各项“每…”乘以数量之和"
                    return False, f"按{'、'.join(f'{c.text}×{a.text}' for a, c in paired)}合计应为{fmt(total)}元"
                a, b = each[-1], max((c for c in counts if c.end <= each[-1].start), key=lambda c: c.end, default=counts[-1])
                backed = bool(backing(a, self.ledger))
                if backed and self.span(a, self.sentence_ends) == self.span(q, self.sentence_ends):
                    return False, f"按{b.text}、每{a.text}计算应为{fmt(a.value * b.value)}元"
                return None                                 # 人均100元；…共获赔8420元: another matter after the 「；」
        return None

    def remainder_of_total(self, q: Quantity, same: list[Quantity]) -> tuple[float, Quantity, bool] | None:
        """(the total minus the parts named after it, the total, whether 其中 announced the parts) — for the last
        figure of a breakdown: 全校48人，其中女45人，男3人; 26所…评出8所、15所，其余3所."""
        totals = [p for p in same if any(p.value > o.value for o in same if o.start > p.start)]
        if not totals:
            return None
        total = totals[-1] if len(totals) == 1 else max(totals, key=lambda p: p.value)
        parts = [p for p in same if p.start > total.start]
        if not parts or sum(p.value for p in parts) >= total.value:
            return None
        announced = ("其中" in self.draft[total.end:parts[0].start] and len(parts) == 1
                     and parts[0].start - total.end <= 12 and q.start - parts[0].end <= 12)   # 48人，其中女45人，男3人
        return total.value - sum(p.value for p in parts), total, announced

    def ledger_quotients(self) -> list[tuple[float, float]]:
        """(amount, head count) of every fact that gives both: the facts' own averages."""
        by_fact: dict[str, list[Quantity]] = {}
        for e in self.ledger.entries:
            by_fact.setdefault(e.fact_id, []).append(e.quantity)
        return [(m.value, c.value) for qs in by_fact.values() for m in qs if m.kind == "money"
                for c in qs if c.kind == "count" and c.value]

    def stated_total(self, q: Quantity, paragraph: bool = False) -> bool:
        """共/合计 before q and at least two figures of its class before it in the sentence (or after it, after
        其中; or, with paragraph, in its paragraph): q must be their sum. True when q was judged here."""
        groups = self.total_parts(q, self.paragraph_ends if paragraph else self.total_ends)
        if not groups:
            return False
        strides = [g[i::k] for g in groups for k in (2, 3) for i in range(k)     # 申报6人、通过5人、申报3人…
                   if len(g) >= 3 * k - 3 and self.alike_apart(g[i::k], [p for p in g if p not in g[i::k]])]
        named = re.search(r"([两二三四五])(?:个|项|类|所|家|部分)", self.sentence_before(q)[-16:])
        size = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}[named.group(1)] if named else 0
        strides += [list(c) for g in groups for c in combinations(g[:10], size) if 2 <= size < len(g)]   # 职工活动和慰问两项合计
        if any(abs(self.total_of(g[i:]) - q.value) < 1e-6 for g in groups for i in range(len(g) - 1)
               if g[0].start < q.start) or any(abs(self.total_of(g) - q.value) < 1e-6 for g in groups + strides):
            self.add("derived", q, f"合计（{' + '.join(p.text for p in groups[0])} 等）核对无误",
                     self._facts_of(groups[0]), level="info")
            return True
        if not TOTAL_WORDS.search(self.clause_before(q)) and "其中" not in self.draft[q.end:q.end + 14]:
            return False                                    # 全校126名会员: a whole, but not said to be these parts
        parts = groups[0] if groups[0][0].start > q.start else groups[-1]
        if parts[0].start < q.start and any(abs(p.value - sum(x.value for x in parts)) < 1e-6 for p in self.same_sentence(q)
                                            if p.end <= parts[0].start and p.unit_class == q.unit_class):
            return False                                    # 人均3200元，其中补助2500元、自付700元，共补助10万元 (parts of the 3200)
        self.add("arithmetic", q, f"合计应为{fmt(self.total_of(parts))}（{' + '.join(p.text for p in parts)}），"
                                  f"草稿写成“{q.text}”", self._facts_of(parts))
        return True

    def total_of(self, parts: list[Quantity]) -> float:
        """The sum of parts, a part written for several items counted once per item (西校区、南校区各两场 → 4)."""
        out = 0.0
        for p in parts:
            each = _EACH_OF.search(self.clause_before(p))
            items = [w for w in re.split(r"[、和与及]", each.group(1)) if w] if each else []
            out += p.value * (len(items) if len(items) >= 2 else 1)
        return out

    def closing_balance(self, q: Quantity, earlier: list[Quantity]) -> tuple[bool, str] | None:
        """A closing figure after an opening one and what came in and went out: opening + in − out."""
        same = [p for p in earlier if family(p.unit_class) == family(q.unit_class)]
        opening = [p for p in same if _OPENING.search(self.clause_before(p))]
        if len(same) < 3 or len(opening) != 1:
            return None                                     # (the opening may come last: 新增5人、调出2人，由去年底的127人增至)
        moves = [p for p in same if p is not opening[0]]
        label = {id(p): self.words[id(p)].partition("|")[0] for p in moves}     # 新增会员五人、调出两人
        signs = [1 if _IN.search(label[id(p)]) else -1 if _OUT.search(label[id(p)]) else 0 for p in moves]
        if 0 in signs:
            return None
        value = opening[0].value + sum(s * p.value for s, p in zip(signs, moves))
        if abs(value - q.value) <= rounding(q):
            return True, "期初加增加减减少"
        return False, f"按前文应为{fmt(value)}（{opening[0].text}" + "".join(
            f" {'+' if s > 0 else '−'} {p.text}" for s, p in zip(signs, moves)) + "）"

    def alike_apart(self, some: list[Quantity], rest: list[Quantity]) -> bool:
        """The figures of `some` share a word that none of `rest` has (申报 of 申报高级14人、申报一级9人, not 通过)."""
        label = [bigrams(self.words[id(p)].partition("|")[0]) for p in some + rest]
        return bool(set.intersection(*label[:len(some)]) - set().union(*label[len(some):]))

    def total_parts(self, q: Quantity, ends: list[int]) -> list[list[Quantity]]:
        """The ways to read q as a stated total (共/合计 before it, or 其中 after it) of the figures beside it; a
        per-unit figure (每人500元) is never one."""
        if self.per_unit(q):
            return []
        announced = "其中" in self.draft[q.end:q.end + 16]
        clause = self.clause_before(q)
        if q.kind not in ("count", "money") or not (TOTAL_WORDS.search(clause) or WHOLE_WORDS.search(clause) or announced):
            return []
        return self.part_groups(q, ends)

    def part_groups(self, q: Quantity, ends: list[int]) -> list[list[Quantity]]:
        """Ways to read the parts of a stated total: all figures of its class before it in the sentence, or
        those with its very unit (5人 + 1人, not the 6名 recommended)."""
        family_too = q.unit == "人次" and ends is not self.paragraph_ends     # 36人 + 28人 + 64人 = 128人次
        same = [p for p in self.same_sentence(q, ends) if (p.unit_class == q.unit_class
                or family_too and family(p.unit_class) == family(q.unit_class)) and not self.per_unit(p)]
        later = [p for p in self.same_sentence(q, self.paragraph_ends) if p.start > q.end and (p.unit_class == q.unit_class
                 or q.unit == "人次" and family(p.unit_class) == family(q.unit_class))]
        if len(later) >= 2 and "其中" in self.draft[q.end:min(later[0].start, q.end + 12)]:
            stop = min((i for i in (self.draft.find(c, later[0].end) for c in "。；") if i >= 0), default=-1)
            after = [p for p in later if stop < 0 or p.start < stop]
            return [after[:n] for n in range(len(after), 1, -1)]   # the parts run from 其中 on, maybe not to the end
        before = [p for p in same if p.start < q.start]
        if len(before) < 2 and q.unit in _GENERIC_UNITS and TOTAL_WORDS.search(self.clause_before(q)):
            before = [p for p in self.same_sentence(q, ends) if p.start < q.start and p.kind == "count"
                      and p.unit_class not in ("count:人", "count:人次") and not self.per_unit(p)]   # 乒乓球台2张、跑步机3台…共计9件
            before = before if len(before) >= 3 and len({p.unit for p in before}) == len(before) else []
        if len(before) < 2:
            return []
        groups = [before]
        exact = [p for p in before if p.unit == q.unit]
        if 2 <= len(exact) < len(before):
            groups.append(exact)
        tops = [p for p in before if "其中" not in self.draft[max(0, p.start - 6):p.start]]
        if 2 <= len(tops) < len(before):
            groups.append(tops)                             # 获市级奖8篇（其中一等奖2篇），区级奖15篇，合计23篇
        return groups

    def wrong_change(self, q: Quantity) -> bool:
        """今年25件，比去年的20件增长20%: a change rate judged against the two figures before it (derived when it
        agrees, arithmetic when not). True when judged here."""
        clause = self.clause_before(q)
        up, down = UP_WORDS.search(clause) or "增幅" in clause, DOWN_WORDS.search(clause) or "降幅" in clause
        if not (up or down):
            return False
        before = [p for p in self.same_sentence(q) if p.end <= q.start and p.kind in ("count", "money") and p.value > 0]
        same = [p for p in before if family(p.unit_class) == family(before[-1].unit_class)] if before else []
        if len(same) >= 3 and abs(abs(same[-3].value - same[-2].value) - same[-1].value) < 1e-6:
            same = same[:-1]                                # 46.2万元，较44.1万元增加2.1万元，增长6.8%: the two figures
        if len(same) < 2 or same[-1].value == same[-2].value:
            return False
        a, b = same[-2], same[-1]
        compared = (re.search(r"(?<![评对相无])比(?![赛例重])|较", self.draft[max(a.end, b.start - 10):b.start])
                    or re.search(r"同比|[比较](?:上年|去年|上学期|上学年)", clause)    # 2025年支出10.5万元，2024年为
                    and re.search(r"(?:19|20)[0-9]{2}年|上年|去年|上学期|上学年",        # 8.4万元，同比增长20%
                                  self.draft[max(a.end, b.start - 10):b.start])
                    or re.search(r"[由从]", self.draft[max(0, a.start - 4):a.start]) and re.search(r"[到至]", self.draft[a.end:b.start]))
        if not compared:
            return False                                    # 同比增长20%: of a figure the draft does not give
        value = _change(a.value, b.value, bool(up))
        if (UP_WORDS.search(self.clause_before(b)) if up else DOWN_WORDS.search(self.clause_before(b))) and a.value > b.value:
            value = 100 * b.value / (a.value - b.value if up else a.value + b.value)   # 6万元，比上年增加1万元，增幅20%
        if rate_matches(q, value):
            self.add("derived", q, f"由{a.text}和{b.text}算出的变化幅度，核对无误", self._facts_of([a, b]), level="info")
            return True
        word = "增幅" if up else "降幅"
        self.add("arithmetic", q, f"按{a.text}和{b.text}计算{word}应为{fmt(round(value, 1))}%，草稿写成“{q.text}”",
                 self._facts_of([a, b]))
        return True

    def wrong_points(self, q: Quantity) -> bool:
        """由93.2%提高到96.5%，提高2.3个百分点: the points must be the difference of the two rates before."""
        rates = [p for p in self.same_sentence(q) if p.end <= q.start and p.kind == "percent"]
        if len(rates) < 2 or not (UP_WORDS.search(self.clause_before(q)) or DOWN_WORDS.search(self.clause_before(q))):
            return False
        a, b = rates[-2:]
        if abs(abs(a.value - b.value) - q.value) <= 10.0 ** -q.decimals / 2 + 1e-9:
            return False
        self.add("arithmetic", q, f"按{a.text}和{b.text}计算应为{fmt(round(abs(a.value - b.value), 2))}个百分点，"
                                  f"草稿写成“{q.text}”", self._facts_of([a, b]))
        return True

    def per_unit(self, p: Quantity) -> bool:
        """人均约249.5元, 每人1000元: an amount per head, never a part of a total."""
        return bool(_PER_UNIT.search(self.clause_before(p)))

    def rate_bases(self, q: Quantity) -> list[tuple[Quantity, Quantity]]:
        """(part, whole) pairs a stated rate can be of; above 100% the other way round too (收入预算44万元，实际收入
        45.4万元，执行率103.2%)."""
        pairs = self._rate_bases(q)
        return pairs + [(b, a) for a, b in pairs if 0 < a.value < b.value] if q.value > 100 else pairs

    def _rate_bases(self, q: Quantity) -> list[tuple[Quantity, Quantity]]:
        """(part, whole) pairs a stated rate can be of: the figure just before it over any larger figure of its
        class in the paragraph, or any two figures of one class in its sentence."""
        clause = self.clause_before(q)
        if _CHANGE_WORDS.search(clause):
            return []                                       # 较上年增长50%: a change, not a share of these counts
        earlier = [p for p in self.same_sentence(q) if p.end <= q.start and p.kind not in ("rank", "ordinal", "date")]
        before = [p for p in earlier if p.kind in ("count", "money") and not word_like(p)]   # 每季度召开一次
        if not before:
            return []
        after = re.match(r"的([\u4e00-\u9fff]{2}率)", self.draft[q.end:q.end + 6])            # 以94%的赞成率通过
        named = re.search(r"([\u4e00-\u9fff]{2})(?:率|比例)|(满意|知晓|参与|覆盖|完成)度", clause + (after.group(1) if after else ""))
        paragraph = self.same_sentence(q, self.paragraph_ends)

        def wholes(part: Quantity) -> list[tuple[Quantity, Quantity]]:
            return [(part, b) for b in paragraph if b is not part and b.kind == part.kind
                    and family(b.unit_class) == family(part.unit_class) and b.value >= part.value > 0]

        if named:
            name = named.group(1) or named.group(2)
            words = _RATE_SYNONYMS.get(name, (name,))
            own = [p for p in before if any(w in self.words[id(p)] for w in words)]
            if not own and name in _HEADCOUNT_RATES:        # 80名教职工中有68人打卡，参与率85%
                own = [p for p in before if p.unit_class == "count:人"][-1:]
            paired = [(b, a) for a in before for b in before if a.start < b.start and a.unit_class == b.unit_class
                      and "应" in self.words[id(a)] and "实" in self.words[id(b)] and 0 < b.value <= a.value]
            if paired:                                      # 应检女职工64人，实检60人，筛查率96.8%
                return paired
            counted = [p for p in before if p.kind == "count" and family(p.unit_class) == family(before[-1].unit_class)]
            if not own and len(counted) >= 2 and not re.search(r"满意|好评|知晓|认可|满意度", name):
                a, b = sorted(counted[-2:], key=lambda p: p.value)   # 报名532人，其中412人完成，达标率74.7%
                return [(a, b)] if 0 < a.value <= b.value else []
            if not own and before[-1].kind == "money":       # 预算86.4万元，支出82.7万元，执行率95.7%
                return [(a, b) for a in before for b in before if a is not b and a.kind == b.kind == "money"
                        and 0 < a.value <= b.value]
            if not own:
                return []                                   # 满意率98% after counts of 意见建议: not their rate
            part = ([p for p in own if p.kind == "count"] or own)[-1]   # 参检63人, not 体检标准每人300元
            ends = own if re.search(r"[和及与]", clause) else [part]        # 满意和基本满意率: 41份＋6份 of 49份
            runs = [pair for p in ends for run in runs_ending_at(before, p) for pair in wholes(sum_of(run))]
            return (wholes(part) + runs
                    or [(part, b) for b in paragraph if b.kind == "count" and b.value >= part.value > 0 and b is not part]
                    or [(part, e.quantity) for e in self.ledger.entries      # 赞成50票 of 实到54人, said earlier
                        if e.quantity.kind == "count" and e.quantity.value > part.value > 0])
        if "占" in clause:                                   # 支出21.6万元…支出占收入的90%: any two of a kind
            pairs = [(a, b) for a in before for b in before if a is not b and a.kind == b.kind
                     and family(a.unit_class) == family(b.unit_class) and 0 < a.value <= b.value]
            pairs += [pair for a in before for pair in wholes(a)]   # 78票赞成…，赞成票占实到代表(83名)的94.0%
            if any(rate_matches(q, 100 * a.value / b.value) for a, b in pairs):
                return pairs
        if earlier[-1] is not before[-1]:
            return []                                       # 办结率100%，满意率98%: 98% is not of the counts before
        nearest = before[-1]                                # 会员148人，占教职工150人的98.7%: part or whole
        if not wholes(nearest) and "人" in clause:           # 92人完成每日一万步目标，占参与人数的71.9%
            nearest = next((p for p in reversed(before) if family(p.unit_class) == "count:人"), nearest)
        pairs = wholes(nearest) + [(a, nearest) for a in before if a is not nearest and a.kind == nearest.kind
                                   and family(a.unit_class) == family(nearest.unit_class) and 0 < a.value <= nearest.value]
        for run in runs_ending_at(before, nearest):         # 3人一等奖、6人二等奖、9人三等奖，获奖面56.25% (of 32)
            pairs += wholes(sum_of(run))
        return pairs

    def arithmetic(self, q: Quantity) -> bool:
        """A rate that the counts written beside it do not give."""
        if q.unit_class == "count:百分点":
            return self.wrong_points(q)
        if q.kind != "percent":
            return False
        if self.wrong_change(q):
            return True
        pairs = self.rate_bases(q)
        if not pairs or any(rate_matches(q, 100 * a.value / b.value) for a, b in pairs):
            return False
        a, b = pairs[-1]
        share = re.search(r"([\u4e00-\u9fff]{2,4})占[\u4e00-\u9fff]{0,8}$", self.clause_before(q))
        if share and not any(share.group(1)[:2] in self.draft[max(0, p.start - 12):p.end] for p in (a, b)):
            return False                                    # 其中青年代表占30%: a share of something not counted here
        self.add("arithmetic", q, f"按{b.text}中{a.text}计算应为{fmt(100 * a.value / b.value)}%，草稿写成“{q.text}”",
                 self._facts_of([a, b]))
        return True


def _change(a: float, b: float, up: bool) -> float:
    """An increase is of the smaller figure, a decrease of the larger."""
    big, small = max(a, b), min(a, b)
    return 100 * (big - small) / (small if up else big)


def runs_ending_at(figures: list[Quantity], last: Quantity) -> list[list[Quantity]]:
    """The runs of 2–5 figures of last's class that end at it, e.g. 3人、6人、9人 → [6人, 9人], [3人, 6人, 9人]."""
    same = [p for p in figures if p.kind == last.kind and family(p.unit_class) == family(last.unit_class)
            and p.end <= last.end]
    if not same or same[-1] is not last:
        return []
    return [same[-n:] for n in range(2, min(len(same), 5) + 1)]


def sum_of(run: list[Quantity]) -> Quantity:
    """The figures of a run added up, as one figure (for the total a rate, an average or a product is of)."""
    last = run[-1]
    return replace(last, start=run[0].start, text="＋".join(p.text for p in run), value=sum(p.value for p in run),
                   high=None, qualifier="")
