"""The checker's evaluation cases (eval/number_cases/*.jsonl) are well formed.

Format only: this never runs the checker, so a broken case file fails here whatever state eval.check is in.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.facts import parse_facts
from eval.numbers import extract_quantities

CASES_DIR = Path(__file__).resolve().parent.parent / "eval" / "number_cases"
ERROR_KINDS = {"unsupported", "mismatch", "qualifier", "arithmetic", "missing", "leak"}
CATEGORIES = {"altered_count", "altered_money", "altered_date_year", "invented", "dropped_qualifier", "wrong_sum",
              "wrong_rate", "swapped_attribution", "ordinal", "missing", "leak", "clean_dense"}
REQUIRED = {"id", "category", "notes", "draft", "expected"}
OPTIONAL = {"references"}


def load() -> list[tuple[str, int, dict]]:
    rows = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rows.append((path.name, n, json.loads(line)))
    return rows


def _values(text: str) -> set[float]:
    """A reference may give the leaked figure with another classifier or numeral (168人 for 168名, 16个 for 十六个)."""
    return {q.value for q in extract_quantities(text)}


def problems(case: dict) -> list[str]:
    """What is wrong with one case ([] if nothing)."""
    keys = set(case)
    if not REQUIRED <= keys:
        return [f"missing fields {sorted(REQUIRED - keys)}"]
    out = [f"unknown field {k!r}" for k in sorted(keys - REQUIRED - OPTIONAL)]
    if case["category"] not in CATEGORIES:
        out.append(f"unknown category {case['category']!r}")
    if not (isinstance(case["notes"], str) and isinstance(case["draft"], str) and case["draft"].strip()):
        return out + ["notes and draft must be non-empty strings"]
    if not 1 <= len(parse_facts(case["notes"])) <= 12:
        out.append(f"notes give {len(parse_facts(case['notes']))} facts, not 1-12")
    refs = case.get("references", [])
    if not (isinstance(refs, list) and all(isinstance(r, str) and r for r in refs)):
        out.append("references must be a list of non-empty strings")
        refs = []
    if not isinstance(case["expected"], list):
        return out + ["expected must be a list"]
    if (case["category"] == "clean_dense") != (not case["expected"]):
        out.append("clean_dense cases, and only they, expect no findings")
    for e in case["expected"]:
        if not (isinstance(e, dict) and set(e) == {"kind", "text"} and isinstance(e["text"], str) and e["text"]):
            out.append(f"expected entry {e!r} must be {{kind, text}} with a non-empty text")
        elif e["kind"] not in ERROR_KINDS:
            out.append(f"kind {e['kind']!r} is not an error kind")
        elif e["kind"] == "missing":
            if e["text"] not in case["notes"]:
                out.append(f"missing figure {e['text']!r} is not in the notes")
            if re.search(rf"(?<![0-9.〇零一二三四五六七八九十百千万两]){re.escape(e['text'])}", case["draft"]):
                out.append(f"missing figure {e['text']!r} is still in the draft")   # 7人, not the 7人 of 67人
        elif e["text"] not in case["draft"]:
            out.append(f"{e['kind']} figure {e['text']!r} does not occur in the draft")
        elif e["kind"] == "leak" and not any(e["text"] in r or _values(e["text"]) & _values(r) for r in refs):
            out.append(f"leaked figure {e['text']!r} is in no reference")
    return out


def test_case_files_exist_and_are_big_enough():
    rows = load()
    assert len(rows) >= 150
    assert {c["category"] for _, _, c in rows} == CATEGORIES


def test_ids_are_unique():
    seen: dict[str, str] = {}
    for name, n, case in load():
        assert case.get("id") not in seen, f"{name}:{n} repeats id {case.get('id')} ({seen.get(case.get('id'))})"
        seen[case.get("id")] = f"{name}:{n}"


def test_every_case_is_well_formed():
    bad = [f"{name}:{n} {case.get('id')}: {p}" for name, n, case in load() for p in problems(case)]
    assert not bad, "\n".join(bad)


GOOD = {"id": "x-01", "category": "altered_count", "notes": "- 慰问12人次\n- 学习4次\n- 讲座2场",
        "draft": "慰问13人次，学习4次，讲座2场。", "expected": [{"kind": "mismatch", "text": "13人次"}]}


@pytest.mark.parametrize("change, complaint", [
    ({}, None),
    ({"expected": [{"kind": "mismatch", "text": "14人次"}]}, "does not occur in the draft"),
    ({"expected": [{"kind": "typo", "text": "13人次"}]}, "not an error kind"),
    ({"expected": [{"kind": "style", "text": "13人次"}]}, "not an error kind"),
    ({"expected": [{"kind": "missing", "text": "4次"}]}, "still in the draft"),
    ({"expected": [{"kind": "missing", "text": "9次"}]}, "not in the notes"),
    ({"expected": [{"kind": "leak", "text": "13人次"}], "references": ["上年慰问10人次"]}, "in no reference"),
    ({"expected": []}, "only they"),
    ({"category": "clean"}, "unknown category"),
    ({"notes": "# 关爱服务"}, "not 1-12"),
    ({"extra": 1}, "unknown field"),
])
def test_the_validator_catches_broken_cases(change, complaint):
    found = problems({**GOOD, **change})
    if complaint is None:
        assert found == []
    else:
        assert any(complaint in p for p in found), found
