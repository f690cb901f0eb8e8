"""民主法治村(社区) creation: the town's checklist (criteria, defaults seeded), a village's
record at one tier, the evidence of each criterion, and the stages
创建中 → 申报 → 拟命名 → 已命名 ⇄ 复核, each a workflow step with its guards.

Moving to 申报 needs every active criterion of the town evidenced (at least one file);
tiers are created one after another (市级 only once 县级 is named, …)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F

from fazhi.core import audit, clock
from fazhi.core.attachments import attachment_add
from fazhi.core.models import Attachment, OrgUnit
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import Transition, Workflow

from ..models import Criterion, Evidence, Tier, VillageRecord
from ..params import LOWER_TIER_FIRST, NEEDS_EVIDENCE, NO_CRITERIA, NOT_FOUND, TIER_EXISTS
from .common import (
    OFFICE_ROLES,
    WRITER_ROLES,
    _text,
    choice,
    office_town,
    past_date,
    town_of,
    village_in_scope,
)

Stage = VillageRecord.Stage
TIER_ORDER = [Tier.COUNTY, Tier.CITY, Tier.PROVINCE, Tier.NATIONAL]

# The checklist a town starts from (市级民主法治村(社区) 创建标准, abridged); the office
# edits, adds and retires items.
DEFAULT_CRITERIA = [
    ("组织领导健全", "村(社区)党组织领导有力,法治建设有计划、有部署、有台账"),
    ("村民自治规范", "依法选举,村民会议、村民代表会议制度健全,议事规则完善"),
    ("村规民约合法", "村规民约(居民公约)经村民会议通过、报镇备案,内容合法"),
    ("村务公开民主管理", "党务、村务、财务公开及时,重大事项民主决策"),
    ("法治宣传教育", "法治文化阵地、普法宣传活动常态化,有法律明白人"),
    ("矛盾纠纷化解", "人民调解组织健全,矛盾纠纷及时化解,无重大群体性事件"),
    ("平安法治建设", "治安防控有力,无重大刑事案件和安全事故"),
]


def criteria_of(town: OrgUnit):
    return Criterion.objects.filter(org_unit=town, is_active=True).order_by("position", "id")


def criteria_seed(*, actor, town: OrgUnit) -> list[Criterion]:
    """The default checklist for a town that has none yet (audited); no-op otherwise."""
    check_role(actor, OFFICE_ROLES | WRITER_ROLES, "无权设置创建标准")
    with transaction.atomic():
        if Criterion.objects.filter(org_unit=town).exists():
            return list(criteria_of(town))
        rows = Criterion.objects.bulk_create(
            Criterion(org_unit=town, name=n, description=d, position=i)
            for i, (n, d) in enumerate(DEFAULT_CRITERIA, start=1)
        )
        audit.record(
            verb="lawunits_criterion.seed",
            actor=actor,
            obj=town,
            org_unit=town,
            changes={"criteria": [c.name for c in rows]},
        )
    return rows


def criterion_add(*, actor, town: OrgUnit, name, description="") -> Criterion:
    """A new item of the town's checklist (the town's law office)."""
    check_role(actor, OFFICE_ROLES, "只有本镇法治办工作人员可以设置创建标准")
    town = office_town(actor, town)
    name = _text(name, "name", "创建标准", limit=100)
    description = _text(description, "description", "说明", limit=300, required=False)
    with transaction.atomic():
        last = Criterion.objects.filter(org_unit=town).order_by("-position").first()
        c = Criterion.objects.create(
            org_unit=town,
            name=name,
            description=description,
            position=(last.position + 1) if last else 1,
        )
        audit.record(verb="lawunits_criterion.create", actor=actor, obj=c, changes={"name": name})
    return c


def criterion_retire(*, actor, criterion: Criterion) -> Criterion:
    """Take an item off the checklist (records already evidenced keep their evidence)."""
    check_role(actor, OFFICE_ROLES, "只有本镇法治办工作人员可以设置创建标准")
    with transaction.atomic():
        c = Criterion.objects.select_for_update().select_related("org_unit").get(pk=criterion.pk)
        office_town(actor, c.org_unit)
        if c.is_active:
            c.is_active = False
            c.save(update_fields=["is_active"])
            audit.record(
                verb="lawunits_criterion.retire", actor=actor, obj=c, changes={"is_active": False}
            )
    return c


def record_create(*, actor, org_unit, tier, started_on=None) -> VillageRecord:
    """Open a village's creation at one tier (the town's law office). A higher tier needs
    the one below named first (县级 → 市级 → 省级 → 国家级)."""
    check_role(actor, OFFICE_ROLES, "只有本镇法治办工作人员可以登记民主法治村(社区)创建")
    village = village_in_scope(actor, org_unit, missing="请选择村(社区)", roles=OFFICE_ROLES)
    tier = choice(tier, Tier, "tier", "创建级别")
    started_on = past_date(started_on or clock.today(), "started_on", "启动创建日期")
    with transaction.atomic():
        if VillageRecord.objects.filter(org_unit=village, tier=tier).exists():
            message = TIER_EXISTS.format(village=village.name, tier=Tier(tier).label)
            raise ServiceError(message, errors={"tier": [message]})
        index = TIER_ORDER.index(tier)
        if index:
            lower = TIER_ORDER[index - 1]
            if not VillageRecord.objects.filter(
                org_unit=village, tier=lower, status__in=VillageRecord.HOLDS_TITLE
            ).exists():
                message = LOWER_TIER_FIRST.format(
                    village=village.name, lower=Tier(lower).label, tier=Tier(tier).label
                )
                raise ServiceError(message, errors={"tier": [message]})
        town = town_of(village)
        if not Criterion.objects.filter(org_unit=town).exists():
            criteria_seed(actor=actor, town=town)
        record = VillageRecord.objects.create(
            org_unit=village, tier=tier, started_on=started_on, created_by=actor
        )
        RECORD_FLOW.start(actor=actor, obj=record, label="启动创建")
        audit.record(
            verb="lawunits_record.create",
            actor=actor,
            obj=record,
            changes={"tier": tier, "started_on": started_on.isoformat()},
        )
    return record


def evidence_upload(*, actor, record: VillageRecord, criterion: Criterion, uploaded_file, note=""):
    """One evidence file for one criterion of a record still 创建中 (the village's cadre
    or the town's office); photos are stored without their metadata."""
    check_role(actor, WRITER_ROLES, "只有村社干部或法治办工作人员可以上传创建佐证")
    note = _text(note, "note", "说明", limit=500, required=False)
    with transaction.atomic():
        locked = (
            VillageRecord.objects.select_for_update(of=("self",))
            .select_related("org_unit")
            .filter(pk=record.pk)
            .first()
        )
        if locked is None or not unit_in_scope(actor, locked.org_unit, WRITER_ROLES):
            raise ServiceError(NOT_FOUND, code="not_found")
        if locked.status != Stage.CREATING:
            raise ServiceError(
                "已申报的创建记录不能再上传佐证(退回创建中后方可补充)", code="wrong_state"
            )
        if criterion.org_unit_id != locked.org_unit.parent_id or not criterion.is_active:
            raise ServiceError(
                "该创建标准不属于本镇的创建标准", errors={"criterion": ["请选择创建标准"]}
            )
        evidence, _ = Evidence.objects.get_or_create(
            record=locked, criterion=criterion, defaults={"org_unit": locked.org_unit}
        )
        attachment = attachment_add(actor=actor, record=evidence, uploaded_file=uploaded_file)
        Evidence.objects.filter(pk=evidence.pk).update(file_count=F("file_count") + 1)
        # The attachment's own audit event (attachment.add) names the evidence record, and
        # so the criterion: a second event only when the note changes.
        if note and note != evidence.note:
            Evidence.objects.filter(pk=evidence.pk).update(note=note)
            audit.record(
                verb="lawunits_evidence.note",
                actor=actor,
                obj=evidence,
                changes=audit.diff({"note": evidence.note}, {"note": note}),
            )
    return attachment


def evidence_recount(evidence: Evidence) -> None:
    """file_count from the attachments themselves (after a file was removed)."""
    ct = ContentType.objects.get_for_model(Evidence)
    n = Attachment.objects.filter(content_type=ct, object_id=evidence.pk).count()
    Evidence.objects.filter(pk=evidence.pk).update(file_count=n)


def missing_criteria(record: VillageRecord) -> list[Criterion]:
    """The town's active criteria without a file for this record, read from the
    attachments themselves (a file removed elsewhere no longer counts) — two queries."""
    ct = ContentType.objects.get_for_model(Evidence)
    evidenced = set(
        Evidence.objects.filter(
            record=record,
            pk__in=Attachment.objects.filter(content_type=ct).values("object_id"),
        ).values_list("criterion_id", flat=True)
    )
    criteria = Criterion.objects.filter(org_unit_id=record.org_unit.parent_id, is_active=True)
    return [c for c in criteria.order_by("position", "id") if c.pk not in evidenced]


# --- the workflow ---------------------------------------------------------------------------


def _all_evidenced(obj, actor, **_):
    if not Criterion.objects.filter(org_unit_id=obj.org_unit.parent_id, is_active=True).exists():
        return NO_CRITERIA
    missing = missing_criteria(obj)
    if missing:
        return NEEDS_EVIDENCE.format(n=len(missing), names="、".join(c.name for c in missing))
    return None


def _stamp(field):
    def effect(step):
        step.put(field, step.params.get("on") or clock.today())

    return effect


def _named(step):
    step.put("named_on", step.params.get("on") or clock.today())
    document = (step.params.get("document") or "").strip()
    if document:
        step.put("document", document[:200])


RECORD_FLOW = Workflow(
    VillageRecord,
    audit_prefix="lawunits_record",
    status_labels=Stage,
    transitions=[
        Transition(
            "declare",
            "申报",
            {Stage.CREATING},
            Stage.DECLARED,
            roles=WRITER_ROLES,
            guards=[_all_evidenced],
            effect=_stamp("declared_on"),
        ),
        Transition(
            "withdraw",
            "退回创建",
            {Stage.DECLARED},
            Stage.CREATING,
            roles=OFFICE_ROLES,
            note_required=True,
            style="outline-danger",
        ),
        Transition(
            "propose",
            "列入拟命名名单",
            {Stage.DECLARED},
            Stage.PROPOSED,
            roles=OFFICE_ROLES,
            effect=_stamp("proposed_on"),
        ),
        Transition(
            "name",
            "命名",
            {Stage.PROPOSED},
            Stage.NAMED,
            roles=OFFICE_ROLES,
            style="success",
            effect=_named,
        ),
        Transition("review", "启动复核", {Stage.NAMED}, Stage.REVIEWING, roles=OFFICE_ROLES),
        Transition(
            "confirm",
            "复核通过",
            {Stage.REVIEWING},
            Stage.NAMED,
            roles=OFFICE_ROLES,
            style="success",
        ),
        Transition(
            "not_named",
            "未获命名",
            {Stage.PROPOSED},
            Stage.CREATING,
            roles=OFFICE_ROLES,
            note_required=True,
            style="outline-danger",
        ),
        Transition(
            "revoke",
            "复核未通过",
            {Stage.REVIEWING},
            Stage.CREATING,
            roles=OFFICE_ROLES,
            note_required=True,
            style="outline-danger",
        ),
    ],
)


def record_transition(*, actor, obj: VillageRecord, verb: str, note="", document="", on=None):
    note = _text(note, "note", "说明", required=False)
    return RECORD_FLOW.run(
        actor=actor, obj=obj, verb=verb, note=note, document=document, on=on or clock.today()
    )
