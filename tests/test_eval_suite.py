"""The eval suite: heading hierarchy, coverage and length measures, the cases, the reports, `uniondraft eval`."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from drafting.types import KINDS, Draft, Section
from eval.facts import parse_facts
from eval.headings import check_hierarchy, chinese_ordinal, heading_level, is_heading_line
from eval.metrics import bigram_jaccard, char_count, fact_coverage, missing_headings
from eval.report import to_html, to_markdown
from eval.suite import CASES_DIR, Case, SuiteReport, load_cases, measure_draft, style_similarity


# ---- heading hierarchy ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("line, level", [
    ("一、加强思想引领", 1), ("十二、下一步打算", 1), ("（三）开好教代会", 2), ("(三)开好教代会", 2),
    ("1.师德建设", 3), ("2．校务公开", 3), ("3、文体活动", 3), ("（1）趣味运动会", 4), ("②健步走", 5),
    ("1.2万元用于慰问", None), ("12月26日举办联欢会", None), ("本学期，校工会……", None), ("二十届三中全会", None),
])
def test_heading_level(line, level):
    assert heading_level(line) == level


@pytest.mark.parametrize("text, number", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_chinese_ordinal(text, number):
    assert chinese_ordinal(text) == number


@pytest.mark.parametrize("line, heading", [
    ("（一）开好教代会", True), ("一、加强思想引领，凝聚奋进共识", True),
    ("（二）提案办理进展没有按月公布。", False),                      # a sentence: a list item
    ("1.组织学习4次。参加教职工120人。", False), ("本学期召开教代会", False),
])
def test_is_heading_line(line, heading):
    assert is_heading_line(line) is heading


GOOD = [
    ["一、思想引领", "（一）理论学习", "1.集中学习", "2.专题讲座", "（1）讲座一", "①上午", "②下午", "（二）师德建设",
     "二、民主管理", "（一）教代会", "三、存在问题"],
    ["一、思想引领", "正文一段。", "二、民主管理", "正文。", "三、下一步打算"],
    ["一、只有一级标题", "1．2万元不是序号"],
]
BAD = [
    (["一、思想引领", "二、民主管理", "四、存在问题"], [("order", "四、存在问题")]),
    (["一、思想引领", "1.集中学习"], [("skip", "1.集中学习")]),
    (["一、思想引领", "（一）学习", "（三）师德"], [("order", "（三）师德")]),
    (["一、思想引领", "（一）学习", "1.集中", "（1）讲座", "①上午", "二、民主", "（二）提案"], [("order", "（二）提案")]),
    (["二、民主管理"], [("order", "二、民主管理")]),
    (["一、思想引领", "（一）学习", "①上午"], [("skip", "①上午")]),
    (["（一）没有一级标题"], [("skip", "（一）没有一级标题")]),
]


@pytest.mark.parametrize("lines", GOOD)
def test_hierarchy_good(lines):
    assert check_hierarchy(lines) == []


@pytest.mark.parametrize("lines, expected", BAD)
def test_hierarchy_bad(lines, expected):
    problems = check_hierarchy(lines)
    assert [(p.kind, p.text) for p in problems] == expected
    assert all("/" in p.message for p in problems)       # Chinese and English


# ---- measures ------------------------------------------------------------------------------------------------
def test_fact_coverage_by_figures_and_by_overlap():
    facts = parse_facts("- 发放慰问金1.2万元\n- 参与率95%以上\n- 评出“好老师”6人\n- 召开五届二次教代会\n"
                        "- 组织学习党的二十届三中全会精神\n- 退休教师联系不够\n- 工会委员全部兼职")
    text = "发放慰问金12000元，参与率达95%以上，评出6名。五届二次教代会召开。组织学习二十届三中全会精神。工会委员会成立。"
    coverage = fact_coverage(text, facts)
    assert coverage.covered == ("F1", "F2", "F3", "F4", "F5") and coverage.missing == ("F6", "F7")
    assert coverage.share == pytest.approx(5 / 7)
    assert fact_coverage("评出5人", parse_facts("- 评出6人")).missing == ("F1",)


def test_missing_headings_alternatives_and_length():
    headings = ["一、思想引领", "五、存在的不足", "六、下学期工作打算"]
    assert missing_headings(headings, ["存在问题|不足", "下一步|打算", "保障措施"]) == ["保障措施"]
    assert char_count("一二 三\n四") == 4
    assert bigram_jaccard("关心教职工生活", "关心教职工生活") == 1.0
    assert bigram_jaccard("关心教职工", "召开运动会") == 0.0


def hand_draft() -> Draft:
    return Draft(title="青松县实验小学工会2025-2026学年第一学期工作总结", kind="semester-summary",
                 school="青松县实验小学", period="2025-2026学年第一学期", sections=(
                     Section("s1", "", "本学期，校工会围绕学校中心工作履职尽责。现将本学期工作总结如下。", role="opening"),
                     Section("s2", "一、加强思想引领", "（一）理论学习\n组织集中学习4次，评出师德标兵5名。"),
                     Section("s3", "二、存在问题与不足", "1.后勤职工参加活动偏少。", role="problems"),
                     Section("s4", "", "新的学期，我们将继续努力。", role="closing")))


def fake_check(text, facts, references=(), known=()):
    finding = SimpleNamespace(kind="invented", level="error", start=0, end=1, text="5名", message="笔记中没有",
                              fact_ids=())
    warning = SimpleNamespace(kind="qualifier", level="warning", start=0, end=1, text="4次", message="",
                              fact_ids=())
    assert any("2025-2026" in k for k in known)   # the title's and period's figures are inputs too
    return SimpleNamespace(findings=[finding, warning], errors=[finding])


def test_measure_draft_counts_everything():
    case = Case("c1", "semester-summary", "青松县实验小学", "2025-2026学年第一学期",
                "- 组织集中学习4次\n- 评出师德标兵5名\n- 后勤职工参加活动偏少\n- 公众号推送7期",
                {"min_chars": 50, "max_chars": 60, "required_headings": ["存在问题|不足", "下一步|打算"]})
    result = measure_draft(case, hand_draft(), fake_check)
    assert result.findings == {"invented": 1, "qualifier": 1} and (result.errors, result.info) == (1, 1)
    assert (result.facts_covered, result.facts_total, result.missing_facts) == (3, 4, ["F4"])
    assert [p.split("：")[0] for p in result.hierarchy_problems] == ["1.后勤职工参加活动偏少。"]
    assert result.missing_headings == ["下一步|打算"] and not result.hierarchy_ok
    assert result.chars > 60 and not result.length_ok
    assert result.style is None


class FakeLibrary:
    dense_available = False

    def search(self, query, k=5, kind=None):
        assert kind == "summary"
        return [SimpleNamespace(text="组织集中学习，评出师德标兵。", chunk_id="a"),
                SimpleNamespace(text="召开运动会。", chunk_id="b")][:k]


def test_style_similarity_falls_back_to_bigram_jaccard():
    score, method = style_similarity(hand_draft(), FakeLibrary())
    assert 0 < score < 1 and "Jaccard" in method
    assert style_similarity(hand_draft(), None) == (None, "none")


class FakeDenseLibrary(FakeLibrary):
    dense_available = True

    def __init__(self):
        self.embedded = []
        self.embeddings = SimpleNamespace(key="fake-dense", embed_documents=self._embed)

    def _embed(self, texts):
        self.embedded.extend(texts)
        return [[1.0, float(len(t) % 3)] for t in texts]


def test_style_similarity_uses_the_dense_embedder_and_caches_exemplars():
    library, cache = FakeDenseLibrary(), {}
    score, method = style_similarity(hand_draft(), library, cache)
    assert 0 < score <= 1 and "dense cosine (fake-dense)" in method
    assert set(cache) == {"a", "b"}
    before = len(library.embedded)
    style_similarity(hand_draft(), library, cache)
    assert len(library.embedded) - before == 2            # only the two body sections again, not the exemplars


def test_reports_have_a_row_per_case_and_totals():
    case = Case("c1", "semester-summary", "", "2025-2026学年第一学期", "- 组织集中学习4次", {"min_chars": 10})
    ok = measure_draft(case, hand_draft(), None)
    ok.seconds = 0.5
    failed = measure_draft(case, hand_draft(), fake_check)
    failed.id = "c2"
    report = SuiteReport("offline", "none", [ok, failed], 1.0)
    md = to_markdown(report)
    rows = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + 2 + 1                                    # header, two cases, totals
    assert rows[1].startswith("| c1 |") and rows[2].startswith("| c2 |") and "合计" in rows[3]
    assert "invented 1" in md and "### c2" in md
    page = to_html(report)
    assert page.count("<tr>") + page.count('<tr class="total">') == 1 + 2 + 1
    assert "<td>c2</td>" in page and 'lang="zh-CN"' in page
    assert report.errors == 1 and report.to_dict()["totals"]["errors"] == 1


# ---- the cases -----------------------------------------------------------------------------------------------
def test_the_cases_cover_the_three_kinds():
    cases = load_cases()
    assert len(cases) >= 12
    assert {c.kind for c in cases} == set(KINDS)
    assert all(sum(c.kind == k for c in cases) >= 3 for k in KINDS)
    assert len({c.id for c in cases}) == len(cases)
    for case in cases:
        facts = parse_facts(case.notes)
        assert len(facts) >= 8, case.id
        assert case.school and case.period
        assert 0 < case.expect["min_chars"] < case.expect["max_chars"]


def test_a_broken_case_is_an_input_error(tmp_path):
    from common.errors import InputError

    (tmp_path / "bad.json").write_text('{"id": "x", "kind": "memo", "notes": []}', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_cases(tmp_path)
    assert "memo" in exc.value.zh and "memo" in exc.value.en
    with pytest.raises(InputError):
        load_cases(tmp_path / "nowhere")


# ---- the suite with the offline drafter ----------------------------------------------------------------------
@pytest.fixture
def small_cases(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    for name in ("s01-qingshan-primary", "a04-bailuwan-primary-flat", "p01-qingshan-primary-annual-plan"):
        (folder / f"{name}.json").write_text((CASES_DIR / f"{name}.json").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    return folder


@pytest.fixture
def bm25_library(tmp_path, monkeypatch):
    from common.settings import Settings
    from retrieval.library import Library
    from tests.library_helpers import write_docs

    monkeypatch.setenv("UNIONDRAFT_EMBEDDER", "bm25")
    monkeypatch.setenv("UNIONDRAFT_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("UNIONDRAFT_LIBRARY", raising=False)
    monkeypatch.delenv("UNIONDRAFT_MODEL", raising=False)
    settings = Settings.from_env()
    library = Library.open(settings)
    library.add_files(list(write_docs(tmp_path / "docs").values()))
    return library


def test_suite_offline_on_three_cases(small_cases, bm25_library):
    pytest.importorskip("drafting.pipeline")
    pytest.importorskip("eval.check")
    from eval.suite import run_suite

    report = run_suite("offline", small_cases, library=bm25_library)
    assert [c.id for c in report.cases] == sorted(p.stem for p in small_cases.glob("*.json"))
    assert report.check_available and report.failed == 0
    for case in report.cases:
        assert case.chars > 0 and case.seconds > 0 and case.facts_total > 0
        assert case.style is not None and 0 <= case.style <= 1
    md = to_markdown(report)
    assert all(f"| {c.id} |" in md for c in report.cases)
    assert "Jaccard" in report.style_method


def test_eval_cli_writes_both_reports(small_cases, bm25_library, tmp_path, capsys):
    pytest.importorskip("drafting.pipeline")
    pytest.importorskip("eval.check")
    from cli import main

    md, page = tmp_path / "report.md", tmp_path / "report.html"
    code = main(["eval", "--cases", str(small_cases), "--out", str(md), "--html", str(page), "--json",
                 "--only", "s01", "--only", "p01"])
    data = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in data["cases"]] == ["p01-qingshan-primary-annual-plan", "s01-qingshan-primary"]
    assert code == (1 if data["totals"]["errors"] or data["totals"]["failed"] else 0)
    assert "| s01-qingshan-primary |" in md.read_text(encoding="utf-8")
    assert "<td>p01-qingshan-primary-annual-plan</td>" in page.read_text(encoding="utf-8")


def test_eval_cli_bad_cases_folder_exits_1(tmp_path, monkeypatch, capsys):
    pytest.importorskip("drafting.pipeline")
    from cli import main

    monkeypatch.setenv("UNIONDRAFT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("UNIONDRAFT_EMBEDDER", "bm25")
    assert main(["eval", "--no-library", "--cases", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "找不到评测用例" in err and "Error:" in err


def test_offline_drafter_has_no_error_findings_on_any_case():
    pytest.importorskip("drafting.pipeline")
    pytest.importorskip("eval.check")
    from eval.suite import run_suite

    report = run_suite("offline", CASES_DIR, library=None)
    assert report.failed == 0 and len(report.cases) >= 12
    assert report.errors == 0, [(c.id, c.finding_samples) for c in report.cases if c.errors]
    assert all(c.coverage == 1.0 for c in report.cases), [(c.id, c.missing_facts) for c in report.cases
                                                          if c.coverage < 1]
