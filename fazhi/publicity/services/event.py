"""普法 events: recording one (town or village level) and its evidence photos, which are
re-encoded without their metadata (GPS position, camera, time) before they are stored."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.cleaning import clean_text
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.uploads import inspect_upload

from ..models import Campaign, Event, Option
from ..params import (
    BEFORE_CAMPAIGN,
    EVENT_UNIT,
    EVENT_WRITER_ONLY,
    MAX_AUDIENCE,
    NEGATIVE_AUDIENCE,
    NO_TARGET,
    NOT_FOUND,
    NOT_IMAGE,
    TOO_MANY_AUDIENCE,
)
from .common import EVENT_WRITER_ROLES, as_date, refuse, town_of


def _audience(value) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        raise refuse("audience", NEGATIVE_AUDIENCE) from None
    if n < 0:
        raise refuse("audience", NEGATIVE_AUDIENCE)
    return n


def event_create(
    *, actor, org_unit: OrgUnit, title, format, targets, held_on, place, organiser, audience,
    campaign: Campaign | None = None, theme="", summary="",
) -> Event:  # fmt: skip
    check_role(actor, EVENT_WRITER_ROLES, EVENT_WRITER_ONLY)
    if org_unit is None or org_unit.kind not in (
        OrgUnit.Kind.TOWN, OrgUnit.Kind.VILLAGE, OrgUnit.Kind.COMMUNITY
    ):  # fmt: skip
        raise refuse("org_unit", EVENT_UNIT)
    if not unit_in_scope(actor, org_unit, EVENT_WRITER_ROLES):
        raise Forbidden(NOT_FOUND)
    town = town_of(org_unit)
    title = clean_text(title, "title", "活动名称", 200)
    place = clean_text(place, "place", "地点", 200)
    organiser = clean_text(organiser, "organiser", "组织者", 100)
    summary = clean_text(summary, "summary", "活动情况", 5000, required=False)
    held_on = as_date(held_on, "held_on", "活动日期")
    if held_on > clock.today():
        raise refuse("held_on", "活动日期不能晚于今天(登记的是已举办的活动)")
    audience = _audience(audience)
    limit = MAX_AUDIENCE.value(town)
    if audience > limit:
        raise refuse("audience", TOO_MANY_AUDIENCE.format(limit=limit))
    if campaign is not None:
        if campaign.org_unit_id != town.pk:
            raise refuse("campaign", "主题宣传活动须为本镇日历中的活动")
        if held_on < campaign.starts_on:
            message = BEFORE_CAMPAIGN.format(
                held_on=held_on.isoformat(),
                name=campaign.name,
                starts=campaign.starts_on.isoformat(),
            )
            raise refuse("held_on", message)
        theme = theme or campaign.name
    theme = clean_text(theme, "theme", "主题", 100)
    if format is None or format.org_unit_id != town.pk or format.kind != Option.Kind.FORMAT:
        raise refuse("format", "请选择本镇配置的活动形式")
    targets = list(targets or [])
    if not targets:
        raise refuse("targets", NO_TARGET)
    if any(t.org_unit_id != town.pk or t.kind != Option.Kind.TARGET for t in targets):
        raise refuse("targets", "宣传对象须为本镇配置的“八进”对象")
    with transaction.atomic():
        event = Event.objects.create(
            org_unit=org_unit, campaign=campaign, theme=theme, format=format, title=title,
            held_on=held_on, place=place, organiser=organiser, audience=audience,
            summary=summary, created_by=actor,
        )  # fmt: skip
        event.targets.set(targets)
        audit.record(
            verb="publicity.event_create",
            actor=actor,
            obj=event,
            changes={
                "theme": theme,
                "held_on": held_on.isoformat(),
                "format": format.name,
                "targets": [t.name for t in targets],
                "audience": audience,
            },
        )
    return event


def event_photo_add(*, actor, event: Event, uploaded_file):
    """Add an evidence photo to an event, its metadata stripped; a non-image is refused
    and nothing is stored."""
    check_role(actor, EVENT_WRITER_ROLES, EVENT_WRITER_ONLY)
    if not unit_in_scope(actor, event.org_unit, EVENT_WRITER_ROLES):
        raise Forbidden(NOT_FOUND)
    if uploaded_file is None:
        raise refuse("file", "请选择要上传的照片")
    try:
        info = inspect_upload(uploaded_file)
    except ValidationError:
        raise refuse("file", NOT_IMAGE) from None
    if info.file_type not in ("jpg", "png"):
        raise refuse("file", NOT_IMAGE)
    uploaded_file.seek(0)
    # Event declares strip_photo_metadata: attachment_add stores the pixels only.
    return attachment_add(actor=actor, record=event, uploaded_file=uploaded_file)
