"""Staff pages of 公众参与: consultations (comments, offline entry, answers, moderation,
invitations) and hearings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.forms import apply_service_error
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError, role_required
from fazhi.core.scoping import get_visible_or_404

from . import annual, selectors, services
from .forms import (
    AnswerForm,
    ConsultationForm,
    HearingForm,
    HideForm,
    InviteForm,
    OfflineCommentForm,
    UploadForm,
)
from .models import Comment, Tag

PAGE_ROLES = services.PAGE_ROLES
ORGANISERS = services.ORGANISER_ROLES


def _can_organise(user, unit) -> bool:
    from fazhi.core.scoping import unit_in_scope

    return user.has_role(*ORGANISERS) and unit_in_scope(user, unit, ORGANISERS)


@role_required(*PAGE_ROLES)
def consultation_list(request):
    status = request.GET.get("status", "")
    q = request.GET.get("q", "")[:50]
    qs = annual.narrow(selectors.consultation_list(request.user, status=status, q=q), request.GET)
    context = {
        "page": page_of(qs, request.GET.get("page"), 20),
        "status": status,
        "q": q,
        "can_create": request.user.has_role(*ORGANISERS),
    }
    return render(request, "participation/consultation_list.html", context)


@role_required(*ORGANISERS)
def consultation_create(request):
    form = ConsultationForm(request.POST or None, initial={"starts_on": clock.today()})
    form.fields["org_unit"].queryset = OrgUnit.objects.visible_to(request.user, ORGANISERS).filter(
        kind="town"
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                c = services.consultation_open(actor=request.user, subject=None, **d)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "已发起公开征求意见")
                return redirect(c)
        status = 400
    return render(request, "participation/consultation_form.html", {"form": form}, status=status)


def _detail(request, c, **forms):
    organise = _can_organise(request.user, c.org_unit)
    page = page_of(
        selectors.comments_to_answer_first(c), request.GET.get("page"), selectors.COMMENTS_PER_PAGE
    )
    context = {
        "c": c,
        "page": page,
        "comments": page.object_list,
        "unanswered": [x for x in page.object_list if not x.answer_id and not x.hidden],
        "invitations": list(c.invitations.order_by("sent_on", "id")),
        "hearings": list(selectors.hearings_for(c.subject)) if c.subject_id else [],
        "organise": organise,
        "offline_form": forms.get("offline") or OfflineCommentForm(
            consultation=c, initial={"received_on": clock.today()}),
        "answer_form": forms.get("answer") or AnswerForm(),
        "invite_form": forms.get("invite") or InviteForm(),
        "hide_form": HideForm(),
        "subject_url": c.subject.get_absolute_url() if c.subject_id and c.subject else None,
    }  # fmt: skip
    status = 400 if forms else 200
    return render(request, "participation/consultation_detail.html", context, status=status)


@role_required(*PAGE_ROLES)
def consultation_detail(request, pk):
    return _detail(request, selectors.consultation_get(request.user, pk))


def _organised(request, pk):
    c = selectors.consultation_get(request.user, pk)
    if not _can_organise(request.user, c.org_unit):
        raise PermissionDenied("无权办理")
    return c


@require_POST
@role_required(*ORGANISERS)
def comment_add(request, pk):
    c = _organised(request, pk)
    form = OfflineCommentForm(request.POST, consultation=c)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.comment_enter_offline(actor=request.user, consultation=c, **d)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "线下意见已录入")
            return redirect(c)
    return _detail(request, c, offline=form)


@require_POST
@role_required(*ORGANISERS)
def comment_answer(request, pk):
    c = _organised(request, pk)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_comments(
                actor=request.user, consultation=c,
                comments=[int(x) for x in request.POST.getlist("comments") if x.isdigit()],
                outcome=form.cleaned_data["outcome"], reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "答复已公布")
            return redirect(c)
    return _detail(request, c, answer=form)


@require_POST
@role_required(*ORGANISERS)
def comment_hide(request, pk):
    comment = get_visible_or_404(Comment.objects.all(), request.user, ORGANISERS, pk=pk)
    try:
        services.comment_hide(actor=request.user, comment=comment,
                              reason=request.POST.get("reason", ""))  # fmt: skip
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "意见已隐藏,公开页面显示“已隐藏”及理由")
    return redirect("participation:consultation_detail", pk=comment.consultation_id)


@require_POST
@role_required(*ORGANISERS)
def consultation_invite(request, pk):
    c = _organised(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_add(actor=request.user, consultation=c, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "邀请已记录")
            return redirect(c)
    return _detail(request, c, invite=form)


# --- hearings ---------------------------------------------------------------------------


@role_required(*PAGE_ROLES)
def hearing_list(request):
    hearings = annual.narrow(selectors.hearing_list(request.user), request.GET)
    page = page_of(hearings, request.GET.get("page"), 20)
    return render(request, "participation/hearing_list.html", {"page": page})


@role_required(*ORGANISERS)
def hearing_create(request, pk):
    """A hearing on the subject of consultation `pk`."""
    c = _organised(request, pk)
    today = clock.today()
    form = HearingForm(
        request.POST or None,
        initial={"title": c.title, "notice_published_on": today,
                 "held_on": services.earliest_hearing(c.org_unit, today)},
    )  # fmt: skip
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                h = services.hearing_create(
                    actor=request.user, subject=c.subject if c.subject_id else None,
                    org_unit=c.org_unit, **form.cleaned_data,
                )  # fmt: skip
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "听证公告已发布")
                return redirect(h)
        status = 400
    context = {"form": form, "c": c}
    return render(request, "participation/hearing_form.html", context, status=status)


def _hearing_page(request, h, status=200, upload=None):
    context = {
        "h": h,
        "regs": list(selectors.registrations_of(h)),
        "organise": _can_organise(request.user, h.org_unit),
        "upload_form": upload or UploadForm(),
        "tags": Tag,
    }
    return render(request, "participation/hearing_detail.html", context, status=status)


@role_required(*PAGE_ROLES)
def hearing_detail(request, pk):
    return _hearing_page(request, selectors.hearing_get(request.user, pk))


def _hearing_organised(request, pk):
    h = selectors.hearing_get(request.user, pk)
    if not _can_organise(request.user, h.org_unit):
        raise PermissionDenied("无权办理")
    return h


@require_POST
@role_required(*ORGANISERS)
def hearing_select(request, pk):
    h = _hearing_organised(request, pk)
    ids = [int(x) for x in request.POST.getlist("registrations") if x.isdigit()]
    try:
        services.hearing_select(actor=request.user, hearing=h, registrations=ids)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return _hearing_page(request, h, status=400)
    messages.success(request, "参加人名单已公布")
    return redirect(h)


@require_POST
@role_required(*ORGANISERS)
def hearing_upload(request, pk, what):
    h = _hearing_organised(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            if what == "record":
                services.hearing_record(actor=request.user, hearing=h,
                                        uploaded_file=form.cleaned_data["file"])  # fmt: skip
            else:
                services.hearing_report(actor=request.user, hearing=h,
                                        uploaded_file=form.cleaned_data["file"],
                                        summary=form.cleaned_data["summary"])  # fmt: skip
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "已上传")
            return redirect(h)
    return _hearing_page(request, h, status=400, upload=form)
