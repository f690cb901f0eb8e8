"""What a document's record tells its 智能预审 (registered as `precheck_context` in
apps.py): the engine does not report as missing what the record holds (issuer, number,
effective date, validity) or what the workflow requires at a later step (the number at
统一登记, the dates at 公布)."""

from __future__ import annotations

from fazhi.reviews.precheck.context import DRAFT, PUBLISHED, REGISTERED, Context

from .models import Document

_PUBLISHED = frozenset(
    {
        Document.Status.PUBLISHED,
        Document.Status.IN_FORCE,
        Document.Status.EXPIRED,
        Document.Status.REVISED,
        Document.Status.REPEALED,
    }
)


def stage_of(doc: Document) -> str:
    if doc.status in _PUBLISHED:
        return PUBLISHED
    if doc.status == Document.Status.REGISTERED:
        return REGISTERED
    return DRAFT  # 起草 … 集体审议: no number yet, not yet published


def precheck_context(doc: Document) -> Context:
    return Context(
        title=doc.title,
        issuer=doc.get_issuer_display() if doc.issuer else "",
        stage=stage_of(doc),
        number=doc.number,
        published_on=doc.published_on,
        effective_from=doc.effective_from,
        valid_until=doc.valid_until,
    )
