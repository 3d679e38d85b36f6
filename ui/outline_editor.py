"""提纲: preview the outline the notes give, and add, remove, rename or reorder its sections before drafting.

An outline is a list of {"id", "heading", "fact_ids"} dicts, saved with the workspace.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from common.errors import UserError
from ui import drafting_bridge, workspace
from ui.limits import check_notes
from ui.messages import show_error, show_info

__all__ = ["render", "outline_from_table", "outline_table"]


def outline_table(outline: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{"顺序": i, "标题": s.get("heading", ""), "事实编号": "，".join(s.get("fact_ids") or [])}
                         for i, s in enumerate(outline, 1)], columns=["顺序", "标题", "事实编号"])


def outline_from_table(table: pd.DataFrame, previous: list[dict]) -> list[dict]:
    """Rows → outline, sorted by 顺序; rows without a heading are dropped; ids kept by position of origin."""
    by_heading = {s.get("heading"): s for s in previous}
    rows = []
    for n, row in enumerate(table.to_dict("records")):
        heading = str(row.get("标题") or "").strip()
        if not heading or heading == "nan":
            continue
        order = row.get("顺序")
        order = float(order) if order is not None and not pd.isna(order) else float(n + 1) + 0.5
        ids = [p.strip() for p in str(row.get("事实编号") or "").replace(",", "，").split("，")
               if p.strip() and p.strip() != "nan"]
        old = by_heading.get(heading, {})
        rows.append((order, n, {**old, "heading": heading, "fact_ids": ids}))
    rows.sort(key=lambda r: (r[0], r[1]))
    outline = [r[2] for r in rows]
    for i, s in enumerate(outline, 1):
        s["id"] = s.get("id") or f"s{i}"
    seen: set = set()
    for i, s in enumerate(outline, 1):  # ids must stay unique after adding rows
        if s["id"] in seen:
            s["id"] = f"s{i}-{len(seen)}"
        seen.add(s["id"])
    return outline


def render(ws) -> list[dict] | None:
    st.subheader("② 提纲")
    outline = ws.outline if ws else None
    cols = st.columns([1, 1, 3])
    if cols[0].button("生成提纲" if not outline else "按笔记重新生成提纲", key="outline_make"):
        try:
            notes = check_notes(st.session_state.get("ws_notes", ""))
            outline = drafting_bridge.make_outline(notes, st.session_state.get("ws_kind", "semester-summary"))
        except UserError as exc:
            show_error(exc.zh, exc.en)
            return outline
        ws = workspace.save(outline=outline)
        st.session_state["outline_nonce"] = st.session_state.get("outline_nonce", 0) + 1
    if not outline:
        show_info("先写笔记，再点“生成提纲”预览文章结构；也可以直接点“生成初稿”。",
                  "Write the notes, then preview the outline (or draft straight away).")
        return None
    st.caption("可以直接在表格里改标题、改顺序（改“顺序”列的数字）、删行（选中行后按删除）或在末尾添加新的一节。")
    key = f"outline_editor_{ws.id}_{st.session_state.get('outline_nonce', 0)}"
    edited = st.data_editor(outline_table(outline), key=key, num_rows="dynamic", hide_index=True,
                            width="stretch",
                            column_config={"顺序": st.column_config.NumberColumn(width="small", step=1),
                                           "标题": st.column_config.TextColumn(width="large", required=True),
                                           "事实编号": st.column_config.TextColumn(width="medium",
                                                                              help="用逗号分隔，例如 F1，F3")})
    new = outline_from_table(edited, outline)
    if new != outline:  # saved, and the editor restarts from the saved outline (its edits are deltas)
        workspace.save(outline=new)
        st.session_state["outline_nonce"] = st.session_state.get("outline_nonce", 0) + 1
        st.rerun()
    return outline
