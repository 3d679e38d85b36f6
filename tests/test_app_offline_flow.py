"""AppTest of the 起草 page with the real drafting package and the real number checker (offline drafter, a BM25
library built from corpus/): what a chair sees without any LLM configured."""
from __future__ import annotations

import io

import pytest
from streamlit.testing.v1 import AppTest

from app_helpers import drafted as draft_notes
from app_helpers import section_texts, texts
from ui.store import WorkspaceStore

NOTES = ("# 民主管理\n- 3月召开五届二次教代会，征集提案12件，立案9件\n- 校务公开栏更新8期\n"
         "# 关爱服务\n- 送温暖慰问困难教职工15人次，发放慰问金1.6万元\n- 看望生病住院教职工7人次\n"
         "# 文体活动\n- 10月举办第五届教职工运动会，参与率95%以上\n- 教工合唱团获区比赛一等奖")


@pytest.fixture
def data(app_data):
    from common.settings import Settings
    from retrieval.library import Library

    Library.open(Settings.from_env()).ensure_default()
    return app_data


def drafted() -> AppTest:
    return draft_notes(NOTES, period="2025-2026学年第一学期")


def test_offline_draft_has_every_figure_and_no_finding(data):
    at = drafted()
    body = "\n".join(section_texts(at))
    for figure in ("五届二次", "12件", "9件", "8期", "15人次", "1.6万元", "7人次", "第五届", "95%以上", "一等奖"):
        assert figure in body
    assert "所有数字都与笔记一致" in " ".join(texts(at.success))
    assert any("离线" in c for c in texts(at.caption) + texts(at.info) + texts(at.sidebar.markdown))


def test_regenerate_one_section_keeps_the_others_byte_identical(data):
    at = drafted()
    before = section_texts(at)
    at.button(key="regen_s2_更简洁").click().run()
    after = section_texts(at)
    assert after[1] != before[1]
    assert [t for i, t in enumerate(after) if i != 1] == [t for i, t in enumerate(before) if i != 1]


def test_editing_a_figure_to_a_wrong_value_is_flagged(data):
    at = drafted()
    area = next(t for t in at.text_area if (t.key or "").startswith("text_") and "15人次" in t.value)
    area.input(area.value.replace("15人次", "18人次")).run()
    assert "需要核对" in " ".join(texts(at.warning))


def test_the_saved_draft_exports_to_a_real_docx(data):
    import docx

    from ui import drafting_bridge

    at = drafted()
    saved = WorkspaceStore.in_data_dir(data).get(at.query_params["d"])
    document = docx.Document(io.BytesIO(drafting_bridge.export_docx(saved.draft)))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0].startswith("青松县实验小学") and any("15人次" in p for p in paragraphs)


def test_a_section_without_facts_asks_for_them_and_the_check_skips_card_labels(data):
    at = drafted()                       # the notes have no 存在问题 or 下一步 lines
    assert any("笔记里没有这一节的事实" in i for i in texts(at.info))
    from ui import draft_model

    text, _ = draft_model.full_text(WorkspaceStore.in_data_dir(data).get(at.query_params["d"]).draft)
    assert "开头" not in text.splitlines() and "结束语" not in text.splitlines()
