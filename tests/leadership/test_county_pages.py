"""A county's pages of 组织领导 ask the same queries for 2 towns as for 12 (issue 15: a
county has 30), and their per-town figures are the ones the per-town reads give; the
people select of the group and 述法 pages is Django's markup, read in one query."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from fazhi.core.models import OrgUnit
from fazhi.core.roles import Role
from fazhi.leadership import selectors
from fazhi.leadership.forms import LawReportAddForm, MemberForm
from fazhi.leadership.models import LawReport, LeadingGroup
from fazhi.leadership.services import people_of
from tests.factories import member
from tests.forms_lib import django_select

DAY = date(2025, 3, 3)


def add_towns(tree, people, first: int, count: int) -> list[OrgUnit]:
    """`count` more towns of 示范县, each with villages (some with a group, one inactive)
    and 述法 of 2025 (some given)."""
    towns = []
    for n in range(first, first + count):
        town = OrgUnit.objects.create(
            kind="town", code=f"339901{n:03d}", name=f"第{n}镇", parent=tree.county
        )
        towns.append(town)
        for v in range(n % 4 + 1):  # 1–4 villages: the towns differ
            village = OrgUnit.objects.create(
                kind="village" if v % 2 else "community",
                code=f"{town.code}{200 + v:03d}",
                name=f"第{n}镇{v}村",
                parent=town,
                is_active=v != 3,
            )
            if v % 2 == 0:
                LeadingGroup.objects.create(
                    org_unit=village, name=f"{village.name}领导小组", established_on=DAY,
                    created_by=people.officer,
                )  # fmt: skip
        for r in range(n % 3 + 1):
            reporter = member(town, Role.TOWN_LEADER, f"leader{n}_{r}")
            LawReport.objects.create(
                org_unit=town, year=2025, reporter=reporter, due_on=date(2026, 1, 31),
                status="pending" if r == 0 else "submitted", added_by=people.officer,
            )  # fmt: skip
    return towns


def test_village_group_rates_and_coverages_match_the_per_town_reads(people, tree):
    towns = [tree.town_a, tree.town_b, *add_towns(tree, people, 110, 6)]
    empty = OrgUnit.objects.create(kind="town", code="339901199", name="无村镇", parent=tree.county)
    towns.append(empty)
    LeadingGroup.objects.create(
        org_unit=tree.village_a1,
        name="东岙村领导小组",
        established_on=DAY,
        created_by=people.officer,
    )
    rates = selectors.village_group_rates(towns)
    assert rates == [(t, *selectors.village_group_rate(t)) for t in towns]
    assert rates[0] == (tree.town_a, 1, 2, 50.0)
    assert rates[-1] == (empty, 0, 0, 0.0)
    coverages = selectors.coverages(towns, 2025)
    assert coverages == [(t, *selectors.coverage(t, 2025)) for t in towns]
    assert any(done and done < total for _, done, total, _ in coverages)
    assert selectors.coverages(towns, 2024) == [(t, 0, 0, 0.0) for t in towns]
    assert selectors.village_group_rates([]) == []


def test_the_county_pages_ask_the_same_queries_for_2_towns_as_for_12(
    people, tree, login, count_queries
):
    client = login(people.supervisor)
    urls = [reverse("leadership:group_list"), reverse("leadership:lawreport_list") + "?year=2025"]
    add_towns(tree, people, 110, 1)
    few = [count_queries(lambda u=u: client.get(u)) for u in urls]
    add_towns(tree, people, 120, 10)
    assert [count_queries(lambda u=u: client.get(u)) for u in urls] == few
    assert max(few) <= 12
    groups = client.get(urls[0]).content.decode()
    assert "海屿镇:2个村社中0个已建立领导小组(0.0%)" in groups
    # 第125镇: villages 0, 1 (community with a group, village without); 2 villages → 50%
    assert "第125镇:2个村社中1个已建立领导小组(50.0%)" in groups
    # 第127镇: 0–3, the fourth inactive: 3 counted, 0 and 2 with a group
    assert "第127镇:3个村社中2个已建立领导小组(66.7%)" in groups
    reports = client.get(urls[1]).content.decode()
    assert "第125镇:应述法3人,已述法2人(覆盖率66.7%)" in reports
    assert "海屿镇:应述法0人,已述法0人(覆盖率0.0%)" in reports


def test_the_people_select_writes_djangos_markup_in_one_query(people, tree, count_queries):
    odd = member(tree.town_a, Role.CADRE, "odd")
    odd.full_name = '李"<四>&'
    odd.save()
    member(tree.town_a, Role.CADRE, "no_name", full_name="")  # the user name shows
    for form in (
        MemberForm(people=people_of(tree.town_a)),
        MemberForm({"user": str(odd.pk)}, people=people_of(tree.town_a)),
        MemberForm({"user": "x"}, people=people_of(tree.town_a)),
        LawReportAddForm(initial={"reporter": people.leader.pk}, people=people_of(tree.town_a)),
    ):
        name = "user" if "user" in form.fields else "reporter"
        form.is_bound and form.is_valid()  # a bound form's markup marks its errors
        ours: list[str] = []
        assert count_queries(lambda f=form, n=name, out=ours: out.append(str(f[n]))) == 1
        assert ours[0] == django_select(form, name)
    assert "李&quot;&lt;四&gt;&amp;" in ours[0] and ">no_name</option>" in ours[0]
    assert f'<option value="{people.leader.pk}" selected>' in ours[0]


def test_group_detail_query_count_stays_flat_as_the_town_grows(people, tree, login, count_queries):
    group = LeadingGroup.objects.create(
        org_unit=tree.town_a, name="海屿镇领导小组", established_on=DAY, created_by=people.officer
    )
    client = login(people.officer)
    url = reverse("leadership:group_detail", args=[group.pk])
    few = count_queries(lambda: client.get(url))
    for i in range(60):
        member(tree.village_a1 if i % 2 else tree.town_a, Role.CADRE, f"p{i}")
    assert count_queries(lambda: client.get(url)) == few
    assert client.get(url).content.decode().count("<option value=") >= 60
