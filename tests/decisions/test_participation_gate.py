"""The public-participation gate on the real shared service (fazhi.participation): the
consultation opened from the decision, the ≥ 30-day minimum counted on the official
calendar (2024 National Day), comments answered before the decision may go on, and a
hearing counted only once its report is attached."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.permissions import ServiceError
from fazhi.decisions.models import Decision
from fazhi.participation import selectors as p_selectors
from fazhi.participation import services as p_services
from tests.permission_lib import _png

from .conftest import published_catalogue, run, snapshot

pytestmark = pytest.mark.django_db


def _png_file(name):
    return SimpleUploadedFile(name, _png(), content_type="image/png")


def test_consultation_hearing_and_answers_through_participation(people, tree, on_day):
    on_day(date(2024, 9, 2))  # a Monday
    _cat, d = published_catalogue(people, tree)
    # 30 days from 2 September end on 2 October, inside the National Day holiday
    # (1–7 October 2024): the period runs to the next working day, 8 October.
    before = snapshot(d)
    with pytest.raises(ServiceError) as exc:
        run(
            people.officer,
            d,
            "start_participation",
            starts_on=date(2024, 9, 2),
            ends_on=date(2024, 10, 2),
        )
    assert "第十五条" in exc.value.message and "2024年10月08日" in exc.value.message
    assert snapshot(d) == before and p_selectors.consultation_for(d) is None

    d = run(
        people.officer,
        d,
        "start_participation",
        starts_on=date(2024, 9, 2),
        ends_on=date(2024, 10, 8),
    )
    consultation = p_selectors.consultation_for(d)
    assert consultation is not None and consultation.status == "open"
    assert d.next_due == date(2024, 10, 8) and d.next_due_label == "公开征求意见截止"
    comment = p_services.comment_submit(
        actor=people.resident, consultation=consultation, body="建议设置临时泊位"
    )

    hearing = p_services.hearing_create(
        actor=people.officer,
        subject=d,
        title="渔港整治听证会",
        matter="整治方案及补偿标准",
        place="镇政府三楼会议室",
        held_on=date(2024, 9, 20),
        notice_published_on=date(2024, 9, 3),
    )
    reg = p_services.hearing_register(
        actor=people.resident, hearing=hearing, name="陈渔民", phone="13800000000", tag="interested"
    )
    p_services.hearing_select(actor=people.officer, hearing=hearing, registrations=[reg])

    on_day(date(2024, 10, 9))
    with pytest.raises(ServiceError, match="未答复"):
        run(people.officer, d, "finish_participation")
    p_services.answer_comments(
        actor=people.officer,
        consultation=consultation,
        comments=[comment],
        outcome="adopted",
        reason="已在方案中增设临时泊位",
    )
    # The hearing was held but its record and report are not attached yet.
    with pytest.raises(ServiceError, match="第十七条"):
        run(people.officer, d, "finish_participation")
    p_services.hearing_record(
        actor=people.officer, hearing=hearing, uploaded_file=_png_file("听证笔录.png")
    )
    p_services.hearing_report(
        actor=people.officer,
        hearing=hearing,
        uploaded_file=_png_file("听证报告.png"),
        summary="参加人赞成整治,建议增设临时泊位",
    )
    d = run(people.officer, d, "finish_participation")
    assert d.status == Decision.Status.EXPERT and d.procedures_done == 1
