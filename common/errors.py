"""Errors a user can fix. Each carries a Chinese message first and an English one second.

Programming errors are ordinary exceptions and are never wrapped in these.
"""
from __future__ import annotations

__all__ = ["UserError", "InputError", "BackendError"]


class UserError(Exception):
    """A problem the user can fix: shown to them, never as a stack trace. CLI exit code 1."""

    def __init__(self, zh: str, en: str):
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en

    def __str__(self) -> str:  # Chinese first, English too
        return f"{self.zh}\n{self.en}"


class InputError(UserError):
    """A file, note or value the user gave cannot be used."""


class BackendError(UserError):
    """A model endpoint or server failed in a way the user can act on."""
