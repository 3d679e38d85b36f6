"""Swapped attributions: a fact's own figure written beside another fact's subject (优秀教师6名、优秀班主任7名 when
the notes say 7 and 6). A figure is flagged when the words around it tell the other subject apart from its own."""
from __future__ import annotations

import re
from functools import lru_cache

from eval.derived import WHOLE_WORDS
from eval.draft_view import STRONG, WEAK, DraftView, subject_words
from eval.ledger import Entry, bigrams
from eval.numbers import Quantity, qualifier_class, same_value

__all__ = ["SwapChecks"]

OWN_LEFT = 0.35        # how little of its own subject's telling words may stand around a swapped figure
_TIME_WORDS = {"去年", "上年", "今年", "本年", "明年", "前年", "本学", "上学", "下学"}
_COUNTED = {"教职", "职工", "教工", "教师", "老师", "会员", "同志", "人员", "员工"}   # who is counted: tells nothing apart
_RANK_IN = re.compile(r"[一二三四五六七八九十特]等奖")
_RANK_LABEL = re.compile(r"[一二三四五六七八九十特]等奖?$|第[一二三四五六七八九十]+名$")


class SwapChecks(DraftView):
    def contrast(self, q: Quantity, other: Entry, own: Entry) -> bool:
        """q stands among the words that set `other`'s subject apart from its own fact figure's, and among none of
        the words that set its own apart: 区级课题立项4项 when the notes say 区级…11项 and 市级…4项."""
        if q.kind == "rank" and not self.rank_count_agrees(q, other):
            return False
        if "每" in own.subject and "每" not in other.subject and "每" in self.clause_before(q):
            return False                                    # 按每个1.5万元的标准下拨补助资金: per unit, as its own
        if self.label_contrast(q, other, own):
            return True
        if re.search(r"等[\u4e00-\u9fff]{0,4}$", self.clause_before(q)):
            return False                                    # 舞蹈、合唱、小品、器乐等节目15个: the total of a listed series
        if own.fact_id == other.fact_id and self.leads_its_fact(other):
            return self.same_fact_contrast(q, other, own)
        mine, theirs = self.ledger.subject_bigrams[own.index], self.ledger.subject_bigrams[other.index]
        telling = {g for g in (theirs - mine) & self.context[id(q)] if len(g) == 2 and g not in _COUNTED}
        if own.fact_id != other.fact_id:
            telling -= self.ledger.fact_bigrams[own.fact_id]    # 市级优质课评比，获一等奖1人: 优质课 is its own fact's
        if telling and self.main_contrast(q, other, own, telling):
            return True
        return self.group_contrast(q, other, own) or self.wide_contrast(q, other, own)

    def main_contrast(self, q: Quantity, other: Entry, own: Entry, telling: set[str]) -> bool:
        """The clause's words: most of what sets the other's subject apart is here, little of the own's."""
        mine, theirs = self.ledger.subject_bigrams[own.index], self.ledger.subject_bigrams[other.index]
        if not any(len(g) == 2 for g in mine - theirs):
            return False                                    # an own subject like 共 or 参加 says too little
        weights = self.ledger.weights
        shown = sum(weights.get(g, 1.0) for g in telling) / (sum(weights.get(g, 1.0) for g in theirs - mine) or 1.0)
        own_shown = self._share(mine - theirs, self.context[id(q)])
        if {g for g in mine - theirs if g in _TIME_WORDS} & bigrams(self.clause_before(q)[-4:]):
            return False                                    # 由去年的132人增至141人: its own time stands right before it
        return (own_shown < OWN_LEFT and not self.sentence_names_own(q, mine - theirs)
                and self.score(q, other) > self.score(q, own)
                and (shown >= 0.4 or self.score(q, other) >= STRONG
                     or own_shown == 0 and shown >= 0.3 and all(self.one_fact_says(g) for g in telling))
                and shown > own_shown + 0.3)

    def sentence_names_own(self, q: Quantity, own_words: set[str]) -> bool:
        """The sentence so far names q's own subject (开展“金秋助学”活动，资助困难教职工子女42人): most of its telling
        words stand before q, and no figure of q's class stands between to claim them."""
        if any(p.unit_class == q.unit_class and p.end <= q.start for p in self.same_sentence(q)):
            return False
        return self._share(own_words, self.wide(q)) >= 0.75

    def group_contrast(self, q: Quantity, other: Entry, own: Entry) -> bool:
        """When the clause's own words tie, the wider words since the last figure of the class decide."""
        if (own.fact_id == other.fact_id or abs(self.score(q, own) - self.score(q, other)) > 0.05 or q.kind == "date"
                or WHOLE_WORDS.search(self.clause_before(q))     # 全校150名教职工中有138人: a whole, by its own word
                or 0 < self.score(q, own) < WEAK / 2):
            return False                                    # the wider words only break a tie of the clause's own
        mine, theirs = self.ledger.group_bigrams[own.index], self.ledger.group_bigrams[other.index]
        here = self.group_grams[id(q)]
        own_words = {g for g in mine - theirs if len(g) == 2}
        if not own_words or own_words & here:
            return False
        telling = {g for g in (theirs - mine) & here if len(g) == 2 and self.one_fact_says(g)}
        if not telling:
            return False
        theirs_chars = _chars(self.ledger.entries[other.index].group) - _chars(own.group)
        return bool(theirs_chars & _chars("".join(sorted(here))))   # 力争征集提案 vs 去年征集提案: 去年 is not here

    def one_fact_says(self, gram: str) -> bool:
        """A word only one fact uses (生育, not the 教职工 of 新婚教职工 and 生育教职工)."""
        return self.ledger.fact_counts.get(gram, 0) == 1

    def wide_contrast(self, q: Quantity, other: Entry, own: Entry) -> bool:
        """The clause before names the event and q's own clause only what is counted (开展保育员技能比武，24名保育员
        同台展示 when the notes give 24 to 家长志愿者): the other's subject stands in the sentence so far, and none of
        the words that set the own subject apart."""
        if own.fact_id == other.fact_id:
            return False
        mine, theirs = self.ledger.subject_bigrams[own.index], self.ledger.subject_bigrams[other.index]
        here = self.wide(q)
        own_words = {g for g in mine - theirs if len(g) == 2}
        telling = {g for g in (theirs - mine) & here if len(g) == 2}
        if not own_words or own_words & here or len(telling) < 2:
            return False
        own_event = {g for g in (self.ledger.group_bigrams[own.index] - theirs) & here
                     if len(g) == 2 and self.one_fact_says(g)}
        if len(own_event) >= 2:
            return False                                    # 重阳节…座谈会，31位老同志: its own event is named
        weights = self.ledger.weights
        return sum(weights[g] for g in theirs & here) / self.ledger.subject_weight[other.index] >= STRONG

    def rank_count_agrees(self, q: Quantity, other: Entry) -> bool:
        """一等奖12人 for the notes' 二等奖12人 is a swapped rank; 一等奖6人 is not the notes' 二等奖12人: the count
        right after a rank must be the other rank's count, when both are written."""
        after = [p for p in self.figures if p.start >= q.end][:1]
        theirs = [e for e in self.ledger.entries if e.fact_id == other.fact_id and e.index > other.index][:1]
        if (not after or not theirs or after[0].start - q.end > 2 or after[0].kind != "count"
                or theirs[0].quantity.kind != "count" or theirs[0].quantity.start - other.quantity.end > 2):
            return True
        return same_value(after[0], theirs[0].quantity)

    def leads_its_fact(self, e: Entry) -> bool:
        """The first figure of a fact carries the fact's topic in its words (会员代表应到62人，实到60人): those words
        belong to every figure of the fact, so they cannot tell one from another."""
        return not any(o.fact_id == e.fact_id and o.index < e.index and o.quantity.kind in ("count", "money", "percent")
                       for o in self.ledger.entries)

    def same_fact_contrast(self, q: Quantity, other: Entry, own: Entry) -> bool:
        """Two figures of one fact (8人参评，7人通过): the words right next to the other figure stand around q, and
        the other's subject ties q strongly; the fact's shared words (会员代表应到62人，实到60人) tell nothing."""
        n = _label_length(other.subject, own.subject)
        near_theirs, near_mine = _near(other.subject, n), _near(own.subject, n)
        here = self.context[id(q)]
        telling = {g for g in (near_theirs - near_mine) & here if len(g) == 2}
        if (telling and near_mine and self.score(q, other) >= STRONG
                and not ((self.ledger.subject_bigrams[own.index] - self.ledger.subject_bigrams[other.index]) & here)):
            return True
        return self.head_noun_contrast(q, other, own)

    def head_noun_contrast(self, q: Quantity, other: Entry, own: Entry) -> bool:
        """Parallel labels that share a head noun and differ in the word before it: 女教职工94人，男教职工58人
        written as 男教职工94人 — the draft's label ends with the other's distinguishing word and the shared noun."""
        mine, theirs = own.subject.partition("|")[0], other.subject.partition("|")[0]
        shared = _common_suffix(mine, theirs)
        if not shared or len(shared) >= min(len(mine), len(theirs)):
            return False
        mark_mine, mark_theirs = mine[-len(shared) - 1], theirs[-len(shared) - 1]
        label = self.words[id(q)].partition("|")[0]
        return label.endswith(mark_theirs + shared) and mark_mine not in label

    @staticmethod
    def ranked(q: Quantity, other: Entry, own: Entry) -> bool:
        """Both subjects end in a rank label (一等奖, 第二名), or name one before an amount (一等奖每人奖励1000元)."""
        return (_rank_labelled(own.subject) and _rank_labelled(other.subject)
                or q.kind == "money" and all(_RANK_IN.search(e.subject + e.group) for e in (own, other)))

    def label_contrast(self, q: Quantity, other: Entry, own: Entry) -> bool:
        """In a ranked list, the rank right before q is the other figure's, not its own: 一等奖7名、二等奖4名 when
        the notes say 一等奖4名、二等奖7名 (a shared word like 等奖 says nothing); 获一等奖的6名教职工每人奖励600元
        when the notes give 600元 to 二等奖."""
        ranks = [_RANK_IN.findall(e.subject.partition("|")[0]) or _RANK_IN.findall(e.group) for e in (own, other)]
        here = _RANK_IN.findall(self.group_text[id(q)].partition("|")[0])
        if q.kind == "money" and all(ranks) and ranks[0][-1] != ranks[1][-1] and here:
            return here[-1] == ranks[1][-1]
        if not (_rank_labelled(own.subject) and _rank_labelled(other.subject)):
            return False                                    # only ranked lists: other labels move around too freely
        labels = [e.subject.split("|")[0][-3:] for e in (own, other)]
        here = bigrams(self.words[id(q)].split("|")[0][-3:])
        mine, theirs = (bigrams(label) for label in labels)
        telling = {g for g in (here & theirs) - mine if len(g) == 2}
        return bool(telling) and not ((mine - theirs) & self.context[id(q)])

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
        self.add("mismatch", q, f"这里说的是“{subject_words(slot)}”，笔记中是“{slot.quantity.text}”，草稿写成“{q.text}”"
                                f"（“{q.text}”在笔记中属于另一件事）", (slot.fact_id,))

    def complete_swaps(self) -> None:
        """The other half of a swap: 初中部…112人 was flagged (the notes give 112 to 高中部); 高中部…87人 is then the
        87 the notes give to 初中部 when the words around it tell 高中部 and nothing of 初中部."""
        for q, own, other in list(self.swap_pairs):
            mine, theirs = self.ledger.subject_bigrams[own.index], self.ledger.subject_bigrams[other.index]
            for p in self.by_class.get(q.unit_class, ()):
                if p is q or self.owner.get(id(p)) is not other:
                    continue
                here, own_share = self.context[id(p)], self._share(mine - theirs, self.wide(p))
                own_chars, their_chars = (_chars(e.subject) - _chars(o.subject) for e, o in ((own, other), (other, own)))
                words, wide = _chars(self.words[id(p)].partition("|")[0]), _chars(self.words[id(p)] + self.group_text[id(p)])
                own_part, their_part = (len(c & wide) / (len(c) or 1) for c in (own_chars, their_chars))
                if ({g for g in (mine - theirs) & here if len(g) == 2} and not (theirs - mine) & here
                        or own_share >= 0.5 and own_share > self._share(theirs - mine, self.wide(p)) + 0.3
                        or own_chars & words and not their_chars & words
                        or own_part >= 0.5 and own_part >= their_part + 0.4):
                    # “三八”节期间…手工皂制作活动，48名女职工参与; 在岗教职工1120人 for 在职…2980人;
                    # 秋季集体出游活动支出1.85万元 for 秋游…3.2万元 (运动会…1.85万元 was flagged)
                    del self.owner[id(p)]
                    self.used.add(own.index)
                    self.swapped(p, own)

    def wide(self, q: Quantity) -> set:
        """q's clause and the words since the last figure of its class."""
        return self.context[id(q)] | self.group_grams[id(q)]

    def _share(self, words: set, here: set) -> float:
        """How much of `words` (by weight) stands in `here`."""
        weights = self.ledger.weights
        return sum(weights.get(g, 1.0) for g in words & here) / (sum(weights.get(g, 1.0) for g in words) or 1.0)

    def sibling_swap(self, q: Quantity) -> None:
        """篮球赛队伍6支、队员64人 when the notes say 篮球赛…6支，队员48人 and 气排球赛…8支，队员64人: the figure
        right before q belongs to another fact, and that fact has a figure with q's subject but another value."""
        mine = self.owner[id(q)]
        if q.qualifier and qualifier_class(q.qualifier) == qualifier_class(mine.quantity.qualifier):
            return                                          # 每人联系约二十名 for the notes' 约20人: its own, qualifier and all
        before = [p for p in self.same_sentence(q) if p.end <= q.start and id(p) in self.owner]
        if not before or q.start - before[-1].end > 14:
            return
        other = self.owner[id(before[-1])]
        if other.fact_id == mine.fact_id or "分别" in self.draft[before[-1].end:q.start]:
            return                                          # 7人、十五人，每人分别送上1000元、800元
        for e in self.ledger.entries:
            if (e.fact_id == other.fact_id and e is not other and e.quantity.unit_class == q.unit_class
                    and not same_value(e.quantity, q) and self.score(q, e) >= STRONG
                    and self.score(q, e) >= self.score(q, mine)):
                del self.owner[id(q)]
                self.used.add(e.index)
                return self.swapped(q, e)


def _common_suffix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return a[len(a) - n:] if n else ""


def _cjk(text: str) -> str:
    return "".join(c for c in text if "\u4e00" <= c <= "\u9fff")


@lru_cache(maxsize=4096)
def _rank_labelled(subject: str) -> bool:
    return bool(_RANK_LABEL.search(subject.split("|")[0][-3:]))


@lru_cache(maxsize=4096)
def _chars(text: str) -> frozenset:
    return frozenset(_cjk(text))


def _near(subject: str, n: int = 3) -> set[str]:
    """The label right next to a figure: the last n characters before it and the first 4 after it."""
    left, _, right = subject.partition("|")
    return bigrams(left[-n:]) | bigrams(right[:4])


def _label_length(a: str, b: str) -> int:
    """3 characters tell two labels apart, unless they end alike: 李老师获 / 赵老师获 need 4."""
    a, b = a.partition("|")[0], b.partition("|")[0]
    n = 3
    while n < 6 and a[-n:] == b[-n:] and len(a) > n and len(b) > n:
        n += 1
    return n
