"""Figures a draft may compute from the facts: totals, differences and rates, and the test of a stated total
or rate against the parts written next to it.

Only sums and rates of figures that belong together count (the same fact, the same section of the notes), so an
altered figure does not pass as the accidental sum of two unrelated ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations, permutations
from typing import Iterable, Sequence

from eval.ledger import Entry, Ledger
from eval.numbers import UNIT_CLASSES, Quantity, qualifier_class

__all__ = ["Derivation", "derivations", "enumerations", "find_derivation", "rate_matches", "TOTAL_WORDS", "WHOLE_WORDS", "DIFF_WORDS", "UP_WORDS", "DOWN_WORDS"]

TOTAL_WORDS = re.compile(r"共计|合计|总计|累计|总共|一共|总数|总额|总人数|两项|加起来|共(?![同建享识青产创赢融进])"
                         r"|总(?:投入|支出|收入|金额|经费|费用|人次|规模)")
UP_WORDS, DOWN_WORDS = re.compile(r"增长|增加|提高|提升|上升"), re.compile(r"下降|减少|降低")   # a change, and its way
WHOLE_WORDS = re.compile(r"全(?:校|区|县|市|园)(?:共|$)")    # 全校106人: a whole that may be a sum, never judged as one
DIFF_WORDS = ("其余", "其他", "另有", "另", "剩余", "剩下", "余下", "还有", "增加", "增长", "减少", "下降", "提高", "多出", "净增",
              "新增", "差", "未", "尚", "结余", "提升", "上升", "降低", "原有", "上年", "去年", "此前", "上学期", "超出",
              "超支", "节约", "高出")
_MAX_GROUP = 12                         # sums over at most this many figures of one group


@dataclass(frozen=True)
class Derivation:
    how: str                            # sum | difference | rate | change | product | base (part ÷ share) | count
    value: float
    unit_class: str
    fact_ids: tuple[str, ...]
    size: int = 2                       # how many figures it comes from


def derivations(ledger: Ledger) -> list[Derivation]:
    """Totals of figures that sit together (one fact, one section); differences and rates within one fact; and
    the overall rate of parallel facts (推荐6名，5人通过 + 推荐2名，1人通过 → 6/8)."""
    out: list[Derivation] = []
    times = _items_each(ledger)                             # 书画、摄影协会各4000元 counts twice in a total
    for group in _groups(ledger):
        by_class: dict[str, list[Entry]] = {}
        for e in group:
            if e.quantity.kind in ("count", "money", "percent"):
                by_class.setdefault(family(e.quantity.unit_class), []).append(e)
        for unit_class, entries in by_class.items():
            entries = entries[:_MAX_GROUP]
            for size in range(2, min(len(entries), 4) + 1):
                for combo in combinations(entries, size):
                    out.append(Derivation("sum", sum(e.quantity.value * times.get(e.index, 1) for e in combo), unit_class,
                                          _ids(combo), size))
            if len(entries) > 4:
                out.append(Derivation("sum", sum(e.quantity.value * times.get(e.index, 1) for e in entries), unit_class,
                                      _ids(entries), len(entries)))
    out += _products(ledger) + _bases(ledger) + _spans_and_shares(ledger) + _shares_and_changes(ledger)
    out += [Derivation("count", len(run), "count:" + UNIT_CLASSES.get(unit, unit), _ids(run))
            for unit, run in enumerations(ledger).items()]
    out += [Derivation("product", 2 * e.quantity.value, "count:人", (e.fact_id,))   # 师徒结对18对 → 36人
            for e in ledger.entries if e.quantity.unit == "对"]
    for group in _groups(ledger):                          # 票据1260张，不规范18张 → 规范率98.6%
        counts = [e for e in group if e.quantity.kind == "count"][:_MAX_GROUP]
        out += [Derivation("rate", 100 * (whole.quantity.value - part.quantity.value) / whole.quantity.value, "percent",
                           _ids((part, whole)))
                for part in counts if _NOT.search(part.subject) for whole in counts
                if whole.quantity.value > part.quantity.value and family(whole.quantity.unit_class) == family(part.quantity.unit_class)]
    for group in _by_fact(ledger).values():                # 优秀11人、良好22人、合格6人 → 优良率84.6%
        by_family: dict[str, list[Entry]] = {}
        for e in group:
            if e.quantity.kind == "count" and e.quantity.value > 0:
                by_family.setdefault(family(e.quantity.unit_class), []).append(e)
        for parts in by_family.values():
            if 3 <= len(parts) <= 6:
                whole = sum(e.quantity.value for e in parts)
                out += [Derivation("rate", 100 * sum(e.quantity.value for e in combo) / whole, "percent", _ids(parts))
                        for size in range(2, len(parts)) for combo in combinations(parts, size)]
    places = [e for e in ledger.entries if e.quantity.kind == "ordinal" and e.quantity.unit_class == "ordinal:人"]
    for move in ledger.entries:                            # 第二名，较上年提升3个名次 → 上年第五名
        if move.quantity.kind == "count" and "名次" in move.subject:
            sign = 1 if re.search(r"提升|上升|提高|前进", move.subject) else -1 if re.search(r"下降|后退", move.subject) else 0
            out += [Derivation("count", p.quantity.value + sign * move.quantity.value, "ordinal:人", _ids((p, move)))
                    for p in places if sign]
    section_of = {f.id: f.section for f in ledger.facts}
    for before in ledger.entries:                          # 心理讲座计划3次 and 去年2次 → 较去年增加1次
        if before.quantity.kind in ("count", "money") and _PREVIOUS.search(before.subject):
            out += [Derivation("difference", abs(e.quantity.value - before.quantity.value), family(e.quantity.unit_class),
                               _ids((e, before)))
                    for e in ledger.entries if e.fact_id != before.fact_id and e.quantity.unit_class == before.quantity.unit_class
                    and section_of.get(e.fact_id) == section_of.get(before.fact_id) and not _PREVIOUS.search(e.subject)]
    for change in ledger.entries:                          # 较上年增加5人次 and 26人次 → 上年21人次
        if change.quantity.kind in ("count", "money") and _FROM_BEFORE.search(change.subject):
            sign = -1 if UP_WORDS.search(change.subject) else 1 if DOWN_WORDS.search(change.subject) else 0
            out += [Derivation("difference", e.quantity.value + sign * change.quantity.value, family(e.quantity.unit_class),
                               _ids((e, change)))
                    for e in ledger.entries if sign and e is not change and e.fact_id != change.fact_id
                    and family(e.quantity.unit_class) == family(change.quantity.unit_class)
                    and section_of.get(e.fact_id) == section_of.get(change.fact_id)]
    pairs_by_section: dict[tuple[str, str], list[tuple[Entry, Entry]]] = {}
    for group in _groups(ledger):                          # 入会率由97.2%提高到98.9% → 提高1.7个百分点
        rates = [e for e in group if e.quantity.kind == "percent"][:_MAX_GROUP]
        out += [Derivation("difference", abs(a.quantity.value - b.quantity.value), "count:百分点", _ids((a, b)))
                for a, b in combinations(rates, 2)]
    for fact_entries in _by_fact(ledger).values():
        counts = [e for e in fact_entries if e.quantity.kind in ("count", "money")][:_MAX_GROUP]
        for a, b in combinations(counts, 2):
            if family(a.quantity.unit_class) != family(b.quantity.unit_class):
                continue
            small, big = sorted((a, b), key=lambda e: e.quantity.value)
            out.append(Derivation("difference", big.quantity.value - small.quantity.value,
                                  family(a.quantity.unit_class), _ids((a, b))))
            if big.quantity.value > 0:
                out.append(Derivation("rate", 100 * small.quantity.value / big.quantity.value, "percent", _ids((a, b))))
                key = (section_of.get(a.fact_id, ""), family(a.quantity.unit_class))
                pairs_by_section.setdefault(key, []).append((small, big))
    for pairs in pairs_by_section.values():
        for size in range(2, min(len(pairs), 4) + 1):
            for combo in combinations(pairs[:8], size):
                if len({a.fact_id for a, _ in combo}) < size:
                    continue                                # parallel facts: one pair from each
                whole = sum(b.quantity.value for _, b in combo)
                out.append(Derivation("rate", 100 * sum(a.quantity.value for a, _ in combo) / whole, "percent",
                                      _ids(e for pair in combo for e in pair)))
    return out


_NOT = re.compile(r"不|未|无")
_PREVIOUS = re.compile(r"去年|上年|上学期|上学年|上一年")
_FROM_BEFORE = re.compile(r"(?:较|比)(?:上年|去年|上学年|上学期|上一年)")
_PER_FACT = re.compile(r"(?:每人|人均|每位|每名)[^。；;]*$")
_PER = re.compile(r"(?:(?:每|人均|户均|平均|单价)[\u4e00-\u9fff“”]{0,8}(?:不少于|不低于|约|达)?|各[\u4e00-\u9fff]{0,3})\s*$")   # 每人生日蛋糕券200元


def _products(ledger: Ledger) -> list[Derivation]:
    """An amount or count per unit times a count of units in the same fact or section: 参赛队伍8支 每队12人 → 96人;
    人均标准600元 × 参检95人 → 57000元."""
    section_of = {f.id: f.section for f in ledger.facts}
    out = []
    text_of = {f.id: f.text for f in ledger.facts}
    times: dict[int, list[Entry]] = {}                     # count entry → the per-unit figures it multiplies
    pairs: list[tuple[Entry, Entry]] = []                   # (per-unit figure, count) of each product
    for per in ledger.entries:
        if per.quantity.kind not in ("count", "money") or not (
                _PER.search(per.subject.partition("|")[0])
                or per.quantity.kind == "money" and _PER_FACT.search(text_of[per.fact_id][:per.quantity.start])):
            continue                                        # 人均费用3200元，其中工会补助2500元: 2500 is per head too
        for e in ledger.entries:
            same_place = (section_of.get(e.fact_id) == section_of.get(per.fact_id)    # or the units are named alike:
                          or ledger.fact_bigrams[per.fact_id] & ledger.subject_bigrams[e.index])   # 为会员…人均300元 × 会员1096人
            if (e is not per and same_place and e.quantity.kind == "count" and e.quantity.value > 1
                    and family(e.quantity.unit_class) != family(per.quantity.unit_class)):
                out.append(Derivation("product", per.quantity.value * e.quantity.value, family(per.quantity.unit_class),
                                      _ids((per, e))))
                times.setdefault(e.index, []).append(per)
                pairs.append((per, e))
        units = {}                                          # 每队10人 × (篮球8支 + 气排球12支) → 200人
        for e in ledger.entries:
            if (e.quantity.kind == "count" and e.quantity.value > 1 and e.fact_id != per.fact_id
                    and section_of.get(e.fact_id) == section_of.get(per.fact_id)
                    and family(e.quantity.unit_class) != family(per.quantity.unit_class)):
                units.setdefault(family(e.quantity.unit_class), []).append(e)
        for entries in units.values():
            for size in range(2, min(len(entries), 3) + 1):
                for combo in combinations(entries[:6], size):
                    out.append(Derivation("product", per.quantity.value * sum(e.quantity.value for e in combo),
                                          family(per.quantity.unit_class), _ids((per, *combo)), size + 1))
    for index, pers in times.items():                       # 2人 × (每人1万元 + 另补助每人3000元) = 2.6万元
        n = ledger.entries[index]
        for size in range(2, min(len(pers), 3) + 1):
            for combo in combinations(pers[:6], size):
                if len({family(p.quantity.unit_class) for p in combo}) == 1:
                    out.append(Derivation("product", n.quantity.value * sum(p.quantity.value for p in combo),
                                          family(combo[0].quantity.unit_class), _ids((n, *combo)), size + 1))
    by_place: dict[tuple, list[tuple[Entry, Entry]]] = {}  # 7人×1000元 + 15人×800元 + 5人×1000元
    for per, e in pairs:
        by_place.setdefault((section_of.get(per.fact_id), family(per.quantity.unit_class)), []).append((per, e))
    for products in by_place.values():
        for size in range(2, min(len(products), 4) + 1):
            for combo in combinations(products[:_MAX_GROUP], size):
                if len({per.index for per, _ in combo}) == len({e.index for _, e in combo}) == size:
                    out.append(Derivation("sum", sum(per.quantity.value * e.quantity.value for per, e in combo),
                                          family(combo[0][0].quantity.unit_class), _ids(x for pair in combo for x in pair),
                                          2 * size))
    return out


_SPAN_SEP = re.compile(r"\s*[-－—–~～至到]+\s*")
_EACH_OF = re.compile(r"([\u4e00-\u9fff0-9、和与及]+)各[\u4e00-\u9fff]{0,3}$")   # 9月、12月各召开1次


def _spans_and_shares(ledger: Ledger) -> list[Derivation]:
    """Day counts of a span (18日至19日 → 2天) and the items of a list times what each got (小学部、初中部各8名 → 16)."""
    out = []
    text_of = {f.id: f.text for f in ledger.facts}
    for e in ledger.entries:
        q = e.quantity
        if q.kind == "range" and q.unit == "日" and q.high:
            out.append(Derivation("count", q.high - q.value + 1, "count:天", (e.fact_id,)))
        if q.kind == "range" and q.unit == "月" and q.high and q.high > q.value:   # 9月至12月 → 四个月
            out += [Derivation("count", q.high - q.value + 1, c, (e.fact_id,)) for c in ("count:个月", "count:月")]
        prev = ledger.entries[e.index - 1] if e.index else None
        if (prev is not None and prev.fact_id == e.fact_id and q.kind == prev.quantity.kind == "date"
                and _SPAN_SEP.fullmatch(text_of[e.fact_id][prev.quantity.end:q.start])
                and q.date_parts[:2] == prev.quantity.date_parts[:2] and q.date_parts[2] > prev.quantity.date_parts[2] > 0):
            out.append(Derivation("count", q.date_parts[2] - prev.quantity.date_parts[2] + 1, "count:天", (e.fact_id,)))
        clause = re.split(r"[，,。；;：:]", text_of[e.fact_id][:q.start])[-1]
        each = _EACH_OF.search(clause)
        if q.kind in ("count", "money") and each:
            items = [w for w in re.split(r"[、和与及]", each.group(1)) if w]
            if len(items) >= 2:
                out.append(Derivation("product", len(items) * q.value, family(q.unit_class), (e.fact_id,)))
    return out


_WHOLE = re.compile(r"总额|总数|总计|合计|共计|总人数|共$")


def _shares_and_changes(ledger: Ledger) -> list[Derivation]:
    """Within a section: each figure's share of a whole the notes name (预算总额18万元 … 慰问帮扶7.5万元 → 41.7%), and
    the change from one figure to another of its class (决算19.2万元 → 预算21.6万元: 增长12.5%)."""
    section_of = {f.id: f.section for f in ledger.facts}
    by_place: dict[tuple, list[Entry]] = {}
    for e in ledger.entries:
        if e.quantity.kind in ("count", "money") and e.quantity.value > 0:
            by_place.setdefault((section_of.get(e.fact_id), family(e.quantity.unit_class)), []).append(e)
    out = []
    for entries in by_place.values():
        entries = entries[:_MAX_GROUP]
        for whole in entries:
            if _WHOLE.search(whole.subject.partition("|")[0]):
                out += [Derivation("rate", 100 * e.quantity.value / whole.quantity.value, "percent", _ids((e, whole)))
                        for e in entries if e is not whole and e.quantity.value < whole.quantity.value]
        out += [Derivation("change", 100 * (a.quantity.value - b.quantity.value) / b.quantity.value, "percent",
                           _ids((a, b))) for a, b in permutations(entries, 2)
                if a.quantity.value != b.quantity.value]
    for p in ledger.entries:                            # 班主任津贴占奖励性绩效15% of 总额312万元 → 46.8万元;
        if p.quantity.kind != "percent":                # 其中60%留成 of 拨缴28.4万元 → 17.04万元
            continue
        out += [Derivation("product", e.quantity.value * p.quantity.value / 100, family(e.quantity.unit_class),
                           _ids((e, p))) for e in ledger.entries
                if (e.quantity.kind == "money" or e.quantity.kind == "count" and "占" in p.subject)
                and section_of.get(e.fact_id) == section_of.get(p.fact_id)]
    for entries in _by_fact(ledger).values():           # 上线率91.6%，比上年提高2.3个百分点 → 上年89.3%
        rates = [e for e in entries if e.quantity.kind == "percent"]
        points = [e for e in entries if e.quantity.unit_class == "count:百分点"]
        out += [Derivation("difference", r.quantity.value + sign * d.quantity.value, "percent", _ids((r, d)))
                for r in rates for d in points for sign in (1, -1)]
    return out


def _bases(ledger: Ledger) -> list[Derivation]:
    """The whole a fact's part and share give: 女教职工31人，占教职工总数的62% → 50人."""
    out = []
    for entries in _by_fact(ledger).values():
        for part in entries:
            for share in entries:
                if part.quantity.kind == "count" and share.quantity.kind == "percent" and 0 < share.quantity.value < 100:
                    whole = round(part.quantity.value * 100 / share.quantity.value)
                    if whole > part.quantity.value and rate_matches(share.quantity, 100 * part.quantity.value / whole):
                        out.append(Derivation("base", float(whole), family(part.quantity.unit_class), _ids((part, share))))
    return out


def _items_each(ledger: Ledger) -> dict[int, int]:
    """Entry index → how many listed items each got it (书画、摄影协会各4000元 → 2)."""
    text_of = {f.id: f.text for f in ledger.facts}
    out = {}
    for e in ledger.entries:
        clause = re.split(r"[，,。；;：:]", text_of[e.fact_id][:e.quantity.start])[-1]
        each = _EACH_OF.search(clause)
        items = [w for w in re.split(r"[、和与及]", each.group(1)) if w] if each else []
        if len(items) >= 2 and e.quantity.kind in ("count", "money"):
            out[e.index] = len(items)
    return out


def enumerations(ledger: Ledger) -> dict[str, list[Entry]]:
    """Ordinals that number the facts' items (第一批…第二批…第三批): unit → the entries, when they run 1, 2 … n."""
    by_unit: dict[str, list[Entry]] = {}
    for e in ledger.entries:
        if e.quantity.kind == "ordinal" and e.quantity.unit not in ("届次", ""):
            by_unit.setdefault(e.quantity.unit, []).append(e)
    return {unit: run for unit, run in by_unit.items()
            if len(run) >= 2 and {e.quantity.value for e in run} == set(range(1, len(run) + 1))}


def _by_fact(ledger: Ledger) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for e in ledger.entries:
        out.setdefault(e.fact_id, []).append(e)
    return out


def _groups(ledger: Ledger) -> Iterable[list[Entry]]:
    by_fact: dict[str, list[Entry]] = {}
    by_section: dict[str, list[Entry]] = {}
    section_of = {f.id: f.section for f in ledger.facts}
    for e in ledger.entries:
        by_fact.setdefault(e.fact_id, []).append(e)
        by_section.setdefault(section_of.get(e.fact_id, ""), []).append(e)
    seen: set[tuple[int, ...]] = set()
    for group in list(by_fact.values()) + list(by_section.values()):
        key = tuple(e.index for e in group)
        if len(group) >= 2 and key not in seen:
            seen.add(key)
            yield group


def _ids(entries: Iterable[Entry]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e.fact_id for e in entries))


def family(unit_class: str) -> str:
    """Persons, person-times and votes add up together (获奖5人次，其中一等奖2人 → 其余3人; 赞成55票 of 58人)."""
    return "count:人" if unit_class in ("count:人次", "count:票") else unit_class


def rounding(q: Quantity) -> float:
    """How far a written figure may be from the exact one: 约66.6万元 for 665,600 (half its last written digit);
    exact otherwise."""
    scale = 1e8 if "亿" in q.text else 1e4 if "万" in q.text else 1e3 if "千" in q.text else 1.0
    if scale == 1.0 and qualifier_class(q.qualifier) != "about":
        return 1e-6
    return 0.5 * scale * 10.0 ** -q.decimals + 1e-6


def rate_matches(stated: Quantity, value: float) -> bool:
    """A stated rate agrees with a computed one when it is the computed one rounded or cut to its decimals."""
    step = 10.0 ** -stated.decimals
    return abs(stated.value - value) <= step / 2 + 1e-9 or 0 <= value - stated.value < step


def find_derivation(q: Quantity, table: Sequence[Derivation], context: str, sentence: str = "") -> Derivation | None:
    """The derivation that gives q, if the words before q say it is one (共/合计 for a sum, 其余/增加 for a
    difference, in its clause; a total word anywhere in the sentence before it for a sum or product; a rate
    needs no word)."""
    for d in table:
        if d.how == "rate":
            if q.kind == "percent" and rate_matches(q, d.value):
                return d
        elif d.how == "change" and q.kind == "percent":     # 增长12.5% (of the smaller), 下降5% (of the larger)
            up, down = UP_WORDS.search(context), DOWN_WORDS.search(context)
            if (up and d.value > 0 or down and d.value < 0) and rate_matches(q, abs(d.value)):
                return d
        elif d.how in ("count", "product", "base"):           # 分三批; 每人200元 × 52名; 31名 = 62%
            if d.unit_class == family(q.unit_class) and abs(d.value - q.value) <= rounding(q):
                return d
        elif d.how == "difference" and d.unit_class == "percent" and q.kind == "percent":
            if rate_matches(q, d.value) and any(w in context for w in DIFF_WORDS):
                return d
        elif d.unit_class == family(q.unit_class) and abs(d.value - q.value) <= rounding(q):
            worded = (TOTAL_WORDS.search(context + sentence) or WHOLE_WORDS.search(context) if d.how in ("sum", "product")
                      else any(w in context for w in DIFF_WORDS))
            if worded or d.how == "sum" and d.size >= 3:       # 55名代表 = 52 + 0 + 3 票: three parts need no word
                return d
    return None
