"""Figures of 法律顾问 for reports: advisers appointed, legality opinions they gave (from
fazhi.reviews), their other work by kind, and the annual assessments with their grades,
for a town (or a county: its subtree) and a period."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Count

from fazhi.core.models import OrgUnit
from fazhi.core.summary import Figure

from .models import Adviser, Appointment, Assessment, WorkEntry
from .selectors import review_kind_labels, review_rows

SECTION = "依法行政"
# How each kind of work entry reads in a sentence: (verb phrase, measure word).
ENTRY_PHRASES = {
    WorkEntry.Kind.CONSULTATION: ("提供法律咨询", "次"),
    WorkEntry.Kind.NEGOTIATION: ("参与重大项目谈判", "次"),
    WorkEntry.Kind.LITIGATION: ("代理诉讼案件", "件"),
    WorkEntry.Kind.PETITION: ("参与信访化解", "次"),
    WorkEntry.Kind.TRAINING: ("开展法治培训", "场"),
    WorkEntry.Kind.OTHER: ("办理其他法律事务", "件"),
}


def _joined(parts: dict, template) -> str:
    return "、".join(template(k, v) for k, v in parts.items() if v)


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    prefix = unit.code
    # Advisers with a term overlapping the period.
    appointed = list(
        Adviser.objects.filter(
            org_unit__code__startswith=prefix,
            pk__in=Appointment.objects.filter(start__lte=end, end__gte=start).values("adviser"),
        ).values_list("kind", "user_id")
    )
    kind_labels = dict(Adviser.Kind.choices)
    counted = Counter(k for k, _ in appointed)
    by_kind = {kind_labels[k]: counted[k] for k in Adviser.Kind.values if counted[k]}
    n = len(appointed)
    out = [
        Figure(
            key="advisers.appointed",
            label="聘请法律顾问",
            value=n,
            unit="名",
            sentence=f"聘请法律顾问{n}名"
            + (f"(其中{_joined(by_kind, lambda k, v: f'{k}{v}名')})" if n else ""),
            section=SECTION,
            breakdown=dict(by_kind),
        )
    ]

    # Legality opinions the advisers' logins concluded for this subtree.
    users = set(
        Adviser.objects.filter(org_unit__code__startswith=prefix, user__isnull=False).values_list(
            "user_id", flat=True
        )
    )
    labels = review_kind_labels()
    opinions = Counter()
    on_time = 0
    for row in review_rows(users, start, end, unit_codes=[prefix]):
        opinions[labels.get(row["kind"], row["kind"])] += row["total"]
        on_time += row["on_time"]
    order = list(labels.values())
    opinions = dict(
        sorted(opinions.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    )
    total = sum(opinions.values())
    out.append(
        Figure(
            key="advisers.review_opinions",
            label="法律顾问出具合法性审核意见",
            value=total,
            unit="件",
            sentence=f"法律顾问出具合法性审核意见{total}件"
            + (f"(其中{_joined(opinions, lambda k, v: f'{k}{v}件')})" if total else ""),
            section=SECTION,
            breakdown={**dict(opinions), "按期": on_time},
        )
    )

    # Other work by kind.
    entries = dict(
        WorkEntry.objects.filter(org_unit__code__startswith=prefix, date__range=(start, end))
        .values_list("kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    total_entries = sum(entries.values())
    phrases = {k: entries.get(k, 0) for k in ENTRY_PHRASES}
    sentence = _joined(phrases, lambda k, v: f"{ENTRY_PHRASES[k][0]}{v}{ENTRY_PHRASES[k][1]}")
    out.append(
        Figure(
            key="advisers.work_entries",
            label="法律顾问其他法律服务",
            value=total_entries,
            unit="次",
            sentence=f"法律顾问{sentence}" if sentence else "法律顾问未登记其他法律服务",
            section=SECTION,
            breakdown={WorkEntry.Kind(k).label: v for k, v in phrases.items() if v},
        )
    )

    # Annual assessments of the years the period touches.
    grades = Counter(
        Assessment.objects.filter(
            org_unit__code__startswith=prefix, year__range=(start.year, end.year)
        ).values_list("grade", flat=True)
    )
    assessed = sum(grades.values())
    out.append(
        Figure(
            key="advisers.assessments",
            label="法律顾问年度考核",
            value=assessed,
            unit="名",
            sentence=f"完成法律顾问年度考核{assessed}人次"
            + (f",其中{_joined(grades, lambda k, v: f'{k}{v}名')}" if assessed else ""),
            section=SECTION,
            breakdown=dict(grades),
        )
    )
    return out
