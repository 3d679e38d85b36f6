"""Numeral spans → numbers: Arabic (1,200 / 1.2 / full-width) and Chinese (十二, 两千, 二〇二五, 十几, 两三).

Only ever called on spans eval.numbers has already cut out: cn2an converts the span, never a whole sentence
(its sentence transform turns 两三个 into 23).
"""
from __future__ import annotations

import cn2an

__all__ = ["to_ascii_digits", "arabic_value", "chinese_value", "CN_DIGITS"]

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def to_ascii_digits(text: str) -> str:
    """Full-width digits, point and percent to ASCII, one character for one (offsets stay valid)."""
    return text.translate(_FULL_WIDTH)


def arabic_value(span: str) -> float:
    return float(span.replace(",", ""))


def chinese_value(span: str) -> tuple[float, float | None, bool] | None:
    """(value, high, vague) for a Chinese numeral span, or None if it is not one.

    high is set for a span that names a range (十几 → 10..19, 两三 → 2..3); vague marks 几/两三-style spans.
    """
    if not span:
        return None
    if span in ("百", "千", "万"):
        return {"百": 100.0, "千": 1000.0, "万": 10000.0}[span], None, False
    if "几" in span:
        return _with_ji(span)
    if len(span) == 2 and span[0] in CN_DIGITS and span[1] in CN_DIGITS and CN_DIGITS[span[1]] == CN_DIGITS[span[0]] + 1:
        return float(CN_DIGITS[span[0]]), float(CN_DIGITS[span[1]]), True          # 两三, 三四, 七八
    if len(span) >= 2 and all(ch in CN_DIGITS for ch in span):                           # 二〇二五 (digit by digit)
        return float("".join(str(CN_DIGITS[ch]) for ch in span)), None, False
    try:
        value = cn2an.cn2an(span.replace("〇", "零").replace("○", "零"), "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return float(value), None, False


def _with_ji(span: str) -> tuple[float, float, bool] | None:
    """十几 → 10 (up to 19), 二十几 → 20 (up to 29), 几十 → 20 (up to 90): the base is the value, as with 十余."""
    if span.endswith("几"):
        base = chinese_value(span[:-1])
        if base is None:
            return None
        step = 1.0 if span[:-1].endswith("十") else 10.0 if span[:-1].endswith("百") else 1.0
        return base[0], base[0] + 9 * step, True
    if span.startswith("几") and len(span) == 2:
        unit = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 10000.0}.get(span[1])
        if unit:
            return 2 * unit, 9 * unit, True
    return None
