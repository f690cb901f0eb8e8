"""Reads of 公众参与. `consultation_for` / `hearings_for` are the shared-service API that
other apps (documents, decisions) read; the rest serve the staff and public pages."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, Q, Value, When
from django.shortcuts import get_object_or_404

from fazhi.core import clock
from fazhi.core.prepared import prepared
from fazhi.core.scoping import get_visible_or_404
from fazhi.core.search import search_q

from .models import Comment, Consultation, Hearing, HearingRegistration


def consultation_for(subject) -> Consultation | None:
    """The latest consultation on `subject`, or None."""
    rows = _consultation_for(ContentType.objects.get_for_model(subject).pk, subject.pk)
    return rows[0] if rows else None


# Compiled once (core.prepared): the pages of documents and decisions ask on every view.
_consultation_for = prepared(
    lambda subject_type_id, subject_id: Consultation.objects.filter(
        subject_type_id=subject_type_id, subject_id=subject_id
    ).order_by("-starts_on", "-id")[:1],
    2_100_000_221,
    2_100_000_222,
)


def hearings_for(subject):
    ct = ContentType.objects.get_for_model(subject)
    return Hearing.objects.filter(subject_type=ct, subject_id=subject.pk).order_by("held_on", "id")


def consultation_list(actor, *, status="", q="", year=None):
    qs = (
        Consultation.objects.visible_to(actor)
        .select_related("org_unit")
        .order_by("-starts_on", "-id")
    )
    today = clock.today()
    if status == "open":
        qs = qs.filter(closed_on__isnull=True, ends_on__gte=today, starts_on__lte=today)
    elif status == "closed":
        qs = qs.filter(Q(closed_on__isnull=False) | Q(ends_on__lt=today))
    elif status == "unanswered":
        qs = qs.filter(answered_count__lt=F("comment_count"))
    if year:
        qs = qs.filter(starts_on__gte=f"{year}-01-01", starts_on__lte=f"{year}-12-31")
    if q:
        qs = qs.filter(search_q(Consultation, q))
    return qs


def consultation_get(actor, pk: int) -> Consultation:
    return get_visible_or_404(
        Consultation.objects.select_related("org_unit", "created_by"), actor, None, pk=pk
    )


# A consultation of a busy town draws hundreds of comments (300 at county scale): pages
# show them this many at a time, never all at once.
COMMENTS_PER_PAGE = 50


def comments_of(consultation: Consultation):
    """Every comment of a consultation in order, with its answer and authors."""
    return (
        Comment.objects.filter(consultation=consultation)
        .select_related("answer", "answer__answered_by", "entered_by", "hidden_by")
        .order_by("id")
    )


def comments_to_answer_first(consultation: Consultation):
    """The staff's order: comments still waiting for an answer first (so the first page is
    the work left, whichever page the officer answered from), then the rest, each in order."""
    waiting = Q(answer__isnull=True, hidden=False)
    return comments_of(consultation).order_by(
        Case(When(waiting, then=Value(0)), default=Value(1)), "id"
    )


def public_consultations(*, town=None, status="open"):
    """Consultations the public reads (any town, or one), newest first."""
    today = clock.today()
    qs = Consultation.objects.select_related("org_unit").filter(starts_on__lte=today)
    if status == "open":
        qs = qs.filter(closed_on__isnull=True, ends_on__gte=today)
    elif status == "closed":
        qs = qs.filter(Q(closed_on__isnull=False) | Q(ends_on__lt=today))
    if town is not None:
        qs = qs.filter(org_unit__code__startswith=town.code)
    return qs.order_by("-starts_on", "-id")


def public_consultation(pk: int) -> Consultation:
    return get_object_or_404(
        Consultation.objects.select_related("org_unit").filter(starts_on__lte=clock.today()),
        pk=pk,
    )


def my_comments(user):
    return (
        Comment.objects.filter(author=user)
        .select_related("consultation", "answer")
        .order_by("-created_at", "-id")
    )


def hearing_list(actor, *, year=None):
    qs = Hearing.objects.visible_to(actor).select_related("org_unit").order_by("-held_on", "-id")
    if year:
        qs = qs.filter(held_on__gte=f"{year}-01-01", held_on__lte=f"{year}-12-31")
    return qs


def hearing_get(actor, pk: int) -> Hearing:
    return get_visible_or_404(
        Hearing.objects.select_related(
            "org_unit", "record_attachment", "report_attachment", "created_by"
        ),
        actor,
        None,
        pk=pk,
    )


def public_hearings(*, town=None):
    qs = Hearing.objects.select_related("org_unit").filter(notice_published_on__lte=clock.today())
    if town is not None:
        qs = qs.filter(org_unit__code__startswith=town.code)
    return qs.order_by("-held_on", "-id")


def public_hearing(pk: int) -> Hearing:
    return get_object_or_404(
        Hearing.objects.select_related("org_unit").filter(notice_published_on__lte=clock.today()),
        pk=pk,
    )


def registrations_of(hearing: Hearing):
    return HearingRegistration.objects.filter(hearing=hearing).order_by("id")


def published_documents(*, town=None, limit=20) -> list:
    """The published normative documents the public reads, newest first. Read through
    Django's app registry (participation never imports the documents app); none when
    that app is not installed."""
    from django.apps import apps

    try:
        Document = apps.get_model("documents", "Document")
    except LookupError:
        return []
    qs = Document.objects.filter(status__in=["published", "in_force"]).select_related("org_unit")
    if town is not None:
        qs = qs.filter(org_unit=town)
    return list(
        qs.order_by("-published_on", "-id").only(
            "title",
            "number",
            "published_on",
            "publish_channel",
            "effective_from",
            "status",
            "org_unit__name",
        )[:limit]
    )
