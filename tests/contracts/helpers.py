"""Helpers for the contract tests: valid credit codes, a contract's fields, and a
legality review concluded through fazhi.reviews."""

from __future__ import annotations

from datetime import date

from fazhi.contracts import services
from fazhi.contracts.demo import credit_code
from fazhi.reviews import checklists
from fazhi.reviews.services import review_conclude

GOOD_CODE = credit_code(1)
OPINION = "经审核,该合同主体适格、条款完备,未发现违法情形,同意签订。"


def fields(**over) -> dict:
    data = {
        "title": "海屿镇渔港保洁服务采购合同",
        "category": "services",
        "counterparty_name": "示例海屿保洁服务有限公司",
        "counterparty_credit_code": GOOD_CODE,
        "counterparty_is_sme": True,
        "amount": "180000.00",
        "term_start": date(2026, 1, 1),
        "term_end": date(2026, 12, 31),
        "payment_term_days": 30,
        "dispute_resolution": "向合同签订地人民法院提起诉讼",
        "body": "第一条 服务内容为渔港区域日常保洁。\n第二条 违约责任按本合同约定承担。",
    }
    data.update(over)
    return data


def checklist(kind, failed=()):
    return {
        item.key: {"ok": item.key not in failed, "note": "存在问题" if item.key in failed else ""}
        for item in checklists.items_for(kind)
    }


def conclude(contract, adviser, conclusion="passed"):
    from fazhi.reviews.selectors import active_review

    review = active_review(contract)
    failed = () if conclusion == "passed" else (checklists.keys_for(review.kind)[0],)
    return review_conclude(
        actor=adviser,
        review=review,
        opinion=OPINION,
        conclusion=conclusion,
        checklist=checklist(review.kind, failed),
    )


def signed(people, **over):
    """A contract registered, reviewed (passed) and signed today."""
    c = services.contract_create(actor=people.officer, **fields(**over))
    services.contract_transition(
        actor=people.officer, obj=c, verb="submit_review", reviewer=people.adviser
    )
    conclude(c, people.adviser)
    c.refresh_from_db()
    return services.contract_transition(
        actor=people.officer, obj=c, verb="sign", signed_on=date.today()
    )
