"""PDF is optional (issue 12 item 2): where LibreOffice is installed the summary also
downloads as PDF, converted from the very .docx it exports; where it is not, the page
offers only the .docx and a PDF request says why, in Chinese, writing nothing.

The conversion is LibreOffice's; these tests stand a small script in for `soffice` (it
answers as soffice does: `--outdir DIR FILE.docx` → DIR/FILE.pdf) so they run on any
machine, and check what fazhi does around it: the same document, the audit, the refusals."""

from __future__ import annotations

import io
import stat

import pytest
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.core.officedoc import PDF_TYPE, text_of

from .conftest import YEAR
from .test_report_command import refused, run

pytestmark = pytest.mark.django_db

FAKE_SOFFICE = """#!/bin/sh
# Stands in for LibreOffice: "converts" by copying the .docx it was given to OUTDIR/<name>.pdf.
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift 2;;
    *.docx) src="$1"; shift;;
    *) shift;;
  esac
done
name=$(basename "$src" .docx)
cp "$src" "$out/$name.pdf"
"""


@pytest.fixture
def soffice(tmp_path, monkeypatch):
    script = tmp_path / "soffice"
    script.write_text(FAKE_SOFFICE)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("FAZHI_SOFFICE", str(script))
    return script


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setenv("FAZHI_SOFFICE", "")


def _grid_type(content: bytes) -> str:
    from docx import Document
    from docx.oxml.ns import qn

    section = Document(io.BytesIO(content)).sections[0]
    return section._sectPr.find(qn("w:docGrid")).get(qn("w:type"))


def url(name, tree):
    return reverse(name, kwargs={"unit_id": tree.town_a.pk, "year": YEAR})


def test_the_summary_downloads_as_pdf_converted_from_its_docx(soffice, fake, tree, people, login):
    client = login(people.officer)
    assert 'data-testid="download-pdf"' in client.get(url("annual_preview", tree)).content.decode()
    docx = client.get(url("annual_docx", tree)).content
    response = client.get(url("annual_pdf", tree))
    assert response["Content-Type"] == PDF_TYPE
    converted = response.content  # what LibreOffice was given
    assert text_of(converted) == text_of(docx)
    # LibreOffice cannot squeeze 3号 into Word's 28-character pitch: it gets the lines grid.
    assert _grid_type(docx) == "linesAndChars" and _grid_type(converted) == "lines"
    assert ".pdf" in response["Content-Disposition"]
    formats = AuditEvent.objects.filter(verb="annual_report.export").values_list(
        "changes__format", flat=True
    )
    assert sorted(formats) == ["docx", "pdf"]


def test_the_command_writes_a_pdf_where_libreoffice_is(soffice, fake, tree, tmp_path):
    out = tmp_path / "总结.pdf"
    run("annual", "--unit", "339901101", "--year", str(YEAR), "--output", str(out))
    assert text_of(out.read_bytes()).startswith("2023年海屿镇法治政府建设工作总结")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["总结.pdf"]


def test_without_libreoffice_only_the_docx_is_offered_and_a_pdf_is_refused(
    no_soffice, fake, tree, people, login, tmp_path
):
    client = login(people.officer)
    page = client.get(url("annual_preview", tree)).content.decode()
    assert 'data-testid="download-docx"' in page and "download-pdf" not in page
    response = client.get(url("annual_pdf", tree), follow=True)
    assert "本服务器未安装 LibreOffice" in response.content.decode()
    assert not AuditEvent.objects.filter(verb="annual_report.export").exists()
    out = tmp_path / "总结.pdf"
    assert "未安装 LibreOffice" in refused(
        "annual", "--unit", "339901101", "--year", str(YEAR), "--output", str(out)
    )
    assert not out.exists()
