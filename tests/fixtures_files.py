"""Build test input files at test time: text in several encodings, docx, pdf, compilations, junk.

The sample documents are written for these tests (fictional schools); no binary fixture is committed.
"""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

SUMMARY = """青松县实验小学2023-2024学年第一学期工会工作总结
本学期，校工会在上级工会和学校党支部的领导下，围绕学校中心工作，履行维护、建设、参与、教育职能，现将本学期工作总结如下。
一、加强民主管理，推进校务公开
（一）开好教代会
学期初召开三届四次教职工代表大会，代表们围绕绩效工资分配方案提出意见，会后逐条答复落实。
（二）校务公开
通过公示栏和教职工群及时公开评优评先、职称推荐等事项，接受教职工监督。
二、关心教职工生活，做好帮扶慰问
1.走访慰问
春节前走访慰问困难教职工6人次，送去组织的关怀。
2.生病探望
教职工生病住院时，工会及时探望，送上慰问金。
三、存在问题与不足
活动形式还不够丰富，青年教师参与工会工作的积极性有待提高。
总之，本学期工会工作取得了一定成绩，下学期我们将继续努力，把职工之家建设得更加温暖。
青松县实验小学工会
2024年1月15日
"""

PLAN = """临江市第二中学工会2024年工作计划
2024年，校工会将在学校党总支的领导下，坚持服务教职工的工作主线，结合学校实际，特制定本计划。
一、指导思想
以习近平新时代中国特色社会主义思想为指导，落实上级工会工作部署，团结动员教职工为学校发展贡献力量。
二、工作目标
教职工文体活动参与率不低于85%，困难教职工帮扶覆盖率达到100%。
三、月度安排
三月
1. 召开工会委员会议，部署全年工作；
2. 开展“三八”妇女节趣味活动。
4月份
1. 组织教职工春季健步走。
四、保障措施
加强组织领导，规范工会经费管理，确保各项工作落到实处。
"""

# A web page collecting sample documents, with the site's boilerplate between them.
COMPILATION = """学校工会工作总结（精选3篇）
各位读者可以参考下面的范文，欢迎收藏。
2024年小学工会工作总结范文【篇1】 980字
本年度，校工会紧紧围绕学校中心工作，团结带领教职工爱岗敬业、奋发有为。
一、坚持民主管理
学校按时召开教代会，审议通过了教职工考核办法。
二、丰富文体生活
组织教职工开展羽毛球比赛和冬季长跑，参与人数达到120人。
篇1书写经验58人觉得有启发
写工会总结其实并不难，关键要把一年里做过的事情梳理清楚。
先列提纲，再填内容，最后检查数字是否准确。
柳溪镇中心小学工会2023年上半年工作总结【篇2】 1200字
上半年，柳溪镇中心小学工会在镇教育工会的指导下，扎实开展各项工作。
一、关心教职工身心健康
为全体教职工安排了健康体检，并邀请医生开展健康讲座两场。
二、做好帮扶慰问
走访慰问生病住院和家庭困难的教职工9人次。
篇2书写经验33人觉得有启发
小学工会上半年总结怎么写
写总结的时候语言要朴实，不要堆砌空话套话。
小编友情提醒：
写完之后多读几遍，检查有没有错别字。
红星中学工会工作计划【篇3】
一、工作目标
教职工参与工会活动的比例达到90%以上，职工之家建设通过市级验收。
二、主要任务
组织教职工读书分享会四次，开展青年教师教学基本功比赛一次。
小编友情提醒：
以上范文仅供参考，请结合本单位实际情况修改使用。
"""

COMPILATION_DI_PIAN = """第1篇：
东湖中学工会2022年度工作总结
一年来，东湖中学工会在学校党委的领导下，认真履行工会各项职能，取得了较好成效。
一、加强思想引领
组织教职工参加理论学习十二次，撰写学习心得八十余篇。
第2篇：西山小学工会2022-2023学年第二学期工作总结
本学期，西山小学工会认真开展维权服务工作，教职工满意度明显提高。
一、维护教职工合法权益
工会参与制定绩效考核方案，广泛征求教职工意见，修改完善条款五处。
"""

BOILERPLATE = ("书写经验", "人觉得有启发", "小编友情提醒", "怎么写", "【篇", "写总结", "写完之后", "仅供参考")


def write_text(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def build_docx(path: Path, blocks: list) -> Path:
    """blocks: a str is a paragraph, a list of rows (each a list of cell texts) is a table."""
    import docx

    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block), cols=max(len(row) for row in block))
        for r, row in enumerate(block):
            for c, cell_text in enumerate(row):
                table.cell(r, c).text = cell_text
    document.save(str(path))
    return path


def build_docx_with_merged_cell(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("慰问情况统计如下。")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "春节慰问"
    for c, text in enumerate(["困难教职工", "6人次", "3000元"]):
        table.cell(1, c).text = text
    document.add_paragraph("以上慰问均已完成。")
    document.save(str(path))
    return path


def _pdf_canvas(path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path))


def build_pdf(path: Path, pages: list[list[str]], page_numbers: bool = True) -> Path:
    """Each page's lines drawn as they are (a long sentence given as two lines looks wrapped)."""
    pdf = _pdf_canvas(path)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 11)
        y = 800
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 18
        if page_numbers:
            pdf.drawString(290, 30, f"- {number} -")
        pdf.showPage()
    pdf.save()
    return path


def build_scanned_pdf(path: Path) -> Path:
    """A page with a drawing and no text layer, like a scan."""
    pdf = _pdf_canvas(path)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    return path


def build_corrupt_docx(path: Path, how: str, good: Path | None = None) -> Path:
    """how: 'random' bytes, 'zip' without document.xml, 'truncated' half of a real docx, 'doc' OLE header."""
    if how == "random":
        path.write_bytes(random.Random(7).randbytes(4096))
    elif how == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/readme.txt", "not a document")
    elif how == "truncated":
        assert good is not None
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif how == "doc":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    else:
        raise ValueError(how)
    return path


def build_junk(path: Path, kind: str = "random", size: int = 8192) -> Path:
    """Binary junk: 'random' bytes, 'png' (an image header + data), 'exe' (NUL-heavy machine code)."""
    rng = random.Random(size)
    if kind == "random":
        data = rng.randbytes(size)
    elif kind == "png":
        data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(size)
    elif kind == "exe":
        data = b"\x7fELF\x02\x01\x01" + bytes(64) + bytes(rng.choice([0, 0, 0, rng.randrange(256)]) for _ in range(size))
    else:
        raise ValueError(kind)
    path.write_bytes(data)
    return path


def build_sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes created instantly (sparse): nothing is written."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path
