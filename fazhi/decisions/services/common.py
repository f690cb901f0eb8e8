"""What every write of 重大行政决策 shares: who does what, input checks, and the five
procedures' gates (each returns None when complete, else the refusal citing its article),
used by the workflow's guards and by the detail page's checklist alike."""

from __future__ import annotations

from datetime import date
from functools import partial

from fazhi.core import clock
from fazhi.core.attachments import attachments_for
from fazhi.core.cleaning import clean_text
from fazhi.core.permissions import ServiceError
from fazhi.core.roles import Role

from .. import params
from ..models import READER_ROLES, Decision
from . import consult

# The town's 法治办 prepares the file and runs the procedure; the town leader adopts the
# catalogue and decides after collective discussion (第三十条).
OFFICE_ROLES = frozenset({Role.LAW_OFFICER})
LEADER_ROLES = frozenset({Role.TOWN_LEADER})
WRITER_ROLES = OFFICE_ROLES | LEADER_ROLES
PAGE_ROLES = READER_ROLES

NOT_FOUND = "记录不存在或无权查看"
MAX_TITLE = 200
MAX_SHORT = 100
MAX_TEXT = 20_000

_text = partial(clean_text, limit=MAX_TEXT)


def _date(value, field: str, label: str, *, required=True) -> date | None:
    if value is None or value == "":
        if required:
            raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        message = f"{label}格式应为 YYYY-MM-DD"
        raise ServiceError(message, errors={field: [message]}) from None


def _names(value, field: str, label: str) -> list[str]:
    """A list of names from a list or a text separated by 、,, or new lines."""
    if isinstance(value, str):
        for sep in ("、", ",", ",", "\n", ";", ";"):
            value = value.replace(sep, "\n")
        value = value.split("\n")
    names = [clean_text(v, field, label, 50, required=False) for v in (value or [])]
    names = [n for n in names if n]
    if not names:
        raise ServiceError(f"请填写{label}", errors={field: [f"请填写{label}"]})
    return names


# --- the five gates ---------------------------------------------------------------------


def participation_gate(d: Decision) -> str | None:
    """公众参与 (第十四至十八条): the consultation closed with every comment answered; each
    hearing held with its report."""
    consultation = consult.consultation_of(d)
    if consultation is None:
        return params.CONSULT_MISSING
    if consultation.status != "closed":
        return params.CONSULT_OPEN
    if not consultation.all_answered:
        return params.CONSULT_UNANSWERED.format(n=consultation.unanswered_count)
    for hearing in consult.hearings_of(d):
        if not consult.hearing_done(hearing):
            return params.HEARING_NOT_DONE.format(title=getattr(hearing, "title", "") or "")
    return None


def expert_gate(d: Decision) -> str | None:
    """专家论证 (第十九、二十条): at least one expert, each with a signed opinion uploaded."""
    experts = list(d.experts.all())
    if not experts:
        return params.NO_EXPERT
    for e in experts:
        if not e.no_conflict:
            return params.EXPERT_CONFLICT
        if not e.opinion:
            return params.EXPERT_NO_OPINION.format(name=e.name)
        if not attachments_for(e).exists():
            return params.EXPERT_NOT_SIGNED.format(name=e.name)
    return None


def risk_gate(d: Decision) -> str | None:
    """风险评估 (第二十二至二十四条): the report recorded and uploaded, the risk controllable."""
    risk = getattr(d, "risk", None) if d.pk else None
    if risk is None:
        return params.NO_RISK
    if not attachments_for(risk).exists():
        return params.RISK_NO_REPORT
    if not risk.controllable:
        return params.RISK_UNCONTROLLABLE
    return None


def review_gate(d: Decision) -> str | None:
    """合法性审查 (第二十五至二十八条): through fazhi.reviews, passed, none in progress."""
    from fazhi.reviews.selectors import review_passed

    return None if review_passed(d) else params.REVIEW_FIRST


def discussion_gate(d: Decision) -> str | None:
    """集体讨论 (第三十条): recorded with the chief last, and the minutes uploaded."""
    discussion = getattr(d, "discussion", None) if d.pk else None
    if discussion is None:
        return params.NO_DISCUSSION
    if not discussion.speaking_order or discussion.speaking_order[-1] != discussion.chief:
        return params.CHIEF_NOT_LAST.format(chief=discussion.chief)
    if not attachments_for(discussion).exists():
        return params.DISCUSSION_NO_MINUTES
    return None


GATES = (
    ("participation", "公众参与", "第十四至十八条", participation_gate),
    ("expert", "专家论证", "第十九至二十一条", expert_gate),
    ("risk", "风险评估", "第二十二至二十四条", risk_gate),
    ("review", "合法性审查", "第二十五至二十八条", review_gate),
    ("discussion", "集体讨论决定", "第二十九至三十条", discussion_gate),
)


def gate_report(d: Decision) -> list[dict]:
    """Each procedure with its article and what still stands in its way (None: done)."""
    return [
        {"key": key, "label": label, "articles": art, "missing": gate(d)}
        for key, label, art, gate in GATES
    ]


def today() -> date:
    return clock.today()
