"""The seed as the golden test (issue 12 item 6): the 2023 summary generated from a town's
ledgers built through the services states each of the seed's facts, in the seed's order.
A fact is asserted once the module that holds it has annual.py (golden.SEED_FACTS)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.hooks import optional_module
from fazhi.core.officedoc import text_of
from fazhi.reports import compose, services
from tests.annual_lib import assert_facts_list_their_records

from .golden import BUILDERS, SEED_FACTS, YEAR

pytestmark = pytest.mark.django_db


def contributing(app: str) -> bool:
    return optional_module(f"fazhi.{app}", "annual") is not None


@pytest.fixture
def seed_town(people, tree, on_day, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for app, build in BUILDERS.items():
        if contributing(app):
            build(people, tree, on_day)
    on_day(date(2024, 2, 20))  # the summary is written in early 2024
    return tree.town_a


def test_the_2023_summary_states_the_seeds_facts_in_the_seeds_order(seed_town, people):
    facts = [(app, words) for app, words in SEED_FACTS if contributing(app)]
    assert facts, "no module of the seed contributes yet"
    document = compose.compose(seed_town, YEAR)
    paragraphs = [(p.source, p.text()) for p in document.paragraphs()]
    positions = []
    for app, words in facts:
        found = [i for i, (source, text) in enumerate(paragraphs)
                 if source == app and all(w in text for w in words)]  # fmt: skip
        assert found, f"{app}: 总结中没有写明 {'、'.join(words)}"
        positions.append(found[0])
    assert positions == sorted(positions), "事实的先后与范本不一致"
    exported = text_of(
        services.report_export(actor=people.officer, unit=seed_town, year=YEAR).content
    )
    assert exported.splitlines()[0] == "2023年海屿镇法治政府建设工作总结及2024年工作思路"
    for _app, words in facts:
        assert all(w in exported for w in words)


def test_every_figure_of_the_seed_towns_summary_lists_the_records_it_counts(
    seed_town, people, client
):
    """Each number of the 2023 summary links to a list the officer may open, and a count
    bound to an `?annual=` list lists exactly that many records (the seed's facts are
    the ledgers', not typed into the prose)."""
    client.force_login(people.officer)
    checked = sum(
        assert_facts_list_their_records(client, contribution)
        for _app, contribution in compose.contributions(seed_town, YEAR)
    )
    assert checked >= len(SEED_FACTS)
