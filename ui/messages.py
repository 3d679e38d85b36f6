"""Showing messages the way the whole app does: Chinese first, English underneath in smaller type."""
from __future__ import annotations

import streamlit as st

__all__ = ["show_error", "show_warning", "show_info", "show_success"]


def _show(kind: str, zh: str, en: str = "") -> None:
    getattr(st, kind)(zh)
    if en:
        st.caption(en)


def show_error(zh: str, en: str = "") -> None:
    _show("error", zh, en)


def show_warning(zh: str, en: str = "") -> None:
    _show("warning", zh, en)


def show_info(zh: str, en: str = "") -> None:
    _show("info", zh, en)


def show_success(zh: str, en: str = "") -> None:
    _show("success", zh, en)
