"""法律顾问 services: each rule refuses in Chinese naming it, and a refusal writes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.advisers import services
from fazhi.advisers.models import Adviser, Appointment, Assessment, AssessmentScheme, WorkEntry
from fazhi.core.models import AuditEvent, Membership, ParameterValue, StatusChange
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.roles import Role

from .helpers import LICENCE, appointed, full_scores, lawyer

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 16)


def _counts():
    return (
        Adviser.objects.count(),
        Appointment.objects.count(),
        WorkEntry.objects.count(),
        Assessment.objects.count(),
        AssessmentScheme.objects.count(),
        AuditEvent.objects.count(),
        StatusChange.objects.count(),
    )


def refused(call, *fragments, exc=ServiceError):
    """The call is refused with a message naming each fragment, and nothing is written."""
    before = _counts()
    with pytest.raises(exc) as info:
        call()
    for fragment in fragments:
        assert fragment in info.value.message, info.value.message
    assert _counts() == before
    return info.value


# --- registration and qualification -------------------------------------------------------


def test_register_a_qualified_lawyer_with_audit_and_timeline(people, tree):
    a = lawyer(people.officer, user=people.adviser, today=TODAY)
    assert a.org_unit == tree.town_a and a.status == "active" and a.user == people.adviser
    assert a.practice_years(TODAY) == 13
    event = AuditEvent.objects.get(verb="adviser.create")
    assert event.object_id == str(a.pk) and event.changes["name"] == [None, "郑立言"]
    assert StatusChange.objects.filter(object_id=a.pk, label="登记").exists()


def test_lawyer_with_too_few_years_is_refused_naming_the_rule(people):
    err = refused(
        lambda: lawyer(people.officer, since=date(2021, 7, 1), today=TODAY),
        "律师担任法律顾问须执业满5年",
        "关于推行法律顾问制度和公职律师公司律师制度的意见",
        "执业3年",
    )
    assert "practice_since" in err.errors


def test_min_practice_years_is_a_parameter(people, tree):
    ParameterValue.objects.create(
        org_unit=tree.county, key="advisers.min_practice_years", value=3, set_by=people.supervisor
    )
    assert lawyer(people.officer, since=date(2021, 7, 1), today=TODAY).pk


def test_exactly_five_years_qualifies(people):
    assert lawyer(people.officer, since=date(2020, 6, 16), today=TODAY).pk
    refused(
        lambda: lawyer(
            people.officer, name="甲", since=date(2020, 6, 17), licence_no="1" * 17, today=TODAY
        ),
        "须执业满5年",
    )


def test_criminal_record_refused(people):
    refused(
        lambda: lawyer(people.officer, criminal_record=True), "受过刑事处罚的人员不得担任法律顾问"
    )


def test_sanction_record_refused_for_any_kind(people):
    refused(
        lambda: services.adviser_create(
            actor=people.officer,
            name="王教授",
            kind="expert",
            institution="某大学法学院",
            sanction_record=True,
        ),
        "受过行业惩戒或行政处罚的人员不得担任法律顾问",
    )


@pytest.mark.parametrize("licence", ["", "1234", "1330120091012345X", "133012009101234567"])
def test_lawyer_licence_number_checked(people, licence):
    err = refused(lambda: lawyer(people.officer, licence_no=licence), "执业证号")
    assert "licence_no" in err.errors


def test_expert_needs_no_licence_or_years(people):
    a = services.adviser_create(
        actor=people.officer, name="王教授", kind="expert", institution="某大学法学院"
    )
    assert a.kind == "expert" and a.practice_since is None


def test_practice_since_in_future_refused(people):
    refused(lambda: lawyer(people.officer, since=date(2030, 1, 1), today=TODAY), "不能晚于今天")


def test_bad_kind_and_blank_name_refused(people):
    refused(lambda: lawyer(people.officer, kind="notary"), "类别不正确")
    refused(lambda: lawyer(people.officer, name="  "), "请填写姓名")


def test_only_the_law_officer_registers(people):
    for user in (people.leader, people.supervisor, people.adviser, people.cadre):
        refused(lambda u=user: lawyer(u), exc=Forbidden)


def test_other_towns_officer_cannot_register_for_town_a(people, tree):
    refused(lambda: lawyer(people.officer_b, org_unit=tree.town_a), "只能为本镇登记")


def test_linked_account_must_be_a_legal_adviser_of_the_unit(people, tree):
    refused(lambda: lawyer(people.officer, user=people.cadre), "不是本单位的法律顾问账号")
    # An adviser account of town B is not one of town A's.
    from tests.factories import member

    b_adviser = member(tree.town_b, Role.LEGAL_ADVISER, "adviser_b")
    refused(lambda: lawyer(people.officer, user=b_adviser), "不是本单位的法律顾问账号")


def test_county_adviser_account_may_be_linked(people, tree):
    people.adviser.memberships.all().delete()
    Membership.objects.create(user=people.adviser, org_unit=tree.county, role=Role.LEGAL_ADVISER)
    people.adviser._membership_cache = None
    assert lawyer(people.officer, user=people.adviser).user == people.adviser


def test_one_account_one_adviser_per_unit_and_no_duplicate_licence(people):
    lawyer(people.officer, user=people.adviser)
    refused(
        lambda: lawyer(people.officer, name="乙", licence_no="2" * 17, user=people.adviser),
        "已关联本单位的另一名法律顾问",
    )
    refused(lambda: lawyer(people.officer, name="丙"), "该执业证号的法律顾问已在本单位名册中")


# --- terms and renewal --------------------------------------------------------------------


def test_first_term_and_renewal(people):
    a = appointed(people.officer, start=date(2022, 1, 1), end=date(2023, 12, 31))
    term = services.appointment_create(
        actor=people.officer,
        adviser=a,
        start=date(2024, 1, 1),
        end=date(2026, 12, 31),
        agreement_ref="海屿法顾〔2024〕1号",
    )
    assert term.is_renewal and not a.appointments.get(start=date(2022, 1, 1)).is_renewal
    assert AuditEvent.objects.filter(verb="adviser.appointment_create").count() == 2


def test_term_end_must_follow_start(people):
    a = lawyer(people.officer)
    refused(
        lambda: services.appointment_create(
            actor=people.officer, adviser=a, start=date(2024, 1, 1), end=date(2024, 1, 1)
        ),
        "聘期届满日期应晚于开始日期",
    )


def test_term_longer_than_the_parameter_refused(people):
    a = lawyer(people.officer)
    refused(
        lambda: services.appointment_create(
            actor=people.officer, adviser=a, start=date(2024, 1, 1), end=date(2027, 1, 1)
        ),
        "单个聘期不得超过3年",
    )
    # Three years to the day before is allowed.
    services.appointment_create(
        actor=people.officer, adviser=a, start=date(2024, 1, 1), end=date(2026, 12, 31)
    )


def test_overlapping_term_refused(people):
    a = appointed(people.officer)
    refused(
        lambda: services.appointment_create(
            actor=people.officer, adviser=a, start=date(2026, 6, 1), end=date(2027, 5, 31)
        ),
        "与已登记的聘期重叠",
    )


def test_renewal_refused_when_the_assessment_said_no(people):
    a = appointed(people.officer, start=date(2023, 1, 1), end=date(2024, 12, 31))
    services.assessment_create(
        actor=people.leader,
        adviser=a,
        year=2024,
        scores=full_scores(quality=5, conduct=5, workload=10, timeliness=10),
        today=TODAY,
    )
    refused(
        lambda: services.appointment_create(
            actor=people.officer, adviser=a, start=date(2025, 1, 1), end=date(2026, 12, 31)
        ),
        "2024年度考核结果为“不合格”、不予续聘,不能续聘",
    )


def test_terms_only_for_active_advisers_by_the_keeper(people):
    a = lawyer(people.officer)
    refused(
        lambda: services.appointment_create(
            actor=people.leader, adviser=a, start=date(2024, 1, 1), end=date(2024, 12, 31)
        ),
        exc=Forbidden,
    )
    refused(
        lambda: services.appointment_create(
            actor=people.officer_b, adviser=a, start=date(2024, 1, 1), end=date(2024, 12, 31)
        ),
        "记录不存在或无权查看",
    )
    services.adviser_transition(
        actor=people.officer, obj=a, verb="dismiss", note="合同到期不再续聘"
    )
    refused(
        lambda: services.appointment_create(
            actor=people.officer, adviser=a, start=date(2024, 1, 1), end=date(2024, 12, 31)
        ),
        "已解聘的法律顾问不能登记聘期",
    )


def test_dismiss_needs_a_note_and_leaves_a_timeline(people):
    a = lawyer(people.officer)
    refused(
        lambda: services.adviser_transition(actor=people.officer, obj=a, verb="dismiss"),
        "须填写说明",
    )
    a = services.adviser_transition(actor=people.officer, obj=a, verb="dismiss", note="本人辞任")
    assert a.status == "dismissed"
    assert AuditEvent.objects.filter(verb="adviser.dismiss").exists()
    refused(
        lambda: services.adviser_transition(actor=people.officer, obj=a, verb="dismiss", note="x"),
        "当前状态为“已解聘”",
    )


# --- work entries -------------------------------------------------------------------------


def test_work_entry_within_a_term(people):
    a = appointed(people.officer)
    e = services.work_entry_create(
        actor=people.officer,
        adviser=a,
        kind="consultation",
        date=date(2025, 3, 2),
        description="就渔港码头租赁纠纷提供法律咨询",
        hours="1.5",
        today=TODAY,
    )
    assert e.hours == Decimal("1.5") and e.org_unit == a.org_unit


@pytest.mark.parametrize(
    "kw, fragment",
    [
        ({"date": date(2023, 5, 1)}, "不在法律顾问的聘期内"),
        ({"date": date(2025, 7, 1)}, "不能登记将来日期的工作"),
        ({"kind": "dinner"}, "类别不正确"),
        ({"description": ""}, "请填写事项"),
        ({"hours": "0"}, "用时应大于0"),
        ({"hours": "abc"}, "用时应为数字"),
        ({"hours": "1.25"}, "最多保留1位小数"),
    ],
)
def test_work_entry_refusals(people, kw, fragment):
    a = appointed(people.officer)
    data = dict(kind="training", date=date(2025, 3, 2), description="法治讲座", today=TODAY)
    data.update(kw)
    refused(lambda: services.work_entry_create(actor=people.officer, adviser=a, **data), fragment)


def test_work_entries_are_the_keepers(people):
    a = appointed(people.officer)
    for user in (people.leader, people.adviser):
        refused(
            lambda u=user: services.work_entry_create(
                actor=u,
                adviser=a,
                kind="training",
                date=date(2025, 3, 2),
                description="x",
                today=TODAY,
            ),
            exc=Forbidden,
        )


# --- the 考核办法 ----------------------------------------------------------------------------

CRITERIA = [
    {"name": "工作量", "weight": 40, "source": "workload"},
    {"name": "及时性", "weight": 30, "source": "timeliness"},
    {"name": "质量", "weight": 30},
]
GRADES = [{"name": "优秀", "min": 85}, {"name": "称职", "min": 60}, {"name": "不称职", "min": 0}]


def test_scheme_saved_and_resolved_town_over_county_over_default(people, tree):
    assert services.scheme_for(tree.town_a).unit is None
    services.scheme_save(
        actor=people.supervisor,
        unit=tree.county,
        name="示范县考核办法",
        criteria=CRITERIA,
        grades=GRADES,
        renew_grades=["优秀", "称职"],
    )
    assert services.scheme_for(tree.town_a).name == "示范县考核办法"
    services.scheme_save(
        actor=people.officer,
        unit=tree.town_a,
        name="海屿镇考核办法",
        criteria=CRITERIA,
        grades=GRADES,
        renew_grades=["优秀"],
    )
    s = services.scheme_for(tree.town_a)
    assert s.name == "海屿镇考核办法" and s.renew_grades == ["优秀"]
    assert [c["key"] for c in s.criteria] == ["c1", "c2", "c3"]
    assert services.scheme_for(tree.town_b).name == "示范县考核办法"
    assert AuditEvent.objects.filter(verb="adviser.scheme_save").count() == 2


@pytest.mark.parametrize(
    "criteria, grades, renew, fragment",
    [
        (CRITERIA[:2], GRADES, ["优秀"], "分值之和应为100分,现为70分"),
        ([*CRITERIA[:2], {"name": "质量", "weight": 40}], GRADES, ["优秀"], "现为110分"),
        ([], GRADES, ["优秀"], "请至少设置一个考核项目"),
        ([*CRITERIA[:2], {"name": "工作量", "weight": 30}], GRADES, ["优秀"], "重复"),
        ([*CRITERIA[:2], {"name": "质量", "weight": "三十"}], GRADES, ["优秀"], "应为整数"),
        (CRITERIA, GRADES[:2], ["优秀"], "最低分应为0"),
        (CRITERIA, [GRADES[0], GRADES[0]], ["优秀"], "重复"),
        (CRITERIA, GRADES, ["良好"], "续聘等次“良好”不在所设等次中"),
        (CRITERIA, GRADES, [], "请选择可以续聘的等次"),
    ],
)
def test_scheme_refusals(people, tree, criteria, grades, renew, fragment):
    refused(
        lambda: services.scheme_save(
            actor=people.officer,
            unit=tree.town_a,
            name="办法",
            criteria=criteria,
            grades=grades,
            renew_grades=renew,
        ),
        fragment,
    )


def test_scheme_scope(people, tree):
    args = dict(name="办法", criteria=CRITERIA, grades=GRADES, renew_grades=["优秀"])
    refused(
        lambda: services.scheme_save(actor=people.officer, unit=tree.county, **args), "无权查看"
    )
    refused(
        lambda: services.scheme_save(actor=people.officer_b, unit=tree.town_a, **args), "无权查看"
    )
    refused(
        lambda: services.scheme_save(actor=people.leader, unit=tree.town_a, **args), exc=Forbidden
    )


# --- the assessment ------------------------------------------------------------------------


def test_assessment_total_grade_and_renewal(people):
    a = appointed(people.officer)
    s = services.assessment_create(
        actor=people.leader,
        adviser=a,
        year=2024,
        scores=full_scores(),
        note="履职认真",
        today=TODAY,
    )
    assert s.total == Decimal("92") and s.grade == "优秀" and s.renew
    s2 = services.assessment_create(
        actor=people.officer,
        adviser=a,
        year=2025,
        scores=full_scores(workload="15.5", quality=20),
        today=TODAY,
    )
    assert s2.total == Decimal("72.5") and s2.grade == "合格" and s2.renew
    assert AuditEvent.objects.filter(verb="adviser.assess").count() == 2


def test_assessment_under_a_local_scheme(people, tree):
    services.scheme_save(
        actor=people.officer,
        unit=tree.town_a,
        name="海屿镇考核办法",
        criteria=CRITERIA,
        grades=GRADES,
        renew_grades=["优秀"],
    )
    a = appointed(people.officer)
    s = services.assessment_create(
        actor=people.leader,
        adviser=a,
        year=2024,
        scores={"c1": 30, "c2": 25, "c3": 25},
        today=TODAY,
    )
    assert s.grade == "称职" and not s.renew and s.scheme_name == "海屿镇考核办法"


@pytest.mark.parametrize(
    "scores, fragment",
    [
        (full_scores(conduct=None), "请为“服务态度与廉洁自律”评分(每个考核项目都须评分)"),
        ({k: v for k, v in full_scores().items() if k != "quality"}, "请为“法律意见质量”评分"),
        (full_scores(workload=31), "“履职工作量”的得分应在0至30分之间"),
        (full_scores(workload=-1), "应在0至30分之间"),
        (full_scores(workload="x"), "得分应为数字"),
        (full_scores(workload="10.25"), "最多保留1位小数"),
        ({**full_scores(), "bonus": 5}, "考核项目“bonus”不在考核办法中"),
    ],
)
def test_assessment_score_refusals(people, scores, fragment):
    a = appointed(people.officer)
    refused(
        lambda: services.assessment_create(
            actor=people.leader, adviser=a, year=2024, scores=scores, today=TODAY
        ),
        fragment,
    )


def test_one_assessment_per_year_and_only_in_term(people):
    a = appointed(people.officer)
    services.assessment_create(
        actor=people.leader, adviser=a, year=2024, scores=full_scores(), today=TODAY
    )
    refused(
        lambda: services.assessment_create(
            actor=people.officer, adviser=a, year=2024, scores=full_scores(), today=TODAY
        ),
        "2024年度已考核,每年度只考核一次",
    )
    refused(
        lambda: services.assessment_create(
            actor=people.leader, adviser=a, year=2023, scores=full_scores(), today=TODAY
        ),
        "2023年度不在聘期内",
    )
    refused(
        lambda: services.assessment_create(
            actor=people.leader, adviser=a, year=2026, scores=full_scores(), today=TODAY
        ),
        "考核年度应在2000年至2025年之间",
    )


def test_who_assesses(people, tree):
    a = appointed(people.officer, user=people.adviser)
    # The adviser never assesses themselves (even holding a leader role too).
    Membership.objects.create(user=people.adviser, org_unit=tree.town_a, role=Role.TOWN_LEADER)
    people.adviser._membership_cache = None
    refused(
        lambda: services.assessment_create(
            actor=people.adviser, adviser=a, year=2024, scores=full_scores(), today=TODAY
        ),
        "法律顾问不得考核自己",
        exc=Forbidden,
    )
    refused(
        lambda: services.assessment_create(
            actor=people.supervisor, adviser=a, year=2024, scores=full_scores(), today=TODAY
        ),
        exc=Forbidden,
    )
    refused(
        lambda: services.assessment_create(
            actor=people.officer_b, adviser=a, year=2024, scores=full_scores(), today=TODAY
        ),
        "记录不存在或无权查看",
    )


def test_suggested_scores_from_the_work_record(people, tree):
    from fazhi.advisers.selectors import WorkRecord

    scheme = services.scheme_for(tree.town_a)
    rec = WorkRecord(2024, reviews=10, on_time=9, entries={"consultation": 8})
    s = services.suggested_scores(scheme, rec, tree.town_a)
    assert s == {"workload": round(30 * 18 / 24), "timeliness": 18}
    # No reviews: no timeliness suggestion; workload capped at the weight.
    s = services.suggested_scores(scheme, WorkRecord(2024, entries={"other": 100}), tree.town_a)
    assert s == {"workload": 30}


def test_verbs_have_chinese_labels():
    from fazhi.core.audit import VERB_LABELS

    for verb in (
        "adviser.create",
        "adviser.dismiss",
        "adviser.reinstate",
        "adviser.appointment_create",
        "adviser.work_entry_create",
        "adviser.assess",
        "adviser.scheme_save",
        "adviser.export",
    ):
        assert VERB_LABELS[verb] != verb


def test_licence_constant_is_17_digits():
    assert len(LICENCE) == 17


@pytest.mark.parametrize(
    "start, end",
    [
        (date(1, 1, 1), date(1, 6, 1)),
        (date(9999, 1, 1), date(9999, 12, 31)),
        (date(1999, 1, 1), date(2000, 6, 1)),
    ],
)
def test_impossible_term_dates_refused(people, start, end):
    a = lawyer(people.officer)
    refused(
        lambda: services.appointment_create(actor=people.officer, adviser=a, start=start, end=end),
        "日期应在2000年至2099年之间",
    )


def test_ancient_dates_refused(people):
    refused(lambda: lawyer(people.officer, since=date(1, 1, 1)), "1950年以后")
    a = appointed(people.officer)
    refused(
        lambda: services.work_entry_create(
            actor=people.officer, adviser=a, kind="other", date=date(1, 1, 1), description="x"
        ),
        "2000年以后",
    )
