"""The one official-document writer: GB/T 9704 page, fonts and page numbers."""

from datetime import date

import docx
import pytest
from docx.shared import Pt

from fazhi.core import officedoc
from fazhi.core.officedoc import Block


def _open(content):
    import io

    return docx.Document(io.BytesIO(content))


def test_page_layout_fonts_and_page_number():
    content = officedoc.build(
        [
            Block("title", "人民调解协议书"),
            Block("field", "张某", label="当事人"),
            Block("h1", "一、纠纷事实"),
            Block("body", "双方因宅基地边界发生争议。"),
            Block("right", officedoc.cn_date(date(2024, 1, 8))),
        ]
    )
    document = _open(content)
    section = document.sections[0]
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
    assert round(section.page_width.mm) == 210
    title, field, h1, body, signed = document.paragraphs
    assert title.runs[0].font.size == Pt(22)
    assert title.runs[0].font.name == officedoc.TITLE_FONT
    assert field.text == "当事人:张某" and field.runs[0].font.name == officedoc.H1_FONT
    assert h1.runs[0].font.name == officedoc.H1_FONT
    assert body.runs[0].font.name == officedoc.BODY_FONT and body.runs[0].font.size == Pt(16)
    assert signed.text == "2024年1月8日"
    footer_xml = section.footer.paragraphs[0]._element.xml
    assert "PAGE" in footer_xml and "— " in section.footer.paragraphs[0].text
    assert officedoc.text_of(content).splitlines()[0] == "人民调解协议书"


def test_unknown_block_kind_refused():
    with pytest.raises(ValueError):
        Block("banner", "x")


def test_response_names_the_file():
    response = officedoc.OfficeDocument("调解协议书.docx", b"PK").response()
    assert response["Content-Type"] == officedoc.DOCX_TYPE
    assert "%E8%B0%83" in response["Content-Disposition"]
