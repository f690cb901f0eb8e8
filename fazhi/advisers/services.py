"""Every write of 法律顾问 (legal-rules.md §5): registering an adviser (with the
qualification check), appointment terms and renewals, work entries, the 考核办法 and
the annual assessment that decides renewal, dismissal, and the audited ledger export.

Who does what: the town's law officer keeps the registry, terms and work entries; the
town leader or law officer assesses (never the adviser themselves); a law officer sets
the town's 考核办法 and a county supervisor the county's (for all its towns). County
supervisors read every town of their county; an adviser reads their own record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock, params
from fazhi.core.cleaning import clean_text
from fazhi.core.dates import add_years
from fazhi.core.models import Membership, OrgUnit, User
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from .models import Adviser, Appointment, Assessment, AssessmentScheme, WorkEntry

# --- who ------------------------------------------------------------------------------
KEEPER_ROLES = {Role.LAW_OFFICER}  # registry, terms, work entries
ASSESSOR_ROLES = {Role.TOWN_LEADER, Role.LAW_OFFICER}
SCHEME_ROLES = {Role.LAW_OFFICER, Role.COUNTY_SUPERVISOR}
# Read every adviser of their scope; a legal adviser reads only their own record.
MANAGER_READER_ROLES = {Role.COUNTY_SUPERVISOR, Role.TOWN_LEADER, Role.LAW_OFFICER}
READER_ROLES = MANAGER_READER_ROLES | {Role.LEGAL_ADVISER}
EXPORT_ROLES = MANAGER_READER_ROLES

# --- the rules, as parameters with their basis ------------------------------------------
OPINION_2016 = "中办国办《关于推行法律顾问制度和公职律师公司律师制度的意见》(2016)"
MIN_PRACTICE_YEARS = params.define(
    "advisers.min_practice_years",
    "律师担任法律顾问的最低执业年限",
    default=5,
    unit="年",
    basis=OPINION_2016,
    minimum=0,
    maximum=30,
)
RENEWAL_NOTICE_DAYS = params.define(
    "advisers.renewal_notice_days",
    "聘期届满前提醒续聘的天数",
    default=60,
    unit="日",
    basis="本地规则(聘期届满前组织考核、决定是否续聘)",
    minimum=1,
    maximum=365,
)
MAX_TERM_YEARS = params.define(
    "advisers.max_term_years",
    "法律顾问单个聘期的最长年限",
    default=3,
    unit="年",
    basis="本地规则(法律顾问聘期一般不超过3年,期满考核合格可续聘)",
    minimum=1,
    maximum=10,
)
ASSESSMENT_DUE_DAYS = params.define(
    "advisers.assessment_due_days",
    "上一年度法律顾问考核的完成期限(自次年1月1日起算)",
    default=90,
    unit="日",
    basis="本地考核办法(一般于次年第一季度完成上年度考核)",
    minimum=1,
    maximum=365,
)
WORKLOAD_TARGET = params.define(
    "advisers.workload_target",
    "考核“工作量”项满分对应的年度工作件数",
    default=24,
    unit="件",
    basis="本地考核办法",
    minimum=1,
    maximum=1000,
)

NOT_FOUND = "记录不存在或无权查看"
# Terms and work lie in this century: a typo like 0001 or 9999 would overflow date sums.
MIN_DATE, MAX_DATE = date(2000, 1, 1), date(2099, 12, 31)
LICENCE_RE = re.compile(r"^\d{17}$")
MAX_TEXT = 300
MAX_NOTE = 2000


# --- the adviser's status: a workflow with one step, so the detail page has a timeline ---

ADVISER_FLOW = Workflow(
    Adviser,
    audit_prefix="adviser",
    status_labels=Adviser.Status,
    transitions=[
        Transition(
            "dismiss",
            "解聘",
            {Adviser.Status.ACTIVE},
            Adviser.Status.DISMISSED,
            roles=KEEPER_ROLES,
            note_required=True,
            style="outline-danger",
        ),
        Transition(
            "reinstate",
            "恢复在册",
            {Adviser.Status.DISMISSED},
            Adviser.Status.ACTIVE,
            roles=KEEPER_ROLES,
            note_required=True,
            style="outline-secondary",
            guards=[lambda obj, actor, **kw: qualification_refusal(obj, clock.today())],
        ),
    ],
)

audit.VERB_LABELS.update(ADVISER_FLOW.labels())
audit.VERB_LABELS.update(
    {
        "adviser.create": "登记法律顾问",
        "adviser.update": "修改法律顾问登记信息",
        "adviser.appointment_create": "登记法律顾问聘期",
        "adviser.work_entry_create": "登记法律顾问工作记录",
        "adviser.assess": "法律顾问年度考核",
        "adviser.scheme_save": "修改法律顾问考核办法",
        "adviser.export": "导出法律顾问台账",
    }
)


def _err(field: str, message: str, code: str = "invalid") -> ServiceError:
    return ServiceError(message, errors={field: [message]}, code=code)


# Free text: one cleaning for every app, with this module's default length.
_text = partial(clean_text, limit=MAX_TEXT)


def _check_scope(actor, unit: OrgUnit, roles, message: str) -> None:
    check_role(actor, roles, message)
    if not unit_in_scope(actor, unit, roles):
        raise ServiceError(NOT_FOUND, code="not_found")


# --- qualification -----------------------------------------------------------------------


def qualification_refusal(adviser: Adviser, on: date) -> str | None:
    """Why this person may not be appointed (legal-rules.md §5), or None."""
    if adviser.criminal_record:
        return f"受过刑事处罚的人员不得担任法律顾问({OPINION_2016})"
    if adviser.sanction_record:
        return f"受过行业惩戒或行政处罚的人员不得担任法律顾问({OPINION_2016})"
    if adviser.kind == Adviser.Kind.LAWYER:
        need = MIN_PRACTICE_YEARS.value(adviser.org_unit)
        have = adviser.practice_years(on)
        if have < need:
            return f"律师担任法律顾问须执业满{need}年({OPINION_2016}),该律师执业{have}年,不符合条件"
    return None


def _linked_user(user_id, unit: OrgUnit) -> User | None:
    """The login of the adviser: an account holding the legal-adviser role on the unit
    or its county (legal advisers may sit on either)."""
    if user_id in (None, ""):
        return None
    codes = [unit.code[:n] for n in (6, 9) if n <= len(unit.code)]
    membership = (
        Membership.objects.select_related("user")
        .filter(
            user_id=user_id,
            role=Role.LEGAL_ADVISER,
            is_active=True,
            org_unit__code__in=codes,
        )
        .first()
    )
    if membership is None:
        raise _err("user", "所选账号不是本单位的法律顾问账号(须先在组织机构中分配“法律顾问”角色)")
    return membership.user


def _keeper_unit(actor, org_unit: OrgUnit | None) -> OrgUnit:
    check_role(actor, KEEPER_ROLES, "只有法治办工作人员可以登记法律顾问")
    if org_unit is None:
        units = actor.units_for(KEEPER_ROLES)
        if not units:
            raise Forbidden("只有法治办工作人员可以登记法律顾问")
        org_unit = units[0]
    if org_unit.kind not in (OrgUnit.Kind.TOWN, OrgUnit.Kind.COUNTY) or not unit_in_scope(
        actor, org_unit, KEEPER_ROLES
    ):
        raise _err("org_unit", "只能为本镇登记法律顾问")
    return org_unit


def _checked_fields(
    *,
    name,
    kind,
    institution,
    licence_no,
    practice_since,
    sanction_record,
    criminal_record,
    specialty,
    note,
    today: date,
) -> dict:
    """The registry fields, cleaned and checked for form (licence format, dates); the
    qualification rule and the login are checked by the caller."""
    name = _text(name, "name", "姓名", limit=64)
    institution = _text(institution, "institution", "律师事务所或工作单位", limit=100)
    if kind not in Adviser.Kind.values:
        raise _err("kind", "类别不正确,应为律师、法学专家、公职律师或司法所工作人员")
    licence_no = _text(licence_no, "licence_no", "执业证号", required=False, limit=32)
    if kind in (Adviser.Kind.LAWYER, Adviser.Kind.PUBLIC_LAWYER):
        if not licence_no:
            raise _err("licence_no", "律师、公职律师须填写执业证号")
        if not LICENCE_RE.match(licence_no):
            raise _err("licence_no", "执业证号应为17位数字")
        if practice_since is None:
            raise _err("practice_since", "律师、公职律师须填写执业起始日期")
    if practice_since is not None and not isinstance(practice_since, date):
        raise _err("practice_since", "执业起始日期格式不正确")
    if practice_since is not None and practice_since > today:
        raise _err("practice_since", "执业起始日期不能晚于今天")
    if practice_since is not None and practice_since.year < 1950:
        raise _err("practice_since", "执业起始日期应在1950年以后")
    return {
        "name": name,
        "kind": kind,
        "institution": institution,
        "licence_no": licence_no,
        "practice_since": practice_since,
        "sanction_record": bool(sanction_record),
        "criminal_record": bool(criminal_record),
        "specialty": _text(specialty, "specialty", "专业领域", required=False, limit=100),
        "note": _text(note, "note", "备注", required=False, limit=MAX_NOTE),
    }


def _refuse_unqualified(adviser: Adviser, today: date, hint: str = "") -> None:
    refusal = qualification_refusal(adviser, today)
    if refusal:
        field = (
            "practice_since"
            if "执业满" in refusal
            else ("criminal_record" if "刑事" in refusal else "sanction_record")
        )
        message = refusal + hint
        raise ServiceError(message, errors={field: [message]}, code="unqualified")


def _check_unique(adviser: Adviser) -> None:
    """One registry entry per login in a unit; one active entry per licence number."""
    others = Adviser.objects.filter(org_unit=adviser.org_unit).exclude(pk=adviser.pk)
    if adviser.user_id and others.filter(user_id=adviser.user_id).exists():
        raise _err("user", "该账号已关联本单位的另一名法律顾问")
    if (
        adviser.licence_no
        and adviser.status == Adviser.Status.ACTIVE
        and others.filter(licence_no=adviser.licence_no, status=Adviser.Status.ACTIVE).exists()
    ):
        raise _err("licence_no", "该执业证号的法律顾问已在本单位名册中")


def adviser_create(
    *,
    actor,
    name: str,
    kind: str,
    institution: str,
    licence_no: str = "",
    practice_since: date | None = None,
    sanction_record: bool = False,
    criminal_record: bool = False,
    specialty: str = "",
    note: str = "",
    user_id: int | None = None,
    org_unit: OrgUnit | None = None,
    today: date | None = None,
) -> Adviser:
    """Register an adviser after the qualification check; refuses in Chinese naming the rule."""
    today = today or clock.today()
    unit = _keeper_unit(actor, org_unit)
    fields = _checked_fields(
        name=name,
        kind=kind,
        institution=institution,
        licence_no=licence_no,
        practice_since=practice_since,
        sanction_record=sanction_record,
        criminal_record=criminal_record,
        specialty=specialty,
        note=note,
        today=today,
    )
    adviser = Adviser(org_unit=unit, created_by=actor, **fields)
    _refuse_unqualified(adviser, today)
    with transaction.atomic():
        adviser.user = _linked_user(user_id, unit)
        _check_unique(adviser)
        try:
            with transaction.atomic():
                adviser.save()
        except IntegrityError:
            raise _err("user", "该账号已关联本单位的另一名法律顾问") from None
        ADVISER_FLOW.start(actor=actor, obj=adviser, label="登记")
        audit.record(
            verb="adviser.create",
            actor=actor,
            obj=adviser,
            changes={
                "name": [None, adviser.name],
                "kind": [None, adviser.kind],
                "institution": [None, adviser.institution],
                "licence_no": [None, adviser.licence_no],
                "user": [None, adviser.user.username if adviser.user else None],
            },
        )
    return adviser


EDITABLE = (
    "name",
    "kind",
    "institution",
    "licence_no",
    "practice_since",
    "sanction_record",
    "criminal_record",
    "specialty",
    "note",
)
_UNSET = object()


def _snapshot(adviser: Adviser) -> dict:
    """The registry entry as the audit stores it (dates as text, the login by username)."""
    out = {f: getattr(adviser, f) for f in EDITABLE}
    out["practice_since"] = str(adviser.practice_since) if adviser.practice_since else None
    out["user"] = adviser.user.username if adviser.user_id else None
    return out


def adviser_update(
    *, actor, adviser: Adviser, today: date | None = None, user_id=_UNSET, **fields
) -> Adviser:
    """Correct a registry entry (a typo in the name, a new law firm, the licence number,
    the linked login, specialty, practice start): only the fields given change.

    The same people as registration (the town's law officer, in scope). The resulting
    entry passes the same checks as a new one: licence format, a login holding the
    legal-adviser role of the town or county (checked when the login changes: an
    unchanged link is history, its past reviews stay in the work record), one entry per
    login and per licence. The qualification rule (practice years, no criminal record or
    sanction) applies while the adviser is 在册; a dismissed adviser can still be
    corrected, and reinstating re-checks qualification. Records `adviser.update` with
    the changed fields only; nothing changes, nothing is recorded."""
    today = today or clock.today()
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise _err(unknown[0], f"字段“{unknown[0]}”不能修改")
    _check_scope(actor, adviser.org_unit, KEEPER_ROLES, "只有法治办工作人员可以修改法律顾问信息")
    with transaction.atomic():
        # Lock the adviser's row only: the login is a nullable join PostgreSQL cannot lock.
        locked = (
            Adviser.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=adviser.pk)
        )
        before = _snapshot(locked)
        merged = {f: getattr(locked, f) for f in EDITABLE}
        merged.update(fields)
        cleaned = _checked_fields(today=today, **merged)
        for name, value in cleaned.items():
            setattr(locked, name, value)
        if user_id is not _UNSET and user_id != locked.user_id:
            locked.user = _linked_user(user_id, locked.org_unit)
        if locked.status == Adviser.Status.ACTIVE:
            _refuse_unqualified(locked, today, hint="(如该顾问已不符合条件,请先解聘再更正登记信息)")
        _check_unique(locked)
        changes = audit.diff(before, _snapshot(locked))
        if changes:
            try:
                with transaction.atomic():
                    locked.save(update_fields=[*EDITABLE, "user"])
            except IntegrityError:
                raise _err("user", "该账号已关联本单位的另一名法律顾问") from None
            audit.record(verb="adviser.update", actor=actor, obj=locked, changes=changes)
    locked.changed_fields = sorted(changes)
    return locked


def adviser_transition(*, actor, obj: Adviser, verb: str, note: str = "", **_) -> Adviser:
    """Dismiss (解聘) or reinstate an adviser; a note is required."""
    return ADVISER_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=_text(note, "note", "说明", required=False, limit=MAX_NOTE),
    )


# --- appointment terms -----------------------------------------------------------------


def appointment_create(
    *, actor, adviser: Adviser, start: date, end: date, agreement_ref: str = ""
) -> Appointment:
    """A term of appointment. A term after an earlier one is a renewal, refused when the
    latest annual assessment said 不续聘 (the assessment decides renewal)."""
    _check_scope(actor, adviser.org_unit, KEEPER_ROLES, "只有法治办工作人员可以登记聘期")
    agreement_ref = _text(agreement_ref, "agreement_ref", "聘用合同编号", required=False, limit=64)
    if start is None:
        raise _err("start", "请填写聘期开始日期")
    if end is None:
        raise _err("end", "请填写聘期届满日期")
    for field, day in (("start", start), ("end", end)):
        if not MIN_DATE <= day <= MAX_DATE:
            raise _err(field, "日期应在2000年至2099年之间")
    if end <= start:
        raise _err("end", "聘期届满日期应晚于开始日期")
    years = MAX_TERM_YEARS.value(adviser.org_unit)
    if end >= add_years(start, years):
        raise _err("end", f"单个聘期不得超过{years}年(本地规则:期满考核合格可续聘)")
    with transaction.atomic():
        locked = Adviser.objects.select_for_update().get(pk=adviser.pk)
        if locked.status != Adviser.Status.ACTIVE:
            raise ServiceError("已解聘的法律顾问不能登记聘期", code="wrong_state")
        refusal = qualification_refusal(locked, start)
        if refusal:
            raise ServiceError(refusal, code="unqualified")
        terms = list(locked.appointments.order_by("start"))
        if any(t.start <= end and t.end >= start for t in terms):
            raise _err("start", "与已登记的聘期重叠")
        earlier = [t for t in terms if t.end < start]
        is_renewal = bool(earlier)
        if is_renewal:
            latest = locked.assessments.order_by("-year").first()
            if latest is not None and not latest.renew:
                raise ServiceError(
                    f"{latest.year}年度考核结果为“{latest.grade}”、不予续聘,不能续聘"
                    f"(法律顾问年度考核结果决定是否续聘,{OPINION_2016})",
                    code="not_renewable",
                )
        appointment = Appointment.objects.create(
            org_unit=locked.org_unit,
            adviser=locked,
            start=start,
            end=end,
            agreement_ref=agreement_ref,
            is_renewal=is_renewal,
            created_by=actor,
        )
        audit.record(
            verb="adviser.appointment_create",
            actor=actor,
            obj=locked,
            changes={
                "appointment": [None, f"{start}至{end}"],
                "is_renewal": [None, is_renewal],
                "agreement_ref": [None, agreement_ref],
            },
        )
    return appointment


# --- work entries ----------------------------------------------------------------------


def _hours(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        hours = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise _err("hours", "用时应为数字") from None
    if not hours.is_finite() or hours <= 0 or hours > 999:
        raise _err("hours", "用时应大于0且不超过999小时")
    if hours != hours.quantize(Decimal("0.1")):
        raise _err("hours", "用时最多保留1位小数")
    return hours


def work_entry_create(
    *,
    actor,
    adviser: Adviser,
    kind: str,
    date: date,
    description: str,
    hours=None,
    today: date | None = None,
) -> WorkEntry:
    """A consultation, negotiation, litigation, petition, training or other work item,
    on a day within one of the adviser's terms."""
    today = today or clock.today()
    _check_scope(actor, adviser.org_unit, KEEPER_ROLES, "只有法治办工作人员可以登记工作记录")
    if kind not in WorkEntry.Kind.values:
        raise _err("kind", "类别不正确")
    if date is None:
        raise _err("date", "请填写日期")
    if date > today:
        raise _err("date", "不能登记将来日期的工作")
    if date < MIN_DATE:
        raise _err("date", "日期应在2000年以后")
    description = _text(description, "description", "事项")
    hours = _hours(hours)
    with transaction.atomic():
        if not adviser.appointments.filter(start__lte=date, end__gte=date).exists():
            raise _err("date", "该日期不在法律顾问的聘期内(须先登记聘期)")
        entry = WorkEntry.objects.create(
            org_unit=adviser.org_unit,
            adviser=adviser,
            kind=kind,
            date=date,
            description=description,
            hours=hours,
            created_by=actor,
        )
        audit.record(
            verb="adviser.work_entry_create",
            actor=actor,
            obj=adviser,
            changes={
                "kind": [None, kind],
                "date": [None, str(date)],
                "description": [None, description],
                "hours": [None, str(hours) if hours is not None else None],
            },
        )
    return entry


# --- the 考核办法 ------------------------------------------------------------------------

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
    codes = [unit.code[:n] for n in (6, 9) if n <= len(unit.code)]
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


def export_recorded(*, actor, count: int, year: int) -> None:
    """The ledger export is itself an audit event (like the audit-log export)."""
    check_role(actor, EXPORT_ROLES, "无权导出法律顾问台账")
    audit.record(
        verb="adviser.export",
        actor=actor,
        object_type="advisers.adviser",
        object_repr=f"法律顾问台账({year}年,{count}名)",
        changes={"year": year, "count": count},
    )
