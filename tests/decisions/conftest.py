"""Fixtures of 重大行政决策: a published catalogue of 海屿镇 with one decision, helpers that
take it through each procedure with its evidence, and a stand-in for the public
participation service (fazhi.participation) coded against the batch-2 contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.attachments import attachment_add
from fazhi.core.deadlines import deadline
from fazhi.core.models import AuditEvent, StatusChange
from fazhi.decisions import services
from fazhi.decisions.models import Catalogue, Decision, Discussion, Expert, RiskAssessment
from fazhi.decisions.services import consult
from fazhi.reviews import checklists
from fazhi.reviews.services import review_conclude
from tests.permission_lib import _png


@dataclass
class FakeConsultation:
    pk: int
    starts_on: date
    ends_on: date
    status: str = "open"
    comment_count: int = 0
    unanswered_count: int = 0
    feedback_rate: float = 0.0
    adoption_rate: float = 0.0
    public_url: str = "/public/consultations/1/"

    @property
    def all_answered(self) -> bool:
        return self.unanswered_count == 0


@dataclass
class FakeHearing:
    title: str
    held_on: date | None = None
    status: str = "noticed"
    report_attachment: object = None
    notice_published_on: date | None = None
    pk: int | None = None


@dataclass
class FakeParticipation:
    """participation's contract functions over a dict (what the gate reads)."""

    consultations: dict = field(default_factory=dict)
    hearings: dict = field(default_factory=dict)
    opened: list = field(default_factory=list)

    def consultation_open(
        self, *, actor, subject, title, text, starts_on, ends_on, reason_short=""
    ):
        c = FakeConsultation(pk=len(self.consultations) + 1, starts_on=starts_on, ends_on=ends_on)
        self.consultations[subject.pk] = c
        self.opened.append((subject.pk, title, reason_short))
        return c

    def consultation_for(self, subject):
        return self.consultations.get(subject.pk)

    def hearings_for(self, subject):
        return self.hearings.get(subject.pk, [])

    def close(self, d, *, comments=3, unanswered=0):
        c = self.consultations[d.pk]
        c.status, c.comment_count, c.unanswered_count = "closed", comments, unanswered


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def fake(monkeypatch):
    backend = FakeParticipation()
    monkeypatch.setattr(consult, "_backend", lambda: backend)
    return backend


def upload(actor, record, name="签字件.png"):
    return attachment_add(
        actor=actor,
        record=record,
        uploaded_file=SimpleUploadedFile(name, _png(), content_type="image/png"),
    )


def published_catalogue(people, tree, year=None):
    cat = services.catalogue_create(
        actor=people.officer, org_unit=tree.town_a, year=year or clock.today().year
    )
    d = services.decision_create(
        actor=people.officer,
        catalogue=cat,
        title="渔港综合整治提升工程",
        category="project",
        undertaker="镇建设办",
        body="第一条 为整治渔港……\n第二条 ……\n第三条 ……",
    )
    services.catalogue_transition(actor=people.leader, obj=cat, verb="adopt")
    services.catalogue_transition(actor=people.officer, obj=cat, verb="publish")
    d.refresh_from_db()
    return cat, d


def run(actor, d, verb, **kw):
    return services.decision_transition(actor=actor, obj=d, verb=verb, **kw)


def through_participation(people, d, fake):
    start = clock.today() - timedelta(days=45)
    d = run(
        people.officer,
        d,
        "start_participation",
        starts_on=start,
        ends_on=deadline(start, 30, "days"),
    )
    fake.close(d)
    return run(people.officer, d, "finish_participation")


def through_expert(people, d):
    e = services.expert_add(
        actor=people.officer,
        decision=d,
        name="王海",
        field="港口工程",
        affiliation="省海洋大学",
        no_conflict=True,
        opinion="方案必要、可行,建议分期实施。",
    )
    upload(people.officer, e)
    return run(people.officer, d, "finish_expert")


def record_risk(people, d, assessor=None):
    risk = services.risk_record(
        actor=people.officer,
        decision=d,
        risks="渔民临时停泊受影响",
        measures="分段施工、提前公告",
        response_plan="设临时泊位,专人接待",
        level="medium",
        controllable=True,
        assessor=assessor or people.cadre,
        assessor_org="镇综治中心",
        assessed_on=clock.today(),
    )
    upload(people.officer, risk, "风险评估报告.png")
    return risk


def through_review(people, d):
    d = run(people.officer, d, "submit_review", reviewer=people.adviser)
    from fazhi.reviews.selectors import active_review

    review = active_review(d)
    checklist = {i.key: {"ok": True} for i in checklists.items_for("decision")}
    review_conclude(
        actor=people.adviser,
        review=review,
        opinion="决策草案符合法定权限和程序,内容合法。",
        conclusion="passed",
        checklist=checklist,
    )
    d.refresh_from_db()
    return run(people.officer, d, "submit_discussion")


def record_discussion(people, d, order="副镇长甲、副镇长乙、镇长"):
    disc = services.discussion_record(
        actor=people.officer,
        decision=d,
        meeting_name="镇政府常务会议",
        meeting_date=clock.today(),
        attendees="镇长、副镇长甲、副镇长乙",
        speaking_order=order,
        chief="镇长",
        dissent="副镇长乙:建议延后一年实施",
    )
    upload(people.officer, disc, "会议记录.png")
    return disc


def to_discussion(people, tree, fake):
    _cat, d = published_catalogue(people, tree)
    d = through_participation(people, d, fake)
    d = through_expert(people, d)
    record_risk(people, d)
    return through_review(people, d)


def decided(people, tree, fake):
    d = to_discussion(people, tree, fake)
    record_discussion(people, d)
    return run(people.leader, d, "decide", decision_text="同意实施渔港综合整治提升工程")


def snapshot(*objs):
    """What a refused call must leave unchanged."""
    statuses = []
    for o in objs:
        o.refresh_from_db()
        statuses.append((type(o).__name__, o.pk, o.status, getattr(o, "procedures_done", None)))
    return (
        statuses,
        Catalogue.objects.count(),
        Decision.objects.count(),
        Expert.objects.count(),
        RiskAssessment.objects.count(),
        Discussion.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )
