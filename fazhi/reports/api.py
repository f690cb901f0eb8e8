"""Reports through the API: each app's figures for a town or county and a year, as numbers
and ready Chinese sentences; and the annual 法治政府建设工作总结 as the preview shows it
(every paragraph with the figures bound to the records they count), one paragraph's prose
edited, approval, and the .docx. The same services as the pages (services/annual.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router
from ninja.responses import codes_4xx

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.schemas import ErrorOut, Id, Schema, StrictIn

from . import compose, selectors, services
from .models import AnnualReport

router = Router(tags=["报表数据"])


class FigureOut(Schema):
    key: str = Field(..., title="指标代码")
    label: str = Field(..., title="指标")
    value: int | float = Field(..., title="数值(件数为整数,比率为百分数)")
    unit: str = Field(..., title="单位")
    sentence: str = Field(..., title="表述")
    section: str = Field(..., title="所属章节")
    breakdown: dict = Field(..., title="分项")


class FiguresOut(Schema):
    unit_id: int
    unit_name: str
    year: int
    counted_at: datetime | None = Field(
        None, title="统计时间(汇总在复用时长内复用同一次统计;为空即实时统计)"
    )
    figures: list[FigureOut]


class FiguresQuery(Schema):
    unit_id: Id = Field(..., title="乡镇或县的单位ID")
    year: int = Field(None, ge=2000, le=2100, title="年度(默认今年)")
    fresh: bool = Field(False, title="全县汇总:不复用,立即重新统计")


@router.get("/figures", response={200: FiguresOut, codes_4xx: ErrorOut}, url_name="report_figures")
def report_figures(request, query: Query[FiguresQuery]):
    """一个乡镇(或全县)某年度的各项工作数据,每项含数值和可直接用于总结的表述。"""
    check_role(request.user, selectors.FIGURE_READER_ROLES, "无权查看报表数据")
    unit = get_object_or_404(OrgUnit, pk=query.unit_id)
    year = query.year or clock.today().year
    figures, counted_at = selectors.figures_for(request.user, unit, year, fresh=query.fresh)
    return {
        "unit_id": unit.pk,
        "unit_name": unit.name,
        "year": year,
        "counted_at": counted_at,
        "figures": [f.__dict__ for f in figures],
    }


# --- the annual summary -------------------------------------------------------------------

ERRORS = {codes_4xx: ErrorOut}
Year = Annotated[int, Field(ge=2000, le=2100)]


class FactOut(Schema):
    value: int | str = Field(..., title="数值")
    label: str = Field(..., title="统计的是什么")
    url: str = Field(..., title="所统计记录的列表(页面地址)")


class ParagraphOut(Schema):
    key: str = Field(..., title="段落代码")
    where: str = Field(..., title="所在位置")
    text: str = Field(..., title="正文")
    template: str = Field(..., title="可修改的表述({0}、{1}…为绑定的数字)")
    edited: bool = Field(..., title="是否已修改")
    facts: list[FactOut] = Field(..., title="绑定的数字")


class AnnualOut(Schema):
    unit_id: int
    unit_name: str
    year: int
    title: str = Field(..., title="标题")
    has_data: bool = Field(..., title="该年度有无台账数据")
    status: str = Field(..., title="状态(未保存过为 draft)")
    version: int = Field(..., title="版本")
    paragraphs: list[ParagraphOut]


class ParagraphIn(StrictIn):
    text: str = Field(
        ..., max_length=4000, title="新的表述", description="保留 {0}、{1}… 各一次;空串恢复原文"
    )


class AnnualTransitionIn(StrictIn):
    note: str = Field("", max_length=2000, title="说明")


def _readable_unit(user, unit_id: int, refusal: str) -> OrgUnit:
    """A town or county in the person's scope, for someone whose role reads summaries
    (else 403 with `refusal`); a unit outside the scope is 404 (never confirmed)."""
    check_role(user, services.READER_ROLES, refusal)
    unit = get_object_or_404(OrgUnit, pk=unit_id)
    try:
        services.check_readable(user, unit)
    except ServiceError:
        raise Http404 from None
    return unit


def _annual(unit: OrgUnit, year: int) -> dict:
    report = AnnualReport.objects.filter(org_unit=unit, year=year).first()
    document = compose.compose(unit, year, report.edits if report else {})
    return {
        "unit_id": unit.pk,
        "unit_name": unit.name,
        "year": year,
        "title": document.title,
        "has_data": document.has_data,
        "status": report.status if report else AnnualReport.Status.DRAFT,
        "version": report.version if report else 0,
        "paragraphs": [
            {
                "key": p.key,
                "where": document.where(p.key),
                "text": p.text(),
                "template": p.template,
                "edited": p.edited,
                "facts": [f.__dict__ for f in p.facts],
            }
            for p in document.paragraphs()
        ],
    }


@router.get(
    "/annual/{unit_id}/{year}",
    response={200: AnnualOut, **ERRORS},
    url_name="annual_get",
    summary="年度法治政府建设工作总结(与预览相同的段落和绑定数字)",
)
def annual_get(request, unit_id: Id, year: Year):
    return _annual(_readable_unit(request.auth, unit_id, "无权查看年度总结"), year)


@router.patch(
    "/annual/{unit_id}/{year}/paragraphs/{key}",
    response={200: AnnualOut, **ERRORS},
    url_name="annual_paragraph",
    summary="修改一段的表述(数字绑定台账,不能改写;每次保存生成新版本)",
)
def annual_paragraph(request, unit_id: Id, year: Year, key: str, payload: ParagraphIn):
    unit = _readable_unit(request.auth, unit_id, "无权修改年度总结")
    services.paragraph_edit(actor=request.auth, unit=unit, year=year, key=key, text=payload.text)
    return _annual(unit, year)


@router.post(
    "/annual/{unit_id}/{year}/transitions/{verb}",
    response={200: AnnualOut, **ERRORS},
    url_name="annual_transition",
    summary="审定(approve)或退回修改(reopen)",
)
def annual_transition(
    request,
    unit_id: Id,
    year: Year,
    verb: Literal["approve", "reopen"],
    payload: AnnualTransitionIn,
):
    unit = _readable_unit(request.auth, unit_id, "无权审定年度总结")
    services.report_step(actor=request.auth, unit=unit, year=year, verb=verb, note=payload.note)
    return _annual(unit, year)


@router.get(
    "/annual/{unit_id}/{year}/docx",
    response={200: None, **ERRORS},
    url_name="annual_docx",
    summary="下载 .docx(GB/T 9704 版式)",
)
def annual_docx(request, unit_id: Id, year: Year):
    unit = _readable_unit(request.auth, unit_id, "无权导出年度总结")
    return services.report_export(actor=request.auth, unit=unit, year=year).response()
