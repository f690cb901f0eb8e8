"""The exported summary opened with python-docx: GB/T 9704-2012's numbers (A4, 天头 37 mm,
订口 28 mm, 版心 156 × 225 mm, 22 lines × 28 characters of 3号 仿宋_GB2312, title 2号
方正小标宋简体, 一级 黑体, 二级 楷体_GB2312, page numbers 4号 "— N —" on the outer side), the
headings in order, and every paragraph (each figure sentence) of the town-year."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from fazhi.reports import compose, services

from .conftest import YEAR

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(fake, tree, people):
    content = services.report_export(actor=people.officer, unit=tree.town_a, year=YEAR).content
    return docx.Document(io.BytesIO(content)), compose.compose(tree.town_a, YEAR)


def east_asian(run) -> str:
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_page_and_text_area(exported):
    document, _ = exported
    s = document.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    assert (round(s.top_margin.mm), round(s.left_margin.mm)) == (37, 28)  # 天头, 订口
    text_w = s.page_width.mm - s.left_margin.mm - s.right_margin.mm
    text_h = s.page_height.mm - s.top_margin.mm - s.bottom_margin.mm
    assert (round(text_w), round(text_h)) == (156, 225)  # 版心
    grid = s._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars"
    line_pitch_pt = int(grid.get(qn("w:linePitch"))) / 20
    assert int(text_h / 25.4 * 72 / line_pitch_pt) == 22  # 22 lines a page
    char_pitch_pt = 16 + int(grid.get(qn("w:charSpace"))) / 4096
    assert round(text_w / 25.4 * 72 / char_pitch_pt) == 28  # 28 characters a line


def test_fonts_and_sizes_by_level(exported):
    document, doc = exported
    by_text = {p.text: p for p in document.paragraphs}
    title = by_text[doc.title]
    assert title.runs[0].font.size == Pt(22) and east_asian(title.runs[0]) == "方正小标宋简体"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    h1 = by_text["一、法治建设工作开展情况"].runs[0]
    h2 = by_text["（一）组织领导到位,压实法治建设主体责任"].runs[0]
    body = by_text[doc.preamble.text()].runs[0]
    assert (east_asian(h1), h1.font.size) == ("黑体", Pt(16))
    assert (east_asian(h2), h2.font.size) == ("楷体_GB2312", Pt(16))
    assert (east_asian(body), body.font.size) == ("仿宋_GB2312", Pt(16))


def test_page_numbers_on_the_outer_side(exported):
    document, _ = exported
    s = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        assert footer.text == "—  —" and "PAGE" in footer._element.xml  # "— N —", N filled by Word
        assert {r.font.size for r in footer.runs} == {Pt(14)}  # 4号


def test_headings_in_order_and_every_sentence(exported):
    document, doc = exported
    texts = [p.text for p in document.paragraphs]
    positions = [texts.index(h) for h in doc.headings()]
    assert positions == sorted(positions)
    for paragraph in doc.paragraphs():
        assert paragraph.text() in texts
    assert "一是成立法治政府领导小组,全年开展法治理论专题学习4次,专题部署3次。" in texts
    assert "一是加强规范性文件管理,审核行政规范性文件2件,行政协议105件。" in texts
