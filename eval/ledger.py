"""Facts → ledger: each fact's quantities, each with the subject it counts (参评 / 通过 / 优秀教师 / 参与率).

The subject is the words of the quantity's own clause, on both sides, up to the next punctuation or figure:
in "8人参评中高级职称，7人通过" 8人 counts 参评中高级职称 and 7人 counts 通过. It is kept as character bigrams,
which is what eval.check compares with the words around a figure in the draft.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from eval.facts import Fact
from eval.numbers import Quantity, extract_quantities

__all__ = ["SESSION_CLASSES", "Entry", "Ledger", "build_ledger", "subjects_of", "groups_of", "bigrams"]

_CLAUSE_END = re.compile(r"[，,。；;！!？?\n、（）()]")
_LEFT_CHARS, _RIGHT_CHARS, _DATE_RIGHT_CHARS = 20, 12, 30
# Words that name the same thing, written the one way before words are compared (上年 = 去年, 乡镇 = 乡村).
_SAME = {"上年": "去年", "上一年": "去年", "上年度": "去年", "县城": "城区", "乡镇": "乡村", "新婚": "结婚",
         "维护职工权益": "维权", "维护教职工权益": "维权", "每所学校": "每校", "每个学校": "每校", "每所": "每校",
         "经费审查委员会": "经审", "经费审查": "经审"}
_SAME_WORDS = re.compile("|".join(sorted(map(re.escape, _SAME), key=len, reverse=True)))
_CONNECTOR = re.compile(r"^\s*(?:增加|提高|增长|上升|下降|减少|降低|提升|调整|扩大)?\s*(?:到|至|为)\s*$")
_AMONG = re.compile(r"(?<![高初集其])中(?![学部心层青级小职老年])")   # 72名女教职工中…, not 高中部 or 中青年
SESSION_CLASSES = ("ordinal:届次", "ordinal:届", "ordinal:次")
_WALL_KINDS = ("count", "money", "percent", "number", "range")


@dataclass(frozen=True)
class Entry:
    fact_id: str
    quantity: Quantity
    subject: str                   # the clause words around the figure, figure removed
    index: int                     # position in the ledger
    group: str = ""                # the words since the previous figure of its class (慰问退休教职工，发放慰问金)


@dataclass(frozen=True)
class Ledger:
    facts: tuple[Fact, ...]
    entries: tuple[Entry, ...]
    weights: dict                  # bigram → weight (rarer across subjects = heavier)
    subject_bigrams: tuple = ()    # per entry: the bigrams of its subject
    subject_weight: tuple = ()     # per entry: their total weight
    fact_bigrams: dict = None      # fact id → the bigrams of the whole fact
    by_class: dict = None          # unit class → entries
    group_bigrams: tuple = ()      # per entry: the bigrams of its group (the words since the last figure of its class)
    fact_counts: dict = None       # bigram → how many facts use it
    subject_index: dict = None     # bigram → the indices of the entries whose subject has it
    group_index: dict = None       # bigram → the indices of the entries whose group has it
    by_value: dict = None          # (unit class, value) → entries

    def of_value(self, unit_class: str, value: float) -> list[Entry]:
        """The entries of a class with this value (to 4 decimals)."""
        return self.by_value.get((unit_class, round(value, 4)), [])

    def with_words(self, index: dict, words: Iterable[str]) -> set[int]:
        """The entries that have any of these words in the given index (subject_index or group_index)."""
        return set().union(*(index[g] for g in words if g in index))

    @property
    def counts(self) -> list[Entry]:
        return [e for c, es in self.by_class.items() if c.startswith("count:") for e in es]

    def of_class(self, unit_class: str) -> list[Entry]:
        return self.by_class.get(unit_class, [])

    def near(self, q: Quantity) -> list[Entry]:
        """The entries a figure of q's class can be compared with: its class; dates and ranges with each other;
        a bare number with anything."""
        if q.kind == "number":
            return list(self.entries)
        if q.kind in ("date", "range"):
            return [e for c in self.by_class if c == "date" or c.startswith("range:") for e in self.by_class[c]]
        if q.unit_class in SESSION_CLASSES:                 # 五届三次 = 第五届…第三次会议
            return [e for c in SESSION_CLASSES for e in self.by_class.get(c, [])]
        return (self.by_class.get(q.unit_class, []) + (self.counts if q.kind == "count" else [])
                + (self.by_class.get("number", []) if q.kind in ("count", "money") else []))   # 参与人次1200


def bigrams(text: str) -> set[str]:
    """Character bigrams of each side of a subject ("left|right"); a one-character side counts as itself."""
    out: set[str] = set()
    for part in _SAME_WORDS.sub(lambda m: _SAME[m.group()], text).split("|"):
        chars = [c for c in part if "\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalnum()]
        out.update(a + b for a, b in zip(chars, chars[1:]))
        if len(chars) == 1:
            out.add(chars[0])
    return out


def subjects_of(text: str, quantities: Sequence[Quantity], notes: bool = False) -> list[str]:
    """The words of each quantity's clause ("left|right"): left to the clause start or the previous figure, right
    to the clause end or the next figure, a few characters at most each way. Figures like 一等奖, 第三届 and 4月
    stay part of the words. Linear in the number of quantities (they come in text order).
    notes: the chair's terse style, label before figure (硬笔作品36件 软笔作品18件): the words between a labelled
    figure and the next one label the next one."""
    walls = [o for o in quantities if o.kind in _WALL_KINDS and not (o.chinese and o.value == 1)   # 新一届 is a word,
             and o.unit_class != "count:岁"]                                                   # 70岁以上 a label
    wall_ends = [o.end for o in walls]
    wall_starts = [o.start for o in walls]
    out = []
    for q in quantities:
        i = bisect_right(wall_ends, q.start)
        skip = 1 if q.kind == "date" and text[q.end:q.end + 1] in "，,：:" else 0   # 10月，邀请专家开展讲座
        left_limit = max(wall_ends[i - 1] if i else 0, q.start - _LEFT_CHARS, 0)
        j = bisect_left(wall_starts, q.end)
        reach = _DATE_RIGHT_CHARS if q.kind == "date" else _RIGHT_CHARS     # a date heads its whole clause
        right_limit = min(wall_starts[j] if j < len(wall_starts) else len(text), q.end + skip + reach, len(text))
        left = text[left_limit:q.start]
        cut = [m.end() for m in _CLAUSE_END.finditer(left)]
        left = left[cut[-1]:] if cut else left
        among = list(_AMONG.finditer(left))
        if i and left_limit == wall_ends[i - 1] and not cut and among:
            left = left[among[-1].end():]               # 72名女教职工中参检63人: 女教职工 belongs to 72名
        right = text[q.end + skip:right_limit]
        stop = _CLAUSE_END.search(right)
        right = right[:stop.start()] if stop else right
        if not notes and re.match(r"[及和与、：:]", right):
            right = ""                                  # 专职管理员1名及兼职管理员; 收入40万元：拨缴经费…: the next words
        among_right = _AMONG.search(right) if q.kind in _WALL_KINDS else None
        if among_right and among_right.start() >= 2:
            right = right[:among_right.start()]         # 120名参评教职工中确定优秀36人: 确定优秀 is the 36's
        if not stop and j < len(wall_starts) and right_limit == wall_starts[j] and _CONNECTOR.match(right):
            right = ""                                   # 由18项增加到23项: 增加到 leads to 23项
        if (notes and not stop and j < len(wall_starts) and right_limit == wall_starts[j]
                and (_has_words(left) or q.kind == "rank")):  # 二等奖每人奖励400元: 每人奖励 labels 400元
            right = right[:right.index("中")] if "中" in right else ""   # 软笔作品 labels 18件, not 36件
        out.append(f"{left}|{right}")
    return out


def groups_of(text: str, quantities: Sequence[Quantity], start: int = 0) -> list[str]:
    """For each quantity, the text since the previous quantity of its class (or since `start`, or the sentence
    start): the clauses that say what the figure is about when its own clause only says 发放慰问金."""
    last: dict[str, int] = {}
    out = []
    for q in quantities:
        begin = max(last.get(q.unit_class, 0), start, *(text.rfind(c, 0, q.start) + 1 for c in "。；;：:\n"))
        words = text[begin:q.start]
        among = list(_AMONG.finditer(words))
        if begin == last.get(q.unit_class) and among and not _CLAUSE_END.search(words):
            words = words[among[-1].end():]             # 72名女教职工中参检63人: 女教职工 are the 72
        elif begin == last.get(q.unit_class) and (cut := _CLAUSE_END.search(words)):
            words = words[cut.end():]                   # 205名教职工参赛，占全校教职工225人: 参赛 is the 205's
        out.append(words)
        last[q.unit_class] = q.end
    return out


def build_ledger(facts: Sequence[Fact]) -> Ledger:
    entries: list[Entry] = []
    for fact in facts:
        quantities = extract_quantities(fact.text)
        for q, subject, group in zip(quantities, subjects_of(fact.text, quantities, notes=True), groups_of(fact.text, quantities)):
            if not bigrams(subject) and bigrams(group) and q.kind in ("count", "money", "percent"):
                subject = group.rstrip("，,、 ") + "|"     # 第一批疗休养赴安吉，62人: the clause before says what
            entries.append(Entry(fact.id, q, subject, len(entries), group + "|" + subject.split("|")[1]))
    entries = _told_apart(entries)
    counts = Counter(b for e in entries for b in bigrams(e.subject))
    n = max(len(entries), 1)
    weights = {b: 1.0 + math.log(n / c) for b, c in counts.items()}
    grams = tuple(frozenset(bigrams(e.subject)) for e in entries)
    fact_grams = {f.id: frozenset(bigrams(f.text)) for f in facts}
    group_grams = tuple(frozenset(bigrams(e.group)) for e in entries)
    return Ledger(tuple(facts), tuple(entries), weights, grams, tuple(sum(weights[b] for b in g) for g in grams),
                  fact_grams, _by_class(entries), group_grams, Counter(g for grams in fact_grams.values() for g in grams),
                  _inverted(grams), _inverted(group_grams), _by_value(entries))


def _by_value(entries: Sequence[Entry]) -> dict[tuple[str, float], list[Entry]]:
    out: dict[tuple[str, float], list[Entry]] = {}
    for e in entries:
        out.setdefault((e.quantity.unit_class, round(e.quantity.value, 4)), []).append(e)
    return out


def _inverted(grams: Sequence[frozenset]) -> dict[str, frozenset]:
    out: dict[str, set] = {}
    for i, g in enumerate(grams):
        for b in g:
            out.setdefault(b, set()).add(i)
    return {b: frozenset(ids) for b, ids in out.items()}


def _told_apart(entries: list[Entry]) -> list[Entry]:
    """A subject that is part of another fact's (获奖论文 of 语文组获评优秀教研组，获奖论文9篇 beside 数学组获奖论文6篇)
    takes the words of its clauses before, which tell it apart."""
    out = []
    for e in entries:
        rivals = [bigrams(o.subject) for o in entries
                  if o.fact_id != e.fact_id and o.quantity.unit_class == e.quantity.unit_class]
        own, wider = bigrams(e.subject), bigrams(e.group.partition("|")[0])
        if (own and any(own < r for r in rivals) and e.quantity.kind in ("count", "money", "percent")
                and wider - set().union(*rivals) - own):
            left, _, right = e.subject.partition("|")
            e = Entry(e.fact_id, e.quantity, e.group.partition("|")[0].rstrip("，,、 ") + "|" + right, e.index, e.group)
        out.append(e)
    return out


def _by_class(entries: Sequence[Entry]) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for e in entries:
        out.setdefault(e.quantity.unit_class, []).append(e)
    return out


def _has_words(text: str) -> bool:
    """At least two Chinese characters: a label of its own."""
    return sum("\u4e00" <= c <= "\u9fff" for c in text) >= 2
