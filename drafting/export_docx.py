"""A draft as a Word file in the 公文 layout of GB/T 9704-2012.

A4, margins top 37 mm / bottom 35 mm / left 28 mm / right 26 mm; title in 方正小标宋简体 二号 centred; body in
仿宋_GB2312 三号 with a two-character first-line indent and exact 28.95 pt line spacing (22 lines a page);
first-level headings (一、) in 黑体, second-level (（一）) in 楷体_GB2312, lower levels in the body font; page
numbers "— 1 —" in 宋体 四号 in the footer (odd pages right, even pages left). Every run and the Normal style name
their East Asian font (w:eastAsia), which is what Word and WPS use for Chinese characters.
"""
from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafting.layout import Block, draft_blocks
from drafting.types import Draft

__all__ = ["draft_to_docx", "title_lines", "FONTS", "SIZES", "LINE_SPACING", "MARGINS_MM"]

FONTS = {"title": "方正小标宋简体", "body": "仿宋_GB2312", 1: "黑体", 2: "楷体_GB2312", "page": "宋体"}
SIZES = {"title": Pt(22), "body": Pt(16), "page": Pt(14)}      # 二号, 三号, 四号
LINE_SPACING = Pt(28.95)
TITLE_LINE_SPACING = Pt(36)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
INDENT = Pt(32)                                                 # two characters of 三号
TITLE_CHARS_PER_LINE = 20                                       # characters of 二号 on one 156 mm line


def _set_font(run_or_style, name: str, size, bold: bool = False) -> None:
    font = run_or_style.font
    font.name = name
    font.size = size
    font.bold = bold
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _spacing(paragraph, exact=LINE_SPACING) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = exact
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)


def _indent_two_chars(paragraph) -> None:
    paragraph.paragraph_format.first_line_indent = INDENT
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.set(qn("w:firstLineChars"), "200")   # WPS and Word keep two characters whatever the font


def _setup_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(23)      # the page number about 7 mm below the text block
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), "579")                # 28.95 pt: 22 lines a page


def _setup_defaults(document) -> None:
    """The document defaults name the body font outright: theme fonts (which win over named fonts in the same
    element) and the template's en-US East Asian language go."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if rpr is None:
        return
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONTS["body"])
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _setup_normal(document) -> None:
    _setup_defaults(document)
    normal = document.styles["Normal"]
    _set_font(normal, FONTS["body"], SIZES["body"])
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_SPACING
    fmt.space_before = fmt.space_after = Pt(0)


def _add_field(paragraph, instruction: str, placeholder: str, font: str, size) -> None:
    def run_with(child):
        run = paragraph.add_run()
        _set_font(run, font, size)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    shown = paragraph.add_run(placeholder)
    _set_font(shown, font, size)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _page_number(footer, align) -> None:
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(0)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = Pt(14)     # one character in from the edge
    else:
        paragraph.paragraph_format.left_indent = Pt(14)
    _set_font(paragraph.add_run("— "), FONTS["page"], SIZES["page"])
    _add_field(paragraph, "PAGE", "1", FONTS["page"], SIZES["page"])
    _set_font(paragraph.add_run(" —"), FONTS["page"], SIZES["page"])


def _setup_footers(document) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _outline_level(paragraph, level: int) -> None:
    """Headings keep the body's look but carry an outline level, so Word's and WPS's navigation pane lists them."""
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level - 1))
    paragraph._p.get_or_add_pPr().append(element)


def _add_block(document, block: Block) -> None:
    paragraph = document.add_paragraph()
    if block.kind == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _spacing(paragraph, TITLE_LINE_SPACING)
        _set_font(paragraph.add_run(block.text), FONTS["title"], SIZES["title"])
        return
    _spacing(paragraph)
    if block.kind == "signature":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = INDENT
        _set_font(paragraph.add_run(block.text), FONTS["body"], SIZES["body"])
        return
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _indent_two_chars(paragraph)
    heading_font = FONTS.get(block.level, FONTS["body"])
    if block.kind == "heading":
        _set_font(paragraph.add_run(block.text), heading_font, SIZES["body"])
        _outline_level(paragraph, block.level)
        return
    if block.lead:
        _set_font(paragraph.add_run(block.lead), heading_font, SIZES["body"])
        rest = block.text[len(block.lead):]
        if rest:
            _set_font(paragraph.add_run(rest), FONTS["body"], SIZES["body"])
        return
    _set_font(paragraph.add_run(block.text), FONTS["body"], SIZES["body"])


def title_lines(title: str) -> list[str]:
    """A title too long for one line of 二号 (about 20 characters) breaks after the union's name, as the genre
    does: 某某学校工会 / 2025-2026学年第一学期工作总结."""
    title = title.strip()
    cut = title.find("工会") + 2
    if len(title) <= TITLE_CHARS_PER_LINE or cut < 2 or cut >= len(title) or cut > TITLE_CHARS_PER_LINE:
        return [title]
    return [title[:cut], title[cut:]]


def draft_to_docx(draft: Draft, date: str | None = None) -> bytes:
    """The draft as .docx bytes. `date` (e.g. 2026年1月23日) is the 落款 date when meta has none; default today."""
    document = Document()
    _setup_page(document)
    _setup_normal(document)
    _setup_footers(document)
    props = document.core_properties
    props.title = draft.title
    props.author = f"{draft.school}工会" if draft.school and not draft.school.endswith("工会") else draft.school
    props.language = "zh-CN"
    blocks = []
    for block in draft_blocks(draft, date=date):
        if block.kind == "title":
            blocks.extend(Block("title", line) for line in title_lines(block.text))
        else:
            blocks.append(block)
    for index, block in enumerate(blocks):
        if block.kind == "signature" and (index == 0 or blocks[index - 1].kind != "signature"):
            document.add_paragraph()   # a blank line before the 落款
            _spacing(document.paragraphs[-1])
        if block.kind != "title" and index > 0 and blocks[index - 1].kind == "title":
            document.add_paragraph()   # a blank line under the title
            _spacing(document.paragraphs[-1])
        _add_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
