"""社会矛盾预警 at county scale (`fazhi scale-data`): after the other apps have added their
five years of records (this app comes after them in INSTALLED_APPS), the open matters
their providers offer for the whole county are scored as of the scale's today and one
warning per matter is written in bulk, as the first `fazhi tick` would have raised them
(open, each red and yellow with its response period from the deadline service). Only
open matters are read (the providers' indexed columns), so the work is proportional to
what is open, not to five years of records.

With no provider present there is nothing to evaluate: the generator says so and writes
nothing."""

from __future__ import annotations

from fazhi.core.models import OrgUnit

from .models import EarlyWarning
from .scoring import COLOUR_RANK, assess
from .services import providers
from .services.evaluation import EvaluationResult, _collect, _stored_factors, _Towns
from .services.warning import response_due

NOTHING = "社会矛盾预警:尚无事项来源(矛盾纠纷、信访、网格走访模块未提供风险数据),未生成预警"


def generate(ctx) -> None:
    if not providers():
        ctx.progress.stream.write(NOTHING + "\n")
        return
    day = ctx.today
    unit_ids = OrgUnit.objects.filter(code__startswith=ctx.county.code).values("id")
    result = EvaluationResult(day=day, unit=ctx.county.name)
    facts = _collect(unit_ids, day, result) or {}
    existing = set(
        EarlyWarning.objects.filter(org_unit_id__in=unit_ids).values_list(
            "subject_kind", "subject_pk"
        )
    )
    units = {
        u.pk: u for u in OrgUnit.objects.filter(pk__in={f.org_unit_id for f in facts.values()})
    }
    towns = _Towns(units)
    due_cache: dict[tuple[str, int], object] = {}

    def rows():
        for key, f in facts.items():
            if key in existing or f.org_unit_id not in units:
                continue
            a = assess(f, day, towns.settings(f.org_unit_id))
            town = towns.town(f.org_unit_id)
            if (a.colour, town.pk) not in due_cache:
                due_cache[(a.colour, town.pk)] = response_due(a.colour, day, town)
            w = EarlyWarning(
                org_unit_id=f.org_unit_id, subject_kind=f.kind, subject_pk=int(f.pk),
                title=f.title[:200], url=f.url[:300], category=f.category[:64], score=a.score,
                colour=a.colour, colour_rank=COLOUR_RANK[a.colour], peak_colour=a.colour,
                factors=_stored_factors(f, a), evaluated_on=day,
                response_due=due_cache[(a.colour, town.pk)],
            )  # fmt: skip
            w.fill_search()
            yield w

    ctx.bulk(EarlyWarning, rows(), "矛盾预警")
