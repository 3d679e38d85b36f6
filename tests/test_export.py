"""Export: the docx in the 公文 layout (reopened with python-docx), Markdown, and `uniondraft export`."""
from __future__ import annotations

import io
import json

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from cli import main
from drafting.export_docx import draft_to_docx
from drafting.export_markdown import draft_to_markdown, markdown_headings
from drafting.layout import draft_blocks, draft_plain_text
from drafting.types import Draft, Section

TITLE = "青松县实验小学工会2025-2026学年第一学期工作总结"


def make_draft(**changes) -> Draft:
    sections = (
        Section("s1", "", "本学期，校工会在上级工会和学校党支部的领导下，围绕学校中心工作履职尽责。现将本学期工作总结如下。",
                role="opening"),
        Section("s2", "一、加强思想引领，建设师德师风",
                "（一）抓好理论学习\n组织教职工集中学习党的二十届三中全会精神4次。\n"
                "（二）选树身边典型\n1.评选师德标兵\n评出师德标兵5名，公众号推送事迹6期。", fact_ids=("F1", "F2")),
        Section("s3", "二、存在问题与不足",
                "（一）后勤职工参加工会活动偏少。本学期只有约一半后勤职工参加过工会活动。\n"
                "（二）提案办理进展没有按月公布，教职工了解不及时。", role="problems"),
        Section("s4", "三、下一步打算", "1. 3月召开三届三次教代会。\n2. 文体活动参与率不低于90%。", role="next"),
        Section("s5", "", "新的学期，校工会将继续努力，为学校发展贡献力量。", role="closing"),
    )
    base = dict(title=TITLE, kind="semester-summary", school="青松县实验小学", period="2025-2026学年第一学期",
                sections=sections, notes="- 组织教职工集中学习党的二十届三中全会精神4次\n", meta={"date": "2026年1月16日"})
    base.update(changes)
    return Draft(**base)


def reopen(draft: Draft):
    return Document(io.BytesIO(draft_to_docx(draft)))


def east_asia(run_or_style) -> str | None:
    fonts = run_or_style.element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def paragraph_with(doc, text: str):
    return next(p for p in doc.paragraphs if p.text.startswith(text))


def test_page_is_a4_with_official_margins():
    section = reopen(make_draft()).sections[0]

    def mm(length) -> float:            # Word stores twips: 1/20 pt, about 0.018 mm
        return round(length / Mm(1), 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (37, 35)
    assert (mm(section.left_margin), mm(section.right_margin)) == (28, 26)


def test_title_is_centred_in_xiaobiaosong_erhao_and_breaks_after_the_union():
    doc = reopen(make_draft())
    first, second = doc.paragraphs[0], doc.paragraphs[1]
    assert (first.text, second.text) == ("青松县实验小学工会", "2025-2026学年第一学期工作总结")
    for title in (first, second):
        assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
        run = title.runs[0]
        assert run.font.name == "方正小标宋简体" and east_asia(run) == "方正小标宋简体"
        assert run.font.size == Pt(22)
    assert reopen(make_draft(title="教代会工作总结")).paragraphs[0].text == "教代会工作总结"


@pytest.mark.parametrize("start, font", [
    ("一、加强思想引领", "黑体"),            # first level
    ("（一）抓好理论学习", "楷体_GB2312"),     # second level
    ("1.评选师德标兵", "仿宋_GB2312"),         # third level: body font
    ("组织教职工集中学习", "仿宋_GB2312"),      # body
    ("本学期，校工会", "仿宋_GB2312"),          # opening
])
def test_heading_levels_and_body_fonts(start, font):
    paragraph = paragraph_with(reopen(make_draft()), start)
    for run in paragraph.runs:
        assert run.font.name == font and east_asia(run) == font
        assert run.font.size == Pt(16)
    fmt = paragraph.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert Pt(28) <= fmt.line_spacing <= Pt(29)
    assert fmt.first_line_indent == Pt(32)


def test_headings_carry_their_outline_level():
    doc = reopen(make_draft())
    levels = {}
    for p in doc.paragraphs:
        found = p._p.pPr.find(qn("w:outlineLvl")) if p._p.pPr is not None else None
        if found is not None:
            levels[p.text] = int(found.get(qn("w:val"))) + 1
    assert levels == {"一、加强思想引领，建设师德师风": 1, "（一）抓好理论学习": 2, "（二）选树身边典型": 2,
                      "1.评选师德标兵": 3, "二、存在问题与不足": 1, "三、下一步打算": 1}


def test_enumerated_paragraph_sets_its_first_sentence_in_the_level_font():
    paragraph = paragraph_with(reopen(make_draft()), "（一）后勤职工")
    assert [r.font.name for r in paragraph.runs] == ["楷体_GB2312", "仿宋_GB2312"]
    assert paragraph.runs[0].text == "（一）后勤职工参加工会活动偏少。"
    whole = paragraph_with(reopen(make_draft()), "（二）提案办理")   # one sentence: all body font
    assert [r.font.name for r in whole.runs] == ["仿宋_GB2312"]


def test_opening_and_closing_have_no_heading_and_the_signature_closes_the_document():
    doc = reopen(make_draft())
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[2].startswith("本学期") and texts[-3].startswith("新的学期")
    assert texts[-2:] == ["青松县实验小学工会", "2026年1月16日"]
    assert doc.paragraphs[-1].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_normal_style_names_the_east_asian_font():
    normal = reopen(make_draft()).styles["Normal"]
    assert normal.font.name == "仿宋_GB2312" and east_asia(normal) == "仿宋_GB2312"
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY


def test_footer_has_a_page_field_between_dashes():
    doc = reopen(make_draft())
    for footer in (doc.sections[0].footer, doc.sections[0].even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text or "" for t in footer._element.iter(qn("w:instrText")))
        assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
        text = footer.paragraphs[0].text
        assert text.startswith("— ") and text.endswith(" —")
        assert all(r.font.size == Pt(14) for r in footer.paragraphs[0].runs)
    assert doc.settings.odd_and_even_pages_header_footer


def test_no_signature_without_a_school_and_none_twice():
    blocks = draft_blocks(make_draft(school=""))
    assert not [b for b in blocks if b.kind == "signature"]
    signed = make_draft()
    closing = signed.sections[-1]
    signed = signed.with_section(Section(closing.id, "", closing.text + "\n青松县实验小学工会\n2026年1月16日",
                                         role="closing"))
    assert not [b for b in draft_blocks(signed) if b.kind == "signature"]


def test_text_that_repeats_its_heading_shows_it_once():
    draft = make_draft()
    s2 = draft.sections[1]
    draft = draft.with_section(Section(s2.id, s2.heading, s2.heading + "\n" + s2.text))
    assert draft_plain_text(draft).count("一、加强思想引领") == 1


def test_markdown_headings_round_trip():
    md = draft_to_markdown(make_draft())
    assert markdown_headings(md) == [
        (1, TITLE), (2, "一、加强思想引领，建设师德师风"), (3, "（一）抓好理论学习"), (3, "（二）选树身边典型"),
        (4, "1.评选师德标兵"), (2, "二、存在问题与不足"), (2, "三、下一步打算")]
    assert "1\\. 3月召开三届三次教代会。" in md          # not turned into a renumbered list
    assert md.rstrip().endswith("青松县实验小学工会  \n2026年1月16日")
    assert "findings" not in md and "F1" not in md


def test_export_cli_writes_docx_and_markdown(tmp_path, capsys):
    draft_path = tmp_path / "draft.json"
    draft_path.write_text(json.dumps(make_draft().to_json(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out" / "总结.docx"
    assert main(["export", "--draft", str(draft_path), "--format", "docx", "--out", str(out)]) == 0
    assert "".join(p.text for p in Document(str(out)).paragraphs[:2]) == TITLE
    md = tmp_path / "总结.md"
    assert main(["export", "--draft", str(draft_path), "--format", "md", "--out", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith(f"# {TITLE}\n")
    assert not [p for p in tmp_path.rglob("*.tmp")]


@pytest.mark.parametrize("content", ["{not json", '{"title": "x"}', "[1, 2]", None])
def test_export_cli_rejects_a_missing_or_corrupt_draft(tmp_path, capsys, content):
    draft_path = tmp_path / "draft.json"
    if content is not None:
        draft_path.write_text(content, encoding="utf-8")
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")
    assert main(["export", "--draft", str(draft_path), "--format", "docx", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "草稿" in err and "Error:" in err and "draft" in err
    assert out.read_bytes() == b"old"                   # the old file is untouched


def test_export_cli_format_must_be_known(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["export", "--draft", str(tmp_path / "d.json"), "--format", "pdf", "--out", str(tmp_path / "x")])
    assert exc.value.code == 2


def test_document_defaults_use_named_fonts_not_theme_fonts():
    styles = reopen(make_draft()).styles.element
    fonts = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert not [a for a in fonts.attrib if a.lower().endswith("theme")]


def test_a_drafted_document_exports_with_its_headings(tmp_path, monkeypatch):
    pipeline = pytest.importorskip("drafting.pipeline")
    draft_file = pytest.importorskip("drafting.draft_file")
    monkeypatch.setenv("UNIONDRAFT_DATA", str(tmp_path / "data"))
    notes = ("# 民主管理\n- 3月召开四届二次教代会，45名代表出席\n- 征集提案14件，立案9件\n"
             "# 存在问题\n- 工会委员5人全部兼职\n# 下学期打算\n- 文体活动参与率不低于90%\n")
    draft = pipeline.draft_document(notes, "semester-summary", "柳塘小学", "2025-2026学年第一学期", library=False)
    path = draft_file.save_draft(draft, tmp_path / "draft.json")
    out = tmp_path / "draft.docx"
    assert main(["export", "--draft", str(path), "--format", "docx", "--out", str(out), "--date", "2026年1月20日"]) == 0
    doc = Document(str(out))
    first_level = [p.text for p in doc.paragraphs if p.runs and p.runs[0].font.name == "黑体"]
    body = [s.heading for s in draft.sections if s.role not in ("opening", "closing")]
    assert first_level == body and first_level[0].startswith("一、")
    assert [p.text for p in doc.paragraphs if p.text][-2:] == ["柳塘小学工会", "2026年1月20日"]
