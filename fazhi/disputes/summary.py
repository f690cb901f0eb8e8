"""矛盾纠纷's figures for reports: for a town (or a county: its towns) and a period, the
disputes received (排查化解), mediated successfully with the success rate, the written
agreements reached and the applications for judicial confirmation — each a number and a
ready sentence: "排查化解矛盾纠纷N件,调解成功M件,成功率X%,达成调解协议K份,申请司法确认J件".

The cohort is the disputes registered in the period. The success rate is the share of
successes among the disputes whose mediation came to an end (调解成功 + 调解不成): a
refusal (人民调解法第十七条) or a transfer to another body is no mediation of ours."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, monthly_counts, percent

from .models import Agreement, Dispute

SECTION = "基层治理"
S = Dispute.Status


def counts(unit: OrgUnit, start: date, end: date) -> dict:
    """The period's disputes by outcome and their agreements (two queries)."""
    disputes = Dispute.objects.filter(in_subtree(unit), registered_on__range=(start, end))
    c = disputes.aggregate(
        received=Count("id"),
        mediated=Count("id", filter=Q(outcome=S.MEDIATED)),
        failed=Count("id", filter=Q(outcome=S.FAILED)),
        refused=Count("id", filter=Q(outcome=S.REFUSED)),
        transferred=Count("id", filter=Q(outcome=S.TRANSFERRED)),
        open=Count("id", filter=Q(status__in=Dispute.OPEN)),
        grid=Count("id", filter=Q(source=Dispute.Source.GRID_VISIT)),
    )
    J = Agreement.Judicial
    a = Agreement.objects.filter(dispute__in=disputes.values("pk")).aggregate(
        written=Count("id", filter=Q(form=Agreement.Form.WRITTEN)),
        oral=Count("id", filter=Q(form=Agreement.Form.ORAL)),
        applied=Count("id", filter=Q(judicial_state__in=[J.APPLIED, J.CONFIRMED, J.REJECTED])),
        confirmed=Count("id", filter=Q(judicial_state=J.CONFIRMED)),
        rejected=Count("id", filter=Q(judicial_state=J.REJECTED)),
    )
    c.update(a)
    c["rate"] = percent(c["mediated"], c["mediated"] + c["failed"])
    return c


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    c = counts(unit, start, end)
    has = c["received"] > 0
    return [
        Figure(
            key="disputes.received",
            label="排查化解矛盾纠纷",
            value=c["received"],
            unit="件",
            sentence=f"排查化解矛盾纠纷{c['received']}件" if has else "",
            section=SECTION,
            breakdown={
                "调解成功": c["mediated"],
                "调解不成": c["failed"],
                "当事人拒绝调解": c["refused"],
                "移交其他机关": c["transferred"],
                "正在办理": c["open"],
                "来自网格走访": c["grid"],
            },
        ),
        Figure(
            key="disputes.mediated",
            label="调解成功",
            value=c["mediated"],
            unit="件",
            sentence=f"调解成功{c['mediated']}件" if has else "",
            section=SECTION,
        ),
        Figure(
            key="disputes.success_rate",
            label="调解成功率",
            value=c["rate"],
            unit="%",
            sentence=f"成功率{c['rate']}%" if c["mediated"] + c["failed"] else "",
            section=SECTION,
            breakdown={"调解成功": c["mediated"], "调解不成": c["failed"]},
        ),
        Figure(
            key="disputes.agreements",
            label="达成调解协议",
            value=c["written"],
            unit="份",
            sentence=f"达成调解协议{c['written']}份" if has else "",
            section=SECTION,
            breakdown={"调解协议书": c["written"], "口头协议": c["oral"]},
        ),
        Figure(
            key="disputes.judicial",
            label="申请司法确认",
            value=c["applied"],
            unit="件",
            sentence=f"申请司法确认{c['applied']}件" if has else "",
            section=SECTION,
            breakdown={"确认有效": c["confirmed"], "驳回或不予确认": c["rejected"]},
        ),
    ]


def monthly(unit: OrgUnit, year: int) -> dict[str, list[int]]:
    """disputes.received per month of `year` (the dashboard's trend)."""
    return {
        "disputes.received": monthly_counts(
            Dispute.objects.filter(in_subtree(unit)), "registered_on", year
        )
    }
