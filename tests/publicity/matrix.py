"""Permission matrix entries of 普法宣传 (merged by tests/test_permission_matrix.py).

The records, all in town A (海屿镇): its default configuration and 2025 themed dates, a
town-level event, an option, a case pushed to the town's 机关干部 (`cadre`). Readers
of the town (county supervisor, leader, law officer) see them; a village cadre sees
its village's events only; the cadre sees the push it received; town B's officer and
the other county get 404."""

from __future__ import annotations

from datetime import date

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

READERS = {"supervisor", "leader", "officer", "officer_b", "village_cadre", "other_supervisor"}
SEES_TOWN = {"supervisor", "leader", "officer"}
HIDDEN = {"officer_b", "village_cadre", "other_supervisor"}
WRITERS = {"officer", "officer_b"}
EVENT_WRITERS = {"officer", "officer_b", "village_cadre"}
STUDY = READERS - {"village_cadre"}

EVENT = lambda c: {"pk": c.pub_event.pk}  # noqa: E731
PUSH = lambda c: {"pk": c.pub_push.pk}  # noqa: E731
EVENT_PAGE = lambda c: {  # noqa: E731
    "org_unit": c.tree.town_a.pk,
    "title": "探测",
    "format": c.pub_format.pk,
    "targets": [c.pub_target.pk],
    "held_on": "2025-05-20",
    "place": "探测",
    "organiser": "探测",
    "audience": "1",
}
EVENT_API = lambda c: {  # noqa: E731
    "org_unit_id": c.tree.town_a.pk,
    "title": "探测",
    "format_id": c.pub_format.pk,
    "target_ids": [c.pub_target.pk],
    "held_on": "2025-05-20",
    "place": "探测",
    "organiser": "探测",
    "audience": 1,
}
WRITE = {ANON: LOGIN, "leader": 403, "cadre": 403, "village_cadre": 403, "resident": 403}

EXPECTATIONS = {
    "publicity:event_list": page(READERS),
    "publicity:event_create": page(
        EVENT_WRITERS,
        post={ANON: LOGIN, "leader": 403, "cadre": 403, "adviser": 403},
        data=EVENT_PAGE,
    ),
    "publicity:event_detail": page(SEES_TOWN, hidden=HIDDEN, kwargs=EVENT),
    "publicity:event_photo_add": post_only(
        {ANON: LOGIN, "leader": 403, "cadre": 403, "officer_b": 404, "village_cadre": 404},
        kwargs=EVENT,
    ),
    "publicity:reach": page(READERS),
    "publicity:calendar": page(READERS),
    "publicity:campaign_list": page(READERS),
    "publicity:campaign_create": page(
        WRITERS, post=WRITE, data=lambda c: {"name": "探测", "starts_on": "2025-06-01"}
    ),
    "publicity:campaign_seed": post_only(WRITE, data=lambda c: {"year": "2025"}),
    "publicity:option_list": page(READERS),
    "publicity:option_create": post_only(WRITE, data=lambda c: {"kind": "format", "name": "探测"}),
    "publicity:option_seed": post_only(WRITE),
    "publicity:option_toggle": post_only(
        {**WRITE, "officer_b": 404}, kwargs=lambda c: {"pk": c.pub_format.pk}
    ),
    "publicity:study_list": page(STUDY),
    "publicity:study_import": page(WRITERS, post=WRITE, data=lambda c: {"platform": "学习强国"}),
    "publicity:case_list": page(READERS),
    "publicity:case_create": page(
        WRITERS,
        post=WRITE,
        data=lambda c: {"title": "探测", "facts": "x", "law_applied": "x", "lesson": "x"},
    ),
    "publicity:casepush_list": page(READERS | {"cadre"}),
    "publicity:casepush_create": page(
        WRITERS,
        post=WRITE,
        data=lambda c: {"case": c.pub_push.case_id, "recipients": [c.people.cadre.pk]},
    ),
    "publicity:casepush_detail": page(SEES_TOWN | {"cadre"}, hidden=HIDDEN, kwargs=PUSH),
    "api-1.0.0:publicity_events": api_get(READERS),
    "api-1.0.0:publicity_event_detail": api_get(
        SEES_TOWN, hidden=HIDDEN, kwargs=lambda c: {"event_id": c.pub_event.pk}
    ),
    "api-1.0.0:publicity_event_create": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "officer_b": 404}, data=EVENT_API
    ),
    "api-1.0.0:publicity_casepushes": api_get(READERS),
    "api-1.0.0:publicity_casepush_detail": api_get(
        SEES_TOWN, hidden=HIDDEN, kwargs=lambda c: {"push_id": c.pub_push.pk}
    ),
    "api-1.0.0:publicity_casepush_create": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "officer_b": 404},
        data=lambda c: {"case_id": c.pub_push.case_id, "recipient_ids": [c.people.cadre.pk]},
    ),
}


def records(people, tree) -> dict:
    from fazhi.core import clock
    from fazhi.publicity import services
    from fazhi.publicity.models import Option

    with clock.pinned(date(2025, 6, 16)):
        services.options_seed(actor=people.officer, town=tree.town_a)
        fmt = Option.objects.get(org_unit=tree.town_a, kind="format", name="送法进渔村")
        target = Option.objects.get(org_unit=tree.town_a, kind="target", name="进乡村")
        event = services.event_create(
            actor=people.officer, org_unit=tree.town_a, title="探测活动", format=fmt, targets=[target],
            held_on=date(2025, 5, 20), place="探测", organiser="探测", audience=10, theme="民法典宣传月",
        )  # fmt: skip
        case = services.case_create(
            actor=people.officer,
            title="探测案例",
            facts="x",
            law_applied="x",
            lesson="x",
            town=tree.town_a,
        )
        push = services.casepush_create(actor=people.officer, case=case, recipients=[people.cadre])
    return {"pub_event": event, "pub_format": fmt, "pub_target": target, "pub_push": push}
