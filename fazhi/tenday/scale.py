"""法治建设旬报 at county scale (`fazhi scale-data`): every town's 旬报 for each 旬 of the
five years up to the last ended one (36 a year; at a factor below 1.0 only the latest
periods), as the services would have left them: mostly submitted on time, a few late, a
few returned and awaiting resubmission, a few missing, the latest ones still in draft.
Short synthetic drafts stand in for the drafted figures (drafting every report from the
ledgers would read every app 5,000 times)."""

from __future__ import annotations

from datetime import timedelta

from fazhi.core.deadlines import deadline, overrides_read_once

from .models import TenDayReport
from .params import DUE_WORKDAYS
from .periods import last_ended, periods_between

S = TenDayReport.Status
PERIODS_AT_ONE = 36 * 5


def _draft(rng, period) -> tuple[list[dict], str]:
    meetings = rng.randint(0, 2)
    visits = rng.randint(5, 60)
    disputes = rng.randint(0, 6)
    figures = [
        f
        for f in (
            {
                "key": "scale.meetings",
                "label": "召开会议",
                "value": meetings,
                "unit": "次",
                "sentence": f"召开法治建设相关会议{meetings}次",
                "section": "组织领导",
            },
            {
                "key": "scale.visits",
                "label": "网格走访",
                "value": visits,
                "unit": "次",
                "sentence": f"网格员走访{visits}次",
                "section": "基层治理",
            },
            {
                "key": "scale.disputes",
                "label": "调处矛盾纠纷",
                "value": disputes,
                "unit": "件",
                "sentence": f"调处矛盾纠纷{disputes}件",
                "section": "基层治理",
            },
        )  # fmt: skip
        if f["value"]
    ]
    from .drafting import body_of

    return figures, body_of(figures)


def generate(ctx) -> None:
    rng = ctx.rng("tenday")
    last = last_ended(ctx.today)
    periods = periods_between(ctx.first_day, last.end)[-ctx.n(PERIODS_AT_ONE) :]
    existing = set(
        TenDayReport.objects.filter(period_start__gte=periods[0].start).values_list(
            "org_unit_id", "period_start"
        )
    )
    dues: dict = {}

    def rows():
        with overrides_read_once():
            for town in ctx.towns:
                n = DUE_WORKDAYS.value(town.unit)
                for p in periods:
                    if (town.unit.pk, p.start) in existing:
                        continue
                    roll = rng.random()
                    if roll < 0.02:
                        continue  # missing: the town never reported
                    if (p.end, n) not in dues:
                        dues[(p.end, n)] = deadline(p.end, n, "workdays")
                    due = dues[(p.end, n)]
                    figures, body = _draft(rng, p)
                    recent = p.end >= ctx.today - timedelta(days=7)
                    if recent and roll < 0.5:
                        status, submitted, late = S.DRAFT, None, False
                    else:
                        late = roll > 0.95
                        status = S.RETURNED if 0.02 <= roll < 0.03 else S.SUBMITTED
                        submitted = due + timedelta(days=rng.randint(1, 6)) if late else (
                            p.end + timedelta(days=1))  # fmt: skip
                        submitted = min(submitted, ctx.today)
                        late = submitted > due
                    report = TenDayReport(
                        org_unit=town.unit,
                        period_start=p.start,
                        period_end=p.end,
                        due_on=due,
                        status=status,
                        figures=figures,
                        body=body,
                        first_submitted_on=submitted,
                        submitted_on=submitted,
                        is_late=late,
                        return_count=1 if status == S.RETURNED else 0,
                        return_comment="请补充本旬矛盾纠纷调处情况" if status == S.RETURNED else "",
                        created_by=town.officer,
                    )
                    report.fill_search()
                    yield report

    ctx.bulk(TenDayReport, rows(), label="法治建设旬报")
