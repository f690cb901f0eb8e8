"""合法性审核 pages (the review queue, a review with its checklist, opinion and conclusion)
and 智能预审 pages: the runs of one's scope with the form to start one, a run's document
with its findings highlighted beside it (reviewers mark each 采纳 / 不采纳 in place), and
the per-rule acceptance rates that show a law officer which rules are weak."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.forms import apply_service_error
from fazhi.core.links import reverse
from fazhi.core.paging import page_of
from fazhi.core.permissions import Forbidden, ServiceError, role_required
from fazhi.core.roles import Role
from fazhi.core.workflow import timeline

from . import annual, checklists, selectors, services
from .forms import PrecheckRunForm, ReviewConcludeForm, ReviewWithdrawForm
from .models import PrecheckFinding, PrecheckRun, ReviewRequest, SubjectKind

PAGE_SIZE = 20
# Bootstrap's subtle backgrounds: red for high, amber for medium, blue for low.
SEVERITY_CLASSES = {"high": "danger", "medium": "warning", "low": "info"}
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _dress(finding):
    """The Bootstrap colour of the finding's severity, for its card and highlight."""
    finding.css = SEVERITY_CLASSES.get(finding.severity, "secondary")
    return finding


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _list_page(request, form, status=200):
    kind = request.GET.get("kind", "")
    if kind not in PrecheckRun.Kind.values:
        kind = ""
    context = {
        "form": form,
        "page": page_of(
            selectors.run_list(request.user, kind=kind), request.GET.get("page"), PAGE_SIZE
        ),
        "kind": kind,
        "kinds": PrecheckRun.Kind.choices,
        "can_create": request.user.has_role(*services.CREATOR_ROLES),
        "can_see_stats": request.user.has_role(Role.LAW_OFFICER),
    }
    return render(request, "reviews/precheck_list.html", context, status=status)


@role_required(*services.READER_ROLES)
def precheck_list(request):
    if request.method != "POST":
        return _list_page(request, PrecheckRunForm())
    if not request.user.has_role(*services.CREATOR_ROLES):
        raise PermissionDenied("只有法治办工作人员或法律顾问可以发起智能预审")
    form = PrecheckRunForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            run = services.precheck_run_create(
                actor=request.user,
                title=data["title"],
                kind=data["kind"],
                text=data["text"],
                uploaded_file=data["file"] or None,
            )
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            placed = False
            for name, errors in exc.errors.items():
                if name in form.fields:
                    for error in errors:
                        form.add_error(name, error)
                    placed = True
            if not placed:
                form.add_error(None, exc.message)
        else:
            n = run.findings.count()
            messages.success(
                request, f"预审完成:发现{n}处需要关注的问题" if n else "预审完成:未发现问题"
            )
            return redirect("reviews:precheck_detail", pk=run.pk)
    return _list_page(request, form, status=400)


# --- the document with its findings ------------------------------------------------------


@dataclass
class Piece:
    """A stretch of a paragraph and the findings that cover it (most severe first).
    `opens` are the findings whose highlight starts here (they carry the mark's id)."""

    text: str
    findings: list = field(default_factory=list)
    opens: set = field(default_factory=set)

    def marks(self):
        return [
            {
                "finding": f,
                "css": f.css,
                "id": f"mark-{f.pk}" if f.pk in self.opens else "",
            }
            for f in self.findings
        ]


def document(run: PrecheckRun, findings) -> list[dict]:
    """The run's paragraphs cut into pieces at every finding's start and end, so that
    overlapping findings (two categories on one sentence) nest instead of clashing."""
    by_paragraph: dict[int, list] = {}
    for f in findings:
        if f.paragraph is not None and f.start is not None and f.end is not None:
            by_paragraph.setdefault(f.paragraph, []).append(f)
    out = []
    for index, text in enumerate(run.paragraphs):
        located = by_paragraph.get(index, [])
        cuts = sorted({0, len(text), *(f.start for f in located), *(f.end for f in located)})
        pieces = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            if a >= b or a > len(text):
                continue
            covering = sorted(
                (f for f in located if f.start <= a and b <= f.end),
                key=lambda f: _SEVERITY_ORDER.get(f.severity, 9),
            )
            pieces.append(Piece(text[a:b], covering, {f.pk for f in covering if f.start == a}))
        out.append({"index": index, "pieces": pieces, "blank": not text.strip()})
    return out


def _detail_context(request, run):
    findings = [_dress(f) for f in run.findings.all()]
    return {
        "run": run,
        "paragraphs": document(run, findings),
        "located": [f for f in findings if f.paragraph is not None],
        "whole": [f for f in findings if f.paragraph is None],
        "total": len(findings),
        "pending": sum(f.decision == f.Decision.PENDING for f in findings),
        "can_decide": services.can_decide(request.user, run),
        "attachments": list(attachments_for(run)),
    }


@role_required(*services.READER_ROLES)
def precheck_detail(request, pk):
    run = selectors.run_get(request.user, pk)
    return render(request, "reviews/precheck_detail.html", _detail_context(request, run))


@require_POST
@role_required(*services.DECIDER_ROLES)
def precheck_decide(request, pk, finding_pk):
    finding = selectors.finding_get(request.user, pk, finding_pk)
    error = ""
    try:
        finding = services.precheck_finding_decide(
            actor=request.user,
            finding=finding,
            decision=request.POST.get("decision", ""),
            note=request.POST.get("note", ""),
        )
    except Forbidden as exc:
        raise PermissionDenied(exc.message) from exc
    except ServiceError as exc:
        error = exc.message
    if _is_htmx(request):
        # 200 even on a refusal: htmx swaps only successful answers, and the card
        # carries the message next to the form.
        context = {
            "f": _dress(finding),
            "run": finding.run,
            "can_decide": True,
            "error": error,
            "note_value": request.POST.get("note", "") if error else finding.note,
            # Out-of-band swap: the run's "待确认 N 处" follows each decision.
            "pending_count": finding.run.findings.filter(
                decision=PrecheckFinding.Decision.PENDING
            ).count(),
        }
        return render(request, "reviews/_finding.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"已标记为“{finding.get_decision_display()}”")
    return redirect(reverse("reviews:precheck_detail", args=[pk]) + f"#finding-{finding.pk}")


@role_required(Role.LAW_OFFICER)
def rule_stats(request):
    return render(
        request, "reviews/rule_stats.html", {"stats": selectors.rule_acceptance(request.user)}
    )


# --- 合法性审核 --------------------------------------------------------------------------

REVIEW_PAGE_SIZE = 20


def _flag(request, name) -> bool:
    return request.GET.get(name, "") in ("1", "on", "true")


@role_required(*services.REVIEW_READER_ROLES)
def review_list(request):
    """The reviews of one's scope: the user's own queue first; filters by status, kind,
    overdue and mine."""
    status = request.GET.get("status", "")
    if status not in ReviewRequest.Status.values:
        status = ""
    kind = request.GET.get("kind", "")
    if kind not in SubjectKind.values:
        kind = ""
    overdue, mine = _flag(request, "overdue"), _flag(request, "mine")
    today = clock.today()
    qs = annual.narrow(
        selectors.review_list(
            request.user, status=status, kind=kind, overdue=overdue, mine=mine, today=today
        ),
        request.GET,
    )
    page = page_of(qs, request.GET.get("page"), REVIEW_PAGE_SIZE)
    query = urlencode(
        {k: v for k, v in {"status": status, "kind": kind}.items() if v}
        | ({"overdue": "1"} if overdue else {})
        | ({"mine": "1"} if mine else {})
    )
    context = {
        "page": page,
        "status": status,
        "kind": kind,
        "overdue": overdue,
        "mine": mine,
        "query": query,
        "today": today,
        "statuses": ReviewRequest.Status.choices,
        "kinds": SubjectKind.choices,
    }
    return render(request, "reviews/review_list.html", context)


def _review_context(request, review, conclude_form=None, withdraw_form=None):
    user = request.user
    available = {t.verb for t in services.REVIEW_FLOW.available(user, review)}
    if "conclude" in available and conclude_form is None:
        conclude_form = ReviewConcludeForm(kind=review.kind)
    if "withdraw" in available and withdraw_form is None:
        withdraw_form = ReviewWithdrawForm()
    subject = review.subject
    run = review.precheck_run
    return {
        "review": review,
        "subject": subject,
        "subject_url": subject.get_absolute_url() if subject is not None else "",
        "items": [
            (item, review.checklist.get(item.key)) for item in checklists.items_for(review.kind)
        ],
        "timeline": timeline(review),
        "overdue": review.is_overdue(),
        "conclude_form": conclude_form if "conclude" in available else None,
        "withdraw_form": withdraw_form if "withdraw" in available else None,
        "precheck": run,
        "precheck_count": run.findings.count() if run is not None else 0,
        "precheck_high": (run.findings.filter(severity="high").count() if run is not None else 0),
    }


@role_required(*services.REVIEW_READER_ROLES)
def review_detail(request, pk):
    review = selectors.review_get(request.user, pk)
    return render(request, "reviews/review_detail.html", _review_context(request, review))


@require_POST
@role_required(*services.REVIEWER_ROLES)
def review_conclude(request, pk):
    review = selectors.review_get(request.user, pk)
    form = ReviewConcludeForm(request.POST, kind=review.kind)
    if form.is_valid():
        try:
            services.review_conclude(
                actor=request.user,
                review=review,
                opinion=form.cleaned_data["opinion"],
                conclusion=form.cleaned_data["conclusion"],
                checklist=form.checklist(),
            )
        except Forbidden as exc:
            raise PermissionDenied(exc.message) from exc
        except ServiceError as exc:
            if exc.code == "not_found":
                raise Http404(exc.message) from exc
            apply_service_error(form, exc)
        else:
            messages.success(request, "审核意见已出具")
            return redirect("reviews:review_detail", pk=review.pk)
    context = _review_context(request, review, conclude_form=form)
    if context["conclude_form"] is None:  # no longer pending: say why, show the page
        messages.error(request, "当前状态不能出具审核意见")
        return redirect("reviews:review_detail", pk=review.pk)
    return render(request, "reviews/review_detail.html", context, status=400)


@require_POST
@role_required(*services.REQUESTER_ROLES)
def review_withdraw(request, pk):
    review = selectors.review_get(request.user, pk)
    form = ReviewWithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else request.POST.get("reason", "")
    try:
        services.review_withdraw(actor=request.user, review=review, reason=reason)
    except Forbidden as exc:
        raise PermissionDenied(exc.message) from exc
    except ServiceError as exc:
        if exc.code == "not_found":
            raise Http404(exc.message) from exc
        messages.error(request, exc.message)
    else:
        messages.success(request, "已撤回送审")
    return redirect("reviews:review_detail", pk=review.pk)
