"""One card per draft section: editable text, its findings, the facts and past documents it used,
重新生成 with a quick choice or an instruction, a lock, and its versions with the figures that changed."""
from __future__ import annotations

import hashlib
import html

import streamlit as st

from common.errors import UserError
from ui import draft_model, drafting_bridge, workspace
from ui.highlight import findings_list, highlight_html, kind_style
from ui.messages import show_error, show_info

__all__ = ["render_cards", "QUICK_INSTRUCTIONS"]

QUICK_INSTRUCTIONS = ("更简洁", "更正式", "突出成效", "补充细节")


def render_cards(ws, check_by_section: dict, fact_texts: dict) -> None:
    for n, section in enumerate(ws.draft.get("sections", []), 1):
        _card(ws, n, section, check_by_section.get(str(section.get("id")), []), fact_texts)


def _card(ws, n: int, section: dict, findings: list, fact_texts: dict) -> None:
    sid = str(section.get("id"))
    text = section.get("text", "")
    locked = bool(section.get("locked"))
    with st.container(border=True, key=f"card_{n}"):
        head = st.columns([6, 1])
        badge = "（已锁定）" if locked else ""
        head[0].markdown(f'<div class="ud-section-heading">{html.escape(section.get("heading") or f"第{n}节")}{badge}</div>',
                         unsafe_allow_html=True)
        head[1].toggle("锁定", value=locked, key=f"lock_{ws.id}_{sid}", on_change=_toggle_lock, args=(sid,),
                       help="锁定后，重新生成和整篇重写都不会改动这一节。")
        if section.get("error"):
            show_error(f"这一节生成失败：{section['error']}", "this section failed; the others are kept")
        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        st.text_area("正文", value=text, key=f"text_{ws.id}_{sid}_{digest}", height=_height(text),
                     label_visibility="collapsed", disabled=locked, on_change=_edited, args=(sid, f"text_{ws.id}_{sid}_{digest}"))
        if not section.get("fact_ids") and section.get("role", "body") not in ("opening", "closing") and not section.get("error"):
            show_info("笔记里没有这一节的事实，正文只是通用的过渡句。请在笔记中补充要点（例如“# 存在问题”下写几条），再重新生成本节。",
                      "The notes have no facts for this section; add some and regenerate it.")
        errors = [f for f in findings if getattr(f, "level", "error") == "error"]
        if errors:
            kinds = "、".join(sorted({kind_style(f.kind).label for f in errors}))
            st.warning(f"本节有 {len(errors)} 处数字需要核对（{kinds}）：", icon=":material/warning:")
            st.markdown(highlight_html(text, findings, fact_texts), unsafe_allow_html=True)
            for line in findings_list(findings, fact_texts):
                st.caption(line)
        _details(section, fact_texts)
        if not locked:
            _regenerate(ws, sid, n, retry=bool(section.get("error")))
        _versions(ws, sid, section)


def _height(text: str) -> int:
    return min(520, max(120, 28 * (len(text) // 38 + text.count("\n") + 2)))


def _details(section: dict, fact_texts: dict) -> None:
    facts = section.get("fact_ids") or []
    sources = section.get("sources") or []
    cols = st.columns(2)
    with cols[0].expander(f"依据的笔记（{len(facts)} 条）"):
        for fid in facts:
            st.markdown(f"**{fid}** {html.escape(fact_texts.get(fid, ''))}")
        if not facts:
            st.caption("本节没有用到笔记中的事实。")
    with cols[1].expander(f"参考的往年文档（{len(sources)} 篇）"):
        for src in sources:
            src = src if isinstance(src, dict) else {"title": str(src)}
            snippet = html.escape(str(src.get("text") or src.get("snippet") or ""))
            title = html.escape(str(src.get("title") or src.get("source") or "未命名文档"))
            heading = html.escape(str(src.get("heading") or ""))
            st.markdown(f"<details><summary><b>{title}</b> · {heading}</summary>"
                        f'<div class="ud-muted" style="white-space:pre-wrap">{snippet}</div></details>',
                        unsafe_allow_html=True)
        if not sources:
            st.caption("资料库中没有找到相近的段落。")


def _regenerate(ws, sid: str, n: int, retry: bool) -> None:
    cols = st.columns([1, 1, 1, 1, 3, 1.3])
    for col, label in zip(cols, QUICK_INSTRUCTIONS):
        col.button(label, key=f"regen_{sid}_{label}", on_click=_do_regenerate, args=(sid, label),
                   width="stretch")
    cols[4].text_input("其他要求", key=f"regen_text_{sid}", label_visibility="collapsed",
                       placeholder="或写下修改要求，例如：加一句对青年教师的鼓励")
    cols[5].button("重试本节" if retry else "按要求重写", key=f"regen_{sid}_custom", type="primary" if retry else "secondary",
                   on_click=_do_regenerate, args=(sid, None), width="stretch")
    if st.session_state.get(f"regen_error_{sid}"):
        zh, en = st.session_state[f"regen_error_{sid}"]
        show_error(zh, en)


def _versions(ws, sid: str, section: dict) -> None:
    history = draft_model.versions(section)
    if len(history) < 2:
        return
    with st.expander(f"历史版本（{len(history)}）"):
        labels = [f"第{i}版 · {v.get('note') or '生成'}" for i, v in enumerate(history, 1)]
        cols = st.columns(2)
        a = cols[0].selectbox("比较", range(len(history)), index=len(history) - 2, format_func=labels.__getitem__,
                              key=f"ver_a_{sid}")
        b = cols[1].selectbox("与", range(len(history)), index=len(history) - 1, format_func=labels.__getitem__,
                              key=f"ver_b_{sid}")
        removed, added = draft_model.figure_diff(history[a]["text"], history[b]["text"])
        if not removed and not added:
            st.caption("两个版本的数字完全相同。")
        else:
            st.markdown("数字变化：" + " ".join(f"<del style='color:#d93025'>{html.escape(x)}</del>" for x in removed)
                        + " → " + " ".join(f"<ins style='color:#2e7d32'>{html.escape(x)}</ins>" for x in added),
                        unsafe_allow_html=True)
        st.caption(history[a]["text"][:400])
        if b != len(history) - 1 or a != len(history) - 1:
            st.button(f"恢复为{labels[a]}", key=f"ver_restore_{sid}", on_click=_edited_to, args=(sid, history[a]["text"]))


# ---- callbacks (run before the next script run; they only touch the store and session state) -------------
def _edited(sid: str, key: str) -> None:
    _edited_to(sid, st.session_state.get(key, ""))


def _edited_to(sid: str, text: str) -> None:
    ws = workspace.ensure()
    workspace.save(draft=draft_model.edit_section(ws.draft, sid, text))


def _toggle_lock(sid: str) -> None:
    ws = workspace.ensure()
    locked = not draft_model.get_section(ws.draft, sid).get("locked", False)
    workspace.save(draft=draft_model.set_locked(ws.draft, sid, locked))


def _do_regenerate(sid: str, instruction: str | None) -> None:
    ws = workspace.ensure()
    instruction = instruction or st.session_state.get(f"regen_text_{sid}", "").strip() or None
    st.session_state.pop(f"regen_error_{sid}", None)
    try:
        draft = drafting_bridge.regenerate(ws, sid, instruction, st.session_state.get("backend"))
    except UserError as exc:
        st.session_state[f"regen_error_{sid}"] = (exc.zh, exc.en)
        return
    workspace.save(draft=draft)
