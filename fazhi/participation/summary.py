"""公众参与's figures for reports, honest for any period: consultations opened, comments
received (by participant channel and by how they came in), feedback and adoption rates
of the comments received in the period, hearings held — each with its sentence, e.g.
"公开征求意见2项,收到意见40条(人大代表6条、群众30条…),已全部答复,反馈率100.0%"."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q

from fazhi.core.models import OrgUnit
from fazhi.core.scoping import in_subtree
from fazhi.core.summary import Figure, percent, period_bounds

from .models import Channel, Comment, Consultation, Hearing, Outcome, Tag

SECTION = "依法行政"


def _joined(counts: dict) -> str:
    return "、".join(f"{k}{v}条" for k, v in counts.items() if v)


def figures(unit: OrgUnit, start: date, end: date) -> list[Figure]:
    consultations = Consultation.objects.filter(in_subtree(unit), starts_on__range=(start, end))
    by_kind = dict(consultations.values_list("kind").annotate(n=Count("id")).order_by())
    n_consult = sum(by_kind.values())
    kinds = {Consultation.Kind(k).label: v for k, v in sorted(by_kind.items())}

    lo, hi = period_bounds(start, end)
    comments = Comment.objects.filter(
        in_subtree(unit), created_at__gte=lo, created_at__lt=hi, hidden=False
    )
    by_tag = dict(comments.values_list("tag").annotate(n=Count("id")).order_by())
    by_channel = dict(comments.values_list("channel").annotate(n=Count("id")).order_by())
    agg = comments.aggregate(
        answered=Count("id", filter=Q(answer__isnull=False)),
        adopted=Count("id", filter=Q(answer__outcome__in=[Outcome.ADOPTED, Outcome.PARTLY])),
    )
    n_comments = sum(by_tag.values())
    tags = {t.label: by_tag.get(t.value, 0) for t in Tag}
    channels = {c.label: by_channel.get(c.value, 0) for c in Channel}
    feedback = percent(agg["answered"], n_comments)
    adoption = percent(agg["adopted"], agg["answered"])

    held = Hearing.objects.filter(
        in_subtree(unit), held_on__range=(start, end),
        status__in=[Hearing.Status.HELD, Hearing.Status.REPORTED],
    ).count()  # fmt: skip

    consult_sentence = ""
    if n_consult:
        consult_sentence = (
            f"通过民生政策公众参与平台公开征求意见{n_consult}项("
            + "、".join(f"{k}{v}项" for k, v in kinds.items())
            + ")"
        )
    comment_sentence = ""
    if n_comments:
        comment_sentence = f"收到公众意见{n_comments}条,其中{_joined(tags)}"
        offline = n_comments - channels[Channel.ONLINE.label]
        if offline:
            comment_sentence += f";线下渠道{offline}条"
    unanswered = n_comments - agg["answered"]
    feedback_sentence = ""
    if n_comments:
        feedback_sentence = (
            f"意见已全部答复,反馈率{feedback}%" if not unanswered
            else f"已答复{agg['answered']}条、待答复{unanswered}条,反馈率{feedback}%"
        )  # fmt: skip
    return [
        Figure(key="participation.consultations", label="公开征求意见", value=n_consult,
               unit="项", sentence=consult_sentence, section=SECTION, breakdown=kinds),
        Figure(key="participation.comments", label="收到公众意见", value=n_comments, unit="条",
               sentence=comment_sentence, section=SECTION,
               breakdown={**tags, **{f"渠道:{k}": v for k, v in channels.items()}}),
        Figure(key="participation.feedback_rate", label="意见反馈率", value=feedback or 0.0,
               unit="%", sentence=feedback_sentence, section=SECTION,
               breakdown={"已答复": agg["answered"], "待答复": unanswered}),
        Figure(key="participation.adoption_rate", label="意见采纳率(含部分采纳)",
               value=adoption or 0.0, unit="%",
               sentence=f"采纳(含部分采纳)意见{agg['adopted']}条,采纳率{adoption}%"
               if agg["answered"] else "", section=SECTION,
               breakdown={"采纳及部分采纳": agg["adopted"], "已答复": agg["answered"]}),
        Figure(key="participation.hearings", label="举行听证", value=held, unit="场",
               sentence=f"就群众切身利益事项举行听证会{held}场" if held else "",
               section=SECTION),
    ]  # fmt: skip
