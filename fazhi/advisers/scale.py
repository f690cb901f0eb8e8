"""法律顾问 at county scale (`fazhi scale-data`): one or two advisers in every generated town
(every fifth town keeps one; the demo's towns keep the demo's advisers and get none),
their terms of appointment over the five years, about 150 work entries per adviser per
year and one annual assessment per adviser per year in term. At factor 1.0 that is about
50 advisers and 38,000 work entries (the factor scales the towns, not the work of one
adviser).

Every row keeps the rules the services enforce (legal-rules.md §5):
- a lawyer has practised at least advisers.min_practice_years when registered (so on
  every term start as well); nobody with a criminal record or sanction is registered;
  a licence number is 17 digits and unique; one entry per login in a town (the town's
  generated `legal_adviser` account is linked to its first adviser, who is always
  renewed, so the reviews that account concludes count in a real work record);
- a term is shorter than advisers.max_term_years, terms of an adviser never overlap, and
  a term after an earlier one is a renewal, registered only when the latest assessment
  existing on that day allowed it (the service's rule); an adviser not renewed is
  dismissed when the term has run out and a new adviser takes the place;
- the assessment of a year is made in the first quarter of the next year, within
  advisers.assessment_due_days of 31 December, or, when the term expires in the fourth
  quarter, during the renewal notice period before the decision; scores stay within each
  criterion's weight of the 考核办法 in force, the total gives the grade and the grade
  the renewal; the assessor is the town's leader or law officer, never the adviser;
- a work entry lies within a term of its adviser, on a working day before today.

This year is mixed, so the workbench has current items: terms ending within the notice
period, a few terms that ended without a renewal yet, and a few of last year's
assessments still missing past their due date.

The adviser's StatusChange timeline (registration, dismissal) and the audit events of
each write are not generated: one row per event would be the bulk of the data and the
pages read the records themselves.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from fazhi.core.dates import add_months, add_years
from fazhi.core.deadlines import deadline, is_workday, overrides_read_once

from .models import Adviser, Appointment, Assessment, WorkEntry
from .params import ASSESSMENT_DUE_DAYS, MAX_TERM_YEARS, MIN_PRACTICE_YEARS, RENEWAL_NOTICE_DAYS
from .services.assessment import scheme_for

ADVISERS_PER_TOWN = 2
SINGLE_EVERY = 5  # every fifth generated town has one adviser
ENTRIES_PER_YEAR = 150
LATE_RENEWAL = 0.07  # share of decisions taken after the term has ended
FAILING = 0.07  # share of assessments below the renewal grades (unlinked advisers)
MISSING_LAST_YEAR = 0.1  # share of last year's assessments not made by their due date

K = Adviser.Kind
_KINDS = [(K.LAWYER, 55), (K.EXPERT, 15), (K.PUBLIC_LAWYER, 15), (K.JUSTICE_OFFICE, 15)]
_FIRMS = "明德 正衡 海天 天平 恒信 君安 同舟 浙东 致远 信达 方圆 汇诚".split()
_EXPERTS = ["东海学院法学院", "市委党校法学教研部", "市社会科学院法学研究所", "海洋大学法学院"]
_PUBLIC = ["县司法局", "县人民政府办公室", "县自然资源和规划局", "县综合行政执法局"]
_SPECIALTIES = [
    "行政法、合同法", "民商事诉讼", "土地与房屋征收", "劳动争议", "公司法、合同法",
    "行政诉讼", "婚姻家事", "海洋与渔业", "行政法学", "",
]  # fmt: skip

W = WorkEntry.Kind
# kind: weight, hours (low, high), descriptions ({v}: a village of the town)
_WORK = {
    W.CONSULTATION: (50, (0.5, 3), [
        "就{v}集体用房租赁合同续签提供法律咨询", "就{v}工程款支付争议提供法律咨询",
        "就镇政府信息公开申请答复提供法律意见", "就{v}土地承包经营权流转提供法律咨询",
        "就行政处罚案件证据材料出具法律意见", "就{v}村规民约修订提供法律咨询",
        "就采购合同违约责任条款提供法律咨询", "为{v}群众提供婚姻家事法律咨询",
    ]),
    W.PETITION: (15, (1, 4), [
        "参与化解{v}宅基地纠纷信访事项", "参与化解{v}征收补偿信访事项",
        "参与接待群众来访,就{v}邻里纠纷释法说理", "参与化解欠薪信访事项",
    ]),
    W.TRAINING: (12, (1.5, 3), [
        "为镇机关干部讲授行政执法程序", "在{v}开展民法典进村宣讲",
        "为村社干部开展依法履职培训", "为网格员开展矛盾纠纷调处法律知识培训",
    ]),
    W.NEGOTIATION: (8, (2, 8), [
        "参与镇招商引资项目协议谈判", "参与{v}集体资产租赁谈判", "参与工程结算争议协商",
    ]),
    W.LITIGATION: (5, (4, 16), [
        "代理镇政府应诉一起行政诉讼", "代理{v}村委会参加民事诉讼", "参与行政复议案件答复",
    ]),
    W.OTHER: (10, (0.5, 4), [
        "参与镇重大行政决策合法性论证会", "列席镇党委会议提供法律意见", "协助清理镇规范性文件",
    ]),
}  # fmt: skip
_WORK_KINDS = list(_WORK)
_WORK_WEIGHTS = [_WORK[k][0] for k in _WORK_KINDS]


@dataclass
class _Term:
    start: date
    end: date
    created: date
    renewal: bool


@dataclass
class _Assessed:
    day: date | None  # None: not made (a missing assessment past its due date)
    scores: dict
    total: Decimal
    grade: str
    renew: bool
    leader: bool


@dataclass
class _Plan:
    """One adviser: the registry entry, terms, assessments by year, and dismissal."""

    row: Adviser
    registered: date
    diligence: float
    terms: list[_Term] = field(default_factory=list)
    assessed: dict[int, _Assessed] = field(default_factory=dict)
    linked: bool = False


class _Days:
    """Working days from some years before the period to yesterday, for snapping."""

    def __init__(self, first: date, today: date):
        self.today = today
        day, self.days = first, []
        while day < today:
            if is_workday(day):
                self.days.append(day)
            day += timedelta(days=1)

    def before(self, day: date) -> date:
        """The working day on or before `day`; a day from today on is left as it is
        (it has not happened: nothing on it is written)."""
        if day >= self.today:
            return day
        return self.days[max(0, bisect.bisect_right(self.days, day) - 1)]

    def between(self, first: date, last: date) -> list[date]:
        return self.days[
            bisect.bisect_left(self.days, first) : bisect.bisect_right(self.days, last)
        ]


@dataclass
class _Rules:
    """A town's parameters and 考核办法, read once."""

    min_years: int
    notice: int
    max_years: int
    due_days: int
    scheme: object

    def due(self, year: int) -> date:
        return deadline(date(year, 12, 31), self.due_days, "days")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _term_years(rng, rules: _Rules) -> int:
    years = [y for y in (1, 2, 3) if y <= rules.max_years] or [1]
    return rng.choices(years, [2, 3, 5][: len(years)])[0]


class _Generator:
    def __init__(self, ctx, rng, days: _Days):
        self.ctx, self.rng, self.days = ctx, rng, days
        self.today = ctx.today
        self.licences = 0

    # --- the registry -----------------------------------------------------------------

    def adviser(self, town, rules: _Rules, registered: date, linked: bool) -> _Plan:
        rng = self.rng
        kind = (
            K.LAWYER if linked else rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
        )
        row = Adviser(
            org_unit=town.unit,
            user=town.adviser if linked else None,
            name=town.adviser.full_name if linked else self.ctx.person_name(rng),
            kind=kind,
            specialty=rng.choice(_SPECIALTIES),
            created_by=town.officer,
            created_at=_at(registered, 9, 30),
        )
        if kind == K.LAWYER:
            row.institution = f"{rng.choice(_FIRMS)}律师事务所"
        elif kind == K.EXPERT:
            row.institution = rng.choice(_EXPERTS)
        elif kind == K.PUBLIC_LAWYER:
            row.institution = rng.choice(_PUBLIC)
        else:
            row.institution = f"{town.unit.name}司法所"
        if kind in (K.LAWYER, K.PUBLIC_LAWYER):
            # Practised the required years on the day of registration (so on every
            # later term start too).
            need = rules.min_years if kind == K.LAWYER else 1
            years = need + rng.randint(0, 18)
            row.practice_since = add_years(registered, -years) - timedelta(days=rng.randint(1, 300))
            self.licences += 1
            row.licence_no = f"13399{row.practice_since.year}{self.licences:08d}"
        return _Plan(row, registered, rng.uniform(0.8, 1.2), linked=linked)

    # --- assessments --------------------------------------------------------------------

    def assess(self, plan: _Plan, rules: _Rules, year: int, day: date | None) -> None:
        rng, scheme = self.rng, rules.scheme
        fail = not plan.linked and rng.random() < FAILING
        level = rng.uniform(0.35, 0.55) if fail else rng.uniform(0.68, 0.98)
        while True:
            scores = {
                c["key"]: Decimal(
                    round(c["weight"] * min(1.0, max(0.0, level + rng.gauss(0, 0.04))))
                )
                for c in scheme.criteria
            }
            total = sum(scores.values(), Decimal(0))
            grade = scheme.grade_of(total)
            renew = grade in scheme.renew_grades
            # The linked adviser is always renewable (their reviews fill the work record).
            if renew or not plan.linked or level >= 1.0:
                break
            level = min(1.0, level + 0.1)
        plan.assessed[year] = _Assessed(day, scores, total, grade, renew, rng.random() < 0.7)

    def assess_term(self, plan: _Plan, rules: _Rules, term: _Term) -> date | None:
        """The assessments of the term's years not assessed yet; returns the day of the
        expiry assessment (a term ending in the fourth quarter is assessed in its notice
        period, before the renewal decision), if any."""
        rng, today = self.rng, self.today
        expiry = None
        for year in range(max(term.start.year, self.ctx.first_day.year), term.end.year + 1):
            if year in plan.assessed or year > today.year:
                continue
            if year == term.end.year and term.end.month >= 10:
                expiry = self.days.before(
                    term.end - timedelta(days=rules.notice - rng.randint(0, rules.notice // 2))
                )
                self.assess(plan, rules, year, expiry)
                continue
            if year == today.year:
                continue  # this year's is made next year
            due = rules.due(year)
            span = (due - date(year + 1, 1, 1)).days
            day = self.days.before(
                date(year + 1, 1, 1) + timedelta(days=rng.randint(min(5, span), span))
            )
            if (
                year == today.year - 1
                and due < today
                and not plan.linked
                and rng.random() < MISSING_LAST_YEAR
            ):
                day = None  # overdue: the workbench warns about it
            self.assess(plan, rules, year, day)
        return expiry

    def latest_allows_renewal(self, plan: _Plan, on: date) -> tuple[bool, int | None]:
        """The service's rule: the latest assessment (by year) existing on `on` decides.
        Returns (renewal allowed, that assessment's year)."""
        made = [y for y, a in plan.assessed.items() if a.day is not None and a.day <= on]
        if not made:
            return True, None
        return plan.assessed[max(made)].renew, max(made)

    # --- one place on the town's roster, over the five years ----------------------------

    def slot(self, town, rules: _Rules, linked: bool) -> list[_Plan]:
        rng, today, first = self.rng, self.today, self.ctx.first_day
        years = _term_years(rng, rules)
        start = add_months(first, -rng.randrange(12 * years))  # the term in force on day one
        registered = self.days.before(start - timedelta(days=rng.randint(5, 40)))
        plan = self.adviser(town, rules, registered, linked)
        plans, created, renewal = [plan], registered, False
        while True:
            end = add_years(start, years) - timedelta(days=1)
            term = _Term(start, end, created, renewal)
            plan.terms.append(term)
            expiry = self.assess_term(plan, rules, term)
            late = rng.random() < LATE_RENEWAL
            if late:
                decided = end + timedelta(days=rng.randint(5, 45))
            elif expiry is not None:
                decided = expiry + timedelta(days=rng.randint(3, 10))
            else:
                decided = end - timedelta(days=rng.randint(3, max(4, rules.notice * 2 // 3)))
            decided = self.days.before(decided)
            if decided >= today:
                return plans  # not decided yet: the workbench reminds
            renew, latest = self.latest_allows_renewal(plan, decided)
            years = _term_years(rng, rules)
            if renew:
                start = max(decided, end + timedelta(days=1))
                created, renewal = decided, True
                continue
            # Not renewed: the term runs out, then the adviser is dismissed; a new
            # adviser is registered for the place.
            if end < today:
                # Dismissed once the term has run out: not assessed after the decision.
                plan.assessed = {
                    y: a for y, a in plan.assessed.items() if a.day is None or a.day <= decided
                }
                plan.row.status = Adviser.Status.DISMISSED
                plan.row.note = (
                    f"聘期于{end.year}年{end.month}月{end.day}日届满;{latest}年度考核为"
                    f"“{plan.assessed[latest].grade}”,不予续聘,予以解聘。"
                )
            registered = self.days.before(decided + timedelta(days=rng.randint(1, 20)))
            if registered >= today:
                return plans
            plan = self.adviser(town, rules, registered, linked=False)
            plans.append(plan)
            start = max(end, registered) + timedelta(days=1)
            created, renewal = registered, False

    # --- work entries ------------------------------------------------------------------

    def work(self, town, plan: _Plan) -> list[WorkEntry]:
        rng, rows = self.rng, []
        villages = [v.name for v in town.villages] or [town.unit.name]
        last = self.today - timedelta(days=1)
        for term in plan.terms:
            first, end = max(term.start, self.ctx.first_day), min(term.end, last)
            if first > end:
                continue
            days = self.days.between(first, end)
            if not days:
                continue
            n = round(ENTRIES_PER_YEAR * plan.diligence * ((end - first).days + 1) / 365.25)
            for day in sorted(rng.choice(days) for _ in range(n)):
                kind = rng.choices(_WORK_KINDS, _WORK_WEIGHTS)[0]
                _, (low, high), texts = _WORK[kind]
                hours = None
                if rng.random() < 0.9:
                    hours = Decimal(str(round(rng.uniform(low, high) * 2) / 2))
                rows.append(
                    WorkEntry(
                        org_unit=town.unit,
                        adviser=plan.row,
                        kind=kind,
                        date=day,
                        description=rng.choice(texts).format(v=rng.choice(villages)),
                        hours=hours,
                        created_by=town.officer,
                        created_at=_at(day, rng.randint(9, 17), rng.randint(0, 59)),
                    )
                )
        return rows


def _rules(unit) -> _Rules:
    return _Rules(
        min_years=int(MIN_PRACTICE_YEARS.value(unit)),
        notice=int(RENEWAL_NOTICE_DAYS.value(unit)),
        max_years=int(MAX_TERM_YEARS.value(unit)),
        due_days=int(ASSESSMENT_DUE_DAYS.value(unit)),
        scheme=scheme_for(unit),
    )


def generate(ctx) -> None:
    rng = ctx.rng("advisers")
    # The demo's towns keep the demo's advisers (one query for all towns).
    staffed = set(
        Adviser.objects.filter(org_unit__in=[t.unit for t in ctx.towns]).values_list(
            "org_unit_id", flat=True
        )
    )
    towns = [t for t in ctx.towns if t.unit.pk not in staffed]
    placed: list[tuple[object, _Rules, list[_Plan]]] = []
    with overrides_read_once():
        days = _Days(add_years(ctx.first_day, -4), ctx.today)
        gen = _Generator(ctx, rng, days)
        for i, town in enumerate(towns):
            rules = _rules(town.unit)
            places = 1 if i % SINGLE_EVERY == SINGLE_EVERY - 1 else ADVISERS_PER_TOWN
            plans = []
            for place in range(places):
                plans += gen.slot(town, rules, linked=place == 0 and town.adviser is not None)
            placed.append((town, rules, plans))
        plans = [p for _, _, ps in placed for p in ps]
        ctx.bulk(Adviser, (p.row for p in plans), "法律顾问")
        ctx.bulk(Appointment, _appointments(placed), "聘任")
        ctx.bulk(Assessment, _assessments(ctx, placed), "年度考核")
        ctx.bulk(WorkEntry, (e for town, _, ps in placed for p in ps for e in gen.work(town, p)),
                 "法律顾问工作记录")  # fmt: skip


def _appointments(placed):
    for town, _, plans in placed:
        terms = sorted(
            ((t, p) for p in plans for t in p.terms), key=lambda tp: (tp[0].created, tp[0].start)
        )
        numbers: dict[int, int] = {}
        for term, plan in terms:
            numbers[term.start.year] = numbers.get(term.start.year, 0) + 1
            yield Appointment(
                org_unit=town.unit,
                adviser=plan.row,
                start=term.start,
                end=term.end,
                agreement_ref=f"{town.unit.name[:2]}法顾〔{term.start.year}〕{numbers[term.start.year]}号",
                is_renewal=term.renewal,
                created_by=town.officer,
                created_at=_at(term.created, 10),
            )


def _assessments(ctx, placed):
    for town, rules, plans in placed:
        for plan in plans:
            for year, a in sorted(plan.assessed.items()):
                if a.day is None or a.day >= ctx.today:
                    continue
                yield Assessment(
                    org_unit=town.unit,
                    adviser=plan.row,
                    year=year,
                    scheme_name=rules.scheme.name,
                    criteria=rules.scheme.criteria,
                    scores={k: str(v) for k, v in a.scores.items()},
                    total=a.total,
                    grade=a.grade,
                    renew=a.renew,
                    assessor=town.leader if a.leader else town.officer,
                    note=(
                        f"{year}年度履职情况良好,考核等次为“{a.grade}”,建议续聘。"
                        if a.renew
                        else f"{year}年度履职不到位,考核等次为“{a.grade}”,不予续聘。"
                    ),
                    created_at=_at(a.day, 15),
                )
