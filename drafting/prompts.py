"""Prompt templates live in prompts/*.md; this module only loads and fills them.

Placeholders are written {{name}}. Rendering is strict: a placeholder without a value is an error, and so is a
value the template does not use (a typo in either place fails loudly instead of sending a half-empty prompt).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from common.settings import PROMPTS_DIR

__all__ = ["render", "load_template", "placeholders", "TemplateError"]

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class TemplateError(KeyError):
    """A template and the values given to it do not match (a programming error, not a user error)."""


@lru_cache(maxsize=None)
def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_template(name: str, folder: Path | None = None) -> str:
    path = (folder or PROMPTS_DIR) / (name if name.endswith(".md") else f"{name}.md")
    if not path.is_file():
        raise TemplateError(f"prompt template not found: {path}")
    return _read(str(path))


def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


def render(name: str, folder: Path | None = None, **values: object) -> str:
    """Fill prompts/<name>.md. Every placeholder needs a value and every value a placeholder."""
    template = load_template(name, folder)
    wanted = placeholders(template)
    missing = sorted(wanted - values.keys())
    extra = sorted(values.keys() - wanted)
    if missing or extra:
        raise TemplateError(f"template {name}: missing values {missing}, unused values {extra}")
    text = _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
