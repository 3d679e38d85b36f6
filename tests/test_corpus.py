"""The sample corpus: the documents every new user's library starts from, the example notes, the query set.

What a user would notice if these broke: a library missing a school type or a kind, a document without
the genre's opening or sections, a notes example the drafter cannot read, a benchmark query pointing at a
heading that is not there, or a sample sentence lifted from the seed documents.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCS_DIR = CORPUS / "documents"
NOTES_DIR = CORPUS / "notes"
README = CORPUS / "README.md"
QUERIES = ROOT / "benchmarks" / "queries.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"

DOCS = sorted(DOCS_DIR.glob("*.txt"))
NOTES = sorted(NOTES_DIR.glob("*.txt"))
NAME = re.compile(r"^(?P<year>20\d\d)_(?P<school>[a-z0-9]+)_(?P<type>primary|middle|vocational)_"
                  r"(?P<period>semester[12]|annual)_(?P<kind>summary|plan)\.txt$")
PLANS = [p for p in DOCS if NAME.match(p.name) and NAME.match(p.name)["kind"] == "plan"]
SUMMARIES = [p for p in DOCS if NAME.match(p.name) and NAME.match(p.name)["kind"] == "summary"]
SCHOOL_TYPE_WORDS = {"primary": r"小学", "middle": r"中学", "vocational": r"职业|职教|技工|工程学校|中专"}

CN_NUMERALS = "一二三四五六七八九十"
LEVEL1 = re.compile(rf"^([{CN_NUMERALS}]{{1,3}})、")
LEVEL2 = re.compile(rf"^（([{CN_NUMERALS}]{{1,3}})）")
LEVEL3 = re.compile(r"^\d{1,2}[.．、](?!\d)")
MONTH = re.compile(rf"^[{CN_NUMERALS}]{{1,3}}月$")
SIGNATURE_DATE = re.compile(r"^(20\d\d)年\d{1,2}月\d{1,2}日$")
HAN = re.compile(r"[\u4e00-\u9fff]")

COPY_RUN = 14   # no line of ours may share this many consecutive characters with a seed
# Official names and period names are not the seeds' wording: every union document writes them the same way.
OFFICIAL_NAMES = ("习近平新时代中国特色社会主义思想",)
PERIOD_NAME = re.compile(r"(?:19|20)\d\d\s*[-—–]\s*(?:19|20)\d\d\s*学年度?(?:第[一二]学期)?")

BULLET = re.compile(r"^(?:[-•·*]|\d{1,2}[.、])\s*")
FIGURE = re.compile(rf"\d|[{CN_NUMERALS}两百千万]+[人次场期项个名条件户元天届]")
QUALIFIER = re.compile(r"余|多|近|约|以上|不低于|不少于|超过|左右")


def cn_number(text: str) -> int:
    """一 … 九十九, the numerals of the heading hierarchy."""
    digits = {c: i + 1 for i, c in enumerate(CN_NUMERALS[:9])}
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    return digits[text]


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def name_parts(path: Path) -> dict[str, str]:
    found = NAME.match(path.name)
    assert found, f"{path.name} does not follow YEAR_school_type_period_kind.txt"
    return found.groupdict()


def opening_paragraph(lines: list[str]) -> str:
    """The first prose paragraph before the first 一、 heading."""
    for line in lines:
        if LEVEL1.match(line):
            break
        if "。" in line and len(line) >= 40:
            return line
    return ""


def title_of(lines: list[str]) -> str:
    """The title line, joined with a second short line as in 某某学校工会 / 2025—2026学年第一学期工作总结."""
    first, second = lines[0], lines[1]
    if not LEVEL1.match(second) and "。" not in second and len(second) <= 30:
        return first + second
    return first


def top_headings(lines: list[str]) -> list[str]:
    return [line for line in lines if LEVEL1.match(line)]


def section_headings(lines: list[str]) -> list[str]:
    return [line for line in lines if LEVEL1.match(line) or LEVEL2.match(line)]


def doc_ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


# ---------------------------------------------------------------- the spread of the library

def test_there_are_at_least_twelve_documents():
    assert len(DOCS) >= 12, f"only {len(DOCS)} documents in {DOCS_DIR}"


def test_documents_cover_school_types_kinds_and_years():
    parts = [name_parts(p) for p in DOCS]
    types = Counter(p["type"] for p in parts)
    kinds = Counter("plan" if p["kind"] == "plan" else f"{p['period'].rstrip('12')}_summary" for p in parts)
    years = sorted({int(p["year"]) for p in parts})
    assert all(types[t] >= 2 for t in ("primary", "middle", "vocational")), types
    assert all(kinds[k] >= 4 for k in ("semester_summary", "annual_summary", "plan")), kinds
    assert years[0] == 2019 and years[-1] == 2026 and len(years) >= 6, years


@pytest.mark.parametrize("path", DOCS, ids=doc_ids(DOCS))
def test_title_names_a_school_of_the_filed_type_and_the_kind(path):
    parts = name_parts(path)
    title = title_of(lines_of(path))
    assert re.search(SCHOOL_TYPE_WORDS[parts["type"]], title), title
    assert ("计划" if parts["kind"] == "plan" else "总结") in title, title
    if parts["period"] == "annual":
        assert "学期" not in title, title
    else:
        assert "学期" in title, title


@pytest.mark.parametrize("path", DOCS, ids=doc_ids(DOCS))
def test_length_is_that_of_a_real_school_document(path):
    han = len(HAN.findall(path.read_text(encoding="utf-8")))
    assert 1200 <= han <= 3000, f"{path.name}: {han} Chinese characters"


# ---------------------------------------------------------------- the genre's shape

@pytest.mark.parametrize("path", DOCS, ids=doc_ids(DOCS))
def test_opening_names_leadership_and_announces_the_document(path):
    opening = opening_paragraph(lines_of(path))
    assert opening, f"{path.name}: no opening paragraph before 一、"
    assert re.search(r"在.{2,40}领导", opening), opening
    if name_parts(path)["kind"] == "plan":
        assert re.search(r"特制定.{0,20}(计划|安排)", opening), opening
    else:
        assert re.search(r"现将.{0,20}总结如下", opening), opening


@pytest.mark.parametrize("path", DOCS, ids=doc_ids(DOCS))
def test_headings_follow_the_official_hierarchy_in_order(path):
    lines = lines_of(path)
    top = [cn_number(LEVEL1.match(h)[1]) for h in top_headings(lines)]
    assert len(top) >= 5, f"{path.name}: only {len(top)} 一、 headings"
    assert top == list(range(1, len(top) + 1)), f"{path.name}: top headings numbered {top}"
    runs: list[list[int]] = []
    for line in lines:
        if LEVEL1.match(line):
            runs.append([])
        elif LEVEL2.match(line) and runs:
            runs[-1].append(cn_number(LEVEL2.match(line)[1]))
    for run in runs:
        assert run == list(range(1, len(run) + 1)), f"{path.name}: （n） headings numbered {run}"
    assert sum(map(len, runs)) >= 3, f"{path.name}: the body needs some （一） subsections"


@pytest.mark.parametrize("path", SUMMARIES, ids=doc_ids(SUMMARIES))
def test_summaries_own_their_shortcomings_and_say_what_comes_next(path):
    headings = section_headings(lines_of(path))
    assert any(re.search(r"不足|问题|短板", h) for h in headings), headings
    assert any(re.search(r"打算|今后|下一步|努力方向|改进|思路", h) for h in headings), headings


@pytest.mark.parametrize("path", PLANS, ids=doc_ids(PLANS))
def test_plans_have_guiding_idea_targets_tasks_schedule_and_safeguards(path):
    lines = lines_of(path)
    top = top_headings(lines)
    for wanted in (r"指导思想", r"工作目标|目标任务", r"主要任务|重点工作|工作任务", r"安排|行事历", r"保障"):
        assert any(re.search(wanted, h) for h in top), f"{path.name}: no top heading like {wanted} in {top}"
    text = "\n".join(lines)
    assert re.search(r"不低于\d+%|达到?\d+%|\d+%以上", text), f"{path.name}: targets carry no rate"
    if NAME.match(path.name)["period"] != "annual":
        months = [line for line in lines if MONTH.match(line)]
        assert len(months) >= 4, f"{path.name}: a semester plan lists its months, found {months}"


@pytest.mark.parametrize("path", DOCS, ids=doc_ids(DOCS))
def test_document_ends_with_the_union_and_a_date_of_the_filed_year(path):
    *_, union, date = lines_of(path)
    assert union.endswith("工会") and len(union) <= 30, union
    found = SIGNATURE_DATE.match(date)
    assert found, date
    assert found[1] == name_parts(path)["year"], f"{path.name} is signed {date}"


@pytest.mark.parametrize("path", DOCS, ids=doc_ids(DOCS))
def test_figures_carry_the_weight(path):
    text = path.read_text(encoding="utf-8")
    counts = re.findall(r"\d+(?:\.\d+)?(?:名|人次|人|次|场|期|项|件|条|支|户|个|篇|节|天)", text)
    rates = re.findall(r"\d+(?:\.\d+)?%", text)
    money = re.findall(r"\d+(?:\.\d+)?万?余?元", text)
    if name_parts(path)["kind"] == "plan":   # a plan counts what it will do and sets target rates
        assert len(counts) >= 5 and rates, f"{path.name}: {len(counts)} counts, {rates}"
    else:                                    # a summary reports counts, rates and money spent
        assert len(counts) >= 8 and rates and money, f"{path.name}: {len(counts)} counts, {rates}, {money}"


# ---------------------------------------------------------------- no copying from the seeds

def _normalised(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for name in OFFICIAL_NAMES:
        text = text.replace(name, "\u0000")
    return re.sub(r"\s+", "", PERIOD_NAME.sub("\u0000", text))


def _runs(text: str) -> set[str]:
    return {text[i:i + COPY_RUN] for i in range(len(text) - COPY_RUN + 1) if "\u0000" not in text[i:i + COPY_RUN]}


@pytest.fixture(scope="module")
def seed_runs() -> set[str]:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip(f"seed documents not available at {SEEDS}")
    runs: set[str] = set()
    for seed in seeds:
        for line in seed.read_text(encoding="utf-8", errors="replace").splitlines():
            runs |= _runs(_normalised(line))
    return runs


OWN_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md")) + [QUERIES]


@pytest.mark.parametrize("path", OWN_FILES, ids=[str(p.relative_to(ROOT)) for p in OWN_FILES])
def test_no_line_shares_a_long_run_with_a_seed(path, seed_runs):
    copied = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        shared = sorted(_runs(_normalised(line)) & seed_runs)
        if shared:
            copied.append(f"line {number}: {shared[0]}")
    assert not copied, f"{path.name} repeats seed wording: {copied[:5]}"


def test_copy_check_catches_a_lifted_sentence_despite_respacing_and_full_width_commas(seed_runs):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    line = max(seed.read_text(encoding="utf-8").splitlines(), key=len)
    piece = line[len(line) // 2:len(line) // 2 + 20]
    lifted = "我校工会认为， " + " ".join(piece).replace(",", "，") + "。"
    assert _runs(_normalised(lifted)) & seed_runs, piece


# ---------------------------------------------------------------- example notes

def parse_notes(text: str) -> tuple[list[str], list[str]]:
    """(section names, facts) by DESIGN.md's facts format."""
    sections, facts = [], []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            sections.append(line.lstrip("#").strip())
        elif len(line) <= 20 and line.endswith(("：", ":")) and not BULLET.match(line):
            sections.append(line.rstrip("：:"))
        else:
            facts.append(BULLET.sub("", line))
    return sections, facts


def test_there_is_a_notes_example_per_kind_and_one_without_sections():
    names = {p.name for p in NOTES}
    assert {"notes_semester_summary.txt", "notes_annual_summary.txt", "notes_plan.txt"} <= names, names
    without = [p.name for p in NOTES if not parse_notes(p.read_text(encoding="utf-8"))[0]]
    assert len(NOTES) >= 4 and len(without) >= 1, (names, without)


@pytest.mark.parametrize("path", NOTES, ids=doc_ids(NOTES))
def test_notes_parse_into_facts_with_figures(path):
    sections, facts = parse_notes(path.read_text(encoding="utf-8"))
    assert 12 <= len(facts) <= 30, f"{path.name}: {len(facts)} facts"
    with_figures = [f for f in facts if FIGURE.search(f)]
    assert len(with_figures) >= 0.8 * len(facts), [f for f in facts if not FIGURE.search(f)]
    assert sum(bool(QUALIFIER.search(f)) for f in facts) >= 2, f"{path.name}: facts carry no qualifiers (余/以上 …)"
    assert all(len(f) <= 80 for f in facts), "a fact is one short line"
    if path.name != "notes_no_sections.txt":
        assert len(sections) >= 3, f"{path.name}: sections {sections}"


# ---------------------------------------------------------------- README

def test_readme_lists_every_document_and_notes_file_with_its_length():
    readme = README.read_text(encoding="utf-8")
    rows = {m[1]: m[0] for m in re.finditer(r"^\|\s*`?([\w.]+\.txt)`?\s*\|.*$", readme, flags=re.M)}
    missing = [p.name for p in DOCS + NOTES if p.name not in rows]
    assert not missing, f"README does not list {missing}"
    assert set(rows) <= {p.name for p in DOCS + NOTES}, f"README lists files that do not exist: {set(rows)}"
    for path in DOCS:
        han = len(HAN.findall(path.read_text(encoding="utf-8")))
        listed = [int(n) for n in re.findall(r"\|\s*(\d{3,4})\s*(?:字)?\s*\|", rows[path.name])]
        assert listed and abs(listed[-1] - han) <= 0.05 * han, f"{path.name}: README says {listed}, text has {han}"


# ---------------------------------------------------------------- retrieval queries

def load_queries() -> list[dict]:
    return [json.loads(line) for line in QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_query_set_is_large_and_covers_every_document():
    queries = load_queries()
    assert len(queries) >= 36, len(queries)
    assert len({q["query"] for q in queries}) == len(queries), "duplicate queries"
    referenced = {r["file"] for q in queries for r in q["relevant"]}
    assert {p.name for p in DOCS} <= referenced, f"no query about {sorted({p.name for p in DOCS} - referenced)}"
    assert sum(len(q["relevant"]) > 1 for q in queries) >= 5, "broad queries should list several sections"


QUERY_ROWS = load_queries() if QUERIES.exists() else []


@pytest.mark.parametrize("query", QUERY_ROWS, ids=[f"line{i}" for i in range(1, len(QUERY_ROWS) + 1)])
def test_query_headings_exist_verbatim(query):
    assert query["query"].strip() and 1 <= len(query["relevant"]) <= 3, query
    for relevant in query["relevant"]:
        path = DOCS_DIR / relevant["file"]
        assert path.exists(), relevant["file"]
        heading = relevant["heading"]
        assert heading in lines_of(path), f"{heading!r} is not a line of {path.name}"
        assert LEVEL1.match(heading) or LEVEL2.match(heading) or LEVEL3.match(heading) or MONTH.match(heading)
        assert len(heading) <= 30 and not re.search(r"[。；：]", heading), \
            f"{heading!r}: search shows headings up to 30 characters and the first stop"
