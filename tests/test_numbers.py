"""eval.numbers: every quantity in Chinese text, with its value, class, kind and qualifier; fixed names skipped."""
import pytest
from hypothesis import given, strategies as st

from eval.numbers import extract_quantities, qualifier_class
from eval.numerals import chinese_value


def read(text):
    return [(q.text, q.value, q.high, q.unit_class, q.qualifier) for q in extract_quantities(text)]


ROWS = [
    # Arabic, decimals, thousands separators, full-width digits
    ("慰问困难教职工12人次", [("12人次", 12, None, "count:人次", "")]),
    ("发放慰问金1.2万元", [("1.2万元", 12000, None, "money", "")]),
    ("支出1,200元", [("1,200元", 1200, None, "money", "")]),
    ("共１２人参加", [("１２人", 12, None, "count:人", "")]),
    ("合格率９８．５％", [("９８．５％", 98.5, None, "percent", "")]),
    ("预算3千元", [("3千元", 3000, None, "money", "")]),
    ("经费5万元", [("5万元", 50000, None, "money", "")]),
    # Chinese numerals
    ("新结对师徒十二对", [("十二对", 12, None, "count:对", "")]),
    ("两千元", [("两千元", 2000, None, "money", "")]),
    ("一万二千元", [("一万二千元", 12000, None, "money", "")]),
    ("百分之八十五", [("百分之八十五", 85, None, "percent", "")]),
    ("百分之百", [("百分之百", 100, None, "percent", "")]),
    ("二〇二五年", [("二〇二五年", 20250000, None, "date", "")]),
    # qualifiers kept with the value
    ("参与率95%以上", [("95%以上", 95, None, "percent", "以上")]),
    ("慰问金5万余元", [("5万余元", 50000, None, "money", "余")]),
    ("近十人报名", [("近十人", 10, None, "count:人", "近")]),
    ("收集建议二十多条", [("二十多条", 20, None, "count:项", "多")]),
    ("十几人", [("十几人", 10, 19, "count:人", "几")]),
    ("约2.1万元", [("约2.1万元", 21000, None, "money", "约")]),
    ("30名左右", [("30名左右", 30, None, "count:人", "左右")]),
    ("参与率不低于85%", [("不低于85%", 85, None, "percent", "不低于")]),
    ("不少于6次", [("不少于6次", 6, None, "count:次", "不少于")]),
    ("超过200人次", [("超过200人次", 200, None, "count:人次", "超过")]),
    ("不到三成", [("不到三成", 30, None, "percent", "不到")]),
    ("参加40余人次", [("40余人次", 40, None, "count:人次", "余")]),
    ("两三个", [("两三个", 2, 3, "count:项", "两三")]),
    # dates, ranges, ordinals, ranks
    ("12月26日召开", [("12月26日", 1226, None, "date", "")]),
    ("2025年12月26日", [("2025年12月26日", 20251226, None, "date", "")]),
    ("十二月二十六日", [("十二月二十六日", 1226, None, "date", "")]),
    ("9-12月", [("9-12月", 9, 12, "range:月", "")]),
    ("9至12月", [("9至12月", 9, 12, "range:月", "")]),
    ("9月至12月", [("9月至12月", 9, 12, "range:月", "")]),
    ("2025-2026学年", [("2025-2026学年", 2025, 2026, "range:年", "")]),
    ("2025—2026", [("2025—2026", 2025, 2026, "range:年", "")]),
    ("第一学期", [("第一学期", 1, None, "ordinal:学期", "")]),
    ("第三届", [("第三届", 3, None, "ordinal:届", "")]),
    ("五届二次教代会", [("五届二次", 502, None, "ordinal:届次", "")]),
    ("获一等奖2人", [("一等奖", 1, None, "rank:等奖", ""), ("2人", 2, None, "count:人", "")]),
    ("提高3个百分点", [("3个百分点", 3, None, "count:百分点", "")]),
    ("连续3个月", [("3个月", 3, None, "count:个月", "")]),
    # numerals inside fixed names are not quantities
    ("“三八”妇女节", []),
    ("三八妇女节", []),
    ("五一劳动节、五四青年节、六一儿童节", []),
    ("编制“十五五”发展规划", []),
    ("十四五规划", []),
    ("学习党的二十大精神", []),
    ("学习党的二十届三中全会精神", []),
    ("增强四个意识、坚定四个自信、做到两个维护", []),
    ("深刻领悟两个确立", []),
    ("践行三个代表", []),
    ("三字一话基本功", []),
    ("落实一岗双责", []),
    ("一是加强学习，二是改进作风", []),
    ("意见一致，统一思想，一直坚持", []),
    ("一、思想引领", []),
    ("（二）民主管理", []),
    ("3.困难帮扶", []),
    ("\n2、文体活动", []),
    ("一至六年级学生", []),
    ("十分重视，千方百计，进一步", []),
    ("第一时间", []),
    ("两人三足比赛", []),
    # added in session 3
    ("7月14日至7月25日", [("7月14日", 714, None, "date", ""), ("7月25日", 725, None, "date", "")]),
    ("满意率百分之九十七点三", [("百分之九十七点三", 97.3, None, "percent", "")]),
    ("三点五万元", [("三点五万元", 35000, None, "money", "")]),
    ("下午三点开始", []),
    ("三个代表团", [("三个", 3, None, "count:项", "")]),
    ("成立40周年", [("40周年", 40, None, "count:年", "")]),
    ("日均约8000步", [("约8000步", 8000, None, "count:步", "约")]),
]


@pytest.mark.parametrize("text,expected", ROWS, ids=[r[0][:12] for r in ROWS])
def test_extraction(text, expected):
    assert read(text) == [(t, float(v), None if h is None else float(h), c, q) for t, v, h, c, q in expected]


def test_offsets_index_the_text_as_given():
    text = "本学期（2025年）共慰问１２人次，发放慰问金1.2万元。"
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text


def test_cn2an_is_not_run_on_whole_sentences():
    # cn2an's sentence transform turns 两三个 into 23; here it stays a vague 2..3
    (q,) = extract_quantities("请两三个同事帮忙")
    assert (q.value, q.high) == (2, 3)


@pytest.mark.parametrize("a,b,same", [("余", "多", True), ("以上", "不低于", True), ("约", "左右", True),
                                      ("以上", "", False), ("近", "约", False), ("达", "", True), ("以下", "以上", False)])
def test_qualifier_classes(a, b, same):
    assert (qualifier_class(a) == qualifier_class(b)) is same


_CN = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """A plain writer of Chinese numerals for 0 < n < 100000 (the test's own, not the code under test)."""
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    for size, name in units:
        digit, n = divmod(n, size)
        if digit:
            if zero:
                out += "零"
            out += ("" if (size == 10 and digit == 1 and not out) else _CN[digit]) + name
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + _CN[n]
    return out


@given(st.integers(min_value=1, max_value=99999))
def test_chinese_numerals_round_trip(n):
    assert chinese_value(_to_chinese(n))[0] == n


@given(st.integers(min_value=2, max_value=99999), st.sampled_from(["人", "名", "次", "场", "项", "元", "人次"]))
def test_arabic_and_chinese_forms_read_the_same(n, unit):
    (a,) = extract_quantities(f"共{n}{unit}")
    (c,) = extract_quantities(f"共{_to_chinese(n)}{unit}")
    assert (a.value, a.unit_class) == (c.value, c.unit_class)
