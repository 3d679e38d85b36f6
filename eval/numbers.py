"""Every quantity in a Chinese text: where it is, its normalised value, unit, kind and qualifier.

    extract_quantities("慰问困难教职工12人次，发放慰问金1.2万元，参与率95%以上")
    → 12 人次 (count), 12000 元 (money), 95 % (percent, qualifier 以上)

Kinds: count, percent, money, date, range, ordinal, rank, number (a bare Arabic number). Numerals in fixed names,
idioms, enumerators and heading numbers are skipped (eval.fixed_names). Offsets index the text exactly as given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from eval.fixed_names import masked_spans
from eval.numerals import arabic_value, chinese_value, to_ascii_digits

__all__ = ["Quantity", "extract_quantities", "qualifier_class", "same_value", "UNIT_CLASSES"]


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str                 # exactly as written, qualifiers included
    value: float              # normalised: money in 元, percent as 85.0, dates as yyyymmdd (unknown parts 0)
    high: float | None        # the upper end of a range (9-12月 → 12), else None
    unit: str                 # the unit or classifier as written (人次, 元, %, 月, 届 …)
    kind: str                 # count | percent | money | date | range | ordinal | rank | number
    qualifier: str = ""       # 余 / 多 / 近 / 约 / 左右 / 以上 / 以下 / 超过 / 不少于 / 不低于 / 不到 / 达 … ("" if none)
    chinese: bool = False     # written in Chinese numerals
    decimals: int = 0         # digits after the point, as written (for rounding tolerance)

    @cached_property
    def unit_class(self) -> str:
        """Units that name the same thing (人/名/位, 次/场) share a class; values compare only within a class."""
        if self.kind in ("percent", "money", "date", "number"):
            return self.kind
        base = UNIT_CLASSES.get(self.unit, self.unit)
        return f"{self.kind}:{base}"

    @property
    def date_parts(self) -> tuple[int, int, int]:
        v = int(self.value)
        return v // 10000, v // 100 % 100, v % 100


# Classifiers that count the same thing.
UNIT_CLASSES = {"名": "人", "位": "人", "人": "人", "场": "次", "回": "次", "轮": "次", "次": "次",
                "个": "项", "条": "项", "件": "项", "项": "项", "类": "项", "家": "所", "所": "所", "课时": "节",
                "学时": "节", "节": "节", "堂": "节", "日": "天", "天": "天", "支": "队", "队": "队", "月份": "月",
                "号": "日", "年度": "年", "周年": "年", "周岁": "岁", "张": "票", "场次": "次", "学分": "分", "批次": "批", "大类": "项", "学年度": "学年", "个百分点": "百分点"}

_QUALIFIER_CLASS = {
    "余": "more", "多": "more", "几": "more", "超过": "more", "逾": "more", "有余": "more", "过": "more",
    "以上": "at-least", "不少于": "at-least", "不低于": "at-least", "至少": "at-least", "及以上": "at-least",
    "近": "less", "将近": "less", "接近": "less", "不到": "less", "不足": "less", "以下": "less", "不超过": "less",
    "最多": "less", "未超过": "less", "没有超过": "less", "以内": "less", "内": "less", "不高于": "less", "及以下": "less",
    "约": "about", "大约": "about", "左右": "about", "上下": "about", "来": "about", "大概": "about", "两三": "about",
}
_NEUTRAL_PREFIXES = ("达到", "高达", "达")        # kept as written; they say nothing about the value
_VERB_DA = set("传表到下送抵通转直发")


def qualifier_class(qualifier: str) -> str:
    """more / at-least / less / about, or "" — 余, 多 and 超过 say the same thing, 以上, 不少于 and 至少 another
    (the value itself included); 达 and 共 say nothing about the value."""
    classes = {_QUALIFIER_CLASS[q] for q in qualifier.split("+") if q in _QUALIFIER_CLASS}
    return "+".join(sorted(classes))


def same_value(a: Quantity, b: Quantity) -> bool:
    if a.kind == "range" or b.kind == "range":
        return a.kind == b.kind and _close(a.value, b.value) and _close(a.high or 0, b.high or 0)
    return _close(a.value, b.value)


def _close(x: float, y: float) -> bool:
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


_AR = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_CN = (r"(?:(?:[零〇○一二两三四五六七八九十]|几(?=[十百千万]))[零〇○一二两三四五六七八九十百千万亿几]*"
       r"(?:点[零〇一二三四五六七八九]+)?"                                               # 九十七点三
       r"|(?<=[近约逾])[百千万](?=[余多]?[人名位元次户篇条件项])|[百千](?=[余多][人名位元次户篇条件项]))")   # 近百人, 百余人
_NUM = rf"(?:{_AR}|{_CN})"
_UNITS = ("个百分点", "个工作日", "工作日", "个月", "周岁", "人次", "户次", "学分", "批次", "大类", "课时", "学时", "小时", "分钟", "周年", "学年度", "学年", "学期", "年度", "月份",
          "场次", "篇次", "%", "元", "人", "名", "位", "次", "期", "场", "项", "条", "个", "篇", "节", "所", "届", "天",
          "年", "月", "日", "号", "对", "件", "家", "支", "队", "批", "组", "份", "本", "册", "套", "台", "张", "幅",
          "首", "部", "门", "类", "户", "间", "座", "处", "轮", "岁", "课", "堂", "桌", "箱", "辆", "趟", "种", "笔",
          "周", "年级", "票", "道", "题", "枚", "盆", "瓶", "章", "款", "分", "回", "株", "棵", "块", "盒", "袋", "斤", "公斤", "米", "公里", "平方米", "亩", "步", "起", "封", "胜", "负", "片")
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_PREFIXES = ("不少于", "不低于", "不超过", "未超过", "没有超过", "不高于", "超过", "将近", "接近", "不到", "不足", "至少", "最多", "大约",
             "大概", "近", "约", "逾") + _NEUTRAL_PREFIXES

_PATTERN = re.compile(rf"""
    (?P<pct>百分之(?P<pnum>{_NUM}|百))
  | (?P<tenths>(?P<tnum>[一二三四五六七八九])成(?![为立功长员绩果就效本交熟型才])(?=[以左多的会教职老女党家学师人，,。；;、\s]|$))
  | (?P<frac>(?P<den>{_NUM})分之(?P<fnum>{_NUM}))
  | (?P<session>(?P<s1>[一二三四五六七八九十]+|[0-9]+)届(?P<s2>[一二三四五六七八九十]+|[0-9]+)次)
  | (?P<ord>第(?P<onum>{_NUM})(?P<ounit>届|次|期|批|轮|季|学期|名|阶段|个|位|场|周|学年|年)?)
  | (?P<rank>(?P<rnum>[一二三四五六七八九十特]|[0-9])等奖?)
  | (?P<years>(?P<y1>(?:19|20)[0-9]{{2}})\s*[-－—–~～至到]+\s*(?P<y2>(?:19|20)[0-9]{{2}})(?P<yu>学年度|学年|年度|年)?)
  | (?P<range>(?P<r1>{_NUM})(?P<ru1>{_UNIT})?\s*[-－—–~～至到]+\s*(?P<r2>{_NUM})(?P<rmult>[万千亿](?=[元人]))?(?P<ru2>{_UNIT}))
  | (?P<q>(?P<num>{_NUM})(?P<q0>余|多)?(?P<mult>[万千亿](?![众家方分一]))?(?P<q1>余|多|几|来)?(?P<unit>{_UNIT})?(?P<q2>左右|及以上|及以下|以上|以下|上下|有余|以内|(?<=[年天日月周])内(?![部容涵外设务]))?)
""", re.VERBOSE)

_MULT = {"万": 1e4, "千": 1e3, "亿": 1e8, "": 1.0, None: 1.0}


def _number(span: str) -> tuple[float, float | None, bool, bool, int] | None:
    """(value, high, vague, chinese, decimals)"""
    if span[0].isdigit():
        decimals = len(span.split(".")[1]) if "." in span else 0
        return arabic_value(span), None, False, False, decimals
    parsed = chinese_value(span)
    if parsed is None:
        return None
    return parsed[0], parsed[1], parsed[2], True, len(span.partition("点")[2])


def _prefix(text: str, start: int) -> str:
    before = text[max(0, start - 4):start]
    for p in _PREFIXES:
        if before.endswith(p):
            if p == "达" and before[-2:-1] in _VERB_DA:
                return ""                                 # 传达3次, 下达2项: the verb, not 达 (reaching)
            return p
    return ""


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in text, in order. Pure; linear in the length of the text."""
    if not text:
        return []
    plain = _blank_out(to_ascii_digits(text), masked_spans(to_ascii_digits(text)))
    found: list[Quantity] = []
    pos = 0
    while (m := _PATTERN.search(plain, pos)) is not None:
        q = _read(m, plain, text)
        if q is None and m.group("range"):              # 7月14日至7月25日: not a range of 日 to 月, two dates
            sep = re.compile(r"\s*[-－—–~～至到]+\s*").match(plain, m.end("ru1") if m.group("ru1") else m.end("r1"))
            if sep is not None and sep.end() > sep.start():
                plain = plain[:sep.start()] + "□" * (sep.end() - sep.start()) + plain[sep.end():]
                pos = m.start()
                continue
        if q is not None:
            found.append(q)
        pos = m.end()
    return _merge_dates(found, text)


def _blank_out(plain: str, masks: list[tuple[int, int]]) -> str:
    """Masked characters become □ (one for one), so no figure is read in them or across them."""
    if not masks:
        return plain
    chars = list(plain)
    for a, b in masks:
        chars[a:b] = "□" * (b - a)
    return "".join(chars)


def _read(m: re.Match, plain: str, text: str) -> Quantity | None:
    if m.group("pct"):
        n = (100.0, None, False, True, 0) if m.group("pnum") == "百" else _number(m.group("pnum"))
        if n is None:
            return None
        return _make(m, text, n[0], None, "%", "percent", _suffix_qualifier(plain, m.end()), n)
    if m.group("tenths"):                             # 九成以上 → 90%以上
        n = _number(m.group("tnum"))
        return _make(m, text, n[0] * 10, None, "%", "percent", _suffix_qualifier(plain, m.end()), n)
    if m.group("frac"):
        den, num = _number(m.group("den")), _number(m.group("fnum"))
        if den is None or num is None or den[0] == 0:
            return None
        return _make(m, text, round(100 * num[0] / den[0], 1), None, "%", "percent", _suffix_qualifier(plain, m.end()),
                     (0, None, False, True, 1))
    if m.group("session"):
        a, b = (_number(m.group(g)) for g in ("s1", "s2"))
        if a is None or b is None:
            return None
        return _make(m, text, a[0] * 100 + b[0], None, "届次", "ordinal", "", a)
    if m.group("ord"):
        n = _number(m.group("onum"))
        placed = re.search(r"(?:排名|名列|位列|位居|排在)[\u4e00-\u9fff]{0,3}$", plain[max(0, m.start() - 7):m.start()])
        if n is None or not (m.group("ounit") or placed):
            return None
        return _make(m, text, n[0], None, m.group("ounit") or "名", "ordinal", "", n)   # 区内排名第二 = 第二名
    if m.group("rank"):
        if not m.group("rank").endswith("奖") and not plain[m.end():m.end() + 1] in ("奖", "级", "次"):
            return None          # 一等 alone is rare; 一等奖 is the rank
        r = m.group("rnum")
        value = 0.0 if r == "特" else float(r) if r.isdigit() else float(chinese_value(r)[0])
        return _make(m, text, value, None, "等奖", "rank", "", (value, None, False, not r.isdigit(), 0))
    if m.group("years"):
        low, high = float(m.group("y1")), float(m.group("y2"))
        if high < low:
            return None
        return _make(m, text, low, high, "年", "range", "", (low, None, False, False, 0))
    if m.group("range"):
        return _read_range(m, plain, text)
    return _read_plain(m, plain, text)


def _read_range(m: re.Match, plain: str, text: str) -> Quantity | None:
    a, b = _number(m.group("r1")), _number(m.group("r2"))
    if a is None or b is None:
        return None
    unit = m.group("ru2")
    if m.group("ru1") and UNIT_CLASSES.get(m.group("ru1"), m.group("ru1")) != UNIT_CLASSES.get(unit, unit):
        return None
    mult = _MULT[m.group("rmult")]
    low, high = a[0] * mult, b[0] * mult
    if high <= low and not (unit in ("月",) and high < low):
        return None
    return _make(m, text, low, high, unit, "range", _suffix_qualifier(plain, m.end()), a)


def _read_plain(m: re.Match, plain: str, text: str) -> Quantity | None:
    n = _number(m.group("num"))
    if n is None:
        return None
    value, high, vague, chinese, decimals = n
    unit = m.group("unit") or ""
    mult_char = m.group("mult") or ""
    q1, q2 = m.group("q1") or m.group("q0") or "", m.group("q2") or ""     # 1200多万元: 多 before 万
    if chinese and not unit:
        return None                                   # a bare Chinese numeral is a word, not a figure
    if mult_char and not unit and not chinese:
        unit = ""                                     # 1.2万: a bare number in tens of thousands
    value *= _MULT[mult_char]
    high = high * _MULT[mult_char] if high is not None else None
    qualifier = "+".join(x for x in (_prefix(plain, m.start()), q1 or ("几" if vague and "几" in m.group("num") else ""), q2) if x)
    if vague and not qualifier:
        qualifier = "两三"
    kind = "count"
    if unit == "%":
        kind = "percent"
    elif unit == "个百分点":
        kind = "count"
    elif unit == "元":
        kind = "money"
    elif unit in ("年", "年度", "学年", "学年度", "届") and _is_year(m.group("num"), value):
        kind, value = "date", value * 10000
    elif unit in ("月", "月份") and 1 <= value <= 12 and value == int(value) and not q1:
        kind, value = "date", value * 100
    elif unit in ("日", "号") and chinese and not plain[max(0, m.start() - 1):m.start()] == "月":
        return None                                   # 一日生活, 三日内: a day count in words, not a date
    elif unit in ("日", "号") and 1 <= value <= 31 and value == int(value) and not q1:
        kind = "date"
    elif unit in ("月", "日", "号"):
        return None                                   # 13月, 32日: not a date, not a count
    elif not unit:
        kind = "number"
        if _looks_like_code(plain, m):
            return None
    start = m.start() - _qualifying_prefix_length(plain, m.start())
    end = m.end() - (q2 == "内")                      # 10天内: the figure is 10天, 内 its qualifier
    if unit == "人次" and not q2 and plain[m.end():m.end() + 1] in ("月", "日", "年", "周"):
        unit, end = "人", end - 1                     # 其余6人次月完成: 6人, 次月
    return Quantity(start, end, text[start:end], value, high, unit, kind, qualifier, chinese, decimals)


def _qualifying_prefix_length(plain: str, start: int) -> int:
    """约/近/不低于 … belong to the figure's text; 达, 共 and 累计 (which say nothing of the value) do not."""
    p = _prefix(plain, start)
    return len(p) if p in _QUALIFIER_CLASS else 0


def _is_year(span: str, value: float) -> bool:
    return 1900 <= value <= 2100 and (len(span) == 4)


def _looks_like_code(plain: str, m: re.Match) -> bool:
    """Phone numbers, times (14:30), version-like 1.2.3: not figures of the notes."""
    before, after = plain[max(0, m.start() - 1):m.start()], plain[m.end():m.end() + 1]
    return before in (":", "：", ".", "-") or after in (":", "：", "-") or after.isascii() and after.isalpha()


def _suffix_qualifier(plain: str, end: int) -> str:
    for s in ("左右", "及以上", "及以下", "以上", "以下", "上下", "以内"):
        if plain.startswith(s, end):
            return s
    return ""


def _make(m: re.Match, text: str, value: float, high: float | None, unit: str, kind: str, qualifier: str,
          n: tuple) -> Quantity:
    end = m.end() + len(qualifier) if qualifier and text.startswith(qualifier, m.end()) else m.end()
    plain = to_ascii_digits(text)
    prefix = _prefix(plain, m.start()) if kind in ("percent", "range") else ""
    start = m.start() - _qualifying_prefix_length(plain, m.start())
    qualifier = "+".join(x for x in (prefix, qualifier) if x)
    return Quantity(start, end, text[start:end], value, high, unit, kind, qualifier, n[3], n[4])


def _merge_dates(found: list[Quantity], text: str) -> list[Quantity]:
    """2025年12月26日 → one date; a year, a month and a day written together are one figure."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and q.kind == "date" and prev.kind == "date" and prev.end == q.start
                and _rank(q) > _rank(prev) and q.value < 10000 and (prev.value % 10000 == 0 or prev.value % 100 == 0)):
            out[-1] = Quantity(prev.start, q.end, text[prev.start:q.end], prev.value + q.value, None, prev.unit + q.unit,
                               "date", prev.qualifier, prev.chinese or q.chinese)
            continue
        if (prev is not None and prev.kind == "date" and prev.end == q.start and prev.date_parts[1:] != (0, 0)
                and prev.date_parts[2] == 0 and q.kind == "range" and q.unit in ("日", "号") and q.high
                and 1 <= q.value < q.high <= 31):
            out[-1:] = _day_span(prev, q, text)             # 7月12日至16日: two dates, 7月12日 and (7月)16日
            continue
        out.append(q)
    return out


def _day_span(month: Quantity, days: Quantity, text: str) -> list[Quantity]:
    sep = re.search(r"\s*[-－—–~～至到]+\s*", text[days.start:days.end])
    low_end, high_start = days.start + sep.start(), days.start + sep.end()
    first = Quantity(month.start, low_end, text[month.start:low_end], month.value + days.value, None,
                     month.unit + days.unit, "date", month.qualifier, month.chinese or days.chinese)
    last = Quantity(high_start, days.end, text[high_start:days.end], month.value + days.high, None, days.unit, "date",
                    days.qualifier, days.chinese)
    return [first, last]


def _rank(q: Quantity) -> int:
    y, mo, d = q.date_parts
    return 2 if d else 1 if mo else 0
