"""The holiday calendar, kept by the system administrator: which years' official schedules
are known, the days entered by hand, and a calculator for statutory periods."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from fazhi.core import clock

from .. import deadlines, services
from ..forms import apply_service_error
from ..forms.holidays import DeadlineForm, HolidayOverrideForm, HolidayScheduleForm
from ..models import HolidayOverride, HolidaySchedule
from ..permissions import ServiceError, role_required
from ..roles import Role


def _today() -> date:
    # One place for "today", so tests can set the date the page is seen on.
    return clock.today()


def _years(today: date) -> list[dict]:
    """The last two, this and the next two years, each with where its schedule comes from."""
    years = range(today.year - 2, today.year + 3)
    entered = {s.year: s for s in HolidaySchedule.objects.filter(year__in=years)}
    rows = []
    for year in years:
        bundled = deadlines.bundled_year(year)
        rows.append(
            {
                "year": year,
                "known": bundled or year in entered,
                "bundled": bundled,
                "schedule": entered.get(year),
            }
        )
    return rows


def _list_page(request, *, override_form=None):
    today = _today()
    years = _years(today)
    calc = DeadlineForm(request.GET or None)
    result = None
    if calc.is_bound and calc.is_valid():
        data = calc.cleaned_data
        try:
            result = deadlines.deadline(data["start"], data["n"], data["unit"])
        except OverflowError:  # a period running past the year 9999
            calc.add_error(None, "期限超出可计算的日期范围")
    first_year = years[0]["year"]
    context = {
        "today": today,
        "years": years,
        "missing": deadlines.missing_years(today),
        "overrides": HolidayOverride.objects.filter(date__year__gte=first_year),
        "override_form": override_form or HolidayOverrideForm(),
        "calc": calc,
        "result": result,
        # Years the period crosses whose schedule is unknown, so the result is only estimated.
        "result_unknown_years": [
            y
            for y in range(calc.cleaned_data["start"].year, result.year + 1)
            if not deadlines.schedule_known(y)
        ]
        if result
        else [],
    }
    return render(request, "core/holiday_list.html", context)


@role_required(Role.SYS_ADMIN)
def holiday_list(request):
    return _list_page(request)


@role_required(Role.SYS_ADMIN)
def holiday_schedule_enter(request):
    initial = {}
    missing = deadlines.missing_years(_today())
    if missing:
        initial["year"] = missing[-1]
    form = HolidayScheduleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            schedule = services.holiday_schedule_enter(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已录入{schedule.year}年节假日安排")
            return redirect("core:holiday_list")
    return render(request, "core/holiday_form.html", {"form": form})


@require_POST
@role_required(Role.SYS_ADMIN)
def holiday_override_set(request):
    form = HolidayOverrideForm(request.POST)
    if form.is_valid():
        try:
            override = services.holiday_override_set(actor=request.user, **form.cleaned_data)
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            state = "上班" if override.is_workday else "放假"
            messages.success(request, f"已设定 {override.date} 为{state}")
            return redirect("core:holiday_list")
    return _list_page(request, override_form=form)


@require_POST
@role_required(Role.SYS_ADMIN)
def holiday_override_delete(request, pk):
    override = get_object_or_404(HolidayOverride, pk=pk)
    try:
        services.holiday_override_delete(actor=request.user, override=override)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已删除 {override.date} 的调整")
    return redirect("core:holiday_list")


urlpatterns = [
    path("holidays/", holiday_list, name="holiday_list"),
    path("holidays/schedule/", holiday_schedule_enter, name="holiday_schedule_enter"),
    path("holidays/overrides/", holiday_override_set, name="holiday_override_set"),
    path(
        "holidays/overrides/<int:pk>/delete/",
        holiday_override_delete,
        name="holiday_override_delete",
    ),
]
