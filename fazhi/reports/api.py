"""Figures for reports through the API: each app's facts for a town or county and a year,
as numbers and ready Chinese sentences (the same figures the annual summary uses)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import codes_4xx

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import check_role
from fazhi.core.schemas import ErrorOut, Id

from . import selectors

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
    figures: list[FigureOut]


class FiguresQuery(Schema):
    unit_id: Id = Field(..., title="乡镇或县的单位ID")
    year: int = Field(None, ge=2000, le=2100, title="年度(默认今年)")


@router.get("/figures", response={200: FiguresOut, codes_4xx: ErrorOut}, url_name="report_figures")
def report_figures(request, query: Query[FiguresQuery]):
    """一个乡镇(或全县)某年度的各项工作数据,每项含数值和可直接用于总结的表述。"""
    check_role(request.user, selectors.FIGURE_READER_ROLES, "无权查看报表数据")
    unit = get_object_or_404(OrgUnit, pk=query.unit_id)
    year = query.year or clock.today().year
    figures = selectors.figures_for(request.user, unit, year)
    return {
        "unit_id": unit.pk,
        "unit_name": unit.name,
        "year": year,
        "figures": [f.__dict__ for f in figures],
    }
