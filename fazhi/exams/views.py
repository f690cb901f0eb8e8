"""年度学法考试 pages: the office's exams (rates per unit, candidates, make-ups), the
question bank with its import, the county's ranking of towns, and the candidate's phone
pages (my exams, the paper with its autosave, the result and the review)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.forms import apply_service_error
from fazhi.core.paging import page_of
from fazhi.core.permissions import Forbidden, ServiceError, role_required
from fazhi.core.xlsx import build_xlsx, xlsx_response

from . import params as P
from . import selectors, services
from .forms import ExamForm, ImportForm, MakeUpForm, QuestionFilterForm
from .models import Attempt, Candidate

PAGE_SIZE = 30


def _year(request):
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else None


@role_required(*services.READER_ROLES)
def exam_list(request):
    year, q = _year(request), request.GET.get("q", "").strip()[:100]
    page = page_of(
        selectors.exam_list(request.user, year=year, q=q), request.GET.get("page"), PAGE_SIZE
    )
    rates = selectors.rates_by_exam([e.pk for e in page.object_list])
    context = {
        "page": page,
        "rows": [(e, rates.get(e.pk)) for e in page.object_list],
        "year": year or "",
        "q": q,
        "query": urlencode({k: v for k, v in {"year": year, "q": q}.items() if v}),
        "can_create": request.user.has_role(*services.OFFICE_ROLES),
        "can_rank": request.user.has_role(*services.RANKING_ROLES),
        "now": clock.now(),
    }
    return render(request, "exams/exam_list.html", context)


def _form_initial(user):
    town = services.office_town(user)
    start = clock.now().replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=1)
    return {
        "opens_at": start,
        "closes_at": start + dt.timedelta(days=7),
        "duration_minutes": P.DURATION.value(town),
        "pass_mark": P.PASS_MARK.value(town),
        "excellent_mark": P.EXCELLENT_MARK.value(town),
        "attempts_limit": P.ATTEMPTS.value(town),
        "title": f"{clock.today().year}年度领导干部和机关干部学法用法考试",
    }


@role_required(*services.OFFICE_ROLES)
def exam_create(request):
    if request.method != "POST":
        return render(
            request, "exams/exam_form.html", {"form": ExamForm(initial=_form_initial(request.user))}
        )
    form = ExamForm(request.POST)
    if form.is_valid():
        try:
            exam = services.exam_create(actor=request.user, **form.service_kwargs())
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"考试已发布,应考{exam.candidate_count}人")
            return redirect("exams:exam_detail", pk=exam.pk)
    return render(request, "exams/exam_form.html", {"form": form}, status=400)


def _detail_context(request, exam, makeup_form=None):
    standing = request.GET.get("standing", "")
    page = page_of(
        selectors.candidate_list(request.user, exam, standing=standing),
        request.GET.get("page"),
        PAGE_SIZE,
    )
    now = clock.now()
    is_office = request.user.has_role(*services.OFFICE_ROLES)
    if makeup_form is None and is_office and exam.is_closed(now):
        start = now.replace(second=0, microsecond=0) + dt.timedelta(minutes=5)
        makeup_form = MakeUpForm(
            initial={"opens_at": start, "closes_at": start + dt.timedelta(days=3)}
        )
    return {
        "exam": exam,
        "rates": selectors.rates_of(exam.candidates.all()),
        "units": selectors.unit_rates(exam),
        "page": page,
        "standing": standing,
        "query": urlencode({"standing": standing}) if standing else "",
        "makeup_form": makeup_form if is_office else None,
        "closed": exam.is_closed(now),
        "open": exam.is_open(now),
        "makeups": exam.makeups.order_by("-closes_at")
        .values("opens_at", "closes_at")
        .distinct()[:5],
    }


@role_required(*services.READER_ROLES)
def exam_detail(request, pk):
    exam = selectors.exam_get(request.user, pk)
    return render(request, "exams/exam_detail.html", _detail_context(request, exam))


@require_POST
@role_required(*services.OFFICE_ROLES)
def makeup_create(request, pk):
    exam = selectors.exam_get(request.user, pk)
    form = MakeUpForm(request.POST)
    if form.is_valid():
        try:
            made = services.makeup_open(actor=request.user, exam=exam, **form.cleaned_data)
        except ServiceError as exc:
            if isinstance(exc, Forbidden):
                raise
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已为{len(made)}名缺考或不合格人员安排补考")
            return redirect("exams:exam_detail", pk=exam.pk)
    return render(
        request, "exams/exam_detail.html", _detail_context(request, exam, form), status=400
    )


def _bank_context(request, import_form=None):
    form = QuestionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filters = {k: v for k, v in filters.items() if v}
    page = page_of(
        selectors.question_list(request.user, **filters), request.GET.get("page"), PAGE_SIZE
    )
    can_import = request.user.has_role(*services.OFFICE_ROLES)
    return {
        "form": form,
        "page": page,
        "query": urlencode(filters),
        "import_form": (import_form or ImportForm()) if can_import else None,
        "headers": services.HEADERS,
    }


@role_required(*services.READER_ROLES)
def question_list(request):
    return render(request, "exams/question_list.html", _bank_context(request))


@require_POST
@role_required(*services.OFFICE_ROLES)
def question_import(request):
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            saved = services.questions_import(
                actor=request.user, uploaded_file=form.cleaned_data["file"]
            )
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            messages.success(request, f"已导入试题{len(saved)}道")
            return redirect("exams:question_list")
    return render(request, "exams/question_list.html", _bank_context(request, form), status=400)


@role_required(*services.OFFICE_ROLES)
def question_template(request):
    rows = [
        [
            "单选题",
            "宪法",
            "每年的哪一天是国家宪法日?",
            "12月4日",
            "3月15日",
            "4月15日",
            "10月1日",
            "",
            "",
            "A",
        ],
        [
            "多选题",
            "民法典",
            "下列属于民事主体的有:",
            "自然人",
            "法人",
            "非法人组织",
            "行政区划",
            "",
            "",
            "ABC",
        ],
        ["判断题", "国家安全", "每年4月15日为全民国家安全教育日。", "", "", "", "", "", "", "正确"],
    ]
    return xlsx_response("学法考试题库模板.xlsx", build_xlsx("题库", services.HEADERS, rows))


@role_required(*services.RANKING_ROLES)
def ranking(request):
    year = _year(request) or clock.today().year
    return render(
        request,
        "exams/ranking.html",
        {"year": year, "rows": selectors.town_ranking(request.user, year)},
    )


# --- the candidate's pages (phone-sized) ----------------------------------------------------


@role_required(*services.SITTER_ROLES)
def my_exams(request):
    services.close_expired(user=request.user)
    candidates = list(selectors.my_exams(request.user)[:50])
    attempts = selectors.my_attempts(request.user, [c.exam_id for c in candidates])
    now = clock.now()
    rows = []
    for c in candidates:
        mine = attempts.get(c.exam_id, [])
        current = next((a for a in mine if a.is_open), None)
        makeup = next((m for m in c.makeups.all() if m.closes_at > now), None)
        can_start = current is None and (
            (
                c.exam.is_open(now)
                and sum(1 for a in mine if a.makeup_id is None) < c.exam.attempts_limit
            )
            or (
                makeup is not None
                and makeup.opens_at <= now
                and not any(a.makeup_id == makeup.pk for a in mine)
            )
        )
        rows.append({"c": c, "exam": c.exam, "attempts": mine, "current": current, "makeup": makeup,
                     "can_start": can_start})  # fmt: skip
    return render(request, "exams/my_exams.html", {"rows": rows, "now": now})


@require_POST
@role_required(*services.SITTER_ROLES)
def attempt_start(request, pk):
    candidate = (
        Candidate.objects.select_related("exam").filter(exam_id=pk, user=request.user).first()
    )
    if candidate is None:
        raise Http404("记录不存在或无权查看")
    exam = candidate.exam
    try:
        attempt = services.attempt_start(actor=request.user, exam=exam)
    except ServiceError as exc:
        messages.error(request, exc.message)
        return redirect("exams:my_exams")
    return redirect("exams:attempt", pk=attempt.pk)


@role_required(*services.SITTER_ROLES)
def attempt(request, pk):
    attempt = selectors.own_attempt(request.user, pk)
    if attempt.is_open and clock.now() >= attempt.deadline:
        services.close_expired(user=request.user, exam=attempt.exam)
        attempt = selectors.own_attempt(request.user, pk)
    now = clock.now()
    show = attempt.is_open or attempt.results_open(now)
    questions = selectors.paper_questions(attempt) if show else []
    context = {
        "attempt": attempt,
        "exam": attempt.exam,
        "questions": questions,
        "wrong": [q for q in questions if not q["correct"]],
        "results_open": attempt.results_open(now),
        "remaining": max(0, int((attempt.deadline - now).total_seconds())),
        "now": now,
    }
    return render(request, "exams/attempt.html", context)


_STATUS = {"not_found": 404, "forbidden": 403, "time_up": 409, "finished": 409}


@require_POST
@role_required(*services.SITTER_ROLES)
def answer_save(request, pk):
    try:
        attempt = services.answer_save(
            actor=request.user,
            attempt_id=pk,
            position=request.POST.get("position"),
            choice=request.POST.getlist("choice"),
        )
    except ServiceError as exc:
        status = 403 if isinstance(exc, Forbidden) else _STATUS.get(exc.code, 400)
        return JsonResponse({"code": exc.code or "invalid", "message": exc.message}, status=status)
    return JsonResponse({"saved": len(attempt.answers), "at": attempt.last_saved_at.isoformat()})


@require_POST
@role_required(*services.SITTER_ROLES)
def attempt_submit(request, pk):
    attempt = selectors.own_attempt(request.user, pk)
    try:
        attempt = services.attempt_submit(actor=request.user, attempt=attempt)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        if attempt.status == Attempt.Status.TIMED_OUT:
            messages.warning(request, "已超过交卷截止时间,试卷按截止时的作答收卷")
        else:
            messages.success(request, "已交卷。成绩和错题将于考试结束后公布")
    return redirect("exams:attempt", pk=attempt.pk)
