"""Drive a normative document through its lifecycle with the real services (and the real
legality review of fazhi.reviews), stopping at any stage."""

from __future__ import annotations

from datetime import date, timedelta

from fazhi.documents import services
from fazhi.documents.models import Document
from fazhi.reviews import checklists
from fazhi.reviews.selectors import active_review
from fazhi.reviews.services import review_conclude

STAGES = [
    "draft",
    "public_comment",
    "legality_review",
    "reviewed",
    "deliberation",
    "deliberated",
    "registered",
    "published",
]
BODY = "第一条 为规范本镇渔港环境卫生管理,制定本办法。\n第二条 镇人民政府负责组织实施。"


def all_ok(kind: str = "normative") -> dict:
    return {i.key: {"ok": True, "note": ""} for i in checklists.items_for(kind)}


def conclude(adviser, doc, conclusion="passed"):
    review = active_review(doc)
    return review_conclude(
        actor=adviser,
        review=review,
        opinion="经审核,该文件制定主体适格,内容合法,程序完备。",
        conclusion=conclusion,
        checklist=all_ok(),
    )


def make_document(
    people,
    *,
    until: str = "draft",
    title: str = "海屿镇渔港环境卫生管理办法",
    start: date | None = None,
    touches_business: bool = False,
    **kwargs,
) -> Document:
    """A document of town A by `people.officer`, moved up to stage `until`. Dates run
    from `start` (default 90 days ago) so every period is long enough."""
    start = start or date.today() - timedelta(days=90)
    doc = services.document_create(
        actor=people.officer, title=title, body=BODY, touches_business=touches_business, **kwargs
    )
    stop = STAGES.index(until)
    t = services.document_transition
    if stop >= 1:
        if touches_business:
            t(actor=people.officer, obj=doc, verb="fair_competition_start")
            t(actor=people.officer, obj=doc, verb="fair_competition_record", conclusion="compliant")
        t(
            actor=people.officer, obj=doc, verb="open_comment",
            comment_start=start, comment_channel="镇政府门户网站",
        )  # fmt: skip
    if stop >= 2:
        t(
            actor=people.officer, obj=doc, verb="close_comment",
            comment_end=start + timedelta(days=35),
            comment_adoption="采纳2条", reviewer=people.adviser,
        )  # fmt: skip
    if stop >= 3:
        conclude(people.adviser, doc)
    if stop >= 4:
        t(actor=people.officer, obj=doc, verb="submit_deliberation")
    if stop >= 5:
        t(
            actor=people.leader, obj=doc, verb="record_deliberation",
            meeting="镇政府常务会议", meeting_date=start + timedelta(days=45), decision="passed",
        )  # fmt: skip
    if stop >= 6:
        t(actor=people.officer, obj=doc, verb="register", on=start + timedelta(days=46))
    if stop >= 7:
        published = start + timedelta(days=50)
        t(
            actor=people.officer, obj=doc, verb="publish", on=published,
            published_on=published, publish_channel="镇政府门户网站",
            effective_from=published + timedelta(days=30),
            valid_until=published + timedelta(days=30 + 365 * 3),
        )  # fmt: skip
    doc.refresh_from_db()
    return doc
