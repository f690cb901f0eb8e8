"""The annual 法治政府建设工作总结及工作思路 of a town (or the county) for a year: the
officer's prose edits per point (the figures stay bound to their records), every saved
version, the leader's approval and the export lock.

The document itself is never stored: it is composed from every app's contribution each
time it is opened (compose.py), so figures always show the ledgers as they stand."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from fazhi.core import clock
from fazhi.core.models import OrgUnit
from fazhi.core.scoping import ScopedQuerySet


class AnnualReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "起草中"
        APPROVED = "approved", "已审定"

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    # {point key: prose with {0}, {1} … where the bound figures go}
    edits = models.JSONField("修改的表述", default=dict, blank=True)
    version = models.PositiveIntegerField("版本", default=0)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField("审定日期", null=True, blank=True)
    # Set while an export runs (the lock); a stale one (a crashed process) expires.
    exporting_since = models.DateTimeField("导出开始时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("创建时间", default=clock.now)
    updated_at = models.DateTimeField("修改时间", default=clock.now)

    objects = ScopedQuerySet.as_manager(scope_field="org_unit")

    class Meta:
        verbose_name = "法治政府建设年度报告"
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "year"], name="reports_annual_unit_year")
        ]
        indexes = [models.Index(fields=["year", "id"], name="reports_annual_year_idx")]

    def __str__(self) -> str:
        return f"{self.year}年{self.org_unit.name}法治政府建设工作总结"


class AnnualReportVersion(models.Model):
    """One saved state of the edits (each save makes one), newest first on the page."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    edits = models.JSONField("修改的表述", default=dict)
    note = models.CharField("说明", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("保存时间", default=clock.now)

    class Meta:
        verbose_name = "年度报告版本"
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reports_version_number")
        ]

    def __str__(self) -> str:
        return f"第{self.number}版"
