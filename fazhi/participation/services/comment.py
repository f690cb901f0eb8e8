"""Comments (online by residents, offline entered by the officer), answers, moderation.

Counters on the consultation (comment_count, answered_count, adopted/partly) are kept
here, in the same transaction as the change, so lists and gates read columns."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import F

from fazhi.core import audit, clock, pii
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from .. import params
from ..models import Answer, Channel, Comment, Consultation, Outcome, Tag
from .common import MAX_SHORT, MAX_TEXT, ORGANISER_ROLES, has_html, text


def _err(field: str, message: str) -> ServiceError:
    return ServiceError(message, errors={field: [message]})


def _guard_open(c: Consultation, day) -> None:
    if c.closed_on is not None or day > c.ends_on:
        ends = c.closed_on if c.closed_on and c.closed_on < c.ends_on else c.ends_on
        raise _err("body", params.CLOSED.format(ends=ends))
    if day < c.starts_on:
        raise _err("body", params.NOT_STARTED.format(starts=c.starts_on))


def _clean_body(c: Consultation, body) -> str:
    body = str(body or "").strip()
    if not body:
        raise _err("body", params.EMPTY_BODY)
    limit = params.COMMENT_MAX_CHARS.value(c.org_unit)
    if len(body) > limit:
        raise _err("body", params.TOO_LONG.format(n=limit))
    if has_html(body):
        raise _err("body", params.HTML)
    return body


def _quote(c: Consultation, paragraph) -> tuple[int | None, str]:
    if paragraph in (None, ""):
        return None, ""
    try:
        no = int(paragraph)
    except (TypeError, ValueError):
        raise _err("paragraph", params.NO_PARAGRAPH.format(no=paragraph)) from None
    p = c.paragraph(no)
    if p is None:
        raise _err("paragraph", params.NO_PARAGRAPH.format(no=no))
    return no, p["text"]


def _rate_limits(c: Consultation, author, ip_hash: str) -> None:
    since = clock.now() - timedelta(hours=1)
    n = params.COMMENTS_PER_ACCOUNT_HOUR.value(c.org_unit)
    if Comment.objects.filter(author=author, created_at__gte=since).count() >= n:
        raise _err("body", params.RATE_ACCOUNT.format(n=n))
    if ip_hash:
        n = params.COMMENTS_PER_IP_HOUR.value(c.org_unit)
        if Comment.objects.filter(ip_hash=ip_hash, created_at__gte=since).count() >= n:
            raise _err("body", params.RATE_IP.format(n=n))


def comment_submit(
    *, actor, consultation: Consultation, body, paragraph=None, tag=Tag.PUBLIC, ip: str = ""
) -> Comment:
    """A resident (or anyone logged in) comments online on a paragraph or the whole."""
    with transaction.atomic():
        if not (actor and actor.is_authenticated):
            raise Forbidden("请先登录后再提意见")
        c = Consultation.objects.select_for_update().get(pk=consultation.pk)
        _guard_open(c, clock.today())
        no, quote = _quote(c, paragraph)
        body = _clean_body(c, body)
        if tag not in Tag.values:
            tag = Tag.PUBLIC
        ip_hash = pii.keyed_hash(ip) if ip else ""
        _rate_limits(c, actor, ip_hash)
        comment = Comment.objects.create(
            consultation=c, org_unit=c.org_unit, paragraph=no, quote=quote, body=body,
            author=actor, author_name=(actor.full_name or actor.get_username())[:50], tag=tag,
            channel=Channel.ONLINE, entered_by=actor, ip_hash=ip_hash,
        )  # fmt: skip
        Consultation.objects.filter(pk=c.pk).update(comment_count=F("comment_count") + 1)
        audit.record(verb="comment.submit", actor=actor, obj=comment, org_unit=c.org_unit,
                     changes={"consultation": c.pk, "paragraph": no, "tag": tag})  # fmt: skip
    return comment


def comment_enter_offline(
    *, actor, consultation: Consultation, body, author_name, channel, tag,
    paragraph=None, received_on=None,
) -> Comment:  # fmt: skip
    """The officer enters a comment received by letter, at a 座谈会, on the hotline …"""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权录入线下意见")
        c = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not unit_in_scope(actor, c.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能录入本单位征求意见的意见")
        day = received_on or clock.today()
        _guard_open(c, day)
        if channel not in Channel.values or channel == Channel.ONLINE:
            raise _err("channel", "请选择线下渠道(信函、座谈会、热线电话、来访)")
        if tag not in Tag.values:
            raise _err("tag", "请选择参与者身份")
        no, quote = _quote(c, paragraph)
        body = _clean_body(c, body)
        name = text(author_name, "author_name", "提出人", 50, required=True)
        comment = Comment.objects.create(
            consultation=c, org_unit=c.org_unit, paragraph=no, quote=quote, body=body,
            author=None, author_name=name, tag=tag, channel=channel, entered_by=actor,
        )  # fmt: skip
        Consultation.objects.filter(pk=c.pk).update(comment_count=F("comment_count") + 1)
        audit.record(verb="comment.enter", actor=actor, obj=comment, org_unit=c.org_unit,
                     changes={"consultation": c.pk, "channel": channel, "tag": tag})  # fmt: skip
    return comment


def _count_field(outcome: str) -> str | None:
    return {Outcome.ADOPTED: "adopted_count", Outcome.PARTLY: "partly_count"}.get(outcome)


def answer_comments(*, actor, consultation: Consultation, comments, outcome, reason) -> Answer:
    """One answer (采纳 / 部分采纳 / 不采纳 + reason) for one or several comments."""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权答复意见")
        c = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if not unit_in_scope(actor, c.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能答复本单位征求意见的意见")
        if outcome not in Outcome.values:
            raise _err("outcome", params.ANSWER_OUTCOME)
        reason = text(reason, "reason", "理由", MAX_TEXT)
        if not reason:
            raise _err("reason", params.ANSWER_REASON)
        ids = [getattr(x, "pk", x) for x in comments or []]
        rows = list(Comment.objects.select_for_update().filter(consultation=c, pk__in=ids))
        if not rows or len(rows) != len(set(ids)):
            raise _err("comments", params.ANSWER_NONE)
        if any(r.answer_id for r in rows):
            raise _err("comments", params.ANSWERED)
        if any(r.hidden for r in rows):
            raise _err("comments", params.HIDDEN_ANSWER)
        answer = Answer.objects.create(
            consultation=c, org_unit=c.org_unit, outcome=outcome, reason=reason,
            answered_by=actor,
        )  # fmt: skip
        Comment.objects.filter(pk__in=[r.pk for r in rows]).update(answer=answer)
        bump = {"answered_count": F("answered_count") + len(rows)}
        field = _count_field(outcome)
        if field:
            bump[field] = F(field) + len(rows)
        Consultation.objects.filter(pk=c.pk).update(**bump)
        audit.record(verb="comment.answer", actor=actor, obj=answer, org_unit=c.org_unit,
                     changes={"comments": sorted(r.pk for r in rows), "outcome": outcome,
                              "reason": reason})  # fmt: skip
    return answer


def comment_hide(*, actor, comment: Comment, reason) -> Comment:
    """Hide a comment from the public page with a reason shown in its place; the comment
    stays (never deleted) and leaves the counts (it needs no answer)."""
    with transaction.atomic():
        check_role(actor, ORGANISER_ROLES, "无权隐藏意见")
        row = Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)
        if not unit_in_scope(actor, row.org_unit, ORGANISER_ROLES):
            raise Forbidden("只能管理本单位征求意见的意见")
        if row.hidden:
            raise _err("reason", params.ALREADY_HIDDEN)
        reason = text(reason, "reason", "隐藏理由", MAX_SHORT)
        if not reason:
            raise _err("reason", params.HIDE_REASON)
        row.hidden, row.hidden_reason = True, reason
        row.hidden_by, row.hidden_at = actor, clock.now()
        row.save(update_fields=["hidden", "hidden_reason", "hidden_by", "hidden_at"])
        bump = {"comment_count": F("comment_count") - 1}
        if row.answer_id:
            bump["answered_count"] = F("answered_count") - 1
            field = _count_field(row.answer.outcome)
            if field:
                bump[field] = F(field) - 1
        Consultation.objects.filter(pk=row.consultation_id).update(**bump)
        audit.record(verb="comment.hide", actor=actor, obj=row, org_unit=row.org_unit,
                     changes={"hidden": True, "reason": reason})  # fmt: skip
    return row


def is_resident(user) -> bool:
    return bool(user and user.is_authenticated and user.has_role(Role.RESIDENT))
