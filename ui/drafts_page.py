"""我的草稿: every saved workspace (notes, outline, draft) to reopen, rename, duplicate or delete."""
from __future__ import annotations

import time

import streamlit as st

from common.errors import UserError
from ui import workspace
from ui.messages import show_error, show_info

__all__ = ["render", "KIND_LABELS"]

KIND_LABELS = {"semester-summary": "学期总结", "annual-summary": "年度总结", "plan": "工作计划"}


def render() -> None:
    st.header("我的草稿")
    st.caption("写过的笔记和草稿都自动保存在本机，随时可以打开继续写。 / Everything is saved on this computer automatically.")
    items = workspace.store().list()
    open_id = st.session_state.get("ws_id")
    st.button("＋ 新建草稿", type="primary", key="drafts_new", on_click=_new)
    if not items:
        show_info("还没有保存的草稿。在“起草”页写下笔记，就会自动保存到这里。", "No saved drafts yet.")
        return
    for item in items:
        with st.container(border=True):
            cols = st.columns([5, 1, 1, 1, 1])
            mark = "（正在编辑）" if item.id == open_id else ""
            cols[0].markdown(f"**{item.name}**{mark}  \n"
                             f"<small>{KIND_LABELS.get(item.kind, item.kind)} · {item.period or '时段未填'} · "
                             f"{item.sections} 节 · 笔记 {item.notes_chars} 字 · "
                             f"保存于 {time.strftime('%Y-%m-%d %H:%M', time.localtime(item.updated))}</small>",
                             unsafe_allow_html=True)
            cols[1].button("打开", key=f"drafts_open_{item.id}", width="stretch", on_click=_open, args=(item.id,))
            if cols[2].button("复制", key=f"drafts_copy_{item.id}", width="stretch"):
                copy = workspace.store().duplicate(item.id)
                st.toast(f"已复制为：{copy.name}")
                st.rerun()
            renaming = cols[3].toggle("改名", key=f"drafts_renaming_{item.id}")
            deleting = cols[4].toggle("删除", key=f"drafts_deleting_{item.id}")
            if renaming:
                _rename(item)
            if deleting:
                _delete(item, open_id)


def _new() -> None:
    workspace.close()
    st.session_state["page"] = "起草"


def _open(workspace_id: str) -> None:
    workspace.open_workspace(workspace_id)
    st.session_state["page"] = "起草"


def _rename(item) -> None:
    with st.form(f"drafts_rename_form_{item.id}", border=False):
        name = st.text_input("新名称", value=item.name, key=f"drafts_name_{item.id}")
        if st.form_submit_button("保存名称"):
            try:
                workspace.store().rename(item.id, name)
            except UserError as exc:
                show_error(exc.zh, exc.en)
                return
            st.session_state.pop(f"drafts_renaming_{item.id}", None)
            if item.id == st.session_state.get("ws_id"):
                st.session_state.pop("ws_loaded", None)
            st.rerun()


def _delete(item, open_id) -> None:
    st.warning(f"删除后无法恢复：“{item.name}”的笔记和草稿都会被删除。")
    if st.button("确认删除", key=f"drafts_confirm_delete_{item.id}", type="primary"):
        workspace.store().delete(item.id)
        if item.id == open_id:
            workspace.close()
        st.session_state.pop(f"drafts_deleting_{item.id}", None)
        st.toast(f"已删除：{item.name}")
        st.rerun()
