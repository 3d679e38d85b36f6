"""Objects shared by every browser session of one app process (created once)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from common.settings import Settings

if TYPE_CHECKING:  # the library (Chroma, numpy) is imported on first use, not at app start
    from retrieval.library import Library

__all__ = ["settings", "library"]


def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner=False)
def _library(library_dir: str, chroma_url: str | None, embedder: str) -> "Library":
    from retrieval.library import Library

    return Library.open(settings())


def library() -> "Library":
    s = settings()
    return _library(str(s.library_dir), s.chroma_url, s.embedder)
