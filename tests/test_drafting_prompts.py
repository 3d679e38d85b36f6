"""What the model receives: prompts from the template files, carrying the facts and the exemplars, within the token
budget; and the repair round when the answer's figures disagree with the notes."""
from __future__ import annotations

import pytest

from common.settings import PROMPTS_DIR
from drafting.exemplars import Exemplar, count_tokens, fit_exemplars
from drafting.models import ResolvedModel
from drafting.pipeline import draft_document
from drafting.prompts import TemplateError, render
from drafting.section_writer import SectionJob, parse_answer, write_section
from drafting.types import OutlineSection
from eval.facts import parse_facts
from tests.drafting_fakes import FakeLibrary, RecordingChatModel, echo_facts

NOTES = """# 关爱服务
- 送温暖慰问困难教职工12人次，发放慰问金1.2万元
- 看望生病住院教职工6人次
# 民主管理
- 三届二次教代会立案提案9件，本学期又办结2件
"""
LONG = "校工会坚持服务教职工，围绕中心工作扎实推进各项工作。" * 120   # ~3000 characters


def _library():
    return FakeLibrary([("d1", "青禾市某小学工会工作总结", "慰问范文：" + LONG),
                        ("d2", "澜溪县某中学工会工作总结", "民主范文：" + LONG),
                        ("d3", "鹭川市某职校工会工作总结", "文体范文：" + LONG)])


def _model(chat, budget=1500) -> ResolvedModel:
    return ResolvedModel(spec="fake:test", provider="fake", chat=chat, prompt_budget=budget)


def test_rendering_is_strict():
    with pytest.raises(TemplateError, match="missing values"):
        render("system", document_type="学校工会工作总结")
    with pytest.raises(TemplateError, match="unused values"):
        render("system", document_type="x", target_chars=300, colour="red")
    assert "300" in render("system", document_type="学校工会工作总结", target_chars=300)


def test_prompts_come_from_the_template_files_and_carry_facts_and_exemplars():
    chat = RecordingChatModel(answers=[echo_facts])
    library = _library()
    draft = draft_document(NOTES, "semester-summary", "红星小学", "2025-2026学年第一学期", model=_model(chat, 4000),
                           library=library)
    system_rule = next(line for line in (PROMPTS_DIR / "system.md").read_text(encoding="utf-8").splitlines()
                       if line.startswith("1."))
    section_line = (PROMPTS_DIR / "section.md").read_text(encoding="utf-8").splitlines()[0].split("《")[0]
    assert len(chat.calls) == len(draft.sections)
    assert all(system_rule in s for s in chat.system_prompts)
    care = next(p for p in chat.user_prompts if "关爱服务" in p.split("\n")[0])
    assert care.startswith(section_line)
    assert "F1：送温暖慰问困难教职工12人次，发放慰问金1.2万元" in care and "F2：看望生病住院教职工6人次" in care
    assert "F3" not in care                                # only this section's facts
    assert "【范文1】青禾市某小学工会工作总结" in care and "慰问范文：" in care
    assert all(kind == "summary" for _, _, kind in library.queries)
    assert set(library.rankers) == {("bm25", "dense")}     # a model gets the hybrid ranking
    opening = next(p for p in chat.user_prompts if "开头段落" in p)
    assert "关爱服务" in opening and "现将" in opening        # the body summary and the genre's ending
    care_section = next(s for s in draft.sections if "关爱服务" in s.heading)
    assert [src.title for src in care_section.sources][:1] == ["青禾市某小学工会工作总结"]
    assert care_section.text.startswith("送温暖慰问困难教职工12人次")


@pytest.mark.parametrize("budget", [900, 1500, 3000])
def test_prompts_stay_within_the_token_budget(budget):
    chat = RecordingChatModel(answers=[echo_facts])
    draft = draft_document(NOTES, "semester-summary", "红星小学", "2025-2026学年第一学期", model=_model(chat, budget),
                           library=_library())
    sizes = [count_tokens(s, "cl100k_base") + count_tokens(u, "cl100k_base")
             for s, u in zip(chat.system_prompts, chat.user_prompts)]
    assert max(sizes) <= budget
    assert max(sizes) > budget * 0.7                       # the budget is used, not ignored
    assert all("【范文1】" in u for u in chat.user_prompts)  # at least one exemplar, cut to fit
    assert set(draft.meta["prompt_tokens"].values()) == set(sizes)


def test_fit_exemplars_cuts_at_a_sentence_end_and_drops_the_rest():
    exemplars = [Exemplar("第一句。" * 50, "甲"), Exemplar("第二篇。" * 50, "乙")]
    fitted = fit_exemplars(exemplars, budget=150)
    assert len(fitted) <= 2 and sum(count_tokens(e.text) for e in fitted) <= 150
    assert all(e.text.endswith("。") for e in fitted)
    assert fit_exemplars(exemplars, budget=5) == []


def _job(facts_text: str) -> SectionJob:
    facts = tuple(parse_facts(facts_text))
    outline = OutlineSection("s2", "一、关爱服务", tuple(f.id for f in facts), "body")
    return SectionJob(outline, facts, "semester-summary", "红星小学", "2025学年", "红星小学工会工作总结",
                      exemplars=(Exemplar("校工会看望住院教职工15人次。", "某校总结"),))


def test_a_changed_figure_is_repaired_in_one_round():
    pytest.importorskip("eval.check")
    chat = RecordingChatModel(answers=["看望生病住院教职工8人次。", "看望生病住院教职工6人次。"])
    result = write_section(_job("- 看望生病住院教职工6人次"), _model(chat))
    assert result.calls == 2
    assert result.section.text == "看望生病住院教职工6人次。"
    assert [f for f in result.section.findings if f["level"] == "error"] == []
    repair_prompt = chat.calls[1][-1].content
    repair_line = (PROMPTS_DIR / "repair.md").read_text(encoding="utf-8").splitlines()[0]
    assert repair_line in repair_prompt and "8人次" in repair_prompt
    assert chat.calls[1][-2].content == "看望生病住院教职工8人次。"   # the model sees its own answer


def test_findings_that_survive_the_repair_are_attached_and_the_text_kept():
    pytest.importorskip("eval.check")
    chat = RecordingChatModel(answers=["看望生病住院教职工8人次。", "看望住院教职工共8人次。"])
    result = write_section(_job("- 看望生病住院教职工6人次"), _model(chat))
    assert result.calls == 2 and result.section.text == "看望住院教职工共8人次。"
    errors = [f for f in result.section.findings if f["level"] == "error"]
    assert errors and any(f["text"].startswith("8") for f in errors)
    assert set(errors[0]) == {"kind", "level", "start", "end", "text", "message", "facts"}


def test_a_figure_leaking_from_an_exemplar_is_caught():
    pytest.importorskip("eval.check")
    chat = RecordingChatModel(answers=["看望生病住院教职工6人次，累计15人次。"])
    result = write_section(_job("- 看望生病住院教职工6人次"), _model(chat))
    assert result.calls == 2                               # it was sent back for repair
    assert any("15" in f["text"] for f in result.section.findings if f["level"] == "error")


@pytest.mark.parametrize("answer,expected", [
    ("```\n正文一句。\n```", "正文一句。"),
    ("一、关爱服务\n正文一句。", "正文一句。"),
    ("## 关爱服务\n\n正文一句。", "正文一句。"),
    ("正文一句。\n（一）小标题\n正文二句。", "正文一句。\n（一）小标题\n正文二句。"),
])
def test_parse_answer(answer, expected):
    assert parse_answer(answer, "一、关爱服务") == expected


def test_the_opening_may_quote_any_fact_and_the_period_but_invents_none():
    pytest.importorskip("eval.check")
    def answer(messages):
        prompt = messages[1].content                     # the section's prompt (a repair round repeats itself)
        if "开头段落" in prompt:
            return "2025-2026学年第一学期，校工会慰问困难教职工12人次，现将本学期工作总结如下。"
        if "结束语" in prompt:
            return "本学期校工会共开展活动30场，今后将继续努力。"    # 30场 is in no note
        return echo_facts(messages)
    chat = RecordingChatModel(answers=[answer])
    draft = draft_document(NOTES, "semester-summary", "红星小学", "2025-2026学年第一学期", model=_model(chat, 4000),
                           library=False)
    opening, closing = draft.sections[0], draft.sections[-1]
    assert opening.role == "opening" and [f for f in opening.findings if f["level"] == "error"] == []
    assert closing.role == "closing" and any(f["text"].startswith("30") for f in closing.findings)
    assert all(f["kind"] != "missing" for f in opening.findings + closing.findings)
