"""村规民约: filed with the town, pre-reviewed by the village-rules rule set, returned for
correction with a deadline on the official calendar, refiled and accepted; the workbench
shows the correction loop; bad input is refused with nothing written."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.lawunits import deadlines, services
from fazhi.lawunits.models import VillageRules
from fazhi.reviews.precheck import precheck

from .conftest import DAY, LAWFUL_RULES, UNLAWFUL_RULES, file_rules

pytestmark = pytest.mark.django_db


def _counts():
    return VillageRules.objects.count(), AuditEvent.objects.count()


def test_rules_without_their_village_are_refused_and_nothing_written(people, tree):
    before = _counts()
    with pytest.raises(ServiceError) as exc:
        services.rules_file(
            actor=people.officer, org_unit=None, title="村规民约", text=LAWFUL_RULES, adopted_on=DAY
        )
    assert exc.value.message.startswith("请选择村(社区):村规民约由村民会议制定")
    assert "《村民委员会组织法》第二十七条" in exc.value.message
    assert exc.value.errors["org_unit"]
    assert _counts() == before


def test_rules_of_a_town_instead_of_a_village_are_refused(people, tree):
    before = _counts()
    with pytest.raises(ServiceError, match="所选单位不是村\\(社区\\):海屿镇"):
        services.rules_file(
            actor=people.officer, org_unit=tree.town_a, title="x", text=LAWFUL_RULES, adopted_on=DAY
        )
    assert _counts() == before


def test_rules_of_another_village_are_refused(people, tree):
    before = _counts()
    with pytest.raises(Forbidden):
        file_rules(people.village_cadre, tree.village_a2)
    assert _counts() == before


def test_lawful_rules_have_no_findings_and_are_accepted(people, tree):
    rules = file_rules(people.village_cadre, tree.village_a1)
    assert rules.status == "filed" and rules.finding_count == 0
    rules = services.rules_transition(actor=people.officer, obj=rules, verb="accept", on=DAY)
    assert rules.status == "accepted" and rules.accepted_on == DAY and not rules.corrected


def test_an_unlawful_fine_and_a_married_out_womans_share_are_flagged(people, tree):
    rules = file_rules(people.village_cadre, tree.village_a1, text=UNLAWFUL_RULES)
    cats = {f["category"] for f in rules.findings}
    assert cats == {"vr_penalty", "vr_women"}
    fine = next(f for f in rules.findings if f["category"] == "vr_penalty")
    assert "村民委员会组织法》第二十七条" in fine["basis"] and "罚款" in fine["quote"]
    women = next(f for f in rules.findings if f["category"] == "vr_women")
    assert "妇女权益保障法》第五十五条" in women["basis"]


@pytest.mark.parametrize(
    "sentence,category",
    [
        ("拒不缴纳卫生费的，村里停止供水供电。", "vr_benefits"),
        ("外来人员一律不准落户本村。", "vr_benefits"),
        ("本村青年不准与外村人通婚。", "vr_marriage"),
        ("偷盗者须挂牌游街示众。", "vr_person"),
    ],
)
def test_the_village_rule_set_names_each_kind_of_unlawful_clause(sentence, category):
    assert precheck(sentence, "village_rules").categories() == {category}


def test_the_village_rule_set_leaves_lawful_lookalikes_alone():
    for text in (
        "村民违反治安管理规定的，报请公安机关依法处理。",
        "出嫁女户口未迁出的，享有与本村村民同等的收益分配权利。",
        "婚姻自由，禁止包办、买卖婚姻。",
        "村民委员会不得以停水停电等方式强制村民履行义务。",
    ):
        assert precheck(text, "village_rules").findings == [], text


def test_accepting_rules_with_findings_needs_a_reason(people, tree):
    rules = file_rules(people.village_cadre, tree.village_a1, text=UNLAWFUL_RULES)
    before = _counts()
    with pytest.raises(ServiceError) as exc:
        services.rules_transition(actor=people.officer, obj=rules, verb="accept")
    assert exc.value.message == "预审仍有2处提示:审查通过须说明为何不需改正(或退回村里改正)"
    assert _counts() == before


def test_the_correction_loop(people, tree, on_day):
    """Given rules with an unlawful fine filed on 2024-09-01, when the office returns them
    that day, then the village must correct them within 30 days — the period ends on
    2024-10-01, a National Day holiday, so the deadline moves to 2024-10-08; the cadre's
    workbench shows it; refiling the same text is refused; the corrected text passes the
    pre-review and is accepted: counted as corrected."""
    on_day(date(2024, 9, 2))
    filed = date(2024, 9, 1)
    rules = file_rules(people.village_cadre, tree.village_a1, text=UNLAWFUL_RULES, on=filed)
    rules = services.rules_transition(
        actor=people.officer,
        obj=rules,
        verb="return",
        note="第二条设定罚款,第三条侵害出嫁女权益",
        on=filed,
    )
    assert rules.status == "returned" and rules.correction_due == date(2024, 10, 8)
    assert rules.returned_count == 1
    items = deadlines.pending_items(people.village_cadre, date(2024, 10, 2))
    assert [(i.category, i.due, i.level) for i in items] == [
        ("村规民约改正", date(2024, 10, 8), "warning")
    ]
    assert deadlines.pending_items(people.village_cadre, date(2024, 10, 9))[0].level == "danger"

    before = _counts()
    with pytest.raises(ServiceError, match="重新报备的正文与退回前相同"):
        services.rules_transition(
            actor=people.village_cadre, obj=rules, verb="refile", text=UNLAWFUL_RULES
        )
    assert _counts() == before
    corrected = LAWFUL_RULES
    rules = services.rules_transition(
        actor=people.village_cadre, obj=rules, verb="refile", text=corrected
    )
    assert (rules.status, rules.version, rules.finding_count, rules.correction_due) == (
        "filed", 2, 0, None,
    )  # fmt: skip
    assert not deadlines.pending_items(people.village_cadre, date(2024, 10, 2))
    office = deadlines.pending_items(people.officer, date(2024, 10, 2))
    assert [i.category for i in office] == ["村规民约审查"]
    rules = services.rules_transition(actor=people.officer, obj=rules, verb="accept")
    assert rules.corrected


def test_the_correction_period_is_a_parameter(people, tree):
    from fazhi.core.models import ParameterValue
    from fazhi.lawunits.params import RULES_CORRECTION_DAYS

    ParameterValue.objects.create(
        org_unit=tree.town_a, key=RULES_CORRECTION_DAYS.key, value=15, set_by=people.supervisor
    )
    rules = file_rules(people.village_cadre, tree.village_a1, text=UNLAWFUL_RULES, on=DAY)
    rules = services.rules_transition(
        actor=people.officer, obj=rules, verb="return", note="改", on=DAY
    )
    assert rules.correction_due == date(2025, 3, 18)


def test_only_the_office_reviews(people, tree):
    rules = file_rules(people.village_cadre, tree.village_a1)
    with pytest.raises(Forbidden):
        services.rules_transition(actor=people.village_cadre, obj=rules, verb="accept")
    with pytest.raises(ServiceError, match="记录不存在或无权查看"):
        services.rules_transition(actor=people.officer_b, obj=rules, verb="accept")
