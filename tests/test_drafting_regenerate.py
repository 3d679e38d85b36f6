"""Regenerating one section: every other section byte-identical, the old text kept, locked sections refused."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from common.errors import InputError
from drafting.draft_file import load_draft, save_draft
from drafting.models import ResolvedModel
from drafting.pipeline import draft_document
from drafting.regenerate import number_diff, regenerate_section
from tests.drafting_fakes import RecordingChatModel

NOTES = (Path(__file__).resolve().parent.parent / "corpus" / "notes" / "notes_semester_summary.txt").read_text(encoding="utf-8")


@pytest.fixture
def draft():
    return draft_document(NOTES, "semester-summary", "红星小学", "2025-2026学年第一学期", library=False)


def _sections_json(d):
    return [json.dumps(s, ensure_ascii=False, sort_keys=True) for s in d.to_json()["sections"]]


@pytest.mark.parametrize("instruction", ["更简洁", "更正式", "突出成效", "补充细节", None])
def test_only_the_chosen_section_changes_and_the_old_text_is_kept(draft, instruction, tmp_path):
    path = save_draft(draft, tmp_path / "d.json")
    before = _sections_json(load_draft(path))
    new = regenerate_section(load_draft(path), 3, instruction)
    save_draft(new, path)
    after = _sections_json(load_draft(path))
    assert [i for i, (a, b) in enumerate(zip(before, after)) if a != b] == [2]
    old, section = draft.sections[2], new.sections[2]
    assert section.versions[-1].text == old.text and section.versions[-1].note == "生成"
    assert section.fact_ids == old.fact_ids
    if instruction:
        assert section.text != old.text
        assert new.meta["origin"][section.id] == f"重新生成：{instruction}"
    assert number_diff(old.text, section.text).same       # the offline drafter keeps every figure


def test_versions_accumulate_with_how_each_was_made(draft):
    once = regenerate_section(draft, "s2", "更正式")
    twice = regenerate_section(once, "s2", "更简洁")
    notes = [v.note for v in twice.section("s2").versions]
    assert notes == ["生成", "重新生成：更正式"]
    assert twice.section("s2").versions[1].text == once.section("s2").text


def test_a_locked_section_is_never_rewritten(draft):
    locked = draft.with_section(replace(draft.section(2), locked=True))
    with pytest.raises(InputError) as info:
        regenerate_section(locked, 2, "更简洁")
    assert "锁定" in info.value.zh and "locked" in info.value.en


def test_an_unknown_section_is_an_input_error(draft):
    with pytest.raises(InputError, match="s2"):
        regenerate_section(draft, 99)


def test_regenerating_with_a_model_sends_the_instruction_the_old_text_and_the_same_facts(draft):
    chat = RecordingChatModel(answers=["送温暖慰问困难教职工12人次，发放慰问金1.2万元；看望生病住院教职工6人次。"])
    model = ResolvedModel(spec="fake:x", provider="fake", chat=chat)
    care = next(s for s in draft.sections if "关爱服务" in s.heading)
    new = regenerate_section(draft, care.id, "突出成效", model=model, library=False)
    prompt = chat.user_prompts[0]
    assert "突出成效" in prompt and care.text in prompt
    assert all(f"{fid}：" in prompt for fid in care.fact_ids)
    assert new.section(care.id).text.startswith("送温暖慰问困难教职工12人次")
    assert new.model == draft.model                         # the draft's own model stays recorded


@pytest.mark.parametrize("old,new,removed,added", [
    ("慰问12人次，发放1.2万元", "慰问12人次，发放1.3万元", ("1.2万元",), ("1.3万元",)),
    ("参与率95%以上", "参与率95%以上", (), ()),
    ("参与率95%以上", "参与率95%", ("95%以上",), ("95%",)),
])
def test_number_diff(old, new, removed, added):
    diff = number_diff(old, new)
    assert (diff.removed, diff.added) == (removed, added)
