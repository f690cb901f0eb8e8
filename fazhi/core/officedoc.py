"""Official documents as .docx in the GB/T 9704-2012 layout (legal-rules.md §9).

One writer for every document fazhi hands a person to sign, send or file (人民调解协议书,
信访处理意见书, the annual summary, the 旬报 …): A4, margins 37/35/28/26 mm (版心 156 × 225
mm), title 2号 小标宋, body 3号 仿宋 on a document grid of 22 lines × 28 characters,
headings 一、 in 黑体 and (一) in 楷体, page numbers "— 1 —" in 4号 半角 宋体 on the outer
side (odd pages right, even pages left, one character in from the text edge). Callers build a list of `Block`s and get
bytes back; they never touch python-docx themselves, so the layout is the same everywhere.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import quote

from django.http import HttpResponse

from .permissions import ServiceError

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
PDF_TIMEOUT_S = 120

# Fonts a Chinese government office has; Word falls back to a similar face elsewhere.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"

# GB/T 9704-2012 7.1–7.2: the page and its text area (版心), in millimetres and points.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}  # 天头 37, 订口 28
TEXT_AREA_MM = (156, 225)
LINES, CHARS = 22, 28
BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16, 22, 14  # 3号, 2号, 4号
LINE_PITCH_PT = 28.95  # 225 mm / 22 lines, rounded down so the 22nd line still fits

KINDS = ("title", "subtitle", "h1", "h2", "body", "plain", "right", "field")


@dataclass(frozen=True)
class Block:
    """One paragraph. `kind`:
    - title: centred, 2号 小标宋; subtitle: centred 3号 楷体 (e.g. a document number);
    - h1 (一、…) 黑体; h2 ((一)…) 楷体; body: first-line indent of two characters;
    - plain: no indent (addressee lines); right: right-aligned (signature, date);
    - field: "label:value" on one line, the label in 黑体 (forms such as 协议书).
    """

    kind: str
    text: str
    label: str = ""

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


def cn_date(day: date) -> str:
    """Dates in Arabic numerals without leading zeros, as §9 asks: 2024年1月8日."""
    return f"{day.year}年{day.month}月{day.day}日"


def build(blocks: list[Block]) -> bytes:
    """The .docx bytes of `blocks` in the official layout."""
    from docx import Document  # lazy: python-docx costs ~0.1 s to import
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(28)
    _default_font(document)
    _grid(section)
    _page_numbers(document, section)

    for block in blocks:
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PITCH_PT)
        fmt.space_before = fmt.space_after = Pt(0)
        size, font, align, indent = {
            "title": (TITLE_PT, TITLE_FONT, WD_ALIGN_PARAGRAPH.CENTER, False),
            "subtitle": (BODY_PT, H2_FONT, WD_ALIGN_PARAGRAPH.CENTER, False),
            "h1": (BODY_PT, H1_FONT, None, True),
            "h2": (BODY_PT, H2_FONT, None, True),
            "body": (BODY_PT, BODY_FONT, WD_ALIGN_PARAGRAPH.JUSTIFY, True),
            "plain": (BODY_PT, BODY_FONT, None, False),
            "right": (BODY_PT, BODY_FONT, WD_ALIGN_PARAGRAPH.RIGHT, False),
            "field": (BODY_PT, BODY_FONT, None, False),
        }[block.kind]
        if block.kind == "title":
            fmt.line_spacing = Pt(36)
        if align is not None:
            paragraph.alignment = align
        if indent:
            fmt.first_line_indent = Pt(32)
        if block.kind == "field" and block.label:
            _run(paragraph, f"{block.label}:", H1_FONT, size)
        _run(paragraph, block.text, font, size)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _run(paragraph, text: str, font: str, size: int):
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.name = font
    # East-Asian text takes the eastAsia font, not the Latin name above.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return run


def _default_font(document):
    """仿宋 3号 as the document's Normal style: the grid's character pitch is counted
    from it, and any paragraph a reader adds in Word starts in the body face."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def grid_char_space() -> int:
    """The grid's extra pitch per character (1/4096 pt) so 28 characters of 3号 fill the
    156 mm line exactly (GB/T 9704 7.2: 28 characters a line)."""
    pitch_pt = TEXT_AREA_MM[0] / 25.4 * 72 / CHARS
    return round((pitch_pt - BODY_PT) * 4096)


def _grid(section):
    """The document grid (文档网格): 22 lines × 28 characters on the text area."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    grid.set(qn("w:charSpace"), str(grid_char_space()))


def _page_numbers(document, section):
    """ "— N —" in 4号 半角 宋体 as a PAGE field Word fills in, on the outer side: odd pages
    right and even pages left, one character in (GB/T 9704 7.5)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = True
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT)
    even = section.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT)
    for paragraph in (odd, even):
        _page_field(paragraph)


def _page_field(paragraph):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _run(paragraph, "— ", "宋体", PAGE_NUMBER_PT)
    run = _run(paragraph, "", "宋体", PAGE_NUMBER_PT)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _run(paragraph, " —", "宋体", PAGE_NUMBER_PT)


def text_of(content: bytes) -> str:
    """The paragraphs of a .docx as plain text, one per line (for tests and previews)."""
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@dataclass(frozen=True)
class OfficeDocument:
    """A generated document: the name the browser saves and its bytes."""

    filename: str
    content: bytes

    def as_pdf(self) -> OfficeDocument:
        """The same document as PDF, converted by LibreOffice (see `to_pdf`)."""
        return replace(self, filename=str(Path(self.filename).with_suffix(".pdf")),
                       content=to_pdf(self.content))  # fmt: skip

    def response(self) -> HttpResponse:
        pdf = self.filename.lower().endswith(".pdf")
        response = HttpResponse(self.content, content_type=PDF_TYPE if pdf else DOCX_TYPE)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(self.filename)}"
        return response


# --- PDF (optional: only where LibreOffice is installed) -------------------------------------

PDF_UNAVAILABLE = "本服务器未安装 LibreOffice,无法导出 PDF;请下载 .docx 后自行转换"


def pdf_converter() -> str | None:
    """LibreOffice's command, or None: PDF is optional (issue 12), the .docx is the
    document. FAZHI_SOFFICE names another binary (or "" to turn PDF off)."""
    configured = os.environ.get("FAZHI_SOFFICE")
    if configured is not None:
        return shutil.which(configured) if configured else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(content: bytes) -> bytes:
    """A .docx as PDF through LibreOffice headless. Each conversion has its own profile
    directory (two at once would otherwise fight over one profile's lock) and a time limit;
    a failure is a clear Chinese error, never a half-written file."""
    soffice = pdf_converter()
    if soffice is None:
        raise ServiceError(PDF_UNAVAILABLE, code="pdf_unavailable")
    with tempfile.TemporaryDirectory(prefix="fazhi-pdf-") as work:
        source = Path(work) / "document.docx"
        source.write_bytes(_grid_for_libreoffice(content))
        command = [
            soffice, f"-env:UserInstallation={Path(work, 'profile').as_uri()}",
            "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, str(source),
        ]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT_S, check=True)
            return (Path(work) / "document.pdf").read_bytes()
        except (OSError, subprocess.SubprocessError):
            raise ServiceError("PDF 转换失败,请稍后重试或下载 .docx", code="pdf_failed") from None


def _grid_for_libreoffice(content: bytes) -> bytes:
    """The grid as LibreOffice can follow it. Word fits 28 characters of 3号 into the
    156 mm line by narrowing the grid's pitch below the glyph (15.8 pt for a 16 pt
    character); LibreOffice instead gives such a character two cells, which would print
    14 characters a line. Without character snapping it sets them at their natural
    width: 27 a line, 22 lines a page, the faces and sizes unchanged."""
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(content))
    for section in document.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is not None:
            grid.set(qn("w:type"), "lines")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
