"""工作任务 at county scale (`fazhi scale-data`): for every town and each of the five years, a
plan of six items, each broken down to every village of the town (about 9,000 tasks at
factor 1.0 for 300 villages), a third of them further to one of the village's grids.

The rows keep the services' rules: a task's deadline lies within its item's (a subtask's
within its task's) and on a working day; its owner is a person of its unit (the village's
cadre, the grid's worker); a done task carries a progress report and its evidence (an
Attachment: one stored photo per town, which a done task never lets go); the tasks of past
deadlines are done (90 %, a tenth of them late) or left open and overdue; this year's are
open with some progress."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from hashlib import sha256

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from fazhi.core.deadlines import overrides_read_once
from fazhi.core.models import Attachment, Membership, StatusChange
from fazhi.core.roles import Role

from .demo import ITEMS, _png
from .models import Plan, PlanItem, ProgressReport, Task
from .services.common import on_working_day


def _owners(ctx) -> dict[int, int]:
    """Unit id → its first cadre (village) or grid worker (grid), one query."""
    units = [u.pk for t in ctx.towns for u in (*t.villages, *t.grids)]
    out: dict[int, int] = {}
    for unit_id, user_id in (
        Membership.objects.filter(org_unit_id__in=units, is_active=True,
                                  role__in=[Role.VILLAGE_CADRE, Role.GRID_WORKER])
        .order_by("id").values_list("org_unit_id", "user_id")
    ):  # fmt: skip
        out.setdefault(unit_id, user_id)
    return out


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(15, 0)))


def generate(ctx) -> None:
    rng = ctx.rng("tasks")
    owners = _owners(ctx)
    today = ctx.today
    years = range(ctx.first_day.year, today.year + 1)
    towns = ctx.towns
    plans = ctx.bulk(Plan, [Plan(org_unit=t.unit, year=y, title=f"{y}年{t.unit.name}法治建设工作要点",
                                 created_by=t.officer, created_at=_moment(date(y, 1, 2)))
                            for t in towns for y in years if not Plan.objects.filter(org_unit=t.unit, year=y).exists()],
                     "工作计划")  # fmt: skip
    town_of = {t.unit.pk: t for t in towns}
    items = []
    with overrides_read_once():
        for p in plans:
            for seq, (title, month, _t, _e) in enumerate(ITEMS, start=1):
                end = (
                    date(p.year, month + 1, 1) - timedelta(days=1)
                    if month < 12
                    else date(p.year, 12, 31)
                )
                deadline = on_working_day(end)
                if deadline.year != p.year:
                    deadline = end - timedelta(days=3)
                items.append(PlanItem(plan=p, org_unit=p.org_unit, seq=seq, title=title,
                                      starts_on=date(p.year, 1, 1), deadline=deadline))  # fmt: skip
        items = ctx.bulk(PlanItem, items, "工作要点")
        tasks, grid_tasks = [], []
        for item in items:
            town = town_of[item.org_unit_id]
            n = item.seq - 1
            for village in town.villages:
                owner = owners.get(village.pk)
                if owner is None:
                    continue
                due = on_working_day(item.deadline - timedelta(days=rng.randint(7, 40)))
                task = Task(plan_id=item.plan_id, item=item, org_unit=village, title=ITEMS[n][2],
                            evidence_required=ITEMS[n][3], owner_id=owner, starts_on=item.starts_on,
                            due=due, created_by=town.officer, created_at=_moment(date(item.plan.year, 1, 2)))  # fmt: skip
                _state(task, rng, today)
                task.fill_search()
                tasks.append(task)
        tasks = ctx.bulk(Task, tasks, "工作任务")
        grids_of = {}
        for t in towns:
            for g in t.grids:
                grids_of.setdefault(g.code[:12], []).append(g)
        for task in tasks:
            grids = grids_of.get(task.org_unit.code)
            if not grids or rng.random() > 0.33:
                continue
            grid = rng.choice(grids)
            owner = owners.get(grid.pk)
            if owner is None:
                continue
            # Within the village's task: on its deadline or a working day up to a week before.
            due = on_working_day(task.due - timedelta(days=rng.randint(0, 7)))
            due = due if task.starts_on <= due <= task.due else task.due
            sub = Task(plan_id=task.plan_id, item_id=task.item_id, parent=task, org_unit=grid,
                       title="入户落实:" + task.title, evidence_required=task.evidence_required,
                       owner_id=owner, starts_on=task.starts_on, due=due,
                       created_by=task.owner, created_at=task.created_at)  # fmt: skip
            _state(sub, rng, today, done_by=task.done_on)
            sub.fill_search()
            grid_tasks.append(sub)
        grid_tasks = ctx.bulk(Task, grid_tasks, "工作任务(网格)")
    _reports_and_evidence(ctx, rng, tasks + grid_tasks)


def _state(task: Task, rng, today: date, done_by: date | None = None) -> None:
    """Done (on time, or a tenth late) when its deadline has passed, most of the time; a
    subtask of a done task is done no later than it."""
    if done_by is not None or (task.due < today and rng.random() < 0.9):
        late = rng.random() < 0.1
        day = (
            task.due + timedelta(days=rng.randint(1, 20))
            if late
            else task.due - timedelta(days=rng.randint(0, 20))
        )
        day = max(task.starts_on, min(day, today - timedelta(days=1)))
        if done_by is not None:
            day = min(day, done_by)
        task.status, task.progress, task.done_on = Task.Status.DONE, 100, day
    else:
        task.progress = (
            rng.choice([0, 20, 40, 60, 80]) if task.due >= today else rng.choice([0, 30, 50])
        )


def _reports_and_evidence(ctx, rng, tasks) -> None:
    ct = ContentType.objects.get_for_model(Task)
    storage = Attachment._meta.get_field("file").storage
    files: dict[str, tuple[str, int, str]] = {}

    def file_for(town_code: str):
        if town_code not in files:
            content = _png(rng.randrange(256))
            name = storage.save(f"attachments/{ctx.first_day:%Y/%m}/{rng.getrandbits(128):032x}.png",
                                ContentFile(content))  # fmt: skip
            files[town_code] = (name, len(content), sha256(content).hexdigest())
        return files[town_code]

    reports, attachments, changes = [], [], []
    for t in tasks:
        if t.status != Task.Status.DONE:
            if t.progress:
                reports.append(ProgressReport(task=t, org_unit=t.org_unit, percent=t.progress,
                                              note="按计划推进中", reported_by_id=t.owner_id,
                                              reported_at=_moment(min(t.due, ctx.today) - timedelta(days=3))))  # fmt: skip
            continue
        when = _moment(t.done_on)
        reports.append(ProgressReport(task=t, org_unit=t.org_unit, percent=100, note="已完成,佐证已上传",
                                      evidence_count=1, reported_by_id=t.owner_id, reported_at=when))  # fmt: skip
        name, size, digest = file_for(t.org_unit.code[:9])
        attachments.append(Attachment(org_unit=t.org_unit, content_type=ct, object_id=t.pk, file=name,
                                      original_name="佐证照片.png", file_type="png", size=size, sha256=digest,
                                      uploaded_by_id=t.owner_id, uploaded_at=when))  # fmt: skip
        changes.append(StatusChange(org_unit=t.org_unit, content_type=ct, object_id=t.pk, verb="complete",
                                    label="确认完成", from_status="open", to_status="done",
                                    actor_id=t.owner_id, at=when))  # fmt: skip
    ctx.bulk(ProgressReport, reports, "进展报告")
    ctx.bulk(Attachment, attachments, "附件(任务佐证)")
    ctx.bulk(StatusChange, changes, "办理过程(工作任务)")
