"""起草 page: kind, unit, period and length → notes → outline → 生成初稿 → section cards → number check → export.
Everything typed or generated is saved at once (ui.workspace), so a reload or restart loses nothing."""
from __future__ import annotations

import time

import streamlit as st

from common.errors import UserError
from ui import checking, draft_model, drafting_bridge, generation, outline_editor, workspace
from ui.check_page import render_check_panel
from ui.drafts_page import KIND_LABELS
from ui.limits import check_notes
from ui.messages import show_error, show_info, show_warning
from ui.section_cards import render_cards

__all__ = ["render"]


def render() -> None:
    ws = workspace.current()
    _header(ws)
    _inputs()
    _notes()
    ws = workspace.current()
    outline = outline_editor.render(ws)
    _generate(ws, outline)
    ws = workspace.current()
    if ws is None or not ws.draft:
        return
    _draft(ws)


def _header(ws) -> None:
    cols = st.columns([3, 2], vertical_alignment="bottom")
    cols[0].header("起草")
    if ws is not None:
        cols[1].text_input("草稿名称", key="ws_name", on_change=_rename)
        st.caption(f":material/cloud_done: 已自动保存 · {time.strftime('%H:%M:%S', time.localtime(ws.updated))} · "
                   "刷新页面或关闭浏览器都不会丢失，可在“我的草稿”中找到。")
    else:
        st.caption("写下笔记即开始自动保存。 / Your work is saved as you type.")


def _inputs() -> None:
    st.subheader("① 基本信息与笔记")
    cols = st.columns([1.2, 2, 2, 1.2])
    cols[0].selectbox("文稿类型", list(KIND_LABELS), format_func=KIND_LABELS.get, key="ws_kind",
                      on_change=_autosave)
    cols[1].text_input("学校或单位", key="ws_school", placeholder="例如：青松县实验小学", on_change=_autosave)
    cols[2].text_input("时段", key="ws_period", placeholder="例如：2025-2026学年第一学期", on_change=_autosave)
    cols[3].number_input("目标字数", min_value=300, max_value=10000, step=100, key="ws_length", on_change=_autosave)


def _notes() -> None:
    example = drafting_bridge.example_notes(st.session_state.get("ws_kind", "semester-summary"))
    st.text_area("笔记：每行一条事实，可以用“一、民主管理：”这样的短行分组", key="ws_notes", height=300,
                 placeholder=example or "- 召开教代会1次，收集提案12条", on_change=_autosave)
    if example:
        with st.expander("看看笔记怎么写（示例）"):
            st.code(example, language=None)
            st.button("用示例填入笔记", key="notes_use_example", on_click=_use_example, args=(example,))


def _generate(ws, outline) -> None:
    st.subheader("③ 生成初稿")
    backend = st.session_state.get("backend")
    has_draft = bool(ws and ws.draft)
    label = "重新生成全文（已锁定的节不变）" if has_draft else "生成初稿"
    if not st.button(label, type="primary", key="draft_generate"):
        return
    try:
        notes = check_notes(st.session_state.get("ws_notes", ""))
    except UserError as exc:
        show_error(exc.zh, exc.en)
        return
    ws = workspace.ensure(**_form_fields())
    try:
        draft, _ = generation.run_with_progress(
            "正在起草…", lambda progress, stream: drafting_bridge.generate(ws, notes, outline, backend, progress, stream))
    except UserError as exc:
        show_error(exc.zh, exc.en)
        return
    workspace.save(draft=draft)
    st.rerun()


def _draft(ws) -> None:
    st.subheader(f"④ 草稿：{ws.draft.get('title', '')}")
    failed = [s for s in ws.draft.get("sections", []) if s.get("error")]
    if failed:
        show_warning(f"有 {len(failed)} 节生成失败：{'、'.join(s.get('heading', '') for s in failed)}。"
                     "其他各节已保存；在失败的节里点“重试本节”。", "Some sections failed; the rest are kept.")
    text, spans = draft_model.full_text(ws.draft)
    notes = ws.notes
    by_section: dict = {}
    fact_texts: dict = {}
    known = [str(ws.draft.get(k) or "") for k in ("title", "period", "school")]
    if notes.strip():
        view = checking.run_check(text, notes, known=known)
        fact_texts = view.fact_texts
        for span in spans:
            by_section[span.section_id] = [_shift(f, -span.start) for f in view.placed
                                           if span.start <= f.start and f.end <= span.end]
    render_cards(ws, by_section, fact_texts)
    st.subheader("⑤ 数字核对")
    if notes.strip():
        with st.container(border=True, key="draft_check_panel"):
            render_check_panel(text, notes, show_text=True, known=known)
    else:
        show_info("笔记是空的，无法核对数字。", "No notes to check against.")
    _export(ws)
    _history(ws)


def _history(ws) -> None:
    history = workspace.store().history(ws.id)
    if not history:
        return
    with st.expander(f"整篇草稿的历史版本（{len(history)}）"):
        labels = {rev: f"{time.strftime('%m-%d %H:%M:%S', time.localtime(saved))} 之前的版本"
                  for rev, saved, _ in history}
        rev = st.selectbox("选择版本", list(labels), format_func=labels.get, key="draft_history_pick")
        chosen = next(d for r, _, d in history if r == rev)
        st.caption("；".join(f"{s.get('heading', '')}：{str(s.get('text', ''))[:30]}…" for s in chosen.get("sections", [])))
        st.button("恢复这一版（当前版本会留在历史中）", key="draft_history_restore", on_click=_restore, args=(chosen,))


def _restore(draft: dict) -> None:
    workspace.save(draft=draft)


def _shift(finding, delta: int):
    from dataclasses import replace
    return replace(finding, start=finding.start + delta, end=finding.end + delta)


def _export(ws) -> None:
    st.subheader("⑥ 导出")
    name = (ws.draft.get("title") or ws.name or "工会工作总结").replace("/", "-")
    cols = st.columns([1, 1, 3])
    try:
        docx = drafting_bridge.export_docx(ws.draft)
        markdown = drafting_bridge.export_markdown(ws.draft)
    except UserError as exc:
        show_error(exc.zh, exc.en)
        return
    cols[0].download_button("下载 Word（.docx）", docx, file_name=f"{name}.docx", type="primary", key="export_docx",
                            mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    cols[1].download_button("下载 Markdown", markdown.encode("utf-8"), file_name=f"{name}.md", key="export_md",
                            mime="text/markdown")
    cols[2].caption("Word 文件按公文格式排版：A4，仿宋_GB2312 三号正文，标题方正小标宋简体二号。")


# ---- callbacks --------------------------------------------------------------------------------------
def _form_fields() -> dict:
    return {name: st.session_state[key] for key, name in workspace.FORM_KEYS.items()
            if key in st.session_state and key != "ws_name"}


def _autosave() -> None:
    workspace.ensure(**_form_fields())


def _rename() -> None:
    name = (st.session_state.get("ws_name") or "").strip()
    if name:
        workspace.save(name=name)


def _use_example(example: str) -> None:
    st.session_state["ws_notes"] = example
    _autosave()
