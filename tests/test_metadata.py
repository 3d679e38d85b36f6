"""Title, school, year/period and kind detection, and the user's overrides winning over it."""
from __future__ import annotations

import pytest

from common.errors import InputError
from retrieval.importing import read_documents
from retrieval.metadata import detect_kind, detect_metadata, detect_period, detect_school, detect_title
from tests.fixtures_files import COMPILATION, PLAN, SEEDS, SUMMARY, write_text

# (seed, part, title, school, year, period, kind) — read off the seed files by a person
SEED_METADATA = [
    ("000", 1, "张店五中2025-2026学年第一学期工会工作总结", "张店五中", 2025, "2025-2026学年第一学期", "summary"),
    ("001", 1, "江苏省仪征中学工会2023-2024学年度第二学期工作总结", "江苏省仪征中学", 2023, "2023-2024学年度第二学期",
     "summary"),
    ("002", 1, "张店四中工会工作计划（2025-2026年第二学期）", "张店四中", 2025, "2025-2026学年第二学期", "plan"),
    ("003", 1, "2025年小学工会工作总结", "", 2025, "2025年", "summary"),
    ("003", 2, "小学工会2025年上半年工作总结", "", 2025, "2025年上半年", "summary"),
    ("003", 3, "2025学年终小学教育工会工作总结", "", 2025, "2025学年", "summary"),
    ("003", 4, "小学上半年工会工作总结", "", None, "上半年", "summary"),
    ("003", 5, "小学2025年工会工作总结", "", 2025, "2025年", "summary"),
    ("003", 6, "xx小学工会工作总结", "", None, "", "summary"),
    ("003", 7, "2025年11月小学工会工作总结", "中新镇小学", 2025, "2025年11月", "summary"),
    ("003", 8, "镇小学工会2025年度工作总结", "厉庄镇中心小学", 2025, "2025年度", "summary"),
]


@pytest.mark.parametrize("seed, part, title, school, year, period, kind", SEED_METADATA,
                         ids=[f"{s}-{p}" for s, p, *_ in SEED_METADATA])
def test_seed_metadata(seed, part, title, school, year, period, kind):
    found = sorted(SEEDS.glob(f"{seed}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {seed} not available at {SEEDS}")
    doc = read_documents(found[0])[part - 1]
    assert (doc.title, doc.school, doc.year, doc.period, doc.kind) == (title, school, year, period, kind)


def test_sample_documents():
    summary, plan = detect_metadata(SUMMARY), detect_metadata(PLAN)
    assert summary.title == "青松县实验小学2023-2024学年第一学期工会工作总结"
    assert (summary.school, summary.year, summary.period, summary.kind) == (
        "青松县实验小学", 2023, "2023-2024学年第一学期", "summary")
    assert (plan.school, plan.year, plan.period, plan.kind) == ("临江市第二中学", 2024, "2024年", "plan")


def test_compilation_documents_each_get_their_own_metadata(tmp_path):
    docs = read_documents(write_text(tmp_path / "page.txt", COMPILATION))
    assert [(d.school, d.year, d.period, d.kind) for d in docs] == [
        ("", 2024, "2024年", "summary"),
        ("柳溪镇中心小学", 2023, "2023年上半年", "summary"),
        ("红星中学", None, "", "plan"),
    ]


@pytest.mark.parametrize("text, year, period", [
    ("东湖中学工会2024—2025学年第一学期工作总结\n正文。", 2024, "2024-2025学年第一学期"),
    ("东湖中学工会2024-2025学年度工作总结\n正文。", 2024, "2024-2025学年度"),
    ("东湖中学工会二〇二四年度工作总结\n正文。", 2024, "2024年度"),
    ("东湖中学工会２０２５年上半年工作总结\n正文。", 2025, "2025年上半年"),
    ("东湖中学工会2023年秋季学期工作总结\n正文。", 2023, "2023年秋季学期"),
    ("东湖中学工会2021-2025年发展规划\n正文。", 2021, "2021-2025年"),
    ("东湖中学工会工作总结\n（2025-2026年第一学期）\n正文。", 2025, "2025-2026学年第一学期"),
    ("东湖中学工会工作总结\n2024年上半年，校工会围绕中心工作开展了以下活动，现总结如下。", 2024, "2024年上半年"),
    ("东湖中学工会工作总结\n本学期工会做了很多事情，现总结如下。\n东湖中学工会\n2024年1月10日", 2024, ""),
    ("东湖中学下学期工会工作计划\n正文。", None, "下学期"),
    ("东湖中学工会工作总结\n正文里提到2019年的事情。", None, ""),
])
def test_detect_period(text, year, period):
    assert detect_period(text) == (year, period)


@pytest.mark.parametrize("text, school", [
    ("临江市第二中学工会2024年工作计划\n正文。", "临江市第二中学"),
    ("青松县实验小学2023年工会工作总结\n正文。", "青松县实验小学"),
    ("红星职业技术学校工会2024年度工作总结\n正文。", "红星职业技术学校"),
    ("北湖区阳光幼儿园工会工作总结\n正文。", "北湖区阳光幼儿园"),
    ("工会工作总结\n正文。\n东湖镇中心小学工会\n2024年6月", "东湖镇中心小学"),
    ("工会工作总结\n本学期，东湖镇中心小学工会在镇党委的领导下开展工作。", "东湖镇中心小学"),
    ("2025年小学工会工作总结\n正文。", ""),
    ("xx小学工会工作总结\n正文。", ""),
    ("镇小学工会工作总结\n正文。", ""),
    ("工会工作总结\n本学期，我校工会在上级的领导下开展工作。", ""),
])
def test_detect_school(text, school):
    assert detect_school(text) == school


@pytest.mark.parametrize("text, kind", [
    ("东湖中学工会2024年工作计划\n正文。", "plan"),
    ("东湖中学工会2024年工作要点\n正文。", "plan"),
    ("东湖中学工会下学期工作打算\n正文。", "plan"),
    ("东湖中学工会2024年工作总结暨2025年工作计划\n正文。", "summary"),
    ("东湖中学工会2024年工作总结\n一、工作成绩\n二、下一步打算\n", "summary"),
    ("东湖中学工会\n一、指导思想\n坚持服务。\n二、工作目标\n参与率90%。\n三、保障措施\n加强领导。", "plan"),
    ("东湖中学工会\n一、主要工作\n开展活动。\n二、存在问题\n形式单一。", "summary"),
])
def test_detect_kind(text, kind):
    assert detect_kind(text) == kind


@pytest.mark.parametrize("text, title", [
    ("东湖中学2024-2025学年第一学期\n工会工作总结\n正文。", "东湖中学2024-2025学年第一学期工会工作总结"),
    ("本学期，工会组织教职工开展了健步走活动，参与率达到九成。\n一、主要工作", ""),
    ("一、主要工作\n开展活动。", ""),
])
def test_detect_title(text, title):
    assert detect_title(text) == title


# ---- overrides ----------------------------------------------------------------------------------------
def test_overrides_and_kind_win_over_detection(tmp_path):
    path = write_text(tmp_path / "s.txt", SUMMARY)
    doc, = read_documents(path, kind="plan", overrides={"school": "另一所学校", "year": "2019", "period": None,
                                                         "title": " 自定标题 "})
    assert (doc.kind, doc.school, doc.year, doc.title) == ("plan", "另一所学校", 2019, "自定标题")
    assert doc.period == "2023-2024学年第一学期"   # None means "not given"


def test_overrides_apply_to_every_document_of_a_compilation(tmp_path):
    docs = read_documents(write_text(tmp_path / "page.txt", COMPILATION), overrides={"year": 2020})
    assert [d.year for d in docs] == [2020, 2020, 2020]


@pytest.mark.parametrize("kwargs, error", [
    ({"overrides": {"year": "去年"}}, InputError),
    ({"overrides": {"kind": "report"}}, InputError),
    ({"kind": "总结"}, InputError),
    ({"overrides": {"author": "x"}}, ValueError),
    ({"kind": "plan", "overrides": {"kind": "summary"}}, ValueError),
])
def test_bad_overrides(tmp_path, kwargs, error):
    with pytest.raises(error):
        read_documents(write_text(tmp_path / "s.txt", SUMMARY), **kwargs)
