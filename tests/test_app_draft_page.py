"""AppTest of the 起草 page's flow with the drafting package faked (tests/app_fakes.py): generate with progress,
regenerate one section, lock, edit → the check flags the figure, a failed section is retried alone, export,
and a backend timeout gets a Chinese message. The real offline drafter runs in test_app_offline_flow.py."""
from __future__ import annotations

from tests.app_fakes import NEEDS_DRAFTING

import pytest
from streamlit.testing.v1 import AppTest

import app_fakes
from app_fakes import APP, texts
from ui.store import WorkspaceStore

NOTES = ("一、民主管理：\n- 召开教代会1次，收集提案12条\n二、帮扶慰问：\n- 慰问困难教职工6人次\n- 发放慰问金1.2万元\n"
         "三、文体活动：\n- 举办运动会1场，参与率90%")


@pytest.fixture
def fake(tmp_path, monkeypatch):
    monkeypatch.setenv("UNIONDRAFT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("UNIONDRAFT_EMBEDDER", "bm25")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    fake = app_fakes.FakeDrafting()
    app_fakes.install(monkeypatch, fake)
    return fake


def drafted(notes: str = NOTES) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input(key="ws_school").input("青松县实验小学").run()
    at.text_area(key="ws_notes").input(notes).run()
    at.button(key="draft_generate").click().run()
    assert not at.exception
    return at


def section_texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text_area if (t.key or "").startswith("text_")]


def test_generate_shows_every_section_and_saves_the_draft(fake, tmp_path):
    at = drafted()
    assert section_texts(at) == ["召开教代会1次，收集提案12条。", "慰问困难教职工6人次；发放慰问金1.2万元。",
                                 "举办运动会1场，参与率90%。"]
    saved = WorkspaceStore.in_data_dir(tmp_path / "data").get(at.query_params["d"])
    assert [s["text"] for s in saved.draft["sections"]] == section_texts(at)
    assert "所有数字都与笔记一致" in " ".join(texts(at.success))


def test_regenerate_one_section_leaves_the_others(fake):
    at = drafted()
    before = section_texts(at)
    at.button(key="regen_s2_更简洁").click().run()
    after = section_texts(at)
    assert after[1].startswith("（更简洁）") and after[0] == before[0] and after[2] == before[2]
    assert ("regenerate", "s2", "更简洁") in fake.calls
    assert any("历史版本（2）" in e.label for e in at.expander)


def test_free_text_instruction_is_passed_on(fake):
    at = drafted()
    at.text_input(key="regen_text_s3").input("加一句对青年教师的鼓励").run()
    at.button(key="regen_s3_custom").click().run()
    assert ("regenerate", "s3", "加一句对青年教师的鼓励") in fake.calls


def test_a_wrong_figure_typed_into_a_section_is_flagged_at_once(fake):
    at = drafted()
    area = next(t for t in at.text_area if (t.key or "").startswith("text_") and "6人次" in t.value)
    area.input(area.value.replace("6人次", "8人次")).run()
    warnings = " ".join(texts(at.warning))
    assert "本节有 1 处数字需要核对" in warnings
    assert any("8人次" in m.value and "<mark" in m.value for m in at.markdown)
    assert any("6人次" in m.value for m in at.markdown)         # the note's figure now missing from the text


def test_a_locked_section_offers_no_regenerate_and_is_not_editable(fake):
    at = drafted()
    at.toggle(key=f"lock_{at.query_params['d']}_s1").set_value(True).run()
    assert not [b for b in at.button if b.key == "regen_s1_更简洁"]
    assert next(t for t in at.text_area if (t.key or "").startswith(f"text_{at.query_params['d']}_s1")).disabled


def test_a_failed_section_keeps_the_others_and_is_retried_alone(fake):
    fake.fail = {"二、帮扶慰问"}
    at = drafted()
    assert "有 1 节生成失败" in " ".join(texts(at.warning))
    assert any("模型接口超时" in e for e in texts(at.error))
    texts_before = section_texts(at)
    fake.fail = set()
    at.button(key="regen_s2_custom").click().run()
    after = section_texts(at)
    assert after[1] and after[0] == texts_before[0] and after[2] == texts_before[2]
    assert [c for c in fake.calls if c[0] == "regenerate"] == [("regenerate", "s2", None)]


def test_backend_timeout_is_a_chinese_message_not_a_trace(fake):
    fake.error = app_fakes.TIMEOUT
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_area(key="ws_notes").input(NOTES).run()
    at.button(key="draft_generate").click().run()
    assert not at.exception
    assert any("模型接口超时" in e for e in texts(at.error))
    assert any("timed out" in c for c in texts(at.caption))


def test_export_offers_docx_and_markdown(fake):
    at = drafted()
    labels = [el.proto.label for el in at.get("download_button")]
    assert labels == ["下载 Word（.docx）", "下载 Markdown"]


def test_outline_preview_can_be_edited_before_drafting(fake, tmp_path):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_area(key="ws_notes").input(NOTES).run()
    at.button(key="outline_make").click().run()
    saved = WorkspaceStore.in_data_dir(tmp_path / "data").get(at.query_params["d"])
    assert [s["heading"] for s in saved.outline] == ["一、民主管理", "二、帮扶慰问", "三、文体活动"]
    editor = at.dataframe
    assert editor, "the outline is shown as an editable table"


def test_reopening_shows_the_draft_again(fake, tmp_path):
    at = drafted()
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["d"] = at.query_params["d"]
    again.run()
    assert section_texts(again) == section_texts(at)


def test_a_whole_earlier_draft_can_be_restored(fake):
    at = drafted()
    first = section_texts(at)
    at.button(key="regen_s1_更正式").click().run()
    assert section_texts(at)[0] != first[0]
    at.button(key="draft_history_restore").click().run()
    assert section_texts(at) == first


pytestmark = NEEDS_DRAFTING
