"""The workspace this browser session is editing, kept in the autosave store.

The open workspace's id is in the page address (?d=…), so a reload or a restarted app reopens it; a new
tab without it starts empty (sessions are isolated) and finds everything under 我的草稿.
Form widgets are filled from the store once per opened workspace, and every change is saved at once.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from ui import resources
from ui.store import Workspace, WorkspaceStore

__all__ = ["store", "current", "ensure", "open_workspace", "close", "save", "FORM_KEYS"]

# widget key → workspace field
FORM_KEYS = {"ws_name": "name", "ws_kind": "kind", "ws_school": "school", "ws_period": "period",
             "ws_length": "target_length", "ws_notes": "notes"}
_DEFAULTS = {"kind": "semester-summary", "school": "", "period": "", "target_length": 2000, "notes": ""}


@st.cache_resource(show_spinner=False)
def _store(path: str) -> WorkspaceStore:
    return WorkspaceStore(path)


def store() -> WorkspaceStore:
    return _store(str(resources.settings().data_dir / "workspaces.sqlite3"))


def current() -> Workspace | None:
    """The open workspace (re-read from the store), or None before the chair has typed anything."""
    wid = st.session_state.get("ws_id") or st.query_params.get("d")
    if not wid:
        _fill_form(None)
        return None
    if not store().exists(wid):
        st.session_state.pop("ws_id", None)
        st.query_params.pop("d", None)
        _fill_form(None)
        return None
    ws = store().get(wid)
    st.session_state["ws_id"] = wid
    if st.query_params.get("d") != wid:
        st.query_params["d"] = wid
    _fill_form(ws)
    return ws


def ensure(**fields: Any) -> Workspace:
    """The open workspace, created (with the given fields) when there is none yet."""
    wid = st.session_state.get("ws_id")
    if wid and store().exists(wid):
        return store().save(wid, **fields) if fields else store().get(wid)
    ws = store().create(fields.pop("name", ""), **fields)
    st.session_state["ws_id"] = ws.id
    st.session_state["ws_loaded"] = ws.id
    st.session_state["ws_name"] = ws.name
    st.query_params["d"] = ws.id
    return ws


def open_workspace(workspace_id: str) -> None:
    st.session_state["ws_id"] = workspace_id
    st.session_state.pop("ws_loaded", None)
    st.query_params["d"] = workspace_id


def close() -> None:
    """Start a new, empty workspace in this session (the old one stays in 我的草稿)."""
    st.session_state.pop("ws_id", None)
    st.session_state.pop("ws_loaded", None)
    st.query_params.pop("d", None)


def save(**fields: Any) -> Workspace:
    return ensure(**fields)


def _fill_form(ws: Workspace | None) -> None:
    loaded = ws.id if ws else ""
    if st.session_state.get("ws_loaded") == loaded and "ws_notes" in st.session_state:
        return
    for key, name in FORM_KEYS.items():
        value = getattr(ws, name) if ws else _DEFAULTS.get(name, "")
        st.session_state[key] = value
    st.session_state["ws_loaded"] = loaded
