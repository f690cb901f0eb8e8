"""Every write of 规范性文件: the document's lifecycle (DOCUMENT_FLOW), registration and
numbering, filing with the county (FILING_FLOW), expiry and clean-up.

All services take keyword arguments, run in one transaction, re-check role and scope,
and record an audit event; state changes go through `core.workflow`. Services that
stand for a dated act take `on` (default today) so the demo and tests can back-date."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.cleaning import clean_text
from fazhi.core.dates import add_years
from fazhi.core.deadlines import deadline
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from . import rules
from .models import CleanupBatch, CleanupItem, Document, Filing, NumberCounter

S = Document.Status
FS = Filing.Status

# Who does what (product.md): the law officer drafts and moves the document, the town
# leader records the collective deliberation, the county supervisor reviews filings.
DRAFTER_ROLES = frozenset({Role.LAW_OFFICER})
LEADER_ROLES = frozenset({Role.TOWN_LEADER})
COUNTY_ROLES = frozenset({Role.COUNTY_SUPERVISOR})
NOT_FOUND = "记录不存在或无权查看"
MAX_TITLE = 200
MAX_BODY = 100_000
MAX_SHORT = 100
MAX_TEXT = 5000


def _today(on: date | None) -> date:
    return on or clock.today()


# Free text: one cleaning for every app; here optional unless a call says required.
_text = partial(clean_text, required=False)


def _require_date(value, field: str, label: str) -> date:
    if not isinstance(value, date):
        raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
    return value


def _town_of(actor, org_unit: OrgUnit | None, roles) -> OrgUnit:
    """The town the actor acts for: the one given (if in scope), or their only town."""
    if org_unit is not None:
        if org_unit.kind != OrgUnit.Kind.TOWN or not unit_in_scope(actor, org_unit, roles):
            raise ServiceError(
                "只能为本镇制定规范性文件", errors={"org_unit": ["单位不在管辖范围内"]}
            )
        return org_unit
    towns = [u for u in actor.units_for(roles) if u.kind == OrgUnit.Kind.TOWN]
    if len(towns) != 1:
        raise ServiceError("请选择制定单位", errors={"org_unit": ["请选择制定单位"]})
    return towns[0]


def number_prefix(unit: OrgUnit) -> str:
    """The configured prefix, else the town's 简称, else "<name>政规"."""
    return (
        str(rules.NUMBER_PREFIX.value(unit) or "").strip() or unit.short_name or f"{unit.name}政规"
    )


def format_number(prefix: str, year: int, serial: int) -> str:
    return f"{prefix}〔{year}〕{serial}号"


# --- guards (obj, actor, **params) -> None | refusal ------------------------------------


def _needs_business(doc, actor, **_):
    return None if doc.touches_business else rules.FAIR_COMPETITION_NOT_NEEDED


def _fair_competition_done(doc, actor, **_):
    if not doc.touches_business:
        return None
    if doc.fair_competition == Document.FairCompetition.NONCOMPLIANT:
        return rules.FAIR_COMPETITION_NONCOMPLIANT
    if doc.fair_competition not in (
        Document.FairCompetition.COMPLIANT,
        Document.FairCompetition.EXCEPTION,
    ):
        return rules.FAIR_COMPETITION_FIRST
    return None


def _fair_competition_conclusion(doc, actor, conclusion=None, reason="", until=None, **_):
    if conclusion not in Document.FairCompetition.values or not conclusion:
        return "请选择公平竞争审查结论:符合、不符合或适用例外(《公平竞争审查条例》第十三条)"
    if conclusion == Document.FairCompetition.EXCEPTION and (
        not str(reason or "").strip() or not isinstance(until, date)
    ):
        return rules.FAIR_COMPETITION_EXCEPTION
    return None


def comment_minimum(doc, start: date) -> tuple[date, str]:
    """The earliest allowed close of a comment period opened on `start`, and the rule."""
    if doc.touches_business:
        n = int(rules.COMMENT_DAYS_BUSINESS.value(doc.org_unit))
        return deadline(
            start, n, "days"
        ), f"涉及经营主体的,征求意见期限不少于{n}日(《优化营商环境条例》第六十二条)"
    n = int(rules.COMMENT_WORKDAYS.value(doc.org_unit))
    return deadline(start, n, "workdays"), f"征求意见期限不少于{n}个工作日(法治政府建设示范指标)"


def _comment_period(doc, actor, comment_end=None, **_):
    if not isinstance(comment_end, date):
        return "请填写征求意见截止日期"
    if doc.comment_start is None:
        return "未记录征求意见开始日期"
    earliest, rule = comment_minimum(doc, doc.comment_start)
    if comment_end < earliest:
        return f"征求意见期不足:{rule},最早可于{earliest:%Y年%m月%d日}结束征求意见"
    return None


def _review_passed(doc, actor, **_):
    from fazhi.reviews.selectors import review_passed

    return None if review_passed(doc) else rules.REVIEW_FIRST


def _deliberated(doc, actor, **_):
    if not (doc.deliberation_decision and doc.deliberation_date and doc.deliberation_meeting):
        return rules.DELIBERATION_FIRST
    return None


def _numbered(doc, actor, **_):
    return None if doc.number and doc.serial else rules.NUMBER_FIRST


def _where_when(doc, actor, published_on=None, publish_channel="", **_):
    if not isinstance(published_on, date) or not str(publish_channel or "").strip():
        return rules.PUBLISH_WHERE_WHEN
    return None


def validity_refusal(doc, effective_from, valid_until) -> str | None:
    """The validity rule: an end date, within 5 years (2 for 暂行/试行) of the effective date."""
    if not isinstance(effective_from, date) or not isinstance(valid_until, date):
        return "请填写施行日期和有效期(行政规范性文件实行有效期制度)"
    if valid_until < effective_from:
        return "有效期截止日期不得早于施行日期"
    if doc.is_provisional:
        years = int(rules.PROVISIONAL_VALIDITY_YEARS.value(doc.org_unit))
        rule = f"标题含“暂行”“试行”的,有效期不得超过{years}年(行政规范性文件有效期制度)"
    else:
        years = int(rules.VALIDITY_YEARS.value(doc.org_unit))
        rule = f"有效期不得超过{years}年(行政规范性文件有效期制度)"
    limit = add_years(effective_from, years) - timedelta(days=1)
    if valid_until > limit:
        return f"有效期过长:{rule},自{effective_from:%Y年%m月%d日}施行的最迟至{limit:%Y年%m月%d日}"
    return None


def _validity(doc, actor, published_on=None, effective_from=None, valid_until=None, **_):
    if isinstance(published_on, date) and isinstance(effective_from, date):
        if effective_from < published_on:
            return rules.RETROACTIVE
    return validity_refusal(doc, effective_from, valid_until)


def _order_kind(filing, actor, order_kind="", correction_due=None, on=None, **_):
    if order_kind not in (Filing.OrderKind.CORRECT, Filing.OrderKind.REVOKE):
        return "请选择纠错方式:责令纠正或责令撤销"
    if isinstance(correction_due, date) and correction_due < _today(on):
        return "整改期限不得早于今天"
    return None


def _is_correct_order(filing, actor, **_):
    if filing.order_kind != Filing.OrderKind.CORRECT:
        return "县级审查要求撤销该文件,请办理废止并报告撤销情况"
    return None


def _is_revoke_order(filing, actor, **_):
    if filing.order_kind != Filing.OrderKind.REVOKE:
        return "县级审查要求纠正该文件,请纠正后重新报送"
    return None


# --- the document's state machine --------------------------------------------------------

DRAFTING = {S.DRAFT, S.FAIR_COMPETITION, S.PUBLIC_COMMENT, S.LEGALITY_REVIEW, S.DELIBERATION}

DOCUMENT_FLOW = Workflow(
    Document,
    audit_prefix="document",
    status_labels=S,
    transitions=[
        Transition(
            "fair_competition_start", "开展公平竞争审查", {S.DRAFT}, S.FAIR_COMPETITION,
            roles=DRAFTER_ROLES, guards=[_needs_business], style="outline-primary",
        ),
        Transition(
            "fair_competition_record", "记录公平竞争审查结论", {S.FAIR_COMPETITION},
            S.FAIR_COMPETITION, roles=DRAFTER_ROLES, guards=[_fair_competition_conclusion],
            style="outline-primary",
        ),
        Transition(
            "open_comment", "公开征求意见", {S.DRAFT, S.FAIR_COMPETITION}, S.PUBLIC_COMMENT,
            roles=DRAFTER_ROLES, guards=[_fair_competition_done],
        ),
        Transition(
            "close_comment", "结束征求意见并送合法性审核", {S.PUBLIC_COMMENT}, S.LEGALITY_REVIEW,
            roles=DRAFTER_ROLES, guards=[_fair_competition_done, _comment_period],
        ),
        Transition(
            "submit_deliberation", "提交集体审议", {S.LEGALITY_REVIEW}, S.DELIBERATION,
            roles=DRAFTER_ROLES, guards=[_review_passed],
        ),
        Transition(
            "record_deliberation", "记录集体审议决定", {S.DELIBERATION}, S.DELIBERATION,
            roles=LEADER_ROLES, guards=[_review_passed],
        ),
        Transition(
            "register", "统一登记编号", {S.DELIBERATION}, S.REGISTERED,
            roles=DRAFTER_ROLES, guards=[_review_passed, _deliberated],
        ),
        Transition(
            "publish", "公布", {S.REGISTERED}, S.PUBLISHED,
            roles=DRAFTER_ROLES, guards=[_numbered, _where_when, _validity],
        ),
        Transition(
            "take_effect", "开始施行", {S.PUBLISHED}, S.IN_FORCE, roles=DRAFTER_ROLES,
            style="outline-primary",
        ),
        Transition(
            "return_draft", "退回修改", DRAFTING - {S.DRAFT}, S.DRAFT,
            roles=DRAFTER_ROLES | LEADER_ROLES, note_required=True, style="outline-secondary",
        ),
        # The system's own steps (`fazhi tick`), never a button.
        Transition(
            "auto_in_force", "到期自动施行", {S.PUBLISHED}, S.IN_FORCE, system=True,
        ),
        Transition(
            "auto_expire", "有效期届满自动失效", {S.IN_FORCE, S.PUBLISHED}, S.EXPIRED,
            system=True,
        ),
        Transition(
            "expire", "宣布失效", {S.IN_FORCE, S.PUBLISHED}, S.EXPIRED,
            roles=DRAFTER_ROLES, note_required=True, style="outline-danger",
        ),
        Transition(
            "revise", "已修改(由新文件替代)", {S.IN_FORCE, S.PUBLISHED}, S.REVISED,
            roles=DRAFTER_ROLES, note_required=True, style="outline-danger",
        ),
        Transition(
            "repeal", "废止", {S.IN_FORCE, S.PUBLISHED}, S.REPEALED,
            roles=DRAFTER_ROLES, note_required=True, style="outline-danger",
        ),
    ],
)  # fmt: skip

FILING_FLOW = Workflow(
    Filing,
    audit_prefix="filing",
    status_labels=FS,
    transitions=[
        Transition("accept", "准予备案", {FS.SUBMITTED}, FS.ACCEPTED, roles=COUNTY_ROLES),
        Transition(
            "return", "退回补正", {FS.SUBMITTED}, FS.RETURNED, roles=COUNTY_ROLES,
            note_required=True, style="outline-warning",
        ),
        Transition(
            "order_correction", "责令纠正或撤销", {FS.SUBMITTED}, FS.CORRECTION_ORDERED,
            roles=COUNTY_ROLES, guards=[_order_kind], note_required=True, style="outline-danger",
        ),
        Transition(
            "resubmit", "补正后重新报送", {FS.RETURNED}, FS.SUBMITTED, roles=DRAFTER_ROLES,
            note_required=True,
        ),
        Transition(
            "report_corrected", "纠正后重新报送", {FS.CORRECTION_ORDERED}, FS.SUBMITTED,
            roles=DRAFTER_ROLES, guards=[_is_correct_order], note_required=True,
        ),
        Transition(
            "report_revoked", "报告已撤销(废止文件)", {FS.CORRECTION_ORDERED}, FS.REVOKED,
            roles=DRAFTER_ROLES, guards=[_is_revoke_order], note_required=True,
            style="outline-danger",
        ),
    ],
)  # fmt: skip

audit.VERB_LABELS.update(DOCUMENT_FLOW.labels())
audit.VERB_LABELS.update(FILING_FLOW.labels())
audit.VERB_LABELS.update(
    {
        "document.create": "新建规范性文件",
        "document.update": "修改规范性文件",
        "document.request_review": "送请合法性审核",
        "filing.submit": "报送备案",
        "document.export": "导出规范性文件台账",
        "filing.export": "导出备案审查台账",
        "cleanup.create": "发起规范性文件清理",
        "cleanup.set_outcome": "确定清理结论",
        "cleanup.publish": "公布清理结果",
    }
)


# --- creating and editing -----------------------------------------------------------------

EDITABLE = ("issuer", "title", "body", "touches_business")


def _clean_fields(fields: dict) -> dict:
    out = {}
    if "issuer" in fields:
        if fields["issuer"] not in Document.Issuer.values:
            raise ServiceError(rules.ISSUER_REFUSED, errors={"issuer": [rules.ISSUER_REFUSED]})
        out["issuer"] = fields["issuer"]
    if "title" in fields:
        out["title"] = _text(fields["title"], "title", "标题", MAX_TITLE, required=True)
    if "body" in fields:
        out["body"] = _text(fields["body"], "body", "正文", MAX_BODY)
    if "touches_business" in fields:
        out["touches_business"] = bool(fields["touches_business"])
    return out


def _refuse_number(number) -> None:
    if number not in (None, ""):
        raise ServiceError(rules.NUMBER_BY_HAND, errors={"number": [rules.NUMBER_BY_HAND]})


def document_create(
    *,
    actor,
    title: str,
    issuer: str = Document.Issuer.GOVERNMENT,
    body: str = "",
    touches_business: bool = False,
    org_unit: OrgUnit | None = None,
    number: str | None = None,
) -> Document:
    """A new draft (起草) of the actor's town."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以起草规范性文件")
    _refuse_number(number)
    unit = _town_of(actor, org_unit, DRAFTER_ROLES)
    data = _clean_fields(
        {"issuer": issuer, "title": title, "body": body, "touches_business": touches_business}
    )
    with transaction.atomic():
        doc = Document.objects.create(org_unit=unit, created_by=actor, **data)
        DOCUMENT_FLOW.start(actor=actor, obj=doc, label="起草")
        audit.record(
            verb="document.create",
            actor=actor,
            obj=doc,
            changes={k: [None, v] for k, v in data.items()},
        )
    return doc


def document_update(*, actor, document: Document, number: str | None = None, **fields) -> Document:
    """Edit the draft's own fields; only while it is being drafted (before deliberation)."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以修改规范性文件")
    _refuse_number(number)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ServiceError(f"不能修改这些字段:{'、'.join(sorted(unknown))}")
    data = _clean_fields(fields)
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if not unit_in_scope(actor, doc.org_unit, DRAFTER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if doc.status not in (S.DRAFT, S.FAIR_COMPETITION, S.PUBLIC_COMMENT):
            raise ServiceError(
                f"当前状态为“{doc.get_status_display()}”,不能修改;如需修改请先退回修改"
            )
        if (
            "touches_business" in data
            and data["touches_business"] != doc.touches_business
            and doc.status != S.DRAFT
        ):
            raise ServiceError("只有起草阶段可以更改是否涉及经营主体经济活动")
        before = {k: getattr(doc, k) for k in data}
        for k, v in data.items():
            setattr(doc, k, v)
        doc.save()
        changes = audit.diff(before, data)
        if changes:
            audit.record(verb="document.update", actor=actor, obj=doc, changes=changes)
    return doc


# --- transitions -----------------------------------------------------------------------------


def _take_number(doc: Document, on: date) -> None:
    """Give `doc` the next serial of its town, prefix and year. The counter row is locked
    (select_for_update: PostgreSQL row lock; SQLite's IMMEDIATE transaction holds the
    write lock), so concurrent registrations queue and numbers have no gaps or twins."""
    prefix = number_prefix(doc.org_unit)
    year = on.year
    NumberCounter.objects.bulk_create(
        [NumberCounter(org_unit=doc.org_unit, prefix=prefix, year=year, last=0)],
        ignore_conflicts=True,
    )
    counter = NumberCounter.objects.select_for_update().get(
        org_unit=doc.org_unit, prefix=prefix, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    doc.number_prefix, doc.year, doc.serial = prefix, year, counter.last
    doc.number = format_number(prefix, year, counter.last)
    doc.registered_on = on


def _apply(verb: str, doc: Document, actor, on: date, fields: dict) -> dict:
    """The transition's own field changes (after its guards passed); returns audit changes."""
    changes: dict = {}

    def put(name, value):
        before = getattr(doc, name)
        if before != value:
            changes[name] = [before, value]
        setattr(doc, name, value)

    if verb == "fair_competition_record":
        conclusion = fields["conclusion"]
        put("fair_competition", conclusion)
        exception = conclusion == Document.FairCompetition.EXCEPTION
        put(
            "fair_competition_reason",
            _text(fields.get("reason"), "reason", "例外理由", MAX_TEXT) if exception else "",
        )
        put("fair_competition_until", fields.get("until") if exception else None)
    elif verb == "open_comment":
        start = fields.get("comment_start") or on
        put("comment_start", _require_date(start, "comment_start", "征求意见开始日期"))
        channel = _text(
            fields.get("comment_channel"),
            "comment_channel",
            "征求意见渠道",
            MAX_SHORT,
            required=True,
        )
        put("comment_channel", channel)
        earliest, _rule = comment_minimum(doc, doc.comment_start)
        put("comment_end", None)
        changes["earliest_end"] = earliest.isoformat()
    elif verb == "close_comment":
        put("comment_end", fields["comment_end"])
        count = fields.get("comment_count")
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or count < 0
        ):
            raise ServiceError("收到意见数应为非负整数", errors={"comment_count": ["应为非负整数"]})
        put("comment_count", count)
        put(
            "comment_adoption",
            _text(fields.get("comment_adoption"), "comment_adoption", "意见采纳情况", MAX_TEXT),
        )
        reviewer = fields.get("reviewer")
        if reviewer is None:
            raise ServiceError("请选择合法性审核人", errors={"reviewer": ["请选择合法性审核人"]})
        review = _request_review(actor=actor, doc=doc, reviewer=reviewer)
        changes["review"] = review.pk
    elif verb == "record_deliberation":
        meeting = _text(fields.get("meeting"), "meeting", "审议会议", MAX_SHORT, required=True)
        when = _require_date(fields.get("meeting_date"), "meeting_date", "审议日期")
        if when > on:
            raise ServiceError(
                "审议日期不能晚于今天", errors={"meeting_date": ["审议日期不能晚于今天"]}
            )
        decision = fields.get("decision")
        if decision not in (
            Document.Deliberation.PASSED,
            Document.Deliberation.PASSED_WITH_CHANGES,
        ):
            raise ServiceError(
                "请选择审议结论;未通过的请“退回修改”", errors={"decision": ["请选择审议结论"]}
            )
        put("deliberation_meeting", meeting)
        put("deliberation_date", when)
        put("deliberation_decision", decision)
    elif verb == "register":
        _take_number(doc, on)
        changes["number"] = [None, doc.number]
    elif verb == "publish":
        put("published_on", fields["published_on"])
        put(
            "publish_channel",
            _text(fields.get("publish_channel"), "publish_channel", "公布载体", MAX_SHORT),
        )
        put("effective_from", fields["effective_from"])
        put("valid_until", fields["valid_until"])
        put("filing_due", filing_due_date(doc))
        put(
            "urgent_reason",
            _text(fields.get("urgent_reason"), "urgent_reason", "紧急施行理由", MAX_TEXT),
        )
    elif verb == "return_draft":
        put("deliberation_decision", "")
        put("deliberation_meeting", "")
        put("deliberation_date", None)
        if (
            doc.status == S.FAIR_COMPETITION
            or doc.fair_competition == Document.FairCompetition.NONCOMPLIANT
        ):
            put("fair_competition", "")
    elif verb in ("expire", "revise", "repeal"):
        put("ended_on", on)
        put("end_reason", {"expire": "宣布失效", "revise": "已修改", "repeal": "废止"}[verb])
    return changes


def document_transition(
    *, actor, obj: Document, verb: str, note: str = "", on: date | None = None, **fields
) -> Document:
    """Move a document by `verb` (DOCUMENT_FLOW), with the step's own fields."""
    if "number" in fields:
        _refuse_number(fields.pop("number") or "x")
    day = _today(on)
    DOCUMENT_FLOW.get(verb)  # unknown verbs refused before anything else
    doc = DOCUMENT_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=_text(note, "note", "说明", MAX_TEXT),
        apply=lambda locked: _apply(verb, locked, actor, day, fields),
        on=day,
        **fields,
    )
    if verb == "publish" and doc.effective_from and doc.effective_from <= day:
        doc = DOCUMENT_FLOW.run(
            actor=actor, obj=doc, verb="take_effect", note="施行日期已到", on=day
        )
    return doc


def effective_warning(doc: Document) -> str:
    """The local rule's warning (not a refusal): in force less than 30 days after
    publication without a stated urgent reason."""
    if not (doc.published_on and doc.effective_from) or doc.urgent_reason:
        return ""
    gap = int(rules.EFFECTIVE_GAP_DAYS.value(doc.org_unit))
    if doc.effective_from < doc.published_on + timedelta(days=gap):
        return f"施行日期距公布不足{gap}日且未说明紧急理由(本地规则:一般应不少于{gap}日)"
    return ""


def _request_review(*, actor, doc: Document, reviewer):
    from fazhi.reviews.services import review_request_create

    return review_request_create(
        actor=actor, subject=doc, kind="normative", reviewer=reviewer, text=doc.body
    )


def document_request_review(*, actor, document: Document, reviewer, note: str = ""):
    """Send the document (in 合法性审核) for a new review, e.g. after a 不通过 opinion and
    a revised draft. A second review while one is pending is refused by reviews."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以送请合法性审核")
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if not unit_in_scope(actor, doc.org_unit, DRAFTER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if doc.status != S.LEGALITY_REVIEW:
            raise ServiceError(f"当前状态为“{doc.get_status_display()}”,不能送请合法性审核")
        if reviewer is None:
            raise ServiceError("请选择合法性审核人", errors={"reviewer": ["请选择合法性审核人"]})
        review = _request_review(actor=actor, doc=doc, reviewer=reviewer)
        audit.record(
            verb="document.request_review",
            actor=actor,
            obj=doc,
            changes={"review": review.pk, "reviewer": reviewer.pk},
        )
    return review


# --- automatic changes (fazhi tick) ------------------------------------------------------------


def _set_ended(doc: Document, on: date) -> dict:
    doc.ended_on, doc.end_reason = on, "有效期届满"
    return {"ended_on": [None, on.isoformat()]}


def run_due(today: date) -> list[str]:
    """Documents whose effective date has come take effect; those past their validity
    expire. Idempotent."""
    done = []
    with transaction.atomic():
        for doc in Document.objects.select_for_update().filter(
            status=S.PUBLISHED, effective_from__lte=today
        ):
            DOCUMENT_FLOW.run(
                actor=None, obj=doc, verb="auto_in_force",
                note=f"施行日期{doc.effective_from:%Y-%m-%d}已到(系统自动)",
            )  # fmt: skip
            done.append(f"规范性文件开始施行:{doc}")
        for doc in Document.objects.select_for_update().filter(
            status__in=(S.IN_FORCE, S.PUBLISHED), valid_until__lt=today
        ):
            DOCUMENT_FLOW.run(
                actor=None, obj=doc, verb="auto_expire",
                note=f"有效期至{doc.valid_until:%Y-%m-%d},已届满(系统自动)",
                apply=lambda d, on=today: _set_ended(d, on),
            )  # fmt: skip
            done.append(f"规范性文件有效期届满失效:{doc}")
    return done


# --- filing with the county --------------------------------------------------------------------


def filing_due_date(doc: Document) -> date:
    if doc.filing_due:
        return doc.filing_due
    return deadline(doc.published_on, int(rules.FILING_DAYS.value(doc.org_unit)), "days")


def filing_submit(
    *, actor, document: Document, materials: str = "", on: date | None = None
) -> Filing:
    """The town files a published document with its county (报送备案)."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以报送备案")
    day = _today(on)
    materials = _text(materials, "materials", "报送材料说明", MAX_TEXT)
    with transaction.atomic():
        doc = (
            Document.objects.select_for_update(of=("self",))
            .select_related("org_unit")
            .get(pk=document.pk)
        )
        if not unit_in_scope(actor, doc.org_unit, DRAFTER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if doc.status not in (S.PUBLISHED, S.IN_FORCE) or not doc.published_on:
            raise ServiceError(rules.PUBLISHED_FIRST, code="guard")
        if Filing.objects.filter(document=doc).exists():
            raise ServiceError("该文件已报送备案,不能重复报送", code="guard")
        if day < doc.published_on:
            raise ServiceError(
                "报送日期不能早于公布日期", errors={"on": ["报送日期不能早于公布日期"]}
            )
        county = doc.org_unit.ancestor_of_kind(OrgUnit.Kind.COUNTY)
        if county is None:
            raise ServiceError("未找到上级县级备案审查机关")
        due = filing_due_date(doc)
        filing = Filing.objects.create(
            document=doc,
            org_unit=doc.org_unit,
            county=county,
            submitted_on=day,
            due_date=due,
            on_time=day <= due,
            materials=materials,
            submitted_by=actor,
        )
        FILING_FLOW.start(actor=actor, obj=filing, label="报送备案", note=materials)
        audit.record(
            verb="filing.submit",
            actor=actor,
            obj=filing,
            changes={
                "document": doc.pk,
                "submitted_on": day.isoformat(),
                "due_date": due.isoformat(),
                "on_time": filing.on_time,
            },
        )
    return filing


def _apply_filing(verb: str, filing: Filing, actor, on: date, fields: dict, note: str) -> dict:
    changes: dict = {}
    if verb == "accept":
        filing.decided_on = on
        filing.county_opinion = note or "准予备案"
        changes["decided_on"] = on.isoformat()
    elif verb == "return":
        filing.returned_count += 1
        filing.county_opinion = note
        filing.decided_on = on
    elif verb == "order_correction":
        due = fields.get("correction_due") or deadline(
            on, int(rules.CORRECTION_DAYS.value(filing.org_unit)), "days"
        )
        filing.order_kind = fields["order_kind"]
        filing.correction_due = due
        filing.correction_ordered = True
        filing.county_opinion = note
        filing.decided_on = on
        changes.update({"order_kind": filing.order_kind, "correction_due": due.isoformat()})
    elif verb in ("resubmit", "report_corrected"):
        if fields.get("materials"):
            filing.materials = _text(fields["materials"], "materials", "报送材料说明", MAX_TEXT)
    elif verb == "report_revoked":
        doc = filing.document
        if doc.status not in (S.REPEALED, S.EXPIRED, S.REVISED):
            document_transition(
                actor=actor, obj=doc, verb="repeal", note=f"根据县级备案审查意见撤销:{note}", on=on
            )
            changes["document"] = "repealed"
    return changes


def filing_transition(
    *, actor, obj: Filing, verb: str, note: str = "", on: date | None = None, **fields
) -> Filing:
    """Move a filing by `verb` (FILING_FLOW): the county's decisions, the town's answers."""
    day = _today(on)
    FILING_FLOW.get(verb)
    note = _text(note, "note", "说明", MAX_TEXT)
    return FILING_FLOW.run(
        actor=actor,
        obj=obj,
        verb=verb,
        note=note,
        apply=lambda locked: _apply_filing(verb, locked, actor, day, fields, note),
        on=day,
        **fields,
    )


# --- clean-up (清理) ------------------------------------------------------------------------


def cleanup_create(
    *, actor, title: str, reason: str = "", org_unit: OrgUnit | None = None
) -> CleanupBatch:
    """Start a clean-up of the town's documents in force: every one gets an item."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以发起清理")
    unit = _town_of(actor, org_unit, DRAFTER_ROLES)
    title = _text(title, "title", "清理名称", MAX_TITLE, required=True)
    reason = _text(reason, "reason", "清理原因", 200)
    with transaction.atomic():
        if CleanupBatch.objects.filter(org_unit=unit, status=CleanupBatch.Status.DRAFT).exists():
            raise ServiceError("本镇已有进行中的清理,请先公布其结果")
        batch = CleanupBatch.objects.create(
            org_unit=unit, title=title, reason=reason, created_by=actor
        )
        docs = Document.objects.filter(org_unit=unit, status__in=(S.IN_FORCE, S.PUBLISHED))
        CleanupItem.objects.bulk_create([CleanupItem(batch=batch, document=d) for d in docs])
        audit.record(
            verb="cleanup.create",
            actor=actor,
            obj=batch,
            changes={"title": title, "documents": [d.pk for d in docs]},
        )
    return batch


def _locked_batch(actor, batch: CleanupBatch) -> CleanupBatch:
    locked = CleanupBatch.objects.select_for_update().get(pk=batch.pk)
    if not unit_in_scope(actor, locked.org_unit, DRAFTER_ROLES):
        raise ServiceError(NOT_FOUND, code="not_found")
    if locked.status != CleanupBatch.Status.DRAFT:
        raise ServiceError("清理结果已公布,不能再修改")
    return locked


def cleanup_set_outcome(
    *, actor, batch: CleanupBatch, item_id: int, outcome: str, note: str = ""
) -> CleanupItem:
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以确定清理结论")
    if outcome not in CleanupItem.Outcome.values or not outcome:
        raise ServiceError(
            "清理结论应为继续有效、修改、废止或宣布失效", errors={"outcome": ["请选择清理结论"]}
        )
    note = _text(note, "note", "说明", 200)
    with transaction.atomic():
        locked = _locked_batch(actor, batch)
        item = CleanupItem.objects.filter(batch=locked, pk=item_id).first()
        if item is None:
            raise ServiceError(NOT_FOUND, code="not_found")
        before = item.outcome
        item.outcome, item.note = outcome, note
        item.save()
        audit.record(
            verb="cleanup.set_outcome",
            actor=actor,
            obj=locked,
            changes={"document": item.document_id, "outcome": [before, outcome], "note": note},
        )
    return item


CLEANUP_VERBS = {
    CleanupItem.Outcome.REPEAL: "repeal",
    CleanupItem.Outcome.INVALIDATE: "expire",
}


def cleanup_publish(*, actor, batch: CleanupBatch, on: date | None = None) -> CleanupBatch:
    """Publish the list: every document must have its outcome; 废止 and 宣布失效 take
    effect on the documents."""
    check_role(actor, DRAFTER_ROLES, "只有法治办工作人员可以公布清理结果")
    day = _today(on)
    with transaction.atomic():
        locked = _locked_batch(actor, batch)
        items = list(locked.items.select_related("document"))
        pending = [i for i in items if not i.outcome]
        if pending:
            raise ServiceError(
                f"还有{len(pending)}件文件未确定清理结论,每件文件都须确定继续有效、修改、废止或宣布失效"
            )
        for item in items:
            verb = CLEANUP_VERBS.get(item.outcome)
            if verb and item.document.status in (S.IN_FORCE, S.PUBLISHED):
                document_transition(
                    actor=actor,
                    obj=item.document,
                    verb=verb,
                    note=f"{locked.title}:{item.get_outcome_display()}{(',' + item.note) if item.note else ''}",
                    on=day,
                )
        locked.status, locked.published_on = CleanupBatch.Status.PUBLISHED, day
        locked.save()
        audit.record(
            verb="cleanup.publish",
            actor=actor,
            obj=locked,
            changes={"published_on": day.isoformat(), "items": len(items)},
        )
    return locked


def can(user, roles) -> bool:
    return bool(user and user.is_authenticated and user.has_role(*roles))


__all__ = [
    "DOCUMENT_FLOW",
    "FILING_FLOW",
    "Forbidden",
]
