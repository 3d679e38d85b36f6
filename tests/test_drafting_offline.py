"""The offline drafter: every figure verbatim, deterministic, never a figure of its own, zero checker errors."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafting import phrases
from drafting.offline_drafter import (document_title, figure_free_sentences, framing_sentence, render_opening,
                                      render_section)
from drafting.pipeline import draft_document
from eval.facts import parse_facts

ROOT = Path(__file__).resolve().parent.parent
NOTES = sorted((ROOT / "corpus" / "notes").glob("*.txt"))
CASES = sorted((ROOT / "eval" / "cases").glob("*.json"))
NUMERAL = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿%]")


def _kind(path: Path) -> str:
    return "plan" if "plan" in path.name else "annual-summary" if "annual" in path.name else "semester-summary"


def _notes_files():
    rows = [(p.name, p.read_text(encoding="utf-8"), _kind(p), "红星小学", "2025-2026学年第一学期") for p in NOTES]
    for p in CASES:
        case = json.loads(p.read_text(encoding="utf-8"))
        notes = case["notes"] if isinstance(case["notes"], str) else "\n".join(case["notes"])
        rows.append((p.name, notes, case["kind"], case.get("school", ""), case.get("period", "")))
    return rows


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.name)
def test_every_fact_is_in_its_section_verbatim_with_its_figures(path):
    notes = path.read_text(encoding="utf-8")
    draft = draft_document(notes, _kind(path), "红星小学", "2025-2026学年第一学期", library=False)
    facts = {f.id: f for f in parse_facts(notes)}
    placed = [i for s in draft.sections for i in s.fact_ids]
    assert sorted(placed) == sorted(facts)
    for section in draft.sections:
        for fid in section.fact_ids:
            core = re.sub(r"[。；，\s]+$", "", facts[fid].text)
            assert core in section.text, (section.heading, core)


def test_the_offline_draft_is_deterministic():
    notes = NOTES[0].read_text(encoding="utf-8")
    a = draft_document(notes, "annual-summary", "柳塘小学", "2025年度", library=False)
    b = draft_document(notes, "annual-summary", "柳塘小学", "2025年度", library=False, concurrency=1)
    assert [s.text for s in a.sections] == [s.text for s in b.sections]
    assert a.title == b.title == "柳塘小学工会2025年度工作总结"


@pytest.mark.parametrize("name,notes,kind,school,period", _notes_files(), ids=lambda v: v if isinstance(v, str) and v.endswith((".txt", ".json")) else "")
def test_zero_error_findings_on_every_notes_file(name, notes, kind, school, period):
    pytest.importorskip("eval.check")
    draft = draft_document(notes, kind, school, period, library=False)
    errors = [(s.heading, f["kind"], f["text"]) for s in draft.sections for f in s.findings if f["level"] == "error"]
    assert errors == []
    assert all(s.text for s in draft.sections)


def test_stock_sentences_carry_no_figure():
    texts = [v for family in phrases.STOCK.values() for v in family.values()]
    texts += list(phrases.OPENING.values()) + list(phrases.CLOSING.values()) + [phrases.EFFECT_TAIL]
    assert [t for t in texts if NUMERAL.search(t.replace("{period}", ""))] == []


def test_framing_sentences_from_an_exemplar_skip_figures_quotes_and_its_school():
    exemplar = ("二、关爱教职工\n"
                "校工会始终坚持把教职工的冷暖放在心上，切实做好帮扶工作。"
                "本学期走访困难教职工12人次。"
                "红星小学工会坚持开展“暖心行动”。"
                "红星工会着力做好服务，让老师安心工作。")
    assert figure_free_sentences(exemplar, "青禾市红星小学工会工作总结") == ["校工会始终坚持把教职工的冷暖放在心上，切实做好帮扶工作。"]
    assert framing_sentence("care", [(exemplar, "青禾市红星小学工会工作总结")]).startswith("校工会始终坚持")
    assert framing_sentence("care", []) == phrases.STOCK["care"]["plain"]


@pytest.mark.parametrize("instruction", [None, "更简洁", "更正式", "突出成效", "补充细节", "多写一点师生互动"])
def test_an_instruction_changes_the_rendering_but_never_the_figures(instruction):
    facts = parse_facts("- 送温暖慰问困难教职工12人次，发放慰问金1.2万元\n- 看望生病住院教职工6人次")
    plain = render_section("三、关爱服务", "body", facts)
    text = render_section("三、关爱服务", "body", facts, instruction=instruction)
    assert "12人次" in text and "1.2万元" in text and "6人次" in text
    figures = re.findall(r"\d+(?:\.\d+)?", text)
    assert sorted(figures) == ["1.2", "12", "6"]
    assert (text == plain) == (instruction is None)
    if instruction == "更简洁":
        assert len(text) < len(plain)


def test_problems_never_borrow_an_exemplar_sentence():
    exemplar = ("四、存在问题\n工会坚持开展活动，但青年教师参与工会工作的积极性还有待提高。", "某校工会总结")
    facts = parse_facts("- 后勤职工参加活动偏少")
    text = render_section("四、存在问题与不足", "problems", facts, [exemplar])
    assert "青年教师" not in text and "后勤职工参加活动偏少" in text


def test_opening_and_title_follow_the_genre():
    opening = render_opening("semester-summary", "2025-2026学年第一学期", ["一、思想政治与师德师风", "二、民主管理"])
    assert opening.startswith("2025-2026学年第一学期，") and "领导下" in opening and opening.endswith("现将本学期工作总结如下。")
    assert render_opening("plan", "2026年", ["三、做实关爱服务，维护教职工权益"]).endswith("特制定本计划。")
    assert document_title("plan", "红星小学", "2026年") == "红星小学工会2026年工作计划"
    assert document_title("semester-summary", "", "") == "学校工会工作总结"


def test_with_a_library_the_framing_comes_from_the_best_exemplar_found_by_keywords_alone():
    from tests.drafting_fakes import FakeLibrary

    exemplar = "三、关爱教职工\n校工会始终坚持把教职工的冷暖放在心上，切实做好帮扶工作。本学期走访困难教职工12人次。"
    library = FakeLibrary([("d1", "青禾市某小学工会工作总结", exemplar)])
    notes = "# 关爱服务\n- 看望生病住院教职工6人次"
    draft = draft_document(notes, "semester-summary", "红星小学", "2025学年", library=library)
    care = draft.sections[1]
    assert care.text == "校工会始终坚持把教职工的冷暖放在心上，切实做好帮扶工作。看望生病住院教职工6人次。"
    assert [s.title for s in care.sources] == ["青禾市某小学工会工作总结"]
    assert set(library.rankers) == {("bm25",)}           # no query embedding for the offline drafter
