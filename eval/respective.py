"""Respective lists: 篮球赛和气排球赛分别有12支和8支队伍 — the k-th figure after 分别 belongs to the k-th subject
named before it. The order of the subjects decides, not the words next to each figure (which are shared)."""
from __future__ import annotations

import re

from eval.draft_view import DraftView, supports
from eval.ledger import Entry, bigrams
from eval.numbers import Quantity

__all__ = ["RespectiveLists"]

_MARKER = re.compile(r"分别|分获|依次|各自")
_JOINER = re.compile(r"^[、，,和与及以]?$|^[、，,]?(?:和|与|及)$")
_MAX_LEAD = 10                   # characters between the marker and the first figure (分别有, 分别为, 分获)


class RespectiveLists(DraftView):
    def find_respective_lists(self) -> dict[int, list[Quantity]]:
        """id(figure) → the list it stands in, for every run of two or more figures of one class after a marker."""
        out: dict[int, list[Quantity]] = {}
        for m in _MARKER.finditer(self.draft):
            after = [q for q in self.figures if m.end() <= q.start]
            if not after or after[0].start - m.end() > _MAX_LEAD or re.search(r"[，,。；;]", self.draft[m.end():after[0].start]):
                continue
            run = [after[0]]
            for q in after[1:]:
                if q.unit_class != run[0].unit_class or not _JOINER.match(self.draft[run[-1].end:q.start]):
                    break
                run.append(q)
            if len(run) >= 2:
                out.update({id(q): run for q in run})
        return out

    def respective_swaps(self, lists: dict[int, list[Quantity]]) -> None:
        """Flag the figures whose place in the list does not match the place of their subject before the marker."""
        done: set[int] = set()
        for run in lists.values():
            if id(run[0]) in done:
                continue
            done.add(id(run[0]))
            owners = [self.owner.get(id(q)) for q in run]
            if any(o is None for o in owners) or len({o.index for o in owners}) < len(owners):
                continue
            start = self.span(run[0], self.sentence_ends)[0]
            marker = _MARKER.search(self.draft, start, run[0].start)
            named = self.draft[start:marker.start()] if marker else ""
            named = re.split(r"[，,：:]", named)[-1] or named    # 高三年级组获第一名，总务处、初一年级组分获…: the last clause
            places = [self._place(o, owners, named) for o in owners]
            if None in places or len(set(places)) < len(places):
                continue
            by_place = [o for _, o in sorted(zip(places, owners), key=lambda t: t[0])]
            for q, own, expected in zip(run, owners, by_place):
                if expected is not own and not supports(expected.quantity, q, self.ledger):
                    del self.owner[id(q)]
                    self.used.add(expected.index)
                    self.swapped(q, expected)

    def _place(self, e: Entry, owners: list[Entry], named: str) -> int | None:
        """Where e's own words (those the other subjects of the list lack) first stand in the words before the
        marker; None when they do not."""
        others = set().union(*(self._words_of(o) for o in owners if o is not e))
        telling = {g for g in self._words_of(e) - others if len(g) == 2}
        hits = [named.find(g) for g in telling if g in named]
        return min(hits) if hits else None

    def _words_of(self, e: Entry) -> set[str]:
        return set(self.ledger.subject_bigrams[e.index]) | bigrams(e.group)
