"""Workflows as explicit state machines (architecture rule 4), one mechanism for every app.

An app declares its transitions as data:

    DOCUMENT_FLOW = Workflow(
        Document,
        audit_prefix="document",
        status_labels=Document.Status,
        transitions=[
            Transition("submit_review", "提交合法性审核", {"draft"}, "legality_review",
                       roles={Role.LAW_OFFICER}, guards=[has_comment_period_closed]),
            ...
        ],
    )

and every state change goes through `DOCUMENT_FLOW.run(actor=..., obj=..., verb=...)`,
which locks the row, checks the source state, the actor's role and scope and every
guard, applies the app's extra field changes, saves, writes a `StatusChange` row (the
timeline) and an audit event, all in one transaction. A guard returns None when the
step is allowed, or the Chinese refusal naming the rule it enforces, e.g.
"未经合法性审核,不得提交集体审议(国办发〔2018〕37号)".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from . import audit
from .models import StatusChange
from .permissions import Forbidden, ServiceError
from .prepared import prepared
from .scoping import unit_in_scope

# guard(obj, actor, **params) -> None (allowed) or the Chinese refusal with its rule
Guard = Callable[..., str | None]


@dataclass
class Step:
    """What a transition's `effect` works on: the locked record, who acts, the step's
    parameters (the same ones its guards saw), and `put`, which sets a field and keeps
    the change for the audit event."""

    obj: Any
    actor: Any
    params: dict
    changes: dict = field(default_factory=dict)

    def put(self, name: str, value) -> None:
        before = getattr(self.obj, name)
        if before != value:
            self.changes[name] = [before, value]
        setattr(self.obj, name, value)


# effect(step) -> None: a transition's own field changes (a number, a date…), run after
# its guards pass; it may refuse bad input with a ServiceError, and nothing is saved then.
Effect = Callable[[Step], None]


@dataclass(frozen=True)
class Transition:
    verb: str  # stable, English: "submit_review" → audit verb "document.submit_review"
    label: str  # the button: "提交合法性审核"
    sources: Iterable[str]  # the states it leaves from
    target: str
    roles: Iterable = ()  # who may press it (and must see the record)
    guards: Iterable[Guard] = ()
    # Who may act beyond the role: e.g. lambda obj, actor: obj.reviewer_id == actor.pk
    allowed: Callable[[Any, Any], bool] | None = None
    note_required: bool = False  # e.g. a return for completion must say what is missing
    style: str = "primary"  # bootstrap button style on detail pages
    # A step only the system takes (`fazhi tick`: a date arrived), run with actor=None;
    # no person ever gets its button.
    system: bool = False
    # Default deny: a step without roles is refused at definition unless it is a system
    # step or says explicitly that `allowed` alone decides (e.g. a finding's owner, who
    # may hold any role on any unit the record names).
    allowed_decides: bool = False
    # The step's own field changes, declared beside the step instead of in a branch
    # over verbs elsewhere.
    effect: Effect | None = None

    def __post_init__(self):
        if not (self.roles or self.system or (self.allowed_decides and self.allowed)):
            raise ValueError(
                f"transition {self.verb}: give roles, system=True, or allowed= with "
                "allowed_decides=True (default deny)"
            )
        # Frozen sets and tuples: a transition table is data that never changes.
        object.__setattr__(self, "sources", frozenset(self.sources))
        object.__setattr__(self, "roles", frozenset(self.roles))
        object.__setattr__(self, "guards", tuple(self.guards))


@dataclass
class Workflow:
    model: type
    transitions: list[Transition]
    audit_prefix: str
    status_labels: Any = None  # the model's Status TextChoices, for messages
    status_field: str = "status"
    _by_verb: dict = field(init=False, repr=False)

    def __post_init__(self):
        self._by_verb = {t.verb: t for t in self.transitions}
        if len(self._by_verb) != len(self.transitions):
            raise ValueError("duplicate transition verb")
        # The audit pages name each step in Chinese: a workflow's verbs are its labels.
        audit.VERB_LABELS.update(self.labels())

    # --- reading -------------------------------------------------------------------------

    def label_of(self, status: str) -> str:
        if self.status_labels is None:
            return status
        try:
            return self.status_labels(status).label
        except ValueError:
            return status

    def get(self, verb: str) -> Transition:
        try:
            return self._by_verb[verb]
        except KeyError:
            raise ServiceError(f"未知的操作:{verb}", code="unknown_transition") from None

    def may(self, t: Transition, actor, obj) -> bool:
        """Role and scope only (no guards): whether the button is this person's to press."""
        if t.system or not (actor and actor.is_authenticated):
            return False
        if t.roles and not actor.has_role(*t.roles):
            return False
        if t.roles and not unit_in_scope(actor, obj.org_unit, t.roles):
            return False
        return t.allowed is None or bool(t.allowed(obj, actor))

    def available(self, actor, obj) -> list[Transition]:
        """Transitions from the record's current state that this person may press now.
        Guards are not run here; pressing a button whose guard fails shows its refusal."""
        status = getattr(obj, self.status_field)
        return [t for t in self.transitions if status in t.sources and self.may(t, actor, obj)]

    # --- the one writer ---------------------------------------------------------------------

    def run(
        self,
        *,
        actor,
        obj,
        verb: str,
        note: str = "",
        apply: Callable[[Any], dict | None] | None = None,
        **params,
    ):
        """Move `obj` by `verb`. After the guards pass, the transition's `effect` makes its
        own field changes; `apply(locked_obj)` is for changes that belong to the caller, not
        the step, and may return extra audit changes. `params` go to every guard and to
        the effect. Returns the locked, saved record."""
        t = self.get(verb)
        note = (note or "").strip()
        with transaction.atomic():
            # The unit comes along for the scope check; only the record's own row is locked.
            locked = (
                self.model.objects.select_for_update(of=("self",))
                .select_related("org_unit")
                .get(pk=obj.pk)
            )
            if actor is None or t.system:
                if not (actor is None and t.system):
                    raise Forbidden(f"“{t.label}”由系统自动执行")
            else:
                if t.roles and not actor.has_role(*t.roles):
                    raise Forbidden(f"无权执行“{t.label}”")
                if t.roles and not unit_in_scope(actor, locked.org_unit, t.roles):
                    # Out of scope looks like "not found", as everywhere else.
                    raise ServiceError("记录不存在或无权查看", code="not_found")
                if not self.may(t, actor, locked):
                    raise Forbidden(f"无权执行“{t.label}”")
            before = getattr(locked, self.status_field)
            if before not in t.sources:
                raise ServiceError(
                    f"当前状态为“{self.label_of(before)}”,不能执行“{t.label}”",
                    code="wrong_state",
                )
            if t.note_required and not note:
                raise ServiceError(
                    f"“{t.label}”须填写说明", errors={"note": ["请填写说明"]}, code="note_required"
                )
            for guard in t.guards:
                refusal = guard(locked, actor, **params)
                if refusal:
                    raise ServiceError(refusal, code="guard")
            extra = apply(locked) if apply else None
            if t.effect:
                step = Step(obj=locked, actor=actor, params=params)
                t.effect(step)
                extra = {**step.changes, **(extra or {})}
            setattr(locked, self.status_field, t.target)
            locked.save()
            StatusChange.objects.create(
                org_unit=locked.org_unit,
                content_type=ContentType.objects.get_for_model(self.model),
                object_id=locked.pk,
                verb=t.verb,
                label=t.label,
                from_status=before,
                to_status=t.target,
                actor=actor,
                note=note,
            )
            changes = {self.status_field: [before, t.target], **(extra or {})}
            if note:
                changes["note"] = note
            audit.record(
                verb=f"{self.audit_prefix}.{t.verb}",
                actor=actor,
                actor_name="" if actor else "系统",
                obj=locked,
                changes=changes,
            )
        return locked

    def start(self, *, actor, obj, label: str = "创建", note: str = "") -> None:
        """The first timeline row of a new record (its creation), inside the caller's
        transaction; the caller records its own audit event for the creation."""
        StatusChange.objects.create(
            org_unit=obj.org_unit,
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=obj.pk,
            verb="create",
            label=label,
            from_status="",
            to_status=getattr(obj, self.status_field),
            actor=actor,
            note=note,
        )

    def labels(self) -> dict[str, str]:
        """Audit verb → Chinese label, for core.audit.VERB_LABELS."""
        return {f"{self.audit_prefix}.{t.verb}": t.label for t in self.transitions}


def timeline(obj) -> list[StatusChange]:
    """A record's status changes, oldest first, with their actors (one query, compiled once:
    every workflow record's page shows it)."""
    return _timeline(ContentType.objects.get_for_model(type(obj)).pk, obj.pk)


_timeline = prepared(
    lambda content_type_id, object_id: StatusChange.objects.filter(
        content_type_id=content_type_id, object_id=object_id
    ).select_related("actor"),
    2_100_000_201,
    2_100_000_202,
)
