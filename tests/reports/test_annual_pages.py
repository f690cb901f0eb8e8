"""Pages of the annual summary: the printed-page preview with linked figures, editing one
paragraph (refusals shown in Chinese, nothing written), approval and the .docx."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.core.officedoc import DOCX_TYPE, text_of
from fazhi.reports.models import AnnualReport

from .conftest import YEAR, snapshot

pytestmark = pytest.mark.django_db


def url(name, tree, year=YEAR, **kw):
    return reverse(name, kwargs={"unit_id": tree.town_a.pk, "year": year, **kw})


def test_the_preview_reads_like_the_page_and_links_each_figure(fake, tree, people, login):
    page = login(people.officer).get(url("annual_preview", tree)).content.decode()
    assert "2023年海屿镇法治政府建设工作总结及2024年工作思路" in page
    assert 'href="/contracts/?year=2023"' in page and ">105</a>" in page
    assert 'data-testid="edit-probe.overdue"' in page  # the officer may edit each paragraph


def test_the_index_opens_the_chosen_town_and_year(fake, tree, people, login):
    response = login(people.officer).get(
        reverse("annual_index"), {"unit": tree.town_a.pk, "year": YEAR}
    )
    assert response.status_code == 302 and response["Location"] == url("annual_preview", tree)


def test_a_year_without_data_says_so_instead_of_an_empty_document(fake, tree, people, login):
    client = login(people.officer)
    page = client.get(url("annual_preview", tree, year=2019)).content.decode()
    assert "2019年海屿镇没有任何可写入工作总结的台账数据" in page
    assert 'data-testid="paper"' not in page
    response = client.get(url("annual_docx", tree, year=2019), follow=True)
    assert "没有任何可写入工作总结的台账数据" in response.content.decode()


def test_an_edit_that_removes_a_figure_is_refused_on_the_form(fake, tree, people, login):
    client = login(people.officer)
    before = snapshot()
    response = client.post(
        url("annual_edit", tree, key="probe.overdue"), {"text": "有整改事项逾期。"}
    )
    assert response.status_code == 200
    assert "数字须与台账绑定" in response.content.decode()
    assert snapshot() == before


def test_edit_approve_and_download(fake, tree, people, login, client):
    login(people.officer)
    response = client.post(
        url("annual_edit", tree, key="probe.overdue"),
        {"text": "督查发现的{0}件整改事项逾期未销号。"},
    )
    assert response.status_code == 302
    login(people.leader)
    client.post(url("annual_transition", tree, verb="approve"))
    assert AnnualReport.objects.get().status == "approved"
    response = client.get(url("annual_docx", tree))
    assert response["Content-Type"] == DOCX_TYPE
    assert "一是督查发现的1件整改事项逾期未销号。" in text_of(response.content)
