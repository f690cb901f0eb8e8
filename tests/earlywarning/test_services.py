"""研判 and the town's answers: one warning per matter, colour changes on the timeline,
resolution when the matter closes, 应对措施 and reasoned dismissal (refusals write
nothing), scoping, and the evaluation's tolerance of missing or broken providers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fazhi.core.models import AuditEvent, StatusChange
from fazhi.core.params import parameter_set
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.core.workflow import timeline
from fazhi.earlywarning import params as P
from fazhi.earlywarning.models import EarlyWarning
from fazhi.earlywarning.services import (
    NO_PROVIDERS,
    evaluate,
    evaluate_now,
    warning_dismiss,
    warning_respond,
)

from .conftest import DAY, fact, green, red, snapshot, yellow

pytestmark = pytest.mark.django_db
S = EarlyWarning.Status


def _w(kind, pk) -> EarlyWarning:
    return EarlyWarning.objects.get(subject_kind=kind, subject_pk=pk)


def test_evaluation_raises_one_warning_per_matter_with_its_factors(tree, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), yellow(tree.grid_a1, 2), green(tree.town_a, 3))
    result = evaluate(tree.town_a, DAY)
    assert (result.offered, result.raised) == (3, 3)
    r, y, g = _w("dispute", 1), _w("dispute", 2), _w("dispute", 3)
    assert (r.colour, y.colour, g.colour) == ("red", "yellow", "green")
    assert r.score == 75 and r.status == S.OPEN and r.url == "/disputes/1/"
    factors = {f["key"]: f for f in r.factors}
    assert factors["words"]["points"] == 60 and "跳楼" in factors["words"]["value"]
    assert factors["category"] == {
        "key": "category", "label": "类别权重", "value": "劳资纠纷", "weight": "类别权重", "points": 15,
    }  # fmt: skip
    assert sum(f["points"] for f in r.factors) == r.score
    # Red: respond within 1 working day; yellow within 5; green needs nothing.
    assert r.response_due == date(2025, 6, 17) and y.response_due == date(2025, 6, 23)
    assert g.response_due is None
    assert [s.label for s in timeline(r)] == ["生成红色预警"]
    assert AuditEvent.objects.filter(verb="earlywarning.raise").count() == 3
    assert AuditEvent.objects.filter(verb="earlywarning.evaluate").count() == 1


def test_re_evaluation_updates_without_duplicates_and_is_idempotent(tree, provider, on_day):
    on_day(DAY)
    provider.offer(yellow(tree.village_a1, 1))
    evaluate(tree.town_a, DAY)
    before = (
        StatusChange.objects.count(),
        AuditEvent.objects.exclude(verb="earlywarning.evaluate").count(),
    )
    result = evaluate(tree.town_a, DAY)
    assert result.raised == result.recoloured == result.resolved == 0
    assert EarlyWarning.objects.count() == 1
    assert before == (
        StatusChange.objects.count(),
        AuditEvent.objects.exclude(verb="earlywarning.evaluate").count(),
    )
    # A score change within the colour is kept without a timeline step.
    provider.offer(yellow(tree.village_a1, 1, repeat_count=1))
    evaluate(tree.town_a, DAY + timedelta(days=1))
    w = _w("dispute", 1)
    assert w.score == 54 and w.evaluated_on == DAY + timedelta(days=1)
    assert StatusChange.objects.count() == before[0]


def test_colour_changes_are_on_the_timeline_and_move_the_response_due(tree, provider, on_day):
    on_day(DAY)
    provider.offer(yellow(tree.village_a1, 1))
    evaluate(tree.town_a, DAY)
    on_day(DAY + timedelta(days=2))
    provider.offer(yellow(tree.village_a1, 1, text="对补偿不满,扬言上访,准备拉横幅堵路"))
    result = evaluate(tree.town_a, DAY + timedelta(days=2))
    w = _w("dispute", 1)
    assert result.recoloured == 1 and w.colour == "red" and w.peak_colour == "red"
    assert w.response_due == date(2025, 6, 19)  # one working day from the escalation
    assert [s.label for s in timeline(w)][-1] == "预警升级:黄色→红色"
    provider.offer(green(tree.village_a1, 1))
    evaluate(tree.town_a, DAY + timedelta(days=2))
    w.refresh_from_db()
    assert w.colour == "green" and w.peak_colour == "red" and w.response_due is None
    assert [s.label for s in timeline(w)][-1] == "预警降级:红色→绿色"


def test_closed_matters_are_resolved_and_come_back_when_offered_again(tree, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), yellow(tree.village_a1, 2))
    evaluate(tree.town_a, DAY)
    provider.withdraw("dispute", 1)
    result = evaluate(tree.town_a, DAY)
    assert result.resolved == 1 and _w("dispute", 1).status == S.RESOLVED
    assert _w("dispute", 2).status == S.OPEN
    assert [s.label for s in timeline(_w("dispute", 1))][-1] == "事项已办结,预警解除"
    provider.offer(red(tree.village_a1, 1))
    result = evaluate(tree.town_a, DAY)
    assert result.reopened == 1 and _w("dispute", 1).status == S.OPEN
    assert EarlyWarning.objects.count() == 2


def test_a_broken_provider_resolves_nothing(tree, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1))
    evaluate(tree.town_a, DAY)
    provider.fail = True
    result = evaluate(tree.town_a, DAY)
    assert result.failed == ["fakeapp"] and result.resolved == 0
    assert _w("dispute", 1).status == S.OPEN
    assert "本次未解除任何预警" in result.lines()[-1]


def test_without_providers_nothing_is_written_and_it_says_so(tree, no_providers):
    audit_before = AuditEvent.objects.count()
    result = evaluate(tree.town_a, DAY)
    assert result.no_providers and NO_PROVIDERS in result.lines()[0]
    assert EarlyWarning.objects.count() == 0 and AuditEvent.objects.count() == audit_before


def test_evaluation_of_one_town_leaves_the_other_alone(tree, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), red(tree.village_b1, 2))
    evaluate(tree.town_a, DAY)
    assert list(EarlyWarning.objects.values_list("subject_pk", flat=True)) == [1]
    provider.withdraw("dispute", 1)
    evaluate(tree.town_b, DAY)  # town B's run never resolves town A's warning
    assert _w("dispute", 1).status == S.OPEN and _w("dispute", 2).status == S.OPEN


def test_town_parameters_change_the_colour(tree, people, provider, on_day):
    """The county supervisor sets a stricter yellow line for town A (local practice)."""
    on_day(DAY)
    provider.offer(fact(tree.village_a1, 1, category="劳资纠纷", group_size=5),
                   fact(tree.village_b1, 2, category="劳资纠纷", group_size=5))  # fmt: skip
    parameter_set(
        actor=people.supervisor, unit=tree.town_a, key=P.YELLOW_THRESHOLD.key, raw_value=20
    )
    evaluate(None, DAY)
    assert _w("dispute", 1).colour == "yellow" and _w("dispute", 2).colour == "green"


def test_key_person_warnings_keep_no_personal_details(tree, provider, on_day):
    on_day(DAY)
    provider.offer(fact(tree.grid_a1, 7, kind="key_person", title="王**(信访重点人员)",
                        url="/grids/persons/7/", text="与前妻矛盾激化",
                        signals=("扬言报复", "有极端言行")))  # fmt: skip
    evaluate(tree.town_a, DAY)
    w = _w("key_person", 7)
    assert w.colour == "red"
    stored = str(w.factors)
    assert "报复" not in stored and "极端" not in stored and "前妻" not in stored
    assert {f["key"]: f["value"] for f in w.factors}["signals"] == "2条(详见人员页面)"


# --- answers ---------------------------------------------------------------------------------


@pytest.fixture
def raised(tree, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), yellow(tree.village_a1, 2), green(tree.village_a1, 3))
    evaluate(tree.town_a, DAY)
    return _w("dispute", 1), _w("dispute", 2), _w("dispute", 3)


def test_the_leader_records_the_response_with_who_what_when(people, raised, on_day):
    r, _, _ = raised
    w = warning_respond(actor=people.leader, warning=r, who="林镇长", measures="当日约谈,包案稳控",
                        on=DAY)  # fmt: skip
    assert w.status == S.RESPONDED and w.responded_by == people.leader
    assert w.response_colour == "red" and w.response_minutes is not None
    assert timeline(w)[-1].label == "记录应对措施" and "包案稳控" in timeline(w)[-1].note
    assert AuditEvent.objects.filter(verb="earlywarning.respond", object_id=str(w.pk)).exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"who": "", "measures": "约谈", "on": DAY}, P.RESPONSE_NEEDS_WHO),
        ({"who": "林镇长", "measures": "  ", "on": DAY}, P.RESPONSE_NEEDS_WHAT),
        ({"who": "林镇长", "measures": "约谈", "on": None}, P.RESPONSE_NEEDS_WHEN),
        (
            {"who": "林镇长", "measures": "约谈", "on": DAY - timedelta(days=3)},
            "落实时间不能早于预警生成日期",
        ),
        (
            {"who": "林镇长", "measures": "约谈", "on": DAY + timedelta(days=60)},
            P.RESPONSE_TOO_LATE,
        ),
    ],
)
def test_an_incomplete_response_is_refused_and_writes_nothing(people, raised, fields, message):
    r, _, _ = raised
    before = snapshot(r)
    with pytest.raises(ServiceError) as exc:
        warning_respond(actor=people.leader, warning=r, **fields)
    assert message in exc.value.message and "本地规则" in P.RESPONSE_NEEDS_WHO
    assert snapshot(r) == before


def test_a_dismissal_without_reason_is_refused_and_writes_nothing(people, raised):
    _, y, _ = raised
    before = snapshot(y)
    with pytest.raises(ServiceError) as exc:
        warning_dismiss(actor=people.officer, warning=y, reason="   ")
    assert exc.value.message == P.DISMISS_NEEDS_REASON
    assert "撤销预警须写明理由" in exc.value.message
    assert snapshot(y) == before
    w = warning_dismiss(actor=people.officer, warning=y, reason="经核实系误报,双方已和解")
    assert w.status == S.DISMISSED and w.dismissed_reason == "经核实系误报,双方已和解"
    assert timeline(w)[-1].note == "经核实系误报,双方已和解"


def test_who_may_answer(people, raised):
    r, _, g = raised
    for actor, error in ((people.supervisor, Forbidden), (people.cadre, Forbidden),
                         (people.adviser, Forbidden)):  # fmt: skip
        with pytest.raises(error):
            warning_respond(actor=actor, warning=r, who="x", measures="y", on=DAY)
    with pytest.raises(ServiceError, match="记录不存在或无权查看"):
        warning_respond(actor=people.officer_b, warning=r, who="x", measures="y", on=DAY)
    with pytest.raises(ServiceError):
        warning_dismiss(actor=people.officer, warning=g, reason="绿色")
    assert warning_respond(actor=people.officer, warning=r, who="陈所长", measures="约谈",
                           on=DAY).status == S.RESPONDED  # fmt: skip


def test_an_escalation_after_a_response_needs_a_new_one(tree, people, provider, raised, on_day):
    _, y, _ = raised
    warning_respond(actor=people.officer, warning=y, who="陈所长", measures="约谈", on=DAY)
    provider.offer(yellow(tree.village_a1, 2, text="扬言上访,准备拉横幅堵路"))
    on_day(DAY + timedelta(days=1))
    result = evaluate(tree.town_a, DAY + timedelta(days=1))
    w = _w("dispute", 2)
    assert result.reopened == 1 and w.status == S.OPEN and w.colour == "red"
    assert w.responded_at is None and w.response_due == date(2025, 6, 18)
    labels = [s.label for s in timeline(w)]
    assert labels[-3:] == ["记录应对措施", "预警升级:黄色→红色", "重新待应对"]
    # A lower colour after a response changes nothing in the answer.
    warning_respond(
        actor=people.leader, warning=w, who="林镇长", measures="包案", on=DAY + timedelta(days=1)
    )
    provider.offer(yellow(tree.village_a1, 2))
    evaluate(tree.town_a, DAY + timedelta(days=1))
    assert _w("dispute", 2).status == S.RESPONDED


def test_evaluate_now_is_the_law_officers_for_their_town(tree, people, provider, on_day):
    on_day(DAY)
    provider.offer(red(tree.village_a1, 1), red(tree.village_b1, 2))
    result = evaluate_now(actor=people.officer)
    assert result.raised == 1 and _w("dispute", 1).org_unit == tree.village_a1
    for actor in (people.leader, people.supervisor, people.grid_worker):
        with pytest.raises(Forbidden, match="只有本镇法治办工作人员可以发起立即研判"):
            evaluate_now(actor=actor)
    with pytest.raises(ServiceError, match="记录不存在"):
        evaluate_now(actor=people.officer, unit=tree.town_b)
