"""The eval suite's report as Markdown and as a standalone HTML page: one table row per case and a totals row,
then the details (findings, facts not covered, hierarchy problems) of the cases that have any."""
from __future__ import annotations

import html

from eval.suite import CaseResult, SuiteReport

__all__ = ["to_markdown", "to_html", "COLUMNS"]

COLUMNS = ("案例 case", "类型 kind", "字数/目标 chars", "数字错误 errors", "数字问题 findings", "事实覆盖 coverage",
           "层级 hierarchy", "风格相似 style", "用时 s")


def _findings(kinds: dict) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "—"


def _style(value) -> str:
    return "—" if value is None else f"{value:.3f}"


def _row(c: CaseResult) -> list[str]:
    if c.failed:
        return [c.id, c.kind, "失败 failed", "—", c.failed[:80], "—", "—", "—", f"{c.seconds:.2f}"]
    mark = "✓" if c.length_ok else "✗"
    target = f"{c.min_chars}–{c.max_chars}" if c.max_chars else f"≥{c.min_chars}"
    hierarchy = "✓" if c.hierarchy_ok else f"✗ {len(c.hierarchy_problems) + len(c.missing_headings)}"
    return [c.id, c.kind, f"{c.chars} / {target} {mark}", str(c.errors), _findings(c.findings),
            f"{c.coverage:.0%} ({c.facts_covered}/{c.facts_total})", hierarchy, _style(c.style), f"{c.seconds:.2f}"]


def _total_row(report: SuiteReport) -> list[str]:
    t = report.totals()
    done = t["cases"] - t["failed"]
    return ["合计 total", f"{t['cases']} 例" + (f"（{t['failed']} 失败）" if t["failed"] else ""),
            f"{t['chars']}（{t['length_ok']}/{done} ✓）", str(t["errors"]), _findings(t["findings"]),
            f"{t['coverage']:.0%}", f"{t['hierarchy_ok']}/{done} ✓", _style(t["style"]),
            f"{t['seconds']:.2f}（均 {t['mean_seconds']:.2f}）"]


def _details(c: CaseResult) -> list[str]:
    lines = []
    lines += [f"数字问题 finding: {s}" for s in c.finding_samples]
    if c.missing_facts:
        lines.append(f"未覆盖的事实 facts not covered: {', '.join(c.missing_facts)}")
    lines += [f"层级 hierarchy: {p}" for p in c.hierarchy_problems[:5]]
    if c.missing_headings:
        lines.append(f"缺少标题 missing headings: {', '.join(c.missing_headings)}")
    if c.failed_sections:
        lines.append(f"起草失败的部分 sections that failed: {c.failed_sections}/{c.sections}")
    return lines


def _notes(report: SuiteReport) -> list[str]:
    notes = [f"模型 model: `{report.model}`；风格相似度 style similarity: {report.style_method}；"
             f"总用时 total {report.seconds:.1f} s。"]
    if not report.check_available:
        notes.append("数字核对器尚不可用，数字问题一栏为空 / the number checker is not available: no fidelity figures.")
    notes.append("事实覆盖：事实中的数字全部出现在文中即算覆盖；无数字的事实按字二元组重合率（≥60%）判断。"
                 " Coverage: a fact counts when all its figures appear; a fact without figures by bigram overlap.")
    return notes


def to_markdown(report: SuiteReport) -> str:
    out = ["# 评测报告 / eval report", "", *_notes(report), "",
           "| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    for c in report.cases:
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in _row(c)) + " |")
    out.append("| " + " | ".join(f"**{cell}**" for cell in _total_row(report)) + " |")
    detailed = [(c, _details(c)) for c in report.cases]
    detailed = [(c, d) for c, d in detailed if d]
    if detailed:
        out += ["", "## 详情 / details"]
        for c, lines in detailed:
            out += ["", f"### {c.id}", *[f"- {line}" for line in lines]]
    return "\n".join(out) + "\n"


_CSS = """body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}
th{background:#f3f3f3}tr.total td{font-weight:bold;background:#fafafa}td.bad{color:#b00020}td.ok{color:#1b5e20}"""


def to_html(report: SuiteReport) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(c)}</th>" for c in COLUMNS)
    rows = []
    for c in report.cases:
        cells = _row(c)
        classes = [""] * len(cells)
        classes[3] = "bad" if c.errors else "ok"
        classes[6] = "ok" if c.hierarchy_ok and not c.failed else "bad"
        classes[2] = "ok" if c.length_ok and not c.failed else "bad"
        rows.append("<tr>" + "".join(f'<td class="{k}">{esc(v)}</td>' if k else f"<td>{esc(v)}</td>"
                                     for v, k in zip(cells, classes)) + "</tr>")
    rows.append('<tr class="total">' + "".join(f"<td>{esc(v)}</td>" for v in _total_row(report)) + "</tr>")
    details = []
    for c in report.cases:
        lines = _details(c)
        if lines:
            details.append(f"<h3>{esc(c.id)}</h3><ul>" + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul>")
    notes = "".join(f"<p>{esc(n)}</p>" for n in _notes(report))
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评测报告 eval report</title>'
            f"<style>{_CSS}</style></head><body><h1>评测报告 / eval report</h1>{notes}"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            + (f"<h2>详情 / details</h2>{''.join(details)}" if details else "") + "</body></html>\n")
