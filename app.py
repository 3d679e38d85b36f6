"""工会总结助手 — the Streamlit front door (thin: each page lives in ui/)."""
from __future__ import annotations

import importlib

import streamlit as st

st.set_page_config(page_title="工会总结助手", page_icon="📝", layout="wide")
st.set_option("client.showErrorDetails", "none")   # tracebacks go to the console log, never to the page

from ui import settings_panel, theme  # noqa: E402  (set_page_config must come first)
from ui.messages import show_error  # noqa: E402

PAGES = {"起草": "ui.draft_page", "我的草稿": "ui.drafts_page", "资料库": "ui.library_page", "核对": "ui.check_page"}

theme.apply()
with st.sidebar:
    st.title("工会总结助手")
    st.caption("学校工会工作总结与计划的起草、核对工具")
    page = st.radio("页面", list(PAGES), key="page", label_visibility="collapsed")
    st.divider()
    settings_panel.render()

module = importlib.import_module(PAGES[page])
try:
    module.render()
except Exception:
    show_error("程序出现了意外错误，已记录在运行日志中。您的笔记和草稿已自动保存，刷新页面即可继续。",
               "Unexpected error (details in the server log). Your work is saved; reload the page.")
    raise
