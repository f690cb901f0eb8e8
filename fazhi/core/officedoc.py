"""Official documents as .docx in the GB/T 9704-2012 layout (legal-rules.md §9).

One writer for every document fazhi hands a person to sign, send or file (人民调解协议书,
信访处理意见书, the annual summary …): A4, margins 37/35/28/26 mm, title 2号 小标宋, body
3号 仿宋 at a fixed 28.95 pt line pitch (22 lines a page), headings 一、 in 黑体 and (一)
in 楷体, page numbers "— 1 —" in 4号 at the foot. Callers build a list of `Block`s and get
bytes back; they never touch python-docx themselves, so the layout is the same everywhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from django.http import HttpResponse

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Fonts a Chinese government office has; Word falls back to a similar face elsewhere.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"

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
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(28)
    _page_numbers(section)

    for block in blocks:
        paragraph = document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(28.95)
        fmt.space_before = fmt.space_after = Pt(0)
        size, font, align, indent = {
            "title": (22, TITLE_FONT, WD_ALIGN_PARAGRAPH.CENTER, False),
            "subtitle": (16, H2_FONT, WD_ALIGN_PARAGRAPH.CENTER, False),
            "h1": (16, H1_FONT, None, True),
            "h2": (16, H2_FONT, None, True),
            "body": (16, BODY_FONT, WD_ALIGN_PARAGRAPH.JUSTIFY, True),
            "plain": (16, BODY_FONT, None, False),
            "right": (16, BODY_FONT, WD_ALIGN_PARAGRAPH.RIGHT, False),
            "field": (16, BODY_FONT, None, False),
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


def _page_numbers(section):
    """"— N —" centred in the footer, 4号 (14 pt) 宋体, as a PAGE field Word fills in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "— ", "宋体", 14)
    run = _run(paragraph, "", "宋体", 14)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _run(paragraph, " —", "宋体", 14)


def text_of(content: bytes) -> str:
    """The paragraphs of a .docx as plain text, one per line (for tests and previews)."""
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@dataclass(frozen=True)
class OfficeDocument:
    """A generated document: the name the browser saves and its bytes."""

    filename: str
    content: bytes

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, content_type=DOCX_TYPE)
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(self.filename)}"
        return response
