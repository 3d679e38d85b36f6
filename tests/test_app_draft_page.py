"""AppTest of the 起草 page's flow with the real drafting package and number checker. The offline drafter writes
the drafts; where a model endpoint is under test, a local OpenAI-compatible stub (tests/stub_llm_server.py) stands
in for the hosted LLM, with faults injected: a section that fails, a timeout, a wrong key."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app_helpers import APP, section_texts, texts
from app_helpers import drafted as draft_notes
from stub_llm_server import StubLLM
from ui.store import WorkspaceStore

NOTES = ("一、民主管理：\n- 召开教代会1次，收集提案12条\n二、帮扶慰问：\n- 慰问困难教职工6人次\n- 发放慰问金1.2万元\n"
         "三、文体活动：\n- 举办运动会1场，参与率90%")


@pytest.fixture
def data(app_data):
    return app_data


@pytest.fixture
def stub(data, monkeypatch):
    """The sidebar's backend points at a local stub endpoint (as a chair would set up a custom base_url)."""
    with StubLLM(api_key="test-key") as llm:
        monkeypatch.setenv("UNIONDRAFT_MODEL", "openai:stub-model")
        monkeypatch.setenv("UNIONDRAFT_BASE_URL", llm.base_url)
        monkeypatch.setenv("UNIONDRAFT_API_KEY", "test-key")
        monkeypatch.setenv("UNIONDRAFT_TIMEOUT", "2")
        yield llm


def drafted(notes: str = NOTES) -> AppTest:
    return draft_notes(notes)


def saved(at: AppTest):
    """The workspace the page autosaved (UNIONDRAFT_DATA is the test's data folder)."""
    import os

    return WorkspaceStore.in_data_dir(os.environ["UNIONDRAFT_DATA"]).get(at.query_params["d"])


def card_ids(at: AppTest) -> list[str]:
    return [s["id"] for s in saved(at).draft["sections"]]


def test_generate_shows_every_section_and_saves_the_draft(data):
    at = drafted()
    shown = section_texts(at)
    draft = saved(at).draft
    assert [s["heading"] for s in draft["sections"]][1:4] == ["一、民主管理", "二、帮扶慰问", "三、文体活动"]
    assert [s["text"] for s in draft["sections"]] == shown
    body = "\n".join(shown)
    for figure in ("1次", "12条", "6人次", "1.2万元", "1场", "90%"):
        assert figure in body
    assert "所有数字都与笔记一致" in " ".join(texts(at.success))


def test_regenerate_one_section_leaves_the_others(data):
    at = drafted()
    before = section_texts(at)
    at.button(key="regen_s3_更简洁").click().run()
    after = section_texts(at)
    index = card_ids(at).index("s3")
    assert after[index] != before[index]
    assert [t for i, t in enumerate(after) if i != index] == [t for i, t in enumerate(before) if i != index]
    assert any("历史版本（2）" in e.label for e in at.expander)


def test_free_text_instruction_reaches_the_model(stub):
    at = drafted()
    at.text_input(key="regen_text_s4").input("加一句对青年教师的鼓励").run()
    at.button(key="regen_s4_custom").click().run()
    assert not at.exception
    assert "加一句对青年教师的鼓励" in str(stub.requests[-1]["messages"])


def test_a_wrong_figure_typed_into_a_section_is_flagged_at_once(data):
    at = drafted()
    area = next(t for t in at.text_area if (t.key or "").startswith("text_") and "6人次" in t.value)
    area.input(area.value.replace("6人次", "8人次")).run()
    warnings = " ".join(texts(at.warning))
    assert "本节有 1 处数字需要核对" in warnings
    assert any("8人次" in m.value and "<mark" in m.value for m in at.markdown)


def test_a_locked_section_offers_no_regenerate_and_is_not_editable(data):
    at = drafted()
    at.toggle(key=f"lock_{at.query_params['d']}_s2").set_value(True).run()
    assert not [b for b in at.button if b.key == "regen_s2_更简洁"]
    assert next(t for t in at.text_area if (t.key or "").startswith(f"text_{at.query_params['d']}_s2")).disabled


def test_a_failed_section_keeps_the_others_and_is_retried_alone(stub):
    stub.rules.append(("慰问困难教职工", "500"))          # the model endpoint fails for 二、帮扶慰问 only
    at = drafted()
    assert "有 1 节生成失败" in " ".join(texts(at.warning))
    assert any("模型接口出错" in e for e in texts(at.error))
    before = section_texts(at)
    index = card_ids(at).index("s3")
    assert before[index] == "" and all(t for i, t in enumerate(before) if i != index)
    stub.rules.clear()
    at.button(key="regen_s3_custom").click().run()
    after = section_texts(at)
    assert "6人次" in after[index] and "1.2万元" in after[index]
    assert [t for i, t in enumerate(after) if i != index] == [t for i, t in enumerate(before) if i != index]


def test_a_backend_timeout_is_a_chinese_message_not_a_trace(stub):
    stub.hang = 6
    stub.rules.append(("", "hang"))                        # every call hangs past UNIONDRAFT_TIMEOUT (2 s)
    at = drafted()
    assert not at.exception
    assert any("模型接口超时" in e for e in texts(at.error))
    assert saved(at).notes.strip() == NOTES.strip()        # nothing typed is lost


def test_a_wrong_key_says_what_to_fix(stub):
    stub.api_key = "another-key"
    at = drafted()
    assert any("拒绝了 API Key" in e for e in texts(at.error))


def test_export_offers_docx_and_markdown(data):
    at = drafted()
    labels = [el.proto.label for el in at.get("download_button")]
    assert labels == ["下载 Word（.docx）", "下载 Markdown"]


def test_outline_preview_can_be_edited_before_drafting(data):
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_area(key="ws_notes").input(NOTES).run()
    at.button(key="outline_make").click().run()
    assert [s["heading"] for s in saved(at).outline if s["role"] == "body"] == ["一、民主管理", "二、帮扶慰问", "三、文体活动"]
    assert at.dataframe, "the outline is shown as an editable table"


def test_reopening_shows_the_draft_again(data):
    at = drafted()
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["d"] = at.query_params["d"]
    again.run()
    assert section_texts(again) == section_texts(at)


def test_a_whole_earlier_draft_can_be_restored(data):
    at = drafted()
    first = section_texts(at)
    at.button(key="regen_s2_更正式").click().run()
    assert section_texts(at) != first
    at.button(key="draft_history_restore").click().run()
    assert section_texts(at) == first
