"""资料库 page: upload past summaries and plans, see and manage the documents, search them."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from common.errors import UserError
from retrieval.importing import MAX_FILE_BYTES, SUPPORTED_SUFFIXES
from ui import resources
from ui.messages import show_error, show_info, show_success, show_warning

__all__ = ["render"]

KIND_LABELS = {"summary": "总结", "plan": "计划"}
KIND_CHOICES = {"自动识别": None, "总结": "summary", "计划": "plan"}


def render() -> None:
    st.header("资料库")
    st.caption("往年的工作总结和计划。起草时从这里找相似段落，学习本校的写法。/ Past documents the drafter learns the voice from.")
    library = resources.library()
    if library.notice:
        show_warning(*library.notice)
    _ensure_default(library)
    _upload(library)
    _documents(library)
    _search(library)


def _ensure_default(library) -> None:
    if library.count_chunks() or library.default_built:
        return
    bar = st.progress(0.0, text="首次使用：正在导入示例文档… / building the sample library")
    library.ensure_default(progress=lambda done, total, label: bar.progress(done / max(total, 1), text=f"导入示例：{label}"))
    bar.empty()


def _upload(library) -> None:
    with st.expander("上传往年总结或计划", expanded=False):
        files = st.file_uploader("选择文件（可多选：txt、md、docx、pdf）", accept_multiple_files=True,
                                 type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], key="library_upload")
        kind_label = st.radio("文档类型", list(KIND_CHOICES), horizontal=True, key="library_upload_kind")
        if not st.button("导入", type="primary", disabled=not files, key="library_import"):
            return
        _import(library, files, KIND_CHOICES[kind_label])


def _import(library, files, kind) -> None:
    accepted, too_big = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i, f in enumerate(files):
            if f.size > MAX_FILE_BYTES:
                too_big.append(f.name)
                continue
            path = Path(tmp) / f"{i}{Path(f.name).suffix.lower()}"
            path.write_bytes(f.getbuffer())
            accepted.append((str(path), f.name))
        for name in too_big:
            show_error(f"{name}：文件超过 {MAX_FILE_BYTES // 2**20} MB，未导入。请拆分或删去图片后再试。",
                       f"{name}: larger than {MAX_FILE_BYTES // 2**20} MB, not imported.")
        if not accepted:
            return
        bar = st.progress(0.0, text="正在向量化… / embedding")
        try:
            report = library.add_files([p for p, _ in accepted], kind=kind, names=[n for _, n in accepted],
                                       progress=lambda d, t, label: bar.progress(d / max(t, 1), text=f"正在向量化：{label}"))
        except UserError as exc:
            bar.empty()
            show_error(exc.zh, exc.en)
            return
        bar.empty()
    for f in report.files:
        if f.ok and f.added:
            show_success(f"{f.path}：已导入 {len(f.added)} 篇", f"{f.path}: imported {len(f.added)} document(s)")
        elif f.ok:
            show_info(f"{f.path}：资料库中已有，未重复导入", f"{f.path}: already in the library")
        else:
            show_error(f"{f.path}：{f.error_zh}", f"{f.path}: {f.error_en}")


def _documents(library) -> None:
    docs = library.documents()
    stats = library.stats()
    st.subheader(f"文档（{stats['documents']} 篇，{stats['chunks']} 段）")
    if not docs:
        show_info("资料库为空：上传几篇往年的总结或计划，起草时会参考它们的写法。", "The library is empty.")
        return
    table = pd.DataFrame([{"标题": d.title, "单位": d.school, "年份": d.year, "时段": d.period,
                           "类型": KIND_LABELS.get(d.kind, d.kind), "段数": d.chunks, "编号": d.doc_id[:10]} for d in docs])
    st.dataframe(table, hide_index=True, width="stretch")
    _chart(docs)
    labels = {d.doc_id: f"{d.title}（{d.year or '年份未知'}，{KIND_LABELS.get(d.kind, d.kind)}）" for d in docs}
    with st.expander("修改或删除文档"):
        chosen = st.selectbox("选择文档", list(labels), format_func=labels.get, key="library_selected")
        doc = next(d for d in docs if d.doc_id == chosen)
        with st.form("library_meta"):
            title = st.text_input("标题", doc.title)
            school = st.text_input("单位", doc.school)
            year = st.number_input("年份", min_value=0, max_value=2100, value=doc.year or 0, step=1)
            period = st.text_input("时段", doc.period)
            kind = st.radio("类型", ["summary", "plan"], index=0 if doc.kind == "summary" else 1,
                            format_func=KIND_LABELS.get, horizontal=True)
            if st.form_submit_button("保存修改"):
                library.update_metadata(doc.doc_id, title=title, school=school, year=int(year), period=period, kind=kind)
                st.rerun()
        confirm = st.checkbox("确认删除这篇文档", key="library_confirm_delete")
        if st.button("删除", disabled=not confirm, key="library_delete"):
            removed = library.remove(doc.doc_id)
            st.session_state.pop("library_confirm_delete", None)
            st.toast(f"已删除：{removed.title}")
            st.rerun()


def _chart(docs) -> None:
    counts = pd.DataFrame([{"年份": str(d.year or "未知"), "类型": KIND_LABELS.get(d.kind, d.kind)} for d in docs])
    pivot = counts.value_counts().unstack(fill_value=0).sort_index()
    st.bar_chart(pivot, height=180)


def _search(library) -> None:
    st.subheader("检索")
    cols = st.columns([4, 1, 1])
    query = cols[0].text_input("输入关键词或一句话", key="library_query", placeholder="例如：困难教职工 送温暖")
    kind_label = cols[1].selectbox("类型", ["全部", "总结", "计划"], key="library_search_kind")
    k = cols[2].number_input("条数", 1, 20, 5, key="library_k")
    if not query.strip():
        return
    kind = {"全部": None, "总结": "summary", "计划": "plan"}[kind_label]
    hits = library.search(query, k=int(k), kind=kind)
    if not hits:
        show_info("没有找到相关内容", "No results.")
    for n, h in enumerate(hits, 1):
        st.markdown(f"**{n}. {h.title}** · {h.heading or '开头'}  \n<small>来源：{h.source} · 相关度 {h.score:.2f}</small>",
                    unsafe_allow_html=True)
        st.markdown(_highlight(h.text, query), unsafe_allow_html=True)
        st.divider()


def _highlight(text: str, query: str) -> str:
    """Escape the text and mark the query's words and character bigrams in it."""
    import html
    import re

    from retrieval.bm25 import bigrams

    terms = sorted({t for t in bigrams(query) if len(t) >= 2} | {w for w in query.split() if w}, key=len, reverse=True)
    escaped = html.escape(text[:600] + ("…" if len(text) > 600 else ""))
    if not terms:
        return escaped
    pattern = re.compile("|".join(re.escape(html.escape(t)) for t in terms))
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped).replace("\n", "<br>")
