"""Helpers for the app tests (AppTest): where app.py is, and the values of a list of elements."""
from __future__ import annotations

from pathlib import Path

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def drafted(notes: str, school: str = "青松县实验小学", period: str = ""):
    """The 起草 page after the chair types the unit, the period and the notes and clicks 生成初稿."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=120).run()
    at.text_input(key="ws_school").input(school).run()
    if period:
        at.text_input(key="ws_period").input(period).run()
    at.text_area(key="ws_notes").input(notes).run()
    at.button(key="draft_generate").click().run()
    assert not at.exception
    return at


def section_texts(at) -> list[str]:
    """The text of every section card, in order."""
    return [t.value for t in at.text_area if (t.key or "").startswith("text_")]
