"""The import of an existing contract ledger (合同台账), all or nothing: every row is read
from the workbook (ledger.py), checked by the same rules as registration and, as
history, for its signing, offline review and archive; if any row is wrong nothing is
written and every wrong row is reported ("第3行:统一社会信用代码校验位错误")."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.models import StatusChange
from fazhi.core.permissions import ServiceError, check_role

from .. import ledger
from ..models import WRITER_ROLES, Contract
from ..params import HISTORY_NOT_REVIEWED, NO_ARCHIVE_NUMBER
from .checks import RuleErrors, check, parse_date
from .contract import writer_unit

Status = Contract.Status


def history_fields(raw: dict, today: dt.date) -> dict:
    """Status, dates and the offline review of an imported historical contract."""
    status_text = ledger.cell_text(raw.get("status"))
    status = ledger.IMPORT_STATUSES.get(status_text)
    if status is None:
        raise ledger.RowError(
            f"状态“{status_text}”不正确:历史合同应为{'/'.join(ledger.IMPORT_STATUSES)}"
            "(登记、审核中的合同请在系统中登记并送审)"
        )
    out = {"status": status}
    for field in ("created_on", "signed_on", "archived_on"):
        value = raw.get(field)
        parsed = parse_date(value.date() if isinstance(value, dt.datetime) else value)
        if parsed == "bad":
            raise ledger.RowError(f"{ledger.LABELS[field]}格式不正确,应为 YYYY-MM-DD")
        if parsed and parsed > today:
            raise ledger.RowError(f"{ledger.LABELS[field]}不能晚于今天")
        out[field] = parsed
    if not out["signed_on"]:
        raise ledger.RowError("历史合同须填写签订日期")
    reference = ledger.cell_text(raw.get("review_reference"))
    if not reference:
        raise ledger.RowError(HISTORY_NOT_REVIEWED)
    if len(reference) > 200:
        raise ledger.RowError("线下审核记录不能超过200个字")
    out["review_reference"] = reference
    number = ledger.cell_text(raw.get("archive_number"))
    if len(number) > 64:
        raise ledger.RowError("档案号不能超过64个字")
    out["archive_number"] = number
    archived_states = {Status.ARCHIVED, Status.PERFORMING, Status.COMPLETED}
    if status in archived_states:
        if not number:
            raise ledger.RowError(NO_ARCHIVE_NUMBER)
        if not out["archived_on"]:
            raise ledger.RowError("已归档的合同须填写归档日期")
    if out["archived_on"] and out["archived_on"] < out["signed_on"]:
        raise ledger.RowError("归档日期不能早于签订日期")
    if out["created_on"] and out["created_on"] > out["signed_on"]:
        raise ledger.RowError("登记日期不能晚于签订日期")
    out["created_on"] = out["created_on"] or out["signed_on"]
    return out


def contracts_import(*, actor, uploaded_file, org_unit=None, on: dt.date | None = None):
    """Import an existing contract ledger into the actor's town, all or nothing. Returns
    the contracts created; on any bad row raises a ServiceError whose errors["rows"]
    lists every bad row in Chinese and writes nothing."""
    check_role(actor, WRITER_ROLES, "只有法治办工作人员可以导入合同台账")
    unit = writer_unit(actor, org_unit)
    today = on or clock.today()
    rows = ledger.read_rows(uploaded_file)
    if not rows:
        message = "表格中没有合同数据"
        raise ServiceError(message, errors={"file": [message]})
    taken = set(
        Contract.objects.filter(org_unit=unit)
        .exclude(archive_number="")
        .values_list("archive_number", flat=True)
    )
    seen: dict[str, int] = {}
    errors: list[str] = []
    good: list[Contract] = []
    for number, raw in rows:
        try:
            data = ledger.row_fields(raw, today)
            history = history_fields(raw, today)
            fields = check(data, unit).fields
        except ledger.RowError as exc:
            errors.append(f"第{number}行:{exc}")
            continue
        except RuleErrors as exc:
            for field, messages in exc.errors.items():
                label = ledger.LABELS.get(field, "")
                errors.extend(
                    f"第{number}行:{m}" if not label or label in m else f"第{number}行:{label}:{m}"
                    for m in messages
                )
            continue
        archive_number = history["archive_number"]
        if archive_number:
            if archive_number in taken:
                errors.append(f"第{number}行:档案号“{archive_number}”已被本镇其他合同使用")
                continue
            if archive_number in seen:
                errors.append(
                    f"第{number}行:档案号“{archive_number}”与第{seen[archive_number]}行重复"
                )
                continue
            seen[archive_number] = number
        signed_on = history["signed_on"]
        done = history["status"] in (Status.COMPLETED, Status.TERMINATED)
        good.append(
            Contract(
                org_unit=unit,
                created_by=actor,
                is_imported=True,
                reviewed_on=None,
                completed_on=(history["archived_on"] or signed_on) if done else None,
                **fields,
                **history,
            )
        )
    if errors:
        shown = errors[: ledger.MAX_ERRORS_SHOWN]
        if len(errors) > len(shown):
            shown.append(f"……另有{len(errors) - len(shown)}处错误未列出")
        raise ServiceError(
            f"导入失败:{len(errors)}处错误,未导入任何数据。请修改后重新上传。",
            errors={"rows": shown},
            code="import_invalid",
        )
    ct = ContentType.objects.get_for_model(Contract)
    for contract in good:
        contract.fill_search()  # bulk_create skips save()
    with transaction.atomic():
        created = Contract.objects.bulk_create(good, batch_size=500)
        StatusChange.objects.bulk_create(
            [
                StatusChange(
                    org_unit=unit,
                    content_type=ct,
                    object_id=c.pk,
                    verb="import",
                    label="导入历史台账",
                    from_status="",
                    to_status=c.status,
                    actor=actor,
                    note=f"线下审核记录:{c.review_reference}",
                )
                for c in created
            ],
            batch_size=500,
        )
        audit.record(
            verb="contract.import",
            actor=actor,
            obj=unit,
            org_unit=unit,
            object_type="contracts.contract",
            object_id=f"{created[0].pk}-{created[-1].pk}",
            object_repr=f"导入合同台账 {len(created)} 份",
            changes={
                "file": str(getattr(uploaded_file, "name", ""))[:200],
                "count": len(created),
                "ids": [c.pk for c in created][:1000],
            },
        )
    return created
