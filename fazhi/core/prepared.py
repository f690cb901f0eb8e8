"""Querysets compiled once per process and run with new values (issue 15).

Django compiles a queryset to SQL on every evaluation; for the small fixed-shape queries
every request runs (a person's memberships, a record by id) compiling costs several times
what SQLite takes to answer. `prepared(build, *samples)` compiles `build(*samples)` once
per database connection and then only swaps the values in:

    _memberships = prepared(
        lambda user_id: Membership.objects.filter(user_id=user_id, is_active=True)
        .select_related("org_unit").order_by("id"),
        -7_000_001,  # a value that appears nowhere else in the query's parameters
    )
    rows = _memberships(user.pk)  # a list of Membership, org_unit loaded

The rows are what iterating the queryset gives (model instances, select_related objects
and annotations filled, the database's values converted by the fields; tuples for a
`values_list()`). Only querysets whose parameters each take exactly one sample value are
accepted; a query whose shape depends on the values (an `__in` list of varying length, a
filter that is added or not) must be prepared once per shape (core.params does so per
number of ancestor codes) or not at all. A string sample may also stand in a
`__startswith` filter: its parameter is the sample followed by "%", and each new value is
escaped for LIKE the way Django's lookup escapes it (core.scoping's subtree of org codes).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import connections
from django.db.models.query import ModelIterable, ValuesListIterable, get_related_populators

_PREFIX = object()


class PreparedQuery:
    def __init__(self, build: Callable, *samples):
        self.build = build
        self.samples = samples
        self._compiled: dict = {}

    def _compile(self, alias: str, connection):
        queryset = self.build(*self.samples)
        rows_only = queryset._iterable_class is ValuesListIterable
        if queryset._iterable_class is not ModelIterable and not rows_only:
            raise ValueError("prepared() takes model querysets or values_list() (not flat)")
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()  # also fills compiler.select and klass_info
        # Each sample's place and how a new value is written there: as it is, as a LIKE
        # prefix ("sample%"), or in the driver's own integer type when the backend wrapped
        # the sample in one (psycopg's Int8 for a bigint column on PostgreSQL).
        slots = []
        for sample in self.samples:
            found = [
                (i, type(p) if type(p) is not type(sample) else None)
                for i, p in enumerate(params)
                if isinstance(p, type(sample)) and p == sample
            ]
            if not found and isinstance(sample, str):
                found = [(i, _PREFIX) for i, p in enumerate(params) if p == f"{sample}%"]
            if len(found) != 1:
                raise ValueError(f"sample {sample!r} must appear exactly once in the query")
            slots.append(found[0])
        if rows_only:
            entry = {"compiler": compiler, "sql": sql, "params": list(params), "slots": slots}
            self._compiled[(alias, id(connection))] = entry
            return entry
        klass_info, select = compiler.klass_info, compiler.select
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        entry = {
            "compiler": compiler,
            "sql": sql,
            "params": list(params),
            "slots": slots,
            "model": klass_info["model"],
            "start": start,
            "end": end,
            "init_list": [f[0].target.attname for f in select[start:end]],
            "populators": get_related_populators(klass_info, select, alias),
            "annotations": dict(compiler.annotation_col_map or {}),
        }
        self._compiled[(alias, id(connection))] = entry
        return entry

    def __call__(self, *values, using: str = "default") -> list:
        connection = connections[using]
        entry = self._compiled.get((using, id(connection))) or self._compile(using, connection)
        params = list(entry["params"])
        for (slot, write), value in zip(entry["slots"], values, strict=True):
            if write is _PREFIX:
                value = f"{connection.ops.prep_for_like_query(value)}%"
            elif write is not None:
                value = write(value)
            params[slot] = value
        with connection.cursor() as cursor:
            cursor.execute(entry["sql"], params)
            rows = cursor.fetchall()
        if "model" not in entry:  # values_list(): the rows as tuples, values converted
            return list(entry["compiler"].results_iter([rows], tuple_expected=True))
        model, start, end = entry["model"], entry["start"], entry["end"]
        init_list, populators = entry["init_list"], entry["populators"]
        annotations = entry["annotations"]
        objects = []
        for row in entry["compiler"].results_iter([rows]):
            obj = model.from_db(using, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


def prepared(build: Callable, *samples) -> PreparedQuery:
    return PreparedQuery(build, *samples)
