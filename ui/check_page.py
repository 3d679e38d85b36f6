"""核对 page: paste any text and any notes; every figure that disagrees with the notes is marked in place."""
from __future__ import annotations

import html

import streamlit as st

from common.errors import UserError
from ui import checking
from ui.highlight import counts_by_kind, kind_style, render_findings
from ui.limits import check_notes, check_text
from ui.messages import show_error, show_success

__all__ = ["render", "render_check_panel"]

EXAMPLE_NOTES = "- 召开教代会1次，收集提案12条\n- 慰问困难教职工6人次，发放慰问金1.2万元\n- 教职工文体活动参与率90%以上"


def render() -> None:
    st.header("核对")
    st.caption("粘贴一篇在别处写好的总结或计划，再粘贴笔记：文中与笔记不符的数字会被标出。"
               " / Paste a text and the notes; every figure that disagrees with the notes is marked.")
    left, right = st.columns([3, 2])
    text = left.text_area("要核对的文章", height=360, key="check_text",
                          placeholder="把总结或计划全文粘贴到这里…")
    notes = right.text_area("笔记（每行一条事实）", height=360, key="check_notes", placeholder=EXAMPLE_NOTES)
    if not st.button("开始核对", type="primary", key="check_run") and not st.session_state.get("check_ran"):
        return
    st.session_state["check_ran"] = True
    try:
        text = check_text(text)
        notes = check_notes(notes)
    except UserError as exc:
        show_error(exc.zh, exc.en)
        return
    render_check_panel(text, notes, show_text=True)


def render_check_panel(text: str, notes: str, show_text: bool = True, references=(), known=()) -> None:
    """Counts by kind, the highlighted text, the findings and the facts that never appear. Shared by 起草."""
    try:
        view = checking.run_check(text, notes, references, known)
    except UserError as exc:
        show_error(exc.zh, exc.en)
        return
    counts = counts_by_kind(view.findings)
    errors = len(view.errors)
    cols = st.columns(3)
    cols[0].metric("笔记中的事实", len(view.facts))
    cols[1].metric("需要处理的问题", errors)
    cols[2].metric("提示", len(view.findings) - errors)
    if not view.findings:
        show_success("所有数字都与笔记一致。", "Every figure agrees with the notes.")
    render_findings(text, [f for f in view.findings if f.kind != "missing"], view.fact_texts, show_text=show_text)
    missing = checking.missing_facts(view)
    if missing:
        style = kind_style("missing")
        st.markdown(f"**笔记中有、文中没有的数字（{len(missing)}）**")
        for fid, fact, figure in missing:
            st.markdown(f'<span style="border-left:3px solid {style.border};padding-left:8px">'
                        f"<b>{html.escape(fid)}</b> {html.escape(fact)} → 未出现：<b>{html.escape(figure)}</b></span>", unsafe_allow_html=True)
    st.session_state["check_counts"] = dict(counts)
