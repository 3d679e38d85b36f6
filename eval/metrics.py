"""Measures the eval suite takes of one drafted document. Pure: text in, numbers out.

- fact coverage: a fact with figures is covered when every one of its figures appears in the document (same value
  and unit class, read by eval.numbers; fixed names such as 二十届三中全会 or “三八” never count as figures); a fact without figures is covered when
  most of its character bigrams appear in the document (BIGRAM_RECALL).
- length: characters that are not whitespace.
- required headings: each entry names alternatives separated by '|' ("存在问题|不足"); one must occur in a heading.
- style: character-bigram Jaccard similarity (the measure used when no dense embedder is available).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from eval.facts import Fact
from eval.fixed_names import masked_spans
from eval.numerals import chinese_value, to_ascii_digits

__all__ = ["Coverage", "figures", "fact_coverage", "char_count", "missing_headings", "bigrams", "bigram_jaccard",
           "BIGRAM_RECALL"]

BIGRAM_RECALL = 0.6
_ARABIC = re.compile(r"\d+(?:[.,]\d+)*")
_CHINESE = re.compile(r"[〇零一二两三四五六七八九十百千万]+(?=[多余近约个名件条场期次项户人位篇所万元届对台天年月日岁支组]|$)")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Coverage:
    covered: tuple[str, ...]        # fact ids
    missing: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missing)

    @property
    def share(self) -> float:
        return len(self.covered) / self.total if self.total else 1.0


def _masked(text: str) -> str:
    chars = list(to_ascii_digits(text))
    for start, end in masked_spans(text):
        for i in range(start, min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def figures(text: str) -> set[float]:
    """The values of the figures in a text (Arabic and Chinese numerals; fixed names and enumerators left out)."""
    masked = _masked(text)
    found: set[float] = set()
    for m in _ARABIC.finditer(masked):
        try:
            found.add(round(float(m.group().replace(",", "")), 6))
        except ValueError:
            continue
    for m in _CHINESE.finditer(masked):
        span = m.group()
        if span == "万" or (len(span) == 1 and span in "十百千万"):
            continue
        parsed = chinese_value(span)
        if parsed is not None:
            found.add(round(parsed[0], 6))
    return found


def bigrams(text: str) -> set[str]:
    han = "".join(ch if _HAN.match(ch) or ch.isalnum() else " " for ch in text)
    return {han[i:i + 2] for i in range(len(han) - 1) if " " not in han[i:i + 2]}


def bigram_jaccard(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    return len(x & y) / len(x | y) if x and y else 0.0


def _figures_found(fact_text: str, doc_text: str, doc_quantities) -> bool | None:
    """True/False whether all the fact's figures appear in the document; None when the fact has no figures."""
    if doc_quantities is None:
        wanted = figures(fact_text)
        return (wanted <= figures(doc_text)) if wanted else None
    from eval.numbers import extract_quantities, same_value

    wanted = extract_quantities(fact_text)
    if not wanted:
        return None
    return all(any(q.unit_class == d.unit_class and same_value(q, d) for d in doc_quantities) for q in wanted)


def fact_coverage(text: str, facts: list[Fact]) -> Coverage:
    try:   # eval.numbers reads units and multipliers (1.2万元 = 12000元); the regex fallback compares values only
        from eval.numbers import extract_quantities
        doc_quantities = extract_quantities(text)
    except ImportError:
        doc_quantities = None
    doc_bigrams = bigrams(text)
    covered, missing = [], []
    for fact in facts:
        found = _figures_found(fact.text, text, doc_quantities)
        if found is not None:
            ok = found
        else:
            grams = bigrams(fact.text)
            ok = not grams or len(grams & doc_bigrams) / len(grams) >= BIGRAM_RECALL
        (covered if ok else missing).append(fact.id)
    return Coverage(tuple(covered), tuple(missing))


def char_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def missing_headings(headings: list[str], required: list[str]) -> list[str]:
    """The required entries no heading satisfies."""
    return [entry for entry in required
            if not any(alt and alt in heading for alt in entry.split("|") for heading in headings)]
