"""Builders for 法律顾问 tests: records made through the services, as the law officer."""

from __future__ import annotations

from datetime import date

from fazhi.advisers import services

LICENCE = "13301200910123456"


def lawyer(officer, *, name="郑立言", since=date(2012, 3, 1), user=None, **kw):
    data = dict(
        actor=officer,
        name=name,
        kind="lawyer",
        institution="海屿律师事务所",
        licence_no=kw.pop("licence_no", LICENCE),
        practice_since=since,
        user_id=user.pk if user else None,
    )
    data.update(kw)
    return services.adviser_create(**data)


def appointed(officer, *, start=date(2024, 1, 1), end=date(2026, 12, 31), **kw):
    adviser = lawyer(officer, **kw)
    services.appointment_create(actor=officer, adviser=adviser, start=start, end=end)
    return adviser


def full_scores(**override):
    scores = {"workload": 28, "timeliness": 18, "quality": 27, "conduct": 19}
    scores.update(override)
    return scores
