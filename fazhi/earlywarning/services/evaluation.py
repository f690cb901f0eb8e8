"""研判: score every open matter the providers offer for a unit's subtree (or the whole
database) as of a day, and keep one warning per matter.

- a matter offered for the first time gets a warning (生成预警, on its timeline);
- a matter evaluated again updates its warning (never a second one); a colour change is
  a timeline step, and an escalation above the colour a response or dismissal was made
  at reopens it (重新待应对), as does a resolved matter that is offered again;
- an active warning whose matter is no longer offered (closed) is resolved (预警解除) —
  only when every provider answered, so a failing provider never clears warnings.

Providers are the other apps' `risk.risk_facts(unit_ids, day)` (core.risk), found by
name; with none present the evaluation does nothing and says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from fazhi.core import audit, clock, params
from fazhi.core.hooks import app_hooks
from fazhi.core.models import CODE_LENGTHS, OrgUnit, StatusChange
from fazhi.core.permissions import ServiceError, check_role
from fazhi.core.risk import RiskFacts
from fazhi.core.roles import Role
from fazhi.core.scoping import unit_in_scope

from ..models import EarlyWarning
from ..params import EVALUATE_ONLY_OFFICER, NOT_FOUND
from ..scoring import COLOUR_LABELS, COLOUR_RANK, Assessment, Settings, assess
from .warning import WARNING_FLOW, response_due

log = logging.getLogger(__name__)
S = EarlyWarning.Status
NO_PROVIDERS = "尚无可研判的事项来源(矛盾纠纷、信访、网格走访模块未提供风险数据),未作研判"
_CHUNK = 500


@dataclass
class EvaluationResult:
    """What one evaluation did, in counts and Chinese lines (for tick and the page)."""

    day: date
    unit: str
    offered: int = 0
    raised: int = 0
    recoloured: int = 0
    reopened: int = 0
    resolved: int = 0
    failed: list[str] = field(default_factory=list)
    no_providers: bool = False

    def lines(self) -> list[str]:
        if self.no_providers:
            return [f"{self.unit}社会矛盾预警:{NO_PROVIDERS}"]
        out = [
            f"{self.unit}社会矛盾预警研判:事项{self.offered}件,新生成{self.raised}条,"
            f"颜色变化{self.recoloured}条,重新待应对{self.reopened}条,解除{self.resolved}条"
        ]
        if self.failed:
            out.append(f"以下来源研判失败,本次未解除任何预警:{'、'.join(self.failed)}")
        return out


def providers() -> list:
    return list(app_hooks("risk", "risk_facts"))


def _unit_ids(unit: OrgUnit | None):
    qs = (
        OrgUnit.objects.all()
        if unit is None
        else OrgUnit.objects.filter(code__startswith=unit.code)
    )
    return qs.values("id")


def _collect(unit_ids, day, result) -> dict[tuple[str, int], RiskFacts] | None:
    found = providers()
    if not found:
        result.no_providers = True
        return None
    facts: dict[tuple[str, int], RiskFacts] = {}
    for provider in found:
        try:
            for f in provider(unit_ids, day):
                facts[(f.kind, int(f.pk))] = f
        except Exception:  # one app's bug must not stop the others' warnings
            log.exception("risk provider %s failed", provider.__module__)
            result.failed.append(provider.__module__.split(".")[-2])
    return facts


def _stored_factors(facts: RiskFacts, a: Assessment) -> list[dict]:
    """The factors as stored. A key person's words and signals are personal data: the
    warning keeps only how many there were; the person's page (which enforces who may read
    it) holds the rest."""
    rows = a.factors_json()
    if facts.kind == "key_person":
        for row in rows:
            if row["key"] == "signals":
                row["value"] = f"{len(facts.signals)}条(详见人员页面)"
            elif row["key"] == "words":
                row["value"] = "见走访记录(详见人员页面)"
            if row["key"] in ("words", "signals"):
                row["weight"] = "按参数计分"
    return rows


class _Towns:
    """The settings in force per town (parameters are set on counties and towns)."""

    def __init__(self, units: dict[int, OrgUnit]):
        town_len = CODE_LENGTHS["town"]
        codes = {u.code[:town_len] for u in units.values() if len(u.code) >= town_len}
        self.towns = {t.code: t for t in OrgUnit.objects.filter(code__in=codes)}
        self.units = units
        self._settings: dict[str, Settings] = {}
        self._len = town_len

    def town(self, unit_id: int) -> OrgUnit:
        unit = self.units[unit_id]
        return self.towns.get(unit.code[: self._len], unit)

    def settings(self, unit_id: int) -> Settings:
        town = self.town(unit_id)
        if town.code not in self._settings:
            self._settings[town.code] = Settings.for_unit(town)
        return self._settings[town.code]


def _existing(unit_ids, keys) -> dict[tuple[str, int], EarlyWarning]:
    """Active warnings in scope, and any warning (dismissed, resolved) of an offered matter."""
    rows = {
        (w.subject_kind, w.subject_pk): w
        for w in EarlyWarning.objects.filter(
            org_unit_id__in=unit_ids, status__in=EarlyWarning.ACTIVE
        )
    }
    by_kind: dict[str, list[int]] = {}
    for kind, pk in keys:
        if (kind, pk) not in rows:
            by_kind.setdefault(kind, []).append(pk)
    for kind, pks in by_kind.items():
        for i in range(0, len(pks), _CHUNK):
            for w in EarlyWarning.objects.filter(
                subject_kind=kind, subject_pk__in=pks[i : i + _CHUNK]
            ):
                rows[(w.subject_kind, w.subject_pk)] = w
    return rows


def _timeline(w: EarlyWarning, verb: str, label: str, note: str, actor) -> None:
    StatusChange.objects.create(
        org_unit=w.org_unit, content_type=ContentType.objects.get_for_model(EarlyWarning),
        object_id=w.pk, verb=verb, label=label, from_status=w.status, to_status=w.status,
        actor=actor, note=note,
    )  # fmt: skip


def _summary(a: Assessment) -> str:
    parts = [f"{f['label']}{f['points']}分" for f in a.factors_json() if f["points"]]
    return f"风险分{a.score}:" + ("、".join(parts) or "无计分因素")


def _raise(f: RiskFacts, a: Assessment, unit: OrgUnit, town: OrgUnit, day: date, actor):
    now = clock.now()
    w = EarlyWarning(
        org_unit=unit, subject_kind=f.kind, subject_pk=int(f.pk), title=f.title[:200],
        url=f.url[:300], category=f.category[:64], score=a.score, colour=a.colour,
        colour_rank=a.rank, peak_colour=a.colour, factors=_stored_factors(f, a),
        raised_at=now, colour_since=now, evaluated_on=day,
        response_due=response_due(a.colour, day, town),
    )  # fmt: skip
    w.save()
    WARNING_FLOW.start(actor=actor, obj=w, label=f"生成{COLOUR_LABELS[a.colour]}预警",
                       note=_summary(a))  # fmt: skip
    audit.record(verb="earlywarning.raise", actor=actor, actor_name="" if actor else "系统",
                 obj=w, changes={"colour": a.colour, "score": a.score})  # fmt: skip


def _update(w, f, a, unit, town, day, actor, result) -> bool:
    """Bring an existing warning up to date; True when its content changed without a
    colour change (saved in bulk). Most days nothing changes but the evaluation day, which
    is set for all of them in one statement."""
    content = (f.title[:200], f.url[:300], f.category[:64], unit.pk, a.score, _stored_factors(f, a))
    changed = content != (w.title, w.url, w.category, w.org_unit_id, w.score, w.factors)
    w.title, w.url, w.category, _, w.score, w.factors = content
    w.org_unit = unit
    w.evaluated_on = day
    old = w.colour
    if a.colour != old:
        rising = COLOUR_RANK[a.colour] > COLOUR_RANK[old]
        w.colour, w.colour_rank = a.colour, a.rank
        if COLOUR_RANK[a.colour] > COLOUR_RANK[w.peak_colour]:
            w.peak_colour = a.colour
        w.colour_since = clock.now()
        if w.status == S.OPEN:
            w.response_due = response_due(a.colour, day, town)
        w.save()
        verb = "升级" if rising else "降级"
        label = f"预警{verb}:{COLOUR_LABELS[old]}→{COLOUR_LABELS[a.colour]}"
        _timeline(w, "recolour", label, _summary(a), actor)
        audit.record(verb="earlywarning.recolour", actor=actor, actor_name="" if actor else "系统",
                     obj=w, changes={"colour": [old, a.colour], "score": a.score})  # fmt: skip
        result.recoloured += 1
    # A response or dismissal answers the colour it was made at; a higher one needs another.
    acted_at = w.response_colour
    escalated = bool(acted_at) and COLOUR_RANK[w.colour] > COLOUR_RANK.get(acted_at, 0)
    if w.status == S.RESOLVED or (w.status in (S.RESPONDED, S.DISMISSED) and escalated):
        w.save()
        WARNING_FLOW.run(actor=None, obj=w, verb="reopen", note=_summary(a))
        result.reopened += 1
        return False
    w.fill_search()
    return changed and a.colour == old


def evaluate(unit: OrgUnit | None, day: date, *, actor=None) -> EvaluationResult:
    """Evaluate every open matter of `unit`'s subtree (None: every unit) as of `day`."""
    result = EvaluationResult(day=day, unit=unit.name if unit else "全部单位")
    unit_ids = _unit_ids(unit)
    facts = _collect(unit_ids, day, result)
    if facts is None:
        return result
    # Every parameter of a town is read once (twenty of them per town otherwise).
    with transaction.atomic(), params.values_cached():
        ids = {f.org_unit_id for f in facts.values()}
        units = {u.pk: u for u in OrgUnit.objects.filter(pk__in=ids).filter(pk__in=unit_ids)}
        facts = {k: f for k, f in facts.items() if f.org_unit_id in units}
        result.offered = len(facts)
        towns = _Towns(units)
        existing = _existing(unit_ids, facts.keys())
        bulk = []
        for key, f in facts.items():
            u = units[f.org_unit_id]
            a = assess(f, day, towns.settings(u.pk))
            w = existing.get(key)
            if w is None:
                _raise(f, a, u, towns.town(u.pk), day, actor)
                result.raised += 1
            elif _update(w, f, a, u, towns.town(u.pk), day, actor, result):
                bulk.append(w)
        EarlyWarning.objects.bulk_update(
            bulk, ["title", "url", "category", "org_unit", "score", "factors", "search"],
            batch_size=_CHUNK,
        )  # fmt: skip
        seen = [existing[k].pk for k in facts if k in existing]
        for i in range(0, len(seen), _CHUNK):
            EarlyWarning.objects.filter(pk__in=seen[i : i + _CHUNK]).exclude(
                evaluated_on=day
            ).update(evaluated_on=day)
        if not result.failed:
            for key, w in existing.items():
                if key not in facts and w.status in EarlyWarning.ACTIVE:
                    WARNING_FLOW.run(actor=None, obj=w, verb="resolve", note="事项已不在办理中")
                    result.resolved += 1
        audit.record(
            verb="earlywarning.evaluate", actor=actor, actor_name="" if actor else "系统",
            obj=unit, org_unit=unit, object_type="" if unit else "earlywarning.run",
            object_id="" if unit else "all", object_repr="" if unit else "全部单位",
            changes={"day": day.isoformat(), "offered": result.offered, "raised": result.raised,
                     "recoloured": result.recoloured, "reopened": result.reopened,
                     "resolved": result.resolved, "failed": result.failed},
        )  # fmt: skip
    return result


def town_of(actor) -> OrgUnit | None:
    """The law officer's town (their first active law-office membership)."""
    for m in actor.active_memberships():
        if m.role == Role.LAW_OFFICER:
            return m.org_unit
    return None


def evaluate_now(*, actor, unit: OrgUnit | None = None) -> EvaluationResult:
    """立即研判: the law officer evaluates their town as of today."""
    check_role(actor, {Role.LAW_OFFICER}, EVALUATE_ONLY_OFFICER)
    unit = unit or town_of(actor)
    if unit is None or not unit_in_scope(actor, unit, {Role.LAW_OFFICER}):
        raise ServiceError(NOT_FOUND, code="not_found")
    return evaluate(unit, clock.today(), actor=actor)
