"""AppTest: notes autosave, reopening after a restart, 我的草稿, the settings sidebar, and bad notes."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app_helpers import APP, texts
from ui.store import WorkspaceStore

NOTES = "一、帮扶慰问：\n- 慰问困难教职工6人次，发放慰问金1.2万元\n- 组织教职工体检1次"


@pytest.fixture
def env(app_data):
    return app_data.parent


def new_app(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    return at.run()


def test_typed_notes_are_saved_and_come_back_in_a_new_session(env):
    at = new_app()
    assert not at.exception
    at.text_input(key="ws_school").input("青松县实验小学").run()
    at.text_area(key="ws_notes").input(NOTES).run()
    wid = at.query_params["d"]
    assert "已自动保存" in " ".join(texts(at.caption))
    again = new_app({"d": wid})                     # a reload or a restarted app: a brand-new session
    assert again.text_area(key="ws_notes").value == NOTES
    assert again.text_input(key="ws_school").value == "青松县实验小学"
    fresh = new_app()                               # another tab without the address: isolated, empty
    assert fresh.text_area(key="ws_notes").value == ""


def test_offline_backend_is_stated_plainly(env):
    at = new_app()
    shown = " ".join(texts(at.sidebar.info))
    assert "离线起草" in shown and "不使用任何AI模型" in shown


def test_an_llm_backend_without_a_key_says_what_is_missing(env):
    at = new_app()
    at.sidebar.selectbox(key="backend_provider").set_value("deepseek").run()
    assert "DeepSeek" in " ".join(texts(at.sidebar.warning))
    assert "API Key" in " ".join(texts(at.sidebar.warning))
    at.sidebar.text_input(key="backend_key_deepseek").input("sk-test").run()
    assert "DeepSeek · deepseek-chat" in " ".join(texts(at.sidebar.success))


@pytest.mark.parametrize("notes, words", [
    ("", "笔记是空的"),
    ("   \n  \n", "笔记是空的"),
    ("慰问教职工6人次。" * 12_000, "笔记太长"),          # a 100k-character paste
])
def test_bad_notes_get_a_chinese_message_before_drafting(env, notes, words):
    at = new_app()
    at.text_area(key="ws_notes").input(notes).run()
    at.button(key="draft_generate").click().run()
    assert not at.exception
    errors = texts(at.error)
    assert any(words in e for e in errors), errors
    assert at.caption and any(c.isascii() for c in texts(at.caption))     # English underneath


def test_my_drafts_reopen_rename_duplicate_delete(env):
    store = WorkspaceStore.in_data_dir(env / "data")
    first = store.create("秋季学期总结", notes=NOTES, period="2025年秋季")
    store.create("年度计划", notes="- 参与率不低于85%", kind="plan")
    at = new_app()
    at.sidebar.radio(key="page").set_value("我的草稿").run()
    shown = " ".join(texts(at.markdown))
    assert "秋季学期总结" in shown and "年度计划" in shown
    at.button(key=f"drafts_copy_{first.id}").click().run()
    assert "秋季学期总结（副本）" in [s.name for s in store.list()]
    at.toggle(key=f"drafts_renaming_{first.id}").set_value(True).run()
    at.text_input(key=f"drafts_name_{first.id}").input("2025秋季总结")      # inside a form: sent on submit
    submit = [b for b in at.button if b.label == "保存名称"][0]
    submit.click().run()
    assert store.get(first.id).name == "2025秋季总结"
    at.button(key=f"drafts_open_{first.id}").click().run()
    assert at.sidebar.radio(key="page").value == "起草"
    assert at.text_area(key="ws_notes").value == NOTES
    at.sidebar.radio(key="page").set_value("我的草稿").run()
    at.toggle(key=f"drafts_deleting_{first.id}").set_value(True).run()
    at.button(key=f"drafts_confirm_delete_{first.id}").click().run()
    assert first.id not in [s.id for s in store.list()]
    assert not at.exception


def test_a_key_stays_in_the_session_unless_the_user_saves_it(env):
    config = env / "config" / "uniondraft" / "config.json"
    at = new_app()
    at.sidebar.selectbox(key="backend_provider").set_value("qwen").run()
    at.sidebar.text_input(key="backend_key_qwen").input("sk-only-in-session").run()
    assert not config.exists()
    assert not any("sk-only-in-session" in p.read_text(errors="ignore")
                   for p in (env / "data").rglob("*") if p.is_file())
    at.sidebar.checkbox(key="backend_remember").check().run()
    at.sidebar.button(key="backend_persist").click().run()
    assert oct(config.stat().st_mode & 0o777) == "0o600"
    assert "sk-only-in-session" in config.read_text()
    restarted = new_app()                          # a new session picks the saved backend up
    assert "通义千问 · qwen-plus" in " ".join(texts(restarted.sidebar.success))
