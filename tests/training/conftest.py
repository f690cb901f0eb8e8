"""Fixtures of 案例实景式教学: a case of town A's library and a planned session of it,
reached through the services."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.models import AuditEvent, StatusChange
from fazhi.training import services
from fazhi.training.models import Case, Participant, Session

DAY = date(2025, 3, 14)  # a Friday: the session's day


def make_case(people, tree, **kw):
    return services.case_create(
        actor=kw.pop("actor", people.officer),
        org_unit=kw.pop("org_unit", tree.town_a),
        title=kw.pop("title", "征地补偿集体走访"),
        case_type=kw.pop("case_type", "信访纠纷"),
        facts=kw.pop("facts", "12户村民集体走访,要求重新分配征地补偿款。"),
        roles=kw.pop("roles", ["信访人", "接访干部", "村干部"]),
        legal_points=kw.pop("legal_points", "《信访工作条例》第二十条、第二十三条。"),
        model_handling=kw.pop("model_handling", "1.推选代表;2.登记告知;3.依法答复。"),
    )


def make_session(people, case, **kw):
    return services.session_create(
        actor=people.officer,
        case=case,
        held_on=kw.pop("held_on", DAY),
        place=kw.pop("place", "镇信访接待中心"),
        host=kw.pop("host", people.officer),
    )


def snapshot(*objs):
    """What a refused call must leave unchanged: rows, statuses, ratings, timeline, audit."""
    rows = []
    for o in objs:
        o.refresh_from_db()
        rows.append(
            (type(o).__name__, o.pk, getattr(o, "status", None), getattr(o, "rating", None))
        )
    return (
        rows,
        Case.objects.count(),
        Session.objects.count(),
        Participant.objects.count(),
        StatusChange.objects.count(),
        AuditEvent.objects.count(),
    )


def refused(exc_type, message, call, *objs):
    """`call()` raises `exc_type` whose message contains `message`, and nothing changed."""
    before = snapshot(*objs)
    with pytest.raises(exc_type) as info:
        call()
    assert message in info.value.message, info.value.message
    assert snapshot(*objs) == before
    return info.value


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


PLANNED_ON = date(2025, 3, 3)  # a Monday: the library and the plans are made then


@pytest.fixture(autouse=True)
def _planning_day(on_day):
    """Records are made on PLANNED_ON; a test moves on from there with on_day."""
    on_day(PLANNED_ON)


@pytest.fixture
def case(people, tree):
    return make_case(people, tree)


@pytest.fixture
def session(people, case):
    return make_session(people, case)


@pytest.fixture
def rostered(people, session):
    """The session with the village cadre and the grid worker on its roster."""
    a = services.participant_add(
        actor=people.officer, session=session, user=people.village_cadre, role="村干部"
    )
    b = services.participant_add(
        actor=people.officer, session=session, user=people.grid_worker, role="信访人"
    )
    return session, a, b


@pytest.fixture
def held(rostered, on_day):
    """The rostered session, marked held on its day."""
    session, a, b = rostered
    on_day(DAY)
    services.session_transition(actor=session.created_by, obj=session, verb="hold")
    session.refresh_from_db()
    return session, a, b
