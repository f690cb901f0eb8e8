"""The contract ledger: .xlsx export, the blank template, and the all-or-nothing import
with a per-row Chinese error report."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from fazhi.contracts import ledger, services
from fazhi.contracts.demo import credit_code
from fazhi.contracts.models import Contract
from fazhi.core.models import AuditEvent, StatusChange
from fazhi.core.permissions import ServiceError

from .helpers import fields

pytestmark = pytest.mark.django_db


def row(n, **over):
    data = dict(zip(ledger.HEADERS, [
        f"历史合同{n}", "采购合同(服务)", f"示例服务公司{n}", "否", credit_code(n), "是", 50000,
        "2025-01-01", "2025-12-31", 30, "否", "否", "诉讼", "", "", "", "", "已归档",
        "2024-12-20", "2024-12-28", f"线下审核 海司审〔2024〕{n}号", f"HT-2024-{n:03d}", "2025-01-03",
    ], strict=True))  # fmt: skip
    data.update(over)
    return [data[h] for h in ledger.HEADERS]


def xlsx(rows, headers=None) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(headers or ledger.HEADERS)
    for r in rows:
        ws.append(r)
    out = BytesIO()
    wb.save(out)
    return SimpleUploadedFile("台账.xlsx", out.getvalue())


def counts():
    return Contract.objects.count(), StatusChange.objects.count(), AuditEvent.objects.count()


def test_good_file_imports_every_row(people):
    created = services.contracts_import(
        actor=people.officer, uploaded_file=xlsx([row(i) for i in range(1, 6)])
    )
    assert len(created) == 5
    c = Contract.objects.get(title="历史合同3")
    assert c.status == "archived" and c.is_imported and c.review_reference.startswith("线下审核")
    assert c.signed_on == date(2024, 12, 28) and c.archive_number == "HT-2024-003"
    assert services.review_done(c)
    assert AuditEvent.objects.filter(verb="contract.import").count() == 1


def test_one_bad_row_writes_nothing_and_names_each_row(people):
    bad_code = credit_code(3)[:-1] + ("0" if credit_code(3)[-1] != "0" else "1")
    rows = [
        row(1),
        row(2, **{"统一社会信用代码": bad_code}),
        row(3, **{"付款期限(日)": 90, "付款期限经双方约定": "是"}),
        row(4, **{"合同类型*": "政府与社会资本合作协议", "含仲裁条款": "是"}),
        row(5, **{"线下审核记录": ""}),
        row(6, **{"档案号": "HT-2024-001"}),
        row(7, **{"合同金额(元)*": "很多"}),
    ]
    before = counts()
    with pytest.raises(ServiceError) as exc:
        services.contracts_import(actor=people.officer, uploaded_file=xlsx(rows))
    assert counts() == before
    errors = exc.value.errors["rows"]
    text = "\n".join(errors)
    assert "第3行:统一社会信用代码校验位错误" in text
    assert "第4行" in text and "60日" in text
    assert "第5行" in text and "仲裁" in text
    assert "第6行" in text and "线下审核记录" in text
    assert "第7行" in text and "与第2行重复" in text
    assert "第8行" in text and "合同金额" in text
    assert not any(e.startswith("第2行") for e in errors)
    assert "未导入任何数据" in exc.value.message


def test_wrong_files_are_refused(people):
    with pytest.raises(ServiceError, match="表头缺少必填列"):
        services.contracts_import(
            actor=people.officer, uploaded_file=xlsx([["x"]], headers=["名称"])
        )
    with pytest.raises(ServiceError):
        services.contracts_import(
            actor=people.officer, uploaded_file=SimpleUploadedFile("a.xlsx", b"not a zip")
        )
    with pytest.raises(ServiceError, match="没有合同数据"):
        services.contracts_import(actor=people.officer, uploaded_file=xlsx([]))
    with pytest.raises(ServiceError) as exc:
        services.contracts_import(
            actor=people.officer, uploaded_file=xlsx([row(1, **{"状态*": "登记"})])
        )
    assert "第2行:状态“登记”不正确:历史合同应为" in exc.value.errors["rows"][0]
    with pytest.raises(ServiceError) as exc:
        services.contracts_import(
            actor=people.officer, uploaded_file=xlsx([row(1, **{"登记日期": "2025-06-01"})])
        )
    assert exc.value.errors["rows"] == ["第2行:登记日期不能晚于签订日期"]
    assert Contract.objects.count() == 0


def test_import_page_shows_row_errors(people, login):
    client = login(people.officer)
    assert "下载导入模板" in client.get(reverse("contracts:contract_import")).content.decode()
    r = client.post(
        reverse("contracts:contract_import"),
        {"file": xlsx([row(1), row(2, **{"统一社会信用代码": "123"})])},
    )
    assert r.status_code == 400
    body = r.content.decode()
    assert "第3行" in body and "18位" in body
    assert Contract.objects.count() == 0
    r = client.post(reverse("contracts:contract_import"), {"file": xlsx([row(1)])})
    assert r.status_code == 302 and Contract.objects.count() == 1


def test_template_is_a_valid_import(people, login):
    r = login(people.officer).get(reverse("contracts:contract_import_template"))
    assert r.status_code == 200
    created = services.contracts_import(
        actor=people.officer, uploaded_file=SimpleUploadedFile("模板.xlsx", r.content)
    )
    assert len(created) == 1


def test_export_round_trips_through_import(people, login, tree):
    services.contract_create(actor=people.officer, **fields())
    services.contracts_import(actor=people.officer, uploaded_file=xlsx([row(1), row(2)]))
    r = login(people.leader).get(reverse("contracts:contract_export"))
    assert r.status_code == 200
    ws = load_workbook(BytesIO(r.content), read_only=True).worksheets[0]
    values = list(ws.iter_rows(values_only=True))
    assert list(values[0][: len(ledger.HEADERS)]) == ledger.HEADERS
    assert len(values) == 4
    assert AuditEvent.objects.filter(verb="contract.export").exists()
    # The exported imported rows import again into another town (B) unchanged.
    imported_rows = [v[: len(ledger.HEADERS)] for v in values[1:] if v[17] == "已归档"]
    created = services.contracts_import(
        actor=people.officer_b, uploaded_file=xlsx([list(r) for r in imported_rows])
    )
    assert len(created) == 2 and {c.org_unit for c in created} == {tree.town_b}
