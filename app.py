"""工会总结助手 — the Streamlit front door (thin: each page lives in ui/)."""
from __future__ import annotations

import importlib
import importlib.util

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

# Pages whose engine is not built yet say so instead of failing on first use.
NEEDS = {"起草": ("drafting.pipeline", "eval.check"), "核对": ("eval.check",)}
missing = [name for name in NEEDS.get(page, ()) if importlib.util.find_spec(name.split(".")[0]) is None
           or importlib.util.find_spec(name) is None]
if missing:
    st.header(page)
    st.info("此页面即将推出：起草引擎和数字核对正在开发中。现在可以在“资料库”页导入和检索往年的总结与计划。")
    st.caption(f"This page is coming soon (not built yet: {', '.join(missing)}).")
    st.stop()

try:
    module = importlib.import_module(PAGES[page])
except ModuleNotFoundError as exc:  # a part of the product that is not built yet
    if (exc.name or "").split(".")[0] not in ("drafting", "eval", "retrieval"):
        raise
    show_error(f"“{page}”页面暂时无法使用：缺少组件 {exc.name}。", f"page unavailable: {exc}")
else:
    try:
        module.render()
    except Exception:
        show_error("程序出现了意外错误，已记录在运行日志中。您的笔记和草稿已自动保存，刷新页面即可继续。",
                   "Unexpected error (details in the server log). Your work is saved; reload the page.")
        raise
