"""The task ledger (任务分解台账) as .xlsx: the export of the tasks one sees, and the import
of an existing plan's task list into a town's plan — all or nothing, every bad row named
("第3行:责任单位“西岙村”不在本镇"). Import and export share their first columns, so an
exported ledger imports again."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.models import OrgUnit, StatusChange, User
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.uploads import inspect_upload
from fazhi.core.xlsx import Ledger, build_xlsx, export_ledger

from ..models import Plan, PlanItem, Task
from ..selectors import tasks_for_export
from .common import owner_choices
from .plan import check_item_dates, planner_of
from .task import check_due, check_unit, pick_owner

MAX_ROWS = 20_000
MAX_ERRORS_SHOWN = 200
# (header, key) — "*" marks a required column; the template's order.
COLUMNS = [
    ("工作要点*", "item"),
    ("要点开始日期", "item_starts_on"),
    ("要点完成期限", "item_deadline"),
    ("任务内容*", "title"),
    ("责任单位*", "unit"),
    ("责任站所(中心)", "office"),
    ("责任人账号", "owner"),
    ("开始日期", "starts_on"),
    ("完成期限*", "due"),
    ("佐证要求", "evidence_required"),
]
HEADERS = [h for h, _ in COLUMNS]
EXPORT_EXTRA = ["责任人", "状态", "进度(%)", "完成日期", "来源", "上级任务"]
REQUIRED = [k for h, k in COLUMNS if h.endswith("*")]
LABELS = {k: h.rstrip("*") for h, k in COLUMNS}


def _iso(d) -> str:
    return d.isoformat() if d else ""


def task_export(*, actor, filters: dict) -> Ledger:
    tasks = list(tasks_for_export(actor, **filters))
    rows = [
        [
            t.item.title,
            _iso(t.item.starts_on),
            _iso(t.item.deadline),
            t.title,
            t.org_unit.name,
            t.office,
            t.owner.username,
            _iso(t.starts_on),
            _iso(t.due),
            t.evidence_required,
            str(t.owner),
            t.get_status_display(),
            100 if t.status == Task.Status.DONE else t.progress,
            _iso(t.done_on),
            t.get_source_display(),
            t.parent.title if t.parent_id else "",
        ]
        for t in tasks
    ]
    return export_ledger(
        actor=actor,
        verb="task.export",
        name="任务分解台账_",
        sheets=[("任务分解台账", HEADERS + EXPORT_EXTRA, rows)],
        counts={"tasks": len(rows)},
        filters={k: str(v) for k, v in filters.items() if v},
        model=Task,
        summary=f"导出任务分解台账 {len(rows)} 项",
    )


def template_xlsx() -> bytes:
    example = ["依法治村“民主法治村”创建", "2025-01-02", "2025-12-31", "修订完善村规民约", "东岙村",
               "", "", "2025-03-03", "2025-06-30", "修订后的村规民约文本、村民代表会议记录"]  # fmt: skip
    return build_xlsx("任务分解导入模板", HEADERS, [example])


# --- reading -------------------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(uploaded_file) -> list[tuple[int, dict]]:
    from openpyxl import load_workbook

    try:
        info = inspect_upload(uploaded_file)
    except ValidationError as exc:
        raise ServiceError(exc.messages[0], errors={"file": exc.messages}) from None
    if info.file_type != "xlsx":
        message = "请上传 Excel(.xlsx)格式的任务清单"
        raise ServiceError(message, errors={"file": [message]})
    uploaded_file.seek(0)
    try:
        wb = load_workbook(uploaded_file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        message = "无法读取该 Excel 文件,请用 Office 或 WPS 另存为 .xlsx 后重试"
        raise ServiceError(message, errors={"file": [message]}) from None
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None) or ()
        names = {h.rstrip("*"): k for h, k in COLUMNS}
        positions = {}
        for i, cell in enumerate(header):
            key = names.get(_cell(cell).rstrip("*"))
            if key and key not in positions:
                positions[key] = i
        missing = [LABELS[k] for k in REQUIRED if k not in positions]
        if missing:
            message = f"第1行表头缺少必填列:{'、'.join(missing)}(请使用导入模板)"
            raise ServiceError(message, errors={"file": [message]})
        out = []
        for number, values in enumerate(rows, start=2):
            if values is None or all(_cell(v) == "" for v in values):
                continue
            if len(out) >= MAX_ROWS:
                message = f"一次最多导入{MAX_ROWS}行,请分批导入"
                raise ServiceError(message, errors={"file": [message]})
            out.append(
                (
                    number,
                    {k: _cell(values[i]) if i < len(values) else "" for k, i in positions.items()},
                )
            )
        return out
    finally:
        wb.close()


class _Units:
    """The town's units by name and by code, its staff by username (two queries)."""

    def __init__(self, town: OrgUnit):
        self.units = list(OrgUnit.objects.filter(code__startswith=town.code, is_active=True))
        self.by_key = {}
        for u in self.units:
            self.by_key.setdefault(u.name, u)
            self.by_key.setdefault(u.code, u)
            if u.short_name:
                self.by_key.setdefault(u.short_name, u)
        self.owners: dict = {}
        self.users = {
            u.username: u
            for u in User.objects.filter(memberships__org_unit__in=self.units).distinct()
        }


def _row_task(raw, plan, items, units: _Units, actor, today):
    """One row → (item or new item fields, task fields); ServiceError on a bad cell."""
    title = raw.get("item", "")
    if not title:
        raise ServiceError("请填写工作要点")
    item = items.get(title)
    if item is None:
        if not (raw.get("item_starts_on") and raw.get("item_deadline")):
            raise ServiceError(
                f"工作要点“{title}”不在本计划中:新要点须填写要点开始日期和要点完成期限"
            )
        starts_on, deadline = check_item_dates(plan, raw["item_starts_on"], raw["item_deadline"])
        item = PlanItem(plan=plan, org_unit=plan.org_unit, title=title[:300], starts_on=starts_on,
                        deadline=deadline)  # fmt: skip
        items[title] = item
    unit = units.by_key.get(raw.get("unit", ""))
    if unit is None:
        raise ServiceError(f"责任单位“{raw.get('unit', '')}”不在{plan.org_unit.name}")
    office = check_unit(
        unit, raw.get("office", ""), scope=plan.org_unit, scope_name=plan.org_unit.name
    )
    owner = None
    if raw.get("owner"):
        owner = units.users.get(raw["owner"])
        if owner is None:
            raise ServiceError(f"责任人账号“{raw['owner']}”不是{plan.org_unit.name}的人员")
    key = (unit.pk, owner.pk if owner else None)
    if key not in units.owners:  # one check per unit and owner, not per row
        units.owners[key] = pick_owner(unit, owner)
    owner = units.owners[key]
    task_title = raw.get("title", "")
    if not task_title:
        raise ServiceError("请填写任务内容")
    if len(task_title) > 300 or len(raw.get("evidence_required", "")) > 300:
        raise ServiceError("任务内容和佐证要求均不能超过300个字")
    starts_on, due = check_due(raw.get("due", ""), raw.get("starts_on") or None, item=item)
    return item, Task(
        plan=plan,
        org_unit=unit,
        office=office,
        title=task_title,
        evidence_required=raw.get("evidence_required", ""),
        owner=owner,
        starts_on=starts_on,
        due=due,
        source=Task.Source.IMPORT,
        created_by=actor,
    )


def plan_import(*, actor, plan: Plan, uploaded_file) -> list[Task]:
    """Import an existing plan's task list into `plan` (a town's), all or nothing. Items are
    matched by title (new ones need their dates); on any bad row a ServiceError lists every
    bad row in Chinese and nothing is written."""
    check_role(actor, {Role.LAW_OFFICER}, "只有镇法治办工作人员可以导入任务清单")
    if plan.org_unit.kind != OrgUnit.Kind.TOWN or not planner_of(actor, plan.org_unit):
        raise Forbidden("只能导入本镇工作计划的任务清单")
    today = clock.today()
    rows = read_rows(uploaded_file)
    if not rows:
        message = "表格中没有任务数据"
        raise ServiceError(message, errors={"file": [message]})
    items = {i.title: i for i in PlanItem.objects.filter(plan=plan)}
    units = _Units(plan.org_unit)
    errors, good = [], []
    for number, raw in rows:
        try:
            good.append(_row_task(raw, plan, items, units, actor, today))
        except ServiceError as exc:
            messages = (
                [m for ms in exc.errors.values() for m in ms] if exc.errors else [exc.message]
            )
            errors.extend(f"第{number}行:{m}" for m in dict.fromkeys(messages))
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > len(shown):
            shown.append(f"……另有{len(errors) - len(shown)}处错误未列出")
        raise ServiceError(
            f"导入失败:{len(errors)}处错误,未导入任何数据。请修改后重新上传。",
            errors={"rows": shown},
            code="import_invalid",
        )
    with transaction.atomic():
        seq = plan.items.order_by("-seq").values_list("seq", flat=True).first() or 0
        for item in items.values():
            if item.pk is None:
                seq += 1
                item.seq = seq
                item.save()
        tasks = []
        for item, task in good:
            task.item = item
            task.fill_search()  # bulk_create skips save()
            tasks.append(task)
        created = Task.objects.bulk_create(tasks, batch_size=500)
        ct = ContentType.objects.get_for_model(Task)
        StatusChange.objects.bulk_create(
            [
                StatusChange(org_unit=t.org_unit, content_type=ct, object_id=t.pk, verb="import",
                             label="导入任务清单", from_status="", to_status=t.status, actor=actor)
                for t in created
            ],
            batch_size=500,
        )  # fmt: skip
        audit.record(
            verb="task.import",
            actor=actor,
            obj=plan,
            changes={
                "file": str(getattr(uploaded_file, "name", ""))[:200],
                "count": len(created),
                "ids": [t.pk for t in created][:1000],
            },
        )
    return created


__all__ = ["owner_choices", "plan_import", "task_export", "template_xlsx"]
