"""Facts → ledger: each fact's quantities, each with the subject it counts (参评 / 通过 / 优秀教师 / 参与率).

The subject is the words of the quantity's own clause, on both sides, up to the next punctuation or figure:
in "8人参评中高级职称，7人通过" 8人 counts 参评中高级职称 and 7人 counts 通过. It is kept as character bigrams,
which is what eval.check compares with the words around a figure in the draft.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from eval.facts import Fact
from eval.numbers import Quantity, extract_quantities

__all__ = ["Entry", "Ledger", "build_ledger", "subject_of", "bigrams"]

_CLAUSE_END = re.compile(r"[，,。；;！!？?\n：:、（）()“”\"]")
_LEFT_CHARS, _RIGHT_CHARS = 10, 8


@dataclass(frozen=True)
class Entry:
    fact_id: str
    quantity: Quantity
    subject: str                   # the clause words around the figure, figure removed
    index: int                     # position in the ledger


@dataclass(frozen=True)
class Ledger:
    facts: tuple[Fact, ...]
    entries: tuple[Entry, ...]
    weights: dict                  # bigram → weight (rarer across subjects = heavier)
    subject_bigrams: tuple = ()    # per entry: the bigrams of its subject
    subject_weight: tuple = ()     # per entry: their total weight

    def of_class(self, unit_class: str) -> list[Entry]:
        return [e for e in self.entries if e.quantity.unit_class == unit_class]


def bigrams(text: str) -> set[str]:
    """Character bigrams of each side of a subject ("left|right"); a one-character side counts as itself."""
    out: set[str] = set()
    for part in text.split("|"):
        chars = [c for c in part if "\u4e00" <= c <= "\u9fff" or c.isascii() and c.isalpha()]
        out.update(a + b for a, b in zip(chars, chars[1:]))
        if len(chars) == 1:
            out.add(chars[0])
    return out


def subject_of(text: str, q: Quantity, others: Sequence[Quantity]) -> str:
    """The words of q's clause: left to the clause start or the previous figure, right to the clause end or the
    next figure (at most a few characters each way)."""
    left_limit = max([o.end for o in others if o.end <= q.start] + [q.start - _LEFT_CHARS, 0])
    right_limit = min([o.start for o in others if o.start >= q.end] + [q.end + _RIGHT_CHARS, len(text)])
    left = text[left_limit:q.start]
    cut = [m.end() for m in _CLAUSE_END.finditer(left)]
    left = left[cut[-1]:] if cut else left
    right = text[q.end:right_limit]
    stop = _CLAUSE_END.search(right)
    right = right[:stop.start()] if stop else right
    return f"{left}|{right}"


def build_ledger(facts: Sequence[Fact]) -> Ledger:
    entries: list[Entry] = []
    for fact in facts:
        quantities = extract_quantities(fact.text)
        for q in quantities:
            entries.append(Entry(fact.id, q, subject_of(fact.text, q, quantities), len(entries)))
    counts = Counter(b for e in entries for b in bigrams(e.subject))
    n = max(len(entries), 1)
    weights = {b: 1.0 + math.log(n / c) for b, c in counts.items()}
    grams = tuple(frozenset(bigrams(e.subject)) for e in entries)
    return Ledger(tuple(facts), tuple(entries), weights, grams, tuple(sum(weights[b] for b in g) for g in grams))
