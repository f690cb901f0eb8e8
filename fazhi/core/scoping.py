"""Scoping in one place (architecture rule 3).

Every record belongs to an org unit. A user sees the records whose unit lies in the
subtree of one of their record-reading memberships; because a unit's code starts with
its ancestors' codes, the subtree is one OR of indexed prefix filters on the org tree,
and a record is visible when its unit's id is among the subtree's ids. Views, API routes and
exports all go through `visible_to`; anything else answers 404.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.db.models.query import ModelIterable
from django.http import Http404

from .epoch import remembered
from .prepared import PreparedQuery, prepared


def _visible_prefixes(user, roles) -> list[str]:
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    codes = sorted({m.org_unit.code for m in user.active_memberships() if m.role in roles})
    # Drop codes already covered by a shorter prefix: fewer OR terms.
    kept: list[str] = []
    for code in codes:
        if not any(code.startswith(k) for k in kept):
            kept.append(code)
    return kept


def _reads_a_whole_tree(user, roles) -> bool:
    """A membership of these roles on a root of the org tree (the county): its scope is
    most of every table."""
    return any(m.org_unit.parent_id is None for m in user.active_memberships() if m.role in roles)


_manager_classes: dict[tuple, type] = {}


class ScopedQuerySet(models.QuerySet):
    """A queryset that knows which field holds the record's org unit.

    `whole_tree_complement`: for a user whose scope is a whole tree (the county), say the
    scope as "not in a unit outside it" (`_unit_not_outside`). Set it on a big table whose
    list SQLite otherwise reads through the unit index and sorts whole; not by default,
    because a list filtered through an (org_unit, X) index wants the IN form."""

    scope_field = "org_unit"
    whole_tree_complement = False

    @classmethod
    def as_manager(cls, scope_field: str = "org_unit", whole_tree_complement: bool = False):
        # One manager class per kind of scoping, shared by the models that scope alike:
        # building one copies every queryset method, and a class for each of some eighty
        # models cost every process, each `fazhi` command included, 4% of its start-up.
        key = (cls, scope_field, whole_tree_complement)
        if key not in _manager_classes:
            klass = type(
                cls.__name__,
                (cls,),
                {"scope_field": scope_field, "whole_tree_complement": whole_tree_complement},
            )
            _manager_classes[key] = models.Manager.from_queryset(klass)
        return _manager_classes[key]()

    def _code_lookup(self) -> str:
        return f"{self.scope_field}__code" if self.scope_field else "code"

    def scope_q(self, user, roles=None) -> Q | None:
        """The filter for the subtree of the user's memberships (of `roles`, default: every
        role that reads records); None when they see nothing. For querysets that widen
        scoping (e.g. a finding's owner also sees what they own)."""
        from .roles import RECORD_ROLES

        prefixes = _visible_prefixes(user, roles or RECORD_ROLES)
        if not prefixes:
            return None
        if not self.scope_field:  # the org tree itself: the indexed prefix on its own code
            return _under(prefixes)
        if self.whole_tree_complement and _reads_a_whole_tree(user, roles or RECORD_ROLES):
            return _unit_not_outside(prefixes, self.scope_field)
        return _unit_in(prefixes, self.scope_field, holder=user)

    def visible_to(self, user, roles=None):
        """Records in the subtree of the user's memberships (of `roles`, default: every
        role that reads records)."""
        q = self.scope_q(user, roles)
        return self.none() if q is None else self.filter(q)


def get_visible_or_404(queryset, user, roles=None, **lookup):
    """The one way views fetch a single record: outside the user's scope is 404."""
    if isinstance(queryset, models.Manager):
        queryset = queryset.all()
    record = _by_id_in_scope(queryset, user, roles, lookup)
    if record is not _ASK_THE_ORM:
        if record is None:
            raise Http404("记录不存在或无权查看")
        return record
    try:
        return queryset.visible_to(user, roles).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404("记录不存在或无权查看") from exc


_ASK_THE_ORM = object()
# (model, select_related, database) → the record by id, compiled once (core.prepared).
_record_queries: dict[tuple, PreparedQuery] = {}


def _by_id_in_scope(queryset, user, roles, lookup):
    """A detail page's record by id, read with a statement compiled once per shape, its
    scope checked on the row: the same answer as `visible_to(...).get(pk=…)` for the plain
    case (a model's manager, perhaps with select_related, scoped by its own unit column
    the default way), which is what nearly every detail page asks, and where compiling
    the ORM query cost more than reading the row. Anything else (filters, annotations, a
    model that widens or narrows its scope) returns _ASK_THE_ORM."""
    if len(lookup) != 1:
        return _ASK_THE_ORM
    ((name, value),) = lookup.items()
    cls, query = type(queryset), queryset.query
    plain = (
        name in ("pk", "id")
        and type(value) is int
        and 0 < value < 2**31  # beyond a 32-bit id the ORM's range check answers (none)
        and cls.visible_to is ScopedQuerySet.visible_to
        and cls.scope_q is ScopedQuerySet.scope_q
        and cls.scope_field
        and "__" not in cls.scope_field
        and not query.where
        and not query.annotations
        and not query.extra
        and not query.distinct
        and not query.combinator
        and not query.is_sliced
        and not query.select_for_update
        and query.deferred_loading == (frozenset(), True)
        and queryset._iterable_class is ModelIterable
        and not queryset._prefetch_related_lookups
        and not queryset._known_related_objects
    )
    if not plain:
        return _ASK_THE_ORM
    from .roles import RECORD_ROLES

    prefixes = _visible_prefixes(user, roles or RECORD_ROLES)
    if not prefixes:
        return None
    using = queryset.db
    key = (queryset.model, _frozen(query.select_related), using)
    fetch = _record_queries.get(key)
    if fetch is None:
        fetch = _record_queries[key] = prepared(lambda pk: queryset.filter(pk=pk), -7_000_101)
    rows = fetch(value, using=using)
    if not rows:
        return None
    record = rows[0]
    unit_id = getattr(record, f"{cls.scope_field}_id")
    ids = _subtree_ids(prefixes, holder=user)
    if ids is not None:
        return record if unit_id in ids else None
    # A county's subtree is not listed: the unit's own code decides, as in the SQL.
    unit = record._state.fields_cache.get(cls.scope_field)
    code = unit.code if unit is not None else _unit_code(unit_id, using)
    return record if code is not None and code.startswith(tuple(prefixes)) else None


def _frozen(select_related):
    if isinstance(select_related, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in select_related.items()))
    return select_related


_unit_codes = prepared(
    lambda pk: apps.get_model("core", "OrgUnit").objects.filter(pk=pk).values_list("code"),
    -7_000_102,
)


def _unit_code(unit_id, using) -> str | None:
    if unit_id is None:
        return None
    rows = _unit_codes(unit_id, using=using)
    return rows[0][0] if rows else None


def unit_in_scope(user, unit, roles=None) -> bool:
    """Object-level check that services re-run before writing."""
    from .roles import RECORD_ROLES

    return any(unit.code.startswith(p) for p in _visible_prefixes(user, roles or RECORD_ROLES))


def in_subtree(unit, field: str = "org_unit") -> Q:
    """Records whose unit (`field`, a path like "contract__org_unit") lies in `unit`'s
    subtree: the figures' filter, with the same shape as scoping."""
    return _unit_in([unit.code], field, holder=unit)


def _under(prefixes) -> Q:
    """Org units whose code starts with one of `prefixes` (the subtrees)."""
    q = Q()
    for prefix in prefixes:
        q |= Q(code__startswith=prefix)
    return q


# Up to this many units (a town and its villages, grids and offices: about 50) the subtree's
# ids go into the SQL as a list; a county's thousands stay a subquery.
LISTED_UNITS = 300


def _unit_in(prefixes, field: str, holder=None) -> Q:
    """The record's own unit column against the subtrees' ids: the planner reads the
    (small) org tree instead of joining it and matching a LIKE on every record.

    A town's ids are fetched first (one small indexed query) and written as a list, because
    PostgreSQL cannot see how many rows a subquery's units hold: it assumes each holds an
    average share, so for a town it scanned whole tables rather than walk the (org_unit,
    date) indexes of the town's units (a town-year's figures 3-100x slower, the county
    comparison 22 s instead of 4). A county's ids stay a subquery, hashed once: thousands of
    literals cost more to plan and to send than they save, and a county reads most rows
    anyway."""
    ids = _subtree_ids(prefixes, holder)
    if ids is None:
        units = apps.get_model("core", "OrgUnit").objects.filter(_under(prefixes)).values("id")
        return Q(**{f"{field}_id__in": units})
    return Q(**{f"{field}_id__in": ids})


# The subtree's ids, compiled once per number of prefixes (core.prepared): every scoped
# page asks for them, and compiling the ORM query cost more than SQLite takes to answer.
_subtree_queries: dict[int, PreparedQuery] = {}


def _subtree_ids(prefixes, holder=None) -> list[int] | None:
    """The ids of the org units under `prefixes`, or None when there are more than
    LISTED_UNITS (a county). `holder` (the request's user, or the unit whose figures are
    counted) keeps the ids it was asked for, so a page asks the org tree once, not once per
    query."""
    memo = holder.__dict__.setdefault("_subtree_ids", {}) if holder is not None else {}
    key = tuple(prefixes)
    if key not in memo:
        query = _subtree_queries.get(len(key))
        if query is None:
            query = _subtree_queries[len(key)] = prepared(
                lambda *codes: (
                    apps.get_model("core", "OrgUnit")
                    .objects.filter(_under(codes))
                    .values_list("id")[: LISTED_UNITS + 1]
                ),
                *(f"sample-prefix-{i}" for i in range(len(key))),
            )
        ids = remembered("subtree", "|".join(key), lambda: [row[0] for row in query(*key)])
        memo[key] = ids if len(ids) <= LISTED_UNITS else None
    return memo[key]


def _unit_not_outside(prefixes, field: str) -> Q:
    """The same records as `_unit_in`, said as "not in a unit outside the subtrees" (the
    other counties' units: none in a one-county deployment). For a county's user the IN
    list is every unit of the tree, and SQLite then fetches every row through it and sorts
    them for the list's order (0.6 s for 300,000 disputes); with the complement it walks
    the list's order index and stops at the page's last row. The record's unit is never
    null where scoping applies; the isnull term keeps the two forms equal if it were."""
    outside = apps.get_model("core", "OrgUnit").objects.exclude(_under(prefixes)).values("id")
    return Q(**{f"{field}_id__isnull": False}) & ~Q(**{f"{field}_id__in": outside})
