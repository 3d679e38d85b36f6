"""Detect a document's title, school, year/period and kind from its cleaned text.

Title: the first heading-like line (joined with a second line that carries the genre or the
period, as in 张店五中2025-2026学年第一学期 / 工会工作总结). School: from the title, then the
signature lines at the end, then an opening "XX小学工会在…". Period: from the title lines, then the
opening paragraph, then the date under the signature (year only). Kind: the title's genre word,
else the plan-shaped headings (指导思想, 工作目标, 保障措施…).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from retrieval.chunking import heading_label, heading_level
from retrieval.cleaning import clean_title_line

__all__ = ["DocumentMetadata", "detect_metadata", "detect_title", "detect_school", "detect_period",
           "detect_kind"]


@dataclass(frozen=True)
class DocumentMetadata:
    title: str          # "" when the text has no title line
    school: str         # "" when unknown
    year: int | None    # start year of a 学年, else the calendar year
    period: str         # e.g. 2025-2026学年第一学期, 2025年上半年, 2024年度; "" when unknown
    kind: str           # summary | plan


_GENRE = re.compile(r"总结|计划|打算|要点|规划|汇报|报告|安排")
_PLAN_WORDS = re.compile(r"计划|打算|要点|规划|工作安排|工作思路|工作方案")
_SUMMARY_WORDS = re.compile(r"总结|汇报|报告|回顾|述职")
_PLAN_HEADINGS = re.compile(r"指导思想|工作目标|目标任务|主要任务|重点工作|工作安排|月度安排|具体安排|保障措施|行事历")
_PAREN_LINE = re.compile(r"^[（(][^（）()]{2,24}[）)]$")
_TITLE_MAX = 60

_Y = r"((?:19|20)\d\d)"
_TERM = r"(第[一二]学期|上学期|下学期)?"
_SPAN = re.compile(rf"{_Y}\s*[-—–~～至到/]\s*{_Y}\s*(学年度|学年|年度|年)?\s*{_TERM}")
_SCHOOL_YEAR = re.compile(rf"{_Y}\s*(学年度|学年)\s*{_TERM}")
_YEAR_PART = re.compile(rf"{_Y}\s*年\s*(上半年|下半年|第[一二三四]季度|度|春季学期|秋季学期|第[一二]学期|上学期|下学期)")
_YEAR_MONTH = re.compile(rf"{_Y}\s*年\s*(\d{{1,2}})\s*月(?!\s*\d{{1,2}}\s*日)")
_YEAR_ONLY = re.compile(rf"{_Y}\s*(?:学?年)")
_TERM_ONLY = re.compile(r"上半年|下半年|第[一二]学期|上学期|下学期")
_DATE = re.compile(rf"{_Y}\s*年\s*\d{{1,2}}\s*月")
_CN_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}(?=\s*学?年)")
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")

_SCHOOL_TYPES = ("中心小学|中心校|实验小学|实验中学|实验学校|外国语学校|第[一二三四五六七八九十]{1,3}(?:中学|小学)"
                 "|职业技术学院|职业技术学校|中等职业学校|中等专业学校|职业中专|职业高中|职业学校|职教中心|技工学校"
                 "|技师学院|特殊教育学校|九年制学校|小学|中学|初中|高中|完小|幼儿园|学校|学院|大学"
                 "|[一二三四五六七八九十]{1,2}[中小]")
_SCHOOL = re.compile(rf"[\u4e00-\u9fff]{{1,16}}?(?:{_SCHOOL_TYPES})(?=教育工会|工会|教代会|党|[^\u4e00-\u9fff]|$)")
_SCHOOL_BEFORE_UNION = re.compile(rf"[\u4e00-\u9fff]{{1,16}}?(?:{_SCHOOL_TYPES})(?=教育工会|工会)")
_TYPE_AT_END = re.compile(rf"(?:{_SCHOOL_TYPES})$")
_PREFIX_CUT = re.compile(r"^.*[年度期月的在是于和与及对为届]")
_GENERIC_PREFIXES = {"我", "本", "全", "各", "我们", "全体", "我县", "我市", "我区", "我镇", "全县", "全市", "全区",
                     "全镇", "全校", "该", "某", "城区", "农村", "乡镇", "镇", "市", "县", "区", "乡", "村"}


def _searchable(text: str) -> str:
    """Full-width digits to ASCII, 二〇二五年 to 2025年."""
    text = unicodedata.normalize("NFKC", text)
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)


def _title_like(line: str) -> bool:
    return (0 < len(line) <= _TITLE_MAX and not heading_level(line) and line.count("。") == 0
            and not line.endswith(("，", ",", "；", ";")))


def detect_title(text: str) -> str:
    """The title: first line if heading-like, with a genre/period second line appended; "" if none."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:2]
    if not lines or not _title_like(lines[0]):
        return ""
    title = lines[0]
    if len(lines) > 1 and _title_like(lines[1]) and len(lines[1]) <= 30:
        second = lines[1]
        if (not _GENRE.search(title) and _GENRE.search(second)) or _PAREN_LINE.match(second):
            title += second
    return clean_title_line(title)


def _school_in(text: str, pattern: re.Pattern[str] = _SCHOOL) -> str:
    for found in pattern.finditer(_searchable(text)):
        name = _PREFIX_CUT.sub("", found.group(0))
        type_match = _TYPE_AT_END.search(name)
        prefix = name[:type_match.start()] if type_match else name
        if len(prefix) >= 2 and prefix not in _GENERIC_PREFIXES:
            return name
    return ""


def _signature_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return [line for line in lines[-4:] if len(line) <= 30]


def _opening_line(text: str, title: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:4]:
        if len(line) >= 40 or "。" in line:
            return line
    return lines[1] if title and len(lines) > 1 else (lines[0] if lines else "")


def detect_school(text: str, title: str | None = None) -> str:
    """The school or unit name from the title, the signature lines, or an opening 'XX小学工会…'."""
    title = detect_title(text) if title is None else title
    for source in (title, *reversed(_signature_lines(text))):
        name = _school_in(source)
        if name:
            return name
    return _school_in(_opening_line(text, title), _SCHOOL_BEFORE_UNION)


def _term_period(found: re.Match[str]) -> tuple[int, str]:
    start, end, unit, term = int(found[1]), int(found[2]), found[3] or "", found[4] or ""
    if end != start + 1:
        return start, f"{start}-{end}年"
    return start, f"{start}-{end}{'学年度' if '度' in unit else '学年'}{term}"


def _period_in(text: str, strong_only: bool = False) -> tuple[int | None, str]:
    text = _searchable(text)
    found = _SPAN.search(text)
    if found:
        return _term_period(found)
    for pattern in (_SCHOOL_YEAR, _YEAR_PART):
        found = pattern.search(text)
        if found:
            return int(found[1]), re.sub(r"\s+", "", found[0])
    if strong_only:
        return None, ""
    found = _YEAR_MONTH.search(text)
    if found:
        return int(found[1]), f"{found[1]}年{int(found[2])}月"
    found = _YEAR_ONLY.search(text)
    if found:
        return int(found[1]), re.sub(r"\s+", "", found[0])
    found = _TERM_ONLY.search(text)
    return None, found[0] if found else ""


def detect_period(text: str, title: str | None = None) -> tuple[int | None, str]:
    """(year, period): year is the start year of a 学年, or the calendar year; period as written."""
    title = detect_title(text) if title is None else title
    head = "\n".join(line for line in text.split("\n")[:3] if _title_like(line.strip()) and len(line.strip()) <= 30)
    year, period = _period_in(title) if title else (None, "")
    if year is None:
        head_year, head_period = _period_in(head)
        year, period = (head_year, head_period) if head_year is not None else (None, period or head_period)
    if year is None:
        open_year, open_period = _period_in(_opening_line(text, title), strong_only=True)
        if open_year is not None:
            return open_year, open_period
        for line in reversed(_signature_lines(text)):
            date = _DATE.search(_searchable(line))
            if date:
                return int(date[1]), period
    return year, period


def detect_kind(text: str, title: str | None = None) -> str:
    """'plan' when the title names a plan (计划/打算/要点 …) or the headings have a plan's shape."""
    title = detect_title(text) if title is None else title
    plan, summary = _PLAN_WORDS.search(title), _SUMMARY_WORDS.search(title)
    if plan and (not summary or plan.start() < summary.start()):
        return "plan"
    if summary:
        return "summary"
    top = [heading_label(line) for line in text.split("\n") if heading_level(line) == 1]
    return "plan" if sum(bool(_PLAN_HEADINGS.search(h)) for h in top) >= 2 else "summary"


def detect_metadata(text: str) -> DocumentMetadata:
    title = detect_title(text)
    year, period = detect_period(text, title)
    return DocumentMetadata(title=title, school=detect_school(text, title), year=year, period=period,
                            kind=detect_kind(text, title))
