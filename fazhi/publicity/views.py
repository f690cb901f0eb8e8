"""普法宣传 pages: events (list with reach, record with photos, detail), the month
calendar, the campaign calendar and configuration (case_views.py: online study and
以案释法)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.models import OrgUnit
from fazhi.core.paging import page_of
from fazhi.core.permissions import Forbidden, ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.scoping import get_visible_or_404, unit_in_scope

from . import selectors, services
from .forms import (
    CampaignForm,
    EventForm,
    FilterForm,
    OptionForm,
    PhotoForm,
)
from .models import READER_ROLES, Campaign, Option

PAGE_SIZE = 20
WRITERS = services.WRITER_ROLES
EVENT_WRITERS = services.EVENT_WRITER_ROLES


def _event_town(user) -> OrgUnit | None:
    """The town whose events the user records: the law officer's, or a village cadre's."""
    for unit in user.units_for(EVENT_WRITERS):
        town = services.town_of(unit)
        if town is not None:
            return town
    return None


def _units_for(user, town):
    units = selectors.event_units(town)
    if user.has_role(Role.LAW_OFFICER):
        return units
    return units.filter(pk__in=[u.pk for u in user.units_for({Role.VILLAGE_CADRE})])


# --- events ------------------------------------------------------------------------------


@role_required(*READER_ROLES)
def event_list(request):
    form = FilterForm(
        request.GET or None,
        options=Option.objects.visible_to(request.user, READER_ROLES).order_by("order"),
    )
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
        for k in ("target", "format"):
            if k in filters:
                filters[k] = filters[k].pk
    qs = selectors.event_list(request.user, **filters)
    page = page_of(qs, request.GET.get("page"), PAGE_SIZE)
    context = {
        "form": form,
        "page": page,
        "query": urlencode(filters),
        "can_create": request.user.has_role(*EVENT_WRITERS),
        "year": filters.get("year") or clock.today().year,
    }
    return render(request, "publicity/event_list.html", context)


@role_required(*READER_ROLES)
def reach(request):
    try:
        year = int(request.GET.get("year") or clock.today().year)
    except ValueError:
        year = clock.today().year
    context = {"year": year, "reach": selectors.reach(request.user, year)}
    return render(request, "publicity/reach.html", context)


def _event_form(request, town, data=None, files=None):
    # This year's and last year's themes: an event is recorded soon after it is held.
    since = clock.today().year - 1
    campaigns = Campaign.objects.filter(org_unit=town, starts_on__year__gte=since).order_by(
        "-starts_on"
    )
    return EventForm(
        data,
        files,
        units=_units_for(request.user, town),
        campaigns=campaigns,
        formats=selectors.options(town, Option.Kind.FORMAT),
        targets=selectors.options(town, Option.Kind.TARGET),
        initial={"campaign": request.GET.get("campaign")} if data is None else None,
    )


@role_required(*EVENT_WRITERS)
def event_create(request):
    town = _event_town(request.user)
    if town is None:
        raise Forbidden("无法确定所在乡镇")
    context = {
        "town": town,
        "needs_options": services.option_seed_needed(town),
        "can_seed": request.user.has_role(*WRITERS),
    }
    if request.method != "POST":
        context["form"] = _event_form(request, town)
        return render(request, "publicity/event_form.html", context)
    form = _event_form(request, town, request.POST, request.FILES)
    context["form"] = form
    if form.is_valid():
        data = dict(form.cleaned_data)
        photos = data.pop("photos")
        try:
            with transaction.atomic():
                event = services.event_create(actor=request.user, **data)
                for photo in photos:
                    services.event_photo_add(actor=request.user, event=event, uploaded_file=photo)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "普法活动已登记")
            return redirect("publicity:event_detail", pk=event.pk)
    return render(request, "publicity/event_form.html", context, status=400)


@role_required(*READER_ROLES)
def event_detail(request, pk):
    event = selectors.event_get(request.user, pk)
    can_upload = unit_in_scope(request.user, event.org_unit, EVENT_WRITERS)
    context = {
        "event": event,
        "photos": attachments_for(event),
        "photo_form": PhotoForm() if can_upload else None,
    }
    return render(request, "publicity/event_detail.html", context)


@require_POST
@role_required(*EVENT_WRITERS)
def event_photo_add(request, pk):
    event = selectors.event_get(request.user, pk)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的照片")
    else:
        try:
            services.event_photo_add(
                actor=request.user, event=event, uploaded_file=form.cleaned_data["file"]
            )
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "照片已上传(已去除拍摄位置和设备信息)")
    return redirect("publicity:event_detail", pk=event.pk)


# --- calendar and campaigns --------------------------------------------------------------


@role_required(*READER_ROLES)
def calendar(request):
    today = clock.today()
    try:
        year, month = (int(x) for x in (request.GET.get("month") or f"{today:%Y-%m}").split("-"))
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValueError
    except ValueError:
        year, month = today.year, today.month
    prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
    next_m = (year, month + 1) if month < 12 else (year + 1, 1)
    context = {
        **selectors.month_calendar(request.user, year, month),
        "year": year,
        "month": month,
        "today": today,
        "prev": f"{prev_m[0]}-{prev_m[1]:02d}",
        "next": f"{next_m[0]}-{next_m[1]:02d}",
        "weekdays": "一二三四五六日",
    }
    return render(request, "publicity/calendar.html", context)


@role_required(*READER_ROLES)
def campaign_list(request):
    try:
        year = int(request.GET.get("year") or clock.today().year)
    except ValueError:
        year = clock.today().year
    context = {
        "year": year,
        "campaigns": selectors.campaigns(request.user, year=year),
        "can_edit": request.user.has_role(*WRITERS),
    }
    return render(request, "publicity/campaign_list.html", context)


@role_required(*WRITERS)
def campaign_create(request):
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, "主题宣传活动已加入日历")
            return redirect(
                f"{reverse('publicity:campaign_list')}?year={form.cleaned_data['starts_on'].year}"
            )
    status = 400 if request.method == "POST" else 200
    return render(request, "publicity/campaign_form.html", {"form": form}, status=status)


@require_POST
@role_required(*WRITERS)
def campaign_seed(request):
    try:
        year = int(request.POST.get("year") or clock.today().year)
        created = services.campaigns_seed(actor=request.user, year=year)
    except (ValueError, ServiceError) as exc:
        messages.error(request, getattr(exc, "message", "年份不正确"))
        return redirect("publicity:campaign_list")
    messages.success(request, f"已载入{year}年主题宣传日{len(created)}项")
    return redirect(f"{reverse('publicity:campaign_list')}?year={year}")


@role_required(*READER_ROLES)
def option_list(request):
    context = {
        "options": Option.objects.visible_to(request.user, READER_ROLES)
        .select_related("org_unit")
        .order_by("org_unit__code", "kind", "order", "id"),
        "form": OptionForm(),
        "can_edit": request.user.has_role(*WRITERS),
    }
    return render(request, "publicity/option_list.html", context)


@require_POST
@role_required(*WRITERS)
def option_create(request):
    form = OptionForm(request.POST)
    if form.is_valid():
        try:
            services.option_create(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已新增")
    else:
        messages.error(request, "请填写类别和名称")
    return redirect("publicity:option_list")


@require_POST
@role_required(*WRITERS)
def option_toggle(request, pk):
    option = get_visible_or_404(Option.objects.all(), request.user, WRITERS, pk=pk)
    services.option_toggle(actor=request.user, option=option)
    return redirect("publicity:option_list")


@require_POST
@role_required(*WRITERS)
def option_seed(request):
    created = services.options_seed(actor=request.user)
    messages.success(request, f"已载入默认宣传对象和活动形式{len(created)}项")
    return redirect(request.POST.get("next") or reverse("publicity:option_list"))
