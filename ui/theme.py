"""A little CSS so the app reads like a finished Chinese tool: Chinese fonts, calmer spacing, section cards."""
from __future__ import annotations

import streamlit as st

__all__ = ["apply"]

_CSS = """
<style>
html, body, [class*="css"], .stMarkdown, textarea, input {
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
}
.block-container { padding-top: 2.2rem; max-width: 1200px; }
h1, h2, h3 { letter-spacing: .02em; }
textarea { font-size: 1rem !important; line-height: 1.7 !important; }
.ud-section-heading { font-weight: 700; font-size: 1.1rem; margin-bottom: .2rem; }
.ud-muted { color: #6b7280; font-size: .85rem; }
mark.ud-finding { cursor: help; }
[data-testid="stAppDeployButton"] { display: none; }
[data-testid="stSidebar"] h1 { font-size: 1.45rem; }
.ud-fulltext p.ud-h { font-weight: 700; margin: .2rem 0; }
</style>
"""


def apply() -> None:
    st.markdown(_CSS, unsafe_allow_html=True)
