"""AppTest of the 资料库 page (upload, corrupt upload, search) and the 核对 page (findings in place, bad input)."""
from __future__ import annotations


import pytest
from streamlit.testing.v1 import AppTest

from app_helpers import APP, texts
from library_helpers import PLAN, SUMMARY


@pytest.fixture
def env(app_data):
    (app_data / "library").mkdir(parents=True)
    (app_data / "library" / ".default-library-built").write_text("skip the sample corpus in tests\n")
    return app_data.parent


def page(name: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.radio(key="page").set_value(name).run()
    assert not at.exception
    return at


def test_upload_two_files_then_search_highlights_the_terms(env):
    at = page("资料库")
    at.get("file_uploader")[0].set_value([("summary.txt", SUMMARY.encode(), "text/plain"),
                                          ("plan.txt", PLAN.encode(), "text/plain")])
    at.run()
    at.button(key="library_import").click().run()
    assert not at.exception
    assert sum("已导入" in s for s in texts(at.success)) == 2
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 2
    at.text_input(key="library_query").input("困难教职工 慰问").run()
    assert any("<mark>" in m.value and "困难" in m.value for m in at.markdown)


@pytest.mark.parametrize("name, content", [
    ("broken.docx", b"PK\x03\x04 this is not really a word file"),
    ("broken.pdf", b"%PDF-1.4 garbage garbage"),
    ("empty.txt", b""),
])
def test_a_corrupt_upload_gets_a_chinese_message_and_no_trace(env, name, content):
    at = page("资料库")
    at.get("file_uploader")[0].set_value([(name, content, "application/octet-stream"),
                                          ("summary.txt", SUMMARY.encode(), "text/plain")])
    at.run()
    at.button(key="library_import").click().run()
    assert not at.exception
    errors = texts(at.error)
    assert any(e.startswith(name) for e in errors), errors
    assert sum("已导入" in s for s in texts(at.success)) == 1           # the good file still goes in


CHECK_NOTES = "- 慰问困难教职工6人次\n- 发放慰问金1.2万元\n- 收集提案12条"


def test_check_page_marks_the_wrong_figure_and_lists_the_missing_one(env):
    at = page("核对")
    at.text_area(key="check_text").input("本学期慰问困难教职工8人次，发放慰问金1.2万元。").run()
    at.text_area(key="check_notes").input(CHECK_NOTES).run()
    at.button(key="check_run").click().run()
    assert not at.exception
    marked = [m.value for m in at.markdown if "<mark" in m.value]
    assert marked and "8人次" in marked[0] and "数字不一致" in marked[0]
    assert any("笔记数字未写入" in m.value or "未出现" in m.value for m in at.markdown)
    assert [m.value for m in at.metric][:2] == ["3", "2"]      # 3 facts; 8人次 stands for 6人次, 12条 missing


@pytest.mark.parametrize("text, notes, words", [
    ("", CHECK_NOTES, "请先粘贴要核对的文章"),
    ("慰问6人次", "", "笔记是空的"),
    ("慰问6人次。" * 20_000, CHECK_NOTES, "文章太长"),
    ("慰问6人次", "- 慰问6人次\n" * 12_000, "笔记太长"),
])
def test_check_page_bad_input(env, text, notes, words):
    at = page("核对")
    at.text_area(key="check_text").input(text).run()
    at.text_area(key="check_notes").input(notes).run()
    at.button(key="check_run").click().run()
    assert not at.exception
    assert any(words in e for e in texts(at.error)), texts(at.error)
