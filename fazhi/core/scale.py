"""`fazhi scale-data`: grow the demo county to the size fazhi is built for.

quality.md's "Scale we design for" at factor 1.0: 30 towns, 300 villages, 5 years, about
20k cadres, 100k documents and contracts, 1M disputes and visits. The demo county keeps
its two towns and every demo account; the generated towns, villages, grids and people sit
beside them, so `officer` sees one town's share and `supervisor` the whole county.

Each app contributes its records in `<app>/scale.py` with `generate(ctx)`, found like the
other app hooks, in INSTALLED_APPS order (core first: units and people). Records are
written through bulk paths (`ctx.bulk`) that keep the models' constraints; values follow
the law's rules (the same deadlines service the app uses), so a generated record looks
like one fazhi itself made. A seed gives the same data every time; each app draws from
its own random stream, so adding a module does not change the others' rows.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection, transaction

from . import audit, clock, params
from .hooks import app_hooks
from .models import AuditEvent, Membership, OrgUnit, User
from .roles import Role

TOWNS = 30
VILLAGES_PER_TOWN = 10
GRIDS_PER_VILLAGE = 4
CADRES = 20_000
YEARS = 5
BATCH = 2_000
# One unusable password for every generated person: they exist to own records and fill
# lists; nobody logs in as them (the demo accounts remain the way in).
UNUSABLE_PASSWORD = "!scale-data"

_TOWN_NAMES = "东江 西林 南塘 北港 金桥 银湖 石门 松岭 梅溪 桃源 柳岸 竹山 清河 白沙 长乐 永安 新港 古城 云峰 龙湾 凤鸣 双溪 三江 五里 七星 九龙 高桥 平湖 安澜 丰泽".split()
_VILLAGE_NAMES = "上 下 前 后 东 西 南 北 中 新".split()
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志海燕波辉鹏飞宇晨浩然子轩雨欣思远嘉怡俊杰文博"


class ScaleError(Exception):
    """A reason, in Chinese, why the data cannot be grown here."""


class Progress:
    """One line on stderr per table: rows written and rows per second."""

    def __init__(self, stream=None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.totals: dict[str, int] = {}
        self._started = time.perf_counter()

    def add(self, label: str, n: int, started: float) -> None:
        self.totals[label] = self.totals.get(label, 0) + n
        if self.quiet:
            return
        took = max(time.perf_counter() - started, 1e-6)
        total = self.totals[label]
        self.stream.write(f"\r  {label}: {total:,} 行 ({n / took:,.0f} 行/秒)\x1b[K")
        self.stream.flush()

    def done(self, label: str) -> None:
        if not self.quiet and label in self.totals:
            self.stream.write("\n")

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self._started


@dataclass
class Town:
    unit: OrgUnit
    villages: list[OrgUnit]
    grids: list[OrgUnit]
    officer: User  # the law officer who registers the town's records
    leader: User
    adviser: User | None = None


@dataclass
class ScaleContext:
    """What every generator gets: the factor, the period, the county's towns with their
    people, a seeded random stream per app, and the one bulk writer."""

    seed: int
    factor: float
    today: date
    county: OrgUnit
    towns: list[Town]
    progress: Progress
    _streams: dict = field(default_factory=dict)

    @property
    def first_day(self) -> date:
        """1 January of the first of the five years (this year included)."""
        return date(self.today.year - YEARS + 1, 1, 1)

    def rng(self, name: str) -> random.Random:
        if name not in self._streams:
            self._streams[name] = random.Random(f"{self.seed}:{name}")
        return self._streams[name]

    def n(self, at_factor_one: int) -> int:
        """How many of something at this factor (at least one)."""
        return max(1, round(at_factor_one * self.factor))

    def day(self, rng: random.Random, start: date | None = None, end: date | None = None) -> date:
        """A day in [start, end] (default: the five years up to yesterday)."""
        start = start or self.first_day
        end = end or self.today - timedelta(days=1)
        return start + timedelta(days=rng.randrange(max(1, (end - start).days + 1)))

    def person_name(self, rng: random.Random) -> str:
        return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))

    def bulk(self, model, rows: Iterable, label: str | None = None) -> list:
        """Insert `rows` (unsaved instances) in batches; returns them with their ids (both
        databases return ids from bulk_create). Constraints are the database's: a
        generator that breaks one fails here, not silently."""
        label = label or str(model._meta.verbose_name)
        saved: list = []
        batch: list = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                saved.extend(self._write(model, batch, label))
                batch = []
        if batch:
            saved.extend(self._write(model, batch, label))
        self.progress.done(label)
        return saved

    def _write(self, model, batch: list, label: str) -> list:
        started = time.perf_counter()
        out = model.objects.bulk_create(batch, batch_size=BATCH)
        self.progress.add(label, len(batch), started)
        return out


def _units(ctx: ScaleContext):
    """The generated towns, villages and grids (codes continue the demo's numbering)."""
    rng, county, factor = ctx.rng("units"), ctx.county, ctx.factor
    towns = max(1, round(TOWNS * factor)) - 2  # the demo's two towns count
    plan = []
    for t in range(towns):
        code = f"{county.code}{103 + t:03d}"
        name = _TOWN_NAMES[t % len(_TOWN_NAMES)] + ("镇" if t < len(_TOWN_NAMES) else f"{t}镇")
        villages = []
        for v in range(VILLAGES_PER_TOWN):
            vname = f"{rng.choice(_VILLAGE_NAMES)}{name[:2]}{v + 1}村"
            villages.append((f"{code}{201 + v:03d}", vname))
        plan.append((code, name, villages))
    return plan


def _grow_units(ctx: ScaleContext) -> None:
    plan = _units(ctx)
    towns = ctx.bulk(
        OrgUnit,
        (OrgUnit(kind="town", code=c, name=n, parent=ctx.county, short_name=f"{n}政规")
         for c, n, _ in plan),
        "组织单位(镇)",
    )  # fmt: skip
    by_code = {t.code: t for t in towns}
    villages = ctx.bulk(
        OrgUnit,
        (OrgUnit(kind="village", code=vc, name=vn, parent=by_code[c])
         for c, _, vs in plan for vc, vn in vs),
        "组织单位(村)",
    )  # fmt: skip
    grids = ctx.bulk(
        OrgUnit,
        (OrgUnit(kind="grid", code=f"{v.code}{g + 1:03d}", name=f"{v.name}第{g + 1}网格", parent=v)
         for v in villages for g in range(GRIDS_PER_VILLAGE)),
        "组织单位(网格)",
    )  # fmt: skip
    villages_of: dict[int, list] = {}
    for v in villages:
        villages_of.setdefault(v.parent_id, []).append(v)
    grids_of: dict[int, list] = {}
    for g in grids:
        grids_of.setdefault(g.code[:9], []).append(g)
    _grow_people(ctx, towns, villages_of, grids_of)


def _grow_people(ctx: ScaleContext, towns, villages_of, grids_of) -> None:
    rng = ctx.rng("people")
    users: list[User] = []
    memberships: list[tuple[int, int, str, str]] = []  # user index, unit id, role, title

    def person(unit_id: int, role: str, title: str) -> int:
        users.append(User(username=f"s{len(users) + 1:06d}", full_name=ctx.person_name(rng),
                          password=UNUSABLE_PASSWORD))  # fmt: skip
        memberships.append((len(users) - 1, unit_id, role, title))
        return len(users) - 1

    staff = {}
    for town in towns:
        staff[town.pk] = (
            person(town.pk, Role.LAW_OFFICER, "司法所工作人员"),
            person(town.pk, Role.TOWN_LEADER, "党委副书记、镇长"),
            person(town.pk, Role.LEGAL_ADVISER, "法律顾问"),
        )
        for v in villages_of.get(town.pk, []):
            person(v.pk, Role.VILLAGE_CADRE, "村委会主任")
        for g in grids_of.get(town.code, []):
            person(g.pk, Role.GRID_WORKER, "专职网格员")
    # The other cadres work in every town's offices, the demo's towns included.
    offices = [t.unit.pk for t in ctx.towns] + [t.pk for t in towns]
    for _ in range(max(0, ctx.n(CADRES) - len(users))):
        person(rng.choice(offices), Role.CADRE, "机关干部")
    saved = ctx.bulk(User, users, "用户")
    ctx.bulk(
        Membership,
        (Membership(user=saved[i], org_unit_id=unit_id, role=role, title=title)
         for i, unit_id, role, title in memberships),
        "任职",
    )  # fmt: skip
    for town in towns:
        officer, leader, adviser = (saved[i] for i in staff[town.pk])
        ctx.towns.append(
            Town(town, villages_of.get(town.pk, []), grids_of.get(town.code, []), officer, leader,
                 adviser)
        )  # fmt: skip


def _demo_towns(ctx: ScaleContext) -> None:
    """The demo's towns take part too: their records are registered by their officer."""
    for unit in OrgUnit.objects.filter(parent=ctx.county, kind="town").order_by("code"):
        people = {
            m.role: m.user
            for m in Membership.objects.filter(org_unit=unit, is_active=True).select_related("user")
        }
        officer = people.get(Role.LAW_OFFICER)
        if officer is None:
            continue
        below = list(OrgUnit.objects.filter(code__startswith=unit.code).exclude(pk=unit.pk))
        ctx.towns.append(
            Town(unit, [u for u in below if u.kind in ("village", "community")],
                 [u for u in below if u.kind == "grid"], officer,
                 people.get(Role.TOWN_LEADER, officer), people.get(Role.LEGAL_ADVISER))
        )  # fmt: skip


def generate(ctx: ScaleContext) -> None:
    """Core's part: the county's towns, villages, grids and people."""
    _demo_towns(ctx)
    _grow_units(ctx)


def grow(
    *,
    county_code: str,
    factor: float = 1.0,
    seed: int = 1,
    progress: Progress | None = None,
    generators: Sequence[Callable] | None = None,
) -> dict[str, int]:
    """Grow the county `county_code` (the demo county) in one transaction; returns rows
    written per table. Refuses, changing nothing, when the county is missing or already
    grown."""
    if not (0 < factor <= 10):
        raise ScaleError("规模系数应在 0 到 10 之间(1.0 为一个县五年的数据量)")
    county = OrgUnit.objects.filter(code=county_code, kind="county").first()
    if county is None:
        raise ScaleError("未找到演示县;请先运行 fazhi demo")
    if AuditEvent.objects.filter(verb="system.scale_data").exists():
        raise ScaleError("本县已有生成的规模数据;请在新的数据目录中重新生成")
    progress = progress or Progress()
    ctx = ScaleContext(seed=seed, factor=factor, today=clock.today(), county=county, towns=[],
                       progress=progress)  # fmt: skip
    # Generators read the same towns' parameters for every row: once per town instead.
    with transaction.atomic(), params.values_cached():
        for generate_app in (
            generators if generators is not None else app_hooks("scale", "generate")
        ):
            generate_app(ctx)
        audit.record(
            verb="system.scale_data",
            actor=None,
            actor_name="系统",
            obj=county,
            changes={"factor": factor, "seed": seed, "rows": progress.totals},
        )
    # Fresh statistics, so the planners see the county's real size at once.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return progress.totals
