"""`uniondraft library add|list|remove|search|update|init` — the style reference library from a terminal."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from common.errors import InputError
from common.settings import Settings

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("library", help="资料库：导入、列出、删除、检索往年总结和计划 / the style reference library")
    lsub = p.add_subparsers(dest="library_command", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--library", help="资料库文件夹 / library folder (default: $UNIONDRAFT_LIBRARY or the data folder)")
        q.add_argument("--json", action="store_true", help="JSON 输出 / JSON output")

    add = lsub.add_parser("add", help="导入文件（txt/md/docx/pdf，可多选，可为文件夹）/ import files")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--kind", choices=["summary", "plan"], help="强制类型 / force the kind")
    add.add_argument("--title", help="覆盖标题 / override the title")
    add.add_argument("--school", help="覆盖单位 / override the unit or school")
    add.add_argument("--year", type=int, help="覆盖年份 / override the year")
    add.add_argument("--period", help="覆盖时段 / override the period, e.g. 2025-2026学年第一学期")
    common(add)

    ls = lsub.add_parser("list", help="列出文档 / list documents")
    common(ls)

    rm = lsub.add_parser("remove", help="删除文档 / remove a document")
    rm.add_argument("doc_id", help="文档编号（可用前几位）/ document id or a unique prefix")
    common(rm)

    se = lsub.add_parser("search", help="检索 / search")
    se.add_argument("query")
    se.add_argument("-k", type=int, default=5, help="结果数 / number of results (default 5)")
    se.add_argument("--kind", choices=["summary", "plan"])
    common(se)

    up = lsub.add_parser("update", help="修改文档信息 / override a document's metadata")
    up.add_argument("doc_id")
    for name in ("title", "school", "period"):
        up.add_argument(f"--{name}")
    up.add_argument("--year", type=int)
    up.add_argument("--kind", choices=["summary", "plan"])
    common(up)

    init = lsub.add_parser("init", help="首次使用：导入 corpus/ 中的示例文档 / build the default library from corpus/")
    common(init)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from retrieval.library import Library

    settings = Settings.from_env().with_library(args.library)
    library = Library.open(settings)
    if library.notice and not args.json:
        print(f"提示：{library.notice[0]}\nNote: {library.notice[1]}", file=sys.stderr)
    handler = {"add": _add, "list": _list, "remove": _remove, "search": _search,
               "update": _update, "init": _init}[args.library_command]
    return handler(library, args)


def _expand(paths: list[str]) -> list[str]:
    """Folders stand for the supported files inside them."""
    from retrieval.importing import SUPPORTED_SUFFIXES

    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            out.append(raw)
    return out


def _progress_bar(done: int, total: int, label: str) -> None:
    width = 30
    filled = int(width * done / total) if total else width
    bar = "#" * filled + "-" * (width - filled)
    end = "\n" if done >= total else ""
    print(f"\r导入 [{bar}] {done}/{total} 块  {label[:30]}", end=end, file=sys.stderr, flush=True)


def _report(report, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"files": [{**asdict(f), "ok": f.ok} for f in report.files]}, ensure_ascii=False, indent=2))
    else:
        for f in report.files:
            if f.ok:
                print(f"✓ {f.path}：新增 {len(f.added)} 篇，已存在 {len(f.unchanged)} 篇 / added {len(f.added)}, unchanged {len(f.unchanged)}")
            else:
                print(f"✗ {f.path}：{f.error_zh}\n  {f.error_en}", file=sys.stderr)
    return 1 if report.failed else 0


def _add(library, args) -> int:
    overrides = {k: getattr(args, k) for k in ("title", "school", "year", "period") if getattr(args, k) is not None}
    paths = _expand(args.paths)
    if not paths:
        raise InputError("没有找到可导入的文件（支持 txt、md、docx、pdf）", "no importable files found (txt, md, docx, pdf)")
    progress = None if args.json else _progress_bar
    report = library.add_files(paths, kind=args.kind, overrides=overrides or None, progress=progress)
    return _report(report, args.json)


def _init(library, args) -> int:
    report = library.ensure_default(progress=None if args.json else _progress_bar)
    if report is None:
        if args.json:
            print(json.dumps({"files": [], "already_built": True}))
        else:
            print("示例资料库此前已导入 / the default library was built before")
        return 0
    return _report(report, args.json)


def _list(library, args) -> int:
    docs = library.documents()
    if args.json:
        print(json.dumps({"documents": [asdict(d) for d in docs], "stats": library.stats()}, ensure_ascii=False, indent=2))
        return 0
    if not docs:
        print("资料库为空。用 `uniondraft library add 文件` 导入往年总结或计划。/ The library is empty.")
        return 0
    kinds = {"summary": "总结", "plan": "计划"}
    for d in docs:
        print(f"{d.doc_id[:10]}  {kinds.get(d.kind, d.kind)}  {d.year or '----'}  {d.chunks:>3}块  {d.title}  {d.school}")
    s = library.stats()
    print(f"共 {s['documents']} 篇、{s['chunks']} 块 / {s['documents']} documents, {s['chunks']} chunks")
    return 0


def _remove(library, args) -> int:
    doc = library.remove(args.doc_id)
    if args.json:
        print(json.dumps({"removed": asdict(doc)}, ensure_ascii=False))
    else:
        print(f"已删除：{doc.title}（{doc.doc_id[:10]}）/ removed")
    return 0


def _update(library, args) -> int:
    fields = {k: getattr(args, k) for k in ("title", "school", "year", "period", "kind") if getattr(args, k) is not None}
    doc = library.update_metadata(args.doc_id, **fields)
    if args.json:
        print(json.dumps({"document": asdict(doc)}, ensure_ascii=False))
    else:
        print(f"已更新：{doc.title}（{doc.kind}，{doc.year}）/ updated")
    return 0


def _search(library, args) -> int:
    hits = library.search(args.query, k=args.k, kind=args.kind)
    if args.json:
        results = [{"text": h.text, "source": h.source, "title": h.title, "heading": h.heading, "score": h.score,
                    "doc_id": h.doc_id, "kind": h.kind, "year": h.year} for h in hits]
        print(json.dumps({"results": results, "mode": library.mode}, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("没有找到相关内容 / no results")
    for n, h in enumerate(hits, 1):
        snippet = " ".join(h.text.split())[:120]
        print(f"{n}. [{h.score:.3f}] {h.title} — {h.heading or '（正文）'}\n   {snippet}…\n   来源 / source: {h.source}")
    return 0
