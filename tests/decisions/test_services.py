"""The five procedures as hard gates, and each Bad-input case of issue 10 that touches
decisions: a clear Chinese refusal citing its article, and nothing written."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fazhi.core import clock
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.decisions import services
from fazhi.decisions.models import Decision

from .conftest import (
    FakeHearing,
    decided,
    published_catalogue,
    record_discussion,
    record_risk,
    run,
    snapshot,
    through_expert,
    through_participation,
    through_review,
    to_discussion,
    upload,
)

pytestmark = pytest.mark.django_db


def refused(call, *objs, match):
    before = snapshot(*objs)
    with pytest.raises(ServiceError) as exc:
        call()
    assert match in exc.value.message, exc.value.message
    assert snapshot(*objs) == before
    return exc.value


def test_full_procedure_publishes_and_counts_five(people, tree, fake):
    d = decided(people, tree, fake)
    assert d.status == Decision.Status.DECIDED
    assert d.procedures_done == 5 and d.procedures_completed_on == clock.today()
    d = run(people.officer, d, "publish", published_on=clock.today(), publish_channel="镇政府网站")
    assert d.next_due is not None and d.next_due_label == "决策执行情况报告"
    d = run(people.officer, d, "archive")
    assert d.archived_on == clock.today()
    assert all(g["missing"] is None for g in services.gate_report(d))


def test_start_needs_published_catalogue(people, tree, fake):
    cat = services.catalogue_create(
        actor=people.officer, org_unit=tree.town_a, year=clock.today().year
    )
    d = services.decision_create(
        actor=people.officer, catalogue=cat, title="事项", category="policy", undertaker="镇政府"
    )
    start = clock.today()
    refused(
        lambda: run(
            people.officer,
            d,
            "start_participation",
            starts_on=start,
            ends_on=start + timedelta(days=30),
        ),
        d,
        match="第三条",
    )


def test_consultation_shorter_than_minimum_without_reason_is_refused(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    start = clock.today()
    err = refused(
        lambda: run(
            people.officer,
            d,
            "start_participation",
            starts_on=start,
            ends_on=start + timedelta(days=20),
        ),
        d,
        match="第十五条",
    )
    assert "不足30日" in err.message
    assert fake.consultations == {}
    # With a stated reason the shorter period is allowed, and the reason travels along.
    d = run(
        people.officer,
        d,
        "start_participation",
        starts_on=start,
        ends_on=start + timedelta(days=20),
        reason_short="汛期前须完成施工,情况紧急",
    )
    assert d.status == Decision.Status.PARTICIPATION
    assert fake.opened[0][2] == "汛期前须完成施工,情况紧急"
    assert d.next_due == start + timedelta(days=20) or d.next_due_label == "公开征求意见截止"


def test_participation_gate_waits_for_close_and_answers(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    start = clock.today() - timedelta(days=45)
    d = run(
        people.officer,
        d,
        "start_participation",
        starts_on=start,
        ends_on=start + timedelta(days=35),
    )
    refused(lambda: run(people.officer, d, "finish_participation"), d, match="征求意见尚未结束")
    fake.close(d, comments=5, unanswered=2)
    refused(lambda: run(people.officer, d, "finish_participation"), d, match="2条公众意见未答复")


def test_hearing_must_be_held_with_its_report(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    start = clock.today() - timedelta(days=45)
    d = run(
        people.officer,
        d,
        "start_participation",
        starts_on=start,
        ends_on=start + timedelta(days=35),
    )
    fake.close(d)
    hearing = FakeHearing(
        title="渔港整治听证会", held_on=clock.today() - timedelta(days=3), status="held"
    )
    fake.hearings[d.pk] = [hearing]
    refused(lambda: run(people.officer, d, "finish_participation"), d, match="第十七条")
    hearing.report_attachment = object()
    assert run(people.officer, d, "finish_participation").status == Decision.Status.EXPERT


def test_expert_with_declared_conflict_is_refused(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    d = through_participation(people, d, fake)
    err = refused(
        lambda: services.expert_add(
            actor=people.officer,
            decision=d,
            name="李工",
            field="港口工程",
            no_conflict=False,
            opinion="同意",
        ),
        d,
        match="第二十条",
    )
    assert "直接利害关系" in err.message


def test_expert_gate_needs_signed_opinion(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    d = through_participation(people, d, fake)
    refused(lambda: run(people.officer, d, "finish_expert"), d, match="第十九条")
    e = services.expert_add(
        actor=people.officer,
        decision=d,
        name="王海",
        field="港口",
        no_conflict=True,
        opinion="可行",
    )
    # An opinion without its signed copy is no evidence.
    err = refused(lambda: run(people.officer, d, "finish_expert"), d, match="署名")
    assert "第十九条" in err.message
    upload(people.officer, e)
    assert run(people.officer, d, "finish_expert").status == Decision.Status.RISK


def test_skipping_risk_assessment_or_its_report_is_refused(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    d = through_expert(people, through_participation(people, d, fake))
    refused(
        lambda: run(people.officer, d, "submit_review", reviewer=people.adviser),
        d,
        match="第二十二条",
    )
    services.risk_record(
        actor=people.officer,
        decision=d,
        risks="r",
        measures="m",
        response_plan="p",
        level="low",
        controllable=True,
        assessor=people.cadre,
        assessor_org="镇综治中心",
        assessed_on=clock.today(),
    )
    refused(
        lambda: run(people.officer, d, "submit_review", reviewer=people.adviser),
        d,
        match="第二十三条",
    )


def test_a_skipped_step_is_refused_by_state(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    refused(lambda: run(people.leader, d, "decide", decision_text="同意"), d, match="不能执行")
    refused(lambda: run(people.officer, d, "submit_discussion"), d, match="不能执行")


def test_discussion_needs_passed_legality_review(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    d = through_expert(people, through_participation(people, d, fake))
    record_risk(people, d)
    d = run(people.officer, d, "submit_review", reviewer=people.adviser)
    assert d.next_due_label == "合法性审查到期"
    refused(lambda: run(people.officer, d, "submit_discussion"), d, match="第二十五条")


def test_chief_must_speak_last(people, tree, fake):
    d = to_discussion(people, tree, fake)
    err = refused(
        lambda: record_discussion(people, d, order="镇长、副镇长甲、副镇长乙"), d, match="第三十条"
    )
    assert "最后发表意见" in err.message
    record_discussion(people, d)
    d.refresh_from_db()
    assert d.discussion.speaking_order[-1] == "镇长"
    assert d.discussion.dissent


def test_decide_needs_minutes_uploaded(people, tree, fake):
    d = to_discussion(people, tree, fake)
    services.discussion_record(
        actor=people.officer,
        decision=d,
        meeting_name="常务会议",
        meeting_date=clock.today(),
        attendees="镇长、副镇长甲",
        speaking_order="副镇长甲、镇长",
        chief="镇长",
    )
    refused(
        lambda: run(people.leader, d, "decide", decision_text="同意"), d, match="会议记录未上传"
    )


def test_post_evaluator_who_did_the_pre_assessment_is_refused(people, tree, fake):
    d = decided(people, tree, fake)
    d = run(people.officer, d, "publish", published_on=clock.today(), publish_channel="镇政府网站")
    err = refused(
        lambda: services.post_evaluation_record(
            actor=people.officer,
            decision=d,
            evaluator=people.cadre,
            evaluator_org="县评估中心",
            evaluated_on=clock.today(),
            conclusion="达到预期",
        ),
        d,
        match="第三十六条",
    )
    assert "论证评估" in err.message
    refused(
        lambda: services.post_evaluation_record(
            actor=people.officer,
            decision=d,
            evaluator=people.leader,
            evaluator_org="镇综治中心",
            evaluated_on=clock.today(),
            conclusion="达到预期",
        ),
        d,
        match="第三十六条",
    )
    ev = services.post_evaluation_record(
        actor=people.officer,
        decision=d,
        evaluator=people.leader,
        evaluator_org="县决策咨询中心",
        evaluated_on=clock.today(),
        conclusion="达到预期效果",
    )
    assert ev.pk


def test_change_is_a_new_version_through_the_procedure(people, tree, fake):
    d = decided(people, tree, fake)
    d = run(people.officer, d, "publish", published_on=clock.today(), publish_channel="镇政府网站")
    new = services.decision_revise(actor=people.officer, decision=d, reason="客观情况发生重大变化")
    assert new.version == 2 and new.status == Decision.Status.DRAFT and new.previous_id == d.pk
    refused(
        lambda: services.decision_revise(actor=people.officer, decision=d, reason="再调整"),
        d,
        match="第三十七条",
    )
    new = through_participation(people, new, fake)
    new = through_expert(people, new)
    record_risk(people, new)
    new = through_review(people, new)
    record_discussion(people, new)
    run(people.leader, new, "decide", decision_text="调整后实施")
    d.refresh_from_db()
    assert d.status == Decision.Status.SUPERSEDED


def test_draft_cannot_be_revised_as_change(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    refused(
        lambda: services.decision_revise(actor=people.officer, decision=d, reason="x"),
        d,
        match="第三十七条",
    )


def test_roles_and_scope(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    start = clock.today()
    with pytest.raises(Forbidden):
        run(
            people.leader,
            d,
            "start_participation",
            starts_on=start,
            ends_on=start + timedelta(days=30),
        )
    with pytest.raises(ServiceError):
        run(
            people.officer_b,
            d,
            "start_participation",
            starts_on=start,
            ends_on=start + timedelta(days=30),
        )
    with pytest.raises(Forbidden):
        services.catalogue_create(actor=people.officer_b, org_unit=tree.town_a, year=start.year)


def test_catalogue_cannot_be_adopted_empty_nor_grow_after(people, tree):
    cat = services.catalogue_create(
        actor=people.officer, org_unit=tree.town_a, year=clock.today().year
    )
    refused(
        lambda: services.catalogue_transition(actor=people.leader, obj=cat, verb="adopt"),
        cat,
        match="第三条",
    )
    services.decision_create(
        actor=people.officer, catalogue=cat, title="事项", category="policy", undertaker="镇政府"
    )
    services.catalogue_transition(actor=people.leader, obj=cat, verb="adopt")
    refused(
        lambda: services.decision_create(
            actor=people.officer,
            catalogue=cat,
            title="又一项",
            category="policy",
            undertaker="镇政府",
        ),
        cat,
        match="第三条",
    )


def test_archive_zip_has_index_of_every_document_and_step(people, tree, fake):
    import io
    import zipfile

    from fazhi.core.models import AuditEvent

    d = decided(people, tree, fake)
    d = run(people.officer, d, "publish", published_on=clock.today(), publish_channel="镇政府网站")
    with pytest.raises(ServiceError, match="第三十三条"):
        services.decision_archive_file(actor=people.officer, decision=d)
    d = run(people.officer, d, "archive")
    before = AuditEvent.objects.filter(verb="decision.archive_download").count()
    f = services.decision_archive_file(actor=people.supervisor, decision=d)
    zf = zipfile.ZipFile(io.BytesIO(f.content))
    names = zf.namelist()
    index = zf.read("案卷目录.txt").decode()
    assert any(n.startswith("02-专家论证/王海/") for n in names)
    assert any(n.startswith("03-风险评估/") for n in names) and any(
        n.startswith("05-集体讨论/") for n in names
    )
    for label in (
        "公众参与",
        "专家论证",
        "风险评估",
        "合法性审查",
        "集体讨论决定",
        "作出决定",
        "归档",
    ):
        assert label in index
    assert "副镇长甲 → 副镇长乙 → 镇长" in index
    assert AuditEvent.objects.filter(verb="decision.archive_download").count() == before + 1
    with pytest.raises(Forbidden):
        services.decision_archive_file(actor=people.officer_b, decision=d)


def test_figures_for_any_period(people, tree, fake):
    from datetime import date

    from fazhi.decisions.summary import figures

    d = decided(people, tree, fake)
    run(people.officer, d, "publish", published_on=clock.today(), publish_channel="镇政府网站")
    today = clock.today()
    by_key = {f.key: f for f in figures(tree.town_a, today.replace(day=1), today)}
    five = by_key["decisions.five_procedures"]
    assert five.value == 1 and five.breakdown["在办及办结"] == 1
    assert "全部履行的1项,占100.0%" in five.sentence
    assert by_key["decisions.decided"].sentence == "经集体讨论作出重大行政决策1项,公布1项"
    assert "列入决策事项1项" in by_key["decisions.catalogues"].sentence
    # A period before anything began says nothing.
    early = figures(tree.town_a, date(2020, 1, 1), date(2020, 1, 10))
    assert all(f.value == 0 and f.sentence == "" for f in early)
    # The county sees its towns; town B nothing.
    assert {f.key: f.value for f in figures(tree.county, today.replace(day=1), today)}[
        "decisions.decided"
    ] == 1
    assert {f.key: f.value for f in figures(tree.town_b, today.replace(day=1), today)}[
        "decisions.decided"
    ] == 0


def test_workbench_shows_gate_deadlines(people, tree, fake):
    from fazhi.decisions.deadlines import pending_items

    _cat, d = published_catalogue(people, tree)
    start = clock.today()
    run(
        people.officer,
        d,
        "start_participation",
        starts_on=start,
        ends_on=start + timedelta(days=40),
    )
    items = pending_items(people.officer, clock.today())
    assert [i.title for i in items] == [f"公开征求意见截止:{d.title}"]
    assert items[0].due == start + timedelta(days=40)
    assert pending_items(people.officer_b, clock.today()) == []
    assert pending_items(people.leader, clock.today())[0].due == start + timedelta(days=40)


def test_review_conclusion_clears_its_deadline(people, tree, fake):
    from fazhi.reviews import checklists
    from fazhi.reviews.selectors import active_review
    from fazhi.reviews.services import review_conclude

    _cat, d = published_catalogue(people, tree)
    d = through_expert(people, through_participation(people, d, fake))
    record_risk(people, d)
    d = run(people.officer, d, "submit_review", reviewer=people.adviser)
    review = active_review(d)
    assert d.next_due == review.due_date
    review_conclude(
        actor=people.adviser,
        review=review,
        opinion="决策草案合法,同意提交讨论。",
        conclusion="passed",
        checklist={i.key: {"ok": True} for i in checklists.items_for("decision")},
    )
    d.refresh_from_db()
    assert d.next_due is None
