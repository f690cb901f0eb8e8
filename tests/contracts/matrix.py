"""Permission matrix entries of 行政协议与合同 (merged by tests/test_permission_matrix.py).

Readers: the town's law officer, leader and legal adviser, and the county supervisor;
writers: law officers. Object URLs point at contracts of town A: the law officer of town B
and the other county's supervisor get 404."""

from __future__ import annotations

from tests.permission_lib import ANON, LOGIN, api_get, api_write, page, post_only

READERS = {"supervisor", "leader", "officer", "officer_b", "adviser", "other_supervisor"}
HIDDEN = {"officer_b", "other_supervisor"}
WRITERS = {"officer", "officer_b"}
DRAFT = lambda c: {"pk": c.contract.pk}  # noqa: E731
DRAFT_ID = lambda c: {"contract_id": c.contract.pk}  # noqa: E731


def _probe(c):
    from .helpers import fields

    return {k: str(v) if v is not None else "" for k, v in fields().items()}


def _api_probe(c):
    from .helpers import fields

    data = fields()
    data["term_start"], data["term_end"] = str(data["term_start"]), str(data["term_end"])
    return data


EXPECTATIONS = {
    "contracts:contract_list": page(READERS),
    "contracts:contract_create": page(
        WRITERS,
        post={ANON: LOGIN, "leader": 403, "adviser": 403, "supervisor": 403, "cadre": 403},
        data=_probe,
    ),
    "contracts:contract_export": page(READERS),
    "contracts:contract_import": page(WRITERS),
    "contracts:contract_import_template": page(WRITERS),
    "contracts:contract_detail": page(READERS - HIDDEN, hidden=HIDDEN, kwargs=DRAFT),
    "contracts:contract_edit": page({"officer"}, hidden={"officer_b"}, kwargs=DRAFT),
    "contracts:contract_transition": post_only(
        {
            ANON: LOGIN,
            "officer_b": 404,
            "other_supervisor": 404,
            "leader": 403,
            "supervisor": 403,
            "cadre": 403,
        },
        kwargs=lambda c: {"pk": c.contract.pk, "verb": "submit_review"},
    ),
    "contracts:payment_add": post_only(
        {ANON: LOGIN, "leader": 403, "adviser": 403, "officer_b": 404},
        kwargs=lambda c: {"pk": c.signed_contract.pk},
        data=lambda c: {"condition": "探测", "amount": "1", "due_on": "2026-12-01"},
    ),
    "contracts:payment_pay": post_only(
        {ANON: LOGIN, "leader": 403, "supervisor": 403, "officer_b": 404},
        kwargs=lambda c: {"pk": c.signed_contract.pk, "payment_pk": c.payment.pk},
    ),
    "api-1.0.0:contracts_list": api_get(READERS),
    "api-1.0.0:contract_create": api_write(
        {ANON: 401, "leader": 403, "adviser": 403, "supervisor": 403, "cadre": 403},
        data=_api_probe,
    ),
    "api-1.0.0:contract_detail": api_get(READERS - HIDDEN, hidden=HIDDEN, kwargs=DRAFT_ID),
    "api-1.0.0:contract_update": api_write(
        {ANON: 401, "officer_b": 404, "leader": 403, "adviser": 403},
        data=lambda c: {"title": "改名"},
        kwargs=DRAFT_ID,
        method="patch",
    ),
    "api-1.0.0:contract_transition": api_write(
        {ANON: 401, "officer_b": 404, "other_supervisor": 404, "leader": 403, "cadre": 403},
        data=lambda c: {},
        kwargs=lambda c: {"contract_id": c.contract.pk, "verb": "submit_review"},
    ),
    "api-1.0.0:payment_add": api_write(
        {ANON: 401, "leader": 403, "officer_b": 404},
        data=lambda c: {"condition": "探测", "amount": "1", "due_on": "2026-12-01"},
        kwargs=lambda c: {"contract_id": c.signed_contract.pk},
    ),
    "api-1.0.0:payment_pay": api_write(
        {ANON: 401, "leader": 403, "officer_b": 404},
        data=lambda c: {"paid_on": "2026-01-01", "paid_amount": "1"},
        kwargs=lambda c: {"contract_id": c.signed_contract.pk, "payment_id": c.payment.pk},
    ),
}


def records(people, tree) -> dict:
    from datetime import date

    from fazhi.contracts import services

    from .helpers import fields, signed

    contract = services.contract_create(actor=people.officer, **fields(title="探测合同"))
    signed_contract = signed(people, title="已签订的探测合同")
    payment = services.payment_add(
        actor=people.officer,
        contract=signed_contract,
        condition="验收合格后",
        amount="1000",
        due_on=date.today(),
    )
    return {"contract": contract, "signed_contract": signed_contract, "payment": payment}
