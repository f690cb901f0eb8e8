"""The 考核办法 and the annual assessment of 法律顾问, which decides renewal: a law
officer sets the town's 考核办法 and a county supervisor the county's (for all its
towns); the town leader or law officer assesses, never the adviser themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import ASSESSOR_ROLES, SCHEME_ROLES, Adviser, Assessment, AssessmentScheme
from ..params import WORKLOAD_TARGET
from .common import MAX_NOTE, NOT_FOUND, _check_scope, _err, _text

DEFAULT_SCHEME = {
    "name": "法律顾问年度考核办法(系统默认)",
    "criteria": [
        {"key": "workload", "name": "履职工作量", "weight": 30, "source": "workload"},
        {"key": "timeliness", "name": "审核及时性", "weight": 20, "source": "timeliness"},
        {"key": "quality", "name": "法律意见质量", "weight": 30, "source": ""},
        {"key": "conduct", "name": "服务态度与廉洁自律", "weight": 20, "source": ""},
    ],
    "grades": [
        {"name": "优秀", "min": 90},
        {"name": "合格", "min": 60},
        {"name": "不合格", "min": 0},
    ],
    "renew_grades": ["优秀", "合格"],
}
SOURCES = {"": "由考核人评分", "workload": "按工作量建议", "timeliness": "按审核按期率建议"}


@dataclass(frozen=True)
class Scheme:
    name: str
    criteria: list
    grades: list
    renew_grades: list
    unit: OrgUnit | None = None  # None: the system default

    def grade_of(self, total) -> str:
        for g in self.grades:
            if total >= g["min"]:
                return g["name"]
        return self.grades[-1]["name"]


def scheme_for(unit: OrgUnit) -> Scheme:
    """The 考核办法 in force for `unit`: its own, else its county's, else the default."""
    codes = unit.ancestor_codes(up_to="town")
    row = (
        AssessmentScheme.objects.filter(org_unit__code__in=codes)
        .select_related("org_unit")
        .order_by("-org_unit__code")
        .first()
    )
    if row is None:
        return Scheme(
            DEFAULT_SCHEME["name"],
            DEFAULT_SCHEME["criteria"],
            DEFAULT_SCHEME["grades"],
            DEFAULT_SCHEME["renew_grades"],
        )
    return Scheme(row.name, row.criteria, row.grades, row.renew_grades, row.org_unit)


def _int(value, field: str, label: str) -> int:
    if isinstance(value, bool):
        raise _err(field, f"{label}应为整数")
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise _err(field, f"{label}应为整数") from None
    if not number.is_finite() or number != number.to_integral_value():
        raise _err(field, f"{label}应为整数")
    return int(number)


def _clean_criteria(criteria) -> list[dict]:
    if not isinstance(criteria, list) or not criteria:
        raise _err("criteria", "请至少设置一个考核项目")
    if len(criteria) > 20:
        raise _err("criteria", "考核项目不能超过20项")
    cleaned, names = [], set()
    for i, c in enumerate(criteria, start=1):
        if not isinstance(c, dict):
            raise _err("criteria", f"第{i}项格式不正确")
        name = _text(c.get("name"), "criteria", f"第{i}项的名称", limit=40)
        if name in names:
            raise _err("criteria", f"考核项目“{name}”重复")
        names.add(name)
        weight = _int(c.get("weight"), "criteria", f"“{name}”的分值")
        if weight <= 0:
            raise _err("criteria", f"“{name}”的分值应大于0")
        source = str(c.get("source") or "")
        if source not in SOURCES:
            raise _err("criteria", f"“{name}”的评分来源不正确")
        cleaned.append({"key": f"c{i}", "name": name, "weight": weight, "source": source})
    total = sum(c["weight"] for c in cleaned)
    if total != 100:
        raise _err("criteria", f"各考核项目分值之和应为100分,现为{total}分")
    return cleaned


def _clean_grades(grades) -> list[dict]:
    if not isinstance(grades, list) or len(grades) < 2:
        raise _err("grades", "请至少设置两个等次")
    cleaned, names = [], set()
    for i, g in enumerate(grades, start=1):
        if not isinstance(g, dict):
            raise _err("grades", f"第{i}个等次格式不正确")
        name = _text(g.get("name"), "grades", f"第{i}个等次的名称", limit=16)
        if name in names:
            raise _err("grades", f"等次“{name}”重复")
        names.add(name)
        minimum = _int(g.get("min"), "grades", f"“{name}”的最低分")
        if not 0 <= minimum <= 100:
            raise _err("grades", f"“{name}”的最低分应在0至100之间")
        cleaned.append({"name": name, "min": minimum})
    cleaned.sort(key=lambda g: -g["min"])
    if len({g["min"] for g in cleaned}) != len(cleaned):
        raise _err("grades", "各等次的最低分不能相同")
    if cleaned[-1]["min"] != 0:
        raise _err("grades", "最低一个等次的最低分应为0,使每个分数都有等次")
    return cleaned


def scheme_save(
    *, actor, unit: OrgUnit, name: str, criteria, grades, renew_grades
) -> AssessmentScheme:
    """Set the 考核办法 of a town (its law officer) or of a county (its supervisor)."""
    check_role(actor, SCHEME_ROLES, "只有法治办工作人员或县级督导可以修改考核办法")
    roles = {Role.COUNTY_SUPERVISOR} if unit.kind == OrgUnit.Kind.COUNTY else SCHEME_ROLES
    if unit.kind not in (OrgUnit.Kind.TOWN, OrgUnit.Kind.COUNTY) or not unit_in_scope(
        actor, unit, roles
    ):
        raise ServiceError(NOT_FOUND, code="not_found")
    name = _text(name, "name", "考核办法名称", limit=100)
    criteria = _clean_criteria(criteria)
    grades = _clean_grades(grades)
    grade_names = {g["name"] for g in grades}
    renew = [str(r) for r in (renew_grades or [])]
    if not renew:
        raise _err("renew_grades", "请选择可以续聘的等次")
    unknown = [r for r in renew if r not in grade_names]
    if unknown:
        raise _err("renew_grades", f"续聘等次“{unknown[0]}”不在所设等次中")
    renew = [g["name"] for g in grades if g["name"] in renew]
    with transaction.atomic():
        row = AssessmentScheme.objects.select_for_update().filter(org_unit=unit).first()
        before = (
            {
                "name": row.name,
                "criteria": row.criteria,
                "grades": row.grades,
                "renew": row.renew_grades,
            }
            if row
            else None
        )
        if row is None:
            row = AssessmentScheme(org_unit=unit)
        row.name, row.criteria, row.grades, row.renew_grades = name, criteria, grades, renew
        row.updated_by = actor
        row.save()
        audit.record(
            verb="adviser.scheme_save",
            actor=actor,
            obj=row,
            org_unit=unit,
            changes={
                "scheme": [
                    before,
                    {"name": name, "criteria": criteria, "grades": grades, "renew": renew},
                ]
            },
        )
    return row


# --- the annual assessment ---------------------------------------------------------------


def suggested_scores(scheme: Scheme, record, unit: OrgUnit) -> dict[str, int]:
    """Scores the work record suggests for the criteria that have a source; the assessor
    confirms or changes them. `record` is a selectors.WorkRecord."""
    target = WORKLOAD_TARGET.value(unit)
    out = {}
    for c in scheme.criteria:
        if c["source"] == "workload":
            done = record.reviews + record.entries_total
            out[c["key"]] = round(c["weight"] * min(1, done / target))
        elif c["source"] == "timeliness" and record.reviews:
            out[c["key"]] = round(c["weight"] * record.on_time / record.reviews)
    return out


def _score(value, c: dict) -> Decimal:
    field = f"score_{c['key']}"
    if value is None or value == "" or isinstance(value, bool):
        raise _err(field, f"请为“{c['name']}”评分(每个考核项目都须评分)")
    try:
        score = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise _err(field, f"“{c['name']}”的得分应为数字") from None
    if not score.is_finite() or score < 0 or score > c["weight"]:
        raise _err(field, f"“{c['name']}”的得分应在0至{c['weight']}分之间")
    if score != score.quantize(Decimal("0.1")):
        raise _err(field, f"“{c['name']}”的得分最多保留1位小数")
    return score


def assessment_create(
    *, actor, adviser: Adviser, year: int, scores: dict, note: str = "", today: date | None = None
) -> Assessment:
    """One adviser's assessment for `year` under the 考核办法 in force: every criterion
    scored within 0..its weight; the total gives the grade and the grade the renewal."""
    today = today or clock.today()
    _check_scope(
        actor, adviser.org_unit, ASSESSOR_ROLES, "只有镇领导或法治办工作人员可以考核法律顾问"
    )
    if adviser.user_id and adviser.user_id == actor.pk:
        raise Forbidden("法律顾问不得考核自己")
    year = _int(year, "year", "考核年度")
    if not 2000 <= year <= today.year:
        raise _err("year", f"考核年度应在2000年至{today.year}年之间")
    if not isinstance(scores, dict):
        raise _err("scores", "各项得分格式不正确")
    scheme = scheme_for(adviser.org_unit)
    keys = {c["key"] for c in scheme.criteria}
    unknown = [k for k in scores if k not in keys]
    if unknown:
        raise _err("scores", f"考核项目“{unknown[0]}”不在考核办法中")
    cleaned = {c["key"]: _score(scores.get(c["key"]), c) for c in scheme.criteria}
    total = sum(cleaned.values(), Decimal("0"))
    grade = scheme.grade_of(total)
    renew = grade in scheme.renew_grades
    note = _text(note, "note", "考核意见", required=False, limit=MAX_NOTE)
    with transaction.atomic():
        locked = Adviser.objects.select_for_update().get(pk=adviser.pk)
        if not locked.appointments.filter(
            start__lte=date(year, 12, 31), end__gte=date(year, 1, 1)
        ).exists():
            raise _err("year", f"该法律顾问{year}年度不在聘期内,无需考核")
        if locked.assessments.filter(year=year).exists():
            raise _err("year", f"该法律顾问{year}年度已考核,每年度只考核一次")
        try:
            with transaction.atomic():
                assessment = Assessment.objects.create(
                    org_unit=locked.org_unit,
                    adviser=locked,
                    year=year,
                    scheme_name=scheme.name,
                    criteria=scheme.criteria,
                    scores={k: str(v) for k, v in cleaned.items()},
                    total=total,
                    grade=grade,
                    renew=renew,
                    assessor=actor,
                    note=note,
                )
        except IntegrityError:
            raise _err("year", f"该法律顾问{year}年度已考核,每年度只考核一次") from None
        audit.record(
            verb="adviser.assess",
            actor=actor,
            obj=locked,
            changes={
                "year": [None, year],
                "scores": [None, {k: str(v) for k, v in cleaned.items()}],
                "total": [None, str(total)],
                "grade": [None, grade],
                "renew": [None, renew],
            },
        )
    return assessment
