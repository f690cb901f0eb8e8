"""The public site (/public/): anonymous reading of consultations, their answers and
hearings; residents register, comment and register for hearings. Its own minimal layout
(no staff menu); reading works without JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch
from django.views.decorators.http import require_http_methods

from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import ServiceError

from . import params, selectors, services
from .forms import CommentForm, HearingRegisterForm, RegisterForm


def _resident_or_login(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not services.is_resident(request.user):
        raise PermissionDenied("仅注册公众可参与,工作人员请在工作台录入线下意见")
    return None


def _safe_url(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def _town(request):
    try:
        return OrgUnit.objects.filter(kind="town", pk=int(request.GET.get("town", ""))).first()
    except ValueError:
        return None


def public_home(request):
    town = _town(request)
    context = {
        "towns": OrgUnit.objects.filter(kind="town", is_active=True).order_by("code"),
        "town": town,
        "open": list(selectors.public_consultations(town=town, status="open")[:20]),
        "closed": page_of(selectors.public_consultations(town=town, status="closed"),
                          request.GET.get("page"), 10),
        "hearings": list(selectors.public_hearings(town=town)[:10]),
        "documents": selectors.published_documents(town=town),
        "catalogue_url": _safe_url("decisions:catalogue"),
    }  # fmt: skip
    return render(request, "participation/public_home.html", context)


def _public_comments(c, comments):
    rows = []
    for cm in comments:
        rows.append(
            {
                "pk": cm.pk,
                "paragraph": c.paragraph(cm.paragraph),
                "quote": services.mask_personal(cm.quote),
                "body": "" if cm.hidden else services.mask_personal(cm.body),
                "who": services.mask_name(cm.author_name) if cm.author_id else cm.author_name,
                "tag": cm.get_tag_display(),
                "channel": cm.get_channel_display(),
                "created_at": cm.created_at,
                "hidden": cm.hidden,
                "hidden_reason": cm.hidden_reason,
                "answer": None if cm.hidden else cm.answer,
            }
        )
    return rows


def public_consultation(request, pk):
    c = selectors.public_consultation(pk)
    can_comment = c.status == "open" and services.is_resident(request.user)
    page = page_of(selectors.comments_of(c), request.GET.get("page"), selectors.COMMENTS_PER_PAGE)
    context = {
        "c": c,
        "page": page,
        "comments": _public_comments(c, page.object_list),
        "can_comment": can_comment,
        "form": CommentForm(consultation=c) if can_comment else None,
    }
    return render(request, "participation/public_consultation.html", context)


@require_http_methods(["GET", "POST"])
def public_comment(request, pk):
    refused = _resident_or_login(request)
    if refused:
        return refused
    c = selectors.public_consultation(pk)
    form = CommentForm(
        request.POST or None, consultation=c,
        initial={"paragraph": request.GET.get("paragraph", "")},
    )  # fmt: skip
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.comment_submit(
                    actor=request.user, consultation=c, body=d["body"],
                    paragraph=d["paragraph"], tag=d["tag"], ip=request.META.get("REMOTE_ADDR", ""),
                )  # fmt: skip
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                messages.success(request, "意见已提交,答复后将在本页和“我的意见”中公布")
                return redirect(f"{c.public_url}#comments")
        status = 400
    no = request.GET.get("paragraph") or (request.POST.get("paragraph") if request.POST else "")
    quoted = c.paragraph(int(no)) if str(no or "").isdigit() else None
    context = {"c": c, "form": form, "quoted": quoted}
    return render(request, "participation/public_comment.html", context, status=status)


@require_http_methods(["GET", "POST"])
def public_register(request):
    if request.user.is_authenticated:
        return redirect("participation:public_home")
    form = RegisterForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                user = services.resident_register(**d)
            except ServiceError as exc:
                apply_service_error(form, exc)
            else:
                login(request, user, backend="fazhi.core.backends.ModelBackend")
                messages.success(request, "注册成功,您现在可以对征求意见稿提意见")
                return redirect(request.GET.get("next") or reverse("participation:public_home"))
        status = 400
    context = {"form": form, "consent_version": params.CONSENT_VERSION}
    return render(request, "participation/public_register.html", context, status=status)


def public_mine(request):
    refused = _resident_or_login(request)
    if refused:
        return refused
    page = page_of(selectors.my_comments(request.user), request.GET.get("page"), 20)
    return render(request, "participation/public_mine.html", {"page": page})


def public_hearing(request, pk):
    h = selectors.public_hearing(pk)
    regs = list(selectors.registrations_of(h).filter(selected=True)) if h.list_published_on else []
    context = {
        "h": h,
        "selected": [{"name": services.mask_name(r.name), "tag": r.get_tag_display(),
                      "interested": r.interested} for r in regs],
        "form": HearingRegisterForm() if services.is_resident(request.user) else None,
    }  # fmt: skip
    return render(request, "participation/public_hearing.html", context)


@require_http_methods(["POST"])
def public_hearing_register(request, pk):
    refused = _resident_or_login(request)
    if refused:
        return refused
    h = selectors.public_hearing(pk)
    form = HearingRegisterForm(request.POST)
    if form.is_valid():
        try:
            services.hearing_register(actor=request.user, hearing=h, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "报名成功,参加人名单将在本页公布")
    else:
        messages.error(request, "报名信息不完整:请填写姓名、联系电话和身份")
    return redirect("participation:public_hearing", pk=h.pk)
