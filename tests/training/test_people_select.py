"""The session page's people select (a town has ~660 people at county scale) is Django's
own markup, read in one query; the page's query count does not grow with the town."""

from __future__ import annotations

from django.urls import reverse

from fazhi.core.roles import Role
from fazhi.training.forms import ParticipantForm, SessionEditForm
from fazhi.training.services import town_people
from tests.factories import member
from tests.forms_lib import django_select


def test_the_people_select_writes_djangos_markup_in_one_query(people, tree, session, count_queries):
    odd = member(tree.village_a1, Role.CADRE, "odd", full_name='李"<四>&')
    member(tree.town_a, Role.CADRE, "no_name", full_name="")  # the user name shows
    people_ = town_people(tree.town_a)
    for form, name in (
        (ParticipantForm(people=people_, roles=["调解员"]), "user"),
        (ParticipantForm({"user": str(odd.pk), "role": "调解员"}, people=people_, roles=["调解员"]), "user"),
        (SessionEditForm(initial=SessionEditForm.initial_for(session), people=people_), "host"),
        (SessionEditForm({"host": "x"}, people=people_), "host"),
    ):  # fmt: skip
        form.is_bound and form.is_valid()  # a bound form's markup marks its errors
        ours: list[str] = []
        assert count_queries(lambda f=form, n=name, out=ours: out.append(str(f[n]))) == 1
        assert ours[0] == django_select(form, name)
    first = str(ParticipantForm({"user": str(odd.pk)}, people=people_)["user"])
    assert f'<option value="{odd.pk}" selected>李&quot;&lt;四&gt;&amp;</option>' in first
    assert ">no_name</option>" in first


def test_session_page_query_count_stays_flat_as_the_town_grows(
    people, tree, session, login, count_queries
):
    client = login(people.officer)
    url = reverse("training:session_detail", args=[session.pk])
    few = count_queries(lambda: client.get(url))
    for i in range(60):
        member(tree.village_a1 if i % 2 else tree.town_a, Role.CADRE, f"p{i}")
    assert count_queries(lambda: client.get(url)) == few
    body = client.get(url).content.decode()
    assert 'name="user"' in body and body.count("<option value=") >= 60
