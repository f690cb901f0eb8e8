"""Import of an existing plan's task list: all or nothing, every bad row named in Chinese."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from fazhi.core.permissions import ServiceError
from fazhi.tasks import services
from fazhi.tasks.models import Task
from fazhi.tasks.services.ledger import HEADERS

from .conftest import snapshot

pytestmark = pytest.mark.django_db

GOOD = [
    "推进民主法治村创建",
    "",
    "",
    "修订村规民约",
    "东岙村",
    "",
    "",
    "",
    "2025-05-30",
    "村规民约文本",
]
NEW_ITEM = ["开展述法", "2025-03-03", "2025-12-31", "镇领导述法", "海屿镇", "司法所", "cadre", "",
            "2025-11-28", "述法报告"]  # fmt: skip


def workbook(*rows, name="任务清单.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for row in rows:
        ws.append(row)
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def test_a_good_list_is_imported_with_new_items(people, plan, item):
    created = services.plan_import(
        actor=people.officer, plan=plan, uploaded_file=workbook(GOOD, NEW_ITEM)
    )
    assert len(created) == 2
    assert [i.title for i in plan.items.order_by("seq")] == ["推进民主法治村创建", "开展述法"]
    office = Task.objects.get(title="镇领导述法")
    assert office.assignee == "海屿镇·司法所" and office.owner == people.cadre
    assert office.source == "import"
    assert Task.objects.get(title="修订村规民约").owner == people.village_cadre


def test_one_bad_row_writes_nothing_and_names_the_row(people, plan, item):
    bad_due = [*GOOD[:8], "2025-08-29", ""]
    bad_unit = [*GOOD[:4], "西岙村", *GOOD[5:]]
    before = snapshot(item)
    with pytest.raises(ServiceError) as exc:
        services.plan_import(
            actor=people.officer,
            plan=plan,
            uploaded_file=workbook(GOOD, bad_due, bad_unit, NEW_ITEM),
        )
    assert "未导入任何数据" in exc.value.message
    rows = exc.value.errors["rows"]
    assert any(r.startswith("第3行:") and "不能晚于上级工作要点" in r for r in rows)
    assert any(r.startswith("第4行:") and "责任单位“西岙村”不在海屿镇" in r for r in rows)
    assert len(rows) == 2
    assert snapshot(item) == before


def test_a_file_that_is_no_xlsx_is_refused(people, plan, item):
    before = snapshot(item)
    with pytest.raises(ServiceError, match="文件|格式|Excel"):
        services.plan_import(
            actor=people.officer,
            plan=plan,
            uploaded_file=SimpleUploadedFile("x.xlsx", b"not a workbook"),
        )
    assert snapshot(item) == before


def test_the_page_lists_the_row_errors(people, plan, item, login):
    client = login(people.officer)
    before = snapshot(item)
    bad = [*GOOD[:6], "nobody", *GOOD[7:]]
    response = client.post(reverse("tasks:plan_import", args=[plan.pk]), {"file": workbook(bad)})
    assert response.status_code == 400
    body = response.content.decode()
    assert "第2行:责任人账号“nobody”不是海屿镇的人员" in body
    assert snapshot(item) == before


def test_an_exported_ledger_imports_again(people, tree, plan, item, login):
    services.task_create(
        actor=people.officer, units=[tree.village_a1], item=item, title="甲", due="2025-05-30"
    )
    client = login(people.officer)
    content = client.get(reverse("tasks:task_export")).content
    created = services.plan_import(
        actor=people.officer, plan=plan, uploaded_file=SimpleUploadedFile("台账.xlsx", content)
    )
    assert [t.title for t in created] == ["甲"]
