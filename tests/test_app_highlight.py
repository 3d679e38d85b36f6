"""The findings renderer: marks sit exactly on the figures, carry the message and the fact, never inject HTML."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from ui.draft_model import edit_section, figure_diff, full_text, versions
from ui.highlight import counts_by_kind, findings_list, highlight_html, kind_style


@dataclass(frozen=True)
class F:  # the checker's Finding contract: kind, level, start, end, text, message, fact_ids
    kind: str
    start: int | None
    end: int | None
    text: str
    message: str = "与笔记不符"
    fact_ids: tuple = ()
    level: str = "error"


TEXT = "本学期慰问困难教职工8人次，发放慰问金1.5万元。"
A, B = TEXT.index("8人次"), TEXT.index("1.5万元")


def _marked(html_out: str) -> list[str]:
    return [re.sub(r"<sup.*?</sup>", "", m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", html_out)]


def test_marks_wrap_exactly_the_spans():
    findings = [F("mismatch", A, A + 3, "8人次", fact_ids=("F1",)), F("qualifier", B, B + 5, "1.5万元")]
    out = highlight_html(TEXT, findings, {"F1": "慰问困难教职工6人次"})
    assert _marked(out) == ["8人次", "1.5万元"]
    assert "F1：慰问困难教职工6人次" in out                     # the fact is in the tooltip
    assert kind_style("mismatch").colour in out and kind_style("qualifier").colour in out


@pytest.mark.parametrize("findings, shown", [
    ([F("missing", None, None, "12条")], []),                        # no place in the text
    ([F("mismatch", A, A + 3, "8人次"), F("unsupported", A + 1, A + 3, "人次")], ["8人次"]),   # overlap: first wins
    ([F("mismatch", A, 999, "x")], []),                              # beyond the text: skipped, no crash
])
def test_unplaceable_and_overlapping_findings(findings, shown):
    assert _marked(highlight_html(TEXT, findings)) == shown


def test_text_and_messages_are_escaped():
    text = "<script>alert(1)</script> 共3人"
    out = highlight_html(text, [F("unsupported", 28, 30, "3人", message='<b>"x"</b>')])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert '<b>"x"</b>' not in out


def test_counts_and_numbered_list_follow_the_checker_order():
    findings = [F("mismatch", A, A + 3, "8人次", fact_ids=("F1",)), F("missing", None, None, "12条"),
                F("mismatch", B, B + 5, "1.5万元")]
    assert counts_by_kind(findings) == {"mismatch": 2, "missing": 1}
    lines = findings_list(findings, {"F1": "慰问6人次"})
    assert lines[0].startswith("①") and "8人次" in lines[0] and "F1：慰问6人次" in lines[0]
    assert lines[2].startswith("③")


DRAFT = {"title": "总结", "sections": [{"id": "s1", "heading": "一、帮扶", "text": "慰问6人次。"},
                                     {"id": "s2", "heading": "二、文体", "text": "参与率90%以上。"}]}


def test_full_text_offsets_point_at_each_section():
    text, spans = full_text(DRAFT)
    assert [text[s.start:s.end] for s in spans] == ["慰问6人次。", "参与率90%以上。"]


def test_hand_edits_become_one_version_and_leave_other_sections_alone():
    once = edit_section(DRAFT, "s1", "慰问8人次。")
    twice = edit_section(once, "s1", "慰问9人次。")
    history = versions(twice["sections"][0])
    assert [v["text"] for v in history] == ["慰问6人次。", "慰问9人次。"]
    assert twice["sections"][1] == DRAFT["sections"][1]
    assert DRAFT["sections"][0]["text"] == "慰问6人次。"          # the input is not mutated


@pytest.mark.parametrize("old, new, removed, added", [
    ("慰问6人次，发放1.2万元", "慰问8人次，发放1.2万元", ["6人次"], ["8人次"]),
    ("参与率90%以上", "参与率90%以上，表现突出", [], []),
    ("召开三次会议", "召开两次会议", ["三次"], ["两次"]),
])
def test_figure_diff_between_versions(old, new, removed, added):
    assert figure_diff(old, new) == (removed, added)
