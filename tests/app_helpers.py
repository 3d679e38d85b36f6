"""Helpers for the app tests (AppTest): where app.py is, and the values of a list of elements."""
from __future__ import annotations

from pathlib import Path

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def texts(elements) -> list[str]:
    return [e.value for e in elements]
