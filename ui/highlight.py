"""Show a text with the number checker's findings marked in place: one colour per kind, the message and the
fact in a tooltip and in a numbered list underneath. Shared by the 核对 and 起草 pages.

Pure functions that return HTML strings (easy to test); `render_findings` puts them on the page.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

__all__ = ["KIND_STYLES", "KindStyle", "kind_style", "highlight_html", "counts_by_kind", "legend_html",
           "findings_list", "render_findings"]


@dataclass(frozen=True)
class KindStyle:
    label: str
    colour: str        # background of the mark
    border: str


KIND_STYLES: dict[str, KindStyle] = {
    "mismatch": KindStyle("数字不一致", "#fde2e1", "#d93025"),
    "unsupported": KindStyle("笔记中没有", "#fde7d4", "#e8710a"),
    "qualifier": KindStyle("修饰词改变", "#fff4c2", "#b08800"),
    "arithmetic": KindStyle("计算不符", "#efe1fb", "#8e44ad"),
    "leak": KindStyle("沿用往年数字", "#f9dff0", "#b8327d"),
    "missing": KindStyle("笔记数字未写入", "#e3ecfb", "#1a5fb4"),
    "style": KindStyle("数字写法不统一", "#eceff1", "#607d8b"),
    "derived": KindStyle("推算得出（正确）", "#e0f3e4", "#2e7d32"),
}
_OTHER = KindStyle("其他提示", "#eceff1", "#607d8b")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def kind_style(kind: str) -> KindStyle:
    return KIND_STYLES.get(kind, _OTHER)


def _number(n: int) -> str:
    return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else f"({n})"


def _escape(text: str) -> str:
    return html.escape(text).replace("$", "&#36;").replace("\n", "<br>")


def _facts_note(finding, facts: Mapping[str, str]) -> str:
    ids = list(getattr(finding, "fact_ids", ()) or ())
    return "；".join(f"{i}：{facts[i]}" if i in facts else i for i in ids)


def _placed(findings: Iterable) -> list:
    """Findings with a valid span, in text order, without overlaps (the first of overlapping ones wins)."""
    out, end = [], -1
    for f in sorted((f for f in findings if f.start is not None and f.end is not None and f.end > f.start),
                    key=lambda f: (f.start, -f.end)):
        if f.start >= end:
            out.append(f)
            end = f.end
    return out


def highlight_html(text: str, findings: Sequence, facts: Mapping[str, str] | None = None) -> str:
    """The text, escaped, with each placed finding wrapped in a coloured <mark> with a tooltip and a number."""
    facts = facts or {}
    numbers = {id(f): n for n, f in enumerate(findings, 1)}
    parts, pos = [], 0
    for f in _placed(findings):
        if f.end > len(text):
            continue
        style = kind_style(f.kind)
        tip = f"{style.label}：{f.message}" + (f"（{_facts_note(f, facts)}）" if _facts_note(f, facts) else "")
        parts.append(_escape(text[pos:f.start]))
        parts.append(f'<mark class="ud-finding ud-{html.escape(f.kind)}" title="{html.escape(tip, quote=True)}" '
                     f'style="background:{style.colour};border-bottom:2px solid {style.border};padding:0 2px;'
                     f'border-radius:3px">{_escape(text[f.start:f.end])}'
                     f'<sup style="color:{style.border};font-weight:600">{_number(numbers[id(f)])}</sup></mark>')
        pos = f.end
    parts.append(_escape(text[pos:]))
    return ('<div class="ud-highlighted" style="line-height:2;font-size:1.02rem;white-space:normal">'
            + "".join(parts) + "</div>")


def counts_by_kind(findings: Iterable) -> Counter:
    return Counter(f.kind for f in findings)


def legend_html(counts: Mapping[str, int]) -> str:
    chips = []
    for kind, n in sorted(counts.items(), key=lambda kv: list(KIND_STYLES).index(kv[0]) if kv[0] in KIND_STYLES else 99):
        style = kind_style(kind)
        chips.append(f'<span style="background:{style.colour};border:1px solid {style.border};border-radius:12px;'
                     f'padding:2px 10px;margin-right:6px;white-space:nowrap">{html.escape(style.label)} '
                     f'<b>{n}</b></span>')
    return '<div class="ud-legend" style="line-height:2.2">' + "".join(chips) + "</div>"


def findings_list(findings: Sequence, facts: Mapping[str, str] | None = None) -> list[str]:
    """One line per finding, numbered as in the highlighted text: '① [数字不一致] 「8人」 message（F3：…）'."""
    facts = facts or {}
    lines = []
    for n, f in enumerate(findings, 1):
        note = _facts_note(f, facts)
        shown = f"「{f.text}」" if getattr(f, "text", "") else ""
        lines.append(f"{_number(n)} [{kind_style(f.kind).label}] {shown} {f.message}" + (f"（{note}）" if note else ""))
    return lines


def render_findings(text: str, findings: Sequence, facts: Mapping[str, str] | None = None,
                    show_text: bool = True) -> None:
    """Counts by kind, the highlighted text, and the numbered list of findings."""
    import streamlit as st

    counts = counts_by_kind(findings)
    if counts:
        st.markdown(legend_html(counts), unsafe_allow_html=True)
    if show_text:
        st.markdown(highlight_html(text, findings, facts), unsafe_allow_html=True)
    for line in findings_list(findings, facts):
        st.caption(_escape(line).replace("<br>", " "), unsafe_allow_html=True)
