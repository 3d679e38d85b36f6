"""File → raw text, for .txt/.md (UTF-8, UTF-8 BOM, UTF-16 BOM, GBK/GB18030), .docx and .pdf.

Every problem a user can fix raises InputError naming the file. The caller checks size and type
before calling (see retrieval.importing); readers here never read more than `limit` bytes.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from common.errors import InputError

__all__ = ["load_text", "decode_bytes", "read_plain", "read_docx", "read_pdf", "CELL_SEPARATOR"]

CELL_SEPARATOR = " | "       # table cells on one line
_MAX_BAD_SHARE = 0.05        # more than this share of control/private-use/unassigned chars → not text
_ALLOWED_CONTROLS = set("\t\n\r\f\v")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MIN_PDF_CHARS = 10          # fewer extracted characters than this → a scan without a text layer


def _bad_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch == "\ufffd" or (
        unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn") and ch not in _ALLOWED_CONTROLS))
    return bad / len(text)


def _plausible(text: str | None) -> bool:
    return text is not None and _bad_share(text) <= _MAX_BAD_SHARE


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeError:
        return None


def _cut_utf8(data: bytes) -> str | None:
    """UTF-8 whose last character was cut off (a truncated download): drop the partial character."""
    for cut in (1, 2, 3):
        text = _strict(data[:-cut], "utf-8-sig") if len(data) > cut else None
        if text is not None:
            return text
    return None


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (tried after GB18030): keep the text, drop the damage."""
    text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\ufffd", "") if text.count("\ufffd") <= max(4, len(text) // 200) else None


def decode_bytes(data: bytes, name: str = "") -> str:
    """Decode as UTF-16 (BOM or NUL pattern), UTF-8 (BOM optional), GB18030, or UTF-8 with rare bad bytes.

    A decoding counts only if the text is plausible: at most 5% control, private-use or unassigned chars.
    """
    attempts: list = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        attempts.append(lambda: _strict(data, "utf-16"))
    elif len(data) >= 4 and data.count(0) > len(data) // 4:   # UTF-16 without a BOM
        attempts += [lambda: _strict(data, "utf-16-le"), lambda: _strict(data, "utf-16-be")]
    attempts += [lambda: _strict(data, "utf-8-sig"), lambda: _cut_utf8(data),
                 lambda: _strict(data, "gb18030"), lambda: _damaged_utf8(data)]
    for attempt in attempts:
        text = attempt()
        if _plausible(text):
            return text
    raise InputError(f"{name} 看起来不是文本文件（无法按 UTF-8 或 GBK 编码读取，或含大量乱码控制字符）。"
                     "请用 Word 或记事本打开确认内容，另存为 UTF-8 文本后再导入。",
                     f"{name} does not look like a text file (not valid UTF-8 or GBK, or mostly control "
                     "characters). Check it and save it as UTF-8 text.")


def _strip_markdown(text: str) -> str:
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_EMPHASIS.sub(r"\2", text)


def read_plain(path: Path, name: str, limit: int, markdown: bool = False) -> str:
    with open(path, "rb") as handle:
        data = handle.read(limit)
    text = decode_bytes(data, name)
    return _strip_markdown(text) if markdown else text


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:          # a merged cell is repeated once per grid column
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())
            if text:
                cells.append(text)
        if cells:
            lines.append(CELL_SEPARATOR.join(cells))
    return lines


def read_docx(path: Path, name: str) -> str:
    """Paragraphs and table rows in document order; a row's cells joined by CELL_SEPARATOR."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                lines.append(block.text)
    except Exception as exc:  # zip, XML and package errors all mean the same thing to the user
        raise InputError(f"{name} 不是有效的 Word 文档（.docx 文件已损坏，或其实是旧版 .doc/WPS 格式）。"
                         "请用 Word 或 WPS 打开后另存为 .docx 再导入。",
                         f"{name} is not a valid .docx file (corrupt, or really an old .doc/WPS file): "
                         f"{type(exc).__name__}. Open it and save it as .docx.") from exc
    return "\n".join(lines)


def read_pdf(path: Path, name: str) -> str:
    """The PDF's text layer, with wrapped lines joined; a scan without text is an InputError."""
    import pypdf

    from retrieval.cleaning import join_wrapped_lines

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name} 有打开密码，无法读取。请去掉密码后再导入。",
                             f"{name} is password protected; remove the password and try again.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{name} 不是有效的 PDF 文件（文件可能已损坏）。",
                         f"{name} is not a valid PDF (it may be corrupt): {type(exc).__name__}.") from exc
    text = "\n".join(pages)
    if sum(1 for ch in text if not ch.isspace()) < _MIN_PDF_CHARS:
        raise InputError(f"{name} 里没有可提取的文字，看起来是扫描件（图片）。"
                         "请先用 OCR 软件识别成文字，或导入原始的 Word/文本文件。",
                         f"{name} has no text layer; it looks like a scanned image. Run OCR first "
                         "or import the original Word/text file.")
    if not _plausible(text):
        raise InputError(f"{name} 里的文字无法正确提取（字体缺少编码信息，提取出来是乱码）。请导入原始的 Word/文本文件。",
                         f"{name}: the PDF's text extracts as garbage (fonts without a Unicode map). "
                         "Import the original Word/text file instead.")
    return join_wrapped_lines(text)


def load_text(path: Path, suffix: str, name: str, limit: int) -> str:
    """Raw text of a supported file; suffix is lower-case with its dot (.txt, .md, .docx, .pdf)."""
    if suffix in (".txt", ".md"):
        return read_plain(path, name, limit, markdown=suffix == ".md")
    if suffix == ".docx":
        return read_docx(path, name)
    if suffix == ".pdf":
        return read_pdf(path, name)
    raise ValueError(f"unsupported suffix {suffix!r}")  # importing checks suffixes first
