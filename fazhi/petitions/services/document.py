"""The 信访处理意见书 (信访工作条例 31(6), 32) as a GB/T 9704 .docx (core.officedoc): the
petitioner, the request, the facts found, the handling opinion with its legal basis, the
right to ask for 复查 within 30 days and to whom (art 35), the organ and the date."""

from __future__ import annotations

from fazhi.core import audit
from fazhi.core.officedoc import Block, OfficeDocument, build, cn_date
from fazhi.core.permissions import ServiceError, check_role

from ..models import READER_ROLES, Petition
from ..params import ruleset

NO_OPINION = "尚未出具处理意见,不能生成处理意见书(《信访工作条例》第三十二条)"


def _petitioner_line(petition: Petition) -> str:
    people = list(petition.petitioners.all())
    names = "、".join(p.name for p in people)
    if petition.is_group:
        return f"{names}(代表,涉及{petition.people_count}人)"
    return names


def answer_blocks(petition: Petition) -> list[Block]:
    rules = ruleset(petition.rules)
    organ = f"{petition.org_unit.name}人民政府"
    addresses = "、".join(sorted({p.address for p in petition.petitioners.all()}))
    blocks = [
        Block("title", "信访事项处理意见书"),
        Block("subtitle", petition.number),
        Block("field", _petitioner_line(petition), label="信访人"),
        Block("field", addresses, label="住址"),
        Block("field", petition.title, label="信访事项"),
        Block("field", cn_date(petition.received_on), label="收到日期"),
        Block("h1", "一、信访人的投诉请求、事实和理由"),
        Block("body", petition.content),
        Block("h1", "二、查明的事实"),
        Block("body", petition.facts),
        Block("h1", "三、处理意见及其法律法规依据"),
        Block("body", f"{petition.opinion}(处理结果:{petition.get_result_display()})"),
        Block("body", f"依据:{petition.legal_basis}"),
        Block("h1", "四、权利告知"),
        Block(
            "body",
            f"信访人对本处理意见不服的,可以自收到本意见书之日起"
            f"{rules.review_request.text}内,向{petition.review_organ}请求复查"
            f"({rules.review_request.basis})。",
        ),
        Block("right", organ),
        Block("right", cn_date(petition.answered_on)),
    ]
    return blocks


def answer_document(*, actor, petition: Petition) -> OfficeDocument:
    """The 处理意见书 of an answered petition; handing it out is audited."""
    check_role(actor, READER_ROLES, "无权查看信访事项")
    if not petition.opinion or petition.answered_on is None:
        raise ServiceError(NO_OPINION, code="wrong_state")
    content = build(answer_blocks(petition))
    audit.record(
        verb="petition.answer_document",
        actor=actor,
        obj=petition,
        changes={"answered_on": petition.answered_on.isoformat()},
    )
    return OfficeDocument(f"信访处理意见书-{petition.pk}.docx", content)
