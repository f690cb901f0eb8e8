"""The town's configuration: its calendar of themed campaigns (with the national themed
dates loaded for a year in one step) and its "八进" targets and event formats."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core import audit
from fazhi.core.cleaning import clean_text

from ..models import Campaign, Option
from ..params import (
    CAMPAIGN_ENDS,
    CAMPAIGN_TOO_LONG,
    DUPLICATE_CAMPAIGN,
    DUPLICATE_OPTION,
    NOT_FOUND,
)
from .common import as_date, refuse, writer_town

# The national themed dates (month, day of start; month, day of end; name; basis). A
# town adds its own (e.g. a local 海洋法治宣传周) on the campaigns page.
THEMED_DATES = [
    ((4, 15), (4, 15), "全民国家安全教育日", "国家安全法第十四条"),
    ((5, 1), (5, 31), "民法典宣传月", "中央宣传部、司法部、全国普法办“美好生活·民法典相伴”主题宣传月(每年5月)"),
    ((6, 26), (6, 26), "国际禁毒日", "禁毒法第十一条(国家采取各种形式开展全民禁毒宣传教育)"),
    ((12, 1), (12, 7), "宪法宣传周", "全国普法办宪法宣传周(国家宪法日所在周)"),
    ((12, 4), (12, 4), "国家宪法日", "全国人大常委会关于设立国家宪法日的决定(2014年)"),
]  # fmt: skip
# The usual "八进" list and the island town's own formats; each town edits its own.
DEFAULT_TARGETS = ["进机关", "进乡村", "进社区", "进学校", "进企业", "进单位", "进网络", "进渔船"]
DEFAULT_FORMATS = ["法治讲座进文化礼堂", "送法进渔村", "普法上船头", "道地说法", "法治游园会",
                   "法律咨询摊位", "以案释法宣讲"]  # fmt: skip


def campaign_create(*, actor, name, starts_on, ends_on=None, basis="", town=None) -> Campaign:
    town = writer_town(actor, town)
    name = clean_text(name, "name", "主题", 100)
    basis = clean_text(basis, "basis", "依据", 200, required=False)
    starts_on = as_date(starts_on, "starts_on", "开始日期")
    ends_on = as_date(ends_on, "ends_on", "结束日期") if ends_on not in (None, "") else starts_on
    if ends_on < starts_on:
        raise refuse("ends_on", CAMPAIGN_ENDS)
    if (ends_on - starts_on).days > 366:
        raise refuse("ends_on", CAMPAIGN_TOO_LONG)
    with transaction.atomic():
        if Campaign.objects.filter(org_unit=town, name=name, starts_on=starts_on).exists():
            raise refuse("name", DUPLICATE_CAMPAIGN.format(name=name))
        campaign = Campaign.objects.create(
            org_unit=town, name=name, starts_on=starts_on, ends_on=ends_on, basis=basis,
            created_by=actor,
        )  # fmt: skip
        audit.record(
            verb="publicity.campaign_create",
            actor=actor,
            obj=campaign,
            changes={
                "name": name,
                "starts_on": starts_on.isoformat(),
                "ends_on": ends_on.isoformat(),
            },
        )
    return campaign


def campaigns_seed(*, actor, year: int, town=None) -> list[Campaign]:
    """The year's national themed dates for the town (those it has not yet)."""
    town = writer_town(actor, town)
    if not 2000 <= int(year) <= 2100:
        raise refuse("year", "年份不正确")
    year = int(year)
    with transaction.atomic():
        have = set(
            Campaign.objects.filter(org_unit=town, starts_on__year=year).values_list(
                "name", "starts_on"
            )
        )
        new = [
            Campaign(
                org_unit=town,
                name=name,
                starts_on=date(year, *s),
                ends_on=date(year, *e),
                basis=basis,
                created_by=actor,
            )  # fmt: skip
            for s, e, name, basis in THEMED_DATES
            if (name, date(year, *s)) not in have
        ]
        for c in new:
            c.save()
        audit.record(
            verb="publicity.campaign_seed",
            actor=actor,
            org_unit=town,
            object_type="publicity.campaign",
            object_repr=f"{year}年主题宣传日历",
            changes={"year": year, "created": [c.name for c in new]},
        )
    return new


def option_create(*, actor, kind, name, town=None) -> Option:
    town = writer_town(actor, town)
    if kind not in Option.Kind.values:
        raise refuse("kind", "类别不正确")
    name = clean_text(name, "name", "名称", 50)
    with transaction.atomic():
        if Option.objects.filter(org_unit=town, kind=kind, name=name).exists():
            raise refuse("name", DUPLICATE_OPTION.format(name=name))
        order = Option.objects.filter(org_unit=town, kind=kind).count() + 1
        option = Option.objects.create(org_unit=town, kind=kind, name=name, order=order)
        audit.record(
            verb="publicity.option_create",
            actor=actor,
            obj=option,
            changes={"kind": kind, "name": name},
        )
    return option


def option_toggle(*, actor, option: Option) -> Option:
    """Switch an option off (kept on the events that used it) or back on."""
    with transaction.atomic():
        locked = (
            Option.objects.select_for_update()
            .filter(pk=option.pk)
            .select_related("org_unit")
            .first()
        )
        if locked is None:
            raise refuse("option", NOT_FOUND)
        writer_town(actor, locked.org_unit)
        locked.is_active = not locked.is_active
        locked.save(update_fields=["is_active"])
        audit.record(
            verb="publicity.option_toggle",
            actor=actor,
            obj=locked,
            changes={"is_active": locked.is_active},
        )
    return locked


def options_seed(*, actor, town=None) -> list[Option]:
    """The default targets and formats for a town that has none of a kind yet."""
    town = writer_town(actor, town)
    with transaction.atomic():
        kinds = set(Option.objects.filter(org_unit=town).values_list("kind", flat=True))
        rows = []
        for kind, names in (
            (Option.Kind.TARGET, DEFAULT_TARGETS),
            (Option.Kind.FORMAT, DEFAULT_FORMATS),
        ):
            if kind in kinds:
                continue
            rows += [
                Option(org_unit=town, kind=kind, name=n, order=i) for i, n in enumerate(names, 1)
            ]
        Option.objects.bulk_create(rows)
        audit.record(
            verb="publicity.option_seed",
            actor=actor,
            org_unit=town,
            object_type="publicity.option",
            object_repr="默认宣传对象和活动形式",
            changes={"created": [o.name for o in rows]},
        )
    return rows


def option_seed_needed(town) -> bool:
    return not Option.objects.filter(org_unit=town).exists()
