"""Permission matrix entries of 法治单元 (merged by tests/test_permission_matrix.py).

The records: 东岙村 (village A1 of 海屿镇)'s 县级 creation record, a 法律明白人 and its
村规民约. Readers of the town (county supervisor, leader, law officer, adviser) and the
village's cadre see them; town B's officer and the other county get 404; staff without a
role here (grid worker, 机关干部), the public and the administrators get 403."""

from __future__ import annotations

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

PAGE_ROLES = {
    "supervisor",
    "leader",
    "officer",
    "officer_b",
    "adviser",
    "village_cadre",
    "other_supervisor",
}
SEES = {"supervisor", "leader", "officer", "adviser", "village_cadre"}
HIDDEN = {"officer_b", "other_supervisor"}
WRITERS = {"officer", "officer_b", "village_cadre"}
OFFICE = {"officer", "officer_b"}

RECORD = lambda c: {"pk": c.lu_record.pk}  # noqa: E731
ENTRY = lambda c: {"pk": c.lu_entry.pk}  # noqa: E731
RULES = lambda c: {"pk": c.lu_rules.pk}  # noqa: E731
WRITE_DENIED = {ANON: LOGIN, "leader": 403, "supervisor": 403, "adviser": 403, "cadre": 403,
                "resident": 403, "officer_b": 404, "other_supervisor": 403}  # fmt: skip

EXPECTATIONS = {
    "lawunits:village_list": page(PAGE_ROLES),
    "lawunits:record_create": page(
        OFFICE,
        post={ANON: LOGIN, "leader": 403, "village_cadre": 403, "cadre": 403},
        data=lambda c: {"org_unit": c.tree.village_a2.pk, "tier": "county"},
    ),
    "lawunits:record_detail": page(SEES, hidden=HIDDEN, kwargs=RECORD),
    "lawunits:evidence_upload": post_only(WRITE_DENIED, kwargs=RECORD),
    "lawunits:record_transition": post_only(
        WRITE_DENIED, kwargs=lambda c: {"pk": c.lu_record.pk, "verb": "declare"}
    ),
    "lawunits:registry_list": page(PAGE_ROLES),
    "lawunits:entry_create": page(
        WRITERS,
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403},
        data=lambda c: {"org_unit": c.tree.village_a1.pk, "name": "探测"},
    ),
    "lawunits:entry_detail": page(SEES, hidden=HIDDEN, kwargs=ENTRY),
    "lawunits:entry_evidence": post_only(WRITE_DENIED, kwargs=ENTRY),
    "lawunits:training_add": post_only(WRITE_DENIED, kwargs=ENTRY),
    "lawunits:entry_remove": post_only(WRITE_DENIED, kwargs=ENTRY),
    "lawunits:villagerules_list": page(PAGE_ROLES),
    "lawunits:rules_create": page(
        WRITERS,
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403},
        data=lambda c: {"org_unit": c.tree.village_a1.pk, "title": "探测"},
    ),
    "lawunits:rules_detail": page(SEES, hidden=HIDDEN, kwargs=RULES),
    "lawunits:rules_attach": post_only(WRITE_DENIED, kwargs=RULES),
    "lawunits:rules_transition": post_only(
        WRITE_DENIED, kwargs=lambda c: {"pk": c.lu_rules.pk, "verb": "accept"}
    ),
    "lawunits:config": page(
        OFFICE,
        post={ANON: LOGIN, "leader": 403, "village_cadre": 403, "cadre": 403},
        data=lambda c: {"form": "type", "name": ""},
    ),
    "api-1.0.0:lawunits_records": api_get(PAGE_ROLES),
    "api-1.0.0:lawunits_record_detail": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"record_id": c.lu_record.pk}
    ),
    "api-1.0.0:lawunits_record_transition": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "officer_b": 404, "resident": 403},
        data=lambda c: {},
        kwargs=lambda c: {"record_id": c.lu_record.pk, "verb": "declare"},
    ),
    "api-1.0.0:lawunits_registry": api_get(PAGE_ROLES),
    "api-1.0.0:lawunits_entry_create": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "officer_b": 403, "resident": 403},
        data=lambda c: {
            "org_unit_id": c.tree.village_a1.pk,
            "unit_type": "homestay",
            "name": "探测",
        },
    ),
    "api-1.0.0:lawunits_rules": api_get(PAGE_ROLES),
    "api-1.0.0:lawunits_rules_file": api_write(
        {ANON: 401, "leader": 403, "cadre": 403, "officer_b": 403, "resident": 403},
        data=lambda c: {
            "org_unit_id": c.tree.village_a1.pk,
            "text": "探测",
            "adopted_on": "2025-03-03",
        },
    ),
    "api-1.0.0:lawunits_rules_detail": api_get(
        SEES, hidden=HIDDEN, kwargs=lambda c: {"rules_id": c.lu_rules.pk}
    ),
}


def records(people, tree) -> dict:
    from tests.lawunits.conftest import file_rules, record, understander

    return {
        "lu_record": record(people, tree),
        "lu_entry": understander(people.officer, tree.village_a1),
        "lu_rules": file_rules(people.village_cadre, tree.village_a1),
    }
