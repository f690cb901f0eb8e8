"""The annual decision catalogue (决策事项目录, 第三条第三款): the law office drafts it
and lists the year's matters, the town leader adopts it, the law office publishes it on
the public site."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from fazhi.core import audit, clock
from fazhi.core.models import OrgUnit
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from .. import params
from ..models import Catalogue
from .common import LEADER_ROLES, NOT_FOUND, OFFICE_ROLES

S = Catalogue.Status
EXISTS = "该镇{year}年度的决策事项目录已存在"


def catalogue_create(*, actor, org_unit: OrgUnit, year) -> Catalogue:
    """Start the catalogue of a town's year (编制中)."""
    check_role(actor, OFFICE_ROLES, "只有法治办工作人员可以编制决策事项目录")
    if org_unit is None or org_unit.kind != OrgUnit.Kind.TOWN:
        raise ServiceError("决策事项目录须属于乡镇", errors={"org_unit": ["请选择乡镇"]})
    if not unit_in_scope(actor, org_unit, OFFICE_ROLES):
        raise Forbidden(NOT_FOUND)
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = 0
    this = clock.today().year
    if not this - 5 <= year <= this + 1:
        message = f"年度应在{this - 5}至{this + 1}年之间"
        raise ServiceError(message, errors={"year": [message]})
    try:
        with transaction.atomic():
            cat = Catalogue.objects.create(org_unit=org_unit, year=year, created_by=actor)
            CATALOGUE_FLOW.start(actor=actor, obj=cat, label="编制决策事项目录")
            audit.record(
                verb="decision_catalogue.create", actor=actor, obj=cat, changes={"year": year}
            )
    except IntegrityError:
        message = EXISTS.format(year=year)
        raise ServiceError(message, errors={"year": [message]}) from None
    return cat


def _has_items(cat, actor, **_):
    return None if cat.decisions.exists() else params.CATALOGUE_EMPTY


def _adopt(step) -> None:
    step.put("adopted_on", step.params["on"])
    step.obj.adopted_by = step.actor
    step.changes["adopted_by"] = step.actor.pk


def _publish(step) -> None:
    step.put("published_on", step.params["on"])


CATALOGUE_FLOW = Workflow(
    Catalogue,
    audit_prefix="decision_catalogue",
    status_labels=S,
    transitions=[
        Transition("adopt", "通过目录(经党委同意)", {S.DRAFT}, S.ADOPTED, roles=LEADER_ROLES,
                   guards=[_has_items], effect=_adopt),
        Transition("publish", "向社会公布目录", {S.ADOPTED}, S.PUBLISHED, roles=OFFICE_ROLES,
                   style="success", effect=_publish),
    ],
)  # fmt: skip


def catalogue_transition(*, actor, obj: Catalogue, verb: str, note: str = "", on=None):
    return CATALOGUE_FLOW.run(actor=actor, obj=obj, verb=verb, note=note, on=on or clock.today())
