"""社会矛盾预警 at county scale: `fazhi scale-data` writes one open warning per matter the
providers offer (in bulk, with the response periods of the services), and the next
evaluation of the whole county updates them with a bounded number of queries; with no
provider the generator writes nothing and says so."""

from __future__ import annotations

from io import StringIO

import pytest

from fazhi.core import scale
from fazhi.earlywarning import scale as ew_scale
from fazhi.earlywarning.models import EarlyWarning
from fazhi.earlywarning.services import evaluate, response_due

from .conftest import DAY, green, red, yellow

pytestmark = pytest.mark.django_db


def _grow():
    out = StringIO()
    scale.grow(county_code="339901", factor=0.01, seed=3, progress=scale.Progress(stream=out),
               generators=[ew_scale.generate])  # fmt: skip
    return out.getvalue()


def test_scale_writes_one_warning_per_open_matter_and_evaluation_stays_bounded(
    tree, provider, on_day, count_queries
):
    on_day(DAY)
    units = [tree.village_a1, tree.grid_a1, tree.village_a2, tree.village_b1]
    makers = [red, yellow, green, green]
    provider.offer(*[makers[i % 4](units[i % 4], i) for i in range(400)])
    _grow()
    assert EarlyWarning.objects.count() == 400
    w = EarlyWarning.objects.get(subject_pk=1)
    assert (w.colour, w.status, w.evaluated_on) == ("yellow", "open", DAY)
    assert w.response_due == response_due("yellow", DAY, tree.town_a)
    assert set(EarlyWarning.objects.values_list("colour", flat=True)) == {"red", "yellow", "green"}
    # The daily evaluation of the county then changes nothing, in a bounded number of queries.
    queries = count_queries(lambda: evaluate(None, DAY))
    assert EarlyWarning.objects.count() == 400 and queries <= 20
    provider.offer(*[makers[i % 4](units[i % 4], i) for i in range(400, 800)])
    more = count_queries(lambda: evaluate(None, DAY))
    assert EarlyWarning.objects.count() == 800 and more > queries  # new ones are raised singly


def test_without_providers_scale_writes_nothing(tree, no_providers):
    assert "尚无事项来源" in _grow() and EarlyWarning.objects.count() == 0
